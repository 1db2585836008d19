"""Ingest: files -> articles -> findings -> graph -> store, streaming in chunks, resumable, every bad file or
record reported and skipped (see stream.py); ``read_graph`` reads a small batch into one graph in memory."""
from .articles import ArticleResult, read_article
from .memory import IngestReport, read_graph
from .sources import expand, expand_report
from .stream import CHUNK_ARTICLES, IngestStopped, Progress, ingest
from .summary import IngestSummary, Unread

__all__ = ["CHUNK_ARTICLES", "ArticleResult", "IngestReport", "IngestStopped", "IngestSummary", "Progress",
           "Unread", "expand", "expand_report", "ingest", "read_article", "read_graph"]
