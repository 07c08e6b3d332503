#!/usr/bin/env bash
# Runs a command on a private session bus with a real Secret Service on it (gnome-keyring,
# unlocked, its keyrings in a temporary folder), so keyring tests talk to what a desktop has
# and never touch the user's own keyring. Usage: with_keyring.sh COMMAND [ARGS...]
set -euo pipefail
command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon is not installed (installer/bootstrap.sh)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -m 700 "$T/runtime"
export XDG_RUNTIME_DIR=$T/runtime XDG_DATA_HOME=$T/data HOME=$T
exec dbus-run-session -- bash -c '
  eval "$(printf "test-unlock\n" | gnome-keyring-daemon --unlock --components=secrets)"
  for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.ListNames 2>/dev/null | grep -q org.freedesktop.secrets && break
    sleep 0.1
  done
  exec "$@"' with_keyring "$@"
