"""National news items with hand gold (tests/fixtures/news-gold), their texts read from ../shared by corpus id."""
from __future__ import annotations

import gzip
import json

import pytest

from govgraph.loaders.evaluate import Scores, score_file
from govgraph.loaders.extract.pipeline import extract
from govgraph.loaders.gold import gold_record
from govgraph.loaders.jsonlines import read_jsonl

from ..conftest import FIXTURES, SHARED, need

GOLD = FIXTURES / "news-gold"
NEWS = SHARED / "news" / "xwlb-2020-2026.jsonl.gz"


@pytest.fixture(scope="module")
def items() -> dict[str, str]:
    need(NEWS.is_file(), f"the news corpus at {NEWS}")
    wanted = {json.loads(f.read_text(encoding="utf-8"))["item"] for f in GOLD.glob("*.gold.json")}
    out = {}
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["id"] in wanted:
                out[item["id"]] = line
    return out


def test_the_news_gold_set_scores(items):
    s = Scores()
    golds = sorted(GOLD.glob("*.gold.json"))
    assert len(golds) == 30
    for gf in golds:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        arts = read_jsonl(items[gold["item"]], source=gold["source"])
        score_file(gold, gold_record(gold["source"], [extract(a) for a in arts]), s)
    assert s.micro()[2] >= 0.97, f"core micro F1 {s.micro()[2]:.3f}"
    assert s.prf("meetings")[2] >= 0.97 and s.prf("chair")[2] >= 0.97
