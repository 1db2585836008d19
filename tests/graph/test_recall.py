"""The bounded memory a store writer keeps of what it read and wrote (graph/stores/recall.py)."""
from __future__ import annotations

from govgraph.graph.stores.recall import Recall


def test_a_full_recall_forgets_the_least_recently_used_key_and_is_no_longer_complete():
    r: Recall[str, int] = Recall(2, complete=True)
    r.put("a", 1)
    r.put("b", 2)
    assert r.get("a") == 1  # a is now the most recently used
    r.put("c", 3)
    assert (r.get("b"), r.get("a"), r.get("c"), len(r)) == (None, 1, 3, 2)
    assert r.complete is False  # b may be in the store, and the recall no longer knows it


def test_a_recall_that_never_overflowed_stays_complete_and_a_new_value_replaces_the_old():
    r: Recall[str, int] = Recall(3, complete=True)
    for key, value in (("a", 1), ("b", 2), ("a", 5)):
        r.put(key, value)
    assert (r.get("a"), len(r), r.complete) == (5, 2, True)


def test_zero_is_a_value_not_an_unknown():
    r: Recall[tuple[str, str], int] = Recall(2)
    r.put(("pair", "p"), 0)
    assert r.get(("pair", "p")) == 0 and r.get(("other", "p")) is None


def test_reset_forgets_everything_and_says_whether_the_store_is_known_empty():
    r: Recall[str, int] = Recall(2, complete=False)
    r.put("a", 1)
    r.reset(complete=True)
    assert (len(r), r.get("a"), r.complete) == (0, None, True)
