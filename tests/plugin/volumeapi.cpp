#include "volumeapi.h"

#include "debuginfo.h"
#include "log.h"

namespace testplugin {

namespace {

HttpResponse jsonResponse(int status, const JsonValue &body)
{
    HttpResponse response;
    response.status = status;
    response.body = body.serialize();
    return response;
}

HttpResponse badRequest(const std::string &message)
{
    JsonValue body = JsonValue::object();
    body.set("Err", message);
    return jsonResponse(400, body);
}

// Plain-text errors like Go's net/http mux, which is what a real plugin built on it answers.
HttpResponse plainResponse(int status, const std::string &text)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain; charset=utf-8";
    response.body = text + "\n";
    return response;
}

JsonValue errOnly(const std::string &err)
{
    JsonValue body = JsonValue::object();
    body.set("Err", err);
    return body;
}

// Reads an optional string field; a present non-string is a bad request.
bool stringField(const JsonValue &request, const char *key, std::string *out, std::string *error)
{
    const JsonValue *value = request.find(key);
    if (!value || value->isNull())
        return true;
    if (!value->isString()) {
        *error = std::string("field ") + key + " must be a string";
        return false;
    }
    *out = value->toString();
    return true;
}

JsonValue optionsObject(const std::map<std::string, std::string> &options)
{
    JsonValue object = JsonValue::object();
    for (const auto &[key, value] : options)
        object.set(key, value);
    return object;
}

} // namespace

HttpResponse VolumeApi::handle(const HttpRequest &request)
{
    if (m_options.print) {
        // One line per request whatever the body holds (Go's encoder ends it with a newline); long bodies cut.
        std::string body = request.body.substr(0, 4096);
        for (char &c : body) {
            if (static_cast<unsigned char>(c) < 0x20)
                c = ' ';
        }
        while (!body.empty() && body.back() == ' ')
            body.pop_back();
        logOut("testvolumeplugin: " + request.method + " " + request.target + (body.empty() ? "" : " " + body));
    }

    const std::string &path = request.path;
    if (path == "/Plugdesk.Debug") {
        if (request.method != "POST" && request.method != "GET")
            return plainResponse(405, "405 method not allowed");
        return jsonResponse(200, collectDebugInfo(m_options));
    }

    static const char *const endpoints[] = {
        "/Plugin.Activate",    "/VolumeDriver.Create", "/VolumeDriver.Remove",
        "/VolumeDriver.Mount", "/VolumeDriver.Path",   "/VolumeDriver.Unmount",
        "/VolumeDriver.Get",   "/VolumeDriver.List",   "/VolumeDriver.Capabilities",
    };
    bool known = false;
    for (const char *endpoint : endpoints)
        known = known || path == endpoint;
    if (!known)
        return plainResponse(404, "404 page not found");
    if (request.method != "POST")
        return plainResponse(405, "405 method not allowed");

    // The daemon sends no body at all for calls without arguments (List, Capabilities).
    JsonValue body = JsonValue::object();
    if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string parseError;
        std::optional<JsonValue> parsed = JsonValue::parse(request.body, &parseError);
        if (!parsed)
            return badRequest("malformed JSON: " + parseError);
        if (parsed->isObject())
            body = std::move(*parsed);
        else if (!parsed->isNull())
            return badRequest("request body must be a JSON object");
    }

    std::string name;
    std::string id;
    std::string fieldError;
    if (!stringField(body, "Name", &name, &fieldError) || !stringField(body, "ID", &id, &fieldError))
        return badRequest(fieldError);

    if (path == "/Plugin.Activate" && m_options.hangActivate) {
        HttpServer::waitForPeerClose(request.connectionFd);
        HttpResponse response;
        response.noReply = true;
        return response;
    }
    if (path == "/Plugin.Activate") {
        JsonValue implements = JsonValue::array();
        implements.append("VolumeDriver");
        JsonValue result = JsonValue::object();
        result.set("Implements", std::move(implements));
        return jsonResponse(200, result);
    }
    if (path == "/VolumeDriver.Capabilities") {
        JsonValue capabilities = JsonValue::object();
        capabilities.set("Scope", m_options.scope);
        JsonValue result = JsonValue::object();
        result.set("Capabilities", std::move(capabilities));
        return jsonResponse(200, result);
    }
    if (path == "/VolumeDriver.Create") {
        std::map<std::string, std::string> options;
        if (const JsonValue *opts = body.find("Opts"); opts && !opts->isNull()) {
            if (!opts->isObject())
                return badRequest("field Opts must be an object");
            for (const auto &[key, value] : opts->members()) {
                if (!value.isString())
                    return badRequest("option " + key + " must be a string");
                options[key] = value.toString();
            }
        }
        return jsonResponse(200, errOnly(m_store.create(name, options)));
    }
    if (path == "/VolumeDriver.Remove")
        return jsonResponse(200, errOnly(m_store.remove(name)));
    if (path == "/VolumeDriver.Unmount")
        return jsonResponse(200, errOnly(m_store.unmount(name, id)));
    if (path == "/VolumeDriver.Mount" || path == "/VolumeDriver.Path") {
        std::string mountpoint;
        const std::string err =
            path == "/VolumeDriver.Mount" ? m_store.mount(name, id, &mountpoint) : m_store.path(name, &mountpoint);
        JsonValue result = JsonValue::object();
        result.set("Mountpoint", mountpoint);
        result.set("Err", err);
        return jsonResponse(200, result);
    }
    if (path == "/VolumeDriver.Get") {
        VolumeInfo info;
        const std::string err = m_store.get(name, &info);
        JsonValue result = JsonValue::object();
        if (err.empty()) {
            JsonValue status = JsonValue::object();
            status.set("options", optionsObject(info.options));
            status.set("mounts", static_cast<long>(info.mountIds.size()));
            JsonValue volume = JsonValue::object();
            volume.set("Name", info.name);
            volume.set("Mountpoint", info.mountpoint);
            volume.set("CreatedAt", info.createdAt);
            volume.set("Status", std::move(status));
            result.set("Volume", std::move(volume));
        } else {
            result.set("Volume", nullptr);
        }
        result.set("Err", err);
        return jsonResponse(200, result);
    }
    // /VolumeDriver.List
    if (m_options.hangList) {
        HttpServer::waitForPeerClose(request.connectionFd);
        HttpResponse response;
        response.noReply = true;
        return response;
    }
    JsonValue volumes = JsonValue::array();
    for (const VolumeInfo &info : m_store.list()) {
        JsonValue volume = JsonValue::object();
        volume.set("Name", info.name);
        volume.set("Mountpoint", info.mountpoint);
        volume.set("CreatedAt", info.createdAt);
        volumes.append(std::move(volume));
    }
    JsonValue result = JsonValue::object();
    result.set("Volumes", std::move(volumes));
    result.set("Err", "");
    return jsonResponse(200, result);
}

} // namespace testplugin
