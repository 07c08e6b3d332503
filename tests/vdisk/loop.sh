#!/usr/bin/env bash
# vdisk_loop: a real ext4 filesystem on a loop device is converted to every format with
# PREVENT_WRITES_TO_SOURCE_DISK, each image is turned back into raw by qemu-img, attached as a
# loop device again, and must pass `fsck -n` and hold the same files. A source mounted
# read-write is refused, naming the mount point. Needs root; loop devices are always detached.
. "$(dirname "$0")/common.sh"
[ "$(id -u)" -eq 0 ] || fail "needs root (losetup, mount)"

loops=()
detach_all() { for l in "${loops[@]}"; do umount "$l" 2>/dev/null || true; losetup -d "$l" 2>/dev/null || true; done; }
cleanup_hooks+=("umount $work/mnt 2>/dev/null; detach_all")
# Sets $dev (not a subshell, so the cleanup hook sees every device).
attach() { dev=$(losetup -f --show "$1"); loops+=("$dev"); }

truncate -s 64M disk.raw
attach disk.raw; src=$dev
mkfs.ext4 -q -F "$src"
mkdir mnt
mount "$src" mnt
mkdir -p mnt/dir/sub
head -c 3M /dev/urandom > mnt/random.bin
seq 1 200000 > mnt/dir/numbers.txt
head -c 700K /dev/urandom > mnt/dir/sub/odd.bin
(cd mnt && find . -type f -exec sha256sum {} + | sort -k2) > files.sha

# Mounted read-write: refused, naming the mount point, and the flag is untouched.
expect_rc 2 "$VDSCTL" vhd convert "$src" busy.vhdx --prevent-writes-to-source
grep -q "mounted read-write at $work/mnt" last.err || fail "rw mount not named: $(cat last.err)"
[ "$(blockdev --getro "$src")" = 0 ] || fail "read-only flag changed by a refused convert"
[ ! -e busy.vhdx ] || fail "refused convert left a file"
umount mnt
pass "read-write mount refused"

for case in "vhdx dynamic" "vhdx fixed" "vhd dynamic" "vhd fixed"; do
  set -- $case
  fmt=$1 type=$2 qfmt=$([ $1 = vhd ] && echo vpc || echo vhdx)
  img=fs-$type.$fmt
  "$VDSCTL" vhd convert "$src" "$img" --type $type --prevent-writes-to-source --verify >/dev/null
  [ "$(blockdev --getro "$src")" = 0 ] || fail "$img: read-only flag not restored"
  qemu-img convert -f $qfmt -O raw "$img" back.raw
  cmp -s back.raw disk.raw || fail "$img: raw round trip differs"
  attach back.raw; back=$dev
  fsck.ext4 -n -f "$back" > fsck.log 2>&1 || { cat fsck.log; fail "$img: fsck -n not clean"; }
  mount -o ro "$back" mnt
  (cd mnt && find . -type f -exec sha256sum {} + | sort -k2) > back.sha
  umount mnt
  losetup -d "$back"
  diff -q files.sha back.sha >/dev/null || fail "$img: files differ"
  rm -f back.raw
  pass "ext4 on a loop device → $type $fmt → raw: fsck clean, files identical"
done

# Images convert back into images of the other format and still hold the filesystem.
"$VDSCTL" vhd convert fs-dynamic.vhdx again.vhd --type fixed >/dev/null
"$VDSCTL" vhd verify again.vhd --against "$src" >/dev/null || fail "vhdx → vhd lost data"
pass "vhdx → vhd keeps the filesystem"
