"""Component: organisations grown leftwards from their head (党委, 组织部, 有限公司, 学院, 中心 …).

Chinese unit names are compositional: place + 区委 + 组织部; company + 党支部. From each head the
name grows left over the words before it until a verb, a function word or punctuation; a quoted
name (“甲乙”党支部) or a place is taken in whole. A name whose left part is itself a unit yields
that unit too, as an *implicit* parent (区委组织部 → 区委). Generic facility types (党群服务中心)
are not names and are dropped.

>>> from kg.doc import Doc
>>> ms = recognize(Doc(path="x", text="昨天，苏州市吴中区委组织部召开会议。"))
>>> [(m.name or m.text, m.implicit) for m in ms]
[('苏州市吴中区委', True), ('苏州市吴中区委组织部', False)]
"""
from __future__ import annotations

import re
from functools import lru_cache

import jieba

from ..doc import Doc, Mention
from . import gazetteer
from . import places as place_rules
from .tokens import boundaries, glued_function_word, literal_regex, memo, plain_name, tag, token_at, token_ending, view
from .words import COUNTRIES, NATIONAL_ORGS, NOT_HEAD, OK_VERBS, POSTS, GENERIC_ORGS, LEADING, LEVELS, ONE_CHAR_HEADS, ORG_HEADS, ORGANS, STOP_WORDS

_HEADS = sorted(set(ORG_HEADS) | set(ORGANS) | {"队", "院"}, key=len, reverse=True)
_HEAD = re.compile("(?=(" + literal_regex(_HEADS) + "))")
_HEAD_SET = set(_HEADS)
_COUNTRIES = set(COUNTRIES)
_COMPANY_TAILS = {"有限公司", "股份有限公司", "有限责任公司", "公司", "集团公司"}
# institutions that are also places one visits
_VENUES = {"纪念馆", "展示馆", "博物馆", "展览馆", "图书馆", "文化馆", "科技馆", "美术馆", "学堂", "剧院", "党校", "大学", "学院", "医院"}
_NOT_HEAD = NOT_HEAD  # words that end like a head but are not units
_ONE = ONE_CHAR_HEADS | {"队", "院"}
_POSTS = tuple(POSTS)
# leadership posts end a name grown leftwards; trades and groups (工程师, 党员) may open one
_POST_SET = {p for p in POSTS if p.endswith(("长", "书记", "主任", "经理", "主席", "总裁", "总监", "理事长"))}
# Heads of departments and branches: what stands before them is a unit of its own (implicit parent).
_SUB_HEADS = ("组织部", "宣传部", "统战部", "政法委", "人才办", "办公室", "党委", "党工委", "党支部", "党总支", "支部", "总支",
              "分院", "分行", "支行", "分公司", "纪委", "监委", "处", "科", "中心", "研究院")
_PARENT_HEADS = tuple(h for h in _HEADS if len(h) > 1 and h not in ("中心", "工作室", "队"))
_GLUED_FUNCTION = set("以在由向对把被从将与及")  # prepositions and conjunctions jieba glues to a noun
_STOP_TAGS = {"v", "p", "c", "u", "uj", "ul", "ud", "uz", "ug", "uv", "d", "r", "m", "q", "f", "x", "y", "e", "o", "zg", "ad", "a", "i"}
_COMMON = {"n", "v", "vn", "a", "ad", "an", "d", "t", "m", "q", "b", "f", "s", "l", "i", "z"}
_NAMEY = {"", "nz", "nr", "nrt", "ns", "nt", "j", "nrfg", "eng"}
_NOUNISH = {"n", "nz", "ns", "nr", "nt", "nrt", "vn", "", "j", "l", "t"}
_OK_VERBS = OK_VERBS
_GENERIC_MODS = set("党群 服务 社区 便民 政务 游客 社会 组织 社会组织 新时代 文明 实践 基层 志愿 党员 综合 技能 大师 村 镇 街道 "
                    "共同富裕 有关 相关 职能 各 该 本 行业 县级 市级 省级 区级 镇级 村级 一站式 物业 企业 专项 工作 乡村 城市 "
                    "青年 人才 科技 创新 产业 学生 居民 群众 妇女 老年 儿童 党 团 中小 国际 公办 民办 义务教育 阶段 项目 重点 "
                    "各级 基层党 乡镇 村社 街镇 地方 代表 国家 中央 全国 省 市 区 县 临时 联合".split())
_NATIONAL = re.compile(literal_regex(NATIONAL_ORGS))
_LEADING = re.compile("^(?:[支个家名位批项座条所](?=[\u4e00-\u9fff]{2})|" + "|".join(map(re.escape, sorted(LEADING, key=len, reverse=True))) + ")")
_QUOTE_PAIRS = {"”": "“", "’": "‘", "」": "「", '"': '"'}
_MAX = 20
_FOUNDED_QUOTED = re.compile(r"(?:组建|成立|创办|创建|创立|筹建|组织成立)了?(“[^“”\n]{2,12}”)(?=[，。、；\n]|$)")


def _grow_left(doc: Doc, p: int, floor: int, places: dict[int, int]) -> int:
    """Start of the name whose head starts at ``p``; never before ``floor``."""
    text = view(doc)
    toks = _EndIndex(text)
    s = p
    while s > floor and p - s < _MAX:
        ch = text[s - 1]
        if ch in _QUOTE_PAIRS:  # “…” in whole
            o = text.rfind(_QUOTE_PAIRS[ch], max(floor, s - 14), s - 1)
            if o < 0 or "\n" in text[o:s]:
                break
            s = o
            continue
        if s in places:  # a known place ends here: take it in whole
            s = places[s]
            continue
        w = toks.get(s)
        if w is None:
            break
        word, a = w
        if a < floor or not re.match(r"^[\u4e00-\u9fffA-Za-z0-9]+$", word) or word.isdigit():
            break
        if word in STOP_WORDS or word in _POST_SET:
            break  # 医院院长某某代表医院: a post or verb ends the name
        t = tag(word)
        if word[-1] in _GLUED_FUNCTION and len(word) == 2 and not t or glued_function_word(word):
            # jieba's new words 线以 (…线以某学堂为枢纽), 据市 (据市气象局测定): a function word ends the name
            if word[-1] in LEVELS and word[-1] not in _GLUED_FUNCTION:
                s = a + 1  # the level (市) opens it
            break
        if t in _STOP_TAGS and word not in _OK_VERBS and not (t == "a" and len(word) == 1):
            # a verb inside a name (水利局排水管理服务处, 智能制造创新中心) sits between nouns
            before = toks.get(a)
            inside_ok = t == "v" and len(word) == 2 and p - s >= 2 and before is not None and tag(before[0]) in _NOUNISH \
                and re.match(r"^[\u4e00-\u9fff]+$", before[0]) is not None and before[0] not in STOP_WORDS
            if not (len(word) == 1 and word in LEVELS) and not inside_ok:
                break
        s = a
    return s


def grow_left(doc: Doc, p: int, floor: int, places: dict[int, int]) -> int:
    """Start of a name whose head starts at ``p`` (shared with events: 甲乙博览会)."""
    return _grow_left(doc, p, floor, places)


class _EndIndex:
    def __init__(self, text: str):
        self.text = text

    def get(self, end: int):
        return token_ending(self.text, end)


def _strip_leading(text: str, s: int, e: int) -> int:
    m = _LEADING.match(text[s:e])
    return s + m.end() if m and e - s - m.end() >= 2 else s


@lru_cache(maxsize=4096)  # every rule unit and every guessed one asks; names recur
def is_generic_unit(name: str, head: str) -> bool:
    """Whether ``name`` (ending with the unit word ``head``) is a kind of unit: the head alone or
    with generic modifiers and levels only (村党支部, 基层服务中心), not a named one.

    >>> is_generic_unit("村党支部", "党支部"), is_generic_unit("甲乙村党支部", "党支部")
    (True, False)
    """
    if name in GENERIC_ORGS or name == head:
        return True
    rest = name[: -len(head)]
    if not rest or len(rest) == 1 and rest not in LEVELS:
        return True
    if rest[0] in "省市区县" and len(rest) >= 3 and head in ONE_CHAR_HEADS:
        return False  # 区科技局, 县邮政局: the department of the article's own area
    words = jieba.lcut(rest)  # a short string: not the document's cached segmentation
    return all(w in _GENERIC_MODS or w in LEVELS for w in words)


def _is_generic(name: str, head: str) -> bool:
    if is_generic_unit(name, head):
        return True
    # 保险公司, 职业中学, 点票中心: a short kind of unit made of ordinary words, no name in it
    rest = name[: -len(head)]
    return len(rest) <= 3 and rest[0] not in LEVELS and all(tag(w) in _COMMON for w in jieba.lcut(rest))



def recognize(doc: Doc) -> list[Mention]:
    text = view(doc)
    bounds = boundaries(doc)
    local = memo(doc, "places", place_rules.recognize)
    places = {m.end: m.start for m in memo(doc, "gazetteer", gazetteer.recognize) + local}
    inner = {m.start: m.end for m in local}  # places below the county
    out: list[Mention] = []
    prev: Mention | None = None  # the last organisation, to chain heads (区委|组织部)
    covered = 0
    for m in _HEAD.finditer(text):
        p = m.start()
        if p < covered:
            continue
        head = _head_at(doc, p, m.group(1), bounds)
        if not head:
            continue
        q = p + len(head)
        covered = q
        floor = prev.end if prev is not None else 0
        floor = max(floor, text.rfind("\n", 0, p) + 1)
        tok = _tok_at(doc, p)
        start = tok[0][1] if tok and tok[0][1] < p and tok[0][2] == q else p  # 水利局: grow from 水利
        s = _grow_left(doc, start, floor, places) if start >= floor else p
        if prev is not None and s == prev.end and not prev.implicit:
            s = prev.start  # chain onto the unit just before: 区委|组织部, 公司|党支部
        s = _cut_at_place(text, s, p, places)
        s = _strip_leading(text, s, q)
        name = plain_name(text[s:q])
        if len(head) == 1 and len(name) < 3:
            continue
        if head.endswith("政府") and re.sub("(?:两国|新|联邦|临时)$", "", name[: -len(head)]) in _COUNTRIES:
            prev = None
            continue  # 美国政府: the country acting, named as a place
        if _is_generic(name, head) and not _is_level_organ(name):
            prev = None
            continue
        s = _drop_outer_place(text, s, p, places, inner)
        name = plain_name(text[s:q])
        type_ = "Award" if re.match(r"^(?:国家级|省级|市级|区级|县级)", name) else "Organization"  # a designation
        alt = ("Place",) if type_ == "Organization" and head in _VENUES else ()
        mention = Mention(s, q, text[s:q], type_, "rules.org", 0.7, name=name if name != text[s:q] else "", alt_types=alt)
        if prev is not None and prev.start == s and prev.end < q and not prev.implicit:
            if head in _COMPANY_TAILS and prev in out:  # 某某集团|有限公司: one company, not a parent
                out.remove(prev)
            else:
                prev.implicit = True
                prev.score = 0.65
        elif head in _SUB_HEADS:
            parent = _implicit_parent(text, s, p)
            if parent:
                out.append(parent)
        out.append(mention)
        prev = mention
    for m in _NATIONAL.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(), "Organization", "rules.org", 0.8))
    for m in _FOUNDED_QUOTED.finditer(text):  # 组建了“甲乙之家”: what is set up is a body
        if not any(o.start <= m.start(1) < o.end for o in out):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Organization", "rules.org", 0.6,
                               name=plain_name(m.group(1))))
    return _drop_nested_implicit(out)


def _head_at(doc: Doc, p: int, longest: str, bounds) -> str:
    """The longest head starting at ``p`` that the segmentation agrees is a head, or ''."""
    for n in range(len(longest), 0, -1):
        head = longest[:n]
        if head not in _HEAD_SET:
            continue
        q = p + n
        tok = _tok_at(doc, p)
        w, a, b = tok[0] if tok else ("", p, q)
        if text_at(doc, p - 1, q) in _NOT_HEAD or text_at(doc, p - 2, q) in _NOT_HEAD:
            continue
        if len(head) == 1 or head in _ONE:
            # 水利局, 交通局 (a word ending with the head) or 区|委; never 干部, 格局, 委员
            if b == q and (a == p or len(w) >= 3 and tag(w) in ("n", "nt", "nz", "ns", "")):
                return head  # not 陷入僵局
            continue
        if a == p and b == q or (p in bounds and q in bounds):
            return head
        if b == q and head in ORGANS:  # 吴中区|委 tokenised across the organ
            return head
        if a == p and b > q and w[n:].startswith(_POSTS):  # 党委书记
            return head
        if a < p and b == q and len(w) >= len(head) + 2:  # 工程院, 服务处
            return head
    return ""


def text_at(doc: Doc, s: int, e: int) -> str:
    return view(doc)[max(s, 0):e]


def _tok_at(doc: Doc, p: int):
    t = token_at(view(doc), p)
    return [t] if t[0] else []


def _cut_at_place(text: str, s: int, p: int, places: dict[int, int]) -> int:
    """发明人山西某研究所 → 山西某研究所: ordinary words before a place inside the name are not part of it."""
    starts = sorted(v for v in places.values() if s < v < p)
    if not starts:
        return s
    first = starts[0]
    if any(tag(w) in _NAMEY for w in jieba.lcut(text[s:first])):
        return s
    return first


def _drop_outer_place(text: str, s: int, p: int, places: dict[int, int], inner: dict[int, int]) -> int:
    """吴中|金山工业社区党委: a division written just before a town, village or community is not part
    of the unit's name (the unit is named after the smaller place)."""
    starts = {v: k for k, v in places.items()}
    e = starts.get(s)
    if e is not None and e < p and e in inner and inner[e] <= p:
        return e
    if e is not None and e < p and text[s:e].endswith(("省", "自治区")) and starts.get(e, p + 1) < p:
        return e  # 甲省|乙市煤气公司: news names the province on its own and the unit from the city
    return s


def _is_level_organ(name: str) -> bool:
    return len(name) == 2 and name[0] in LEVELS and name[1] == "委"


def _implicit_parent(text: str, s: int, p: int) -> Mention | None:
    """The unit named by text[s:p] when it ends with a unit head itself (…公司 in …公司党支部)."""
    part = text[s:p]
    name = plain_name(part)
    if len(name) < 2:
        return None
    if part.endswith(_PARENT_HEADS) or _is_level_organ(name) or (part.startswith("“") and part.endswith("”")):
        return Mention(s, p, part, "Organization", "rules.org", 0.6, name=name if name != part else "", implicit=True)
    return None


def _drop_nested_implicit(ms: list[Mention]) -> list[Mention]:
    """An implicit mention is kept only when it is the prefix of a kept name."""
    seen = set()
    out = []
    for m in ms:
        k = (m.start, m.end, m.implicit)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out
