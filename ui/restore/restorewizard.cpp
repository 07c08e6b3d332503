#include "ui/restore/restorewizard.h"

#include "ui/jobs/errortext.h"
#include "ui/jobs/jobtracker.h"
#include "ui/restore/restorepages.h"
#include "ui/restore/serverprobe.h"
#include <vds/backup/restorejob.h>

namespace vds::ui {

RestoreWizard::RestoreWizard(JobTracker &tracker, backup::ServerRef server,
                             sql::ConnectionOptions connection, QWidget *parent)
    : QWizard(parent), m_tracker(tracker), m_server(std::move(server)),
      m_connection(std::move(connection)), m_probe(new ServerProbe(this))
{
    setWindowTitle(tr("Restore a database"));
    setObjectName(QStringLiteral("RestoreWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    resize(820, 620);
    m_source = new restore::SourcePage(this);
    m_pointInTime = new restore::PointInTimePage(this);
    m_keys = new restore::KeysPage(this);
    m_target = new restore::TargetPage(this);
    m_files = new restore::FilesPage(this);
    m_summary = new restore::SummaryPage(this);
    m_progress = new restore::ProgressPage(this);
    m_result = new restore::ResultPage(this);
    setPage(Source, m_source);
    setPage(PointInTime, m_pointInTime);
    setPage(Keys, m_keys);
    setPage(Target, m_target);
    setPage(Files, m_files);
    setPage(Summary, m_summary);
    setPage(Progress, m_progress);
    setPage(Result, m_result);
    setStartId(Source);
    // The server is asked once, at once, while people pick their files.
    connect(m_probe, &ServerProbe::finished, this, &RestoreWizard::serverProbed);
    m_probe->start(m_connection);
}

RestoreWizard::~RestoreWizard() = default;

int RestoreWizard::nextId() const
{
    auto encrypted = [this] {
        auto c = chain();
        if (!c)
            return false;
        for (const auto &m : c->steps)
            if (m.encryption != "none" && !m.encryption.empty())
                return true;
        return false;
    };
    switch (currentId()) {
    case Source:
        if (m_source->inspection() && m_source->inspection()->chain.pointInTimeRange())
            return PointInTime;
        [[fallthrough]];
    case PointInTime: return encrypted() ? Keys : Target;
    case Keys: return Target;
    case Target: return Files;
    case Files: return Summary;
    case Summary: return Progress;
    case Progress: return Result;
    default: return -1;
    }
}

Expected<backup::RestoreChain> RestoreWizard::chain() const
{
    const QString from = m_source->source();
    if (from.isEmpty())
        return fail(ErrorCategory::InvalidArgument, "no backup chosen");
    return backup::assembleChain(from.toStdString(), m_source->sourceDatabase(),
                                 m_pointInTime->stopAt());
}

backup::RestoreParams RestoreWizard::params() const
{
    backup::RestoreParams p;
    p.server = m_server;
    p.connection = m_connection;
    p.from = m_source->source().toStdString();
    p.sourceDatabase = m_source->sourceDatabase();
    p.stopAt = m_pointInTime->stopAt();
    // Keys only for what the chain as chosen now needs (people may have gone back and picked
    // other backups after the keys page).
    bool identity = false;
    bool passphrase = false;
    if (auto c = chain())
        for (const auto &m : c->steps) {
            identity |= m.encryption == "age-x25519";
            passphrase |= m.encryption == "age-scrypt";
        }
    if (identity) {
        p.identityFile = m_keys->identityFile().toStdString();
        p.identities = m_keys->identities();
    }
    if (passphrase)
        p.passphrase = m_keys->passphrase();
    p.database = m_target->name().toStdString();
    p.replace = m_target->replace();
    p.norecovery = m_target->norecovery();
    p.moves = m_files->explicitMoves(p);
    return p;
}

const ServerSnapshot *RestoreWizard::serverSnapshot() const
{
    const auto &r = m_probe->result();
    return r && r->has_value() ? &r->value() : nullptr;
}

QString RestoreWizard::serverProblem() const
{
    const auto &r = m_probe->result();
    if (!r || r->has_value())
        return {};
    const ErrorText t = describe(r->error());
    return tr("The server %1 could not be asked for its databases and folders. %2 %3")
        .arg(QString::fromStdString(m_server.display()), t.headline, t.advice)
        .trimmed();
}

void RestoreWizard::startJob()
{
    if (m_job != 0)
        return;
    m_job = m_tracker.runner().start(std::make_unique<backup::RestoreJob>(params()));
    emit jobStarted(m_job);
}

} // namespace vds::ui
