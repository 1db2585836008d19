"""govgraph."""
