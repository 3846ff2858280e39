"""kg serve, queried by real clients: SPARQLWrapper, rdflib's SPARQLStore and plain HTTP."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from rdflib.query import Result

from kg.serve import Server
from kg.write.namespaces import sparql_prologue
from kg_seeds import seeds_out

PART_OF = "SELECT ?place ?whole WHERE { ?place kg:partOf ?whole } ORDER BY ?place ?whole"
LABELS = "SELECT ?e ?label WHERE { ?e a kg:Place ; rdfs:label ?label } ORDER BY ?e"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MAX_ROWS = 1000  # well above any answer below except SELECT * (the seeds graph has ~9000 triples)
TIMEOUT = 1.5


@pytest.fixture(scope="module")
def out():
    return seeds_out()


@pytest.fixture(scope="module")
def local(out) -> Graph:
    """The same graph in rdflib's own engine: an independent answer to compare with."""
    return Graph().parse(out / "graph.ttl")


@pytest.fixture(scope="module")
def server(out):
    lines: list[str] = []
    s = Server(out, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=2, log=lines.append).start()
    s.lines = lines
    yield s
    s.close()


def canon(triples) -> set:
    """Triples with literals by value: the store keeps 0.400 as the same decimal, written 0.4."""
    from rdflib import Literal

    c = lambda t: (t.toPython(), t.datatype, t.language) if isinstance(t, Literal) else t
    return {(c(s), c(p), c(o)) for s, p, o in triples}


def rows_of(local: Graph, query: str) -> list[tuple[str, ...]]:
    return [tuple(str(x) for x in r) for r in local.query(sparql_prologue() + query)]


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(server, query: str, accept: str | None = None):
    return http(server.url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept} if accept else {})


# --- real clients ------------------------------------------------------------------------------

def test_sparqlwrapper_json_matches_rdflib(server, local):
    from SPARQLWrapper import JSON, SPARQLWrapper

    sw = SPARQLWrapper(server.url)
    sw.setQuery(PART_OF)
    sw.setReturnFormat(JSON)
    got = [(b["place"]["value"], b["whole"]["value"]) for b in sw.query().convert()["results"]["bindings"]]
    assert got == rows_of(local, PART_OF)[:MAX_ROWS]
    assert got, "the seeds graph has partOf facts"


def test_sparqlwrapper_csv(server, local):
    from SPARQLWrapper import CSV, SPARQLWrapper

    sw = SPARQLWrapper(server.url)
    sw.setQuery("SELECT ?e ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?e LIMIT 10")
    sw.setReturnFormat(CSV)
    table = list(csv.reader(io.StringIO(sw.query().convert().decode("utf-8"))))
    assert table[0] == ["e", "label"]
    assert [tuple(r) for r in table[1:]] == rows_of(local, "SELECT ?e ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?e LIMIT 10")


def test_sparqlwrapper_construct_into_rdflib_graph(server, local):
    from SPARQLWrapper import TURTLE, SPARQLWrapper

    q = "CONSTRUCT { ?s kg:partOf ?o } WHERE { ?s kg:partOf ?o }"
    sw = SPARQLWrapper(server.url)
    sw.setQuery(q)
    sw.setReturnFormat(TURTLE)
    data = sw.query().convert()
    g = Graph().parse(data=data, format="turtle")
    assert set(g) == set(local.query(sparql_prologue() + q).graph)


def test_rdflib_sparqlstore(server, local):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = Graph(store=SPARQLStore(server.url))
    q = sparql_prologue() + "SELECT ?e ?label WHERE { ?e a kg:Organization ; rdfs:label ?label } ORDER BY ?e"
    assert [tuple(map(str, r)) for r in remote.query(q)] == [tuple(map(str, r)) for r in local.query(q)][:MAX_ROWS]
    ask = sparql_prologue() + "ASK { ?s a kg:Person }"
    assert remote.query(ask).askAnswer is True


# --- plain HTTP: every content type --------------------------------------------------------------

@pytest.mark.parametrize("accept,ctype,fmt", [
    ("application/sparql-results+json", "application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("text/csv", "text/csv", "csv"),
    ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
])
def test_select_result_formats(server, local, accept, ctype, fmt):
    q = "SELECT ?e ?label WHERE { ?e a kg:Place ; rdfs:label ?label } ORDER BY ?e LIMIT 15"
    status, headers, body = get(server, q, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    expected = rows_of(local, q)
    if fmt == "csv":
        assert [tuple(r) for r in csv.reader(io.StringIO(body.decode()))][1:] == expected
    else:
        res = Result.parse(io.BytesIO(body), format=fmt)
        assert [tuple(str(x) for x in r) for r in res] == expected
        assert all(r[1].language == "zh" for r in res)  # language tags survive


@pytest.mark.parametrize("accept,ctype,fmt", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct_and_describe_formats(server, local, accept, ctype, fmt):
    q = "CONSTRUCT { ?s kg:partOf ?o . ?s rdfs:label ?l } WHERE { ?s kg:partOf ?o ; rdfs:label ?l }"
    status, headers, body = get(server, q, accept)
    assert status == 200 and headers["Content-Type"].startswith(ctype)
    assert set(Graph().parse(data=body, format=fmt)) == set(local.query(sparql_prologue() + q).graph)
    some = next(iter(local.subjects(URIRef("https://w3id.org/kg-zh/ontology#partOf"))))
    status, headers, body = get(server, f"DESCRIBE <{some}>", accept)
    assert status == 200 and (some, None, None) in Graph().parse(data=body, format=fmt)


def test_ask_json(server):
    status, _, body = get(server, "ASK { ?s a kg:Place }", "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_post_form_and_direct_give_the_same_as_get(server):
    q = "SELECT ?s WHERE { ?s a kg:Place } ORDER BY ?s LIMIT 5"
    accept = {"Accept": "application/sparql-results+json"}
    _, _, by_get = get(server, q, accept["Accept"])
    s1, _, form = http(server.url, urllib.parse.urlencode({"query": q}).encode(),
                       {**accept, "Content-Type": "application/x-www-form-urlencoded"})
    s2, _, direct = http(server.url, q.encode(), {**accept, "Content-Type": "application/sparql-query"})
    assert s1 == s2 == 200 and by_get == form == direct
    assert len(json.loads(direct)["results"]["bindings"]) == 5


# --- refusals, errors and limits -----------------------------------------------------------------

def test_update_is_refused_and_changes_nothing(server):
    n = lambda: json.loads(get(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[2])["results"]["bindings"][0]["n"]["value"]
    before = n()
    upd = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for status, _, body in (
        http(server.url, upd.encode(), {"Content-Type": "application/sparql-update"}),
        http(server.url, urllib.parse.urlencode({"update": upd}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
        get(server, "PREFIX ex: <urn:ex#>\n" + upd),
    ):
        assert status == 403 and b"read-only" in body
    assert http(server.root + "rdf-graphs/service?default", b"<urn:a> <urn:b> <urn:c> .",
                {"Content-Type": "text/turtle"}, "PUT")[0] == 403
    assert n() == before


def test_malformed_query_gets_400_with_the_parsers_message(server):
    status, headers, body = get(server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    msg = body.decode()
    assert msg.startswith("bad query:") and "1:" in msg  # the parser's line:column


def test_time_limit_stops_a_runaway_query_and_the_service_recovers(server):
    t0 = time.monotonic()
    status, headers, body = get(server, EXPENSIVE)
    elapsed = time.monotonic() - t0
    assert status == 503 and b"time limit" in body
    assert elapsed < TIMEOUT + 3
    for _ in range(3):  # both workers (one of them fresh) answer again
        assert get(server, "ASK { ?s ?p ?o }")[0] == 200


def test_row_limit_truncates_and_says_so(server, local):
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
    assert status == 200 and len(body.decode().strip().splitlines()) == MAX_ROWS + 1
    assert headers["X-KG-Truncated"].startswith("true")
    assert len(local) > MAX_ROWS


def test_cors_preflight_and_headers(server):
    status, headers, _ = http(server.url, method="OPTIONS", headers={
        "Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"] and "Content-Type" in headers["Access-Control-Allow-Headers"]
    _, headers, _ = get(server, "ASK {}")
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_service_description_viewer_and_whole_graph(server, out, local):
    status, headers, body = http(server.url)
    sd = Graph().parse(data=body, format="turtle")
    assert status == 200 and (None, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"), URIRef(server.url)) in sd
    status, headers, body = http(server.root)
    assert status == 200 and body == (out / "graph.html").read_bytes()
    status, headers, body = http(server.root + "rdf-graphs/service?default")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert canon(Graph().parse(data=body, format="turtle")) == canon(local)


def test_one_log_line_per_query(server):
    before = len(server.lines)
    get(server, "ASK { ?s ?p ?o }")
    get(server, "SELECT ?s WHERE { ?s ?p }")
    deadline = time.monotonic() + 5  # the log is read from the server's stderr by another thread
    while len(server.lines) < before + 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    new = server.lines[before:]
    assert len(new) == 2 and " 200 " in new[0] and " 400 " in new[1] and "ASK" in new[0]


# --- the command ---------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_command_listens_on_localhost_and_stops_cleanly(out):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(out), "--port", str(port), "--workers", "1"],
                            stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        for _ in range(200):
            try:
                status, _, body = http(url + "?query=" + urllib.parse.quote("ASK { ?s a kg:Place }"))
                break
            except urllib.error.URLError:
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert f"127.0.0.1:{port}" in err and "ASK" in err and "stopped" in err


def test_a_busy_port_is_a_one_line_error(out):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(out), "--port", str(port), "--workers", "1"],
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in r.stderr and "Traceback" not in r.stderr
