#!/usr/bin/env bash
# Writes bash completion for vdsctl from the built binary's own help: the commands from
# 'vdsctl --help', each command's subcommands from its usage line (create|convert|…) and the
# options from 'vdsctl CMD [SUB] --help'. Regenerated whenever vdsctl is rebuilt, so it cannot
# drift from the command table.   gen-vdsctl-completion.sh VDSCTL OUT
set -euo pipefail
vdsctl=$1 out=$2
commands=$("$vdsctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || { echo "gen-vdsctl-completion: no commands in 'vdsctl --help'" >&2; exit 1; }
options() { # options of one help text, and those among them taking a value
  sed -n 's/^ *\(-[A-Za-z], \)\?\(--[a-z0-9-]*\).*/\2/p' | sort -u | tr '\n' ' '
}
valued() {
  sed -n 's/^ *\(-[A-Za-z], \)\?\(--[a-z0-9-]*\) <.*/\2/p' | sort -u | tr '\n' ' '
}
# Options whose value is one of a few words, written <a|b|c> in the help: "--format vhd vhdx".
choices() {
  sed -n 's/^ *\(-[A-Za-z], \)\?\(--[a-z0-9-]*\) <\([a-z0-9]*\(|[a-z0-9]*\)\+\)>.*/\2 \3/p' | tr '|' ' '
}
emit_choices() { # emit_choices KEY <<<help
  local opt words
  while read -r opt words; do
    [ -n "$opt" ] && echo "_vdsctl_choices_${1}__$(var "${opt#--}")='$words'"
  done < <(choices)
}
var() { echo "${1//-/_}"; }
{
  echo "# bash completion for vdsctl. Generated at build time from vdsctl's own --help"
  echo "# (installer/completion/gen-vdsctl-completion.sh); do not edit."
  echo "_vdsctl_commands='$(echo $commands)'"
  for c in $commands; do
    help=$("$vdsctl" "$c" --help)
    subs=$(sed -n "1s/^Usage: vdsctl $c \\([a-z-]*\\(|[a-z-]*\\)\\+\\) .*/\\1/p" <<<"$help" | tr '|' ' ')
    if [ -n "$subs" ]; then
      echo "_vdsctl_subs_$(var "$c")='$subs'"
      for s in $subs; do
        shelp=$("$vdsctl" "$c" "$s" --help)
        echo "_vdsctl_opts_$(var "$c")__$(var "$s")='$(options <<<"$shelp")'"
        echo "_vdsctl_vals_$(var "$c")__$(var "$s")='$(valued <<<"$shelp")'"
        emit_choices "$(var "$c")__$(var "$s")" <<<"$shelp"
      done
    else
      echo "_vdsctl_opts_$(var "$c")='$(options <<<"$help")'"
      echo "_vdsctl_vals_$(var "$c")='$(valued <<<"$help")'"
      emit_choices "$(var "$c")" <<<"$help"
    fi
  done
  cat <<'FUNC'

# Completes commands, subcommands and options; the value of an option or a positional argument
# falls back to file names (complete -o default).
_vdsctl() {
  local cur=${COMP_WORDS[COMP_CWORD]} i w cmd='' sub='' key subs opts vals
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    [[ $w == -* ]] && continue
    cmd=$w
    break
  done
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version --verbose" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$_vdsctl_commands" -- "$cur"))
    fi
    return
  fi
  key=${cmd//-/_}
  subs=_vdsctl_subs_$key
  if [[ -n ${!subs-} ]]; then
    if ((i + 1 == COMP_CWORD)); then
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "${!subs}" -- "$cur"))
      fi
      return
    fi
    sub=${COMP_WORDS[i + 1]}
    key=${key}__${sub//-/_}
  fi
  opts=_vdsctl_opts_$key vals=_vdsctl_vals_$key
  # The word after an option that takes a value is that value: one of its words when the help
  # lists them, else left to file completion.
  local prev=${COMP_WORDS[COMP_CWORD - 1]}
  if ((COMP_CWORD > 1)) && [[ " ${!vals-} " == *" $prev "* ]]; then
    local choices=_vdsctl_choices_${key}__${prev#--}
    choices=${choices//-/_}
    [[ -n ${!choices-} ]] && COMPREPLY=($(compgen -W "${!choices}" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${!opts-}" -- "$cur"))
  fi
}
complete -o default -F _vdsctl vdsctl
FUNC
} >"$out.tmp"
bash -n "$out.tmp"
mv "$out.tmp" "$out"
