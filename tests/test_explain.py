"""`kg explain OUT NAME`: why a node exists, read back from the published graph."""
import pytest

from kg.cli import main
from kg.explain import explain
from kg.relate import relate
from kg.resolve import resolve
from kg.write import to_graph, write_turtle

from relate_helpers import doc_with

TEXT = "青松机械有限公司总经理王小明介绍情况。\n王小明说，青松公司很好。"


@pytest.fixture
def out(tmp_path):
    d = doc_with(TEXT, [("青松机械有限公司", "Organization"), ("王小明", "Person"), ("王小明", "Person")])
    d.raw = TEXT
    relate(d)
    write_turtle(to_graph([d], resolve([d])), tmp_path / "graph.ttl")
    return tmp_path


def test_explains_names_sentences_components_and_relations(out, capsys):
    assert main(["explain", str(out), "王小明"]) == 0
    text = capsys.readouterr().out
    assert "王小明  (Person)" in text
    assert "found 2 time(s)" in text
    assert "t.txt [11:14]" in text and "t.txt [20:23]" in text  # offsets into the original file
    assert "青松机械有限公司总经理王小明介绍情况。" in text  # the sentence it was found in
    assert "holds position 总经理 in 青松机械有限公司" in text
    assert "relate.positions" in text  # the component that read the relation


def test_matches_a_part_of_a_name_when_nothing_matches_exactly(out):
    reports = explain(out, "青松机械")
    assert [r.label for r in reports] == ["青松机械有限公司"]
    assert reports[0].relations[0].role == "总经理"
    assert reports[0].relations[0].evidence[0].start == 0


def test_unknown_name_is_a_clear_error(out, capsys):
    assert main(["explain", str(out), "不存在的名字"]) == 1
    err = capsys.readouterr().err
    assert "不存在的名字" in err and "no entity" in err


def test_missing_graph_is_a_clear_error(tmp_path, capsys):
    assert main(["explain", str(tmp_path / "nothing"), "王小明"]) == 1
    assert "no such graph" in capsys.readouterr().err


def test_an_alias_finds_the_canonical_node(tmp_path):
    text = "青山区很美。青山的人很好。"
    d = doc_with(text, [("青山区", "Place"), ("青山", "Place")])
    d.raw = text
    write_turtle(to_graph([d], resolve([d])), tmp_path / "graph.ttl")
    [r] = explain(tmp_path, "青山")
    assert (r.label, r.aliases) == ("青山区", ["青山"])
    assert "AdministrativeArea" in r.types and r.types[0] == "Place"
    assert [m.surface for m in r.mentions] == ["青山区", "青山"]


def test_many_partial_matches_are_capped_and_named(tmp_path, capsys):
    text = "东湖中心和西湖中心和南湖中心。"
    d = doc_with(text, [("东湖中心", "Organization"), ("西湖中心", "Organization"), ("南湖中心", "Organization")])
    d.raw = text
    write_turtle(to_graph([d], resolve([d])), tmp_path / "graph.ttl")
    assert main(["explain", str(tmp_path), "中心", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 entities match")
    assert out.count("  node  ") == 1 and "… and 2 more" in out
