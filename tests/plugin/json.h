#pragma once

// A minimal JSON value with its own parser and serialiser (objects, arrays, strings, numbers, bools, null), so the
// static test plugin needs nothing beyond the C++ standard library. Object members keep their insertion order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace testplugin {

class JsonValue final
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<std::string, JsonValue>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) {}
    JsonValue(bool value)
        : m_type(Type::Bool)
        , m_bool(value)
    {}
    JsonValue(int value)
        : m_type(Type::Number)
        , m_number(value)
    {}
    JsonValue(long value)
        : m_type(Type::Number)
        , m_number(static_cast<double>(value))
    {}
    JsonValue(long long value)
        : m_type(Type::Number)
        , m_number(static_cast<double>(value))
    {}
    JsonValue(unsigned long value)
        : m_type(Type::Number)
        , m_number(static_cast<double>(value))
    {}
    JsonValue(double value)
        : m_type(Type::Number)
        , m_number(value)
    {}
    JsonValue(const char *value)
        : m_type(Type::String)
        , m_string(value)
    {}
    JsonValue(std::string value)
        : m_type(Type::String)
        , m_string(std::move(value))
    {}

    static JsonValue array() { return JsonValue(Type::Array); }
    static JsonValue object() { return JsonValue(Type::Object); }

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    const std::string &toString() const { return m_string; }
    const std::vector<JsonValue> &items() const { return m_items; }
    const std::vector<Member> &members() const { return m_members; }

    // Object access: find() returns nullptr when the key is absent or this is not an object.
    const JsonValue *find(std::string_view key) const;
    // Sets (or replaces) a member; turns a null value into an object first.
    JsonValue &set(std::string key, JsonValue value);
    // Appends a member without looking for an existing key (the parser's path: later duplicates win in find()).
    JsonValue &appendMember(std::string key, JsonValue value);
    // Appends to an array; turns a null value into an array first.
    JsonValue &append(JsonValue value);

    std::string serialize() const;

    // Parses a complete document; on failure returns nullopt and sets *error to a short reason with the offset.
    static std::optional<JsonValue> parse(std::string_view text, std::string *error = nullptr);

private:
    explicit JsonValue(Type type)
        : m_type(type)
    {}
    void serializeTo(std::string &out) const;

    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;
};

// Appends `text` as a quoted JSON string to `out`.
void appendJsonString(std::string &out, std::string_view text);

} // namespace testplugin
