"""Attack strategies: who is removed first.

A :class:`Strategy` turns the *current* (residual) network into one score per node (or per
tie, for tie attacks); the attack removes the highest score first. Strategies are built by
name with :func:`strategy` (``attack(g, strategy="betweenness")`` is short for
``attack(g, strategy=strategy("betweenness"))``), by :func:`role_order` for attribute orders,
or from any user callable ``score(g) -> Series``. A strategy named like a centrality computes
that centrality: ``strategy("degree")`` scores :func:`netcrime.centrality.degree`,
``strategy("betweenness")`` :func:`netcrime.centrality.betweenness` (``normalized=False``),
``strategy("katz")`` :func:`netcrime.centrality.katz`.

Tie-breaking (deterministic, shared by every strategy and mode): scores within a relative
tolerance of ``1e-9`` (plus an absolute ``1e-12``) of the best score are *tied*; among tied
nodes the attack's ``tie_break`` rule picks:

* ``"first"`` (default) -- the lowest node position (the order of ``g.nodes``);
* ``"last"`` -- the highest node position (Python's stable ``sorted(...)[-1]`` over insertion
  order, as in Cavallaro et al. 2020 for betweenness, degree and Katz);
* ``"label_max"`` / ``"label_min"`` -- the largest / smallest node label (Cavallaro et al.'s
  rule for collective influence: highest node id).

The tolerance makes orders independent of floating-point summation order, so the same order
is obtained from networkx, igraph or netcrime scores. NaN scores are never tied with a number
and are removed only after every node with a finite score (ties among them by the same rule).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.linalg import spsolve

from .. import brokerage, centrality, keyplayer
from .._core import (
    SCORE_ATOL,
    SCORE_RTOL,
    collective_influence,
    node_betweenness,
    row_ids,
    tolerance_groups,
)
from .._validation import (
    check_bool,
    check_choice,
    check_float,
    check_int,
    param_error,
    readdressed,
)
from ..exceptions import NetcrimeWarning, UndefinedMetricError
from ..graph import Graph
from .residual import neighbours

__all__ = [
    "STRATEGIES",
    "TIE_BREAKS",
    "Strategy",
    "role_order",
    "strategy",
]

TIE_BREAKS = ("first", "last", "label_min", "label_max")
TARGETS = ("node", "edge")


class Strategy:
    """A scoring rule for an attack (higher score = removed earlier).

    Parameters
    ----------
    name : str
        Name shown in curves and comparisons.
    scorer : callable ``(g: Graph, rng: numpy.random.Generator) -> array_like``
        Scores of every node (``target="node"``, position order) or every tie
        (``target="edge"``, edge-id order) of ``g``; NaN = remove last.
    target : {"node", "edge"}
        What the scores rank: nodes (:func:`~netcrime.disruption.attack`) or ties
        (:func:`~netcrime.disruption.attack_edges`).
    stochastic : bool
        Whether the scores use ``rng`` (repetitions then differ).
    params : dict
        The parameters, kept for display.
    family : str, optional
        The registered strategy this one is an instance of (default ``name``); the attack
        picks its fast paths by ``family``.
    limit : callable ``(g) -> int``, optional
        Default number of removals on ``g`` (e.g. the matching ties of an ``attribute``
        tie strategy); None: every node / tie.

    Users normally call :func:`strategy`, :func:`~netcrime.disruption.edge_strategy` or
    :func:`role_order`, or pass a callable ``score(g) -> pandas.Series`` directly to
    :func:`~netcrime.disruption.attack`.

    Examples
    --------
    >>> import netcrime as nc
    >>> s = nc.disruption.strategy("degree")
    >>> (s.name, s.target, s.stochastic)
    ('degree', 'node', False)
    """

    __slots__ = ("_recipe", "family", "limit", "name", "params", "scorer", "stochastic", "target")

    def __init__(self, name: str, scorer: Callable[..., Any], *, target: str = "node",
                 stochastic: bool = False, params: dict[str, Any] | None = None,
                 family: str | None = None, limit: Callable[[Graph], int] | None = None) -> None:
        func = "Strategy"
        if not isinstance(name, str):
            raise param_error(func, "name", "a str", name)
        for pname, v, rule in (("scorer", scorer, "a callable (g, rng) -> scores"),
                               ("limit", limit, "None or a callable (g) -> int")):
            if not callable(v) and not (pname == "limit" and v is None):
                raise param_error(func, pname, rule, v)
        if params is not None and not isinstance(params, Mapping):
            raise param_error(func, "params", "None or a mapping", params)
        if family is not None and not isinstance(family, str):
            raise param_error(func, "family", "None or a str", family)
        self.name = name
        self.scorer = scorer
        self.target = check_choice(target, TARGETS, func=func, param="target")
        self.stochastic = check_bool(stochastic, func=func, param="stochastic")
        self.params = dict(params or {})
        self.family = family or name
        self.limit = limit
        self._recipe: tuple | None = None

    def __reduce__(self) -> tuple:
        # strategies hold closures; they pickle (for process pools and dask workers) as the
        # call that built them
        if self._recipe is None:
            raise TypeError(f"Strategy {self.name!r} was not built by strategy(), "
                            "role_order() or from a picklable callable; it cannot be pickled.")
        return self._recipe

    def with_recipe(self, rebuild: Callable[..., Strategy], args: tuple) -> Strategy:
        """Record how to rebuild this strategy (``rebuild(*args)``) when it is pickled."""
        self._recipe = (rebuild, args)
        return self

    def scores(self, g: Graph, rng: np.random.Generator) -> np.ndarray:
        """Float64 scores of the nodes (position order) or ties (edge-id order) of ``g``.

        A node score that is undefined on this (residual) network -- the scoring function
        raises :class:`~netcrime.exceptions.UndefinedMetricError`, e.g. eigenvector
        centrality once no tie is left -- gives every node NaN, so the attack's tie rule
        decides.

        Raises
        ------
        ParameterError
            If the scoring function returns the wrong number of scores, or ``g`` or ``rng``
            is not a netcrime Graph or a numpy Generator.
        """
        if not isinstance(g, Graph):
            raise param_error("Strategy.scores", "g", "a netcrime Graph", None,
                              shown=f"an object of type {type(g).__name__}")
        if not isinstance(rng, np.random.Generator):
            raise param_error("Strategy.scores", "rng", "a numpy Generator", rng)
        if self.target == "edge":
            out = self.scorer(g, rng)
            if isinstance(out, pd.Series):
                out = out.to_numpy(dtype=float, na_value=np.nan)
            return self._checked(np.asarray(out, dtype=float), g.n_edges)
        try:
            out = self.scorer(g, rng)
        except UndefinedMetricError:
            return np.full(g.n_nodes, np.nan)
        if isinstance(out, pd.Series):
            if not out.index.equals(g.nodes):
                out = out.reindex(g.nodes)
            out = out.to_numpy(dtype=float, na_value=np.nan)
        return self._checked(np.asarray(out, dtype=float), g.n_nodes)

    def _checked(self, out: np.ndarray, size: int) -> np.ndarray:
        if out.shape != (size,):
            got = out.shape[0] if out.ndim else 0
            raise param_error("Strategy.scores", "strategy", f"a scoring rule that returns "
                              f"one score per {self.target} ({size})", None,
                              shown=f"{got} scores from strategy {self.name!r}")
        return out

    def __repr__(self) -> str:
        p = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"Strategy({self.name!r}{', ' + p if p else ''})"


# ---------------------------------------------------------------------------- ranking
def tie_keys(labels: pd.Index, tie_break: str) -> np.ndarray:
    """Int64 key per position: among tied scores, the smallest key is removed first."""
    n = len(labels)
    if tie_break == "first":
        return np.arange(n, dtype=np.int64)
    if tie_break == "last":
        return np.arange(n, dtype=np.int64)[::-1].copy()
    try:
        order = np.argsort(np.asarray(labels, dtype=object), kind="stable")
    except TypeError as exc:
        raise param_error("attack", "tie_break", "'first' or 'last' for labels that cannot "
                          "be sorted", tie_break) from exc
    rank = np.empty(n, np.int64)
    rank[order] = np.arange(n)
    return rank if tie_break == "label_min" else (n - 1 - rank)


def tie_tolerances(tie_tol: float) -> tuple[float, float]:
    """(relative, absolute) tie tolerances of an attack's ``tie_tol``: ``tie_tol`` relative
    plus ``tie_tol / 1000`` absolute (the default ``1e-9`` gives ``1e-9`` + ``1e-12``; ``0``
    compares scores exactly)."""
    return (SCORE_RTOL, SCORE_ATOL) if tie_tol == SCORE_RTOL else (tie_tol, tie_tol * 1e-3)


def pick_best(scores: np.ndarray, keys: np.ndarray, allowed: np.ndarray | None = None,
              tol: tuple[float, float] = (SCORE_RTOL, SCORE_ATOL)) -> int:
    """Position of the node to remove: best score with tolerance ties, then smallest key."""
    s = np.asarray(scores, float)
    ok = np.ones(len(s), bool) if allowed is None else allowed.copy()
    fin = ok & ~np.isnan(s)
    if fin.any():
        best = s[fin].max()
        cand = fin & (s >= best - (tol[0] * abs(best) + tol[1]))
    else:
        cand = ok
    idx = np.flatnonzero(cand)
    return int(idx[np.argmin(keys[idx])])


def rank_order(scores: np.ndarray, keys: np.ndarray,
               tol: tuple[float, float] = (SCORE_RTOL, SCORE_ATOL)) -> np.ndarray:
    """Full removal order (a permutation) of ``scores`` under the same tie rule as
    :func:`pick_best`: sort by score, group values within tolerance of each group's head,
    order each group by key; NaN last."""
    s = np.asarray(scores, float)
    nan = np.isnan(s)
    fin_idx = np.flatnonzero(~nan)
    srt = fin_idx[np.argsort(-s[fin_idx], kind="stable")]
    vals = s[srt]
    group = tolerance_groups(np.ascontiguousarray(vals), tol[0], tol[1])
    if len(group) and group[-1] == len(group) - 1:
        out = srt  # no ties at all: the stable sort already is the order
    else:
        out = srt[np.lexsort((keys[srt], group))]
    nan_idx = np.flatnonzero(nan)
    nan_idx = nan_idx[np.argsort(keys[nan_idx], kind="stable")]
    return np.concatenate([out, nan_idx]).astype(np.int64)


# ---------------------------------------------------------------------------- score functions
def pivots(n: int, n_pivots: int | None, rng: np.random.Generator
           ) -> tuple[np.ndarray | None, float]:
    """Sampled sources ``(sorted positions, n / n_pivots)``, or ``(None, 1.0)`` when exact."""
    if n_pivots is None or n_pivots >= n:
        return None, 1.0
    return np.sort(rng.choice(n, size=n_pivots, replace=False)).astype(np.int64), n / n_pivots


def betweenness_scale(directed: bool) -> float:
    """Factor from the kernel's ordered-pair sums to :func:`netcrime.centrality.betweenness`
    with ``normalized=False`` (each unordered pair once on undirected graphs)."""
    return 1.0 if directed else 0.5


def neighbour_weights(g: Graph, weight: str) -> np.ndarray:
    """Edge values aligned with :meth:`netcrime.Graph.neighbour_csr` (out-row, then in-row)."""
    w = g.edge_values(weight, func="strategy", param="weight")
    if not g.directed:
        return w
    ip, _, pos = g.in_csr()
    rows = np.concatenate([row_ids(g.indptr), row_ids(ip)])
    vals = np.concatenate([w, w[pos]])
    return vals[np.argsort(rows, kind="stable")]


def two_core(indptr: np.ndarray, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(alive, degree)``: the 2-core of a symmetric CSR (peel every node of degree < 2
    until none is left) and each node's degree inside it."""
    n = len(indptr) - 1
    alive = np.ones(n, bool)
    deg = np.diff(indptr).astype(np.int64)
    rows = row_ids(indptr)
    while True:
        low = alive & (deg < 2)
        if not low.any():
            return alive, deg
        alive &= ~low
        ok = alive[rows] & alive[indices]
        deg = np.bincount(rows[ok], minlength=n)


def _degree(weight: str | None = None) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        return centrality.degree(g, weight=weight).to_numpy()
    return f


def _random() -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        return rng.random(g.n_nodes)
    return f


def _betweenness(distance: str | None = None, n_pivots: int | None = None) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        lengths = None if distance is None else g.edge_values(
            distance, func="strategy", param="distance", positive=True)
        sources, scale = pivots(g.n_nodes, n_pivots, rng)
        raw = node_betweenness(g.indptr, g.indices, lengths=lengths,
                                 sources=sources)
        return (scale * betweenness_scale(g.directed)) * raw
    return f


def _collective_influence(radius: int = 1, weight: str | None = None) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        p, i = neighbours(g)
        w = None if weight is None else neighbour_weights(g, weight)
        return collective_influence(p, i, np.ones(g.n_nodes, bool), ell=radius, weights=w)
    return f


#: katz_direct solves densely (as networkx) up to this many nodes, sparse above
_KATZ_DENSE_MAX = 500


def _katz_direct(alpha: float, beta: float = 1.0, weight: str | None = None) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        n = g.n_nodes
        if n == 0:
            return np.zeros(0)
        a = g.to_scipy(weight=weight)
        # x_i = alpha * sum_j A_ji x_j + beta  (in-links, as networkx)
        if n <= _KATZ_DENSE_MAX:
            # small graphs: networkx's katz_centrality_numpy arithmetic (dense LU solve, then
            # x / (sign(sum x) ||x||)), so exact tie comparisons (tie_tol=0) see its bits
            m = np.eye(n) - alpha * a.toarray().T
            x = np.linalg.solve(m, np.full(n, float(beta)))
            norm = np.sign(x.sum()) * np.linalg.norm(x)
            return x / norm if norm != 0 and np.isfinite(norm) else x
        m = sparse.identity(n, format="csc") - alpha * sparse.csc_matrix(a.T)
        x = np.atleast_1d(spsolve(m, np.full(n, float(beta))))
        sgn = np.sign(x.sum())
        return x * (sgn if sgn != 0 else 1.0)
    return f


def _corehd() -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        alive, deg = two_core(*neighbours(g))
        full = g.degree().astype(float)
        top = full.max() + 1.0 if g.n_nodes else 1.0
        # nodes of the 2-core first (by 2-core degree), then the rest by degree
        return np.where(alive, deg + top, full / top)
    return f


def _centrality(fname: str, **kw: Any) -> Callable:
    metric = getattr(centrality, fname)
    given = {k: v for k, v in kw.items() if v is not None}

    def f(g: Graph, rng: np.random.Generator) -> pd.Series:
        return metric(g, **given)
    return f


def _brokerage(groups: Any) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> pd.Series:
        with warnings.catch_warnings():
            # the warning concerns z-scores of undirected input; only raw totals are used
            warnings.simplefilter("ignore", NetcrimeWarning)
            return brokerage.gould_fernandez(g, groups=groups).nodes["total"]
    return f


def _constraint(weight: str | None = None) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        kw = {} if weight is None else {"weight": weight}
        c = brokerage.constraint(g, **kw)
        return -c.reindex(g.nodes).to_numpy(dtype=float)
    return f


def _key_player(k: int, objective: str, kw: dict[str, Any]) -> Callable:
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        limit = g.n_nodes - 2 if "fragmentation" in objective else g.n_nodes - 1
        kk = min(k, limit)
        out = np.zeros(g.n_nodes)
        if kk < 1 or g.n_edges == 0:
            return out
        res = keyplayer.key_players(g, k=kk, objective=objective, rng=rng, **kw)
        out[g.node_index(list(res.players), func="key_player", param="k")] = 1.0
        return out
    return f


# ---------------------------------------------------------------------------- builders
_F = "strategy"


def _n_pivots(params: dict[str, Any]) -> int | None:
    k = params.get("n_pivots")
    return None if k is None else check_int(k, func=_F, param="n_pivots", min=1)


def _b_random(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy("random", _random(), stochastic=True)


def _b_degree(key: str, params: dict[str, Any]) -> Strategy:
    weight = params.get("weight", "weight" if key == "strength" else None)
    return Strategy(key, _degree(weight), params=params)


def _b_betweenness(key: str, params: dict[str, Any]) -> Strategy:
    k = _n_pivots(params)
    return Strategy("betweenness", _betweenness(params.get("distance"), k),
                    stochastic=k is not None, params=params)


def _b_distance_metric(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy(key, _centrality(key, distance=params.get("distance")), params=params)


def _b_weight_metric(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy(key, _centrality(key, weight=params.get("weight")), params=params)


def _b_katz(key: str, params: dict[str, Any]) -> Strategy:
    beta = check_float(params.get("beta", 1.0), func=_F, param="beta", min=0, min_open=True)
    return Strategy("katz", _centrality("katz", alpha=params.get("alpha"), beta=beta,
                                        weight=params.get("weight")), params=params)


def _b_katz_direct(key: str, params: dict[str, Any]) -> Strategy:
    if "alpha" not in params:
        raise param_error(_F, "alpha", "given for strategy 'katz_direct'", None)
    alpha = check_float(params["alpha"], func=_F, param="alpha", min=0, min_open=True)
    beta = check_float(params.get("beta", 1.0), func=_F, param="beta")
    return Strategy("katz_direct", _katz_direct(alpha, beta, params.get("weight")),
                    params=params)


def _b_ci(key: str, params: dict[str, Any]) -> Strategy:
    radius = check_int(params.get("radius", 1), func=_F, param="radius", min=1)
    return Strategy("collective_influence", _collective_influence(radius, params.get("weight")),
                    params=params)


def _b_corehd(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy("corehd", _corehd())


def _b_brokerage(key: str, params: dict[str, Any]) -> Strategy:
    if "groups" not in params:
        raise param_error(_F, "groups", "given for strategy 'brokerage'", None)
    return Strategy("brokerage", _brokerage(params["groups"]), params=params)


def _b_constraint(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy("constraint", _constraint(params.get("weight")), params=params)


def _b_key_player(key: str, params: dict[str, Any]) -> Strategy:
    kw = dict(params)
    k = check_int(kw.pop("k", 1), func=_F, param="k", min=1)
    objective = kw.pop("objective", "fragmentation")
    return Strategy("key_player", _key_player(k, objective, kw), stochastic=True,
                    params=params)


@dataclass(frozen=True)
class Registered:
    """A named strategy: its builder ``(name, params) -> Strategy`` and the parameters it
    accepts (None: any, checked by the function it calls)."""

    build: Callable[[str, dict[str, Any]], Strategy]
    params: tuple[str, ...] | None


REGISTRY: dict[str, Registered] = {
    "random": Registered(_b_random, ()),
    "degree": Registered(_b_degree, ("weight",)),
    "strength": Registered(_b_degree, ("weight",)),
    "betweenness": Registered(_b_betweenness, ("distance", "n_pivots")),
    "closeness": Registered(_b_distance_metric, ("distance",)),
    "harmonic": Registered(_b_distance_metric, ("distance",)),
    "eigenvector": Registered(_b_weight_metric, ("weight",)),
    "katz": Registered(_b_katz, ("alpha", "beta", "weight")),
    "katz_direct": Registered(_b_katz_direct, ("alpha", "beta", "weight")),
    "pagerank": Registered(_b_weight_metric, ("weight",)),
    "collective_influence": Registered(_b_ci, ("radius", "weight")),
    "corehd": Registered(_b_corehd, ()),
    "brokerage": Registered(_b_brokerage, ("groups",)),
    "constraint": Registered(_b_constraint, ("weight",)),
    "key_player": Registered(_b_key_player, None),
}
STRATEGIES = tuple(REGISTRY)
_ALIASES = {"ci": "collective_influence", "gould_fernandez": "brokerage",
            "keyplayer": "key_player"}


def build_registered(registry: dict[str, Registered], aliases: dict[str, str], name: Any,
                     params: dict[str, Any], *, func: str, what: str) -> Strategy:
    """Look ``name`` up in ``registry`` (or ``aliases``), check ``params`` against the
    parameters it accepts and build it."""
    key = aliases.get(name, name) if isinstance(name, str) else name
    check_choice(key, tuple(registry) + tuple(aliases), func=func, param="name")
    entry = registry[key]
    if entry.params is not None:
        for p in params:
            if p not in entry.params:
                accepted = ", ".join(entry.params) or "no parameters"
                raise param_error(func, p, f"a parameter of {what} {key!r} (it accepts "
                                  f"{accepted})", params[p])
    return entry.build(key, params)


def strategy(name: str, /, **params: Any) -> Strategy:
    """Build a named attack strategy.

    Parameters
    ----------
    name : str
        One of ``"random"``, ``"degree"``, ``"strength"``, ``"betweenness"``,
        ``"closeness"``, ``"harmonic"``, ``"eigenvector"``, ``"katz"``, ``"katz_direct"``,
        ``"pagerank"``, ``"collective_influence"`` (alias ``"ci"``), ``"corehd"``,
        ``"brokerage"`` (alias ``"gould_fernandez"``), ``"constraint"``, ``"key_player"``.
    **params
        Strategy parameters (an unknown one raises ParameterError):

        * ``degree``: ``weight=None``: :func:`netcrime.centrality.degree` (directed: in +
          out; a self-loop counts twice, as in networkx and igraph); a strength column
          turns it into ``strength``. ``strength``: ``weight="weight"``.
        * ``betweenness``: ``distance=None`` (an edge attribute read as a *length*),
          ``n_pivots=None``. Exact scores are :func:`netcrime.centrality.betweenness` with
          ``normalized=False`` (undirected: each unordered pair once, igraph's raw value).
          Sampled (``n_pivots`` uniformly drawn sources): the sum over the pivots scaled by
          ``n / n_pivots`` (Brandes & Pich's plain estimator; in an adaptive attack only the
          affected component is recomputed, drawing ``min(n_pivots, |C|)`` sources there).
        * ``closeness``, ``harmonic``: ``distance=None``; ``eigenvector``, ``pagerank``:
          ``weight=None`` -- computed by :mod:`netcrime.centrality`.
        * ``katz``: ``alpha=None``, ``beta=1.0``, ``weight=None``:
          :func:`netcrime.centrality.katz` with its defaults (``alpha = 0.9 / rho(A)``,
          unit-norm scores; ``alpha`` must stay below ``1 / rho(A)`` of every residual
          network it is applied to).
        * ``katz_direct``: ``alpha`` (required), ``beta=1.0``, ``weight=None``: solves
          ``(I - alpha A^T) x = beta 1`` directly, for any ``alpha`` (like networkx's
          ``katz_centrality_numpy``, without a convergence condition), sign-normalised so
          the scores sum positive. Up to 500 nodes with networkx's arithmetic (dense LU
          solve, scores divided by ``sign(sum x) ||x||``: the same bits, so
          ``attack(..., tie_tol=0)`` ranks exactly as the authors' code); above, a sparse
          solve. Cavallaro et al. (2020) use ``alpha=0.1``.
        * ``collective_influence``: ``radius=1``, ``weight=None``.
          ``CI_l(i) = (k_i - 1) sum_{j in dBall(i, l)} (k_j - 1)`` where ``l`` is the
          ``radius`` and ``dBall(i, l)`` the set of nodes at distance exactly ``l`` (for
          ``l = 1`` the neighbours); ``k`` is the degree in the undirected view, or the
          strength with ``weight``.
        * ``corehd``: no parameters: the highest degree inside the 2-core first, then (once
          the 2-core is empty) the highest degree.
        * ``brokerage``: ``groups`` (a node attribute name or Series): Gould--Fernandez
          total brokerage.
        * ``constraint``: ``weight=None``: Burt's constraint, *lowest* first.
        * ``key_player``: ``k`` (set size, default 1), ``objective`` (default
          ``"fragmentation"``) and further arguments of
          :func:`netcrime.keyplayer.key_players` (``restarts``, ``sample``...): the members
          of the key-player set found on the current network score 1, everybody else 0
          (``k`` is capped at what the objective allows on small residual networks). In
          ``mode="block"`` with ``block_size=k`` the whole set is removed, then a new set
          is searched.

    Returns
    -------
    Strategy
        With ``target="node"``.

    Raises
    ------
    ParameterError
        For an unknown name, a parameter the strategy does not accept or an invalid value.

    References
    ----------
    Morone F, Makse HA (2015) Influence maximization in complex networks through optimal
    percolation. Nature 524:65-68. doi:10.1038/nature14604.
    Zdeborová L, Zhang P, Zhou H-J (2016) Fast and simple decycling and dismantling of
    networks. Sci Rep 6:37954. doi:10.1038/srep37954.
    Brandes U, Pich C (2007) Centrality estimation in large networks. Int J Bifurcation
    Chaos 17(7):2303-2318. doi:10.1142/S0218127407018403.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.disruption.strategy("ci", radius=2)
    Strategy('collective_influence', radius=2)
    >>> nc.disruption.strategy("katz_direct", alpha=0.1)
    Strategy('katz_direct', alpha=0.1)
    """
    out = build_registered(REGISTRY, _ALIASES, name, params, func=_F, what="strategy")
    return out.with_recipe(_rebuild_strategy, (name, params))


def _rebuild_strategy(name: str, params: dict[str, Any]) -> Strategy:
    return strategy(name, **params)


def _rebuild_role_order(roles: list, attr: str, then: Any) -> Strategy:
    return role_order(roles, attr=attr, then=then)


def _rebuild_callable(obj: Any) -> Strategy:
    return as_strategy(obj)


def _check_roles(roles: Any) -> list:
    """``roles`` as a non-empty list of distinct hashable values, else a ParameterError."""
    rule = "a non-empty sequence of distinct hashable role values"
    if isinstance(roles, (str, bytes)) or not isinstance(roles, Sequence | np.ndarray | pd.Index):
        raise param_error("role_order", "roles", rule, roles)
    out = list(roles)
    try:
        ok = len(out) > 0 and len(set(out)) == len(out)
    except TypeError:
        ok = False
    if not ok:
        raise param_error("role_order", "roles", rule, roles)
    return out


def role_order(
    roles: Sequence[Any],
    /,
    *,
    attr: str = "role",
    then: str | Strategy | None = "degree",
) -> Strategy:
    """Attribute order: every node with ``roles[0]`` first, then ``roles[1]``, ... .

    Parameters
    ----------
    roles : sequence
        Values of the node attribute ``attr``, most important first (e.g.
        ``["leader", "handler"]``). Nodes with other values come after all listed roles.
    attr : str
        Node attribute holding the role (default ``"role"``).
    then : str, Strategy or None
        Order inside each role tier (default: current degree, highest first); None keeps
        only the tier (ties then follow the attack's ``tie_break``).

    Returns
    -------
    Strategy
        Score = ``len(roles) - tier`` plus the ``then`` score rescaled into ``[0, 1)``
        (its scores must be non-negative; NaN counts as 0).

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.disruption.role_order(["leader", "handler"])
    Strategy('role_order', roles=['leader', 'handler'], attr='role')
    """
    roles = _check_roles(roles)
    if not isinstance(attr, str):
        raise param_error("role_order", "attr", "a node attribute name (str)", attr)
    if then is not None and not isinstance(then, (str, Strategy)):
        raise param_error("role_order", "then", "None, a strategy name or a Strategy", then)
    with readdressed("role_order", "strategy"):
        sub = strategy(then) if isinstance(then, str) else then

    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        if attr not in g.node_attrs.columns:
            raise param_error("role_order", "attr", "a node attribute of the graph "
                              f"{list(g.node_attrs.columns)!r}", attr)
        col = g.node_attrs[attr]
        tier = np.zeros(g.n_nodes)
        for j, r in enumerate(roles):
            tier[(col == r).to_numpy()] = len(roles) - j
        if sub is None:
            return tier
        s = np.nan_to_num(sub.scores(g, rng), nan=0.0)
        s = s - min(0.0, s.min()) if len(s) else s
        top = s.max() if len(s) else 0.0
        return tier + (s / (top * (1 + 1e-6)) if top > 0 else 0.0)

    out = Strategy("role_order", f, stochastic=bool(sub is not None and sub.stochastic),
                   params={"roles": roles, "attr": attr})
    return out.with_recipe(_rebuild_role_order, (roles, attr, then))


def as_strategy(obj: Any, *, func: str = "attack", param: str = "strategy") -> Strategy:
    """Coerce a name, node Strategy or user callable ``score(g) -> Series`` to a Strategy."""
    if isinstance(obj, Strategy):
        if obj.target != "node":
            raise param_error(func, param, "a node strategy (target='node'); tie strategies "
                              "go to attack_edges()", obj)
        return obj
    if isinstance(obj, str):
        key = _ALIASES.get(obj, obj)
        if key not in STRATEGIES:
            raise param_error(func, param, "one of " + ", ".join(map(repr, STRATEGIES))
                              + ", a Strategy or a callable score(g) -> Series", obj)
        return strategy(key)
    if callable(obj):
        name = getattr(obj, "__name__", "custom")

        def f(g: Graph, rng: np.random.Generator) -> Any:
            return obj(g)
        return Strategy(name, f, params={}).with_recipe(_rebuild_callable, (obj,))
    raise param_error(func, param, "a strategy name, a Strategy or a callable "
                      "score(g) -> Series", obj)
