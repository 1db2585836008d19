"""Views: self-contained offline HTML pages of the graph or a part of it, each chosen by a bounded query.

``page`` renders a ``View`` (a model graph, links, sizes, groups, what was left out) into one HTML file;
``layout`` places the nodes; ``fonts`` embeds the CJK glyphs the page uses; ``style`` says how things look and
read; ``build`` turns a store selection (``graph/subgraph.py``) into a View.
"""
from __future__ import annotations

from .layout import grouped_layout, layout, layout_nodes, timeline_layout
from .page import Link, View, page_data, render_html, render_view
from .style import EDGE_GLOSS, NODE_STYLE, edge_reading

__all__ = ["EDGE_GLOSS", "NODE_STYLE", "Link", "View", "edge_reading", "grouped_layout", "layout", "layout_nodes",
           "page_data", "render_html", "render_view", "timeline_layout"]
