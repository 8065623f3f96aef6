"""Tests of netcrime.generators.trafficking_network.

Oracles: the documented composition rules (closed-form counts), structural invariants of
each layer checked with pandas/networkx, exact binomial and chi-square tests (scipy.stats)
on the random parts, and the seed story's raid (removing the core of a Kenney wheel
leaves no group able to run every stage).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import netcrime as nc
from netcrime.exceptions import ParameterError
from netcrime.generators import ONLINE_STAGES, STAGES

tn = nc.generators.trafficking_network
ALPHA = 1e-3


def _frame(g):
    s, t = g.edge_array()
    ea = g.edge_attrs
    ea["s"], ea["t"] = np.asarray(s), np.asarray(t)
    return ea


@pytest.fixture(scope="module")
def nets():
    return {m: tn(n=3000, kind=m, rng=11) for m in ("traditional", "online", "hybrid")}


COMMON = {"leader", "recruiter", "transporter", "harbourer", "transferrer", "receiver",
          "exploiter", "bottom", "forger", "official", "victim", "client"}


def test_roles_kinds_and_stages(nets):
    t, o, h = nets["traditional"], nets["online"], nets["hybrid"]
    assert set(t.node_attrs["role"].astype(str)) == COMMON | {"handler"}
    assert set(o.node_attrs["role"].astype(str)) == COMMON | {
        "advertiser", "financier", "account", "ad", "phone", "platform"}
    assert set(h.node_attrs["role"].astype(str)) == COMMON | {
        "handler", "broker", "advertiser", "financier", "account", "ad", "phone", "platform"}
    assert set(t.node_attrs["kind"].astype(str)) == {"person"}
    assert set(o.node_attrs["kind"].astype(str)) == {"person", "account", "ad", "phone",
                                                      "platform"}
    assert list(t.node_attrs["stage"].cat.categories) == list(STAGES)
    assert list(o.node_attrs["stage"].cat.categories) == list(ONLINE_STAGES)
    for g in nets.values():
        na = g.node_attrs
        persons = (na["kind"] == "person").sum()
        assert abs(persons - 3000) <= 0.05 * 3000
        assert not g.directed
        # tiers follow roles
        tier = {"leader": 0, "handler": 1, "broker": 1, "victim": 3, "client": 4}
        for role, k in tier.items():
            assert (na.loc[na["role"] == role, "tier"] == k).all()
        assert (na.loc[na["kind"] != "person", "tier"] == -1).all()
        # non-person nodes have no stage or location
        other = na[na["kind"] != "person"]
        assert other["location"].isna().all() and other["stage"].isna().all()


def test_composition_and_counts_override():
    g = tn(n=1000, kind="traditional", rng=0)
    c = g.meta["counts"]
    assert c["victim"] + c["bottom"] == 300 and c["bottom"] == 30 and c["client"] == 350
    assert c["exploiter"] == 100 and c["leader"] == 2
    g = tn(n=1000, kind="online", counts={"victim": 50, "bottom": 5, "client": 70,
                                           "recruiter": 40, "coordinator": 3}, rng=0)
    c = pd.Series(g.node_attrs["role"].astype(str)).value_counts()
    assert (c["victim"], c["bottom"], c["client"], c["recruiter"], c["coordinator"]) == (
        50, 5, 70, 40, 3)
    assert g.meta["counts"]["victim"] == 50


def test_victim_flow_ties(nets):
    for kind, g in nets.items():
        na = g.node_attrs
        role = na["role"].astype(str).to_numpy()
        grp = na["group"].to_numpy()
        e = _frame(g)
        rel = e["relation"].astype(str).to_numpy()
        s, t = e["s"].to_numpy(), e["t"].to_numpy()
        vict = np.isin(role, ["victim", "bottom"])
        for relation, holder in (("recruitment", "recruiter"), ("transport", "transporter"),
                                 ("harbouring", "harbourer")):
            sel = rel == relation
            assert (role[s[sel]] == holder).all() and vict[t[sel]].all()
            assert (grp[s[sel]] == grp[t[sel]]).all()  # the victim's own group
            assert np.bincount(t[sel], minlength=len(role))[vict].tolist() == [1] * vict.sum()
        # control by exploiters (online: the leader is an exploiter too)
        boss = np.isin(role, ["exploiter", "leader"])
        sel = (rel == "control") & boss[s] & vict[t]
        per_victim = np.bincount(t[sel], minlength=len(role))[vict]
        assert (per_victim == 1).all(), kind
        per_boss = np.bincount(s[sel], minlength=len(role))
        loads = per_boss[np.isin(role, ["exploiter"] + (["leader"] if kind == "online" else []))]
        assert loads.max() - loads.min() <= 1  # victims spread evenly
        # bottoms control the other victims of their exploiter
        sel_b = (rel == "control") & ~boss[s] & (role[t] != "account")
        assert (vict[s[sel_b]] & vict[t[sel_b]]).all()
        assert (np.isin(role[s[sel_b]], ["bottom"]) | np.isin(role[t[sel_b]], ["bottom"])).all()
        # geography: victims come from their recruiter's region, live at a destination
        loc = na["location"].astype(str).to_numpy()
        org = na["origin"].astype(str).to_numpy()
        sel = rel == "recruitment"
        assert (loc[s[sel]] == org[t[sel]]).all()
        assert pd.Series(org[vict]).str.startswith("source_").all()
        assert pd.Series(loc[vict]).str.startswith("destination_").all()
        assert pd.Series(loc[role == "transporter"]).str.startswith("transit_").all()


@pytest.mark.slow
def test_recruitment_methods_chi_square():
    g = tn(n=20000, kind="traditional", rng=3)
    e = g.edge_attrs
    m = e.loc[e["relation"] == "recruitment", "method"].astype(str)
    assert e.loc[e["relation"] != "recruitment", "method"].isna().all()
    probs = {"kinship": 0.25, "romantic": 0.30, "job_offer": 0.40, "debt": 0.05}
    obs = np.array([(m == k).sum() for k in probs])
    exp = np.array(list(probs.values())) * len(m)
    assert stats.chisquare(obs, exp).pvalue > ALPHA
    g = tn(n=500, methods={"kinship": 1.0}, rng=1)
    e = g.edge_attrs
    assert (e.loc[e["relation"] == "recruitment", "method"] == "kinship").all()


@pytest.mark.slow
def test_traditional_anonymity_and_raid_on_the_core():
    g = tn(n=4000, kind="traditional", anonymity=0.6, rng=5)
    na = g.node_attrs
    stage_roles = ["recruiter", "transporter", "harbourer", "transferrer", "receiver",
                   "exploiter"]
    workers = na[na["role"].isin(stage_roles)]
    k = int(workers["knows_core"].sum())
    assert stats.binomtest(k, len(workers), 0.4).pvalue > ALPHA
    assert na.loc[na["role"] == "handler", "knows_core"].all()
    # the raid: without the leaders no group of members covers every stage
    members = na.index[(na["tier"].between(0, 2)) & (na["role"] != "bottom")]
    G = g.subgraph(members).to_networkx()
    assert nx.is_connected(G)
    G.remove_nodes_from(na.index[na["role"] == "leader"])
    for comp in nx.connected_components(G):
        cells = na.loc[list(comp), "cell"]
        assert cells[cells >= 0].nunique() <= 1


def _oriented(s, t, role, sel, first):
    """Edges of ``sel`` as (a, b) with ``role[a]`` in ``first`` (undirected: either way)."""
    a = np.where(np.isin(role[s], first), s, t)[sel]
    b = np.where(np.isin(role[s], first), t, s)[sel]
    return a, b


@pytest.mark.slow
def test_online_layer(nets):
    g = nets["online"]
    na = g.node_attrs
    role = na["role"].astype(str).to_numpy()
    e = _frame(g)
    rel = e["relation"].astype(str).to_numpy()
    s, t = e["s"].to_numpy(), e["t"].to_numpy()
    chan = e["channel"].astype(str).to_numpy()
    n = len(role)
    ads = np.flatnonzero(role == "ad")
    is_ad = (role[s] == "ad") | (role[t] == "ad")
    # every ad advertises exactly one victim, is posted by one account and hosted once
    victimish = np.isin(role, ["victim", "bottom"])
    ad_v, vic = _oriented(s, t, role, (rel == "advertising") & is_ad
                          & (victimish[s] | victimish[t]), ["ad"])
    assert np.bincount(ad_v, minlength=n)[ads].tolist() == [1] * len(ads)
    acc, ad_p = _oriented(s, t, role, (rel == "advertising") & is_ad
                          & ((role[s] == "account") | (role[t] == "account")), ["account"])
    assert np.bincount(ad_p, minlength=n)[ads].max() == 1
    # the ad is hosted on the platform of the account that posted it
    host = rel == "hosting"
    a1, p1 = _oriented(s, t, role, host & ((role[s] == "account") | (role[t] == "account")),
                       ["account"])
    a2, p2 = _oriented(s, t, role, host & is_ad, ["ad"])
    acc_plat, ad_plat = dict(zip(a1, p1)), dict(zip(a2, p2))
    assert set(role[p1]) == set(role[p2]) == {"platform"}
    for a, ad in zip(acc, ad_p):
        assert ad_plat[ad] == acc_plat[a]
    assert (chan[host] == "platform").all()
    # accounts are controlled by advertisers, recruiters, exploiters, financiers, leaders
    owner, _ = _oriented(s, t, role, (rel == "control") & ((role[s] == "account")
                                                          | (role[t] == "account")),
                         ["advertiser", "recruiter", "exploiter", "financier", "leader"])
    assert set(role[owner]) <= {"advertiser", "recruiter", "exploiter", "financier", "leader"}
    # phone churn: a person's phones are used in periods 0, 1, 2, ...
    use = rel == "uses"
    person, phone = _oriented(s, t, role, use, list(set(role) - {"phone"}))
    assert (role[phone] == "phone").all()
    uses = pd.DataFrame({"p": person, "ph": phone, "time": e["time"].to_numpy()[use]})
    first = uses.sort_values(["ph", "p"]).drop_duplicates("ph")
    n_shared = len(uses) - len(first)
    assert stats.binomtest(n_shared, int((role == "phone").sum()), 0.05).pvalue > ALPHA
    # clients book an ad of a victim they meet, and pay a financier
    book = rel == "booking"
    cl, ad_b = _oriented(s, t, role, book, ["client"])
    assert (role[cl] == "client").all() and (role[ad_b] == "ad").all()
    ad_victim = dict(zip(ad_v, vic))
    c_, v_ = _oriented(s, t, role, rel == "transaction", ["client"])
    met = set(zip(c_, v_))
    for c, ad in zip(cl, ad_b):
        assert (c, ad_victim[ad]) in met
    pc, pf = _oriented(s, t, role, (rel == "payment") & ((role[s] == "client")
                                                         | (role[t] == "client")), ["client"])
    assert len(pc) > 0 and (role[pf] == "financier").all()
    # handoffs join adjacent stages; every group holds every stage and one leader
    st = na["stage"].cat.codes.to_numpy()
    hand = rel == "handoff"
    assert (np.abs(st[s[hand]] - st[t[hand]]) == 1).all()
    grp = na["group"].to_numpy()
    assert (grp[s[hand]] == grp[t[hand]]).all()
    members = na[(na["tier"] <= 2) & (na["kind"] == "person") & (na["stage"].notna())
                 & (na["role"] != "bottom")]
    per_group = members.groupby("group")["stage"].nunique()
    assert (per_group == len(ONLINE_STAGES)).all()
    assert (members[members["role"] == "leader"].groupby("group").size() == 1).all()
    online = (chan[hand] == "online").sum()
    assert stats.binomtest(int(online), int(hand.sum()), 0.8).pvalue > ALPHA


def test_phone_churn_periods():
    g = tn(n=400, kind="online", shared_phone_p=0.0, rng=4)
    role = g.node_attrs["role"].astype(str).to_numpy()
    s, t = (np.asarray(x) for x in g.edge_array())
    e = g.edge_attrs
    use = (e["relation"] == "uses").to_numpy()
    person, _ = _oriented(s, t, role, use, list(set(role) - {"phone"}))
    df = pd.DataFrame({"p": person, "time": e["time"].to_numpy()[use]})
    assert df["p"].map(df.groupby("p").size()).max() >= 2  # someone changed phones
    for _, grp in df.groupby("p"):
        assert sorted(grp["time"]) == list(range(len(grp)))


def test_hybrid_brokers_take_a_fee(nets):
    g = nets["hybrid"]
    na = g.node_attrs
    role = na["role"].astype(str).to_numpy()
    e = _frame(g)
    s, t = e["s"].to_numpy(), e["t"].to_numpy()
    w = e["weight"].to_numpy()
    brokers = np.flatnonzero(role == "broker")
    assert len(brokers) >= g.meta["n_groups"] - 1
    for b in brokers[:50]:
        ties = np.flatnonzero((s == b) | (t == b))
        assert len(ties) == 2
        ws = sorted(w[ties])
        assert ws[1] == 1.0 and 0.60 <= ws[0] <= 0.70
        other = np.where(s[ties] == b, t[ties], s[ties])
        assert (role[other] == "handler").all()
        assert na["group"].iloc[other[0]] != na["group"].iloc[other[1]]


def test_sample_observed_binomial():
    g = tn(n=2000, kind="online", sample_observed=True, rng=2)
    e = g.edge_attrs
    s, t = g.edge_array()
    ex = g.node_attrs["exposure_prob"].to_numpy()
    p = np.maximum(ex[np.asarray(s)], ex[np.asarray(t)])
    k = int(e["observed"].sum())
    sd = np.sqrt((p * (1 - p)).sum())
    assert abs(k - p.sum()) < 5 * sd
    assert tn(n=200, rng=2).edge_attrs["observed"].all()


def test_seeds_and_errors():
    for kind in ("traditional", "online", "hybrid"):
        assert tn(n=300, kind=kind, rng=9) == tn(n=300, kind=kind, rng=9)
        assert tn(n=300, kind=kind, rng=9) != tn(n=300, kind=kind, rng=10)
    with pytest.raises(ParameterError, match=r"'n' parameter of trafficking_network\(\) must "
                                             r"be an int >= 30. Got 10 instead"):
        tn(n=10)
    with pytest.raises(ParameterError, match="'kind'"):
        tn(kind="darkweb")
    with pytest.raises(ParameterError, match="'counts'"):
        tn(counts={"boss": 3})
    with pytest.raises(ParameterError, match="'counts'"):
        tn(kind="traditional", counts={"advertiser": 3})
    with pytest.raises(ParameterError, match="'counts'"):
        tn(n=1000, kind="online", n_groups=20, counts={"financier": 5})
    with pytest.raises(ParameterError, match="'methods'"):
        tn(methods={"magic": 1.0})
    with pytest.raises(ParameterError, match="'regions'"):
        tn(regions=(1, 0, 1))
    with pytest.raises(ParameterError, match="'broker_fee'"):
        tn(broker_fee=(0.5, 0.2))
    with pytest.raises(ParameterError, match="'anonymity'"):
        tn(anonymity=-0.1)


@pytest.mark.parametrize("kind", ["traditional", "online", "hybrid"])
@pytest.mark.parametrize("kw", [
    {"counts": {"client": 0}},
    {"counts": {"victim": 0, "bottom": 0, "client": 0}},
    {"bottom_share": 1.0},
    {"victims_per_exploiter": 1000.0},
    {"cell_size": 2, "core_size": 1, "cell_topology": "empty"},
    {"n": 30, "n_groups": 3},
])
def test_edge_cases_build_consistent_networks(kind, kw):
    args = {"n": 200, "kind": kind, "rng": 3, **kw}
    g = tn(**args)
    na = g.node_attrs
    counts = na["role"].astype(str).value_counts()
    want = kw.get("counts", {})
    for role, k in want.items():
        assert counts.get(role, 0) == k
    vict = na["role"].isin(["victim", "bottom"])
    if kw.get("bottom_share") == 1.0:
        assert (na.loc[vict, "role"] == "bottom").all()
    # every person has a role with a tier, every tie has a relation
    assert na["role"].notna().all() and g.edge_attrs["relation"].notna().all()


@pytest.mark.parametrize("seed", range(4))
def test_traditional_members_more_centralised_and_less_secret_than_online(seed):
    def members(g):
        na = g.node_attrs
        return g.subgraph(na.index[(na["kind"] == "person") & na["tier"].between(0, 2)
                                   & (na["role"] != "bottom")])

    t = members(tn(n=400, kind="traditional", rng=seed))
    o = members(tn(n=400, kind="online", rng=seed))
    assert abs(t.n_nodes - o.n_nodes) <= 0.05 * t.n_nodes
    assert nc.covert.centralization(t) > nc.covert.centralization(o)
    assert nc.covert.secrecy(t, model="degree") < nc.covert.secrecy(o, model="degree")
