"""Tests of netcrime.datasets.

Oracles: the sizes published in the source papers / provenance notes (hard-coded here with
their citation, never read from the registry under test), networkx (components, LCC,
centralities) on graphs built independently from the raw bundled files with pandas, and
the raw files themselves (adjacency matrices vs edge lists).
"""

from __future__ import annotations

import re
from importlib import resources

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.datasets import registry
from netcrime.exceptions import ParameterError

DATA = resources.files("netcrime.datasets").joinpath("data")


def raw_csv(folder: str, fname: str, **kw) -> pd.DataFrame:
    with DATA.joinpath(folder, *fname.split("/")).open("rb") as fh:
        return pd.read_csv(fh, **kw)


def nx_of(g: nc.Graph) -> nx.Graph:
    """networkx graph built from the Graph's arrays (labels, direction, weights)."""
    G = nx.DiGraph() if g.directed else nx.Graph()
    G.add_nodes_from(g.nodes)
    src, dst = g.edge_array()
    lab = list(g.nodes)
    w = g.edge_attrs["weight"].to_numpy() if g.weighted else np.ones(len(src))
    G.add_weighted_edges_from((lab[u], lab[v], float(x)) for u, v, x in zip(src, dst, w))
    return G


def components(G: nx.Graph) -> list[int]:
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return sorted((len(c) for c in comps), reverse=True)


# Published / provenance sizes: (nodes, edges, directed).
# Cavallaro et al. 2020 PLoS ONE 15(8):e0236476 (Montagna); Morselli 2009 and Anastasiadis &
# Antoniou 2024 Information 15(2):84 (CAVIAR 110/295); Berlusconi et al. 2016 PLoS ONE
# 11(4):e0154244 (Oversize); Krebs 2002 (9/11); Roberts & Everton 2011 (Noordin); JJATT
# (Madrid); Grund & Densley 2012 (London); Natarajan 2000, 2006 (heroin, cocaine).
PUBLISHED = {
    "montagna_meetings": (101, 256, False),
    "montagna_phonecalls": (100, 124, False),
    "caviar": (110, 295, True),
    "caviar_undirected": (110, 205, False),
    "oversize_wiretaps": (182, 247, False),
    "oversize_warrants": (182, 189, False),
    "oversize_judgments": (182, 113, False),
    "hijackers_911": (60, 126, False),
    "hijackers_911_prior_contacts": (19, 27, False),
    "london_gang": (54, 315, False),
    "madrid": (54, 226, False),
    "madrid_kinship": (54, 124, False),
    "natarajan_heroin": (38, 168, True),
    "natarajan_heroin_undirected": (38, 87, False),
    "natarajan_cocaine": (28, 40, True),
    "natarajan_cocaine_undirected": (28, 40, False),
}
# Morselli 2009 (Appendix); phase 7 (36 actors) as in the per-phase tables of Anastasiadis &
# Antoniou 2024, Information 15(2):84, supplementary S2.
CAVIAR_PHASE_NODES = [15, 24, 33, 33, 32, 27, 36, 42, 34, 42, 41]
NOORDIN_EDGES = {
    "business_finance": 15, "classmates": 175, "communications": 200, "friendship": 91,
    "kinship": 16, "logistics": 29, "meetings": 63, "operations": 267, "soulmates": 11,
    "trainingevents": 147,
}


# ----------------------------------------------------------------------------- listing
def test_list_datasets_table():
    tab = nc.datasets.list_datasets()
    assert list(tab.columns) == ["name", "family", "nodes", "edges", "directed", "weighted",
                                 "description", "citation", "doi"]
    assert tab["name"].is_unique
    assert len(tab) == 72
    assert tab["nodes"].dtype == np.int64 and tab["directed"].dtype == bool
    assert (tab["citation"].str.len() > 20).all()
    assert set(PUBLISHED) <= set(tab["name"])
    for k in range(1, 12):
        assert f"caviar_phase{k:02d}" in set(tab["name"])


@pytest.mark.parametrize("name", list(registry.DATASETS))
def test_every_dataset_matches_its_listing(name):
    g = nc.datasets.load(name)
    row = nc.datasets.list_datasets().set_index("name").loc[name]
    assert (g.n_nodes, g.n_edges) == (row["nodes"], row["edges"])
    assert g.directed == row["directed"]
    assert g.weighted == row["weighted"]
    assert g.meta["name"] == name
    assert g.nodes.name is None and g.nodes.is_unique
    for key in ("citation", "doi", "source", "licence_note", "provenance", "files"):
        assert key in g.meta
    assert g.meta["provenance"].startswith("DATASET:")
    if g.weighted:
        assert np.all(np.isfinite(g.weights))


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_sizes(name):
    g = nc.datasets.load(name)
    assert (g.n_nodes, g.n_edges, g.directed) == PUBLISHED[name]


def test_every_file_and_provenance_is_packaged():
    folders = {d.folder for d in registry.DATASETS.values()}
    for d in registry.DATASETS.values():
        for f in d.files:
            assert DATA.joinpath(d.folder, *f.split("/")).is_file(), (d.name, f)
    for folder in folders:
        text = DATA.joinpath(folder, "PROVENANCE.txt").read_text(encoding="utf-8")
        assert "CITE" in text
        # no absolute path of the machine that bundled the files
        assert not re.search(r"(^|[\s\"'(=])/(home|root|tmp|w\w+)/", text, re.M)


# ----------------------------------------------------------------------------- Montagna
@pytest.mark.parametrize("name, fname, lcc, ncomp", [
    ("montagna_meetings", "Montagna_meetings_edgelist.tsv", 92, 5),
    ("montagna_phonecalls", "Montagna_phonecalls_edgelist.tsv", 89, 5),
])
def test_montagna_last_weight_and_components(name, fname, lcc, ncomp):
    # Cavallaro et al. load the list into an undirected nx.Graph: the LAST record wins.
    G = nx.Graph()
    text = DATA.joinpath("montagna_cavallaro2020", fname).read_text()
    for line in text.splitlines():
        if line.strip():
            u, v, w = line.split()
            G.add_edge(int(u), int(v), weight=float(w))
    g = nc.datasets.load(name)
    H = nx_of(g)
    # same node order as the authors' nx.Graph (their tie-breaking depends on it)
    assert list(g.nodes) == list(G.nodes)
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in G.edges}
    for u, v, w in G.edges(data="weight"):
        assert H[u][v]["weight"] == w
    comps = components(H)
    assert (len(comps), comps[0]) == (ncomp, lcc)  # Cavallaro et al. 2020, Table 1
    assert g.meta["doi"] == "10.1371/journal.pone.0236476"


@pytest.mark.parametrize("fname, repeated, differing", [
    ("Montagna_meetings_edgelist.tsv", 33, 24),
    ("Montagna_phonecalls_edgelist.tsv", 26, 19),
])
def test_montagna_repeated_pairs(fname, repeated, differing):
    # Provenance: 33 / 26 pairs appear in both orientations; where the two weights differ
    # the loader keeps the last one (checked above), not their sum.
    df = raw_csv("montagna_cavallaro2020", fname, sep=r"\s+", header=None,
                 names=["u", "v", "w"])
    df["a"] = df[["u", "v"]].min(axis=1)
    df["b"] = df[["u", "v"]].max(axis=1)
    dup = df.groupby(["a", "b"])["w"].agg(["nunique", "size"])
    assert int((dup["size"] > 1).sum()) == repeated
    assert int(((dup["size"] > 1) & (dup["nunique"] > 1)).sum()) == differing


@pytest.mark.parametrize("name, fname, rows, pairs", [
    ("montagna_meetings_attributed", "montagna_meetings_edges.csv", 289, 249),
    ("montagna_phonecalls_attributed", "montagna_phone_edges.csv", 150, 120),
])
def test_montagna_attributed(name, fname, rows, pairs):
    g = nc.datasets.load(name)
    raw = raw_csv("montagna_cavallaro2020", f"DF_package_attributed_version/{fname}")
    assert len(raw) == rows
    M = nx.MultiGraph()
    M.add_weighted_edges_from(raw[["source", "target", "weight"]].itertuples(index=False))
    G = nx.Graph()
    for u, v, w in M.edges(data="weight"):
        old = G.get_edge_data(u, v, {"weight": 0.0, "records": 0})
        G.add_edge(u, v, weight=old["weight"] + w, records=old["records"] + 1)
    assert G.number_of_edges() == pairs == g.n_edges
    ea = g.to_pandas()
    for s, t, w, r in ea[["source", "target", "weight", "records"]].itertuples(index=False):
        assert G[s][t]["weight"] == w and G[s][t]["records"] == r
    assert int(ea["records"].sum()) == rows
    na = g.node_attrs
    listed = raw_csv("montagna_cavallaro2020",
                     "DF_package_attributed_version/montagna_nodes_144_roles.csv", dtype=str)
    assert len(listed) == 144
    assert list(g.nodes[:144]) == listed["name"].tolist()
    extra = set(G.nodes) - set(listed["name"])
    assert list(g.nodes[144:]) == sorted(extra)
    assert na.loc[sorted(extra), "Role"].isna().all()
    assert list(na.columns) == ["Role", "Relationship", "Request"]
    assert na.loc["N0", "Role"] == "cooperating witness"
    assert pd.isna(na.loc["N0", "Request"])


# ----------------------------------------------------------------------------- CAVIAR
def test_caviar_directed_equals_adjacency_matrix():
    A = raw_csv("caviar_morselli", "caviar_full_adjacency_110x110.csv", index_col=0)
    A.columns = A.columns.astype(int)
    g = nc.datasets.load("caviar")
    G = nx_of(g)
    expected = {(int(r), int(c)): float(A.loc[r, c]) for r in A.index for c in A.columns
                if A.loc[r, c] != 0}
    got = {(u, v): w for u, v, w in G.edges(data="weight")}
    assert got == expected
    assert len(got) == 295 and sum(got.values()) == 3546
    assert nx.Graph(G).number_of_edges() == 205  # 205 undirected pairs
    assert sorted(g.nodes) == list(range(1, 111))


def test_caviar_undirected_is_max_symmetrisation():
    D = nx_of(nc.datasets.load("caviar"))
    U = nx_of(nc.datasets.load("caviar_undirected"))
    for u, v, w in U.edges(data="weight"):
        both = [D[a][b]["weight"] for a, b in ((u, v), (v, u)) if D.has_edge(a, b)]
        assert w == max(both)
    assert U.number_of_edges() == 205


def caviar_matrix_nx(k: int) -> nx.DiGraph:
    """Phase k from the raw matrix file with pandas + networkx (row = caller)."""
    A = raw_csv("caviar_morselli", f"caviar_phase{k:02d}_matrix.csv", index_col=0)
    A.columns = A.columns.astype(int)
    return nx.from_pandas_adjacency(A, create_using=nx.DiGraph)


def test_caviar_phases():
    sizes = [nc.datasets.load("caviar", phase=k).n_nodes for k in range(1, 12)]
    assert sizes == CAVIAR_PHASE_NODES
    for k in (1, 7, 11):
        assert nc.datasets.load("caviar", phase=k) is nc.datasets.load(f"caviar_phase{k:02d}")
    g7 = nc.datasets.load("caviar", phase=7)
    assert g7.meta["phase"] == 7 and g7.meta["seizure"] is True
    assert nc.datasets.load("caviar_phase01").meta["seizure"] is False
    # the real phase 7: Serero (node 1) sends to 18 and receives from 15 of the 35 others
    # (Anastasiadis & Antoniou 2024, supplementary S2, per-node table of phase 7)
    G7 = nx_of(g7)
    assert G7.out_degree(1) == 18 and G7.in_degree(1) == 15
    agg = set(nc.datasets.load("caviar").nodes)
    for k in range(1, 12):
        g = nc.datasets.load("caviar", phase=k)
        assert g.directed and g.weighted
        assert set(g.nodes) <= agg  # each phase's actors are CAVIAR actors
        # the Graph holds exactly the raw matrix's arcs and values
        D = caviar_matrix_nx(k)
        assert set(g.nodes) == set(D.nodes)
        assert {(u, v): w for u, v, w in nx_of(g).edges(data="weight")} == {
            (u, v): float(w) for u, v, w in D.edges(data="weight")}


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 8, 9, 10, 11])
def test_caviar_symmetrised_phases_equal_the_undirected_source(k):
    # networkdata's undirected phase files (SOURCE B, bundled for audit, no longer loaded)
    # against the max-symmetrised directed matrices (SOURCE C), both read raw.
    und = raw_csv("caviar_morselli", f"caviar_phase{k:02d}_undirected_edges.csv")
    U = nx.Graph()
    U.add_weighted_edges_from((int(a), int(b), float(w)) for a, b, w in und.itertuples(False))
    D = caviar_matrix_nx(k)
    S = nx.Graph()
    S.add_nodes_from(D)
    for u, v, w in D.edges(data="weight"):
        old = S[u][v]["weight"] if S.has_edge(u, v) else 0.0
        S.add_edge(u, v, weight=max(old, float(w)))
    assert set(S.nodes) == set(U.nodes)
    key = lambda G: {frozenset((u, v)): w for u, v, w in G.edges(data="weight")}  # noqa: E731
    assert key(S) == key(U)
    g = nc.datasets.load(f"caviar_phase{k:02d}_undirected")
    assert key(nx_of(g)) == key(U) and not g.directed


def test_caviar_phase7_is_not_the_networkdata_file():
    # the networkdata phase-7 file is phase 9 relabelled; the loaded phase 7 is not
    from networkx.algorithms.isomorphism import GraphMatcher

    g7 = nx_of(nc.datasets.load("caviar_phase07_undirected"))
    g9 = nx_of(nc.datasets.load("caviar_phase09_undirected"))
    assert (g7.number_of_nodes(), g7.number_of_edges()) == (36, 49)
    assert not GraphMatcher(g7, g9).is_isomorphic()
    assert 1 in g7  # Serero
    A = nx_of(nc.datasets.load("caviar_undirected"))
    assert np.mean([A.has_edge(u, v) for u, v in g7.edges()]) > 0.8


@pytest.mark.parametrize("k", range(1, 12))
def test_caviar_phase_centralities_against_networkx(k):
    g = nc.datasets.load("caviar", phase=k)
    D = caviar_matrix_nx(k)  # built from the raw file, not from the Graph

    def close(series, expected):
        exp = pd.Series(expected, dtype=float).reindex(series.index)
        np.testing.assert_allclose(series.to_numpy(), exp.to_numpy(), rtol=1e-9, atol=1e-12)

    close(nc.centrality.degree(g, direction="out"), dict(D.out_degree()))
    close(nc.centrality.degree(g, direction="in", weight="weight"),
          dict(D.in_degree(weight="weight")))
    close(nc.centrality.betweenness(g), nx.betweenness_centrality(D))
    # NaN rule: a node no other node reaches has undefined closeness (networkx: 0)
    clo = nc.centrality.closeness(g, direction="in")
    unreached = [v for v in D if not nx.ancestors(D, v)]
    assert sorted(clo[clo.isna()].index) == sorted(unreached)
    close(clo.fillna(0.0), nx.closeness_centrality(D))
    close(nc.centrality.pagerank(g, weight="weight", tol=1e-12),
          nx.pagerank(D, weight="weight", tol=1e-13, max_iter=10_000))


def test_caviar_load_phases():
    s = nc.datasets.load_phases("caviar")
    assert list(s) == list(range(1, 12))
    assert [s[k].n_nodes for k in s] == CAVIAR_PHASE_NODES
    for k in s:
        assert s[k] is nc.datasets.load("caviar", phase=k)
    everyone = set().union(*(set(caviar_matrix_nx(k).nodes) for k in range(1, 12)))
    assert list(s.universe) == sorted(everyone)
    # seizure record (PROVENANCE.txt): 11 seizures in phases 4, 6, 7, 8, 9, 10, 11
    assert s.meta["seizure_phases"] == (4, 6, 7, 8, 9, 10, 11)
    assert s.meta["n_seizures"] == 11
    assert [k for k, v in s.meta["seizure"].items() if v] == [4, 6, 7, 8, 9, 10, 11]
    assert "Morselli" in s.meta["citation"]
    with pytest.raises(ParameterError, match="'name' parameter of load_phases"):
        nc.datasets.load_phases("madrid")


# ----------------------------------------------------------------------------- Oversize
@pytest.mark.parametrize("name, m, non_isolated, ncomp_nonisolated, lcc", [
    ("oversize_wiretaps", 247, 182, 3, 176),
    ("oversize_warrants", 189, 146, None, 142),
    ("oversize_judgments", 113, 89, None, 71),
])
def test_oversize(name, m, non_isolated, ncomp_nonisolated, lcc):
    g = nc.datasets.load(name)
    G = nx_of(g)
    assert G.number_of_nodes() == 182 and G.number_of_edges() == m
    assert sum(1 for _, d in G.degree() if d > 0) == non_isolated
    core = G.subgraph([v for v, d in G.degree() if d > 0])
    comps = components(core)
    assert comps[0] == lcc  # Berlusconi et al. 2016 / provenance
    if ncomp_nonisolated is not None:
        assert len(comps) == ncomp_nonisolated
    nodes = raw_csv("oversize_ndrangheta", "oversize_nodes_182.csv")["name"].tolist()
    assert list(g.nodes) == nodes


def test_oversize_stages_are_nested_views_of_one_actor_set():
    a, b, c = (nc.datasets.load(f"oversize_{k}") for k in ("wiretaps", "warrants", "judgments"))
    assert a.nodes.equals(b.nodes) and b.nodes.equals(c.nodes)


# ----------------------------------------------------------------------------- 9/11
def test_hijackers_krebs_rankings():
    # Krebs (2002): Mohamed Atta ranks first on degree, betweenness and closeness;
    # networkx is the calculator. The provenance notes Ben Khemais second on betweenness.
    G = nx_of(nc.datasets.load("hijackers_911"))
    G.remove_edges_from(nx.selfloop_edges(G))
    for f in (nx.degree_centrality, nx.betweenness_centrality, nx.closeness_centrality):
        c = f(G)
        ranked = sorted(c, key=c.get, reverse=True)
        assert ranked[0] == "Mohamed Atta", f.__name__
        assert c[ranked[0]] > c[ranked[1]]
    b = nx.betweenness_centrality(G)
    assert sorted(b, key=b.get, reverse=True)[1] == "Essid Sami Ben Khemail"


def test_hijackers_small_version():
    G = nx_of(nc.datasets.load("hijackers_911_prior_contacts"))
    assert (G.number_of_nodes(), G.number_of_edges()) == (19, 27)
    assert components(G) == [19]
    big = nc.datasets.load("hijackers_911")
    assert set(G.nodes) <= set(big.nodes)


# ----------------------------------------------------------------------------- Noordin
def test_noordin_relations():
    names = raw_csv("noordin_top", "noordin_nodes.csv", keep_default_na=False)["name"].tolist()
    for rel, m in NOORDIN_EDGES.items():
        g = nc.datasets.load("noordin", relation=rel)
        assert g is nc.datasets.load(f"noordin_{rel}")
        assert (g.n_nodes, g.n_edges) == (79, m)
        assert list(g.nodes) == names
        assert g.meta["relation"] == rel


def test_noordin_multiplex_against_networkx_union():
    U = nx.Graph()
    counts: dict[frozenset, int] = {}
    for rel in NOORDIN_EDGES:
        df = raw_csv("noordin_top", f"noordin_{rel}_edges.csv", keep_default_na=False)
        U.add_edges_from(df.itertuples(index=False))
        for s, t in df.itertuples(index=False):
            counts[frozenset((s, t))] = counts.get(frozenset((s, t)), 0) + 1
    g = nc.datasets.load("noordin")
    assert g.n_nodes == 79 and g.n_edges == U.number_of_edges() == 623
    df = g.to_pandas()
    for row in df.itertuples(index=False):
        key = frozenset((row.source, row.target))
        assert row.weight == counts[key]
        assert sum(getattr(row, r) for r in NOORDIN_EDGES) == counts[key]


# ----------------------------------------------------------------------------- Madrid
def test_madrid_aggregate_and_slices():
    g = nc.datasets.load("madrid")
    assert (g.n_nodes, g.n_edges) == (54, 226)
    ea = g.to_pandas()
    assert list(ea.columns) == ["source", "target", "operation_id", "tie_year",
                                "tie_extinguish"]
    raw = {k: raw_csv("madrid_bombing", f"madrid_{k}_edges.csv")
           for k in ("operation_id", "tie_year", "tie_extinguish")}
    for k, df in raw.items():
        want = {frozenset((s, t)): w for s, t, w in df.itertuples(index=False)}
        got = {frozenset((s, t)): w for s, t, w in ea[["source", "target", k]].itertuples(
            index=False)}
        assert got == want
    assert components(nx_of(g)) == [54]
    kin = nc.datasets.load("madrid_kinship")
    assert (kin.n_nodes, kin.n_edges) == (54, 124)
    sizes = {}
    for per in registry.MADRID_PERIODS:
        s = nc.datasets.load("madrid", period=per)
        assert s.n_nodes == 54 and s.nodes.equals(g.nodes)
        rows = raw_csv("madrid_bombing", f"madrid_{per}_edges.csv")
        assert s.n_edges == len(rows)
        sizes[per] = s.n_edges
    # build-up to the attack then collapse after the arrests (provenance USE note)
    assert max(sizes, key=sizes.get) == "2004_1"
    assert sizes["2004_2"] < sizes["2004_1"] / 10
    assert sizes["2005_2"] == sizes["2006_1"] == sizes["2006_2"] == 0


# ----------------------------------------------------------------------------- London gang
def test_london_gang():
    g = nc.datasets.load("london_gang")
    nodes = raw_csv("london_gang", "london_gang_nodes.csv")
    assert (g.n_nodes, g.n_edges) == (54, 315)
    na = g.node_attrs
    assert list(na.columns) == list(nodes.columns[1:])
    pd.testing.assert_frame_equal(na.reset_index(drop=True), nodes.iloc[:, 1:],
                                  check_dtype=False)
    assert list(g.nodes) == nodes["name"].tolist()
    w = g.edge_attrs["weight"]
    assert set(w.unique()) == {1.0, 2.0, 3.0, 4.0}  # Grund & Densley: ties valued 1-4
    assert components(nx_of(g)) == [54]


# ----------------------------------------------------------------------------- Natarajan
def test_natarajan_heroin():
    A = raw_csv("natarajan_drug_trafficking", "heroin_adjacency_directed.csv", index_col=0)
    g = nc.datasets.load("natarajan_heroin")
    G = nx_of(g)
    want = {(r, c) for r in A.index for c in A.columns if A.loc[r, c] != 0}
    assert set(G.edges) == want and len(want) == 168
    assert not g.weighted
    u = nc.datasets.load("natarajan_heroin_undirected")
    U = nx_of(u)
    assert (U.number_of_nodes(), U.number_of_edges()) == (38, 87)
    assert {frozenset(e) for e in U.edges} == {frozenset(e) for e in G.to_undirected().edges}
    assert "Mr.X" in set(u.nodes) and "Mr." not in set(u.nodes)


def test_natarajan_cocaine():
    A = raw_csv("natarajan_drug_trafficking", "cocaine_adjacency_directed.csv", index_col=0)
    G = nx_of(nc.datasets.load("natarajan_cocaine"))
    want = {(r, c): float(A.loc[r, c]) for r in A.index for c in A.columns if A.loc[r, c]}
    assert {(a, b): w for a, b, w in G.edges(data="weight")} == want
    assert len(want) == 40 and not any((b, a) in want for a, b in want)  # no reciprocity
    U = nx_of(nc.datasets.load("natarajan_cocaine_undirected"))
    assert U.number_of_nodes() == 28
    for (a, b), w in want.items():
        assert U[a][b]["weight"] == w


# ----------------------------------------------------------------------------- errors
def test_load_errors():
    with pytest.raises(ParameterError, match="did you mean 'caviar'"):
        nc.datasets.load("caviarr")
    with pytest.raises(ParameterError, match=r"'phase' parameter of load\(\)"):
        nc.datasets.load("caviar", phase=12)
    with pytest.raises(ParameterError, match="'relation'"):
        nc.datasets.load("caviar", relation="kinship")
    with pytest.raises(ParameterError, match="'phase'"):
        nc.datasets.load("caviar_phase01", phase=1)
    with pytest.raises(ParameterError, match="'relation'"):
        nc.datasets.load("noordin", relation="enemies")
    with pytest.raises(ParameterError, match="'period'"):
        nc.datasets.load("madrid", period="2010")
    with pytest.raises(ParameterError, match="'name'"):
        nc.datasets.load(3)


def test_loaded_graphs_are_immutable_and_shared():
    g = nc.datasets.load("london_gang")
    na = g.node_attrs
    na["Age"] = 0
    assert (nc.datasets.load("london_gang").node_attrs["Age"] > 0).all()
    with pytest.raises(TypeError):
        g.meta["name"] = "x"
