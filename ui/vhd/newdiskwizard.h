#pragma once

#include "ui/vhd/vhdwizard.h"

namespace vds::ui::vhd {

class FormatPage;
class LocationPage;
class ParentPage;
class ProgressPage;
class ResultPage;
class SizePage;
class SummaryPage;
class TypePage;

/// New virtual disk: format → type → (parent for differencing | size) → location → summary
/// (with the vdsctl command) → progress → result. GUI thread only.
class NewDiskWizard final : public VhdWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDiskWizard)
public:
    enum PageId { Format, Type, Parent, Size, Location, Summary, Progress, Result };
    Q_ENUM(PageId)

    NewDiskWizard(JobTracker &tracker, const QString &defaultDirectory, QWidget *parent = nullptr);

    [[nodiscard]] vdisk::CreateParams params() const override;

    [[nodiscard]] FormatPage *formatPage() const { return m_format; }
    [[nodiscard]] TypePage *typePage() const { return m_type; }
    [[nodiscard]] ParentPage *parentPage() const { return m_parent; }
    [[nodiscard]] SizePage *sizePage() const { return m_size; }
    [[nodiscard]] LocationPage *locationPage() const { return m_location; }
    [[nodiscard]] SummaryPage *summaryPage() const { return m_summary; }
    [[nodiscard]] ProgressPage *progressPage() const { return m_progress; }
    [[nodiscard]] ResultPage *resultPage() const { return m_result; }

private:
    FormatPage *m_format;
    TypePage *m_type;
    ParentPage *m_parent;
    SizePage *m_size;
    LocationPage *m_location;
    SummaryPage *m_summary;
    ProgressPage *m_progress;
    ResultPage *m_result;
};

} // namespace vds::ui::vhd
