#!/usr/bin/env bash
# VDS_VDI_TRACE: the trace of a 3-stripe backup through the Linux SDK header lists every
# command with plausible sizes and timings (checked by linux_trace_check.py); the trace also
# works through Microsoft's library provider (here the test stand-in) and the Windows header.
# Args: BUILD SRC SQLSIM STANDIN_LIB VDI_HELPER
. "$(dirname "$0")/linux_common.sh"
standin=$4 helper=$5
py=/usr/bin/python3
start_sim
exe=$work/sdkclient
build_client "$exe" -L"$libdir" -lvdssqlvdi -Wl,-rpath,"$libdir"

# Linux header, native provider, 3 stripes.
out=$(VDS_VDI_TRACE=$work/trace.jsonl client "$exe" b Sales "$work/s3" 3 plain) || { echo "$out"; exit 1; }
$py "$src/linux_trace_check.py" "$work/trace.jsonl" "$work/s3.1" "$work/s3.2" "$work/s3.3"
head -2 "$work/trace.jsonl"

# Linux header, Microsoft's-library provider (the stand-in exporting the SDK's symbols).
out=$(VDS_VDI_PROVIDER=sqlvdi VDS_SQLVDI_PATH=$standin VDS_VDI_TRACE=$work/trace-ms.jsonl \
      client "$exe" b Sales "$work/ms" 3 plain) || { echo "$out"; exit 1; }
$py "$src/linux_trace_check.py" "$work/trace-ms.jsonl" "$work/ms.1" "$work/ms.2" "$work/ms.3"

# Windows header (IClientVirtualDeviceSet2 over CoCreateInstance), native provider.
g++ -std=c++20 -Wall -Wextra -Werror -DSQL_FIRST -I"$inc" "$src/compat_client/winclient.cpp" \
  -o "$work/winclient" -L"$libdir" -lvdsbase -Wl,-rpath,"$libdir"
name="linux trace win $$"
bytes=$(( (1 << 20) + 512 ))
"$helper" server "" "$name" backup 1 $bytes 65536 31 >"$work/helper.out" &
hp=$!
VDS_VDI_TRACE=$work/trace-win.jsonl "$work/winclient" "$name" backup $bytes 31 >/dev/null
wait $hp
lines=$(grep -c '"command":"Write"' "$work/trace-win.jsonl")
sum=$($py -c 'import json,sys; print(sum(json.loads(l)["bytes"] for l in open(sys.argv[1]) if "Write" in l))' "$work/trace-win.jsonl")
[ "$sum" -eq "$bytes" ] || { echo "Windows header trace: $sum bytes of $bytes"; exit 1; }
echo "Windows header trace: $lines writes, $sum bytes"
