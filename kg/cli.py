"""The ``kg`` command: a thin layer over the Python functions a notebook calls the same way.

    kg build INPUT... -o OUT        → OUT/graph.ttl, OUT/graph.html, a summary on stdout
    kg query (OUT | GRAPH.ttl) (QUERY | -f FILE.rq) [--format table|csv|tsv|json]
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
    paths = save(result, a.output)
    print(summary(result))
    print(f"wrote {paths['turtle']} and {paths['html']}")
    return 0


def cmd_query(a: argparse.Namespace) -> int:
    from .query import QueryError, format_result, load_graph, run_query

    if a.file:
        text = Path(a.file).read_text(encoding="utf-8")
    elif a.query:
        text = a.query
    else:
        print("error: give a query or -f FILE.rq", file=sys.stderr)
        return 2
    try:
        g = load_graph(a.graph)
    except (FileNotFoundError, Exception) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    try:
        res = run_query(g, text, base=a.base)
        out = format_result(res, a.format)
    except QueryError as e:
        print(f"error: bad query: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Chinese text.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract, resolve and write OUT/graph.ttl and OUT/graph.html")
    b.add_argument("inputs", nargs="+", help=".txt/.md files or folders (searched recursively)")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    b.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI for instance data (default: {DEFAULT_BASE})")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=cmd_build)
    q = sub.add_parser("query", help="run a SPARQL SELECT, ASK or CONSTRUCT query")
    q.add_argument("graph", help="OUT folder or a Turtle file")
    q.add_argument("query", nargs="?", help="the query text")
    q.add_argument("-f", "--file", help="read the query from FILE.rq")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    q.add_argument("--base", default=DEFAULT_BASE, help="base IRI bound to the kgr: prefix")
    q.set_defaults(func=cmd_query)
    return ap


def main(argv: list[str] | None = None) -> int:
    a = parser().parse_args(argv)
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
