"""Key players (Borgatti 2006): which set of k actors to remove, or to reach through.

*KPP-Neg* (removal): the set whose removal fragments the network most —
:func:`fragmentation` and :func:`distance_fragmentation` of the residual graph ``G - S``.
*KPP-Pos* (reach): the set best placed to reach everyone else — :func:`reach` (how many
within ``max_distance`` steps, Borgatti's m-reach) and :func:`distance_reach` (mean inverse
distance from the set).
:func:`key_players` searches for the best set of size ``k`` with a greedy start and
best-swap local search with restarts.

Distances are hop counts (the network is binary); directed graphs use out-distances
(from ``S`` to the others; for fragmentation, ordered pairs ``(i, j)`` with ``i`` reaching
``j``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._core import (
    component_pairs,
    distance_pair_sums,
    distance_pair_sums_serial,
    multi_source_distances,
)
from ._validation import MAX_REPEATS, check_choice, check_int, check_rng, param_error
from .exceptions import UndefinedMetricError
from .graph import Graph, as_graph

__all__ = [
    "KeyPlayerResult",
    "distance_fragmentation",
    "distance_reach",
    "fragmentation",
    "key_players",
    "reach",
]

_PARALLEL_MIN_NODES = 2000
_OBJECTIVES = ("fragmentation", "distance_fragmentation", "reach", "distance_reach")


def _positions(g: Graph, nodes: Any, func: str, param: str) -> np.ndarray:
    if nodes is None:
        return np.zeros(0, np.int64)
    pos = g.node_index(nodes, func=func, param=param)
    if len(np.unique(pos)) != len(pos):
        raise param_error(func, param, "a collection of distinct nodes", list(nodes))
    return pos


class _Objective:
    """Evaluates one key-player objective for sets of node positions (to be maximised)."""

    def __init__(self, g: Graph, objective: str, *, max_distance: int = 1,
                 normalizer: str = "n",
                 sources: np.ndarray | None = None, serial: bool = False) -> None:
        self.g = g
        self.objective = objective
        self.max_distance = max_distance
        self.normalizer = normalizer
        self.sources = sources  # sampled sources (positions), None = exact
        # one-off evaluations on large graphs use the parallel BFS of _core.bfs; small
        # graphs and the many evaluations of a search use a serial masked BFS (no thread
        # start-up per call)
        serial = serial or g.n_nodes < _PARALLEL_MIN_NODES
        self.sums = distance_pair_sums_serial if serial else distance_pair_sums
        self.n = g.n_nodes
        self.ip = np.asarray(g.indptr, np.int64)
        self.ix = np.asarray(g.indices, np.int64)

    def __call__(self, S: np.ndarray) -> float:
        obj = self.objective
        n = self.n
        if obj in ("reach", "distance_reach"):
            dist = multi_source_distances(
                self.ip, self.ix, S, self.max_distance if obj == "reach" else -1
            )
            others = np.ones(n, bool)
            others[S] = False
            d = dist[others]
            if obj == "reach":
                return float(np.count_nonzero(d > 0))
            inv = np.zeros(len(d))
            ok = d > 0
            inv[ok] = 1.0 / d[ok]
            denom = n if self.normalizer == "n" else n - len(S)
            return float(inv.sum() / denom)
        alive = np.ones(n, bool)
        alive[S] = False
        n_alive = n - len(S)
        pairs = n_alive * (n_alive - 1.0)
        if obj == "fragmentation" and not self.g.directed:
            return 1.0 - component_pairs(self.ip, self.ix, alive) / pairs
        reached, inverse, n_src, _ = self.sums(self.ip, self.ix, alive, self.sources)
        scale = n_alive / n_src if self.sources is not None else 1.0
        if obj == "fragmentation":
            return 1.0 - scale * reached / pairs
        return 1.0 - scale * inverse / pairs


def _check_residual(g: Graph, S: np.ndarray, func: str) -> None:
    if g.n_nodes - len(S) < 2:
        raise UndefinedMetricError(
            f"{func}() needs at least 2 nodes left after removing the set; "
            f"got {g.n_nodes - len(S)}."
        )


def fragmentation(g: Any, /, *, removed: Any = None) -> float:
    r"""Borgatti's fragmentation F of the network left after removing ``removed``.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network (weights ignored).
    removed : iterable of node labels, optional
        The set ``S`` to remove (default: none, the fragmentation of ``g`` itself).

    Returns
    -------
    float
        ``F = 1 - sum_{i != j} r_ij / (n (n - 1))`` on ``G - S`` with ``n = N - |S|`` and
        ``r_ij = 1`` if ``j`` is reachable from ``i``; 0 for a (strongly) connected
        network, 1 when no two nodes are connected.

    Raises
    ------
    UndefinedMetricError
        If fewer than 2 nodes remain.

    Notes
    -----
    Undirected graphs: ``F = 1 - sum_c s_c (s_c - 1) / (n (n - 1))`` from the component sizes
    (``O(N + m)``). Directed graphs count ordered pairs along directed paths (one BFS per
    node, ``O(N m)``).

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21–34.
    https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.keyplayer.fragmentation(nx.star_graph(4), removed=[0])
    1.0
    >>> nc.keyplayer.fragmentation(nx.path_graph(5), removed=[2])  # two pairs left of 12
    0.6666666666666667
    """
    func = "fragmentation"
    g = as_graph(g, func=func, param="g")
    S = _positions(g, removed, func, "removed")
    _check_residual(g, S, func)
    return _Objective(g, "fragmentation")(S)


def distance_fragmentation(g: Any, /, *, removed: Any = None) -> float:
    r"""Borgatti's distance-weighted fragmentation of ``G - S``: one minus the mean inverse
    distance (global efficiency) of the residual network.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network (weights ignored; distances are hop counts).
    removed : iterable of node labels, optional
        The set ``S`` to remove (default: none).

    Returns
    -------
    float
        ``DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1))`` on ``G - S``, ``n = N - |S|``,
        with ``1/d = 0`` for unreachable pairs; 0 for a complete graph, 1 with no ties.

    Raises
    ------
    UndefinedMetricError
        If fewer than 2 nodes remain.

    Notes
    -----
    One BFS per remaining node (``O(n m)``); directed graphs use directed distances over
    ordered pairs.

    References
    ----------
    Borgatti, S. P. (2006). https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.keyplayer.distance_fragmentation(nx.complete_graph(4))
    0.0
    >>> round(nc.keyplayer.distance_fragmentation(nx.path_graph(3)), 4)  # 1 - (4 + 1)/6
    0.1667
    """
    func = "distance_fragmentation"
    g = as_graph(g, func=func, param="g")
    S = _positions(g, removed, func, "removed")
    _check_residual(g, S, func)
    return _Objective(g, "distance_fragmentation")(S)


def reach(g: Any, /, *, players: Any, max_distance: int = 1) -> int:
    r"""m-reach of a set: how many non-members lie within ``m = max_distance`` steps of it.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network (weights ignored).
    players : iterable of node labels
        The set ``S`` (non-empty).
    max_distance : int
        Maximum number of steps ``m`` (>= 1); Borgatti's ``m`` of m-reach.

    Returns
    -------
    int
        ``#{j not in S : d(S, j) <= max_distance}`` with ``d(S, j) = min_{s in S} d(s, j)``
        (directed graphs: out-distances from the set). Divide by ``N - |S|`` for a proportion.

    Raises
    ------
    ParameterError
        If ``players`` is empty or repeats a node, or ``max_distance < 1``.
    NodeNotFoundError
        If a player is not a node of ``g``.

    Notes
    -----
    One BFS seeded with every member, stopped at depth ``max_distance``: ``O(N + m)``.
    ``max_distance=1`` is networkit's ``GroupDegree`` without group nodes.

    References
    ----------
    Borgatti, S. P. (2006). https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.keyplayer.reach(nx.path_graph(7), players=[3], max_distance=2)
    4
    """
    func = "reach"
    g = as_graph(g, func=func, param="g")
    max_distance = check_int(max_distance, func=func, param="max_distance", min=1)
    S = _positions(g, players, func, "players")
    if len(S) == 0:
        raise param_error(func, "players", "a non-empty collection of nodes", players)
    return int(_Objective(g, "reach", max_distance=max_distance)(S))


def distance_reach(g: Any, /, *, players: Any, normalizer: str = "n") -> float:
    r"""Borgatti's distance-weighted reach of a set: mean inverse distance from the set.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network (weights ignored; hop distances).
    players : iterable of node labels
        The set ``S`` (non-empty).
    normalizer : {"n", "n_minus_k"}
        Divide by ``N`` (Borgatti 2006, the default here) or by ``N - k`` (R ``keyplayer``,
        so that a set adjacent to everyone scores 1).

    Returns
    -------
    float
        ``DR = sum_{j not in S} 1 / d(S, j) / N`` (or ``/ (N - k)``), unreachable nodes
        contributing 0; directed graphs use out-distances from the set.

    Raises
    ------
    ParameterError
        If ``players`` is empty or repeats a node, or ``normalizer`` is unknown.
    NodeNotFoundError
        If a player is not a node of ``g``.
    UndefinedMetricError
        With ``normalizer="n_minus_k"`` when ``S`` holds every node (``N - k = 0``).

    Notes
    -----
    ``sum_{j not in S} 1/d(S, j)`` is networkit's ``GroupHarmonicCloseness`` score. One
    multi-source BFS, ``O(N + m)``.

    References
    ----------
    Borgatti, S. P. (2006). https://doi.org/10.1007/s10588-006-7084-x

    An, W. & Liu, Y.-H. (2016). keyplayer: an R package for locating key players in social
    networks. *The R Journal* 8(1), 257–268. https://doi.org/10.32614/RJ-2016-018

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.keyplayer.distance_reach(nx.star_graph(4), players=[0])  # 4 leaves at 1, /5
    0.8
    >>> nc.keyplayer.distance_reach(nx.star_graph(4), players=[0], normalizer="n_minus_k")
    1.0
    """
    func = "distance_reach"
    g = as_graph(g, func=func, param="g")
    normalizer = check_choice(normalizer, ("n", "n_minus_k"), func=func, param="normalizer")
    S = _positions(g, players, func, "players")
    if len(S) == 0:
        raise param_error(func, "players", "a non-empty collection of nodes", players)
    if normalizer == "n_minus_k" and g.n_nodes == len(S):
        raise UndefinedMetricError("distance_reach() with normalizer='n_minus_k' needs a "
                                   "node outside the set.")
    return _Objective(g, "distance_reach", normalizer=normalizer)(S)


@dataclass(frozen=True)
class KeyPlayerResult:
    """Result of :func:`key_players`.

    Attributes
    ----------
    players : list
        The best set found (node labels, in the order they entered the set).
    value : float
        Its objective value (a sampled estimate when ``sampled``).
    objective : str
        The objective maximised.
    sampled : bool
        Whether distance sums were estimated from a sample of sources.
    history : pandas.DataFrame
        One row per accepted step: ``restart``, ``step`` (0 = the starting set),
        ``phase`` (``"greedy"``, ``"random"`` or ``"swap"``), ``value`` and ``players``
        (tuple of labels).
    """

    players: list
    value: float
    objective: str
    sampled: bool
    history: pd.DataFrame = field(repr=False)


def _local_search(f, S: np.ndarray, n: int, max_swaps: int,
                  log: list, restart: int, labels) -> tuple[np.ndarray, float]:
    val = f(S)
    step = 0
    while step < max_swaps:
        inside = np.zeros(n, bool)
        inside[S] = True
        outside = np.flatnonzero(~inside)
        best_val, best = val, None
        for a in range(len(S)):
            for v in outside:
                T = S.copy()
                T[a] = v
                fv = f(T)
                if fv > best_val + 1e-12:
                    best_val, best = fv, T
        if best is None:
            break
        S, val = best, best_val
        step += 1
        log.append((restart, step, "swap", val, tuple(labels.take(S).tolist())))
    return S, val


def key_players(
    g: Any,
    /,
    *,
    k: int,
    objective: str = "fragmentation",
    max_distance: int = 1,
    normalizer: str = "n",
    restarts: int = 5,
    max_swaps: int = 100,
    n_pivots: int | None = None,
    rng: Any = None,
) -> KeyPlayerResult:
    r"""Find a set of ``k`` key players: greedy start plus best-swap local search.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network (weights ignored).
    k : int
        Size of the set, ``1 <= k <= N - 2`` for the fragmentation objectives (two nodes
        must remain), ``k <= N - 1`` for the reach objectives.
    objective : {"fragmentation", "distance_fragmentation", "reach", "distance_reach"}
        What to maximise: :func:`fragmentation` or :func:`distance_fragmentation` of
        ``G - S`` (KPP-Neg: whom to remove), :func:`reach` within ``max_distance`` steps or
        :func:`distance_reach` (KPP-Pos: whom to work through).
    max_distance : int
        Steps for ``objective="reach"`` (see :func:`reach`); ignored by the others.
    normalizer : {"n", "n_minus_k"}
        Normaliser of ``distance_reach`` (it does not change the best set).
    restarts : int
        Number of starts (>= 1): the first is the greedy set (add, one at a time, the node
        that improves the objective most), the others are random sets drawn from ``rng``;
        each is improved by best-swap local search.
    max_swaps : int
        Cap on accepted swaps per start.
    n_pivots : int, optional
        Estimate the all-pairs distance sums of ``distance_fragmentation`` (and of
        ``fragmentation`` on directed graphs) from this many source nodes, drawn once from
        ``rng`` (the first ``n_pivots`` nodes of a random order that are not in the set),
        scaled to all pairs. For graphs too large for one BFS per node. Ignored by the
        objectives that need no all-pairs distances.
    rng : None, int or numpy.random.Generator
        Seeds the random starts and the source sample; same seed, same result.

    Returns
    -------
    KeyPlayerResult
        ``.players`` (labels), ``.value``, ``.history`` (every accepted step).

    Raises
    ------
    ParameterError
        If ``k`` or another parameter is out of range.

    Notes
    -----
    Ties between equally good swaps are broken by the first found (members in set order,
    candidates in node order), so results are deterministic for a given ``rng``. Each
    local-search pass evaluates all ``k (N - k)`` swaps. One evaluation costs ``O(N + m)``
    for undirected fragmentation and the reach objectives and ``O(n_src · m)`` for the
    distance-based ones (``n_src = N - k``, or ``n_pivots``). A local optimum is not
    guaranteed to be global; more restarts make it likelier (on small graphs the search
    finds the exhaustive optimum, which the tests check for k = 2 and 3).

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    *Computational and Mathematical Organization Theory* 12, 21–34.
    https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> G = nx.barbell_graph(4, 1)  # two K4 joined through node 4: F = 1 - 24/56
    >>> res = nc.keyplayer.key_players(G, k=1, objective="fragmentation", rng=0)
    >>> res.players, round(res.value, 4)
    ([4], 0.5714)
    """
    func = "key_players"
    g = as_graph(g, func=func, param="g")
    objective = check_choice(objective, _OBJECTIVES, func=func, param="objective")
    N = g.n_nodes
    kmax = N - 2 if objective in ("fragmentation", "distance_fragmentation") else N - 1
    if kmax < 1:
        raise UndefinedMetricError(f"key_players() needs a larger graph; got {N} nodes.")
    k = check_int(k, func=func, param="k", min=1, max=kmax)
    max_distance = check_int(max_distance, func=func, param="max_distance", min=1)
    normalizer = check_choice(normalizer, ("n", "n_minus_k"), func=func, param="normalizer")
    restarts = check_int(restarts, func=func, param="restarts", min=1, cap=MAX_REPEATS)
    max_swaps = check_int(max_swaps, func=func, param="max_swaps", min=0)
    gen = check_rng(rng, func=func)
    sources = None
    sampled = False
    if n_pivots is not None:
        sample = check_int(n_pivots, func=func, param="n_pivots", min=1)
        needs = objective == "distance_fragmentation" or (
            objective == "fragmentation" and g.directed
        )
        if needs and sample < N - k:
            sampled = True
            order = gen.permutation(N)
            # enough candidates that sample of them survive any removal of k nodes
            sources = order[: sample + k]
    f_raw = _Objective(g, objective, max_distance=max_distance, normalizer=normalizer,
                       sources=sources, serial=True)
    if sources is not None:
        def f(S: np.ndarray) -> float:
            keep = sources[~np.isin(sources, S)][:sample]
            f_raw.sources = keep
            return f_raw(S)
    else:
        f = f_raw
    labels = g.nodes
    log: list = []
    best_S, best_val = None, -np.inf
    for r in range(restarts):
        if r == 0:
            S = np.zeros(0, np.int64)
            for _ in range(k):
                inside = np.zeros(N, bool)
                inside[S] = True
                cand_best, cand_val = -1, -np.inf
                for v in np.flatnonzero(~inside):
                    fv = f(np.append(S, v))
                    if fv > cand_val + 1e-12:
                        cand_best, cand_val = int(v), fv
                S = np.append(S, cand_best)
            phase = "greedy"
        else:
            S = gen.choice(N, size=k, replace=False).astype(np.int64)
            phase = "random"
        log.append((r, 0, phase, f(S), tuple(labels.take(S).tolist())))
        S, val = _local_search(f, S, N, max_swaps, log, r, labels)
        if val > best_val + 1e-12:
            best_S, best_val = S, val
    history = pd.DataFrame(log, columns=["restart", "step", "phase", "value", "players"])
    return KeyPlayerResult(
        players=labels.take(best_S).tolist(), value=float(best_val), objective=objective,
        sampled=sampled, history=history,
    )
