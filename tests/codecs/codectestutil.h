#pragma once

// Helpers of the backup_codecs_* tests: data, writing and reading stripes, running the real
// zstd/age/sha256sum tools as oracles.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <cstring>
#include <random>

#include <vds/backup/stripe.h>

namespace codectest {

using namespace Qt::Literals::StringLiterals;

/// Compressible, not trivially so: words from a small vocabulary with random numbers between.
inline QByteArray sampleData(qsizetype size, unsigned seed = 1)
{
    static const char *kWords[] = {"INSERT ", "page ",   "lsn ",  "0x0000 ", "dbo.",
                                   "backup ", "stripe ", "NULL ", "row ",    "\n"};
    std::mt19937 rng(seed);
    QByteArray out;
    out.reserve(size + 16);
    while (out.size() < size) {
        out.append(kWords[rng() % 10]);
        if (rng() % 4 == 0) {
            out.append(QByteArray::number(rng() % 100000));
        }
    }
    out.truncate(size);
    return out;
}

inline QByteArray randomData(qsizetype size, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (auto &c : out) {
        c = static_cast<char>(rng());
    }
    return out;
}

inline std::span<const std::byte> bytes(const QByteArray &a)
{
    return {reinterpret_cast<const std::byte *>(a.constData()), static_cast<std::size_t>(a.size())};
}

/// Writes `data` in pieces of `piece` bytes (0: one write); returns the result or the error.
inline vds::Expected<vds::backup::StripeWriteResult>
writeStripe(vds::backup::StripeWriteOptions options, const QByteArray &data, qsizetype piece = 0)
{
    auto w = vds::backup::StripeWriter::open(std::move(options));
    if (!w) {
        return std::unexpected(w.error());
    }
    if (piece <= 0) {
        piece = qMax<qsizetype>(1, data.size());
    }
    for (qsizetype at = 0; at < data.size(); at += piece) {
        if (auto r = (*w)->write(bytes(data.mid(at, piece))); !r) {
            return std::unexpected(r.error());
        }
    }
    return (*w)->finish();
}

struct ReadBack {
    QByteArray data;
    std::string rawSha256;
    std::string fileSha256;
    std::uint64_t rawBytes = 0;
};

inline vds::Expected<ReadBack> readStripe(vds::backup::StripeReadOptions options,
                                          std::size_t piece = 1 << 20)
{
    auto r = vds::backup::StripeReader::open(std::move(options));
    if (!r) {
        return std::unexpected(r.error());
    }
    ReadBack out;
    std::vector<std::byte> buf(piece);
    for (;;) {
        auto n = (*r)->read(buf);
        if (!n) {
            return std::unexpected(n.error());
        }
        if (*n == 0) {
            break;
        }
        out.data.append(reinterpret_cast<const char *>(buf.data()), static_cast<qsizetype>(*n));
    }
    out.rawSha256 = (*r)->rawSha256();
    out.fileSha256 = (*r)->fileSha256();
    out.rawBytes = (*r)->rawBytes();
    return out;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs a tool to completion (stdin from `input`).
inline Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
               int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted()) {
        r.err = QByteArray("cannot start ") + program.toUtf8();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// sha256sum's verdict on a file (lower-case hex).
inline std::string sha256sum(const QString &path)
{
    const Run r = run(u"sha256sum"_s, {path});
    return r.out.left(64).toStdString();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

/// Every entry of a folder, hidden ones included.
inline QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

inline std::filesystem::path fsPath(const QString &p)
{
    return std::filesystem::path(p.toStdString());
}

} // namespace codectest
