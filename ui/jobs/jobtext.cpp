#include "ui/jobs/jobtext.h"

#include <QCoreApplication>

namespace vds::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobText", text);
}

} // namespace

QString phaseText(const QString &id)
{
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
