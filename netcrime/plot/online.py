"""Figures of the online trace: linked operations, blocking against arresting.

* :func:`plot_linked_operations` -- the ad--identifier graph of a
  :func:`~netcrime.online.link_traces` result: ads coloured by operation, identifiers as
  small grey squares, hub identifiers (cut by the ``max_share`` guard) as red crosses with
  their would-be links dashed;
* :func:`plot_block_vs_raid` -- the share of victims still reachable by clients after ``k``
  take-downs against ``k`` arrests (a :func:`~netcrime.online.compare_block_vs_raid` frame).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_int, param_error
from .figures import _check_title, _figure_axes
from .palettes import category_color

__all__ = ["plot_block_vs_raid", "plot_linked_operations"]


def plot_linked_operations(linked: Any, /, *, top: int = 12, ax: Any = None,
                           title: str | None = None) -> Any:
    """Draw the ads of the ``top`` largest operations with their identifiers.

    Parameters
    ----------
    linked : netcrime.online.LinkResult
    top : int >= 1, default 12
        The largest operations drawn (the rest are left out to keep the figure readable).
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=150, kind="online", rng=1)
    >>> ax = nc.plot.plot_linked_operations(nc.online.link_traces(g))
    """
    import networkx as nx
    from matplotlib.lines import Line2D

    from ..online import LinkResult

    func = "plot_linked_operations"
    if not isinstance(linked, LinkResult):
        raise param_error(func, "linked", "a netcrime.online.LinkResult", None,
                          shown=f"an object of type {type(linked).__name__}")
    top = check_int(top, func=func, param="top", min=1)
    _check_title(title, func)
    ax = _figure_axes(ax, figsize=(8, 6), func=func)
    op = linked.operation.to_numpy()
    links = linked.links
    keep_ad = op[links["ad"].to_numpy()] < top
    ln = links[keep_ad]
    ids = linked.identifiers
    h = nx.Graph()
    ads = np.flatnonzero(op < top)
    h.add_nodes_from(("ad", int(a)) for a in ads)
    h.add_edges_from((("ad", int(a)), ("id", int(i)))
                     for a, i in zip(ln["ad"].to_numpy(), ln["identifier"].to_numpy()))
    pos = nx.spring_layout(h, seed=1, k=1.5 / max(np.sqrt(h.number_of_nodes()), 1))
    cut = ids["cut"].to_numpy()
    for u, v in h.edges:
        i = u[1] if u[0] == "id" else v[1]
        style = ("--", "tab:red", 0.4) if cut[i] else ("-", "0.6", 0.6)
        ax.plot(*zip(pos[u], pos[v]), ls=style[0], color=style[1], lw=style[2], zorder=1)
    xy = np.array([pos[("ad", int(a))] for a in ads]).reshape(-1, 2)
    ax.scatter(xy[:, 0], xy[:, 1], s=30, zorder=3, edgecolors="k", linewidths=0.3,
               c=[category_color(f"operation {op[a]}") for a in ads])
    idn = [v for v in h.nodes if v[0] == "id"]
    for hub in (False, True):
        sel = [v for v in idn if bool(cut[v[1]]) == hub]
        if sel:
            p = np.array([pos[v] for v in sel])
            ax.scatter(p[:, 0], p[:, 1], s=60 if hub else 12, marker="X" if hub else "s",
                       c="tab:red" if hub else "0.5", zorder=4 if hub else 2)
    handles = [Line2D([], [], marker="o", ls="", color=category_color(f"operation {k}"),
                      label=f"operation {k} ({n} ads)")
               for k, n in zip(linked.sizes["operation"][:min(top, 6)],
                               linked.sizes["n_ads"][:min(top, 6)])]
    handles += [Line2D([], [], marker="s", ls="", color="0.5", label="identifier"),
                Line2D([], [], marker="X", ls="--", color="tab:red",
                       label=f"hub, cut (> {linked.max_share:.0%} of ads)")]
    ax.legend(handles=handles, fontsize=7, loc="best", frameon=False)
    ax.set_axis_off()
    ax.set_title(title or f"Ads linked into operations ({linked.n_operations} found; "
                          f"largest {min(top, linked.n_operations)} shown)")
    return ax


def plot_block_vs_raid(comparison: Any, /, *, ax: Any = None, title: str | None = None) -> Any:
    """Share of victims still reachable by clients: ``k`` take-downs against ``k`` arrests.

    Parameters
    ----------
    comparison : pandas.DataFrame
        The frame of :func:`netcrime.online.compare_block_vs_raid` (columns ``action``,
        ``k``, ``victims_share``); several frames concatenated with an extra ``label``
        column give one curve per label and action.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=150, kind="online", rng=1)
    >>> t = nc.online.compare_block_vs_raid(g, budgets=[1, 2, 4])
    >>> ax = nc.plot.plot_block_vs_raid(t)
    """
    func = "plot_block_vs_raid"
    need = {"action", "k", "victims_share"}
    if not isinstance(comparison, pd.DataFrame) or not need <= set(comparison.columns):
        raise param_error(func, "comparison", "a compare_block_vs_raid frame (columns "
                          "action, k, victims_share)", None,
                          shown=f"an object of type {type(comparison).__name__}")
    _check_title(title, func)
    ax = _figure_axes(ax, figsize=(6, 4), func=func)
    df = comparison.copy()
    if "label" not in df.columns:
        df["label"] = ""
    looks = {"block": ("tab:green", "-", "o"), "arrest": ("tab:red", "--", "s")}
    for (label, action), part in df.groupby(["label", "action"], sort=False):
        part = part.sort_values("k")
        color, ls, marker = looks.get(action, ("0.3", ":", "^"))
        name = f"{action} {label}".strip()
        ax.plot(np.r_[0, part["k"]], np.r_[1.0, part["victims_share"]], ls=ls, marker=marker,
                color=color if not label else None, label=name)
    ax.set_xlabel("k (objects taken down / persons arrested)")
    ax.set_ylabel("victims still reachable by clients (share)")
    ax.set_ylim(-0.02, 1.05)
    ax.legend(frameon=False)
    ax.set_title(title or "Blocking the web against arresting people")
    return ax
