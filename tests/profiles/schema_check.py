#!/usr/bin/env python3
"""profiles_schema: the shipped JSON Schema is what `vdsctl profile schema` generates, and the
sample profiles agree with it and with the loader (python3-jsonschema as the oracle).

valid-*         the schema and the loader accept it
invalid-shape-* both refuse it (keys, types, secrets, versions)
invalid-value-* the schema accepts it, the loader refuses it (ranges and choices are the
                command line's rules, not restated in the schema)
Usage: schema_check.py VDSCTL SCHEMA_FILE SAMPLES_DIR
"""
import json
import os
import subprocess
import sys

import jsonschema

vdsctl, schema_file, samples = sys.argv[1:4]
generated = json.loads(subprocess.run([vdsctl, "profile", "schema"], check=True,
                                      capture_output=True).stdout)
shipped = json.load(open(schema_file))
assert generated == shipped, "resources/schema/vdsprofile.schema.json is stale: regenerate it " \
                             "with `vdsctl profile schema`"
jsonschema.Draft202012Validator.check_schema(shipped)
validator = jsonschema.Draft202012Validator(shipped)

count = 0
for name in sorted(os.listdir(samples)):
    path = os.path.join(samples, name)
    doc = json.load(open(path))
    schema_ok = validator.is_valid(doc)
    run = subprocess.run([vdsctl, "profile", "validate", path], capture_output=True, text=True)
    loader_ok = run.returncode == 0
    assert run.returncode in (0, 2), (name, run.returncode, run.stderr)
    if name.startswith("valid-"):
        want = (True, True)
    elif name.startswith("invalid-shape-"):
        want = (False, False)
    elif name.startswith("invalid-value-"):
        want = (True, False)
    else:
        raise SystemExit(f"unexpected sample {name}")
    got = (schema_ok, loader_ok)
    assert got == want, f"{name}: schema/loader gave {got}, expected {want}\n{run.stderr}"
    if not loader_ok:
        # Every refusal names the file and a JSON path.
        assert run.stderr.startswith(path + ": "), run.stderr
    count += 1
print(f"profiles_schema: {count} samples agree")
