// StartCheck: what is refused before `runc run` is tried, resolved inside the rootfs only.
#include "core/runtime/startcheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using core::StartCheck;

namespace {

bool writeFile(const QString &path, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n") < 0)
        return false;
    file.close();
    return file.setPermissions(permissions);
}

bool link(const QString &target, const QString &path)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) == 0;
}

constexpr auto kExecutable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr auto kPlain = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestStartCheck final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_rootfs;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_rootfs = m_dir.filePath(QStringLiteral("rootfs"));
        QVERIFY(QDir().mkpath(m_rootfs + QStringLiteral("/go/bin")));
        QVERIFY(QDir().mkpath(m_rootfs + QStringLiteral("/usr/bin")));
        QVERIFY(QDir().mkpath(m_rootfs + QStringLiteral("/app")));
        QVERIFY(writeFile(m_rootfs + QStringLiteral("/go/bin/driver"), kExecutable));
        QVERIFY(writeFile(m_rootfs + QStringLiteral("/go/bin/plain"), kPlain));
        QVERIFY(writeFile(m_rootfs + QStringLiteral("/usr/bin/tool"), kExecutable));
        QVERIFY(writeFile(m_rootfs + QStringLiteral("/app/run"), kExecutable));
        // An absolute link: inside the container it points into the rootfs, never to the host's /go/bin.
        QVERIFY(link(QStringLiteral("/go/bin/driver"), m_rootfs + QStringLiteral("/go/bin/absolute")));
        QVERIFY(link(QStringLiteral("../bin/driver"), m_rootfs + QStringLiteral("/go/bin/relative")));
        // Links that climb out of the rootfs to a host file that exists and is executable (/usr/bin/env, /bin/sh):
        // they must never reach it. Resolved as in the container (".." stops at the root), they name files the
        // rootfs does not have.
        QVERIFY(QFile::exists(QStringLiteral("/usr/bin/env")));
        QVERIFY(
            link(QStringLiteral("../../../../../../../../usr/bin/env"), m_rootfs + QStringLiteral("/go/bin/escape")));
        QVERIFY(link(m_dir.path() + QStringLiteral("/outside"), m_rootfs + QStringLiteral("/go/bin/outside")));
        QVERIFY(writeFile(m_dir.path() + QStringLiteral("/outside"), kExecutable));
        QVERIFY(link(QStringLiteral("loop2"), m_rootfs + QStringLiteral("/go/bin/loop1")));
        QVERIFY(link(QStringLiteral("loop1"), m_rootfs + QStringLiteral("/go/bin/loop2")));
        QVERIFY(link(QStringLiteral("/go/bin/plain"), m_rootfs + QStringLiteral("/go/bin/toplain")));
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("workDir");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("resolved");
        using E = StartCheck::Entrypoint;
        QTest::newRow("absolute, executable") << "/go/bin/driver"
                                              << ""
                                              << "" << int(E::Executable) << "/go/bin/driver";
        QTest::newRow("missing") << "/go/bin/docker-volume-sshfs"
                                 << ""
                                 << "" << int(E::Missing) << "/go/bin/docker-volume-sshfs";
        QTest::newRow("missing folder") << "/nowhere/driver"
                                        << ""
                                        << "" << int(E::Missing) << "/nowhere/driver";
        QTest::newRow("not executable") << "/go/bin/plain"
                                        << ""
                                        << "" << int(E::NotExecutable) << "/go/bin/plain";
        QTest::newRow("a folder") << "/go/bin"
                                  << ""
                                  << "" << int(E::NotAFile) << "/go/bin";
        QTest::newRow("absolute symlink resolved inside the rootfs") << "/go/bin/absolute"
                                                                     << ""
                                                                     << "" << int(E::Executable) << "/go/bin/absolute";
        QTest::newRow("relative symlink") << "/go/bin/relative"
                                          << ""
                                          << "" << int(E::Executable) << "/go/bin/relative";
        QTest::newRow("symlink to a file that is not executable") << "/go/bin/toplain"
                                                                  << ""
                                                                  << "" << int(E::NotExecutable) << "/go/bin/toplain";
        QTest::newRow("symlink climbing out of the rootfs") << "/go/bin/escape"
                                                            << ""
                                                            << "" << int(E::Missing) << "/go/bin/escape";
        QTest::newRow("absolute symlink to a host path") << "/go/bin/outside"
                                                         << ""
                                                         << "" << int(E::Missing) << "/go/bin/outside";
        QTest::newRow("symlink loop") << "/go/bin/loop1"
                                      << ""
                                      << "" << int(E::Missing) << "/go/bin/loop1";
        QTest::newRow("dot-dot in the name stops at the root") << "/../../../go/bin/driver"
                                                               << ""
                                                               << "" << int(E::Executable) << "/../../../go/bin/driver";
        QTest::newRow("relative to the working folder") << "./run"
                                                        << "/app"
                                                        << "" << int(E::Executable) << "/app/./run";
        QTest::newRow("bare name on the default PATH") << "tool"
                                                       << ""
                                                       << "" << int(E::Executable) << "/usr/bin/tool";
        QTest::newRow("bare name on the config's PATH") << "driver"
                                                        << ""
                                                        << "/nowhere:/go/bin" << int(E::Executable) << "/go/bin/driver";
        QTest::newRow("bare name that is nowhere") << "sshfs"
                                                   << ""
                                                   << "" << int(E::Missing) << "sshfs";
        QTest::newRow("bare name found but not executable") << "plain"
                                                            << ""
                                                            << "/go/bin" << int(E::NotExecutable) << "/go/bin/plain";
    }

    void resolve()
    {
        QFETCH(QString, program);
        QFETCH(QString, workDir);
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(QString, resolved);
        const StartCheck::Resolved result = StartCheck::resolveEntrypoint(m_rootfs, program, workDir, path);
        QCOMPARE(int(result.kind), kind);
        QCOMPARE(result.path, resolved);
    }

    void missingRootfs()
    {
        QCOMPARE(StartCheck::resolveEntrypoint(m_dir.filePath(QStringLiteral("none")), QStringLiteral("/x")).kind,
                 StartCheck::Entrypoint::RootfsMissing);
    }

    // The sentence a person reads: the plugin's name, never its id, then the cause.
    void refusalNamesThePluginAndTheCause_data()
    {
        QTest::addColumn<QString>("entrypoint");
        QTest::addColumn<QString>("mountSource");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("fine") << "/go/bin/driver"
                              << "" << -1 << "";
        QTest::newRow("missing entrypoint")
            << "/go/bin/docker-volume-sshfs"
            << "" << int(core::ErrorCode::NotFound)
            << "vieux/sshfs:latest cannot start: its entrypoint /go/bin/docker-volume-sshfs does not exist in the "
               "plugin's rootfs";
        QTest::newRow("not executable") << "/go/bin/plain"
                                        << "" << int(core::ErrorCode::PermissionDenied)
                                        << "vieux/sshfs:latest cannot start: its entrypoint /go/bin/plain is not "
                                           "executable";
        QTest::newRow("escaping symlink") << "/go/bin/escape"
                                          << "" << int(core::ErrorCode::NotFound)
                                          << "vieux/sshfs:latest cannot start: its entrypoint /go/bin/escape does "
                                             "not exist in the plugin's rootfs";
        QTest::newRow("missing mount source")
            << "/go/bin/driver"
            << "/nonexistent/plugdesk-source" << int(core::ErrorCode::NotFound)
            << "vieux/sshfs:latest cannot start: the source /nonexistent/plugdesk-source of its mount /mnt/state "
               "does not exist on this machine";
        QTest::newRow("existing mount source") << "/go/bin/driver"
                                               << "/tmp" << -1 << "";
    }

    void refusalNamesThePluginAndTheCause()
    {
        QFETCH(QString, entrypoint);
        QFETCH(QString, mountSource);
        QFETCH(int, code);
        QFETCH(QString, message);
        core::Plugin plugin;
        plugin.id = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        plugin.repository = QStringLiteral("vieux/sshfs");
        plugin.tag = QStringLiteral("latest");
        plugin.config.entrypoint = {entrypoint, QStringLiteral("--debug")};
        if (!mountSource.isEmpty()) {
            core::PluginMount mount;
            mount.name = QStringLiteral("state");
            mount.source = mountSource;
            mount.destination = QStringLiteral("/mnt/state");
            mount.type = QStringLiteral("bind");
            mount.options = {QStringLiteral("rbind")};
            plugin.config.mounts.append(mount);
        }
        const core::Status status = StartCheck::check(plugin, m_rootfs);
        if (code < 0) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
            QVERIFY(!StartCheck::problem(plugin, m_rootfs));
            return;
        }
        QVERIFY(!status.ok());
        QCOMPARE(int(status.error().code), code);
        QCOMPARE(status.error().message, message);
        QVERIFY(!status.error().message.contains(plugin.id.left(12)));
        QCOMPARE(StartCheck::problem(plugin, m_rootfs)->message, message.section(QStringLiteral("cannot start: "), 1));
    }
};

QTEST_GUILESS_MAIN(TestStartCheck)
#include "tst_startcheck.moc"
