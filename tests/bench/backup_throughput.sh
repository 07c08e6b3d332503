#!/usr/bin/env bash
# backup_throughput benchmark: a vds-sqlsim database (default 2 GiB) backed up by vdsctl through
# VDI raw, zstd-1, zstd-3 and zstd-1+age with 1 and 4 stripes, against peers measured in the
# same run on the same bytes:
#   raw        → dd of the database's files (.mdf and .ldf: what a full backup carries) to the
#                same folder with conv=fsync
#   raw        → the simulator's own BACKUP … TO DISK (when the simulator supports it)
#   compressed → the zstd CLI with the same level and threads on our raw stream, fsynced; and
#                the same with OpenSSL's SHA-256 of that stream beside it (our work but the
#                server's share: we hash the raw stream as we compress it)
# plus vdsctl's peak RSS and the CPU seconds of each side (ours: vdsctl, and apart the
# simulator's share, which runs on the same cores as a real server runs beside its VDI client).
# Targets: raw ≥ 0.9× dd, compressed ≥ 1.0× zstd, peak RSS ≤ 256 MiB whatever the size.
#   cmake --build build --target bench_backup_throughput      (or)
#   tests/bench/backup_throughput.sh build/bin/vdsctl build/bin/vds-sqlsim [SIZE_MIB] [WORK_DIR] [REPEATS]
# Every timed run (ours and the peers') is repeated REPEATS times (default 3) and the best time
# counts, so a busy shared machine penalises all alike. Each time includes the fsync of the
# output: a backup is done when it is on disk.
set -euo pipefail
vdsctl=${1:?usage: backup_throughput.sh VDSCTL VDS_SQLSIM [SIZE_MIB] [WORK_DIR] [REPEATS]}
sqlsim=${2:?usage: backup_throughput.sh VDSCTL VDS_SQLSIM [SIZE_MIB] [WORK_DIR] [REPEATS]}
mib=${3:-2048}
parent=${4:-${TMPDIR:-/var/tmp}}
repeats=${5:-3}
work=$(mktemp -d "$parent/backup-bench.XXXXXX")
simpid=
trap '[[ -n "$simpid" ]] && kill $simpid 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/out"
threads=$(nproc)

echo "seeding a ${mib} MiB database in $work/data"
"$sqlsim" --listen 127.0.0.1:0 --data-dir "$work/data" --login sa:Bench-123:sysadmin \
  --seed-database "Bench=${mib}M" >"$work/sim.out" 2>"$work/sim.err" &
simpid=$!
for _ in $(seq 600); do grep -q listening "$work/sim.out" && break; sleep 0.1; done
port=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$work/sim.out" | head -1)
[[ -n "$port" ]] || { cat "$work/sim.err"; exit 1; }
export BENCH_PW=Bench-123 BENCH_PASS=bench-passphrase
age-keygen -o "$work/key.txt" 2>/dev/null
recipient=$(age-keygen -y "$work/key.txt")
# The database's bytes: its data file and its log file, both of which a full backup carries.
# Every MB/s below is these bytes over the time taken, so the ratios compare equal work.
bytes=$(( $(stat -c %s "$work/data/Bench.mdf") + $(stat -c %s "$work/data/Bench_log.ldf") ))

now() { date +%s.%N; }
mbps() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2])/1e6:8.1f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):5.2f}')" "$1" "$2"; }

best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
# CPU seconds (user + system) the simulator has used so far: the server's share of a backup
# runs on the same cores as ours, as a real SQL Server's does beside its VDI client.
simcpu() { python3 -c "import os,sys; f=open(f'/proc/{sys.argv[1]}/stat').read().rsplit(')',1)[1].split(); print((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK'))" "$simpid"; }

# dd of the database's files, each fsynced, as the raw peer.
times=()
for ((r = 0; r < repeats; r++)); do
  sync; t0=$(now)
  dd if="$work/data/Bench.mdf" of="$work/out/dd.mdf" bs=4M conv=fsync status=none
  dd if="$work/data/Bench_log.ldf" of="$work/out/dd.ldf" bs=4M conv=fsync status=none
  t1=$(now); times+=("$(python3 -c "print($t1-$t0)")"); rm -f "$work/out/dd.mdf" "$work/out/dd.ldf"
done
dd_s=$(best "${times[@]}")
dd_mbps=$(mbps "$bytes" "$dd_s")
printf '%-28s %8s MB/s\n' "dd conv=fsync (.mdf, .ldf)" "$dd_mbps"

# The simulator's own BACKUP … TO DISK, when it has it.
disk_mbps=
if printf "BACKUP DATABASE [Bench] TO DISK = N'%s' WITH COPY_ONLY\ngo\n" "$work/out/native.bak" |
   tsql -H 127.0.0.1 -p "$port" -U sa -P "$BENCH_PW" >"$work/tsql.out" 2>&1 &&
   [[ -s "$work/out/native.bak" ]]; then
  rm -f "$work/out/native.bak"; sync; t0=$(now)
  printf "BACKUP DATABASE [Bench] TO DISK = N'%s' WITH COPY_ONLY\ngo\n" "$work/out/native.bak" |
    tsql -H 127.0.0.1 -p "$port" -U sa -P "$BENCH_PW" >/dev/null 2>&1
  sync -f "$work/out/native.bak"; t1=$(now)
  disk_mbps=$(mbps "$bytes" "$(python3 -c "print($t1-$t0)")")
  printf '%-28s %8s MB/s\n' "sim BACKUP TO DISK" "$disk_mbps"
  rm -f "$work/out/native.bak"
else
  echo "sim BACKUP TO DISK: not supported by this simulator build (no figure)"
fi

run() { # run LABEL STRIPES ARGS...
  local label=$1 stripes=$2; shift 2
  local t0 t1 secs rss=0 r s0 s1 cpu bestcpu=
  secs=
  for ((r = 0; r < repeats; r++)); do
    rm -rf "$work/out/run"; sync
    s0=$(simcpu); t0=$(now)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$vdsctl" backup --server "127.0.0.1:$port" \
      --login sa --password-env BENCH_PW --database Bench --type copy-only --to "$work/out/run" \
      --stripes "$stripes" --json "$@" >"$work/result.json"
    t1=$(now); s1=$(simcpu)
    local took kib
    took=$(python3 -c "print($t1-$t0)")
    read -r kib u sy <"$work/rss"
    cpu=$(python3 -c "print(f'{$u+$sy:.2f} {$s1-$s0:.2f}')")
    rss=$(( kib / 1024 > rss ? kib / 1024 : rss ))
    if [[ -z "$secs" ]] || python3 -c "import sys; sys.exit(0 if $took < $secs else 1)"; then
      secs=$took; bestcpu=$cpu
    fi
  done
  local out_bytes
  out_bytes=$(du -cb "$work/out/run/"*.bak* | tail -1 | cut -f1)
  read -r ourcpu servercpu <<<"$bestcpu"
  printf '%-16s %8s MB/s  %5.2f s  cpu %5.2f s + server %4.2f s  out %5d MiB  RSS %3d MiB' \
    "$label x$stripes" "$(mbps "$bytes" "$secs")" "$secs" "$ourcpu" "$servercpu" \
    $((out_bytes / 1048576)) "$rss"
  LAST_SECS=$secs
}

for stripes in 1 4; do
  run "raw" $stripes
  printf '   vs dd %s\n' "$(ratio "$(mbps "$bytes" "$LAST_SECS")" "$dd_mbps")"
  # Keep one raw stream as the zstd CLI's input.
  if [[ $stripes == 1 ]]; then cp "$work/out/run/"*.bak "$work/raw.bak"; fi
  for level in 1 3; do
    run "zstd-$level" $stripes --compress "zstd:$level:$threads"
    ours=$LAST_SECS
    cli=; clicpu=
    for ((r = 0; r < repeats; r++)); do
      sync
      /usr/bin/time -f '%e %U %S' -o "$work/cli.time" sh -c \
        'zstd -q -f -"$0" -T"$1" "$2" -o "$3" && sync -f "$3"' \
        "$level" "$threads" "$work/raw.bak" "$work/out/cli.zst"
      read -r e u sy <"$work/cli.time"
      if [[ -z "$cli" ]] || python3 -c "import sys; sys.exit(0 if $e < $cli else 1)"; then
        cli=$e; clicpu=$(python3 -c "print(f'{$u+$sy:.2f}')")
      fi
    done
    printf '   vs zstd -%s -T%s (%s MB/s, cpu %s s) %s\n' "$level" "$threads" \
      "$(mbps "$bytes" "$cli")" "$clicpu" "$(ratio "$cli" "$ours")"
    # The same work as ours short of the server's share: the CLI compressing while OpenSSL's
    # SHA-256 (the library we hash with) reads the same raw stream beside it.
    same=; samecpu=
    for ((r = 0; r < repeats; r++)); do
      sync
      # Both must succeed: a failed half would otherwise finish early and count as "best".
      /usr/bin/time -f '%e %U %S' -o "$work/same.time" sh -c \
        'openssl dgst -sha256 "$2" >/dev/null & h=$!
         zstd -q -f -"$0" -T"$1" "$2" -o "$3" && sync -f "$3"; rc=$?
         wait "$h" && exit "$rc"' \
        "$level" "$threads" "$work/raw.bak" "$work/out/cli.zst"
      read -r e u sy <"$work/same.time"
      if [[ -z "$same" ]] || python3 -c "import sys; sys.exit(0 if $e < $same else 1)"; then
        same=$e; samecpu=$(python3 -c "print(f'{$u+$sy:.2f}')")
      fi
    done
    printf '   vs zstd -%s -T%s + openssl sha256 of its input (%s MB/s, cpu %s s) %s\n' "$level" \
      "$threads" "$(mbps "$bytes" "$same")" "$samecpu" "$(ratio "$same" "$ours")"
    rm -f "$work/out/cli.zst"
  done
  run "zstd-1+age" $stripes --compress "zstd:1:$threads" --encrypt-to "$recipient"
  echo
done
