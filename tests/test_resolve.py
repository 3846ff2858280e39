"""Resolution: one node per real thing, never one node for two things."""
from kg.doc import Doc, Mention, Relation
from kg.resolve import resolve


def doc(path: str, *mentions: tuple, relations=()) -> Doc:
    """mentions: (surface, type[, key]); offsets are made up, one after another."""
    ms, pos = [], 0
    for spec in mentions:
        surface, type_ = spec[0], spec[1]
        ms.append(Mention(pos, pos + len(surface), surface, type_, "test", 0.6, key=spec[2] if len(spec) > 2 else ""))
        pos += len(surface) + 1
    return Doc(path=path, mentions=ms, relations=list(relations))


def by_label(r):
    return {e.label: e for e in r.entities}


def test_place_short_form_is_an_alias_within_and_across_documents():
    r = resolve([doc("a", ("青山区", "Place"), ("青山", "Place")), doc("b", ("青山", "Place"))])
    assert len(r.entities) == 1
    e = r.entities[0]
    assert (e.label, e.aliases, len(e.mentions)) == ("青山区", {"青山"}, 3)


def test_tail_of_one_longer_name_is_an_alias():
    r = resolve([doc("a", ("王大山纪念学堂", "Organization"), ("纪念学堂", "Organization"))])
    assert [(e.label, e.aliases) for e in r.entities] == [("王大山纪念学堂", {"纪念学堂"})]


def test_never_merge_a_short_form_two_names_share():
    r = resolve([doc("a", ("东湖纪念学堂", "Organization"), ("西湖纪念学堂", "Organization"), ("纪念学堂", "Organization"))])
    assert sorted(e.label for e in r.entities) == ["东湖纪念学堂", "纪念学堂", "西湖纪念学堂"]


def test_different_administrative_levels_stay_apart():
    r = resolve([doc("a", ("白云区", "Place"), ("白云街道", "Place"))])
    assert len(r.entities) == 2


def test_relative_names_resolve_in_their_context():
    # two 社区党委 in two places are two nodes; the same name in the same place is one
    a = doc("a", ("社区党委", "Organization"), ("东湖社区", "Place"), relations=[Relation("located_in", 0, 1, 0, "t")])
    b = doc("b", ("社区党委", "Organization"), ("西湖社区", "Place"), relations=[Relation("located_in", 0, 1, 0, "t")])
    c = doc("c", ("社区党委", "Organization"), ("东湖社区", "Place"), relations=[Relation("located_in", 0, 1, 0, "t")])
    r = resolve([a, b, c])
    committees = [e for e in r.entities if e.label == "社区党委"]
    assert len(committees) == 2
    assert sorted(len(e.mentions) for e in committees) == [1, 2]
    # without any context a relative name stays in its document
    r = resolve([doc("a", ("市委", "Organization")), doc("b", ("市委", "Organization"))])
    assert len(r.entities) == 2


def test_specific_names_merge_across_documents():
    r = resolve([doc("a", ("江南大学", "Organization")), doc("b", ("江南大学", "Organization"))])
    assert len(r.entities) == 1 and len(r.entities[0].mentions) == 2


def test_same_name_typed_two_ways_is_one_node_with_an_alt_type():
    r = resolve([doc("a", ("松山工业社区", "Place"), ("松山工业社区", "Place"), ("松山工业社区", "Organization"))])
    assert len(r.entities) == 1
    assert (r.entities[0].type, r.entities[0].alt_types) == ("Place", {"Organization"})


def test_quotes_and_dashes_do_not_make_a_new_name():
    r = resolve([doc("a", ("“书记擂台”赛", "Event"), ("书记擂台——赛", "Event"))])
    assert len(r.entities) == 1


def test_programme_head_and_quoted_core():
    r = resolve([doc("a", ("人才贷合伙人项目", "Program"), ("人才贷", "Program"), ("社区“三定”管理体制", "Program"), ("三定", "Program"))])
    got = {e.label: e.aliases for e in r.entities}
    assert got == {"人才贷合伙人项目": {"人才贷"}, "社区三定管理体制": {"三定"}}


def test_recogniser_key_joins_a_short_form_to_its_full_name():
    r = resolve([doc("a", ("甬江", "Place", "甬江市")), doc("b", ("甬江市", "Place"))])
    assert len(r.entities) == 1 and r.entities[0].label == "甬江市"


def test_administrative_flag_and_confidence_from_agreeing_components():
    d = doc("a", ("石桥镇", "Place"), ("霞光中路", "Place"))
    d.mentions.append(Mention(0, 3, "石桥镇", "Place", "other", 0.5))
    r = resolve([d])
    e = by_label(r)
    assert e["石桥镇"].admin and not e["霞光中路"].admin
    assert e["石桥镇"].score > e["霞光中路"].score  # two components agree


def test_person_names_are_never_shortened():
    r = resolve([doc("a", ("欧阳明", "Person"), ("阳明", "Person"))])
    assert len(r.entities) == 2


def test_deterministic_order():
    docs = [doc("a", ("青山区", "Place"), ("王五", "Person")), doc("b", ("江南大学", "Organization"))]
    assert [e.key for e in resolve(docs).entities] == [e.key for e in resolve(docs).entities]


def test_a_surface_form_two_names_claim_joins_neither():
    # the recogniser says 青年 stands for two different programmes: no merge through it
    d = doc("a", ("青年政策", "Program"), ("青年计划", "Program"), ("青年", "Program"))
    d.mentions += [Mention(0, 2, "青年", "Program", "t", key="青年政策"), Mention(5, 7, "青年", "Program", "t", key="青年计划")]
    r = resolve([d])
    assert {"青年政策", "青年计划"} <= {e.label for e in r.entities}
    assert all(not ({"青年政策", "青年计划"} <= e.names) for e in r.entities)


def test_relative_parent_keeps_its_children_apart_across_documents():
    def with_parent(path):
        return doc(path, ("区委组织部", "Organization"), ("区委", "Organization"),
                   relations=[Relation("sub_organization_of", 0, 1, 0, "t")])
    r = resolve([with_parent("a"), with_parent("b")])
    assert len([e for e in r.entities if e.label == "区委组织部"]) == 2


def test_titles_that_start_like_a_unit_are_not_relative():
    r = resolve([doc("a", ("省级教育基地", "Award")), doc("b", ("省级教育基地", "Award"))])
    assert len(r.entities) == 1


def test_a_bare_kind_of_body_is_not_one_thing_everywhere():
    r = resolve([doc("a", ("商务局", "Organization")), doc("b", ("商务局", "Organization"))])
    assert len(r.entities) == 2


def test_a_committee_named_after_its_district_is_one_thing_everywhere():
    r = resolve([doc("a", ("青山区委", "Organization")), doc("b", ("青山区委", "Organization"))])
    assert len(r.entities) == 1


def test_surer_reading_wins_a_tied_type_vote():
    d = doc("a", ("松林学堂", "Place"))
    d.mentions.append(Mention(0, 4, "松林学堂", "Organization", "other", 0.9))
    e = resolve([d]).entities[0]
    assert (e.type, e.alt_types) == ("Organization", {"Place"})


def test_a_short_name_declared_in_brackets_is_an_alias():
    text = "青州能源集团有限公司（以下简称“青能集团”）成立。青能集团很大。"
    a = text.index("青州能源集团有限公司")
    b = text.index("青能集团")
    d = Doc(path="a", text=text, mentions=[
        Mention(a, a + 10, "青州能源集团有限公司", "Organization", "t"),
        Mention(b, b + 4, "青能集团", "Organization", "t"),
        Mention(text.rindex("青能集团"), text.rindex("青能集团") + 4, "青能集团", "Organization", "t")])
    r = resolve([d])
    assert [(e.label, e.aliases) for e in r.entities] == [("青州能源集团有限公司", {"青能集团"})]


def test_a_place_in_brackets_is_where_not_another_name():
    text = "青州（江南省）很美。"
    d = Doc(path="a", text=text, mentions=[Mention(0, 2, "青州", "Place", "t"), Mention(3, 6, "江南省", "Place", "t")])
    assert len(resolve([d]).entities) == 2


def test_context_is_the_parent_entity_however_it_is_written():
    a = doc("a", ("社区党委", "Organization"), ("青山区", "Place"), relations=[Relation("located_in", 0, 1, 0, "t")])
    b = doc("b", ("社区党委", "Organization"), ("青山", "Place"), relations=[Relation("located_in", 0, 1, 0, "t")])
    r = resolve([a, b, doc("c", ("青山区", "Place"))])
    assert len([e for e in r.entities if e.label == "社区党委"]) == 1
