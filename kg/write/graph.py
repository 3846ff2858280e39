"""Documents + resolved entities → one rdflib Graph, following ontology/kg.ttl and ontology/shapes.ttl.

* an entity is typed with its class (kg:Person … kg:Award; alt types too, each also named by
  ``kg:altType``), has an ``rdfs:label``, ``skos:altLabel`` for its other names and a confidence;
* a document is a ``schema:NewsArticle`` with ``dcterms:source`` (the path as given),
  ``schema:headline``, ``schema:creditText`` (the byline) and ``schema:mentions`` for each entity;
* every relation is a plain triple (``s kg:partOf o``) and, reified as a ``kg:Assertion``, carries
  its confidence and ``kg:evidence``: the sentence, the character offsets into the original file,
  the component that found it and its confidence. A post held (holds_position) is a
  ``kg:Membership`` (``org:Membership``) with ``org:member``, ``org:organization`` and ``org:role``.

No blank nodes, IRIs from content only, documents visited in path order and evidence combined in a
fixed order: the same input gives the same triples whatever the order the files were given in.
One pass over documents, mentions and relations: linear in the input.

>>> from kg.doc import Doc, Mention
>>> from kg.resolve import resolve
>>> d = Doc(path="a.txt", raw="宁波", text="宁波", offsets=[0, 1, 2],
...         mentions=[Mention(0, 2, "宁波", "Place", "test", 0.9)])
>>> g = to_graph([d], resolve([d]), "https://example.org/kg/")
>>> sorted(str(o) for o in g.objects(None, SDO.mentions))
['https://example.org/kg/place/宁波']
"""
from __future__ import annotations

import re
import unicodedata
import warnings
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from ..doc import ENTITY_TYPES, Doc
from ..resolve import Resolution
from .iris import Minter, readable_path
from .namespaces import DEFAULT_BASE, bind_prefixes
from .namespaces import KG as _KG
from .namespaces import ORG as _ORG
from .namespaces import SDO as _SDO


class _Cached:
    """A namespace whose terms are built once (rdflib builds a new URIRef on every attribute
    access, which shows up when a graph has millions of triples)."""

    def __init__(self, namespace) -> None:
        self._ns = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = URIRef(str(self._ns) + name) if not name.startswith("_") else getattr(self._ns, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


KG, ORG, SDO = _Cached(_KG), _Cached(_ORG), _Cached(_SDO)
DCTERMS, RDF, RDFS, SKOS, XSD = (_Cached(n) for n in (ns.DCTERMS, ns.RDF, ns.RDFS, ns.SKOS, ns.XSD))

CLASS = {t: KG[t] for t in ENTITY_TYPES}

# relation kind → (property, reverse?) : reverse means the triple is written object → subject.
# holds_position is not here: it becomes a kg:Membership (see _add_facts).
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

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")  # and lone surrogates (not UTF-8)


@lru_cache(maxsize=1 << 14)
def _conf(x: float) -> Literal:
    """A confidence as xsd:decimal with 3 places: the same score always prints the same."""
    return Literal(Decimal(f"{max(0.0, min(1.0, float(x))):.3f}"), datatype=XSD.decimal)


@lru_cache(maxsize=1 << 16)
def _int(n: int) -> Literal:
    return Literal(n)


@lru_cache(maxsize=1 << 14)
def _str(s: str) -> Literal:
    return Literal(s)


def _date(value: str) -> Literal:
    """2015 → xsd:gYear, 2015-05 → xsd:gYearMonth, 2015-05-01 → xsd:date; anything else a string."""
    value = value.strip()
    if not _DATE.match(value):
        return Literal(value)
    dt = {1: XSD.gYear, 2: XSD.gYearMonth, 3: XSD.date}[len(value.split("-"))]
    return Literal(value, datatype=dt)


@lru_cache(maxsize=1 << 16)
def _zh(text: str) -> Literal:
    """Chinese text as a literal; control characters (which strict parsers reject) dropped."""
    return Literal(_CONTROL.sub("", text), lang="zh")


def _noisy_or(scores: list[float]) -> float:
    """Agreement of independent evidence raises confidence. Sorted: float products are exact
    only up to order, and the result must not depend on input order."""
    miss = 1.0
    for s in sorted(scores):
        miss *= 1.0 - max(0.0, min(1.0, s))
    return 1.0 - miss


def _role_name(role: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", role or ""))


class _Facts:
    """Facts seen so far: key → {(doc, start, end) → [sentence, components, best score]}.
    Components that find one fact in the same stretch of text make one piece of evidence."""

    def __init__(self) -> None:
        self.evidence: dict[tuple, dict[tuple, list]] = defaultdict(dict)

    def add(self, key: tuple, where: tuple, sentence: int, source: str, score: float) -> None:
        ev = self.evidence[key].setdefault(where, [sentence, set(), 0.0])
        ev[0] = max(ev[0], sentence) if min(ev[0], sentence) < 0 else min(ev[0], sentence)
        ev[1].update(source.split("+"))
        ev[2] = max(ev[2], score)


def to_graph(docs: list[Doc], resolution: Resolution, base: str = DEFAULT_BASE) -> Graph:
    """Build the merged graph. Deterministic: no blank nodes, IRIs from content only."""
    ents = resolution.entities
    mint = Minter(base, [(e.type, e.label, e.key) for e in ents], [d.path for d in docs])
    g = bind_prefixes(Graph(), base)
    e_iri = _add_entities(g, mint, ents)
    facts = _Facts()
    for di in sorted(range(len(docs)), key=lambda i: docs[i].path):
        _add_document(g, mint, di, docs[di], resolution, e_iri, facts)
    _add_facts(g, mint, facts)
    return g


def _add_entities(g: Graph, mint: Minter, ents: list) -> list[URIRef | None]:
    add = g.add
    iris: list[URIRef | None] = []
    for e in ents:
        if e.type not in CLASS:  # a type this writer does not know: leave it out, do not guess
            iris.append(None)
            continue
        iri = mint.entity(e.type, e.label, e.key)
        iris.append(iri)
        add((iri, RDF.type, CLASS[e.type]))
        for t in sorted(set(e.alt_types) - {e.type}):
            if t in CLASS:
                add((iri, RDF.type, CLASS[t]))
                add((iri, KG.altType, CLASS[t]))
        if e.type == "Place" and getattr(e, "admin", False):
            add((iri, RDF.type, KG.AdministrativeArea))
        add((iri, RDFS.label, _zh(e.label)))
        for a in sorted(set(e.aliases) - {e.label}):
            add((iri, SKOS.altLabel, _zh(a)))
        add((iri, KG.confidence, _conf(e.score)))
        add((iri, KG.extractedBy, _str("+".join(sorted(e.sources)) or "unknown")))
    return iris


def _add_original_form(g: Graph, ent: URIRef, surface: str, raw: str) -> None:
    """Keep the file's own spelling (full-width ＤＥＣ for DEC) as a skos:hiddenLabel, so a
    search for the name as printed still finds the entity."""
    raw = "".join(raw.split())
    if raw == surface or unicodedata.normalize("NFKC", raw) != unicodedata.normalize("NFKC", surface):
        return
    lit = _zh(raw)
    if (ent, RDFS.label, lit) not in g and (ent, SKOS.altLabel, lit) not in g:
        g.add((ent, SKOS.hiddenLabel, lit))


def _add_document(
    g: Graph, mint: Minter, di: int, d: Doc, resolution: Resolution, e_iri: list, facts: _Facts
) -> None:
    add = g.add
    doc = mint.document(d.path)
    add((doc, RDF.type, SDO.NewsArticle))
    path = readable_path(d.path)
    add((doc, DCTERMS.source, Literal(path)))
    add((doc, DCTERMS.identifier, Literal(path.replace("\\", "/").rsplit("/", 1)[-1])))
    add((doc, SDO.inLanguage, _str("zh")))
    add((doc, KG.encoding, _str(d.encoding)))
    if d.title.strip():
        add((doc, SDO.headline, _zh(d.title.strip())))
    if d.byline.strip():
        add((doc, SDO.creditText, _zh(d.byline.strip())))

    def entity_of(mi: int | None) -> URIRef | None:
        if mi is None or not 0 <= mi < len(d.mentions):
            return None
        ei = resolution.of_mention.get((di, mi))
        return None if ei is None else e_iri[ei]

    def sentence_of(index: int, start: int) -> int:
        return index if 0 <= index < len(d.sentences) else d.sentence_at(start)

    used: set[int] = set()
    # mention IRI → [entity, surface, start, end, sentence, components, best score]
    mentions: dict[URIRef, list] = {}
    spans: dict[tuple[int, int], set[URIRef]] = defaultdict(set)
    resolved = []
    for mi, m in enumerate(d.mentions):
        ent = entity_of(mi)
        if ent is None:
            continue
        add((doc, SDO.mentions, ent))
        s0, s1 = d.to_original(m.start, m.end)
        spans[s0, s1].add(ent)
        resolved.append((m, ent, s0, s1))
    for m, ent, s0, s1 in resolved:
        _add_original_form(g, ent, m.text, d.raw[s0:s1])
    for m, ent, s0, s1 in resolved:
        two_readings = len(spans[s0, s1]) > 1
        iri = mint.mention(doc, s0, s1, str(ent).rsplit("/", 2)[-2] if two_readings else "")
        si = sentence_of(m.sentence, m.start)
        row = mentions.get(iri)
        if row is None:
            mentions[iri] = [ent, m.text, s0, s1, si, set(m.source.split("+")), m.score]
        else:
            row[5].update(m.source.split("+"))
            row[6] = max(row[6], m.score)
    for iri, (ent, surface, s0, s1, si, sources, score) in mentions.items():
        add((iri, RDF.type, KG.Mention))
        add((iri, KG.denotes, ent))
        add((iri, KG.surface, _zh(surface)))
        add((iri, KG.inDocument, doc))
        add((iri, KG.startOffset, _int(s0)))
        add((iri, KG.endOffset, _int(s1)))
        add((iri, KG.extractedBy, _str("+".join(sorted(sources)))))
        add((iri, KG.confidence, _conf(score)))
        if si >= 0:
            add((iri, KG.inSentence, mint.sentence(doc, si)))
            used.add(si)

    for r in d.relations:
        subj = entity_of(r.subject)
        if subj is None:
            continue
        sm = d.mentions[r.subject]
        lo, hi = sm.start, sm.end
        obj = None
        if r.literal is None:
            obj = entity_of(r.object)
            if obj is None or obj == subj:
                continue
            om = d.mentions[r.object]
            lo, hi = min(lo, om.start), max(hi, om.end)
        if r.kind == "holds_position":
            if obj is None:
                continue
            key: tuple = ("membership", subj, obj, _role_name(r.role))
        elif r.kind in PROPERTY:
            prop, reverse = PROPERTY[r.kind]
            o = obj if obj is not None else _date(r.literal or "")
            key = ("triple", o, prop, subj) if reverse else ("triple", subj, prop, o)
        else:
            warnings.warn(f"{d.path}: relation kind {r.kind!r} has no property in kg.write.graph.PROPERTY; left out")
            continue
        si = sentence_of(r.sentence, lo)
        s0, s1 = d.to_original(lo, hi)
        facts.add(key, (doc, s0, s1), si, r.source, r.score)
        if si >= 0:
            used.add(si)

    for si in sorted(used):
        sent = d.sentences[si]
        s = mint.sentence(doc, si)
        s0, s1 = d.to_original(sent.start, sent.end)
        add((s, RDF.type, KG.Sentence))
        add((s, KG.inDocument, doc))
        add((s, SDO.text, _zh(sent.text)))
        add((s, KG.startOffset, _int(s0)))
        add((s, KG.endOffset, _int(s1)))
        add((s, KG.sentenceKind, _str(sent.kind)))


def _add_facts(g: Graph, mint: Minter, facts: _Facts) -> None:
    add = g.add
    roles: dict[URIRef, str] = {}
    for key, evs in facts.evidence.items():
        fact = mint.fact(*map(str, key))
        if key[0] == "membership":
            _, person, org, role = key
            add((fact, RDF.type, KG.Membership))
            add((fact, ORG.member, person))
            add((fact, ORG.organization, org))
            if role:
                r = mint.role(role)
                # names that differ only in punctuation share a role: label it by the first name
                roles[r] = min(roles.get(r, role), role)
                add((fact, ORG.role, r))
        else:
            _, s, p, o = key
            add((s, p, o))
            add((fact, RDF.type, KG.Assertion))
            add((fact, RDF.subject, s))
            add((fact, RDF.predicate, p))
            add((fact, RDF.object, o))
        add((fact, KG.confidence, _conf(_noisy_or([ev[2] for ev in evs.values()]))))
        for (doc, s0, s1), (si, sources, score) in evs.items():
            ev = mint.evidence(fact, doc, s0, s1)
            add((fact, KG.evidence, ev))
            add((ev, RDF.type, KG.Evidence))
            add((ev, KG.inDocument, doc))
            if si >= 0:
                add((ev, KG.inSentence, mint.sentence(doc, si)))
            add((ev, KG.startOffset, _int(s0)))
            add((ev, KG.endOffset, _int(s1)))
            add((ev, KG.extractedBy, _str("+".join(sorted(sources)))))
            add((ev, KG.confidence, _conf(score)))
    for r, name in roles.items():
        add((r, RDF.type, KG.Role))
        add((r, RDFS.label, _zh(name)))
