"""Content negotiation: which of the media types a route can give best fits a client's Accept header."""
from __future__ import annotations


def _ranges(accept: str) -> list[tuple[str, float, int]]:
    """The media ranges of an Accept header with their q-values (and their order, which breaks ties)."""
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        kind = fields[0].lower()
        if not kind:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((kind, q, i))
    return out


def _matches(media_range: str, offered: str) -> int:
    """How specifically a media range names an offered type: 3 exactly, 2 by its top type, 1 by */*, 0 not."""
    if media_range == offered:
        return 3
    top, _, sub = media_range.partition("/")
    if sub == "*" and offered.startswith(top + "/"):
        return 2
    return 1 if media_range == "*/*" else 0


def pick(accept: str | None, offered: list[str]) -> str | None:
    """The offered type the client prefers most (the first offered when it names none); None when it accepts
    none of them. Each offered type takes the q-value of the most specific range that names it."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    best: tuple[float, int, int] | None = None
    chosen = None
    for rank, kind in enumerate(offered):
        fits = [(_matches(r, kind), q, i) for r, q, i in ranges if _matches(r, kind)]
        if not fits:
            continue
        _, q, i = max(fits, key=lambda f: f[0])
        if q <= 0:
            continue
        key = (q, -i, -rank)
        if best is None or key > best:
            best, chosen = key, kind
    return chosen
