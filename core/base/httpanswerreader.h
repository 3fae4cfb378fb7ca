#pragma once

#include "core/base/units.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace core {

// Reads one HTTP/1.1 answer from a byte stream as its bytes arrive, in pieces of any size: the status line and
// headers (1xx interim answers skipped), then the body by Content-Length, chunked transfer coding (extensions and
// trailers skipped) or until the stream closes. Body bytes are handed to the caller as they are found, de-chunked;
// nothing of the body is kept here, so the caller decides what to keep and how much. A pure function of the bytes
// fed: no I/O, no Qt objects (tests/fuzz/fuzz_httpanswer.cpp feeds it arbitrary bytes at arbitrary cuts).
//
// Bounds: the head (status line and headers) is at most kMaxHead bytes, a chunk-size line at most kMaxLine. Errors
// name what was wrong, with `peer` (the daemon's description, "the Docker daemon at unix:///…") in front.
class HttpAnswerReader
{
    Q_DECLARE_TR_FUNCTIONS(HttpAnswerReader)

public:
    static constexpr qsizetype kMaxHead = 64 * KiB;
    static constexpr qsizetype kMaxLine = 4 * KiB;

    enum class Progress { NeedMore, Complete, Failed };
    using BodySink = std::function<void(QByteArrayView)>;

    // `headRequest`: the answer to HEAD has no body whatever its headers say.
    HttpAnswerReader(QString peer, bool headRequest);

    // Takes the next bytes of the stream; `body` gets each piece of body found in them. Bytes after a complete answer
    // are ignored. Once Complete or Failed, further calls return the same.
    Progress feed(QByteArrayView bytes, const BodySink &body);
    // The stream ended: Complete for a body read until close, Failed (with why) when the answer was not whole.
    Progress close();

    Progress progress() const { return m_progress; }
    // Whether the status line and headers have been read (status() and headers() are valid).
    bool hasHead() const { return m_state != State::Head; }
    int status() const { return m_status; }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    // The first header of that name, case-insensitive; a null QByteArray when there is none.
    QByteArray header(QByteArrayView name) const;
    // Why the answer Failed; empty otherwise.
    QString error() const { return m_error; }
    // Whether the body runs until the stream closes (neither Content-Length nor chunked).
    bool readsUntilClose() const { return m_state == State::UntilClose; }

private:
    enum class State { Head, Length, ChunkSize, ChunkData, ChunkEnd, Trailer, UntilClose, Done };
    Progress fail(const QString &error);
    Progress complete();
    Progress parse(const BodySink &body);

    QString m_peer;
    bool m_headRequest = false;
    State m_state = State::Head;
    Progress m_progress = Progress::NeedMore;
    QByteArray m_buffer; // bytes received and not yet consumed
    qint64 m_remaining = 0;
    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QString m_error;
};

} // namespace core
