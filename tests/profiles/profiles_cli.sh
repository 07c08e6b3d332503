#!/usr/bin/env bash
# profiles_cli: `--save-profile`, `vdsctl run`, bundles and the exports end to end.
#  - a vhd convert and a backup (against --sim) saved as profiles run with the same params in
#    the history as the equivalent command line, export to a bundle, import into a clean config
#    folder and run again;
#  - the exported T-SQL is the statement the job executed (uuid masked);
#  - the exported systemd units pass `systemd-analyze verify` and their ExecStart runs the job;
#  - broken inputs are exit 2 and change nothing on disk.
# Usage: profiles_cli.sh VDSCTL VDS_SQLSIM
set -euo pipefail
VDSCTL=$1
SQLSIM=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME=$T/data XDG_CONFIG_HOME=$T/config VDS_SQLSIM=$SQLSIM
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() { # expect_rc CODE command...
  local want=$1; shift
  set +e; "$@" >"$T/stdout" 2>"$T/stderr"; local rc=$?; set -e
  [[ $rc == "$want" ]] || { cat "$T/stdout" "$T/stderr" >&2; fail "$* → exit $rc, expected $want"; }
}
# The params of the newest N history entries of KIND, one JSON line each (newest first).
params() {
  "$VDSCTL" history list --kind "$1" --limit "$2" --json | python3 -c '
import json, sys
for e in json.load(sys.stdin):
    print(json.dumps(e["params"], sort_keys=True))'
}
same_params() { # same_params KIND N: the newest N entries all carry the same params
  local n
  n=$(params "$1" "$2" | sort -u | wc -l)
  [[ $(params "$1" "$2" | wc -l) == "$2" ]] || fail "expected $2 $1 entries in the history"
  [[ $n == 1 ]] || { params "$1" "$2" >&2; fail "$1 runs differ in their params"; }
}

# ---- virtual disk convert -----------------------------------------------------------------
head -c $((6 * 1024 * 1024)) /dev/urandom >"$T/src.img"
cd "$T"   # relative paths on the command line: the profile keeps them absolute
expect_rc 0 "$VDSCTL" vhd convert src.img out.vhdx --type dynamic --verify --save-profile disk
[[ ! -e "$T/out.vhdx" ]] || fail "--save-profile ran the job"
P=$XDG_CONFIG_HOME/vdstudio/profiles/disk.vdsprofile
[[ $(stat -c %a "$P") == 600 ]] || fail "profile mode $(stat -c %a "$P")"
grep -q "\"$T/src.img\"" "$P" || fail "the source path is not absolute in the profile"
expect_rc 0 "$VDSCTL" run disk --json
grep -q '"status": *"succeeded"' "$T/stdout" || fail "profile run of the convert"
qemu-img compare -f raw "$T/src.img" "$T/out.vhdx" >/dev/null || fail "converted image differs"
rm "$T/out.vhdx"
expect_rc 0 "$VDSCTL" vhd convert "$T/src.img" "$T/out.vhdx" --format vhdx --type dynamic --verify
same_params vhd-convert 2

# ---- backup against the simulator -----------------------------------------------------------
expect_rc 0 "$VDSCTL" backup --sim --database Demo --to b --stripes 2 --checksum \
  --save-profile "$T/nightly.vdsprofile" --json
grep -q '"status": *"saved"' "$T/stdout" || fail "save-profile JSON"
[[ ! -e "$T/b" ]] || fail "--save-profile ran the backup"
expect_rc 0 "$VDSCTL" profile validate "$T/nightly.vdsprofile"
expect_rc 0 "$VDSCTL" run "$T/nightly.vdsprofile" --json
grep -q '"status": *"succeeded"' "$T/stdout" || fail "profile run of the backup"
sleep 1.1 # backup files are named to the second
expect_rc 0 "$VDSCTL" backup --sim --database Demo --to "$T/b" --stripes 2 --checksum
same_params backup 2

# The exported T-SQL is the statement the job executed, the set's uuid masked.
expect_rc 0 "$VDSCTL" profile export --tsql --json "$T/nightly.vdsprofile"
cp "$T/stdout" "$T/tsql.json"
"$VDSCTL" history list --kind backup --limit 1 --json >"$T/last.json"
python3 - "$T/tsql.json" "$T/last.json" <<'PY'
import json, re, sys
exported = json.load(open(sys.argv[1]))[0]["virtualDevice"][0]
entry = json.load(open(sys.argv[2]))[0]
lines = []
def walk(node):
    if isinstance(node, dict):
        for v in node.values():
            walk(v)
    elif isinstance(node, list):
        for v in node:
            walk(v)
    elif isinstance(node, str) and node.startswith("Statement: "):
        lines.append(node[len("Statement: "):])
walk(entry["report"])
assert len(lines) == 1, lines
executed = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                  "{uuid}", lines[0])
assert executed == exported, (executed, exported)
assert "TO VIRTUAL_DEVICE" in exported and " CHECKSUM" in exported, exported
print("T-SQL matches:", exported)
PY

# systemd: the units verify, and their ExecStart runs the job.
mkdir -p "$T/pw"
expect_rc 0 "$VDSCTL" profile export --systemd "$T/units" --on-calendar "Mon..Fri 02:00" \
  --program "$VDSCTL" "$T/nightly.vdsprofile"
SERVICE=$(ls "$T/units"/*.service)
TIMER=$(ls "$T/units"/*.timer)
grep -q '^OnCalendar=Mon..Fri 02:00$' "$TIMER" || fail "OnCalendar"
systemd-analyze verify --man=no "$SERVICE" "$TIMER" 2>"$T/verify.err" || {
  cat "$T/verify.err" >&2; fail "systemd-analyze verify"; }
[[ ! -s "$T/verify.err" ]] || { cat "$T/verify.err" >&2; fail "systemd-analyze verify warned"; }
python3 - "$SERVICE" >"$T/exec.sh" <<'PY'
import shlex, sys
line = [l for l in open(sys.argv[1]) if l.startswith("ExecStart=")][0][len("ExecStart="):].strip()
# systemd unquotes like a shell for these words, then turns %% into % and $$ into $.
words = [w.replace("%%", "%").replace("$$", "$") for w in shlex.split(line)]
print(" ".join(shlex.quote(w) for w in words))
PY
sleep 1.1
bash "$T/exec.sh" >/dev/null 2>"$T/stderr" || { cat "$T/stderr" >&2; fail "ExecStart failed"; }
same_params backup 3

# ---- bundle → clean config folder → run again --------------------------------------------------
expect_rc 0 "$VDSCTL" profile import "$T/nightly.vdsprofile"
expect_rc 0 "$VDSCTL" profile export --bundle "$T/all.vdsbundle" disk nightly
export XDG_CONFIG_HOME=$T/config2
expect_rc 0 "$VDSCTL" profile import "$T/all.vdsbundle" --json
expect_rc 0 "$VDSCTL" profile list --json
python3 - "$T/stdout" <<'PY'
import json, sys
names = sorted(p["name"] for p in json.load(open(sys.argv[1])))
assert names == ["disk", "nightly"], names
PY
rm "$T/out.vhdx"
expect_rc 0 "$VDSCTL" run disk
same_params vhd-convert 3
sleep 1.1
expect_rc 0 "$VDSCTL" run nightly
same_params backup 4
# The list shows each profile's last run and its outcome.
expect_rc 0 "$VDSCTL" profile list --json
python3 - "$T/stdout" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1])):
    assert p["lastRun"] and p["lastRun"]["status"] == "succeeded", p
PY

# A second import: a conflict stops it unless told what to do.
before=$(cd "$XDG_CONFIG_HOME" && find . -type f -exec sha256sum {} + | sort)
expect_rc 2 "$VDSCTL" profile import "$T/all.vdsbundle"
grep -q "names are taken" "$T/stderr" || fail "conflict message"
expect_rc 0 "$VDSCTL" profile import "$T/all.vdsbundle" --conflict keep-both --dry-run
[[ $before == $(cd "$XDG_CONFIG_HOME" && find . -type f -exec sha256sum {} + | sort) ]] || fail "dry run changed files"
expect_rc 0 "$VDSCTL" profile import "$T/all.vdsbundle" --conflict keep-both
[[ -e "$XDG_CONFIG_HOME/vdstudio/profiles/disk (2).vdsprofile" ]] || fail "keep-both"

# ---- broken inputs: exit 2, nothing changes ------------------------------------------------
before=$(cd "$XDG_CONFIG_HOME" && find . -type f -exec sha256sum {} + | sort)
printf '{"schemaVersion": 1, "kind": ' >"$T/broken.vdsprofile"
expect_rc 2 "$VDSCTL" run "$T/broken.vdsprofile"
grep -q "broken.vdsprofile: invalid JSON" "$T/stderr" || fail "invalid JSON message"
cat >"$T/bad.vdsprofile" <<'J'
{"schemaVersion": 1, "kind": "backup", "name": "bad",
 "backup": {"sim": true, "database": ["Demo"], "to": "/tmp/x", "stripes": 0,
            "name-pattern": "../{database}", "password": "hunter2", "colour": 1}}
J
expect_rc 2 "$VDSCTL" profile validate "$T/bad.vdsprofile"
for want in "backup.stripes: takes a number from 1 to 64, got 0" "backup.name-pattern:" \
            "backup.password: a secret is never stored" "backup.colour: unknown field"; do
  grep -qF "$want" "$T/stderr" || { cat "$T/stderr" >&2; fail "missing: $want"; }
done
sed 's/"schemaVersion": 1/"schemaVersion": 9/' "$T/nightly.vdsprofile" >"$T/future.vdsprofile"
expect_rc 2 "$VDSCTL" run "$T/future.vdsprofile"
grep -q "needs schema version 9" "$T/stderr" || fail "future version message"
truncate -s 50M "$T/huge.vdsprofile"
expect_rc 2 "$VDSCTL" profile import "$T/huge.vdsprofile"
python3 - "$T/all.vdsbundle" "$T/dup.vdsbundle" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b[1]["name"] = b[0]["name"]
json.dump(b, open(sys.argv[2], "w"))
PY
expect_rc 2 "$VDSCTL" profile import "$T/dup.vdsbundle" --conflict replace
grep -q "names in a bundle are unique" "$T/stderr" || fail "duplicate names message"
expect_rc 2 "$VDSCTL" backup --sim --database Demo --to "$T/b" --name-pattern '../x' --save-profile "$T/esc.vdsprofile"
[[ ! -e "$T/esc.vdsprofile" ]] || fail "an escaping pattern was saved"
[[ $before == $(cd "$XDG_CONFIG_HOME" && find . -type f -exec sha256sum {} + | sort) ]] || fail "broken inputs changed files"
# ---- scheduled and encrypted -------------------------------------------------------------
# A passphrase-encrypted backup on a timer: the passphrase comes from a credential file, not
# from the unit; the service's shell exports it for vdsctl and the backup decrypts with it.
printf 'correct horse battery staple\n' >"$T/pass.txt"
chmod 600 "$T/pass.txt"
expect_rc 0 "$VDSCTL" backup --sim --database Demo --to "$T/enc" --passphrase-env VDS_AGE_PASS \
  --save-profile "$T/encrypted.vdsprofile"
expect_rc 2 "$VDSCTL" profile export --systemd "$T/units2" --program "$VDSCTL" "$T/encrypted.vdsprofile"
grep -q "encrypted.passphrase\|backup.passphrase" "$T/stderr" || fail "passphrase file not asked for"
expect_rc 0 "$VDSCTL" profile export --systemd "$T/units2" --program "$VDSCTL" \
  --passphrase-file "$T/pass.txt" "$T/encrypted.vdsprofile"
SERVICE2=$(ls "$T/units2"/*.service)
grep -q "^LoadCredential=passphrase:$T/pass.txt$" "$SERVICE2" || fail "LoadCredential for the passphrase"
! grep -q "correct horse" "$SERVICE2" || fail "the passphrase is in the unit"
systemd-analyze verify --man=no "$SERVICE2" "$T/units2"/*.timer 2>"$T/verify.err" || {
  cat "$T/verify.err" >&2; fail "systemd-analyze verify (passphrase)"; }
python3 - "$SERVICE2" >"$T/exec2.sh" <<'PY'
import shlex, sys
line = [l for l in open(sys.argv[1]) if l.startswith("ExecStart=")][0][len("ExecStart="):].strip()
words = [w.replace("%%", "%").replace("$$", "$") for w in shlex.split(line)]
print(" ".join(shlex.quote(w) for w in words))
PY
mkdir -p "$T/cred" && cp "$T/pass.txt" "$T/cred/passphrase"
(unset VDS_AGE_PASS; CREDENTIALS_DIRECTORY=$T/cred bash "$T/exec2.sh" >/dev/null 2>"$T/stderr") || {
  cat "$T/stderr" >&2; fail "passphrase ExecStart failed"; }
ls "$T/enc"/*.bak.age >/dev/null || fail "no encrypted stripe"
VDS_AGE_PASS='correct horse battery staple' expect_rc 0 "$VDSCTL" verify --from "$T/enc" --passphrase-env VDS_AGE_PASS
VDS_AGE_PASS='wrong' expect_rc 2 "$VDSCTL" verify --from "$T/enc" --passphrase-env VDS_AGE_PASS

echo "profiles_cli: all checks passed"
