"""The graph as a network of entities, for Gephi (GraphML, GEXF), networkx and pandas (CSV).

Nodes are the entities (anything typed kg:Person, kg:Place, …); edges are the facts between two
entities: each ``kg:Assertion`` whose object is an entity (``relation`` = the property's local
name, e.g. ``partOf``) and each ``kg:Membership`` (``relation`` = ``holdsPosition``, with its
``role``). Facts with a literal object (``foundingDate``) become node attributes. Attributes are
plain strings and numbers so that every tool can read them.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix kg: <https://w3id.org/kg-zh/ontology#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
... <urn:a> a kg:Place ; rdfs:label "甲镇"@zh .  <urn:b> a kg:Place ; rdfs:label "乙区"@zh .
... <urn:a> kg:partOf <urn:b> .
... <urn:f> a kg:Assertion ; rdf:subject <urn:a> ; rdf:predicate kg:partOf ; rdf:object <urn:b> .
... ''', format="turtle")
>>> net = to_networkx(g)
>>> [(net.nodes[u]["label"], d["relation"], net.nodes[v]["label"]) for u, v, d in net.edges(data=True)]
[('甲镇', 'partOf', '乙区')]
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..doc import ENTITY_TYPES
from ..write.namespaces import KG, ORG, SDO
from ..write.turtle import write_atomic

NODE_COLUMNS = ["id", "label", "type", "types", "aliases", "confidence", "documents"]
EDGE_COLUMNS = ["source", "target", "relation", "role", "confidence", "evidence", "fact"]


def _local(iri) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _num(lit) -> float:
    try:
        return float(lit)
    except (TypeError, ValueError):
        return 0.0


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and the facts between them as a MultiDiGraph (two facts may join the same pair)."""
    classes = {KG[t]: t for t in ENTITY_TYPES}
    types: dict[URIRef, set[str]] = defaultdict(set)
    for cls, name in classes.items():
        for s in graph.subjects(RDF.type, cls):
            types[s].add(name)
    alt = defaultdict(set)
    for s, o in graph.subject_objects(KG.altType):
        alt[s].add(_local(o))
    mentioned = defaultdict(int)
    for doc, e in graph.subject_objects(SDO.mentions):
        mentioned[e] += 1

    net = nx.MultiDiGraph()
    for e in sorted(types, key=str):
        names = sorted(types[e])
        primary = next((t for t in ENTITY_TYPES if t in types[e] and t not in alt[e]), names[0])
        net.add_node(
            str(e),
            label=str(graph.value(e, RDFS.label) or _local(e)),
            type=primary,
            types="|".join(names),
            aliases="|".join(sorted(str(a) for a in graph.objects(e, SKOS.altLabel))),
            confidence=_num(graph.value(e, KG.confidence)),
            documents=mentioned[e],
        )
    edges = []
    for fact in graph.subjects(RDF.type, KG.Assertion):
        s, p, o = graph.value(fact, RDF.subject), graph.value(fact, RDF.predicate), graph.value(fact, RDF.object)
        if s not in types:
            continue
        if isinstance(o, Literal):
            net.nodes[str(s)][_local(p)] = str(o)
        elif o in types:
            edges.append((str(s), str(o), _local(p), "", fact))
    for fact in graph.subjects(RDF.type, KG.Membership):
        s, o = graph.value(fact, ORG.member), graph.value(fact, ORG.organization)
        if s in types and o in types:
            role = graph.value(fact, ORG.role)
            role_label = str(graph.value(role, RDFS.label) or _local(role)) if role is not None else ""
            edges.append((str(s), str(o), "holdsPosition", role_label, fact))
    for s, o, rel, role, fact in sorted(edges, key=lambda x: (x[0], x[2], x[1], x[3], str(x[4]))):
        net.add_edge(s, o, key=str(fact), relation=rel, label=rel, role=role,
                     confidence=_num(graph.value(fact, KG.confidence)),
                     evidence=len(list(graph.objects(fact, KG.evidence))), fact=str(fact))
    return net


def to_graphml(graph: Graph | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write GraphML (Gephi, yEd, Cytoscape, networkx.read_graphml)."""
    net = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    write_atomic(Path(path), "\n".join(nx.generate_graphml(net, encoding="utf-8")).encode("utf-8") + b"\n")
    return Path(path)


def to_gexf(graph: Graph | nx.MultiDiGraph, path: str | Path) -> Path:
    """Write GEXF (Gephi's own format); the node ``label`` becomes Gephi's label."""
    net = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    text = "\n".join(nx.generate_gexf(net, encoding="utf-8", version="1.2draft"))
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text)  # a date would break byte-identical output
    write_atomic(Path(path), text.encode("utf-8") + b"\n")
    return Path(path)


def to_csv(graph: Graph | nx.MultiDiGraph, folder: str | Path) -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` (``pandas.read_csv`` ready; ids are entity IRIs)."""
    net = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    folder = Path(folder)
    extra = sorted({k for _, d in net.nodes(data=True) for k in d} - set(NODE_COLUMNS))
    nodes = [[n] + [d.get(c, "") for c in NODE_COLUMNS[1:] + extra] for n, d in net.nodes(data=True)]
    edges = [[u, v] + [d.get(c, "") for c in EDGE_COLUMNS[2:]] for u, v, d in net.edges(data=True)]
    out = []
    for name, header, rows in (("nodes.csv", NODE_COLUMNS + extra, nodes), ("edges.csv", EDGE_COLUMNS, edges)):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        write_atomic(folder / name, buf.getvalue().encode("utf-8"))
        out.append(folder / name)
    return out
