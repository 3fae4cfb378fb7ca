#include "volumestore.h"

#include "log.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace testplugin {

namespace {

constexpr const char *MetaDir = ".meta";
constexpr size_t MaxNameBytes = 200; // leaves room for ".json" and a temp suffix within NAME_MAX

std::string notFound(const std::string &name)
{
    return "volume " + name + " not found";
}

bool makeDir(const std::string &path, std::string *error)
{
    if (::mkdir(path.c_str(), 0755) == 0 || errno == EEXIST) {
        struct stat st
        {};
        if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
            return true;
        *error = path + " exists and is not a directory";
        return false;
    }
    *error = "cannot create directory " + path + ": " + std::strerror(errno);
    return false;
}

bool writeFile(const std::string &path, const std::string &content, std::string *error)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = "cannot write " + path + ": " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

bool readFile(const std::string &path, std::string *content)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        content->append(buffer, static_cast<size_t>(n));
        if (content->size() > 1024 * 1024) {
            ::close(fd);
            return false;
        }
    }
    ::close(fd);
    return true;
}

} // namespace

VolumeStore::VolumeStore(std::string root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
}

std::string VolumeStore::validateName(const std::string &name)
{
    const bool bad = name.empty() || name == "." || name == ".." || name == MetaDir ||
                     name.find('/') != std::string::npos || name.find('\0') != std::string::npos ||
                     name.size() > MaxNameBytes;
    if (!bad)
        return {};
    std::string quoted;
    // Like Go's %q for the printable cases the tests use; control bytes are escaped so logs stay one line.
    appendJsonString(quoted, name);
    return "invalid volume name " + quoted;
}

std::string VolumeStore::nowRfc3339()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

bool VolumeStore::writeMeta(const VolumeInfo &info, bool atomic, std::string *error) const
{
    JsonValue options = JsonValue::object();
    for (const auto &[key, value] : info.options)
        options.set(key, value);
    JsonValue meta = JsonValue::object();
    meta.set("Name", info.name);
    meta.set("Opts", std::move(options));
    meta.set("CreatedAt", info.createdAt);
    const std::string file = metaFile(info.name);
    if (!atomic)
        return writeFile(file, meta.serialize(), error);
    const std::string temp = file + ".tmp";
    if (!writeFile(temp, meta.serialize(), error))
        return false;
    if (::rename(temp.c_str(), file.c_str()) != 0) {
        *error = "cannot rename " + temp + ": " + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

bool VolumeStore::load(std::string *error)
{
    if (!makeDir(m_root, error) || !makeDir(m_root + "/" + MetaDir, error))
        return false;
    std::lock_guard lock(m_mutex);
    DIR *dir = ::opendir((m_root + "/" + MetaDir).c_str());
    if (!dir) {
        *error = "cannot read " + m_root + "/" + MetaDir + ": " + std::strerror(errno);
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const std::string file = entry->d_name;
        const std::string suffix = ".json";
        if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string name = file.substr(0, file.size() - suffix.size());
        std::string content;
        std::string parseError;
        if (!readFile(metaFile(name), &content)) {
            logErr("testvolumeplugin: cannot read metadata of " + name);
            continue;
        }
        const std::optional<JsonValue> meta = JsonValue::parse(content, &parseError);
        const JsonValue *storedName = meta ? meta->find("Name") : nullptr;
        if (!meta || !meta->isObject() || !storedName || !storedName->isString() || storedName->toString() != name ||
            !validateName(name).empty()) {
            logErr("testvolumeplugin: ignoring broken metadata " + file +
                   (parseError.empty() ? "" : ": " + parseError));
            continue;
        }
        VolumeInfo info;
        info.name = name;
        info.mountpoint = volumeDir(name);
        if (const JsonValue *created = meta->find("CreatedAt"); created && created->isString())
            info.createdAt = created->toString();
        if (const JsonValue *options = meta->find("Opts"); options && options->isObject()) {
            for (const auto &[key, value] : options->members()) {
                if (value.isString())
                    info.options[key] = value.toString();
            }
        }
        std::string dirError;
        if (!makeDir(info.mountpoint, &dirError))
            logErr("testvolumeplugin: " + dirError);
        m_volumes[name] = std::move(info);
    }
    ::closedir(dir);
    return true;
}

long VolumeStore::preload(long count, std::string *error)
{
    std::lock_guard lock(m_mutex);
    const std::string createdAt = nowRfc3339();
    long made = 0;
    for (long i = 0; i < count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "vol-%05ld", i);
        if (m_volumes.count(name))
            continue;
        VolumeInfo info;
        info.name = name;
        info.mountpoint = volumeDir(name);
        info.createdAt = createdAt;
        // Plain write, no rename: benchmarks want thousands of these quickly.
        if (!makeDir(info.mountpoint, error) || !writeMeta(info, false, error))
            return made;
        m_volumes[name] = std::move(info);
        ++made;
    }
    return made;
}

std::string VolumeStore::create(const std::string &name, const std::map<std::string, std::string> &options)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    if (m_volumes.count(name))
        return "volume " + name + " already exists";
    VolumeInfo info;
    info.name = name;
    info.mountpoint = volumeDir(name);
    info.createdAt = nowRfc3339();
    info.options = options;
    std::string error;
    if (m_symlinkEscape && ::symlink("/", info.mountpoint.c_str()) != 0 && errno != EEXIST)
        return "volume " + name + ": cannot make the escaping symlink: " + std::strerror(errno);
    if (!makeDir(info.mountpoint, &error) || !writeMeta(info, true, &error))
        return "volume " + name + ": " + error;
    m_volumes[name] = std::move(info);
    return {};
}

std::string VolumeStore::remove(const std::string &name)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    const auto it = m_volumes.find(name);
    if (it == m_volumes.end())
        return notFound(name);
    if (!it->second.mountIds.empty())
        return "volume " + name + " is in use";
    std::error_code ec;
    std::filesystem::remove_all(it->second.mountpoint, ec);
    if (ec)
        return "volume " + name + ": cannot remove " + it->second.mountpoint + ": " + ec.message();
    if (::unlink(metaFile(name).c_str()) != 0 && errno != ENOENT)
        return "volume " + name + ": cannot remove metadata: " + std::strerror(errno);
    m_volumes.erase(it);
    return {};
}

std::string VolumeStore::mount(const std::string &name, const std::string &id, std::string *mountpoint)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    const auto it = m_volumes.find(name);
    if (it == m_volumes.end())
        return notFound(name);
    std::string error;
    // Someone may have removed the directory behind our back; a mount must hand out a real path.
    if (!makeDir(it->second.mountpoint, &error))
        return "volume " + name + ": " + error;
    it->second.mountIds.insert(id);
    *mountpoint = it->second.mountpoint;
    if (m_swapAfterMount) {
        std::thread([folder = it->second.mountpoint] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const bool swapped =
                ::rename(folder.c_str(), (folder + ".answered").c_str()) == 0 && ::symlink("/", folder.c_str()) == 0;
            logOut("testvolumeplugin: swap-after-mount: " + folder + (swapped ? " -> /" : ": failed"));
        }).detach();
    }
    return {};
}

std::string VolumeStore::unmount(const std::string &name, const std::string &id)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    const auto it = m_volumes.find(name);
    if (it == m_volumes.end())
        return notFound(name);
    it->second.mountIds.erase(id);
    return {};
}

std::string VolumeStore::path(const std::string &name, std::string *mountpoint)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    const auto it = m_volumes.find(name);
    if (it == m_volumes.end())
        return notFound(name);
    *mountpoint = it->second.mountpoint;
    return {};
}

std::string VolumeStore::get(const std::string &name, VolumeInfo *info)
{
    if (std::string invalid = validateName(name); !invalid.empty())
        return invalid;
    std::lock_guard lock(m_mutex);
    const auto it = m_volumes.find(name);
    if (it == m_volumes.end())
        return notFound(name);
    *info = it->second;
    return {};
}

std::vector<VolumeInfo> VolumeStore::list()
{
    std::lock_guard lock(m_mutex);
    std::vector<VolumeInfo> result;
    result.reserve(m_volumes.size());
    for (const auto &[name, info] : m_volumes)
        result.push_back(info);
    return result;
}

} // namespace testplugin
