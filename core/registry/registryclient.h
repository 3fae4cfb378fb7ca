#pragma once

#include "core/base/result.h"
#include "core/base/units.h"
#include "core/plugin/manifest.h"
#include "core/plugin/reference.h"
#include "core/registry/authchallenge.h"
#include "core/registry/credentials.h"
#include "core/registry/registryendpoint.h"
#include "core/registry/tokencache.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace core {

class RegistryAuthenticator;
class RegistryExchange;

// The registry's answer to one request, after redirects, auth and retries.
struct RegistryResponse
{
    int status = 0;
    QByteArray body; // empty when the body was streamed to a sink
    QList<QNetworkReply::RawHeaderPair> headers;
    QUrl url; // the final URL

    QByteArray header(const QByteArray &name) const;
    // The registry's own words from an error body ({"errors":[{"code","message","detail"}]}), joined; empty if none.
    QString errorMessage() const;
};

// Registry traffic over QNetworkAccessManager (docs/docker-compat.md §7), asynchronous: every operation takes a context
// QObject and a callback that runs on the client's thread once, unless the context (or the client) is destroyed first,
// which also aborts the transfer. The CLI and tests wait with an event loop.
//
// Owns: the network manager, endpoint mapping (RegistryEndpoint), the auth flow (RegistryAuthenticator: Basic; Bearer
// tokens as docs/docker-compat.md §7.4, the token cache, logins read through Credentials), the requests themselves
// (RegistryExchange: timeouts, bounded retries with backoff on connection errors, 429 and 5xx, redirects, body size
// bounds), digest checks, and the platform a manifest list is resolved to (Platform).
// Does not own: what is done with blobs (a sink gets them), the store, plugin semantics.
//
// Errors are values whose message reads "cannot <what>: <why> — <what to do>".
class RegistryClient final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutMs = 30000; // connect and idle time-out of every request
        int attempts = 3;      // tries per request on connection errors, 429 and 5xx
        QList<int> backoffMs{500, 1000, 2000};
        int maxRetryAfterMs = 10000;
        qint64 maxManifestBytes = 4 * MiB;
        qint64 maxConfigBytes = MiB;
        QString os;             // platform to pick from a manifest list; empty: this machine's
        QString architecture;   // empty: this machine's
        QString variant;        // empty: this machine's
        QString credentialsDir; // empty: Credentials' default ($DOCKER_CONFIG, ~/.docker)
        // false: logins come only from setAuth(), never from a config.json (the helper uses the caller's login
        // sent with the call and must not read root's).
        bool readCredentials = true;
        std::optional<RegistryEndpoint::Sources> endpointSources; // empty: RegistryEndpoint::systemSources()
    };

    // Receives a blob's bytes in order as they arrive (already counted and hashed); an error stops the transfer. Called
    // on the download's own thread (BlobTransfer), never concurrently with itself, and never again once the callback
    // of fetchBlob ran or its context was destroyed; what it touches must be safe to use from there.
    using BlobSink = std::function<Status(const char *data, qsizetype size)>;

    explicit RegistryClient(QObject *parent = nullptr);
    explicit RegistryClient(Options options, QObject *parent = nullptr);
    ~RegistryClient() override;

    const Options &options() const { return m_options; }

    // Uses `auth` for `host` instead of what Credentials holds (login checks a login before saving it).
    void setAuth(const QString &host, const AuthConfig &auth);

    // GET /v2/ with the auth flow: succeeds when the registry accepts the login (or needs none).
    void ping(const QString &host, QObject *context, const std::function<void(Status)> &done);

    // The manifest for a tag or digest reference. A manifest list / OCI index is resolved to the platform in
    // Options and that manifest fetched. The digest is the sha256 of the bytes and is checked against
    // Docker-Content-Digest and against a digest in the reference. Bounded to maxManifestBytes.
    void fetchManifest(const Reference &reference, QObject *context, const std::function<void(Result<Manifest>)> &done);
    // The same, answered from memory when this client fetched the manifest of `reference` less than `maxAgeMs` ago
    // and pushed none to its repository since. For the pull right after a privileges check, which then installs the
    // manifest whose privileges were shown; the config's privileges are compared with the accepted ones either way.
    // The callback still comes later, never inside the call.
    void fetchRecentManifest(const Reference &reference, int maxAgeMs, QObject *context,
                             const std::function<void(Result<Manifest>)> &done);

    // Streams a blob into `sink` (libcurl, on a thread of its own), hashing and counting; fails with DigestMismatch
    // when size or sha256 differ from `blob` (then the sink has seen bytes that must be thrown away). A dropped
    // connection resumes with a Range request where the registry allows it.
    void fetchBlob(const Reference &repository, const Descriptor &blob, QObject *context, const BlobSink &sink,
                   const std::function<void(Status)> &done);
    // A config blob into memory (over Qt, like a manifest), bounded to maxConfigBytes, verified like fetchBlob. A
    // config this client fetched before from the same repository is answered from memory (a blob is its digest: the
    // privileges step and the pull after it, an upgrade check, read one config once); the callback still comes later,
    // never inside the call.
    void fetchConfig(const Reference &repository, const Descriptor &config, QObject *context,
                     const std::function<void(Result<QByteArray>)> &done);

    // HEAD /v2/NAME/blobs/DIGEST (push scope).
    void blobExists(const Reference &repository, const QString &digest, QObject *context,
                    const std::function<void(Result<bool>)> &done);
    // POST /v2/NAME/blobs/uploads/ then one PUT to Location?digest=...; answers the digest.
    void uploadBlob(const Reference &repository, const QByteArray &data, QObject *context,
                    const std::function<void(Result<QString>)> &done);
    // The same, streamed from the file at `path` whose sha256 is `digest` (a layer of any size stays on disk);
    // `progress` (may be empty) hears the bytes sent so far.
    void uploadBlobFile(const Reference &repository, const QString &path, const QString &digest, QObject *context,
                        std::function<void(qint64)> progress, const std::function<void(Result<QString>)> &done);
    // PUT /v2/NAME/manifests/TAG; answers the manifest digest.
    void putManifest(const Reference &reference, const QString &mediaType, const QByteArray &bytes, QObject *context,
                     const std::function<void(Result<QString>)> &done);
    // GET /v2/NAME/tags/list, following Link pagination.
    void listTags(const Reference &repository, QObject *context, const std::function<void(Result<QStringList>)> &done);

private:
    friend class RegistryAuthenticator;
    friend class RegistryExchange;

    struct Call
    {
        QByteArray verb = "GET";
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QString bodyFile; // when set, the body is streamed from this file instead
        std::function<void(qint64)> uploadProgress;
        QString host;       // the registry as named in the reference
        QString repository; // path for the token scope; empty for /v2/
        QString actions = QStringLiteral("pull");
        QString what;               // "fetch the manifest of X": messages read "cannot <what>: ..."
        qint64 maxBytes = 64 * KiB; // bound of a buffered 2xx body
        BlobSink sink;              // when set, a 2xx body is streamed here instead of buffered
        bool retry = true;
        bool authenticate = true; // false for token-server requests
    };
    using ResponseCallback = std::function<void(Result<RegistryResponse>)>;

    void send(const Call &call, QObject *context, ResponseCallback done);
    // POST an upload session, then one PUT of `body`'s body or bodyFile to its Location with ?digest=.
    void upload(const Reference &repository, const QString &digest, const Call &body, QObject *context,
                const std::function<void(Result<QString>)> &done);
    RegistryEndpoint endpoint(const QString &host);
    // GET /v2/NAME/blobs/DIGEST, "fetch blob X of NAME".
    Call blobCall(const Reference &repository, const Descriptor &blob);
    // Why the `received` bytes with `digest` are not `blob` (size first, then digest); nothing when they are.
    static std::optional<Error> blobMismatch(const QString &what, const Descriptor &blob, qint64 received,
                                             const QString &digest);
    Error statusError(const Call &call, const RegistryResponse &response, const QString &subject);
    void fetchManifestBy(const Reference &reference, const QString &tagOrDigest, int depth, QObject *context,
                         const std::function<void(Result<Manifest>)> &done);
    void fetchTagsPage(const Reference &repository, const QUrl &url, const QStringList &collected, int pages,
                       QObject *context, const std::function<void(Result<QStringList>)> &done);

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    RegistryEndpoint::Sources m_sources;
    std::unique_ptr<RegistryAuthenticator> m_authenticator;
    // Configs fetched and verified, by "host/repository@digest" (fetchConfig); a few, each at most maxConfigBytes.
    QHash<QString, QByteArray> m_configs;
    // The manifests fetched last, by the reference asked for with its default tag (fetchRecentManifest); a few.
    struct RecentManifest
    {
        Manifest manifest;
        QString repository; // "host/path", for forgetting it when this client pushes there
        QElapsedTimer age;
    };
    QHash<QString, RecentManifest> m_recentManifests;
};

} // namespace core
