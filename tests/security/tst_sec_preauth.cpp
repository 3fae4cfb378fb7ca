// Issue 10, item 5: nothing before authorisation. A caller polkit refuses learns nothing from the helper about
// paths or files: before polkit answers, the helper checks only the shape of the arguments; paths and descriptors
// are looked at after it, off the main thread. Acts as `nobody`, granted no action, against the real
// plugdesk-helper on a private bus with the real polkitd (tests/common/securityenv.h).
#include "common/securityenv.h"
#include "security/seccall.h"

#include <QTest>
#include <unistd.h>

using testutil::callAsNobody;
using testutil::CommandRun;
using testutil::SecurityEnv;

namespace {

// What a caller sees of a refused call, with `path` (which the caller chose) taken out.
QString answerOf(const CommandRun &run, const QString &path)
{
    QString answer = QString::number(run.status) + QLatin1Char('|') + run.out + QLatin1Char('|') + run.err;
    return answer.replace(path, QStringLiteral("PATH")).trimmed();
}

} // namespace

class TestSecPreauth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    // CreatePlugin as it was called with a path: a folder only root may enter and a path that does not exist give
    // nobody the very same answer, and neither says "no such folder": the helper did not look.
    void createWithAPathTellsNothing()
    {
        SecurityEnv env;
        QString why = env.start({});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        const QString rootOnly = env.folder() + QStringLiteral("/root-only");
        QVERIFY(QDir().mkpath(rootOnly + QStringLiteral("/.ssh")));
        testutil::openForEveryone(rootOnly, 0700);

        QStringList answers;
        for (const QString &path :
             QStringList{rootOnly + QStringLiteral("/.ssh"), rootOnly + QStringLiteral("/nonexistent"),
                         QStringLiteral("/root/.ssh"), QStringLiteral("/root/nonexistent")}) {
            const CommandRun run = env.nobodyCall(
                QStringLiteral("/org/plugdesk/Helper1"), QStringLiteral("org.plugdesk.Helper1.CreatePlugin"),
                {QStringLiteral("string:acme/probe"), QStringLiteral("string:") + path});
            QVERIFY2(run.status != 0, qPrintable(run.out + run.err));
            QVERIFY2(!run.err.contains(QStringLiteral("NotFound")) && !run.err.contains(QStringLiteral("no such")),
                     qPrintable(path + QStringLiteral(": ") + run.err));
            answers.append(answerOf(run, path));
        }
        for (const QString &answer : std::as_const(answers))
            QCOMPARE(answer, answers.constFirst());
    }

    // CreatePlugin as it is called now (the folder packed into a descriptor, its path a label): whatever the label
    // and whatever the descriptor, nobody gets polkit's refusal and nothing else.
    void createWithADescriptorIsRefusedByPolkit()
    {
        SecurityEnv env;
        QString why = env.start({});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        const QString file = env.folder() + QStringLiteral("/nobodys-file");
        QVERIFY(testutil::writeFile(file, "not a plugin\n"));
        testutil::openForEveryone(file, 0644);

        for (const QString &label : {QStringLiteral("/root/.ssh"), QStringLiteral("/root/nonexistent")}) {
            for (const QString &descriptor : {QStringLiteral("/"), QStringLiteral("/dev/null"), file}) {
                const CommandRun run = callAsNobody(env, QStringLiteral("CreatePlugin"),
                                                    {QStringLiteral("s:acme/probe"), QStringLiteral("h:") + descriptor,
                                                     QStringLiteral("s:") + label, QStringLiteral("a{sv}:")});
                QVERIFY2(run.status == 1 && run.err.contains(QStringLiteral("not authorized to create plugins "
                                                                            "(org.plugdesk.install)")),
                         qPrintable(label + QLatin1Char(' ') + descriptor + QStringLiteral(": ") + run.out + run.err));
            }
        }
    }

    // A descriptor is looked at only for a caller polkit let through: an unauthorised import of a folder, a
    // device or a file gets polkit's refusal each time, not "not a regular file" for some of them.
    void descriptorsAreLookedAtAfterPolkit()
    {
        SecurityEnv env;
        QString why = env.start({});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        const QString file = env.folder() + QStringLiteral("/nobodys-bundle.zip");
        QVERIFY(testutil::writeFile(file, "PK not really\n"));
        testutil::openForEveryone(file, 0644);

        for (const QString &descriptor : {QStringLiteral("/"), QStringLiteral("/dev/null"), file}) {
            const CommandRun run = callAsNobody(env, QStringLiteral("ImportPlugin"),
                                                {QStringLiteral("h:") + descriptor, QStringLiteral("s:bundle.zip"),
                                                 QStringLiteral("s:[]"), QStringLiteral("a{sv}:")});
            QVERIFY2(run.status == 1 &&
                         run.err.contains(QStringLiteral("not authorized to import plugins (org.plugdesk.install)")),
                     qPrintable(descriptor + QStringLiteral(": ") + run.out + run.err));
            const CommandRun exported = callAsNobody(env, QStringLiteral("ExportPlugin"),
                                                     {QStringLiteral("s:acme/none"), QStringLiteral("h:") + descriptor,
                                                      QStringLiteral("s:x.zip"), QStringLiteral("a{sv}:")});
            QVERIFY2(exported.status == 1 && exported.err.contains(QStringLiteral("not authorized to export plugins "
                                                                                  "(org.plugdesk.install)")),
                     qPrintable(descriptor + QStringLiteral(": ") + exported.out + exported.err));
        }
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--sec-call") == 0)
        return testutil::secCall(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecPreauth test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sec_preauth.moc"
