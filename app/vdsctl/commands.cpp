#include "cli.h"

namespace vds::cli {

// Each command lives in its own cmd_*.cpp.
int runAbout(const QStringList &args);
int runDisks(const QStringList &args);
int runVhd(const QStringList &args);
int runServer(const QStringList &args);
int runBackup(const QStringList &args);
int runRestore(const QStringList &args);
int runVerify(const QStringList &args);
int runHistory(const QStringList &args);
int runSetupVdi(const QStringList &args);
int runProfile(const QStringList &args);
int runRunProfile(const QStringList &args);

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {QStringLiteral("about"), QStringLiteral("Show the version and the libraries in use"),
         runAbout},
        {QStringLiteral("disks"), QStringLiteral("List physical disks (for conversion sources)"),
         runDisks},
        {QStringLiteral("vhd"),
         QStringLiteral("Create, convert, inspect and verify VHD/VHDX images"), runVhd},
        {QStringLiteral("server"),
         QStringLiteral("Show a SQL Server's version, your role and its databases (--sim: a local "
                        "simulator)"),
         runServer},
        {QStringLiteral("backup"),
         QStringLiteral("Back up databases through VDI (striped, zstd, age)"), runBackup},
        {QStringLiteral("restore"),
         QStringLiteral("Restore a backup or a full + diff + log chain through VDI"), runRestore},
        {QStringLiteral("verify"),
         QStringLiteral("Check a backup offline, or with RESTORE VERIFYONLY on a server"),
         runVerify},
        {QStringLiteral("history"),
         QStringLiteral("List past jobs (GUI and CLI) or show one with its report"), runHistory},
        {QStringLiteral("setup-vdi"),
         QStringLiteral("Check and fix the VDI permissions between you and SQL Server on Linux"),
         runSetupVdi},
        {QStringLiteral("profile"),
         QStringLiteral("Saved job profiles: list, show, run, validate, export, import"),
         runProfile},
        {QStringLiteral("run"), QStringLiteral("Run a saved profile (a file or a stored name)"),
         runRunProfile},
    };
    return table;
}

} // namespace vds::cli
