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
    res = api_sweep.run(jobs, timeout=20.0, mem_mb=300, as_limit_gb=8.0)
    bad = [r for r in res if r["outcome"] in api_sweep.DEFECTS
           and (r["qual"], r["param"]) not in api_sweep.OPEN
           and (r["qual"], r["param"]) not in api_sweep.OPEN_NEW]
    assert not bad, "\n".join(f"{r['outcome']}: {r['qual']}({r['param']}={r['bad']}): "
                              f"{r['detail']}" for r in bad[:40])
    swept = {r["qual"] for r in res if r["outcome"] != "no baseline"}
    # the baseline builder reaches about 100 callables; the ~50 without a baseline (listed
    # by the release run) are the open gap of the sweep: raise this bound as they get one
    assert len(swept) >= 80


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
