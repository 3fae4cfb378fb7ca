#include "core/registry/authchallenge.h"

namespace core {

namespace {

bool isTokenChar(char c)
{
    // RFC 7230 tchar, plus '/' which some servers put in unquoted realm values.
    static const QByteArray extra("!#$%&'*+-.^_`|~/:");
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.contains(c);
}

class Parser
{
public:
    explicit Parser(const QByteArray &text)
        : m_text(text)
    {}

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void advance() { ++m_pos; }
    qsizetype position() const { return m_pos; }
    void seek(qsizetype pos) { m_pos = pos; }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(m_text[m_pos]))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    // A quoted-string with backslash escapes; returns false when the closing quote is missing.
    bool quoted(QByteArray &out)
    {
        advance(); // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c == '\\' && !atEnd())
                out.append(m_text[m_pos++]);
            else
                out.append(c);
        }
        return false;
    }

    // Skips to just after the next comma (or the end): recovery from a malformed part.
    void skipPastComma()
    {
        while (!atEnd() && m_text[m_pos] != ',')
            ++m_pos;
        if (!atEnd())
            ++m_pos;
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

} // namespace

QList<AuthChallenge> AuthChallenge::parse(const QByteArray &header)
{
    QList<AuthChallenge> challenges;
    Parser parser(header);
    AuthChallenge *current = nullptr;
    while (true) {
        parser.skipSpace();
        while (parser.peek() == ',') {
            parser.advance();
            parser.skipSpace();
        }
        if (parser.atEnd())
            break;
        const qsizetype start = parser.position();
        const QByteArray name = parser.token();
        if (name.isEmpty()) {
            parser.skipPastComma();
            continue;
        }
        parser.skipSpace();
        if (parser.peek() == '=' && current) {
            // key=value of the current challenge (a token68 "abc==" is told apart below by what follows '=').
            parser.advance();
            parser.skipSpace();
            QByteArray value;
            if (parser.peek() == '"') {
                if (!parser.quoted(value))
                    break; // unterminated: nothing reliable follows
            } else {
                value = parser.token();
            }
            current->params.insert(QString::fromUtf8(name).toLower(), QString::fromUtf8(value));
            parser.skipSpace();
            if (!parser.atEnd() && parser.peek() != ',')
                parser.skipPastComma();
            continue;
        }
        if (parser.peek() == '=') {
            // A parameter before any scheme: malformed.
            parser.seek(start);
            parser.skipPastComma();
            continue;
        }
        // A new scheme. Anything up to the next comma that is not key=value (a token68) is ignored.
        challenges.append(AuthChallenge{QString::fromUtf8(name).toLower(), {}});
        current = &challenges.last();
        const qsizetype afterScheme = parser.position();
        const QByteArray next = parser.token();
        parser.skipSpace();
        if (!next.isEmpty() && parser.peek() == '=') {
            parser.seek(afterScheme);
        } else if (!next.isEmpty()) {
            while (parser.peek() == '=')
                parser.advance();
        }
    }
    return challenges;
}

QList<AuthChallenge> AuthChallenge::parse(const QList<QByteArray> &headers)
{
    QList<AuthChallenge> all;
    for (const QByteArray &header : headers)
        all += parse(header);
    return all;
}

} // namespace core
