#!/usr/bin/env bash
# vds-sqlsim limits: login timeout, pre-login bound, memory under 50 misbehaving connections
# while a normal client backs up (limits_abuse.py); --max-connections answers error 17809.
# Args: SQLSIM SOURCE_ROOT LIBVDSSQLVDI TSQL
set -euo pipefail
sim=$1 root=$2 lib=$3 tsql=$4
work=$(mktemp -d)
simpid=
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
pw='Secret-1!x'
start_sim() {
  mkdir -p "$work/data"
  "$sim" --listen 127.0.0.1:0 --data-dir "$work/data" --login "sa:$pw" --seed-database Sales=8M "$@" \
    >"$work/sim.out" 2>"$work/sim.err" &
  simpid=$!
  for _ in $(seq 100); do grep -q '^listening on' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/sim.out")
  [ -n "$port" ] || { cat "$work/sim.err"; exit 1; }
}
# The normal client: the Linux SDK-style VDI client (tests/vdi/linux_client) over tsql.
g++ -std=c++20 -I"$root/core/compat/linux" "$root/tests/vdi/linux_client/sdkclient.cpp" \
  -o "$work/sdkclient" -L"$(dirname "$lib")" -lvdssqlvdi -Wl,-rpath,"$(dirname "$lib")" -lpthread
export PATH="$(dirname "$tsql"):$PATH"

start_sim --login-timeout 3
/usr/bin/python3 "$root/tests/sql/limits_abuse.py" "$simpid" "$port" 3 sa "$pw" -- \
  "$work/sdkclient" b Sales sa "$pw" "$work/normal" "$port" 1 plain
kill "$simpid"; wait "$simpid" || true; simpid=

# --max-connections 3: three connections stalled in login, the fourth gets 17809.
start_sim --max-connections 3 --login-timeout 20
exec 3<>/dev/tcp/127.0.0.1/$port 4<>/dev/tcp/127.0.0.1/$port 5<>/dev/tcp/127.0.0.1/$port
sleep 0.5
out=$(printf 'SELECT 1\ngo\nexit\n' | TDSVER=7.4 "$tsql" -H 127.0.0.1 -p "$port" -U sa -P "$pw" 2>&1 || true)
grep -q "maximum number of '3' user connections" <<<"$out" || { echo "$out"; exit 1; }
exec 3>&- 4>&- 5>&-
sleep 1
out=$(printf 'SELECT 1\ngo\nexit\n' | TDSVER=7.4 "$tsql" -H 127.0.0.1 -p "$port" -U sa -P "$pw" 2>&1)
grep -q '^1$' <<<"$out" || { echo "after the stalled ones left, login still refused: $out"; exit 1; }
echo "--max-connections: the 4th connection got 17809; once the others closed, logins work again"
