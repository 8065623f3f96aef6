"""Gould–Fernandez brokerage: R sna golden files, exhaustive enumeration, closed forms."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netcrime as nc
from netcrime.brokerage import ROLES, gould_fernandez

GOLDEN = Path(__file__).parent / "oracles" / "sna_brokerage"
CASES = pd.read_csv(GOLDEN / "cases.csv")
CODES = list(ROLES)
NAMES = list(ROLES.values())
ROOT = Path(__file__).resolve().parents[1]


def _load_case(case: str, undirected: bool):
    e = pd.read_csv(GOLDEN / f"{case}_edges.csv", dtype=str)
    v = pd.read_csv(GOLDEN / f"{case}_nodes.csv", dtype=str)
    g = nc.Graph.from_edges(e, directed=not undirected, nodes=v["node"])
    groups = pd.Series(v["group"].to_numpy(), index=v["node"].to_numpy())
    return g, groups


def _close(a, b):
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=1e-12, atol=0,
                               equal_nan=True)


# ---------------------------------------------------------------------------- R sna golden
@pytest.mark.parametrize("case,undirected", list(CASES.itertuples(index=False)))
def test_matches_sna_golden(case, undirected):
    g, groups = _load_case(case, bool(undirected))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nc.NetcrimeWarning)
        res = gould_fernandez(g, groups=groups)
    nli = pd.read_csv(GOLDEN / f"{case}_nli.csv", dtype={"node": str, "group": str})
    nli = nli.set_index("node")
    assert list(res.nodes.index) == list(nli.index)
    assert list(res.nodes["group"]) == list(nli["group"])
    for code, name in zip(CODES, NAMES):
        _close(res.nodes[name], nli[f"raw_{code}"])
        for pre in ("exp", "sd", "z"):
            _close(res.nodes[f"{pre}_{name}"], nli[f"{pre}_{code}"])
    gli = pd.read_csv(GOLDEN / f"{case}_gli.csv").set_index("role")
    assert list(res.graph["code"]) == list(gli.index)
    for col in ("raw", "exp", "sd", "z"):
        _close(res.graph[col], gli[col])
    grp = pd.read_csv(GOLDEN / f"{case}_grp.csv", dtype={"group": str}).set_index("group")
    assert list(res.groups.index) == list(grp.index)
    _close(res.groups["n"], grp["n"])
    for code, name in zip(CODES, NAMES):
        _close(res.groups[f"exp_{name}"], grp[f"exp_{code}"])
        _close(res.groups[f"sd_{name}"], grp[f"sd_{code}"])
    meta = pd.read_csv(GOLDEN / f"{case}_meta.csv")
    assert res.density == pytest.approx(float(meta["d"][0]), rel=1e-15)


def test_golden_cover_the_corner_cases():
    names = set(CASES["case"])
    assert len(names) >= 20
    assert {"singletons", "one_group", "own_group10", "empty", "complete", "loops1",
            "undirected1", "isolates"} <= names


# ---------------------------------------------------------------------------- brute force
def _brute_counts(A: np.ndarray, cl, partial: bool = False) -> np.ndarray:
    """Obviously-correct reference: loop over ordered triples (a, b, c)."""
    N = len(cl)
    out = np.zeros((N, 5))
    for a, b, c in itertools.permutations(range(N), 3):
        if A[a, b] and A[b, c] and not A[a, c]:
            k = sum(1 for x in range(N) if x not in (a, c) and A[a, x] and A[x, c])
            ga, gb, gc = cl[a], cl[b], cl[c]
            if ga == gb == gc:
                r = 0
            elif ga == gc:
                r = 1
            elif ga == gb:
                r = 2
            elif gb == gc:
                r = 3
            else:
                r = 4
            out[b, r] += 1.0 / k if partial else 1.0
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("partial", [False, True])
def test_counts_match_brute_force(seed, partial):
    rng = np.random.default_rng(seed)
    N = 14
    A = (rng.random((N, N)) < 0.3).astype(int)
    A[rng.random((N, N)) < 0.05] = 1  # a few loops too
    cl = rng.integers(0, 3, N)
    src, dst = np.nonzero(A)
    g = nc.Graph.from_arrays(N, src, dst, directed=True)
    res = gould_fernandez(g, groups=pd.Series(cl, index=g.nodes), partial_credit=partial)
    ref = _brute_counts(A, cl, partial)
    np.testing.assert_allclose(res.nodes[NAMES[:5]].to_numpy(), ref, rtol=1e-12, atol=1e-12)
    if partial:
        assert res.nodes["exp_total"].isna().all() and res.graph["z"].isna().all()
        # every open ordered pair hands out exactly one point in total
        closed = A.copy()
        np.fill_diagonal(closed, 0)
        two = (closed @ closed > 0) & (closed == 0)
        np.fill_diagonal(two, False)
        assert res.graph.loc["total", "raw"] == pytest.approx(two.sum())


def test_partial_credit_hand_case():
    # a -> b1 -> c and a -> b2 -> c: pair (a, c) has two intermediaries, each gets 1/2
    e = pd.DataFrame({"source": ["a", "a", "b1", "b2"], "target": ["b1", "b2", "c", "c"]})
    g = nc.Graph.from_edges(e, directed=True)
    grp = pd.Series({"a": 1, "b1": 1, "b2": 1, "c": 1})
    full = gould_fernandez(g, groups=grp)
    half = gould_fernandez(g, groups=grp, partial_credit=True)
    assert full.nodes.loc[["b1", "b2"], "coordinator"].tolist() == [1.0, 1.0]
    assert half.nodes.loc[["b1", "b2"], "coordinator"].tolist() == [0.5, 0.5]


# ---------------------------------------------------------------------------- closed forms
def test_three_stage_chain_roles():
    # recruiter r1 -> r2 -> driver t -> exploiter x1 -> x2 (a trafficking chain).
    # Open two-paths (no shortcuts anywhere): r1->r2->t, r2->t->x1, t->x1->x2.
    #   r2 brokers (r1, t): g(a)=g(b)=recruitment != transport -> representative
    #   t  brokers (r2, x1): recruitment, transport, exploitation -> liaison
    #   x1 brokers (t, x2): g(b)=g(c)=exploitation != transport -> gatekeeper
    e = pd.DataFrame({"source": ["r1", "r2", "t", "x1"], "target": ["r2", "t", "x1", "x2"]})
    g = nc.Graph.from_edges(e, directed=True)
    stage = pd.Series({"r1": "recruitment", "r2": "recruitment", "t": "transport",
                       "x1": "exploitation", "x2": "exploitation"})
    res = gould_fernandez(g, groups=stage)
    raw = res.raw()
    assert raw.loc["r2"].tolist() == [0, 0, 1, 0, 0, 1]
    assert raw.loc["t"].tolist() == [0, 0, 0, 0, 1, 1]
    assert raw.loc["x1"].tolist() == [0, 0, 0, 1, 0, 1]
    assert raw.loc[["r1", "x2"]].to_numpy().sum() == 0
    # d = 4 / (5*4) = 0.2; a driver alone in "transport" has exp liaison
    # d^2 (1-d) * ((n_other)^2 - sum n_other^2) = 0.032 * (16 - 8) = 0.256
    assert res.density == pytest.approx(0.2)
    assert res.nodes.loc["t", "exp_liaison"] == pytest.approx(0.032 * 8)
    # a singleton group cannot coordinate: 0/0 -> NaN
    assert np.isnan(res.nodes.loc["t", "z_coordinator"])
    # adding the shortcut r2 -> x1 closes the pair (r2, x1): t loses its liaison point
    e2 = pd.concat([e, pd.DataFrame({"source": ["r2"], "target": ["x1"]})])
    res2 = gould_fernandez(nc.Graph.from_edges(e2, directed=True), groups=stage)
    assert res2.nodes.loc["t", "liaison"] == 0
    # ... while the reverse arc x1 -> r2 is irrelevant for (r2, x1)
    e3 = pd.concat([e, pd.DataFrame({"source": ["x1"], "target": ["r2"]})])
    res3 = gould_fernandez(nc.Graph.from_edges(e3, directed=True), groups=stage)
    assert res3.nodes.loc["t", "liaison"] == 1


def test_kenney_wheel_roles():
    # Kenney wheel: a core trafficker "core" (group core) commands two cell leaders L1, L2
    # (groups cell1, cell2) who each command two workers (their own cell); arcs point down:
    # core -> L1, core -> L2, L1 -> w11, L1 -> w12, L2 -> w21, L2 -> w22.
    # Open two-paths: core -> L1 -> w1x (2 of them) and core -> L2 -> w2x (2).
    #   L1: g(a)=core != g(b)=g(c)=cell1 -> gatekeeper, twice; L2 likewise.
    # With reciprocal reporting arcs (every arc mutual), more paths open:
    #   L1: w11 -> L1 -> w12 and w12 -> L1 -> w11: coordinator x2;
    #       w1x -> L1 -> core: representative x2; core -> L1 -> w1x: gatekeeper x2;
    #   core: L1 -> core -> L2 and back: liaison x2; workers broker nothing.
    src = ["core", "core", "L1", "L1", "L2", "L2"]
    dst = ["L1", "L2", "w11", "w12", "w21", "w22"]
    grp = pd.Series({"core": "core", "L1": "cell1", "w11": "cell1", "w12": "cell1",
                     "L2": "cell2", "w21": "cell2", "w22": "cell2"})
    g = nc.Graph.from_edges(pd.DataFrame({"source": src, "target": dst}), directed=True)
    raw = gould_fernandez(g, groups=grp).raw()
    assert raw.loc["L1"].tolist() == [0, 0, 0, 2, 0, 2]
    assert raw.loc["L2"].tolist() == [0, 0, 0, 2, 0, 2]
    assert raw.drop(["L1", "L2"]).to_numpy().sum() == 0
    gm = nc.Graph.from_edges(pd.DataFrame({"source": src + dst, "target": dst + src}),
                             directed=True)
    raw = gould_fernandez(gm, groups=grp).raw()
    assert raw.loc["L1"].tolist() == [2, 0, 2, 2, 0, 6]
    assert raw.loc["core"].tolist() == [0, 0, 0, 0, 2, 2]
    assert raw.loc["w11"].sum() == 0
    # the same wheel given as an undirected graph: identical counts, with a warning
    with pytest.warns(nc.NetcrimeWarning, match="independent arcs"):
        rawu = gould_fernandez(gm.to_undirected(), groups=grp).raw()
    pd.testing.assert_frame_equal(rawu.loc[raw.index], raw)


def test_undirected_is_mutual_digraph():
    rng = np.random.default_rng(3)
    N = 12
    U = np.triu(rng.random((N, N)) < 0.3, 1)
    s, t = np.nonzero(U)
    gu = nc.Graph.from_arrays(N, s, t, directed=False)
    gd = nc.Graph.from_arrays(N, np.r_[s, t], np.r_[t, s], directed=True)
    cl = pd.Series(rng.integers(0, 3, N), index=gu.nodes)
    with pytest.warns(nc.NetcrimeWarning):
        ru = gould_fernandez(gu, groups=cl)
    rd = gould_fernandez(gd, groups=cl)
    pd.testing.assert_frame_equal(ru.nodes, rd.nodes)
    np.testing.assert_array_equal(ru.nodes["representative"], ru.nodes["gatekeeper"])


# ---------------------------------------------------------------------------- exact variance
def _all_digraph_counts(cl):
    """Graph-level counts of every digraph on len(cl) nodes (no loops), with arc counts."""
    N = len(cl)
    pairs = [(i, j) for i in range(N) for j in range(N) if i != j]
    M = len(pairs)
    bits = (np.arange(2**M)[:, None] >> np.arange(M)[None, :]) & 1
    A = np.zeros((2**M, N, N), dtype=np.int8)
    for t, (i, j) in enumerate(pairs):
        A[:, i, j] = bits[:, t]
    counts = np.zeros((2**M, 6))
    for a, b, c in itertools.permutations(range(N), 3):
        open_ = A[:, a, b] * A[:, b, c] * (1 - A[:, a, c])
        ga, gb, gc = cl[a], cl[b], cl[c]
        r = 0 if ga == gb == gc else 1 if ga == gc else 2 if ga == gb else 3 if gb == gc else 4
        counts[:, r] += open_
    counts[:, 5] = counts[:, :5].sum(axis=1)
    return counts, bits.sum(axis=1), M


@pytest.mark.parametrize("cl", [[0, 0, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1], [0, 1, 2, 2],
                                [0, 1, 2, 3]])
@pytest.mark.parametrize("d", [0.25, 0.6])
def test_exact_variance_by_enumeration(cl, d):
    # Exhaustive: all 2^12 digraphs on 4 nodes weighted by d^m (1-d)^(12-m); the true mean and
    # variance of each graph-level count under independent arcs with probability d.
    counts, m, M = _all_digraph_counts(cl)
    w = d**m * (1 - d) ** (M - m)
    mean = w @ counts
    var = w @ (counts - mean) ** 2
    n = np.bincount(cl).astype(float)
    _e_sna, v_sna = nc.brokerage._sna_graph_level(n, 4.0, d, exact=False)
    e_ex, v_ex = nc.brokerage._sna_graph_level(n, 4.0, d, exact=True)
    np.testing.assert_allclose(e_ex, mean, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(v_ex, var, rtol=1e-10, atol=1e-14)
    # sna's own graph-level variance of the total is too large whenever N >= 3
    assert v_sna[5] > var[5] + 1e-6


def test_exact_variance_through_public_api():
    # choose a graph whose density is exactly 0.25 on 4 nodes (3 arcs) and compare sd
    g = nc.Graph.from_arrays(4, [0, 1, 2], [1, 2, 3], directed=True)
    cl = [0, 0, 1, 1]
    counts, m, M = _all_digraph_counts(cl)
    w = 0.25**m * 0.75 ** (M - m)
    var = w @ (counts - w @ counts) ** 2
    res = gould_fernandez(g, groups=pd.Series(cl, index=g.nodes), variance="exact")
    np.testing.assert_allclose(res.graph["sd"].to_numpy() ** 2, var, rtol=1e-10)


@pytest.mark.slow
def test_exact_variance_monte_carlo():
    # Seeded Monte Carlo on N = 9 (groups 4, 3, 2): sample variance of each graph-level
    # count over 30,000 independent-arc digraphs vs the exact formula (4 % tolerance; the
    # relative standard error of a variance estimate here is below 1.5 %).
    rng = np.random.default_rng(12345)
    cl = np.array([0, 0, 0, 0, 1, 1, 1, 2, 2])
    N, d, R = len(cl), 0.3, 30_000
    A = rng.random((R, N, N)) < d
    A[:, np.arange(N), np.arange(N)] = False
    A = A.astype(np.int8)
    counts = np.zeros((R, 6))
    for a, b, c in itertools.permutations(range(N), 3):
        open_ = A[:, a, b] * A[:, b, c] * (1 - A[:, a, c])
        ga, gb, gc = cl[a], cl[b], cl[c]
        r = 0 if ga == gb == gc else 1 if ga == gc else 2 if ga == gb else 3 if gb == gc else 4
        counts[:, r] += open_
    counts[:, 5] = counts[:, :5].sum(axis=1)
    n = np.bincount(cl).astype(float)
    e_ex, v_ex = nc.brokerage._sna_graph_level(n, float(N), d, exact=True)
    np.testing.assert_allclose(counts.mean(axis=0), e_ex, rtol=0.02)
    np.testing.assert_allclose(counts.var(axis=0), v_ex, rtol=0.04)


# ---------------------------------------------------------------------------- API
def test_groups_by_attribute_name_and_errors():
    g = nc.Graph.from_arrays(4, [0, 1, 2], [1, 2, 3], directed=True,
                             node_attrs={"stage": ["a", "a", "b", "b"]})
    r1 = gould_fernandez(g, groups="stage")
    r2 = gould_fernandez(g, groups=pd.Series(["a", "a", "b", "b"], index=g.nodes))
    pd.testing.assert_frame_equal(r1.nodes, r2.nodes)
    assert list(r1.groups.index) == ["a", "b"]
    with pytest.raises(nc.ParameterError, match="'groups' parameter of gould_fernandez"):
        gould_fernandez(g, groups="nope")
    with pytest.raises(nc.ParameterError, match="no group for node 3"):
        gould_fernandez(g, groups=pd.Series(["a", "a", "b"], index=[0, 1, 2]))
    with pytest.raises(nc.ParameterError, match="'variance' parameter"):
        gould_fernandez(g, groups="stage", variance="bogus")
    with pytest.raises(nc.ParameterError, match=r"'groups' parameter of gould_fernandez\(\) must "
                       r"be a group for every node \(no missing values\). Got 'a missing "
                       r"group for node 1' instead"):
        gould_fernandez(g, groups=pd.Series(["a", None, "b", "b"], index=g.nodes))
    # a mapping of a larger network serves a subgraph: labels that are not nodes are ignored
    big = pd.Series(["a", "a", "b", "b", "c"], index=[0, 1, 2, 3, "not a node"])
    pd.testing.assert_frame_equal(gould_fernandez(g, groups=big).nodes, r1.nodes)
    with pytest.raises(nc.ParameterError, match="unique node index"):
        gould_fernandez(g, groups=pd.Series(["a", "a", "b", "b"], index=[0, 1, 2, 2]))
    with pytest.raises(nc.ParameterError, match="'partial_credit' parameter of gould_fernandez"):
        gould_fernandez(g, groups="stage", partial_credit="yes")
    with pytest.raises(nc.UndefinedMetricError):
        gould_fernandez(nc.Graph.from_arrays(1, [], [], directed=True,
                                             node_attrs={"s": ["x"]}), groups="s")


def test_networkx_input_and_no_mutation():
    import networkx as nx

    G = nx.gnp_random_graph(15, 0.2, seed=4, directed=True)
    nx.set_node_attributes(G, {v: v % 3 for v in G}, "grp")
    before = nx.to_dict_of_dicts(G)
    r = gould_fernandez(G, groups="grp")
    assert nx.to_dict_of_dicts(G) == before
    A = nx.to_numpy_array(G, dtype=int)
    np.testing.assert_array_equal(r.nodes[NAMES[:5]].to_numpy(),
                                  _brute_counts(A, [v % 3 for v in G]))


# ---------------------------------------------------------------------------- hypothesis
@st.composite
def _small_digraph(draw):
    N = draw(st.integers(2, 9))
    cells = draw(st.lists(st.booleans(), min_size=N * N, max_size=N * N))
    A = np.array(cells, dtype=int).reshape(N, N)  # loops allowed
    cl = np.array(draw(st.lists(st.integers(0, 3), min_size=N, max_size=N)))
    return A, cl


@given(_small_digraph(), st.booleans())
def test_counts_property(data, partial):
    A, cl = data
    N = len(cl)
    src, dst = np.nonzero(A)
    g = nc.Graph.from_arrays(N, src, dst, directed=True)
    res = gould_fernandez(g, groups=pd.Series(cl, index=g.nodes), partial_credit=partial)
    np.testing.assert_allclose(res.nodes[NAMES[:5]].to_numpy(), _brute_counts(A, cl, partial),
                               rtol=1e-12, atol=1e-12)
    assert res.density == A.sum() / (N * (N - 1))


def test_equivariant_under_relabelling_and_reordering():
    rng = np.random.default_rng(9)
    N = 20
    A = (rng.random((N, N)) < 0.2).astype(int)
    np.fill_diagonal(A, 0)
    cl = rng.integers(0, 4, N)
    src, dst = np.nonzero(A)
    g = nc.Graph.from_arrays(N, src, dst, directed=True)
    perm = rng.permutation(N)
    inv = np.argsort(perm)  # new position of old node i
    labels = [f"x{p}" for p in perm]
    h = nc.Graph.from_arrays(N, inv[src], inv[dst], directed=True, nodes=labels)
    ra = gould_fernandez(g, groups=pd.Series(cl, index=g.nodes))
    rb = gould_fernandez(h, groups=pd.Series(cl, index=[f"x{i}" for i in range(N)]))
    cols = NAMES + [f"z_{r}" for r in NAMES]
    np.testing.assert_allclose(rb.nodes[cols].to_numpy(), ra.nodes[cols].to_numpy()[perm],
                               rtol=1e-12, equal_nan=True)
    pd.testing.assert_frame_equal(ra.graph, rb.graph)


# ------------------------------------------------- issue 14: one group, sna's term order
@pytest.mark.parametrize("n_nodes", [3, 5, 8, 13, 21])
def test_one_group_itinerant_variance_is_exactly_zero(n_nodes):
    """All nodes in one group: no itinerant (w_O) two-path can exist, and R sna's formula,
    evaluated in its own term order, cancels to exactly 0 (sd 0, z = 0/0 = NaN, as in the
    sna golden file ``one_group``), at every density, not a round-off residue of +-1e-16
    (which gave a tiny positive sd or a NaN sd)."""
    rng = np.random.default_rng(n_nodes)
    for m in range(1, n_nodes * (n_nodes - 1), max(1, n_nodes // 3)):
        pairs = [(a, b) for a in range(n_nodes) for b in range(n_nodes) if a != b]
        pick = rng.choice(len(pairs), size=m, replace=False)
        e = pd.DataFrame([pairs[i] for i in pick], columns=["source", "target"])
        g = nc.Graph.from_edges(e, directed=True, nodes=list(range(n_nodes)))
        res = gould_fernandez(g, groups=pd.Series("all", index=list(range(n_nodes))))
        row = res.graph.loc["itinerant"]
        assert row["exp"] == 0.0 and row["sd"] == 0.0 and np.isnan(row["z"])
        for role in ("representative", "gatekeeper", "liaison"):
            assert res.graph.loc[role, "sd"] == 0.0
