#include "core/base/httpanswerreader.h"

namespace core {

HttpAnswerReader::HttpAnswerReader(QString peer, bool headRequest)
    : m_peer(std::move(peer))
    , m_headRequest(headRequest)
{}

QByteArray HttpAnswerReader::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpAnswerReader::Progress HttpAnswerReader::feed(QByteArrayView bytes, const BodySink &body)
{
    if (m_progress != Progress::NeedMore || bytes.isEmpty())
        return m_progress;
    // A body piece that the buffer does not hold yet goes out without a copy.
    if (m_buffer.isEmpty() && (m_state == State::Length || m_state == State::ChunkData)) {
        const qsizetype take = qsizetype(qMin<qint64>(m_remaining, bytes.size()));
        body(bytes.first(take));
        m_remaining -= take;
        bytes = bytes.sliced(take);
        if (m_remaining == 0) {
            if (m_state == State::Length)
                return complete();
            m_state = State::ChunkEnd;
        }
    } else if (m_buffer.isEmpty() && m_state == State::UntilClose) {
        body(bytes);
        return m_progress;
    }
    m_buffer.append(bytes);
    return parse(body);
}

HttpAnswerReader::Progress HttpAnswerReader::close()
{
    if (m_progress != Progress::NeedMore)
        return m_progress;
    if (m_state == State::UntilClose)
        return complete();
    return fail(tr("%1 closed the connection before its answer was whole").arg(m_peer));
}

HttpAnswerReader::Progress HttpAnswerReader::fail(const QString &error)
{
    m_error = error;
    m_state = State::Done;
    m_buffer.clear();
    m_progress = Progress::Failed;
    return m_progress;
}

HttpAnswerReader::Progress HttpAnswerReader::complete()
{
    m_state = State::Done;
    m_buffer.clear();
    m_progress = Progress::Complete;
    return m_progress;
}

HttpAnswerReader::Progress HttpAnswerReader::parse(const BodySink &body)
{
    qsizetype at = 0; // bytes of m_buffer consumed; removed once at the end
    auto rest = [&] { return QByteArrayView(m_buffer).sliced(at); };
    auto keepRest = [&] {
        m_buffer.remove(0, at);
        return m_progress;
    };
    while (true) {
        switch (m_state) {
        case State::Head: {
            const qsizetype end = rest().indexOf(QByteArrayView("\r\n\r\n"));
            if (end < 0) {
                if (rest().size() > kMaxHead)
                    return fail(tr("%1 sent an HTTP header of over %2 KiB").arg(m_peer).arg(kMaxHead / KiB));
                return keepRest();
            }
            if (end > kMaxHead)
                return fail(tr("%1 sent an HTTP header of over %2 KiB").arg(m_peer).arg(kMaxHead / KiB));
            const QList<QByteArray> lines = rest().first(end).toByteArray().split('\n');
            at += end + 4;
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            bool ok = false;
            const int status = statusLine.value(1).toInt(&ok);
            if (!statusLine.value(0).startsWith("HTTP/1.") || !ok || status < 100 || status > 999)
                return fail(tr("%1 did not answer in HTTP: %2")
                                .arg(m_peer, QString::fromUtf8(lines.value(0).trimmed().left(200))));
            if (status < 200)
                continue; // 100 Continue and the like: the real head follows
            m_status = status;
            m_headers.clear();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
            if (m_headRequest || status == 204 || status == 304)
                return complete();
            if (header("Transfer-Encoding").toLower().contains("chunked")) {
                m_state = State::ChunkSize;
            } else if (const QByteArray length = header("Content-Length"); !length.isNull()) {
                m_remaining = length.toLongLong(&ok);
                if (!ok || m_remaining < 0)
                    return fail(
                        tr("%1 sent a bad Content-Length: %2").arg(m_peer, QString::fromLatin1(length.left(40))));
                if (m_remaining == 0)
                    return complete();
                m_state = State::Length;
            } else {
                m_state = State::UntilClose;
            }
            break;
        }
        case State::Length:
        case State::ChunkData: {
            if (rest().isEmpty())
                return keepRest();
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, rest().size()));
            body(rest().first(take));
            at += take;
            m_remaining -= take;
            if (m_remaining > 0)
                break;
            if (m_state == State::Length)
                return complete();
            m_state = State::ChunkEnd;
            break;
        }
        case State::ChunkSize: {
            const qsizetype end = rest().indexOf(QByteArrayView("\r\n"));
            if (end < 0) {
                if (rest().size() > kMaxLine)
                    return fail(tr("%1 sent a chunk-size line of over %2 bytes").arg(m_peer).arg(kMaxLine));
                return keepRest();
            }
            QByteArrayView sizeText = rest().first(end);
            at += end + 2;
            if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
                sizeText = sizeText.first(semicolon);
            bool ok = false;
            m_remaining = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail(
                    tr("%1 sent a bad chunk size: %2")
                        .arg(m_peer, QString::fromLatin1(sizeText.first(qMin<qsizetype>(40, sizeText.size())))));
            m_state = m_remaining == 0 ? State::Trailer : State::ChunkData;
            break;
        }
        case State::ChunkEnd:
            if (rest().size() < 2)
                return keepRest();
            if (rest().first(2) != QByteArrayView("\r\n"))
                return fail(tr("%1 sent a chunk that does not end where its size says").arg(m_peer));
            at += 2;
            m_state = State::ChunkSize;
            break;
        case State::Trailer: {
            const qsizetype end = rest().indexOf(QByteArrayView("\r\n"));
            if (end < 0) {
                if (rest().size() > kMaxLine)
                    return fail(tr("%1 sent a trailer line of over %2 bytes").arg(m_peer).arg(kMaxLine));
                return keepRest();
            }
            at += end + 2;
            if (end == 0)
                return complete();
            break;
        }
        case State::UntilClose:
            if (!rest().isEmpty())
                body(rest());
            m_buffer.clear();
            return m_progress;
        case State::Done:
            return m_progress;
        }
    }
}

} // namespace core
