"""wrap_width and unwrap: a page wrapped at a column's width is read as paragraphs; other pages are left alone."""
from __future__ import annotations

from govgraph.loaders.hardwrap import unwrap, wrap_width

PARAGRAPHS = ["市政府召开常务会议",
              "本报讯（记者 林小雨）3月2日上午，市长何明远主持召开市政府常务会议，研究部署春季农业生产工作。",
              "会议审议通过了《全市高标准农田建设实施方案》，要求各县市区抓好落实。",
              "副市长丁海波、韩冬梅出席会议。"]


def _wrapped(paras: list[str], width: int) -> list[str]:
    return [p[i:i + width] for p in paras for i in range(0, len(p), width)]


def test_a_page_wrapped_at_a_columns_width_is_read_as_paragraphs():
    lines = _wrapped(PARAGRAPHS, 16)
    assert wrap_width(lines) == 16
    assert unwrap(lines) == PARAGRAPHS


def test_a_headline_as_long_as_a_line_does_not_run_into_the_dateline():
    paras = ["市政府召开第七次常务会议", *PARAGRAPHS[1:]]
    lines = _wrapped(paras, 13)
    assert unwrap(lines, lambda ln: ln.startswith("本报讯")) == paras


def test_pages_of_whole_paragraphs_are_left_alone():
    assert wrap_width(PARAGRAPHS) is None
    # lines of one length that end their sentences are not a wrapped page
    lines = ["会议强调，要抓好落实。", "会议要求，要压实责任。", "会议指出，要守牢底线。", "会议决定，要加快推进。"]
    assert unwrap(lines) == lines
