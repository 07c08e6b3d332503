#include <vds/vdisk/parentpath.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace vds::vdisk::parentpath {

std::string absolute(const std::string &path)
{
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(path), ec);
    if (ec)
        p = fs::path(path);
    return p.lexically_normal().string();
}

std::string relativeWindows(const std::string &child, const std::string &parent)
{
    const fs::path childDir = fs::path(absolute(child)).parent_path();
    fs::path rel = fs::path(absolute(parent)).lexically_relative(childDir);
    std::string s = rel.string();
    if (s.empty())
        s = fs::path(parent).filename().string();
    std::replace(s.begin(), s.end(), '/', '\\');
    if (s.rfind("..", 0) != 0)
        s = ".\\" + s;
    return s;
}

std::string resolve(const std::string &child, const std::vector<std::string> &candidates)
{
    const fs::path childDir = fs::path(absolute(child)).parent_path();
    for (std::string c : candidates) {
        if (c.empty())
            continue;
        // Windows' long-path prefix and drive letters cannot name a file here; skip them.
        if (c.rfind("\\\\?\\", 0) == 0 || (c.size() > 1 && c[1] == ':'))
            continue;
        std::replace(c.begin(), c.end(), '\\', '/');
        fs::path p(c);
        if (p.is_relative())
            p = childDir / p;
        std::error_code ec;
        if (fs::is_regular_file(p, ec) || fs::is_block_file(p, ec))
            return p.lexically_normal().string();
    }
    return {};
}

} // namespace vds::vdisk::parentpath
