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
std::string resolve(const std::string &child, const std::vector<std::string> &candidates);

} // namespace vds::vdisk::parentpath
