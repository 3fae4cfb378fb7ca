#include "ui/icons.h"

namespace ui {

QIcon themeIcon(const QString &themeName, const QString &fallback)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/%1.svg").arg(fallback)));
}

} // namespace ui
