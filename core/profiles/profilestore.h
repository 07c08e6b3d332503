#pragma once

#include <QFileSystemWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

#include <vds/profiles/profilecodec.h>
#include <vds/util/error.h>

namespace vds::profiles {

/// The saved profiles: one `NAME.vdsprofile` per profile in a folder
/// (`$XDG_CONFIG_HOME/vdstudio/profiles` by default), mode 0600, written atomically (a reader
/// sees the old file or the new one, never half). Edits made outside (an editor, git) are
/// noticed and announced with changed(). Lives on the thread that made it (usually the GUI or
/// vdsctl's main thread); owns its watcher.
class ProfileStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    static constexpr const char *kSuffix = ".vdsprofile";

    explicit ProfileStore(QString directory = defaultDirectory(), QObject *parent = nullptr);

    [[nodiscard]] static QString defaultDirectory();
    [[nodiscard]] QString directory() const { return m_directory; }
    [[nodiscard]] QString pathFor(const QString &name) const;

    /// One file found in the folder: the profile when it is valid, else its issues.
    struct Entry {
        QString name; ///< from the file name
        QString path;
        std::optional<Profile> profile;
        QList<Issue> issues;
    };
    /// Every `*.vdsprofile`, valid or not, sorted by name.
    [[nodiscard]] QList<Entry> list() const;
    [[nodiscard]] bool contains(const QString &name) const;
    [[nodiscard]] Checked<Profile> load(const QString &name) const;
    /// The first of "base", "base (2)", "base (3)"… not taken.
    [[nodiscard]] QString freeName(const QString &base) const;

    /// Writes `profile` as `NAME.vdsprofile`. With `overwrite` false an existing file is
    /// InvalidArgument (nothing changes).
    [[nodiscard]] Expected<void> save(const Profile &profile, bool overwrite = true);
    [[nodiscard]] Expected<void> remove(const QString &name);
    /// Renames the file and the name inside it; refuses a name already taken.
    [[nodiscard]] Expected<void> rename(const QString &from, const QString &to);

    /// Starts watching the folder (and its files) for changes made outside this object.
    void watch();

signals:
    /// Profiles were added, changed or removed, by this object or outside it.
    void changed();

private:
    void rewatch();

    QString m_directory;
    QFileSystemWatcher *m_watcher = nullptr;
};

} // namespace vds::profiles
