r"""Imperfect data: what an investigation sees of a network, and what that does to analyses.

* :func:`observe` -- draw an *observed* network from a true one under combinable error
  models (missing persons and ties, wiretap sampling, spurious ties, split and merged
  aliases) and keep the ground truth beside it (:class:`Observed`);
* :func:`sensitivity` -- how far a node metric or a graph statistic computed on the observed
  network is from its value on the truth, over a design of error types x levels x replicates;
* :func:`plan_on_observed` -- plan a removal on the observed network, apply it to the true
  one and compare the damage with the same strategy planned on the truth.

Conventions
-----------
Every error keyword of :func:`observe` takes a *rate* (a float in [0, 1]) or a small spec
(documented per keyword); ``None`` or ``0`` switches the model off. Models are applied in a
fixed order -- node missingness, tie missingness, wiretap, spurious ties, merged aliases,
split aliases -- and every draw comes from the one ``rng``: the same seed gives the same
observation. Every draw is vectorised over nodes and ties (Python loops run over snowball
waves only).

Morselli (2009) names the inaccuracy of relational data as the central problem of criminal
network analysis; Borgatti, Carley & Krackhardt (2006) measured how centrality rankings
degrade under such errors on random graphs.

References
----------
Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of centrality
measures under conditions of imperfect data. *Social Networks* 28(2), 124-136.
doi:10.1016/j.socnet.2005.05.001.
Morselli, C. (2009). *Inside Criminal Networks*. Springer. doi:10.1007/978-0-387-09526-4.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from ._core import betweenness_many, component_labels, node_betweenness
from ._validation import (
    MAX_REPEATS,
    check_executor,
    check_float,
    check_int,
    check_rng,
    param_error,
    readdressed,
)
from .exceptions import NetcrimeError
from .graph import Graph, as_graph

__all__ = [
    "ERRORS",
    "GRAPH_STATISTICS",
    "NODE_METRICS",
    "PLAN_METRICS",
    "Observed",
    "PlanResult",
    "observe",
    "plan_on_observed",
    "sensitivity",
]

#: The error keywords of :func:`observe`, in the order the models are applied.
ERRORS = ("node_missing", "tie_missing", "wiretap", "spurious_ties", "merge_aliases",
          "split_aliases")
_WIRETAP_BY = ("random", "degree", "role", "snowball")
_SPURIOUS_BETWEEN = ("uniform", "distance2")
#: Suffix of the label of the second observed node of a split person.
ALIAS_SUFFIX = "~alias"


# ---------------------------------------------------------------------- spec parsing
@dataclass(frozen=True)
class _Truth:
    """The true network as arrays (built once, shared by every replicate)."""

    n: int
    directed: bool
    src: np.ndarray
    dst: np.ndarray
    deg: np.ndarray
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def incidence(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Symmetric incidence CSR ``(indptr, neighbour, tie id)``: each tie once in each
        endpoint's row (loops once). Built on first use (wiretap snowball, distance 2)."""
        if "inc" not in self.cache:
            s, t, n = self.src, self.dst, self.n
            loop = s == t
            rows = np.concatenate([s, t[~loop]])
            cols = np.concatenate([t, s[~loop]])
            tid = np.concatenate([np.arange(len(s)), np.flatnonzero(~loop)])
            order = np.argsort(rows, kind="stable")
            ip = np.zeros(n + 1, np.int64)
            np.cumsum(np.bincount(rows, minlength=n), out=ip[1:])
            self.cache["inc"] = (ip, cols[order], tid[order])
        return self.cache["inc"]


def _truth(g: Graph) -> _Truth:
    s, t = g.edge_array()
    s, t = np.asarray(s, np.int64), np.asarray(t, np.int64)
    n = g.n_nodes
    deg = np.bincount(s, minlength=n) + np.bincount(t[s != t], minlength=n)
    return _Truth(n=n, directed=g.directed, src=s, dst=t, deg=deg)


def _is_rate(x: Any) -> bool:
    return isinstance(x, (numbers.Real, np.floating, np.integer)) and not isinstance(
        x, (bool, np.bool_))


def _rate(x: Any, func: str, param: str) -> float:
    return check_float(x, func=func, param=param, min=0.0, max=1.0)


def _attr_probs(g: Graph, probs: Mapping, attr: str, func: str, param: str) -> np.ndarray:
    """Per-node probabilities from ``{attribute value: probability}``; absent values -> 0."""
    if attr not in g.node_attrs.columns:
        raise param_error(func, "bias", "the name of a node attribute of the graph "
                          f"({', '.join(map(str, g.node_attrs.columns)) or 'none'}), "
                          "'uniform' or 'degree'", attr)
    col = g.node_attrs[attr]
    present = set(col.dropna().unique().tolist())
    out = np.zeros(g.n_nodes)
    for value, p in probs.items():
        if value not in present:
            raise param_error(func, param, f"a mapping whose keys are values of node "
                              f"attribute {attr!r} (unknown value {value!r})", dict(probs))
        out[(col == value).to_numpy(bool, na_value=False)] = _rate(p, func, param)
    return out


def _explicit(x: Any, g: Graph, rows: int, what: str, func: str, param: str) -> np.ndarray:
    if isinstance(x, pd.Series) and what == "node":
        try:
            arr = x.reindex(g.nodes).to_numpy(float)
        except (TypeError, ValueError):
            arr = np.full(rows, np.nan)
        if len(x) != rows or np.isnan(arr).any():
            raise param_error(func, param, "a Series with one probability per node, "
                              "indexed by the node labels", None, shown=f"a Series of {len(x)}")
    else:
        try:
            arr = np.asarray(x, dtype=float) if not isinstance(x, (str, bytes)) else \
                np.array([])
        except (TypeError, ValueError, OverflowError):
            raise param_error(func, param, f"a rate in [0, 1], a spec mapping or one "
                              f"probability per {what} ({rows})", x) from None
        if arr.shape != (rows,):
            raise param_error(func, param, f"a rate in [0, 1], a spec mapping or one "
                              f"probability per {what} ({rows})", None,
                              shown=f"an object of shape {arr.shape}")
    if not np.all((arr >= 0) & (arr <= 1)):
        bad = arr[~((arr >= 0) & (arr <= 1))][0]
        raise param_error(func, param, f"probabilities in [0, 1] (one per {what})", float(bad))
    return arr


def _degree_probs(p: float, w: np.ndarray) -> np.ndarray:
    """Probabilities proportional to ``w`` with mean ``p`` (clipped to 1)."""
    if len(w) == 0 or w.sum() == 0:
        return np.full(len(w), p)
    return np.minimum(1.0, p * len(w) * w / w.sum())


def _node_probs(x: Any, g: Graph, t: _Truth, bias: str, func: str) -> np.ndarray | None:
    param = "node_missing"
    if x is None:
        return None
    if isinstance(x, Mapping):
        if bias in ("uniform", "degree"):
            raise param_error(func, "bias", "the node attribute that the keys of the "
                              f"{param!r} mapping name", bias)
        return _attr_probs(g, x, bias, func, param)
    if _is_rate(x):
        p = _rate(x, func, param)
        if p == 0:
            return None
        if bias == "degree":  # peripheral persons are missed more: w = 1 / (degree + 1)
            return _degree_probs(p, 1.0 / (t.deg + 1.0))
        return np.full(t.n, p)  # uniform (also when bias names an attribute)
    return _explicit(x, g, t.n, "node", func, param)


def _tie_probs(x: Any, g: Graph, t: _Truth, bias: str, func: str) -> np.ndarray | None:
    param = "tie_missing"
    if x is None:
        return None
    if isinstance(x, Mapping):
        if bias in ("uniform", "degree"):
            raise param_error(func, "bias", "the node attribute that the keys of the "
                              f"{param!r} mapping name", bias)
        pn = _attr_probs(g, x, bias, func, param)
        return np.minimum(pn[t.src], pn[t.dst])
    if _is_rate(x):
        p = _rate(x, func, param)
        if p == 0:
            return None
        if bias == "degree":  # ties between peripheral persons are missed more
            return _degree_probs(p, 1.0 / (t.deg[t.src] + t.deg[t.dst]).astype(float))
        return np.full(len(t.src), p)  # uniform (also when bias names an attribute)
    return _explicit(x, g, len(t.src), "tie", func, param)


@dataclass(frozen=True)
class _Tap:
    by: str
    n_tapped: int | None
    pool: np.ndarray | None  # eligible positions (by="role")
    seeds: np.ndarray | None  # seed positions (by="snowball")
    waves: int


def _wiretap(x: Any, g: Graph, t: _Truth, func: str) -> _Tap | None:
    param = "wiretap"
    if x is None:
        return None
    if isinstance(x, (numbers.Integral, np.integer)) and not isinstance(x, bool):
        x = {"n_tapped": x}
    if not isinstance(x, Mapping):
        raise param_error(func, param, "None, an int (persons tapped at random) or a "
                          "mapping with keys 'by', 'n_tapped', 'roles', 'seeds', 'waves'", x)
    extra = set(x) - {"by", "n_tapped", "roles", "seeds", "waves"}
    if extra:
        raise param_error(func, param, "a mapping with keys among 'by', 'n_tapped', "
                          "'roles', 'seeds', 'waves'", sorted(map(str, extra)))
    by = x.get("by", "random")
    if by not in _WIRETAP_BY:
        raise param_error(func, param, "a mapping whose 'by' is one of "
                          + ", ".join(map(repr, _WIRETAP_BY)), by)
    nt = x.get("n_tapped")
    if nt is not None:
        nt = check_int(nt, func=func, param=param, min=0, max=t.n)
    elif by in ("random", "degree"):
        raise param_error(func, param, f"a mapping with 'n_tapped' when by={by!r}", dict(x))
    pool = seeds = None
    if by == "role":
        roles = x.get("roles")
        if roles is None or "role" not in g.node_attrs.columns:
            raise param_error(func, param, "a mapping with 'roles' (values of the node "
                              "attribute 'role') when by='role'", dict(x))
        roles = [roles] if isinstance(roles, str) else list(roles)
        col = g.node_attrs["role"]
        present = set(col.dropna().unique().tolist())
        unknown = [r for r in roles if r not in present]
        if unknown:
            raise param_error(func, param, "a mapping whose 'roles' are values of the "
                              "node attribute 'role'", unknown[0])
        pool = np.flatnonzero(col.isin(roles).to_numpy(bool))
    if by == "snowball":
        if x.get("seeds") is None:
            raise param_error(func, param, "a mapping with 'seeds' (node labels) when "
                              "by='snowball'", dict(x))
        seeds = np.unique(g.node_index(list(x["seeds"]), func=func, param=param))
    waves = check_int(x.get("waves", 1), func=func, param=param, min=1)
    return _Tap(by=by, n_tapped=nt, pool=pool, seeds=seeds, waves=waves)


def _spurious(x: Any, func: str) -> tuple[float, str] | None:
    param = "spurious_ties"
    if x is None:
        return None
    if _is_rate(x):
        q = _rate(x, func, param)
        return (q, "uniform") if q > 0 else None
    if isinstance(x, Mapping) and set(x) <= {"p", "between"} and "p" in x:
        between = x.get("between", "uniform")
        if between not in _SPURIOUS_BETWEEN:
            raise param_error(func, param, "a mapping whose 'between' is 'uniform' or "
                              "'distance2'", between)
        q = _rate(x["p"], func, param)
        return (q, between) if q > 0 else None
    raise param_error(func, param, "None, a rate in [0, 1] or a mapping "
                      "{'p': rate, 'between': 'uniform' | 'distance2'}", x)


@dataclass(frozen=True)
class _Design:
    node_p: np.ndarray | None
    tie_p: np.ndarray | None
    tap: _Tap | None
    spurious: tuple[float, str] | None
    merge: float
    split: float


def _design(g: Graph, t: _Truth, kw: Mapping[str, Any], func: str) -> _Design:
    bias = kw.get("bias", "uniform")
    bias = "uniform" if bias is None else bias
    if not isinstance(bias, str):
        raise param_error(func, "bias", "None, 'uniform', 'degree' or a node attribute name",
                          bias)
    if bias not in ("uniform", "degree") and bias not in g.node_attrs.columns:
        raise param_error(func, "bias", "None, 'uniform', 'degree' or the name of a node "
                          "attribute of the graph", bias)

    def alias(name: str) -> float:
        v = kw.get(name)
        return 0.0 if v is None else _rate(v, func, name)

    return _Design(
        node_p=_node_probs(kw.get("node_missing"), g, t, bias, func),
        tie_p=_tie_probs(kw.get("tie_missing"), g, t, bias, func),
        tap=_wiretap(kw.get("wiretap"), g, t, func),
        spurious=_spurious(kw.get("spurious_ties"), func),
        merge=alias("merge_aliases"), split=alias("split_aliases"))


# ---------------------------------------------------------------------- the draw
@dataclass(frozen=True)
class _Draw:
    """One observation as arrays (positions of the true graph)."""

    n_obs: int
    obs_src: np.ndarray
    obs_dst: np.ndarray
    tie_of: np.ndarray  # true tie id of each observed tie, -1 = spurious
    id_obs: np.ndarray  # identity pairs (observed position, true position)
    id_true: np.ndarray
    primary: np.ndarray  # true position standing for each observed node
    seen_node: np.ndarray  # bool over true nodes
    seen_tie: np.ndarray  # bool over true ties
    split_of: np.ndarray  # true positions split in two (copies follow the kept nodes)
    merged: np.ndarray  # (k, 2) true positions merged (second into first)


def _tapped(tap: _Tap, t: _Truth, node_ok: np.ndarray, tie_ok: np.ndarray,
            gen: np.random.Generator) -> np.ndarray:
    tapped = np.zeros(t.n, bool)
    cand = np.flatnonzero(node_ok)
    if tap.by == "random":
        k = min(tap.n_tapped, len(cand))
        tapped[gen.choice(cand, size=k, replace=False)] = True
    elif tap.by == "degree":  # drawn with probability proportional to degree
        w = t.deg[cand].astype(float)
        k = min(tap.n_tapped, int((w > 0).sum()))
        if k:
            tapped[gen.choice(cand, size=k, replace=False, p=w / w.sum())] = True
    elif tap.by == "role":
        pool = tap.pool[node_ok[tap.pool]]
        k = len(pool) if tap.n_tapped is None else min(tap.n_tapped, len(pool))
        tapped[gen.choice(pool, size=k, replace=False) if k < len(pool) else pool] = True
    else:  # snowball: wave 1 taps the seeds, each next wave the contacts heard so far
        frontier = tap.seeds[node_ok[tap.seeds]]
        tapped[frontier] = True
        ip, ix, tid = t.incidence() if tap.waves > 1 else (None, None, None)
        for _ in range(tap.waves - 1):
            rows = np.repeat(np.arange(t.n), np.diff(ip))
            sel = np.isin(rows, frontier) & tie_ok[tid]
            new = np.unique(ix[sel])
            new = new[~tapped[new] & node_ok[new]]
            if tap.n_tapped is not None:
                room = tap.n_tapped - int(tapped.sum())
                if room <= 0:
                    break
                if len(new) > room:
                    new = np.sort(gen.choice(new, size=room, replace=False))
            tapped[new] = True
            frontier = new
    return tapped


def _pairs_uniform(k: int, nodes: np.ndarray, gen: np.random.Generator
                   ) -> tuple[np.ndarray, np.ndarray]:
    a = nodes[gen.integers(len(nodes), size=k)]
    b = nodes[gen.integers(len(nodes), size=k)]
    return a, b


def _pairs_distance2(k: int, t: _Truth, node_ok: np.ndarray, tie_ok: np.ndarray,
                     gen: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Close ``k`` random two-paths a - w - b of the seen ties (middle w drawn by
    ``d_w (d_w - 1)``, then two of its seen contacts)."""
    ip, ix, tid = t.incidence()
    ent = tie_ok[tid] & node_ok[ix]
    rows = np.repeat(np.arange(t.n), np.diff(ip))
    ent &= node_ok[rows]
    idx = np.flatnonzero(ent)
    d = np.bincount(rows[idx], minlength=t.n).astype(float)
    w = d * (d - 1)
    if w.sum() == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    mid = gen.choice(t.n, size=k, p=w / w.sum())
    start = np.zeros(t.n + 1, np.int64)
    np.cumsum(d.astype(np.int64), out=start[1:])
    i = gen.integers(d[mid].astype(np.int64))
    j = gen.integers(d[mid].astype(np.int64) - 1)
    j = j + (j >= i)
    return ix[idx[start[mid] + i]], ix[idx[start[mid] + j]]


def _add_spurious(q: float, between: str, t: _Truth, node_ok: np.ndarray,
                  tie_ok: np.ndarray, gen: np.random.Generator
                  ) -> tuple[np.ndarray, np.ndarray]:
    """``Binomial(seen ties, q)`` new ties between seen persons, not already tied."""
    k = int(gen.binomial(int(tie_ok.sum()), q))
    nodes = np.flatnonzero(node_ok)
    nn = np.int64(max(t.n, 1))
    if k == 0 or len(nodes) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)

    def key(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if not t.directed:
            a, b = np.minimum(a, b), np.maximum(a, b)
        return a * nn + b

    taken = _sorted_unique(np.concatenate([key(t.src, t.dst), key(t.dst, t.src)])
                           if t.directed else key(t.src, t.dst))
    got = np.empty(0, np.int64)
    for _ in range(20):  # rejection rounds; stops short only on near-complete graphs
        want = k - len(got)
        if want <= 0:
            break
        if between == "uniform":
            a, b = _pairs_uniform(2 * want + 8, nodes, gen)
        else:
            a, b = _pairs_distance2(2 * want + 8, t, node_ok, tie_ok, gen)
        kk = key(a, b)[a != b]
        kk = kk[~_member(taken, kk) & ~_member(np.sort(got), kk)]
        _, first = np.unique(kk, return_index=True)
        got = np.concatenate([got, kk[np.sort(first)][:want]])
    return got // nn, got % nn


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a sort and one comparison; numpy's hash-based unique is far
    slower on millions of int64 keys)."""
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def _member(sorted_keys: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``x in sorted_keys`` elementwise, by binary search (``O(len(x) log n)``)."""
    if len(sorted_keys) == 0:
        return np.zeros(len(x), bool)
    i = np.searchsorted(sorted_keys, x)
    i[i == len(sorted_keys)] = 0
    return sorted_keys[i] == x


def _merge(seen: np.ndarray, p: float, gen: np.random.Generator) -> np.ndarray:
    """Disjoint pairs of seen persons merged into one node: ``Binomial(floor(k/2), p)``."""
    nodes = np.flatnonzero(seen)
    k = int(gen.binomial(len(nodes) // 2, p)) if p > 0 else 0
    if k == 0:
        return np.empty((0, 2), np.int64)
    pick = gen.permutation(nodes)[: 2 * k].reshape(k, 2)
    return np.sort(pick, axis=1)


def _draw(t: _Truth, d: _Design, gen: np.random.Generator) -> _Draw:
    node_ok = np.ones(t.n, bool) if d.node_p is None else gen.random(t.n) < 1.0 - d.node_p
    tie_ok = np.ones(len(t.src), bool) if d.tie_p is None else (
        gen.random(len(t.src)) < 1.0 - d.tie_p)
    tie_ok &= node_ok[t.src] & node_ok[t.dst]
    if d.tap is not None:
        tapped = _tapped(d.tap, t, node_ok, tie_ok, gen)
        tie_ok &= tapped[t.src] | tapped[t.dst]
        heard = np.zeros(t.n, bool)
        heard[t.src[tie_ok]] = True
        heard[t.dst[tie_ok]] = True
        node_ok &= tapped | heard
    sp_a, sp_b = (_add_spurious(*d.spurious, t, node_ok, tie_ok, gen)
                  if d.spurious is not None else (np.empty(0, np.int64),) * 2)
    merged = _merge(node_ok, d.merge, gen)
    # node map true -> observed: kept persons in true order, merged seconds fold into firsts
    into = np.arange(t.n)
    into[merged[:, 1]] = merged[:, 0]
    kept = node_ok.copy()
    kept[merged[:, 1]] = False
    pos = np.full(t.n, -1, np.int64)
    kept_idx = np.flatnonzero(kept)
    pos[kept_idx] = np.arange(len(kept_idx))
    tie_id = np.flatnonzero(tie_ok)
    a, b = t.src[tie_id], t.dst[tie_id]
    if len(sp_a):
        tie_id = np.concatenate([tie_id, np.full(len(sp_a), -1)])
        a, b = np.concatenate([a, sp_a]), np.concatenate([b, sp_b])
    a, b = pos[into[a] if len(merged) else a], pos[into[b] if len(merged) else b]
    # split aliases among persons not merged: each end of each tie goes to a copy at random
    cand = np.flatnonzero(kept)
    cand = cand[~np.isin(cand, merged[:, 0])]
    split_of = cand[gen.random(len(cand)) < d.split] if d.split > 0 else cand[:0]
    n_obs = len(kept_idx) + len(split_of)
    if len(split_of):
        copy = np.full(t.n, -1, np.int64)
        copy[split_of] = len(kept_idx) + np.arange(len(split_of))
        owner = np.full(len(kept_idx), -1, np.int64)
        owner[pos[split_of]] = copy[split_of]
        coin = gen.random((2, len(a))) < 0.5
        a = np.where((owner[a] >= 0) & coin[0], owner[a], a)
        b = np.where((owner[b] >= 0) & coin[1], owner[b], b)
    if len(merged):  # only a merge can make loops and repeated pairs
        a, b, tie_id = _dedupe(a, b, tie_id, n_obs, t.directed)
    primary = np.concatenate([kept_idx, split_of])
    id_obs = np.concatenate([np.arange(n_obs), pos[merged[:, 0]]])
    id_true = np.concatenate([primary, merged[:, 1]])
    return _Draw(n_obs=n_obs, obs_src=a, obs_dst=b, tie_of=tie_id, id_obs=id_obs,
                 id_true=id_true, primary=primary, seen_node=node_ok, seen_tie=tie_ok,
                 split_of=split_of, merged=merged)


def _dedupe(a: np.ndarray, b: np.ndarray, tie_id: np.ndarray, n: int, directed: bool
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop loops made by merges and repeated pairs (the first tie in input order stays);
    undirected ties canonical ``a <= b``."""
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    ok = a != b
    a, b, tie_id = a[ok], b[ok], tie_id[ok]
    key = a * np.int64(max(n, 1)) + b
    if len(key) > 1 and not (np.diff(key) > 0).all():
        _, first = np.unique(key, return_index=True)
        first = np.sort(first)
        a, b, tie_id = a[first], b[first], tie_id[first]
    return a, b, tie_id


# ---------------------------------------------------------------------- the result
@dataclass(frozen=True)
class Observed:
    """An observed network and its ground truth (returned by :func:`observe`).

    Attributes
    ----------
    graph : Graph
        The observed network. Node labels are the true labels, except the second node of a
        split person, labelled ``f"{label}~alias"``; a merged node carries the label (and
        the node attributes) of the first of its two persons. Edge attributes of true ties
        follow them; the bool edge column ``spurious`` marks false ties (whose other
        attributes are missing).
    truth : Graph
        The true network that was observed.
    identity : pandas.DataFrame
        Columns ``observed``, ``true``: one row per (observed node, true person) pair. A
        person seen once has one row, a split person two rows (two observed nodes), a merged
        node two rows (two persons).
    missed_nodes : pandas.Index
        True persons with no observed node.
    missed_ties : pandas.DataFrame
        ``source``, ``target`` (true labels) of the true ties not observed.
    spurious_ties : pandas.DataFrame
        ``source``, ``target`` (observed labels) of the observed ties that are false.
    alias_groups : pandas.DataFrame
        Columns ``kind`` (``"split"`` or ``"merge"``), ``group`` (int), ``true``,
        ``observed``: one row per member of each alias group.
    tie_seen : numpy.ndarray
        Bool, one per true tie in ``truth.edge_array()`` order: whether it was observed
        (before aliases renamed its ends).
    """

    graph: Graph
    truth: Graph
    identity: pd.DataFrame
    missed_nodes: pd.Index
    missed_ties: pd.DataFrame
    spurious_ties: pd.DataFrame
    alias_groups: pd.DataFrame
    tie_seen: np.ndarray

    @property
    def true_label(self) -> pd.Series:
        """The true person each observed node stands for (a merged node: its first
        person), indexed by observed label."""
        first = self.identity.drop_duplicates("observed")
        return pd.Series(first["true"].to_numpy(), index=pd.Index(first["observed"]),
                         name="true")

    def summary(self) -> pd.Series:
        """Counts of what the observation kept, lost, added and aliased.

        Returns
        -------
        pandas.Series
            ``true_nodes, true_ties, observed_nodes, observed_ties, missed_nodes,
            missed_ties, spurious_ties, split_persons, merged_pairs``, ``node_coverage``
            (share of persons seen) and ``tie_coverage`` (share of true ties seen).
        """
        nt, mt = self.truth.n_nodes, self.truth.n_edges
        split = self.alias_groups[self.alias_groups["kind"] == "split"]["group"].nunique()
        merge = self.alias_groups[self.alias_groups["kind"] == "merge"]["group"].nunique()
        out = {
            "true_nodes": nt, "true_ties": mt,
            "observed_nodes": self.graph.n_nodes, "observed_ties": self.graph.n_edges,
            "missed_nodes": len(self.missed_nodes), "missed_ties": len(self.missed_ties),
            "spurious_ties": len(self.spurious_ties), "split_persons": int(split),
            "merged_pairs": int(merge),
            "node_coverage": (nt - len(self.missed_nodes)) / nt if nt else math.nan,
            "tie_coverage": (mt - len(self.missed_ties)) / mt if mt else math.nan,
        }
        return pd.Series(out, dtype=object, name="observation")


def _alias_labels(labels: pd.Index, split_of: np.ndarray) -> list:
    taken = set(labels.tolist())
    out = []
    for lab in labels[split_of].tolist():  # one label per split person
        new = f"{lab}{ALIAS_SUFFIX}"
        while new in taken:
            new += ALIAS_SUFFIX
        taken.add(new)
        out.append(new)
    return out


def _observed_graph(g: Graph, t: _Truth, dr: _Draw, func: str) -> Graph:
    labels = g.nodes
    kept = dr.primary[: dr.n_obs - len(dr.split_of)]
    obs_labels = labels[kept]
    if len(dr.split_of):
        obs_labels = pd.Index(list(obs_labels) + _alias_labels(labels, dr.split_of),
                              tupleize_cols=False)
    na = g.node_attrs.iloc[dr.primary].reset_index(drop=True)
    true_ties = dr.tie_of >= 0
    ea = g.edge_attrs.iloc[np.where(true_ties, dr.tie_of, 0)].reset_index(drop=True)
    if not true_ties.all():  # a false tie has missing attributes and the unit weight
        keep = pd.Series(true_ties)
        for c in ea.columns:
            ea[c] = ea[c].where(keep, 1.0) if c == "weight" else ea[c].where(keep)
    ea["spurious"] = ~true_ties
    return Graph.from_positions(
        dr.n_obs, dr.obs_src, dr.obs_dst, directed=g.directed,
        nodes=obs_labels, node_attrs=na, edge_attrs=ea,
        multiedges="error", self_loops="keep", meta=dict(g.meta), func=func, param="g")


def _result(g: Graph, t: _Truth, dr: _Draw, func: str) -> Observed:
    h = _observed_graph(g, t, dr, func)
    lab, olab = g.nodes, h.nodes
    order = np.argsort(dr.id_obs, kind="stable")  # by observed position
    identity = pd.DataFrame({"observed": olab[dr.id_obs[order]],
                             "true": lab[dr.id_true[order]]})
    seen_person = np.zeros(t.n, bool)
    seen_person[dr.id_true] = True
    miss = ~dr.seen_tie
    sp = dr.tie_of < 0
    nk = dr.n_obs - len(dr.split_of)
    split_rows = pd.DataFrame({
        "kind": "split", "group": np.repeat(np.arange(len(dr.split_of)), 2),
        "true": lab[np.repeat(dr.split_of, 2)],
        "observed": olab[np.column_stack([np.searchsorted(dr.primary[:nk], dr.split_of),
                                          nk + np.arange(len(dr.split_of))]).ravel()]})
    k0 = len(dr.split_of)
    merge_rows = pd.DataFrame({
        "kind": "merge", "group": k0 + np.repeat(np.arange(len(dr.merged)), 2),
        "true": lab[dr.merged.ravel()],
        "observed": olab[np.repeat(np.searchsorted(dr.primary[:nk], dr.merged[:, 0]), 2)]})
    groups = pd.concat([split_rows, merge_rows], ignore_index=True)
    return Observed(
        graph=h, truth=g, identity=identity, missed_nodes=lab[~seen_person],
        missed_ties=pd.DataFrame({"source": lab[t.src[miss]], "target": lab[t.dst[miss]]}),
        spurious_ties=pd.DataFrame({"source": olab[dr.obs_src[sp]],
                                    "target": olab[dr.obs_dst[sp]]}),
        alias_groups=groups, tie_seen=dr.seen_tie)


def observe(
    g: Any,
    /,
    *,
    node_missing: Any = None,
    tie_missing: Any = None,
    spurious_ties: Any = None,
    wiretap: Any = None,
    split_aliases: float | None = None,
    merge_aliases: float | None = None,
    bias: str | None = None,
    rng: Any = None,
) -> Observed:
    r"""Draw what an investigation observes of a true network, with the ground truth.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
        The true network.
    node_missing : None, float, mapping, array-like or Series
        Each person is missed (absent from the observed network, with all its ties)
        independently with a probability given as

        * a rate ``p`` in [0, 1]: the same for everyone (``bias=None``/``"uniform"``), or
          with ``bias="degree"`` proportional to ``1 / (degree + 1)`` with mean ``p``
          (clipped to 1): peripheral persons are missed more;
        * a mapping ``{value: p}`` with ``bias=<node attribute>``: per value of that
          attribute, e.g. ``{"leader": 0.6}`` with ``bias="role"`` (leaders are seen less);
          values not in the mapping are never missed; a key that is not a value of the
          attribute is an error;
        * one probability per node (array in node order, or a Series indexed by label).
    tie_missing : None, float, mapping or array-like
        Each true tie between two seen persons is missed independently with a probability
        given as a rate (``bias="degree"``: proportional to ``1 / (d_u + d_v)``, mean ``p``),
        a per-value mapping with ``bias=<node attribute>`` (a tie is missed with the
        *smaller* of its endpoints' probabilities: it is seen as soon as the more exposed
        endpoint is), or one probability per tie (in ``g.edge_array()`` order). The draw is
        ``u < 1 - p`` keeps the tie, ``u`` uniform, one per tie in tie order.
    spurious_ties : None, float or mapping
        False ties. A rate ``q`` adds ``Binomial(T, q)`` ties (``T`` = true ties seen)
        between seen persons not already tied, uniformly at random; the mapping
        ``{"p": q, "between": "distance2"}`` instead closes random open two-paths
        ``a - w - b`` of the seen ties (a false tie between persons at distance 2, the
        typical confusion of a shared contact).
    wiretap : None, int or mapping
        Only ties incident to a tapped person are seen; a person is observed if tapped or
        heard on a seen tie. An int ``k`` taps ``k`` persons at random. A mapping with
        ``"by"``:

        * ``"random"`` / ``"degree"`` with ``"n_tapped"``: at random, or drawn with
          probability proportional to degree (busy phones get tapped);
        * ``"role"`` with ``"roles"`` (values of the node attribute ``role``) and
          optionally ``"n_tapped"`` (default all of them);
        * ``"snowball"`` with ``"seeds"`` (node labels of the first suspects), ``"waves"``
          (default 1: only the seeds) and optionally ``"n_tapped"`` (a cap on the tapped
          persons): wave ``i + 1`` taps every contact heard on the taps of wave ``i``.
    split_aliases : None or float
        Each seen person (not merged) is, with this probability, observed as two nodes (two
        aliases); each end of each of its ties goes to either node with probability 1/2.
    merge_aliases : None or float
        ``Binomial(floor(k / 2), p)`` disjoint pairs of the ``k`` seen persons are observed
        as one node (one alias used by two persons): their ties are united, a tie between
        them disappears.
    bias : None or str
        How the rates of ``node_missing`` and ``tie_missing`` are spread (see there):
        ``None``/``"uniform"``, ``"degree"``, or a node attribute naming the keys of their
        mappings (a plain rate stays uniform then).
    rng : None, int or numpy.random.Generator
        The models draw in the order node missingness, tie missingness, wiretap, spurious
        ties, merges, splits; a model switched off draws nothing.

    Returns
    -------
    Observed
        The observed graph and the ground truth (``identity``, ``missed_nodes``,
        ``missed_ties``, ``spurious_ties``, ``alias_groups``, ``summary()``).

    Raises
    ------
    ParameterError
        A rate outside [0, 1], a mapping key that is not a value of the ``bias``
        attribute, an unknown wiretap spec, seed labels not in the graph.

    Notes
    -----
    Time and memory linear in nodes and ties (one random number per node, tie and
    tie end at most; sorting only when merges or splits may repeat a pair).

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> obs = nc.observation.observe(nx.karate_club_graph(), tie_missing=0.2, rng=1)
    >>> s = obs.summary()
    >>> int(s["observed_ties"] + s["missed_ties"]) == int(s["true_ties"])
    True
    >>> obs = nc.observation.observe(nx.path_graph(4), wiretap={"by": "snowball",
    ...                              "seeds": [0], "waves": 2}, rng=1)
    >>> sorted(obs.graph.nodes)
    [0, 1, 2]
    """
    func = "observe"
    g = as_graph(g, func=func, param="g")
    gen = check_rng(rng, func=func)
    t = _truth(g)
    kw = dict(node_missing=node_missing, tie_missing=tie_missing, spurious_ties=spurious_ties,
              wiretap=wiretap, split_aliases=split_aliases, merge_aliases=merge_aliases,
              bias=bias)
    d = _design(g, t, kw, func)
    return _result(g, t, _draw(t, d, gen), func)


# ---------------------------------------------------------------------- sensitivity
def _node_metric_table() -> dict[str, Callable[[Graph], pd.Series]]:
    from . import brokerage, centrality
    return {
        "degree": centrality.degree, "betweenness": centrality.betweenness,
        "closeness": centrality.closeness, "harmonic": centrality.harmonic,
        "eigenvector": centrality.eigenvector, "pagerank": centrality.pagerank,
        "katz": centrality.katz, "constraint": brokerage.constraint,
        "effective_size": brokerage.effective_size, "efficiency": brokerage.efficiency,
        "hierarchy": brokerage.hierarchy, "ego_betweenness": brokerage.ego_betweenness,
    }


def _density(h: Graph) -> float:
    n = h.n_nodes
    pairs = n * (n - 1) / (1 if h.directed else 2)
    return h.n_edges / pairs if pairs else math.nan


def _mean_degree(h: Graph) -> float:
    return float(h.degree().mean()) if h.n_nodes else math.nan


def _gould_fernandez_z(h: Graph, groups: str) -> pd.Series:
    import warnings

    from .brokerage import gould_fernandez
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return gould_fernandez(h, groups=groups).nodes["z_total"]


def _graph_stat_table() -> dict[str, Callable[[Graph], float]]:
    from . import covert

    return {"density": _density, "mean_degree": _mean_degree,
            "global_efficiency": covert.global_efficiency,
            "centralization": covert.centralization}


#: Node metrics :func:`sensitivity` accepts by name (plus ``"gould_fernandez"``: the
#: ``z_total`` column of :func:`netcrime.brokerage.gould_fernandez` with ``groups=``).
NODE_METRICS = ("degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                "katz", "constraint", "effective_size", "efficiency", "hierarchy",
                "ego_betweenness", "gould_fernandez")
#: Graph statistics :func:`sensitivity` accepts by name.
GRAPH_STATISTICS = ("density", "mean_degree", "global_efficiency", "centralization")
_FAST = ("degree", "betweenness")
#: Columns of a node-metric row of :func:`sensitivity`.
NODE_STATS = ("spearman", "kendall", "top1", "overlap_1", "overlap_3", "overlap_10pct",
              "coverage")
GRAPH_STATS = ("value", "true_value", "bias", "relative_error")


@dataclass(frozen=True)
class _Metric:
    label: str
    node: bool
    fn: Callable[[Graph], Any] | None  # None: fast kernel path by label
    fast: bool


def _metric(m: Any, g: Graph, groups: Any, func: str) -> _Metric:
    if isinstance(m, str):
        if m in _FAST:
            return _Metric(m, True, None, True)
        if m == "gould_fernandez":
            if groups is None:
                raise param_error(func, "groups", "a node attribute name when metric "
                                  "'gould_fernandez' is asked for", groups)
            return _Metric(m, True, partial(_gould_fernandez_z, groups=groups), False)
        nodes, stats = _node_metric_table(), _graph_stat_table()
        if m in nodes:
            return _Metric(m, True, nodes[m], False)
        if m in stats:
            return _Metric(m, False, stats[m], False)
        raise param_error(func, "metric", "a node metric (" + ", ".join(NODE_METRICS)
                          + "), a graph statistic (" + ", ".join(GRAPH_STATISTICS)
                          + ") or a callable", m)
    if callable(m):
        probe = m(g)
        node = isinstance(probe, pd.Series)
        if not node and not _is_rate(probe):
            raise param_error(func, "metric", "a callable returning a node Series or a "
                              "float", None, shown=f"a callable returning {type(probe).__name__}")
        name = getattr(m, "__name__", None) or getattr(getattr(m, "func", None),
                                                         "__name__", "metric")
        return _Metric(name, node, m, False)
    raise param_error(func, "metric", "a metric name or a callable g -> Series | float", m)


def _csr(n: int, a: np.ndarray, b: np.ndarray, directed: bool) -> tuple[np.ndarray, ...]:
    if not directed:
        a, b = np.concatenate([a, b]), np.concatenate([b, a])
    order = np.argsort(a * np.int64(max(n, 1)) + b, kind="stable")
    ip = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(a, minlength=n), out=ip[1:])
    return ip, b[order].astype(np.int64)


def _fast_scores(label: str, n: int, a: np.ndarray, b: np.ndarray, directed: bool
                 ) -> np.ndarray:
    if label == "degree":
        return (np.bincount(a, minlength=n) + np.bincount(b, minlength=n)).astype(float)
    ip, ix = _csr(n, a, b, directed)
    return node_betweenness(ip, ix)


def _rank(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean rank)."""
    order = np.argsort(x, kind="stable")
    xs = x[order]
    new = np.empty(len(x), bool)
    new[:1] = True
    np.not_equal(xs[1:], xs[:-1], out=new[1:])
    grp = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], len(x))
    avg = (starts + ends - 1) / 2.0
    r = np.empty(len(x))
    r[order] = avg[grp]
    return r


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    x = x - x.mean()
    y = y - y.mean()
    den = math.sqrt(float(x @ x) * float(y @ y))
    return float(x @ y) / den if den > 0 else math.nan


def _kendall_b(x: np.ndarray, y: np.ndarray, sx: np.ndarray | None = None) -> float:
    """Kendall's tau-b; ``sx`` = the pair signs of ``x`` if already known."""
    if len(x) > _KENDALL_DENSE:
        from scipy.stats import kendalltau
        return float(kendalltau(x, y).statistic)
    if sx is None:
        sx = np.sign(x[:, None] - x[None, :])
    sy = np.sign(y[:, None] - y[None, :])
    num = float((sx * sy).sum())
    den = math.sqrt(float(np.abs(sx).sum()) * float(np.abs(sy).sum()))
    return num / den if den > 0 else math.nan


#: Above this many persons Kendall's tau-b comes from scipy (O(n log n)), below from the
#: O(n^2) pair signs.
_KENDALL_DENSE = 2000


def _order(score: np.ndarray) -> np.ndarray:
    """Positions by decreasing finite score (ties: lowest position first); NaN last."""
    return np.argsort(np.where(np.isfinite(score), -score, np.inf), kind="stable")


@dataclass(frozen=True)
class _TrueRank:
    """The true scores of one metric, snapped, with their top order (computed once)."""

    score: np.ndarray
    rank: np.ndarray  # place of each person in the true top order; n if undefined
    top: int  # the true top actor (-1 if no finite score)
    avg_rank: np.ndarray | None  # average ranks of all persons (when all are finite)
    signs: np.ndarray | None  # pair signs of all persons (small graphs, all finite)

    @classmethod
    def of(cls, true: np.ndarray) -> _TrueRank:
        x = _snap(np.asarray(true, float))
        order = _order(x)
        rank = np.empty(len(x), np.int64)
        rank[order] = np.arange(len(x))
        rank[~np.isfinite(x)] = len(x)
        fin = x[np.isfinite(x)]
        # no top actor when every defined score ties (e.g. betweenness of a forest of stars'
        # leaves, or of an edgeless graph): the top-k statistics are then NaN
        top = int(order[0]) if len(fin) and fin.max() > fin.min() else -1
        full = bool(np.isfinite(x).all())
        signs = np.sign(x[:, None] - x[None, :]) if full and len(x) <= _KENDALL_DENSE \
            else None
        return cls(score=x, rank=rank, top=top, avg_rank=_rank(x) if full else None,
                   signs=signs)


def _snap(x: np.ndarray) -> np.ndarray:
    """Scores rounded to ``SCORE_DIGITS`` decimals of the largest absolute score, so that
    values equal up to floating-point noise tie."""
    fin = np.isfinite(x)
    scale = float(np.abs(x[fin]).max()) if fin.any() else 0.0
    if scale == 0.0:
        return x
    return np.round(x / scale, SCORE_DIGITS)


#: Scores are compared after rounding to this many decimals of the largest absolute score.
SCORE_DIGITS = 9


def _node_stats(tr: _TrueRank, person: np.ndarray, coverage: float) -> dict[str, float]:
    """Statistics of observed person scores (NaN = unseen or undefined) against the true
    scores."""
    true = tr.score
    n = len(true)
    person = _snap(person)
    fin = np.isfinite(person)
    seen = fin & np.isfinite(true)
    out = dict.fromkeys(NODE_STATS, math.nan)
    out["coverage"] = coverage
    n_seen = int(seen.sum())
    if n_seen == n and tr.avg_rank is not None and n >= 2:  # everyone seen: reuse truth
        out["spearman"] = _pearson(tr.avg_rank, _rank(person))
        out["kendall"] = _kendall_b(true, person, tr.signs)
    elif n_seen >= 2:
        x, y = true[seen], person[seen]
        out["spearman"] = _pearson(_rank(x), _rank(y))
        out["kendall"] = _kendall_b(x, y)
    if fin.any() and tr.top >= 0:
        out["top1"] = float(fin[tr.top] and person[tr.top] >= person[fin].max())
        porder = _order(person)[: int(fin.sum())]
        for k, col in ((1, "overlap_1"), (3, "overlap_3"),
                       (max(1, math.ceil(0.1 * n)), "overlap_10pct")):
            kk = min(k, n)
            out[col] = float((tr.rank[porder[:kk]] < kk).sum()) / kk
    return out


def _person_scores(dr: _Draw, obs_score: np.ndarray, n: int) -> np.ndarray:
    """Score of each true person: the largest over its observed nodes; NaN if unseen."""
    v = obs_score[dr.id_obs]
    out = np.full(n, -np.inf)
    ok = np.isfinite(v)
    np.maximum.at(out, dr.id_true[ok], v[ok])
    seen = np.zeros(n, bool)
    seen[dr.id_true] = True
    out[~seen] = np.nan
    out[np.isneginf(out)] = np.nan
    return out


def _observed_value(m: _Metric, g: Graph, t: _Truth, dr: _Draw) -> Any:
    if m.fast:
        return _fast_scores(m.label, dr.n_obs, dr.obs_src, dr.obs_dst, t.directed)
    h = _observed_graph(g, t, dr, "sensitivity")
    if h.n_nodes == 0:
        return None
    try:
        val = m.fn(h)
    except NetcrimeError:  # undefined on this observation (e.g. UndefinedMetricError)
        return None
    if m.node:
        return np.asarray(pd.Series(val).reindex(h.nodes), float)
    return float(val)


def _true_value(m: _Metric, g: Graph, t: _Truth) -> Any:
    if m.fast:
        return _TrueRank.of(_fast_scores(m.label, t.n, t.src, t.dst, t.directed))
    try:
        val = m.fn(g)
    except NetcrimeError:
        return _TrueRank.of(np.full(t.n, np.nan)) if m.node else math.nan
    if m.node:
        return _TrueRank.of(np.asarray(pd.Series(val).reindex(g.nodes), float))
    return float(val)


def _row(m: _Metric, truth: Any, dr: _Draw, obs: Any, n: int) -> dict[str, float]:
    if m.node:
        cov = float(len(np.unique(dr.id_true)) / n) if n else math.nan
        if obs is None:
            return dict.fromkeys(NODE_STATS, math.nan) | {"coverage": cov}
        return _node_stats(truth, _person_scores(dr, obs, n), cov)
    val = math.nan if obs is None else obs
    bias = val - truth
    rel = bias / abs(truth) if truth not in (0.0,) and np.isfinite(truth) else math.nan
    return {"value": val, "true_value": truth, "bias": bias, "relative_error": rel}


def _cell(g: Graph, metrics: list[_Metric], truths: list[Any], kw: dict[str, Any],
          seeds: list[np.random.SeedSequence]) -> list[dict[str, Any]]:
    """All replicates of one (error, level) cell; runs in a worker."""
    t = _truth(g)
    d = _design(g, t, kw, "sensitivity")
    rows = []
    # replicates in chunks: the kernel-path metrics of a chunk run in one kernel call
    chunk = max(1, _BATCH_NODES // max(t.n, 1))
    for lo in range(0, len(seeds), chunk):
        draws = [_draw(t, d, np.random.default_rng(seed)) for seed in seeds[lo:lo + chunk]]
        fast = {m.label: _fast_many(m.label, draws, t.directed) for m in metrics if m.fast}
        for i, dr in enumerate(draws):
            for m, tv in zip(metrics, truths):
                obs = fast[m.label][i] if m.fast else _observed_value(m, g, t, dr)
                rows.append({"metric": m.label, "rep": lo + i} | _row(m, tv, dr, obs, t.n))
    return rows


#: Replicates of a sensitivity cell are batched up to this many observed nodes in total.
_BATCH_NODES = 200_000


def _fast_many(label: str, draws: list[_Draw], directed: bool) -> list[np.ndarray]:
    """Kernel-path scores of many observations: betweenness on the disjoint union of the
    observed graphs (one kernel call, see :func:`netcrime._core.betweenness_many`)."""
    if label != "betweenness":
        return [_fast_scores(label, dr.n_obs, dr.obs_src, dr.obs_dst, directed)
                for dr in draws]
    return betweenness_many([_csr(dr.n_obs, dr.obs_src, dr.obs_dst, directed)
                             for dr in draws])


def _level_label(v: Any) -> Any:
    return float(v) if _is_rate(v) else repr(v)


def _check_executor(executor: Any, func: str) -> None:
    check_executor(executor, func=func)


def _root(rng: Any, func: str) -> np.random.SeedSequence:
    if isinstance(rng, np.random.SeedSequence):
        return rng
    return np.random.SeedSequence(int(check_rng(rng, func=func).integers(2**63)))


def _run(jobs: list[tuple], executor: Any, progress: bool, desc: str) -> list[Any]:
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(jobs), desc=desc)
    if executor is None:
        out = []
        for fn, *args in jobs:
            out.append(fn(*args))
            if bar is not None:
                bar.update(1)
    else:
        futs = [executor.submit(fn, *args) for fn, *args in jobs]
        out = []
        for f in futs:
            out.append(f.result())
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    return out


def sensitivity(
    g: Any,
    /,
    *,
    metric: Any,
    node_missing: Sequence[Any] | None = None,
    tie_missing: Sequence[Any] | None = None,
    spurious_ties: Sequence[Any] | None = None,
    wiretap: Sequence[Any] | None = None,
    split_aliases: Sequence[Any] | None = None,
    merge_aliases: Sequence[Any] | None = None,
    bias: str | None = None,
    groups: str | None = None,
    reps: int = 100,
    rng: Any = None,
    executor: Any = None,
    progress: bool = False,
) -> pd.DataFrame:
    r"""How robust a metric is to imperfect data: error types x levels x replicates.

    For every error keyword given (each a list of levels, every level anything that
    keyword of :func:`observe` accepts) and every level, ``reps`` observations are drawn
    with only that error at that level (``bias`` applies to all), the metric is computed
    on each and compared with its value on the true network.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
        The true network.
    metric : str, callable or list of them
        A node metric by name (:data:`NODE_METRICS`: degree, betweenness, closeness,
        harmonic, eigenvector, pagerank, katz, Burt's constraint / effective_size /
        efficiency / hierarchy, ego_betweenness, ``"gould_fernandez"`` = its ``z_total``
        with ``groups=``), a graph statistic by name (:data:`GRAPH_STATISTICS`), or a
        callable ``g -> Series`` (node metric) / ``g -> float`` (graph statistic), e.g. a
        ``functools.partial`` of any public function. Degree and betweenness run on the
        kernels directly (unweighted, raw counts: rank statistics do not depend on the
        scaling).
    node_missing, tie_missing, spurious_ties, wiretap, split_aliases, merge_aliases : list
        Levels of each error (see :func:`observe`). At least one must be given.
    bias : None or str
        Passed to :func:`observe` with every level.
    groups : None or str
        Node attribute of the groups for ``metric="gould_fernandez"``.
    reps : int >= 1
        Replicates per level.
    rng : None, int or SeedSequence
        Root seed; replicate ``r`` of cell ``c`` (error x level, in keyword then level
        order) draws from ``SeedSequence(rng).spawn(cells)[c].spawn(reps)[r]``: the same
        seed gives the same frame on any executor.
    executor : concurrent.futures.Executor-like, optional
        Anything with ``submit(fn, *args)`` (thread or process pool, ``dask.distributed``
        ``Client``): one task per cell. None runs in this process. A callable metric must
        be picklable for process executors.
    progress : bool
        Show a progress bar (tqdm) over the cells.

    Returns
    -------
    pandas.DataFrame
        One row per error, level, replicate and metric: ``error, level, rep, metric``
        then, for node metrics, ``spearman`` and ``kendall`` (tau-b) between true and
        observed scores over the persons seen whose two scores are defined (not NaN; a
        split person scores the larger of its two nodes, a merged node gives its score to
        both persons), ``top1`` (1.0 if the true
        top actor is seen and (jointly) top), ``overlap_1``, ``overlap_3``,
        ``overlap_10pct`` (share of the true top-k found in the observed top-k, k = 1, 3,
        ceil(10 % of n); ties broken by node position), ``coverage`` (share of persons
        seen); for graph statistics ``value``, ``true_value``, ``bias`` (value - truth),
        ``relative_error`` (bias / abs(truth)). ``level`` is the rate, or the repr of a
        spec mapping.

    Notes
    -----
    Ties: true and observed scores are each divided by their largest absolute value and
    rounded to :data:`SCORE_DIGITS` (9) decimals before ranking, so that scores equal up
    to floating-point noise tie (as they do in exact arithmetic).

    NaN rule: a statistic undefined on a replicate -- fewer than two persons seen,
    constant scores (Spearman, Kendall; constant *true* scores also leave ``top1`` and the
    overlaps undefined: there is no top actor), an empty observed graph, a metric raising a
    netcrime error on the observed graph, a zero true value (relative error) -- is NaN,
    never 0.

    References
    ----------
    Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of
    centrality measures under conditions of imperfect data. *Social Networks* 28(2),
    124-136. doi:10.1016/j.socnet.2005.05.001.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> df = nc.observation.sensitivity(nx.karate_club_graph(), metric="degree",
    ...                                 tie_missing=[0.0, 0.5], reps=20, rng=1)
    >>> m = df.groupby("level")["spearman"].mean()
    >>> bool(m[0.0] == 1.0 and m[0.5] < 0.95)
    True
    """
    func = "sensitivity"
    g = as_graph(g, func=func, param="g")
    reps = check_int(reps, func=func, param="reps", min=1, cap=MAX_REPEATS)
    _check_executor(executor, func)
    ms = metric if isinstance(metric, (list, tuple)) else [metric]
    if not ms:
        raise param_error(func, "metric", "a metric or a non-empty list of metrics", metric)
    if groups is not None and (not isinstance(groups, str)
                               or groups not in g.node_attrs.columns):
        raise param_error(func, "groups", "None or the name of a node attribute "
                          f"{list(g.node_attrs.columns)!r}", groups)
    metrics = [_metric(m, g, groups, func) for m in ms]
    given = {"node_missing": node_missing, "tie_missing": tie_missing,
             "spurious_ties": spurious_ties, "wiretap": wiretap,
             "split_aliases": split_aliases, "merge_aliases": merge_aliases}
    cells = []
    t = _truth(g)
    for name in ERRORS:
        levels = given[name]
        if levels is None:
            continue
        if isinstance(levels, (str, Mapping)) or not isinstance(levels, Sequence | np.ndarray):
            raise param_error(func, name, "a list of levels (each what observe() accepts)",
                              levels)
        for lv in levels:
            kw = {name: lv, "bias": bias}
            _design(g, t, kw, func)  # validate every level up front
            cells.append((name, lv, kw))
    if not cells:
        raise param_error(func, "node_missing", "given (or another error keyword: "
                          + ", ".join(ERRORS) + ") as a list of levels", None)
    truths = [_true_value(m, g, t) for m in metrics]
    root = _root(rng, func)
    jobs = [(_cell, g, metrics, truths, kw, list(s.spawn(reps)))
            for (_, _, kw), s in zip(cells, root.spawn(len(cells)))]
    results = _run(jobs, executor, progress, func)
    frames = []
    for (name, lv, _), rows in zip(cells, results):
        df = pd.DataFrame(rows)
        df.insert(0, "level", _level_label(lv))
        df.insert(0, "error", name)
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    cols = ["error", "level", "rep", "metric"]
    stats = [c for c in (*NODE_STATS, *GRAPH_STATS) if c in out.columns]
    return out[cols + stats]


# ---------------------------------------------------------------------- planning
#: Damage measures of :func:`plan_on_observed`.
PLAN_METRICS = ("lcc", "stage_completeness", "removed", "hit_rate")


@dataclass(frozen=True)
class PlanResult:
    """Outcome of :func:`plan_on_observed`.

    Attributes
    ----------
    reps : pandas.DataFrame
        One row per replicate and plan: ``rep``, ``plan`` (``"observed"`` or
        ``"truth"``) and the damage measures asked for.
    summary : pandas.DataFrame
        Per plan and measure: ``mean``, ``sd``, and ``gap`` = mean(observed) -
        mean(truth) (on the truth rows NaN).
    """

    reps: pd.DataFrame
    summary: pd.DataFrame


def _damage(t: _Truth, removed: np.ndarray, stage: np.ndarray | None) -> dict[str, float]:
    """LCC share and stage completeness of the true network without ``removed``."""
    alive = np.ones(t.n, bool)
    alive[removed] = False
    ip, ix = _csr(t.n, t.src, t.dst, False)  # both directions: weak components
    _, lab = component_labels(ip, ix, alive)
    sizes = np.bincount(lab[lab >= 0])
    out = {"lcc": float(sizes.max()) / t.n if t.n and sizes.size else 0.0}
    if stage is not None:
        want = np.unique(stage[stage >= 0])
        ok = (lab >= 0) & (stage >= 0)
        held = pd.DataFrame({"c": lab[ok], "s": stage[ok]}).drop_duplicates() \
            .groupby("c").size()
        out["stage_completeness"] = (math.nan if len(want) == 0 else
                                     float(len(held) > 0 and held.max() >= len(want)))
    return out


def _plan_targets(h: Graph, strategy: Any, budget: int, seed: np.random.SeedSequence
                  ) -> list:
    from .disruption import attack
    if h.n_nodes == 0:
        return []
    res = attack(h, strategy=strategy, mode="static",
                 max_removals=min(budget, h.n_nodes), rng=np.random.default_rng(seed))
    return res.curve["node"].iloc[1:].tolist()


def _plan_rep(g: Graph, strategy: Any, obs_kw: dict[str, Any], budget: int,
              seed: np.random.SeedSequence, truth_targets: np.ndarray,
              stage: np.ndarray | None, metrics: tuple[str, ...]) -> list[dict[str, Any]]:
    s_obs, s_plan = seed.spawn(2)
    t = _truth(g)
    d = _design(g, t, obs_kw, "plan_on_observed")
    dr = _draw(t, d, np.random.default_rng(s_obs))
    obs = _result(g, t, dr, "plan_on_observed")
    targets = _plan_targets(obs.graph, strategy, budget, s_plan)
    ident = obs.identity
    true_lab = ident.loc[ident["observed"].isin(targets), "true"]
    removed = np.unique(g.node_index(list(true_lab), func="plan_on_observed")) \
        if len(true_lab) else np.empty(0, np.int64)
    rows = []
    for plan, rem in (("observed", removed), ("truth", truth_targets)):
        row = {"plan": plan} | _damage(t, rem, stage)
        row["removed"] = float(len(rem))
        row["hit_rate"] = (len(np.intersect1d(rem, truth_targets)) / len(truth_targets)
                           if len(truth_targets) else math.nan)
        rows.append({"plan": plan} | {k: row[k] for k in metrics if k in row})
    return rows


def plan_on_observed(
    g: Any,
    /,
    *,
    strategy: Any,
    observation: Mapping[str, Any],
    budget: int,
    reps: int = 100,
    rng: Any = None,
    metrics: Sequence[str] = ("lcc", "stage_completeness", "removed", "hit_rate"),
    executor: Any = None,
) -> PlanResult:
    r"""Plan a removal on the observed network and measure it on the true one.

    Each replicate draws an observation (:func:`observe` with ``observation``), picks
    ``budget`` targets on the *observed* graph with ``strategy`` (a static
    :func:`netcrime.disruption.attack`), maps them to the true persons they stand for (a
    merged node: both persons; a split person is hit through either of its nodes),
    removes those persons from the *true* network and measures the damage. The same
    strategy planned on the truth gives the benchmark.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
        The true network.
    strategy : str or Strategy
        Any strategy :func:`netcrime.disruption.attack` accepts.
    observation : mapping
        Keywords of :func:`observe` (without ``rng``), e.g.
        ``{"node_missing": {"leader": 0.6}, "bias": "role"}``.
    budget : int
        Number of targets, in [1, number of nodes]. A smaller observed graph gives fewer.
    reps : int >= 1
    rng : None, int or SeedSequence
        Root seed; replicate ``r`` uses ``SeedSequence(rng).spawn(reps + 1)[r]`` (the last
        child plans on the truth): same seed, same result, on any executor.
    metrics : sequence of str
        Among ``"lcc"`` (largest (weak) component of the true network after the removal,
        as a share of all true persons), ``"stage_completeness"`` (1.0 if one component
        still holds every value of the node attribute ``stage``; NaN without it),
        ``"removed"`` (true persons removed), ``"hit_rate"`` (share of the truth-planned
        targets that the plan removed).
    executor : concurrent.futures.Executor-like, optional
        One task per replicate (see :func:`sensitivity`).

    Returns
    -------
    PlanResult
        ``reps`` (tidy, one row per replicate and plan) and ``summary``.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> r = nc.observation.plan_on_observed(nx.karate_club_graph(), strategy="degree",
    ...     observation={"tie_missing": 0.3}, budget=3, reps=5, rng=1)
    >>> sorted(r.summary["plan"].unique())
    ['observed', 'truth']
    """
    func = "plan_on_observed"
    g = as_graph(g, func=func, param="g")
    reps = check_int(reps, func=func, param="reps", min=1, cap=MAX_REPEATS)
    budget = check_int(budget, func=func, param="budget", min=1, max=max(g.n_nodes, 1))
    _check_executor(executor, func)
    if not isinstance(observation, Mapping) or "rng" in observation or \
            set(observation) - set(ERRORS) - {"bias"}:
        raise param_error(func, "observation", "a mapping of observe() keywords (without "
                          "'rng')", observation)
    if (isinstance(metrics, str) or not isinstance(metrics, (Sequence, AbstractSet))
            or not all(isinstance(m, str) for m in metrics)
            or not set(metrics) <= set(PLAN_METRICS) or not metrics):
        raise param_error(func, "metrics", "a non-empty list among "
                          + ", ".join(map(repr, PLAN_METRICS)), metrics)
    t = _truth(g)
    _design(g, t, dict(observation), func)
    stage = None
    if "stage" in g.node_attrs.columns:
        stage = pd.Categorical(g.node_attrs["stage"]).codes.astype(np.int64)
    seeds = _root(rng, func).spawn(reps + 1)
    with readdressed(func, "attack"):
        truth_lab = _plan_targets(g, strategy, budget, seeds[-1])
    truth_targets = np.unique(g.node_index(truth_lab, func=func)) if truth_lab else \
        np.empty(0, np.int64)
    jobs = [(_plan_rep, g, strategy, dict(observation), budget, s, truth_targets, stage,
             tuple(metrics)) for s in seeds[:-1]]
    rows = []
    for rep, res in enumerate(_run(jobs, executor, False, func)):
        rows += [{"rep": rep} | r for r in res]
    df = pd.DataFrame(rows)
    long = df.melt(id_vars=["rep", "plan"], var_name="measure")
    summ = long.groupby(["plan", "measure"], sort=False)["value"].agg(["mean", "std"]) \
        .rename(columns={"std": "sd"}).reset_index()
    truth_mean = summ[summ["plan"] == "truth"].set_index("measure")["mean"]
    summ["gap"] = np.where(summ["plan"] == "observed",
                           summ["mean"] - summ["measure"].map(truth_mean), np.nan)
    return PlanResult(reps=df, summary=summ)
