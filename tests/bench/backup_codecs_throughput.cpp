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
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <vds/backup/stripe.h>

using namespace vds::backup;
namespace fs = std::filesystem;

namespace {

/// CPU seconds (user + system) of this process (zstd's workers included) or of its waited-for
/// children (the peer tools).
double cpu(int who)
{
    rusage u{};
    ::getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

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

} // namespace

/// One comparison: our side and the peer's, each run `rounds` times interleaved; best of each
/// (the machine is shared, so the fastest run is the one least disturbed).
struct Pair {
    std::string what;
    std::string peer;
    std::function<double()> ours;
    std::function<double()> theirs;
};

int main(int argc, char **argv)
{
    const std::uint64_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1024;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    const fs::path dir = argc > 4 ? fs::path(argv[4]) : fs::temp_directory_path() / "vds-bench";
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
    std::uint64_t fileBytes = 0;

    auto zstdOptions = [&](int level, int t, bool aged) {
        StripeWriteOptions o;
        o.path = dir / (aged ? "s.bak.zst.age" : "s.bak.zst");
        o.codec = Codec::Zstd;
        o.zstdLevel = level;
        o.zstdThreads = t;
        if (aged) {
            o.encryption = Encryption::AgeX25519;
            o.recipients = {recipient};
        }
        return o;
    };
    std::vector<Pair> pairs;
    {
        StripeWriteOptions o;
        o.path = dir / "s.bak";
        pairs.push_back(
            {"raw", "dd bs=4M conv=fsync", [=, &fileBytes] { return ours(src, o, &fileBytes); },
             [=] {
                 return shell("dd if=" + src.string() + " of=" + (dir / "dd.bak").string() +
                              " bs=4M conv=fsync status=none");
             }});
    }
    struct Z {
        int level;
        int threads;
    };
    for (const Z z : {Z{1, 0}, Z{1, threads}, Z{3, 0}, Z{3, threads}}) {
        const std::string tFlag =
            z.threads > 0 ? " -T" + std::to_string(z.threads) : " --single-thread";
        const std::string out = (dir / "cli.zst").string();
        const std::string cmd = "zstd -q -f -" + std::to_string(z.level) + tFlag + " " +
                                src.string() + " -o " + out + " && sync " + out;
        const auto o = zstdOptions(z.level, z.threads, false);
        pairs.push_back({"zstd-" + std::to_string(z.level) +
                             (z.threads > 0 ? " T" + std::to_string(z.threads) : " ST"),
                         "zstd" + tFlag + " -" + std::to_string(z.level) + " + sync",
                         [=, &fileBytes] { return ours(src, o, &fileBytes); },
                         [=] { return shell(cmd); }});
    }
    {
        const auto o = zstdOptions(3, threads, true);
        const std::string out = (dir / "cli.zst.age").string();
        pairs.push_back({"zstd-3 T" + T + " + age", "zstd -T" + T + " -3 | age -r + sync",
                         [=, &fileBytes] { return ours(src, o, &fileBytes); },
                         [=] {
                             return shell("zstd -q -c -3 -T" + T + " " + src.string() +
                                          " | age -r " + recipient + " -o " + out + " && sync " +
                                          out);
                         }});
        pairs.push_back({"read zstd-3 + age", "age -d | zstd -d",
                         [=] {
                             return ourRead(o.path, {{}, {ids->front()}, {}});
                         },
                         [=] {
                             return shell("age -d -i " + key + " " + o.path.string() +
                                          " | zstd -d -q -c > /dev/null");
                         }});
    }
    {
        const auto o = zstdOptions(3, threads, false);
        pairs.push_back(
            {"read zstd-3", "zstd -d",
             [=] { return ourRead(o.path, {}); }, // written by the "zstd-3 T2" row
             [=] { return shell("zstd -d -q -c " + o.path.string() + " > /dev/null"); }});
        pairs.push_back(
            {"read raw", "sha256sum", [=] { return ourRead(dir / "s.bak", {}); },
             [=] { return shell("sha256sum " + (dir / "s.bak").string() + " > /dev/null"); }});
    }

    std::printf("stripe codecs: %llu MiB of text-like data, %d zstd threads, best of %d, in %s\n",
                static_cast<unsigned long long>(mib), threads, rounds, dir.c_str());
    std::printf("ours: raw stream in -> both SHA-256s -> file fsynced under its name (or back)\n");
    std::printf("wall-clock MB/s (ratio = ours / peer), and CPU seconds (user + sys) of each\n");
    std::printf("%-22s %9s %9s %7s %8s %8s  %s\n", "", "ours MB/s", "peer MB/s", "ratio",
                "ours cpu", "peer cpu", "peer");
    const double mb = double(bytes) / 1e6;
    for (const Pair &p : pairs) {
        double best = 1e9;
        double bestPeer = 1e9;
        double cpuOurs = 1e9;
        double cpuPeer = 1e9;
        for (int i = 0; i < rounds; ++i) {
            const double c0 = cpu(RUSAGE_SELF);
            best = std::min(best, p.ours());
            cpuOurs = std::min(cpuOurs, cpu(RUSAGE_SELF) - c0);
            const double c1 = cpu(RUSAGE_CHILDREN);
            bestPeer = std::min(bestPeer, p.theirs());
            cpuPeer = std::min(cpuPeer, cpu(RUSAGE_CHILDREN) - c1);
        }
        std::string what = p.what;
        if (p.what.starts_with("zstd")) {
            char ratio[32];
            std::snprintf(ratio, sizeof ratio, " (%.2f:1)", double(bytes) / double(fileBytes));
            what += ratio;
        }
        std::printf("%-22s %9.0f %9.0f %6.2fx %8.2f %8.2f  %s\n", what.c_str(), mb / best,
                    mb / bestPeer, bestPeer / best, cpuOurs, cpuPeer, p.peer.c_str());
        std::fflush(stdout);
    }
    fs::remove_all(dir);
    return 0;
}
