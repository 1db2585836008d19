"""Network measures an analyst asks for: centrality and communities of the co-attendance network, leadership
turnover per body, and meetings per body per month (with a plot). Each works on bounded query results
(``graph/subgraph``), never on the whole store read back."""
from __future__ import annotations

from .activity import activity_svg, meetings_per_month
from .network import centrality
from .turnover import turnover

__all__ = ["activity_svg", "centrality", "meetings_per_month", "turnover"]
