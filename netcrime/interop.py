"""Conversion between netcrime graphs and networkx, igraph, scipy and pandas.

Imports of networkx and igraph are lazy: only the conversion that needs a library imports it.
Round trips keep node labels (str, int, mixed, tuples), node and edge attributes, weights and
direction.

The converters use only Graph's public surface: they build through
:meth:`netcrime.Graph.from_positions` (the construction entry point for converters, with
:func:`netcrime.graph.label_index` and :func:`netcrime.graph.check_node_labels` for labels)
and read :attr:`~netcrime.Graph.node_attrs`, :attr:`~netcrime.Graph.edge_attrs` and
:meth:`~netcrime.Graph.edge_array`. ``graph.py`` imports this module lazily (inside
``Graph.from_networkx`` and friends), so there is no import cycle.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Hashable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, param_error
from .exceptions import GraphFormatError
from .graph import Graph, check_node_labels, label_index

__all__ = ["from_igraph", "from_networkx", "from_scipy", "to_igraph", "to_networkx", "to_scipy"]


def _records_frame(records: list[dict]) -> pd.DataFrame | None:
    """Columns from a list of attribute dicts (missing values NaN), or None if all empty.

    Column order is first appearance. Built column by column: when every dict has the keys
    of the first one and no others (the common case) with ``itemgetter``, else with
    ``dict.get``; ``DataFrame.from_records`` is several times slower on a million dicts.
    """
    if not records:
        return None
    first = list(records[0])
    index = pd.RangeIndex(len(records))
    if sum(map(len, records)) == len(first) * len(records):
        try:
            cols = {k: list(map(operator.itemgetter(k), records)) for k in first}
        except KeyError:
            pass
        else:
            return pd.DataFrame(cols, index=index) if first else None
    keys = dict.fromkeys(itertools.chain.from_iterable(records))
    if not keys:
        return None
    nan = np.nan
    return pd.DataFrame({k: [d.get(k, nan) for d in records] for k in keys}, index=index)


def from_networkx(G: Any, *, multiedges: str = "error") -> Graph:
    """Build a Graph from a networkx graph.

    Node order is ``G.nodes`` order; node and edge data dicts become attribute columns
    (missing values are NaN); an edge attribute ``"weight"`` is the weight.

    Parameters
    ----------
    G : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
    multiedges : str
        Policy for parallel edges of a multigraph (see :meth:`Graph.from_arrays`); the default
        ``"error"`` refuses multigraphs with parallel edges.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> g = nc.Graph.from_networkx(nx.krackhardt_kite_graph())
    >>> g.n_nodes, g.n_edges
    (10, 18)
    """
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise param_error("from_networkx", "G", "a networkx graph", None,
                          shown=f"an object of type {type(G).__name__}")
    nodes = label_index(list(G.nodes))
    n = len(nodes)
    check_node_labels(nodes, func="from_networkx", param="G")
    if G.is_multigraph():
        pos = {v: i for i, v in enumerate(G.nodes)}
        edata = list(G.edges(data=True))
        src = np.fromiter((pos[u] for u, _, _ in edata), dtype=np.int64, count=len(edata))
        dst = np.fromiter((pos[v] for _, v, _ in edata), dtype=np.int64, count=len(edata))
        ea = _records_frame([d for _, _, d in edata])
    else:
        # read the adjacency dicts directly: every arc once (directed), every undirected
        # edge twice (kept where dst >= src) and a loop once
        adj = [nbrs for _, nbrs in G.adjacency()]
        deg = np.fromiter(map(len, adj), dtype=np.int64, count=n)
        src = np.repeat(np.arange(n, dtype=np.int64), deg)
        flat = label_index(list(itertools.chain.from_iterable(adj)))
        dst = nodes.get_indexer(flat).astype(np.int64, copy=False)
        del flat
        datas = list(itertools.chain.from_iterable(nbrs.values() for nbrs in adj))
        del adj
        if not G.is_directed():
            keep = dst >= src
            src, dst = src[keep], dst[keep]
            datas = list(itertools.compress(datas, keep.tolist()))
        ea = _records_frame(datas)
        del datas
    na = _records_frame([d for _, d in G.nodes(data=True)])
    meta = dict(G.graph) if G.graph else None
    return Graph.from_positions(
        n, src, dst, directed=G.is_directed(), nodes=nodes, node_attrs=na, edge_attrs=ea,
        multiedges=multiedges, meta=meta, func="from_networkx", param="G",
    )


def to_networkx(g: Graph) -> Any:
    """Convert to a networkx ``DiGraph`` (directed) or ``Graph``, with all attributes.

    NaN attribute values (absent in the source) are not written.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=True)
    >>> sorted(nc.interop.to_networkx(g).edges())
    [(0, 1), (1, 2)]
    """
    _need_graph(g, "to_networkx")
    import networkx as nx

    G = nx.DiGraph() if g.directed else nx.Graph()
    G.graph.update(dict(g.meta))
    na = g.node_attrs
    cols = list(na.columns)
    if cols:
        vals = na.to_dict("records")
        G.add_nodes_from(
            (lab, {k: v for k, v in rec.items() if not _isnan(v)})
            for lab, rec in zip(g.nodes, vals)
        )
    else:
        G.add_nodes_from(g.nodes)
    src, dst = g.edge_array()
    lab = list(g.nodes)
    ea = g.edge_attrs
    if len(ea.columns):
        recs = ea.to_dict("records")
        G.add_edges_from(
            (lab[u], lab[v], {k: x for k, x in r.items() if not _isnan(x)})
            for u, v, r in zip(src.tolist(), dst.tolist(), recs)
        )
    else:
        G.add_edges_from((lab[u], lab[v]) for u, v in zip(src.tolist(), dst.tolist()))
    return G


def _isnan(x: Any) -> bool:
    return isinstance(x, float) and x != x


def from_igraph(G: Any, *, multiedges: str = "error") -> Graph:
    """Build a Graph from an igraph graph.

    Labels are the vertex attribute ``"name"`` if present, else ``0..n-1``; other vertex and
    edge attributes become attribute columns; the edge attribute ``"weight"`` is the weight.

    Examples
    --------
    >>> import igraph as ig
    >>> import netcrime as nc
    >>> g = nc.Graph.from_igraph(ig.Graph.Ring(5))
    >>> g.n_nodes, g.n_edges
    (5, 5)
    """
    import igraph as ig

    if not isinstance(G, ig.Graph):
        raise param_error("from_igraph", "G", "an igraph Graph", None,
                          shown=f"an object of type {type(G).__name__}")
    n = G.vcount()
    vattrs = G.vs.attributes()
    if "name" in vattrs:
        nodes = label_index(G.vs["name"])
        check_node_labels(nodes, func="from_igraph", param="G")
    else:
        nodes = pd.RangeIndex(n)
    na = None
    other = [a for a in vattrs if a != "name"]
    if other:
        na = pd.DataFrame({a: G.vs[a] for a in other})
    el = np.asarray(G.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    ea = None
    if G.es.attributes():
        ea = pd.DataFrame({a: G.es[a] for a in G.es.attributes()})
    return Graph.from_positions(
        n, el[:, 0].copy(), el[:, 1].copy(), directed=G.is_directed(), nodes=nodes,
        node_attrs=na, edge_attrs=ea, multiedges=multiedges, func="from_igraph", param="G",
    )


def to_igraph(g: Graph) -> Any:
    """Convert to an igraph Graph; labels go to the vertex attribute ``"name"``.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False, nodes=["a", "b", "c"])
    >>> nc.interop.to_igraph(g).vs["name"]
    ['a', 'b', 'c']
    """
    _need_graph(g, "to_igraph")
    import igraph as ig

    src, dst = g.edge_array()
    G = ig.Graph(n=g.n_nodes, edges=np.column_stack([src, dst]).tolist(), directed=g.directed)
    G.vs["name"] = list(g.nodes)
    na, ea = g.node_attrs, g.edge_attrs
    for c in na.columns:
        G.vs[c] = na[c].tolist()
    for c in ea.columns:
        G.es[c] = ea[c].tolist()
    return G


def from_scipy(A: Any, *, directed: bool, nodes: Iterable[Hashable] | None = None) -> Graph:
    """Build a Graph from a square adjacency matrix (scipy sparse or numpy).

    Every stored non-zero entry ``A[i, j]`` is an edge ``i -> j`` with ``"weight" = A[i, j]``.
    For ``directed=False`` the matrix must be symmetric (it is not symmetrised silently).

    Examples
    --------
    >>> import numpy as np
    >>> import netcrime as nc
    >>> A = np.array([[0, 2, 0], [2, 0, 1], [0, 1, 0]])
    >>> g = nc.Graph.from_scipy(A, directed=False)
    >>> g.to_pandas()
       source  target  weight
    0       0       1     2.0
    1       1       2     1.0
    """
    from scipy import sparse

    func = "from_scipy"
    directed = check_bool(directed, func=func, param="directed")
    if nodes is not None and (isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable)):
        raise param_error(func, "nodes", "None or a sequence of one label per row of A", nodes)
    if isinstance(A, (list, tuple)):
        try:
            A = np.asarray(A, dtype=float)
        except (TypeError, ValueError):
            pass
    if not (sparse.issparse(A) or isinstance(A, np.ndarray)):
        raise param_error(func, "A", "a square scipy sparse matrix or numpy array", None,
                          shown=f"an object of type {type(A).__name__}")
    M = sparse.coo_array(A)
    if M.ndim != 2 or M.shape[0] != M.shape[1]:
        raise param_error(func, "A", "a square matrix", None,
                          shown=f"a matrix of shape {getattr(A, 'shape', None)}")
    M.sum_duplicates()
    M.eliminate_zeros()
    n = M.shape[0]
    r, c, v = M.row.astype(np.int64), M.col.astype(np.int64), M.data.astype(float)
    if not np.all(np.isfinite(v)):
        bad = int(np.argmax(~np.isfinite(v)))
        raise GraphFormatError(
            f"The 'A' parameter of {func}() must hold finite values. Got {float(v[bad])!r} at "
            f"({int(r[bad])}, {int(c[bad])}) instead."
        )
    if not directed:
        T = sparse.coo_array((v, (c, r)), shape=M.shape)
        if (sparse.csr_array(M) != sparse.csr_array(T)).nnz:
            raise GraphFormatError(
                f"The 'A' parameter of {func}() must be symmetric when directed=False. "
                "Got an asymmetric matrix instead; symmetrise it yourself or pass directed=True."
            )
        keep = r <= c
        r, c, v = r[keep], c[keep], v[keep]
    idx = label_index(range(n) if nodes is None else nodes)
    if len(idx) != n:
        raise param_error(func, "nodes", f"a sequence of one label per row of A ({n} labels)", None,
                          shown=f"{len(idx)} labels")
    check_node_labels(idx, func=func, param="nodes")
    return Graph.from_positions(
        n, r, c, directed=directed, nodes=idx, edge_attrs=pd.DataFrame({"weight": v}),
        func=func, param="A",
    )


def to_scipy(g: Graph, /, *, weight: str | None = None) -> Any:
    """The sparse adjacency ``csr_array``; see :meth:`Graph.to_scipy`."""
    _need_graph(g, "to_scipy")
    return g.to_scipy(weight=weight)


def _need_graph(g: Any, func: str) -> None:
    """The to_* converters convert a netcrime Graph (anything else: a clear error)."""
    if not isinstance(g, Graph):
        raise param_error(func, "g", "a netcrime Graph (convert other graphs with "
                          "netcrime.as_graph first)", None,
                          shown=f"an object of type {type(g).__name__}")
