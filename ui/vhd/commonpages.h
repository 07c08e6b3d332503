#pragma once

#include <QWizardPage>

#include <vds/jobs/jobrunner.h>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vds::ui {
class JobView;
}

namespace vds::ui::vhd {

class VhdWizard;

/// Where the new image goes. Refuses an existing file (nothing is ever overwritten), a missing
/// or unwritable folder, and keeps the extension in step with the chosen format.
/// Registers the mandatory field "path". GUI thread only.
class LocationPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocationPage)
public:
    LocationPage(VhdWizard *wizard, QString defaultDirectory);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] QString problem() const;

private:
    VhdWizard *m_wizard;
    QString m_defaultDirectory;
    QLineEdit *m_path = nullptr;
    QLabel *m_error = nullptr;
};

/// Everything the wizard collected, and the same job as a vdsctl command line to copy.
class SummaryPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)
public:
    explicit SummaryPage(VhdWizard *wizard);
    void initializePage() override;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString commandLine() const;

private:
    VhdWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_command = nullptr;
};

/// Starts the job and shows it live (JobView); moves on to the result when it ends.
class ProgressPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressPage)
public:
    explicit ProgressPage(VhdWizard *wizard);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    VhdWizard *m_wizard;
    JobView *m_view = nullptr;
    QLabel *m_status = nullptr;
    bool m_finished = false;
};

/// The outcome: figures, open folder / copy path, errors worded for people with details.
class ResultPage final : public QWizardPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultPage)
public:
    explicit ResultPage(VhdWizard *wizard);
    void initializePage() override;
    [[nodiscard]] JobView *view() const { return m_view; }

private:
    VhdWizard *m_wizard;
    JobView *m_view = nullptr;
};

} // namespace vds::ui::vhd
