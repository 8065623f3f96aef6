"""Two-mode projection kernel: the upper triangle of ``B Bᵀ`` row by row (arrays in, out).

Sparse matrix product with a dense accumulator (Gustavson's row-by-row algorithm): for each
row ``u`` of the incidence matrix, walk its columns ``e`` and their rows ``v > u``, counting
the shared columns in one marker array reused across rows. Two passes (sizes, then values),
so the output is allocated once at its exact size, and each row's pairs come out sorted, so
the caller's pair keys are already in Graph order (no sort of the ``m`` pair keys).
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["project_upper"]


@njit(cache=True)
def _row_sizes(ptr, idx, tptr, tidx, n):
    marker = np.full(n, -1, dtype=np.int64)
    sizes = np.zeros(n, dtype=np.int64)
    for u in range(n):
        c = 0
        for p in range(ptr[u], ptr[u + 1]):
            e = idx[p]
            for q in range(tptr[e], tptr[e + 1]):
                v = tidx[q]
                if v > u and marker[v] != u:
                    marker[v] = u
                    c += 1
        sizes[u] = c
    return sizes


@njit(cache=True)
def _fill(ptr, idx, tptr, tidx, scale, n, out_ptr):
    m = out_ptr[n]
    dst = np.empty(m, dtype=np.int64)
    count = np.empty(m, dtype=np.float64)
    wsum = np.empty(m, dtype=np.float64)
    acc_c = np.zeros(n, dtype=np.float64)  # dense accumulators, reset after each row
    acc_w = np.zeros(n, dtype=np.float64)
    for u in range(n):
        start = out_ptr[u]
        c = start
        for p in range(ptr[u], ptr[u + 1]):
            e = idx[p]
            s = scale[e]
            for q in range(tptr[e], tptr[e + 1]):
                v = tidx[q]
                if v > u:
                    if acc_c[v] == 0.0:
                        dst[c] = v
                        c += 1
                    acc_c[v] += 1.0
                    acc_w[v] += s
        dst[start:c].sort()
        for k in range(start, c):
            v = dst[k]
            count[k] = acc_c[v]
            wsum[k] = acc_w[v]
            acc_c[v] = 0.0
            acc_w[v] = 0.0
    return dst, count, wsum


def project_upper(ptr: np.ndarray, idx: np.ndarray, tptr: np.ndarray, tidx: np.ndarray,
                  scale: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``u < v`` sharing a column of ``B`` and their sums over the shared columns.

    ``(ptr, idx)`` is ``B`` in CSR (``n`` rows), ``(tptr, idx)`` its transpose in CSR;
    ``scale[e]`` a value per column. Returns ``(src, dst, count, wsum)`` sorted by
    ``(src, dst)``: ``count`` the number of shared columns and ``wsum`` the sum of their
    ``scale``. Work ``Σ_e k_e²``, extra memory ``O(n)`` besides the output.
    """
    n = len(ptr) - 1
    ptr = np.ascontiguousarray(ptr, dtype=np.int64)
    idx = np.ascontiguousarray(idx, dtype=np.int64)
    tptr = np.ascontiguousarray(tptr, dtype=np.int64)
    tidx = np.ascontiguousarray(tidx, dtype=np.int64)
    sizes = _row_sizes(ptr, idx, tptr, tidx, n)
    out_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=out_ptr[1:])
    dst, count, wsum = _fill(ptr, idx, tptr, tidx,
                             np.ascontiguousarray(scale, dtype=np.float64), n, out_ptr)
    src = np.repeat(np.arange(n, dtype=np.int64), sizes)
    return src, dst, count, wsum
