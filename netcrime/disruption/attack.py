"""Node and edge attacks: removal orders, step-by-step outcome curves and their summaries."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import numba
import numpy as np
import pandas as pd

from .._core import (
    adaptive_betweenness_order,
    adaptive_degree_order,
    neighbour_csr,
    removal_curve,
)
from .._validation import check_bool, check_choice, check_float, check_int, check_rng
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
from .strategies import TIE_BREAKS, Strategy, _tie_keys, as_strategy, pick_best, rank_order

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
        if self.n_nodes == 0 or self._denominator() == 0:
            raise UndefinedMetricError("robustness is undefined for an attack on an empty "
                                       "network (no nodes, or no edges for an edge attack).")
        s = self.curve["lcc"].to_numpy(dtype=float)[1:] / self.n_nodes
        return float(s.sum() / self._denominator())

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
        x = self.curve["step"].to_numpy(dtype=float) / self._denominator()
        y = self.curve[metric].to_numpy(dtype=float)
        return float(np.trapezoid(y, x)) if len(x) > 1 else 0.0

    def _denominator(self) -> float:
        if self.target == "node":
            return float(self.n_nodes)
        return float(self.curve.attrs.get("n_edges", max(len(self.curve) - 1, 1)))

    def plot(self, ax: Any = None, metric: str = "lcc_frac", *, label: str | None = None,
             **kwargs: Any) -> Any:
        """Plot ``metric`` against the fraction removed; returns the matplotlib Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(5, 3.5))
        x = self.curve["step"].to_numpy(dtype=float) / self._denominator()
        ax.plot(x, self.curve[metric].to_numpy(dtype=float),
                label=label or f"{self.strategy} ({self.mode})", **kwargs)
        what = "nodes" if self.target == "node" else "edges"
        ax.set_xlabel(f"fraction of {what} removed")
        ax.set_ylabel(metric)
        return ax

    def __repr__(self) -> str:
        return (f"<AttackResult {self.strategy} ({self.mode}), {len(self.curve) - 1} removals, "
                f"N={self.n_nodes}, LCC0={self.lcc0}>")


# ---------------------------------------------------------------------------- helpers
def _nbr(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    if g.directed:
        ip, ix, _ = g.in_csr()
        return neighbour_csr(g.indptr, g.indices, True, ip, ix)
    return np.asarray(g.indptr, np.int64), np.asarray(g.indices, np.int64)


def _component_curve(g: Graph, order: np.ndarray, lcc0: int) -> dict[str, np.ndarray]:
    p, i = _nbr(g)
    lcc, sec, nc, pairs = removal_curve(p, i, np.asarray(order, np.int64))
    return {"lcc": lcc, "lcc_frac": lcc / lcc0 if lcc0 else np.full(len(lcc), np.nan),
            "second": sec, "n_components": nc, "reachable_pairs": pairs}


def _intact_stats(g: Graph) -> dict[str, int]:
    """Component statistics of the intact graph (one union-find pass, no removals)."""
    p, i = _nbr(g)
    lcc, sec, nc, pairs = removal_curve(p, i, np.zeros(0, np.int64))
    return {"lcc": int(lcc[0]), "second": int(sec[0]), "n_components": int(nc[0]),
            "reachable_pairs": int(pairs[0])}


def _progress(total: int, on: bool) -> Any:
    if not on:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="attack")


def _lcc_mask(h: Graph) -> np.ndarray:
    from .metrics import _components

    lab = _components(h)
    if len(lab) == 0:
        return np.zeros(0, bool)
    counts = np.bincount(lab)
    return lab == np.argmax(counts)


def _adaptive_betweenness(g: Graph, strat: Strategy, keys: np.ndarray, r: int,
                          lcc_only: bool, rng: np.random.Generator, bar: Any
                          ) -> tuple[np.ndarray, np.ndarray]:
    """Adaptive betweenness: after each removal only the component that held the removed
    node is recomputed (every other node's betweenness is unchanged)."""
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    from .._core import betweenness_kernel

    n = g.n_nodes
    distance = strat.params.get("distance")
    k = strat.params.get("k")
    lengths = None if distance is None else g.edge_values(
        distance, func="attack", param="strategy", positive=True)
    indptr = np.asarray(g.indptr)
    indices = np.asarray(g.indices)
    p, i = _nbr(g)
    rows = np.repeat(np.arange(n), np.diff(p))
    und = csr_array((np.ones(len(i)), (rows, i)), shape=(n, n))
    _, comp = connected_components(und, directed=False)
    comp = comp.astype(np.int64)
    next_label = int(comp.max()) + 1 if n else 0
    alive = np.ones(n, bool)
    scores = strat.scores(g, rng)
    order = np.empty(r, np.int64)
    got = np.empty(r)
    local = np.full(n, -1, np.int64)
    for step in range(r):
        s = np.where(alive, scores, np.nan)
        allowed = alive.copy()
        if lcc_only:
            sizes = np.bincount(comp[alive])
            big = np.flatnonzero(alive & (sizes[np.where(alive, comp, 0)] == sizes.max()))
            allowed &= comp == comp[big[0]]
        v = pick_best(s, keys, allowed)
        order[step] = v
        got[step] = scores[v]
        alive[v] = False
        members = np.flatnonzero(alive & (comp == comp[v]))
        if len(members):
            local[members] = np.arange(len(members))
            # induced sub-CSR of the component (directed CSR for the kernel)
            starts, ends = indptr[members], indptr[members + 1]
            cnt = ends - starts
            idx = np.repeat(starts - np.cumsum(np.r_[0, cnt[:-1]]), cnt) + np.arange(cnt.sum())
            cols = local[indices[idx]]
            keep = cols >= 0
            rr = np.repeat(np.arange(len(members)), cnt)[keep]
            sub_ptr = np.zeros(len(members) + 1, np.int64)
            np.cumsum(np.bincount(rr, minlength=len(members)), out=sub_ptr[1:])
            sub_idx = cols[keep]
            sub_len = None if lengths is None else lengths[idx][keep]
            m = len(members)
            sources = None
            scale = 1.0
            if k is not None and k < m:
                sources = np.sort(rng.choice(m, size=k, replace=False)).astype(np.int64)
                scale = m / k
            scores[members] = scale * betweenness_kernel(sub_ptr, sub_idx, m, g.directed,
                                                         lengths=sub_len, sources=sources)
            # split the component into its new pieces
            ip2, ix2 = p[members], p[members + 1]
            c2 = ix2 - ip2
            idx2 = np.repeat(ip2 - np.cumsum(np.r_[0, c2[:-1]]), c2) + np.arange(c2.sum())
            nb = local[i[idx2]]
            ok = nb >= 0
            rr2 = np.repeat(np.arange(m), c2)[ok]
            a = csr_array((np.ones(int(ok.sum())), (rr2, nb[ok])), shape=(m, m))
            nc, lab = connected_components(a, directed=False)
            comp[members] = next_label + lab
            next_label += nc
            local[members] = -1
        if bar is not None:
            bar.update(1)
    return order, got


# ---------------------------------------------------------------------------- attack
def attack(
    g: Any,
    /,
    strategy: Any,
    *,
    mode: str = "static",
    block_size: int = 5,
    max_removals: int | None = None,
    lcc_only: bool = False,
    recovery: Recovery | None = None,
    metrics: Any = DEFAULT_METRICS,
    tie_break: str = "first",
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
    other combinations recompute the strategy (and metrics) on the residual network at every
    step. Metrics other than the component metrics are evaluated on the residual network
    at every step.

    NaN rule. A metric that is undefined for the residual network (efficiency, information
    or trade-off with fewer than two nodes left) is NaN in that row; ``score`` is NaN in row
    0 and for nodes removed after every node with a finite score.

    Scores. ``score`` is the raw strategy score (betweenness: Brandes' dependency sum over
    ordered pairs, i.e. twice igraph's raw value for undirected graphs; degree: current
    degree).

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
    >>> res = nc.disruption.attack(nx.star_graph(4), "degree", max_removals=2)
    >>> res.curve[["step", "node", "lcc", "lcc_frac"]]
       step  node  lcc  lcc_frac
    0     0  None    5       1.0
    1     1     0    1       0.2
    2     2     1    1       0.2
    >>> round(nc.disruption.attack(nx.star_graph(4), "degree").robustness, 4)  # (N-1)/N^2
    0.16
    """
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
        from .._validation import param_error

        raise param_error(func, "recovery", "None or a netcrime.disruption.Recovery", recovery)
    mets = as_metrics(metrics, func=func)
    check_choice(tie_break, TIE_BREAKS, func=func, param="tie_break")
    ss = rng if isinstance(rng, np.random.SeedSequence) else None
    gen = check_rng(rng, func=func)
    if ss is None:
        ss = np.random.SeedSequence(int(gen.integers(2**63)))
    s_strat, s_metric, s_rec = ss.spawn(3)
    rng_strat = np.random.default_rng(s_strat)
    rng_metric = np.random.default_rng(s_metric)
    rng_rec = (check_rng(recovery.rng, func="Recovery") if recovery is not None
               and recovery.rng is not None else np.random.default_rng(s_rec))

    stages = {}
    for m in mets:
        if m.name == "stage_completeness":
            attr = m.params.get("attr", "stage")
            stages[attr] = stage_set(g, attr)
    comp0 = _intact_stats(g)
    lcc0 = comp0["lcc"]
    keys = _tie_keys(g.nodes, tie_break)
    bar = _progress(r, progress)
    only_comp = all(m.name in COMPONENT_METRICS for m in mets)

    order: np.ndarray | None = None
    got: np.ndarray | None = None
    if recovery is None and not lcc_only and mode == "static":
        scores = strat.scores(g, rng_strat)
        order = rank_order(scores, keys)[:r]
        got = scores[order]
    elif (recovery is None and not lcc_only and mode == "adaptive" and strat.kind == "degree"
          and strat.params.get("weight") is None):
        p, i = _nbr(g)
        order, sc = adaptive_degree_order(p, i, keys, r)
        got = sc.astype(float)
    elif (recovery is None and mode == "adaptive" and strat.kind == "betweenness"
          and strat.params.get("k") is None):
        distance = strat.params.get("distance")
        lengths = (np.zeros(len(g.indices)) if distance is None else g.edge_values(
            distance, func="attack", param="strategy", positive=True))
        p, i = _nbr(g)
        order, got = adaptive_betweenness_order(
            np.asarray(g.indptr), np.asarray(g.indices), np.ascontiguousarray(lengths),
            distance is not None, p, i, keys, r, lcc_only, numba.get_num_threads(),
            not g.directed)
    elif recovery is None and mode == "adaptive" and strat.kind == "betweenness":
        order, got = _adaptive_betweenness(g, strat, keys, r, lcc_only, rng_strat, bar)

    if order is not None:
        if bar is not None and strat.kind != "betweenness":
            bar.update(r)
        cols: dict[str, Any] = {
            "step": np.arange(r + 1),
            "node": _label_column(g, order),
            "score": np.r_[np.nan, got],
        }
        comp = _component_curve(g, order, lcc0)
        rest = [m for m in mets if m.name not in COMPONENT_METRICS]
        per_step: list[dict[str, float]] = []
        if not only_comp:
            keep = np.ones(n, bool)
            for k in range(r + 1):
                if k:
                    keep[order[k - 1]] = False
                h = g.take(np.flatnonzero(keep)) if k else g
                per_step.append(evaluate(h, rest, lcc0=lcc0, stages=stages, rng=rng_metric))
        for m in mets:
            if m.name in COMPONENT_METRICS:
                cols[m.name] = comp[m.name]
            else:
                cols[m.name] = [row[m.name] for row in per_step]
        if bar is not None:
            bar.close()
        curve = pd.DataFrame(cols)
        return AttackResult(curve=curve, strategy=strat.name, mode=mode, n_nodes=n, lcc0=lcc0,
                            recovery_log=_empty_log())

    # ---------------------------------------------------------------- generic loop
    h = g
    gid = np.arange(n, dtype=np.int64)  # global id of each current position
    static_scores = strat.scores(g, rng_strat) if mode == "static" else None
    rows: list[dict[str, Any]] = []
    first = {"step": 0, "node": None, "score": np.nan}
    first.update(evaluate(h, mets, lcc0=lcc0, stages=stages, rng=rng_metric, comp=comp0))
    if recovery is not None:
        first.update(edges_added=0, nodes_added=0)
    rows.append(first)
    log: list[tuple[int, Any, Any, str]] = []
    block: list[int] = []  # global ids still to remove in the current block
    n_recruits = 0
    for step in range(1, r + 1):
        if h.n_nodes == 0:
            break
        ckeys = _tie_keys(h.nodes, tie_break)
        allowed = _lcc_mask(h) if lcc_only else None
        if mode == "static":
            s = np.full(h.n_nodes, np.nan)
            orig = gid < n
            s[orig] = static_scores[gid[orig]]
        elif mode == "adaptive":
            s = strat.scores(h, rng_strat)
        else:
            block = [b for b in block if b in set(gid.tolist())]
            if not block:
                s_all = strat.scores(h, rng_strat)
                ranking = rank_order(s_all, ckeys)
                if allowed is not None:
                    ranking = ranking[allowed[ranking]]
                block = [int(gid[x]) for x in ranking[:block_size]]
                block_scores = {int(gid[x]): float(s_all[x]) for x in ranking[:block_size]}
            s = np.full(h.n_nodes, np.nan)
            pos_of = {int(x): j for j, x in enumerate(gid)}
            v = pos_of[block.pop(0)]
            s[v] = block_scores[int(gid[v])]
            allowed = None
        v = pick_best(s, ckeys, allowed)
        label = h.nodes[v:v + 1].tolist()[0]  # a plain Python label, as in the fast paths
        score = float(s[v])
        removed_attrs = h.node_attrs.iloc[v].to_dict() if len(h.node_attrs.columns) else {}
        ties = _orphan_ties(h, v) if recovery is not None else []
        keep = np.flatnonzero(np.arange(h.n_nodes) != v)
        h = h.take(keep)
        gid = gid[keep]
        added_e = added_n = 0
        if recovery is not None:
            new_label = _recruit_label(g, n_recruits)
            h2, entries = recovery.apply(h, label, removed_attrs, ties, rng_rec, new_label)
            if h2.n_nodes > h.n_nodes:
                n_recruits += 1
                added_n = 1
                gid = np.r_[gid, n + n_recruits - 1]
            h = h2
            added_e = sum(1 for e in entries if e[2] != "recruit")
            log.extend((step, *e) for e in entries)
        row = {"step": step, "node": label, "score": score}
        row.update(evaluate(h, mets, lcc0=lcc0, stages=stages, rng=rng_metric))
        if recovery is not None:
            row.update(edges_added=added_e, nodes_added=added_n)
        rows.append(row)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    labels = [row.pop("node") for row in rows]
    curve = pd.DataFrame(rows)
    curve.insert(1, "node", pd.Series(labels, dtype=object))
    logdf = (pd.DataFrame(log, columns=["step", "source", "target", "kind"]).astype(
        {"source": object, "target": object}) if log else _empty_log())
    return AttackResult(curve=curve, strategy=strat.name, mode=mode, n_nodes=n, lcc0=lcc0,
                        recovery_log=logdf)


def _label_column(g: Graph, order: np.ndarray) -> pd.Series:
    """Object column: None, then the labels of ``order`` (plain Python objects)."""
    col = np.empty(len(order) + 1, dtype=object)
    col[0] = None
    col[1:] = g.nodes.take(order).tolist()
    return pd.Series(col, dtype=object)


def _empty_log() -> pd.DataFrame:
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


def _metric_names(mets: list[Metric]) -> list[str]:
    return [m.name for m in mets]
