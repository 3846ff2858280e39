"""The ``kg`` command: a thin layer over the Python functions a notebook calls the same way.

    kg build INPUT... -o OUT        → OUT/graph.ttl, OUT/graph.html, a summary on stdout
    kg query (OUT | GRAPH.ttl) (QUERY | -f FILE.rq) [--format table|csv|tsv|json]
    kg validate (OUT | GRAPH.ttl)                   → every SHACL rule the graph breaks (ontology/shapes.ttl)
    kg serve OUT [--host 127.0.0.1] [--port 7878]   → SPARQL endpoint at /sparql, viewer at /
    kg export OUT --format F [-o FILE]              → Turtle, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV
    kg explain OUT NAME                             → why a node exists: names, sentences, relations
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from .write.namespaces import DEFAULT_BASE


def summary(result) -> str:
    """The text ``kg build`` prints: documents, entities by type, relations by kind, seconds."""
    from .doc import ENTITY_TYPES

    ents = Counter(e.type for e in result.resolution.entities)
    rels = Counter(r.kind for d in result.docs for r in d.relations)
    lines = [f"documents  {len(result.docs)}" + (f"  ({len(result.errors)} skipped)" if result.errors else "")]
    lines.append(f"entities   {sum(ents.values())}")
    lines += [f"  {t:<14}{ents[t]}" for t in ENTITY_TYPES]
    lines.append(f"relations  {sum(rels.values())}")
    lines += [f"  {k:<22}{n}" for k, n in sorted(rels.items())]
    lines.append(f"triples    {len(result.graph)}")
    lines.append(f"seconds    {result.seconds:.2f}")
    return "\n".join(lines)


def cmd_build(a: argparse.Namespace) -> int:
    from .pipeline import build, save

    result = build(a.inputs, base=a.base, progress=not a.quiet)
    if not result.docs:
        print("error: no document could be read", file=sys.stderr)
        return 1
    paths = save(result, a.output, max_initial_nodes=a.max_nodes)
    print(summary(result))
    print(f"wrote {paths['turtle']} and {paths['html']}")
    if a.store is not None:
        from .store import write_store

        store = Path(a.store or Path(a.output) / "store")
        print(f"wrote {store} (Oxigraph store, {write_store(paths['turtle'], store)} triples)")
    return 0


def cmd_query(a: argparse.Namespace) -> int:
    from .query import GraphError, QueryError, format_result, query_target, target_base

    if (a.file is None) == (a.query is None):
        print("error: give either a query or -f FILE.rq", file=sys.stderr)
        return 2
    if a.file is not None:
        try:
            text = sys.stdin.read() if a.file == "-" else Path(a.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            print(f"error: {a.file}: cannot read the query: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
            return 1
    else:
        text = a.query
    try:
        base = a.base or target_base(a.graph)
        out = format_result(query_target(a.graph, text, base=base), a.format, base=base)
    except GraphError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except QueryError as e:
        print(f"error: bad query: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def cmd_validate(a: argparse.Namespace) -> int:
    from .query import GraphError, load_graph
    from .write.validate import describe, violations

    try:
        g = load_graph(a.graph)
    except GraphError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    found = violations(g)
    for line in describe(found, g):
        print(line)
    print(f"{a.graph}: " + ("conforms to ontology/shapes.ttl" if not found else f"{len(found)} problem(s)"))
    return 1 if found else 0


def cmd_serve(a: argparse.Namespace) -> int:
    from .serve import serve

    try:
        serve(a.graph, a.host, a.port, timeout=a.timeout, max_rows=a.max_rows, workers=a.workers, base=a.base)
    except (FileNotFoundError, RuntimeError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    from .export import export

    try:
        for p in export(a.graph, a.format, a.output):
            print(f"wrote {p}")
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def cmd_explain(a: argparse.Namespace) -> int:
    from .explain import explain_text

    try:
        text = explain_text(a.graph, a.name, a.limit)
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # rdflib's parse errors come in many classes
        print(f"error: {a.graph}: cannot read the graph: {e}", file=sys.stderr)
        return 1
    if text is None:
        print(f"error: no entity named or containing “{a.name}” in {a.graph}", file=sys.stderr)
        return 1
    print(text)
    return 0


def _base_iri(text: str) -> str:
    """argparse type for --base: a clear usage error instead of a traceback after extraction."""
    from .write.iris import check_base

    try:
        return check_base(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Chinese text.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract, resolve and write OUT/graph.ttl and OUT/graph.html")
    b.add_argument("inputs", nargs="+", help=".txt/.md files or folders (searched recursively)")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    b.add_argument("--base", default=DEFAULT_BASE, type=_base_iri, help=f"base IRI for instance data (default: {DEFAULT_BASE})")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--max-nodes", type=int, default=1000, metavar="N",
                   help="the viewer's first view shows at most N entities, the most connected (default: 1000)")
    b.add_argument("--store", nargs="?", const="", metavar="DIR",
                   help="also keep a persistent Oxigraph store for kg serve/query (default DIR: OUT/store)")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="run a SPARQL SELECT, ASK or CONSTRUCT query")
    q.add_argument("graph", help="OUT folder or a Turtle file")
    q.add_argument("query", nargs="?", help="the query text (common prefixes need no PREFIX line)")
    q.add_argument("-f", "--file", help="read the query from FILE.rq ('-' for stdin)")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table",
                   help="table (default), or the SPARQL 1.1 CSV/TSV/JSON result formats; CONSTRUCT prints Turtle")
    q.add_argument("--base", default=None, type=_base_iri,
                   help="base IRI of the instance prefixes kgr:, doc:, place:… (default: the one the graph was built with)")
    q.set_defaults(func=cmd_query)
    v = sub.add_parser("validate", help="check a graph against the SHACL shapes (exit 1 if it does not conform)")
    v.add_argument("graph", help="OUT folder or a Turtle file")
    v.set_defaults(func=cmd_validate)
    s = sub.add_parser("serve", help="a read-only SPARQL endpoint (and the viewer) over a built graph")
    s.add_argument("graph", help="OUT folder (uses OUT/store if built with --store), a store folder or a Turtle file")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    s.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run before it is stopped (default: 10)")
    s.add_argument("--max-rows", type=int, default=10000, help="rows (or triples) returned at most (default: 10000)")
    s.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    s.add_argument("--base", default=DEFAULT_BASE, help="base IRI bound to the kgr: prefix")
    s.set_defaults(func=cmd_serve)
    e = sub.add_parser("export", help="write the graph for other tools (RDF formats, Gephi, pandas)")
    e.add_argument("graph", help="OUT folder or a Turtle file")
    e.add_argument("--format", required=True, choices=["turtle", "ntriples", "trig", "jsonld", "graphml", "gexf", "csv"])
    e.add_argument("-o", "--output", help="file (folder for csv) to write (default: beside graph.ttl)")
    e.set_defaults(func=cmd_export)
    x = sub.add_parser("explain", help="why a node exists: its names, sentences, components, relations")
    x.add_argument("graph", help="OUT folder or a Turtle file")
    x.add_argument("name", help="a label or alias (a part of one also matches)")
    x.add_argument("--limit", type=int, default=10, help="explain at most this many matches in full (0: all)")
    x.set_defaults(func=cmd_explain)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
