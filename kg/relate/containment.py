"""Component: place in place from adjacent administrative names (奉化区萧王庙街道 → part_of).

The larger area comes first, as Chinese addresses are written; the smaller one must be an
area too (a road, park or trail written after its district is not "part of" it here), and
when both levels are known the first must be the larger (县 before 镇 before 村).

>>> from kg.doc import Doc, Mention, Sentence
>>> d = Doc(path="x", text="奉化区萧王庙街道", sentences=[Sentence(0, 8, "奉化区萧王庙街道")])
>>> d.mentions = [Mention(0, 3, "奉化区", "Place", "t", sentence=0), Mention(3, 8, "萧王庙街道", "Place", "t", sentence=0)]
>>> [(r.kind, r.subject, r.object) for r in recognize(d)]
[('part_of', 1, 0)]
"""
from __future__ import annotations

from collections import defaultdict

from ..doc import Doc, Relation
from ..resolve.admin import is_admin, is_chinese_admin
from .spans import BODY_PLACES, admin_rank

SOURCE = "relate.containment"
# places that are sites, not areas: 霞光中路, 星光步道, 滨江公园 …
FACILITY = ("路", "街", "巷", "弄", "道", "园", "馆", "桥", "河", "江", "湖", "山", "线", "场", "港", "站", "中心",
            "基地", "广场", "公园", "大厦", "码头", "机场", "景区")


def _area(name: str) -> bool:
    if name.endswith(("街道",) + BODY_PLACES) or is_chinese_admin(name):
        return True
    return not name.endswith(FACILITY)


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    starts: dict[int, list[int]] = defaultdict(list)
    for j, b in enumerate(doc.mentions):
        if b.type == "Place":
            starts[b.start].append(j)
    for i, a in enumerate(doc.mentions):
        if a.type != "Place" or not is_admin(a.key or a.label):
            continue
        for j in starts.get(a.end, ()):
            b = doc.mentions[j]
            if b.sentence != a.sentence or not _area(b.key or b.label):
                continue
            ra, rb = admin_rank(a.key or a.label), admin_rank(b.key or b.label)
            if ra is not None and rb is not None and ra >= rb:
                continue
            if rb is None and not is_chinese_admin(b.key or b.label):
                continue  # 南京|美国圣公会: a bare name after a place must be a known division
            out.append(Relation("part_of", j, i, a.sentence, SOURCE, 0.8))
    return out
