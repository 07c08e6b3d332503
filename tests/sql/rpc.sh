#!/usr/bin/env bash
# vds-sqlsim answers what SQL clients send as RPC. Args: MODE SQLSIM SOURCE_DIR FREETDS_DRIVER
#   procs   every supported procedure and the errors, byte by byte (rpc_procs.py)
#   isql    unixODBC's isql -k over FreeTDS (prepared execution)
#   pyodbc  Debian's python3-pyodbc with ? parameters (run with /usr/bin/python3)
set -euo pipefail
mode=$1 sim=$2 src=$3 driver=$4
work=$(mktemp -d)
simpid=
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
pw='Secret-1!x'
"$sim" --listen 127.0.0.1:0 --data-dir "$work" --login "sa:$pw" --seed-database Sales=1M \
  >"$work/sim.out" 2>"$work/sim.err" &
simpid=$!
for _ in $(seq 100); do grep -q '^listening on' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/sim.out")
[ -n "$port" ] || { cat "$work/sim.err"; exit 1; }
conn="DRIVER=$driver;SERVER=127.0.0.1;PORT=$port;UID=sa;PWD=$pw;TDS_Version=7.4"

case $mode in
procs)
  /usr/bin/python3 "$src/rpc_procs.py" "$port" sa "$pw" ;;
isql)
  out=$(printf "SELECT name, recovery_model_desc FROM sys.databases WHERE name = 'Sales'\nSELECT @@SERVERNAME\n" |
        isql -k "$conn" -b -v 2>&1) || { echo "$out"; exit 1; }
  grep -q '| Sales .*| FULL' <<<"$out" || { echo "$out"; exit 1; }
  if grep -q 'not supported\|\[ISQL\]ERROR' <<<"$out"; then echo "$out"; exit 1; fi
  echo "isql -k: prepared statements answered"
  ;;
pyodbc)
  /usr/bin/python3 - "$conn" <<'PY'
import sys
import pyodbc
c = pyodbc.connect(sys.argv[1], autocommit=True)
cur = c.cursor()
rows = cur.execute("SELECT name, database_id FROM sys.databases WHERE name = ?", "Sales").fetchall()
assert [tuple(r) for r in rows] == [("Sales", 5)], rows
rows = cur.execute("SELECT name FROM sys.databases WHERE name = ? AND database_id = ?", "Sales", 5).fetchall()
assert [r[0] for r in rows] == ["Sales"], rows
rows = cur.execute("SELECT name FROM sys.databases WHERE name = ? AND database_id = ?", "Sales", 1).fetchall()
assert rows == [], rows
for name in ("Sales", "master", "Sales"):  # the same statement again: prepared once, executed again
    assert cur.execute("SELECT name FROM sys.databases WHERE name = ?", name).fetchone()[0] == name
try:
    cur.execute("SELECT name FROM sys.tables WHERE name = ?", "x")
    raise SystemExit("an unknown object gave no error")
except pyodbc.Error as e:
    assert "208" in str(e) or "Invalid object name" in str(e), e
print("pyodbc: ? parameters (int, nvarchar), repeated execution, errors", pyodbc.version)
PY
  ;;
esac
