#pragma once

#include "core/engine/job.h"

namespace core {

class RegistryClient;

// The privileges step of install (SPEC §4, §11): fetches the manifest and the config blob of `reference`, no
// layers, and derives the privileges. Needs no privilege of its own, so both engines run it in the caller's
// process with the caller's own logins. The Job (a child of `parent`) ends with QVariant::fromValue(Privileges),
// or with the fetch's error as it came; NotAPlugin carries Docker's text. Cancelling stops the transfer.
Job *readPrivileges(RegistryClient *client, const QString &reference, QObject *parent);

} // namespace core
