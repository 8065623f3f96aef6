"""Exact error messages of the foundation (Graph, interop, validation helpers).

Every message follows one template (docs/design.md, "API conventions"):
``The '<param>' parameter of <func>() must be <rule>. Got <value> instead.`` — it names the
function, the parameter, the rule and echoes the bad value. Structural problems of an edge list
(GraphFormatError) use the same shape ("must have/hold/give ...").
"""

from __future__ import annotations

import re

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime._validation import (
    check_bool,
    check_choice,
    check_float,
    check_int,
    check_probabilities,
    check_rng,
    param_error,
)
from netcrime.exceptions import (
    ConvergenceError,
    GraphFormatError,
    NetcrimeError,
    NetcrimeWarning,
    NodeNotFoundError,
    ParameterError,
    UndefinedMetricError,
)

FE = "Graph.from_edges"
EDGES = pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "c", "a"],
                      "weight": [1.0, 2.0, 3.0]})


def raises(exc, message, call, /, *args, **kwargs):
    """Assert that ``call(*args, **kwargs)`` raises ``exc`` with exactly ``message``."""
    with pytest.raises(exc) as info:
        call(*args, **kwargs)
    assert str(info.value) == message
    return info.value


# ---------------------------------------------------------------------------- hierarchy


def test_exception_hierarchy():
    for cls, builtin in [(ParameterError, ValueError), (GraphFormatError, ValueError),
                         (NodeNotFoundError, KeyError), (UndefinedMetricError, ValueError),
                         (ConvergenceError, RuntimeError)]:
        assert issubclass(cls, NetcrimeError) and issubclass(cls, builtin)
    assert issubclass(NetcrimeWarning, UserWarning)
    # KeyError normally quotes its message; NodeNotFoundError keeps it readable
    assert str(NodeNotFoundError("plain text")) == "plain text"


# ---------------------------------------------------------------------------- validation helpers


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: check_int(1.5, func="f", param="k"),
         "The 'k' parameter of f() must be an int. Got 1.5 instead."),
        (lambda: check_int(True, func="f", param="k", min=0),
         "The 'k' parameter of f() must be an int >= 0. Got True instead."),
        (lambda: check_int(-1, func="f", param="k", min=0),
         "The 'k' parameter of f() must be an int >= 0. Got -1 instead."),
        (lambda: check_int(11, func="f", param="k", min=1, max=10),
         "The 'k' parameter of f() must be an int in [1, 10]. Got 11 instead."),
        (lambda: check_int(11, func="f", param="k", max=10),
         "The 'k' parameter of f() must be an int <= 10. Got 11 instead."),
        (lambda: check_float(1.5, func="kenney_chain", param="p", min=0, max=1),
         "The 'p' parameter of kenney_chain() must be a float in [0, 1]. Got 1.5 instead."),
        (lambda: check_float(0.0, func="f", param="alpha", min=0, max=1, min_open=True),
         "The 'alpha' parameter of f() must be a float in (0, 1]. Got 0.0 instead."),
        (lambda: check_float(1.0, func="f", param="alpha", min=0, max=1, max_open=True),
         "The 'alpha' parameter of f() must be a float in [0, 1). Got 1.0 instead."),
        (lambda: check_float(float("nan"), func="f", param="x"),
         "The 'x' parameter of f() must be a finite float. Got nan instead."),
        (lambda: check_float(-2, func="f", param="x", min=0, min_open=True),
         "The 'x' parameter of f() must be a float > 0. Got -2 instead."),
        (lambda: check_float("1", func="f", param="x", max=3),
         "The 'x' parameter of f() must be a float <= 3. Got '1' instead."),
        (lambda: check_choice("mean", ("max", "sum"), func="f", param="how"),
         "The 'how' parameter of f() must be one of 'max', 'sum'. Got 'mean' instead."),
        (lambda: check_choice(["x"], ("max", "sum"), func="f", param="how"),
         "The 'how' parameter of f() must be one of 'max', 'sum'. Got ['x'] instead."),
        (lambda: check_bool(1, func="f", param="normalized"),
         "The 'normalized' parameter of f() must be a bool. Got 1 instead."),
        (lambda: check_rng(-3, func="f"),
         "The 'rng' parameter of f() must be None, a non-negative int or a numpy Generator. "
         "Got -3 instead."),
        (lambda: check_rng("seed", func="f"),
         "The 'rng' parameter of f() must be None, a non-negative int or a numpy Generator. "
         "Got 'seed' instead."),
        (lambda: check_probabilities([0.5, 1.5], func="f", param="p"),
         "The 'p' parameter of f() must be a sequence of probabilities in [0, 1]. "
         "Got [0.5, 1.5] instead."),
    ],
)
def test_validation_messages(call, message):
    with pytest.raises(ParameterError) as info:
        call()
    assert str(info.value) == message


def test_validation_accepts_good_values():
    assert check_int(np.int64(3), func="f", param="k", min=0) == 3
    assert check_float(np.float32(0.5), func="f", param="p", min=0, max=1) == 0.5
    assert check_bool(np.True_, func="f", param="b") is True
    assert check_choice("max", ("max",), func="f", param="c") == "max"
    a = check_rng(7, func="f").random()
    assert a == check_rng(7, func="f").random() == np.random.default_rng(7).random()
    gen = np.random.default_rng(1)
    assert check_rng(gen, func="f") is gen


def test_long_values_are_shortened():
    err = param_error("f", "x", "short", "y" * 200)
    shown = re.search(r"Got (.*) instead\.$", str(err)).group(1)
    assert len(shown) == 80 and shown.endswith("...")


# ---------------------------------------------------------------------------- from_edges


def test_from_edges_bad_parameters():
    raises(ParameterError,
           f"The 'edges' parameter of {FE}() must be a pandas DataFrame. "
           "Got an object of type list instead.",
           nc.Graph.from_edges, [("a", "b")], directed=True)
    raises(ParameterError,
           f"The 'directed' parameter of {FE}() must be a bool. Got 'yes' instead.",
           nc.Graph.from_edges, EDGES, directed="yes")
    raises(ParameterError,
           f"The 'multiedges' parameter of {FE}() must be one of 'error', 'sum', 'max', "
           "'min', 'first', 'last'. Got 'average' instead.",
           nc.Graph.from_edges, EDGES, directed=True, multiedges="average")
    raises(ParameterError,
           f"The 'self_loops' parameter of {FE}() must be one of 'keep', 'drop', 'error'. "
           "Got False instead.",
           nc.Graph.from_edges, EDGES, directed=True, self_loops=False)
    raises(ParameterError,
           f"The 'nodes' parameter of {FE}() must be a DataFrame or an iterable of labels. "
           "Got 'abc' instead.",
           nc.Graph.from_edges, EDGES, directed=True, nodes="abc")


def test_from_edges_missing_columns():
    cols = "['source', 'target', 'weight']"
    for param, kw in (("source", {"source": "u"}), ("target", {"target": "v"}),
                      ("weight", {"weight": "w"})):
        raises(GraphFormatError,
               f"The '{param}' parameter of {FE}() must name a column of the edge list {cols}. "
               f"Got {next(iter(kw.values()))!r} instead.",
               nc.Graph.from_edges, EDGES, directed=True, **kw)
    raises(GraphFormatError,
           f"The 'weight' parameter of {FE}() must be 'weight' or None when the edge list has "
           "a column named 'weight'. Got 'w' instead.",
           nc.Graph.from_edges, EDGES.assign(w=1.0), directed=True, weight="w")
    raises(GraphFormatError,
           f"The 'target' parameter of {FE}() must name a column other than source "
           "('source'). Got 'source' instead.",
           nc.Graph.from_edges, EDGES, directed=True, target="source")
    raises(GraphFormatError,
           f"The 'node_key' parameter of {FE}() must name a column of nodes ['id']. "
           "Got 'name' instead.",
           nc.Graph.from_edges, EDGES, directed=True,
           nodes=pd.DataFrame({"id": ["a", "b", "c"]}), node_key="name")


@pytest.mark.parametrize(
    ("column", "values", "shown", "row"),
    [("source", ["a", None, "c"], "nan", 1),  # pandas stores None in a str column as NaN
     ("source", pd.Series(["a", "b", None], dtype=object), "None", 2),
     ("target", [1.0, np.nan, 2.0], "nan", 1)],
)
def test_nan_endpoints(column, values, shown, row):
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must have no missing (NaN/None) endpoints. "
           f"Got {shown} in column {column!r}, row {row} instead.",
           nc.Graph.from_edges, EDGES.assign(**{column: values}), directed=True)


@pytest.mark.parametrize(
    ("values", "shown"), [([1.0, np.nan, 2.0], "nan"), ([1.0, -np.inf, 2.0], "-inf")]
)
def test_non_finite_weights(values, shown):
    # the implicit "weight" column is reported as a problem of 'edges' ...
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must give a 'weight' column of finite numbers. "
           f"Got {shown} in row 1 instead.",
           nc.Graph.from_edges, EDGES.assign(weight=values), directed=True)
    # ... a named one as a problem of 'weight', with the caller's column name
    df = EDGES.drop(columns="weight").assign(calls=values)
    raises(GraphFormatError,
           f"The 'weight' parameter of {FE}() must give a 'calls' column of finite numbers. "
           f"Got {shown} in row 1 instead.",
           nc.Graph.from_edges, df, directed=False, weight="calls")


def test_non_numeric_weights():
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must give a numeric 'weight' column. "
           "Got a column of dtype bool instead.",
           nc.Graph.from_edges, EDGES.assign(weight=[True, False, True]), directed=True)
    raises(GraphFormatError,
           f"The 'weight' parameter of {FE}() must give a numeric 'kind' column. "
           "Got a column of dtype object instead.",
           nc.Graph.from_edges,
           EDGES.drop(columns="weight").assign(kind=pd.Series(["x", 1, 2], dtype=object)),
           directed=True, weight="kind")


def test_duplicate_and_missing_node_labels():
    raises(GraphFormatError,
           f"The 'nodes' parameter of {FE}() must hold unique node labels. "
           "Got duplicated labels ['a', 'c'] instead.",
           nc.Graph.from_edges, EDGES, directed=True, nodes=["a", "b", "a", "c", "c"])
    raises(GraphFormatError,
           f"The 'nodes' parameter of {FE}() must hold node labels that are not NaN/None. "
           "Got nan instead.",
           nc.Graph.from_edges, EDGES, directed=True, nodes=["a", "b", "c", np.nan])
    raises(GraphFormatError,
           f"The 'nodes' parameter of {FE}() must hold unique node labels. "
           "Got duplicated labels [2] instead.",
           nc.Graph.from_edges, EDGES, directed=True,
           nodes=pd.DataFrame({"x": [1, 2, 3]}, index=[1, 2, 2]))


def test_endpoint_absent_from_nodes():
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must have endpoints listed in 'nodes'. "
           "Got 'c' in column 'source', row 2 instead.",
           nc.Graph.from_edges, EDGES, directed=True, nodes=["a", "b"])
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must have endpoints listed in 'nodes'. "
           "Got 7 in column 'target', row 0 instead.",
           nc.Graph.from_edges, pd.DataFrame({"source": [1], "target": [7]}),
           directed=True, nodes=[1, 2])


def test_repeated_pairs_and_self_loops():
    merge = "Choose multiedges='sum', 'max', 'min', 'first' or 'last' to merge repeated pairs."
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must hold each pair once when "
           f"multiedges='error'. Got ('a', 'b') in rows 0 and 3 instead. {merge}",
           nc.Graph.from_edges, pd.concat([EDGES, EDGES.iloc[[0]]]), directed=True)
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must hold each unordered pair (u, v) ~ (v, u) "
           f"once when multiedges='error'. Got (1, 2) in rows 0 and 2 instead. {merge}",
           nc.Graph.from_edges, pd.DataFrame({"source": [1, 3, 2], "target": [2, 1, 1]}),
           directed=False)
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must hold no self-loops when self_loops='error'. "
           "Got the self-loop ('b', 'b') in row 1 instead.",
           nc.Graph.from_edges, EDGES.assign(target=["b", "b", "a"]), directed=True,
           self_loops="error")


# ---------------------------------------------------------------------------- from_arrays


def test_from_arrays_messages():
    FA = "Graph.from_arrays"
    raises(ParameterError,
           f"The 'n' parameter of {FA}() must be a non-negative int. Got -2 instead.",
           nc.Graph.from_arrays, -2, [], [], directed=True)
    raises(ParameterError,
           f"The 'target' parameter of {FA}() must be node positions in [0, 3). Got 3 instead.",
           nc.Graph.from_arrays, 3, [0, 1], [1, 3], directed=True)
    raises(ParameterError,
           f"The 'source' parameter of {FA}() must be node positions in [0, 3). Got -1 instead.",
           nc.Graph.from_arrays, 3, [0, -1], [1, 2], directed=True)
    raises(ParameterError,
           f"The 'target' parameter of {FA}() must be a 1-d array of the same length as "
           "source (2). Got an array of shape (1,) instead.",
           nc.Graph.from_arrays, 3, [0, 1], [1], directed=True)
    raises(ParameterError,
           f"The 'source' parameter of {FA}() must be an array of int node positions. "
           "Got an array of dtype float64 instead.",
           nc.Graph.from_arrays, 3, [0.0, 1.0], [1, 2], directed=True)
    raises(ParameterError,
           f"The 'nodes' parameter of {FA}() must be a sequence of one label per node "
           "(3 labels). Got 2 labels instead.",
           nc.Graph.from_arrays, 3, [0], [1], directed=True, nodes=["a", "b"])
    raises(ParameterError,
           f"The 'edge_attrs' parameter of {FA}() must be a table with one row per edge (1). "
           "Got 2 rows instead.",
           nc.Graph.from_arrays, 3, [0], [1], directed=True, edge_attrs={"weight": [1, 2]})
    raises(GraphFormatError,
           f"The 'edge_attrs' parameter of {FA}() must give a 'weight' column of finite "
           "numbers. Got nan in row 0 instead.",
           nc.Graph.from_arrays, 3, [0], [1], directed=True, edge_attrs={"weight": [np.nan]})
    raises(GraphFormatError,
           f"The 'nodes' parameter of {FA}() must hold unique node labels. "
           "Got duplicated labels ['x'] instead.",
           nc.Graph.from_arrays, 2, [0], [1], directed=True, nodes=["x", "x"])


# ---------------------------------------------------------------------------- edge values


def _g():
    df = EDGES.assign(d=[1.0, -2.0, 0.0], z=[1.0, 0.0, 2.0], label=["x", "y", "z"])
    return nc.Graph.from_edges(df, directed=True)


@pytest.mark.parametrize(
    ("column", "message"),
    [
        ("d", "The 'distance' parameter of closeness() must be the name of an edge attribute "
              "of positive finite numbers. Got 'd', which is -2.0 on edge ('b', 'c'), instead."),
        ("z", "The 'distance' parameter of closeness() must be the name of an edge attribute "
              "of positive finite numbers. Got 'z', which is 0.0 on edge ('b', 'c'), instead."),
        ("w", "The 'distance' parameter of closeness() must be None or the name of an edge "
              "attribute ['weight', 'd', 'z', 'label']. Got 'w' instead."),
        ("label", "The 'distance' parameter of closeness() must be the name of a numeric edge "
                  "attribute. Got 'label' of dtype str instead."),
    ],
)
def test_edge_values_lengths(column, message):
    raises(ParameterError, message, _g().edge_values, column, func="closeness",
           param="distance", positive=True)


def test_edge_values_strengths_allow_zero_and_negative():
    g = _g()
    assert g.edge_values("d", func="f", param="weight").tolist() == [1.0, -2.0, 0.0]
    # once a column failed as a length it still works as a strength, and vice versa
    with pytest.raises(ParameterError):
        g.edge_values("z", func="f", param="distance", positive=True)
    assert g.edge_values("z").tolist() == [1.0, 0.0, 2.0]


# ---------------------------------------------------------------------------- nodes, derived graphs


def test_unknown_nodes():
    g = _g()
    raises(NodeNotFoundError,
           "The 'nodes' parameter of ego_betweenness() must hold nodes of the graph. "
           "Got 'zz', which is not a node, instead.",
           g.node_index, ["a", "zz"], func="ego_betweenness", param="nodes")
    raises(NodeNotFoundError,
           "The 'nodes' parameter of Graph.subgraph() must hold nodes of the graph. "
           "Got 'q', which is not a node, instead.",
           g.subgraph, ["a", "q"])
    raises(NodeNotFoundError,
           "The 'nodes' parameter of Graph.remove_nodes() must hold nodes of the graph. "
           "Got 'q', which is not a node, instead.",
           g.remove_nodes, "q")
    k = nc.Graph.from_arrays(3, [0], [1], directed=False)
    e = raises(NodeNotFoundError,
               "The 'nodes' parameter of Graph.node_index() must hold nodes of the graph. "
               "Got 3, which is not a node, instead.",
               k.node_index, [np.int64(1), np.int64(3)])
    assert isinstance(e, KeyError)


def test_select_edges_and_to_undirected_messages():
    g = _g()
    raises(ParameterError,
           "The 'mask' parameter of Graph.select_edges() must be a boolean array of length 3. "
           "Got an array of dtype int64 and shape (3,) instead.",
           g.select_edges, [1, 0, 1])
    raises(ParameterError,
           "The 'combine' parameter of Graph.to_undirected() must be one of 'max', 'sum', "
           "'min', 'first', 'last'. Got 'mean' instead.",
           g.to_undirected, combine="mean")


# ---------------------------------------------------------------------------- coercion, interop


def test_as_graph_messages():
    rule = ("must be a netcrime Graph, a networkx or igraph graph, or a Graph.to_pandas() "
            "frame.")
    raises(ParameterError,
           f"The 'g' parameter of betweenness() {rule} Got an object of type list instead.",
           nc.as_graph, [("a", "b")], func="betweenness")
    raises(GraphFormatError,
           f"The 'g' parameter of betweenness() {rule} Got a DataFrame without a recorded "
           "direction instead; build the graph with netcrime.Graph.from_edges(df, "
           "directed=...).",
           nc.as_graph, EDGES, func="betweenness")


def test_interop_messages():
    raises(ParameterError,
           "The 'G' parameter of from_networkx() must be a networkx graph. "
           "Got an object of type str instead.", nc.Graph.from_networkx, "x")
    raises(ParameterError,
           "The 'G' parameter of from_igraph() must be an igraph Graph. "
           "Got an object of type DiGraph instead.", nc.Graph.from_igraph, nx.DiGraph())
    I = ig.Graph(3)
    I.vs["name"] = ["a", "a", "b"]
    raises(GraphFormatError,
           "The 'G' parameter of from_igraph() must hold unique node labels. "
           "Got duplicated labels ['a'] instead.", nc.Graph.from_igraph, I)
    G = nx.Graph()
    G.add_edge(float("nan"), 1)
    raises(GraphFormatError,
           "The 'G' parameter of from_networkx() must hold node labels that are not NaN/None. "
           "Got nan instead.", nc.Graph.from_networkx, G)
    H = nx.Graph()
    H.add_edge("a", "b", weight=float("inf"))
    raises(GraphFormatError,
           "The 'G' parameter of from_networkx() must give a 'weight' column of finite "
           "numbers. Got inf in row 0 instead.", nc.Graph.from_networkx, H)
    raises(ParameterError,
           "The 'A' parameter of from_scipy() must be a square matrix. "
           "Got a matrix of shape (2, 3) instead.",
           nc.Graph.from_scipy, np.ones((2, 3)), directed=True)
    raises(GraphFormatError,
           "The 'A' parameter of from_scipy() must hold finite values. "
           "Got nan at (0, 1) instead.",
           nc.Graph.from_scipy, np.array([[0, np.nan], [1, 0]]), directed=True)
    raises(GraphFormatError,
           "The 'A' parameter of from_scipy() must be symmetric when directed=False. "
           "Got an asymmetric matrix instead; symmetrise it yourself or pass directed=True.",
           nc.Graph.from_scipy, np.array([[0, 1], [0, 0]]), directed=False)
    raises(GraphFormatError,
           "The 'nodes' parameter of from_scipy() must hold unique node labels. "
           "Got duplicated labels ['a'] instead.",
           nc.Graph.from_scipy, np.eye(2), directed=True, nodes=["a", "a"])
    raises(ParameterError,
           "The 'nodes' parameter of from_scipy() must be a sequence of one label per row of "
           "A (2 labels). Got 1 labels instead.",
           nc.Graph.from_scipy, np.eye(2), directed=True, nodes=["a"])
    raises(ParameterError,
           "The 'directed' parameter of from_scipy() must be a bool. Got None instead.",
           nc.Graph.from_scipy, np.eye(2), directed=None)


def test_errors_leave_inputs_untouched():
    df = EDGES.assign(weight=[1.0, np.nan, 2.0])
    before = df.copy(deep=True)
    with pytest.raises(GraphFormatError):
        nc.Graph.from_edges(df, directed=True)
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize("chunk", [2, 1 << 18])
def test_missing_endpoint_found_in_any_chunk(monkeypatch, chunk):
    import netcrime.graph

    monkeypatch.setattr(netcrime.graph, "_CHUNK", chunk)  # labels are factorised in chunks
    df = pd.DataFrame({"source": [1, 2, 3, 4, 5, 6, 7], "target": [2, 3, 4, 5, 6, 7, 1]},
                      dtype=object)
    df.loc[5, "target"] = None
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must have no missing (NaN/None) endpoints. "
           "Got None in column 'target', row 5 instead.",
           nc.Graph.from_edges, df, directed=True)
    df.loc[6, "source"] = float("nan")  # the source column is reported first
    raises(GraphFormatError,
           f"The 'edges' parameter of {FE}() must have no missing (NaN/None) endpoints. "
           "Got nan in column 'source', row 6 instead.",
           nc.Graph.from_edges, df, directed=False, nodes=range(1, 8))


def test_with_node_attrs_length():
    g = nc.Graph.from_arrays(3, [0], [1], directed=True)
    raises(ParameterError,
           "The 'role' parameter of Graph.with_node_attrs() must be a Series indexed by node or "
           "an array of 3 values in node order. Got an array of shape (2,) instead.",
           g.with_node_attrs, role=["a", "b"])
