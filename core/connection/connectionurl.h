#pragma once

#include "core/base/result.h"

#include <QString>

namespace core {

// Where an engine lives (issue 14, README "Connections"): the URL a person gives to `plugdeskctl -H`, saves with
// `plugdeskctl connection add`, or picks in the window's connection list.
//   plugdesk://             this computer: LocalEngine as root, else HelperEngine (enginefactory.h)
//   plugdesk:///PATH        this computer, the store at PATH (as --root PATH)
//   unix:///PATH            a Docker Engine on its socket (DockerEngine)
//   ssh://[USER@]HOST[:PORT] a Docker Engine on another host, through `ssh HOST docker system dial-stdio`
//                           as the docker CLI does it (DockerEngine); ~/.ssh/config applies
struct ConnectionUrl
{
    enum class Kind { Plugdesk, DockerUnix, DockerSsh };

    Kind kind = Kind::Plugdesk;
    QString path; // Plugdesk: the store root (empty: the default); DockerUnix: the socket
    QString user; // DockerSsh: empty when the URL names none (ssh's own choice then)
    QString host; // DockerSsh
    int port = 0; // DockerSsh: 0 when the URL names none

    // Parses `text`; an empty text is plugdesk://. Errors are InvalidArgument and name the text and what is wrong.
    static Result<ConnectionUrl> parse(const QString &text);
    // The canonical spelling ("unix:///var/run/docker.sock", "ssh://root@example.org:2222", "plugdesk://").
    QString toString() const;
    bool isDocker() const { return kind != Kind::Plugdesk; }

    friend bool operator==(const ConnectionUrl &, const ConnectionUrl &) = default;
};

} // namespace core
