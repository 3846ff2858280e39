"""Settle overlapping proposals: one reading per stretch of text.

Longer spans win, then higher confidence; identical spans from several components merge and
their agreement raises the confidence. Nested spans marked ``implicit`` (a parent named inside
a child's name) are kept beside the span that holds them.

>>> from kg.doc import Mention
>>> a = Mention(0, 3, "北仑区", "Place", "x", 0.5)
>>> b = Mention(0, 2, "北仑", "Place", "y", 0.9)
>>> [m.text for m in settle([a, b])]
['北仑区']
"""
from __future__ import annotations

from ..doc import Mention


def settle(candidates: list[Mention]) -> list[Mention]:
    # merge identical (span, type) proposals
    merged: dict[tuple[int, int, str], Mention] = {}
    for m in candidates:
        k = (m.start, m.end, m.type)
        if k in merged:
            old = merged[k]
            old.score = 1 - (1 - old.score) * (1 - m.score)
            if m.source not in old.source.split("+"):
                old.source = "+".join(sorted(old.source.split("+") + [m.source]))
        else:
            merged[k] = Mention(**{**m.__dict__})
    ranked = sorted(merged.values(), key=lambda m: (-(m.end - m.start), -m.score, m.start, m.type))
    taken = [False] * (max((m.end for m in ranked), default=0) + 1)
    kept: list[Mention] = []
    implicit: list[Mention] = []
    for m in ranked:
        if m.implicit:
            implicit.append(m)
            continue
        if any(taken[m.start:m.end]):
            continue
        for i in range(m.start, m.end):
            taken[i] = True
        kept.append(m)
    kept.extend(implicit)
    kept.sort(key=lambda m: (m.start, -m.end, m.type))
    return kept
