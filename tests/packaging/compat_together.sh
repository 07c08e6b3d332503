#!/usr/bin/env bash
# The installed compat headers vdi.h and virtdisk.h compile together, with unixODBC's <sql.h>,
# in every include order (a Windows client often uses VDI, virtdisk and ODBC in one file), and
# link against the installed library.
set -euo pipefail
build=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/p" >/dev/null
orders=(
  "sql.h sqlext.h vds/compat/vdi.h vds/compat/virtdisk.h"
  "vds/compat/virtdisk.h vds/compat/vdi.h sql.h sqlext.h"
  "vds/compat/vdi.h sql.h vds/compat/virtdisk.h"
  "vds/compat/virtdisk.h sql.h sqlext.h vds/compat/vdi.h"
)
i=0
for order in "${orders[@]}"; do
  i=$((i + 1))
  src=$work/t$i.cpp
  for h in $order; do echo "#include <$h>" >>"$src"; done
  cat >>"$src" <<'CPP'
int main()
{
    VDConfig cfg{};
    cfg.deviceCount = 1;
    VIRTUAL_STORAGE_TYPE type{};
    type.DeviceId = VIRTUAL_STORAGE_TYPE_DEVICE_VHDX;
    DWORD a = ERROR_SUCCESS;
    HRESULT hr = VD_E_PROTOCOL;
    return (cfg.deviceCount == 1 && a == 0 && FAILED(hr) && type.DeviceId == 3) ? 0 : 1;
}
CPP
  g++ -std=c++20 -Wall -Werror -I"$work/p/include" "$src" -L"$work/p/lib" -lvdsbase \
      -Wl,-rpath,"$work/p/lib" -o "$work/t$i"
  "$work/t$i"
  echo "order $i OK: $order"
done
