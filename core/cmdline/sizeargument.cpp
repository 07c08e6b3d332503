#include <vds/cmdline/sizeargument.h>

#include <QRegularExpression>

#include <limits>

namespace vds::cmdline {

std::optional<quint64> parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*([KMGT]?)(i?B)?\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const quint64 number = m.captured(1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    int shift = 0;
    switch (m.captured(2).toUpper().isEmpty() ? u'\0' : m.captured(2).toUpper().at(0).unicode()) {
    case u'K': shift = 10; break;
    case u'M': shift = 20; break;
    case u'G': shift = 30; break;
    case u'T': shift = 40; break;
    default: shift = 0; break;
    }
    if (shift > 0 && number > (std::numeric_limits<quint64>::max() >> shift))
        return std::nullopt;
    return number << shift;
}

QString sizeArgument(quint64 bytes)
{
    static const char suffix[] = {'T', 'G', 'M', 'K'};
    static const int shift[] = {40, 30, 20, 10};
    for (int i = 0; i < 4; ++i) {
        const quint64 unit = quint64(1) << shift[i];
        if (bytes >= unit && bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1Char(suffix[i]);
    }
    return QString::number(bytes);
}

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    QString q = word;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString shellCommand(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &w : words)
        quoted << shellQuote(w);
    return quoted.join(QLatin1Char(' '));
}

} // namespace vds::cmdline
