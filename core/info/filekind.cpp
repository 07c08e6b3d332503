#include <vds/info/filekind.h>

#include <QFileInfo>

namespace vds::info {

FileKind fileKind(const QString &path)
{
    // Only the name counts: a file manager decides from the glob too, and a file we cannot
    // read yet still gets the page that explains why it does not open.
    const QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".vdsprofile"), Qt::CaseInsensitive))
        return FileKind::Profile;
    if (name.endsWith(QLatin1String(".vdsbundle"), Qt::CaseInsensitive))
        return FileKind::Bundle;
    if (name.endsWith(QLatin1String(".manifest.json"), Qt::CaseInsensitive))
        return FileKind::Manifest;
    return FileKind::Unknown;
}

QString mimeTypeName(FileKind kind)
{
    switch (kind) {
    case FileKind::Profile: return QStringLiteral("application/x-vdstudio-profile");
    case FileKind::Bundle: return QStringLiteral("application/x-vdstudio-bundle");
    case FileKind::Manifest: return QStringLiteral("application/x-vdstudio-manifest");
    case FileKind::Unknown: break;
    }
    return {};
}

} // namespace vds::info
