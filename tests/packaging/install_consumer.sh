#!/usr/bin/env bash
# cmake --install gives bin/vdstudio, bin/vdsctl and a VdsCore package an outside project can use.
set -euo pipefail
build=$1 consumer=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/vdstudio bin/vdsctl; do
  [ -x "$prefix/$f" ] || { echo "missing $f in the install tree"; exit 1; }
done
"$prefix/bin/vdsctl" --version | grep '^vdsctl ' >/dev/null || { echo "installed vdsctl does not run"; exit 1; }

cmake -S "$consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer")
echo "$out"
expected=$("$prefix/bin/vdsctl" --version | awk '{print $2}')
echo "$out" | grep -x "VdsCore $expected: job succeeded, 3 bytes" >/dev/null || { echo "consumer output unexpected"; exit 1; }
echo "install tree and find_package(VdsCore) OK"
