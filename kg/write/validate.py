"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl, no inference needed).

>>> from rdflib import Graph
>>> ok, report = validate(Graph())
>>> ok
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"  # kg/ontology → ../ontology
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate(graph: Graph, shapes: Graph | None = None) -> tuple[bool, str]:
    """(conforms, the pyshacl text report). Warnings count as failures: the shapes state only
    what the writer guarantees."""
    from pyshacl import validate as shacl

    conforms, _, text = shacl(graph, shacl_graph=shapes if shapes is not None else shapes_graph(),
                              inference="none", advanced=True, allow_warnings=False)
    return bool(conforms), str(text)
