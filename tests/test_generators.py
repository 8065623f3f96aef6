"""Tests of the network-form generators (netcrime.generators.forms).

Oracles: structural closed forms (node and tie counts of each design), networkx reference
graphs (path, star, complete, wheel, windmill: isomorphism), exact binomial tests and
chi-square tests (scipy.stats) on the random parts, and the Lindelauf/Freeman measures of
networkx-independent closed forms for the wheel-vs-chain comparison.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from scipy import stats

import netcrime as nc
from netcrime.exceptions import ParameterError
from netcrime.generators import STAGES

gen = nc.generators
ALPHA = 1e-3  # significance level of the statistical checks (fixed seeds: deterministic)
NODE_COLS = ["role", "stage", "group", "cell", "tier", "kind", "knows_core", "location",
             "exposure_prob"]
EDGE_COLS = ["relation", "channel", "weight", "time", "observed"]


def _edges(g):
    s, t = g.edge_array()
    return np.asarray(s), np.asarray(t)


def _schema(g):
    na, ea = g.node_attrs, g.edge_attrs
    assert list(na.columns[: len(NODE_COLS)]) == NODE_COLS
    assert list(ea.columns[: len(EDGE_COLS)]) == EDGE_COLS
    assert na["role"].dtype == "category" and na["kind"].dtype == "category"
    assert na["stage"].dtype == "category" and na["stage"].cat.ordered
    assert na["knows_core"].dtype == bool
    assert ea["observed"].dtype == bool
    assert na["exposure_prob"].between(0, 1).all()
    assert na["group"].dtype == np.int64 and na["cell"].dtype == np.int64


# --------------------------------------------------------------------------- Kenney wheel
def test_stages_constant():
    assert STAGES == ("recruitment", "transportation", "harbouring", "transfer", "receipt",
                      "exploitation")
    assert gen.ONLINE_STAGES[-3:] == ("advertising", "exploitation", "finance")


@pytest.mark.parametrize("core_topology,core_edges", [("clique", 3), ("star", 2), ("path", 2)])
def test_kenney_wheel_counts_and_roles(core_topology, core_edges):
    K, C, s = 3, 5, 4
    g = gen.kenney_wheel(core_size=K, core_topology=core_topology, n_cells=C, cell_size=s,
                         rng=0)
    _schema(g)
    na = g.node_attrs
    assert g.n_nodes == K + C * s
    # core ties + one command tie per handler + a clique per cell (anonymity 1: no more)
    assert g.n_edges == core_edges + C + C * s * (s - 1) // 2
    assert (na["role"] == "leader").sum() == K
    assert (na["role"] == "handler").sum() == C
    assert (na["role"] == "worker").sum() == C * (s - 1)
    assert na.loc[na["role"] == "leader", "stage"].isna().all()
    assert (na.loc[na["role"] == "leader", "cell"] == -1).all()
    assert (na["tier"].to_numpy() == np.where(na["role"] == "leader", 0,
                                                np.where(na["role"] == "handler", 1, 2))).all()
    # stage-wise cells in round-robin order
    cells = na[na["role"] == "handler"]
    assert list(cells["stage"].astype(str)) == [STAGES[c % 6] for c in cells["cell"]]
    # knows_core: leaders and handlers only (full anonymity)
    assert (na["knows_core"] == na["role"].isin(["leader", "handler"])).all()
    assert nx.is_connected(g.to_networkx())


@pytest.mark.slow
def test_kenney_wheel_anonymity_share_binomial():
    g = gen.kenney_wheel(core_size=2, n_cells=200, cell_size=6, anonymity=0.7,
                         cell_topology="star", rng=11)
    na = g.node_attrs
    workers = na[na["role"] == "worker"]
    k = int(workers["knows_core"].sum())
    assert stats.binomtest(k, len(workers), 0.3).pvalue > ALPHA
    # a worker who knows the core has exactly one leader neighbour, else none
    G = g.to_networkx()
    lead = set(na.index[na["role"] == "leader"])
    for v, row in workers.iterrows():
        nl = sum(1 for u in G[v] if u in lead)
        assert nl == int(row["knows_core"])


def test_kenney_wheel_redundancy_and_topologies():
    g = gen.kenney_wheel(core_size=4, n_cells=10, cell_size=5, redundancy=3,
                         cell_topology="chain", rng=3)
    G = g.to_networkx()
    na = g.node_attrs
    lead = set(na.index[na["role"] == "leader"])
    for h in na.index[na["role"] == "handler"]:
        assert sum(1 for u in G[h] if u in lead) == 3
    # chain cells: handler - w1 - w2 - w3 - w4 is a path
    for c in range(10):
        members = na.index[na["cell"] == c]
        assert nx.is_isomorphic(G.subgraph(members), nx.path_graph(5))
    g = gen.kenney_wheel(core_size=1, n_cells=4, cell_size=5, cell_topology="star", rng=0)
    G = g.to_networkx()
    for c in range(4):
        assert nx.is_isomorphic(G.subgraph(g.node_attrs.index[g.node_attrs["cell"] == c]),
                                nx.star_graph(4))
    g = gen.kenney_wheel(core_size=1, n_cells=3, cell_size=4, cell_topology="empty", rng=0)
    assert g.n_edges == 3 and not nx.is_connected(g.to_networkx())


@pytest.mark.slow
def test_kenney_wheel_cell_size_distribution_and_cross_cell_binomial():
    g = gen.kenney_wheel(n_cells=50, cell_size=lambda r, k: 2 + r.poisson(3, k),
                         cell_topology="star", cross_cell_p=0.01, rng=5)
    na = g.node_attrs
    sizes = na[na["cell"] >= 0].groupby("cell").size().to_numpy()
    assert sizes.min() >= 2 and len(sizes) == 50
    ea = g.edge_attrs
    s, t = _edges(g)
    cell = na["cell"].to_numpy()
    role = na["role"].astype(str).to_numpy()
    cross = (cell[s] != cell[t]) & (role[s] == "worker") & (role[t] == "worker")
    assert (ea.loc[cross, "relation"] == "collaboration").all()
    W = (role == "worker").sum()
    wsz = np.bincount(cell[role == "worker"])
    eligible = (W * (W - 1) - (wsz * (wsz - 1)).sum()) // 2
    assert stats.binomtest(int(cross.sum()), int(eligible), 0.01).pvalue > ALPHA
    g2 = gen.kenney_wheel(n_cells=3, cell_size=[2, 3, 4], rng=0)
    assert g2.n_nodes == 1 + 9


def test_kenney_wheel_seeds_and_errors():
    kw = dict(core_size=2, n_cells=30, cell_size=5, anonymity=0.5, cross_cell_p=0.01)
    assert gen.kenney_wheel(**kw, rng=4) == gen.kenney_wheel(**kw, rng=4)
    assert gen.kenney_wheel(**kw, rng=4) != gen.kenney_wheel(**kw, rng=5)
    with pytest.raises(ParameterError, match=r"'anonymity' parameter of kenney_wheel\(\) must "
                                             r"be a float in \[0, 1\]. Got 1.5 instead"):
        gen.kenney_wheel(anonymity=1.5)
    with pytest.raises(ParameterError, match="'cell_topology'"):
        gen.kenney_wheel(cell_topology="ring")
    with pytest.raises(ParameterError, match="'cell_size'"):
        gen.kenney_wheel(n_cells=3, cell_size=[2, 3])
    with pytest.raises(ParameterError, match="'cell_size'"):
        gen.kenney_wheel(n_cells=2, cell_size=0)
    with pytest.raises(ParameterError, match="'core_size'"):
        gen.kenney_wheel(core_size=0)
    # redundancy beyond the core is an error, not silently capped
    for f in (gen.kenney_wheel, gen.chain_of_wheels, gen.wheel_of_chains):
        with pytest.raises(ParameterError, match=rf"'redundancy' parameter of {f.__name__}\(\) "
                                                 r"must be an int in \[1, 2\]. Got 3 instead"):
            f(core_size=2, redundancy=3)
    with pytest.raises(ParameterError, match="'stages'"):
        gen.kenney_wheel(stages="recruitment")
    with pytest.raises(ParameterError, match="'rng'"):
        gen.kenney_wheel(rng="seed")


# --------------------------------------------------------------------------- Kenney chain
def _stage_codes(g):
    return g.node_attrs["stage"].cat.codes.to_numpy()


def test_kenney_chain_default_is_broken_chain():
    g = gen.kenney_chain(stage_sizes=[3, 1, 2, 4, 2, 3], n_groups=5, rng=1)
    _schema(g)
    assert g.directed
    na = g.node_attrs
    assert g.n_nodes == 5 * 15
    assert list(na["stage"].cat.categories) == list(STAGES)
    st = _stage_codes(g)
    grp = na["group"].to_numpy()
    s, t = _edges(g)
    assert (st[t] - st[s] == 1).all()  # only adjacent stages, along the flow
    assert (grp[s] == grp[t]).all()
    assert (g.edge_attrs["relation"] == "handoff").all()
    # matching: max(a, b) ties between consecutive blocks of every group; all have partners
    sizes = [3, 1, 2, 4, 2, 3]
    per = np.bincount(st[s], minlength=6)[:5]
    assert per.tolist() == [5 * max(a, b) for a, b in itertools.pairwise(sizes)]
    outd, ind = g.out_degree(), g.in_degree()
    assert (outd[st < 5] >= 1).all() and (ind[st > 0] >= 1).all()
    # one leader per group, in the last stage, knows_core for its partners only
    lead = na.index[na["role"] == "leader"]
    assert len(lead) == 5 and (na.loc[lead, "stage"] == "exploitation").all()
    roles = dict(zip(STAGES, ["recruiter", "transporter", "harbourer", "transferrer",
                              "receiver", "exploiter"]))
    other = na[na["role"] != "leader"]
    assert (other["role"].astype(str) == other["stage"].astype(str).map(roles)).all()


def test_kenney_chain_single_file_is_a_path():
    g = gen.kenney_chain(rng=0)
    assert nx.is_isomorphic(g.to_networkx().to_undirected(), nx.path_graph(6))
    u = gen.kenney_chain(directed=False, rng=0)
    assert not u.directed and u.n_edges == 5


@pytest.mark.slow
def test_kenney_chain_random_handoff_binomial_and_uniform():
    G_, a, b, p = 400, 3, 4, 0.3
    g = gen.kenney_chain(stages=["a", "b"], stage_sizes=[a, b], n_groups=G_, handoff="random",
                         handoff_p=p, ensure_flow=False, leader_stage=None, rng=2)
    s, t = _edges(g)
    assert stats.binomtest(len(s), G_ * a * b, p).pvalue > ALPHA
    # ties spread uniformly over the a x b positions of a group
    li = s % (a + b)
    lj = t % (a + b) - a
    counts = np.bincount(li * b + lj, minlength=a * b)
    assert stats.chisquare(counts).pvalue > ALPHA
    assert (g.node_attrs["role"] == "worker").all()  # custom stage names
    # ensure_flow gives everyone a partner
    g = gen.kenney_chain(stage_sizes=3, n_groups=30, handoff="random", handoff_p=0.05, rng=2)
    st = _stage_codes(g)
    assert (g.out_degree()[st < 5] >= 1).all() and (g.in_degree()[st > 0] >= 1).all()


def test_kenney_chain_broker_handoff():
    g = gen.kenney_chain(stage_sizes=[2, 3, 2, 2, 1, 4], n_groups=3, handoff="broker", rng=0)
    na = g.node_attrs
    brokers = np.flatnonzero(na["role"] == "broker")
    assert len(brokers) == 3 * 5
    assert na.iloc[brokers]["stage"].isna().all()
    s, t = _edges(g)
    st = _stage_codes(g)
    assert not ((st[s] >= 0) & (st[t] >= 0)).any()  # every handoff passes a broker
    sizes = np.array([2, 3, 2, 2, 1, 4])
    ind, outd = g.in_degree()[brokers], g.out_degree()[brokers]
    k = np.arange(15) % 5
    assert (ind == sizes[k]).all() and (outd == sizes[k + 1]).all()
    for grp in range(3):
        nodes = na.index[na["group"] == grp]
        assert nx.is_weakly_connected(g.to_networkx().subgraph(nodes))


@pytest.mark.slow
def test_kenney_chain_options_binomial():
    G_ = 300
    g = gen.kenney_chain(stage_sizes=4, n_groups=G_, intra_stage_p=0.2, skip_p=0.1,
                         cross_group_p=0.05, online_share=0.3, directed=False, rng=9)
    ea = g.edge_attrs
    st = _stage_codes(g)
    grp = g.node_attrs["group"].to_numpy()
    s, t = _edges(g)
    gap = np.abs(st[t] - st[s])
    same = grp[s] == grp[t]
    intra = (gap == 0)
    assert (same[intra]).all() and (ea.loc[intra, "relation"] == "collaboration").all()
    assert stats.binomtest(int(intra.sum()), G_ * 6 * 6, 0.2).pvalue > ALPHA
    skip = gap == 2
    assert same[skip].all()
    assert stats.binomtest(int(skip.sum()), G_ * 4 * 4, 0.1).pvalue > ALPHA
    cross = ~same
    assert (gap[cross] == 1).all() and (ea.loc[cross, "relation"] == "transaction").all()
    assert stats.binomtest(int(cross.sum()), G_ * 4 * 5, 0.05).pvalue > ALPHA
    assert (gap <= 2).all()
    online = int((ea["channel"] == "online").sum())
    assert stats.binomtest(online, len(ea), 0.3).pvalue > ALPHA
    # directed intra-stage collaboration is mutual
    d = gen.kenney_chain(stage_sizes=3, n_groups=20, intra_stage_p=0.5, rng=1)
    D = d.to_networkx()
    st = _stage_codes(d)
    for u, v in D.edges:
        if st[u] == st[v]:
            assert D.has_edge(v, u)


def test_kenney_chain_seeds_and_errors():
    kw = dict(stage_sizes=3, n_groups=10, handoff="random", intra_stage_p=0.2)
    assert gen.kenney_chain(**kw, rng=1) == gen.kenney_chain(**kw, rng=1)
    assert gen.kenney_chain(**kw, rng=1) != gen.kenney_chain(**kw, rng=2)
    with pytest.raises(ParameterError, match=r"'handoff_p' parameter of kenney_chain\(\) must "
                                             r"be a float in \[0, 1\]. Got 1.5 instead"):
        gen.kenney_chain(handoff_p=1.5)
    with pytest.raises(ParameterError, match="'handoff'"):
        gen.kenney_chain(handoff="relay")
    with pytest.raises(ParameterError, match="'stage_sizes'"):
        gen.kenney_chain(stage_sizes=[1, 2])
    with pytest.raises(ParameterError, match="'stages'"):
        gen.kenney_chain(stages=["a", "a"])
    with pytest.raises(ParameterError, match="'intra_stage_p'"):
        gen.kenney_chain(intra_stage_p=[0.1, 0.2])
    with pytest.raises(ParameterError, match="'leader_stage'"):
        gen.kenney_chain(leader_stage="finance")


# --------------------------------------------------------------------------- other forms
def test_netwar_forms_are_path_star_complete():
    for kind, ref in (("chain", nx.path_graph(7)), ("hub", nx.star_graph(6)),
                      ("all_channel", nx.complete_graph(7))):
        g = gen.netwar(kind=kind, n=7)
        _schema(g)
        assert nx.is_isomorphic(g.to_networkx(), ref)
    hub = gen.netwar(kind="hub", n=7)
    assert hub.node_attrs["role"].iloc[0] == "leader" and hub.degree()[0] == 6
    with pytest.raises(ParameterError, match="'kind'"):
        gen.netwar(kind="wheel")


def test_wheel_graph_windmill_ring():
    for n in (4, 7, 11):
        assert nx.is_isomorphic(gen.wheel_graph(n=n).to_networkx(), nx.wheel_graph(n))
    for b, k in ((3, 3), (4, 5), (1, 4)):
        assert nx.is_isomorphic(gen.windmill(n_blades=b, blade_size=k).to_networkx(),
                                nx.windmill_graph(b, k) if b > 1 else nx.complete_graph(k))
    r = gen.reinforced_ring(n=8, chords=2)
    G = r.to_networkx()
    assert G.number_of_edges() == 10 and nx.is_biconnected(G)
    assert nx.is_isomorphic(gen.reinforced_ring(n=6, chords=0).to_networkx(), nx.cycle_graph(6))
    r = gen.reinforced_ring(n=6, chords=[(0, 3)])
    assert r.to_networkx().has_edge(0, 3)
    with pytest.raises(ParameterError, match="'chords'"):
        gen.reinforced_ring(n=6, chords=[(0, 1)])
    with pytest.raises(ParameterError, match="'n'"):
        gen.wheel_graph(n=3)
    with pytest.raises(TypeError):  # 0.2: every generator parameter is keyword-only
        gen.wheel_graph(6)
    with pytest.raises(TypeError):
        gen.reinforced_ring(8, chords=2)


@pytest.mark.slow
def test_cellular():
    g = gen.cellular(n_cells=8, cell_size=4, topology="cycle", link="leaders", link_p=0.0,
                     rng=0)
    G = g.to_networkx()
    assert nx.number_connected_components(G) == 8
    for c in range(8):
        assert nx.is_isomorphic(G.subgraph(g.node_attrs.index[g.node_attrs["cell"] == c]),
                                nx.cycle_graph(4))
    g = gen.cellular(n_cells=8, cell_size=4, link="leaders", link_p=0.0, connected=True, rng=0)
    assert nx.is_connected(g.to_networkx()) and g.n_edges == 8 * 6 + 7
    # leaders linking: only handlers have ties across cells
    g = gen.cellular(n_cells=40, cell_size=3, topology="star", link="leaders", link_p=0.3,
                     rng=1)
    s, t = _edges(g)
    cell = g.node_attrs["cell"].to_numpy()
    role = g.node_attrs["role"].astype(str).to_numpy()
    cross = cell[s] != cell[t]
    assert (role[s[cross]] == "handler").all() and (role[t[cross]] == "handler").all()
    assert stats.binomtest(int(cross.sum()), 40 * 39 // 2, 0.3).pvalue > ALPHA
    # random (caveman-like) linking
    g = gen.cellular(n_cells=60, cell_size=5, link="random", link_p=0.01, rng=2)
    s, t = _edges(g)
    cell = g.node_attrs["cell"].to_numpy()
    eligible = (300 * 299 - 60 * 20) // 2
    assert stats.binomtest(int((cell[s] != cell[t]).sum()), eligible, 0.01).pvalue > ALPHA
    g = gen.cellular(n_cells=60, cell_size=5, link="random", link_p=0.001, connected=True,
                     rng=3)
    assert nx.is_connected(g.to_networkx())


def test_hybrids():
    g = gen.chain_of_wheels(n_wheels=4, links=2, n_cells=3, cell_size=4, rng=0)
    na = g.node_attrs
    assert sorted(set(na["group"])) == [0, 1, 2, 3]
    assert g.n_nodes == 4 * (1 + 12)
    ea = g.edge_attrs
    s, t = _edges(g)
    tr = (ea["relation"] == "transaction").to_numpy()
    assert tr.sum() == 6
    grp = na["group"].to_numpy()
    assert (np.abs(grp[s[tr]] - grp[t[tr]]) == 1).all()
    assert (na["role"].iloc[s[tr]] == "handler").all()
    assert nx.is_connected(g.to_networkx())
    w = gen.wheel_of_chains(core_size=2, n_chains=3, stage_sizes=2, rng=0)
    na = w.node_attrs
    assert w.n_nodes == 2 + 3 * 12 and w.n_edges == 1 + 3 + 3 + 3 * 5 * 2
    assert (na["role"] == "handler").sum() == 3 and (na["role"] == "leader").sum() == 2
    assert set(na.loc[na["role"] == "handler", "stage"]) == {"recruitment"}
    assert nx.is_connected(w.to_networkx())
    s, t = _edges(w)
    st = _stage_codes(w)
    both = (st[s] >= 0) & (st[t] >= 0)
    rel = w.edge_attrs["relation"].to_numpy()
    hand = both & (rel == "handoff")
    assert (np.abs(st[s[hand]] - st[t[hand]]) == 1).all()
    assert ((st[s[both & ~hand]] == 0) & (st[t[both & ~hand]] == 0)).all()
    with pytest.raises(ParameterError, match="'links'"):
        gen.chain_of_wheels(n_wheels=2, links=5, n_cells=2)


# --------------------------------------------------------------------------- every generator
ALL_FORMS = {
    "kenney_wheel": lambda rng: gen.kenney_wheel(n_cells=8, cross_cell_p=0.05, anonymity=0.5,
                                                 rng=rng),
    "kenney_chain": lambda rng: gen.kenney_chain(stage_sizes=3, n_groups=4, handoff="random",
                                                 rng=rng),
    "cellular": lambda rng: gen.cellular(n_cells=20, link_p=0.05, rng=rng),
    "chain_of_wheels": lambda rng: gen.chain_of_wheels(n_wheels=3, links=2, n_cells=4,
                                                       anonymity=0.5, rng=rng),
    "wheel_of_chains": lambda rng: gen.wheel_of_chains(core_size=3, redundancy=2,
                                                       stage_sizes=3, handoff="random",
                                                       rng=rng),
    "trafficking_network": lambda rng: nc.generators.trafficking_network(n=200, rng=rng),
    "netwar": lambda rng: gen.netwar(kind="hub", n=6),
    "wheel_graph": lambda rng: gen.wheel_graph(n=6),
    "windmill": lambda rng: gen.windmill(n_blades=3, blade_size=4),
    "reinforced_ring": lambda rng: gen.reinforced_ring(n=9, chords=2),
}
DETERMINISTIC = {"netwar", "wheel_graph", "windmill", "reinforced_ring"}


@pytest.mark.parametrize("name", sorted(ALL_FORMS))
def test_every_generator_schema_and_seeds(name):
    # the ground-truth columns are present with their dtypes on every generated network
    make = ALL_FORMS[name]
    g = make(3)
    _schema(g)
    assert g.n_nodes > 0 and g.n_edges > 0
    assert g.node_attrs["role"].notna().all() and g.edge_attrs["relation"].notna().all()
    assert g.meta.get("generator") == name
    if name in DETERMINISTIC:  # no randomness: no rng argument, always the same graph
        assert make(None) == g
        return
    # same seed -> identical graph (Generator or int); different seeds -> different graphs
    assert make(3) == g
    assert make(np.random.default_rng(5)) == make(np.random.default_rng(5))
    assert any(make(s) != g for s in (4, 5, 6))


# --------------------------------------------------------------------------- wheel vs chain
@pytest.mark.parametrize("seed", range(6))
def test_wheel_more_centralised_and_less_secret_than_chain_of_same_size(seed):
    wheel = gen.kenney_wheel(core_size=1, n_cells=6, cell_size=5, anonymity=0.6, rng=seed)
    chain = gen.kenney_chain(stage_sizes=[6, 5, 5, 5, 5, 5], directed=False, rng=seed)
    assert wheel.n_nodes == chain.n_nodes == 31
    assert nc.covert.centralization(wheel) > nc.covert.centralization(chain)
    assert nc.covert.secrecy(wheel, model="degree") < nc.covert.secrecy(chain, model="degree")
    pw = nc.covert.profile(wheel).iloc[0]
    pc = nc.covert.profile(chain, largest_component=True).iloc[0]
    assert pw["wheel_chain_score"] > pc["wheel_chain_score"]


# --------------------------------------------------------------------------- kernels
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from netcrime.generators import _parts  # noqa: E402


@given(a=st.integers(2, 300))
def test_triu_decode_matches_numpy(a):
    i, j = np.triu_indices(a, 1)
    di, dj = _parts.triu_decode(np.arange(a * (a - 1) // 2), a)
    assert np.array_equal(di, i) and np.array_equal(dj, j)


@given(total=st.integers(0, 50_000), p=st.floats(0.0, 1.0), seed=st.integers(0, 1000))
def test_bernoulli_indices_sorted_unique_in_range(total, p, seed):
    k = _parts.bernoulli_indices(np.random.default_rng(seed), total, p)
    assert (np.diff(k) > 0).all() and (k >= 0).all() and (k < max(total, 1)).all()
    if p == 1.0:
        assert len(k) == total
    if p == 0.0:
        assert len(k) == 0


@pytest.mark.slow
def test_bernoulli_indices_uniform_binomial():
    rng = np.random.default_rng(0)
    k = _parts.bernoulli_indices(rng, 1_000_000, 0.002)
    assert stats.binomtest(len(k), 1_000_000, 0.002).pvalue > ALPHA
    counts = np.bincount(k // 100_000, minlength=10)
    assert stats.chisquare(counts).pvalue > ALPHA


@given(sizes=st.lists(st.integers(1, 6), min_size=1, max_size=30), p=st.floats(0, 1),
       seed=st.integers(0, 1000))
def test_random_pairs_between_blocks(sizes, p, seed):
    block = np.repeat(np.arange(len(sizes)), sizes)
    i, j = _parts.random_pairs_between_blocks(np.random.default_rng(seed), block, p)
    assert (i < j).all() and (block[i] != block[j]).all()
    assert len(np.unique(i * len(block) + j)) == len(i)
    if p == 1.0:
        n = len(block)
        assert len(i) == (n * n - sum(s * s for s in sizes)) // 2


@given(rows=st.integers(0, 40), pool=st.integers(1, 12), seed=st.integers(0, 1000))
def test_distinct_choice_rows_are_distinct(rows, pool, seed):
    k = min(pool, 4)
    out = _parts.distinct_choice(np.random.default_rng(seed), rows, pool, k)
    assert out.shape == (rows, k)
    for r in out:
        assert len(set(r.tolist())) == k and r.min() >= 0 and r.max() < pool


@pytest.mark.slow
def test_sampling_helpers_large_paths():
    rng = np.random.default_rng(1)
    out = _parts.distinct_choice(rng, 100, 300_000, 4)  # rejection path
    assert all(len(set(r.tolist())) == 4 for r in out)
    block = np.repeat(np.arange(1000), 5)  # 5000 items: rejection sampling of pairs
    i, j = _parts.random_pairs_between_blocks(rng, block, 1e-4)
    eligible = (5000 * 4999 - 1000 * 20) // 2
    assert (block[i] != block[j]).all() and len(np.unique(i * 5000 + j)) == len(i)
    assert stats.binomtest(len(i), eligible, 1e-4).pvalue > ALPHA
    counts = np.bincount(np.concatenate([i, j]) // 500, minlength=10)
    assert stats.chisquare(counts).pvalue > ALPHA
