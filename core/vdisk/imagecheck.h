#pragma once

#include <atomic>
#include <string>

#include <vds/util/error.h>
#include <vds/vdisk/createvirtualdisk.h>
#include <vds/vdisk/imageinfo.h>
#include <vds/vdisk/openimage.h>

namespace vds::vdisk {

/// What `vhd info` shows: the structure is validated; a differencing disk's parent is followed
/// when it can be found and is the one the child recorded (parentPath stays empty otherwise, and
/// a warning says why: every path tried, or both modification times of a VHD parent).
Expected<ImageInfo> inspectImage(const std::string &path, const OpenOptions &options = {});

/// Full check: opens the image with its parent chain (every structure validated), reads every
/// byte of the virtual disk, and with `against` compares it with that image/device/raw file.
/// Blocking, caller's thread; cancel checked per buffer.
Expected<ImageInfo> verifyImage(const std::string &path, const std::string &against,
                                ProgressSink *progress, const std::atomic_bool &cancel,
                                const OpenOptions &options = {});

} // namespace vds::vdisk
