"""Settle overlapping proposals: one reading per stretch of text.

Identical spans of the same type from several components merge and their agreement raises the
confidence; the same span proposed with different types keeps the most confident type and lists
the others in ``alt_types``. Then longer spans win over the fragments inside them (a little
confidence can make up for a character or two). Nested spans marked ``implicit`` (a parent named
inside a child's name) are kept when the name that holds them is kept; so is an organisation that
opens an award's name (乙研究院 in 乙研究院院士).

>>> from kg.doc import Mention
>>> a = Mention(0, 3, "吴中区", "Place", "x", 0.5)
>>> b = Mention(0, 2, "吴中", "Place", "y", 0.9)
>>> [m.text for m in settle([a, b])]
['吴中区']
>>> c = Mention(0, 3, "吴中区", "Place", "z", 0.5)
>>> [(m.source, round(m.score, 2)) for m in settle([a, c])]
[('x+z', 0.75)]
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba

from ..doc import Mention
from .organizations import is_generic_unit
from .statistical import listed_type
from .tokens import glued_function_word, tag
from .words import CLAUSE_VERBS, GENERIC_ORGS, NOT_HEAD, ORG_HEADS, SURNAMES_1, SURNAMES_2, TRANSLITERATION


# Components that guess from statistics rather than from the structure of a name: they confirm a
# rule's reading (agreement raises its confidence) and fill the text no rule covers, but never
# cut across a rule's name (吴中区木渎街 against 吴中区|木渎街道). They may only extend one: a unit
# that opens with the places or units rules found (_unit_over_places), or add a person inside a
# title (_names_inside_title).
STATISTICAL = {"crf"}


# The score of a guess is the model's mean marginal probability of its labels (forward-backward).
# Held-out msra-val / pd-dev (fold 0): 0.8 and 0.5 gave 0.769 / 0.776 against 0.752 / 0.755 for the
# earlier per-character softmax score at 0.5 / 0.3; at 0.5 / 0.5 news gains a point more but the
# Party-building dev articles lose two (generic 培训基地, verbs glued to a place: 某市部署).
MIN_GUESS = 0.8  # below this a statistical guess that no rule confirms is left out
MIN_PERSON_GUESS = 0.5  # a surname-led two-to-four-character guess is a name more often than not
# a guess that is one word jieba's dictionary lists with the same type (nr, ns, nt) needs 0.5 too
# (held-out msra-val 0.779 → 0.785, pd-dev 0.782 → 0.787; seeds-dev 0.931 → 0.925)
MIN_LISTED_GUESS = 0.5
_DATE = re.compile("[0-9０-９一二三四五六七八九十〇零两]+[日月年号]|[0-9０-９一二三四五六七八九十]+世纪")
# ordinary nouns that end like a unit (北部, 格局, 创办); not the bodies (部队, 球队, 外科)
_NOT_UNIT_ENDS = tuple(sorted(w for w in NOT_HEAD if not w.endswith(("队", "科", "院", "员"))))
_PLACE_WORDS = ("党", "街道", "社区", "村", "镇", "乡", "区", "县", "市", "省")  # 某某街道组织: the local bodies
_HEADS_LONGEST_FIRST = sorted(ORG_HEADS, key=len, reverse=True)
_GROUPS = ("党组织", "部门", "单位", "机关", "组织", "队伍", "群体")
_GENERIC_OPENERS = ("广大", "基层", "各级", "全体", "各类", "相关", "有关", "单建", "联建", "首创", "幸福", "美好")


def _surname_name(t: str) -> bool:
    """Two to four Chinese characters opening with a common surname (王建华, 欧阳明)."""
    return 2 <= len(t) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in t) and (t[0] in SURNAMES_1 or t[:2] in SURNAMES_2)


def _foreign_name(t: str) -> bool:
    """Three or more transliteration characters (萨马兰奇, 玛丽·居里)."""
    return len(t) >= 3 and all(c in TRANSLITERATION for c in t) and not t.startswith("·") and not t.endswith("·")


@lru_cache(maxsize=4096)  # called for every guess: the same names recur
def _holds_a_verb(t: str) -> bool:
    """A verb that ends names when they are grown (创办, 部署, 成立) inside a guess: 某地|创办|公司,
    某市|部署 — the model ran a place into the clause."""
    return any(w in CLAUSE_VERBS for w in jieba.lcut(t))


def usable_guess(m: Mention) -> bool:
    """Whether a statistical guess that no rule proposed joins the mentions: the model is
    confident, and an organisation is a named unit rather than a kind or a group (发改部门,
    基层党组织). Word boundaries are not required: jieba often glues a name to the next word
    (某县委|书记, a person's name run into a verb), and the model was trained for exactly that.

    >>> usable_guess(Mention(0, 4, "发改部门", "Organization", "crf", 0.9))
    False
    >>> usable_guess(Mention(0, 3, "王建华", "Person", "crf", 0.7))
    True
    >>> usable_guess(Mention(0, 3, "王建华", "Person", "crf", 0.2))
    False
    """
    t = m.text
    if m.type in _UNIT_PARTS and (_DATE.search(t) or (m.type == "Organization" and t.endswith(_NOT_UNIT_ENDS))
                                  or _holds_a_verb(t)):
        return False  # 某国二十八日, 某市旅游新格局, 某地中北部, 某地创办公司: not a name
    if m.type == "Person" and (_surname_name(t) or _foreign_name(t)):
        return m.score >= MIN_PERSON_GUESS
    if m.score < (MIN_LISTED_GUESS if listed_type(t) == m.type else MIN_GUESS):
        return False
    if m.type == "Organization" and t.endswith("组织") and len(t) >= 6 and not t[:-2].endswith(_PLACE_WORDS):
        return not t.startswith(_GENERIC_OPENERS)  # 美洲国家组织, 国际货币基金组织: named; 社会组织 is a kind
    if m.type != "Organization":
        return True
    head = next((h for h in _HEADS_LONGEST_FIRST if t.endswith(h)), "")
    # a kind, not a name: 发改部门, 基层党组织, 研究院 alone, 临时党支部, 村党支部 (the rules' own test)
    return not (t.endswith(_GROUPS) or t.startswith(_GENERIC_OPENERS) or t in GENERIC_ORGS or t in ORG_HEADS
                or (head and is_generic_unit(t, head)))


_TITLE_TYPES = ("Program", "Event", "Award")
_UNIT_PARTS = ("Place", "Organization")
# "a country's government, army, police": news names the country and leaves these untagged
_AUTHORITIES = {"政府", "军方", "当局", "警方", "方面", "军队", "人民", "官方"}


def _names_inside_title(g: Mention, under: list[Mention]) -> bool:
    """A person named inside a title (《王甲文选》, “李乙杯”) is mentioned too. (Places and units
    inside titles are mostly kinds: 省级创新中心, 培训基地.)"""
    return (
        g.type == "Person"
        and len(under) == 1
        and under[0].type in _TITLE_TYPES
        and under[0].start <= g.start
        and g.end <= under[0].end
    )


def _unit_over_places(g: Mention, under: list[Mention]) -> bool:
    """A guessed unit that opens with places or units the rules found, and goes on past them, is
    one name (甲市妇联, 乙国农林部, 某某出版社编辑室): rules know a fixed list of unit words, the
    model has seen more."""
    last = max(m.end for m in under)
    return (
        g.type == "Organization"
        and all(m.type in _UNIT_PARTS and g.start <= m.start and m.end <= g.end for m in under)
        and min(m.start for m in under) == g.start
        and last < g.end
        and g.text[last - g.start :] not in _AUTHORITIES
    )


# last characters of a place's name (莫斯科市, 某某联盟共和国, 某某次大陆, 某某海峡)
_PLACE_ENDS = set("市省县区州国岛洲陆峡湾湖山河江海港村镇乡城")


def _place_over_place(g: Mention, under: list[Mention]) -> bool:
    """A guessed place that opens with one place the rules found and goes on to a place word is
    the longer name (莫斯科市 over 莫斯科, 某某联盟共和国 over 某某): the gazetteer has the short
    form, the model read the whole."""
    return (
        g.type == "Place"
        and len(under) == 1
        and under[0].type == "Place"
        and under[0].start == g.start
        and under[0].end < g.end
        and g.text[-1] in _PLACE_ENDS
    )


def _person_over_place(g: Mention, under: list[Mention]) -> bool:
    """A surname-led person whose given name is also a place (王安康 over 安康) is the person."""
    return (
        g.type == "Person"
        and _surname_name(g.text)
        and g.score >= MIN_GUESS
        and len(under) == 1
        and under[0].type == "Place"
        and g.start < under[0].start
        and under[0].end == g.end
    )


def _longer_person(g: Mention, under: list[Mention]) -> bool:
    """A confident person guess one character longer than the rule's name at the same start
    (许某乙 over 许某): rules choose between a one- and a two-character given name by the word
    boundaries alone, the model reads the context."""
    return (
        g.type == "Person"
        and g.score >= MIN_GUESS
        and len(under) == 1
        and under[0].type == "Person"
        and under[0].start == g.start
        and under[0].end + 1 == g.end
        and _surname_name(g.text)
    )


_VERBISH = {"v", "p", "d", "c", "ad", "r", "u", "uj", "ul"}


def _unit_grown_over_verbs(g: Mention, under: list[Mention]) -> bool:
    """A confident guessed unit that ends a rule's unit whose extra words in front include a verb,
    an adverb or a preposition (首破|某某队, 轻松地为|某某队, 甲队主场迎战|乙队): the rule grew past
    the name."""
    if not (g.type == "Organization" and g.score >= 0.9 and len(under) == 1):
        return False
    u = under[0]
    if not (u.type == "Organization" and u.start < g.start and u.end == g.end):
        return False
    return any(tag(w) in _VERBISH or glued_function_word(w) for w in jieba.lcut(u.text[: g.start - u.start]))


def _rank(m: Mention) -> float:
    return (m.end - m.start) + m.score


def settle(candidates: list[Mention]) -> list[Mention]:
    rules = [m for m in candidates if m.source not in STATISTICAL]
    guesses = [m for m in candidates if m.source in STATISTICAL]
    if not guesses or not rules:
        return _settle(candidates)
    kept = _settle(rules)
    exact = {(m.start, m.end, m.type): m for m in kept if not m.implicit}
    owner = [-1] * (max((m.end for m in candidates), default=0) + 1)  # rule mention over each character
    for i, m in enumerate(kept):
        if not m.implicit:
            owner[m.start:m.end] = [i] * (m.end - m.start)
    free, dropped = [], set()
    for g in guesses:
        hit = exact.get((g.start, g.end, g.type))
        if hit is not None:
            hit.score = 1 - (1 - hit.score) * (1 - g.score)
            if g.source not in hit.source.split("+"):
                hit.source = "+".join(sorted(hit.source.split("+") + [g.source]))
            continue
        under = {owner[i] for i in range(g.start, g.end)} - {-1}
        rules_under = [kept[i] for i in under]
        if not under:
            free.append(g)
        elif _names_inside_title(g, rules_under):
            free.append(g)
        elif _unit_over_places(g, rules_under) or _place_over_place(g, rules_under) or _person_over_place(g, rules_under) \
                or _longer_person(g, rules_under) or _unit_grown_over_verbs(g, rules_under):
            free.append(g)
            dropped |= under
    kept = [m for i, m in enumerate(kept) if i not in dropped]
    out = kept + [m for m in _settle(free) if not m.implicit]
    out.sort(key=lambda m: (m.start, -m.end, m.type))
    return out


def _settle(candidates: list[Mention]) -> list[Mention]:
    merged: dict[tuple[int, int, str, bool], Mention] = {}
    for m in candidates:
        k = (m.start, m.end, m.type, m.implicit)
        old = merged.get(k)
        if old is None:
            merged[k] = Mention(**{**m.__dict__})
            continue
        old.score = 1 - (1 - old.score) * (1 - m.score)
        sources = old.source.split("+")
        if m.source not in sources:
            old.source = "+".join(sorted(sources + [m.source]))
        old.alt_types = tuple(dict.fromkeys(old.alt_types + m.alt_types))
        old.name = old.name or m.name
        old.key = old.key or m.key
    # one type per span: the most confident; the others become alternatives
    by_span: dict[tuple[int, int, bool], list[Mention]] = {}
    for m in merged.values():
        by_span.setdefault((m.start, m.end, m.implicit), []).append(m)
    single: list[Mention] = []
    for group in by_span.values():
        group.sort(key=lambda m: (-m.score, m.type))
        best = group[0]
        alts = [g.type for g in group[1:] if g.score >= 0.5 and g.type not in best.alt_types]
        best.alt_types = tuple(t for t in best.alt_types + tuple(alts) if t != best.type)
        single.append(best)
    ranked = sorted(single, key=lambda m: (-_rank(m), m.start, m.type))
    taken = bytearray(max((m.end for m in ranked), default=0) + 1)
    kept: list[Mention] = []
    for m in ranked:
        if m.implicit or any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\1" * (m.end - m.start)
        kept.append(m)
    holders = sorted((m.start, m.end, m.type) for m in kept)
    names_kept = {m.name or m.text for m in kept} | {m.key for m in kept if m.key}
    extra: list[Mention] = []
    seen: set[tuple[int, int, str]] = {(m.start, m.end, m.type) for m in kept}
    for m in ranked:
        if (m.start, m.end, m.type) in seen:
            continue
        inside = [h for h in holders if h[0] <= m.start and m.end <= h[1] and (h[1] - h[0]) > (m.end - m.start)]
        if not inside:
            continue
        opens_award = m.type == "Organization" and any(h[2] == "Award" and h[0] == m.start for h in inside)
        if m.implicit and m.key and m.key not in names_kept:
            continue  # the core of a programme whose full name lost to another reading
        if m.implicit or opens_award:
            m.implicit = True
            extra.append(m)
            seen.add((m.start, m.end, m.type))
    kept.extend(extra)
    kept.sort(key=lambda m: (m.start, -m.end, m.type))
    return kept
