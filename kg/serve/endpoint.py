"""The HTTP side of ``kg serve``: SPARQL 1.1 Protocol at /sparql, the viewer at /, the whole
graph at /rdf-graphs/service?default. Standard library only (ThreadingHTTPServer): the threads
just parse requests and wait on a worker process, so a faster HTTP stack would buy little.
"""
from __future__ import annotations

import re
import sys
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from . import formats
from .pool import Busy, Pool, Timeout

# An update's first keyword after the prologue (comments, PREFIX and BASE declarations).
_UPDATE = re.compile(
    r"^(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted (rebuild the graph with `kg build`)"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "X-KG-Truncated, X-KG-Rows",
    "Access-Control-Max-Age": "86400",
}
SD_FORMATS = ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"]


def looks_like_update(text: str) -> bool:
    return bool(_UPDATE.match(text))


def service_description(endpoint: str, triples: int, timeout: float, max_rows: int) -> str:
    """SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    fmts = ", ".join(f"<http://www.w3.org/ns/formats/{n}>" for n in
                     ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                      "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

[] a sd:Service ;
    rdfs:comment "kg serve: read-only SPARQL 1.1 endpoint over a kg graph (Oxigraph); time limit {timeout:g} s, at most {max_rows} rows per result" ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:BasicFederatedQuery ;
    sd:resultFormat {fmts} ;
    sd:defaultDataset [ a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:triples {triples} ] ] .
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a client pays for one connection, not one per query
    disable_nagle_algorithm = True  # else headers and body in two packets wait on a delayed ACK (40 ms)
    server: "SparqlHTTPServer"

    # --- plumbing -------------------------------------------------------------------------------
    def log_message(self, format: str, *args) -> None:  # http.server's own lines: off
        pass

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in {**CORS, **(extra or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, extra: dict | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), extra)

    def _log(self, status: int, t0: float, info: dict, what: str) -> None:
        ms = (time.perf_counter() - t0) * 1000
        rows = info.get("rows")
        extra = f" {rows} rows" + (" (truncated)" if info.get("truncated") else "") if rows is not None else ""
        ts = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.server.log(f"{ts} {self.client_address[0]} {self.command} {status}{extra} {ms:.1f} ms {what}")

    # --- routes ---------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(204, "text/plain", b"")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html"):
            return self._viewer()
        if url.path == "/sparql":
            if "update" in params:
                return self._text(403, READ_ONLY)
            if "query" not in params:
                sd = service_description(self._endpoint(), self.server.pool.triples, self.server.timeout, self.server.max_rows)
                return self._send(200, "text/turtle; charset=utf-8", sd.encode("utf-8"))
            return self._query(params["query"][0], params)
        if url.path == "/rdf-graphs/service":
            return self._graph_store(params)
        self._text(404, f"no such resource: {url.path} (try /sparql or /)")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/rdf-graphs/service":
            return self._text(403, "this graph store is read-only")
        if url.path != "/sparql":
            return self._text(404, f"no such resource: {url.path}")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._text(403, READ_ONLY)
            params = {**params, **form}
            if "query" not in params:
                return self._text(400, "missing 'query' parameter")
            return self._query(params["query"][0], params)
        if ctype == "application/sparql-update":
            return self._text(403, READ_ONLY)
        if ctype == "application/sparql-query":
            return self._query(body, params)
        self._text(415, f"unsupported Content-Type {ctype or '(none)'}: use application/sparql-query "
                        "or application/x-www-form-urlencoded")

    def do_PUT(self) -> None:
        self._text(403, "this graph store is read-only")

    do_DELETE = do_PATCH = do_PUT

    # --- handlers -------------------------------------------------------------------------------
    def _endpoint(self) -> str:
        host = self.headers.get("Host") or f"{self.server.server_address[0]}:{self.server.server_address[1]}"
        return f"http://{host}/sparql"

    def _viewer(self) -> None:
        html = self.server.viewer
        if html is not None and html.exists():
            return self._send(200, "text/html; charset=utf-8", html.read_bytes())
        page = ("<!doctype html><meta charset=utf-8><title>kg</title><p>No viewer (graph.html) here. "
                "SPARQL endpoint: <a href=/sparql>/sparql</a>; whole graph: "
                "<a href='/rdf-graphs/service?default'>/rdf-graphs/service?default</a></p>")
        self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))

    def _run(self, request: dict, timeout: float, what: str) -> None:
        t0 = time.perf_counter()
        try:
            status, ctype, body, info = self.server.pool.run(request, timeout)
        except Timeout as e:
            status, ctype, body, info = 503, "text/plain; charset=utf-8", f"{e}\n".encode(), {}
        except Busy as e:
            status, ctype, body, info = 503, "text/plain; charset=utf-8", f"{e}\n".encode(), {}
        except RuntimeError as e:
            status, ctype, body, info = 500, "text/plain; charset=utf-8", f"{e}\n".encode(), {}
        extra = {"X-KG-Rows": str(info.get("rows", 0))} if status == 200 else {}
        if info.get("truncated"):
            extra["X-KG-Truncated"] = f"true; at most {request.get('max_rows')} rows"
        if status == 503:
            extra["Retry-After"] = "1"
        self._send(status, ctype, body, extra)
        self._log(status, t0, info, what)

    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        one_line = " ".join(text.split())
        what = '"' + (one_line[:100] + "…" if len(one_line) > 100 else one_line) + '"'
        if looks_like_update(text):
            self._text(403, READ_ONLY)
            return self._log(403, time.perf_counter(), {}, what)
        timeout = self.server.timeout
        if params.get("timeout"):
            try:  # a client may ask for less time, never more
                timeout = min(timeout, float(params["timeout"][0]))
            except ValueError:
                pass
        request = {
            "op": "query", "query": text, "accept": self.headers.get("Accept"),
            "format": (params.get("format") or params.get("output") or [None])[0],
            "max_rows": self.server.max_rows,
            "default_graph": params.get("default-graph-uri"), "named_graphs": params.get("named-graph-uri"),
        }
        self._run(request, timeout, what)

    def _graph_store(self, params: dict[str, list[str]]) -> None:
        if "graph" in params:
            return self._text(404, f"no such named graph: {params['graph'][0]} (this store has only the default graph)")
        if "default" not in params:
            return self._text(400, "ask for ?default (the whole graph) or ?graph=IRI")
        request = {"op": "dump", "accept": self.headers.get("Accept"), "format": (params.get("format") or [None])[0]}
        self._run(request, max(self.server.timeout, 60.0), "GET whole graph")


class SparqlHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, pool: Pool, viewer: Path | None, timeout: float, max_rows: int,
                 log: Callable[[str], None]):
        self.pool, self.viewer, self.timeout, self.max_rows, self.log = pool, viewer, timeout, max_rows, log
        super().__init__(address, Handler)


def stderr_log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
