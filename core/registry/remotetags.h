#pragma once

#include "core/base/job.h"

namespace core {

class RegistryClient;

// The tags of a repository, for completing a reference as it is typed: GET /v2/NAME/tags/list with the registry
// auth flow, following pagination. Needs no privilege, so both engines run it in the caller's process with the
// caller's own logins. `repository` is a reference; a tag or digest in it is ignored. The Job (a child of
// `parent`) ends with a QStringList in the registry's order, or with the error: InvalidArgument (bad reference),
// NotFound (unknown repository), Auth, Network ... Cancelling stops the transfer.
Job *readTags(RegistryClient *client, const QString &repository, QObject *parent);

} // namespace core
