"""SPARQL over a built graph: SELECT, ASK and CONSTRUCT with the common prefixes predeclared,
results in the W3C SPARQL 1.1 CSV, TSV and JSON result formats or as an aligned table.

Two engines, one output: ``run_query`` runs on an rdflib Graph (what ``kg.build`` returns, for
notebooks); ``query_target`` runs on Oxigraph over OUT/store (``kg build --store``) or a graph file
loaded in memory, which is what ``kg query`` does — Rust parses and answers far faster than
rdflib once the graph holds millions of triples.

The prefixes of ``kg.write.namespaces.query_prefixes`` (kg:, schema:, org:, prov:, skos:,
dcterms:, rdf:, rdfs:, owl:, xsd:, and kgr:, doc:, person:, place:… under the base) need no
PREFIX line; a query's own PREFIX line wins over a predeclared one of the same name.

>>> from rdflib import Graph
>>> g = Graph().parse(data='<urn:a> <urn:p> "宁波"@zh .', format="turtle")
>>> print(format_result(run_query(g, "SELECT ?o WHERE { ?s ?p ?o }"), "tsv"), end="")
?o
"宁波"@zh
>>> print(format_result(run_query(g, "ASK { ?s ?p ?o }"), "json"))
{"head": {}, "boolean": true}
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD, NamespaceManager
from rdflib.query import Result

from .write.namespaces import DEFAULT_BASE, bind_prefixes, query_prefixes

FORMATS = ("table", "csv", "tsv", "json")


class QueryError(Exception):
    """The query could not be parsed or run; the message is the parser's."""


class GraphError(Exception):
    """The graph could not be found or read; the message is one line naming the file."""


def load_graph(target: str | Path) -> Graph:
    """A graph from OUT/ (reads OUT/graph.ttl) or from a Turtle (or N-Triples) file.
    If OUT holds a fresh Oxigraph store (``kg build --store``), the graph is that store and
    queries run on Oxigraph (see ``kg.store``)."""
    p = Path(target)
    from .store import find_store, open_store, rdflib_graph

    if p.is_dir() and (store := find_store(p)) is not None:
        return rdflib_graph(open_store(store))
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise GraphError(f"{p}: no such graph (run `kg build` first)")
    try:
        return Graph().parse(p, format="nt" if p.suffix == ".nt" else "turtle")
    except Exception as e:  # rdflib raises BadSyntax, UnicodeDecodeError, …
        raise GraphError(f"{p}: not a readable Turtle graph: {_one_line(e)}") from None


def graph_base(graph: Graph) -> str:
    """The instance base a graph was written with (its ``kgr:`` prefix), else the default."""
    bound = dict(graph.namespaces())
    if "kgr" in bound:
        return str(bound["kgr"])
    doc = str(bound.get("doc", ""))
    return doc[: -len("doc/")] if doc.endswith("/doc/") else DEFAULT_BASE


def run_query(graph: Graph, sparql: str, base: str | None = None) -> Result:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). Update requests are refused.
    ``base`` sets the instance prefixes (kgr:, doc:, place:…); by default the graph's own."""
    try:
        result = graph.query(sparql, initNs=query_prefixes(base or graph_base(graph)))
        if result.type == "SELECT":
            result.bindings  # evaluate now, so that errors surface here and not while printing
        return result
    except Exception as e:  # rdflib raises pyparsing errors and others
        raise QueryError(_one_line(e)) from None


@dataclass
class Answer:
    """A query's answer, whichever engine gave it: rows of rdflib terms, a boolean or a graph."""

    kind: str  # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # None where a variable is unbound
    boolean: bool | None = None
    graph: Graph | None = None

    @classmethod
    def of(cls, result: Result) -> "Answer":
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return cls("CONSTRUCT", graph=result.graph)
        if result.type == "ASK":
            return cls("ASK", boolean=bool(result.askAnswer))
        vs = list(result.vars or [])
        return cls("SELECT", [str(v) for v in vs], [[b.get(v) for v in vs] for b in result.bindings])


def target_base(target: str | Path) -> str:
    """The instance base of the graph at ``target`` (OUT, a store or a Turtle file), read from the
    ``@prefix kgr:`` line the writer puts at the top of the Turtle; else the default."""
    p = Path(target)
    for f in (p, p / "graph.ttl", p.parent / "graph.ttl"):
        if f.is_file() and f.suffix == ".ttl":
            with open(f, encoding="utf-8", errors="replace") as fh:
                head = fh.read(1 << 14)
            m = re.search(r"^@prefix kgr: <([^>]*)> \.$", head, re.M) or re.search(r"^@prefix doc: <([^>]*)doc/> \.$", head, re.M)
            if m:
                return m.group(1)
    return DEFAULT_BASE


def query_target(target: str | Path, sparql: str, base: str | None = None) -> Answer:
    """Run a query with Oxigraph on OUT (its fresh OUT/store, else OUT/graph.ttl), a store folder
    or a graph file. Raises GraphError if there is nothing readable there, QueryError for a bad query."""
    from .store import open_any

    try:
        store = open_any(target)
    except FileNotFoundError as e:
        raise GraphError(_one_line(e)) from None
    except (SyntaxError, ValueError, OSError) as e:
        f = Path(target) / "graph.ttl" if Path(target).is_dir() else target
        raise GraphError(f"{f}: not a readable graph: {_one_line(e)}") from None
    try:
        return _from_oxigraph(store.query(sparql, prefixes=query_prefixes(base or target_base(target))))
    except Exception as e:  # SyntaxError for a bad query; evaluation errors are the query's too
        raise QueryError(_one_line(e)) from None


def _from_oxigraph(res) -> Answer:
    import pyoxigraph as ox

    if isinstance(res, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        g = Graph()
        for t in res:
            g.add((_rdflib(t.subject), _rdflib(t.predicate), _rdflib(t.object)))
        return Answer("CONSTRUCT", graph=g)
    names = [v.value for v in res.variables]
    return Answer("SELECT", names, [[_rdflib(t) for t in sol] for sol in res])


def _rdflib(t):
    """A pyoxigraph term as the rdflib term the formatters take."""
    import pyoxigraph as ox

    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return Literal(t.value, datatype=None if dt == str(XSD.string) else URIRef(dt))


def format_result(result: Result | Answer, fmt: str = "table", base: str | None = None) -> str:
    """SELECT in the W3C CSV/TSV/JSON result formats or a table; ASK as true/false (JSON:
    ``{"head": {}, "boolean": …}``); CONSTRUCT and DESCRIBE as Turtle."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    a = result if isinstance(result, Answer) else Answer.of(result)
    if a.kind == "CONSTRUCT":
        from .write.turtle import turtle_bytes

        return turtle_bytes(bind_prefixes(a.graph, base or DEFAULT_BASE)).decode("utf-8")
    if a.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": a.boolean})
        return "true" if a.boolean else "false"
    if fmt == "csv":
        return to_csv(a.vars, a.rows)
    if fmt == "tsv":
        return to_tsv(a.vars, a.rows)
    if fmt == "json":
        return to_json(a.vars, a.rows)
    nm = bind_prefixes(Graph(), base or DEFAULT_BASE).namespace_manager
    return to_table(a.vars, [[_short(t, nm) for t in r] for r in a.rows])


def to_csv(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results CSV: a header of variable names, plain values, CRLF line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(names)
    for r in rows:
        w.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in r])
    return buf.getvalue()


def to_tsv(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results TSV: a header of ``?var``, terms in Turtle/N-Triples syntax."""
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join("" if t is None else _nt(t) for t in r) for r in rows]
    return "\n".join(lines) + "\n"


def to_json(names: list[str], rows: list[list]) -> str:
    """SPARQL 1.1 Query Results JSON: ``{"head": {"vars": …}, "results": {"bindings": …}}``."""
    bindings = [{n: _json_term(t) for n, t in zip(names, r) if t is not None} for r in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_table(names: list[str], rows: list[list[str]]) -> str:
    """Columns aligned by display width: a CJK character takes two columns of a terminal."""
    widths = [max([width(c)] + [width(r[i]) for r in rows]) for i, c in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def width(s: str) -> int:
    """Display width in a terminal: wide and full-width characters count 2, combining marks 0.

    >>> width("北仑区 ok")
    9
    """
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _short(t, nm: NamespaceManager) -> str:
    """A cell of the table: an IRI as prefix:name when it reads well, a literal as its text."""
    if t is None:
        return ""
    if isinstance(t, URIRef):
        try:
            short = nm.normalizeUri(t)
        except Exception:  # rdflib refuses some IRIs as prefixed names: show them whole
            return str(t)
        return str(t) if short.startswith("<") else short
    if isinstance(t, BNode):
        return f"_:{t}"
    return " ".join(str(t).split())


_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_BARE = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}


def _nt(t) -> str:
    """A term in N-Triples syntax (integers, decimals, doubles and booleans bare, as Turtle and
    the TSV results format allow)."""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, BNode):
        return f"_:{t}"
    if isinstance(t, Literal):
        if t.datatype in _BARE and not t.ill_typed:
            return str(t) if t.datatype != XSD.double or "e" in str(t).lower() else f"{t}e0"
        s = f'"{str(t).translate(_ESC)}"'
        if t.language:
            return f"{s}@{t.language}"
        if t.datatype and t.datatype != XSD.string:
            return f"{s}^^<{t.datatype}>"
        return s
    return str(t)


def _json_term(t) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    out = {"type": "literal", "value": str(t)}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype != XSD.string:
        out["datatype"] = str(t.datatype)
    return out
