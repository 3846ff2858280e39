"""Component: persons from the words around a name — posts and titles (董事长张三, 张三同志, 作家张三), verbs of saying
(张三说), bylines (记者 张三 通讯员 李四) and photo credits (张三 摄).

A name is a surname from a general list and one or two more characters; jieba's word boundaries
decide between the two. Byline names need no known surname (collective pen names are common) and
get Organization as an alternative type when they do not start with one.

>>> from kg.doc import Doc
>>> [m.text for m in recognize(Doc(path="x", text="公司董事长王小明介绍，李强同志说得好。"))]
['王小明', '李强']
>>> [m.text for m in recognize(Doc(path="x", text="标题\\n记者 周游 通讯员 新闻轩\\n正文"))]
['周游', '新闻轩']
"""
from __future__ import annotations

import re

from ..doc import Doc, Mention
from .tokens import boundaries, literal_regex, tag, token_at, view
from .words import AFTER_NAME, BEFORE_NAME, COUNTRIES, POSTS, SPEECH, SURNAMES_1, SURNAMES_2, TRANSLITERATION

_SUR = "(?:" + "|".join(sorted(SURNAMES_2)) + "|[" + "".join(sorted(SURNAMES_1)) + "])"
_HAN = "[\u4e00-\u9fff]"
_POST_NAME = re.compile("(?:" + literal_regex(POSTS + BEFORE_NAME) + ")(" + _SUR + _HAN + "{1,2})")
_NAME_AFTER = re.compile("(" + _SUR + _HAN + "{1,2})(?=" + literal_regex(AFTER_NAME + SPEECH) + ")")
_BYLINE = re.compile(r"(?:^|(?<=[ \u3000]))(?:本报记者|记者|通讯员|撰稿|摄影|本报通讯员)[ \u3000:：]*((?:" + _HAN + r"{2,4}(?:[ \u3000、，,]+|$))+)")
_PHOTO = re.compile(r"(?:^|(?<=[ \u3000（(。，：:]))(" + _HAN + r"{2,4})[ \u3000]*摄(?=[ \u3000)）]|$)")
_ROLES = {"记者", "本报记者", "通讯员", "本报通讯员", "摄影", "撰稿", "编辑", "责任编辑", "文", "图", "图文"}
_BAD = set("的了是在和与及或等说着过也都就还把被将为以于所之而这那其各每该我你他她们书记长者员总副很更最已")
_GIVEN_WORDS = {"建华", "国华", "建国", "志强", "海涛"}  # given names that are also words
_NOT_GIVEN = set("书记主任董事长总经理部长局长同志说表示介绍")


def _given_ok(s: str) -> bool:
    return bool(s) and re.fullmatch(_HAN + "+", s) is not None and not any(c in _BAD for c in s)


def _choose(doc: Doc, start: int, sur: int, bounds) -> int:
    """End of the name starting at ``start`` whose surname has ``sur`` characters (1–2 more follow)."""
    text = view(doc)
    e1, e2 = start + sur + 1, start + sur + 2
    if e2 > len(text) or not _given_ok(text[e1:e2]):
        return e1
    w, a, b = token_at(text, start)
    if a == start and b in (e1, e2) and tag(w).startswith("nr"):
        return b
    w, a, b = token_at(text, e1)
    if a == e1 and b > e2 and len(w) >= 2:
        return e1  # 韩梅|不由: the third character starts a word
    nxt = text[e2:e2 + 2]
    if e2 in bounds or nxt[:1] in "，。、；：！？”’）) \n" or any(nxt.startswith(v) for v in SPEECH):
        return e2
    return e1


def _name_ok(name: str) -> bool:
    if not (2 <= len(name) <= 4) or re.fullmatch(_HAN + "+", name) is None:
        return False
    t = tag(name)
    if t and not t.startswith("nr"):  # 常态化, 关切: words, not names
        return False
    if len(name) == 3 and tag(name[1:]) in ("n", "s", "f"):  # 向房东: a preposition and a noun
        return False
    t2 = tag(name[:2])
    if len(name) == 3 and t2 and not t2.startswith("nr") and t2 not in ("ns",) and name[:2] not in _GIVEN_WORDS:
        return False
    if len(name) == 2 and name[1] in "老总":
        return False  # 胡老, 王总: a form of address (_ADDRESSED takes the surname)
    return not any(c in _BAD for c in name[1:]) and name[-1] not in _NOT_GIVEN


# characters of transliterated foreign names: 罗伯特|·, 马斯|克: a Chinese-looking start of a longer name
_TRANSLIT = set("斯尔特克拉德夫基姆娜娃诺维奇布伦萨莱蒂亚丝琳妮莎塔尼科洛索森顿逊·•")


def _foreign_piece(text: str, s: int, e: int) -> bool:
    name = text[s:e]
    return (e < len(text) and text[e] in _TRANSLIT) or (s > 0 and text[s - 1] in "·•") or \
        (s > 0 and text[s - 1] in TRANSLITERATION and all(c in TRANSLITERATION for c in name)) or \
        all(c in _TRANSLIT for c in name[1:]) or (len(name) == 3 and name[1] in _TRANSLIT and name[2] in _TRANSLIT)


def recognize(doc: Doc) -> list[Mention]:
    text = view(doc)
    bounds = boundaries(doc)
    out: list[Mention] = []
    for m in _POST_NAME.finditer(text):
        s = m.start(1)
        sur = 2 if text[s:s + 2] in SURNAMES_2 else 1
        e = _choose(doc, s, sur, bounds)
        if _name_ok(text[s:e]) and not _foreign_piece(text, s, e):
            out.append(Mention(s, e, text[s:e], "Person", "rules.person", 0.75))
    for m in _NAME_AFTER.finditer(text):
        s, e = m.start(1), m.end(1)
        if s > 0 and s not in bounds and text[s - 1] not in "，。、；：！？“”‘’（）() \n":
            continue
        if _name_ok(text[s:e]) and not _foreign_piece(text, s, e):
            out.append(Mention(s, e, text[s:e], "Person", "rules.person", 0.65))
    for m in _ADDRESSED.finditer(text):
        s, e = m.start(1), m.end(1)
        if s in bounds or s == 0 or text[s - 1] in "，。、；：！？“”‘’（）() \n的":
            out.append(Mention(s, e, text[s:e], "Person", "rules.person", 0.6))
    out.extend(_foreign(doc))
    out.extend(_listed(text, out, bounds))
    out.extend(_bylines(doc))
    seen: set[tuple[int, int]] = set()
    out.sort(key=lambda m: m.start)  # stable: of two readings at one start the first cue's wins
    return [m for m in out if (m.start, m.end) not in seen and not seen.add((m.start, m.end))]


# a surname and a form of address (胡老说, 王大娘, 刘老师): news names the person by the surname alone
_ADDRESSED = re.compile("(" + _SUR + ")(?=老师|大娘|大爷|大妈|大伯|大婶|大嫂|师傅|老(?=[^\u4e00-\u9fff]|[说讲是在和的喜也都就还对把]))")
_FOREIGN = re.compile("来自(" + literal_regex(COUNTRIES) + ")的(" + _HAN + "{2,6}?)(?=和|与|在|说|表示|等|，|、|。|作为|担任|是)")
_LIST_NEXT = re.compile("、(" + _SUR + _HAN + "{1,2})(?=、|等|和|，|。|\\s)")


def _foreign(doc: Doc) -> list[Mention]:
    """来自法国的某某: a foreign person's name after where they come from."""
    text = view(doc)
    out = []
    for m in _FOREIGN.finditer(text):
        name = m.group(2)
        if (tag(name) and not tag(name).startswith("nr")) or any(c in _BAD for c in name):
            continue  # an ordinary word (来自法国的游客), not a name
        out.append(Mention(m.start(2), m.end(2), name, "Person", "rules.person", 0.6))
    return out


def _listed(text: str, found: list[Mention], bounds) -> list[Mention]:
    """张三、李四、王五等: names listed after one already found."""
    out = []
    for m in list(found):
        e = m.end
        while True:
            n = _LIST_NEXT.match(text, e)
            if not n:
                break
            s = n.start(1)
            end = _choose_in(text, s, bounds)
            if not _name_ok(text[s:end]):
                break
            out.append(Mention(s, end, text[s:end], "Person", "rules.person", 0.6))
            e = end
    return out


def _choose_in(text: str, s: int, bounds) -> int:
    sur = 2 if text[s:s + 2] in SURNAMES_2 else 1
    for n in (2, 1):
        e = s + sur + n
        if e <= len(text) and (text[e:e + 1] in "、等和，。" or text[e:e + 1].isspace()):
            return e
    return s + sur + 1


def _bylines(doc: Doc) -> list[Mention]:
    text = view(doc)
    out: list[Mention] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    for i, (off, line) in enumerate(lines):
        spans = []
        for m in _BYLINE.finditer(line):
            for w in re.finditer(_HAN + "{2,4}", m.group(1)):
                spans.append((off + m.start(1) + w.start(), off + m.start(1) + w.end()))
        for m in _PHOTO.finditer(line):
            spans.append((off + m.start(1), off + m.end(1)))
        # a short line of two or three space-separated names right under the headline
        words = line.split()
        if not spans and i < 8 and 1 < len(words) <= 3 and all(re.fullmatch(_HAN + "{2,4}", w) for w in words) and \
                (doc.byline.strip() == line.strip() or any(w[:1] in SURNAMES_1 or w[:2] in SURNAMES_2 for w in words)):
            p = 0
            for w in words:
                p = line.index(w, p)
                spans.append((off + p, off + p + len(w)))
                p += len(w)
        if any(u.kind == "byline" and u.start <= off < u.end or u.kind == "byline" and off <= u.start < off + len(line)
               for u in doc.sentences) and not spans:
            # a line the splitter marked as a byline: every word of 2–4 characters but the role words names someone
            for w in re.finditer(_HAN + "{2,4}", line):
                if (w.start() == 0 or line[w.start() - 1] in " \u3000") and (w.end() == len(line) or line[w.end()] in " \u3000"):
                    if w.group() not in _ROLES:
                        spans.append((off + w.start(), off + w.end()))
        for s, e in spans:
            name = text[s:e]
            if name in _NOT_GIVEN or name in ("本报", "记者", "通讯员"):
                continue
            surname = name[:1] in SURNAMES_1 or name[:2] in SURNAMES_2
            alt = () if surname and len(name) <= 3 else ("Organization",)
            out.append(Mention(s, e, name, "Person", "rules.byline", 0.8, alt_types=alt))
    return out
