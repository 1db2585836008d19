"""The part of the graph a view or an analysis works on, chosen by bounded queries in the store's own language.

``Filters`` say which meetings count (body, place, date range) and which node types are drawn; ``select_*``
pick a part of the graph around an anchor up to a cap on nodes and say what was left out; ``co_attendance``
counts who sat with whom. Each question has a SPARQL form (``sparql.py``) and a Cypher form (``cypher.py``),
with every value bound as a parameter.
"""
from __future__ import annotations

from .coattendance import CoAttendance, co_attendance
from .filters import DEFAULT_MAX_NODES, Filters, Selection, SelectionError
from .select import find_one, reader_for, select_ego, select_filtered, select_timeline

__all__ = ["DEFAULT_MAX_NODES", "CoAttendance", "Filters", "Selection", "SelectionError", "co_attendance",
           "find_one", "reader_for", "select_ego", "select_filtered", "select_timeline"]
