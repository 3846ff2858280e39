"""Step 5 — relate: facts between the mentions of one sentence.

Each relation recogniser is a component (``Doc -> list[Relation]``) testable alone. When two
components (or two readings of one) state the same fact, it is kept once with their sources
joined and the confidences combined by noisy-or: independent agreement raises confidence.
"""
from __future__ import annotations

from ..doc import Doc, Relation
from . import awards, containment, founding, launching, origin, positions, structure, wording

FOUNDER_ROLES = ("创始人", "创办人", "创建人", "创立者")  # a post that is the founding too
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
    for r in list(merged.values()):  # 某公司创始人甲: a founder's post is the founding too
        if r.kind == "holds_position" and r.role and r.role.endswith(FOUNDER_ROLES):
            k = ("founded", r.subject, r.object, None, None)
            if k not in merged:
                merged[k] = Relation("founded", r.subject, r.object, r.sentence, r.source, r.score)
    doc.relations = list(merged.values())
    return doc
