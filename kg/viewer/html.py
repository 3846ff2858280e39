"""Render the entity graph as one self-contained HTML page, drawn by pyvis (vis-network).

The page is pyvis's network in our own template (``template.html`` + ``viewer.js`` +
``viewer.css`` beside this file): vis-network's script and style are inlined, nothing is loaded
from anywhere, so it opens offline and sends no request. Every name and sentence reaches the page
as JSON (``<`` escaped as ``\\u003c``) and is shown with ``textContent``, never as markup.

>>> import tempfile, pathlib
>>> from rdflib import Graph
>>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
>>> render_html(Graph(), p)
0
>>> "<script src=" in p.read_text(encoding="utf-8")
False
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network
from rdflib import Graph

from ..write.turtle import write_atomic
from .data import view_model

HERE = Path(__file__).resolve().parent
PYVIS_TEMPLATES = Path(os.path.dirname(__import__("pyvis").__file__)) / "templates"
FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
DATA_SLOT = "/*__KG_DATA__*/"


class _IdList(list):
    """pyvis keeps node ids in a list and scans it for every node and edge added: add a set."""

    def __init__(self):
        super().__init__()
        self._set: set = set()

    def append(self, x) -> None:
        super().append(x)
        self._set.add(x)

    def __contains__(self, x) -> bool:
        return x in self._set


def _options() -> dict:
    """vis-network options; the page adapts physics and edge drawing to the drawn graph's size."""
    font = {"face": FONT_STACK, "size": 14, "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        # size by degree; the names of well-connected entities are larger and show from further out
        "nodes": {"shape": "dot", "font": font, "borderWidth": 1,
                  "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 13, "max": 30,
                                                               "maxVisible": 30, "drawThreshold": 6}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#a0a8b4", "highlight": "#333333", "hover": "#555555", "inherit": False},
            "font": {**font, "size": 11, "color": "#555", "align": "middle"},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1,
            "selectionWidth": 2,
        },
        "layout": {"improvedLayout": True, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 200, "multiselect": False, "navigationButtons": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008, "springLength": 110,
                                 "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.4},
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 25, "fit": True},
        },
    }


def _json_for_script(data) -> str:
    """JSON that cannot close its <script> element or open a comment: <, >, & and U+2028/9 escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _pin_scripts(page: str) -> str:
    """Allow exactly the page's own inline scripts (by hash): injected markup could run nothing."""
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode("utf-8")).digest()).decode() + "'"
        for m in re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    })
    return page.replace("script-src 'unsafe-inline'", "script-src " + " ".join(hashes), 1)


def _positions(n: int, pairs: list[tuple[int, int]], first_view: int, threshold: int):
    """Precomputed positions when the first view is too big for in-page physics (or None)."""
    if first_view <= threshold:
        return None
    try:
        from .layout import spring_positions
    except ImportError:  # no numpy: the page's own physics lays it out, only slower
        return None
    return spring_positions(n, pairs).tolist()


def render_html(g: Graph, path: Path, *, max_initial_nodes: int = 1000, layout_threshold: int = 400,
                title: str = "知识图谱") -> int:
    """Write the viewer for ``g`` to ``path``; return the number of entities (nodes) it holds.

    ``max_initial_nodes``: past this many entities the first view shows the most connected ones
    and the rest come on demand (double-click a node, "显示更多", or a search).
    ``layout_threshold``: a first view with more entities than this is laid out here, in Python,
    and shown without in-page physics (which takes seconds per step on thousands of nodes).
    """
    model = view_model(g, max_initial_nodes=max_initial_nodes)
    model["title"] = title
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    net.templateEnv = Environment(loader=ChoiceLoader([FileSystemLoader(str(HERE)), FileSystemLoader(str(PYVIS_TEMPLATES))]))
    net.path = "template.html"
    pairs = [(r["s"], r["o"]) for r in model["rels"] if r["o"] is not None]
    pos = _positions(len(model["ents"]), pairs, min(len(model["ents"]), max_initial_nodes), layout_threshold)
    model["positioned"] = pos is not None
    for i, e in enumerate(model["ents"]):
        t = model["types"][e["t"]]
        at = {"x": float(pos[i][0]), "y": float(pos[i][1])} if pos is not None else {}
        shown = e["label"] if len(e["label"]) <= 18 else e["label"][:17] + "…"  # full name in panel and tooltip
        net.add_node(f"n{i}", label=shown, color=t["colour"], value=e["deg"], **at)
    for j, r in enumerate(model["rels"]):
        if r["o"] is not None:
            net.add_edge(f"n{r['s']}", f"n{r['o']}", id=f"e{j}", label=r["label"])
    net.options = _options()
    page = net.generate_html(notebook=False)
    page = page.replace(DATA_SLOT, _json_for_script(model), 1)
    page = _pin_scripts(page)
    write_atomic(Path(path), page.encode("utf-8"))
    return len(model["ents"])
