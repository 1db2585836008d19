"""The ``govgraph`` command: a click group of thin commands over the library, one module per job.

A new command is a ``click.command`` in the module for its job (or a new module) listed in its ``COMMANDS``;
tests/test_cli.py checks that every command has help text.
"""
from __future__ import annotations

import logging

import click

from . import analyzing, exporting, extraction, ingesting, querying, serving, viewing
from .common import SafeGroup, format_rows

__all__ = ["format_rows", "main"]


@click.group(cls=SafeGroup)
@click.version_option(package_name="govgraph")
def main():
    """govgraph: a knowledge graph of Chinese government meetings, read from newspaper reports."""
    # The Neo4j driver logs each failed connection attempt; a StoreError already says it once, in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    logging.getLogger("neo4j").propagate = False


for _module in (ingesting, extraction, querying, serving, exporting, viewing, analyzing):
    for _command in _module.COMMANDS:
        main.add_command(_command)
