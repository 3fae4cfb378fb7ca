#include "core/connection/dockercontexts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace core {

namespace {

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // Docker's files are small; anything larger is not one of them.
    if (file.size() > qint64(1024) * 1024)
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QString DockerContexts::configDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("DOCKER_CONFIG");
    return fromEnvironment.isEmpty() ? QDir::homePath() + QStringLiteral("/.docker") : fromEnvironment;
}

QList<DockerContexts::Context> DockerContexts::read(const QString &folder)
{
    QList<Context> contexts;
    const QDir meta(folder + QStringLiteral("/contexts/meta"));
    const QStringList folders = meta.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &contextFolder : folders) {
        const QJsonObject object = readObject(meta.filePath(contextFolder + QStringLiteral("/meta.json")));
        const QString name = object.value(QStringLiteral("Name")).toString();
        if (name.isEmpty() || name == QLatin1String("default"))
            continue;
        const QString host = object.value(QStringLiteral("Endpoints"))
                                 .toObject()
                                 .value(QStringLiteral("docker"))
                                 .toObject()
                                 .value(QStringLiteral("Host"))
                                 .toString();
        contexts.append({name, host, false, false});
    }
    std::sort(contexts.begin(), contexts.end(), [](const Context &a, const Context &b) { return a.name < b.name; });

    const QString dockerHost = qEnvironmentVariable("DOCKER_HOST");
    contexts.prepend({QStringLiteral("default"),
                      dockerHost.isEmpty() ? QStringLiteral("unix:///var/run/docker.sock") : dockerHost, true, false});

    QString current = qEnvironmentVariable("DOCKER_CONTEXT");
    if (current.isEmpty())
        current =
            readObject(folder + QStringLiteral("/config.json")).value(QStringLiteral("currentContext")).toString();
    if (current.isEmpty())
        current = QStringLiteral("default");
    for (Context &context : contexts)
        context.current = context.name == current;
    return contexts;
}

} // namespace core
