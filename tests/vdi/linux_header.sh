#!/usr/bin/env bash
# The Linux SDK headers install with the core: self-contained (C++20, only the prefix), with
# ODBC's headers in either order, the SDK's layouts and class sizes; the installed library
# and its libsqlvdi.so drop-in define exactly the symbols a client compiled against the header
# needs (and that our loader of Microsoft's library resolves); an outside CMake project links
# each compat header through Vds::compat without Qt.
# Args: BUILD SRC(tests/vdi) LOADER_SOURCE(core/vdi/sqlvdilibrary.cpp)
set -euo pipefail
build=$1 src=$2 loader=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
inc=$prefix/include
for h in vdi.h vdierror.h; do
  [ -f "$inc/vds/compat/linux/$h" ] || { echo "missing include/vds/compat/linux/$h"; exit 1; }
  echo "#include <vds/compat/linux/$h>" |
    g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$inc" -x c++ -
done

cat >"$work/probe.cpp" <<'CPP'
#ifdef SQL_FIRST
#include <sql.h>
#include <sqlext.h>
#endif
#include "vdi.h"
#include "vdierror.h"
#ifndef SQL_FIRST
#include <sql.h>
#include <sqlext.h>
#endif
#include <stddef.h>
static_assert(sizeof(VDConfig) == 44 && alignof(VDConfig) == 4);
static_assert(offsetof(VDConfig, bufferAreaSize) == 40);
static_assert(sizeof(VDC_Command) == 24 && offsetof(VDC_Command, position) == 8 &&
              offsetof(VDC_Command, buffer) == 16);
static_assert(sizeof(VDS_Command) == 56);
static_assert(sizeof(ClientVirtualDeviceSet) == sizeof(void *));
static_assert(sizeof(ClientVirtualDevice) == sizeof(void *));
static_assert(VD_E_NOTOPEN == (int)0x80770002 && VD_E_CLOSE == (int)0x8077000e &&
              VD_E_BUSY == (int)0x8077000f && VD_E_ABORT < 0);
static_assert(VDF_LikeTape == (VDF_FileMarks | VDF_Removable | VDF_Rewind | VDF_Position |
                               VDF_SkipBlocks | VDF_ReversePosition));
static_assert(VDC_Complete == 19 && VDC_Flush == 12 && VDC_End == 2);
static_assert(ERROR_HANDLE_EOF == 38 && ERROR_OPERATION_ABORTED == 995 && ERROR_DISK_FULL == 112);
// Every member the SDK declares, called the way a client calls it.
void use(ClientVirtualDeviceSet *s, ClientVirtualDevice *d, char *name)
{
    VDConfig c;
    unsigned handle;
    uint8_t *p = 0;
    VDC_Command *cmd;
    s->Create(name, &c);
    s->GetConfiguration(10000, &c);
    s->OpenDevice(name, &d);
    s->OpenInSecondary(name);
    s->GetBufferHandle(p, &handle);
    s->MapBufferHandle((int)handle, &p);
    s->SignalAbort();
    s->RegisterDeviceClosed();
    s->Close();
    d->GetCommand(90, &cmd);
    d->CompleteCommand(cmd, ERROR_SUCCESS, 0, 0);
    delete new ClientVirtualDevice();
    delete new ClientVirtualDeviceSet();
}
CPP
for order in SQL_FIRST SQL_LAST; do
  g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -D$order -I"$inc/vds/compat/linux" \
    -c "$work/probe.cpp" -o "$work/probe-$order.o"
done
needed=$(nm -u "$work/probe-SQL_FIRST.o" | awk '{print $2}' | grep -E 'ClientVirtualDevice' | sort -u)
[ "$(echo "$needed" | wc -l)" -eq 15 ] || { echo "unexpected client symbols: $needed"; exit 1; }
# The loader of Microsoft's library resolves the same names.
for s in $(grep -o '"_ZN[0-9A-Za-z_]*"' "$loader" | tr -d '"'); do
  grep -qx "$s" <<<"$needed" || { echo "loader symbol $s is not what the header produces"; exit 1; }
done
lib=$(find "$prefix" -name 'libvdssqlvdi.so' -print -quit)
dropin=$(find "$prefix" -path '*/vdstudio/sqlvdi/libsqlvdi.so' -print -quit)
[ -n "$lib" ] && [ -n "$dropin" ] || { echo "library or drop-in not installed"; exit 1; }
for l in "$lib" "$dropin"; do
  defined=$(nm -D --defined-only "$l" | awk '{print $3}' | sort -u)
  for s in $needed; do
    grep -qx "$s" <<<"$defined" || { echo "$l lacks $s"; exit 1; }
  done
  if grep -q 'libQt6' <<<"$(ldd "$l")"; then echo "$l pulls in Qt"; exit 1; fi
done
# The drop-in finds libvdsbase from its private directory on its own (RUNPATH), no env.
grep -q 'libvdsbase.so.* => /' <<<"$(env -u LD_LIBRARY_PATH ldd "$dropin")" ||
  { ldd "$dropin"; echo "drop-in cannot find libvdsbase"; exit 1; }
echo "headers self-contained, layouts as the SDK's; both libraries define the $(echo "$needed" | wc -l) SDK symbols"

cmake -S "$src/linux_consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
for exe in linuxsdk windows; do
  if grep -q libQt6 <<<"$(ldd "$work/consumer/$exe")"; then echo "$exe links Qt through Vds::compat"; exit 1; fi
  "$work/consumer/$exe" "vdi linux consumer $$ $exe"
done
echo "outside CMake project: Vds::compat links both headers' programs, C++20, no Qt"
