"""Step 3 — split: sentences with offsets and a kind.

``clean`` leaves one unit per line of ``doc.text`` in ``doc.sentences`` (a paragraph, a heading, a
caption…, each with its kind); ``split`` cuts each *body* unit into sentences and keeps the other
units whole. Without units (a Doc built by hand) every line is a unit: a short line without
sentence end marks is a heading, the rest body.

Sentences end at 。！？!? (a run such as ！？ or ……。 stays together) and at line ends. A quotation
“…” or 「…」 is not split inside; a closing quote after the end mark belongs to the sentence it ends,
and the next sentence starts after it (GB/T 15834: the mark inside the quote ends the whole
sentence) — unless a comma-like mark follows (“……好。”，他说).

>>> from kg.doc import Doc
>>> d = split(Doc(path="x", text="他说：“好。走吧！”然后走了。真的吗？！是的……\\n标题"))
>>> [(s.text, s.kind) for s in d.sentences]
[('他说：“好。走吧！”', 'body'), ('然后走了。', 'body'), ('真的吗？！', 'body'), ('是的……', 'body'), ('标题', 'heading')]
>>> d.sentences[1].start, d.sentences[1].end
(10, 15)
"""
from __future__ import annotations

import re

from .doc import Doc, Sentence

_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
_CLOSING = {v: k for k, v in _PAIRS.items()}
# Quote marks and end-mark runs: the only characters the splitter has to look at.
_TOKENS = re.compile(r"[“”‘’「」『』《》（）()]|[。！？!?…]*[。！？!?][。！？!?…]*")
_CLOSERS = re.compile(r"[”’」』》）)\"']*")
_NO_BREAK_AFTER_QUOTE = "，,、；;：:）)”’」』》。！？!?…"
_FINAL = "。！？!?…"
_END_MARK = re.compile(r"[。！？!?]")
_WS = " \t\n\u3000"


def split(doc: Doc) -> Doc:
    """Replace ``doc.sentences`` (units from ``clean``, or nothing) with sentences. Returns the Doc."""
    text = doc.text
    units = doc.sentences or list(_lines(text))
    out: list[Sentence] = []
    for u in units:
        if u.kind != "body":
            out.append(Sentence(u.start, u.end, text[u.start:u.end], u.kind))
            continue
        start = u.start
        for end in sentence_ends(text, u.start, u.end):
            _emit(out, text, start, end)
            start = end
        _emit(out, text, start, u.end)
    doc.sentences = out
    return doc


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence end inside ``text[start:end]`` (one paragraph).

    >>> t = "“好。”他说。"
    >>> [t[:i] for i in sentence_ends(t)]
    ['“好。”', '“好。”他说。']
    """
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKENS.finditer(text, start, end)]
    # Match quote pairs; an opening mark never closed is no quote (an OCR slip must not swallow
    # the rest of the paragraph).
    stack: list[tuple[str, int]] = []
    inside: list[tuple[int, int]] = []  # outermost quoted spans [open, close]
    for i, _, ch in tokens:
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSING:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == _CLOSING[ch]:
                    if k == 0:
                        inside.append((stack[0][1], i))
                    del stack[k:]
                    break
    ends: list[int] = []
    q = 0
    for i, j, ch in tokens:
        while q < len(inside) and inside[q][1] < i:
            q += 1
        closes = q < len(inside) and inside[q][1] == i
        if ch in _PAIRS or (q < len(inside) and inside[q][0] < i and not closes):
            continue  # an opening mark, or anything inside a quotation
        if ch in _CLOSING:
            # the end of a quotation ends a sentence when the quoted words ended one
            if not closes or text[i - 1] not in _FINAL:
                continue
            e = _CLOSERS.match(text, j, end).end()
            k = e
            while k < end and text[k] in _WS:
                k += 1
            if k < end and text[k] in _NO_BREAK_AFTER_QUOTE:
                continue
        else:
            e = _CLOSERS.match(text, j, end).end()
            e = _straight_quote_stays(text, start, j, e)
        if not ends or e > ends[-1]:
            ends.append(e)
    return ends


def _straight_quote_stays(text: str, s: int, j: int, e: int) -> int:
    """Closing marks after an end mark run from ``j`` to ``e``; a straight quote among them closes
    the sentence only if one is open since the paragraph start ``s`` (else it opens the next
    sentence: 好。"下一句")."""
    for k in range(j, e):
        q = text[k]
        if q in "\"'" and text.count('"', s, k) % 2 == 0 and text.count("'", s, k) % 2 == 0:
            return k  # no straight quote open (OCR mixes " and ', so either closes either)
    return e


def _emit(out: list[Sentence], text: str, s: int, e: int) -> None:
    while s < e and text[s] in _WS:
        s += 1
    while e > s and text[e - 1] in _WS:
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e], "body"))


def _lines(text: str):
    """Units for a Doc that ``clean`` did not see: its lines."""
    pos = 0
    for line in text.split("\n"):
        core = line.strip().rstrip("”’」』）)》\"'")
        short = 0 < len(core) <= 30 and not _END_MARK.search(core) and core[-1] not in "…，,、；;：:"
        yield Sentence(pos, pos + len(line), line, "heading" if short else "body")
        pos += len(line) + 1
