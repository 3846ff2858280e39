"""Render the entity graph as one self-contained HTML page with pyvis.

First version: nodes coloured by type with a legend, edge labels, tooltips with type, aliases
and evidence. vis-network is inlined; pyvis's CDN links (Bootstrap, tom-select) are not used.
"""
from __future__ import annotations

import html
from pathlib import Path

from pyvis.network import Network
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS

from ..write.namespaces import KG, ORG, SDO
from ..write.turtle import write_atomic

COLOURS = {
    "Person": "#e15759", "Place": "#4e79a7", "Organization": "#f28e2b",
    "Program": "#59a14f", "Event": "#b07aa1", "Award": "#edc948",
}
TYPES = tuple(COLOURS)
EDGE_LABELS = {
    KG.partOf: "位于", KG.locatedIn: "位于", KG.subOrganizationOf: "下属", KG.founder: "创办者",
    KG.organizer: "发起方", KG.award: "获得", KG.hometown: "家乡", KG.birthPlace: "出生地",
    KG.nationality: "国籍", KG.memberOf: "成员",
}


def _entity_type(g: Graph, node) -> str | None:
    for t in TYPES:
        if (node, RDF.type, KG[t]) in g:
            return t
    return None


def render_html(g: Graph, path: Path) -> int:
    """Write the viewer to ``path``; return the number of nodes drawn."""
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    nodes = sorted({s for t in TYPES for s in g.subjects(RDF.type, KG[t])}, key=str)
    for n in nodes:
        t = _entity_type(g, n)
        label = str(g.value(n, RDFS.label) or n)
        aliases = sorted(str(a) for a in g.objects(n, SKOS.altLabel))
        sents = sorted({str(s) for m in g.subjects(KG.denotes, n) for sn in g.objects(m, KG.inSentence) for s in g.objects(sn, SDO.text)})[:3]
        title = f"{t}: {label}\n" + (f"别名: {'、'.join(aliases)}\n" if aliases else "") + "\n".join(sents)
        net.add_node(str(n), label=label, title=title, color=COLOURS[t], group=t)
    ids = {str(n) for n in nodes}
    for p, lab in EDGE_LABELS.items():
        for s, o in sorted(g.subject_objects(p), key=str):
            if str(s) in ids and str(o) in ids:
                net.add_edge(str(s), str(o), label=lab, title=lab)
    for m in sorted(g.subjects(RDF.type, KG.Membership), key=str):
        s, o = g.value(m, ORG.member), g.value(m, ORG.organization)
        role = g.value(g.value(m, ORG.role), RDFS.label) if g.value(m, ORG.role) else None
        if s is not None and o is not None and str(s) in ids and str(o) in ids:
            net.add_edge(str(s), str(o), label=str(role or "成员"), title=str(role or "成员"))
    page = net.generate_html(notebook=False)
    page = _strip_remote(page)
    legend = "".join(
        f'<span style="display:inline-block;margin:0 8px"><span style="display:inline-block;width:12px;height:12px;background:{c};border-radius:6px"></span> {html.escape(t)}</span>'
        for t, c in COLOURS.items()
    )
    page = page.replace("<body>", f'<body><div id="legend" style="position:fixed;top:8px;left:8px;z-index:10;background:#fff;padding:4px;font-family:sans-serif">{legend}</div>', 1)
    page = page.replace("<head>", '<head><meta charset="utf-8">', 1)
    write_atomic(Path(path), page.encode("utf-8"))
    return len(nodes)


def _strip_remote(page: str) -> str:
    import re

    page = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*>', "", page)
    page = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", page)
    return page
