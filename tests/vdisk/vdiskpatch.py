#!/usr/bin/env python3
"""Damages VHD and VHDX files in place, per the format specifications, for the vdisk_damage
test: each command changes one structure and, where the damage is not the checksum itself,
recomputes the checksum so that only the intended fault remains."""
import struct
import sys

BAT_GUID = bytes.fromhex("6677c22d23f600429d64115e9bfd4a08")
META_GUID = bytes.fromhex("06a27c8b90479a4bb8fe575f050f886e")
MIB = 1 << 20


def crc32c(data):
    table = crc32c.table
    if table is None:
        table = []
        for i in range(256):
            c = i
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            table.append(c)
        crc32c.table = table
    c = 0xFFFFFFFF
    for b in data:
        c = table[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


crc32c.table = None


def vhd_checksum(buf, at):
    b = bytearray(buf)
    b[at:at + 4] = b"\0\0\0\0"
    return (~sum(b)) & 0xFFFFFFFF


class Image:
    def __init__(self, path):
        self.f = open(path, "r+b")
        self.f.seek(0, 2)
        self.size = self.f.tell()

    def read(self, off, n):
        self.f.seek(off)
        return self.f.read(n)

    def write(self, off, data):
        self.f.seek(off)
        self.f.write(data)

    # --- VHD ----------------------------------------------------------------------------
    def vhd_bat(self):
        footer = self.read(0, 512)
        hdr_off = struct.unpack(">Q", footer[16:24])[0]
        hdr = self.read(hdr_off, 1024)
        table, _, entries = struct.unpack(">QIi", hdr[16:32])
        return hdr_off, table, entries

    def vhd_set_bat(self, index, sector):
        _, table, _ = self.vhd_bat()
        self.write(table + 4 * index, struct.pack(">I", sector))

    def vhd_get_bat(self, index):
        _, table, _ = self.vhd_bat()
        return struct.unpack(">I", self.read(table + 4 * index, 4))[0]

    def vhd_footer_size(self, at, size):
        f = bytearray(self.read(at, 512))
        f[48:56] = struct.pack(">Q", size)
        f[64:68] = struct.pack(">I", vhd_checksum(f, 64))
        self.write(at, bytes(f))

    # --- VHDX ---------------------------------------------------------------------------
    def vhdx_regions(self):
        t = self.read(192 * 1024, 64 * 1024)
        count = struct.unpack("<I", t[8:12])[0]
        out = {}
        for i in range(count):
            e = t[16 + 32 * i:48 + 32 * i]
            out[e[:16]] = struct.unpack("<QI", e[16:28])
        return out

    def vhdx_set_bat(self, index, offset, state=6):
        bat_off = self.vhdx_regions()[BAT_GUID][0]
        self.write(bat_off + 8 * index, struct.pack("<Q", (offset // MIB) << 20 | state))

    def vhdx_get_bat(self, index):
        bat_off = self.vhdx_regions()[BAT_GUID][0]
        return struct.unpack("<Q", self.read(bat_off + 8 * index, 8))[0]

    def vhdx_header(self, at, **fields):
        h = bytearray(self.read(at, 4096))
        if "log_offset" in fields:
            h[72:80] = struct.pack("<Q", fields["log_offset"])
        h[4:8] = b"\0\0\0\0"
        h[4:8] = struct.pack("<I", crc32c(bytes(h)))
        self.write(at, bytes(h))


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    img = Image(path)
    if cmd == "vhd-shared-block":      # block 1 stored where block 0 is
        img.vhd_set_bat(1, img.vhd_get_bat(0))
    elif cmd == "vhd-block-over-bat":  # block 0 placed on the BAT
        _, table, _ = img.vhd_bat()
        img.vhd_set_bat(0, table // 512)
    elif cmd == "vhd-block-over-header":
        img.vhd_set_bat(0, 1)
    elif cmd == "vhd-block-beyond-end":
        img.vhd_set_bat(0, img.size // 512 + 100)
    elif cmd == "vhd-damage-tail-footer":
        img.write(img.size - 512 + 64, b"\xde\xad\xbe\xef")
    elif cmd == "vhd-damage-both-footers":
        img.write(img.size - 512 + 64, b"\xde\xad\xbe\xef")
        img.write(64, b"\xde\xad\xbe\xef")
    elif cmd == "vhd-footers-disagree":
        img.vhd_footer_size(0, struct.unpack(">Q", img.read(48, 8))[0] + 512 * 1024)
    elif cmd == "vhd-damage-header":
        hdr_off, _, _ = img.vhd_bat()
        img.write(hdr_off + 36, b"\xde\xad\xbe\xef")
    elif cmd == "vhdx-log-offset-zero":
        for at in (64 * 1024, 128 * 1024):
            img.vhdx_header(at, log_offset=0)
    elif cmd == "vhdx-block-in-metadata":
        img.vhdx_set_bat(0, img.vhdx_regions()[META_GUID][0])
    elif cmd == "vhdx-block-in-bat":
        img.vhdx_set_bat(0, img.vhdx_regions()[BAT_GUID][0])
    elif cmd == "vhdx-shared-block":
        img.vhdx_set_bat(1, (img.vhdx_get_bat(0) >> 20) * MIB)
    elif cmd == "vhdx-block-beyond-end":
        img.vhdx_set_bat(0, (img.size // MIB + 8) * MIB)
    elif cmd == "vhdx-damage-region-tables":
        img.write(192 * 1024 + 4, b"\xde\xad\xbe\xef")
        img.write(256 * 1024 + 4, b"\xde\xad\xbe\xef")
    elif cmd == "vhdx-damage-headers":
        img.write(64 * 1024 + 4, b"\xde\xad\xbe\xef")
        img.write(128 * 1024 + 4, b"\xde\xad\xbe\xef")
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
