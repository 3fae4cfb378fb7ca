#pragma once

// For the benchmarks that time whole processes: start a program (as root or as another user), wait for it, and say
// how long it took from just before the fork to its exit, on CLOCK_MONOTONIC, the clock a program can report its
// own moments on (plugdesk's PLUGDESK_EXIT_AFTER_FIRST_PAINT). Its output goes to files, read after it ended.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bench {

inline qint64 monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<qint64>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

struct Run
{
    qint64 startNs = 0; // just before the fork
    qint64 endNs = 0;   // when waitpid returned
    int status = -1;    // the exit status, -1 when killed or not started
    qint64 cpuNs = 0;   // the program's CPU time, user and system
    QByteArray out;
    QByteArray err;
    qint64 elapsedNs() const { return endNs - startNs; }
};

// Runs `argv` with exactly `environment` ("KEY=VALUE"), as `uid`/`gid` when uid is not 0, with stdout and stderr in
// files under `scratch`.
inline Run runTimed(const QStringList &argv, const QStringList &environment, const QString &scratch, uid_t uid = 0,
                    gid_t gid = 0)
{
    QList<QByteArray> args;
    for (const QString &a : argv)
        args.append(a.toLocal8Bit());
    QList<QByteArray> env;
    for (const QString &e : environment)
        env.append(e.toLocal8Bit());
    std::vector<char *> argp;
    for (QByteArray &a : args)
        argp.push_back(a.data());
    argp.push_back(nullptr);
    std::vector<char *> envp;
    for (QByteArray &e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray outPath = QFile::encodeName(scratch + QStringLiteral("/run.out"));
    const QByteArray errPath = QFile::encodeName(scratch + QStringLiteral("/run.err"));

    Run run;
    run.startNs = monotonicNs();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        const int err = ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (out < 0 || err < 0 || in < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
            ::_exit(126);
        if (uid != 0 && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
            ::_exit(126);
        ::execve(argp[0], argp.data(), envp.data());
        ::_exit(127);
    }
    if (pid < 0)
        return run;
    int status = 0;
    struct rusage usage
    {};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.endNs = monotonicNs();
    run.cpuNs = (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000000LL +
                (qint64(usage.ru_utime.tv_usec) + usage.ru_stime.tv_usec) * 1000LL;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile out(QString::fromLocal8Bit(outPath));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    QFile err(QString::fromLocal8Bit(errPath));
    if (err.open(QIODevice::ReadOnly))
        run.err = err.readAll();
    return run;
}

// The CPU time process `pid` has used so far (/proc/PID/schedstat), 0 when it cannot be read.
inline qint64 processCpuNs(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/schedstat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().split(' ').value(0).toLongLong();
}

inline qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// The load average over the last minute, as /proc/loadavg says: printed with the figures.
inline QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "unknown";
    return file.readAll().trimmed();
}

} // namespace bench
