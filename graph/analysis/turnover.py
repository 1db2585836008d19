"""Leadership turnover per body: who chaired its meetings, first and last seen, and the days the chair changed."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..stores import Store
from ..subgraph import Filters, reader_for


@dataclass
class Turnover:
    """Chairs per body (first and last seen, meetings chaired) and each change of chair between two meetings."""

    chair_columns: list[str]
    chairs: list[tuple]
    change_columns: list[str]
    changes: list[tuple]


def turnover(store: Store, f: Filters) -> Turnover:
    """The chairs of each body's dated meetings in order; a change is a meeting chaired by someone other than
    the one who chaired the body's meeting before it (a deputy standing in shows as two changes)."""
    r = reader_for(store)
    days = r.meeting_days()
    body_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for b, label, m in r.convened(f):
        body_of[m].append((b, label))
    chaired: dict[str, set[str]] = defaultdict(set)
    for p, m in r.chairs():
        chaired[m].add(p)
    people = r.labels_of(sorted({p for ps in chaired.values() for p in ps}))
    runs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)  # body -> (day, meeting, chair)
    for m, chairs in chaired.items():
        day = days.get(m)
        if not day or not f.keeps_day(day) or m not in body_of:
            continue
        for body in body_of[m]:
            for p in chairs:
                runs[body].append((day, m, p))
    chair_rows, change_rows = [], []
    for (_, label), seq in sorted(runs.items(), key=lambda kv: kv[0][1]):
        seq.sort()
        spans: dict[str, list] = {}
        for day, _, p in seq:
            s = spans.setdefault(p, [day, day, 0])
            s[1] = day
            s[2] += 1
        for p, (first, last, n) in sorted(spans.items(), key=lambda kv: (kv[1][0], kv[0])):
            chair_rows.append((label, people.get(p, p), first, last, n))
        prev = None
        for day, m, p in seq:
            if prev is not None and p != prev[1] and day != prev[0]:
                change_rows.append((label, day, people.get(prev[1], prev[1]), people.get(p, p), m))
            prev = (day, p)
    return Turnover(["body", "chair", "first_seen", "last_seen", "meetings_chaired"], chair_rows,
                    ["body", "date", "from", "to", "meeting"], change_rows)
