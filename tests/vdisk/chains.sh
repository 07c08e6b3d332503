#!/usr/bin/env bash
# vdisk_chains: differencing chains of depth 3 (VHD and VHDX) moved to another folder resolve as
# Windows resolves them — the relative locator against the child's folder, then the parent's
# file name next to the child (Windows-style W2ru/W2ku/parent name with a drive letter, written
# per the format) — and convert equal to the base; `vhd info` shows the parent id, the stored
# locators and the path used, also when the parent is missing, and a missing parent is an
# error naming every path tried. VHDX children that store only absolute_win32_path or only
# volume_path (plus parent_linkage) resolve the same way.
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

# VHDX children that name their parent only by an absolute Windows path or only by a volume
# path (plus parent_linkage), as Hyper-V may store them: moved to another folder, each resolves
# by the parent's file name next to the child, and `vhd info` shows the locator stored.
for key in absolute_win32_path volume_path; do
  folder=$([ $key = volume_path ] && echo '\\?\Volume{26A21BDA-A627-11D7-9931-806E6F6E6963}\VMs\chain' ||
    echo 'C:\VMs\chain')
  mkdir "made-$key"
  "$VDSCTL" vhd convert src.raw "made-$key/base.vhdx" >/dev/null
  "$VDSCTL" vhd create "made-$key/mid.vhdx" --parent "made-$key/base.vhdx" >/dev/null
  "$VDSCTL" vhd create "made-$key/top.vhdx" --parent "made-$key/mid.vhdx" >/dev/null
  patch vhdx-windows-locators "made-$key/mid.vhdx" $key "$folder"
  patch vhdx-windows-locators "made-$key/top.vhdx" $key "$folder"
  mv "made-$key" "moved-$key"
  expect_rc 0 "$VDSCTL" vhd info "moved-$key/top.vhdx" --json
  python3 - "$work/last.out" "$key" "$folder" "$work/moved-$key/mid.vhdx" <<'PY' || fail "$key: info of the moved chain"
import json, sys
o = json.load(open(sys.argv[1]))
key, folder, want = sys.argv[2:5]
assert o["parentPath"] == want, o["parentPath"]
locs = o["parentLocators"]
assert key + " " + folder + "\\mid.vhdx" in locs, locs
assert not any(l.startswith("relative_path") for l in locs), locs
assert any(l.startswith("parent_linkage ") for l in locs), locs
assert o["parentId"], o
PY
  expect_rc 0 "$VDSCTL" vhd verify "moved-$key/top.vhdx" --against src.raw
  expect_rc 0 "$VDSCTL" vhd convert "moved-$key/top.vhdx" "flat-$key.vhdx"
  qemu-img compare -q -f raw src.raw -F vhdx "flat-$key.vhdx" || fail "$key: chain converts differently"
  # The base goes missing: the error names the stored path's file name next to the child.
  mv "moved-$key/base.vhdx" "gone-$key.vhdx"
  expect_rc 1 "$VDSCTL" vhd convert "moved-$key/top.vhdx" "missing-$key.vhdx"
  grep -qF "$work/moved-$key/base.vhdx" "$work/last.err" ||
    { cat "$work/last.err"; fail "$key: the missing parent's error does not name the path tried"; }
  pass "VHDX chain of depth 3 with only $key locators, moved: resolves by file name, verifies, converts equal"
done
