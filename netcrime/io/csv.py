"""CSV edge lists plus an optional node list: :func:`read_csv`, :func:`write_csv`."""

from __future__ import annotations

import csv as _csv
import io as _io
import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_bool, check_choice, param_error
from ..exceptions import GraphFormatError, NetcrimeWarning
from ..graph import LOOP_RULES, MULTIEDGE_RULES, Graph, as_graph
from ._common import (
    check_encoding,
    check_path,
    check_target,
    file_error,
    first_repeat,
    read_text,
    split_lines,
)

__all__ = ["read_csv", "write_csv"]


def write_csv(
    g: Any,
    path: str | os.PathLike,
    *,
    nodes_path: str | os.PathLike | None = None,
) -> None:
    """Write the edge list (and optionally the node list) as CSV.

    Parameters
    ----------
    g : Graph or graph-like
    path : str or os.PathLike
        Edge list: columns ``source``, ``target`` and every edge attribute.
    nodes_path : str or os.PathLike, optional
        Node list: column ``node`` and every node attribute, one row per node (isolates
        included). Without it, isolates and node attributes are not written and a
        :class:`~netcrime.exceptions.NetcrimeWarning` says so.

    Notes
    -----
    A CSV file does not record direction: read it back with ``directed=``.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.datasets.load("oversize_judgments")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     e, v = pathlib.Path(d) / "e.csv", pathlib.Path(d) / "v.csv"
    ...     nc.io.write_csv(g, e, nodes_path=v)
    ...     h = nc.io.read_csv(e, directed=False, nodes_path=v)
    >>> h.n_nodes, h.n_edges
    (182, 113)
    """
    func = "write_csv"
    g = as_graph(g, func=func, param="g")
    p = check_target(path, func)
    if nodes_path is not None:
        check_target(nodes_path, func, "nodes_path")
    edges = g.to_pandas()
    edges.attrs = {}
    edges.to_csv(p, index=False)
    na = g.node_attrs
    if nodes_path is not None:
        q = check_target(nodes_path, func, "nodes_path")
        if "node" in na.columns:
            raise param_error(func, "g", "a graph without a node attribute named 'node' "
                              "(the label column of the node list)", "node")
        table = pd.concat([pd.DataFrame({"node": list(g.nodes)}),
                           na.reset_index(drop=True)], axis=1)
        table.to_csv(q, index=False)
        return
    isolated = int((g.degree() == 0).sum()) if not g.directed else int(
        ((g.out_degree() + g.in_degree()) == 0).sum())
    lost = []
    if isolated:
        lost.append(f"{isolated} isolated node(s)")
    if len(na.columns):
        lost.append("the node attributes")
    if lost:
        warnings.warn(f"write_csv() wrote only the edge list: {' and '.join(lost)} are "
                      "not in it; pass nodes_path= to keep them.", NetcrimeWarning,
                      stacklevel=2)


_INT = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INT18 = r"[+-]?[0-9]{1,18}"  # within 64 bits whatever the digits
_CANONICAL18 = r"(?:0|-?[1-9][0-9]{0,17})"  # as Python writes it, within 64 bits


def _is_int64(v: str) -> bool:
    """``v`` spells a decimal integer within 64 bits (ASCII digits, optional sign)."""
    return len(v) <= 20 and _INT.fullmatch(v) is not None and -2**63 <= int(v) < 2**63


def _all_match(pattern: str, vals: list[str]) -> bool:
    """Every value matches ``pattern`` (one regex pass over the joined column)."""
    return re.fullmatch(f"(?:{pattern})(?:\n(?:{pattern}))*", "\n".join(vals)) is not None


def _all_int64(vals: list[str]) -> bool:
    return _all_match(_INT18, vals) or all(_is_int64(v) for v in vals)


_BOOLS = {"True": True, "False": False, "true": True, "false": False, "TRUE": True,
          "FALSE": False}


def _rows(p: Path, text: str, sep: str, what: str) -> tuple[list[str], list[list[str]],
                                                             list[int]]:
    """Header, data rows and the line each row starts on; every row has the header's
    number of fields (blank lines are skipped)."""
    fast = _rows_fast(p, text, sep, what)
    if fast is not None:
        return fast
    reader = _csv.reader(_io.StringIO(text, newline=""), delimiter=sep, strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    starts: list[int] = []
    prev = 0
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            if not row:
                continue
            if header is None:
                header = _check_header(p, row, start, what)
            elif len(row) != len(header):
                raise file_error(p, start, f"this row of the {what} has {len(row)} fields; "
                                 f"the header has {len(header)} ({sep.join(header)[:60]!r}).")
            else:
                rows.append(row)
                starts.append(start)
    except _csv.Error as exc:
        raise file_error(p, prev + 1, f"not a readable CSV {what} ({exc}); quotes must "
                         "open and close a field (the record starting on this line).") from None
    if header is None:
        raise file_error(p, 1, f"the {what} is empty; it needs a header line.")
    return header, rows, starts


def _rows_fast(p: Path, text: str, sep: str,
               what: str) -> tuple[list[str], list[list[str]], list[int]] | None:
    """:func:`_rows` when no field spans lines (one record per line); None otherwise or
    on any irregularity, which the line-by-line path then reports."""
    reader = _csv.reader(_io.StringIO(text, newline=""), delimiter=sep, strict=True)
    try:
        recs = list(reader)
    except _csv.Error:
        return None
    if len(recs) != len(split_lines(text)):
        return None
    keep = [i for i, r in enumerate(recs) if r]
    if not keep:
        return None
    header = _check_header(p, recs[keep[0]], keep[0] + 1, what)
    width = len(header)
    if any(len(recs[i]) != width for i in keep):
        return None
    return header, [recs[i] for i in keep[1:]], [i + 1 for i in keep[1:]]


def _check_header(p: Path, row: list[str], line: int, what: str) -> list[str]:
    seen: set[str] = set()
    for k, name in enumerate(row):
        if name == "":
            raise file_error(p, line, f"column {k + 1} of the {what} header has no name.")
        if name in seen:
            raise file_error(p, line, f"the {what} header names the column {name!r} twice.")
        seen.add(name)
    return row


def _column(p: Path, name: str, vals: list[str], starts: list[int], text: bool) -> Any:
    """One column with its type: integers, decimal numbers, True/False or text (in this
    order of preference); an empty field is missing (NaN)."""
    present = [v for v in vals if v != ""]
    n_missing = len(vals) - len(present)
    if text or not present:
        return np.array([v if v != "" else np.nan for v in vals], dtype=object) if present \
            else np.full(len(vals), np.nan)
    if _all_int64(present):
        if not n_missing:
            return np.array([int(v) for v in vals], dtype=np.int64)
        return np.array([float(v) if v != "" else np.nan for v in vals])
    if _all_match(_DECIMAL.pattern, present):
        out = np.array([v if v != "" else "nan" for v in vals], dtype=float)
        big = np.isinf(out)
        if big.any():
            i = int(np.flatnonzero(big)[0])
            raise file_error(p, starts[i], f"the value {vals[i][:40]!r} of column {name!r} "
                             "is too large for a 64-bit float.")
        return out
    if all(v in _BOOLS for v in present):
        if not n_missing:
            return np.array([_BOOLS[v] for v in vals], dtype=bool)
        return np.array([_BOOLS[v] if v != "" else np.nan for v in vals], dtype=object)
    return np.array([v if v != "" else np.nan for v in vals], dtype=object)


def _read_table(p: Path, sep: str, text_cols: tuple[str, ...], what: str, encoding: str,
                func: str) -> tuple[pd.DataFrame, list[int]]:
    """A CSV table (strict field counts, strict numbers) and the line of each row."""
    header, rows, starts = _rows(p, read_text(p, encoding, func), sep, what)
    data = {name: _column(p, name, [r[k] for r in rows], starts, name in text_cols)
            for k, name in enumerate(header)}
    return pd.DataFrame(data, columns=header), starts


def _check_weight(p: Path, edges: pd.DataFrame, starts: list[int]) -> None:
    """A ``weight`` column holds a finite number on every row."""
    if "weight" not in edges.columns or not len(edges):
        return
    col = edges["weight"]
    if pd.api.types.is_bool_dtype(col):
        raise file_error(p, starts[0], "the 'weight' column holds True/False, not numbers.")
    if pd.api.types.is_numeric_dtype(col):
        bad = col.isna().to_numpy()
        if bad.any():
            raise file_error(p, starts[int(np.flatnonzero(bad)[0])], "missing value in the "
                             "'weight' column.")
        return
    for i, v in enumerate(col.tolist()):
        if not isinstance(v, str) or not _DECIMAL.fullmatch(v):
            raise file_error(p, starts[i], f"the 'weight' column holds {v!r}, not a decimal "
                             "number (CSV numbers: digits with an optional sign, decimal "
                             "point and exponent; no nan, inf, hex or underscores).")


def _check_endpoints(p: Path, edges: pd.DataFrame, nodes: pd.DataFrame | None,
                     source: str, target: str, node_key: str, nodes_path: Any,
                     starts: list[int]) -> None:
    """Both endpoint columns exist, name listed nodes (with a node list), are not empty."""
    for col, pname in ((source, "source"), (target, "target")):
        if col not in edges.columns:
            raise file_error(p, 1, f"the edge list has no {col!r} column (columns: "
                             f"{list(edges.columns)!r}), which the '{pname}' parameter of "
                             "read_csv() names.")
    if nodes is not None and len(edges):
        known = set(nodes[node_key].tolist())
        for col in (source, target):
            bad = ~edges[col].isin(known).to_numpy()
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise file_error(p, starts[i], f"unknown label {edges[col].iloc[i]!r} in column "
                                 f"{col!r}: it is not in the node list {Path(nodes_path).name}.")
    for col in (source, target):
        miss = edges[col].isna().to_numpy()
        if miss.any():
            raise file_error(p, starts[int(np.flatnonzero(miss)[0])], f"missing endpoint in "
                             f"column {col!r}.")


def _check_repeats(p: Path, edges: pd.DataFrame, source: str, target: str,
                   directed: bool, starts: list[int]) -> None:
    """``multiedges="error"``: the first pair given twice, with both lines."""
    codes, _ = pd.factorize(pd.concat([edges[source], edges[target]], ignore_index=True))
    m = len(edges)
    rep = first_repeat(codes[:m].astype(np.int64), codes[m:].astype(np.int64), directed)
    if rep is not None:
        i, j = rep
        raise file_error(p, starts[j], f"the pair ({edges[source].iloc[j]!r}, "
                         f"{edges[target].iloc[j]!r}) occurs more than once (also on line "
                         f"{starts[i]}); pass multiedges='sum', 'max', 'min', 'first' or 'last' to "
                         "merge repeated pairs.")


def _label_type(cols: list[pd.Series]) -> type:
    """``int`` when every label of every label column is a decimal integer within 64 bits
    written as Python writes it (no ``+``, no leading zero, no ``-0``), else ``str``: the
    label columns share one type, so one text names one node and ``007`` stays ``007``."""
    for col in cols:
        vals = [v for v in col.tolist() if isinstance(v, str)]
        if vals and not _all_match(_CANONICAL18, vals) and not all(
                _is_int64(v) and str(int(v)) == v for v in vals):
            return str
    return int


def _convert_labels(p: Path, table: pd.DataFrame, cols: tuple[str, ...], label_dtype: Any,
                    starts: list[int]) -> pd.DataFrame:
    """Label columns converted by ``label_dtype`` (missing values stay missing)."""
    if label_dtype is None or label_dtype is str:
        return table
    for col in cols:
        if col not in table.columns:
            continue
        vals = table[col].tolist()
        if label_dtype is int and not table[col].isna().any():
            table[col] = pd.Series(np.array(vals, dtype=object).astype(np.int64),
                                   index=table.index, dtype=object)
            continue
        out = []
        for i, v in enumerate(vals):
            if isinstance(v, float) and np.isnan(v):
                out.append(v)
                continue
            try:
                out.append(label_dtype(v))
            except Exception as exc:  # label_dtype is the caller's converter
                raise file_error(p, starts[i], f"label {v!r} in column {col!r} cannot be "
                                 f"converted by label_dtype ({type(exc).__name__}).") from None
        table[col] = pd.Series(out, index=table.index, dtype=object)
    return table


def _check_columns_files(func: str, *, source: Any, target: Any, node_key: Any,
                         paths: tuple[Path, Any]) -> None:
    for name, v in (("source", source), ("target", target), ("node_key", node_key)):
        if not isinstance(v, str) or not v:
            raise param_error(func, name, "a column name (a non-empty str)", v)
    for name, path in zip(("path", "nodes_path"), paths):
        if path is not None and not check_path(path, func, name).is_file():
            raise param_error(func, name, "an existing file", str(path))


def read_csv(
    path: str | os.PathLike,
    *,
    directed: bool,
    nodes_path: str | os.PathLike | None = None,
    source: str = "source",
    target: str = "target",
    node_key: str = "node",
    label_dtype: type | None = None,
    multiedges: str = "error",
    self_loops: str = "keep",
    sep: str = ",",
    encoding: str = "utf-8-sig",
) -> Graph:
    """Read a CSV edge list (and optionally a node list).

    Parameters
    ----------
    path : str or os.PathLike
        Edge list with a header; columns ``source``/``target`` (names configurable); every
        other column is an edge attribute, a numeric ``"weight"`` column being the weight.
    directed : bool
        Required: a CSV file does not say whether its rows are arcs.
    nodes_path : str or os.PathLike, optional
        Node list with a header: column ``node_key`` holds the labels (all nodes, isolates
        included, in this order); other columns are node attributes.
    source, target, node_key : str
        Column names.
    label_dtype : type, optional
        Type of the label columns, e.g. ``str`` to keep ``"1"`` as text (default: ``int``
        when every label in the label columns of both files is a decimal integer written
        without sign or leading zero, so ``1, 2, 3`` become ints, else ``str``, so ``007``
        stays text).
    multiedges, self_loops : str
        Policies for repeated pairs and self-loops, as in :meth:`netcrime.Graph.from_edges`.
    sep : str
        Field separator: one character, not a letter, a digit, a quote or a line break
        (``","``, ``";"``, ``"\\t"``, ``"|"`` ...).
    encoding : str
        Text encoding of both files (default UTF-8, with or without a byte-order mark).

    Returns
    -------
    Graph

    Raises
    ------
    GraphFormatError
        Bytes that do not decode with ``encoding``, an empty file, a header naming a
        column twice or a column without a name, a row whose number of fields differs
        from the header's, a quote that does not close, missing columns, missing
        endpoints, endpoints absent from the node list, a ``weight`` that is missing or not
        a number, repeated pairs with ``multiedges="error"``; the message names the file
        and, where it applies, the line.

    Notes
    -----
    Only an empty field is a missing value: a node called ``"NA"`` or ``"None"`` keeps its
    name. Fields follow RFC 4180 (a field holding the separator, a quote or a line break
    is quoted, a quote inside it doubled); blank lines are skipped. Each column gets one
    type, read strictly: integers (ASCII digits with an optional sign, within 64 bits; a
    column with missing values becomes float), else decimal numbers (digits with an
    optional sign, decimal point and exponent: no ``nan``, ``inf``, hex or underscores,
    which make the column text), else booleans (``True``/``False``, also lower or upper
    case), else text. ``label_dtype=str`` keeps the label columns as text.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "calls.csv"
    ...     _ = p.write_text("source,target,weight\\nNA,Bo,2\\nBo,Cy,1\\n")
    ...     g = nc.io.read_csv(p, directed=True)
    >>> list(g.nodes), g.weighted
    (['NA', 'Bo', 'Cy'], True)
    """
    func = "read_csv"
    p = check_path(path, func)
    directed = check_bool(directed, func=func, param="directed")
    if not isinstance(sep, str) or len(sep) != 1 or sep in "\"\r\n" or sep.isalnum():
        raise param_error(func, "sep", "one character other than a letter, a digit, a quote "
                          "or a line break", sep)
    if label_dtype is not None and not callable(label_dtype):
        raise param_error(func, "label_dtype", "None or a type such as str", label_dtype)
    encoding = check_encoding(encoding, func)
    check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
    check_choice(self_loops, LOOP_RULES, func=func, param="self_loops")
    _check_columns_files(func, source=source, target=target, node_key=node_key,
                         paths=(p, nodes_path))
    edges, starts = _read_table(p, sep, (source, target), "edge list", encoding, func)
    nodes, nstarts, q = None, [], p
    if nodes_path is not None:
        q = check_path(nodes_path, func, "nodes_path")
        nodes, nstarts = _read_table(q, sep, (node_key,), "node list", encoding, func)
        if node_key not in nodes.columns:
            raise file_error(q, 1, f"the node list has no {node_key!r} column (columns: "
                             f"{list(nodes.columns)!r}), which the 'node_key' parameter of "
                             f"{func}() names.")
    if label_dtype is None:
        label_dtype = _label_type([edges[c] for c in (source, target) if c in edges.columns]
                                  + ([nodes[node_key]] if nodes is not None else []))
    edges = _convert_labels(p, edges, (source, target), label_dtype, starts)
    if nodes is not None:
        nodes = _convert_labels(q, nodes, (node_key,), label_dtype, nstarts)
    _check_endpoints(p, edges, nodes, source, target, node_key, nodes_path, starts)
    _check_weight(p, edges, starts)
    if multiedges == "error" and len(edges):
        _check_repeats(p, edges, source, target, directed, starts)
    try:
        return Graph.from_edges(edges, directed=directed, source=source, target=target,
                                nodes=nodes, node_key=node_key if nodes is not None else None,
                                multiedges=multiedges, self_loops=self_loops,
                                meta={"source_file": p.name, "format": "csv"})
    except GraphFormatError as exc:
        raise file_error(p, None, str(exc)) from None
