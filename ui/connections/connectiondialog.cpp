#include "ui/connections/connectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "ui/connections/connectiontext.h"
#include <vds/connections/connectionstore.h>
#include <vds/connections/offthread.h>
#include <vds/sql/odbcdrivers.h>

namespace vds::ui {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

ConnectionDialog::ConnectionDialog(connections::PasswordVault &vault,
                                   const std::optional<connections::Connection> &existing,
                                   QWidget *parent)
    : QDialog(parent), m_vault(vault)
{
    setWindowTitle(existing ? tr("Edit Connection") : tr("Connect to a SQL Server"));
    setObjectName(QStringLiteral("ConnectionDialog"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(1433);
    m_driver = new QComboBox(this);
    m_driver->setObjectName(QStringLiteral("driver"));
    m_driver->setEditable(true); // a library path is a valid driver too
    for (const std::string &d : sql::installedDrivers())
        m_driver->addItem(q(d));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("auth"));
    m_auth->addItem(tr("SQL Server login"), int(sql::AuthKind::SqlLogin));
    m_auth->addItem(tr("Kerberos (your ticket)"), int(sql::AuthKind::Kerberos));
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_encryption = new QComboBox(this);
    m_encryption->setObjectName(QStringLiteral("encryption"));
    m_encryption->addItem(tr("Off"), int(sql::Encryption::Off));
    m_encryption->addItem(tr("When the server offers it"), int(sql::Encryption::Optional));
    m_encryption->addItem(tr("Required"), int(sql::Encryption::Required));
    m_encryption->addItem(tr("Strict (TDS 8)"), int(sql::Encryption::Strict));
    m_trust = new QCheckBox(tr("Trust the server's certificate without checking it"), this);
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_certHost = new QLineEdit(this);
    m_certHost->setObjectName(QStringLiteral("certificateHost"));
    m_certHost->setPlaceholderText(tr("the host name above"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), this));
    hostRow->addWidget(m_port);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Driver:"), m_driver);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Encryption:"), m_encryption);
    form->addRow(QString(), m_trust);
    form->addRow(tr("Certificate &host name:"), m_certHost);

    m_test = new QPushButton(tr("&Test"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(60);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("saveError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    layout->addLayout(testRow);
    layout->addWidget(m_result, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(520, 520);

    if (existing) {
        m_previousName = existing->name;
        m_name->setText(q(existing->name));
        m_host->setText(q(existing->host));
        m_port->setValue(existing->port);
        if (m_driver->findText(q(existing->driver)) < 0)
            m_driver->addItem(q(existing->driver));
        m_driver->setCurrentText(q(existing->driver));
        m_auth->setCurrentIndex(m_auth->findData(int(existing->auth)));
        m_login->setText(q(existing->login));
        m_encryption->setCurrentIndex(m_encryption->findData(int(existing->encryption)));
        m_trust->setChecked(existing->trustServerCertificate);
        m_certHost->setText(q(existing->hostNameInCertificate));
        m_password->setPlaceholderText(tr("kept in the keyring"));
        // The stored password fills the field, so Test and Save work without retyping it.
        m_vault.fetch(existing->name, this,
                      [this](const std::optional<std::string> &pw, connections::PasswordStorage) {
                          if (pw && m_password->text().isEmpty())
                              m_password->setText(q(*pw));
                      });
    } else {
        m_host->setText(QStringLiteral("localhost"));
        const int freetds = m_driver->findText(QStringLiteral("FreeTDS"), Qt::MatchFixedString);
        if (freetds >= 0)
            m_driver->setCurrentIndex(freetds);
    }

    connect(m_driver, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateForDriver);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateAuth);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::runTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateForDriver();
    updateAuth();
}

connections::Connection ConnectionDialog::connection() const
{
    connections::Connection c;
    c.name = m_name->text().trimmed().toStdString();
    c.host = m_host->text().trimmed().toStdString();
    c.port = static_cast<std::uint16_t>(m_port->value());
    c.driver = m_driver->currentText().trimmed().toStdString();
    c.auth = static_cast<sql::AuthKind>(m_auth->currentData().toInt());
    c.login =
        c.auth == sql::AuthKind::Kerberos ? std::string() : m_login->text().trimmed().toStdString();
    c.encryption = static_cast<sql::Encryption>(m_encryption->currentData().toInt());
    c.trustServerCertificate = m_trust->isChecked();
    c.hostNameInCertificate = m_certHost->text().trimmed().toStdString();
    return c;
}

std::string ConnectionDialog::password() const
{
    return m_password->text().toStdString();
}

void ConnectionDialog::updateForDriver()
{
    const std::string driver = m_driver->currentText().toStdString();
    // Kerberos and strict encryption only where the driver has them (one rule, in core).
    const bool kerberos = connections::driverSupportsKerberos(driver);
    if (!kerberos && m_auth->currentIndex() == 1)
        m_auth->setCurrentIndex(0);
    if (auto *model = qobject_cast<QStandardItemModel *>(m_auth->model()))
        model->item(1)->setEnabled(kerberos);
    const bool strict = connections::driverSupportsStrict(driver);
    if (!strict && m_encryption->currentData().toInt() == int(sql::Encryption::Strict))
        m_encryption->setCurrentIndex(m_encryption->findData(int(sql::Encryption::Required)));
    if (auto *model = qobject_cast<QStandardItemModel *>(m_encryption->model()))
        model->item(3)->setEnabled(strict);
}

void ConnectionDialog::updateAuth()
{
    const bool sqlLogin = m_auth->currentData().toInt() == int(sql::AuthKind::SqlLogin);
    m_login->setEnabled(sqlLogin);
    m_password->setEnabled(sqlLogin);
}

void ConnectionDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

void ConnectionDialog::runTest()
{
    if (m_testing)
        return;
    m_testing = true;
    setBusy(true);
    m_result->setText(tr("Testing the connection…"));
    sql::ConnectionOptions options = connection().options();
    options.password = password();
    connections::runOffThread(
        this, [options] { return connections::checkConnection(options); },
        [this](const connections::CheckResult &result) {
            m_testing = false;
            setBusy(false);
            m_lastCheck = result;
            m_result->setText(describeResult(result));
            emit testFinished(result);
        });
}

void ConnectionDialog::save()
{
    const connections::Connection c = connection();
    auto refuse = [this](const QString &why) {
        m_error->setText(QStringLiteral("<b>%1</b>").arg(why.toHtmlEscaped()));
        m_error->show();
    };
    if (c.name.empty())
        return refuse(tr("Give the connection a name."));
    if (c.name == connections::kSimulatorConnectionName)
        return refuse(tr("That name belongs to the built-in simulator."));
    if (c.host.empty())
        return refuse(tr("Give the server's host name or address."));
    if (c.auth == sql::AuthKind::SqlLogin && c.login.empty())
        return refuse(tr("Give the SQL Server login."));
    if (auto put = connections::ConnectionStore::put(c, m_previousName); !put) {
        if (put.error().category == ErrorCategory::InvalidArgument)
            return refuse(tr("A connection named \"%1\" exists already.").arg(q(c.name)));
        return refuse(tr("The connection could not be saved: %1").arg(q(put.error().message)));
    }
    setBusy(true);
    if (!m_previousName.empty() && m_previousName != c.name)
        m_vault.remove(m_previousName, this);
    const std::string pw = c.auth == sql::AuthKind::SqlLogin ? password() : std::string();
    m_vault.store(c.name, pw, this, [this, c](connections::PasswordStorage storage, const Error &) {
        setBusy(false);
        emit saved(c, storage);
        accept();
    });
}

} // namespace vds::ui
