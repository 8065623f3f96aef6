"""Tests of netcrime.events (to_graph, snapshots, Snapshots).

Oracles: a pandas group-by on the same records (counts, aggregated weights, first and last
times); window edges computed by pandas itself (``resample`` / ``pd.Grouper`` for ``freq``,
``pd.cut`` for ``bins``); networkx for the graph structure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.exceptions import GraphFormatError, ParameterError

AGGS = ["count", "sum", "max", "mean"]


def records(n: int = 3000, n_people: int = 60, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    people = np.array([f"p{i:03d}" for i in range(n_people)], dtype=object)
    start = pd.Timestamp("2024-03-03 17:45")
    secs = rng.integers(0, 120 * 86400, n)
    return pd.DataFrame({
        "caller": people[rng.integers(0, n_people, n)],
        "callee": people[rng.integers(0, n_people, n)],
        "when": start + pd.to_timedelta(secs, unit="s"),
        "sec": rng.integers(1, 600, n).astype(float),
        "phase": rng.choice(["b", "a", "c"], n),
    })


def oracle(df: pd.DataFrame, directed: bool, aggregate: str, by: list | None = None):
    """{(window..., u, v): (count, weight, first, last)} by a pandas group-by."""
    d = df.copy()
    if not directed:  # unordered pair: the smaller label first
        lo = d[["caller", "callee"]].min(axis=1)
        hi = d[["caller", "callee"]].max(axis=1)
        d["caller"], d["callee"] = lo, hi
    keys = (by or []) + ["caller", "callee"]
    g = d.groupby(keys, sort=False)
    agg = g.agg(count=("sec", "size"), first=("when", "min"), last=("when", "max"))
    agg["weight"] = agg["count"].astype(float) if aggregate == "count" else \
        g["sec"].agg(aggregate)
    return {k if isinstance(k, tuple) else (k,): (r["count"], r["weight"], r["first"],
                                                  r["last"])
            for k, r in agg.iterrows()}


def ties(g: nc.Graph, window=None) -> dict:
    """{(window?, u, v): (count, weight, first, last)} from the Graph (unordered: sorted)."""
    df = g.to_pandas()
    out = {}
    for r in df.itertuples(index=False):
        u, v = (r.source, r.target) if g.directed else tuple(sorted((r.source, r.target)))
        key = (u, v) if window is None else (window, u, v)
        out[key] = (r.count, r.weight, r.first, r.last)
    return out


def assert_same(got: dict, exp: dict) -> None:
    assert got.keys() == exp.keys()
    for k in exp:
        c, w, f, la = got[k]
        ec, ew, ef, el = exp[k]
        assert c == ec and f == ef and la == el, k
        assert w == pytest.approx(ew, rel=1e-12), k


# ----------------------------------------------------------------------------- to_graph
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("aggregate", AGGS)
def test_to_graph_against_pandas_groupby(directed, aggregate):
    df = records()
    g = nc.events.to_graph(df, source="caller", target="callee", directed=directed,
                           time="when", weight="sec", aggregate=aggregate)
    assert g.directed is directed
    assert_same(ties(g), oracle(df, directed, aggregate))
    # nodes: every endpoint, in order of first appearance (source before target, row by row)
    order = pd.unique(np.column_stack([df["caller"], df["callee"]]).ravel())
    assert list(g.nodes) == list(order)
    assert g.edge_attrs["count"].dtype == np.int64
    assert g.edge_attrs["weight"].dtype == np.float64
    assert g.meta["n_records"] == len(df) and g.meta["dropped"] == {}


def test_to_graph_without_time_or_weight_and_networkx_structure():
    import networkx as nx

    df = records(500)
    g = nc.events.to_graph(df, source="caller", target="callee", directed=True)
    assert "first" not in g.edge_attrs and (g.weights == g.edge_attrs["count"]).all()
    G = nx.DiGraph()
    G.add_edges_from(zip(df["caller"], df["callee"]))
    assert g.n_nodes == G.number_of_nodes() and g.n_edges == G.number_of_edges()
    # the input frame is not mutated
    assert list(df.columns) == ["caller", "callee", "when", "sec", "phase"]


def test_to_graph_string_times_are_parsed_and_numbers_kept():
    df = pd.DataFrame({"a": ["x", "y", "x"], "b": ["y", "x", "z"],
                       "t": ["2024-01-02 10:00", "2024-01-01 09:00", "2024-01-05"]})
    g = nc.events.to_graph(df, source="a", target="b", directed=False, time="t")
    e = g.to_pandas().set_index(["source", "target"])
    assert e.loc[("x", "y"), "first"] == pd.Timestamp("2024-01-01 09:00")
    assert e.loc[("x", "y"), "last"] == pd.Timestamp("2024-01-02 10:00")
    df["t"] = [3, 1, 7]
    g = nc.events.to_graph(df, source="a", target="b", directed=True, time="t")
    e = g.to_pandas().set_index(["source", "target"])
    assert e.loc[("y", "x"), "first"] == 1 and e.loc[("x", "z"), "last"] == 7


# ----------------------------------------------------------------------------- snapshots
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("freq", ["7D", "30D", "36h"])
def test_snapshots_freq_against_pandas_resample(directed, freq):
    df = records()
    s = nc.events.snapshots(df, source="caller", target="callee", directed=directed,
                            time="when", freq=freq, weight="sec", aggregate="sum")
    # window edges by pandas: resample's bins (origin start_day, left-closed, left label)
    bins = df.resample(freq, on="when").size()
    assert s.windows == list(bins.index)
    assert [s[w].edge_attrs["count"].sum() for w in s] == bins.tolist()
    got = {}
    for w in s:
        got.update(ties(s[w], w))
    assert_same(got, oracle(df, directed, "sum", by=[pd.Grouper(key="when", freq=freq)]))
    # one universe; each window holds only its nodes, in universe order
    assert list(s.universe) == list(pd.unique(np.column_stack(
        [df["caller"], df["callee"]]).ravel()))
    for w in s:
        present = set(df.loc[df["when"].between(w, w + pd.Timedelta(freq),
                                                inclusive="left"), ["caller", "callee"]]
                      .to_numpy().ravel())
        assert set(s[w].nodes) == present
        pos = s.universe.get_indexer(s[w].nodes)
        assert (np.diff(pos) > 0).all()
    assert s.meta["windows_from"] == "freq" and s.meta["n_records"] == len(df)


@pytest.mark.parametrize("directed", [True, False])
def test_snapshots_bins_against_pd_cut(directed):
    df = records()
    edges = pd.to_datetime(["2024-03-01", "2024-04-01", "2024-05-01", "2024-07-15"])
    s = nc.events.snapshots(df, source="caller", target="callee", directed=directed,
                            time="when", bins=edges, weight="sec", aggregate="max")
    cut = pd.cut(df["when"], bins=edges, right=False)
    assert s.windows == list(cut.cat.categories)
    d = df.assign(win=cut)
    got = {}
    for w in s:
        got.update(ties(s[w], w))
    exp = oracle(d, directed, "max", by=["win"])
    exp = {k: v for k, v in exp.items() if not pd.isna(k[0])}
    assert_same(got, exp)


def test_snapshots_phase_column_and_categorical_order():
    df = records(800)
    s = nc.events.snapshots(df, source="caller", target="callee", directed=True,
                            phase="phase", time="when")
    assert s.windows == ["a", "b", "c"]  # sorted distinct values
    got = {}
    for w in s:
        got.update(ties(s[w], w))
    assert_same(got, oracle(df, True, "count", by=["phase"]))
    df["phase"] = pd.Categorical(df["phase"], categories=["c", "b", "a", "z"])
    s = nc.events.snapshots(df, source="caller", target="callee", directed=True,
                            phase="phase")
    assert s.windows == ["c", "b", "a", "z"] and s["z"].n_nodes == 0


def test_snapshots_numeric_time_with_bins():
    df = pd.DataFrame({"a": [1, 2, 3, 1], "b": [2, 3, 1, 3], "t": [0.5, 1.5, 2.5, 2.9]})
    s = nc.events.snapshots(df, source="a", target="b", directed=True, time="t",
                            bins=[0, 1, 2, 3])
    assert [s[w].n_edges for w in s] == [1, 1, 2]
    assert s.windows[0] == pd.Interval(0.0, 1.0, closed="left")


def test_snapshots_is_a_read_only_ordered_mapping():
    df = records(200)
    s = nc.events.snapshots(df, source="caller", target="callee", directed=False,
                            phase="phase")
    assert len(s) == 3 and list(s.keys()) == s.windows
    assert "Snapshots" in repr(s) and s.directed is False
    m = s.meta
    m["x"] = 1
    assert "x" not in s.meta
    with pytest.raises(TypeError):
        s["d"] = None  # type: ignore[index]


# ----------------------------------------------------------------------------- bad input
def test_missing_and_unparseable_times_name_the_row():
    df = pd.DataFrame({"a": ["x", "y", "z"], "b": ["y", "z", "x"],
                       "t": ["2024-01-01", "not a date", "2024-01-03"]},
                      index=[10, 11, 12])
    with pytest.raises(GraphFormatError, match=r"'t'.*row 11.*'not a date'"):
        nc.events.to_graph(df, source="a", target="b", directed=True, time="t")
    df.loc[11, "t"] = None
    with pytest.raises(GraphFormatError, match=r"missing.*row 11"):
        nc.events.snapshots(df, source="a", target="b", directed=True, time="t", freq="1D")
    s = nc.events.snapshots(df, source="a", target="b", directed=True, time="t", freq="1D",
                            missing="drop")
    assert s.meta["dropped"] == {"missing_time": 1} and s.meta["n_records"] == 2
    g = nc.events.to_graph(df, source="a", target="b", directed=True, time="t",
                           missing="drop")
    assert g.meta["dropped"] == {"missing_time": 1} and g.n_edges == 2


def test_bad_endpoints_weights_and_columns():
    df = pd.DataFrame({"a": ["x", None], "b": ["y", "z"], "w": [1.0, 2.0]})
    with pytest.raises(GraphFormatError, match=r"'a'.*row 1"):
        nc.events.to_graph(df, source="a", target="b", directed=True)
    df["a"] = ["x", "y"]
    df.loc[1, "w"] = np.nan
    with pytest.raises(GraphFormatError, match=r"'w'.*row 1"):
        nc.events.to_graph(df, source="a", target="b", directed=True, weight="w",
                           aggregate="sum")
    with pytest.raises(ParameterError, match="'source' parameter of to_graph"):
        nc.events.to_graph(df, source="nope", target="b", directed=True)
    with pytest.raises(ParameterError, match="'aggregate'"):
        nc.events.to_graph(df, source="a", target="b", directed=True, aggregate="sum")
    with pytest.raises(ParameterError, match="'aggregate'"):
        nc.events.to_graph(df, source="a", target="b", directed=True, aggregate="median")
    with pytest.raises(ParameterError, match="'directed'"):
        nc.events.to_graph(df, source="a", target="b", directed="yes")
    with pytest.raises(ParameterError, match="'df'"):
        nc.events.to_graph([1, 2], source="a", target="b", directed=True)
    df["s"] = ["1", "2"]
    with pytest.raises(ParameterError, match="numeric column"):
        nc.events.to_graph(df, source="a", target="b", directed=True, weight="s",
                           aggregate="sum")


def test_window_options_errors():
    df = records(100)
    kw = {"source": "caller", "target": "callee", "directed": True}
    with pytest.raises(ParameterError, match="exactly one of freq=, bins= or phase="):
        nc.events.snapshots(df, time="when", **kw)  # time given without windows
    with pytest.raises(ParameterError, match="exactly one of"):
        nc.events.snapshots(df, time="when", freq="7D", phase="phase", **kw)
    with pytest.raises(ParameterError, match="'time' parameter of snapshots"):
        nc.events.snapshots(df, freq="7D", **kw)
    with pytest.raises(ParameterError, match="calendar offsets"):
        nc.events.snapshots(df, time="when", freq="MS", **kw)
    with pytest.raises(ParameterError, match="'freq'"):
        nc.events.snapshots(df, time="when", freq="fortnightly", **kw)
    with pytest.raises(ParameterError, match="'bins'"):
        nc.events.snapshots(df, time="when", bins=[pd.Timestamp("2024-05-01")], **kw)
    with pytest.raises(ParameterError, match="'bins'"):
        nc.events.snapshots(df, time="when", bins=pd.to_datetime(["2024-05-01",
                                                                   "2024-04-01"]), **kw)


def test_times_outside_bins_and_windows_leaving_every_graph_empty():
    df = records(100)
    kw = {"source": "caller", "target": "callee", "directed": True, "time": "when"}
    late = pd.to_datetime(["2030-01-01", "2030-02-01"])
    with pytest.raises(GraphFormatError, match="outside the bins"):
        nc.events.snapshots(df, bins=late, **kw)
    with pytest.raises(GraphFormatError, match="every graph empty"):
        nc.events.snapshots(df, bins=late, missing="drop", **kw)
    edges = pd.to_datetime(["2024-03-01", "2024-04-01"])
    s = nc.events.snapshots(df, bins=edges, missing="drop", **kw)
    inside = int(df["when"].lt(edges[1]).sum())
    assert s.meta["dropped"] == {"outside_bins": len(df) - inside}
    assert s.meta["n_records"] == inside
    assert s[s.windows[0]].edge_attrs["count"].sum() == inside


def test_time_zone_aware_times_are_compared_in_utc():
    df = pd.DataFrame({"a": ["x", "y"], "b": ["y", "z"],
                       "t": pd.to_datetime(["2024-01-01 23:30", "2024-01-02 00:30"])
                       .tz_localize("Europe/Rome")})
    s = nc.events.snapshots(df, source="a", target="b", directed=True, time="t", freq="1D")
    # in UTC both calls fall on 2024-01-01 (22:30 and 23:30)
    assert s.windows == [pd.Timestamp("2024-01-01")]
    assert s[s.windows[0]].n_edges == 2
