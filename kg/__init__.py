"""kg — a knowledge-graph builder for Chinese text.

The pipeline, in order (one module or folder per step):

1. ``kg.read``       files and folders → decoded text (UTF-8, GB18030, UTF-16)
2. ``kg.clean``      OCR clean-up, keeping a map to original offsets
3. ``kg.split``      sentences
4. ``kg.recognize``  entity mentions (one component per recogniser, then ``overlaps``)
5. ``kg.relate``     relations between mentions, with evidence
6. ``kg.resolve``    one entity per real thing, across documents
7. ``kg.write``      RDF (rdflib), IRIs, Turtle
8. ``kg.viewer``     interactive HTML

``kg.extract(text)`` runs steps 2–5 on one document (a pure function); ``kg.build(paths)``
runs everything and returns the merged graph.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import jieba

jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines would clutter every run

if TYPE_CHECKING:
    from .pipeline import BuildResult, build, extract, save
    from .query import load_graph, run_query

__version__ = "0.1.0"
__all__ = ["build", "extract", "save", "BuildResult", "load_graph", "run_query"]

# Imported on first use: the pipeline loads jieba's tagger tables (about a second), which
# `kg query`, `kg serve` and `kg export` never need.
_LAZY = {"build": "pipeline", "extract": "pipeline", "save": "pipeline", "BuildResult": "pipeline",
         "load_graph": "query", "run_query": "query"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
