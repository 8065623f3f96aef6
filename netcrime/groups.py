"""Group detection: find the cohesive groups of a person network and say how sure that is.

* :func:`detect` -- Leiden, Louvain (through igraph) or label propagation, seeded, with a
  deterministic numbering of the groups;
* :func:`modularity` -- Newman's modularity of a given grouping (with a resolution);
* :func:`compare` -- agreement of two groupings: adjusted Rand index, normalised mutual
  information, pairwise precision and recall;
* :func:`consensus` -- a stable grouping from many seeds and each node's co-assignment
  stability.

Directed graphs: :func:`detect` and :func:`consensus` work on the undirected view (an arc in
either direction is a tie; reciprocated weights are summed), because igraph's Leiden and
Louvain are defined for undirected graphs only. :func:`modularity` uses the directed formula
on a directed graph (Leicht & Newman 2008), as igraph and networkx do.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pandas as pd

from ._core import union_labels
from ._validation import (
    MAX_REPEATS,
    check_choice,
    check_float,
    check_int,
    check_rng,
    param_error,
)
from .exceptions import UndefinedMetricError
from .graph import Graph, as_graph

__all__ = ["METHODS", "compare", "consensus", "detect", "modularity"]

#: Group-detection algorithms of :func:`detect`.
METHODS = ("leiden", "louvain", "label_propagation")


# --------------------------------------------------------------------------- helpers
def _weights(g: Graph, weight: Any, func: str) -> np.ndarray | None:
    """Edge weights aligned with ``g.edge_array()`` (None = unweighted)."""
    if weight is None:
        return None
    cols = list(g.edge_attrs.columns)
    if not isinstance(weight, str) or weight not in cols:
        raise param_error(func, "weight", f"None or the name of an edge attribute {cols!r}",
                          weight)
    col = g.edge_attrs[weight]
    if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
        raise param_error(func, "weight", "the name of a numeric edge attribute", None,
                          shown=f"{weight!r} of dtype {col.dtype}")
    w = col.to_numpy(dtype=float, na_value=np.nan)
    if len(w) and (not np.isfinite(w).all() or (w < 0).any()):
        raise param_error(func, "weight", "an edge attribute of finite non-negative strengths",
                          None, shown=f"{weight!r} with negative, NaN or infinite values")
    return w


def renumber(labels: np.ndarray) -> np.ndarray:
    """Number groups ``0, 1, ...`` by decreasing size, ties by smallest member position."""
    labels = np.asarray(labels, dtype=np.int64)
    if len(labels) == 0:
        return labels.copy()
    uniq, first, inv = np.unique(labels, return_index=True, return_inverse=True)
    size = np.bincount(inv, minlength=len(uniq))
    order = np.lexsort((first, -size))
    rank = np.empty(len(uniq), np.int64)
    rank[order] = np.arange(len(uniq), dtype=np.int64)
    return rank[inv.reshape(-1)]


def _undirected_igraph(g: Graph, w: np.ndarray | None
                      ) -> tuple[Any, np.ndarray | None, np.ndarray, np.ndarray]:
    """An igraph graph on positions (undirected view; parallel ties merged, weights summed)."""
    import igraph as ig

    src, dst = g.edge_array()
    n = g.n_nodes
    if g.directed and len(src):
        a, b = np.minimum(src, dst), np.maximum(src, dst)
        key = a * n + b
        uniq, inv = np.unique(key, return_inverse=True)
        ww = np.bincount(inv, weights=np.ones(len(key)) if w is None else w,
                         minlength=len(uniq))
        src, dst = uniq // n, uniq % n
        w = ww if w is not None else None
    h = ig.Graph(n=n, edges=np.column_stack([src, dst]).astype(np.int64), directed=False)
    return h, w, np.asarray(src, np.int64), np.asarray(dst, np.int64)


def _seeded_igraph(seed: int, fn: Any) -> Any:
    """Run ``fn`` with igraph's random generator seeded (restored afterwards)."""
    import igraph as ig

    ig.set_random_number_generator(random.Random(seed))
    try:
        return fn()
    finally:
        ig.set_random_number_generator(random)


def _membership(h: Any, w: Any, method: str, resolution: float, seed: int) -> np.ndarray:
    wl = None if w is None else w.tolist()
    if method == "leiden":
        fn = lambda: h.community_leiden(objective_function="modularity",  # noqa: E731
                                        weights=wl, resolution=resolution, n_iterations=-1)
    elif method == "louvain":
        fn = lambda: h.community_multilevel(weights=wl, resolution=resolution)  # noqa: E731
    else:
        fn = lambda: h.community_label_propagation(weights=wl)  # noqa: E731
    return np.asarray(_seeded_igraph(seed, fn).membership, dtype=np.int64)


def _check_common(method: Any, resolution: Any, func: str) -> float:
    check_choice(method, METHODS, func=func, param="method")
    return check_float(resolution, func=func, param="resolution", min=0.0, min_open=True)


# --------------------------------------------------------------------------- detect
def detect(g: Any, /, *, method: str = "leiden", resolution: float = 1.0,
           weight: str | None = None, rng: Any = None) -> pd.Series:
    r"""Split the network into cohesive groups (community detection).

    Parameters
    ----------
    g : graph-like
        Directed graphs are read as undirected (an arc either way is a tie; the weights of a
        reciprocated pair are summed).
    method : {"leiden", "louvain", "label_propagation"}, default "leiden"
        ``"leiden"``: Traag et al.'s (2019) Leiden algorithm maximising modularity with the
        given resolution, iterated until the partition no longer changes; ``"louvain"``:
        Blondel et al.'s (2008) multilevel algorithm; ``"label_propagation"``: Raghavan et
        al.'s (2007) label propagation (``resolution`` is not used). All three are igraph's
        implementations.
    resolution : float > 0, default 1.0
        :math:`\gamma` of :func:`modularity`: larger values give more, smaller groups.
    weight : str, optional
        Edge attribute read as a tie strength (None: every tie counts 1).
    rng : None, int or numpy.random.Generator
        Seeds igraph's random generator for the call (it is restored afterwards): the same
        seed gives the same grouping.

    Returns
    -------
    pandas.Series
        int64 group id per node, named ``"group"``, indexed by ``g.nodes``. Groups are
        numbered ``0, 1, ...`` by decreasing size, ties by the position of their first node,
        so the numbering does not depend on the algorithm's internal labels. An isolated node
        is a group of its own.

    Raises
    ------
    ParameterError
        If ``method``, ``resolution`` or ``weight`` break their rules.

    Notes
    -----
    Modularity-based methods cannot find groups smaller than about :math:`\sqrt{2m}` ties
    at :math:`\gamma = 1` (the resolution limit, Fortunato & Barthélemy 2007): raise
    ``resolution`` to split small cells. Cost: near linear in the ties per iteration.

    References
    ----------
    Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing
    well-connected communities. *Scientific Reports* 9, 5233. doi:10.1038/s41598-019-41695-z.
    Blondel, V. D., et al. (2008). Fast unfolding of communities in large networks. *J. Stat.
    Mech.* P10008. doi:10.1088/1742-5468/2008/10/P10008.
    Raghavan, U. N., Albert, R., & Kumara, S. (2007). Near linear time algorithm to detect
    community structures in large-scale networks. *Phys. Rev. E* 76, 036106.
    doi:10.1103/PhysRevE.76.036106.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> g = nx.barbell_graph(5, 0)
    >>> nc.groups.detect(g, rng=1).tolist()
    [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    """
    func = "detect"
    g = as_graph(g, func=func, param="g")
    resolution = _check_common(method, resolution, func)
    w = _weights(g, weight, func)
    gen = check_rng(rng, func=func)
    seed = int(gen.integers(2**31 - 1))
    h, w, _, _ = _undirected_igraph(g, w)
    labels = _membership(h, w, method, resolution, seed)
    return pd.Series(renumber(labels), index=g.nodes, name="group", dtype=np.int64)


# --------------------------------------------------------------------------- modularity
def _group_codes(g: Graph, groups: Any, func: str) -> np.ndarray:
    """Integer group code per node position from an attribute name or a Series by node."""
    if isinstance(groups, str):
        cols = list(g.node_attrs.columns)
        if groups not in cols:
            raise param_error(func, "groups", f"a node attribute of the graph {cols!r} or a "
                              "Series by node", groups)
        values = g.node_attrs[groups].reset_index(drop=True)
    elif isinstance(groups, pd.Series):
        missing = pd.Index(g.nodes).difference(groups.index)
        if len(missing):
            raise param_error(func, "groups", "a Series with a group for every node", None,
                              shown=f"a Series without nodes {list(missing[:5])!r}")
        values = groups.reindex(g.nodes).reset_index(drop=True)
    else:
        raise param_error(func, "groups", "a node attribute name or a Series by node", None,
                          shown=f"an object of type {type(groups).__name__}")
    if values.isna().any():
        raise param_error(func, "groups", "a group for every node (no missing values)", None,
                          shown=f"{int(values.isna().sum())} missing groups")
    codes, _ = pd.factorize(values)
    return codes.astype(np.int64)


def modularity(g: Any, /, *, groups: Any, weight: str | None = None,
               resolution: float = 1.0) -> float:
    r"""Newman's modularity of a grouping of the nodes.

    Undirected:

    .. math:: Q = \sum_c \left[\frac{L_c}{m} - \gamma\left(\frac{d_c}{2m}\right)^2\right]

    with :math:`m` the total tie strength, :math:`L_c` the strength of the ties inside group
    :math:`c` (a self-loop counts once) and :math:`d_c` the summed degrees (strengths) of its
    nodes (a self-loop counts twice). Directed (Leicht & Newman 2008):
    :math:`Q = \sum_c [L_c/m - \gamma\, d^{out}_c d^{in}_c / m^2]`.

    Parameters
    ----------
    g : graph-like
    groups : str or pandas.Series
        A node attribute name, or a Series giving each node's group (any hashable values).
    weight : str, optional
        Edge attribute read as a tie strength.
    resolution : float > 0, default 1.0
        :math:`\gamma`.

    Returns
    -------
    float

    Raises
    ------
    UndefinedMetricError
        If the graph has no ties (``m = 0``: 0/0).
    ParameterError
        If ``groups`` does not give a group for every node.

    References
    ----------
    Newman, M. E. J., & Girvan, M. (2004). Finding and evaluating community structure in
    networks. *Phys. Rev. E* 69, 026113. doi:10.1103/PhysRevE.69.026113.
    Leicht, E. A., & Newman, M. E. J. (2008). Community structure in directed networks.
    *Phys. Rev. Lett.* 100, 118703. doi:10.1103/PhysRevLett.100.118703.

    Examples
    --------
    >>> import networkx as nx
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> g = nx.barbell_graph(3, 0)
    >>> round(nc.groups.modularity(g, groups=pd.Series([0, 0, 0, 1, 1, 1])), 4)
    0.3571
    """
    func = "modularity"
    g = as_graph(g, func=func, param="g")
    resolution = check_float(resolution, func=func, param="resolution", min=0.0, min_open=True)
    c = _group_codes(g, groups, func)
    w = _weights(g, weight, func)
    src, dst = g.edge_array()
    w = np.ones(len(src)) if w is None else w
    m = float(w.sum())
    if m == 0:
        raise UndefinedMetricError("modularity() is undefined for a graph without ties "
                                   "(m = 0)")
    k = int(c.max()) + 1 if len(c) else 0
    inside = float(w[c[src] == c[dst]].sum())
    d_out = np.bincount(c[src], weights=w, minlength=k)
    d_in = np.bincount(c[dst], weights=w, minlength=k)
    if g.directed:
        return inside / m - resolution * float((d_out * d_in).sum()) / m**2
    d = d_out + d_in
    return inside / m - resolution * float((d**2).sum()) / (4 * m**2)


# --------------------------------------------------------------------------- compare
def _labels(x: Any, name: str) -> pd.Series:
    if isinstance(x, pd.Series):
        return x
    arr = np.asarray(x)
    if arr.ndim != 1:
        raise param_error("compare", name, "a Series or a 1-d array of group labels", None,
                          shown=f"an array of shape {arr.shape}")
    return pd.Series(arr)


def _comb2(x: np.ndarray) -> float:
    x = np.asarray(x, dtype=np.float64)
    return float((x * (x - 1) / 2).sum())


def _entropy(counts: np.ndarray, n: float) -> float:
    p = counts[counts > 0] / n
    return float(-(p * np.log(p)).sum())


def compare(a: Any, b: Any) -> dict[str, float]:
    r"""Agreement of two groupings of the same items.

    Parameters
    ----------
    a, b : pandas.Series or 1-d array
        Group labels. Two Series are matched by index (it must hold the same items); arrays
        by position. ``a`` is read as the grouping found, ``b`` as the truth. Missing labels
        are not allowed.

    Returns
    -------
    dict
        ``ari``: adjusted Rand index (Hubert & Arabie 1985); ``nmi``: mutual information
        over the arithmetic mean of the two entropies (scikit-learn's default); pairwise
        ``precision`` (share of the pairs grouped together in ``a`` that are together in
        ``b``), ``recall`` (share of the pairs together in ``b`` found together in ``a``)
        and their harmonic mean ``f1``; ``n`` the number of items.

    Notes
    -----
    From the contingency table :math:`n_{ij}` with row sums :math:`a_i`, column sums
    :math:`b_j`:

    .. math:: \mathrm{ARI} = \frac{\sum_{ij}\binom{n_{ij}}{2} - E}{\tfrac12[\sum_i
              \binom{a_i}{2} + \sum_j\binom{b_j}{2}] - E},\quad
              E = \frac{\sum_i\binom{a_i}{2}\sum_j\binom{b_j}{2}}{\binom{n}{2}}.

    NaN rule: ``precision`` is NaN when ``a`` puts no two items together, ``recall`` when
    ``b`` does not (0/0); ``f1`` is NaN when either is. ``ari`` is 1.0 when its denominator
    is 0 (both groupings trivial in the same way) and ``nmi`` is 1.0 when both entropies are
    0, following scikit-learn.

    References
    ----------
    Hubert, L., & Arabie, P. (1985). Comparing partitions. *Journal of Classification* 2,
    193-218. doi:10.1007/BF01908075.
    Vinh, N. X., Epps, J., & Bailey, J. (2010). Information theoretic measures for
    clusterings comparison. *JMLR* 11, 2837-2854.

    Examples
    --------
    >>> import netcrime as nc
    >>> r = nc.groups.compare([0, 0, 1, 1], [0, 0, 1, 2])
    >>> round(r["ari"], 4), r["precision"], r["recall"]
    (0.5714, 0.5, 1.0)
    """
    sa, sb = _labels(a, "a"), _labels(b, "b")
    if isinstance(a, pd.Series) and isinstance(b, pd.Series):
        if len(sa) != len(sb) or not sa.index.sort_values().equals(sb.index.sort_values()):
            raise param_error("compare", "b", "a Series over the same items as a", None,
                              shown=f"{len(sb)} items, {len(sb.index.difference(sa.index))}"
                                    " not in a")
        sb = sb.reindex(sa.index)
    elif len(sa) != len(sb):
        raise param_error("compare", "b", f"{len(sa)} labels (as many as a)", None,
                          shown=f"{len(sb)} labels")
    for name, s in (("a", sa), ("b", sb)):
        if s.isna().any():
            raise param_error("compare", name, "labels without missing values", None,
                              shown=f"{int(s.isna().sum())} missing labels")
    return _scores(pd.factorize(sa)[0].astype(np.int64), pd.factorize(sb)[0].astype(np.int64))


def _scores(ca: np.ndarray, cb: np.ndarray) -> dict[str, float]:
    n = len(ca)
    if n == 0:
        raise param_error("compare", "a", "at least one item", None, shown="no items")
    nb = int(cb.max()) + 1
    _, nij = np.unique(ca * nb + cb, return_counts=True)
    ai = np.bincount(ca)
    bj = np.bincount(cb)
    s_ij, s_a, s_b = _comb2(nij), _comb2(ai), _comb2(bj)
    total = n * (n - 1) / 2
    expected = s_a * s_b / total if total else 0.0
    denom = (s_a + s_b) / 2 - expected
    ari = 1.0 if denom == 0 else (s_ij - expected) / denom
    ha, hb = _entropy(ai, n), _entropy(bj, n)
    if ha == 0 and hb == 0:
        nmi = 1.0
    else:
        # mutual information from the contingency table (rows of unique pairs)
        keys = np.unique(ca * nb + cb)
        ia, ib = keys // nb, keys % nb
        mi = float((nij / n * (np.log(nij * n) - np.log(ai[ia] * bj[ib].astype(float)))).sum())
        nmi = max(mi, 0.0) / ((ha + hb) / 2)
    precision = s_ij / s_a if s_a else float("nan")
    recall = s_ij / s_b if s_b else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else (
        float("nan") if np.isnan(precision) or np.isnan(recall) else 0.0)
    return {"ari": float(ari), "nmi": float(nmi), "precision": float(precision),
            "recall": float(recall), "f1": float(f1), "n": int(n)}


# --------------------------------------------------------------------------- consensus
def consensus(g: Any, /, *, reps: int = 50, rng: Any = None, method: str = "leiden",
              resolution: float = 1.0, weight: str | None = None) -> pd.DataFrame:
    r"""A stable grouping from many seeded runs, with each node's stability.

    Runs :func:`detect` ``reps`` times with independent seeds (``SeedSequence.spawn``).
    For every tie, the share of runs that put its two ends in the same group is its
    co-assignment; the consensus groups are the connected components of the ties
    co-assigned in more than half of the runs (one thresholding step of Lancichinetti &
    Fortunato's consensus clustering). A node's ``stability`` is the mean, over the runs,
    of the Jaccard similarity between its group in that run and its consensus group:
    1 when every run agrees with the consensus about who is with this node.

    Parameters
    ----------
    g : graph-like
        Directed graphs are read as undirected (see :func:`detect`).
    reps : int in [1, 10**6], default 50
        Number of runs.
    rng : None, int or numpy.random.Generator
    method, resolution, weight
        As in :func:`detect`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``g.nodes``: ``group`` (int64, numbered as in :func:`detect`) and
        ``stability`` (float64 in (0, 1]; never NaN).

    References
    ----------
    Lancichinetti, A., & Fortunato, S. (2012). Consensus clustering in complex networks.
    *Scientific Reports* 2, 336. doi:10.1038/srep00336.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> c = nc.groups.consensus(nx.barbell_graph(4, 0), reps=5, rng=1)
    >>> c["group"].tolist(), float(c["stability"].min())
    ([0, 0, 0, 0, 1, 1, 1, 1], 1.0)
    """
    func = "consensus"
    g = as_graph(g, func=func, param="g")
    resolution = _check_common(method, resolution, func)
    reps = check_int(reps, func=func, param="reps", min=1, cap=MAX_REPEATS)
    w = _weights(g, weight, func)
    gen = check_rng(rng, func=func)
    seeds = [int(np.random.default_rng(s).integers(2**31 - 1))
             for s in np.random.SeedSequence(int(gen.integers(2**63))).spawn(reps)]
    h, w, src, dst = _undirected_igraph(g, w)
    runs = [_membership(h, w, method, resolution, s) for s in seeds]
    together = np.zeros(len(src), np.int64)
    for lab in runs:
        together += lab[src] == lab[dst]
    keep = together * 2 > reps
    cons = renumber(union_labels(g.n_nodes, src[keep], dst[keep]))
    stability = np.zeros(g.n_nodes)
    csize = np.bincount(cons)
    nc_ = len(csize)
    for lab in runs:
        key = lab * nc_ + cons
        _, inv, cnt = np.unique(key, return_inverse=True, return_counts=True)
        inter = cnt[inv.reshape(-1)]
        rsize = np.bincount(lab)[lab]
        stability += inter / (rsize + csize[cons] - inter)
    return pd.DataFrame({"group": cons.astype(np.int64), "stability": stability / reps},
                        index=g.nodes)
