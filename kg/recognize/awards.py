"""Component: awards and designations — what follows 获评, 荣获, 入选, 被授予, 当选为 ….

The phrase after the trigger, up to punctuation, is split at 、 (outside quotes); each item that
ends with an award-like head (基地, 称号, 示范区, 试点, 工作者 …) is an Award. A count after the
item (获评省级典型案例10个) means a tally, not a title. 作为…“示范区” names one too.

>>> from kg.doc import Doc
>>> [m.label for m in recognize(Doc(path="x", text="该村先后获评省文明村、全国民主法治示范村，还获评典型案例12个。"))]
['省文明村', '全国民主法治示范村']
"""
from __future__ import annotations

import re

from ..doc import Doc, Mention
from .tokens import literal_regex, plain_name, view
from .words import AWARD_HEADS, AWARD_TRIGGERS

_TRIGGER = re.compile("(?:" + literal_regex([t for t in AWARD_TRIGGERS if t != "获"] + ["参选", "列入", "获评为", "确定为", "被确定为", "列为", "被列为"]) + r"|获(?=[^，。、；\n]{2,24}称号))")
_PHRASE = re.compile(r"[^，。；：！？\n（）()…]{2,40}")
_AS = re.compile(r"作为((?:[\u4e00-\u9fff]{0,8})“([^“”\n]{2,20})”)")
_HEADS = tuple(sorted(AWARD_HEADS, key=len, reverse=True))
_COUNT = re.compile(r"^\d+[个家名项人批座条次]")
_TITLE_WORDS = re.compile(r"(?:荣誉)?称号$")
_NOT = ("认可", "好评", "支持", "关注", "表彰", "肯定", "成功", "资格", "感", "奖励", "收入", "资金", "补助")


def _items(phrase: str):
    """Split at 、 outside quotes; yield (offset, item)."""
    depth, start = 0, 0
    for i, ch in enumerate(phrase + "、"):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            yield start, phrase[start:i]
            start = i + 1



def recognize(doc: Doc) -> list[Mention]:
    text = view(doc)
    out: list[Mention] = []
    for t in _TRIGGER.finditer(text):
        m = _PHRASE.match(text, t.end())
        if not m:
            continue
        phrase = m.group()
        cut = re.search(r"[和及与并，]|等|的(?!“)", phrase)
        for off, item in _items(phrase):
            s = m.start() + off
            if cut and off > cut.start() and "“" not in phrase[:cut.start()]:
                break
            end = len(item)
            tail = re.search(r"(?:等|的).*$", item)
            if tail:
                end = tail.start()
            core = _TITLE_WORDS.sub("", item[:end])
            lead = re.match(r"(?:全国|全省|全市)?(?:首批|首个|首家)(?=“)", core)  # 首批“…”示范点: the title is the quoted part on
            if lead:
                s, core = s + lead.end(), core[lead.end():]
            after = text[s + len(item):s + len(item) + 4]
            if _COUNT.match(item[len(core):] + after) or _COUNT.search(core[-4:] + " ") or any(w in core for w in _NOT):
                continue
            name = plain_name(core)
            if len(name) < 3 or not name.endswith(_HEADS) or re.search(r"\d", name[:1]):
                continue
            out.append(Mention(s, s + len(core), text[s:s + len(core)], "Award", "rules.award", 0.7,
                               name=name if name != core else "",
                               alt_types=("Program",) if name.endswith(("试点", "项目")) else ()))
    for m in _AS.finditer(text):
        whole, core = m.group(1), m.group(2)
        if not core.endswith(_HEADS) or core.endswith("品牌"):
            continue
        s = m.start(1)
        if whole.startswith(("全国首个", "全省首个", "全市首个", "首个", "首批")):  # 全国首个“…示范区”: the quote alone
            s = m.start(2) - 1
        out.append(Mention(s, m.end(1), text[s:m.end(1)], "Award", "rules.award", 0.55, name=plain_name(text[s:m.end(1)])))
    return out
