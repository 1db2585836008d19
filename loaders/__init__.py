"""Loaders: read sources (text pages, JSON Lines, HTML) into Articles; extract/ reads Articles into findings."""
from .article import Article, LoadError
from .registry import LOADERS, load_path, load_paths

__all__ = ["LOADERS", "Article", "LoadError", "load_path", "load_paths"]
