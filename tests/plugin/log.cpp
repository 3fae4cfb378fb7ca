#include "log.h"

#include <cerrno>
#include <mutex>
#include <unistd.h>

namespace testplugin {

namespace {

std::mutex logMutex;

void writeLine(int fd, const std::string &line)
{
    std::string text = line;
    text += '\n';
    std::lock_guard lock(logMutex);
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // Nobody is reading: nothing better to do than drop the line.
        done += static_cast<size_t>(n);
    }
}

} // namespace

void logOut(const std::string &line)
{
    writeLine(STDOUT_FILENO, line);
}

void logErr(const std::string &line)
{
    writeLine(STDERR_FILENO, line);
}

} // namespace testplugin
