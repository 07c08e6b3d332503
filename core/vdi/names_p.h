#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <vds/util/error.h>

namespace vds::vdi::names {

/// The prefix of every shared-memory object of ours under /dev/shm.
inline constexpr std::string_view kObjectPrefix = "vdsvdi.";

/// The canonical instance: "" → "MSSQLSERVER", otherwise upper-cased (SQL Server instance
/// names are case-insensitive). VD_E_INSTANCE_NAME for a `machine\` prefix or characters SQL
/// Server does not allow (1-16 of letters, digits, _ $ #, first a letter or _).
Expected<std::string> canonicalInstance(std::string_view instance);

/// Set names: any UTF-8 text but backslash, 1..2047 bytes, no NUL. VD_E_INVALID otherwise.
Expected<void> checkSetName(std::string_view name);

/// "/vdsvdi.<INSTANCE>.<16 hex digits of FNV-1a-64(name)>": fixed length whatever the name
/// holds ('/', spaces, non-ASCII), case-sensitive because the hash is of the exact bytes.
std::string controlObject(std::string_view canonicalInstance, std::string_view setName);

/// "<control>.b<8 hex>": a fresh name for each buffer area of that set.
std::string bufferObject(std::string_view controlObject);

} // namespace vds::vdi::names
