"""Ten relations, one network: the Noordin Top terrorist network as a multiplex.
=============================================================================

The Noordin Top data (Roberts & Everton 2011) record ten relations among 79 actors:
kinship, friendship, classmates, soulmates, communications, business and finance,
logistics, meetings, operations and training events. Which relations run along the same
pairs, and who is central in which relation? Flattening the layers into one graph hides
exactly this.

One idea: compare the relations by the *ties* they share (``multiplex.layer_overlap``) and
by the *people* they involve (a two-mode actor × relation graph projected onto the
relations with Jaccard weights): two relations can involve the same people through
different pairs.

Run:  python examples/noordin_layers.py [--out DIR]
Output (in DIR, else $NETCRIME_EXAMPLES_OUT, else ./example-output/noordin_layers):
noordin_layers.csv (one row per pair of relations), noordin_degree_by_layer.csv,
noordin_layers.png (the actor × relation two-mode figure).

References: Roberts N, Everton SF (2011) Roberts and Everton Terrorist Data: Noordin Top
Terrorist Network (subset); Everton SF (2012) Disrupting Dark Networks. Cambridge University
Press.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

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


OUT = output_dir("noordin_layers")


def member_overlap(g: nc.Graph) -> pd.DataFrame:
    """Jaccard of the actor sets of every pair of relations, via a two-mode projection."""
    deg = nc.multiplex.by_layer(g, metric="degree")
    active = deg.stack()
    active = active[active > 0].reset_index()
    active.columns = ["actor", "relation", "degree"]
    two = nc.twomode.from_affiliations(active, actor="actor", event="relation")
    proj = nc.twomode.project(two, onto="event", method="jaccard").to_pandas()
    return two, pd.concat([proj, proj.rename(columns={"source": "target",
                                                      "target": "source"})])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    g = nc.datasets.load("noordin")
    layers = nc.multiplex.layers(g)
    print("Noordin Top: 79 actors, ties per relation:")
    for r, h in layers.items():
        print(f"  {r:<17} {h.n_edges:4d}")

    ties = nc.multiplex.layer_overlap(g)
    two, members = member_overlap(g)
    members = members.rename(columns={"source": "layer_a", "target": "layer_b",
                                      "weight": "member_jaccard"})
    tab = ties.merge(members[["layer_a", "layer_b", "member_jaccard"]],
                     on=["layer_a", "layer_b"], how="left").fillna({"member_jaccard": 0.0})
    tab.to_csv(OUT / "noordin_layers.csv", index=False)
    print("\nRelations sharing the most ties (Jaccard of tie sets; of actor sets):")
    for row in tab.nlargest(3, "jaccard").itertuples():
        print(f"  {row.layer_a} & {row.layer_b}: ties {row.jaccard:.3f} "
              f"({row.shared} shared), actors {row.member_jaccard:.3f}")

    flat = nc.multiplex.flatten(g, how="count").to_pandas()
    top = flat.nlargest(1, "weight").iloc[0]
    print(f"\nThe most multiplex pair: {top.source} -- {top.target}, tied by "
          f"{int(top.weight)} of the 10 relations")
    print(f"Pairs tied by one relation only: {(flat.weight == 1).mean():.0%} of "
          f"{len(flat)} pairs")

    deg = nc.multiplex.by_layer(g, metric="degree")
    deg.to_csv(OUT / "noordin_degree_by_layer.csv")
    print("\nMost connected actor per relation (degree):")
    for r in ("operations", "trainingevents", "communications", "kinship"):
        col = deg[r]
        print(f"  {r:<15} {col.idxmax()} ({int(col.max())})")

    ax = nc.plot.draw_twomode(two, title="Noordin Top: actors × the relations they are in")
    ax.figure.savefig(OUT / "noordin_layers.png", dpi=110)
    print(f"\nTwo-mode density (actors active in a relation): {nc.twomode.density(two):.3f}")


if __name__ == "__main__":
    main()
