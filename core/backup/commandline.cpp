#include <vds/backup/commandline.h>

#include <QFile>
#include <QTimeZone>

#include <algorithm>
#include <cstdlib>

#include <vds/backup/names.h>
#include <vds/backup/stripe.h>
#include <vds/cmdline/sizeargument.h>

namespace vds::backup::commandline {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QCommandLineOption opt(const char *name, const char *help, const char *value = nullptr)
{
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help),
                                      QString::fromLatin1(value))
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help));
}

std::unexpected<Error> usage(const std::string &message, const std::string &option = {})
{
    return fail(ErrorCategory::InvalidArgument, message, option);
}

QString v(const QCommandLineParser &p, const char *name)
{
    return p.value(QString::fromLatin1(name));
}

bool has(const QCommandLineParser &p, const char *name)
{
    return p.isSet(QString::fromLatin1(name));
}

Expected<unsigned> uintOption(const QCommandLineParser &p, const char *name, unsigned lo,
                              unsigned hi)
{
    bool ok = false;
    const uint n = v(p, name).toUInt(&ok);
    if (!ok || n < lo || n > hi)
        return usage("--" + std::string(name) + " takes a number from " + std::to_string(lo) +
                         " to " + std::to_string(hi),
                     name);
    return n;
}

Expected<unsigned> transferOption(const QCommandLineParser &p)
{
    const std::optional<quint64> size = cmdline::parseSize(v(p, "max-transfer-size"));
    const quint64 bytes = size.value_or(0);
    if (!size || bytes < 65536 || bytes > 4u * 1024 * 1024 || bytes % 65536)
        return usage("--max-transfer-size takes a multiple of 64K up to 4M", "max-transfer-size");
    return static_cast<unsigned>(bytes);
}

} // namespace

QList<QCommandLineOption> serverOptions()
{
    return {opt("server", "SQL Server host, HOST[:PORT] or HOST,PORT (default port 1433).",
                "HOST[:PORT]"),
            opt("sim", "Use a local vds-sqlsim keeping its data in $XDG_DATA_HOME/vdstudio/sim."),
            opt("connection", "A stored connection's name.", "NAME"),
            opt("login", "SQL login.", "USER"),
            opt("password-env", "Read the password from this environment variable.", "VAR"),
            opt("password-file", "Read the password from the first line of F.", "F"),
            opt("driver", "ODBC driver name or library path (default FreeTDS).", "DRIVER"),
            opt("json", "Print the result as one JSON object on stdout."),
            opt("progress", "Draw progress on stderr even when it is not a terminal."),
            opt("save-profile", "Write the job's profile to FILE and exit without running it.",
                "FILE")};
}

QList<QCommandLineOption> backupOptions()
{
    return {opt("database", "Database to back up (repeatable).", "DB"),
            opt("databases-like", "Every user database whose name matches this LIKE pattern.",
                "PATTERN"),
            opt("to", "Folder the backup files go to (created when missing).", "DIR"),
            opt("type", "full (default), diff, log or copy-only.", "TYPE"),
            opt("stripes", "Stripe the stream over N files, 1–64 (default 1).", "N"),
            opt("name-pattern",
                "File base name: tokens {server} {database} {type} {date} {stripe} {stripes} "
                "(default {server}_{database}_{type}_{date}).",
                "PATTERN"),
            opt("compress",
                "zstd[:LEVEL[:THREADS]] (level 1–19, default 3; THREADS shared by all stripes).",
                "CODEC"),
            opt("encrypt-to", "age recipient (age1…), repeatable.", "AGE_RECIPIENT"),
            opt("encrypt-to-file", "File of age recipients, repeatable.", "RECIPIENTS_FILE"),
            opt("passphrase-env", "Encrypt with the age passphrase in this environment variable.",
                "VAR"),
            opt("checksum", "Ask SQL Server for WITH CHECKSUM."),
            opt("verify", "Read the stripes back and check their hashes afterwards."),
            opt("buffer-count", "BUFFERCOUNT (shared by all stripes).", "N"),
            opt("max-transfer-size", "MAXTRANSFERSIZE: a multiple of 64K up to 4M.", "SIZE"),
            opt("parallel", "Back up up to N databases at once (default 1).", "N")};
}

QList<QCommandLineOption> restoreOptions()
{
    return {opt("from", "A backup's manifest, or a folder (its newest chain).", "MANIFEST|DIR"),
            opt("source-database", "Which database's chain in a folder.", "NAME"),
            opt("database", "Restore under this name.", "NAME"),
            opt("replace", "Overwrite an existing database (WITH REPLACE)."),
            opt("norecovery", "Leave the database RESTORING (WITH NORECOVERY)."),
            opt("move", "Put a logical file at PATH (WITH MOVE), repeatable.", "LOGICAL=PATH"),
            opt("stop-at", "Point in time (ISO 8601; without offset: local time).", "TIME"),
            opt("identity", "age identity file for encrypted stripes.", "AGE_IDENTITY_FILE"),
            opt("passphrase-env", "age passphrase in this environment variable.", "VAR"),
            opt("buffer-count", "BUFFERCOUNT (shared by all stripes).", "N"),
            opt("max-transfer-size", "MAXTRANSFERSIZE: a multiple of 64K up to 4M.", "SIZE")};
}

QList<QCommandLineOption> verifyOptions()
{
    return {opt("from", "A backup's manifest, or a folder (its newest chain).", "MANIFEST|DIR"),
            opt("source-database", "Which database's chain in a folder.", "NAME"),
            opt("identity", "age identity file for encrypted stripes.", "AGE_IDENTITY_FILE"),
            opt("passphrase-env", "age passphrase in this environment variable.", "VAR")};
}

Expected<std::optional<ServerRef>> serverFrom(const QCommandLineParser &p, bool required)
{
    const int given = int(has(p, "server")) + int(has(p, "sim")) + int(has(p, "connection"));
    if (given > 1)
        return usage("give one of --server, --sim and --connection");
    if (given == 0) {
        if (required)
            return usage("a server is needed: --server HOST[:PORT], --sim or --connection NAME");
        return std::optional<ServerRef>{};
    }
    if (has(p, "password-env") && has(p, "password-file"))
        return usage("--password-env and --password-file exclude each other");
    ServerRef s;
    s.login = v(p, "login").toStdString();
    s.passwordEnv = v(p, "password-env").toStdString();
    s.passwordFile = v(p, "password-file").toStdString();
    if (has(p, "driver"))
        s.driver = v(p, "driver").toStdString();
    if (has(p, "sim")) {
        s.kind = ServerRef::Kind::Sim;
    } else if (has(p, "connection")) {
        s.kind = ServerRef::Kind::Connection;
        s.connection = v(p, "connection").toStdString();
        return usage("stored connections (--connection) are not available in this build yet; use "
                     "--server",
                     "connection");
    } else {
        s.kind = ServerRef::Kind::Host;
        const QString hp = v(p, "server");
        int sep = hp.lastIndexOf(QLatin1Char(','));
        if (sep < 0)
            sep = hp.lastIndexOf(QLatin1Char(':'));
        s.host = (sep > 0 ? hp.left(sep) : hp).toStdString();
        if (sep > 0) {
            bool ok = false;
            const uint port = hp.mid(sep + 1).toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return usage("'" + hp.mid(sep + 1).toStdString() + "' is not a port number",
                             "server");
            s.port = static_cast<std::uint16_t>(port);
        }
        if (s.host.empty())
            return usage("--server needs a host name", "server");
        if (s.login.empty())
            return usage("--login is required with --server", "login");
    }
    return std::optional<ServerRef>{s};
}

Expected<void> parseCompress(const std::string &text, int &level, int &threads)
{
    const QStringList parts = q(text).split(QLatin1Char(':'));
    if (parts.isEmpty() || parts.size() > 3 || parts[0] != QLatin1String("zstd"))
        return usage("--compress takes zstd[:LEVEL[:THREADS]]", "compress");
    bool ok = true;
    if (parts.size() >= 2) {
        level = parts[1].toInt(&ok);
        if (!ok || level < 1 || level > 19)
            return usage("the zstd level is 1 to 19", "compress");
    }
    if (parts.size() == 3) {
        threads = parts[2].toInt(&ok);
        if (!ok || threads < 0 || threads > 64)
            return usage("zstd threads are 0 to 64", "compress");
    }
    return {};
}

Expected<QDateTime> parseStopAt(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return usage("--stop-at takes an ISO 8601 time, e.g. 2026-11-30T14:05:00 or "
                     "2026-11-30T14:05:00+01:00",
                     "stop-at");
    return t; // without an offset Qt reads it as local time, as the contract wants
}

Expected<BackupRequest> backupFrom(const QCommandLineParser &p)
{
    BackupRequest r;
    BackupParams &b = r.params;
    auto server = serverFrom(p, true);
    if (!server)
        return fail(server.error());
    b.server = **server;
    for (const QString &d : p.values(QStringLiteral("database")))
        r.databases.push_back(d.toStdString());
    r.databasesLike = v(p, "databases-like").toStdString();
    if (r.databases.empty() == r.databasesLike.empty())
        return usage("give --database DB (repeatable) or --databases-like PATTERN");
    if (!has(p, "to"))
        return usage("--to DIR is required", "to");
    b.directory = v(p, "to").toStdString();
    if (has(p, "type")) {
        auto t = parseType(v(p, "type").toStdString());
        if (!t)
            return usage("--type takes full, diff, log or copy-only", "type");
        b.type = *t;
    }
    if (has(p, "stripes")) {
        auto n = uintOption(p, "stripes", 1, kMaxStripes);
        if (!n)
            return fail(n.error());
        b.stripes = static_cast<int>(*n);
    }
    b.namePattern = v(p, "name-pattern").toStdString();
    if (!b.namePattern.empty()) {
        // The rule that keeps files inside --to (names.h) is checked now with sample tokens,
        // before anything reaches a server.
        const NameTokens sample{"server", "database", b.type, QDateTime::currentDateTimeUtc()};
        if (auto e = expandPattern(b.namePattern, sample); !e) {
            Error named = e.error();
            named.context = "name-pattern"; // the option, as every other refusal here names
            return fail(named);
        }
    }
    if (has(p, "compress")) {
        b.codec = Codec::Zstd;
        if (auto c = parseCompress(v(p, "compress").toStdString(), b.zstdLevel, b.zstdThreads); !c)
            return fail(c.error());
    }
    const bool recipients = has(p, "encrypt-to") || has(p, "encrypt-to-file");
    if (recipients && has(p, "passphrase-env"))
        return usage("--encrypt-to/--encrypt-to-file and --passphrase-env exclude each other "
                     "(age allows a passphrase only as the sole recipient)");
    for (const QString &rcp : p.values(QStringLiteral("encrypt-to"))) {
        if (!age::isRecipient(rcp.toStdString()))
            return usage("'" + rcp.toStdString() + "' is not an age X25519 recipient (age1…)",
                         "encrypt-to");
        b.encryption.recipients.push_back(rcp.toStdString());
    }
    for (const QString &f : p.values(QStringLiteral("encrypt-to-file")))
        b.encryption.recipientFiles.push_back(f.toStdString());
    if (recipients)
        b.encryption.kind = Encryption::AgeX25519;
    if (has(p, "passphrase-env")) {
        b.encryption.kind = Encryption::AgeScrypt;
        b.encryption.passphraseEnv = v(p, "passphrase-env").toStdString();
    }
    b.checksum = has(p, "checksum");
    b.verify = has(p, "verify");
    if (has(p, "buffer-count")) {
        auto n = uintOption(p, "buffer-count", 1, 4096);
        if (!n)
            return fail(n.error());
        b.bufferCount = *n;
    }
    if (has(p, "max-transfer-size")) {
        auto n = transferOption(p);
        if (!n)
            return fail(n.error());
        b.maxTransferSize = *n;
    }
    if (has(p, "parallel")) {
        auto n = uintOption(p, "parallel", 1, 64);
        if (!n)
            return fail(n.error());
        r.parallel = static_cast<int>(*n);
    }
    return r;
}

Expected<RestoreParams> restoreFrom(const QCommandLineParser &p)
{
    RestoreParams r;
    auto server = serverFrom(p, true);
    if (!server)
        return fail(server.error());
    r.server = **server;
    if (!has(p, "from"))
        return usage("--from MANIFEST|DIR is required", "from");
    if (!has(p, "database"))
        return usage("--database NAME (the target) is required", "database");
    r.from = v(p, "from").toStdString();
    r.sourceDatabase = v(p, "source-database").toStdString();
    r.database = v(p, "database").toStdString();
    r.replace = has(p, "replace");
    r.norecovery = has(p, "norecovery");
    for (const QString &m : p.values(QStringLiteral("move"))) {
        const int eq = m.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == m.size() - 1)
            return usage("--move takes LOGICAL=PATH", "move");
        r.moves.emplace_back(m.left(eq).toStdString(), m.mid(eq + 1).toStdString());
    }
    if (has(p, "stop-at")) {
        auto t = parseStopAt(v(p, "stop-at"));
        if (!t)
            return fail(t.error());
        r.stopAt = *t;
    }
    r.identityFile = v(p, "identity").toStdString();
    r.passphraseEnv = v(p, "passphrase-env").toStdString();
    if (has(p, "buffer-count")) {
        auto n = uintOption(p, "buffer-count", 1, 4096);
        if (!n)
            return fail(n.error());
        r.bufferCount = *n;
    }
    if (has(p, "max-transfer-size")) {
        auto n = transferOption(p);
        if (!n)
            return fail(n.error());
        r.maxTransferSize = *n;
    }
    return r;
}

Expected<VerifyParams> verifyFrom(const QCommandLineParser &p)
{
    VerifyParams r;
    auto server = serverFrom(p, false);
    if (!server)
        return fail(server.error());
    r.server = *server;
    if (!has(p, "from"))
        return usage("--from MANIFEST|DIR is required", "from");
    r.from = v(p, "from").toStdString();
    r.sourceDatabase = v(p, "source-database").toStdString();
    r.identityFile = v(p, "identity").toStdString();
    r.passphraseEnv = v(p, "passphrase-env").toStdString();
    return r;
}

QStringList serverArguments(const ServerRef &s)
{
    QStringList a;
    switch (s.kind) {
    case ServerRef::Kind::Sim: a << QStringLiteral("--sim"); break;
    case ServerRef::Kind::Connection: a << QStringLiteral("--connection") << q(s.connection); break;
    case ServerRef::Kind::Host:
        a << QStringLiteral("--server") << QStringLiteral("%1:%2").arg(q(s.host)).arg(s.port);
        break;
    }
    if (!s.login.empty())
        a << QStringLiteral("--login") << q(s.login);
    if (!s.passwordEnv.empty())
        a << QStringLiteral("--password-env") << q(s.passwordEnv);
    if (!s.passwordFile.empty())
        a << QStringLiteral("--password-file") << q(s.passwordFile);
    if (s.driver != "FreeTDS")
        a << QStringLiteral("--driver") << q(s.driver);
    return a;
}

QStringList toArguments(const BackupRequest &r)
{
    const BackupParams &b = r.params;
    QStringList a = serverArguments(b.server);
    if (!b.database.empty())
        a << QStringLiteral("--database") << q(b.database);
    for (const auto &d : r.databases)
        a << QStringLiteral("--database") << q(d);
    if (!r.databasesLike.empty())
        a << QStringLiteral("--databases-like") << q(r.databasesLike);
    a << QStringLiteral("--to") << q(b.directory.string());
    if (b.type != BackupType::Full)
        a << QStringLiteral("--type") << q(typeName(b.type));
    if (b.stripes != 1)
        a << QStringLiteral("--stripes") << QString::number(b.stripes);
    if (!b.namePattern.empty())
        a << QStringLiteral("--name-pattern") << q(b.namePattern);
    if (b.codec == Codec::Zstd)
        a << QStringLiteral("--compress")
          << QStringLiteral("zstd:%1:%2").arg(b.zstdLevel).arg(b.zstdThreads);
    for (const auto &rcp : b.encryption.recipients)
        a << QStringLiteral("--encrypt-to") << q(rcp);
    for (const auto &f : b.encryption.recipientFiles)
        a << QStringLiteral("--encrypt-to-file") << q(f);
    if (!b.encryption.passphraseEnv.empty())
        a << QStringLiteral("--passphrase-env") << q(b.encryption.passphraseEnv);
    if (b.checksum)
        a << QStringLiteral("--checksum");
    if (b.verify)
        a << QStringLiteral("--verify");
    if (b.bufferCount)
        a << QStringLiteral("--buffer-count") << QString::number(b.bufferCount);
    if (b.maxTransferSize)
        a << QStringLiteral("--max-transfer-size") << cmdline::sizeArgument(b.maxTransferSize);
    if (r.parallel != 1)
        a << QStringLiteral("--parallel") << QString::number(r.parallel);
    return a;
}

QStringList toArguments(const RestoreParams &r)
{
    QStringList a = serverArguments(r.server);
    a << QStringLiteral("--from") << q(r.from.string());
    if (!r.sourceDatabase.empty())
        a << QStringLiteral("--source-database") << q(r.sourceDatabase);
    a << QStringLiteral("--database") << q(r.database);
    if (r.replace)
        a << QStringLiteral("--replace");
    if (r.norecovery)
        a << QStringLiteral("--norecovery");
    for (const auto &[l, path] : r.moves)
        a << QStringLiteral("--move") << q(l + "=" + path);
    if (r.stopAt)
        a << QStringLiteral("--stop-at") << r.stopAt->toString(Qt::ISODateWithMs);
    if (!r.identityFile.empty())
        a << QStringLiteral("--identity") << q(r.identityFile);
    if (!r.passphraseEnv.empty())
        a << QStringLiteral("--passphrase-env") << q(r.passphraseEnv);
    if (r.bufferCount)
        a << QStringLiteral("--buffer-count") << QString::number(r.bufferCount);
    if (r.maxTransferSize)
        a << QStringLiteral("--max-transfer-size") << cmdline::sizeArgument(r.maxTransferSize);
    return a;
}

QStringList toArguments(const VerifyParams &r)
{
    QStringList a;
    a << QStringLiteral("--from") << q(r.from.string());
    if (r.server)
        a << serverArguments(*r.server);
    if (!r.sourceDatabase.empty())
        a << QStringLiteral("--source-database") << q(r.sourceDatabase);
    if (!r.identityFile.empty())
        a << QStringLiteral("--identity") << q(r.identityFile);
    if (!r.passphraseEnv.empty())
        a << QStringLiteral("--passphrase-env") << q(r.passphraseEnv);
    return a;
}

namespace {

Expected<std::string> fromEnv(const std::string &var, const char *option)
{
    const char *value = std::getenv(var.c_str());
    if (!value)
        return usage("environment variable " + var + " is not set", option);
    if (!*value)
        return usage("environment variable " + var + " is empty", option);
    return std::string(value);
}

Expected<std::vector<std::string>> identitiesFrom(const std::string &file)
{
    if (file.empty())
        return std::vector<std::string>{};
    auto ids = age::readIdentityFile(file);
    if (!ids) {
        Error e = ids.error();
        if (e.category == ErrorCategory::Format || e.category == ErrorCategory::NotFound)
            e.category = ErrorCategory::InvalidArgument;
        return fail(e);
    }
    return ids;
}

} // namespace

Expected<void> resolvePassword(const ServerRef &s, sql::ConnectionOptions &c)
{
    c.driver = s.driver;
    if (s.kind == ServerRef::Kind::Host) {
        c.host = s.host;
        c.port = s.port;
    }
    if (!s.login.empty())
        c.login = s.login;
    if (!s.passwordEnv.empty()) {
        auto pw = fromEnv(s.passwordEnv, "password-env");
        if (!pw)
            return fail(pw.error());
        c.password = *pw;
    } else if (!s.passwordFile.empty()) {
        QFile f(q(s.passwordFile));
        if (!f.open(QIODevice::ReadOnly))
            return usage("cannot read the password file " + s.passwordFile, "password-file");
        c.password = QString::fromUtf8(f.readLine()).trimmed().toStdString();
    }
    if (s.kind == ServerRef::Kind::Host && c.password.empty())
        return usage("no password: give --password-env VAR or --password-file F (an empty "
                     "password is never sent)");
    return {};
}

Expected<void> resolveSecrets(BackupParams &b)
{
    if (!b.encryption.passphraseEnv.empty()) {
        auto pw = fromEnv(b.encryption.passphraseEnv, "passphrase-env");
        if (!pw)
            return fail(pw.error());
        b.encryption.passphrase = *pw;
    }
    std::vector<std::string> all;
    for (const auto &r : b.encryption.recipients)
        if (std::find(all.begin(), all.end(), r) == all.end())
            all.push_back(r);
    for (const auto &f : b.encryption.recipientFiles) {
        auto list = age::readRecipientsFile(f);
        if (!list) {
            Error e = list.error();
            e.category = ErrorCategory::InvalidArgument;
            return fail(e);
        }
        if (list->empty())
            return usage("the recipients file " + f + " holds no recipient", "encrypt-to-file");
        for (const auto &r : *list)
            if (std::find(all.begin(), all.end(), r) == all.end())
                all.push_back(r);
    }
    b.encryption.recipients = all;
    return {};
}

namespace {

/// Restores and verifies read the same secrets: a passphrase from the environment, identities
/// from a file.
template <class Params> Expected<void> resolveReadSecrets(Params &r)
{
    if (!r.passphraseEnv.empty()) {
        auto pw = fromEnv(r.passphraseEnv, "passphrase-env");
        if (!pw)
            return fail(pw.error());
        r.passphrase = *pw;
    }
    auto ids = identitiesFrom(r.identityFile);
    if (!ids)
        return fail(ids.error());
    r.identities = *ids;
    return {};
}

} // namespace

Expected<void> resolveSecrets(RestoreParams &r)
{
    return resolveReadSecrets(r);
}

Expected<void> resolveSecrets(VerifyParams &r)
{
    return resolveReadSecrets(r);
}

} // namespace vds::backup::commandline
