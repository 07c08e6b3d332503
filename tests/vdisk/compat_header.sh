#!/usr/bin/env bash
# vdisk_compat_header: the installed <vds/compat/virtdisk.h> compiles with -std=c++20 and only
# <prefix>/include, together with unixODBC's <sql.h>/<sqlext.h> in either include order, and a
# ported Windows-style client (u"" and WCHAR paths) links against the installed library and
# creates a disk that qemu-img reads.
. "$(dirname "$0")/common.sh"
build=${1:?build dir}
prefix=$work/prefix
# The libraries are in component app (the vdstudio package), headers in dev.
for c in app dev; do cmake --install "$build" --prefix "$prefix" --component $c >/dev/null; done
[ -f "$prefix/include/vds/compat/virtdisk.h" ] || fail "virtdisk.h not installed under include/vds/compat/"

cat > client.cpp <<'CPP'
#ifdef SQL_FIRST
#include <sql.h>
#include <sqlext.h>
#include <vds/compat/virtdisk.h>
#else
#include <vds/compat/virtdisk.h>
#include <sql.h>
#include <sqlext.h>
#endif
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    VIRTUAL_STORAGE_TYPE type = {VIRTUAL_STORAGE_TYPE_DEVICE_VHDX, VIRTUAL_STORAGE_TYPE_VENDOR_MICROSOFT};
    CREATE_VIRTUAL_DISK_PARAMETERS params;
    std::memset(&params, 0, sizeof params);
    params.Version = CREATE_VIRTUAL_DISK_VERSION_2;
    params.Version2.MaximumSize = 16ULL << 20;
    HANDLE handle = NULL;
    DWORD rc = CreateVirtualDisk(&type, u"a.vhdx", VIRTUAL_DISK_ACCESS_NONE, NULL,
                                 CREATE_VIRTUAL_DISK_FLAG_NONE, 0, &params, NULL, &handle);
    if (rc != ERROR_SUCCESS) { std::printf("u\"\" path: %lu\n", (unsigned long)rc); return 1; }
    CloseHandle(handle);
    WCHAR wide[] = {'b', '.', 'v', 'h', 'd', 'x', 0};
    const WCHAR *wp = wide;
    type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHDX;
    rc = CreateVirtualDisk(&type, wp, VIRTUAL_DISK_ACCESS_NONE, NULL,
                           CREATE_VIRTUAL_DISK_FLAG_FULL_PHYSICAL_ALLOCATION, 0, &params, NULL, &handle);
    if (rc != ERROR_SUCCESS) { std::printf("WCHAR path: %lu\n", (unsigned long)rc); return 1; }
    CloseHandle(handle);
    params.Version2.BlockSizeInBytes = 3 << 20;
    rc = CreateVirtualDisk(&type, u"c.vhdx", VIRTUAL_DISK_ACCESS_NONE, NULL,
                           CREATE_VIRTUAL_DISK_FLAG_NONE, 0, &params, NULL, &handle);
    SQLHANDLE env = SQL_NULL_HANDLE; (void)env; (void)argc; (void)argv;
    std::printf("%lu %s\n", (unsigned long)rc, VdsGetLastVirtualDiskErrorText());
    return rc == ERROR_INVALID_PARAMETER ? 0 : 1;
}
CPP
for order in SQL_FIRST VDS_FIRST; do
  g++ -std=c++20 -Wall -Wextra -Werror -D$order -I"$prefix/include" client.cpp -o client-$order \
    -L"$prefix/lib" -Wl,-rpath,"$prefix/lib" -lvdsbase || fail "does not compile with $order"
  rm -f a.vhdx b.vhdx
  ./client-$order > out.txt || { cat out.txt; fail "client ($order) failed"; }
  grep -q "^87 .*BlockSizeInBytes" out.txt || fail "87 without the condition named"
  qemu-img check -q -f vhdx a.vhdx && qemu-img check -q -f vhdx b.vhdx || fail "qemu-img check"
  pass "compat header with $order"
done
