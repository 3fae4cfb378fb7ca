#pragma once

#include "core/base/job.h"
#include "core/registry/credentials.h"

#include <QString>
#include <QStringList>

namespace core {

class RegistryClient;

// `docker login` (docs/docker-compat.md §7.4), shared by plugdeskctl login and Engine::login: the login is checked
// against the registry's /v2/ with the full auth flow (Basic, or a token for it) and only then saved the way the docker
// CLI saves it (Credentials: the configured credential helper, else config.json with mode 0600). Needs no privilege: it
// runs in the caller's process with the caller's own files.

// The registry host a SERVER argument names: "" , "https://index.docker.io/v1/" and "docker.io" -> docker.io,
// "https://reg.example:5000/v2/" -> reg.example:5000.
QString registryHostFor(const QString &server);

// Checks `login` against the registry `server` names, then saves it. The Job (a child of `parent`) ends with the
// registry host (QString), or with InvalidArgument (no user name or no password), the check's error (Auth when
// the registry refuses the login, Network, Registry ...) or the error saving it. On success `remember`, when
// given, is told the login, so that a client that cached the old one uses the new one at once. Cancelling stops
// the check; nothing is saved then.
Job *loginToRegistry(const QString &server, const AuthConfig &login, RegistryClient *remember, QObject *parent);

// The registries this user has a saved login for (the `auths` of the docker CLI's config.json, where a credential
// helper also leaves its entries), as hosts ("docker.io", "reg.example:5000"), sorted.
Result<QStringList> savedRegistryLogins();

// `docker logout SERVER`: erases the saved login (credential helper and config.json) on a worker thread (a
// credential helper may take seconds). The Job (a child of `parent`) ends with the registry host, or NotFound `not
// logged in to <host>` when there was none. `forget`, when given, stops using the login at once.
Job *logoutOfRegistry(const QString &server, RegistryClient *forget, QObject *parent);

} // namespace core
