#pragma once

// Command line and environment of the test plugin. Arguments win over environment variables so a plugin config's
// Args and Env can both be used.

#include <optional>
#include <string>
#include <vector>

namespace testplugin {

struct Options
{
    std::string socketPath;         // full path of the unix socket
    std::string volumeRoot;         // where volumes and their metadata live (the PropagatedMount)
    std::string scope;              // answer of VolumeDriver.Capabilities
    std::vector<std::string> modes; // TEST_PLUGIN_MODE entries, as given
    bool hangList = false;
    bool hangActivate = false;      // /Plugin.Activate is read but never answered
    long long floodStdoutBytes = 0; // once listening, writes this many bytes to stdout as fast as it can
    bool noSocket = false;
    bool print = false;
    // Hostile modes, each the attack a security test performs:
    bool symlinkEscape = false;      // each volume's folder is a symlink to "/" (ln -s / <root>/<name>)
    bool plantRunFiles = false;      // leaves a device node and a setuid file in its socket folder, opened to all
    std::string socketSymlinkTarget; // the socket is a symlink to this host path instead of a socket
    bool swapAfterMount = false;     // 100 ms after answering Mount, the folder becomes a symlink to "/"
    double slowStartSeconds = 0;
    double crashAfterSeconds = -1; // < 0: never
    long preloadVolumes = 0;
    std::vector<std::string> argv;
};

// Returns nullopt with *error set when an argument or mode is unknown or malformed.
std::optional<Options> parseOptions(int argc, char **argv, std::string *error);

std::string usage();

} // namespace testplugin
