#pragma once

#include <QString>

namespace vds::info {

/// The files of our own a user may open from a file manager (`vdstudio FILE`).
enum class FileKind {
    Unknown,  ///< not one of ours (by its name)
    Profile,  ///< one saved job, `*.vdsprofile`
    Bundle,   ///< several profiles in one file, `*.vdsbundle`
    Manifest, ///< a backup's manifest, `*.manifest.json`
};

/// Tells a file's kind from its name, the way the installed MIME types do
/// (resources/vdstudio-mime.xml: the same suffixes, case-insensitive). Pure; any thread.
[[nodiscard]] FileKind fileKind(const QString &path);

/// The MIME type the desktop knows each kind by ("application/x-vdstudio-profile", …); empty
/// for Unknown. The .desktop file's MimeType line and the MIME XML use these names.
[[nodiscard]] QString mimeTypeName(FileKind kind);

} // namespace vds::info
