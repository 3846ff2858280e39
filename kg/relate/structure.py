"""Component: what an organisation's name says about it.

A name that is another organisation's name plus a department is a sub-organisation
(某某区委组织部 → 某某区委; 某某公司党支部 → 某某公司; 某科学院某某分院 → 某科学院); a name that is a
place's name plus a short unit is located in that place (某某县交通局 → 某某县; a community, street,
town or village opening a unit's name, 某某社区党群服务中心, even when named nowhere else). A parent named
only inside the child's name is added as an implicit mention, so the relation has two ends.
Committees of a place (某某区委) and company names that merely start with a city are not
"located in" it: the annotation guidelines read them as names, not locations.

>>> from kg.doc import Doc, Mention, Sentence
>>> t = "青山县委宣传部在青山县开会。"
>>> d = Doc(path="x", text=t, sentences=[Sentence(0, len(t), t)])
>>> d.mentions = [Mention(0, 7, "青山县委宣传部", "Organization", "t", sentence=0),
...               Mention(8, 11, "青山县", "Place", "t", sentence=0)]
>>> [(r.kind, d.mentions[r.subject].label, d.mentions[r.object].label) for r in recognize(d)]
[('sub_organization_of', '青山县委宣传部', '青山县委')]
"""
from __future__ import annotations

from ..doc import Doc, Relation
from ..recognize.tokens import boundaries
from ..recognize.words import GENERIC_PLACE_PARTS
from ..resolve.admin import is_admin, strip_suffix
from .spans import QUOTES, can_act, ensure_mention

SOURCE = "relate.structure"

# A parent an organisation's name may start with, recognised by how it ends …
HEADS = ("区委", "市委", "县委", "省委", "州委", "镇委", "乡委", "党委", "党工委", "政府", "公司", "集团",
         "局", "厅", "委员会", "科学院", "科院", "研究院", "大学", "学院", "医院", "银行")
# … when the rest of the name is a department, branch or office of it.
DEPARTMENTS = ("部", "办", "办公室", "处", "科", "室", "所", "分院", "分公司", "分行", "支部", "党支部",
               "党总支", "党委", "中心", "局", "委员会", "站", "队", "学院", "研究院")
COMPANY = ("公司", "集团", "厂", "银行")
MAX_UNIT = 8  # 某某县 + at most this many characters reads as "the … of 某某县"


LOCAL_SUFFIXES = ("工业社区", "社区", "街道", "镇", "乡", "村")


def _local_place(name: str) -> bool:
    """A community, street, town or village by its name (two or more characters before the suffix)."""
    suffix = next((x for x in LOCAL_SUFFIXES if name.endswith(x)), "")
    stem = name[: -len(suffix)] if suffix else ""
    # not 某某区|工业社区 (the district's communities in general)
    return len(stem) >= 2 and stem not in GENERIC_PLACE_PARTS and not stem.endswith(("省", "市", "区", "县")) \
        and not name.endswith(("乡村", "农村", "城乡"))  # 某某乡村振兴队: the countryside, not a village


def _text_offset(doc: Doc, m, k: int) -> int | None:
    """Offset in doc.text of the k-th character of ``m.label`` (quote marks and spaces skipped)."""
    n = 0
    for pos in range(m.start, m.end + 1):
        if n == k:
            return pos
        if pos < m.end and doc.text[pos] not in QUOTES and not doc.text[pos].isspace():
            n += 1
    return None


def recognize(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    labels: dict[tuple[str, str], int] = {}
    for i, m in enumerate(doc.mentions):
        labels.setdefault((m.type, m.label), i)
    for i, m in enumerate(doc.mentions):  # 某某区 also under the full name a short mention stands for
        if m.key:
            labels.setdefault((m.type, m.key), i)
    # 滕头 for 滕头村: a short form of an administrative place named in this document
    short_forms = {strip_suffix(n) for t, n in labels if t == "Place" and is_admin(n)}
    todo = [i for i, m in enumerate(doc.mentions) if m.type in ("Organization", "Event")]
    done: set[int] = set()
    while todo:
        i = todo.pop(0)
        if i in done:
            continue
        done.add(i)
        m = doc.mentions[i]
        name = m.label
        for k in range(len(name) - 1, 1, -1):
            parent, rest = name[:k], name[k:]
            kind = None
            if m.type == "Event" and ("Place", parent) not in labels:
                continue  # an event's name tells where it is held, nothing more
            if ("Organization", parent) in labels:
                kind, type_ = "sub_organization_of", "Organization"
            elif ("Place", parent) in labels:
                if rest.startswith("委") or rest.endswith("党") or name.endswith(COMPANY) or len(rest) > MAX_UNIT:
                    break
                if not (can_act(doc.mentions[labels["Place", parent]]) or parent in short_forms):
                    break  # 中国政府, 美国队: a country's name says nothing about where
                kind, type_ = "located_in", "Place"
            elif parent.endswith(HEADS) and rest.endswith(DEPARTMENTS) and len(rest) >= 2:
                kind, type_ = "sub_organization_of", "Organization"
            elif m.type == "Organization" and _local_place(parent) and 2 <= len(rest) <= MAX_UNIT \
                    and (_text_offset(doc, m, k) or -1) in boundaries(doc):
                kind, type_ = "located_in", "Place"  # 某某工业社区|党群服务中心: named nowhere else
            if kind is None:
                continue
            end = _text_offset(doc, m, k)
            if end is None:
                break
            j = ensure_mention(doc, m.start, end, type_, SOURCE, 0.6, implicit=True)
            labels.setdefault((type_, parent), j)
            out.append(Relation(kind, i, j, m.sentence, SOURCE, 0.75 if kind == "sub_organization_of" else 0.65))
            if type_ == "Organization":
                todo.append(j)
            break
    return out
