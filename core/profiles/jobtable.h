#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include <vds/profiles/profile.h>

/// Per job kind, what the profile format is made from: the vdsctl command's own option list
/// (from core/cmdline and core/backup/commandline, the owners of the command-line mapping), the
/// positional arguments and which options repeat. Profiles key their JSON by these long option
/// names and hand every value to the owners' parsers, so limits, choice lists and value
/// spellings live in one place. Plain functions, any thread.
namespace vds::profiles {

/// How a value is written in JSON.
enum class ValueType {
    Flag,    ///< true/false (an option without a value)
    String,  ///< a string
    Integer, ///< a whole number (options whose value is N or bytes)
    Size,    ///< a size: "64M" or a number of bytes
    List,    ///< an array of strings (a repeatable option)
    Secret,  ///< a reference object: {"env": VAR} | {"file": PATH} | {"keyring": CONNECTION}
};

struct Field {
    QString key;    ///< JSON key: the long option name, or the positional argument's name
    QString option; ///< the option it maps to (empty: positional)
    ValueType type = ValueType::String;
    QString valueName; ///< as in --help ("N", "SIZE", "DIR"…)
    QString help;
    bool positional = false;
};

struct JobTable {
    Kind kind = Kind::Backup;
    QStringList command; ///< the words after `vdsctl`: {"backup"}, {"vhd", "convert"}
    QList<Field> fields;
    QList<QCommandLineOption> options; ///< everything the command's parser accepts
};

[[nodiscard]] const JobTable &jobTable(Kind kind);

/// The first problem the owning parser finds in `args` (the words after the command words), or
/// nothing. `option` is the long option name without dashes (empty for positional words or a
/// rule between several options).
struct ArgumentProblem {
    QString option;
    QString message;
};
[[nodiscard]] std::optional<ArgumentProblem> checkArguments(Kind kind, const QStringList &args);

} // namespace vds::profiles
