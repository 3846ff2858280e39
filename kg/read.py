"""Step 1 — read: find the input files and decode them.

>>> from pathlib import Path
>>> [p.name for p in find_inputs([Path("seeds")])][:1]
['000_c92992a2ff38641b.txt']
"""
from __future__ import annotations

import codecs
from pathlib import Path

from .doc import Doc

SUFFIXES = (".txt", ".md")


class ReadError(Exception):
    """A file that cannot be read as text; the message names the file and the problem."""


def find_inputs(paths: list[Path]) -> list[Path]:
    """Every .txt/.md file named or found (recursively) under the given paths, sorted."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM or GB18030; return (text, encoding)."""
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise ReadError(f"{name}: not valid UTF-16 ({e.reason} at byte {e.start})") from None
    if b"\x00" in data[:4096]:
        raise ReadError(f"{name}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise ReadError(f"{name}: undecodable (not UTF-8, UTF-16 or GB18030; bad byte at {e.start})") from None
    return text, "gb18030"


def read_file(path: Path) -> Doc:
    """Read one file into a Doc (raw text only). Raises ReadError with a one-line message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"{path}: cannot read ({e.strerror})") from None
    text, enc = decode(data, str(path))
    return Doc(path=path.as_posix(), raw=text, encoding=enc)
