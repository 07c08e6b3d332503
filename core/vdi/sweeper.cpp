// sweepStaleSets(): removes the shared-memory objects of sets whose processes all died.
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <set>
#include <string>

#include <spdlog/spdlog.h>

#include <vds/logging/log.h>
#include <vds/vdi/clientset.h>
#include <vds/vdi/names_p.h>
#include <vds/vdi/sharedset_p.h>

namespace vds::vdi {

std::size_t sweepStaleSets()
{
    DIR *dir = ::opendir("/dev/shm");
    if (!dir)
        return 0;
    std::set<std::string> controls, buffers, liveBuffers;
    while (const dirent *e = ::readdir(dir)) {
        const std::string name = e->d_name;
        if (name.rfind(names::kObjectPrefix, 0) != 0)
            continue;
        // "vdsvdi.INSTANCE.HASH" is a control block, "vdsvdi.INSTANCE.HASH.bXXXXXXXX" a buffer
        // area: tell them apart by the number of dots (neither instances nor hashes hold one).
        const auto dots = std::count(name.begin(), name.end(), '.');
        if (dots == 2)
            controls.insert(name);
        else if (dots == 3)
            buffers.insert(name);
    }
    ::closedir(dir);

    std::size_t removed = 0;
    for (const std::string &name : controls) {
        const std::string object = "/" + name;
        const int fd = ::shm_open(object.c_str(), O_RDWR | O_CLOEXEC, 0);
        if (fd < 0)
            continue; // another user's set, or gone meanwhile
        struct stat st {};
        bool stale = false;
        std::string bufferName;
        if (::fstat(fd, &st) == 0) {
            if (static_cast<std::size_t>(st.st_size) >= sizeof(shm::Control)) {
                void *p = ::mmap(nullptr, sizeof(shm::Control), PROT_READ | PROT_WRITE, MAP_SHARED,
                                 fd, 0);
                if (p != MAP_FAILED) {
                    const auto *c = static_cast<const shm::Control *>(p);
                    stale = controlIsStale(*c, static_cast<std::uint64_t>(st.st_size));
                    bufferName.assign(c->bufferObjectName,
                                      ::strnlen(c->bufferObjectName, sizeof c->bufferObjectName));
                    ::munmap(p, sizeof(shm::Control));
                }
            } else {
                // Never sized: its creator died between shm_open and ftruncate.
                stale = st.st_mtime + 10 < ::time(nullptr);
            }
        }
        ::close(fd);
        if (!stale) {
            if (!bufferName.empty())
                liveBuffers.insert(bufferName.substr(1));
            continue;
        }
        vds::log::get("vdi")->info("sweeping stale set object /{}", name);
        if (!bufferName.empty())
            ::shm_unlink(bufferName.c_str());
        ::shm_unlink(object.c_str());
        ++removed;
    }
    // Buffer areas whose set is gone or has moved on to another area. Unlinking only removes
    // the name: a server still mapping it keeps its memory until it unmaps.
    for (const std::string &name : buffers) {
        const std::string control = name.substr(0, name.rfind(".b"));
        if (liveBuffers.count(name))
            continue;
        if (controls.count(control)) {
            // Its set exists but did not claim it: either stale-swept above or replaced.
            struct stat st {};
            const std::string path = "/dev/shm/" + name;
            if (::stat(path.c_str(), &st) != 0 || st.st_mtime + 10 > ::time(nullptr))
                continue; // a server may be creating it right now
        }
        if (::shm_unlink(("/" + name).c_str()) == 0)
            ++removed;
    }
    return removed;
}

} // namespace vds::vdi
