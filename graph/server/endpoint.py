"""A read-only HTTP endpoint over a store: the SPARQL 1.1 Protocol at /sparql, the saved queries at /queries.

Routes:

- ``GET /sparql?query=…`` and ``POST /sparql`` (a form with ``query``, or the query as the body with
  ``Content-Type: application/sparql-query``): SELECT and ASK answers as SPARQL JSON, XML, CSV or TSV,
  CONSTRUCT and DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD, as the Accept header asks. The prefixes the
  CLI knows (gg:, rdfs:, …) are known here too.
- ``GET /queries``: the saved queries with their parameters, as JSON.
- ``GET /queries/NAME?param=value``: a saved query's answer (JSON rows, SPARQL JSON or CSV);
  ``/queries/NAME.rq`` and ``NAME.cypher`` give its text, to run or adapt elsewhere.
- ``POST /update`` is refused: the store is written by ``govgraph ingest``, never through the endpoint.

Every error is a status and one line of text; nothing of the server's insides reaches the client.
"""
from __future__ import annotations

import html
import json
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from govgraph.queries import QueryError, get_query, saved_queries

from ..stores import StoreError
from . import answers
from .live import LiveStore
from .negotiate import pick

MAX_BODY = 1 << 20  # a query longer than a megabyte is a mistake, not a question


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status


class Handler(BaseHTTPRequestHandler):
    """One request: route it, answer it, or refuse it with a status and a line of text."""

    server: EndpointServer
    protocol_version = "HTTP/1.1"
    server_version = "govgraph"
    # headers and body go out as two writes; with Nagle's algorithm on, a kept-alive client's delayed ACK then
    # holds every answer back by 40 ms
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def do_HEAD(self) -> None:
        self._answer("GET", head=True)

    def do_OPTIONS(self) -> None:  # a browser's preflight before it POSTs a query (YASGUI on another page)
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain", allow="GET, POST, OPTIONS")

    def _answer(self, method: str, head: bool = False) -> None:
        url = urlsplit(self.path)
        try:
            body = self._body() if method == "POST" else b""
            status, data, media_type = self._route(method, url.path, parse_qs(url.query), body)
        except _Refused as exc:
            status, data, media_type = exc.status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8"
        except Exception as exc:  # a bug must not take the server down, nor show its insides
            print(f"govgraph serve: {type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
            status, data, media_type = HTTPStatus.INTERNAL_SERVER_ERROR, b"internal error\n", "text/plain"
        self._send(status, b"" if head else data, media_type, length=len(data))

    def _send(self, status: HTTPStatus, data: bytes, media_type: str, *, length: int | None = None,
              allow: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        if allow:
            self.send_header("Allow", allow)
            self.send_header("Access-Control-Allow-Methods", allow)
        self.send_header("Vary", "Accept")
        self.end_headers()
        if data:
            self.wfile.write(data)

    def _body(self) -> bytes:
        try:
            size = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise _Refused(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        if size > MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a request body is at most {MAX_BODY} bytes")
        return self.rfile.read(size)

    def _route(self, method: str, path: str, args: dict[str, list[str]], body: bytes):
        if path in ("/", "/index.html") and method == "GET":
            return HTTPStatus.OK, _index().encode("utf-8"), "text/html; charset=utf-8"
        if path == "/sparql":
            return self._sparql(method, args, body)
        if path == "/update":
            raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: the store is written by govgraph ingest")
        if path in ("/queries", "/queries/") and method == "GET":
            listing = [{"name": q.name, "description": q.description,
                        "languages": ["sparql"] + (["cypher"] if q.cypher else []),
                        "params": [{"name": p.name, "type": p.type, "default": p.default,
                                    "description": p.description} for p in q.params]}
                       for q in saved_queries().values()]
            return HTTPStatus.OK, json.dumps(listing, ensure_ascii=False).encode("utf-8"), "application/json"
        if path.startswith("/queries/") and method == "GET":
            return self._saved(path[len("/queries/"):], args)
        raise _Refused(HTTPStatus.NOT_FOUND, f"nothing at {path}: try /sparql, /queries or /")

    def _sparql(self, method: str, args: dict[str, list[str]], body: bytes):
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST" and content_type == "application/sparql-query":
            text = body.decode("utf-8", "replace")
        elif method == "POST" and content_type == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"))
            if "update" in form:
                raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not run")
            text = _one(form, "query")
        elif method == "POST" and content_type == "application/sparql-update":
            raise _Refused(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not run")
        elif method == "POST":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                           "POST a query as application/sparql-query or as a form (application/x-www-form-urlencoded)")
        else:
            text = _one(args, "query")
        if args.get("default-graph-uri") or args.get("named-graph-uri"):
            raise _Refused(HTTPStatus.BAD_REQUEST, "default-graph-uri and named-graph-uri are not supported here: "
                                                   "name graphs in the query (FROM, GRAPH)")
        with self.server.live.use() as store:
            if "sparql" not in store.languages:
                raise _Refused(HTTPStatus.NOT_FOUND, "this store answers Cypher: its saved queries are at /queries")
            try:
                if hasattr(store, "native_query"):
                    result = store.native_query(text)
                    offered = list(answers.GRAPH_TYPES if _is_graph(result) else answers.RESULT_TYPES)
                    media_type = self._accept(offered)
                    return HTTPStatus.OK, answers.native(result, media_type), _typed(media_type)
                cols, found = store.query(text)
            except StoreError as exc:
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
        media_type = self._accept([answers.SPARQL_JSON, "text/csv", "application/json"])
        if media_type == "application/json":
            media_type = answers.SPARQL_JSON
        return HTTPStatus.OK, answers.rows(cols, found, media_type), _typed(media_type)

    def _saved(self, name: str, args: dict[str, list[str]]):
        for suffix, lang in ((".rq", "sparql"), (".cypher", "cypher")):
            if name.endswith(suffix):
                q = self._query(name[: -len(suffix)])
                text = q.sparql if lang == "sparql" else q.cypher
                if not text:
                    raise _Refused(HTTPStatus.NOT_FOUND, f"{q.name} has no {lang} version")
                media = "application/sparql-query" if lang == "sparql" else "text/plain"
                return HTTPStatus.OK, text.encode("utf-8"), media + "; charset=utf-8"
        q = self._query(name)
        try:
            bound = q.bind({k: _one(args, k) for k in args})
        except QueryError as exc:
            raise _Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
        media_type = self._accept(answers.ROW_TYPES)
        with self.server.live.use() as store:
            try:
                cols, found = store.run(q, bound)
            except StoreError as exc:
                raise _Refused(HTTPStatus.BAD_REQUEST, str(exc)) from None
        return HTTPStatus.OK, answers.rows(cols, found, media_type), _typed(media_type)

    @staticmethod
    def _query(name: str):
        try:
            return get_query(name)
        except QueryError as exc:
            raise _Refused(HTTPStatus.NOT_FOUND, str(exc)) from None

    def _accept(self, offered: list[str]) -> str:
        chosen = pick(self.headers.get("Accept"), offered)
        if chosen is None:
            raise _Refused(HTTPStatus.NOT_ACCEPTABLE, "this answer can be given as " + ", ".join(offered))
        return chosen

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


def _one(args: dict[str, list[str]], key: str) -> str:
    values = args.get(key) or []
    if len(values) != 1:
        raise _Refused(HTTPStatus.BAD_REQUEST, f"give exactly one {key}" + (f" (got {len(values)})" if values else ""))
    return values[0]


def _is_graph(result) -> bool:
    import pyoxigraph as ox

    return isinstance(result, ox.QueryTriples)


def _typed(media_type: str) -> str:
    return media_type + ("; charset=utf-8" if media_type.startswith("text/") or "json" in media_type else "")


def _index() -> str:
    items = "".join(f'<li><a href="/queries/{html.escape(q.name)}.rq">{html.escape(q.name)}</a>: '
                    f"{html.escape(q.description)}</li>" for q in saved_queries().values())
    return ("<!doctype html><meta charset=utf-8><title>govgraph endpoint</title>"
            "<h1>govgraph</h1><p>SPARQL 1.1 endpoint: <code>/sparql</code> (read-only). "
            "Saved queries as JSON: <a href=/queries><code>/queries</code></a>; run one at "
            f"<code>/queries/NAME?param=value</code>.</p><ul>{items}</ul>")


class EndpointServer(ThreadingHTTPServer):
    """The HTTP server with the store it reads."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], live: LiveStore, *, verbose: bool = False):
        self.live = live  # before binding: a port that is taken closes the server (and the store) at once
        self.verbose = verbose
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.live.close()


def make_server(opener, *, host: str = "127.0.0.1", port: int = 7878, folder: Path | None = None,
                verbose: bool = False) -> EndpointServer:
    """A server over the store ``opener`` opens (again, when ``folder`` shows a newer ingest); port 0 picks one."""
    return EndpointServer((host, port), LiveStore(opener, folder), verbose=verbose)
