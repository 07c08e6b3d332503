#pragma once

#include <QString>

#include <optional>
#include <vector>

#include <vds/connections/connection.h>
#include <vds/util/error.h>

namespace vds::connections {

/// The connections file, `$XDG_CONFIG_HOME/vdstudio/connections.json`, shared by vdstudio and
/// vdsctl. Reads and writes the whole file each time (it is small); a write goes to a temporary
/// file with mode 0600 that replaces the old one only when complete, so a crash leaves the old
/// list or the new one, never half of either. No password is ever written. Plain functions, any
/// thread; two processes writing at once: the last complete write wins.
class ConnectionStore final {
public:
    /// The file's path (QStandardPaths' generic config folder, so both programs agree).
    [[nodiscard]] static QString path();

    /// Every stored connection in file order; no file yet is an empty list. A corrupt file is
    /// Format with the path as context (nothing is overwritten behind the user's back).
    [[nodiscard]] static Expected<std::vector<Connection>> load();
    [[nodiscard]] static Expected<void> save(const std::vector<Connection> &connections);

    /// The connection of that name (exact match), nullopt when there is none.
    [[nodiscard]] static Expected<std::optional<Connection>> find(const std::string &name);
    /// The connection of that name; none is InvalidArgument naming the file (a usage error:
    /// `vdsctl --connection NAME` exits 2).
    [[nodiscard]] static Expected<Connection> get(const std::string &name);
    /// Adds `connection`, or replaces the one named `previousName` (a rename) or of the same
    /// name. A name used by another connection is InvalidArgument.
    [[nodiscard]] static Expected<void> put(const Connection &connection,
                                            const std::string &previousName = {});
    /// Removes the connection of that name (no such connection: nothing happens).
    [[nodiscard]] static Expected<void> remove(const std::string &name);
};

} // namespace vds::connections
