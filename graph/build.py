"""Turn one article's findings into graph nodes and edges with stable ids and evidence."""
from __future__ import annotations

import re
from bisect import bisect_left

from govgraph.loaders.article import Article
from govgraph.loaders.extract.findings import Findings, Span

from . import ids
from .bodies import classify, jurisdiction_of, post_label, qualify, split_title
from .model import Evidence, Graph, Node
from .schema import meeting_kind

# bodies whose numbered sessions sit over several days: congresses and CPPCC committees and their standing committees
_SESSIONS = re.compile(r"(?:人大|人大常委会|政协|政协常委会)$")
_ROLE_EDGE = {"chair": "chaired", "attendee": "attended", "nonvoting": "sat_in", "speaker": "spoke_at"}
_DOC_EDGE = {"reviewed": "reviewed", "approved": "approved", "heard": "heard", "studied": "studied"}


_SENTENCE_END = re.compile("[。！？；\n]")


class _Sentences:
    """The sentences of a text, their ends found once: an article gives dozens of pieces of evidence, and a long
    line without a sentence end would make a search back from each of them quadratic."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    def around(self, span: Span) -> tuple[int, int]:
        """The sentence around a span: provenance shows whole sentences, not fragments."""
        i = bisect_left(self.ends, span.start)  # the last end before the span closes the sentence before it
        lo = self.ends[i - 1] + 1 if i else 0
        j = bisect_left(self.ends, span.end)
        hi = self.ends[j] + 1 if j < len(self.ends) else len(self.text)
        return lo, hi


def build_article(article: Article, f: Findings) -> Graph:
    """The graph of one article: its meetings, people, posts, bodies, documents and the article itself."""
    g = Graph()
    text = article.text
    art_key = ids.article_id(article.id)
    place = f.place
    pub = article.published.isoformat() if article.published else None
    g.add_node(Node(art_key, "Article", article.title or article.source, {
        "title": article.title, "published": pub, "source": article.source, "newspaper": article.newspaper,
        "url": article.url}))

    sentences = _Sentences(text)
    # one mention supports several edges (the meeting is convened and described, a title is a post and its body)
    made: dict[tuple[int, int, str | None], Evidence] = {}

    def ev(span: Span, day: str | None) -> Evidence:
        key = (span.start, span.end, day)
        have = made.get(key)
        if have is not None:
            return have
        lo, hi = sentences.around(span)
        # the offsets are those of the quote itself (no line break or spaces at either end), so that the
        # start/end and the exact text agree, as a Web Annotation position and quote selector must
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        have = made[key] = Evidence(art_key, lo, hi, text[lo:hi], day or pub)
        return have

    def body_node(written: str) -> str:
        name = qualify(written, place)
        code = jurisdiction_of(written, place)
        nid = ids.body_id(name, code)
        g.add_node(Node(nid, "Body", name, {"name": name, "kind": classify(name), "jurisdiction": code}))
        return nid

    def person_node(name: str, titles: list[str]) -> str:
        # the most local of the person's posts says whose official they are: 省委常委、市委书记 is the city's
        codes = [c for b, _ in map(split_title, titles) if b and (c := jurisdiction_of(b, place))]
        code = max(codes, key=_specificity) if codes else (place.code if place else None)
        pid = ids.person_id(name, code)
        g.add_node(Node(pid, "Person", name, {"name": name, "jurisdiction": code}))
        return pid

    person_ids: dict[str, str] = {}
    for name, mentions in f.people.items():
        titles = [t for m in mentions for t in m.titles]
        person_ids[name] = person_node(name, titles)

    for m in f.meetings:
        day = m.date.isoformat() if m.date else None
        body = body_node(m.body)
        kind = meeting_kind(m.kind)
        # the label says the kind the id says, so every report of one meeting agrees on it
        kind_label = kind.label_for(m.kind)
        series = _series(m, g.nodes[body].label, kind.key)
        mid = ids.meeting_id(g.nodes[body].label, g.nodes[body].props["jurisdiction"], day, kind.key,
                             fallback=article.id, series=series)
        label = f"{g.nodes[body].label}{kind_label}" + (f" {day}" if day else f" 第{m.ordinal}次" if series else "")
        g.add_node(Node(mid, "Meeting", label, {
            "names": [m.name], "kind": kind_label, "ordinal": m.ordinal, "date": day, "end_date": day,
            "part_of_day": m.part_of_day, "referenced": False}))
        g.add_edge(body, "convened", mid, ev(m.span, day))
        g.add_edge(art_key, "describes", mid, ev(m.span, day))
        for role, who in m.roles:
            pid = person_ids.get(who.name) or person_node(who.name, who.titles)
            g.add_edge(pid, _ROLE_EDGE[role], mid, ev(who.span, day))
        for d in m.documents:
            if d.action not in _DOC_EDGE:
                continue
            did = ids.document_id(d.title)
            label = "".join(d.title.split())  # reports differ in spacing, never in the title
            g.add_node(Node(did, "Document", label, {"title": label}))
            g.add_edge(mid, _DOC_EDGE[d.action], did, ev(d.span, day))
        for ref in m.refers_to:
            rid = f"meeting/ref/{ids.slug(ref.name)}"
            g.add_node(Node(rid, "Meeting", ref.name, {"names": [ref.name], "kind": "会议", "referenced": True}))
            g.add_edge(mid, "refers_to", rid, ev(ref.span, day))
        for t in m.tasks:
            g.add_edge(body_node(t.body), "leads_task", mid, ev(t.span, day))

    meeting_day = next((m.date.isoformat() for m in f.meetings if m.date), None)
    for name, mentions in f.people.items():
        for men in mentions:
            for title in men.titles:
                b, role = split_title(title)
                bid = body_node(b) if b else None
                blabel = g.nodes[bid].label if bid else None
                code = g.nodes[bid].props["jurisdiction"] if bid else (place.code if place else None)
                post = ids.post_id(blabel, role, code)
                label = post_label(blabel, role)
                g.add_node(Node(post, "Post", label, {"name": label, "role": role, "as_written": title}))
                g.add_edge(person_ids[name], "holds_post", post, ev(men.span, meeting_day))
                if bid:
                    g.add_edge(post, "post_in", bid, ev(men.span, meeting_day))
    for r in f.reporters:
        rid = ids.person_id(r.name, "press")
        g.add_node(Node(rid, "Person", r.name, {"name": r.name, "jurisdiction": "press", "journalist": True}))
        # the byline, not the sentence around it: a dateline credit shares its sentence with the meeting facts
        g.add_edge(rid, "reported", art_key, Evidence(art_key, r.span.start, r.span.end, r.span.text, pub))
    return g


def _specificity(code: str) -> int:
    """000000 national < 430000 province < 430400 city < 430421 county."""
    return 0 if code == "000000" else 1 if code.endswith("0000") else 2 if code.endswith("00") else 3


def _series(m, body: str, kind_key: str) -> str | None:
    """For a session that sits over several days (a congress standing committee's 第十九次会议, a CPPCC
    standing committee's, a congress or CPPCC plenary session), where it stands in its series: 14届-19.

    Other meetings, numbered or not, sit one day: the day identifies them, so two reports of one meeting agree
    whether or not they give its number. A number with neither a term nor a year is read against the year.
    """
    if m.ordinal is None or kind_key not in ("meeting", "standing") or not _SESSIONS.search(body):
        return None
    count_in = m.term or (str(m.year) if m.year else str(m.date.year) if m.date else None)
    return f"{count_in}-{m.ordinal}" if count_in else None
