"""Group mentions into entities: a canonical name, every surface form kept as an alias."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..doc import Doc

# Administrative suffixes that a short form may drop (北仑 = 北仑区).
_ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "区", "县", "镇", "乡", "街道")


@dataclass
class Entity:
    key: str  # resolution key; with ``type`` it identifies the entity and mints its IRI
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    alt_types: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    score: float = 0.0
    mentions: list[tuple[int, int]] = field(default_factory=list)  # (doc index, mention index)

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


def _short_form(name: str, type_: str) -> str:
    if type_ == "Place":
        for suf in _ADMIN_SUFFIXES:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                return name[: -len(suf)]
    return name


def resolve(docs: list[Doc]) -> Resolution:
    groups: dict[tuple[str, str], Entity] = {}
    of_mention: dict[tuple[int, int], tuple[str, str]] = {}
    for di, doc in enumerate(docs):
        for mi, m in enumerate(doc.mentions):
            name = m.key or m.label
            k = (m.type, _short_form(name, m.type))
            e = groups.get(k)
            if e is None:
                e = groups[k] = Entity(key=k[1], type=m.type, label=m.label)
            # the longest surface form is the canonical name
            if len(m.label) > len(e.label) or (len(m.label) == len(e.label) and m.label < e.label):
                e.aliases.add(e.label)
                e.label = m.label
            elif m.label != e.label:
                e.aliases.add(m.label)
            e.alt_types.update(m.alt_types)
            e.sources.update(m.source.split("+"))
            e.score = max(e.score, m.score)
            e.mentions.append((di, mi))
            of_mention[di, mi] = k
    keys = sorted(groups, key=lambda k: (k[0], groups[k].label, k[1]))
    index = {k: i for i, k in enumerate(keys)}
    entities = [groups[k] for k in keys]
    for e in entities:
        e.aliases.discard(e.label)
        e.alt_types.discard(e.type)
    return Resolution(entities, {mk: index[k] for mk, k in of_mention.items()})
