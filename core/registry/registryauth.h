#pragma once

#include "core/base/result.h"
#include "core/registry/credentials.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// A registry login carried with one call, in the shape of Docker's X-Registry-Auth JSON
// ({"username","password","auth","email","serveraddress","identitytoken","registrytoken"}, moby api/pkg/authconfig),
// as plain JSON text. plugdeskctl and the window read the user's own ~/.docker/config.json and send the login for
// the reference's registry this way, so the root helper uses that login for that call and never reads root's home.
// Owns only the encoding; does not look logins up (Credentials does) and does not talk to registries.
class RegistryAuth final
{
    Q_DECLARE_TR_FUNCTIONS(RegistryAuth)

public:
    // {"username","password","identitytoken","serveraddress"}; an empty login gives an empty string.
    static QString encode(const AuthConfig &auth, const QString &serverAddress);
    // The login in `json`; empty text is an empty login. `auth` (base64 "user:pass") fills username and password
    // when they are absent, as Docker does. Text that is not a JSON object is an InvalidArgument error.
    // With `forHost`: a login whose "serveraddress" names another registry than `forHost` (its host, or Docker's key
    // for it) reads as the empty login, so it is never sent there.
    static Result<AuthConfig> decode(const QString &json, const QString &forHost = {});
};

} // namespace core
