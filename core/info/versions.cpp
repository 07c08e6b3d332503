#include <vds/info/versions.h>

#include <QtGlobal>

#include <sodium.h>
#include <spdlog/version.h>
#include <sql.h>
#include <sqlext.h>
#include <zstd.h>

#include <vds/version.h>

namespace vds::info {

QString productVersion()
{
    return QString::fromLatin1(VDS_VERSION_STRING);
}

QList<QPair<QString, QString>> libraryVersions()
{
    QList<QPair<QString, QString>> out;
    out.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion())});
    out.append({QStringLiteral("spdlog"), QStringLiteral("%1.%2.%3")
                                              .arg(SPDLOG_VER_MAJOR)
                                              .arg(SPDLOG_VER_MINOR)
                                              .arg(SPDLOG_VER_PATCH)});
    out.append({QStringLiteral("zstd"), QString::fromLatin1(ZSTD_versionString())});
    out.append({QStringLiteral("libsodium"), QString::fromLatin1(sodium_version_string())});
    out.append(
        {QStringLiteral("ODBC API"),
         QStringLiteral("%1.%2").arg(ODBCVER >> 8).arg(ODBCVER & 0xff, 2, 10, QLatin1Char('0'))});
    return out;
}

} // namespace vds::info
