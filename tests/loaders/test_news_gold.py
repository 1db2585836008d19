"""National news items with hand gold (tests/fixtures/news-gold and news-gold-2 to -13), their texts read from
../shared by corpus id."""
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
    wanted = {json.loads(f.read_text(encoding="utf-8"))["item"] for d in FIXTURES.glob("news-gold*")
              for f in d.glob("*.gold.json")}
    out = {}
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["id"] in wanted:
                out[item["id"]] = line
    return out


def _score(items: dict[str, str], folder) -> Scores:
    s = Scores()
    for gf in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        arts = read_jsonl(items[gold["item"]], source=gold["source"])
        score_file(gold, gold_record(gold["source"], [extract(a) for a in arts]), s)
    return s


def test_the_news_gold_set_scores(items):
    assert len(list(GOLD.glob("*.gold.json"))) == 30
    s = _score(items, GOLD)
    assert s.micro()[2] >= 0.97, f"core micro F1 {s.micro()[2]:.3f}"
    assert s.prf("meetings")[2] >= 0.97 and s.prf("chair")[2] >= 0.97


# the sets drawn and annotated blind in stop 21 (each README says how): items, the floor of core micro F1, and the
# fields held to a floor of their own
LATER_SETS = {
    # meetings outside govgraph's scope (座谈会, international bodies) left out after annotation
    "news-gold-2": (40, 0.96, {"meetings": 0.97, "chair": 0.97, "attendees": 0.97, "date": 0.97}),
    # items that name a body's meeting, annotated with the scope in hand
    "news-gold-3": (40, 0.94, {"meetings": 0.93, "chair": 0.93, "date": 0.93}),
    # the same, with the project's conventions in hand
    "news-gold-4": (40, 0.95, {"meetings": 0.95, "chair": 0.95, "attendees": 0.95, "date": 0.95}),
    "news-gold-5": (40, 0.96, {"meetings": 0.95, "chair": 0.95, "attendees": 0.95, "date": 0.95, "people": 0.95}),
    # items that name local leaders, mostly with no meeting held: a set for people and their posts
    "news-gold-6": (25, 0.90, {"people": 0.92}),
    "news-gold-7": (30, 0.98, {"meetings": 0.97, "chair": 0.97, "attendees": 0.97, "people": 0.97}),
    # stop 22: the same pool's next draws, blind
    "news-gold-8": (30, 0.98, {"meetings": 0.98, "chair": 0.98, "attendees": 0.97, "people": 0.96}),
    "news-gold-9": (29, 0.98, {"meetings": 0.93, "chair": 0.95, "people": 0.98}),
    # items naming local bodies, mostly people and their posts; then the meeting pool's next draw
    "news-gold-10": (30, 0.95, {"people": 0.95}),
    "news-gold-11": (30, 0.98, {"meetings": 0.97, "chair": 0.97, "attendees": 0.98, "people": 0.98}),
    # set 6's pool drawn on, people and posts only; the meeting pool's next draw
    "news-gold-12": (30, 0.93, {"people": 0.95}),
    "news-gold-13": (30, 0.97, {"meetings": 0.92, "chair": 0.88, "attendees": 0.98, "people": 0.98}),
}


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_a_later_news_gold_set_scores(items, name):
    count, floor, fields = LATER_SETS[name]
    folder = FIXTURES / name
    assert len(list(folder.glob("*.gold.json"))) == count
    s = _score(items, folder)
    assert s.micro()[2] >= floor, f"{name}: core micro F1 {s.micro()[2]:.3f}"
    low = {f: round(s.prf(f)[2], 3) for f, bar in fields.items() if s.prf(f)[2] < bar}
    assert not low, f"{name}: {low}"
