#!/usr/bin/env bash
# vdisk_corpus: images made by other tools, generated here — qemu-img with every vpc and vhdx
# option, then the same VHDs as Windows, Virtual PC, VirtualBox, QEMU and Disk2vhd label them,
# and VHDX with unknown metadata items — each with its expected size and content (the sha256 of
# the raw image it was made from): `vhd info` shows the size, `vhd verify --against` the source
# passes, and conversions to VHDX and VHD hold the same contents (qemu-img compare).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
patch() { python3 "$here/vdiskpatch.py" "$@"; }

size=$((20 * 1024 * 1024 + 512 * 37))  # not a CHS product, not a block multiple
head -c $size < <(openssl enc -aes-128-ctr -pass pass:corpus -nosalt -pbkdf2 </dev/zero 2>/dev/null) > dense.raw
make_raw sparse.raw 20
truncate -s $size sparse.raw
want_sha() { sha256sum < "$1" | cut -c1-64; }

# check IMAGE QEMU_FORMAT SOURCE_RAW
check() {
  local img=$1 qf=$2 raw=$3
  local vsize
  vsize=$(qemu_virtual_size "$qf" "$img")
  expect_rc 0 "$VDSCTL" vhd info "$img" --json
  [ "$(json_field "$work/last.out" virtualSize)" = "$vsize" ] ||
    fail "$img: size $(json_field "$work/last.out" virtualSize), qemu-img says $vsize"
  expect_rc 0 "$VDSCTL" vhd verify "$img" --against "$raw"
  local out
  for out in "$img.out.vhdx" "$img.out.vhd"; do
    expect_rc 0 "$VDSCTL" vhd convert "$img" "$out"
    local of=$([ "${out##*.}" = vhd ] && echo vpc || echo vhdx)
    qemu-img compare -q -f "$qf" "$img" -F $of "$out" || fail "$img -> $out: contents differ"
    # the content hash: the converted image read back equals the source raw
    expect_rc 0 "$VDSCTL" vhd verify "$out" --against "$raw"
    rm -f "$out"
  done
  pass "$img ($qf, $vsize bytes, source sha256 $(want_sha "$raw" | cut -c1-12)…): info, verify, convert to VHDX and VHD"
}

n=0
for raw in dense.raw sparse.raw; do
  for opts in "subformat=dynamic" "subformat=dynamic,force_size=on" "subformat=fixed" \
              "subformat=fixed,force_size=on"; do
    f=q$((n += 1)).vhd
    qemu-img convert -q -f raw -O vpc -o "$opts" "$raw" "$f"
    check "$f" vpc "$raw"
  done
  for opts in "subformat=dynamic" "subformat=fixed" "subformat=dynamic,block_size=1M" \
              "subformat=dynamic,block_size=8M,log_size=4M" \
              "subformat=dynamic,block_size=32M,block_state_zero=off" \
              "subformat=fixed,block_size=2M,log_size=2M"; do
    f=q$((n += 1)).vhdx
    qemu-img convert -q -f raw -O vhdx -o "$opts" "$raw" "$f"
    check "$f" vhdx "$raw"
  done
done

# The creator applications other tools write: read the same (size from Current Size).
qemu-img convert -q -f raw -O vpc -o subformat=dynamic,force_size=on dense.raw base.vhd
for app in "win " "vpc " vbox qemu "d2v "; do
  f="creator-${app// /_}.vhd"
  cp base.vhd "$f"
  patch vhd-creator "$f" "$app"
  expect_rc 0 "$VDSCTL" vhd info "$f" --json
  [ "$(json_field "$work/last.out" virtualSize)" = $size ] || fail "creator '$app': size $(json_field "$work/last.out" virtualSize)"
  [ "$(json_field "$work/last.out" creator)" = "$app" ] || fail "creator '$app' not shown"
  expect_rc 0 "$VDSCTL" vhd verify "$f" --against dense.raw
  pass "creator '$app' reads the same ($size bytes)"
done

# VHDX metadata nobody knows: optional ignored, required refused by its GUID.
qemu-img convert -q -f raw -O vhdx dense.raw meta.vhdx
cp meta.vhdx optional.vhdx; patch vhdx-extra-metadata optional.vhdx 0
check optional.vhdx vhdx dense.raw
cp meta.vhdx required.vhdx; patch vhdx-extra-metadata required.vhdx 1
expect_rc 2 "$VDSCTL" vhd info required.vhdx
grep -qi "unknown required metadata item {*0d15ea5e" "$work/last.err" || { cat "$work/last.err"; fail "required item not refused by GUID"; }
pass "unknown optional VHDX metadata ignored, unknown required refused by GUID"
