#include "gotemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

using core::Error;
using core::ErrorCode;

core::Result<GoTemplate> GoTemplate::parse(const QString &format)
{
    QString source = format;
    source.replace(QStringLiteral("\\t"), QStringLiteral("\t")).replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    GoTemplate result;
    qsizetype position = 0;
    while (position < source.size()) {
        const qsizetype open = source.indexOf(QStringLiteral("{{"), position);
        if (open < 0) {
            result.m_pieces.append({false, source.mid(position), {}, false});
            break;
        }
        if (open > position)
            result.m_pieces.append({false, source.mid(position, open - position), {}, false});
        const qsizetype close = source.indexOf(QStringLiteral("}}"), open + 2);
        if (close < 0)
            return Error{ErrorCode::InvalidArgument,
                         tr("template parsing error: unclosed action in \"%1\"").arg(format)};
        const QString action = source.mid(open + 2, close - open - 2).trimmed();
        Piece piece{true, action, {}, false};
        QString expression = action;
        if (expression.startsWith(QStringLiteral("json "))) {
            piece.json = true;
            expression = expression.mid(5).trimmed();
        }
        if (!expression.startsWith(QLatin1Char('.')) || expression.contains(QLatin1Char(' ')))
            return Error{ErrorCode::InvalidArgument,
                         tr("template: unsupported action {{%1}}: use {{.Field}} or {{json .Field}}").arg(action)};
        if (expression != QLatin1String(".")) {
            piece.path = expression.mid(1).split(QLatin1Char('.'));
            if (piece.path.contains(QString()))
                return Error{ErrorCode::InvalidArgument, tr("template: bad field path in {{%1}}").arg(action)};
        }
        result.m_pieces.append(piece);
        position = close + 2;
    }
    return result;
}

QStringList GoTemplate::fields() const
{
    QStringList names;
    for (const Piece &piece : m_pieces) {
        if (piece.action)
            names.append(piece.path.isEmpty() ? QString() : piece.path.join(QLatin1Char('.')));
    }
    return names;
}

core::Result<QString> GoTemplate::render(const QJsonValue &data) const
{
    QString out;
    for (const Piece &piece : m_pieces) {
        if (!piece.action) {
            out += piece.text;
            continue;
        }
        QJsonValue value = data;
        for (const QString &field : piece.path) {
            if (!value.isObject() || !value.toObject().contains(field))
                return Error{ErrorCode::InvalidArgument,
                             tr("template: executing {{%1}}: can't evaluate field %2").arg(piece.text, field)};
            value = value.toObject().value(field);
        }
        if (piece.json || value.isObject() || value.isArray()) {
            if (value.isObject())
                out += QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isArray())
                out += QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            else {
                // A scalar as JSON: wrap it in an array and strip the brackets.
                const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
                out += QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
            }
            continue;
        }
        switch (value.type()) {
        case QJsonValue::Bool:
            out += value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        case QJsonValue::Double: {
            const double number = value.toDouble();
            out += number == static_cast<double>(static_cast<qint64>(number))
                       ? QString::number(static_cast<qint64>(number))
                       : QString::number(number);
            break;
        }
        case QJsonValue::Null:
            out += QStringLiteral("<nil>");
            break;
        default:
            out += value.toString();
        }
    }
    return out;
}

} // namespace cli
