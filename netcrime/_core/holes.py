"""Burt structural-hole and ego-betweenness kernels.

Arrays in, arrays out; no pandas, no labels.

``burt_measures`` works on the symmetric *mutual-weight* CSR ``Z`` (``z_ij = a_ij + a_ji``,
no loops, rows sorted). For every ego ``i`` it marks the contacts ``N(i)`` in a scratch
array, then walks the two-step paths ``i - q - j`` that stay inside ``N(i)``: the masked
product ``(P P)_ij`` for constraint and ``sum_q p_iq m_jq`` for effective size. Cost
``O(sum_q deg(q)^2)`` time, ``O(n)`` scratch memory; no n×n matrix is formed.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "burt_measures",
    "ego_betweenness_counts",
    "ego_betweenness_directed",
]


@njit(cache=True)
def _burt_kernel(n, zp, zx, zv):
    s = np.zeros(n)
    mx = np.zeros(n)
    for i in range(n):
        for t in range(zp[i], zp[i + 1]):
            s[i] += zv[t]
            if zv[t] > mx[i]:
                mx[i] = zv[t]
    C = np.full(n, np.nan)
    ES = np.full(n, np.nan)
    H = np.full(n, np.nan)
    stamp = np.full(n, -1, np.int64)
    acc = np.zeros(n)
    for i in range(n):
        k = zp[i + 1] - zp[i]
        if k == 0:
            continue
        for t in range(zp[i], zp[i + 1]):
            j = zx[t]
            stamp[j] = i
            acc[j] = zv[t] / s[i]  # p_ij
        red = 0.0
        for t in range(zp[i], zp[i + 1]):
            q = zx[t]
            piq = zv[t] / s[i]
            for u in range(zp[q], zp[q + 1]):
                j = zx[u]
                if stamp[j] == i:
                    acc[j] += piq * zv[u] / s[q]  # p_iq p_qj
                    red += piq * zv[u] / mx[j]  # p_iq m_jq (z symmetric)
        c = 0.0
        for t in range(zp[i], zp[i + 1]):
            j = zx[t]
            c += acc[j] * acc[j]
        C[i] = c
        ES[i] = k - red
        if k > 1 and c > 0:
            h = 0.0
            for t in range(zp[i], zp[i + 1]):
                j = zx[t]
                r = acc[j] * acc[j] * k / c
                h += r * np.log(r)
            H[i] = h / (k * np.log(k))
        for t in range(zp[i], zp[i + 1]):
            acc[zx[t]] = 0.0
    return C, ES, H


def burt_measures(
    n: int, zp: np.ndarray, zx: np.ndarray, zv: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Constraint, effective size, hierarchy and contact count per node (NaN for isolates;
    hierarchy NaN for one contact) from a mutual-weight CSR (see
    :func:`netcrime._core.csr.symmetrise`)."""
    C, ES, H = _burt_kernel(n, zp, zx, zv)
    k = np.diff(zp).astype(np.float64)
    return C, ES, H, k


@njit(cache=True)
def _ego_bc_kernel(n, ip, ix):
    # undirected: per ego i, the ego network's adjacency in local ids (contacts only), then
    # for every contact a: pairs (a, c) not adjacent count 1 each, minus the share lost to
    # other intermediaries b (a ~ b ~ c inside N(i)): 1 - 1/(1 + #b).
    out = np.zeros(n)
    stamp = np.full(n, -1, np.int64)
    loc = np.zeros(n, np.int64)
    nodes = np.zeros(n, np.int64)
    eptr = np.zeros(n + 1, np.int64)
    eidx = np.zeros(max(len(ix), 1), np.int64)
    adj = np.full(n, -1, np.int64)  # adj[c] == tag: c adjacent to the current a
    cnt = np.zeros(n, np.int64)
    touched = np.zeros(n, np.int64)
    tag = 0
    for i in range(n):
        k = 0
        for t in range(ip[i], ip[i + 1]):
            v = ix[t]
            if v != i and stamp[v] != i:
                stamp[v] = i
                loc[v] = k
                nodes[k] = v
                k += 1
        if k < 2:
            continue
        e = 0
        for a in range(k):
            eptr[a] = e
            v = nodes[a]
            for t in range(ip[v], ip[v + 1]):
                w = ix[t]
                if w != v and stamp[w] == i:
                    eidx[e] = loc[w]
                    e += 1
        eptr[k] = e
        total = 0.0
        for a in range(k):
            tag += 1
            deg_a = eptr[a + 1] - eptr[a]
            for t in range(eptr[a], eptr[a + 1]):
                adj[eidx[t]] = tag
            nt = 0
            for t in range(eptr[a], eptr[a + 1]):
                b = eidx[t]
                for u in range(eptr[b], eptr[b + 1]):
                    c = eidx[u]
                    if c == a:
                        continue
                    if cnt[c] == 0:
                        touched[nt] = c
                        nt += 1
                    cnt[c] += 1
            corr = 0.0
            for h in range(nt):
                c = touched[h]
                if adj[c] != tag:
                    corr += 1.0 - 1.0 / (1.0 + cnt[c])
                cnt[c] = 0
            total += (k - 1 - deg_a) - corr
        out[i] = total
    return out


@njit(cache=True)
def _local_bfs(src, eptr, eidx, dist, sigma, queue):
    # BFS on the ego network in local ids; dist must be -1 and sigma 0 on entry
    dist[src] = 0
    sigma[src] = 1.0
    queue[0] = src
    head = 0
    tail = 1
    while head < tail:
        u = queue[head]
        head += 1
        for t in range(eptr[u], eptr[u + 1]):
            v = eidx[t]
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                queue[tail] = v
                tail += 1
            if dist[v] == dist[u] + 1:
                sigma[v] += sigma[u]
    return tail


@njit(cache=True)
def _ego_bc_directed_kernel(n, ip, ix, jp, jx):
    # general case: shortest paths inside a directed ego network can be longer than 2.
    # Per ego: copy the ego network (ego = local 0, contacts 1..k) into a local out-CSR,
    # BFS from ego and from every contact, and sum sigma_si sigma_it / sigma_st over the
    # pairs with d(s, i) + d(i, t) == d(s, t).
    out = np.zeros(n)
    stamp = np.full(n, -1, np.int64)
    loc = np.zeros(n, np.int64)
    nodes = np.zeros(n + 1, np.int64)
    eptr = np.zeros(n + 2, np.int64)
    eidx = np.zeros(max(len(ix), 1), np.int64)
    di = np.full(n + 1, -1, np.int64)
    si = np.zeros(n + 1)
    ds = np.full(n + 1, -1, np.int64)
    ss = np.zeros(n + 1)
    queue = np.zeros(n + 1, np.int64)
    for i in range(n):
        stamp[i] = i
        loc[i] = 0
        nodes[0] = i
        k = 1
        for t in range(ip[i], ip[i + 1]):
            v = ix[t]
            if stamp[v] != i:
                stamp[v] = i
                loc[v] = k
                nodes[k] = v
                k += 1
        for t in range(jp[i], jp[i + 1]):
            v = jx[t]
            if stamp[v] != i:
                stamp[v] = i
                loc[v] = k
                nodes[k] = v
                k += 1
        if k < 3:
            continue
        e = 0
        for a in range(k):
            eptr[a] = e
            v = nodes[a]
            for t in range(ip[v], ip[v + 1]):
                w = ix[t]
                if stamp[w] == i:
                    eidx[e] = loc[w]
                    e += 1
        eptr[k] = e
        _local_bfs(0, eptr, eidx, di, si, queue)
        total = 0.0
        for a in range(1, k):
            tl = _local_bfs(a, eptr, eidx, ds, ss, queue)
            if ds[0] > 0:
                for h in range(tl):
                    t = queue[h]
                    if t == a or t == 0 or di[t] < 0:
                        continue
                    if ds[0] + di[t] == ds[t]:
                        total += ss[0] * si[t] / ss[t]
            for h in range(tl):
                ds[queue[h]] = -1
                ss[queue[h]] = 0.0
        # reset the BFS from ego (its visited set is not kept: reset all k)
        for a in range(k):
            di[a] = -1
            si[a] = 0.0
        out[i] = total
    return out


def ego_betweenness_counts(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Ego betweenness of an undirected graph over *ordered* pairs (halve it).

    Input: the symmetric CSR (loops are skipped). In an undirected ego network every
    contact is adjacent to ego, so two contacts ``j, k`` that are not tied are at distance
    2 and ego's share of the pair is ``1 / (1 + #{q in N(i): j ~ q ~ k})``. Per ego the
    network is copied into local ids (``O(sum_{q in N(i)} deg(q))``), then the two-paths
    inside it are walked; pairs with no other intermediary count 1 without being visited.
    """
    n = len(indptr) - 1
    return _ego_bc_kernel(n, np.asarray(indptr, np.int64), np.asarray(indices, np.int64))


def ego_betweenness_directed(
    indptr: np.ndarray, indices: np.ndarray, in_indptr: np.ndarray, in_indices: np.ndarray
) -> np.ndarray:
    """Ego betweenness of a directed graph by BFS inside every ego network (loop-free CSRs).

    ``O(sum_i k_i m_i)`` with ``k_i`` contacts and ``m_i`` arcs in the ego network of ``i``.
    """
    n = len(indptr) - 1
    return _ego_bc_directed_kernel(n, indptr, indices, in_indptr, in_indices)
