"""Identify the web: link the trace, find the groups, block the web or arrest people.
==================================================================================

The example links the online trace into operations, finds the core groups, and compares
blocking the web with arresting people.

Online sex trafficking runs as a chain of small core groups that advertise their victims
online. What an investigator holds is the trace: ads with the phone numbers and accounts
shown on them, hosted by platforms. This example, on a seeded synthetic online network
whose ground truth is known:

1. links the ads into operations through shared phones and accounts (with a hub guard) and
   scores the linkage against the true groups;
2. detects the core groups in the person network (Leiden) and scores them the same way;
3. compares taking down ``k`` online objects (greedy plan) with arresting ``k`` members
   (highest degree first), by the share of victims still reachable by clients.

Run: ``python examples/identify_the_web.py [OUT_DIR]`` (headless, seeded, a few seconds).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import netcrime as nc

SEED = 12
N = 800
BUDGETS = [1, 2, 4, 8, 16]


def network() -> nc.Graph:
    return nc.generators.trafficking_network(n=N, kind="online", rng=SEED)


def output_dir(name: str) -> Path:
    """Where the example writes: ``--out DIR`` (or DIR as the first argument), else
    ``$NETCRIME_EXAMPLES_OUT``, else ``./example-output/<name>`` (git-ignored)."""
    args = sys.argv[1:]
    if "--out" in args[:-1]:
        return Path(args[args.index("--out") + 1])
    if args:
        return Path(args[0])
    return Path(os.environ.get("NETCRIME_EXAMPLES_OUT") or Path("example-output") / name)


def main() -> None:
    out = output_dir("identify_the_web")
    out.mkdir(parents=True, exist_ok=True)
    g = network()
    counts = g.node_attrs["kind"].value_counts()
    print(f"Online network: {int(counts['person'])} persons, {int(counts['ad'])} ads, "
          f"{int(counts['phone'])} phones, {int(counts['account'])} accounts, "
          f"{int(counts['platform'])} platforms, {g.meta['n_groups']} core groups")

    # 1. link the ads
    linked = nc.online.link_traces(g, max_share=0.2)
    score = nc.online.evaluate_linkage(linked, g)
    print("\n1. Linking ads through shared phones and accounts")
    print(f"  operations found: {linked.n_operations} (true groups: {score['n_true']}), "
          f"hub identifiers cut: {len(linked.cut)}")
    print(f"  pairwise precision {score['precision']:.3f}  recall {score['recall']:.3f}  "
          f"F1 {score['f1']:.3f}  ARI {score['ari']:.3f}")
    linked.table.to_csv(out / "operations.csv", index=False)

    # 2. core groups in the person network
    members = nc.generators.members(g)
    found = nc.groups.detect(members, method="leiden", rng=SEED)
    truth = members.node_attrs["group"].set_axis(members.nodes)
    r = nc.groups.compare(found, truth)
    q = nc.groups.modularity(members, groups=found)
    print("\n2. Core groups in the member network (Leiden)")
    print(f"  groups found: {found.nunique()} (true: {truth.nunique()}), modularity {q:.3f}")
    print(f"  ARI {r['ari']:.3f}  NMI {r['nmi']:.3f}")
    found.to_frame().assign(true_group=truth).to_csv(out / "groups.csv", index_label="node")

    # 3. block the web or arrest people
    t = nc.online.compare_block_vs_raid(g, budgets=BUDGETS)
    t.to_csv(out / "block_vs_raid.csv", index=False)
    nc.online.block_plan(g, budget=max(BUDGETS)).plan.to_csv(out / "block_plan.csv",
                                                             index=False)
    print("\n3. Victims still reachable by clients (share of the intact network)")
    print("   k   block   arrest")
    for k in BUDGETS:
        b = t[(t["action"] == "block") & (t["k"] == k)]["victims_share"].iloc[0]
        a = t[(t["action"] == "arrest") & (t["k"] == k)]["victims_share"].iloc[0]
        print(f"  {k:2d}  {b:6.3f}  {a:6.3f}")

    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(13, 5), layout="constrained")
    nc.plot.plot_linked_operations(linked, top=10, ax=axes[0])
    nc.plot.plot_block_vs_raid(t, ax=axes[1])
    fig.savefig(out / "identify_the_web.png", dpi=110)
    print(f"\nWrote {out / 'identify_the_web.png'}, operations.csv, block_vs_raid.csv")


if __name__ == "__main__":
    main()
