#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QString>

#include <cstdint>

namespace vds::test {

/// Writes a raw image of `mib` MiB: random data in every third MiB, zeros elsewhere.
inline bool writeRaw(const QString &path, int mib, quint32 seed = 1)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(seed);
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < mib; ++i) {
        if (i % 3 == 0)
            rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        else
            block.fill('\0');
        if (f.write(block) != block.size())
            return false;
    }
    return true;
}

/// True when nothing a run writes before the image is complete is left beside `target`: no
/// named partial file (the fallback where unnamed files are not available), no `.partial`.
inline bool noLeftovers(const QString &target)
{
    const QFileInfo fi(target);
    return QDir(fi.absolutePath())
        .entryList({QStringLiteral("*.vds-partial"), QStringLiteral("*.partial")},
                   QDir::Files | QDir::Hidden | QDir::System)
        .isEmpty();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace vds::test
