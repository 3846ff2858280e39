"""Shared helpers: one jieba segmentation per document, and literal-set regexes.

Recognisers that need word boundaries call ``boundaries(doc)``; the text is segmented once and
the result reused by every component of the same document (the cache holds the last text).

>>> sorted(boundaries_of("我们在北京工作"))
[0, 2, 3, 5, 7]
>>> import re
>>> from types import SimpleNamespace
>>> view(SimpleNamespace(text='以"三进"促攀高,好'))
'以“三进”促攀高，好'
>>> re.findall(literal_regex(["北京", "北京市", "南京"]), "北京市和南京")
['北京市', '南京']
"""
from __future__ import annotations

import re
from typing import Iterable

import jieba
import jieba.posseg

from ..doc import Mention

_last: tuple | None = None  # (text, tokens, boundaries, token index of each character, tokens by end)


def _segment(text: str) -> tuple:
    global _last
    if _last is None or _last[0] is not text and _last[0] != text:
        toks = list(jieba.tokenize(text))
        cover = [i for i, (w, _, _) in enumerate(toks) for _ in w] + [len(toks)]  # token of each character
        by_end = {b: (w, a) for w, a, b in toks}
        _last = (text, toks, frozenset([s for _, s, _ in toks] + [len(text)]), cover, by_end)
    return _last


def tokens_of(text: str) -> list[tuple[str, int, int]]:
    """jieba tokens ``(word, start, end)`` of ``text``, cached for the last text seen."""
    return _segment(text)[1]


def token_at(text: str, pos: int) -> tuple[str, int, int]:
    """The token covering character ``pos`` (``("", pos, pos)`` at the end)."""
    seg = _segment(text)
    i = seg[3][pos]
    return seg[1][i] if i < len(seg[1]) else ("", pos, pos)


def tokens_in(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    """Tokens lying wholly inside ``[s, e)``."""
    if e <= s:
        return []
    seg = _segment(text)
    return [t for t in seg[1][seg[3][s]:seg[3][e - 1] + 1] if t[1] >= s and t[2] <= e]


def token_ending(text: str, end: int) -> tuple[str, int] | None:
    """``(word, start)`` of the token that ends at ``end``, if one does."""
    return _segment(text)[4].get(end)


def boundaries_of(text: str) -> frozenset[int]:
    """Offsets where a jieba token starts (and the text's end)."""
    return _segment(text)[2]


def boundaries(doc) -> frozenset[int]:  # doc: kg.doc.Doc
    return boundaries_of(view(doc))


_ASCII = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_QUOTE = re.compile(r'"')
_view: tuple[str, str] | None = None


def view(doc) -> str:
    """``doc.text`` with ASCII punctuation as its full-width form and "…" as “…”: the same length,
    so offsets hold, but one set of patterns serves both ways of writing."""
    global _view
    if _view is not None and _view[0] is doc.text:
        return _view[1]
    text = doc.text
    if '"' in text or any(c in text for c in ",;:!?()"):
        lines = []
        for line in text.split("\n"):
            n = [0]

            def curly(_m, n=n):
                n[0] += 1
                return "“" if n[0] % 2 else "”"

            lines.append(_QUOTE.sub(curly, line.translate(_ASCII)))
        out = "\n".join(lines)
    else:
        out = text
    _view = (text, out)
    return out


def tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of a word ('' if unknown); a dict lookup, no tagging."""
    return jieba.posseg.dt.word_tag_tab.get(word, "")


_FUNCTION_TAGS = ("p", "c", "u", "d", "r")  # prepositions, conjunctions, particles, adverbs, pronouns


def glued_function_word(word: str) -> bool:
    """A two-character word jieba's HMM made up (not in its dictionary) with a function word as
    either half: 据市, 曾任, 地为 — the end of a name, not a part of one."""
    return len(word) == 2 and not tag(word) and any(tag(c).startswith(_FUNCTION_TAGS) for c in word)


_memo: tuple[str, dict] = ("", {})


def memo(doc, name: str, fn):
    """``fn(doc)``, computed once per document text: components reuse each other's results
    (places and organisations both need the gazetteer's) without running them twice."""
    global _memo
    if _memo[0] is not doc.text:
        _memo = (doc.text, {})
    cache = _memo[1]
    if name not in cache:
        cache[name] = fn(doc)
    return [Mention(**m.__dict__) for m in cache[name]]  # copies: callers may change theirs


def literal_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, built as a trie so matching stays fast."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


_NAME_NOISE = re.compile(r"[“”‘’「」\"'\s]")


def plain_name(s: str) -> str:
    """A name as the graph labels it: quote marks and spaces removed (“红色领航”工程 → 红色领航工程).

    >>> plain_name("“红色领航” 工程")
    '红色领航工程'
    """
    return _NAME_NOISE.sub("", s)
