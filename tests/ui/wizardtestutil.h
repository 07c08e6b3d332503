#pragma once

#include <QAbstractButton>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QWizard>
#include <QtEndian>

/// Helpers for driving the wizards as a user would and checking outputs with peers.
namespace vds::test {

/// Clicks Next (or the commit button) only if it is enabled, as a user could.
inline bool clickNext(QWizard &w)
{
    QAbstractButton *b = w.button(QWizard::CommitButton);
    if (!b || !b->isVisible())
        b = w.button(QWizard::NextButton);
    if (!b->isVisible() || !b->isEnabled())
        return false;
    QTest::mouseClick(b, Qt::LeftButton);
    return true;
}

struct Peer {
    int code = -1;
    QString out;
};

inline Peer runPeer(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAll())};
}

/// A raw image with a recognisable, non-zero pattern in every MiB except every fourth one
/// (left zero, so dynamic targets have blocks to skip).
inline bool writePatternImage(const QString &path, int mib)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk(1 << 20, '\0');
    const QByteArray zero(1 << 20, '\0');
    for (int i = 0; i < mib; ++i) {
        if (i % 4 == 3) {
            f.write(zero);
            continue;
        }
        for (int j = 0; j < chunk.size(); j += 8)
            qToLittleEndian<quint64>(quint64(i) * 0x9E3779B97F4A7C15ull ^ quint64(j),
                                     chunk.data() + j);
        if (f.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

} // namespace vds::test
