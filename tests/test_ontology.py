"""The ontology (ontology/kg.ttl) declares and aligns every term the graph uses; the SHACL shapes
(ontology/shapes.ttl) accept the graphs the pipeline writes and reject broken ones."""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from kg_seeds import ROOT, seeds_build
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.doc import ENTITY_TYPES, RELATION_KINDS, Doc, Mention, Relation, Sentence
from kg.resolve import resolve
from kg.write import KG, to_graph
from kg.write.graph import PROPERTY
from kg.write.namespaces import ORG, SDO
from kg.write.validate import validate, violations

ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
BASE = "https://example.org/kg/"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def closure(g: Graph, start, prop) -> set:
    seen, todo = set(), [start]
    while todo:
        x = todo.pop()
        if x not in seen:
            seen.add(x)
            todo.extend(g.objects(x, prop))
    return seen


# ------------------------------------------------------------------ the OWL ontology

@pytest.mark.parametrize("path", [ONTOLOGY, SHAPES])
def test_ontology_files_parse_and_ship_with_the_package(path):
    assert len(Graph().parse(path, format="turtle")) > 50
    packaged = ROOT / "kg" / "ontology" / path.name  # what an installed `kg` reads
    assert packaged.read_bytes() == path.read_bytes()
    if shutil.which("rapper"):
        p = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr


def test_every_class_and_property_the_graph_uses_is_declared(onto):
    g = seeds_build().graph
    declared = set(onto.subjects(RDF.type, None))
    builtin = {RDF.type, RDF.subject, RDF.predicate, RDF.object}
    used_props = set(g.predicates()) - builtin
    used_classes = set(g.objects(None, RDF.type))
    assert not used_props - declared, "properties used but not declared"
    assert not used_classes - declared, "classes used but not declared"
    for term in declared:
        if str(term).startswith(str(KG)):
            labels = {l.language for l in onto.objects(term, RDFS.label)}
            assert "en" in labels, f"{term} has no English label"


@pytest.mark.parametrize("cls,root", [
    ("Person", SDO.Person), ("Place", SDO.Place), ("AdministrativeArea", SDO.AdministrativeArea),
    ("Organization", SDO.Organization), ("Organization", ORG.Organization), ("Event", SDO.Event),
    ("Role", ORG.Role), ("Membership", ORG.Membership), ("Assertion", RDF.Statement), ("Evidence", PROV.Entity),
])
def test_classes_are_aligned_to_standard_vocabularies(onto, cls, root):
    assert root in closure(onto, KG[cls], RDFS.subClassOf)


def test_the_six_types_do_not_reach_each_others_standard_classes(onto):
    roots = {"Person": SDO.Person, "Place": SDO.Place, "Organization": SDO.Organization, "Event": SDO.Event}
    for t in ENTITY_TYPES:
        reached = closure(onto, KG[t], RDFS.subClassOf)
        assert {r for name, r in roots.items() if name != t} & reached == set(), t
        assert SDO.CreativeWork not in reached  # documents are the only creative works


# What the evaluation contract (shared/eval/README.md) accepts for each relation kind.
STANDARD = {
    "member_of": {ORG.memberOf, SDO.memberOf},
    "part_of": {SDO.containedInPlace, DCTERMS.isPartOf, GEO.sfWithin},
    "located_in": {SDO.location, SDO.containedInPlace, ORG.basedAt},
    "sub_organization_of": {ORG.subOrganizationOf, SDO.parentOrganization},
    "founded": {SDO.founder, DCTERMS.creator},
    "launched": {SDO.organizer, SDO.sponsor, SDO.funder, PROV.wasAttributedTo},
    "received_award": {SDO.award},
    "hometown_of": {SDO.birthPlace, SDO.homeLocation},
    "born_in": {SDO.birthPlace},
    "nationality": {SDO.nationality},
    "founded_on": {SDO.foundingDate, DCTERMS.created, SDO.startDate},
}


def test_every_relation_kind_has_a_property_aligned_to_the_standard_one(onto):
    assert set(PROPERTY) | {"holds_position"} == set(RELATION_KINDS)
    for kind, (prop, _) in PROPERTY.items():
        assert closure(onto, prop, RDFS.subPropertyOf) & STANDARD[kind], kind
        assert (prop, RDF.type, OWL.ObjectProperty) in onto or (prop, RDF.type, OWL.DatatypeProperty) in onto


def test_provenance_properties_are_not_mistaken_for_relations(onto):
    relation_props = set().union(*STANDARD.values()) | {ORG.hasMember, SDO.member, SDO.containsPlace}
    for p in (KG.inDocument, KG.inSentence, KG.evidence, KG.denotes, KG.altType, SDO.mentions):
        assert not closure(onto, p, RDFS.subPropertyOf) & relation_props, p


# ------------------------------------------------------------------ SHACL

def test_the_seeds_graph_conforms_to_the_shapes():
    ok, report = validate(seeds_build().graph)
    assert ok, report[:3000]


def _small_graph(base: str = BASE) -> Graph:
    """Every kind of node once: documents, mentions, an alt type, a fact, a membership, a date."""
    text = "北仑区霞浦街道党工委书记张明说，霞浦街道成立于2003年。宁波市推出青年计划。"
    spans = [("北仑区", "Place", ()), ("霞浦街道", "Place", ("Organization",)), ("张明", "Person", ()),
             ("宁波市", "Place", ()), ("青年计划", "Program", ())]
    ms = [Mention(text.index(n), text.index(n) + len(n), n, t, "test", 0.8, alt_types=a) for n, t, a in spans]
    cut = text.index("。") + 1
    d = Doc(path="news/a.txt", raw=text, text=text, offsets=list(range(len(text) + 1)), title="标题",
            sentences=[Sentence(0, cut, text[:cut]), Sentence(cut, len(text), text[cut:])], mentions=ms,
            relations=[Relation("part_of", 1, 0, 0, "relate.t", 0.7), Relation("holds_position", 2, 1, 0, "relate.t", 0.8, role="党工委书记"),
                       Relation("founded_on", 1, None, 0, "relate.t", 0.6, literal="2003"), Relation("launched", 3, 4, 1, "relate.t", 0.7)])
    d.attach_sentences()
    return to_graph([d], resolve([d]), base)


def _entity(g, t):
    return next(e for e in g.subjects(RDF.type, KG[t]) if (e, KG.altType, KG[t]) not in g)


def _drop(g, s, p):
    g.remove((s, p, None))


def _evidence(g):
    return next(iter(g.subjects(RDF.type, KG.Evidence)))


def _assertion(g):
    return next(a for a in g.subjects(RDF.type, KG.Assertion) if g.value(a, RDF.predicate) == KG.partOf)


MUTATIONS = {
    "entity without label": lambda g: _drop(g, _entity(g, "Person"), RDFS.label),
    "entity with two labels": lambda g: g.add((_entity(g, "Person"), RDFS.label, Literal("另一个", lang="zh"))),
    "confidence above 1": lambda g: g.set((_entity(g, "Person"), KG.confidence, Literal(Decimal("1.5")))),
    "confidence as text": lambda g: g.set((_entity(g, "Person"), KG.confidence, Literal("high"))),
    "entity of no known type": lambda g: (g.remove((_entity(g, "Program"), RDF.type, KG.Program)),),
    "two primary types": lambda g: g.add((_entity(g, "Person"), RDF.type, KG.Event)),
    "alt type that is not a type": lambda g: g.add((_entity(g, "Person"), KG.altType, KG.Award)),
    "only alt types": lambda g: g.add((_entity(g, "Program"), KG.altType, KG.Program)),
    "document without source": lambda g: _drop(g, next(iter(g.subjects(RDF.type, SDO.NewsArticle))), DCTERMS.source),
    "document not a news article": lambda g: g.remove((None, RDF.type, SDO.NewsArticle)),
    "entity mentioned by no document": lambda g: g.remove((None, SDO.mentions, _entity(g, "Program"))),
    "assertion without evidence": lambda g: _drop(g, _assertion(g), KG.evidence),
    "assertion without its plain triple": lambda g: g.remove((None, KG.partOf, None)),
    "assertion with two subjects": lambda g: g.add((_assertion(g), RDF.subject, _entity(g, "Person"))),
    "evidence start after end": lambda g: g.set((_evidence(g), KG.startOffset, Literal(10**6))),
    "evidence offset not an integer": lambda g: g.set((_evidence(g), KG.endOffset, Literal("12"))),
    "evidence without sentence": lambda g: _drop(g, _evidence(g), KG.inSentence),
    "evidence without component": lambda g: _drop(g, _evidence(g), KG.extractedBy),
    "evidence in another document's sentence": lambda g: g.set((_evidence(g), KG.inDocument, URIRef(BASE + "doc/other"))),
    "membership of a place as member": lambda g: g.set((next(iter(g.subjects(RDF.type, KG.Membership))), ORG.member, _entity(g, "Place"))),
    "membership in a person": lambda g: g.set((next(iter(g.subjects(RDF.type, KG.Membership))), ORG.organization, _entity(g, "Person"))),
    "role without label": lambda g: _drop(g, next(iter(g.subjects(RDF.type, KG.Role))), RDFS.label),
    "mention of an entity its document does not list": lambda g: g.set((next(iter(g.subjects(RDF.type, KG.Mention))), KG.denotes, URIRef(BASE + "person/nobody"))),
    "part_of from a person": lambda g: g.add((_entity(g, "Person"), KG.partOf, _entity(g, "Place"))),
    "award that is not an award": lambda g: g.add((_entity(g, "Person"), KG.award, _entity(g, "Place"))),
    "administrative area not a place": lambda g: g.add((_entity(g, "Person"), RDF.type, KG.AdministrativeArea)),
}


def test_each_broken_graph_is_rejected():
    """One validation of many copies of a small graph, each under its own base and broken in
    one way: every broken copy is reported, the intact one is not."""
    union, bases = Graph(), {}
    for i, name in enumerate(["intact"] + sorted(MUTATIONS)):
        base = f"https://example.org/m{i}/"
        g = _small_graph(base)
        if name != "intact":
            before = set(g)
            MUTATIONS[name](g)
            assert set(g) != before, f"{name}: the mutation changed nothing"
        bases[name] = base
        for t in g:
            union.add(t)
    found = violations(union)
    assert found
    for name, base in bases.items():
        hits = [v for v in found if v.focus.startswith(base)]
        if name == "intact":
            assert not hits, hits
        else:
            assert hits, f"{name}: the shapes accepted a broken graph"


def test_kg_validate_reports_each_broken_rule_and_exits_1(tmp_path, capsys):
    from kg.cli import main
    from kg.write.turtle import write_turtle

    g = _small_graph()
    write_turtle(g, tmp_path / "ok" / "graph.ttl")
    assert main(["validate", str(tmp_path / "ok")]) == 0
    assert "conforms" in capsys.readouterr().out
    MUTATIONS["confidence above 1"](g)
    MUTATIONS["assertion without its plain triple"](g)
    write_turtle(g, tmp_path / "bad.ttl")
    assert main(["validate", str(tmp_path / "bad.ttl")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("2 problem(s)")
    assert any("person:" in line and "kg:confidence" in line for line in out)
    assert any("plain triple" in line for line in out)
