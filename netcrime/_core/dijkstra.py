"""Dijkstra's settle loop, its priority queue and the one rule for equal path lengths.

Used by :mod:`netcrime._core.bfs` (distances) and :mod:`netcrime._core.brandes` (path
counts), so both break ties between weighted path lengths the same way.

Equal path lengths: two lengths ``a`` and ``b`` are equal when
``|a - b| <= EQUAL_LENGTH_RTOL * max(a, b)`` (igraph's rule), so round-off in sums such as
``0.1 + 0.2`` and ``0.3`` does not split shortest paths.

The priority queue is an indexed 4-ary min-heap with decrease-key: keys ``hk``, node ids
``hv`` and ``pos[v]``, the slot of ``v`` in the heap (:data:`UNSEEN`:
never reached, :data:`SETTLED`: popped). At most ``n`` entries, so the arrays have ``n``
slots. Measured ~1.4x faster than a binary heap with lazy deletion on the n = 10,000
benchmark graph (fewer levels, no stale entries, keys of the four children in one cache
line).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "EQUAL_LENGTH_RTOL",
    "SETTLED",
    "UNSEEN",
    "dijkstra_settle",
    "dijkstra_workspace",
    "heap_pop",
    "heap_sift_up",
    "same_length",
]

UNSEEN = -1
SETTLED = -2

EQUAL_LENGTH_RTOL = 1e-10
"""Two path lengths are equal when they differ by at most this times the larger (igraph)."""


@njit(cache=True, inline="always")
def same_length(a, b):
    """Whether two non-negative path lengths are equal under :data:`EQUAL_LENGTH_RTOL`."""
    return abs(a - b) <= EQUAL_LENGTH_RTOL * max(a, b)


@njit(cache=True, inline="always")
def heap_sift_up(hk, hv, pos, i, key, val):
    """Place ``val`` with ``key`` at slot ``i`` or above: a push when ``i`` is the heap size
    (then size + 1), a decrease-key when ``i == pos[val]``."""
    while i > 0:
        p = (i - 1) >> 2
        if hk[p] <= key:
            break
        hk[i] = hk[p]
        hv[i] = hv[p]
        pos[hv[i]] = i
        i = p
    hk[i] = key
    hv[i] = val
    pos[val] = i


@njit(cache=True, inline="always")
def heap_pop(hk, hv, pos, size):
    """Remove the minimum; returns ``(key, node, new size)``. The node is marked settled."""
    key = hk[0]
    val = hv[0]
    pos[val] = SETTLED
    size -= 1
    if size > 0:
        lk = hk[size]
        lv = hv[size]
        i = 0
        while True:
            c = 4 * i + 1
            if c >= size:
                break
            best = c
            bk = hk[c]
            e = min(c + 4, size)
            for j in range(c + 1, e):
                if hk[j] < bk:
                    bk = hk[j]
                    best = j
            if lk <= bk:
                break
            hk[i] = bk
            hv[i] = hv[best]
            pos[hv[i]] = i
            i = best
        hk[i] = lk
        hv[i] = lv
        pos[lv] = i
    return key, val, size


@njit(cache=True)
def dijkstra_workspace(n):
    """``(dist, pos, order, hk, hv)`` for searches on ``n`` nodes, in their clear state
    (``dist`` inf, ``pos`` :data:`UNSEEN`)."""
    return (np.full(n, np.inf), np.full(n, UNSEEN, np.int64), np.empty(n, np.int32),
            np.empty(n), np.empty(n, np.int64))


@njit(cache=True)
def dijkstra_settle(indptr, indices, lengths, alive, s, dist, sigma, order, pos, hk, hv):
    """Settle the nodes reachable from ``s`` (alive); returns their number, ``order[:tail]``
    in settling order.

    ``dist`` must be ``inf`` and ``pos`` :data:`UNSEEN` on entry (and ``sigma`` 0); every
    node reached is settled (the heap runs empty), so the caller clears them over
    ``order[:tail]``. With ``sigma`` (not ``None``) the shortest paths are counted: a
    length equal (:func:`same_length`) to the best known adds paths instead of replacing
    it. ``alive`` ``None``: no mask (numba compiles the ``None`` branches away).
    """
    dist[s] = 0.0
    if sigma is not None:
        sigma[s] = 1.0
    heap_sift_up(hk, hv, pos, 0, 0.0, s)
    size = 1
    tail = 0
    while size > 0:
        d, v, size = heap_pop(hk, hv, pos, size)
        order[tail] = v
        tail += 1
        for k in range(indptr[v], indptr[v + 1]):
            w = indices[k]
            if alive is not None:
                if not alive[w]:
                    continue
            pw = pos[w]
            if pw == SETTLED:
                continue
            nd = d + lengths[k]
            if pw == UNSEEN:
                dist[w] = nd
                if sigma is not None:
                    sigma[w] = sigma[v]
                heap_sift_up(hk, hv, pos, size, nd, w)
                size += 1
            elif sigma is not None and same_length(nd, dist[w]):
                sigma[w] += sigma[v]
            elif nd < dist[w]:
                dist[w] = nd
                if sigma is not None:
                    sigma[w] = sigma[v]
                heap_sift_up(hk, hv, pos, pw, nd, w)
    return tail
