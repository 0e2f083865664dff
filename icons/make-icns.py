#!/usr/bin/env python3
"""Write a macOS .icns file from PNG files, using only the Python standard library.

Usage: make-icns.py OUTPUT.icns SIZE=FILE.png [SIZE=FILE.png ...]
       e.g. make-icns.py app-icon.icns 16=app-icon-16.png 32=app-icon-32.png ...

The ICNS format is a big-endian container: the 4-byte magic 'icns' and the
4-byte total file length, followed by entries, each a 4-byte type, a 4-byte
length (including these 8 header bytes) and the data. Since macOS 10.7 every
entry type below may hold plain PNG data, so no image conversion is needed.

A PNG of size N is written as the 1x entry of size N and, where it exists, as
the @2x (Retina) entry of size N/2; e.g. a 64 px PNG becomes 'icp6' and 'ic12'
(32 px @2x). Each PNG's real pixel size is read from its IHDR chunk and must
match the size given on the command line.
"""
import struct
import sys

# pixel size -> entry types (1x, then @2x of half the size)
ENTRY_TYPES = {
    16: [b"icp4"],
    32: [b"icp5", b"ic11"],   # 32 px; 16 px @2x
    64: [b"icp6", b"ic12"],   # 64 px; 32 px @2x
    128: [b"ic07"],
    256: [b"ic08", b"ic13"],  # 256 px; 128 px @2x
    512: [b"ic09", b"ic14"],  # 512 px; 256 px @2x
    1024: [b"ic10"],          # 512 px @2x
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data, name):
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        sys.exit(f"make-icns.py: {name} is not a PNG file")
    return struct.unpack(">II", data[16:24])


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out, specs = argv[1], argv[2:]
    entries = []
    for spec in specs:
        size_text, sep, name = spec.partition("=")
        if not sep or not size_text.isdigit() or int(size_text) not in ENTRY_TYPES:
            sys.exit(f"make-icns.py: bad argument {spec!r}; sizes: {sorted(ENTRY_TYPES)}")
        size = int(size_text)
        with open(name, "rb") as f:
            data = f.read()
        if png_size(data, name) != (size, size):
            sys.exit(f"make-icns.py: {name} is {png_size(data, name)}, expected {size}x{size}")
        for kind in ENTRY_TYPES[size]:
            entries.append(kind + struct.pack(">I", 8 + len(data)) + data)
    body = b"".join(entries)
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    print(f"{out}: {8 + len(body)} bytes, entries: "
          + " ".join(e[:4].decode("ascii") for e in entries))


if __name__ == "__main__":
    main(sys.argv)
