#!/usr/bin/env bash
# vdisk_chains: differencing chains of depth 3 (VHD and VHDX) moved to another folder resolve as
# Windows resolves them — the relative locator against the child's folder, then the parent's
# file name next to the child (Windows-style W2ru/W2ku/parent name with a drive letter, written
# per the format) — and convert equal to the base; `vhd info` shows the parent id, the stored
# locators and the path used, also when the parent is missing, and a missing parent is an
# error naming every path tried.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
patch() { python3 "$here/vdiskpatch.py" "$@"; }

make_raw src.raw 12
for fmt in vhd vhdx; do
  qfmt=$([ $fmt = vhd ] && echo vpc || echo vhdx)
  mkdir -p "made-$fmt"
  "$VDSCTL" vhd convert src.raw "made-$fmt/base.$fmt" >/dev/null
  "$VDSCTL" vhd create "made-$fmt/mid.$fmt" --parent "made-$fmt/base.$fmt" >/dev/null
  "$VDSCTL" vhd create "made-$fmt/top.$fmt" --parent "made-$fmt/mid.$fmt" >/dev/null
  if [ $fmt = vhd ]; then
    # as a Windows host stores them: relative '.\NAME', absolute 'C:\VMs\chain\NAME'
    patch vhd-windows-locators "made-$fmt/mid.vhd" 'C:\VMs\chain'
    patch vhd-windows-locators "made-$fmt/top.vhd" 'C:\VMs\chain'
  fi
  mv "made-$fmt" "moved-$fmt"             # copied off a share into another folder
  expect_rc 0 "$VDSCTL" vhd info "moved-$fmt/top.$fmt" --json
  [ "$(json_field "$work/last.out" parentPath)" = "$work/moved-$fmt/mid.$fmt" ] ||
    fail "$fmt: parent resolved to '$(json_field "$work/last.out" parentPath)'"
  [ -n "$(json_field "$work/last.out" parentId)" ] || fail "$fmt: no parent id"
  expect_rc 0 "$VDSCTL" vhd verify "moved-$fmt/top.$fmt" --against src.raw
  expect_rc 0 "$VDSCTL" vhd convert "moved-$fmt/top.$fmt" "flat-$fmt.vhdx"
  qemu-img compare -q -f raw src.raw -F vhdx "flat-$fmt.vhdx" || fail "$fmt: chain converts differently"
  expect_rc 0 "$VDSCTL" vhd convert "moved-$fmt/top.$fmt" "flat-$fmt.vhd"
  qemu-img compare -q -f raw src.raw -F vpc "flat-$fmt.vhd" || fail "$fmt: chain converts differently (VHD)"
  pass "$fmt chain of depth 3 moved to another folder: resolves, verifies, converts equal"

  # The base goes missing: info still shows what the child stores; open names every path.
  mv "moved-$fmt/base.$fmt" "gone.$fmt"
  expect_rc 0 "$VDSCTL" vhd info "moved-$fmt/mid.$fmt" --json
  python3 - "$work/last.out" "$fmt" <<'PY' || fail "$fmt: info without the parent"
import json, sys
o = json.load(open(sys.argv[1]))
assert o["parentId"], o
assert o["parentPath"] is None, o
locs = " ".join(o["parentLocators"])
want = ("W2ru .\\base.vhd", "W2ku C:\\VMs\\chain\\base.vhd") if sys.argv[2] == "vhd" else ("relative_path", "parent_linkage")
for w in want:
    assert w in locs, (w, locs)
assert any("looked for" in w for w in o["warnings"]), o["warnings"]
PY
  expect_rc 1 "$VDSCTL" vhd convert "moved-$fmt/top.$fmt" "missing-$fmt.vhdx"
  grep -q "looked for '$work/moved-$fmt/base.$fmt'" "$work/last.err" ||
    { cat "$work/last.err"; fail "$fmt: the missing parent's error does not name the paths tried"; }
  pass "$fmt: a missing parent — info shows id and locators, convert names every path tried"
done
