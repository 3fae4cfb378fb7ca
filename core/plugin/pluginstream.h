#pragma once

#include "core/plugin/plugin.h"

#include <QDataStream>
#include <QList>

namespace core {

// A Plugin, every field of it, in QDataStream's binary form: for what one Plugdesk process hands another of the same
// build (the helper's compact snapshot, SnapshotCodec) or keeps for itself (Store's load cache), where JSON would be
// built and parsed for thousands of plugins. Not a file format for people, nor stable across versions: the callers
// put a magic and a format number in front (kFormat changes whenever a field is added or changes meaning). Reading
// leaves the stream's status bad on input that is short or not of this form (a list's count larger than what
// follows, an unknown config version); the caller checks it. Owns nothing.
class PluginStream final
{
public:
    static constexpr quint32 kFormat = 1;
    static constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_4;

    static void write(QDataStream &out, const Plugin &plugin);
    static void read(QDataStream &in, Plugin &plugin);
    static void writeList(QDataStream &out, const QList<Plugin> &plugins);
    static void readList(QDataStream &in, QList<Plugin> &plugins);
};

} // namespace core
