"""Helpers the relation recognisers share: mentions by sentence, the text between two spans,
dates, and adding an implicit mention a relation needs.

>>> from kg.doc import Doc, Mention, Sentence
>>> d = Doc(path="x", text="甲乙丙。", sentences=[Sentence(0, 4, "甲乙丙。")])
>>> d.mentions = [Mention(0, 1, "甲", "Person", "t", sentence=0)]
>>> ensure_mention(d, 0, 1, "Person", "t"), ensure_mention(d, 1, 3, "Organization", "t")
(0, 1)
>>> normalise_date("2015年5月"), normalise_date("2001年")
('2015-05', '2001')
"""
from __future__ import annotations

import re

from ..doc import Doc, Mention

CLAUSE_END = "，,；;。！？!?：:"
SENTENCE_END = "；;。！？!?"
QUOTES = "“”\"‘’'「」『』"
DATE_RE = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月)?")

# Administrative levels by name suffix: a smaller number is a larger area.
ADMIN_RANK = (
    ("特别行政区", 1), ("自治区", 1), ("省", 1), ("自治州", 2), ("地区", 2), ("盟", 2),
    ("自治县", 3), ("市", 2), ("区", 3), ("县", 3), ("旗", 3),
    ("街道", 4), ("镇", 4), ("乡", 4), ("苏木", 4), ("社区", 5), ("村", 5), ("嘎查", 5),
)


def admin_rank(name: str) -> int | None:
    """Level of an administrative name from its suffix (省 1 … 村 5), None if it has none."""
    for suffix, rank in sorted(ADMIN_RANK, key=lambda x: -len(x[0])):  # 社区 before 区
        if name.endswith(suffix) and len(name) > len(suffix):
            return rank
    return None


def normalise_date(text: str) -> str | None:
    m = DATE_RE.search(text)
    if not m:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}" if m.group(2) else m.group(1)


def by_sentence(doc: Doc) -> dict[int, list[int]]:
    """Sentence index → indices of its mentions in text order."""
    out: dict[int, list[int]] = {}
    for i, m in enumerate(doc.mentions):
        if 0 <= m.sentence < len(doc.sentences):  # a mention outside every sentence relates nothing
            out.setdefault(m.sentence, []).append(i)
    for v in out.values():
        v.sort(key=lambda i: (doc.mentions[i].start, -doc.mentions[i].end))
    return out


def sentences_with_mentions(doc: Doc):
    """(sentence index, sentence, [(mention index, mention)] in text order) for each sentence
    that holds a mention: the loop every relation component runs."""
    for si, idx in sorted(by_sentence(doc).items()):
        yield si, doc.sentences[si], [(i, doc.mentions[i]) for i in idx]


def between(doc: Doc, a: Mention, b: Mention) -> str:
    """The text from the end of ``a`` to the start of ``b`` (empty if they touch or overlap)."""
    return doc.text[a.end:b.start] if a.end <= b.start else ""


def unquoted(text: str) -> str:
    return "".join(c for c in text if c not in QUOTES and not c.isspace())


def is_org_like(m: Mention) -> bool:
    """An organisation, or a place acting as a body (a 社区 or 街道 with a party committee)."""
    return m.type == "Organization" or "Organization" in m.alt_types


def ensure_mention(doc: Doc, start: int, end: int, type_: str, source: str, score: float = 0.5,
                   implicit: bool = False) -> int:
    """Index of the mention with this span and type, adding it if the recogniser did not."""
    for i, m in enumerate(doc.mentions):
        if m.start == start and m.end == end and m.type == type_:
            return i
    text = doc.text[start:end]
    name = unquoted(text)
    doc.mentions.append(Mention(start, end, text, type_, source, score, doc.sentence_at(start),
                                name=name if name != text else "", implicit=implicit))
    return len(doc.mentions) - 1


# A mention right after these is not the sentence's actor: an agent (被X评为), a location
# (在X, 到X, 走进X) or a partner inside a prepositional phrase already handled by ``actors``.
_NOT_ACTOR_BEFORE = ("被", "在", "到", "于", "走进", "来到", "赴", "向", "对", "为", "依托", "通过", "借助", "利用", "围绕")
# 我市 / 本区 …: the document's most mentioned place of that level stands for it
_PRONOUN = re.compile(r"(?:我|本|该|全)(市|区|县|镇|省)")


def actors(doc: Doc, ms: list[tuple[int, Mention]], pos: int, types: tuple[str, ...]) -> list[int]:
    """Who does the verb at ``pos``: the nearest fitting mention before it in the sentence, with
    those coordinated with it (甲、乙 …; 甲与乙合作 …).

    ``ms`` is the sentence's (index, mention) list in text order.
    """
    cands = [(i, m) for i, m in ms if m.end <= pos and not m.implicit and m.type in types and can_act(m)]
    cands = [(i, m) for i, m in cands if not doc.text[max(0, m.start - 2):m.start].endswith(_NOT_ACTOR_BEFORE)
             and not doc.text[m.end:m.end + 1] == "的"
             and (not any(c in doc.text[m.end:pos] for c in CLAUSE_END) or _opens_clause(doc, ms, m))]
    if not cands:
        return []
    group = [cands[-1]]
    for i, m in reversed(cands[:-1]):
        gap = doc.text[m.end:group[-1][1].start]
        if gap.strip(QUOTES) in ("、", "和", "与", "及", "同", "以及"):
            group.append((i, m))
        elif group[-1][1].start > 0 and doc.text[group[-1][1].start - 1] in "与和同" and not any(c in gap for c in "。；;"):
            group.append((i, m))  # 甲……与乙合作推出: 甲 acts too
            break
        else:
            break
    return [i for i, _ in group]


def objects_after(doc: Doc, ms: list[tuple[int, Mention]], pos: int, types: tuple[str, ...],
                  stop: str = CLAUSE_END) -> list[int]:
    """Mentions of ``types`` after ``pos`` up to the end of the clause (lists with 、 continue it)."""
    end = pos
    while end < len(doc.text) and doc.text[end] not in stop and doc.text[end] != "\n":
        end += 1
    return [i for i, m in ms if pos <= m.start and m.end <= end and m.type in types and not m.implicit]


_TIME = re.compile(r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|去年|今年|明年|近年来|近年|近日|日前|目前|同时|此外|其间|"
                   r"随后|如今|当前|开年|以来|初|底|年初|年底|在|[，,、和与及])*$")


_WHERE = re.compile(r"^(?:位于|坐落于|地处)[^，,]{0,12}的$")


def _opens_clause(doc: Doc, ms: list[tuple[int, Mention]], m: Mention) -> bool:
    """Is ``m`` the subject of its clause: only a time phrase, 在 + a place, other names joined
    with 、/和, or 位于…的 before it?"""
    sent_start = doc.sentences[m.sentence].start if 0 <= m.sentence < len(doc.sentences) else 0
    k = m.start
    while k > sent_start and doc.text[k - 1] not in CLAUSE_END and doc.text[k - 1] not in "…—":
        k -= 1
    prefix = list(doc.text[k:m.start])
    for _, x in ms:  # names before it in the clause (在某市某街道，…) do not count
        if k <= x.start and x.end <= m.start:
            prefix[x.start - k:x.end - k] = [""] * (x.end - x.start)
    p = unquoted("".join(prefix))
    return bool(_TIME.match(p) or _WHERE.match(p))  # 位于某街道的某馆，先后获评…: still the subject


# places that have a committee or a management body of their own and so can act
BODY_PLACES = ("社区", "街道", "开发区", "园区", "自贸区", "片区", "新区")


def can_act(m: Mention) -> bool:
    """A place acts (launches, founds, is awarded) when it is an administrative area or a body."""
    from ..resolve.admin import is_admin

    name = m.key or m.label
    return m.type != "Place" or is_org_like(m) or is_admin(name) or name.endswith(BODY_PLACES)


def actors_with_fallback(doc: Doc, si: int, ms: list[tuple[int, Mention]], pos: int,
                         types: tuple[str, ...]) -> tuple[list[int], float]:
    """``actors``; else the place a pronoun (我市, 本区) stands for; else, when the sentence opens
    with a time and no subject (去年，出台…), the place its article names most.
    Returns the actors and a factor for the confidence."""
    found = actors(doc, ms, pos, types)
    if found:
        return found, 1.0
    sent = doc.sentences[si]
    p = None
    for p in _PRONOUN.finditer(doc.text, sent.start, pos):
        pass
    if p is not None and "Place" in types:
        place = pronoun_place(doc, p.group(1), sent.start)
        return ([place], 0.8) if place is not None else ([], 0.0)
    if "Place" in types and _TIME.match(unquoted(doc.text[sent.start:pos].split("，")[0].split(",")[0])):
        # 去年，出台…: a clause with no subject speaks of the place the article is about
        topic = pronoun_place(doc, "", pos)
        return ([topic], 0.6) if topic is not None else ([], 0.0)
    return [], 0.0


def pronoun_place(doc: Doc, level: str, before: int) -> int | None:
    """The mention, before ``before``, of the place of ``level`` (市, 区 …) the document names most.

    A page may hold several articles, each under its own title: the article around ``before``
    is asked first, the whole document only if it names no such place."""
    titles = [s.start for s in doc.sentences if s.kind == "title" and s.start <= before]
    nxt = [s.start for s in doc.sentences if s.kind == "title" and s.start > before]
    if titles:
        found = _most_named(doc, level, before, titles[-1], nxt[0] if nxt else len(doc.text))
        if found is not None:
            return found
    return _most_named(doc, level, before, 0, len(doc.text))


def _most_named(doc: Doc, level: str, before: int, lo: int, hi: int) -> int | None:
    from ..resolve.admin import is_admin, is_chinese_admin

    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for i, m in enumerate(doc.mentions):
        if not lo <= m.start < hi:
            continue
        name = m.key or m.label
        if m.type != "Place" or m.implicit:
            continue
        if not level and is_admin(name) or name.endswith(level) and level or (level == "市" and is_chinese_admin(name) and not name.endswith(("区", "县", "省"))
                                    and is_chinese_admin(name + "市")):
            counts[name] = counts.get(name, 0) + 1
            if m.start < before:
                last[name] = i
    best = sorted(counts, key=lambda n: (-counts[n], n))
    return next((last[n] for n in best if n in last), None)
