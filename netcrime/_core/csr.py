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
from scipy import sparse

__all__ = [
    "as_search_csr",
    "count_loops",
    "csr_problem",
    "directed_csr",
    "induced",
    "neighbour_csr",
    "row_ids",
    "strip_loops",
    "symmetrise",
    "transpose",
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
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(np.diff(indptr) + np.diff(in_indptr), out=ip[1:])
    rows = np.concatenate([row_ids(indptr), row_ids(in_indptr)])
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
    rows = row_ids(offs)[ok]
    sub_ptr = np.zeros(k + 1, np.int64)
    np.cumsum(np.bincount(rows, minlength=k), out=sub_ptr[1:])
    return sub_ptr, cols[ok], entries[ok]


def as_search_csr(indptr: np.ndarray, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Contiguous int64 ``indptr`` and int32 ``indices`` for the search kernels (int32
    column indices halve the memory traffic of the searches; int64 beyond ``2**31`` nodes)."""
    n = len(indptr) - 1
    idx_t = np.int32 if n < 2**31 - 1 else np.int64
    return (np.ascontiguousarray(indptr, dtype=np.int64),
            np.ascontiguousarray(indices, dtype=idx_t))


def transpose(
    indptr: np.ndarray, indices: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """In-neighbour CSR ``(t_indptr, t_indices, entries)`` of a CSR with sorted rows.

    Row ``j`` lists the sources ``i`` of the entries ``i -> j``, ascending (a stable sort by
    column keeps the already sorted rows in order); ``entries[k]`` is the position in
    ``indices`` of transposed entry ``k``, so CSR-aligned values read as ``x[entries]``.
    """
    ix = np.asarray(indices)
    n = len(indptr) - 1
    entries = np.argsort(ix, kind="stable").astype(np.int64, copy=False)
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(ix, minlength=n), out=ip[1:])
    return ip, row_ids(indptr)[entries], entries


def strip_loops(
    indptr: np.ndarray, indices: np.ndarray
) -> tuple[np.ndarray, np.ndarray, int]:
    """CSR without self-loops; also return the number of loops removed."""
    n = len(indptr) - 1
    rows = row_ids(indptr)
    keep = rows != indices
    n_loops = int(len(indices) - keep.sum())
    if n_loops == 0:
        return np.asarray(indptr, np.int64), np.asarray(indices, np.int64), 0
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(rows[keep], minlength=n), out=ip[1:])
    return ip, np.ascontiguousarray(indices[keep], dtype=np.int64), n_loops


def symmetrise(
    indptr: np.ndarray,
    indices: np.ndarray,
    values: np.ndarray | None = None,
    add_transpose: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Loop-free symmetric CSR ``(indptr, indices, values)``, rows sorted, one entry a pair.

    ``z_ij = a_ij + a_ji`` (``values`` default 1 per entry, duplicates summed) with
    ``add_transpose``; without it the CSR is taken as already symmetric (an undirected
    graph stored in both rows) and only its loops go. The pattern is the underlying simple
    undirected graph either way.
    """
    n = len(indptr) - 1
    data = np.ones(len(indices)) if values is None else np.asarray(values, np.float64)
    a = sparse.csr_array((data, np.asarray(indices), np.asarray(indptr)), shape=(n, n))
    if add_transpose:
        a = (a + a.T).tocsr()
    a.sum_duplicates()
    a.sort_indices()
    rows = row_ids(a.indptr)
    keep = rows != a.indices
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(rows[keep], minlength=n), out=ip[1:])
    return ip, a.indices[keep].astype(np.int64), a.data[keep].astype(np.float64)


@njit(cache=True)
def count_loops(indptr, indices):  # pragma: no cover - compiled
    """Number of self-loop entries ``(v, v)`` of a CSR, in one pass without temporaries."""
    c = 0
    for v in range(len(indptr) - 1):
        for k in range(indptr[v], indptr[v + 1]):
            if indices[k] == v:
                c += 1
    return c


@njit(cache=True)
def csr_problem(indptr, indices, eid, m):
    """First structural fault of a CSR read from disk, as ``(code, position)``; ``(0, -1)``
    when sound.

    Codes: 1 ``indptr[0] != 0``; 2 ``indptr`` decreases; 3 ``indptr[-1] != len(indices)``;
    4 a column index outside ``[0, n)``; 5 a row not strictly increasing; 6 an edge id outside
    ``[0, m)`` (``eid`` of length 0: not checked). One pass over the arrays.
    """
    n = len(indptr) - 1
    if n < 0 or indptr[0] != 0:
        return 1, 0
    for v in range(n):
        lo = indptr[v]
        hi = indptr[v + 1]
        if hi < lo:
            return 2, v
        if hi > len(indices):
            return 3, v
        prev = -1
        for p in range(lo, hi):
            u = indices[p]
            if u < 0 or u >= n:
                return 4, p
            if u <= prev:
                return 5, p
            prev = u
    if indptr[n] != len(indices):
        return 3, n
    for p in range(len(eid)):
        if eid[p] < 0 or eid[p] >= m:
            return 6, p
    return 0, -1
