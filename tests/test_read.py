"""Step 1 — read: encodings, bad files, folder walking, and how `kg build` reports bad input."""
from __future__ import annotations

import codecs
import doctest
import os
from pathlib import Path

import pytest

import kg.read
from kg.cli import main
from kg.pipeline import build
from kg.read import ReadError, decode, find_inputs, read_file

ROOT = Path(__file__).resolve().parents[1]
TEXT = "宁波市鄞州区姜山镇召开大会。\r\n会上，张明当选为主任。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: told apart from binary by its NUL pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_detects_encoding_and_keeps_text_exactly(tmp_path, data, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    doc = read_file(f)
    assert doc.raw == TEXT  # BOM gone, CRLF kept: offsets are offsets into the original text
    assert doc.encoding == encoding
    assert doc.path == f.as_posix()


def test_gb18030_characters_outside_gbk(tmp_path):
    text = "𠮷野家在北京开店。䶮字少见。"
    f = tmp_path / "rare.txt"
    f.write_bytes(text.encode("gb18030"))
    assert read_file(f).raw == text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b" \r\n\t\n", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (codecs.BOM_UTF16_LE + "\n \n".encode("utf-16-le"), "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x1b\x02\x03\x04hello\x05\x06\x07\x08" * 10, "binary"),
        (b"abc\x80\xffdef \x81\x30\xff", "undecodable"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8\x41", "UTF-16"),  # a lone surrogate, odd length
    ],
)
def test_bad_files_raise_one_line_error_naming_the_file(tmp_path, data, problem):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_file(f)
    msg = str(e.value)
    assert msg.startswith(f"{f.as_posix()}: ")
    assert problem in msg
    assert "\n" not in msg


def test_missing_file_and_folder_are_read_errors(tmp_path):
    with pytest.raises(ReadError, match=r"nope\.txt: cannot read"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_file(tmp_path)


def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert find_inputs([tmp_path]) == []
    with pytest.raises(ReadError, match="not a regular file"):
        read_file(fifo)


def test_utf8_with_a_few_broken_bytes_is_kept_with_a_warning(tmp_path):
    good = "宁波市北仑区霞浦街道组织开展志愿服务活动，参与群众很多。" * 3
    data = good.encode("utf-8")
    data = data[:39] + b"\xff" + data[39:]  # one corrupt byte (after 13 characters)
    f = tmp_path / "broken.txt"
    f.write_bytes(data)
    doc = read_file(f)
    assert doc.encoding == "utf-8"
    assert doc.raw.count("\ufffd") == 1 and "北仑区" in doc.raw
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(f.as_posix())


def test_decode_names_the_source_in_errors():
    with pytest.raises(ReadError, match=r"^clip\.md: empty file"):
        decode(b"", "clip.md")


def test_find_inputs_walks_folders_sorted_skipping_hidden_and_other_suffixes(tmp_path):
    for rel in ["b.txt", "a.md", "C.MD", "sub/z.txt", "sub/deeper/y.txt", "notes.docx", "img.png",
                ".hidden.txt", ".git/config.txt", "sub/.cache/x.txt", "a10.txt", "a2.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("内容。", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_inputs([tmp_path])]
    assert found == ["C.MD", "a.md", "a10.txt", "a2.txt", "b.txt", "sub/deeper/y.txt", "sub/z.txt"]
    # deterministic: the same list again; a file named explicitly is taken whatever its name,
    # and a path given twice is read once
    assert find_inputs([tmp_path]) == find_inputs([tmp_path])
    extra = tmp_path / "notes.docx"
    both = find_inputs([tmp_path / "b.txt", tmp_path, extra])
    assert both[0] == tmp_path / "b.txt" and both[-1] == extra and len(both) == len(set(both)) == 8


def test_find_inputs_keeps_missing_paths_so_reading_reports_them(tmp_path):
    missing = tmp_path / "missing.txt"
    assert find_inputs([missing]) == [missing]


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


def test_build_skips_unreadable_files_and_reports_them(tmp_path):
    d = _folder(tmp_path, {
        "good.txt": "宁波市北仑区召开会议。".encode("gb18030"),
        "empty.txt": b"",
        "photo.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
    })
    seen: list[str] = []
    result = build([d], on_error=seen.append)
    assert [doc.path for doc in result.docs] == [(d / "good.txt").as_posix()]
    assert result.docs[0].encoding == "gb18030"
    assert seen == result.errors
    assert [m.split(":")[0] for m in seen] == [(d / "empty.txt").as_posix(), (d / "photo.txt").as_posix()]


def test_build_reports_a_repaired_file_and_keeps_it(tmp_path):
    data = ("宁波市北仑区霞浦街道组织开展志愿服务活动，参与群众很多。" * 3).encode("utf-8")
    d = _folder(tmp_path, {"repaired.txt": data[:39] + b"\xff" + data[39:]})
    seen: list[str] = []
    result = build([d], on_error=seen.append)
    assert len(result.docs) == 1 and result.errors == []
    assert len(seen) == 1 and "repaired.txt: 1 invalid UTF-8" in seen[0]


def test_kg_build_goes_on_past_a_binary_file(tmp_path, capsys):
    d = _folder(tmp_path, {
        "a.txt": "宁波市北仑区霞浦街道召开大会。\n".encode("utf-8"),
        "b.txt": b"\x00\x01\x02\x03binary\x00",
    })
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "b.txt" in ln]
    assert len(lines) == 1 and "binary" in lines[0] and (d / "b.txt").as_posix() in lines[0]
    assert (out / "graph.ttl").stat().st_size > 0


def test_kg_build_exits_non_zero_when_nothing_is_readable(tmp_path, capsys):
    d = _folder(tmp_path, {"x.txt": b"", "y.md": b"\x89PNG\r\n\x1a\n\x00\x00"})
    out = tmp_path / "out"
    assert main(["build", str(d), "-o", str(out), "-q"]) != 0
    err = capsys.readouterr().err
    for name, problem in (("x.txt", "empty"), ("y.md", "binary")):
        hits = [ln for ln in err.splitlines() if (d / name).as_posix() + ":" in ln]
        assert len(hits) == 1 and problem in hits[0]
    assert not (out / "graph.ttl").exists()


def test_doctests(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples read seeds/
    assert doctest.testmod(kg.read).failed == 0
