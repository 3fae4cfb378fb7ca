#include "core/registry/remotetags.h"

#include "core/plugin/reference.h"
#include "core/registry/registryclient.h"

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemoteTags)
};

} // namespace

Job *readTags(RegistryClient *client, const QString &repository, QObject *parent)
{
    auto *job = new Job(Tr::tr("List the tags of %1").arg(repository), parent);
    auto parsed = Reference::parse(repository);
    if (!parsed) {
        job->failWith(parsed.error());
        return job;
    }
    const Reference trimmed = parsed->trimmed();
    // Transfers are bound to this context: deleting it on cancel aborts them and drops their callbacks.
    auto *context = new QObject(job);
    QObject::connect(job, &Job::cancelRequested, context, [job, context, trimmed] {
        delete context;
        job->failWith(
            Error{ErrorCode::Cancelled, Tr::tr("listing the tags of %1 was cancelled").arg(trimmed.familiarName())});
    });
    client->listTags(trimmed, context, [job](Result<QStringList> tags) {
        if (!tags)
            return job->failWith(tags.error());
        job->finishWith(*tags);
    });
    return job;
}

} // namespace core
