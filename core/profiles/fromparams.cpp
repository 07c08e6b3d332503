#include <vds/profiles/fromparams.h>

#include <vds/cmdline/vhdarguments.h>

namespace vds::profiles {

namespace cl = backup::commandline;

Checked<Profile> profileFor(const vdisk::CreateParams &params, const QString &name)
{
    const Kind kind = cmdline::vhdCommandFor(params) == cmdline::VhdCommand::Convert
                          ? Kind::VhdConvert
                          : Kind::VhdCreate;
    return profileFromArguments(kind, name, cmdline::vhdArguments(params).mid(2));
}

Checked<Profile> profileFor(const cl::BackupRequest &request, const QString &name)
{
    return profileFromArguments(Kind::Backup, name, cl::toArguments(request));
}

Checked<Profile> profileFor(const backup::BackupParams &params, const QString &name)
{
    cl::BackupRequest request;
    request.params = params;
    return profileFor(request, name);
}

Checked<Profile> profileFor(const backup::RestoreParams &params, const QString &name)
{
    return profileFromArguments(Kind::Restore, name, cl::toArguments(params));
}

Checked<Profile> profileFor(const backup::VerifyParams &params, const QString &name)
{
    return profileFromArguments(Kind::Verify, name, cl::toArguments(params));
}

} // namespace vds::profiles
