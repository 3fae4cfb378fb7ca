#pragma once

// A D-Bus client for the security tests that passes file descriptors, which neither dbus-send nor busctl does: the
// test program runs itself again as nobody with --sec-call (its main hands that to secCall), makes one call to the
// helper and prints the outcome. A call that answers with a job path is followed to the job's end.
#include "common/securityenv.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QThread>
#include <cstdio>
#include <fcntl.h>

namespace testutil {

// A call made by this very program, run again as nobody with --sec-call (see main below), because neither
// dbus-send nor busctl passes file descriptors. Arguments: "s:TEXT", "b:true", "as:" (an empty list), "a{sv}:" (no
// options), "h:PATH"
// (PATH opened for reading, by nobody, and passed as a descriptor).
inline CommandRun callAsNobody(SecurityEnv &env, const QString &member, const QStringList &arguments)
{
    return env.runAs(true, env.reachable(QCoreApplication::applicationFilePath()),
                     QStringList{QStringLiteral("--sec-call"), env.busAddress(), member} + arguments);
}

// The --sec-call side: one method call to the helper, its error on stderr (name: message) and exit status 1.
inline int secCall(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 4)
        return 2;
    QDBusConnection bus = QDBusConnection::connectToBus(arguments.at(2), QStringLiteral("sec-call"));
    QDBusMessage call =
        QDBusMessage::createMethodCall(QStringLiteral("org.plugdesk.Helper1"), QStringLiteral("/org/plugdesk/Helper1"),
                                       QStringLiteral("org.plugdesk.Helper1"), arguments.at(3));
    QVariantList values;
    for (const QString &argument : arguments.mid(4)) {
        const QString value = argument.mid(argument.indexOf(QLatin1Char(':')) + 1);
        if (argument.startsWith(QLatin1String("s:"))) {
            values.append(value);
        } else if (argument.startsWith(QLatin1String("b:"))) {
            values.append(value == QLatin1String("true"));
        } else if (argument.startsWith(QLatin1String("as:"))) {
            values.append(QStringList());
        } else if (argument.startsWith(QLatin1String("a{sv}:"))) {
            values.append(QVariantMap()); // the options every method ends with, none given

        } else if (argument.startsWith(QLatin1String("h:"))) {
            const int fd = ::open(QFile::encodeName(value).constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                std::fprintf(stderr, "cannot open %s\n", qPrintable(value));
                return 3;
            }
            values.append(QVariant::fromValue(QDBusUnixFileDescriptor(fd)));
        }
    }
    call.setArguments(values);
    const QDBusMessage reply = bus.call(call, QDBus::Block, 60000);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(reply.errorName()), qPrintable(reply.errorMessage()));
        return 1;
    }
    const QVariant first = reply.arguments().value(0);
    if (first.canConvert<QDBusObjectPath>() && first.userType() == qMetaTypeId<QDBusObjectPath>()) {
        // A job: followed to its end (this connection started it, so it may read it), its outcome printed.
        const QString path = first.value<QDBusObjectPath>().path();
        for (int waited = 0; waited < 120000; waited += 200) {
            QDBusMessage getAll = QDBusMessage::createMethodCall(QStringLiteral("org.plugdesk.Helper1"), path,
                                                                 QStringLiteral("org.freedesktop.DBus.Properties"),
                                                                 QStringLiteral("GetAll"));
            getAll << QStringLiteral("org.plugdesk.Helper1.Job");
            const QDBusMessage properties = bus.call(getAll, QDBus::Block, 30000);
            const QVariantMap map = qdbus_cast<QVariantMap>(properties.arguments().value(0));
            if (map.value(QStringLiteral("Finished")).toBool()) {
                std::printf("job %s success=%d code=%s message=%s\n", qPrintable(path),
                            int(map.value(QStringLiteral("Success")).toBool()),
                            qPrintable(map.value(QStringLiteral("ErrorCode")).toString()),
                            qPrintable(map.value(QStringLiteral("ErrorMessage")).toString()));
                return map.value(QStringLiteral("Success")).toBool() ? 0 : 4;
            }
            QThread::msleep(200);
        }
        std::fprintf(stderr, "job %s did not finish\n", qPrintable(path));
        return 5;
    }
    for (const QVariant &value : reply.arguments())
        std::printf("%s\n", qPrintable(value.toString()));
    return 0;
}

} // namespace testutil
