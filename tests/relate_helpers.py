"""Build a Doc from invented text and the mentions a recogniser would give (test helper)."""
from __future__ import annotations

from kg.clean import clean
from kg.doc import Doc, Mention
from kg.split import split


def doc_with(text: str, mentions: list[tuple]) -> Doc:
    """mentions: (surface, type) or (surface, type, alt_types); each found left to right in text."""
    d = split(clean(Doc(path="t.txt", raw=text)))
    pos = 0
    for spec in mentions:
        surface, type_ = spec[0], spec[1]
        alt = tuple(spec[2]) if len(spec) > 2 else ()
        start = d.text.index(surface, pos)
        name = "".join(c for c in surface if c not in "“”")
        d.mentions.append(Mention(start, start + len(surface), surface, type_, "test", 0.9, alt_types=alt,
                                  name=name if name != surface else ""))
        pos = start + 1
    d.mentions.sort(key=lambda m: (m.start, -m.end))
    d.attach_sentences()
    return d


def facts(d: Doc, relations=None) -> set[tuple]:
    """(kind, subject label, object label or literal, role) for readable assertions."""
    out = set()
    for r in d.relations if relations is None else relations:
        obj = d.mentions[r.object].label if r.object is not None else r.literal
        out.add((r.kind, d.mentions[r.subject].label, obj) + ((r.role,) if r.role else ()))
    return out
