#pragma once

#include <QHash>
#include <QString>
#include <QTranslator>
#include <memory>
#include <optional>

namespace core {

// The language of the call being served. plugdesk-helper serves desktop users whose languages differ from
// root's: each call carries its caller's locale (CallContext, core/helper/helpermethods.h), the dispatch sets it
// for the thread that serves the call (Scope), and work that goes on elsewhere for that call takes it along
// (capture the current() value, open a Scope there: LocalEngine's job threads do). LocaleTranslator, installed
// once in the helper, makes every tr() answer in it.
class CallLocale final
{
public:
    // The locale of the call served on this thread ("de_DE"); empty when none (the process's own).
    static QString current();
    // Whether a call's locale is set on this thread (an empty one means "untranslated", not "the process's").
    static bool isSet();

    class Scope final
    {
    public:
        explicit Scope(const std::optional<QString> &locale);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        std::optional<QString> m_previous;
    };

    // What current()/isSet() say, as one value to carry to another thread.
    static std::optional<QString> capture();

    // Whether `name` looks like a locale name ("de", "de_DE", "pt-BR", "sr_RS@latin"): letters, digits, "_", "-",
    // "@", ".", at most 32 characters. Anything else is refused before it reaches QLocale.
    static bool isValidName(const QString &name);
};

// A translator that answers in the locale of the call served on this thread (CallLocale), from the translations
// compiled into the binary (:/i18n/<domain>_<language>.qm), and otherwise in the process's own locale. Every
// translation is loaded when it is made: translate() runs under QCoreApplication's lock on translators, so it must
// never make or destroy a QTranslator (whose destructor takes that lock).
class LocaleTranslator final : public QTranslator
{
public:
    explicit LocaleTranslator(const QString &domain, QObject *parent = nullptr);
    ~LocaleTranslator() override;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // The translation for a locale name ("de_DE" → the "de_DE" one, else the "de" one); null when none.
    const QTranslator *forLocale(const QString &locale) const;

private:
    QHash<QString, QTranslator *> m_byName; // "de" -> its translation (children of this object)
    const QTranslator *m_default = nullptr;
};

} // namespace core
