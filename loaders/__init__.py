"""Loaders: read sources (text pages, JSON Lines, HTML) into Articles; extract/ reads Articles into findings."""
from .article import Article, LoadError
from .registry import load_path, load_paths, LOADERS

__all__ = ["Article", "LoadError", "load_path", "load_paths", "LOADERS"]
