"""vds-sqlsim under abuse: 50 connections that stall mid-login, half of them pushing oversized
PRELOGIN data. The simulator's RSS stays under 256 MiB, the oversized ones are cut off at once
(SQL Server's 32 KiB pre-login bound), the stalled ones are closed after --login-timeout, and
a normal client logs in and backs up meanwhile (the command given after the arguments).

Then memory goes back: logged-in connections send 32 MiB batches, and once they close the
simulator's RSS falls back near where it started.

usage: limits_abuse.py SIM_PID PORT LOGIN_TIMEOUT_S LOGIN PASSWORD -- NORMAL_CLIENT_COMMAND...
"""
import socket
import struct
import subprocess
import sys
import threading
import time

import tds_client

pid, port, login_timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
login, password = sys.argv[4], sys.argv[5]
normal = sys.argv[sys.argv.index("--") + 1:]
LIMIT = 256 << 20


def rss(p):
    with open(f"/proc/{p}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


peak = 0
stop_sampling = False


def sample():
    global peak
    while not stop_sampling:
        peak = max(peak, rss(pid))
        time.sleep(0.05)


sampler = threading.Thread(target=sample)
sampler.start()


def packet(payload, eom):
    return struct.pack(">BBHHBB", 0x12, 1 if eom else 0, len(payload) + 8, 0, 1, 0) + payload


def closed_by_peer(s, wait):
    s.settimeout(wait)
    try:
        return s.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


results = {}


def oversized(i):
    s = socket.create_connection(("127.0.0.1", port))
    start = time.monotonic()
    chunk = packet(b"\0" * 32000, False)
    sent = 0
    try:
        while sent < 63 << 20:  # what the unbounded server once swallowed per connection
            s.sendall(chunk)
            sent += len(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    closed = closed_by_peer(s, 5)
    results[i] = ("oversized", sent, closed, time.monotonic() - start)
    s.close()


def stalled(i):
    s = socket.create_connection(("127.0.0.1", port))
    start = time.monotonic()
    # Half of a PRELOGIN packet that announces 4000 bytes, then nothing.
    s.sendall(packet(b"\0" * 3992, False)[:1500])
    closed = closed_by_peer(s, login_timeout + 10)
    results[i] = ("stalled", 1500, closed, time.monotonic() - start)
    s.close()


threads = [threading.Thread(target=oversized if i % 2 else stalled, args=(i,)) for i in range(50)]
for t in threads:
    t.start()
time.sleep(0.5)
t0 = time.monotonic()
done = subprocess.run(normal, capture_output=True, text=True)
normal_s = time.monotonic() - t0
for t in threads:
    t.join()
time.sleep(1)
stop_sampling = True
sampler.join()
after = rss(pid)

ok = True
if done.returncode != 0:
    print("normal client failed:\n" + done.stdout + done.stderr)
    ok = False
else:
    print(f"normal client backed up in {normal_s:.1f} s while 50 connections misbehaved")
over = [r for r in results.values() if r[0] == "oversized"]
stall = [r for r in results.values() if r[0] == "stalled"]
assert len(over) == 25 and len(stall) == 25, results
for kind, sent, closed, secs in over:
    if not closed or sent > 16 << 20:  # socket buffers absorb a few MiB
        print(f"oversized PRELOGIN not cut off: sent {sent} bytes, closed={closed}")
        ok = False
for kind, sent, closed, secs in stall:
    if not closed or secs < login_timeout - 0.5 or secs > login_timeout + 5:
        print(f"stalled connection: closed={closed} after {secs:.1f} s (timeout {login_timeout})")
        ok = False
print(f"oversized: cut off after at most {max(r[1] for r in over)} bytes; stalled: closed after "
      f"{min(r[3] for r in stall):.1f}-{max(r[3] for r in stall):.1f} s")
print(f"simulator RSS: peak {peak / 2**20:.1f} MiB, after {after / 2**20:.1f} MiB (limit 256)")
if peak >= LIMIT:
    ok = False

# Memory goes back when connections close.
base = rss(pid)
busy_peak = 0
socks = [tds_client.connect(port, login, password) for _ in range(6)]


replies = []


def big(sock):
    replies.append(tds_client.batch(sock, "SELECT 1 /*" + "x" * (16 << 20) + "*/"))


ts = [threading.Thread(target=big, args=(s,)) for s in socks]
for t in ts:
    t.start()
while any(t.is_alive() for t in ts):
    busy_peak = max(busy_peak, rss(pid))
    time.sleep(0.02)
for s in socks:
    s.close()
time.sleep(1.5)
back = rss(pid)
print(f"6 connections with 32 MiB batches: RSS {base / 2**20:.1f} -> peak {busy_peak / 2**20:.1f} "
      f"-> {back / 2**20:.1f} MiB after they closed")
if len(replies) != 6 or not all(b"\xfd" in r for r in replies):
    print("the big batches were not answered")
    ok = False
if back > base + (32 << 20):
    print("memory was not returned")
    ok = False
sys.exit(0 if ok else 1)
