#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <vds/util/error.h>
#include <vds/util/writeback.h>

namespace vds::vdisk {

/// Owns one POSIX file descriptor and closes it. Move-only; any thread.
class FileHandle final {
public:
    FileHandle() = default;
    explicit FileHandle(int fd) noexcept : m_fd(fd) {}
    FileHandle(FileHandle &&other) noexcept : m_fd(other.release()) {}
    FileHandle &operator=(FileHandle &&other) noexcept;
    FileHandle(const FileHandle &) = delete;
    FileHandle &operator=(const FileHandle &) = delete;
    ~FileHandle();

    [[nodiscard]] int fd() const noexcept { return m_fd; }
    [[nodiscard]] bool isOpen() const noexcept { return m_fd >= 0; }
    int release() noexcept;
    void reset(int fd = -1) noexcept;

private:
    int m_fd = -1;
};

/// pread that loops until `size` bytes are in; a short file is an Io error naming `context`.
Expected<void> preadFull(int fd, void *buffer, std::size_t size, std::uint64_t offset,
                         const std::string &context);
/// pwrite that loops until everything is out (ENOSPC becomes a DiskFull error).
Expected<void> pwriteFull(int fd, const void *buffer, std::size_t size, std::uint64_t offset,
                          const std::string &context);
/// pwriteFull of the 4 KiB pages of `buffer` that are not all zeros, for a region of a new file
/// that was never written (it reads as zeros already): metadata regions (BAT, VHDX metadata,
/// region tables) then take the space of what they hold, not of their length.
Expected<void> pwriteNonZero(int fd, const void *buffer, std::size_t size, std::uint64_t offset,
                             const std::string &context);
/// Makes [offset, offset+length) of a file read as zeros, cheapest first: FALLOC_FL_ZERO_RANGE
/// (the space stays allocated), then — unless `keepAllocated` — PUNCH_HOLE|KEEP_SIZE, else by
/// writing zeros (filesystems without either, e.g. some network ones).
Expected<void> zeroRange(int fd, std::uint64_t offset, std::uint64_t length, bool keepAllocated,
                         const std::string &context);
/// Size of a regular file or a block device.
Expected<std::uint64_t> fileSize(int fd, const std::string &context);

/// Refuses a source that is neither a regular file nor a block device (FIFO, socket, terminal
/// or other character device, directory): such things stream or block and have no size.
/// `mode` is st_mode. InvalidArgument naming what the path is.
Expected<void> checkSourceKind(unsigned mode, const std::string &name);
/// Opens an image or device read-only without ever blocking: stat first (a FIFO or socket is
/// refused before any open), then O_NONBLOCK, then fstat again (the path may have changed in
/// between). The descriptor is switched back to blocking reads.
Expected<FileHandle> openSource(const std::string &path);

/// The file a new image is written into until it is complete, then given its name. Where the
/// filesystem allows it the file has no name at all while it is written (O_TMPFILE) and gets
/// one with linkat: a run that is killed leaves nothing behind. Elsewhere (FAT, NFS, ...) it is
/// `.NAME~XXXXXXXX.vds-partial` (NAME shortened so the whole stays within 255 bytes), locked
/// with flock while it is written; a later run for the same target removes such files whose
/// lock is free (their writer died). Destruction without publish() removes the file.
/// Move-only; one thread.
class NewFile final {
public:
    /// Creates the file beside `path` (which must not exist) with `mode` (umask applies).
    static Expected<NewFile> create(const std::string &path, unsigned mode);
    NewFile(NewFile &&other) noexcept;
    NewFile &operator=(NewFile &&) = delete;
    NewFile(const NewFile &) = delete;
    NewFile &operator=(const NewFile &) = delete;
    ~NewFile();

    [[nodiscard]] int fd() const noexcept { return m_fd.fd(); }
    /// A path that opens the file being written, for reading it back before it is published.
    [[nodiscard]] std::string readPath() const;
    /// For messages: the temporary name, or "PATH (unnamed)".
    [[nodiscard]] std::string displayName() const;
    /// Gives the file its final name. Never replaces a file that appeared there meanwhile
    /// (ERROR_FILE_EXISTS then).
    Expected<void> publish();
    /// Gives the file its final name, atomically replacing the file there (a repaired image
    /// takes the place of the damaged one: readers see the old file or the new, never half).
    Expected<void> replace();

private:
    NewFile() = default;
    FileHandle m_fd;
    std::string m_path;    ///< the final name
    std::string m_partial; ///< the temporary name; empty when unnamed (O_TMPFILE)
    bool m_published = false;
};

/// True when every byte is zero. Cheap: one word test, then memcmp against itself shifted.
bool isAllZero(const void *buffer, std::size_t size) noexcept;

} // namespace vds::vdisk
