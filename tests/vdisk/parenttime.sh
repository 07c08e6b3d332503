#!/usr/bin/env bash
# vdisk_parent_timestamp: a differencing VHD stores its parent's modification time, and a parent
# whose modification time differs is refused as Windows refuses it — by `vhd info` (the child
# shown with a warning, as for a missing parent), `vhd verify` and `vhd convert` (exit 1) and by
# `vhd create --parent` on top of such a chain — naming both times and both files, unless
# --accept-parent-timestamp is given. Chains we make, and copies that keep times (cp -p), pass;
# a plain cp (new times) is refused; a child that records no time (0) is not.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
patch() { python3 "$here/vdiskpatch.py" "$@"; }
stored() { # the parent time a VHD child stores, as Unix seconds
  python3 - "$1" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
hdr = struct.unpack(">Q", d[16:24])[0]
print(struct.unpack(">I", d[hdr + 56:hdr + 60])[0] + 946684800)
PY
}

made='2024-01-02 03:04:05 UTC'
later='2025-06-07 08:09:10 UTC'
make_raw src.raw 8
mkdir chain
"$VDSCTL" vhd convert src.raw chain/base.vhd >/dev/null
touch -d "$made" chain/base.vhd
"$VDSCTL" vhd create chain/mid.vhd --parent chain/base.vhd >/dev/null
touch -d "$made" chain/mid.vhd
"$VDSCTL" vhd create chain/top.vhd --parent chain/mid.vhd >/dev/null
[ "$(stored chain/mid.vhd)" = "$(date -d "$made" +%s)" ] || fail "mid stores $(stored chain/mid.vhd)"
[ "$(stored chain/top.vhd)" = "$(date -d "$made" +%s)" ] || fail "top stores $(stored chain/top.vhd)"
expect_rc 0 "$VDSCTL" vhd info chain/top.vhd --json
[ "$(json_field "$work/last.out" parentPath)" = "$work/chain/mid.vhd" ] || fail "our chain: parent not used"
expect_rc 0 "$VDSCTL" vhd verify chain/top.vhd --against src.raw
expect_rc 0 "$VDSCTL" vhd convert chain/top.vhd flat.vhdx
qemu-img compare -q -f raw src.raw -F vhdx flat.vhdx || fail "our chain converts differently"
pass "a chain we make stores its parents' modification times and passes info, verify, convert"

cp -rp chain kept
expect_rc 0 "$VDSCTL" vhd verify kept/top.vhd --against src.raw
cp -r chain plain
touch -d "$later" plain/base.vhd plain/mid.vhd # what a plain cp does, at a known time
expect_rc 1 "$VDSCTL" vhd verify plain/top.vhd
pass "cp -p keeps the chain valid; a plain cp (new modification times) is refused"

# The base is written to (its time changes) after mid was made.
touch -d "$later" chain/base.vhd
check_message() { # file what
  for w in "2024-01-02 03:04:05 UTC" "2025-06-07 08:09:10 UTC" "$work/chain/base.vhd" \
    "chain/mid.vhd" "--accept-parent-timestamp" "ERROR_VHD_CHILD_PARENT_TIMESTAMP_MISMATCH"; do
    grep -qF -- "$w" "$1" || { cat "$1" >&2; fail "$2: the refusal does not name '$w'"; }
  done
}
expect_rc 0 "$VDSCTL" vhd info chain/top.vhd --json
python3 - "$work/last.out" <<'PY' || fail "info of a chain with a modified base"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["parentPath"] is None, o
assert o["parentId"], o
PY
python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["warnings"]))' \
  "$work/last.out" >warnings.txt
check_message warnings.txt "info"
expect_rc 0 "$VDSCTL" vhd info chain/top.vhd
check_message "$work/last.out" "info (text)"
expect_rc 1 "$VDSCTL" vhd verify chain/top.vhd --against src.raw
check_message "$work/last.err" "verify"
expect_rc 1 "$VDSCTL" vhd convert chain/top.vhd refused.vhdx
check_message "$work/last.err" "convert"
[ ! -e refused.vhdx ] || fail "a refused convert left its target"
expect_rc 1 "$VDSCTL" vhd create onto.vhd --parent chain/mid.vhd
check_message "$work/last.err" "create --parent"
[ ! -e onto.vhd ] || fail "a refused create left its target"
pass "a parent modified since the child was made: info warns, verify/convert/create refuse (both times, both files)"

expect_rc 0 "$VDSCTL" vhd info chain/top.vhd --json --accept-parent-timestamp
[ "$(json_field "$work/last.out" parentPath)" = "$work/chain/mid.vhd" ] || fail "accepted: parent not used"
expect_rc 0 "$VDSCTL" vhd verify chain/top.vhd --against src.raw --accept-parent-timestamp
expect_rc 0 "$VDSCTL" vhd convert chain/top.vhd accepted.vhd --accept-parent-timestamp
qemu-img compare -q -f raw src.raw -F vpc accepted.vhd || fail "accepted chain converts differently"
expect_rc 0 "$VDSCTL" vhd create onto.vhd --parent chain/mid.vhd --accept-parent-timestamp
[ "$(stored onto.vhd)" = "$(stat -c %Y chain/mid.vhd)" ] || fail "onto.vhd stores $(stored onto.vhd)"
expect_rc 0 "$VDSCTL" vhd verify onto.vhd --against src.raw --accept-parent-timestamp
pass "--accept-parent-timestamp reads the chain knowingly (info, verify, convert, create)"

# A child that records no parent time (0) is not held to one.
patch vhd-parent-timestamp chain/mid.vhd 0
touch -d "$made" chain/mid.vhd # as top records it: only mid's own link changes
expect_rc 0 "$VDSCTL" vhd verify chain/top.vhd --against src.raw
pass "a child with no recorded parent time (0) passes"
