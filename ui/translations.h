#pragma once

#include <QLocale>
#include <QTranslator>

namespace ui {

// The window's languages for `locale`, installed for as long as this object lives: Plugdesk's own (from the
// resources) and Qt's (qtbase_<lang>.qm from Qt's translations folder: the standard buttons, the file dialog, the
// line edit's menu), so that Cancel and Close speak the same language as the rest.
class Translations final
{
public:
    explicit Translations(const QLocale &locale = QLocale());
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    bool hasPlugdesk() const { return m_plugdeskInstalled; }
    bool hasQt() const { return m_qtInstalled; }

private:
    QTranslator m_plugdesk;
    QTranslator m_qt;
    bool m_plugdeskInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace ui
