"""Component: an organisation or place launches a programme or event (launched).

The actor (the nearest organisation or place before the verb, with those coordinated with it)
推出/出台/举办/启动/开展/部署/推行/发布/发起 a programme or event named after the verb in the same
clause. Implementing someone else's programme (深入实施…, 落实…) is not launching it.

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "青山县推出“绿水行动”。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(0, 3, "青山县", "Place", "t", sentence=0),
...               Mention(5, 11, "“绿水行动”", "Program", "t", sentence=0, name="绿水行动")]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('launched', '青山县', '绿水行动')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from .spans import actors_with_fallback, can_act, objects_after, sentences_with_mentions

SOURCE = "relate.launching"
TRIGGER = re.compile(r"推出|出台|举办|主办|承办|启动|开展|部署|推行|发布|发起|创设|开设|开通|提炼|探索推进|编制|召开|举行")
# 某经验发源于某镇: the programme comes before the verb, the place after it
ORIGIN = re.compile(r"发源于|起源于|诞生于|首创于")
# 扎实开展 / 深入开展 …: carrying on with a programme, usually someone else's
CONTINUING = ("扎实", "深入", "持续", "广泛", "认真", "实施")
ACTORS = ("Organization", "Place")
OBJECTS = ("Program", "Event")


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    for si, sent, ms in sentences_with_mentions(doc):
        for t in TRIGGER.finditer(doc.text, sent.start, sent.end):
            if any(m.start <= t.start() < m.end for _, m in ms):
                continue  # the verb is part of a name
            if doc.text[max(0, t.start() - 2):t.start()] in CONTINUING:
                continue
            objs = objects_after(doc, ms, t.end(), OBJECTS)
            if not objs:
                continue
            found, factor = actors_with_fallback(doc, si, ms, t.start(), ACTORS)
            for a in found:
                for o in objs:
                    out.append(Relation("launched", a, o, si, SOURCE, round(0.7 * factor, 3)))
        for k, (i, m) in enumerate(ms[:-1]):  # 某纪念馆“某某”主题展: the body's own event
            j, e = ms[k + 1]
            if m.type in ACTORS and can_act(m) and e.type == "Event" and not m.implicit and not e.implicit \
                    and m.end <= e.start and doc.text[m.end:e.start].strip("“‘「『") == "" \
                    and not doc.text[max(0, m.start - 2):m.start].endswith(("在", "到", "于", "赴")):
                out.append(Relation("launched", i, j, si, SOURCE, 0.5))
        for t in ORIGIN.finditer(doc.text, sent.start, sent.end):
            progs = [i for i, m in ms if m.end <= t.start() and m.type in OBJECTS and not m.implicit
                     and len(doc.text[m.end:t.start()].strip("”’\"'")) <= 1]
            places = [i for i, m in ms if m.start >= t.end() and m.type in ACTORS and not m.implicit
                      and not any(c in doc.text[t.end():m.start] for c in "，,。；;")]
            if progs and places:
                n = 0  # 发源于某县某镇: the last of a run of places
                while n + 1 < len(places) and doc.mentions[places[n + 1]].start == doc.mentions[places[n]].end:
                    n += 1
                out.append(Relation("launched", places[n], progs[-1], si, SOURCE, 0.7))
    return out
