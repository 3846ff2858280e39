"""Step 7, write: the graph a user reads — stable IRIs, byte-identical Turtle, evidence that points
into the original files, a configurable base, files never half-written."""
from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from kg_seeds import ROOT, SEEDS, seeds_build, seeds_turtle
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # not rdflib's XSD, whose attribute probing warns under pytest

from kg.doc import Doc, Mention, Relation, Sentence
from kg.pipeline import build
from kg.resolve import resolve
from kg.write import DEFAULT_BASE, KG, to_graph
from kg.write.iris import Minter, slug
from kg.write.namespaces import ORG, SDO
from kg.write.turtle import turtle_bytes, write_atomic, write_turtle

BASE = "https://example.org/kg/"
VOCABS = ("https://w3id.org/kg-zh/ontology#", "https://schema.org/", "http://www.w3.org/")
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`]')


def iris(g: Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef)}


def instance_iris(g: Graph) -> set[URIRef]:
    return {i for i in iris(g) if not str(i).startswith(VOCABS) and not str(i).startswith("http://purl.org/")}


def doc_of(text: str, path: str = "a.txt", mentions=(), relations=(), title: str = "") -> Doc:
    """A cleaned document whose text equals its file (offsets are the identity)."""
    sentences, start = [], 0
    for piece in re.findall(r"[^。]+。?", text):
        sentences.append(Sentence(start, start + len(piece), piece))
        start += len(piece)
    d = Doc(path=path, raw=text, text=text, offsets=list(range(len(text) + 1)), title=title,
            sentences=sentences, mentions=list(mentions), relations=list(relations))
    d.attach_sentences()
    return d


def mention(text: str, name: str, type_: str, source: str = "test", score: float = 0.8, **kw) -> Mention:
    i = text.index(name)
    return Mention(i, i + len(name), name, type_, source, score, **kw)


# ------------------------------------------------------------------ determinism

def test_two_builds_of_the_same_input_give_identical_bytes(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert turtle_bytes(build(["seeds"]).graph) == seeds_turtle()


def test_another_process_with_another_hash_seed_writes_the_same_bytes(tmp_path):
    """Set and dict order of strings changes with PYTHONHASHSEED from one run to the next."""
    import os
    import sys

    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    code = "import sys; from kg.pipeline import build; from kg.write.turtle import turtle_bytes; " \
           "sys.stdout.buffer.write(turtle_bytes(build(['seeds']).graph))"
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    assert p.stdout == seeds_turtle()


def test_input_order_and_working_folder_do_not_change_the_bytes(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    files = sorted(p.name for p in (tmp_path / "seeds").iterdir())
    reordered = build([f"seeds/{name}" for name in reversed(files)])
    assert turtle_bytes(reordered.graph) == seeds_turtle()


def test_absolute_paths_give_the_same_iris(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    two = sorted((tmp_path / "seeds").iterdir())[:2]
    absolute = build([str(p) for p in two])
    monkeypatch.chdir(tmp_path)
    relative = build([str(p.relative_to(tmp_path)) for p in two])
    assert instance_iris(absolute.graph) == instance_iris(relative.graph)
    assert not any(str(tmp_path) in str(i) for i in iris(absolute.graph))
    sources = {str(o) for o in absolute.graph.objects(None, DCTERMS.source)}
    assert sources == {str(p) for p in two}  # the path as the user gave it


# ------------------------------------------------------------------ Turtle

def test_turtle_reads_back_to_the_same_graph_with_readable_prefixes():
    data = seeds_turtle()
    back = Graph().parse(data=data, format="turtle")
    assert set(back) == set(seeds_build().graph)
    text = data.decode("utf-8")
    for prefix in ("kg:", "schema:", "dcterms:", "skos:", "kgr:", "doc:", "place:"):
        assert f"@prefix {prefix}" in text
    assert "place:" in text.split("\n\n", 1)[1]  # instance IRIs are written as prefixed names


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils (rapper) not installed")
def test_turtle_is_accepted_by_a_strict_parser(tmp_path):
    f = tmp_path / "graph.ttl"
    f.write_bytes(seeds_turtle())
    p = subprocess.run(["rapper", "-i", "turtle", "-c", str(f)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert f"returned {len(seeds_build().graph)} triples" in p.stderr


def test_no_blank_nodes_and_every_instance_iri_under_the_base():
    g = seeds_build().graph
    assert not any(isinstance(t, BNode) for triple in g for t in triple)
    inst = instance_iris(g)
    assert inst and all(str(i).startswith(DEFAULT_BASE) for i in inst)
    assert not any(IRI_FORBIDDEN.search(str(i)) for i in iris(g))


def test_confidences_are_decimals_rounded_to_three_places():
    g = seeds_build().graph
    values = list(g.objects(None, KG.confidence))
    assert values
    for v in values:
        assert v.datatype == XSD.decimal and 0 <= v.toPython() <= 1
        assert v.toPython() == v.toPython().quantize(Decimal("0.001"))
    written = re.findall(rb"kg:confidence ([0-9.]+[0-9])", seeds_turtle())
    assert len(written) == len(values) and all(re.fullmatch(rb"[01]\.\d{3}", x) for x in written)


def test_nasty_names_give_valid_distinct_iris(tmp_path):
    names = ['A<B>"C{D}|E\\^F`G', "空 格", "ＡＢＣ全角", "①号线", "约翰·史密斯", "100%纯", "a#b/c.d", "长" * 80,
             "长" * 79 + "短", "...", "宁波\u0000市"]
    text = "，".join(names) + "。"
    d = doc_of(text, mentions=[mention(text, n, "Organization") for n in names])
    g = to_graph([d], resolve([d]), BASE)
    ents = set(g.subjects(RDF.type, KG.Organization))
    assert len(ents) == len(names)  # every name its own IRI, none lost to a clash
    for e in ents:
        local = str(e)[len(BASE + "organization/"):]
        assert local and not IRI_FORBIDDEN.search(local) and "%" not in local and "/" not in local
        assert len(local) <= 60
    assert URIRef(BASE + "organization/ABC全角") in ents  # NFKC: full-width letters become ASCII
    f = tmp_path / "g.ttl"
    write_turtle(g, f)
    assert set(Graph().parse(f, format="turtle")) == set(g)
    ox = pytest.importorskip("pyoxigraph")
    ox.Store().load(f.read_bytes(), ox.RdfFormat.TURTLE)  # Oxigraph checks IRIs strictly (RFC 3987)
    if shutil.which("rapper"):
        p = subprocess.run(["rapper", "-i", "turtle", "-c", str(f)], capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr


def test_slug_keeps_letters_of_any_script_and_drops_the_rest():
    assert slug("北仑区") == "北仑区"
    assert slug(" 《十四五》 规划 ") == "十四五-规划"
    assert slug("Ｇ２０峰会") == "G20峰会"
    assert slug("·约翰·史密斯·") == "约翰·史密斯"
    assert slug("!!!").startswith("x")  # never empty


def test_base_is_configurable_and_fact_names_do_not_depend_on_it():
    r = seeds_build()
    other = to_graph(r.docs, r.resolution, BASE)
    inst = instance_iris(other)
    assert inst and all(str(i).startswith(BASE) for i in inst)
    facts = lambda g, base: {str(s)[len(base):] for s in g.subjects(RDF.type, KG.Assertion)}
    assert facts(other, BASE) == facts(r.graph, DEFAULT_BASE)
    assert f"@prefix doc: <{BASE}doc/>".encode() in turtle_bytes(other)


@pytest.mark.parametrize("base", ["no-scheme/", "https://example.org/kg", "https://example.org/a b/", "https://x.org/<a>/"])
def test_a_bad_base_is_refused_with_a_clear_message(base):
    with pytest.raises(ValueError, match="base IRI"):
        Minter(base)


# ------------------------------------------------------------------ documents, mentions, evidence

def test_each_input_file_is_a_news_article_that_mentions_its_entities():
    r = seeds_build()
    g = r.graph
    docs = set(g.subjects(RDF.type, SDO.NewsArticle))
    assert len(docs) == len(r.docs) == len(list(SEEDS.glob("*.txt")))
    by_source = {str(g.value(d, DCTERMS.source)): d for d in docs}
    for di, d in enumerate(r.docs):
        node = by_source[d.path]
        assert d.path.startswith("seeds/")
        if d.title:
            assert str(g.value(node, SDO.headline)) == d.title.strip()
        mentioned = set(g.objects(node, SDO.mentions))
        expected = {r.resolution.of_mention[di, mi] for mi in range(len(d.mentions)) if (di, mi) in r.resolution.of_mention}
        assert len(mentioned) == len(expected) > 0
        for e in mentioned:
            assert g.value(e, RDFS.label) is not None


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\"'“”‘’]", "", s)


def test_mention_and_evidence_offsets_point_into_the_original_file():
    r = seeds_build()
    g = r.graph
    raw = {d.path: d.raw for d in r.docs}
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert mentions
    for m in mentions:
        src = str(g.value(g.value(m, KG.inDocument), DCTERMS.source))
        s, e = g.value(m, KG.startOffset).toPython(), g.value(m, KG.endOffset).toPython()
        assert _squeeze(raw[src][s:e]) == _squeeze(str(g.value(m, KG.surface)))
    evidence = list(g.subjects(RDF.type, KG.Evidence))
    assert evidence
    for ev in evidence:
        src = str(g.value(g.value(ev, KG.inDocument), DCTERMS.source))
        s, e = g.value(ev, KG.startOffset).toPython(), g.value(ev, KG.endOffset).toPython()
        sent = g.value(ev, KG.inSentence)
        ss, se = g.value(sent, KG.startOffset).toPython(), g.value(sent, KG.endOffset).toPython()
        assert 0 <= s < e <= len(raw[src])
        assert s < se and e > ss  # the stretch overlaps the sentence it cites
        assert str(g.value(ev, KG.extractedBy))


def test_every_relation_is_a_plain_triple_and_an_assertion_with_evidence():
    g = seeds_build().graph
    assertions = list(g.subjects(RDF.type, KG.Assertion))
    assert assertions
    for a in assertions:
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        assert (s, p, o) in g
        assert list(g.objects(a, KG.evidence))
    for m in g.subjects(RDF.type, KG.Membership):
        assert g.value(m, ORG.member) and g.value(m, ORG.organization) and list(g.objects(m, KG.evidence))


def _post_doc():
    text = "宁波市科协主席王明出席会议。王明还是宁波市科协党组书记。"
    ms = [mention(text, "宁波市科协", "Organization"), mention(text, "王明", "Person"),
          Mention(text.rindex("宁波市科协"), text.rindex("宁波市科协") + 5, "宁波市科协", "Organization", "test", 0.8),
          Mention(text.rindex("王明"), text.rindex("王明") + 2, "王明", "Person", "test", 0.8)]
    rels = [Relation("holds_position", 1, 0, 0, "relate.a", 0.6, role="主席"),
            Relation("holds_position", 1, 0, 0, "relate.b", 0.7, role="主席"),
            Relation("holds_position", 3, 2, 1, "relate.a", 0.5, role="党组 书记")]
    return doc_of(text, "news/p.txt", ms, rels)


def test_a_post_is_a_membership_whose_evidence_merges_agreeing_components():
    d = _post_doc()
    g = to_graph([d], resolve([d]), BASE)
    members = sorted(g.subjects(RDF.type, KG.Membership))
    assert len(members) == 2
    roles = {str(g.value(g.value(m, ORG.role), RDFS.label)) for m in members}
    assert roles == {"主席", "党组书记"}  # spaces inside a post are dropped
    chair = next(m for m in members if str(g.value(g.value(m, ORG.role), RDFS.label)) == "主席")
    [ev] = list(g.objects(chair, KG.evidence))  # two components, one stretch: one piece of evidence
    assert str(g.value(ev, KG.extractedBy)) == "relate.a+relate.b"
    assert g.value(ev, KG.confidence).toPython() == Decimal("0.700")
    assert str(g.value(g.value(ev, KG.inSentence), SDO.text)) == "宁波市科协主席王明出席会议。"
    assert (g.value(ev, KG.startOffset).toPython(), g.value(ev, KG.endOffset).toPython()) == (0, 9)


def test_facts_stated_twice_gain_confidence():
    text = "北仑区位于宁波市。北仑区属于宁波市。"
    ms = [mention(text, "北仑区", "Place"), mention(text, "宁波市", "Place"),
          Mention(9, 12, "北仑区", "Place", "t"), Mention(14, 17, "宁波市", "Place", "t")]
    rels = [Relation("part_of", 0, 1, 0, "relate.x", 0.6), Relation("part_of", 2, 3, 1, "relate.x", 0.5)]
    d = doc_of(text, mentions=ms, relations=rels)
    g = to_graph([d], resolve([d]), BASE)
    [a] = list(g.subjects(RDF.type, KG.Assertion))
    assert len(list(g.objects(a, KG.evidence))) == 2
    assert g.value(a, KG.confidence).toPython() == Decimal("0.800")  # 1 - 0.4 * 0.5


def test_a_founding_date_is_a_typed_literal():
    text = "宁波大学成立于1986年。"
    d = doc_of(text, mentions=[mention(text, "宁波大学", "Organization")],
               relations=[Relation("founded_on", 0, None, 0, "relate.dates", 0.7, literal="1986")])
    g = to_graph([d], resolve([d]), BASE)
    [date] = list(g.objects(None, KG.foundingDate))
    assert date == Literal("1986", datatype=XSD.gYear)


def test_an_unknown_relation_kind_is_left_out_with_a_warning_and_the_rest_kept():
    text = "北仑区位于宁波市。"
    ms = [mention(text, "北仑区", "Place"), mention(text, "宁波市", "Place")]
    d = doc_of(text, mentions=ms, relations=[Relation("twinned_with", 0, 1, 0, "x"), Relation("part_of", 0, 1, 0, "x")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = to_graph([d], resolve([d]), BASE)
    assert any("twinned_with" in str(w.message) for w in caught)
    assert len(list(g.subjects(RDF.type, KG.Assertion))) == 1


def test_an_administrative_area_is_a_place_too():
    from kg.resolve import Resolution
    from kg.resolve.entities import Entity

    text = "宁波市和宁波港。"
    d = doc_of(text, mentions=[mention(text, "宁波市", "Place"), mention(text, "宁波港", "Place")])
    city, port = Entity("宁波市", "Place", "宁波市", score=0.9), Entity("宁波港", "Place", "宁波港", score=0.9)
    city.admin, port.admin = True, False
    g = to_graph([d], Resolution([city, port], {(0, 0): 0, (0, 1): 1}), BASE)
    assert set(g.subjects(RDF.type, KG.AdministrativeArea)) == {URIRef(BASE + "place/宁波市")}
    assert len(set(g.subjects(RDF.type, KG.Place))) == 2


def test_alt_types_are_types_too_and_marked_as_such():
    text = "霞浦街道党工委。"
    d = doc_of(text, mentions=[mention(text, "霞浦街道", "Place", alt_types=("Organization",))])
    g = to_graph([d], resolve([d]), BASE)
    [e] = list(g.subjects(RDF.type, KG.Place))
    assert (e, RDF.type, KG.Organization) in g and (e, KG.altType, KG.Organization) in g
    assert (e, KG.altType, KG.Place) not in g


def test_one_span_standing_for_two_entities_gives_two_mentions():
    text = "北仑区发布通知。"
    from kg.resolve import Resolution
    from kg.resolve.entities import Entity

    d = doc_of(text, mentions=[mention(text, "北仑区", "Place"), mention(text, "北仑区", "Organization", source="other")])
    ents = [Entity("北仑区", "Place", "北仑区", score=0.8), Entity("北仑区", "Organization", "北仑区", score=0.8)]
    g = to_graph([d], Resolution(ents, {(0, 0): 0, (0, 1): 1}), BASE)  # a resolver that keeps them apart
    ms = sorted(g.subjects(RDF.type, KG.Mention))
    assert [str(m).rsplit(".", 1)[1] for m in ms] == ["m0-3-organization", "m0-3-place"]
    assert all(len(list(g.objects(m, KG.denotes))) == 1 for m in ms)


def test_same_file_name_in_two_folders_gives_two_documents():
    a = doc_of("宁波。", "x/2024/a.txt", [Mention(0, 2, "宁波", "Place", "t")])
    b = doc_of("宁波。", "x/2025/a.txt", [Mention(0, 2, "宁波", "Place", "t")])
    g = to_graph([a, b], resolve([a, b]), BASE)
    docs = sorted(g.subjects(RDF.type, SDO.NewsArticle))
    assert len(docs) == 2 and all(str(d).startswith(BASE + "doc/a-") for d in docs)
    # the same files under another root folder keep their IRIs
    a2, b2 = (doc_of("宁波。", f"/elsewhere/{p}", [Mention(0, 2, "宁波", "Place", "t")]) for p in ("2024/a.txt", "2025/a.txt"))
    g2 = to_graph([a2, b2], resolve([a2, b2]), BASE)
    assert sorted(g2.subjects(RDF.type, SDO.NewsArticle)) == docs


def test_two_entities_with_one_name_keep_apart():
    m = Minter(BASE, [("Person", "王伟", "王伟#1"), ("Person", "王伟", "王伟#2"), ("Place", "王伟", "王伟")])
    a, b = m.entity("Person", "王伟", "王伟#1"), m.entity("Person", "王伟", "王伟#2")
    assert a != b and str(a).startswith(BASE + "person/王伟-")
    assert m.entity("Place", "王伟", "王伟") == URIRef(BASE + "place/王伟")


# ------------------------------------------------------------------ atomic writing

def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    f = tmp_path / "graph.ttl"
    f.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomic(f, "not bytes")  # type: ignore[arg-type]
    assert f.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    write_atomic(f, b"new")
    assert f.read_bytes() == b"new"


# ------------------------------------------------------------------ kg build --base

def test_kg_build_base_puts_every_instance_iri_under_it(tmp_path, capsys):
    from kg.cli import main

    src = tmp_path / "news.txt"
    src.write_text("宁波市北仑区召开会议。浙江大学宁波研究院参加了会议。\n", encoding="utf-8")
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "-q", "--base", BASE]) == 0
    data = (tmp_path / "out" / "graph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    assert instance_iris(g) and all(str(i).startswith(BASE) for i in instance_iris(g))
    assert f"@prefix doc: <{BASE}doc/> .".encode() in data
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        main(["build", str(src), "-o", str(tmp_path / "out2"), "--base", "https://example.org/no end"])
    assert e.value.code == 2 and "base IRI" in capsys.readouterr().err
    assert not (tmp_path / "out2").exists()


def test_a_file_name_that_is_not_utf8_is_written_readably(tmp_path):
    """Chinese corpora often carry GBK file names; Python hands them over as lone surrogates."""
    import os

    name = os.fsdecode("宁波新闻.txt".encode("gbk"))
    d = doc_of("宁波。", f"in/{name}", [Mention(0, 2, "宁波", "Place", "t")])
    g = to_graph([d], resolve([d]), BASE)
    [doc] = list(g.subjects(RDF.type, SDO.NewsArticle))
    assert doc == URIRef(BASE + "doc/宁波新闻")
    assert str(g.value(doc, DCTERMS.source)) == "in/宁波新闻.txt"
    Graph().parse(data=turtle_bytes(g), format="turtle")
