#pragma once

#include <string>
#include <vector>

/// How differencing disks name their parent: a relative path with Windows separators (what
/// Windows resolves first) and an absolute one. Helpers shared by the VHD and VHDX code.
namespace vds::vdisk::parentpath {

/// Absolute, lexically normal form of `path` (relative paths against the working directory).
std::string absolute(const std::string &path);
/// `parent` relative to the directory of `child`, Windows separators: ".\base.vhdx",
/// "..\images\base.vhdx".
std::string relativeWindows(const std::string &child, const std::string &parent);
/// The first candidate that names an existing file: relative ones ('\' or '/' separators) are
/// taken against the child's directory. Empty when none exists.
/// Windows' order: each candidate as stored (a relative one against the child's folder), then
/// each candidate's file name next to the child (a chain copied off a share keeps its names,
/// not its folders). Drive-letter and `\\?\` forms cannot name a file here and only
/// contribute their file name. `tried`, when given, receives every path looked at.
std::string resolve(const std::string &child, const std::vector<std::string> &candidates,
                    std::vector<std::string> *tried = nullptr);
/// A MacX locator's `file://host/path` URL (UTF-8, percent-encoded) as a path.
std::string fromFileUrl(const std::string &url);
/// "a', 'b', 'c" for messages listing the paths tried.
std::string joinTried(const std::vector<std::string> &tried);

} // namespace vds::vdisk::parentpath
