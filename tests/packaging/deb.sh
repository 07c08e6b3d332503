#!/usr/bin/env bash
# cpack writes vdstudio and vdstudio-dev .debs and a .tar.gz; lintian finds no error in them;
# the control files name what an admin checks (dependencies from dpkg-shlibdeps, maintainer,
# Suggests), the documentation policy asks for is there, and the extracted vdsctl runs.
set -euo pipefail
build=$1 version=$2 source=$3
cd "$build"
rm -f vdstudio_*.deb vdstudio-dev_*.deb vdstudio-*.tar.gz
cpack -G "DEB;TGZ" >cpack.log 2>&1 || { cat cpack.log; exit 1; }
arch=$(dpkg --print-architecture)
app=vdstudio_${version}_${arch}.deb dev=vdstudio-dev_${version}_${arch}.deb
tgz=$(ls vdstudio-"$version"-*.tar.gz)
for f in "$app" "$dev"; do [ -f "$f" ] || { echo "cpack did not write $f"; ls; exit 1; }; done

fail() { echo "FAIL: $*"; exit 1; }
field() { dpkg-deb -f "$1" "$2"; }
dpkg-deb -I "$app" | sed -n '/Package:/,$p'
depends=$(field "$app" Depends)
for need in libqt6widgets6 libqt6core6 libqt6dbus6 libspdlog1.10 libzstd1 libsodium23 libodbc2 \
            libc6 qt6-qpa-plugins libqt6sql6-sqlite; do
  grep -q "$need" <<<"$depends" || fail "Depends lacks $need: $depends"
done
[ "$(field "$app" Suggests)" = "qemu-utils, zstd, age" ] || fail "Suggests: $(field "$app" Suggests)"
field "$app" Maintainer | grep -q '<.*@.*>' || fail "no maintainer address"
[ "$(field "$dev" Depends)" = "vdstudio (= $version)" ] || fail "dev Depends: $(field "$dev" Depends)"

contents=$(dpkg-deb -c "$app") devcontents=$(dpkg-deb -c "$dev")
has() { grep -q " \./$2\( ->.*\)\?$" <<<"$1" || fail "${3:-package} lacks /$2"; }
for f in usr/bin/vdsctl usr/bin/vdstudio usr/bin/vds-sqlsim usr/lib/libvdscore.so.0 \
         usr/share/doc/vdstudio/copyright usr/share/doc/vdstudio/changelog.gz \
         usr/share/applications/vdstudio.desktop usr/share/man/man1/vdsctl.1.gz \
         usr/share/bash-completion/completions/vdsctl usr/share/mime/packages/vdstudio.xml \
         usr/share/icons/hicolor/48x48/apps/vdstudio.png; do
  has "$contents" "$f" vdstudio
done
for f in usr/lib/cmake/VdsCore/VdsCoreConfig.cmake usr/include/vds/jobs/jobrunner.h \
         usr/include/vds/version.h usr/lib/libvdscore.so usr/share/doc/vdstudio-dev/copyright; do
  has "$devcontents" "$f" vdstudio-dev
done
! grep -q 'usr/include' <<<"$contents" || fail "headers in the runtime package"
tarlist=$(tar -tzf "$tgz")
grep -q '^vdstudio-[^/]*/bin/vdsctl$' <<<"$tarlist" || fail "no bin/vdsctl at the top of $tgz"
grep -q '/include/vds/version.h$' <<<"$tarlist" || fail "no headers in $tgz"

# The changelog is Debian's format and gzip -9n: dpkg-parsechangelog reads it back.
x=$(mktemp -d); trap 'rm -rf "$x"' EXIT
dpkg-deb -x "$app" "$x"
gzip -dc "$x/usr/share/doc/vdstudio/changelog.gz" >"$x/changelog"
[ "$(dpkg-parsechangelog -l "$x/changelog" -S Version)" = "$version" ] || fail "changelog version"
"$x/usr/bin/vdsctl" --version | grep -qx "vdsctl $version" || fail "extracted vdsctl fails"
# The .tar.gz runs from wherever it is unpacked (RUNPATH $ORIGIN/../lib).
mkdir "$x/anywhere" && tar -xzf "$tgz" -C "$x/anywhere"
"$x"/anywhere/vdstudio-*/bin/vdsctl --version | grep -qx "vdsctl $version" || fail "vdsctl from the .tar.gz fails"
libs=$(ldd "$x"/anywhere/vdstudio-*/bin/vdsctl)
grep -q "$x/anywhere/.*/libvdscore.so.0" <<<"$libs" ||
  fail "vdsctl from the .tar.gz does not use its own libraries"

# lintian: no error (warnings are listed and justified in installer/README.md, which must name
# every tag lintian reports, so a new one cannot slip in unexplained).
lintian --fail-on error --no-tag-display-limit --suppress-tags-from-file /dev/null \
        "$app" "$dev" >lintian.log 2>&1 || { cat lintian.log; fail "lintian reports errors"; }
cat lintian.log
readme=$source/installer/README.md
for tag in $(sed -n 's/^[A-Z]: [^ ]*: \([a-z0-9.+-]*\).*/\1/p' lintian.log | sort -u); do
  grep -q "\`$tag\`" "$readme" || fail "lintian tag $tag is not explained in installer/README.md"
done
echo "built $app, $dev and $tgz; lintian: no errors, every tag explained"
