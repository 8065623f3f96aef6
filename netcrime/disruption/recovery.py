"""Recovery after removal: how a criminal network heals after an arrest.

Duijn, Kashirin & Sloot (2014) model the reaction of a criminal network to the removal of an
actor: the actor's contacts ("orphans") rewire to somebody who can take over the vacated role.
:class:`Recovery` implements that process and three additions from the literature (triadic
closure among orphans, preferential attachment, recruitment of a newcomer into the role).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_float, check_rng, param_error
from ..graph import Graph

__all__ = ["Recovery"]

_REPLACEMENT = ("random", "degree", "distance")


def _check_step(h: Any, removed: Any, removed_attrs: Any, orphan_ties: Any, rng: Any,
                new_label: Any) -> None:
    """The arguments of :meth:`Recovery.apply` (one step of the attack loop)."""
    func = "Recovery.apply"
    if not isinstance(h, Graph):
        raise param_error(func, "h", "a netcrime Graph", None,
                          shown=f"an object of type {type(h).__name__}")
    for pname, v in (("removed", removed), ("new_label", new_label)):
        if not isinstance(v, Hashable) or v in h.nodes:
            raise param_error(func, pname, "a hashable label that is not a node of h", v)
    if not isinstance(removed_attrs, Mapping):
        raise param_error(func, "removed_attrs", "a mapping attribute -> value", removed_attrs)
    if not isinstance(orphan_ties, (list, tuple)):
        raise param_error(func, "orphan_ties", "a list of (label, out, in, weight) tuples",
                          orphan_ties)
    for t in orphan_ties:
        if not (isinstance(t, tuple) and len(t) == 4 and isinstance(t[0], Hashable)
                and t[0] in h.nodes and isinstance(t[3], (int, float, np.number))):
            raise param_error(func, "orphan_ties", "a list of (label of h, out, in, weight) "
                              "tuples", t)
    if not isinstance(rng, np.random.Generator):
        raise param_error(func, "rng", "a numpy Generator", rng)


class Recovery:
    """Recovery model applied after every removal of an attack.

    After node ``v`` is removed, its former neighbours (the *orphans*, in the undirected
    view) react, in this order:

    1. **Recruitment** -- with probability ``recruit`` a new member joins, holding every node
       attribute of ``v`` (its ``role``, ``stage``, ``group``...); it becomes the replacement.
    2. **Rewiring** -- each orphan, independently with probability ``p``, ties to a
       *replacement*: the recruit if there is one, else a remaining node holding ``v``'s role
       (node attribute ``role_attr``; every remaining node if the graph has no such attribute,
       ``v``'s role is missing, or nobody holds it any more). The replacement is drawn
       ``"random"`` (uniformly), by ``"degree"`` (highest current degree, ties at random) or
       by ``"distance"`` (closest to the orphan in the residual network, ties at random;
       unreachable candidates only if none is reachable). An orphan never ties to itself or
       to a node it is already tied to.
    3. **Triadic closure** -- each pair of orphans not yet tied links with probability
       ``triadic_closure``.
    4. **Preferential attachment** -- each orphan, with probability
       ``preferential_attachment``, ties to one more node drawn with probability proportional
       to its degree (uniformly if all degrees are 0).

    New ties take the weight of the orphan's tie to ``v`` (rewiring) or 1.0 (other ties) when
    the graph is weighted; other edge attributes are missing. In a directed graph a rewired
    tie keeps the direction of the orphan's tie to ``v``; closure ties are mutual; a
    preferential tie points from the orphan. Every added tie and recruit is recorded
    (``AttackResult.recovery_log``) and counted per step (``edges_added`` / ``nodes_added``).

    Parameters
    ----------
    p : float in [0, 1]
        Rewiring probability per orphan.
    replacement : {"random", "degree", "distance"}
        How the replacement is chosen.
    triadic_closure, preferential_attachment, recruit : float in [0, 1]
        Probabilities of the three additional mechanisms (default 0: off).
    role_attr : str
        Node attribute holding the role.
    rng : None, int or numpy Generator
        Seed of the recovery process. None: a stream spawned from the attack's ``rng``.

    References
    ----------
    Duijn PAC, Kashirin V, Sloot PMA (2014) The relative ineffectiveness of criminal network
    disruption. Sci Rep 4:4238. doi:10.1038/srep04238.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.disruption.Recovery(p=0.5, replacement="degree", triadic_closure=0.1)
    Recovery(p=0.5, replacement='degree', triadic_closure=0.1,
             preferential_attachment=0.0, recruit=0.0)
    """

    def __init__(self, p: float = 0.5, *, replacement: str = "random",
                 triadic_closure: float = 0.0, preferential_attachment: float = 0.0,
                 recruit: float = 0.0, role_attr: str = "role", rng: Any = None) -> None:
        func = "Recovery"
        self.p = check_float(p, func=func, param="p", min=0, max=1)
        self.replacement = check_choice(replacement, _REPLACEMENT, func=func,
                                        param="replacement")
        self.triadic_closure = check_float(triadic_closure, func=func, param="triadic_closure",
                                           min=0, max=1)
        self.preferential_attachment = check_float(
            preferential_attachment, func=func, param="preferential_attachment", min=0, max=1)
        self.recruit = check_float(recruit, func=func, param="recruit", min=0, max=1)
        if not isinstance(role_attr, str):
            raise param_error(func, "role_attr", "a str", role_attr)
        self.role_attr = role_attr
        if rng is not None:
            check_rng(rng, func=func)
        self.rng = rng

    def __repr__(self) -> str:
        return (f"Recovery(p={self.p}, replacement={self.replacement!r}, "
                f"triadic_closure={self.triadic_closure}, "
                f"preferential_attachment={self.preferential_attachment}, "
                f"recruit={self.recruit})")

    # ------------------------------------------------------------------ one step
    def apply(self, h: Graph, removed: Hashable, removed_attrs: dict[str, Any],
              orphan_ties: list[tuple[Hashable, bool, bool, float]], rng: np.random.Generator,
              new_label: Hashable) -> tuple[Graph, list[tuple[Any, Any, str]]]:
        """Heal ``h`` (the graph just after removing ``removed``).

        ``orphan_ties``: per former neighbour ``(label, out, in, weight)``: whether it had an
        arc to / from the removed node (both True when undirected) and the tie's weight.
        Returns the new graph and the log ``[(source, target, kind), ...]``.

        Raises
        ------
        ParameterError
            ``h`` is not a Graph, ``removed`` or ``new_label`` is not a hashable label
            absent from ``h``, ``removed_attrs`` is not a mapping, an orphan tie is not
            ``(label of h, bool, bool, weight)``, ``rng`` is not a numpy Generator.
        """
        _check_step(h, removed, removed_attrs, orphan_ties, rng, new_label)
        ties = _Ties(h)
        orphans = [ties.pos[o[0]] for o in orphan_ties]
        recruit_pos = -1
        if self.recruit > 0 and rng.random() < self.recruit:
            recruit_pos = ties.add_node(new_label)
        self._rewire(h, ties, orphan_ties, orphans, self._candidates(h, removed_attrs),
                     recruit_pos, rng)
        if self.triadic_closure > 0:
            for i in range(len(orphans)):
                for j in range(i + 1, len(orphans)):
                    a, b = orphans[i], orphans[j]
                    if b not in ties.adj[a] and rng.random() < self.triadic_closure:
                        ties.add(a, b, 1.0, "triadic", both_dirs=True)
        if self.preferential_attachment > 0:
            self._attach(ties, orphans, rng)
        if not ties.new_edges and recruit_pos < 0:
            return h, ties.log
        return self._rebuild(h, ties.labels, ties.new_edges, recruit_pos, removed_attrs), ties.log

    def _candidates(self, h: Graph, removed_attrs: dict[str, Any]) -> np.ndarray:
        """Positions holding the removed node's role (everybody if none / no role)."""
        role = removed_attrs.get(self.role_attr)
        if self.role_attr in h.node_attrs.columns and role is not None and not (
                isinstance(role, float) and np.isnan(role)):
            cand = np.flatnonzero((h.node_attrs[self.role_attr] == role).to_numpy())
            if len(cand):
                return cand
        return np.arange(h.n_nodes)

    def _rewire(self, h: Graph, ties: _Ties, orphan_ties: list, orphans: list[int],
                cand: np.ndarray, recruit_pos: int, rng: np.random.Generator) -> None:
        """Step 2: each orphan ties to a replacement with probability ``p``."""
        for (_lab, out_tie, in_tie, w), o in zip(orphan_ties, orphans):
            if not rng.random() < self.p:
                continue
            if recruit_pos >= 0:
                r = recruit_pos
            else:
                ok = np.array([c != o and c not in ties.adj[o] for c in cand], dtype=bool)
                c2 = cand[ok] if len(cand) else cand
                if len(c2) == 0:
                    continue
                r = int(self._choose(h, ties.adj, o, c2, rng))
            wt = w if h.weighted else 1.0
            if not h.directed:
                ties.add(o, r, wt, "replacement")
                continue
            if out_tie:
                ties.add(o, r, wt, "replacement")
            if in_tie and out_tie:
                ties.new_edges.append((r, o, wt, "replacement"))
                ties.log.append((ties.labels[r], ties.labels[o], "replacement"))
            elif in_tie:
                ties.add(r, o, wt, "replacement")

    def _attach(self, ties: _Ties, orphans: list[int], rng: np.random.Generator) -> None:
        """Step 4: preferential attachment of each orphan."""
        for o in orphans:
            if not rng.random() < self.preferential_attachment:
                continue
            n = len(ties.adj)
            deg = np.array([len(s) for s in ties.adj], dtype=float)
            okm = np.ones(n, bool)
            okm[o] = False
            okm[list(ties.adj[o])] = False
            if not okm.any():
                continue
            wts = deg * okm
            if wts.sum() == 0:
                wts = okm.astype(float)
            t = int(rng.choice(n, p=wts / wts.sum()))
            ties.add(o, t, 1.0, "preferential")

    def _choose(self, h: Graph, adj: list[set[int]], o: int, cand: np.ndarray,
                rng: np.random.Generator) -> int:
        if self.replacement == "random":
            return int(cand[rng.integers(len(cand))])
        if self.replacement == "degree":
            deg = np.array([len(adj[c]) for c in cand])
            best = cand[deg == deg.max()]
            return int(best[rng.integers(len(best))])
        # distance: BFS from the orphan over the current ties
        n = len(adj)
        dist = np.full(n, -1, np.int64)
        dist[o] = 0
        frontier = [o]
        while frontier:
            nxt = []
            for v in frontier:
                for u in adj[v]:
                    if dist[u] < 0:
                        dist[u] = dist[v] + 1
                        nxt.append(u)
            frontier = nxt
        d = dist[cand]
        if (d > 0).any():
            dmin = d[d > 0].min()
            best = cand[d == dmin]
        else:
            best = cand
        return int(best[rng.integers(len(best))])

    @staticmethod
    def _rebuild(h: Graph, labels: list, new_edges: list, recruit_pos: int,
                 removed_attrs: dict[str, Any]) -> Graph:
        n_old = h.n_nodes
        n = len(labels)
        src, dst = h.edge_array()
        ea = h.edge_attrs
        a = np.array([e[0] for e in new_edges], dtype=np.int64)
        b = np.array([e[1] for e in new_edges], dtype=np.int64)
        add = pd.DataFrame(index=pd.RangeIndex(len(new_edges)))
        if "weight" in ea.columns:
            add["weight"] = np.array([e[2] for e in new_edges], dtype=float)
        ea2 = pd.concat([ea, add], ignore_index=True) if len(ea.columns) else None
        na = h.node_attrs.reset_index(drop=True)
        if recruit_pos >= 0:
            row = pd.DataFrame([{c: removed_attrs.get(c) for c in na.columns}],
                               index=[n_old])
            na = pd.concat([na, row]) if len(na.columns) else pd.DataFrame(index=range(n))
            na = na.reset_index(drop=True)
        return Graph.from_arrays(
            n, np.concatenate([src, a]), np.concatenate([dst, b]), directed=h.directed,
            nodes=labels, node_attrs=na if len(na.columns) else None, edge_attrs=ea2,
            multiedges="first", meta=h.meta,
        )


class _Ties:
    """Working state of one recovery step: the undirected adjacency of ``h`` as sets, the
    labels (plus a recruit), and the ties added so far with their log."""

    def __init__(self, h: Graph) -> None:
        self.directed = h.directed
        self.labels: list = list(h.nodes)
        self.pos = {lab: i for i, lab in enumerate(self.labels)}
        self.adj: list[set[int]] = [set() for _ in range(len(self.labels))]
        src, dst = h.edge_array()
        for a, b in zip(src.tolist(), dst.tolist()):
            self.adj[a].add(b)
            self.adj[b].add(a)
        self.log: list[tuple[Any, Any, str]] = []
        self.new_edges: list[tuple[int, int, float, str]] = []

    def add_node(self, label: Hashable) -> int:
        self.labels.append(label)
        self.adj.append(set())
        self.log.append((label, None, "recruit"))
        return len(self.labels) - 1

    def add(self, a: int, b: int, w: float, kind: str, both_dirs: bool = False) -> None:
        self.adj[a].add(b)
        self.adj[b].add(a)
        self.new_edges.append((a, b, w, kind))
        self.log.append((self.labels[a], self.labels[b], kind))
        if both_dirs and self.directed:
            self.new_edges.append((b, a, w, kind))
