#include "terminalagent.h"

#include <QFile>
#include <QStandardPaths>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cli {

namespace {

// How long pkttyagent may take to register before plugdeskctl goes on without it.
constexpr int kRegisterTimeoutMs = 10 * 1000;

ssize_t readRetrying(int fd, void *buffer, size_t size)
{
    ssize_t n;
    do
        n = ::read(fd, buffer, size);
    while (n < 0 && errno == EINTR);
    return n;
}

} // namespace

TerminalAgent::TerminalAgent(bool askPassword, QTextStream &err)
    : m_askPassword(askPassword)
    , m_terminal(::isatty(STDIN_FILENO) == 1)
    , m_err(err)
{}

TerminalAgent::~TerminalAgent()
{
    stop();
}

void TerminalAgent::startAgent(const QString &, const QString &)
{

    if (m_tried || !m_terminal)
        return;
    m_tried = true;
    const QString program = QStandardPaths::findExecutable(QStringLiteral("pkttyagent"));
    if (program.isEmpty())
        return; // polkit then says that no agent could ask, and how to get one
    int notify[2];
    int status[2];
    if (::pipe2(notify, O_CLOEXEC) != 0)
        return;
    if (::pipe2(status, O_CLOEXEC) != 0) {
        ::close(notify[0]);
        ::close(notify[1]);
        return;
    }
    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    const QByteArray path = QFile::encodeName(program);
    const QByteArray notifyFd = QByteArray::number(notify[1]);
    const pid_t parent = ::getpid();
    const QByteArray process = QByteArray::number(parent);
    // --fallback leaves a desktop session's agent in charge (its dialog asks, as for any program of the session).
    // Polkit uses a fallback agent only for a subject in a login session, though: on a console without one, or
    // over SSH without a graphical session, the agent is registered as the one for this process.
    const bool desktop = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    const char *argv[] = {"pkttyagent", "--notify-fd",       notifyFd.constData(),
                          "--process",  process.constData(), desktop ? "--fallback" : nullptr,
                          nullptr};
    const pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {notify[0], notify[1], status[0], status[1]})
            ::close(fd);
        return;
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(0);
        ::fcntl(notify[1], F_SETFD, 0); // the one descriptor pkttyagent inherits
        ::execv(path.constData(), const_cast<char *const *>(argv));
        const int error = errno;
        [[maybe_unused]] const ssize_t written = ::write(status[1], &error, sizeof error);
        ::_exit(127);
    }
    ::close(notify[1]);
    ::close(status[1]);
    int execError = 0;
    const ssize_t failed = readRetrying(status[0], &execError, sizeof execError);
    ::close(status[0]);
    if (failed > 0) {
        ::waitpid(pid, nullptr, 0);
        ::close(notify[0]);
        return;
    }
    // pkttyagent closes the descriptor once it is registered (or exits, closing it too).
    pollfd watch{notify[0], POLLIN, 0};
    int ready;
    do
        ready = ::poll(&watch, 1, kRegisterTimeoutMs);
    while (ready < 0 && errno == EINTR);
    if (ready > 0) {
        char byte;
        readRetrying(notify[0], &byte, 1);
    }
    ::close(notify[0]);
    m_agent = pid;
    if (::waitpid(pid, nullptr, WNOHANG) == pid)
        m_agent = -1; // it could not register (another agent without --fallback's leave, no bus…)
}

void TerminalAgent::stop()
{
    if (m_agent <= 0)
        return;
    ::kill(m_agent, SIGTERM);
    for (int i = 0; i < 200; ++i) {
        if (::waitpid(m_agent, nullptr, WNOHANG) == m_agent) {
            m_agent = -1;
            return;
        }
        ::usleep(10 * 1000);
    }
    ::kill(m_agent, SIGKILL);
    ::waitpid(m_agent, nullptr, 0);
    m_agent = -1;
}

void TerminalAgent::waiting(const QString &action)
{
    ++m_waiting;
    // Our own agent's banner says what is asked; a script's stderr gets only the outcome.
    if (m_lineShown || m_agent > 0 || ::isatty(STDERR_FILENO) != 1)
        return;
    m_err << tr("waiting for authorisation (%1)…").arg(action);
    m_err.flush();
    m_lineShown = true;
}

void TerminalAgent::answered()
{
    if (m_waiting > 0)
        --m_waiting;
    if (m_waiting > 0 || !m_lineShown)
        return;
    m_err << "\r\x1b[K"; // the line goes: what follows (the result or the error) takes its place
    m_err.flush();
    m_lineShown = false;
}

} // namespace cli
