#!/usr/bin/env bash
# The man pages generated from each program's --help render with man(1) without a single
# groff/man warning, and carry what a reader looks for (name line, synopsis, the commands).
set -euo pipefail
build=$1 version=$2
fail() { echo "FAIL: $*"; exit 1; }
for p in vdsctl vdstudio vds-sqlsim; do
  page=$build/man/$p.1
  [ -s "$page" ] || fail "no $page"
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 MAN_KEEP_FORMATTING=0 man --warnings=w -E UTF-8 -l "$page" 2>"$build/man/$p.err" | col -b)
  [ ! -s "$build/man/$p.err" ] || { cat "$build/man/$p.err"; fail "man warns about $p.1"; }
  grep -q "^NAME" <<<"$text" || fail "$p.1 has no NAME"
  grep -q "^ *$p - " <<<"$text" || fail "$p.1 name line: $(sed -n '/^NAME/{n;p}' <<<"$text")"
  grep -q "^SYNOPSIS\|^DESCRIPTION" <<<"$text" || fail "$p.1 has no SYNOPSIS/DESCRIPTION"
  grep -q "Virtual Device Studio $version" <<<"$text" || fail "$p.1 lacks the version"
  echo "$p.1: $(wc -l <<<"$text") lines, no warnings"
done
text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$build/man/vdsctl.1" 2>/dev/null | col -b)
for c in $("$build/bin/vdsctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
  grep -q "^   vdsctl $c\$" <<<"$text" || fail "vdsctl.1 has no section for '$c'"
done
grep -q -- "--prevent-writes-to-source" <<<"$text" || fail "vdsctl.1 lacks the vhd convert options"
grep -q -- "--fault" <(LC_ALL=C.UTF-8 man -l "$build/man/vds-sqlsim.1" 2>/dev/null | col -b) ||
  fail "vds-sqlsim.1 lacks its options"
echo "man pages render cleanly"
