"""Component: places below the county, found by their suffix (街道, 镇, 村, 社区, 路 …).

A name part of 2–4 characters (up to 6 for parks, trails and zones) stands before the suffix. It
starts right after a known place (吴中区|木渎街道|金山村), punctuation or a function word, or at a
word boundary, and must not be an ordinary word (城乡社区, 美丽城镇). Lists share one suffix:
"甲、乙等村" gives 甲 and 乙 as villages.

>>> from kg.doc import Doc
>>> [m.text for m in recognize(Doc(path="x", text="在苏州市吴中区桃源街道青松村和城乡社区"))]
['桃源街道', '青松村']
>>> [m.text for m in recognize(Doc(path="x", text="在石岭、云溪等村设立服务点"))]
['石岭', '云溪']
"""
from __future__ import annotations

import re

from ..doc import Doc, Mention
from . import gazetteer
from .tokens import memo, boundaries, literal_regex, tag, token_at, tokens_in, view
from .words import GENERIC_PLACE_PARTS, PLACE_SUFFIXES, STOP_WORDS

_SUFFIX = re.compile(literal_regex(PLACE_SUFFIXES))
# units that also act as bodies (the community's Party committee speaks for it)
_BODIES = {"工业社区", "社区", "街道", "镇", "乡", "村"}
_LONG = {"步道", "绿道", "产业园", "工业园", "科技园", "园区", "小镇", "公园", "广场", "农贸市场", "片区", "景区"}
_HARD = set("，。、；：！？“”‘’《》（）()「」 \n\t—…·,.;:!?") | set("的在和与及或是了到对从于由让向往至即")
_BAD_CHARS = set("的了是在和与及或等个这那其各每该我你他她们着过也都就还把被将为以于所之而从由让向往至即对"
                 "进出驻促推建抓帮带办给入去来到找做有无省市区县镇街用自")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_WORD_TAGS = {"v", "vn", "a", "ad", "d", "p", "c", "u", "r", "m", "q", "f", "uj", "ul", "l", "i"}
_NAME_TAGS = {"", "ns", "nr", "nrt", "nz", "nt", "j", "nrfg"}
_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})等(村|镇|乡|社区|街道)")


def _part_ok(part: str, whole: str) -> bool:
    if not _CJK.match(part) or part in GENERIC_PLACE_PARTS or any(c in _BAD_CHARS for c in part):
        return False
    if part[-1] in "个名家座条位城乡农" or part[0] in "第每各全该本某这那":
        return False
    t = tag(whole)
    return not (t and t not in ("ns", "nz", "nt", "nr", "nrt"))  # 长征路, 美丽城镇: words, not names


def recognize(doc: Doc) -> list[Mention]:
    text = view(doc)
    bounds = boundaries(doc)
    known = memo(doc, "gazetteer", gazetteer.recognize)
    ends = {m.end for m in known}
    out: list[Mention] = []
    for m in _SUFFIX.finditer(text):
        p, q, suf = m.start(), m.end(), m.group()
        if q not in bounds:
            word = token_at(text, q)[0] if q < len(text) else ""
            if tag(word) not in ("", "ns", "nr", "nrt", "nt"):
                continue  # suffix glued to a following word: 村民, 镇长
        if p not in bounds:
            word = token_at(text, p)[0]
            if tag(word) not in ("", "ns", "nr", "nrt", "nt"):
                continue  # the suffix belongs to a word: 乡村, 农村, 线路, 思路
        prev_end = max((e for e in ends if p - 7 < e <= p), default=-1)
        found = None
        for n in range(6 if suf in _LONG else 4, 1, -1):
            s = p - n
            if s < 0 or s < prev_end:
                continue
            anchored = s == 0 or s == prev_end or text[s - 1] in _HARD
            if not anchored and s not in bounds:
                continue
            part = text[s:p]
            if not _part_ok(part, part + suf):
                continue
            inner = [w for w, a, b in _tokens_between(doc, s, p)]
            around = [w for w, a, b in _around(text, s, p)]
            bad = _WORD_TAGS - {"vn", "v"} if suf in _LONG else _WORD_TAGS  # 健身步道, 休闲绿道
            if any(w in STOP_WORDS or tag(w) in bad for w in inner if len(w) > 1 or w in STOP_WORDS):
                continue
            if inner and tag(inner[0]) in ("v", "vn") and len(inner) > 1:
                continue  # 完成|智能制造产业园: a verb opening the part is the predicate
            if not any(tag(w) in _NAME_TAGS or len(w) == 1 for w in around) and not (anchored and len(inner) == 1 and len(part) <= 3):
                continue  # made only of ordinary words: 不同类型社区, 美丽城镇
            found = (s, 0.7 if anchored else 0.55)
            break
        if found:
            s, score = found
            alt = ("Organization",) if suf in _BODIES else ()
            out.append(Mention(s, q, text[s:q], "Place", "rules.place", score, alt_types=alt))
            ends.add(q)
    for m in _LIST.finditer(text):
        base = m.start(1)
        parts = m.group(1).split("、")
        while parts[0] and parts[0][0] in _BAD_CHARS:  # 在|石岭、云溪等村
            parts[0] = parts[0][1:]
            base += 1
        for part in parts:
            if _part_ok(part, part + m.group(2)):
                out.append(Mention(base, base + len(part), part, "Place", "rules.place", 0.6, key=part + m.group(2)))
            base += len(part) + 1
    out.sort(key=lambda x: (x.start, x.end))
    return out


def _around(text: str, s: int, e: int):
    out, i = [], s
    while i < e:
        t = token_at(text, i)
        out.append(t)
        i = max(t[2], i + 1)
    return out


def _tokens_between(doc: Doc, s: int, e: int):
    return tokens_in(view(doc), s, e)
