"""Reverse union-find removal curves (Newman & Ziff 2001, doi:10.1103/PhysRevE.64.016706).

Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

Removing nodes (or edges) one by one and recomputing components costs ``O(r (n + m))``;
adding them back in reverse order to a union-find forest costs near ``O(n + m)`` for the
whole curve. A Fenwick tree over component sizes gives the second-largest component after
every step.

* :func:`removal_curve` -- node removal order;
* :func:`edge_removal_curve` -- edge removal order (every node stays);
* :func:`union_labels` -- connected-component labels of an edge list in one union-find pass
  (record linkage: ads joined through shared identifiers).

Both return ``(lcc, second, n_components, connected_pairs)``, arrays of length
``len(order) + 1``: entry ``k`` describes the graph after the first ``k`` removals; the
merge of two components is written once, in :func:`_union`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["edge_removal_curve", "removal_curve", "union_labels"]


@njit(cache=True, inline="always")
def _find(parent, x):
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:  # path compression
        nxt = parent[x]
        parent[x] = root
        x = nxt
    return root


@njit(cache=True, inline="always")
def _fen_add(tree, i, v):
    # Fenwick tree over component sizes 1..n (index = size)
    n = len(tree) - 1
    while i <= n:
        tree[i] += v
        i += i & (-i)


@njit(cache=True)
def _fen_kth(tree, k, logn):
    # smallest size s with (number of components of size <= s) >= k
    pos = 0
    step = logn
    n = len(tree) - 1
    while step > 0:
        nxt = pos + step
        if nxt <= n and tree[nxt] < k:
            pos = nxt
            k -= tree[nxt]
        step >>= 1
    return pos + 1


@njit(cache=True, inline="always")
def _union(parent, size, tree, a, b, ncomp, lcc, pairs):
    """Merge the components of the distinct roots ``a`` and ``b`` (by size); returns the
    updated ``(n_components, lcc, connected_pairs)``. The callers find the roots first, so
    the common case (already joined) costs no call."""
    sa = np.int64(size[a])
    sb = np.int64(size[b])
    if sa < sb:
        a, b = b, a
    parent[b] = a
    size[a] = sa + sb
    _fen_add(tree, sa, -1)
    _fen_add(tree, sb, -1)
    _fen_add(tree, sa + sb, 1)
    return ncomp - 1, max(lcc, sa + sb), pairs + sa * sb


@njit(cache=True)
def _forest(n, order, n_items):
    """Empty forest on ``n`` nodes (``parent``, ``size``, Fenwick ``tree``, its top power of
    two), the output array (rows: lcc, second, n_components, pairs) for the removals
    ``order``, and the mask of the ``n_items`` items (nodes or edges) never removed."""
    r = len(order)
    present = np.ones(n_items, np.bool_)
    for k in range(r):
        present[order[k]] = False
    logn = 1
    while logn * 2 <= n:
        logn *= 2
    out = (np.zeros(r + 1, np.int64), np.zeros(r + 1, np.int64), np.zeros(r + 1, np.int64),
           np.zeros(r + 1, np.int64))
    # int32 parent and size arrays (as in 0.1): half the memory traffic of int64 in the
    # find loops; sizes are widened to int64 before any product
    parent = np.arange(n).astype(np.int32)
    return parent, np.ones(n, np.int32), np.zeros(n + 1, np.int64), logn, out, present


@njit(cache=True, inline="always")
def _record(out, k, tree, logn, ncomp, lcc, pairs):
    out[0][k] = lcc
    out[2][k] = ncomp
    out[3][k] = pairs
    if ncomp >= 2:
        out[1][k] = _fen_kth(tree, ncomp - 1, logn)


@njit(cache=True)
def removal_curve(nbr_ptr, nbr_idx, order):
    """Component statistics after every prefix of ``order`` (Newman--Ziff, reverse pass).

    Returns four arrays of length ``len(order) + 1``; entry ``k`` describes the graph after the
    first ``k`` nodes of ``order`` are removed: largest component size, second-largest
    component size (0 if fewer than two components), number of components, and the number of
    unordered connected pairs ``sum_c s_c (s_c - 1) / 2``.
    """
    n = len(nbr_ptr) - 1
    r = len(order)
    parent, size, tree, logn, out, present = _forest(n, order, n)
    ncomp = np.int64(present.sum())
    lcc = np.int64(min(ncomp, 1))
    pairs = np.int64(0)
    _fen_add(tree, 1, ncomp)
    # union all edges among the nodes never removed (each once: u > v)
    for v in range(n):
        if present[v]:
            for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
                u = nbr_idx[p]
                if u > v and present[u]:
                    a = _find(parent, v)
                    b = _find(parent, u)
                    if a != b:
                        ncomp, lcc, pairs = _union(parent, size, tree, a, b, ncomp, lcc, pairs)
    _record(out, r, tree, logn, ncomp, lcc, pairs)
    # add the removed nodes back, last removed first
    for k in range(r - 1, -1, -1):
        v = order[k]
        present[v] = True
        ncomp += 1
        lcc = max(lcc, 1)
        _fen_add(tree, 1, 1)
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            u = nbr_idx[p]
            if present[u]:
                a = _find(parent, v)
                b = _find(parent, u)
                if a != b:
                    ncomp, lcc, pairs = _union(parent, size, tree, a, b, ncomp, lcc, pairs)
        _record(out, k, tree, logn, ncomp, lcc, pairs)
    return out


@njit(cache=True)
def edge_removal_curve(n, src, dst, order):
    """Like :func:`removal_curve` for edges: every node stays; entry ``k`` describes the
    graph after the first ``k`` edges (ids into ``src``/``dst``) of ``order`` are removed."""
    m = len(src)
    r = len(order)
    parent, size, tree, logn, out, present = _forest(n, order, m)
    ncomp = np.int64(n)
    lcc = np.int64(min(n, 1))
    pairs = np.int64(0)
    _fen_add(tree, 1, n)
    # first union the edges never removed, then add the others back in reverse
    for e in range(m):
        if present[e]:
            a = _find(parent, src[e])
            b = _find(parent, dst[e])
            if a != b:
                ncomp, lcc, pairs = _union(parent, size, tree, a, b, ncomp, lcc, pairs)
    _record(out, r, tree, logn, ncomp, lcc, pairs)
    for k in range(r - 1, -1, -1):
        a = _find(parent, src[order[k]])
        b = _find(parent, dst[order[k]])
        if a != b:
            ncomp, lcc, pairs = _union(parent, size, tree, a, b, ncomp, lcc, pairs)
        _record(out, k, tree, logn, ncomp, lcc, pairs)
    return out


@njit(cache=True)
def union_labels(n, src, dst, shift=0):
    """Component label of each of the ``n`` items joined by the pairs
    ``(src[e], dst[e] + shift)`` (``shift`` spares the caller a shifted copy of ``dst``).

    One union-find pass (union by size, path halving): ``O(n + m alpha(n))``. Labels are
    ``0..c-1`` in order of each component's smallest item, so the result does not depend on
    the order of the pairs.
    """
    # int32 parent and size (n < 2**31 always holds for arrays this kernel is given): half
    # the memory traffic of int64 in the find loops; find is inlined with path halving
    parent = np.arange(n).astype(np.int32)
    size = np.ones(n, np.int32)
    for e in range(len(src)):
        a = np.int32(src[e])
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        b = np.int32(dst[e] + shift)
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
    # label pass: point every item at its root as it is read; the size array is reused
    # for the labels of the roots
    out = np.empty(n, np.int64)
    label = size  # reused: -1 = root not yet labelled
    label[:] = -1
    c = 0
    for v in range(n):
        r = v
        while parent[r] != r:
            r = parent[r]
        parent[v] = r
        if label[r] < 0:
            label[r] = c
            c += 1
        out[v] = label[r]
    return out
