"""Tests of netcrime.covert: Lindelauf measures, efficiency, centralization, profiles.

Oracles: closed forms (Lindelauf, Borm & Hamers 2009; Freeman 1979), an exhaustive search
over every connected graph on 4-7 nodes (networkx's graph atlas, the optima stated in
Lindelauf et al. 2009), a Monte Carlo simulation of the exposure process,
networkx (path lengths, efficiency, clustering) and R sna golden files for centralization
(made by tests/oracles/make_sna_centralization.py).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.exceptions import ParameterError, UndefinedMetricError

ORACLES = Path(__file__).resolve().parent / "oracles" / "sna_centralization"


def _connected_gnp(n, p, seed):
    while True:
        g = nx.gnp_random_graph(n, p, seed=seed)
        if nx.is_connected(g):
            return g
        seed += 1000


# --------------------------------------------------------------------------- secrecy
@pytest.mark.parametrize("n", [2, 4, 7, 12])
def test_secrecy_closed_forms_star_complete_path(n):
    for G in (nx.star_graph(n - 1), nx.complete_graph(n), nx.path_graph(n)):
        m = G.number_of_edges()
        d = np.array([k for _, k in G.degree()], float)
        assert nc.covert.secrecy(G) == pytest.approx((n * n - n - 2 * m) / n**2)
        for p in (0.0, 0.3, 1.0):
            assert nc.covert.secrecy(G, model="link", p=p) == pytest.approx(
                (n * n - n - 2 * p * m) / n**2
            )
        s3 = (2 * m * (n - 2) + n * (n - 1) - (d**2).sum()) / ((2 * m + n) * n)
        assert nc.covert.secrecy(G, model="degree") == pytest.approx(s3)


def test_secrecy_published_values():
    # star on 4 nodes: S1 = (16 - 4 - 6) / 16; complete K4: S1 = 0
    assert nc.covert.secrecy(nx.star_graph(3)) == 0.375
    assert nc.covert.secrecy(nx.complete_graph(4)) == 0.0
    assert nc.covert.secrecy(nx.empty_graph(5)) == pytest.approx(0.8)


def _simulate_secrecy(G, model, p, rng, reps=40_000):
    """Monte Carlo of the exposure process (independent of the closed forms)."""
    nodes = list(G.nodes)
    n = len(nodes)
    deg = np.array([G.degree(v) for v in nodes], float)
    prob = (deg + 1) / (deg + 1).sum() if model == "degree" else np.full(n, 1 / n)
    caught = rng.choice(n, size=reps, p=prob)
    hidden = np.empty(reps)
    for r, i in enumerate(caught):
        k = deg[i] if model != "link" else rng.binomial(int(deg[i]), p)
        hidden[r] = (n - 1 - k) / n
    return hidden.mean(), hidden.std() / np.sqrt(reps)


@pytest.mark.slow
@pytest.mark.parametrize("model,p", [("uniform", None), ("link", 0.4), ("degree", None)])
def test_secrecy_matches_simulated_exposure(model, p):
    G = nx.krackhardt_kite_graph()
    rng = np.random.default_rng(5)
    mean, se = _simulate_secrecy(G, model, p or 0.0, rng)
    assert nc.covert.secrecy(G, model=model, p=p) == pytest.approx(mean, abs=5 * se)


def test_secrecy_node_level_averages_to_graph_level():
    G = _connected_gnp(15, 0.25, 3)
    n = 15
    node = nc.covert.node_secrecy(G)
    assert isinstance(node, pd.Series) and node.name == "secrecy"
    assert list(node.index) == list(G.nodes)
    d = np.array([G.degree(v) for v in G.nodes], float)
    assert node.to_numpy() == pytest.approx((n - 1 - d) / n)
    assert node.mean() == pytest.approx(nc.covert.secrecy(G))
    w = (d + 1) / (d + 1).sum()
    assert (w * node.to_numpy()).sum() == pytest.approx(nc.covert.secrecy(G, model="degree"))
    link = nc.covert.node_secrecy(G, model="link", p=0.25)
    assert link.to_numpy() == pytest.approx((n - 1 - 0.25 * d) / n)


def test_secrecy_reads_directed_graph_as_undirected():
    D = nx.DiGraph([(0, 1), (1, 0), (1, 2), (2, 3), (3, 3)])
    U = nx.Graph([(0, 1), (1, 2), (2, 3)])
    for model in ("uniform", "degree"):
        assert nc.covert.secrecy(D, model=model) == pytest.approx(nc.covert.secrecy(U, model=model))


def test_secrecy_errors():
    with pytest.raises(ParameterError, match="'p' parameter of secrecy"):
        nc.covert.secrecy(nx.path_graph(3), model="link")
    with pytest.raises(ParameterError, match="'p' parameter of secrecy"):
        nc.covert.secrecy(nx.path_graph(3), p=0.5)
    with pytest.raises(ParameterError, match=r"must be a float in \[0, 1\]. Got 1.5"):
        nc.covert.secrecy(nx.path_graph(3), model="link", p=1.5)
    with pytest.raises(ParameterError, match="'model' parameter"):
        nc.covert.secrecy(nx.path_graph(3), model="bogus")
    with pytest.raises(UndefinedMetricError):
        nc.covert.secrecy(nx.Graph())
    with pytest.raises(ParameterError, match="'p' parameter of node_secrecy"):
        nc.covert.node_secrecy(nx.path_graph(3), model="link")
    with pytest.raises(UndefinedMetricError, match=r"node_secrecy\(\) is undefined"):
        nc.covert.node_secrecy(nx.Graph())


# --------------------------------------------------------------------------- information
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_information_is_inverse_mean_path_length_networkx(seed):
    G = _connected_gnp(30, 0.12, seed)
    assert nc.covert.information(G) == pytest.approx(1 / nx.average_shortest_path_length(G))


def test_information_closed_forms():
    for n in (4, 9):
        assert nc.covert.information(nx.complete_graph(n)) == pytest.approx(1.0)
        assert nc.covert.information(nx.star_graph(n - 1)) == pytest.approx(n / (2 * (n - 1)))
        assert nc.covert.information(nx.path_graph(n)) == pytest.approx(3 / (n + 1))


def test_information_undefined_for_disconnected_and_tiny_graphs():
    with pytest.raises(UndefinedMetricError, match="connected"):
        nc.covert.information(nx.Graph([(0, 1), (2, 3)]))
    with pytest.raises(UndefinedMetricError):
        nc.covert.information(nx.empty_graph(1))
    with pytest.raises(UndefinedMetricError, match="connected"):
        nc.covert.tradeoff(nx.Graph([(0, 1), (2, 3)]))


def test_information_sampled_is_exact_on_vertex_transitive_graph():
    G = nx.cycle_graph(40)
    assert nc.covert.information(G, n_pivots=5, rng=1) == pytest.approx(nc.covert.information(G))


# --------------------------------------------------------------------------- trade-off
def test_tradeoff_closed_form_star_vs_complete_under_link_detection():
    # star: mu = (n - 2p) / (2n); complete: (n - 1)(1 - p) / n; star wins iff p > 1/2
    for n in (4, 6, 9):
        for p in (0.1, 0.3, 0.5, 0.6, 0.9):
            star = nc.covert.tradeoff(nx.star_graph(n - 1), model="link", p=p)
            comp = nc.covert.tradeoff(nx.complete_graph(n), model="link", p=p)
            assert star == pytest.approx((n - 2 * p) / (2 * n))
            assert comp == pytest.approx((n - 1) * (1 - p) / n)
            if p > 0.5:
                assert star > comp
            elif p < 0.5:
                assert star < comp
            else:
                assert star == pytest.approx(comp)


def _atlas_optima():
    best: dict[tuple[int, str], tuple[float, list]] = {}
    for G in nx.graph_atlas_g():
        n = G.number_of_nodes()
        if n < 4 or not nx.is_connected(G):
            continue
        g = nc.as_graph(G)
        for key, model in (("s1", "uniform"), ("s3", "degree")):
            v = nc.covert.tradeoff(g, model=model)
            cur = best.get((n, key))
            if cur is None or v > cur[0] + 1e-12:
                best[(n, key)] = (v, [G])
            elif abs(v - cur[0]) <= 1e-12:
                cur[1].append(G)
    return best


@pytest.fixture(scope="module")
def atlas_optima():
    return _atlas_optima()


@pytest.mark.parametrize("n,value", [(4, 0.25), (5, 0.30), (6, 1 / 3), (7, 0.357)])
def test_exhaustive_s1_optimum_is_the_star(atlas_optima, n, value):
    v, graphs = atlas_optima[(n, "s1")]
    assert v == pytest.approx(value, abs=5e-4)
    assert len(graphs) == 1
    assert nx.is_isomorphic(graphs[0], nx.star_graph(n - 1))


def test_exhaustive_s3_optima(atlas_optima):
    v4, g4 = atlas_optima[(4, "s3")]
    assert len(g4) == 1 and nx.is_isomorphic(g4[0], nx.path_graph(4))
    assert v4 == pytest.approx(0.35 * 0.6)  # S3 = 14/40, I = 3/5
    v5, g5 = atlas_optima[(5, "s3")]
    assert len(g5) == 1 and nx.is_isomorphic(g5[0], nx.cycle_graph(5))
    assert v5 == pytest.approx(0.4 * 2 / 3)  # S3 = 30/75, I = 20/30
    # n = 6, 7: a unique ring-like optimum with one / two ties more than a ring
    # (cyclomatic number 2 / 3), 2-connected, degrees 2 and 3.
    for n, extra in ((6, 1), (7, 2)):
        v, gs = atlas_optima[(n, "s3")]
        assert len(gs) == 1
        G = gs[0]
        assert G.number_of_edges() == n + extra
        assert nx.is_biconnected(G)
        assert {d for _, d in G.degree()} == {2, 3}
        # value from the closed form and networkx's mean path length
        m = G.number_of_edges()
        d2 = sum(d * d for _, d in G.degree())
        s3 = (2 * m * (n - 2) + n * (n - 1) - d2) / ((2 * m + n) * n)
        assert v == pytest.approx(s3 / nx.average_shortest_path_length(G))
    # the S3 optimum beats the star and the complete graph
    for n in (4, 5, 6, 7):
        v, _ = atlas_optima[(n, "s3")]
        assert v > nc.covert.tradeoff(nx.star_graph(n - 1), model="degree")
        assert v > nc.covert.tradeoff(nx.complete_graph(n), model="degree")


# --------------------------------------------------------------------------- efficiency
@pytest.mark.parametrize("seed", [0, 1])
def test_global_efficiency_matches_networkx_including_disconnected(seed):
    G = nx.gnp_random_graph(40, 0.05, seed=seed)
    assert not nx.is_connected(G)
    assert nc.covert.global_efficiency(G) == pytest.approx(nx.global_efficiency(G))
    H = _connected_gnp(25, 0.15, seed)
    assert nc.covert.global_efficiency(H) == pytest.approx(nx.global_efficiency(H))


def test_global_efficiency_directed_and_weighted_against_networkx_paths():
    D = nx.gnp_random_graph(25, 0.1, seed=4, directed=True)
    n = D.number_of_nodes()
    tot = sum(1 / d for s, row in nx.all_pairs_shortest_path_length(D) for t, d in row.items()
              if s != t)
    assert nc.covert.global_efficiency(D) == pytest.approx(tot / (n * (n - 1)))
    G = _connected_gnp(20, 0.2, 6)
    rng = np.random.default_rng(0)
    for u, v in G.edges:
        G[u][v]["length"] = float(rng.uniform(0.5, 3.0))
    tot = sum(1 / d for s, row in nx.all_pairs_dijkstra_path_length(G, weight="length")
              for t, d in row.items() if s != t)
    got = nc.covert.global_efficiency(G, distance="length")
    assert got == pytest.approx(tot / (20 * 19))


def test_global_efficiency_sampling_and_errors():
    G = nx.cycle_graph(30)
    exact = nx.global_efficiency(G)
    assert nc.covert.global_efficiency(G, n_pivots=3, rng=0) == pytest.approx(exact)
    assert nc.covert.global_efficiency(G, n_pivots=100, rng=0) == pytest.approx(exact)
    with pytest.raises(UndefinedMetricError):
        nc.covert.global_efficiency(nx.empty_graph(1))
    with pytest.raises(ParameterError, match="'n_pivots' parameter of global_efficiency"):
        nc.covert.global_efficiency(G, n_pivots=0)


@pytest.mark.slow
def test_sampled_estimates_are_unbiased_on_an_irregular_graph():
    # On a vertex-transitive graph every sample is exact, which cannot reveal a biased or
    # mis-scaled estimator. On a lollipop (clique + tail) the sources differ a lot: the
    # sampled global efficiency and the sampled mean path length (1 / information) must
    # average to networkx's exact values over many seeds (within 5 standard errors), while
    # single estimates vary.
    G = nx.lollipop_graph(12, 18)
    exact_eff = nx.global_efficiency(G)
    exact_len = nx.average_shortest_path_length(G)
    R = 400
    eff = np.array([nc.covert.global_efficiency(G, n_pivots=4, rng=s) for s in range(R)])
    mpl = np.array([1 / nc.covert.information(G, n_pivots=4, rng=s) for s in range(R)])
    for est, exact in ((eff, exact_eff), (mpl, exact_len)):
        se = est.std(ddof=1) / np.sqrt(R)
        assert se > 1e-3  # the estimates do vary
        assert abs(est.mean() - exact) < 5 * se


# --------------------------------------------------------------------------- centralization
@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness"])
def test_centralization_star_is_one_complete_and_cycle_zero(measure):
    for n in (3, 5, 10):
        assert nc.covert.centralization(nx.star_graph(n - 1), measure=measure) == pytest.approx(1)
        assert nc.covert.centralization(nx.complete_graph(n), measure=measure) == pytest.approx(
            0, abs=1e-12)
        assert nc.covert.centralization(nx.cycle_graph(n), measure=measure) == pytest.approx(
            0, abs=1e-12)


def test_centralization_matches_r_sna_golden():
    gold = pd.read_csv(ORACLES / "golden.csv")
    cases = pd.read_csv(ORACLES / "cases.csv").set_index("case")
    assert len(gold) >= 10
    for _, row in gold.iterrows():
        n = int(cases.loc[row["case"], "n"])
        e = pd.read_csv(ORACLES / f"{row['case']}.csv")
        g = nc.Graph.from_arrays(n, e["source"].to_numpy(), e["target"].to_numpy(),
                                 directed=False)
        for measure in ("degree", "betweenness", "closeness"):
            got = nc.covert.centralization(g, measure=measure)
            assert got == pytest.approx(float(row[measure]), rel=1e-9, abs=1e-12), (
                row["case"], measure)


def test_centralization_errors_and_sampling():
    with pytest.raises(UndefinedMetricError):
        nc.covert.centralization(nx.path_graph(2))
    with pytest.raises(UndefinedMetricError, match="connected"):
        nc.covert.centralization(nx.Graph([(0, 1), (1, 2), (3, 4)]), measure="closeness")
    # betweenness is defined on disconnected graphs (Freeman's raw betweenness)
    assert nc.covert.centralization(nx.Graph([(0, 1), (1, 2), (3, 4)]),
                                    measure="betweenness") > 0
    G = _connected_gnp(20, 0.2, 1)
    exact = nc.covert.centralization(G, measure="betweenness")
    sampled = nc.covert.centralization(G, measure="betweenness", n_pivots=20, rng=0)
    assert sampled == pytest.approx(exact)
    est = [nc.covert.centralization(G, measure="betweenness", n_pivots=10, rng=s) for s in range(5)]
    assert all(0 <= e <= 1 for e in est) and len(set(est)) > 1
    with pytest.raises(ParameterError, match="'measure' parameter of centralization"):
        nc.covert.centralization(G, measure="eigen")


# --------------------------------------------------------------------------- profile
def test_profile_columns_against_networkx():
    G = _connected_gnp(35, 0.1, 2)
    row = nc.covert.profile(G, name="g")
    assert list(row.columns) == list(nc.covert.PROFILE_COLUMNS)
    assert list(row.index) == ["g"]
    r = row.loc["g"]
    assert r["n_nodes"] == 35 and r["n_edges"] == G.number_of_edges()
    assert r["components"] == 1
    assert r["density"] == pytest.approx(nx.density(G))
    assert r["transitivity"] == pytest.approx(nx.transitivity(G))
    assert r["avg_clustering"] == pytest.approx(nx.average_clustering(G))
    assert r["mean_path_length"] == pytest.approx(nx.average_shortest_path_length(G))
    assert r["efficiency"] == pytest.approx(nx.global_efficiency(G))
    assert r["information"] == pytest.approx(1 / nx.average_shortest_path_length(G))
    assert r["secrecy_s1"] == pytest.approx(nc.covert.secrecy(G))
    assert r["tradeoff_s3"] == pytest.approx(nc.covert.tradeoff(G, model="degree"))
    for m in ("degree", "betweenness", "closeness"):
        assert r[f"{m}_centralization"] == pytest.approx(nc.covert.centralization(G, measure=m))


def test_profile_disconnected_gives_nan_path_columns_and_largest_component():
    G = nx.disjoint_union(nx.complete_graph(5), nx.path_graph(3))
    r = nc.covert.profile(G).iloc[0]
    assert r["components"] == 2
    for col in ("mean_path_length", "information", "tradeoff_s1", "closeness_centralization",
                "wheel_chain_score"):
        assert np.isnan(r[col])
    assert r["efficiency"] == pytest.approx(nx.global_efficiency(G))
    big = nc.covert.profile(G, largest_component=True).iloc[0]
    assert big["n_nodes"] == 5 and big["information"] == pytest.approx(1.0)
    sub = nc.covert.profile(G, nodes=[5, 6, 7]).iloc[0]
    assert sub["n_nodes"] == 3 and sub["mean_path_length"] == pytest.approx(4 / 3)
    with pytest.raises(nc.NodeNotFoundError, match=r"'nodes' parameter of profile\(\)"):
        nc.covert.profile(G, nodes=[5, "zz"])


def test_wheel_chain_score_closed_forms():
    for n in (6, 10, 15):
        star = nc.covert.profile(nx.star_graph(n - 1)).iloc[0]["wheel_chain_score"]
        assert star == pytest.approx(1 - 3 / n)
        comp = nc.covert.profile(nx.complete_graph(n)).iloc[0]["wheel_chain_score"]
        assert comp == pytest.approx(0.0, abs=1e-12)
        path = nc.covert.profile(nx.path_graph(n)).iloc[0]
        assert path["wheel_chain_score"] == pytest.approx(path["betweenness_centralization"] - 1)
        assert path["wheel_chain_score"] < 0 < star


def test_compare_profiles_side_by_side_and_sampled_profile():
    graphs = {"star": nx.star_graph(8), "ring": nx.cycle_graph(9), "k": nx.complete_graph(9)}
    t = nc.covert.compare_profiles(graphs)
    assert list(t.index) == ["star", "ring", "k"]
    for name, G in graphs.items():
        assert t.loc[name, "density"] == pytest.approx(nx.density(G))
    # vertex-transitive graph: sampled path columns equal the exact ones
    s = nc.covert.profile(nx.cycle_graph(20), n_pivots=3, rng=0).iloc[0]
    e = nc.covert.profile(nx.cycle_graph(20)).iloc[0]
    assert s["information"] == pytest.approx(e["information"])
    assert np.isnan(s["closeness_centralization"])
    with pytest.raises(ParameterError):
        nc.covert.compare_profiles([nx.path_graph(3)])


# --------------------------------------------------------------------------- kernels
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from netcrime._core import symmetrise, triangles  # noqa: E402


@given(n=st.integers(1, 30), p=st.floats(0.0, 0.6), seed=st.integers(0, 10_000),
       directed=st.booleans())
def test_triangle_kernel_matches_networkx(n, p, seed, directed):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    if n > 2:
        G.add_edge(0, 0)  # a self-loop is ignored
    g = nc.as_graph(G)
    ptr, idx, _ = symmetrise(g.indptr, g.indices)
    U = nx.Graph(G.to_undirected())
    U.remove_edges_from(nx.selfloop_edges(U))
    assert np.diff(ptr).tolist() == [U.degree(v) for v in G.nodes]
    tri = triangles(ptr, idx)
    assert tri.tolist() == [nx.triangles(U, v) for v in G.nodes]
