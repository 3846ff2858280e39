"""Step 3 — split: sentences, quotations, kinds and offsets."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import kg.split
from kg.clean import clean
from kg.doc import Doc
from kg.read import read_file
from kg.split import sentence_ends, split

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def sents(text: str) -> list[str]:
    return [s.text for s in split(Doc(path="t", text=text)).sentences]


def article(raw: str) -> Doc:
    return split(clean(Doc(path="t.txt", raw=raw)))


def test_sentence_end_marks():
    assert sents("第一句。第二句！第三句？Fourth!Fifth?第六句") == [
        "第一句。", "第二句！", "第三句？", "Fourth!", "Fifth?", "第六句"]


def test_runs_of_end_marks_and_ellipses_stay_together():
    assert sents("真的吗？！是的！！好……。还有……") == ["真的吗？！", "是的！！", "好……。", "还有……"]
    # an ellipsis inside a sentence does not end it
    assert sents("周五爱心理发，周末免费缝补……贴心温暖的行动赢得好评。") == [
        "周五爱心理发，周末免费缝补……贴心温暖的行动赢得好评。"]


def test_a_quotation_is_not_split_inside():
    assert sents("他说：“第一。第二！第三？”") == ["他说：“第一。第二！第三？”"]
    assert sents("书名《再见。你好》很特别。下一句。") == ["书名《再见。你好》很特别。", "下一句。"]
    assert sents("「甲。乙。」丙说。") == ["「甲。乙。」", "丙说。"]


def test_a_closing_quote_after_the_end_mark_belongs_to_the_sentence():
    assert sents("“我们会继续努力。”负责人说。") == ["“我们会继续努力。”", "负责人说。"]
    assert sents("口号是“加油！”。") == ["口号是“加油！”。"]
    assert sents("“好。”，他点点头。") == ["“好。”，他点点头。"]  # a comma after the quote: one sentence
    assert sents("他问“为什么？”然后走了。") == ["他问“为什么？”", "然后走了。"]


def test_straight_quotes_after_an_end_mark_open_or_close_by_what_is_open():
    # unpaired straight quotes (OCR) are left by clean; the splitter still puts each with its sentence
    assert sents('建设。"企业怎么办?"他说。好。') == ['建设。', '"企业怎么办?"', '他说。', '好。']
    assert sents('"第一句。第二句。"他说。') == ['"第一句。', '第二句。"', '他说。']


def test_nested_quotes():
    assert sents("他说：“大家都叫它‘小巨人。’真好。”我们笑了。") == [
        "他说：“大家都叫它‘小巨人。’真好。”", "我们笑了。"]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    assert sents("他说：“好。走吧。然后出发。") == ["他说：“好。", "走吧。", "然后出发。"]
    assert sents("原文缺引号”就这样。下一句。") == ["原文缺引号”就这样。", "下一句。"]


def test_line_ends_split_and_short_lines_are_headings():
    d = split(Doc(path="t", text="大标题\n正文第一句。正文第二句，没有句号\n\n  \n结尾。"))
    assert [(s.text, s.kind) for s in d.sentences] == [
        ("大标题", "heading"), ("正文第一句。", "body"), ("正文第二句，没有句号", "body"), ("结尾。", "body")]


def test_kinds_come_from_clean():
    d = article("主标题 副标题\n\n记者 王明 通讯员 李华\n\n第一段第一句。第一段第二句。\n\n\n\n图为会议现场。\n\n"
                "小标题 要点\n\n“我们将继续努力。”他说。\n")
    assert [(s.kind, s.text) for s in d.sentences] == [
        ("title", "主标题 副标题"), ("byline", "记者 王明 通讯员 李华"),
        ("body", "第一段第一句。"), ("body", "第一段第二句。"), ("caption", "图为会议现场。"),
        ("heading", "小标题 要点"), ("body", "“我们将继续努力。”"), ("body", "他说。")]


def test_a_title_with_an_end_mark_stays_one_unit():
    d = article("你好吗？我很好！\n\n记者 王明\n\n正文。\n")
    kinds = [(s.kind, s.text) for s in d.sentences]
    assert kinds[0][0] in ("title", "body")
    assert ("byline", "记者 王明") in kinds


def test_the_rejoined_sentence_spans_the_caption_in_the_original():
    raw = "开头。他说这是牢记使\n\n\n\n图为新建的学校。\n\n命的体现。\n"
    d = article(raw)
    texts = [s.text for s in d.sentences]
    assert texts == ["开头。", "他说这是牢记使命的体现。", "图为新建的学校。"]
    s = d.sentences[1]
    lo, hi = d.to_original(s.start, s.end)
    assert raw[lo:hi].startswith("他说") and raw[lo:hi].endswith("体现。") and "图为" in raw[lo:hi]


def test_split_is_idempotent():
    d = article("标题\n\n第一句。“第二句。”他说。\n")
    before = list(d.sentences)
    assert split(d).sentences == before


def test_sentence_ends_is_usable_alone():
    t = "一。二！三"
    assert sentence_ends(t) == [2, 4]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_sentences_on_the_seeds_tile_the_text(path):
    doc = split(clean(read_file(path)))
    text = doc.text
    covered = 0
    prev_end = 0
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
        assert s.start >= prev_end  # sorted, no overlap
        assert text[prev_end:s.start].strip() == ""  # nothing but white space left out
        assert s.kind in ("title", "byline", "caption", "heading", "body")
        covered += len(s.text)
        prev_end = s.end
    assert text[prev_end:].strip() == ""
    body = [s for s in doc.sentences if s.kind == "body"]
    # a body sentence ends at an end mark unless its paragraph was cut short
    ended = [s for s in body if s.text.rstrip("”’」』）)》\"'")[-1] in "。！？!?…;；"]
    assert len(ended) >= 0.9 * len(body)
    for s in doc.sentences:  # the original span of a sentence starts and ends where it does
        lo, hi = doc.to_original(s.start, s.end)
        assert doc.offsets[s.start] == lo or s.kind == "body"
        assert 0 <= lo < hi <= len(doc.raw)
    assert doc.sentence_at(doc.sentences[3].start) == 3


def test_doctests():
    assert doctest.testmod(kg.split).failed == 0
