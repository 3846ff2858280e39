"""Step 7 — write: the merged RDF graph (rdflib) and its Turtle file."""
from __future__ import annotations

from .graph import to_graph
from .iris import Minter, check_base
from .namespaces import DEFAULT_BASE, KG, bind_prefixes
from .turtle import turtle_bytes, write_turtle
from .validate import validate, violations

__all__ = ["to_graph", "Minter", "check_base", "DEFAULT_BASE", "KG", "bind_prefixes", "turtle_bytes",
           "write_turtle", "validate", "violations"]
