#!/usr/bin/env bash
# The compat headers install with the core; a Windows-style VDI client compiles against the
# installed <vds/compat/vdi.h> with -std=c++20 and only the prefix's include directory, with
# ODBC's <sql.h> included before and after, links libvdsbase and moves data with a server.
set -euo pipefail
build=$1 src=$2 helper=$3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
inc=$prefix/include
for h in vdi.h vdierror.h vdicommon.h; do
  [ -f "$inc/vds/compat/$h" ] || { echo "missing include/vds/compat/$h"; exit 1; }
done
if find "$inc" -name '*_p.h' | grep . >/dev/null; then echo "private headers were installed"; exit 1; fi
libdir=$(dirname "$(find "$prefix" -name 'libvdsbase.so' -print -quit)")
[ -n "$libdir" ] || { echo "libvdsbase.so not installed"; exit 1; }

# Each header on its own: self-contained, C++20, nothing but the prefix.
for h in vdi.h vdierror.h vdicommon.h; do
  echo "#include <vds/compat/$h>" |
    g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$inc" -x c++ -
done

n=0
for order in SQL_FIRST SQL_LAST; do
  exe=$work/winclient-$order
  g++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -D$order -I"$inc" "$src/winclient.cpp" -o "$exe" \
      -L"$libdir" -lvdsbase -Wl,-rpath,"$libdir"
  dir=backup; [ $order = SQL_LAST ] && dir=restore
  name="compat install $$ $order"
  bytes=$(( (3 << 20) + 512 ))
  "$helper" server "" "$name" $dir 1 $bytes 262144 31 >"$work/server.out" &
  server=$!
  out=$("$exe" "$name" $dir $bytes 31) || { echo "$out"; cat "$work/server.out"; exit 1; }
  wait $server || { echo "server failed:"; cat "$work/server.out"; exit 1; }
  echo "$order: $out; server: $(cat "$work/server.out")"
  n=$((n + 1))
done
[ $n -eq 2 ]
echo "compat headers: installed, self-contained, ODBC in either order, client ran both directions"
