"""Kernel-level batches: one metric on many small graphs in one kernel call.

Ensembles (sensitivity replicates, bootstraps, generator ensembles) evaluate a metric on
thousands of graphs of ~100 nodes; a call per graph pays its fixed costs (argument
checks, a kernel launch, labelling) thousands of times. Shortest-path metrics are additive
over connected components, so the disjoint union of the graphs -- their CSRs stacked
block-diagonally, node ``i`` of graph ``k`` at ``offset[k] + i`` -- gives every graph's raw
values in one kernel call: no search crosses from one block to another.

``union_csr(parts)``
    ``(indptr, indices, offsets)`` of the disjoint union of ``parts`` (``(indptr, indices)``
    pairs); ``offsets[k]:offsets[k + 1]`` are the nodes of part ``k``.
``betweenness_many(parts, endpoints=False)``
    raw Brandes sums of every part (list of arrays), as :func:`.brandes.node_betweenness`
    of each part.
``distance_sums_many(parts)``
    ``(total, reached, inverse)`` per part, as :func:`.bfs.distance_sums` of each part.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from .bfs import distance_sums
from .brandes import node_betweenness

__all__ = ["betweenness_many", "distance_sums_many", "union_csr"]


def union_csr(parts: Sequence[tuple[np.ndarray, np.ndarray]]
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR of the disjoint union of ``parts`` and the node offset of every part."""
    sizes = np.fromiter((len(p[0]) - 1 for p in parts), np.int64, count=len(parts))
    offsets = np.zeros(len(parts) + 1, np.int64)
    np.cumsum(sizes, out=offsets[1:])
    if not parts:
        return np.zeros(1, np.int64), np.zeros(0, np.int64), offsets
    arc_off = 0
    ptrs, idxs = [np.zeros(1, np.int64)], []
    for (ip, ix), off in zip(parts, offsets[:-1]):
        ip = np.asarray(ip, np.int64)
        ptrs.append(ip[1:] + arc_off)
        idxs.append(np.asarray(ix, np.int64) + off)
        arc_off += int(ip[-1])
    return np.concatenate(ptrs), np.concatenate(idxs), offsets


def _split(values: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    return [values[a:b] for a, b in itertools.pairwise(offsets)]


def betweenness_many(parts: Sequence[tuple[np.ndarray, np.ndarray]],
                     endpoints: bool = False) -> list[np.ndarray]:
    """Raw node betweenness of every part, from one kernel call on their union.

    With ``endpoints`` every source counts its reached nodes, which stay inside its block,
    so the union gives each part's own value there too.
    """
    ip, ix, off = union_csr(parts)
    return _split(node_betweenness(ip, ix, endpoints=endpoints), off)


def distance_sums_many(parts: Sequence[tuple[np.ndarray, np.ndarray]]
                       ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Hop-distance sums of every part (sum, reached, sum of inverses), one kernel call."""
    ip, ix, off = union_csr(parts)
    tot, rea, inv = distance_sums(ip, ix)
    return list(zip(_split(tot, off), _split(rea, off), _split(inv, off)))
