#include "json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace testplugin {

namespace {

// Deep nesting is the cheap way to blow a parser's stack; real requests nest two levels.
constexpr int MaxDepth = 64;

class Parser final
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {}

    std::optional<JsonValue> parseDocument()
    {
        skipSpace();
        std::optional<JsonValue> value = parseValue(0);
        if (!value)
            return std::nullopt;
        skipSpace();
        if (m_pos != m_text.size())
            return fail("trailing characters after the JSON value");
        return value;
    }

    const std::string &error() const { return m_error; }

private:
    std::nullopt_t fail(const char *reason)
    {
        if (m_error.empty())
            m_error = std::string(reason) + " at offset " + std::to_string(m_pos);
        return std::nullopt;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool consumeWord(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

    std::optional<JsonValue> parseValue(int depth)
    {
        if (depth > MaxDepth)
            return fail("nesting too deep");
        if (m_pos >= m_text.size())
            return fail("unexpected end of input");
        const char c = m_text[m_pos];
        switch (c) {
        case '{':
            return parseObject(depth);
        case '[':
            return parseArray(depth);
        case '"': {
            std::optional<std::string> s = parseString();
            if (!s)
                return std::nullopt;
            return JsonValue(std::move(*s));
        }
        case 't':
            if (consumeWord("true"))
                return JsonValue(true);
            return fail("invalid literal");
        case 'f':
            if (consumeWord("false"))
                return JsonValue(false);
            return fail("invalid literal");
        case 'n':
            if (consumeWord("null"))
                return JsonValue(nullptr);
            return fail("invalid literal");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber();
            return fail("unexpected character");
        }
    }

    std::optional<JsonValue> parseObject(int depth)
    {
        ++m_pos; // '{'
        JsonValue object = JsonValue::object();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return object;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                return fail("expected a string key");
            std::optional<std::string> key = parseString();
            if (!key)
                return std::nullopt;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return fail("expected ':'");
            ++m_pos;
            skipSpace();
            std::optional<JsonValue> value = parseValue(depth + 1);
            if (!value)
                return std::nullopt;
            object.appendMember(std::move(*key), std::move(*value));
            skipSpace();
            if (m_pos >= m_text.size())
                return fail("unterminated object");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                return object;
            }
            return fail("expected ',' or '}'");
        }
    }

    std::optional<JsonValue> parseArray(int depth)
    {
        ++m_pos; // '['
        JsonValue array = JsonValue::array();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return array;
        }
        for (;;) {
            skipSpace();
            std::optional<JsonValue> value = parseValue(depth + 1);
            if (!value)
                return std::nullopt;
            array.append(std::move(*value));
            skipSpace();
            if (m_pos >= m_text.size())
                return fail("unterminated array");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return array;
            }
            return fail("expected ',' or ']'");
        }
    }

    std::optional<JsonValue> parseNumber()
    {
        const size_t start = m_pos;
        if (m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [this] {
            size_t n = 0;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
                ++m_pos;
                ++n;
            }
            return n;
        };
        if (m_pos < m_text.size() && m_text[m_pos] == '0') {
            ++m_pos;
        } else if (digits() == 0) {
            return fail("invalid number");
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0)
                return fail("invalid number");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                return fail("invalid number");
        }
        const std::string literal(m_text.substr(start, m_pos - start));
        const double value = std::strtod(literal.c_str(), nullptr);
        if (!std::isfinite(value))
            return fail("number out of range");
        return JsonValue(value);
    }

    static void appendUtf8(std::string &out, uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::optional<uint32_t> parseHex4()
    {
        if (m_pos + 4 > m_text.size())
            return std::nullopt;
        uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= c - '0';
            else if (c >= 'a' && c <= 'f')
                value |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                value |= c - 'A' + 10;
            else
                return std::nullopt;
        }
        return value;
    }

    std::optional<std::string> parseString()
    {
        ++m_pos; // '"'
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size()) {
                fail("unterminated string");
                return std::nullopt;
            }
            const unsigned char c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c < 0x20) {
                fail("control character in string");
                return std::nullopt;
            }
            if (c != '\\') {
                out += static_cast<char>(c);
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (m_pos >= m_text.size()) {
                fail("unterminated escape");
                return std::nullopt;
            }
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                std::optional<uint32_t> cp = parseHex4();
                if (!cp) {
                    fail("invalid \\u escape");
                    return std::nullopt;
                }
                if (*cp >= 0xD800 && *cp <= 0xDBFF) {
                    // A high surrogate must be followed by a low one; a lone one becomes U+FFFD like Go does.
                    if (m_text.substr(m_pos, 2) == "\\u") {
                        const size_t save = m_pos;
                        m_pos += 2;
                        std::optional<uint32_t> low = parseHex4();
                        if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                            appendUtf8(out, 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00));
                            break;
                        }
                        m_pos = save;
                    }
                    appendUtf8(out, 0xFFFD);
                } else if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
                    appendUtf8(out, 0xFFFD);
                } else {
                    appendUtf8(out, *cp);
                }
                break;
            }
            default:
                fail("invalid escape");
                return std::nullopt;
            }
        }
    }

    std::string_view m_text;
    size_t m_pos = 0;
    std::string m_error;
};

} // namespace

const JsonValue *JsonValue::find(std::string_view key) const
{
    if (m_type != Type::Object)
        return nullptr;
    // Last duplicate wins, as with Go's encoding/json.
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    return nullptr;
}

JsonValue &JsonValue::set(std::string key, JsonValue value)
{
    if (m_type == Type::Null)
        m_type = Type::Object;
    for (Member &member : m_members) {
        if (member.first == key) {
            member.second = std::move(value);
            return *this;
        }
    }
    m_members.emplace_back(std::move(key), std::move(value));
    return *this;
}

JsonValue &JsonValue::appendMember(std::string key, JsonValue value)
{
    if (m_type == Type::Null)
        m_type = Type::Object;
    m_members.emplace_back(std::move(key), std::move(value));
    return *this;
}

JsonValue &JsonValue::append(JsonValue value)
{
    if (m_type == Type::Null)
        m_type = Type::Array;
    m_items.push_back(std::move(value));
    return *this;
}

void appendJsonString(std::string &out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : text) {
        const unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

void JsonValue::serializeTo(std::string &out) const
{
    switch (m_type) {
    case Type::Null:
        out += "null";
        break;
    case Type::Bool:
        out += m_bool ? "true" : "false";
        break;
    case Type::Number: {
        char buffer[32];
        if (m_number == std::floor(m_number) && std::fabs(m_number) < 1e15)
            std::snprintf(buffer, sizeof buffer, "%.0f", m_number);
        else
            std::snprintf(buffer, sizeof buffer, "%.17g", m_number);
        out += buffer;
        break;
    }
    case Type::String:
        appendJsonString(out, m_string);
        break;
    case Type::Array: {
        out += '[';
        bool first = true;
        for (const JsonValue &item : m_items) {
            if (!first)
                out += ',';
            first = false;
            item.serializeTo(out);
        }
        out += ']';
        break;
    }
    case Type::Object: {
        out += '{';
        bool first = true;
        for (const Member &member : m_members) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, member.first);
            out += ':';
            member.second.serializeTo(out);
        }
        out += '}';
        break;
    }
    }
}

std::string JsonValue::serialize() const
{
    std::string out;
    serializeTo(out);
    return out;
}

std::optional<JsonValue> JsonValue::parse(std::string_view text, std::string *error)
{
    Parser parser(text);
    std::optional<JsonValue> value = parser.parseDocument();
    if (!value && error)
        *error = parser.error();
    return value;
}

} // namespace testplugin
