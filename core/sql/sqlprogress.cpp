#include <vds/sql/sqlprogress.h>

#include <cstdio>

namespace vds::sql {

SqlProgressEvent classifyMessage(const SqlDiagnostic &d)
{
    SqlProgressEvent e;
    e.diagnostic = d;
    e.receivedAt = std::chrono::steady_clock::now();
    const char *t = d.text.c_str();
    switch (d.number) {
    case 3211: {
        int pct = 0;
        if (std::sscanf(t, "%d percent", &pct) == 1) {
            e.kind = SqlProgressEvent::Kind::Percent;
            e.percent = pct;
        }
        break;
    }
    case 4035: {
        long long pages = 0;
        if (std::sscanf(t, "Processed %lld pages", &pages) == 1) {
            e.kind = SqlProgressEvent::Kind::FilePages;
            e.pages = pages;
            const auto key = d.text.find("file '");
            if (key != std::string::npos) {
                const auto end = d.text.find("' on file", key + 6);
                e.file = d.text.substr(key + 6, end == std::string::npos ? std::string::npos
                                                                         : end - key - 6);
            }
        }
        break;
    }
    case 3014: {
        e.kind = SqlProgressEvent::Kind::Completed;
        const auto at = d.text.find("processed ");
        if (at != std::string::npos) {
            long long pages = 0;
            double secs = 0;
            if (std::sscanf(t + at, "processed %lld pages in %lf seconds", &pages, &secs) >= 1) {
                e.pages = pages;
                e.seconds = secs;
            }
        }
        break;
    }
    case 3262: e.kind = SqlProgressEvent::Kind::Verified; break;
    default: break;
    }
    return e;
}

} // namespace vds::sql
