#include "ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace ui {

Translations::Translations(const QLocale &locale)
{
    if (m_plugdesk.load(locale, QStringLiteral("plugdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        m_plugdeskInstalled = QCoreApplication::installTranslator(&m_plugdesk);
    // Only where Plugdesk speaks the language too: a German Cancel in an English window would be odd.
    if (m_plugdeskInstalled && m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
}

Translations::~Translations()
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_plugdeskInstalled)
        QCoreApplication::removeTranslator(&m_plugdesk);
}

} // namespace ui
