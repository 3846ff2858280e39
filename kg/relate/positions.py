"""Component: a person holds a post in an organisation (holds_position, role = the post).

Reads ``ORG[的…]POST PERSON`` (青州某某公司董事长张三), ``作为ORG的POST，…PERSON`` and a post whose
unit is implicit (社区党委书记张三 after 某某社区 in the same sentence: the unit named before it).
When the organisation is written as a place plus a party unit (某某社区 + 党委书记) the party
committee 某某社区党委 is added as an organisation located in that place.

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "青松公司董事长王小明说。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(0, 4, "青松公司", "Organization", "t", sentence=0),
...               Mention(7, 10, "王小明", "Person", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].text, d.mentions[r.object].text, r.role) for r in recognize(d)]
[('holds_position', '王小明', '青松公司', '董事长')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from ..resolve.admin import is_admin
from .spans import CLAUSE_END, QUOTES, ensure_mention, is_org_like, sentences_with_mentions

SOURCE = "relate.positions"

# Party units that open a post (党委 + 书记): with a place before them they name a committee.
PARTY_UNITS = ("党工委", "党总支", "党支部", "党委", "党组", "支部")
POSTS = (
    "书记", "副书记", "第一书记", "董事长", "副董事长", "董事", "总经理", "副总经理", "经理", "总裁",
    "副总裁", "副总", "总监", "首席执行官", "首席工程师", "首席科学家", "总工程师", "主任", "副主任",
    "局长", "副局长", "处长", "副处长", "科长", "部长", "副部长", "院长", "副院长", "校长", "副校长",
    "馆长", "副馆长", "站长", "所长", "社长", "厂长", "行长", "会长", "副会长", "理事长", "秘书长",
    "主席", "副主席", "组织委员", "宣传委员", "纪检委员", "组织干事", "干事", "负责人", "创始人",
    "队长", "村长", "镇长", "乡长", "区长", "县长", "市长", "省长", "主任委员",
    "总理", "副总理", "首相", "副首相", "总统", "副总统", "外长", "州长", "副省长", "副市长", "副县长", "副区长",
    "大使", "总领事", "常委", "委员", "秘书", "团长", "政委", "司令员", "参谋长", "总编辑", "副总编辑", "主编",
    "书记员", "执行董事", "监事长", "总书记",
)
# Generic unit words that may stand before a post when the unit itself was named earlier.
GENERIC_UNITS = ("工业社区", "社区", "村", "街道", "镇", "乡", "公司", "企业", "学院", "中心")

_alt = lambda xs: "|".join(sorted(map(re.escape, xs), key=len, reverse=True))  # noqa: E731
POST_RE = re.compile(f"(?:{_alt(GENERIC_UNITS)})?(?:{_alt(PARTY_UNITS)})?(?:{_alt(POSTS)})")
# between the organisation and its post: nothing, quote marks, or 的 with a short descriptor;
# 原/前/时任 (former, then) may open the post
_ORG_GAP = re.compile(f"^[{QUOTES}\\s]*(?:[（(][^（）()]{{1,12}}[）)])?(?:原|前|时任|现任)?$|^的[^{CLAUSE_END}]{{0,6}}$")
# between two posts of one person
_LINK = re.compile(r"^[、，,]?(?:兼任|兼|原|前|现任)?$")


def _role_parts(post: str) -> tuple[str, str, str]:
    """Split 社区党委书记 into ('社区', '党委', '书记')."""
    g = next((u for u in sorted(GENERIC_UNITS, key=len, reverse=True) if post.startswith(u) and post[len(u):]), "")
    rest = post[len(g):]
    p = next((u for u in sorted(PARTY_UNITS, key=len, reverse=True) if rest.startswith(u) and rest[len(u):]), "")
    return g, p, rest[len(p):]


def _chains(doc: Doc, ms, s0: int, s1: int) -> list[list[re.Match]]:
    """Posts in a sentence, grouped when one person holds them all (党委书记、董事长张三)."""
    posts = []
    for pm in POST_RE.finditer(doc.text, s0, s1):
        ps, pe = pm.start(), pm.end()
        # a post inside a name (书记 in 书记教书) is not a post
        if any(m.start < ps < m.end and m.end > pe for _, m in ms) or any(m.start <= ps and pe <= m.end for _, m in ms):
            continue
        posts.append(pm)
    chains: list[list[re.Match]] = []
    for pm in posts:
        if chains and (_LINK.match(doc.text[chains[-1][-1].end():pm.start()])
                       or _unit_between(doc, ms, chains[-1][-1].end(), pm.start())):
            chains[-1].append(pm)
        else:
            chains.append([pm])
    return chains


def _unit_between(doc: Doc, ms, a: int, b: int) -> bool:
    """区委常委、组织部部长: another unit of the same person's between two posts."""
    if doc.text[a:a + 1] != "、":
        return False
    return any(m.start == a + 1 and m.end == b and m.type == "Organization" for _, m in ms)


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    for si, sent, ms in sentences_with_mentions(doc):
        for chain in _chains(doc, ms, sent.start, sent.end):
            first, last = chain[0], chain[-1]
            pe = last.end()
            person = next((i for i, m in ms if m.type == "Person" and pe <= m.start <= pe + 1), None)
            if person is None:
                person = _person_after_zuowei(doc, ms, sent.start, first.start(), pe)
            if person is None:
                person = _person_before(doc, ms, first.start(), pe)
            if person is None:
                person = _person_heading(doc, ms, sent.start, pe)
            if person is None:
                continue
            found = _organisation(doc, ms, first.start(), first.group())
            if found is None:
                continue
            org, role, score = found
            out.append(Relation("holds_position", person, org, si, SOURCE, score, role=role))
            org_m = doc.mentions[org]
            if org_m.source == SOURCE and org_m.type == "Organization":  # a committee we composed
                place = next((i for i, m in ms if m.start == org_m.start and m.type == "Place"), None)
                if place is not None:  # … sits in its place
                    out.append(Relation("located_in", org, place, si, SOURCE, 0.7))
            for pm in chain[1:]:  # 某局党组书记、局长: the later posts are held in the same unit …
                if _unit_between(doc, ms, doc.text.rfind("、", 0, pm.start()), pm.start()):
                    own = _organisation(doc, ms, pm.start(), pm.group())  # … unless it names its own
                    if own is not None:
                        out.append(Relation("holds_position", person, own[0], si, SOURCE, own[2], role=own[1]))
                    continue
                post, unit = _bare_post(pm.group()), doc.mentions[org]
                party = next((u for u in PARTY_UNITS if unit.label.endswith(u)), "")
                target = org
                if party and not _role_parts(post)[1] and post not in ("书记", "副书记"):
                    # … but a post that is not a party post is held in the body the committee serves
                    cut = _text_end_before(doc, unit, party)
                    if cut is not None and cut - unit.start >= 2:
                        target = ensure_mention(doc, unit.start, cut, "Organization", SOURCE, 0.6, implicit=True)
                out.append(Relation("holds_position", person, target, si, SOURCE, score,
                                    role=_compose_role(doc.mentions[target].label, post)))
    return out


def _text_end_before(doc: Doc, m, suffix: str) -> int | None:
    """Offset where ``m``'s text ends without ``suffix`` (某局党组 → end of 某局)."""
    text = doc.text[m.start:m.end].rstrip("”’\"'")
    if not text.endswith(suffix):
        return None
    return m.start + len(text) - len(suffix)


def _bare_post(post: str) -> str:
    """A later post of a chain names no unit of its own: 、董事长."""
    return post.lstrip("原前兼")


def _person_before(doc: Doc, ms, ps: int, pe: int) -> int | None:
    """ORG PERSON POST (某公司张三董事长) and PERSON 任/担任 ORG POST (张三同志任某公司董事长)."""
    people = [(i, m) for i, m in ms if m.type == "Person" and m.end <= ps]
    if not people:
        return None
    i, m = people[-1]
    if m.end == ps and any(o.end == m.start and is_org_like(o) for _, o in ms):
        return i
    if pe < len(doc.text) and doc.text[pe] not in CLAUSE_END + "职）)" and doc.text[pe:pe + 2] not in ("职务", "一职"):
        return None  # 任某公司董事长 ends its clause
    between = doc.text[m.end:ps]
    if not any(c in between for c in CLAUSE_END) and re.search(r"(?:^|同志|先生|女士)(?:担任|出任|兼任|升任|调任|任|是|为)", between):
        return i
    unit = next((o for _, o in ms if o.start < ps <= o.end and m.end <= o.start and is_org_like(o)), None)
    if unit is not None:  # the words between the person and the unit
        lead = doc.text[m.end:unit.start]
        if _POST_FIELD.search(lead) and len(lead) <= 4 or not any(c in lead for c in CLAUSE_END) and _APPOINTED.search(lead):
            return i  # 张三职务：某公司董事长, 张三副校长任命为某大学校长, 张三博士（现任某大学校长）
    return None


# the verb right before the unit: 张三副校长任命为某大学校长, 张三博士（现任某大学校长）
_APPOINTED = re.compile(r"(?:任命为|被任命为|当选为|出任|担任|现任|升任|调任|接任)$")
_POST_FIELD = re.compile(r"职务[:：]\s*$")



def _person_heading(doc: Doc, ms, s0: int, pe: int) -> int | None:
    """张三，某村党支部书记。 / 张三：某公司董事长 / 张三，男，…，现任某公司董事长: a sentence about a
    person that opens with their name gives their posts at the end of a clause."""
    if pe < len(doc.text) and doc.text[pe] not in CLAUSE_END + "\n（(" and not doc.text[pe].isdigit():
        return None
    first = next(((i, m) for i, m in ms if not m.implicit), None)
    if first is None or first[1].type != "Person" or first[1].start - s0 > 1:
        return None
    if doc.text[first[1].end:first[1].end + 1] not in ("，", ",", "：", ":", "（", "("):
        return None
    if any(m.type == "Person" and m.start > first[1].start and m.end <= pe for _, m in ms):
        return None  # another person comes between: the post may be theirs
    return first[0]


def _person_after_zuowei(doc: Doc, ms, s0: int, ps: int, pe: int) -> int | None:
    """作为ORG的POST，…PERSON: the first person after the comma."""
    head = doc.text[s0:ps]
    k = head.rfind("作为")
    if k < 0 or any(c in head[k:] for c in CLAUSE_END):
        return None
    if pe >= len(doc.text) or doc.text[pe] not in "，,":
        return None
    return next((i for i, m in ms if m.type == "Person" and m.start > pe), None)


def _organisation(doc: Doc, ms, ps: int, post: str) -> tuple[int, str, float] | None:
    # a name that runs into the post (某某社区|党委书记 matched as 社区党委书记): the post starts after it
    inside = [(i, m) for i, m in ms if m.start < ps < m.end and m.type in ("Organization", "Place")]
    g0, p0, t0 = _role_parts(post)
    t_start = ps + len(g0) + len(p0)
    if inside and not p0 and t0 in POSTS and t_start - inside[0][1].start >= 2 and inside[0][1].end - t_start >= 2:
        # 某街道组织|干事 read as 某街道组织 + 干事: the post is 组织干事, the unit 某街道
        i, m = inside[0]
        t = "Place" if is_admin(doc.text[m.start:t_start]) else m.type
        return ensure_mention(doc, m.start, t_start, t, SOURCE, 0.6), t0, 0.75
    if inside:
        i, m = inside[0]
        rest = post[m.end - ps:]
        if _role_parts(rest)[2] in POSTS:
            post, ps = rest, m.end
        else:  # 财政部|部长: the name lent the post its first character
            post, ps = post[post.index(_role_parts(post)[2]):] if _role_parts(post)[2] else post, m.end
            return i, post, 0.8
    generic, party, title = _role_parts(post)
    before = [(i, m) for i, m in ms if m.end <= ps and m.type in ("Organization", "Place")]
    people = [m for _, m in ms if m.type == "Person" and m.end == ps]
    if people:  # ORG PERSON POST: the post's unit is the one before the person
        ps = people[0].start
    if before:
        i, m = max(before, key=lambda x: (x[1].end, -x[1].start))
        gap = doc.text[m.end:ps]
        if _ORG_GAP.match(gap) and not generic:
            if party and m.type == "Place" and gap.strip() == "":
                # 某某社区 + 党委书记: the post belongs to 某某社区党委, an organisation in that place
                j = ensure_mention(doc, m.start, ps + len(party), "Organization", SOURCE, 0.6)
                return j, party + title, 0.8
            if is_org_like(m) or party:
                return i, _compose_role(m.label, post), 0.85
        if m.type == "Organization" and gap.strip(QUOTES) in ("，", ",") and not generic:
            return i, _compose_role(m.label, post), 0.6  # 组建了某服务队，队长张三说
    # a generic unit word (社区党委书记): the nearest earlier unit whose name ends with it
    if generic:
        for i, m in sorted(before, key=lambda x: -x[1].end):
            if m.label.endswith(generic) and not any(c in doc.text[m.end:ps] for c in "。；;"):
                return i, post, 0.7
    return None


def _compose_role(org_label: str, post: str) -> str:
    """党支部 + 书记 → 党支部书记: a bare 书记 takes the party unit the organisation name ends with."""
    if post in ("书记", "副书记"):
        unit = next((u for u in PARTY_UNITS if org_label.endswith(u)), "")
        return unit + post
    return post
