"""The query worker: a child process holding the store open read-only.

Queries run here, not in the HTTP process, so a runaway one can be stopped for real: the server
kills the process at the deadline and starts another (Oxigraph cannot be interrupted from Python).
The answer comes back as ready-to-send bytes, so the HTTP side never re-parses or re-encodes.
"""
from __future__ import annotations

from itertools import islice
from typing import Any

import json
import os
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

try:
    from . import formats
except ImportError:  # run as a script (the pool does): skip importing the whole kg package
    import formats  # type: ignore[no-redef]

Reply = tuple[int, str, bytes, dict]  # status, content type, body, info (rows, truncated, kind)


def _text(status: int, message: str) -> Reply:
    return status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), {"error": message}


def run_query(store: ox.Store, req: dict[str, Any], prefixes: dict[str, str]) -> Reply:
    """Execute one query request: {query, accept, format, max_rows, default_graph, named_graphs}."""
    kw: dict[str, Any] = {"prefixes": prefixes}
    if req.get("default_graph"):
        kw["default_graph"] = [ox.NamedNode(g) for g in req["default_graph"]]
    if req.get("named_graphs"):
        kw["named_graphs"] = [ox.NamedNode(g) for g in req["named_graphs"]]
    limit = req.get("max_rows") or None
    try:
        res = store.query(req["query"], **kw)
        if isinstance(res, ox.QueryBoolean):
            fmt = formats.choose(req.get("accept"), "select", req.get("format"))
            return 200, formats.MEDIA[fmt], formats.boolean(bool(res), fmt), {"kind": "ask", "rows": 1}
        if isinstance(res, ox.QuerySolutions):
            fmt = formats.choose(req.get("accept"), "select", req.get("format"))
            variables = [v.value for v in res.variables]
            rows = [tuple(sol) for sol in islice(res, limit + 1 if limit else None)]
            truncated = bool(limit) and len(rows) > limit
            rows = rows[:limit] if truncated else rows
            body = formats.SELECT_WRITERS[fmt](variables, rows)
            return 200, formats.MEDIA[fmt], body, {"kind": "select", "rows": len(rows), "truncated": truncated}
        fmt = formats.choose(req.get("accept"), "graph", req.get("format"))
        triples = list(islice(res, limit + 1 if limit else None))
        truncated = bool(limit) and len(triples) > limit
        triples = triples[:limit] if truncated else triples
        body = formats.graph(triples, fmt, prefixes)
        return 200, formats.MEDIA[fmt], body, {"kind": "graph", "rows": len(triples), "truncated": truncated}
    except SyntaxError as e:
        return _text(400, f"bad query: {e}")
    except (OSError, ValueError, RuntimeError, TypeError) as e:
        return _text(500, f"query failed: {type(e).__name__}: {e}")


def dump(store: ox.Store, req: dict[str, Any], prefixes: dict[str, str]) -> Reply:
    """The whole default graph (Graph Store Protocol GET ?default)."""
    fmt = formats.choose(req.get("accept"), "graph", req.get("format"))
    kw = {"prefixes": prefixes} if fmt in ("turtle", "rdfxml") else {}
    body = store.dump(format=formats.RDF_FORMAT[fmt], from_graph=ox.DefaultGraph(), **kw) or b""
    return 200, formats.MEDIA[fmt], body, {"kind": "graph", "rows": len(store)}


class _Channel:
    """Messages in on stdin, out on stdout; ``print`` goes to stderr so it cannot corrupt them."""

    def __init__(self):
        self._in = Connection(os.dup(0), writable=False)
        self._out = Connection(os.dup(1), readable=False)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def recv(self):
        return self._in.recv()

    def send(self, obj) -> None:
        self._out.send(obj)


def main(conn, store_path: str, prefixes: dict[str, str]) -> None:
    """Worker loop: open the store, say ready, then answer requests until the pipe closes."""
    try:
        store = ox.Store.read_only(store_path)
        conn.send(("ready", len(store)))
    except Exception as e:  # tell the parent why, instead of dying silently
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    ops = {"query": run_query, "dump": dump}
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            reply = ops[req["op"]](store, req, prefixes)
        except Exception as e:
            reply = _text(500, f"internal error: {type(e).__name__}: {e}")
        conn.send(reply)


if __name__ == "__main__":
    main(_Channel(), sys.argv[1], json.loads(sys.argv[2]))
