"""Tests of netcrime.Graph: construction policies, CSR structure, derived graphs, immutability.

Oracles: networkx (adjacency, predecessors, subgraph/remove/edge removal, degrees) and
hand-computed small cases. Interop round trips live in test_interop.py, error messages in
test_errors.py.
"""

from __future__ import annotations

import copy
import pickle

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcrime as nc
from netcrime.exceptions import GraphFormatError, ParameterError

# ---------------------------------------------------------------------------- helpers


def csr_neighbours(g: nc.Graph) -> dict:
    """label -> sorted list of out-neighbour labels, read from the CSR."""
    out = {}
    for i, v in enumerate(g.nodes):
        cols = g.indices[g.indptr[i]:g.indptr[i + 1]]
        out[v] = [g.nodes[c] for c in cols]
    return out


def nx_neighbours(G: nx.Graph, nodes) -> dict:
    """label -> out-neighbour labels in netcrime's node-position order (networkx oracle)."""
    pos = {v: i for i, v in enumerate(nodes)}
    return {v: sorted(G.successors(v) if G.is_directed() else G.neighbors(v), key=pos.get)
            for v in nodes}


def check_csr_invariants(g: nc.Graph) -> None:
    n = g.n_nodes
    assert g.indptr.dtype == np.int64 and g.indices.dtype == np.int64
    assert g.indptr.shape == (n + 1,) and g.indptr[0] == 0
    assert g.indptr[-1] == len(g.indices) == len(g.edge_ids)
    for i in range(n):
        row = g.indices[g.indptr[i]:g.indptr[i + 1]]
        assert np.all(np.diff(row) > 0), "rows sorted, no repeats"
    src, dst = g.edge_array()
    assert len(src) == len(dst) == g.n_edges
    key = src * max(n, 1) + dst
    assert np.all(np.diff(key) > 0), "edges sorted by (source, target), unique"
    if not g.directed:
        assert np.all(src <= dst)
    # every CSR entry maps to its edge, in the right orientation
    rows = np.repeat(np.arange(n), np.diff(g.indptr))
    eid = g.edge_ids
    if g.directed:
        assert np.array_equal(src[eid], rows) and np.array_equal(dst[eid], g.indices)
    else:
        assert np.array_equal(src[eid], np.minimum(rows, g.indices))
        assert np.array_equal(dst[eid], np.maximum(rows, g.indices))
        loops = int((src == dst).sum())
        assert len(g.indices) == 2 * g.n_edges - loops
    assert len(g.edge_attrs) == g.n_edges


# ---------------------------------------------------------------------------- structure vs networkx


def test_csr_matches_networkx_adjacency(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    assert list(g.nodes) == list(G.nodes)
    assert g.directed == G.is_directed()
    assert g.n_nodes == G.number_of_nodes() and g.n_edges == G.number_of_edges()
    check_csr_invariants(g)
    assert csr_neighbours(g) == nx_neighbours(G, list(G.nodes))


def test_in_csr_matches_networkx_predecessors(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    ip, ind, pos = g.in_csr()
    nodes = list(g.nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    for j, v in enumerate(nodes):
        preds = G.predecessors(v) if G.is_directed() else G.neighbors(v)
        assert list(ind[ip[j]:ip[j + 1]]) == sorted(idx[u] for u in preds)
    # csr_positions point at the same arc in the out-CSR
    cols = np.repeat(np.arange(g.n_nodes), np.diff(ip))
    assert np.array_equal(g.indices[pos], cols)
    out_rows = np.repeat(np.arange(g.n_nodes), np.diff(g.indptr))
    assert np.array_equal(out_rows[pos], ind)
    for a in (ip, ind, pos):
        assert a.dtype == np.int64 and not a.flags.writeable


def test_degrees_match_networkx(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    nodes = list(G.nodes)
    if G.is_directed():
        assert g.out_degree().tolist() == [G.out_degree(v) for v in nodes]
        assert g.in_degree().tolist() == [G.in_degree(v) for v in nodes]
    assert g.degree().tolist() == [G.degree(v) for v in nodes]


def test_self_loop_counts_once_in_degree():
    # documented difference from networkx, which counts a loop twice in an undirected degree
    g = nc.Graph.from_arrays(3, [0, 0, 1], [0, 1, 2], directed=False)
    assert g.degree().tolist() == [2, 2, 1]
    assert g.indices.tolist() == [0, 1, 0, 2, 1]
    d = nc.Graph.from_arrays(2, [0, 0], [0, 1], directed=True)
    assert d.out_degree().tolist() == [2, 0] and d.in_degree().tolist() == [1, 1]


def test_edge_values_are_csr_aligned(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    if not g.weighted:
        assert g.weights is None
        return
    w = g.weights
    assert w.dtype == np.float64 and not w.flags.writeable
    for i, u in enumerate(g.nodes):
        for k in range(g.indptr[i], g.indptr[i + 1]):
            v = g.nodes[g.indices[k]]
            assert w[k] == G[u][v]["weight"]
    assert np.array_equal(g.edge_values("weight", positive=True), w)


def test_empty_and_edgeless_graphs():
    g = nc.Graph.from_arrays(0, [], [], directed=True)
    assert (g.n_nodes, g.n_edges) == (0, 0)
    assert g.indptr.tolist() == [0] and g.to_pandas().shape == (0, 2)
    h = nc.Graph.from_edges(pd.DataFrame({"source": [], "target": []}), directed=False,
                            nodes=["a", "b"])
    assert list(h.nodes) == ["a", "b"] and h.n_edges == 0 and h.degree().tolist() == [0, 0]
    check_csr_invariants(h)


# ---------------------------------------------------------------------------- from_edges policies


def _df(rows, cols=("source", "target", "weight")):
    return pd.DataFrame(rows, columns=list(cols))


DUP_DIRECTED = _df([("a", "b", 1.0), ("b", "c", 2.0), ("a", "b", 5.0), ("b", "a", 7.0),
                    ("a", "b", 3.0)])


@pytest.mark.parametrize(
    ("rule", "ab"),
    [("sum", 9.0), ("max", 5.0), ("min", 1.0), ("first", 1.0), ("last", 3.0)],
)
def test_multiedges_directed(rule, ab):
    g = nc.Graph.from_edges(DUP_DIRECTED, directed=True, multiedges=rule)
    df = g.to_pandas()
    got = {(s, t): w for s, t, w in df.itertuples(index=False)}
    assert got == {("a", "b"): ab, ("b", "a"): 7.0, ("b", "c"): 2.0}
    check_csr_invariants(g)


@pytest.mark.parametrize(
    ("rule", "ab"),
    [("sum", 16.0), ("max", 7.0), ("min", 1.0), ("first", 1.0), ("last", 3.0)],
)
def test_multiedges_undirected_reversed_duplicates(rule, ab):
    # ("b", "a") is the same undirected pair as ("a", "b")
    g = nc.Graph.from_edges(DUP_DIRECTED, directed=False, multiedges=rule)
    assert g.n_edges == 2
    df = g.to_pandas()
    got = {frozenset((s, t)): w for s, t, w in df.itertuples(index=False)}
    assert got == {frozenset("ab"): ab, frozenset("bc"): 2.0}


def test_multiedges_first_last_keep_whole_rows():
    df = pd.DataFrame({"source": ["x", "x", "x"], "target": ["y", "y", "y"],
                       "weight": [1.0, 2.0, 3.0], "kind": ["call", "meet", "pay"]})
    first = nc.Graph.from_edges(df, directed=True, multiedges="first").edge_attrs
    last = nc.Graph.from_edges(df, directed=True, multiedges="last").edge_attrs
    summed = nc.Graph.from_edges(df, directed=True, multiedges="sum").edge_attrs
    assert first.to_dict("records") == [{"weight": 1.0, "kind": "call"}]
    assert last.to_dict("records") == [{"weight": 3.0, "kind": "pay"}]
    # sum/max/min combine the weight; other attributes keep the first occurrence;
    # the column order is kept
    assert list(summed.columns) == ["weight", "kind"]
    assert summed.to_dict("records") == [{"weight": 6.0, "kind": "call"}]


def test_multiedges_without_weight_deduplicates():
    df = pd.DataFrame({"source": [1, 2, 1], "target": [2, 1, 2]})
    g = nc.Graph.from_edges(df, directed=True, multiedges="sum")
    assert g.n_edges == 2 and not g.weighted
    u = nc.Graph.from_edges(df, directed=False, multiedges="max")
    assert u.n_edges == 1


def test_multiedges_error_is_default():
    with pytest.raises(GraphFormatError):
        nc.Graph.from_edges(DUP_DIRECTED, directed=True)
    # reversed pair is not a duplicate when directed
    ok = _df([("a", "b", 1.0), ("b", "a", 2.0)])
    assert nc.Graph.from_edges(ok, directed=True).n_edges == 2
    with pytest.raises(GraphFormatError):
        nc.Graph.from_edges(ok, directed=False)


@pytest.mark.parametrize("directed", [True, False])
def test_self_loop_policies(directed):
    df = _df([("a", "a", 2.0), ("a", "b", 1.0), ("c", "c", 4.0)])
    keep = nc.Graph.from_edges(df, directed=directed, self_loops="keep")
    # node order: first appearance in the source column, then in the target column
    assert keep.n_edges == 3 and list(keep.nodes) == ["a", "c", "b"]
    assert keep.to_pandas()["weight"].tolist() == [2.0, 1.0, 4.0]
    check_csr_invariants(keep)
    drop = nc.Graph.from_edges(df, directed=directed, self_loops="drop")
    # the nodes of dropped loops stay (they were named by the edge list)
    assert drop.n_edges == 1 and list(drop.nodes) == ["a", "c", "b"]
    assert drop.to_pandas().to_dict("records") == [
        {"source": "a", "target": "b", "weight": 1.0}
    ]
    with pytest.raises(GraphFormatError):
        nc.Graph.from_edges(df, directed=directed, self_loops="error")


def test_self_loop_drop_then_duplicate_message_names_input_rows():
    df = pd.DataFrame({"source": ["a", "b", "a"], "target": ["a", "c", "b"]})
    df = pd.concat([df, pd.DataFrame({"source": ["c"], "target": ["b"]})], ignore_index=True)
    with pytest.raises(GraphFormatError, match=r"in rows 1 and 3 instead"):
        nc.Graph.from_edges(df, directed=False, self_loops="drop")


def test_isolates_and_node_order_via_nodes():
    df = pd.DataFrame({"source": ["b", "c"], "target": ["c", "a"]})
    g = nc.Graph.from_edges(df, directed=True, nodes=["z", "a", "b", "c", "y"])
    assert list(g.nodes) == ["z", "a", "b", "c", "y"]
    assert g.degree().tolist() == [0, 1, 1, 2, 0]
    # without nodes=: first appearance, source column before target column
    h = nc.Graph.from_edges(df, directed=True)
    assert list(h.nodes) == ["b", "c", "a"]


def test_nodes_dataframe_gives_node_attributes():
    df = pd.DataFrame({"source": [1, 2], "target": [2, 3]})
    nodes = pd.DataFrame({"actor": [3, 2, 1, 4], "role": ["boss", "mule", "mule", "cook"]})
    g = nc.Graph.from_edges(df, directed=True, nodes=nodes, node_key="actor")
    assert list(g.nodes) == [3, 2, 1, 4]
    assert g.node_attrs["role"].tolist() == ["boss", "mule", "mule", "cook"]
    assert list(g.node_attrs.index) == [3, 2, 1, 4]
    by_index = nc.Graph.from_edges(df, directed=True, nodes=nodes.set_index("actor"))
    assert by_index.node_attrs.equals(g.node_attrs)


def test_weight_column_is_renamed_and_float():
    df = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "calls": [3, 4], "kind": ["x", "y"]})
    g = nc.Graph.from_edges(df, source="u", target="v", weight="calls", directed=True)
    ea = g.edge_attrs
    assert list(ea.columns) == ["weight", "kind"]
    assert ea["weight"].dtype == np.float64 and ea["weight"].tolist() == [3.0, 4.0]
    assert g.weighted
    # a column literally named "weight" is the weight even without weight=
    h = nc.Graph.from_edges(df.rename(columns={"calls": "weight"}), source="u", target="v",
                            directed=True)
    assert h.weighted and h.weights.tolist() == [3.0, 4.0]


def test_label_types_survive_from_edges():
    df = pd.DataFrame({
        "source": pd.Series([1, "a", ("cell", 2), 2.5], dtype=object),
        "target": pd.Series([("cell", 2), 1, "a", 1], dtype=object),
    })
    g = nc.Graph.from_edges(df, directed=True)
    assert list(g.nodes) == [1, "a", ("cell", 2), 2.5]
    assert not isinstance(g.nodes, pd.MultiIndex)
    out = g.to_pandas()
    assert out["source"].tolist() == [1, "a", ("cell", 2), 2.5]
    assert out["target"].tolist() == [("cell", 2), 1, "a", 1]
    # int and float endpoint columns holding the same numbers name the same nodes
    h = nc.Graph.from_edges(pd.DataFrame({"source": [1, 2], "target": [2.0, 3.0]}),
                            directed=True)
    assert list(h.nodes) == [1, 2, 3]


def test_from_edges_many_chunks_matches_factorize():
    # more rows than one factorisation chunk (2**18): codes must follow first appearance
    rng = np.random.default_rng(5)
    m = 300_000
    s = rng.integers(0, 50_000, m)
    t = rng.integers(0, 80_000, m)  # target column introduces new labels late
    df = pd.DataFrame({"source": s, "target": t})
    g = nc.Graph.from_edges(df, directed=True, multiedges="first")
    _, uniques = pd.factorize(np.concatenate([s, t]))
    assert np.array_equal(g.nodes.to_numpy(), uniques)
    key = pd.unique(pd.Series(s * 100_000 + t))
    assert g.n_edges == len(key)


@pytest.mark.parametrize("chunk", [1, 3, 7])
def test_chunked_factorisation_matches_pandas(monkeypatch, chunk):
    import netcrime.graph

    monkeypatch.setattr(netcrime.graph, "_CHUNK", chunk)
    rng = np.random.default_rng(chunk)
    pool = np.array([0, 1, 2, "a", "b", ("t", 1), ("t", 2), 3.5, "c", 9], dtype=object)
    s = pd.Series(pool[rng.integers(0, 10, 25)], dtype=object)
    t = pd.Series(pool[rng.integers(0, 10, 25)], dtype=object)
    g = nc.Graph.from_edges(pd.DataFrame({"source": s, "target": t}), directed=True,
                            multiedges="first")
    _, uniques = pd.factorize(pd.concat([s, t], ignore_index=True))
    assert list(g.nodes) == list(uniques)
    pairs = list(dict.fromkeys(zip(s, t)))
    out = g.to_pandas()
    assert sorted(zip(out["source"], out["target"]), key=repr) == sorted(pairs, key=repr)


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("rule", ["first", "last", "sum"])
def test_argsort_fallback_for_huge_keys_agrees(monkeypatch, directed, rule):
    # key * m + row overflows int64 when n * n * m >= 2**62; then a stable argsort is used
    import netcrime.graph

    rng = np.random.default_rng(3)
    df = pd.DataFrame({"source": rng.integers(0, 30, 400), "target": rng.integers(0, 30, 400),
                       "weight": rng.random(400), "row": np.arange(400)})
    a = nc.Graph.from_edges(df, directed=directed, multiedges=rule)
    with pytest.raises(GraphFormatError, match="in rows") as e1:
        nc.Graph.from_edges(df, directed=directed)
    monkeypatch.setattr(netcrime.graph, "_COMPOSITE_LIMIT", 0)
    b = nc.Graph.from_edges(df, directed=directed, multiedges=rule)
    assert a == b
    with pytest.raises(GraphFormatError, match="in rows") as e2:
        nc.Graph.from_edges(df, directed=directed)
    assert str(e1.value) == str(e2.value)


# ---------------------------------------------------------------------------- derived graphs


def _equal_to_nx(g: nc.Graph, H: nx.Graph) -> None:
    assert list(g.nodes) == list(H.nodes)
    assert nx.utils.graphs_equal(g.to_networkx(), H)


def test_subgraph_matches_networkx(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    rng = np.random.default_rng(0)
    pick = [v for v in G.nodes if rng.random() < 0.6]
    rng.shuffle(pick)  # requested order does not matter: graph order is kept
    sub = g.subgraph(pick)
    H = G.subgraph(pick)
    # the induced subgraph keeps the parent's node order (networkx's view order is a set's)
    assert list(sub.nodes) == [v for v in G.nodes if v in set(pick)]
    assert nx.utils.graphs_equal(sub.to_networkx(), nx.DiGraph(H) if G.is_directed()
                                 else nx.Graph(H))
    check_csr_invariants(sub)


def test_remove_nodes_matches_networkx(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    drop = list(G.nodes)[::3]
    H = G.copy()
    H.remove_nodes_from(drop)
    r = g.remove_nodes(drop)
    _equal_to_nx(r, H)
    check_csr_invariants(r)
    assert g.n_nodes == G.number_of_nodes()  # the original is untouched


def test_select_edges_matches_networkx(oracle_graph):
    G = oracle_graph
    g = nc.Graph.from_networkx(G)
    rng = np.random.default_rng(1)
    mask = rng.random(g.n_edges) < 0.5
    src, dst = g.edge_array()
    H = G.copy()
    H.remove_edges_from(
        (g.nodes[u], g.nodes[v]) for u, v, k in zip(src, dst, mask) if not k
    )
    s = g.select_edges(mask)
    _equal_to_nx(s, H)
    check_csr_invariants(s)


@pytest.mark.parametrize(
    ("combine", "op"),
    [("max", max), ("sum", lambda a, b: a + b), ("min", min),
     ("first", None), ("last", None)],
)
def test_to_undirected_combines_reciprocal_arcs(combine, op, mixed_label_graph):
    G = mixed_label_graph
    g = nc.Graph.from_networkx(G)
    pos = {v: i for i, v in enumerate(G.nodes)}
    u = g.to_undirected(combine=combine)
    U = G.to_undirected()  # networkx: the pair set (its attribute choice is arbitrary)
    assert not u.directed and list(u.nodes) == list(G.nodes)
    assert u.n_edges == U.number_of_edges()
    check_csr_invariants(u)
    got = {frozenset((a, b)) if a != b else (a,): w
           for a, b, w in u.to_pandas().itertuples(index=False)}
    for a, b in U.edges():
        arcs = [G[x][y]["weight"] for x, y in ((a, b), (b, a)) if G.has_edge(x, y)]
        if len(arcs) == 2:
            lo, hi = sorted((a, b), key=pos.get)
            w_lo, w_hi = G[lo][hi]["weight"], G[hi][lo]["weight"]
            want = {"first": w_lo, "last": w_hi}.get(combine) if op is None else op(*arcs)
        else:
            want = arcs[0]
        assert got[frozenset((a, b)) if a != b else (a,)] == want


def test_to_undirected_of_undirected_is_itself(kite):
    g = nc.Graph.from_networkx(kite)
    assert g.to_undirected() is g


def test_with_node_attrs_and_meta(kite):
    g = nc.Graph.from_networkx(kite)
    s = pd.Series({v: i for i, v in enumerate(reversed(list(g.nodes)))})
    h = g.with_node_attrs(rank=s, flag=np.arange(10) % 2 == 0)
    assert h.node_attrs["rank"].tolist() == list(range(9, -1, -1))
    assert h.node_attrs["flag"].tolist() == [True, False] * 5
    assert "rank" not in g.node_attrs.columns
    m = h.with_meta(source="Krackhardt 1990")
    assert m.meta["source"] == "Krackhardt 1990" and "source" not in h.meta
    assert m == h  # equality ignores meta; structure and attributes agree


def test_equality(kite, kite_int):
    a = nc.Graph.from_networkx(kite)
    assert a == nc.Graph.from_networkx(kite)
    assert a != nc.Graph.from_networkx(kite_int)  # same structure, other labels
    assert a != nc.Graph.from_networkx(kite.to_directed())
    with pytest.raises(TypeError):
        hash(a)


# ---------------------------------------------------------------------------- immutability


def test_arrays_read_only(karate):
    g = nc.Graph.from_networkx(nx.DiGraph(karate))
    arrays = [g.indptr, g.indices, g.edge_ids, g.weights, *g.edge_array(), *g.in_csr()]
    u = nc.Graph.from_networkx(karate)
    arrays += [u.indptr, u.indices, u.edge_ids, u.weights, *u.edge_array()]
    for a in arrays:
        assert not a.flags.writeable
        with pytest.raises(ValueError):
            a[0] = 99


def test_attribute_tables_are_copies(karate):
    g = nc.Graph.from_networkx(karate)
    na = g.node_attrs
    na.loc[0, "club"] = "changed"
    ea = g.edge_attrs
    ea.loc[0, "weight"] = -1
    assert g.node_attrs.loc[0, "club"] == "Mr. Hi"
    assert g.edge_attrs.loc[0, "weight"] == 4
    with pytest.raises(TypeError):
        g.meta["name"] = "x"  # MappingProxyType


def test_from_edges_does_not_mutate_inputs():
    df = pd.DataFrame({"u": ["b", "a", "a", "c", "c"], "v": ["a", "b", "c", "c", "d"],
                       "w": [1, 2, 3, 4, 5], "kind": list("pqrst")})
    df.attrs["note"] = "kept"
    nodes = pd.DataFrame({"name": ["d", "c", "b", "a", "e"], "age": [1, 2, 3, 4, 5]})
    before_df, before_nodes = df.copy(deep=True), nodes.copy(deep=True)
    g = nc.Graph.from_edges(df, source="u", target="v", weight="w", directed=False,
                            nodes=nodes, node_key="name", multiedges="sum", self_loops="drop")
    pd.testing.assert_frame_equal(df, before_df)
    pd.testing.assert_frame_equal(nodes, before_nodes)
    assert df.attrs == {"note": "kept"}
    assert g.n_edges == 3 and list(g.nodes) == ["d", "c", "b", "a", "e"]


def test_derived_graphs_do_not_mutate_parent(mixed_label_graph):
    g = nc.Graph.from_networkx(mixed_label_graph)
    snapshot = (g.indptr.copy(), g.indices.copy(), g.edge_attrs, g.node_attrs, list(g.nodes))
    g.subgraph(list(g.nodes)[:5])
    g.remove_nodes(list(g.nodes)[:5])
    g.select_edges(np.ones(g.n_edges, bool))
    g.to_undirected(combine="sum")
    g.with_node_attrs(x=np.zeros(g.n_nodes))
    assert np.array_equal(g.indptr, snapshot[0]) and np.array_equal(g.indices, snapshot[1])
    pd.testing.assert_frame_equal(g.edge_attrs, snapshot[2])
    pd.testing.assert_frame_equal(g.node_attrs, snapshot[3])
    assert list(g.nodes) == snapshot[4]


def test_from_arrays_does_not_mutate_inputs():
    src = np.array([2, 0, 1, 0])
    dst = np.array([0, 1, 2, 1])
    ea = pd.DataFrame({"weight": [1.0, 2.0, 3.0, 4.0]})
    before = (src.copy(), dst.copy(), ea.copy())
    g = nc.Graph.from_arrays(3, src, dst, directed=False, edge_attrs=ea, multiedges="sum")
    assert np.array_equal(src, before[0]) and np.array_equal(dst, before[1])
    pd.testing.assert_frame_equal(ea, before[2])
    assert g.to_pandas()["weight"].tolist() == [6.0, 1.0, 3.0]  # {0,1}: 2+4, {0,2}, {1,2}


def test_node_index(kite):
    g = nc.Graph.from_networkx(kite)
    assert g.node_index("Diane").tolist() == [3]
    assert g.node_index(["Jane", "Andre"]).tolist() == [9, 0]
    t = nc.Graph.from_edges(pd.DataFrame({"source": [("c", 1)], "target": [("c", 2)]}),
                            directed=True)
    assert t.node_index(("c", 2)).tolist() == [1]
    assert t.node_index([("c", 2), ("c", 1)]).tolist() == [1, 0]


# ---------------------------------------------------------------------------- hypothesis

edge_lists = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(1, 9)), max_size=40
)


def _nx_from_rows(rows, directed, rule):
    """networkx oracle of from_edges(..., multiedges=rule) built row by row."""
    G = nx.DiGraph() if directed else nx.Graph()
    for u, v, _ in rows:
        G.add_node(f"n{u}")
        G.add_node(f"n{v}")
    for u, v, w in rows:
        a, b = f"n{u}", f"n{v}"
        if G.has_edge(a, b):
            old = G[a][b]["weight"]
            G[a][b]["weight"] = {"sum": old + w, "max": max(old, w), "min": min(old, w),
                                 "first": old, "last": w}[rule]
        else:
            G.add_edge(a, b, weight=float(w))
    return G


@given(rows=edge_lists, directed=st.booleans(),
       rule=st.sampled_from(["sum", "max", "min", "first", "last"]))
def test_property_from_edges_matches_networkx(rows, directed, rule):
    df = pd.DataFrame(
        {"source": [f"n{u}" for u, _, _ in rows], "target": [f"n{v}" for _, v, _ in rows],
         "weight": [float(w) for *_, w in rows]}
    )
    g = nc.Graph.from_edges(df, directed=directed, multiedges=rule)
    G = _nx_from_rows(rows, directed, rule)
    # node order: first appearance in the source column, then the target column
    expected_nodes = list(dict.fromkeys(list(df["source"]) + list(df["target"])))
    assert list(g.nodes) == expected_nodes
    check_csr_invariants(g)
    assert csr_neighbours(g) == nx_neighbours(G, expected_nodes)
    for i, u in enumerate(g.nodes):
        for k in range(g.indptr[i], g.indptr[i + 1]):
            assert g.weights[k] == G[u][g.nodes[g.indices[k]]]["weight"]
    if rows:
        A = nx.to_scipy_sparse_array(G, nodelist=expected_nodes, weight="weight")
        assert (abs(g.to_scipy(weight="weight") - A) > 0).nnz == 0


@given(rows=edge_lists, directed=st.booleans(), extra=st.integers(0, 3))
def test_property_round_trips_are_identity(rows, directed, extra):
    df = pd.DataFrame({"source": [u for u, _, _ in rows], "target": [v for _, v, _ in rows],
                       "weight": [float(w) for *_, w in rows]})
    nodes = list(dict.fromkeys([u for u, _, _ in rows] + [v for _, v, _ in rows]))
    nodes += [100 + i for i in range(extra)]  # isolates
    g = nc.Graph.from_edges(df, directed=directed, multiedges="first", nodes=nodes)
    assert nc.as_graph(g.to_pandas()) == g
    if rows:  # networkx has no attribute schema: an edgeless graph loses its weight column
        assert nc.Graph.from_networkx(g.to_networkx()) == g
    assert nc.Graph.from_igraph(g.to_igraph()) == g
    assert nc.Graph.from_scipy(g.to_scipy(weight="weight"), directed=directed,
                               nodes=g.nodes) == g
    assert nc.Graph.from_edges(g.to_pandas(), directed=directed, nodes=g.nodes) == g


@given(rows=edge_lists, drop=st.sets(st.integers(0, 7), max_size=5))
def test_property_remove_nodes_matches_networkx(rows, drop):
    df = pd.DataFrame({"source": [u for u, _, _ in rows], "target": [v for _, v, _ in rows]})
    g = nc.Graph.from_edges(df, directed=True, multiedges="first", nodes=range(8))
    G = nx.DiGraph()
    G.add_nodes_from(range(8))
    G.add_edges_from((u, v) for u, v, _ in rows)
    G.remove_nodes_from(drop)
    r = g.remove_nodes(sorted(drop))
    assert list(r.nodes) == list(G.nodes)
    assert csr_neighbours(r) == nx_neighbours(G, list(G.nodes))


def test_copy_and_pickle(karate):
    g = nc.Graph.from_networkx(nx.DiGraph(karate)).with_meta(source="Zachary 1977")
    for h in (copy.copy(g), copy.deepcopy(g), pickle.loads(pickle.dumps(g))):
        assert h == g and dict(h.meta) == dict(g.meta)
        assert not h.indices.flags.writeable and not h.indptr.flags.writeable
        with pytest.raises(TypeError):
            h.meta["x"] = 1
    u = nc.Graph.from_networkx(karate)
    v = pickle.loads(pickle.dumps(u))
    assert v == u and np.array_equal(v.edge_ids, u.edge_ids) and not v.edge_ids.flags.writeable


def test_parameter_errors_are_value_errors():
    with pytest.raises(ValueError):
        nc.Graph.from_arrays(-1, [], [], directed=True)
    assert issubclass(ParameterError, ValueError)


# ---------------------------------------------------------------------------- from_positions


@given(st.integers(0, 12), st.data(), st.booleans())
def test_from_positions_equals_from_arrays(n, data, directed):
    """The converters' entry point builds the same Graph as from_arrays (same policies)."""
    m = data.draw(st.integers(0, 3 * n)) if n else 0
    src = np.array(data.draw(st.lists(st.integers(0, max(n - 1, 0)), min_size=m, max_size=m)),
                   dtype=np.int64)
    dst = np.array(data.draw(st.lists(st.integers(0, max(n - 1, 0)), min_size=m, max_size=m)),
                   dtype=np.int64)
    w = pd.DataFrame({"weight": np.arange(m, dtype=float) + 0.5})
    labels = [f"v{i}" for i in range(n)]
    before = (src.copy(), dst.copy(), w.copy())
    na = pd.DataFrame({"x": np.arange(n)}, index=np.arange(n) + 100)  # index ignored
    for multiedges in ("sum", "first", "last"):
        kw = dict(directed=directed, nodes=labels, edge_attrs=w, multiedges=multiedges)
        a = nc.Graph.from_positions(n, src, dst, node_attrs=na, **kw)
        b = nc.Graph.from_arrays(n, src, dst, node_attrs=na.reset_index(drop=True), **kw)
        assert a == b
    assert np.array_equal(src, before[0]) and np.array_equal(dst, before[1])
    pd.testing.assert_frame_equal(w, before[2])


def test_from_positions_defaults_and_inputs_untouched():
    src, dst = np.array([2, 0]), np.array([1, 1])
    before = (src.copy(), dst.copy())
    g = nc.Graph.from_positions(3, src, dst, directed=True)
    assert list(g.nodes) == [0, 1, 2] and g.edge_array()[0].tolist() == [0, 2]
    assert np.array_equal(src, before[0]) and np.array_equal(dst, before[1])
    t = nc.Graph.from_positions(2, np.array([0]), np.array([1]), directed=False,
                                nodes=[("cell", 1), ("cell", 2)])
    assert t.nodes.nlevels == 1 and t.nodes[1] == ("cell", 2)


def test_from_positions_reports_in_the_callers_terms():
    kw = dict(directed=False, func="from_thing", param="T")
    with pytest.raises(ParameterError, match=r"^The 'T' parameter of from_thing\(\) must be "
                       r"endpoint positions in \[0, 2\)\. Got 5 instead\.$"):
        nc.Graph.from_positions(2, np.array([0]), np.array([5]), **kw)
    with pytest.raises(ParameterError, match=r"'T' parameter of from_thing\(\).*int endpoint"):
        nc.Graph.from_positions(2, np.array([0.0]), np.array([1.0]), **kw)
    with pytest.raises(ParameterError, match=r"'T' parameter of from_thing\(\).*same length"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1, 0]), **kw)
    with pytest.raises(ParameterError, match=r"'T' parameter of from_thing\(\).*one label per"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]), nodes=["a"], **kw)
    with pytest.raises(ParameterError, match=r"'T' parameter of from_thing\(\).*edge table"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]),
                                edge_attrs=pd.DataFrame({"weight": [1.0, 2.0]}), **kw)
    with pytest.raises(ParameterError, match=r"'T' parameter of from_thing\(\).*node table"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]),
                                node_attrs=pd.DataFrame({"x": [1]}), **kw)
    with pytest.raises(GraphFormatError, match=r"^The 'T' parameter of from_thing\(\) must "
                       r"hold unique node labels\. Got duplicated labels \['a'\] instead\.$"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]), nodes=["a", "a"], **kw)
    with pytest.raises(GraphFormatError, match=r"'T' parameter of from_thing\(\).*finite"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]),
                                edge_attrs=pd.DataFrame({"weight": [np.inf]}), **kw)
    with pytest.raises(GraphFormatError, match=r"'T' parameter of from_thing\(\).*once when "
                       r"multiedges='error'"):
        nc.Graph.from_positions(2, np.array([0, 1]), np.array([1, 0]), **kw)
    with pytest.raises(ParameterError, match=r"'multiedges' parameter of from_thing\(\)"):
        nc.Graph.from_positions(2, np.array([0]), np.array([1]), multiedges="avg", **kw)
