"""Group mentions into entities: one node per real thing, within and across documents.

Within a document, mentions merge when
* they carry the same name (whatever type each recogniser gave; the commonest type wins and
  the others become ``alt_types``);
* one is the short form of a place's name (青山 = 青山区; not 白沙区 = 白沙街道);
* one is the tail of exactly one longer name of the same type (党章学堂 = 某某党章学堂), or, for a
  programme or event, its head (助学贷 = 助学贷合作项目). A short form two longer names
  share is left alone: nobody can tell which one it means.
Across documents, entities merge on their most complete name, except names that only make
sense in context (市委, 社区党委, 县税务局): those carry their parent or place (from the
document's relations), else their document, so two 社区党委 in different places stay apart.

Confidence: noisy-or over the components that found the entity (each counted once, at its best).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..doc import ENTITY_TYPES, Doc
from .admin import SUFFIXES, is_admin, strip_suffix

# Names that begin with one of these point at a unit relative to where the text is (市委 = this
# city's committee); they are resolved in their context, never by name alone.
RELATIVE_HEADS = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "党委", "党支部", "党总支", "支部",
                  "该", "本", "我", "全")
# The parts of a relative name that do not name anything by themselves.
_PARENT_KINDS = ("sub_organization_of", "located_in", "part_of")
_QUOTES = "“”\"‘’'「」『』"


@dataclass
class Entity:
    key: str  # resolution key; with ``type`` it identifies the entity and mints its IRI
    type: str
    label: str  # canonical name: the most complete form
    aliases: set[str] = field(default_factory=set)  # every other surface form
    alt_types: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    score: float = 0.0
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (doc index, mention index)
    admin: bool = False  # a Place that is an administrative area (省 … 村, or a known division)
    context: str = ""  # for a name that needs one (市委): the parent or place it was read in

    @property
    def names(self) -> set[str]:
        return {self.label} | self.aliases


@dataclass
class Resolution:
    entities: list[Entity]
    of_mention: dict[tuple[int, int], int]  # (doc index, mention index) → entity index

    def entity(self, doc_index: int, mention_index: int) -> Entity | None:
        i = self.of_mention.get((doc_index, mention_index))
        return None if i is None else self.entities[i]


def normal_name(text: str) -> str:
    """Names compare without quote marks and spaces (“红领之家”党支部 = 红领之家党支部)."""
    return "".join(c for c in text if c not in _QUOTES and not c.isspace())


_QUOTED = re.compile(r"[“\"‘「『]([^“”\"‘’「」『』]{2,12})[”\"’」』]")
_PUNCT = re.compile(r"[—\-–·•・、，,：:（）()\s]")


def _bare(name: str) -> str:
    return _PUNCT.sub("", name) or name


def _name_of(m) -> str:
    n = normal_name(m.key or m.label) or m.label
    return FIXED_ALIASES.get(n, n) if m.type == "Organization" else n


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


# Fixed names the Party press uses for one organisation.
FIXED_ALIASES = {"我党": "中国共产党", "中共": "中国共产党", "我们党": "中国共产党"}


# A short name that is only a kind of body (组织部, 商务局, 居委会) names one only in context.
_GENERIC_BODY = re.compile(r"^[\u4e00-\u9fff]{1,3}(部|办|局|委|所|队|会|站|中心|专班)$")


def is_relative(name: str) -> bool:
    """市委, 社区党委, 县邮政局, 组织部: a name that needs its context to say which thing it is."""
    if name in ("党委", "党支部", "支部"):
        return True
    if is_admin(name):
        return False
    if name.startswith(RELATIVE_HEADS):
        return True
    # 商务局 is relative, 青山区委 is not: its head names a place
    m = _GENERIC_BODY.match(name) if len(name) <= 4 else None
    return bool(m) and not is_admin(name[: len(name) - len(m.group(1))])


def _admin_suffix(name: str) -> str:
    return next((s for s in SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), "")


class _Sets:
    """Union-find over integers."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _cluster_document(doc: Doc) -> list[list[int]]:
    """Mention indices of one document grouped into the things they name."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(doc.mentions):
        n = normal_name(m.key or m.label) or m.label
        by_name[FIXED_ALIASES.get(n, n) if m.type == "Organization" else n].append(i)
    # 甲——乙 and 甲乙 are one name written two ways
    by_bare: dict[str, list[str]] = defaultdict(list)
    for n in by_name:
        by_bare[_bare(n)].append(n)
    names = sorted(by_name)
    sets = _Sets(len(names))
    at = {n: k for k, n in enumerate(names)}
    types = {n: Counter(doc.mentions[i].type for i in by_name[n]).most_common(1)[0][0] for n in names}
    # 某某集团有限公司（某集团） / （简称“某集团”）: the name in brackets is the same thing's short name
    ordered = sorted((m for m in doc.mentions if not m.implicit), key=lambda m: (m.start, -m.end))
    for a, b in zip(ordered, ordered[1:]):
        between = doc.text[a.end:b.start]
        if a.type == b.type == "Organization" and re.fullmatch(r"[（(](?:以下)?(?:简称)?[“\"]?", between) \
                and re.match(r"[”\"]?[）)]", doc.text[b.end:b.end + 2]):
            sets.union(at[_name_of(a)], at[_name_of(b)])
    for same in by_bare.values():
        for n in same[1:]:
            sets.union(at[same[0]], at[n])
    # the quoted core of a programme's name (五定 in 社区“五定”管理体制), if only one name quotes it
    quoted: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if m.type in ("Program", "Event"):
            for q in _QUOTED.findall(m.text):
                quoted[normal_name(q)].add(normal_name(m.key or m.label))
    for short, longs in quoted.items():
        longs.discard(short)
        if short in at and len(longs) == 1 and next(iter(longs)) in at:
            sets.union(at[short], at[next(iter(longs))])
    # a surface form and the key it stands for are one thing, if it stands for only one
    stands_for: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if m.key:
            stands_for[normal_name(m.label)].add(normal_name(m.key))
    for surface, keys in stands_for.items():
        keys.discard(surface)
        if surface in at and len(keys) == 1 and next(iter(keys)) in at:
            sets.union(at[surface], at[next(iter(keys))])
    # places: a short form and its full name (青山 = 青山区), if only one full name fits
    places = [n for n in names if types[n] == "Place"]
    full_by_short: dict[str, set[str]] = defaultdict(set)
    for n in places:
        if _admin_suffix(n):
            full_by_short[strip_suffix(n)].add(n)
    for n in places:
        if not _admin_suffix(n) and len(full_by_short.get(n, ())) == 1:
            sets.union(at[n], at[next(iter(full_by_short[n]))])
    # a short form that is the tail (or, for programmes and events, the head) of one longer name
    # indexes by tail, head and first character keep this linear in the number of names
    by_tail: dict[str, list[str]] = defaultdict(list)
    by_head: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in names:
        for k in range(2, len(n)):
            by_tail[n[-k:]].append(n)
            by_head[n[:k]].append(n)
        by_first[n[:1]].append(n)
    for short in names:
        t = types[short]
        if t == "Person" or len(short) < 2 or is_relative(short):
            continue
        core = short[:-2] if t == "Event" and short.endswith("活动") and len(short) >= 6 else short
        longer = {n for n in by_tail.get(core, ()) if n != short and types[n] == t}
        if t in ("Program", "Event") and not longer:
            longer = {n for n in by_head.get(short, ()) if len(n) > len(short) + 1 and types[n] == t}
        roots = {sets.find(at[n]) for n in longer}
        if len(roots) == 1:
            sets.union(at[short], at[next(iter(longer))])
    # an abbreviation of a programme (联入走访 for 联镇入村社、走企业访群众): its characters, in
    # order, open the parts of exactly one name at least twice as long
    joined = Counter(sets.find(at[n]) for n in names)
    for short in names:
        t = types[short]
        if t not in ("Program", "Event") or not 2 <= len(short) <= 4 or joined[sets.find(at[short])] > 1:
            continue
        longs = [n for n in by_first[short[0]] if types[n] == t and len(n) >= 2 * len(short) and _subsequence(short, n)]
        if len(longs) == 1:
            sets.union(at[short], at[longs[0]])
    groups: dict[int, list[int]] = defaultdict(list)
    for n in names:
        groups[sets.find(at[n])].extend(by_name[n])
    return [sorted(g) for _, g in sorted(groups.items())]


def _canonical(names: Counter) -> str:
    """The most complete form: longest, then commonest, then first in code-point order."""
    return sorted(names, key=lambda n: (-len(n), -names[n], n))[0]


def resolve(docs: list[Doc]) -> Resolution:
    """Resolve every document's mentions into entities.

    >>> from kg.doc import Doc, Mention, Relation
    >>> a = Doc(path="a", mentions=[Mention(0, 3, "青山区", "Place", "t"), Mention(5, 7, "青山", "Place", "t")])
    >>> b = Doc(path="b", mentions=[Mention(0, 3, "青山区", "Place", "t", 0.8)])
    >>> r = resolve([a, b])
    >>> [(e.label, sorted(e.aliases), len(e.mentions), e.admin) for e in r.entities]
    [('青山区', ['青山'], 3, True)]
    """
    clusters: list[tuple[int, list[int]]] = []  # (doc index, mention indices)
    for di, doc in enumerate(docs):
        clusters += [(di, g) for g in _cluster_document(doc)]
    labels = []
    for di, g in clusters:
        labels.append(_canonical(Counter(normal_name(docs[di].mentions[i].key or docs[di].mentions[i].label) for i in g)))
    # where a mention sits, from the document's relations: its parent organisation or place
    of_cluster = {(di, i): c for c, (di, g) in enumerate(clusters) for i in g}
    context_of: dict[int, int] = {}  # cluster → the cluster of its parent or place
    for di, doc in enumerate(docs):
        for r in doc.relations:
            if r.kind in _PARENT_KINDS and r.object is not None and (di, r.subject) in of_cluster:
                c, p = of_cluster[di, r.subject], of_cluster.get((di, r.object))
                if p is not None and p != c and c not in context_of:
                    context_of[c] = p
    context = {c: labels[p] for c, p in context_of.items()}
    types = [Counter(docs[di].mentions[i].type for i in g).most_common(1)[0][0] for di, g in clusters]
    relative = [types[c] in ("Organization", "Place") and is_relative(labels[c]) for c in range(len(clusters))]
    keys: list[str] = [""] * len(clusters)
    for c in range(len(clusters)):
        t, name = types[c], labels[c]
        if relative[c]:
            continue
        if t == "Place" and _admin_suffix(name):
            keys[c] = strip_suffix(name) + "/" + _admin_suffix(name)
        elif t == "Person":
            keys[c] = "person/" + name
        else:
            keys[c] = name
    # a bare place name joins the one full name it shortens across documents (杭州 → 杭州市)
    full = defaultdict(set)
    for k in keys:
        if "/" in k and not k.startswith("person/"):
            full[k.split("/")[0]].add(k)
    keys = [next(iter(full[k])) if k in full and len(full[k]) == 1 else k for k in keys]
    # relative names last: they are told apart by their parent's key
    for c in range(len(clusters)):
        if relative[c]:
            keys[c] = f"{labels[c]}@{_context_key(c, context_of, relative, labels, keys, clusters, docs)}"

    entities: dict[str, Entity] = {}
    members: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c, (di, g) in enumerate(clusters):
        members[keys[c]] += [(di, i) for i in g]
    first_context: dict[str, str] = {}
    for c, k in enumerate(keys):
        if k not in first_context or (not first_context[k] and context.get(c)):
            first_context[k] = context.get(c, "")
    for key, ms in members.items():
        entities[key] = _entity(key, ms, docs, context_of=first_context.get(key, ""))
    order = sorted(entities.values(), key=lambda e: (ENTITY_TYPES.index(e.type) if e.type in ENTITY_TYPES else 99, e.label, e.key))
    index = {e.key: k for k, e in enumerate(order)}
    of_mention = {(di, i): index[keys[c]] for c, (di, g) in enumerate(clusters) for i in g}
    return Resolution(order, of_mention)


def _context_key(c: int, context_of: dict[int, int], relative: list[bool], labels: list[str], keys: list[str],
                 clusters: list[tuple[int, list[int]]], docs: list[Doc], depth: int = 0) -> str:
    """What tells a relative name apart: its parent's (or place's) own key, else its document.
    区委组织部 under 区委 under nothing known → keyed by the document, through its parent."""
    p = context_of.get(c)
    if p is None or depth > 5:
        return docs[clusters[c][0]].path
    if relative[p]:
        return f"{labels[p]}@{_context_key(p, context_of, relative, labels, keys, clusters, docs, depth + 1)}"
    return keys[p]


def _entity(key: str, ms: list[tuple[int, int]], docs: list[Doc], context_of: str) -> Entity:
    type_votes: Counter = Counter()
    names: Counter = Counter()
    alt: set[str] = set()
    best: dict[str, float] = {}
    for di, i in ms:
        m = docs[di].mentions[i]
        type_votes[m.type] += 1 + m.score  # more mentions win; at a tie, the surer ones
        alt.update(m.alt_types)
        names[normal_name(m.label) or m.label] += 1
        if m.key:
            names[normal_name(m.key)] += 0
        for s in m.source.split("+"):
            best[s] = max(best.get(s, 0.0), m.score)
    rank = {t: k for k, t in enumerate(ENTITY_TYPES)}
    type_ = min(type_votes, key=lambda t: (-round(type_votes[t], 6), rank.get(t, 99), t))
    label = _canonical(names)
    miss = 1.0
    for s in sorted(best):
        miss *= 1 - best[s]
    return Entity(
        key=key, type=type_, label=label, aliases={n for n in names if n != label},
        alt_types=(alt | set(type_votes)) - {type_}, sources=set(best), score=round(1 - miss, 4),
        mentions=sorted(ms), admin=type_ == "Place" and is_admin(label), context=context_of,
    )
