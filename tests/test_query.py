"""`kg query`: SPARQL over a built graph, the W3C result formats, one-line errors, and the example
queries shipped in queries/*.rq."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from kg_seeds import ROOT, seeds_build, seeds_turtle
from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.util import from_n3

from kg.cli import main
from kg.query import QueryError, format_result, run_query, width
from kg.write.namespaces import query_prefixes

QUERIES = sorted((ROOT / "queries").glob("*.rq"))

SMALL = """
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a rdfs:label "宁波, \\"港\\"\\tcity\\nline"@zh ; ex:n 3 ; ex:d 0.250 ; ex:p ex:b .
ex:b rdfs:label "B" .
"""


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(data=SMALL, format="turtle")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("out")
    (d / "graph.ttl").write_bytes(seeds_turtle())
    return d


SELECT = "PREFIX ex: <http://example.org/> SELECT ?s ?label ?n WHERE { ?s rdfs:label ?label OPTIONAL { ?s ex:n ?n } } ORDER BY ?s"


# ------------------------------------------------------------------ shipped queries

@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_each_shipped_query_runs_on_the_seeds_graph_and_finds_something(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "a query file starts with a comment saying what it answers"
    res = run_query(seeds_build().graph, text)
    if res.type == "CONSTRUCT":
        assert len(res.graph) > 0
    else:
        assert res.type == "SELECT" and len(res.bindings) > 0
        assert all(any(v is not None for v in b.values()) for b in res.bindings)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_each_shipped_query_is_standard_sparql(path):
    """Oxigraph (the engine of `kg serve`) gives the same number of results as rdflib."""
    ox = pytest.importorskip("pyoxigraph")
    store = ox.Store()
    store.load(seeds_turtle(), ox.RdfFormat.TURTLE)
    text = path.read_text(encoding="utf-8")
    got = store.query(text, prefixes=query_prefixes())
    ours = run_query(seeds_build().graph, text)
    n = len(list(got))
    assert n == (len(ours.graph) if ours.type == "CONSTRUCT" else len(ours.bindings))


def test_the_evidence_query_gives_the_sentence_and_offsets_behind_each_fact():
    res = run_query(seeds_build().graph, (ROOT / "queries" / "evidence.rq").read_text(encoding="utf-8"))
    raw = {d.path: d.raw for d in seeds_build().docs}
    for b in res.bindings:
        start, end, path = b[_v("start")].toPython(), b[_v("end")].toPython(), str(b[_v("file")])
        assert 0 <= start < end <= len(raw[path])
        assert str(b[_v("sentence")])


def _v(name):
    from rdflib import Variable

    return Variable(name)


# ------------------------------------------------------------------ prefixes, query kinds

def test_common_prefixes_need_no_declaration_and_a_users_own_prefix_wins():
    g = seeds_build().graph
    assert len(run_query(g, "SELECT ?d WHERE { ?d a schema:NewsArticle ; dcterms:source ?s }").bindings) == 5
    overridden = "PREFIX schema: <http://schema.org/> SELECT ?d WHERE { ?d a schema:NewsArticle }"
    assert len(run_query(g, overridden).bindings) == 0
    assert run_query(g, "ASK { ?p kg:partOf ?q . ?p a kg:Place }").askAnswer is True


def test_instance_prefixes_follow_the_base_the_graph_was_built_with():
    r = seeds_build()
    from kg.write import to_graph
    from kg.write.turtle import turtle_bytes

    g = Graph().parse(data=turtle_bytes(to_graph(r.docs, r.resolution, "https://example.org/news/")), format="turtle")
    docs = run_query(g, "SELECT ?d WHERE { ?d a schema:NewsArticle FILTER(STRSTARTS(STR(?d), STR(doc:))) }")
    assert len(docs.bindings) == 5


def test_ask_and_construct(small):
    assert format_result(run_query(small, "ASK { ?s ?p 3 }"), "table") == "true"
    assert json.loads(format_result(run_query(small, "ASK { ?s ?p 4 }"), "json")) == {"head": {}, "boolean": False}
    ttl = format_result(run_query(small, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }"), "table")
    assert len(Graph().parse(data=ttl, format="turtle")) == 2


@pytest.mark.parametrize("bad", ["SELECT ?x WHERE { ?x }", "SELEC * WHERE {}", "SELECT * WHERE { ?s nope:p ?o }",
                                 "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
def test_a_bad_query_raises_with_the_parsers_message_on_one_line(small, bad):
    with pytest.raises(QueryError) as e:
        run_query(small, bad)
    assert "\n" not in str(e.value) and str(e.value)


# ------------------------------------------------------------------ W3C result formats

def test_csv_is_the_w3c_format(small):
    text = format_result(run_query(small, SELECT), "csv")
    assert text.startswith("s,label,n\r\n") and text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["http://example.org/a", '宁波, "港"\tcity\nline', "3"]
    assert rows[2] == ["http://example.org/b", "B", ""]  # unbound is an empty field


def test_tsv_is_the_w3c_format(small):
    text = format_result(run_query(small, SELECT), "tsv")
    lines = text.split("\n")
    assert lines[0] == "?s\t?label\t?n"
    cells = lines[1].split("\t")
    assert cells == ["<http://example.org/a>", '"宁波, \\"港\\"\\tcity\\nline"@zh', "3"]
    assert from_n3(cells[1]) == Literal('宁波, "港"\tcity\nline', lang="zh")
    assert lines[2].split("\t") == ["<http://example.org/b>", '"B"', ""]
    again = Result.parse(io.StringIO(text), format="tsv")  # rdflib's own TSV results reader
    assert [list(r) for r in again] == [list(r) for r in run_query(small, SELECT)]


def test_json_is_the_w3c_format(small):
    text = format_result(run_query(small, SELECT), "json")
    data = json.loads(text)
    assert list(data) == ["head", "results"] and data["head"]["vars"] == ["s", "label", "n"]
    first, second = data["results"]["bindings"]
    assert first["s"] == {"type": "uri", "value": "http://example.org/a"}
    assert first["label"] == {"type": "literal", "value": '宁波, "港"\tcity\nline', "xml:lang": "zh"}
    assert first["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert "n" not in second  # unbound variables are left out
    assert "宁波" in text  # readable, not \\u escapes
    again = Result.parse(io.StringIO(text), format="json")
    assert [list(r) for r in again] == [list(r) for r in run_query(small, SELECT)]


def test_the_table_aligns_chinese_text():
    text = format_result(run_query(seeds_build().graph, (ROOT / "queries" / "most-mentioned.rq").read_text(encoding="utf-8")), "table")
    lines = text.splitlines()
    header, rows = lines[0], lines[2:-1]
    col = width(header[: header.index("type")])
    assert rows and any(width(r) != len(r) for r in rows)  # there is CJK text to align
    for r in rows:
        # the second column starts at the same display column in every row
        prefix = r[: next(i for i in range(len(r)) if width(r[:i]) >= col)]
        assert width(prefix) == col and r[len(prefix) - 1] == " " and r[len(prefix)] != " "
    assert lines[-1] == f"({len(rows)} rows)"


def test_the_table_shows_iris_as_prefixed_names():
    text = format_result(run_query(seeds_build().graph, "SELECT ?p WHERE { ?p a kg:Place } LIMIT 3"), "table")
    assert text.count("place:") == 3 and "https://" not in text


# ------------------------------------------------------------------ the command

def test_cli_prints_results_and_reads_a_query_file(out, capsys, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:NewsArticle }", encoding="utf-8")
    assert main(["query", str(out), "-f", str(q), "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\r\n5\r\n"
    assert main(["query", str(out / "graph.ttl"), "ASK { ?a kg:partOf ?b }"]) == 0
    assert capsys.readouterr().out == "true\n"


def test_cli_bad_query_exits_2_with_the_parsers_message(out, capsys):
    assert main(["query", str(out), "SELECT ?x WHERE {\n  ?x ?y\n}"]) == 2
    err = capsys.readouterr()
    assert err.out == "" and err.err.startswith("error: bad query:")
    assert re.search(r"\b[23]:\d+|line:[23]", err.err)  # where the parser stopped
    assert err.err.count("\n") == 1


@pytest.mark.parametrize("args", [["nowhere/out", "ASK {}"], ["{out}/missing.ttl", "ASK {}"], ["{out}", "-f", "nowhere.rq"]])
def test_cli_missing_graph_or_query_file_exits_1_with_one_line(out, capsys, args):
    assert main(["query"] + [a.replace("{out}", str(out)) for a in args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_cli_unreadable_graph_exits_1_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    assert main(["query", str(tmp_path), "ASK {}"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and err.count("\n") == 1


def test_the_command_and_the_python_function_give_the_same_answer(out, capsys):
    q = "SELECT ?e ?label WHERE { ?e a kg:Place ; rdfs:label ?label } ORDER BY ?e"
    assert main(["query", str(out), q, "--format", "json"]) == 0
    by_cli = json.loads(capsys.readouterr().out)
    by_python = json.loads(format_result(run_query(seeds_build().graph, q), "json"))
    assert by_cli == by_python and len(by_cli["results"]["bindings"]) > 3


def test_the_command_reads_the_base_a_graph_was_built_with(tmp_path, capsys):
    from kg.write import to_graph, write_turtle

    r = seeds_build()
    write_turtle(to_graph(r.docs, r.resolution, "https://example.org/news/"), tmp_path / "graph.ttl")
    assert main(["query", str(tmp_path), "SELECT (COUNT(*) AS ?n) WHERE { ?d a schema:NewsArticle FILTER(STRSTARTS(STR(?d), STR(doc:))) }", "--format", "csv"]) == 0
    assert capsys.readouterr().out == "n\r\n5\r\n"
