"""Round trips networkx <-> Graph <-> igraph <-> pandas <-> scipy.

Oracles: networkx's own structures (``utils.graphs_equal``, ``to_scipy_sparse_array``,
``from_scipy_sparse_array``, ``to_pandas_edgelist``) and igraph's own structures
(``neighbors``, ``get_edgelist``, ``es``/``vs`` attributes, ``Graph.from_networkx``).
Labels (str, int, mixed, tuples), node and edge attributes, weights and direction must come
back exactly.
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from conftest import CLASSIC, mixed_label_nx, tuple_label_nx

import netcrime as nc
from netcrime.exceptions import GraphFormatError


def attributed_digraph() -> nx.DiGraph:
    """Directed graph with str labels, mixed-type attributes and partly missing ones."""
    G = nx.DiGraph(name="cell A", year=2009)
    G.add_node("boss", role="leader", age=51)
    G.add_node("driver", role="logistics")  # no age
    G.add_node("mule", age=23)  # no role
    G.add_node("isolate", role="unknown", age=40)
    G.add_edge("boss", "driver", weight=2.5, kind="phone")
    G.add_edge("driver", "boss", weight=0.125, kind="meet")
    G.add_edge("driver", "mule", weight=1e-12)  # no kind
    G.add_edge("mule", "mule", weight=3.0, kind="self")
    return G


GRAPHS = {
    **CLASSIC,
    "attributed_digraph": attributed_digraph,
    "tuple_labels": tuple_label_nx,
    "mixed_labels": mixed_label_nx,
    "int_labels_shuffled": lambda: nx.relabel_nodes(
        nx.gnp_random_graph(25, 0.2, seed=3, directed=True), lambda v: (v * 7) % 25
    ),
}


@pytest.fixture(params=sorted(GRAPHS))
def nxg(request) -> nx.Graph:
    return GRAPHS[request.param]()


def edge_dict(G: nx.Graph) -> dict:
    """(u, v) -> data; undirected pairs as frozensets (order-free)."""
    if G.is_directed():
        return {(u, v): d for u, v, d in G.edges(data=True)}
    return {frozenset((u, v)): d for u, v, d in G.edges(data=True)}


# ---------------------------------------------------------------------------- networkx


def test_networkx_round_trip_exact(nxg):
    g = nc.Graph.from_networkx(nxg)
    H = g.to_networkx()
    assert type(H) is (nx.DiGraph if nxg.is_directed() else nx.Graph)
    assert list(H.nodes) == list(nxg.nodes)  # order too
    assert nx.utils.graphs_equal(H, nxg)  # adjacency with edge data, node data, graph data
    assert edge_dict(H) == edge_dict(nxg)
    assert dict(g.meta) == nxg.graph


def test_networkx_attributes_become_tables():
    G = attributed_digraph()
    g = nc.Graph.from_networkx(G)
    na = g.node_attrs
    assert list(na.index) == ["boss", "driver", "mule", "isolate"]
    assert na["role"].tolist()[:2] == ["leader", "logistics"] and pd.isna(na.loc["mule", "role"])
    assert pd.isna(na.loc["driver", "age"]) and na.loc["boss", "age"] == 51
    ea = g.edge_attrs
    src, dst = g.edge_array()
    rows = {(g.nodes[u], g.nodes[v]): r for u, v, r in zip(src, dst, ea.to_dict("records"))}
    assert rows[("boss", "driver")] == {"weight": 2.5, "kind": "phone"}
    assert rows[("driver", "mule")]["weight"] == 1e-12 and pd.isna(rows[("driver", "mule")]["kind"])
    assert g.weighted and g.directed and g.n_edges == 4


def test_networkx_multigraph_policies():
    M = nx.MultiDiGraph()
    M.add_edge("a", "b", weight=1.0)
    M.add_edge("a", "b", weight=4.0)
    M.add_edge("b", "a", weight=2.0)
    with pytest.raises(GraphFormatError, match="multiedges='error'"):
        nc.Graph.from_networkx(M)
    g = nc.Graph.from_networkx(M, multiedges="sum")
    assert g.directed and g.to_pandas()["weight"].tolist() == [5.0, 2.0]
    u = nc.Graph.from_networkx(nx.MultiGraph(M), multiedges="max")
    assert not u.directed and u.to_pandas()["weight"].tolist() == [4.0]


# ---------------------------------------------------------------------------- igraph


def test_to_igraph_matches_igraph_from_networkx(nxg):
    g = nc.Graph.from_networkx(nxg)
    I = g.to_igraph()
    J = ig.Graph.from_networkx(nxg)  # igraph's own converter; labels in "_nx_name"
    assert I.is_directed() == J.is_directed() == nxg.is_directed()
    assert I.vcount() == J.vcount() and I.ecount() == J.ecount()
    assert I.vs["name"] == J.vs["_nx_name"] == list(nxg.nodes)

    def edges(G, names):
        out = {}
        for e in G.es:
            u, v = names[e.source], names[e.target]
            k = (u, v) if G.is_directed() else frozenset((u, v))
            out[k] = {a: x for a, x in e.attributes().items()
                      if not (isinstance(x, float) and np.isnan(x)) and x is not None}
        return out

    assert edges(I, I.vs["name"]) == edges(J, J.vs["_nx_name"])
    for a in J.vs.attributes():
        if a != "_nx_name":
            got = [None if isinstance(x, float) and np.isnan(x) else x for x in I.vs[a]]
            assert got == J.vs[a]


def test_from_igraph_matches_igraph_structures():
    J = ig.Graph.Famous("Zachary")
    g = nc.Graph.from_igraph(J)
    assert list(g.nodes) == list(range(34)) and not g.directed
    for v in range(J.vcount()):
        row = g.indices[g.indptr[v]:g.indptr[v + 1]].tolist()
        assert row == sorted(J.neighbors(v))
    D = ig.Graph.Erdos_Renyi(n=30, m=90, directed=True, loops=True)
    D.vs["name"] = [f"v{i}" for i in range(30)]
    D.es["weight"] = np.random.default_rng(0).random(90).tolist()
    d = nc.Graph.from_igraph(D)
    assert d.directed and list(d.nodes) == D.vs["name"]
    for v in range(30):
        row = d.indices[d.indptr[v]:d.indptr[v + 1]].tolist()
        assert row == sorted(D.neighbors(v, mode="out"))
        w = d.weights[d.indptr[v]:d.indptr[v + 1]]
        assert w.tolist() == [D.es[D.get_eid(v, u)]["weight"] for u in row]
    ip, ind, _ = d.in_csr()
    for v in range(30):
        assert ind[ip[v]:ip[v + 1]].tolist() == sorted(D.neighbors(v, mode="in"))


def test_igraph_round_trip_exact(nxg):
    g = nc.Graph.from_networkx(nxg)
    back = nc.Graph.from_igraph(g.to_igraph())
    assert back == g
    assert list(back.nodes) == list(nxg.nodes)


def test_igraph_multigraph_policy():
    J = ig.Graph(n=3, edges=[(0, 1), (1, 0), (1, 2)], directed=False)
    J.es["weight"] = [1.0, 2.0, 3.0]
    with pytest.raises(GraphFormatError):
        nc.Graph.from_igraph(J)
    g = nc.Graph.from_igraph(J, multiedges="sum")
    assert g.to_pandas()["weight"].tolist() == [3.0, 3.0]


# ---------------------------------------------------------------------------- scipy


def test_to_scipy_matches_networkx(nxg):
    g = nc.Graph.from_networkx(nxg)
    nodes = list(nxg.nodes)
    A = g.to_scipy()
    B = nx.to_scipy_sparse_array(nxg, nodelist=nodes, weight=None)
    assert A.shape == B.shape and (A != B).nnz == 0
    if g.weighted:
        A = g.to_scipy(weight="weight")
        B = nx.to_scipy_sparse_array(nxg, nodelist=nodes, weight="weight")
        assert (A != B).nnz == 0


@pytest.mark.parametrize("directed", [True, False])
def test_from_scipy_matches_networkx(directed, make_random_graph):
    G = make_random_graph(30, 0.15, directed=directed, weights="float", seed=21)
    A = nx.to_scipy_sparse_array(G, nodelist=sorted(G.nodes), weight="weight")
    g = nc.Graph.from_scipy(A, directed=directed, nodes=[f"v{i}" for i in range(30)])
    H = nx.from_scipy_sparse_array(A, create_using=nx.DiGraph if directed else nx.Graph)
    H = nx.relabel_nodes(H, {i: f"v{i}" for i in range(30)})
    assert nx.utils.graphs_equal(g.to_networkx(), H)
    assert list(g.nodes) == [f"v{i}" for i in range(30)]
    # dense input and the round trip back
    assert nc.Graph.from_scipy(A.toarray(), directed=directed, nodes=g.nodes) == g
    assert (g.to_scipy(weight="weight") != A).nnz == 0


def test_from_scipy_rejects_asymmetric_undirected():
    A = np.array([[0, 1], [0, 0]])
    with pytest.raises(GraphFormatError, match="symmetric"):
        nc.Graph.from_scipy(A, directed=False)
    assert nc.Graph.from_scipy(A, directed=True).n_edges == 1


# ---------------------------------------------------------------------------- pandas


def test_to_pandas_matches_networkx_edgelist(nxg):
    g = nc.Graph.from_networkx(nxg)
    df = g.to_pandas()
    assert df.attrs["directed"] == nxg.is_directed()
    assert df.attrs["nodes"] == list(nxg.nodes)
    ref = nx.to_pandas_edgelist(nxg)

    def records(frame):
        out = {}
        for r in frame.to_dict("records"):
            s, t = r.pop("source"), r.pop("target")
            k = (s, t) if nxg.is_directed() else frozenset((s, t))
            out[k] = {a: x for a, x in r.items() if not (isinstance(x, float) and np.isnan(x))}
        return out

    assert records(df) == records(ref)


def test_pandas_round_trip_exact(nxg):
    g = nc.Graph.from_networkx(nxg)
    df = g.to_pandas()
    # as_graph reads direction and node order from df.attrs
    h = nc.as_graph(df)
    assert list(h.nodes) == list(g.nodes) and h.directed == g.directed
    assert h.to_pandas().equals(df) and h.edge_attrs.equals(g.edge_attrs)
    # with the node table, node attributes come back too
    full = nc.Graph.from_edges(df, directed=g.directed, nodes=g.node_attrs)
    assert full == g


def test_string_and_int_dtypes_survive(karate):
    g = nc.Graph.from_networkx(karate)
    df = g.to_pandas()
    assert df["source"].dtype == np.int64 and df["weight"].dtype == np.int64
    f = nc.Graph.from_networkx(nx.florentine_families_graph()).to_pandas()
    assert pd.api.types.is_string_dtype(f["source"])


def test_floats_survive_bit_exact():
    rng = np.random.default_rng(9)
    w = rng.random(50) * 10.0 ** rng.integers(-30, 30, 50)
    df = pd.DataFrame({"source": np.arange(50), "target": np.arange(1, 51), "weight": w})
    g = nc.Graph.from_edges(df, directed=True)
    for h in (nc.Graph.from_networkx(g.to_networkx()), nc.Graph.from_igraph(g.to_igraph()),
              nc.as_graph(g.to_pandas()),
              nc.Graph.from_scipy(g.to_scipy(weight="weight"), directed=True, nodes=g.nodes)):
        assert np.array_equal(h.weights, w)


# ---------------------------------------------------------------------------- as_graph


def test_as_graph_accepts_every_input(kite):
    g = nc.Graph.from_networkx(kite)
    assert nc.as_graph(g) is g
    assert nc.as_graph(kite) == g
    assert nc.as_graph(g.to_igraph()) == g
    assert nc.as_graph(g.to_pandas()) == g
    D = nx.DiGraph(kite)
    assert nc.as_graph(D).directed and nc.as_graph(D).n_edges == 36


def test_as_graph_does_not_mutate_inputs(karate):
    G = karate
    before = G.copy()
    I = nc.Graph.from_networkx(G).to_igraph()
    I_edges, I_w = I.get_edgelist(), list(I.es["weight"])
    df = nc.Graph.from_networkx(G).to_pandas()
    df_before = df.copy(deep=True)
    for obj in (G, I, df):
        nc.as_graph(obj)
    assert nx.utils.graphs_equal(G, before)
    assert I.get_edgelist() == I_edges and I.es["weight"] == I_w
    pd.testing.assert_frame_equal(df, df_before)
    assert df.attrs == df_before.attrs


def test_node_order_in_attrs_is_cheap_and_faithful(tuple_label_graph):
    import copy
    import pickle

    g = nc.Graph.from_networkx(tuple_label_graph).remove_nodes([("cell", 0)])
    df = g.to_pandas()
    order = df.attrs["nodes"]
    # pandas deep-copies attrs on every operation: the order copies as itself
    assert copy.deepcopy(order) is order and df[df.index > 2].attrs["nodes"] is order
    assert order == list(g.nodes) and order == tuple(g.nodes) and len(order) == g.n_nodes
    assert list(order) == list(g.nodes) and order[0] == g.nodes[0]
    assert pickle.loads(pickle.dumps(order)) == order
    assert order != list(g.nodes)[::-1]
    # concat compares attrs for equality: identical orders survive
    assert pd.concat([df.head(2), df.tail(2)]).attrs["nodes"] == order
    # isolates come back through as_graph after filtering rows
    sub = nc.as_graph(df[df.index % 2 == 0])
    assert list(sub.nodes) == list(g.nodes)


def test_interop_uses_only_public_graph_names():
    """interop builds through Graph.from_positions and reads public properties: no name with
    a leading underscore imported from netcrime.graph, no private attribute of a Graph."""
    import ast
    import inspect

    import netcrime.interop as interop

    tree = ast.parse(inspect.getsource(interop))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ("graph", "netcrime.graph"):
            assert not [a.name for a in node.names if a.name.startswith("_")]
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in ("g", "Graph", "self"):
                assert not node.attr.startswith("_"), f"{node.value.id}.{node.attr}"
