#!/usr/bin/env bash
# vdsctl setup-vdi against throwaway accounts on this machine: a "service" account standing in
# for mssql (with a process running as it, standing in for sqlservr) and a client user. The
# check names each missing step, --apply fixes the groups both ways (id(1) is the oracle), a
# process started before the change is reported stale until restarted, a non-root --apply is
# refused, the server must be on this machine. Needs root to create users (CI runs as root); exits 77 (skipped) otherwise.
set -euo pipefail
vdsctl=$1
[ "$(id -u)" -eq 0 ] || { echo "not root: cannot create throwaway users"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
svc=vdst-svc$$ cli=vdst-cli$$
work=$(mktemp -d)
# The other user runs a copy of vdsctl and the project's libraries staged in a world-readable
# folder: the build tree may sit where only root can read (a clone in /root).
chmod 0711 "$work"
mkdir -m 0755 "$work/stage"
cp "$vdsctl" "$work/stage/"
ldd "$vdsctl" | awk '$3 ~ /^\// && $3 !~ /^\/(usr\/)?lib/ {print $3}' | xargs -r cp -L -t "$work/stage/"
chmod -R a+rX "$work/stage"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  userdel "$cli" 2>/dev/null || true
  userdel "$svc" 2>/dev/null || true
  groupdel "$cli" 2>/dev/null || true
  groupdel "$svc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
useradd --system --no-create-home --shell /usr/sbin/nologin --user-group "$svc"
useradd --no-create-home --shell /usr/sbin/nologin --user-group "$cli"
touch "$work/libsqlvdi.so"
export VDS_SQLVDI_PATH=$work/libsqlvdi.so

# A long-running process of the service account, started with its groups of now.
setpriv --reuid="$svc" --regid="$svc" --init-groups sleep 600 &
old=$!; pids+=("$old")

run() { # run EXPECTED_RC [args...]: setup-vdi --json for our two accounts, output in $work/out
  local want=$1; shift
  local rc=0
  "$vdsctl" setup-vdi --user "$cli" --service-user "$svc" --json "$@" </dev/null >"$work/out" 2>"$work/err" || rc=$?
  [ "$rc" -eq "$want" ] || { cat "$work/out" "$work/err"; fail "setup-vdi $* exited $rc, not $want"; }
}
step() { # step ID FIELD → value from the last JSON report
  python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
s=[x for x in r["steps"] if x["id"]==sys.argv[2]]
print(json.dumps(s[0][sys.argv[3]]) if s else "absent")' "$work/out" "$1" "$2"
}

# 1. Nothing set up: both groups and the restart are missing, each with its fix.
run 1
[ "$(step user-in-service-group ok)" = false ] || fail "user-in-service-group should fail"
[ "$(step user-in-service-group fix)" = "[\"usermod\", \"-aG\", \"$svc\", \"$cli\"]" ] ||
  fail "fix: $(step user-in-service-group fix)"
[ "$(step service-in-user-group ok)" = false ] || fail "service-in-user-group should fail"
[ "$(step service-in-user-group fix)" = "[\"usermod\", \"-aG\", \"$cli\", \"$svc\"]" ] ||
  fail "fix: $(step service-in-user-group fix)"
[ "$(step service-restart ok)" = false ] || fail "a running server must be restarted after the change"
[ "$(step library ok)" = true ] || fail "library at VDS_SQLVDI_PATH not seen"
"$vdsctl" setup-vdi --user "$cli" --service-user "$svc" </dev/null >"$work/human" || true
grep -q "fix: sudo usermod -aG $svc $cli" "$work/human" || { cat "$work/human"; fail "human report lacks the fix"; }

# 2. Not root: --apply is refused, nothing changes.
mkdir -m 0777 "$work/home"
rc=0
HOME=$work/home XDG_STATE_HOME=$work/home XDG_DATA_HOME=$work/home XDG_CONFIG_HOME=$work/home \
  LD_LIBRARY_PATH=$work/stage \
  setpriv --reuid="$cli" --regid="$cli" --init-groups "$work/stage/vdsctl" setup-vdi --service-user "$svc" --apply \
  </dev/null >"$work/out" 2>"$work/err" || rc=$?
[ "$rc" -eq 1 ] && grep -q "needs root" "$work/err" || { cat "$work/err"; fail "non-root --apply: rc $rc"; }
! id -nG "$cli" | grep -qw "$svc" || fail "non-root --apply changed groups"

# 2b. On a terminal it asks first; "n" changes nothing.
rc=0
script -qec "'$vdsctl' setup-vdi --user '$cli' --service-user '$svc'" /dev/null <<<"n" >"$work/tty" 2>&1 || rc=$?
grep -q "Apply these changes now?" "$work/tty" || { cat "$work/tty"; fail "no question on a terminal"; }
grep -q "usermod -aG $svc $cli" "$work/tty" || fail "the question does not show the commands"
[ "$rc" -eq 1 ] || fail "answered n: exit $rc, not 1"
! id -nG "$cli" | grep -qw "$svc" || fail "answered n, but groups changed"

# 3. --apply as root: both memberships exist afterwards (id is the oracle); the process that
#    started before is now the one thing left.
run 1 --apply
id -nG "$cli" | grep -qw "$svc" || fail "$cli not in $svc after --apply"
id -nG "$svc" | grep -qw "$cli" || fail "$svc not in $cli after --apply"
python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
cmds=[" ".join(a["command"]) for a in r["applied"]]
assert cmds==["usermod -aG %s %s"%(sys.argv[2],sys.argv[3]),"usermod -aG %s %s"%(sys.argv[3],sys.argv[2])], cmds
assert all(a["exitCode"]==0 for a in r["applied"]), r["applied"]
assert r["staleServicePids"]==[int(sys.argv[4])], r["staleServicePids"]
assert not r["ready"]' "$work/out" "$svc" "$cli" "$old" || { cat "$work/out"; fail "apply report"; }
[ "$(step service-restart ok)" = false ] || fail "stale process not reported"

# 3b. On a terminal, "y" applies: take one membership away and let the question put it back.
gpasswd -d "$cli" "$svc" >/dev/null
script -qec "'$vdsctl' setup-vdi --user '$cli' --service-user '$svc'" /dev/null <<<"y" >"$work/tty" 2>&1 || true
id -nG "$cli" | grep -qw "$svc" || { cat "$work/tty"; fail "answered y, but $cli is not back in $svc"; }

# 4. "Restart": the new process carries the group; everything is ready.
kill "$old"; wait "$old" 2>/dev/null || true
setpriv --reuid="$svc" --regid="$svc" --init-groups sleep 600 &
pids+=("$!")
sleep 0.2
run 0
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["ready"] and r["applied"]==[] and all(s["ok"] for s in r["steps"]), r' "$work/out"

# The server to back up must be this machine (VDI is shared memory); the simulator needs nothing.
run 0 --server 'localhost\MSSQL'
[ "$(step same-host ok)" = true ] || fail "localhost is this machine"
run 0 --server 127.0.0.1,1433
run 1 --server 192.0.2.1:1433
[ "$(step same-host ok)" = false ] || fail "192.0.2.1 (TEST-NET) is not this machine"
grep -q "shared memory" "$work/out" || fail "same-host failure not explained"
"$vdsctl" setup-vdi --sim --json </dev/null >"$work/out" || fail "setup-vdi --sim"
[ "$(step simulator ok)" = true ] || fail "--sim report"

# 5. The library missing, or no such service account: not ready, said why.
VDS_SQLVDI_PATH=$work/nothing-here.so run 1
[ "$(step library ok)" = false ] || fail "missing library not reported"
rc=0; "$vdsctl" setup-vdi --user "$cli" --service-user "no-such-$$" --json </dev/null >"$work/out" || rc=$?
[ "$rc" -eq 1 ] && [ "$(step service-account ok)" = false ] || fail "unknown service account"
rc=0; "$vdsctl" setup-vdi --user "no-such-$$" </dev/null >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "unknown user should be a usage error, got $rc"
echo "setup-vdi: checked, refused without root, applied both ways, stale process found, ready after restart"
