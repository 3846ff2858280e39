"""Read a built graph into the plain data the viewer page shows: entities, relations, evidence.

Everything is read generically from the RDF: entity types are the classes under ``kg:Entity``,
relation names are the properties' ``rdfs:label@zh`` in the ontology (or the graph), so a new
relation kind or type shows without code changes. Indices into the lists below are what the
page's script uses; no IRI is needed to draw anything.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from kg.write.namespaces import KG
>>> g = Graph()
>>> a, b = URIRef("urn:x:a"), URIRef("urn:x:b")
>>> for n, t, l in ((a, KG.Place, "宁波市"), (b, KG.Place, "浙江省")):
...     _ = g.add((n, RDF.type, t)).add((n, RDFS.label, Literal(l, lang="zh")))
>>> _ = g.add((a, KG.partOf, b))
>>> v = view_model(g)
>>> [e["label"] for e in v["ents"]], v["kinds"][0]["label"], v["rels"][0]["label"]
(['宁波市', '浙江省'], '隶属于(地点)', '隶属于(地点)')
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..write.namespaces import KG, ORG, SDO

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"

# Colours for the six types (colour-blind-safe Tableau 10); other types take the rest in turn.
COLOURS = {
    "Person": "#e15759", "Place": "#4e79a7", "Organization": "#f28e2b",
    "Program": "#59a14f", "Event": "#b07aa1", "Award": "#c9a800",
}
SPARE_COLOURS = ("#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#86bcb6")
# Legend order; a node with several types and no kg:altType marks is coloured by the first.
TYPE_ORDER = ("Person", "Organization", "Place", "Event", "Program", "Award")

# Properties that describe a node rather than relate two things.
NOT_RELATIONS = {RDF.type, KG.altType, RDFS.label, SKOS.altLabel, KG.confidence, KG.extractedBy, SDO.mentions}


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    if ONTOLOGY.exists():
        g.parse(ONTOLOGY, format="turtle")
    return g


def _local(iri) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or s


def _label(graphs: tuple[Graph, ...], term, prefer: str = "zh") -> str | None:
    """The term's rdfs:label in ``prefer``'d language, else any label."""
    best = None
    for g in graphs:
        for lab in g.objects(term, RDFS.label):
            if isinstance(lab, Literal) and lab.language == prefer:
                return str(lab)
            best = best or str(lab)
    return best


def _zh_label(graphs: tuple[Graph, ...], term) -> str | None:
    for g in graphs:
        for lab in g.objects(term, RDFS.label):
            if isinstance(lab, Literal) and lab.language == "zh":
                return str(lab)
    return None


def _subclasses(graphs: tuple[Graph, ...], root) -> set:
    found, todo = {root}, [root]
    while todo:
        c = todo.pop()
        for g in graphs:
            for sub in g.subjects(RDFS.subClassOf, c):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
    return found


def _num(x) -> float | None:
    try:
        return round(float(x), 3) if x is not None else None
    except (TypeError, ValueError):
        return None


def _by_sentence(pairs) -> list[list]:
    """[[sentence, [surface forms written there]], ...] in sentence order."""
    out: dict = defaultdict(set)
    for si, surface in pairs:
        out[si].add(surface)
    return [[si, sorted(x for x in out[si] if x)] for si in sorted(out)]


class _Index:
    """One pass per property: ``value(p)[s]`` and ``values(p)[s]`` instead of one rdflib call per node."""

    def __init__(self, g: Graph):
        self.g, self._one, self._many = g, {}, {}

    def values(self, p) -> dict:
        if p not in self._many:
            d: dict = defaultdict(list)
            for s, o in self.g.subject_objects(p):
                d[s].append(o)
            for v in d.values():
                v.sort()
            self._many[p] = d
        return self._many[p]

    def value(self, p) -> dict:
        if p not in self._one:
            self._one[p] = {s: v[0] for s, v in self.values(p).items()}
        return self._one[p]


def view_model(g: Graph, max_initial_nodes: int = 1000) -> dict:
    """Entities, relations, documents and evidence sentences of ``g`` as JSON-ready lists."""
    graphs = (g, _ontology())
    ix = _Index(g)
    entity_classes = _subclasses(graphs, KG.Entity)
    # Top-level types: direct subclasses of kg:Entity; deeper ones (AdministrativeArea) fold up.
    top = {c for gr in graphs for c in gr.subjects(RDFS.subClassOf, KG.Entity)} & entity_classes
    top_of = {c: c for c in top}
    for c in top:
        for sub in _subclasses(graphs, c):
            top_of.setdefault(sub, c)
    rank = {n: i for i, n in enumerate(TYPE_ORDER)}
    type_list = sorted({top_of.get(c, c) for c in entity_classes if c != KG.Entity} | ({KG.Entity} if not top else set()),
                       key=lambda c: (rank.get(_local(c), len(rank)), str(c)))
    t_index = {c: i for i, c in enumerate(type_list)}

    ent_types: dict = defaultdict(set)
    for c in entity_classes:
        for s in g.subjects(RDF.type, c):
            if isinstance(s, (URIRef, BNode)):
                ent_types[s].add(top_of.get(c, c))

    labels = ix.values(RDFS.label)

    def name_of(e) -> str:
        ls = labels.get(e, ())
        zh = [x for x in ls if isinstance(x, Literal) and x.language == "zh"]
        return str((zh or ls or [_local(e)])[0])

    names = {e: name_of(e) for e in ent_types}
    ents = sorted(ent_types, key=lambda e: (names[e], str(e)))
    e_index = {e: i for i, e in enumerate(ents)}

    # Documents and sentences.
    source, in_doc, text = ix.value(DCTERMS.source), ix.value(KG.inDocument), ix.value(SDO.text)
    doc_nodes = set(g.subjects(RDF.type, SDO.NewsArticle)) | set(source)
    for cls in _subclasses(graphs, SDO.CreativeWork) - entity_classes - {SDO.CreativeWork}:
        doc_nodes |= set(g.subjects(RDF.type, cls))
    doc_nodes -= set(ent_types)
    docs = sorted(doc_nodes, key=lambda d: (str(source.get(d, "")), str(d)))
    d_index = {d: i for i, d in enumerate(docs)}
    # Sentences are collected as nodes first and numbered at the end, in document order.
    sent_nodes: set = set()

    def sentence(s):
        if s is not None and s in text:
            sent_nodes.add(s)
            return s
        return None

    def doc_of(s) -> int:
        return d_index.get(in_doc.get(s), -1) if s is not None else -1

    # Mentions: entity → sentences (with the surface form) and documents.
    in_sent, surface = ix.value(KG.inSentence), ix.value(KG.surface)
    mentions: dict = defaultdict(set)
    ent_docs: dict = defaultdict(set)
    for m, e in g.subject_objects(KG.denotes):
        if e not in e_index:
            continue
        si = sentence(in_sent.get(m))
        if si is not None:
            mentions[e].add((si, str(surface.get(m, ""))))
        di = d_index.get(in_doc.get(m), doc_of(si))
        if di >= 0:
            ent_docs[e].add(di)
    for d, e in g.subject_objects(SDO.mentions):
        if e in e_index and d in d_index:
            ent_docs[e].add(d_index[d])

    start_of, end_of = ix.value(KG.startOffset), ix.value(KG.endOffset)
    by, confidence, evidences = ix.value(KG.extractedBy), ix.value(KG.confidence), ix.values(KG.evidence)

    def evidence(fact) -> list[list]:
        out = []
        for ev in evidences.get(fact, ()):
            si = sentence(in_sent.get(ev))
            di = d_index.get(in_doc.get(ev), doc_of(si))
            start, end = start_of.get(ev), end_of.get(ev)
            out.append([si, di, int(start) if start is not None else -1, int(end) if end is not None else -1,
                        str(by.get(ev, "")), _num(confidence.get(ev))])
        return out

    # Reified statements: (s, p, o) → the assertion carrying confidence and evidence.
    subj, pred, obj = ix.value(RDF.subject), ix.value(RDF.predicate), ix.value(RDF.object)
    assertion = {}
    for a in sorted(pred):
        assertion.setdefault((subj.get(a), pred[a], obj.get(a)), a)

    kinds: dict = {}
    rels: list[dict] = []
    zh_labels: dict = {}

    def zh_label(p) -> str | None:
        if p not in zh_labels:
            zh_labels[p] = _zh_label(graphs, p)
        return zh_labels[p]

    def kind(p) -> int:
        if p not in kinds:
            kinds[p] = {"id": str(p), "label": zh_label(p) or _label(graphs, p) or _local(p), "count": 0}
        kinds[p]["count"] += 1
        return p

    skip = NOT_RELATIONS | {RDF.subject, RDF.predicate, RDF.object}
    for s in ents:
        for p, o in g.predicate_objects(s):
            if p in skip:
                continue
            if o in e_index:
                pass
            elif isinstance(o, Literal) and zh_label(p) is not None:
                pass  # a described literal fact, e.g. kg:foundingDate
            else:
                continue
            a = assertion.get((s, p, o))
            rels.append({"s": e_index[s], "o": e_index.get(o), "lit": str(o) if isinstance(o, Literal) else None,
                         "k": kind(p), "label": kinds[p]["label"], "c": _num(confidence.get(a)) if a is not None else None,
                         "ev": evidence(a) if a is not None else []})

    # Posts held: an org:Membership is an edge member → organization labelled with the role.
    member, organization, role_of = ix.value(ORG.member), ix.value(ORG.organization), ix.value(ORG.role)
    rdf_types = ix.values(RDF.type)
    for m in sorted(member):
        person, org = member[m], organization.get(m)
        if person not in e_index or org not in e_index:
            continue
        role = role_of.get(m)
        role_label = _label((g,), role) if role is not None else None
        mtypes = rdf_types.get(m) or [ORG.Membership]
        k = kind(next((t for t in mtypes if zh_label(t)), mtypes[0]))  # kg:Membership (任职) over org:Membership
        rels.append({"s": e_index[person], "o": e_index[org], "lit": None, "k": k,
                     "label": role_label or kinds[k]["label"], "c": _num(confidence.get(m)),
                     "ev": evidence(m)})

    rels.sort(key=lambda r: (r["s"], r["o"] if r["o"] is not None else -1, str(r["k"]), r["label"], r["lit"] or ""))
    kind_list = sorted(kinds, key=lambda p: (-kinds[p]["count"], str(p)))
    k_index = {p: i for i, p in enumerate(kind_list)}
    deg = [0] * len(ents)
    for r in rels:
        r["k"] = k_index[r["k"]]
        if r["o"] is not None:
            deg[r["s"]] += 1
            deg[r["o"]] += 1

    def where(s) -> tuple:
        start = start_of.get(s)
        return (doc_of(s), int(start) if start is not None else -1, str(s))

    ordered = sorted(sent_nodes, key=where)
    s_index = {s: i for i, s in enumerate(ordered)}
    sents = [[doc_of(s), str(text[s])] for s in ordered]
    for r in rels:
        for ev in r["ev"]:
            ev[0] = s_index.get(ev[0], -1)
        r["ev"].sort(key=lambda x: (x[1], x[0], x[2], x[4]))

    type_counts = defaultdict(int)
    ent_list = []
    alt_types, alt_labels = ix.values(KG.altType), ix.values(SKOS.altLabel)
    for i, e in enumerate(ents):
        # The primary type is the one that is not also a kg:altType (ontology: kg:Entity).
        alt = {top_of.get(c, c) for c in alt_types.get(e, ())}
        ts = sorted(ent_types[e], key=lambda c: (c in alt, t_index[c]))
        type_counts[ts[0]] += 1
        label = names[e]
        aliases = sorted({str(a) for a in alt_labels.get(e, ())} - {label})
        ent_list.append({
            "iri": str(e), "label": label, "t": t_index[ts[0]], "types": [t_index[c] for c in ts],
            "aliases": aliases, "deg": deg[i], "docs": sorted(ent_docs[e]),
            "ment": _by_sentence((s_index[x[0]], x[1]) for x in mentions[e]),
        })

    spare = iter(SPARE_COLOURS * 4)
    headline, ident = ix.value(SDO.headline), ix.value(DCTERMS.identifier)
    types = [{"id": _local(c), "label": _zh_label(graphs, c) or _label(graphs, c) or _local(c),
              "colour": COLOURS.get(_local(c)) or next(spare, "#999999"), "count": type_counts[c]}
             for c in type_list]
    return {
        "types": types,
        "kinds": [kinds[p] for p in kind_list],
        "docs": [{"title": str(headline.get(d, "")), "source": str(source.get(d, _local(d))),
                  "name": str(ident.get(d) or _local(source.get(d, d)))} for d in docs],
        "sents": sents,
        "ents": ent_list,
        "rels": rels,
        "maxInitial": int(max_initial_nodes),
    }
