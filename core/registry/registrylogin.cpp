#include "core/registry/registrylogin.h"

#include "core/registry/registryclient.h"

#include <QPointer>
#include <QThread>
#include <memory>
#include <optional>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RegistryLogin)
};

} // namespace

QString registryHostFor(const QString &server)
{
    if (server.trimmed().isEmpty())
        return QStringLiteral("docker.io");
    const QString host = Credentials::hostnameOf(server.trimmed());
    return Credentials::isDockerHub(host) ? QStringLiteral("docker.io") : host;
}

Job *loginToRegistry(const QString &server, const AuthConfig &login, RegistryClient *remember, QObject *parent)
{
    const QString host = registryHostFor(server);
    auto *job = new Job(Tr::tr("Log in to %1").arg(host), parent);
    // Docker's texts for the same refusals.
    if (login.username.trimmed().isEmpty()) {
        job->failWith(Error{ErrorCode::InvalidArgument, Tr::tr("Username cannot be empty")});
        return job;
    }
    if (login.password.isEmpty()) {
        job->failWith(Error{ErrorCode::InvalidArgument, Tr::tr("Password Required")});
        return job;
    }
    const AuthConfig checked{login.username.trimmed(), login.password, {}};
    // A client of its own, so that the login under test never reaches another request; deleting it (on cancel)
    // aborts the check and drops its callback.
    auto *client = new RegistryClient(job);
    client->setAuth(host, checked);
    QObject::connect(job, &Job::cancelRequested, client, [job, client, host] {
        delete client;
        job->failWith(Error{ErrorCode::Cancelled, Tr::tr("the login to %1 was cancelled").arg(host)});
    });
    const QPointer<RegistryClient> remembered(remember);
    client->ping(host, client, [job, host, checked, remembered](const Status &status) {
        if (!status)
            return job->failWith(status.error());
        if (Status stored = Credentials().store(host, checked); !stored)
            return job->failWith(stored.error());
        if (remembered)
            remembered->setAuth(host, checked);
        job->finishWith(host);
    });
    return job;
}

Result<QStringList> savedRegistryLogins()
{
    auto keys = Credentials().servers();
    if (!keys)
        return keys.error();
    QStringList hosts;
    for (const QString &key : std::as_const(*keys)) {
        const QString host = registryHostFor(key);
        if (!hosts.contains(host))
            hosts.append(host);
    }
    hosts.sort();
    return hosts;
}

Job *logoutOfRegistry(const QString &server, RegistryClient *forget, QObject *parent)
{
    const QString host = registryHostFor(server);
    auto *job = new Job(Tr::tr("Log out of %1").arg(host), parent);
    auto erased = std::make_shared<std::optional<Result<bool>>>();
    QThread *worker = QThread::create([erased, host] { *erased = Credentials().erase(host); });
    QPointer<RegistryClient> client(forget);
    QObject::connect(worker, &QThread::finished, job, [job, erased, host, client] {
        if (!erased->has_value() || !**erased)
            return job->failWith(erased->has_value() ? (**erased).error()
                                                     : Error{ErrorCode::Internal, Tr::tr("cannot erase the login")});
        if (client)
            client->setAuth(host, AuthConfig{});
        if (!***erased)
            return job->failWith({ErrorCode::NotFound, Tr::tr("not logged in to %1").arg(host)});
        job->finishWith(host);
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return job;
}

} // namespace core
