# Shared helpers for the vdisk_* shell tests: a private temp dir removed on exit, assertions.
set -euo pipefail
VDSCTL=${VDSCTL:?set VDSCTL}
work=$(mktemp -d "${TMPDIR:-/tmp}/vdisk-test.XXXXXX")
cleanup_hooks=()
cleanup() {
  local rc=$?
  for h in "${cleanup_hooks[@]}"; do eval "$h" || true; done
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# expect_rc CODE cmd... : runs cmd, checks its exit code, keeps stderr in $work/last.err
expect_rc() {
  local want=$1; shift
  set +e; "$@" >"$work/last.out" 2>"$work/last.err"; local rc=$?; set -e
  [ "$rc" -eq "$want" ] || { cat "$work/last.err" >&2; fail "'$*' exited $rc, expected $want"; }
}

# A raw image with pseudo-random data in some 1 MiB pieces and zeros elsewhere.
make_raw() { # path size_mib
  local path=$1 mib=$2
  truncate -s 0 "$path"; truncate -s "${mib}M" "$path"
  local i
  for i in $(seq 0 3 $((mib - 1))); do
    head -c 1048576 /dev/urandom | dd of="$path" bs=1M seek="$i" conv=notrunc status=none
  done
}

qemu_virtual_size() { # format path
  qemu-img info -f "$1" --output=json "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["virtual-size"])'
}

json_field() { # file key
  python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print("" if v is None else v)' "$1" "$2"
}
