#include "ui/jobs/jobtext.h"

#include <QCoreApplication>

namespace vds::ui {
namespace {

// lupdate files a free function's tr() under the enclosing namespace, so the lookup context
// is that namespace's name too (another name would never find the translation).
QString tr(const char *text)
{
    return QCoreApplication::translate("vds::ui", text);
}

} // namespace

QString phaseText(const QString &id)
{
    if (id == QLatin1String("connect"))
        return tr("Connecting");
    if (id == QLatin1String("check"))
        return tr("Checking the backup files");
    if (id == QLatin1String("backup"))
        return tr("Backing up");
    if (id == QLatin1String("restore-full"))
        return tr("Restoring the full backup");
    if (id == QLatin1String("restore-diff"))
        return tr("Restoring the differential backup");
    if (id == QLatin1String("restore-log"))
        return tr("Restoring a log backup");
    if (id == QLatin1String("restore-copy-only"))
        return tr("Restoring the copy-only backup");
    if (id == QLatin1String("verify-server"))
        return tr("Verifying on the server");
    if (id == QLatin1String("prepare"))
        return tr("Preparing");
    if (id == QLatin1String("copy"))
        return tr("Copying");
    if (id == QLatin1String("finish"))
        return tr("Finishing");
    if (id == QLatin1String("verify"))
        return tr("Verifying");
    return id;
}

QString phaseText(const QString &id, int step, int steps)
{
    if (steps <= 0)
        return phaseText(id);
    //: A phase and where it stands among its steps: "Restoring a log backup (2 of 3)"
    return tr("%1 (%2 of %3)").arg(phaseText(id)).arg(step).arg(steps);
}

QString seriesText(const QString &id)
{
    if (id == QLatin1String("read"))
        return tr("Read");
    if (id == QLatin1String("written"))
        return tr("Written");
    if (id.startsWith(QLatin1String("stripe-")))
        return tr("Stripe %1").arg(id.mid(7));
    return id;
}

QStringList seriesTexts(const QStringList &ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (const QString &id : ids)
        out << seriesText(id);
    return out;
}

} // namespace vds::ui
