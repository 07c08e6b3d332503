#include "diskstripes.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "transfer.h"

namespace vds::sqlsim {

namespace {

/// errno as SQL Server on Linux words an operating system error: the Windows code and text.
std::string osError(int err, bool reading)
{
    switch (err) {
    case ENOENT:
        return reading ? "2(The system cannot find the file specified.)"
                       : "3(The system cannot find the path specified.)";
    case ENOTDIR: return "3(The system cannot find the path specified.)";
    case EACCES:
    case EPERM:
    case EROFS: return "5(Access is denied.)";
    case ENOSPC: return "112(There is not enough space on the disk.)";
    case EISDIR: return "5(Access is denied.)";
    default: return std::to_string(err) + "(" + std::strerror(err) + ")";
    }
}

class FileStripeDevice final : public StripeDevice {
public:
    FileStripeDevice(std::string name, int fd, std::uint32_t maxTransfer, TransferState &state)
        : m_name(std::move(name)), m_fd(fd), m_buffer(maxTransfer), m_state(state)
    {}
    ~FileStripeDevice() override { close(); }

    const std::string &name() const override { return m_name; }

    bool write(std::span<const std::uint8_t> bytes) override
    {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                const int err = n < 0 ? errno : ENOSPC;
                m_state.fail(
                    {3202, 1, 16, "Write on \"" + m_name + "\" failed: " + osError(err, false), 1});
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        m_state.bytesDone += bytes.size();
        return true;
    }

    bool finish() override
    {
        if (::fsync(m_fd) != 0) {
            m_state.fail(
                {3202, 1, 16, "Write on \"" + m_name + "\" failed: " + osError(errno, false), 1});
            return false;
        }
        return true;
    }

    std::optional<Chunk> read() override
    {
        for (;;) {
            const ssize_t n = ::read(m_fd, m_buffer.data(), m_buffer.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                m_state.fail(
                    {3203, 1, 16, "Read on \"" + m_name + "\" failed: " + osError(errno, true), 1});
                return std::nullopt;
            }
            m_state.bytesDone += static_cast<std::uint64_t>(n);
            return Chunk{std::span(m_buffer.data(), static_cast<std::size_t>(n)), n == 0};
        }
    }

    void close() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    std::string m_name;
    int m_fd;
    std::vector<std::uint8_t> m_buffer;
    TransferState &m_state;
};

class FileStripeSet final : public StripeSet {
public:
    ~FileStripeSet() override { close(); }
    void signalAbort() override {} // device threads stop at the next transfer (state.stop)
    void close() override
    {
        for (auto &d : devices)
            d->close();
        // A backup that did not commit leaves nothing behind.
        for (const auto &[partial, target] : m_renames) {
            std::error_code ec;
            std::filesystem::remove(partial, ec);
        }
        m_renames.clear();
    }
    bool commit() override
    {
        for (auto &d : devices)
            d->close();
        for (const auto &[partial, target] : m_renames) {
            std::error_code ec;
            std::filesystem::rename(partial, target, ec);
            if (ec)
                return false;
            const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
            if (dir >= 0) {
                ::fsync(dir); // the rename itself must survive a crash
                ::close(dir);
            }
        }
        m_renames.clear();
        return true;
    }
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> m_renames;
};

} // namespace

SimResult<std::unique_ptr<StripeSet>> openDiskFiles(const SimOptions &options,
                                                    const BackupStatement &s, bool backup,
                                                    TransferState &state)
{
    auto set = std::make_unique<FileStripeSet>();
    set->blockSize = s.blockSize ? s.blockSize : 512;
    set->maxTransfer = s.maxTransferSize ? s.maxTransferSize : 64 * 1024;
    std::vector<std::filesystem::path> seen;
    for (const std::string &name : s.devices) {
        std::filesystem::path path(name);
        if (path.is_relative())
            path = options.dataDir / path;
        path = path.lexically_normal();
        if (std::find(seen.begin(), seen.end(), path) != seen.end())
            return sqlError(3209, "Cannot open backup device '" + name +
                                      "': the file is named twice in the media set.");
        seen.push_back(path);
        int fd = -1;
        if (backup) {
            const auto partial =
                path.parent_path() / ("." + path.filename().string() + ".sqlsim-partial");
            std::error_code ec;
            if (std::filesystem::is_directory(path, ec))
                errno = EISDIR;
            else
                fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
            if (fd >= 0)
                set->m_renames.emplace_back(partial, path);
        } else {
            fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            struct stat st {};
            if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
                ::close(fd);
                fd = -1;
                errno = EISDIR;
            }
        }
        if (fd < 0)
            return sqlError(3201, "Cannot open backup device '" + name +
                                      "'. Operating system error " + osError(errno, !backup) + ".");
        set->devices.push_back(
            std::make_unique<FileStripeDevice>(name, fd, set->maxTransfer, state));
    }
    return std::unique_ptr<StripeSet>(std::move(set));
}

} // namespace vds::sqlsim
