"""Triangles through every node of a simple undirected CSR (degree-ordered forward
algorithm, ``O(m * sqrt(m))``), numba. Arrays in, arrays out.

Pass :func:`netcrime._core.csr.symmetrise` of a graph for its underlying simple graph.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["triangles"]


@njit(cache=True)
def _triangles(indptr, indices, n):  # pragma: no cover - compiled
    deg = indptr[1:] - indptr[:-1]
    # rank: order by (degree, index); orient every edge from lower to higher rank
    order = np.argsort(deg, kind="mergesort")
    rank = np.empty(n, np.int64)
    for r in range(n):
        rank[order[r]] = r
    fptr = np.zeros(n + 1, np.int64)
    for u in range(n):
        c = 0
        for k in range(indptr[u], indptr[u + 1]):
            if rank[indices[k]] > rank[u]:
                c += 1
        fptr[u + 1] = fptr[u] + c
    fwd = np.empty(fptr[n], np.int64)
    for u in range(n):
        p = fptr[u]
        for k in range(indptr[u], indptr[u + 1]):
            v = indices[k]
            if rank[v] > rank[u]:
                fwd[p] = v
                p += 1
        fwd[fptr[u]:fptr[u + 1]].sort()
    tri = np.zeros(n, np.int64)
    for u in range(n):
        for k in range(fptr[u], fptr[u + 1]):
            v = fwd[k]
            # intersect fwd(u) and fwd(v), both sorted
            i, iend = fptr[u], fptr[u + 1]
            j, jend = fptr[v], fptr[v + 1]
            while i < iend and j < jend:
                a = fwd[i]
                b = fwd[j]
                if a == b:
                    tri[u] += 1
                    tri[v] += 1
                    tri[a] += 1
                    i += 1
                    j += 1
                elif a < b:
                    i += 1
                else:
                    j += 1
    return tri


def triangles(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Number of triangles through every node of a simple undirected CSR (int64)."""
    n = len(indptr) - 1
    if n == 0:
        return np.zeros(0, np.int64)
    return _triangles(np.asarray(indptr, np.int64), np.asarray(indices, np.int64), n)
