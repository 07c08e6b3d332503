#pragma once

#include <atomic>
#include <memory>
#include <string>

namespace vds::sqlsim {

struct SimOptions;
class DatabaseStore;
class QueryEngine;
class BackupService;
class TlsContext;

/// What every connection shares: options, catalog, query engine, backup service and the stop
/// flag. Owned by main for the server's lifetime; each member is thread-safe or read-only.
struct ServerContext {
    const SimOptions &options;
    DatabaseStore &store;
    const QueryEngine &engine;
    BackupService &backups;
    const std::atomic_bool &stop;
    std::string serverName;
    std::shared_ptr<TlsContext> tls; ///< null unless --tls on|required
};

} // namespace vds::sqlsim
