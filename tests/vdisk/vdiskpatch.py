#!/usr/bin/env python3
"""Damages VHD and VHDX files in place, per the format specifications, for the vdisk_damage
test: each command changes one structure and, where the damage is not the checksum itself,
recomputes the checksum so that only the intended fault remains. The locator commands rewrite
a child's parent locators as Windows stores them and keep the file's modification time (a VHD
child records its parent's)."""
import os
import struct
import sys

BAT_GUID = bytes.fromhex("6677c22d23f600429d64115e9bfd4a08")
META_GUID = bytes.fromhex("06a27c8b90479a4bb8fe575f050f886e")
PARENT_LOCATOR_GUID = bytes.fromhex("2d5fd3a80bb34d45abf7d3d84834ab0c")
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


def log_entry(seq, tail, guid, descs, flushed, last, corrupt=False):
    """One log entry: descs are ("data", file_offset, 4096 bytes) or ("zero", offset, length)."""
    count = len(descs)
    desc_sectors = (64 + 32 * count + 4095) // 4096
    datas = [d for d in descs if d[0] == "data"]
    length = (desc_sectors + len(datas)) * 4096
    e = bytearray(length)
    e[0:4] = b"loge"
    struct.pack_into("<IIQII", e, 8, length, tail, seq, count, 0)
    e[32:48] = guid
    struct.pack_into("<QQ", e, 48, flushed, last)
    data_at = desc_sectors * 4096
    for i, d in enumerate(descs):
        at = 64 + 32 * i
        if d[0] == "zero":
            e[at:at + 4] = b"zero"
            struct.pack_into("<IQQQ", e, at + 4, 0, d[2], d[1], seq)
        else:
            sector = d[2]
            e[at:at + 4] = b"desc"
            e[at + 4:at + 8] = sector[4092:4096]
            e[at + 8:at + 16] = sector[0:8]
            struct.pack_into("<QQ", e, at + 16, d[1], seq)
            e[data_at:data_at + 4] = b"data"
            struct.pack_into("<I", e, data_at + 4, seq >> 32)
            e[data_at + 8:data_at + 4092] = sector[8:4092]
            struct.pack_into("<I", e, data_at + 4092, seq & 0xFFFFFFFF)
            data_at += 4096
    struct.pack_into("<I", e, 4, crc32c(bytes(e)) ^ (0x5A5A5A5A if corrupt else 0))
    return bytes(e)


def dirty_log(img, expected_path):
    """Writes a two-entry log (data, zero and BAT-changing descriptors, one entry extending the
    file) plus a torn third entry that must be ignored, names it in both headers, and applies
    the same changes to the raw image at expected_path (block size 1 MiB, block 0 present,
    block 1 absent)."""
    import random
    rnd = random.Random(13)
    sector = lambda: bytes(rnd.getrandbits(8) for _ in range(4096))
    regions = img.vhdx_regions()
    bat_off = regions[BAT_GUID][0]
    b0 = (img.vhdx_get_bat(0) >> 20) * MIB
    assert img.vhdx_get_bat(0) & 7 == 6 and img.vhdx_get_bat(1) & 7 in (0, 2)
    h = img.read(64 * 1024, 4096)
    log_len, log_off = struct.unpack("<IQ", h[68:80])
    new_block = (img.size + MIB - 1) // MIB * MIB
    sa, sb, sc, junk = sector(), sector(), sector(), sector()
    bat_sector = bytearray(img.read(bat_off, 4096))
    struct.pack_into("<Q", bat_sector, 8, (new_block // MIB) << 20 | 6)
    guid = bytes(rnd.getrandbits(8) for _ in range(16))
    a = log_entry(100, 0, guid, [("data", b0 + 4096, sa), ("data", b0 + 8192, sb)],
                  img.size, img.size)
    b = log_entry(101, 0, guid, [("zero", b0 + 16384, 8192), ("data", bat_off, bytes(bat_sector)),
                                 ("data", new_block, sc),
                                 # the rest of the new block spelled out (qemu extends the file
                                 # by what it writes, not by LastFileOffset)
                                 ("zero", new_block + 4096, MIB - 4096)],
                  img.size, new_block + MIB)
    c = log_entry(102, 0, guid, [("data", b0, junk)], img.size, img.size, corrupt=True)
    img.write(log_off, a + b + c)
    for at in (64 * 1024, 128 * 1024):
        hh = bytearray(img.read(at, 4096))
        hh[48:64] = guid
        hh[4:8] = b"\0\0\0\0"
        hh[4:8] = struct.pack("<I", crc32c(bytes(hh)))
        img.write(at, bytes(hh))
    with open(expected_path, "r+b") as raw:
        for off, data in ((4096, sa), (8192, sb), (16384, bytes(8192)), (MIB, sc)):
            raw.seek(off)
            raw.write(data)


def windows_locators(img, folder):
    """Rewrites a differencing VHD's W2ru and W2ku locators and parent name as Windows would
    store them for a chain kept in `folder` (a drive-letter path): W2ru '.\\NAME', W2ku and the
    parent name 'C:\\...\\NAME'. Locator data is UTF-16LE, the parent name UTF-16BE."""
    hdr_off, _, _ = img.vhd_bat()
    h = bytearray(img.read(hdr_off, 1024))
    name = None
    for i in range(8):
        at = 576 + 24 * i
        code, space, length, _, off = struct.unpack(">IIIIQ", h[at:at + 24])
        if code in (0x57327275, 0x57326B75) and length:
            old = img.read(off, length).decode("utf-16-le").rstrip("\0")
            name = old.replace("/", "\\").split("\\")[-1]
    assert name
    for i in range(8):
        at = 576 + 24 * i
        code, space, length, _, off = struct.unpack(">IIIIQ", h[at:at + 24])
        if code not in (0x57327275, 0x57326B75):
            continue
        text = (".\\" + name) if code == 0x57327275 else (folder + "\\" + name)
        data = text.encode("utf-16-le")
        assert len(data) <= space
        img.write(off, data + bytes(space - len(data)))
        struct.pack_into(">I", h, at + 8, len(data))
    pname = (folder + "\\" + name).encode("utf-16-be")
    h[64:576] = pname + bytes(512 - len(pname))
    h[36:40] = struct.pack(">I", vhd_checksum(h, 36))
    img.write(hdr_off, bytes(h))


def vhdx_windows_locators(img, key, folder):
    """Rewrites a differencing VHDX's parent locator item so that it holds parent_linkage (as
    before) and only `key` (absolute_win32_path or volume_path) = FOLDER\\NAME, NAME being the
    parent's file name. Key/value entries are UTF-16LE, offsets relative to the item; the new
    item goes after the last one in the metadata region and its table entry is updated."""
    meta = img.vhdx_regions()[META_GUID][0]
    t = bytearray(img.read(meta, 64 * 1024))
    count = struct.unpack("<H", t[10:12])[0]
    end, entry = 64 * 1024, None
    for i in range(count):
        at = 32 + 32 * i
        off, length = struct.unpack("<II", t[at + 16:at + 24])
        end = max(end, off + length)
        if t[at:at + 16] == PARENT_LOCATOR_GUID:
            entry = at
    assert entry is not None, "no parent locator item"
    off, length = struct.unpack("<II", t[entry + 16:entry + 24])
    item = img.read(meta + off, length)
    pairs = {}
    for i in range(struct.unpack("<H", item[18:20])[0]):
        ko, vo, kl, vl = struct.unpack("<IIHH", item[20 + 12 * i:32 + 12 * i])
        pairs[item[ko:ko + kl].decode("utf-16-le")] = item[vo:vo + vl].decode("utf-16-le")
    name = pairs["relative_path"].replace("/", "\\").split("\\")[-1]
    entries = [("parent_linkage", pairs["parent_linkage"]), (key, folder + "\\" + name)]
    head = bytearray(item[:16] + struct.pack("<HH", 0, len(entries)))
    body = bytearray()
    table = bytearray()
    for k, v in entries:
        kb, vb = k.encode("utf-16-le"), v.encode("utf-16-le")
        ko = 20 + 12 * len(entries) + len(body)
        body += kb
        vo = 20 + 12 * len(entries) + len(body)
        body += vb
        table += struct.pack("<IIHH", ko, vo, len(kb), len(vb))
    new = bytes(head + table + body)
    end = (end + 7) // 8 * 8
    struct.pack_into("<II", t, entry + 16, end, len(new))
    img.write(meta, bytes(t))
    img.write(meta + end, new)


def vhd_creator(img, app):
    """Sets the creator application in both VHD footers (as Windows, Virtual PC, VirtualBox,
    QEMU or Disk2vhd write it), checksums fixed."""
    for at in ((0, img.size - 512) if img.read(0, 8) == b"conectix" else (img.size - 512,)):
        f = bytearray(img.read(at, 512))
        f[28:32] = app.encode("ascii")[:4].ljust(4, b" ")
        f[64:68] = struct.pack(">I", vhd_checksum(f, 64))
        img.write(at, bytes(f))


def vhdx_extra_metadata(img, required):
    """Adds a metadata item nobody knows (GUID 0d15ea5e-...), optional or required."""
    meta = img.vhdx_regions()[META_GUID][0]
    t = bytearray(img.read(meta, 64 * 1024))
    count = struct.unpack("<H", t[10:12])[0]
    end = 64 * 1024
    for i in range(count):
        off, length = struct.unpack("<II", t[32 + 32 * i + 16:32 + 32 * i + 24])
        end = max(end, off + length)
    end = (end + 7) // 8 * 8
    item = bytes.fromhex("5eea150d000000000000000000000000")
    flags = 4 if required == "1" else 0
    t[32 + 32 * count:64 + 32 * count] = item + struct.pack("<IIII", end, 8, flags, 0)
    struct.pack_into("<H", t, 10, count + 1)
    img.write(meta, bytes(t))
    img.write(meta + end, b"\x01" * 8)


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    img = Image(path)
    if cmd in ("vhd-windows-locators", "vhdx-windows-locators"):
        st = os.stat(path)
        if cmd == "vhd-windows-locators":
            windows_locators(img, sys.argv[3])
        else:
            vhdx_windows_locators(img, sys.argv[3], sys.argv[4])
        img.f.close()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        return
    if cmd == "vhd-creator":
        vhd_creator(img, sys.argv[3])
        return
    if cmd == "vhdx-extra-metadata":
        vhdx_extra_metadata(img, sys.argv[3])
        return
    if cmd == "vhdx-dirty-log":
        dirty_log(img, sys.argv[3])
        return
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
    elif cmd == "vhd-parent-timestamp":  # the child's stored parent time, VHD epoch
        hdr_off, _, _ = img.vhd_bat()
        h = bytearray(img.read(hdr_off, 1024))
        h[56:60] = struct.pack(">I", int(sys.argv[3]))
        h[36:40] = struct.pack(">I", vhd_checksum(h, 36))
        img.write(hdr_off, bytes(h))
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
