"""Covert-network measures: Lindelauf's information and secrecy, efficiency, centralization.

A covert network trades *information* (how fast members can reach each other) against
*secrecy* (how much of the network stays hidden when a member is caught). This module places
a network on that plane:

* :func:`information` - Lindelauf's I, the inverse mean shortest-path length;
* :func:`secrecy` - Lindelauf's S1 (uniform exposure), S2 (link detection with probability
  ``p``) and S3 (exposure proportional to degree + 1) of the network (a float);
  :func:`node_secrecy` - the same per exposed member (a Series);
* :func:`tradeoff` - the balance ``mu = S * I``;
* :func:`global_efficiency` - Latora and Marchiori's efficiency (exact or source-sampled);
* :func:`centralization` - Freeman's degree, betweenness and closeness centralization;
* :func:`profile` / :func:`compare_profiles` - one row of all of these per network, side by
  side (a DataFrame).

Lindelauf's measures and Freeman's centralization are defined for undirected graphs: a
directed graph is read as its *underlying undirected simple graph* (an edge wherever there is
an arc in either direction; self-loops ignored). :func:`global_efficiency` follows arcs.

``n_pivots=`` always means "estimate from this many sampled source nodes"; the parameter
glossary and the NaN rule are in ``docs/conventions.md``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._core import distance_sums, node_betweenness, symmetrise, triangles
from ._validation import (
    check_bool,
    check_choice,
    check_float,
    check_hashable,
    check_int,
    check_rng,
    param_error,
    readdressed,
)
from .exceptions import UndefinedMetricError
from .graph import Graph, as_graph

__all__ = [
    "centralization",
    "compare_profiles",
    "global_efficiency",
    "information",
    "node_secrecy",
    "profile",
    "secrecy",
    "tradeoff",
]


# --------------------------------------------------------------------------- helpers
def _simple(g: Graph) -> tuple[np.ndarray, np.ndarray, int, int]:
    """(indptr, indices, n, m) of the underlying simple undirected graph (cached on g)."""
    def build() -> tuple[np.ndarray, np.ndarray, int, int]:
        ptr, idx, _ = symmetrise(g.indptr, g.indices)
        return ptr, idx, g.n_nodes, len(idx) // 2

    return g.cached("covert.simple", build)


def _sources(n: int, n_pivots: int | None, rng: Any, func: str) -> np.ndarray | None:
    if n_pivots is None:
        return None
    k = check_int(n_pivots, func=func, param="n_pivots", min=1)
    gen = check_rng(rng, func=func)
    if k >= n:
        return None
    return np.sort(gen.choice(n, size=k, replace=False)).astype(np.int64)


def _mean_distance(ptr: np.ndarray, idx: np.ndarray, n: int, src: np.ndarray | None,
                   func: str) -> float:
    """Mean shortest-path length over ordered pairs of a connected graph (sampled rows)."""
    if n < 2:
        raise UndefinedMetricError(
            f"{func}() is undefined for a graph with fewer than 2 nodes (got {n})."
        )
    total, reached, _ = distance_sums(ptr, idx, sources=src)
    if (reached < n - 1).any():
        raise UndefinedMetricError(
            f"{func}() is defined for connected graphs only, and this graph is disconnected. "
            "Restrict it to a component first (e.g. profile(g, largest_component=True))."
        )
    return float(total.sum()) / (len(total) * (n - 1))


# --------------------------------------------------------------------------- information
def information(g: Any, /, *, n_pivots: int | None = None, rng: Any = None) -> float:
    """Lindelauf's information measure: the inverse of the mean shortest-path length.

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph.
    n_pivots : int, optional
        Estimate from ``k = n_pivots`` source nodes drawn uniformly without replacement (for
        large graphs); None (default) is exact.
    rng : None, int or numpy.random.Generator
        Randomness for the source sample.

    Returns
    -------
    float
        ``I = n (n - 1) / sum_{i != j} l_ij`` in ``(0, 1]`` (1 for a complete graph).

    Raises
    ------
    UndefinedMetricError
        If the graph has fewer than 2 nodes or is disconnected (some ``l_ij`` is infinite).

    Notes
    -----
    Unweighted hop distances by one BFS per source, ``O(n m)`` exact, ``O(k m)`` sampled
    (the estimate is ``k (n - 1) / sum`` of the sampled rows' distances).

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). The influence of secrecy on the
    communication structure of covert networks. *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> round(nc.covert.information(nx.star_graph(3)), 4)  # 12 / 18
    0.6667
    """
    func = "information"
    g = as_graph(g, func=func, param="g")
    ptr, idx, n, _ = _simple(g)
    src = _sources(n, n_pivots, rng, func)
    return 1.0 / _mean_distance(ptr, idx, n, src, func)


# --------------------------------------------------------------------------- secrecy
_MODELS = ("uniform", "link", "degree")


def _exposure(g: Any, model: str, p: float | None,
              func: str) -> tuple[Graph, np.ndarray, int, int, float]:
    """(graph, simple degrees, n, m, q) for the secrecy models; ``q`` the detection
    probability of a tie (``p`` for the link model, else 1)."""
    g = as_graph(g, func=func, param="g")
    check_choice(model, _MODELS, func=func, param="model")
    if model == "link":
        if p is None:
            raise param_error(func, "p", "a float in [0, 1] when model='link'", p)
        q = check_float(p, func=func, param="p", min=0.0, max=1.0)
    else:
        if p is not None:
            raise param_error(func, "p", f"None when model={model!r}", p)
        q = 1.0
    ptr, _, n, m = _simple(g)
    if n == 0:
        raise UndefinedMetricError(f"{func}() is undefined for a graph without nodes.")
    return g, np.diff(ptr).astype(np.float64), n, m, q


def secrecy(
    g: Any,
    /,
    *,
    model: str = "uniform",
    p: float | None = None,
) -> float:
    """Lindelauf's secrecy of the network: the expected share that stays hidden.

    One member is exposed and reveals the neighbours it is tied to. Secrecy is the expected
    fraction of members that remain unexposed. The per-member values are
    :func:`node_secrecy`.

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph.
    model : {"uniform", "link", "degree"}, default "uniform"
        ``"uniform"`` (S1): every member is exposed with probability ``1/n`` and reveals all
        neighbours. ``"link"`` (S2): each tie of the exposed member is detected with
        probability ``p``. ``"degree"`` (S3): member ``i`` is exposed with probability
        ``(d_i + 1) / (2m + n)`` (busy members are caught more often).
    p : float in [0, 1]
        Link-detection probability; required for ``model="link"`` and only then.

    Returns
    -------
    float
        ``S1 = (n^2 - n - 2m) / n^2``, ``S2 = (n^2 - n - 2pm) / n^2``,
        ``S3 = (2m(n - 2) + n(n - 1) - sum_i d_i^2) / ((2m + n) n)``; the average of
        :func:`node_secrecy` under the model's exposure probabilities.

    Raises
    ------
    UndefinedMetricError
        If the graph has no nodes.
    ParameterError
        For a bad ``model`` or ``p``.

    Notes
    -----
    Defined for any graph (connected or not); ``O(n + m)``.

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). The influence of secrecy on the
    communication structure of covert networks. *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.covert.secrecy(nx.star_graph(3))  # (16 - 4 - 6) / 16
    0.375
    >>> round(nc.covert.secrecy(nx.complete_graph(4), model="link", p=0.5), 4)
    0.375
    """
    _, d, n, m, q = _exposure(g, model, p, "secrecy")
    if model == "degree":
        node = (n - 1 - q * d) / n
        return float(((d + 1.0) * node).sum() / (2 * m + n))
    return float((n * n - n - 2.0 * q * m) / (n * n))


def node_secrecy(
    g: Any,
    /,
    *,
    model: str = "uniform",
    p: float | None = None,
) -> pd.Series:
    """Lindelauf's secrecy per member: the share that stays hidden if *this* member is exposed.

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph.
    model : {"uniform", "link", "degree"}, default "uniform"
        The exposure model of :func:`secrecy`. Only ``"link"`` changes the node values (each
        tie is detected with probability ``p``); ``"uniform"`` and ``"degree"`` differ in how
        likely each member is to be exposed, which weights the graph-level average, not in
        what an exposed member reveals.
    p : float in [0, 1]
        Link-detection probability; required for ``model="link"`` and only then.

    Returns
    -------
    pandas.Series
        float64, indexed by node, named ``"secrecy"``: ``(n - 1 - q d_i) / n`` with ``q = p``
        (link model) or 1. :func:`secrecy` is its average under the model's exposure
        probabilities (uniform ``1/n``, or ``(d_i + 1) / (2m + n)`` for ``"degree"``).

    Raises
    ------
    UndefinedMetricError
        If the graph has no nodes.
    ParameterError
        For a bad ``model`` or ``p``.

    Notes
    -----
    Defined for any graph (connected or not); no NaN; ``O(n + m)``.

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). The influence of secrecy on the
    communication structure of covert networks. *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.covert.node_secrecy(nx.star_graph(3)).tolist()  # hub reveals all; a leaf 2 of 4
    [0.0, 0.5, 0.5, 0.5]
    """
    g, d, n, _, q = _exposure(g, model, p, "node_secrecy")
    return pd.Series((n - 1 - q * d) / n, index=g.nodes, name="secrecy", dtype=np.float64)


def tradeoff(
    g: Any,
    /,
    *,
    model: str = "uniform",
    p: float | None = None,
    n_pivots: int | None = None,
    rng: Any = None,
) -> float:
    """Lindelauf's balance between secrecy and information: ``mu = S * I``.

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph; must be connected.
    model, p
        Secrecy model, see :func:`secrecy`.
    n_pivots, rng
        Source sampling for the information measure, see :func:`information`.

    Returns
    -------
    float

    Raises
    ------
    UndefinedMetricError
        If the graph is disconnected or has fewer than 2 nodes.

    Notes
    -----
    Over all connected graphs on ``n = 4..7`` nodes, ``mu`` under S1 is maximised by the star
    (0.25, 0.30, 0.333, 0.357), under S3 by P4, C5 and then rings with one or two chords.

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). The influence of secrecy on the
    communication structure of covert networks. *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.covert.tradeoff(nx.star_graph(3))
    0.25
    """
    func = "tradeoff"
    g = as_graph(g, func=func, param="g")
    with readdressed("tradeoff", "secrecy"):
        s = secrecy(g, model=model, p=p)
    ptr, idx, n, _ = _simple(g)
    src = _sources(n, n_pivots, rng, func)
    return float(s) / _mean_distance(ptr, idx, n, src, func)


# --------------------------------------------------------------------------- efficiency
def global_efficiency(
    g: Any,
    /,
    *,
    distance: str | None = None,
    n_pivots: int | None = None,
    rng: Any = None,
) -> float:
    """Global efficiency: the mean inverse shortest-path length over ordered pairs.

    Parameters
    ----------
    g : Graph or graph-like
        Directed graphs follow arcs (``d_ij`` from ``i`` to ``j``).
    distance : str, optional
        Edge attribute holding a *length* (positive); None counts hops.
    n_pivots : int, optional
        Estimate from ``k = n_pivots`` sources drawn uniformly without replacement; None is
        exact.
    rng : None, int or numpy.random.Generator
        Randomness for the source sample.

    Returns
    -------
    float
        ``E = sum_{i != j} 1/d_ij / (n (n - 1))``; unreachable pairs contribute 0, so it is
        defined for disconnected graphs. Sampled: ``sum over sampled rows / (k (n - 1))``.

    Raises
    ------
    UndefinedMetricError
        If the graph has fewer than 2 nodes.

    Notes
    -----
    One BFS (Dijkstra with ``distance``) per source: ``O(n m)`` exact, ``O(k m)`` sampled.
    Self-loops do not change distances.

    References
    ----------
    Latora, V., & Marchiori, M. (2001). Efficient behavior of small-world networks.
    *Physical Review Letters* 87(19), 198701. doi:10.1103/PhysRevLett.87.198701

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> round(nc.covert.global_efficiency(nx.path_graph(3)), 4)  # (4 * 1 + 2 * 1/2) / 6
    0.8333
    """
    func = "global_efficiency"
    g = as_graph(g, func=func, param="g")
    n = g.n_nodes
    if n < 2:
        raise UndefinedMetricError(
            f"{func}() is undefined for a graph with fewer than 2 nodes (got {n})."
        )
    lengths = None
    if distance is not None:
        lengths = g.edge_values(distance, func=func, param="distance", positive=True)
    src = _sources(n, n_pivots, rng, func)
    _, _, inv = distance_sums(g.indptr, g.indices, sources=src, lengths=lengths)
    return float(inv.sum()) / (len(inv) * (n - 1))


# --------------------------------------------------------------------------- centralization
_CENTRAL = ("degree", "betweenness", "closeness")


def centralization(
    g: Any,
    /,
    *,
    measure: str = "degree",
    n_pivots: int | None = None,
    rng: Any = None,
) -> float:
    """Freeman's centralization: how much one node dominates, relative to the star.

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph.
    measure : {"degree", "betweenness", "closeness"}, default "degree"
        The node centrality ``c``.
    n_pivots : int, optional
        Betweenness only: estimate from ``k = n_pivots`` sampled sources (scaled by
        ``n / k``).
    rng : None, int or numpy.random.Generator
        Randomness for the source sample.

    Returns
    -------
    float
        ``C = sum_i (c_max - c_i) / max``, where ``max`` is the same sum for the star on
        ``n`` nodes (the largest over all graphs with ``n`` nodes): ``(n - 1)(n - 2)`` for
        degree, ``(n - 1)^2 (n - 2) / 2`` for raw betweenness (unordered pairs), and
        ``(n - 1)(n - 2) / (2n - 3)`` for closeness ``c_i = (n - 1) / sum_j d_ij``.
        The star scores 1, the complete graph and the cycle 0.

    Raises
    ------
    UndefinedMetricError
        If the graph has fewer than 3 nodes (the normaliser is 0), or for closeness if it
        is disconnected.

    Notes
    -----
    Degree ``O(n + m)``; betweenness and closeness one BFS per node, ``O(n m)``.

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    *Social Networks* 1(3), 215-239. doi:10.1016/0378-8733(78)90021-7

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.covert.centralization(nx.star_graph(5), measure="betweenness")
    1.0
    >>> nc.covert.centralization(nx.complete_graph(5))
    0.0
    """
    func = "centralization"
    g = as_graph(g, func=func, param="g")
    check_choice(measure, _CENTRAL, func=func, param="measure")
    if n_pivots is not None:  # checked whatever the measure (degree does not sample)
        check_int(n_pivots, func=func, param="n_pivots", min=1)
    ptr, idx, n, _ = _simple(g)
    if n < 3:
        raise UndefinedMetricError(
            f"{func}() is undefined for a graph with fewer than 3 nodes (got {n})."
        )
    if measure == "degree":
        c = np.diff(ptr).astype(np.float64)
        denom = (n - 1.0) * (n - 2.0)
    elif measure == "betweenness":
        src = _sources(n, n_pivots, rng, func)
        raw = node_betweenness(ptr, idx, sources=src)
        scale = 1.0 if src is None else n / len(src)
        c = raw * scale / 2.0
        denom = (n - 1.0) ** 2 * (n - 2.0) / 2.0
    else:
        if n_pivots is not None:
            raise param_error(func, "n_pivots", "None for measure='closeness'", n_pivots)
        total, reached, _ = distance_sums(ptr, idx)
        if (reached < n - 1).any():
            raise UndefinedMetricError(
                f"{func}(measure='closeness') is defined for connected graphs only, and this "
                "graph is disconnected."
            )
        c = (n - 1.0) / total
        denom = (n - 1.0) * (n - 2.0) / (2.0 * n - 3.0)
    return float(max((c.max() - c).sum() / denom, 0.0))


# --------------------------------------------------------------------------- profile
def _clustering(ptr: np.ndarray, idx: np.ndarray) -> tuple[float, float]:
    tri = triangles(ptr, idx).astype(np.float64)
    d = np.diff(ptr).astype(np.float64)
    pairs = d * (d - 1.0) / 2.0
    tot = pairs.sum()
    trans = float(tri.sum() / tot) if tot > 0 else np.nan
    local = np.divide(tri, pairs, out=np.zeros_like(tri), where=pairs > 0)
    return trans, float(local.mean()) if len(local) else np.nan


PROFILE_COLUMNS = (
    "n_nodes",
    "n_edges",
    "density",
    "components",
    "degree_centralization",
    "betweenness_centralization",
    "closeness_centralization",
    "transitivity",
    "avg_clustering",
    "mean_path_length",
    "efficiency",
    "information",
    "secrecy_s1",
    "secrecy_s3",
    "tradeoff_s1",
    "tradeoff_s3",
    "wheel_chain_score",
)


def profile(
    g: Any,
    /,
    *,
    name: Hashable | None = None,
    nodes: Any = None,
    largest_component: bool = False,
    n_pivots: int | None = None,
    rng: Any = None,
) -> pd.DataFrame:
    """One row placing a network on the secrecy/efficiency plane (a one-row DataFrame).

    Parameters
    ----------
    g : Graph or graph-like
        Read as its underlying undirected simple graph.
    name : hashable, optional
        Row label (default 0).
    nodes : iterable of labels, optional
        Profile the subgraph induced by these nodes (e.g. the criminal members only).
    largest_component : bool, default False
        Profile the largest connected component (after ``nodes``).
    n_pivots : int, optional
        Estimate the path-based columns (betweenness centralization, mean path length,
        efficiency, information, trade-offs) from ``n_pivots`` sampled sources; closeness
        centralization is then NaN. None: exact.
    rng : None, int or numpy.random.Generator
        Randomness for the source sample (the same sources serve every column).

    Returns
    -------
    pandas.DataFrame
        Always a DataFrame with exactly one row, labelled ``name`` (so that rows of several
        networks concatenate, see :func:`compare_profiles`; take ``.iloc[0]`` for a Series),
        and the columns of ``PROFILE_COLUMNS`` in that order: ``n_nodes``, ``n_edges``
        (undirected simple ties), ``density`` ``2m / (n(n-1))``, ``components``, Freeman's
        ``degree_``/``betweenness_``/``closeness_centralization``, ``transitivity``
        (``3 x triangles / connected triples``), ``avg_clustering`` (mean local clustering,
        0 for nodes of degree < 2, as networkx), ``mean_path_length``, ``efficiency``,
        Lindelauf's ``information``, ``secrecy_s1``/``secrecy_s3`` and
        ``tradeoff_s1``/``tradeoff_s3`` (``mu = S I``), and ``wheel_chain_score``.

    Notes
    -----
    **Wheel-vs-chain score** ``= C_B - l``, with ``C_B`` Freeman's betweenness
    centralization and ``l = (L - 1) / ((n + 1)/3 - 1)`` the mean path length ``L`` rescaled
    so that the complete graph has 0 and the path (the longest mean distance of any connected
    graph on ``n`` nodes) has 1. It lies in ``[-1, 1]``: the star scores ``1 - 3/n`` (hub-and-
    spoke: one node brokers everything, paths are short), the path ``C_B(P_n) - 1`` (about
    -0.83: nobody dominates, information travels far), the complete graph 0 (all-channel).
    Kenney's wheels score high because their core lies on every path between cells; chains
    score low because no one brokers much and handoffs are long.

    **NaN rule.** A column that is undefined for the profiled graph is NaN (not an error,
    so that networks can be compared side by side): path-length, information and trade-off
    columns and the score when the graph is disconnected; centralizations for ``n < 3``;
    clustering without any connected triple. ``efficiency`` and secrecy are always defined
    (for ``n >= 2``).

    Complexity ``O(n m)`` exact, ``O(n_pivots m)`` with sampling, plus triangle counting
    ``O(m^1.5)``.

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003.
    Freeman, L. C. (1979). *Social Networks* 1(3), 215-239.
    doi:10.1016/0378-8733(78)90021-7.
    Morselli, C., Giguère, C., & Petit, K. (2007). The efficiency/security trade-off in
    criminal networks. *Social Networks* 29(1), 143-153. doi:10.1016/j.socnet.2006.05.001

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> row = nc.covert.profile(nx.star_graph(4), name="star")
    >>> row[["density", "degree_centralization", "information", "tradeoff_s1"]]
          density  degree_centralization  information  tradeoff_s1
    star      0.4                    1.0     0.625...     0.3
    """
    func = "profile"
    g = as_graph(g, func=func, param="g")
    check_hashable(name, func=func, param="name", rule="None or a hashable row label")
    largest_component = check_bool(largest_component, func=func, param="largest_component")
    if nodes is not None:
        pos = g.node_index(nodes, func=func, param="nodes")
        g = g.take(np.unique(np.asarray(pos, dtype=np.int64)))
    ptr, idx, n, m = _simple(g)
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    ncomp, labels = (0, np.zeros(0, np.int64))
    if n:
        ncomp, labels = connected_components(
            csr_array((np.ones(len(idx)), idx, ptr), shape=(n, n)), directed=False
        )
    if largest_component and ncomp > 1:
        big = np.argmax(np.bincount(labels))
        g = g.take(np.flatnonzero(labels == big))
        ptr, idx, n, m = _simple(g)
        ncomp = 1
    nan = np.nan
    row: dict[str, Any] = dict.fromkeys(PROFILE_COLUMNS, nan)
    row.update(n_nodes=n, n_edges=m, components=int(ncomp))
    if n >= 2:
        row["density"] = 2.0 * m / (n * (n - 1.0))
    if n >= 1:
        row["secrecy_s1"] = secrecy(g)
        row["secrecy_s3"] = secrecy(g, model="degree")
    if n >= 3:
        row["degree_centralization"] = centralization(g, measure="degree")
    row["transitivity"], row["avg_clustering"] = _clustering(ptr, idx) if n else (nan, nan)
    src = _sources(n, n_pivots, rng, func) if n else None
    if n >= 2:
        total, _, inv = distance_sums(ptr, idx, sources=src)
        ns = len(total)
        row["efficiency"] = float(inv.sum()) / (ns * (n - 1))
        if ncomp == 1:
            L = float(total.sum()) / (ns * (n - 1))
            row["mean_path_length"] = L
            row["information"] = 1.0 / L
            row["tradeoff_s1"] = row["secrecy_s1"] / L
            row["tradeoff_s3"] = row["secrecy_s3"] / L
            if n >= 3:
                row["closeness_centralization"] = (
                    centralization(g, measure="closeness") if src is None else nan
                )
    if n >= 3:
        raw = node_betweenness(ptr, idx, sources=src)
        scale = 1.0 if src is None else n / len(src)
        c = raw * scale / 2.0
        cb = float(max((c.max() - c).sum() / ((n - 1.0) ** 2 * (n - 2.0) / 2.0), 0.0))
        row["betweenness_centralization"] = cb
        if ncomp == 1:
            lmax = (n + 1.0) / 3.0
            ell = (row["mean_path_length"] - 1.0) / (lmax - 1.0) if lmax > 1 else 0.0
            row["wheel_chain_score"] = cb - ell
    out = pd.DataFrame([row], index=[0 if name is None else name], columns=list(PROFILE_COLUMNS))
    return out


def compare_profiles(graphs: Mapping[Hashable, Any], /, **kwargs: Any) -> pd.DataFrame:
    """Profiles of several networks side by side (one row per network).

    Named ``compare`` in 0.1; not to be confused with
    :func:`netcrime.disruption.compare_strategies`, which compares attack strategies on one
    network.

    Parameters
    ----------
    graphs : mapping of name -> Graph or graph-like
        The networks; the names become the row labels.
    **kwargs
        Passed to :func:`profile` (``nodes``, ``largest_component``, ``n_pivots``, ``rng``); with
        ``rng`` an int each graph gets the same seed.

    Returns
    -------
    pandas.DataFrame
        Rows = networks, columns = ``PROFILE_COLUMNS``; transpose (``.T``) to read the
        networks as columns.

    Notes
    -----
    One :func:`profile` per network, concatenated; the formulas, NaN rule and references are
    those of :func:`profile`. An empty mapping gives an empty frame with the profile columns.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> t = nc.covert.compare_profiles({"star": nx.star_graph(6), "path": nx.path_graph(7)})
    >>> t["wheel_chain_score"].round(3).tolist()
    [0.571, -0.689]
    """
    func = "compare_profiles"
    if not isinstance(graphs, Mapping):
        raise param_error(func, "graphs", "a mapping of name -> graph", type(graphs).__name__)
    if "name" in kwargs:
        raise param_error(func, "name", "absent (the mapping's keys name the rows)", "name")
    rows = [profile(g, name=key, **kwargs) for key, g in graphs.items()]
    if not rows:
        return pd.DataFrame(columns=list(PROFILE_COLUMNS))
    return pd.concat(rows)
