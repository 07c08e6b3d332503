#include "simoptions.h"

#include <arpa/inet.h>

#include <charconv>

namespace vds::sqlsim {

std::optional<FaultSpec> SimOptions::fault(FaultSpec::Kind kind) const
{
    for (const FaultSpec &f : faults)
        if (f.kind == kind)
            return f;
    return std::nullopt;
}

const LoginSpec *SimOptions::findLogin(const std::string &user) const
{
    for (const LoginSpec &l : logins)
        if (l.user == user)
            return &l;
    return nullptr;
}

std::optional<std::uint64_t> parseSize(const std::string &text)
{
    std::uint64_t value = 0;
    const char *end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || p == text.data())
        return std::nullopt;
    std::string suffix(p, end);
    if (suffix.ends_with("iB"))
        suffix.resize(suffix.size() - 2);
    else if (suffix.size() > 1 && suffix.ends_with('B'))
        suffix.pop_back();
    unsigned shift = 0;
    if (suffix.empty() || suffix == "B")
        shift = 0;
    else if (suffix == "K" || suffix == "k")
        shift = 10;
    else if (suffix == "M" || suffix == "m")
        shift = 20;
    else if (suffix == "G" || suffix == "g")
        shift = 30;
    else if (suffix == "T" || suffix == "t")
        shift = 40;
    else
        return std::nullopt;
    if (shift && value > (UINT64_MAX >> shift))
        return std::nullopt;
    return value << shift;
}

namespace {

std::optional<unsigned> parseUnsigned(std::string_view text)
{
    unsigned v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::optional<FaultSpec> parseFault(const std::string &text)
{
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string arg = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    FaultSpec f;
    if (kind == "no-open") {
        f.kind = FaultSpec::Kind::NoOpen;
        return arg.empty() ? std::optional(f) : std::nullopt;
    }
    if (kind == "stall") {
        // stall:<device>:<percent>, the device counted from 1 like the stripes' names.
        const auto second = arg.find(':');
        if (second == std::string::npos)
            return std::nullopt;
        const auto device = parseUnsigned(arg.substr(0, second));
        const auto pct = parseUnsigned(arg.substr(second + 1));
        if (!device || !pct || *device < 1 || *device > 64 || *pct > 100)
            return std::nullopt;
        f.kind = FaultSpec::Kind::Stall;
        f.device = *device;
        f.value = *pct;
        return f;
    }
    if (kind == "write-error")
        f.kind = FaultSpec::Kind::WriteError;
    else if (kind == "read-error")
        f.kind = FaultSpec::Kind::ReadError;
    else if (kind == "slow")
        f.kind = FaultSpec::Kind::Slow;
    else if (kind == "drop-connection")
        f.kind = FaultSpec::Kind::DropConnection;
    else if (kind == "abort")
        f.kind = FaultSpec::Kind::Abort;
    else if (kind == "stall")
        f.kind = FaultSpec::Kind::Stall;
    else
        return std::nullopt;
    std::string value = arg;
    if (f.kind == FaultSpec::Kind::Stall) {
        // stall:<device index>:<percent>
        const auto second = arg.find(':');
        const auto d = parseUnsigned(arg.substr(0, second));
        if (second == std::string::npos || !d)
            return std::nullopt;
        f.device = *d;
        value = arg.substr(second + 1);
    }
    const auto v = parseUnsigned(value);
    if (!v || (f.kind != FaultSpec::Kind::Slow && *v > 100))
        return std::nullopt;
    f.value = *v;
    return f;
}

bool isLoopback(const std::string &host)
{
    if (host == "localhost")
        return true;
    in_addr a4{};
    if (::inet_pton(AF_INET, host.c_str(), &a4) == 1)
        return (ntohl(a4.s_addr) >> 24) == 127;
    return false;
}

} // namespace

std::string usage()
{
    return "usage: vds-sqlsim --listen 127.0.0.1:PORT --data-dir DIR "
           "--login USER:PASSWORD[:sysadmin|:public]...\n"
           "                  [--seed-database NAME=SIZE]... [--fault KIND]... "
           "[--instance NAME] [--open-timeout MS]\n"
           "                  [--login-timeout SECONDS (30)] [--max-connections N (256)]\n"
           "                  [--tls off|on|required] [--tls-cert FILE --tls-key FILE]\n"
           "faults: no-open, write-error:PCT, read-error:PCT, slow:MS, stall:DEVICE:PCT (device "
           "from 1), drop-connection:PCT, abort:PCT\n";
}

std::string help()
{
    return "Usage: vds-sqlsim --listen 127.0.0.1:PORT --data-dir DIR --login "
           "USER:PASSWORD[:ROLE]... "
           "[OPTION]...\n"
           "   or: vds-sqlsim --help | --version\n"
           "\nA SQL Server stand-in for trying Virtual Device Studio without a server: TDS 7.4\n"
           "logins and catalog queries, BACKUP/RESTORE through VDI and TO DISK.\n"
           "\nOptions:\n"
           "  --listen HOST:PORT          Loopback address to listen on; port 0 picks a free one\n"
           "                              (printed as 'listening on HOST:PORT').\n"
           "  --data-dir DIR              Database files: DIR/NAME.mdf and DIR/NAME_log.ldf.\n"
           "  --login USER:PASSWORD[:ROLE]\n"
           "                              A login (repeatable); sysadmin unless ROLE is public.\n"
           "  --seed-database NAME=SIZE   Create database NAME of SIZE (64M, 1G) unless it\n"
           "                              exists.\n"
           "  --fault KIND                Rehearse a failure (repeatable; kinds below).\n"
           "  --instance NAME             Named instance instead of the default one.\n"
           "  --open-timeout MS           How long BACKUP/RESTORE waits for the client's device\n"
           "                              set (default 10000).\n"
           "  --login-timeout SECONDS     Time allowed for a login (default 30).\n"
           "  --max-connections N         Connections served at once (default 256).\n"
           "  --tls off|on|required       TLS for the login or the whole session.\n"
           "  --tls-cert FILE, --tls-key FILE\n"
           "                              Certificate and key for TLS (PEM).\n"
           "  -h, --help                  Show this help.\n"
           "  -V, --version               Show the version.\n"
           "\nFaults: no-open, write-error:PCT, read-error:PCT, slow:MS, stall:DEVICE:PCT\n"
           "(device from 1), drop-connection:PCT, abort:PCT.\n"
           "\nStops cleanly on SIGTERM or SIGINT. Exit codes: 0 stopped, 1 could not start,\n"
           "2 usage error.\n";
}

std::optional<SimOptions> parseOptions(int argc, char **argv, std::string &error)
{
    SimOptions o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string &out) {
            if (i + 1 >= argc) {
                error = a + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--listen") {
            if (!value(v))
                return std::nullopt;
            const auto colon = v.rfind(':');
            const auto port =
                colon == std::string::npos ? std::nullopt : parseUnsigned(v.substr(colon + 1));
            if (!port || *port > 65535) {
                error = "--listen wants HOST:PORT, got '" + v + "'";
                return std::nullopt;
            }
            o.host = v.substr(0, colon);
            o.port = static_cast<std::uint16_t>(*port);
            if (!isLoopback(o.host)) {
                error = "--listen accepts loopback addresses only, got '" + o.host + "'";
                return std::nullopt;
            }
            if (o.host == "localhost")
                o.host = "127.0.0.1";
        } else if (a == "--data-dir") {
            if (!value(v))
                return std::nullopt;
            o.dataDir = v;
        } else if (a == "--login") {
            if (!value(v))
                return std::nullopt;
            LoginSpec l;
            const auto c1 = v.find(':');
            if (c1 == std::string::npos || c1 == 0) {
                error = "--login wants USER:PASSWORD[:sysadmin|:public], got '" + v + "'";
                return std::nullopt;
            }
            l.user = v.substr(0, c1);
            l.password = v.substr(c1 + 1);
            // A trailing role only counts when it is one of the two words, so passwords may
            // contain colons.
            if (l.password.ends_with(":public")) {
                l.sysadmin = false;
                l.password.resize(l.password.size() - 7);
            } else if (l.password.ends_with(":sysadmin")) {
                l.password.resize(l.password.size() - 9);
            }
            o.logins.push_back(std::move(l));
        } else if (a == "--seed-database") {
            if (!value(v))
                return std::nullopt;
            const auto eq = v.find('=');
            const auto size = eq == std::string::npos ? std::nullopt : parseSize(v.substr(eq + 1));
            if (!size || eq == 0 || *size == 0) {
                error = "--seed-database wants NAME=SIZE, got '" + v + "'";
                return std::nullopt;
            }
            o.seeds.emplace_back(v.substr(0, eq), *size);
        } else if (a == "--fault") {
            if (!value(v))
                return std::nullopt;
            const auto f = parseFault(v);
            if (!f) {
                error = "unknown or malformed --fault '" + v + "'";
                return std::nullopt;
            }
            o.faults.push_back(*f);
        } else if (a == "--instance") {
            if (!value(v))
                return std::nullopt;
            o.instance = v;
        } else if (a == "--open-timeout") {
            if (!value(v))
                return std::nullopt;
            const auto ms = parseUnsigned(v);
            if (!ms) {
                error = "--open-timeout wants milliseconds, got '" + v + "'";
                return std::nullopt;
            }
            o.openTimeoutMs = *ms;
        } else if (a == "--tls") {
            if (!value(v))
                return std::nullopt;
            if (v == "off")
                o.tls = SimOptions::Tls::Off;
            else if (v == "on")
                o.tls = SimOptions::Tls::On;
            else if (v == "required")
                o.tls = SimOptions::Tls::Required;
            else {
                error = "--tls wants off, on or required, got '" + v + "'";
                return std::nullopt;
            }
        } else if (a == "--tls-cert" || a == "--tls-key") {
            if (!value(v))
                return std::nullopt;
            (a == "--tls-cert" ? o.tlsCert : o.tlsKey) = v;
        } else if (a == "--login-timeout" || a == "--max-connections") {
            if (!value(v))
                return std::nullopt;
            const auto n = parseUnsigned(v);
            if (!n || *n == 0 || *n > 100000) {
                error = a + " wants a number from 1 to 100000, got '" + v + "'";
                return std::nullopt;
            }
            (a == "--login-timeout" ? o.loginTimeoutSeconds : o.maxConnections) =
                static_cast<unsigned>(*n);
        } else {
            error = "unknown option '" + a + "'";
            return std::nullopt;
        }
    }
    if (o.dataDir.empty()) {
        error = "--data-dir is required";
        return std::nullopt;
    }
    if (o.tlsCert.empty() != o.tlsKey.empty()) {
        error = "--tls-cert and --tls-key go together";
        return std::nullopt;
    }
    if (!o.tlsCert.empty() && o.tls == SimOptions::Tls::Off)
        o.tls = SimOptions::Tls::On; // a certificate without --tls means: offer it
    if (o.logins.empty()) {
        error = "at least one --login is required";
        return std::nullopt;
    }
    return o;
}

} // namespace vds::sqlsim
