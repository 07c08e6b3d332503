#include "ui/pages/restorepage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/pages/pageid.h"
#include "ui/restore/restorewizard.h"

namespace vds::ui {

RestorePage::RestorePage(JobTracker &tracker, QWidget *parent) : QWidget(parent), m_tracker(tracker)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    auto *heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(pageTitle(PageId::Restore)), this);
    layout->addWidget(heading);
    auto *intro = new QLabel(
        tr("Restore a database from backups made by Virtual Device Studio or vdsctl: a full "
           "backup with its differential and log backups, under a new name or over an existing "
           "database, to the end of the chain or to a point in time. Encrypted and compressed "
           "backups restore as they are."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("server"));
    m_target->setWordWrap(true);
    layout->addWidget(m_target);
    m_open = new QPushButton(tr("Restore from files or a &folder…"), this);
    m_open->setObjectName(QStringLiteral("openRestore"));
    m_open->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    layout->addWidget(m_open);
    layout->addStretch(1);
    connect(m_open, &QPushButton::clicked, this, &RestorePage::openWizard);
    update();
}

void RestorePage::setServer(const backup::ServerRef &server, const sql::ConnectionOptions &resolved)
{
    m_server = server;
    m_connection = resolved;
    update();
}

void RestorePage::update()
{
    m_open->setEnabled(m_server.has_value());
    m_target->setText(
        m_server ? tr("Restores go to %1.").arg(QString::fromStdString(m_server->display()))
                 : tr("Choose the server to restore to on the Backup page first "
                      "(connect to a SQL Server, or try the built-in simulator)."));
}

RestoreWizard *RestorePage::openWizard()
{
    if (!m_server)
        return nullptr;
    auto *w = new RestoreWizard(m_tracker, *m_server, m_connection, this);
    w->setWindowFlag(Qt::Window);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->setConfirmCancel(m_confirmCancel);
    w->show();
    return w;
}

} // namespace vds::ui
