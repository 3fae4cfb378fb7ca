#include "core/registry/platform.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace core {

QString Platform::machineOs()
{
    return QSysInfo::kernelType() == QLatin1String("linux") ? QStringLiteral("linux") : QSysInfo::kernelType();
}

QString Platform::machineArchitecture()
{
    QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (cpu == QLatin1String("i386"))
        return QStringLiteral("386");
    if (cpu == QLatin1String("power64"))
        return QStringLiteral("ppc64le");
    return cpu; // arm64, arm, riscv64, s390x, mips64 are already the OCI names
}

QString Platform::machineVariant()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("arm64"))
        return QStringLiteral("v8");
    if (cpu == QLatin1String("arm"))
        return QStringLiteral("v7");
    return {};
}

QString Platform::describe(const Descriptor &entry)
{
    return QStringList{entry.os, entry.architecture, entry.variant}
        .filter(QRegularExpression(QStringLiteral(".")))
        .join(QLatin1Char('/'));
}

} // namespace core
