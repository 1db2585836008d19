"""govgraph view: the graph, or a part of it, as one interactive HTML page that works offline."""
from __future__ import annotations

from pathlib import Path

import click

from ..stores import StoreError
from .common import fail, open_from_options, store_options


def filter_options(f):
    """The options that say which meetings count: --body, --place, --from, --to, --type."""
    f = click.option("--body", default="", help="Only meetings of bodies whose name contains this (市政府).")(f)
    f = click.option("--place", default="", help="Only meetings of bodies of this place (衡阳市, 湖南省, 430400).")(f)
    f = click.option("--from", "date_from", default="", help="Only meetings on or after this day (2023-01-01).")(f)
    f = click.option("--to", "date_to", default="", help="Only meetings on or before this day (2023-12-31).")(f)
    f = click.option("--type", "types", multiple=True,
                     help="Draw only nodes of this type (Person, Body, Post, Meeting, Document, Article); repeat.")(f)
    return f


def make_filters(body, place, date_from, date_to, types=()):
    """Filters from the options; a bad day, place or type is a one-line error."""
    from ..subgraph import Filters, SelectionError

    try:
        f = Filters(body=body, place=place, date_from=date_from, date_to=date_to, types=tuple(types))
        f.place_prefix  # noqa: B018 (an unknown place fails here, before any query)
    except SelectionError as exc:
        fail(str(exc))
    return f


@click.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--title", default="govgraph", help="Page title.")
@click.option("--person", default=None, help="Draw this person's ego network (a name or a person id).")
@click.option("--hops", type=click.IntRange(1, 6), default=2, show_default=True, help="How far --person reaches.")
@click.option("--co-attendance", "co_att", is_flag=True, help="Draw people linked by meetings they attended together.")
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True,
              help="With --co-attendance: least number of meetings two people share to be linked.")
@click.option("--timeline", default=None, help="Draw this body's meetings in date order with chairs and documents.")
@click.option("--max-nodes", type=click.IntRange(1), default=None,
              help="Draw at most this many nodes (default 3000); the page says what was left out.")
@filter_options
@store_options
def view(output, title, person, hops, co_att, min_count, timeline, max_nodes, body, place, date_from, date_to, types,
         store_path, neo4j_uri, backend, user, password):
    """Write an interactive HTML view (one file, works offline): the graph or a filtered part, a person's ego
    network, the co-attendance network, or a body's meetings over time."""
    from ..subgraph import DEFAULT_MAX_NODES, SelectionError
    from ..views import render_view
    from ..views.build import co_attendance_view, ego_view, filtered_view, timeline_view

    if sum(x is not None and x is not False for x in (person, timeline, co_att or None)) > 1:
        fail("choose one of --person, --co-attendance and --timeline")
    f = make_filters(body, place, date_from, date_to, types)
    cap = max_nodes or DEFAULT_MAX_NODES
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            if person:
                v = ego_view(store, person, hops, f, cap, title)
            elif timeline:
                v = timeline_view(store, timeline, f, cap, title)
            elif co_att:
                v = co_attendance_view(store, f, cap, min_count=min_count, title=title)
            else:
                v = filtered_view(store, f, cap, title)
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    render_view(v, output)
    n_edges = len(v.graph.edges) + len(v.links)
    click.echo(f"wrote {output} ({len(v.graph.nodes)} nodes, {n_edges} edges)")
    for line in v.left_out:
        click.echo(f"left out: {line}")


COMMANDS = [view]
