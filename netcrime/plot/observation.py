"""Figure of a sensitivity design (:func:`netcrime.observation.sensitivity`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import param_error
from .figures import _check_title, _figure_axes
from .palettes import category_color

__all__ = ["plot_sensitivity"]


def plot_sensitivity(
    results: pd.DataFrame,
    /,
    *,
    statistic: str = "spearman",
    band: tuple[float, float] | None = (0.1, 0.9),
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Accuracy against error level: one line per metric (and error type), replicate bands.

    Parameters
    ----------
    results : pandas.DataFrame
        The frame of :func:`netcrime.observation.sensitivity` (columns ``error``,
        ``level``, ``rep``, ``metric`` and the statistics).
    statistic : str
        The column drawn (``"spearman"``, ``"kendall"``, ``"top1"``, ``"overlap_3"``,
        ``"relative_error"``, ...). Its mean over the replicates is the line.
    band : (float, float) or None
        Quantiles of the replicates shaded around each line (default the 10 % and 90 %
        quantiles); None draws no band. NaN replicates are left out of line and band.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        If ``results`` lacks the columns, ``statistic`` is not a numeric column or
        ``band`` is not two quantiles ``lo < hi`` in [0, 1].

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> df = nc.observation.sensitivity(nx.karate_club_graph(), metric="degree",
    ...                                 tie_missing=[0.1, 0.3], reps=5, rng=1)
    >>> ax = nc.plot.plot_sensitivity(df)
    >>> len(ax.lines)
    1
    """
    func = "plot_sensitivity"
    need = {"error", "level", "metric"}
    if not isinstance(results, pd.DataFrame) or not need <= set(results.columns):
        raise param_error(func, "results", "a sensitivity() frame (columns error, level, "
                          "metric, rep and statistics)", None,
                          shown=f"an object of type {type(results).__name__}")
    if not isinstance(statistic, str) or statistic not in results.columns \
            or statistic in need | {"rep"} or \
            not pd.api.types.is_numeric_dtype(results[statistic]):
        raise param_error(func, "statistic", "a numeric statistic column of the frame",
                          statistic)
    if band is not None:
        ok = (isinstance(band, (tuple, list)) and len(band) == 2
              and all(isinstance(b, (int, float)) for b in band)
              and 0 <= band[0] < band[1] <= 1)
        if not ok:
            raise param_error(func, "band", "None or two quantiles lo < hi in [0, 1]", band)
    _check_title(title, func)
    ax = _figure_axes(ax, figsize=(6.4, 4.2), func=func)
    several = results["error"].nunique() > 1
    for (err, met), part in results.groupby(["error", "metric"], sort=False):
        label = f"{met} ({err})" if several else str(met)
        if not pd.api.types.is_numeric_dtype(part["level"]):
            raise param_error(func, "results", "a frame with numeric levels (rates)", None,
                              shown=f"non-numeric levels for {err!r}")
        grp = part.groupby("level")[statistic]
        x = np.asarray(grp.mean().index, float)
        color = category_color(label)
        ax.plot(x, grp.mean().to_numpy(), marker="o", color=color, label=label)
        if band is not None:
            lo = grp.quantile(band[0]).to_numpy()
            hi = grp.quantile(band[1]).to_numpy()
            ax.fill_between(x, lo, hi, color=color, alpha=0.18, linewidth=0)
    errs = ", ".join(map(str, results["error"].unique()))
    ax.set_xlabel(f"error level ({errs})")
    ax.set_ylabel(statistic)
    ax.legend(frameon=False, fontsize="small")
    if title is not None:
        ax.set_title(title)
    return ax
