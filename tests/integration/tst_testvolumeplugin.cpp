// Drives the static test volume plugin (tests/plugin) over its unix socket, the way the engine will once it runs the
// plugin under runc: the VolumeDriver protocol, its error texts, HTTP robustness and the fault modes.

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <bit>
#include <elf.h>
#include <memory>
#include <unistd.h>

namespace {

const QString pluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);

struct HttpReply
{
    int status = -1; // -1: no complete answer
    QByteArray contentType;
    QByteArray body;
    bool closeRequested = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString err() const { return json().value(QStringLiteral("Err")).toString(); }
};

// Reads one HTTP response from `socket` (status line, headers, Content-Length body) within `timeoutMs`. Takes only
// that response's bytes off the socket, so pipelined responses stay for the next call.
HttpReply readReply(QLocalSocket &socket, int timeoutMs)
{
    HttpReply reply;
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const QByteArray buffer = socket.peek(socket.bytesAvailable());
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
                return reply;
            qsizetype contentLength = -1;
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    contentLength = value.toLongLong();
                else if (name == "content-type")
                    reply.contentType = value;
                else if (name == "connection")
                    reply.closeRequested = value.toLower() == "close";
            }
            if (contentLength < 0)
                return reply;
            if (buffer.size() >= headerEnd + 4 + contentLength) {
                const QByteArray whole = socket.read(headerEnd + 4 + contentLength);
                reply.status = statusLine[1].toInt();
                reply.body = whole.mid(headerEnd + 4);
                return reply;
            }
        }
        if (deadline.hasExpired() || socket.state() != QLocalSocket::ConnectedState ||
            !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (socket.bytesAvailable() > buffer.size())
                continue; // the last bytes arrived together with the hang-up
            return reply;
        }
    }
}

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                   const QByteArray &extraHeaders = {})
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: plugin.moby.localhost\r\n" +
           "Accept: application/vnd.docker.plugins.v1.2+json\r\nContent-Type: application/json\r\n" +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

bool sendRaw(QLocalSocket &socket, const QByteArray &data)
{
    socket.write(data);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(5000))
            return false;
    }
    return true;
}

HttpReply call(QLocalSocket &socket, const QByteArray &path, const QByteArray &body, int timeoutMs = 5000)
{
    if (!sendRaw(socket, request("POST", path, body)))
        return {};
    return readReply(socket, timeoutMs);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray nameBody(const QString &name)
{
    return json({{QStringLiteral("Name"), name}});
}

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString statusField(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return QString::fromLatin1(line.mid(key.size() + 1).trimmed());
    }
    return {};
}

// One plugin process with its own socket dir and volume root in a temporary directory.
class PluginProcess final
{
public:
    explicit PluginProcess(const QString &root = {})
    {
        m_base = root.isEmpty() ? m_dir.path() : root;
        m_socketDir = m_base + QStringLiteral("/plugins");
        m_volumeRoot = m_base + QStringLiteral("/volumes");
    }
    ~PluginProcess() { stop(); }

    bool start(const QString &modes = {}, const QStringList &arguments = {}, const QStringList &extraEnv = {},
               bool waitForSocket = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"TEST_PLUGIN_MODE", "PLUGIN_SOCKET", "VOLUME_SCOPE", "PRELOAD_VOLUMES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("PLUGIN_SOCKET_DIR"), m_socketDir);
        env.insert(QStringLiteral("VOLUME_ROOT"), m_volumeRoot);
        if (!modes.isEmpty())
            env.insert(QStringLiteral("TEST_PLUGIN_MODE"), modes);
        for (const QString &entry : extraEnv)
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        m_process.setProcessEnvironment(env);
        m_process.setProgram(pluginBinary);
        m_process.setArguments(arguments);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        if (!waitForSocket)
            return true;
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (QFileInfo::exists(socketPath()) && stdoutText().contains(QStringLiteral("listening on")))
                return true;
            if (m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(20);
        }
        return false;
    }

    // SIGTERM, then wait; returns the exit code (-1 if it had to be killed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    bool connect(QLocalSocket &socket) const
    {
        socket.connectToServer(socketPath());
        return socket.waitForConnected(5000);
    }

    HttpReply call(const QByteArray &path, const QByteArray &body, int timeoutMs = 5000) const
    {
        QLocalSocket socket;
        if (!connect(socket))
            return {};
        return ::call(socket, path, body, timeoutMs);
    }

    QString stdoutText()
    {
        m_stdout += m_process.readAllStandardOutput();
        return QString::fromUtf8(m_stdout);
    }
    QString stderrText()
    {
        m_stderr += m_process.readAllStandardError();
        return QString::fromUtf8(m_stderr);
    }

    QProcess &process() { return m_process; }
    QString socketPath() const { return m_socketDir + QStringLiteral("/testvol.sock"); }
    QString volumeRoot() const { return m_volumeRoot; }
    QString base() const { return m_base; }

private:
    QTemporaryDir m_dir;
    QString m_base;
    QString m_socketDir;
    QString m_volumeRoot;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace

class TestVolumePluginTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void binaryIsStatic();
    void startupLine();
    void activate();
    void capabilities_data();
    void capabilities();
    void volumeLifecycle();
    void protocolErrors_data();
    void protocolErrors();
    void mountReferenceCount();
    void stateSurvivesRestart();
    void badJson_data();
    void badJson();
    void badHttp_data();
    void badHttp();
    void unknownEndpoint();
    void keepAliveAndClose();
    void chunkedBody();
    void concurrentClients();
    void hangList();
    void noSocket();
    void slowStart();
    void crashAfter();
    void printMode();
    void sigtermRemovesSocket();
    void debugEndpoint_data();
    void debugEndpoint();
    void preloadVolumes_data();
    void preloadVolumes();
    void badOptions_data();
    void badOptions();

private:
    std::unique_ptr<PluginProcess> m_shared; // one plugin for the cases that do not need their own
};

void TestVolumePluginTest::initTestCase()
{
    QVERIFY2(QFileInfo(pluginBinary).isExecutable(), qPrintable(pluginBinary));
    m_shared = std::make_unique<PluginProcess>();
    QVERIFY(m_shared->start());
}

void TestVolumePluginTest::cleanupTestCase()
{
    QCOMPARE(m_shared->stop(), 0);
}

void TestVolumePluginTest::binaryIsStatic()
{
    // The plugin rootfs holds nothing but this file, so there must be no program interpreter (ld.so) to load.
    QFile file(pluginBinary);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(data.size() >= qsizetype(sizeof(Elf64_Ehdr)));
    Elf64_Ehdr header;
    memcpy(&header, data.constData(), sizeof header);
    QVERIFY(memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
    QCOMPARE(header.e_ident[EI_CLASS], ELFCLASS64);
    QVERIFY(header.e_type == ET_EXEC || header.e_type == ET_DYN);
    QCOMPARE(header.e_phentsize, sizeof(Elf64_Phdr));
    QVERIFY(header.e_phnum > 0);
    QVERIFY(header.e_phoff + quint64(header.e_phnum) * sizeof(Elf64_Phdr) <= quint64(data.size()));
    int loadSegments = 0;
    for (int i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr program;
        memcpy(&program, data.constData() + header.e_phoff + i * sizeof(Elf64_Phdr), sizeof program);
        QVERIFY2(program.p_type != PT_INTERP, "the plugin binary asks for a dynamic loader");
        QVERIFY2(program.p_type != PT_DYNAMIC, "the plugin binary has a dynamic section");
        if (program.p_type == PT_LOAD)
            ++loadSegments;
    }
    QVERIFY(loadSegments > 0);

    const QString ldd = QStandardPaths::findExecutable(QStringLiteral("ldd"));
    if (!ldd.isEmpty()) {
        QProcess process;
        process.start(ldd, {pluginBinary});
        QVERIFY(process.waitForFinished(10000));
        const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(output.contains(QStringLiteral("not a dynamic executable")) ||
                     output.contains(QStringLiteral("statically linked")),
                 qPrintable(output));
    }
}

void TestVolumePluginTest::startupLine()
{
    QVERIFY(m_shared->stdoutText().contains(QStringLiteral("testvolumeplugin: listening on ") + m_shared->socketPath() +
                                            QLatin1Char('\n')));
}

void TestVolumePluginTest::activate()
{
    // Empty body, as the daemon sends for calls without arguments.
    const HttpReply reply = m_shared->call("/Plugin.Activate", {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("Implements")).toArray(), QJsonArray({QStringLiteral("VolumeDriver")}));
}

void TestVolumePluginTest::capabilities_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("scope");
    QTest::newRow("default") << QStringList() << QStringLiteral("local");
    QTest::newRow("global") << QStringList{QStringLiteral("VOLUME_SCOPE=global")} << QStringLiteral("global");
    QTest::newRow("local") << QStringList{QStringLiteral("VOLUME_SCOPE=local")} << QStringLiteral("local");
}

void TestVolumePluginTest::capabilities()
{
    QFETCH(QStringList, env);
    QFETCH(QString, scope);
    PluginProcess plugin;
    QVERIFY(plugin.start({}, {}, env));
    const HttpReply reply = plugin.call("/VolumeDriver.Capabilities", "{}");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("Capabilities")).toObject().value(QStringLiteral("Scope")).toString(),
             scope);
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::volumeLifecycle()
{
    PluginProcess plugin;
    QVERIFY(plugin.start());
    const QString name = QStringLiteral("data-1");
    const QString mountpoint = plugin.volumeRoot() + QLatin1Char('/') + name;
    const QJsonObject opts{{QStringLiteral("size"), QStringLiteral("10G")},
                           {QStringLiteral("mode"), QStringLiteral("fast")}};
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    HttpReply reply =
        plugin.call("/VolumeDriver.Create", json({{QStringLiteral("Name"), name}, {QStringLiteral("Opts"), opts}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), QJsonObject({{QStringLiteral("Err"), QString()}}));
    QVERIFY(QFileInfo(mountpoint).isDir());

    reply = plugin.call("/VolumeDriver.Get", nameBody(name));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());
    QJsonObject volume = reply.json().value(QStringLiteral("Volume")).toObject();
    QCOMPARE(volume.value(QStringLiteral("Name")).toString(), name);
    QCOMPARE(volume.value(QStringLiteral("Mountpoint")).toString(), mountpoint);
    const QDateTime created = QDateTime::fromString(volume.value(QStringLiteral("CreatedAt")).toString(), Qt::ISODate);
    QVERIFY2(created.isValid(), qPrintable(volume.value(QStringLiteral("CreatedAt")).toString()));
    QVERIFY(created >= before && created <= QDateTime::currentDateTimeUtc().addSecs(1));
    QJsonObject status = volume.value(QStringLiteral("Status")).toObject();
    QCOMPARE(status.value(QStringLiteral("options")).toObject(), opts);
    QCOMPARE(status.value(QStringLiteral("mounts")).toInt(-1), 0);

    reply = plugin.call("/VolumeDriver.List", {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());
    const QJsonArray volumes = reply.json().value(QStringLiteral("Volumes")).toArray();
    QCOMPARE(volumes.size(), 1);
    QCOMPARE(volumes[0].toObject().value(QStringLiteral("Name")).toString(), name);
    QCOMPARE(volumes[0].toObject().value(QStringLiteral("Mountpoint")).toString(), mountpoint);
    QCOMPARE(volumes[0].toObject().value(QStringLiteral("CreatedAt")), volume.value(QStringLiteral("CreatedAt")));

    reply = plugin.call("/VolumeDriver.Path", nameBody(name));
    QCOMPARE(reply.err(), QString());
    QCOMPARE(reply.json().value(QStringLiteral("Mountpoint")).toString(), mountpoint);

    reply = plugin.call("/VolumeDriver.Mount",
                        json({{QStringLiteral("Name"), name}, {QStringLiteral("ID"), QStringLiteral("c1")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());
    QCOMPARE(reply.json().value(QStringLiteral("Mountpoint")).toString(), mountpoint);

    reply = plugin.call("/VolumeDriver.Get", nameBody(name));
    status = reply.json().value(QStringLiteral("Volume")).toObject().value(QStringLiteral("Status")).toObject();
    QCOMPARE(status.value(QStringLiteral("mounts")).toInt(-1), 1);

    reply = plugin.call("/VolumeDriver.Unmount",
                        json({{QStringLiteral("Name"), name}, {QStringLiteral("ID"), QStringLiteral("c1")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());

    QFile marker(mountpoint + QStringLiteral("/file"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    reply = plugin.call("/VolumeDriver.Remove", nameBody(name));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());
    QVERIFY(!QFileInfo::exists(mountpoint));
    QVERIFY(QDir(plugin.volumeRoot() + QStringLiteral("/.meta")).isEmpty());

    reply = plugin.call("/VolumeDriver.Get", nameBody(name));
    QCOMPARE(reply.err(), QStringLiteral("volume data-1 not found"));
    reply = plugin.call("/VolumeDriver.List", "{}");
    QCOMPARE(reply.json().value(QStringLiteral("Volumes")).toArray().size(), 0);
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::protocolErrors_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("err");

    // The shared plugin gets "idle" (created) and "busy" (created and mounted) in protocolErrors().
    QTest::newRow("create duplicate") << QByteArray("/VolumeDriver.Create") << nameBody(QStringLiteral("idle"))
                                      << QStringLiteral("volume idle already exists");
    QTest::newRow("create duplicate with opts")
        << QByteArray("/VolumeDriver.Create") << QByteArray(R"({"Name":"busy","Opts":{"a":"b"}})")
        << QStringLiteral("volume busy already exists");
    QTest::newRow("remove unknown") << QByteArray("/VolumeDriver.Remove") << nameBody(QStringLiteral("ghost"))
                                    << QStringLiteral("volume ghost not found");
    QTest::newRow("remove in use") << QByteArray("/VolumeDriver.Remove") << nameBody(QStringLiteral("busy"))
                                   << QStringLiteral("volume busy is in use");
    QTest::newRow("get unknown") << QByteArray("/VolumeDriver.Get") << nameBody(QStringLiteral("ghost"))
                                 << QStringLiteral("volume ghost not found");
    QTest::newRow("path unknown") << QByteArray("/VolumeDriver.Path") << nameBody(QStringLiteral("ghost"))
                                  << QStringLiteral("volume ghost not found");
    QTest::newRow("mount unknown") << QByteArray("/VolumeDriver.Mount") << QByteArray(R"({"Name":"ghost","ID":"x"})")
                                   << QStringLiteral("volume ghost not found");
    QTest::newRow("unmount unknown") << QByteArray("/VolumeDriver.Unmount")
                                     << QByteArray(R"({"Name":"ghost","ID":"x"})")
                                     << QStringLiteral("volume ghost not found");
    const QByteArray endpoints[] = {"/VolumeDriver.Create", "/VolumeDriver.Remove", "/VolumeDriver.Get",
                                    "/VolumeDriver.Mount",  "/VolumeDriver.Path",   "/VolumeDriver.Unmount"};
    const QString badNames[] = {QString(),
                                QStringLiteral("a/b"),
                                QStringLiteral("."),
                                QStringLiteral(".."),
                                QStringLiteral("/abs"),
                                QStringLiteral("../up")};
    for (const QByteArray &endpoint : endpoints) {
        for (const QString &bad : badNames) {
            QTest::addRow("%s invalid \"%s\"", endpoint.constData() + 14, qPrintable(bad))
                << endpoint << json({{QStringLiteral("Name"), bad}, {QStringLiteral("ID"), QStringLiteral("x")}})
                << QStringLiteral("invalid volume name \"%1\"").arg(bad);
        }
    }
    QTest::newRow("create without name") << QByteArray("/VolumeDriver.Create") << QByteArray("{}")
                                         << QStringLiteral("invalid volume name \"\"");
}

void TestVolumePluginTest::protocolErrors()
{
    QFETCH(QByteArray, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(QString, err);

    // Idempotent setup; "already exists" on later rows is expected.
    m_shared->call("/VolumeDriver.Create", nameBody(QStringLiteral("idle")));
    m_shared->call("/VolumeDriver.Create", nameBody(QStringLiteral("busy")));
    QCOMPARE(m_shared->call("/VolumeDriver.Mount", R"({"Name":"busy","ID":"holder"})").err(), QString());

    const HttpReply reply = m_shared->call(endpoint, body);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), err);
    // Nothing escaped the root: no directory named after a bad name appeared beside it.
    QVERIFY(!QFileInfo::exists(m_shared->base() + QStringLiteral("/b")));
    QVERIFY(!QFileInfo::exists(m_shared->base() + QStringLiteral("/up")));
}

void TestVolumePluginTest::mountReferenceCount()
{
    PluginProcess plugin;
    QVERIFY(plugin.start());
    QCOMPARE(plugin.call("/VolumeDriver.Create", nameBody(QStringLiteral("shared"))).err(), QString());
    QCOMPARE(plugin.call("/VolumeDriver.Mount", R"({"Name":"shared","ID":"a"})").err(), QString());
    QCOMPARE(plugin.call("/VolumeDriver.Mount", R"({"Name":"shared","ID":"b"})").err(), QString());
    // The same ID twice counts once.
    QCOMPARE(plugin.call("/VolumeDriver.Mount", R"({"Name":"shared","ID":"b"})").err(), QString());
    auto mounts = [&plugin] {
        return plugin.call("/VolumeDriver.Get", nameBody(QStringLiteral("shared")))
            .json()
            .value(QStringLiteral("Volume"))
            .toObject()
            .value(QStringLiteral("Status"))
            .toObject()
            .value(QStringLiteral("mounts"))
            .toInt(-1);
    };
    QCOMPARE(mounts(), 2);
    QCOMPARE(plugin.call("/VolumeDriver.Unmount", R"({"Name":"shared","ID":"a"})").err(), QString());
    QCOMPARE(mounts(), 1);
    QCOMPARE(plugin.call("/VolumeDriver.Remove", nameBody(QStringLiteral("shared"))).err(),
             QStringLiteral("volume shared is in use"));
    // Unmounting an ID that never mounted is harmless.
    QCOMPARE(plugin.call("/VolumeDriver.Unmount", R"({"Name":"shared","ID":"zzz"})").err(), QString());
    QCOMPARE(mounts(), 1);
    QCOMPARE(plugin.call("/VolumeDriver.Unmount", R"({"Name":"shared","ID":"b"})").err(), QString());
    QCOMPARE(mounts(), 0);
    QCOMPARE(plugin.call("/VolumeDriver.Remove", nameBody(QStringLiteral("shared"))).err(), QString());
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::stateSurvivesRestart()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QJsonObject firstVolume;
    {
        PluginProcess plugin(root.path());
        QVERIFY(plugin.start());
        QCOMPARE(plugin.call("/VolumeDriver.Create", R"({"Name":"keep","Opts":{"colour":"blue"}})").err(), QString());
        QCOMPARE(plugin.call("/VolumeDriver.Create", nameBody(QStringLiteral("gone"))).err(), QString());
        QCOMPARE(plugin.call("/VolumeDriver.Remove", nameBody(QStringLiteral("gone"))).err(), QString());
        firstVolume = plugin.call("/VolumeDriver.Get", nameBody(QStringLiteral("keep")))
                          .json()
                          .value(QStringLiteral("Volume"))
                          .toObject();
        QVERIFY(!firstVolume.isEmpty());
        QCOMPARE(plugin.stop(), 0);
    }
    PluginProcess plugin(root.path());
    QVERIFY(plugin.start());
    const HttpReply reply = plugin.call("/VolumeDriver.Get", nameBody(QStringLiteral("keep")));
    QCOMPARE(reply.err(), QString());
    QCOMPARE(reply.json().value(QStringLiteral("Volume")).toObject(), firstVolume);
    const QJsonArray volumes = plugin.call("/VolumeDriver.List", {}).json().value(QStringLiteral("Volumes")).toArray();
    QCOMPARE(volumes.size(), 1);
    QCOMPARE(plugin.call("/VolumeDriver.Create", nameBody(QStringLiteral("keep"))).err(),
             QStringLiteral("volume keep already exists"));
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::badJson_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("truncated object") << QByteArray("/VolumeDriver.Create") << QByteArray(R"({"Name":)");
    QTest::newRow("unterminated string") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"abc)");
    QTest::newRow("trailing garbage") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"a"} x)");
    QTest::newRow("bare word") << QByteArray("/VolumeDriver.List") << QByteArray("hello");
    QTest::newRow("single quotes") << QByteArray("/VolumeDriver.Get") << QByteArray("{'Name':'a'}");
    QTest::newRow("trailing comma") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"a",})");
    QTest::newRow("bad escape") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"\q"})");
    QTest::newRow("bad unicode escape") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"\u12G4"})");
    QTest::newRow("raw control char") << QByteArray("/VolumeDriver.Get") << QByteArray("{\"Name\":\"a\tb\"}");
    QTest::newRow("leading zero") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"Name":"a","x":01})");
    QTest::newRow("lone minus") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"x":-})");
    QTest::newRow("huge exponent") << QByteArray("/VolumeDriver.Get") << QByteArray(R"({"x":1e999})");
    QTest::newRow("deep nesting") << QByteArray("/VolumeDriver.Get") << QByteArray(5000, '[') + QByteArray(5000, ']');
    QTest::newRow("array body") << QByteArray("/VolumeDriver.Get") << QByteArray(R"(["Name","a"])");
    QTest::newRow("string body") << QByteArray("/VolumeDriver.Create") << QByteArray(R"("a")");
    QTest::newRow("name not a string") << QByteArray("/VolumeDriver.Create") << QByteArray(R"({"Name":5})");
    QTest::newRow("id not a string") << QByteArray("/VolumeDriver.Mount") << QByteArray(R"({"Name":"a","ID":[]})");
    QTest::newRow("opts not an object") << QByteArray("/VolumeDriver.Create")
                                        << QByteArray(R"({"Name":"a","Opts":[]})");
    QTest::newRow("opt not a string") << QByteArray("/VolumeDriver.Create")
                                      << QByteArray(R"({"Name":"a","Opts":{"size":10}})");
    QTest::newRow("binary") << QByteArray("/VolumeDriver.Create") << QByteArray("\x00\xff\xfe{", 4);
}

void TestVolumePluginTest::badJson()
{
    QFETCH(QByteArray, endpoint);
    QFETCH(QByteArray, body);
    const HttpReply reply = m_shared->call(endpoint, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(!reply.err().isEmpty(), reply.body.constData());
    QVERIFY(!QFileInfo::exists(m_shared->volumeRoot() + QStringLiteral("/a")));
    // Still serving.
    QCOMPARE(m_shared->call("/Plugin.Activate", {}).status, 200);
}

void TestVolumePluginTest::badHttp_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");

    QTest::newRow("garbage line") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("extra spaces") << QByteArray("POST /Plugin.Activate  HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("http 2") << QByteArray("POST /Plugin.Activate HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("bad content length") << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nContent-Length: ten\r\n\r\n")
                                        << 400;
    QTest::newRow("negative content length")
        << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths")
        << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("huge body") << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n")
                               << 413;
    QTest::newRow("header without colon") << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
    QTest::newRow("gzip encoding") << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                   << 501;
    QTest::newRow("bad chunk size") << QByteArray(
                                           "POST /Plugin.Activate HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 400;
    QTest::newRow("oversized headers") << QByteArray("POST /Plugin.Activate HTTP/1.1\r\nX-Big: " +
                                                     QByteArray(70000, 'a') + "\r\n\r\n")
                                       << 431;
    QTest::newRow("get on a volume call") << request("GET", "/VolumeDriver.List", {}) << 405;
}

void TestVolumePluginTest::badHttp()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    QLocalSocket socket;
    QVERIFY(m_shared->connect(socket));
    QVERIFY(sendRaw(socket, raw));
    const HttpReply reply = readReply(socket, 5000);
    QCOMPARE(reply.status, status);
    QCOMPARE(m_shared->call("/Plugin.Activate", {}).status, 200);
}

void TestVolumePluginTest::unknownEndpoint()
{
    const HttpReply reply = m_shared->call("/VolumeDriver.Frobnicate", "{}");
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.contentType.startsWith("text/plain"));
    QVERIFY(!reply.body.isEmpty());
    QVERIFY(QJsonDocument::fromJson(reply.body).isNull());
    QCOMPARE(m_shared->call("/NetworkDriver.GetCapabilities", {}).status, 404);
    QCOMPARE(m_shared->call("/", {}).status, 404);
}

void TestVolumePluginTest::keepAliveAndClose()
{
    QLocalSocket socket;
    QVERIFY(m_shared->connect(socket));
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply = call(socket, "/VolumeDriver.Capabilities", {});
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.closeRequested);
        QCOMPARE(socket.state(), QLocalSocket::ConnectedState);
    }
    // Two pipelined requests in one write.
    QVERIFY(sendRaw(socket, request("POST", "/Plugin.Activate", {}) + request("POST", "/VolumeDriver.List", {})));
    QCOMPARE(readReply(socket, 5000).status, 200);
    const HttpReply second = readReply(socket, 5000);
    QCOMPARE(second.status, 200);
    QVERIFY(second.json().contains(QStringLiteral("Volumes")));

    QVERIFY(sendRaw(socket, request("POST", "/Plugin.Activate", {}, "Connection: close\r\n")));
    const HttpReply last = readReply(socket, 5000);
    QCOMPARE(last.status, 200);
    QVERIFY(last.closeRequested);
    QVERIFY(socket.state() == QLocalSocket::UnconnectedState || socket.waitForDisconnected(5000));

    // HTTP/1.0 closes by default.
    QLocalSocket old;
    QVERIFY(m_shared->connect(old));
    QVERIFY(sendRaw(old, "POST /Plugin.Activate HTTP/1.0\r\nContent-Length: 0\r\n\r\n"));
    QCOMPARE(readReply(old, 5000).status, 200);
    QVERIFY(old.state() == QLocalSocket::UnconnectedState || old.waitForDisconnected(5000));
}

void TestVolumePluginTest::chunkedBody()
{
    QLocalSocket socket;
    QVERIFY(m_shared->connect(socket));
    QVERIFY(sendRaw(socket, "POST /VolumeDriver.Create HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "7\r\n{\"Name\"\r\n9;ext=1\r\n:\"chunky\"\r\n1\r\n}\r\n0\r\nX-Trailer: 1\r\n\r\n"));
    const HttpReply reply = readReply(socket, 5000);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.err(), QString());
    QVERIFY(QFileInfo(m_shared->volumeRoot() + QStringLiteral("/chunky")).isDir());
    QCOMPARE(call(socket, "/VolumeDriver.Remove", nameBody(QStringLiteral("chunky"))).err(), QString());
}

void TestVolumePluginTest::concurrentClients()
{
    PluginProcess plugin;
    QVERIFY(plugin.start());
    constexpr int clients = 16;
    std::vector<std::unique_ptr<QLocalSocket>> sockets;
    // An idle connection that never sends must not hold up the others.
    QLocalSocket idle;
    QVERIFY(plugin.connect(idle));
    QVERIFY(sendRaw(idle, "POST /Plugin.Activate HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"));
    for (int i = 0; i < clients; ++i) {
        sockets.push_back(std::make_unique<QLocalSocket>());
        QVERIFY(plugin.connect(*sockets.back()));
    }
    for (int i = 0; i < clients; ++i)
        QVERIFY(sendRaw(*sockets[i], request("POST", "/VolumeDriver.Create", nameBody(QStringLiteral("c%1").arg(i)))));
    for (int i = 0; i < clients; ++i) {
        const HttpReply reply = readReply(*sockets[i], 5000);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.err(), QString());
    }
    // Everyone races to create the same volume: exactly one wins.
    for (int i = 0; i < clients; ++i)
        QVERIFY(sendRaw(*sockets[i], request("POST", "/VolumeDriver.Create", nameBody(QStringLiteral("race")))));
    int winners = 0;
    for (int i = 0; i < clients; ++i) {
        const HttpReply reply = readReply(*sockets[i], 5000);
        QCOMPARE(reply.status, 200);
        if (reply.err().isEmpty())
            ++winners;
        else
            QCOMPARE(reply.err(), QStringLiteral("volume race already exists"));
    }
    QCOMPARE(winners, 1);
    const QJsonArray volumes = plugin.call("/VolumeDriver.List", {}).json().value(QStringLiteral("Volumes")).toArray();
    QCOMPARE(volumes.size(), clients + 1);
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::hangList()
{
    PluginProcess plugin;
    QVERIFY(plugin.start(QStringLiteral("hang-list")));
    QCOMPARE(plugin.call("/VolumeDriver.Create", nameBody(QStringLiteral("v"))).err(), QString());

    QLocalSocket listSocket;
    QVERIFY(plugin.connect(listSocket));
    QVERIFY(sendRaw(listSocket, request("POST", "/VolumeDriver.List", {})));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!listSocket.waitForReadyRead(1000));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(listSocket.bytesAvailable(), 0);
    QCOMPARE(listSocket.state(), QLocalSocket::ConnectedState);

    // Meanwhile another connection is served.
    const HttpReply get = plugin.call("/VolumeDriver.Get", nameBody(QStringLiteral("v")));
    QCOMPARE(get.status, 200);
    QCOMPARE(get.err(), QString());
    QCOMPARE(listSocket.bytesAvailable(), 0);

    // Hanging up frees the handler; the plugin keeps working.
    listSocket.abort();
    QCOMPARE(plugin.call("/Plugin.Activate", {}).status, 200);
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::noSocket()
{
    PluginProcess plugin;
    QVERIFY(plugin.start(QStringLiteral("no-socket"), {}, {}, false));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        QVERIFY(!QFileInfo::exists(plugin.socketPath()));
        QCOMPARE(plugin.process().state(), QProcess::Running);
        QTest::qWait(50);
    }
    QVERIFY(!QFileInfo::exists(plugin.socketPath()));
    QTRY_VERIFY(plugin.stdoutText().contains(QStringLiteral("no-socket mode")));
    QVERIFY(plugin.stderrText().contains(QStringLiteral("no-socket mode")));
    QVERIFY(!plugin.stdoutText().contains(QStringLiteral("listening on")));
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::slowStart()
{
    PluginProcess plugin;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(plugin.start(QStringLiteral("slow-start=1.5"), {}, {}, false));
    QTest::qWait(700);
    QVERIFY(!QFileInfo::exists(plugin.socketPath()));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(plugin.socketPath()), 10000);
    QVERIFY(timer.elapsed() >= 1400);
    QTRY_VERIFY(plugin.stdoutText().contains(QStringLiteral("listening on")));
    QCOMPARE(plugin.call("/Plugin.Activate", {}).status, 200);
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::crashAfter()
{
    PluginProcess plugin;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(plugin.start(QStringLiteral("crash-after=1")));
    QCOMPARE(plugin.call("/Plugin.Activate", {}).status, 200);
    QVERIFY(plugin.process().waitForFinished(10000));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(plugin.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(plugin.process().exitCode(), 3);
    QVERIFY(plugin.stderrText().contains(QStringLiteral("crash-after")));
}

void TestVolumePluginTest::printMode()
{
    PluginProcess plugin;
    QVERIFY(plugin.start(QStringLiteral("print")));
    QCOMPARE(plugin.call("/VolumeDriver.Create", "{\"Name\":\"logged\"}\n").err(), QString());
    QCOMPARE(plugin.call("/VolumeDriver.List", {}).status, 200);
    QTRY_VERIFY(plugin.stdoutText().contains(QStringLiteral("POST /VolumeDriver.Create {\"Name\":\"logged\"}\n")));
    QTRY_VERIFY(plugin.stdoutText().contains(QStringLiteral("POST /VolumeDriver.List\n")));
    QCOMPARE(plugin.stop(), 0);

    // Without the mode, requests are not logged.
    QVERIFY(!m_shared->stdoutText().contains(QStringLiteral("POST /")));
}

void TestVolumePluginTest::sigtermRemovesSocket()
{
    PluginProcess plugin;
    QVERIFY(plugin.start());
    QLocalSocket idle; // an open connection must not keep the process alive
    QVERIFY(plugin.connect(idle));
    QVERIFY(QFileInfo::exists(plugin.socketPath()));
    plugin.process().terminate();
    QVERIFY(plugin.process().waitForFinished(5000));
    QCOMPARE(plugin.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(plugin.process().exitCode(), 0);
    QVERIFY(!QFileInfo::exists(plugin.socketPath()));
    QVERIFY(plugin.stdoutText().contains(QStringLiteral("SIGTERM")));

    // Also while still waiting in slow-start.
    PluginProcess slow;
    QVERIFY(slow.start(QStringLiteral("slow-start=30"), {}, {}, false));
    QTest::qWait(200);
    slow.process().terminate();
    QVERIFY(slow.process().waitForFinished(5000));
    QCOMPARE(slow.process().exitCode(), 0);
    QVERIFY(!QFileInfo::exists(slow.socketPath()));
}

void TestVolumePluginTest::debugEndpoint_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("POST") << QByteArray("POST");
    QTest::newRow("GET") << QByteArray("GET");
}

void TestVolumePluginTest::debugEndpoint()
{
    QFETCH(QByteArray, method);
    PluginProcess plugin;
    QVERIFY(plugin.start({}, {QStringLiteral("--scope=local"), QStringLiteral("--volume-root=") + plugin.volumeRoot()},
                         {QStringLiteral("MARKER=debug-42")}));
    QLocalSocket socket;
    QVERIFY(plugin.connect(socket));
    QVERIFY(sendRaw(socket, request(method, "/Plugdesk.Debug", {})));
    const HttpReply reply = readReply(socket, 5000);
    QCOMPARE(reply.status, 200);
    const QJsonObject info = reply.json();

    // The plugin inherits our credentials, so its capability sets and namespaces are ours.
    const QByteArray ownStatus = readProcFile(QStringLiteral("/proc/self/status"));
    const QJsonObject caps = info.value(QStringLiteral("capabilities")).toObject();
    const QString capEff = caps.value(QStringLiteral("CapEff")).toString();
    QVERIFY(!capEff.isEmpty());
    bool ok = false;
    const quint64 mask = capEff.toULongLong(&ok, 16);
    QVERIFY(ok);
    QCOMPARE(capEff, statusField(ownStatus, "CapEff"));
    const QJsonArray names = caps.value(QStringLiteral("effective")).toArray();
    QCOMPARE(names.size(), std::popcount(mask));
    QCOMPARE(names.contains(QStringLiteral("CAP_SYS_ADMIN")), bool(mask & (quint64(1) << 21)));
    QCOMPARE(names.contains(QStringLiteral("CAP_CHOWN")), bool(mask & 1));

    const QString ownNet = QFile::symLinkTarget(QStringLiteral("/proc/self/ns/net"));
    const QJsonObject namespaces = info.value(QStringLiteral("namespaces")).toObject();
    const QString net = namespaces.value(QStringLiteral("net")).toString();
    QVERIFY(net.startsWith(QStringLiteral("net:[")));
    QCOMPARE(QFileInfo(ownNet).fileName(), net);
    QVERIFY(info.value(QStringLiteral("netNamespaceInode")).toDouble() > 0);
    QVERIFY(namespaces.value(QStringLiteral("pid")).toString().startsWith(QStringLiteral("pid:[")));
    QVERIFY(info.value(QStringLiteral("pidNamespaceInode")).toDouble() > 0);

    QCOMPARE(info.value(QStringLiteral("pid")).toInteger(), plugin.process().processId());
    QCOMPARE(info.value(QStringLiteral("uid")).toInteger(), qint64(getuid()));
    QCOMPARE(info.value(QStringLiteral("env")).toObject().value(QStringLiteral("MARKER")).toString(),
             QStringLiteral("debug-42"));
    const QJsonArray argv = info.value(QStringLiteral("argv")).toArray();
    QCOMPARE(argv.size(), 3);
    QCOMPARE(argv[1].toString(), QStringLiteral("--scope=local"));
    QCOMPARE(info.value(QStringLiteral("socket")).toString(), plugin.socketPath());
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::preloadVolumes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<int>("count");
    QTest::newRow("env") << QStringList() << QStringList{QStringLiteral("PRELOAD_VOLUMES=25")} << 25;
    QTest::newRow("argument") << QStringList{QStringLiteral("--bench-volumes=120")} << QStringList() << 120;
    QTest::newRow("argument wins") << QStringList{QStringLiteral("--bench-volumes=3")}
                                   << QStringList{QStringLiteral("PRELOAD_VOLUMES=50")} << 3;
    QTest::newRow("zero") << QStringList() << QStringList{QStringLiteral("PRELOAD_VOLUMES=0")} << 0;
}

void TestVolumePluginTest::preloadVolumes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, env);
    QFETCH(int, count);
    PluginProcess plugin;
    QVERIFY(plugin.start({}, arguments, env));
    const QJsonArray volumes = plugin.call("/VolumeDriver.List", {}).json().value(QStringLiteral("Volumes")).toArray();
    QCOMPARE(volumes.size(), count);
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("vol-%1").arg(i, 5, 10, QLatin1Char('0'));
        QCOMPARE(volumes[i].toObject().value(QStringLiteral("Name")).toString(), name);
        QVERIFY(QFileInfo(plugin.volumeRoot() + QLatin1Char('/') + name).isDir());
    }
    if (count > 0) {
        QCOMPARE(plugin.call("/VolumeDriver.Create", nameBody(QStringLiteral("vol-00000"))).err(),
                 QStringLiteral("volume vol-00000 already exists"));
        QCOMPARE(plugin.call("/VolumeDriver.Remove", nameBody(QStringLiteral("vol-00000"))).err(), QString());
    }
    QCOMPARE(plugin.stop(), 0);
}

void TestVolumePluginTest::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown mode") << QStringList() << QStringList{QStringLiteral("TEST_PLUGIN_MODE=print,explode")}
                                  << QStringLiteral("unknown mode \"explode\"");
    QTest::newRow("slow-start without value")
        << QStringList() << QStringList{QStringLiteral("TEST_PLUGIN_MODE=slow-start")}
        << QStringLiteral("invalid slow-start seconds");
    QTest::newRow("negative crash-after") << QStringList{QStringLiteral("--mode=crash-after=-1")} << QStringList()
                                          << QStringLiteral("invalid crash-after seconds");
    QTest::newRow("bad preload") << QStringList() << QStringList{QStringLiteral("PRELOAD_VOLUMES=lots")}
                                 << QStringLiteral("invalid PRELOAD_VOLUMES");
    QTest::newRow("unknown argument") << QStringList{QStringLiteral("--frobnicate")} << QStringList()
                                      << QStringLiteral("unknown argument \"--frobnicate\"");
}

void TestVolumePluginTest::badOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, env);
    QFETCH(QString, message);
    PluginProcess plugin;
    QVERIFY(plugin.start({}, arguments, env, false));
    QVERIFY(plugin.process().waitForFinished(5000));
    QCOMPARE(plugin.process().exitCode(), 2);
    QVERIFY2(plugin.stderrText().contains(message), qPrintable(plugin.stderrText()));
    QVERIFY(!QFileInfo::exists(plugin.socketPath()));
}

QTEST_GUILESS_MAIN(TestVolumePluginTest)
#include "tst_testvolumeplugin.moc"
