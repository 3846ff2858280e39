"""Namespaces and the prefixes every written graph and every query predeclares.

Vocabulary prefixes (``kg:``, ``schema:``, ``org:``…) are fixed; instance prefixes hang off the
configurable base: ``kgr:`` is the base itself, and each kind of node has its own folder so that
Turtle and SPARQL can write ``place:青山区``, ``doc:000_c92992a2ff38641b.s3``, ``fact:…``.

>>> query_prefixes("https://example.org/kg/")["place"]
'https://example.org/kg/place/'
"""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-zh/ontology#")
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")

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

# Folders under the base, one per kind of node; each is also a prefix of the same name.
INSTANCE_FOLDERS = ("doc", "person", "place", "organization", "program", "event", "award", "role", "fact")


def instance_prefixes(base: str = DEFAULT_BASE) -> dict[str, Namespace]:
    """``kgr:`` → the base, ``doc:`` → base + "doc/", ``place:`` → base + "place/" …"""
    return {"kgr": Namespace(base), **{f: Namespace(f"{base}{f}/") for f in INSTANCE_FOLDERS}}


def query_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix a query may use without declaring it (vocabulary and instance ones)."""
    return {p: str(ns) for p, ns in {**PREFIXES, **instance_prefixes(base)}.items()}


def bind_prefixes(g: Graph, base: str = DEFAULT_BASE) -> Graph:
    """Bind the readable prefixes (and the instance prefixes under ``base``) on ``g``."""
    for p, ns in {**PREFIXES, **instance_prefixes(base)}.items():
        g.bind(p, ns, override=True, replace=True)
    return g


def sparql_prologue(base: str = DEFAULT_BASE) -> str:
    """PREFIX lines for the common namespaces, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in query_prefixes(base).items())
