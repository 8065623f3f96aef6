"""Benchmarks: groups and the online trace (issue 12).

``python benchmarks/bench_web.py`` writes ``benchmarks/results/web.md``; ``--quick`` runs
reduced sizes (a smoke test, not the targets).

Targets (issue 12), measured here and never asserted in tests:

* linkage of 10M ads with 3 identifier columns in under 10 s; a pandas + networkx route
  side by side (at a size networkx can hold), with the partitions compared (ARI = 1);
* Leiden on a 1M-node, 5M-tie graph at igraph's own speed: ``nc.groups.detect`` minus the
  bare igraph call is the labelled-result overhead (target < 10 %), partitions identical;
* ``block_plan`` with budget 100 on a 1M-object online layer in under 30 s, beside the
  degree baseline (greedy must cut at least as many pairs).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def ad_table(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` ads in operations of about 10 ads: phone, account, email (20 % missing)."""
    rng = np.random.default_rng(seed)
    op = rng.integers(0, max(n // 10, 1), n)
    phone = op * 3 + rng.integers(0, 3, n)          # a few phones per operation (churn)
    account = op * 2 + rng.integers(0, 2, n)
    email = (op * 4 + rng.integers(0, 4, n)).astype(float)
    email[rng.random(n) < 0.2] = np.nan
    return pd.DataFrame({"phone": phone, "account": account, "email": email})


def link_netcrime(df):
    import netcrime as nc

    return nc.online.link_traces(df, id_cols=["phone", "account", "email"], max_share=1.0)


def link_networkx(df):
    """The one-off-script route: melt to (ad, identifier) pairs, networkx components."""
    import networkx as nx

    long = df.reset_index().melt(id_vars="index", var_name="col", value_name="val").dropna()
    G = nx.Graph()
    G.add_nodes_from(("ad", i) for i in df.index)
    G.add_edges_from(zip(zip(["ad"] * len(long), long["index"]),
                         zip(long["col"], long["val"])))
    lab = {}
    for k, comp in enumerate(nx.connected_components(G)):
        for v in comp:
            if v[0] == "ad":
                lab[v[1]] = k
    return pd.Series(lab).reindex(df.index)


def timed(fn, *a):
    t0 = time.perf_counter()
    out = fn(*a)
    return time.perf_counter() - t0, out


def bench_link(n_ads: int, n_peer: int) -> list[str]:
    from sklearn.metrics import adjusted_rand_score

    df = ad_table(n_ads)
    link_netcrime(ad_table(1000))  # compile the kernel
    t_nc, res = timed(link_netcrime, df)
    small = ad_table(n_peer, seed=2)
    t_small, res_small = timed(link_netcrime, small)
    t_nx, lab = timed(link_networkx, small)
    ari = adjusted_rand_score(lab.to_numpy(), res_small.operation.to_numpy())
    assert ari == 1.0, ari
    return [f"| link_traces, 3 id columns | {n_ads:,} ads | {t_nc:.2f} s | - | - | "
            f"{res.n_operations:,} operations |",
            f"| link_traces vs pandas+networkx | {n_peer:,} ads | {t_small:.2f} s | "
            f"{t_nx:.2f} s | {t_nx / t_small:.0f}x | ARI = {ari:.0f} |"]


def bench_leiden(n: int, m: int) -> list[str]:
    import igraph as ig

    import netcrime as nc

    # planted groups of 100 nodes, 90 % of the ties inside a group (criminal networks are
    # clustered; on a structureless random graph Leiden iterates far longer, in both)
    rng = np.random.default_rng(3)
    src = rng.integers(0, n, m)
    inside = rng.random(m) < 0.9
    dst = np.where(inside, (src // 100) * 100 + rng.integers(0, 100, m), rng.integers(0, n, m))
    dst = np.minimum(dst, n - 1)
    keep = src != dst
    g = nc.Graph.from_arrays(n, src[keep], dst[keep], directed=False, multiedges="first")
    s, d = g.edge_array()
    h = ig.Graph(n=n, edges=np.column_stack([s, d]), directed=False)

    def bare():
        ig.set_random_number_generator(random.Random(7))
        try:
            return h.community_leiden(objective_function="modularity", n_iterations=-1)
        finally:
            ig.set_random_number_generator(random)

    seed_int = int(np.random.default_rng(11).integers(2**31 - 1))
    assert seed_int >= 0
    t_ig, part = timed(bare)
    t_nc, ours = timed(lambda: nc.groups.detect(g, rng=11))
    q_ig = part.modularity
    q_nc = nc.groups.modularity(g, groups=ours)
    assert q_nc >= q_ig - 0.01, (q_nc, q_ig)
    return [f"| groups.detect (Leiden) | n = {n:,}, m = {g.n_edges:,} | {t_nc:.2f} s | "
            f"igraph {t_ig:.2f} s | overhead {100 * (t_nc - t_ig) / t_ig:+.0f} % | "
            f"Q {q_nc:.4f} vs igraph {q_ig:.4f} |"]


def bench_block(n_persons: int, budget: int) -> list[str]:
    import netcrime as nc

    g = nc.generators.trafficking_network(n=n_persons, kind="online", rng=5)
    n_obj = int((g.node_attrs["kind"] != "person").sum())
    # platforms left out: with a handful of platforms hosting every ad the plan is trivial
    tg = ("account", "phone", "ad")
    t_g, greedy = timed(lambda: nc.online.block_plan(g, budget=budget, targets=tg))
    t_d, degree = timed(lambda: nc.online.block_plan(g, budget=budget, targets=tg,
                                                     method="degree"))
    cut_g = greedy.pairs0 - int(greedy.plan["pairs_connected"].iloc[-1])
    cut_d = degree.pairs0 - int(degree.plan["pairs_connected"].iloc[-1])
    assert cut_g >= cut_d, (cut_g, cut_d)
    return [f"| block_plan greedy, budget {budget} (accounts, phones, ads) | {n_obj:,} "
            f"online objects | {t_g:.2f} s | degree {t_d:.2f} s | - | cuts {cut_g:,} vs "
            f"degree {cut_d:,} of {greedy.pairs0:,} pairs |"]


def main() -> None:
    quick = "--quick" in sys.argv
    if quick:
        sizes = dict(ads=(1_000_000, 100_000), leiden=(100_000, 500_000), block=(70_000, 100))
    else:
        sizes = dict(ads=(10_000_000, 1_000_000), leiden=(1_000_000, 5_000_000),
                     block=(720_000, 100))
    rows = ["| task | size | netcrime | peer | ratio | check |", "|---|---|---:|---:|---:|---|"]
    rows += bench_link(*sizes["ads"])
    rows += bench_leiden(*sizes["leiden"])
    rows += bench_block(*sizes["block"])
    load = os.getloadavg()[0]
    text = (f"# Groups and the online trace (issue 12)\n\n"
            f"{'Quick run (reduced sizes)' if quick else 'Full sizes'}; load average "
            f"{load:.1f} on 2 shared cores when measured.\n\n" + "\n".join(rows) + "\n")
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "web.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
