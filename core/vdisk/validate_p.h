#pragma once

#include "vdisk/createparams.h"

namespace vds::vdisk {
/// Size rules once the effective size is known (explicit or from the source).
Expected<void> checkSize(const CreateParams &params, std::uint64_t size,
                         std::uint32_t logicalSector);
} // namespace vds::vdisk
