#pragma once

#include "ui/volumelistmodel.h"

#include <QTextBrowser>

namespace ui {

// The Volumes page's details pane: what is known of one volume (mountpoints, options, whether it is in use) or of
// one volume driver (its plugin, scope, state, why its volumes are not listed). Shows what it is given; holds no
// model and asks the engine nothing.
class VolumeDetailsView final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit VolumeDetailsView(QWidget *parent = nullptr);

    void showVolume(const core::Volume &volume);
    // `volumeCount`: how many of its volumes are listed.
    void showDriver(const VolumeListModel::Driver &driver, int volumeCount);
    // Nothing selected: says what selecting shows.
    void showNothing();
};

} // namespace ui
