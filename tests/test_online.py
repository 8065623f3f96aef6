"""netcrime.online against independent oracles: a naive networkx connected-components
linkage, brute-force objective values and exhaustive search for small budgets."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.exceptions import ParameterError


# --------------------------------------------------------------------------- linkage
def _random_table(seed, n=200, cols=("phone", "account", "email"), missing=0.2):
    rng = np.random.default_rng(seed)
    data = {}
    for i, c in enumerate(cols):
        vals = rng.integers(0, max(2, n // (2 + i)), n).astype(object)
        vals = np.array([f"{c[0]}{v}" for v in vals], dtype=object)
        vals[rng.random(n) < missing] = None
        data[c] = vals
    return pd.DataFrame(data, index=[f"ad{i}" for i in range(n)])


def _naive(df, cols, max_share):
    """Bipartite networkx graph ad -- (column, value), hubs dropped, components."""
    h = nx.Graph()
    h.add_nodes_from(("ad", a) for a in df.index)
    counts = {}
    for c in cols:
        for a, v in df[c].items():
            if v is None or (isinstance(v, float) and math.isnan(v)) or v == "":
                continue
            counts.setdefault((c, v), set()).add(a)
    for key, ads in counts.items():
        if len(ads) > max_share * len(df):
            continue
        for a in ads:
            h.add_edge(("ad", a), ("id", *key))
    lab = {}
    for i, comp in enumerate(nx.connected_components(h)):
        for node in comp:
            if node[0] == "ad":
                lab[node[1]] = i
    hubs = {k for k, ads in counts.items() if len(ads) > max_share * len(df)}
    return pd.Series(lab).reindex(df.index), hubs


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("max_share", [1.0, 0.02])
def test_linkage_matches_naive_networkx(seed, max_share):
    df = _random_table(seed)
    cols = ["phone", "account", "email"]
    r = nc.online.link_traces(df, id_cols=cols, max_share=max_share)
    truth, hubs = _naive(df, cols, max_share)
    assert nc.groups.compare(r.operation, truth)["ari"] == 1.0
    assert r.operation.nunique() == truth.nunique()
    assert set(zip(r.cut["type"], r.cut["value"])) == hubs
    # sizes and the tidy table agree with the operation per ad
    assert r.sizes["n_ads"].tolist() == r.operation.value_counts().sort_index().tolist()
    t = r.table
    assert list(t.columns) == ["object", "type", "operation"]
    assert (t[t["type"] == "ad"]["operation"].to_numpy() == r.operation.to_numpy()).all()


def test_missing_values_never_link():
    df = pd.DataFrame({"phone": [None, None, np.nan, "", "p"],
                       "account": [pd.NA, None, None, None, "a"]})
    r = nc.online.link_traces(df, id_cols=["phone", "account"], max_share=1.0)
    assert r.operation.nunique() == 5


def test_hub_guard_cuts_and_reports():
    # two operations that share one hub phone
    df = pd.DataFrame({"phone": ["hub"] * 6 + ["p1", "p1", "p2", "p2"],
                       "account": ["a1", "a1", "a1", "a2", "a2", "a2", "a1", "a1", "a2", "a2"]})
    joined = nc.online.link_traces(df, id_cols=["phone", "account"], max_share=1.0)
    assert joined.n_operations == 1 and joined.cut.empty
    guarded = nc.online.link_traces(df, id_cols=["phone", "account"], max_share=0.5)
    assert guarded.n_operations == 2
    assert guarded.cut[["type", "value", "n_ads"]].values.tolist() == [["phone", "hub", 6]]
    assert guarded.identifiers.set_index("value").loc["hub", "operation"] is pd.NA


def test_object_col_merges_rows_of_one_ad():
    df = pd.DataFrame({"ad": ["x", "x", "y", "z"], "phone": ["p1", "p2", "p2", "p3"]})
    r = nc.online.link_traces(df, id_cols="phone", object_col="ad", max_share=1.0)
    assert r.operation.to_dict() == {"x": 0, "y": 0, "z": 1}


def test_graph_linkage_against_networkx_components():
    g = nc.generators.trafficking_network(n=300, kind="online", rng=11)
    r = nc.online.link_traces(g, max_share=1.0)
    h = g.to_networkx()
    kind = nx.get_node_attributes(h, "kind")
    sub = h.subgraph([v for v, k in kind.items() if k in ("ad", "phone", "account")]).copy()
    sub.remove_edges_from([(u, v) for u, v in sub.edges if kind[u] != "ad" and kind[v] != "ad"])
    lab = {v: i for i, comp in enumerate(nx.connected_components(sub)) for v in comp}
    truth = pd.Series({a: lab[a] for a in r.operation.index})
    assert nc.groups.compare(r.operation, truth)["ari"] == 1.0


@pytest.mark.parametrize(("phones", "shared"), [(1.0, 0.0), (3.0, 0.0), (1.0, 0.3), (3.0, 0.3)])
def test_evaluate_linkage_with_churn_and_shared_phones(phones, shared):
    g = nc.generators.trafficking_network(n=400, kind="online", phones_per_person=phones,
                                          shared_phone_p=shared, rng=5)
    r = nc.online.link_traces(g)
    e = nc.online.evaluate_linkage(r, g)
    # oracle: pairwise counts by brute force over the ads
    grp = g.node_attrs["group"].to_numpy()[g.node_index(r.operation.index.tolist())]
    op = r.operation.to_numpy()
    same_found = op[:, None] == op[None, :]
    same_true = grp[:, None] == grp[None, :]
    iu = np.triu_indices(len(op), 1)
    tp = (same_found & same_true)[iu].sum()
    assert e["precision"] == pytest.approx(tp / same_found[iu].sum())
    assert e["recall"] == pytest.approx(tp / same_true[iu].sum())
    # ads show only their poster's own phones and accounts: linkage never joins groups
    assert e["precision"] == 1.0


def test_linkage_bad_input():
    df = _random_table(0, n=20)
    with pytest.raises(ParameterError, match=r"'id_cols'.*columns of the table \['phone'"):
        nc.online.link_traces(df, id_cols=["phone", "imei"])
    df2 = df.assign(imei=None)
    with pytest.raises(ParameterError, match=r"'id_cols'.*only missing values"):
        nc.online.link_traces(df2, id_cols=["phone", "imei"])
    with pytest.raises(ParameterError, match=r"'id_cols'"):
        nc.online.link_traces(df)
    with pytest.raises(ParameterError, match=r"'max_share'"):
        nc.online.link_traces(df, id_cols=["phone"], max_share=0)
    with pytest.raises(ParameterError, match=r"'object_col'"):
        nc.online.link_traces(df, id_cols=["phone"], object_col="nope")
    trad = nc.generators.trafficking_network(n=60, kind="traditional", rng=1)
    with pytest.raises(ParameterError, match=r"'data'.*online layer.*node kinds are \['person'\]"):
        nc.online.link_traces(trad)
    with pytest.raises(ParameterError, match=r"'data'.*node attributes"):
        nc.online.link_traces(nx.path_graph(4))
    onl = nc.generators.trafficking_network(n=60, kind="online", rng=1)
    with pytest.raises(ParameterError, match=r"'id_cols'.*node kinds of the graph"):
        nc.online.link_traces(onl, id_cols=["email"])


# --------------------------------------------------------------------------- block plan
def _brute(g):
    """Per ad: the set of (client, victim) pairs, the object labels that take it down."""
    h = g.to_networkx()
    kind = nx.get_node_attributes(h, "kind")
    role = nx.get_node_attributes(h, "role")
    ads = {}
    for a in (v for v, k in kind.items() if k == "ad"):
        nb = set(h[a])
        cl = [c for c in nb if role[c] == "client" and kind[c] == "person"]
        vi = [v for v in nb if role[v] in ("victim", "bottom") and kind[v] == "person"]
        killers = {a} | {o for o in nb if kind[o] in ("account", "phone", "platform")}
        ads[a] = ({(c, v) for c in cl for v in vi}, killers)
    return ads, kind


def _connected(ads, removed):
    pairs = set()
    for p, killers in ads.values():
        if not (killers & removed):
            pairs |= p
    return pairs


def _small(seed=2, n=40):
    return nc.generators.trafficking_network(n=n, kind="online", rng=seed)


@pytest.mark.parametrize("seed", [2, 4])
@pytest.mark.parametrize("targets", [("platform", "account"), ("phone", "ad")])
def test_greedy_against_exhaustive_search(seed, targets):
    g = _small(seed)
    ads, kind = _brute(g)
    cands = sorted(v for v, k in kind.items() if k in targets)
    total = len(_connected(ads, set()))
    plan = nc.online.block_plan(g, budget=3, targets=targets)
    assert plan.pairs0 == total
    # the recorded values are the brute-force values of each prefix of the plan
    for s in range(4):
        left = _connected(ads, set(plan.objects[:s]))
        assert plan.plan["pairs_connected"].iloc[s] == len(left)
        assert plan.plan["victims_reachable"].iloc[s] == len({v for _, v in left})
    for k in (1, 2, 3):
        best = max(total - len(_connected(ads, set(S)))
                   for S in itertools.combinations(cands, k))
        got = total - int(plan.plan["pairs_connected"].iloc[k])
        # every pair is connected through one ad: coverage, submodular: the greedy bound
        assert got >= (1 - (1 - 1 / k) ** k) * best - 1e-9
        if k == 1:
            assert got == best


def test_every_generated_pair_has_one_ad():
    g = _small(3, n=200)
    ads, _ = _brute(g)
    seen = [p for pairs, _ in ads.values() for p in pairs]
    assert len(seen) == len(set(seen))


def test_objective_is_not_submodular_with_two_ads_per_pair():
    # client c books victim v through two ads with different phones
    h = nx.Graph()
    for v, k, r in [("c", "person", "client"), ("v", "person", "victim"),
                    ("a1", "ad", "ad"), ("a2", "ad", "ad"), ("p1", "phone", "phone"),
                    ("p2", "phone", "phone")]:
        h.add_node(v, kind=k, role=r)
    h.add_edges_from([("c", "a1"), ("c", "a2"), ("a1", "v"), ("a2", "v"),
                      ("a1", "p1"), ("a2", "p2")])
    g = nc.Graph.from_networkx(h)
    plan = nc.online.block_plan(g, budget=2, targets=["phone"])
    assert plan.plan["gain"].tolist() == [0, 0, 1]  # f({p1}) = f({p2}) = 0, f({p1,p2}) = 1


@pytest.mark.parametrize("method", ["degree", "betweenness"])
def test_baselines_follow_their_scores(method):
    g = _small(5, n=80)
    plan = nc.online.block_plan(g, budget=4, method=method)
    kind = g.node_attrs["kind"].astype(object)
    cand = g.nodes[kind.isin(["platform", "account", "phone", "ad"]).to_numpy()]
    h = g.to_networkx()
    sc = dict(h.degree) if method == "degree" else nx.betweenness_centrality(h)
    top = sorted(cand, key=lambda v: (-sc[v], g.node_index([v])[0]))[:4]
    assert plan.objects == top


def test_compare_block_vs_raid_like_with_like():
    g = _small(6, n=150)
    t = nc.online.compare_block_vs_raid(g, budgets=[1, 2, 5])
    ads, kind = _brute(g)
    total = len(_connected(ads, set()))
    vic0 = len({v for _, v in _connected(ads, set())})
    assert (t["pairs_connected"] / total == t["pairs_share"]).all()
    assert (t["victims_reachable"] / vic0 == t["victims_share"]).all()
    # arrests, recomputed: the first k of the same attack, objects dark when all holders gone
    m = nc.generators.members(g)
    order = nc.disruption.attack(m, strategy="degree", max_removals=5).curve["node"][1:].tolist()
    h = g.to_networkx()
    for k in (1, 2, 5):
        gone = set(order[:k])
        dark = {o for o, kk in kind.items() if kk in ("account", "phone")
                and {p for p in h[o] if kind[p] == "person"} <= gone}
        row = t[(t["action"] == "arrest") & (t["k"] == k)].iloc[0]
        assert row["pairs_connected"] == len(_connected(ads, dark))


def test_block_plan_bad_input():
    g = _small(2)
    n_plat = int((g.node_attrs["kind"] == "platform").sum())
    with pytest.raises(ParameterError, match=r"'budget'.*>= 1"):
        nc.online.block_plan(g, budget=0)
    with pytest.raises(ParameterError, match=rf"'budget'.*has {n_plat} of kinds"):
        nc.online.block_plan(g, budget=n_plat + 1, targets=["platform"])
    with pytest.raises(ParameterError, match=r"'targets'"):
        nc.online.block_plan(g, budget=1, targets=["server"])
    trad = nc.generators.trafficking_network(n=60, kind="traditional", rng=1)
    with pytest.raises(ParameterError, match=r"'g'.*online layer.*node kinds are"):
        nc.online.block_plan(trad, budget=1)
    no_phone = g.take(np.flatnonzero((g.node_attrs["kind"] != "phone").to_numpy()))
    with pytest.raises(ParameterError, match=r"'targets'.*node kinds of the graph's online "
                                             r"layer \['account', 'ad', 'platform'\]"):
        nc.online.block_plan(no_phone, budget=1, targets=["phone"])
    with pytest.raises(ParameterError, match=r"'budgets'"):
        nc.online.compare_block_vs_raid(g, budgets=[0])


@pytest.mark.parametrize("seed", range(4))
def test_union_labels_kernel_matches_scipy(seed):
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    from netcrime._core import union_labels

    rng = np.random.default_rng(seed)
    n, m = 500, int(rng.integers(0, 600))
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    got = union_labels(n, src, dst)
    k, ref = connected_components(sp.coo_matrix((np.ones(m), (src, dst)), shape=(n, n)),
                                  directed=False)
    assert got.max() + 1 == k
    assert nc.groups.compare(got, ref)["ari"] == 1.0 or k in (1, n)
    # numbered by smallest member: the first appearance of each label is increasing
    _, first = np.unique(got, return_index=True)
    assert (np.diff(first) > 0).all() and first[0] == 0
