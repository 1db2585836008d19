"""Explain a node or an edge: the sentences that support it, with their article and date."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from govgraph.ontology import PREFIXES, base_iri

# The node is found by id, label or name; ?who and ?base are parameters, projected because Oxigraph binds
# only projected variables.
_QUERY = """
SELECT DISTINCT ?base ?node ?node_label ?direction ?relation ?other_label ?article_title ?published ?start ?end ?quote ?who
WHERE {
  { ?node gg:name ?who } UNION { ?node rdfs:label ?who } UNION { BIND(IRI(CONCAT(?base, ?who)) AS ?node) }
  ?node rdfs:label ?node_label .
  { ?st rdf:subject ?node ; rdf:object ?other . BIND("out" AS ?direction) }
  UNION
  { ?st rdf:object ?node ; rdf:subject ?other . BIND("in" AS ?direction) }
  ?st gg:relation ?relation ; prov:wasDerivedFrom ?ev .
  ?other rdfs:label ?other_label .
  ?ev gg:inArticle ?art ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
  OPTIONAL { ?art schema:name ?article_title }
  OPTIONAL { ?art schema:datePublished ?published }
}
"""


@dataclass
class Support:
    """One sentence supporting one edge of the node."""

    node: str
    node_label: str
    direction: str
    relation: str
    other: str
    article: str | None
    published: str | None
    start: int
    end: int
    quote: str


def explain(store: ox.Store, who: str, *, relation: str | None = None) -> list[Support]:
    """Every edge of the nodes named ``who`` (an id, a label or a name), each with its supporting sentences."""
    base = base_iri()
    res = store.query(_QUERY, prefixes=PREFIXES,
                      substitutions={ox.Variable("who"): ox.Literal(who), ox.Variable("base"): ox.Literal(base)})
    out = []
    for s in res:
        rel = s["relation"].value
        if relation and rel != relation:
            continue
        node = s["node"].value
        out.append(Support(node[len(base):] if node.startswith(base) else node, s["node_label"].value,
                           s["direction"].value, rel, s["other_label"].value,
                           s["article_title"].value if s["article_title"] else None,
                           s["published"].value if s["published"] else None,
                           int(s["start"].value), int(s["end"].value), s["quote"].value))
    out.sort(key=lambda x: (x.node, x.relation, x.other, x.published or "", x.start))
    return out


def format_support(rows: list[Support]) -> str:
    """Grouped text: node, then each edge, then its sentences with article, date and offsets."""
    lines, last_node, last_edge = [], None, None
    for r in rows:
        if r.node != last_node:
            lines.append(f"{r.node_label}  <{r.node}>")
            last_node, last_edge = r.node, None
        edge = (r.direction, r.relation, r.other)
        if edge != last_edge:
            arrow = f"-[{r.relation}]-> {r.other}" if r.direction == "out" else f"<-[{r.relation}]- {r.other}"
            lines.append(f"  {arrow}")
            last_edge = edge
        lines.append(f"      {r.published or '?'} 《{r.article or '?'}》 [{r.start}:{r.end}] {r.quote}")
    return "\n".join(lines)
