#include "core/registry/registryclient.h"

#include "core/base/digest.h"
#include "core/base/libcurl.h"
#include "core/base/sha256.h"
#include "core/registry/platform.h"
#include "core/registry/registryauthenticator.h"
#include "core/registry/registryexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>
#include <memory>

namespace core {

namespace {

QString statusText(const RegistryResponse &response)
{
    const QString message = response.errorMessage();
    return message.isEmpty() ? QString::number(response.status)
                             : QStringLiteral("%1: %2").arg(response.status).arg(message);
}

} // namespace

QString RegistryResponse::errorMessage() const
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    QStringList parts;
    for (const QJsonValue value : errors) {
        const QString message = value.toObject().value(QStringLiteral("message")).toString();
        if (!message.isEmpty())
            parts.append(message);
    }
    return parts.join(QStringLiteral("; "));
}

QByteArray RegistryResponse::header(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(pair.second);
    }
    return values.join(", ");
}

RegistryClient::RegistryClient(QObject *parent)
    : RegistryClient(Options(), parent)
{}

RegistryClient::RegistryClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_sources(m_options.endpointSources.value_or(RegistryEndpoint::systemSources()))
{
    // The connect and idle time-out (a registry that stops sending mid-blob is given up on after it) can be
    // shortened for tests and slow links alike: PLUGDESK_REGISTRY_TIMEOUT_MS, unless the options set another.
    bool fromEnvironment = false;
    const int timeoutMs = qEnvironmentVariableIntValue("PLUGDESK_REGISTRY_TIMEOUT_MS", &fromEnvironment);
    if (fromEnvironment && timeoutMs > 0 && m_options.timeoutMs == Options().timeoutMs)
        m_options.timeoutMs = timeoutMs;
    if (m_options.os.isEmpty())
        m_options.os = Platform::machineOs();
    if (m_options.architecture.isEmpty()) {
        m_options.architecture = Platform::machineArchitecture();
        if (m_options.variant.isEmpty())
            m_options.variant = Platform::machineVariant();
    }
    if (m_options.attempts < 1)
        m_options.attempts = 1;
    m_network->setAutoDeleteReplies(false);
    m_authenticator =
        std::make_unique<RegistryAuthenticator>(this, Credentials(m_options.credentialsDir), m_options.readCredentials);
}

RegistryClient::~RegistryClient() = default;

void RegistryClient::setAuth(const QString &host, const AuthConfig &auth)
{
    m_authenticator->setAuth(host, auth);
}

RegistryEndpoint RegistryClient::endpoint(const QString &host)
{
    return RegistryEndpoint::forHost(host, m_sources);
}

void RegistryClient::send(const Call &call, QObject *context, ResponseCallback done)
{
    auto *exchange = new RegistryExchange(this, call, context, std::move(done));
    exchange->start();
}

Error RegistryClient::statusError(const Call &call, const RegistryResponse &response, const QString &subject)
{
    const QString text = statusText(response);
    if (response.status == 404)
        return Error{ErrorCode::NotFound,
                     tr("cannot %1: %2 was not found in the registry (%3) — check the name and the tag")
                         .arg(call.what, subject, text)};
    if (response.status == 401 || response.status == 403)
        return m_authenticator->authError(call, response);
    if (response.status == 429 || response.status >= 500)
        return Error{ErrorCode::Registry, tr("cannot %1: the registry answered %2 after %n tries — try again later",
                                             nullptr, m_options.attempts)
                                              .arg(call.what, text)};
    return Error{ErrorCode::Registry, tr("cannot %1: the registry answered %2").arg(call.what, text)};
}

void RegistryClient::ping(const QString &host, QObject *context, const std::function<void(Status)> &done)
{
    Call call;
    call.host = host;
    call.url = endpoint(host).baseUrl().resolved(QUrl(QStringLiteral("/v2/")));
    call.what = tr("reach the registry %1").arg(host);
    send(call, context, [this, call, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status == 200)
            return done(Status());
        if (response->status == 404)
            return done(Error{ErrorCode::Registry, tr("cannot %1: %2 does not speak the registry API v2 (404 on /v2/)")
                                                       .arg(call.what, endpoint(call.host).baseUrl().toString())});
        done(statusError(call, *response, call.url.toString()));
    });
}

void RegistryClient::fetchManifest(const Reference &reference, QObject *context,
                                   const std::function<void(Result<Manifest>)> &done)
{
    const Reference full = reference.withDefaultTag();
    fetchManifestBy(
        full, full.hasDigest() ? full.digest() : full.tag(), 0, context,
        [this, key = full.toString(), repository = full.trimmed().toString(), done](Result<Manifest> manifest) {
            if (manifest) {
                constexpr qsizetype kRecentManifests = 16;
                if (m_recentManifests.size() >= kRecentManifests)
                    m_recentManifests.clear();
                RecentManifest &recent = m_recentManifests[key];
                recent.manifest = *manifest;
                recent.repository = repository;
                recent.age.start();
            }
            done(std::move(manifest));
        });
}

void RegistryClient::fetchRecentManifest(const Reference &reference, int maxAgeMs, QObject *context,
                                         const std::function<void(Result<Manifest>)> &done)
{
    const auto recent = m_recentManifests.constFind(reference.withDefaultTag().toString());
    if (recent == m_recentManifests.cend() || recent->age.hasExpired(maxAgeMs))
        return fetchManifest(reference, context, done);
    QMetaObject::invokeMethod(
        context ? context : this,
        [client = QPointer<RegistryClient>(this), done, manifest = recent->manifest] {
            if (client)
                done(manifest);
        },
        Qt::QueuedConnection);
}

void RegistryClient::fetchManifestBy(const Reference &reference, const QString &tagOrDigest, int depth,
                                     QObject *context, const std::function<void(Result<Manifest>)> &done)
{
    Call call;
    call.host = reference.domain();
    call.repository = reference.path();
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/manifests/%2").arg(reference.path(), tagOrDigest)));
    call.headers.append({"Accept", (QStringList{Manifest::DockerManifest, Manifest::DockerList, Manifest::OciManifest,
                                                Manifest::OciIndex})
                                       .join(QStringLiteral(", "))
                                       .toLatin1()});
    call.maxBytes = m_options.maxManifestBytes;
    call.what = tr("fetch the manifest of %1").arg(reference.toString());
    const bool byDigest = tagOrDigest.startsWith(QLatin1String("sha256:"));
    send(call, context,
         [this, call, reference, tagOrDigest, byDigest, depth, context, done](Result<RegistryResponse> response) {
             if (!response)
                 return done(response.error());
             if (response->status != 200)
                 return done(statusError(call, *response, reference.toString()));
             const QString digest = Manifest::digestOf(response->body);
             const QString announced = QString::fromLatin1(response->header("Docker-Content-Digest")).trimmed();
             if (byDigest && digest != tagOrDigest)
                 return done(
                     Error{ErrorCode::DigestMismatch,
                           tr("cannot %1: the registry sent a manifest whose digest is %2, not %3 — the registry "
                              "or something between is corrupting data")
                               .arg(call.what, digest, tagOrDigest)});
             if (announced.startsWith(QLatin1String("sha256:")) && announced != digest)
                 return done(Error{ErrorCode::DigestMismatch,
                                   tr("cannot %1: the manifest's digest is %2 but the registry announced %3")
                                       .arg(call.what, digest, announced)});
             auto manifest = Manifest::parse(response->body, QString::fromLatin1(response->header("Content-Type")));
             if (!manifest)
                 return done(manifest.error().prefixed(tr("cannot %1").arg(call.what)));
             if (!manifest->isList())
                 return done(*manifest);
             if (depth > 0)
                 return done(Error{ErrorCode::Unsupported,
                                   tr("cannot %1: a manifest list points at another list").arg(call.what)});
             const Descriptor *entry = manifest->entryFor(m_options.os, m_options.architecture, m_options.variant);
             if (!entry) {
                 QStringList platforms;
                 for (const Descriptor &candidate : manifest->entries)
                     platforms.append(Platform::describe(candidate));
                 return done(Error{ErrorCode::NotFound, tr("cannot %1: it has no manifest for %2/%3 (it has: %4)")
                                                            .arg(call.what, m_options.os, m_options.architecture,
                                                                 platforms.join(QStringLiteral(", ")))});
             }
             fetchManifestBy(reference, entry->digest, depth + 1, context, done);
         });
}

void RegistryClient::fetchBlob(const Reference &repository, const Descriptor &blob, QObject *context,
                               const BlobSink &sink, const std::function<void(Status)> &done)
{
    struct State
    {
        Sha256 hash;
        qint64 received = 0;
    };
    auto state = std::make_shared<State>();
    Call call = blobCall(repository, blob);
    const QString what = call.what;
    call.sink = [state, blob, sink, what](const char *data, qsizetype size) -> Status {
        state->received += size;
        if (state->received > blob.size)
            return Error{
                ErrorCode::DigestMismatch,
                tr("cannot %1: the registry sent more than the %2 bytes the manifest gives").arg(what).arg(blob.size)};
        state->hash.addData(QByteArrayView(data, size));
        return sink ? sink(data, size) : Status();
    };
    send(call, context, [this, call, blob, state, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 200 && response->status != 206)
            return done(statusError(call, *response, blob.digest));
        if (auto wrong = blobMismatch(call.what, blob, state->received, sha256DigestOf(state->hash.result())))
            return done(*wrong);
        done(Status());
    });
}

RegistryClient::Call RegistryClient::blobCall(const Reference &repository, const Descriptor &blob)
{
    Call call;
    call.host = repository.domain();
    call.repository = repository.path();
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), blob.digest)));
    call.what = tr("fetch blob %1 of %2").arg(shortDigest(blob.digest), repository.name());
    return call;
}

std::optional<Error> RegistryClient::blobMismatch(const QString &what, const Descriptor &blob, qint64 received,
                                                  const QString &digest)
{
    if (received != blob.size)
        return Error{
            ErrorCode::DigestMismatch,
            tr("cannot %1: the registry sent %2 bytes, the manifest gives %3").arg(what).arg(received).arg(blob.size)};
    if (digest != blob.digest)
        return Error{ErrorCode::DigestMismatch, tr("cannot %1: its content has digest %2, not %3 — the registry or "
                                                   "something between is corrupting data; nothing was kept")
                                                    .arg(what, digest, blob.digest)};
    return std::nullopt;
}

void RegistryClient::fetchConfig(const Reference &repository, const Descriptor &config, QObject *context,
                                 const std::function<void(Result<QByteArray>)> &done)
{
    if (config.size > m_options.maxConfigBytes)
        return done(Error{ErrorCode::Registry,
                          tr("cannot fetch the config of %1: its manifest gives %2 bytes, more than the %3 allowed")
                              .arg(repository.name())
                              .arg(config.size)
                              .arg(m_options.maxConfigBytes)});
    // Layers usually follow, and they come through libcurl: it loads meanwhile (also when the config is kept).
    LibCurl::preload();
    const QString key = repository.domain() + QLatin1Char('/') + repository.path() + QLatin1Char('@') + config.digest;
    if (const auto kept = m_configs.constFind(key); kept != m_configs.cend()) {
        // Later, as a fetch would answer, and not at all when the context went meanwhile.
        QMetaObject::invokeMethod(
            context ? context : this,
            [client = QPointer<RegistryClient>(this), done, bytes = *kept] {
                if (client)
                    done(bytes);
            },
            Qt::QueuedConnection);
        return;
    }
    // A config is small: it comes over the connection the manifest came on, buffered.
    Call call = blobCall(repository, config);
    call.maxBytes = m_options.maxConfigBytes;
    send(call, context, [this, call, config, key, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 200)
            return done(statusError(call, *response, config.digest));
        if (auto wrong = blobMismatch(call.what, config, response->body.size(), Manifest::digestOf(response->body)))
            return done(*wrong);
        constexpr qsizetype kKeptConfigs = 16;
        if (m_configs.size() >= kKeptConfigs)
            m_configs.clear();
        m_configs.insert(key, response->body);
        done(response->body);
    });
}

void RegistryClient::blobExists(const Reference &repository, const QString &digest, QObject *context,
                                const std::function<void(Result<bool>)> &done)
{
    Call call;
    call.verb = "HEAD";
    call.host = repository.domain();
    call.repository = repository.path();
    call.actions = QStringLiteral("pull,push");
    call.url =
        endpoint(call.host).baseUrl().resolved(QUrl(QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), digest)));
    call.what = tr("check blob %1 in %2").arg(shortDigest(digest), repository.name());
    send(call, context, [this, call, digest, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status == 200)
            return done(true);
        if (response->status == 404)
            return done(false);
        done(statusError(call, *response, digest));
    });
}

void RegistryClient::uploadBlob(const Reference &repository, const QByteArray &data, QObject *context,
                                const std::function<void(Result<QString>)> &done)
{
    Call put;
    put.body = data;
    upload(repository, Manifest::digestOf(data), put, context, done);
}

void RegistryClient::uploadBlobFile(const Reference &repository, const QString &path, const QString &digest,
                                    QObject *context, std::function<void(qint64)> progress,
                                    const std::function<void(Result<QString>)> &done)
{
    Call put;
    put.bodyFile = path;
    put.uploadProgress = std::move(progress);
    upload(repository, digest, put, context, done);
}

void RegistryClient::upload(const Reference &repository, const QString &digest, const Call &body, QObject *context,
                            const std::function<void(Result<QString>)> &done)
{
    Call start;
    start.verb = "POST";
    start.host = repository.domain();
    start.repository = repository.path();
    start.actions = QStringLiteral("pull,push");
    start.url =
        endpoint(start.host).baseUrl().resolved(QUrl(QStringLiteral("/v2/%1/blobs/uploads/").arg(repository.path())));
    start.headers.append({QByteArray("Content-Length"), QByteArray("0")});
    start.what = tr("upload blob %1 to %2").arg(shortDigest(digest), repository.name());
    send(start, context, [this, start, repository, body, digest, context, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 202)
            return done(statusError(start, *response, repository.name()));
        const QByteArray location = response->header("Location");
        if (location.isEmpty())
            return done(Error{ErrorCode::Registry,
                              tr("cannot %1: the registry started an upload without a Location").arg(start.what)});
        QUrl target = response->url.resolved(QUrl::fromEncoded(location));
        QUrlQuery query(target);
        query.addQueryItem(QStringLiteral("digest"), digest);
        target.setQuery(query);
        Call put = start;
        put.verb = "PUT";
        put.url = target;
        put.body = body.body;
        put.bodyFile = body.bodyFile;
        put.uploadProgress = body.uploadProgress;
        put.retry = false; // an upload session is not replayable
        put.headers = {{QByteArray("Content-Type"), QByteArray("application/octet-stream")}};
        send(put, context, [this, put, digest, done](Result<RegistryResponse> response) {
            if (!response)
                return done(response.error());
            if (response->status != 201 && response->status != 204)
                return done(statusError(put, *response, digest));
            done(digest);
        });
    });
}

void RegistryClient::putManifest(const Reference &reference, const QString &mediaType, const QByteArray &bytes,
                                 QObject *context, const std::function<void(Result<QString>)> &done)
{
    const QString digest = Manifest::digestOf(bytes);
    const Reference full = reference.withDefaultTag();
    Call call;
    call.verb = "PUT";
    call.host = full.domain();
    call.repository = full.path();
    call.actions = QStringLiteral("pull,push");
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/manifests/%2").arg(full.path(), full.hasTag() ? full.tag() : full.digest())));
    call.body = bytes;
    call.headers.append({"Content-Type", mediaType.toLatin1()});
    call.what = tr("push the manifest of %1").arg(full.toString());
    // What this client remembers of the repository's manifests may be what this push replaces.
    const QString repository = full.trimmed().toString();
    m_recentManifests.removeIf([&repository](const auto &entry) { return entry.value().repository == repository; });
    send(call, context, [this, call, digest, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 201 && response->status != 200)
            return done(statusError(call, *response, digest));
        const QString announced = QString::fromLatin1(response->header("Docker-Content-Digest")).trimmed();
        if (!announced.isEmpty() && announced != digest)
            return done(
                Error{ErrorCode::DigestMismatch, tr("cannot %1: the registry filed it as %2, but its bytes hash to %3")
                                                     .arg(call.what, announced, digest)});
        done(digest);
    });
}

void RegistryClient::listTags(const Reference &repository, QObject *context,
                              const std::function<void(Result<QStringList>)> &done)
{
    const QUrl url = endpoint(repository.domain())
                         .baseUrl()
                         .resolved(QUrl(QStringLiteral("/v2/%1/tags/list").arg(repository.path())));
    fetchTagsPage(repository, url, {}, 0, context, done);
}

void RegistryClient::fetchTagsPage(const Reference &repository, const QUrl &url, const QStringList &collected,
                                   int pages, QObject *context, const std::function<void(Result<QStringList>)> &done)
{
    Call call;
    call.host = repository.domain();
    call.repository = repository.path();
    call.url = url;
    call.maxBytes = m_options.maxManifestBytes;
    call.what = tr("list the tags of %1").arg(repository.name());
    send(call, context, [this, call, repository, collected, pages, context, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 200)
            return done(statusError(call, *response, repository.name()));
        QStringList tags = collected;
        for (const QJsonValue tag :
             QJsonDocument::fromJson(response->body).object().value(QStringLiteral("tags")).toArray())
            tags.append(tag.toString());
        // Link: </v2/name/tags/list?last=x&n=y>; rel="next"
        static const QRegularExpression next(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"?next\"?"));
        const auto match = next.match(QString::fromLatin1(response->header("Link")));
        if (!match.hasMatch() || pages >= 100)
            return done(tags);
        fetchTagsPage(repository, response->url.resolved(QUrl(match.captured(1))), tags, pages + 1, context, done);
    });
}

} // namespace core
