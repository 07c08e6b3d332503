#include "ui/restore/restoretext.h"

#include <QCoreApplication>

#include "ui/jobs/errortext.h"

namespace vds::ui::restoretext {
namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui::restoretext", text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString fileName(const std::filesystem::path &p)
{
    return q(p.filename().string());
}

} // namespace

QString backupType(const std::string &type)
{
    if (type == "full")
        return tr("Full");
    if (type == "diff")
        return tr("Differential");
    if (type == "log")
        return tr("Log");
    if (type == "copy-only")
        return tr("Copy-only full");
    return q(type);
}

QString storage(const backup::Manifest &m)
{
    QStringList parts;
    if (m.codec == "zstd")
        parts << tr("zstd");
    if (m.encryption == "age-x25519")
        parts << tr("age (key)");
    else if (m.encryption == "age-scrypt")
        parts << tr("age (passphrase)");
    return parts.isEmpty() ? tr("plain") : parts.join(QStringLiteral(", "));
}

QString gap(const backup::ChainGap &g)
{
    QString text = tr("The backup chain has a gap: no log backup continues from LSN %1, where "
                      "%2 ends.")
                       .arg(q(g.lsn), fileName(g.after));
    if (!g.next.empty())
        text += QLatin1Char(' ') + tr("The next log backup, %1, starts at LSN %2, so a log "
                                      "backup taken between them is missing from the folder.")
                                       .arg(fileName(g.next), q(g.nextFirstLsn));
    text += QLatin1Char(' ') + tr("Put the missing log backup (its manifest and stripe files) "
                                  "into the folder and look again.");
    return text;
}

QString keyProblem(const Error &e, const backup::Manifest &m)
{
    const QString backupName = fileName(m.path);
    if (e.category == ErrorCategory::Permission) {
        if (m.encryption == "age-scrypt")
            return tr("The passphrase does not open the backup %1. Check the passphrase (it is "
                      "case-sensitive) and try again.")
                .arg(backupName);
        return tr("None of the keys in the identity file opens the backup %1: it was encrypted "
                  "for other recipients. Choose the identity file that belongs to one of its "
                  "recipients.")
            .arg(backupName);
    }
    if (e.category == ErrorCategory::NotFound)
        return tr("A stripe of the backup %1 is missing: %2.").arg(backupName, q(e.context));
    const ErrorText t = describe(e);
    return t.advice.isEmpty() ? t.headline : t.headline + QLatin1Char(' ') + t.advice;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

} // namespace vds::ui::restoretext
