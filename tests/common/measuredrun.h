#pragma once

// Runs one program to its end and measures it: wall time, CPU time, and the peak resident set of that process alone
// (wait4's rusage; QProcess reaps its child itself, so it cannot give that). For the install benchmark and the
// install memory test. The child's output goes to files, its input is /dev/null.
#include <QByteArray>
#include <QFile>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace testutil {

struct MeasuredRun
{
    bool started = false;
    int exitCode = -1; // or the signal that ended it, then `signalled`
    bool signalled = false;
    double seconds = 0;
    double cpuSeconds = 0; // user + system, its waited-for children's included
    qint64 maxRssKiB = 0;
    QByteArray out;
    QByteArray err;

    bool ok() const { return started && !signalled && exitCode == 0; }
};

// `outputBase`.out and `outputBase`.err receive what the program prints.
inline MeasuredRun runMeasured(const QStringList &command, const QProcessEnvironment &environment,
                               const QString &outputBase)
{
    MeasuredRun run;
    std::vector<QByteArray> argBytes;
    for (const QString &arg : command)
        argBytes.push_back(QFile::encodeName(arg));
    std::vector<char *> argv;
    for (QByteArray &arg : argBytes)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envBytes;
    for (const QString &entry : environment.toStringList())
        envBytes.push_back(entry.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &entry : envBytes)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(outputBase + QStringLiteral(".out"));
    const QByteArray errPath = QFile::encodeName(outputBase + QStringLiteral(".err"));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    timespec start{};
    ::clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = -1;
    const int spawned = ::posix_spawnp(&pid, argv.front(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        run.err = "cannot start " + argBytes.front() + ": " + QByteArray(std::strerror(spawned));
        return run;
    }
    run.started = true;
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    timespec end{};
    ::clock_gettime(CLOCK_MONOTONIC, &end);
    run.seconds = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
    run.maxRssKiB = usage.ru_maxrss;
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.signalled = WIFSIGNALED(status);
    run.exitCode = run.signalled ? WTERMSIG(status) : WEXITSTATUS(status);
    QFile out(outputBase + QStringLiteral(".out"));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    QFile err(outputBase + QStringLiteral(".err"));
    if (err.open(QIODevice::ReadOnly))
        run.err = err.readAll();
    return run;
}

} // namespace testutil

namespace testutil {

// CPU seconds (user + system) a running process has used so far, from /proc/PID/stat, with those of its children it
// has waited for; -1 when it cannot be read.
inline double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')': utime, stime, cutime and
    // cstime are fields 14 to 17.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    qint64 ticks = 0;
    for (int field = 11; field <= 14; ++field)
        ticks += fields.at(field).toLongLong();
    return double(ticks) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace testutil
