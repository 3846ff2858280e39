"""Component: names jieba's own dictionary tags as person (nr), place (ns) or organisation (nt).

>>> from kg.doc import Doc
>>> [ (m.text, m.type) for m in recognize(Doc(path="x", text="张三在北京工作")) ]
[('北京', 'Place')]
"""
from __future__ import annotations

import jieba
import jieba.posseg

from ..doc import Doc, Mention

_TAGS = {"nr": "Person", "nrfg": "Person", "ns": "Place", "nt": "Organization"}


def recognize(doc: Doc) -> list[Mention]:
    tags = jieba.posseg.dt.word_tag_tab
    out: list[Mention] = []
    for word, start, end in jieba.tokenize(doc.text):
        t = _TAGS.get(tags.get(word, ""))
        if t and len(word) > 1:
            out.append(Mention(start, end, word, t, "lexicon", 0.4))
    return out
