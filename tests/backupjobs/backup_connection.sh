#!/usr/bin/env bash
# backup_connection: `vdsctl backup|restore --connection NAME` reads the stored connection from
# $XDG_CONFIG_HOME/vdstudio/connections.json (the file the GUI writes): host, port, driver and
# login from there, the password from --password-env/--password-file, else the keyring, else a
# terminal, else exit 2 (never an empty password); an unknown name is exit 2; the stored
# "Built-in simulator" connection is the same simulator as --sim. The keyring is looked up on a
# private session bus with no Secret Service on it, so "no keyring entry" is the real answer.
# Usage: backup_connection.sh VDSCTL VDS_SQLSIM
set -euo pipefail
VDSCTL=$1
SQLSIM=$2
T=$(mktemp -d)
SIMPID=
cleanup() {
  [[ -n "$SIMPID" ]] && kill "$SIMPID" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
export XDG_DATA_HOME=$T/data XDG_CONFIG_HOME=$T/config VDS_SQLSIM=$SQLSIM
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() { # expect_rc CODE command...  (stdin is never a terminal here)
  local want=$1; shift
  set +e; "$@" >"$T/stdout" 2>"$T/stderr" </dev/null; local rc=$?; set -e
  [[ $rc == "$want" ]] || { cat "$T/stderr" >&2; fail "$* → exit $rc, expected $want"; }
}
# Every vdsctl run gets its own bus: the keyring lookup is real and answers "nothing here".
vdsctl() { dbus-run-session -- "$VDSCTL" "$@"; }

mkdir -p "$T/sim"
"$SQLSIM" --listen 127.0.0.1:0 --data-dir "$T/sim" --login sa:Pw-12345:sysadmin \
  --login reader:Read-1:public --seed-database Shop=4M >"$T/sim.out" 2>"$T/sim.err" &
SIMPID=$!
for _ in $(seq 100); do grep -q listening "$T/sim.out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$T/sim.out" | head -1)
[[ -n "$PORT" ]] || fail "simulator did not start"

mkdir -p "$XDG_CONFIG_HOME/vdstudio"
cat >"$XDG_CONFIG_HOME/vdstudio/connections.json" <<JSON
{"schemaVersion": 1, "connections": [
  {"name": "Shop server", "kind": "server", "host": "127.0.0.1", "port": $PORT,
   "driver": "FreeTDS", "auth": "sql-login", "login": "sa", "encryption": "off"},
  {"name": "Built-in simulator", "kind": "simulator"}
]}
JSON

# The stored connection, password from the environment: a real backup.
export PW=Pw-12345
expect_rc 0 vdsctl backup --connection "Shop server" --password-env PW --database Shop \
  --to "$T/out" --json
python3 - "$T/stdout" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["status"] == "succeeded", o
m = json.load(open(o["manifest"]))
assert m["database"] == "Shop", m
PY
# … and from a file.
echo "Pw-12345" >"$T/pwfile"
expect_rc 0 vdsctl restore --connection "Shop server" --password-file "$T/pwfile" \
  --from "$T/out" --database Shop2 --json
cmp "$T/sim/Shop.mdf" "$T/sim/Shop2.mdf" || fail "Shop2.mdf differs from Shop.mdf"

# No password anywhere (no keyring entry, no terminal): exit 2, before any server is asked.
expect_rc 2 vdsctl backup --connection "Shop server" --database Shop --to "$T/none"
grep -q "no password for the connection 'Shop server'" "$T/stderr" || fail "no-password text: $(cat "$T/stderr")"
[[ ! -e "$T/none" ]] || fail "a refused backup created its folder"
# A wrong password is the server's refusal: the job fails (1) and says so.
export BAD=nope
expect_rc 1 vdsctl backup --connection "Shop server" --password-env BAD --database Shop --to "$T/bad"
grep -qi "login failed" "$T/stderr" || fail "wrong-password text: $(cat "$T/stderr")"
# --login overrides the stored login (here a public one the server refuses for VDI: 1).
export RPW=Read-1
expect_rc 1 vdsctl backup --connection "Shop server" --login reader --password-env RPW --database Shop --to "$T/reader"
# An unknown name is a usage error naming the file.
expect_rc 2 vdsctl backup --connection "Nope" --password-env PW --database Shop --to "$T/x"
grep -q "no stored connection is named 'Nope'" "$T/stderr" || fail "unknown-name text: $(cat "$T/stderr")"
grep -q "connections.json" "$T/stderr" || fail "the file is not named: $(cat "$T/stderr")"

# `vdsctl server --connection` shows the same server's databases (Shop2 restored above).
expect_rc 0 vdsctl server --connection "Shop server" --password-env PW --json
python3 - "$T/stdout" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
names = [d["name"] for d in o["databases"]]
assert "Shop" in names and "Shop2" in names, names
assert o["isSysadmin"] is True and o["simulator"] is False, o
PY
expect_rc 2 vdsctl server --connection "Shop server"
expect_rc 2 vdsctl server --connection "Shop server" --sim --password-env PW

# The stored built-in simulator is --sim: same folder, same databases.
expect_rc 0 vdsctl backup --connection "Built-in simulator" --database Demo --to "$T/sim-out" --json
grep -q '"status": *"succeeded"' "$T/stdout" || fail "simulator backup JSON"
[[ -f "$XDG_DATA_HOME/vdstudio/sim/Demo.mdf" ]] || fail "not the --sim folder"
expect_rc 0 vdsctl restore --sim --from "$T/sim-out" --database Demo9
cmp "$XDG_DATA_HOME/vdstudio/sim/Demo.mdf" "$XDG_DATA_HOME/vdstudio/sim/Demo9.mdf" || fail "Demo9 differs"

# The history names the stored connection, never the password.
expect_rc 0 vdsctl history --json --limit 100
grep -q "connection:Shop server" "$T/stdout" || fail "history lacks the connection: $(head -c 400 "$T/stdout")"
! grep -q "Pw-12345" "$T/stdout" || fail "a password in the history"
# One application folder: vdsctl's history is where the GUI reads it.
[[ -f "$XDG_DATA_HOME/vdstudio/history.sqlite" ]] || fail "history not under vdstudio/"
echo "backup_connection: ok"
