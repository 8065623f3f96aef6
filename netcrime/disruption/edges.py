"""Tie attacks: cut communication channels instead of arresting people.

Blocking a channel or a platform (every tie with ``channel == "online"``, every account of one
platform) is how the "identify and block the web" intervention against online trafficking is
modelled; removing ties by edge betweenness or by weight are the classical edge attacks.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core import edge_betweenness_csr, edge_removal_curve
from .._validation import check_bool, check_choice, check_int, check_rng, param_error
from ..graph import Graph, as_graph
from .attack import AttackResult, empty_log
from .metrics import (
    COMPONENT_METRICS,
    DEFAULT_METRICS,
    as_metrics,
    component_stats,
    evaluate,
    stage_set,
)
from .strategies import Registered, Strategy, build_registered, pick_best, pivots, rank_order

__all__ = ["EDGE_STRATEGIES", "attack_edges", "edge_strategy"]

_F = "edge_strategy"


def _listed(values: Any) -> list:
    return list(values) if isinstance(values, (list, tuple, set, np.ndarray)) else [values]


def _edge_bc(distance: str | None, n_pivots: int | None):
    def f(g: Graph, rng: np.random.Generator) -> np.ndarray:
        n = g.n_nodes
        lengths = (np.zeros(len(g.indices)) if distance is None else
                   g.edge_values(distance, func=_F, param="distance", positive=True))
        sources, scale = pivots(n, n_pivots, rng)
        if sources is None:
            sources = np.arange(n, dtype=np.int64)
        bc = edge_betweenness_csr(np.asarray(g.indptr), np.asarray(g.indices),
                                  np.ascontiguousarray(lengths, dtype=np.float64),
                                  distance is not None, sources)
        return scale * np.bincount(g.edge_ids, weights=bc, minlength=g.n_edges)
    return f


def _matches(g: Graph, column: str, values: list) -> np.ndarray:
    if column not in g.edge_attrs.columns:
        raise param_error(_F, "column", "an edge attribute of the graph "
                          f"{list(g.edge_attrs.columns)!r}", column)
    return g.edge_attrs[column].isin(values).to_numpy()


def _b_betweenness(key: str, params: dict[str, Any]) -> Strategy:
    k = params.get("n_pivots")
    if k is not None:
        k = check_int(k, func=_F, param="n_pivots", min=1)
    return Strategy("edge_betweenness", _edge_bc(params.get("distance"), k), target="edge",
                    stochastic=k is not None, params=params)


def _b_weight(key: str, params: dict[str, Any]) -> Strategy:
    col = params.get("weight", "weight")
    lowest = check_bool(params.get("lowest", False), func=_F, param="lowest")

    def fw(g: Graph, rng: np.random.Generator) -> np.ndarray:
        if col not in g.edge_attrs.columns:
            raise param_error(_F, "weight", "an edge attribute of the graph "
                              f"{list(g.edge_attrs.columns)!r}", col)
        w = g.edge_attrs[col].to_numpy(dtype=float)
        return -w if lowest else w
    return Strategy("weight", fw, target="edge", params=params)


def _b_random(key: str, params: dict[str, Any]) -> Strategy:
    return Strategy("random", lambda g, rng: rng.random(g.n_edges), target="edge",
                    stochastic=True)


def _b_incident(key: str, params: dict[str, Any]) -> Strategy:
    if "nodes" not in params:
        raise param_error(_F, "nodes", "given for the 'incident' strategy", None)
    nodes = params["nodes"]
    nodes = list(nodes) if isinstance(nodes, (list, tuple, set, np.ndarray, pd.Index)) \
        else [nodes]
    col = params.get("column")
    if (col is None) != ("values" not in params):
        raise param_error(_F, "column", "given together with 'values' (or neither)", col)
    vals = _listed(params.get("values"))

    def hits(g: Graph) -> np.ndarray:
        pos = g.node_index(nodes, func=_F, param="nodes")
        mark = np.zeros(g.n_nodes, bool)
        mark[pos] = True
        src, dst = g.edge_array()
        ok = mark[src] | mark[dst]
        if col is not None:
            ok &= _matches(g, col, vals)
        return ok

    p2 = {"nodes": nodes} | ({"column": col, "values": vals} if col is not None else {})
    return Strategy("incident", lambda g, rng: np.where(hits(g), 1.0, np.nan), target="edge",
                    params=p2, limit=lambda g: int(hits(g).sum()))


def _b_attribute(key: str, params: dict[str, Any]) -> Strategy:
    if "column" not in params or "values" not in params:
        raise param_error(_F, "column", "given together with 'values' for the "
                          "'attribute' strategy", params.get("column"))
    column = params["column"]
    values = _listed(params["values"])

    def fa(g: Graph, rng: np.random.Generator) -> np.ndarray:
        return np.where(_matches(g, column, values), 1.0, np.nan)
    return Strategy("attribute", fa, target="edge", params={"column": column, "values": values},
                    limit=lambda g: int(_matches(g, column, values).sum()))


EDGE_REGISTRY: dict[str, Registered] = {
    "betweenness": Registered(_b_betweenness, ("distance", "n_pivots")),
    "weight": Registered(_b_weight, ("weight", "lowest")),
    "random": Registered(_b_random, ()),
    "attribute": Registered(_b_attribute, ("column", "values")),
    "incident": Registered(_b_incident, ("nodes", "column", "values")),
}
EDGE_STRATEGIES = tuple(EDGE_REGISTRY)


def edge_strategy(name: str, /, **params: Any) -> Strategy:
    """Build a tie-attack strategy (a :class:`Strategy` with ``target="edge"``).

    Parameters
    ----------
    name : {"betweenness", "weight", "random", "attribute", "incident"}
        * ``"betweenness"``: edge betweenness (Girvan & Newman 2002), ``distance=None``
          (an edge attribute read as a length), ``n_pivots=None`` (sampled sources, scaled
          by ``n / n_pivots``). Raw ordered-pair sums (twice networkx's unnormalised value
          for undirected graphs).
        * ``"weight"``: ``weight="weight"``, ``lowest=False``: strongest ties first (or
          weakest first with ``lowest=True``).
        * ``"random"``: uniformly random order.
        * ``"attribute"``: ``column`` and ``values`` (a value or a list): every tie whose
          attribute is one of ``values`` scores 1 (removed, in edge-id order under
          ``tie_break="first"``), all others NaN; the attack stops when they are all gone
          unless ``max_removals`` says otherwise. Blocking a channel:
          ``edge_strategy("attribute", column="channel", values="online")``.
        * ``"incident"``: ``nodes`` (labels), optionally ``column`` and ``values``: every tie
          touching one of ``nodes`` (and, if given, whose ``column`` is in ``values``) scores
          1, all others NaN; stops when they are gone. Shutting down a platform: the ties of
          the platform node to the accounts and ads it hosts,
          ``edge_strategy("incident", nodes=[platform], column="relation",
          values="hosting")``.

    Returns
    -------
    Strategy

    Raises
    ------
    ParameterError
        For an unknown name, a parameter the strategy does not accept or an invalid value.

    Examples
    --------
    >>> import netcrime as nc
    >>> s = nc.disruption.edge_strategy("attribute", column="channel", values="online")
    >>> s, s.target
    (Strategy('attribute', column='channel', values=['online']), 'edge')
    """
    return build_registered(EDGE_REGISTRY, {}, name, params, func=_F, what="edge strategy")


def _as_edge_strategy(obj: Any) -> Strategy:
    if isinstance(obj, Strategy):
        if obj.target != "edge":
            raise param_error("attack_edges", "strategy", "a tie strategy (target='edge', "
                              "from edge_strategy())", obj)
        return obj
    if isinstance(obj, str):
        if obj not in EDGE_STRATEGIES or obj in ("attribute", "incident"):
            raise param_error("attack_edges", "strategy", "'betweenness', 'weight', 'random', "
                              "an edge_strategy() or a callable score(g) -> array", obj)
        return edge_strategy(obj)
    if callable(obj):
        return Strategy(getattr(obj, "__name__", "custom"), lambda g, rng: obj(g),
                        target="edge")
    raise param_error("attack_edges", "strategy", "an edge strategy name, an edge_strategy() "
                      "or a callable score(g) -> array", obj)


def attack_edges(
    g: Any,
    /,
    *,
    strategy: Any,
    mode: str = "static",
    block_size: int = 5,
    max_removals: int | None = None,
    metrics: Any = DEFAULT_METRICS,
    tie_break: str = "first",
    rng: Any = None,
    progress: bool = False,
) -> AttackResult:
    """Remove ties one at a time and record how the network falls apart.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
    strategy : str, Strategy or callable
        ``"betweenness"``, ``"weight"``, ``"random"``, an :func:`edge_strategy` (e.g.
        ``edge_strategy("attribute", column="channel", values="online")``), or a callable
        ``score(g) -> array`` of one score per edge (edge-id order of the residual graph).
    mode : {"static", "adaptive", "block"}
        As in :func:`attack`.
    block_size, max_removals, metrics, rng, progress
        As in :func:`attack`; ``max_removals`` defaults to every edge (for an ``attribute``
        strategy: every matching edge).
    tie_break : {"first", "last"}
        Among tied scores, the lowest / highest edge id goes first.

    Returns
    -------
    AttackResult
        ``curve`` columns ``step, source, target, score`` and the metrics (row 0: intact).
        ``robustness`` is Schneider's ``R_l = (1/M) sum_q s(q)`` over ``q`` removed edges.

    Notes
    -----
    Static orders use the reverse union-find pass over edges (all nodes stay). Adaptive
    and block modes rescore the residual network; edge betweenness is recomputed with a
    numba Brandes kernel, O(nm) per recomputation.

    References
    ----------
    Girvan M, Newman MEJ (2002) Community structure in social and biological networks.
    PNAS 99(12):7821-7826. doi:10.1073/pnas.122653799.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> res = nc.disruption.attack_edges(nx.path_graph(4), strategy="betweenness",
    ...                                   max_removals=1)
    >>> res.curve[["step", "source", "target", "lcc"]]
       step source target  lcc
    0     0   None   None    4
    1     1      1      2    2
    """
    func = "attack_edges"
    g = as_graph(g, func=func, param="g")
    strat = _as_edge_strategy(strategy)
    check_choice(mode, ("static", "adaptive", "block"), func=func, param="mode")
    block_size = check_int(block_size, func=func, param="block_size", min=1)
    check_choice(tie_break, ("first", "last"), func=func, param="tie_break")
    check_bool(progress, func=func, param="progress")
    m_all = g.n_edges
    if max_removals is None:
        r = strat.limit(g) if strat.limit is not None else m_all
    else:
        r = check_int(max_removals, func=func, param="max_removals", min=0, max=m_all)
    mets = as_metrics(metrics, func=func)
    gen = check_rng(rng, func=func)
    rng_s, rng_m = (np.random.default_rng(s) for s in
                    np.random.SeedSequence(int(gen.integers(2**63))).spawn(2))
    stages = {}
    for mt in mets:
        if mt.name == "stage_completeness":
            attr = mt.params.get("attr", "stage")
            stages[attr] = stage_set(g, attr)
    lcc0 = component_stats(g)["lcc"]
    bar = None
    if progress:
        from tqdm.auto import tqdm  # optional dependency, only for progress bars

        bar = tqdm(total=r, desc="attack_edges")
    if mode == "static":
        s = strat.scores(g, rng_s)
        order = rank_order(s, _edge_keys(m_all, tie_break))[:r]
        got = s[order]
        if bar is not None:
            bar.update(r)
    else:
        order, got = _edge_order(g, strat, mode, block_size, r, tie_break, rng_s, bar)
    if bar is not None:
        bar.close()
    curve = _edge_curve(g, order, got, mets, lcc0=lcc0, stages=stages, rng=rng_m)
    return AttackResult(curve=curve, strategy=strat.name, mode=mode, n_nodes=g.n_nodes,
                        lcc0=lcc0, recovery_log=empty_log(), target="edge")


def _edge_keys(m: int, tie_break: str) -> np.ndarray:
    k = np.arange(m, dtype=np.int64)
    return k if tie_break == "first" else k[::-1].copy()


def _edge_order(g: Graph, strat: Strategy, mode: str, block_size: int, r: int,
                tie_break: str, rng: np.random.Generator, bar: Any
                ) -> tuple[np.ndarray, np.ndarray]:
    """Adaptive / block tie attack: rescore the residual network (every step / block)."""
    alive = np.ones(g.n_edges, bool)
    order = np.empty(r, np.int64)
    got = np.empty(r)
    queue: list[tuple[int, float]] = []
    for step in range(r):
        if mode == "adaptive" or not queue:
            ids = np.flatnonzero(alive)
            s = strat.scores(g.select_edges(alive), rng)
            if mode == "adaptive":
                j = pick_best(s, _edge_keys(len(ids), tie_break))
                queue = [(int(ids[j]), float(s[j]))]
            else:
                rk = rank_order(s, _edge_keys(len(ids), tie_break))[:block_size]
                queue = [(int(ids[j]), float(s[j])) for j in rk]
        e, sc = queue.pop(0)
        alive[e] = False
        order[step] = e
        got[step] = sc
        if bar is not None:
            bar.update(1)
    return order, got


def _edge_curve(g: Graph, order: np.ndarray, got: np.ndarray, mets: list, *, lcc0: int,
                stages: dict[str, frozenset], rng: np.random.Generator) -> pd.DataFrame:
    """Curve of a tie-removal order (component metrics by one reverse union-find pass);
    ``attrs["n_edges"]`` = edges of the intact network."""
    r = len(order)
    src, dst = g.edge_array()
    lcc, sec, nc, pairs = edge_removal_curve(g.n_nodes, np.asarray(src), np.asarray(dst),
                                             np.asarray(order, np.int64))
    comp = {"lcc": lcc, "lcc_frac": lcc / lcc0 if lcc0 else np.full(len(lcc), np.nan),
            "second": sec, "n_components": nc, "reachable_pairs": pairs}
    lab = g.nodes
    cols: dict[str, Any] = {
        "step": np.arange(r + 1),
        "source": pd.Series([None, *lab.take(src[order]).tolist()], dtype=object),
        "target": pd.Series([None, *lab.take(dst[order]).tolist()], dtype=object),
        "score": np.r_[np.nan, got],
    }
    rest = [mt for mt in mets if mt.name not in COMPONENT_METRICS]
    per_step = []
    if rest:
        alive = np.ones(g.n_edges, bool)
        for k in range(r + 1):
            if k:
                alive[order[k - 1]] = False
            h = g.select_edges(alive) if k else g
            per_step.append(evaluate(h, rest, lcc0=lcc0, stages=stages, rng=rng))
    for mt in mets:
        cols[mt.name] = (comp[mt.name] if mt.name in COMPONENT_METRICS
                         else [row[mt.name] for row in per_step])
    curve = pd.DataFrame(cols)
    curve.attrs["n_edges"] = g.n_edges
    return curve
