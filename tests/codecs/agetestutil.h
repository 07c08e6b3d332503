#pragma once

// age helpers of the backup_codecs_* tests: keys from age-keygen, the age CLI under a
// pseudo-terminal for passphrases (age reads those only from a terminal).
#include "codectestutil.h"

namespace codectest {

struct AgeKey {
    QString file;          ///< identity file as age-keygen wrote it
    std::string secret;    ///< "AGE-SECRET-KEY-1…"
    std::string recipient; ///< "age1…" as `age-keygen -y` prints it
};

inline AgeKey ageKeygen(const QString &file)
{
    AgeKey k;
    k.file = file;
    const Run gen = run(u"age-keygen"_s, {u"-o"_s, file});
    if (gen.exitCode != 0) {
        return k;
    }
    for (const QByteArray &line : readFile(file).split('\n')) {
        if (line.startsWith("AGE-SECRET-KEY-1")) {
            k.secret = line.trimmed().toStdString();
        }
    }
    k.recipient = run(u"age-keygen"_s, {u"-y"_s, file}).out.trimmed().toStdString();
    return k;
}

inline QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + q + u"'"_s;
}

/// Runs `age ARGS…` under a pseudo-terminal (script from util-linux) typing `typed` into it.
inline Run ageOnTerminal(const QStringList &args, const QByteArray &typed)
{
    QStringList quoted;
    for (const QString &a : args) {
        quoted << shellQuote(a);
    }
    const QString command = u"age "_s + quoted.join(u' ');
    return run(u"script"_s, {u"-qec"_s, command, u"/dev/null"_s}, typed, 300000);
}

} // namespace codectest
