// vds-sqlsim: a SQL Server stand-in that speaks TDS 7.4 and drives VDI (docs/sqlsim.md; its
// command line: docs/cli.md, "vds-sqlsim").

#include <malloc.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <vds/version.h>

#include "backupservice.h"
#include "databasestore.h"
#include "queryengine.h"
#include "server.h"
#include "simoptions.h"
#include "tlscontext.h"

namespace {
std::atomic_bool g_stop{false};
extern "C" void onSignal(int)
{
    g_stop.store(true);
}
} // namespace

int main(int argc, char **argv)
{
    using namespace vds::sqlsim;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::cout << help();
            return 0;
        }
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-V") == 0) {
            std::cout << "vds-sqlsim " VDS_VERSION_STRING "\n";
            return 0;
        }
    }
    // Requests and replies can be tens of MiB. With a fixed mmap threshold glibc serves such
    // buffers from their own mappings and unmaps them on free; its default threshold grows
    // with each large free, after which closed connections' buffers stay in thread arenas.
    ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    std::string error;
    const auto options = parseOptions(argc, argv, error);
    if (!options) {
        std::cerr << "vds-sqlsim: " << error << " (try 'vds-sqlsim --help')\n";
        return 2;
    }

    DatabaseStore store(options->dataDir);
    if (auto r = store.open(); !r) {
        std::cerr << "vds-sqlsim: " << r.error().text << '\n';
        return 1;
    }
    for (const auto &[name, size] : options->seeds) {
        if (auto r = store.seed(name, size); !r) {
            std::cerr << "vds-sqlsim: cannot seed '" << name << "': " << r.error().text << '\n';
            return 1;
        }
    }

    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QueryEngine engine(*options, store);
    BackupService backups(*options, store, g_stop);
    ServerContext context{*options, store, engine, backups, g_stop, engine.serverName(), nullptr};
    if (options->tls != SimOptions::Tls::Off) {
        context.tls = TlsContext::create(options->tlsCert, options->tlsKey, "vds-sqlsim", error);
        if (!context.tls) {
            std::cerr << "vds-sqlsim: " << error << '\n';
            return 1;
        }
    }
    Server server(context);
    if (!server.listen(options->host, options->port, error)) {
        std::cerr << "vds-sqlsim: " << error << '\n';
        return 1;
    }
    // The first stdout line is the contract: tests and vdsctl --sim read the port from it.
    std::cout << "listening on " << options->host << ':' << server.port() << std::endl;
    server.run();
    std::cerr << "vds-sqlsim: stopped\n";
    return 0;
}
