#pragma once

#include <filesystem>
#include <memory>

#include <vds/backup/manifest.h>
#include <vds/backup/offlinecheck.h>
#include <vds/backup/stripe.h>
#include <vds/backup/vditransfer.h>

namespace vds::backup {

/// A restore stripe: serves the server's Read commands from a StripeReader straight into the
/// VDI buffer, and checks the raw stream against the manifest (size and sha256) before it lets
/// the last bytes go, so a stream that does not match never completes. Used by one pump thread.
class StripeSource final : public DeviceEndpoint {
public:
    [[nodiscard]] static Expected<std::unique_ptr<StripeSource>>
    open(const std::filesystem::path &path, const ManifestStripe &expected,
         const OfflineCheckOptions &keys);

    Expected<std::size_t> read(std::span<std::byte> out) override;

private:
    StripeSource(std::unique_ptr<StripeReader> reader, ManifestStripe expected,
                 std::filesystem::path path);
    Expected<void> checkEnd();

    std::unique_ptr<StripeReader> m_reader;
    ManifestStripe m_expected;
    std::filesystem::path m_path;
    std::uint64_t m_delivered = 0;
    bool m_ended = false;
};

} // namespace vds::backup
