"""The facts kept up to date at ingest, one rule at a time."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from govgraph.graph.derived import (
    Stored,
    Touched,
    all_counts,
    all_pairs,
    deltas,
    month_of,
    name_parts,
    new_pairs,
    years_seen,
)
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


def _touched(convened, days, participants=None):
    return Touched(participants=participants or {}, convened=set(convened), days=days)


def test_a_new_meeting_counts_in_its_month_and_an_undated_one_in_the_empty_month():
    d = deltas(_touched({("b", "m1"), ("b", "m2")}, {"m1": "2021-04-22", "m2": None}), Stored())
    assert d.months == Counter({("b", "2021-04"): 1, ("b", ""): 1})


def test_a_meeting_stored_undated_moves_when_a_later_report_dates_it():
    stored = Stored(convened={("b", "m1")}, days={"m1": set()})
    d = deltas(_touched({("b", "m1")}, {"m1": "2021-04-22"}), stored)
    assert d.months == Counter({("b", ""): -1, ("b", "2021-04"): 1})


def test_the_same_meeting_again_moves_nothing():
    stored = Stored(participants={"m1": {"a", "b"}}, convened={("b", "m1")}, days={"m1": {"2021-04-22"}})
    chunk = _touched({("b", "m1")}, {"m1": "2021-04-22"}, {"m1": {"a", "b"}})
    assert not deltas(chunk, stored)


def test_counting_from_scratch_gives_what_chunks_gave():
    chunk = _touched({("b", "m1"), ("b", "m2")}, {"m1": "2021-04-22", "m2": None}, {"m1": {"a", "b"}, "m2": {"a"}})
    once = deltas(chunk, Stored())
    again = all_counts(Stored(participants=chunk.participants, convened=chunk.convened,
                              days={"m1": {"2021-04-22"}, "m2": set()}))
    assert (once.pairs, once.months) == (again.pairs, again.months)
