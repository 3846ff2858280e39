"""Step 6 — resolve: one entity per real thing, within and across documents.

>>> from kg.doc import Doc, Mention
>>> d = Doc(path="a", mentions=[Mention(0, 3, "青山区", "Place", "t"), Mention(5, 7, "青山", "Place", "t")])
>>> r = resolve([d])
>>> [(e.label, sorted(e.aliases)) for e in r.entities]
[('青山区', ['青山'])]
"""
from __future__ import annotations

from .entities import Entity, Resolution, normal_name, resolve

__all__ = ["Entity", "Resolution", "normal_name", "resolve"]
