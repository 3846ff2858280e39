"""Step 5 — relate: facts between the mentions of one sentence.

Each relation recogniser is a component (``Doc -> list[Relation]``) testable alone. When two
components (or two readings of one) state the same fact, it is kept once with their sources
joined and the confidences combined by noisy-or: independent agreement raises confidence.
"""
from __future__ import annotations

from ..doc import Doc, Relation
from . import awards, containment, founding, launching, origin, positions, structure, wording

COMPONENTS = [
    containment.recognize,
    positions.recognize,
    structure.recognize,
    wording.recognize,
    launching.recognize,
    founding.recognize,
    awards.recognize,
    origin.recognize,
]


def relate(doc: Doc) -> Doc:
    merged: dict[tuple, Relation] = {}
    for component in COMPONENTS:
        for r in component(doc):
            k = (r.kind, r.subject, r.object, r.literal, r.role)
            old = merged.get(k)
            if old is None:
                merged[k] = r
                continue
            old.score = 1 - (1 - old.score) * (1 - r.score)
            if r.source not in old.source.split("+"):
                old.source = "+".join(sorted(old.source.split("+") + [r.source]))
    doc.relations = list(merged.values())
    return doc
