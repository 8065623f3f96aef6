"""Who spans the structural holes of a chain of wheels?
====================================================

Burt's structural holes are gaps between contacts who do not know each other; an actor
whose contacts are unconnected (low *constraint*, high *effective size*) controls what flows
between them. In a *hybrid* trafficking network -- several Kenney wheels traded together by
brokers who keep a 30-40 % fee -- we ask which roles span holes, and whether local
brokerage (Burt: the ego network) and global brokerage (betweenness: all shortest paths)
point at the same people.

One idea: constraint and effective size measure brokerage *around* an actor; the broker
between two wheels has only two, unconnected, contacts -- a modest effective size -- yet it
lies on most paths of the whole network.

Run:  python examples/structural_holes.py [--out DIR]
Output (in DIR, else $NETCRIME_EXAMPLES_OUT, else ./example-output/structural_holes):
structural_holes.csv and structural_holes.png.

References: Burt RS (1992) Structural Holes. Harvard University Press; Burt RS (2004)
Structural holes and good ideas. Am J Sociol 110(2):349-399, doi:10.1086/421787.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import netcrime as nc


def output_dir(name: str) -> Path:
    """Where the example writes: ``--out DIR`` (or DIR as the first argument), else
    ``$NETCRIME_EXAMPLES_OUT``, else ``./example-output/<name>`` (git-ignored)."""
    args = sys.argv[1:]
    if "--out" in args[:-1]:
        return Path(args[args.index("--out") + 1])
    if args:
        return Path(args[0])
    return Path(os.environ.get("NETCRIME_EXAMPLES_OUT") or Path("example-output") / name)


OUT = output_dir("structural_holes")
SEED = 3


def members(g: nc.Graph) -> nc.Graph:
    """The organisation's persons (tiers 0-2): no victims, clients or online objects."""
    na = g.node_attrs
    keep = (na["tier"].between(0, 2) & (na["kind"].astype(str) == "person")).to_numpy()
    return g.subgraph(g.nodes[keep])


def size_key(ax: plt.Axes, values: pd.Series) -> None:
    """A legend of marker sizes for the smallest, median and largest value (draw_network
    scales marker area linearly with the value: read the two ends back from the markers
    it drew) and the two tie styles."""
    from matplotlib.collections import PathCollection

    drawn = np.concatenate([c.get_sizes() for c in ax.collections
                            if isinstance(c, PathCollection)])
    lo, hi = float(values.min()), float(values.max())
    s_lo, s_hi = float(drawn.min()), float(drawn.max())
    handles = [ax.scatter([], [], s=s_lo + (s_hi - s_lo) * (v - lo) / (hi - lo),
                          color="0.6", edgecolors="white", label=f"{v:.1f}")
               for v in (lo, float(values.median()), hi)]
    handles += [plt.Line2D([], [], color="0.5", ls=ls, label=f"{kind} tie")
                for ls, kind in (("-", "offline"), ("--", "online"))]
    ax.legend(handles=handles, title="effective size", loc="lower left", frameon=False,
              fontsize=10, labelspacing=1.2)


def main() -> pd.DataFrame:
    OUT.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nc.NetcrimeWarning)
        full = nc.generators.trafficking_network(n=300, kind="hybrid", rng=SEED)
    g = members(full)
    tab = pd.DataFrame({
        "role": g.node_attrs["role"].astype(str),
        "group": g.node_attrs["group"],
        "degree": nc.centrality.degree(g),
        "constraint": nc.brokerage.constraint(g),
        "effective_size": nc.brokerage.effective_size(g),
        "efficiency": nc.brokerage.efficiency(g),
        "betweenness": nc.centrality.betweenness(g),
    })
    tab.index.name = "node"
    tab.to_csv(OUT / "structural_holes.csv")

    print(f"Hybrid trafficking network (seed {SEED}): {g.n_nodes} members, {g.n_edges} ties, "
          f"{g.node_attrs['group'].nunique()} wheels\n")
    by_role = (tab.groupby("role")[["degree", "constraint", "effective_size", "betweenness"]]
               .mean().sort_values("constraint"))
    print("Mean per role, least constrained first (Burt 1992; isolates have NaN constraint):")
    print(by_role.round(3).to_string())
    print()
    low = tab.sort_values("constraint", kind="stable").head(5)
    top = tab.sort_values("betweenness", ascending=False, kind="stable").head(5)
    print("Least constrained actors:  " + ", ".join(f"{i} ({r})" for i, r in low["role"].items()))
    print("Highest betweenness:       " + ", ".join(f"{i} ({r})" for i, r in top["role"].items()))
    rho = tab["constraint"].corr(tab["betweenness"], method="spearman")
    print(f"Spearman correlation of constraint and betweenness: {rho:.2f}")
    rank_c = tab["constraint"].rank(method="min")
    rank_b = tab["betweenness"].rank(ascending=False, method="min")
    for node in tab.index[tab["role"] == "broker"]:
        print(f"Broker {node}: {int(tab.loc[node, 'degree'])} contacts, effective size "
              f"{tab.loc[node, 'effective_size']:.1f}; betweenness rank {int(rank_b[node])}, "
              f"constraint rank {int(rank_c[node])} of {len(tab)}.")

    # figure: the network sized by effective size, and the local-vs-global brokerage plane
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(15, 6.5), layout="constrained",
                                 gridspec_kw={"width_ratios": [1.15, 1]})
    nc.plot.draw_network(g, ax=a1, layout="spring", node_size=tab["effective_size"],
                         labels=list(tab.index[tab["role"].isin(["broker", "leader"])]),
                         title="Members sized by effective size (Burt)", rng=SEED,
                         legend=False)  # one role legend: the scatter's, on the right
    size_key(a1, tab["effective_size"])
    order = list(nc.plot.ROLE_COLORS)
    for role, sub in sorted(tab.groupby("role"), key=lambda kv: order.index(kv[0])
                            if kv[0] in order else len(order)):
        a2.scatter(sub["constraint"], sub["betweenness"], s=45, label=role,
                   color=nc.plot.category_color(role, palette="role"), edgecolors="white")
    brokers = list(tab.index[tab["role"] == "broker"])
    for node in [top.index[0], *brokers]:
        a2.annotate(f"{node} ({tab.loc[node, 'role']})",
                    (tab.loc[node, "constraint"], tab.loc[node, "betweenness"]),
                    xytext=(10, 6), textcoords="offset points", fontsize=11)
    a2.set_xlabel("Burt's constraint (low = spans structural holes)", fontsize=12)
    a2.set_ylabel("betweenness (share of shortest paths)", fontsize=12)
    a2.set_title("Local vs global brokerage", fontsize=14)
    a2.grid(True, alpha=0.3)
    a2.legend(title="person's role", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10)
    fig.savefig(OUT / "structural_holes.png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    print(f"\nTable and figure in {OUT}/")
    return tab


if __name__ == "__main__":
    main()
