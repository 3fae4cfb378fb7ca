#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace core::json {

// Go's encoding/json matches object keys case-insensitively when no exact match exists; configs written for
// Docker rely on it ("propagatedMount", "PropagatedMount", "propagatedmount"). Returns Undefined when absent.
inline QJsonValue valueCI(const QJsonObject &object, QStringView key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return exact.value();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace core::json
