"""Write a graph as Turtle: readable prefixes, byte-identical for the same graph, never half-written."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph


def turtle_bytes(g: Graph) -> bytes:
    """Serialise to Turtle. rdflib sorts subjects and predicates; with no blank nodes the
    output depends only on the triples."""
    return g.serialize(format="turtle", encoding="utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_turtle(g: Graph, path: Path) -> None:
    write_atomic(Path(path), turtle_bytes(g))
