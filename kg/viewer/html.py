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
import re
import math
import os
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


class _Network(Network):
    """pyvis Network whose edge checks look node ids up in a set (pyvis scans a list per edge)."""

    def get_nodes(self):
        if len(getattr(self, "_id_set", ())) != len(self.node_ids):
            self._id_set = set(self.node_ids)
        return self._id_set


def _options() -> dict:
    """vis-network options; the page adapts physics and edge drawing to the drawn graph's size."""
    font = {"face": FONT_STACK, "size": 14, "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "autoResize": True,
        "nodes": {"shape": "dot", "font": font, "borderWidth": 1},
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


def render_html(g: Graph, path: Path, *, max_initial_nodes: int = 1000, title: str = "知识图谱") -> int:
    """Write the viewer for ``g`` to ``path``; return the number of entities (nodes) it holds.

    ``max_initial_nodes``: past this many entities the first view shows the most connected ones
    and the rest come on demand (double-click a node, "显示更多", or a search).
    """
    model = view_model(g, max_initial_nodes=max_initial_nodes)
    model["title"] = title
    net = _Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv = Environment(loader=ChoiceLoader([FileSystemLoader(str(HERE)), FileSystemLoader(str(PYVIS_TEMPLATES))]))
    net.path = "template.html"
    for i, e in enumerate(model["ents"]):
        t = model["types"][e["t"]]
        net.add_node(f"n{i}", label=e["label"], color=t["colour"], size=round(9 + 4 * math.sqrt(e["deg"]), 1))
    for j, r in enumerate(model["rels"]):
        if r["o"] is not None:
            net.add_edge(f"n{r['s']}", f"n{r['o']}", id=f"e{j}", label=r["label"])
    net.options = _options()
    page = net.generate_html(notebook=False)
    page = page.replace(DATA_SLOT, _json_for_script(model), 1)
    page = _pin_scripts(page)
    write_atomic(Path(path), page.encode("utf-8"))
    return len(model["ents"])
