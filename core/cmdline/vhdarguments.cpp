#include <vds/cmdline/vhdarguments.h>

#include <algorithm>

#include <vds/cmdline/sizeargument.h>
#include <vds/vdisk/diskoptions.h>

namespace vds::cmdline {

namespace {

const QString kSize = QStringLiteral("size");
const QString kFormat = QStringLiteral("format");
const QString kType = QStringLiteral("type");
const QString kParent = QStringLiteral("parent");
const QString kBlockSize = QStringLiteral("block-size");
const QString kSectorSize = QStringLiteral("sector-size");
const QString kPhysicalSectorSize = QStringLiteral("physical-sector-size");
const QString kSparse = QStringLiteral("sparse");
const QString kVerify = QStringLiteral("verify");
const QString kPrevent = QStringLiteral("prevent-writes-to-source");
const QString kAcceptParentTimestamp = QStringLiteral("accept-parent-timestamp");

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString sizes(const std::vector<std::uint32_t> &values)
{
    QStringList words;
    for (std::uint32_t v : values)
        words << sizeArgument(v);
    return words.join(QLatin1Char(' '));
}

/// The block size help, from the engine's choices.
QString blockSizeHelp()
{
    const auto vhd = vdisk::diskOptions(vdisk::DiskFormat::Vhd, vdisk::DiskType::Dynamic);
    const auto vhdx = vdisk::diskOptions(vdisk::DiskFormat::Vhdx, vdisk::DiskType::Dynamic);
    return QStringLiteral(
               "Block size: VHD %1 (default %2); VHDX %3..%4 powers of two (default %5).")
        .arg(sizes(vhd.blockSizes), sizeArgument(vhd.defaultBlockSize),
             sizeArgument(vhdx.blockSizes.front()), sizeArgument(vhdx.blockSizes.back()),
             sizeArgument(vhdx.defaultBlockSize));
}

} // namespace

QString acceptParentTimestampHelp()
{
    return QStringLiteral("Use a VHD parent modified since its child was made (the child's "
                          "stored parent time differs; Windows refuses it).");
}

namespace {

ArgumentError error(const QString &option, const QString &value, const QString &message)
{
    return ArgumentError{option, value, message};
}

} // namespace

VhdCommand vhdCommandFor(const vdisk::CreateParams &p)
{
    return (!p.sourcePath.empty() || p.sourceFd >= 0) ? VhdCommand::Convert : VhdCommand::Create;
}

QList<QCommandLineOption> vhdOptions(VhdCommand command)
{
    const bool create = command == VhdCommand::Create;
    QList<QCommandLineOption> o;
    o.append({kSize,
              create ? QStringLiteral("Virtual size (bytes or K/M/G/T); not with --parent.")
                     : QStringLiteral("Virtual size (default: the source's; not less)."),
              QStringLiteral("size")});
    o.append({kFormat, QStringLiteral("vhd or vhdx (default: from the extension, else vhdx)."),
              QStringLiteral("vhd|vhdx")});
    o.append(
        {kType,
         create
             ? QStringLiteral("fixed, dynamic (default) or differencing (default with --parent).")
             : QStringLiteral("fixed or dynamic (default)."),
         create ? QStringLiteral("fixed|dynamic|differencing") : QStringLiteral("fixed|dynamic")});
    if (create)
        o.append({kParent, QStringLiteral("Parent image of a differencing disk."),
                  QStringLiteral("path")});
    o.append({kBlockSize, blockSizeHelp(), QStringLiteral("size")});
    o.append(
        {kSectorSize,
         create ? QStringLiteral("Logical sector size, 512 (default) or 4096 (VHDX).")
                : QStringLiteral("Logical sector size, 512 or 4096 (VHDX; default: the source's)."),
         QStringLiteral("bytes")});
    o.append({kPhysicalSectorSize,
              QStringLiteral("Physical sector size, 512 or 4096 (VHDX; default VHDX 4096, "
                             "VHD 512)."),
              QStringLiteral("bytes")});
    o.append({kSparse, create ? QStringLiteral("Fixed disks: do not preallocate "
                                               "(SPARSE_FILE).")
                              : QStringLiteral("Fixed targets: do not preallocate "
                                               "(SPARSE_FILE).")});
    o.append({kAcceptParentTimestamp, acceptParentTimestampHelp()});
    if (!create) {
        o.append({kVerify, QStringLiteral("Re-read the target and compare it with the source.")});
        o.append({kPrevent, QStringLiteral("Refuse a source mounted read-write; hold a block "
                                           "device read-only while copying.")});
    }
    return o;
}

QStringList vhdPositionalNames(VhdCommand command)
{
    return command == VhdCommand::Create
               ? QStringList{QStringLiteral("PATH")}
               : QStringList{QStringLiteral("SOURCE"), QStringLiteral("TARGET")};
}

void addVhdOptions(QCommandLineParser &parser, VhdCommand command)
{
    parser.addOptions(vhdOptions(command));
    if (command == VhdCommand::Create) {
        parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("The new image."));
        return;
    }
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("An image (VHD, VHDX, raw) or a block device."));
    parser.addPositionalArgument(QStringLiteral("TARGET"), QStringLiteral("The new image."));
}

std::expected<vdisk::CreateParams, ArgumentError> vhdParams(const QCommandLineParser &parser,
                                                            VhdCommand command)
{
    const bool create = command == VhdCommand::Create;
    const QStringList pos = parser.positionalArguments();
    vdisk::CreateParams p;
    if (create) {
        if (pos.size() != 1)
            return std::unexpected(
                error({}, pos.join(QLatin1Char(' ')), QStringLiteral("expected one PATH")));
        p.path = pos[0].toStdString();
    } else {
        if (pos.size() != 2)
            return std::unexpected(error({}, pos.join(QLatin1Char(' ')),
                                         QStringLiteral("expected SOURCE and TARGET")));
        p.sourcePath = pos[0].toStdString();
        p.path = pos[1].toStdString();
    }
    const QString target = create ? pos[0] : pos[1];

    const QString format = parser.value(kFormat);
    if (format.isEmpty())
        p.format = target.endsWith(QLatin1String(".vhd"), Qt::CaseInsensitive)
                       ? vdisk::DiskFormat::Vhd
                       : vdisk::DiskFormat::Vhdx;
    else if (format == QLatin1String("vhd"))
        p.format = vdisk::DiskFormat::Vhd;
    else if (format == QLatin1String("vhdx"))
        p.format = vdisk::DiskFormat::Vhdx;
    else
        return std::unexpected(
            error(kFormat, format, QStringLiteral("--format must be vhd or vhdx")));

    const bool hasParent = create && parser.isSet(kParent);
    const QString type = parser.isSet(kType) ? parser.value(kType)
                         : hasParent         ? QStringLiteral("differencing")
                                             : QStringLiteral("dynamic");
    if (type == QLatin1String("fixed"))
        p.type = vdisk::DiskType::Fixed;
    else if (type == QLatin1String("dynamic"))
        p.type = vdisk::DiskType::Dynamic;
    else if (create && type == QLatin1String("differencing"))
        p.type = vdisk::DiskType::Differencing;
    else
        return std::unexpected(
            error(kType, type,
                  create ? QStringLiteral("--type must be fixed, dynamic or differencing")
                         : QStringLiteral("--type must be fixed or dynamic")));
    if (hasParent)
        p.parentPath = parser.value(kParent).toStdString();

    if (parser.isSet(kSize)) {
        const auto v = parseSize(parser.value(kSize));
        if (!v)
            return std::unexpected(
                error(kSize, parser.value(kSize),
                      QStringLiteral("bad --size '%1'").arg(parser.value(kSize))));
        p.maximumSize = *v;
    }
    for (auto [name, field] :
         {std::pair{kBlockSize, &p.blockSize}, std::pair{kSectorSize, &p.logicalSectorSize},
          std::pair{kPhysicalSectorSize, &p.physicalSectorSize}}) {
        if (!parser.isSet(name))
            continue;
        const auto v = parseSize(parser.value(name));
        if (!v || *v > 0xFFFFFFFFULL)
            return std::unexpected(
                error(name, parser.value(name),
                      QStringLiteral("bad --%1 '%2'").arg(name, parser.value(name))));
        *field = static_cast<std::uint32_t>(*v);
    }
    p.sparseFile = parser.isSet(kSparse);
    p.acceptParentTimestamp = parser.isSet(kAcceptParentTimestamp);
    if (!create) {
        p.verify = parser.isSet(kVerify);
        p.preventWritesToSource = parser.isSet(kPrevent);
    }
    return p;
}

std::optional<ArgumentError> vhdRefusal(const vdisk::CreateParams &p)
{
    auto r = vdisk::refusalFor(p);
    if (!r && p.maximumSize != 0) // an explicit size: its rules need no file either
        r = vdisk::sizeRefusal(p.format, p.maximumSize,
                               p.logicalSectorSize ? p.logicalSectorSize : 512);
    if (!r)
        return std::nullopt;
    if (r->reason == vdisk::RefusalReason::SizeMissing)
        return error(kSize, {}, QStringLiteral("--size is required"));
    QString option;
    switch (r->parameter) {
    case vdisk::Parameter::Format: option = kFormat; break;
    case vdisk::Parameter::Type: option = kType; break;
    case vdisk::Parameter::ParentPath: option = kParent; break;
    case vdisk::Parameter::MaximumSize: option = kSize; break;
    case vdisk::Parameter::BlockSize: option = kBlockSize; break;
    case vdisk::Parameter::LogicalSectorSize: option = kSectorSize; break;
    case vdisk::Parameter::PhysicalSectorSize: option = kPhysicalSectorSize; break;
    case vdisk::Parameter::SparseFile: option = kSparse; break;
    default: break; // the paths are positional; the rest is not on a command line
    }
    return error(option, {}, QString::fromStdString(r->toError(p.path).toString()));
}

std::expected<vdisk::CreateParams, ArgumentError> parseVhdArguments(const QStringList &args)
{
    const QString verb = args.value(0);
    VhdCommand command;
    if (verb == QLatin1String("create"))
        command = VhdCommand::Create;
    else if (verb == QLatin1String("convert"))
        command = VhdCommand::Convert;
    else
        return std::unexpected(
            error({}, verb, QStringLiteral("expected create or convert, not '%1'").arg(verb)));
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addVhdOptions(parser, command);
    if (!parser.parse(QStringList{QStringLiteral("vdsctl")} + args.mid(1))) {
        const QStringList unknown = parser.unknownOptionNames();
        return std::unexpected(error(unknown.value(0), {}, parser.errorText()));
    }
    return vhdParams(parser, command);
}

QStringList vhdArguments(const vdisk::CreateParams &p)
{
    const bool convert = vhdCommandFor(p) == VhdCommand::Convert;
    QStringList positional;
    if (convert)
        positional << QString::fromStdString(p.sourcePath) << QString::fromStdString(p.path);
    else
        positional << QString::fromStdString(p.path);
    QStringList options;
    if (p.maximumSize != 0)
        options << QLatin1String("--") + kSize << sizeArgument(p.maximumSize);
    options << QLatin1String("--") + kFormat << q(vdisk::formatName(p.format));
    options << QLatin1String("--") + kType << q(vdisk::typeName(p.type));
    if (!p.parentPath.empty())
        options << QLatin1String("--") + kParent << QString::fromStdString(p.parentPath);
    if (p.blockSize != 0)
        options << QLatin1String("--") + kBlockSize << sizeArgument(p.blockSize);
    if (p.logicalSectorSize != 0)
        options << QLatin1String("--") + kSectorSize << QString::number(p.logicalSectorSize);
    if (p.physicalSectorSize != 0)
        options << QLatin1String("--") + kPhysicalSectorSize
                << QString::number(p.physicalSectorSize);
    if (p.sparseFile)
        options << QLatin1String("--") + kSparse;
    if (p.acceptParentTimestamp)
        options << QLatin1String("--") + kAcceptParentTimestamp;
    if (convert && p.verify)
        options << QLatin1String("--") + kVerify;
    if (convert && p.preventWritesToSource)
        options << QLatin1String("--") + kPrevent;
    QStringList words{QStringLiteral("vhd"),
                      convert ? QStringLiteral("convert") : QStringLiteral("create")};
    // A path that starts with '-' would read as an option: options first, then "--".
    const bool dashed = std::any_of(positional.cbegin(), positional.cend(), [](const QString &w) {
        return w.startsWith(QLatin1Char('-'));
    });
    if (dashed)
        words << options << QStringLiteral("--") << positional;
    else
        words << positional << options;
    return words;
}

} // namespace vds::cmdline
