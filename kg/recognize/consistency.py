"""Document-level consistency: a name recognised once names the same thing throughout the document.

Every other occurrence of a settled name that no mention covers yet becomes a mention of the same
type (with a lower score). Short names (one character) are left alone.

>>> from kg.doc import Doc, Mention
>>> d = Doc(path="x", text="王小明同志来了。大家欢迎王小明。")
>>> [(m.start, m.text) for m in propagate(d, [Mention(0, 3, "王小明", "Person", "rules.person", 0.7)])]
[(0, '王小明'), (12, '王小明')]
"""
from __future__ import annotations

from ..doc import Doc, Mention
from .overlaps import STATISTICAL
from .tokens import boundaries

_MIN = {"Person": 2, "Place": 2}


_PLACE_SUFFIXES = ("工业社区", "社区", "街道", "镇", "乡", "村", "区", "县", "市", "省")


def link_short_forms(mentions: list[Mention]) -> list[Mention]:
    """Point a short form at the fuller name the same document uses, through ``Mention.key``:
    霞浦 → 霞浦街道 (a suffix dropped), 区委组织部 → 某某区委组织部 (the place dropped), when exactly
    one fuller name fits.

    >>> ms = [Mention(0, 4, "石门街道", "Place", "x"), Mention(9, 11, "石门", "Place", "x")]
    >>> [m.key for m in link_short_forms(ms)]
    ['', '石门街道']
    """
    full: dict[str, set[str]] = {}
    places = {m.label for m in mentions if m.type == "Place"}
    for m in mentions:
        if m.implicit:
            continue
        name = m.key or m.label
        if m.type == "Place":
            for suf in _PLACE_SUFFIXES:
                if name.endswith(suf) and len(name) - len(suf) >= 2:
                    full.setdefault(("Place", name[: -len(suf)]), set()).add(name)
                    break
        elif m.type == "Organization":
            for p in places:
                if name.startswith(p) and len(name) - len(p) >= 3:
                    full.setdefault(("Organization", name[len(p):]), set()).add(name)
    for m in mentions:
        if m.key or m.implicit:
            continue
        cands = full.get((m.type, m.label), set()) - {m.label}
        if len(cands) == 1:
            m.key = next(iter(cands))
    return mentions


def propagate(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    text = doc.text
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.implicit or m.text != m.label or len(m.text) < _MIN.get(m.type, 3):
            continue
        if m.source in STATISTICAL and m.score < 0.8:
            continue  # spread only confident guesses
        best = names.get(m.text)
        if best is None or m.score > best.score:
            names[m.text] = m
    if not names:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        if not m.implicit:
            taken[m.start:m.end] = b"\1" * (m.end - m.start)
    bounds = boundaries(doc)
    out = list(mentions)
    hits = []
    for name in names:  # a few dozen names: plain searches beat compiling a pattern per document
        i = text.find(name)
        while i >= 0:
            hits.append((i, -len(name), name))
            i = text.find(name, i + 1)
    for s, neg, name in sorted(hits):
        e = s - neg
        if any(taken[s:e]):
            continue
        src = names[name]
        if src.type in ("Person", "Place") and not (s in bounds or e in bounds):
            continue  # inside a longer word
        out.append(Mention(s, e, name, src.type, src.source.split("+")[0] + ".same", round(src.score * 0.85, 3),
                           alt_types=src.alt_types, key=src.key))
        taken[s:e] = b"\1" * (e - s)
    out.sort(key=lambda m: (m.start, -m.end, m.type))
    return out
