"""Burt's structural holes and ego betweenness vs networkx (per-node code path) and igraph."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.brokerage import constraint, effective_size, efficiency, ego_betweenness, hierarchy


def _random_nx(n, p, *, directed, weighted, loops=False, seed=0):
    rng = np.random.default_rng(seed)
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for i in range(n):
        for j in range(n):
            if (i == j and not loops) or (not directed and j < i):
                continue
            if rng.random() < (p if i != j else 0.3):
                if weighted:
                    G.add_edge(i, j, weight=float(rng.integers(1, 6)) / 2)
                else:
                    G.add_edge(i, j)
    return G


SPECS = [
    (directed, weighted, seed)
    for directed in (False, True)
    for weighted in (False, True)
    for seed in range(3)
]


def _igraph_constraint(G, weighted):
    h = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()), directed=G.is_directed())
    w = [d["weight"] for _, _, d in G.edges(data=True)] if weighted else None
    return np.array(h.constraint(weights=w), float)


@pytest.mark.parametrize("directed,weighted,seed", SPECS)
@pytest.mark.parametrize("loops", [False, True])
def test_constraint_vs_igraph(directed, weighted, seed, loops):
    G = _random_nx(30, 0.12, directed=directed, weighted=weighted, loops=loops, seed=seed)
    G.add_node(99)  # an isolate: NaN in both
    got = constraint(G, weight="weight" if weighted else None)
    ref = _igraph_constraint(G, weighted)
    # igraph gives 0 to a node whose only tie is a self-loop; netcrime excludes loops and
    # gives the resulting isolate NaN (library-wide NaN rule)
    loop_only = [i for i, v in enumerate(G) if set(nx.all_neighbors(G, v)) <= {v}]
    ref[loop_only] = np.nan
    np.testing.assert_allclose(got.to_numpy(), ref, rtol=1e-12, equal_nan=True)
    assert np.isnan(got[99])


@pytest.mark.parametrize("directed,weighted,seed", SPECS)
def test_constraint_and_effective_size_vs_networkx_per_node(directed, weighted, seed):
    # networkx's per-node code path (nodes=... given) is correct; its vectorised path
    # (nodes=None) is wrong for effective size on weighted/directed graphs. networkx counts
    # self-loops as contacts, netcrime (like igraph) does not, so these graphs have none.
    G = _random_nx(25, 0.15, directed=directed, weighted=weighted, seed=seed + 10)
    G.add_node("iso")
    w = "weight" if weighted else None
    nodes = list(G)
    ref_c = nx.constraint(G, nodes=nodes, weight=w)
    ref_es = nx.effective_size(G, nodes=nodes, weight=w)
    # networkx's per-node path tests G[v] (successors only) for isolation, so on digraphs it
    # returns NaN for nodes with in-arcs only; evaluate its own per-node formulas for those.
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    for v in nodes:
        nb = set(nx.all_neighbors(G, v)) - {v}
        if nb and G.is_directed() and G.out_degree(v) == 0:
            ref_c[v] = sum(nx.local_constraint(G, v, j, weight=w) for j in nb)
            ref_es[v] = sum(
                1 - sum(nmw(G, v, q, weight=w) * nmw(G, j, q, norm=max, weight=w) for q in nb)
                for j in nb
            )
    c = constraint(G, weight=w)
    es = effective_size(G, weight=w)
    eff = efficiency(G, weight=w)
    np.testing.assert_allclose(c.to_numpy(), [ref_c[v] for v in nodes], rtol=1e-12,
                               equal_nan=True)
    np.testing.assert_allclose(es.to_numpy(), [ref_es[v] for v in nodes], rtol=1e-12,
                               equal_nan=True)
    k = np.array([len(set(nx.all_neighbors(G, v))) for v in nodes], float)
    with np.errstate(invalid="ignore"):
        np.testing.assert_allclose(eff.to_numpy(), np.array([ref_es[v] for v in nodes]) / k,
                                   rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize("directed,weighted", [(False, False), (True, True)])
def test_self_loops_are_excluded_from_every_burt_measure(directed, weighted):
    # netcrime excludes self-loops (igraph's rule; networkx would count a loop as a contact),
    # so on a graph with loops every measure equals networkx's per-node value on the same
    # graph without its loops.
    G = _random_nx(20, 0.2, directed=directed, weighted=weighted, loops=True, seed=7)
    assert nx.number_of_selfloops(G) > 0
    H = G.copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    w = "weight" if weighted else None
    nodes = [v for v in H if H.out_degree(v) > 0] if directed else list(H)
    ref_c = nx.constraint(H, nodes=nodes, weight=w)
    ref_es = nx.effective_size(H, nodes=nodes, weight=w)
    c, es = constraint(G, weight=w), effective_size(G, weight=w)
    eff = efficiency(G, weight=w)
    for v in nodes:
        k = len(set(nx.all_neighbors(H, v)))
        assert c[v] == pytest.approx(ref_c[v], rel=1e-12)
        assert es[v] == pytest.approx(ref_es[v], rel=1e-12)
        assert eff[v] == pytest.approx(ref_es[v] / k, rel=1e-12)


@pytest.mark.parametrize("directed,weighted,seed", SPECS)
def test_hierarchy_vs_local_constraints(directed, weighted, seed):
    # H_i = sum_j r_j ln r_j / (k ln k), r_j = c_ij / (C_i / k), with c_ij networkx's
    # local_constraint.
    G = _random_nx(20, 0.2, directed=directed, weighted=weighted, seed=seed + 20)
    G.add_edge(100, 0, **({"weight": 1.0} if weighted else {}))  # one contact -> NaN
    w = "weight" if weighted else None
    h = hierarchy(G, weight=w)
    for v in G:
        nb = set(nx.all_neighbors(G, v))
        k = len(nb)
        if k < 2:
            assert np.isnan(h[v])
            continue
        lc = np.array([nx.local_constraint(G, v, j, weight=w) for j in nb])
        r = lc / (lc.sum() / k)
        assert h[v] == pytest.approx(float(np.sum(r * np.log(r)) / (k * math.log(k))),
                                     rel=1e-10, abs=1e-13)


def test_closed_forms():
    # star with k leaves: hub constraint 1/k, effective size k, efficiency 1, hierarchy 0;
    # leaves: constraint 1, effective size 1, hierarchy NaN (one contact).
    for k in (2, 3, 7):
        S = nx.star_graph(k)
        c = constraint(S)
        assert c[0] == pytest.approx(1 / k)
        assert (c[1:] == 1).all()
        assert effective_size(S)[0] == pytest.approx(k)
        assert efficiency(S)[0] == pytest.approx(1.0)
        assert hierarchy(S)[0] == pytest.approx(0.0, abs=1e-15)
        assert hierarchy(S)[1:].isna().all()
    # complete graph K_n: every contact redundant; Borgatti ES = k - 2t/k = (n-1) - (n-2)
    # = 1; constraint = (n-1) * (1/(n-1) + (n-2)/(n-1)^2)^2
    for n in (3, 5):
        K = nx.complete_graph(n)
        assert np.allclose(effective_size(K), 1.0)
        assert np.allclose(constraint(K), (n - 1) * (1 / (n - 1) + (n - 2) / (n - 1) ** 2) ** 2)
    # isolates and loop-only nodes: NaN everywhere
    G = nx.Graph()
    G.add_nodes_from([0, 1])
    G.add_edge(1, 1)
    for f in (constraint, effective_size, efficiency, hierarchy):
        assert f(G).isna().all()


def test_undirected_effective_size_is_borgatti():
    G = _random_nx(30, 0.2, directed=False, weighted=False, seed=5)
    es = effective_size(G)
    for v in G:
        nb = set(G[v])
        if not nb:
            continue
        t = G.subgraph(nb).number_of_edges()
        assert es[v] == pytest.approx(len(nb) - 2 * t / len(nb))


def test_mutual_weight_convention_directed():
    # a -> b (3), b -> a (1), a -> c (2): z_ab = 4, z_ac = 2 -> p_ab = 2/3, p_ac = 1/3;
    # no tie b-c: C_a = (2/3)^2 + (1/3)^2 = 5/9.
    e = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
                      "weight": [3.0, 1.0, 2.0]})
    g = nc.Graph.from_edges(e, directed=True, weight="weight")
    assert constraint(g, weight="weight")["a"] == pytest.approx(5 / 9)
    assert constraint(g)["a"] == pytest.approx((2 / 3) ** 2 + (1 / 3) ** 2)
    with pytest.raises(nc.ParameterError, match="'weight' parameter of constraint"):
        constraint(g, weight="nope")
    # strengths must be positive: a zero or negative tie weight is an error, not repaired
    bad = nc.Graph.from_edges(e.assign(weight=[3.0, 0.0, 2.0]), directed=True, weight="weight")
    for f in (constraint, effective_size, efficiency, hierarchy):
        with pytest.raises(nc.ParameterError,
                           match=rf"'weight' parameter of {f.__name__}\(\) must be the name of "
                                 r"an edge attribute of positive finite numbers. Got 'weight', "
                                 r"which is 0.0 on edge \('b', 'a'\)"):
            f(bad, weight="weight")


# ---------------------------------------------------------------------------- ego betweenness
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("p", [0.15, 0.5])
def test_ego_betweenness_vs_networkx_ego_graph(directed, seed, p):
    G = _random_nx(25, p, directed=directed, weighted=False, loops=True, seed=seed + 30)
    G.add_node("iso")
    eb = ego_betweenness(G)
    H = G.copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    for v in G:
        E = nx.ego_graph(H, v, undirected=True)
        ref = nx.betweenness_centrality(E, normalized=False)[v]
        assert eb[v] == pytest.approx(ref, abs=1e-12)


def test_ego_betweenness_closed_forms():
    # path: an interior node brokers its two neighbours only; star hub: C(k, 2) pairs
    assert ego_betweenness(nx.path_graph(5)).tolist() == [0, 1, 1, 1, 0]
    assert ego_betweenness(nx.star_graph(5))[0] == 10
    # directed star in -> hub -> out: 2 in x 3 out ordered pairs
    D = nx.DiGraph([(0, 9), (1, 9), (9, 2), (9, 3), (9, 4)])
    assert ego_betweenness(D)[9] == 6
    # 4-cycle: two neighbours of ego have another common neighbour, but it lies outside
    # ego's network, so ego takes the full pair
    assert ego_betweenness(nx.cycle_graph(4)).tolist() == [1, 1, 1, 1]
    # kite-like: ego 0 with neighbours 1, 2 that share neighbour 3 also adjacent to 0
    K = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)])
    assert ego_betweenness(K)[0] == pytest.approx(0.5)


@pytest.mark.parametrize("directed", [False, True])
def test_equivariant_under_relabelling_and_reordering(directed):
    # same network, nodes renamed and listed in another order: same value per node
    G = _random_nx(25, 0.15, directed=directed, weighted=True, seed=40)
    rng = np.random.default_rng(0)
    perm = rng.permutation(list(G))
    H = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(f"n{v}" for v in perm)
    H.add_edges_from((f"n{u}", f"n{v}", d) for u, v, d in G.edges(data=True))
    for f in (constraint, effective_size, efficiency, hierarchy):
        a = f(G, weight="weight")
        b = f(H, weight="weight")
        assert a.name == b.name == f.__name__
        assert list(b.index) == [f"n{v}" for v in perm]
        np.testing.assert_allclose(b.to_numpy(), a[perm].to_numpy(), rtol=1e-12,
                                   equal_nan=True)
    a = ego_betweenness(G)
    b = ego_betweenness(H)
    np.testing.assert_allclose(b.to_numpy(), a[perm].to_numpy(), rtol=1e-12)
