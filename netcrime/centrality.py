"""Node centrality: degree, betweenness, closeness, harmonic, eigenvector, PageRank, Katz.

Every function takes anything :func:`netcrime.as_graph` accepts and returns a float64
``pd.Series`` indexed by the node labels and named after the metric. ``weight=`` names an
edge attribute read as a *strength* (degree, eigenvector, PageRank, Katz); ``distance=``
names one read as a *length* (betweenness, closeness, harmonic).

Directions at a glance (directed graphs):

=================  ===========================================================================
metric             direction used
=================  ===========================================================================
degree             ``direction="all"`` (in + out), ``"in"`` or ``"out"``
betweenness        directed shortest paths ``s -> t``
closeness          ``direction="out"``: distances *from* the node (igraph's default);
                   ``direction="in"``: distances *to* the node (networkx's
                   ``closeness_centrality``)
harmonic           same ``direction`` rule (networkx's ``harmonic_centrality`` is
                   ``direction="in"``)
eigenvector, katz  in-edges: a node is central when central nodes point *to* it
pagerank           random surfer following out-edges
=================  ===========================================================================

The shortest-path metrics run on the numba kernels of :mod:`netcrime._core.brandes` and
:mod:`netcrime._core.bfs` (BFS for hop counts, Dijkstra for ``distance=``), the spectral
ones on :mod:`netcrime._core.spectral`.
The table of ``normalized=`` defaults, the ``weight=``/``distance=`` rule, the NaN rule and the
parameter glossary are in ``docs/conventions.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._core import (
    adjacency,
    betweenness_many,
    core_numbers,
    distance_sums,
    distance_sums_many,
    katz_solve,
    node_betweenness,
    pagerank_power,
    perron_vector_csr,
    radius_upper_bound,
    spectral_radius,
)
from ._validation import (
    check_bool,
    check_choice,
    check_float,
    check_int,
    check_rng,
    param_error,
)
from .exceptions import ConvergenceError, ParameterError, UndefinedMetricError
from .graph import Graph, as_graph

__all__ = [
    "betweenness",
    "closeness",
    "core_number",
    "degree",
    "eigenvector",
    "harmonic",
    "katz",
    "pagerank",
]


def _series(g: Graph, values: np.ndarray, name: str) -> pd.Series:
    # the cached label Index, no copy of a float64 result
    return pd.Series(np.asarray(values, dtype=np.float64), index=g.nodes, name=name,
                     copy=False)


def _many(metric: str, graphs: list[Graph], *, normalized: bool = True,
          wf_improved: bool = True) -> list[np.ndarray]:
    """Internal batch path: ``metric`` on many already-validated Graphs (hop counts, default
    directions), as arrays in node order -- no validation, no labelling, one kernel call on
    the graphs' disjoint union. ``metric``: "betweenness", "closeness" or "harmonic".
    Equal to the public functions' values (summation order aside)."""
    parts = [(h.indptr, h.indices) for h in graphs]
    if metric == "betweenness":
        raws = betweenness_many(parts)
        return [_rescale_betweenness(r, h.n_nodes, normalized=normalized,
                                     directed=h.directed, endpoints=False, sources=None)
                for r, h in zip(raws, graphs)]
    out = []
    for (tot, rea, inv), h in zip(distance_sums_many(parts), graphs):
        n = h.n_nodes
        if metric == "harmonic":
            out.append(inv / (n - 1) if normalized and n > 1
                       else (np.full(n, np.nan) if normalized else inv))
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            c = rea / tot
            if wf_improved and n > 1:
                c = c * (rea / (n - 1))
        out.append(np.where(rea > 0, c, np.nan))
    return out


def _strengths(g: Graph, weight: str | None, func: str) -> np.ndarray | None:
    """CSR-aligned non-negative strengths, or None."""
    if weight is None:
        return None
    w = g.edge_values(weight, func=func, param="weight")
    if (w < 0).any():
        raise param_error(
            func, "weight",
            "the name of an edge attribute holding non-negative strengths",
            f"{weight!r} with negative value {float(w[w < 0][0])!r}",
        )
    return w


def _lengths(g: Graph, distance: str | None, func: str) -> np.ndarray | None:
    if distance is None:
        return None
    return g.edge_values(distance, func=func, param="distance", positive=True)


def _degree_values(g: Graph, w: np.ndarray | None, direction: str, loops: str
                   ) -> np.ndarray:
    """Degrees (strengths with ``w``) of :func:`degree`, before normalisation."""
    n = g.n_nodes
    vals = np.ones(len(g.indices)) if w is None else w
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(g.indptr))
    cols = g.indices
    is_loop = rows == cols
    loop_w = np.bincount(rows[is_loop], weights=vals[is_loop], minlength=n)
    out_s = np.bincount(rows, weights=vals, minlength=n)
    if g.directed:
        in_s = np.bincount(cols, weights=vals, minlength=n)
        # a directed loop is one arc u -> u: it already counts once in in_s and once in out_s
        if direction == "out":
            res = out_s - (loop_w if loops == "ignore" else 0.0)
        elif direction == "in":
            res = in_s - (loop_w if loops == "ignore" else 0.0)
        else:
            res = out_s + in_s
            if loops == "once":
                res = res - loop_w
            elif loops == "ignore":
                res = res - 2 * loop_w
    else:
        # an undirected loop is stored once in its row
        res = out_s.copy()
        if loops == "twice":
            res += loop_w
        elif loops == "ignore":
            res -= loop_w
    return res


# ================================================================================== degree
def degree(
    g: Any,
    /,
    *,
    direction: str = "all",
    weight: str | None = None,
    normalized: bool = False,
    loops: str = "twice",
) -> pd.Series:
    """Degree (or strength) of every node.

    Parameters
    ----------
    g : Graph or graph-like
        Anything :func:`netcrime.as_graph` accepts.
    direction : {"all", "in", "out"}
        Directed graphs: in + out arcs, in-arcs or out-arcs. Ignored for undirected graphs.
    weight : str, optional
        Edge attribute read as a strength; the result is then the sum of the weights of the
        incident edges (strength). Must be non-negative.
    normalized : bool
        Divide by ``n - 1`` (networkx's ``degree_centrality``); applies to strengths too.
        Default False (raw counts); see the ``normalized=`` table in ``docs/conventions.md``.
    loops : {"twice", "once", "ignore"}
        How a self-loop counts. ``"twice"`` (default; networkx and igraph): a loop adds 2 to
        an undirected degree (both of its ends touch the node) and, on a directed graph, 1 to
        the in- and 1 to the out-degree (so 2 to ``direction="all"``). ``"once"``: a loop adds
        1 in every direction. ``"ignore"``: loops add nothing.

    Returns
    -------
    pd.Series
        float64, indexed by node, named ``"degree"`` (``"strength"`` with ``weight``).

    Raises
    ------
    ParameterError
        On a bad ``direction``, ``loops``, ``normalized`` or ``weight``.

    Notes
    -----
    NaN rule: with ``normalized=True`` on a one-node graph the value is 0/0, hence NaN
    (networkx returns 1). Complexity O(n + m).

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
       Social Networks 1(3), 215-239. https://doi.org/10.1016/0378-8733(78)90021-7

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.Graph.from_arrays(3, [0, 0, 1], [1, 2, 1], directed=False)  # 1 has a loop
    >>> nc.centrality.degree(g).tolist()
    [2.0, 3.0, 1.0]
    >>> nc.centrality.degree(g, loops="ignore").tolist()
    [2.0, 1.0, 1.0]
    """
    func = "degree"
    g = as_graph(g, func=func, param="g")
    check_choice(direction, ("all", "in", "out"), func=func, param="direction")
    check_choice(loops, ("twice", "once", "ignore"), func=func, param="loops")
    normalized = check_bool(normalized, func=func, param="normalized")
    n = g.n_nodes
    w = _strengths(g, weight, func)
    if w is None:  # counts depend on the structure only: computed once per graph
        res = g.cached(("centrality.degree", direction, loops),
                       lambda: _degree_values(g, None, direction, loops)).copy()
    else:
        res = _degree_values(g, w, direction, loops)
    if normalized:
        res = res / (n - 1) if n > 1 else np.full(n, np.nan)
    return _series(g, res, "degree" if weight is None else "strength")


# ============================================================================= betweenness
def _rescale_betweenness(raw: np.ndarray, n: int, *, normalized: bool, directed: bool,
                         endpoints: bool, sources: np.ndarray | None) -> np.ndarray:
    """networkx's rescaling of raw ordered-pair Brandes sums (exact and sampled)."""
    big_n = n if endpoints else n - 1
    if big_n < 2:
        return raw.astype(float)
    k = None if sources is None else len(sources)
    k_src = big_n if k is None else k
    corr = 1.0 if directed else 2.0
    if k is None or endpoints:
        scale = 1.0 / (k_src * (big_n - 1)) if normalized else big_n / (k_src * corr)
        return raw * scale
    if normalized:
        s_src = 1.0 / ((k_src - 1) * (big_n - 1)) if k_src > 1 else np.nan
        s_non = 1.0 / (k_src * (big_n - 1))
    else:
        s_src = big_n / ((k_src - 1) * corr) if k_src > 1 else np.nan
        s_non = big_n / (k_src * corr)
    scale = np.full(n, s_non)
    scale[sources] = s_src
    return raw * scale


def betweenness(
    g: Any,
    /,
    *,
    normalized: bool = True,
    endpoints: bool = False,
    distance: str | None = None,
    n_pivots: int | None = None,
    rng: Any = None,
) -> pd.Series:
    """Shortest-path betweenness centrality (Brandes), exact or sampled from ``n_pivots`` pivots.

    Parameters
    ----------
    g : Graph or graph-like
        Directed graphs use directed paths.
    normalized : bool
        Divide by the number of pairs (see Notes). ``False`` gives raw pair counts. Default
        True (networkx's default; igraph's is raw counts); the defaults of all metrics are
        tabled in ``docs/conventions.md``.
    endpoints : bool
        Count the endpoints ``s`` and ``t`` as lying on their own paths.
    distance : str, optional
        Edge attribute read as a length (positive); shortest paths by Dijkstra. Default: hop
        counts (BFS).
    n_pivots : int, optional
        Number of pivot sources ``k`` drawn uniformly without replacement
        (``1 <= n_pivots <= n``; networkx's ``k``). ``None`` or ``n_pivots == n``: exact.
    rng : None, int or numpy Generator
        Randomness for the pivots (used only with ``n_pivots``). Same seed, same output.

    Returns
    -------
    pd.Series
        float64, indexed by node, named ``"betweenness"``.

    Raises
    ------
    ParameterError
        Bad ``n_pivots``, ``distance`` (unknown column, non-positive or non-finite values) or flags.

    Notes
    -----
    ``b(v) = sum_{s != v != t} sigma_st(v) / sigma_st``, over ordered pairs on directed and
    unordered pairs on undirected graphs. The scaling is exactly networkx's
    ``betweenness_centrality``; with ``N = n - 1`` (``n`` with ``endpoints``):

    * exact, ``normalized``: divide the ordered-pair sum by ``N (N - 1)`` (the undirected
      unordered-pair sum by ``N (N - 1) / 2``);
    * exact, raw: undirected values count each pair once (= igraph's ``betweenness()``);
    * sampled: the sum over the ``k = n_pivots`` pivot sources ``S`` is scaled by ``N / k``
      (raw) or ``1 / (k (N - 1))`` (normalized), halved for undirected raw values; without
      ``endpoints`` the pivots themselves are scaled by ``N / (k - 1)`` resp.
      ``1 / ((k - 1)(N - 1))`` instead, because a source never lies inside its own paths
      (NaN for a pivot when ``k = 1``). This makes every node's value an unbiased estimate
      of the exact value, and with a given pivot set it equals networkx's
      ``betweenness_centrality(k=...)`` for the same pivots.

    Weighted lengths that agree to a relative 1e-10 count as equal (igraph's rule).
    Graphs with fewer than 3 nodes (fewer than 2 with ``endpoints``) are not rescaled, as in
    networkx. No NaN occurs apart from the ``k = 1`` pivot case.

    Complexity: O(n m) (BFS) or O(n m log n) (Dijkstra) for exact values, ``k / n`` of that
    for sampled ones; the sources run in parallel on all numba threads.

    References
    ----------
    .. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
       Mathematical Sociology 25(2), 163-177. https://doi.org/10.1080/0022250X.2001.9990249
    .. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
       International Journal of Bifurcation and Chaos 17(7), 2303-2318.
       https://doi.org/10.1142/S0218127407018403

    Examples
    --------
    >>> import netcrime as nc
    >>> star = nc.Graph.from_arrays(4, [0, 0, 0], [1, 2, 3], directed=False)
    >>> nc.centrality.betweenness(star).tolist()
    [1.0, 0.0, 0.0, 0.0]
    >>> nc.centrality.betweenness(star, normalized=False).tolist()
    [3.0, 0.0, 0.0, 0.0]
    """
    func = "betweenness"
    g = as_graph(g, func=func, param="g")
    normalized = check_bool(normalized, func=func, param="normalized")
    endpoints = check_bool(endpoints, func=func, param="endpoints")
    lengths = _lengths(g, distance, func)
    n = g.n_nodes
    sources = None
    if n_pivots is not None:
        k = check_int(n_pivots, func=func, param="n_pivots", min=1, max=max(n, 1))
        gen = check_rng(rng, func=func)
        if k < n:
            sources = np.sort(gen.choice(n, size=k, replace=False)).astype(np.int64)
    else:
        check_rng(rng, func=func)
    raw = node_betweenness(g.indptr, g.indices, lengths=lengths, sources=sources,
                           endpoints=endpoints)
    vals = _rescale_betweenness(raw, n, normalized=normalized, directed=g.directed,
                                endpoints=endpoints, sources=sources)
    return _series(g, vals, "betweenness")


# ================================================================= closeness and harmonic
def _search_csr(g: Graph, direction: str, lengths: np.ndarray | None):
    if direction == "out" or not g.directed:
        return g.indptr, g.indices, lengths
    ip, ix, pos = g.in_csr()
    return ip, ix, (None if lengths is None else lengths[pos])


def closeness(
    g: Any,
    /,
    *,
    distance: str | None = None,
    wf_improved: bool = True,
    direction: str = "out",
) -> pd.Series:
    """Closeness centrality, with the Wasserman-Faust correction for disconnected graphs.

    Parameters
    ----------
    g : Graph or graph-like
    distance : str, optional
        Edge attribute read as a length (positive); Dijkstra. Default: hop counts.
    wf_improved : bool
        Multiply by the fraction of other nodes reached, ``r / (n - 1)`` (Wasserman & Faust
        1994, eq. 5.3; networkx's ``wf_improved``). ``False`` gives ``r / sum d`` over the
        reached nodes only (igraph's ``closeness(normalized=True)``). Closeness has no
        ``normalized=``: it is always divided by the distance sum (see ``docs/conventions.md``).
    direction : {"out", "in"}
        Directed graphs: distances from the node to the others (``"out"``, igraph's default)
        or from the others to the node (``"in"``, what networkx's ``closeness_centrality``
        computes on a DiGraph). Ignored for undirected graphs.

    Returns
    -------
    pd.Series
        float64, indexed by node, named ``"closeness"``.

    Raises
    ------
    ParameterError
        Bad ``direction``, ``wf_improved`` or ``distance``.

    Notes
    -----
    With ``r`` the number of other nodes reachable (in ``direction``) and ``D`` the sum of their
    distances: ``C = (r / D) * (r / (n - 1))`` (``wf_improved``) or ``C = r / D``.
    NaN rule: a node that reaches no other node (``r = 0``, e.g. an isolate) has ``0/0``
    closeness, hence NaN (networkx reports 0, igraph NaN).

    Complexity: hop counts use a bit-parallel BFS that advances 64 sources per scan of the
    edges, O((n / 64) D m + n^2) word operations for diameter ``D``; lengths use one
    Dijkstra per source, O(n m log n). Sources run in parallel on the numba threads.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
       Social Networks 1(3), 215-239. https://doi.org/10.1016/0378-8733(78)90021-7
    .. [2] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and
       Applications. Cambridge University Press, p. 201.
       https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import netcrime as nc
    >>> path = nc.Graph.from_arrays(4, [0, 1], [1, 2], directed=False)  # node 3 isolated
    >>> nc.centrality.closeness(path).round(4).tolist()
    [0.4444, 0.6667, 0.4444, nan]
    >>> nc.centrality.closeness(path, wf_improved=False).round(4).tolist()
    [0.6667, 1.0, 0.6667, nan]
    """
    func = "closeness"
    g = as_graph(g, func=func, param="g")
    wf_improved = check_bool(wf_improved, func=func, param="wf_improved")
    check_choice(direction, ("out", "in"), func=func, param="direction")
    lengths = _lengths(g, distance, func)
    ip, ix, ln = _search_csr(g, direction, lengths)
    total, reached, _ = distance_sums(ip, ix, lengths=ln)
    n = g.n_nodes
    with np.errstate(divide="ignore", invalid="ignore"):
        c = reached / total
        if wf_improved:
            c = c * (reached / (n - 1)) if n > 1 else c
    c = np.where(reached > 0, c, np.nan)
    return _series(g, c, "closeness")


def harmonic(
    g: Any,
    /,
    *,
    distance: str | None = None,
    normalized: bool = False,
    direction: str = "out",
) -> pd.Series:
    """Harmonic centrality: the sum of reciprocal distances to the other nodes.

    Parameters
    ----------
    g : Graph or graph-like
    distance : str, optional
        Edge attribute read as a length (positive); Dijkstra. Default: hop counts.
    normalized : bool
        Divide by ``n - 1`` (igraph's default ``normalized=True``); ``False`` (the default
        here) is networkx's ``harmonic_centrality``. See the ``normalized=`` table in
        ``docs/conventions.md``.
    direction : {"out", "in"}
        Directed graphs: distances from the node (``"out"``) or to the node (``"in"``, what
        networkx's ``harmonic_centrality`` computes on a DiGraph). Ignored if undirected.

    Returns
    -------
    pd.Series
        float64, indexed by node, named ``"harmonic"``.

    Raises
    ------
    ParameterError
        Bad ``direction``, ``normalized`` or ``distance``.

    Notes
    -----
    ``H(v) = sum_{u != v} 1 / d(v, u)`` with ``1 / inf = 0``, so it is defined on
    disconnected graphs; an isolate has 0. NaN rule: only ``normalized=True`` on a one-node
    graph (0/0) gives NaN. Complexity as :func:`closeness`.

    References
    ----------
    .. [1] Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285,
       539-546. https://doi.org/10.1016/S0378-4371(00)00311-3
    .. [2] Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics
       10(3-4), 222-262. https://doi.org/10.1080/15427951.2013.865686

    Examples
    --------
    >>> import netcrime as nc
    >>> path = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
    >>> nc.centrality.harmonic(path).tolist()
    [1.5, 2.0, 1.5]
    """
    func = "harmonic"
    g = as_graph(g, func=func, param="g")
    normalized = check_bool(normalized, func=func, param="normalized")
    check_choice(direction, ("out", "in"), func=func, param="direction")
    lengths = _lengths(g, distance, func)
    ip, ix, ln = _search_csr(g, direction, lengths)
    _, _, inv = distance_sums(ip, ix, lengths=ln)
    n = g.n_nodes
    if normalized:
        inv = inv / (n - 1) if n > 1 else np.full(n, np.nan)
    return _series(g, inv, "harmonic")


# ============================================================================== spectral
def eigenvector(
    g: Any,
    /,
    *,
    weight: str | None = None,
) -> pd.Series:
    """Eigenvector centrality: the Perron vector of the adjacency matrix (unit 2-norm).

    Parameters
    ----------
    g : Graph or graph-like
        Directed graphs use in-edges (left eigenvector): ``x_v`` grows with the centrality
        of the nodes that point to ``v``.
    weight : str, optional
        Edge attribute read as a strength (non-negative); ``A[u, v] = w(u, v)``. A
        self-loop contributes its weight once to the diagonal (networkx's convention;
        igraph counts an undirected loop twice).

    Returns
    -------
    pd.Series
        float64, non-negative, unit Euclidean norm (networkx's scaling; igraph scales the
        maximum to 1), indexed by node, named ``"eigenvector"``.

    Raises
    ------
    UndefinedMetricError
        On a graph without edges; on a directed graph whose adjacency matrix has no
        positive eigenvalue (acyclic) or whose dominant eigenvalue is not simple.
    ParameterError
        Bad ``weight``.

    Notes
    -----
    ``lambda x = A^T x`` with ``lambda`` the spectral radius. Solved directly with
    LAPACK (small components) or ARPACK (``eigsh``/``eigs`` at machine-precision tolerance)
    rather than by power iteration, which stalls when the two leading eigenvalues are close
    (networkx's power iteration can be off by more than 0.5 on disconnected graphs).

    Rule for disconnected undirected graphs: each connected component ``c`` has a simple
    leading eigenvalue ``lambda_c`` with a positive unit eigenvector ``v_c``. Nodes in
    components whose ``lambda_c`` is below the graph's ``lambda`` get 0 (they are not in the
    Perron eigenspace). When several components tie at ``lambda`` (relative 1e-9), the result
    is ``sum_c <1, v_c> v_c`` normalised: the projection of the all-ones vector on the
    eigenspace, i.e. the limit of power iteration started from uniform scores. Directed
    graphs: the dominant eigenvalue must be simple (otherwise the eigenvector is not unique
    and UndefinedMetricError is raised; use :func:`katz` or :func:`pagerank`). No NaN.

    References
    ----------
    .. [1] Bonacich, P. (1972). Factoring and weighting approaches to status scores and
       clique identification. Journal of Mathematical Sociology 2(1), 113-120.
       https://doi.org/10.1080/0022250X.1972.9989806

    Examples
    --------
    >>> import netcrime as nc
    >>> star = nc.Graph.from_arrays(5, [0, 0, 0, 0], [1, 2, 3, 4], directed=False)
    >>> nc.centrality.eigenvector(star).round(4).tolist()
    [0.7071, 0.3536, 0.3536, 0.3536, 0.3536]
    """
    func = "eigenvector"
    g = as_graph(g, func=func, param="g")
    w = _strengths(g, weight, func)
    if g.n_nodes == 0 or len(g.indices) == 0 or (w is not None and not w.any()):
        raise UndefinedMetricError(
            "eigenvector() is undefined on a graph without edges (every vector is an "
            "eigenvector of the zero matrix)."
        )
    x, _ = perron_vector_csr(g.indptr, g.indices, w, g.n_nodes, symmetric=not g.directed,
                             undefined=UndefinedMetricError)
    return _series(g, x, "eigenvector")


def _node_distribution(g: Graph, values: Any, func: str, param: str) -> np.ndarray:
    """Probability vector from a mapping/Series label -> non-negative value (missing = 0)."""
    if isinstance(values, pd.Series):
        labels, vals = list(values.index), values.to_numpy()
    elif isinstance(values, Mapping):
        labels, vals = list(values.keys()), list(values.values())
    else:
        raise param_error(func, param, "None, a dict or a pd.Series of node -> value", values)
    try:
        arr = np.asarray(vals, dtype=float)
    except (TypeError, ValueError):
        raise param_error(func, param, "a mapping to non-negative numbers", values) from None
    if arr.size and (not np.all(np.isfinite(arr)) or (arr < 0).any()):
        raise param_error(func, param, "a mapping to non-negative finite numbers", values)
    if arr.sum() <= 0:
        raise param_error(func, param, "a mapping with a positive total", values)
    pos = g.node_index(labels, func=func, param=param)
    out = np.zeros(g.n_nodes)
    np.add.at(out, pos, arr)
    return out / out.sum()


def pagerank(
    g: Any,
    /,
    *,
    alpha: float = 0.85,
    weight: str | None = None,
    personalization: Mapping | pd.Series | None = None,
    dangling: Mapping | pd.Series | None = None,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> pd.Series:
    """PageRank: the stationary distribution of a random surfer with teleportation.

    Parameters
    ----------
    g : Graph or graph-like
        Undirected edges are followed both ways.
    alpha : float
        Damping factor in [0, 1): probability of following an out-edge.
    weight : str, optional
        Edge attribute read as a strength (non-negative): the surfer follows an out-edge with
        probability proportional to its weight.
    personalization : dict or pd.Series, optional
        Node -> non-negative teleport weight (missing nodes 0); normalised to sum 1.
        Default uniform.
    dangling : dict or pd.Series, optional
        Where the mass of dangling nodes (no out-weight) goes; default the personalization
        vector (networkx's rule, and what igraph's ``personalized_pagerank`` does with its
        ``reset`` vector).
    tol : float
        Stop when the guaranteed l1 distance to the exact PageRank vector,
        ``alpha / (1 - alpha) * ||x_k+1 - x_k||_1``, is below ``tol``.
    max_iter : int
        Maximum number of iterations.

    Returns
    -------
    pd.Series
        float64, summing to 1, indexed by node, named ``"pagerank"``.

    Raises
    ------
    ParameterError
        Bad ``alpha``, ``tol``, ``max_iter``, ``weight``, ``personalization``, ``dangling``.
    ConvergenceError
        If ``max_iter`` iterations do not reach ``tol``.
    UndefinedMetricError
        On an empty graph.

    Notes
    -----
    ``x = alpha P^T x + alpha (sum_{dangling u} x_u) d + (1 - alpha) p`` with
    ``P[u, v] = w(u, v) / sum_v w(u, v)``. Power iteration with sparse mat-vecs; the map is
    an l1 contraction with factor ``alpha``, so the stopping rule bounds the error. Large
    graphs (over 200,000 arcs) iterate in pull form over the in-neighbours, in parallel
    over nodes when cores are free, with Anderson acceleration [2]_ choosing where each
    step starts (about half the iterations on call-record graphs); the stopping rule is
    still checked on a plain step, so the bound holds as stated. Every sum runs in a fixed
    order: the result is the same whatever the number of threads. Memory on that path:
    about 14 float vectors of length n beside the graph (the acceleration keeps 8). The
    default ``tol=1e-12`` agrees with igraph's PRPACK (a direct method) to about 1e-13.
    Defined on every non-empty graph; no NaN. Complexity O(m) per iteration.

    References
    ----------
    .. [1] Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search
       engine. Computer Networks and ISDN Systems 30, 107-117.
       https://doi.org/10.1016/S0169-7552(98)00110-X
    .. [2] Walker, H. F. & Ni, P. (2011). Anderson acceleration for fixed-point iterations.
       SIAM Journal on Numerical Analysis 49, 1715-1735. https://doi.org/10.1137/10078356X

    Examples
    --------
    >>> import netcrime as nc
    >>> cycle = nc.Graph.from_arrays(3, [0, 1, 2], [1, 2, 0], directed=True)
    >>> nc.centrality.pagerank(cycle).round(6).tolist()
    [0.333333, 0.333333, 0.333333]
    """
    func = "pagerank"
    g = as_graph(g, func=func, param="g")
    alpha = check_float(alpha, func=func, param="alpha", min=0.0, max=1.0, max_open=True)
    tol = check_float(tol, func=func, param="tol", min=0.0, min_open=True)
    max_iter = check_int(max_iter, func=func, param="max_iter", min=1)
    n = g.n_nodes
    w = _strengths(g, weight, func)
    if n == 0:
        raise UndefinedMetricError("pagerank() is undefined on a graph without nodes.")
    p = (np.full(n, 1.0 / n) if personalization is None
         else _node_distribution(g, personalization, func, "personalization"))
    d = p if dangling is None else _node_distribution(g, dangling, func, "dangling")
    x, _ = pagerank_power(g.indptr, g.indices, w, alpha, p, d, tol, max_iter, ConvergenceError,
                          symmetric=not g.directed)
    return _series(g, x, "pagerank")


def katz(
    g: Any,
    /,
    *,
    alpha: float | None = None,
    beta: float = 1.0,
    weight: str | None = None,
    normalized: bool = True,
) -> pd.Series:
    """Katz centrality: walks of every length into a node, damped by ``alpha`` per step.

    Parameters
    ----------
    g : Graph or graph-like
        Directed graphs count walks ending at the node (in-edges), as networkx does.
    alpha : float, optional
        Attenuation factor, ``0 < alpha < 1 / rho(A)`` (``rho`` the spectral radius).
        Default ``0.9 / rho(A)`` (``0.9`` when ``rho(A) = 0``, e.g. an acyclic digraph).
    beta : float
        Constant base score of every node (> 0).
    weight : str, optional
        Edge attribute read as a strength (non-negative), ``A[u, v] = w(u, v)``.
    normalized : bool
        Scale to unit Euclidean norm (networkx's ``katz_centrality_numpy``). Default True;
        ``False`` gives ``beta`` times the sum of damped walk counts. See the
        ``normalized=`` table in ``docs/conventions.md``.

    Returns
    -------
    pd.Series
        float64, indexed by node, named ``"katz"``.

    Raises
    ------
    ParameterError
        ``alpha`` outside ``(0, 1 / rho(A))``, bad ``beta``, ``weight`` or ``normalized``.
    UndefinedMetricError
        On an empty graph.
    ConvergenceError
        If the linear solve misses its residual bound (``alpha`` very close to
        ``1 / rho(A)``).

    Notes
    -----
    ``x = alpha A^T x + beta 1``, i.e. ``x = beta (I - alpha A^T)^{-1} 1``, solved densely
    (up to 400 nodes) or by a Krylov method (conjugate gradients for undirected graphs,
    BiCGSTAB/GMRES for directed ones) at relative residual 1e-14; the residual is checked
    (ConvergenceError otherwise). ``alpha`` is validated with a cheap upper bound on
    ``rho(A)`` first; ARPACK runs only when that bound is inconclusive or ``alpha=None``.
    Well defined on disconnected graphs (no special rule); no NaN.
    Complexity: one Krylov solve (O(m) per iteration), plus an ARPACK spectral-radius
    computation when ``alpha=None`` or when the cheap bound cannot confirm ``alpha``.

    References
    ----------
    .. [1] Katz, L. (1953). A new status index derived from sociometric analysis.
       Psychometrika 18(1), 39-43. https://doi.org/10.1007/BF02289026

    Examples
    --------
    >>> import netcrime as nc
    >>> path = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
    >>> nc.centrality.katz(path, alpha=0.5, normalized=False).tolist()
    [3.0, 4.0, 3.0]
    """
    func = "katz"
    g = as_graph(g, func=func, param="g")
    beta = check_float(beta, func=func, param="beta", min=0.0, min_open=True)
    normalized = check_bool(normalized, func=func, param="normalized")
    n = g.n_nodes
    if n == 0:
        raise UndefinedMetricError("katz() is undefined on a graph without nodes.")
    w = _strengths(g, weight, func)
    a = adjacency(g.indptr, g.indices, w, n)
    if alpha is None:
        rho = spectral_radius(a, symmetric=not g.directed)
        alpha = 0.9 / rho if rho > 1e-12 else 0.9
    else:
        try:  # a number checked as one (a huge int is refused, not a TypeError)
            alpha_v: float | None = check_float(alpha, func=func, param="alpha", min=0.0,
                                                min_open=True)
        except ParameterError:
            alpha_v = None
        # cheap upper bound on rho(A) first; the eigen-solve only when it is inconclusive
        ok = alpha_v is not None and alpha_v * radius_upper_bound(a) < 1.0
        if alpha_v is not None and not ok:
            rho = spectral_radius(a, symmetric=not g.directed)
            ok = alpha_v * rho < 1.0
        if not ok:
            rho = spectral_radius(a, symmetric=not g.directed)
            limit = 1.0 / rho if rho > 1e-12 else np.inf
            rule = (f"a float in (0, 1/rho(A)) = (0, {limit:.6g})" if np.isfinite(limit)
                    else "a positive float")
            raise param_error(func, "alpha", rule, alpha)
        alpha = float(alpha_v)
    x = katz_solve(a, alpha, np.full(n, beta), not g.directed, ConvergenceError)
    if normalized:
        x = x / np.linalg.norm(x)
    return _series(g, x, "katz")


# ============================================================================= k-cores
def core_number(g: Any, /) -> pd.Series:
    r"""Core number of every node: the largest ``k`` such that the node is in the k-core.

    The k-core is the largest subgraph in which every node has degree at least ``k``
    (Seidman 1983); peeling nodes in order of current degree gives every node's core number
    in ``O(n + m)`` (Batagelj & Zaversnik's bucket algorithm).

    Parameters
    ----------
    g : Graph or graph-like
        Anything :func:`netcrime.as_graph` accepts. Directed graphs: the degree is in + out
        (a reciprocated pair counts twice), as in networkx and igraph's ``mode="all"``.

    Returns
    -------
    pd.Series
        float64 (whole numbers), indexed by node, named ``"core_number"``. An isolated node
        has core number 0. Self-loops are ignored (networkx refuses graphs with loops;
        igraph counts them): remove them to compare.

    References
    ----------
    Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5(3),
    269-287. doi:10.1016/0378-8733(83)90028-X.
    Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
    networks. arXiv:cs/0310049.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.Graph.from_arrays(5, [0, 0, 1, 2], [1, 2, 2, 3], directed=False)
    >>> nc.centrality.core_number(g).tolist()
    [2.0, 2.0, 2.0, 1.0, 0.0]
    """
    g = as_graph(g, func="core_number", param="g")
    ptr, idx = g.neighbour_csr()
    return _series(g, core_numbers(ptr, idx), "core_number")
