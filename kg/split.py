"""Step 3 — split: sentences with offsets; a quotation is not split inside.

>>> from kg.doc import Doc
>>> d = split(Doc(path="x", text="他说：“好。走吧！”然后走了。\\n标题"))
>>> [s.text for s in d.sentences]
['他说：“好。走吧！”然后走了。', '标题']
"""
from __future__ import annotations

from .doc import Doc, Sentence

_END = "。！？!?"
_OPEN, _CLOSE = "“‘「『《", "”’」』》"


def split(doc: Doc) -> Doc:
    text = doc.text
    sents: list[Sentence] = []
    depth = 0
    start = 0

    def emit(end: int) -> None:
        nonlocal start
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sents.append(Sentence(s, e, text[s:e]))
        start = end

    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
            if depth == 0 and i > 0 and text[i - 1] in _END and i + 1 < len(text) and text[i + 1] == "\n":
                emit(i + 1)
        elif ch == "\n":
            depth = 0
            emit(i + 1)
        elif ch in _END and depth == 0:
            j = i + 1
            while j < len(text) and text[j] in _END:
                j += 1
            if j == i + 1:
                emit(i + 1)
    emit(len(text))
    doc.sentences = sents
    return doc
