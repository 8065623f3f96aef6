"""Slow, obviously-correct reference implementations of the centrality kernels.

Pure Python / dense numpy on adjacency dictionaries, written straight from the definitions
(no Brandes recursion, no sparse tricks), for property tests on small graphs:

* distances by Floyd-Warshall;
* shortest-path counts ``sigma[s][t]`` by summing over the last edge ``(u, t)`` of a
  shortest path, nodes taken in order of distance from ``s``;
* betweenness ``b(v) = sum_{s != v != t} sigma_sv sigma_vt / sigma_st`` over ordered pairs
  with ``d(s, v) + d(v, t) = d(s, t)``.
"""

from __future__ import annotations

import math

import numpy as np


def arcs(n, src, dst, lengths, directed):
    """Adjacency dict ``u -> {v: length}`` (minimum length kept for duplicates)."""
    adj = {u: {} for u in range(n)}
    for a, b, w in zip(src, dst, lengths):
        pairs = [(a, b)] if directed else [(a, b), (b, a)]
        for u, v in pairs:
            if u == v:
                continue
            adj[u][v] = min(w, adj[u].get(v, math.inf))
    return adj


def floyd_warshall(n, adj):
    d = [[math.inf] * n for _ in range(n)]
    for u in range(n):
        d[u][u] = 0
        for v, w in adj[u].items():
            d[u][v] = min(d[u][v], w)
    for k in range(n):
        for i in range(n):
            dik = d[i][k]
            if dik == math.inf:
                continue
            for j in range(n):
                if dik + d[k][j] < d[i][j]:
                    d[i][j] = dik + d[k][j]
    return d


def path_counts(n, adj, d):
    """sigma[s][t]: number of shortest s-t paths (sigma[s][s] = 1)."""
    pred = {t: [] for t in range(n)}
    for u in range(n):
        for v, w in adj[u].items():
            pred[v].append((u, w))
    sigma = [[0] * n for _ in range(n)]
    for s in range(n):
        sigma[s][s] = 1
        reach = sorted((t for t in range(n) if d[s][t] < math.inf), key=lambda t: d[s][t])
        for t in reach:
            if t == s:
                continue
            sigma[s][t] = sum(sigma[s][u] for u, w in pred[t] if d[s][u] + w == d[s][t])
    return sigma


def betweenness_raw(n, src, dst, lengths, directed, endpoints=False):
    """Ordered-pair sums, the same quantity as ``netcrime._core.node_betweenness``."""
    adj = arcs(n, src, dst, lengths, directed)
    d = floyd_warshall(n, adj)
    sigma = path_counts(n, adj, d)
    b = [0.0] * n
    for s in range(n):
        for t in range(n):
            if s == t or d[s][t] == math.inf:
                continue
            if endpoints:
                b[s] += 1.0
                b[t] += 1.0
            for v in range(n):
                if v in (s, t):
                    continue
                if d[s][v] + d[v][t] == d[s][t]:
                    b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
    return np.array(b)


def distance_sums(n, src, dst, lengths, directed):
    """(sum of finite distances, number reached, sum of 1/d) per source, out-distances."""
    adj = arcs(n, src, dst, lengths, directed)
    d = floyd_warshall(n, adj)
    total = np.zeros(n)
    reached = np.zeros(n, dtype=np.int64)
    inv = np.zeros(n)
    for s in range(n):
        for t in range(n):
            if t != s and d[s][t] < math.inf:
                total[s] += d[s][t]
                reached[s] += 1
                inv[s] += 1.0 / d[s][t]
    return total, reached, inv


def pagerank_dense(n, src, dst, weights, directed, alpha, p, dangling):
    """PageRank by a dense linear solve of the stationary equations."""
    a = np.zeros((n, n))
    for u, v, w in zip(src, dst, weights):
        a[u, v] += w
        if not directed and u != v:
            a[v, u] += w
    out = a.sum(axis=1)
    P = np.zeros((n, n))
    nz = out > 0
    P[nz] = a[nz] / out[nz, None]
    # x = alpha P^T x + alpha (1_D . x) d + (1 - alpha) p
    M = np.eye(n) - alpha * P.T - alpha * np.outer(dangling, (~nz).astype(float))
    return np.linalg.solve(M, (1 - alpha) * p)
