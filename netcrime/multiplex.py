"""Multiplex networks: the same people tied by several relations at once.

Kinship, money, meetings and phone calls are different relations (layers) over one set of
actors. A :class:`~netcrime.Graph` holds one edge per pair, so a multiplex network is stored
as a Graph whose ties carry their relations as edge attributes, in one of two forms:

* **wide** (the default form, built by :func:`from_edges` and :func:`from_layers`, and the
  form of ``nc.datasets.load("noordin")``): one numeric edge attribute per relation, the
  tie's value in that layer; 0 or NaN means "not tied in this layer". A pair tied by
  several relations is one edge with several non-zero columns. ``g.meta["relations"]``
  lists the relation columns.
* **label**: one edge attribute holding each tie's relation name (``relation="relation"``),
  for data where every pair has exactly one relation. The tie's value is its ``weight``
  (1 without one).

Every function takes ``relation=``: a sequence of column names (wide form), the name of one
column of labels (label form), or None (default): ``g.meta["relations"]`` when present, else
the edge attribute ``"relation"``. An unknown relation raises
:class:`~netcrime.exceptions.ParameterError` naming what the graph has.

* :func:`from_edges` -- a long table (one row per tie and relation) to a multiplex Graph;
  :func:`from_layers` -- a mapping relation -> Graph to one;
* :func:`layers` -- one Graph per relation, all over the same node set;
* :func:`flatten` -- one graph: ``any``, ``count`` (of relations), ``sum`` or ``max``;
* :func:`layer_overlap` -- Jaccard similarity of the tie sets of every pair of layers;
* :func:`by_layer` -- a node × layer table of any node metric.

Examples
--------
>>> import netcrime as nc
>>> g = nc.datasets.load("noordin")
>>> sorted(nc.multiplex.layers(g))[:3]
['business_finance', 'classmates', 'communications']
>>> nc.multiplex.flatten(g, how="count").n_edges == g.n_edges
True
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, check_choice, param_error, readdressed
from .exceptions import GraphFormatError
from .graph import Graph, as_graph, label_index

__all__ = [
    "FLATTEN",
    "NODE_METRICS",
    "by_layer",
    "flatten",
    "from_edges",
    "from_layers",
    "layer_overlap",
    "layers",
]

#: How :func:`flatten` combines the layers of a tie.
FLATTEN = ("any", "count", "sum", "max")

#: Node metrics :func:`by_layer` accepts by name: ``name -> "module.function"``.
NODE_METRICS: dict[str, str] = {
    **{m: f"centrality.{m}" for m in ("degree", "betweenness", "closeness", "harmonic",
                                      "eigenvector", "pagerank", "katz")},
    **{m: f"brokerage.{m}" for m in ("constraint", "effective_size", "efficiency",
                                     "hierarchy", "ego_betweenness")},
    "node_secrecy": "covert.node_secrecy",
}


def _py(x: Any) -> Any:
    """A numpy scalar as the Python value, for messages."""
    return x.item() if isinstance(x, np.generic) else x


# ----------------------------------------------------------------------------- reading
def _unknown(func: str, g: Graph, value: Any) -> Exception:
    cols = list(g.edge_attrs.columns)
    rels = g.meta.get("relations")
    has = f"edge attributes {cols!r}" + (f" and relations {list(rels)!r}" if rels else "")
    return param_error(func, "relation",
                       "a list of edge attributes, one per relation, or the edge attribute "
                       f"holding each tie's relation; the graph has {has}", value)


def _numeric(g: Graph, col: str, func: str) -> np.ndarray:
    try:
        return g.edge_attrs[col].to_numpy(np.float64)
    except (TypeError, ValueError):
        raise param_error(func, "relation", "names of numeric edge attributes (wide form)",
                          col) from None


def _layer_table(g: Graph, relation: Any, func: str) -> dict[str, tuple[np.ndarray,
                                                                         np.ndarray]]:
    """relation name -> (mask over edge ids, values over edge ids)."""
    if relation is None:
        relation = g.meta.get("relations")
        if relation is None:
            relation = "relation"
    cols = g.edge_attrs.columns
    if isinstance(relation, str):
        if relation not in cols:
            raise _unknown(func, g, relation)
        lab = g.edge_attrs[relation]
        if lab.isna().any():
            s, t = g.edge_array()
            i = int(np.flatnonzero(lab.isna().to_numpy())[0])
            raise GraphFormatError(
                f"The 'g' parameter of {func}() must give every tie a relation in edge "
                f"attribute {relation!r}. Got a missing relation on the tie "
                f"({_py(g.nodes[s[i]])!r}, {_py(g.nodes[t[i]])!r}) instead.")
        vals = (g.edge_attrs["weight"].to_numpy(np.float64) if "weight" in cols
                and relation != "weight" else np.ones(g.n_edges))
        labels = lab.to_numpy(dtype=object)
        return {r: (labels == r, vals) for r in pd.unique(lab)}
    if not isinstance(relation, Sequence) or not len(relation):
        raise _unknown(func, g, relation)
    out = {}
    for r in relation:
        if not isinstance(r, str) or r not in cols:
            raise _unknown(func, g, r)
        v = _numeric(g, r, func)
        out[r] = ((v != 0) & ~np.isnan(v), np.nan_to_num(v, nan=0.0))
    return out


def _graph_from(g: Graph, mask: np.ndarray, w: np.ndarray, meta: Mapping[str, Any]) -> Graph:
    s, t = g.edge_array()
    return Graph.from_positions(
        g.n_nodes, s[mask], t[mask], directed=g.directed, nodes=g.nodes,
        node_attrs=g.node_attrs, edge_attrs=pd.DataFrame({"weight": w[mask]}),
        meta=meta, func="multiplex", param="g")


# ----------------------------------------------------------------------------- building
def from_edges(
    df: pd.DataFrame,
    /,
    *,
    source: str,
    target: str,
    relation: str,
    directed: bool,
    weight: str | None = None,
    nodes: Any = None,
) -> Graph:
    """Build a multiplex Graph (wide form) from a long table of ties.

    Parameters
    ----------
    df : DataFrame
        One row per tie and relation (the same pair may appear under several relations).
    source, target, relation : str
        Columns holding the endpoints and the relation name.
    directed : bool
        Whether each row is an arc. Required: never guessed.
    weight : str, optional
        Numeric column holding the tie value. The value of a pair in a layer is the sum of
        its rows' weights (the number of its rows without ``weight``); undirected pairs are
        read without their order.
    nodes : iterable of labels, optional
        The node set and order (isolates included); default: endpoints in order of first
        appearance (sources, then targets).

    Returns
    -------
    Graph
        One edge per pair tied in at least one layer; one float64 edge attribute per
        relation (0 = absent), in order of first appearance; ``meta["relations"]`` lists them.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"a": ["x", "x", "y"], "b": ["y", "y", "z"],
    ...                    "rel": ["kin", "money", "kin"]})
    >>> g = nc.multiplex.from_edges(df, source="a", target="b", relation="rel",
    ...                             directed=False)
    >>> g.edge_attrs.values.tolist()
    [[1.0, 1.0], [1.0, 0.0]]
    >>> g.meta["relations"]
    ('kin', 'money')
    """
    if not isinstance(df, pd.DataFrame):
        raise param_error("from_edges", "df", "a pandas DataFrame", df,
                          shown=f"an object of type {type(df).__name__}")
    for p, c in (("source", source), ("target", target), ("relation", relation)):
        if not isinstance(c, str) or c not in df.columns:
            raise param_error("from_edges", p, f"a column of df {list(df.columns)!r}", c)
    directed = check_bool(directed, func="from_edges", param="directed")
    if weight is not None and (not isinstance(weight, str) or weight not in df.columns
                               or not pd.api.types.is_numeric_dtype(df[weight])
                               or pd.api.types.is_bool_dtype(df[weight])):
        raise param_error("from_edges", "weight", "None or a numeric column of df "
                          f"{list(df.columns)!r}", weight)
    if nodes is not None:
        if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
            raise param_error("from_edges", "nodes", "None or an iterable of node labels",
                              nodes)
        nodes = list(nodes)
        bad = [x for x in nodes if not isinstance(x, Hashable)]
        if bad:
            raise param_error("from_edges", "nodes", "an iterable of hashable node labels",
                              bad[0])
    if df[relation].isna().any():
        row = df.index[df[relation].isna().to_numpy()][0]
        raise GraphFormatError(f"The 'df' parameter of from_edges() must have a relation in "
                               f"every row. Got a missing {relation!r} in row {row!r} instead.")
    rels = tuple(pd.unique(df[relation]))
    idx = label_index(pd.unique(pd.concat([df[source], df[target]], ignore_index=True))
                      if nodes is None else nodes)
    ends = []
    for c in (source, target):
        if df[c].isna().any():
            row = df.index[df[c].isna().to_numpy()][0]
            raise GraphFormatError(f"The 'df' parameter of from_edges() must have an endpoint "
                                   f"in every row. Got a missing {c!r} in row {row!r} instead.")
        pos = idx.get_indexer(df[c])
        if (pos < 0).any():
            i = int(np.flatnonzero(pos < 0)[0])
            raise GraphFormatError(f"The 'nodes' parameter of from_edges() must list every "
                                   f"endpoint. Got {df[c].iloc[i]!r} in column {c!r}, row "
                                   f"{df.index[i]!r}, which is not listed, instead.")
        ends.append(pos.astype(np.int64))
    a, b = ends
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    n = len(idx)
    w = np.ones(len(df)) if weight is None else df[weight].to_numpy(np.float64)
    lab = df[relation].to_numpy(dtype=object)
    keys, inv = np.unique(a * n + b, return_inverse=True)
    out = np.zeros((len(keys), len(rels)))
    for k, r in enumerate(rels):
        np.add.at(out[:, k], inv, np.where(lab == r, w, 0.0))
    return Graph.from_positions(
        n, keys // n, keys % n, directed=directed, nodes=idx,
        edge_attrs=pd.DataFrame(out, columns=list(rels)), meta={"relations": rels},
        func="from_edges", param="df")


def from_layers(graphs: Mapping[str, Any], /, *, weight: str | None = None) -> Graph:
    """Build a multiplex Graph (wide form) from one graph per relation.

    Parameters
    ----------
    graphs : mapping relation name -> graph
        Graph-likes of one direction. The node set is the union, in order of first
        appearance (the first graph's nodes first); node attributes come from the first
        graph that has the node.
    weight : str, optional
        Edge attribute of each layer holding the tie value (1 without it).

    Returns
    -------
    Graph
        As :func:`from_edges`.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.multiplex.from_layers({"kinship": nc.datasets.load("madrid_kinship"),
    ...                               "operational": nc.datasets.load("madrid")})
    >>> g.meta["relations"], g.n_nodes
    (('kinship', 'operational'), 54)
    """
    if not isinstance(graphs, Mapping) or not graphs:
        raise param_error("from_layers", "graphs", "a non-empty mapping relation -> graph",
                          graphs, shown=f"an object of type {type(graphs).__name__}")
    gs = {r: as_graph(h, func="from_layers", param="graphs") for r, h in graphs.items()}
    directed = {h.directed for h in gs.values()}
    if len(directed) > 1:
        raise param_error("from_layers", "graphs", "graphs of one direction", graphs,
                          shown="a mix of directed and undirected graphs")
    if weight is not None and not isinstance(weight, str):
        raise param_error("from_layers", "weight", "None or the name (a str) of an edge "
                          "attribute of every layer", weight)
    frames, tables = [], []
    for r, h in gs.items():
        s, t = h.edge_array()
        w = np.ones(h.n_edges) if weight is None else _layer_values(h, weight, r)
        frames.append(pd.DataFrame({"source": h.nodes[s], "target": h.nodes[t],
                                    "relation": r, "value": w}))
        tables.append(h.node_attrs.set_axis(h.nodes))
    nodes = label_index(pd.unique(np.concatenate([np.asarray(h.nodes, dtype=object)
                                                  for h in gs.values()])))
    g = from_edges(pd.concat(frames, ignore_index=True), source="source", target="target",
                   relation="relation", directed=directed.pop(), weight="value", nodes=nodes)
    na = pd.concat(tables)
    na = na[~na.index.duplicated()].reindex(nodes).reset_index(drop=True)
    rels = tuple(gs)  # an empty layer still has its column
    ea = g.edge_attrs.reindex(columns=list(rels), fill_value=0.0)
    s, t = g.edge_array()
    return Graph.from_positions(g.n_nodes, s, t, directed=g.directed, nodes=nodes,
                                node_attrs=na, edge_attrs=ea, meta={"relations": rels},
                                func="from_layers", param="graphs")


def _layer_values(h: Graph, weight: str, r: Any) -> np.ndarray:
    """The finite numbers of the edge attribute ``weight`` of layer ``r`` (edge order)."""
    cols = list(h.edge_attrs.columns)
    if weight not in cols:
        raise param_error("from_layers", "weight", "None or an edge attribute of every "
                          f"layer; layer {r!r} has {cols!r}", weight)
    col = h.edge_attrs[weight]
    vals = (col.to_numpy(np.float64, na_value=np.nan) if pd.api.types.is_numeric_dtype(col)
            and not pd.api.types.is_bool_dtype(col) else None)
    if vals is None or not np.isfinite(vals).all():
        raise param_error("from_layers", "weight", "the name of an edge attribute of finite "
                          "numbers in every layer", None, shown=f"{weight!r}, which does not "
                          f"hold finite numbers in layer {r!r},")
    return vals


# ----------------------------------------------------------------------------- analysis
def layers(g: Any, /, *, relation: Any = None) -> dict[str, Graph]:
    """One graph per relation, all over the node set of ``g``.

    Parameters
    ----------
    g : Graph or graph-like
        A multiplex graph (see the module docstring for the two forms).
    relation : sequence of str, str or None
        The relation columns (wide form), the column of relation labels (label form), or
        None: ``g.meta["relations"]``, else the edge attribute ``"relation"``.

    Returns
    -------
    dict
        relation name -> Graph over every node of ``g`` (isolates kept, labels and node
        attributes unchanged) with the layer's ties and their value as ``weight``.

    Raises
    ------
    ParameterError
        An unknown relation: the message names the graph's edge attributes and relations.

    Examples
    --------
    >>> import netcrime as nc
    >>> L = nc.multiplex.layers(nc.datasets.load("noordin"))
    >>> L["kinship"].n_nodes, L["kinship"].n_edges
    (79, 16)
    """
    g = as_graph(g, func="layers")
    table = _layer_table(g, relation, "layers")
    return {r: _graph_from(g, m, v, {"relation": r}) for r, (m, v) in table.items()}


def flatten(g: Any, /, *, relation: Any = None, how: str = "any") -> Graph:
    """Collapse the layers into one graph.

    A pair is tied when it is tied in at least one layer, with ``weight``:

    * ``"any"``: 1;
    * ``"count"``: the number of layers tying the pair (multiplexity);
    * ``"sum"``: the sum of its values over the layers;
    * ``"max"``: the largest of its values.

    Parameters
    ----------
    g : Graph or graph-like
        A multiplex graph.
    relation : sequence of str, str or None
        As in :func:`layers`.
    how : {"any", "count", "sum", "max"}
        How the layers combine (above).

    Returns
    -------
    Graph
        Same nodes, direction and node attributes; edge attribute ``weight``.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.datasets.load("noordin")
    >>> h = nc.multiplex.flatten(g, how="count")
    >>> int(h.edge_attrs["weight"].max())  # the most multiplex pair: 7 relations
    7
    """
    g = as_graph(g, func="flatten")
    check_choice(how, FLATTEN, func="flatten", param="how")
    table = _layer_table(g, relation, "flatten")
    masks = np.column_stack([m for m, _ in table.values()])
    vals = np.column_stack([np.where(m, v, 0.0) for m, v in table.values()])
    present = masks.any(axis=1)
    if how == "any":
        w = np.ones(g.n_edges)
    elif how == "count":
        w = masks.sum(axis=1).astype(np.float64)
    elif how == "sum":
        w = vals.sum(axis=1)
    else:
        w = np.where(masks, vals, -np.inf).max(axis=1)
    return _graph_from(g, present, w, {"flattened": tuple(table), "how": how})


def layer_overlap(g: Any, /, *, relation: Any = None) -> pd.DataFrame:
    """Jaccard similarity of the tie sets of every pair of layers.

    ``J(a, b) = |T_a ∩ T_b| / |T_a ∪ T_b|``, with ``T_a`` the set of pairs tied in layer
    ``a``. NaN when both layers are empty (0/0).

    Parameters
    ----------
    g : Graph or graph-like
        A multiplex graph.
    relation : sequence of str, str or None
        As in :func:`layers`.

    Returns
    -------
    DataFrame
        One row per unordered pair of layers (in relation order): ``layer_a``, ``layer_b``,
        ``ties_a``, ``ties_b``, ``shared``, ``union``, ``jaccard``.

    Examples
    --------
    >>> import netcrime as nc
    >>> t = nc.multiplex.layer_overlap(nc.datasets.load("noordin"))
    >>> len(t)
    45
    >>> row = t[(t.layer_a == "kinship") & (t.layer_b == "soulmates")].iloc[0]
    >>> int(row.ties_a), int(row.ties_b)
    (16, 11)
    """
    g = as_graph(g, func="layer_overlap")
    table = _layer_table(g, relation, "layer_overlap")
    names = list(table)
    rows = []
    for i, a in enumerate(names):
        ma = table[a][0]
        for b in names[i + 1:]:
            mb = table[b][0]
            shared = int((ma & mb).sum())
            union = int((ma | mb).sum())
            rows.append((a, b, int(ma.sum()), int(mb.sum()), shared, union,
                         shared / union if union else np.nan))
    return pd.DataFrame(rows, columns=["layer_a", "layer_b", "ties_a", "ties_b", "shared",
                                       "union", "jaccard"]).astype(
        {"ties_a": np.int64, "ties_b": np.int64, "shared": np.int64, "union": np.int64,
         "jaccard": np.float64})


def _metric_function(metric: Any) -> Callable[..., pd.Series]:
    if callable(metric):
        return metric
    if isinstance(metric, str) and metric in NODE_METRICS:
        import importlib

        mod, name = NODE_METRICS[metric].split(".")
        return getattr(importlib.import_module(f"netcrime.{mod}"), name)
    raise param_error("by_layer", "metric",
                      f"a callable g -> Series or one of {sorted(NODE_METRICS)!r}", metric)


def by_layer(g: Any, /, *, metric: Any, relation: Any = None, **kw: Any) -> pd.DataFrame:
    """A node × layer table of a node metric computed on every layer.

    Parameters
    ----------
    g : Graph or graph-like
        A multiplex graph.
    metric : str or callable
        A public node metric by name (the keys of :data:`NODE_METRICS`, e.g. ``"degree"``,
        ``"betweenness"``, ``"constraint"``), or any callable ``f(layer_graph, **kw)``
        returning a Series indexed by node.
    relation : sequence of str, str or None
        As in :func:`layers`.
    **kw
        Passed to the metric (e.g. ``weight="weight"`` to use the layer's tie values).

    Returns
    -------
    DataFrame
        Index: the nodes of ``g``; one float64 column per layer (columns named
        ``relation``). A node isolated in a layer gets the metric's value for an isolate
        (e.g. NaN for closeness, by the metric's own NaN rule).

    Examples
    --------
    >>> import netcrime as nc
    >>> t = nc.multiplex.by_layer(nc.datasets.load("noordin"), metric="degree")
    >>> t.shape
    (79, 10)
    >>> int(t["kinship"].sum()) == 2 * 16
    True
    """
    g = as_graph(g, func="by_layer")
    f = _metric_function(metric)
    out = {}
    with readdressed("by_layer", "layers"):
        split = layers(g, relation=relation)
    for r, h in split.items():
        out[r] = pd.Series(f(h, **kw)).reindex(g.nodes).astype(np.float64)
    df = pd.DataFrame(out, index=g.nodes)
    df.columns.name = "relation"
    return df
