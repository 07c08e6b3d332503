#!/usr/bin/env bash
# vdisk_peers: every image we create or convert is read by tools nobody here wrote:
# qemu-img info (exact size), check (VHDX), compare (contents); vhdiinfo for every kind.
. "$(dirname "$0")/common.sh"

size=$((100 * 1024 * 1024 + 7 * 512))   # not a CHS product, not a block multiple
for fmt in vhd vhdx; do
  qfmt=$([ $fmt = vhd ] && echo vpc || echo vhdx)
  for type in dynamic fixed; do
    f=new-$type.$fmt
    "$VDSCTL" vhd create "$f" --size $size --type $type --json > "$f.json"
    [ "$(qemu_virtual_size $qfmt "$f")" = $size ] || fail "$f: qemu-img sees $(qemu_virtual_size $qfmt "$f"), not $size"
    [ $fmt = vhdx ] && { qemu-img check -q -f vhdx "$f" || fail "$f: qemu-img check"; }
    vhdiinfo "$f" > "$f.vi" || fail "$f: vhdiinfo refused it"
    grep -q "Media size.*($size bytes)" "$f.vi" || fail "$f: vhdiinfo media size"
    want=$([ $type = fixed ] && echo Fixed || echo Dynamic)
    grep -q "Disk type.*: $want" "$f.vi" || fail "$f: vhdiinfo disk type"
    # uniqueId: VHD footer id is what vhdiinfo calls Identifier
    if [ $fmt = vhd ]; then
      id=$(json_field "$f.json" uniqueId | tr A-F a-f)
      grep -q "Identifier.*: $id" "$f.vi" || fail "$f: vhdiinfo identifier differs from ours ($id)"
    fi
    if [ $type = fixed ]; then
      alloc=$(( $(stat -c %b "$f") * 512 ))
      [ $alloc -ge $size ] || fail "$f: fixed image not fully allocated ($alloc bytes on disk)"
    fi
    qemu-img compare -q -f raw <(head -c $size /dev/zero) -F $qfmt "$f" 2>/dev/null ||
      { truncate -s $size zero.raw; qemu-img compare -q -f raw zero.raw -F $qfmt "$f" || fail "$f: not all zeros"; }
    pass "create $type $fmt"
  done
done

# Conversions: raw → every kind, then between formats; compare with the source each time.
make_raw src.raw 40
for fmt in vhd vhdx; do
  qfmt=$([ $fmt = vhd ] && echo vpc || echo vhdx)
  for type in dynamic fixed; do
    f=conv-$type.$fmt
    "$VDSCTL" vhd convert src.raw "$f" --type $type --verify --json > "$f.json"
    [ "$(json_field "$f.json" verified)" = True ] || fail "$f: not verified"
    qemu-img compare -q -f raw src.raw -F $qfmt "$f" || fail "$f: qemu-img compare differs"
    [ "$(qemu_virtual_size $qfmt "$f")" = $((40 * 1024 * 1024)) ] || fail "$f: size"
    [ $fmt = vhdx ] && { qemu-img check -q -f vhdx "$f" || fail "$f: qemu-img check"; }
    vhdiinfo "$f" >/dev/null || fail "$f: vhdiinfo"
    pass "convert raw → $type $fmt"
  done
done
# Dynamic targets skip zero blocks: 14 of 40 MiB hold data, so the VHD (2 MiB blocks) stays small.
[ $(stat -c %s conv-dynamic.vhd) -lt $((30 * 1024 * 1024)) ] || fail "dynamic VHD did not skip zero blocks"
qemu-img map -f vpc --output=json conv-dynamic.vhd | grep '"data": false' >/dev/null || fail "dynamic VHD maps no holes"
for pair in "conv-dynamic.vhd vhdx" "conv-fixed.vhdx vhd" "conv-dynamic.vhdx vhd" "conv-fixed.vhd vhdx"; do
  set -- $pair
  out=re-${1%.*}-${1##*.}.$2
  "$VDSCTL" vhd convert "$1" "$out" --type dynamic >/dev/null
  qfmt=$([ $2 = vhd ] && echo vpc || echo vhdx)
  qemu-img compare -q -f raw src.raw -F $qfmt "$out" || fail "$1 → $out differs"
  pass "convert $1 → $2"
done
# A target larger than its source: the tail reads as zeros.
# (MaximumSize is a create parameter; via the C++ API it is covered by vdisk_api.)

# Differencing disks: parent linkage seen by vhdiinfo and followed by our reader.
for fmt in vhd vhdx; do
  "$VDSCTL" vhd convert src.raw base.$fmt >/dev/null
  mkdir -p kids
  "$VDSCTL" vhd create kids/child.$fmt --parent base.$fmt --json > child.$fmt.json
  vhdiinfo kids/child.$fmt > child.$fmt.vi || fail "vhdiinfo child.$fmt"
  grep -q "Disk type.*: Differential" child.$fmt.vi || fail "child.$fmt: not differential for vhdiinfo"
  grep -q "Parent filename.*$work/base.$fmt" child.$fmt.vi || fail "child.$fmt: vhdiinfo parent filename"
  vhdiinfo base.$fmt > base.$fmt.vi
  parent_ident=$(sed -n 's/^\tIdentifier\t*: //p' base.$fmt.vi)
  if [ $fmt = vhd ]; then
    grep -q "Parent identifier.*: $parent_ident" child.$fmt.vi || fail "child.vhd: parent id differs from parent's id"
  else
    # VHDX: parent_linkage is the parent's DataWriteGuid, which vhdiinfo shows as Identifier.
    link=$(json_field child.$fmt.json parentId | tr -d '{}' | tr A-F a-f)
    [ "$link" = "$parent_ident" ] || fail "child.vhdx: parent_linkage $link is not the parent's $parent_ident"
  fi
  [ "$(json_field child.$fmt.json parentPath)" = "$work/base.$fmt" ] || fail "child.$fmt: parent not resolved"
  "$VDSCTL" vhd verify kids/child.$fmt --against src.raw >/dev/null || fail "child.$fmt does not read as its parent"
  # the relative locator alone finds the parent after the pair moves together (cp -p: a VHD
  # child holds its parent's modification time, core/vdisk/README.md "Parent time stamp")
  mkdir -p moved/kids && cp -p base.$fmt moved/ && cp -p kids/child.$fmt moved/kids/
  "$VDSCTL" vhd info moved/kids/child.$fmt --json > moved.json
  [ "$(json_field moved.json parentPath)" = "$work/moved/base.$fmt" ] || fail "child.$fmt: relative locator not used"
  rm -rf moved
  [ $fmt = vhd ] && { qemu-img compare -q -f raw src.raw -F vpc kids/child.vhd 2>/dev/null && echo "(qemu follows VHD parents)" || true; }
  pass "differencing $fmt"
done
# A wrong parent is refused: replace the parent by another image with a different id.
mv base.vhdx base.orig.vhdx && "$VDSCTL" vhd create base.vhdx --size 40M >/dev/null
expect_rc 1 "$VDSCTL" vhd verify kids/child.vhdx
grep -q "parent_linkage" last.err || fail "wrong parent not named: $(cat last.err)"
pass "wrong VHDX parent refused"

# 4096-byte logical sectors (qemu cannot open these): our reader and vhdiinfo.
"$VDSCTL" vhd create k4.vhdx --size 64M --sector-size 4096 --json > k4.json
[ "$(json_field k4.json logicalSectorSize)" = 4096 ] || fail "4K: logical sector size"
vhdiinfo k4.vhdx | grep "Bytes per sector.*: 4096" >/dev/null || fail "4K: vhdiinfo bytes per sector"
truncate -s 40M src4k.raw; dd if=src.raw of=src4k.raw conv=notrunc status=none
"$VDSCTL" vhd create k4b.vhdx --size 40M --sector-size 4096 >/dev/null
"$VDSCTL" vhd create k4c.vhdx --parent k4b.vhdx >/dev/null
vhdiinfo k4c.vhdx | grep "Bytes per sector.*: 4096" >/dev/null || fail "4K differencing: vhdiinfo"
pass "4096-byte sector VHDX"

# Exit codes and named refusals.
expect_rc 2 "$VDSCTL" vhd create bad.vhd --size 100M --block-size 1M
grep -q "BlockSizeInBytes" last.err || fail "block size refusal not named"
expect_rc 2 "$VDSCTL" vhd create bad.vhd --size 100M --sector-size 4096
expect_rc 2 "$VDSCTL" vhd create bad.vhd --size 2041G
grep -q "2040 GiB" last.err || fail "VHD size limit not named"
expect_rc 2 "$VDSCTL" vhd create bad.vhdx --size 65T
expect_rc 2 "$VDSCTL" vhd create bad.vhdx --size 2M
expect_rc 2 "$VDSCTL" vhd create conv-dynamic.vhd --size 10M
grep -qi "already exists" last.err || fail "existing target not named"
expect_rc 2 "$VDSCTL" vhd convert missing.raw x.vhdx
expect_rc 2 "$VDSCTL" vhd bogus
[ ! -e bad.vhd ] && [ ! -e bad.vhdx ] && [ ! -e x.vhdx ] || fail "a refused create left a file"
pass "exit codes"
