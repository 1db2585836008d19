"""Findings in the shape of the gold annotation (shared/corpus/GOLD.md): one object per input file."""
from __future__ import annotations

from .extract.findings import Findings
from .extract.people import positions_of


def meeting_record(m) -> dict:
    """One meeting as a gold record."""
    docs = lambda action: list(dict.fromkeys(d.title for d in m.documents if d.action == action))
    return {
        "name": m.name,
        "date": m.date.isoformat() if m.date else None,
        "part_of_day": m.part_of_day,
        "ordinal": m.ordinal,
        "body": m.body or None,
        "chair": m.names("chair"),
        "attendees": m.names("attendee"),
        "documents_reviewed": docs("reviewed"),
        "documents_approved": docs("approved"),
    }


def gold_record(source: str, findings: list[Findings]) -> dict:
    """The gold-shaped record of one file from the findings of its articles."""
    meetings: list[dict] = []
    people: dict[str, list[str]] = {}
    reporters: list[str] = []
    for f in findings:
        meetings.extend(meeting_record(m) for m in f.meetings)
        for name, mentions in f.people.items():
            people.setdefault(name, [])
            for p in positions_of(mentions):
                if p not in people[name]:
                    people[name].append(p)
        for r in f.reporters:
            if r.name not in reporters:
                reporters.append(r.name)
    return {"source": source, "meetings": meetings,
            "people": [{"name": n, "positions": p} for n, p in people.items()], "reporters": reporters}


def findings_record(source: str, articles, findings: list[Findings]) -> dict:
    """Everything the extractor found in one file, with character spans: for debugging rules and for tools."""
    span = lambda s: {"start": s.start, "end": s.end, "text": s.text}
    out = []
    for art, f in zip(articles, findings, strict=True):
        out.append({
            "article": art.id, "title": art.title, "published": art.published.isoformat() if art.published else None,
            "place": {"name": f.place.name, "code": f.place.code, "level": f.place.level} if f.place else None,
            "meetings": [{
                **meeting_record(m), "kind": m.kind, "span": span(m.span),
                "roles": [{"role": r, "name": w.name, "titles": w.titles, "span": span(w.span)} for r, w in m.roles],
                "documents": [{"title": d.title, "action": d.action, "span": span(d.span)} for d in m.documents],
                "refers_to": [{"name": r.name, "span": span(r.span)} for r in m.refers_to],
                "tasks": [{"body": t.body, "span": span(t.span)} for t in m.tasks],
            } for m in f.meetings],
            "reporters": [{"name": r.name, "span": span(r.span)} for r in f.reporters],
        })
    return {"source": source, "articles": out}
