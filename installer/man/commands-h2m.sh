#!/usr/bin/env bash
# Writes help2man include text for vdsctl: STATIC (hand-written sections) followed by a
# COMMANDS section holding every command's own --help, as the built binary prints it, so the
# man page cannot drift from the program.
#   commands-h2m.sh VDSCTL STATIC.h2m OUT.h2m
set -euo pipefail
vdsctl=$1 static=$2 out=$3
roff() { # plain text → roff: escape backslashes, protect lines starting with . or '
  sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}
commands=$("$vdsctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "commands-h2m: no commands in 'vdsctl --help'" >&2; exit 1; }
{
  cat "$static"
  echo "[COMMANDS]"
  for c in $commands; do
    echo ".SS \"vdsctl $c\""
    echo ".nf"
    "$vdsctl" "$c" --help | roff
    subs=$("$vdsctl" "$c" --help | sed -n "1s/^Usage: vdsctl $c \\([a-z-]*\\(|[a-z-]*\\)\\+\\) .*/\\1/p" | tr '|' ' ')
    for s in $subs; do
      echo
      "$vdsctl" "$c" "$s" --help | roff
    done
    echo ".fi"
  done
} >"$out.tmp"
mv "$out.tmp" "$out"
