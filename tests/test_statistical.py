"""The statistical (CRF) entity tagger: shipped model, offsets, decoder, training code."""
from __future__ import annotations

import pycrfsuite
import pytest

from kg.clean import clean
from kg.doc import Doc
from kg.recognize import COMPONENTS, crf_train, statistical
from kg.split import split


def _doc(text: str) -> Doc:
    return split(clean(Doc(path="x.txt", raw=text)))


INVENTED = "记者孙立伟报道：湖南省怀化市的宏达精密机械有限公司昨天与市政府签署了合作协议。"


def test_shipped_model_tags_an_invented_sentence():
    found = {(m.text, m.type) for m in statistical.recognize(_doc(INVENTED))}
    assert ("孙立伟", "Person") in found
    assert ("湖南省", "Place") in found
    assert any(t == "Organization" and "公司" in name for name, t in found)


def test_mentions_carry_offsets_into_doc_text_and_a_score():
    text = "据新华社报道，\n" + INVENTED + "\n\n" + "张晓梅代表中国出席了在日内瓦举行的会议。" * 30
    doc = _doc(text)
    mentions = statistical.recognize(doc)
    assert len(mentions) > 30
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.source == "crf" and m.type in {"Person", "Place", "Organization"}
        assert 0.0 < m.score <= 1.0


def test_long_unpunctuated_text_is_tagged_in_pieces_with_right_offsets():
    text = "北京市" + "的" * 450 + "上海市"
    mentions = statistical.recognize(Doc(path="x", text=text))
    assert [(m.start, m.text) for m in mentions if m.type == "Place"] == [(0, "北京市"), (453, "上海市")]


def test_empty_document_gives_no_mentions():
    assert statistical.recognize(Doc(path="x", text="")) == []


def test_numpy_decoder_agrees_with_crfsuite():
    sentences = [INVENTED, "美国总统在白宫会见了来访的英国首相。", "ABC公司2019年收入增长３５％。", "好"]
    spans = statistical.tag(sentences)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(statistical.MODEL_PATH))
    for text, found in zip(sentences, spans):
        ours = crf_train.bio(text, [(a, b, t) for a, b, t, _ in found])
        assert ours == tagger.tag(statistical.features(text).attributes())


def test_scores_are_crfsuite_marginals():
    # no comma inside: the numpy decoder conditions on commas taking O, CRFsuite does not
    sentences = ["美国总统在白宫会见了来访的英国首相。", "北京大学和清华大学的学生参加了活动", "好"]
    tagger = pycrfsuite.Tagger()
    tagger.open(str(statistical.MODEL_PATH))
    checked = 0
    for text, found in zip(sentences, statistical.tag(sentences)):
        labels = tagger.tag(statistical.features(text).attributes())
        for a, b, _, score in found:
            expected = sum(tagger.marginal(labels[i], i) for i in range(a, b)) / (b - a)
            assert score == pytest.approx(expected, abs=1e-4)
            checked += 1
    assert checked >= 4


def test_component_is_registered_in_the_pipeline():
    assert statistical.recognize in COMPONENTS


def test_single_character_gold_names_are_labelled_only_as_places():
    names = {"中": "LOC", "美": "LOC", "中国": "LOC"}
    spans = crf_train.label_sentence("中美两国在会议中同意，中国将访美。", names)
    text = "中美两国在会议中同意，中国将访美。"
    assert [(text[a:b], t) for a, b, t in spans] == [("中", "LOC"), ("美", "LOC"), ("中国", "LOC"), ("美", "LOC")]


def test_training_runs_on_a_tiny_sample(tmp_path):
    examples = [
        ("王小明在杭州市工作。", [(0, 3, "PER"), (4, 7, "LOC")]),
        ("李华去了南京市。", [(0, 2, "PER"), (4, 7, "LOC")]),
        ("星光电子公司在苏州市成立。", [(0, 6, "ORG"), (7, 10, "LOC")]),
        ("今天天气很好。", []),
    ] * 5
    path = crf_train.train(examples, tmp_path / "tiny.crfsuite", max_iterations=30)
    m = statistical.compile_model(path)
    (spans,) = statistical.tag(["王小明去了苏州市。"], m)
    assert ("LOC", "苏州市") in {(t, "王小明去了苏州市。"[a:b]) for a, b, t, _ in spans}
    # saved tables load as the same model, and are ignored once the model file changes
    statistical.save_tables(m, tmp_path / "tiny.npz", path)
    assert statistical.tag(["李华在杭州市。"], statistical.load_model(path)) == statistical.tag(["李华在杭州市。"], m)
    other = crf_train.train(examples[:4], tmp_path / "other.crfsuite", max_iterations=5)
    (tmp_path / "tiny.npz").rename(tmp_path / "other.npz")
    assert statistical.load_model(other).bigram_keys.tolist() == statistical.compile_model(other).bigram_keys.tolist()


def test_shipped_tables_match_the_shipped_model():
    assert statistical.MODEL_PATH.with_suffix(".npz").exists()
    fast, slow = statistical.load_model(), statistical.compile_model()
    assert fast.bigram_keys.tolist() == slow.bigram_keys.tolist()
    assert all((a == b).all() for a, b in zip(fast.bi, slow.bi))


def test_missing_model_file_gives_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="crf_train"):
        statistical.compile_model(tmp_path / "none.crfsuite")
