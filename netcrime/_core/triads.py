"""Open two-path counting by group pattern (Gould–Fernandez brokerage kernels).

Arrays in, arrays out; no pandas, no labels.

A broker ``b`` earns a point for every ordered pair ``(a, c)`` with ``a -> b -> c``,
``a, b, c`` distinct and no arc ``a -> c``. The per-broker counts by group pattern are
computed without enumerating open two-paths:

1. *all* two-paths through ``b`` by pattern, from group histograms of ``in(b)`` and
   ``out(b)`` (``O(m)``; the same-group pair count ``sum_g hin[b, g] * hout[b, g]`` uses a
   scratch counter of length ``G`` per broker);
2. minus the pairs with ``a == c`` (mutual neighbours of ``b``);
3. minus the *closed* two-paths (``a -> c`` exists): for every arc ``a -> c`` the
   intermediaries are ``out(a) ∩ in(c)``, found by scanning the shorter sorted list and
   binary-searching the longer one (``O(sum over arcs of min(d, d') log d'')``, the cost of
   triangle listing, never the number of open two-paths).

Columns of the result (sna order): ``w_I, w_O, b_IO, b_OI, b_O``.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from .csr import strip_loops, transpose

__all__ = ["brokerage_counts", "brokerage_partial_credit"]


@njit(cache=True)
def _contains(arr, lo, hi, x):
    # binary search for x in sorted arr[lo:hi]
    while lo < hi:
        mid = (lo + hi) >> 1
        v = arr[mid]
        if v < x:
            lo = mid + 1
        elif v > x:
            hi = mid
        else:
            return True
    return False


@njit(cache=True)
def _role(ga, gb, gc):
    # 0 w_I, 1 w_O, 2 b_IO, 3 b_OI, 4 b_O (the branch order of sna's C code)
    if ga == gb:
        if gb == gc:
            return 0
        return 2
    if gb == gc:
        return 3
    if ga == gc:
        return 1
    return 4


@njit(cache=True)
def _counts_kernel(n, n_groups, ip, ix, jp, jx, grp):
    out = np.zeros((n, 5), np.float64)
    cnt = np.zeros(n_groups, np.int64)
    # steps 1 and 2: all pairs (a in in(b), c in out(b)), a != c
    for b in range(n):
        gb = grp[b]
        din = jp[b + 1] - jp[b]
        dout = ip[b + 1] - ip[b]
        in_same = 0
        for t in range(jp[b], jp[b + 1]):
            ga = grp[jx[t]]
            cnt[ga] += 1
            if ga == gb:
                in_same += 1
        out_same = 0
        pair_same = 0  # pairs with g(a) == g(c), any group
        for t in range(ip[b], ip[b + 1]):
            gc = grp[ix[t]]
            pair_same += cnt[gc]
            if gc == gb:
                out_same += 1
        for t in range(jp[b], jp[b + 1]):
            cnt[grp[jx[t]]] = 0
        # mutual neighbours (a == c): a in in(b) and out(b); both lists sorted
        mut_same = 0
        mut_diff = 0
        p = jp[b]
        q = ip[b]
        while p < jp[b + 1] and q < ip[b + 1]:
            u = jx[p]
            v = ix[q]
            if u < v:
                p += 1
            elif u > v:
                q += 1
            else:
                if grp[u] == gb:
                    mut_same += 1
                else:
                    mut_diff += 1
                p += 1
                q += 1
        w_i = in_same * out_same - mut_same
        w_all_same = pair_same - mut_same - mut_diff  # g(a) == g(c), a != c
        w_o = w_all_same - w_i
        b_io = in_same * (dout - out_same)
        b_oi = (din - in_same) * out_same
        # b_O: g(a) != gb, g(c) != gb, g(a) != g(c): the (din-in_same)(dout-out_same) pairs
        # minus those with g(a) == g(c) != gb, which number (pair_same - in_same*out_same);
        # the a == c pairs all have g(a) == g(c), so they are gone with them.
        b_o = (din - in_same) * (dout - out_same) - (pair_same - in_same * out_same)
        out[b, 0] = w_i
        out[b, 1] = w_o
        out[b, 2] = b_io
        out[b, 3] = b_oi
        out[b, 4] = b_o
    # step 3: closed two-paths a -> b -> c with a -> c
    for a in range(n):
        ga = grp[a]
        for t in range(ip[a], ip[a + 1]):
            c = ix[t]
            gc = grp[c]
            lo1 = ip[a]
            hi1 = ip[a + 1]
            lo2 = jp[c]
            hi2 = jp[c + 1]
            if hi1 - lo1 <= hi2 - lo2:
                for s in range(lo1, hi1):
                    b = ix[s]
                    if b != c and _contains(jx, lo2, hi2, b):
                        out[b, _role(ga, grp[b], gc)] -= 1.0
            else:
                for s in range(lo2, hi2):
                    b = jx[s]
                    if b != a and _contains(ix, lo1, hi1, b):
                        out[b, _role(ga, grp[b], gc)] -= 1.0
    return out


def brokerage_counts(
    indptr: np.ndarray, indices: np.ndarray, groups: np.ndarray, n_groups: int
) -> np.ndarray:
    """Per-broker Gould–Fernandez counts, shape ``(n, 5)``: w_I, w_O, b_IO, b_OI, b_O.

    ``indptr``/``indices``: CSR of out-neighbours (rows sorted, no duplicates; self-loops are
    ignored). ``groups``: int group code per node in ``[0, n_groups)``.
    """
    ip, ix, _ = strip_loops(indptr, indices)
    jp, jx, _ = transpose(ip, ix)
    n = len(ip) - 1
    grp = np.ascontiguousarray(groups, dtype=np.int64)
    return _counts_kernel(n, int(max(n_groups, 1)), ip, ix, jp, jx, grp)


@njit(cache=True)
def _partial_kernel(n, ip, ix, grp):
    out = np.zeros((n, 5), np.float64)
    mark = np.full(n, -1, np.int64)
    k = np.zeros(n, np.int64)
    for a in range(n):
        for t in range(ip[a], ip[a + 1]):
            mark[ix[t]] = a
        mark[a] = a
        # count intermediaries k(a, c) of every open pair (a, c)
        for t in range(ip[a], ip[a + 1]):
            b = ix[t]
            for s in range(ip[b], ip[b + 1]):
                c = ix[s]
                if c != b and mark[c] != a:
                    k[c] += 1
        ga = grp[a]
        for t in range(ip[a], ip[a + 1]):
            b = ix[t]
            gb = grp[b]
            for s in range(ip[b], ip[b + 1]):
                c = ix[s]
                if c != b and mark[c] != a:
                    out[b, _role(ga, gb, grp[c])] += 1.0 / k[c]
        for t in range(ip[a], ip[a + 1]):
            b = ix[t]
            for s in range(ip[b], ip[b + 1]):
                k[ix[s]] = 0
    return out


def brokerage_partial_credit(
    indptr: np.ndarray, indices: np.ndarray, groups: np.ndarray
) -> np.ndarray:
    """UCINET-style counts: each open pair ``(a, c)`` with ``k`` intermediaries gives each
    of them ``1/k``. Shape ``(n, 5)``. Cost: the number of two-paths (enumerated)."""
    ip, ix, _ = strip_loops(indptr, indices)
    n = len(ip) - 1
    grp = np.ascontiguousarray(groups, dtype=np.int64)
    return _partial_kernel(n, ip, ix, grp)
