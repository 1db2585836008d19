"""``govgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, with the saved queries beside it
(endpoint.py routes, answers.py formats, negotiate.py reads Accept headers, live.py keeps the store fresh)."""
from .endpoint import EndpointServer, make_server
from .negotiate import pick

__all__ = ["EndpointServer", "make_server", "pick"]
