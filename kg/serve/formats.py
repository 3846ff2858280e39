"""Content negotiation and result serialisers for the SPARQL endpoint.

SELECT results are written here (not by Oxigraph) because the row limit cuts them short; graphs
and booleans go to Oxigraph's own writers.

>>> choose("text/csv;q=0.5, application/sparql-results+json", "select")
'json'
>>> choose("*/*", "graph")
'turtle'
"""
from __future__ import annotations

import json
from typing import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format name → media type written in Content-Type
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
RDF_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
# media type a client may ask for → format, per kind of result ("select" covers ASK too)
ACCEPT = {
    "select": {
        "application/sparql-results+json": "json", "application/json": "json",
        "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
        "text/csv": "csv", "text/tab-separated-values": "tsv",
    },
    "graph": {
        "text/turtle": "turtle", "application/x-turtle": "turtle",
        "application/n-triples": "ntriples", "text/plain": "ntriples",
        "application/ld+json": "jsonld", "application/json": "jsonld",
        "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
    },
}
DEFAULT = {"select": "json", "graph": "turtle"}
# short names accepted in ?format= / ?output= (as Fuseki and Virtuoso do)
SHORT = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
         "nt": "ntriples", "ntriples": "ntriples", "n-triples": "ntriples", "jsonld": "jsonld",
         "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml"}


def parse_accept(header: str | None) -> list[str]:
    """Media types from an Accept header, best first (by q, then by order given); q=0 dropped."""
    items = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(items)]


def choose(accept: str | None, kind: str, short: str | None = None) -> str:
    """The format to answer with: an explicit short name if it fits the result kind, else the
    first acceptable media type, else the kind's default (lenient: clients often ask for the
    wrong family, e.g. results+xml for a CONSTRUCT)."""
    table = ACCEPT[kind]
    if short and SHORT.get(short.lower()) in table.values():
        return SHORT[short.lower()]
    for m in parse_accept(accept):
        if m in table:
            return table[m]
    return DEFAULT[kind]


# --- SELECT results ---------------------------------------------------------------------------

def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": str(t)}


def select_json(variables: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    cache: dict = {}

    def term(t):
        d = cache.get(t)
        if d is None:
            d = cache[t] = _json_term(t)
        return d

    bindings = [{v: term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _csv_cell(t) -> str:
    if t is None:
        return ""
    s = t.value if isinstance(t, (ox.NamedNode, ox.Literal)) else f"_:{t.value}" if isinstance(t, ox.BlankNode) else str(t)
    if any(c in s for c in ',"\r\n'):
        s = '"' + s.replace('"', '""') + '"'
    return s


def _tsv_cell(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.Literal):
        v = t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if t.language:
            return f'"{v}"@{t.language}'
        if t.datatype.value == XSD_STRING:
            return f'"{v}"'
        return f'"{v}"^^<{t.datatype.value}>'
    return str(t)  # <iri>, _:id in N-Triples syntax


def select_csv(variables: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    lines = [",".join(variables)] + [",".join(_csv_cell(t) for t in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def select_tsv(variables: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)] + ["\t".join(_tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            attr = f" xml:lang={quoteattr(t.language)}"
        elif t.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(t.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def select_xml(variables: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
           "<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>", "<results>"]
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(variables, row) if t is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode("utf-8")


SELECT_WRITERS = {"json": select_json, "xml": select_xml, "csv": select_csv, "tsv": select_tsv}


def boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if fmt in ("csv", "tsv"):
        return (("_askResult\r\n" if fmt == "csv" else "?_askResult\n") + ("true" if value else "false") + "\n").encode()
    return json.dumps({"head": {}, "boolean": bool(value)}).encode()


def graph(triples: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    kw = {"prefixes": prefixes} if fmt in ("turtle", "rdfxml") and prefixes else {}
    return ox.serialize(triples, format=RDF_FORMAT[fmt], **kw) or b""
