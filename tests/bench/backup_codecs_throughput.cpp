// Stripe writer/reader throughput against the zstd, age and dd tools on the same bytes, in the
// same run. Run: cmake --build build --target bench_backup_codecs [-- SIZE_MIB=1024 THREADS=2]
// or directly: backup_codecs_throughput [SIZE_MIB] [THREADS] [DIR]
//
// Each row: MB/s of our writer (raw stream in → file fsynced under its final name, both SHA-256s
// computed) and of the peer command (which hashes nothing; its output is fsynced too), and the
// ratio. The source is ~3.5:1 compressible text, read from the page cache by both sides.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <vds/backup/stripe.h>

using namespace vds::backup;
namespace fs = std::filesystem;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void makeSource(const fs::path &path, std::uint64_t bytes)
{
    static const char *kWords[] = {"INSERT ", "page ",   "lsn ",  "0x0000 ", "dbo.",
                                   "backup ", "stripe ", "NULL ", "row ",    "\n"};
    std::mt19937 rng(42);
    std::ofstream out(path, std::ios::binary);
    std::string block;
    std::uint64_t written = 0;
    while (written < bytes) {
        block.clear();
        while (block.size() < (4u << 20)) {
            block += kWords[rng() % 10];
            if (rng() % 4 == 0) {
                block += std::to_string(rng() % 100000);
            }
        }
        const auto n = std::min<std::uint64_t>(block.size(), bytes - written);
        out.write(block.data(), static_cast<std::streamsize>(n));
        written += n;
    }
}

/// Our writer fed from the source file in 4 MiB pieces (a typical VDI transfer size).
double ours(const fs::path &src, StripeWriteOptions o, std::uint64_t *fileBytes)
{
    fs::remove(o.path);
    const double t0 = now();
    auto w = StripeWriter::open(o);
    if (!w) {
        std::fprintf(stderr, "open: %s\n", w.error().toString().c_str());
        std::exit(1);
    }
    const int fd = ::open(src.c_str(), O_RDONLY);
    std::vector<std::byte> buf(4 << 20);
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n <= 0) {
            break;
        }
        if (auto r = (*w)->write(std::span(buf).first(static_cast<std::size_t>(n))); !r) {
            std::fprintf(stderr, "write: %s\n", r.error().toString().c_str());
            std::exit(1);
        }
    }
    ::close(fd);
    auto r = (*w)->finish();
    const double t = now() - t0;
    if (!r) {
        std::fprintf(stderr, "finish: %s\n", r.error().toString().c_str());
        std::exit(1);
    }
    *fileBytes = r->fileBytes;
    return t;
}

double ourRead(const fs::path &path, StripeReadOptions o)
{
    o.path = path;
    const double t0 = now();
    auto r = StripeReader::open(o);
    if (!r) {
        std::fprintf(stderr, "read open: %s\n", r.error().toString().c_str());
        std::exit(1);
    }
    std::vector<std::byte> buf(4 << 20);
    for (;;) {
        auto n = (*r)->read(buf);
        if (!n || *n == 0) {
            break;
        }
    }
    return now() - t0;
}

double shell(const std::string &command)
{
    const double t0 = now();
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "failed: %s\n", command.c_str());
        std::exit(1);
    }
    return now() - t0;
}

void row(const char *what, std::uint64_t bytes, double oursS, double peerS, const char *peer)
{
    const double mb = double(bytes) / 1e6;
    std::printf("%-28s %9.0f %9.0f   %5.2fx   (%s)\n", what, mb / oursS, mb / peerS, peerS / oursS,
                peer);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    const std::uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1024;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    const fs::path dir = argc > 3 ? fs::path(argv[3]) : fs::temp_directory_path() / "vds-bench";
    fs::create_directories(dir);
    const fs::path src = dir / "source.raw";
    const std::uint64_t bytes = mib << 20;
    makeSource(src, bytes);
    std::system(("cat " + src.string() + " > /dev/null").c_str()); // into the page cache
    const std::string T = std::to_string(threads);
    const std::string key = (dir / "key.txt").string();
    fs::remove(key);
    shell("age-keygen -o " + key + " 2>/dev/null");
    auto ids = age::readIdentityFile(key);
    const std::string recipient = *age::recipientOf(ids->front());

    std::printf("stripe codecs, %llu MiB of text-like data, %d zstd threads, in %s\n",
                static_cast<unsigned long long>(mib), threads, dir.c_str());
    std::printf("%-28s %9s %9s   %6s\n", "", "ours MB/s", "peer MB/s", "ratio");
    std::uint64_t fileBytes = 0;

    // SHA-256 alone: what every writer pays per byte on top of the codec.
    {
        StripeWriteOptions o;
        o.path = dir / "hash.bak";
        const double t = ours(src, o, &fileBytes);
        const double p = shell("sha256sum " + src.string() + " > /dev/null");
        row("raw (hash + write + fsync)", bytes, t, p, "sha256sum, hash only");
        const double d = shell("dd if=" + src.string() + " of=" + (dir / "dd.bak").string() +
                               " bs=4M conv=fsync status=none");
        row("raw", bytes, t, d, "dd bs=4M conv=fsync");
    }
    struct Z {
        int level;
        int threads;
    };
    for (const Z z : {Z{1, 0}, Z{1, threads}, Z{3, 0}, Z{3, threads}}) {
        StripeWriteOptions o;
        o.path = dir / "s.bak.zst";
        o.codec = Codec::Zstd;
        o.zstdLevel = z.level;
        o.zstdThreads = z.threads;
        const double t = ours(src, o, &fileBytes);
        const std::string out = (dir / "cli.zst").string();
        const std::string tFlag =
            z.threads > 0 ? " -T" + std::to_string(z.threads) : " --single-thread";
        const std::string cmd = "zstd -q -f -" + std::to_string(z.level) + tFlag + " " +
                                src.string() + " -o " + out + " && sync " + out;
        const double p = shell(cmd);
        char what[64];
        std::snprintf(what, sizeof what, "zstd-%d %s (%.2f:1)", z.level,
                      z.threads > 0 ? ("T" + std::to_string(z.threads)).c_str() : "ST",
                      double(bytes) / double(fileBytes));
        row(what, bytes, t, p,
            ("zstd" + tFlag + " -" + std::to_string(z.level) + " + sync").c_str());
    }
    {
        StripeWriteOptions o;
        o.path = dir / "s.bak.zst.age";
        o.codec = Codec::Zstd;
        o.zstdLevel = 3;
        o.zstdThreads = threads;
        o.encryption = Encryption::AgeX25519;
        o.recipients = {recipient};
        const double t = ours(src, o, &fileBytes);
        const std::string out = (dir / "cli.zst.age").string();
        const double p = shell("zstd -q -c -3 -T" + T + " " + src.string() + " | age -r " +
                               recipient + " -o " + out + " && sync " + out);
        row(("zstd-3 T" + T + " + age").c_str(), bytes, t, p, "zstd | age -r + sync");

        const double rt = ourRead(o.path, {{}, {ids->front()}, {}});
        const double rp =
            shell("age -d -i " + key + " " + o.path.string() + " | zstd -d -q -c > /dev/null");
        row("read zstd-3 + age", bytes, rt, rp, "age -d | zstd -d");
    }
    {
        const fs::path p = dir / "s.bak.zst";
        StripeWriteOptions o;
        o.path = p;
        o.codec = Codec::Zstd;
        o.zstdLevel = 3;
        o.zstdThreads = threads;
        (void)ours(src, o, &fileBytes);
        const double rt = ourRead(p, {});
        const double rp = shell("zstd -d -q -c " + p.string() + " > /dev/null");
        row("read zstd-3", bytes, rt, rp, "zstd -d");
    }
    fs::remove_all(dir);
    return 0;
}
