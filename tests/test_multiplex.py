"""Tests of netcrime.multiplex.

Oracles: the raw bundled relation files read with pandas and turned into Python sets of
pairs (Noordin Top, Madrid, Montagna), networkx centralities on each layer built
independently from those files, and hand-made tables.
"""

from __future__ import annotations

from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.datasets import registry
from netcrime.exceptions import GraphFormatError, ParameterError
from netcrime.multiplex import (
    by_layer,
    flatten,
    from_edges,
    from_layers,
    layer_overlap,
    layers,
)

DATA = resources.files("netcrime.datasets").joinpath("data")
RELS = registry.NOORDIN_RELATIONS


def raw_pairs(folder: str, fname: str, dtype=str) -> set[frozenset]:
    with DATA.joinpath(folder, fname).open("rb") as fh:
        e = pd.read_csv(fh, dtype=dtype, keep_default_na=False)
    return {frozenset((s, t)) for s, t in zip(e["source"], e["target"])}


@pytest.fixture(scope="module")
def noordin_sets():
    return {r: raw_pairs("noordin_top", f"noordin_{r}_edges.csv") for r in RELS}


def pairs(g) -> set[frozenset]:
    d = g.to_pandas()
    return {frozenset((s, t)) for s, t in zip(d["source"], d["target"])}


def test_noordin_layers_are_the_relation_files(noordin_sets):
    g = nc.datasets.load("noordin")
    L = layers(g)
    assert list(L) == list(RELS)
    for r, h in L.items():
        assert list(h.nodes) == list(g.nodes)  # the same 79 actors in every layer
        assert pairs(h) == noordin_sets[r], r
    # published edge counts (PROVENANCE: 15,175,200,91,16,29,63,267,11,147)
    assert [L[r].n_edges for r in RELS] == [15, 175, 200, 91, 16, 29, 63, 267, 11, 147]


def test_noordin_flatten(noordin_sets):
    g = nc.datasets.load("noordin")
    union = set().union(*noordin_sets.values())
    for how in ("any", "count", "sum", "max"):
        h = flatten(g, how=how)
        assert pairs(h) == union
    mult = {p: sum(p in s for s in noordin_sets.values()) for p in union}
    d = flatten(g, how="count").to_pandas()
    got = {frozenset((s, t)): w for s, t, w in zip(d["source"], d["target"], d["weight"])}
    assert got == {p: float(c) for p, c in mult.items()}
    assert set(flatten(g, how="any").edge_attrs["weight"]) == {1.0}


def test_noordin_layer_overlap(noordin_sets):
    t = layer_overlap(nc.datasets.load("noordin"))
    assert len(t) == 45
    assert t.columns.tolist() == ["layer_a", "layer_b", "ties_a", "ties_b", "shared", "union",
                                  "jaccard"]
    for row in t.itertuples():
        a, b = noordin_sets[row.layer_a], noordin_sets[row.layer_b]
        assert (row.ties_a, row.ties_b, row.shared) == (len(a), len(b), len(a & b))
        assert row.jaccard == pytest.approx(len(a & b) / len(a | b), abs=1e-15)


@pytest.mark.parametrize("metric", ["degree", "betweenness", "callable"])
def test_by_layer_matches_networkx(noordin_sets, metric):
    g = nc.datasets.load("noordin")
    if metric == "callable":  # any callable g -> Series
        def metric(h):
            return nc.centrality.closeness(h)
        ref_f = nx.closeness_centrality
        name = "closeness"
    else:
        ref_f = {"degree": lambda G: dict(G.degree()),
                 "betweenness": nx.betweenness_centrality}[metric]
        name = metric
    t = by_layer(g, metric=metric)
    assert t.shape == (79, 10) and list(t.index) == list(g.nodes)
    for r in ("kinship", "operations"):
        G = nx.Graph()
        G.add_nodes_from(g.nodes)
        G.add_edges_from(tuple(p) for p in noordin_sets[r])
        ref = ref_f(G)
        got = t[r]
        for v in g.nodes:
            if name == "closeness" and G.degree(v) == 0:
                assert np.isnan(got[v])  # netcrime's NaN rule for isolates
            else:
                assert got[v] == pytest.approx(ref[v], abs=1e-12), (r, v)


def test_madrid_two_layers():
    g = from_layers({"operational": nc.datasets.load("madrid"),
                     "kinship": nc.datasets.load("madrid_kinship")})
    op = raw_pairs("madrid_bombing", "madrid_operation_id_edges.csv", dtype=int)
    kin = raw_pairs("madrid_bombing", "madrid_kinship_edges.csv", dtype=int)
    L = layers(g)
    assert pairs(L["operational"]) == op and pairs(L["kinship"]) == kin
    row = layer_overlap(g).iloc[0]
    assert (row.ties_a, row.ties_b, row.shared) == (226, 124, len(op & kin))
    assert pairs(flatten(g)) == op | kin


def test_montagna_meetings_and_phonecalls_attributed():
    m = nc.datasets.load("montagna_meetings_attributed")
    p = nc.datasets.load("montagna_phonecalls_attributed")
    g = from_layers({"meetings": m, "phonecalls": p}, weight="weight")
    assert list(g.nodes)[: m.n_nodes] == list(m.nodes)
    assert set(g.nodes) == set(m.nodes) | set(p.nodes)
    # node attributes (Role ...) are carried over
    k = m.n_nodes
    pd.testing.assert_series_equal(g.node_attrs["Role"].iloc[:k].reset_index(drop=True),
                                   m.node_attrs["Role"].reset_index(drop=True))
    L = layers(g)
    assert pairs(L["meetings"]) == pairs(m) and pairs(L["phonecalls"]) == pairs(p)
    # the 'sum' flattening adds the record weights of both layers, pair by pair
    def wd(h):
        d = h.to_pandas()
        return {frozenset((s, t)): w for s, t, w in zip(d["source"], d["target"], d["weight"])}
    wm, wp = wd(m), wd(p)
    ref = {k: wm.get(k, 0.0) + wp.get(k, 0.0) for k in wm.keys() | wp.keys()}
    assert wd(flatten(g, how="sum")) == pytest.approx(ref)
    assert wd(flatten(g, how="max")) == pytest.approx(
        {k: max(wm.get(k, 0.0), wp.get(k, 0.0)) for k in ref})


def test_from_edges_long_table_and_label_form():
    df = pd.DataFrame({"a": ["x", "y", "x", "z", "x"], "b": ["y", "x", "y", "x", "z"],
                       "rel": ["kin", "kin", "money", "kin", "money"],
                       "w": [1.0, 2.0, 5.0, 1.0, 1.0]})
    g = from_edges(df, source="a", target="b", relation="rel", directed=False, weight="w",
                   nodes=["x", "y", "z", "q"])
    assert g.n_nodes == 4 and g.meta["relations"] == ("kin", "money")
    d = g.to_pandas().set_index(["source", "target"])
    assert d.loc[("x", "y")].tolist() == [3.0, 5.0]  # x-y and y-x rows add up
    assert d.loc[("x", "z")].tolist() == [1.0, 1.0]
    # label form: one relation per tie, in the edge attribute 'relation'
    lab = nc.Graph.from_edges(pd.DataFrame({"source": ["x", "y"], "target": ["y", "z"],
                                            "relation": ["kin", "money"]}), directed=False)
    L = layers(lab)
    assert pairs(L["kin"]) == {frozenset("xy")} and pairs(L["money"]) == {frozenset("yz")}
    assert layer_overlap(lab)["jaccard"].tolist() == [0.0]


def test_unknown_relation_names_what_the_graph_has():
    g = nc.datasets.load("noordin")
    with pytest.raises(ParameterError, match=r"'relation' parameter of layers.*kinship.*"
                                             r"Got 'marriage'"):
        layers(g, relation=["kinship", "marriage"])
    with pytest.raises(ParameterError, match="edge attributes"):
        flatten(nc.datasets.load("london_gang"))
    with pytest.raises(ParameterError, match="'how' parameter of flatten"):
        flatten(g, how="mean")
    with pytest.raises(ParameterError, match="'metric' parameter of by_layer"):
        by_layer(g, metric="no_such_metric")


def test_missing_relation_label_is_an_error():
    df = pd.DataFrame({"a": ["x"], "b": ["y"], "rel": [None]})
    with pytest.raises(GraphFormatError, match="row 0"):
        from_edges(df, source="a", target="b", relation="rel", directed=False)


def test_inputs_are_not_mutated():
    g = nc.datasets.load("noordin")
    before = g.edge_attrs.copy()
    flatten(g, how="sum")
    layers(g)
    pd.testing.assert_frame_equal(g.edge_attrs, before)
