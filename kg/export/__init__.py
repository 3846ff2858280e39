"""``kg export``: the graph in formats other tools read. Each format is a plain function too.

    to_turtle / to_ntriples / to_trig / to_jsonld   RDF (kg.export.rdf)
    to_networkx / to_graphml / to_gexf / to_csv     a network of entities (kg.export.network)

>>> import tempfile, pathlib
>>> from rdflib import Graph
>>> g = Graph().parse(data='<urn:a> <urn:p> "x" .', format="turtle")
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in export(g, "ntriples", d / "g.nt")]
['g.nt']
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..write.namespaces import DEFAULT_BASE
from .network import to_csv, to_gexf, to_graphml, to_networkx
from .rdf import partition, to_jsonld, to_ntriples, to_trig, to_turtle

FORMATS = {  # format → (function, default file name beside graph.ttl)
    "turtle": (to_turtle, "graph.export.ttl"),
    "ntriples": (to_ntriples, "graph.nt"),
    "trig": (to_trig, "graph.trig"),
    "jsonld": (to_jsonld, "graph.jsonld"),
    "graphml": (to_graphml, "graph.graphml"),
    "gexf": (to_gexf, "graph.gexf"),
    "csv": (to_csv, "."),
}

__all__ = ["export", "load", "FORMATS", "partition", "to_turtle", "to_ntriples", "to_trig", "to_jsonld",
           "to_networkx", "to_graphml", "to_gexf", "to_csv"]


def load(source: str | Path | Graph) -> Graph:
    """An rdflib Graph from a Graph, OUT/ (its graph.ttl) or a Turtle/N-Triples file."""
    if isinstance(source, Graph):
        return source
    p = Path(source)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such graph (run `kg build` first)")
    return Graph().parse(p, format="nt" if p.suffix == ".nt" else "turtle")


def export(source: str | Path | Graph, fmt: str, dest: str | Path | None = None,
           base: str = DEFAULT_BASE) -> list[Path]:
    """Write ``source`` as ``fmt``; ``dest`` is a file (a folder for csv), by default beside graph.ttl.
    Returns the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    func, name = FORMATS[fmt]
    if dest is None:
        if isinstance(source, Graph):
            raise ValueError("give a destination when exporting a Graph object")
        p = Path(source)
        dest = (p if p.is_dir() else p.parent) / name
    graph = load(source)
    if fmt in ("turtle", "trig", "jsonld"):
        out = func(graph, dest, base=base)
    else:
        out = func(graph, dest)
    return out if isinstance(out, list) else [out]
