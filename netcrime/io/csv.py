"""CSV edge lists plus an optional node list: :func:`read_csv`, :func:`write_csv`."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_bool, check_choice, param_error
from ..exceptions import GraphFormatError, NetcrimeWarning
from ..graph import MULTIEDGE_RULES, Graph, as_graph
from ._common import check_path, file_error, first_repeat

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
    p = check_path(path, func)
    edges = g.to_pandas()
    edges.attrs = {}
    edges.to_csv(p, index=False)
    na = g.node_attrs
    if nodes_path is not None:
        q = check_path(nodes_path, func, "nodes_path")
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


def _read_table(p: Path, sep: str, dtype: Any, what: str, with_line: bool) -> pd.DataFrame:
    """A CSV table with only empty fields missing; a GraphFormatError if unreadable."""
    try:
        return pd.read_csv(p, sep=sep, dtype=dtype, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc)) if with_line else None
        raise file_error(p, int(m.group(1)) if m else None, f"not a readable CSV {what} "
                         f"({exc}).") from None


def _check_endpoints(p: Path, edges: pd.DataFrame, nodes: pd.DataFrame | None,
                     source: str, target: str, node_key: str, nodes_path: Any) -> None:
    """Both endpoint columns exist, name listed nodes (with a node list), are not empty."""
    for col in (source, target):
        if col not in edges.columns:
            raise file_error(p, 1, f"the edge list has no {col!r} column (columns: "
                             f"{list(edges.columns)!r}).")
    if nodes is not None and len(edges):
        known = set(nodes[node_key].tolist())
        for col in (source, target):
            bad = ~edges[col].isin(known).to_numpy()
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise file_error(p, i + 2, f"unknown label {edges[col].iloc[i]!r} in column "
                                 f"{col!r}: it is not in the node list {Path(nodes_path).name}.")
    for col in (source, target):
        miss = edges[col].isna().to_numpy()
        if miss.any():
            raise file_error(p, int(np.flatnonzero(miss)[0]) + 2, f"missing endpoint in "
                             f"column {col!r}.")


def _check_repeats(p: Path, edges: pd.DataFrame, source: str, target: str,
                   directed: bool) -> None:
    """``multiedges="error"``: the first pair given twice, with both lines."""
    codes, _ = pd.factorize(pd.concat([edges[source], edges[target]], ignore_index=True))
    m = len(edges)
    rep = first_repeat(codes[:m].astype(np.int64), codes[m:].astype(np.int64), directed)
    if rep is not None:
        i, j = rep
        raise file_error(p, j + 2, f"the pair ({edges[source].iloc[j]!r}, "
                         f"{edges[target].iloc[j]!r}) occurs more than once (also on line "
                         f"{i + 2}); pass multiedges='sum', 'max', 'min', 'first' or 'last' to "
                         "merge repeated pairs.")


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
        Type of the label columns, e.g. ``str`` to keep ``"007"`` as text (default: pandas
        inference, so ``1, 2, 3`` become ints).
    multiedges, self_loops : str
        Policies for repeated pairs and self-loops, as in :meth:`netcrime.Graph.from_edges`.
    sep : str
        Field separator.

    Returns
    -------
    Graph

    Raises
    ------
    GraphFormatError
        Missing columns, missing endpoints, endpoints absent from the node list, repeated
        pairs with ``multiedges="error"``; the message names the file and, where it
        applies, the line.

    Notes
    -----
    Only an empty field is a missing value: a node called ``"NA"`` or ``"None"`` keeps its
    name.

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
    dtype = None if label_dtype is None else {source: label_dtype, target: label_dtype}
    edges = _read_table(p, sep, dtype, "edge list", True)
    nodes = None
    if nodes_path is not None:
        q = check_path(nodes_path, func, "nodes_path")
        ndt = None if label_dtype is None else {node_key: label_dtype}
        nodes = _read_table(q, sep, ndt, "node list", False)
        if node_key not in nodes.columns:
            raise file_error(q, 1, f"the node list has no {node_key!r} column (columns: "
                             f"{list(nodes.columns)!r}).")
    _check_endpoints(p, edges, nodes, source, target, node_key, nodes_path)
    check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
    if multiedges == "error" and len(edges):
        _check_repeats(p, edges, source, target, directed)
    try:
        return Graph.from_edges(edges, directed=directed, source=source, target=target,
                                nodes=nodes, node_key=node_key if nodes is not None else None,
                                multiedges=multiedges, self_loops=self_loops,
                                meta={"source_file": p.name, "format": "csv"})
    except GraphFormatError as exc:
        raise file_error(p, None, str(exc)) from None
