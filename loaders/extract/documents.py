"""Documents in 《》 and what a meeting did with them: reviewed, approved, heard, studied."""
from __future__ import annotations

import re

from .doc import Doc, component
from .findings import DocMention, Span

_VERBS = [
    ("审议并原则通过", "both"), ("讨论并原则通过", "both"), ("研究并原则通过", "both"), ("审议并通过", "both"),
    ("审议并表决通过", "both"), ("讨论并通过", "both"), ("审议并批准", "both"), ("审议通过", "both"),
    ("讨论通过", "both"), ("审定", "both"),
    ("研究通过", "both"), ("审定通过", "both"), ("审议批准", "both"), ("原则通过", "approved"),
    ("表决通过", "approved"), ("通过", "approved"), ("批准", "approved"), ("原则同意", "approved"),
    ("同意", "approved"),
    ("审议", "reviewed"), ("讨论", "reviewed"), ("研究", "reviewed"), ("审阅", "reviewed"), ("审查", "reviewed"),
    ("听取", "heard"), ("学习", "studied"), ("传达", "studied"), ("领学", "studied"), ("印发", "mentioned"),
    ("介绍", "mentioned"),
]
# a verb is not one inside an organ's name or a post (市政府发展研究中心, 政策研究室, 研究员)
_VERB_RE = re.compile(f"(?:{'|'.join(sorted((v for v, _ in _VERBS), key=len, reverse=True))})"
                      "(?!中心|室|院|所|会|员|生)")
_BY_ANOTHER = re.compile(r"(?:全会|大会|会议|常委会)(?:审议)?通过的")
# after the titles: 经会议审议通过 is this meeting's; 经国家发改委主任办公会议审议通过 is another body's, earlier
_OTHER_AGENT = re.compile(r"经(?!会议|本次会议|常委会|本会)[\u4e00-\u9fff]{2,}")
# a list of items the sentence approves at its end: 讨论了《A》、研究了……等四项议题，并原则通过
_APPROVED_AT_END = re.compile(r"[，]?并(?:原则|一致)?(?:通过|批准|同意)[。；]")
# 关于提请审议批准《…》的议案, 委员会建议大会批准《…》: what a motion or a recommendation asks another sitting to
# do, not what this meeting did
_PROPOSED = re.compile(r"(?:提请|建议)[^，。；《》\n]{0,20}$")
# 向常委会提出了关于提请审议《…》的议案, 作了题为《…》的讲座: a motion put forward, a talk's title
_PUT_FORWARD = re.compile(r"提出了?关于提请[^，。；《》\n]{0,20}$|题为$")
# 通过了关于军队战时调整适用《…刑事诉讼法》部分规定的决定: the decision is what was adopted, the law is only cited
# in its name (but 关于修改《X》的决定 and 关于批准《X》的决定 adopt X)
_CITED_IN_DECISION = re.compile(r"关于(?!修改|批准)[^《》，。；\n]+$")
_DECISION_AFTER = re.compile(r"[^《》，。；\n]+的(?:决定|决议)")
_PROPOSED_CAP = {"both": "reviewed", "approved": "mentioned"}
_ACTION = dict(_VERBS)
_CLAUSE_END = "。；！？\n"
_MARKS = re.compile(r"[《》。\n]")
_GLUE = re.compile(r"^(?:[、，,和及与]|以及)?$")


def titles(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each outermost 《…》 in the range, end after 》; nested 《》 stay inside."""
    hi = len(text) if hi is None else hi
    out: list[tuple[int, int]] = []
    depth = start = 0
    first = text.find("《", lo, hi)
    if first == -1:
        return out
    for m in _MARKS.finditer(text, first, hi):
        ch, i = m.group(0), m.start()
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
        elif ch in "。\n" and depth:
            depth = 0  # an unclosed 《 never swallows the next sentence
    return out


def _groups(text: str, spans):
    """Runs of titles written together (《A》《B》、《C》和《D》) share one verb."""
    groups: list[list[tuple[int, int]]] = []
    for s in spans:
        if groups and _GLUE.match(text[groups[-1][-1][1]:s[0]]):
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def _approved_at_end(text: str, pos: int, hi: int) -> bool:
    """True when the sentence holding ``pos`` ends by approving what it listed (……等四项议题，并原则通过。)."""
    ends = [i for i in (text.find(c, pos, hi) for c in "。；\n") if i != -1]
    end = min(ends) + 1 if ends else hi
    m = _APPROVED_AT_END.search(text, pos, end)
    return m is not None and m.end() == end


def documents(text: str, lo: int = 0, hi: int | None = None) -> list[DocMention]:
    """Each title with the action of the nearest verb before it in its clause (or 经…审议通过 after it)."""
    hi = len(text) if hi is None else hi
    out: list[DocMention] = []
    for group in _groups(text, titles(text, lo, hi)):
        first, last = group[0][0], group[-1][1]
        clause_lo = max(text.rfind(c, lo, first) for c in _CLAUSE_END + "，") + 1
        clause_lo = max(clause_lo, lo)
        inside = titles(text, clause_lo, first)
        verbs = [v for v in _VERB_RE.finditer(text, clause_lo, first)
                 if not any(s < v.start() < e for s, e in inside)]  # 讨论 inside an earlier 《…讨论决定…规定》
        if verbs and _BY_ANOTHER.search(text, max(clause_lo, verbs[-1].start() - 3), verbs[-1].end() + 1):
            verbs = []  # 全会通过的《…》: what another meeting adopted, mentioned here
        action = _ACTION[verbs[-1].group(0)] if verbs else None
        if action == "approved" and len(verbs) > 1 and _ACTION[verbs[-2].group(0)] in ("reviewed", "both") \
                and re.fullmatch(r"(?:了)?(?:并|后|和|，?并?一致|并一致)?", text[verbs[-2].end():verbs[-1].start()]):
            action = "both"  # 审议并一致通过, 讨论后通过: reviewed, then approved
        if action == "reviewed" and _approved_at_end(text, last, hi):
            action = "both"
        if verbs and action in _PROPOSED_CAP and _PROPOSED.search(text, clause_lo, verbs[-1].start()):
            action = _PROPOSED_CAP[action]
        if _PUT_FORWARD.search(text, clause_lo, first) or (
                verbs and _CITED_IN_DECISION.search(text, verbs[-1].end(), first)
                and _DECISION_AFTER.match(text, last)):
            action = "mentioned"
        if action is None:
            tail_hi = min([i for i in (text.find(c, last, hi) for c in _CLAUSE_END + "，") if i != -1] or [hi])
            # 作了关于《…》审议情况及批准条约的决定草案的汇报: the verbs after belong to the report's name
            after = [] if text.endswith("关于", clause_lo, first) else list(_VERB_RE.finditer(text, last, tail_hi))
            action = _ACTION[after[-1].group(0)] if after else "mentioned"
            if _OTHER_AGENT.search(text, last, after[-1].start() if after else tail_hi):
                action = "mentioned"
            clause_hi = tail_hi
        else:
            clause_hi = last
        span_lo = verbs[-1].start() if verbs else first
        span = Span(span_lo, clause_hi, text[span_lo:clause_hi])
        for s, e in group:
            title = text[s + 1:e - 1].strip()
            if not title:
                continue
            if action == "both":
                out.append(DocMention(title, "reviewed", span))
                out.append(DocMention(title, "approved", span))
            else:
                out.append(DocMention(title, action, span))
    return out


@component(requires=("meetings", "body_start"), assigns=("meetings",))
def attach_documents(doc: Doc) -> None:
    """The documents each meeting dealt with, titles as the article writes them."""
    for meeting in doc.meetings:
        # the headline block's 审议《…》 speaks of the first meetings too
        found = [d for lo, hi in meeting.segments for d in documents(doc.norm, lo, hi)]
        for d in found:  # the rules read the normalised text; the title is kept as written
            s = doc.norm.find(d.title, d.span.start)
            if s != -1:
                d.title = doc.text[s:s + len(d.title)]
        meeting.documents = found
