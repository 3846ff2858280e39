"""The persistent Oxigraph store: built by `kg build --store`, opened read-only by serve and query."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph

from kg.store import find_store, is_store, open_any, open_store, query, rdflib_graph, write_store
from kg.write.namespaces import sparql_prologue
from kg_seeds import ROOT, seeds_out

Q = "SELECT ?place ?whole WHERE { ?place kg:partOf ?whole } ORDER BY ?place ?whole"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """A private copy of the seeds OUT, with a store loaded from its graph.ttl."""
    d = tmp_path_factory.mktemp("store") / "out"
    shutil.copytree(seeds_out(), d)
    write_store(d / "graph.ttl", d / "store")
    return d


@pytest.fixture(scope="module")
def local(out) -> Graph:
    return Graph().parse(out / "graph.ttl")


def test_store_answers_like_rdflib(out):
    local = Graph().parse(out / "graph.ttl")
    store = open_store(out / "store")
    assert len(store) == len(local)
    got = [(r["place"].value, r["whole"].value) for r in query(store, Q)]
    assert got == [tuple(map(str, r)) for r in local.query(sparql_prologue() + Q)] and got


def test_many_readers_at_once(out):
    a, b = open_store(out / "store"), open_store(out / "store")
    assert len(a) == len(b) > 0
    with pytest.raises((OSError, RuntimeError)):  # read-only: nobody can change the built graph through it
        a.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_write_store_from_an_rdflib_graph(tmp_path):
    g = Graph().parse(data="<urn:a> <urn:p> <urn:b> . <urn:b> <urn:p> <urn:c> .", format="turtle")
    assert write_store(g, tmp_path / "s") == 2
    assert [r["x"].value for r in open_store(tmp_path / "s").query("SELECT ?x { <urn:a> <urn:p>+ ?x } ORDER BY ?x")] == ["urn:b", "urn:c"]


def test_a_failed_load_keeps_the_old_store(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text("<urn:a> <urn:p> <urn:b> .")
    write_store(good, tmp_path / "s")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:p> .")
    with pytest.raises(ValueError, match="bad.ttl"):
        write_store(bad, tmp_path / "s")
    assert len(open_store(tmp_path / "s")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl", "good.ttl", "s"]  # no leftovers


def test_find_store_skips_a_stale_store(out, tmp_path):
    stale = tmp_path / "out"
    shutil.copytree(out, stale)
    assert find_store(stale) == stale / "store"
    with open(stale / "graph.ttl", "a", encoding="utf-8") as f:
        f.write("\n<urn:new> <urn:p> <urn:o> .\n")
    warnings: list[str] = []
    assert find_store(stale, warn=warnings.append) is None
    assert "graph.ttl" in warnings[0]
    assert len(open_any(stale)) == len(open_store(out / "store")) + 1  # falls back to the Turtle


def test_rdflib_graph_over_the_store_runs_rdflib_queries(out):
    g = rdflib_graph(open_store(out / "store"))
    local = Graph().parse(out / "graph.ttl")
    assert len(g) == len(local)
    assert [tuple(map(str, r)) for r in g.query(sparql_prologue() + Q)] == [tuple(map(str, r)) for r in local.query(sparql_prologue() + Q)]


def test_kg_build_store_option(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], seeds)
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(seeds), "-o", str(tmp_path / "out"), "-q", "--store"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert is_store(tmp_path / "out" / "store") and "store" in r.stdout
    meta = json.loads((tmp_path / "out" / "store" / "kg-store.json").read_text())
    assert meta["triples"] == len(Graph().parse(tmp_path / "out" / "graph.ttl"))
    assert find_store(tmp_path / "out") == tmp_path / "out" / "store"
    from kg.serve import Server

    with Server(tmp_path / "out", port=0, workers=1, log=lambda line: None) as s:
        assert s.store_path == tmp_path / "out" / "store"  # served from the store, not reloaded
        assert s.pool.triples == meta["triples"]


def test_kg_query_opens_the_store(out):
    from oxrdflib import OxigraphStore

    from kg.query import format_result, load_graph, run_query

    g = load_graph(out)
    assert isinstance(g.store, OxigraphStore)  # queries run on Oxigraph, not rdflib's engine
    on_store = format_result(run_query(g, Q), "csv")
    on_turtle = format_result(run_query(Graph().parse(out / "graph.ttl"), Q), "csv")
    assert on_store == on_turtle and on_store.count("\r\n") > 1


@pytest.mark.parametrize("rq", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_example_queries_agree_on_oxigraph_and_rdflib(out, local, rq):
    """Every shipped query runs on both engines with the same answer (decimals compared by value:
    the store writes 0.400 as 0.4)."""
    from decimal import Decimal, InvalidOperation

    from kg.query import format_result, load_graph, run_query

    def rows(g):
        def cell(c):
            try:
                return str(Decimal(c).normalize()) if c else c
            except InvalidOperation:
                return c
        text = format_result(run_query(g, rq.read_text(encoding="utf-8")), "tsv" if "CONSTRUCT" not in rq.read_text() else "table")
        return sorted(tuple(cell(c) for c in line.split("\t")) for line in text.splitlines())

    on_store = rows(load_graph(out))
    on_rdflib = rows(local)
    if "CONSTRUCT" in rq.read_text():
        assert len(on_store) == len(on_rdflib)
    else:
        assert on_store == on_rdflib
