#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/jobs/jobtracker.h"
#include "ui/jobs/jobview.h"
#include "ui/profiles/profiletext.h"
#include "ui/profiles/saveasprofile.h"
#include "ui/restore/restorepages.h"
#include "ui/restore/restoretext.h"
#include "ui/restore/restorewizard.h"
#include "ui/restore/serverprobe.h"
#include <vds/backup/commandline.h>
#include <vds/backup/names.h>
#include <vds/backup/restorejob.h>
#include <vds/cmdline/sizeargument.h>
#include <vds/profiles/fromparams.h>
#include <vds/sql/tsqlbuilder.h>

namespace vds::ui::restore {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QPlainTextEdit *codeBox(QWidget *parent, const QString &name, int height)
{
    auto *e = new QPlainTextEdit(parent);
    e->setReadOnly(true);
    e->setAccessibleName(name);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    e->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    e->setMaximumHeight(height);
    return e;
}

} // namespace

// --- SummaryPage -----------------------------------------------------------------------------

SummaryPage::SummaryPage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the restore. The statements the server will run and the same job on "
                   "the command line are shown below."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Restore"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("T-SQL (the set name is made for each run):"), this));
    m_tsql = codeBox(this, tr("T-SQL the server runs"), 150);
    m_tsql->setObjectName(QStringLiteral("tsql"));
    layout->addWidget(m_tsql);
    layout->addWidget(new QLabel(tr("Command line:"), this));
    m_command = codeBox(this, tr("Equivalent command line"), 80);
    m_command->setObjectName(QStringLiteral("command"));
    layout->addWidget(m_command);
    // The same restore kept for later: the Profiles page and `vdsctl run` run it again.
    auto *save = new QPushButton(tr("Save as &profile…"), this);
    save->setObjectName(QStringLiteral("saveAsProfile"));
    connect(save, &QPushButton::clicked, this, [this] {
        // Named by the save dialog; a placeholder passes the name check here.
        auto profile = profiles::profileFor(m_wizard->params(), QStringLiteral("profile"));
        if (!profile) {
            QMessageBox::warning(this, tr("Save as profile"), profileIssuesText(profile.error()));
            return;
        }
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
    const backup::RestoreParams p = m_wizard->params();
    auto chain = m_wizard->chain();
    const ServerSnapshot *server = m_wizard->serverSnapshot();
    auto row = [](const QString &k, const QString &v) -> QString {
        return QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
            .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Server"), q(p.server.display()));
    html += row(tr("From"), q(p.from.string()));
    if (chain) {
        QStringList steps;
        for (const auto &m : chain->steps)
            steps << tr("%1 (%2)").arg(restoretext::backupType(m.type),
                                       restoretext::when(m.finishedAt));
        html += row(tr("Backups"), steps.join(QStringLiteral(" → ")));
    }
    html += row(tr("Point in time"),
                p.stopAt ? restoretext::when(*p.stopAt) : tr("the end of the chain"));
    html +=
        row(tr("Database"), p.replace ? tr("%1 — replaces the existing database").arg(q(p.database))
                                      : tr("%1 (new)").arg(q(p.database)));
    html += row(tr("Afterwards"),
                p.norecovery ? tr("left restoring (NORECOVERY)") : tr("online (RECOVERY)"));
    if (!p.identityFile.empty())
        html += row(tr("Identity file"), q(p.identityFile));
    if (!p.passphrase.empty())
        html += row(tr("Passphrase"), tr("given (not stored)"));
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    // The statements from the job's own builder; the set name is a placeholder here because
    // each run makes a fresh one.
    QStringList statements;
    if (chain && server) {
        const auto moves = backup::plannedMoves(
            p, chain->steps.front(), server->facts.defaultDataPath, server->facts.defaultLogPath);
        std::optional<std::string> stopAt;
        if (p.stopAt && chain->stopAtLast)
            stopAt = backup::serverLocalTime(*p.stopAt, server->utcOffsetSeconds);
        const std::string set = backup::setName(p.database, "<uuid>");
        for (std::size_t i = 0; i < chain->steps.size(); ++i) {
            auto sql = sql::buildRestore(backup::restoreSpec(p, *chain, i, moves, stopAt, set));
            statements << (sql ? q(*sql)
                               : tr("-- cannot be built: %1").arg(q(sql.error().message)));
        }
    }
    m_tsql->setPlainText(statements.join(QStringLiteral(";\n\n")) +
                         (statements.isEmpty() ? QString() : QStringLiteral(";")));

    // Secrets stay references on a command line: the passphrase comes from a variable.
    backup::RestoreParams shown = p;
    QString prefix;
    if (!shown.passphrase.empty()) {
        shown.passphraseEnv = "VDS_PASSPHRASE";
        prefix = tr("# set VDS_PASSPHRASE to the passphrase first\n");
    }
    m_command->setPlainText(
        prefix +
        cmdline::shellCommand(QStringList{QStringLiteral("vdsctl"), QStringLiteral("restore")} +
                              backup::commandline::toArguments(shown)));
}

QString SummaryPage::summaryText() const
{
    return m_summary->text();
}

QString SummaryPage::tsql() const
{
    return m_tsql->toPlainText();
}

QString SummaryPage::commandLine() const
{
    return m_command->toPlainText();
}

// --- ProgressPage ----------------------------------------------------------------------------

ProgressPage::ProgressPage(RestoreWizard *wizard) : m_wizard(wizard)
{
    setTitle(tr("Restoring"));
    setSubTitle(tr("You can close this window: the restore keeps running in the Jobs panel."));
    auto *layout = new QVBoxLayout(this);
    m_view = new JobView(wizard->tracker(), this);
    layout->addWidget(m_view);
    connect(wizard, &RestoreWizard::jobStarted, this,
            [this](jobs::JobId id) { m_view->setJob(id); });
    connect(m_view, &JobView::jobFinished, this, [this] {
        m_finished = true;
        emit completeChanged();
        QTimer::singleShot(0, m_wizard, &QWizard::next);
    });
}

void ProgressPage::initializePage()
{
    m_view->setConfirmCancel(m_wizard->confirmCancel());
    m_wizard->startJob();
}

bool ProgressPage::isComplete() const
{
    return m_finished;
}

// --- ResultPage ------------------------------------------------------------------------------

ResultPage::ResultPage(RestoreWizard *wizard) : m_wizard(wizard)
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
    const backup::RestoreParams p = m_wizard->params();
    setSubTitle(ok ? (p.norecovery
                          ? tr("%1 is restored and left restoring: apply further log backups, "
                               "then recover it.")
                                .arg(q(p.database))
                          : tr("%1 is restored and online.").arg(q(p.database)))
                   : tr("The restore did not complete."));
}

} // namespace vds::ui::restore
