"""Step 2 — clean: undo what scanned newspaper pages do to text, keeping an offset map.

Every cleaned character remembers the original character it came from, so a span of the
cleaned text maps back to the original file (``Doc.to_original``).

>>> from kg.doc import Doc
>>> d = clean(Doc(path="x.txt", raw="姜山 镇有１２个村"))
>>> d.text
'姜山镇有12个村'
>>> d.to_original(0, 3)
(0, 4)
"""
from __future__ import annotations

import re

from .doc import Doc

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")


def _fullwidth_to_ascii(ch: str) -> str:
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)
    return ch


def clean(doc: Doc) -> Doc:
    """Fill ``doc.text`` and ``doc.offsets`` from ``doc.raw``."""
    raw = doc.raw
    out: list[str] = []
    offs: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        ch = raw[i]
        if ch == "\r":
            i += 1
            continue
        if ch in " \t\u3000":
            # drop spaces between two CJK characters (OCR) and runs of spaces
            prev = out[-1] if out else "\n"
            j = i
            while j < n and raw[j] in " \t\u3000":
                j += 1
            nxt = raw[j] if j < n else "\n"
            if prev == "\n" or nxt == "\n" or _CJK_RE.match(prev) or _CJK_RE.match(nxt) or prev in "，。、：；！？“”《》（）" or nxt in "，。、：；！？“”《》（）":
                i = j
                continue
            out.append(" ")
            offs.append(i)
            i = j
            continue
        out.append(_fullwidth_to_ascii(ch))
        offs.append(i)
        i += 1
    text = "".join(out)
    # markdown marks: headings and bold
    keep = [True] * len(text)
    for m in re.finditer(r"^#{1,6} |\*\*|__", text, flags=re.M):
        for k in range(m.start(), m.end()):
            keep[k] = False
    doc.text = "".join(c for c, k in zip(text, keep) if k)
    doc.offsets = [o for o, k in zip(offs, keep) if k] + [n]
    return doc
