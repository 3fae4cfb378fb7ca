#include "core/runtime/runtimestatefile.h"

#include "core/base/atomicfile.h"
#include "core/runtime/runfile.h"

#include <QFile>
#include <QJsonDocument>

namespace core {

Result<PluginRuntimeState> RuntimeStateFile::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return PluginRuntimeState{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(path, file.errorString())};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, tr("%1 is not a JSON object: %2").arg(path, error.errorString())};
    return PluginRuntimeState::fromJson(document.object());
}

Status RuntimeStateFile::write(const QString &path, const PluginRuntimeState &state)
{
    // Under the run root, which a boot empties: atomic, not synced (the monitor writes it as the plugin starts).
    return writeRunFile(path, QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented), 0644);
}

} // namespace core
