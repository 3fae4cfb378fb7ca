#include "debuginfo.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

extern char **environ;

namespace testplugin {

namespace {

// Bit numbers from linux/capability.h.
constexpr const char *CapabilityNames[] = {
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

std::string readLink(const char *path)
{
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink(path, buffer, sizeof buffer - 1);
    if (n < 0)
        return {};
    return std::string(buffer, static_cast<size_t>(n));
}

// "net:[4026531840]" -> 4026531840
JsonValue namespaceInode(const std::string &link)
{
    const size_t open = link.find('[');
    const size_t close = link.find(']');
    if (open == std::string::npos || close == std::string::npos || close <= open + 1)
        return nullptr;
    return JsonValue(std::strtod(link.substr(open + 1, close - open - 1).c_str(), nullptr));
}

} // namespace

JsonValue capabilityNames(uint64_t mask)
{
    JsonValue names = JsonValue::array();
    constexpr unsigned known = sizeof CapabilityNames / sizeof CapabilityNames[0];
    for (unsigned bit = 0; bit < 64; ++bit) {
        if (!(mask & (uint64_t(1) << bit)))
            continue;
        names.append(bit < known ? std::string(CapabilityNames[bit]) : "CAP_" + std::to_string(bit));
    }
    return names;
}

JsonValue collectDebugInfo(const Options &options)
{
    JsonValue info = JsonValue::object();
    info.set("pid", static_cast<long>(::getpid()));
    info.set("ppid", static_cast<long>(::getppid()));
    info.set("uid", static_cast<long>(::getuid()));
    info.set("euid", static_cast<long>(::geteuid()));
    info.set("gid", static_cast<long>(::getgid()));
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0)
        info.set("hostname", std::string(host));
    char cwd[PATH_MAX] = {};
    if (::getcwd(cwd, sizeof cwd))
        info.set("cwd", std::string(cwd));

    // The Cap*, NoNewPrivs and Seccomp lines of /proc/self/status, as the kernel prints them.
    JsonValue caps = JsonValue::object();
    JsonValue status = JsonValue::object();
    std::ifstream file("/proc/self/status");
    std::string line;
    while (std::getline(file, line)) {
        const size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = line.substr(0, colon);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        if (key.rfind("Cap", 0) == 0) {
            caps.set(key, value);
            if (key == "CapEff")
                caps.set("effective", capabilityNames(std::strtoull(value.c_str(), nullptr, 16)));
        } else if (key == "NoNewPrivs" || key == "Seccomp" || key == "Uid" || key == "Gid") {
            status.set(key, value);
        }
    }
    info.set("capabilities", std::move(caps));
    info.set("status", std::move(status));

    JsonValue namespaces = JsonValue::object();
    for (const char *ns : {"net", "pid", "mnt", "uts", "ipc", "user", "cgroup", "time"}) {
        const std::string link = readLink(("/proc/self/ns/" + std::string(ns)).c_str());
        if (!link.empty())
            namespaces.set(ns, link);
    }
    const JsonValue *net = namespaces.find("net");
    const JsonValue *pid = namespaces.find("pid");
    info.set("netNamespaceInode", net ? namespaceInode(net->toString()) : JsonValue(nullptr));
    info.set("pidNamespaceInode", pid ? namespaceInode(pid->toString()) : JsonValue(nullptr));
    info.set("namespaces", std::move(namespaces));

    JsonValue env = JsonValue::object();
    for (char **entry = environ; entry && *entry; ++entry) {
        const std::string text = *entry;
        const size_t eq = text.find('=');
        env.set(text.substr(0, eq), eq == std::string::npos ? std::string() : text.substr(eq + 1));
    }
    info.set("env", std::move(env));

    JsonValue argv = JsonValue::array();
    for (const std::string &arg : options.argv)
        argv.append(arg);
    info.set("argv", std::move(argv));

    JsonValue modes = JsonValue::array();
    for (const std::string &mode : options.modes)
        modes.append(mode);
    info.set("modes", std::move(modes));
    info.set("socket", options.socketPath);
    info.set("volumeRoot", options.volumeRoot);
    return info;
}

} // namespace testplugin
