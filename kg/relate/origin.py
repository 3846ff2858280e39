"""Component: where a person comes from (hometown_of, born_in, nationality).

``甲是某某人乙的家乡`` / ``乙的家乡甲`` → 乙 hometown_of 甲; ``乙出生于甲`` → born_in;
``来自甲的乙`` where 甲 is not a Chinese administrative name → 乙 nationality 甲 (a country);
a country before a trade, after the person or before the name (``乙，某国著名演员``, ``乙是某国籍球员``,
``某国钢琴家乙``), or ``国籍：某国`` after a name → nationality; ``乙，祖籍甲`` and ``乙，甲人`` →
hometown_of.

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "来自挪威的汉森说。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(2, 4, "挪威", "Place", "t", sentence=0), Mention(5, 7, "汉森", "Person", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('nationality', '汉森', '挪威')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from ..recognize.words import COUNTRIES
from ..resolve.admin import is_chinese_admin
from .spans import CLAUSE_END, by_sentence

_COUNTRIES = set(COUNTRIES)
_TRADES = ("演员", "歌手", "运动员", "导演", "作家", "球员", "选手", "诗人", "画家", "科学家", "政治家", "企业家", "音乐家",
           "主持人", "模特", "教练", "棋手", "艺术家", "学者", "外交官", "军事家", "物理学家", "数学家", "哲学家", "经济学家",
           "歌唱家", "舞蹈家", "编剧", "制片人", "作曲家", "漫画家", "书法家", "演奏家", "钢琴家", "小提琴家", "指挥家",
           "设计师", "建筑师", "摄影师", "小说家", "剧作家", "评论家", "翻译家", "教育家", "思想家", "革命家", "化学家",
           "天文学家", "生物学家", "历史学家", "社会学家", "心理学家", "医学家", "发明家", "探险家", "航天员", "宇航员")
# the words between a country and the trade: 内地, 著名, 女, 足球, 职业 … (no clause end, no verb of its own)
_TRADE_AFTER = re.compile("(?:[人籍](?![\u4e00-\u9fff])|籍?[\u4e00-\u9fff]{0,6}?(?:" + "|".join(_TRADES) + "))")
_NATIONALITY_FIELD = re.compile(r"(?:国籍|国家|国家及地区)[:：]\s*")
_ANCESTRAL = re.compile(r"(?:祖籍|原籍|籍贯)(?:是|为|[:：])?\s*")

SOURCE = "relate.origin"


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = profile_fields(doc)
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
            if m.type == "Place" and (m.key or m.label) in _COUNTRIES:
                out += _trade_nationality(doc, ms, k, si)
            elif m.type == "Place" and (k == 0 or ms[k - 1][1].type != "Place" or ms[k - 1][1].end != m.start):
                out += _native_of(doc, ms, k, si)
            if m.type == "Place" and text[m.start - 2:m.start] == "来自" and nxt and nxt[1].type == "Person":
                gap = text[m.end:nxt[1].start]
                if gap.startswith("的") and len(gap) <= 8 and not any(c in gap for c in CLAUSE_END):
                    if not is_chinese_admin(m.key or m.label):
                        out.append(Relation("nationality", nxt[0], i, si, SOURCE, 0.75))
    return out


def _trade_nationality(doc: Doc, ms: list, k: int, si: int) -> list[Relation]:
    """某国 + a trade: the person just before it in the sentence (乙，某国内地女演员; 乙是某国籍
    球员; 乙，土耳其人) or the name right after the trade (某国钢琴家乙)."""
    text = doc.text
    i, c = ms[k]
    after = _TRADE_AFTER.match(text, c.end)
    if not after:
        return []
    nxt = ms[k + 1] if k + 1 < len(ms) else None
    if nxt and nxt[1].type == "Person" and nxt[1].start == after.end():
        return [Relation("nationality", nxt[0], i, si, SOURCE, 0.7)]
    if re.match("[\u4e00-\u9fffA-Za-z]", text[after.end():after.end() + 1]):
        return []  # 某国歌手某某 whose name was not found, 某国导演包括…: not the earlier person's trade
    before = [(j, x) for j, x in ms[:k] if x.type == "Person"]
    if not before:
        return []
    j, p = before[-1]
    gap = text[p.end:c.start]
    between = [x for _, x in ms if p.end <= x.start and x.end <= c.start and x.type == "Person"]
    if len(gap) <= 40 and not between and "。" not in gap and "；" not in gap:
        return [Relation("nationality", j, i, si, SOURCE, 0.65)]
    return []


def _native_of(doc: Doc, ms: list, k: int, si: int) -> list[Relation]:
    """乙，山东莱阳人: a run of places and 人 right after a person's name and a comma — where the
    person is from (hometown_of the first place, as written)."""
    text = doc.text
    n = k
    while n + 1 < len(ms) and ms[n + 1][1].type == "Place" and ms[n + 1][1].start == ms[n][1].end:
        n += 1
    end = ms[n][1].end
    if text[end:end + 1] != "人" or re.match("[\u4e00-\u9fff]", text[end + 1:end + 2]):
        return []
    people = [(j, x) for j, x in ms[:k] if x.type == "Person"]
    if not people:
        return []
    gap = text[people[-1][1].end:ms[k][1].start]
    if not gap.startswith(("，", ",")) or len(gap) > 30 or "。" in gap or any(
            x.type == "Person" for _, x in ms if people[-1][1].end <= x.start < ms[k][1].start):
        return []
    return [Relation("hometown_of", people[-1][0], ms[k][0], si, SOURCE, 0.65)]


def profile_fields(doc: Doc) -> list[Relation]:
    """A profile's ``国籍：某国`` field: the nationality of the person named last before it; and
    ``祖籍/原籍/籍贯 某地``: that person's hometown (the first place written: 福建同安 → 福建)."""
    out = []
    place_at = {m.start: i for i, m in enumerate(doc.mentions) if m.type == "Place" and not m.implicit}
    people = [(i, m) for i, m in enumerate(doc.mentions) if m.type == "Person" and not m.implicit]
    for pattern, kind in ((_NATIONALITY_FIELD, "nationality"), (_ANCESTRAL, "hometown_of")):
        for f in pattern.finditer(doc.text):
            place = place_at.get(f.end())
            before = [i for i, m in people if m.end <= f.start() and f.start() - m.end <= 80]
            if place is not None and before:
                out.append(Relation(kind, before[-1], place, doc.mentions[place].sentence, SOURCE, 0.7))
    return out
