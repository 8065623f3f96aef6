"""The one graph type of netcrime: an immutable CSR adjacency with labels and attributes.

Arrays inside, labels at the edge. A :class:`Graph` holds

* ``indptr``/``indices``: the CSR of out-neighbours (rows sorted, read-only int64 arrays);
  an undirected edge ``{u, v}`` is stored in both rows (a self-loop once);
* ``edge_ids``: for every CSR entry, the row of ``edge_attrs`` it belongs to (edges are
  sorted by ``(source, target)`` position, so for a directed graph this is the identity);
* ``nodes``: a pandas ``Index`` of labels, position ``i`` is row ``i`` of the CSR;
* ``node_attrs`` (indexed by ``nodes``) and ``edge_attrs`` (one row per edge, with the edge's
  ``source``/``target`` positions in :meth:`Graph.edge_array`).

The weight of an edge is the numeric ``edge_attrs`` column named ``"weight"``; metrics take
the *name* of the column to use (``weight=`` for strengths, ``distance=`` for lengths).
"""

from __future__ import annotations

import contextlib
import types
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._core import (
    directed_csr,
    neighbour_csr,
    transpose,
    undirected_csr,
    undirected_edge_array,
)
from ._validation import INT64_MAX, check_bool, check_choice, check_fits_memory, param_error
from .exceptions import GraphFormatError, NetcrimeError, NodeNotFoundError

__all__ = ["Graph", "as_graph", "check_node_labels", "label_index"]

#: The ``multiedges=`` policies of the constructors (a pair given more than once).
MULTIEDGE_RULES: tuple[str, ...] = ("error", "sum", "max", "min", "first", "last")
#: The ``self_loops=`` policies of the constructors.
LOOP_RULES: tuple[str, ...] = ("keep", "drop", "error")


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a)
    a.setflags(write=False)
    return a


def _py(x: Any) -> Any:
    """A numpy scalar as the Python scalar, so messages show ``3`` not ``np.int64(3)``."""
    return x.item() if isinstance(x, np.generic) else x


def label_index(labels: Iterable[Hashable]) -> pd.Index:
    """A pandas Index of node labels that never turns tuples into a MultiIndex.

    The label normalisation every constructor applies; converters (:mod:`netcrime.interop`,
    readers) use it to build the ``nodes`` of :meth:`Graph.from_positions` and to look labels
    up in it (``label_index(nodes).get_indexer(label_index(found))``). An Index is returned
    as is.

    Examples
    --------
    >>> from netcrime.graph import label_index
    >>> label_index([("cell", 1), ("cell", 2)]).nlevels
    1
    """
    if isinstance(labels, pd.MultiIndex):
        return pd.Index(list(labels), dtype=object, tupleize_cols=False)
    if isinstance(labels, pd.Index):
        return labels
    if not isinstance(labels, Iterable):
        raise param_error("label_index", "labels", "an iterable of node labels", labels)
    lab = list(labels)
    if any(isinstance(x, tuple) for x in lab):
        return pd.Index(lab, dtype=object, tupleize_cols=False)
    return pd.Index(lab)




#: pandas' inferred types whose values are always hashable (no Python-level check needed)
_HASHABLE_KINDS = frozenset({"string", "bytes", "integer", "floating", "mixed-integer-float",
                             "boolean", "decimal", "complex", "datetime64", "datetime",
                             "date", "time", "timedelta64", "timedelta", "period", "empty"})


def _first_unhashable(labels: pd.Index) -> tuple[bool, Any]:
    """``(True, label)`` for the first label that cannot be hashed, else ``(False, None)``;
    only object columns of mixed kinds are walked in Python."""
    if labels.dtype != object or labels.inferred_type in _HASHABLE_KINDS:
        return False, None
    for x in labels:
        if not _hashable(x):
            return True, x
    return False, None
def _node_count(n: Any, func: str, param: str, rule: str, bytes_per_node: int) -> int:
    """``n`` as an int if it is a node count whose arrays fit in memory, else raise."""
    if not isinstance(n, (int, np.integer)) or isinstance(n, (bool, np.bool_)) or n < 0:
        raise param_error(func, param, rule, n)
    if n > INT64_MAX:
        raise param_error(func, param, f"{rule} (at most {INT64_MAX}, the int64 range)", n)
    n = int(n)
    check_fits_memory(bytes_per_node * (n + 1.0), func=func, param=param, value=n,
                      what=f"the arrays of {n} nodes")
    return n


def _check_constructor_args(func: str, nodes: Any, meta: Any, tables: dict[str, Any],
                            mappings: bool) -> None:
    """``nodes`` None or an iterable (not a str), ``meta`` None or a mapping, each table
    None or a DataFrame (or, with ``mappings``, a mapping column -> values)."""
    if nodes is not None and (isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable)):
        raise param_error(func, "nodes", "None or an iterable of node labels", nodes)
    if meta is not None and not isinstance(meta, Mapping):
        raise param_error(func, "meta", "None or a mapping", meta)
    kinds = (pd.DataFrame, Mapping) if mappings else (pd.DataFrame,)
    rule = "None, a DataFrame or a mapping column -> values" if mappings else \
        "None or a DataFrame"
    for name, table in tables.items():
        if table is not None and not isinstance(table, kinds):
            raise param_error(func, name, rule, None,
                              shown=f"an object of type {type(table).__name__}")


def _frame(table: Any, func: str, param: str) -> pd.DataFrame:
    """``pd.DataFrame(table)`` for a mapping column -> values, a ParameterError if pandas
    cannot build it (e.g. all scalar values)."""
    try:
        return pd.DataFrame(table)
    except (ValueError, TypeError) as exc:
        raise param_error(func, param, "a DataFrame or a mapping column -> equal-length "
                          "values", None, shown=f"a mapping pandas cannot tabulate ({exc})") \
            from None


def check_node_labels(labels: pd.Index, *, func: str, param: str) -> None:
    """Raise GraphFormatError unless the labels are unique and none is NaN/None
    (a ParameterError for a label that cannot be hashed, e.g. a list).

    ``func`` and ``param`` name the caller's function and parameter in the message (e.g.
    ``func="from_networkx", param="G"``). :meth:`Graph.from_positions` runs this check
    itself; converters call it first when their labels come from another parameter.

    Examples
    --------
    >>> from netcrime.graph import check_node_labels, label_index
    >>> check_node_labels(label_index(["a", "a"]), func="reader", param="path")
    Traceback (most recent call last):
    ...
    netcrime.exceptions.GraphFormatError: The 'path' parameter of reader() must hold unique ...
    """
    if not isinstance(labels, pd.Index):
        raise param_error("check_node_labels", "labels", "a pandas Index (see label_index)",
                          None, shown=f"an object of type {type(labels).__name__}")
    for name, v in (("func", func), ("param", param)):
        if not isinstance(v, str):
            raise param_error("check_node_labels", name, "a str (named in messages)", v)
    bad, x = _first_unhashable(labels)
    if bad:  # before is_unique, which may hash (TypeError) or compare lists (no error)
        raise param_error(func, param, "hashable node labels", x)
    if not labels.is_unique:
        dup = labels[labels.duplicated()][:5].tolist()
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must hold unique node labels. "
            f"Got duplicated labels {dup!r} instead."
        )
    if labels.hasnans:
        bad = _py(labels[labels.isna()][0])
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must hold node labels that are not NaN/None. "
            f"Got {bad!r} instead."
        )



_CHUNK = 1 << 18  # rows per label-factorisation chunk
_COMPOSITE_LIMIT = 2**62  # sort key * m + row in int64 while n * n * m stays below this


def _factorize_columns(*columns: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes of the concatenated ``columns`` by first appearance, and the uniques.

    Equivalent to ``pd.factorize(pd.concat(columns))`` (missing values coded -1) but in
    chunks: pandas sizes the hash table of ``factorize`` by the input length (64 MB for two
    1M-row int columns), whereas here only the chunk and the (usually far smaller) set of
    distinct labels are hashed, and the columns are never concatenated. It is also faster.
    """
    total = sum(len(c) for c in columns)
    codes = np.empty(total, dtype=np.int64)
    uniques: pd.Index | None = None
    lookup: pd.Index | None = None
    pos = 0
    for col in columns:
        for lo in range(0, len(col), _CHUNK):
            part = col.iloc[lo:lo + _CHUNK]
            if uniques is None:
                c, uniques = pd.factorize(part)
            else:
                if lookup is None:
                    lookup = pd.Index(uniques, copy=False)
                c = lookup.get_indexer(part)
                new = c < 0
                if new.any():
                    cn, un = pd.factorize(part[new])  # missing values stay -1
                    c[new] = np.where(cn >= 0, cn + len(uniques), -1)
                    uniques = uniques.append(un)
                    lookup = None
            codes[pos:pos + len(part)] = c
            pos += len(part)
    if uniques is None:
        uniques = pd.Index([])
    return codes, uniques


def _endpoint_error(
    func: str, source: Hashable, target: Hashable, s: pd.Series, t: pd.Series,
    si: np.ndarray, ti: np.ndarray,
) -> GraphFormatError:
    """The error for the first negative endpoint code: a missing endpoint, else a label
    absent from ``nodes`` (looked for only on this failure path)."""
    for col, ser in ((source, s), (target, t)):
        miss = ser.isna().to_numpy()
        if miss.any():
            i = int(np.argmax(miss))
            return GraphFormatError(
                f"The 'edges' parameter of {func}() must have no missing (NaN/None) "
                f"endpoints. Got {_py(ser.iloc[i])!r} in column {col!r}, row {i} instead."
            )
    for col, arr, ser in ((source, si, s), (target, ti, t)):
        if (arr < 0).any():
            i = int(np.argmax(arr < 0))
            return GraphFormatError(
                f"The 'edges' parameter of {func}() must have endpoints listed in "
                f"'nodes'. Got {_py(ser.iloc[i])!r} in column {col!r}, row {i} instead."
            )
    raise AssertionError("no bad endpoint")  # pragma: no cover


def _check_weight_column(
    edge_attrs: pd.DataFrame | None, func: str, param: str, shown: str = "weight"
) -> None:
    """The ``"weight"`` edge attribute, if any, must be numeric and finite.

    ``shown`` is the column's name in the caller's terms (``from_edges(weight="w")``).
    """
    if edge_attrs is None or "weight" not in edge_attrs.columns:
        return
    w = edge_attrs["weight"]
    if not pd.api.types.is_numeric_dtype(w) or pd.api.types.is_bool_dtype(w):
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must give a numeric {shown!r} column. "
            f"Got a column of dtype {w.dtype} instead."
        )
    wv = w.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(wv)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must give a {shown!r} column of finite "
            f"numbers. Got {float(wv[i])!r} in row {i} instead."
        )


def _pair_keys(
    n: int,
    src: np.ndarray,
    dst: np.ndarray,
    directed: bool,
    edge_attrs: pd.DataFrame | None,
    self_loops: str,
    nodes: pd.Index,
    func: str,
    param: str,
) -> tuple[np.ndarray, pd.DataFrame | None, np.ndarray | None]:
    """Apply the self-loop policy and return ``(key, edge_attrs, rows)``.

    ``key = a * max(n, 1) + b`` with ``(a, b) = (src, dst)`` (directed) or
    ``(min, max)`` (undirected); ``rows`` maps key positions to input rows when loops were
    dropped (else None).
    """
    loops = src == dst
    rows = None
    if loops.any():
        if self_loops == "error":
            i = int(np.argmax(loops))
            raise GraphFormatError(
                f"The '{param}' parameter of {func}() must hold no self-loops when "
                f"self_loops='error'. Got the self-loop ({_py(nodes[src[i]])!r}, "
                f"{_py(nodes[src[i]])!r}) in row {i} instead."
            )
        if self_loops == "drop":
            keep = ~loops
            rows = np.flatnonzero(keep)
            src, dst = src[keep], dst[keep]
            if edge_attrs is not None:
                edge_attrs = edge_attrs.take(rows).reset_index(drop=True)
    del loops
    nn = np.int64(max(n, 1))
    if directed:
        key = src * nn
        key += dst
    else:
        key = np.minimum(src, dst)
        key *= nn
        key += np.maximum(src, dst)
    return key, edge_attrs, rows


class NodeOrder(Sequence):
    """The node labels of a graph, recorded in ``DataFrame.attrs["nodes"]`` by
    :meth:`Graph.to_pandas`.

    A read-only sequence wrapping the (immutable) label Index. pandas deep-copies ``attrs`` on
    every operation on the frame; this object copies as itself, so filtering a million-node
    edge list does not copy a million labels each time. It compares equal to another
    NodeOrder or to a list/tuple of the same labels.
    """

    __slots__ = ("labels",)

    def __init__(self, labels: pd.Index) -> None:
        self.labels = labels

    def __getitem__(self, i: Any) -> Any:
        return self.labels[i]

    def __len__(self) -> int:
        return len(self.labels)

    def __iter__(self) -> Any:
        return iter(self.labels)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NodeOrder):
            return self.labels.equals(other.labels) and len(self) == len(other)
        if isinstance(other, (list, tuple)):
            return list(self.labels) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __copy__(self) -> NodeOrder:
        return self

    def __deepcopy__(self, memo: dict) -> NodeOrder:
        return self

    def __reduce__(self) -> tuple:
        return (NodeOrder, (self.labels,))

    def __repr__(self) -> str:
        return f"NodeOrder({list(self.labels[:5])!r}{', ...' if len(self) > 5 else ''})"


class Graph:
    """Immutable network: CSR adjacency, node labels, node and edge attribute tables.

    Build it with :meth:`from_edges`, :meth:`from_arrays`, :meth:`from_networkx`,
    :meth:`from_igraph` or :meth:`from_scipy`; never by calling the constructor. Every method
    that changes the network (:meth:`subgraph`, :meth:`remove_nodes`, :meth:`select_edges`,
    :meth:`to_undirected`, :meth:`with_node_attrs`) returns a new Graph; the arrays are
    read-only, so a Graph can be shared between simulations safely.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> edges = pd.DataFrame({"source": ["boss", "boss", "recruiter"],
    ...                       "target": ["recruiter", "driver", "victim"],
    ...                       "weight": [3.0, 1.0, 2.0]})
    >>> g = nc.Graph.from_edges(edges, weight="weight", directed=True)
    >>> g
    <netcrime.Graph directed, 4 nodes, 3 edges, weighted>
    >>> list(g.nodes)
    ['boss', 'recruiter', 'driver', 'victim']
    >>> g.out_degree().tolist()
    [2, 1, 0, 0]
    """

    __slots__ = (
        "_cache",
        "_directed",
        "_edge_attrs",
        "_eid",
        "_indices",
        "_indptr",
        "_m",
        "_meta",
        "_node_attrs",
        "_nodes",
    )

    # ------------------------------------------------------------------ construction
    def __init__(self, *args: Any, **kwargs: Any) -> None:  # pragma: no cover - guard
        raise TypeError(
            "Graph() is not called directly; use Graph.from_edges, Graph.from_arrays, "
            "Graph.from_networkx, Graph.from_igraph or Graph.from_scipy."
        )

    @classmethod
    def _build_keys(
        cls,
        *,
        n: int,
        key: np.ndarray,
        directed: bool,
        nodes: pd.Index,
        node_attrs: pd.DataFrame | None,
        edge_attrs: pd.DataFrame | None,
        meta: Mapping[str, Any] | None,
    ) -> Graph:
        """Assemble a Graph from sorted, unique canonical pair keys (trusted input).

        ``key = a * max(n, 1) + b`` with ``a <= b`` for undirected graphs; edge id ``e`` is
        ``key[e]`` and row ``e`` of ``edge_attrs``.
        """
        self = object.__new__(cls)
        key = np.ascontiguousarray(key, dtype=np.int64)
        m = len(key)
        if directed:
            indptr, indices = directed_csr(n, key)
            eid = None  # arcs sorted by (source, target) are in CSR order: edge id = position
        else:
            indptr, indices, eid = undirected_csr(n, key)
        self._indptr = _readonly(indptr)
        self._indices = _readonly(indices)
        self._eid = None if eid is None else _readonly(eid)
        self._m = m
        self._directed = bool(directed)
        self._nodes = nodes
        if node_attrs is None:
            node_attrs = pd.DataFrame(index=nodes)
        else:
            node_attrs = node_attrs.copy()
            node_attrs.index = nodes
        self._node_attrs = node_attrs
        if edge_attrs is None:
            edge_attrs = pd.DataFrame(index=pd.RangeIndex(m))
        else:
            edge_attrs = edge_attrs.reset_index(drop=True)
        self._edge_attrs = edge_attrs
        self._meta = types.MappingProxyType(dict(meta or {}))
        self._cache = {}
        return self

    @classmethod
    def _build(
        cls,
        *,
        n: int,
        src: np.ndarray,
        dst: np.ndarray,
        directed: bool,
        nodes: pd.Index,
        node_attrs: pd.DataFrame | None,
        edge_attrs: pd.DataFrame | None,
        meta: Mapping[str, Any] | None,
    ) -> Graph:
        """Assemble a Graph from canonical (undirected: ``src <= dst``), unique edges sorted
        by ``(src, dst)`` (trusted input)."""
        key = np.asarray(src, dtype=np.int64) * np.int64(max(n, 1))
        key += np.asarray(dst, dtype=np.int64)
        return cls._build_keys(
            n=n, key=key, directed=directed, nodes=nodes, node_attrs=node_attrs,
            edge_attrs=edge_attrs, meta=meta,
        )

    @classmethod
    def from_arrays(
        cls,
        n: int,
        source: Any,
        target: Any,
        *,
        directed: bool,
        nodes: Iterable[Hashable] | None = None,
        node_attrs: pd.DataFrame | Mapping[str, Any] | None = None,
        edge_attrs: pd.DataFrame | Mapping[str, Any] | None = None,
        multiedges: str = "error",
        self_loops: str = "keep",
        meta: Mapping[str, Any] | None = None,
    ) -> Graph:
        """Build a Graph from integer endpoint arrays (the fast path for generators).

        Parameters
        ----------
        n : int
            Number of nodes; endpoints must lie in ``[0, n)``.
        source, target : array_like of int
            Endpoint positions of each edge (same length).
        directed : bool
            Whether ``source -> target`` is an arc. Required: never guessed.
        nodes : iterable of hashable, optional
            Node labels (default ``0..n-1``); must be unique.
        node_attrs : DataFrame or mapping of column -> array, optional
            Node attributes in position order (``n`` rows).
        edge_attrs : DataFrame or mapping of column -> array, optional
            Edge attributes aligned with ``source``/``target``; a numeric ``"weight"``
            column is the edge weight.
        multiedges : {"error", "sum", "max", "min", "first", "last"}
            What to do when the same pair (or, undirected, the same unordered pair) occurs
            more than once. ``"sum"``/``"max"``/``"min"`` combine the ``"weight"`` column
            (other attributes keep the first occurrence); ``"first"``/``"last"`` keep one row.
        self_loops : {"keep", "drop", "error"}
            What to do with edges ``u -> u``.
        meta : mapping, optional
            Free metadata (e.g. a dataset's citation), read back as :attr:`meta`.

        Returns
        -------
        Graph

        Raises
        ------
        ParameterError
            A parameter breaks its rule (endpoint out of range, wrong lengths, ...).
        GraphFormatError
            Non-finite weights, duplicated labels, a repeated pair with
            ``multiedges="error"``, a self-loop with ``self_loops="error"``.

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
        >>> g.n_nodes, g.n_edges, g.degree().tolist()
        (3, 2, [1, 2, 1])
        """
        func = "Graph.from_arrays"
        # the default labels 0..n-1 are a list of Python ints first (about 64 bytes a node)
        n = _node_count(n, func, "n", "a non-negative int", 16 if nodes is not None else 64)
        directed = check_bool(directed, func=func, param="directed")
        _check_constructor_args(func, nodes, meta, {"node_attrs": node_attrs,
                                                    "edge_attrs": edge_attrs}, True)
        src = np.asarray(source)
        dst = np.asarray(target)
        if src.ndim != 1:
            raise param_error(func, "source", "a 1-d array", None,
                              shown=f"an array of shape {src.shape}")
        if dst.shape != src.shape:
            raise param_error(
                func, "target", f"a 1-d array of the same length as source ({len(src)})", None,
                shown=f"an array of shape {dst.shape}",
            )
        for name, arr in (("source", src), ("target", dst)):
            if len(arr) and not np.issubdtype(arr.dtype, np.integer):
                raise param_error(func, name, "an array of int node positions", None,
                                  shown=f"an array of dtype {arr.dtype}")
            if len(arr) and (arr.min() < 0 or arr.max() >= n):
                bad = arr[(arr < 0) | (arr >= n)][0]
                raise param_error(func, name, f"node positions in [0, {n})", int(bad))
        nodes_idx = label_index(range(n) if nodes is None else nodes)
        if len(nodes_idx) != n:
            raise param_error(func, "nodes", f"a sequence of one label per node ({n} labels)", None,
                              shown=f"{len(nodes_idx)} labels")
        check_node_labels(nodes_idx, func=func, param="nodes")
        na = None
        if node_attrs is not None:
            na = _frame(node_attrs, func, "node_attrs")
            if len(na) != n:
                raise param_error(func, "node_attrs", f"a table with one row per node ({n})",
                                  None, shown=f"{len(na)} rows")
            na = na.reset_index(drop=True)
        ea = None
        if edge_attrs is not None:
            ea = _frame(edge_attrs, func, "edge_attrs")
            if len(ea) != len(src):
                raise param_error(func, "edge_attrs",
                                  f"a table with one row per edge ({len(src)})", None,
                                  shown=f"{len(ea)} rows")
            ea = ea.reset_index(drop=True)
        return cls._from_positions(
            n, src.astype(np.int64), dst.astype(np.int64), directed, nodes_idx, na, ea,
            multiedges, self_loops, meta, func, param="edge_attrs",
        )

    @classmethod
    def _from_positions(
        cls,
        n: int,
        src: np.ndarray,
        dst: np.ndarray,
        directed: bool,
        nodes: pd.Index,
        node_attrs: pd.DataFrame | None,
        edge_attrs: pd.DataFrame | None,
        multiedges: str,
        self_loops: str,
        meta: Mapping[str, Any] | None,
        func: str,
        *,
        param: str = "edges",
    ) -> Graph:
        """Validate, apply the self-loop and multi-edge policies and build.

        ``param`` is the parameter named in messages about the edges' content.
        """
        check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
        check_choice(self_loops, LOOP_RULES, func=func, param="self_loops")
        _check_weight_column(edge_attrs, func, param)
        key, edge_attrs, rows = _pair_keys(
            n, src, dst, directed, edge_attrs, self_loops, nodes, func, param
        )
        return cls._from_keys(
            n, key, directed, nodes, node_attrs, edge_attrs, multiedges, meta, func, param, rows
        )

    @classmethod
    def from_positions(
        cls,
        n: int,
        source: np.ndarray,
        target: np.ndarray,
        *,
        directed: bool,
        nodes: Iterable[Hashable] | None = None,
        node_attrs: pd.DataFrame | None = None,
        edge_attrs: pd.DataFrame | None = None,
        multiedges: str = "error",
        self_loops: str = "keep",
        meta: Mapping[str, Any] | None = None,
        func: str = "Graph.from_positions",
        param: str = "edges",
    ) -> Graph:
        """Build a Graph from int endpoint positions: the construction entry point for
        converters (:mod:`netcrime.interop`, file readers).

        A converter translates its source's labels to positions ``0..n-1`` itself and hands
        over arrays and tables; this method applies the same rules as every other constructor
        (unique labels, finite numeric ``"weight"``, the self-loop and multi-edge policies)
        and reports a problem *in the caller's terms*: messages name ``func`` and ``param``
        (``from_networkx()``, ``'G'``), not this method. It runs no per-edge Python code.

        Parameters
        ----------
        n : int
            Number of nodes.
        source, target : numpy.ndarray of int
            Endpoint positions in ``[0, n)`` of each edge (same length); not modified.
        directed : bool
            Whether ``source -> target`` is an arc.
        nodes : iterable of hashable, optional
            The ``n`` node labels in position order (default ``0..n-1``), normalised with
            :func:`label_index` and checked with :func:`check_node_labels`.
        node_attrs : pandas.DataFrame, optional
            One row per node in position order (its index is ignored).
        edge_attrs : pandas.DataFrame, optional
            One row per edge, aligned with ``source``/``target`` (its index is ignored); a
            ``"weight"`` column must be numeric and finite.
        multiedges, self_loops : str
            The policies of :meth:`from_arrays`.
        meta : mapping, optional
            Free metadata, read back as :attr:`meta`.
        func, param : str
            The public function and parameter that messages name.

        Returns
        -------
        Graph

        Raises
        ------
        ParameterError
            Bad ``n``, arrays of the wrong shape or dtype, positions out of range, tables of
            the wrong length, an unknown policy.
        GraphFormatError
            Duplicated or missing labels, a non-numeric or non-finite weight, a repeated
            pair with ``multiedges="error"``, a self-loop with ``self_loops="error"``.

        Examples
        --------
        >>> import numpy as np
        >>> import netcrime as nc
        >>> g = nc.Graph.from_positions(3, np.array([0, 1]), np.array([1, 2]),
        ...                             directed=False, nodes=["a", "b", "c"])
        >>> g.to_pandas()
          source target
        0      a      b
        1      b      c
        """
        for pname, v in (("func", func), ("param", param)):
            if not isinstance(v, str):
                raise param_error("Graph.from_positions", pname, "a str (named in messages)",
                                  v)
        n = _node_count(n, func, param, "a graph with a non-negative number of nodes", 16)
        directed = check_bool(directed, func=func, param="directed")
        _check_constructor_args(func, nodes, meta, {"node_attrs": node_attrs,
                                                    "edge_attrs": edge_attrs}, False)
        src, dst = np.asarray(source), np.asarray(target)
        if src.ndim != 1 or dst.shape != src.shape:
            raise param_error(func, param, "two 1-d endpoint arrays of the same length", None,
                              shown=f"arrays of shapes {src.shape} and {dst.shape}")
        for arr in (src, dst):
            if len(arr) and not np.issubdtype(arr.dtype, np.integer):
                raise param_error(func, param, "int endpoint positions", None,
                                  shown=f"an array of dtype {arr.dtype}")
            if len(arr) and (arr.min() < 0 or arr.max() >= n):
                bad = arr[(arr < 0) | (arr >= n)][0]
                raise param_error(func, param, f"endpoint positions in [0, {n})", int(bad))
        idx = pd.RangeIndex(n) if nodes is None else label_index(nodes)
        if len(idx) != n:
            raise param_error(func, param, f"a graph with one label per node ({n} labels)", None,
                              shown=f"{len(idx)} labels")
        check_node_labels(idx, func=func, param=param)
        for table, rows, what in ((node_attrs, n, "node"), (edge_attrs, len(src), "edge")):
            if table is not None and len(table) != rows:
                raise param_error(func, param, f"a {what} table with one row per {what} "
                                  f"({rows})", None, shown=f"{len(table)} rows")
        return cls._from_positions(
            n, src.astype(np.int64, copy=False), dst.astype(np.int64, copy=False), directed,
            idx, node_attrs, edge_attrs, multiedges, self_loops, meta, func, param=param,
        )

    @classmethod
    def _from_keys(
        cls,
        n: int,
        key: np.ndarray,
        directed: bool,
        nodes: pd.Index,
        node_attrs: pd.DataFrame | None,
        edge_attrs: pd.DataFrame | None,
        multiedges: str,
        meta: Mapping[str, Any] | None,
        func: str,
        param: str,
        rows: np.ndarray | None,
    ) -> Graph:
        """Sort pair keys (stable: row order breaks ties), merge repeats, build.

        ``key`` is consumed (the caller must not use it afterwards); ``rows`` maps positions
        to the caller's row numbers (None: identity), for messages only.
        """
        nn = np.int64(max(n, 1))
        m = len(key)
        if m > 1 and not (key[1:] >= key[:-1]).all():
            if int(nn) * int(nn) * m < _COMPOSITE_LIMIT:
                # stable order by one in-place sort of the composite key * m + row: about
                # twice as fast as a stable argsort and no gathered copy of the keys
                key *= m
                key += np.arange(m, dtype=np.int64)
                key.sort()
                order = key % m
                key //= m
            else:
                order = np.argsort(key, kind="stable")
                key = key[order]
        else:
            order = None  # already sorted: the identity permutation
        first = np.ones(len(key), dtype=bool)
        if len(key) > 1:
            np.not_equal(key[1:], key[:-1], out=first[1:])
        if first.all():
            del first
            if edge_attrs is not None and order is not None:
                edge_attrs = edge_attrs.take(order).reset_index(drop=True)
            del order
            return cls._build_keys(
                n=n, key=key, directed=directed, nodes=nodes, node_attrs=node_attrs,
                edge_attrs=edge_attrs, meta=meta,
            )
        if multiedges == "error":
            j = int(np.argmin(first))  # second occurrence of the first repeated pair
            r1, r2 = (j - 1, j) if order is None else (int(order[j - 1]), int(order[j]))
            if rows is not None:
                r1, r2 = int(rows[r1]), int(rows[r2])
            a, b = divmod(int(key[j]), int(nn))
            pair = (_py(nodes[a]), _py(nodes[b]))
            raise GraphFormatError(
                f"The '{param}' parameter of {func}() must hold each "
                + ("pair" if directed else "unordered pair (u, v) ~ (v, u)")
                + f" once when multiedges='error'. Got {pair!r} in rows "
                f"{r1} and {r2} instead. Choose multiedges='sum', 'max', 'min', 'first' "
                "or 'last' to merge repeated pairs."
            )
        starts = np.flatnonzero(first)
        del first
        if multiedges == "last":
            take = np.empty_like(starts)
            take[:-1] = starts[1:] - 1
            take[-1:] = len(key) - 1
        else:
            take = starts
        if edge_attrs is not None:
            pick = take if order is None else order[take]
            cols = list(edge_attrs.columns)
            if multiedges in ("sum", "max", "min") and "weight" in cols:
                w = edge_attrs["weight"].to_numpy(dtype=float)
                if order is not None:
                    w = w[order]
                ufunc = {"sum": np.add, "max": np.maximum, "min": np.minimum}[multiedges]
                merged = ufunc.reduceat(w, starts)
                del w
                edge_attrs = edge_attrs.drop(columns=["weight"]).take(pick).reset_index(drop=True)
                edge_attrs.insert(cols.index("weight"), "weight", merged)
                del merged
            else:
                edge_attrs = edge_attrs.take(pick).reset_index(drop=True)
            del pick
        del order
        key = key[take]
        del starts, take
        return cls._build_keys(
            n=n, key=key, directed=directed, nodes=nodes, node_attrs=node_attrs,
            edge_attrs=edge_attrs, meta=meta,
        )

    @classmethod
    def from_edges(
        cls,
        edges: pd.DataFrame,
        *,
        directed: bool,
        source: str = "source",
        target: str = "target",
        weight: str | None = None,
        nodes: pd.DataFrame | Iterable[Hashable] | None = None,
        node_key: str | None = None,
        multiedges: str = "error",
        self_loops: str = "keep",
        meta: Mapping[str, Any] | None = None,
    ) -> Graph:
        """Build a Graph from a pandas edge list.

        Parameters
        ----------
        edges : DataFrame
            One row per edge. Columns other than ``source``/``target`` become edge attributes.
        directed : bool
            Whether each row is an arc ``source -> target``. Required: never guessed.
        source, target : str
            Column names of the endpoints (labels of any hashable type).
        weight : str, optional
            Numeric column holding the edge weight; it is stored (as float64) as the
            ``"weight"`` edge attribute. Must be finite. Without it, a column literally
            named ``"weight"`` is the weight (and must be numeric and finite).
        nodes : DataFrame or iterable of labels, optional
            The node set and order (isolates included). A DataFrame supplies node attributes;
            its labels come from ``node_key`` or, if None, from its index. Every endpoint must
            be listed. Without it, nodes are ordered by first appearance in the ``source``
            column, then in the ``target`` column.
        node_key : str, optional
            Column of ``nodes`` that holds the labels.
        multiedges, self_loops : str
            Duplicate-pair and self-loop policies, see :meth:`from_arrays`.
        meta : mapping, optional
            Free metadata kept in :attr:`meta`.

        Returns
        -------
        Graph

        Raises
        ------
        ParameterError
            A parameter of the wrong type or outside its choices.
        GraphFormatError
            Missing columns, missing endpoints, duplicated node labels, non-finite weights,
            repeated pairs with ``multiedges="error"``, self-loops with
            ``self_loops="error"``, endpoints absent from ``nodes``.

        Notes
        -----
        ``O(m log m)`` time (one stable sort of the pair keys). Labels are factorised in
        chunks and the CSR is filled by a counting sort, so the memory allocated while
        building stays below about 2.5 times the edge list's own size (see
        ``benchmarks/results/graph.md``).

        Examples
        --------
        >>> import pandas as pd
        >>> import netcrime as nc
        >>> df = pd.DataFrame({"u": ["a", "b", "b"], "v": ["b", "a", "c"], "w": [1, 2, 5]})
        >>> g = nc.Graph.from_edges(df, source="u", target="v", weight="w",
        ...                         directed=False, multiedges="sum")
        >>> g.to_pandas()
          source target  weight
        0      a      b     3.0
        1      b      c     5.0
        """
        func = "Graph.from_edges"
        if not isinstance(edges, pd.DataFrame):
            raise param_error(func, "edges", "a pandas DataFrame", None,
                              shown=f"an object of type {type(edges).__name__}")
        directed = check_bool(directed, func=func, param="directed")
        if meta is not None and not isinstance(meta, Mapping):
            raise param_error(func, "meta", "None or a mapping", meta)
        cols = list(edges.columns)
        for col, pname in ((source, "source"), (target, "target"), (weight, "weight")):
            if pname == "weight" and col is None:
                continue
            if not isinstance(col, Hashable) or col not in edges.columns:
                raise GraphFormatError(
                    f"The '{pname}' parameter of {func}() must name a column of the edge list "
                    f"{cols!r}. Got {col!r} instead."
                )
        if weight is not None and weight != "weight" and "weight" in edges.columns:
            raise GraphFormatError(
                f"The 'weight' parameter of {func}() must be 'weight' or None when the edge "
                f"list has a column named 'weight'. Got {weight!r} instead."
            )
        if source == target:
            raise GraphFormatError(
                f"The 'target' parameter of {func}() must name a column other than source "
                f"({source!r}). Got {target!r} instead."
            )
        s = edges[source]
        t = edges[target]

        node_attrs = None
        m = len(s)
        if nodes is not None:
            if isinstance(nodes, pd.DataFrame):
                if node_key is not None:
                    if not isinstance(node_key, Hashable) or node_key not in nodes.columns:
                        raise GraphFormatError(
                            f"The 'node_key' parameter of {func}() must name a column of nodes "
                            f"{list(nodes.columns)!r}. Got {node_key!r} instead."
                        )
                    idx = label_index(nodes[node_key].tolist())
                    node_attrs = nodes.drop(columns=[node_key]).reset_index(drop=True)
                else:
                    idx = label_index(nodes.index)
                    node_attrs = nodes.reset_index(drop=True)
            else:
                if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
                    raise param_error(func, "nodes", "a DataFrame or an iterable of labels",
                                      nodes)
                idx = label_index(nodes)
            check_node_labels(idx, func=func, param="nodes")
            # missing endpoints and labels absent from nodes both give -1
            si = idx.get_indexer(label_index(s.tolist()) if s.dtype == object else s)
            ti = idx.get_indexer(label_index(t.tolist()) if t.dtype == object else t)
            if (si < 0).any() or (ti < 0).any():
                raise _endpoint_error(func, source, target, s, t, si, ti)
            si = si.astype(np.int64, copy=False)
            ti = ti.astype(np.int64, copy=False)
        else:
            # missing endpoints get the code -1 (no separate isna pass over the columns)
            codes, uniques = _factorize_columns(s, t)
            if len(codes) and codes.min() < 0:
                raise _endpoint_error(func, source, target, s, t, codes[:m], codes[m:])
            idx = label_index(uniques)
            si, ti = codes[:m], codes[m:]
            del codes
        del s, t
        other = [c for c in edges.columns if c not in (source, target)]
        ea = edges[other].reset_index(drop=True) if other else None
        if weight is not None:
            if weight != "weight":
                ea = ea.rename(columns={weight: "weight"})
            _check_weight_column(ea, func, "weight", weight)
            if ea["weight"].dtype != np.float64:
                ea["weight"] = ea["weight"].astype(np.float64)
        else:
            _check_weight_column(ea, func, "edges", "weight")
        multiedges = check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
        self_loops = check_choice(self_loops, LOOP_RULES, func=func, param="self_loops")
        key, ea, rows = _pair_keys(len(idx), si, ti, directed, ea, self_loops, idx, func, "edges")
        del si, ti  # the endpoint codes are now held by the keys only
        return cls._from_keys(
            len(idx), key, directed, idx, node_attrs, ea, multiedges, meta, func, "edges", rows
        )

    # ------------------------------------------------------------------ interop shims
    @classmethod
    def from_networkx(cls, G: Any, *, multiedges: str = "error") -> Graph:
        """Build from a networkx graph (node order and all attributes kept). See
        :func:`netcrime.interop.from_networkx`."""
        from .interop import from_networkx

        return from_networkx(G, multiedges=multiedges)

    @classmethod
    def from_igraph(cls, G: Any, *, multiedges: str = "error") -> Graph:
        """Build from an igraph graph. See :func:`netcrime.interop.from_igraph`."""
        from .interop import from_igraph

        return from_igraph(G, multiedges=multiedges)

    @classmethod
    def from_scipy(
        cls, A: Any, *, directed: bool, nodes: Iterable[Hashable] | None = None
    ) -> Graph:
        """Build from a scipy sparse (or dense) adjacency matrix. See
        :func:`netcrime.interop.from_scipy`."""
        from .interop import from_scipy

        return from_scipy(A, directed=directed, nodes=nodes)

    def to_networkx(self) -> Any:
        """Convert to a networkx ``Graph``/``DiGraph``. See :func:`netcrime.interop.to_networkx`."""
        from .interop import to_networkx

        return to_networkx(self)

    def to_igraph(self) -> Any:
        """Convert to an igraph ``Graph``. See :func:`netcrime.interop.to_igraph`."""
        from .interop import to_igraph

        return to_igraph(self)

    def to_scipy(self, *, weight: str | None = None) -> Any:
        """The n×n sparse adjacency (``csr_array``); entries are 1 or the ``weight`` column.

        Undirected graphs give a symmetric matrix; a self-loop is one diagonal entry.
        """
        from scipy import sparse

        data = (
            np.ones(len(self._indices))
            if weight is None
            else self.edge_values(weight, func="Graph.to_scipy", param="weight")
        )
        return sparse.csr_array(
            (data, self._indices, self._indptr), shape=(self.n_nodes, self.n_nodes)
        )

    def to_pandas(self) -> pd.DataFrame:
        """Edge list with ``source``/``target`` labels and every edge attribute.

        The frame's ``attrs["directed"]`` records the direction and ``attrs["nodes"]`` the
        node order (a :class:`NodeOrder`, isolates included), so :func:`as_graph` can read
        it back without guessing. Node attributes are in :attr:`node_attrs`; rebuild with
        ``Graph.from_edges(df, directed=..., nodes=g.node_attrs)``.

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(3, [0], [1], directed=True, nodes=["a", "b", "c"])
        >>> df = g.to_pandas()
        >>> df
          source target
        0      a      b
        >>> list(df.attrs["nodes"]), df.attrs["directed"]
        (['a', 'b', 'c'], True)
        >>> nc.as_graph(df) == g
        True
        """
        lab = self._nodes
        src, dst = self.edge_array()
        df = pd.DataFrame(
            {
                "source": lab.take(src).to_numpy() if len(lab) else [],
                "target": lab.take(dst).to_numpy() if len(lab) else [],
            }
        )
        for c in self._edge_attrs.columns:
            df[c] = self._edge_attrs[c].to_numpy()
        df.attrs["directed"] = self._directed
        df.attrs["nodes"] = NodeOrder(self._nodes)
        return df

    # ------------------------------------------------------------------ properties
    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self._nodes)

    @property
    def n_edges(self) -> int:
        """Number of edges (arcs if directed; unordered pairs if undirected)."""
        return self._m

    @property
    def directed(self) -> bool:
        """Whether edges are arcs."""
        return self._directed

    @property
    def nodes(self) -> pd.Index:
        """Node labels; position ``i`` is CSR row ``i``."""
        return self._nodes

    @property
    def node_attrs(self) -> pd.DataFrame:
        """Node attribute table indexed by :attr:`nodes` (a copy)."""
        return self._node_attrs.copy()

    @property
    def edge_attrs(self) -> pd.DataFrame:
        """Edge attribute table, one row per edge in edge-id order (a copy)."""
        return self._edge_attrs.copy()

    @property
    def meta(self) -> Mapping[str, Any]:
        """Read-only metadata (citation, provenance, generator parameters)."""
        return self._meta

    @property
    def indptr(self) -> np.ndarray:
        """CSR row pointer (read-only int64, length ``n_nodes + 1``)."""
        return self._indptr

    @property
    def indices(self) -> np.ndarray:
        """CSR column indices (read-only int64), rows sorted."""
        return self._indices

    @property
    def edge_ids(self) -> np.ndarray:
        """For each CSR entry, the edge id (row of :attr:`edge_attrs`); read-only int64.

        For a directed graph this is ``arange(n_edges)`` (arcs sorted by source, target are
        in CSR order), made on first use.
        """
        if self._eid is not None:
            return self._eid
        hit = self._cache.get("edge_ids")
        if hit is None:
            hit = _readonly(np.arange(self._m, dtype=np.int64))
            self._cache["edge_ids"] = hit
        return hit

    @property
    def weighted(self) -> bool:
        """Whether the graph has a ``"weight"`` edge attribute."""
        return "weight" in self._edge_attrs.columns

    @property
    def weights(self) -> np.ndarray | None:
        """CSR-aligned float64 ``"weight"`` values, or None for an unweighted graph."""
        if not self.weighted:
            return None
        return self.edge_values("weight")

    def edge_array(self) -> tuple[np.ndarray, np.ndarray]:
        """Endpoint positions ``(source, target)`` of every edge, in edge-id order.

        Undirected edges are stored with ``source <= target``; edges are sorted by
        ``(source, target)``. Read-only int64 arrays, derived from the CSR on first use.
        """
        hit = self._cache.get("edge_array")
        if hit is not None:
            return hit
        if self._directed:
            src = np.repeat(np.arange(self.n_nodes, dtype=np.int64), np.diff(self._indptr))
            out = (_readonly(src), self._indices)
        else:
            src, dst = undirected_edge_array(self._indptr, self._indices, self._m)
            out = (_readonly(src), _readonly(dst))
        self._cache["edge_array"] = out
        return out

    def __repr__(self) -> str:
        kind = "directed" if self._directed else "undirected"
        w = ", weighted" if self.weighted else ""
        return f"<netcrime.Graph {kind}, {self.n_nodes} nodes, {self.n_edges} edges{w}>"

    def __len__(self) -> int:
        return self.n_nodes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Graph):
            return NotImplemented
        return (
            self._directed == other._directed
            and self._nodes.equals(other._nodes)
            and np.array_equal(self._indptr, other._indptr)
            and np.array_equal(self._indices, other._indices)
            and self._edge_attrs.equals(other._edge_attrs)
            and self._node_attrs.equals(other._node_attrs)
        )

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> dict[str, Any]:
        """Pickle support (e.g. for process pools): arrays, labels, tables, meta as a dict."""
        state = {s: getattr(self, s) for s in Graph.__slots__ if s != "_cache"}
        state["_meta"] = dict(self._meta)
        return state

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for k, v in state.items():
            setattr(self, k, v)
        self._indptr = _readonly(np.array(self._indptr))
        self._indices = _readonly(np.array(self._indices))
        if self._eid is not None:
            self._eid = _readonly(np.array(self._eid))
        self._meta = types.MappingProxyType(dict(self._meta))
        self._cache = {}

    # ------------------------------------------------------------------ on disk
    def save(self, path: Any, /) -> None:
        """Write the graph to the directory ``path`` in netcrime's own format.

        Plain ``.npy`` arrays (CSR, edge ids, labels, attribute columns) plus a JSON
        manifest (format version, netcrime version, sizes, dtypes, CRC-32 checksums); the
        layout and the supported column types are in :mod:`netcrime.io.native`. Reopen it
        with :meth:`Graph.load`.

        Examples
        --------
        >>> import netcrime as nc, tempfile, pathlib
        >>> g = nc.datasets.load("caviar_phase01")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     g.save(pathlib.Path(d) / "caviar.ncg")
        ...     h = nc.Graph.load(pathlib.Path(d) / "caviar.ncg", mmap=False)
        >>> h == g
        True
        """
        from .io.native import write_parts

        write_parts(self, path, func="Graph.save", graph_param="self")

    @classmethod
    def load(cls, path: Any, /, *, mmap: bool = True, verify: bool = False) -> Graph:
        """Open a graph written by :meth:`Graph.save`.

        Parameters
        ----------
        path : str or os.PathLike
            The directory written by :meth:`save`.
        mmap : bool
            True (default): the CSR, edge ids and numeric columns are read-only memory maps
            of the files (no copy; pages are read when first touched); False: read into
            memory.
        verify : bool
            Also recompute every file's CRC-32 (reads every byte). Sizes, dtypes, shapes
            and the soundness of the CSR are always checked.

        Raises
        ------
        ParameterError
            ``path`` is not a directory (nothing there, or a file), ``mmap`` or ``verify``
            not a bool.
        GraphFormatError
            A missing or unreadable manifest or file, another format version, a size,
            dtype, shape or checksum mismatch, an unsound CSR; the message names the file.
        """
        from .io.native import open_parts

        parts = open_parts(path, mmap=mmap, verify=verify, func="Graph.load")
        self = object.__new__(cls)
        self._indptr = _readonly(parts["indptr"])
        self._indices = _readonly(parts["indices"])
        eid = parts["edge_ids"]
        self._eid = None if eid is None else _readonly(eid)
        self._m = parts["m"]
        self._directed = parts["directed"]
        self._nodes = parts["nodes"]
        self._node_attrs = parts["node_attrs"]
        self._edge_attrs = parts["edge_attrs"]
        self._meta = types.MappingProxyType(dict(parts["meta"]))
        self._cache = {}
        return self

    # ------------------------------------------------------------------ array views
    def edge_values(self, name: str, *, func: str = "Graph.edge_values",
                    param: str = "weight", positive: bool = False) -> np.ndarray:
        """CSR-aligned float64 values of the numeric edge attribute ``name``.

        Parameters
        ----------
        name : str
            Edge attribute column.
        func, param : str
            Function and parameter named in error messages.
        positive : bool
            Require strictly positive values (lengths, ``distance=``).
        """
        if not isinstance(name, str):  # before the cache lookup (an unhashable name)
            raise param_error(func, param, "None or the name of an edge attribute "
                              f"{list(self._edge_attrs.columns)!r}", name)
        if not isinstance(positive, (bool, np.bool_)):
            raise param_error("Graph.edge_values", "positive", "a bool", positive)
        for pname, v in (("func", func), ("param", param)):
            if not isinstance(v, str):
                raise param_error("Graph.edge_values", pname, "a str (named in messages)", v)
        key = ("edge_values", name, positive)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if not isinstance(name, str) or name not in self._edge_attrs.columns:
            cols = list(self._edge_attrs.columns)
            raise param_error(func, param, f"None or the name of an edge attribute {cols!r}", name)
        col = self._edge_attrs[name]
        if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            raise param_error(func, param, "the name of a numeric edge attribute", None,
                              shown=f"{name!r} of dtype {col.dtype}")
        vals = col.to_numpy(dtype=float, na_value=np.nan)
        bad = ~np.isfinite(vals)
        if positive:
            bad |= vals <= 0
        if bad.any():
            i = int(np.argmax(bad))
            rule = "positive finite numbers" if positive else "finite numbers"
            src, dst = self.edge_array()
            edge = (_py(self._nodes[src[i]]), _py(self._nodes[dst[i]]))
            raise param_error(
                func, param, f"the name of an edge attribute of {rule}", None,
                shown=f"{name!r}, which is {float(vals[i])!r} on edge {edge!r},",
            )
        out = _readonly(vals if self._eid is None else vals[self._eid])
        self._cache[key] = out
        return out

    def in_csr(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR of in-neighbours ``(indptr, indices, csr_positions)``.

        Row ``j`` lists the sources ``i`` of the arcs ``i -> j`` (sorted); ``csr_positions[k]``
        is the position in :attr:`indices` of that same arc ``i -> j`` (in row ``i`` of the
        out-CSR), so CSR-aligned values ``x`` are read in in-order as ``x[csr_positions]``.
        For an undirected graph the in-CSR has the out-CSR's ``indptr``/``indices`` and
        ``csr_positions`` maps each entry ``(j, i)`` to its mirror ``(i, j)``.
        """
        hit = self._cache.get("in_csr")
        if hit is not None:
            return hit
        ip, ix, order = transpose(self._indptr, self._indices)
        order = _readonly(order)
        if not self._directed:
            out = (self._indptr, self._indices, order)
        else:
            out = (_readonly(ip), _readonly(ix), order)
        self._cache["in_csr"] = out
        return out

    def neighbour_csr(self) -> tuple[np.ndarray, np.ndarray]:
        """Symmetric neighbour CSR ``(indptr, indices)`` (cached).

        Undirected: the graph's own CSR. Directed: each node's out-row followed by its in-row,
        so an arc appears once in each endpoint's row and a reciprocated pair twice; row
        lengths are :meth:`degree`. Disruption, key-player and component code read
        neighbourhoods through this one view.
        """
        if not self._directed:
            return self._indptr, self._indices

        def build() -> tuple[np.ndarray, np.ndarray]:
            if not self._directed:  # the graph's own CSR: no transpose needed
                return self._indptr, self._indices
            ip, ix, _ = self.in_csr()
            ptr, idx = neighbour_csr(self._indptr, self._indices, self._directed, ip, ix)
            return _readonly(ptr), _readonly(idx)

        return self.cached("neighbour_csr", build)

    def cached(self, key: Hashable, fn: Any) -> Any:
        """The value cached under ``key`` on this graph, computing it with ``fn()`` once.

        A Graph is immutable, so anything derived from its structure and attributes may be
        cached on it. Modules use this (never the private cache dict); ``key`` should start
        with the caller's module name, e.g. ``("brokerage.burt", weight)``. Derived graphs
        (:meth:`with_node_attrs`, :meth:`with_meta`) share the structural cache.

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
        >>> g.cached("doc.example", lambda: g.n_edges * 2)
        4
        """
        try:
            return self._cache[key]
        except KeyError:
            out = fn()
            self._cache[key] = out
            return out

    def out_degree(self) -> np.ndarray:
        """Out-degree per position (int64; undirected: the degree, a loop counts once)."""
        return np.diff(self._indptr)

    def in_degree(self) -> np.ndarray:
        """In-degree per position (int64)."""
        return np.diff(self.in_csr()[0])

    def degree(self) -> np.ndarray:
        """Number of incident edges per position: out + in for directed graphs, neighbour
        count for undirected graphs (a self-loop counts once)."""
        if self._directed:
            return self.out_degree() + self.in_degree()
        return self.out_degree()

    # ------------------------------------------------------------------ labels
    def node_index(self, labels: Any, *, func: str = "Graph.node_index",
                   param: str = "nodes") -> np.ndarray:
        """Positions of ``labels`` (a label or an iterable of labels).

        Raises
        ------
        NodeNotFoundError
            If a label is not a node, naming the function, parameter and label.
        """
        if isinstance(labels, (str, bytes, tuple)) or not isinstance(labels, Iterable):
            labels = [labels]
        labels = list(labels)
        for x in labels:  # node labels are hashable: a list or dict is never a node
            if not isinstance(x, Hashable) or (isinstance(x, tuple) and not _hashable(x)):
                raise param_error(func, param, "hashable node labels", x)
        lab = label_index(labels)
        pos = self._nodes.get_indexer(lab) if len(lab) else np.zeros(0, np.int64)
        if (pos < 0).any():
            bad = _py(lab[int(np.flatnonzero(pos < 0)[0])])
            raise NodeNotFoundError(
                f"The '{param}' parameter of {func}() must hold nodes of the graph. "
                f"Got {bad!r}, which is not a node, instead."
            )
        return pos.astype(np.int64)

    def with_node_attrs(self, **columns: Any) -> Graph:
        """A copy with node attribute columns added or replaced.

        Each value is an array of ``n_nodes`` values in node order, or a Series indexed by
        node label (aligned by label; labels it lacks get NaN).

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False, nodes=["a", "b", "c"])
        >>> h = g.with_node_attrs(role=["boss", "mule", "mule"])
        >>> h.node_attrs["role"].tolist()
        ['boss', 'mule', 'mule']
        """
        na = self._node_attrs.copy()
        for k, v in columns.items():
            if isinstance(v, pd.Series):
                na[k] = v.reindex(self._nodes).to_numpy()
                continue
            arr = np.asarray(v)
            if arr.ndim != 1 or len(arr) != self.n_nodes:
                raise param_error(
                    "Graph.with_node_attrs", k,
                    f"a Series indexed by node or an array of {self.n_nodes} values in node "
                    "order", None, shown=f"an array of shape {arr.shape}",
                )
            na[k] = arr
        return self._derive(node_attrs=na)

    def with_meta(self, **meta: Any) -> Graph:
        """A copy with metadata keys added or replaced."""
        d = dict(self._meta)
        d.update(meta)
        return self._derive(meta=d)

    def _derive(self, *, node_attrs: pd.DataFrame | None = None,
                meta: Mapping[str, Any] | None = None) -> Graph:
        g = object.__new__(Graph)
        for s in Graph.__slots__:
            setattr(g, s, getattr(self, s))
        g._cache = dict(self._cache)
        if node_attrs is not None:
            g._node_attrs = node_attrs
        if meta is not None:
            g._meta = types.MappingProxyType(dict(meta))
        return g

    # ------------------------------------------------------------------ derived graphs
    def take(self, positions: Any) -> Graph:
        """Induced subgraph on the nodes at ``positions`` (ascending, unique int positions).

        The position-based twin of :meth:`subgraph` for code that already works with
        positions (disruption, key players): labels, node and edge attributes follow.

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(4, [0, 1, 2], [1, 2, 3], directed=False,
        ...                          nodes=["a", "b", "c", "d"])
        >>> g.take([0, 1, 3])
        <netcrime.Graph undirected, 3 nodes, 1 edges>
        """
        try:
            keep = np.asarray(positions, dtype=np.int64)
        except (TypeError, ValueError, OverflowError) as exc:
            raise param_error("Graph.take", "positions", "a sequence of int node positions",
                              positions) from exc
        if keep.ndim != 1 or (len(keep) and (
                keep[0] < 0 or keep[-1] >= self.n_nodes or (np.diff(keep) <= 0).any())):
            raise param_error(
                "Graph.take", "positions",
                f"ascending unique node positions in [0, {self.n_nodes})", None,
                shown=f"{np.asarray(positions).tolist()!r}"[:200],
            )
        n = self.n_nodes
        newpos = np.full(n, -1, dtype=np.int64)
        newpos[keep] = np.arange(len(keep), dtype=np.int64)
        src, dst = self.edge_array()
        src, dst = newpos[src], newpos[dst]
        e_ok = np.flatnonzero((src >= 0) & (dst >= 0))
        # the relabelling is increasing, so the kept edges stay canonical and sorted
        src, dst = src[e_ok], dst[e_ok]
        ea = self._edge_attrs.take(e_ok).reset_index(drop=True)
        na = self._node_attrs.iloc[keep].reset_index(drop=True)
        return Graph._build(
            n=len(keep), src=src, dst=dst, directed=self._directed,
            nodes=self._nodes.take(keep), node_attrs=na, edge_attrs=ea, meta=self._meta,
        )

    def subgraph(self, nodes: Iterable[Hashable]) -> Graph:
        """Induced subgraph on ``nodes`` (kept in this graph's node order)."""
        pos = self.node_index(nodes, func="Graph.subgraph", param="nodes")
        keep = np.zeros(self.n_nodes, dtype=bool)
        keep[pos] = True
        return self.take(np.flatnonzero(keep))

    def remove_nodes(self, nodes: Iterable[Hashable]) -> Graph:
        """A new graph without ``nodes`` and their edges."""
        pos = self.node_index(nodes, func="Graph.remove_nodes", param="nodes")
        keep = np.ones(self.n_nodes, dtype=bool)
        keep[pos] = False
        return self.take(np.flatnonzero(keep))

    def select_edges(self, mask: Any) -> Graph:
        """A new graph on the same nodes keeping the edges where ``mask`` (by edge id) is True."""
        mask = np.asarray(mask)
        if mask.dtype != bool or mask.shape != (self.n_edges,):
            raise param_error(
                "Graph.select_edges", "mask", f"a boolean array of length {self.n_edges}", None,
                shown=f"an array of dtype {mask.dtype} and shape {mask.shape}",
            )
        src, dst = self.edge_array()
        keep = np.flatnonzero(mask)
        return Graph._build(
            n=self.n_nodes, src=src[keep], dst=dst[keep], directed=self._directed,
            nodes=self._nodes, node_attrs=self._node_attrs,
            edge_attrs=self._edge_attrs.take(keep).reset_index(drop=True), meta=self._meta,
        )

    def to_undirected(self, *, combine: str = "max") -> Graph:
        """The undirected graph with an edge wherever there is an arc in either direction.

        Parameters
        ----------
        combine : {"max", "sum", "min", "first", "last"}
            How the ``"weight"`` of a reciprocated pair ``u -> v``, ``v -> u`` is combined
            (``"max"``: sna's and UCINET's default symmetrisation). Other attributes keep the
            arc with the smaller source position (``"first"``).
        """
        check_choice(combine, ("max", "sum", "min", "first", "last"),
                     func="Graph.to_undirected", param="combine")
        if not self._directed:
            return self
        src, dst = self.edge_array()
        return Graph._from_positions(
            self.n_nodes, src, dst, False, self._nodes,
            self._node_attrs.reset_index(drop=True), self._edge_attrs, combine, "keep",
            self._meta, "Graph.to_undirected", param="g",
        )


def _hashable(x: Any) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


@contextlib.contextmanager
def _reworded(helper: str, helper_param: str, func: str, param: str) -> Iterator[None]:
    """Re-address a helper's NetcrimeError to the public function the user called: "The 'G'
    parameter of from_networkx()" becomes "The 'g' parameter of chain_layout()"."""
    try:
        yield
    except NetcrimeError as exc:
        if func != helper and exc.args and isinstance(exc.args[0], str):
            msg = exc.args[0].replace(f"The '{helper_param}' parameter of {helper}()",
                                      f"The '{param}' parameter of {func}()")
            msg = msg.replace(f"{helper}()", f"{func}()")
            exc.args = (msg, *exc.args[1:])
        raise


def as_graph(obj: Any, *, func: str = "as_graph", param: str = "g") -> Graph:
    """Coerce ``obj`` to a :class:`Graph` (the single coercion point of the library).

    Accepts a netcrime Graph (returned as is), a networkx ``Graph``/``DiGraph``, an igraph
    ``Graph``, or an edge-list DataFrame made by :meth:`Graph.to_pandas` (which records its
    direction in ``df.attrs``). Other DataFrames must go through :meth:`Graph.from_edges`,
    because the direction of a plain edge list is never guessed.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> nc.as_graph(nx.path_graph(4))
    <netcrime.Graph undirected, 4 nodes, 3 edges>
    """
    if isinstance(obj, Graph):
        return obj
    mod = type(obj).__module__.split(".")[0]
    if mod == "networkx":
        from .interop import from_networkx

        with _reworded("from_networkx", "G", func, param):
            return from_networkx(obj)
    if mod == "igraph":
        from .interop import from_igraph

        with _reworded("from_igraph", "G", func, param):
            return from_igraph(obj)
    rule = "a netcrime Graph, a networkx or igraph graph, or a Graph.to_pandas() frame"
    if isinstance(obj, pd.DataFrame):
        if "directed" not in obj.attrs:
            raise GraphFormatError(
                f"The '{param}' parameter of {func}() must be {rule}. Got a DataFrame without "
                "a recorded direction instead; build the graph with "
                "netcrime.Graph.from_edges(df, directed=...)."
            )
        nodes = obj.attrs.get("nodes")
        if isinstance(nodes, NodeOrder):
            nodes = nodes.labels
        return Graph.from_edges(obj, directed=bool(obj.attrs["directed"]), nodes=nodes)
    raise param_error(func, param, rule, None, shown=f"an object of type {type(obj).__name__}")
