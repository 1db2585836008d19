"""The seed page read by the extractor equals its gold annotation, field by field.

The seed page's gold was written before the real reports' conventions (corpus/real/README.md) settled that a
leader named with a title anywhere in the text is a person of the page (习近平总书记 -> 习近平, 总书记). So every
gold person must be read with exactly the gold positions, and the only people allowed beyond them are people
read with a position.
"""
from __future__ import annotations

import json

from govgraph.loaders import load_path
from govgraph.loaders.extract.pipeline import extract
from govgraph.loaders.gold import gold_record


def test_seed_page_equals_gold(seed_path):
    gold = json.loads(seed_path.with_name(seed_path.name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
    res = load_path(seed_path)
    pred = gold_record(seed_path.name, [extract(a) for a in res.articles])
    assert pred["source"] == gold["source"]
    assert len(pred["meetings"]) == len(gold["meetings"])
    for got, want in zip(pred["meetings"], gold["meetings"], strict=True):
        for field in want:
            assert got[field] == want[field], (want["name"], field)
    got = {p["name"]: p["positions"] for p in pred["people"]}
    want = {p["name"]: p["positions"] for p in gold["people"]}
    assert {n: got.get(n) for n in want} == want
    assert all(got[n] for n in set(got) - set(want)), "people beyond the gold carry a position"
    assert len(set(got) - set(want)) <= 1
    assert pred["reporters"] == gold["reporters"]
