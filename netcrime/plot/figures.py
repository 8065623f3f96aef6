"""The figures: a network coloured by role (or stage, group ...), removal curves of
disruption strategies, Gould–Fernandez brokerage profiles and network profiles.

Each function draws on the matplotlib ``Axes`` it is given (or on a new figure) and returns
it; matplotlib is imported inside the functions.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._validation import check_bool, check_choice, check_int, check_rng, param_error
from ..brokerage import GouldFernandezResult
from ..disruption import AttackResult
from ..exceptions import UndefinedMetricError
from ..graph import Graph, as_graph
from .layouts import column_values, declared_order, resolve_layout
from .palettes import (
    BROKERAGE_COLORS,
    FALLBACK_COLORS,
    MISSING_COLOR,
    MISSING_LABEL,
    NODE_PALETTES,
    ROLE_COLORS,
    category_color,
    category_order,
    is_missing,
    norm_key,
    stage_rank,
    strategy_color,
)

__all__ = ["draw_network", "plot_brokerage_profile", "plot_profiles", "plot_removal_curves"]


def _check_axes(ax: Any, func: str) -> None:
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise param_error(func, "ax", "None or a matplotlib Axes", ax)


def _check_title(title: Any, func: str) -> None:
    if title is not None and not isinstance(title, str):
        raise param_error(func, "title", "None or a str", title)


def _figure_axes(ax: Any, *, figsize: tuple[float, float], polar: bool = False,
                 func: str | None = None) -> Any:
    if func is not None:
        _check_axes(ax, func)
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize, layout="constrained")
    return fig.add_subplot(projection="polar" if polar else None)


# --------------------------------------------------------------------------- draw_network
#: Colour of the ties in :func:`draw_network`.
_EDGE_COLOR = "#8a8a8a"
#: Line style of each tie channel; other channels take the extra styles in turn.
_CHANNEL_STYLES: dict[str, Any] = {
    "offline": "solid", "online": (0, (4, 2)), "platform": (0, (1, 1.5)),
}
_EXTRA_STYLES: tuple[Any, ...] = ((0, (6, 2, 1, 2)), (0, (3, 1, 1, 1, 1, 1)))


class _Colouring(NamedTuple):
    """What the nodes are coloured by: one value per node (None: one colour), whether the
    values are numeric (a colormap) and the name shown in the legend."""

    values: np.ndarray | None = None
    numeric: bool = False
    name: str | None = None
    from_attribute: bool = False


def _node_sizes(g: Graph, node_size: Any, func: str) -> np.ndarray:
    n = g.n_nodes
    if node_size is None:
        base = float(np.clip(2400 / max(n, 1) ** 0.85, 18, 320))
        return np.full(n, base)
    if isinstance(node_size, str):
        if node_size == "degree":
            vals = g.degree().astype(float)
        elif node_size in g.node_attrs.columns:
            vals = pd.to_numeric(g.node_attrs[node_size], errors="coerce").to_numpy(float)
        else:
            raise param_error(func, "node_size", "a number, 'degree', a numeric node attribute "
                              "or a Series", node_size)
    elif isinstance(node_size, pd.Series):
        vals = node_size.reindex(g.nodes).to_numpy(float)
    elif isinstance(node_size, (int, float, np.integer, np.floating)) and not isinstance(
            node_size, bool):
        if not (math.isfinite(float(node_size)) and node_size > 0):
            raise param_error(func, "node_size", "a number > 0", node_size)
        return np.full(n, float(node_size))
    else:
        raise param_error(func, "node_size", "a number, 'degree', a numeric node attribute "
                          "or a Series", type(node_size).__name__)
    vals = np.where(np.isfinite(vals), vals, np.nanmin(vals) if np.isfinite(vals).any() else 0)
    lo, hi = (vals.min(), vals.max()) if n else (0, 0)
    base = float(np.clip(2400 / max(n, 1) ** 0.85, 18, 320))
    if hi > lo:
        return base * (0.4 + 2.0 * (vals - lo) / (hi - lo))
    return np.full(n, base)


def _label_set(g: Graph, labels: Any, func: str) -> dict[int, str]:
    n = g.n_nodes
    deg = g.degree()
    by_deg = np.lexsort((np.arange(n), -deg))
    if labels is None:
        labels = n <= 40 or 12
    if isinstance(labels, (bool, np.bool_)):
        return {int(i): str(g.nodes[i]) for i in by_deg} if labels else {}
    if isinstance(labels, (int, np.integer)):
        k = check_int(labels, func=func, param="labels", min=0)
        return {int(i): str(g.nodes[i]) for i in by_deg[:k]}
    if isinstance(labels, Mapping):
        pos = g.node_index(list(labels), func=func, param="labels")
        return {int(p): str(labels[v]) for p, v in zip(pos, labels)}
    if isinstance(labels, (list, tuple, pd.Index, np.ndarray, pd.Series)):
        items = list(labels)
        pos = g.node_index(items, func=func, param="labels")
        return {int(p): str(v) for p, v in zip(pos, items)}
    raise param_error(func, "labels", "None, a bool, an int, a list of nodes or a dict",
                      type(labels).__name__)


def _hide_overlapping_labels(ax: Any, texts: list[Any]) -> None:
    """Greedy: keep labels in priority order, hide any label overlapping a kept one."""
    if not texts:
        return
    fig = ax.figure
    try:
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
    except Exception:  # pragma: no cover - exotic backends
        return
    kept = []
    for t in texts:
        bb = t.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(bb.overlaps(k) for k in kept):
            t.set_visible(False)
        else:
            kept.append(bb)




def draw_network(
    g: Any,
    /,
    *,
    color_by: str | pd.Series | None = "role",
    layout: Any = "auto",
    ax: Any = None,
    node_size: Any = None,
    labels: Any = None,
    legend: bool = True,
    title: str | None = None,
    edge_style_by: str | None = "channel",
    rng: Any = 0,
) -> Any:
    """Draw a network with its roles (or stages, groups ...) coloured and a legend.

    Parameters
    ----------
    g : Graph or graph-like
    color_by : str, Series or None
        Node attribute to colour by (default ``"role"``; ``"stage"``, ``"group"``, ``"cell"``,
        ``"tier"``, ``"kind"`` ...). Roles, stages and kinds use the fixed palettes of this
        module; other categories a stable checksum colour; a numeric attribute or a numeric
        ``Series`` indexed by node (e.g. a centrality) a continuous colormap with a colour bar.
        Missing values are light grey ("(missing)" in the legend). ``None``: one colour. If
        ``color_by="role"`` and the graph has no ``role`` attribute, nodes get one colour.
    layout : {"auto", "wheel", "chain", "spring", "circular"}, DataFrame, dict or array
        ``"auto"`` uses :func:`wheel_layout` when the graph has a core tier and cells,
        :func:`chain_layout` when it has stages, else a seeded spring layout. A DataFrame
        with ``x``/``y`` columns indexed by node, a dict node -> (x, y) or an (n, 2) array
        give explicit positions.
    ax : matplotlib Axes, optional
        Where to draw; a new 8×6-inch figure (constrained layout) if None.
    node_size : number, "degree", str, Series or None
        Marker area in points²; ``"degree"``/a numeric attribute/a Series scales it.
        None: a size that shrinks with the number of nodes.
    labels : None, bool, int, list or dict
        Which nodes to label: None = all when n <= 40, else the 12 of highest degree;
        an int k = the k of highest degree; a list of nodes; a dict node -> text.
        Labels that would overlap a label of a higher-degree node are hidden.
    legend : bool
        Draw the legend (categories) or colour bar (numeric) outside the data, on the right.
    title : str, optional
        Axes title (default: "Network coloured by <color_by>").
    edge_style_by : str or None
        Edge attribute that sets the line style: with the default ``"channel"``, ``offline``
        ties are solid, ``online`` ties dashed and ``platform`` ties dotted (added to the
        legend). Ignored when the graph has no such edge attribute.
    rng : int, numpy Generator or None
        Randomness of the spring layout: a non-negative int below ``2**32`` is the seed of
        :func:`networkx.spring_layout` (default 0, so a figure is reproducible); a larger
        int (up to ``2**63 - 1``, the rule of every ``rng=``) or a Generator draws that seed;
        None uses fresh entropy. Other layouts use no randomness.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        For an unknown ``color_by`` attribute, layout name, positions that are not a
        finite ``(n, 2)`` table of numbers, or bad ``node_size``/``labels``/``rng``/
        ``edge_style_by`` (a str or None).
    GraphFormatError
        If ``layout="wheel"``/``"chain"`` is asked for a graph without the needed attributes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> import pandas as pd
    >>> edges = pd.DataFrame({"source": ["boss", "boss"], "target": ["rec", "drv"]})
    >>> g = nc.Graph.from_edges(edges, directed=False).with_node_attrs(
    ...     role=["leader", "recruiter", "transporter"])
    >>> ax = nc.plot.draw_network(g, layout="spring")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['leader', 'recruiter', 'transporter']
    """
    func = "draw_network"
    g = as_graph(g, func=func, param="g")
    legend = check_bool(legend, func=func, param="legend")
    check_rng(rng, func=func)  # validated here; only the spring layout draws from it
    if edge_style_by is not None and not isinstance(edge_style_by, str):
        raise param_error(func, "edge_style_by", "None or an edge attribute name (a str)",
                          edge_style_by)
    xy, layout_name, layout_info = resolve_layout(g, layout, rng, func)
    sizes = _node_sizes(g, node_size, func)
    ax = _figure_axes(ax, figsize=(8.0, 6.0), func=func)
    colouring = _node_colouring(g, color_by, func)
    styles, style_legend = _edge_styles(g, edge_style_by)
    _draw_edges(ax, g, xy, sizes, styles)
    handles: list[Any] = []
    if colouring.values is None:
        ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c="#4e79a7", edgecolors=_node_edge(g),
                   linewidths=0.8, zorder=2)
    elif colouring.numeric:
        _draw_numeric_nodes(ax, g, xy, sizes, colouring, legend)
    else:
        handles = _draw_category_nodes(ax, g, xy, sizes, colouring)
    texts = _draw_labels(ax, g, xy, sizes, labels, func)
    _network_axes(ax, xy, layout_name, layout_info)
    cname = colouring.name
    if title is None:
        title = f"Network coloured by {cname}" if cname else "Network"
        title += f"  ({g.n_nodes} nodes, {g.n_edges} ties)"
    ax.set_title(title, fontsize=14, pad=10)
    if legend and (handles or style_legend):
        _network_legend(ax, handles, style_legend, cname)
    _hide_overlapping_labels(ax, texts)
    return ax


def _node_colouring(g: Graph, color_by: Any, func: str) -> _Colouring:
    """Validate ``color_by`` and read the values the nodes are coloured by."""
    if isinstance(color_by, pd.Series):
        numeric = pd.api.types.is_numeric_dtype(color_by) and not pd.api.types.is_bool_dtype(
            color_by)
        return _Colouring(color_by.reindex(g.nodes).to_numpy(dtype=object), numeric,
                          str(color_by.name) if color_by.name is not None else "value")
    if color_by is None:
        return _Colouring()
    if not isinstance(color_by, str):
        raise param_error(func, "color_by", "a node attribute name, a Series or None",
                          type(color_by).__name__)
    na = g.node_attrs
    if color_by in na.columns:
        col = na[color_by]
        numeric = (pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
                   and color_by not in ("cell", "group", "tier") and col.nunique() > 12)
        return _Colouring(column_values(col, color_by), numeric, color_by, True)
    if color_by != "role":
        raise param_error(func, "color_by", "a node attribute of the graph ("
                          + ", ".join(map(repr, na.columns)) + ") or a Series", color_by)
    return _Colouring()  # no role attribute: one colour


def _edge_styles(g: Graph, edge_style_by: str | None) -> tuple[np.ndarray,
                                                                 list[tuple[str, Any]]]:
    """The line style of every edge (by the edge attribute ``edge_style_by``) and the legend
    entries (text, style) when there are at least two categories."""
    s, _t = g.edge_array()
    ea = g.edge_attrs
    styles = np.array(["solid"] * len(s), dtype=object)
    style_legend: list[tuple[str, Any]] = []
    if not (edge_style_by and edge_style_by in ea.columns and len(s)):
        return styles, style_legend
    ev = ea[edge_style_by].to_numpy(dtype=object)
    cats = category_order(ev, None, tuple(_CHANNEL_STYLES))
    for j, c in enumerate(cats):
        ls = _CHANNEL_STYLES.get(norm_key(c), _EXTRA_STYLES[j % len(_EXTRA_STYLES)])
        for e in np.flatnonzero(ev == c):
            styles[e] = ls
        style_legend.append((str(c), ls))
    return styles, (style_legend if len(cats) > 1 else [])


def _edge_looks(n: int) -> tuple[float, float]:
    """Line width and opacity of the ties: thinner and fainter for bigger networks."""
    lw = 1.0 if n <= 60 else (0.7 if n <= 250 else 0.4)
    alpha = 0.8 if n <= 60 else (0.5 if n <= 250 else 0.35)
    return lw, alpha


def _draw_edges(ax: Any, g: Graph, xy: np.ndarray, sizes: np.ndarray,
                styles: np.ndarray) -> None:
    """Ties as arrows (directed, at most 600 ties) or one line collection; loops not drawn."""
    from matplotlib.collections import LineCollection

    s, t = g.edge_array()
    lw, ealpha = _edge_looks(g.n_nodes)
    if g.directed and len(s) <= 600:
        from matplotlib.patches import FancyArrowPatch

        shrink = np.sqrt(sizes) / 2 + 1
        for e in range(len(s)):
            if s[e] == t[e]:
                continue
            p = FancyArrowPatch(
                tuple(xy[s[e]]), tuple(xy[t[e]]), arrowstyle="-|>",
                mutation_scale=8 + 4 * lw, lw=lw, color=_EDGE_COLOR, alpha=ealpha,
                linestyle=styles[e], shrinkA=shrink[s[e]], shrinkB=shrink[t[e]], zorder=1,
            )
            ax.add_patch(p)
    elif len(s):
        keep = s != t
        segs = np.stack([xy[s[keep]], xy[t[keep]]], axis=1)
        lc = LineCollection(segs, colors=_EDGE_COLOR, linewidths=lw, alpha=ealpha,
                            linestyles=list(styles[keep]), zorder=1)
        ax.add_collection(lc)


def _node_edge(g: Graph) -> str:
    """Marker edge colour: a white ring, dropped for big networks."""
    return "white" if g.n_nodes <= 250 else "none"


def _draw_numeric_nodes(ax: Any, g: Graph, xy: np.ndarray, sizes: np.ndarray,
                        colouring: _Colouring, legend: bool) -> None:
    """Nodes on the viridis colormap (missing values light grey) with a colour bar."""
    edgecol = _node_edge(g)
    vals = pd.to_numeric(pd.Series(colouring.values), errors="coerce").to_numpy(float)
    ok = np.isfinite(vals)
    if (~ok).any():
        ax.scatter(xy[~ok, 0], xy[~ok, 1], s=sizes[~ok], c=MISSING_COLOR,
                   edgecolors=edgecol, linewidths=0.8, zorder=2)
    sc = ax.scatter(xy[ok, 0], xy[ok, 1], s=sizes[ok], c=vals[ok], cmap="viridis",
                    edgecolors=edgecol, linewidths=0.8, zorder=2)
    if legend and ok.any():
        cb = ax.figure.colorbar(sc, ax=ax, shrink=0.8, pad=0.02)
        cb.set_label(colouring.name, fontsize=11)


def _category_hint(g: Graph, colouring: _Colouring) -> tuple[str, ...]:
    """Canonical order of the categories: the attribute's declared order, then the stage
    order (stages) or the role palette's order (roles)."""
    cname = colouring.name
    hint: tuple[str, ...] = ()
    if cname is not None and colouring.from_attribute:
        hint = declared_order(g, cname)
    if cname == "stage":
        hint = (*hint, *stage_rank())
    elif cname == "role":
        hint = (*hint, *ROLE_COLORS)
    return hint


def _draw_category_nodes(ax: Any, g: Graph, xy: np.ndarray, sizes: np.ndarray,
                         colouring: _Colouring) -> list[Any]:
    """One scatter per category in its fixed colour (missing values last, light grey);
    returns the legend handles."""
    from matplotlib.lines import Line2D

    values, cname = colouring.values, colouring.name
    edgecol = _node_edge(g)
    cats = category_order(values, NODE_PALETTES.get(cname or "", None),
                          _category_hint(g, colouring))
    pal_name = cname if cname in NODE_PALETTES else None
    marker_d = math.sqrt(float(np.median(sizes))) if g.n_nodes else 8.0
    handles = []
    for c in cats:
        m = np.array([v == c for v in values], bool)
        color = category_color(c, palette=pal_name)
        ax.scatter(xy[m, 0], xy[m, 1], s=sizes[m], c=color, edgecolors=edgecol,
                   linewidths=0.8, zorder=2, label=str(c))
        handles.append(Line2D([], [], ls="", marker="o", markersize=min(max(marker_d, 7), 12),
                              markerfacecolor=color, markeredgecolor="white", label=str(c)))
    miss = np.array([is_missing(v) for v in values], bool)
    miss_label = "(no stage)" if cname == "stage" else MISSING_LABEL
    if miss.any():
        ax.scatter(xy[miss, 0], xy[miss, 1], s=sizes[miss], c=MISSING_COLOR,
                   edgecolors="#9a9a9a", linewidths=0.6, zorder=2, label=miss_label)
        handles.append(Line2D([], [], ls="", marker="o", markersize=9,
                              markerfacecolor=MISSING_COLOR, markeredgecolor="#9a9a9a",
                              label=miss_label))
    return handles


def _draw_labels(ax: Any, g: Graph, xy: np.ndarray, sizes: np.ndarray, labels: Any,
                 func: str) -> list[Any]:
    """Node labels above the markers (white halo); returns them in priority order."""
    if not g.n_nodes:
        return []
    import matplotlib.patheffects as pe

    lab = _label_set(g, labels, func)
    fs = 9 if len(lab) <= 40 else 7
    texts = []
    for i, text in lab.items():
        r = math.sqrt(sizes[i]) / 2
        tx = ax.annotate(text, xy=(xy[i, 0], xy[i, 1]), xytext=(0, r + 2),
                         textcoords="offset points", ha="center", va="bottom",
                         fontsize=fs, zorder=3, clip_on=True,
                         path_effects=[pe.withStroke(linewidth=2.5, foreground="white")])
        texts.append(tx)
    return texts


def _network_axes(ax: Any, xy: np.ndarray, layout_name: str,
                  layout_info: Mapping[str, Any]) -> None:
    """Limits with a margin (more on top, for the labels), no frame or ticks, equal aspect
    except for the chain, whose stages and bands label the axes."""
    if len(xy):
        lo = xy.min(axis=0)
        hi = xy.max(axis=0)
        pad = np.maximum((hi - lo) * 0.08, 0.15)
        ax.set_xlim(lo[0] - pad[0], hi[0] + pad[0])
        ax.set_ylim(lo[1] - pad[1], hi[1] + pad[1] * 1.6)
    if layout_name in ("wheel", "circular", "spring", "given"):
        ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for sp in ax.spines.values():
        sp.set_visible(False)
    if layout_name == "chain":
        _label_chain_axes(ax, layout_info)


def _label_chain_axes(ax: Any, info: Mapping[str, Any]) -> None:
    stages = info.get("stages", [])
    ax.set_xticks(range(len(stages)))
    ax.set_xticklabels(stages, fontsize=10, rotation=20, ha="right")
    ax.tick_params(axis="x", length=0)
    bands = info.get("bands", {})
    if bands:
        ax.set_yticks(list(bands.values()))
        ax.set_yticklabels(list(bands), fontsize=10)
        ax.tick_params(axis="y", length=0)


def _network_legend(ax: Any, handles: list[Any], style_legend: list[tuple[str, Any]],
                    cname: str | None) -> None:
    """Categories (then tie styles) outside the data, on the right."""
    from matplotlib.lines import Line2D

    handles = [*handles, *[Line2D([], [], color=_EDGE_COLOR, lw=1.5, ls=ls, label=f"{c} tie")
                           for c, ls in style_legend]]
    ax.legend(handles=handles, title=cname, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              frameon=False, fontsize=10, title_fontsize=11, borderaxespad=0.0)


# --------------------------------------------------------------------------- removal curves
#: Line styles of successive curves sharing a colour (random: dashed, then dotted).
_CURVE_STYLES: tuple[Any, ...] = ("-", "-.", ":", (0, (5, 1.5)), (0, (3, 1, 1, 1, 1, 1)))
#: Columns of :func:`netcrime.disruption.compare_strategies`'s frame read here.
_COMPARE_COLUMNS = ("strategy", "repeat", "fraction_removed")
#: Curve columns that cannot be drawn against the fraction removed.
_NOT_METRICS = frozenset({"strategy", "repeat", "step", "fraction_removed", "node", "source",
                          "target"})
_RESULTS_RULE = ("an AttackResult, a list or dict of AttackResults, or the frame of "
                 "compare_strategies()")


class _Curve(NamedTuple):
    """One curve to draw: legend name, x (fraction removed), y (the metric), Schneider's R
    when known, and a (low, high) band for the mean of several repeats."""

    name: str
    x: np.ndarray
    y: np.ndarray
    robustness: float | None = None
    band: tuple[np.ndarray, np.ndarray] | None = None


def _fraction_removed(result: AttackResult) -> np.ndarray:
    """``step / result.denominator`` (nodes or ties of the intact network), as in
    :meth:`AttackResult.auc`."""
    return result.curve["step"].to_numpy(dtype=float) / result.denominator


def _metric_values(curve: pd.DataFrame, metric: Any, func: str) -> np.ndarray:
    if not isinstance(metric, str) or metric in _NOT_METRICS or metric not in curve.columns:
        metrics = [str(c) for c in curve.columns if c not in _NOT_METRICS]
        raise param_error(func, "metric", "a metric of the curves (" + ", ".join(metrics)
                          + ")", metric)
    return curve[metric].to_numpy(dtype=float)


def _robustness(result: AttackResult) -> float | None:
    try:
        return result.robustness
    except UndefinedMetricError:  # no 'lcc' column, or an empty network
        return None


def _labelled_results(results: Any, func: str) -> list[tuple[str, AttackResult]]:
    """(legend name, result) of a dict (keys name the curves) or a sequence (by strategy)."""
    if isinstance(results, Mapping):
        items = [(str(k), v) for k, v in results.items()]
    elif isinstance(results, Sequence) and not isinstance(results, str):
        items = [(str(getattr(v, "strategy", "")), v) for v in results]
    else:
        raise param_error(func, "results", _RESULTS_RULE,
                          None, shown=f"an object of type {type(results).__name__}")
    for _, r in items:
        if not isinstance(r, AttackResult):
            raise param_error(func, "results", _RESULTS_RULE, None,
                              shown=f"a collection holding an object of type "
                                    f"{type(r).__name__}")
    if not items:
        raise param_error(func, "results", "at least one removal curve", results)
    targets = sorted({r.target for _, r in items})
    if len(targets) > 1:
        raise param_error(func, "results", "attacks of one kind (all on nodes or all on "
                          "edges)", targets)
    return items


def _curves_from_frame(df: pd.DataFrame, metric: str, func: str) -> list[_Curve]:
    """One curve per strategy of a compare_strategies() frame; with several repeats, the
    mean curve over the repeats and a ±1 sd band."""
    missing = [c for c in _COMPARE_COLUMNS if c not in df.columns]
    if missing:
        raise param_error(func, "results", _RESULTS_RULE + " (columns 'strategy', 'repeat', "
                          "'fraction_removed' and the metric)", None,
                          shown=f"a DataFrame with columns {[str(c) for c in df.columns]!r}")
    _metric_values(df, metric, func)
    curves = []
    for sname, sub in df.groupby("strategy", sort=False):
        x = sub["fraction_removed"].to_numpy(dtype=float)
        y = sub[metric].to_numpy(dtype=float)
        repeats = sub["repeat"].nunique()
        if repeats > 1:
            agg = pd.DataFrame({"x": x, "y": y}).groupby("x")["y"]
            mean, sd = agg.mean(), agg.std(ddof=0)
            curves.append(_Curve(f"{sname} (mean of {repeats})", mean.index.to_numpy(float),
                                 mean.to_numpy(), None,
                                 ((mean - sd).to_numpy(), (mean + sd).to_numpy())))
        else:
            curves.append(_Curve(str(sname), x, y))
    return curves


def plot_removal_curves(
    results: Any,
    /,
    *,
    ax: Any = None,
    metric: str = "lcc_frac",
    label: str | None = None,
    title: str | None = None,
    threshold: float | None = None,
    **kwargs: Any,
) -> Any:
    """Removal curves of disruption strategies: a metric against the fraction removed.

    Parameters
    ----------
    results : AttackResult, list or dict of AttackResult, or DataFrame
        What :mod:`netcrime.disruption` returns:

        * one :class:`~netcrime.disruption.AttackResult` (from
          :func:`~netcrime.disruption.attack` or :func:`~netcrime.disruption.attack_edges`):
          one plain line, what :meth:`AttackResult.plot` draws, so that single results can
          be layered on one Axes;
        * a list of them (each named by its strategy) or a dict ``name -> AttackResult``,
          all node attacks or all edge attacks: a comparison figure, one curve per result;
        * the tidy frame of :func:`~netcrime.disruption.compare_strategies`: a comparison
          figure, one curve per strategy; with several repeats, the mean curve with a ±1 sd
          band, named ``"<strategy> (mean of R)"``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None (5×3.5 inches for a single result, 8×5 inches
        with constrained layout for a comparison).
    metric : str
        The curve column on the y-axis (default ``"lcc_frac"``, ``LCC / LCC₀``; any metric
        the attack recorded, e.g. ``"n_components"``, ``"efficiency"``).
    label : str, optional
        Legend text of a single result (default ``"<strategy> (<mode>)"``); a comparison
        names its curves by the dict keys or strategies, so ``label`` must be None there.
    title : str or None
        None: for a comparison, "Disruption: largest component vs fraction removed" (or
        "Disruption: <metric> vs fraction removed"), for a single result no title;
        ``""``: no title.
    threshold : float in (0, 1), optional
        Draw a horizontal reference line (e.g. 0.5: "network halved").
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.plot` for every curve (for a comparison they
        override the styles below).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        For anything else as ``results`` (including a frame without the columns of
        :func:`~netcrime.disruption.compare_strategies`), a metric the curves do not have,
        a ``label`` with several curves, or a ``threshold`` outside (0, 1).

    Notes
    -----
    The x-axis is the fraction removed ``step / N`` (``N`` = nodes of the intact network,
    or its edges for an edge attack), the y-axis the metric after each removal. In a
    comparison each strategy keeps a fixed colour (:data:`STRATEGY_COLORS`; random is a grey
    dashed line); a second curve of the same strategy (e.g. "betweenness + recovery") keeps
    the colour and changes the line style (dash-dot, then dotted, ...). Earlier curves are
    drawn thicker so identical curves stay visible. The legend (outside the data, right)
    gives Schneider's robustness R = (1/N) Σ_q s(q) of every result whose curve has ``lcc``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> res = nc.disruption.attack(nx.star_graph(4), strategy="degree")  # R = (N - 1) / N²
    >>> ax = nc.plot.plot_removal_curves({"hub first": res, "again": res})
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['hub first  (R = 0.160)', 'again  (R = 0.160)']
    >>> ax.get_lines()[0].get_xydata()[:3].tolist()
    [[0.0, 1.0], [0.2, 0.2], [0.4, 0.2]]
    >>> ax = nc.plot.plot_removal_curves(res)  # one result: the line AttackResult.plot draws
    >>> ax.get_lines()[0].get_label(), ax.get_xlabel(), ax.get_ylabel()
    ('degree (static)', 'fraction of nodes removed', 'largest component / intact (LCC / LCC₀)')
    """
    func = "plot_removal_curves"
    if label is not None and not isinstance(label, str):
        raise param_error(func, "label", "None or a str (the legend text)", label)
    if threshold is not None and not (isinstance(threshold, (int, float)) and 0 < threshold < 1):
        raise param_error(func, "threshold", "a float in (0, 1)", threshold)
    _check_axes(ax, func)
    if isinstance(results, AttackResult):
        return _plot_single(results, ax, metric, label, title, threshold, kwargs, func)
    if label is not None:
        raise param_error(func, "label", "None when several curves are drawn (name them with "
                          "a dict)", label)
    if isinstance(results, pd.DataFrame):
        curves, target = _curves_from_frame(results, metric, func), "node"
    else:
        items = _labelled_results(results, func)
        curves = [_Curve(name, _fraction_removed(r), _metric_values(r.curve, metric, func),
                         _robustness(r)) for name, r in items]
        target = items[0][1].target
    ax = _figure_axes(ax, figsize=(8.0, 5.0))
    _draw_curves(ax, curves, kwargs)
    if threshold is not None:
        ax.axhline(threshold, color="0.5", lw=0.8, ls=":")
    _curve_axes(ax, metric, target, title)
    return ax


def _plot_single(result: AttackResult, ax: Any, metric: str, label: str | None,
                 title: str | None, threshold: float | None, kwargs: dict[str, Any],
                 func: str) -> Any:
    """One plain line: ``metric`` against the fraction removed, axis labels only."""
    y = _metric_values(result.curve, metric, func)
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(5, 3.5), layout="constrained")
    ax.plot(_fraction_removed(result), y,
            label=label or f"{result.strategy} ({result.mode})", **kwargs)
    what = "nodes" if result.target == "node" else "edges"
    ax.set_xlabel(f"fraction of {what} removed")
    ax.set_ylabel(metric_words(metric))
    if threshold is not None:
        ax.axhline(threshold, color="0.5", lw=0.8, ls=":")
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(fontsize=9, frameon=False, loc="best")
    return ax


#: Axis labels in words for the metrics of a removal curve.
METRIC_WORDS: dict[str, str] = {
    "lcc_frac": "largest component / intact (LCC / LCC₀)",
    "lcc": "largest component (nodes)",
    "second": "second largest component (nodes)",
    "n_components": "number of components",
    "reachable_pairs": "reachable pairs",
    "efficiency": "global efficiency",
    "stage_completeness": "stage completeness",
}


def metric_words(metric: Any) -> str:
    """The axis label of a removal-curve metric, in words (the metric name if unknown)."""
    return METRIC_WORDS.get(str(metric), str(metric))


#: Markers that tell apart curves drawn on top of each other (one per curve, in order).
_CURVE_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def _draw_curves(ax: Any, curves: list[_Curve], kwargs: dict[str, Any]) -> None:
    """The curves of a comparison, in fixed strategy colours (see plot_removal_curves)."""
    from matplotlib.cbook import normalize_kwargs
    from matplotlib.lines import Line2D

    user = normalize_kwargs(kwargs, Line2D)
    used: dict[str, int] = {}
    k = len(curves)
    for j, c in enumerate(curves):
        color = strategy_color(c.name)
        if norm_key(c.name).startswith("random"):
            ls: Any = ("--", ":")[used.get(color, 0) % 2]
        else:
            ls = _CURVE_STYLES[used.get(color, 0) % len(_CURVE_STYLES)]
        used[color] = used.get(color, 0) + 1
        style = {
            "linestyle": ls, "color": color,
            # earlier curves are drawn thicker, so a curve hidden under a later one still shows
            "linewidth": 1.6 + 2.0 * (k - 1 - j) / max(k - 1, 1),
            "marker": _CURVE_MARKERS[j % len(_CURVE_MARKERS)], "markersize": 4.0,
            "markevery": max(1, len(c.x) // 12),
            "label": c.name if c.robustness is None else f"{c.name}  (R = {c.robustness:.3f})",
            "zorder": 2 + j, "alpha": 0.95,
        }
        ax.plot(c.x, c.y, **{**style, **user})
        if c.band is not None:
            ax.fill_between(c.x, c.band[0], c.band[1], color=style["color"], alpha=0.15, lw=0,
                            zorder=1)


def _curve_axes(ax: Any, metric: str, target: str, title: str | None) -> None:
    """Axis labels and limits, grid, title and the strategy legend of a comparison."""
    ax.set_xlim(0, None)
    if metric == "lcc_frac":
        ax.set_ylim(0, 1.03)
    else:
        ax.set_ylim(0, None)
    what = "nodes" if target == "node" else "edges"
    ax.set_xlabel(f"fraction of {what} removed", fontsize=12)
    ax.set_ylabel(metric_words(metric), fontsize=12)
    if metric == "lcc_frac":  # recovery can grow the component beyond LCC0: keep it in view
        top = max([1.0, *(float(np.nanmax(ln.get_ydata())) for ln in ax.get_lines()
                          if len(ln.get_ydata()))])
        ax.set_ylim(0, 1.03 * top)
    ax.tick_params(labelsize=10)
    ax.grid(True, alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title is None:
        what_y = "largest component" if metric == "lcc_frac" else metric
        title = f"Disruption: {what_y} vs fraction removed"
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(title="strategy", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10, title_fontsize=11, borderaxespad=0.0)


# --------------------------------------------------------------------------- brokerage
_GF_ROLES = ("coordinator", "itinerant", "consultant", "representative", "gatekeeper", "liaison")


def plot_brokerage_profile(
    gf: Any,
    /,
    *,
    ax: Any = None,
    top: int = 10,
    labels: Mapping[Hashable, str] | None = None,
    title: str | None = "Brokerage roles of the top brokers (Gould–Fernandez)",
) -> Any:
    """Stacked bars of the Gould–Fernandez brokerage roles of the top brokers.

    Parameters
    ----------
    gf : GouldFernandezResult or DataFrame
        The result of :func:`netcrime.brokerage.gould_fernandez` (its raw role counts,
        :meth:`GouldFernandezResult.raw`, are drawn), or a DataFrame with one row per node
        (index = node) and a column per brokerage role (``coordinator``, ``itinerant`` or
        ``consultant``, ``representative``, ``gatekeeper``, ``liaison``; other columns such
        as ``total`` are ignored), e.g. ``gould_fernandez(g, groups=...).raw()``.
    ax : matplotlib Axes, optional
    top : int
        Number of brokers shown: those with the largest total (ties broken by node order).
    labels : dict, optional
        Node -> text for the bar labels (e.g. ``"n12 (recruiter)"``).
    title : str or None

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        If ``gf`` is neither a GouldFernandezResult nor a DataFrame, or has none of the
        role columns.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> gf = pd.DataFrame({"coordinator": [2, 0], "gatekeeper": [1, 3]}, index=["a", "b"])
    >>> ax = nc.plot.plot_brokerage_profile(gf)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    """
    func = "plot_brokerage_profile"
    top = check_int(top, func=func, param="top", min=1)
    if isinstance(gf, GouldFernandezResult):
        df = gf.raw()
    elif isinstance(gf, pd.DataFrame):
        df = gf
    else:
        raise param_error(func, "gf", "a GouldFernandezResult or a DataFrame of brokerage "
                          "role counts per node", None,
                          shown=f"an object of type {type(gf).__name__}")
    if labels is not None and not isinstance(labels, Mapping):
        raise param_error(func, "labels", "None or a mapping node -> text", labels)
    _check_axes(ax, func)
    _check_title(title, func)
    roles = [c for c in df.columns if norm_key(c) in _GF_ROLES]
    if not roles:
        raise param_error(func, "gf", "a table with Gould–Fernandez role columns ("
                          + ", ".join(_GF_ROLES) + ")", list(df.columns))
    vals = df[roles].astype(float).fillna(0.0)
    total = vals.sum(axis=1)
    order = np.lexsort((np.arange(len(total)), -total.to_numpy()))[:top]
    order = [i for i in order if total.iloc[i] > 0] or list(order)
    sub = vals.iloc[order]
    ax = _figure_axes(ax, figsize=(8.0, max(3.0, 0.45 * len(sub) + 1.5)), func=func)
    ypos = np.arange(len(sub))
    left = np.zeros(len(sub))
    for r in roles:
        v = sub[r].to_numpy()
        ax.barh(ypos, v, left=left, color=BROKERAGE_COLORS.get(norm_key(r), category_color(r)),
                edgecolor="white", height=0.7, label=r)
        left += v
    names = [str(labels.get(k, k)) if labels else str(k) for k in sub.index]
    ax.set_yticks(ypos)
    ax.set_yticklabels(names, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlabel("number of brokered two-paths", fontsize=12)
    for i, tot in enumerate(left):
        ax.text(tot, i, f" {tot:g}", va="center", fontsize=9, color="0.3")
    ax.set_xlim(0, max(float(left.max()) * 1.12, 1.0) if len(left) else 1.0)
    ax.grid(True, axis="x", alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title:
        ax.set_title(title, fontsize=13)
    if labels:
        ax.set_ylabel("broker (person's role)", fontsize=11)
    ax.legend(title="brokerage role", loc="upper left", bbox_to_anchor=(1.01, 1.0),
              frameon=False, fontsize=10, title_fontsize=11, borderaxespad=0.0)
    return ax


# --------------------------------------------------------------------------- profiles
def plot_profiles(
    profiles: pd.DataFrame,
    /,
    *,
    ax: Any = None,
    chart: str = "bar",
    measures: Sequence[str] | None = None,
    title: str | None = "Network profiles",
) -> Any:
    """Side-by-side profiles of several networks (grouped bars or a radar).

    Parameters
    ----------
    profiles : DataFrame
        One row per network (index = network name), one numeric column per measure, as
        returned by :func:`netcrime.covert.compare_profiles`. A single profile Series (index =
        measures) is drawn as one network.
    ax : matplotlib Axes, optional
        For ``chart="radar"`` it must be a polar Axes.
    chart : {"bar", "radar"}
        ``"bar"``: one group of horizontal bars per measure, one bar per network, annotated
        with the raw value; ``"radar"``: one polygon per network.
    measures : list of str, optional
        Columns to show (default: every numeric column with at least one finite value).
    title : str or None

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Measures live on different scales, so each bar/radius is the value divided by the
    largest absolute value of that measure across the networks (1 = the largest); the raw
    value is printed beside each bar. NaN values are drawn as empty (no bar).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> p = pd.DataFrame({"density": [0.1, 0.05], "diameter": [4, 9]},
    ...                  index=["wheel", "chain"])
    >>> ax = nc.plot.plot_profiles(p)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['wheel', 'chain']
    """
    func = "plot_profiles"
    check_choice(chart, ("bar", "radar"), func=func, param="chart")
    _check_axes(ax, func)
    _check_title(title, func)
    if isinstance(profiles, pd.Series):
        profiles = profiles.to_frame().T
    if not isinstance(profiles, pd.DataFrame):
        raise param_error(func, "profiles", "a DataFrame with one row per network",
                          type(profiles).__name__)
    cols = _profile_measures(profiles, measures, func)
    raw = profiles[cols].apply(pd.to_numeric, errors="coerce").astype(float)
    scale = raw.abs().max(axis=0).replace(0.0, 1.0)
    norm = raw / scale
    if chart == "radar":
        ax = _figure_axes(ax, figsize=(7.5, 6.5), polar=True, func=func)
        if getattr(ax, "name", "") != "polar":
            raise param_error(func, "ax", "a polar Axes for chart='radar'", ax.name)
        _profile_radar(ax, norm, title)
    else:
        n_nets = len(raw.index)
        ax = _figure_axes(ax, figsize=(8.5, max(3.5, 0.55 * len(cols) * max(n_nets, 2) / 2
                                                + 1.5)), func=func)
        _profile_bars(ax, raw, norm, title)
    return ax


def _profile_measures(profiles: pd.DataFrame, measures: Sequence[str] | None,
                      func: str) -> list[Any]:
    """The measures shown: those asked for, else every non-boolean column with at least one
    finite numeric value."""
    if measures is None:
        cols = []
        for c in profiles.columns:
            v = pd.to_numeric(profiles[c], errors="coerce")
            if pd.api.types.is_bool_dtype(profiles[c]):
                continue
            if np.isfinite(v.to_numpy(float)).any():
                cols.append(c)
    else:
        if isinstance(measures, (str, bytes)) or not isinstance(measures, Iterable):
            raise param_error(func, "measures", "None or a list of columns of profiles",
                              measures)
        cols = list(measures)
        bad = [c for c in cols if not isinstance(c, Hashable) or c not in profiles.columns]
        if bad:
            raise param_error(func, "measures", "columns of profiles", bad)
    if not cols:
        raise param_error(func, "profiles", "a table with at least one numeric measure",
                          list(profiles.columns))
    return cols


def _network_colors(n: int) -> list[str]:
    return [FALLBACK_COLORS[i % len(FALLBACK_COLORS)] for i in range(n)]


def _profile_radar(ax: Any, norm: pd.DataFrame, title: str | None) -> None:
    """One polygon per network on a polar Axes."""
    cols = list(norm.columns)
    nets = [str(i) for i in norm.index]
    colors = _network_colors(len(nets))
    k = len(cols)
    ang = np.linspace(0, 2 * np.pi, k, endpoint=False)
    for j, net in enumerate(nets):
        v = np.nan_to_num(norm.iloc[j].to_numpy(), nan=0.0)
        ax.plot(np.append(ang, ang[0]), np.append(v, v[0]), color=colors[j], lw=2, label=net)
        ax.fill(np.append(ang, ang[0]), np.append(v, v[0]), color=colors[j], alpha=0.15)
    ax.set_xticks(ang)
    ax.set_xticklabels([str(c).replace("_", " ") for c in cols], fontsize=10)
    ax.set_ylim(min(0.0, float(np.nanmin(norm.to_numpy()))) if k else 0, 1.0)
    ax.set_yticklabels([])
    if title:
        ax.set_title(title, fontsize=13, pad=18)
    ax.legend(loc="upper left", bbox_to_anchor=(1.08, 1.0), frameon=False, fontsize=10)


def _profile_bars(ax: Any, raw: pd.DataFrame, norm: pd.DataFrame, title: str | None) -> None:
    """One group of horizontal bars per measure, one bar per network, raw value beside it."""
    cols = list(raw.columns)
    nets = [str(i) for i in raw.index]
    colors = _network_colors(len(nets))
    k = len(nets)
    h = 0.8 / k
    ypos = np.arange(len(cols))
    for j, net in enumerate(nets):
        v = norm.iloc[j].to_numpy()
        yy = ypos - 0.4 + h * (j + 0.5)
        ax.barh(yy, np.nan_to_num(v, nan=0.0), height=h * 0.92, color=colors[j], label=net)
        for yv, nv, rv in zip(yy, v, raw.iloc[j].to_numpy()):
            if np.isfinite(rv):
                ax.text(max(nv, 0.0) + 0.01, yv, _fmt(rv), va="center", fontsize=8.5,
                        color="0.25")
            else:
                ax.text(0.01, yv, "n/a", va="center", fontsize=8.5, color="0.5")
    ax.set_yticks(ypos)
    ax.set_yticklabels([str(c).replace("_", " ") for c in cols], fontsize=10)
    ax.invert_yaxis()
    lo = min(0.0, float(np.nanmin(norm.to_numpy()))) if norm.size else 0.0
    ax.set_xlim(lo * 1.1, 1.22)
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_xlabel("value / largest value of the measure across networks", fontsize=11)
    ax.grid(True, axis="x", alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(title="network", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10, title_fontsize=11, borderaxespad=0.0)


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 1000 or float(v).is_integer():
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"
