"""Documents + resolved entities → one rdflib Graph, following the contract in ontology/kg.ttl.

Every relation is a plain triple (``s kg:partOf o``) and, reified as a ``kg:Assertion``, carries
its confidence and ``kg:evidence``: the sentence, the character offsets into the original file,
the component that found it. A post held (holds_position) is an ``org:Membership`` with its role.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from ..doc import Doc
from ..resolve import Resolution
from .iris import Minter
from .namespaces import DEFAULT_BASE, KG, ORG, SDO, bind_prefixes

CLASS = {t: KG[t] for t in ("Person", "Place", "Organization", "Program", "Event", "Award")}

# relation kind → (property, reverse?) : reverse means the triple is written object → subject
PROPERTY = {
    "member_of": (KG.memberOf, False),
    "part_of": (KG.partOf, False),
    "located_in": (KG.locatedIn, False),
    "sub_organization_of": (KG.subOrganizationOf, False),
    "founded": (KG.founder, True),  # Doc says A founded B; the graph says B kg:founder A
    "launched": (KG.organizer, True),  # A launched B → B kg:organizer A
    "received_award": (KG.award, False),
    "hometown_of": (KG.hometown, False),
    "born_in": (KG.birthPlace, False),
    "nationality": (KG.nationality, False),
    "founded_on": (KG.foundingDate, False),
}


def _conf(x: float) -> Literal:
    return Literal(Decimal(f"{max(0.0, min(1.0, x)):.3f}"), datatype=XSD.decimal)


def _date(value: str) -> Literal:
    parts = value.split("-")
    dt = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}.get(len(parts), XSD.string)
    return Literal(value, datatype=dt)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def to_graph(docs: list[Doc], resolution: Resolution, base: str = DEFAULT_BASE) -> Graph:
    """Build the merged graph. Deterministic: no blank nodes, IRIs from content only."""
    ents = resolution.entities
    mint = Minter(base, [(e.type, e.label, e.key) for e in ents])
    g = bind_prefixes(Graph(), base)
    e_iri = [mint.entity(e.type, e.label, e.key) for e in ents]

    for e, iri in zip(ents, e_iri):
        g.add((iri, RDF.type, CLASS[e.type]))
        for t in sorted(e.alt_types):
            g.add((iri, RDF.type, CLASS[t]))
        if e.type == "Place" and getattr(e, "admin", False):
            g.add((iri, RDF.type, KG.AdministrativeArea))
        g.add((iri, RDFS.label, _zh(e.label)))
        for a in sorted(e.aliases):
            g.add((iri, SKOS.altLabel, _zh(a)))
        g.add((iri, KG.confidence, _conf(e.score)))
        g.add((iri, KG.extractedBy, Literal("+".join(sorted(e.sources)))))

    stems = defaultdict(int)
    for d in docs:
        stems[mint.document(d.path)] += 1

    # fact key → (subject IRI, property, object term, role) and its evidence list
    facts: dict[tuple, list[tuple]] = defaultdict(list)
    for di, d in enumerate(docs):
        doc = mint.document_unique(d.path, stems[mint.document(d.path)] > 1)
        g.add((doc, RDF.type, SDO.NewsArticle))
        g.add((doc, DCTERMS.source, Literal(d.path)))
        g.add((doc, DCTERMS.identifier, Literal(d.path.rsplit("/", 1)[-1])))
        g.add((doc, KG.encoding, Literal(d.encoding)))
        if d.title:
            g.add((doc, SDO.headline, _zh(d.title)))
        if d.byline:
            g.add((doc, SDO.creditText, _zh(d.byline)))
        used_sentences: set[int] = set()
        for mi, m in enumerate(d.mentions):
            ei = resolution.of_mention.get((di, mi))
            if ei is None:
                continue
            g.add((doc, SDO.mentions, e_iri[ei]))
            s0, s1 = d.to_original(m.start, m.end)
            mention = URIRef(f"{doc}/m{s0}-{s1}")
            g.add((mention, RDF.type, KG.Mention))
            g.add((mention, KG.denotes, e_iri[ei]))
            g.add((mention, KG.surface, _zh(m.text)))
            g.add((mention, KG.startOffset, Literal(s0)))
            g.add((mention, KG.endOffset, Literal(s1)))
            g.add((mention, KG.extractedBy, Literal(m.source)))
            g.add((mention, KG.confidence, _conf(m.score)))
            if m.sentence >= 0:
                g.add((mention, KG.inSentence, URIRef(f"{doc}/s{m.sentence}")))
                used_sentences.add(m.sentence)
        for r in d.relations:
            se = resolution.of_mention.get((di, r.subject))
            oe = resolution.of_mention.get((di, r.object)) if r.object is not None else None
            if se is None or (r.literal is None and (oe is None or oe == se)):
                continue
            sm = d.mentions[r.subject]
            lo, hi = sm.start, sm.end
            if r.object is not None:
                om = d.mentions[r.object]
                lo, hi = min(lo, om.start), max(hi, om.end)
            s0, s1 = d.to_original(lo, hi)
            ev = (doc, r.sentence, s0, s1, r.source, r.score)
            used_sentences.add(r.sentence)
            if r.kind == "holds_position":
                facts[("membership", e_iri[se], e_iri[oe], r.role or "")].append(ev)
                continue
            prop, reverse = PROPERTY[r.kind]
            obj = _date(r.literal) if r.literal is not None else e_iri[oe]
            s, o = (obj, e_iri[se]) if reverse else (e_iri[se], obj)
            facts[("triple", s, prop, o)].append(ev)
        for si in sorted(used_sentences):
            if not 0 <= si < len(d.sentences):
                continue
            sent = d.sentences[si]
            s = URIRef(f"{doc}/s{si}")
            s0, s1 = d.to_original(sent.start, sent.end)
            g.add((s, RDF.type, KG.Sentence))
            g.add((s, KG.inDocument, doc))
            g.add((s, SDO.text, _zh(sent.text)))
            g.add((s, KG.startOffset, Literal(s0)))
            g.add((s, KG.endOffset, Literal(s1)))
            g.add((s, KG.sentenceKind, Literal(sent.kind)))

    for key, evs in facts.items():
        kind = key[0]
        fact = mint.fact(*map(str, key))
        if kind == "membership":
            _, person, org, role = key
            g.add((fact, RDF.type, KG.Membership))
            g.add((fact, ORG.member, person))
            g.add((fact, ORG.organization, org))
            if role:
                r = mint.role(role)
                g.add((r, RDF.type, KG.Role))
                g.add((r, RDFS.label, _zh(role)))
                g.add((fact, ORG.role, r))
        else:
            _, s, p, o = key
            g.add((s, p, o))
            g.add((fact, RDF.type, KG.Assertion))
            g.add((fact, RDF.subject, s))
            g.add((fact, RDF.predicate, p))
            g.add((fact, RDF.object, o))
        # agreement of independent evidence raises confidence
        miss = 1.0
        for ev in evs:
            miss *= 1 - ev[5]
        g.add((fact, KG.confidence, _conf(1 - miss)))
        for doc, si, s0, s1, source, score in sorted(set(evs), key=lambda e: (str(e[0]), e[1], e[2], e[4])):
            evi = URIRef(f"{fact}/e{short(doc)}-{s0}-{s1}")
            g.add((fact, KG.evidence, evi))
            g.add((evi, RDF.type, KG.Evidence))
            g.add((evi, KG.inDocument, doc))
            if si >= 0:
                g.add((evi, KG.inSentence, URIRef(f"{doc}/s{si}")))
            g.add((evi, KG.startOffset, Literal(s0)))
            g.add((evi, KG.endOffset, Literal(s1)))
            g.add((evi, KG.extractedBy, Literal(source)))
            g.add((evi, KG.confidence, _conf(score)))
    return g


def short(doc: URIRef) -> str:
    return str(doc).rsplit("/", 1)[-1]
