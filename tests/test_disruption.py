"""Tests of netcrime.disruption against naive networkx loops and closed forms."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netcrime as nc
from netcrime._core import (
    adaptive_degree_order,
    edge_removal_curve,
    neighbour_csr,
    removal_curve,
)
from netcrime.exceptions import ParameterError

D = nc.disruption


# ---------------------------------------------------------------------------- naive references
def naive_components(G: nx.Graph) -> dict:
    comps = (nx.weakly_connected_components(G) if G.is_directed()
             else nx.connected_components(G))
    sizes = sorted((len(c) for c in comps), reverse=True)
    return {"lcc": sizes[0] if sizes else 0, "second": sizes[1] if len(sizes) > 1 else 0,
            "n_components": len(sizes),
            "reachable_pairs": sum(s * (s - 1) // 2 for s in sizes)}


def naive_curve(G: nx.Graph, order: list) -> pd.DataFrame:
    H = G.copy()
    rows = [naive_components(H)]
    for v in order:
        H.remove_node(v)
        rows.append(naive_components(H))
    return pd.DataFrame(rows)


RTOL = 1e-9


def naive_pick(scores: dict, nodes: list, rule: str = "first"):
    """Highest score; ties within 1e-9 relative; then lowest/highest position."""
    best = max(scores.values())
    tied = [v for v in nodes if v in scores and scores[v] >= best - (RTOL * abs(best) + 1e-12)]
    return tied[0] if rule == "first" else tied[-1]


def naive_adaptive(G: nx.Graph, score, k: int, rule: str = "first") -> list:
    H = G.copy()
    nodes = list(G.nodes)
    out = []
    for _ in range(k):
        v = naive_pick(score(H), nodes, rule)
        out.append(v)
        H.remove_node(v)
    return out


def ci_nx(H: nx.Graph, ell: int = 1) -> dict:
    out = {}
    for i in H:
        dist = nx.single_source_shortest_path_length(H, i, cutoff=ell)
        boundary = [j for j, d in dist.items() if d == ell]
        out[i] = (H.degree(i) - 1) * sum(H.degree(j) - 1 for j in boundary)
    return out


def random_graph(n, m, seed, directed=False):
    return nx.gnm_random_graph(n, m, seed=seed, directed=directed)


# ---------------------------------------------------------------------------- union-find
@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 30), dens=st.floats(0, 0.3), seed=st.integers(0, 10_000),
       directed=st.booleans(), frac=st.floats(0, 1))
def test_union_find_curve_equals_naive_recompute(n, dens, seed, directed, frac):
    m = int(dens * n * (n - 1) / 2)
    G = random_graph(n, m, seed, directed)
    g = nc.as_graph(G)
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)[: int(frac * n)]
    if directed:
        ip, ix, _ = g.in_csr()
        p, i = neighbour_csr(g.indptr, g.indices, True, ip, ix)
    else:
        p, i = neighbour_csr(g.indptr, g.indices, False)
    lcc, sec, nc_, pairs = removal_curve(p, i, order.astype(np.int64))
    ref = naive_curve(G, [g.nodes[v] for v in order])
    np.testing.assert_array_equal(lcc, ref["lcc"])
    np.testing.assert_array_equal(sec, ref["second"])
    np.testing.assert_array_equal(nc_, ref["n_components"])
    np.testing.assert_array_equal(pairs, ref["reachable_pairs"])


@pytest.mark.parametrize("directed", [False, True])
def test_static_attack_curve_equals_naive(directed):
    G = random_graph(80, 160, 3, directed)
    res = D.attack(G, strategy="random", rng=7)
    order = res.curve["node"].iloc[1:].tolist()
    assert sorted(order) == sorted(G.nodes)  # a permutation of all nodes
    ref = naive_curve(G, order)
    for col in ("lcc", "second", "n_components", "reachable_pairs"):
        np.testing.assert_array_equal(res.curve[col], ref[col])
    np.testing.assert_allclose(res.curve["lcc_frac"], ref["lcc"] / ref["lcc"][0])


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 25), dens=st.floats(0, 0.4), seed=st.integers(0, 10_000),
       directed=st.booleans())
def test_edge_union_find_equals_naive(n, dens, seed, directed):
    m = int(dens * n * (n - 1) / 2)
    G = random_graph(n, m, seed, directed)
    g = nc.as_graph(G)
    src, dst = g.edge_array()
    order = np.random.default_rng(seed).permutation(g.n_edges)
    lcc, sec, nc_, pairs = edge_removal_curve(n, np.asarray(src), np.asarray(dst), order)
    H = G.copy()
    rows = [naive_components(H)]
    for e in order:
        H.remove_edge(g.nodes[src[e]], g.nodes[dst[e]])
        rows.append(naive_components(H))
    ref = pd.DataFrame(rows)
    np.testing.assert_array_equal(lcc, ref["lcc"])
    np.testing.assert_array_equal(sec, ref["second"])
    np.testing.assert_array_equal(nc_, ref["n_components"])
    np.testing.assert_array_equal(pairs, ref["reachable_pairs"])


# ---------------------------------------------------------------------------- adaptive orders
@pytest.mark.parametrize("rule", ["first", "last"])
@pytest.mark.parametrize("seed", range(4))
def test_adaptive_degree_bucket_queue_equals_naive(seed, rule):
    G = random_graph(60, 110, seed)
    res = D.attack(G, strategy="degree", mode="adaptive", tie_break=rule)
    ref = naive_adaptive(G, lambda H: dict(H.degree()), 60, rule)
    assert res.curve["node"].iloc[1:].tolist() == ref
    # scores = degree at removal time
    H = G.copy()
    for v, s in zip(ref, res.curve["score"].iloc[1:]):
        assert H.degree(v) == s
        H.remove_node(v)


def test_adaptive_degree_directed_uses_in_plus_out():
    G = random_graph(40, 120, 5, directed=True)
    res = D.attack(G, strategy="degree", mode="adaptive", max_removals=25)
    ref = naive_adaptive(G, lambda H: dict(H.degree()), 25)
    assert res.curve["node"].iloc[1:].tolist() == ref
    p, i = neighbour_csr(*(lambda g: (g.indptr, g.indices, True, *g.in_csr()[:2]))(
        nc.as_graph(G)))
    order, _ = adaptive_degree_order(p, i, np.arange(40), 25)
    assert [list(G.nodes)[v] for v in order] == ref


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("weighted", [False, True])
def test_adaptive_betweenness_equals_naive_networkx(seed, weighted):
    G = nx.connected_watts_strogatz_graph(50, 4, 0.2, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.integers(1, 4))
    w = "weight" if weighted else None
    strat = D.strategy("betweenness", distance=w)
    res = D.attack(G, strategy=strat, mode="adaptive", max_removals=30)
    ref = naive_adaptive(
        G, lambda H: nx.betweenness_centrality(H, normalized=False, weight=w), 30)
    assert res.curve["node"].iloc[1:].tolist() == ref
    # scores: centrality.betweenness(normalized=False) = networkx's unnormalised value
    # (0.1 recorded twice that, the ordered-pair sum; see test_strategy_is_the_metric)
    H = G.copy()
    for v, s in zip(ref[:5], res.curve["score"].iloc[1:6]):
        assert s == pytest.approx(nx.betweenness_centrality(H, normalized=False,
                                                                 weight=w)[v])
        H.remove_node(v)


def test_adaptive_betweenness_directed_and_lcc_only():
    G = random_graph(40, 90, 11, directed=True)
    res = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=15)
    ref = naive_adaptive(G, lambda H: nx.betweenness_centrality(H, normalized=False), 15)
    assert res.curve["node"].iloc[1:].tolist() == ref
    # lcc_only: every target lies in the current largest component
    U = nx.connected_watts_strogatz_graph(40, 4, 0.1, seed=2)
    res = D.attack(U, strategy="betweenness", mode="adaptive", lcc_only=True, max_removals=25)
    H = U.copy()
    pos = {v: i for i, v in enumerate(U.nodes)}
    for v in res.curve["node"].iloc[1:]:
        comps = list(nx.connected_components(H))
        big = max(len(c) for c in comps)
        # the largest component; among equally large ones the one with the lowest position
        lcc = min((c for c in comps if len(c) == big), key=lambda c: min(pos[x] for x in c))
        assert v in lcc
        H.remove_node(v)
    # and the generic path (degree with lcc_only) obeys the same rule
    res = D.attack(U, strategy="degree", mode="adaptive", lcc_only=True, max_removals=25)
    H = U.copy()
    for v in res.curve["node"].iloc[1:]:
        comps = list(nx.connected_components(H))
        big = max(len(c) for c in comps)
        lcc = min((c for c in comps if len(c) == big), key=lambda c: min(pos[x] for x in c))
        assert v in lcc
        H.remove_node(v)


@pytest.mark.parametrize("ell", [1, 2, 3])
def test_adaptive_collective_influence_equals_naive(ell):
    G = random_graph(40, 70, 4)
    res = D.attack(G, strategy=D.strategy("ci", radius=ell), mode="adaptive", max_removals=20)
    ref = naive_adaptive(G, lambda H: ci_nx(H, ell), 20)
    assert res.curve["node"].iloc[1:].tolist() == ref


def test_collective_influence_formula_l1():
    G = nx.karate_club_graph()
    g = nc.as_graph(G)
    s = D.strategy("ci").scores(g, np.random.default_rng(0))
    ref = ci_nx(G, 1)
    np.testing.assert_allclose(s, [ref[v] for v in G.nodes])


def test_block_mode_equals_naive_block_loop():
    G = nx.connected_watts_strogatz_graph(40, 4, 0.3, seed=9)
    res = D.attack(G, strategy="betweenness", mode="block", block_size=4, max_removals=20)
    H = G.copy()
    ref = []
    nodes = list(G.nodes)
    while len(ref) < 20:
        sc = nx.betweenness_centrality(H, normalized=False)
        block = []
        for _ in range(4):
            v = naive_pick({k: x for k, x in sc.items() if k not in block}, nodes)
            block.append(v)
        ref.extend(block)
        H.remove_nodes_from(block)
    assert res.curve["node"].iloc[1:].tolist() == ref[:20]


def test_static_orders_equal_sorted_networkx_scores():
    G = nx.les_miserables_graph()
    G = nx.convert_node_labels_to_integers(G)
    bc = nx.betweenness_centrality(G, normalized=False)
    res = D.attack(G, strategy="betweenness", mode="static")
    nodes = list(G.nodes)
    rem = dict(bc)
    ref = []
    while rem:
        v = naive_pick(rem, nodes)
        ref.append(v)
        del rem[v]
    assert res.curve["node"].iloc[1:].tolist() == ref


def test_corehd_order_on_small_graph():
    # triangle 0-1-2, a path 2-3-4-5 and a hub 5 with four leaves: the 2-core is the
    # triangle, so CoreHD removes a triangle node first (ties: lowest position) although 5 has
    # the highest degree; then the 2-core is empty and the highest degree (5) follows
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (5, 7), (5, 8),
                  (5, 9)])
    res = D.attack(G, strategy="corehd", mode="adaptive", max_removals=2)
    assert res.curve["node"].iloc[1:].tolist() == [0, 5]
    assert D.attack(G, strategy="degree", max_removals=1).curve["node"].iloc[1] == 5


# ---------------------------------------------------------------------------- closed forms
@pytest.mark.parametrize("N", [3, 5, 10])
def test_star_degree_attack_closed_form(N):
    res = D.attack(nx.star_graph(N - 1), strategy="degree")
    c = res.curve
    assert c["node"].iloc[1] == 0
    np.testing.assert_array_equal(c["lcc"], [N] + [1] * (N - 1) + [0])
    np.testing.assert_array_equal(c["n_components"], [1, *range(N - 1, 0, -1), 0])
    assert res.robustness == pytest.approx((N - 1) / N**2)
    assert res.removals_to(0.5) == 1
    x = np.arange(N + 1) / N
    y = np.r_[1.0, np.full(N - 1, 1 / N), 0.0]
    assert res.auc() == pytest.approx(np.trapezoid(y, x))


def test_path_betweenness_attack_closed_form():
    # P_7: betweenness removes the centre (3), then the centres of the two P_3 halves
    res = D.attack(nx.path_graph(7), strategy="betweenness", mode="adaptive", max_removals=3)
    c = res.curve
    assert c["node"].iloc[1:].tolist() == [3, 1, 5]
    np.testing.assert_array_equal(c["lcc"], [7, 3, 3, 1])
    np.testing.assert_array_equal(c["second"], [0, 3, 1, 1])
    # unnormalised betweenness of the P_7 centre: 3 * 3 pairs (0.1: 18, ordered pairs)
    assert c["score"].iloc[1] == 9.0
    # random order on a path: robustness of any full attack on P_n is at least 1/n
    r = D.attack(nx.path_graph(7), strategy="random", rng=1)
    assert r.robustness >= 1 / 7


# ---------------------------------------------------------------------------- metrics
def test_metrics_equal_networkx_per_step():
    G = nx.connected_watts_strogatz_graph(30, 4, 0.3, seed=1)
    res = D.attack(G, strategy="degree", mode="adaptive", max_removals=12,
                   metrics=["lcc", "efficiency", "information", "tradeoff"])
    H = G.copy()
    for k, row in res.curve.iterrows():
        if k:
            H.remove_node(row["node"])
        assert row["efficiency"] == pytest.approx(nx.global_efficiency(H))
        big = H.subgraph(max(nx.connected_components(H), key=len))
        n, m = big.number_of_nodes(), big.number_of_edges()
        tot = sum(sum(d.values()) for _, d in nx.shortest_path_length(big))
        info = n * (n - 1) / tot
        assert row["information"] == pytest.approx(info)
        assert row["tradeoff"] == pytest.approx(info * (n * n - n - 2 * m) / (n * n))


def test_sampled_efficiency_is_seeded_and_close():
    G = nx.connected_watts_strogatz_graph(200, 6, 0.2, seed=3)
    eff = [D.Metric("efficiency", n_pivots=150)]
    a = D.attack(G, strategy="degree", max_removals=3, metrics=eff, rng=5)
    b = D.attack(G, strategy="degree", max_removals=3, metrics=eff, rng=5)
    pd.testing.assert_frame_equal(a.curve, b.curve)
    assert a.curve["efficiency"].iloc[0] == pytest.approx(nx.global_efficiency(G), rel=0.05)


def test_stage_completeness():
    G = nx.path_graph(5)
    stages = {0: "recruitment", 1: "transport", 2: "harbouring", 3: "exploitation",
              4: "recruitment"}
    g = nc.as_graph(G).with_node_attrs(stage=[stages[v] for v in G.nodes])
    def ends_first(h):
        return pd.Series([1.0 if v in (0, 4) else 0.0 for v in h.nodes], index=h.nodes)

    res = D.attack(g, strategy=ends_first, max_removals=3, metrics=["stage_completeness", "lcc"])
    # removing 0 keeps recruitment (node 4) connected to every stage; removing 4 too kills it
    np.testing.assert_array_equal(res.curve["stage_completeness"], [1.0, 1.0, 0.0, 0.0])


# ---------------------------------------------------------------------------- edge attacks
def test_edge_betweenness_adaptive_equals_naive():
    G = nx.connected_watts_strogatz_graph(25, 4, 0.3, seed=4)
    res = D.attack_edges(G, strategy="betweenness", mode="adaptive", max_removals=15)
    H = G.copy()
    g = nc.as_graph(G)
    src, dst = g.edge_array()
    eid = {frozenset((g.nodes[a], g.nodes[b])): i for i, (a, b) in enumerate(zip(src, dst))}
    for _, row in res.curve.iloc[1:].iterrows():
        eb = nx.edge_betweenness_centrality(H, normalized=False)
        best = max(eb.values())
        tied = sorted((eid[frozenset(e)] for e, x in eb.items()
                       if x >= best - (RTOL * best + 1e-12)))
        a, b = g.nodes[src[tied[0]]], g.nodes[dst[tied[0]]]
        assert {row["source"], row["target"]} == {a, b}
        assert row["score"] == pytest.approx(2 * best)
        H.remove_edge(a, b)
        assert row["lcc"] == naive_components(H)["lcc"]


def test_block_a_channel():
    # two offline cells joined only by online ties: blocking "online" splits them
    edges = pd.DataFrame({
        "source": ["a", "b", "c", "x", "y", "c", "b"],
        "target": ["b", "c", "a", "y", "z", "x", "y"],
        "channel": ["offline"] * 5 + ["online"] * 2,
    })
    g = nc.Graph.from_edges(edges, directed=False)
    res = D.attack_edges(
        g, strategy=D.edge_strategy("attribute", column="channel", values="online"))
    assert len(res.curve) == 3  # exactly the two online ties are cut
    assert set(zip(res.curve["source"].iloc[1:], res.curve["target"].iloc[1:])) == {
        ("b", "y"), ("c", "x")}
    np.testing.assert_array_equal(res.curve["lcc"], [6, 6, 3])
    np.testing.assert_array_equal(res.curve["n_components"], [1, 1, 2])
    assert res.robustness == pytest.approx((1.0 + 0.5) / 7)


def test_edge_weight_order():
    G = nx.Graph()
    G.add_weighted_edges_from([(0, 1, 5.0), (1, 2, 1.0), (2, 3, 3.0)])
    res = D.attack_edges(G, strategy="weight")
    assert list(zip(res.curve["source"].iloc[1:], res.curve["target"].iloc[1:])) == [
        (0, 1), (2, 3), (1, 2)]
    res = D.attack_edges(G, strategy=D.edge_strategy("weight", lowest=True), max_removals=1)
    assert (res.curve["source"].iloc[1], res.curve["target"].iloc[1]) == (1, 2)


# ---------------------------------------------------------------------------- recovery
def test_recovery_can_leave_network_more_efficient():
    """Duijn, Kashirin & Sloot (2014, Sci Rep 4:4238): after targeted removal plus recovery
    the network can be *more* efficient than before. A chain of 4-cliques (a Kenney chain
    of cells) loses its most central brokers; orphans rewire to the best-connected member
    of the removed node's role and close triads."""
    cells = [nx.complete_graph(range(4 * c, 4 * c + 4)) for c in range(6)]
    G = nx.union_all(cells)
    for c in range(5):
        G.add_edge(4 * c + 3, 4 * c + 4)  # one broker tie between consecutive cells
    roles = {v: ("broker" if v % 4 in (0, 3) else "member") for v in G}
    nx.set_node_attributes(G, roles, "role")
    e0 = nx.global_efficiency(G)
    rec = D.Recovery(p=1.0, replacement="degree", triadic_closure=0.5, rng=42)
    with_rec = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=3, recovery=rec,
                        metrics=["lcc", "efficiency"])
    without = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=3,
                       metrics=["lcc", "efficiency"])
    assert with_rec.curve["efficiency"].iloc[0] == pytest.approx(e0)
    assert with_rec.curve["efficiency"].iloc[-1] > e0          # healed network is better
    assert without.curve["efficiency"].iloc[-1] < e0           # plain removal hurts
    assert with_rec.curve["edges_added"].sum() == len(with_rec.recovery_log)
    # reproducible: same seed, same log
    again = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=3, recovery=rec,
                     metrics=["lcc", "efficiency"])
    pd.testing.assert_frame_equal(with_rec.recovery_log, again.recovery_log)


def test_recovery_log_matches_graph_and_roles():
    G = nx.karate_club_graph()
    roles = {v: ("leader" if v in (0, 33) else "member") for v in G}
    nx.set_node_attributes(G, roles, "role")
    rec = D.Recovery(p=1.0, replacement="random", rng=3)
    res = D.attack(G, strategy=D.role_order(["leader"]), max_removals=1, recovery=rec)
    log = res.recovery_log
    removed = res.curve["node"].iloc[1]
    assert removed == 33  # the leader with the highest degree goes first
    # every orphan of 33 rewired to the remaining leader 0 unless already tied to it
    orphans = set(G[33]) - {0}
    expected = {v for v in orphans if not G.has_edge(v, 0)}
    assert set(log["source"]) == expected and set(log["target"]) == {0}
    assert res.curve["edges_added"].iloc[1] == len(expected)


def test_recovery_recruit_takes_the_role():
    G = nx.star_graph(4)
    nx.set_node_attributes(G, {0: "leader", 1: "w", 2: "w", 3: "w", 4: "w"}, "role")
    rec = D.Recovery(p=1.0, recruit=1.0, rng=0)
    res = D.attack(G, strategy="degree", max_removals=1, recovery=rec)
    assert res.curve["nodes_added"].iloc[1] == 1
    assert res.curve["lcc"].iloc[1] == 5  # the recruit re-forms the star
    assert (res.recovery_log["kind"] == "recruit").sum() == 1


def _first(label):
    return lambda h: pd.Series([1.0 if v == label else 0.0 for v in h.nodes], index=h.nodes)


def test_recovery_distance_replacement_picks_the_nearest_role_holder():
    # o loses v (role r); two other holders of r: cn two steps from o, cf three steps.
    G = nx.Graph([("v", "o"), ("o", "x"), ("x", "cn"), ("o", "y"), ("y", "z"), ("z", "cf")])
    nx.set_node_attributes(G, {"v": "r", "cn": "r", "cf": "r"}, "role")
    for seed in range(5):
        rec = D.Recovery(p=1.0, replacement="distance", rng=seed)
        res = D.attack(G, strategy=_first("v"), max_removals=1, recovery=rec)
        log = res.recovery_log
        assert log[["source", "target", "kind"]].values.tolist() == [["o", "cn", "replacement"]]
    # "degree" instead picks the best-connected holder; give cf two extra contacts
    H = G.copy()
    H.add_edges_from([("cf", "e1"), ("cf", "e2")])
    res = D.attack(H, strategy=_first("v"), max_removals=1,
                   recovery=D.Recovery(p=1.0, replacement="degree", rng=0))
    assert res.recovery_log[["source", "target"]].values.tolist() == [["o", "cf"]]


@pytest.mark.slow
def test_recovery_preferential_attachment_is_degree_proportional():
    # After v is removed, orphan o attaches to h (degree 3) or a leaf (degree 1 each):
    # P(h) = 3 / (3 + 1 + 1 + 1) = 1/2 under preferential attachment (1/4 if uniform).
    G = nx.Graph([("v", "o"), ("h", "l1"), ("h", "l2"), ("h", "l3")])
    hits = 0
    reps = 300
    for seed in range(reps):
        rec = D.Recovery(p=0.0, preferential_attachment=1.0, rng=seed)
        log = D.attack(G, strategy=_first("v"), max_removals=1, recovery=rec).recovery_log
        assert log["kind"].tolist() == ["preferential"] and log["source"].iloc[0] == "o"
        hits += log["target"].iloc[0] == "h"
    assert abs(hits / reps - 0.5) < 4 * (0.25 / reps) ** 0.5  # 4 binomial sd


# ---------------------------------------------------------------------------- compare
def test_compare_strategies_thread_executor_matches_serial():
    from concurrent.futures import ThreadPoolExecutor

    G = nx.karate_club_graph()
    kw = {"mode": "adaptive", "max_removals": 6}
    serial = D.compare_strategies(G, strategies=["degree", "random", "betweenness"],
                                  repeats=3, rng=1, **kw)
    with ThreadPoolExecutor(2) as ex:
        par = D.compare_strategies(G, strategies=["degree", "random", "betweenness"],
                                   repeats=3, rng=1,
                                   executor=ex, **kw)
    pd.testing.assert_frame_equal(serial, par)
    assert serial.shape[0] == 3 * 3 * 7
    rnd = serial[serial["strategy"] == "random"]
    # repetitions are independent streams: different random orders
    assert rnd.groupby("repeat")["node"].apply(lambda s: tuple(s.iloc[1:])).nunique() == 3
    det = serial[serial["strategy"] == "degree"]
    assert det.groupby("repeat")["node"].apply(lambda s: tuple(s.iloc[1:])).nunique() == 1


def _compare_by_public_attacks(G, strategies, repeats, rng, **kw):
    """compare_strategies' documented contract, written with the public attack(): one
    SeedSequence child per (strategy, repeat), curves stacked with strategy/repeat/
    fraction_removed columns."""
    root = np.random.SeedSequence(int(np.random.default_rng(rng).integers(2**63)))
    seeds = root.spawn(len(strategies) * repeats)
    frames = []
    for i, s in enumerate(strategies):
        for rep in range(repeats):
            res = D.attack(G, strategy=s, rng=seeds[i * repeats + rep], **kw)
            cur = res.curve.copy()
            cur.insert(1, "fraction_removed", cur["step"] / res.n_nodes)
            cur.insert(0, "repeat", rep)
            cur.insert(0, "strategy", s)
            frames.append(cur)
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("kw", [{}, {"mode": "adaptive"}, {"mode": "block", "block_size": 3},
                                {"metrics": ["lcc", "efficiency"], "max_removals": 8},
                                {"lcc_only": True, "max_removals": 5},
                                {"recovery": "triadic", "max_removals": 5}])
def test_compare_strategies_batch_path_equals_public_attacks(kw):
    # the batch path (curve columns assembled once) against one public attack() per repeat:
    # same values, same dtypes, same order -- fast-path and frame-path curves alike
    G = nc.datasets.load("caviar_undirected")
    if kw.get("recovery") == "triadic":
        kw = {**kw, "recovery": D.Recovery(0.5, triadic_closure=0.3)}
    strategies = ["degree", "random", "betweenness"]
    got = D.compare_strategies(G, strategies=strategies, repeats=3, rng=7, **kw)
    exp = _compare_by_public_attacks(G, strategies, 3, 7, **kw)
    pd.testing.assert_frame_equal(got, exp)


def test_compare_strategies_unknown_attack_option_is_named():
    with pytest.raises(ParameterError, match=r"'attack_kwargs' parameter of "
                       r"compare_strategies\(\).*options of attack\(\).*'modee'"):
        D.compare_strategies(nx.path_graph(4), strategies=["degree"], modee="static")


def test_compare_strategies_dask_local_cluster():
    distributed = pytest.importorskip("dask.distributed")
    G = nx.karate_club_graph()
    kw = {"max_removals": 5}
    serial = D.compare_strategies(G, strategies=["random", "degree"], repeats=2, rng=4, **kw)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        out = D.compare_strategies(G, strategies=["random", "degree"], repeats=2, rng=4,
                                   executor=client, **kw)
    pd.testing.assert_frame_equal(serial, out)


# ---------------------------------------------------------------------------- contract
def test_user_callable_and_labels_and_no_mutation():
    G = nx.relabel_nodes(nx.karate_club_graph(), {v: f"p{v}" for v in range(34)})
    g = nc.as_graph(G)
    before = (g.indptr.copy(), g.indices.copy())

    def by_name(h):
        return pd.Series([float(str(v)[1:]) for v in h.nodes], index=h.nodes)

    res = D.attack(g, strategy=by_name, mode="adaptive", max_removals=3)
    assert res.curve["node"].iloc[1:].tolist() == ["p33", "p32", "p31"]
    assert res.strategy == "by_name"
    np.testing.assert_array_equal(g.indptr, before[0])
    np.testing.assert_array_equal(g.indices, before[1])


def test_tie_break_rules():
    G = nx.empty_graph(4)
    G = nx.relabel_nodes(G, {0: "c", 1: "a", 2: "d", 3: "b"})
    order = {r: D.attack(G, strategy="degree", tie_break=r).curve["node"].iloc[1:].tolist()
             for r in D.TIE_BREAKS}
    assert order["first"] == ["c", "a", "d", "b"]
    assert order["last"] == ["b", "d", "a", "c"]
    assert order["label_min"] == ["a", "b", "c", "d"]
    assert order["label_max"] == ["d", "c", "b", "a"]


def test_seeded_random_attack_reproducible():
    G = nx.karate_club_graph()
    a = D.attack(G, strategy="random", rng=11).curve
    b = D.attack(G, strategy="random", rng=11).curve
    c = D.attack(G, strategy="random", rng=12).curve
    pd.testing.assert_frame_equal(a, b)
    assert a["node"].tolist() != c["node"].tolist()


def test_validation_messages():
    G = nx.path_graph(4)
    with pytest.raises(ParameterError, match=r"The 'mode' parameter of attack\(\) must be"):
        D.attack(G, strategy="degree", mode="sometimes")
    with pytest.raises(ParameterError, match="max_removals"):
        D.attack(G, strategy="degree", max_removals=9)
    with pytest.raises(ParameterError, match="strategy"):
        D.attack(G, strategy="nonsense")
    with pytest.raises(ParameterError, match="'p' parameter of Recovery"):
        D.Recovery(p=1.5)
    with pytest.raises(ParameterError, match="metrics"):
        D.attack(G, strategy="degree", metrics=["lcc", "bogus"])
    with pytest.raises(ParameterError, match="'k' parameter"):
        D.strategy("degree", k=3)


def test_result_summaries():
    res = D.attack(nx.path_graph(10), strategy="betweenness", mode="adaptive")
    assert res.removals_to(0.0) == 10
    assert res.removals_to(-1.0) is None


def test_result_plot_delegates_to_plot_removal_curves(monkeypatch):
    # AttackResult.plot is no second curve plotter: it hands itself to
    # netcrime.plot.plot_removal_curves (whose own tests check the drawing)
    import netcrime.plot

    calls = []

    def fake(obj, **kwargs):
        calls.append((obj, kwargs))
        return "axes"

    monkeypatch.setattr(netcrime.plot, "plot_removal_curves", fake)
    res = D.attack(nx.path_graph(10), strategy="degree", max_removals=3)
    assert res.plot() == "axes"
    assert calls[-1] == (res, {"ax": None, "metric": "lcc_frac"})
    ax = object()
    res.plot(ax, "lcc", label="deg", color="k")
    assert calls[-1] == (res, {"ax": ax, "metric": "lcc", "label": "deg", "color": "k"})


# ---------------------------------------------------------------------------- other strategies
def _adaptive_nodes(G, strat, k, **kw):
    return D.attack(G, strategy=strat, mode="adaptive", max_removals=k, **kw).curve["node"].iloc[1:]


@pytest.mark.parametrize(("name", "ref"), [
    ("closeness", nx.closeness_centrality),
    ("harmonic", nx.harmonic_centrality),
    ("pagerank", lambda H: nx.pagerank(H, tol=1e-14, max_iter=10_000)),
])
def test_centrality_strategies_adaptive_equal_networkx(name, ref):
    G = nx.connected_watts_strogatz_graph(30, 4, 0.3, seed=8)
    ours = _adaptive_nodes(G, name, 12).tolist()
    assert ours == naive_adaptive(G, ref, 12)


def test_eigenvector_static_equals_networkx():
    G = nx.karate_club_graph()
    ev = nx.eigenvector_centrality_numpy(G)
    res = D.attack(G, strategy="eigenvector", max_removals=10)
    rem, ref = dict(ev), []
    for _ in range(10):
        v = naive_pick(rem, list(G.nodes))
        ref.append(v)
        del rem[v]
    assert res.curve["node"].iloc[1:].tolist() == ref


def test_brokerage_strategy_closed_form():
    # undirected input = mutual digraph: total brokerage of b = ordered pairs of neighbours
    # that are not tied = k(k-1) - 2 T(b) (T = triangles through b)
    G = nx.karate_club_graph()
    tri = nx.triangles(G)
    ref = {v: G.degree(v) * (G.degree(v) - 1) - 2 * tri[v] for v in G}
    g = nc.as_graph(G)
    s = D.strategy("brokerage", groups="club").scores(g, np.random.default_rng(0))
    np.testing.assert_array_equal(s, [ref[v] for v in G.nodes])


def test_constraint_lowest_first_equals_networkx():
    G = nx.les_miserables_graph()
    G = nx.Graph(G.edges())  # unweighted
    c = nx.constraint(G)
    res = D.attack(G, strategy="constraint", max_removals=15)
    rem = {v: -x for v, x in c.items()}
    ref = []
    for _ in range(15):
        v = naive_pick(rem, list(G.nodes))
        ref.append(v)
        del rem[v]
    assert res.curve["node"].iloc[1:].tolist() == ref


def test_key_player_strategy_removes_the_bridge():
    # barbell: two K5 joined by a path through node 5; the single best fragmenting node is 5
    G = nx.barbell_graph(5, 1)
    res = D.attack(G, strategy=D.strategy("key_player", k=1), max_removals=1, rng=0)
    assert res.curve["node"].iloc[1] == 5
    assert res.curve["lcc"].iloc[1] == 5


def test_role_order_leaders_then_handlers_on_kenney_wheel():
    g = nc.generators.kenney_wheel(n_cells=4, cell_size=4, rng=3)
    res = D.attack(g, strategy=D.role_order(["leader", "handler"]), max_removals=5,
                   metrics=["lcc", "stage_completeness"])
    roles = g.node_attrs["role"]
    removed = res.curve["node"].iloc[1:].tolist()
    assert [roles[v] for v in removed] == ["leader"] + ["handler"] * 4
    # inside the handler tier: highest degree first (ties by position)
    deg = dict(zip(g.nodes, g.degree()))
    hd = [deg[v] for v in removed[1:]]
    assert hd == sorted(hd, reverse=True)
    # decapitation: leader + handlers gone -> only the workers' cells remain
    assert res.curve["lcc"].iloc[-1] == 3
    assert res.curve["stage_completeness"].iloc[0] == 1.0
    assert res.curve["stage_completeness"].iloc[-1] == 0.0


# ---------------------------------------------------------------------------- more paths
def test_sampled_betweenness_adaptive_seeded_and_exact_when_k_ge_n():
    G = nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=6)
    exact = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=10).curve
    full = D.attack(G, strategy=D.strategy("betweenness", n_pivots=40), mode="adaptive",
                    max_removals=10,
                    rng=1).curve
    assert full["node"].tolist() == exact["node"].tolist()
    sampled = D.strategy("betweenness", n_pivots=10)
    a = D.attack(G, strategy=sampled, mode="adaptive", max_removals=10, rng=3)
    b = D.attack(G, strategy=sampled, mode="adaptive", max_removals=10, rng=3)
    pd.testing.assert_frame_equal(a.curve, b.curve)


def test_weighted_edge_betweenness_adaptive_equals_networkx():
    G = nx.connected_watts_strogatz_graph(20, 4, 0.3, seed=2)
    rng = np.random.default_rng(0)
    for u, v in G.edges:
        G[u][v]["length"] = float(rng.integers(1, 5))
    res = D.attack_edges(G, strategy=D.edge_strategy("betweenness", distance="length"),
                         mode="adaptive", max_removals=8)
    H = G.copy()
    g = nc.as_graph(G)
    src, dst = g.edge_array()
    eid = {frozenset((g.nodes[a], g.nodes[b])): i for i, (a, b) in enumerate(zip(src, dst))}
    for _, row in res.curve.iloc[1:].iterrows():
        eb = nx.edge_betweenness_centrality(H, normalized=False, weight="length")
        best = max(eb.values())
        tied = sorted(eid[frozenset(e)] for e, x in eb.items()
                      if x >= best - (RTOL * best + 1e-12))
        a, b = g.nodes[src[tied[0]]], g.nodes[dst[tied[0]]]
        assert {row["source"], row["target"]} == {a, b}
        H.remove_edge(a, b)


def test_edge_block_mode_and_random_static():
    G = nx.karate_club_graph()
    res = D.attack_edges(G, strategy="betweenness", mode="block", block_size=3, max_removals=6)
    H = G.copy()
    for k in range(2):
        eb = nx.edge_betweenness_centrality(H, normalized=False)
        top = sorted(eb.values(), reverse=True)[:3]
        got = res.curve["score"].iloc[1 + 3 * k: 4 + 3 * k].to_numpy() / 2
        np.testing.assert_allclose(got, top)
        for _, row in res.curve.iloc[1 + 3 * k: 4 + 3 * k].iterrows():
            H.remove_edge(row["source"], row["target"])
    r1 = D.attack_edges(G, strategy="random", rng=2)
    assert len(r1.curve) == G.number_of_edges() + 1
    assert r1.curve["n_components"].iloc[-1] == G.number_of_nodes()
    assert r1.robustness == pytest.approx(
        r1.curve["lcc"].iloc[1:].sum() / G.number_of_nodes() / G.number_of_edges())


def test_directed_recovery_keeps_tie_directions():
    # a -> hub -> b: after the hub is arrested, a rewires *to* the replacement, b *from* it
    G = nx.DiGraph([("a", "hub"), ("hub", "b"), ("c", "r"), ("r", "d")])
    nx.set_node_attributes(G, {"a": "x", "hub": "boss", "b": "y", "c": "x", "r": "boss",
                               "d": "y"}, "role")
    res = D.attack(G, strategy="degree", max_removals=1,
                   recovery=D.Recovery(p=1.0, rng=0), tie_break="first")
    assert res.curve["node"].iloc[1] == "hub"
    log = res.recovery_log
    assert set(zip(log["source"], log["target"])) == {("a", "r"), ("r", "b")}
    assert res.curve["lcc"].iloc[1] == 5  # a, b, c, r, d now one weak component


def test_lcc_only_static_and_progress_bar():
    G = nx.union(nx.path_graph(5), nx.complete_graph(range(10, 13)))
    # static degree ranking would take the triangle's nodes (degree 2) tied with the
    # path's inner nodes; lcc_only keeps every target inside the 5-node path first
    res = D.attack(G, strategy="degree", lcc_only=True, max_removals=2, progress=True)
    assert res.curve["node"].iloc[1] in {1, 2, 3}
    lcc_before_second = max(nx.connected_components(G.subgraph(
        set(G) - {res.curve["node"].iloc[1]})), key=len)
    assert res.curve["node"].iloc[2] in lcc_before_second


def test_bundled_montagna_equals_a_from_edges_build_of_the_raw_file():
    # the dataset loader (positional fast path) against Graph.from_edges on the raw rows,
    # nodes in first-appearance order, a repeated pair keeping its last weight
    from test_cavallaro2020 import DATA, FILES

    for name in ("meetings", "phonecalls"):
        with DATA.joinpath(FILES[name]).open("rb") as fh:
            df = pd.read_csv(fh, sep=r"\s+", header=None, names=["source", "target", "weight"])
        order = list(dict.fromkeys(np.column_stack([df["source"], df["target"]]).ravel()
                                   .tolist()))
        ref = nc.Graph.from_edges(df, directed=False, weight="weight", nodes=order,
                                  multiedges="last")
        g = nc.datasets.load(f"montagna_{name}")
        assert list(g.nodes) == order
        np.testing.assert_array_equal(g.indptr, ref.indptr)
        np.testing.assert_array_equal(g.indices, ref.indices)
        np.testing.assert_array_equal(g.weights, ref.weights)


def test_undefined_scores_fall_back_to_tie_rule():
    # eigenvector centrality is undefined once no tie is left: every node then scores NaN
    # and the lowest position goes first
    G = nx.Graph([(0, 1), (2, 3)])
    G.add_node(4)
    res = D.attack(G, strategy="eigenvector", mode="adaptive")
    assert res.curve["node"].iloc[1:].tolist() == [0, 2, 1, 3, 4]
    assert res.curve["score"].iloc[3:].isna().all()
    res = D.attack(nx.karate_club_graph(), strategy=D.strategy("brokerage", groups="club"),
                   mode="adaptive")
    assert len(res.curve) == 35


def test_empty_graph_robustness_is_undefined():
    from netcrime.exceptions import UndefinedMetricError

    res = D.attack(nx.empty_graph(0), strategy="degree")
    assert len(res.curve) == 1
    with pytest.raises(UndefinedMetricError):
        _ = res.robustness
    single = D.attack(nx.empty_graph(1), strategy="degree")
    assert single.robustness == 0.0


def test_incident_edge_strategy_shuts_a_platform():
    # platform P hosts accounts a1..a3; a1 also has an offline tie to person x
    G = nx.Graph()
    G.add_edges_from([("P", "a1"), ("P", "a2"), ("P", "a3")], relation="hosting")
    G.add_edge("a1", "x", relation="contact")
    G.add_edge("x", "y", relation="contact")
    strat = D.edge_strategy("incident", nodes=["P"], column="relation", values="hosting")
    res = D.attack_edges(G, strategy=strat)
    assert len(res.curve) == 4  # the three hosting ties, nothing else
    assert set(res.curve["target"].iloc[1:]) | set(res.curve["source"].iloc[1:]) >= {
        "a1", "a2", "a3"}
    # cutting P-a1 first splits {P, a2, a3} from {a1, x, y}; then P loses a2 and a3
    np.testing.assert_array_equal(res.curve["lcc"], [6, 3, 3, 3])
    assert res.curve["n_components"].iloc[-1] == 4  # P, a2, a3 isolated
    with pytest.raises(nc.NodeNotFoundError):
        D.attack_edges(G, strategy=D.edge_strategy("incident", nodes=["nope"]))


def _score_by_label(h):
    return pd.Series([float(v) for v in h.nodes], index=h.nodes)


def test_compare_strategies_process_pool_and_pickling():
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    s = D.strategy("betweenness", distance=None)
    assert pickle.loads(pickle.dumps(s)).params == s.params
    r = pickle.loads(pickle.dumps(D.role_order(["leader"])))
    assert r.params["roles"] == ["leader"]
    G = nx.path_graph(8)
    strategies = {"deg": "degree", "rand": "random", "label": _score_by_label}
    serial = D.compare_strategies(G, strategies=strategies, repeats=2, rng=9, max_removals=4)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as ex:
        par = D.compare_strategies(G, strategies=strategies, repeats=2, rng=9, max_removals=4,
                                   executor=ex)
    pd.testing.assert_frame_equal(serial, par)
    assert serial.loc[serial["strategy"] == "label", "node"].iloc[1] == 7


@pytest.mark.parametrize("seed", range(4))
def test_adaptive_betweenness_with_leaves_and_twins_equals_naive(seed):
    # pendant trees, stars (twin leaves) and complete bipartite blocks (open twins): the
    # kernel's source reductions must not change a single value
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(25, 35, seed=seed)
    nxt = 25
    for hub in rng.choice(25, size=5, replace=False):
        for _ in range(int(rng.integers(1, 4))):
            G.add_edge(int(hub), nxt)
            nxt += 1
    K = nx.complete_bipartite_graph(3, 4)
    G = nx.disjoint_union(G, K)
    G.add_edge(0, G.number_of_nodes() - 1)
    tree = nx.random_labeled_tree(8, seed=seed)
    G = nx.disjoint_union(G, tree)
    G.add_edge(1, G.number_of_nodes() - 1)
    k = G.number_of_nodes() - 3
    res = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=k)
    ref = naive_adaptive(G, lambda H: nx.betweenness_centrality(H, normalized=False), k)
    assert res.curve["node"].iloc[1:].tolist() == ref
    H = G.copy()
    for v, s in zip(ref, res.curve["score"].iloc[1:]):
        assert s == pytest.approx(nx.betweenness_centrality(H, normalized=False)[v],
                                  abs=1e-9)
        H.remove_node(v)


@pytest.mark.parametrize("seed", range(3))
def test_adaptive_betweenness_on_clique_cells_equals_naive(seed):
    # cells as cliques (closed twins) joined at random: the closed-twin reduction is exact
    G = nx.connected_caveman_graph(6, 4)
    rng = np.random.default_rng(seed)
    for _ in range(4):
        a, b = (int(x) for x in rng.choice(24, size=2, replace=False))
        G.add_edge(a, b)
    G = nx.disjoint_union(G, nx.windmill_graph(3, 4))
    G.add_edge(0, 30)
    k = G.number_of_nodes() - 3
    res = D.attack(G, strategy="betweenness", mode="adaptive", max_removals=k)
    ref = naive_adaptive(G, lambda H: nx.betweenness_centrality(H, normalized=False), k)
    assert res.curve["node"].iloc[1:].tolist() == ref
    H = G.copy()
    for v, s in zip(ref, res.curve["score"].iloc[1:]):
        assert s == pytest.approx(nx.betweenness_centrality(H, normalized=False)[v],
                                  abs=1e-9)
        H.remove_node(v)
