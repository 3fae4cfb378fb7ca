#pragma once

#include "core/base/result.h"

#include <QList>
#include <QString>

namespace core {

// Docker's contexts, read only (issue 14): the docker CLI's own list of engines, so a person who already has
// `docker context create lab --docker host=ssh://lab` finds "lab" in `plugdeskctl connection ls` and the window's
// Add Connection dialog. Plugdesk never writes them.
//   $DOCKER_CONFIG (else ~/.docker)/contexts/meta/<digest>/meta.json: {"Name": ..., "Endpoints": {"docker":
//       {"Host": "ssh://..."}}}
//   $DOCKER_CONFIG/config.json: {"currentContext": NAME}
//   the implicit context "default": $DOCKER_HOST, else unix:///var/run/docker.sock
class DockerContexts final
{
public:
    struct Context
    {
        QString name;
        QString host;          // as Docker holds it: unix://..., ssh://..., tcp://... (which Plugdesk cannot use)
        bool implicit = false; // "default", from DOCKER_HOST or Docker's built-in socket
        bool current = false;  // Docker's current context (config.json's currentContext, else "default")
    };

    // The folder: $DOCKER_CONFIG, else ~/.docker.
    static QString configDirectory();
    // The contexts under `folder` (the implicit "default" first, then by name). A meta.json that does not
    // parse is skipped: Docker's own files are not Plugdesk's to complain about, and one broken file must not hide
    // the others.
    static QList<Context> read(const QString &folder = configDirectory());
};

} // namespace core
