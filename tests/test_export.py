"""kg export: every format read back by an independent reader, with counts that match the graph."""
from __future__ import annotations

import shutil
import subprocess
import sys

import networkx as nx
import pandas as pd
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.export import export, to_gexf, to_networkx, to_trig
from kg.write.namespaces import sparql_prologue
from kg_seeds import seeds_out

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers
rapper = pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
CLASSES = "kg:Person, kg:Place, kg:Organization, kg:Program, kg:Event, kg:Award"
ENTITIES = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?c FILTER(?c IN ({CLASSES})) }}"
EDGES = f"""SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{
  {{ ?f a kg:Assertion ; rdf:subject ?s ; rdf:object ?o }} UNION {{ ?f a kg:Membership ; org:member ?s ; org:organization ?o }}
  FILTER EXISTS {{ ?s a ?c FILTER(?c IN ({CLASSES})) }}
  FILTER EXISTS {{ ?o a ?d FILTER(?d IN ({CLASSES})) }} }}"""


@pytest.fixture(scope="module")
def out():
    return seeds_out()


@pytest.fixture(scope="module")
def graph(out) -> Graph:
    return Graph().parse(out / "graph.ttl")


def count(graph: Graph, q: str) -> int:
    return int(next(iter(graph.query(sparql_prologue() + q)))[0])


def rapper_statements(path, syntax: str) -> list[str]:
    r = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "nquads", str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


@rapper
@pytest.mark.parametrize("fmt,syntax", [("turtle", "turtle"), ("ntriples", "ntriples")])
def test_turtle_and_ntriples_read_back_with_rapper(out, graph, tmp_path, fmt, syntax):
    [path] = export(out, fmt, tmp_path / f"g.{fmt}")
    lines = rapper_statements(path, syntax)
    assert len(lines) == len(graph)
    assert set(Graph().parse(data="\n".join(lines), format="nt")) == set(graph)  # same terms, same lexical forms


@rapper
def test_trig_has_one_graph_per_document_and_nothing_lost(out, graph, tmp_path):
    [path] = export(out, "trig", tmp_path / "g.trig")
    ds = Dataset()
    ds.parse(data="\n".join(rapper_statements(path, "trig")), format="nquads")
    docs = set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://schema.org/NewsArticle")))
    named = {g.identifier for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)}
    assert named == {URIRef(f"{d}/graph") for d in docs}
    union = set()
    for g in ds.graphs():
        union |= set(g)
    assert union == set(graph)  # every triple is somewhere, nothing added
    shared = ds.graph(ds.default_graph.identifier)
    for d in docs:  # an article's own description lives in its graph, not in the shared one
        assert (d, None, None) not in shared and (d, None, None) in ds.graph(URIRef(f"{d}/graph"))


def test_trig_drop_one_document_keeps_facts_others_support(tmp_path):
    """Invented two-article graph: a fact both support survives dropping one article's graph."""
    kg, rdf = "https://w3id.org/kg-zh/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    data = f"""@prefix kg: <{kg}> . @prefix rdf: <{rdf}> . @prefix schema: <https://schema.org/> .
    <urn:d1> a schema:NewsArticle . <urn:d2> a schema:NewsArticle .
    <urn:x> a kg:Place . <urn:y> a kg:Place . <urn:z> a kg:Place .
    <urn:x> kg:partOf <urn:y> . <urn:y> kg:partOf <urn:z> .
    <urn:f1> a kg:Assertion ; rdf:subject <urn:x> ; rdf:predicate kg:partOf ; rdf:object <urn:y> ; kg:evidence <urn:e1>, <urn:e2> .
    <urn:f2> a kg:Assertion ; rdf:subject <urn:y> ; rdf:predicate kg:partOf ; rdf:object <urn:z> ; kg:evidence <urn:e3> .
    <urn:e1> a kg:Evidence ; kg:inDocument <urn:d1> . <urn:e2> a kg:Evidence ; kg:inDocument <urn:d2> .
    <urn:e3> a kg:Evidence ; kg:inDocument <urn:d1> ."""
    to_trig(Graph().parse(data=data, format="turtle"), tmp_path / "g.trig")
    ds = Dataset()
    ds.parse(tmp_path / "g.trig", format="trig")
    ds.remove_graph(URIRef("urn:d1/graph"))
    left = set()
    for g in ds.graphs():
        left |= set(g)
    p = URIRef(kg + "partOf")
    assert (URIRef("urn:x"), p, URIRef("urn:y")) in left  # d2 still says so
    assert (URIRef("urn:y"), p, URIRef("urn:z")) not in left  # only d1 said so
    assert (URIRef("urn:z"), None, None) in ds.graph(ds.default_graph.identifier)  # entities stay


def test_jsonld_has_a_context_and_reads_back_with_rdflib(out, graph, tmp_path):
    [path] = export(out, "jsonld", tmp_path / "g.jsonld")
    import json

    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"]["kg"] == "https://w3id.org/kg-zh/ontology#"
    back = Graph().parse(path, format="json-ld")
    canon = lambda g: {(s, p, (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o) for s, p, o in g}
    assert len(back) == len(graph) and canon(back) == canon(graph)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_for_gephi(out, graph, tmp_path, fmt, read):
    [path] = export(out, fmt, tmp_path / f"g.{fmt}")
    net = read(path)
    assert net.number_of_nodes() == count(graph, ENTITIES) > 0
    assert net.number_of_edges() == count(graph, EDGES)
    attrs = net.nodes[next(iter(net.nodes))]
    assert {"label", "type"} <= set(attrs)
    assert all(d.get("relation") for _, _, d in net.edges(data=True))
    rdfs_label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    labels = {str(o) for o in graph.objects(None, rdfs_label)}
    assert all(d["label"] in labels for _, d in net.nodes(data=True))


def test_csv_for_pandas(out, graph, tmp_path):
    paths = export(out, "csv", tmp_path / "csv")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    nodes, edges = pd.read_csv(paths[0]), pd.read_csv(paths[1])
    assert len(nodes) == count(graph, ENTITIES) and nodes["id"].is_unique
    assert len(edges) == count(graph, EDGES)
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["id"])
    assert set(nodes["type"]) <= {"Person", "Place", "Organization", "Program", "Event", "Award"}


def test_membership_becomes_an_edge_with_its_role():
    data = """@prefix kg: <https://w3id.org/kg-zh/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <urn:p> a kg:Person ; rdfs:label "王五"@zh . <urn:o> a kg:Organization ; rdfs:label "某某局"@zh .
    <urn:m> a kg:Membership ; org:member <urn:p> ; org:organization <urn:o> ; org:role <urn:r> .
    <urn:r> a kg:Role ; rdfs:label "局长"@zh ."""
    net = to_networkx(Graph().parse(data=data, format="turtle"))
    [(u, v, d)] = net.edges(data=True)
    assert (net.nodes[u]["label"], d["relation"], d["role"], net.nodes[v]["label"]) == ("王五", "holdsPosition", "局长", "某某局")


def test_exports_are_byte_identical_run_to_run(graph, tmp_path):
    shuffled = Graph()
    for t in sorted(graph, key=lambda t: hash(str(t))):  # same triples, another insertion order
        shuffled.add(t)
    for fmt in ("trig", "gexf", "csv"):
        a = export(graph, fmt, tmp_path / f"a.{fmt}")[-1].read_bytes()
        b = export(shuffled, fmt, tmp_path / f"b.{fmt}")[-1].read_bytes()
        assert a == b, fmt


def test_kg_export_command(out, tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "export", str(out), "--format", "csv", "-o", str(tmp_path / "t")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and (tmp_path / "t" / "edges.csv").exists() and "nodes.csv" in r.stdout
    r = subprocess.run([sys.executable, "-m", "kg.cli", "export", str(tmp_path / "nowhere"), "--format", "trig"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "nowhere" in r.stderr and "Traceback" not in r.stderr
