"""Tests of netcrime.twomode.

Oracles: networkx's bipartite projections (``projected_graph``, ``weighted_projected_graph``
with ``ratio=False/True``, ``collaboration_weighted_projected_graph``,
``overlap_weighted_projected_graph`` with ``jaccard=True/False``), ``bipartite.degree_centrality``
and ``bipartite.density`` on seeded random bipartite graphs; pandas groupbys on the raw
bundled files for the real-data recipes.
"""

from __future__ import annotations

from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms import bipartite

import netcrime as nc
from netcrime.exceptions import GraphFormatError, ParameterError, UndefinedMetricError
from netcrime.twomode import degree, density, from_affiliations, incidence, project

DATA = resources.files("netcrime.datasets").joinpath("data")


def random_affiliations(seed: int, n_actors: int = 30, n_events: int = 12, p: float = 0.15):
    """Seeded random bipartite graph as a record table (isolates possible on both sides)."""
    rng = np.random.default_rng(seed)
    B = rng.random((n_actors, n_events)) < p
    r, c = np.nonzero(B)
    df = pd.DataFrame({"person": [f"a{i}" for i in r], "meeting": [f"e{j}" for j in c]})
    return df, [f"a{i}" for i in range(n_actors)], [f"e{j}" for j in range(n_events)]


def nx_bipartite(df, actors, events):
    G = nx.Graph()
    G.add_nodes_from(actors, bipartite=0)
    G.add_nodes_from(events, bipartite=1)
    G.add_edges_from(zip(df["person"], df["meeting"]))
    return G


def edge_dict(g, attr="weight"):
    d = g.to_pandas()
    return {frozenset((s, t)): w for s, t, w in zip(d["source"], d["target"], d[attr])}


def nx_edge_dict(H, attr="weight"):
    return {frozenset((u, v)): d.get(attr, 1.0) for u, v, d in H.edges(data=True)}


def assert_same_weights(ours, theirs):
    assert ours.keys() == theirs.keys()
    for k in ours:
        assert ours[k] == pytest.approx(theirs[k], rel=1e-12, abs=0)


NX_ROUTES = {
    "binary": lambda G, nodes: bipartite.projected_graph(G, nodes),
    "count": lambda G, nodes: bipartite.weighted_projected_graph(G, nodes),
    "ratio": lambda G, nodes: bipartite.weighted_projected_graph(G, nodes, ratio=True),
    "newman": lambda G, nodes: bipartite.collaboration_weighted_projected_graph(G, nodes),
    "jaccard": lambda G, nodes: bipartite.overlap_weighted_projected_graph(G, nodes),
    "overlap": lambda G, nodes: bipartite.overlap_weighted_projected_graph(G, nodes,
                                                                          jaccard=False),
}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("onto", ["actor", "event"])
@pytest.mark.parametrize("method", list(NX_ROUTES))
def test_projection_matches_networkx(seed, onto, method):
    df, actors, events = random_affiliations(seed)
    # a graph with every node (isolates too) so that ratio's denominator is the full side
    G = nx_bipartite(df, actors, events)
    g = nc.as_graph(G)  # networkx's 'bipartite' attribute: 0 = actor, 1 = event
    side = actors if onto == "actor" else events
    H = NX_ROUTES[method](G, side)
    p = project(g, onto=onto, method=method)
    assert list(p.nodes) == side
    assert p.n_edges == H.number_of_edges()
    theirs = nx_edge_dict(H)
    if method == "binary":
        theirs = dict.fromkeys(theirs, 1.0)
    assert_same_weights(edge_dict(p), theirs)


def test_projection_from_affiliations_matches_networkx_and_keeps_isolates():
    df, _, _ = random_affiliations(7, n_actors=60, n_events=25, p=0.08)
    g = from_affiliations(df, actor="person", event="meeting")
    actors = list(pd.unique(df["person"]))
    G = nx.Graph()
    G.add_edges_from(zip(df["person"], df["meeting"]))
    for method in ("count", "newman", "jaccard"):
        p = project(g, method=method)
        assert list(p.nodes) == actors
        assert_same_weights(edge_dict(p), nx_edge_dict(NX_ROUTES[method](G, actors)))


def test_kernel_is_the_upper_triangle_of_the_sparse_product():
    """The _core kernel against scipy's B @ Bᵀ (and the Newman-scaled product)."""
    import scipy.sparse as sp

    from netcrime._core import project_upper

    rng = np.random.default_rng(9)
    B = sp.random_array((70, 30), density=0.1, rng=rng, format="csr")
    B.data[:] = 1.0
    Bt = B.T.tocsr()
    k = np.asarray(B.sum(axis=0)).ravel()
    scale = np.divide(1.0, k - 1, out=np.zeros_like(k), where=k > 1)
    src, dst, count, wsum = project_upper(B.indptr, B.indices, Bt.indptr, Bt.indices, scale)
    C = sp.triu(B @ B.T, k=1).tocoo()
    W = sp.triu(B @ sp.diags_array(scale) @ B.T, k=1).tocsr()
    keys = src * 70 + dst
    assert (np.diff(keys) > 0).all()  # sorted, unique
    order = np.argsort(C.row * 70 + C.col)
    np.testing.assert_array_equal(keys, (C.row * 70 + C.col)[order])
    np.testing.assert_array_equal(count, C.data[order])
    np.testing.assert_allclose(wsum, np.asarray(W[src, dst]).ravel(), rtol=1e-14)


def test_from_affiliations_structure_and_modes():
    df = pd.DataFrame({"p": ["ann", "bob", "bob", "cy"], "m": ["m1", "m1", "m2", "m2"],
                       "hours": [1.0, 2.0, 3.0, 4.0]})
    g = from_affiliations(df, actor="p", event="m", weight="hours")
    assert list(g.nodes) == ["ann", "bob", "cy", "m1", "m2"]
    assert g.node_attrs["mode"].tolist() == ["actor"] * 3 + ["event"] * 2
    assert not g.directed
    assert edge_dict(g) == {frozenset(("ann", "m1")): 1.0, frozenset(("bob", "m1")): 2.0,
                            frozenset(("bob", "m2")): 3.0, frozenset(("cy", "m2")): 4.0}
    inc = incidence(g, weight="weight")
    assert list(inc.actors) == ["ann", "bob", "cy"] and list(inc.events) == ["m1", "m2"]
    np.testing.assert_array_equal(inc.matrix.toarray(), [[1, 0], [2, 3], [0, 4]])
    assert df.columns.tolist() == ["p", "m", "hours"]  # input untouched


def test_incidence_matches_networkx_biadjacency():
    df, actors, events = random_affiliations(5)
    G = nx_bipartite(df, actors, events)
    inc = incidence(G)
    ref = bipartite.biadjacency_matrix(G, row_order=actors, column_order=events).toarray()
    assert list(inc.actors) == actors and list(inc.events) == events
    np.testing.assert_array_equal(inc.matrix.toarray(), ref)


def test_degree_and_density_match_networkx():
    df, actors, events = random_affiliations(11)
    G = nx_bipartite(df, actors, events)
    ref = bipartite.degree_centrality(G, actors)
    got = degree(G, normalized=True)
    for v in G:
        assert got[v] == pytest.approx(ref[v], abs=1e-15)
    raw = degree(G)
    assert raw.to_dict() == {v: float(d) for v, d in G.degree()}
    assert raw.name == "degree" and raw.dtype == np.float64
    assert density(G) == pytest.approx(bipartite.density(G, actors), abs=1e-15)


def test_weighted_degree_is_the_sum_of_tie_values():
    df = pd.DataFrame({"p": ["a", "a", "b"], "m": ["x", "y", "x"], "w": [2.0, 3.0, 5.0]})
    g = from_affiliations(df, actor="p", event="m", weight="w")
    assert degree(g, weight="weight").to_dict() == {"a": 5.0, "b": 5.0, "x": 7.0, "y": 3.0}


def test_density_undefined_without_events():
    df = pd.DataFrame({"p": ["a"], "m": ["x"]})
    g = from_affiliations(df, actor="p", event="m").remove_nodes(["x"])
    with pytest.raises(UndefinedMetricError, match="0 event"):
        density(g)


# ----------------------------------------------------------------------------- bad input
def test_event_named_like_an_actor_is_an_error_naming_the_value():
    df = pd.DataFrame({"p": ["ann", "bob", "m1"], "m": ["m1", "m2", "m2"]})
    with pytest.raises(ParameterError, match=r"'m1' both as an actor.*row 2.*row 0"):
        from_affiliations(df, actor="p", event="m")
    # the documented labelling scheme: relabel one side
    g = from_affiliations(df.assign(m="meeting " + df["m"]), actor="p", event="m")
    assert g.n_nodes == 5


def test_missing_label_names_the_row():
    df = pd.DataFrame({"p": ["ann", None], "m": ["m1", "m2"]})
    with pytest.raises(GraphFormatError, match=r"column 'p'.*row 1"):
        from_affiliations(df, actor="p", event="m")


def test_repeated_pair_is_an_error_unless_a_policy_is_given():
    df = pd.DataFrame({"p": ["ann", "ann"], "m": ["m1", "m1"], "w": [1.0, 2.0]})
    with pytest.raises(GraphFormatError, match="multiedges"):
        from_affiliations(df, actor="p", event="m")
    g = from_affiliations(df, actor="p", event="m", weight="w", multiedges="sum")
    assert g.edge_attrs["weight"].tolist() == [3.0]


@pytest.mark.parametrize("kw, param", [({"actor": "x", "event": "m"}, "actor"),
                                       ({"actor": "p", "event": "p"}, "event")])
def test_bad_columns(kw, param):
    df = pd.DataFrame({"p": ["ann"], "m": ["m1"]})
    with pytest.raises(ParameterError, match=f"'{param}' parameter of from_affiliations"):
        from_affiliations(df, **kw)


def test_one_mode_graph_is_refused():
    with pytest.raises(ParameterError, match="two-mode"):
        project(nx.path_graph(3))
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: 0, 1: 1, 2: 1}, "bipartite")
    with pytest.raises(GraphFormatError, match="same mode"):
        project(G)


@pytest.mark.parametrize("kw", [{"onto": "actors"}, {"method": "cosine"}])
def test_bad_choices(kw):
    g = from_affiliations(pd.DataFrame({"p": ["a"], "m": ["x"]}), actor="p", event="m")
    with pytest.raises(ParameterError, match=f"'{next(iter(kw))}' parameter of project"):
        project(g, **kw)


# ----------------------------------------------------------------------------- real data
def test_noordin_ties_as_dyadic_events_project_to_multiplexity():
    """Recipe: the bundled Noordin relations are one-mode (no persons × events table ships);
    treating every (relation, tie) record as a two-person event, the ``count`` projection
    is the number of relations joining each pair -- checked against a pandas groupby on the
    raw relation files."""
    from netcrime.datasets import registry

    frames = []
    for rel in registry.NOORDIN_RELATIONS:
        with DATA.joinpath("noordin_top", f"noordin_{rel}_edges.csv").open("rb") as fh:
            e = pd.read_csv(fh, dtype=str, keep_default_na=False)
        e["tie"] = [f"{rel}:{i}" for i in range(len(e))]
        frames.append(e)
    ties = pd.concat(frames, ignore_index=True)
    long = pd.concat([ties[["source", "tie"]].set_axis(["person", "tie"], axis=1),
                      ties[["target", "tie"]].set_axis(["person", "tie"], axis=1)])
    g = from_affiliations(long, actor="person", event="tie")
    p = project(g, method="count")
    key = ties.apply(lambda r: frozenset((r["source"], r["target"])), axis=1)
    ref = key.value_counts().astype(float).to_dict()
    assert edge_dict(p) == ref
    assert density(g) == pytest.approx(2 * len(ties) / (p.n_nodes * len(ties)))


# ----------------------------------------------------------------------------- figure
def _crossings(pos, df):
    """Edge crossings of a two-column drawing, counted pair by pair (brute force)."""
    ya = pos.loc[df["person"], "y"].to_numpy()
    ye = pos.loc[df["meeting"], "y"].to_numpy()
    da = ya[:, None] - ya[None, :]
    de = ye[:, None] - ye[None, :]
    return int(((da * de) < 0).sum() // 2)


def test_twomode_layout_columns_and_fewer_crossings():
    df, _, _ = random_affiliations(4, n_actors=25, n_events=10, p=0.12)
    g = from_affiliations(df, actor="person", event="meeting")
    pos0 = nc.plot.twomode_layout(g, max_iter=0)
    pos = nc.plot.twomode_layout(g)
    assert list(pos.index) == list(g.nodes)
    is_event = (g.node_attrs["mode"] == "event").to_numpy()
    assert (pos["x"].to_numpy() == is_event.astype(float)).all()
    for side in (is_event, ~is_event):  # each column a permutation of evenly spread slots
        assert sorted(pos["y"][side]) == sorted(pos0["y"][side])
    assert _crossings(pos, df) <= _crossings(pos0, df)


def test_draw_twomode_returns_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    df, _, _ = random_affiliations(6)
    g = from_affiliations(df.assign(w=1.0 + np.arange(len(df))), actor="person",
                          event="meeting", weight="w")
    _fig, ax = plt.subplots()
    assert nc.plot.draw_twomode(g, ax=ax, weight="weight") is ax
    lines, actors, events = ax.collections
    assert len(lines.get_segments()) == g.n_edges
    assert len(actors.get_offsets()) + len(events.get_offsets()) == g.n_nodes
    plt.close("all")
