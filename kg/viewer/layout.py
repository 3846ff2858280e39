"""A fast force-directed layout for big graphs, so the page does not have to run physics on them.

vis-network's physics needs a second or more per iteration on thousands of nodes in a busy
browser; here springs pull along edges and a repulsion field, computed for all nodes at once on a
grid by FFT convolution (O(n + m + G² log G) per step), pushes them apart. Deterministic (seeded).

>>> pos = spring_positions(4, [(0, 1), (1, 2), (2, 3)])
>>> pos.shape
(4, 2)
>>> bool(abs(pos[0] - pos[3]).sum() > abs(pos[0] - pos[1]).sum())
True
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np


def _kernel(g: int) -> np.ndarray:
    """FFT of a 1/r repulsion potential on a (2g × 2g) wrapped grid (zero padding avoids wrap-around)."""
    idx = np.arange(2 * g)
    d = np.minimum(idx, 2 * g - idx).astype(float)
    r = np.sqrt(d[:, None] ** 2 + d[None, :] ** 2)
    k = 1.0 / np.maximum(r, 0.5)
    return np.fft.rfft2(k)


def spring_positions(n: int, edges: Iterable[tuple[int, int]], *, spacing: float = 70.0,
                     iterations: int = 250, seed: int = 7) -> np.ndarray:
    """Positions (n × 2, in vis-network pixels) for ``n`` nodes joined by ``edges``."""
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    e = np.array([(a, b) for a, b in edges if a != b], dtype=np.int64).reshape(-1, 2)
    side = spacing * math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    g = int(min(256, max(16, 2 ** math.ceil(math.log2(math.sqrt(n) * 1.5)))))
    kf = _kernel(g)
    deg = np.bincount(e.ravel(), minlength=n).astype(float) if len(e) else np.zeros(n)
    for it in range(iterations):
        temp = side * 0.1 * (1 - it / iterations) + spacing * 0.05
        force = np.zeros((n, 2))
        # Springs along edges, rest length = spacing; hubs' pull is shared among their edges.
        if len(e):
            d = pos[e[:, 1]] - pos[e[:, 0]]
            dist = np.sqrt((d ** 2).sum(1)) + 1e-9
            f = (d * ((dist - spacing) / dist)[:, None]) * 0.5
            w = 1.0 / np.sqrt(1 + np.minimum(deg[e[:, 0]], deg[e[:, 1]]))[:, None]
            f *= w
            for c in (0, 1):
                force[:, c] += np.bincount(e[:, 0], f[:, c], minlength=n) - np.bincount(e[:, 1], f[:, c], minlength=n)
        # Repulsion: density on a grid, convolved with 1/r, minus its gradient at each node.
        lo = pos.min(0) - spacing
        span = float((pos.max(0) + spacing - lo).max())
        cell = span / g
        ij = np.clip(((pos - lo) / cell).astype(np.int64), 0, g - 1)
        flat = ij[:, 0] * g + ij[:, 1]
        count = np.bincount(flat, minlength=g * g)
        dens = np.zeros((2 * g, 2 * g))
        dens[:g, :g] = count.reshape(g, g)
        phi = np.fft.irfft2(np.fft.rfft2(dens) * kf, s=dens.shape)[:g, :g]
        gx, gy = np.gradient(phi)
        strength = spacing * 2.5
        force[:, 0] -= gx[ij[:, 0], ij[:, 1]] * strength
        force[:, 1] -= gy[ij[:, 0], ij[:, 1]] * strength
        # Nodes sharing a cell push away from the cell's centre of mass.
        if (count > 1).any():
            mean = np.stack([np.bincount(flat, pos[:, c], minlength=g * g) for c in (0, 1)], 1) / np.maximum(count, 1)[:, None]
            off = pos - mean[flat]
            many = (count[flat] > 1)[:, None]
            off = np.where((np.abs(off).sum(1) < 1e-6)[:, None] & many, rng.normal(size=(n, 2)), off)
            force += np.where(many, off * (spacing / (np.sqrt((off ** 2).sum(1)) + 1e-9))[:, None] * 0.5, 0)
        # A little gravity keeps separate components on screen.
        force -= pos * 0.03
        step = np.sqrt((force ** 2).sum(1)) + 1e-9
        pos += force * (np.minimum(step, temp) / step)[:, None]
    # Nodes without edges go on a sunflower ring around the rest instead of the grid's edge.
    alone = np.flatnonzero(deg == 0)
    if len(alone) and len(alone) < n:
        linked = np.flatnonzero(deg > 0)
        pos -= pos[linked].mean(0)
        r0 = float(np.sqrt((pos[linked] ** 2).sum(1)).max()) + spacing
        k = np.arange(len(alone))
        r = np.sqrt(r0 ** 2 + k * spacing ** 2 / math.pi)
        a = k * math.pi * (3 - math.sqrt(5))
        pos[alone] = np.stack([r * np.cos(a), r * np.sin(a)], 1)
    else:
        pos -= pos.mean(0)
    return np.round(pos, 1)
