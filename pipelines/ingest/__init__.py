"""Ingestion: input files -> clean articles (ParsedArticle) and rejections. Pure Python.

Public entry points (see each module):
    parse_file, discover_files      files.py     one input file / the landing folder
    parse_feed                      feeds.py     RSS / Atom, local file or URL
    extract_html                    html.py      body + metadata of one HTML page
    parse_paths                     preview.py   `presswatch parse FILE…` records
    link_near_duplicates, signature_rows, DuplicateIndex   dedupe.py
    normalise_text, article_id_for  normalise.py
    cut_boilerplate                 boilerplate.py (rules: rules/boilerplate.yaml)
"""

from pipelines.ingest.api import ParsedArticle, ParsedFile, Rejection
from pipelines.ingest.boilerplate import cut_boilerplate
from pipelines.ingest.dedupe import DuplicateIndex, link_near_duplicates, signature_rows
from pipelines.ingest.feeds import parse_feed
from pipelines.ingest.files import discover_files, parse_file
from pipelines.ingest.html import extract_html
from pipelines.ingest.normalise import article_id_for, normalise_text
from pipelines.ingest.preview import parse_paths

__all__ = [
    "DuplicateIndex", "ParsedArticle", "ParsedFile", "Rejection", "article_id_for", "cut_boilerplate",
    "discover_files", "extract_html", "link_near_duplicates", "normalise_text", "parse_feed",
    "parse_file", "parse_paths", "signature_rows",
]
