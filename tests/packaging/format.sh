#!/usr/bin/env bash
# Every C++ file of the tree is laid out as .clang-format says (clang-format 14, the version the
# bootstrap installs). Fails listing the files that are not; `clang-format-14 -i FILE` fixes one.
set -euo pipefail
src=$1
cd "$src"
fmt=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$fmt" ] || { echo "clang-format-14 is not installed (installer/bootstrap.sh installs it)"; exit 1; }
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.h' '*.cpp' '*.c')
else
  mapfile -t files < <(find app core ui tests -name '*.h' -o -name '*.cpp' -o -name '*.c')
fi
bad=()
for f in "${files[@]}"; do
  "$fmt" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted (${#bad[@]} of ${#files[@]}):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "all ${#files[@]} files formatted"
