"""Tests of netcrime.temporal (trajectory, turnover, rank_stability, replacement).

Oracles: Python sets of nodes and ties built with networkx from the raw CAVIAR matrices
(turnover, replacement), networkx centralities per window (trajectory),
``scipy.stats.spearmanr`` (rank_stability), and a small hand-worked example.
"""

from __future__ import annotations

import warnings
from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr

import netcrime as nc
from netcrime.exceptions import ParameterError

DATA = resources.files("netcrime.datasets").joinpath("data", "caviar_morselli")


def raw_phase(k: int) -> nx.DiGraph:
    with DATA.joinpath(f"caviar_phase{k:02d}_matrix.csv").open("rb") as fh:
        A = pd.read_csv(fh, index_col=0)
    A.columns = A.columns.astype(int)
    return nx.from_pandas_adjacency(A, create_using=nx.DiGraph)


@pytest.fixture(scope="module")
def caviar():
    return nc.datasets.load_phases("caviar"), {k: raw_phase(k) for k in range(1, 12)}


def toy() -> nc.events.Snapshots:
    calls = pd.DataFrame({
        "a": ["boss", "boss", "boss", "x", "y", "x", "z", "y"],
        "b": ["x", "y", "z", "y", "w", "z", "w", "z"],
        "p": [1, 1, 1, 1, 2, 2, 2, 3],
    })
    return nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")


# ----------------------------------------------------------------------------- trajectory
def test_trajectory_against_networkx_per_phase(caviar):
    snaps, raw = caviar
    t = nc.temporal.trajectory(snaps, metric="betweenness")
    assert list(t.columns) == ["window", "node", "value"] and t["value"].dtype == np.float64
    assert len(t) == sum(G.number_of_nodes() for G in raw.values())
    for k, G in raw.items():
        exp = nx.betweenness_centrality(G)
        got = t[t["window"] == k].set_index("node")["value"]
        assert set(got.index) == set(G.nodes)
        for v, x in exp.items():
            assert got[v] == pytest.approx(x, abs=1e-12)
    # keyword arguments go to the metric; a callable works too
    t2 = nc.temporal.trajectory(snaps, metric="degree", direction="out", weight="weight")
    got = t2[t2["window"] == 3].set_index("node")["value"]
    assert got.to_dict() == pytest.approx(dict(raw[3].out_degree(weight="weight")))
    t3 = nc.temporal.trajectory(snaps, metric=lambda g: nc.centrality.degree(g) * 2)
    assert t3["value"].sum() == pytest.approx(
        2 * sum(2 * G.number_of_edges() for G in raw.values()))


def test_trajectory_skips_empty_windows_and_rejects_bad_metrics():
    s = nc.events.snapshots(
        pd.DataFrame({"a": ["x"], "b": ["y"], "p": pd.Categorical(["q"], ["q", "r"])}),
        source="a", target="b", directed=True, phase="p")
    t = nc.temporal.trajectory(s, metric="degree")
    assert t["window"].tolist() == ["q", "q"]
    with pytest.raises(ParameterError, match="'metric' parameter of trajectory"):
        nc.temporal.trajectory(s, metric="no_such_metric")
    with pytest.raises(ParameterError, match="'metric'"):
        nc.temporal.trajectory(s, metric=lambda g: 1.0)  # a graph statistic
    with pytest.raises(ParameterError, match="'snaps'"):
        nc.temporal.trajectory([1, 2], metric="degree")


# ----------------------------------------------------------------------------- turnover
def test_turnover_against_python_sets(caviar):
    snaps, raw = caviar
    tab = nc.temporal.turnover(snaps)
    assert len(tab) == 10
    assert tab["window_from"].tolist() == list(range(1, 11))
    for r in tab.itertuples(index=False):
        G0, G1 = raw[r.window_from], raw[r.window]
        V0, V1 = set(G0.nodes), set(G1.nodes)
        E0, E1 = set(G0.edges), set(G1.edges)  # directed: ordered pairs
        assert (r.nodes_from, r.nodes) == (len(V0), len(V1))
        assert (r.entered, r.left, r.persisted) == (len(V1 - V0), len(V0 - V1), len(V0 & V1))
        assert r.jaccard_nodes == pytest.approx(len(V0 & V1) / len(V0 | V1))
        assert (r.ties_entered, r.ties_left, r.ties_persisted) == (
            len(E1 - E0), len(E0 - E1), len(E0 & E1))
        assert r.jaccard_ties == pytest.approx(len(E0 & E1) / len(E0 | E1))


def test_turnover_undirected_ties_are_unordered_and_empty_sets_give_nan():
    calls = pd.DataFrame({"a": ["x", "y"], "b": ["y", "x"], "p": [1, 2]})
    s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    r = nc.temporal.turnover(s).iloc[0]
    assert r["ties_persisted"] == 1 and r["jaccard_ties"] == 1.0
    s = nc.events.snapshots(calls, source="a", target="b", directed=True, phase="p")
    assert nc.temporal.turnover(s).iloc[0]["jaccard_ties"] == 0.0
    cat = pd.DataFrame({"a": ["x"], "b": ["y"], "p": pd.Categorical(["q"], ["q", "r", "s"])})
    s = nc.events.snapshots(cat, source="a", target="b", directed=True, phase="p")
    tab = nc.temporal.turnover(s)
    assert np.isnan(tab.iloc[1]["jaccard_nodes"]) and tab.iloc[0]["left"] == 2
    with pytest.raises(ParameterError, match="at least two windows"):
        nc.temporal.turnover({1: s["q"]})


# ----------------------------------------------------------------------------- rank stability
def test_rank_stability_against_scipy_spearmanr(caviar):
    snaps, raw = caviar
    tab = nc.temporal.rank_stability(snaps, metric="degree", weight="weight")
    assert len(tab) == 10
    for r in tab.itertuples(index=False):
        a = dict(raw[r.window_from].degree(weight="weight"))
        b = dict(raw[r.window].degree(weight="weight"))
        common = sorted(set(a) & set(b))
        rho = spearmanr([a[v] for v in common], [b[v] for v in common]).statistic
        assert r.n_common == len(common)
        assert r.spearman == pytest.approx(rho, abs=1e-12)


def test_rank_stability_nan_rule():
    calls = pd.DataFrame({"a": ["x", "y", "x", "q"], "b": ["y", "z", "z", "r"],
                          "p": [1, 1, 2, 2]})
    s = nc.events.snapshots(calls, source="a", target="b", directed=False, phase="p")
    r = nc.temporal.rank_stability(s, metric="degree").iloc[0]
    # x and z are in both phases, with degree 1 in each: constant ranks, 0/0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rho = spearmanr([1, 1], [1, 1]).statistic
    assert r["n_common"] == 2
    assert np.isnan(r["spearman"]) and np.isnan(rho)


# ----------------------------------------------------------------------------- replacement
def test_replacement_hand_worked():
    # phase 1: boss-x, boss-y, boss-z, x-y; phase 2: y-w, x-z, z-w; phase 3: y-z
    r = nc.temporal.replacement(toy(), removed="boss", window=1)
    p2 = r[r["window"] == 2].set_index("node")
    # former neighbours N = {x, y, z}; new ties with a member of N in phase 2: w-y and w-z
    # (w took over two of the boss's contacts), x-z (counted for x and for z); x-y existed
    assert p2["inherited_ties"].to_dict() == {"w": 2, "x": 1, "z": 1, "y": 0}
    assert p2.loc["x", "tie_share"] == pytest.approx(1 / 3)
    assert bool(p2.loc["w", "former_neighbour"]) is False
    # brokerage: betweenness by networkx on the phase-2 graph minus the phase-1 value
    G1 = nx.Graph([("boss", "x"), ("boss", "y"), ("boss", "z"), ("x", "y")])
    G2 = nx.Graph([("y", "w"), ("x", "z"), ("z", "w")])
    b1, b2 = nx.betweenness_centrality(G1), nx.betweenness_centrality(G2)
    for v in G2:
        assert p2.loc[v, "betweenness"] == pytest.approx(b2[v])
        assert p2.loc[v, "brokerage_gain"] == pytest.approx(b2[v] - b1.get(v, 0.0))
    assert r.attrs["removed_betweenness"] == pytest.approx(b1["boss"])
    assert r.attrs["removed_present"] == {2: False, 3: False}
    p3 = r[r["window"] == 3].set_index("node")
    assert p3["inherited_ties"].to_dict() == {"y": 1, "z": 1}  # y-z is new
    # sorted: window, then inherited ties and gain, descending
    assert r["window"].tolist() == [2, 2, 2, 2, 3, 3]
    assert r.iloc[0]["node"] == "w" and r.iloc[0]["inherited_ties"] == 2


def test_replacement_on_caviar_against_networkx_sets(caviar):
    snaps, raw = caviar
    r = nc.temporal.replacement(snaps, removed=1, window=4)
    G0 = raw[4].to_undirected()
    N = set(G0[1]) - {1}
    for k in range(5, 12):
        Gk = raw[k].to_undirected()
        sub = r[r["window"] == k].set_index("node")
        assert set(sub.index) == set(Gk.nodes) - {1}
        for v in sub.index:
            exp = sum(1 for u in N & set(Gk) if u != v and Gk.has_edge(u, v)
                      and not G0.has_edge(u, v))
            assert sub.loc[v, "inherited_ties"] == exp


def test_replacement_errors():
    s = toy()
    with pytest.raises(ParameterError, match="'window' parameter of replacement"):
        nc.temporal.replacement(s, removed="boss", window=9)
    with pytest.raises(ParameterError, match="'removed'"):
        nc.temporal.replacement(s, removed="boss", window=2)


# ----------------------------------------------------------------------------- figures
def test_plot_trajectories_and_turnover(caviar):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    snaps, raw = caviar
    t = nc.temporal.trajectory(snaps, metric="betweenness")
    ax = nc.plot.plot_trajectories(t, nodes=[1, 12], events={4: "seizure", 11: "arrest"})
    lines = ax.get_lines()
    node_lines = [ln for ln in lines if ln.get_label() in ("1", "12")]
    assert len(node_lines) == 2
    y = node_lines[0].get_ydata()
    assert y[0] == pytest.approx(nx.betweenness_centrality(raw[1])[1])
    # node 12 is absent from phase 1: a gap (NaN), not a zero
    assert np.isnan(node_lines[1].get_ydata()[0])
    texts = [tx.get_text() for tx in ax.texts]
    assert texts == ["seizure", "arrest"]
    vlines = [ln for ln in lines if ln.get_linestyle() == "--"]
    assert sorted(ln.get_xdata()[0] for ln in vlines) == [3, 10]  # windows 4 and 11
    assert [c for c in (vlines[0].get_color(),)] == ["#d62728"]
    default = nc.plot.plot_trajectories(t)  # top 5 by their highest value
    assert len(default.get_legend().get_texts()) == 5
    tab = nc.temporal.turnover(snaps)
    ax = nc.plot.plot_turnover(tab)
    heights = [p.get_height() for p in ax.patches]
    assert heights[:10] == tab["persisted"].tolist()
    assert heights[20:] == (-tab["left"]).tolist()
    with pytest.raises(ParameterError, match="'traj_df'"):
        nc.plot.plot_trajectories(tab)
    with pytest.raises(ParameterError, match="'events'"):
        nc.plot.plot_trajectories(t, events={99: "arrest"})
    with pytest.raises(ParameterError, match="'nodes'"):
        nc.plot.plot_trajectories(t, nodes=["nobody"])
    with pytest.raises(ParameterError, match="'turnover_df'"):
        nc.plot.plot_turnover(t)
    plt.close("all")
