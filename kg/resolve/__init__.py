"""Step 6 — resolve: one entity per real thing, within and across documents.

>>> from kg.doc import Doc, Mention
>>> d = Doc(path="a", mentions=[Mention(0, 3, "北仑区", "Place", "t"), Mention(5, 7, "北仑", "Place", "t")])
>>> r = resolve([d])
>>> [(e.label, sorted(e.aliases)) for e in r.entities]
[('北仑区', ['北仑'])]
"""
from __future__ import annotations

from .entities import Entity, Resolution, normal_name, resolve

__all__ = ["Entity", "Resolution", "normal_name", "resolve"]
