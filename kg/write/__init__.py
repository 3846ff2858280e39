"""Step 7 — write: the merged RDF graph (rdflib) and its Turtle file."""
from __future__ import annotations

from .graph import to_graph
from .iris import Minter
from .namespaces import DEFAULT_BASE, KG, bind_prefixes
from .turtle import write_turtle

__all__ = ["to_graph", "Minter", "DEFAULT_BASE", "KG", "bind_prefixes", "write_turtle"]
