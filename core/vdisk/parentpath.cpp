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

std::string resolve(const std::string &child, const std::vector<std::string> &candidates,
                    std::vector<std::string> *tried)
{
    const fs::path childDir = fs::path(absolute(child)).parent_path();
    std::vector<std::string> paths, names;
    for (std::string c : candidates) {
        if (c.empty())
            continue;
        const bool windowsOnly = c.rfind("\\\\?\\", 0) == 0 || (c.size() > 1 && c[1] == ':');
        std::replace(c.begin(), c.end(), '\\', '/');
        fs::path p(c);
        if (!windowsOnly)
            paths.push_back((p.is_relative() ? childDir / p : p).lexically_normal().string());
        if (p.has_filename())
            names.push_back((childDir / p.filename()).string());
    }
    paths.insert(paths.end(), names.begin(), names.end());
    std::vector<std::string> seen;
    for (const std::string &p : paths) {
        if (std::find(seen.begin(), seen.end(), p) != seen.end())
            continue;
        seen.push_back(p);
        std::error_code ec;
        if (fs::is_regular_file(p, ec) || fs::is_block_file(p, ec)) {
            if (tried)
                *tried = seen;
            return p;
        }
    }
    if (tried)
        *tried = seen;
    return {};
}

std::string fromFileUrl(const std::string &url)
{
    std::string s = url;
    if (s.rfind("file://", 0) == 0) {
        s = s.substr(7);
        const auto slash = s.find('/');
        s = slash == std::string::npos ? std::string() : s.substr(slash); // drop the host
    }
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto hex = [](char c) {
            return c >= '0' && c <= '9'   ? c - '0'
                   : c >= 'a' && c <= 'f' ? c - 'a' + 10
                   : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
        };
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::string joinTried(const std::vector<std::string> &tried)
{
    std::string s;
    for (const std::string &t : tried)
        s += (s.empty() ? "'" : ", '") + t + "'";
    return s.empty() ? "(no locator names a path)" : s;
}

} // namespace vds::vdisk::parentpath
