"""CSR assembly kernels for :class:`netcrime.Graph` (arrays in, arrays out).

Edges arrive as a sorted array of unique int64 pair keys ``key = a * n + b`` (undirected:
``a <= b``). The undirected CSR stores every edge in both rows, so it is filled by a counting
sort with one cursor per row: a sequential scatter that numba does without the argsort and the
three concatenated ``2m`` temporaries a numpy version needs (memory is the binding target of
building a Graph from a large edge list).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "directed_csr",
    "induced",
    "neighbour_csr",
    "row_ids",
    "undirected_csr",
    "undirected_edge_array",
]


def directed_csr(n: int, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(indptr, indices)`` of the arcs ``key // n -> key % n`` (``key`` sorted, unique).

    The edge id of CSR entry ``k`` is ``k``: arcs sorted by ``(source, target)`` are already
    in CSR order.
    """
    nn = np.int64(max(n, 1))
    indptr = np.searchsorted(key, np.arange(n + 1, dtype=np.int64) * nn).astype(np.int64)
    indices = np.remainder(key, nn)
    return indptr, indices


@njit(cache=True)
def undirected_csr(n, key):  # pragma: no cover - compiled
    """``(indptr, indices, edge_ids)`` of the undirected edges ``{key // n, key % n}``.

    ``key`` is sorted and unique with ``key // n <= key % n``. Row ``r`` lists first the
    neighbours ``a < r`` (edges ``(a, r)``, met in ascending ``a`` when scanning the sorted
    keys), then ``b >= r`` (edges ``(r, b)``, ascending ``b``); a self-loop is stored once.
    The upper entries (``col >= row``) in CSR order are the edges in id order.
    """
    m = key.shape[0]
    nn = max(n, 1)
    indptr = np.zeros(n + 1, np.int64)
    for e in range(m):
        a = key[e] // nn
        b = key[e] - a * nn
        indptr[a + 1] += 1
        if a != b:
            indptr[b + 1] += 1
    for i in range(n):
        indptr[i + 1] += indptr[i]
    cur = indptr[:n].copy()
    nnz = indptr[n]
    indices = np.empty(nnz, np.int64)
    eids = np.empty(nnz, np.int64)
    for e in range(m):
        a = key[e] // nn
        b = key[e] - a * nn
        if a != b:
            p = cur[b]
            indices[p] = a
            eids[p] = e
            cur[b] = p + 1
    for e in range(m):
        a = key[e] // nn
        b = key[e] - a * nn
        p = cur[a]
        indices[p] = b
        eids[p] = e
        cur[a] = p + 1
    return indptr, indices, eids


@njit(cache=True)
def undirected_edge_array(indptr, indices, m):  # pragma: no cover - compiled
    """``(src, dst)`` of the ``m`` undirected edges read from the CSR's upper entries."""
    n = indptr.shape[0] - 1
    src = np.empty(m, np.int64)
    dst = np.empty(m, np.int64)
    e = 0
    for r in range(n):
        for k in range(indptr[r], indptr[r + 1]):
            c = indices[k]
            if c >= r:
                src[e] = r
                dst[e] = c
                e += 1
    return src, dst


def neighbour_csr(
    indptr: np.ndarray,
    indices: np.ndarray,
    directed: bool,
    in_indptr: np.ndarray | None = None,
    in_indices: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric neighbour CSR: the graph's own CSR if undirected, else out- and in-rows
    concatenated per node (an arc appears once in each endpoint's row; a reciprocated pair
    twice). Row lengths are then the library's ``Graph.degree()``."""
    if not directed:
        return np.asarray(indptr, np.int64), np.asarray(indices, np.int64)
    n = len(indptr) - 1
    out_len = np.diff(indptr)
    in_len = np.diff(in_indptr)
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(out_len + in_len, out=ip[1:])
    rows = np.concatenate(
        [np.repeat(np.arange(n, dtype=np.int64), out_len),
         np.repeat(np.arange(n, dtype=np.int64), in_len)]
    )
    cols = np.concatenate([indices, in_indices]).astype(np.int64)
    order = np.argsort(rows, kind="stable")
    return ip, cols[order]


def row_ids(indptr: np.ndarray) -> np.ndarray:
    """Row (source position) of every CSR entry: ``[0]*deg(0) + [1]*deg(1) + ...`` (int64)."""
    ip = np.asarray(indptr)
    return np.repeat(np.arange(len(ip) - 1, dtype=np.int64), np.diff(ip))


def induced(
    indptr: np.ndarray, indices: np.ndarray, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sub-CSR induced by the nodes ``keep`` (ascending int positions or a boolean mask).

    Returns ``(sub_indptr, sub_indices, entries)``: the kept nodes renumbered ``0..k-1`` in
    ascending position order, rows still sorted, and ``entries[j]`` the position in
    ``indices`` of sub-CSR entry ``j`` (so CSR-aligned values are sliced as ``x[entries]``).
    Cost ``O(k + sum of the kept rows' lengths)``: rows of removed nodes are never read.
    """
    ip = np.asarray(indptr, np.int64)
    ix = np.asarray(indices)
    n = len(ip) - 1
    keep = np.asarray(keep)
    members = np.flatnonzero(keep) if keep.dtype == np.bool_ else keep.astype(np.int64)
    k = len(members)
    local = np.full(n, -1, np.int64)
    local[members] = np.arange(k, dtype=np.int64)
    starts = ip[members]
    cnt = ip[members + 1] - starts
    total = int(cnt.sum())
    offs = np.zeros(k + 1, np.int64)
    np.cumsum(cnt, out=offs[1:])
    entries = np.repeat(starts - offs[:-1], cnt) + np.arange(total, dtype=np.int64)
    cols = local[ix[entries]]
    ok = cols >= 0
    rows = np.repeat(np.arange(k, dtype=np.int64), cnt)[ok]
    sub_ptr = np.zeros(k + 1, np.int64)
    np.cumsum(np.bincount(rows, minlength=k), out=sub_ptr[1:])
    return sub_ptr, cols[ok], entries[ok]
