#pragma once

#include "core/engine/engine.h"
#include "core/store/store.h"

#include <QObject>
#include <memory>

namespace core {

class RegistryClient;
struct InstallState;

// `plugin install` and `plugin upgrade` from a registry (docs/docker-compat.md §1.4, §1.5, §5.5, §7.2, §9),
// in two halves:
//  - on the thread that made it (the engine's), the registry traffic through RegistryClient's callbacks: manifest,
//    config, the privileges check, then up to three layer downloads at once into files under <root>/tmp;
//  - on a worker thread (work()), everything that blocks: extracting each layer strictly in order from its file
//    while it is still downloading (LayerExtractor::feed, which inflates on this thread while its own thread writes
//    the tar's entries), then the store side that import shares (PluginStaging: the store lock and staging folder,
//    adopting the blobs, the commit, the install-time enable).
// On any failure or cancel, transfers stop, the staging folder and new blobs go, and the store is as it was.
// Owns the transfers and the shared state of one install; does not own the job, the client or the thread.
class PluginInstaller final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString reference;
        Privileges accepted;
        InstallOptions options; // install only
        QString upgrade;        // non-empty: upgrade this plugin (name or id) instead of installing
        QString runRoot;        // for the install-time enable
    };

    // A child of `job`, on the job's thread; `client` must outlive it.
    PluginInstaller(RegistryClient *client, const Store &store, Request request, Job *job);
    ~PluginInstaller() override;

    // What can be refused at once, before any transfer: the reference, the alias, a name already taken, the plugin
    // to upgrade missing or enabled. Then starts the manifest fetch. An error means nothing was started.
    Status start();

    // The worker thread's half; returns the job's result (the local name). Safe if the installer is deleted
    // meanwhile (that counts as a cancel).
    static Result<QString> work(const std::shared_ptr<InstallState> &state, Job *job);
    std::shared_ptr<InstallState> state() const { return m_state; }
    // The plugin's local name (the new name, or the upgraded plugin's), known once start() succeeded.
    QString localName() const;

private:
    void fetchConfig();
    void fail(const Error &error);
    void startDownloads();
    void startNext();
    void startLayer(int index);
    // Stops every transfer, then tells the worker no more bytes will come.
    void stopTransfers();

    RegistryClient *m_client;
    Job *m_job;
    std::shared_ptr<InstallState> m_state;
    QObject *m_transfers = nullptr; // context of every transfer; deleting it aborts them
    int m_next = 0;
    int m_active = 0;
};

// The settings an upgraded plugin keeps (docs/docker-compat.md §9): the new config's initial settings, with every env
// value, mount source, device path and the args that the old settings held for a name the new config still declares.
Settings carrySettings(const Settings &old, const PluginConfig &oldConfig, const PluginConfig &newConfig);

} // namespace core
