#pragma once

// Shared by the ui_connection_* tests: an isolated configuration and data folder per test
// run (connections.json, the simulator's folder), and small widget helpers.

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTreeWidget>

#include "ui/connections/connectiondialog.h"
#include <vds/connections/connectionstore.h>

namespace vds::test {

/// Points XDG_CONFIG_HOME and XDG_DATA_HOME at a fresh folder for the object's life, and
/// (unless told to keep it: with_keyring.sh's private bus) keeps the test off any session bus (so
/// the keyring answer does not depend on the machine running the test: no Secret Service → the
/// session-only fallback, which the tests expect to be worded).
class IsolatedHome {
public:
    enum class Bus { Drop, Keep };
    explicit IsolatedHome(Bus bus = Bus::Drop)
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        if (bus == Bus::Drop)
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }
    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

inline void fillDialog(ui::ConnectionDialog &d, const QString &name, quint16 port,
                       const QString &login, const QString &password,
                       const QString &host = QStringLiteral("127.0.0.1"))
{
    d.findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
    d.findChild<QLineEdit *>(QStringLiteral("host"))->setText(host);
    d.findChild<QSpinBox *>(QStringLiteral("port"))->setValue(port);
    d.findChild<QComboBox *>(QStringLiteral("driver"))->setCurrentText(QStringLiteral("FreeTDS"));
    d.findChild<QLineEdit *>(QStringLiteral("login"))->setText(login);
    d.findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
}

inline QStringList rowNames(const QTreeWidget *tree)
{
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        names << tree->topLevelItem(i)->text(0);
    return names;
}

/// A rich-text label's words as people read them (entities decoded, tags gone).
inline QString plain(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

inline QByteArray connectionsFile()
{
    QFile f(connections::ConnectionStore::path());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace vds::test
