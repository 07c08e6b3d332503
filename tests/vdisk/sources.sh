#!/usr/bin/env bash
# vdisk_sources: sources that are not images (FIFO, socket, character device) are refused at
# once and never block; a raw source truncated mid-conversion ends the job with exit 1 (no
# SIGBUS); Ctrl+C is exit 3; a run killed with SIGKILL leaves nothing that blocks the next one
# (unnamed temporary file, and the named fallback where O_TMPFILE is missing); long and non-UTF-8 names are kept.
. "$(dirname "$0")/common.sh"

# --- not files or devices: refused at once, exit 2, naming what the path is --------------
mkfifo fifo
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' sock
make_raw small.raw 8
for src in fifo sock /dev/null; do
  for cmd in "vhd convert $src out.vhdx" "vhd info $src" "vhd verify small.raw --against $src"; do
    # shellcheck disable=SC2086
    expect_rc 2 timeout 10 "$VDSCTL" $cmd
    grep -Eq "FIFO|socket|character device" "$work/last.err" || { cat "$work/last.err"; fail "$cmd: no reason given"; }
  done
  [ ! -e out.vhdx ] || fail "$src: a target was left"
  pass "$src refused by convert, info and verify --against"
done

# A dense source big enough that a conversion runs for a few seconds.
# (process substitution: openssl's SIGPIPE when head has enough must not fail the test)
head -c 512M < <(openssl enc -aes-128-ctr -pass pass:vds -nosalt -pbkdf2 </dev/zero 2>/dev/null) > big.raw

# drop_cache FILE: its pages leave the page cache, so the next run reads it from the disk (a
# cached 512 MiB source converts in a fraction of a second, before a kill could land mid-run).
drop_cache() {
  python3 -c 'import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1"
}

# wait_progress PID ERRFILE: until the job draws its first progress line (the copy has begun)
wait_progress() {
  local i
  for i in $(seq 1 200); do
    grep -q "copy" "$2" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# --- a bounded footprint: peak resident size under 64 MiB whatever the source's size ----------
for t in rss.vhdx rss.vhd; do
  kib=$(python3 -c 'import resource,subprocess,sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)' \
        "$VDSCTL" vhd convert big.raw $t)
  [ "$kib" -gt 0 ] && [ "$kib" -lt 65536 ] || fail "$t: peak RSS ${kib} KiB (limit 64 MiB; -1: failed)"
  pass "512 MiB raw -> $t: peak RSS $((kib / 1024)) MiB"
  rm -f $t
done

# --- a raw source truncated while it is read: exit 1, an error naming it, no crash --------
cp --sparse=never big.raw shrink.raw
sync shrink.raw
drop_cache shrink.raw
"$VDSCTL" vhd convert shrink.raw shrink.vhdx --verify --progress 2>shrink.err &
pid=$!
wait_progress $pid shrink.err || { cat shrink.err; fail "the conversion did not start (or ended at once)"; }
truncate -s 1M shrink.raw
set +e; wait $pid; rc=$?; set -e
[ $rc -eq 1 ] || { cat shrink.err; fail "truncated source: exit $rc, expected 1 (135 = SIGBUS)"; }
grep -q "truncated or removed" shrink.err || { cat shrink.err; fail "truncated source: message does not say so"; }
[ ! -e shrink.vhdx ] || fail "truncated source: a target was left"
pass "raw source truncated mid-conversion: exit 1, '$(grep -o 'the source is now[^:]*' shrink.err | head -1)'"

# --- Ctrl+C: exit 3, nothing left ------------------------------------------------------------
drop_cache big.raw
"$VDSCTL" vhd convert big.raw int.vhdx --verify --progress 2>int.err &
pid=$!
wait_progress $pid int.err || fail "the conversion did not start"
kill -INT $pid
set +e; wait $pid; rc=$?; set -e
[ $rc -eq 3 ] || { cat int.err; fail "SIGINT: exit $rc, expected 3"; }
[ -z "$(ls -A | grep -E '^int\.vhdx|vds-partial')" ] || fail "SIGINT left $(ls -A)"
pass "Ctrl+C ends a conversion with exit 3"

# --- kill -9, then the same run again: succeeds (unnamed temporary file here) --------------
kill9_then_rerun() { # dir
  local dir=$1
  drop_cache big.raw
  "$VDSCTL" vhd convert big.raw "$dir/k.vhdx" --verify --progress 2>k.err &
  local pid=$!
  wait_progress $pid k.err || { cat k.err; fail "the conversion did not start"; }
  kill -KILL $pid
  wait $pid 2>/dev/null || true
  [ ! -e "$dir/k.vhdx" ] || fail "kill -9 left a target that looks complete"
  ls -A "$dir" > k.left
  expect_rc 0 "$VDSCTL" vhd convert big.raw "$dir/k.vhdx"
  [ -z "$(ls -A "$dir" | grep vds-partial)" ] || fail "$dir: a stale partial file was not removed"
  qemu-img compare -q -f raw big.raw -F vhdx "$dir/k.vhdx" || fail "$dir: the rerun's image differs"
  rm -f "$dir/k.vhdx"
}
mkdir local
kill9_then_rerun local
[ ! -s k.left ] || fail "an unnamed temporary file should leave nothing after kill -9: $(cat k.left)"
pass "kill -9 then rerun (O_TMPFILE: nothing left behind)"

# Filesystems without unnamed files (FAT, older NFS, FUSE): simulated by a preloaded shim that
# answers O_TMPFILE with EOPNOTSUPP as they do (this kernel has no vfat module to mount).
# The named fallback is left by kill -9 and removed by the next run.
cat > notmpfile.c <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
static int pass(const char *name, const char *path, int flags, va_list ap)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, name);
    mode_t mode = (flags & (O_CREAT | __O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
    if ((flags & __O_TMPFILE) == __O_TMPFILE) { errno = EOPNOTSUPP; return -1; }
    return real(path, flags, mode);
}
int open(const char *p, int f, ...) { va_list ap; va_start(ap, f); int r = pass("open", p, f, ap); va_end(ap); return r; }
int open64(const char *p, int f, ...) { va_list ap; va_start(ap, f); int r = pass("open64", p, f, ap); va_end(ap); return r; }
C
cc -shared -fPIC -o notmpfile.so notmpfile.c -ldl
mkdir named
export LD_PRELOAD="$work/notmpfile.so"
kill9_then_rerun named
unset LD_PRELOAD
grep -q 'vds-partial' k.left || fail "no O_TMPFILE: expected a named partial file after kill -9, saw: $(cat k.left)"
pass "kill -9 then rerun without O_TMPFILE (named partial $(cat k.left) removed by the next run)"

# --- names: near the 255-byte limit, and bytes that are not UTF-8 ----------------------------
long=$(printf 'n%.0s' $(seq 1 250)).vhdx   # 255 bytes
expect_rc 0 "$VDSCTL" vhd convert small.raw "$long"
[ -f "$long" ] || fail "255-byte name not created"
expect_rc 0 "$VDSCTL" vhd verify "$long" --against small.raw
pass "a 255-byte target name"
weird=$(printf 'x\xff.vhdx')
expect_rc 0 "$VDSCTL" vhd convert small.raw "$weird"
[ -f "$weird" ] || fail "the non-UTF-8 name was not kept byte for byte: $(ls | od -c | head -3)"
expect_rc 0 "$VDSCTL" vhd info "$weird"
expect_rc 0 "$VDSCTL" vhd verify "$weird" --against small.raw
pass "a non-UTF-8 target name kept byte for byte"
