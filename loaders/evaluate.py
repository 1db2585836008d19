"""Score extractor output against gold files, field by field (the same measure as shared/score.py).

Meetings are aligned per file, greedily by name similarity plus agreement on body, chair and date; role
fields are counted as (meeting, value) pairs over that alignment; people, positions and reporters as sets.
"""
from __future__ import annotations

import difflib
import json
import unicodedata
from dataclasses import dataclass, field

ROLE_FIELDS = ("chair", "attendees", "documents_reviewed", "documents_approved")
SCALAR_FIELDS = ("date", "part_of_day", "ordinal", "body")
CORE = ("meetings", "chair", "attendees", "documents_approved", "people", "reporters", "date")


def _n(v):
    if v is None:
        return None
    s = unicodedata.normalize("NFKC", str(v))
    return "".join(s.split()).strip("《》<>〈〉")


def _similarity(g: dict, p: dict) -> float:
    score = difflib.SequenceMatcher(None, _n(g.get("name")) or "", _n(p.get("name")) or "").ratio()
    if _n(g.get("body")) and _n(g.get("body")) == _n(p.get("body")):
        score += 0.5
    if {_n(x) for x in g.get("chair") or []} & {_n(x) for x in p.get("chair") or []}:
        score += 0.5
    if g.get("date") and g.get("date") == p.get("date"):
        score += 0.3
    return score


def align(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """pred index -> gold index, best pairs first, none below 0.6."""
    pairs = sorted(((_similarity(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
                   reverse=True)
    back, used_g = {}, set()
    for s, i, j in pairs:
        if s >= 0.6 and i not in used_g and j not in back:
            back[j] = i
            used_g.add(i)
    return back


@dataclass
class Scores:
    """True positives, false positives and false negatives per field."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, gold: set, pred: set) -> None:
        c = self.counts.setdefault(name, [0, 0, 0])
        c[0] += len(gold & pred)
        c[1] += len(pred - gold)
        c[2] += len(gold - pred)

    def prf(self, name: str) -> tuple[float, float, float]:
        return prf(*self.counts.get(name, [0, 0, 0]))

    def micro(self, names=CORE) -> tuple[float, float, float]:
        tp = sum(self.counts.get(n, [0, 0, 0])[0] for n in names)
        fp = sum(self.counts.get(n, [0, 0, 0])[1] for n in names)
        fn = sum(self.counts.get(n, [0, 0, 0])[2] for n in names)
        return prf(tp, fp, fn)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_file(gold: dict, pred: dict, s: Scores) -> None:
    """Add one file's comparison to the running scores."""
    gm, pm = gold.get("meetings", []), pred.get("meetings", [])
    back = align(gm, pm)
    matched = set(back.values())
    s.add("meetings", {("m", i) for i in matched} | {("g", i) for i in range(len(gm)) if i not in matched},
          {("m", i) for i in matched} | {("p", j) for j in range(len(pm)) if j not in back})
    key = lambda j: back.get(j, ("p", j))
    for f in ROLE_FIELDS:
        s.add(f, {(i, _n(v)) for i, m in enumerate(gm) for v in m.get(f) or []},
              {(key(j), _n(v)) for j, m in enumerate(pm) for v in m.get(f) or []})
    for f in SCALAR_FIELDS:
        g = {(i, _n(m.get(f))) for i, m in enumerate(gm) if m.get(f) is not None}
        p = {(key(j), _n(m.get(f))) for j, m in enumerate(pm) if m.get(f) is not None}
        if f == "date":  # a date the gold leaves open is not counted against the prediction
            open_days = {i for i, m in enumerate(gm) if not m.get(f)}
            p = {x for x in p if not (isinstance(x[0], int) and x[0] in open_days)}
        s.add(f, g, p)
    s.add("people", {_n(p["name"]) for p in gold.get("people", [])}, {_n(p["name"]) for p in pred.get("people", [])})
    s.add("positions", {(_n(p["name"]), _n(x)) for p in gold.get("people", []) for x in p.get("positions") or []},
          {(_n(p["name"]), _n(x)) for p in pred.get("people", []) for x in p.get("positions") or []})
    s.add("reporters", {_n(x) for x in gold.get("reporters", [])}, {_n(x) for x in pred.get("reporters", [])})


def report(s: Scores, per_file: dict[str, Scores] | None = None, *, worst: int = 5) -> str:
    """The score table as text, the worst files, and last the core micro F1 (as the reference scorer ends)."""
    lines = [f"{'field':20} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn"]
    for name, c in s.counts.items():
        p, r, f1 = prf(*c)
        lines.append(f"{name:20} {p:6.3f} {r:6.3f} {f1:6.3f}  {'/'.join(map(str, c))}")
    bad = worst_files(per_file or {}, worst)
    if bad:
        lines.append("worst files:")
        for name, f1, fields in bad:
            lines.append(f"  {name:40} core F1 {f1:.3f}  misses in: {', '.join(fields)}")
    lines.append(f"core micro F1 {s.micro()[2]:.3f}")
    return "\n".join(lines)


def worst_files(per_file: dict[str, Scores], n: int = 5) -> list[tuple[str, float, list[str]]]:
    """The ``n`` files with the lowest core F1 below 1, each with the fields it got wrong."""
    rows = []
    for name, sc in per_file.items():
        f1 = sc.micro()[2]
        wrong = [f for f, c in sc.counts.items() if c[1] or c[2]]
        if wrong:
            rows.append((name, f1, wrong))
    return sorted(rows, key=lambda r: (r[1], r[0]))[:n]


def evaluate_folder(gold_dir, predict) -> tuple[Scores, dict[str, Scores]]:
    """Scores over every NAME.gold.json in ``gold_dir`` and per file; ``predict(path)`` gives a gold-shaped record."""
    from pathlib import Path

    total, per_file = Scores(), {}
    for gf in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        src = gf.with_name(gold.get("source") or gf.name.replace(".gold.json", ".txt"))
        pred = predict(src)
        one = Scores()
        score_file(gold, pred, one)
        score_file(gold, pred, total)
        per_file[src.name] = one
    return total, per_file
