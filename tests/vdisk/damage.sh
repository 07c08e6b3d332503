#!/usr/bin/env bash
# vdisk_damage: hand-damaged VHD and VHDX files (tests/vdisk/vdiskpatch.py) are refused by
# `vhd info`, `vhd verify` and `vhd convert` — exit 1, a message naming the structure and its
# offset, no target — before any data is copied; damage that can be worked around (a VHD's
# trailing footer with an intact copy at offset 0) is read with a warning and converts equal.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
patch() { python3 "$here/vdiskpatch.py" "$@"; }

make_raw src.raw 24
"$VDSCTL" vhd convert src.raw good.vhd >/dev/null
"$VDSCTL" vhd convert src.raw good.vhdx --block-size 1M >/dev/null

# refused CASE BASE PATTERN: every command exits 1 naming PATTERN, no target is written
refused() {
  local case=$1 base=$2 pattern=$3 f="$1.${2##*.}"
  cp "$base" "$f"
  patch "$case" "$f"
  for cmd in "info $f" "verify $f" "convert $f out-$case.vhdx"; do
    # shellcheck disable=SC2086
    expect_rc 1 "$VDSCTL" vhd $cmd
    grep -Eq "$pattern" "$work/last.err" ||
      { cat "$work/last.err" >&2; fail "$case: '$cmd' does not name /$pattern/"; }
  done
  [ ! -e "out-$case.vhdx" ] || fail "$case: convert left a target"
  pass "$case refused: $(sed 's/^vdsctl vhd convert: //' "$work/last.err" | head -c 200)"
}

refused vhd-shared-block        good.vhd  "VHD block 1 at offset [0-9]+ .*overlaps VHD block 0 at offset"
refused vhd-block-over-bat      good.vhd  "VHD (block 0|BAT) at offset [0-9]+.*overlaps VHD (BAT|block 0) at offset"
refused vhd-block-over-header   good.vhd  "overlaps VHD dynamic header at offset 512|VHD dynamic header at offset 512.*overlaps"
refused vhd-block-beyond-end    good.vhd  "BAT entry 0 points beyond end of file"
refused vhd-damage-both-footers good.vhd  "footer checksum mismatch \(trailing footer at offset [0-9]+"
refused vhd-footers-disagree    good.vhd  "footer copies disagree: offset 0 says .* offset [0-9]+"
refused vhd-damage-header       good.vhd  "dynamic header checksum mismatch \(at offset 512\)"
refused vhdx-log-offset-zero    good.vhdx "VHDX header [12] \(offset [0-9]+\) places the log at offset 0"
refused vhdx-block-in-metadata  good.vhdx "VHDX payload block 0 at offset [0-9]+.*overlaps VHDX metadata region|VHDX metadata region at offset [0-9]+.*overlaps VHDX payload block 0"
refused vhdx-block-in-bat       good.vhdx "overlaps VHDX BAT region at offset|VHDX BAT region at offset [0-9]+ .*overlaps VHDX payload block 0"
refused vhdx-shared-block       good.vhdx "VHDX payload block 1 at offset [0-9]+.*overlaps VHDX payload block 0"
refused vhdx-block-beyond-end   good.vhdx "BAT entry for block 0 points beyond end of file"
refused vhdx-damage-region-tables good.vhdx "region table checksum mismatch \(region table at offset 196608\).*offset 262144"
refused vhdx-damage-headers     good.vhdx "header checksum mismatch \(header 1 at offset 65536\).*header 2 at offset 131072"

# A damaged trailing footer with an intact copy at offset 0: read from the copy, with a warning.
cp good.vhd tail.vhd
patch vhd-damage-tail-footer tail.vhd
expect_rc 0 "$VDSCTL" vhd info tail.vhd --json
[ "$(json_field "$work/last.out" virtualSize)" = $((24 << 20)) ] || fail "tail footer: wrong size"
grep -q "read from the intact copy at offset 0" "$work/last.out" || fail "tail footer: no warning"
expect_rc 0 "$VDSCTL" vhd verify tail.vhd --against src.raw
grep -q "warning" "$work/last.err" || fail "verify did not warn about the footer"
expect_rc 0 "$VDSCTL" vhd convert tail.vhd fixed-tail.vhdx
qemu-img compare -q -f raw src.raw -F vhdx fixed-tail.vhdx || fail "tail footer: converted contents differ"
pass "damaged trailing VHD footer: read from the copy at offset 0 with a warning, converts equal"

# The undamaged images still pass (the checks refuse nothing sound).
expect_rc 0 "$VDSCTL" vhd verify good.vhd --against src.raw
expect_rc 0 "$VDSCTL" vhd verify good.vhdx --against src.raw
qemu-img check -q -f vhdx good.vhdx || fail "qemu-img check refuses our good.vhdx"
pass "sound images still verify"
