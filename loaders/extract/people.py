"""The people an article names, each with the titles written for them."""
from __future__ import annotations

from .doc import Doc, component
from .findings import NameMention


@component(requires=("meetings", "names", "reporters"), assigns=("people",))
def collect_people(doc: Doc) -> None:
    """Everyone who took part in a meeting (reporters apart), with every titled mention of them."""
    reporter_names = {r.name for r in doc.reporters}
    people: dict[str, list[NameMention]] = {}
    for meeting in doc.meetings:
        for _, who in meeting.roles:
            if who.name not in reporter_names:
                people.setdefault(who.name, [])
    for m in doc.names:
        if m.name in people and m.titles:
            people[m.name].append(m)
    for meeting in doc.meetings:  # titles given inside lists (副市长A、B出席)
        for _, who in meeting.roles:
            if who.titles and who.name in people:
                people[who.name].append(who)
    doc.people = people


def positions_of(mentions: list[NameMention]) -> list[str]:
    """A person's titles as written, first seen first, each once."""
    return list(dict.fromkeys(t for m in mentions for t in m.titles))
