"""Component: where a person comes from (hometown_of, born_in, nationality).

``甲是某某人乙的家乡`` / ``乙的家乡甲`` → 乙 hometown_of 甲; ``乙出生于甲`` → born_in;
``来自甲的乙`` where 甲 is not a Chinese administrative name → 乙 nationality 甲 (a country).

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "来自挪威的汉森说。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(2, 4, "挪威", "Place", "t", sentence=0), Mention(5, 7, "汉森", "Person", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('nationality', '汉森', '挪威')]
"""
from __future__ import annotations

from ..doc import Doc, Relation
from ..resolve.admin import is_chinese_admin
from .spans import CLAUSE_END, by_sentence

SOURCE = "relate.origin"


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    text = doc.text
    for si, idx in sorted(by_sentence(doc).items()):
        if si < 0:
            continue
        ms = [(i, doc.mentions[i]) for i in idx if not doc.mentions[i].implicit]
        for k, (i, m) in enumerate(ms):
            nxt = ms[k + 1] if k + 1 < len(ms) else None
            if m.type == "Person" and text[m.end:m.end + 3] in ("的家乡", "的故乡", "的老家"):
                if nxt and nxt[1].type == "Place" and nxt[1].start - m.end <= 4:
                    out.append(Relation("hometown_of", i, nxt[0], si, SOURCE, 0.75))
                    continue
                places = [(j, x) for j, x in ms[:k] if x.type == "Place"]
                if places and "是" in text[places[-1][1].end:m.start]:
                    out.append(Relation("hometown_of", i, places[-1][0], si, SOURCE, 0.7))
            if m.type == "Person" and text[m.end:m.end + 3] in ("出生于", "生于") or text[m.end:m.end + 2] == "生于":
                if nxt and nxt[1].type == "Place" and nxt[1].start - m.end <= 3:
                    out.append(Relation("born_in", i, nxt[0], si, SOURCE, 0.75))
            if m.type == "Place" and text[m.start - 2:m.start] == "来自" and nxt and nxt[1].type == "Person":
                gap = text[m.end:nxt[1].start]
                if gap.startswith("的") and len(gap) <= 8 and not any(c in gap for c in CLAUSE_END):
                    if not is_chinese_admin(m.key or m.label):
                        out.append(Relation("nationality", nxt[0], i, si, SOURCE, 0.75))
    return out
