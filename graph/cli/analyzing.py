"""govgraph analyze: centrality and communities of the co-attendance network, leadership turnover, activity."""
from __future__ import annotations

from pathlib import Path

import click

from ..stores import StoreError
from .common import fail, format_rows, open_from_options, store_options
from .viewing import filter_options, make_filters

FORMATS = click.Choice(["table", "csv", "json"])


@click.group()
def analyze():
    """Network measures: centrality and communities, leadership turnover, meetings per body per month."""


def _emit(cols, rows, fmt, output):
    text = format_rows(cols, rows, fmt)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output} ({len(rows)} rows)")
    else:
        click.echo(text, nl=False)


@analyze.command()
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True,
              help="Least number of meetings two people share to be linked.")
@click.option("--top", type=click.IntRange(0), default=0, help="Print only the first N rows (by betweenness).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write the rows to a file.")
@click.option("--view", "view_path", type=click.Path(path_type=Path), default=None,
              help="Also write an HTML view coloured by community and sized by betweenness.")
@click.option("--max-nodes", type=click.IntRange(1), default=None, help="People drawn in --view at most.")
@filter_options
@store_options
def centrality(min_count, top, fmt, output, view_path, max_nodes, body, place, date_from, date_to, types,
               store_path, neo4j_uri, backend, user, password):
    """Degree, betweenness and eigenvector centrality and Louvain communities of the co-attendance network."""
    from ..analysis import centrality as measure
    from ..subgraph import DEFAULT_MAX_NODES, SelectionError, co_attendance

    f = make_filters(body, place, date_from, date_to, types)
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            co = co_attendance(store, f, min_count=min_count)
            c = measure(co)
            if view_path:
                from ..views import render_view
                from ..views.build import co_attendance_view

                most = max(c.betweenness.values(), default=0.0) or 1.0
                sizes = {p: 10 + 30 * (v / most) ** 0.5 for p, v in c.betweenness.items()}
                v = co_attendance_view(store, f, max_nodes or DEFAULT_MAX_NODES, min_count=min_count, co=co,
                                       sizes=sizes, groups=c.community,
                                       subtitle="co-attendance: colour = community, size = betweenness")
                render_view(v, view_path)
                click.echo(f"wrote {view_path} ({len(v.graph.nodes)} people, {len(v.links)} links)")
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    _emit(c.columns, c.rows[:top] if top else c.rows, fmt, output)


@analyze.command()
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--changes", is_flag=True, help="List each change of chair instead of each chair's span.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write the rows to a file.")
@filter_options
@store_options
def turnover(fmt, changes, output, body, place, date_from, date_to, types, store_path, neo4j_uri, backend, user,
             password):
    """Leadership turnover per body: its chairs with first and last seen, or (--changes) the days it changed."""
    from ..analysis import turnover as measure
    from ..subgraph import SelectionError

    f = make_filters(body, place, date_from, date_to, types)
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            t = measure(store, f)
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    if changes:
        _emit(t.change_columns, t.changes, fmt, output)
    else:
        _emit(t.chair_columns, t.chairs, fmt, output)


@analyze.command()
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None, help="Write the rows to a file.")
@click.option("--plot", type=click.Path(path_type=Path), default=None,
              help="Also write the counts as an SVG heat map (busiest bodies by month).")
@filter_options
@store_options
def activity(fmt, output, plot, body, place, date_from, date_to, types, store_path, neo4j_uri, backend, user,
             password):
    """Meetings per body per month, as rows and (--plot) as an SVG heat map."""
    from ..analysis import activity_svg, meetings_per_month
    from ..subgraph import SelectionError

    f = make_filters(body, place, date_from, date_to, types)
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            cols, rows = meetings_per_month(store, f)
    except (StoreError, SelectionError) as exc:
        fail(str(exc))
    if plot:
        activity_svg(rows, plot)
        click.echo(f"wrote {plot}")
    _emit(cols, rows, fmt, output)


COMMANDS = [analyze]
