// The helper's method table (core/helper/helpermethods.h) over a real D-Bus connection: every Codec's
// encode/decode pair round-trips through QtDBus's marshalling on a peer-to-peer socket (QDBusServer), every row's
// client call is what the server's row accepts, options refuse unknown keys and wrong types, and the caller's
// locale arrives. The server side here is an echo object: it decodes what came, and sends it back.
#include "core/helper/helpermethods.h"
#include "core/helper/helperverbs.h"
#include "core/helper/snapshotcodec.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusServer>
#include <QDBusVirtualObject>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace core;

namespace {

template<typename T>
bool same(const T &a, const T &b)
{
    return a == b;
}
// Privileges compare as Docker does, order aside; the round trip must keep the order too.
bool same(const Privileges &a, const Privileges &b)
{
    return a.sameAs(b) && a.toJson() == b.toJson();
}

// Receives any call, keeps it, and answers with the same arguments.
class Echo final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        received = message;
        connection.send(message.createReply(message.arguments()));
        return true;
    }
    QDBusMessage received;
};

} // namespace

class TestHelperMethods : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QDBusServer> m_server;
    Echo m_echo;
    QString m_peerName = u"tst-helpermethods"_s;

    // Sends `arguments` to the echo object; returns the arguments as the server received them, and the reply's
    // arguments as the client received them.
    std::pair<QVariantList, QVariantList> echo(const QString &member, const QVariantList &arguments)
    {
        QDBusConnection peer = QDBusConnection(m_peerName);
        QDBusMessage call = QDBusMessage::createMethodCall(QString(), u"/echo"_s, u"org.plugdesk.Test"_s, member);
        call.setArguments(arguments);
        QDBusPendingCallWatcher watcher(peer.asyncCall(call, 10000));
        if (!QTest::qWaitFor([&] { return watcher.isFinished(); }, 10000))
            return {};
        return {m_echo.received.arguments(), watcher.reply().arguments()};
    }

    // One value through the bus and back: decoded on the server side and on the client side, each equal to it.
    template<typename T>
    void roundTrip(const T &value)
    {
        const auto [atServer, atClient] = echo(u"Value"_s, {Codec<T>::encode(value)});
        QCOMPARE(atServer.size(), 1);
        QCOMPARE(m_echo.received.signature(), Codec<T>::signature());
        auto server = Codec<T>::decode(atServer.at(0), u"value"_s);
        QVERIFY2(server.ok(), server.ok() ? "" : qPrintable(server.error().message));
        auto client = Codec<T>::decode(atClient.value(0), u"value"_s);
        QVERIFY2(client.ok(), client.ok() ? "" : qPrintable(client.error().message));
        QVERIFY(same(*server, value));
        QVERIFY(same(*client, value));
    }

    // Options through the bus: a{sv} in, the same options out.
    template<typename T>
    Result<T> optionsRoundTrip(const T &value)
    {
        const auto [atServer, atClient] = echo(u"Options"_s, {QVariant(Codec<T>::encode(value))});
        if (m_echo.received.signature() != u"a{sv}"_s)
            return Error{ErrorCode::Internal, u"sent as %1, not a{sv}"_s.arg(m_echo.received.signature())};
        auto map = HelperOptions::map(atServer.value(0), u"options"_s);
        if (!map)
            return map.error();
        auto back = HelperOptions::map(atClient.value(0), u"options"_s);
        if (!back || *back != *map)
            return Error{ErrorCode::Internal, u"the reply's options differ"_s};
        return Codec<T>::decode(*map);
    }

    // A row's client call, received by the server and checked as the helper checks it (signature, rules, typed
    // decoding); the received message is returned.
    template<typename M>
    QDBusMessage acceptedByServer(const HelperMessage &call)
    {
        echo(call.member, call.arguments);
        const QDBusMessage received = m_echo.received;
        const HelperVerb *verb = HelperVerbs::find(M::member());
        if (!verb)
            return {};
        if (auto valid = HelperVerbs::validate(*verb, received); !valid) {
            qWarning() << M::member() << valid.error().message;
            return {};
        }
        return received;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTemporaryDir dir;
        m_server = std::make_unique<QDBusServer>(u"unix:tmpdir=/tmp"_s);
        QVERIFY2(m_server->isConnected(), qPrintable(m_server->lastError().message()));
        connect(m_server.get(), &QDBusServer::newConnection, this, [this](const QDBusConnection &connection) {
            QDBusConnection(connection).registerVirtualObject(u"/echo"_s, &m_echo);
        });
        m_server->setAnonymousAuthenticationAllowed(true);
        HelperProtocol::registerTypes();
        QDBusConnection peer = QDBusConnection::connectToPeer(m_server->address(), m_peerName);
        QVERIFY2(peer.isConnected(), qPrintable(peer.lastError().message()));
        QTest::qWait(50);
    }

    void cleanupTestCase() { QDBusConnection::disconnectFromPeer(m_peerName); }

    void plainValues()
    {
        roundTrip<QString>(u"acme/sshfs:latest — ü"_s);
        roundTrip<QString>(QString());
        roundTrip<QStringList>({u"DEBUG=1"_s, u"state.source=/srv/data"_s});
        roundTrip<QStringList>({});
        roundTrip<bool>(true);
        roundTrip<bool>(false);
        roundTrip<int>(-1);
        roundTrip<int>(30);
        roundTrip<QDBusObjectPath>(QDBusObjectPath(u"/org/plugdesk/Helper1/jobs/7"_s));
        roundTrip<QMap<QString, QString>>({{u"size"_s, u"1G"_s}, {u"password"_s, u"s=cret"_s}});
        roundTrip<QMap<QString, QString>>({});
    }

    void privileges()
    {
        auto privileges = Privileges::fromJson(QJsonDocument::fromJson(R"([
            {"Name": "network", "Description": "permissions to access a network", "Value": ["host"]},
            {"Name": "mount", "Description": "host path to mount", "Value": ["/var/lib/docker/plugins/"]},
            {"Name": "capabilities", "Description": "list of additional capabilities required", "Value": ["CAP_SYS_ADMIN"]}
        ])")
                                                   .array());
        QVERIFY(privileges.ok());
        roundTrip<Privileges>(*privileges);
        roundTrip<Privileges>(Privileges());
        QVERIFY(!Codec<Privileges>::decode(u"{\"Name\": 1}"_s, u"privileges"_s).ok());
        QVERIFY(!Codec<Privileges>::decode(u"not json"_s, u"privileges"_s).ok());
    }

    void descriptors()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("bundle");
        file.flush();
        const auto [atServer, atClient] =
            echo(u"File"_s, {Codec<ReadableFile>::encode(ReadableFile{QDBusUnixFileDescriptor(file.handle())})});
        QCOMPARE(m_echo.received.signature(), u"h"_s);
        auto readable = Codec<ReadableFile>::decode(atServer.value(0), u"bundle"_s);
        QVERIFY(readable.ok());
        // Another descriptor of the same open file: it reads what the caller wrote.
        QVERIFY(readable->descriptor.isValid());
        QVERIFY(readable->descriptor.fileDescriptor() != file.handle());
        char buffer[6] = {};
        QCOMPARE(::pread(readable->descriptor.fileDescriptor(), buffer, 6, 0), 6);
        QCOMPARE(QByteArray(buffer, 6), "bundle"_ba);
        QVERIFY(Codec<WritableFile>::decode(atServer.value(0), u"bundle"_s).ok());
        // A string where a descriptor belongs is refused, naming the argument.
        auto wrong = Codec<ReadableFile>::decode(u"/etc/shadow"_s, u"bundle"_s);
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(u"\"bundle\""_s));
    }

    void wrongTypesNameTheArgument()
    {
        auto text = Codec<QString>::decode(true, u"name"_s);
        QVERIFY(!text.ok());
        QCOMPARE(text.error().code, ErrorCode::InvalidArgument);
        QVERIFY(text.error().message.contains(u"\"name\""_s));
        QVERIFY(!Codec<bool>::decode(u"true"_s, u"force"_s).ok());
        QVERIFY(!Codec<int>::decode(u"30"_s, u"timeout"_s).ok());
        QVERIFY(!Codec<QStringList>::decode(u"a"_s, u"args"_s).ok());
    }

    void options()
    {
        auto install = optionsRoundTrip(InstallOptions{u"my/alias:1"_s, true, {u"DEBUG=1"_s}});
        QVERIFY2(install.ok(), install.ok() ? "" : qPrintable(install.error().message));
        QCOMPARE(install->alias, u"my/alias:1"_s);
        QCOMPARE(install->disable, true);
        QCOMPARE(install->settings, QStringList{u"DEBUG=1"_s});
        auto empty = optionsRoundTrip(InstallOptions{});
        QVERIFY(empty.ok());
        QVERIFY(empty->settings.isEmpty() && !empty->disable && empty->alias.isEmpty());
        auto force = optionsRoundTrip(ForceOption{true});
        QVERIFY(force.ok() && force->force);
        auto enable = optionsRoundTrip(EnableOptions{7});
        QVERIFY(enable.ok());
        QCOMPARE(enable->timeout, 7);
        auto logs = optionsRoundTrip(LogOptions{25});
        QVERIFY(logs.ok());
        QCOMPARE(logs->tail, 25);
        auto context = optionsRoundTrip(CallContext{u"de_DE"_s});
        QVERIFY(context.ok());
        QCOMPARE(context->locale, u"de_DE"_s);
        QVERIFY(optionsRoundTrip(NoOptions{}).ok());

        // Absent keys take the defaults; a wrong type is refused, naming the option.
        QCOMPARE(Codec<EnableOptions>::decode({})->timeout, 30);
        auto wrong = Codec<ForceOption>::decode({{u"force"_s, u"yes"_s}});
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(u"options.force"_s));
        QVERIFY(!Codec<EnableOptions>::decode({{u"timeout"_s, -5}}).ok());
        QVERIFY(!Codec<CallContext>::decode({{u"locale"_s, u"../../etc/passwd"_s}}).ok());
    }

    void everyRowIsServedAsTheClientSendsIt()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QDBusUnixFileDescriptor fd(file.handle());
        const Privileges none;
        namespace m = methods;
        QVERIFY(acceptedByServer<m::ListPlugins>(m::ListPlugins::call()).type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::Snapshot>(m::Snapshot::call()).type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::CompactSnapshot>(m::CompactSnapshot::call()).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::InspectPlugin>(m::InspectPlugin::call(u"acme/x"_s)).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::SetPlugin>(m::SetPlugin::call(u"acme/x"_s, {u"A=1"_s})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::GrantPlugin>(m::GrantPlugin::call(u"acme/x"_s, {u"A=1"_s}, none)).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::EnablePlugin>(m::EnablePlugin::call(u"acme/x"_s, EnableOptions{5})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::StartPlugin>(m::StartPlugin::call(u"acme/x"_s, EnableOptions{5})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::DisablePlugin>(m::DisablePlugin::call(u"acme/x"_s, ForceOption{true})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::CreatePlugin>(m::CreatePlugin::call(u"acme/x"_s, ReadableFile{fd}, u"/tmp/x"_s))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::PushPlugin>(m::PushPlugin::call(u"acme/x"_s, QString())).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::ExportPlugin>(m::ExportPlugin::call(u"acme/x"_s, WritableFile{fd}, u"/tmp/b"_s))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::ImportPlugin>(
                    m::ImportPlugin::call(ReadableFile{fd}, u"/tmp/b"_s, none, InstallOptions{u"a"_s, true, {}}))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::RemovePlugin>(m::RemovePlugin::call(u"acme/x"_s, ForceOption{})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::InstallPlugin>(
                    m::InstallPlugin::call(u"127.0.0.1:5000/acme/x"_s, none, QString(), InstallOptions{}))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::UpgradePlugin>(
                    m::UpgradePlugin::call(u"acme/x"_s, u"127.0.0.1:5000/acme/x:2"_s, none, QString()))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::PluginLogs>(m::PluginLogs::call(u"acme/x"_s, LogOptions{10})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::PluginRuntimeStateOf>(m::PluginRuntimeStateOf::call(u"acme/x"_s)).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::VolumeDrivers>(m::VolumeDrivers::call()).type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::ListVolumes>(m::ListVolumes::call(QString())).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::InspectVolume>(m::InspectVolume::call(u"v"_s)).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::CreateVolume>(m::CreateVolume::call(u"acme/x"_s, u"v"_s, {{u"size"_s, u"1"_s}}))
                    .type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::RemoveVolume>(m::RemoveVolume::call(u"v"_s, ForceOption{true})).type() !=
                QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::MountVolume>(m::MountVolume::call(u"v"_s)).type() != QDBusMessage::InvalidMessage);
        QVERIFY(acceptedByServer<m::UnmountVolume>(m::UnmountVolume::call(u"v"_s)).type() !=
                QDBusMessage::InvalidMessage);
        // Every served row is one of those above, and each is in the introspection.
        QCOMPARE(HelperVerbs::all().size(), 25);
    }

    void typedDecodingOnTheServer()
    {
        namespace m = methods;
        const HelperMessage call =
            m::InstallPlugin::call(u"127.0.0.1:5000/acme/x"_s, Privileges(), u"{}"_s,
                                   InstallOptions{u"local/x"_s, true, {u"DEBUG=1"_s}}, CallContext{u"de_DE"_s});
        echo(call.member, call.arguments);
        auto decoded = m::InstallPlugin::decode(m_echo.received.arguments());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        QCOMPARE(std::get<0>(decoded->values), u"127.0.0.1:5000/acme/x"_s);
        QCOMPARE(std::get<2>(decoded->values), u"{}"_s);
        QCOMPARE(decoded->options.alias, u"local/x"_s);
        QVERIFY(decoded->options.disable);
        QCOMPARE(decoded->options.settings, QStringList{u"DEBUG=1"_s});
        QCOMPARE(decoded->context.locale, u"de_DE"_s);
        QCOMPARE(HelperVerbs::callerLocale(m_echo.received), std::optional<QString>(u"de_DE"_s));
    }

    void unknownOptionsAreRefusedBeforePolkit()
    {
        namespace m = methods;
        HelperMessage call = m::RemovePlugin::call(u"acme/x"_s, ForceOption{true});
        QVariantMap options = call.arguments.last().toMap();
        options.insert(u"recursive"_s, true);
        call.arguments.last() = options;
        echo(call.member, call.arguments);
        auto valid = HelperVerbs::validate(*HelperVerbs::find(call.member), m_echo.received);
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(valid.error().message.contains(u"\"recursive\""_s) && valid.error().message.contains(u"force"_s),
                 qPrintable(valid.error().message));

        // The old positional form (a bool where the options belong) is refused by its signature.
        echo(u"RemovePlugin"_s, {u"acme/x"_s, true});
        valid = HelperVerbs::validate(*HelperVerbs::find(u"RemovePlugin"_s), m_echo.received);
        QVERIFY(!valid.ok());
        QVERIFY(valid.error().message.contains(u"(sa{sv})"_s));

        // A locale that is not a locale name is refused too (it never reaches QLocale or a file name).
        call = m::ListPlugins::call({}, CallContext{u"de_DE/../../x"_s});
        echo(call.member, call.arguments);
        QVERIFY(!HelperVerbs::validate(*HelperVerbs::find(call.member), m_echo.received).ok());
        QCOMPARE(HelperVerbs::callerLocale(m_echo.received), std::nullopt);
    }

    void jsonResults()
    {
        HelperSnapshot snapshot;
        const QByteArray json =
            HelperProtocol::encodeSnapshot(HelperProtocol::encodePluginList(snapshot.list), snapshot);
        const auto [atServer, atClient] =
            echo(u"Json"_s, {Codec<JsonOf<HelperSnapshot>>::encode(JsonOf<HelperSnapshot>{json})});
        auto text = Codec<JsonOf<HelperSnapshot>>::decode(atClient.value(0), u"json"_s);
        QVERIFY(text.ok());
        QCOMPARE(text->json, json);
        QVERIFY(decodeJson<HelperSnapshot>(text->json).ok());
        QVERIFY(!decodeJson<Plugin>("not json").ok());
        QVERIFY(!decodeJson<PluginRuntimeState>("[").ok());
    }

    // The compact snapshot's bytes cross the bus unchanged (ay), and only bytes are taken for it.
    void binaryResults()
    {
        HelperSnapshot snapshot;
        Plugin plugin;
        plugin.id = u"ab"_s;
        plugin.repository = u"acme/x"_s;
        plugin.tag = u"latest"_s;
        plugin.settings.env = {u"TOKEN=s3cr\u00e9t"_s};
        snapshot.list.plugins = {plugin};
        const QByteArray data = SnapshotCodec::encode(snapshot, true);
        const auto [atServer, atClient] =
            echo(u"Binary"_s, {Codec<BinaryOf<HelperSnapshot>>::encode(BinaryOf<HelperSnapshot>{data})});
        QCOMPARE(m_echo.received.signature(), u"ay"_s);
        auto bytes = Codec<BinaryOf<HelperSnapshot>>::decode(atClient.value(0), u"data"_s);
        QVERIFY(bytes.ok());
        QCOMPARE(bytes->data, data);
        auto back = decodeBinary<HelperSnapshot>(bytes->data);
        QVERIFY(back.ok());
        QCOMPARE(back->list.plugins.value(0).settings.env, plugin.settings.env);
        const auto wrong = Codec<BinaryOf<HelperSnapshot>>::decode(QVariant(u"text"_s), u"data"_s);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().message, u"argument \"data\" is not an array of bytes"_s);
        QVERIFY(!decodeBinary<HelperSnapshot>("not a snapshot").ok());
    }
};

QTEST_GUILESS_MAIN(TestHelperMethods)
#include "tst_helpermethods.moc"
