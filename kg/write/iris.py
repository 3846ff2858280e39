"""Where a name becomes an IRI: stable, readable, valid for strict parsers.

IRIs depend only on the input (type, canonical name, resolution key, document path), never on
run order or the machine, so two builds of the same input give the same IRIs.

>>> m = Minter("https://example.org/kg/")
>>> m.entity("Place", "北仑区", "北仑区")
rdflib.term.URIRef('https://example.org/kg/place/北仑区')
>>> m.document("seeds/000_c92992a2ff38641b.txt")
rdflib.term.URIRef('https://example.org/kg/doc/000_c92992a2ff38641b')
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

# Keep letters and digits of any script (CJK included); everything else becomes "-".
_UNSAFE = re.compile(r"[^\w]+")


def slug(text: str) -> str:
    """An IRI-safe segment: NFC, letters and digits kept, other runs as a single '-'."""
    s = _UNSAFE.sub("-", unicodedata.normalize("NFKC", text)).strip("-")
    return s or "x"


def short_hash(*parts: str, n: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


class Minter:
    """Mints the IRIs of one graph. Same-named entities of one type get a hash suffix."""

    def __init__(self, base: str, entity_keys: list[tuple[str, str, str]] | None = None):
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*[/#:]$", base):
            raise ValueError(f"base IRI must be absolute and end in '/', '#' or ':': {base!r}")
        self.base = base
        self._clash: set[tuple[str, str]] = set()
        seen: dict[tuple[str, str], str] = {}
        for type_, label, key in entity_keys or []:
            k = (type_, slug(label))
            if k in seen and seen[k] != key:
                self._clash.add(k)
            seen.setdefault(k, key)

    def entity(self, type_: str, label: str, key: str) -> URIRef:
        s = slug(label)
        if (type_, s) in self._clash:
            s = f"{s}-{short_hash(type_, key)}"
        return URIRef(f"{self.base}{type_.lower()}/{s}")

    def document(self, path: str) -> URIRef:
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return URIRef(f"{self.base}doc/{slug(stem)}")

    def document_unique(self, path: str, clash: bool) -> URIRef:
        """Document IRI; with a hash of the whole path when two inputs share a file stem."""
        iri = self.document(path)
        return URIRef(f"{iri}-{short_hash(path)}") if clash else iri

    def role(self, name: str) -> URIRef:
        return URIRef(f"{self.base}role/{slug(name)}")

    def fact(self, *parts: str) -> URIRef:
        return URIRef(f"{self.base}fact/{short_hash(*parts, n=16)}")
