#pragma once

// The plugin's volumes: a directory <root>/<name>/ each, with metadata in <root>/.meta/<name>.json (options and
// creation time) so volumes survive a restart. Mount IDs are kept in memory only, like a real plugin's reference
// count. All methods are thread-safe; failures come back as the Err text the protocol carries.

#include "json.h"

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace testplugin {

struct VolumeInfo
{
    std::string name;
    std::string mountpoint;
    std::string createdAt; // RFC 3339, UTC
    std::map<std::string, std::string> options;
    std::set<std::string> mountIds;
};

class VolumeStore final
{
public:
    explicit VolumeStore(std::string root);
    VolumeStore(const VolumeStore &) = delete;
    VolumeStore &operator=(const VolumeStore &) = delete;

    // The symlink-escape attack: a new volume's folder is a symlink to "/", so its mountpoint names the host's root
    // to whoever follows it from outside the plugin.
    void setSymlinkEscape(bool escape) { m_symlinkEscape = escape; }
    // The same attack, raced: the folder answered to Mount is real, and 100 ms later it is renamed to
    // <name>.answered and <name> becomes a symlink to "/", for whoever resolves the answer again.
    void setSwapAfterMount(bool swap) { m_swapAfterMount = swap; }

    // Creates the root and metadata directories and reads the volumes of an earlier run.
    bool load(std::string *error);
    // Creates `count` volumes vol-00000... that do not exist yet; returns how many were made.
    long preload(long count, std::string *error);

    // Each returns an empty string on success, or the error text.
    std::string create(const std::string &name, const std::map<std::string, std::string> &options);
    std::string remove(const std::string &name);
    std::string mount(const std::string &name, const std::string &id, std::string *mountpoint);
    std::string unmount(const std::string &name, const std::string &id);
    std::string path(const std::string &name, std::string *mountpoint);
    std::string get(const std::string &name, VolumeInfo *info);
    std::vector<VolumeInfo> list();

    // Empty when the name is acceptable, else `invalid volume name "<name>"`.
    static std::string validateName(const std::string &name);
    static std::string nowRfc3339();

private:
    std::string volumeDir(const std::string &name) const { return m_root + "/" + name; }
    std::string metaFile(const std::string &name) const { return m_root + "/.meta/" + name + ".json"; }
    bool writeMeta(const VolumeInfo &info, bool atomic, std::string *error) const;

    std::string m_root;
    std::mutex m_mutex;
    std::map<std::string, VolumeInfo> m_volumes;
    bool m_symlinkEscape = false;
    bool m_swapAfterMount = false;
};

} // namespace testplugin
