"""The one graph type of netcrime: an immutable CSR adjacency with labels and attributes.

Arrays inside, labels at the edge. A :class:`Graph` holds

* ``indptr``/``indices``: the CSR of out-neighbours (rows sorted, read-only int64 arrays);
  an undirected edge ``{u, v}`` is stored in both rows (a self-loop once);
* ``edge_ids``: for every CSR entry, the row of ``edge_attrs`` it belongs to;
* ``nodes``: a pandas ``Index`` of labels, position ``i`` is row ``i`` of the CSR;
* ``node_attrs`` (indexed by ``nodes``) and ``edge_attrs`` (one row per edge, with the edge's
  ``source``/``target`` positions in :meth:`Graph.edge_array`).

The weight of an edge is the numeric ``edge_attrs`` column named ``"weight"``; metrics take
the *name* of the column to use (``weight=`` for strengths, ``distance=`` for lengths).
"""

from __future__ import annotations

import types
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, check_choice, param_error
from .exceptions import GraphFormatError, NodeNotFoundError

__all__ = ["Graph", "as_graph"]

_MULTIEDGE_RULES = ("error", "sum", "max", "min", "first", "last")
_LOOP_RULES = ("keep", "drop", "error")


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a)
    a.setflags(write=False)
    return a


def _label_index(labels: Iterable[Hashable]) -> pd.Index:
    """A pandas Index of labels that never turns tuples into a MultiIndex."""
    if isinstance(labels, pd.MultiIndex):
        return pd.Index(list(labels), dtype=object, tupleize_cols=False)
    if isinstance(labels, pd.Index):
        return labels
    lab = list(labels)
    if any(isinstance(x, tuple) for x in lab):
        return pd.Index(lab, dtype=object, tupleize_cols=False)
    return pd.Index(lab)


def _check_unique_labels(index: pd.Index, func: str, param: str) -> None:
    if not index.is_unique:
        dup = index[index.duplicated()][:5].tolist()
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must hold unique node labels. "
            f"Got duplicated labels {dup!r} instead."
        )
    if index.hasnans:
        raise GraphFormatError(
            f"The '{param}' parameter of {func}() must hold node labels that are not NaN/None. "
            "Got a missing label instead."
        )


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
        "_dst",
        "_edge_attrs",
        "_eid",
        "_indices",
        "_indptr",
        "_meta",
        "_node_attrs",
        "_nodes",
        "_src",
    )

    # ------------------------------------------------------------------ construction
    def __init__(self, *args: Any, **kwargs: Any) -> None:  # pragma: no cover - guard
        raise TypeError(
            "Graph() is not called directly; use Graph.from_edges, Graph.from_arrays, "
            "Graph.from_networkx, Graph.from_igraph or Graph.from_scipy."
        )

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
        """Assemble a Graph from canonical, de-duplicated, sorted edges (trusted input)."""
        self = object.__new__(cls)
        m = len(src)
        src = np.asarray(src, dtype=np.int64)
        dst = np.asarray(dst, dtype=np.int64)
        if directed:
            rows, cols = src, dst
            eids = np.arange(m, dtype=np.int64)
        else:
            loop = src == dst
            nl = ~loop
            rows = np.concatenate([src, dst[nl]])
            cols = np.concatenate([dst, src[nl]])
            eids = np.concatenate([np.arange(m, dtype=np.int64), np.flatnonzero(nl)])
        if len(rows):
            order = np.lexsort((cols, rows))
            rows, cols, eids = rows[order], cols[order], eids[order]
        counts = np.bincount(rows, minlength=n) if n else np.zeros(0, np.int64)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        self._indptr = _readonly(indptr)
        self._indices = _readonly(cols.astype(np.int64, copy=False))
        self._eid = _readonly(eids.astype(np.int64, copy=False))
        self._src = _readonly(src)
        self._dst = _readonly(dst)
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

        Examples
        --------
        >>> import netcrime as nc
        >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
        >>> g.n_nodes, g.n_edges, g.degree().tolist()
        (3, 2, [1, 2, 1])
        """
        func = "Graph.from_arrays"
        if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0:
            raise param_error(func, "n", "a non-negative int", n)
        n = int(n)
        directed = check_bool(directed, func=func, param="directed")
        src = np.asarray(source)
        dst = np.asarray(target)
        if src.shape != dst.shape or src.ndim != 1:
            raise param_error(
                func, "target", f"a 1-d array of the same length as source ({src.shape})", dst.shape
            )
        for name, arr in (("source", src), ("target", dst)):
            if len(arr) and not np.issubdtype(arr.dtype, np.integer):
                raise param_error(func, name, "an array of int node positions", arr.dtype)
            if len(arr) and (arr.min() < 0 or arr.max() >= n):
                bad = arr[(arr < 0) | (arr >= n)][0]
                raise param_error(func, name, f"node positions in [0, {n})", int(bad))
        nodes_idx = _label_index(range(n) if nodes is None else nodes)
        if len(nodes_idx) != n:
            raise param_error(func, "nodes", f"{n} labels", f"{len(nodes_idx)} labels")
        _check_unique_labels(nodes_idx, func, "nodes")
        na = None
        if node_attrs is not None:
            na = pd.DataFrame(node_attrs)
            if len(na) != n:
                raise param_error(func, "node_attrs", f"a table of {n} rows", len(na))
            na = na.reset_index(drop=True)
        ea = None
        if edge_attrs is not None:
            ea = pd.DataFrame(edge_attrs)
            if len(ea) != len(src):
                raise param_error(func, "edge_attrs", f"a table of {len(src)} rows", len(ea))
            ea = ea.reset_index(drop=True)
        return cls._from_positions(
            n, src.astype(np.int64), dst.astype(np.int64), directed, nodes_idx, na, ea,
            multiedges, self_loops, meta, func,
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
    ) -> Graph:
        check_choice(multiedges, _MULTIEDGE_RULES, func=func, param="multiedges")
        check_choice(self_loops, _LOOP_RULES, func=func, param="self_loops")
        if edge_attrs is not None and "weight" in edge_attrs.columns:
            w = edge_attrs["weight"]
            if not pd.api.types.is_numeric_dtype(w) or pd.api.types.is_bool_dtype(w):
                raise GraphFormatError(
                    f"The 'weight' column given to {func}() must be numeric. "
                    f"Got dtype {w.dtype} instead."
                )
            wv = w.to_numpy(dtype=float)
            bad = ~np.isfinite(wv)
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise GraphFormatError(
                    f"The 'weight' column given to {func}() must hold finite numbers. "
                    f"Got {wv[i]!r} in edge row {i} instead."
                )
        loops = src == dst
        if loops.any():
            if self_loops == "error":
                i = int(np.flatnonzero(loops)[0])
                raise GraphFormatError(
                    f"{func}() was called with self_loops='error' and edge row {i} is a "
                    f"self-loop on {nodes[src[i]]!r}."
                )
            if self_loops == "drop":
                keep = ~loops
                src, dst = src[keep], dst[keep]
                if edge_attrs is not None:
                    edge_attrs = edge_attrs.loc[keep].reset_index(drop=True)
        if directed:
            a, b = src, dst
        else:
            a, b = np.minimum(src, dst), np.maximum(src, dst)
        key = a * np.int64(max(n, 1)) + b
        order = np.argsort(key, kind="stable")
        skey = key[order]
        first = np.ones(len(skey), dtype=bool)
        if len(skey):
            first[1:] = skey[1:] != skey[:-1]
        if not first.all():
            if multiedges == "error":
                i = int(order[np.flatnonzero(~first)[0]])
                raise GraphFormatError(
                    f"{func}() was called with multiedges='error' and the edge "
                    f"({nodes[src[i]]!r}, {nodes[dst[i]]!r}) (row {i}) occurs more than once"
                    + ("" if directed else " (undirected: in either orientation)")
                    + ". Choose multiedges='sum', 'max', 'min', 'first' or 'last'."
                )
            starts = np.flatnonzero(first)
            if multiedges == "last":
                ends = np.append(starts[1:], len(skey)) - 1
                pick = order[ends]
            else:
                pick = order[starts]
            new_attrs = None
            if edge_attrs is not None:
                new_attrs = edge_attrs.iloc[pick].reset_index(drop=True)
                if multiedges in ("sum", "max", "min") and "weight" in new_attrs.columns:
                    w = edge_attrs["weight"].to_numpy(dtype=float)[order]
                    ufunc = {"sum": np.add, "max": np.maximum, "min": np.minimum}[multiedges]
                    new_attrs["weight"] = ufunc.reduceat(w, starts)
            a, b = a[pick], b[pick]
            edge_attrs = new_attrs
        else:
            a, b = a[order], b[order]
            if edge_attrs is not None:
                edge_attrs = edge_attrs.iloc[order].reset_index(drop=True)
        return cls._build(
            n=n, src=a, dst=b, directed=directed, nodes=nodes, node_attrs=node_attrs,
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
            Numeric column holding the edge weight; it is stored as the ``"weight"`` edge
            attribute. Must be finite.
        nodes : DataFrame or iterable of labels, optional
            The node set and order (isolates included). A DataFrame supplies node attributes;
            its labels come from ``node_key`` or, if None, from its index. Every endpoint must
            be listed. Without it, nodes are ordered by first appearance in the edge list.
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
        GraphFormatError
            Missing columns, missing endpoints, duplicated node labels, non-finite weights,
            repeated pairs with ``multiedges="error"``, endpoints absent from ``nodes``.

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
            raise param_error(func, "edges", "a pandas DataFrame", type(edges).__name__)
        directed = check_bool(directed, func=func, param="directed")
        for col, pname in ((source, "source"), (target, "target")):
            if col not in edges.columns:
                raise GraphFormatError(
                    f"The '{pname}' parameter of {func}() must name a column of the edge list "
                    f"{list(edges.columns)!r}. Got {col!r} instead."
                )
        if weight is not None and weight not in edges.columns:
            raise GraphFormatError(
                f"The 'weight' parameter of {func}() must name a column of the edge list "
                f"{list(edges.columns)!r}. Got {weight!r} instead."
            )
        s = edges[source]
        t = edges[target]
        for col, ser in ((source, s), (target, t)):
            miss = ser.isna().to_numpy()
            if miss.any():
                i = int(np.flatnonzero(miss)[0])
                raise GraphFormatError(
                    f"The edge list given to {func}() has a missing (NaN/None) endpoint in "
                    f"column {col!r} at row {i}."
                )
        node_attrs = None
        if nodes is not None:
            if isinstance(nodes, pd.DataFrame):
                if node_key is not None:
                    if node_key not in nodes.columns:
                        raise GraphFormatError(
                            f"The 'node_key' parameter of {func}() must name a column of nodes "
                            f"{list(nodes.columns)!r}. Got {node_key!r} instead."
                        )
                    idx = _label_index(nodes[node_key].tolist())
                    node_attrs = nodes.drop(columns=[node_key]).reset_index(drop=True)
                else:
                    idx = _label_index(nodes.index)
                    node_attrs = nodes.reset_index(drop=True)
            else:
                idx = _label_index(nodes)
            _check_unique_labels(idx, func, "nodes")
            si = idx.get_indexer(_label_index(s.tolist()) if s.dtype == object else s)
            ti = idx.get_indexer(_label_index(t.tolist()) if t.dtype == object else t)
            for col, arr, ser in ((source, si, s), (target, ti, t)):
                if (arr < 0).any():
                    i = int(np.flatnonzero(arr < 0)[0])
                    raise GraphFormatError(
                        f"The edge list given to {func}() has endpoint {ser.iloc[i]!r} "
                        f"(column {col!r}, row {i}) that is not listed in 'nodes'."
                    )
        else:
            both = pd.concat([s, t], ignore_index=True)
            if both.dtype == object and any(isinstance(x, tuple) for x in both.head(1000)):
                codes, uniques = pd.factorize(
                    pd.Index(both.tolist(), dtype=object, tupleize_cols=False)
                )
            else:
                codes, uniques = pd.factorize(both)
            idx = _label_index(uniques)
            m = len(s)
            si, ti = codes[:m], codes[m:]
        other = [c for c in edges.columns if c not in (source, target)]
        ea = edges[other].reset_index(drop=True) if other else None
        if weight is not None:
            ea = ea.rename(columns={weight: "weight"}) if weight != "weight" else ea
            if weight != "weight" and "weight" in edges.columns:
                raise GraphFormatError(
                    f"{func}() was asked to use column {weight!r} as the weight, but the edge "
                    "list already has a different column named 'weight'."
                )
            ea["weight"] = ea["weight"].astype(float) if pd.api.types.is_numeric_dtype(
                ea["weight"]) and not pd.api.types.is_bool_dtype(ea["weight"]) else ea["weight"]
        return cls._from_positions(
            len(idx), np.asarray(si, np.int64), np.asarray(ti, np.int64), directed, idx,
            node_attrs, ea, multiedges, self_loops, meta, func,
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

    def to_scipy(self, weight: str | None = None) -> Any:
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

        The frame's ``attrs["directed"]`` records the direction, so :func:`as_graph` can read
        it back without guessing.
        """
        lab = self._nodes
        df = pd.DataFrame(
            {
                "source": lab.take(self._src).to_numpy() if len(lab) else [],
                "target": lab.take(self._dst).to_numpy() if len(lab) else [],
            }
        )
        for c in self._edge_attrs.columns:
            df[c] = self._edge_attrs[c].to_numpy()
        df.attrs["directed"] = self._directed
        df.attrs["nodes"] = list(self._nodes)
        return df

    # ------------------------------------------------------------------ properties
    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self._nodes)

    @property
    def n_edges(self) -> int:
        """Number of edges (arcs if directed; unordered pairs if undirected)."""
        return len(self._src)

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
        """For each CSR entry, the edge id (row of :attr:`edge_attrs`)."""
        return self._eid

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

        Undirected edges are stored with ``source <= target``.
        """
        return self._src, self._dst

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
            and np.array_equal(self._src, other._src)
            and np.array_equal(self._dst, other._dst)
            and self._edge_attrs.equals(other._edge_attrs)
            and self._node_attrs.equals(other._node_attrs)
        )

    __hash__ = None  # type: ignore[assignment]

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
        key = ("edge_values", name, positive)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if not isinstance(name, str) or name not in self._edge_attrs.columns:
            cols = list(self._edge_attrs.columns)
            raise param_error(func, param, f"None or the name of an edge attribute {cols!r}", name)
        col = self._edge_attrs[name]
        if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            raise param_error(func, param, "the name of a numeric edge attribute", name)
        vals = col.to_numpy(dtype=float)
        bad = ~np.isfinite(vals)
        if positive:
            bad |= vals <= 0
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            rule = "positive finite numbers" if positive else "finite numbers"
            raise param_error(
                func, param,
                f"an edge attribute holding {rule} (edge {self._nodes[self._src[i]]!r}-"
                f"{self._nodes[self._dst[i]]!r})",
                float(vals[i]),
            )
        out = _readonly(vals[self._eid])
        self._cache[key] = out
        return out

    def in_csr(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR of in-neighbours ``(indptr, indices, csr_positions)``.

        ``csr_positions[k]`` is the position in :attr:`indices` of the same arc, so
        CSR-aligned values ``x`` are read in in-order as ``x[csr_positions]``. For an
        undirected graph this is the out-CSR itself.
        """
        hit = self._cache.get("in_csr")
        if hit is not None:
            return hit
        n = self.n_nodes
        if not self._directed:
            pos = np.arange(len(self._indices), dtype=np.int64)
            out = (self._indptr, self._indices, _readonly(pos))
        else:
            rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(self._indptr))
            order = np.lexsort((rows, self._indices))
            cols = self._indices[order]
            counts = np.bincount(cols, minlength=n)
            ip = np.zeros(n + 1, np.int64)
            np.cumsum(counts, out=ip[1:])
            out = (_readonly(ip), _readonly(rows[order]), _readonly(order.astype(np.int64)))
        self._cache["in_csr"] = out
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
        lab = _label_index(list(labels))
        pos = self._nodes.get_indexer(lab) if len(lab) else np.zeros(0, np.int64)
        if (pos < 0).any():
            bad = lab[int(np.flatnonzero(pos < 0)[0])]
            raise NodeNotFoundError(
                f"The '{param}' parameter of {func}() must hold nodes of the graph. "
                f"Got {bad!r} instead, which is not a node."
            )
        return pos.astype(np.int64)

    def with_node_attrs(self, **columns: Any) -> Graph:
        """A copy with node attribute columns added or replaced (arrays in node order)."""
        na = self._node_attrs.copy()
        for k, v in columns.items():
            arr = v.reindex(self._nodes) if isinstance(v, pd.Series) else v
            na[k] = np.asarray(arr) if not isinstance(arr, pd.Series) else arr.to_numpy()
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
    def _subgraph_positions(self, keep: np.ndarray) -> Graph:
        keep = np.asarray(keep, dtype=np.int64)
        n = self.n_nodes
        newpos = np.full(n, -1, dtype=np.int64)
        newpos[keep] = np.arange(len(keep), dtype=np.int64)
        e_ok = (newpos[self._src] >= 0) & (newpos[self._dst] >= 0)
        src = newpos[self._src[e_ok]]
        dst = newpos[self._dst[e_ok]]
        if not self._directed:
            src, dst = np.minimum(src, dst), np.maximum(src, dst)
        ea = self._edge_attrs.loc[e_ok].reset_index(drop=True)
        eorder = np.lexsort((dst, src))
        src, dst = src[eorder], dst[eorder]
        ea = ea.iloc[eorder].reset_index(drop=True)
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
        return self._subgraph_positions(np.flatnonzero(keep))

    def remove_nodes(self, nodes: Iterable[Hashable]) -> Graph:
        """A new graph without ``nodes`` and their edges."""
        pos = self.node_index(nodes, func="Graph.remove_nodes", param="nodes")
        keep = np.ones(self.n_nodes, dtype=bool)
        keep[pos] = False
        return self._subgraph_positions(np.flatnonzero(keep))

    def select_edges(self, mask: Any) -> Graph:
        """A new graph on the same nodes keeping the edges where ``mask`` (by edge id) is True."""
        mask = np.asarray(mask)
        if mask.dtype != bool or mask.shape != (self.n_edges,):
            raise param_error(
                "Graph.select_edges", "mask", f"a boolean array of length {self.n_edges}",
                f"{mask.dtype} array of shape {mask.shape}",
            )
        return Graph._build(
            n=self.n_nodes, src=self._src[mask], dst=self._dst[mask], directed=self._directed,
            nodes=self._nodes, node_attrs=self._node_attrs,
            edge_attrs=self._edge_attrs.loc[mask].reset_index(drop=True), meta=self._meta,
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
        return Graph._from_positions(
            self.n_nodes, self._src, self._dst, False, self._nodes,
            self._node_attrs.reset_index(drop=True), self._edge_attrs, combine, "keep",
            self._meta, "Graph.to_undirected",
        )


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

        return from_networkx(obj)
    if mod == "igraph":
        from .interop import from_igraph

        return from_igraph(obj)
    if isinstance(obj, pd.DataFrame):
        if "directed" not in obj.attrs:
            raise GraphFormatError(
                f"The '{param}' parameter of {func}() got a DataFrame without a recorded "
                "direction. Build the graph with netcrime.Graph.from_edges(df, directed=...)."
            )
        nodes = obj.attrs.get("nodes")
        return Graph.from_edges(obj, directed=bool(obj.attrs["directed"]), nodes=nodes)
    raise param_error(
        func, param, "a netcrime Graph, a networkx or igraph graph, or a Graph.to_pandas() frame",
        type(obj).__name__,
    )
