"""Attack strategies: who is removed first.

A :class:`Strategy` turns the *current* (residual) network into one score per node; the
attack removes the highest score first. Strategies are built by name with :func:`strategy`
(``attack(g, "betweenness")`` is short for ``attack(g, strategy("betweenness"))``), by
:func:`role_order` for attribute orders, or from any user callable ``score(g) -> Series``.

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

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_float, check_int, param_error
from ..exceptions import NetcrimeWarning, UndefinedMetricError
from ..graph import Graph

__all__ = [
    "STRATEGIES",
    "TIE_BREAKS",
    "Strategy",
    "role_order",
    "strategy",
]

TIE_BREAKS = ("first", "last", "label_min", "label_max")
_RTOL = 1e-9
_ATOL = 1e-12


class Strategy:
    """A scoring rule for node attacks (higher score = removed earlier).

    Parameters
    ----------
    name : str
        Name shown in curves and comparisons.
    func : callable ``(g: Graph, rng: numpy.random.Generator) -> array_like``
        Scores of every node of ``g`` in position order (NaN = remove last).
    stochastic : bool
        Whether the scores use ``rng`` (repetitions then differ).
    params : dict
        The parameters, kept for display.

    Users normally call :func:`strategy` or :func:`role_order`, or pass a callable
    ``score(g) -> pandas.Series`` (indexed by node label) directly to
    :func:`~netcrime.disruption.attack`.
    """

    __slots__ = ("_recipe", "func", "kind", "name", "params", "stochastic")

    def __init__(self, name: str, func: Callable[..., Any], *, stochastic: bool = False,
                 params: dict[str, Any] | None = None, kind: str | None = None) -> None:
        self.name = name
        self.func = func
        self.stochastic = stochastic
        self.params = dict(params or {})
        self.kind = kind or name
        self._recipe: tuple | None = None

    def __reduce__(self) -> tuple:
        # strategies hold closures; they pickle (for process pools and dask workers) as the
        # call that built them
        if self._recipe is None:
            raise TypeError(f"Strategy {self.name!r} was not built by strategy(), "
                            "role_order() or from a picklable callable; it cannot be pickled.")
        return self._recipe

    def scores(self, g: Graph, rng: np.random.Generator) -> np.ndarray:
        """Float64 scores of the nodes of ``g`` in position order.

        A score that is undefined on this (residual) network -- the scoring function raises
        :class:`~netcrime.exceptions.UndefinedMetricError`, e.g. eigenvector centrality once
        no tie is left -- gives every node NaN, so the attack's tie rule decides.
        """
        try:
            out = self.func(g, rng)
        except UndefinedMetricError:
            return np.full(g.n_nodes, np.nan)
        if isinstance(out, pd.Series):
            if not out.index.equals(g.nodes):
                out = out.reindex(g.nodes)
            out = out.to_numpy(dtype=float, na_value=np.nan)
        out = np.asarray(out, dtype=float)
        if out.shape != (g.n_nodes,):
            raise ValueError(
                f"Strategy {self.name!r} returned {out.shape[0] if out.ndim else 0} scores for "
                f"a graph of {g.n_nodes} nodes."
            )
        return out

    def __repr__(self) -> str:
        p = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"Strategy({self.name!r}{', ' + p if p else ''})"


# ---------------------------------------------------------------------------- ranking
def _tie_keys(labels: pd.Index, tie_break: str) -> np.ndarray:
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


def pick_best(scores: np.ndarray, keys: np.ndarray, allowed: np.ndarray | None = None) -> int:
    """Position of the node to remove: best score with tolerance ties, then smallest key."""
    s = np.asarray(scores, float)
    ok = np.ones(len(s), bool) if allowed is None else allowed.copy()
    fin = ok & ~np.isnan(s)
    if fin.any():
        best = s[fin].max()
        cand = fin & (s >= best - (_RTOL * abs(best) + _ATOL))
    else:
        cand = ok
    idx = np.flatnonzero(cand)
    return int(idx[np.argmin(keys[idx])])


def rank_order(scores: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Full removal order (a permutation) of ``scores`` under the same tie rule as
    :func:`pick_best`: sort by score, group values within tolerance of each group's head,
    order each group by key; NaN last."""
    s = np.asarray(scores, float)
    nan = np.isnan(s)
    fin_idx = np.flatnonzero(~nan)
    srt = fin_idx[np.argsort(-s[fin_idx], kind="stable")]
    vals = s[srt]
    from .._core import tolerance_groups

    group = tolerance_groups(np.ascontiguousarray(vals), _RTOL, _ATOL)
    if len(group) and group[-1] == len(group) - 1:
        out = srt  # no ties at all: the stable sort already is the order
    else:
        out = srt[np.lexsort((keys[srt], group))]
    nan_idx = np.flatnonzero(nan)
    nan_idx = nan_idx[np.argsort(keys[nan_idx], kind="stable")]
    return np.concatenate([out, nan_idx]).astype(np.int64)


# ---------------------------------------------------------------------------- score functions
def _undirected_k(g: Graph, weight: str | None) -> np.ndarray:
    if weight is None:
        return g.degree().astype(float)
    w = g.edge_values(weight, func="strategy", param="weight")
    rows = np.repeat(np.arange(g.n_nodes), np.diff(g.indptr))
    out = np.bincount(rows, weights=w, minlength=g.n_nodes)
    if g.directed:
        ip, _, pos = g.in_csr()
        rows_in = np.repeat(np.arange(g.n_nodes), np.diff(ip))
        out = out + np.bincount(rows_in, weights=w[pos], minlength=g.n_nodes)
    return out


def _nbr(g: Graph) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    from .._core import neighbour_csr

    if g.directed:
        ip, ix, pos = g.in_csr()
        p, i = neighbour_csr(g.indptr, g.indices, True, ip, ix)
        return p, i, pos
    return np.asarray(g.indptr), np.asarray(g.indices), None


def _nbr_weights(g: Graph, weight: str) -> np.ndarray:
    w = g.edge_values(weight, func="strategy", param="weight")
    if not g.directed:
        return w
    ip, _, pos = g.in_csr()
    n = g.n_nodes
    rows = np.concatenate([np.repeat(np.arange(n), np.diff(g.indptr)),
                           np.repeat(np.arange(n), np.diff(ip))])
    vals = np.concatenate([w, w[pos]])
    return vals[np.argsort(rows, kind="stable")]


def _degree(weight=None):
    def f(g, rng):
        return _undirected_k(g, weight)
    return f


def _random():
    def f(g, rng):
        return rng.random(g.n_nodes)
    return f


def _betweenness(distance=None, k=None):
    def f(g, rng):
        from .._core import betweenness_kernel

        n = g.n_nodes
        lengths = None
        if distance is not None:
            lengths = g.edge_values(distance, func="strategy", param="distance", positive=True)
        sources = None
        scale = 1.0
        if k is not None and k < n:
            sources = np.sort(rng.choice(n, size=k, replace=False)).astype(np.int64)
            scale = n / k
        return scale * betweenness_kernel(g.indptr, g.indices, n, g.directed, lengths=lengths,
                                          sources=sources)
    return f


def _collective_influence(ell=1, weight=None):
    def f(g, rng):
        from .._core import collective_influence

        p, i, _ = _nbr(g)
        w = None if weight is None else _nbr_weights(g, weight)
        return collective_influence(p, i, np.ones(g.n_nodes, bool), ell=ell, weights=w)
    return f


def _katz(alpha=0.1, beta=1.0, weight=None):
    def f(g, rng):
        from scipy import sparse
        from scipy.sparse.linalg import spsolve

        n = g.n_nodes
        if n == 0:
            return np.zeros(0)
        a = g.to_scipy(weight=weight)
        # x_i = alpha * sum_j A_ji x_j + beta  (in-links, as networkx)
        m = sparse.identity(n, format="csc") - alpha * sparse.csc_matrix(a.T)
        x = np.atleast_1d(spsolve(m, np.full(n, float(beta))))
        sgn = np.sign(x.sum())
        return x * (sgn if sgn != 0 else 1.0)
    return f


def _corehd():
    def f(g, rng):
        from .._core import neighbour_csr  # noqa: F401 (same CSR convention)

        p, i, _ = _nbr(g)
        n = g.n_nodes
        alive = np.ones(n, bool)
        deg = np.diff(p).astype(np.int64)
        rows = np.repeat(np.arange(n), np.diff(p))
        # peel to the 2-core
        while True:
            low = alive & (deg < 2)
            if not low.any():
                break
            alive &= ~low
            ok = alive[rows] & alive[i]
            deg = np.bincount(rows[ok], minlength=n)
        full = g.degree().astype(float)
        top = full.max() + 1.0 if n else 1.0
        # nodes of the 2-core first (by 2-core degree), then the rest by degree
        return np.where(alive, deg + top, full / top)
    return f


def _centrality(fname, **kw):
    def f(g, rng):
        from .. import centrality

        return getattr(centrality, fname)(g, **{k: v for k, v in kw.items() if v is not None})
    return f


def _brokerage(groups):
    def f(g, rng):
        import warnings

        import netcrime.brokerage as br

        with warnings.catch_warnings():
            # the warning concerns z-scores of undirected input; only raw totals are used
            warnings.simplefilter("ignore", NetcrimeWarning)
            return br.gould_fernandez(g, groups=groups).nodes["total"]
    return f


def _constraint(weight=None):
    def f(g, rng):
        import netcrime.brokerage as br

        kw = {} if weight is None else {"weight": weight}
        c = br.constraint(g, **kw)
        return -c.reindex(g.nodes).to_numpy(dtype=float)
    return f


def _key_player(k, objective, kw):
    def f(g, rng):
        import netcrime.keyplayer as kp

        limit = g.n_nodes - 2 if "fragmentation" in objective else g.n_nodes - 1
        kk = min(k, limit)
        out = np.zeros(g.n_nodes)
        if kk < 1 or g.n_edges == 0:
            return out
        res = kp.key_players(g, k=kk, objective=objective, rng=rng, **kw)
        out[g.node_index(list(res.players), func="key_player", param="k")] = 1.0
        return out
    return f


# ---------------------------------------------------------------------------- registry
STRATEGIES = (
    "random", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
    "katz", "pagerank", "collective_influence", "corehd", "brokerage", "constraint",
    "key_player",
)
_ALIASES = {"ci": "collective_influence", "gould_fernandez": "brokerage",
            "keyplayer": "key_player"}


def strategy(name: str, /, **params: Any) -> Strategy:
    """Build a named attack strategy.

    Parameters
    ----------
    name : str
        One of ``"random"``, ``"degree"``, ``"strength"``, ``"betweenness"``,
        ``"closeness"``, ``"harmonic"``, ``"eigenvector"``, ``"katz"``, ``"pagerank"``,
        ``"collective_influence"`` (alias ``"ci"``), ``"corehd"``, ``"brokerage"``
        (alias ``"gould_fernandez"``), ``"constraint"``, ``"key_player"``.
    **params
        Strategy parameters:

        * ``degree``: ``weight=None`` (a strength column turns it into ``strength``);
          the degree is :meth:`netcrime.Graph.degree` (directed: in + out; a self-loop
          counts once). ``strength``: ``weight="weight"``.
        * ``betweenness``: ``distance=None`` (an edge attribute read as a *length*),
          ``k=None`` (sampled: ``k`` uniformly drawn sources, scores scaled by ``n/k``;
          in an adaptive attack only the affected component is recomputed, drawing
          ``min(k, |C|)`` sources there).
        * ``closeness``, ``harmonic``: ``distance=None``; ``eigenvector``, ``pagerank``:
          ``weight=None`` -- computed by :mod:`netcrime.centrality`.
        * ``katz``: ``alpha=0.1``, ``beta=1.0``, ``weight=None``: solves
          ``(I - alpha A^T) x = beta 1`` directly (like networkx's ``katz_centrality_numpy``,
          without a convergence condition), sign-normalised so the scores sum positive.
        * ``collective_influence``: ``l=1``, ``weight=None``.
          ``CI_l(i) = (k_i - 1) sum_{j in dBall(i, l)} (k_j - 1)`` where ``dBall(i, l)`` is
          the set of nodes at distance exactly ``l`` (for ``l = 1`` the neighbours);
          ``k`` is the degree in the undirected view, or the strength with ``weight``.
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

    Raises
    ------
    ParameterError
        For an unknown name or an invalid parameter.

    References
    ----------
    Morone F, Makse HA (2015) Influence maximization in complex networks through optimal
    percolation. Nature 524:65-68. doi:10.1038/nature14604.
    Zdeborová L, Zhang P, Zhou H-J (2016) Fast and simple decycling and dismantling of
    networks. Sci Rep 6:37954. doi:10.1038/srep37954.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.disruption.strategy("ci", l=2)
    Strategy('collective_influence', l=2)
    """
    out = _strategy(name, **params)
    out._recipe = (_rebuild_strategy, (name, params))
    return out


def _rebuild_strategy(name: str, params: dict[str, Any]) -> Strategy:
    return strategy(name, **params)


def _rebuild_role_order(roles: list, attr: str, then: Any) -> Strategy:
    return role_order(roles, attr=attr, then=then)


def _rebuild_callable(obj: Any) -> Strategy:
    return as_strategy(obj)


def _strategy(name: str, /, **params: Any) -> Strategy:
    func = "strategy"
    key = _ALIASES.get(name, name) if isinstance(name, str) else name
    check_choice(key, STRATEGIES + tuple(_ALIASES), func=func, param="name")

    def allow(*names: str) -> None:
        for p in params:
            if p not in names:
                raise param_error(func, p, f"not given for strategy {key!r} (it accepts "
                                  f"{', '.join(names) or 'no parameters'})", params[p])

    if key == "random":
        allow()
        return Strategy("random", _random(), stochastic=True)
    if key in ("degree", "strength"):
        allow("weight")
        weight = params.get("weight", "weight" if key == "strength" else None)
        return Strategy(key, _degree(weight), params=params)
    if key == "betweenness":
        allow("distance", "k")
        k = params.get("k")
        if k is not None:
            k = check_int(k, func=func, param="k", min=1)
        return Strategy("betweenness", _betweenness(params.get("distance"), k),
                        stochastic=k is not None, params=params)
    if key in ("closeness", "harmonic"):
        allow("distance")
        return Strategy(key, _centrality(key, distance=params.get("distance")), params=params)
    if key in ("eigenvector", "pagerank"):
        allow("weight")
        return Strategy(key, _centrality(key, weight=params.get("weight")), params=params)
    if key == "katz":
        allow("alpha", "beta", "weight")
        alpha = check_float(params.get("alpha", 0.1), func=func, param="alpha", min=0,
                            min_open=True)
        beta = check_float(params.get("beta", 1.0), func=func, param="beta")
        return Strategy("katz", _katz(alpha, beta, params.get("weight")), params=params)
    if key == "collective_influence":
        allow("l", "weight")
        ell = check_int(params.get("l", 1), func=func, param="l", min=1)
        return Strategy("collective_influence", _collective_influence(ell, params.get("weight")),
                        params=params)
    if key == "corehd":
        allow()
        return Strategy("corehd", _corehd())
    if key == "brokerage":
        allow("groups")
        if "groups" not in params:
            raise param_error(func, "groups", "given for strategy 'brokerage'", None)
        return Strategy("brokerage", _brokerage(params["groups"]), params=params)
    if key == "constraint":
        allow("weight")
        return Strategy("constraint", _constraint(params.get("weight")), params=params)
    # key_player
    kw = dict(params)
    k = check_int(kw.pop("k", 1), func=func, param="k", min=1)
    objective = kw.pop("objective", "fragmentation")
    return Strategy("key_player", _key_player(k, objective, kw), stochastic=True,
                    params=params)


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
    roles = list(roles)
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
    out._recipe = (_rebuild_role_order, (roles, attr, then))
    return out


def as_strategy(obj: Any, *, func: str = "attack", param: str = "strategy") -> Strategy:
    """Coerce a name, Strategy or user callable ``score(g) -> Series`` to a Strategy."""
    if isinstance(obj, Strategy):
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
        out = Strategy(name, f, params={})
        out._recipe = (_rebuild_callable, (obj,))
        return out
    raise param_error(func, param, "a strategy name, a Strategy or a callable "
                      "score(g) -> Series", obj)
