"""HTML pages: the visible text of headings and paragraphs, then split like a text page."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .encoding import clean_text
from .pubdate import parse_date

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section", "article", "td", "title"}
_SKIP = {"script", "style", "noscript", "nav", "footer", "head", "iframe", "svg", "form", "button"}
# a site's chrome around the article, named in a class or an id (class="footer", id="bread-crumb", class="foot_nav")
_CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|copyright|sidebar|share|toolbar"
                     r"|topbar|friendlinks?)(?:$|[\s_-])", re.I)
# elements that never have an end tag
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_DATE_META = ("publishdate", "pubdate", "article:published_time", "date", "dc.date", "publish_date")


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buf: list[str] = []
        self._skip = 0
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._open: list[tuple[str, bool]] = []  # open elements, each with whether it is chrome

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        if tag == "title":
            self._in_title = True
        if tag in _SKIP and tag != "head":
            self._skip += 1
        if tag in _BLOCK:
            self._flush()
        if tag not in _VOID:
            chrome = bool(_CHROME.search(f"{a.get('class') or ''} {a.get('id') or ''}"))
            self._open.append((tag, chrome))
            self._skip += chrome

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and tag != "head":
            self._skip = max(0, self._skip - 1)
        if tag in _BLOCK:
            self._flush()
        # close up to the element this tag ends (pages leave <p> and <li> open); a stray end tag closes nothing
        if any(t == tag for t, _ in self._open):
            while self._open:
                t, chrome = self._open.pop()
                self._skip -= chrome
                if t == tag:
                    break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._buf.append(data)

    def _flush(self):
        text = "".join(self._buf).strip()
        if text:
            self.lines.append(text)
        self._buf = []

    def close(self):
        super().close()
        self._flush()


def html_to_text(raw: str) -> tuple[str, dict]:
    """The page's text, a block a line, and its metadata (title, date)."""
    p = _TextCollector()
    p.feed(raw)
    p.close()
    # character references can spell what the bytes could not (&#27; is ESC): clean after unescaping
    meta: dict = {"title": clean_text(p.title)[0].strip() or None}
    for key in _DATE_META:
        if key in p.meta and parse_date(p.meta[key]):
            meta["date"] = parse_date(p.meta[key])
            break
    return clean_text("\n\n".join(p.lines))[0], meta
