#!/usr/bin/env bash
# Done-when: an SDK-style client compiled against <vds/compat/linux/vdi.h> with only -I changed
# backs up and restores a simulator database byte-identically, (1) linked to libvdssqlvdi.so
# by name and (2) as a binary linked to some libsqlvdi.so, run with LD_LIBRARY_PATH pointing at
# our drop-in. The drop-in refuses to load itself as "Microsoft's library".
. "$(dirname "$0")/linux_common.sh"
start_sim

# 1. linked to our library by name
exe=$work/sdkclient
build_client "$exe" -L"$libdir" -lvdssqlvdi -Wl,-rpath,"$libdir"
out=$(client "$exe" b Sales "$work/full" 1 plain) || { echo "$out"; exit 1; }
grep -q 'Successfully\|successfully processed' <<<"$out" || { echo "$out"; exit 1; }
[ -s "$work/full.1" ] || { echo "no backup written"; exit 1; }
restore_copy_and_compare "$exe" "$work/full" 1 plain Copy1
echo "linked by name: backup $(stat -c %s "$work/full.1") bytes, restored byte-identical"

# 2. a binary linked against "Microsoft's" libsqlvdi.so: here a library of that name whose
# every call fails, so the run can only succeed if LD_LIBRARY_PATH brought in ours.
mkdir -p "$work/ms"
cat >"$work/ms/fake.cpp" <<'CPP'
#include "vdi.h"
#include "vdierror.h"
ClientVirtualDevice::ClientVirtualDevice() : cvd(nullptr) {}
ClientVirtualDevice::~ClientVirtualDevice() {}
int ClientVirtualDevice::GetCommand(time_t, VDC_Command **) { return VD_E_NOTOPEN; }
int ClientVirtualDevice::CompleteCommand(VDC_Command *, int, unsigned long, int64_t) { return VD_E_NOTOPEN; }
ClientVirtualDeviceSet::ClientVirtualDeviceSet() : cvds(nullptr) {}
ClientVirtualDeviceSet::~ClientVirtualDeviceSet() {}
int ClientVirtualDeviceSet::Create(char *, VDConfig *) { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::GetConfiguration(time_t, VDConfig *) { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::OpenDevice(char *, ClientVirtualDevice **) { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::Close() { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::SignalAbort() { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::OpenInSecondary(char *) { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::GetBufferHandle(uint8_t *, unsigned int *) { return VD_E_NOTOPEN; }
int ClientVirtualDeviceSet::MapBufferHandle(int, uint8_t **) { return VD_E_NOTOPEN; }
void ClientVirtualDeviceSet::RegisterDeviceClosed() {}
CPP
g++ -std=c++20 -shared -fPIC -I"$inc/vds/compat/linux" "$work/ms/fake.cpp" \
  -Wl,-soname,libsqlvdi.so -o "$work/ms/libsqlvdi.so"
exe2=$work/sdkclient-ms
build_client "$exe2" -L"$work/ms" -lsqlvdi
grep -q 'NEEDED.*\[libsqlvdi.so\]' <<<"$(readelf -d "$exe2")" || { echo "client does not need libsqlvdi.so"; exit 1; }
if out=$(LD_LIBRARY_PATH=$work/ms client "$exe2" b Sales "$work/ms-full" 1 plain); then
  echo "the stand-in 'Microsoft' library unexpectedly worked: $out"; exit 1
fi
grep -q 'Create fails: x80770002' <<<"$out" || { echo "$out"; exit 1; }
grep -q "libsqlvdi.so => $dropindir/libsqlvdi.so" <<<"$(LD_LIBRARY_PATH=$dropindir ldd "$exe2")" ||
  { LD_LIBRARY_PATH=$dropindir ldd "$exe2"; exit 1; }
out=$(LD_LIBRARY_PATH=$dropindir client "$exe2" b Sales "$work/dropin" 1 plain) || { echo "$out"; exit 1; }
LD_LIBRARY_PATH=$dropindir restore_copy_and_compare "$exe2" "$work/dropin" 1 plain Copy2
echo "libsqlvdi.so binary with LD_LIBRARY_PATH=$dropindir: backup and byte-identical restore"

# 3. asked for Microsoft's library, the drop-in will not load itself
err=$(VDS_VDI_PROVIDER=sqlvdi VDS_SQLVDI_PATH=$dropin LD_LIBRARY_PATH=$dropindir \
      client "$exe2" b Sales "$work/self" 1 plain 2>&1) && { echo "loaded itself: $err"; exit 1; }
grep -q "Virtual Device Studio's own libsqlvdi.so" <<<"$err" || { echo "$err"; exit 1; }
err=$(VDS_VDI_PROVIDER=sqlvdi VDS_SQLVDI_PATH=libsqlvdi.so client "$exe" b Sales "$work/rel" 1 plain 2>&1) &&
  { echo "relative path accepted: $err"; exit 1; }
grep -q 'VDS_SQLVDI_PATH must be an absolute path' <<<"$err" || { echo "$err"; exit 1; }
echo "no recursion into ourselves; relative library paths refused"

# 4. GetCommand's timeout counts seconds (the sample's 90): a server pausing 120 ms between
# transfers does not cut the sample-style client short; read as milliseconds
# (VDS_VDI_GETCOMMAND_UNIT=ms) the same client times out, as it would with that unit.
kill "$simpid"; wait "$simpid" 2>/dev/null || true; simpid=
start_sim --fault slow:120
out=$(client "$exe" b Sales "$work/slow" 1 plain) || { echo "$out"; exit 1; }
if out=$(VDS_VDI_GETCOMMAND_UNIT=ms client "$exe" b Sales "$work/slowms" 1 plain); then
  echo "90 ms GetCommand timeouts survived 120 ms pauses: $out"; exit 1
fi
grep -q 'ended with x80770003' <<<"$out" || { echo "$out"; exit 1; }
echo "GetCommand(90): seconds by default (survives 120 ms pauses), VD_E_TIMEOUT with the ms unit"
