"""One build of the sample articles per test session, shared by the write, ontology, query,
store, serve and export tests.

Built from the repository root with the relative path ``seeds`` (as README command 1 does), so
the bytes do not depend on where the tests are run from. Tests must not change the graph:
take ``copy_graph()`` to mutate one.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@lru_cache(maxsize=1)
def seeds_build():
    from kg.pipeline import build

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return build(["seeds"])
    finally:
        os.chdir(old)


@lru_cache(maxsize=1)
def seeds_turtle() -> bytes:
    from kg.write.turtle import turtle_bytes

    return turtle_bytes(seeds_build().graph)


@lru_cache(maxsize=1)
def seeds_out() -> Path:
    """OUT/ with graph.ttl and graph.html of the same build."""
    from kg.pipeline import save

    tmp = Path(tempfile.mkdtemp(prefix="kg-test-seeds-"))
    atexit.register(shutil.rmtree, tmp, True)
    save(seeds_build(), tmp / "out")
    return tmp / "out"


def copy_graph() -> Graph:
    g = Graph()
    for p, ns in seeds_build().graph.namespaces():
        g.bind(p, ns)
    for t in seeds_build().graph:
        g.add(t)
    return g
