#pragma once

#include "core/base/result.h"

#include <QJsonValue>
#include <QString>

namespace cli {

// The small part of Go's text/template that Docker's --format strings use: text with actions `{{.}}`,
// `{{.Field.Sub}}` and `{{json .Field}}`; `\t` and `\n` in the format become a tab and a newline, as Docker's
// formatter does. Anything else is refused with a message naming the action, never printed half-done.
class GoTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(GoTemplate)

public:
    static core::Result<GoTemplate> parse(const QString &format);
    core::Result<QString> render(const QJsonValue &data) const;
    // The field names used by `{{.Name}}` actions, in order (for table headers).
    QStringList fields() const;

private:
    struct Piece
    {
        bool action = false;
        QString text;      // literal text, or the action source for messages
        QStringList path;  // field path of the action; empty means "."
        bool json = false; // {{json ...}}
    };
    QList<Piece> m_pieces;
};

} // namespace cli
