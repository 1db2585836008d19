"""Loaders: page splitting, broken sentences, encodings, JSON Lines, HTML, bad files."""
from __future__ import annotations

import json
from datetime import date

import pytest

from govgraph.loaders import LoadError, is_article_file, load_path, load_paths
from govgraph.loaders.textpage import join_broken, split_page

PAGE = """市政府召开常务会议
研究部署防汛工作
李明主持
■本报记者 王芳
本报讯 6月3日上午，市长李明主持召开市政府第21次常务会议，研究部署

防汛工作。
会议强调，要压实责任。

县委常委会召开会议
（记者 赵强）
本报讯 6月3日，县委书记周立主持召开县委常委会会议。
会议还研究了其他事项。
"""


def test_page_splits_into_articles_at_datelines():
    arts = split_page(PAGE, source="p.txt", published=date(2024, 6, 4))
    assert [a.title for a in arts] == ["市政府召开常务会议", "县委常委会召开会议"]
    assert "研究部署防汛工作。" in arts[0].text  # the column break is mended
    assert arts[1].text.startswith("县委常委会召开会议\n（记者 赵强）")


def test_join_broken_keeps_whole_sentences_apart():
    assert join_broken(["会议指出，要", "抓好落实。", "会议强调，要保持定力。"]) == \
        ["会议指出，要抓好落实。", "会议强调，要保持定力。"]


def test_a_first_sentence_cut_by_a_column_is_not_a_headline():
    for head in ("7月20日下午，市长许文华", "2023年12月26日，区"):
        rest = "主持召开市政府常务会议，研究部署防汛工作。" if head.startswith("7") else \
            "长李文华主持召开区政府常务会议，研究部署防汛工作。"
        art, = split_page(f"{head}\n{rest}\n会议强调，要压实责任。", source="cut.txt")
        assert art.body_start == 0 and art.text.startswith(head + rest)


def test_a_first_line_cut_inside_a_word_is_not_a_headline():
    text = ("市政府召开常务会议\n2024-05-08\n市政府第二十次常务会议8日下午在市行政中心东\n"
            "楼举行，市长何明远主持会议。\n会议强调，要压实责任。")
    art, = split_page(text, source="cut.txt")
    assert art.title == "市政府召开常务会议" and "在市行政中心东楼举行" in art.text


def test_join_broken_keeps_a_subhead_on_its_own_line():
    body = ["全市一季度重点项目开工率超过九成。", "重点项目建设提速",
            "记者从市发展改革委获悉，截至3月底，全市列入年度计划的重点项目已开工二百一十个，完成投资比上年同期增长一成。"]
    assert join_broken(body) == body
    # a line broken after 会议指出 introduces its paragraph and joins it
    said = ["会议审议了有关事项。", "会议指出",
            "要坚决扛起防汛救灾政治责任，压实各级责任，确保人民群众生命财产安全不受损失。"]
    assert join_broken(said) == [said[0], said[1] + said[2]]
    # a column that ends inside a word (关 / 于) or inside a title cut a sentence; it is no subhead
    for cut in (["会议审议了有关事项。", "表决通过了市人大常委会关",
                 "于召开市十六届人大五次会议的决定，决定会议于明年一月在市会议中心召开，会期四天。"],
                ["会议审议了有关事项。", "原则通过了《市城市更新",
                 "三年行动方案》，要求各区各部门按照职责分工抓好落实，确保各项任务按期完成。"]):
        assert join_broken(cut) == [cut[0], cut[1] + cut[2]]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")])
def test_encodings_are_detected(tmp_path, encoding, bom):
    p = tmp_path / "page-2024-06-04.txt"
    p.write_bytes(bom + PAGE.encode(encoding))
    res = load_path(p)
    assert len(res.articles) == 2
    assert res.articles[0].published == date(2024, 6, 4)
    assert "李明" in res.articles[0].text


def test_jsonl_reads_metadata_and_reports_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    good = {"text": PAGE.split("\n\n县委", maxsplit=1)[0], "title": "市政府召开常务会议", "date": "2024-06-04",
            "source": "某日报", "url": "http://example.org/a"}
    p.write_text(json.dumps(good, ensure_ascii=False) + "\n{broken json\n" + json.dumps({"title": "x"}) + "\n",
                 encoding="utf-8")
    res = load_path(p)
    assert len(res.articles) == 1
    a = res.articles[0]
    assert (a.published, a.newspaper, a.url) == (date(2024, 6, 4), "某日报", "http://example.org/a")
    assert len(res.errors) == 2 and "feed.jsonl:2" in str(res.errors[0]) and "text" in str(res.errors[1])


def test_json_records_as_scrapers_name_their_fields(tmp_path):
    text = PAGE.split("\n\n县委", maxsplit=1)[0]
    p = tmp_path / "dump.json"
    records = [{"正文": text, "标题": "市政府召开常务会议", "publish_time": "2024-06-04 08:00"},
               {"content": "".join(f"<p>{ln}</p>" for ln in text.splitlines()), "headline": "x", "link": "http://a/b"},
               42]
    p.write_text(json.dumps({"data": records}, ensure_ascii=False), encoding="utf-8")
    res = load_path(p)
    assert len(res.articles) == 2 and all("李明主持召开市政府第21次常务会议" in a.text for a in res.articles)
    assert res.articles[0].published == date(2024, 6, 4) and res.articles[1].url == "http://a/b"
    assert "<p>" not in res.articles[1].text
    assert len(res.errors) == 1 and "dump.json[2]" in str(res.errors[0])
    # a folder's walk leaves JSON out (gold files lie beside reports); a dump is read when named
    assert not is_article_file(tmp_path / "a.gold.json") and is_article_file(tmp_path / "a.jsonl")


def test_a_text_page_copied_with_character_references(tmp_path):
    p = tmp_path / "copy-2024-06-04.txt"
    p.write_text(PAGE.replace(" ", "&nbsp;").replace("本报讯", "&ldquo;本报讯&rdquo;&#27;", 1), encoding="utf-8")
    text = load_path(p).articles[0].text
    assert "&nbsp;" not in text and "&ldquo;" not in text
    assert "\x1b" not in text  # a reference that spells a control character is not let in


def test_html_page_text_and_date(tmp_path):
    p = tmp_path / "a.html"
    body = "".join(f"<p>{line}</p>" for line in PAGE.split("\n\n", maxsplit=1)[0].splitlines())
    p.write_text(f'<html><head><title>t</title><meta name="publishdate" content="2024-06-04">'
                 f"<script>var x='本报讯';</script></head><body><nav>首页</nav>{body}</body></html>", encoding="utf-8")
    res = load_path(p)
    assert res.articles[0].published == date(2024, 6, 4)
    assert "var x" not in res.articles[0].text and "首页" not in res.articles[0].text
    assert "李明主持召开市政府第21次常务会议" in res.articles[0].text


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good-2024-06-04.txt"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "x.pdf"
    odd.write_bytes(b"%PDF")
    missing = tmp_path / "missing.txt"
    results = list(load_paths([empty, odd, missing, good]))
    errors = [r for r in results if isinstance(r, LoadError)]
    assert len(errors) == 3
    assert "empty file" in str(errors[0]) and "unsupported file type .pdf" in str(errors[1])
    assert "missing.txt" in str(errors[2])
    assert len(results[3].articles) == 2


def test_a_masthead_gives_the_date_not_the_title(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("某某日报 2023年5月10日 星期三 第1版\n\n" + PAGE, encoding="utf-8")
    arts = load_path(p).articles
    assert arts[0].title == "市政府召开常务会议" and arts[0].published == date(2023, 5, 10)


def test_a_web_page_loses_its_site_furniture():
    from govgraph.loaders.htmlpage import html_to_text

    page = ("<html><body><div class='site-nav'><ul><li>首页<li>政务公开</ul></div></div>"
            "<div class='content'><p>区政府召开常务会议<p>本报讯 区长王一鸣主持会议。</p>"
            "<div id='foot_share'><p>分享到：</p></div><p>（记者 刘小禾）</div>"
            "<div class='footer'><div><p>联系我们</p></div></div><p>收尾</p></body></html>")
    text, _ = html_to_text(page)
    assert text.split("\n\n") == ["区政府召开常务会议", "本报讯 区长王一鸣主持会议。", "（记者 刘小禾）", "收尾"]


def test_a_text_page_drops_lines_of_site_chrome(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("当前位置：首页 > 新闻中心 > 正文\n首页 | 政务公开 | 互动交流\n区政府召开常务会议\n"
                 "本报讯 区长王一鸣主持会议，会议研究了有关事项。\n（记者 刘小禾）\n【打印本页】【关闭窗口】\n"
                 "主办单位：某区人民政府办公室 版权所有 某ICP备00000000号\n", encoding="utf-8")
    text = load_path(p).articles[0].text
    assert text.startswith("区政府召开常务会议\n") and text.endswith("（记者 刘小禾）")
