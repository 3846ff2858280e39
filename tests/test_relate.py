"""Relation recognisers on invented sentences: one component at a time, then all together."""
from kg.relate import awards, founding, launching, origin, positions, relate, structure, wording
from kg.relate import containment

from relate_helpers import doc_with, facts


# --- holds_position -------------------------------------------------------------------------

def test_post_between_organisation_and_person():
    d = doc_with("青松机械有限公司总经理王小明介绍了情况。", [("青松机械有限公司", "Organization"), ("王小明", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王小明", "青松机械有限公司", "总经理")}


def test_appointed_to_a_post_and_a_profile_s_post_field():
    d = doc_with("王小明副校长任命为青松大学校长。", [("王小明", "Person"), ("青松大学", "Organization")])
    assert ("holds_position", "王小明", "青松大学", "校长") in facts(d, positions.recognize(d))
    d = doc_with("王小明博士（现任青松大学校长）说。", [("王小明", "Person"), ("青松大学", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王小明", "青松大学", "校长")}
    d = doc_with("王小明职务：青松机械有限公司董事长", [("王小明", "Person"), ("青松机械有限公司", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王小明", "青松机械有限公司", "董事长")}


def test_party_secretary_takes_the_unit_of_its_committee():
    d = doc_with("“绿叶之家”党支部书记赵一鸣说。", [("“绿叶之家”党支部", "Organization"), ("赵一鸣", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "赵一鸣", "绿叶之家党支部", "党支部书记")}


def test_place_plus_committee_post_adds_the_committee_located_in_the_place():
    d = doc_with("松山社区党委书记钱多多表示。", [("松山社区", "Place", ("Organization",)), ("钱多多", "Person")])
    got = facts(d, positions.recognize(d))
    assert ("holds_position", "钱多多", "松山社区党委", "党委书记") in got
    assert ("located_in", "松山社区党委", "松山社区") in got


def test_descriptor_between_company_and_post():
    d = doc_with("青禾科技的“80后”副总孙亮说。", [("青禾科技", "Organization"), ("孙亮", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "孙亮", "青禾科技", "副总")}


def test_as_post_of_organisation_then_person():
    d = doc_with("作为远航研究院的首席工程师，来自挪威的汉森一直很忙。",
                 [("远航研究院", "Organization"), ("挪威", "Place"), ("汉森", "Person")])
    assert ("holds_position", "汉森", "远航研究院", "首席工程师") in facts(d, positions.recognize(d))


def test_implicit_unit_is_the_one_named_before_the_generic_word():
    d = doc_with("东湖街道新桥社区启动培训，社区党委书记周海介绍。",
                 [("东湖街道", "Place"), ("新桥社区", "Place", ("Organization",)), ("周海", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "周海", "新桥社区", "社区党委书记")}


def test_no_person_no_position():
    d = doc_with("青山区委组织部负责人介绍。", [("青山区委组织部", "Organization")])
    assert positions.recognize(d) == []


# --- structure: sub_organization_of, located_in from names -----------------------------------

def test_department_of_a_committee_gets_an_implicit_parent():
    d = doc_with("青山区委组织部召开会议。", [("青山区委组织部", "Organization")])
    got = facts(d, structure.recognize(d))
    assert got == {("sub_organization_of", "青山区委组织部", "青山区委")}
    assert any(m.implicit and m.label == "青山区委" for m in d.mentions)


def test_bureau_named_after_its_county_is_located_there_and_its_office_under_it():
    d = doc_with("青山县在推进。青山县水利局排水服务处发布通知。",
                 [("青山县", "Place"), ("青山县水利局排水服务处", "Organization")])
    got = facts(d, structure.recognize(d))
    assert ("sub_organization_of", "青山县水利局排水服务处", "青山县水利局") in got
    assert ("located_in", "青山县水利局", "青山县") in got


def test_a_community_opening_a_unit_s_name_is_where_the_unit_is():
    d = doc_with("走进青松工业社区党群服务中心，看到党员们。", [("青松工业社区党群服务中心", "Organization")])
    assert facts(d, structure.recognize(d)) == {("located_in", "青松工业社区党群服务中心", "青松工业社区")}
    assert any(m.implicit and m.label == "青松工业社区" and m.type == "Place" for m in d.mentions)
    d = doc_with("青松乡村振兴队来了。", [("青松乡村振兴队", "Organization")])
    assert facts(d, structure.recognize(d)) == set()  # 乡村: the countryside, not a village


def test_company_named_after_a_city_is_not_located_by_its_name():
    d = doc_with("青州是个好地方。青州远大电缆股份有限公司扩产。",
                 [("青州", "Place"), ("青州远大电缆股份有限公司", "Organization")])
    assert facts(d, structure.recognize(d)) == set()


def test_branch_of_a_company():
    d = doc_with("远大电缆公司很大，远大电缆公司党支部很活跃。",
                 [("远大电缆公司", "Organization"), ("远大电缆公司党支部", "Organization")])
    assert facts(d, structure.recognize(d)) == {("sub_organization_of", "远大电缆公司党支部", "远大电缆公司")}


# --- part_of and explicit location wording ---------------------------------------------------

def test_adjacent_administrative_names_nest():
    d = doc_with("在青州市平安县石桥镇。", [("青州市", "Place"), ("平安县", "Place"), ("石桥镇", "Place")])
    got = facts(d, containment.recognize(d))
    assert {("part_of", "平安县", "青州市"), ("part_of", "石桥镇", "平安县")} <= got


def test_located_at_wording():
    d = doc_with("位于石桥镇最东端的柳树村很美。", [("石桥镇", "Place"), ("柳树村", "Place")])
    assert facts(d, wording.recognize(d)) == {("part_of", "柳树村", "石桥镇")}
    d = doc_with("数字经济大会在青州举行。", [("数字经济大会", "Event"), ("青州", "Place")])
    assert facts(d, wording.recognize(d)) == {("located_in", "数字经济大会", "青州")}


# --- launched --------------------------------------------------------------------------------

def test_actor_launches_every_listed_programme():
    d = doc_with("青山学院推行“书记讲课”“同行互学”教学模式。",
                 [("青山学院", "Organization"), ("书记讲课", "Program"), ("同行互学", "Program")])
    assert facts(d, launching.recognize(d)) == {("launched", "青山学院", "书记讲课"), ("launched", "青山学院", "同行互学")}


def test_partner_with_yu_launches_too():
    d = doc_with("青山纪念馆在原有基础上，与江南博物馆合作推出“光辉岁月”主题展。",
                 [("青山纪念馆", "Organization"), ("江南博物馆", "Organization"), ("“光辉岁月”主题展", "Event")])
    got = facts(d, launching.recognize(d))
    assert got == {("launched", "青山纪念馆", "光辉岁月主题展"), ("launched", "江南博物馆", "光辉岁月主题展")}


def test_carrying_on_a_programme_is_not_launching_it():
    d = doc_with("青州市扎实开展“清风行动”。", [("青州市", "Place"), ("“清风行动”", "Program")])
    assert launching.recognize(d) == []


def test_object_of_another_verb_is_not_the_actor():
    d = doc_with("去年，推广江南研究中心的经验，率先开展“举贤制”试点。",
                 [("江南研究中心", "Organization"), ("“举贤制”", "Program")])
    assert launching.recognize(d) == []


# --- founded, founded_on ---------------------------------------------------------------------

def test_person_founds_and_the_year_heads_the_sentence():
    d = doc_with("2012年5月，王小明在街道支持下，组建了“暖心之家”。", [("王小明", "Person"), ("“暖心之家”", "Organization")])
    got = facts(d, founding.recognize(d))
    assert ("founded", "王小明", "暖心之家") in got
    assert ("founded_on", "暖心之家", "2012-05") in got


def test_founded_in_a_year():
    d = doc_with("松山工业社区成立于2016年，服务企业。", [("松山工业社区", "Place", ("Organization",))])
    assert facts(d, founding.recognize(d)) == {("founded_on", "松山工业社区", "2016")}


def test_a_town_setting_something_up_locates_it():
    d = doc_with("石桥镇探索成立全市首个茶叶共富工坊。", [("石桥镇", "Place"), ("茶叶共富工坊", "Organization")])
    assert facts(d, founding.recognize(d)) == {("located_in", "茶叶共富工坊", "石桥镇")}


# --- received_award --------------------------------------------------------------------------

def test_award_list_after_the_verb():
    d = doc_with("青山纪念馆接连获评省级教育基地、省级科普基地。",
                 [("青山纪念馆", "Organization"), ("省级教育基地", "Award"), ("省级科普基地", "Award")])
    assert facts(d, awards.recognize(d)) == {("received_award", "青山纪念馆", "省级教育基地"),
                                             ("received_award", "青山纪念馆", "省级科普基地")}


def test_a_programme_is_not_a_recipient_and_nomination_is_not_an_award():
    d = doc_with("推动“社区服务模式”入选全省首批试点。", [("“社区服务模式”", "Program"), ("全省首批试点", "Award")])
    assert awards.recognize(d) == []
    d = doc_with("“企业联盟”被推荐参选江南品牌。", [("“企业联盟”", "Organization"), ("江南品牌", "Award")])
    assert awards.recognize(d) == []


def test_agent_of_bei_is_not_the_recipient():
    d = doc_with("松山社区探索新模式，被省委组织部确定为首批示范中心。",
                 [("松山社区", "Place", ("Organization",)), ("省委组织部", "Organization"), ("首批示范中心", "Award")])
    assert facts(d, awards.recognize(d)) == {("received_award", "松山社区", "首批示范中心")}


def test_as_award_then_the_recipient_village():
    d = doc_with("作为全省养殖“第一村”，平安县石桥镇柳树村很有名。",
                 [("全省养殖“第一村”", "Award"), ("平安县", "Place"), ("石桥镇", "Place"), ("柳树村", "Place")])
    assert facts(d, awards.recognize(d)) == {("received_award", "柳树村", "全省养殖第一村")}


def test_founders_after_by_after_founder_is_and_in_a_post():
    d = doc_with("青松机械有限公司由王小明、李大江创办。", [("青松机械有限公司", "Organization"), ("王小明", "Person"), ("李大江", "Person")])
    assert facts(d, founding.recognize(d)) == {("founded", "王小明", "青松机械有限公司"), ("founded", "李大江", "青松机械有限公司")}
    d = doc_with("青松机械有限公司成立于1998年，创始人是王小明。", [("青松机械有限公司", "Organization"), ("王小明", "Person")])
    assert ("founded", "王小明", "青松机械有限公司") in facts(d, founding.recognize(d))
    d = doc_with("青松机械有限公司创始人王小明说。", [("青松机械有限公司", "Organization"), ("王小明", "Person")])
    assert ("founded", "王小明", "青松机械有限公司") in facts(relate(d))


def test_headquarters_and_founded_at_give_where_a_unit_is():
    d = doc_with("青松航空公司是一家航空公司，总部设在松山市。", [("青松航空公司", "Organization"), ("松山市", "Place")])
    assert facts(d, wording.recognize(d)) == {("located_in", "青松航空公司", "松山市")}
    d = doc_with("1982年，青松石油总公司在松山市正式成立。", [("青松石油总公司", "Organization"), ("松山市", "Place")])
    assert facts(d, wording.recognize(d)) == {("located_in", "青松石油总公司", "松山市")}


# --- origin ----------------------------------------------------------------------------------

def test_foreign_origin_is_nationality_but_a_chinese_city_is_not():
    d = doc_with("来自挪威的汉森说。", [("挪威", "Place"), ("汉森", "Person")])
    assert facts(d, origin.recognize(d)) == {("nationality", "汉森", "挪威")}
    d = doc_with("来自杭州的李华说。", [("杭州", "Place"), ("李华", "Person")])
    assert origin.recognize(d) == []


def test_a_country_before_a_trade_gives_the_nationality():
    d = doc_with("汉森，挪威著名女演员，生于奥斯陆。", [("汉森", "Person"), ("挪威", "Place")])
    assert facts(d, origin.recognize(d)) == {("nationality", "汉森", "挪威")}
    d = doc_with("他请来了挪威钢琴家汉森。", [("挪威", "Place"), ("汉森", "Person")])
    assert facts(d, origin.recognize(d)) == {("nationality", "汉森", "挪威")}
    d = doc_with("姓名：汉森 国籍：挪威 身高：180", [("汉森", "Person"), ("挪威", "Place")])
    assert facts(d, origin.recognize(d)) == {("nationality", "汉森", "挪威")}
    # the trade belongs to a name the recogniser missed, not to the person before
    d = doc_with("汉森翻唱了挪威歌手贝格的歌。", [("汉森", "Person"), ("挪威", "Place")])
    assert origin.recognize(d) == []


def test_ancestral_home_and_native_place_give_the_hometown():
    d = doc_with("王大山，祖籍青州平安县，1956年生。", [("王大山", "Person"), ("青州", "Place"), ("平安县", "Place")])
    assert facts(d, origin.recognize(d)) == {("hometown_of", "王大山", "青州")}
    d = doc_with("王大山，男，1956年12月出生，青州平安人，1981年入党。", [("王大山", "Person"), ("青州", "Place"), ("平安", "Place")])
    assert facts(d, origin.recognize(d)) == {("hometown_of", "王大山", "青州")}
    d = doc_with("王大山说，青州人民很勤劳。", [("王大山", "Person"), ("青州", "Place")])
    assert origin.recognize(d) == []


def test_hometown():
    d = doc_with("石桥镇，是革命先辈王大山的家乡。", [("石桥镇", "Place"), ("王大山", "Person")])
    assert facts(d, origin.recognize(d)) == {("hometown_of", "王大山", "石桥镇")}


# --- all components ---------------------------------------------------------------------------

def test_agreeing_components_raise_confidence_once():
    d = doc_with("松山社区党委书记钱多多表示。", [("松山社区", "Place", ("Organization",)), ("钱多多", "Person")])
    relate(d)
    located = [r for r in d.relations if r.kind == "located_in"]
    assert len(located) == 1  # positions and structure both read it: one relation, two sources
    assert "relate.positions" in located[0].source and "relate.structure" in located[0].source
    assert located[0].score > 0.7


def test_located_at_a_run_of_places_takes_the_last():
    d = doc_with("位于石桥街道柳树村的青山政治生活馆开馆。",
                 [("石桥街道", "Place"), ("柳树村", "Place"), ("青山政治生活馆", "Organization")])
    assert facts(d, wording.recognize(d)) == {("located_in", "青山政治生活馆", "柳树村")}


def test_one_person_several_posts():
    d = doc_with("江南交通集团有限公司原党委书记、原董事长钱进被免职。",
                 [("江南交通集团有限公司", "Organization"), ("钱进", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "钱进", "江南交通集团有限公司", "党委书记"),
                                                ("holds_position", "钱进", "江南交通集团有限公司", "董事长")}


def test_two_people_two_companies_in_a_list():
    d = doc_with("青松公司董事长王一、远航公司副总裁李二出席。",
                 [("青松公司", "Organization"), ("王一", "Person"), ("远航公司", "Organization"), ("李二", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王一", "青松公司", "董事长"),
                                                ("holds_position", "李二", "远航公司", "副总裁")}


def test_founding_dates_written_other_ways():
    d = doc_with("青松科技有限公司于2012年08月27日在青州市监管局登记成立。", [("青松科技有限公司", "Organization")])
    assert facts(d, founding.recognize(d)) == {("founded_on", "青松科技有限公司", "2012-08")}
    d = doc_with("创立于1929年的江南大学迎来校庆。", [("江南大学", "Organization")])
    assert facts(d, founding.recognize(d)) == {("founded_on", "江南大学", "1929")}


def test_founded_when_the_organisations_are_the_subject():
    d = doc_with("2002年10月，青松集团公司、远航集团公司正式挂牌成立。",
                 [("青松集团公司", "Organization"), ("远航集团公司", "Organization")])
    assert facts(d, founding.recognize(d)) == {("founded_on", "青松集团公司", "2002-10"), ("founded_on", "远航集团公司", "2002-10")}
    d = doc_with("青松科技有限公司（简称“青松”）成立于1994年。", [("青松科技有限公司", "Organization")])
    assert facts(d, founding.recognize(d)) == {("founded_on", "青松科技有限公司", "1994")}
    d = doc_with("2020年，石桥镇成立了工作专班。", [("石桥镇", "Place")])
    assert founding.recognize(d) == []


def test_post_after_the_person_or_after_ren():
    d = doc_with("青松钢铁有限公司王大力董事长出席。", [("青松钢铁有限公司", "Organization"), ("王大力", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王大力", "青松钢铁有限公司", "董事长")}
    d = doc_with("2016年4月，刘一同志任青州水利投资有限公司董事长。", [("刘一", "Person"), ("青州水利投资有限公司", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "刘一", "青州水利投资有限公司", "董事长")}
    d = doc_with("青州能源集团有限公司（青能集团）董事长童一说。", [("青州能源集团有限公司", "Organization"), ("童一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "童一", "青州能源集团有限公司", "董事长")}


def test_subjectless_clause_speaks_of_the_place_of_its_own_article():
    # 青州市 is named most in the page, 石桥县 in the second article
    text = ("青州：春耕忙\n\n青州市抓春耕。青州市很忙。青州市真忙。\n\n石桥县：秋收忙\n\n石桥县抓秋收。去年，出台“丰收计划”。")
    d = doc_with(text, [("青州", "Place"), ("青州市", "Place"), ("青州市", "Place"), ("青州市", "Place"),
                        ("石桥县", "Place"), ("石桥县", "Place"), ("“丰收计划”", "Program")])
    for s in d.sentences:  # the two headlines are titles
        if "：" in s.text:
            s.kind = "title"
    assert facts(d, launching.recognize(d)) == {("launched", "石桥县", "丰收计划")}


def test_post_that_shares_its_first_character_with_the_name():
    d = doc_with("青州财政部部长孙一说。", [("青州财政部", "Organization"), ("孙一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "孙一", "青州财政部", "部长")}
    d = doc_with("青州财政部长孙一说。", [("青州财政部", "Organization"), ("孙一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "孙一", "青州财政部", "部长")}


def test_party_secretary_and_head_of_the_body():
    d = doc_with("青州市税务局党组书记、局长方一说。", [("青州市税务局党组", "Organization"), ("方一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "方一", "青州市税务局党组", "党组书记"),
                                                ("holds_position", "方一", "青州市税务局", "局长")}


def test_a_country_in_a_name_is_not_a_location():
    d = doc_with("中国很大。中国美术馆开展。", [("中国", "Place"), ("中国美术馆", "Organization")])
    assert structure.recognize(d) == []


def test_founded_in_a_year_before_the_name():
    d = doc_with("它的前身是1958年成立的青州农学院。", [("青州农学院", "Organization")])
    assert facts(d, founding.recognize(d)) == {("founded_on", "青州农学院", "1958")}


def test_programme_that_originated_in_a_place():
    d = doc_with("“石桥经验”发源于青州市石桥镇。", [("“石桥经验”", "Program"), ("青州市", "Place"), ("石桥镇", "Place")])
    assert facts(d, launching.recognize(d)) == {("launched", "石桥镇", "石桥经验")}


def test_holding_a_meeting_is_organising_it():
    d = doc_with("青山区委召开全区组织工作会议。", [("青山区委", "Organization"), ("全区组织工作会议", "Event")])
    assert facts(d, launching.recognize(d)) == {("launched", "青山区委", "全区组织工作会议")}
    d = doc_with("全区组织工作会议在青山区举行。", [("全区组织工作会议", "Event"), ("青山区", "Place")])
    assert launching.recognize(d) == []


def test_a_comma_does_not_coordinate_actors():
    d = doc_with("在青山区石桥社区，青州市开展“暖冬行动”。",
                 [("青山区", "Place"), ("石桥社区", "Place"), ("青州市", "Place"), ("“暖冬行动”", "Program")])
    assert facts(d, launching.recognize(d)) == {("launched", "青州市", "暖冬行动")}


def test_adjacent_names_nest_only_from_larger_area_to_smaller_area():
    d = doc_with("青州市石桥镇和石桥镇青州市，青州市霞光中路。",
                 [("青州市", "Place"), ("石桥镇", "Place"), ("石桥镇", "Place"), ("青州市", "Place"),
                  ("青州市", "Place"), ("霞光中路", "Place")])
    assert facts(d, containment.recognize(d)) == {("part_of", "石桥镇", "青州市")}


def test_community_in_its_subdistrict():
    d = doc_with("在石桥街道白龙社区。", [("石桥街道", "Place"), ("白龙社区", "Place")])
    assert facts(d, containment.recognize(d)) == {("part_of", "白龙社区", "石桥街道")}


def test_a_country_after_a_city_is_not_inside_it():
    d = doc_with("南京美国教会的牧师。", [("南京", "Place"), ("美国", "Place")])
    assert containment.recognize(d) == []
    d = doc_with("杭州萧山很美。", [("杭州", "Place"), ("萧山", "Place")])
    assert facts(d, containment.recognize(d)) == {("part_of", "萧山", "杭州")}


def test_a_town_acting_as_a_body_still_locates_what_it_sets_up():
    d = doc_with("石桥镇探索成立茶叶共富工坊。", [("石桥镇", "Place", ("Organization",)), ("茶叶共富工坊", "Organization")])
    assert facts(d, founding.recognize(d)) == {("located_in", "茶叶共富工坊", "石桥镇")}


def test_subject_described_by_where_it_is():
    d = doc_with("位于石桥街道的青州博物馆，先后获评省级科普基地。",
                 [("石桥街道", "Place"), ("青州博物馆", "Organization"), ("省级科普基地", "Award")])
    assert facts(d, awards.recognize(d)) == {("received_award", "青州博物馆", "省级科普基地")}


def test_post_opening_the_clause_after_its_organisation():
    d = doc_with("街道组建了“红帆”志愿服务队，队长张丽说。", [("“红帆”志愿服务队", "Organization"), ("张丽", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "张丽", "红帆志愿服务队", "队长")}


def test_located_at_the_village_just_named():
    d = doc_with("在青州市柳树村，新事不断。位于村口的柳树书院很热闹。",
                 [("青州市", "Place"), ("柳树村", "Place"), ("柳树书院", "Organization")])
    assert facts(d, wording.recognize(d)) == {("located_in", "柳树书院", "柳树村")}


def test_a_bodys_own_event_and_an_event_named_after_its_city():
    d = doc_with("青山纪念馆“初心”主题展开幕。", [("青山纪念馆", "Organization"), ("“初心”主题展", "Event")])
    assert facts(d, launching.recognize(d)) == {("launched", "青山纪念馆", "初心主题展")}
    d = doc_with("青州是东道主，青州运动会开幕。", [("青州", "Place"), ("青州运动会", "Event")])
    assert facts(d, structure.recognize(d)) == {("located_in", "青州运动会", "青州")}


def test_two_quoted_titles_in_a_list_are_not_owner_and_event():
    d = doc_with("包括“书香——松林纪念馆”“光辉——历史陈列展”等展陈。",
                 [("松林纪念馆", "Organization"), ("“光辉——历史陈列展”", "Event")])
    assert launching.recognize(d) == []


def test_a_sentence_about_a_person_gives_their_post_at_the_end():
    d = doc_with("王一，男，1961年生，现任青州银行董事长。", [("王一", "Person"), ("青州银行", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王一", "青州银行", "董事长")}
    d = doc_with("王一，青州科技有限公司创始人兼董事长", [("王一", "Person"), ("青州科技有限公司", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王一", "青州科技有限公司", "创始人"),
                                                ("holds_position", "王一", "青州科技有限公司", "董事长")}
    d = doc_with("王一说，李二是青州银行董事长。", [("王一", "Person"), ("李二", "Person"), ("青州银行", "Organization")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "李二", "青州银行", "董事长")}


def test_a_post_the_recogniser_cut_into_the_name():
    d = doc_with("石桥街道组织干事徐一说。", [("石桥街道组织", "Organization"), ("徐一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "徐一", "石桥街道", "组织干事")}


def test_a_district_is_not_inside_a_village():
    d = doc_with("位于石桥街道柳树村的青山区政治馆。", [("石桥街道", "Place"), ("柳树村", "Place"), ("青山区", "Place")])
    assert wording.recognize(d) == []


def test_shortlisted_is_not_awarded():
    d = doc_with("青山纪念馆入围省级教育基地候选名单。", [("青山纪念馆", "Organization"), ("省级教育基地", "Award")])
    assert awards.recognize(d) == []


def test_selected_for_a_shortlist_is_not_awarded():
    d = doc_with("青山纪念馆入选省级教育基地候选名单。", [("青山纪念馆", "Organization"), ("省级教育基地", "Award")])
    assert awards.recognize(d) == []


def test_posts_in_two_units_of_one_person():
    d = doc_with("青山区委常委、组织部部长王一说。",
                 [("青山区委", "Organization"), ("组织部", "Organization"), ("王一", "Person")])
    assert facts(d, positions.recognize(d)) == {("holds_position", "王一", "青山区委", "常委"),
                                                ("holds_position", "王一", "组织部", "部长")}
