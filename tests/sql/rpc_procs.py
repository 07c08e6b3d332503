"""RPC requests as drivers send them, built byte by byte against vds-sqlsim: sp_executesql with
typed parameters, sp_prepare / sp_execute / sp_unprepare, sp_prepexec, and SQL Server's errors
for what stays unsupported (unknown procedure, server cursors, unknown parameter types,
undeclared variables, stale handles).   usage: rpc_procs.py PORT LOGIN PASSWORD"""
import struct
import sys

from tds_client import ALL_HEADERS, COLLATION, connect, intn, nvarchar, rpc, u16

port, login, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]


def doneproc_status(reply):
    i = reply.rfind(b"\xfe")
    assert i >= 0 and len(reply) - i == 13, f"reply does not end with DONEPROC: {reply[-20:].hex()}"
    return struct.unpack("<H", reply[i + 1:i + 3])[0]


def returned_handle(reply):
    i = reply.find(b"\xac\x01\x00")  # RETURNVALUE, ordinal 1
    assert i >= 0, "no RETURNVALUE"
    name_len = reply[i + 3]
    j = i + 4 + 2 * name_len + 1 + 4 + 2  # name, status, user type, flags
    assert reply[j:j + 3] == b"\x26\x04\x04", reply[j:j + 3].hex()
    return struct.unpack("<i", reply[j + 3:j + 7])[0]


def has(reply, text):
    return u16(text) in reply


s = connect(port, login, password)

# sp_executesql with a typed int parameter, named.
r = rpc(s, 10, [nvarchar("@stmt", "SELECT name FROM sys.databases WHERE database_id = @id"),
                nvarchar("@params", "@id int"), intn("@id", 5)])
assert has(r, "Sales") and doneproc_status(r) == 0, r
# ... and positional, with an nvarchar parameter.
r = rpc(s, 10, [nvarchar("", "SELECT database_id FROM sys.databases WHERE name = @n"),
                nvarchar("", "@n nvarchar(128)"), nvarchar("", "master")])
assert doneproc_status(r) == 0 and b"\xd1" in r, r  # a ROW came back
print("sp_executesql: named int and positional nvarchar parameters")

# sp_prepare / sp_execute / sp_unprepare.
r = rpc(s, 11, [intn("@handle", None, output=True), nvarchar("@params", "@n nvarchar(128)"),
                nvarchar("@stmt", "SELECT name FROM sys.databases WHERE name = @n")])
h = returned_handle(r)
assert doneproc_status(r) == 0
for name in ("Sales", "master"):
    r = rpc(s, 12, [intn("@handle", h), nvarchar("", name)])
    assert has(r, name) and doneproc_status(r) == 0, r
r = rpc(s, 15, [intn("@handle", h)])
assert doneproc_status(r) == 0
r = rpc(s, 12, [intn("@handle", h), nvarchar("", "Sales")])
assert has(r, f"Could not find prepared statement with handle {h}.") and doneproc_status(r) & 2, r
print(f"sp_prepare handle {h}, sp_execute twice, sp_unprepare, stale handle refused (8179)")

# sp_prepexec: prepare and run at once, by procedure name this time.
r = rpc(s, "sp_prepexec", [intn("@handle", None, output=True), nvarchar("", "@n nvarchar(128)"),
                           nvarchar("", "SELECT name FROM sys.databases WHERE name = @n"),
                           nvarchar("", "Sales")])
h2 = returned_handle(r)
assert h2 != h and has(r, "Sales") and doneproc_status(r) == 0, r
print(f"sp_prepexec: handle {h2} and the rows")

# What stays unsupported answers as SQL Server does, and the connection stays usable.
r = rpc(s, "sp_who", [])
assert has(r, "Could not find stored procedure 'sp_who'.") and doneproc_status(r) & 2, r
r = rpc(s, 2, [intn("@cursor", None, output=True), nvarchar("", "SELECT 1")])
assert has(r, "server cursors") and doneproc_status(r) & 2, r
bad = bytes([2]) + u16("@d") + bytes([0, 0x2A, 7, 0])  # DATETIME2N
r = rpc(s, 10, [nvarchar("", "SELECT @d"), nvarchar("", "@d datetime2"), bad])
assert has(r, 'Parameter 3 ("@d"): Data type 0x2A is unknown.') and doneproc_status(r) & 2, r
r = rpc(s, 10, [nvarchar("", "SELECT name FROM sys.databases WHERE name = @missing")])
assert has(r, 'Must declare the scalar variable "@MISSING".'), r
r = rpc(s, 10, [nvarchar("@stmt", "SELECT name FROM sys.databases WHERE database_id = @id"),
                nvarchar("@params", "@id int"), intn("@id", 1)])
assert has(r, "master") and doneproc_status(r) == 0, r
print("errors: 2812 unknown procedure, cursors refused, 8009 unknown type, 137 undeclared; "
      "connection still usable")
