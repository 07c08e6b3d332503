#!/usr/bin/env bash
# vdisk_convert benchmark: `vdsctl vhd convert` against `qemu-img convert` and against `dd`
# writing just the bytes that must be written (the disk's limit), in the same run, over a matrix
# of source shapes and targets:
#   dense        every byte random
#   blocks       odd 32 MiB blocks random, even ones zero (whole empty blocks)
#   half-zeros   in every 32 MiB block 2 MiB data / 2 MiB zeros, the zeros written as zeros
#   half-holes   the same with the zeros left as holes in the source file
#   scattered    in every 1 MiB, 128 KiB of data at a varying 4 KiB-aligned place, zeros elsewhere
#   loop         half-zeros read through a read-only loop block device
# each to a dynamic VHDX and/or a dynamic VHD. For each tool: wall time and CPU seconds (user +
# sys) including the flush of its output to disk (`sync FILE`, an fsync of that file only, run
# under the same `/usr/bin/time`), peak RSS, bytes allocated by the output (`du -B1`), ratios.
#   cmake --build build --target bench_vdisk_convert      (or)
#   tests/bench/vdisk_convert.sh build/bin/vdsctl [SIZE_MIB] [WORK_DIR] [ROUNDS] [CASES]
# SIZE_MIB defaults to 2048; ROUNDS (default 1) repeats the whole matrix, printing each round.
# CASES picks rows by name (e.g. "half-holes:vhdx loop:vhdx"); default all.
# Caches (CACHE=cold, the default): before every run the sources (and the loop device) are
# evicted from the page cache with posix_fadvise(DONTNEED) on those files only — every tool
# starts cold, and other users of the machine keep their caches. CACHE=warm reads the source
# (and dd's input) into the cache before every run instead: the disk then only writes.
# The `dd` row reads a separate file of random data holding exactly the data bytes of the source
# (cached or not like the sources) and writes it with conv=fsync. The `dd-sparse` row copies the
# source itself with `bs=64K conv=sparse,fsync`: it reads every byte and writes only the
# non-zero 64 KiB blocks — where the source stores zeros, they must be read to be found.
# REPEATS (environment, default 3): runs per tool and case, taking turns; the best time and the
# lowest CPU count, and the worst of each is printed beside them (the spread between runs).
# Needs root for the loop device row (skipped otherwise, and said so).
set -euo pipefail
vdsctl=${1:?usage: vdisk_convert.sh VDSCTL [SIZE_MIB] [WORK_DIR] [ROUNDS] [CASES]}
mib=${2:-2048}
parent=${3:-${TMPDIR:-/var/tmp}}
rounds=${4:-1}
only=${5:-}
repeats=${REPEATS:-3}
cache=${CACHE:-cold}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
command -v qemu-img >/dev/null || { echo "needs qemu-img (qemu-utils)" >&2; exit 2; }
((mib % 32 == 0)) || { echo "SIZE_MIB must be a multiple of 32" >&2; exit 2; }
work=$(mktemp -d "$parent/vdisk-bench.XXXXXX")
loopdev=
cleanup() {
  [ -n "$loopdev" ] && losetup -d "$loopdev" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- sources -------------------------------------------------------------------------------
echo "building ${mib} MiB sources in $work (load: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$work" "$mib" <<'EOF'
import os, sys
work, mib = sys.argv[1], int(sys.argv[2])
MiB = 1 << 20
size = mib * MiB
pool = os.urandom(64 * MiB)

def data(off, n):
    # distinct bytes per position (the pool is 64 MiB, blocks never repeat within a block)
    p = (off * 7) % (32 * MiB)
    return pool[p:p + n]

def build(name, ranges, holes):
    path = os.path.join(work, name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.ftruncate(fd, size)
    zero = bytes(4 * MiB)
    at = 0
    total = 0
    for off, n in ranges:
        if not holes and off > at:
            for z in range(at, off, len(zero)):
                os.pwrite(fd, zero[:min(len(zero), off - z)], z)
        for d in range(off, off + n, 4 * MiB):
            os.pwrite(fd, data(d, min(4 * MiB, off + n - d)), d)
        at = off + n
        total += n
    if not holes and at < size:
        for z in range(at, size, len(zero)):
            os.pwrite(fd, zero[:min(len(zero), size - z)], z)
    os.fsync(fd)
    os.close(fd)
    return total

shapes = {
    'dense': ([(0, size)], False),
    'blocks': ([(b * 32 * MiB, 32 * MiB) for b in range(1, mib // 32, 2)], False),
    'half-zeros': ([(o, 2 * MiB) for o in range(0, size, 4 * MiB)], False),
    'half-holes': ([(o, 2 * MiB) for o in range(0, size, 4 * MiB)], True),
    'scattered': ([(m * MiB + ((m * 37) % 28) * 32768, 128 * 1024) for m in range(mib)], False),
}
with open(os.path.join(work, 'databytes'), 'w') as f:
    for name, (ranges, holes) in shapes.items():
        f.write(f'{name} {build(name + ".raw", ranges, holes)}\n')
# dd's input: as many random bytes as the largest data set
fd = os.open(os.path.join(work, 'dd.src'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
for d in range(0, size, 4 * MiB):
    os.pwrite(fd, data(d, 4 * MiB), d)
os.fsync(fd)
os.close(fd)
EOF
declare -A databytes
while read -r name n; do databytes[$name]=$n; done < "$work/databytes"
databytes[loop]=${databytes[half-zeros]}
if [ "$(id -u)" = 0 ] && loopdev=$(losetup -f --show -r "$work/half-zeros.raw" 2>/dev/null); then
  :
else
  loopdev=
  echo "(no loop device: not root or no free loop device — the loop row is skipped)"
fi

evict() { # files/devices: drop their pages from the page cache
  python3 - "$@" <<'EOF'
import os, sys
for p in sys.argv[1:]:
    try:
        fd = os.open(p, os.O_RDONLY)
    except FileNotFoundError:
        continue
    os.fdatasync(fd) if not p.startswith('/dev/') else None
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
EOF
}

# measure OUT SRC COMMAND... → "wall cpu rss_kib alloc_bytes"
measure() {
  local out=$1 src=$2; shift 2
  rm -f "$out"
  evict "$work"/*.raw ${loopdev:+"$loopdev"} "$work/dd.src"
  [ "$cache" = warm ] && cat "$src" > /dev/null
  local t0 t1
  t0=$(date +%s.%N)
  # The flush is part of the run for every tool, in time and CPU alike: a tool that leaves its
  # output dirty in the cache would otherwise hand its writeback cost to `sync`.
  /usr/bin/time -f '%U %S %M' -o "$work/time.txt" sh -c '"$@" > /dev/null && sync "$0"' "$out" "$@"
  t1=$(date +%s.%N)
  read -r u s m < "$work/time.txt"
  echo "$(echo "$t1 - $t0" | bc -l) $(echo "$u + $s" | bc -l) $m $(du -B1 "$out" | cut -f1)"
}

cases="dense:vhdx dense:vhd blocks:vhdx half-zeros:vhdx half-zeros:vhd half-holes:vhdx half-holes:vhd scattered:vhdx scattered:vhd loop:vhdx loop:vhd"
[ -n "$only" ] && cases=$only
# Each tool runs REPEATS times per case, the tools taking turns, and its best time and lowest
# CPU count: a disk shared with other guests varies by 2–3x between runs, and the turns spread
# that over every tool alike.
best() { # best A B: the smaller (numbers)
  [ "$(echo "$1 < $2" | bc -l)" = 1 ] && echo "$1" || echo "$2"
}
worst() { # worst A B: the larger (numbers)
  [ "$(echo "$1 > $2" | bc -l)" = 1 ] && echo "$1" || echo "$2"
}
ok=1
for ((round = 1; round <= rounds; round++)); do
  printf '\nround %d of %d, %d MiB, page cache %s, best of %d, load %s\n' "$round" "$rounds" "$mib" "$cache" "$repeats" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-16s %-9s %6s %8s %9s %12s %8s %8s\n' case tool "s" "cpu s" "rss MiB" "alloc MiB" "worst s" "cpu s"
  for c in $cases; do
    shape=${c%%:*} fmt=${c##*:}
    if [ "$shape" = loop ]; then
      [ -n "$loopdev" ] || continue
      src=$loopdev
    else
      src=$work/$shape.raw
    fi
    qfmt=$([ "$fmt" = vhd ] && echo vpc || echo vhdx)
    qopt=$([ "$fmt" = vhd ] && echo "subformat=dynamic,force_size=on" || echo "subformat=dynamic")
    out=$work/out.$fmt
    n=${databytes[$shape]}
    declare -A T=() C=() M=() A=() TW=() CW=()
    for ((r = 0; r < repeats; r++)); do
      for tool in qemu-img vdsctl dd dd-sparse; do
        case $tool in
          qemu-img) read -r s_ c_ m_ a_ < <(measure "$out" "$src" qemu-img convert -f raw -O "$qfmt" -o "$qopt" "$src" "$out") ;;
          vdsctl)
            read -r s_ c_ m_ a_ < <(measure "$out" "$src" "$vdsctl" vhd convert "$src" "$out" --type dynamic)
            qemu-img compare -q -f raw "$src" -F "$qfmt" "$out" || { echo "$c: our output differs from the source!"; exit 1; } ;;
          dd) read -r s_ c_ m_ a_ < <(measure "$out" "$work/dd.src" dd if="$work/dd.src" of="$out" bs=4M count="$n" iflag=count_bytes conv=fsync status=none) ;;
          dd-sparse) read -r s_ c_ m_ a_ < <(measure "$out" "$src" dd if="$src" of="$out" bs=64K conv=sparse,fsync status=none) ;;
        esac
        T[$tool]=$([ -n "${T[$tool]:-}" ] && best "${T[$tool]}" "$s_" || echo "$s_")
        C[$tool]=$([ -n "${C[$tool]:-}" ] && best "${C[$tool]}" "$c_" || echo "$c_")
        TW[$tool]=$([ -n "${TW[$tool]:-}" ] && worst "${TW[$tool]}" "$s_" || echo "$s_")
        CW[$tool]=$([ -n "${CW[$tool]:-}" ] && worst "${CW[$tool]}" "$c_" || echo "$c_")
        # Peak RSS: the largest of the runs; allocation is the same every run.
        M[$tool]=$([ -n "${M[$tool]:-}" ] && [ "${M[$tool]}" -gt "$m_" ] && echo "${M[$tool]}" || echo "$m_")
        A[$tool]=$a_
      done
    done
    rm -f "$out"
    for tool in qemu-img vdsctl dd dd-sparse; do
      printf '%-16s %-9s %6.2f %8.2f %9.1f %12.1f %8.2f %8.2f\n' "$c" "$tool" "${T[$tool]}" "${C[$tool]}" "$(echo "${M[$tool]} / 1024" | bc -l)" "$(echo "${A[$tool]} / 1048576" | bc -l)" "${TW[$tool]}" "${CW[$tool]}"
    done
    vs=${T[vdsctl]} qs=${T[qemu-img]}
    rt=$(echo "$vs / $qs" | bc -l) rd=$(echo "$vs / ${T[dd]}" | bc -l) rs=$(echo "$vs / ${T[dd-sparse]}" | bc -l)
    rc=$(echo "${C[vdsctl]} / ${C[qemu-img]}" | bc -l) rm=$(echo "${M[vdsctl]} / ${M[qemu-img]}" | bc -l)
    ra=$(echo "${A[vdsctl]} / ${A[qemu-img]}" | bc -l)
    verdict=ok
    for cond in "$rt <= 1.0" "$rd <= 1.1" "$rc <= 1.0" "$rm <= 1.0" "$ra <= 1.0"; do
      [ "$(echo "$cond" | bc -l)" = 1 ] || verdict=MISSED
    done
    # time/dd cannot hold where the source stores its zeros: they must be read to be found,
    # and dd's row reads only the data. dd-sparse reads the whole source and writes only its
    # non-zero 64 KiB blocks: the least a converter has to move.
    if [ $verdict = MISSED ] && [ "$(echo "$rd > 1.1 && $rs <= 1.1 && $rt <= 1.0 && $rc <= 1.0 && $rm <= 1.0 && $ra <= 1.0" | bc -l)" = 1 ]; then
      verdict="MISSED time/dd only (read-bound: time/dd-sparse ok)"
    fi
    [ "$verdict" = ok ] || ok=0
    printf '%-16s ratios: time/qemu %.2f  time/dd %.2f  time/dd-sparse %.2f  cpu/qemu %.2f  rss/qemu %.2f  alloc/qemu %.3f  %s\n' \
      "$c" "$rt" "$rd" "$rs" "$rc" "$rm" "$ra" "$verdict"
  done
done
echo
[ $ok = 1 ] && echo "every case within the targets (time <= 1.0x qemu-img and <= 1.1x dd; cpu, rss, alloc <= qemu-img)" ||
  echo "some case MISSED a target (time <= 1.0x qemu-img and <= 1.1x dd; cpu, rss, alloc <= qemu-img)"
