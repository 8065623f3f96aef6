"""Figures of a network over time: node trajectories with event markers, turnover bars.

:func:`plot_trajectories` draws the table of :func:`netcrime.temporal.trajectory` (one line
per node, windows in order on the x axis) and marks events (a seizure, an arrest) on the
windows where they happened; :func:`plot_turnover` draws the table of
:func:`netcrime.temporal.turnover` as bars (nodes that persisted and entered above the axis,
nodes that left below it) with the Jaccard similarity of the tie sets as a line.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import param_error
from .figures import _check_axes
from .palettes import FALLBACK_COLORS

__all__ = ["plot_trajectories", "plot_turnover"]

#: Colour of an event marker by the event's kind (first word of its label, lower case).
EVENT_COLORS = {"seizure": "#d62728", "arrest": "#1f1f1f"}
_EVENT_DEFAULT = "#7f7f7f"


def _axes(ax: Any, figsize: tuple[float, float], func: str) -> Any:
    _check_axes(ax, func)
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize, layout="constrained")
    return fig.add_subplot()


def _window_label(w: Any) -> str:
    if isinstance(w, pd.Timestamp):
        return str(w.date()) if w == w.normalize() else str(w)
    if isinstance(w, pd.Interval):
        return f"{_window_label(w.left)}"
    return str(w)


def _events(events: Any, func: str) -> dict[Hashable, str]:
    if events is None:
        return {}
    if isinstance(events, Mapping):
        return {w: str(v) for w, v in events.items()}
    try:
        return {w: "event" for w in events}
    except TypeError:
        raise param_error(func, "events", "a mapping window -> label (e.g. {4: 'seizure'}) "
                          "or a list of windows", events) from None


def plot_trajectories(traj_df: pd.DataFrame, *, nodes: Any = None, events: Any = None,
                      ax: Any = None) -> Any:
    """Lines of a node metric over the windows, with event markers.

    Parameters
    ----------
    traj_df : pandas.DataFrame
        A table with columns ``window``, ``node``, ``value`` (as returned by
        :func:`netcrime.temporal.trajectory`); windows are drawn in their order of first
        appearance in the table. A node absent from a window leaves a gap in its line.
    nodes : iterable of hashable, optional
        The nodes drawn (default: the 5 with the highest value in any window).
    events : mapping window -> str, or iterable of windows, optional
        Events to mark, e.g. ``{4: "seizure", 11: "arrest"}``: a vertical line at the window,
        labelled; seizures red, arrests black, other events grey.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> s = nc.datasets.load_phases("caviar")
    >>> t = nc.temporal.trajectory(s, metric="betweenness")
    >>> ax = nc.plot.plot_trajectories(t, nodes=[1, 12], events={4: "seizure"})
    >>> len(ax.get_lines()) >= 2
    True
    """
    func = "plot_trajectories"
    if not isinstance(traj_df, pd.DataFrame) or not {"window", "node", "value"} <= set(
            traj_df.columns):
        raise param_error(func, "traj_df", "a DataFrame with columns window, node, value",
                          traj_df, shown=f"an object of type {type(traj_df).__name__}")
    windows = list(pd.unique(traj_df["window"]))
    x_of = {w: i for i, w in enumerate(windows)}
    wide = traj_df.pivot_table(index="window", columns="node", values="value",
                               aggfunc="first", sort=False).reindex(windows)
    if nodes is None:
        nodes = wide.max().sort_values(ascending=False, kind="stable").index[:5].tolist()
    else:
        if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
            raise param_error(func, "nodes", "None or an iterable of nodes of traj_df", nodes)
        nodes = list(nodes)
        missing = [v for v in nodes if not isinstance(v, Hashable) or v not in wide.columns]
        if missing:
            raise param_error(func, "nodes", "nodes of traj_df", missing[:3])
    marks = _events(events, func)
    ax = _axes(ax, (9.0, 4.8), func)
    x = np.arange(len(windows))
    for i, v in enumerate(nodes):
        ax.plot(x, wide[v].to_numpy(float), "o-", lw=2, ms=5,
                color=FALLBACK_COLORS[i % len(FALLBACK_COLORS)], label=str(v))
    for w, text in marks.items():
        if w not in x_of:
            raise param_error(func, "events", "windows of traj_df", w)
        col = EVENT_COLORS.get(text.split()[0].lower() if text else "", _EVENT_DEFAULT)
        ax.axvline(x_of[w], color=col, ls="--", lw=1.2, alpha=0.7, zorder=0)
        ax.annotate(text, (x_of[w], 1.0), xycoords=("data", "axes fraction"), ha="center",
                    va="bottom", fontsize=8, color=col, rotation=0)
    ax.set_xticks(x)
    ax.set_xticklabels([_window_label(w) for w in windows],
                       rotation=0 if len(windows) <= 12 else 45, fontsize=9)
    ax.set_xlabel("window")
    ax.set_ylabel("value")
    ax.grid(True, alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if nodes:
        ax.legend(frameon=False, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  title="node")
    return ax


def plot_turnover(turnover_df: pd.DataFrame, *, ax: Any = None) -> Any:
    """Bars of node turnover between consecutive windows, with the tie Jaccard as a line.

    Parameters
    ----------
    turnover_df : pandas.DataFrame
        The table of :func:`netcrime.temporal.turnover` (columns ``window``, ``persisted``,
        ``entered``, ``left`` and ``jaccard_ties``).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        Stacked bars per window: nodes that persisted (grey) and entered (blue) above zero,
        nodes that left (orange) below zero; the Jaccard similarity of the tie sets on a
        twin axis (0 to 1).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> tab = nc.temporal.turnover(nc.datasets.load_phases("caviar"))
    >>> ax = nc.plot.plot_turnover(tab)
    >>> len(ax.patches)
    30
    """
    func = "plot_turnover"
    need = {"window", "persisted", "entered", "left", "jaccard_ties"}
    if not isinstance(turnover_df, pd.DataFrame) or not need <= set(turnover_df.columns):
        raise param_error(func, "turnover_df", f"a turnover table with columns {sorted(need)}",
                          turnover_df, shown=f"an object of type {type(turnover_df).__name__}")
    ax = _axes(ax, (9.0, 4.8), func)
    x = np.arange(len(turnover_df))
    kept = turnover_df["persisted"].to_numpy(float)
    ent = turnover_df["entered"].to_numpy(float)
    left = turnover_df["left"].to_numpy(float)
    ax.bar(x, kept, color="#9e9e9e", label="persisted")
    ax.bar(x, ent, bottom=kept, color="#1f77b4", label="entered")
    ax.bar(x, -left, color="#ff7f0e", label="left")
    ax.axhline(0, color="#333333", lw=0.8)
    ax.set_xticks(x)
    ax.set_xticklabels([_window_label(w) for w in turnover_df["window"]],
                       rotation=0 if len(x) <= 12 else 45, fontsize=9)
    ax.set_xlabel("window (compared with the previous one)")
    ax.set_ylabel("nodes")
    ax2 = ax.twinx()
    ax2.plot(x, turnover_df["jaccard_ties"].to_numpy(float), "k.-", lw=1.5,
             label="Jaccard of tie sets")
    ax2.set_ylim(0, 1)
    ax2.set_ylabel("Jaccard of tie sets")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, frameon=False, fontsize=9, loc="upper center",
              bbox_to_anchor=(0.5, -0.15), ncol=4)
    for sp in ("top",):
        ax.spines[sp].set_visible(False)
    return ax
