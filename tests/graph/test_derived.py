"""The facts kept up to date at ingest, one rule at a time."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from govgraph.graph.derived import all_pairs, month_of, name_parts, new_pairs, years_seen
from govgraph.graph.model import Edge, Evidence


def test_name_parts_are_every_contiguous_part_and_the_empty_one():
    assert name_parts("市政府") == {"", "市", "政", "府", "市政", "政府", "市政府"}
    assert "衡阳市委" in name_parts("中共衡阳市委") and "衡市" not in name_parts("中共衡阳市委")


def test_years_and_months():
    e = Edge("person/1/a", "holds_post", "post/1/b")
    e.evidence += [Evidence("article/x", 0, 2, "a", "2021-04-22"), Evidence("article/y", 0, 2, "a", None)]
    assert years_seen(e) == {"2021", ""}
    assert month_of("2021-04-22") == "2021-04" and month_of(None) == ""


def test_a_chunk_written_twice_raises_no_count():
    first = {"m1": {"a", "b", "c"}}
    assert new_pairs(first, {}) == Counter({("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1})
    assert new_pairs(first, first) == Counter()


def test_a_latecomer_pairs_with_everyone_already_there_once():
    assert new_pairs({"m1": {"a", "d"}}, {"m1": {"a", "b"}}) == Counter({("a", "d"): 1, ("b", "d"): 1})


meetings = st.lists(st.sets(st.sampled_from("abcdef"), max_size=6), max_size=8)


@given(meetings, st.integers(min_value=0, max_value=8))
def test_counting_chunk_by_chunk_equals_counting_at_once(ms, cut):
    """However the participants of the meetings arrive, in one chunk or two, the counts are the same."""
    stored: dict[int, set[str]] = {}
    total: Counter = Counter()
    for part in ({i: m for i, m in enumerate(ms) if i < cut}, {i: m for i, m in enumerate(ms)}):
        total += new_pairs(part, stored)
        for i, people in part.items():
            stored[i] = stored.get(i, set()) | people
    expected = Counter(p for m in ms for p in combinations(sorted(m), 2))
    assert total == expected == all_pairs(ms)
