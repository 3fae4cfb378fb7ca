// `login` and `logout`: registry logins kept in the docker CLI's config.json, with Docker's flags and texts
// (cli/command/registry/login.go, logout.go). The login is checked against the registry's /v2/ with the full
// auth flow before it is saved.
#include "commandline.h"
#include "core/base/job.h"
#include "core/registry/credentials.h"
#include "core/registry/registrylogin.h"

#include <QFile>
#include <cstdio>
#include <memory>
#include <termios.h>
#include <unistd.h>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LoginCommands)
};

QString readLine(bool echo)
{
    termios saved{};
    const bool tty = isatty(STDIN_FILENO);
    if (!echo && tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    const QString line = QString::fromUtf8(in.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    if (!echo && tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return line;
}

int login(Context &context, const Arguments &arguments)
{
    const QString server = arguments.positional.value(0, QStringLiteral("docker.io"));
    QString username = arguments.value(QStringLiteral("username")).trimmed();
    QString password = arguments.value(QStringLiteral("password"));
    const bool passwordStdin = arguments.isSet(QStringLiteral("password-stdin"));

    if (arguments.isSet(QStringLiteral("password"))) {
        context.err << Tr::tr("WARNING! Using --password via the CLI is insecure. Use --password-stdin.") << '\n';
        context.err.flush();
        if (passwordStdin)
            return reportError(context, Tr::tr("--password and --password-stdin are mutually exclusive"));
    }
    if (passwordStdin) {
        if (username.isEmpty())
            return reportError(context, Tr::tr("Must provide --username with --password-stdin"));
        QFile in;
        (void)in.open(stdin, QIODevice::ReadOnly);
        password = QString::fromUtf8(in.readAll());
        while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
            password.chop(1);
    }
    if (username.isEmpty() || password.isEmpty()) {
        if (!isatty(STDIN_FILENO))
            return reportError(context, Tr::tr("Cannot perform an interactive login from a non TTY device"));
        if (username.isEmpty()) {
            context.out << Tr::tr("Username: ");
            context.out.flush();
            username = readLine(true).trimmed();
            if (username.isEmpty())
                return reportError(context, Tr::tr("Username cannot be empty"));
        }
        if (password.isEmpty()) {
            context.out << Tr::tr("Password: ");
            context.out.flush();
            password = readLine(false);
            context.out << '\n';
            if (password.isEmpty())
                return reportError(context, Tr::tr("Password Required"));
        }
    }

    // The check and the saving are the window's too (Engine::login): one code path.
    std::unique_ptr<core::Job> job(
        core::loginToRegistry(server, core::AuthConfig{username, password, {}}, nullptr, nullptr));
    job->waitForFinished();
    if (!job->succeeded())
        return reportError(context, job->error()->message);
    context.out << Tr::tr("Login Succeeded") << '\n';
    return 0;
}

int logout(Context &context, const Arguments &arguments)
{
    const QString server = arguments.positional.value(0);
    const QString host = server.isEmpty() ? QStringLiteral("docker.io") : core::registryHostFor(server);
    // Docker names Docker Hub by its index URL here, every other registry by its host.
    const QString shown = core::Credentials::isDockerHub(host) ? core::Credentials::serverKey(host) : host;
    context.out << Tr::tr("Removing login credentials for %1").arg(shown) << '\n';
    context.out.flush();
    auto erased = core::Credentials().erase(host);
    if (!erased) {
        context.err << Tr::tr("WARNING: could not erase credentials:") << '\n';
        context.err << shown << QStringLiteral(": ") << erased.error().message << '\n';
    }
    return 0;
}

} // namespace

void addLoginCommands(CommandLine &commandLine)
{
    commandLine.add(Command{
        QString(),
        QStringLiteral("login"),
        {},
        QStringLiteral("[OPTIONS] [SERVER]"),
        Tr::tr("Authenticate to a registry.\nDefaults to Docker Hub if no server is specified."),
        {
            {QStringLiteral("password"), QLatin1Char('p'), QStringLiteral("string"),
             Tr::tr("Password or Personal Access Token (PAT)")},
            {QStringLiteral("password-stdin"), QChar(), QString(),
             Tr::tr("Take the Password or Personal Access Token (PAT) from stdin")},
            {QStringLiteral("username"), QLatin1Char('u'), QStringLiteral("string"), Tr::tr("Username")},
        },
        0,
        1,
        login,
    });
    commandLine.add(Command{
        QString(),
        QStringLiteral("logout"),
        {},
        QStringLiteral("[SERVER]"),
        Tr::tr("Log out from a registry.\nIf no server is specified, the default is Docker Hub."),
        {},
        0,
        1,
        logout,
    });
}

} // namespace cli
