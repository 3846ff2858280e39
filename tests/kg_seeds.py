"""The seeds graph, built once per test session and shared by the store, serve and export tests."""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def seeds_out() -> Path:
    """OUT/ with graph.ttl and graph.html from ``kg.pipeline.build(["seeds"])``."""
    from kg.pipeline import build, save

    tmp = Path(tempfile.mkdtemp(prefix="kg-test-seeds-"))
    atexit.register(shutil.rmtree, tmp, True)
    save(build([ROOT / "seeds"]), tmp / "out")
    return tmp / "out"
