#!/usr/bin/env bash
# vdisk_sparse: conversions write only what holds data. Zero runs inside a block a dynamic
# target allocates are holes in the output file (checked with SEEK_DATA at the file offsets the
# BAT gives); source holes and written zeros alike; from a file, a loop block device (root
# only) and another image; every output is accepted by qemu-img compare, vhdiinfo and
# `vhd verify`; fixed targets are fully allocated unless --sparse; a byte changed inside a hole
# of the output is caught by `vhd verify --against`.
. "$(dirname "$0")/common.sh"

MiB=1048576
size=$((70 * MiB)) # two whole 32 MiB VHDX blocks and a short one
# Source: block 0 holds 1 MiB data / 3 MiB written zeros, repeated; block 1 64 KiB data /
# 64 KiB hole, repeated (zeros as holes); the short last block is 4 KiB of data at 5 MiB.
python3 - "$size" <<'EOF'
import os, sys
size = int(sys.argv[1]); MiB = 1 << 20
fd = os.open('src.raw', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
os.ftruncate(fd, size)
runs = []
for o in range(0, 32 * MiB, 4 * MiB):
    os.pwrite(fd, os.urandom(MiB), o)
    os.pwrite(fd, bytes(3 * MiB), o + MiB)
    runs.append((o, MiB))
for o in range(32 * MiB, 64 * MiB, 128 * 1024):
    os.pwrite(fd, os.urandom(64 * 1024), o)
    runs.append((o, 64 * 1024))
os.pwrite(fd, os.urandom(4096), 69 * MiB)
runs.append((69 * MiB, 4096))
os.close(fd)
with open('src.runs', 'w') as f:
    for o, n in runs:
        f.write(f'{o} {n}\n')
EOF
databytes=$(awk '{s += $2} END {print s}' src.runs)

# holes_check IMAGE FORMAT: every data run of the source is data in the file, every zero page
# between them inside an allocated block is a hole, read off our own BAT (layout in
# core/vdisk/README.md).
holes_check() {
  python3 - "$1" "$2" "$size" <<'EOF' || fail "$1: zero runs are not holes"
import os, struct, sys
path, fmt, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
MiB = 1 << 20
fd = os.open(path, os.O_RDONLY)
runs = [tuple(map(int, l.split())) for l in open('src.runs')]
if fmt == 'vhdx':
    block = 32 * MiB
    def where(b):
        e = struct.unpack('<Q', os.pread(fd, 8, 3 * MiB + 8 * b))[0]  # ratio > blocks here
        return None if e & 7 != 6 else e & ~(MiB - 1)
else:
    block = 2 * MiB
    def where(b):
        s = struct.unpack('>I', os.pread(fd, 4, 1536 + 4 * b))[0]
        return None if s == 0xFFFFFFFF else s * 512 + 512
def is_hole(f0, f1):
    try:
        return os.lseek(fd, f0, os.SEEK_DATA) >= f1
    except OSError:
        return True  # ENXIO: no data after f0
holes = 0
for b in range((size + block - 1) // block):
    at = where(b)
    lo, hi = b * block, min(size, (b + 1) * block)
    mine = [(max(o, lo), min(o + n, hi)) for o, n in runs if o < hi and o + n > lo]
    if at is None:
        assert not mine, f'block {b} holds data but is not allocated'
        continue
    assert mine, f'block {b} is allocated but holds no data'
    if sum(e - s for s, e in mine) < hi - lo:
        assert at % 4096 == 0, f'block {b} has zeros but its data at {at} is not 4 KiB aligned'
    pos = lo
    for s, e in mine + [(hi, hi)]:
        if s > pos:
            assert is_hole(at + pos - lo, at + s - lo), f'block {b}: zeros at {pos}..{s} are allocated'
            holes += 1
        if e > s:
            assert os.lseek(fd, at + s - lo, os.SEEK_DATA) == at + s - lo, f'block {b}: data at {s} is a hole'
        pos = max(pos, e)
assert holes > 0, 'no zero run inside an allocated block was checked'
print(f'{path}: {holes} zero runs inside allocated blocks are holes')
EOF
}

allocated() { du -B1 "$1" | cut -f1; }

check_output() { # image format type source
  local img=$1 fmt=$2 type=$3 srcimg=$4 qfmt
  qfmt=$([ $fmt = vhd ] && echo vpc || echo vhdx)
  qemu-img compare -q -f raw src.raw -F $qfmt "$img" || fail "$img: qemu-img compare differs from the source"
  [ $fmt = vhdx ] && { qemu-img check -q -f vhdx "$img" || fail "$img: qemu-img check"; }
  vhdiinfo "$img" > "$img.vi" || fail "$img: vhdiinfo refused it"
  grep -q "Media size.*($size bytes)" "$img.vi" || fail "$img: vhdiinfo media size"
  "$VDSCTL" vhd verify "$img" --against src.raw > /dev/null || fail "$img: vhd verify --against the source"
  "$VDSCTL" vhd verify "$img" > /dev/null || fail "$img: vhd verify"
}

# --- dynamic targets, from a file --------------------------------------------------------
for fmt in vhdx vhd; do
  img=dyn.$fmt
  "$VDSCTL" vhd convert src.raw "$img" --type dynamic --verify --json > "$img.json"
  [ "$(json_field "$img.json" verified)" = True ] || fail "$img: not verified"
  check_output "$img" $fmt dynamic src.raw
  holes_check "$img" $fmt
  # Allocation: the data plus headers, BAT and (VHD) a 4 KiB page per block bitmap.
  limit=$((databytes + 5 * MiB + 36 * 4096))
  [ "$(allocated "$img")" -le $limit ] || fail "$img: $(allocated "$img") bytes allocated for $databytes of data"
  pass "dynamic $fmt from a file: zero runs are holes, $(allocated "$img") bytes allocated"
done

# A byte changed inside a hole of an allocated block is found by verify.
python3 - <<'EOF'
import os, struct
fd = os.open('dyn.vhdx', os.O_RDWR)
e = struct.unpack('<Q', os.pread(fd, 8, 3 << 20))[0]
os.pwrite(fd, b'\x01', (e & ~((1 << 20) - 1)) + (2 << 20))  # block 0, 2 MiB: a zero run
os.close(fd)
EOF
expect_rc 1 "$VDSCTL" vhd verify dyn.vhdx --against src.raw
grep -q "$((2 * MiB))" last.err || fail "verify did not name the changed offset: $(cat last.err)"
pass "verify reads what lies in a hole of an allocated block"

# --- from another image (the VHD above), both ways ---------------------------------------
"$VDSCTL" vhd convert dyn.vhd img2.vhdx --type dynamic --verify > /dev/null
check_output img2.vhdx vhdx dynamic dyn.vhd
holes_check img2.vhdx vhdx
"$VDSCTL" vhd convert img2.vhdx img2.vhd --type dynamic --verify > /dev/null
check_output img2.vhd vhd dynamic img2.vhdx
holes_check img2.vhd vhd
pass "image to image: holes kept"

# --- fixed targets: fully allocated unless --sparse --------------------------------------
for fmt in vhdx vhd; do
  "$VDSCTL" vhd convert src.raw fixed.$fmt --type fixed --verify > /dev/null
  check_output fixed.$fmt $fmt fixed src.raw
  [ "$(allocated fixed.$fmt)" -ge $size ] || fail "fixed.$fmt: $(allocated fixed.$fmt) bytes allocated, not fully"
  "$VDSCTL" vhd convert src.raw sparse.$fmt --type fixed --sparse --verify > /dev/null
  check_output sparse.$fmt $fmt fixed src.raw
  [ "$(allocated sparse.$fmt)" -le $((databytes + 8 * MiB)) ] || fail "sparse.$fmt: $(allocated sparse.$fmt) bytes allocated"
  pass "fixed $fmt fully allocated ($(allocated fixed.$fmt)), --sparse $(allocated sparse.$fmt)"
done

# --- from a loop block device (no SEEK_DATA there: zeros found by reading) ---------------
if [ "$(id -u)" -eq 0 ] && dev=$(losetup -f --show -r src.raw 2>/dev/null); then
  cleanup_hooks+=("losetup -d $dev")
  for fmt in vhdx vhd; do
    "$VDSCTL" vhd convert "$dev" loop.$fmt --type dynamic --verify > /dev/null
    check_output loop.$fmt $fmt dynamic "$dev"
    holes_check loop.$fmt $fmt
  done
  pass "loop device source: zero runs are holes"
else
  fail "needs root and a free loop device for the block device case"
fi
