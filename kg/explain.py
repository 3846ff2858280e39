"""Why is a node in the graph? Its type, names, the sentences it was found in, by which
components and how confidently, and its relations with their evidence.

Reads only the built graph (``OUT/graph.ttl``), so it explains exactly what was published.

>>> from kg.pipeline import extract
>>> from kg.resolve import resolve
>>> from kg.write import to_graph
>>> doc = extract("青山区委组织部在青山区召开会议。", path="a.txt")
>>> g = to_graph([doc], resolve([doc]))
>>> reports = explain(g, "青山区")
>>> reports[0].label, reports[0].mentions[0].document
('青山区', 'a.txt')
>>> explain(g, "没有这个名字")
[]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .resolve.entities import normal_name
from .write.namespaces import KG, ORG, SDO

ENTITY_CLASSES = {KG[t] for t in ("Person", "Place", "Organization", "Program", "Event", "Award")}


@dataclass
class Found:
    """One place something was read: a mention, or a piece of evidence for a relation."""

    document: str
    start: int  # character offsets into the original file
    end: int
    sentence: str
    components: str
    confidence: float
    surface: str = ""


@dataclass
class RelationReport:
    subject: str
    predicate: str  # the property's local name (partOf, organizer …), or "holds position"
    object: str
    confidence: float
    role: str = ""
    evidence: list[Found] = field(default_factory=list)


@dataclass
class EntityReport:
    iri: str
    label: str
    types: list[str]
    aliases: list[str]
    confidence: float
    components: str
    mentions: list[Found] = field(default_factory=list)
    relations: list[RelationReport] = field(default_factory=list)


def find_entities(g: Graph, name: str) -> list[URIRef]:
    """Entities whose label or alias is ``name``; if none, those whose names contain it."""
    want = normal_name(name)
    exact, partial = set(), set()
    for cls in ENTITY_CLASSES:
        for e in g.subjects(RDF.type, cls):
            names = {normal_name(str(o)) for p in (RDFS.label, SKOS.altLabel) for o in g.objects(e, p)}
            if want in names:
                exact.add(e)
            elif any(want and want in n for n in names):
                partial.add(e)
    return sorted(exact or partial, key=lambda e: (_label(g, e) != name, len(_label(g, e)), _label(g, e), str(e)))


def explain(g: Graph | str | Path, name: str) -> list[EntityReport]:
    """Reports for every entity ``name`` matches (exact names first; else substrings)."""
    if not isinstance(g, Graph):
        from .query import load_graph

        g = load_graph(g)
    return [_report(g, e) for e in find_entities(g, name)]


def _label(g: Graph, node) -> str:
    if isinstance(node, Literal):
        return str(node)
    lab = g.value(node, RDFS.label)
    return str(lab) if lab is not None else str(node).rsplit("/", 1)[-1]


def _float(x) -> float:
    return float(x.toPython()) if x is not None else 0.0


def _found(g: Graph, node) -> Found:
    doc = g.value(node, KG.inDocument)
    sent = g.value(node, KG.inSentence)
    if doc is None and sent is not None:
        doc = g.value(sent, KG.inDocument)
    path = str(g.value(doc, DCTERMS.source) or doc or "")
    return Found(
        document=path,
        start=int(g.value(node, KG.startOffset) or 0),
        end=int(g.value(node, KG.endOffset) or 0),
        sentence=str(g.value(sent, SDO.text) or "") if sent is not None else "",
        components=str(g.value(node, KG.extractedBy) or ""),
        confidence=_float(g.value(node, KG.confidence)),
        surface=str(g.value(node, KG.surface) or ""),
    )


def _order(f: Found) -> tuple:
    return (f.document, f.start, f.end)


def _report(g: Graph, e: URIRef) -> EntityReport:
    types = sorted(str(t).rsplit("#", 1)[-1] for t in g.objects(e, RDF.type) if str(t).startswith(str(KG)))
    alt = {str(t).rsplit("#", 1)[-1] for t in g.objects(e, KG.altType)}
    main = [t for t in types if KG[t] in ENTITY_CLASSES and t not in alt]
    r = EntityReport(
        iri=str(e), label=_label(g, e), types=main + [t for t in types if t not in main and t not in alt] + sorted(alt),
        aliases=sorted(str(a) for a in g.objects(e, SKOS.altLabel)),
        confidence=_float(g.value(e, KG.confidence)), components=str(g.value(e, KG.extractedBy) or ""),
    )
    r.mentions = sorted((_found(g, m) for m in g.subjects(KG.denotes, e)), key=_order)
    for fact in set(g.subjects(RDF.subject, e)) | set(g.subjects(RDF.object, e)):
        s, p, o = g.value(fact, RDF.subject), g.value(fact, RDF.predicate), g.value(fact, RDF.object)
        r.relations.append(RelationReport(_label(g, s), str(p).rsplit("#", 1)[-1], _label(g, o),
                                          _float(g.value(fact, KG.confidence)),
                                          evidence=sorted((_found(g, v) for v in g.objects(fact, KG.evidence)), key=_order)))
    for fact in set(g.subjects(ORG.member, e)) | set(g.subjects(ORG.organization, e)):
        role = g.value(fact, ORG.role)
        r.relations.append(RelationReport(_label(g, g.value(fact, ORG.member)), "holds position",
                                          _label(g, g.value(fact, ORG.organization)),
                                          _float(g.value(fact, KG.confidence)),
                                          role=_label(g, role) if role is not None else "",
                                          evidence=sorted((_found(g, v) for v in g.objects(fact, KG.evidence)), key=_order)))
    r.relations.sort(key=lambda x: (x.predicate, x.subject, x.object, x.role))
    return r


def _clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(r: EntityReport) -> str:
    """The text ``kg explain`` prints for one entity."""
    lines = [f"{r.label}  ({', '.join(r.types)})", f"  node        {r.iri}",
             f"  confidence  {r.confidence:.3f}  from {r.components or '?'}"]
    lines.append(f"  also named  {'、'.join(r.aliases)}" if r.aliases else "  also named  (no other form)")
    lines.append(f"  found {len(r.mentions)} time(s):")
    for m in r.mentions:
        lines.append(f"    {m.document} [{m.start}:{m.end}] “{m.surface}”  by {m.components} ({m.confidence:.2f})")
        if m.sentence:
            lines.append(f"        {_clip(m.sentence)}")
    lines.append(f"  relations ({len(r.relations)}):")
    for x in r.relations:
        what = f"{x.subject} holds position {x.role or '(no post named)'} in {x.object}" if x.role or \
            x.predicate == "holds position" else f"{x.subject} —{x.predicate}→ {x.object}"
        lines.append(f"    {what}  ({x.confidence:.2f})")
        for ev in x.evidence:
            lines.append(f"        {ev.document} [{ev.start}:{ev.end}] by {ev.components} ({ev.confidence:.2f}): {_clip(ev.sentence, 120)}")
    return "\n".join(lines)


def explain_text(target: Graph | str | Path, name: str, limit: int = 10) -> str | None:
    """Everything ``kg explain`` prints for ``name``, or None when nothing matches.

    At most ``limit`` entities are explained in full (0: all); the others are named."""
    reports = explain(target, name)
    if not reports:
        return None
    shown = reports if limit <= 0 else reports[:limit]
    head = f"{len(reports)} entities match “{name}”\n\n" if len(reports) > 1 else ""
    text = head + "\n\n".join(format_report(r) for r in shown)
    if len(shown) < len(reports):
        rest = "、".join(r.label for r in reports[len(shown):])
        text += f"\n\n… and {len(reports) - len(shown)} more (--limit 0 shows all): {rest}"
    return text
