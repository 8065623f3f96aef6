"""The residual network of an attack: the intact graph, who is still alive, and components.

A :class:`Residual` is what an attack works on between removals. It keeps the intact graph's
neighbour CSR (:meth:`netcrime.Graph.neighbour_csr`, built once), an alive mask and a
component label per node. Removing a node relabels only the component that held it (a BFS
masked to that component), so component sizes, the largest component and the
component metrics are read without rebuilding a Graph. A labelled :class:`~netcrime.Graph`
of the residual network is built (:meth:`Graph.take <netcrime.Graph.take>`) only when a
scorer or a metric asks for one (:meth:`Residual.graph`).
"""

from __future__ import annotations

import numpy as np

from .._core import component_labels
from .._validation import check_int
from ..graph import Graph, as_graph

__all__ = ["Residual", "neighbours"]


def neighbours(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    """The symmetric neighbour CSR of ``g`` (:meth:`netcrime.Graph.neighbour_csr`; for an
    undirected graph its own CSR, without building the in-CSR)."""
    if not isinstance(g, Graph):
        g = as_graph(g, func="neighbours")
    return g.neighbour_csr()


class Residual:
    """The network left after some removals, as positions of an intact graph.

    Parameters
    ----------
    g : Graph
        The intact network (it is not modified).

    Attributes
    ----------
    base : Graph
        The intact network.
    alive : numpy.ndarray of bool
        Per position of ``base``: not removed yet.
    labels : numpy.ndarray of int64
        Weak-component label per position (``-1`` for removed nodes). Labels are unique
        per component but not consecutive once nodes have been removed.
    nbr_ptr, nbr_idx : numpy.ndarray
        The symmetric neighbour CSR of ``base`` (:func:`neighbours`).

    Examples
    --------
    >>> import netcrime as nc
    >>> from netcrime.disruption.residual import Residual
    >>> g = nc.Graph.from_arrays(5, [0, 1, 2, 3], [1, 2, 3, 4], directed=False)
    >>> r = Residual(g)
    >>> r.remove(2).tolist()  # the other members of 2's component
    [0, 1, 3, 4]
    >>> r.component_sizes().tolist()
    [2, 2]
    >>> r.graph().nodes.tolist()
    [0, 1, 3, 4]
    """

    __slots__ = ("_graph", "_next", "alive", "base", "labels", "nbr_idx", "nbr_ptr")

    def __init__(self, g: Graph) -> None:
        g = as_graph(g, func="Residual")
        self.base = g
        self.nbr_ptr, self.nbr_idx = neighbours(g)
        self.alive = np.ones(g.n_nodes, bool)
        n_comp, self.labels = component_labels(self.nbr_ptr, self.nbr_idx)
        self._next = int(n_comp)
        self._graph: Graph | None = g

    @property
    def n_alive(self) -> int:
        """Number of nodes left."""
        return int(np.count_nonzero(self.alive))

    @property
    def positions(self) -> np.ndarray:
        """Positions (in ``base``) of the nodes left, ascending."""
        return np.flatnonzero(self.alive)

    def remove(self, position: int) -> np.ndarray:
        """Remove the node at ``position``; return the remaining members of its former component
        (ascending positions), which are relabelled into their new components."""
        position = check_int(position, func="remove", param="position", min=0,
                             max=len(self.alive) - 1)
        lab = self.labels[position]
        self.alive[position] = False
        self.labels[position] = -1
        self._graph = None
        if lab < 0:
            return np.zeros(0, np.int64)
        in_comp = self.labels == lab
        members = np.flatnonzero(in_comp)
        if len(members) == 0:
            return members
        # a BFS restricted to the old component (every other node masked out)
        n_comp, sub = component_labels(self.nbr_ptr, self.nbr_idx, in_comp)
        self.labels[members] = self._next + sub[members]
        self._next += int(n_comp)
        return members

    def component_sizes(self) -> np.ndarray:
        """Sizes of the current components, largest first."""
        lab = self.labels[self.alive]
        if len(lab) == 0:
            return np.zeros(0, np.int64)
        counts = np.bincount(lab)
        return np.sort(counts[counts > 0])[::-1]

    def lcc_mask(self) -> np.ndarray:
        """Per position: in the largest current component (among equally large ones, the
        one holding the lowest position)."""
        out = np.zeros(len(self.alive), bool)
        lab = self.labels[self.alive]
        if len(lab) == 0:
            return out
        counts = np.bincount(lab)
        size = np.where(self.alive, counts[np.where(self.alive, self.labels, 0)], 0)
        first = int(np.argmax(size == counts.max()))
        return self.labels == self.labels[first]

    def component_stats(self) -> dict[str, int]:
        """``lcc``, ``second``, ``n_components`` and ``reachable_pairs`` of the residual
        network (the same values as :func:`netcrime.disruption.metrics.component_stats`)."""
        sizes = self.component_sizes()
        return {
            "lcc": int(sizes[0]) if len(sizes) else 0,
            "second": int(sizes[1]) if len(sizes) > 1 else 0,
            "n_components": len(sizes),
            "reachable_pairs": int((sizes * (sizes - 1) // 2).sum()),
        }

    def graph(self) -> Graph:
        """The residual network as a labelled Graph (built on first request after each
        removal; the intact graph itself before any)."""
        if self._graph is None:
            self._graph = self.base.take(self.positions)
        return self._graph
