#!/usr/bin/env bash
# Installs every Debian 12 package Virtual Device Studio needs to build, run, test and package.
# Idempotent and non-interactive; when everything is present it only checks and returns.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git file dpkg-dev clang-format-14
  # Qt 6 (Widgets, DBus, Test, Sql + SQLite driver, Svg), keychain, xcb platform plugin, fonts
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins
  qtkeychain-qt6-dev libgl-dev fonts-dejavu-core
  # core libraries
  libspdlog-dev libfmt-dev unixodbc-dev unixodbc tdsodbc freetds-bin libzstd-dev libsodium-dev libssl-dev
  # peers used as test oracles
  qemu-utils libvhdi-utils age zstd e2fsprogs util-linux python3 python3-pyodbc bc
  # test tooling: fuzzing, screenshots, private D-Bus, packaging checks
  clang-14 libclang-rt-14-dev xvfb xauth dbus lintian appstream desktop-file-utils
  # man pages (help2man), translations (lupdate/lrelease and their CMake package), MIME checks
  help2man man-db qt6-tools-dev qt6-l10n-tools shared-mime-info
  # profiles: systemd-analyze verify on exported units, the JSON Schema as an oracle
  systemd python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "bootstrap: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "bootstrap: missing packages: ${missing[*]}" >&2
  echo "bootstrap: run as root (or with sudo) to install them" >&2
  exit 1
fi

echo "bootstrap: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bootstrap: done"
