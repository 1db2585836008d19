"""The seed page read by the extractor equals its gold annotation, field by field."""
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
    assert {p["name"]: p["positions"] for p in pred["people"]} == {p["name"]: p["positions"] for p in gold["people"]}
    assert pred["reporters"] == gold["reporters"]
