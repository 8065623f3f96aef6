"""Key players: objectives vs networkx / networkit and brute force; exhaustive optima."""

from __future__ import annotations

import itertools

import networkit as nk
import networkx as nx
import numpy as np
import pytest

import netcrime as nc
from netcrime.keyplayer import (
    distance_fragmentation,
    distance_reach,
    fragmentation,
    key_players,
    reach,
)


def _graphs():
    out = [
        ("karate", nx.karate_club_graph()),
        ("kite", nx.krackhardt_kite_graph()),
        ("florentine", nx.florentine_families_graph()),
        ("gnp_disconnected", nx.gnp_random_graph(30, 0.06, seed=1)),
        ("digraph", nx.gnp_random_graph(25, 0.1, seed=2, directed=True)),
        ("digraph_sparse", nx.gnp_random_graph(25, 0.05, seed=3, directed=True)),
    ]
    return out


GRAPHS = _graphs()
IDS = [name for name, _ in GRAPHS]


def _nx_fragmentation(G, S):
    H = G.copy()
    H.remove_nodes_from(S)
    n = H.number_of_nodes()
    if G.is_directed():
        r = sum(len(nx.descendants(H, v)) for v in H)
    else:
        r = sum(len(c) * (len(c) - 1) for c in nx.connected_components(H))
    return 1 - r / (n * (n - 1))


def _nx_distance_fragmentation(G, S):
    H = G.copy()
    H.remove_nodes_from(S)
    n = H.number_of_nodes()
    if not G.is_directed():
        return 1 - nx.global_efficiency(H)  # mean 1/d over ordered pairs
    inv = sum(1 / d for v in H for u, d in nx.single_source_shortest_path_length(H, v).items()
              if u != v)
    return 1 - inv / (n * (n - 1))


def _sets(G, rng, count=6, size=3):
    nodes = list(G)
    return [list(rng.choice(len(nodes), size=size, replace=False)) for _ in range(count)]


@pytest.mark.parametrize("name,G", GRAPHS, ids=IDS)
def test_fragmentation_vs_networkx(name, G):
    rng = np.random.default_rng(0)
    nodes = list(G)
    assert fragmentation(G) == pytest.approx(_nx_fragmentation(G, []), abs=1e-12)
    for idx in _sets(G, rng):
        S = [nodes[i] for i in idx]
        assert fragmentation(G, removed=S) == pytest.approx(_nx_fragmentation(G, S), abs=1e-12)
        assert distance_fragmentation(G, removed=S) == pytest.approx(
            _nx_distance_fragmentation(G, S), abs=1e-12)


@pytest.mark.parametrize("name,G", GRAPHS, ids=IDS)
def test_reach_vs_networkit_and_networkx(name, G):
    rng = np.random.default_rng(1)
    nodes = list(G)
    H = nk.nxadapter.nx2nk(G)  # networkit ids follow G's node order
    N = G.number_of_nodes()
    for size in (1, 2, 4):
        for idx in _sets(G, rng, count=4, size=size):
            S = [nodes[i] for i in idx]
            gd = nk.centrality.GroupDegree(H, size, False).scoreOfGroup([int(i) for i in idx])
            assert reach(G, players=S, max_distance=1) == gd
            ghc = nk.centrality.GroupHarmonicCloseness.scoreOfGroup(H, [int(i) for i in idx])
            assert distance_reach(G, players=S) == pytest.approx(ghc / N, rel=1e-12)
            assert distance_reach(G, players=S, normalizer="n_minus_k") == pytest.approx(
                ghc / (N - size), rel=1e-12)
            # m-reach by brute force: nodes within m steps of the set, out-distances
            dist = nx.multi_source_dijkstra_path_length(G, set(S), weight=lambda u, v, d: 1)
            for m in (2, 3):
                ref = sum(1 for v, d in dist.items() if 0 < d <= m)
                assert reach(G, players=S, max_distance=m) == ref


def test_objective_closed_forms_and_errors():
    P = nx.path_graph(5)
    # removing the middle of P5 leaves two P2: 4 ordered reachable pairs of 12
    assert fragmentation(P, removed=[2]) == pytest.approx(1 - 4 / 12)
    assert fragmentation(nx.complete_graph(5), removed=[0, 1]) == 0.0
    assert fragmentation(nx.empty_graph(4)) == 1.0
    assert distance_fragmentation(nx.empty_graph(4)) == 1.0
    assert reach(nx.star_graph(5), players=[1], max_distance=1) == 1
    assert reach(nx.star_graph(5), players=[1], max_distance=2) == 5
    with pytest.raises(nc.UndefinedMetricError):
        fragmentation(P, removed=[0, 1, 2, 3])
    with pytest.raises(nc.NodeNotFoundError):
        reach(P, players=["x"])
    with pytest.raises(nc.ParameterError, match="'max_distance' parameter of reach"):
        reach(P, players=[0], max_distance=0)
    with pytest.raises(nc.ParameterError, match="'players' parameter of distance_reach"):
        distance_reach(P, players=[])
    with pytest.raises(nc.ParameterError, match="'k' parameter of key_players"):
        key_players(P, k=4, objective="fragmentation")


def _brute_best(G, k, objective, m=1):
    nodes = list(G)
    f = {
        "fragmentation": lambda S: fragmentation(G, removed=S),
        "distance_fragmentation": lambda S: distance_fragmentation(G, removed=S),
        "reach": lambda S: reach(G, players=S, max_distance=m),
        "distance_reach": lambda S: distance_reach(G, players=S),
    }[objective]
    return max(f(list(S)) for S in itertools.combinations(nodes, k))


SMALL = [
    ("kite", nx.krackhardt_kite_graph()),
    ("florentine", nx.florentine_families_graph()),
    ("barbell", nx.barbell_graph(4, 2)),
    ("gnp", nx.gnp_random_graph(14, 0.2, seed=7)),
    ("digraph", nx.gnp_random_graph(12, 0.18, seed=8, directed=True)),
]


@pytest.mark.parametrize("name,G", SMALL, ids=[s for s, _ in SMALL])
@pytest.mark.parametrize("objective", ["fragmentation", "distance_fragmentation", "reach",
                                       "distance_reach"])
@pytest.mark.parametrize("k", [2, 3])
def test_key_players_finds_exhaustive_optimum(name, G, objective, k):
    res = key_players(G, k=k, objective=objective, restarts=4, rng=11)
    best = _brute_best(G, k, objective)
    assert res.value == pytest.approx(best, abs=1e-12)
    assert len(set(res.players)) == k
    # the reported value is the objective of the reported set
    f = {
        "fragmentation": lambda S: fragmentation(G, removed=S),
        "distance_fragmentation": lambda S: distance_fragmentation(G, removed=S),
        "reach": lambda S: reach(G, players=S),
        "distance_reach": lambda S: distance_reach(G, players=S),
    }[objective]
    assert f(res.players) == pytest.approx(res.value, abs=1e-12)


def test_key_players_history_and_reproducibility():
    G = nx.karate_club_graph()
    a = key_players(G, k=3, objective="distance_fragmentation", restarts=3, rng=5)
    b = key_players(G, k=3, objective="distance_fragmentation", restarts=3, rng=5)
    assert a.players == b.players and a.value == b.value
    h = a.history
    assert list(h.columns) == ["restart", "step", "phase", "value", "players"]
    assert set(h["restart"]) == {0, 1, 2}
    assert h.loc[h["restart"] == 0, "phase"].iloc[0] == "greedy"
    # values never decrease along a restart's local search, and the best is reported
    for _, part in h.groupby("restart"):
        assert np.all(np.diff(part["value"].to_numpy()) > 0)
    assert a.value == pytest.approx(h["value"].max())
    # karate: the two faction leaders (0 and 33) are the unique best 1-reach pair
    # (29 of the 32 others are their neighbours; exhaustive check: next best is 25)
    rc = key_players(G, k=2, objective="reach", rng=0)
    assert set(rc.players) == {0, 33} and rc.value == 29


def test_key_players_sampled_objective():
    # with sample >= the number of remaining nodes the estimate is exact; with a smaller
    # sample the reported value estimates the true objective of the reported set
    G = nx.connected_watts_strogatz_graph(120, 4, 0.1, seed=3)
    exact = key_players(G, k=2, objective="distance_fragmentation", restarts=1, rng=1)
    assert not exact.sampled
    s = key_players(G, k=2, objective="distance_fragmentation", restarts=1, n_pivots=60, rng=1)
    assert s.sampled
    true_val = distance_fragmentation(G, removed=s.players)
    assert abs(s.value - true_val) < 0.05
    assert true_val >= exact.value - 0.05


def test_large_cycle_closed_forms():
    # n = 2001 (the parallel all-pairs BFS path): on the cycle C_n every node has two others
    # at each distance 1..1000, so sum_{i != j} 1/d = 2 n H_1000 and
    # DF = 1 - 2 H_1000 / (n - 1). Removing one node of a *directed* cycle leaves a directed
    # path: n'(n'-1)/2 of the n'(n'-1) ordered pairs are reachable, F = 1/2.
    n = 2001
    C = nc.Graph.from_arrays(n, np.arange(n), (np.arange(n) + 1) % n, directed=False)
    H = sum(1 / d for d in range(1, 1001))
    assert distance_fragmentation(C) == pytest.approx(1 - 2 * H / (n - 1), rel=1e-12)
    D = nc.Graph.from_arrays(n + 1, np.arange(n + 1), (np.arange(n + 1) + 1) % (n + 1),
                             directed=True)
    assert fragmentation(D) == 0.0
    assert fragmentation(D, removed=[0]) == pytest.approx(0.5, rel=1e-12)
    # and the same through the search's serial kernel
    from netcrime import _core as K

    alive = np.ones(n + 1, bool)
    alive[0] = False
    reached, _, _, n_alive = K.distance_pair_sums_serial(D.indptr, D.indices, alive)
    assert reached == n_alive * (n_alive - 1) / 2
