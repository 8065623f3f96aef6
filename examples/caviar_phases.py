"""A tour of a real network: how CAVIAR adapted to seizures over its 11 phases.
============================================================================

Project CAVIAR (Montreal, 1994-1996) was a police investigation of a drug-importation
network run by Daniel Serero (node 1) with Pierre Perlini (node 3). The investigation
followed a seize-but-do-not-arrest strategy: 11 consignments were seized, in phases 4, 6, 7,
8, 9, 10 and 11, and arrests came only at the end, while wiretaps kept recording who called
whom. The 11 phase networks are a natural experiment in how a criminal network reacts to
disruption: Morselli & Petit (2007, Global Crime 8(2):109-130) describe it decentralising
and re-ordering under the seizures (see also Morselli 2009, Inside Criminal Networks).

The tour uses the temporal API on the directed valued phase matrices (all 11 phases,
including the real phase 7):

* ``nc.datasets.load_phases("caviar")`` -- the 11 phases as one Snapshots, with the seizure
  record in its metadata;
* per phase: actors, arcs, density, Freeman degree centralization, the three actors with the
  highest betweenness, Serero's betweenness and rank;
* ``nc.temporal.turnover`` -- who entered and left between phases;
* ``nc.temporal.rank_stability`` -- how stable the betweenness ranking is;
* ``nc.temporal.replacement`` -- who rose beside Serero after the first seizure: the
  actors who took over his former contacts and gained brokerage (betweenness) relative to
  phase 3, the last phase before any seizure.

Run:  python examples/caviar_phases.py [--out DIR]
Output (in DIR, else $NETCRIME_EXAMPLES_OUT, else ./example-output/caviar_phases):
caviar_phases.csv, caviar_turnover.csv, caviar_risers.csv and caviar_phases.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
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


OUT = output_dir("caviar_phases")
SERERO = 1  # node label in the CAVIAR data
BEFORE = 3  # the last phase before the first seizure


def phase_table(snaps: nc.events.Snapshots, btw: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for p, g in snaps.items():
        n = g.n_nodes
        b = btw[btw["window"] == p].set_index("node")["value"]
        ranked = b.sort_values(ascending=False, kind="stable")
        rows.append({
            "phase": p,
            "seizure": bool(snaps.meta["seizure"][p]),
            "actors": n,
            "arcs": g.n_edges,
            "density": g.n_edges / (n * (n - 1)),
            "degree_centralization": nc.covert.centralization(g, measure="degree"),
            "top3_betweenness": " ".join(f"n{v}" for v in ranked.index[:3]),
            "serero_betweenness": float(b.get(SERERO, float("nan"))),
            "serero_rank": int(ranked.index.get_loc(SERERO)) + 1 if SERERO in b else None,
        })
    return pd.DataFrame(rows)


def risers(snaps: nc.events.Snapshots) -> pd.DataFrame:
    """Who took over Serero's contacts and gained brokerage after phase 3."""
    r = nc.temporal.replacement(snaps, removed=SERERO, window=BEFORE)
    best = (r.groupby("node")
            .agg(max_brokerage_gain=("brokerage_gain", "max"),
                 inherited_ties=("inherited_ties", "sum"),
                 phases_present=("window", "size"))
            .sort_values(["max_brokerage_gain", "inherited_ties"], ascending=False,
                         kind="stable"))
    peak = r.loc[r.groupby("node")["brokerage_gain"].idxmax(), ["node", "window"]]
    best["peak_phase"] = peak.set_index("node")["window"]
    return best.reset_index().head(8)


def figure(snaps, btw, tab, turn, rise, path: Path) -> None:
    fig, axes = plt.subplots(1, 3, figsize=(18, 5.4), layout="constrained")
    seizures = {p: "seizure" for p in snaps.meta["seizure_phases"]}
    nodes = [SERERO] + [v for v in rise["node"].head(3) if v != SERERO]
    nc.plot.plot_trajectories(btw, nodes=nodes, events=seizures, ax=axes[0])
    axes[0].set_title("Betweenness: Serero (n1) and the actors who rose", fontsize=12,
                      pad=18)
    axes[0].set_xlabel("investigation phase")
    nc.plot.plot_turnover(turn, ax=axes[1])
    axes[1].set_title("Turnover between consecutive phases", fontsize=12)
    axes[1].set_xlabel("phase (compared with the previous one)")
    ax = axes[2]
    x = tab["phase"]
    ax.plot(x, tab["degree_centralization"], "o-", color="#ff7f0e", lw=2,
            label="degree centralization")
    ax.plot(x, tab["density"], "^-", color="#2ca02c", lw=2, label="density")
    for p in seizures:
        ax.axvline(p, color="#d62728", ls="--", lw=1, alpha=0.5, zorder=0)
    ax.set_xticks(x)
    ax.set_ylim(0, 1)
    ax.set_xlabel("investigation phase (dashed: seizure)")
    ax.set_title("Centralization and density", fontsize=12)
    ax.legend(frameon=False, fontsize=9, loc="upper right")
    fig.suptitle("Project CAVIAR: 11 phases of a drug-importation network under seizures",
                 fontsize=14)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> pd.DataFrame:
    OUT.mkdir(parents=True, exist_ok=True)
    snaps = nc.datasets.load_phases("caviar")
    btw = nc.temporal.trajectory(snaps, metric="betweenness")
    tab = phase_table(snaps, btw)
    turn = nc.temporal.turnover(snaps)
    stab = nc.temporal.rank_stability(snaps, metric="betweenness")
    turn = turn.merge(stab[["window", "spearman"]], on="window")
    rise = risers(snaps)
    tab.to_csv(OUT / "caviar_phases.csv", index=False)
    turn.to_csv(OUT / "caviar_turnover.csv", index=False)
    rise.to_csv(OUT / "caviar_risers.csv", index=False)
    figure(snaps, btw, tab, turn, rise, OUT / "caviar_phases.png")

    with pd.option_context("display.width", 140, "display.max_columns", 20):
        print(tab.round(3).to_string(index=False))
        print()
        cols = ["window", "entered", "left", "persisted", "jaccard_nodes", "jaccard_ties",
                "spearman"]
        print("Turnover (each phase against the previous one):")
        print(turn[cols].rename(columns={"window": "phase"}).round(3).to_string(index=False))
        print()
    first, last = tab.iloc[0], tab.iloc[-1]
    seized = ", ".join(map(str, snaps.meta["seizure_phases"]))
    print(f"The network grew from {first.actors} actors in phase 1 to {last.actors} in "
          f"phase 11, through {snaps.meta['n_seizures']} seizures in phases {seized}.")
    lost = tab[tab["serero_rank"] > 1]
    print(f"Serero (n1) is the top broker in {len(tab) - len(lost)} of 11 phases; not in "
          + "; ".join(f"phase {r.phase} ({r.top3_betweenness.split()[0]} is)"
                      for r in lost.itertuples(index=False)) + ".")
    b_before = tab.loc[tab["phase"] == BEFORE, "serero_betweenness"].item()
    print(f"Serero's betweenness: {b_before:.3f} in phase {BEFORE}, "
          f"{last.serero_betweenness:.3f} in phase 11; degree centralization "
          f"{tab.loc[tab['phase'] == BEFORE, 'degree_centralization'].item():.3f} -> "
          f"{last.degree_centralization:.3f}: the network decentralised.")
    print(f"Mean Jaccard of the tie sets between consecutive phases: "
          f"{turn['jaccard_ties'].mean():.3f}; mean Spearman of betweenness ranks: "
          f"{turn['spearman'].mean():.3f}.")
    print(f"Who rose after the seizures (largest gain in betweenness over phase {BEFORE}):")
    for r in rise.head(5).itertuples(index=False):
        print(f"  n{r.node}: +{r.max_brokerage_gain:.3f} (peak in phase {r.peak_phase}), "
              f"{r.inherited_ties} new tie(s) with Serero's phase-{BEFORE} contacts "
              "(summed over phases 4-11)")
    print(f"Figure and tables in {OUT}/")
    return tab


if __name__ == "__main__":
    main()
