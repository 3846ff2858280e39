"""RDF exports: Turtle, N-Triples, TriG (one named graph per document) and JSON-LD with a context.

Triples are sorted before writing, so the same graph always gives the same bytes.

**TriG layout.** Each ``schema:NewsArticle`` gets a named graph ``<DOC/graph>`` holding what that
article alone says: the article's own description, its mentions and sentences, the evidence
found in it, and every fact (plain triple + its ``kg:Assertion`` or ``kg:Membership``) it
supports. A fact supported by two articles is written in both graphs, so dropping one article's
graph (``DROP GRAPH <DOC/graph>``) removes exactly the facts nobody else supports, and loading a
new version of the article into the same graph replaces them. What is shared — entity
descriptions (type, labels, confidence) and roles — sits in the **default graph**: no article owns
it, a loader that ignores named graphs still gets the catalogue of entities, and a store queried
with "default graph = union of all graphs" sees the whole graph again. (A fact's combined
``kg:confidence`` is copied into each supporting graph; after a drop it is the old value until
the next build.)
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..write.namespaces import DEFAULT_BASE, PREFIXES
from ..write.turtle import write_atomic

KG = str(PREFIXES["kg"])
RDF = str(PREFIXES["rdf"])
SDO = str(PREFIXES["schema"])
ORG = str(PREFIXES["org"])
A = RDF + "type"


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    return {**{p: str(ns) for p, ns in PREFIXES.items()}, "kgr": base}


def oxigraph_triples(graph: Graph) -> list[ox.Triple]:
    """An rdflib graph's triples as Oxigraph terms (via N-Triples), sorted."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return sorted(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), key=str)


def to_turtle(graph: Graph, path: str | Path, base: str = DEFAULT_BASE) -> Path:
    """Write Turtle with the readable prefixes."""
    write_atomic(Path(path), ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.TURTLE, prefixes=prefixes(base)))
    return Path(path)


def to_ntriples(graph: Graph, path: str | Path) -> Path:
    """Write N-Triples, one triple a line, sorted (diff-friendly, `sort`/`grep`-friendly)."""
    write_atomic(Path(path), ox.serialize(oxigraph_triples(graph), format=ox.RdfFormat.N_TRIPLES))
    return Path(path)


def document_graph(doc: str) -> str:
    """The named graph that holds one document's facts."""
    return f"{doc}/graph"


def partition(triples: list[ox.Triple]) -> list[ox.Quad]:
    """Assign each triple to the default graph or to the graph(s) of the document(s) it comes from."""
    by_s: dict = defaultdict(list)
    for t in triples:
        by_s[t.subject].append(t)
    types = {s: {t.object.value for t in ts if t.predicate.value == A} for s, ts in by_s.items()}
    docs = {s for s, ty in types.items() if SDO + "NewsArticle" in ty}

    def value(s, p):
        return [t.object for t in by_s.get(s, ()) if t.predicate.value == p]

    owner: dict = defaultdict(set)  # subject → documents whose graph describes it
    for d in docs:
        owner[d].add(d)
    for s in by_s:  # sentences and evidence name their document
        owner[s].update(d for d in value(s, KG + "inDocument") if d in docs)
    for s in by_s:  # mentions name their sentence; failing that, their IRI extends the document's
        owner[s].update(d for sent in value(s, KG + "inSentence") for d in owner.get(sent, ()))
        if not owner[s] and isinstance(s, ox.NamedNode):
            owner[s].update(d for d in _prefixes(s.value) if d in docs)
    fact_docs: dict = {}
    for s, ty in types.items():
        if KG + "Assertion" in ty or KG + "Membership" in ty:
            ds = {d for e in value(s, KG + "evidence") for d in owner.get(e, ())}
            owner[s] |= ds
            if KG + "Assertion" in ty:
                spo = (value(s, RDF + "subject"), value(s, RDF + "predicate"), value(s, RDF + "object"))
                if all(len(x) == 1 for x in spo):
                    fact_docs[tuple(x[0] for x in spo)] = ds
    quads = []
    for t in triples:
        gs = owner.get(t.subject) or fact_docs.get((t.subject, t.predicate, t.object))
        if gs:
            quads += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(document_graph(d.value))) for d in gs]
        else:
            quads.append(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    return quads


def _prefixes(iri: str) -> list[ox.NamedNode]:
    """``…/doc/x.m1-2`` → ``…/doc/x``, ``…/doc/x/s3`` → ``…/doc/x`` (candidates for its document)."""
    import re

    return [ox.NamedNode(iri[:m.start()]) for m in re.finditer(r"[/#.]", iri) if m.start() > 8]


def to_trig(graph: Graph, path: str | Path, base: str = DEFAULT_BASE) -> Path:
    """Write TriG: shared entity descriptions in the default graph, one named graph per document."""
    quads = partition(oxigraph_triples(graph))
    quads.sort(key=lambda q: ("" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value, str(q.triple)))
    write_atomic(Path(path), ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes(base)))
    return Path(path)


def to_jsonld(graph: Graph, path: str | Path, base: str = DEFAULT_BASE) -> Path:
    """Write JSON-LD, compacted with a ``@context`` of the readable prefixes; nodes sorted by @id."""
    context = prefixes(base)
    doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    nodes = [_sorted({k: v for k, v in n.items() if k != "@context"}) for n in nodes]
    nodes.sort(key=lambda n: n.get("@id", ""))
    out = {"@context": context, "@graph": nodes}
    write_atomic(Path(path), (json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return Path(path)


def _sorted(x):
    """Lists of values in a fixed order (rdflib emits them in set order)."""
    if isinstance(x, dict):
        return {k: _sorted(v) for k, v in x.items()}
    if isinstance(x, list):
        return sorted((_sorted(v) for v in x), key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return x
