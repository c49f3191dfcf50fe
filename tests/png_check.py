"""Check PNG bytes as a viewer would: the signature, a well-formed IHDR (with its CRC) and
the IEND chunk; return the pixel size."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a valid PNG; AssertionError when it is not one."""
    assert data[:8] == SIGNATURE, "not a PNG signature"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR"), "the first chunk is not IHDR"
    body, crc = data[16:29], struct.unpack(">I", data[29:33])[0]
    assert zlib.crc32(kind + body) == crc, "IHDR CRC mismatch"
    assert data[-12:] == b"\x00\x00\x00\x00IEND\xaeB`\x82", "no IEND chunk at the end"
    width, height = struct.unpack(">II", body[:8])
    return width, height
