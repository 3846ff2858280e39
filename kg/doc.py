"""The document object every pipeline step reads and extends.

Like spaCy's ``Doc``: one object per input file, passed through small steps in order
(read → clean → split → recognize → relate). Every span keeps character offsets into the
*cleaned* text; ``Doc.to_original`` maps them back to character offsets in the original file.

Extraction of one document is a pure function (``kg.pipeline.extract``): its result, a ``Doc``,
holds plain data only (str, int, float, lists, dataclasses) so it pickles cheaply across
processes or a Dask cluster. Resolution and RDF writing then merge many of them.

>>> d = Doc(path="a.txt", raw="北仑 区", text="北仑区", offsets=[0, 1, 3, 4])
>>> d.to_original(2, 3)
(3, 4)
"""
from __future__ import annotations

from dataclasses import dataclass, field

# The six entity types, in the order summaries and legends list them.
ENTITY_TYPES = ("Person", "Place", "Organization", "Program", "Event", "Award")

# Relation kinds the relation recognisers emit (subject → object).
RELATION_KINDS = (
    "holds_position",       # Person → Organization (role = the post, e.g. 党委书记)
    "member_of",            # Person → Organization, no post named
    "part_of",              # Place → Place
    "located_in",           # Organization / Event / Program → Place
    "sub_organization_of",  # Organization → Organization
    "founded",              # Person / Organization → Organization (the founder is the subject)
    "launched",             # Organization / Place / Person → Program / Event
    "received_award",       # Person / Organization / Place → Award
    "hometown_of",          # Person → Place  (read: the place is the person's hometown)
    "born_in",              # Person → Place
    "nationality",          # Person → Place (a country)
    "founded_on",           # Organization / Place → a date literal
)


@dataclass
class Sentence:
    start: int  # offsets into Doc.text
    end: int
    text: str
    kind: str = "body"  # body | title | byline | caption | heading


@dataclass
class Mention:
    """A span of Doc.text that names an entity."""

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    source: str  # the component that proposed it, e.g. "gazetteer", "rules.org", "crf"
    score: float = 0.5  # confidence in [0, 1]
    sentence: int = -1  # index into Doc.sentences (set by Doc.attach_sentences)
    alt_types: tuple[str, ...] = ()  # other types the same thing plausibly has
    name: str = ""  # normalised name if it differs from text (quotes removed, OCR spaces…)
    key: str = ""  # resolution hint: fuller form this mention stands for, e.g. 北仑 → 北仑区
    implicit: bool = False  # a parent named only inside another name (北仑区委 in 北仑区委组织部)

    @property
    def label(self) -> str:
        return self.name or self.text


@dataclass
class Relation:
    """A fact between two mentions (or a mention and a literal) stated in one sentence."""

    kind: str  # one of RELATION_KINDS
    subject: int  # index into Doc.mentions
    object: int | None  # index into Doc.mentions, or None when ``literal`` is set
    sentence: int  # index into Doc.sentences
    source: str  # component, e.g. "relate.positions"
    score: float = 0.5
    literal: str | None = None  # for founded_on: a normalised date "2015-05"
    role: str | None = None  # for holds_position: the post, e.g. 党委书记


@dataclass
class Doc:
    path: str  # as given by the user (relative paths stay relative → stable IRIs)
    raw: str = ""  # the decoded original file
    text: str = ""  # cleaned text
    offsets: list[int] = field(default_factory=list)  # len(text)+1 entries: cleaned → original
    encoding: str = "utf-8"
    title: str = ""
    byline: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the cleaned text to the original file's characters.

        The map need not be monotonic (clean moves a caption out of the sentence it interrupted),
        so the result runs from the smallest to the largest original offset of the span's characters.
        """
        if not self.offsets:
            return start, end
        if end <= start:
            return self.offsets[start], self.offsets[start]
        span = self.offsets[start:end]
        return min(span), max(span) + 1

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding cleaned offset ``pos`` (-1 if none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1

    def attach_sentences(self) -> None:
        """Set ``Mention.sentence`` for every mention from its start offset."""
        for m in self.mentions:
            m.sentence = self.sentence_at(m.start)
