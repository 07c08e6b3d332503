#include <vds/profiles/bundle.h>

#include <QSet>

#include <vds/profiles/profilestore.h>

// The store side of bundles (bundle.cpp reads and writes them without a store).
namespace vds::profiles {

QList<ImportStep> previewImport(const ProfileStore &store, const QList<Profile> &profiles,
                                Conflict conflict)
{
    QList<ImportStep> steps;
    QSet<QString> taken;
    for (const Profile &p : profiles) {
        ImportStep s{p, p.name, ImportStep::Action::Add};
        if (store.contains(p.name)) {
            if (conflict == Conflict::Replace) {
                s.action = ImportStep::Action::Replace;
            } else if (conflict == Conflict::Skip) {
                s.action = ImportStep::Action::Skip;
            } else {
                s.action = ImportStep::Action::Rename;
                QString name = store.freeName(p.name);
                for (int i = 2; taken.contains(name); ++i)
                    name = store.freeName(QStringLiteral("%1 (%2)").arg(p.name).arg(i));
                s.profile.name = name;
            }
        }
        taken.insert(s.profile.name);
        steps.append(s);
    }
    return steps;
}

Expected<void> applyImport(ProfileStore &store, const QList<ImportStep> &steps)
{
    for (const ImportStep &s : steps) {
        if (s.action == ImportStep::Action::Skip)
            continue;
        if (auto r = store.save(s.profile, s.action == ImportStep::Action::Replace); !r)
            return r;
    }
    return {};
}

} // namespace vds::profiles
