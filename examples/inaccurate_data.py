"""Inaccurate data: missing ties, hidden leaders, and raids planned on what police see
===================================================================================

Which brokers survive missing ties, and does a raid planned on what the police see
still work?

Every criminal network is seen through wiretaps, seizures and informants (Morselli 2009).
Two questions, with netcrime.observation:

1. On CAVIAR (the wiretapped drug-importation network of Montreal, Morselli 2009), miss
   10-40 % of the ties at random: which of the five actors of highest betweenness stay in
   the observed top five, and how well does the whole ranking survive?
2. On a traditional (wheel) trafficking network whose leaders are seen with a lower
   probability (60 % of them are missed, and 20 % of all ties), plan a raid on the
   observed network (its 5 highest-betweenness actors) and apply it to the true network:
   how large is the largest component left, against the same raid planned on the truth?

Run:  python examples/inaccurate_data.py [--out DIR]
Output (in DIR, else $NETCRIME_EXAMPLES_OUT, else ./example-output/inaccurate_data):
inaccurate_caviar.csv (one row per level and replicate: the observed top five),
inaccurate_raid.csv (one row per replicate and plan) and inaccurate_data.png.

References: Morselli C (2009) Inside Criminal Networks, Springer,
doi:10.1007/978-0-387-09526-4. Borgatti SP, Carley KM, Krackhardt D (2006) On the
robustness of centrality measures under conditions of imperfect data. Social Networks
28:124-136, doi:10.1016/j.socnet.2005.05.001.
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


def output_dir(name: str) -> Path:
    """Where the example writes: ``--out DIR`` (or DIR as the first argument), else
    ``$NETCRIME_EXAMPLES_OUT``, else ``./example-output/<name>`` (git-ignored)."""
    args = sys.argv[1:]
    if "--out" in args[:-1]:
        return Path(args[args.index("--out") + 1])
    if args:
        return Path(args[0])
    return Path(os.environ.get("NETCRIME_EXAMPLES_OUT") or Path("example-output") / name)


OUT = output_dir("inaccurate_data")
LEVELS = (0.1, 0.2, 0.3, 0.4)
REPS = 100
TOP = 5
SEED = 2026
RAID = dict(strategy="betweenness", budget=5, reps=100, rng=SEED)
HIDDEN = {"node_missing": {"leader": 0.6}, "tie_missing": 0.2, "bias": "role"}


def top_k(scores: pd.Series, k: int) -> list:
    """The k highest scores; ties broken by node order (stable sort)."""
    return list(scores.sort_values(ascending=False, kind="stable").index[:k])


def rep_seed(i: int, rep: int) -> int:
    """The seed of replicate ``rep`` at level ``LEVELS[i]``."""
    return SEED + 1000 * i + rep


def caviar_part() -> tuple[pd.DataFrame, list]:
    g = nc.datasets.load("caviar")
    true_top = top_k(nc.centrality.betweenness(g), TOP)
    rows = []
    for i, p in enumerate(LEVELS):
        for rep in range(REPS):
            obs = nc.observation.observe(g, tie_missing=p, rng=rep_seed(i, rep))
            h = obs.graph
            bc = nc.centrality.betweenness(h)
            rows.append({"level": p, "rep": rep, "observed_top": " ".join(
                map(str, top_k(bc, TOP)))})
    return pd.DataFrame(rows), true_top


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    tops, true_top = caviar_part()
    tops.to_csv(OUT / "inaccurate_caviar.csv", index=False)
    print(f"CAVIAR: the true top {TOP} by betweenness: {' '.join(map(str, true_top))}")
    print(f"Share of {REPS} replicates in which each stays in the observed top {TOP}:")
    stay = pd.DataFrame({p: [float(np.mean([str(a) in s.split() for s in
                                             tops.loc[tops["level"] == p, "observed_top"]]))
                              for a in true_top] for p in LEVELS},
                        index=pd.Index(true_top, name="actor"))
    stay.columns = [f"{int(100 * p)}% missed" for p in LEVELS]
    print(stay.to_string(float_format=lambda v: f"{v:.2f}"))
    worst = stay.iloc[:, -1]
    robust = [a for a in true_top if worst[a] >= 0.9]
    print(f"At 40 % missed ties, {len(robust)} of the top {TOP} stay in the top {TOP} in at "
          f"least 90 % of replicates: {' '.join(map(str, robust)) or 'none'}; the least "
          f"robust is {worst.idxmin()} ({worst.min():.2f}).")

    g = nc.generators.trafficking_network(n=300, kind="traditional", rng=SEED)
    res = nc.observation.plan_on_observed(g, observation=HIDDEN, **RAID)
    res.reps.to_csv(OUT / "inaccurate_raid.csv", index=False)
    summ = res.reps.groupby("plan")[["lcc", "hit_rate"]].mean()
    print()
    print(f"Trafficking (traditional, {g.n_nodes} nodes): raid on the {RAID['budget']} "
          f"actors of highest betweenness, leaders missed with probability 0.6, "
          f"{RAID['reps']} replicates")
    print(summ.to_string(float_format=lambda v: f"{v:.3f}"))
    gap = summ.loc["observed", "lcc"] - summ.loc["truth", "lcc"]
    print(f"Planned on the observed network, the raid leaves a largest component of "
          f"{summ.loc['observed', 'lcc']:.3f} of the network on average, against "
          f"{summ.loc['truth', 'lcc']:.3f} when planned on the truth ({gap:+.3f}); it hits "
          f"{summ.loc['observed', 'hit_rate']:.3f} of the truth-planned targets.")

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
    c = nc.datasets.load("caviar")
    df = nc.observation.sensitivity(c, metric=["betweenness", "degree"],
                                    tie_missing=list(LEVELS), reps=REPS, rng=SEED)
    nc.plot.plot_sensitivity(df, ax=axes[0], title="CAVIAR: ranking accuracy")
    axes[1].hist([res.reps.loc[res.reps["plan"] == k, "lcc"] for k in ("observed", "truth")],
                 label=["planned on observed", "planned on truth"], bins=15)
    axes[1].set_xlabel("largest component after the raid (share of persons)")
    axes[1].legend(frameon=False)
    fig.savefig(OUT / "inaccurate_data.png", dpi=110)
    print(f"Wrote {OUT / 'inaccurate_caviar.csv'}, {OUT / 'inaccurate_raid.csv'} and "
          f"{OUT / 'inaccurate_data.png'}")


if __name__ == "__main__":
    main()
