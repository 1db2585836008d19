"""Saved analyst questions: NAME.rq (SPARQL) and NAME.cypher (Cypher) side by side, with one header.

Header lines at the top of the .rq file::

    # name: meetings_chaired_by
    # description: Meetings a person chaired.
    # param: person (string) — the person's name, as written
    # param: from (date) = 1900-01-01 — first day of the range

A parameter of type ``node`` is a node id as answers give it (``meeting_id``): the RDF store turns it into the
node's IRI, Neo4j matches it on the ``id`` property.

Parameters are bound by the engine (Oxigraph substitutions, Cypher $parameters), never pasted into the text.
Oxigraph binds only variables that a query projects, so each .rq selects its parameter variables too and
the runner leaves them out of the answer.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from importlib import resources
from typing import Any

# one key of a simple ORDER BY: ?x, DESC(?x), ASC(?x) or (?x = "") (undated rows last)
_ORDER_KEY = re.compile(r'(DESC|ASC)?\(\s*\?(\w+)\s*\)|\(\s*\?(\w+)\s*=\s*""\s*\)|\?(\w+)', re.IGNORECASE)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b(.*)\Z", re.IGNORECASE | re.DOTALL)
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*(?:\((\w+)\))?\s*(?:=\s*(\S+))?\s*(?:[—-]+\s*(.*))?$")


class NodeId(str):
    """A node id given as a parameter (the store decides how to find the node: an IRI, an ``id`` property)."""


class QueryError(Exception):
    """An unknown saved query or a parameter that is missing or malformed."""


# parameter types read from text: the parser, and what a value must look like
_PARSERS: dict[str, tuple[Callable[[Any], Any], str]] = {"int": (int, "an integer"), "float": (float, "a number"),
            "date": (lambda raw: date.fromisoformat(str(raw)), "a date like 2021-04-22")}


@dataclass
class Param:
    name: str
    type: str = "string"
    default: str | None = None
    description: str = ""

    def convert(self, raw):
        """Turn the text given on the command line into the parameter's type."""
        if self.type == "node":
            return NodeId(raw)
        if self.type == "bool":
            if str(raw).lower() not in ("true", "false"):
                raise QueryError(f"parameter {self.name} must be true or false, got {raw!r}")
            return str(raw).lower() == "true"
        if self.type in _PARSERS:
            parse, what = _PARSERS[self.type]
            try:
                return parse(raw)
            except ValueError as exc:
                raise QueryError(f"parameter {self.name} must be {what}, got {raw!r}") from exc
        return str(raw)


PARAM_TYPES = ("string", "int", "float", "bool", "date", "node")


def own_params(pairs) -> dict:
    """Parameters of one's own query from ``KEY=VALUE`` (a string) or ``KEY:TYPE=VALUE`` texts, typed.

    TYPE is one of string, int, float, bool, date or node (a node id as answers give it)."""
    out: dict = {}
    for kv in pairs:
        key, sep, raw = str(kv).partition("=")
        if not sep:
            raise QueryError(f"--param needs KEY=VALUE or KEY:TYPE=VALUE, got {kv!r}")
        name, _, kind = key.strip().partition(":")
        kind = kind.strip() or "string"
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"parameter name {name!r} is not a variable name")
        if kind not in PARAM_TYPES:
            raise QueryError(f"parameter type {kind!r} unknown; one of {', '.join(PARAM_TYPES)}")
        out[name] = Param(name, kind).convert(raw)
    return out


@dataclass(frozen=True)
class OrderKey:
    """One key of an ORDER BY: a column, descending or not; ``empty_last`` is the (?x = "") test."""

    column: str
    desc: bool = False
    empty_last: bool = False


def sort_rows(cols: list[str], rows: list[tuple], keys: list[OrderKey]) -> list[tuple]:
    """Rows in the order ``keys`` say, as SPARQL orders them (code points, false before true, unbound first)."""
    out = list(rows)
    for key in reversed(keys):  # a stable sort per key, the last key first
        i = cols.index(key.column)
        if key.empty_last:
            out.sort(key=partial(_is_empty, i))
        else:
            out.sort(key=partial(_bound_first, i), reverse=key.desc)
    return out


def _is_empty(i: int, row: tuple) -> bool:
    return row[i] == ""


def _bound_first(i: int, row: tuple) -> tuple:
    return (row[i] is not None, row[i] if row[i] is not None else 0)


@dataclass
class SavedQuery:
    name: str
    description: str
    params: list[Param] = field(default_factory=list)
    sparql: str = ""
    cypher: str | None = None

    def text_for(self, languages) -> str | None:
        """The query in the first of ``languages`` it is written in (SPARQL before Cypher)."""
        if "sparql" in languages and self.sparql:
            return self.sparql
        if "cypher" in languages and self.cypher:
            return self.cypher
        return None

    @property
    def ordered(self) -> bool:
        """True when the answer has a meaningful order (the query says ORDER BY)."""
        return "ORDER BY" in self.sparql.upper()

    def split_order(self) -> tuple[str, list[OrderKey]] | None:
        """The SPARQL without its closing ORDER BY, and that order as keys a caller can sort rows by; None when
        the order is not a plain list of variables, DESC(?x) and (?x = "") tests.

        Oxigraph compares long strings by reading them back from disk, so the embedded store sorts a saved
        query's answer itself (the same order: code points, false before true, unbound first)."""
        m = _ORDER_BY.search(self.sparql)
        if not m:
            return None
        keys: list[OrderKey] = []
        rest = m.group(1)
        for k in _ORDER_KEY.finditer(rest):
            direction, in_call, tested, plain = k.groups()
            if tested:
                keys.append(OrderKey(tested, empty_last=True))
            else:
                keys.append(OrderKey(in_call or plain, desc=(direction or "").upper() == "DESC"))
        if _ORDER_KEY.sub("", rest).strip() or not keys:
            return None
        return self.sparql[:m.start()], keys

    def bind(self, given: dict[str, str]) -> dict:
        """Typed parameter values: the given ones, defaults for the rest; a missing one is named."""
        unknown = set(given) - {p.name for p in self.params}
        if unknown:
            raise QueryError(f"query {self.name} has no parameter {', '.join(sorted(unknown))}; "
                             f"its parameters: {', '.join(p.name for p in self.params) or 'none'}")
        out = {}
        for p in self.params:
            if p.name in given:
                out[p.name] = p.convert(given[p.name])
            elif p.default is not None:
                out[p.name] = p.convert(p.default)
            else:
                raise QueryError(f"query {self.name} needs parameter {p.name!r} ({p.description}); "
                                 f"pass --param {p.name}=VALUE")
        return out


def _parse(name: str, sparql: str, cypher: str | None) -> SavedQuery:
    q = SavedQuery(name=name, description="", sparql=sparql, cypher=cypher)
    for line in sparql.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# description:"):
            q.description = line.split(":", 1)[1].strip()
        m = _PARAM.match(line)
        if m:
            default = m.group(3)
            if default in ('""', "''"):
                default = ""
            q.params.append(Param(m.group(1), m.group(2) or "string", default, (m.group(4) or "").strip()))
    return q


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query shipped in this package, by name."""
    root = resources.files(__name__)
    out = {}
    for f in sorted(root.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".rq"):
            name = f.name[:-3]
            cy = root / f"{name}.cypher"
            out[name] = _parse(name, f.read_text(encoding="utf-8"),
                               cy.read_text(encoding="utf-8") if cy.is_file() else None)
    return out


def get_query(name: str) -> SavedQuery:
    """A saved query by name; an unknown name lists the known ones."""
    qs = saved_queries()
    if name not in qs:
        raise QueryError(f"no saved query {name!r}; known queries: {', '.join(qs)}")
    return qs[name]
