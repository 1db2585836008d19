"""The people an article names, each with the titles written for them."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import NameMention

# The object of an appointment or a removal is not yet (or no longer) in the post the sentence gives.
_APPOINTED = re.compile(r"(?:任命|免去|免职|辞去|辞职|罢免|撤销|接受|批准|决定|提请)[^，。；！？\n]{0,24}$")


def appointed(text: str, mention: NameMention) -> bool:
    """True when the mention is the object of 任命/免去/辞去/罢免 (任命张三为…, 免去李四的…职务)."""
    return _APPOINTED.search(text, max(0, mention.span.start - 24), mention.span.start) is not None


@component(requires=("meetings", "names", "reporters", "norm"), assigns=("people",))
def collect_people(doc: Doc) -> None:
    """Everyone named with a post, chairing, attending or sitting in (reporters apart), with every titled mention.

    People who appear only as the object of an appointment or a removal are left out.
    """
    reporter_names = {r.name for r in doc.reporters}
    people: dict[str, list[NameMention]] = {}
    for meeting in doc.meetings:
        for role, who in meeting.roles:
            # a speaker is a person of the page through a post; chairs and those present are in any case
            if who.name not in reporter_names and (role != "speaker" or who.titles):
                people.setdefault(who.name, [])
    for m in doc.names:
        if m.titles and m.name not in reporter_names and not appointed(doc.norm, m):
            people.setdefault(m.name, []).append(m)
    for meeting in doc.meetings:  # titles given inside lists (副市长A、B出席)
        for _, who in meeting.roles:
            if who.titles and who.name in people:
                people[who.name].append(who)
    doc.people = people


def positions_of(mentions: list[NameMention]) -> list[str]:
    """A person's titles as written, first seen first, each once."""
    return list(dict.fromkeys(t for m in mentions for t in m.titles))
