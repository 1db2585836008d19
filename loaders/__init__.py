"""Loaders: read sources (text pages, JSON Lines, HTML) into Articles; extract/ reads Articles into findings.

The names below are imported on first use, so a command that only needs ``loaders.encoding`` (every command
prints through it) does not pay for the page splitter's patterns.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article, LoadError
    from .registry import LOADERS, Source, is_article_file, load_path, load_paths, open_source

__all__ = ["LOADERS", "Article", "LoadError", "Source", "is_article_file", "load_path", "load_paths", "open_source"]
_HOME = {"Article": ".article", "LoadError": ".article"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME.get(name, ".registry"), __name__), name)
    globals()[name] = value
    return value
