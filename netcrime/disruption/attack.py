"""Node and edge attacks: removal orders, step-by-step outcome curves and their summaries."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._core import (
    SCORE_ATOL,
    SCORE_RTOL,
    adaptive_betweenness_order,
    adaptive_degree_order,
    count_loops,
    induced,
    node_betweenness,
    plan_threads,
    removal_curve,
    row_ids,
)
from .._validation import (
    check_bool,
    check_choice,
    check_float,
    check_int,
    check_rng,
    param_error,
    readdressed,
)
from ..exceptions import UndefinedMetricError
from ..graph import Graph, as_graph
from .metrics import (
    COMPONENT_METRICS,
    DEFAULT_METRICS,
    Metric,
    as_metrics,
    evaluate,
    stage_set,
)
from .recovery import Recovery
from .residual import Residual, neighbours
from .strategies import (
    TIE_BREAKS,
    Strategy,
    as_strategy,
    betweenness_scale,
    pick_best,
    pivots,
    rank_order,
    tie_keys,
    tie_tolerances,
)

__all__ = ["AttackResult", "attack"]

MODES = ("static", "adaptive", "block")


@dataclass(frozen=True)
class AttackResult:
    """Outcome of an attack (:func:`attack` or :func:`attack_edges`).

    Attributes
    ----------
    curve : pandas.DataFrame
        One row per step. ``step`` = number of removals so far (row 0 is the intact
        network); ``node`` (node attacks) or ``source``/``target`` (edge attacks) = what was
        removed at this step (missing in row 0); ``score`` = its score when it was chosen;
        then one column per metric, evaluated *after* the removal (and after recovery), i.e.
        before the next removal, as in Cavallaro et al. (2020); with recovery also
        ``edges_added`` and ``nodes_added``.
    strategy, mode : str
        What was run.
    n_nodes : int
        ``N``, nodes of the intact network.
    lcc0 : int
        Largest component of the intact network.
    recovery_log : pandas.DataFrame
        ``step, source, target, kind`` of every tie added by recovery (empty without it).
    """

    curve: pd.DataFrame
    strategy: str
    mode: str
    n_nodes: int
    lcc0: int
    recovery_log: pd.DataFrame = field(default_factory=pd.DataFrame)
    target: str = "node"

    # ------------------------------------------------------------------ summaries
    @property
    def robustness(self) -> float:
        r"""Schneider et al.'s robustness ``R = (1/N) sum_{q=1}^{Q} s(q)``.

        ``q`` is the number of removed nodes (edges, for edge attacks), ``s(q)`` the fraction
        ``lcc/N`` of the *intact* network's ``N`` nodes that lie in the largest component
        after ``q`` removals, ``Q`` the last recorded step (``N`` for a complete node attack,
        when this is exactly Schneider's ``R``, between ``0`` and ``1/2``; for edge attacks
        the sum is divided by the number of edges instead, Schneider's ``R_l``).

        References
        ----------
        Schneider CM, Moreira AA, Andrade JS, Havlin S, Herrmann HJ (2011) Mitigation of
        malicious attacks on networks. PNAS 108(10):3838-3841. doi:10.1073/pnas.1009440108.
        """
        if "lcc" not in self.curve.columns:
            raise UndefinedMetricError("robustness needs the 'lcc' metric in the curve.")
        if self.n_nodes == 0 or self.denominator == 0:
            raise UndefinedMetricError("robustness is undefined for an attack on an empty "
                                       "network (no nodes, or no edges for an edge attack).")
        s = self.curve["lcc"].to_numpy(dtype=float)[1:] / self.n_nodes
        return float(s.sum() / self.denominator)

    def removals_to(self, threshold: float, metric: str = "lcc_frac") -> int | None:
        """Fewest removals after which ``metric`` is at or below ``threshold`` (None if the
        recorded curve never gets there)."""
        check_float(threshold, func="AttackResult.removals_to", param="threshold")
        check_choice(metric, tuple(self.curve.columns), func="AttackResult.removals_to",
                     param="metric")
        hit = np.flatnonzero(self.curve[metric].to_numpy(dtype=float) <= threshold)
        return int(self.curve["step"].iloc[hit[0]]) if len(hit) else None

    def auc(self, metric: str = "lcc_frac") -> float:
        """Area under ``metric`` against the fraction removed ``x = step / N`` (trapezoidal
        rule over the recorded steps; ``N`` = nodes, or edges for an edge attack)."""
        check_choice(metric, tuple(self.curve.columns), func="AttackResult.auc",
                     param="metric")
        x = self.curve["step"].to_numpy(dtype=float) / self.denominator
        y = self.curve[metric].to_numpy(dtype=float)
        return float(np.trapezoid(y, x)) if len(x) > 1 else 0.0

    @property
    def denominator(self) -> float:
        """What a removal count is a fraction of: the intact network's nodes (node attacks)
        or ties (tie attacks); the x axis of :meth:`plot` and :meth:`auc` is
        ``step / denominator``."""
        if self.target == "node":
            return float(self.n_nodes)
        return float(self.curve.attrs.get("n_edges", max(len(self.curve) - 1, 1)))

    def plot(self, ax: Any = None, metric: str = "lcc_frac", *, label: str | None = None,
             **kwargs: Any) -> Any:
        """Plot ``metric`` against the fraction removed; returns the matplotlib Axes.

        Shorthand for :func:`netcrime.plot.plot_removal_curves` on this result (``label``,
        when given, and ``**kwargs`` are passed on).
        """
        from ..plot import plot_removal_curves  # matplotlib only when plotting

        if label is not None:
            kwargs["label"] = label
        with readdressed("plot", "plot_removal_curves"):
            return plot_removal_curves(self, ax=ax, metric=metric, **kwargs)

    def __repr__(self) -> str:
        return (f"<AttackResult {self.strategy} ({self.mode}), {len(self.curve) - 1} removals, "
                f"N={self.n_nodes}, LCC0={self.lcc0}>")


# ---------------------------------------------------------------------------- set-up
@dataclass
class _Run:
    """One attack's validated inputs, random streams and intact-network statistics."""

    g: Graph
    strat: Strategy
    mode: str
    block_size: int
    r: int
    lcc_only: bool
    recovery: Recovery | None
    mets: list[Metric]
    tie_break: str
    keys: np.ndarray
    tol: tuple[float, float]
    rng_strat: np.random.Generator
    rng_metric: np.random.Generator
    rng_rec: np.random.Generator
    stages: dict[str, frozenset]
    comp0: dict[str, int]
    bar: Any

    @property
    def lcc0(self) -> int:
        return self.comp0["lcc"]

    def evaluate(self, h: Graph | None, mets: list[Metric],
                 comp: dict[str, int] | None = None) -> dict[str, float]:
        return evaluate(h, mets, lcc0=self.lcc0, stages=self.stages, rng=self.rng_metric,
                        comp=comp)

    def result(self, curve: pd.DataFrame, log: pd.DataFrame | None = None) -> AttackResult:
        if self.bar is not None:
            self.bar.close()
        return AttackResult(curve=curve, strategy=self.strat.name, mode=self.mode,
                            n_nodes=self.g.n_nodes, lcc0=self.lcc0,
                            recovery_log=empty_log() if log is None else log)


def _streams(rng: Any, recovery: Recovery | None, func: str
             ) -> tuple[np.random.Generator, np.random.Generator, np.random.Generator]:
    """Independent generators for the strategy, the metrics and the recovery."""
    ss = rng if isinstance(rng, np.random.SeedSequence) else None
    gen = check_rng(rng, func=func)
    if ss is None:
        ss = np.random.SeedSequence(int(gen.integers(2**63)))
    s_strat, s_metric, s_rec = ss.spawn(3)
    rng_rec = (check_rng(recovery.rng, func="Recovery") if recovery is not None
               and recovery.rng is not None else np.random.default_rng(s_rec))
    return np.random.default_rng(s_strat), np.random.default_rng(s_metric), rng_rec


def _stages(g: Graph, mets: list[Metric]) -> dict[str, frozenset]:
    out = {}
    for m in mets:
        if m.name == "stage_completeness":
            attr = m.params.get("attr", "stage")
            out[attr] = stage_set(g, attr)
    return out


def _intact_stats(g: Graph) -> dict[str, int]:
    """Component statistics of the intact graph (one union-find pass, no removals)."""
    lcc, sec, nc, pairs = removal_curve(*neighbours(g), np.zeros(0, np.int64))
    return {"lcc": int(lcc[0]), "second": int(sec[0]), "n_components": int(nc[0]),
            "reachable_pairs": int(pairs[0])}


def _progress(total: int, on: bool, desc: str) -> Any:
    if not on:
        return None
    from tqdm.auto import tqdm  # optional dependency, only for progress bars

    return tqdm(total=total, desc=desc)


# ---------------------------------------------------------------------------- fast paths
# A fast path turns the intact network into the whole removal order at once and returns
# ``(order, score_at_removal)``, or None when it does not apply to this run (recovery,
# lcc_only, a weight...; then the generic loop runs). Registered per (mode, strategy kind);
# "*" is the entry for every kind without one of its own.
FastPath = Callable[[_Run], "tuple[np.ndarray, np.ndarray] | None"]


def _static_order(run: _Run) -> tuple[np.ndarray, np.ndarray] | None:
    """One ranking of the intact network."""
    if run.recovery is not None or run.lcc_only:
        return None
    scores = run.strat.scores(run.g, run.rng_strat)
    order = rank_order(scores, run.keys, run.tol)[:run.r]
    return order, scores[order]


def _degree_csr(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    """Neighbour CSR whose row lengths are :func:`netcrime.centrality.degree` (an undirected
    self-loop listed twice in its row; directed loops already are, once per direction).
    Cached on the graph."""
    def build() -> tuple[np.ndarray, np.ndarray]:
        p, i = neighbours(g)
        if g.directed or count_loops(p, i) == 0:
            return p, i
        rows = row_ids(p)
        loops = rows == i
        rows = np.concatenate([rows, rows[loops]])
        cols = np.concatenate([i, i[loops]])
        keep = np.argsort(rows, kind="stable")
        ptr = np.zeros(len(p), np.int64)
        np.cumsum(np.bincount(rows, minlength=g.n_nodes), out=ptr[1:])
        return ptr, cols[keep]

    return g.cached("disruption.degree_csr", build)


def _adaptive_degree(run: _Run) -> tuple[np.ndarray, np.ndarray] | None:
    """Bucket queue over current degrees."""
    if run.recovery is not None or run.lcc_only or run.strat.params.get("weight") is not None:
        return None
    if run.tol[0] > SCORE_RTOL:  # integer degrees: exact and default tolerance agree
        return None
    order, sc = adaptive_degree_order(*_degree_csr(run.g), run.keys, run.r)
    return order, sc.astype(float)


def _adaptive_betweenness(run: _Run) -> tuple[np.ndarray, np.ndarray] | None:
    """Exact: the compiled kernel; sampled: recompute only the hit component."""
    if run.recovery is not None:
        return None
    g = run.g
    distance = run.strat.params.get("distance")
    if run.tol != (SCORE_RTOL, SCORE_ATOL) and run.strat.params.get("n_pivots") is None:
        return None  # the compiled kernel ties at the default tolerance only
    if run.strat.params.get("n_pivots") is not None:
        return _sampled_adaptive_betweenness(run, distance)
    lengths = (np.zeros(len(g.indices)) if distance is None else g.edge_values(
        distance, func="attack", param="strategy", positive=True))
    p, i = neighbours(g)
    order, got = adaptive_betweenness_order(
        np.asarray(g.indptr), np.asarray(g.indices), np.ascontiguousarray(lengths),
        distance is not None, p, i, run.keys, run.r, run.lcc_only,
        plan_threads(g.n_nodes * (g.n_nodes + len(g.indices))),
        not g.directed)
    return order, got * betweenness_scale(g.directed)


def _sampled_adaptive_betweenness(run: _Run, distance: str | None
                                  ) -> tuple[np.ndarray, np.ndarray]:
    """Sampled adaptive betweenness: after each removal only the component that held the
    removed node is recomputed (every other node's betweenness is unchanged)."""
    g, r, rng = run.g, run.r, run.rng_strat
    n_pivots = run.strat.params["n_pivots"]
    lengths = None if distance is None else g.edge_values(
        distance, func="attack", param="strategy", positive=True)
    res = Residual(g)
    scores = run.strat.scores(g, rng)
    order = np.empty(r, np.int64)
    got = np.empty(r)
    for step in range(r):
        allowed = res.lcc_mask() if run.lcc_only else res.alive
        v = pick_best(scores, run.keys, allowed, run.tol)
        order[step] = v
        got[step] = scores[v]
        members = res.remove(v)
        if len(members):
            ptr, idx, entries = induced(g.indptr, g.indices, members)
            sources, scale = pivots(len(members), n_pivots, rng)
            raw = node_betweenness(ptr, idx,
                                   lengths=None if lengths is None else lengths[entries],
                                   sources=sources)
            scores[members] = (scale * betweenness_scale(g.directed)) * raw
        if run.bar is not None:
            run.bar.update(1)
    return order, got


FAST_PATHS: dict[tuple[str, str], FastPath] = {
    ("static", "*"): _static_order,
    ("adaptive", "degree"): _adaptive_degree,
    ("adaptive", "betweenness"): _adaptive_betweenness,
}


def _fast_order(run: _Run) -> tuple[np.ndarray, np.ndarray] | None:
    path = FAST_PATHS.get((run.mode, run.strat.family)) or FAST_PATHS.get((run.mode, "*"))
    return None if path is None else path(run)


def _curve_from_order(run: _Run, order: np.ndarray, got: np.ndarray) -> AttackResult:
    """The curve of a known removal order as the attack's result."""
    return run.result(pd.DataFrame(_curve_columns(run, order, got)))


def _curve_columns(run: _Run, order: np.ndarray, got: np.ndarray) -> dict[str, Any]:
    """The curve's columns for a known removal order: component metrics from one reverse
    union-find pass, other metrics on the residual network of every step."""
    g, r = run.g, run.r
    if run.bar is not None:
        run.bar.update(r - run.bar.n)
    lcc, sec, nc, pairs = removal_curve(*neighbours(g), np.asarray(order, np.int64))
    comp = {"lcc": lcc, "lcc_frac": lcc / run.lcc0 if run.lcc0 else np.full(len(lcc), np.nan),
            "second": sec, "n_components": nc, "reachable_pairs": pairs}
    cols: dict[str, Any] = {"step": np.arange(r + 1), "node": _label_column(g, order),
                            "score": np.r_[np.nan, got]}
    rest = [m for m in run.mets if m.name not in COMPONENT_METRICS]
    per_step: list[dict[str, float]] = []
    if rest:
        keep = np.ones(g.n_nodes, bool)
        for k in range(r + 1):
            if k:
                keep[order[k - 1]] = False
            per_step.append(run.evaluate(g.take(np.flatnonzero(keep)) if k else g, rest))
    for m in run.mets:
        cols[m.name] = (comp[m.name] if m.name in COMPONENT_METRICS
                        else [row[m.name] for row in per_step])
    return cols


# ---------------------------------------------------------------------------- generic loop
class _Loop:
    """The step-by-step attack on a :class:`Residual`: rescore as the mode says, remove,
    heal (recovery), record the metrics."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        n = run.g.n_nodes
        self.n = n
        self.need_graph = any(m.name not in COMPONENT_METRICS for m in run.mets)
        self.static = (run.strat.scores(run.g, run.rng_strat) if run.mode == "static"
                       else None)
        self.block: list[int] = []  # global ids still to remove in the current block
        self.block_scores: dict[int, float] = {}
        self.n_recruits = 0
        self.log: list[tuple[int, Any, Any, str]] = []
        self._rebase(run.g, np.arange(n, dtype=np.int64))

    def _rebase(self, h: Graph, gid: np.ndarray) -> None:
        """Start a new residual view on ``h`` (after recovery changed the network); ``gid``
        = global id of each position of ``h`` (recruits: ``n, n + 1, ...``)."""
        self.res = Residual(h)
        self.gid = gid
        self.keys = tie_keys(h.nodes, self.run.tie_break)
        self.where = np.full(self.n + self.run.r + 1, -1, np.int64)
        self.where[gid] = np.arange(len(gid))
        if self.static is not None:
            s = np.full(len(gid), np.nan)
            orig = gid < self.n
            s[orig] = self.static[gid[orig]]
            self.static_here = s

    def _scores_now(self) -> np.ndarray:
        """Current scores per position of the residual view's base (dead ones unused)."""
        s = np.full(len(self.gid), np.nan)
        s[self.res.alive] = self.run.strat.scores(self.res.graph(), self.run.rng_strat)
        return s

    def _next_in_block(self, allowed: np.ndarray) -> tuple[int, float]:
        res, run = self.res, self.run
        self.block = [b for b in self.block if self.where[b] >= 0 and res.alive[self.where[b]]]
        if not self.block:
            s_all = self._scores_now()
            alive = res.positions
            ranking = alive[rank_order(s_all[alive], self.keys[alive], run.tol)]
            if run.lcc_only:
                ranking = ranking[allowed[ranking]]
            top = ranking[:run.block_size]
            self.block = [int(self.gid[x]) for x in top]
            self.block_scores = {int(self.gid[x]): float(s_all[x]) for x in top}
        b = self.block.pop(0)
        return int(self.where[b]), self.block_scores[b]

    def choose(self) -> tuple[int, float]:
        """Position (in the residual view's base) of the next node to remove, and its score."""
        res, run = self.res, self.run
        allowed = res.lcc_mask() if run.lcc_only else res.alive
        if run.mode == "block":
            return self._next_in_block(allowed)
        s = self.static_here if run.mode == "static" else self._scores_now()
        v = pick_best(s, self.keys, allowed, run.tol)
        return v, float(s[v])

    def remove(self, step: int, v: int) -> tuple[Hashable, int, int]:
        """Remove position ``v`` and heal; returns (label, edges added, nodes added)."""
        res, recovery = self.res, self.run.recovery
        h = res.graph()
        label = res.base.nodes[v:v + 1].tolist()[0]  # a plain Python label
        if recovery is None:
            res.remove(v)
            return label, 0, 0
        local = int(np.count_nonzero(res.alive[:v]))
        removed_attrs = h.node_attrs.iloc[local].to_dict() if len(h.node_attrs.columns) else {}
        ties = _orphan_ties(h, local)
        res.remove(v)
        h = res.graph()
        new_label = _recruit_label(self.run.g, self.n_recruits)
        h2, entries = recovery.apply(h, label, removed_attrs, ties, self.run.rng_rec,
                                     new_label)
        self.log.extend((step, *e) for e in entries)
        added_e = sum(1 for e in entries if e[2] != "recruit")
        added_n = int(h2.n_nodes > h.n_nodes)
        if h2 is not h:
            gid = self.gid[res.positions]
            if added_n:
                gid = np.r_[gid, self.n + self.n_recruits]
                self.n_recruits += 1
            self._rebase(h2, gid)
        return label, added_e, added_n

    def row(self, step: int, label: Any, score: float, added: tuple[int, int] | None
            ) -> dict[str, Any]:
        res = self.res
        h = res.graph() if self.need_graph else None
        row = {"step": step, "node": label, "score": score}
        row.update(self.run.evaluate(h, self.run.mets, comp=res.component_stats()))
        if added is not None:
            row.update(edges_added=added[0], nodes_added=added[1])
        return row


def _generic(run: _Run) -> AttackResult:
    loop = _Loop(run)
    healing = run.recovery is not None
    rows = [{"step": 0, "node": None, "score": np.nan,
             **run.evaluate(run.g, run.mets, comp=run.comp0)}]
    if healing:
        rows[0].update(edges_added=0, nodes_added=0)
    for step in range(1, run.r + 1):
        if loop.res.n_alive == 0:
            break
        v, score = loop.choose()
        label, added_e, added_n = loop.remove(step, v)
        rows.append(loop.row(step, label, score, (added_e, added_n) if healing else None))
        if run.bar is not None:
            run.bar.update(1)
    labels = [row.pop("node") for row in rows]
    curve = pd.DataFrame(rows)
    curve.insert(1, "node", pd.Series(labels, dtype=object))
    log = (pd.DataFrame(loop.log, columns=["step", "source", "target", "kind"]).astype(
        {"source": object, "target": object}) if loop.log else empty_log())
    return run.result(curve, log)


# ---------------------------------------------------------------------------- attack
def attack(
    g: Any,
    /,
    *,
    strategy: Any,
    mode: str = "static",
    block_size: int = 5,
    max_removals: int | None = None,
    lcc_only: bool = False,
    recovery: Recovery | None = None,
    metrics: Any = DEFAULT_METRICS,
    tie_break: str = "first",
    tie_tol: float = 1e-9,
    rng: Any = None,
    progress: bool = False,
) -> AttackResult:
    r"""Remove nodes one at a time and record how the network falls apart.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
        The network. Directed graphs: components are weak components.
    strategy : str, Strategy or callable
        A name from :data:`netcrime.disruption.STRATEGIES` (``"degree"``,
        ``"betweenness"``, ``"ci"``, ...), a :class:`Strategy` from
        :func:`~netcrime.disruption.strategy` / :func:`~netcrime.disruption.role_order`, or a
        callable ``score(g) -> pandas.Series`` (indexed by node label; higher = removed
        first) that receives the current residual network as a :class:`~netcrime.Graph`.
    mode : {"static", "adaptive", "block"}
        ``"static"``: one ranking of the intact network; ``"adaptive"`` (sequential):
        recompute the scores after every removal; ``"block"``: recompute every
        ``block_size`` removals and remove the top ``block_size`` of each ranking.
    block_size : int >= 1
        Block length for ``mode="block"`` (Cavallaro et al. use 5).
    max_removals : int, optional
        Stop after this many removals (default: until no node is left).
    lcc_only : bool
        Pick each target only among the nodes of the current largest component (the largest
        one holding the lowest position if several tie).
    recovery : Recovery, optional
        Healing process applied after every removal (see :class:`Recovery`).
    metrics : sequence of str or Metric
        Outcomes recorded per step (see :mod:`netcrime.disruption.metrics`). Default
        ``("lcc", "lcc_frac", "second", "n_components", "reachable_pairs")``.
    tie_break : {"first", "last", "label_min", "label_max"}
        Which of several tied nodes is removed first (see
        :mod:`netcrime.disruption.strategies`): lowest or highest position in ``g.nodes``,
        smallest or largest label.
    tie_tol : float in [0, 1e-3]
        Scores within ``tie_tol`` (relative, plus ``tie_tol / 1000`` absolute) of the best
        are tied (default ``1e-9``: orders do not depend on floating-point summation order).
        ``tie_tol=0`` compares scores exactly, as a plain ``sorted(...)`` does: a 1-ulp
        difference then decides, which reproduces code that ranks raw floats (Cavallaro et
        al.'s published block Katz curve, see the replication notes).
    rng : None, int or numpy Generator
        Seed for random strategies, sampled metrics and (unless it has its own) recovery.
        The same seed gives the same result.
    progress : bool
        Show a tqdm progress bar.

    Returns
    -------
    AttackResult
        ``curve`` (tidy DataFrame, row 0 = intact network), ``robustness``,
        ``removals_to(threshold)``, ``auc()``, ``plot()``.

    Raises
    ------
    ParameterError
        Invalid parameters.

    Notes
    -----
    Speed. A static order without recovery or ``lcc_only`` gets its component curve from one
    reverse union-find pass (Newman & Ziff 2000): nodes are added back in reverse order and
    components merged, O((n + m) alpha(n)) for all ``n`` steps. Adaptive degree uses a bucket
    queue (O(n + m) plus one sort per degree bucket for the tie rule). Adaptive betweenness
    recomputes Brandes' algorithm only on the component that held the removed node, on a
    compact copy of it, and (unweighted, undirected) skips the searches from leaves and from
    open twins of another source, whose dependencies are exact copies (Puzis et al. 2012). All
    other combinations run the generic loop on a :class:`~netcrime.disruption.Residual`:
    component labels are updated only in the component that lost a node, and a labelled
    residual :class:`~netcrime.Graph` is built only when the strategy (adaptive or block
    rescoring, recovery) or a metric other than the component metrics needs one.

    NaN rule. A metric that is undefined for the residual network (efficiency, information
    or trade-off with fewer than two nodes left) is NaN in that row; ``score`` is NaN in row
    0 and for nodes removed after every node with a finite score.

    Scores. ``score`` is the strategy score when the node was chosen: the centrality of the
    same name on the residual network (betweenness: :func:`netcrime.centrality.betweenness`
    with ``normalized=False``, igraph's raw value; degree: :func:`netcrime.centrality.degree`,
    a self-loop counting twice).

    References
    ----------
    Newman MEJ, Ziff RM (2000) Efficient Monte Carlo algorithm and high-precision results for
    percolation. Phys Rev Lett 85:4104. doi:10.1103/PhysRevLett.85.4104.
    Puzis R, Zilberman P, Elovici Y, Dolev S, Brandes U (2012) Heuristics for speeding up
    betweenness centrality computation. SocialCom/PASSAT 2012, 302-311.
    doi:10.1109/SocialCom-PASSAT.2012.66.
    Cavallaro L, Ficara A, De Meo P, Fiumara G, Catanese S, Bagdasar O, Song W, Liotta A
    (2020) Disrupting resilient criminal networks through data analysis: the case of Sicilian
    Mafia. PLoS ONE 15(8):e0236476. doi:10.1371/journal.pone.0236476.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> res = nc.disruption.attack(nx.star_graph(4), strategy="degree", max_removals=2)
    >>> res.curve[["step", "node", "lcc", "lcc_frac"]]
       step  node  lcc  lcc_frac
    0     0  None    5       1.0
    1     1     0    1       0.2
    2     2     1    1       0.2
    >>> round(nc.disruption.attack(nx.star_graph(4), strategy="degree").robustness, 4)  # (N-1)/N^2
    0.16
    """
    run = _setup(g, strategy, mode, block_size, max_removals, lcc_only, recovery, metrics,
                 tie_break, tie_tol, rng, progress)
    fast = _fast_order(run)
    if fast is not None:
        return _curve_from_order(run, *fast)
    return _generic(run)


def _setup(g: Any, strategy: Any, mode: str, block_size: int, max_removals: int | None,
           lcc_only: bool, recovery: Recovery | None, metrics: Any, tie_break: str,
           tie_tol: float, rng: Any, progress: bool) -> _Run:
    """:func:`attack`'s parameters validated into a :class:`_Run` (messages name attack())."""
    func = "attack"
    g = as_graph(g, func=func, param="g")
    strat = as_strategy(strategy, func=func)
    check_choice(mode, MODES, func=func, param="mode")
    block_size = check_int(block_size, func=func, param="block_size", min=1)
    n = g.n_nodes
    r = n if max_removals is None else check_int(max_removals, func=func,
                                                 param="max_removals", min=0, max=n)
    lcc_only = check_bool(lcc_only, func=func, param="lcc_only")
    check_bool(progress, func=func, param="progress")
    if recovery is not None and not isinstance(recovery, Recovery):
        raise param_error(func, "recovery", "None or a netcrime.disruption.Recovery", recovery)
    mets = as_metrics(metrics, func=func)
    check_choice(tie_break, TIE_BREAKS, func=func, param="tie_break")
    tie_tol = check_float(tie_tol, func=func, param="tie_tol", min=0.0, max=1e-3)
    rng_strat, rng_metric, rng_rec = _streams(rng, recovery, func)
    return _Run(g=g, strat=strat, mode=mode, block_size=block_size, r=r, lcc_only=lcc_only,
                recovery=recovery, mets=mets, tie_break=tie_break,
                keys=tie_keys(g.nodes, tie_break), tol=tie_tolerances(tie_tol),
                rng_strat=rng_strat,
                rng_metric=rng_metric, rng_rec=rng_rec, stages=_stages(g, mets),
                comp0=_intact_stats(g), bar=_progress(r, progress, "attack"))


def curve_columns(g: Graph, strategy: Any, rng: Any, kwargs: dict[str, Any]
                  ) -> dict[str, Any] | pd.DataFrame:
    """``attack(g, strategy=strategy, rng=rng, **kwargs).curve`` for the batch path of
    :func:`~netcrime.disruption.compare_strategies`: the curve's columns (numpy arrays and
    lists) when the removal order has a fast path -- no AttackResult, no frame, no copy --
    else the curve frame of the full attack. ``kwargs`` are bound to attack()'s signature
    (an unknown name raises TypeError, as a call would)."""
    bound = _ATTACK_SIGNATURE.bind(g, strategy=strategy, rng=rng, **kwargs)
    bound.apply_defaults()
    run = _setup(**bound.arguments)
    fast = _fast_order(run)
    if fast is not None:
        if run.bar is not None:
            run.bar.close()
        return _curve_columns(run, *fast)
    return _generic(run).curve


_ATTACK_SIGNATURE = inspect.signature(attack)


def _label_column(g: Graph, order: np.ndarray) -> pd.Series:
    """Object column: None, then the labels of ``order`` (plain Python objects)."""
    col = np.empty(len(order) + 1, dtype=object)
    col[0] = None
    col[1:] = g.nodes.take(order).tolist()
    return pd.Series(col, dtype=object)


def empty_log() -> pd.DataFrame:
    return pd.DataFrame({"step": pd.Series(dtype=np.int64), "source": pd.Series(dtype=object),
                         "target": pd.Series(dtype=object), "kind": pd.Series(dtype=object)})


def _recruit_label(g: Graph, k: int) -> Hashable:
    existing = set(g.nodes.tolist())
    lab = f"recruit_{k}"
    while lab in existing:
        lab = "_" + lab
    return lab


def _orphan_ties(h: Graph, v: int) -> list[tuple[Hashable, bool, bool, float]]:
    """Former neighbours of position ``v``: (label, arc to v?, arc from v?, tie weight)."""
    w = h.weights
    out: dict[int, list] = {}
    for q in range(h.indptr[v], h.indptr[v + 1]):
        u = int(h.indices[q])
        if u == v:
            continue
        e = out.setdefault(u, [False, False, 1.0])
        e[1] = True
        if w is not None:
            e[2] = float(w[q])
    if h.directed:
        ip, ix, pos = h.in_csr()
        for q in range(ip[v], ip[v + 1]):
            u = int(ix[q])
            if u == v:
                continue
            e = out.setdefault(u, [False, False, 1.0])
            e[0] = True
            if w is not None:
                e[2] = float(w[pos[q]])
    else:
        for e in out.values():
            e[0] = True
    return [(h.nodes[u], e[0], e[1], e[2]) for u, e in sorted(out.items())]
