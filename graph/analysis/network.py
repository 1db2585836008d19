"""Degree, betweenness and eigenvector centrality and Louvain communities of the co-attendance network."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..subgraph import CoAttendance

EXACT_BETWEENNESS = 1500  # above this many people, betweenness is estimated from this many sampled sources


@dataclass
class Centrality:
    """One row per person, and the communities (biggest first)."""

    columns: list[str]
    rows: list[tuple]
    community: dict[str, int]
    betweenness: dict[str, float]
    graph: nx.Graph


def network(co: CoAttendance) -> nx.Graph:
    """The co-attendance network as a weighted networkx graph (weight = meetings together)."""
    g = nx.Graph()
    g.add_nodes_from(co.people)
    g.add_weighted_edges_from((a, b, n) for (a, b), n in co.pairs.items())
    for (a, b), n in co.pairs.items():
        g[a][b]["distance"] = 1.0 / n  # often together = close, for shortest paths
    return g


def centrality(co: CoAttendance, *, seed: int = 7) -> Centrality:
    """Every person's meetings, co-attendees, weighted degree, betweenness, eigenvector centrality, community.

    Betweenness follows shortest paths where a pair that met often is close (distance 1/count); above
    EXACT_BETWEENNESS people it is estimated from that many sampled sources (networkx's ``k``), which keeps it
    to seconds. Eigenvector centrality is computed per connected component and scaled by the component's share
    of people, so isolated pairs do not score like the centre of the main network.
    """
    g = network(co)
    g.remove_nodes_from([p for p in list(g) if g.degree(p) == 0])
    n = g.number_of_nodes()
    if n == 0:
        return Centrality(_COLUMNS, [], {}, {}, g)
    k = None if n <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    between = nx.betweenness_centrality(g, k=k, weight="distance", seed=seed)
    eigen: dict[str, float] = {}
    for comp in nx.connected_components(g):
        sub = g.subgraph(comp)
        if len(comp) < 3:
            eigen.update(dict.fromkeys(comp, 0.0))
            continue
        try:
            vals = nx.eigenvector_centrality(sub, weight="weight", max_iter=500, tol=1e-6)
        except nx.PowerIterationFailedConvergence:
            vals = nx.eigenvector_centrality(sub, weight=None, max_iter=2000, tol=1e-4)
        share = len(comp) / n
        eigen.update({p: v * share for p, v in vals.items()})
    comms = sorted(nx.community.louvain_communities(g, weight="weight", seed=seed), key=lambda c: (-len(c), min(c)))
    community = {p: i for i, c in enumerate(comms) for p in c}
    rows = []
    for p in g:
        rows.append((co.people.get(p, p), p, len(co.meetings.get(p, ())), g.degree(p),
                     int(g.degree(p, weight="weight")), round(between.get(p, 0.0), 6), round(eigen.get(p, 0.0), 6),
                     community[p] + 1))
    rows.sort(key=lambda r: (-r[5], -r[4], r[1]))
    return Centrality(_COLUMNS, rows, community, between, g)


_COLUMNS = ["person", "id", "meetings", "co_attendees", "weighted_degree", "betweenness", "eigenvector", "community"]
