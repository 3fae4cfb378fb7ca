#include "core/base/calllocale.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>

namespace core {

namespace {

thread_local std::optional<QString> t_locale;

} // namespace

QString CallLocale::current()
{
    return t_locale.value_or(QString());
}

bool CallLocale::isSet()
{
    return t_locale.has_value();
}

std::optional<QString> CallLocale::capture()
{
    return t_locale;
}

CallLocale::Scope::Scope(const std::optional<QString> &locale)
    : m_previous(t_locale)
{
    t_locale = locale;
}

CallLocale::Scope::~Scope()
{
    t_locale = m_previous;
}

bool CallLocale::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z]{1,8}([_.@-][A-Za-z0-9]{1,8})*$"));
    return name.size() <= 32 && pattern.match(name).hasMatch();
}

LocaleTranslator::LocaleTranslator(const QString &domain, QObject *parent)
    : QTranslator(parent)
{
    const QString prefix = domain + QLatin1Char('_');
    const QDir folder(QStringLiteral(":/i18n"));
    for (const QString &file : folder.entryList({prefix + QStringLiteral("*.qm")}, QDir::Files)) {
        auto *translator = new QTranslator(this);
        if (!translator->load(folder.filePath(file))) {
            delete translator;
            continue;
        }
        m_byName.insert(file.mid(prefix.size()).chopped(3), translator); // "plugdesk_de.qm" -> "de"
    }
    m_default = forLocale(QLocale().name());
}

LocaleTranslator::~LocaleTranslator() = default;

const QTranslator *LocaleTranslator::forLocale(const QString &locale) const
{
    if (const QTranslator *exact = m_byName.value(locale))
        return exact;
    static const QRegularExpression separator(QStringLiteral("[_.@-]"));
    return m_byName.value(locale.section(separator, 0, 0));
}

QString LocaleTranslator::translate(const char *context, const char *sourceText, const char *disambiguation,
                                    int n) const
{
    const QTranslator *translator = CallLocale::isSet() ? forLocale(CallLocale::current()) : m_default;
    return translator ? translator->translate(context, sourceText, disambiguation, n) : QString();
}

} // namespace core
