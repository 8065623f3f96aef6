"""Key-player kernels (Borgatti 2006): objectives on ``G - S`` and ``G`` with a set ``S``.

Arrays in, arrays out; no pandas, no labels.

* :func:`component_pairs` — ``sum_c s_c (s_c - 1)`` over the components of the undirected
  graph restricted to ``alive`` nodes (BFS with a mask, ``O(n + m)``);
* :func:`residual_csr` — the CSR of ``G - S`` (renumbered), for the all-pairs distance sums of
  :func:`netcrime._core.paths.distance_sums` (reachability and inverse distances);
* :func:`multi_source_distances` — hop distances from the nearest member of ``S``
  (``-1`` unreachable), one BFS seeded with all of ``S`` (``O(n + m)``).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from . import paths as _paths

__all__ = [
    "component_pairs",
    "distance_pair_sums",
    "distance_pair_sums_serial",
    "multi_source_distances",
    "residual_csr",
]


@njit(cache=True)
def _component_pairs(ip, ix, alive):
    n = len(ip) - 1
    seen = np.zeros(n, np.bool_)
    queue = np.empty(n, np.int64)
    total = 0.0
    for s in range(n):
        if seen[s] or not alive[s]:
            continue
        seen[s] = True
        queue[0] = s
        head = 0
        tail = 1
        while head < tail:
            u = queue[head]
            head += 1
            for t in range(ip[u], ip[u + 1]):
                v = ix[t]
                if alive[v] and not seen[v]:
                    seen[v] = True
                    queue[tail] = v
                    tail += 1
        total += float(tail) * float(tail - 1)
    return total


def component_pairs(indptr: np.ndarray, indices: np.ndarray, alive: np.ndarray) -> float:
    """``sum_c s_c (s_c - 1)``: ordered pairs of alive nodes joined by a path (undirected
    CSR, i.e. stored in both rows)."""
    return float(_component_pairs(indptr, indices, np.ascontiguousarray(alive, np.bool_)))


def residual_csr(
    indptr: np.ndarray, indices: np.ndarray, alive: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR of the subgraph on ``alive`` nodes (renumbered in position order) and the
    old positions of its nodes."""
    n = len(indptr) - 1
    alive = np.asarray(alive, bool)
    keep_nodes = np.flatnonzero(alive)
    newpos = np.full(n, -1, np.int64)
    newpos[keep_nodes] = np.arange(len(keep_nodes))
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
    ok = alive[rows] & alive[indices]
    r = newpos[rows[ok]]
    c = newpos[np.asarray(indices)[ok]]
    cnt = np.bincount(r, minlength=len(keep_nodes))
    ip = np.zeros(len(keep_nodes) + 1, np.int64)
    np.cumsum(cnt, out=ip[1:])
    return ip, np.ascontiguousarray(c, dtype=np.int64), keep_nodes


def distance_pair_sums(
    indptr: np.ndarray,
    indices: np.ndarray,
    alive: np.ndarray,
    sources: np.ndarray | None = None,
) -> tuple[float, float, int, int]:
    """Over ordered pairs ``(s, t)`` of alive nodes, ``s`` in ``sources`` (old positions,
    alive; default all alive): (number of reachable pairs, sum of ``1/d``, number of
    sources used, number of alive nodes)."""
    ip, ix, keep = residual_csr(indptr, indices, alive)
    n_alive = len(keep)
    if n_alive == 0:
        return 0.0, 0.0, 0, 0
    if sources is None:
        src = None
        n_src = n_alive
    else:
        newpos = np.full(len(indptr) - 1, -1, np.int64)
        newpos[keep] = np.arange(n_alive)
        src = newpos[np.asarray(sources, np.int64)]
        src = src[src >= 0]
        n_src = len(src)
        if n_src == 0:
            return 0.0, 0.0, 0, n_alive
    _, reached, inverse = _paths.distance_sums(ip, ix, sources=src)
    return float(reached.sum()), float(inverse.sum()), n_src, n_alive


@njit(cache=True)
def _masked_sums(ip, ix, alive, sources):
    n = len(ip) - 1
    dist = np.full(n, -1, np.int64)
    queue = np.empty(n, np.int64)
    reached = 0.0
    inverse = 0.0
    for s in sources:
        if not alive[s]:
            continue
        dist[s] = 0
        queue[0] = s
        head = 0
        tail = 1
        while head < tail:
            u = queue[head]
            head += 1
            du = dist[u] + 1
            for t in range(ip[u], ip[u + 1]):
                v = ix[t]
                if alive[v] and dist[v] < 0:
                    dist[v] = du
                    queue[tail] = v
                    tail += 1
                    reached += 1.0
                    inverse += 1.0 / du
        for h in range(tail):
            dist[queue[h]] = -1
    return reached, inverse


def distance_pair_sums_serial(
    indptr: np.ndarray,
    indices: np.ndarray,
    alive: np.ndarray,
    sources: np.ndarray | None = None,
) -> tuple[float, float, int, int]:
    """Same result as :func:`distance_pair_sums`, one thread, BFS with a mask (no residual
    CSR). For the many small evaluations of a key-player search, where the start-up cost of
    the parallel kernel of :mod:`netcrime._core.paths` dominates."""
    alive = np.ascontiguousarray(alive, np.bool_)
    n_alive = int(alive.sum())
    src = np.flatnonzero(alive) if sources is None else np.asarray(sources, np.int64)
    src = np.ascontiguousarray(src[alive[src]], np.int64)
    if n_alive == 0 or len(src) == 0:
        return 0.0, 0.0, len(src), n_alive
    reached, inverse = _masked_sums(np.asarray(indptr, np.int64), np.asarray(indices, np.int64),
                                    alive, src)
    return float(reached), float(inverse), len(src), n_alive


@njit(cache=True)
def _multi_bfs(ip, ix, seeds, m):
    n = len(ip) - 1
    dist = np.full(n, -1, np.int64)
    queue = np.empty(n, np.int64)
    tail = 0
    for s in seeds:
        if dist[s] < 0:
            dist[s] = 0
            queue[tail] = s
            tail += 1
    head = 0
    while head < tail:
        u = queue[head]
        head += 1
        du = dist[u]
        if m >= 0 and du >= m:
            continue
        for t in range(ip[u], ip[u + 1]):
            v = ix[t]
            if dist[v] < 0:
                dist[v] = du + 1
                queue[tail] = v
                tail += 1
    return dist


def multi_source_distances(
    indptr: np.ndarray, indices: np.ndarray, seeds: np.ndarray, max_dist: int = -1
) -> np.ndarray:
    """Hop distance from the nearest seed along out-edges (``-1``: unreachable, or farther
    than ``max_dist`` when ``max_dist >= 0``)."""
    return _multi_bfs(
        np.asarray(indptr, np.int64), np.asarray(indices, np.int64),
        np.ascontiguousarray(seeds, np.int64), int(max_dist),
    )
