#include <vds/backup/names.h>

#include <QTimeZone>

namespace vds::backup {

namespace {

void replaceAll(std::string &s, const std::string &from, const std::string &to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

} // namespace

std::string setName(const std::string &database, const std::string &uuid)
{
    std::string db = database;
    for (char &c : db)
        if (c == '\\' || c == '/')
            c = '_';
    return "vdstudio-" + db + "-" + uuid;
}

std::vector<std::string> deviceNames(const std::string &set, int count)
{
    std::vector<std::string> names;
    for (int i = 1; i <= count; ++i)
        names.push_back(i == 1 ? set : set + "-" + std::to_string(i));
    return names;
}

bool sameDatabaseName(const std::string &a, const std::string &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

std::string safeFileComponent(const std::string &text)
{
    std::string out = text;
    for (char &c : out)
        if (c == '/' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20)
            c = '_';
    return out;
}

Expected<std::string> expandPattern(const std::string &pattern, const NameTokens &tokens)
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            out += pattern[i++];
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        if (close == std::string::npos)
            return fail(ErrorCategory::InvalidArgument, "unclosed '{' in the name pattern",
                        pattern);
        const std::string token = pattern.substr(i + 1, close - i - 1);
        if (token == "server")
            out += safeFileComponent(tokens.server);
        else if (token == "database")
            out += safeFileComponent(tokens.database);
        else if (token == "type")
            out += typeName(tokens.type);
        else if (token == "date")
            out += tokens.time.toTimeZone(QTimeZone::utc())
                       .toString(QStringLiteral("yyyyMMdd'T'HHmmss"))
                       .toStdString();
        else if (token == "stripe" || token == "stripes")
            out += "{" + token + "}";
        else
            return fail(ErrorCategory::InvalidArgument,
                        "unknown token {" + token +
                            "} in the name pattern (known: {server} {database} {type} {date} "
                            "{stripe} {stripes})",
                        pattern);
        i = close + 1;
    }
    if (out.empty())
        return fail(ErrorCategory::InvalidArgument, "the name pattern gives an empty name",
                    pattern);
    const std::filesystem::path p(out);
    if (p.is_absolute() || out.front() == '/')
        return fail(ErrorCategory::InvalidArgument,
                    "the name pattern gives an absolute path, outside the --to folder", out);
    for (const auto &part : p)
        if (part == "..")
            return fail(ErrorCategory::InvalidArgument,
                        "the name pattern leaves the --to folder ('..')", out);
    if (out.back() == '/')
        return fail(ErrorCategory::InvalidArgument, "the name pattern ends in a folder", out);
    return out;
}

std::string stripeFileSuffix(Codec codec, Encryption encryption)
{
    return ".bak" + stripeSuffix(codec, encryption);
}

std::string stripeFileName(const std::string &base, int index, int count, Codec codec,
                           Encryption encryption)
{
    std::string b = base;
    const bool explicitToken = b.find("{stripe}") != std::string::npos;
    replaceAll(b, "{stripes}", std::to_string(count));
    replaceAll(b, "{stripe}", std::to_string(index));
    if (count > 1 && !explicitToken)
        b += "." + std::to_string(index) + "of" + std::to_string(count);
    return b + stripeFileSuffix(codec, encryption);
}

std::string manifestFileName(const std::string &base)
{
    std::string b = base;
    for (const char *t : {"_{stripe}of{stripes}", ".{stripe}of{stripes}", "{stripe}of{stripes}",
                          "_{stripe}", ".{stripe}", "-{stripe}", "{stripe}", "_{stripes}",
                          ".{stripes}", "-{stripes}", "{stripes}"})
        replaceAll(b, t, "");
    return b + ".manifest.json";
}

std::string rawStripeName(const std::string &file)
{
    std::string f = file;
    for (const char *suffix : {".age", ".zst"})
        if (f.size() > std::string_view(suffix).size() && f.ends_with(suffix))
            f.resize(f.size() - std::string_view(suffix).size());
    return f;
}

} // namespace vds::backup
