"""Checks a VDS_VDI_TRACE file of a striped backup: every line one JSON object with the
documented fields, every Write accounted for (bytes per device = that stripe's file size),
plausible sizes and timings, a Flush on every device.
usage: linux_trace_check.py TRACE STRIPE_FILE... (stripe i of the set = i-th file)"""
import json
import os
import sys
import time

trace, files = sys.argv[1], sys.argv[2:]
fields = {"pid", "set", "device", "code", "command", "size", "position", "completion",
          "bytes", "position_out", "delivered_unix_us", "us", "result"}
lines = open(trace, encoding="utf-8").read().splitlines()
assert lines, "empty trace"
records = [json.loads(l) for l in lines]
now_us = time.time() * 1e6
per_device = {}
for r in records:
    missing = fields - r.keys()
    assert not missing, f"missing {missing} in {r}"
    assert r["result"] == "NOERROR", r
    assert 0 <= r["us"] < 60e6, f"implausible latency {r}"
    assert now_us - 600e6 < r["delivered_unix_us"] <= now_us, r
    per_device.setdefault(r["device"], []).append(r)
sets = {r["set"] for r in records}
assert len(sets) == 1, sets
(set_name,) = sets
assert len(per_device) == len(files), f"{len(per_device)} devices traced, {len(files)} stripes"
names = [set_name] + [f"{set_name}_{i}" for i in range(2, len(files) + 1)]
total = 0
for name, path in zip(names, files):
    recs = per_device[name]
    writes = [r for r in recs if r["command"] == "Write"]
    assert writes, f"no Write on {name}"
    for w in writes:
        assert w["code"] == 2 and w["completion"] == 0, w
        assert 0 < w["size"] <= 65536 and w["size"] % 512 == 0, w
        assert w["bytes"] == w["size"], w
    flushes = [r for r in recs if r["command"] == "Flush"]
    assert flushes and all(f["completion"] == 0 and f["code"] == 12 for f in flushes), name
    written = sum(w["bytes"] for w in writes)
    size = os.path.getsize(path)
    assert written == size, f"{name}: trace says {written} bytes, file has {size}"
    total += written
    us = sorted(w["us"] for w in writes)
    print(f"{name}: {len(recs)} commands, {len(writes)} writes, {written} bytes, "
          f"median {us[len(us) // 2]} us delivery->completion")
print(f"trace OK: {len(records)} lines, {total} bytes over {len(files)} devices")
