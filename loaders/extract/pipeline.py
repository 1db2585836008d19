"""The extractor: a pipeline of small components over one ``Doc``, each filling in what its docstring says.

    find_names -> find_meetings -> group_meetings -> date_meetings -> assign_roles -> complete_bodies
    -> attach_documents -> attach_references -> find_reporters -> collect_people -> locate

A new rule is a component in the module of its kind (with a test on single sentences) and one line here.
"""
from __future__ import annotations

from ..article import Article
from .dates import date_meetings
from .doc import Component, Doc, check_order
from .documents import attach_documents
from .findings import Findings
from .grouping import complete_bodies, group_meetings
from .meetings import find_meetings
from .names import find_names
from .people import collect_people, positions_of
from .places import locate
from .references import attach_references
from .reporters import find_reporters
from .roles import assign_roles

PIPELINE: list[Component] = [find_names, find_meetings, group_meetings, date_meetings, assign_roles, complete_bodies,
                             attach_documents, attach_references, find_reporters, collect_people, locate]
check_order(PIPELINE)

__all__ = ["PIPELINE", "doc_of", "extract", "positions_of", "run"]


def doc_of(article: Article) -> Doc:
    """A fresh Doc for an article."""
    return Doc(text=article.text, published=article.published, body_start=article.body_start,
               place_hint=article.place)


def run(doc: Doc, components: list[Component] | None = None) -> Doc:
    """Run the components (all of them by default) over a Doc, in order."""
    for c in components if components is not None else PIPELINE:
        c(doc)
    return doc


def extract(article: Article) -> Findings:
    """Read one article into Findings: meetings with roles, documents, dates; people; reporters; place."""
    doc = run(doc_of(article))
    return Findings(meetings=doc.meetings, people=doc.people, reporters=doc.reporters, place=doc.place,
                    event_date=doc.event_date)
