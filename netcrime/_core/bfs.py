"""Breadth-first kernels on CSR arrays: masked component labels.

Arrays in, arrays out; no pandas, no labels. Components here are those of the graph whose
CSR is passed: pass a symmetric CSR (an undirected graph, or ``Graph.neighbour_csr()`` of a
directed one) for weak components.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["component_labels"]


@njit(cache=True)
def _labels(ip, ix, alive):  # pragma: no cover - compiled
    n = len(ip) - 1
    lab = np.full(n, -1, np.int64)
    queue = np.empty(n, np.int64)
    nc = 0
    for s in range(n):
        if lab[s] >= 0 or not alive[s]:
            continue
        lab[s] = nc
        queue[0] = s
        head = 0
        tail = 1
        while head < tail:
            u = queue[head]
            head += 1
            for t in range(ip[u], ip[u + 1]):
                v = ix[t]
                if alive[v] and lab[v] < 0:
                    lab[v] = nc
                    queue[tail] = v
                    tail += 1
        nc += 1
    return nc, lab


def component_labels(
    indptr: np.ndarray, indices: np.ndarray, alive: np.ndarray | None = None
) -> tuple[int, np.ndarray]:
    """``(n_components, labels)`` of the alive nodes of a symmetric CSR.

    Components are numbered ``0, 1, ...`` in order of their smallest node position; dead
    nodes (``alive`` False) get label ``-1``. ``O(n + m)``.
    """
    ip = np.asarray(indptr, np.int64)
    n = len(ip) - 1
    a = np.ones(n, np.bool_) if alive is None else np.ascontiguousarray(alive, np.bool_)
    nc, lab = _labels(ip, np.asarray(indices, np.int64), a)
    return int(nc), lab
