"""Component: a person, organisation or place receives an award or title (received_award).

获评/荣获/获得/获/入选/被评为/被授予/被命名为/当选/被确定为 an award named after the verb; also
``X作为AWARD`` and ``AWARD——X``. No relation when the nearest thing before the verb is a
programme (a programme is not a recipient) or when the item was only nominated (推荐, 提名, 申报).

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "李四获评全国劳动模范。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(0, 2, "李四", "Person", "t", sentence=0),
...               Mention(4, 10, "全国劳动模范", "Award", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('received_award', '李四', '全国劳动模范')]
"""
from __future__ import annotations

import re

from ..doc import Doc, Relation
from .spans import CLAUSE_END, QUOTES, actors, objects_after, sentences_with_mentions

SOURCE = "relate.awards"
TRIGGER = re.compile(r"获评|荣获|获得|入选|被评为|评为|被授予|授予|被命名为|命名为|当选为|当选|被确定为|确定为|列为|获")
NOMINATED = ("推荐", "提名", "申报", "参评", "参选", "候选", "入围", "拟")  # shortlisted is not awarded
RECIPIENTS = ("Person", "Organization", "Place")


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    for si, sent, ms in sentences_with_mentions(doc):
        for t in TRIGGER.finditer(doc.text, sent.start, sent.end):
            if any(m.start <= t.start() < m.end for _, m in ms):
                continue
            awards = objects_after(doc, ms, t.end(), ("Award",))
            if not awards:
                continue
            clause = doc.text[sent.start:t.start()]
            for c in CLAUSE_END:
                clause = clause.rsplit(c, 1)[-1]
            tail = doc.text[t.end():doc.mentions[awards[-1]].end + 6]
            if any(w in clause for w in NOMINATED) or any(w in tail for w in ("候选", "提名")):
                continue
            before = [(i, m) for i, m in ms if m.end <= t.start() and not m.implicit and m.type != "Award"]
            if before and before[-1][1].type in ("Program", "Event") and not doc.text[before[-1][1].start - 1:before[-1][1].start] == "被":
                continue  # 某模式入选…: the recipient is a programme
            for a in actors(doc, ms, t.start(), RECIPIENTS):
                for o in awards:
                    out.append(Relation("received_award", a, o, si, SOURCE, 0.7))
        out += _as_award(doc, si, ms)
    return out


def _as_award(doc: Doc, si: int, ms) -> list[Relation]:
    """X作为AWARD / 作为AWARD，X / AWARD——X."""
    out = []
    for k, (i, m) in enumerate(ms):
        if m.type != "Award" or m.implicit:
            continue
        head = doc.text[max(0, m.start - 12):m.start]
        z = head.rfind("作为")
        if z >= 0 and not any(c in head[z:] for c in CLAUSE_END):
            zpos = m.start - len(head) + z
            left = [(j, x) for j, x in ms if x.end <= zpos and x.type in RECIPIENTS and not x.implicit]
            if left and zpos - left[-1][1].end <= 1:
                out.append(Relation("received_award", left[-1][0], i, si, SOURCE, 0.6))
            elif doc.text[m.end:m.end + 2].lstrip(QUOTES)[:1] in ("，", ","):
                right = [(j, x) for j, x in ms if x.start > m.end and x.type in RECIPIENTS and not x.implicit]
                if right and not any(c in doc.text[m.end:right[0][1].start].lstrip(QUOTES)[1:] for c in CLAUSE_END):
                    n = 0  # 某县某乡某村: the last of a run of places is the one meant
                    while n + 1 < len(right) and right[n + 1][1].start == right[n][1].end:
                        n += 1
                    out.append(Relation("received_award", right[n][0], i, si, SOURCE, 0.6))
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if nxt and nxt[1].type in ("Organization", "Place") and doc.text[m.end:nxt[1].start] in ("——", "—", "－－"):
            out.append(Relation("received_award", nxt[0], i, si, SOURCE, 0.6))
    return out
