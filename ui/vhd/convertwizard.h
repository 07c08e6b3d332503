#pragma once

#include <QString>

#include <memory>

#include "ui/vhd/vhdwizard.h"

namespace vds::ui::vhd {

class LocationPage;
class OptionsPage;
class ProgressPage;
class ResultPage;
class SourcePage;
class SummaryPage;
class TargetPage;

/// Convert / capture: source (physical disk, raw image, VHD/VHDX) → target format and type →
/// options → location → summary (with the vdsctl command) → progress → result.
/// A disk this user cannot open directly is opened through UDisks2 in the background when the
/// job starts; the job keeps its own duplicate of that descriptor and the wizard closes its
/// own at once, so closing the wizard never disturbs the job. GUI thread only.
class ConvertWizard final : public VhdWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConvertWizard)
public:
    enum PageId { Source, Target, Options, Location, Summary, Progress, Result };
    Q_ENUM(PageId)

    ConvertWizard(JobTracker &tracker, const QString &defaultDirectory, QWidget *parent = nullptr);
    ~ConvertWizard() override;

    [[nodiscard]] vdisk::CreateParams params() const override;

    /// D-Bus address used for UDisks2 (empty: the system bus). Tests point it at a stand-in.
    void setUdisksBusAddress(const QString &address) { m_busAddress = address; }

    [[nodiscard]] SourcePage *sourcePage() const { return m_source; }
    [[nodiscard]] TargetPage *targetPage() const { return m_target; }
    [[nodiscard]] OptionsPage *optionsPage() const { return m_options; }
    [[nodiscard]] LocationPage *locationPage() const { return m_location; }
    [[nodiscard]] SummaryPage *summaryPage() const { return m_summary; }
    [[nodiscard]] ProgressPage *progressPage() const { return m_progress; }
    [[nodiscard]] ResultPage *resultPage() const { return m_result; }

protected:
    void prepareJob(vdisk::CreateParams params) override;

private:
    /// Back on the GUI thread after asking UDisks2: start with the descriptor, or say why not.
    void sourceOpened(int fd, const QString &reason, vdisk::CreateParams params);

    SourcePage *m_source;
    TargetPage *m_target;
    OptionsPage *m_options;
    LocationPage *m_location;
    SummaryPage *m_summary;
    ProgressPage *m_progress;
    ResultPage *m_result;
    QString m_busAddress;
};

} // namespace vds::ui::vhd
