"""Component: who founded an organisation (founded) and when (founded_on, a date literal).

* ``甲组建/成立/创办/共建/创建/创立 乙``: 甲 (a person, else the nearest organisation) founded 乙.
  When the one who sets it up is a place (某镇成立某工坊), 乙 is located in that place instead.
* ``乙由甲创办`` / ``由甲创办的乙``, ``乙…创始人是甲``: 甲 founded 乙.
* ``乙成立于2015年5月`` / ``乙创办于2001年``, and a year at the head of the sentence that founds
  乙 (2012年5月，…组建了乙): 乙 founded_on "2015-05".

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "青松社成立于2015年5月。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(0, 3, "青松社", "Organization", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, r.literal) for r in recognize(d)]
[('founded_on', '青松社', '2015-05')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from ..resolve.admin import is_admin
from .spans import CLAUSE_END, DATE_RE, QUOTES, actors, normalise_date, objects_after, sentences_with_mentions

SOURCE = "relate.founding"
FOUNDS = re.compile(r"组建|成立|创办|共建|创建|创立|组织成立|筹建|建成|设立")
# building something up is founding it only for a place: the thing is then in that place
PLACE_ONLY = ("建成", "设立")
FOUNDED_IN = re.compile(r"(?:成立|创办|创建|创立|组建|始建|始创|建立|建企|建校|建院|建)于\s*((?:19|20)\d{2}年(?:\d{1,2}月)?)")
# 某公司于2012年8月27日在某局登记成立
ON_DATE_FOUNDED = re.compile(r"于\s*((?:19|20)\d{2}年(?:\d{1,2}月)?)[^，,。；;]{0,24}?(?:登记)?(?:成立|创办|创建|创立|组建)")
UNITS = ("Organization", "Place")


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = founder_named(doc)
    for si, sent, ms in sentences_with_mentions(doc):
        for t in FOUNDED_IN.finditer(doc.text, sent.start, sent.end):
            near = [(i, m) for i, m in ms if m.end <= t.start() and m.type in UNITS
                    and len(_PAREN.sub("", doc.text[m.end:t.start()]).strip()) <= 2]
            if not near and doc.text[t.end():t.end() + 1] == "的":  # 创立于1929年的某大学
                near = [(i, m) for i, m in ms if m.start == t.end() + 1 and m.type == "Organization"]
            if not near and doc.text[t.start() - 1:t.start()] in "，,":  # 某公司是一家…企业，成立于2009年
                near = [(i, m) for i, m in ms if m.type == "Organization" and m.end <= t.start() and not m.implicit][:1]
                near = [(i, m) for i, m in near if _opens_sentence(doc, sent.start, m)]
            if near:
                out.append(Relation("founded_on", near[-1][0], None, si, SOURCE, 0.8, literal=normalise_date(t.group(1))))
        for t in ON_DATE_FOUNDED.finditer(doc.text, sent.start, sent.end):
            near = [(i, m) for i, m in ms if m.end <= t.start() and t.start() - m.end <= 1 and m.type in UNITS]
            if near:
                out.append(Relation("founded_on", near[-1][0], None, si, SOURCE, 0.75, literal=normalise_date(t.group(1))))
        for t in FOUNDS.finditer(doc.text, sent.start, sent.end):
            if any(m.start <= t.start() < m.end for _, m in ms):
                continue
            out += _founded_by(doc, si, ms, t)
            if doc.text[t.end():t.end() + 1] == "的":  # 1766年成立的某学院
                date = DATE_RE.search(doc.text, max(sent.start, t.start() - 12), t.start())
                nxt = [i for i, m in ms if m.start == t.end() + 1 and m.type == "Organization"]
                if date and nxt and not any(c in doc.text[date.end():t.start()] for c in CLAUSE_END):
                    out.append(Relation("founded_on", nxt[0], None, si, SOURCE, 0.7, literal=normalise_date(date.group())))
                continue
            if doc.text[t.end():t.end() + 1] == "于":
                continue
            objs = objects_after(doc, ms, t.end(), ("Organization",))[:1]
            if not objs:
                out += _founded_when(doc, si, ms, t)
                continue
            founders = actors(doc, ms, t.start(), ("Person",)) \
                or [i for i, m in ms if m.type == "Person" and m.end <= t.start()][:1]
            if not founders:
                founders = actors(doc, ms, t.start(), UNITS)
            for f in founders:
                m = doc.mentions[f]
                if m.type == "Place" or is_admin(m.key or m.label):  # 某镇成立某工坊: it is in that town
                    out += [Relation("located_in", o, f, si, SOURCE, 0.6) for o in objs]
                elif t.group() in PLACE_ONLY:
                    continue
                else:
                    out += [Relation("founded", f, o, si, SOURCE, 0.7) for o in objs]
            dates = [d for d in DATE_RE.finditer(doc.text, sent.start, t.start())]
            if len(dates) == 1 and t.group() not in PLACE_ONLY:
                out += [Relation("founded_on", o, None, si, SOURCE, 0.6, literal=normalise_date(dates[0].group()))
                        for o in objs]
    return out


_PAREN = re.compile(r"[（(][^（）()]{0,20}[）)]")
_FOUNDER_IS = re.compile(r"(?:创始人|创办人|创建人|创建者|创立者|缔造者)(?:之一)?(?:是|为|名叫|叫|：|:)")


def _founded_by(doc: Doc, si: int, ms, t: re.Match) -> list[Relation]:
    """由甲(等人)创办(的乙): the persons after 由 founded 乙 — the unit after 的, else the one the
    sentence is about (the nearest before 由)."""
    text = doc.text
    by = text.rfind("由", doc.sentences[si].start, t.start())
    if by < 0 or t.start() - by > 30 or any(c in text[by:t.start()] for c in CLAUSE_END):
        return []
    founders = [i for i, m in ms if by < m.start and m.end <= t.start() and m.type == "Person" and not m.implicit]
    if not founders:
        return []
    objs = [i for i, m in ms if m.start == t.end() + 1 and m.type == "Organization"] if text[t.end():t.end() + 1] == "的" else []
    objs = objs or [i for i, m in ms if m.end <= by and m.type == "Organization" and not m.implicit][-1:]
    return [Relation("founded", f, o, si, SOURCE, 0.7) for f in founders for o in objs]


def founder_named(doc: Doc) -> list[Relation]:
    """某公司…，创始人是甲: 甲 founded the unit named before it in the sentence."""
    out = []
    for si, sent, ms in sentences_with_mentions(doc):
        for t in _FOUNDER_IS.finditer(doc.text, sent.start, sent.end):
            person = [i for i, m in ms if m.start == t.end() and m.type == "Person"]
            orgs = [i for i, m in ms if m.end <= t.start() and m.type == "Organization" and not m.implicit]
            if person and orgs:
                out.append(Relation("founded", person[0], orgs[-1], si, SOURCE, 0.7))
    return out


def _opens_sentence(doc: Doc, s0: int, m) -> bool:
    return len(doc.text[s0:m.start].strip(QUOTES + " ")) <= 2


def _founded_when(doc: Doc, si: int, ms, t: re.Match) -> list[Relation]:
    """2002年10月，甲公司、乙公司正式挂牌成立。: the organisations before the verb were founded then."""
    after = doc.text[t.end():t.end() + 1]
    if after and after not in CLAUSE_END:
        return []
    k = t.start()
    while k > doc.sentences[si].start and doc.text[k - 1] not in "；;。！？":
        k -= 1
    dates = list(DATE_RE.finditer(doc.text, k, t.start()))
    orgs = [i for i, m in ms if k <= m.start and m.end <= t.start() and m.type == "Organization" and not m.implicit
            and not doc.text[max(k, m.start - 2):m.start].endswith(("在", "由", "经", "向", "到", "被"))]
    if len(dates) != 1 or not orgs:
        return []
    return [Relation("founded_on", o, None, si, SOURCE, 0.6, literal=normalise_date(dates[0].group())) for o in orgs]
