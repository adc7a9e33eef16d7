"""Bytes of a file -> text: binary files told apart, a BOM dropped, bad UTF-8 replaced."""

from __future__ import annotations

from goaldash.model import Warning

BINARY_SNIFF = 8192
"""How many leading bytes are looked at for a NUL, which makes a file binary."""


def is_binary(data: bytes) -> bool:
    """A NUL among the first `BINARY_SNIFF` bytes: a binary file, not markdown (not read)."""
    return b"\x00" in data[:BINARY_SNIFF]


def decode(data: bytes) -> tuple[str, list[Warning]]:
    """Bytes -> text: a UTF-8 BOM is dropped; bytes that are not UTF-8 become U+FFFD."""
    warnings: list[Warning] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        warnings.append(
            Warning(
                "encoding",
                "not valid UTF-8: undecodable bytes are shown as \ufffd (ticking still works)",
            )
        )
    return text, warnings
