#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

#include <vds/vdisk/createvirtualdisk.h>

/// The one mapping between a virtual disk job's parameters and its `vdsctl vhd create|convert`
/// command line. vdsctl parses with it, the wizards show "the same job as a command" with it, and
/// profiles reuse it, so a command shown is always the job that runs.
///
/// Covered: path, format, type, maximumSize, blockSize, logicalSectorSize, physicalSectorSize,
/// parentPath, sourcePath, sparseFile, verify, preventWritesToSource, acceptParentTimestamp. Not on
/// a command line (and left at their defaults by parsing): uniqueId, sourceFd, security, sync,
/// parametersVersion, doNotCopyMetadataFromParent, wrapSource. Thread-safe (no state).
namespace vds::cmdline {

enum class VhdCommand { Create, Convert };

/// Why a command line does not describe a job: the option (without dashes; empty for the
/// positional arguments), the value given, and a technical English sentence.
struct ArgumentError {
    QString option;
    QString value;
    QString message;
};

/// Create without a source, Convert with one (a path or a descriptor).
[[nodiscard]] VhdCommand vhdCommandFor(const vdisk::CreateParams &params);

/// The command's options, in --help order (profiles key their JSON by these long names).
[[nodiscard]] QList<QCommandLineOption> vhdOptions(VhdCommand command);
/// The positional arguments' names: {"PATH"} or {"SOURCE", "TARGET"}.
[[nodiscard]] QStringList vhdPositionalNames(VhdCommand command);

/// Adds the command's options and positional arguments to `parser` (vdsctl adds its own
/// --json, --progress and --help beside them).
void addVhdOptions(QCommandLineParser &parser, VhdCommand command);

/// The help line of --accept-parent-timestamp (also on `vhd info` and `vhd verify`).
[[nodiscard]] QString acceptParentTimestampHelp();

/// Reads the parameters from a parser that addVhdOptions() prepared and that has parsed.
/// Checks the words only (a size is a size, a type is a type); the engine's rules are
/// vdisk::refusalFor()'s.
[[nodiscard]] std::expected<vdisk::CreateParams, ArgumentError>
vhdParams(const QCommandLineParser &parser, VhdCommand command);

/// The engine's refusal of `params` (vdisk::refusalFor, and the size rules when a size is given)
/// as a command-line error naming the option it is about; nothing when the engine would take
/// them. vdsctl refuses with it before running a job; profiles validate with it.
[[nodiscard]] std::optional<ArgumentError> vhdRefusal(const vdisk::CreateParams &params);

/// `args` as after `vdsctl vhd`: {"create", PATH, options…} or {"convert", SOURCE, TARGET, …}.
[[nodiscard]] std::expected<vdisk::CreateParams, ArgumentError>
parseVhdArguments(const QStringList &args);

/// The arguments after `vdsctl` for `params`: {"vhd", "create"|"convert", …}. Format and type
/// are always given; other options only when they differ from zero/false (the engine's default).
/// parseVhdArguments(vhdArguments(p).mid(1)) gives back every covered field of `p`.
[[nodiscard]] QStringList vhdArguments(const vdisk::CreateParams &params);

} // namespace vds::cmdline
