"""Namespaces and the prefixes every written graph and every query predeclares."""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-zh/ontology#")
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

# Instance data lives under a configurable base; this one is used when none is given.
DEFAULT_BASE = "https://w3id.org/kg-zh/id/"

PREFIXES = {
    "kg": KG,
    "schema": SDO,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}


def bind_prefixes(g: Graph, base: str = DEFAULT_BASE) -> Graph:
    """Bind the readable prefixes (and ``kgr:`` for the instance base) on ``g``."""
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True, replace=True)
    g.bind("kgr", Namespace(base), override=True, replace=True)
    return g


def sparql_prologue(base: str = DEFAULT_BASE) -> str:
    """PREFIX lines for the common namespaces, to put before a user's query."""
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()]
    lines.append(f"PREFIX kgr: <{base}>")
    return "\n".join(lines) + "\n"
