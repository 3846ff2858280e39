"""SPARQL over a built graph: SELECT, ASK and CONSTRUCT with the common prefixes predeclared.

>>> from rdflib import Graph
>>> g = Graph().parse(data='<urn:a> <urn:p> "x" .', format="turtle")
>>> run_query(g, "SELECT ?o WHERE { ?s ?p ?o }").bindings[0]["o"].toPython()
'x'
"""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from .write.namespaces import DEFAULT_BASE, sparql_prologue


class QueryError(Exception):
    """The query could not be parsed or run; the message is the parser's."""


def load_graph(target: str | Path) -> Graph:
    """A graph from OUT/ (reads OUT/graph.ttl) or from a Turtle file."""
    p = Path(target)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such graph (run `kg build` first)")
    return Graph().parse(p, format="turtle")


def run_query(graph: Graph, sparql: str, base: str = DEFAULT_BASE) -> Result:
    try:
        return graph.query(sparql_prologue(base) + sparql)
    except Exception as e:  # rdflib raises pyparsing errors and others
        raise QueryError(f"{type(e).__name__}: {e}") from None


def format_result(result: Result, fmt: str = "table") -> str:
    """Render as SPARQL 1.1 CSV/TSV/JSON results, Turtle (CONSTRUCT) or an aligned table."""
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        return result.graph.serialize(format="turtle")
    if fmt in ("csv", "tsv", "json"):
        return result.serialize(format=fmt).decode("utf-8")
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    cols = [str(v) for v in result.vars]
    rows = [["" if r[v] is None else str(r[v]) for v in result.vars] for r in result]
    widths = [max([_w(c)] + [_w(r[i]) for r in rows]) for i, c in enumerate(cols)]
    line = lambda cells: "  ".join(c + " " * (w - _w(c)) for c, w in zip(cells, widths)).rstrip()
    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _w(s: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
