"""Brokerage: Gould–Fernandez roles, Burt's structural holes and ego betweenness.

Brokers hold criminal networks together (Morselli 2009): the gatekeeper who passes a victim
from the recruiters' group to the exploiters', the liaison between two core groups. This
module measures brokerage in two traditions:

* :func:`gould_fernandez` — the five brokerage roles of Gould & Fernandez (1989) with the
  null-model expectations and z-scores of R ``sna::brokerage``;
* :func:`constraint`, :func:`effective_size`, :func:`efficiency`, :func:`hierarchy` —
  Burt's (1992) structural holes; :func:`ego_betweenness` — Everett & Borgatti (2005).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._core import (
    brokerage_counts,
    brokerage_partial_credit,
    burt_measures,
    ego_betweenness_counts,
    ego_betweenness_directed,
    strip_loops,
    symmetrise,
    transpose,
)
from ._validation import check_bool, check_choice, param_error
from .exceptions import NetcrimeWarning, UndefinedMetricError
from .graph import Graph, as_graph

__all__ = [
    "ROLES",
    "GouldFernandezResult",
    "constraint",
    "effective_size",
    "efficiency",
    "ego_betweenness",
    "gould_fernandez",
    "hierarchy",
]

#: sna role codes -> role names, in sna's column order.
ROLES: dict[str, str] = {
    "w_I": "coordinator",
    "w_O": "itinerant",
    "b_IO": "representative",
    "b_OI": "gatekeeper",
    "b_O": "liaison",
    "t": "total",
}
_NAMES = list(ROLES.values())


@dataclass(frozen=True)
class GouldFernandezResult:
    """Result of :func:`gould_fernandez`.

    Attributes
    ----------
    nodes : pandas.DataFrame
        One row per node (indexed by node label). Column ``group``, then the raw counts
        ``coordinator, itinerant, representative, gatekeeper, liaison, total`` (sna's
        ``w_I, w_O, b_IO, b_OI, b_O, t``), then ``exp_<role>``, ``sd_<role>`` and
        ``z_<role>`` for each role name (expectation, standard deviation and z-score under
        the null model of the node's group).
    graph : pandas.DataFrame
        Indexed by role name; columns ``code`` (sna code), ``raw`` (sum over nodes),
        ``exp``, ``sd``, ``z``.
    groups : pandas.DataFrame
        Indexed by group label in order of first appearance (sna's ``unique(cl)``);
        columns ``n`` (group size), ``exp_<role>``, ``sd_<role>`` (node-level null model of a
        broker in that group).
    density : float
        ``d = m / (N (N - 1))`` with ``m`` the number of arcs including self-loops (an
        undirected edge counts as two arcs, a loop as one), as sna computes it.
    variance : str
        ``"sna"`` or ``"exact"`` (graph-level variances used).
    partial_credit : bool
        Whether raw counts use UCINET's ``1/k`` credit (then exp/sd/z are NaN).
    """

    nodes: pd.DataFrame
    graph: pd.DataFrame
    groups: pd.DataFrame
    density: float
    variance: str
    partial_credit: bool

    def raw(self) -> pd.DataFrame:
        """The raw role counts per node (columns = role names)."""
        return self.nodes[_NAMES].copy()

    def z(self) -> pd.DataFrame:
        """The node z-scores (columns = role names)."""
        out = self.nodes[[f"z_{r}" for r in _NAMES]].copy()
        out.columns = _NAMES
        return out


def _group_codes(g: Graph, groups: Any, func: str) -> tuple[np.ndarray, pd.Index]:
    """Group code per node position (codes in order of first appearance) and the labels."""
    if isinstance(groups, str):
        if groups not in g.node_attrs.columns:
            raise param_error(
                func, "groups",
                f"a node attribute name {list(g.node_attrs.columns)!r} or a pandas Series "
                "indexed by node", groups,
            )
        vals = g.node_attrs[groups]
    elif isinstance(groups, pd.Series):
        if not groups.index.is_unique:
            raise param_error(func, "groups", "a Series with a unique node index", "duplicates")
        missing = g.nodes.difference(groups.index)
        if len(missing):
            raise param_error(
                func, "groups", "a Series with a group for every node",
                f"no group for node {missing.tolist()[0]!r}",
            )
        vals = groups.reindex(g.nodes)
    else:
        raise param_error(
            func, "groups", "a node attribute name or a pandas Series indexed by node", groups
        )
    vals = pd.Series(np.asarray(vals, dtype=object), index=g.nodes)
    if vals.isna().any():
        bad = vals.index[vals.isna().to_numpy()].tolist()[0]
        raise param_error(func, "groups", "a group for every node (no missing values)",
                          f"a missing group for node {bad!r}")
    codes, uniques = pd.factorize(vals, sort=False)
    return codes.astype(np.int64), pd.Index(uniques)


def _sna_expectations(n: np.ndarray, N: float, d: float) -> tuple[np.ndarray, np.ndarray]:
    """Node-level (per group) expectation and variance, shape (G, 6), as sna computes them."""
    p = d**2 * (1 - d)
    q = 1 - d**2 * (1 - d)
    a3 = d**3 * (1 - d) ** 3
    S = n.sum()
    Q = (n * n).sum()
    C = (n * n * n).sum()
    G = len(n)
    e = np.zeros((G, 6))
    v = np.zeros((G, 6))
    e[:, 0] = p * (n - 1) * (n - 2)
    v[:, 0] = e[:, 0] * q + 2 * (n - 1) * (n - 2) * (n - 3) * d**3 * (1 - d) ** 3
    t2 = (n * (n - 1)).sum() - n * (n - 1)  # sum over other groups of n_j (n_j - 1)
    t3 = (n * (n - 1) * (n - 2)).sum() - n * (n - 1) * (n - 2)
    e[:, 1] = p * t2
    v[:, 1] = e[:, 1] * q + 2 * t3 * d**3 * (1 - d) ** 3
    M = N - n
    ch = lambda x: x * (x - 1) / 2  # noqa: E731  (R's choose(x, 2))
    e[:, 2] = p * M * (n - 1)
    v[:, 2] = e[:, 2] * q + 2 * ((n - 1) * ch(M) + M * ch(n - 1)) * d**3 * (1 - d) ** 3
    e[:, 3] = e[:, 2]
    v[:, 3] = v[:, 2]
    P1 = S - n
    P2 = Q - n * n
    P3 = C - n * n * n
    e[:, 4] = p * (P1 * P1 - P2)
    # sum_{j != i} n_j * choose(M_i - n_j, 2)
    s5 = 0.5 * ((M * M - M) * P1 - (2 * M - 1) * P2 + P3)
    v[:, 4] = e[:, 4] * q + 4 * s5 * a3
    e[:, 5] = p * (N - 1) * (N - 2)
    v[:, 5] = e[:, 5] * q + 2 * (N - 1) * (N - 2) * (N - 3) * d**3 * (1 - d) ** 3
    return e, v


#: up to this many groups the itinerant variance sums sna's G x G table term by term
_OUTER_MAX_GROUPS = 2048


def _itinerant_outer(
    n: np.ndarray, N: float, a3: float, a5: float, S: float, Q: float
) -> float:
    """sna's ``sum(outer(n, n, x*y*(x-1)*((2x+2y-6) a3 + (N-x-1) a5)))`` in its term order.

    Evaluated as sna writes it, the double sum and the subtracted diagonal sum round alike, so
    with one group (no itinerant two-path exists) the variance is exactly 0 as in R, never a
    round-off residue whose square root is NaN. Beyond ``_OUTER_MAX_GROUPS`` groups the
    algebraically equal O(G) form is used (no G x G table).
    """
    if len(n) <= _OUTER_MAX_GROUPS:
        x = n[:, None]
        y = n[None, :]
        tab = x * y * (x - 1) * ((2 * x + 2 * y - 6) * a3 + (N - x - 1) * a5)
        return float(tab.sum())
    return float((n * (n - 1) * (S * ((2 * n - 6) * a3 + (N - n - 1) * a5) + 2 * a3 * Q)).sum())


def _sna_graph_level(
    n: np.ndarray, N: float, d: float, exact: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Graph-level expectation and variance (6,), sna's formulas; ``exact`` adds the
    covariance terms sna omits (see the Notes of :func:`gould_fernandez`)."""
    p = d**2 * (1 - d)
    q = 1 - d**2 * (1 - d)
    a3 = d**3 * (1 - d) ** 3
    a4 = d**4 * (1 - d) ** 2
    a5 = d**5 * (1 - d)
    S = n.sum()
    Q = (n * n).sum()
    e = np.zeros(6)
    v = np.zeros(6)
    w1 = n * (n - 1) * (n - 2)
    e[0] = p * w1.sum()
    v[0] = e[0] * q + (w1 * ((4 * n - 10) * a3 - 4 * (n - 3) * a4 + (n - 3) * a5)).sum()
    w2 = n * (N - n) * (n - 1)
    e[1] = p * w2.sum()
    v[1] = e[1] * q + (_itinerant_outer(n, N, a3, a5, S, Q)
                       - (n * n * (n - 1) * ((4 * n - 6) * a3 + (N - n - 1) * a5)).sum())
    e[2] = p * w2.sum()
    v[2] = e[2] * q + (w2 * ((N - 3) * a3 + (n - 2) * a5)).sum()
    e[3] = e[2]
    v[3] = v[2]
    e[4] = p * ((N * S * S - 2 * S * Q) - (n * n * (N - 2 * n)).sum())
    pair_rest = (S - n) ** 2 - (Q - n * n)  # sum over ordered j != k, both != i, of n_j n_k
    T0 = (n * pair_rest).sum()
    T1 = (n * n * pair_rest).sum()
    v[4] = (
        e[4] * q
        + ((4 * N - 2) * T0 - 8 * T1) * a3
        - ((4 * N - 2) * T0 - 8 * T1) * a4
        + ((N - 1) * T0 - 2 * T1) * a5
    )
    e[5] = p * N * (N - 1) * (N - 2)
    v[5] = e[5] * q + N * (N - 1) * (N - 2) * (
        (4 * N - 10) * a3 - 4 * (N - 3) * a4 + (N - 3) * a5
    )
    if exact:
        v[0] -= 2 * a4 * w1.sum()
        corr = a4 * (n * (N - n) * (n - 1) * (2 * n - 3)).sum()
        v[2] -= corr
        v[3] -= corr
        v[5] -= 2 * a4 * N * (N - 1) * (N - 2)
    return e, v


def gould_fernandez(
    g: Any,
    /,
    *,
    groups: str | pd.Series,
    variance: str = "sna",
    partial_credit: bool = False,
) -> GouldFernandezResult:
    r"""Gould–Fernandez brokerage roles with sna's null-model z-scores.

    A broker ``b`` earns one point for every *ordered* pair ``(a, c)`` of other nodes with
    ``a -> b -> c`` and **no arc** ``a -> c`` (an arc ``c -> a`` is irrelevant); when several
    nodes broker the same pair, each gets a full point (unless ``partial_credit``). The
    point goes to one of five roles by the groups of ``a, b, c``:

    ==================  ===========  ==================================
    role                sna code     groups
    ==================  ===========  ==================================
    coordinator         ``w_I``      g(a) = g(b) = g(c)
    itinerant           ``w_O``      g(a) = g(c) ≠ g(b)
    representative      ``b_IO``     g(a) = g(b) ≠ g(c)
    gatekeeper          ``b_OI``     g(a) ≠ g(b) = g(c)
    liaison             ``b_O``      all three groups differ
    total               ``t``        sum of the five
    ==================  ===========  ==================================

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network; edge weights are ignored.
    groups : str or pandas.Series
        Name of a node attribute, or a Series indexed by node label, giving each node's
        group (any hashable values, no missing values). The Series' index must be unique and
        cover every node; labels that are not nodes of ``g`` are ignored (so one mapping can
        serve several subgraphs of a network).
    variance : {"sna", "exact"}
        Graph-level variances: ``"sna"`` reproduces R ``sna::brokerage`` exactly;
        ``"exact"`` adds the negative covariance terms sna omits for ``w_I``, ``b_IO``,
        ``b_OI`` and ``t`` (see Notes). Node-level values are the same in both.
    partial_credit : bool
        UCINET's convention: a pair ``(a, c)`` with ``k`` intermediaries gives ``1/k`` to
        each. The null model assumes full credit, so ``exp_``, ``sd_`` and ``z_`` columns are
        then NaN.

    Returns
    -------
    GouldFernandezResult
        ``.nodes`` (raw counts by role name plus ``exp_``/``sd_``/``z_`` columns), ``.graph``
        (graph-level raw, exp, sd, z per role), ``.groups`` (per-group expectations and sd),
        ``.density``. See :class:`GouldFernandezResult`.

    Raises
    ------
    ParameterError
        If ``groups`` names no node attribute, misses a node or holds a missing value, or
        ``variance`` / ``partial_credit`` is invalid.
    UndefinedMetricError
        If the graph has fewer than two nodes (the density is undefined).

    Warns
    -----
    NetcrimeWarning
        For undirected input: it is read as sna reads it, a fully mutual digraph (every open
        path counts twice and ``b_IO = b_OI``), but the z-scores assume independent arcs,
        which a mutual digraph violates.

    Notes
    -----
    *Null model* (sna): arcs independent with probability ``d = m / (N (N - 1))``, ``m``
    counting self-loops (they never form two-paths but raise ``d``, as in sna); an open
    two-path has probability ``d^2 (1 - d)``. Node ``b``'s expectation and variance depend on
    the size of its group; graph-level ones on all group sizes. z = (raw − exp) / sd, with
    IEEE arithmetic exactly as in R: 0/0 (e.g. coordinator in a singleton group, the empty
    or complete graph) is NaN; a negative variance (possible when loops push ``d`` to 1 or
    above) gives a NaN sd; a nonzero difference over a zero sd gives ±inf, as in sna.

    *Exact graph-level variances.* sna's graph-level variances omit the covariance
    ``-p^2`` of two open two-paths on the same vertex triple that cannot both occur. With
    ``a4 = d^4 (1 - d)^2`` and group sizes ``n_i``: Var[W_I] = Var_sna − 2 a4 Σ n_i (n_i − 1)
    (n_i − 2); Var[B_IO] = Var[B_OI] = Var_sna − a4 Σ n_i (N − n_i)(n_i − 1)(2 n_i − 3);
    Var[T] = Var_sna − 2 a4 N (N − 1)(N − 2). ``w_O`` and ``b_O`` are unchanged.

    *Algorithm.* Per broker, all pairs (in-neighbour, out-neighbour) by group pattern from
    group histograms, minus mutual neighbours, minus closed two-paths found by intersecting
    sorted neighbour lists for every arc: ``O(m + Σ_arcs min(d_out(a), d_in(c)) log d)``
    time and ``O(N + m)`` memory, never the number of open two-paths and never dense N×N.
    Partial credit enumerates the two-paths (``O(Σ_b d_in(b) d_out(b))``).

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19, 89–126.
    https://doi.org/10.2307/270949

    Butts, C. T. (2008). Social network analysis with sna. *Journal of Statistical
    Software* 24(6). https://doi.org/10.18637/jss.v024.i06

    Examples
    --------
    A three-stage chain: the transporter brokers between recruitment and exploitation.

    >>> import pandas as pd
    >>> import netcrime as nc
    >>> g = nc.Graph.from_edges(pd.DataFrame({"source": ["rec", "drv"],
    ...                                       "target": ["drv", "pimp"]}), directed=True)
    >>> stage = pd.Series({"rec": "recruitment", "drv": "transport", "pimp": "exploitation"})
    >>> res = nc.brokerage.gould_fernandez(g, groups=stage)
    >>> res.nodes.loc["drv", ["liaison", "total"]].tolist()
    [1.0, 1.0]
    >>> float(res.density)
    0.3333333333333333
    """
    func = "gould_fernandez"
    g = as_graph(g, func=func, param="g")
    variance = check_choice(variance, ("sna", "exact"), func=func, param="variance")
    partial_credit = check_bool(partial_credit, func=func, param="partial_credit")
    codes, labels = _group_codes(g, groups, func)
    N = g.n_nodes
    if N < 2:
        raise UndefinedMetricError(
            f"gould_fernandez() needs a graph with at least 2 nodes; got {N}."
        )
    if not g.directed:
        warnings.warn(
            "gould_fernandez() reads an undirected graph as a fully mutual digraph (as sna "
            "does): every open path counts twice and b_IO = b_OI; the z-scores assume "
            "independent arcs, which a mutual digraph violates.",
            NetcrimeWarning,
            stacklevel=2,
        )
    G = len(labels)
    m = len(g.indices)  # arcs incl. loops; undirected: 2 per edge, 1 per loop (sna's m)
    Nf = float(N)
    d = m / (Nf * (Nf - 1))
    if partial_credit:
        raw5 = brokerage_partial_credit(g.indptr, g.indices, codes)
    else:
        raw5 = brokerage_counts(g.indptr, g.indices, codes, G)
    raw = np.column_stack([raw5, raw5.sum(axis=1)])
    n = np.bincount(codes, minlength=G).astype(float)
    with np.errstate(all="ignore"):
        e_grp, v_grp = _sna_expectations(n, Nf, d)
        sd_grp = np.sqrt(v_grp)
        e_gl, v_gl = _sna_graph_level(n, Nf, d, variance == "exact")
        sd_gl = np.sqrt(v_gl)
        e_node = e_grp[codes]
        sd_node = sd_grp[codes]
        z_node = (raw - e_node) / sd_node
        raw_gl = raw.sum(axis=0)
        z_gl = (raw_gl - e_gl) / sd_gl
    if partial_credit:
        for arr in (e_node, sd_node, z_node, e_gl, sd_gl, z_gl):
            arr[...] = np.nan
    cols: dict[str, Any] = {"group": labels.take(codes).to_numpy()}
    for j, r in enumerate(_NAMES):
        cols[r] = raw[:, j]
    for pre, arr in (("exp", e_node), ("sd", sd_node), ("z", z_node)):
        for j, r in enumerate(_NAMES):
            cols[f"{pre}_{r}"] = arr[:, j]
    nodes = pd.DataFrame(cols, index=g.nodes)
    graph = pd.DataFrame(
        {"code": list(ROLES), "raw": raw_gl, "exp": e_gl, "sd": sd_gl, "z": z_gl},
        index=pd.Index(_NAMES, name="role"),
    )
    gcols: dict[str, Any] = {"n": n}
    for pre, arr in (("exp", e_grp), ("sd", sd_grp)):
        for j, r in enumerate(_NAMES):
            gcols[f"{pre}_{r}"] = arr[:, j]
    grp = pd.DataFrame(gcols, index=pd.Index(labels, name="group"))
    return GouldFernandezResult(
        nodes=nodes, graph=graph, groups=grp, density=float(d), variance=variance,
        partial_credit=partial_credit,
    )


# ---------------------------------------------------------------------------- Burt
def _burt(g: Graph, weight: str | None, func: str) -> tuple[np.ndarray, ...]:
    if weight is not None and not isinstance(weight, str):  # before the cache key is hashed
        raise param_error(func, "weight", "None or the name of an edge attribute", weight)

    def build() -> tuple[np.ndarray, ...]:
        if weight is None:
            vals = np.ones(len(g.indices))
        else:
            vals = g.edge_values(weight, func=func, param="weight", positive=True)
        zp, zx, zv = symmetrise(g.indptr, g.indices, vals, add_transpose=g.directed)
        return burt_measures(g.n_nodes, zp, zx, zv)

    return g.cached(("brokerage.burt", weight), build)


_BURT_NOTES = """
    *Contacts and weights.* The contacts ``N(i)`` of ``i`` are its in- and out-neighbours
    other than itself (self-loops are excluded, as in igraph). The mutual weight of a pair is
    ``z_ij = a_ij + a_ji`` (directed: the two arcs' weights summed; undirected: the edge
    weight; unweighted: 1 per arc), a *strength*; weights must be positive.
    ``p_ij = z_ij / sum_k z_ik`` is i's proportional investment in j and
    ``m_jq = z_jq / max_k z_jk`` j's marginal strength of relation with q."""


def constraint(g: Any, /, *, weight: str | None = None) -> pd.Series:
    r"""Burt's constraint: how much a node's contacts are invested in each other.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network.
    weight : str, optional
        Edge attribute holding tie *strengths* (positive); default unweighted.

    Returns
    -------
    pandas.Series
        float64, indexed by node, named ``"constraint"``. NaN for isolates (no contact
        other than itself).

    Raises
    ------
    ParameterError
        If ``weight`` is not an edge attribute or holds a value that is not a positive
        finite number.

    Notes
    -----
    ``C_i = sum_{j in N(i)} (p_ij + sum_{q in N(i), q != i, j} p_iq p_qj)^2``; a node with
    ``k`` contacts that are not tied to each other has ``C = 1/k`` (a star's hub), a node
    with one contact ``C = 1``. Low constraint marks a broker spanning structural holes.
    {notes}

    Complexity ``O(sum_q deg(q)^2)`` time (the two-step walks inside every ego network),
    ``O(n + m)`` memory.

    References
    ----------
    Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*. Harvard
    University Press. https://doi.org/10.4159/9780674029095

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> c = nc.brokerage.constraint(nx.star_graph(4))
    >>> c.round(4).tolist()
    [0.25, 1.0, 1.0, 1.0, 1.0]
    """
    func = "constraint"
    g = as_graph(g, func=func, param="g")
    C, _, _, _ = _burt(g, weight, func)
    return pd.Series(C.copy(), index=g.nodes, name="constraint", dtype="float64")


def effective_size(g: Any, /, *, weight: str | None = None) -> pd.Series:
    r"""Burt's effective size: the number of contacts minus their redundancy.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network.
    weight : str, optional
        Edge attribute holding tie *strengths* (positive); default unweighted.

    Returns
    -------
    pandas.Series
        float64, indexed by node, named ``"effective_size"``; NaN for isolates.

    Raises
    ------
    ParameterError
        If ``weight`` is not an edge attribute or holds a value that is not a positive
        finite number.

    Notes
    -----
    ``ES_i = sum_{j in N(i)} (1 - sum_{q in N(i)} p_iq m_jq)``. For an unweighted
    undirected graph it equals Borgatti's (1997) ``k - 2t/k`` (``t`` ties among the ``k``
    contacts).
    {notes}

    networkx's vectorised ``effective_size`` (the path it takes when ``nodes=None``)
    normalises ``m`` by the wrong maximum on weighted or directed graphs and densifies an
    n×n matrix; this implementation agrees with networkx's per-node code path.

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*. https://doi.org/10.4159/9780674029095

    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
    *Connections* 20(1), 35–38.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.brokerage.effective_size(nx.path_graph(3)).tolist()
    [1.0, 2.0, 1.0]
    """
    func = "effective_size"
    g = as_graph(g, func=func, param="g")
    _, ES, _, _ = _burt(g, weight, func)
    return pd.Series(ES.copy(), index=g.nodes, name="effective_size", dtype="float64")


def efficiency(g: Any, /, *, weight: str | None = None) -> pd.Series:
    r"""Burt's efficiency: effective size per contact, ``ES_i / |N(i)|``.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network.
    weight : str, optional
        Edge attribute holding tie *strengths* (positive); default unweighted.

    Returns
    -------
    pandas.Series
        float64 in (0, 1], indexed by node, named ``"efficiency"``; NaN for isolates.

    Raises
    ------
    ParameterError
        If ``weight`` is not an edge attribute or holds a value that is not a positive
        finite number.

    Notes
    -----
    Not to be confused with global/local efficiency (inverse distances).
    {notes}

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*. https://doi.org/10.4159/9780674029095

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.brokerage.efficiency(nx.complete_graph(4)).round(4).tolist()
    [0.3333, 0.3333, 0.3333, 0.3333]
    """
    func = "efficiency"
    g = as_graph(g, func=func, param="g")
    _, ES, _, k = _burt(g, weight, func)
    with np.errstate(invalid="ignore", divide="ignore"):
        eff = ES / k
    return pd.Series(eff, index=g.nodes, name="efficiency", dtype="float64")


def hierarchy(g: Any, /, *, weight: str | None = None) -> pd.Series:
    r"""Burt's hierarchy: how concentrated a node's constraint is on a single contact.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network.
    weight : str, optional
        Edge attribute holding tie *strengths* (positive); default unweighted.

    Returns
    -------
    pandas.Series
        float64 in [0, 1], indexed by node, named ``"hierarchy"``. NaN for isolates and
        for nodes with exactly one contact (``ln 1 = 0`` in the denominator).

    Raises
    ------
    ParameterError
        If ``weight`` is not an edge attribute or holds a value that is not a positive
        finite number.

    Notes
    -----
    ``H_i = sum_j r_j ln r_j / (k ln k)`` with ``k = |N(i)|``, ``c_ij`` the local
    constraint (the summand of :func:`constraint`) and ``r_j = c_ij / (C_i / k)``; 0 when
    every contact constrains ``i`` equally, towards 1 when one contact holds it all.
    {notes}

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*, pp. 70–71. https://doi.org/10.4159/9780674029095

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.brokerage.hierarchy(nx.star_graph(3)).tolist()
    [0.0, nan, nan, nan]
    """
    func = "hierarchy"
    g = as_graph(g, func=func, param="g")
    _, _, H, _ = _burt(g, weight, func)
    return pd.Series(H.copy(), index=g.nodes, name="hierarchy", dtype="float64")


for _f in (constraint, effective_size, efficiency, hierarchy):
    if _f.__doc__:  # None under python -OO
        _f.__doc__ = _f.__doc__.replace("{notes}", _BURT_NOTES.strip("\n").replace("    *", "*", 1))


def ego_betweenness(g: Any, /) -> pd.Series:
    r"""Ego betweenness (Everett & Borgatti 2005): betweenness of ego in its ego network.

    Parameters
    ----------
    g : Graph or graph-like
        Directed or undirected network; weights are ignored (the ego network is binary).

    Returns
    -------
    pandas.Series
        float64, indexed by node, named ``"ego_betweenness"``; 0 for isolates (no pairs to
        broker), never NaN.

    Raises
    ------
    ParameterError
        If ``g`` is not a graph-like object.

    Notes
    -----
    The ego network of ``i`` is ``i`` with its in- and out-neighbours and every arc among
    them (networkx's ``ego_graph(G, i, undirected=True)``); self-loops are ignored. The
    value is ego's unnormalised betweenness in that network: unordered pairs for undirected
    graphs, ordered pairs for directed ones. Undirected, every contact is adjacent to ego,
    so a pair of contacts ``(j, k)`` that is not tied is at distance 2 and ego's share has a
    closed form, ``EB_i = sum_{j<k, j !~ k} 1 / (1 + #{q in N(i): j ~ q ~ k})``, computed
    from the two-paths inside each ego network (``O(sum_q deg(q)^2)`` plus the two-paths
    among contacts; pairs with no other intermediary are counted, not visited). Directed
    ego networks can hold longer shortest paths (``j`` an out-contact reaching ego
    through an in-contact), so a BFS runs from every contact inside the ego network
    (``O(sum_i k_i m_i)``, ``k_i`` contacts, ``m_i`` arcs in the ego network). Everett &
    Borgatti show ego betweenness ranks nodes much like global betweenness at a fraction
    of the cost.

    References
    ----------
    Everett, M. & Borgatti, S. P. (2005). Ego network betweenness. *Social Networks*
    27(1), 31–38. https://doi.org/10.1016/j.socnet.2004.11.007

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.brokerage.ego_betweenness(nx.path_graph(4)).tolist()
    [0.0, 1.0, 1.0, 0.0]
    """
    func = "ego_betweenness"
    g = as_graph(g, func=func, param="g")
    ip, ix, _ = strip_loops(g.indptr, g.indices)
    if g.directed:
        jp, jx, _ = transpose(ip, ix)
        eb = ego_betweenness_directed(ip, ix, jp, jx)
    else:
        eb = ego_betweenness_counts(ip, ix) / 2.0
    return pd.Series(eb, index=g.nodes, name="ego_betweenness", dtype="float64")
