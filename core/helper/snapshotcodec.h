#pragma once

#include "core/helper/helperprotocol.h"

#include <QByteArray>
#include <QCoreApplication>

namespace core {

// The Snapshot in a compact binary form, for the CompactSnapshot method (D-Bus `ay`): what a window reads first,
// with 2,000 plugins, without building, printing and parsing a JSON tree of each on both sides. Every field of
// Plugin, PluginRuntimeState and VolumeDriverInfo travels (the same values as the JSON Snapshot, which stays for other
// clients); a Plugin from a Docker Engine keeps its raw object as JSON text. Versioned by a magic and a format
// number, written with QDataStream at a fixed version; anything short, long or of another format is an Internal error
// naming what did not decode. Owns no state.
class SnapshotCodec final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotCodec)

public:
    // `revealSecrets` false: each plugin's secret-looking settings env values are replaced as Secrets does in JSON.
    static QByteArray encode(const HelperSnapshot &snapshot, bool revealSecrets);
    static Result<HelperSnapshot> decode(const QByteArray &data);
};

} // namespace core
