#!/usr/bin/env bash
# vdisk_dirtylog: a VHDX whose header names a log (hand-built per the format: data and zero
# descriptors, a BAT change that extends the file, a torn entry to ignore) reads as the state
# the log describes — checked against qemu-img's own replay and against the raw image the test
# changed the same way — without the source being written; `vhd repair` writes the log back so
# that `qemu-img check` accepts the file and its log is empty.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

make_raw src.raw 8
"$VDSCTL" vhd convert src.raw dirty.vhdx --block-size 1M >/dev/null
cp src.raw expected.raw
python3 "$here/vdiskpatch.py" vhdx-dirty-log dirty.vhdx expected.raw
before=$(sha256sum < dirty.vhdx)

# The oracle: qemu-img replays the same log into a copy and must see the expected state.
cp dirty.vhdx qemu.vhdx
qemu-img check -q -r all -f vhdx qemu.vhdx >/dev/null 2>&1 || true
qemu-img compare -q -f vhdx qemu.vhdx -F raw expected.raw ||
  fail "qemu-img's replay of the hand-built log differs from the expected state (test bug)"
pass "qemu-img replays the hand-built log to the expected state"

expect_rc 0 "$VDSCTL" vhd info dirty.vhdx --json
[ "$(json_field "$work/last.out" dirtyLog)" = True ] || fail "info does not say the log is dirty"
grep -q "2 entries, sequence 100 to 101" "$work/last.out" || { cat "$work/last.out"; fail "info: entries"; }
expect_rc 0 "$VDSCTL" vhd verify dirty.vhdx --against expected.raw
expect_rc 0 "$VDSCTL" vhd convert dirty.vhdx replayed.vhdx
qemu-img compare -q -f vhdx replayed.vhdx -F raw expected.raw || fail "converted dirty VHDX differs"
expect_rc 0 "$VDSCTL" vhd convert dirty.vhdx replayed.vhd
qemu-img compare -q -f vpc replayed.vhd -F raw expected.raw || fail "converted dirty VHDX (to VHD) differs"
[ "$(sha256sum < dirty.vhdx)" = "$before" ] || fail "reading a dirty VHDX wrote to it"
pass "dirty VHDX reads as its logged state (info, verify, convert to VHDX and VHD); source untouched"

expect_rc 0 "$VDSCTL" vhd repair dirty.vhdx --json
[ "$(json_field "$work/last.out" entries)" = 2 ] || fail "repair: entries"
qemu-img check -f vhdx dirty.vhdx > check.out 2>&1 || { cat check.out; fail "qemu-img check refuses the repaired file"; }
grep -qi "log" check.out && { cat check.out; fail "qemu-img still finds a log to replay"; }
qemu-img compare -q -f vhdx dirty.vhdx -F raw expected.raw || fail "repaired file differs"
expect_rc 0 "$VDSCTL" vhd info dirty.vhdx --json
[ "$(json_field "$work/last.out" dirtyLog)" = False ] || fail "the log is still dirty after repair"
expect_rc 0 "$VDSCTL" vhd repair dirty.vhdx
grep -q "nothing to do" "$work/last.out" || fail "a second repair should have nothing to do"
[ -z "$(ls -A | grep vds-partial)" ] || fail "repair left a partial file"
pass "vhd repair: qemu-img check accepts the file, its log is empty, contents as logged"

expect_rc 2 "$VDSCTL" vhd repair src.raw
pass "repair refuses a file that is not VHDX"
