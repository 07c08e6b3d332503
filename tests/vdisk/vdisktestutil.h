#pragma once

#include <QByteArray>
#include <QFile>
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

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace vds::test
