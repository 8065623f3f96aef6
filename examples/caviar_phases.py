"""A tour of a real network: how CAVIAR adapted to seizures over its 11 phases.

Project CAVIAR (Montreal, 1994-1996) was a police investigation of a drug-importation
network run by Daniel Serero (node 1, the principal trafficker) and Pierre Perlini (node 3).
Instead of arresting the traffickers at once, the police seized their consignments -- eleven
seizures in phases 4, 6, 7, 8, 9, 10 and 11 -- while wiretaps kept recording who called whom.
The 11 phase networks are therefore a natural experiment in how a criminal network reacts to
disruption (Morselli 2009; Morselli & Petit 2007, Global Crime 8(2):109-130).

One idea: follow size, density, Freeman centralization, the largest component and the most
central actors phase by phase, with the seizure phases marked.

A lesson about real data first: the bundled phase-7 file is a defect of the public source --
it is phase 9 with its labels permuted (see ``nc.datasets.load("caviar_phase07").meta["notes"]``).
The tour therefore leaves phase 7 blank instead of reading a trend (or Serero's "absence")
into it.

Run:  python examples/caviar_phases.py [OUTPUT_DIR]
Output (in OUTPUT_DIR, else $NETCRIME_EXAMPLES_OUT, else ./example-output): caviar_phases.csv
and caviar_phases.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import netcrime as nc

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else
           os.environ.get("NETCRIME_EXAMPLES_OUT", "example-output"))
SERERO, PERLINI = 1, 3  # node labels in the CAVIAR data


def lcc_size(g: nc.Graph) -> int:
    """Size of the largest connected component (every phase network is undirected)."""
    from scipy.sparse.csgraph import connected_components

    _, lab = connected_components(g.to_scipy(), directed=False)
    return int(np.bincount(lab).max())


BAD_PHASES = (7,)  # source defect: the phase-7 file is a relabelled copy of phase 9


def phase_row(p: int) -> dict:
    g = nc.datasets.load("caviar", phase=p)
    if p in BAD_PHASES:  # keep the row (and the seizure mark), leave the numbers blank
        return {"phase": p, "seizure": bool(g.meta["seizure"])}
    n = g.n_nodes
    deg = nc.centrality.degree(g, normalized=True)
    btw = nc.centrality.betweenness(g)
    top = btw.sort_values(ascending=False, kind="stable").index[:3].tolist()
    return {
        "phase": p,
        "seizure": bool(g.meta["seizure"]),
        "actors": n,
        "ties": g.n_edges,
        "density": 2 * g.n_edges / (n * (n - 1)),
        "degree_centralization": nc.covert.centralization(g, measure="degree"),
        "betweenness_centralization": nc.covert.centralization(g, measure="betweenness"),
        "lcc_share": lcc_size(g) / n,
        "top3_betweenness": " ".join(f"n{v}" for v in top),
        "serero_degree": float(deg.get(SERERO, np.nan)),
        "serero_betweenness": float(btw.get(SERERO, np.nan)),
        "perlini_betweenness": float(btw.get(PERLINI, np.nan)),
    }


def figure(tab: pd.DataFrame, path: Path) -> None:
    fig, axes = plt.subplots(1, 3, figsize=(15, 5.2), layout="constrained")
    x = tab["phase"].to_numpy()
    seized = tab.loc[tab["seizure"], "phase"].to_numpy()
    for ax in axes:
        for s in seized:
            ax.axvspan(s - 0.5, s + 0.5, color="#d62728", alpha=0.08, lw=0)
        ax.set_xticks(x)
        ax.set_xlabel("investigation phase (shaded: seizure)", fontsize=11)
        ax.grid(True, alpha=0.3)
        for sp in ("top", "right"):
            ax.spines[sp].set_visible(False)
    ax = axes[0]
    ax.plot(x, tab["actors"], "o-", color="#1f77b4", lw=2, label="actors")
    ax.plot(x, tab["ties"], "s-", color="#7f7f7f", lw=2, label="ties")
    ax.set_title("The network grows", fontsize=13)
    ax = axes[1]
    ax.plot(x, tab["degree_centralization"], "o-", color="#ff7f0e", lw=2,
            label="degree centralization")
    ax.plot(x, tab["betweenness_centralization"], "s-", color="#9467bd", lw=2,
            label="betweenness centralization")
    ax.plot(x, tab["density"], "^-", color="#2ca02c", lw=2, label="density")
    ax.set_ylim(0, 1)
    ax.set_title("Centralization and density", fontsize=13)
    ax = axes[2]
    ax.plot(x, tab["serero_betweenness"], "o-", color="#d62728", lw=2,
            label="n1 Serero (principal trafficker)")
    ax.plot(x, tab["perlini_betweenness"], "s-", color="#8c564b", lw=2, label="n3 Perlini")
    ax.set_ylim(0, 1)
    ax.set_title("Betweenness of the two traffickers", fontsize=13)
    for p in tab.loc[tab["serero_betweenness"].isna() & tab["actors"].notna(), "phase"]:
        ax.annotate("n1\nabsent", (p, 0.9), ha="center", fontsize=9, color="#d62728")
    for ax in axes:  # the defective phase: no data, said so on the figure
        for p in BAD_PHASES:
            ax.annotate("no data\n(source\ndefect)", (p, 0.5), xycoords=("data", "axes fraction"),
                        ha="center", va="center", fontsize=8, color="#555555")
    for ax in axes:  # legends below the data, never on it
        ax.legend(frameon=False, fontsize=10, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncol=2)
    fig.suptitle("Project CAVIAR: 11 phases of a drug-importation network under seizures",
                 fontsize=14)
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main() -> pd.DataFrame:
    OUT.mkdir(parents=True, exist_ok=True)
    tab = pd.DataFrame([phase_row(p) for p in range(1, 12)])
    tab["actors"] = tab["actors"].astype("Int64")  # blank for the defective phase
    tab["ties"] = tab["ties"].astype("Int64")
    tab.to_csv(OUT / "caviar_phases.csv", index=False)
    figure(tab, OUT / "caviar_phases.png")

    with pd.option_context("display.width", 140, "display.max_columns", 20):
        cols = ["phase", "seizure", "actors", "ties", "density", "degree_centralization",
                "lcc_share", "top3_betweenness", "serero_betweenness"]
        print(tab[cols].round(3).to_string(index=False))
    first, last = tab.iloc[0], tab.iloc[-1]
    before = tab[tab["phase"] < 4]
    after = tab[tab["phase"] >= 4]
    print()
    print(f"The network grew from {first.actors} actors in phase 1 to {last.actors} in "
          f"phase 11, through seizures in phases "
          f"{', '.join(map(str, tab.loc[tab['seizure'], 'phase']))}.")
    print(f"Degree centralization: mean {before['degree_centralization'].mean():.2f} before "
          f"the first seizure, {after['degree_centralization'].mean():.2f} from phase 4 on.")
    print(f"Phase(s) {', '.join(map(str, BAD_PHASES))} left blank: the source file is a "
          f"relabelled copy of phase 9 (see the dataset notes).")
    absent = tab.loc[tab["serero_betweenness"].isna() & tab["actors"].notna(), "phase"].tolist()
    if absent:
        print(f"Serero (n1) does not appear in phase(s) {', '.join(map(str, absent))}.")
    print(f"Serero's betweenness: mean {before['serero_betweenness'].mean():.2f} in phases 1-3,"
          f" {after['serero_betweenness'].mean():.2f} in phases 4-11; the most central actor "
          f"of phase 11 is {last.top3_betweenness.split()[0]}.")
    print(f"Figure and table in {OUT}/")
    return tab


if __name__ == "__main__":
    main()
