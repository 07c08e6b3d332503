#include "ui/vhd/commonpages.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/profiles/saveasprofile.h"
#include "ui/vhd/vhdcommand.h"
#include "ui/vhd/vhdwizard.h"
#include "ui/widgets/format.h"
#include <vds/profiles/fromparams.h>

namespace vds::ui::vhd {

// --- LocationPage ------------------------------------------------------------------------

LocationPage::LocationPage(VhdWizard *wizard, QString defaultDirectory)
    : m_wizard(wizard), m_defaultDirectory(std::move(defaultDirectory))
{
    setTitle(tr("Location"));
    setSubTitle(tr("Where should the new virtual disk be saved? An existing file is never "
                   "overwritten."));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("Virtual disk file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    layout->addWidget(m_error);
    layout->addStretch(1);
    registerField(QStringLiteral("path*"), m_path);

    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_error->setText(problem());
        emit completeChanged();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString ext = extensionFor(m_wizard->params().format);
        const QString chosen = QFileDialog::getSaveFileName(
            this, tr("Save virtual disk as"), m_path->text(), tr("Virtual disks (*.%1)").arg(ext),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_path->setText(withExtension(chosen, m_wizard->params().format));
    });
}

void LocationPage::initializePage()
{
    const auto format = m_wizard->params().format;
    if (m_path->text().isEmpty()) {
        QString name = QStringLiteral("disk");
        const std::string source = m_wizard->params().sourcePath;
        if (!source.empty())
            name = QFileInfo(QString::fromStdString(source)).completeBaseName();
        m_path->setText(withExtension(QDir(m_defaultDirectory).filePath(name), format));
    } else {
        m_path->setText(withExtension(m_path->text(), format));
    }
    m_error->setText(problem());
}

QString LocationPage::problem() const
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return tr("Choose a file name.");
    const QFileInfo fi(path);
    if (!fi.isAbsolute())
        return tr("Give a full path (starting with /).");
    if (fi.exists())
        return tr("%1 already exists. Choose another name; existing files are never "
                  "overwritten.")
            .arg(path);
    const QFileInfo dir(fi.absolutePath());
    if (!dir.exists())
        return tr("The folder %1 does not exist.").arg(dir.filePath());
    if (!dir.isDir() || !dir.isWritable())
        return tr("You cannot write to the folder %1.").arg(dir.filePath());
    return {};
}

bool LocationPage::isComplete() const
{
    return problem().isEmpty();
}

// --- SummaryPage -------------------------------------------------------------------------

SummaryPage::SummaryPage(VhdWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the settings. The same job on the command line is shown below."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Start"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Command line:"), this));
    m_command = new QPlainTextEdit(this);
    m_command->setReadOnly(true);
    m_command->setAccessibleName(tr("Equivalent command line"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setMaximumHeight(72);
    layout->addWidget(m_command);
    // The same job kept for later: the Profiles page and `vdsctl run` run it again.
    auto *save = new QPushButton(tr("Save as &profile…"), this);
    save->setObjectName(QStringLiteral("saveAsProfile"));
    connect(save, &QPushButton::clicked, this, [this] {
        // Named by the save dialog; a placeholder passes the name check here.
        auto profile = profiles::profileFor(m_wizard->params(), QStringLiteral("profile"));
        if (!profile)
            return; // the summary is only reached with params the command line accepts
        profile->name.clear();
        saveAsProfile(this, *profile);
    });
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(save);
    layout->addLayout(row);
    layout->addStretch(1);
}

void SummaryPage::initializePage()
{
    const vdisk::CreateParams p = m_wizard->params();
    auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
            .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    const QString type = p.type == vdisk::DiskType::Fixed     ? tr("Fixed size")
                         : p.type == vdisk::DiskType::Dynamic ? tr("Dynamically expanding")
                                                              : tr("Differencing");
    QString html = QStringLiteral("<table>");
    if (!p.sourcePath.empty())
        html += row(tr("Source"), QString::fromStdString(p.sourcePath));
    html += row(tr("Format"), extensionFor(p.format).toUpper());
    html += row(tr("Type"), type);
    if (!p.parentPath.empty())
        html += row(tr("Parent"), QString::fromStdString(p.parentPath));
    if (p.maximumSize != 0)
        html += row(tr("Size"), format::bytes(p.maximumSize));
    else if (!p.sourcePath.empty())
        html += row(tr("Size"), tr("the source's size"));
    html += row(tr("Block size"), p.blockSize ? format::bytes(p.blockSize) : tr("default"));
    if (p.sourcePath.empty())
        html += row(
            tr("Sector size"),
            tr("%1 bytes logical, %2 physical")
                .arg(p.logicalSectorSize ? p.logicalSectorSize : 512)
                .arg(p.physicalSectorSize ? QString::number(p.physicalSectorSize) : tr("default")));
    else
        html += row(tr("Options"),
                    QStringList{p.verify ? tr("verify after writing") : QString(),
                                p.preventWritesToSource ? tr("source read-only during the copy")
                                                        : QString(),
                                p.sparseFile ? tr("sparse file") : QString()}
                        .filter(QRegularExpression(QStringLiteral(".")))
                        .join(QStringLiteral(", ")));
    html += row(tr("File"), QString::fromStdString(p.path));
    html += QStringLiteral("</table>");
    m_summary->setText(html);
    m_command->setPlainText(vdsctlCommand(p));
}

QString SummaryPage::summaryText() const
{
    return m_summary->text();
}

QString SummaryPage::commandLine() const
{
    return m_command->toPlainText();
}

// --- ProgressPage ------------------------------------------------------------------------

ProgressPage::ProgressPage(VhdWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Working"));
    setSubTitle(tr("You can close this window: the job keeps running in the Jobs panel."));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_view = new JobView(wizard->tracker(), this);
    layout->addWidget(m_view);
    connect(wizard, &VhdWizard::jobStarted, this, [this](jobs::JobId id) {
        m_status->clear();
        m_view->setJob(id);
    });
    connect(wizard, &VhdWizard::jobFailedToStart, this, [this](const QString &reason) {
        m_status->setText(tr("<b>The job could not start.</b> %1").arg(reason.toHtmlEscaped()));
        m_view->setVisible(false);
        setFinalPage(true);
        m_finished = true;
        emit completeChanged();
    });
    connect(m_view, &JobView::jobFinished, this, [this] {
        m_finished = true;
        emit completeChanged();
        // Move on by itself once the job has ended.
        QTimer::singleShot(0, m_wizard, &QWizard::next);
    });
}

void ProgressPage::initializePage()
{
    m_view->setConfirmCancel(m_wizard->confirmCancel());
    if (m_wizard->jobId() == 0)
        m_status->setText(tr("Preparing…"));
    m_wizard->startJob();
}

bool ProgressPage::isComplete() const
{
    return m_finished;
}

// --- ResultPage --------------------------------------------------------------------------

ResultPage::ResultPage(VhdWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Result"));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_view = new JobView(wizard->tracker(), this);
    layout->addWidget(m_view);
}

void ResultPage::initializePage()
{
    m_view->setJob(m_wizard->jobId());
    const TrackedJob *j = m_wizard->tracker().job(m_wizard->jobId());
    const bool ok = j && j->result && j->result->succeeded();
    setSubTitle(ok ? tr("The virtual disk is ready.")
                   : tr("The job did not complete. Nothing incomplete was left behind."));
}

} // namespace vds::ui::vhd
