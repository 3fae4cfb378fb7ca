#include "core/runtime/pluginrunner.h"

#include "core/base/atomicfile.h"
#include "core/base/libcurl.h"
#include "core/base/units.h"
#include "core/runtime/logreader.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginhttpclient.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/pluginsocket.h"
#include "core/runtime/runfile.h"
#include "core/runtime/runtimestatefile.h"
#include "core/runtime/socketpublisher.h"
#include "core/runtime/startcheck.h"
#include "core/runtime/volumebind.h"
#include "core/store/storelock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace core {

namespace {

constexpr int kLogTailOnFailure = 15;

int stopTimeoutMs()
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue("PLUGDESK_STOP_TIMEOUT_MS", &ok);
    return ok && value >= 0 ? value : 10000;
}

} // namespace

PluginRunner::PluginRunner(QString storeRoot, const QString &runRoot)
    : m_store(std::move(storeRoot))
    , m_layout(runRoot)
{}

Result<RuncRuntime> PluginRunner::chosenRuntime() const
{
    if (!m_runtime) {
        auto choice = RuntimeChoice::forStore(m_store.root());
        if (choice)
            m_runtime.emplace(RuncRuntime(m_layout.runRoot(), *choice));
        else
            m_runtime.emplace(choice.error());
    }
    return *m_runtime;
}

std::optional<RuncRuntime> PluginRunner::holderOf(const QString &id) const
{
    const auto chosen = chosenRuntime();
    if (chosen && chosen->holds(id))
        return *chosen;
    for (const QString &name : RuntimeChoice::knownNames()) {
        if (chosen && chosen->name() == name)
            continue;
        struct stat st
        {};
        if (::lstat(QFile::encodeName(m_layout.runtimeRoot(name) + QLatin1Char('/') + id).constData(), &st) != 0)
            continue;
        if (auto other = RuntimeChoice::byName(name))
            return RuncRuntime(m_layout.runRoot(), *other);
    }
    return std::nullopt;
}

QString PluginRunner::monitorBinary()
{
    QString fromEnvironment = qEnvironmentVariable("PLUGDESK_MONITOR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString name = QStringLiteral("plugdesk-monitor");
    if (QCoreApplication::instance()) {
        const QString dir = QCoreApplication::applicationDirPath();
        for (const QString &candidate :
             {QString(dir + QLatin1Char('/') + name), QString(dir + QStringLiteral("/../libexec/plugdesk/") + name)}) {
            if (QFileInfo(candidate).isExecutable())
                return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return QStandardPaths::findExecutable(name);
}

QString PluginRunner::socketPath(const Plugin &plugin) const
{
    return m_layout.socketPath(plugin.id, plugin.config.interfaceSocket);
}

QString PluginRunner::propagatedMount(const Plugin &plugin) const
{
    if (plugin.config.propagatedMount.isEmpty())
        return {};
    return QFileInfo(m_store.pluginDir(plugin.id) + QStringLiteral("/propagated-mount")).absoluteFilePath();
}

Status PluginRunner::setEnabled(const QString &id, bool enabled)
{
    auto lock =
        StoreLock::acquire(m_store.root(), enabled ? tr("enable plugin %1").arg(id) : tr("disable plugin %1").arg(id));
    if (!lock)
        return lock.error();
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    QList<Plugin> plugins = inventory->plugins;
    bool found = false;
    for (Plugin &plugin : plugins) {
        if (plugin.id == id) {
            plugin.enabled = enabled;
            found = true;
        }
    }
    if (!found)
        return Error{ErrorCode::NotFound, tr("plugin \"%1\" not found").arg(id)};
    return m_store.save(plugins);
}

Status PluginRunner::startMonitor(const Plugin &plugin)
{
    // Enable checks this first; restore at the helper's start comes here directly.
    if (auto refused = checkApproved(plugin); !refused)
        return refused;
    // A container left by a monitor that died is adopted with the runtime that started it, even when the choice has
    // changed since; anything new runs with the chosen one.
    auto chosen = chosenRuntime();
    if (!chosen)
        return chosen.error();
    const RuncRuntime runtime = holderOf(plugin.id).value_or(*chosen);
    // What can be known now is said now: a missing entrypoint would only show as runc's exec error in the log.
    if (auto startable = StartCheck::check(plugin, m_store.rootfsDir(plugin.id)); !startable)
        return startable;
    // A unix socket address holds at most 107 bytes; a longer path could never be connected to, and the plugin
    // would only fail later with a time-out that does not say why.
    if (const QString socket = socketPath(plugin);
        QFile::encodeName(socket).size() >= qsizetype(sizeof(sockaddr_un::sun_path)))
        return Error{ErrorCode::InvalidArgument,
                     tr("%1 cannot start: its socket path %2 is longer than the %3 bytes a unix socket allows; use a "
                        "shorter run folder (--run)")
                         .arg(plugin.name(), socket)
                         .arg(sizeof(sockaddr_un::sun_path) - 1)};
    const QString binary = monitorBinary();
    if (binary.isEmpty())
        return Error{ErrorCode::Runtime, tr("plugdesk-monitor was not found; set PLUGDESK_MONITOR or reinstall")};
    PluginMonitor::Options options;
    options.runRoot = m_layout.runRoot();
    options.id = plugin.id;
    options.name = plugin.name();
    options.runc = runtime.runc();
    options.socketPath = socketPath(plugin);
    options.publishedLink = SocketPublisher::linkPath(plugin);
    options.propagatedMount = propagatedMount(plugin);
    options.pluginPropagatedMount = plugin.config.propagatedMount;
    options.rootfs = QFileInfo(m_store.rootfsDir(plugin.id)).absoluteFilePath();
    // The monitor starts first and loads while the bundle is written; it runs nothing until go().
    auto monitor = MonitorLauncher::start(binary, options);
    if (!monitor)
        return monitor.error();
    // On failure `monitor` goes out of scope without go(): the monitor exits having started nothing.
    if (auto prepared = runtime.prepareBundle(plugin, m_store.pluginDir(plugin.id)); !prepared)
        return prepared;
    auto locked = monitor->waitLocked(5000);
    if (!locked)
        return locked.error().prefixed(tr("the plugin monitor for %1 did not start").arg(plugin.name()));
    // Callers rely on lockHolder() from here on. A monitor that exited without the lock found another one holding
    // it, which supervises the plugin already.
    if (!*locked && MonitorLauncher::lockHolder(m_layout.lockPath(plugin.id)) == 0)
        return Error{
            ErrorCode::Runtime,
            tr("the plugin monitor for %1 did not start; see %2").arg(plugin.name(), m_layout.logPath(plugin.id))};
    monitor->go();
    return {};
}

void PluginRunner::stopPlugin(const Plugin &plugin)
{
    const RunLayout &layout = m_layout;
    const QString lockPath = layout.lockPath(plugin.id);
    if (const qint64 monitor = MonitorLauncher::lockHolder(lockPath)) {
        ::kill(pid_t(monitor), SIGTERM);
        // The monitor waits the stop time-out, then SIGKILLs the plugin and waits up to 10 s more.
        QDeadlineTimer deadline(stopTimeoutMs() + 15000);
        while (MonitorLauncher::lockHolder(lockPath) != 0 && !deadline.hasExpired())
            QThread::msleep(20);
        if (const qint64 stuck = MonitorLauncher::lockHolder(lockPath))
            ::kill(pid_t(stuck), SIGKILL);
    }
    // Whatever the monitor could not do (or no monitor was there to do it).
    const std::optional<RuncRuntime> holder = holderOf(plugin.id);
    if (auto state = holder ? holder->state(plugin.id) : Result<ContainerState>(ContainerState{});
        state && state->exists) {
        if (state->isRunning())
            (void)holder->kill(plugin.id, QStringLiteral("KILL"));
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            (void)holder->remove(plugin.id);
            auto again = holder->state(plugin.id);
            if (!again || !again->exists)
                break;
            QThread::msleep(50);
        }
    }
    QFile::remove(socketPath(plugin));
    SocketPublisher::unpublish(SocketPublisher::linkPath(plugin), layout.publishedPath(plugin.id));
    VolumeBind::releaseAll(layout.bindDir(plugin.id));
    RuncRuntime::releaseMount(propagatedMount(plugin));
    auto recorded = RuntimeStateFile::read(layout.statePath(plugin.id));
    if (recorded && recorded->status != PluginRuntimeState::Status::Stopped &&
        recorded->status != PluginRuntimeState::Status::Failed) {
        PluginRuntimeState stopped = *recorded;
        stopped.status = PluginRuntimeState::Status::Stopped;
        stopped.containerPid = 0;
        (void)RuntimeStateFile::write(layout.statePath(plugin.id), stopped);
    }
}

Error PluginRunner::startFailure(const Plugin &plugin, const QString &reason, ErrorCode code) const
{
    QString message = reason;
    const QStringList tail = logTail(plugin, kLogTailOnFailure);
    if (!tail.isEmpty())
        message += QLatin1Char('\n') + tr("last log lines:") + QLatin1Char('\n') + tail.join(QLatin1Char('\n'));
    message += QLatin1Char('\n') + tr("see: plugdeskctl plugin logs %1").arg(plugin.name());
    return Error{code, message};
}

namespace {

// Wakes a waiting enable as soon as something is created, moved in or finished writing in the watched folders (the
// plugin's socket appearing, the monitor's state.json replaced), instead of polling on a timer; where a folder
// cannot be watched, wait() simply sleeps its time.
class FolderWatch final
{
public:
    FolderWatch()
        : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {}
    ~FolderWatch()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FolderWatch(const FolderWatch &) = delete;
    FolderWatch &operator=(const FolderWatch &) = delete;

    // False when `folder` cannot be watched (it does not exist yet).
    bool add(const QString &folder)
    {
        if (m_fd < 0 || ::inotify_add_watch(m_fd, QFile::encodeName(folder).constData(),
                                            IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF) < 0)
            return false;
        ++m_watches;
        return true;
    }
    // Returns after an event in a watched folder, or after `timeoutMs`; with nothing watched, after a short nap.
    void wait(int timeoutMs)
    {
        if (m_fd < 0 || m_watches == 0) {
            QThread::msleep(ulong(qBound(1, timeoutMs, 20)));
            return;
        }
        pollfd watch{m_fd, POLLIN, 0};
        if (::poll(&watch, 1, qMax(1, timeoutMs)) > 0) {
            char events[4096];
            while (::read(m_fd, events, sizeof events) > 0) {
            }
        }
    }

private:
    int m_fd;
    int m_watches = 0;
};

} // namespace

Status PluginRunner::waitReady(const Plugin &plugin, int timeoutSeconds, const std::function<bool()> &cancelled)
{
    const QString socket = socketPath(plugin);
    const QString statePath = m_layout.statePath(plugin.id);
    const QString lockPath = m_layout.lockPath(plugin.id);
    QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    // The socket's folder and the monitor's state folder wake the loop when something happens there; the time-out
    // below only bounds how late the checks that are not files (the monitor's lock) are seen.
    FolderWatch watch;
    const QString socketFolder = QFileInfo(socket).absolutePath();
    bool socketWatched = watch.add(socketFolder);
    const bool stateWatched = watch.add(m_layout.stateDir(plugin.id));
    constexpr int kLongestWaitMs = 200;
    int refusedWaitMs = 1; // while the socket exists but refuses connections
    for (;;) {
        if (PluginSocket::acceptsConnection(socket))
            return {};
        // A symlink or any other file where the socket should be is never followed, and never becomes a socket.
        const PluginSocket probe(socket);
        if (probe.error() && !probe.missing())
            return startFailure(plugin, tr("plugin %1 failed to start: %2").arg(plugin.name(), probe.error()->message),
                                ErrorCode::Runtime);
        if (cancelled && cancelled())
            return Error{ErrorCode::Cancelled, tr("enabling %1 was cancelled").arg(plugin.name())};
        // The lock first, then the record: the monitor writes its last record before it exits and lets go of the
        // lock, so a monitor seen gone has said why by then, and a failure is never reported as the bare exit.
        const bool monitorGone = MonitorLauncher::lockHolder(lockPath) == 0;
        auto state = RuntimeStateFile::read(statePath);
        if (state && state->status == PluginRuntimeState::Status::Failed)
            return startFailure(plugin, tr("plugin %1 failed to start: %2").arg(plugin.name(), state->message),
                                ErrorCode::Runtime);
        if (monitorGone)
            return startFailure(plugin,
                                tr("the monitor of plugin %1 exited before the plugin was ready").arg(plugin.name()),
                                ErrorCode::Runtime);
        if (deadline.hasExpired())
            return startFailure(
                plugin,
                tr("plugin %1 did not accept connections on %2 within %n second(s)", nullptr, timeoutSeconds)
                    .arg(plugin.name(), socket),
                ErrorCode::Timeout);
        if (!socketWatched)
            socketWatched = watch.add(socketFolder);
        // Until the socket's folder exists, its socket can only be seen by looking again soon. A socket that exists
        // but refused the connection is bound and not yet listening: no file event will say when it listens, and
        // that is usually a matter of microseconds, so look again at once, then less and less often.
        int longest = socketWatched && stateWatched ? kLongestWaitMs : 20;
        if (!probe.error()) {
            longest = refusedWaitMs;
            refusedWaitMs = qMin(refusedWaitMs * 2, kLongestWaitMs);
        }
        watch.wait(int(qMin<qint64>(longest, qMax<qint64>(1, deadline.remainingTime()))));
    }
}

Status PluginRunner::activate(const Plugin &plugin, int timeoutMs)
{
    PluginHttpClient client(socketPath(plugin));
    client.setTimeoutMs(timeoutMs);
    client.setMaxBodyBytes(MiB);
    auto response = client.post(QStringLiteral("/Plugin.Activate"));
    if (!response)
        return response.error();
    QJsonObject record;
    record.insert(QStringLiteral("status"), response->status);
    if (response->status == 200) {
        const QJsonObject answer = QJsonDocument::fromJson(response->body).object();
        record.insert(QStringLiteral("Implements"), answer.value(QStringLiteral("Implements")).toArray());
    } else if (response->status != 404) {
        // Managed plugins need not answer it (docs/docker-compat.md §5.2); one that answers with an error is broken.
        return Error{ErrorCode::Runtime, tr("/Plugin.Activate answered %1: %2")
                                             .arg(response->status)
                                             .arg(QString::fromUtf8(response->body.left(512)).trimmed())};
    }
    return writeRunFile(m_layout.activatePath(plugin.id), QJsonDocument(record).toJson(), 0644);
}

Status PluginRunner::checkApproved(const Plugin &plugin)
{
    // Only what a person approved runs: settings changed behind the engine's back (a hand-edited
    // plugin-config.json, a store from elsewhere) do not give a plugin a host path or device.
    if (auto refused = Privileges::refuseKernelMounts(plugin.settings.effectiveMounts(plugin.config), plugin.name());
        !refused)
        return refused;
    const Privileges unapproved = plugin.unapprovedPrivileges();
    if (unapproved.isEmpty())
        return {};
    return Error{ErrorCode::PermissionDenied,
                 tr("cannot enable plugin %1: its settings give it privileges that were not approved:\n%2\nApprove "
                    "them with plugdeskctl plugin set (which asks), or set them back")
                     .arg(plugin.name(), unapproved.promptLines().join(QLatin1Char('\n')))};
}

Status PluginRunner::launch(const Plugin &plugin, int timeoutSeconds,
                            const std::function<void(const QString &)> &progress,
                            const std::function<bool()> &cancelled)
{
    auto say = [&progress](const QString &text) {
        if (progress)
            progress(text);
    };
    // A monitor left from an earlier attempt would make ours exit at once.
    stopPlugin(plugin);
    QFile::remove(m_layout.statePath(plugin.id));
    QFile::remove(m_layout.activatePath(plugin.id));
    // The volume driver's scope is asked again once per enable (VolumeService::drivers).
    QFile::remove(m_layout.stateDir(plugin.id) + QStringLiteral("/capabilities.json"));

    say(tr("Starting %1").arg(plugin.name()));
    LibCurl::preload(); // Activate goes through libcurl: it loads while the runtime starts the plugin
    if (auto started = startMonitor(plugin); !started) {
        stopPlugin(plugin);
        // StartCheck's refusals lead with the plugin's name already.
        if (started.error().message.startsWith(plugin.name()))
            return started.error();
        return started.error().prefixed(tr("%1 cannot start").arg(plugin.name()));
    }
    say(tr("Waiting for %1 to accept connections").arg(socketPath(plugin)));
    QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    if (auto ready = waitReady(plugin, timeoutSeconds, cancelled); !ready) {
        stopPlugin(plugin);
        return ready;
    }
    say(tr("Activating %1").arg(plugin.name()));
    if (auto activated = activate(plugin, int(qMax<qint64>(1000, deadline.remainingTime()))); !activated) {
        stopPlugin(plugin);
        return startFailure(plugin,
                            tr("%1 started but did not activate: %2").arg(plugin.name(), activated.error().message),
                            activated.error().code);
    }
    return {};
}

Result<int> PluginRunner::readyTimeout(int seconds)
{
    if (seconds < 0)
        return Error{ErrorCode::InvalidArgument, tr("negative timeout %1 is invalid").arg(seconds)};
    return seconds == 0 ? 30 : seconds;
}

Result<QString> PluginRunner::start(const QString &nameOrId, int timeoutSeconds,
                                    const std::function<void(const QString &)> &progress,
                                    const std::function<bool()> &cancelled)
{
    const auto timeout = readyTimeout(timeoutSeconds);
    if (!timeout)
        return timeout.error();
    timeoutSeconds = *timeout;
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    auto found = Store::find(inventory->plugins, nameOrId);
    if (!found)
        return found.error();
    const Plugin plugin = *found;
    if (!plugin.enabled)
        return Error{ErrorCode::Conflict, tr("%1 is disabled; enable it to start it").arg(plugin.name())};
    if (auto refused = checkApproved(plugin); !refused)
        return refused.error();
    Status launched = StartCheck::check(plugin, m_store.rootfsDir(plugin.id));
    if (launched)
        launched = launch(plugin, timeoutSeconds, progress, cancelled);
    if (!launched) {
        // The plugin stays enabled; what the window and `plugin ls` show is why it does not run.
        PluginRuntimeState failed;
        failed.status = PluginRuntimeState::Status::Failed;
        failed.message = launched.error().message.section(QLatin1Char('\n'), 0, 0);
        failed.lastExit = QDateTime::currentDateTimeUtc();
        QDir().mkpath(m_layout.stateDir(plugin.id));
        (void)RuntimeStateFile::write(m_layout.statePath(plugin.id), failed);
        return launched.error();
    }
    return plugin.name();
}

Result<QString> PluginRunner::enable(const QString &nameOrId, int timeoutSeconds,
                                     const std::function<void(const QString &)> &progress,
                                     const std::function<bool()> &cancelled)
{
    const auto timeout = readyTimeout(timeoutSeconds);
    if (!timeout)
        return timeout.error();
    timeoutSeconds = *timeout;
    Plugin plugin;
    {
        auto lock = StoreLock::acquire(m_store.root(), tr("enable plugin %1").arg(nameOrId));
        if (!lock)
            return lock.error();
        auto inventory = m_store.load();
        if (!inventory)
            return inventory.error();
        auto found = Store::find(inventory->plugins, nameOrId);
        if (!found)
            return found.error();
        plugin = *found;
    }
    if (plugin.enabled)
        return Error{ErrorCode::Conflict, tr("plugin %1 is already enabled").arg(plugin.name())};
    {
        auto inventory = m_store.load();
        if (!inventory)
            return inventory.error();
        if (auto free =
                SocketPublisher::checkNameFree(inventory->plugins, plugin.repository, plugin.tag, plugin.id, true);
            !free)
            return free.error().prefixed(tr("cannot enable plugin %1").arg(plugin.name()));
    }
    if (auto valid = plugin.config.validate(); !valid)
        return valid.error();
    if (auto refused = checkApproved(plugin); !refused)
        return refused.error();
    // Refused before anything is started, in one sentence that names the plugin and the cause.
    if (auto startable = StartCheck::check(plugin, m_store.rootfsDir(plugin.id)); !startable)
        return startable.error();

    if (auto launched = launch(plugin, timeoutSeconds, progress, cancelled); !launched)
        return launched.error();
    if (auto saved = setEnabled(plugin.id, true); !saved) {
        stopPlugin(plugin);
        return saved.error();
    }
    return plugin.name();
}

Result<QString> PluginRunner::disable(const QString &nameOrId)
{
    Plugin plugin;
    {
        auto lock = StoreLock::acquire(m_store.root(), tr("disable plugin %1").arg(nameOrId));
        if (!lock)
            return lock.error();
        auto inventory = m_store.load();
        if (!inventory)
            return inventory.error();
        auto found = Store::find(inventory->plugins, nameOrId);
        if (!found)
            return found.error();
        plugin = *found;
    }
    const bool monitorAlive = MonitorLauncher::lockHolder(m_layout.lockPath(plugin.id)) != 0;
    if (!plugin.enabled && !monitorAlive)
        return Error{ErrorCode::Conflict,
                     tr("plugin is already disabled: plugin %1 found but disabled").arg(plugin.name())};
    stopPlugin(plugin);
    if (plugin.enabled) {
        if (auto saved = setEnabled(plugin.id, false); !saved)
            return saved.error();
    }
    return plugin.name();
}

Status PluginRunner::restore()
{
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    QStringList problems;
    for (const Plugin &plugin : inventory->plugins) {
        if (!plugin.enabled)
            continue;
        if (MonitorLauncher::lockHolder(m_layout.lockPath(plugin.id)) != 0)
            continue; // supervised already: never a second monitor
        if (auto started = startMonitor(plugin); !started) {
            problems.append(tr("cannot restore plugin %1: %2").arg(plugin.name(), started.error().message));
            continue;
        }
    }
    if (!problems.isEmpty())
        return Error{ErrorCode::Runtime, problems.join(QLatin1Char('\n'))};
    return {};
}

Result<PluginRuntimeState> PluginRunner::runtimeState(const Plugin &plugin) const
{
    return runtimeState(plugin, true);
}

QHash<QString, PluginRuntimeState> PluginRunner::runtimeStates(const QList<Plugin> &plugins) const
{
    // Every file runtimeState looks at is under <run>/state/<id>: one listing says whose folder there is.
    QSet<QString> withState;
    bool listed = false;
    const QByteArray stateRoot = QFile::encodeName(m_layout.runRoot() + QStringLiteral("/state"));
    if (DIR *dir = ::opendir(stateRoot.constData())) {
        listed = true;
        while (const dirent *entry = ::readdir(dir))
            withState.insert(QFile::decodeName(entry->d_name));
        ::closedir(dir);
    } else if (errno == ENOENT) {
        listed = true;
    }
    QHash<QString, PluginRuntimeState> states;
    states.reserve(plugins.size());
    for (const Plugin &plugin : plugins) {
        if (auto state = runtimeState(plugin, !listed || withState.contains(plugin.id)))
            states.insert(plugin.id, *state);
    }
    return states;
}

Result<PluginRuntimeState> PluginRunner::runtimeState(const Plugin &plugin, bool mayHaveState) const
{
    const RunLayout &layout = m_layout;
    PluginRuntimeState state;
    // The lock's holder is the monitor that lives now, whatever the file last recorded. Read before the record: a
    // monitor writes its last record before it exits, so one seen gone here has its last word in the file below.
    const qint64 holder = mayHaveState ? MonitorLauncher::lockHolder(layout.lockPath(plugin.id)) : 0;
    if (mayHaveState) {
        auto read = RuntimeStateFile::read(layout.statePath(plugin.id));
        if (!read)
            return read.error();
        state = *read;
    }
    state.monitorAlive = holder != 0;
    if (holder != 0)
        state.monitorPid = holder;
    if (!state.monitorAlive && state.status != PluginRuntimeState::Status::Failed &&
        state.status != PluginRuntimeState::Status::Stopped) {
        // The monitor is gone without recording it: ask runc what is left.
        const std::optional<RuncRuntime> holder = holderOf(plugin.id);
        auto container = holder ? holder->state(plugin.id) : Result<ContainerState>(ContainerState{});
        if (container && container->isRunning()) {
            state.status = PluginRuntimeState::Status::Running;
            state.containerPid = container->pid;
        } else {
            state.status = PluginRuntimeState::Status::Stopped;
            state.containerPid = 0;
        }
    }
    if (state.monitorAlive && state.status == PluginRuntimeState::Status::Starting && state.containerPid == 0) {
        // The monitor records "running" when runc's pid file appears, at its next tick; the file may already be
        // there (an enable that just finished has seen the socket answer), so apply the monitor's own rule now.
        QFile pidFile(layout.pidFilePath(plugin.id));
        if (pidFile.open(QIODevice::ReadOnly)) {
            const qint64 pid = pidFile.readAll().trimmed().toLongLong();
            if (pid > 0 && ::kill(pid_t(pid), 0) == 0) {
                state.status = PluginRuntimeState::Status::Running;
                state.containerPid = pid;
            }
        }
    }
    if (plugin.enabled && !state.monitorAlive && state.status != PluginRuntimeState::Status::Running) {
        // Enabled but nothing runs it: say why, from what can be checked now, else from what was recorded.
        const bool everStarted = state.lastStart.isValid() || state.monitorPid != 0;
        if (auto problem = StartCheck::problem(plugin, m_store.rootfsDir(plugin.id)))
            state.reason = problem->message;
        else if (state.status == PluginRuntimeState::Status::Failed && !state.message.isEmpty())
            state.reason = state.message;
        else if (everStarted)
            state.reason = tr("its monitor is gone (the machine restarted, or the monitor was killed); start it again");
        else
            state.reason = tr("it has not been started since it was enabled; start it");
    }
    state.socketPath = socketPath(plugin);
    const QString link = SocketPublisher::linkPath(plugin);
    if (state.monitorAlive && SocketPublisher::isRecorded(link, layout.publishedPath(plugin.id)))
        state.publishedSocketPath = link;
    QFile activation(layout.activatePath(plugin.id));
    if (mayHaveState && activation.open(QIODevice::ReadOnly)) {
        const QJsonArray implements =
            QJsonDocument::fromJson(activation.readAll()).object().value(QStringLiteral("Implements")).toArray();
        for (const QJsonValue value : implements)
            state.implements.append(value.toString());
    }
    return state;
}

QString PluginRunner::logPath(const Plugin &plugin) const
{
    return m_layout.logPath(plugin.id);
}

QStringList PluginRunner::logTail(const Plugin &plugin, int lines) const
{
    return LogReader::tail(logPath(plugin), lines);
}

} // namespace core
