// RuntimeChoice: the store's engine.json chooses runc or crun, and nothing else. Every value it refuses is named in
// the error together with the file; a file or program that anyone but root could change is refused.
#include "core/runtime/runcruntime.h"
#include "core/runtime/runtimechoice.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::RuntimeChoice;

namespace {

bool writeFile(const QString &path, const QByteArray &content, mode_t mode = 0600)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size() &&
           ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// The error of a failed result, for QVERIFY2 (which evaluates its message either way).
QString why(const core::Result<RuntimeChoice> &result)
{
    return result ? QString() : result.error().message;
}

// A folder whose every parent belongs to root (or to us) and is writable by no one else: /tmp is not one.
QString safeParent()
{
    return QStringLiteral(PLUGDESK_BINARY_DIR);
}

} // namespace

class TestRuntimeChoice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");        // expected runtime, empty for an error
        QTest::addColumn<int>("code");            // expected error code
        QTest::addColumn<QStringList>("message"); // what the error says, beside the file's path

        const QStringList notOne{u"\"bash\""_s, u"must be \"runc\" or \"crun\""_s};
        QTest::newRow("runc") << QByteArray(R"({"runtime": "runc"})") << u"runc"_s << 0 << QStringList();
        QTest::newRow("crun") << QByteArray(R"({"runtime": "crun"})") << u"crun"_s << 0 << QStringList();
        QTest::newRow("no runtime: runc") << QByteArray("{}") << u"runc"_s << 0 << QStringList();
        QTest::newRow("a program that is no runtime")
            << QByteArray(R"({"runtime": "bash"})") << QString() << int(ErrorCode::InvalidArgument) << notOne;
        QTest::newRow("a name with a space") << QByteArray(R"({"runtime": "runc "})") << QString()
                                             << int(ErrorCode::InvalidArgument) << QStringList{u"\"runc \""_s};
        QTest::newRow("upper case") << QByteArray(R"({"runtime": "CRUN"})") << QString()
                                    << int(ErrorCode::InvalidArgument) << QStringList{u"\"CRUN\""_s};
        QTest::newRow("a relative path") << QByteArray(R"({"runtime": "sbin/runc"})") << QString()
                                         << int(ErrorCode::InvalidArgument) << QStringList{u"\"sbin/runc\""_s};
        QTest::newRow("an absolute path to a shell")
            << QByteArray(R"({"runtime": "/bin/sh"})") << QString() << int(ErrorCode::InvalidArgument)
            << QStringList{u"\"/bin/sh\""_s, u"ends in /runc or /crun"_s};
        QTest::newRow("a path with ..") << QByteArray(R"({"runtime": "/usr/sbin/../sbin/runc"})") << QString()
                                        << int(ErrorCode::InvalidArgument)
                                        << QStringList{u"\"/usr/sbin/../sbin/runc\""_s, u"clean path"_s};
        QTest::newRow("a path to nothing")
            << QByteArray(R"({"runtime": "/nonexistent/crun"})") << QString() << int(ErrorCode::InvalidArgument)
            << QStringList{u"\"/nonexistent/crun\""_s, u"not an executable file"_s};
        QTest::newRow("a number") << QByteArray(R"({"runtime": 12})") << QString() << int(ErrorCode::InvalidArgument)
                                  << QStringList{u"\"12\""_s};
        QTest::newRow("a list") << QByteArray(R"({"runtime": ["crun"]})") << QString()
                                << int(ErrorCode::InvalidArgument) << QStringList{u"[\"crun\"]"_s};
        QTest::newRow("an unknown setting")
            << QByteArray(R"({"runtime": "crun", "runtimeArgs": ["--debug"]})") << QString()
            << int(ErrorCode::InvalidArgument) << QStringList{u"unknown setting \"runtimeArgs\""_s};
        QTest::newRow("not JSON") << QByteArray("runtime=crun") << QString() << int(ErrorCode::Corrupt)
                                  << QStringList{u"not valid JSON"_s};
        QTest::newRow("not an object") << QByteArray(R"(["crun"])") << QString() << int(ErrorCode::Corrupt)
                                       << QStringList{u"JSON object"_s};
    }

    void parse()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(int, code);
        QFETCH(QStringList, message);
        const QString path = u"/var/lib/plugdesk/engine.json"_s;
        const auto choice = RuntimeChoice::parse(content, path);
        if (name.isEmpty()) {
            QVERIFY(!choice);
            QCOMPARE(int(choice.error().code), code);
            QVERIFY2(choice.error().message.contains(path), qPrintable(choice.error().message));
            for (const QString &part : std::as_const(message))
                QVERIFY2(choice.error().message.contains(part), qPrintable(choice.error().message));
            return;
        }
        const auto installed = RuntimeChoice::byName(name);
        if (!installed) {
            // Not installed here: the error says which, and from which file.
            QVERIFY(!choice);
            QCOMPARE(choice.error().code, ErrorCode::NotFound);
            QVERIFY2(choice.error().message.contains(path) && choice.error().message.contains(name),
                     qPrintable(choice.error().message));
            return;
        }
        QVERIFY2(choice.ok(), qPrintable(why(choice)));
        QCOMPARE(choice->name, name);
        QCOMPARE(choice->binary, installed->binary);
        QVERIFY(choice->binary.startsWith(u'/'));
    }

    // Names are found in the system's folders only: a PATH (or the old PLUGDESK_RUNC) never picks the binary.
    void namesIgnoreTheEnvironment()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"runc"_s), "#!/bin/sh\nexit 0\n", 0755));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(dir.path()) + ':' + path);
        qputenv("PLUGDESK_RUNC", QFile::encodeName(dir.filePath(u"runc"_s)));
        const auto choice = RuntimeChoice::byName(u"runc"_s);
        qputenv("PATH", path);
        qunsetenv("PLUGDESK_RUNC");
        QVERIFY(choice.ok());
        QVERIFY(!choice->binary.startsWith(dir.path()));
        QVERIFY(RuntimeChoice::systemFolders().contains(QFileInfo(choice->binary).path()));
        QCOMPARE(core::RuncRuntime(u"/run/x"_s).runc(), choice->binary);
    }

    void forStore()
    {
        QTemporaryDir store;
        // No file: runc.
        auto choice = RuntimeChoice::forStore(store.path());
        QVERIFY2(choice.ok(), qPrintable(why(choice)));
        QCOMPARE(choice->name, u"runc"_s);
        QVERIFY(choice->source.isEmpty());
        const QString settings = RuntimeChoice::settingsPath(store.path());
        QCOMPARE(settings, store.path() + u"/engine.json"_s);

        // A file others may write chooses nothing.
        QVERIFY(writeFile(settings, R"({"runtime": "runc"})", 0666));
        choice = RuntimeChoice::forStore(store.path());
        QVERIFY(!choice);
        QCOMPARE(choice.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(choice.error().message.contains(settings) && choice.error().message.contains(u"0666"_s),
                 qPrintable(choice.error().message));
        QVERIFY(writeFile(settings, R"({"runtime": "runc"})", 0620));
        QVERIFY(!RuntimeChoice::forStore(store.path()));

        // Nor a symbolic link (whoever may change its target would choose).
        QFile::remove(settings);
        QVERIFY(writeFile(store.filePath(u"elsewhere.json"_s), R"({"runtime": "runc"})"));
        QVERIFY(QFile::link(store.filePath(u"elsewhere.json"_s), settings));
        choice = RuntimeChoice::forStore(store.path());
        QVERIFY(!choice);
        QVERIFY2(choice.error().message.contains(settings), qPrintable(choice.error().message));
        QFile::remove(settings);

        // A bad value names itself and the file.
        QVERIFY(writeFile(settings, R"({"runtime": "/tmp/crun"})"));
        choice = RuntimeChoice::forStore(store.path());
        QVERIFY(!choice);
        QVERIFY2(choice.error().message.contains(settings) && choice.error().message.contains(u"\"/tmp/crun\""_s),
                 qPrintable(choice.error().message));

        QVERIFY(writeFile(settings, R"({"runtime": "runc"})", 0644));
        choice = RuntimeChoice::forStore(store.path());
        QVERIFY2(choice.ok(), qPrintable(why(choice)));
        QCOMPARE(choice->source, settings);

        if (::geteuid() == 0) {
            // Root reads it: a file that belongs to anyone else is refused.
            QVERIFY(::chown(QFile::encodeName(settings).constData(), 65534, 65534) == 0);
            choice = RuntimeChoice::forStore(store.path());
            QVERIFY(!choice);
            QCOMPARE(choice.error().code, ErrorCode::PermissionDenied);
            QVERIFY2(choice.error().message.contains(settings) && choice.error().message.contains(u"65534"_s),
                     qPrintable(choice.error().message));
        }
    }

    // An absolute path: its file name says the dialect, and the file and every folder above it must be root's (or
    // ours) and writable by nobody else.
    void absolutePath()
    {
        QTemporaryDir dir(safeParent() + u"/runtimechoice-XXXXXX"_s);
        QVERIFY(dir.isValid());
        if (!RuntimeChoice::checkOwnership(dir.path()))
            QSKIP("the build folder's parents are writable by others here");
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
        const QString crun = dir.filePath(u"crun"_s);
        QVERIFY(QFile::copy(core::RuncRuntime::findRunc(), crun));
        QVERIFY(::chmod(QFile::encodeName(crun).constData(), 0755) == 0);
        const QByteArray json = "{\"runtime\": \"" + QFile::encodeName(crun) + "\"}";

        auto choice = RuntimeChoice::parse(json, u"engine.json"_s);
        QVERIFY2(choice.ok(), qPrintable(why(choice)));
        QCOMPARE(choice->name, u"crun"_s);
        QCOMPARE(choice->binary, crun);
        QCOMPARE(core::RuncRuntime(u"/run/x"_s, *choice).stateRoot(), u"/run/x/crun"_s);

        // The folder writable by others: anyone could put their own crun there.
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0777) == 0);
        choice = RuntimeChoice::parse(json, u"engine.json"_s);
        QVERIFY(!choice);
        QCOMPARE(choice.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(choice.error().message.contains(dir.path()) && choice.error().message.contains(u"0777"_s) &&
                     choice.error().message.contains(u"engine.json"_s),
                 qPrintable(choice.error().message));
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);

        // The program writable by its group.
        QVERIFY(::chmod(QFile::encodeName(crun).constData(), 0775) == 0);
        QVERIFY(!RuntimeChoice::parse(json, u"engine.json"_s));
        QVERIFY(::chmod(QFile::encodeName(crun).constData(), 0755) == 0);

        // A symbolic link named crun to a program elsewhere is checked where it points.
        const QString other = dir.filePath(u"other"_s);
        QVERIFY(QDir().mkpath(other));
        QVERIFY(::chmod(QFile::encodeName(other).constData(), 0777) == 0);
        QVERIFY(QFile::rename(crun, other + u"/runc"_s));
        QVERIFY(QFile::link(other + u"/runc"_s, crun));
        choice = RuntimeChoice::parse(json, u"engine.json"_s);
        QVERIFY(!choice);
        QVERIFY2(choice.error().message.contains(other), qPrintable(choice.error().message));

        if (::geteuid() == 0) {
            QVERIFY(::chmod(QFile::encodeName(other).constData(), 0755) == 0);
            QVERIFY(RuntimeChoice::parse(json, u"engine.json"_s).ok());
            // The program belongs to someone else.
            QVERIFY(::chown(QFile::encodeName(other + u"/runc"_s).constData(), 65534, 65534) == 0);
            choice = RuntimeChoice::parse(json, u"engine.json"_s);
            QVERIFY(!choice);
            QVERIFY2(choice.error().message.contains(u"65534"_s), qPrintable(choice.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestRuntimeChoice)
#include "tst_runtimechoice.moc"
