"""Explain a node: the sentences that support each of its edges, with their article and date, from any store."""
from __future__ import annotations

from govgraph.loaders.encoding import visible

from .stores import Store, Support


def explain(store: Store, who: str, *, relation: str | None = None) -> list[Support]:
    """Every edge of the nodes named ``who`` (an id, a label or a name), each with its supporting sentences."""
    rows = store.evidence(who, relation=relation)
    rows.sort(key=lambda x: (x.node, x.relation, x.other, x.published or "", x.start))
    return rows


def format_support(rows: list[Support]) -> str:
    """Grouped text: node, then each edge, then its sentences with article, date and offsets. Everything read
    from reports is shown with control characters as escapes: a headline cannot drive the terminal."""
    lines: list[str] = []
    last_node: str | None = None
    last_edge: tuple[str, str, str] | None = None
    for r in rows:
        if r.node != last_node:
            lines.append(f"{visible(r.node_label)}  <{visible(r.node)}>")
            last_node, last_edge = r.node, None
        edge = (r.direction, r.relation, r.other)
        if edge != last_edge:
            other = visible(r.other)
            arrow = f"-[{r.relation}]-> {other}" if r.direction == "out" else f"<-[{r.relation}]- {other}"
            lines.append(f"  {arrow}")
            last_edge = edge
        lines.append(f"      {visible(r.published or '?')} 《{visible(r.article or '?')}》 [{r.start}:{r.end}] "
                     f"{visible(r.quote)}")
    return "\n".join(lines)
