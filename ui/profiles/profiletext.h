#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include <vds/jobs/jobresult.h>
#include <vds/profiles/profile.h>

/// Words for profiles on screen (translatable), and a small dialog showing a text to copy.
namespace vds::ui {

[[nodiscard]] QString profileKindText(profiles::Kind kind);
[[nodiscard]] QString jobStatusText(jobs::JobStatus status);
/// Why a profile name is refused, as a sentence; empty for NameRefusal::None.
[[nodiscard]] QString nameRefusalText(const QString &name);
/// "backup.stripes: …" lines joined, first few only.
[[nodiscard]] QString profileIssuesText(const QList<profiles::Issue> &issues);

/// Shows a read-only text in a fixed font with a Copy button. GUI thread only.
class ProfileTextDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileTextDialog)
public:
    ProfileTextDialog(const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace vds::ui
