"""Where a name becomes an IRI: stable, readable, valid for strict parsers.

IRIs depend only on the input (type, canonical name, resolution key, document path relative to
the other inputs), never on run order, the machine or the working folder, so two builds of the same
input give the same IRIs. Every local name is also a valid Turtle/SPARQL prefixed name, so the
Turtle reads ``place:青山区`` rather than ``<https://…/place/%E5%8C%97…>``.

>>> m = Minter("https://example.org/kg/")
>>> m.entity("Place", "青山区", "青山区")
rdflib.term.URIRef('https://example.org/kg/place/青山区')
>>> m.document("seeds/000_c92992a2ff38641b.txt")
rdflib.term.URIRef('https://example.org/kg/doc/000_c92992a2ff38641b')
>>> m.sentence(m.document("seeds/a.txt"), 3)
rdflib.term.URIRef('https://example.org/kg/doc/a.s3')
>>> slug('  "A<B>" {C}|D ')
'A-B-C-D'
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from typing import Iterable

from rdflib import URIRef

MAX_SLUG = 48  # longer names are cut and get a hash suffix: IRIs stay short and unique

# Characters Turtle allows to start a prefixed local name (PN_CHARS_BASE, Turtle 1.1 §6.5).
_PN_BASE = (
    (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D),
    (0x37F, 0x1FFF), (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF),
    (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
)


def _pn_base(c: str) -> bool:
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in _PN_BASE)


def _keep(c: str) -> bool:
    """A letter or digit that is safe unescaped in an IRI and in a Turtle local name."""
    return c == "_" or ("0" <= c <= "9") or (c.isalnum() and _pn_base(c))


def short_hash(*parts: str, n: int = 8) -> str:
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes instead of failing
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:n]


def readable_path(path: str) -> str:
    """A path as text a Turtle file can hold. Python keeps the bytes of a file name that is not
    UTF-8 as lone surrogates (os.fsdecode); Chinese corpora often have GBK names, so try GB18030
    before giving up with U+FFFD.

    >>> readable_path("新闻/a.txt")
    '新闻/a.txt'
    >>> readable_path("宁波.txt".encode("gbk").decode("utf-8", "surrogateescape"))
    '宁波.txt'
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def slug(text: str) -> str:
    """An IRI segment that strict parsers accept and Turtle can abbreviate.

    NFKC first (full-width ＡＢＣ → ABC, ① → 1), then letters and digits of any script are kept,
    '·' inside a name (外国人名) too, and every other run (spaces, punctuation, ``<>"{}|\\^```,
    '%', '/', '#', '.') becomes a single '-'. Long names are cut, with a hash of the full name.
    """
    s = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for c in s:
        if _keep(c) or (c == "·" and out and out[-1] not in "-·"):
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    r = "".join(out).strip("-·")
    if len(r) > MAX_SLUG:
        r = f"{r[:MAX_SLUG].rstrip('-·')}-{short_hash(s)}"
    return r or f"x{short_hash(s)}"


def _relative_paths(paths: Iterable[str]) -> dict[str, str]:
    """Each path relative to the deepest folder all of them share (so absolute inputs and the
    working folder do not leak into IRIs)."""
    norm = {p: posixpath.normpath(p.replace("\\", "/")) for p in paths}
    dirs = [n.split("/")[:-1] for n in norm.values()]
    common = 0
    if dirs:
        first = dirs[0]
        common = min(len(d) for d in dirs)
        for d in dirs[1:]:
            common = next((i for i in range(common) if d[i] != first[i]), common)
    return {p: "/".join(n.split("/")[common:]) for p, n in norm.items()}


_BASE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]$")


def check_base(base: str) -> str:
    """``base`` if it can prefix instance IRIs (absolute, no characters strict parsers reject,
    ending in '/' or '#'); else ValueError with a message that says why.

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    """
    if not _BASE_IRI.match(base):
        raise ValueError(f"base IRI must be absolute, without spaces or <>\"{{}}|\\^`, and end in '/' or '#': {base!r}")
    return base


class Minter:
    """Mints the IRIs of one graph.

    ``entity_keys`` lists every entity as (type, label, key): two different entities whose names
    give the same slug both get a hash of their key. ``doc_paths`` lists every input: two inputs
    with the same file stem get a hash of their path relative to the folder they share.
    """

    def __init__(
        self,
        base: str,
        entity_keys: Iterable[tuple[str, str, str]] = (),
        doc_paths: Iterable[str] = (),
    ):
        self.base = check_base(base)
        self._clash: set[tuple[str, str]] = set()
        seen: dict[tuple[str, str], str] = {}
        for type_, label, key in entity_keys:
            k = (type_, slug(label))
            if k in seen and seen[k] != key:
                self._clash.add(k)
            seen.setdefault(k, key)
        paths = sorted(set(doc_paths))
        rel = _relative_paths(paths)
        stems: dict[str, list[str]] = {}
        for p in paths:
            stems.setdefault(self._stem(p), []).append(p)
        self._doc = {
            p: f"{stem}-{short_hash(rel[p])}" if len(ps) > 1 else stem for stem, ps in stems.items() for p in ps
        }

    @staticmethod
    def _stem(path: str) -> str:
        name = readable_path(path).replace("\\", "/").rsplit("/", 1)[-1]
        return slug(name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name)

    def entity(self, type_: str, label: str, key: str) -> URIRef:
        s = slug(label)
        if (type_, s) in self._clash:
            s = f"{s}-{short_hash(type_, key)}"
        return URIRef(f"{self.base}{type_.lower()}/{s}")

    def document(self, path: str) -> URIRef:
        return URIRef(f"{self.base}doc/{self._doc.get(path) or self._stem(path)}")

    def sentence(self, doc: URIRef, index: int) -> URIRef:
        return URIRef(f"{doc}.s{index}")

    def mention(self, doc: URIRef, start: int, end: int, type_: str = "") -> URIRef:
        """A mention by its original-file offsets; ``type_`` tells apart two readings of one span."""
        return URIRef(f"{doc}.m{start}-{end}" + (f"-{type_.lower()}" if type_ else ""))

    def role(self, name: str) -> URIRef:
        return URIRef(f"{self.base}role/{slug(name)}")

    def fact(self, *parts: str) -> URIRef:
        """A fact by its content; IRIs inside ``parts`` count without the base, so the hash (the
        local name) is the same under any ``--base``."""
        rel = [p[len(self.base):] if p.startswith(self.base) else p for p in parts]
        return URIRef(f"{self.base}fact/{short_hash(*rel, n=16)}")

    def evidence(self, fact: URIRef, doc: URIRef, start: int, end: int) -> URIRef:
        return URIRef(f"{fact}.{str(doc).rsplit('/', 1)[-1]}-{start}-{end}")
