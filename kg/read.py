"""Step 1 — read: find the input files and decode them.

``find_inputs`` turns the paths a user gives into a sorted list of files (folders are searched
recursively for ``.txt`` / ``.md``; hidden files and folders are skipped). ``read_file`` decodes one
file into a ``Doc`` whose ``raw`` is the decoded text exactly as in the file (line ends included), so
offsets into it are character offsets into the original. Anything that is not readable text raises
``ReadError`` with a one-line message ``"<path>: <problem>"``; the pipeline reports it and goes on.

>>> decode("青山区".encode("gb18030"))
('青山区', 'gb18030')
>>> decode(b"\\xef\\xbb\\xbfabc")
('abc', 'utf-8-sig')
>>> decode("宁波".encode("utf-16"))[0]
'宁波'
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR", "logo.txt")
Traceback (most recent call last):
...
kg.read.ReadError: logo.txt: binary file (NUL bytes), not text
"""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from .doc import Doc

SUFFIXES = (".txt", ".md")

# Byte-order marks, longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (tab, line ends and form feed excluded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_COMMON = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\t\n\r]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class ReadError(Exception):
    """A file that cannot be read as text; the message names the file and the problem."""


def find_inputs(paths: list[Path] | list[str]) -> list[Path]:
    """Every file named, and every .txt/.md file under the named folders, in a stable order.

    Folders are searched recursively, skipping hidden files and folders (names starting with
    '.'); each folder's files come sorted by path. A path named twice is read once. A named path
    that does not exist is kept, so that reading it reports the problem.

    >>> [p.name for p in find_inputs(["seeds"])][:2]
    ['000_c92992a2ff38641b.txt', '001_28aa78d090c2b9a8.txt']
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root, f) for f in files if not f.startswith(".")
                          and f.lower().endswith(SUFFIXES) and os.path.isfile(os.path.join(root, f))]
            found.sort(key=lambda f: f.parts)
        else:
            found = [p]
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding).

    Tries, in order: a byte-order mark (UTF-8, UTF-16 or UTF-32, LE or BE), UTF-8, GB18030 (a
    superset of GBK and GB2312). Raises ``ReadError`` naming ``name`` for an empty, binary or
    undecodable file.
    """
    text, enc, _ = _decode(data, name)
    return text, enc


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    warnings: list[str] = []
    if not data:
        raise ReadError(f"{name}: empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            codec = enc if enc == "utf-8-sig" else enc[:-3]  # "utf-16" reads and drops the BOM
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                if enc.startswith("utf-32"):
                    continue  # FF FE 00 00 may be a UTF-16-LE BOM followed by U+0000
                raise ReadError(f"{name}: not valid {enc.upper()} despite its byte-order mark "
                                f"({e.reason} at byte {e.start})") from None
            return _check(text, name), enc, warnings
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ReadError(f"{name}: binary file (NUL bytes), not text")
        return _check(text[0], name), text[1], warnings
    try:
        return _check(data.decode("utf-8"), name), "utf-8", warnings
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        return _check(data.decode("gb18030"), name), "gb18030", warnings
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few broken bytes (a truncated download, a bad copy): keep it.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if good >= 20 and bad * 20 <= good:
        warnings.append(f"{name}: {bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
        return _check(text, name), "utf-8", warnings
    raise ReadError(f"{name}: undecodable: not UTF-8 (bad byte at {utf8_error.start}), "
                    "UTF-16/32 with a byte-order mark, or GB18030/GBK") from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a BOM: decodes cleanly into mostly CJK, ASCII and CJK punctuation
    (binary data or the wrong byte order spreads over the whole Unicode range instead)."""
    if len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text) or _PRIVATE.search(text):
            continue
        share = len(_COMMON.findall(text)) / len(text)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, enc)
    return best and best[1:]


def _check(text: str, name: str) -> str:
    """Reject decoded text that is empty or full of control characters (a binary file)."""
    if not text.strip():
        raise ReadError(f"{name}: empty file (only white space)")
    n_control = len(_CONTROL.findall(text))
    if n_control and n_control * 100 > len(text):
        raise ReadError(f"{name}: binary file ({n_control} control characters), not text")
    return text


def read_file(path: Path | str) -> Doc:
    """Read one file into a Doc (``raw`` and ``encoding`` only). Raises ``ReadError``.

    >>> doc = read_file("seeds/000_c92992a2ff38641b.txt")
    >>> doc.encoding, doc.raw[:2]
    ('utf-8', '\\n\\n')
    """
    path = Path(path)
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file")
    if path.exists() and not path.is_file():
        raise ReadError(f"{path}: not a regular file")  # a pipe or device would block or never end
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"{path}: cannot read ({e.strerror or e})") from None
    text, enc, warnings = _decode(data, path.as_posix())
    return Doc(path=path.as_posix(), raw=text, encoding=enc, warnings=warnings)
