"""GraphML for Gephi and networkx: typed attributes and edge weights.

Attributes keep their schema type: integers as GraphML ``int``, booleans as ``boolean``, text as ``string``.
GraphML has no date type, so dates stay ISO strings (``2021-04-22``, which sort as dates) and a dated node also
gets ``year`` as an int for range filters. An edge's ``weight`` is how many pieces of evidence (sentences in
articles) support it, as a double, which Gephi takes as the edge weight.
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from .. import schema
from ..model import Graph, Node
from ..stores import Store

# what XML 1.0 cannot hold at all, even escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# the date a node is placed in time by: a meeting's first sitting, an article's day
_DATED_BY = {"Meeting": "date", "Article": "published"}


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold written as an escape (``\\x08``), so GraphML stays XML."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def _typed(value, datatype: str):
    """A property value as the Python type networkx writes as that GraphML type; None when it does not read."""
    if datatype == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if datatype == "boolean":
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    if isinstance(value, list):
        return xml_safe("; ".join(str(v) for v in value))
    return xml_safe(str(value))


def node_attributes(node: Node) -> dict:
    """The typed GraphML attributes of one node (empty values left out)."""
    attrs: dict = {"type": node.type, "label": xml_safe(node.label)}
    props = schema.NODE_TYPES[node.type].props
    for p in props:
        value = node.props.get(p.name)
        if value in (None, "", []):
            continue
        typed = _typed(value, p.datatype)
        if typed is not None:
            attrs[p.name] = typed
    day = attrs.get(_DATED_BY.get(node.type, ""))
    if isinstance(day, str) and day[:4].isdigit():
        attrs["year"] = int(day[:4])
    return attrs


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The model as a networkx multigraph with typed attributes and evidence-count weights on the edges."""
    g = nx.MultiDiGraph()
    for n in graph.nodes.values():
        g.add_node(xml_safe(n.id), **node_attributes(n))
    for e in graph.edges.values():
        attrs: dict = {"type": e.type, "weight": float(len(e.evidence))}
        if e.first_seen:
            attrs.update(first_seen=e.first_seen, last_seen=e.last_seen)
        if e.evidence:
            attrs["quote"] = xml_safe(e.evidence[0].quote)
        g.add_edge(xml_safe(e.source), xml_safe(e.target), key=e.type, **attrs)
    return g


def write_graphml(source: Store | Graph, path) -> Path:
    """GraphML that Gephi and ``networkx.read_graphml`` open, attributes typed."""
    graph = source.read_graph() if isinstance(source, Store) else source
    nx.write_graphml(to_networkx(graph), path)
    return Path(path)
