#!/usr/bin/env bash
# The core never links or includes widgets; vdsbase does not link Qt at all.
set -euo pipefail
build=$1 src=$2
fail=0
if ldd "$build/lib/libvdscore.so" | grep -E 'libQt6(Widgets|Gui)'; then
  echo "libvdscore links Qt Widgets/Gui"; fail=1
fi
if ldd "$build/lib/libvdsbase.so" | grep -E 'libQt6'; then
  echo "libvdsbase links Qt"; fail=1
fi
if grep -rnE '#include *[<"](QtWidgets|QtGui|QWidget|QDialog|QMainWindow|QApplication|QGuiApplication|QPixmap|QImage|QIcon)' "$src/core"; then
  echo "core/ includes Qt Gui/Widgets headers"; fail=1
fi
for d in util vdi vdisk compat; do
  [ -d "$src/core/$d" ] || continue
  if grep -rnE '#include *<Q' "$src/core/$d"; then
    echo "core/$d is std-only but includes Qt"; fail=1
  fi
done
[ $fail -eq 0 ] && echo "core is free of widgets; vdsbase is free of Qt"
exit $fail
