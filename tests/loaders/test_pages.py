"""The page splitter on pages of several articles in the layouts papers use (our own inventions, with the split
written down beside each page), and on the seed page."""
from __future__ import annotations

import json
import re

import pytest

from govgraph.loaders import load_path

from ..conftest import FIXTURES

PAGES = sorted((FIXTURES / "pages").glob("*.split.json"))


def test_there_are_pages_of_every_layout():
    kinds = {a["kind"] for p in PAGES for a in json.loads(p.read_text(encoding="utf-8"))["articles"]}
    assert len(PAGES) >= 30 and {"report", "photo", "commentary", "brief", "continuation"} <= kinds


@pytest.mark.parametrize("split", PAGES, ids=lambda p: p.name.split(".")[0])
def test_page_splits_into_its_articles(split):
    want = json.loads(split.read_text(encoding="utf-8"))
    arts = load_path(split.with_name(want["source"])).articles
    # page lines keep their words; runs of spaces (a full-width one too) are written as one space
    assert [a.text[a.body_start:].lstrip()[:12] for a in arts] == \
        [re.sub(r"[ \u3000]+", " ", a["first"]) for a in want["articles"]]


def test_seed_page_has_its_three_reports(seed_path):
    arts = load_path(seed_path).articles
    assert [a.title for a in arts] == ["市委常委会召开扩大会议", "市委全面深化改革委员会举行第五次会议",
                                       "市政府召开常务会议"]
    assert all(a.text[a.body_start:].startswith("本报讯") for a in arts)
