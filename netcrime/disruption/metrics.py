"""Outcome metrics recorded at every step of an attack.

Every metric is evaluated on the *residual* network (after the removals so far, and after
recovery if any). Component metrics use weak components for directed graphs.

==========================  =====================================================================
name                        value
==========================  =====================================================================
``lcc``                     size of the largest component (0 when no node is left)
``lcc_frac``                ``lcc / lcc_0`` (Cavallaro et al. 2020's curve; ``lcc_0`` = intact)
``second``                  size of the second-largest component (0 if fewer than two)
``n_components``            number of components (isolates count)
``reachable_pairs``         unordered pairs in a common component, ``sum_c s_c (s_c - 1) / 2``
``efficiency``              global efficiency ``1/(n(n-1)) sum_{i != j} 1/d_ij`` of the residual
                            network (Latora & Marchiori 2001; directed distances for directed
                            graphs; NaN when fewer than 2 nodes remain); ``Metric("efficiency",
                            n_pivots=...)`` samples that many sources, ``distance=`` reads
                            lengths
``information``             Lindelauf et al.'s ``I = n(n-1) / sum_{i != j} d_ij`` of the largest
                            component (undirected view; NaN below 2 nodes)
``tradeoff``                ``mu = S1 * I`` on the largest component, ``S1 = (n^2 - n - 2m)/n^2``
``stage_completeness``      1.0 if one component still holds every value of the node attribute
                            ``stage`` present in the intact network, else 0.0
==========================  =====================================================================
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import covert
from .._core import component_labels
from .._validation import check_int, param_error
from ..exceptions import UndefinedMetricError
from ..graph import Graph
from .residual import neighbours

__all__ = ["COMPONENT_METRICS", "METRICS", "Metric", "as_metrics"]

COMPONENT_METRICS = ("lcc", "lcc_frac", "second", "n_components", "reachable_pairs")
METRICS = (*COMPONENT_METRICS, "efficiency", "information", "tradeoff", "stage_completeness")
DEFAULT_METRICS = COMPONENT_METRICS


class Metric:
    """A per-step outcome with parameters, e.g. ``Metric("efficiency", n_pivots=200)``.

    Parameters
    ----------
    name : str
        One of :data:`METRICS`.
    **params
        ``efficiency``: ``n_pivots=None`` (number of sampled sources), ``distance=None``
        (edge attribute read as a length). ``stage_completeness``: ``attr="stage"``.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.disruption.Metric("efficiency", n_pivots=50)
    Metric('efficiency', n_pivots=50)
    """

    __slots__ = ("name", "params")

    def __init__(self, name: str, /, **params: Any) -> None:
        if name not in METRICS:
            raise param_error("Metric", "name", "one of " + ", ".join(map(repr, METRICS)), name)
        allowed = {"efficiency": ("n_pivots", "distance"),
                   "stage_completeness": ("attr",)}.get(name, ())
        for p in params:
            if p not in allowed:
                raise param_error("Metric", p, f"a parameter of metric {name!r} "
                                  f"({', '.join(allowed) or 'none'})", params[p])
        if params.get("n_pivots") is not None:
            check_int(params["n_pivots"], func="Metric", param="n_pivots", min=1)
        self.name = name
        self.params = params

    def __repr__(self) -> str:
        p = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"Metric({self.name!r}{', ' + p if p else ''})"


def as_metrics(metrics: Any, *, func: str = "as_metrics") -> list[Metric]:
    """``metrics`` (a name, a :class:`Metric` or a sequence of them) as a list of Metrics.

    ``func`` is the function named in error messages: ``as_metrics`` itself, or the public
    function that received ``metrics`` (``attack`` passes ``func="attack"``).

    Examples
    --------
    >>> from netcrime.disruption.metrics import as_metrics
    >>> as_metrics(["lcc", "efficiency"])
    [Metric('lcc'), Metric('efficiency')]
    """
    if isinstance(metrics, (str, Metric)):
        metrics = (metrics,)
    try:
        items = list(metrics)
    except TypeError:
        raise param_error(func, "metrics", "a sequence of metric names or Metric objects",
                          metrics) from None
    out = []
    for m in items:
        if isinstance(m, Metric):
            out.append(m)
        elif isinstance(m, str) and m in METRICS:
            out.append(Metric(m))
        else:
            raise param_error(func, "metrics", "names from " + ", ".join(map(repr, METRICS))
                              + " or Metric objects", m)
    names = [m.name for m in out]
    if len(set(names)) != len(names):
        raise param_error(func, "metrics", "a sequence without repeated metrics", names)
    return out


# ---------------------------------------------------------------------------- evaluation
def _components(h: Graph) -> np.ndarray:
    """Component label per node (weak components, numbered in order of their smallest
    position)."""
    return component_labels(*neighbours(h))[1]


def component_stats(h: Graph) -> dict[str, float]:
    lab = _components(h)
    sizes = np.sort(np.bincount(lab))[::-1] if len(lab) else np.zeros(0, np.int64)
    return {
        "lcc": int(sizes[0]) if len(sizes) else 0,
        "second": int(sizes[1]) if len(sizes) > 1 else 0,
        "n_components": len(sizes),
        "reachable_pairs": int((sizes * (sizes - 1) // 2).sum()),
    }


def global_efficiency(h: Graph, *, n_pivots: int | None = None, distance: str | None = None,
                      rng: np.random.Generator | None = None) -> float:
    """Global efficiency of ``h`` (:func:`netcrime.covert.global_efficiency`, from
    ``n_pivots`` sampled sources if given); NaN below two nodes."""
    if h.n_nodes < 2:
        return float("nan")
    if n_pivots is not None and n_pivots >= h.n_nodes:
        n_pivots = None
    try:
        return float(covert.global_efficiency(h, distance=distance, n_pivots=n_pivots, rng=rng))
    except UndefinedMetricError:
        return float("nan")


def _lcc_graph(h: Graph) -> Graph:
    lab = _components(h)
    if len(lab) == 0:
        return h
    big = np.argmax(np.bincount(lab))
    keep = np.flatnonzero(lab == big)
    return h.take(keep) if len(keep) < h.n_nodes else h


def lindelauf(h: Graph) -> tuple[float, float]:
    """(information I, trade-off mu = S1 * I) of the largest component of ``h``
    (:func:`netcrime.covert.information` and :func:`netcrime.covert.tradeoff`, uniform
    secrecy model); NaN below two nodes."""
    c = _lcc_graph(h)
    if c.n_nodes < 2:
        return float("nan"), float("nan")
    try:
        return (float(covert.information(c)),
                float(covert.tradeoff(c, model="uniform")))
    except UndefinedMetricError:
        return float("nan"), float("nan")


def stage_completeness(h: Graph, stages: frozenset, attr: str) -> float:
    if not stages or h.n_nodes == 0:
        return 0.0
    lab = _components(h)
    col = h.node_attrs[attr].to_numpy(dtype=object)
    ok = np.array([v in stages for v in col], dtype=bool)
    if not ok.any():
        return 0.0
    pairs = {(int(c), v) for c, v in zip(lab[ok], col[ok])}
    count: dict[int, int] = {}
    for c, _ in pairs:
        count[c] = count.get(c, 0) + 1
    return 1.0 if max(count.values()) >= len(stages) else 0.0


def stage_set(g: Graph, attr: str) -> frozenset:
    if attr not in g.node_attrs.columns:
        raise param_error("attack", "metrics", f"used with a node attribute {attr!r} for "
                          "'stage_completeness' (the graph has "
                          f"{list(g.node_attrs.columns)!r})", attr)
    col = g.node_attrs[attr]
    return frozenset(v for v in col.dropna().unique().tolist())


def evaluate(h: Graph | None, metrics: list[Metric], *, lcc0: int,
             stages: dict[str, frozenset], rng: np.random.Generator,
             comp: dict[str, float] | None = None) -> dict[str, float]:
    """All requested metrics on the residual graph ``h`` (which may be None when ``comp``
    is given and only component metrics are requested)."""
    out: dict[str, float] = {}
    names = {m.name for m in metrics}
    if comp is None and names & set(COMPONENT_METRICS):
        comp = component_stats(h)
    lind = None
    for m in metrics:
        if m.name in ("lcc", "second", "n_components", "reachable_pairs"):
            out[m.name] = comp[m.name]
        elif m.name == "lcc_frac":
            out[m.name] = comp["lcc"] / lcc0 if lcc0 else float("nan")
        elif m.name == "efficiency":
            out[m.name] = global_efficiency(h, n_pivots=m.params.get("n_pivots"),
                                            distance=m.params.get("distance"), rng=rng)
        elif m.name in ("information", "tradeoff"):
            if lind is None:
                lind = lindelauf(h)
            out[m.name] = lind[0] if m.name == "information" else lind[1]
        elif m.name == "stage_completeness":
            attr = m.params.get("attr", "stage")
            out[m.name] = stage_completeness(h, stages[attr], attr)
    return out
