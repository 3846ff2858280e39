"""Component: place in place from adjacent administrative names (奉化区萧王庙街道 → part_of).

>>> from kg.doc import Doc, Mention, Sentence
>>> d = Doc(path="x", text="奉化区萧王庙街道", sentences=[Sentence(0, 8, "奉化区萧王庙街道")])
>>> d.mentions = [Mention(0, 3, "奉化区", "Place", "t", sentence=0), Mention(3, 8, "萧王庙街道", "Place", "t", sentence=0)]
>>> [(r.kind, r.subject, r.object) for r in recognize(d)]
[('part_of', 1, 0)]
"""
from __future__ import annotations

from ..doc import Doc, Relation


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    ms = doc.mentions
    for i, a in enumerate(ms):
        for j, b in enumerate(ms):
            if a.end == b.start and a.type == "Place" and b.type == "Place" and a.sentence == b.sentence:
                out.append(Relation("part_of", j, i, a.sentence, "relate.containment", 0.8))
    return out
