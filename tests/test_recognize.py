"""Rule and gazetteer recognisers, each on invented sentences (no names from the sample articles)."""
from __future__ import annotations

from kg.doc import Doc, Mention
from kg.pipeline import extract
from kg.recognize import awards, consistency, gazetteer, organizations, overlaps, persons, places, programs


def doc(text: str) -> Doc:
    return Doc(path="t.txt", text=text)


def labels(ms, type_=None, implicit=None):
    return [m.label for m in ms if (type_ is None or m.type == type_) and (implicit is None or m.implicit == implicit)]


# --- gazetteer -----------------------------------------------------------------------------
def test_gazetteer_short_form_points_to_full_name():
    ms = gazetteer.recognize(doc("苏州市的吴中区和吴中的企业"))
    assert [(m.text, m.key or m.text) for m in ms] == [("苏州市", "苏州市"), ("吴中区", "吴中区"), ("吴中", "吴中区")]


def test_gazetteer_district_alone_needs_its_city():
    # a district short form or an ambiguous district name is trusted only beside its city
    assert labels(gazetteer.recognize(doc("吴中的企业很多"))) == []
    assert gazetteer.parent_of("吴中区") == "苏州市"


def test_gazetteer_city_that_jieba_lists_as_a_noun_is_found_as_a_word_only():
    assert labels(gazetteer.recognize(doc("他在营口市工作"))) == ["营口市"]
    assert labels(gazetteer.recognize(doc("大同市场很繁荣"))) == []  # 大同|市场, not 大同市


def test_gazetteer_one_character_countries_in_lists_acting_and_visited():
    pairs = lambda text: [(m.text, m.key) for m in gazetteer.abbreviations(doc(text))]
    assert pairs("他读过中、英、德、法不同语种的书") == [("中", "中国"), ("英", "英国"), ("德", "德国"), ("法", "法国")]
    assert pairs("大、中、小学都放假了") == []
    assert pairs("俄政府决定对韩投资") == [("俄", "俄罗斯"), ("韩", "韩国")]
    assert pairs("我们要增加政府投入") == []  # 增加 is one word: 加 is not Canada
    assert pairs("总统抵京访华") == [("京", "北京市"), ("华", "中国")]
    assert pairs("在华东地区，对华为公司") == []


def test_gazetteer_countries_and_word_boundaries():
    assert labels(gazetteer.recognize(doc("来自法国和巴西的客人"))) == ["法国", "巴西"]


# --- places by suffix -----------------------------------------------------------------------
def test_places_chain_of_divisions():
    ms = places.recognize(doc("在苏州市吴中区木渎镇金山村召开现场会"))
    assert labels(ms) == ["木渎镇", "金山村"]


def test_places_generic_words_are_not_names():
    assert labels(places.recognize(doc("推进城乡社区治理，建设美丽乡村和农村道路"))) == []


def test_places_listed_villages_share_the_suffix():
    ms = places.recognize(doc("在石岭、云溪等村建成驿站"))
    assert [(m.label, m.key) for m in ms] == [("石岭", "石岭村"), ("云溪", "云溪村")]


# --- organisations ---------------------------------------------------------------------------
def test_org_grows_from_head_and_names_implicit_parent():
    ms = organizations.recognize(doc("近日，苏州市吴中区委组织部召开会议。"))
    assert labels(ms, implicit=False) == ["苏州市吴中区委组织部"]
    assert labels(ms, implicit=True) == ["苏州市吴中区委"]


def test_org_named_from_the_city_when_a_province_opens_it():
    ms = extract("本报讯吉林省通化市煤气公司把粉煤灰制成砖。").mentions
    assert ("通化市煤气公司", "Organization") in [(m.label, m.type) for m in ms]
    assert ("吉林省", "Place") in [(m.label, m.type) for m in ms]


def test_org_stops_at_a_function_word_jieba_glued_on():
    assert labels(organizations.recognize(doc("据市气象局测定，风力很大")), implicit=False) == ["市气象局"]
    assert labels(organizations.recognize(doc("他曾任甲乙动力学协会主席")), implicit=False) == ["甲乙动力学协会"]
    assert labels(organizations.recognize(doc("干净利落地为丙丁队拿下比赛")), implicit=False) == ["丙丁队"]


def test_a_quoted_name_that_is_set_up_is_a_body():
    ms = organizations.recognize(doc("他把党员凝聚起来，组建了“绿叶之家”。"))
    assert [(m.name or m.label, m.type) for m in ms] == [("绿叶之家", "Organization")]
    assert organizations.recognize(doc("他们推出了“绿叶之家”。")) == []


def test_org_level_prefix_is_a_unit_of_its_own():
    ms = organizations.recognize(doc("据省委组织部消息"))
    assert labels(ms, implicit=False) == ["省委组织部"] and labels(ms, implicit=True) == ["省委"]


def test_org_company_and_its_branch():
    ms = organizations.recognize(doc("张某是苏州云帆智能科技有限公司党支部书记"))
    assert "苏州云帆智能科技有限公司党支部" in labels(ms, implicit=False)
    assert "苏州云帆智能科技有限公司" in labels(ms, implicit=True)


def test_org_generic_facilities_and_words_are_not_units():
    ms = organizations.recognize(doc("建设党群服务中心，培养年轻干部，形成新格局。"))
    assert labels(ms) == []


def test_org_designation_prefix_makes_an_award():
    ms = organizations.recognize(doc("建成省级智能制造创新中心"))
    assert [(m.label, m.type) for m in ms] == [("省级智能制造创新中心", "Award")]


# --- programs and events --------------------------------------------------------------------
def test_quoted_program_keeps_core_as_alias():
    ms = programs.recognize(doc("全面实施“清风护航”专项行动"))
    full = [m for m in ms if not m.implicit]
    core = [m for m in ms if m.implicit]
    assert [(m.label, m.type) for m in full] == [("清风护航专项行动", "Program")]
    assert core[0].label == "清风护航" and core[0].key == "清风护航专项行动"


def test_quoted_event_and_titles():
    ms = programs.recognize(doc("举办“山海同行”摄影展，发布《乡村振兴促进办法》。"))
    assert ("山海同行摄影展", "Event") in [(m.label, m.type) for m in ms]
    assert ("《乡村振兴促进办法》", "Program") in [(m.label, m.type) for m in ms]


def test_quoted_slogans_are_not_programs():
    assert labels(programs.recognize(doc("弘扬“吃苦耐劳”精神，坚持“全心全意为人民服务”"))) == []


def test_ascii_quotes_work_like_chinese_ones():
    assert "清风护航专项行动" in labels(programs.recognize(doc('开展"清风护航"专项行动,效果好')))


# --- awards ------------------------------------------------------------------------------------
def test_awards_split_list_and_skip_tallies():
    ms = awards.recognize(doc("该校先后获评省文明校园、全国绿色学校，还获评优秀案例5个。"))
    assert labels(ms) == ["省文明校园", "全国绿色学校"]


def test_award_title_word_dropped():
    assert labels(awards.recognize(doc("荣获全国劳动模范称号。"))) == ["全国劳动模范"]


# --- persons -----------------------------------------------------------------------------------
def test_person_after_post_and_before_speech_verb():
    ms = persons.recognize(doc("厂长周明远介绍，产量翻番。”林晓说。"))
    assert labels(ms) == ["周明远", "林晓"]


def test_person_after_ages_ranks_and_trades():
    assert labels(persons.recognize(doc("４２岁的傅明亮走上讲台"))) == ["傅明亮"]
    assert labels(persons.recognize(doc("参谋长郑立新上将今天抵达"))) == ["郑立新"]
    assert labels(persons.recognize(doc("青年画家赵明很有名气"))) == ["赵明"]
    assert labels(persons.recognize(doc("外长会见了萨吉贝尔一行"))) == []  # the end of a foreign name


def test_a_surname_with_a_form_of_address_names_the_person_by_the_surname():
    assert labels(persons.recognize(doc("胡老说，今天天气很好"))) == ["胡"]
    assert labels(persons.recognize(doc("村里的刘老师和王大娘都来了"))) == ["刘", "王"]
    assert labels(persons.recognize(doc("要提高老百姓的收入"))) == []


def test_a_confident_guess_adds_the_given_name_s_last_character():
    rule = Mention(0, 2, "许甲", "Person", "rules.person", 0.75)
    guess = Mention(0, 3, "许甲乙", "Person", "crf", 0.9)
    assert labels(overlaps.settle([rule, guess])) == ["许甲乙"]
    unsure = Mention(0, 3, "许甲乙", "Person", "crf", 0.6)
    assert labels(overlaps.settle([rule, unsure])) == ["许甲"]


def test_person_name_stops_before_a_word():
    assert labels(persons.recognize(doc("村党支部书记韩梅不由感慨"))) == ["韩梅"]


def test_person_words_after_posts_are_not_names():
    assert labels(persons.recognize(doc("全体党员常态化参与志愿服务"))) == []


def test_bylines_and_photo_credits():
    ms = persons.recognize(doc("标题\n记者 周游 通讯员 新闻轩\n正文\n（蒋小青 摄）"))
    assert labels(ms) == ["周游", "新闻轩", "蒋小青"]
    assert [m.alt_types for m in ms if m.label == "新闻轩"] == [("Organization",)]


# --- consistency and settling -----------------------------------------------------------------
def test_name_propagates_to_other_occurrences():
    d = doc("主任沈一帆来到村里。沈一帆说，明年再来。")
    ms = consistency.propagate(d, persons.recognize(d)[:1])
    assert [(m.start, m.label) for m in ms] == [(2, "沈一帆"), (10, "沈一帆")]


def test_settle_agreement_longest_and_implicit():
    a = Mention(0, 6, "吴中区委组织", "Organization", "rules.org", 0.7)
    b = Mention(0, 4, "吴中区委", "Organization", "rules.org", 0.6, implicit=True)
    c = Mention(0, 3, "吴中区", "Place", "gazetteer", 0.75)
    d = Mention(0, 3, "吴中区", "Place", "crf", 0.5)
    out = overlaps.settle([a, b, c, d])
    assert [(m.label, m.implicit) for m in out] == [("吴中区委组织", False), ("吴中区委", True)]
    orphan = Mention(10, 12, "某委", "Organization", "x", 0.6, implicit=True)
    assert overlaps.settle([orphan]) == []  # an implicit parent without the name that holds it is dropped


def test_a_confident_guess_extends_a_rule_name_but_never_cuts_one():
    place = Mention(0, 3, "甲乙市", "Place", "gazetteer", 0.75)
    unit = Mention(0, 5, "甲乙市妇联", "Organization", "crf", 0.95)
    assert [m.label for m in overlaps.settle([place, unit])] == ["甲乙市妇联"]
    crossing = Mention(1, 5, "乙市妇联", "Organization", "crf", 0.95)
    assert [m.label for m in overlaps.settle([place, crossing])] == ["甲乙市"]
    government = Mention(0, 5, "甲乙市政府", "Organization", "crf", 0.95)  # news names the place
    assert [m.label for m in overlaps.settle([place, government])] == ["甲乙市"]


def test_a_periodical_title_names_an_organisation():
    ms = programs.recognize(doc("他在《甲乙日报》和《丙丁》杂志上发表了《论戊己》。"))
    assert [(m.label, m.type) for m in ms] == [
        ("甲乙日报", "Organization"), ("《丙丁》杂志", "Organization"), ("《论戊己》", "Program")]


def test_a_confident_guess_reads_a_longer_place_or_a_person_over_a_place():
    short = Mention(0, 3, "甲乙丙", "Place", "gazetteer", 0.75)
    longer = Mention(0, 4, "甲乙丙市", "Place", "crf", 0.9)
    assert [m.label for m in overlaps.settle([short, longer])] == ["甲乙丙市"]
    glued = Mention(0, 5, "甲乙丙部署", "Place", "crf", 0.9)  # not a place word at the end
    assert [m.label for m in overlaps.settle([short, glued])] == ["甲乙丙"]
    given = Mention(1, 3, "安乙", "Place", "gazetteer", 0.6)
    person = Mention(0, 3, "朱安乙", "Person", "crf", 0.9)
    assert [(m.label, m.type) for m in overlaps.settle([given, person])] == [("朱安乙", "Person")]


def test_a_department_of_the_article_s_own_area_is_a_unit():
    assert labels(organizations.recognize(doc("区科技局、县邮政局联合开展活动。"))) == ["区科技局", "县邮政局"]


def test_guessed_kinds_of_units_are_not_names():
    for kind in ("研究院", "村党支部", "临时党支部", "基层服务中心"):
        assert not overlaps.usable_guess(Mention(0, len(kind), kind, "Organization", "crf", 0.95)), kind
    assert overlaps.usable_guess(Mention(0, 6, "甲乙村党支部", "Organization", "crf", 0.95))


def test_named_organisations_ending_in_zuzhi_are_kept_kinds_are_not():
    assert overlaps.usable_guess(Mention(0, 6, "甲乙国家组织", "Organization", "crf", 0.9))
    assert not overlaps.usable_guess(Mention(0, 4, "社会组织", "Organization", "crf", 0.99))
    assert not overlaps.usable_guess(Mention(0, 6, "甲乙村党组织", "Organization", "crf", 0.99))
    assert not overlaps.usable_guess(Mention(0, 6, "甲乙街道组织", "Organization", "crf", 0.99))


def test_guesses_with_a_date_or_an_ordinary_noun_at_the_end_are_not_units():
    assert not overlaps.usable_guess(Mention(0, 6, "甲乙二十八日", "Organization", "crf", 0.95))
    assert not overlaps.usable_guess(Mention(0, 6, "甲乙旅游新格局", "Organization", "crf", 0.95))
    assert not overlaps.usable_guess(Mention(0, 5, "甲乙中北部", "Organization", "crf", 0.95))
    assert overlaps.usable_guess(Mention(0, 5, "甲乙丙部队", "Organization", "crf", 0.95))


def test_a_guess_holding_a_clause_verb_is_not_a_name():
    assert not overlaps.usable_guess(Mention(0, 6, "甲乙创办公司", "Organization", "crf", 0.95))
    assert not overlaps.usable_guess(Mention(0, 4, "甲乙部署", "Organization", "crf", 0.95))
    assert overlaps.usable_guess(Mention(0, 7, "甲乙互助合作社", "Organization", "crf", 0.95))


def test_a_confident_guess_cuts_a_unit_the_rules_grew_over_a_verb():
    grown = Mention(0, 9, "主场迎战甲乙丙队", "Organization", "rules.org", 0.7)
    team = Mention(4, 9, "甲乙丙队", "Organization", "crf", 0.95)
    assert labels(overlaps.settle([grown, team])) == ["甲乙丙队"]
    named = Mention(0, 7, "甲乙区委组织部", "Organization", "rules.org", 0.7)
    inner = Mention(2, 7, "区委组织部", "Organization", "crf", 0.95)
    assert labels(overlaps.settle([named, inner])) == ["甲乙区委组织部"]


def test_a_person_named_inside_a_title_is_mentioned_too():
    title = Mention(0, 8, "《王甲乙文选》", "Program", "rules.program", 0.6)
    person = Mention(1, 4, "王甲乙", "Person", "crf", 0.9)
    place = Mention(4, 6, "文选", "Place", "crf", 0.9)
    assert [m.label for m in overlaps.settle([title, person, place])] == ["《王甲乙文选》", "王甲乙"]


def test_foreign_names_need_less_confidence_than_other_guesses():
    assert overlaps.usable_guess(Mention(0, 4, "萨布拉奇", "Person", "crf", 0.6))
    assert not overlaps.usable_guess(Mention(0, 4, "星光大道", "Person", "crf", 0.6))


def test_a_guess_the_dictionary_lists_with_its_type_needs_less_confidence():
    assert overlaps.usable_guess(Mention(0, 2, "北京", "Place", "crf", 0.6))
    assert not overlaps.usable_guess(Mention(0, 2, "北京", "Organization", "crf", 0.6))
    assert not overlaps.usable_guess(Mention(0, 3, "甲乙丙", "Place", "crf", 0.6))


def test_pipeline_end_to_end_types():
    d = extract("苏州市吴中区委组织部部长沈一帆说，吴中区将深入实施“红色领航”工程。", path="t.txt")
    found = {(m.label, m.type) for m in d.mentions}
    assert {("苏州市吴中区委组织部", "Organization"), ("沈一帆", "Person"), ("红色领航工程", "Program"),
            ("吴中区", "Place")} <= found


def test_foreign_name_after_where_from_and_listed_names():
    assert labels(persons.recognize(doc("来自法国的马尔丹和团队一起调试"))) == ["马尔丹"]
    assert labels(persons.recognize(doc("来自法国的游客说好"))) == []
    assert labels(persons.recognize(doc("党员刘一鸣、陈思、赵小虎等人参加"))) == ["刘一鸣", "陈思", "赵小虎"]


def test_unquoted_events_need_a_name():
    ms = programs.recognize(doc("广州亚运会期间，召开全市表彰大会，参加世界互联网大会乌镇峰会"))
    assert [(m.label, m.type) for m in ms] == [("广州亚运会", "Event"), ("世界互联网大会乌镇峰会", "Event")]


def test_docstring_examples_hold():
    import doctest
    import importlib

    for name in ("tokens", "gazetteer", "places", "organizations", "programs", "awards", "persons", "consistency",
                 "overlaps"):
        mod = importlib.import_module(f"kg.recognize.{name}")
        assert doctest.testmod(mod).failed == 0, name
    import kg.recognize

    assert doctest.testmod(kg.recognize).failed == 0


def test_invented_article_end_to_end():
    text = ("记者 王思远 通讯员 柯组宣\n"
            "绍兴市柯桥区委组织部持续深化“百村千企”结对帮扶行动。在柯桥区华舍街道蜀阜村，村党委书记沈建忠带领党员"
            "成立“蜀阜红帮帮”志愿服务队。江苏中纺控股集团有限公司党委先后获评全国文明单位、省级先进基层党组织。")
    d = extract(text, path="t.txt")
    found = {(m.label, m.type, m.implicit) for m in d.mentions}
    assert {("王思远", "Person", False), ("柯组宣", "Person", False), ("沈建忠", "Person", False),
            ("绍兴市柯桥区委组织部", "Organization", False), ("绍兴市柯桥区委", "Organization", True),
            ("百村千企结对帮扶行动", "Program", False), ("华舍街道", "Place", False), ("蜀阜村", "Place", False),
            ("蜀阜红帮帮志愿服务队", "Organization", False), ("江苏中纺控股集团有限公司党委", "Organization", False),
            ("江苏中纺控股集团有限公司", "Organization", True), ("全国文明单位", "Award", False),
            ("省级先进基层党组织", "Award", False)} <= found
    # a company's own name is not split into a parent (某某集团 in 某某集团有限公司)
    assert ("江苏中纺控股集团", "Organization", True) not in found


def test_ideologies_slogans_anniversaries_and_facility_types_are_not_entities():
    text = ("在庆祝中国共产党成立103周年之际，全县深入学习中国特色社会主义理论，弘扬“红船精神”，坚持“绿水青山就是金山银山”"
            "理念。各乡镇建成党群服务中心56个，组建志愿服务队、先锋队等队伍，推动“争当先锋、争创一流”。")
    d = extract(text, path="t.txt")
    rules = {(m.label, m.type) for m in d.mentions
             if any(s.startswith(("rules", "gazetteer")) for s in m.source.split("+"))}
    assert rules == {("中国共产党", "Organization")}


def test_one_character_country_names_in_pairs():
    ms = gazetteer.recognize(doc("中美关系和德法两国，美美与共"))
    assert [(m.text, m.key) for m in ms] == [("中", "中国"), ("美", "美国"), ("德", "德国"), ("法", "法国")]


def test_odd_inputs_do_not_break_any_component():
    for text in ["", "\n\n", "“", "”“", "《》", "abc", "记者", "、、等村", "“”工程", "获评", "书记王", '"' * 7, "（ 摄）"]:
        d = extract(text, path="t.txt")
        assert all(d.text[m.start:m.end] == m.text for m in d.mentions)


def test_mentions_keep_offsets_and_types_on_a_sample_article():
    from pathlib import Path

    from kg.doc import ENTITY_TYPES
    from kg.read import read_file

    path = next(Path(__file__).resolve().parents[1].joinpath("seeds").glob("004_*.txt"))
    from kg.pipeline import extract_doc

    d = extract_doc(read_file(path))
    assert len(d.mentions) > 20
    for m in d.mentions:
        assert d.text[m.start:m.end] == m.text and m.type in ENTITY_TYPES and 0 < m.score <= 1
        assert m.sentence >= 0


def test_a_preposition_jieba_glues_to_a_noun_ends_an_organisation_name():
    # jieba reads 游览线以 as 游览|线以: the name is the memorial hall, not 线以陈家祠纪念馆
    doc = extract("游览线以陈家祠纪念馆为起点，串联沿线景点。")
    orgs = [m.text for m in doc.mentions if m.type == "Organization" and not m.implicit]
    assert orgs == ["陈家祠纪念馆"]


def test_a_name_guessed_unsure_twice_gathers_its_evidence():
    from kg.recognize import _pool_repeated_guesses

    twice = [Mention(0, 3, "甲乙丙", "Person", "crf", 0.6), Mention(9, 12, "甲乙丙", "Person", "crf", 0.6)]
    once = [Mention(20, 23, "丁戊己", "Person", "crf", 0.6)]
    _pool_repeated_guesses(twice + once)
    assert [m.score for m in twice] == [0.84, 0.84] and once[0].score == 0.6

