#pragma once

#include "core/archive/layerextractor.h"
#include "core/base/result.h"
#include "core/plugin/manifest.h"
#include "core/store/storelimits.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace core {

// What one install, upgrade or import may write into the store (StoreLimits): before anything is downloaded or
// copied, the layer sizes the manifest declares against the rootfs limit and, with the reserve, against the free
// space on the store's file system; then, layer after layer, what the layers unpack to, counted across all of them
// as libarchive extracts, and the free space again while they are written. Every refusal names the layer, and the
// free-space ones the folder. The staging that the caller holds rolls everything back.
// One per operation, used by the thread that extracts. Owns the count; does not own the extractors.
class UnpackBudget final
{
    Q_DECLARE_TR_FUNCTIONS(UnpackBudget)

public:
    // `folder` is the store's root: staging, blobs and rootfs all live on its file system.
    UnpackBudget(const StoreLimits &limits, const QString &folder);

    // The declared sizes of `layers` against the rootfs limit and the free space (plus the reserve).
    Status checkDeclared(const QList<Descriptor> &layers) const;

    // Options for extracting `layer` next: what is left of the rootfs limit, and a free-space check as it writes.
    LayerExtractor::Options optionsFor(const Descriptor &layer) const;
    // The same for a tar stream that is not a layer; `what` names it in messages ("the plugin folder /x").
    LayerExtractor::Options optionsFor(const QString &what) const;
    // Counts what `extractor` unpacked once its layer is done.
    void add(const LayerExtractor &extractor);

    // When `extractor` stopped at the rootfs limit: the error that says so, naming `layer`.
    std::optional<Error> limitError(const Descriptor &layer, const LayerExtractor &extractor, const Error &error) const;
    std::optional<Error> limitError(const QString &what, const LayerExtractor &extractor, const Error &error) const;

    qint64 used() const { return m_used; }

private:
    StoreLimits m_limits;
    QString m_folder;
    qint64 m_used = 0;
};

} // namespace core
