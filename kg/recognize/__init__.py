"""Step 4 — recognize: entity mentions of six types.

Each recogniser is a component of its own (a function ``Doc -> list[Mention]``) that can be
run and tested alone; ``settle`` (overlaps.py) then picks one reading where proposals overlap.
"""
from __future__ import annotations

from ..doc import Doc
from . import lexicon
from .overlaps import settle

# Components in the order they run; each proposes candidates independently.
COMPONENTS = [lexicon.recognize]


def recognize(doc: Doc) -> Doc:
    candidates = []
    for component in COMPONENTS:
        candidates.extend(component(doc))
    doc.mentions = settle(candidates)
    doc.attach_sentences()
    return doc
