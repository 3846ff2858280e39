"""The pipeline, end to end.

``extract`` is a pure function of one file's text (read → clean → split → recognize → relate),
so it can run on many processes or a Dask cluster; ``build`` then merges the results
(resolve → write) into one graph.

>>> doc = extract("北仑区委组织部在北仑区召开会议。", path="a.txt")
>>> sorted({m.type for m in doc.mentions}) != []
True
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph

from .clean import clean
from .doc import Doc
from .read import ReadError, find_inputs, read_file
from .recognize import recognize
from .relate import relate
from .resolve import Resolution, resolve
from .split import split
from .write import DEFAULT_BASE, to_graph


def extract(text: str, path: str = "<text>", encoding: str = "utf-8") -> Doc:
    """Extract mentions, relations and evidence from one document's text. Pure: no I/O."""
    doc = Doc(path=path, raw=text, encoding=encoding)
    return relate(recognize(split(clean(doc))))


def extract_doc(doc: Doc) -> Doc:
    """Same as ``extract`` for a Doc that ``read_file`` returned."""
    return relate(recognize(split(clean(doc))))


@dataclass
class BuildResult:
    graph: Graph
    docs: list[Doc]
    resolution: Resolution
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build(
    paths: Iterable[str | Path],
    base: str = DEFAULT_BASE,
    on_error: Callable[[str], None] | None = None,
    progress: bool = False,
) -> BuildResult:
    """Read every input, extract each document, resolve entities across them, and build the graph.

    Unreadable files are reported through ``on_error`` (default: a line on stderr) and skipped.
    """
    t0 = time.perf_counter()
    report = on_error or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    files = find_inputs([Path(p) for p in paths])
    docs: list[Doc] = []
    errors: list[str] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="doc", file=sys.stderr, leave=False, disable=None)  # off when not a TTY
    for f in files:
        try:
            doc = read_file(f)
            for w in doc.warnings:  # read, but repaired (a few invalid UTF-8 bytes replaced)
                report(w)
            docs.append(extract_doc(doc))
        except ReadError as e:
            errors.append(str(e))
            report(str(e))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    resolution = resolve(docs)
    graph = to_graph(docs, resolution, base)
    return BuildResult(graph, docs, resolution, errors, time.perf_counter() - t0)


def save(result: BuildResult, out: str | Path, max_initial_nodes: int = 1000) -> dict[str, Path]:
    """Write ``OUT/graph.ttl`` and ``OUT/graph.html`` (each atomically); return their paths.

    Past ``max_initial_nodes`` entities the viewer first shows the most connected ones."""
    from .viewer import render_html
    from .write import write_turtle

    out = Path(out)
    paths = {"turtle": out / "graph.ttl", "html": out / "graph.html"}
    write_turtle(result.graph, paths["turtle"])
    render_html(result.graph, paths["html"], max_initial_nodes=max_initial_nodes)
    return paths
