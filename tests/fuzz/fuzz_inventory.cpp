// The inventory reader: the input is written as <tmp>/plugins/plugins.json and read through Store::load(), the path
// every start of the engine takes. A plugin that loads must also save and load again (save() is what the engine
// writes after each change).
#include "core/store/store.h"
#include "fuzz/fuzzcommon.h"

#include <QFile>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString root = fuzz::scratch() + QStringLiteral("/store");
    QDir(root).removeRecursively();
    if (!QDir().mkpath(root + QStringLiteral("/plugins")))
        fuzz::fail("cannot make", root);
    {
        QFile file(root + QStringLiteral("/plugins/plugins.json"));
        if (!file.open(QIODevice::WriteOnly) || file.write(fuzz::bytes(data, size)) != qint64(size))
            fuzz::fail("cannot write", file.fileName());
    }
    const core::Store store(root);
    const auto inventory = store.load();
    if (inventory && !inventory->plugins.isEmpty()) {
        for (const core::Plugin &plugin : inventory->plugins) {
            (void)core::Store::find(inventory->plugins, plugin.id);
            (void)core::Store::find(inventory->plugins, plugin.repository);
        }
        const core::Store copy(fuzz::scratch() + QStringLiteral("/copy"));
        QDir(copy.root()).removeRecursively();
        if (auto saved = copy.save(inventory->plugins); !saved)
            fuzz::fail("plugins that loaded do not save:", saved.error().message);
        const auto reloaded = copy.load();
        if (!reloaded)
            fuzz::fail("a saved inventory does not load:", reloaded.error().message);
        if (reloaded->plugins.size() != inventory->plugins.size())
            fuzz::fail("a saved inventory loses plugins:",
                       reloaded->problems.isEmpty() ? QString() : reloaded->problems.first().message);
        QDir(copy.root()).removeRecursively();
    }
    QDir(root).removeRecursively();
    return 0;
}
