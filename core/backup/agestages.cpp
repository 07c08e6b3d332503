#include "codecstages_p.h"

namespace vds::backup {

Expected<std::unique_ptr<Sink>> makeAgeEncryptor(Sink &, const StripeWriteOptions &)
{
    return fail(ErrorCategory::Unsupported, "age encryption is not built yet");
}

Expected<std::unique_ptr<Source>> makeAgeDecryptor(Source &, const StripeReadOptions &)
{
    return fail(ErrorCategory::Unsupported, "age decryption is not built yet");
}

} // namespace vds::backup
