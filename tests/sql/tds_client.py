"""A minimal TDS 7.4 client for tests: packets, LOGIN7, RPC requests and SQL batches."""
import socket
import struct

def u16(s):
    return s.encode("utf-16-le")


def send(sock, ptype, payload):
    chunk = 4088
    for off in range(0, max(len(payload), 1), chunk):
        part = payload[off:off + chunk]
        last = off + chunk >= len(payload)
        sock.sendall(struct.pack(">BBHHBB", ptype, 1 if last else 0, len(part) + 8, 0, 1, 0) + part)


def receive(sock):
    data = b""
    while True:
        head = b""
        while len(head) < 8:
            more = sock.recv(8 - len(head))
            assert more, "connection closed"
            head += more
        length = struct.unpack(">H", head[2:4])[0]
        body = b""
        while len(body) < length - 8:
            more = sock.recv(length - 8 - len(body))
            assert more, "connection closed"
            body += more
        data += body
        if head[1] & 1:
            return data


def login7(login, password):
    fields = ["vdstest", login, None, "rpc_procs", "127.0.0.1", "", "python", "", "master"]
    fixed = 94
    offs, blob = b"", b""
    for i, f in enumerate(fields):
        if f is None:  # password, scrambled as TDS wants it
            raw = bytes(((b << 4 | b >> 4) & 0xFF) ^ 0xA5 for b in u16(password))
            chars = len(password)
        else:
            raw, chars = u16(f), len(f)
        offs += struct.pack("<HH", fixed + len(blob), chars)
        blob += raw
    head = struct.pack("<IIIIII", 0, 0x74000004, 4096, 7, 0, 0) + bytes([0xE0, 0x03, 0, 0]) + struct.pack("<iI", 0, 0x409)
    rest = offs + b"\0" * 6 + struct.pack("<HHHHHHI", fixed + len(blob), 0, fixed + len(blob), 0, fixed + len(blob), 0, 0)
    body = head + rest
    assert len(body) == fixed, len(body)
    body += blob
    return struct.pack("<I", len(body)) + body[4:]


ALL_HEADERS = struct.pack("<IIHQI", 22, 18, 2, 0, 1)
COLLATION = bytes([0x09, 0x04, 0xD0, 0x00, 0x34])


def nvarchar(name, value, output=False):
    b = b"" if value is None else u16(value)
    return (bytes([len(name)]) + u16(name) + bytes([1 if output else 0, 0xE7]) + struct.pack("<H", 8000)
            + COLLATION + (struct.pack("<H", 0xFFFF) if value is None else struct.pack("<H", len(b)) + b))


def intn(name, value, output=False):
    head = bytes([len(name)]) + u16(name) + bytes([1 if output else 0, 0x26, 4])
    return head + (b"\0" if value is None else b"\4" + struct.pack("<i", value))


def rpc(sock, proc, params):
    head = struct.pack("<HH", 0xFFFF, proc) if isinstance(proc, int) else struct.pack("<H", len(proc)) + u16(proc)
    send(sock, 3, ALL_HEADERS + head + struct.pack("<H", 0) + b"".join(params))
    return receive(sock)




def connect(port, login, password):
    """A logged-in socket, or an AssertionError naming why not."""
    s = socket.create_connection(("127.0.0.1", port))
    send(s, 0x10, login7(login, password))
    r = receive(s)
    assert b"\xad" in r and "Login failed".encode("utf-16-le") not in r, "login failed"
    return s


def batch(sock, sql):
    send(sock, 1, ALL_HEADERS + sql.encode("utf-16-le"))
    return receive(sock)
