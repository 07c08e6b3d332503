#!/usr/bin/env bash
# vds-sqlsim TLS as SQL Server negotiates it in PRELOGIN, checked with FreeTDS through a relay
# that records the bytes: with `encryption = require` (connection string and freetds.conf) the
# login and the queries cross the wire only as TLS records (the handshake inside PRELOGIN
# packets), queries and a VDI backup work; --tls required refuses a client that will not
# encrypt; --tls on leaves a clear-text client in clear text; --tls-cert/--tls-key load a
# given pair and a mismatched pair is refused at start.
# Args: SQLSIM SOURCE_ROOT FREETDS_DRIVER LIBVDSSQLVDI TSQL
set -euo pipefail
sim=$1 root=$2 driver=$3 lib=$4 tsql=$5
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
pw='Secret-1!x'
py=/usr/bin/python3
export PATH="$(dirname "$tsql"):$PATH"

start_sim() { # NAME ARGS...: sets $port
  local name=$1; shift
  mkdir -p "$work/$name"
  "$sim" --listen 127.0.0.1:0 --data-dir "$work/$name" --login "sa:$pw" --seed-database Sales=4M "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^listening on' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/$name.out")
  [ -n "$port" ] || { cat "$work/$name.err"; exit 1; }
}
start_proxy() { # NAME TARGET_PORT: sets $pport, logs in $work/NAME.up/.down
  $py "$root/tests/sql/tls_proxy.py" "$work/$1.port" "$2" "$work/$1" & pids+=($!)
  for _ in $(seq 100); do [ -s "$work/$1.port" ] && break; sleep 0.1; done
  pport=$(cat "$work/$1.port")
}
isql_query() { # PORT ENCRYPTION
  printf "SELECT name FROM sys.databases WHERE name = 'Sales'\n" |
    isql -k "DRIVER=$driver;SERVER=127.0.0.1;PORT=$1;UID=sa;PWD=$pw;TDS_Version=7.4;Encryption=$2" -b 2>&1
}
# utf16 TEXT -> hex of its UTF-16LE bytes; in_log LOG TEXT: does the text appear in clear?
in_log() { $py -c 'import sys; sys.exit(0 if sys.argv[2].encode("utf-16-le") in open(sys.argv[1],"rb").read() else 1)' "$1" "$2"; }
# The first client packet after PRELOGIN carries a TLS handshake record inside a PRELOGIN packet.
handshake_in_prelogin() {
  $py - "$1" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
first_len = int.from_bytes(d[2:4], "big")
second = d[first_len:]
assert d[0] == 0x12, "first packet is not PRELOGIN"
assert second[0] == 0x12 and second[8] == 0x16 and second[9] == 0x03, "no TLS handshake in PRELOGIN"
PY
}

# --tls required, self-signed.
start_sim req --tls required
start_proxy req "$port"
out=$(isql_query "$pport" require) || { echo "$out"; exit 1; }
grep -q '| Sales' <<<"$out" || { echo "$out"; exit 1; }
handshake_in_prelogin "$work/req.up"
if in_log "$work/req.up" "sys.databases"; then echo "query crossed in clear text"; exit 1; fi
if in_log "$work/req.down" "Sales"; then echo "result crossed in clear text"; exit 1; fi
echo "--tls required + Encryption=require: handshake inside PRELOGIN, query and rows encrypted"

# A VDI backup whose T-SQL goes over TLS (tsql reading encryption = require from freetds.conf).
printf '[global]\n\tencryption = require\n' >"$work/freetds.conf"
g++ -std=c++20 -I"$root/core/compat/linux" "$root/tests/vdi/linux_client/sdkclient.cpp" \
  -o "$work/sdkclient" -L"$(dirname "$lib")" -lvdssqlvdi -Wl,-rpath,"$(dirname "$lib")" -lpthread
rm -f "$work/req.up"
out=$(FREETDSCONF=$work/freetds.conf "$work/sdkclient" b Sales sa "$pw" "$work/bak" "$pport" 1 plain) ||
  { echo "$out"; exit 1; }
if in_log "$work/req.up" "VIRTUAL_DEVICE"; then echo "BACKUP statement crossed in clear text"; exit 1; fi
echo "freetds.conf encryption = require: BACKUP over TLS, $(stat -c %s "$work/bak.1") bytes through VDI"

# A client that will not encrypt is refused by --tls required.
if out=$(isql_query "$port" off); then echo "clear-text client accepted: $out"; exit 1; fi
echo "--tls required refuses Encryption=off"

# --tls on: clear text stays possible (and visible), encryption when asked.
start_sim on --tls on
start_proxy on "$port"
out=$(isql_query "$pport" off) || { echo "$out"; exit 1; }
in_log "$work/on.up" "sys.databases" || { echo "clear-text query not seen on the wire"; exit 1; }
rm -f "$work/on.up"
out=$(isql_query "$pport" require) || { echo "$out"; exit 1; }
if in_log "$work/on.up" "sys.databases"; then echo "query crossed in clear text"; exit 1; fi
# FreeTDS "request" sends ENCRYPT_OFF: SQL Server then encrypts the login alone.
rm -f "$work/on.up"
out=$(isql_query "$pport" request) || { echo "$out"; exit 1; }
handshake_in_prelogin "$work/on.up"
in_log "$work/on.up" "sys.databases" || { echo "after a login-only TLS the query should be clear"; exit 1; }
$py - "$work/on.up" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
i = 0
while d[i] == 0x12:  # PRELOGIN, then the handshake packets
    i += int.from_bytes(d[i + 2:i + 4], "big")
assert d[i] == 0x17 and d[i + 1] == 0x03, f"LOGIN7 not inside a TLS record: {d[i:i + 8].hex()}"
PY
echo "--tls on: clear text for Encryption=off, TLS for require, login-only TLS for request"

# --tls-cert/--tls-key: a pair made here is used; a key of another pair is refused at start.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=simtest -days 2 \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl genrsa -out "$work/other.pem" 2048 2>/dev/null
start_sim given --tls required --tls-cert "$work/cert.pem" --tls-key "$work/key.pem"
out=$(isql_query "$port" require) || { echo "$out"; exit 1; }
grep -q '| Sales' <<<"$out" || { echo "$out"; exit 1; }
if "$sim" --listen 127.0.0.1:0 --data-dir "$work/given" --login "sa:$pw" --tls on \
     --tls-cert "$work/cert.pem" --tls-key "$work/other.pem" >/dev/null 2>"$work/bad.err"; then
  echo "a mismatched key was accepted"; exit 1
fi
grep -q 'key values mismatch\|does not belong to' "$work/bad.err" || { cat "$work/bad.err"; exit 1; }
echo "--tls-cert/--tls-key: given pair served; mismatched key refused: $(cat "$work/bad.err")"
