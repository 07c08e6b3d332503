#!/usr/bin/env bash
# vdisk_convert benchmark: a raw source (default 4 GiB) with half of its 32 MiB blocks zero,
# converted to dynamic VHDX, dynamic VHD and fixed VHDX by vdsctl and by qemu-img convert, in
# the same run with an equally warm page cache (the source is read once before each timed run).
# Prints seconds, MB/s (virtual bytes / s), output size and the ratios to qemu-img.
#   cmake --build build --target bench_vdisk_convert      (or)
#   tests/bench/vdisk_convert.sh build/bin/vdsctl [SIZE_MIB] [WORK_DIR] [REPEATS]
# Each tool runs REPEATS times (default 3, alternating with the other tool) and its best time
# counts, so a busy shared machine penalises both alike. Every run includes flushing the output
# to disk (`sync -f`): a converted image is only done when it is on disk.
set -euo pipefail
vdsctl=${1:?usage: vdisk_convert.sh VDSCTL [SIZE_MIB] [WORK_DIR]}
mib=${2:-4096}
parent=${3:-${TMPDIR:-/var/tmp}}
repeats=${4:-3}
work=$(mktemp -d "$parent/vdisk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
src=$work/source.raw

echo "building a ${mib} MiB source (odd 32 MiB blocks random, even ones zero) in $work"
head -c 32M /dev/urandom > "$work/chunk"
truncate -s "${mib}M" "$src"
for ((i = 1; i < mib / 32; i += 2)); do
  dd if="$work/chunk" of="$src" bs=32M seek=$i conv=notrunc status=none
done
# Zero blocks are written as real zeros (not holes), as on a disk.
for ((i = 0; i < mib / 32; i += 2)); do
  dd if=/dev/zero of="$src" bs=32M seek=$i count=1 conv=notrunc status=none
done
rm -f "$work/chunk"
bytes=$(stat -c %s "$src")

now() { date +%s.%N; }
warm() { cat "$src" > /dev/null; sync; }
run() { # label outfile command...
  local label=$1 outfile=$2; shift 2
  rm -f "$outfile"; warm
  local t0 t1; t0=$(now); "$@" > /dev/null; sync -f "$outfile"; t1=$(now)
  echo "$label $(echo "$t1 - $t0" | bc -l) $(stat -c %s "$outfile")"
}

printf '\n%-22s %9s %10s %14s %11s\n' target tool "best s" MB/s output-bytes
declare -A res
for case in "vhdx dynamic" "vhd dynamic" "vhdx fixed"; do
  set -- $case
  fmt=$1 type=$2
  qfmt=$([ "$fmt" = vhd ] && echo vpc || echo vhdx)
  qopt=$([ "$fmt" = vhd ] && echo "subformat=$type" || echo "subformat=$type")
  out=$work/out.$fmt
  qs=999999 vs=999999
  for ((r = 0; r < repeats; r++)); do
    read -r _ s1 qsize < <(run qemu "$out" qemu-img convert -f raw -O "$qfmt" -o "$qopt" "$src" "$out")
    rm -f "$out"
    read -r _ s2 vsize < <(run vds "$out" "$vdsctl" vhd convert "$src" "$out" --type "$type")
    qemu-img compare -q -f raw "$src" -F "$qfmt" "$out" || { echo "output differs from the source!"; exit 1; }
    rm -f "$out"
    echo "  run $((r + 1)) $type $fmt: qemu-img $(printf %.2f "$s1") s, vdsctl $(printf %.2f "$s2") s" >&2
    qs=$(echo "if ($s1 < $qs) $s1 else $qs" | bc -l)
    vs=$(echo "if ($s2 < $vs) $s2 else $vs" | bc -l)
  done
  for t in qemu vds; do
    s=$([ $t = qemu ] && echo "$qs" || echo "$vs"); z=$([ $t = qemu ] && echo "$qsize" || echo "$vsize")
    printf '%-22s %9s %10.2f %14.0f %11d\n' "$type $fmt" $t "$s" "$(echo "$bytes / $s / 1000000" | bc -l)" "$z"
  done
  printf '%-22s %9s %10.2f %14s %11.2f   (targets: time <= 0.80, size <= 1.00)\n' "" ratio \
    "$(echo "$vs / $qs" | bc -l)" "" "$(echo "$vsize / $qsize" | bc -l)"
  if [ "$type" = fixed ]; then
    echo "  fixed $fmt overhead: $(( (vsize - bytes) / 1048576 )) MiB over the virtual size (limit 8 MiB)"
  fi
done
