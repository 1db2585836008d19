"""``python -m govgraph.graph.cli``: the same as the ``govgraph`` command."""
from . import main

main()
