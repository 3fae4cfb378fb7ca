// The real plugdeskctl's man pages (made by the build) and its bash and zsh completion scripts, loaded into real
// shells with COMP_WORDS / words set as the shells set them, against a real store made with --root.
#include "common/testutil.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPlugdeskctlCompletion : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    static Run run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"PLUGDESK_ROOT"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"MANWIDTH"_s, u"100"_s);
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("%s did not finish", qPrintable(program));
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // The words of `line` as the shells hold them; a trailing space starts an empty current word.
    static QStringList split(const QString &line) { return line.split(QLatin1Char(' ')); }

    static QString quoted(const QString &word) { return u"'"_s + QString(word).replace(u"'"_s, u"'\\''"_s) + u"'"_s; }

    // COMPREPLY of the bash completion for `line`, one candidate a line, sorted.
    static QStringList bashComplete(const QString &line)
    {
        const QStringList words = split(line);
        QStringList quotedWords;
        for (const QString &word : words)
            quotedWords.append(quoted(word));
        const QString script =
            u"source %1 || exit 9\n"
            "COMP_WORDS=(%2); COMP_CWORD=%3; COMP_LINE=%4; COMP_POINT=${#COMP_LINE}\n"
            "_plugdeskctl || exit 8\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n"_s
                .arg(quoted(QStringLiteral(COMPLETION_DIR "/plugdeskctl.bash")), quotedWords.join(QLatin1Char(' ')))
                .arg(words.size() - 1)
                .arg(quoted(words.join(QLatin1Char(' '))));
        const Run result = run(u"bash"_s, {u"--norc"_s, u"-c"_s, script});
        if (result.status != 0)
            qWarning().noquote() << "bash:" << result.status << result.err;
        QStringList candidates = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        candidates.sort();
        return candidates;
    }

    // The candidates zsh's completion offers for `line` (compadd is replaced by a function that prints them).
    static QStringList zshComplete(const QString &line)
    {
        const QStringList words = split(line);
        QStringList quotedWords;
        for (const QString &word : words)
            quotedWords.append(quoted(word));
        const QString script =
            u"compadd() { local a seen=0; for a in \"$@\"; do if (( seen )); then print -r -- $a; "
            "elif [[ $a == -- ]]; then seen=1; fi; done }\n"
            "compdef() { : }\n"
            "_files() { print -r -- ':files' }\n"
            "source %1 || exit 9\n"
            "words=(%2); CURRENT=%3\n"
            "_plugdeskctl\n"_s
                .arg(quoted(QStringLiteral(COMPLETION_DIR "/_plugdeskctl")), quotedWords.join(QLatin1Char(' ')))
                .arg(words.size());
        const Run result = run(u"zsh"_s, {u"-f"_s, u"-c"_s, script});
        if (result.status != 0 && !result.err.isEmpty())
            qWarning().noquote() << "zsh:" << result.status << result.err;
        QStringList candidates = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        candidates.sort();
        return candidates;
    }

    QString m_root;
    QTemporaryDir m_dir;
    // The ctl with a --root store holding the seed store's plugins, and PATH pointing at it.
    QString m_line;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path() + u"/store"_s;
        QVERIFY(testutil::copyTree(testutil::sourcePath(u"tests/data/seed-store"_s), m_root));
        m_line = QStringLiteral(PLUGDESKCTL) + u" --root "_s + m_root + QLatin1Char(' ');
    }

    void manPagesRender()
    {
        const QString dir = QStringLiteral(MAN_DIR);
        QVERIFY2(QFile::exists(dir + u"/plugdeskctl.1"_s), qPrintable(dir));
        const QStringList pages = QDir(dir).entryList({u"*.1"_s}, QDir::Files);
        QVERIFY2(pages.size() >= 21, qPrintable(pages.join(u' ')));
        if (QStandardPaths::findExecutable(u"man"_s).isEmpty())
            QSKIP("man (man-db) is not installed; scripts/setup installs it");
        const Run page = run(u"man"_s, {u"-l"_s, dir + u"/plugdeskctl-plugin-install.1"_s});
        QCOMPARE(page.status, 0);
        QVERIFY2(page.out.contains(u"plugdeskctl-plugin-install - Install a plugin"_s), qPrintable(page.out));
        QVERIFY2(page.out.contains(u"--grant-all-permissions"_s), qPrintable(page.out));
        QVERIFY2(page.out.contains(u"plugdeskctl plugin install [OPTIONS] PLUGIN [KEY=VALUE...]"_s),
                 qPrintable(page.out));
        // Every page renders without a warning from groff, and lexgrog finds its NAME line (what apropos indexes).
        for (const QString &name : pages) {
            const Run rendered = run(u"man"_s, {u"--warnings"_s, u"-l"_s, dir + QLatin1Char('/') + name});
            QCOMPARE(rendered.status, 0);
            QVERIFY2(rendered.err.isEmpty(), qPrintable(name + u": "_s + rendered.err));
            if (!QStandardPaths::findExecutable(u"lexgrog"_s).isEmpty()) {
                const Run grog = run(u"lexgrog"_s, {dir + QLatin1Char('/') + name});
                QVERIFY2(grog.status == 0 && grog.out.contains(QString(name).chopped(2) + u" - "_s),
                         qPrintable(name + u": "_s + grog.out + grog.err));
            }
        }
    }

    void manPageSaysWhatHelpSays()
    {
        // The same option lines: each flag label of --help shows in the rendered page.
        const Run help = run(QStringLiteral(PLUGDESKCTL), {u"volume"_s, u"create"_s, u"--help"_s});
        QCOMPARE(help.status, 0);
        if (QStandardPaths::findExecutable(u"man"_s).isEmpty())
            QSKIP("man (man-db) is not installed");
        const Run page = run(u"man"_s, {u"-l"_s, QStringLiteral(MAN_DIR "/plugdeskctl-volume-create.1")});
        const QString text = page.out.simplified();
        for (const QString &line : help.out.section(u"Options:\n"_s, 1).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString label = line.trimmed().section(u"   "_s, 0, 0);
            const QString helpText = line.trimmed().section(u"   "_s, 1).trimmed();
            QVERIFY2(text.contains(label), qPrintable(label));
            QVERIFY2(text.contains(helpText), qPrintable(helpText));
        }
    }

    void bash_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("candidates");
        QTest::newRow("groups") << u""_s << QStringList{u"connection"_s, u"help"_s,   u"login"_s,
                                                        u"logout"_s,     u"plugin"_s, u"volume"_s};
        QTest::newRow("verbs") << u"plugin "_s << QStringList{u"create"_s, u"disable"_s, u"enable"_s,  u"export"_s,
                                                              u"import"_s, u"inspect"_s, u"install"_s, u"list"_s,
                                                              u"logs"_s,   u"ls"_s,      u"push"_s,    u"remove"_s,
                                                              u"rm"_s,     u"set"_s,     u"start"_s,   u"upgrade"_s};
        QTest::newRow("ins") << u"plugin ins"_s << QStringList{u"inspect"_s, u"install"_s};
        QTest::newRow("flags") << u"plugin ls --"_s
                               << QStringList{u"--filter"_s, u"--format"_s, u"--help"_s, u"--no-trunc"_s, u"--quiet"_s};
        QTest::newRow("format") << u"volume ls --format "_s << QStringList{u"json"_s, u"table"_s};
        QTest::newRow("names") << u"plugin enable "_s << QStringList{u"vieux/sshfs:latest"_s};
        QTest::newRow("names, prefix") << u"plugin rm -f vi"_s << QStringList{u"vieux/sshfs:latest"_s};
    }

    void bash()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, candidates);
        QCOMPARE(bashComplete(m_line + line), candidates);
    }

    void zsh_data() { bash_data(); }

    void zsh()
    {
        if (QStandardPaths::findExecutable(u"zsh"_s).isEmpty())
            QSKIP("zsh is not installed; scripts/setup installs it");
        QFETCH(QString, line);
        QFETCH(QStringList, candidates);
        QCOMPARE(zshComplete(m_line + line), candidates);
    }

    void filesWhereTheUsageSaysFile()
    {
        QTemporaryDir dir;
        QVERIFY(testutil::writeFile(dir.path() + u"/bundle.zip"_s, "x"));
        QCOMPARE(bashComplete(m_line + u"plugin import "_s + dir.path() + u"/bun"_s),
                 QStringList{dir.path() + u"/bundle.zip"_s});
    }

    void aBrokenStoreCompletesNothingQuietly()
    {
        // Names come from `plugin ls`; when it fails, no error reaches the terminal and no candidate is made up.
        const QString line = QStringLiteral(PLUGDESKCTL) + u" --root /nonexistent/store plugin enable "_s;
        QCOMPARE(bashComplete(line), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestPlugdeskctlCompletion)
#include "tst_plugdeskctl_completion.moc"
