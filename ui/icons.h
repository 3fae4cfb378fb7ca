#pragma once

#include <QIcon>
#include <QString>

namespace ui {

// The theme's icon `themeName` when the desktop has one, else the bundled :/icons/<fallback>.svg, so the window
// looks the same on a bare system (and on the offscreen platform) as on a themed desktop.
QIcon themeIcon(const QString &themeName, const QString &fallback);

} // namespace ui
