"""Component: programs and events — quoted names with a head word, 《titles》, and named campaigns.

“甲乙”专项行动 and “甲乙”主题展 name a Program and an Event; the quoted core alone is emitted as
an implicit mention with the full name as ``key``, so it becomes an alias of the same entity.
Quoted items listed before 等…品牌/机制/举措 are programs of their own; 《…》 names a document or
work, or, as 《某某日报》 or 《某某》杂志, the publication (an organisation). Unquoted campaigns need a verb before them (实施甲乙工程).

>>> from kg.doc import Doc
>>> [(m.label, m.type, m.implicit) for m in recognize(Doc(path="x", text="开展“春风送暖”专项行动。"))]
[('春风送暖专项行动', 'Program', False), ('春风送暖', 'Program', True)]
>>> [m.label for m in recognize(Doc(path="x", text="打造“邻里帮”“红管家”等服务品牌"))]
['邻里帮', '红管家']
"""
from __future__ import annotations

import re

import jieba

from ..doc import Doc, Mention
from .tokens import boundaries, literal_regex, memo, plain_name, tag, view
from .words import EVENT_HEADS, PROGRAM_HEADS

_HEADS = {h: "Program" for h in PROGRAM_HEADS} | {h: "Event" for h in EVENT_HEADS}
_HEAD = literal_regex(_HEADS)
_HEAD_AT_END = re.compile("(?:" + "|".join(map(re.escape, sorted(_HEADS, key=len, reverse=True))) + ")$")
_Q = r"“([^“”\n]{2,24})”"
# a quoted name, then up to 12 characters of the rest of the name, then its head
_STOPS = "的等和与及在是被为入获将把向首个让使由从以并或也都还就"
# a quoted name, then what follows it up to a stop character
_QUOTED = re.compile(_Q + r"([^" + _STOPS + r"\W_]{0,12})")
_HEAD_END = re.compile("(?:" + _HEAD + ")")
_NOT_AFTER = re.compile("^(?:者|员|人|们|化|性|中|上|下|里)")
_LISTED = re.compile(r"((?:“[^“”\n]{2,16}”[、和及与]?){2,})(?:等(?:[\u4e00-\u9fff]{0,6})?)?(" + _HEAD + ")")
# unit words that open a programme's name before its quoted core: 社区“三清”管理体制
_UNIT_WORDS = ("社区", "街道", "乡镇", "村级", "村社", "企业", "园区", "机关", "学校", "两新")
_TITLE = re.compile(r"《([^《》\n]{2,30})》")
# a title that names a newspaper or magazine: the publication is an organisation (news convention)
_PERIODICAL = re.compile("(?:日报|晚报|时报|周报|邮报|画报|报|杂志|周刊|月刊|旬刊|半月刊)$")
_PERIODICAL_AFTER = re.compile("杂志社|杂志|周刊|月刊|报社|编辑部")
_PLAN = re.compile(r"“(十[一二三四五六七八九十]五)”")
_VERB = "实施|开展|推出|启动|推行|部署|深化|推进|落实|打造|创建|出台|发布|制定|举办|组织开展|深入实施|扎实开展|做优|做强|擦亮|塑造|推动|创新"
_UNQUOTED = re.compile(r"(?:" + _VERB + r")+([\u4e00-\u9fff]{2,10}?)(工程|专项行动|行动|计划|指引|三年行动|品牌|模式)(?=[，。、；和与及从\n])")
_NAMEY = {"", "nz", "nr", "nrt", "ns", "j", "nrfg"}
_UNQUOTED_LIST = re.compile(r"(?:推出|打造|形成|开展|推行|探索|创新)((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等(?:系列|一系列|多项)?(?:举措|品牌|机制|模式|活动|项目|载体|服务|做法)")
_GENERIC_PREFIX = {"党建", "服务", "工作", "志愿", "党员", "基层", "社区", "特色", "品牌", "创新", "治理", "发展", "管理"}
_SLOGAN_END = ("精神", "思想", "理念", "主义")


def _ends_with_head(s: str) -> str:
    m = _HEAD_AT_END.search(s)
    if not m or (m.group() == "展" and s[-2:-1] in "发进开拓扩伸施延"):
        return ""
    return m.group()


def _rightmost_head(rest: str) -> int | None:
    """Length of the longest start of ``rest`` that ends with a head (and is not a longer word)."""
    for n in range(len(rest), 0, -1):
        if _ends_with_head(rest[:n]) and not _NOT_AFTER.match(rest[n:]):
            return n
    return None


_EVENT_HEAD = re.compile("(?=(" + literal_regex(["大会", "论坛", "峰会", "博览会", "运动会", "亚运会", "奥运会", "冬奥会", "亚残运会",
                                                 "世博会", "进博会", "大赛", "艺术节", "文化节", "音乐节", "电影节", "交易会",
                                                 "展销会", "马拉松", "锦标赛", "联赛"]) + "))")
_SELF_EVENTS = {"亚运会", "奥运会", "冬奥会", "亚残运会", "世博会", "进博会"}


def _grown_events(doc: Doc, text: str, found: list[Mention]) -> list[Mention]:
    """Unquoted events named before their head: 广州亚运会, 第三届甲乙论坛."""
    from . import gazetteer, organizations

    places = {m.end: m.start for m in memo(doc, "gazetteer", gazetteer.recognize)}
    bounds = boundaries(doc)
    out = []
    for m in _EVENT_HEAD.finditer(text):
        p = m.start()
        q = p + len(m.group(1))
        if p not in bounds or q not in bounds or any(o.start <= p < o.end for o in found):
            continue
        s = organizations.grow_left(doc, p, max(0, text.rfind("\n", 0, p) + 1), places)
        s = p - len(re.sub(r"^(?:第[一二三四五六七八九十百0-9]+届|首届|本届|此次|这次)", "", text[s:p]))
        part = text[s:p]
        if not part and m.group(1) not in _SELF_EVENTS:
            continue
        if part and not (s in places.values() or any(tag(w) in _NAMEY for w in jieba.lcut(part)) or re.search(r"\d|[A-Za-z]", part)):
            continue  # 座谈大会, 表彰大会: no name
        out.append(Mention(s, q, text[s:q], "Event", "rules.program", 0.6))
    return out


def _alt(name: str, type_: str) -> tuple[str, ...]:
    """A second type the thing plausibly has: an exhibition or market held again and again is a
    programme too; a fund or a service post is run as a body."""
    if type_ == "Event" and name.endswith(("展", "集市", "讲堂", "大讲堂")):
        return ("Program",)
    if type_ == "Program" and name.endswith(("驿站", "基金", "联盟", "之家")):
        return ("Organization",)
    return ()


def _extend_left(text: str, s: int) -> int:
    """Take unit words and earlier quoted parts that open the name: 街道“大联合”社区“三清”… ."""
    while True:
        if text[max(0, s - 2):s] in _UNIT_WORDS and (s < 3 or text[s - 3] not in "的和与及、"):
            s -= 2
            continue
        if s > 0 and text[s - 1] == "”":
            o = text.rfind("“", max(0, s - 10), s - 1)
            if o > 1 and text[o - 2:o] in _UNIT_WORDS:
                s = o
                continue
        return s



def recognize(doc: Doc) -> list[Mention]:
    text = view(doc)
    out: list[Mention] = []
    for m in _QUOTED.finditer(text):
        core, rest = m.group(1), m.group(2)
        if core.endswith(_SLOGAN_END) or "，" in core or "。" in core or _ends_with_head(core) \
                or re.match("^(?:第[一二三四五六七八九十百0-9]|首[个批家项]|[一每各][个批家项])", core):
            continue
        end = _rightmost_head(rest)
        if end is None:
            continue
        head = _ends_with_head(rest[:end])
        if _HEADS[head] == "Program" and end > 6:
            continue
        type_ = _HEADS[head]
        e = m.end(1) + 1 + end
        s = _extend_left(text, m.start())
        full = plain_name(text[s:e])
        out.append(Mention(s, e, text[s:e], type_, "rules.program", 0.7, name=full, key=full, alt_types=_alt(full, type_)))
        out.append(Mention(m.start(1), m.end(1), core, type_, "rules.program", 0.6, name=plain_name(core), key=full, implicit=True))
    for m in _LISTED.finditer(text):
        head = m.group(2)
        for q in re.finditer(_Q, m.group(1)):
            s = m.start(1) + q.start()
            if any(o.start <= s < o.end and not o.implicit for o in out):
                continue
            out.append(Mention(s, s + len(q.group()), q.group(), _HEADS[head], "rules.program", 0.6, name=plain_name(q.group(1))))
    for m in _QUOTED_SELF.finditer(text):
        core = m.group(1)
        if any(o.start <= m.start() < o.end for o in out):
            continue
        h = _ends_with_head(core)
        if h in ("服务", "改革", "经验", "做法", "系统", "平台", "课程", "课堂") and (len(core) < 8 or "为" in core):
            continue  # “全心全意为人民服务”: a slogan, not a programme
        if h and len(core) > len(h) + 1 and not core.endswith(_SLOGAN_END) and core[: -len(h)] not in _GENERIC_PREFIX:
            out.append(Mention(m.start(), m.end(), m.group(), _HEADS[h], "rules.program", 0.6, name=plain_name(core)))
    out.extend(_grown_events(doc, text, out))
    for m in _PLAN.finditer(text):
        out.append(Mention(m.start(1), m.end(1), m.group(1), "Program", "rules.program", 0.7))
    for m in _UNQUOTED_LIST.finditer(text):
        base = m.start(1)
        for part in m.group(1).split("、"):
            words = jieba.lcut(part)
            plain = len(words) == 1 and tag(part) not in ("", "nz") or all(tag(w) in ("v", "vn") for w in words)
            if not plain and not any(o.start <= base < o.end for o in out):  # not 培训, 学习分享
                out.append(Mention(base, base + len(part), part, "Program", "rules.program", 0.55))
            base += len(part) + 1
    for m in _TITLE.finditer(text):
        after = _PERIODICAL_AFTER.match(text, m.end())
        if after:  # 《甲乙》杂志: the magazine, a publisher
            out.append(Mention(m.start(), after.end(), text[m.start():after.end()], "Organization", "rules.program", 0.6))
        elif _PERIODICAL.search(m.group(1)):  # 《甲乙日报》: the newspaper that publishes it
            out.append(Mention(m.start(1), m.end(1), m.group(1), "Organization", "rules.program", 0.6))
        else:
            out.append(Mention(m.start(), m.end(), m.group(), "Program", "rules.program", 0.6))
    for m in _UNQUOTED.finditer(text):
        s, e = m.start(1), m.end(2)
        if any(o.start < e and s < o.end for o in out):
            continue
        if m.group(2) in ("品牌", "模式") and not any(tag(w) in _NAMEY for w in jieba.lcut(m.group(1))):
            continue  # 塑造工业社区品牌: ordinary words, no name
        out.append(Mention(s, e, text[s:e], "Program", "rules.program", 0.5))
    return out


# a quoted name that ends with a head itself: “吴中模式”, “清风工程”
_QUOTED_SELF = re.compile(_Q)
