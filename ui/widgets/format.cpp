#include "ui/widgets/format.h"

#include <QCoreApplication>
#include <QLocale>

namespace vds::ui::format {

QString bytes(quint64 value)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = static_cast<double>(value);
    int u = 0;
    while (v >= 1024.0 && u < 5) {
        v /= 1024.0;
        ++u;
    }
    if (u == 0)
        return QCoreApplication::translate("Format", "%1 B").arg(value);
    return QStringLiteral("%1 %2").arg(QLocale().toString(v, 'f', v < 10 ? 2 : (v < 100 ? 1 : 0)),
                                       QString::fromLatin1(units[u]));
}

QString rate(double bps)
{
    static const char *const units[] = {"B/s", "kB/s", "MB/s", "GB/s", "TB/s"};
    double v = bps < 0 ? 0 : bps;
    int u = 0;
    while (v >= 1000.0 && u < 4) {
        v /= 1000.0;
        ++u;
    }
    // Three significant digits at most, without trailing zeros: 1.5 kB/s, 50 MB/s, 123 MB/s.
    const int decimals = u == 0 ? 0 : (v < 10 ? 2 : (v < 100 ? 1 : 0));
    QString number = QLocale().toString(v, 'f', decimals);
    const QChar point = QLocale().decimalPoint().at(0);
    if (decimals > 0) {
        while (number.endsWith(QLatin1Char('0')))
            number.chop(1);
        if (number.endsWith(point))
            number.chop(1);
    }
    return QStringLiteral("%1 %2").arg(number, QString::fromLatin1(units[u]));
}

QString duration(qint64 s)
{
    if (s < 0)
        return QStringLiteral("—");
    if (s < 60)
        return QCoreApplication::translate("Format", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Format", "%1 min %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Format", "%1 h %2 min")
        .arg(s / 3600)
        .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace vds::ui::format
