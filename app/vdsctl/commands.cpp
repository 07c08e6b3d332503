#include "cli.h"

namespace vds::cli {

// Each command lives in its own cmd_*.cpp.
int runAbout(const QStringList &args);

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {QStringLiteral("about"), QStringLiteral("Show the version and the libraries in use"),
         runAbout},
    };
    return table;
}

} // namespace vds::cli
