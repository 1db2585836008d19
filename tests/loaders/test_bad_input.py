"""Damaged input: each kind is repaired or reported in one line, and never costs more than its own part."""
from __future__ import annotations

import codecs
import json
import os
import time
from datetime import date

import pytest

from govgraph.loaders import Article, LoadError, load_path, open_source
from govgraph.loaders import registry as registry_module
from govgraph.loaders.encoding import clean_text, decode_report, display_name, visible

from ..reports import report

TEXT = report(1)


def articles_and_problems(path):
    items = list(open_source(path).articles())
    return [a for a in items if isinstance(a, Article)], [str(e) for e in items if isinstance(e, LoadError)]


def test_utf8_with_a_bad_byte_after_the_bom_is_read_with_the_byte_replaced(tmp_path):
    raw = TEXT.encode("utf-8")
    cut = raw.index("会议强调".encode())
    p = tmp_path / "bom-2023-06-04.txt"
    p.write_bytes(codecs.BOM_UTF8 + raw[:cut] + b"\xff" + raw[cut:])
    arts, problems = articles_and_problems(p)
    assert len(arts) == 1 and "\ufffd会议强调" in arts[0].text and "王建国" in arts[0].text
    assert problems == [f"{p}: 1 byte sequence(s) not valid UTF-8 (first at byte {cut}) replaced with U+FFFD"]


def test_utf16_cut_at_an_odd_byte_is_read(tmp_path):
    p = tmp_path / "odd.txt"
    p.write_bytes(TEXT.encode("utf-16") + b"\x00")
    arts, problems = articles_and_problems(p)
    assert len(arts) == 1 and "主持召开市政府" in arts[0].text
    assert len(problems) == 1 and "not valid UTF-16" in problems[0]


def test_damaged_utf8_without_a_bom_is_not_taken_for_gbk():
    raw = TEXT.encode("utf-8")
    assert decode_report(raw[:40] + b"\xc3" + raw[40:]).encoding == "utf-8"
    assert decode_report(TEXT.encode("gbk")).encoding == "gb18030"


def test_json_fields_of_the_wrong_kind_and_lone_surrogates_keep_the_record(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([
        json.dumps({"text": TEXT, "title": 12, "url": ["x"]}, ensure_ascii=False),
        '{"text": ' + json.dumps(TEXT, ensure_ascii=False)[:-1] + '\\ud800", "source": "\\udfff某报"}',
        json.dumps(["a list"]), json.dumps({"text": 5}), "1" * 5000,
    ]), encoding="utf-8")
    arts, problems = articles_and_problems(p)
    assert len(arts) == 2 and arts[0].title == "常德市政府召开常务会议" and arts[0].url is None
    assert arts[1].text.endswith("\ufffd") and arts[1].newspaper == "\ufffd某报"
    assert problems == ["feed.jsonl:1: 'title' is a number, not text; left out",
                        "feed.jsonl:1: 'url' is a list, not text; left out",
                        "feed.jsonl:2: 'text' has 1 lone surrogate(s) (not characters); replaced with U+FFFD",
                        "feed.jsonl:2: 'source' has 1 lone surrogate(s) (not characters); replaced with U+FFFD",
                        "feed.jsonl:3: not a JSON object with a 'text' field",
                        "feed.jsonl:4: no usable 'text' field",
                        "feed.jsonl:5: a number too long to read"]


def test_deep_nesting_is_one_bad_line_in_json_and_plain_text_in_a_page(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    p = tmp_path / "deep.jsonl"
    p.write_text(deep + "\n" + json.dumps({"text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    arts, problems = articles_and_problems(p)
    assert len(arts) == 1 and problems == ["deep.jsonl:1: JSON nested too deeply to read"]
    page = tmp_path / "deep.txt"  # the extractor takes deep brackets in its stride (it never recurses)
    page.write_text(TEXT + "\n" + "（" * 30_000 + "）" * 30_000, encoding="utf-8")
    assert len(articles_and_problems(page)[0]) == 1


def test_control_characters_are_removed_from_text_and_said(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_text(TEXT.replace("王建国", "王建\x00国\x1b[31m"), encoding="utf-8")
    arts, problems = articles_and_problems(p)
    assert "王建国[31m" in arts[0].text and "\x1b" not in arts[0].text
    assert problems == [f"{p}: 2 control character(s) removed"]
    assert clean_text("a\x0cb\tc\u0085") == ("a\nb\tc", 1)


def test_a_file_name_in_gbk_bytes_reads_as_chinese(tmp_path):
    name = "岳阳日报-2023-06-04.txt".encode("gbk")
    path = os.fsencode(tmp_path) + b"/" + name
    with open(path, "wb") as f:
        f.write(TEXT.encode("utf-8"))
    source = open_source(os.fsdecode(path))
    assert source.label == "岳阳日报-2023-06-04.txt"
    (art,) = [a for a in source.articles() if isinstance(a, Article)]
    assert art.source == "岳阳日报-2023-06-04.txt" and art.published == date(2023, 6, 4)


def test_names_with_escapes_and_newlines_are_shown_escaped(tmp_path):
    assert visible("a\x1b[2Jb\nc\u202ed") == "a\\x1b[2Jb\\nc\\u202ed"
    assert display_name(tmp_path / "x\x1b]0;pwn\x07.txt").endswith("x\\x1b]0;pwn\\x07.txt")
    p = tmp_path / "evil\nname\x1b[31m.pdf"
    p.write_bytes(b"x")
    with pytest.raises(LoadError) as err:
        load_path(p)
    assert "\n" not in str(err.value) and "evil\\nname\\x1b[31m.pdf" in str(err.value)


def test_a_huge_article_is_skipped_quickly_with_its_size(tmp_path):
    p = tmp_path / "line.txt"
    p.write_text(TEXT + "\n\n本报讯 " + "研究部署工作，" * 700_000, encoding="utf-8")  # one 5 MB line
    t = time.perf_counter()
    arts, problems = articles_and_problems(p)
    assert time.perf_counter() - t < 20
    assert len(arts) == 1
    assert problems == ["line.txt: article 2 is 4,900,004 characters long, more than any report (100,000); "
                        "skipped: split it into articles"]


def test_oversized_pages_and_lines_are_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(registry_module, "MAX_PAGE_BYTES", 1000)
    monkeypatch.setattr(registry_module, "MAX_LINE_BYTES", 2000)
    page = tmp_path / "big.txt"
    page.write_text(TEXT * 10, encoding="utf-8")
    assert articles_and_problems(page)[1] == [f"{page}: more than 0 MB of text, larger than any page; skipped: "
                                              "split it into pages, or give a collection as JSON Lines"]
    feed = tmp_path / "long.jsonl"
    good = json.dumps({"text": TEXT}, ensure_ascii=False)
    feed.write_text(json.dumps({"text": TEXT * 20}, ensure_ascii=False) + "\n" + good + "\n", encoding="utf-8")
    arts, problems = articles_and_problems(feed)
    assert len(arts) == 1 and problems == ["long.jsonl:1: line longer than 0 MB; skipped"]


def test_a_json_dump_that_is_not_one_is_one_line(tmp_path):
    for name, content, reason in (("deep.json", "[" * 100_000, "nested too deeply"), ("bad.json", "{not json", ""),
                                  ("odd.json", "42", "not a JSON array or object of records")):
        p = tmp_path / name
        p.write_text(content, encoding="utf-8")
        arts, problems = articles_and_problems(p)
        assert arts == [] and len(problems) == 1 and name in problems[0] and reason in problems[0]
