#include <vds/backup/stripesource.h>

#include <array>

namespace vds::backup {

Expected<std::unique_ptr<StripeSource>> StripeSource::open(const std::filesystem::path &path,
                                                           const ManifestStripe &expected,
                                                           const OfflineCheckOptions &keys)
{
    StripeReadOptions o;
    o.path = path;
    o.identities = keys.identities;
    o.passphrase = keys.passphrase;
    auto reader = StripeReader::open(std::move(o));
    if (!reader)
        return fail(reader.error());
    return std::unique_ptr<StripeSource>(new StripeSource(std::move(*reader), expected, path));
}

StripeSource::StripeSource(std::unique_ptr<StripeReader> reader, ManifestStripe expected,
                           std::filesystem::path path)
    : m_reader(std::move(reader)), m_expected(std::move(expected)), m_path(std::move(path))
{}

Expected<void> StripeSource::checkEnd()
{
    // One more read must find the end: a stream longer than the manifest says is not it.
    std::array<std::byte, 1> probe{};
    auto more = m_reader->read(probe);
    if (!more)
        return fail(more.error());
    if (*more != 0 || m_reader->rawBytes() != m_expected.bytes)
        return fail(ErrorCategory::Format,
                    "the stream is longer than the manifest's " + std::to_string(m_expected.bytes) +
                        " bytes",
                    m_path.string());
    if (m_reader->rawSha256() != m_expected.sha256)
        return fail(ErrorCategory::Format,
                    "the stream's SHA-256 differs from the manifest's: the stripe is damaged or "
                    "belongs to another backup",
                    m_path.string());
    m_ended = true;
    return {};
}

Expected<std::size_t> StripeSource::read(std::span<std::byte> out)
{
    if (m_ended)
        return std::size_t{0};
    // Never hand out more than the manifest's length: the check happens before the last byte.
    const std::uint64_t left = m_expected.bytes - std::min(m_expected.bytes, m_delivered);
    const std::span<std::byte> want =
        out.first(static_cast<std::size_t>(std::min<std::uint64_t>(left, out.size())));
    std::size_t filled = 0;
    while (filled < want.size()) {
        auto n = m_reader->read(want.subspan(filled));
        if (!n)
            return fail(n.error());
        if (*n == 0)
            break;
        filled += *n;
    }
    m_delivered += filled;
    if (filled < want.size())
        return fail(ErrorCategory::Format,
                    "the stream ends after " + std::to_string(m_delivered) +
                        " bytes; the manifest says " + std::to_string(m_expected.bytes),
                    m_path.string());
    if (m_delivered == m_expected.bytes)
        if (auto end = checkEnd(); !end)
            return fail(end.error());
    return filled;
}

} // namespace vds::backup
