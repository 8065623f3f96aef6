"""Tests of netcrime.observation (imperfect data), plot_sensitivity and `netcrime sensitivity`.

Oracles: the distributions of the observation models (binomial bounds, at 5 standard
deviations, on what is removed, added, split and merged; exact sets where the design fixes
them); networkx (betweenness, shortest-path distances) and scipy.stats (spearmanr,
kendalltau) recomputing the sensitivity statistics on the same observed/true pairs; the
qualitative findings of Borgatti, Carley & Krackhardt (2006, Social Networks 28:124-136,
doi:10.1016/j.socnet.2005.05.001).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
from functools import partial

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import netcrime as nc
from netcrime.cli import main
from netcrime.observation import observe, plan_on_observed, sensitivity


def er(n=200, p=0.05, seed=1):
    return nx.gnp_random_graph(n, p, seed=seed)


def true_pairs(obs: nc.observation.Observed) -> set:
    return {frozenset(e) for e in obs.truth.to_pandas()[["source", "target"]].to_numpy()
            .tolist()}


def snap(x):
    """The documented tie rule: scores / max |score|, rounded to 9 decimals."""
    x = np.asarray(x, float)
    return np.round(x / np.abs(x).max(), 9) if np.abs(x).max() > 0 else x


def within(k, n, p, z=5.0):
    sd = np.sqrt(n * p * (1 - p))
    return abs(k - n * p) <= z * sd + 1e-9


# ------------------------------------------------------------------ observation models
def test_tie_missing_uniform_binomial_and_nothing_else_changes():
    G = er()
    m = G.number_of_edges()
    obs = observe(G, tie_missing=0.3, rng=5)
    h = obs.graph
    assert within(len(obs.missed_ties), m, 0.3)
    assert list(h.nodes) == list(range(200))  # no person lost, none added
    seen = {frozenset(e) for e in h.to_pandas()[["source", "target"]].to_numpy().tolist()}
    missed = {frozenset(e) for e in obs.missed_ties.to_numpy().tolist()}
    assert seen | missed == {frozenset(e) for e in G.edges()} and not seen & missed
    assert not h.edge_attrs["spurious"].any() and len(obs.spurious_ties) == 0
    assert obs.alias_groups.empty and obs.tie_seen.sum() == h.n_edges


def test_node_missing_binomial_and_ties_among_seen():
    G = er(300, 0.03, seed=2)
    obs = observe(G, node_missing=0.25, rng=3)
    assert within(len(obs.missed_nodes), 300, 0.25)
    kept = set(obs.graph.nodes)
    assert kept == set(G) - set(obs.missed_nodes)
    want = {frozenset(e) for e in G.subgraph(kept).edges()}
    got = {frozenset(e) for e in obs.graph.to_pandas()[["source", "target"]]
           .to_numpy().tolist()}
    assert got == want


def test_same_seed_same_output():
    G = er()
    kw = dict(node_missing=0.1, tie_missing=0.2, spurious_ties=0.1, split_aliases=0.1,
              merge_aliases=0.1)
    a, b = observe(G, rng=9, **kw), observe(G, rng=9, **kw)
    c = observe(G, rng=10, **kw)
    assert a.graph == b.graph and a.identity.equals(b.identity)
    assert a.spurious_ties.equals(b.spurious_ties)
    assert not a.graph == c.graph


def test_per_role_missing_leaders_hidden():
    g = nc.generators.trafficking_network(n=2000, kind="hybrid", rng=4)
    role = g.node_attrs["role"].astype(str)
    obs = observe(g, node_missing={"leader": 0.5, "client": 0.2}, bias="role", rng=1)
    missed_roles = role[g.node_index(list(obs.missed_nodes))] if len(obs.missed_nodes) \
        else role[:0]
    assert set(missed_roles.unique()) <= {"leader", "client"}
    assert within(int((missed_roles == "client").sum()), int((role == "client").sum()), 0.2)
    assert within(int((missed_roles == "leader").sum()), int((role == "leader").sum()), 0.5)


def test_degree_bias_misses_the_periphery():
    G = nx.barabasi_albert_graph(2000, 2, seed=1)
    deg = np.array([d for _, d in G.degree()], float)
    obs = observe(G, node_missing=0.2, bias="degree", rng=2)
    pr = np.minimum(1, 0.2 * 2000 * (1 / (deg + 1)) / (1 / (deg + 1)).sum())
    k = len(obs.missed_nodes)
    assert abs(k - pr.sum()) <= 5 * np.sqrt((pr * (1 - pr)).sum())
    missed = np.zeros(2000, bool)
    missed[np.asarray(obs.missed_nodes, int)] = True
    assert deg[missed].mean() < deg[~missed].mean()


def test_explicit_per_tie_and_per_node_probabilities_are_exact_at_0_and_1():
    G = nx.path_graph(6)
    g = nc.Graph.from_networkx(G)
    s, t = g.edge_array()
    p = np.array([1.0, 0.0, 1.0, 0.0, 0.0])
    obs = observe(g, tie_missing=p, rng=1)
    miss = {tuple(x) for x in obs.missed_ties.to_numpy().tolist()}
    assert miss == {(int(s[0]), int(t[0])), (int(s[2]), int(t[2]))}
    obs = observe(g, node_missing=pd.Series([1.0, 0, 0, 0, 0, 1.0], index=range(6)), rng=1)
    assert sorted(obs.missed_nodes) == [0, 5]


def test_spurious_uniform_and_distance2():
    G = er(300, 0.03, seed=4)
    m = G.number_of_edges()
    obs = observe(G, spurious_ties=0.2, rng=6)
    k = len(obs.spurious_ties)
    assert within(k, m, 0.2)
    true = {frozenset(e) for e in G.edges()}
    sp = {frozenset(e) for e in obs.spurious_ties.to_numpy().tolist()}
    assert len(sp) == k and not sp & true
    assert obs.graph.n_edges == m + k
    obs2 = observe(G, spurious_ties={"p": 0.2, "between": "distance2"}, rng=6)
    for a, b in obs2.spurious_ties.to_numpy().tolist():
        assert nx.shortest_path_length(G, a, b) == 2
    assert within(len(obs2.spurious_ties), m, 0.2)


def test_wiretap_role_sees_exactly_the_leaders_ties():
    g = nc.generators.trafficking_network(n=300, kind="traditional", rng=2)
    lead = set(np.flatnonzero(g.node_attrs["role"].astype(str).to_numpy() == "leader"))
    s, t = g.edge_array()
    want = {frozenset((a, b)) for a, b in zip(s.tolist(), t.tolist())
            if a in lead or b in lead}
    obs = observe(g, wiretap={"by": "role", "roles": ["leader"]}, rng=1)
    got = {frozenset(e) for e in obs.graph.to_pandas()[["source", "target"]]
           .to_numpy().tolist()}
    assert got == want
    nodes = set(lead) | {x for e in want for x in e}
    assert set(obs.graph.nodes) == nodes


def test_wiretap_snowball_waves_and_random_count():
    G = nx.path_graph(8)
    obs = observe(G, wiretap={"by": "snowball", "seeds": [0], "waves": 3}, rng=1)
    # taps 0, 1, 2: ties 0-1, 1-2, 2-3 are heard
    assert sorted(obs.graph.nodes) == [0, 1, 2, 3] and obs.graph.n_edges == 3
    H = er(200, 0.05, seed=3)
    obs = observe(H, wiretap=10, rng=2)
    # every seen tie touches a tapped person: the seen ties are covered by 10 stars
    ties = obs.graph.to_pandas()[["source", "target"]].to_numpy()
    deg_obs = pd.Series(ties.ravel()).value_counts()
    full = [v for v in deg_obs.index if deg_obs[v] == H.degree(v)]
    assert all(a in full or b in full for a, b in ties.tolist())
    obs = observe(H, wiretap={"by": "degree", "n_tapped": 5}, rng=2)
    assert obs.graph.n_edges <= sum(sorted(d for _, d in H.degree())[-5:])


def test_split_aliases_divide_ties_binomially():
    G = er(400, 0.04, seed=7)
    obs = observe(G, split_aliases=0.3, rng=8)
    grp = obs.alias_groups
    assert set(grp["kind"]) == {"split"}
    n_split = grp["group"].nunique()
    assert within(n_split, 400, 0.3)
    h = obs.graph
    deg = pd.Series(h.degree(), index=h.nodes)
    moved = total = 0
    for _, rows in grp.groupby("group"):
        person, (a, b) = rows["true"].iloc[0], rows["observed"].tolist()
        assert b == f"{person}~alias" and a == person
        assert deg[a] + deg[b] == G.degree(person)  # ties divided, none lost
        moved += deg[b]
        total += G.degree(person)
    assert within(moved, total, 0.5)
    assert h.n_nodes == 400 + n_split and h.n_edges == G.number_of_edges()


def test_merge_aliases_unite_neighbourhoods():
    G = er(300, 0.04, seed=9)
    obs = observe(G, merge_aliases=0.2, rng=4)
    grp = obs.alias_groups
    k = grp["group"].nunique()
    assert within(k, 150, 0.2)
    h = nc.interop.to_networkx(obs.graph)
    back = dict(zip(obs.identity["observed"], obs.identity["true"]))
    into = {row_true: row_obs for row_obs, row_true in
            zip(obs.identity["observed"], obs.identity["true"])}
    for _, rows in grp.groupby("group"):
        a, b = rows["true"].tolist()
        node = rows["observed"].iloc[0]
        want = {into[x] for x in set(G[a]) | set(G[b])} - {node}
        assert set(h[node]) == want
    assert h.number_of_nodes() == 300 - k and len(back) == 300 - k


def test_trafficking_sample_observed_is_observe():
    """0.2: sample_observed draws through observe() (one uniform per tie in edge_array()
    order after the generator's own draws), so the random stream differs from 0.1's (which
    drew in construction order); the distribution is the same, checked here."""
    g = nc.generators.trafficking_network(n=400, kind="online", sample_observed=True, rng=3)
    full = nc.generators.trafficking_network(n=400, kind="online", rng=3)
    assert g.n_edges == full.n_edges  # the generator keeps every tie, marks the seen ones
    assert g.to_pandas()[["source", "target"]].equals(full.to_pandas()[["source", "target"]])
    ex = full.node_attrs["exposure_prob"].to_numpy()
    s, t = full.edge_array()
    assert g.edge_attrs["observed"].dtype == bool
    p = np.maximum(ex[s], ex[t])
    assert abs(g.edge_attrs["observed"].sum() - p.sum()) < 5 * np.sqrt((p * (1 - p)).sum())
    sure = p == 1.0  # a tie with an always-exposed end is always seen
    assert g.edge_attrs["observed"].to_numpy()[sure].all()


# ------------------------------------------------------------------ sensitivity
def _replay(g, kw, rng, cells, cell, rep):
    """The observation of replicate ``rep`` of cell ``cell``, drawn through observe()."""
    root = np.random.SeedSequence(int(np.random.default_rng(rng).integers(2**63)))
    seed = root.spawn(cells)[cell].spawn(rep + 1)[rep]
    return observe(g, rng=np.random.default_rng(seed), **kw)


def test_sensitivity_statistics_against_scipy_and_networkx():
    G = er(80, 0.08, seed=11)
    df = sensitivity(G, metric="betweenness", tie_missing=[0.2, 0.4], reps=4, rng=7)
    for cell, p in enumerate((0.2, 0.4)):
        for rep in range(4):
            obs = _replay(G, {"tie_missing": p}, 7, 2, cell, rep)
            h = nc.interop.to_networkx(obs.graph)
            ob = nx.betweenness_centrality(h, normalized=False)
            tb = nx.betweenness_centrality(G, normalized=False)
            x = snap([tb[v] for v in G.nodes])[list(h.nodes)]
            y = snap([ob[v] for v in h.nodes])
            row = df[(df["level"] == p) & (df["rep"] == rep)].iloc[0]
            assert row["spearman"] == pytest.approx(stats.spearmanr(x, y).statistic,
                                                    abs=1e-9)
            assert row["kendall"] == pytest.approx(stats.kendalltau(x, y).statistic,
                                                   abs=1e-9)
            top = max(G.nodes, key=lambda v: (tb[v], -v))
            assert row["top1"] == float(ob[top] >= max(ob.values()) - 1e-12)


def test_sensitivity_node_missing_scores_the_seen_persons():
    G = er(60, 0.1, seed=3)
    df = sensitivity(G, metric=["degree", "closeness"], node_missing=[0.3], reps=3, rng=2)
    for rep in range(3):
        obs = _replay(G, {"node_missing": 0.3}, 2, 1, 0, rep)
        h = nc.interop.to_networkx(obs.graph)
        cl, tcl = nx.closeness_centrality(h), nx.closeness_centrality(G)
        # netcrime's NaN rule: an isolate's closeness is NaN (networkx: 0), left out
        keep = [v for v in h.nodes if h.degree(v) > 0 and G.degree(v) > 0]
        x = snap([tcl[v] for v in G.nodes])[keep]
        y = snap([cl[v] for v in h.nodes])[[list(h.nodes).index(v) for v in keep]]
        row = df[(df["metric"] == "closeness") & (df["rep"] == rep)].iloc[0]
        assert row["spearman"] == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-9)
        assert row["coverage"] == pytest.approx(h.number_of_nodes() / 60)


def test_sensitivity_graph_statistic_and_nan_rows():
    G = er(60, 0.1, seed=3)
    df = sensitivity(G, metric=["density", "betweenness"], tie_missing=[0.0, 0.5, 1.0],
                     node_missing=[1.0], reps=3, rng=1)
    d = df[df["metric"] == "density"]
    true = nx.density(G)
    np.testing.assert_allclose(d["true_value"], true)
    z = d[(d["error"] == "tie_missing") & (d["level"] == 0.0)]
    assert (z["bias"] == 0).all() and (z["relative_error"] == 0).all()
    half = d[(d["error"] == "tie_missing") & (d["level"] == 0.5)]
    assert half["relative_error"].mean() == pytest.approx(-0.5, abs=0.1)
    empty = df[df["error"] == "node_missing"]
    assert empty[["value", "spearman"]].isna().all().all() or (
        empty[empty["metric"] == "density"]["value"].isna().all()
        and empty[empty["metric"] == "betweenness"]["spearman"].isna().all())
    # all ties missed: betweenness all 0 on the observed graph -> Spearman undefined (NaN)
    gone = df[(df["level"] == 1.0) & (df["error"] == "tie_missing")
              & (df["metric"] == "betweenness")]
    assert gone["spearman"].isna().all()


def test_constant_true_scores_give_nan_not_a_silent_value():
    df = sensitivity(nx.empty_graph(6), metric=["betweenness", "density"],
                     tie_missing=[0.5], spurious_ties=[0.5], reps=2, rng=1)
    b = df[df["metric"] == "betweenness"]
    assert b[["spearman", "kendall", "top1", "overlap_1", "overlap_3"]].isna().all().all()
    d = df[df["metric"] == "density"]
    assert d["relative_error"].isna().all()  # true density 0: relative error undefined


def test_sensitivity_callable_and_gould_fernandez():
    g = nc.generators.trafficking_network(n=150, rng=1)
    df = sensitivity(g, metric=[partial(nc.brokerage.constraint), "gould_fernandez"],
                     groups="role", tie_missing=[0.1], reps=2, rng=1)
    assert set(df["metric"]) == {"constraint", "gould_fernandez"}
    assert df["spearman"].notna().all()


@pytest.mark.slow
def test_sensitivity_same_result_on_every_executor():
    G = er(60, 0.08, seed=5)
    kw = dict(metric=["betweenness", "closeness", "density"], tie_missing=[0.1, 0.3],
              node_missing=[0.2], reps=3, rng=42)
    ref = sensitivity(G, **kw)
    with cf.ThreadPoolExecutor(2) as ex:
        pd.testing.assert_frame_equal(sensitivity(G, executor=ex, **kw), ref)
    with cf.ProcessPoolExecutor(2, mp_context=mp.get_context("spawn")) as ex:
        pd.testing.assert_frame_equal(sensitivity(G, executor=ex, **kw), ref)
    distributed = pytest.importorskip("dask.distributed")
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=None) as client:
        pd.testing.assert_frame_equal(sensitivity(G, executor=client, **kw), ref)


@pytest.mark.slow
def test_borgatti_carley_krackhardt_2006_qualitative():
    """BCK (2006): on random graphs, the accuracy of degree, closeness, betweenness and
    eigenvector falls smoothly and monotonically as the error grows, and similarly across
    the four measures."""
    G = nx.gnp_random_graph(100, 0.1, seed=2006)
    levels = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    metrics = ["degree", "closeness", "betweenness", "eigenvector"]
    for err in ("tie_missing", "node_missing", "spurious_ties"):
        df = sensitivity(G, metric=metrics, reps=30, rng=1, **{err: levels})
        mean = df.groupby(["metric", "level"])["spearman"].mean().unstack("level")
        for m in metrics:
            row = mean.loc[m].to_numpy()
            assert row[0] == pytest.approx(1.0)
            assert (np.diff(row) < 0).all(), (err, m, row)  # monotone decline
            assert np.abs(np.diff(row)).max() < 0.25  # smooth: no cliff
        spread = (mean.max(axis=0) - mean.min(axis=0)).to_numpy()
        assert spread.max() < 0.2, (err, spread)  # similar across measures


# ------------------------------------------------------------------ planning
def test_plan_without_error_equals_truth_plan():
    g = nc.generators.trafficking_network(n=300, rng=5)
    r = plan_on_observed(g, strategy="degree", observation={}, budget=5, reps=3, rng=1)
    o = r.reps[r.reps["plan"] == "observed"].reset_index(drop=True)
    t = r.reps[r.reps["plan"] == "truth"].reset_index(drop=True)
    pd.testing.assert_series_equal(o["lcc"], t["lcc"])
    assert (o["hit_rate"] == 1.0).all()
    # damage oracle: networkx on the truth minus the 5 highest-degree persons
    G = nc.interop.to_networkx(g)
    top = sorted(G.nodes, key=lambda v: (-G.degree(v), v))[:5]
    H = G.copy()
    H.remove_nodes_from(top)
    lcc = max(len(c) for c in nx.connected_components(H)) / G.number_of_nodes()
    assert t["lcc"].iloc[0] == pytest.approx(lcc)
    assert set(r.summary.columns) >= {"plan", "measure", "mean", "sd", "gap"}


def test_plan_on_directed_graph_uses_weak_components():
    g = nc.datasets.load("caviar")
    r = plan_on_observed(g, strategy="degree", observation={}, budget=3, reps=1, rng=1)
    G = g.to_networkx()
    deg = dict(G.degree())
    top = sorted(G, key=lambda v: (-deg[v], list(G).index(v)))[:3]
    H = G.copy()
    H.remove_nodes_from(top)
    lcc = max(len(c) for c in nx.weakly_connected_components(H)) / G.number_of_nodes()
    assert r.reps.loc[r.reps["plan"] == "truth", "lcc"].iloc[0] == pytest.approx(lcc)


def test_plan_merged_alias_removes_both_persons():
    G = er(100, 0.05, seed=1)
    r = plan_on_observed(G, strategy="degree", observation={"merge_aliases": 1.0},
                         budget=4, reps=2, rng=3)
    o = r.reps[r.reps["plan"] == "observed"]
    assert (o["removed"] == 8).all()


def test_plan_hidden_leaders_hurts():
    g = nc.generators.trafficking_network(n=400, kind="hybrid", rng=8)
    r = plan_on_observed(g, strategy="betweenness", budget=5, reps=5, rng=2,
                         observation={"node_missing": {"leader": 0.9, "handler": 0.5},
                                      "tie_missing": 0.2, "bias": "role"})
    s = r.summary.set_index(["plan", "measure"])["mean"]
    assert s[("observed", "hit_rate")] < 1.0


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("kw, param", [
    (dict(tie_missing=1.5), "tie_missing"),
    (dict(node_missing=-0.1), "node_missing"),
    (dict(spurious_ties=2.0), "spurious_ties"),
    (dict(split_aliases=1.1), "split_aliases"),
    (dict(node_missing={"kingpin": 0.5}, bias="role"), "node_missing"),
    (dict(wiretap={"by": "role", "roles": ["kingpin"]}), "wiretap"),
    (dict(wiretap={"by": "psychic", "n_tapped": 2}), "wiretap"),
    (dict(bias="nonexistent"), "bias"),
    (dict(tie_missing=np.array([0.5, 0.5])), "tie_missing"),
])
def test_observe_bad_input(kw, param):
    g = nc.generators.trafficking_network(n=100, rng=1)
    with pytest.raises(nc.ParameterError, match=rf"'{param}' parameter of observe\(\)"):
        observe(g, rng=1, **kw)


def test_unknown_role_message_names_rule_and_value():
    g = nc.generators.trafficking_network(n=100, rng=1)
    with pytest.raises(nc.ParameterError) as e:
        observe(g, node_missing={"kingpin": 0.5}, bias="role")
    assert "values of node attribute 'role'" in str(e.value) and "kingpin" in str(e.value)


def test_sensitivity_and_plan_bad_input():
    G = er(30, 0.2)
    with pytest.raises(nc.ParameterError, match=r"'reps' parameter.*>= 1.*Got 0"):
        sensitivity(G, metric="degree", tie_missing=[0.1], reps=0)
    with pytest.raises(nc.ParameterError, match=r"'tie_missing' parameter.*Got 1\.5"):
        sensitivity(G, metric="degree", tie_missing=[0.1, 1.5], reps=1)
    with pytest.raises(nc.ParameterError, match="'metric' parameter"):
        sensitivity(G, metric="nonsense", tie_missing=[0.1], reps=1)
    with pytest.raises(nc.ParameterError, match=r"'metric' parameter.*node Series or a float"):
        sensitivity(G, metric=lambda h: "text", tie_missing=[0.1], reps=1)
    with pytest.raises(nc.ParameterError, match="'node_missing' parameter"):
        sensitivity(G, metric="degree", reps=1)
    with pytest.raises(nc.ParameterError, match=r"'budget' parameter.*\[1, 30\].*Got 31"):
        plan_on_observed(G, strategy="degree", observation={}, budget=31, reps=1)
    with pytest.raises(nc.ParameterError, match="'reps' parameter"):
        plan_on_observed(G, strategy="degree", observation={}, budget=3, reps=0)
    with pytest.raises(nc.ParameterError, match="'observation' parameter"):
        plan_on_observed(G, strategy="degree", observation={"rng": 1}, budget=3, reps=1)


# ------------------------------------------------------------------ figure and command
def test_plot_sensitivity(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    G = er(50, 0.1)
    df = sensitivity(G, metric=["degree", "betweenness"], tie_missing=[0.1, 0.3], reps=4,
                     rng=1)
    ax = nc.plot.plot_sensitivity(df)
    assert len(ax.lines) == 2 and len(ax.collections) == 2
    mean = df[df["metric"] == "degree"].groupby("level")["spearman"].mean().to_numpy()
    line = next(ln for ln in ax.lines if ln.get_label() == "degree")
    np.testing.assert_allclose(line.get_ydata(), mean)
    with pytest.raises(nc.ParameterError, match="'statistic'"):
        nc.plot.plot_sensitivity(df, statistic="metric")


def test_cli_sensitivity(tmp_path, capsys):
    g = nc.datasets.load("caviar")
    f = tmp_path / "caviar.graphml"
    nc.io.write(g, f)
    code = main(["sensitivity", str(f), "--metric", "betweenness", "--missing-ties", "0.1",
                 "0.3", "--reps", "5", "--seed", "1", "--out", str(tmp_path / "o"), "-q"])
    assert code == 0
    df = pd.read_csv(tmp_path / "o" / "sensitivity.csv")
    ref = sensitivity(g, metric=["betweenness"], tie_missing=[0.1, 0.3], reps=5, rng=1)
    np.testing.assert_allclose(df["spearman"], ref["spearman"])
    assert (tmp_path / "o" / "sensitivity.png").stat().st_size > 0
    assert main(["sensitivity", str(f), "--metric", "nonsense", "--missing-ties", "0.1"]) == 2
    assert main(["sensitivity", str(f)]) == 2


def test_progress_bar_and_plan_on_executor(capsys):
    G = er(40, 0.1)
    a = sensitivity(G, metric="degree", tie_missing=[0.1, 0.2], reps=2, rng=3, progress=True)
    b = sensitivity(G, metric="degree", tie_missing=[0.1, 0.2], reps=2, rng=3)
    pd.testing.assert_frame_equal(a, b)
    assert "sensitivity" in capsys.readouterr().err
    kw = dict(strategy="betweenness", observation={"tie_missing": 0.3, "split_aliases": 0.1},
              budget=3, reps=4, rng=5)
    ref = plan_on_observed(G, **kw)
    with cf.ThreadPoolExecutor(2) as ex:
        pd.testing.assert_frame_equal(plan_on_observed(G, executor=ex, **kw).reps, ref.reps)


def test_directed_observation_keeps_arcs():
    g = nc.datasets.load("caviar")
    obs = observe(g, tie_missing=0.2, spurious_ties=0.1, rng=4)
    assert obs.graph.directed
    arcs = set(map(tuple, g.to_pandas()[["source", "target"]].to_numpy().tolist()))
    seen = obs.graph.to_pandas()
    true_rows = seen[~obs.graph.edge_attrs["spurious"].to_numpy()]
    assert set(map(tuple, true_rows[["source", "target"]].to_numpy().tolist())) <= arcs
    sp = set(map(tuple, obs.spurious_ties.to_numpy().tolist()))
    assert not sp & arcs and len(sp) == len(obs.spurious_ties)


def test_per_role_missing_chi_square():
    """Missed persons per role against the design's expected counts (chi-square test)."""
    g = nc.generators.trafficking_network(n=3000, kind="traditional", rng=12)
    role = g.node_attrs["role"].astype(str).to_numpy()
    design = {"client": 0.3, "victim": 0.1, "exploiter": 0.5, "recruiter": 0.2}
    obs = observe(g, node_missing=design, bias="role", rng=13)
    missed = np.zeros(g.n_nodes, bool)
    missed[g.node_index(list(obs.missed_nodes))] = True
    cells_obs, cells_exp = [], []
    for r, p in design.items():
        k = int((role == r).sum())
        m = int(missed[role == r].sum())
        cells_obs += [m, k - m]
        cells_exp += [k * p, k * (1 - p)]
    # 4 roles, each a pair of cells with a fixed total: 4 degrees of freedom
    assert stats.chisquare(cells_obs, cells_exp, ddof=3).pvalue > 1e-4
    assert not missed[~np.isin(role, list(design))].any()  # nothing outside the design
