"""How a network changes from window to window: trajectories, turnover, rank stability, replacement.

Every function takes a :class:`~netcrime.events.Snapshots` (an ordered mapping window ->
Graph over one node universe, from :func:`netcrime.events.snapshots` or
:func:`netcrime.datasets.load_phases`); a plain ordered mapping window -> graph is accepted
too (its universe is the union of the windows' nodes, in order of first appearance).

* :func:`trajectory` -- any node metric, window by window, as a tidy table;
* :func:`turnover` -- between consecutive windows: nodes and ties that entered, left or
  persisted, and the Jaccard similarity of the node sets and of the tie sets;
* :func:`rank_stability` -- Spearman correlation of a metric between consecutive windows,
  on the nodes present in both;
* :func:`replacement` -- after a node leaves (arrest, seizure), who takes over its ties and
  its brokerage in the following windows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import brokerage, centrality, covert
from ._validation import param_error
from .events import Snapshots
from .graph import Graph, as_graph

__all__ = ["rank_stability", "replacement", "trajectory", "turnover"]

_METRIC_MODULES = (centrality, brokerage, covert)


def _as_snapshots(snaps: Any, func: str) -> Snapshots:
    if isinstance(snaps, Snapshots):
        return snaps
    if not isinstance(snaps, Mapping) or not len(snaps):
        raise param_error(func, "snaps", "a netcrime.events.Snapshots (or a non-empty "
                          "ordered mapping window -> graph)", snaps,
                          shown=f"an object of type {type(snaps).__name__}")
    graphs = {w: as_graph(g, func=func, param="snaps") for w, g in snaps.items()}
    uni = pd.unique(np.concatenate([np.asarray(g.nodes, dtype=object) for g in graphs.values()]))
    return Snapshots(graphs, uni)


def _metric(metric: Any, func: str) -> Callable[..., pd.Series]:
    if callable(metric):
        return metric
    if isinstance(metric, str) and not metric.startswith("_"):
        for mod in _METRIC_MODULES:
            if metric in getattr(mod, "__all__", ()):
                return getattr(mod, metric)
    raise param_error(func, "metric", "a callable g -> pd.Series or the name of a public "
                      "node metric (e.g. 'degree', 'betweenness', 'constraint')", metric)


def _values(f: Callable[..., pd.Series], g: Graph, kw: Mapping[str, Any], func: str,
            metric: Any) -> pd.Series:
    s = f(g, **kw)
    if not isinstance(s, pd.Series):
        raise param_error(func, "metric", "a node metric returning a pd.Series by node", metric,
                          shown=f"{metric!r}, which returned a {type(s).__name__}")
    return s.astype(np.float64)


def trajectory(snaps: Any, /, *, metric: Any, **kw: Any) -> pd.DataFrame:
    """A node metric computed in every window: the tidy trajectory of every node.

    Parameters
    ----------
    snaps : Snapshots or mapping window -> graph
        The windows, in order.
    metric : str or callable
        The name of a public node metric of :mod:`netcrime.centrality`,
        :mod:`netcrime.brokerage` or :mod:`netcrime.covert`
        (``"degree"``, ``"betweenness"``, ``"constraint"``...), or any callable
        ``f(g, **kw) -> pd.Series`` indexed by node.
    **kw
        Passed to the metric (e.g. ``weight="weight"``, ``normalized=False``).

    Returns
    -------
    pandas.DataFrame
        Columns ``window``, ``node``, ``value`` (float64): one row per node present in a
        window, windows in order, nodes in universe order. A node absent from a window has
        no row there (no value is invented); windows without nodes contribute no rows. NaN
        values follow the metric's own NaN rule.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": ["x", "x", "y"], "b": ["y", "z", "z"], "p": [1, 1, 2]})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    >>> t = nc.temporal.trajectory(s, metric="degree")
    >>> t.values.tolist()
    [[1, 'x', 2.0], [1, 'y', 1.0], [1, 'z', 1.0], [2, 'y', 1.0], [2, 'z', 1.0]]
    """
    func = "trajectory"
    snaps = _as_snapshots(snaps, func)
    f = _metric(metric, func)
    frames = []
    for w, g in snaps.items():
        if g.n_nodes == 0:
            continue
        s = _values(f, g, kw, func, metric)
        frames.append(pd.DataFrame({"window": [w] * len(s), "node": list(s.index),
                                    "value": s.to_numpy(np.float64)}))
    if not frames:
        return pd.DataFrame({"window": [], "node": [], "value": np.array([], np.float64)})
    return pd.concat(frames, ignore_index=True)


def _tie_set(g: Graph) -> set[tuple[Hashable, Hashable]]:
    src, dst = g.edge_array()
    lab = np.asarray(g.nodes, dtype=object)
    a, b = lab[src], lab[dst]
    if g.directed:
        return set(zip(a.tolist(), b.tolist()))
    return {tuple(sorted((x, y), key=repr)) if x != y else (x, y)
            for x, y in zip(a.tolist(), b.tolist())}


def _jaccard(a: set, b: set) -> float:
    u = len(a | b)
    return len(a & b) / u if u else np.nan


def turnover(snaps: Any, /) -> pd.DataFrame:
    """Node and tie turnover between consecutive windows.

    For windows ``w_{i-1}`` and ``w_i`` with node sets ``V``, ``V'`` and tie sets ``E``,
    ``E'`` (a tie is an ordered pair in a directed graph, an unordered one otherwise; self
    ties count):

    * ``entered`` = ``|V' \\ V|``, ``left`` = ``|V \\ V'|``, ``persisted`` = ``|V ∩ V'|``,
      ``jaccard_nodes`` = ``|V ∩ V'| / |V ∪ V'|``;
    * ``ties_entered``, ``ties_left``, ``ties_persisted`` and ``jaccard_ties`` likewise on
      ``E``, ``E'``.

    Parameters
    ----------
    snaps : Snapshots or mapping window -> graph
        The windows, in order (at least two).

    Returns
    -------
    pandas.DataFrame
        One row per consecutive pair: ``window_from``, ``window`` and the columns above
        (counts int64; Jaccard float64, NaN when both sets are empty).

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": ["x", "x", "y"], "b": ["y", "z", "z"], "p": [1, 1, 2]})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    >>> row = nc.temporal.turnover(s).iloc[0]
    >>> int(row["entered"]), int(row["left"]), int(row["persisted"]), float(row["jaccard_nodes"])
    (0, 1, 2, 0.6666666666666666)
    """
    func = "turnover"
    snaps = _as_snapshots(snaps, func)
    if len(snaps) < 2:
        raise param_error(func, "snaps", "at least two windows", len(snaps),
                          shown=f"{len(snaps)} window(s)")
    ws = snaps.windows
    rows = []
    for w0, w1 in itertools.pairwise(ws):
        g0, g1 = snaps[w0], snaps[w1]
        v0, v1 = set(g0.nodes), set(g1.nodes)
        e0, e1 = _tie_set(g0), _tie_set(g1)
        rows.append({
            "window_from": w0, "window": w1,
            "nodes_from": len(v0), "nodes": len(v1),
            "entered": len(v1 - v0), "left": len(v0 - v1), "persisted": len(v0 & v1),
            "jaccard_nodes": _jaccard(v0, v1),
            "ties_entered": len(e1 - e0), "ties_left": len(e0 - e1),
            "ties_persisted": len(e0 & e1), "jaccard_ties": _jaccard(e0, e1),
        })
    out = pd.DataFrame(rows)
    for c in out.columns[2:]:
        out[c] = out[c].astype(np.float64 if c.startswith("jaccard") else np.int64)
    return out


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 2:
        return np.nan
    rx = pd.Series(x).rank(method="average").to_numpy()
    ry = pd.Series(y).rank(method="average").to_numpy()
    rx, ry = rx - rx.mean(), ry - ry.mean()
    den = np.sqrt((rx * rx).sum() * (ry * ry).sum())
    return float((rx * ry).sum() / den) if den > 0 else np.nan


def rank_stability(snaps: Any, /, *, metric: Any, **kw: Any) -> pd.DataFrame:
    """Spearman rank correlation of a node metric between consecutive windows.

    ``rho`` is the Pearson correlation of the average ranks (ties share their mean rank) of
    the metric over the nodes present in both windows.

    Parameters
    ----------
    snaps : Snapshots or mapping window -> graph
        The windows, in order (at least two).
    metric : str or callable
        As in :func:`trajectory`.
    **kw
        Passed to the metric.

    Returns
    -------
    pandas.DataFrame
        One row per consecutive pair: ``window_from``, ``window``, ``n_common`` (nodes in
        both windows with a non-NaN value in both) and ``spearman`` (float64). NaN rule:
        ``spearman`` is NaN with fewer than two common nodes or when the values of either
        window are all equal (the correlation is 0/0).

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": list("xxyzxxxy"), "b": list("yzzwyzwz"),
    ...                       "p": [1, 1, 1, 1, 2, 2, 2, 2]})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    >>> r = nc.temporal.rank_stability(s, metric="degree")
    >>> int(r.loc[0, "n_common"]), round(float(r.loc[0, "spearman"]), 4)
    (4, 0.5)
    """
    func = "rank_stability"
    snaps = _as_snapshots(snaps, func)
    if len(snaps) < 2:
        raise param_error(func, "snaps", "at least two windows", len(snaps),
                          shown=f"{len(snaps)} window(s)")
    f = _metric(metric, func)
    vals = {w: (_values(f, g, kw, func, metric) if g.n_nodes else pd.Series(dtype=float))
            for w, g in snaps.items()}
    ws = snaps.windows
    rows = []
    for w0, w1 in itertools.pairwise(ws):
        both = pd.concat([vals[w0].rename("a"), vals[w1].rename("b")], axis=1,
                         join="inner").dropna()
        rows.append({"window_from": w0, "window": w1, "n_common": len(both),
                     "spearman": _spearman(both["a"].to_numpy(), both["b"].to_numpy())})
    out = pd.DataFrame(rows)
    out["n_common"] = out["n_common"].astype(np.int64)
    out["spearman"] = out["spearman"].astype(np.float64)
    return out


def _neighbours(g: Graph, node: Hashable) -> set[Hashable]:
    """Nodes tied to ``node`` in either direction (self excluded)."""
    src, dst = g.edge_array()
    lab = np.asarray(g.nodes, dtype=object)
    i = g.nodes.get_loc(node)
    out = set(lab[dst[src == i]].tolist()) | set(lab[src[dst == i]].tolist())
    out.discard(node)
    return out


def _pairs(g: Graph) -> set[frozenset]:
    src, dst = g.edge_array()
    lab = np.asarray(g.nodes, dtype=object)
    return {frozenset((x, y)) for x, y in zip(lab[src].tolist(), lab[dst].tolist()) if x != y}


def replacement(snaps: Any, /, *, removed: Hashable, window: Hashable) -> pd.DataFrame:
    """Who takes over a removed node's ties and brokerage in the windows that follow.

    Let ``w0 = window`` be the reference window (the arrest or seizure window, or the last
    window in which ``removed`` was active): ``removed`` must be present in it. Let ``N`` be
    its neighbours in ``w0`` (ties in either direction), ``b0(v)`` the betweenness of ``v``
    in ``w0`` (0 for a node absent from ``w0``) and ``E0`` the unordered tie pairs of ``w0``.
    For every later window ``w`` and every node ``v != removed`` present in ``w``:

    * ``inherited_ties`` = the number of former neighbours ``u in N`` that ``v`` is tied to
      in ``w`` but was not tied to in ``w0``: ``v``'s new partners among ``removed``'s
      former contacts (the ties ``v`` took over);
    * ``tie_share`` = ``inherited_ties / |N ∩ V(w)|`` (NaN when no former neighbour is
      present in ``w``);
    * ``betweenness`` = ``v``'s betweenness in ``w`` (:func:`netcrime.centrality.betweenness`,
      normalised, hop counts, directed paths in a directed graph);
    * ``brokerage_gain`` = ``betweenness - b0(v)``: the brokerage ``v`` gained since ``w0``;
    * ``former_neighbour`` -- whether ``v in N``.

    A node that takes over is one with ``inherited_ties > 0`` or ``brokerage_gain > 0``;
    the removed node's own reference betweenness ``b0(removed)`` and whether it is still
    present in ``w`` are in ``df.attrs`` (``"removed_betweenness"``, ``"removed_present"``
    by window). The removed node need not be gone from later windows (CAVIAR's seizures
    removed drugs, not traffickers); the table then shows who rose beside it.

    Parameters
    ----------
    snaps : Snapshots or mapping window -> graph
        The windows, in order.
    removed : hashable
        The node that left (arrested, seized, killed).
    window : hashable
        The reference window ``w0`` (a key of ``snaps``).

    Returns
    -------
    pandas.DataFrame
        Columns ``window``, ``node``, ``inherited_ties`` (int64), ``tie_share``,
        ``betweenness``, ``brokerage_gain`` (float64), ``former_neighbour`` (bool); rows
        sorted by window, then by ``inherited_ties`` and ``brokerage_gain`` descending.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": ["boss", "boss", "x", "y"], "b": ["x", "y", "y", "z"],
    ...                       "p": [1, 1, 2, 2]})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    >>> r = nc.temporal.replacement(s, removed="boss", window=1)
    >>> top = r.iloc[0]
    >>> top["node"], int(top["inherited_ties"]), float(top["brokerage_gain"])
    ('y', 1, 1.0)
    """
    func = "replacement"
    snaps = _as_snapshots(snaps, func)
    if not isinstance(window, Hashable) or window not in snaps:
        raise param_error(func, "window", f"a window of snaps ({snaps.windows[:6]}...)", window)
    g0 = snaps[window]
    if not isinstance(removed, Hashable) or removed not in g0.nodes:
        raise param_error(func, "removed", f"a node present in window {window!r}", removed)
    nbrs = _neighbours(g0, removed)
    e0 = _pairs(g0)
    b0 = centrality.betweenness(g0)
    ws = snaps.windows
    frames = []
    present: dict[Hashable, bool] = {}
    for w in ws[ws.index(window) + 1:]:
        g = snaps[w]
        present[w] = removed in g.nodes
        if g.n_nodes == 0:
            continue
        bw = centrality.betweenness(g)
        e = _pairs(g)
        nodes = [v for v in g.nodes if v != removed]
        here = nbrs & set(g.nodes)
        inh = [sum(1 for u in here if u != v and frozenset((u, v)) in e
                   and frozenset((u, v)) not in e0) for v in nodes]
        bv = bw.reindex(nodes).to_numpy(np.float64)
        before = b0.reindex(nodes).fillna(0.0).to_numpy(np.float64)
        frames.append(pd.DataFrame({
            "window": [w] * len(nodes), "node": nodes,
            "inherited_ties": np.asarray(inh, dtype=np.int64),
            "tie_share": np.asarray(inh, dtype=np.float64) / len(here) if here
            else np.full(len(nodes), np.nan),
            "betweenness": bv, "brokerage_gain": bv - before,
            "former_neighbour": np.array([v in nbrs for v in nodes], dtype=bool),
        }))
    cols = ["window", "node", "inherited_ties", "tie_share", "betweenness", "brokerage_gain",
            "former_neighbour"]
    if not frames:
        out = pd.DataFrame({c: [] for c in cols})
    else:
        out = pd.concat(frames, ignore_index=True)
        order = {w: i for i, w in enumerate(ws)}
        out = out.assign(_w=out["window"].map(order)).sort_values(
            ["_w", "inherited_ties", "brokerage_gain"], ascending=[True, False, False],
            kind="stable").drop(columns="_w").reset_index(drop=True)
    out.attrs["removed_betweenness"] = float(b0[removed])
    out.attrs["removed_present"] = present
    out.attrs["former_neighbours"] = sorted(nbrs, key=repr)
    return out
