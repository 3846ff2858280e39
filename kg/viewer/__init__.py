"""Interactive HTML viewer of a built graph (pyvis, every asset inline)."""
from __future__ import annotations

from .html import render_html

__all__ = ["render_html"]
