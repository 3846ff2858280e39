"""Component: where things are, from explicit wording (located_in, part_of).

``位于甲…的乙`` and ``乙位于甲``; ``乙落户甲`` / ``落户甲的乙``; ``乙在甲举行/召开/开幕``; ``乙…总部设在甲``,
``乙在甲成立`` (乙 the unit the sentence opens with). When 乙 is a
place too the relation is part_of (位于某镇最西端的某村), else located_in.

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "位于青山镇的松林村。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(2, 5, "青山镇", "Place", "t", sentence=0), Mention(6, 9, "松林村", "Place", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('part_of', '松林村', '青山镇')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from .spans import CLAUSE_END, admin_rank, by_sentence

SOURCE = "relate.wording"
THINGS = ("Organization", "Event", "Program", "Place")


def _rel(doc: Doc, thing: int, place: int, si: int, score: float) -> Relation | None:
    t, p = doc.mentions[thing], doc.mentions[place]
    if t.type != "Place":
        return Relation("located_in", thing, place, si, SOURCE, score)
    rt, rp = admin_rank(t.key or t.label), admin_rank(p.key or p.label)
    if rt is not None and rp is not None and rt <= rp:
        return None  # a district is not inside a village: the names were misread
    return Relation("part_of", thing, place, si, SOURCE, score)


# 位于村口的某学院: the village is the one the text has just named
_GENERIC_SITE = re.compile(r"位于(村|镇|乡|社区|街道)(?:口|里|内|中|上|东|西|南|北|头|尾|边)[^，,。；;]{0,6}的")


def _add(out: list[Relation], r: Relation | None) -> None:
    if r is not None:
        out.append(r)


def _generic_site(doc: Doc, si: int, ms, out: list[Relation]) -> None:
    sent = doc.sentences[si]
    for g in _GENERIC_SITE.finditer(doc.text, sent.start, sent.end):
        thing = next(((i, m) for i, m in ms if m.start == g.end() and m.type in THINGS), None)
        if thing is None:
            continue
        unit = g.group(1)
        earlier = [i for i, m in enumerate(doc.mentions) if m.type == "Place" and m.end <= g.start()
                   and (m.key or m.label).endswith(unit) and m.sentence >= si - 3]
        if earlier:
            _add(out, _rel(doc, thing[0], earlier[-1], si, 0.6))


_HEADQUARTERS = re.compile(r"总部(?:设|位|设立)?(?:在|于)$")
_FOUNDED_AT = re.compile(r"(?:正式)?(?:成立|注册成立|挂牌成立)")


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    for si, idx in sorted(by_sentence(doc).items()):
        if si < 0:
            continue
        ms = [(i, doc.mentions[i]) for i in idx if not doc.mentions[i].implicit]
        text = doc.text
        _generic_site(doc, si, ms, out)
        for k, (i, m) in enumerate(ms):
            if m.type != "Place":
                continue
            pre = text[max(0, m.start - 2):m.start]
            nxt = ms[k + 1] if k + 1 < len(ms) else None
            prv = ms[k - 1] if k > 0 else None
            if pre.endswith(("位于", "落户", "坐落于", "地处")) and nxt and nxt[1].type in THINGS:
                n = k  # 位于某街道某村的…: the last of the run of places is where it is
                while n + 1 < len(ms) and ms[n + 1][1].type == "Place" and ms[n + 1][1].start == ms[n][1].end:
                    n += 1
                if n != k:
                    i, m = ms[n]
                    nxt = ms[n + 1] if n + 1 < len(ms) else None
                    if nxt is None or nxt[1].type not in THINGS:
                        continue
                gap = text[m.end:nxt[1].start]
                if gap.endswith("的") and len(gap) <= 9 and not any(c in gap for c in CLAUSE_END):
                    _add(out, _rel(doc, nxt[0], i, si, 0.75))  # 位于甲…的乙
                    continue
            if prv and prv[1].type in THINGS and prv[1].end <= m.start:
                gap = text[prv[1].end:m.start]
                if gap in ("位于", "落户", "落户在", "落户于", "坐落于", "坐落在", "地处", "总部位于", "总部设在", "总部在"):
                    _add(out, _rel(doc, prv[0], i, si, 0.75))  # 乙位于甲
                    continue
                if gap == "在" and prv[1].type == "Event" and re.match(r"(隆重)?(举行|召开|开幕|举办)", text[m.end:m.end + 4]):
                    _add(out, _rel(doc, prv[0], i, si, 0.75))  # 乙在甲举行
                    continue
            if _HEADQUARTERS.search(text, max(0, m.start - 6), m.start) or _FOUNDED_AT.match(text, m.end) \
                    and text[m.start - 1:m.start] == "在":
                orgs = [(j, x) for j, x in ms[:k] if x.type == "Organization"]
                if orgs:  # 某公司…，总部设在甲 / 某公司在甲成立: the unit the sentence is about
                    _add(out, _rel(doc, orgs[0][0], i, si, 0.7))
    return out
