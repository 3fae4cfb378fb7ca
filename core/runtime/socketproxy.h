#pragma once

#include "core/base/result.h"
#include "core/runtime/volumedriverinfo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <thread>

namespace core {

// The socket published for other engines (dockerd, Podman) at DIR/<publish-name>.sock, served by the plugin's
// monitor: each HTTP request is forwarded to the plugin's own socket, and every "Mountpoint" in the answer is
// rewritten from the plugin's path to the host path (ScopedPath, docs/docker-compat.md §6), so that the other engine
// bind-mounts the folder that holds the volume's files. One request per connection (answers carry Connection: close).
// Owns the listening socket and the file at the published path, remembered by device and inode in `recordPath`
// (SocketPublisher::Record); never replaces or removes a file it did not make, nor a socket somebody still serves.
class SocketProxy final
{
    Q_DECLARE_TR_FUNCTIONS(SocketProxy)

public:
    // `mapping` needs hostPropagatedMount, propagatedMount and rootfs, and the name for messages. The folder a
    // Mount answer names is bound below `bindRoot` (RunLayout::bindDir, VolumeBind), and the answer names the bind;
    // an Unmount ends it. An empty `bindRoot` answers the resolved path instead.
    SocketProxy(QString listenPath, QString pluginSocket, VolumeDriverInfo mapping, QString recordPath,
                QString bindRoot = {});
    ~SocketProxy();
    SocketProxy(const SocketProxy &) = delete;
    SocketProxy &operator=(const SocketProxy &) = delete;

    // Binds and starts serving on a thread of its own; fails with Conflict when the name is taken.
    Status start();
    // Stops accepting and removes the published socket; requests being served finish on their own.
    void stop();

    // Every "Mountpoint" string in a JSON answer mapped to the host and resolved there inside the plugin's folders
    // (VolumeDriverInfo::resolveHostPath); anything that is not JSON comes back unchanged. An error when a
    // mountpoint leads out of them: the answer must not reach dockerd, which would bind-mount what it names.
    static Result<QByteArray> rewriteMountpoints(const QByteArray &body, const VolumeDriverInfo &mapping);

    // The proxy's HTTP request parser, pure (fuzzed on its own, tests/fuzz/fuzz_socketproxy.cpp): what the bytes
    // received so far make. NeedMore: read more and ask again; Drop: close without an answer (headers over the
    // limit); Refuse: answer `status` with `message`; Complete: `request` holds the request line and the body
    // (Content-Length or chunked, at most 16 MiB).
    struct Request
    {
        QByteArray method; // "POST"
        QByteArray target; // "/VolumeDriver.Mount"
        QByteArray body;
    };
    struct Parsed
    {
        enum State { NeedMore, Drop, Refuse, Complete };
        State state = NeedMore;
        int status = 0;
        QString message;
        Request request;
    };
    static Parsed parseRequest(const QByteArray &received);

private:
    void acceptLoop();

    QString m_listenPath;
    QString m_pluginSocket;
    VolumeDriverInfo m_mapping;
    int m_listenFd = -1;
    int m_wakeFd = -1;
    QString m_recordPath;
    QString m_bindRoot;
    unsigned long long m_device = 0; // of the socket file we made, to remove only that
    unsigned long long m_inode = 0;
    std::thread m_thread;
    std::atomic_bool m_stopping = false;
};

} // namespace core
