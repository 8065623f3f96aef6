"""Two-mode figure: actors in one column, events in the other, affiliations between them.

:func:`twomode_layout` places the actors at ``x = 0`` and the events at ``x = 1`` and orders
each column by the barycentre heuristic (Sugiyama, Tagawa & Toda 1981): a few sweeps that
move every node to the mean rank of its neighbours in the other column, which reduces edge
crossings. :func:`draw_twomode` draws it. matplotlib is imported inside the function.

References
----------
Sugiyama K, Tagawa S, Toda M (1981) Methods for visual understanding of hierarchical system
structures. IEEE Transactions on Systems, Man, and Cybernetics 11(2):109-125.
doi:10.1109/TSMC.1981.4308636
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_bool, check_int, readdressed
from ..graph import as_graph
from ..twomode import incidence
from .figures import _check_axes, _check_title

__all__ = ["draw_twomode", "twomode_layout"]

_ACTOR_COLOR = "#1f77b4"
_EVENT_COLOR = "#d62728"
_EDGE_COLOR = "#8a8a8a"
#: cap on the barycentre sweeps of :func:`twomode_layout` (they stop at a fixed point long
#: before)
MAX_SWEEPS = 1000


def _spread(k: int) -> np.ndarray:
    return np.linspace(1.0, 0.0, k) if k > 1 else np.full(k, 0.5)


def _barycentre_order(B: Any, sweeps: int) -> tuple[np.ndarray, np.ndarray]:
    """Ranks of the rows and columns of B after ``sweeps`` barycentre sweeps."""
    na, ne = B.shape
    ra = np.arange(na, dtype=np.float64)
    re_ = np.arange(ne, dtype=np.float64)
    Bb = B.copy()
    Bb.data[:] = 1.0
    Bt = Bb.T.tocsr()
    da = np.asarray(Bb.sum(axis=1)).ravel()
    de = np.asarray(Bt.sum(axis=1)).ravel()
    for _ in range(sweeps):
        bc = np.where(de > 0, (Bt @ ra) / np.maximum(de, 1), re_)
        re_new = np.argsort(np.argsort(bc, kind="stable"), kind="stable").astype(np.float64)
        ba = np.where(da > 0, (Bb @ re_new) / np.maximum(da, 1), ra)
        ra_new = np.argsort(np.argsort(ba, kind="stable"), kind="stable").astype(np.float64)
        if np.array_equal(ra_new, ra) and np.array_equal(re_new, re_):
            break  # a fixed point: further sweeps change nothing
        ra, re_ = ra_new, re_new
    return ra.astype(np.int64), re_.astype(np.int64)


def twomode_layout(g: Any, /, *, max_iter: int = 8) -> pd.DataFrame:
    """Positions for a two-mode graph: actors on the left, events on the right.

    Parameters
    ----------
    g : Graph or graph-like
        A two-mode graph (node attribute ``mode``; see
        :func:`netcrime.twomode.from_affiliations`).
    max_iter : int in [0, 1000]
        Barycentre sweeps (0 keeps the graph's node order). Default 8. The sweeps stop
        early at a fixed point (a sweep that moves nothing); the cap of 1000 is far beyond
        what the heuristic uses.

    Returns
    -------
    DataFrame
        Columns ``x`` (0 for actors, 1 for events) and ``y`` (evenly spread in [0, 1], the
        first in the column at the top), indexed by node label.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"p": ["ann", "bob", "cy"], "m": ["m2", "m1", "m2"]})
    >>> g = nc.twomode.from_affiliations(df, actor="p", event="m")
    >>> nc.plot.twomode_layout(g).loc[["ann", "m1"], "x"].tolist()
    [0.0, 1.0]
    """
    func = "twomode_layout"
    g = as_graph(g, func=func)
    sweeps = check_int(max_iter, func=func, param="max_iter", min=0, max=MAX_SWEEPS)
    with readdressed(func, "incidence"):
        inc = incidence(g)
    ra, re_ = _barycentre_order(inc.matrix.tocsr(), sweeps)
    ya = _spread(len(inc.actors))[ra]
    ye = _spread(len(inc.events))[re_]
    pos = pd.DataFrame({"x": np.r_[np.zeros(len(ya)), np.ones(len(ye))], "y": np.r_[ya, ye]},
                       index=inc.actors.append(inc.events))
    return pos.reindex(g.nodes)


def draw_twomode(
    g: Any,
    /,
    *,
    ax: Any = None,
    labels: Any = None,
    weight: str | None = None,
    title: str | None = None,
    legend: bool = True,
) -> Any:
    """Draw a two-mode graph: actors (circles, left), events (squares, right).

    Parameters
    ----------
    g : Graph or graph-like
        A two-mode graph (node attribute ``mode``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure sized to the number of nodes if None.
    labels : None or bool
        Label the nodes: True all, False none, None (default) each column that has at most
        40 nodes.
    weight : str, optional
        Edge attribute setting the line widths (scaled to its maximum).
    title : str, optional
        Axes title (default: "Two-mode network: <a> actors × <e> events").
    legend : bool
        Draw the legend of the two modes.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"p": ["ann", "bob", "bob"], "m": ["m1", "m1", "m2"]})
    >>> ax = nc.plot.draw_twomode(nc.twomode.from_affiliations(df, actor="p", event="m"))
    >>> len(ax.collections)  # ties, actors, events
    3
    """
    func = "draw_twomode"
    g = as_graph(g, func=func)
    check_bool(legend, func=func, param="legend")
    _check_axes(ax, func)
    _check_title(title, func)
    with readdressed(func, "incidence", "twomode_layout"):
        pos = twomode_layout(g)
        inc = incidence(g, weight=weight)
    na, ne = len(inc.actors), len(inc.events)
    if ax is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(7, min(10.0, max(3.0, 0.22 * max(na, ne)))), layout="constrained")
        ax = fig.add_subplot()
    from matplotlib.collections import LineCollection

    B = inc.matrix.tocoo()
    pa = pos.loc[inc.actors, ["x", "y"]].to_numpy()
    pe = pos.loc[inc.events, ["x", "y"]].to_numpy()
    segs = np.stack([pa[B.row], pe[B.col]], axis=1)
    w = np.asarray(B.data, dtype=np.float64)
    lw = 0.4 + 2.6 * (w / w.max()) if weight is not None and len(w) and w.max() > 0 else 0.8
    ax.add_collection(LineCollection(segs, colors=_EDGE_COLOR, linewidths=lw, alpha=0.6,
                                     zorder=1))
    size = 60 if max(na, ne) <= 40 else 20
    ax.scatter(pa[:, 0], pa[:, 1], s=size, marker="o", color=_ACTOR_COLOR, zorder=2,
               label=f"actors ({na})")
    ax.scatter(pe[:, 0], pe[:, 1], s=size, marker="s", color=_EVENT_COLOR, zorder=2,
               label=f"events ({ne})")
    if labels is None:
        show_a, show_e = na <= 40, ne <= 40
    else:
        show_a = show_e = check_bool(labels, func="draw_twomode", param="labels")
    if show_a:
        for lab, (x, y) in zip(inc.actors, pa):
            ax.text(x - 0.04, y, str(lab), ha="right", va="center", fontsize=7)
    if show_e:
        for lab, (x, y) in zip(inc.events, pe):
            ax.text(x + 0.04, y, str(lab), ha="left", va="center", fontsize=7)
    ax.set_xlim(-0.6 if show_a else -0.1, 1.6 if show_e else 1.1)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xticks([0, 1], ["actors", "events"])
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_title(title if title is not None else f"Two-mode network: {na} actors × {ne} events")
    if legend:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False)
    return ax
