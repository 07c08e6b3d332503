#!/usr/bin/env bash
# backup_cli: vdsctl backup / verify / restore end to end against the --sim simulator (its data
# under a private XDG_DATA_HOME), JSON result keys, exit codes 0/2/3, and Ctrl+C as a clean
# abort (no file left) against a slowed-down simulator; every job is in the history; a raw .bak
# written through VDI restores with the server's own RESTORE … FROM DISK (tsql as the client).
# Usage: backup_cli.sh VDSCTL VDS_SQLSIM TSQL
set -euo pipefail
VDSCTL=$1
SQLSIM=$2
TSQL=$3
T=$(mktemp -d)
SIMPID=
cleanup() {
  [[ -n "$SIMPID" ]] && kill "$SIMPID" 2>/dev/null || true
  rm -rf "$T"
}
trap cleanup EXIT
export XDG_DATA_HOME=$T/data VDS_SQLSIM=$SQLSIM
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() { # expect_rc CODE command...
  local want=$1; shift
  set +e; "$@" >"$T/stdout" 2>"$T/stderr"; local rc=$?; set -e
  [[ $rc == "$want" ]] || { cat "$T/stderr" >&2; fail "$* → exit $rc, expected $want"; }
}

# Back up the simulator's Demo database, 2 stripes, zstd, JSON result.
expect_rc 0 "$VDSCTL" backup --sim --database Demo --to "$T/out" --stripes 2 --compress zstd:1 --verify --json
python3 - "$T/stdout" <<'PY'
import json, sys, os
o = json.load(open(sys.argv[1]))
for k in ("status", "manifest", "files", "bytes", "seconds"):
    assert k in o, k
assert o["status"] == "succeeded", o
assert len(o["files"]) == 2 and all(f.endswith(".bak.zst") and os.path.exists(f) for f in o["files"])
m = json.load(open(o["manifest"]))
assert isinstance(m["lastLsn"], str) and m["lastLsn"].isdigit()
assert m["codec"] == "zstd" and len(m["stripes"]) == 2
PY
# Nothing but stripes and the manifest.
[[ $(ls "$T/out" | wc -l) == 3 ]] || fail "unexpected files: $(ls "$T/out")"

expect_rc 0 "$VDSCTL" verify --from "$T/out" --json
grep -q '"status": *"succeeded"' "$T/stdout" || fail "verify JSON"

# Restore under a new name: relocated into the simulator's folder, byte-identical.
expect_rc 0 "$VDSCTL" restore --sim --from "$T/out" --database Demo2 --json
cmp "$XDG_DATA_HOME/vdstudio/sim/Demo.mdf" "$XDG_DATA_HOME/vdstudio/sim/Demo2.mdf" || fail "Demo2.mdf differs"
cmp "$XDG_DATA_HOME/vdstudio/sim/Demo_log.ldf" "$XDG_DATA_HOME/vdstudio/sim/Demo2_log.ldf" || fail "log differs"

# --move puts each logical file where it is told.
read -r DATA LOG < <(python3 -c "
import json, glob, sys
m = json.load(open(glob.glob(sys.argv[1] + '/*.manifest.json')[0]))
print(*[f['logicalName'] for f in m['files']])" "$T/out")
expect_rc 0 "$VDSCTL" restore --sim --from "$T/out" --database Demo4 \
  --move "$DATA=$T/moved/d4.mdf" --move "$LOG=$T/moved/d4_log.ldf"
cmp "$XDG_DATA_HOME/vdstudio/sim/Demo.mdf" "$T/moved/d4.mdf" || fail "moved data file differs"
[[ ! -e "$XDG_DATA_HOME/vdstudio/sim/Demo4.mdf" ]] || fail "--move was not honoured"
# Restoring over an existing database without --replace is the server's refusal: exit 1.
expect_rc 1 "$VDSCTL" restore --sim --from "$T/out" --database Demo2
grep -q "existing\|WITH REPLACE" "$T/stderr" || fail "no refusal text: $(cat "$T/stderr")"

# Usage errors are exit 2, before anything runs.
export PASS=secret
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/x" --encrypt-to age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq --passphrase-env PASS
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/x" --name-pattern '../escape_{database}'
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/x" --name-pattern '/tmp/abs_{database}'
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/x" --stripes 65
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/x" --compress zstd:99
[[ ! -e "$T/x" ]] || fail "a refused backup created its folder"
# A stripe missing: found before the server is asked (2), the target is not created.
rm "$(ls "$T"/out/*.1of2.bak.zst)"
expect_rc 2 "$VDSCTL" restore --sim --from "$T/out" --database Demo3
grep -q "missing" "$T/stderr" || fail "no 'missing' in: $(cat "$T/stderr")"
[[ ! -e "$XDG_DATA_HOME/vdstudio/sim/Demo3.mdf" ]] || fail "Demo3 was created"

# Ctrl+C: a clean abort on both sides (exit 3, no file left).
mkdir -p "$T/slow"
"$SQLSIM" --listen 127.0.0.1:0 --data-dir "$T/slow" --login sa:Pw-12345:sysadmin \
  --seed-database Big=32M --fault slow:40 >"$T/sim.out" 2>"$T/sim.err" &
SIMPID=$!
for _ in $(seq 50); do grep -q listening "$T/sim.out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$T/sim.out" | head -1)
[[ -n "$PORT" ]] || fail "simulator did not start"
export PW=Pw-12345
set +e
"$VDSCTL" backup --server "127.0.0.1:$PORT" --login sa --password-env PW --database Big \
  --to "$T/cancel" --stripes 2 --max-transfer-size 64K >"$T/stdout" 2>"$T/stderr" &
BPID=$!
sleep 2
kill -INT $BPID
wait $BPID
RC=$?
set -e
[[ $RC == 3 ]] || { cat "$T/stderr" >&2; fail "Ctrl+C gave exit $RC"; }
[[ -z "$(ls -A "$T/cancel" 2>/dev/null)" ]] || fail "files left after cancel: $(ls -A "$T/cancel")"

# A raw backup written through VDI is exactly what the server writes: its own RESTORE … FROM DISK
# reads our stripes (two DISK clauses), and the restored files equal the source's.
expect_rc 0 "$VDSCTL" backup --server "127.0.0.1:$PORT" --login sa --password-env PW \
  --database Big --to "$T/raw" --stripes 2
F1=$(ls "$T"/raw/*.1of2.bak) F2=$(ls "$T"/raw/*.2of2.bak)
printf "RESTORE DATABASE [BigDisk] FROM DISK = N'%s', DISK = N'%s' WITH MOVE N'Big' TO N'%s', MOVE N'Big_log' TO N'%s'\ngo\nexit\n" \
  "$F1" "$F2" "$T/slow/BigDisk.mdf" "$T/slow/BigDisk_log.ldf" |
  timeout 120 "$TSQL" -H 127.0.0.1 -p "$PORT" -U sa -P "$PW" >"$T/tsql.out" 2>&1 || true
grep -q "RESTORE DATABASE successfully processed" "$T/tsql.out" || { cat "$T/tsql.out" >&2; fail "RESTORE FROM DISK of our .bak"; }
cmp "$T/slow/Big.mdf" "$T/slow/BigDisk.mdf" || fail "RESTORE FROM DISK: data file differs"
cmp "$T/slow/Big_log.ldf" "$T/slow/BigDisk_log.ldf" || fail "RESTORE FROM DISK: log file differs"

# Every job above is in the history, with its outcome, server and database.
expect_rc 0 "$VDSCTL" history --json --limit 100
python3 - "$T/stdout" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
kinds = {}
for r in rows:
    kinds.setdefault(r["kind"], []).append(r["status"])
assert "succeeded" in kinds.get("backup", []), kinds
assert "cancelled" in kinds.get("backup", []), kinds
assert "succeeded" in kinds.get("restore", []) and "failed" in kinds.get("restore", []), kinds
assert "succeeded" in kinds.get("verify", []), kinds
b = next(r for r in rows if r["kind"] == "backup" and r["status"] == "succeeded")
assert b.get("database") in ("Demo", "Big"), b
assert "secret" not in json.dumps(rows) and "Pw-12345" not in json.dumps(rows), "a secret in the history"
PY
echo "backup_cli: ok"
