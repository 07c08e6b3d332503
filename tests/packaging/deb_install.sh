#!/usr/bin/env bash
# The .debs packaging_deb built are installed with apt-get as an admin would, the installed
# programs run (versions, the GUI offscreen, a backup of the simulator), then purged: no file
# is left behind. Needs root (CI runs as root); exits 77 (skipped) otherwise.
set -euo pipefail
build=$1 version=$2
[ "$(id -u)" -eq 0 ] || { echo "not root: cannot install a package"; exit 77; }
if dpkg-query -W -f='${Status}' vdstudio 2>/dev/null | grep -q ' installed'; then
  echo "vdstudio is already installed on this machine: refusing to replace it"; exit 77
fi
arch=$(dpkg --print-architecture)
app=$build/vdstudio_${version}_${arch}.deb dev=$build/vdstudio-dev_${version}_${arch}.deb
[ -f "$app" ] && [ -f "$dev" ] || { echo "FAIL: packaging_deb did not leave $app and $dev"; exit 1; }

fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
cleanup() {
  apt-get purge -y -qq vdstudio-dev vdstudio >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Every path under the trees a package may touch, except package-manager state and logs.
snapshot() {
  find /usr /etc /opt /var -xdev \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/cache \
       -o -path /var/log -o -path /var/tmp -o -path /var/lib/systemd \) -prune -o -print 2>/dev/null |
    LC_ALL=C sort
}
snapshot >"$work/before"

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$app" "$dev" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install"; }
dpkg-query -W -f='${Status}\n' vdstudio | grep -q 'install ok installed' || fail "not installed"

# The system's triggers took our desktop integration in: the MIME database knows our types and
# the desktop database maps them to vdstudio.desktop (what a file manager's "Open" follows).
for t in profile bundle manifest; do
  [ -f "/usr/share/mime/application/x-vdstudio-$t.xml" ] || fail "MIME type $t not in the database"
  grep -q "^application/x-vdstudio-$t=.*vdstudio.desktop" /usr/share/applications/mimeinfo.cache ||
    fail "mimeinfo.cache does not open $t files with vdstudio"
done
[ -f /usr/share/man/man1/vdsctl.1.gz ] && man -w vdsctl >/dev/null || fail "man vdsctl not found"

# The programs from /usr/bin, with the app's own directories in a scratch home.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
       XDG_STATE_HOME=$work/home/.local/state XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$HOME"
[ "$(/usr/bin/vdsctl --version)" = "vdsctl $version" ] || fail "installed vdsctl --version"
[ "$(QT_QPA_PLATFORM=offscreen /usr/bin/vdstudio --version)" = "vdstudio $version" ] ||
  fail "installed vdstudio --version"
QT_QPA_PLATFORM=offscreen /usr/bin/vdstudio --page log --screenshot "$work/window.png" ||
  fail "installed vdstudio cannot open its window"
[ -s "$work/window.png" ] || fail "no window picture"
mkdir "$work/backups"
PATH=/usr/bin:/bin /usr/bin/vdsctl backup --sim --database Demo --to "$work/backups" --json \
  >"$work/backup.json" || { cat "$work/backup.json"; fail "backup --sim from the installed vdsctl"; }
ls "$work/backups"
manifest=$(ls "$work/backups"/*.manifest.json)
bak=$(ls "$work/backups"/*.bak)
grep -q '"sha256"' "$manifest" || fail "manifest without hashes"
want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stripes"][0]["sha256"])' "$manifest")
[ "$(sha256sum <"$bak" | cut -d' ' -f1)" = "$want" ] || fail "stripe hash differs from the manifest"
/usr/bin/vdsctl verify --from "$work/backups" >/dev/null || fail "verify of the backup"

apt-get purge -y -qq vdstudio-dev vdstudio >"$work/purge.log" 2>&1 ||
  { cat "$work/purge.log"; fail "apt-get purge"; }
! dpkg-query -W -f='${Status}' vdstudio 2>/dev/null | grep -q 'installed' || fail "still installed"
snapshot >"$work/after"
! grep -q 'vdstudio' /usr/share/applications/mimeinfo.cache 2>/dev/null || fail "mimeinfo.cache still names vdstudio"
[ ! -e /usr/share/mime/application/x-vdstudio-profile.xml ] || fail "MIME database still has our types"

# A path that appeared and belongs to another package was installed by someone else meanwhile.
left=()
while IFS= read -r p; do
  [ -n "$p" ] || continue
  dpkg -S "$p" >/dev/null 2>&1 && continue
  left+=("$p")
done < <(comm -13 "$work/before" "$work/after")
gone=$(comm -23 "$work/before" "$work/after" | head -20)
[ ${#left[@]} -eq 0 ] || { printf 'left behind: %s\n' "${left[@]}"; fail "purge left files"; }
[ -z "$gone" ] || { echo "$gone"; fail "install + purge removed files that were there before"; }
echo "installed with apt-get, ran vdsctl, vdstudio and a simulator backup from /usr/bin, purged: nothing left"
