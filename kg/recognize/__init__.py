"""Step 4 — recognize: entity mentions of six types.

Each recogniser is a component of its own (a function ``Doc -> list[Mention]``) that can be
run and tested alone; ``settle`` (overlaps.py) then picks one reading where proposals overlap,
and ``propagate`` (consistency.py) tags the other occurrences of every settled name.

>>> from kg.pipeline import extract
>>> doc = extract("苏州市吴中区委组织部部长王小明说，吴中区委组织部将推出“红色领航”工程。")
>>> sorted({(m.label, m.type) for m in doc.mentions if not m.implicit})
[('吴中区委组织部', 'Organization'), ('王小明', 'Person'), ('红色领航工程', 'Program'), ('苏州市吴中区委组织部', 'Organization')]
"""
from __future__ import annotations

from ..doc import Doc
from . import awards, gazetteer, organizations, persons, places, programs, statistical
from .consistency import link_short_forms, propagate
from .overlaps import STATISTICAL, settle, usable_guess
from .tokens import memo

# Components in the order they run; each proposes candidates independently.
COMPONENTS = [
    gazetteer.recognize,  # each result is memoised per document text (tokens.memo): places and
    places.recognize,  # organisations reuse these two
    organizations.recognize,
    programs.recognize,
    awards.recognize,
    persons.recognize,
]
if statistical.MODEL_PATH.exists():  # the CRF tagger (source "crf"): fills what no rule covers (overlaps.STATISTICAL)
    COMPONENTS.append(statistical.recognize)

_SHARED = {gazetteer.recognize, places.recognize}


def recognize(doc: Doc) -> Doc:
    candidates = []
    for component in COMPONENTS:
        name = getattr(component, "__module__", "").rsplit(".", 1)[-1]
        candidates.extend(memo(doc, name, component) if component in _SHARED else component(doc))
    for m in candidates:  # components match on a normalised view of the text: keep the real characters
        m.text = doc.text[m.start:m.end]
    # a statistical guess fills what no rule covers when it is confident and names a unit, not a kind
    # (measured on msra-val / pd-dev / seeds-dev: requiring jieba word boundaries as well, or
    # the stricter plausible_guess, cost 6-8 points of recall on news text and none on seeds)
    _pool_repeated_guesses(candidates)
    candidates = [m for m in candidates if m.source not in STATISTICAL
                  or (usable_guess(m) and not (m.type == "Place" and gazetteer.quality_follows(doc.text, m.end)))]
    doc.mentions = link_short_forms(settle(propagate(doc, settle(candidates))))
    doc.attach_sentences()
    return doc


def _pool_repeated_guesses(candidates: list) -> None:
    """A name the tagger guesses at several places of one document, each time unsure, gathers
    its evidence: every guess takes the noisy-or of the name's guesses (capped at 0.95)."""
    scores: dict[tuple[str, str], list[float]] = {}
    for m in candidates:
        if m.source in STATISTICAL:
            scores.setdefault((m.text, m.type), []).append(m.score)
    for m in candidates:
        got = scores.get((m.text, m.type)) if m.source in STATISTICAL else None
        if got and len(got) > 1:
            miss = 1.0
            for x in got:
                miss *= 1 - x
            m.score = round(max(m.score, min(0.95, 1 - miss)), 4)
