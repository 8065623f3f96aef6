"""Small-graph fast paths (issue 15): serial and parallel kernels, the batch path over a
disjoint union, the compiled PageRank loop -- against networkx and igraph."""

from __future__ import annotations

import networkx as nx
import numba
import numpy as np
import pytest

import netcrime as nc
from netcrime import centrality as C
from netcrime._core import betweenness_many, plan_threads, union_csr
from netcrime.centrality import _many


def _nx(g):
    s, t = g.edge_array()
    G = nx.DiGraph() if g.directed else nx.Graph()
    G.add_nodes_from(range(g.n_nodes))
    G.add_edges_from(zip(s.tolist(), t.tolist()))
    return G


def _graphs():
    rng = np.random.default_rng(5)
    out = [nc.datasets.load("caviar"), nc.datasets.load("montagna_meetings")]
    for k in range(6):
        n = int(rng.integers(1, 40))
        m = int(rng.integers(0, 3 * n))
        out.append(nc.Graph.from_arrays(n, rng.integers(0, n, m), rng.integers(0, n, m),
                                        directed=bool(k % 2), multiedges="sum")
                   if m else nc.Graph.from_arrays(n, [], [], directed=bool(k % 2)))
    return out


def test_batch_betweenness_equals_networkx():
    gs = _graphs()
    got = _many("betweenness", gs)
    for g, b in zip(gs, got):
        G = _nx(nc.Graph.from_arrays(g.n_nodes, *g.edge_array(), directed=g.directed))
        exp = nx.betweenness_centrality(G)
        np.testing.assert_allclose(b, [exp[i] for i in range(g.n_nodes)], atol=1e-9)


@pytest.mark.parametrize("metric", ["closeness", "harmonic"])
def test_batch_distance_metrics_equal_networkx(metric):
    gs = _graphs()
    got = _many(metric, gs)
    for g, v in zip(gs, got):
        G = _nx(g)
        G = G.reverse(copy=False) if g.directed else G  # networkx measures in-distances
        if metric == "closeness":
            exp = nx.closeness_centrality(G, wf_improved=True)
            reach = [len(nx.descendants(G.reverse(copy=False) if g.directed else G, i))
                     if g.directed else len(nx.node_connected_component(G, i)) - 1
                     for i in range(g.n_nodes)]
            exp = [np.nan if reach[i] == 0 else exp[i] for i in range(g.n_nodes)]
        else:
            h = nx.harmonic_centrality(G)
            exp = [h[i] / (g.n_nodes - 1) if g.n_nodes > 1 else np.nan
                   for i in range(g.n_nodes)]
        np.testing.assert_allclose(v, exp, atol=1e-9)


def test_union_offsets():
    a = (np.array([0, 1, 2]), np.array([1, 0]))
    b = (np.array([0, 0]), np.array([], np.int64))
    ip, ix, off = union_csr([a, b, a])
    assert off.tolist() == [0, 2, 3, 5]
    assert ip.tolist() == [0, 1, 2, 2, 3, 4]
    assert ix.tolist() == [1, 0, 4, 3]
    assert [x.tolist() for x in betweenness_many([a, b])] == [[0.0, 0.0], [0.0]]


def test_plan_threads_small_work_is_serial():
    assert plan_threads(10) == 1
    assert 1 <= plan_threads(1e12) <= numba.get_num_threads()


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # igraph: disconnected graph
@pytest.mark.parametrize("name", ["caviar", "montagna_meetings"])
def test_small_paths_match_igraph(name):
    ig = pytest.importorskip("igraph")
    g = nc.datasets.load(name)
    s, t = g.edge_array()
    gi = ig.Graph(n=g.n_nodes, edges=np.column_stack([s, t]).tolist(), directed=g.directed)
    np.testing.assert_allclose(C.pagerank(g).to_numpy(), gi.pagerank(), atol=1e-12)
    np.testing.assert_allclose(C.betweenness(g, normalized=False).to_numpy(),
                               gi.betweenness(directed=g.directed), atol=1e-9)
    np.testing.assert_allclose(C.harmonic(g, normalized=True).to_numpy(),
                               gi.harmonic_centrality(mode="out", normalized=True), atol=1e-12)
    if not g.directed:
        e = np.asarray(gi.eigenvector_centrality(scale=True))
        x = C.eigenvector(g).to_numpy()
        np.testing.assert_allclose(x / x.max(), e, atol=1e-9)


def test_pagerank_compiled_loop_raises_on_max_iter():
    g = nc.datasets.load("caviar")
    with pytest.raises(nc.exceptions.ConvergenceError):
        C.pagerank(g, max_iter=2)


@pytest.mark.parametrize("weighted", [False, True])
def test_parallel_and_serial_kernels_agree_with_networkx(monkeypatch, weighted):
    """Force the parallel drivers (2 chunks) and compare both paths to networkx."""
    import netcrime._core.bfs as bfs

    rng = np.random.default_rng(11)
    n, m = 150, 500
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = a != b
    w = rng.integers(1, 4, keep.sum()).astype(float)  # exact sums: no near-ties
    g = nc.Graph.from_arrays(n, a[keep], b[keep], directed=True, multiedges="first",
                             edge_attrs={"w": w} if weighted else None)
    s, t = g.edge_array()
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    ww = g.edge_attrs["w"].to_numpy() if weighted else np.ones(len(s))
    G.add_weighted_edges_from(zip(s.tolist(), t.tolist(), ww.tolist()))
    kw = {"distance": "w"} if weighted else {}
    nxw = "weight" if weighted else None
    exp_b = nx.betweenness_centrality(G, weight=nxw)
    exp_h = nx.harmonic_centrality(G.reverse(copy=False), distance=nxw)
    for forced in (1, 2):
        monkeypatch.setattr(bfs, "plan_threads", lambda work, f=forced: f)
        got_b = C.betweenness(g, **kw).to_numpy()
        got_h = C.harmonic(g, **kw).to_numpy()
        np.testing.assert_allclose(got_b, [exp_b[i] for i in range(n)], atol=1e-9)
        np.testing.assert_allclose(got_h, [exp_h[i] for i in range(n)], atol=1e-9)


def _plan_big() -> int:
    return plan_threads(1e12)


def test_plan_threads_is_serial_in_a_pool_worker():
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1) as ex:
        assert ex.submit(_plan_big).result() == 1


def _perron_rule_numpy(G, weight=None):
    """The documented eigenvector rule computed with networkx components and numpy's eigh:
    each component's leading eigenpair; components whose eigenvalue ties the largest share
    ``sum_c <1, v_c> v_c``, normalised; the others get 0."""
    n = G.number_of_nodes()
    A = nx.to_numpy_array(G, nodelist=range(n), weight=weight)
    pairs = []
    for comp in nx.connected_components(G):
        idx = np.array(sorted(comp))
        vals, vecs = np.linalg.eigh(A[np.ix_(idx, idx)])
        v = vecs[:, -1] * np.sign(vecs[:, -1].sum())
        pairs.append((vals[-1], idx, v))
    best = max(p[0] for p in pairs)
    x = np.zeros(n)
    for lam, idx, v in pairs:
        if lam >= best * (1 - 1e-9):
            x[idx] = v.sum() * v
    return x / np.linalg.norm(x)


@pytest.mark.parametrize("seed", range(8))
def test_eigenvector_dense_small_path_equals_numpy(seed):
    # the compiled dense path (perron_vector_csr): one or several components, ties, weights
    rng = np.random.default_rng(seed)
    G = nx.disjoint_union_all([nx.gnm_random_graph(k, 2 * k, seed=int(rng.integers(1e6)))
                               for k in rng.integers(2, 40, size=int(rng.integers(1, 4)))])
    if seed % 3 == 0:  # two identical components: tied leading eigenvalues
        G = nx.disjoint_union(G, G)
    if seed % 2:
        for u, v in G.edges:
            G.edges[u, v]["w"] = float(rng.uniform(0.5, 3.0))
    G.remove_nodes_from([v for v in list(G) if G.degree(v) == 0][:1])
    G = nx.convert_node_labels_to_integers(G)
    g = nc.as_graph(G)
    got = C.eigenvector(g, weight="w" if seed % 2 else None)
    exp = _perron_rule_numpy(G, weight="w" if seed % 2 else None)
    np.testing.assert_allclose(got.to_numpy(), exp, atol=1e-12)
