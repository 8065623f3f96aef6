"""Strategies (registry, one Strategy class, strategy == metric of the same name) and the
residual view of netcrime.disruption."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from scipy.sparse import csr_array
from scipy.sparse.csgraph import connected_components

import netcrime as nc
from netcrime.disruption.residual import Residual
from netcrime.exceptions import ParameterError

D = nc.disruption
RNG = np.random.default_rng(0)


def graph_with_loops(directed: bool, seed: int = 3) -> nc.Graph:
    """A random graph with self-loops, weights and lengths."""
    rng = np.random.default_rng(seed)
    n, m = 30, 70
    src = rng.integers(0, n, m)
    dst = rng.integers(0, n, m)
    src = np.r_[src, [2, 5, 9]]
    dst = np.r_[dst, [2, 5, 9]]
    g = nc.Graph.from_arrays(n, src, dst, directed=directed, multiedges="first",
                             edge_attrs={"weight": rng.integers(1, 5, len(src)).astype(float)})
    assert (g.edge_array()[0] == g.edge_array()[1]).any()  # loops are kept
    return g


# ---------------------------------------------------------------------------- registry
def test_registry_rejects_unknown_parameter_with_the_template():
    with pytest.raises(ParameterError, match=r"The 'k' parameter of strategy\(\) must be a "
                       r"parameter of strategy 'degree' \(it accepts weight\)\. Got 3"):
        D.strategy("degree", k=3)
    with pytest.raises(ParameterError, match=r"it accepts no parameters"):
        D.strategy("corehd", radius=2)
    with pytest.raises(ParameterError, match=r"The 'l' parameter of strategy\(\).*radius"):
        D.strategy("ci", l=2)  # 0.1's name; now radius=
    with pytest.raises(ParameterError, match=r"The 'k' parameter of strategy\(\).*n_pivots"):
        D.strategy("betweenness", k=5)  # 0.1's name; now n_pivots=
    with pytest.raises(ParameterError, match=r"'name' parameter of strategy\(\)"):
        D.strategy("nonsense")
    with pytest.raises(ParameterError, match=r"'alpha' parameter of strategy\(\)"):
        D.strategy("katz_direct")  # the variant states its alpha
    with pytest.raises(ParameterError, match=r"'k' parameter of edge_strategy\(\).*n_pivots"):
        D.edge_strategy("betweenness", k=5)
    assert set(D.STRATEGIES) >= {"degree", "betweenness", "katz", "katz_direct", "corehd"}


def test_one_strategy_class_for_nodes_and_ties():
    node = D.strategy("degree")
    tie = D.edge_strategy("weight")
    assert type(node) is type(tie) is D.Strategy
    assert (node.target, tie.target) == ("node", "edge")
    assert not hasattr(D, "EdgeStrategy")
    with pytest.raises(ParameterError, match=r"'strategy' parameter of attack\(\)"):
        D.attack(nx.path_graph(4), strategy=tie)
    with pytest.raises(ParameterError, match=r"'strategy' parameter of attack_edges\(\)"):
        D.attack_edges(nx.path_graph(4), strategy=node)
    with pytest.raises(ParameterError, match="target"):
        D.Strategy("x", lambda g, rng: None, target="tie")


def test_wrong_number_of_scores_goes_through_the_template():
    g = nc.as_graph(nx.path_graph(4))
    bad = D.Strategy("short", lambda g, rng: np.zeros(2))
    with pytest.raises(ParameterError, match=r"'strategy' parameter of Strategy\.scores\(\) "
                       r"must be a scoring rule that returns one score per node \(4\)\. "
                       r"Got 2 scores from strategy 'short'"):
        bad.scores(g, RNG)
    bad_e = D.Strategy("short", lambda g, rng: np.zeros(1), target="edge")
    with pytest.raises(ParameterError, match=r"one score per edge \(3\)"):
        bad_e.scores(g, RNG)


def test_everything_after_the_graph_is_keyword_only():
    G = nx.path_graph(4)
    with pytest.raises(TypeError):
        D.attack(G, "degree")
    with pytest.raises(TypeError):
        D.attack_edges(G, "betweenness")
    with pytest.raises(TypeError):
        D.compare_strategies(G, ["degree"])


def test_registered_strategies_pickle_as_their_call():
    import pickle

    s = pickle.loads(pickle.dumps(D.strategy("ci", radius=2)))
    assert repr(s) == "Strategy('collective_influence', radius=2)"


# ---------------------------------------------------------------------------- strategy = metric
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_degree_strategy_is_centrality_degree(directed, weight):
    g = graph_with_loops(directed)
    got = D.strategy("degree", weight=weight).scores(g, RNG)
    np.testing.assert_array_equal(got, nc.centrality.degree(g, weight=weight).to_numpy())
    np.testing.assert_array_equal(D.strategy("strength").scores(g, RNG),
                                  nc.centrality.degree(g, weight="weight").to_numpy())


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("distance", [None, "weight"])
def test_betweenness_strategy_is_centrality_betweenness(directed, distance):
    g = graph_with_loops(directed)
    got = D.strategy("betweenness", distance=distance).scores(g, RNG)
    want = nc.centrality.betweenness(g, normalized=False, distance=distance).to_numpy()
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_katz_strategy_is_centrality_katz(directed, weight):
    g = graph_with_loops(directed)
    got = D.strategy("katz", weight=weight).scores(g, RNG)
    np.testing.assert_array_equal(got, nc.centrality.katz(g, weight=weight).to_numpy())
    got = D.strategy("katz", alpha=0.01, beta=2.0, weight=weight).scores(g, RNG)
    want = nc.centrality.katz(g, alpha=0.01, beta=2.0, weight=weight).to_numpy()
    np.testing.assert_array_equal(got, want)


def test_katz_direct_is_networkx_katz_numpy():
    G = nx.karate_club_graph()
    got = D.strategy("katz_direct", alpha=0.1, weight="weight").scores(nc.as_graph(G), RNG)
    ref = nx.katz_centrality_numpy(G, alpha=0.1, weight="weight")
    # networkx solves the same system (alpha above 1/rho here, no convergent series); on a
    # small graph katz_direct uses the same arithmetic (dense solve, x / (sign(sum) ||x||)),
    # bit for bit, so exact tie comparisons (attack(tie_tol=0)) rank as networkx does
    ref = np.array([ref[v] for v in G])
    np.testing.assert_array_equal(got, ref)


def test_self_loop_degree_semantics_fixed_in_every_path():
    # 0.2 fix: a self-loop counts twice in the degree strategy, as in centrality.degree
    # (0.1 used Graph.degree(), a loop once). Node 0: neighbours 1, 2, 3 and a loop = 5
    # (0.1: 4); node 1: neighbours 0, 5, 6, 7 = 4. 0.1 saw a tie at 4 and, with
    # tie_break="last", removed 1 first; 0.2 removes 0 (score 5) in every path.
    g = nc.Graph.from_arrays(8, [0, 0, 0, 0, 1, 1, 1], [0, 1, 2, 3, 5, 6, 7], directed=False)
    assert nc.centrality.degree(g).tolist()[:2] == [5.0, 4.0]
    for mode, kw in (("static", {}), ("adaptive", {}), ("adaptive", {"lcc_only": True}),
                     ("block", {"block_size": 2})):
        res = D.attack(g, strategy="degree", mode=mode, tie_break="last", max_removals=2,
                       **kw)
        assert res.curve["node"].iloc[1] == 0, (mode, kw)
        assert res.curve["score"].iloc[1] == 5.0, (mode, kw)


# ---------------------------------------------------------------------------- residual view
def scipy_partition(g: nc.Graph, alive: np.ndarray) -> set[frozenset]:
    src, dst = g.edge_array()
    ok = alive[src] & alive[dst]
    a = csr_array((np.ones(int(ok.sum())), (src[ok], dst[ok])), shape=(g.n_nodes,) * 2)
    _, lab = connected_components(a, directed=g.directed, connection="weak")
    alive_pos = np.flatnonzero(alive)
    return {frozenset(alive_pos[lab[alive_pos] == c].tolist())
            for c in np.unique(lab[alive_pos])}


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_residual_components_equal_scipy_after_random_removals(directed, seed):
    rng = np.random.default_rng(seed)
    n = 60
    g = nc.Graph.from_arrays(n, rng.integers(0, n, 80), rng.integers(0, n, 80),
                             directed=directed, multiedges="first")
    res = Residual(g)
    for v in rng.permutation(n)[:45]:
        before = res.labels[v]
        members = res.remove(int(v))
        assert not res.alive[v] and res.labels[v] == -1
        assert set(members.tolist()) <= set(np.flatnonzero(res.alive).tolist())
        assert before >= 0
        ours = {frozenset(np.flatnonzero(res.labels == c).tolist())
                for c in np.unique(res.labels[res.alive])}
        assert ours == scipy_partition(g, res.alive)
        sizes = sorted((len(c) for c in ours), reverse=True)
        stats = res.component_stats()
        assert stats["lcc"] == sizes[0]
        assert stats["n_components"] == len(sizes)
        # lcc_mask: the largest component holding the lowest position
        lcc = min((c for c in ours if len(c) == sizes[0]), key=min)
        assert set(np.flatnonzero(res.lcc_mask()).tolist()) == lcc
        # the Graph is built on request and equals the graph minus the removed nodes
        h = res.graph()
        assert list(h.nodes) == list(g.nodes[res.alive])


def test_residual_does_not_touch_the_graph():
    g = nc.as_graph(nx.karate_club_graph())
    before = (g.indptr.copy(), g.indices.copy())
    res = Residual(g)
    res.remove(0)
    res.remove(33)
    np.testing.assert_array_equal(g.indptr, before[0])
    np.testing.assert_array_equal(g.indices, before[1])
    assert g.n_nodes == 34


def test_block_mode_with_lcc_only_removes_the_block_even_when_scores_are_nan():
    # 0.2 fix: a block member whose score is NaN is removed as queued. 0.1 then fell back
    # to the tie key among *all* nodes and left the largest component: here it removed
    # 0 and 1 (the triangle) instead of 3 and 4 (the largest component, the path 3-6).
    g = nc.Graph.from_arrays(7, [0, 1, 0, 3, 4, 5], [1, 2, 2, 4, 5, 6], directed=False)
    res = D.attack(g, strategy=lambda h: np.full(h.n_nodes, np.nan), mode="block",
                   lcc_only=True, block_size=2, max_removals=2)
    assert res.curve["node"].iloc[1:].tolist() == [3, 4]
    assert res.curve["lcc"].tolist() == [4, 3, 3]
