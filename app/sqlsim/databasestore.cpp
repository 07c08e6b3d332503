#include "databasestore.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace vds::sqlsim {

namespace fs = std::filesystem;

namespace {

// Catalog fields are tab-separated; names may hold anything, so %, tab, CR and LF are escaped.
std::string escape(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '%' || c == '\t' || c == '\n' || c == '\r') {
            static const char hex[] = "0123456789ABCDEF";
            out.push_back('%');
            out.push_back(hex[(static_cast<unsigned char>(c) >> 4) & 0xF]);
            out.push_back(hex[static_cast<unsigned char>(c) & 0xF]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string unescape(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out.push_back(
                static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::vector<std::string> split(const std::string &line)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto tab = line.find('\t', start);
        parts.push_back(unescape(line.substr(start, tab - start)));
        if (tab == std::string::npos)
            break;
        start = tab + 1;
    }
    return parts;
}

std::int64_t toMs(SimTime t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
SimTime fromMs(std::int64_t ms)
{
    return SimTime(std::chrono::milliseconds(ms));
}

/// The change map's page hash: FNV-style over 64-bit words in four independent lanes (so the
/// multiplies overlap), each step a bijection of the lane — a change in one word always changes
/// the hash — with an xorshift so high-bit changes cannot cancel out. Several GB/s: fast
/// enough to run while a full backup streams.
std::uint64_t wordHash(const std::uint8_t *p, std::size_t n)
{
    constexpr std::uint64_t kPrime = 1099511628211ull;
    std::uint64_t h[4] = {1469598103934665603ull, 0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full,
                          0x165667B19E3779F9ull};
    auto step = [](std::uint64_t x, std::uint64_t w) {
        x = (x ^ w) * kPrime;
        return x ^ (x >> 29);
    };
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; ++k) {
            std::uint64_t w;
            std::memcpy(&w, p + i + 8 * static_cast<std::size_t>(k), 8);
            h[k] = step(h[k], w);
        }
    for (; i < n; ++i)
        h[0] = step(h[0], p[i]);
    std::uint64_t r = h[0];
    for (int k = 1; k < 4; ++k)
        r = step(r, h[k]);
    return r;
}

// Pages that look like table data: a header and rows of words from a small vocabulary, so the
// file compresses like a real database does rather than like noise.
SimResult<void> writeSeedFile(const fs::path &path, std::uint64_t size, std::uint64_t seed)
{
    static const char *const words[] = {
        "alpha", "invoice", "customer", "Lisbon", "order", "2026-11-22", "pending", "shipped",
        "total", "Zurich",  "widget",   "gadget", "42",    "1999.95",    "note",    "Oslo"};
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return sqlError(5123, "CREATE FILE encountered operating system error while attempting "
                              "to open or create the physical file '" +
                                  path.string() + "'.");
    std::mt19937_64 rng(seed);
    std::vector<char> page(kPageSize);
    const std::uint64_t pages = (size + kPageSize - 1) / kPageSize;
    for (std::uint64_t p = 0; p < pages; ++p) {
        std::fill(page.begin(), page.end(), '\0');
        std::snprintf(page.data(), 96, "PAGE %llu of %llu", static_cast<unsigned long long>(p),
                      static_cast<unsigned long long>(pages));
        std::size_t at = 96;
        const std::size_t fill = 2000 + rng() % 6000; // rows end somewhere; the rest stays zero
        while (at + 16 < fill) {
            const char *w = words[rng() % std::size(words)];
            const std::size_t n = std::min(std::strlen(w), fill - at);
            std::memcpy(page.data() + at, w, n);
            at += n;
            page[at++] = (rng() % 5 == 0) ? '\n' : ' ';
            if (rng() % 7 == 0) {
                const auto v = static_cast<std::uint32_t>(rng());
                std::memcpy(page.data() + at, &v, 4);
                at += 4;
            }
        }
        out.write(page.data(), kPageSize);
    }
    out.close();
    if (!out)
        return sqlError(5149, "MODIFY FILE encountered operating system error 28 (No space left "
                              "on device) while attempting to expand the physical file '" +
                                  path.string() + "'.");
    return {};
}

} // namespace

DatabaseStore::DatabaseStore(fs::path dataDir) : m_dir(std::move(dataDir)) {}

bool DatabaseStore::sameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

SimResult<void> DatabaseStore::open()
{
    std::error_code ec;
    fs::create_directories(m_dir / ".sqlsim", ec);
    if (ec)
        return sqlError(5123,
                        "cannot create data directory '" + m_dir.string() + "': " + ec.message());
    std::lock_guard lock(m_mutex);
    std::ifstream in(m_dir / ".sqlsim" / "catalog");
    std::string line;
    while (std::getline(in, line)) {
        const auto f = split(line);
        if (f[0] == "lsn" && f.size() >= 3) {
            m_lsn = std::stoull(f[1]);
            m_nextId = std::stoi(f[2]);
        } else if (f[0] == "db" && f.size() >= 11) {
            SimDatabase d;
            d.name = f[1];
            d.id = std::stoi(f[2]);
            d.state = f[3];
            d.recoveryModel = f[4];
            d.created = fromMs(std::stoll(f[5]));
            d.fullBaseLsn = std::stoull(f[6]);
            d.logBaseLsn = std::stoull(f[7]);
            d.restoredLsn = std::stoull(f[8]);
            d.restoredFullLsn = std::stoull(f[9]);
            if (f.size() >= 12)
                d.restoredAtMs = std::stoll(f[11]);
            m_databases.push_back(std::move(d));
        } else if (f[0] == "file" && f.size() >= 5) {
            if (SimDatabase *d = findLocked(f[1]))
                d->files.push_back({f[2], fs::path(f[3]), f[4] == "1"});
        } else if (f[0] == "hist" && f.size() >= 11) {
            BackupRecord r;
            r.database = f[1];
            r.type = f[2].empty() ? 'D' : f[2][0];
            r.started = fromMs(std::stoll(f[3]));
            r.finished = fromMs(std::stoll(f[4]));
            r.firstLsn = std::stoull(f[5]);
            r.lastLsn = std::stoull(f[6]);
            r.databaseBackupLsn = std::stoull(f[7]);
            r.bytes = std::stoull(f[8]);
            r.copyOnly = f[9] == "1";
            r.description = f[10];
            if (f.size() >= 12)
                r.differentialBaseLsn = std::stoull(f[11]);
            m_history.push_back(std::move(r));
        }
    }
    // Loose NAME.mdf files (copied in by hand) become databases too.
    for (const auto &entry : fs::directory_iterator(m_dir, ec)) {
        if (entry.path().extension() != ".mdf")
            continue;
        const std::string name = entry.path().stem().string();
        if (findLocked(name))
            continue;
        SimDatabase d;
        d.name = name;
        d.id = m_nextId++;
        d.created = std::chrono::system_clock::now();
        d.files.push_back({name, entry.path(), false});
        const fs::path log = m_dir / (name + "_log.ldf");
        if (fs::exists(log))
            d.files.push_back({name + "_log", log, true});
        m_databases.push_back(std::move(d));
    }
    saveLocked();
    return {};
}

SimResult<void> DatabaseStore::seed(const std::string &name, std::uint64_t size)
{
    if (find(name))
        return {};
    if (name.empty() || name.find('/') != std::string::npos || name.find('\0') != std::string::npos)
        return sqlError(5102, "Database name '" + name + "' cannot be used as a file name.");
    const fs::path data = m_dir / (name + ".mdf");
    const fs::path log = m_dir / (name + "_log.ldf");
    const std::uint64_t nameSeed = std::hash<std::string>{}(name);
    if (auto r = writeSeedFile(data, size, nameSeed); !r)
        return r;
    if (auto r = writeSeedFile(log, std::max<std::uint64_t>(size / 8, 1u << 20), ~nameSeed); !r)
        return r;
    SimDatabase d;
    d.name = name;
    d.created = std::chrono::system_clock::now();
    d.files = {{name, data, false}, {name + "_log", log, true}};
    std::lock_guard lock(m_mutex);
    d.id = m_nextId++;
    m_databases.push_back(std::move(d));
    saveLocked();
    return {};
}

std::vector<SimDatabase> DatabaseStore::databases() const
{
    std::lock_guard lock(m_mutex);
    return m_databases;
}

std::optional<SimDatabase> DatabaseStore::find(std::string_view name) const
{
    std::lock_guard lock(m_mutex);
    for (const SimDatabase &d : m_databases)
        if (sameName(d.name, name))
            return d;
    return std::nullopt;
}

SimDatabase *DatabaseStore::findLocked(std::string_view name)
{
    for (SimDatabase &d : m_databases)
        if (sameName(d.name, name))
            return &d;
    return nullptr;
}

std::vector<BackupRecord> DatabaseStore::history() const
{
    std::lock_guard lock(m_mutex);
    return m_history;
}

bool DatabaseStore::tryLock(std::string_view name)
{
    std::lock_guard lock(m_mutex);
    for (const std::string &b : m_busy)
        if (sameName(b, name))
            return false;
    m_busy.emplace_back(name);
    return true;
}

void DatabaseStore::unlock(std::string_view name)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_busy, [&](const std::string &b) { return sameName(b, name); });
}

std::uint64_t DatabaseStore::nextLsn()
{
    std::lock_guard lock(m_mutex);
    m_lsn += 1000000; // LSN-shaped: virtual log file, block, slot
    saveLocked();
    return m_lsn;
}

PageMap DatabaseStore::loadMap(int id, std::string_view kind) const
{
    PageMap map;
    std::ifstream in(m_dir / ".sqlsim" / (std::to_string(id) + "." + std::string(kind) + "map"),
                     std::ios::binary);
    std::uint64_t files = 0;
    if (!in.read(reinterpret_cast<char *>(&files), 8) || files > 1024)
        return {};
    map.resize(files);
    for (auto &f : map) {
        std::uint64_t n = 0;
        if (!in.read(reinterpret_cast<char *>(&n), 8) || n > (1ull << 32))
            return {};
        f.resize(n);
        in.read(reinterpret_cast<char *>(f.data()), static_cast<std::streamsize>(n * 8));
    }
    return in ? map : PageMap{};
}

void DatabaseStore::saveMap(int id, std::string_view kind, const PageMap &map) const
{
    std::ofstream out(m_dir / ".sqlsim" / (std::to_string(id) + "." + std::string(kind) + "map"),
                      std::ios::binary | std::ios::trunc);
    const std::uint64_t files = map.size();
    out.write(reinterpret_cast<const char *>(&files), 8);
    for (const auto &f : map) {
        const std::uint64_t n = f.size();
        out.write(reinterpret_cast<const char *>(&n), 8);
        out.write(reinterpret_cast<const char *>(f.data()), static_cast<std::streamsize>(n * 8));
    }
}

void DatabaseStore::recordBackup(const BackupRecord &record, bool movesFullBase, bool movesLogBase)
{
    std::lock_guard lock(m_mutex);
    m_history.push_back(record);
    if (SimDatabase *d = findLocked(record.database)) {
        if (movesFullBase)
            d->fullBaseLsn = record.lastLsn;
        if (movesLogBase)
            d->logBaseLsn = record.lastLsn;
    }
    saveLocked();
}

void DatabaseStore::putDatabase(SimDatabase db)
{
    std::lock_guard lock(m_mutex);
    if (SimDatabase *d = findLocked(db.name)) {
        db.id = d->id;
        *d = std::move(db);
    } else {
        db.id = m_nextId++;
        m_databases.push_back(std::move(db));
    }
    saveLocked();
}

std::optional<std::string> DatabaseStore::fileOwner(const fs::path &path,
                                                    std::string_view except) const
{
    std::error_code ec;
    const fs::path want = fs::weakly_canonical(path, ec);
    std::lock_guard lock(m_mutex);
    for (const SimDatabase &d : m_databases) {
        if (sameName(d.name, except))
            continue;
        for (const SimFile &f : d.files)
            if (fs::weakly_canonical(f.path, ec) == want)
                return d.name;
    }
    return std::nullopt;
}

std::uint64_t DatabaseStore::pageHash(const std::uint8_t *page, std::size_t n)
{
    return wordHash(page, n) ^ n;
}

SimResult<PageMap> DatabaseStore::hashPages(const SimDatabase &db)
{
    PageMap map;
    std::vector<std::uint8_t> page(kPageSize);
    for (const SimFile &f : db.files) {
        std::ifstream in(f.path, std::ios::binary);
        if (!in)
            return sqlError(3201, "Cannot open file '" + f.path.string() +
                                      "'. Operating system "
                                      "error 2(The system cannot find the file specified.).");
        auto &hashes = map.emplace_back();
        for (;;) {
            in.read(reinterpret_cast<char *>(page.data()), kPageSize);
            const auto n = static_cast<std::size_t>(in.gcount());
            if (n == 0)
                break;
            hashes.push_back(pageHash(page.data(), n));
        }
    }
    return map;
}

void DatabaseStore::saveLocked() const
{
    std::ostringstream out;
    out << "lsn\t" << m_lsn << '\t' << m_nextId << '\n';
    for (const SimDatabase &d : m_databases) {
        out << "db\t" << escape(d.name) << '\t' << d.id << '\t' << d.state << '\t'
            << d.recoveryModel << '\t' << toMs(d.created) << '\t' << d.fullBaseLsn << '\t'
            << d.logBaseLsn << '\t' << d.restoredLsn << '\t' << d.restoredFullLsn << "\t-\t"
            << d.restoredAtMs << '\n';
        for (const SimFile &f : d.files)
            out << "file\t" << escape(d.name) << '\t' << escape(f.logicalName) << '\t'
                << escape(f.path.string()) << '\t' << (f.log ? 1 : 0) << '\n';
    }
    for (const BackupRecord &r : m_history)
        out << "hist\t" << escape(r.database) << '\t' << r.type << '\t' << toMs(r.started) << '\t'
            << toMs(r.finished) << '\t' << r.firstLsn << '\t' << r.lastLsn << '\t'
            << r.databaseBackupLsn << '\t' << r.bytes << '\t' << (r.copyOnly ? 1 : 0) << '\t'
            << escape(r.description) << '\t' << r.differentialBaseLsn << '\n';
    // Write then rename, so a crash never leaves half a catalog.
    const fs::path tmp = m_dir / ".sqlsim" / "catalog.tmp";
    {
        std::ofstream f(tmp, std::ios::trunc);
        f << out.str();
    }
    std::error_code ec;
    fs::rename(tmp, m_dir / ".sqlsim" / "catalog", ec);
}

} // namespace vds::sqlsim
