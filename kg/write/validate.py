"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl, no inference needed).

>>> from rdflib import Graph, URIRef
>>> ok, report = validate(Graph())
>>> ok
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .namespaces import SH

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"  # kg/ontology → ../ontology
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


class Violation(NamedTuple):
    focus: str  # the node that breaks a rule
    path: str  # the property concerned ("" for a rule about the node itself)
    message: str
    shape: str  # the shape that states the rule


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _run(graph: Graph, shapes: Graph | None):
    from pyshacl import validate as shacl

    return shacl(graph, shacl_graph=shapes if shapes is not None else shapes_graph(),
                 inference="none", advanced=True, allow_warnings=False)


def validate(graph: Graph, shapes: Graph | None = None) -> tuple[bool, str]:
    """(conforms, the pyshacl text report). Warnings count as failures: the shapes state only
    what the writer guarantees."""
    conforms, _, text = _run(graph, shapes)
    return bool(conforms), str(text)


def violations(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Every rule the graph breaks, sorted; empty when it conforms."""
    _, results, _ = _run(graph, shapes)
    out = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        val = lambda p: str(results.value(r, p) or "")
        out.add(Violation(val(SH.focusNode), val(SH.resultPath), val(SH.resultMessage), val(SH.sourceShape)))
    return sorted(out)


def describe(found: list[Violation], graph: Graph | None = None) -> list[str]:
    """One line per violation: the node and property as prefixed names, then the message."""
    nm = graph.namespace_manager if graph is not None else Graph().namespace_manager

    def short(iri: str) -> str:
        if not iri:
            return ""
        try:
            return nm.normalizeUri(URIRef(iri))
        except Exception:
            return f"<{iri}>"

    return [f"{short(v.focus)}  {short(v.path)}  {v.message}".replace("    ", "  ") for v in found]
