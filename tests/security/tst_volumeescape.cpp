// Issue 10, item 3: a hostile volume plugin points the engine and dockerd at the host's root. The test plugin in
// TEST_PLUGIN_MODE=symlink-escape makes each volume's folder a symlink to "/" inside its propagated mount
// (ln -s / /vols/v) and answers Mount, Path, Get and List with /vols/v, a path that maps lexically into the
// propagated mount. Real runc, the real monitor and its published-socket proxy, through the engine (no bus is
// involved). Every verb must refuse the mountpoint with an error naming the plugin and the path, nothing that
// reaches a caller may resolve out of the plugin's folders, and the store must stay byte-identical. A second
// plugin (swap-after-mount) races the check: its folder is real when it answers Mount and a symlink to "/" 100 ms
// later; what `volume mount` and the published socket hand out must still be the folder that was checked.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/socketpublisher.h"
#include "core/store/store.h"
#include "core/volume/volume.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kMonitorBinary = QStringLiteral(PLUGDESK_MONITOR_BINARY);
const QString kId = QStringLiteral("e5ca9e0a11ce");
const QString kName = QStringLiteral("acme/hostile:latest");
const QString kPluginPath = QStringLiteral("/vols/v");
const QString kSwapperId = QStringLiteral("5a9be4a11ce0");

// Every "Mountpoint" string anywhere in a JSON value.
void collectMountpoints(const QJsonValue &value, QStringList &out)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectMountpoints(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("Mountpoint") && it.value().isString())
                out.append(it.value().toString());
            else
                collectMountpoints(it.value(), out);
        }
    }
}

} // namespace

class TestVolumeEscape : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<core::LocalEngine> m_engine;

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }
    QString publishDir() const { return m_dir->path() + QStringLiteral("/docker-plugins"); }
    QString pluginDir() const { return core::Store(storeRoot()).pluginDir(kId); }

    static QVariant finish(core::Job *job, QString *error)
    {
        job->waitForFinished();
        *error = job->error() ? job->error()->message : QString();
        return job->result();
    }

    // A host path a caller was given must lead into the plugin's folders once every symlink is followed.
    void verifyStaysInside(const QString &hostPath) const
    {
        if (hostPath.isEmpty())
            return;
        const QString real = QFileInfo(hostPath).canonicalFilePath();
        const QString inside = QFileInfo(pluginDir()).canonicalFilePath() + QLatin1Char('/');
        QVERIFY2(real.isEmpty() || real.startsWith(inside),
                 qPrintable(QStringLiteral("%1 resolves to %2, outside %3").arg(hostPath, real, inside)));
    }

    void verifyRefusal(const QString &error) const
    {
        QVERIFY2(!error.isEmpty(), "the escaping mountpoint was accepted");
        QVERIFY2(error.contains(kName), qPrintable(error));
        QVERIFY2(error.contains(kPluginPath), qPrintable(error));
    }

    QByteArray askProxy(const QByteArray &method, const QByteArray &body,
                        const QString &published = QStringLiteral("acme-hostile.sock")) const
    {
        QLocalSocket socket;
        socket.connectToServer(publishDir() + QLatin1Char('/') + published);
        if (!socket.waitForConnected(5000))
            return {};
        socket.write("POST /VolumeDriver." + method + " HTTP/1.1\r\nHost: plugin\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket.waitForBytesWritten(5000);
        QByteArray answer;
        while (socket.state() == QLocalSocket::ConnectedState && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        return answer + socket.readAll();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        qputenv("PLUGDESK_MONITOR", kMonitorBinary.toLocal8Bit());
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdesc-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", publishDir().toLocal8Bit());

        testutil::TestPluginSpec spec;
        spec.id = kId;
        spec.repository = QStringLiteral("acme/hostile");
        spec.propagatedMount = QStringLiteral("/vols");
        spec.env = {QStringLiteral("TEST_PLUGIN_MODE=symlink-escape")};
        testutil::TestPluginSpec swapper = spec;
        swapper.id = kSwapperId;
        swapper.repository = QStringLiteral("acme/swapper");
        swapper.env = {QStringLiteral("TEST_PLUGIN_MODE=swap-after-mount")};
        QVERIFY(testutil::writeTestPlugins(storeRoot(), kPluginBinary,
                                           {testutil::makeTestPlugin(spec), testutil::makeTestPlugin(swapper)}));
        m_engine = std::make_unique<core::LocalEngine>(core::LocalEngine::Options{storeRoot(), runRoot(), false});
        QString error;
        finish(m_engine->enable(kId, 20), &error);
        QCOMPARE(error, QString());
        finish(m_engine->enable(kSwapperId, 20), &error);
        QCOMPARE(error, QString());
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        if (m_dir) {
            testutil::stopTestPlugin(runRoot(), kId, storeRoot());
            testutil::stopTestPlugin(runRoot(), kSwapperId, storeRoot());
        }
    }

    // The attack's first step: the plugin plants /vols/v -> / when the volume is created; the answer of create
    // already names it.
    void engineCreateRefuses()
    {
        QString error;
        const QVariant created = finish(m_engine->createVolume(kName, QStringLiteral("v"), {}), &error);
        const QString planted = pluginDir() + QStringLiteral("/propagated-mount/v");
        QVERIFY2(QFileInfo(planted).isSymLink(), "the plugin did not plant its symlink");
        QCOMPARE(QFileInfo(planted).symLinkTarget(), QStringLiteral("/"));
        verifyStaysInside(core::Volume::fromJson(QJsonObject::fromVariantMap(created.toMap())).hostMountpoint);
        verifyRefusal(error);
    }

    // `volume mount`: the engine would print, and record, the host's "/" as where the volume's files are.
    void engineMountRefuses()
    {
        const auto before = testutil::snapshot(storeRoot());
        QString error;
        const QVariant mounted = finish(m_engine->mountVolume(QStringLiteral("v")), &error);
        verifyStaysInside(core::Volume::fromJson(QJsonObject::fromVariantMap(mounted.toMap())).hostMountpoint);
        verifyRefusal(error);
        QCOMPARE(testutil::snapshot(storeRoot()), before); // no mount recorded in volumes.json
    }

    void engineInspectRefuses()
    {
        const auto before = testutil::snapshot(storeRoot());
        QString error;
        const QVariant inspected = finish(m_engine->inspectVolume(QStringLiteral("v")), &error);
        verifyStaysInside(core::Volume::fromJson(QJsonObject::fromVariantMap(inspected.toMap())).hostMountpoint);
        verifyRefusal(error);
        QCOMPARE(testutil::snapshot(storeRoot()), before);
    }

    // `volume ls`: the volume is left out and its driver's error says why.
    void engineListRefuses()
    {
        const auto before = testutil::snapshot(storeRoot());
        QString error;
        const core::VolumeList list = core::VolumeList::fromVariant(finish(m_engine->volumes(), &error));
        QCOMPARE(error, QString());
        for (const core::Volume &volume : list.volumes)
            verifyStaysInside(volume.hostMountpoint);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(list.volumes.size(), 0);
        QCOMPARE(list.errors.size(), 1);
        QCOMPARE(list.errors.at(0).driver, kName);
        verifyRefusal(list.errors.at(0).error.message);
        QCOMPARE(testutil::snapshot(storeRoot()), before);
    }

    // The published socket dockerd talks to: a Mount answer naming the symlink would have dockerd bind-mount the
    // host's root into a user's container.
    void proxyRefuses_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("Mount") << QByteArray("Mount") << QByteArray(R"({"Name":"v","ID":"c0ffee"})");
        QTest::newRow("Path") << QByteArray("Path") << QByteArray(R"({"Name":"v"})");
        QTest::newRow("Get") << QByteArray("Get") << QByteArray(R"({"Name":"v"})");
        QTest::newRow("List") << QByteArray("List") << QByteArray("{}");
    }

    void proxyRefuses()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QVERIFY(core::SocketPublisher::isSocket(publishDir() + QStringLiteral("/acme-hostile.sock")));
        const auto before = testutil::snapshot(storeRoot());
        const QByteArray answer = askProxy(method, body);
        QVERIFY2(answer.startsWith("HTTP/1.1 "), answer.constData());
        const QJsonObject object = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QStringList mountpoints;
        collectMountpoints(object, mountpoints);
        for (const QString &mountpoint : std::as_const(mountpoints))
            verifyStaysInside(mountpoint);
        QVERIFY(!QTest::currentTestFailed());
        verifyRefusal(object.value(QStringLiteral("Err")).toString());
        QCOMPARE(testutil::snapshot(storeRoot()), before);
    }

    // `volume mount` raced: the path the engine hands out must still be the volume's folder after the plugin swapped
    // it for a symlink to "/".
    void engineMountSurvivesASwap()
    {
        QString error;
        finish(m_engine->createVolume(QStringLiteral("acme/swapper:latest"), QStringLiteral("x"), {}), &error);
        QCOMPARE(error, QString());
        const QString folder = core::Store(storeRoot()).pluginDir(kSwapperId) + QStringLiteral("/propagated-mount/x");
        QVERIFY(testutil::writeFile(folder + QStringLiteral("/marker"), "the volume's own file\n"));
        const QVariant mounted = finish(m_engine->mountVolume(QStringLiteral("x")), &error);
        QCOMPARE(error, QString());
        const QString mountpoint = core::Volume::fromJson(QJsonObject::fromVariantMap(mounted.toMap())).hostMountpoint;
        QVERIFY(!mountpoint.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(folder).isSymLink(), 5000);
        QVERIFY2(QFileInfo(mountpoint).canonicalFilePath() != QStringLiteral("/"),
                 qPrintable(mountpoint + QStringLiteral(" leads to /")));
        QVERIFY2(!QFileInfo::exists(mountpoint + QStringLiteral("/etc/passwd")), qPrintable(mountpoint));
        QCOMPARE(testutil::readFile(mountpoint + QStringLiteral("/marker")), QByteArray("the volume's own file\n"));
        finish(m_engine->unmountVolume(QStringLiteral("x")), &error);
        QCOMPARE(error, QString());
        QVERIFY(!QFileInfo::exists(mountpoint + QStringLiteral("/marker")));
    }

    // The same attack raced: the plugin answers Mount with a real folder and swaps it for a symlink to "/" 100 ms
    // later, before dockerd gets to mount what the answer names. The answer must still lead to the folder that was
    // checked, not to whatever the plugin put at its name since.
    void proxyMountSurvivesASwap()
    {
        QString error;
        finish(m_engine->createVolume(QStringLiteral("acme/swapper:latest"), QStringLiteral("w"), {}), &error);
        QCOMPARE(error, QString());
        const QString folder = core::Store(storeRoot()).pluginDir(kSwapperId) + QStringLiteral("/propagated-mount/w");
        QVERIFY(testutil::writeFile(folder + QStringLiteral("/marker"), "the volume's own file\n"));

        const QByteArray answer =
            askProxy("Mount", R"({"Name":"w","ID":"d0cce4"})", QStringLiteral("acme-swapper.sock"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        const QJsonObject object = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(object.value(QStringLiteral("Err")).toString(), QString());
        const QString mountpoint = object.value(QStringLiteral("Mountpoint")).toString();
        QVERIFY(!mountpoint.isEmpty());
        // What dockerd does next, once the plugin has swapped.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(folder).isSymLink(), 5000);
        const QString real = QFileInfo(mountpoint).canonicalFilePath();
        QVERIFY2(real != QStringLiteral("/"), qPrintable(mountpoint + QStringLiteral(" leads to /")));
        QVERIFY2(!QFileInfo::exists(mountpoint + QStringLiteral("/etc/passwd")), qPrintable(mountpoint));
        QCOMPARE(testutil::readFile(mountpoint + QStringLiteral("/marker")), QByteArray("the volume's own file\n"));

        const QByteArray unmounted =
            askProxy("Unmount", R"({"Name":"w","ID":"d0cce4"})", QStringLiteral("acme-swapper.sock"));
        QVERIFY2(unmounted.startsWith("HTTP/1.1 200"), unmounted.constData());
        QVERIFY(!QFileInfo::exists(mountpoint + QStringLiteral("/marker")));
    }
};

QTEST_GUILESS_MAIN(TestVolumeEscape)
#include "tst_volumeescape.moc"
