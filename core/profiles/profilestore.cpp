#include <vds/profiles/profilestore.h>

#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

namespace vds::profiles {

namespace {

std::unexpected<Error> failed(ErrorCategory category, const QString &message, const QString &path)
{
    return fail(category, message.toStdString(), path.toStdString());
}

} // namespace

ProfileStore::ProfileStore(QString directory, QObject *parent)
    : QObject(parent), m_directory(std::move(directory))
{}

QString ProfileStore::defaultDirectory()
{
    // GenericConfigLocation follows $XDG_CONFIG_HOME whatever the application's name is: the GUI
    // and vdsctl share the folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/vdstudio/profiles");
}

QString ProfileStore::pathFor(const QString &name) const
{
    return m_directory + QLatin1Char('/') + name + QLatin1String(kSuffix);
}

QList<ProfileStore::Entry> ProfileStore::list() const
{
    QList<Entry> entries;
    const QDir dir(m_directory);
    const QStringList files =
        dir.entryList({QStringLiteral("*.vdsprofile")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        Entry e;
        e.name = file.chopped(qsizetype(qstrlen(kSuffix)));
        e.path = dir.filePath(file);
        auto p = loadProfile(e.path);
        if (!p) {
            e.issues = p.error();
        } else if (p->name != e.name) {
            e.issues.append({QStringLiteral("name"),
                             QStringLiteral("\"%1\" does not match the file name").arg(p->name)});
        } else {
            e.profile = *p;
        }
        entries.append(e);
    }
    return entries;
}

bool ProfileStore::contains(const QString &name) const
{
    return QFileInfo::exists(pathFor(name));
}

Checked<Profile> ProfileStore::load(const QString &name) const
{
    if (const QString why = nameProblem(name); !why.isEmpty())
        return std::unexpected(QList<Issue>{{QStringLiteral("name"), why}});
    if (!contains(name))
        return std::unexpected(QList<Issue>{
            {{}, QStringLiteral("no profile named \"%1\" in %2").arg(name, m_directory)}});
    return loadProfile(pathFor(name));
}

QString ProfileStore::freeName(const QString &base) const
{
    if (!contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString name = QStringLiteral("%1 (%2)").arg(base).arg(i);
        if (!contains(name))
            return name;
    }
}

Expected<void> ProfileStore::save(const Profile &profile, bool overwrite)
{
    if (const QString why = nameProblem(profile.name); !why.isEmpty())
        return failed(ErrorCategory::InvalidArgument, QStringLiteral("profile name: %1").arg(why),
                      profile.name);
    const QString path = pathFor(profile.name);
    if (!overwrite && QFileInfo::exists(path))
        return failed(ErrorCategory::InvalidArgument,
                      QStringLiteral("a profile named \"%1\" exists").arg(profile.name), path);
    if (!QDir().mkpath(m_directory))
        return failed(ErrorCategory::Io, QStringLiteral("cannot create the folder"), m_directory);
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(ErrorCategory::Io, file.errorString(), path);
    // Set on the temporary file before it replaces the old one: never readable by others.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray bytes = toJson(profile);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return failed(ErrorCategory::Io, file.errorString(), path);
    emit changed();
    return {};
}

Expected<void> ProfileStore::remove(const QString &name)
{
    const QString path = pathFor(name);
    if (!QFileInfo::exists(path))
        return failed(ErrorCategory::NotFound, QStringLiteral("no profile named \"%1\"").arg(name),
                      path);
    if (!QFile::remove(path))
        return failed(ErrorCategory::Io, QStringLiteral("cannot remove the file"), path);
    emit changed();
    return {};
}

Expected<void> ProfileStore::rename(const QString &from, const QString &to)
{
    if (from == to)
        return {};
    auto p = load(from);
    if (!p)
        return failed(ErrorCategory::InvalidArgument, describe(from, p.error()).join(u'\n'),
                      pathFor(from));
    if (contains(to))
        return failed(ErrorCategory::InvalidArgument,
                      QStringLiteral("a profile named \"%1\" exists").arg(to), pathFor(to));
    p->name = to;
    if (auto s = save(*p, false); !s)
        return s;
    return remove(from);
}

void ProfileStore::watch()
{
    if (m_watcher)
        return;
    QDir().mkpath(m_directory);
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        rewatch();
        emit changed();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        rewatch();
        emit changed();
    });
    rewatch();
}

void ProfileStore::rewatch()
{
    // An atomic save replaces the file (a new inode): watch the current files again.
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_watcher->directories().isEmpty())
        m_watcher->addPath(m_directory);
    QStringList paths;
    for (const QString &f :
         QDir(m_directory).entryList({QStringLiteral("*.vdsprofile")}, QDir::Files))
        paths << QDir(m_directory).filePath(f);
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

} // namespace vds::profiles
