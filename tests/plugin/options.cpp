#include "options.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace testplugin {

namespace {

std::string env(const char *name, const char *fallback)
{
    const char *value = std::getenv(name);
    return value && *value ? std::string(value) : std::string(fallback);
}

bool parseSeconds(const std::string &text, double *out)
{
    if (text.empty())
        return false;
    errno = 0;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (errno != 0 || *end != '\0' || !std::isfinite(value) || value < 0 || value > 86400.0 * 365)
        return false;
    *out = value;
    return true;
}

bool parseCount(const std::string &text, long *out)
{
    if (text.empty())
        return false;
    errno = 0;
    char *end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    // Five-digit names: vol-00000 .. vol-99999.
    if (errno != 0 || *end != '\0' || value < 0 || value > 100000)
        return false;
    *out = value;
    return true;
}

bool applyMode(Options &options, const std::string &mode, std::string *error)
{
    const size_t eq = mode.find('=');
    const std::string key = mode.substr(0, eq);
    const std::string value = eq == std::string::npos ? std::string() : mode.substr(eq + 1);
    if (key == "hang-list" && eq == std::string::npos) {
        options.hangList = true;
    } else if (key == "hang-activate" && eq == std::string::npos) {
        options.hangActivate = true;
    } else if (key == "flood-stdout") {
        char *end = nullptr;
        errno = 0;
        const long long bytes = value.empty() ? -1 : std::strtoll(value.c_str(), &end, 10);
        if (bytes <= 0 || errno != 0 || *end != '\0') {
            *error = "invalid flood-stdout byte count \"" + value + "\"";
            return false;
        }
        options.floodStdoutBytes = bytes;
    } else if (key == "no-socket" && eq == std::string::npos) {
        options.noSocket = true;
    } else if (key == "print" && eq == std::string::npos) {
        options.print = true;
    } else if (key == "symlink-escape" && eq == std::string::npos) {
        options.symlinkEscape = true;
    } else if (key == "swap-after-mount" && eq == std::string::npos) {
        options.swapAfterMount = true;
    } else if (key == "plant-run-files" && eq == std::string::npos) {
        options.plantRunFiles = true;
    } else if (key == "socket-symlink") {
        if (value.empty() || value.front() != '/') {
            *error = "socket-symlink needs an absolute path";
            return false;
        }
        options.socketSymlinkTarget = value;
    } else if (key == "slow-start") {
        if (!parseSeconds(value, &options.slowStartSeconds)) {
            *error = "invalid slow-start seconds \"" + value + "\"";
            return false;
        }
    } else if (key == "crash-after") {
        if (!parseSeconds(value, &options.crashAfterSeconds)) {
            *error = "invalid crash-after seconds \"" + value + "\"";
            return false;
        }
    } else {
        *error = "unknown mode \"" + mode + "\"";
        return false;
    }
    options.modes.push_back(mode);
    return true;
}

bool applyModes(Options &options, const std::string &list, std::string *error)
{
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos)
            comma = list.size();
        std::string mode = list.substr(start, comma - start);
        // Tolerate spaces around entries and empty entries ("print, hang-list", "print,").
        while (!mode.empty() && mode.front() == ' ')
            mode.erase(mode.begin());
        while (!mode.empty() && mode.back() == ' ')
            mode.pop_back();
        if (!mode.empty() && !applyMode(options, mode, error))
            return false;
        start = comma + 1;
    }
    return true;
}

} // namespace

std::string usage()
{
    return "usage: testvolumeplugin [--socket-dir=DIR] [--socket=NAME|PATH] [--volume-root=DIR] "
           "[--scope=local|global]\n"
           "                        [--mode=MODE[,MODE...]] [--bench-volumes=N]\n"
           "environment: PLUGIN_SOCKET_DIR (/run/docker/plugins), PLUGIN_SOCKET (testvol.sock),\n"
           "             VOLUME_ROOT (/mnt/volumes), VOLUME_SCOPE (local), TEST_PLUGIN_MODE, PRELOAD_VOLUMES\n"
           "modes: hang-list, hang-activate, no-socket, print, slow-start=SECONDS, crash-after=SECONDS,\n"
           "       flood-stdout=BYTES (once listening, that many bytes to stdout as fast as possible)\n"
           "hostile modes: symlink-escape (each volume folder is a symlink to /), swap-after-mount (100 ms after\n"
           "               answering Mount, the folder is renamed to NAME.answered and NAME becomes a symlink to /),\n"
           "               plant-run-files (a device node\n"
           "               and a setuid file in the socket folder, opened to all), socket-symlink=PATH (the socket\n"
           "               is a symlink to PATH)";
}

std::optional<Options> parseOptions(int argc, char **argv, std::string *error)
{
    Options options;
    for (int i = 0; i < argc; ++i)
        options.argv.emplace_back(argv[i]);

    std::string socketDir = env("PLUGIN_SOCKET_DIR", "/run/docker/plugins");
    std::string socketName = env("PLUGIN_SOCKET", "testvol.sock");
    options.volumeRoot = env("VOLUME_ROOT", "/mnt/volumes");
    options.scope = env("VOLUME_SCOPE", "local");
    if (!applyModes(options, env("TEST_PLUGIN_MODE", ""), error))
        return std::nullopt;
    const std::string preload = env("PRELOAD_VOLUMES", "");
    if (!preload.empty() && !parseCount(preload, &options.preloadVolumes)) {
        *error = "invalid PRELOAD_VOLUMES \"" + preload + "\"";
        return std::nullopt;
    }

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto valueOf = [&](std::string_view prefix, std::string *out) {
            if (arg.substr(0, prefix.size()) != prefix)
                return false;
            *out = std::string(arg.substr(prefix.size()));
            return true;
        };
        std::string value;
        if (valueOf("--socket-dir=", &value)) {
            socketDir = value;
        } else if (valueOf("--socket=", &value)) {
            socketName = value;
        } else if (valueOf("--volume-root=", &value)) {
            options.volumeRoot = value;
        } else if (valueOf("--scope=", &value)) {
            options.scope = value;
        } else if (valueOf("--mode=", &value)) {
            if (!applyModes(options, value, error))
                return std::nullopt;
        } else if (valueOf("--bench-volumes=", &value)) {
            if (!parseCount(value, &options.preloadVolumes)) {
                *error = "invalid --bench-volumes \"" + value + "\"";
                return std::nullopt;
            }
        } else {
            *error = "unknown argument \"" + std::string(arg) + "\"";
            return std::nullopt;
        }
    }

    if (socketName.empty() || socketDir.empty() || options.volumeRoot.empty()) {
        *error = "empty socket name, socket directory or volume root";
        return std::nullopt;
    }
    // A name with a slash is taken as a whole path.
    options.socketPath = socketName.find('/') != std::string::npos ? socketName : socketDir + "/" + socketName;
    return options;
}

} // namespace testplugin
