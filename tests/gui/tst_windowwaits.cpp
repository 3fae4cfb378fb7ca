// The window as a desktop user meets it when the helper has to wait for polkit, over a real plugdesk-helper, a
// real polkitd and a rules file that makes polkit think for a while (it sleeps in polkit.spawn before answering):
//  - the window is shown before polkit answers the first read, it repaints and takes keys, its event loop keeps
//    turning (the worst delay of a 5 ms timer over the rest of polkit's wait, while the test only waits, is printed
//    and stays under 50 ms), and a PluginsChanged pushed meanwhile is applied once polkit answered;
//  - while a Remove waits for its authorisation the rest of the window works at once (a click opens the Install
//    dialog then, not afterwards), and nothing is replayed: one remove job, one confirmation;
//  - at rest the window makes no bus call at all with three running plugins, a plugin killed from outside shows its
//    new state within 2 s (pushed by the helper from the monitor's state file), and the helper exits when idle
//    while the window stays open;
//  - once that helper has left, a plugin killed from outside still shows within a few seconds (the delay is
//    printed): its monitor asks the bus to start the helper again (activation, from a service file as on the system
//    bus), and the window, seeing the helper's name taken again, reads a new snapshot without being asked.
// The window's engine talks as `nobody`: the bus records a connection's user when it connects (SO_PEERCRED), so
// the engine is made while this root process's real and effective ids are nobody's, and its saved id brings root
// back.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helperprotocol.h"
#include "core/runtime/runcruntime.h"
#include "ui/installdialog.h"
#include "ui/jobwatcher.h"
#include "ui/mainwindow.h"
#include "ui/pluginlistmodel.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace core;
using namespace Qt::StringLiterals;

namespace {

const QString kPolicyTarget = u"/usr/share/polkit-1/actions/org.plugdesk.policy"_s;

class AsNobody final
{
public:
    AsNobody() { m_ok = ::setresgid(65534, 65534, 0) == 0 && ::setresuid(65534, 65534, 0) == 0; }
    ~AsNobody()
    {
        (void)::setresuid(0, 0, 0);
        (void)::setresgid(0, 0, 0);
    }
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

// The worst delay of a 5 ms timer on this thread while it runs: how long the event loop was kept from turning.
class LatencyProbe final : public QObject
{
public:
    LatencyProbe()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = qMax(m_worstNs, now - m_lastNs - 5'000'000);
            m_lastNs = now;
        });
        m_clock.start();
        m_lastNs = m_clock.nsecsElapsed();
        m_timer.start();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }
    void stop() { m_timer.stop(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
};

} // namespace

class TestWindowWaits : public QObject
{
    Q_OBJECT

private:
    // Kills the plugin's container from outside and waits until the window shows it is not that process running
    // any more; the milliseconds that took, or -1 after `timeoutMs`.
    static qint64 killAndWait(ui::MainWindow &window, const QString &id, qint64 pid, int timeoutMs)
    {
        QElapsedTimer seen;
        seen.start();
        if (::kill(pid_t(pid), SIGKILL) != 0)
            return -1;
        const bool shown = QTest::qWaitFor(
            [&] {
                const auto state = window.pluginModel()->runtimeState(id);
                return state && (state->containerPid != pid || state->status != PluginRuntimeState::Status::Running);
            },
            timeoutMs);
        return shown ? seen.elapsed() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<testutil::PrivateBus> m_bus;
    std::unique_ptr<testutil::HelperProcess> m_helper;
    QString m_policyBackup;
    bool m_hadPolicy = false;

    QString storeRoot() const { return m_dir->path() + u"/s"_s; }
    QString runRoot() const { return m_dir->path() + u"/r"_s; }
    QString control() const { return m_dir->path() + u"/control"_s; }
    QString rulesTarget() const
    {
        return u"/etc/polkit-1/rules.d/47-plugdesk-windowwaits-%1.rules"_s.arg(QFileInfo(m_dir->path()).fileName());
    }

    // Polkit waits `seconds` before it answers `action` for nobody (0: answers at once).
    void setPolkitWait(const QString &action, int seconds)
    {
        const QString file = control() + u"/wait-"_s + action;
        if (seconds <= 0) {
            QFile::remove(file);
            return;
        }
        QVERIFY(testutil::writeFile(file, QByteArray::number(seconds)));
        testutil::openForEveryone(file, 0644);
    }

    static QList<Plugin> threePlugins()
    {
        QList<Plugin> plugins;
        int index = 0;
        for (const QString &name : {u"acme/one"_s, u"acme/two"_s, u"acme/three"_s}) {
            testutil::TestPluginSpec spec;
            spec.id = u"e%1"_s.arg(++index) + QString(63, QLatin1Char('0'));
            spec.id.truncate(12);
            spec.repository = name;
            plugins.append(testutil::makeTestPlugin(spec));
        }
        return plugins;
    }

    std::unique_ptr<HelperEngine> nobodysEngine()
    {
        AsNobody nobody;
        if (!nobody.ok())
            return {};
        return std::make_unique<HelperEngine>(HelperEngine::Options{m_bus->address(), {}});
    }

    bool startHelper(const QStringList &extra = {})
    {
        m_helper = std::make_unique<testutil::HelperProcess>();
        return m_helper->start(QStringLiteral(PLUGDESK_HELPER), m_bus->address(), storeRoot(), runRoot(),
                               QStringList{u"--no-restore"_s} + extra);
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + u".png"_s));
    }

    // A bus of its own that starts the helper by activation, as the system bus does, with a short idle timeout, and
    // the real polkitd on it; no helper runs yet.
    bool startActivatingBus(int idleSeconds)
    {
        const QString service = HelperProtocol::serviceName();
        const QString folder = m_dir->path() + u"/activating"_s;
        if (!QDir().mkpath(folder))
            return false;
        m_bus = std::make_unique<testutil::PrivateBus>();
        m_bus->setActivation(service, {QStringLiteral(PLUGDESK_HELPER), u"--bus"_s, u"unix:path=%1/bus"_s.arg(folder),
                                       u"--root"_s, storeRoot(), u"--run"_s, runRoot(), u"--idle-timeout"_s,
                                       QString::number(idleSeconds), u"--no-restore"_s});
        const QString why = m_bus->start(folder);
        if (!why.isEmpty()) {
            qWarning("%s", qPrintable(why));
            return false;
        }
        const QString polkit = m_bus->startPolkitd();
        if (!polkit.isEmpty()) {
            qWarning("%s", qPrintable(polkit));
            return false;
        }
        return m_bus->ownerPid(service) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper owns its name and runs plugins as root");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        if (!QFileInfo(u"/usr/lib/polkit-1/polkitd"_s).isExecutable())
            QSKIP("polkitd is not installed (apt-get install polkitd)");
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(u"/tmp/pdq-XXXXXX"_s);
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(m_dir->path() + u"/d"_s));
        QVERIFY(testutil::writeTestPlugins(storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY), threePlugins()));
        QVERIFY(QDir().mkpath(control()));
        testutil::openForEveryone(m_dir->path());
        testutil::openForEveryone(control());

        // The actions, and a rule for nobody that sleeps as long as the control folder says, then says yes.
        m_policyBackup = m_dir->path() + u"/policy-backup"_s;
        m_hadPolicy = QFile::exists(kPolicyTarget);
        if (m_hadPolicy)
            QFile::copy(kPolicyTarget, m_policyBackup);
        QFile::remove(kPolicyTarget);
        QVERIFY(QFile::copy(testutil::sourcePath(u"resources/org.plugdesk.policy"_s), kPolicyTarget));
        testutil::openForEveryone(kPolicyTarget, 0644);
        const QString rules = uR"(/* Installed by tst_windowwaits; removed when it ends. */
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.plugdesk.") != 0 || subject.user != "nobody")
        return;
    var wait = polkit.spawn(["/bin/sh", "-c", "cat '%1/wait-" + action.id + "' 2>/dev/null || true"]);
    var seconds = parseInt(wait, 10) || 0;
    while (seconds > 0) {
        var step = seconds > 5 ? 5 : seconds;
        polkit.spawn(["/bin/sleep", String(step)]);
        seconds -= step;
    }
    return polkit.Result.YES;
});
)"_s.arg(control());
        QVERIFY(testutil::writeFile(rulesTarget(), rules.toUtf8()));
        testutil::openForEveryone(rulesTarget(), 0644);

        m_bus = std::make_unique<testutil::PrivateBus>();
        const QString why = m_bus->start(m_dir->path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString polkit = m_bus->startPolkitd();
        if (!polkit.isEmpty())
            QSKIP(qPrintable(polkit));
    }

    void cleanup()
    {
        if (!m_dir)
            return;
        for (const Plugin &plugin : Store(storeRoot()).load().valueOr({}).plugins)
            testutil::stopTestPlugin(runRoot(), plugin.id, storeRoot());
        m_helper.reset();
        m_bus.reset();
        QFile::remove(rulesTarget());
        QFile::remove(kPolicyTarget);
        if (m_hadPolicy)
            QFile::copy(m_policyBackup, kPolicyTarget);
        m_dir.reset();
    }

    void shownAtOnceAndResponsiveWhilePolkitThinks()
    {
        setPolkitWait(u"org.plugdesk.read"_s, 10);
        QVERIFY(startHelper());
        auto engine = nobodysEngine();
        QVERIFY(engine);

        QElapsedTimer waited;
        waited.start();
        ui::MainWindow window(engine.get());
        window.show();
        QVERIFY(window.isVisible());
        QTest::qWait(300);
        QCOMPARE(engine->readiness(), Engine::Readiness::Loading);
        QVERIFY(window.statusPage()->isVisible());
        QVERIFY2(window.statusText()->text().contains(u"Reading the plugins"_s),
                 qPrintable(window.statusText()->text()));
        QCOMPARE(window.pluginModel()->rowCount(), 0);

        // It takes keys and paints while polkit thinks.
        QTest::keyClicks(window.filterEdit(), u"acme"_s);
        QCOMPARE(window.filterEdit()->text(), u"acme"_s);
        window.filterEdit()->clear();
        QVERIFY(!window.grab().toImage().isNull());
        saveScreenshot(&window, u"window-waiting-for-polkit"_s);

        // A change pushed meanwhile (another writer adds a plugin; the helper watches the inventory) is read once
        // polkit answered, without asking again.
        setPolkitWait(u"org.plugdesk.read"_s, 0);
        QList<Plugin> four = threePlugins();
        testutil::TestPluginSpec extra;
        extra.id = u"e4"_s + QString(10, QLatin1Char('0'));
        extra.repository = u"acme/four"_s;
        four.append(testutil::makeTestPlugin(extra));
        QVERIFY(testutil::writeTestPlugins(storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY), four));

        // From here the test itself does nothing but wait: what delays the loop is the window's.
        LatencyProbe probe;
        QVERIFY2(waited.elapsed() < 5000, "the checks above took so long that little of polkit's wait is measured");
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 4, 30000);
        probe.stop();
        QVERIFY2(waited.elapsed() >= 9000, "polkit answered before its rule's 10 s: the test measured nothing");
        QCOMPARE(engine->readiness(), Engine::Readiness::Ready);
        QVERIFY(!window.statusPage()->isVisible());
        qInfo("event loop while polkit took %.1f s to answer: worst delay %.1f ms", waited.elapsed() / 1000.0,
              probe.worstMs());
#ifndef PLUGDESK_SANITIZED
        // Not under the sanitizers (scripts/sanitize): ASan slows every allocation, the worst delay there is ~80 ms.
        QVERIFY2(probe.worstMs() < 50, qPrintable(u"worst delay %1 ms"_s.arg(probe.worstMs())));
#endif
    }

    void aClickWhileRemoveWaitsIsNotReplayed()
    {
        QVERIFY(startHelper());
        auto engine = nobodysEngine();
        QVERIFY(engine);
        ui::MainWindow window(engine.get());
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 3, 20000);

        setPolkitWait(u"org.plugdesk.remove"_s, 5);
        QStringList started;
        connect(engine.get(), &Engine::jobStarted, this, [&started](Job *job) { started.append(job->title()); });
        const Plugin first = threePlugins().first();
        window.selectPlugin(first.id);
        QCOMPARE(window.selectedPluginId(), first.id);
        window.removeSelected();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(u"confirmRemove"_s)) && confirm->isVisible());
        auto *removeButton = confirm->findChild<QPushButton *>(u"removeButton"_s);
        QVERIFY(removeButton);
        QTest::mouseClick(removeButton, Qt::LeftButton);

        // It says where it was started that it waits, with Cancel.
        QTRY_COMPARE_WITH_TIMEOUT(window.jobWatcher()->waitingCount(), 1, 5000);
        QWidget *bar = window.jobWatcher()->authorisationBar();
        QVERIFY(bar->isVisible());
        auto *text = bar->findChild<QLabel *>(u"authorisationText"_s);
        QVERIFY(text && text->text().contains(u"waiting for authorisation"_s));
        QVERIFY(bar->findChild<QPushButton *>(u"authorisationCancel"_s));
        saveScreenshot(&window, u"window-remove-waits-for-authorisation"_s);

        // Meanwhile a click lands at once: the Install dialog opens now, while polkit still thinks.
        QElapsedTimer clicked;
        clicked.start();
        auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolBar);
        auto *installButton = qobject_cast<QToolButton *>(toolBar->widgetForAction(window.installAction()));
        QVERIFY(installButton);
        QTest::mouseClick(installButton, Qt::LeftButton);
        ui::InstallDialog *install = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((install = window.findChild<ui::InstallDialog *>()) && install->isVisible(), 1000);
        QVERIFY2(clicked.elapsed() < 2000, "the click waited for the authorisation");
        QCOMPARE(window.jobWatcher()->waitingCount(), 1);
        install->reject();

        // The removal ends once polkit said yes; nothing was replayed.
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.jobWatcher()->waitingCount(), 0, 5000);
        QTest::qWait(500);
        QCOMPARE(started.filter(u"Remove"_s).size(), 1);
        const auto confirms = window.findChildren<QMessageBox *>(u"confirmRemove"_s);
        for (QMessageBox *box : confirms)
            QVERIFY(!box->isVisible());
        QVERIFY(!window.findChild<QMessageBox *>(u"jobFailed"_s));
        QVERIFY(window.isVisible());
    }

    void idleWindowMakesNoCallsAndFollowsPushedStates()
    {
        // Three plugins running, started by root before the helper came.
        {
            LocalEngine root({storeRoot(), runRoot(), false});
            for (const Plugin &plugin : threePlugins()) {
                const Status enabled = testutil::finished(root.enable(plugin.id, 20));
                QVERIFY2(enabled.ok(), qPrintable(enabled.ok() ? QString() : enabled.error().message));
            }
        }
        QVERIFY(startHelper({u"--idle-timeout"_s, u"20"_s}));
        auto engine = nobodysEngine();
        QVERIFY(engine);
        ui::MainWindow window(engine.get());
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 3, 20000);
        for (int row = 0; row < 3; ++row)
            QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->index(row, ui::PluginListModel::State).data().toString(),
                                      u"running"_s, 20000);

        // At rest: not one bus call in 10 s.
        QTest::qWait(500);
        const quint64 before = engine->callCount();
        QTest::qWait(10000);
        qInfo("bus calls of the idle window in 10 s: %llu", engine->callCount() - before);
        QCOMPARE(engine->callCount(), before);

        // A plugin killed from outside: its monitor records it, the helper pushes it, the window shows it.
        const QString id = threePlugins().first().id;
        const auto state = window.pluginModel()->runtimeState(id);
        QVERIFY(state && state->containerPid > 0);
        const qint64 pid = state->containerPid;
        const qint64 delay = killAndWait(window, id, pid, 2000);
        QVERIFY2(delay >= 0, "the window did not show the killed plugin's new state within 2 s");
        qInfo("the window showed the killed plugin's new state after %lld ms", delay);

        // The helper leaves when idle; the window stays, with what it showed.
        QTRY_VERIFY_WITH_TIMEOUT(!m_helper->running(), 45000);
        QVERIFY(window.isVisible());
        QCOMPARE(window.pluginModel()->rowCount(), 3);
    }

    void aPluginThatDiesWhileTheHelperIsAwayIsShown()
    {
        // A bus of its own that starts the helper by activation, as the system bus does, with a short idle timeout.
        const QString service = HelperProtocol::serviceName();
        QVERIFY(startActivatingBus(3));

        // The window's first read starts the helper.
        auto engine = nobodysEngine();
        QVERIFY(engine);
        ui::MainWindow window(engine.get());
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 3, 20000);
        const qint64 firstHelper = m_bus->ownerPid(service);
        QVERIFY(firstHelper > 0);

        // Enabled through the helper, so its monitor knows the helper's bus.
        const QString id = threePlugins().first().id;
        const Status enabled = testutil::finished(engine->enable(id, 20));
        QVERIFY2(enabled.ok(), qPrintable(enabled.ok() ? QString() : enabled.error().message));
        const auto running = [&] {
            const auto state = window.pluginModel()->runtimeState(id);
            return state && state->status == PluginRuntimeState::Status::Running && state->containerPid > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(running(), 20000);
        const qint64 pid = window.pluginModel()->runtimeState(id)->containerPid;

        // The helper leaves when idle; the window stays, still showing the plugin running.
        QElapsedTimer idle;
        idle.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_bus->ownerPid(service) == 0, 30000);
        qInfo("the helper left %lld ms after the plugin was enabled", idle.elapsed());
        QTest::qWait(300);
        QVERIFY(window.isVisible());
        QVERIFY(running());

        // Killed from outside: nobody on the bus knows yet; the monitor wakes the helper, the window re-reads.
        const qint64 delay = killAndWait(window, id, pid, 5000);
        QVERIFY2(delay >= 0, "the window did not show the killed plugin's new state within 5 s");
        const auto shown = window.pluginModel()->runtimeState(id);
        qInfo("with no helper running, the window showed the killed plugin's new state (%s, pid %lld) after %lld ms",
              qPrintable(PluginRuntimeState::statusName(shown->status)), shown->containerPid, delay);
        const qint64 secondHelper = m_bus->ownerPid(service);
        QVERIFY2(secondHelper > 0 && secondHelper != firstHelper, "the helper was not started again by activation");
    }
    // The window's first read starts the helper (activation): its name getting an owner then is that read's own doing,
    // and the answer comes from that owner, so the window reads once, not twice. A helper started again later (by
    // anybody) is read again: the window cannot know what changed while none ran.
    void theFirstReadStartsTheHelperAndIsReadOnce()
    {
        const QString service = HelperProtocol::serviceName();
        QVERIFY(startActivatingBus(2));

        auto engine = nobodysEngine();
        QVERIFY(engine);
        QSignalSpy reloaded(engine.get(), &Engine::pluginsReloaded);
        engine->reload();
        QTRY_COMPARE_WITH_TIMEOUT(engine->readiness(), Engine::Readiness::Ready, 20000);
        QCOMPARE(engine->plugins()->plugins.size(), 3);
        QVERIFY(m_bus->ownerPid(service) > 0);
        // A second read would go out 50 ms after the first answer.
        QTest::qWait(500);
        QCOMPARE(engine->callCount(), quint64(1));
        QCOMPARE(reloaded.size(), 1);

        // It leaves when idle; started again by somebody else's call, it is read again without being asked.
        QTRY_VERIFY_WITH_TIMEOUT(m_bus->ownerPid(service) == 0, 20000);
        QDBusConnection other = QDBusConnection::connectToBus(m_bus->address(), u"tst_windowwaits-other"_s);
        const QDBusMessage started =
            other.call(QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                                      u"org.freedesktop.DBus"_s, u"StartServiceByName"_s)
                       << service << 0u);
        QDBusConnection::disconnectFromBus(u"tst_windowwaits-other"_s);
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.size(), 2, 10000);
        QCOMPARE(engine->callCount(), quint64(2));
        QCOMPARE(engine->readiness(), Engine::Readiness::Ready);
    }
};

QTEST_MAIN(TestWindowWaits)
#include "tst_windowwaits.moc"
