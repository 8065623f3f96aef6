"""Bad-input sweep over every public callable (issue 14, points 2 and 5).

``tests/fuzz/api_sweep.py`` walks every public callable (the walk of tests/test_contract.py),
builds a valid baseline call and replaces each parameter, one at a time, by bad values (wrong
type, negative, NaN, inf, huge int, float for int, str for number, unhashable, empty, unknown
label, None...). Every call runs in a watched worker subprocess (timeout, address-space cap,
tracemalloc peak). The outcome must be a NetcrimeError naming the called function, or a
returned value the function accepts: never a raw exception, a hang, a memory blow-up, a
helper's name in the message, or a silently accepted int/label rule.

CI runs the sweep in ``SLICE`` slices (every ``SLICE``-th bad value per parameter each, about
2,400 calls a slice, all of them every run, so the outcome does not depend on the date) plus
targeted regression cases; CONTRIBUTING.md documents the release run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import api_sweep

SLICE = 4  # CI: about 2,300 calls, well under a minute


@pytest.mark.slow
@pytest.mark.parametrize("offset", range(SLICE))
def test_sweep_slice_has_no_defects(offset):
    # every slice, so the outcome never depends on the day the suite runs
    jobs = api_sweep.jobs(SLICE, offset)
    # 60 s per call: a call that builds a lazy fixture first (e.g. the demo result of
    # write_report) took over 20 s on a 2-core machine busy with other runs
    res = api_sweep.run(jobs, timeout=60.0, mem_mb=300, as_limit_gb=8.0)
    bad = [r for r in res if r["outcome"] in api_sweep.DEFECTS
           and (r["qual"], r["param"]) not in api_sweep.OPEN]
    assert not bad, "\n".join(f"{r['outcome']}: {r['qual']}({r['param']}={r['bad']}): "
                              f"{r['detail']}" for r in bad[:40])
    swept = {r["qual"] for r in res if r["outcome"] != "no baseline"}
    # every public callable with a parameter has a baseline call (api_sweep.BASELINE for
    # those that need files, two-mode / multiplex / online graphs, snapshots, results...):
    # 146 callables; a new public callable without one lowers the count and fails here
    assert len(swept) >= 146


def test_sweep_covers_every_public_callable():
    import inspect

    quals = {q for q, _, _ in api_sweep.jobs(1)}
    walked = api_sweep._callables()
    missing = {q for q in set(walked) - quals - set(api_sweep.SKIP)
               if [p for p in inspect.signature(walked[q]).parameters
                   if p not in ("self", "cls") and p not in api_sweep.SKIP_PARAMS]}
    # with_node_attrs / with_meta take only **columns / **meta (names are the user's)
    assert missing <= {"netcrime.graph.Graph.with_node_attrs", "netcrime.graph.Graph.with_meta"}


# ---------------------------------------------------------------------------- regressions
def _msg(call) -> str:
    with pytest.raises(nc.NetcrimeError) as info:
        call()
    return str(info.value)


def test_helper_errors_name_the_called_function():
    G = nx.MultiGraph([(0, 1), (0, 1)])
    msg = _msg(lambda: nc.plot.chain_layout(G))
    assert "of chain_layout()" in msg and "from_networkx" not in msg


def test_converters_need_a_netcrime_graph():
    msg = _msg(lambda: nc.interop.to_networkx(nx.path_graph(3)))
    assert "'g' parameter of to_networkx()" in msg


@pytest.mark.parametrize("value", [2.5, "3", float("nan"), np.float64(2.0), True, 10**30])
def test_ints_are_checked_as_ints(value):
    msg = _msg(lambda: nc.covert.centralization(nx.path_graph(5), n_pivots=value))
    assert "'n_pivots' parameter of centralization()" in msg


def test_huge_ints_are_refused_with_the_int64_range():
    msg = _msg(lambda: nc.centrality.pagerank(nx.path_graph(4), max_iter=10**30))
    assert "int64" in msg and "pagerank()" in msg


@pytest.mark.parametrize(("call", "name"), [
    (lambda: nc.keyplayer.key_players(nx.path_graph(6), k=2, restarts=10**18), "restarts"),
    (lambda: nc.disruption.compare_strategies(nx.path_graph(6), strategies=["degree"],
                                              repeats=10**18), "repeats"),
    (lambda: nc.linkpred.evaluate(nx.path_graph(6), reps=10**18), "reps"),
])
def test_repetition_counts_have_a_documented_cap(call, name):
    msg = _msg(call)
    assert f"'{name}'" in msg and "1000000" in msg


@pytest.mark.parametrize("roles", [None, [], [["x"]], "leader", ["a", "a"]])
def test_role_order_roles(roles):
    assert "'roles' parameter of role_order()" in _msg(
        lambda: nc.disruption.role_order(roles))


@pytest.mark.parametrize("removed", [[["a"]], ["__nope__"], [{}]])
def test_node_sets_hashable_and_present(removed):
    G = nx.path_graph(5)
    msg = _msg(lambda: nc.keyplayer.fragmentation(G, removed=removed))
    assert "fragmentation()" in msg
    msg = _msg(lambda: nc.keyplayer.reach(G, players=removed))
    assert "reach()" in msg


# sweep3: the sixteen defects that were listed in api_sweep.OPEN
@pytest.mark.parametrize("alpha", [10**30, 10**400, float("nan"), "0.1", True, -1])
def test_katz_alpha_is_checked_as_a_number(alpha):
    msg = _msg(lambda: nc.centrality.katz(nx.path_graph(4), alpha=alpha))
    assert "'alpha' parameter of katz()" in msg


def test_check_float_takes_huge_ints_cleanly():
    from netcrime._validation import check_float

    assert check_float(10**30, func="f", param="x") == 1e30
    for value in (10**400, -(10**400)):
        with pytest.raises(nc.ParameterError, match=r"'x' parameter of f\(\) must be a float"):
            check_float(value, func="f", param="x", min=0.0)


@pytest.mark.parametrize("name", [["a"], {"a": 1}, ("a", ["b"])])
def test_profile_name_must_be_hashable(name):
    assert "'name' parameter of profile()" in _msg(
        lambda: nc.covert.profile(nx.path_graph(4), name=name))


@pytest.mark.parametrize("label", [nx.path_graph(3), ["a"], 3])
def test_attack_plot_label_must_be_a_str(label):
    import matplotlib

    matplotlib.use("Agg")
    res = nc.disruption.attack(nx.path_graph(5), strategy="degree")
    assert "'label' parameter of plot()" in _msg(lambda: res.plot(label=label))
    assert "'label' parameter of plot_removal_curves()" in _msg(
        lambda: nc.plot.plot_removal_curves(res, label=label))


@pytest.mark.parametrize("metrics", [None, 3, [["lcc"]], ["nope"], ["lcc", "lcc"]])
def test_as_metrics_names_itself_and_attack_names_attack(metrics):
    from netcrime.disruption.metrics import as_metrics

    assert "'metrics' parameter of as_metrics()" in _msg(lambda: as_metrics(metrics))
    assert "'metrics' parameter of attack()" in _msg(
        lambda: nc.disruption.attack(nx.path_graph(4), strategy="degree", metrics=metrics))


@pytest.mark.parametrize("nodes", [[["a"], "b"], ["a", ["b"]], [["a"], ["b"]],
                                   ["a", ("b", [1])]])
def test_node_lists_must_be_hashable(nodes):
    import pandas as pd

    edges = pd.DataFrame({"source": ["a"], "target": ["b"]})
    msg = _msg(lambda: nc.Graph.from_edges(edges, directed=False, nodes=nodes))
    assert "'nodes' parameter of Graph.from_edges()" in msg
    # [["a"], ["b"]] sorts as unique in pandas without hashing: checked before
    msg = _msg(lambda: nc.Graph.from_arrays(2, [0], [1], directed=False, nodes=nodes))
    assert "'nodes' parameter of Graph.from_arrays()" in msg


@pytest.mark.parametrize("nodes", [-1, 2.5, object(), "ab", [["a"], ["b"]]])
def test_from_scipy_nodes(nodes):
    A = np.eye(2)  # the method shares the function's messages (tests/test_errors.py)
    for call in (nc.Graph.from_scipy, nc.interop.from_scipy):
        msg = _msg(lambda call=call: call(A, directed=True, nodes=nodes))
        assert "'nodes' parameter of from_scipy()" in msg


@pytest.mark.parametrize("param", ["source", "target"])
def test_read_csv_missing_column_names_the_parameter(tmp_path, param):
    f = tmp_path / "g.csv"
    f.write_text("source,target\na,b\n")
    with pytest.raises(nc.GraphFormatError) as info:
        nc.io.read_csv(f, directed=False, **{param: "abc"})
    msg = str(info.value)
    assert msg.startswith("g.csv, line 1:") and "'abc'" in msg
    assert f"'{param}' parameter of read_csv()" in msg
    v = tmp_path / "v.csv"
    v.write_text("name\na\nb\n")
    with pytest.raises(nc.GraphFormatError, match=r"^v\.csv, line 1: .*'node' column.*"
                       r"'node_key' parameter of read_csv\(\)"):
        nc.io.read_csv(f, directed=False, nodes_path=v)


@pytest.mark.parametrize("sep", ["3", "a", "\u00e9", '"', "\n", ",,", "", None])
def test_read_csv_sep(tmp_path, sep):
    f = tmp_path / "g.csv"
    f.write_text("source,target\na,b\n")
    assert "'sep' parameter of read_csv()" in _msg(
        lambda: nc.io.read_csv(f, directed=False, sep=sep))
    g = tmp_path / "t.tsv"
    g.write_text("source\ttarget\na\tb\n")
    assert nc.io.read_csv(g, directed=False, sep="\t").n_edges == 1


@pytest.mark.parametrize("weight", [[["a"]], [], ["x"], 3, "kind"])
def test_from_layers_weight(weight):
    import pandas as pd

    edges = pd.DataFrame({"source": [0, 1], "target": [1, 2], "kind": ["x", "y"]})
    g = nc.Graph.from_edges(edges, directed=False)
    msg = _msg(lambda: nc.multiplex.from_layers({"a": g, "b": g}, weight=weight))
    assert "'weight' parameter of from_layers()" in msg


@pytest.mark.parametrize("layout", [[["a"]], ["__nope__"], object(), nx.path_graph(3),
                                    {0: ("a", "b"), 1: (0, 0), 2: (1, 1)}, np.zeros((3, 3)),
                                    [[0, 0], [1, 1], [float("nan"), 2]]])
def test_draw_network_layout(layout):
    import matplotlib

    matplotlib.use("Agg")
    assert "'layout' parameter of draw_network()" in _msg(
        lambda: nc.plot.draw_network(nx.path_graph(3), layout=layout))


@pytest.mark.parametrize("style", [[["a"]], ["__nope__"], 3])
def test_draw_network_edge_style_by(style):
    import matplotlib

    matplotlib.use("Agg")
    assert "'edge_style_by' parameter of draw_network()" in _msg(
        lambda: nc.plot.draw_network(nx.path_graph(3), edge_style_by=style))


def test_rng_seeds_within_int64_everywhere():
    import matplotlib

    matplotlib.use("Agg")
    G = nx.path_graph(4)
    for rng in (10**30, 2**63):
        msg = _msg(lambda rng=rng: nc.plot.draw_network(G, layout="spring", rng=rng))
        assert "'rng' parameter of draw_network()" in msg and "int64" in msg
        msg = _msg(lambda rng=rng: nc.generators.kenney_chain(stage_sizes=2, rng=rng))
        assert "'rng' parameter of kenney_chain()" in msg
    # a seed beyond networkx's 2**32 range draws the spring seed (was a raw ValueError)
    big = 2**40
    a = nc.plot.draw_network(G, layout="spring", rng=big).collections[-1].get_offsets()
    b = nc.plot.draw_network(G, layout="spring", rng=big).collections[-1].get_offsets()
    assert np.array_equal(np.asarray(a), np.asarray(b))
    assert nc.generators.kenney_chain(stage_sizes=2, rng=np.random.default_rng(10**30))


@pytest.mark.parametrize("param", ["stage", "group"])
@pytest.mark.parametrize("value", [[["a"]], [], 3])
def test_chain_layout_attribute_names(param, value):
    g = nc.generators.kenney_chain(stage_sizes=2, rng=1)
    assert f"'{param}' parameter of chain_layout()" in _msg(
        lambda: nc.plot.chain_layout(g, **{param: value}))
    assert len(nc.plot.chain_layout(g, group=None)) == g.n_nodes


# ---------------------------------------------------------------------------- sweep2 fixes
@pytest.mark.parametrize("ax", ["abc", 3, object()])
def test_plot_ax_must_be_axes(ax):
    import matplotlib

    matplotlib.use("Agg")
    G = nx.path_graph(5)
    assert "'ax' parameter of draw_network()" in _msg(lambda: nc.plot.draw_network(G, ax=ax))
    res = nc.disruption.attack(G, strategy="degree")
    assert "'ax' parameter of plot()" in _msg(lambda: res.plot(ax=ax))
    assert "'ax' parameter of plot_removal_curves()" in _msg(
        lambda: nc.plot.plot_removal_curves(res, ax=ax))


@pytest.mark.parametrize("value", [None, 3, object()])
def test_compare_strategies_needs_strategies(value):
    msg = _msg(lambda: nc.disruption.compare_strategies(nx.path_graph(5), strategies=value))
    assert "'strategies' parameter of compare_strategies()" in msg


@pytest.mark.parametrize("func", ["kenney_chain", "wheel_of_chains"])
@pytest.mark.parametrize("stages", [None, [["a"]], ["a", ["b"]]])
def test_chain_generators_need_stages(func, stages):
    msg = _msg(lambda: getattr(nc.generators, func)(stages=stages, rng=1))
    assert f"'stages' parameter of {func}()" in msg


@pytest.mark.parametrize("func", ["chain_of_wheels", "kenney_wheel"])
def test_stage_names_must_be_hashable_strings(func):
    msg = _msg(lambda: getattr(nc.generators, func)(stages=[["a"]], rng=1))
    assert f"'stages' parameter of {func}()" in msg


@pytest.mark.parametrize("chords", [float("inf"), float("nan"), 10**30, "abc"])
def test_reinforced_ring_chords(chords):
    msg = _msg(lambda: nc.generators.reinforced_ring(n=8, chords=chords))
    assert "'chords' parameter of reinforced_ring()" in msg


def test_mappings_are_checked_as_mappings():
    msg = _msg(lambda: nc.generators.trafficking_network(n=60, counts="abc", rng=1))
    assert "'counts' parameter of trafficking_network()" in msg
    import pandas as pd

    edges = pd.DataFrame({"source": [0], "target": [1]})
    msg = _msg(lambda: nc.Graph.from_edges(edges, directed=False, meta="abc"))
    assert "'meta' parameter of Graph.from_edges()" in msg


@pytest.mark.parametrize("positions", [None, "abc", [["a"]], [10**30]])
def test_take_positions(positions):
    g = nc.as_graph(nx.path_graph(4))
    assert "'positions' parameter of Graph.take()" in _msg(lambda: g.take(positions))


@pytest.mark.parametrize("labels", [None, 3, object()])
def test_label_index_needs_an_iterable(labels):
    from netcrime.graph import label_index

    assert "'labels' parameter of label_index()" in _msg(lambda: label_index(labels))


def test_read_csv_arguments(tmp_path):
    f = tmp_path / "g.csv"
    f.write_text("source,target\na,b\n")
    msg = _msg(lambda: nc.io.read_csv(tmp_path / "nope.csv", directed=False))
    assert "'path' parameter of read_csv() must be an existing file" in msg
    assert "nope.csv" in msg
    msg = _msg(lambda: nc.io.read_csv(f, directed=False, nodes_path=tmp_path / "nodes.csv"))
    assert "'nodes_path' parameter of read_csv() must be an existing file" in msg
    for param in ("source", "target", "node_key"):
        msg = _msg(lambda param=param: nc.io.read_csv(f, directed=False, **{param: None}))
        assert f"'{param}' parameter of read_csv()" in msg
    msg = _msg(lambda: nc.io.read_csv(f, directed=False, self_loops=None))
    assert "'self_loops' parameter of read_csv()" in msg
    assert nc.io.read_csv(f, directed=False).n_edges == 1


@pytest.mark.parametrize("metrics", [None, 3, [["lcc"]], ["nope"]])
def test_plan_on_observed_metrics(metrics):
    G = nx.path_graph(6)
    msg = _msg(lambda: nc.observation.plan_on_observed(
        G, strategy="degree", observation={"node_missing": 0.1}, budget=2, reps=2,
        rng=1, metrics=metrics))
    assert "'metrics' parameter of plan_on_observed()" in msg


@pytest.mark.parametrize("value", ["abc", [["a"]] * 5, ["x", 0.1, 0.1, 0.1, 0.1]])
def test_kenney_chain_intra_stage_p(value):
    msg = _msg(lambda: nc.generators.kenney_chain(intra_stage_p=value, rng=1))
    assert "'intra_stage_p' parameter of kenney_chain()" in msg


def test_consensus_reps_is_capped_before_any_work():
    with pytest.raises(nc.ParameterError, match=r"'reps' parameter of consensus\(\)"):
        nc.groups.consensus(nx.path_graph(4), reps=10**12)


# ---------------------------------------------------------------------------- sweep4 fixes
# (the callables that had no baseline call before sweep4: readers, two-mode, temporal,
# multiplex, online, plots, Graph.save/load, constructors)
def test_readers_need_an_existing_file(tmp_path):
    for func in ("read_pajek", "read_ucinet_dl", "read_ucinet_dl_matrices", "read_graphml",
                 "read"):
        for path in (tmp_path / "nope.net", tmp_path):  # missing; a directory
            msg = _msg(lambda func=func, path=path: getattr(nc.io, func)(path))
            assert f"'path' parameter of {func}() must be an existing file" in msg
    msg = _msg(lambda: nc.io.read_call_records(tmp_path, source="a", target="b",
                                               directed=True, format="csv"))
    assert "'path' parameter of read_call_records() must be an existing file" in msg


def test_read_call_records_columns_are_parameters(tmp_path):
    f = tmp_path / "calls.csv"
    f.write_text("caller,callee\n1,2\n2,3\n")
    for param in ("source", "target"):
        kw = {"source": "caller", "target": "callee", param: "abc"}
        msg = _msg(lambda kw=kw: nc.io.read_call_records(f, directed=True, **kw))
        assert f"'{param}' parameter of read_call_records() must be a column of calls.csv" in msg
    msg = _msg(lambda: nc.io.read_call_records(f, source="caller", target="callee",
                                               directed=True, weight=[["a"]]))
    assert "'weight' parameter of read_call_records()" in msg
    assert nc.io.read_call_records(f, source="caller", target="callee", directed=True) \
        .n_edges == 2


def test_wrappers_name_the_function_called(tmp_path):
    f = tmp_path / "g.dl"
    f.write_text("DL N=2\nFORMAT = EDGELIST1\nDATA:\n1 2\n")
    assert "'directed' parameter of read_ucinet_dl()" in _msg(
        lambda: nc.io.read_ucinet_dl(f, directed=None))
    assert "'encoding' parameter of read_ucinet_dl()" in _msg(
        lambda: nc.io.read_ucinet_dl(f, encoding="nope"))
    from netcrime.io.native import read_parts, save_graph

    g = nc.as_graph(nx.path_graph(3))
    assert "'mmap' parameter of read_parts()" in _msg(lambda: read_parts(tmp_path, mmap=None))
    assert "'path' parameter of save_graph()" in _msg(lambda: save_graph(g, None))
    assert "'g' parameter of save_graph()" in _msg(lambda: save_graph(None, tmp_path / "x"))
    assert "'path' parameter of Graph.load() must be a directory written by Graph.save" in \
        _msg(lambda: nc.Graph.load(tmp_path / "none"))
    save_graph(g, tmp_path / "saved")
    assert read_parts(tmp_path / "saved")["m"] == 2
    G = nx.Graph([(0, 1)])
    assert "of by_layer()" in _msg(lambda: nc.multiplex.by_layer(G, metric="degree"))
    assert "'g' parameter of twomode_layout()" in _msg(lambda: nc.plot.twomode_layout(G))
    assert "'g' parameter of draw_twomode()" in _msg(lambda: nc.plot.draw_twomode(G))
    s = nc.disruption.strategy("degree")
    assert "'g' parameter of Strategy.scores()" in _msg(
        lambda: s.scores(G, np.random.default_rng(1)))
    assert "'rng' parameter of Strategy.scores()" in _msg(lambda: s.scores(nc.as_graph(G), 1))


def test_compare_block_vs_raid_arguments():
    g = nc.generators.trafficking_network(n=60, kind="online", rng=1)
    for kw, param in (({"budgets": None}, "budgets"), ({"budgets": 2.5}, "budgets"),
                      ({"budgets": [1], "method": "nope"}, "method"),
                      ({"budgets": [1], "raid": "nope"}, "raid")):
        assert f"'{param}' parameter of compare_block_vs_raid()" in _msg(
            lambda kw=kw: nc.online.compare_block_vs_raid(g, **kw))


@pytest.mark.parametrize("n", [10**12, 10**30])
def test_node_counts_are_checked_before_allocating(n):
    msg = _msg(lambda: nc.Graph.from_arrays(n, [0], [1], directed=False))
    assert "'n' parameter of Graph.from_arrays()" in msg
    msg = _msg(lambda: nc.Graph.from_positions(n, np.array([0]), np.array([1]),
                                               directed=False))
    assert "'edges' parameter of Graph.from_positions()" in msg


def test_tables_and_mappings_are_checked():
    g = nc.as_graph(nx.path_graph(3))
    for kw in ({"node_attrs": "abc"}, {"edge_attrs": 3}, {"meta": "abc"},
               {"node_attrs": {"x": 1}}, {"nodes": 3}):
        param = next(iter(kw))
        assert f"'{param}' parameter of Graph.from_arrays()" in _msg(
            lambda kw=kw: nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False, **kw))
    for kw in ({"node_attrs": {"x": [1, 2, 3]}}, {"edge_attrs": "abc"}, {"meta": 3}):
        param = next(iter(kw))
        assert f"'{param}' parameter of Graph.from_positions()" in _msg(
            lambda kw=kw: nc.Graph.from_positions(3, np.array([0]), np.array([1]),
                                                  directed=False, **kw))
    for kw, param in (({"graphs": None, "universe": [0]}, "graphs"),
                      ({"graphs": {1: g}, "universe": 3}, "universe"),
                      ({"graphs": {1: g}, "universe": [0, 1, 2, ["x"]]}, "universe"),
                      ({"graphs": {1: g}, "universe": [0, 1, 2], "meta": "m"}, "meta")):
        assert f"'{param}' parameter of Snapshots()" in _msg(
            lambda kw=kw: nc.events.Snapshots(**kw))
    for kw in ({"params": "abc"}, {"scorer": 3}, {"stochastic": None}, {"limit": 3}):
        param = next(iter(kw))
        args = {"scorer": lambda g, rng: np.zeros(g.n_nodes), **kw}
        assert f"'{param}' parameter of Strategy()" in _msg(
            lambda args=args: nc.disruption.Strategy("s", **args))
    from netcrime.graph import check_node_labels

    assert "'labels' parameter of check_node_labels()" in _msg(
        lambda: check_node_labels(["a"], func="f", param="p"))
    assert "'positive' parameter of Graph.edge_values()" in _msg(
        lambda: nc.as_graph(nx.path_graph(3)).edge_values("weight", positive=[]))


def test_plot_arguments_of_the_other_figures():
    import matplotlib

    matplotlib.use("Agg")
    g = nc.as_graph(nx.path_graph(5))
    gf = nc.brokerage.gould_fernandez(nx.path_graph(5, create_using=nx.DiGraph),
                                      groups=pd.Series([0, 0, 1, 1, 1]))
    assert "'ax' parameter of plot_brokerage_profile()" in _msg(
        lambda: nc.plot.plot_brokerage_profile(gf, ax="abc"))
    assert "'labels' parameter of plot_brokerage_profile()" in _msg(
        lambda: nc.plot.plot_brokerage_profile(gf, labels="abc"))
    prof = pd.DataFrame({"density": [0.1, 0.2]}, index=["a", "b"])
    assert "'measures' parameter of plot_profiles()" in _msg(
        lambda: nc.plot.plot_profiles(prof, measures=3))
    assert "'title' parameter of plot_profiles()" in _msg(
        lambda: nc.plot.plot_profiles(prof, title=3))
    snaps = nc.events.snapshots(pd.DataFrame({"a": ["x", "y"], "b": ["y", "z"], "p": [1, 2]}),
                                source="a", target="b", directed=False, phase="p")
    traj = nc.temporal.trajectory(snaps, metric="degree")
    assert "'nodes' parameter of plot_trajectories()" in _msg(
        lambda: nc.plot.plot_trajectories(traj, nodes=3))
    assert "'ax' parameter of plot_turnover()" in _msg(
        lambda: nc.plot.plot_turnover(nc.temporal.turnover(snaps), ax=3))
    sens = nc.observation.sensitivity(g, metric="degree", node_missing=[0.0, 0.2], reps=2,
                                      rng=1)
    assert "'statistic' parameter of plot_sensitivity()" in _msg(
        lambda: nc.plot.plot_sensitivity(sens, statistic=[["a"]]))
    assert "'groups' parameter of sensitivity()" in _msg(
        lambda: nc.observation.sensitivity(g, metric="degree", node_missing=[0.1], reps=2,
                                           groups=10**12))


def test_twomode_layout_sweeps_are_capped_and_stop_at_a_fixed_point():
    df = pd.DataFrame({"p": ["a", "b", "b", "c", "d"], "m": ["x", "x", "y", "y", "z"]})
    g = nc.twomode.from_affiliations(df, actor="p", event="m")
    assert "'max_iter' parameter of twomode_layout()" in _msg(
        lambda: nc.plot.twomode_layout(g, max_iter=10**12))
    # a fixed point is reached: more sweeps give the same layout
    pd.testing.assert_frame_equal(nc.plot.twomode_layout(g, max_iter=50),
                                  nc.plot.twomode_layout(g, max_iter=1000))


def test_labels_and_windows_must_be_hashable():
    snaps = nc.events.snapshots(pd.DataFrame({"a": ["x", "y"], "b": ["y", "z"], "p": [1, 2]}),
                                source="a", target="b", directed=False, phase="p")
    assert "'removed' parameter of replacement()" in _msg(
        lambda: nc.temporal.replacement(snaps, removed=[["a"]], window=1))
    assert "'window' parameter of replacement()" in _msg(
        lambda: nc.temporal.replacement(snaps, removed="x", window=[1]))
    assert "'name' parameter of load_phases()" in _msg(lambda: nc.datasets.load_phases([]))
    h = nc.as_graph(nx.path_graph(3))
    rec = nc.disruption.Recovery(p=1.0)
    rng = np.random.default_rng(1)
    for kw, param in (({"removed": [["a"]]}, "removed"), ({"removed": 0}, "removed"),
                      ({"orphan_ties": [(9, True, True, 1.0)]}, "orphan_ties"),
                      ({"removed_attrs": None}, "removed_attrs"), ({"rng": 1}, "rng")):
        args = {"h": h, "removed": "v", "removed_attrs": {}, "orphan_ties": [(0, True, True,
                1.0)], "rng": rng, "new_label": "r", **kw}
        assert f"'{param}' parameter of Recovery.apply()" in _msg(
            lambda args=args: rec.apply(**args))


def test_multiplex_from_edges_weight_and_nodes():
    df = pd.DataFrame({"a": ["x", "y"], "b": ["y", "z"], "rel": ["kin", "kin"]})
    for kw in ({"weight": "abc"}, {"weight": "rel"}, {"nodes": 3}, {"nodes": [["x"]]},
               {"directed": None}):
        param = next(iter(kw))
        args = {"directed": False, **kw}
        assert f"'{param}' parameter of from_edges()" in _msg(
            lambda args=args: nc.multiplex.from_edges(df, source="a", target="b",
                                                      relation="rel", **args))


def test_write_report_arguments(tmp_path):
    import netcrime.report

    assert "'result' parameter of write_report()" in _msg(
        lambda: netcrime.report.write_report(None, tmp_path))


def test_writers_need_a_file_path(tmp_path):
    g = nc.as_graph(nx.path_graph(3))
    for func in ("write_pajek", "write_ucinet_dl", "write_graphml", "write_csv"):
        for path in (tmp_path, tmp_path / "no" / "g.x"):  # a directory; a missing parent
            msg = _msg(lambda func=func, path=path: getattr(nc.io, func)(g, path))
            assert f"'path' parameter of {func}()" in msg
    assert "'nodes_path' parameter of write_csv()" in _msg(
        lambda: nc.io.write_csv(g, tmp_path / "e.csv", nodes_path=tmp_path))
    assert not (tmp_path / "e.csv").exists()  # checked before anything is written
    (tmp_path / "d.net").mkdir()
    assert "'path' parameter of write()" in _msg(lambda: nc.io.write(g, tmp_path / "d.net"))
