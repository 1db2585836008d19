"""Loaders: read sources (text pages, JSON Lines, HTML) into Articles; extract/ reads Articles into findings."""
from .article import Article, LoadError
from .registry import LOADERS, Source, is_article_file, load_path, load_paths, open_source

__all__ = ["LOADERS", "Article", "LoadError", "Source", "is_article_file", "load_path", "load_paths", "open_source"]
