#!/usr/bin/env bash
# cpack builds a .deb whose control file names its runtime dependencies; the package's vdsctl
# runs. As root the package is really installed with dpkg, run from /usr/bin, then removed.
set -euo pipefail
build=$1 version=$2
cd "$build"
rm -f vdstudio_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
deb=$(ls vdstudio_"$version"_*.deb)
info=$(dpkg-deb -I "$deb")
echo "$info" | sed -n '/Package:/,$p'
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
for need in libqt6widgets6 libqt6core6 libspdlog1.10 libzstd1 libsodium23 qt6-qpa-plugins; do
  echo "$depends" | grep "$need" >/dev/null || { echo "Depends lacks $need"; exit 1; }
done
contents=$(dpkg-deb -c "$deb")
echo "$contents" | grep './usr/bin/vdsctl$' >/dev/null || { echo "no /usr/bin/vdsctl in the package"; exit 1; }
echo "$contents" | grep './usr/lib/cmake/VdsCore/VdsCoreConfig.cmake$' >/dev/null || { echo "no CMake package in the .deb"; exit 1; }

x=$(mktemp -d); trap 'rm -rf "$x"' EXIT
dpkg-deb -x "$deb" "$x"
"$x/usr/bin/vdsctl" --version | grep -x "vdsctl $version" >/dev/null || { echo "extracted vdsctl fails"; exit 1; }

if [ "$(id -u)" -eq 0 ] && [ -z "$(dpkg-query -W -f='${Status}' vdstudio 2>/dev/null | grep ' installed')" ]; then
  dpkg -i "$deb" >/dev/null
  trap 'dpkg -r vdstudio >/dev/null 2>&1 || true; rm -rf "$x"' EXIT
  /usr/bin/vdsctl --version | grep -x "vdsctl $version" >/dev/null || { echo "installed vdsctl fails"; exit 1; }
  QT_QPA_PLATFORM=offscreen /usr/bin/vdstudio --version | grep -x "vdstudio $version" >/dev/null || { echo "installed vdstudio fails"; exit 1; }
  dpkg -r vdstudio >/dev/null
  echo "installed with dpkg, ran /usr/bin/vdsctl and /usr/bin/vdstudio, removed"
else
  echo "not root (or vdstudio already installed): checked the extracted package only"
fi
