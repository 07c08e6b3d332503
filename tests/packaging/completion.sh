#!/usr/bin/env bash
# Drives the generated vdsctl bash completion as bash would (COMP_WORDS/COMP_CWORD, then the
# function complete -p names) and checks it against the built vdsctl: every command its --help
# lists, every option of a command's --help.
set -euo pipefail
build=$1
script=$build/completion/vdsctl vdsctl=$build/bin/vdsctl
fail() { echo "FAIL: $*"; exit 1; }
[ -s "$script" ] || fail "no $script"
# shellcheck disable=SC1090
source "$script"
spec=$(complete -p vdsctl) || fail "no completion registered for vdsctl"
grep -q -- "-F _vdsctl" <<<"$spec" || fail "unexpected registration: $spec"
fn=${spec##*-F }; fn=${fn%% *}

complete_line() { # complete_line WORD... : completes the last word; prints COMPREPLY sorted
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$fn" vdsctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort
}
expect() { # expect "EXPECTED (space separated)" WORD...
  local want=$1; shift
  local got; got=$(complete_line "$@" | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$want" ] || fail "'$*' completes to '$got', expected '$want'"
}

# Commands: exactly the table 'vdsctl --help' prints.
table=$("$vdsctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | sort)
[ -n "$table" ] || fail "vdsctl --help lists no commands"
got=$(complete_line vdsctl "")
[ "$got" = "$table" ] || fail "commands: completion '$(echo $got)' vs vdsctl '$(echo $table)'"
expect "server setup-vdi" vdsctl se
expect "setup-vdi" vdsctl set
expect "server setup-vdi" vdsctl --verbose se
expect "--help --verbose --version" vdsctl --
# Subcommands and their options.
expect "convert create" vdsctl vhd c
expect "list show" vdsctl history ""
expect "--sector-size --size --sparse" vdsctl vhd create disk.vhdx --s
expect "--prevent-writes-to-source --progress" vdsctl vhd convert --pr
# An option's value: one of its words when the help lists them as <a|b|c>, else file names
# (left to complete -o default); positionals too.
expect "vhd vhdx" vdsctl vhd create disk.vhdx --format ""
expect "differencing dynamic" vdsctl vhd create disk.vhdx --type d
expect "dynamic fixed" vdsctl vhd convert a.img b.vhdx --type ""
expect "" vdsctl backup --to ""
expect "" vdsctl vhd info ""
# Every option each command's --help lists is offered after "--".
for c in $table; do
  subs=$("$vdsctl" "$c" --help | sed -n "1s/^Usage: vdsctl $c \\([a-z-]*\\(|[a-z-]*\\)\\+\\) .*/\\1/p" | tr '|' ' ')
  for s in ${subs:-""}; do
    want=$("$vdsctl" $c $s --help | sed -n 's/^ *\(-[A-Za-z], \)\?\(--[a-z0-9-]*\).*/\2/p' | sort -u)
    [ -n "$want" ] || fail "vdsctl $c $s --help lists no options"
    got=$(complete_line vdsctl $c $s --)
    [ "$got" = "$want" ] || fail "vdsctl $c $s --: '$(echo $got)' vs help '$(echo $want)'"
  done
done
echo "completion: $(wc -w <<<"$table") commands and their options, as vdsctl --help lists them"
