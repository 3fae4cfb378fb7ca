#pragma once

#include "core/base/job.h"

#include <QStringList>

namespace core {

class RegistryClient;

// The privileges step of install (docs/docker-compat.md §3, §9): fetches the manifest and the config blob of
// `reference`, no layers, and derives the privileges. Needs no privilege of its own, so both engines run it in the
// caller's process with the caller's own logins. The Job (a child of `parent`) ends with
// QVariant::fromValue(Privileges), or with the fetch's error as it came; NotAPlugin carries Docker's text. Cancelling
// stops the transfer. `settings` are install's KEY=VALUE arguments: the privileges are those the plugin runs with once
// they are applied (a mount source given at install is a host path like any other), and a bad one fails here with
// `set`'s text. A config that mounts a kernel filesystem fails with PermissionDenied naming the mount.
Job *readPrivileges(RegistryClient *client, const QString &reference, const QStringList &settings, QObject *parent);

} // namespace core
