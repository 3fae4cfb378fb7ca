#include "core/registry/credentials.h"

#include "core/base/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace core {

namespace {

const QString kHubKey = QStringLiteral("https://index.docker.io/v1/");
constexpr int kHelperTimeoutMs = 30000;

} // namespace

Credentials::Credentials(QString configDir)
    : m_dir(configDir.isEmpty() ? defaultConfigDir() : std::move(configDir))
{}

QString Credentials::defaultConfigDir()
{
    QString fromEnvironment = qEnvironmentVariable("DOCKER_CONFIG");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir::homePath() + QStringLiteral("/.docker");
}

QString Credentials::configPath() const
{
    return m_dir + QStringLiteral("/config.json");
}

bool Credentials::isDockerHub(const QString &host)
{
    return host == QLatin1String("docker.io") || host == QLatin1String("index.docker.io") ||
           host == QLatin1String("registry-1.docker.io") || host == kHubKey;
}

QString Credentials::serverKey(const QString &host)
{
    return isDockerHub(host) ? kHubKey : host;
}

QString Credentials::hostnameOf(const QString &serverAddress)
{
    QString stripped = serverAddress;
    if (stripped.startsWith(QLatin1String("http://")))
        stripped = stripped.mid(7);
    else if (stripped.startsWith(QLatin1String("https://")))
        stripped = stripped.mid(8);
    return stripped.section(QLatin1Char('/'), 0, 0);
}

Result<QJsonObject> Credentials::readConfig() const
{
    QFile file(configPath());
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(configPath(), file.errorString())};
    const QByteArray data = file.readAll();
    if (data.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (!document.isObject())
        return Error{ErrorCode::Corrupt,
                     tr("cannot read %1: not a JSON object (%2) — fix or remove the file")
                         .arg(configPath(), parseError.error == QJsonParseError::NoError ? tr("wrong type")
                                                                                         : parseError.errorString())};
    return document.object();
}

Status Credentials::writeConfig(const QJsonObject &config) const
{
    if (!QDir().mkpath(m_dir))
        return Error{ErrorCode::Io, tr("cannot create the folder %1").arg(m_dir)};
    QFile::setPermissions(m_dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return AtomicFile::write(configPath(), QJsonDocument(config).toJson(QJsonDocument::Indented), 0600);
}

Result<QString> Credentials::storeHelper(const QString &host) const
{
    auto config = readConfig();
    if (!config)
        return config.error();
    return helperFor(*config, host);
}

QString Credentials::helperFor(const QJsonObject &config, const QString &host)
{
    const QJsonObject helpers = config.value(QStringLiteral("credHelpers")).toObject();
    const QString hostname = hostnameOf(serverKey(host));
    for (const QString &candidate : {host, hostname}) {
        QString helper = helpers.value(candidate).toString();
        if (!helper.isEmpty())
            return helper;
    }
    return config.value(QStringLiteral("credsStore")).toString();
}

Result<QByteArray> Credentials::runHelper(const QString &helper, const QString &action, const QByteArray &input,
                                          bool *notFound)
{
    const QString program = QStringLiteral("docker-credential-") + helper;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return Error{ErrorCode::Auth,
                     tr("the credential helper %1 is configured in the docker config but is not installed (not on "
                        "PATH) — install it or remove it from the config")
                         .arg(program)};
    QProcess process;
    process.start(path, {action});
    if (!process.waitForStarted(kHelperTimeoutMs))
        return Error{ErrorCode::Auth, tr("cannot run the credential helper %1: %2").arg(path, process.errorString())};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(kHelperTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Error{
            ErrorCode::Timeout,
            tr("the credential helper %1 did not answer within %2 seconds").arg(program).arg(kHelperTimeoutMs / 1000)};
    }
    QByteArray output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString message = QString::fromUtf8(output + process.readAllStandardError()).trimmed();
        // The helper protocol's "not found" answer (docker-credential-helpers credentials.ErrCredentialsNotFound).
        if (notFound && message.contains(QLatin1String("credentials not found"), Qt::CaseInsensitive)) {
            *notFound = true;
            return QByteArray();
        }
        return Error{
            ErrorCode::Auth,
            tr("the credential helper %1 %2 failed: %3")
                .arg(program, action, message.isEmpty() ? tr("exit status %1").arg(process.exitCode()) : message)};
    }
    return output;
}

Result<AuthConfig> Credentials::lookup(const QString &host) const
{
    auto config = readConfig();
    if (!config)
        return config.error();
    const QString key = serverKey(host);
    const QString helper = helperFor(*config, host);
    if (!helper.isEmpty()) {
        bool notFound = false;
        auto output = runHelper(helper, QStringLiteral("get"), key.toUtf8(), &notFound);
        if (!output)
            return output.error();
        if (notFound)
            return AuthConfig();
        const QJsonObject reply = QJsonDocument::fromJson(*output).object();
        if (reply.isEmpty())
            return Error{ErrorCode::Auth, tr("the credential helper docker-credential-%1 answered something that is "
                                             "not a JSON object")
                                              .arg(helper)};
        AuthConfig auth;
        const QString username = reply.value(QStringLiteral("Username")).toString();
        const QString secret = reply.value(QStringLiteral("Secret")).toString();
        if (username == QLatin1String("<token>"))
            auth.identityToken = secret;
        else {
            auth.username = username;
            auth.password = secret;
        }
        return auth;
    }

    const QJsonObject auths = config->value(QStringLiteral("auths")).toObject();
    QJsonObject entry = auths.value(key).toObject();
    if (!auths.contains(key)) {
        const QString hostname = hostnameOf(key);
        for (auto it = auths.constBegin(); it != auths.constEnd(); ++it) {
            if (hostnameOf(it.key()) == hostname) {
                entry = it.value().toObject();
                break;
            }
        }
    }
    AuthConfig auth;
    const QString encoded = entry.value(QStringLiteral("auth")).toString();
    if (!encoded.isEmpty()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (!decoded || colon < 0)
            return Error{ErrorCode::Corrupt,
                         tr("cannot read the login for %1 in %2: \"auth\" is not base64 of user:password — run "
                            "plugdeskctl login %3 again")
                             .arg(key, configPath(), host)};
        auth.username = QString::fromUtf8(decoded.decoded.left(colon));
        auth.password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    }
    auth.identityToken = entry.value(QStringLiteral("identitytoken")).toString();
    return auth;
}

Status Credentials::store(const QString &host, const AuthConfig &auth) const
{
    auto config = readConfig();
    if (!config)
        return config.error();
    const QString key = serverKey(host);
    QJsonObject auths = config->value(QStringLiteral("auths")).toObject();
    QJsonObject entry;
    const QString helper = helperFor(*config, host);
    if (!helper.isEmpty()) {
        const bool token = !auth.identityToken.isEmpty();
        const QJsonObject request{
            {QStringLiteral("ServerURL"), key},
            {QStringLiteral("Username"), token ? QStringLiteral("<token>") : auth.username},
            {QStringLiteral("Secret"), token ? auth.identityToken : auth.password},
        };
        auto stored = runHelper(helper, QStringLiteral("store"), QJsonDocument(request).toJson(QJsonDocument::Compact));
        if (!stored)
            return stored.error();
        // Docker keeps an empty entry so that the file still lists the registry.
    } else {
        entry.insert(QStringLiteral("auth"),
                     QString::fromLatin1((auth.username + QLatin1Char(':') + auth.password).toUtf8().toBase64()));
        if (!auth.identityToken.isEmpty())
            entry.insert(QStringLiteral("identitytoken"), auth.identityToken);
    }
    auths.insert(key, entry);
    config->insert(QStringLiteral("auths"), auths);
    return writeConfig(*config);
}

Result<QStringList> Credentials::servers() const
{
    auto config = readConfig();
    if (!config)
        return config.error();
    return config->value(QStringLiteral("auths")).toObject().keys();
}

Result<bool> Credentials::erase(const QString &host) const
{
    auto config = readConfig();
    if (!config)
        return config.error();
    const QString key = serverKey(host);
    bool removed = false;
    const QString helper = helperFor(*config, host);
    if (!helper.isEmpty()) {
        bool notFound = false;
        auto erased = runHelper(helper, QStringLiteral("erase"), key.toUtf8(), &notFound);
        if (!erased)
            return erased.error();
        removed = !notFound;
    }
    QJsonObject auths = config->value(QStringLiteral("auths")).toObject();
    const QString hostname = hostnameOf(key);
    const QStringList keys = auths.keys();
    for (const QString &candidate : keys) {
        if (candidate == key || (!isDockerHub(host) && hostnameOf(candidate) == hostname)) {
            auths.remove(candidate);
            removed = true;
        }
    }
    if (!removed)
        return false;
    config->insert(QStringLiteral("auths"), auths);
    if (auto written = writeConfig(*config); !written)
        return written.error();
    return true;
}

} // namespace core
