// What the dialogs say and when, on the offscreen platform over a LocalEngine (no registry is asked): the install
// dialog's reference check waits for a pause and never blames a reference still being typed; Qt's own buttons
// speak German beside Plugdesk's German; the Log In dialog says where a password is kept; `none` is "no network
// access"; confirmations quote the names they are about.
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "ui/installdialog.h"
#include "ui/logindialog.h"
#include "ui/privilegedialog.h"
#include "ui/translations.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace core;

class TestDialogWords : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalEngine> m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The caller's Docker config: a folder of the test's own.
        qputenv("DOCKER_CONFIG", (m_dir.path() + QStringLiteral("/docker")).toLocal8Bit());
        m_engine = std::make_unique<LocalEngine>(
            LocalEngine::Options{m_dir.path() + QStringLiteral("/store"), m_dir.path() + QStringLiteral("/run"), true});
    }

    // While a reference is typed nothing is called wrong; one that cannot be parsed is, once typing paused, and the
    // message goes away at the next key. A trailing ':' (a port or tag still to come) is never blamed.
    void referenceErrorsWaitForAPause()
    {
        ui::InstallDialog dialog(m_engine.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLineEdit *edit = dialog.referenceEdit();
        QTest::keyClicks(edit, QStringLiteral("127.0.0.1:"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.referenceError()->isHidden());
        QTest::qWait(ui::InstallDialog::ErrorDelayMs + 300);
        QVERIFY2(dialog.referenceError()->isHidden(), qPrintable(dialog.referenceError()->text()));

        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("Acme/UPPER"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.referenceError()->isHidden()); // not while typing
        QTRY_VERIFY_WITH_TIMEOUT(dialog.referenceError()->isVisible(), ui::InstallDialog::ErrorDelayMs + 2000);
        QVERIFY(!dialog.referenceError()->text().isEmpty());
        // The next key takes the stale message away at once.
        QTest::keyClick(edit, Qt::Key_Backspace);
        QVERIFY(dialog.referenceError()->isHidden());
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("acme/vol:1.0"));
        QVERIFY(dialog.okButton()->isEnabled());
        QTest::qWait(ui::InstallDialog::ErrorDelayMs + 300);
        QVERIFY(dialog.referenceError()->isHidden());
    }

    // With German chosen, Qt's own standard buttons are German too (qtbase_de.qm beside plugdesk_de.qm).
    void qtsOwnButtonsSpeakGerman()
    {
        if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
            QSKIP("Qt's German translation (qt6-translations-l10n) is not installed");
        const ui::Translations german(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(german.hasPlugdesk());
        QVERIFY(german.hasQt());
        QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
        ui::InstallDialog dialog(m_engine.get());
        QCOMPARE(dialog.cancelButton()->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Plugin installieren"));
    }

    // No credential helper: the dialog says the password is stored unencrypted, and where; with one, it names it.
    void loginSaysWhereThePasswordGoes()
    {
        const QString docker = m_dir.path() + QStringLiteral("/docker");
        QVERIFY(QDir().mkpath(docker));
        QFile::remove(docker + QStringLiteral("/config.json"));
        {
            ui::LoginDialog dialog(m_engine.get());
            QVERIFY(dialog.storageNote()->text().contains(QStringLiteral("unencrypted")));
            QVERIFY(dialog.storageNote()->text().contains(docker + QStringLiteral("/config.json")));
        }
        QVERIFY(testutil::writeFile(docker + QStringLiteral("/config.json"),
                                    R"({"credHelpers": {"registry.example.com": "pass"}})"));
        ui::LoginDialog dialog(m_engine.get());
        QVERIFY(dialog.storageNote()->text().contains(QStringLiteral("unencrypted"))); // Docker Hub: no helper
        dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(QStringLiteral("registry.example.com"));
        QVERIFY2(dialog.storageNote()->text().contains(QStringLiteral("docker-credential-pass")),
                 qPrintable(dialog.storageNote()->text()));
        QVERIFY(!dialog.storageNote()->text().contains(QStringLiteral("unencrypted")));
    }

    // Docker's network type "none" is no network at all, not a network called "none".
    void networkNoneIsNoNetworkAccess()
    {
        const QString none = ui::PrivilegeDialog::explain(QStringLiteral("network"), QStringLiteral("none"), {}, {});
        QVERIFY2(none.startsWith(QStringLiteral("No network access")), qPrintable(none));
        const QString other =
            ui::PrivilegeDialog::explain(QStringLiteral("network"), QStringLiteral("backend"), {}, {});
        QCOMPARE(other, QStringLiteral("Join the network “backend”."));
    }
};

QTEST_MAIN(TestDialogWords)
#include "tst_dialogwords.moc"
