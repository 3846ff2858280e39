"""Interactive HTML viewer of a built graph: one self-contained page, drawn by pyvis (vis-network).

``render_html(graph, "out/graph.html")`` writes it (``kg build`` does). Open it in any browser,
offline: search names and aliases, filter by type (the legend), relation kind or document, click a
node or an edge for its evidence sentences, save the view as PNG. Past ``max_initial_nodes``
entities the first view holds the most connected ones and grows on demand. Modules:
``data`` (graph → lists the page shows), ``layout`` (positions for big graphs), ``html``
(the page), and the page's own ``template.html``, ``viewer.js``, ``viewer.css``.
"""
from __future__ import annotations

from .html import render_html

__all__ = ["render_html"]
