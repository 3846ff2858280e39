"""Step 2 — clean: undo what scanned newspaper pages and markdown do to text, keeping an offset map.

What it repairs (all by structure — line length, position, punctuation, blank-line gaps — never by
names):

- spaces dropped between Chinese characters by OCR (``姜山 镇`` → ``姜山镇``), also across a line
  break; in titles, headings, bylines and captions a space separates parts and stays (one space);
- paragraphs broken in mid-sentence: a body line that ends without sentence-final punctuation goes
  on at the next line, even when a picture caption was dropped between the two halves (the caption
  becomes a unit of its own, placed after the repaired paragraph; a character printed on both sides
  of the picture is kept once);
- full-width digits and Latin letters → ASCII (Chinese full-width punctuation stays);
- straight double quotes around Chinese text → “ ” (when they pair up within a paragraph);
- markdown marks (``#`` headings, ``**``, ``__``, ``~~``, list bullets, ``>``, links, code fences).

The result is one *unit* per line of ``doc.text`` (a paragraph, heading, caption…), left in
``doc.sentences`` with its kind (title, byline, caption, heading, body) for ``split`` to cut into
sentences. ``doc.title`` and ``doc.byline`` are set too. ``doc.offsets[i]`` is the character of
``doc.raw`` that ``doc.text[i]`` came from (a moved caption keeps its true offsets, so the map need
not be monotonic); ``doc.to_original`` maps a span back.

>>> d = clean(Doc(path="x.txt", raw="姜山 镇有１２个村，\\n\\n共３００人。"))
>>> d.text
'姜山镇有12个村，共300人。'
>>> d.to_original(0, 3), d.raw[d.offsets[3]]
((0, 4), '有')
>>> d = clean(Doc(path="x.txt", raw="标题\\n\\n记者 王明 通讯员 李华\\n\\n正文第一段。"))
>>> d.title, d.byline, [u.kind for u in d.sentences]
('标题', '记者 王明 通讯员 李华', ['title', 'byline', 'body'])
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .doc import Doc, Sentence

# Characters around which a space is an OCR artefact: CJK, full-width forms, CJK and general
# punctuation (“” … —).
_WIDE = "\u2010-\u206f\u2e80-\u2fff\u3001-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_WIDE_PUNCT = "\u2010-\u206f\u3001-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uffef"
_SP = " \t\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_NEWLINE = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")

# Markdown at the start of a line: block quotes, then a heading, a bullet or nothing.
_MD_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(#{1,6})(?:[ \t]+|$)|([-*+•●▪][ \t]+))?")
_MD_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_MD_RULE = re.compile(r"[ \t]*(?:([-*_=])[ \t]*)(?:\1[ \t]*){2,}$|[ \t]*(?:```|~~~).*$")
# Inline marks to delete (group "keep" marks text to keep inside a link or an emphasis).
_MD_INLINE = re.compile(
    r"!?\[(?P<link>[^\]\n]*)\]\([^)\n]*\)"          # [text](url), ![alt](url)
    r"|\*\*|~~|`+"                                   # bold, strike, code
    r"|__(?=\S)(?P<under>[^\n]+?)(?<=\S)__"          # __bold__
    r"|(?<!\*)\*(?=[^\s*])(?P<em>[^*\n]+?)(?<=[^\s*])\*(?!\*)"  # *emphasis*
    r"|</?[A-Za-z][^<>\n]{0,80}>"                    # html tags
    r"|\\(?=[\\`*_{}\[\]()#+\-.!>])"                 # backslash escapes
    r"|[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]"  # invisible / control characters
)
_MD_INLINE_HINT = re.compile(r"[\[*~`_<\\\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_SPACE_RUN = re.compile(f"[{_SP}]+")
_SPACE_RUNS = re.compile(f"[{_SP}]{{2,}}")
_SPACE_NEAR_WIDE = re.compile(f"(?<=[{_WIDE}])[{_SP}]+|[{_SP}]+(?=[{_WIDE}])")
_SPACE_NEAR_PUNCT = re.compile(f"(?<=[{_WIDE_PUNCT}])[{_SP}]+|[{_SP}]+(?=[{_WIDE_PUNCT}])")

# One-to-one rewrites: full-width digits and Latin letters (and a few signs used with numbers) to
# ASCII, other spaces to " ".
_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_TO_ASCII.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_TO_ASCII.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_TO_ASCII.update({ord(a): b for a, b in zip("％＋－／＝＠＆＃", "%+-/=@&#")})
_TO_ASCII.update({ord(a): " " for a in _SP})

_NEEDS_ASCII = re.compile("[" + "".join(map(chr, _TO_ASCII)) + "]+")

_FINAL = "。！？!?…"          # a line ending in one of these (closing quotes aside) is complete
_PAUSE = "；;：:"             # …or at least not cut in mid-sentence
_CLOSERS = "”’」』）)》】\"'"
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_DATELINE = re.compile(r"来源[:：]|发布时间|\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}|\d{1,2}:\d{2}")  # not a title
_INNER_END = re.compile(r"[。！？!?]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")

# Bylines and photo credits (structure only: role words, short name-like tokens).
_ROLES = ("本报记者", "本报通讯员", "特约记者", "见习记者", "实习记者", "记者", "通讯员", "实习生",
          "特约撰稿", "撰稿", "责任编辑", "编辑", "摄影", "文/图", "图/文", "文", "图", "摄", "整理")
_ROLE_PREFIX = re.compile("|".join(r for r in _ROLES if len(r) > 1))
_CREDIT = re.compile(
    r"^[(（【\[]?(?:本版|本期|本文|本组)?(?:图片|照片|图|摄影)(?:均|皆)?(?:由|来自|来源[:：]?).{1,40}?"
    r"(?:提供|拍摄|摄)?[)）】\]]?。?$"
    r"|(?:^|[ \t\u3000])摄影?$"
)
# The commonest Chinese surnames (together well over 90% of people), to tell a name-only byline
# ("王明 李华") from a short heading.
_SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝习胥")
_SURNAMES_2 = {"欧阳", "司马", "诸葛", "上官", "皇甫", "尉迟", "令狐", "慕容", "夏侯", "司徒", "公孙", "端木", "长孙"}
_TOKEN_SPLIT = re.compile(r"[ \t\u3000/、·]+")
_TOKEN_SPACE = re.compile(r"[ \t\u3000]+")


@dataclass
class _Line:
    """One non-empty line: what survives of it after markdown, with raw offsets per character."""

    text: str
    offs: list[int] | range  # raw offset of each character (a range while nothing was cut)
    nl: int  # raw offset of the line break ending it (len(raw) at the end of the file)
    before: int  # raw offset of the line break before it (-1 on the first line)
    gap: int  # blank lines before it
    md: str = ""  # "heading" | "item" | ""
    label: str = "text"  # text | title | byline | caption | heading

    def __post_init__(self) -> None:
        self.compact = _SPACE_RUN.sub("", self.text)
        core = self.compact.rstrip(_CLOSERS)
        self.n = len(self.compact)
        self.final = bool(core) and (core[-1] in _FINAL)
        self.pause = bool(core) and core[-1] in _PAUSE or self.compact[-1] in "）)】]"  # (完) (记者 王明)
        self.punct = bool(_SENTENCE_PUNCT.search(self.compact))
        self.balanced = self.compact.count("“") == self.compact.count("”")
        # short, no sentence punctuation: a heading, a title part, a caption — not a sentence
        self.headinglike = (self.n <= 24 and not self.punct and not self.final and self.balanced
                            and self.compact[-1] not in "：:、")


@dataclass
class _Unit:
    kind: str
    lines: list[_Line] = field(default_factory=list)


def clean(doc: Doc) -> Doc:
    """Fill ``doc.text``, ``doc.offsets``, ``doc.title``, ``doc.byline`` and the units in
    ``doc.sentences`` from ``doc.raw`` (a Doc given only ``text`` is taken as that text's
    original). Returns the same Doc."""
    if not doc.raw and doc.text:
        doc.raw = doc.text
    lines = _read_lines(doc.raw)
    units = _label(lines)
    _units_to_text(doc, units)
    lead = []
    for u in doc.sentences:  # the headline: the title units at the start
        if u.kind != "title":
            break
        lead.append(u.text)
    if not lead:  # no headline: the first heading stands for it
        lead = [u.text for u in doc.sentences if u.kind == "heading"][:1]
    doc.title = " ".join(lead)
    byline = next((u.text for u in doc.sentences if u.kind == "byline"), "")
    doc.byline = " ".join(t for t in _TOKEN_SPACE.split(byline) if not _is_credit(t))
    return doc


# --- lines --------------------------------------------------------------------------------------

def _read_lines(raw: str) -> list[_Line]:
    """Non-empty lines with markdown removed; each char keeps its raw offset."""
    out: list[_Line] = []
    gap = 0
    start = 0
    breaks = [(m.start(), m.end()) for m in _NEWLINE.finditer(raw)] + [(len(raw), len(raw))]
    prev_break = -1  # the line break before the current line (its "\n" for "\r\n")
    for nl, nxt in breaks:
        line = raw[start:nl]
        s0, start = start, nxt
        before, prev_break = prev_break, nxt - 1
        first = line.lstrip(_SP)[:1]
        if not first:
            gap += 1
            continue
        if first in "-*_=`~" and _MD_RULE.match(line):
            if out and gap == 0 and line.strip()[:1] in "=-" and out[-1].md != "item":
                out[-1].md = "heading"  # setext heading underline
            gap += 1
            continue
        body_start, body_end, md = 0, len(line), ""
        if first in "#>-*+•●▪":
            m = _MD_PREFIX.match(line)
            body_start = m.end()
            md = "heading" if m.group(1) else "item" if m.group(2) else ""
        if md == "heading":
            t = _MD_HEADING_TAIL.search(line, body_start)
            if t:
                body_end = t.start()
        text, offs = _drop_inline(line[body_start:body_end], s0 + body_start)
        text, offs = _strip(text, offs)
        if not text:
            gap += 1
            continue
        out.append(_Line(text, offs, nl, before, gap if out else 0, md))
        gap = 0
    return out


def _drop_inline(s: str, base: int) -> tuple[str, list[int]]:
    """Delete inline markdown marks and invisible characters from ``s`` (raw offset ``base``)."""
    cuts: list[tuple[int, int]] = []
    if not _MD_INLINE_HINT.search(s):
        return s, range(base, base + len(s))
    for m in _MD_INLINE.finditer(s):
        for g in ("link", "under", "em"):
            if m.group(g) is not None:
                cuts += [(m.start(), m.start(g)), (m.end(g), m.end())]
                break
        else:
            cuts.append((m.start(), m.end()))
    return _cut(s, range(base, base + len(s)), cuts)


def _cut(s: str, offs, cuts: list[tuple[int, int]]) -> tuple[str, list[int] | range]:
    """``s`` and ``offs`` without the [a, b) spans in ``cuts`` (sorted, non-overlapping)."""
    if not cuts:
        return s, offs
    parts, o, pos = [], [], 0
    for a, b in cuts:
        if a > pos:
            parts.append(s[pos:a])
            o += offs[pos:a]
        pos = max(pos, b)
    parts.append(s[pos:])
    o += offs[pos:]
    return "".join(parts), o


def _strip(s: str, offs):
    a = len(s) - len(s.lstrip(_SP))
    b = len(s.rstrip(_SP))
    return s[a:b], offs[a:b] if b > a else []


# --- structure: which line is what, which lines make one unit -----------------------------------

def _label(lines: list[_Line]) -> list[_Unit]:
    """Label the lines, join them into units, and give every unit its kind."""
    if not lines:
        return []
    _label_lines(lines)
    _label_title(lines)
    units: list[_Unit] = []
    i = 0
    while i < len(lines):
        if lines[i].label != "text":
            units.append(_Unit(lines[i].label, [lines[i]]))
            i += 1
            continue
        unit = _Unit("body", [lines[i]])
        i, captions = _grow(unit, lines, i + 1)
        if _is_heading(unit):
            unit.kind = "heading"
        units.append(unit)
        units += captions
    _single_name_bylines(units)
    return units


def _label_lines(lines: list[_Line]) -> None:
    """Credits, bylines, markdown headings, and captions: a short line alone after a wider gap
    than the document's usual one between paragraphs (the space a picture left)."""
    gaps = Counter(ln.gap for ln in lines[1:])
    usual = min(gaps, key=lambda g: (-gaps[g], g)) if gaps else 1  # the commonest gap, ties → smaller
    for i, ln in enumerate(lines):
        alone = i + 1 == len(lines) or lines[i + 1].gap > 0
        if _is_credit(ln.text):
            ln.label = "caption"
        elif _is_byline(ln.text):
            ln.label = "byline"
        elif ln.md == "heading":
            ln.label = "heading"
        elif i and ln.gap > usual and alone and ln.n <= 60:
            ln.label = "caption"


def _grow(unit: _Unit, lines: list[_Line], i: int) -> tuple[int, list[_Unit]]:
    """Add to ``unit`` the lines that continue its last sentence, from ``lines[i]`` on; return the
    next line to read and the captions found between the two halves of a sentence."""
    captions: list[_Unit] = []
    n = len(lines)
    while i < n and not unit.lines[-1].final and not unit.lines[-1].pause:
        last, nxt = unit.lines[-1], lines[i]
        if nxt.gap == 0:  # same block: a wrapped line, or a heading on two lines
            if nxt.label != "text" or nxt.md == "item" or _heading_then_text(last, nxt):
                break
            unit.lines.append(nxt)
            i += 1
            continue
        if all(x.headinglike for x in unit.lines):
            break  # a heading does not go on across a blank line
        k = i  # skip up to three captions dropped into the sentence
        while k < n and k - i < 3 and lines[k].label == "caption":
            k += 1
        if k == n:
            break
        b = lines[k]
        if b.label != "text" or b.md == "item" or (b.headinglike and last.compact[-1] not in "，,、"):
            break  # (a line ending in a comma goes on even into a short line)
        if (k == i and b.final and b.n <= 24 and last.compact[-1] not in "，,、"
                and sum(x.n for x in unit.lines) <= 16):
            break  # a short heading with commas ("一颗红心，守好根脉"), then a one-line lead
        if k > i and b.text[0] == last.text[-1] and _CJK_RUN.match(b.text) and len(b.text) > 1:
            b = replace(b, text=b.text[1:], offs=b.offs[1:])  # a character both text boxes around
            # the picture repeat (牢记使命 | picture | 命、永远…) is one character
        captions += [_Unit("caption", [c]) for c in lines[i:k]]
        unit.lines.append(b)
        i = k + 1
    return i, captions


def _is_heading(u: _Unit) -> bool:
    """Short, not a finished or broken-off sentence, no full stop inside."""
    last = u.lines[-1]
    if len(u.lines) > 1 and not all(x.headinglike for x in u.lines):
        return False  # a sentence repaired across lines
    return (sum(x.n for x in u.lines) <= 40 and not last.final and not last.pause
            and last.compact[-1] not in "，,、"
            and all(x.balanced and not _INNER_END.search(x.compact) for x in u.lines))


def _heading_then_text(a: _Line, b: _Line) -> bool:
    """Two lines with no blank between: a heading over text (not one wrapped line) when the first is
    heading-like and the second clearly longer (wrapped lines are as long as the column)."""
    return a.headinglike and not b.headinglike and b.n > a.n + 4


def _label_title(lines: list[_Line]) -> None:
    """The headline: the short lines before a byline near the top, or heading-like first lines."""
    top = lines[:6]
    b = next((i for i, ln in enumerate(top) if ln.label == "byline"), None)
    if b is not None and 0 < b <= 4 and all(_titlelike(ln) for ln in lines[:b]):
        for ln in lines[:b]:
            ln.label = "title"
        return
    if lines[0].md == "heading" and lines[0].label == "heading":
        lines[0].label = "title"  # a markdown document's first "#" heading
        return
    k = 0
    while k < min(3, len(lines)) and lines[k].headinglike and _titlelike(lines[k]):
        if k and (lines[k].md == "heading" or lines[k - 1].md == "heading"):
            break  # a markdown document has one "#" title
        if k and _lone_name(lines[k]) and lines[k].gap and (k + 1 == len(lines) or lines[k + 1].gap):
            lines[k].label = "byline"
            break
        k += 1
    after = lines[k] if k < len(lines) else None  # body text, a byline or a dateline
    if (k and after and after.label in ("text", "byline")
            and (_DATELINE.search(after.text) or not after.headinglike
                 and (after.gap or _heading_then_text(lines[k - 1], after)))):
        for ln in lines[:k]:
            ln.label = "title"


def _lone_name(ln: _Line) -> bool:
    """A line that is one name of 2–3 characters (4 with a two-character surname)."""
    t = ln.compact
    return bool(_CJK_RUN.fullmatch(t)) and (
        (2 <= len(t) <= 3 and t[0] in _SURNAMES_1) or (len(t) == 4 and t[:2] in _SURNAMES_2))


def _titlelike(ln: _Line) -> bool:
    return ln.label in ("text", "heading") and ln.n <= 60 and not ln.final and not _DATELINE.search(ln.text)


def _single_name_bylines(units: list[_Unit]) -> None:
    """A lone 2–3 character name in its own block right after a heading is that article's byline;
    the headings just above a byline are the article's title."""
    for i, u in enumerate(units):
        if i == 0 or u.kind != "heading" or len(u.lines) != 1:
            continue
        ln = u.lines[0]
        nxt_gap = units[i + 1].lines[0].gap if i + 1 < len(units) else 1
        if _lone_name(ln) and ln.gap and nxt_gap and units[i - 1].kind in ("heading", "title"):
            u.kind = "byline"
    for i, u in enumerate(units):
        if u.kind == "byline":
            j = i - 1
            while j >= 0 and i - j <= 3 and units[j].kind == "heading" and units[j].lines[0].md != "heading":
                units[j].kind = "title"
                j -= 1


def _is_credit(text: str) -> bool:
    """A photo credit: "图片由……提供", "（本版图片由……提供）", "… 张三 摄"."""
    return len(text) <= 60 and bool(_CREDIT.search(text))


def _is_byline(text: str) -> bool:
    """A short line of names, with or without role words: "记者 王明 通讯员 李华", "王明 李华"."""
    if len(text) > 40 or _SENTENCE_PUNCT.search(text) or "：" in text or ":" in text:
        return False
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    names = roles = 0
    for t in tokens:
        if t in _ROLES or _is_credit(t):
            roles += 1
            continue
        role = _ROLE_PREFIX.match(t)  # 记者王明
        if role:
            roles += 1
            t = t[role.end():]
        if not _looks_like_name(t):
            return False
        names += 1
    if not names:
        return False
    if roles:
        return True
    return names >= 2 and _any_surname(tokens)


def _looks_like_name(t: str) -> bool:
    return 2 <= len(t) <= 3 and bool(_CJK_RUN.fullmatch(t))


def _any_surname(tokens: list[str]) -> bool:
    return any(t[0] in _SURNAMES_1 or t[:2] in _SURNAMES_2 for t in tokens)


# --- text and offsets ---------------------------------------------------------------------------

def _units_to_text(doc: Doc, units: list[_Unit]) -> None:
    raw = doc.raw
    texts: list[str] = []
    offsets: list[int] = []
    sents: list[Sentence] = []
    pos = 0
    for u in units:
        t, o = _unit_text(u, raw)
        if not t:
            continue
        if texts:  # the unit separator stands for the line break before the unit
            texts.append("\n")
            offsets.append(u.lines[0].before)
            pos += 1
        texts.append(t)
        offsets += o
        sents.append(Sentence(pos, pos + len(t), t, u.kind))
        pos += len(t)
    doc.text = "".join(texts)
    doc.offsets = offsets + [len(raw)]
    doc.sentences = sents


def _unit_text(u: _Unit, raw: str) -> tuple[str, list[int]]:
    body = u.kind == "body"
    parts: list[str] = []
    offs: list[int] = []
    for ln in u.lines:
        s, o = ln.text, ln.offs
        spaces = _SPACE_NEAR_WIDE if body else _SPACE_NEAR_PUNCT
        s, o = _cut(s, o, [m.span() for m in spaces.finditer(s)])
        # what is left of a run of spaces: its first character
        s, o = _cut(s, o, [(m.start() + 1, m.end()) for m in _SPACE_RUNS.finditer(s)])
        if parts and s:
            a, b = parts[-1][-1], s[0]
            if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
                parts.append(" ")  # two Latin words or numbers across a line break
                offs.append(prev.nl)
        parts.append(s)
        offs += o
        prev = ln
    text = "".join(parts)
    if _NEEDS_ASCII.search(text):  # (few such characters: sub beats translate's per-character lookup)
        text = _NEEDS_ASCII.sub(_ascii_of, text)
    return _curly_quotes(text), offs


def _ascii_of(m: re.Match) -> str:
    return m.group().translate(_TO_ASCII)


_QUOTE = re.compile('"')
_OPENS_AFTER = " \t，。：:；;！？!?、（(—…「『《【"
_CLOSES_BEFORE = "，,。：:；;！？!?、）)—…」』》】"


def _curly_quotes(text: str) -> str:
    """Straight double quotes in Chinese text → “ ”, when they pair up unambiguously.

    >>> _curly_quotes('他说"好"。'), _curly_quotes('"甲"和"乙"'), _curly_quotes('完了。"好吗?"他问')
    ('他说“好”。', '“甲”和“乙”', '完了。“好吗?”他问')
    >>> _curly_quotes('他说"好。"我"')  # an odd number: left alone
    '他说"好。"我"'

    """
    if '"' not in text or text.count('"') % 2 or not _CJK_RUN.search(text):
        return text
    marks = []
    for m in _QUOTE.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else "。"
        if before in _OPENS_AFTER and before not in _FINAL and after not in _CLOSES_BEFORE:
            marks.append("“")
        elif after in _CLOSES_BEFORE and before not in _OPENS_AFTER:
            marks.append("”")
        else:  # after an end mark, or between two characters: whatever pairs with the last one
            marks.append("“" if not marks or marks[-1] == "”" else "”")
    if any(a == b for a, b in zip(marks, marks[1:])) or marks[0] != "“":
        return text  # nested or broken quoting: leave it as it is
    it = iter(marks)
    return _QUOTE.sub(lambda m: next(it), text)
