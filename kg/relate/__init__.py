"""Step 5 — relate: facts between the mentions of one sentence.

Each relation recogniser is a component (``Doc -> list[Relation]``) testable alone.
"""
from __future__ import annotations

from ..doc import Doc
from . import containment

COMPONENTS = [containment.recognize]


def relate(doc: Doc) -> Doc:
    rels = []
    seen = set()
    for component in COMPONENTS:
        for r in component(doc):
            k = (r.kind, r.subject, r.object, r.literal, r.role)
            if k not in seen:
                seen.add(k)
                rels.append(r)
    doc.relations = rels
    return doc
