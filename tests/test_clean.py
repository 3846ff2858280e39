"""Step 2 — clean: what scanned pages and markdown do to text, undone with an exact offset map."""
from __future__ import annotations

import doctest
import random
import unicodedata
from pathlib import Path

import pytest

import kg.clean
from kg.clean import clean
from kg.doc import Doc
from kg.pipeline import extract
from kg.read import read_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Characters clean may write in place of another (one for one): full-width → ASCII, any space →
# " ", straight → curly quotes, a line break → the "\n" between units (or " " between two words).
REWRITES = {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                               *range(0xFF41, 0xFF5B)]}
REWRITES.update(dict(zip("％＋－／＝＠＆＃\t\u3000\u00a0", "%+-/=@&#   ")))


def faithful(raw: str, ch: str, i: int) -> bool:
    """Does cleaned character ``ch`` come from ``raw[i]``?"""
    o = raw[i]
    return (o == ch or REWRITES.get(o) == ch or (o == '"' and ch in "“”")
            or (ch == " " and (o == "\t" or unicodedata.category(o) == "Zs"))
            or (o in "\r\n\u2028\u2029\x0b\x0c\x85" and ch in "\n "))


def check_offsets(doc: Doc) -> None:
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets[-1] == len(doc.raw)
    bad = [(i, c, doc.raw[doc.offsets[i]]) for i, c in enumerate(doc.text)
           if not faithful(doc.raw, c, doc.offsets[i])]
    assert bad == []
    assert len(set(doc.offsets[:-1])) == len(doc.text)  # no original character used twice


def c(raw: str) -> Doc:
    doc = clean(Doc(path="t.txt", raw=raw))
    check_offsets(doc)
    return doc


def units(doc: Doc) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in doc.sentences]


# --- OCR spaces, full-width, markdown ------------------------------------------------------------

def test_spaces_between_chinese_characters_go():
    d = c("会议在姜山 镇召开，全镇 １２ 个村的代表参加，有 Python 3 和 ＡＩ 课程。")
    assert d.text == "会议在姜山镇召开，全镇12个村的代表参加，有Python 3和AI课程。"


def test_space_and_line_break_inside_a_word_go():
    raw = "鄞州区基层党建工作积极顺应行政区划调 \n整后深度融合的实际，取得成效。"
    d = c(raw)
    assert d.text == "鄞州区基层党建工作积极顺应行政区划调整后深度融合的实际，取得成效。"
    i = d.text.index("调整")
    assert d.to_original(i, i + 2) == (raw.index("调"), raw.index("整") + 1)


def test_two_latin_words_across_a_line_break_keep_one_space():
    d = c("会上发布了 Knowledge\nGraph 平台的新版本，反响很好。")
    assert "Knowledge Graph平台" in d.text


def test_fullwidth_letters_and_digits_become_ascii_chinese_punctuation_stays():
    d = c("２０２１年，ＰＫ赛（第３届）：“书记加油”《攻略》！１００％完成。")
    assert d.text == "2021年，PK赛（第3届）：“书记加油”《攻略》！100%完成。"


def test_markdown_marks_are_removed():
    d = c("# 大标题\n\n## 第一部分\n\n**编者按：**这是__重要__的*说明*。\n\n- 第一项内容，很长很长。\n"
          "* 第二项内容，也很长。\n\n> 引用一句话，作为开头。\n\n见[项目主页](http://example.org)。\n\n---\n\n"
          "```\n\n正文结束。")
    assert "#" not in d.text and "*" not in d.text and "_" not in d.text and ">" not in d.text
    assert units(d)[:2] == [("title", "大标题"), ("heading", "第一部分")]
    assert "编者按：这是重要的说明。" in d.text
    assert "第一项内容，很长很长。" in d.text.split("\n") and "第二项内容，也很长。" in d.text.split("\n")
    assert "见项目主页。" in d.text and "http" not in d.text
    assert d.title == "大标题"


def test_markdown_heading_is_its_own_unit_not_glued_to_a_broken_paragraph():
    d = c("这一段在扫描时断在了\n\n# 新的一节\n\n下一段另起。")
    assert units(d) == [("heading", "这一段在扫描时断在了"), ("heading", "新的一节"), ("body", "下一段另起。")]


def test_invisible_and_control_characters_go():
    d = c("北仑\u200b区\u00ad召开\ufeff会议。")
    assert d.text == "北仑区召开会议。"


def test_crlf_is_kept_in_raw_and_gone_from_text():
    raw = "第一段话写完了。\r\n\r\n第二段话没有写\r\n完。\r\n"
    d = c(raw)
    assert d.raw == raw and "\r" not in d.text
    assert d.text == "第一段话写完了。\n第二段话没有写完。"


# --- paragraphs broken in mid-sentence, captions ----------------------------------------------

def test_a_paragraph_broken_in_mid_sentence_is_joined():
    d = c("大家一致认为，这项工作的意义重大，关键\n\n在于长期坚持。\n\n另一段。")
    assert units(d) == [("body", "大家一致认为，这项工作的意义重大，关键在于长期坚持。"), ("body", "另一段。")]


def test_a_line_ending_in_a_comma_goes_on_and_a_closing_bracket_ends_a_paragraph():
    d = c("会议指出，要坚持问题导向，\n\n补齐短板\n\n下一段写完了（完）\n\n再下一段没有句号（记者 王明）\n\n结尾。")
    assert units(d) == [("body", "会议指出，要坚持问题导向，补齐短板"), ("body", "下一段写完了（完）"),
                        ("body", "再下一段没有句号（记者王明）"), ("body", "结尾。")]


def test_a_wrapped_paragraph_is_joined():
    d = c("这是一段按固定宽度折行的文字，第一行\n到这里断开，第二行接着写，第三\n行写完。")
    assert d.text == "这是一段按固定宽度折行的文字，第一行到这里断开，第二行接着写，第三行写完。"


CAPTION_IN_PARAGRAPH = (
    "标题\n\n"
    "他说：“这是我们不忘初心、牢记使\n\n\n\n"
    "工人在车间里调试新设备。\n\n\n\n"
    "某区组织部组织新党员参观学习活动。\n\n"
    "命的体现。”大家都很受鼓舞。\n\n"
    "最后一段。\n"
)


def test_a_caption_dropped_into_a_sentence_is_moved_out_and_the_sentence_rejoined():
    d = c(CAPTION_IN_PARAGRAPH)
    assert units(d) == [
        ("title", "标题"),
        ("body", "他说：“这是我们不忘初心、牢记使命的体现。”大家都很受鼓舞。"),
        ("caption", "工人在车间里调试新设备。"),
        ("caption", "某区组织部组织新党员参观学习活动。"),
        ("body", "最后一段。"),
    ]
    # every character still points at its own place in the original
    i = d.text.index("使命")
    assert d.raw[d.offsets[i]] == "使" and d.raw[d.offsets[i + 1]] == "命"
    assert d.offsets[i + 1] > d.raw.index("参观学习")  # the second half comes after the captions
    cap = d.sentences[2]
    assert d.raw[slice(*d.to_original(cap.start, cap.end))] == "工人在车间里调试新设备。"
    body = d.sentences[1]
    lo, hi = d.to_original(body.start, body.end)
    assert d.raw[lo:hi].startswith("他说") and d.raw[lo:hi].endswith("受鼓舞。")


def test_a_character_repeated_on_both_sides_of_a_picture_is_kept_once():
    d = c("他说，这是不忘初心、牢记使命\n\n\n\n图为新建的学校。\n\n命、永远奋斗的写照。\n")
    assert units(d)[0] == ("body", "他说，这是不忘初心、牢记使命、永远奋斗的写照。")
    # without a picture between them, a repeated character is the text's own (人人参与)
    assert c("大家纷纷表示，今后在社区治理中要做到人\n\n人参与，共同建设。\n").text == (
        "大家纷纷表示，今后在社区治理中要做到人人参与，共同建设。")


def test_a_short_caption_without_punctuation_between_halves():
    d = c("研究院搭建了产业人才全链条引育平台，实现人才精\n\n\n\n高水平企业家赋能基地正式启动\n\n"
          "准画像、人岗精准匹配。\n")
    assert units(d) == [("body", "研究院搭建了产业人才全链条引育平台，实现人才精准画像、人岗精准匹配。"),
                        ("caption", "高水平企业家赋能基地正式启动")]


def test_a_caption_between_complete_paragraphs_stays_in_place():
    d = c("第一段写完了。\n\n第二段也写完了。\n\n\n\n图为新建的学校。\n\n第三段。\n")
    assert units(d) == [("body", "第一段写完了。"), ("body", "第二段也写完了。"),
                        ("caption", "图为新建的学校。"), ("body", "第三段。")]


def test_headings_and_leads_are_not_glued():
    d = c("正文开头一段，写完了。\n\n一颗红心，守好根脉\n\n一颗红心永向党。\n\n"
          "减负提能 共建家园\n\n这一段很长，讲的是基层减负的事情，内容充实。\n")
    assert units(d) == [("body", "正文开头一段，写完了。"), ("heading", "一颗红心，守好根脉"),
                        ("body", "一颗红心永向党。"), ("heading", "减负提能 共建家园"),
                        ("body", "这一段很长，讲的是基层减负的事情，内容充实。")]


def test_a_heading_on_two_lines_is_one_heading():
    d = c("前面的段落写完了。\n\n深化\n导师帮带机制\n\n为发扬好传统，镇里全面深化导师帮带制。\n")
    assert units(d)[1] == ("heading", "深化导师帮带机制")


def test_a_broken_paragraph_does_not_run_into_the_next_heading():
    d = c("“接下来，我们还将继续努力。”市委组织部相关工作\n\n\n\n图为志愿者巡河。\n\n"
          "减负提能助善治 共建幸福家园\n\n正文。\n")
    assert [k for k, _ in units(d)] == ["body", "caption", "heading", "body"]


# --- title, byline, captions and credits -------------------------------------------------------

def test_title_and_byline_with_role_words():
    d = c("\n\n主标题 副标题：新篇章\n\n记者 王明 通讯员 李华\n本版图片由市委宣传部提供\n\n正文第一段。\n")
    assert units(d) == [("title", "主标题 副标题：新篇章"), ("byline", "记者 王明 通讯员 李华"),
                        ("caption", "本版图片由市委宣传部提供"), ("body", "正文第一段。")]
    assert d.title == "主标题 副标题：新篇章" and d.byline == "记者 王明 通讯员 李华"


def test_byline_of_names_only_and_two_title_lines():
    d = c("传承精神 描绘美景\n\n某地：谱写发展新篇章\n\n赵强 钱多多\n\n正文第一段，写完了。\n")
    assert [k for k, _ in units(d)] == ["title", "title", "byline", "body"]
    assert d.title == "传承精神 描绘美景 某地：谱写发展新篇章"
    assert d.byline == "赵强 钱多多"  # the space between two names stays


def test_photo_credits_are_captions():
    d = c("第一段。\n\n\n\n城区一角 孙小明 摄\n\n第二段。\n\n（本版图片由某区委组织部提供）\n")
    assert units(d) == [("body", "第一段。"), ("caption", "城区一角 孙小明 摄"), ("body", "第二段。"),
                        ("caption", "（本版图片由某区委组织部提供）")]


def test_byline_with_credit_keeps_names_in_doc_byline():
    d = c("正文一段。\n\n#### 记者 王明 通讯员 李华 图片由某区委组织部提供\n\n正文二段。\n")
    assert units(d)[1][0] == "byline"
    assert d.byline == "记者 王明 通讯员 李华"


def test_a_second_article_on_the_page_gets_its_title_and_byline():
    d = c("头条标题\n\n刘洋\n\n头条正文，写完了。\n\n二条标题\n\n二条副题：深化改革\n\n孙丽\n\n二条正文，也写完了。\n")
    assert units(d) == [("title", "头条标题"), ("byline", "刘洋"), ("body", "头条正文，写完了。"),
                        ("title", "二条标题"), ("title", "二条副题：深化改革"), ("byline", "孙丽"),
                        ("body", "二条正文，也写完了。")]
    assert d.title == "头条标题" and d.byline == "刘洋"


def test_a_date_or_source_line_is_not_part_of_the_title():
    d = c("区里召开年度总结大会\n\n2024-01-05 10:30 来源：区融媒体中心\n\n会议总结了一年来的工作，部署了新任务。\n")
    assert d.title == "区里召开年度总结大会"
    assert [k for k, _ in units(d)] == ["title", "heading", "body"]


def test_no_headline_uses_the_first_heading():
    d = c("开头就是正文，写完了。\n\n第一部分 总体情况\n\n内容，写完了。\n")
    assert d.title == "第一部分 总体情况" and d.byline == ""
    assert c("只有一句正文。").title == ""


def test_spaces_in_titles_and_captions_stay_single():
    d = c("标题甲　　标题乙\n\n记者  王明\n\n正文。")
    assert units(d)[:2] == [("title", "标题甲 标题乙"), ("byline", "记者 王明")]


# --- straight quotes ---------------------------------------------------------------------------

def test_straight_quotes_become_curly_when_they_pair_up():
    d = c('开展"进企业进社区"活动,他说:"好。"\n\n"夜学\'闭环式"的说法。')
    assert d.text.split("\n")[0] == "开展“进企业进社区”活动,他说:“好。”"
    assert d.text.split("\n")[1] == '"夜学\'闭环式"的说法。'.replace('"', "“", 1).replace('"', "”", 1)


# --- offsets -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_offsets_map_every_character_back_on_the_seeds(path):
    doc = clean(read_file(path))
    check_offsets(doc)
    assert doc.title and doc.text.count("\n") == len(doc.sentences) - 1
    for u in doc.sentences:  # each unit maps back onto original text with the same characters
        assert doc.text[u.start:u.end] == u.text
        lo, hi = doc.to_original(u.start, u.end)
        orig = doc.raw[lo:hi]
        assert orig and orig[0] in (u.text[0], '"', "“") or REWRITES.get(orig[0]) == u.text[0]


def test_seed_caption_is_moved_out_of_its_sentence():
    doc = clean(read_file(SEEDS[0]))
    kinds = {u.text: u.kind for u in doc.sentences}
    broken = [u.text for u in doc.sentences if "永远奋斗的生动写照" in u.text]
    assert len(broken) == 1 and "牢记使命、永远奋斗" in broken[0] and broken[0].startswith("“")
    captions = [t for t, k in kinds.items() if k == "caption"]
    assert any("走进企业" in t for t in captions)
    assert doc.byline and len(doc.byline) < 15


def test_random_inputs_keep_the_offset_invariants():
    rng = random.Random(7)
    pieces = ["北仑", "区", " ", "　", "\n", "\n\n", "\n\n\n\n", "，", "。", "“", "”", '"', "**", "## ",
              "- ", "> ", "１", "Ａ", "a", "7", "记者 ", "王明", " 摄", "\r\n", "\t", "……", "[链接](u)", "`",
              "\u2003", "\u202f", "\u200b", "（", "）", "\x0c", "#", "*", "'"]
    for _ in range(300):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc = c(raw)
        for u in doc.sentences:
            assert doc.text[u.start:u.end] == u.text and u.text.strip() == u.text


def test_a_doc_given_only_text_is_cleaned_from_that_text():
    d = clean(Doc(path="t", text="姜山 镇。"))
    assert d.raw == "姜山 镇。" and d.text == "姜山镇。"


def test_extract_still_runs_read_clean_split():
    doc = extract("宁波市北仑区姜山 镇召开会议。会议由张明主持。", path="x.txt")
    assert doc.text == "宁波市北仑区姜山镇召开会议。会议由张明主持。"
    assert [s.text for s in doc.sentences] == ["宁波市北仑区姜山镇召开会议。", "会议由张明主持。"]


def test_doctests():
    assert doctest.testmod(kg.clean).failed == 0
