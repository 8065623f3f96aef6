"""Call and contact records as graphs: one graph of all records, or one graph per time window.

Wiretaps, phone records and contact logs arrive as *events*: one row per call (or meeting)
between a source and a target, often with a time stamp and a value (duration, volume).
:func:`to_graph` aggregates the records into one weighted :class:`~netcrime.Graph`;
:func:`snapshots` cuts them into time windows (a fixed pandas offset such as ``"7D"``,
explicit bin edges, or a phase column) and returns a :class:`Snapshots`: an ordered mapping
window -> Graph over one shared node universe.

Every tie carries, in ``edge_attrs``:

* ``count`` -- the number of records of the pair (int64);
* ``weight`` -- the records' values aggregated by ``aggregate`` (``"count"``: the number of
  records; ``"sum"``, ``"max"``, ``"mean"`` of the ``weight`` column), float64;
* ``first``, ``last`` -- the earliest and latest time of the pair's records (only when
  ``time`` is given).

Undirected graphs merge ``a -> b`` and ``b -> a`` records into one tie. Nothing is dropped
silently: a record with a missing endpoint, a missing or unparseable time, or (with
``bins``) a time outside the bins is an error naming the row, unless ``missing="drop"`` is
passed, in which case the dropped rows are counted in ``Snapshots.meta["dropped"]`` (or
``g.meta["dropped"]``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, check_choice, param_error
from .exceptions import GraphFormatError, ParameterError
from .graph import Graph

__all__ = ["Snapshots", "snapshots", "to_graph"]

_AGGREGATES = ("count", "sum", "max", "mean")


# ----------------------------------------------------------------------------- Snapshots
class Snapshots(Mapping):
    """An ordered mapping window -> :class:`~netcrime.Graph` over one shared node universe.

    Iteration follows time (or phase) order. A node absent from a window is absent from
    that window's graph, but it keeps the same label everywhere; :attr:`universe` lists every
    node of every window in one order (first appearance in the records, or the order the
    builder chose), so positions in the universe are stable across windows.

    Parameters
    ----------
    graphs : mapping window -> Graph
        The windows in order.
    universe : iterable of hashable
        Every node label of every window (unique); each graph's nodes must be a subset.
    meta : mapping, optional
        Free metadata (window edges, dropped rows, provenance...), read back as :attr:`meta`.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": ["x", "x", "y"], "b": ["y", "z", "z"], "p": [1, 1, 2]})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=True, phase="p")
    >>> list(s), list(s.universe), s[2].n_nodes
    ([1, 2], ['x', 'y', 'z'], 2)
    """

    def __init__(self, graphs: Mapping[Hashable, Graph], universe: Any,
                 meta: Mapping[str, Any] | None = None) -> None:
        func = "Snapshots"
        if not isinstance(graphs, Mapping):
            raise param_error(func, "graphs", "a mapping window -> netcrime.Graph", graphs)
        if isinstance(universe, (str, bytes)) or not isinstance(universe, Iterable):
            raise param_error(func, "universe", "an iterable of node labels", universe)
        if meta is not None and not isinstance(meta, Mapping):
            raise param_error(func, "meta", "None or a mapping", meta)
        labels = list(universe)
        unhashable = [x for x in labels if not isinstance(x, Hashable)]
        if unhashable:
            raise param_error(func, "universe", "an iterable of hashable node labels",
                              unhashable[0])
        uni = pd.Index(labels)
        if not uni.is_unique:
            raise param_error(func, "universe", "unique node labels",
                              list(uni[uni.duplicated()])[:3])
        out: dict[Hashable, Graph] = {}
        for w, g in graphs.items():
            if not isinstance(g, Graph):
                raise param_error(func, "graphs", "a mapping window -> netcrime.Graph", g,
                                  shown=f"a {type(g).__name__} for window {w!r}")
            # one hash table, on the universe (a set difference would leave one on every
            # window's node index)
            extra = g.nodes[uni.get_indexer(g.nodes) < 0]
            if len(extra):
                raise param_error(func, "universe", "a superset of every window's nodes",
                                  list(extra[:3]), shown=f"{list(extra[:3])!r} missing")
            out[w] = g
        self._graphs = out
        self._universe = uni
        self._meta = dict(meta or {})

    def __getitem__(self, window: Hashable) -> Graph:
        return self._graphs[window]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._graphs)

    def __len__(self) -> int:
        return len(self._graphs)

    def __repr__(self) -> str:
        sizes = [g.n_nodes for g in self._graphs.values()]
        return (f"<netcrime.Snapshots {len(self)} windows, universe of {len(self._universe)} "
                f"nodes, window sizes {sizes[:6]}{'...' if len(sizes) > 6 else ''}>")

    @property
    def universe(self) -> pd.Index:
        """Every node label of every window, in one fixed order."""
        return self._universe

    @property
    def windows(self) -> list[Hashable]:
        """The window keys, in order."""
        return list(self._graphs)

    @property
    def meta(self) -> Mapping[str, Any]:
        """Metadata: how the windows were built, rows dropped, provenance."""
        return dict(self._meta)

    @property
    def directed(self) -> bool:
        """Whether the window graphs are directed (all windows agree)."""
        gs = list(self._graphs.values())
        return bool(gs[0].directed) if gs else bool(self._meta.get("directed", False))


# ----------------------------------------------------------------------------- helpers
def _column(df: pd.DataFrame, col: Any, func: str, param: str) -> pd.Series:
    if not isinstance(col, Hashable) or col is None or col not in df.columns:
        cols = list(df.columns)[:12]
        raise param_error(func, param, f"a column of df (columns: {cols})", col)
    return df[col]


def _row_error(func: str, param: str, col: Any, df: pd.DataFrame, bad: np.ndarray,
               what: str, values: Any) -> GraphFormatError:
    i = int(np.flatnonzero(bad)[0])
    row, val = df.index[i], values[i]
    row = row.item() if isinstance(row, np.generic) else row
    val = val.item() if isinstance(val, np.generic) else val
    return GraphFormatError(
        f"{func}(): column {col!r} ({param}=) has {int(bad.sum())} row(s) with {what}; "
        f"first at row {row!r} (position {i}): {val!r}. Fix the records or "
        "pass missing='drop' to drop them (they are counted in meta['dropped'])."
    )


def _times(df: pd.DataFrame, time: Any, func: str) -> tuple[pd.Series, np.ndarray, bool]:
    """The time column as datetime64 or numbers, plus the mask of bad rows and its kind."""
    col = _column(df, time, func, "time")
    if isinstance(col.dtype, pd.DatetimeTZDtype):  # time-zone aware: compared in UTC
        col = col.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(col) or (
            pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)):
        return col, col.isna().to_numpy(), False
    parsed = pd.to_datetime(col, errors="coerce", format="mixed")
    return parsed, parsed.isna().to_numpy(), True


def _check_aggregate(aggregate: Any, weight: Any, df: pd.DataFrame, func: str) -> np.ndarray | None:
    check_choice(aggregate, _AGGREGATES, func=func, param="aggregate")
    if weight is None:
        if aggregate != "count":
            raise param_error(func, "aggregate", "'count' unless weight= names a value column",
                              aggregate)
        return None
    w = _column(df, weight, func, "weight")
    if not pd.api.types.is_numeric_dtype(w) or pd.api.types.is_bool_dtype(w):
        raise param_error(func, "weight", "a numeric column", weight,
                          shown=f"{weight!r} of dtype {w.dtype}")
    vals = w.to_numpy(dtype=float)
    bad = ~np.isfinite(vals)
    if bad.any():
        raise _row_error(func, "weight", weight, df, bad, "a missing or non-finite value",
                         w.to_numpy())
    return vals


class _Records:
    """The validated, factorized records shared by to_graph and snapshots."""

    def __init__(self, df: Any, source: Any, target: Any, directed: Any, time: Any,
                 weight: Any, aggregate: Any, missing: Any, func: str) -> None:
        if not isinstance(df, pd.DataFrame):
            raise param_error(func, "df", "a pandas DataFrame of records", df,
                              shown=f"an object of type {type(df).__name__}")
        self.directed = check_bool(directed, func=func, param="directed")
        check_choice(missing, ("error", "drop"), func=func, param="missing")
        s = _column(df, source, func, "source")
        t = _column(df, target, func, "target")
        self.w = _check_aggregate(aggregate, weight, df, func)
        for col, ser, param in ((source, s, "source"), (target, t, "target")):
            bad = ser.isna().to_numpy()
            if bad.any():
                raise _row_error(func, param, col, df, bad, "a missing endpoint", ser.to_numpy())
        self.df, self.func, self.missing = df, func, missing
        self.keep = np.ones(len(df), dtype=bool)
        self.dropped: dict[str, int] = {}
        self.t = None
        if time is not None:
            tt, bad, parsed = _times(df, time, func)
            self.reject(bad, "time", time, "a missing or unparseable time" if parsed
                        else "a missing time", df[time].to_numpy(), "missing_time")
            self.t = tt.to_numpy()
        self.s, self.tg, self.time = s.to_numpy(), t.to_numpy(), time

    def reject(self, bad: np.ndarray, param: str, col: Any, what: str, values: Any,
               key: str) -> None:
        bad = bad & self.keep
        if not bad.any():
            return
        if self.missing == "error":
            raise _row_error(self.func, param, col, self.df, bad, what, values)
        self.dropped[key] = self.dropped.get(key, 0) + int(bad.sum())
        self.keep &= ~bad

    def codes(self) -> tuple[np.ndarray, np.ndarray, pd.Index]:
        """Endpoint codes over the kept rows, labels in order of first appearance."""
        k = self.keep
        s, t = (self.s, self.tg) if k.all() else (self.s[k], self.tg[k])
        m = len(s)
        both = np.empty(2 * m, dtype=np.result_type(s.dtype, t.dtype))
        both[0::2], both[1::2] = s, t
        codes, labels = pd.factorize(both)
        del both
        # strided views of one buffer (no copy): the caller combines them into tie keys
        return (codes[0::2].astype(np.int64, copy=False),
                codes[1::2].astype(np.int64, copy=False), pd.Index(labels))

    def kept(self, a: np.ndarray | None) -> np.ndarray | None:
        if a is None or self.keep.all():
            return a
        return a[self.keep]


def _aggregate_ties(key: np.ndarray, w: np.ndarray | None, t: np.ndarray | None,
                    aggregate: str) -> pd.DataFrame:
    """One row per distinct key (sorted): count, weight, first, last."""
    cols: dict[str, Any] = {"key": key}
    if w is not None:
        cols["w"] = w
    if t is not None:
        cols["t"] = t
    gb = pd.DataFrame(cols, copy=False).groupby("key", sort=True)
    out = gb.size().rename("count").to_frame()
    if aggregate == "count":
        out["weight"] = out["count"].astype(np.float64)
    else:
        out["weight"] = getattr(gb["w"], aggregate)().astype(np.float64)
    if t is not None:
        out["first"] = gb["t"].min()
        out["last"] = gb["t"].max()
    out["count"] = out["count"].astype(np.int64)
    return out


def _pair_key(a: np.ndarray, b: np.ndarray, n: int, directed: bool) -> np.ndarray:
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    return a * np.int64(n) + b


def _ties_graph(agg: pd.DataFrame, keys: np.ndarray, n: int, labels: pd.Index, directed: bool,
                meta: Mapping[str, Any], present: np.ndarray | None = None) -> Graph:
    """Graph of the aggregated ties whose pair keys are ``keys`` over ``labels``."""
    a, b = keys // n, keys % n
    ea = agg.reset_index(drop=True)
    if present is not None:  # every label is a node: positions are the codes
        return Graph.from_arrays(len(present), a, b, directed=directed,
                                 nodes=labels[present], edge_attrs=ea, meta=meta)
    # the window's nodes, in universe order, by a mask over the universe (O(n + m), no sort)
    mark = np.zeros(n, dtype=bool)
    mark[a] = True
    mark[b] = True
    present = np.flatnonzero(mark)
    pos = np.cumsum(mark, dtype=np.int64) - 1  # universe code -> position in the window
    return Graph.from_arrays(len(present), pos[a], pos[b], directed=directed,
                             nodes=labels[present], edge_attrs=ea, meta=meta)


# ----------------------------------------------------------------------------- to_graph
def to_graph(df: pd.DataFrame, /, *, source: Hashable, target: Hashable, directed: bool,
             time: Hashable | None = None, weight: Hashable | None = None,
             aggregate: str = "count", missing: str = "error") -> Graph:
    """Aggregate call or contact records (one row per event) into one weighted graph.

    Parameters
    ----------
    df : pandas.DataFrame
        The records, one row per call, meeting or contact.
    source, target : column name
        The columns holding the caller and the callee (any hashable labels).
    directed : bool
        Whether a record ``a -> b`` is an arc (never guessed). Undirected: the records of
        ``a -> b`` and ``b -> a`` make one tie.
    time : column name, optional
        Time stamps (datetime64, parseable strings, or numbers); gives each tie its
        ``first`` and ``last`` time. Time-zone aware stamps are converted to UTC (and
        returned without a zone).
    weight : column name, optional
        A numeric value per record (duration, volume...) aggregated by ``aggregate``.
    aggregate : {"count", "sum", "max", "mean"}
        How a tie's ``weight`` is computed from its records: the number of records
        (``"count"``, the default, no ``weight`` column needed), or the sum, maximum or mean
        of the ``weight`` column.
    missing : {"error", "drop"}
        What a record with a missing or unparseable time does: raise (naming the row), or
        be dropped and counted in ``meta["dropped"]``.

    Returns
    -------
    Graph
        Nodes in order of first appearance in the records (source before target, row by
        row); edge attributes ``count`` (int64), ``weight`` (float64) and, with ``time``,
        ``first`` and ``last``. ``g.meta`` holds ``n_records`` (rows used), ``dropped``
        and ``aggregate``.

    Raises
    ------
    ParameterError
        A column that is not in ``df``, an unknown ``aggregate``, ``aggregate`` other than
        ``"count"`` without ``weight``.
    GraphFormatError
        A missing endpoint, a missing or non-finite weight, a missing or unparseable time
        (with ``missing="error"``): the message names the column, the row and the value.

    Notes
    -----
    Vectorised: the endpoints are factorized once (hash table), each tie is the integer key
    ``u * n + v`` (``min, max`` when undirected) and one pandas group-by computes all the
    aggregates, so memory stays linear in the number of records.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({"a": ["x", "x", "y", "x"], "b": ["y", "y", "x", "z"],
    ...                       "sec": [60, 30, 10, 5]})
    >>> g = nc.events.to_graph(calls, source="a", target="b", directed=False,
    ...                        weight="sec", aggregate="sum")
    >>> g.to_pandas()[["source", "target", "count", "weight"]].to_string(index=False)
    'source target  count  weight\\n     x      y      3   100.0\\n     x      z      1     5.0'
    """
    func = "to_graph"
    rec = _Records(df, source, target, directed, time, weight, aggregate, missing, func)
    a, b, labels = rec.codes()
    n = max(len(labels), 1)
    key = _pair_key(a, b, n, rec.directed)
    agg = _aggregate_ties(key, rec.kept(rec.w), rec.kept(rec.t), aggregate)
    meta = {"n_records": int(rec.keep.sum()), "dropped": dict(rec.dropped),
            "aggregate": aggregate}
    return _ties_graph(agg, agg.index.to_numpy(np.int64), n, labels, rec.directed, meta,
                       present=np.arange(len(labels)))


# ----------------------------------------------------------------------------- snapshots
def _window_edges_freq(t: np.ndarray, freq: Any, func: str) -> tuple[pd.DatetimeIndex, str]:
    try:
        off = pd.tseries.frequencies.to_offset(freq)
    except (ValueError, TypeError):
        raise param_error(func, "freq", "a fixed-length pandas offset such as '7D' or '12h'",
                          freq) from None
    try:
        step = pd.Timedelta(off)
    except (ValueError, TypeError):
        raise param_error(func, "freq", "a fixed-length pandas offset such as '7D' or '12h' "
                          "(calendar offsets: pass bins=pd.date_range(...))", freq) from None
    if not np.issubdtype(t.dtype, np.datetime64):
        raise param_error(func, "freq", "None when the time column is numeric (use bins=)",
                          freq)
    lo = pd.Timestamp(t.min())
    hi = pd.Timestamp(t.max())
    origin = lo.normalize()  # pandas resample's default origin, "start_day"
    n_win = int((hi - origin) // step) + 1
    edges = pd.DatetimeIndex([origin + i * step for i in range(n_win + 1)])
    return edges, str(off.freqstr)


def _check_bins(bins: Any, t: np.ndarray, func: str) -> np.ndarray:
    try:
        e = np.asarray(pd.DatetimeIndex(bins) if np.issubdtype(t.dtype, np.datetime64)
                       else np.asarray(bins, dtype=float))
    except (TypeError, ValueError):
        raise param_error(func, "bins", "increasing window edges of the time column's type",
                          bins) from None
    if e.ndim != 1 or len(e) < 2 or not (e[1:] > e[:-1]).all():
        raise param_error(func, "bins", "at least two strictly increasing window edges", bins)
    return e


def _window_codes(rec: _Records, freq: Any, bins: Any, phase: Any,
                  func: str) -> tuple[np.ndarray, list[Hashable], dict[str, Any]]:
    """Window code of every kept record, the window labels and metadata on the windows."""
    if phase is not None:
        col = _column(rec.df, phase, func, "phase")
        rec.reject(col.isna().to_numpy(), "phase", phase, "a missing phase", col.to_numpy(),
                   "missing_phase")
        vals = rec.kept(col.to_numpy())
        if isinstance(col.dtype, pd.CategoricalDtype):
            cats = list(col.cat.categories)
            codes = pd.Categorical(vals, categories=cats).codes.astype(np.int64)
            return codes, cats, {"windows_from": "phase", "phase": phase}
        uniq, codes = np.unique(vals, return_inverse=True)
        return codes.astype(np.int64), uniq.tolist(), {"windows_from": "phase", "phase": phase}
    if rec.t is None:
        which = "freq" if freq is not None else "bins"
        raise param_error(func, "time", f"a time column when {which}= is given", None)
    t = rec.kept(rec.t)
    if len(t) == 0:
        raise GraphFormatError(f"{func}(): no record left to cut into windows")
    if freq is not None:
        edges, fs = _window_edges_freq(t, freq, func)
        labels = list(edges[:-1])
        codes = np.searchsorted(edges.to_numpy(), t, side="right") - 1
        return codes.astype(np.int64), labels, {"windows_from": "freq", "freq": fs,
                                                "edges": edges}
    e = _check_bins(bins, t, func)
    codes = np.searchsorted(e, t, side="right") - 1
    inside = (codes >= 0) & (codes < len(e) - 1)
    if not inside.all():  # drop (with missing="drop") or raise, naming the row
        full = np.zeros(len(rec.keep), dtype=bool)
        full[np.flatnonzero(rec.keep)[~inside]] = True
        rec.reject(full, "time", rec.time, f"a time outside the bins [{e[0]}, {e[-1]})",
                   rec.df[rec.time].to_numpy(), "outside_bins")
        codes = codes[inside]
    labels = list(pd.IntervalIndex.from_breaks(e, closed="left"))
    edges = pd.DatetimeIndex(e) if np.issubdtype(e.dtype, np.datetime64) else e
    return codes.astype(np.int64), labels, {"windows_from": "bins", "edges": edges}


def snapshots(df: pd.DataFrame, /, *, source: Hashable, target: Hashable, directed: bool,
              time: Hashable | None = None, freq: Any = None, bins: Any = None,
              phase: Hashable | None = None, weight: Hashable | None = None,
              aggregate: str = "count", missing: str = "error") -> Snapshots:
    """Cut call or contact records into time windows: one aggregated graph per window.

    Parameters
    ----------
    df, source, target, directed, time, weight, aggregate, missing
        As in :func:`to_graph`. With ``bins``, ``missing="drop"`` also drops the records
        whose time falls outside the bins (counted as ``outside_bins``).
    freq : str or pandas offset, optional
        Fixed-length windows (``"7D"``, ``"30D"``, ``"12h"``), left-closed
        ``[start, start + freq)``, the first starting at midnight of the earliest record's
        day (pandas ``resample``'s default origin); needs a datetime ``time``.
    bins : sequence, optional
        Explicit window edges ``e0 < e1 < ... < ek`` (datetimes, or numbers for a numeric
        ``time``); window ``i`` is ``[e_i, e_{i+1})``, keyed by a ``pandas.Interval``.
    phase : column name, optional
        A column naming each record's window (investigation phase, month...). Windows are
        its sorted distinct values (its category order for a categorical column).

    Exactly one of ``freq``, ``bins`` and ``phase`` is required.

    Returns
    -------
    Snapshots
        Window -> Graph, in time order, keyed by the window start (``freq``), the interval
        (``bins``) or the phase value. Every window of the span is present, also one without
        records (its graph has no nodes). The universe is every endpoint of the records
        used, in order of first appearance; a window's graph holds only the nodes with a
        record in it, in universe order. ``meta`` holds ``windows_from``, ``freq`` /
        ``edges`` / ``phase``, ``n_records``, ``dropped``, ``aggregate`` and ``directed``.

    Raises
    ------
    ParameterError
        None or several of ``freq``/``bins``/``phase``; ``freq``/``bins`` without ``time``;
        a calendar ``freq`` (use ``bins``); bad bin edges; the errors of :func:`to_graph`.
    GraphFormatError
        A bad record (see :func:`to_graph`), a time outside the bins (with
        ``missing="error"``), or windows that leave every graph empty.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> calls = pd.DataFrame({
    ...     "a": ["x", "x", "y", "z"], "b": ["y", "y", "z", "x"],
    ...     "t": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-09", "2024-01-10"])})
    >>> s = nc.events.snapshots(calls, source="a", target="b", directed=True, time="t",
    ...                         freq="7D")
    >>> [str(w.date()) for w in s], [s[w].n_edges for w in s]
    (['2024-01-01', '2024-01-08'], [1, 2])
    >>> s[s.windows[0]].edge_attrs["count"].tolist()
    [2]
    """
    func = "snapshots"
    given = [k for k, v in (("freq", freq), ("bins", bins), ("phase", phase)) if v is not None]
    if len(given) != 1:
        rule = ("exactly one of freq=, bins= or phase= (time windows need one; "
                "for one graph of all records use to_graph)")
        raise param_error(func, given[1] if len(given) > 1 else "freq", rule,
                          {k: v for k, v in (("freq", freq), ("bins", bins), ("phase", phase))
                           if v is not None} if given else None)
    rec = _Records(df, source, target, directed, time, weight, aggregate, missing, func)
    codes, windows, wmeta = _window_codes(rec, freq, bins, phase, func)
    a, b, labels = rec.codes()
    if len(labels) == 0:
        raise GraphFormatError(f"{func}(): the windows leave every graph empty "
                               f"(no record falls in any window; dropped: {rec.dropped})")
    n = len(labels)
    n_pairs = np.int64(n) * np.int64(n)
    if n_pairs * max(len(windows), 1) >= 2**62:  # pragma: no cover - ~2**28 nodes
        raise ParameterError(f"{func}(): too many nodes x windows for the 64-bit tie key")
    # one int64 key per record, window-major: (window, u, v); temporaries freed early so
    # the peak stays a small multiple of the input
    key = _pair_key(a, b, n, rec.directed)
    del a, b
    key += codes * n_pairs
    del codes
    agg = _aggregate_ties(key, rec.kept(rec.w), rec.kept(rec.t), aggregate)
    del key
    k = agg.index.to_numpy(np.int64)
    wcode, pkey = k // n_pairs, k % n_pairs
    del k
    bounds = np.searchsorted(wcode, np.arange(len(windows) + 1))
    meta = {**wmeta, "n_records": int(rec.keep.sum()), "dropped": dict(rec.dropped),
            "aggregate": aggregate, "directed": rec.directed}
    graphs: dict[Hashable, Graph] = {}
    for i, w in enumerate(windows):
        lo, hi = bounds[i], bounds[i + 1]
        graphs[w] = _ties_graph(agg.iloc[lo:hi], pkey[lo:hi], n, labels, rec.directed,
                                {"window": w, "aggregate": aggregate})
    return Snapshots(graphs, labels, meta)
