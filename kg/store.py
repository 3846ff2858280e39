"""A persistent Oxigraph store beside the Turtle: SPARQL runs in Rust, rdflib stays the building API.

``kg build --store`` writes OUT/store (a RocksDB folder plus ``kg-store.json``, which records the
hash of the graph.ttl it was loaded from). ``kg serve`` and ``kg query`` open it read-only, so
several readers can share it while a rebuild swaps in a new one.

>>> import tempfile, pathlib
>>> from rdflib import Graph
>>> g = Graph().parse(data='<urn:a> <urn:p> "x" .', format="turtle")
>>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> write_store(g, d)
1
>>> [str(r["o"].value) for r in open_store(d).query("SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .write.namespaces import DEFAULT_BASE, query_prefixes

META = "kg-store.json"


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every query may use without declaring them (the same as ``kg query``'s)."""
    return query_prefixes(base)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_store(source: Graph | str | Path, directory: str | Path) -> int:
    """Load a graph (an rdflib Graph or a Turtle/N-Triples file) into a fresh store at ``directory``.

    The store is built beside ``directory`` and renamed into place, so a reader never sees a
    half-loaded store and a failed load leaves the old one intact. Returns the number of triples.
    """
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}."))
    try:
        store = ox.Store(str(tmp))
        meta: dict = {}
        if isinstance(source, Graph):
            store.bulk_load(source.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        else:
            src = Path(source)
            fmt = ox.RdfFormat.from_extension(src.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
            try:
                store.bulk_load(path=str(src), format=fmt)
            except SyntaxError as e:
                raise ValueError(f"{src}: not valid {fmt.name}: {e}") from None
            meta = {"source": str(src.resolve()), "sha256": _sha256(src)}
        store.flush()
        meta["triples"] = n = len(store)
        del store  # release the RocksDB lock before the rename
        (tmp / META).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        old = None
        if directory.exists():
            old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
            os.replace(directory, old)
        os.replace(tmp, directory)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return n
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def is_store(directory: str | Path) -> bool:
    """True if ``directory`` holds an Oxigraph (RocksDB) store."""
    d = Path(directory)
    return d.is_dir() and (d / "CURRENT").is_file() and (d / "IDENTITY").is_file()


def open_store(directory: str | Path) -> ox.Store:
    """Open a store read-only: many processes may do so at once, none can change it."""
    if not is_store(directory):
        raise FileNotFoundError(f"{directory}: not an Oxigraph store (run `kg build --store`)")
    return ox.Store.read_only(str(directory))


def find_store(target: str | Path, warn=lambda m: print(f"warning: {m}", file=sys.stderr)) -> Path | None:
    """The store to use for ``target``: the folder itself if it is a store, else OUT/store if it
    exists and was loaded from the current OUT/graph.ttl (a stale one is reported and skipped)."""
    t = Path(target)
    if is_store(t):
        return t
    s = t / "store"
    if not is_store(s):
        return None
    ttl = t / "graph.ttl"
    try:
        meta = json.loads((s / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if ttl.exists() and meta.get("sha256") and meta["sha256"] != _sha256(ttl):
        warn(f"{s} was loaded from an older {ttl}; using {ttl} (rebuild with --store to refresh)")
        return None
    return s


def load_memory_store(path: str | Path) -> ox.Store:
    """An in-memory store from a Turtle/N-Triples file (or OUT/graph.ttl)."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such graph (run `kg build` first)")
    store = ox.Store()
    store.bulk_load(path=str(p), format=ox.RdfFormat.from_extension(p.suffix.lstrip(".")) or ox.RdfFormat.TURTLE)
    return store


def open_any(target: str | Path) -> ox.Store:
    """A store for OUT, a store folder or a graph file: the persistent store if fresh, else a load."""
    s = find_store(target)
    return open_store(s) if s is not None else load_memory_store(target)


def rdflib_graph(store: ox.Store) -> Graph:
    """An rdflib Graph over the store's default graph (via oxrdflib): ``graph.query`` runs on Oxigraph."""
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)


def query(store: ox.Store, sparql: str, base: str = DEFAULT_BASE):
    """Run a SPARQL query with the common prefixes predeclared; raises SyntaxError on a bad query."""
    return store.query(sparql, prefixes=prefixes(base))
