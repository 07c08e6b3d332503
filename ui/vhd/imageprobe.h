#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include <vds/util/error.h>
#include <vds/vdisk/imageinfo.h>

namespace vds::ui {

/// What reading an image's headers found: the image's description, or why it cannot be read.
struct ImageProbe {
    std::optional<vdisk::ImageInfo> info;
    std::optional<Error> error; ///< why not; the page words it (ui/jobs/errortext.h)
};

/// Reads the headers of the image at `path` (its parents not followed) on a worker thread —
/// a file on a stalled network share or a sick disk must not freeze the window — and calls
/// `done` on the GUI thread, unless `receiver` is gone by then. Call from the GUI thread.
void probeImageAsync(QObject *receiver, const QString &path,
                     std::function<void(const ImageProbe &)> done);

} // namespace vds::ui
