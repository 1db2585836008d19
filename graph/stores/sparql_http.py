"""The SPARQL 1.1 Protocol spoken over HTTP: queries (SELECT, ASK) and updates, with one-line errors.

The standard library's urllib is enough for POSTing a query or an update and reading JSON results, so the store
adds no HTTP dependency. Every failure (no server, a refused login, an answer that is an error page, a timeout)
becomes a ``StoreError`` whose message says which server and why, in one line.
"""
from __future__ import annotations

import base64
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from govgraph.loaders.encoding import visible

from .base import StoreError

_RESULTS = "application/sparql-results+json"
_MESSAGE_CHARS = 300  # of a server's error page: enough for its parser's complaint, never a whole stack trace


@dataclass
class SparqlClient:
    """A query URL, an update URL, an optional basic-auth login and a timeout (seconds)."""

    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0

    def __post_init__(self) -> None:
        for url in (self.query_url, self.update_url):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise StoreError(f"{visible(url)!r} is not a SPARQL endpoint URL: use http://HOST:PORT/PATH "
                                 f"(Fuseki: http://HOST:3030/DATASET/query; oxigraph: http://HOST:7878/query)")

    def select(self, text: str) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
        """A SELECT query's variables and its bindings as the JSON results format gives them."""
        answer = self._json(text)
        if "results" not in answer:
            raise StoreError("only SELECT queries give rows")
        return list(answer.get("head", {}).get("vars", [])), list(answer["results"].get("bindings", []))

    def ask(self, text: str) -> bool:
        """An ASK query's answer."""
        answer = self._json(text)
        if "boolean" not in answer:
            raise StoreError(f"the SPARQL server at {visible(self.query_url)} gave no answer to an ASK query")
        return bool(answer["boolean"])

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update (one request: one transaction on the servers tested)."""
        self._post(self.update_url, text, "application/sparql-update", "*/*")

    def _json(self, text: str) -> dict[str, Any]:
        body = self._post(self.query_url, text, "application/sparql-query", _RESULTS)
        try:
            answer = json.loads(body)
        except ValueError:
            raise StoreError(f"the SPARQL server at {visible(self.query_url)} did not answer in SPARQL JSON "
                             f"(is it a SPARQL query endpoint?): {_snippet(body)}") from None
        if not isinstance(answer, dict):
            raise StoreError(f"the SPARQL server at {visible(self.query_url)} gave an answer that is not SPARQL JSON")
        return answer

    def _post(self, url: str, text: str, content_type: str, accept: str) -> bytes:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise StoreError("the query holds text that is not valid Unicode (a lone surrogate)") from None
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": f"{content_type}; charset=utf-8", "Accept": accept})
        if self.user is not None or self.password is not None:
            login = f"{self.user or ''}:{self.password or ''}".encode()
            req.add_header("Authorization", "Basic " + base64.b64encode(login).decode("ascii"))
        where = visible(url)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                return res.read()
        except urllib.error.HTTPError as exc:
            detail = _snippet(exc.read() if exc.fp is not None else b"")
            if exc.code in (401, 403):
                raise StoreError(f"the SPARQL server at {where} refused the login ({exc.code} {exc.reason}): "
                                 f"check --user and --password") from None
            if exc.code in (404, 405):  # no such path, or a path that takes no SPARQL (Fuseki's /DATASET/NAME)
                what = "nothing" if exc.code == 404 else "no SPARQL endpoint"
                raise StoreError(f"{what} at {where} ({exc.code}): check the endpoint's path (Fuseki: "
                                 f"/DATASET/query and /DATASET/update; oxigraph: /query and /update)") from None
            raise StoreError(f"the SPARQL server at {where} answered {exc.code} {exc.reason}"
                             + (f": {detail}" if detail else "")) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise StoreError(f"the SPARQL server at {where} did not answer within {self.timeout:g} s") from None
            why = getattr(reason, "strerror", None) or str(reason)
            raise StoreError(f"cannot reach the SPARQL server at {where}: {visible(str(why))}") from None
        except TimeoutError:
            raise StoreError(f"the SPARQL server at {where} did not answer within {self.timeout:g} s") from None
        except (OSError, ValueError) as exc:  # a connection reset midway, a malformed URL
            raise StoreError(f"cannot talk to the SPARQL server at {where}: {visible(' '.join(str(exc).split()))}") \
                from None


def _snippet(body: bytes) -> str:
    """The gist of an error page on one line: its text without markup, cut short."""
    text = body.decode("utf-8", "replace")
    if "<" in text and ">" in text:  # an HTML page: keep the words
        import re

        text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return visible(text[:_MESSAGE_CHARS] + ("…" if len(text) > _MESSAGE_CHARS else ""))
