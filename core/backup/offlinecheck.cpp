#include <vds/backup/offlinecheck.h>

#include <vector>

#include <vds/backup/names.h>

namespace vds::backup {

namespace {

std::string stripeLabel(const Manifest &m, std::size_t i)
{
    return "stripe " + std::to_string(i + 1) + " of " + std::to_string(m.stripes.size()) + " (" +
           m.stripes[i].file + ")";
}

Error withStripe(Error e, const std::string &label)
{
    e.message = label + ": " + e.message;
    return e;
}

} // namespace

Expected<LocatedStripe> locateStripe(const Manifest &manifest, const ManifestStripe &stripe)
{
    std::error_code ec;
    const std::filesystem::path folder = manifest.folder();
    const std::filesystem::path named = folder / stripe.file;
    if (std::filesystem::is_regular_file(named, ec))
        return LocatedStripe{named, true};
    const std::string raw = rawStripeName(stripe.file);
    for (const char *suffix : {"", ".zst", ".age", ".zst.age"}) {
        const std::filesystem::path p = folder / (raw + suffix);
        if (std::filesystem::is_regular_file(p, ec))
            return LocatedStripe{p, false};
    }
    return fail(ErrorCategory::NotFound, "the stripe file is missing", named.string());
}

Expected<std::vector<LocatedStripe>> precheckBackup(const Manifest &m,
                                                    const OfflineCheckOptions &options,
                                                    const std::atomic_bool &cancel)
{
    std::vector<LocatedStripe> located;
    for (std::size_t i = 0; i < m.stripes.size(); ++i) {
        auto l = locateStripe(m, m.stripes[i]);
        if (!l)
            return fail(withStripe(l.error(), stripeLabel(m, i)));
        located.push_back(*l);
    }
    for (std::size_t i = 0; i < m.stripes.size(); ++i) {
        if (cancel.load())
            return fail(ErrorCategory::Cancelled, "cancelled");
        const LocatedStripe &l = located[i];
        if (l.named && !options.opensOnly && !m.stripes[i].fileSha256.empty()) {
            auto h = fileSha256(l.path);
            if (!h)
                return fail(withStripe(h.error(), stripeLabel(m, i)));
            if (*h != m.stripes[i].fileSha256)
                return fail(ErrorCategory::Format,
                            stripeLabel(m, i) +
                                ": the file's SHA-256 differs from the manifest's (damaged, or "
                                "from another backup)",
                            l.path.string());
        }
        if (options.hashesOnly)
            continue;
        StripeReadOptions ro;
        ro.path = l.path;
        ro.identities = options.identities;
        ro.passphrase = options.passphrase;
        auto reader = StripeReader::open(std::move(ro));
        if (!reader)
            return fail(withStripe(reader.error(), stripeLabel(m, i)));
    }
    return located;
}

Expected<void> checkBackup(const Manifest &m, const OfflineCheckOptions &options,
                           const std::atomic_bool &cancel)
{
    auto located = precheckBackup(m, options, cancel);
    if (!located)
        return fail(located.error());
    if (options.hashesOnly)
        return {};
    std::vector<std::byte> buffer(1 << 20);
    for (std::size_t i = 0; i < m.stripes.size(); ++i) {
        StripeReadOptions ro;
        ro.path = (*located)[i].path;
        ro.identities = options.identities;
        ro.passphrase = options.passphrase;
        auto reader = StripeReader::open(std::move(ro));
        if (!reader)
            return fail(withStripe(reader.error(), stripeLabel(m, i)));
        for (;;) {
            if (cancel.load())
                return fail(ErrorCategory::Cancelled, "cancelled");
            auto n = (*reader)->read(buffer);
            if (!n)
                return fail(withStripe(n.error(), stripeLabel(m, i)));
            if (*n == 0)
                break;
        }
        if ((*reader)->rawBytes() != m.stripes[i].bytes ||
            (*reader)->rawSha256() != m.stripes[i].sha256)
            return fail(ErrorCategory::Format,
                        stripeLabel(m, i) +
                            ": the raw stream differs from the manifest's (size or SHA-256)",
                        (*located)[i].path.string());
    }
    return {};
}

} // namespace vds::backup
