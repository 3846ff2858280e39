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
    for suffix, rank in ADMIN_RANK:
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
        out.setdefault(m.sentence, []).append(i)
    for v in out.values():
        v.sort(key=lambda i: (doc.mentions[i].start, -doc.mentions[i].end))
    return out


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
_NOT_ACTOR_BEFORE = ("被", "在", "到", "于", "走进", "来到", "赴", "向", "对", "为")


def actors(doc: Doc, ms: list[tuple[int, Mention]], pos: int, types: tuple[str, ...]) -> list[int]:
    """Who does the verb at ``pos``: the nearest fitting mention before it in the sentence, with
    those coordinated with it (甲、乙 …; 甲与乙合作 …).

    ``ms`` is the sentence's (index, mention) list in text order.
    """
    cands = [(i, m) for i, m in ms if m.end <= pos and not m.implicit and (m.type in types or
             any(t in types for t in m.alt_types))]
    cands = [(i, m) for i, m in cands if not doc.text[max(0, m.start - 2):m.start].endswith(_NOT_ACTOR_BEFORE)
             and not doc.text[m.end:m.end + 1] == "的"]
    if not cands:
        return []
    group = [cands[-1]]
    for i, m in reversed(cands[:-1]):
        gap = doc.text[m.end:group[-1][1].start]
        if gap.strip(QUOTES) in ("、", "和", "与", "及", "同", ",", "，"):
            group.append((i, m))
        elif doc.text[group[-1][1].start - 1:group[-1][1].start] in "与和同" and not any(c in gap for c in "。；;"):
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
