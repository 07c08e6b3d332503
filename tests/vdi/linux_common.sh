# Sourced by the vdi_linux_* scripts: an install tree, a simulator, the SDK-style client.
# Arguments of every script: BUILD_DIR SOURCE_DIR(tests/vdi) SQLSIM [extra...]
set -euo pipefail
build=$1 src=$2 sim=$3
work=$(mktemp -d)
simpid=
cleanup() {
  [ -n "$simpid" ] && kill "$simpid" 2>/dev/null && wait "$simpid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
pw='Secret-1!x'
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
inc=$prefix/include
libdir=$(dirname "$(find "$prefix" -name 'libvdssqlvdi.so' -print -quit)")
dropin=$(find "$prefix" -path '*/vdstudio/sqlvdi/libsqlvdi.so' -print -quit)
[ -n "$libdir" ] || { echo "libvdssqlvdi.so not installed"; exit 1; }
[ -n "$dropin" ] || { echo "<libdir>/vdstudio/sqlvdi/libsqlvdi.so not installed"; exit 1; }
dropindir=$(dirname "$dropin")

# start_sim [extra sim args]: runs vds-sqlsim on a fresh data dir, sets $port and $data.
start_sim() {
  data=$work/data; mkdir -p "$data"
  "$sim" --listen 127.0.0.1:0 --data-dir "$data" --login "sa:$pw" --seed-database Sales=8M "$@" \
    >"$work/sim.out" 2>"$work/sim.err" &
  simpid=$!
  for _ in $(seq 100); do
    grep -q '^listening on' "$work/sim.out" 2>/dev/null && break
    sleep 0.1
  done
  port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/sim.out")
  [ -n "$port" ] || { echo "vds-sqlsim did not start"; cat "$work/sim.err"; exit 1; }
}

# build_client OUT [link flags...]: the SDK-style client, compiled as its author would with
# only -I pointing at our Linux headers.
build_client() {
  local out=$1; shift
  g++ -std=c++20 -Wall -Wextra -Werror -I"$inc/vds/compat/linux" "$src/linux_client/sdkclient.cpp" \
    -o "$out" "$@" -lpthread
}

# client EXE {b|r} DB FILEPREFIX STRIPES MODE [WITH...]: runs it against the simulator.
client() {
  local exe=$1 dir=$2 db=$3 files=$4 stripes=$5 mode=$6; shift 6
  "$exe" "$dir" "$db" sa "$pw" "$files" "$port" "$stripes" "$mode" "$@"
}

# restore_copy_and_compare EXE FILEPREFIX STRIPES MODE COPYNAME: restores the backup as a new
# database and compares its files with the source database's, byte for byte.
restore_copy_and_compare() {
  local exe=$1 files=$2 stripes=$3 mode=$4 copy=$5
  out=$(client "$exe" r "$copy" "$files" "$stripes" "$mode" \
        "MOVE 'Sales' TO '$data/$copy.mdf', MOVE 'Sales_log' TO '$data/${copy}_log.ldf'") ||
    { echo "restore failed:"; echo "$out"; exit 1; }
  cmp "$data/Sales.mdf" "$data/$copy.mdf" || { echo "$copy.mdf differs from Sales.mdf"; exit 1; }
  cmp "$data/Sales_log.ldf" "$data/${copy}_log.ldf" || { echo "$copy log differs"; exit 1; }
}
