"""Make the R sna golden files for the Gould–Fernandez brokerage tests.

Run from the repository root (needs R with the ``sna`` package; the test suite does not)::

    python tests/oracles/make_sna_golden.py

For every case it writes ``tests/oracles/sna_brokerage/<case>_edges.csv`` (``source,target``)
and ``<case>_nodes.csv`` (``node,group``; row order = vertex order, isolates listed), then
runs ``tests/oracles/sna_brokerage.R`` (an oracle written for this project that calls
``sna::brokerage`` on the adjacency matrix) to produce ``<case>_nli.csv`` (node level),
``<case>_gli.csv`` (graph level), ``<case>_grp.csv`` (per group) and ``<case>_meta.csv``.
``cases.csv`` lists the cases and whether the edges are read as undirected.

The cases are seeded random directed graphs with random partitions, plus the corner cases:
singleton groups, one group, every node its own group, the empty graph, complete graphs,
self-loops (kept, as sna keeps them: they raise the density), undirected input and isolates.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
OUT = HERE / "sna_brokerage"
RSCRIPT = HERE / "sna_brokerage.R"


def _random_arcs(rng, n, p, *, loops=False, undirected=False):
    arcs = []
    for i in range(n):
        for j in range(n):
            if i == j and not loops:
                continue
            if undirected and j < i:
                continue
            if rng.random() < p:
                arcs.append((i, j))
    return arcs


def _groups(rng, n, k):
    return [f"g{int(x)}" for x in rng.integers(0, k, size=n)]


def cases():
    rng = np.random.default_rng(20240401)
    out = []

    def add(name, n, arcs, groups, undirected=False):
        out.append((name, n, arcs, groups, undirected))

    for t, (n, p, k) in enumerate([(12, 0.25, 3), (20, 0.15, 4), (30, 0.1, 5), (50, 0.08, 6),
                                   (16, 0.4, 2), (25, 0.2, 3)]):
        add(f"random{t}", n, _random_arcs(rng, n, p), _groups(rng, n, k))
    # singleton groups among larger groups
    g = [*_groups(rng, 14, 2), "solo1", "solo2", "solo3"]
    add("singletons", 17, _random_arcs(rng, 17, 0.2), g)
    add("one_group", 15, _random_arcs(rng, 15, 0.2), ["all"] * 15)
    add("own_group10", 10, _random_arcs(rng, 10, 0.3), [f"c{i}" for i in range(10)])
    add("own_group25", 25, _random_arcs(rng, 25, 0.1), [f"c{i}" for i in range(25)])
    add("empty", 8, [], _groups(rng, 8, 2))
    add("complete", 7, [(i, j) for i in range(7) for j in range(7) if i != j], _groups(rng, 7, 3))
    add("complete_loops", 6, [(i, j) for i in range(6) for j in range(6)], _groups(rng, 6, 2))
    add("loops1", 15, _random_arcs(rng, 15, 0.2, loops=True), _groups(rng, 15, 3))
    add("loops2", 10, _random_arcs(rng, 10, 0.35, loops=True), _groups(rng, 10, 4))
    add("undirected1", 14, _random_arcs(rng, 14, 0.3, undirected=True), _groups(rng, 14, 3),
        undirected=True)
    add("undirected2", 20, _random_arcs(rng, 20, 0.2, undirected=True), _groups(rng, 20, 4),
        undirected=True)
    add("undirected_loops", 12, _random_arcs(rng, 12, 0.3, loops=True, undirected=True),
        _groups(rng, 12, 2), undirected=True)
    arcs = [(i, j) for (i, j) in _random_arcs(rng, 20, 0.25) if i < 15 and j < 15]
    add("isolates", 20, arcs, _groups(rng, 20, 3))
    add("dense", 12, _random_arcs(rng, 12, 0.8), _groups(rng, 12, 3))
    add("tiny3", 3, [(0, 1), (1, 2)], ["a", "b", "c"])
    add("tiny2", 2, [(0, 1)], ["a", "a"])
    # reciprocated arcs: every arc made mutual with probability 1/2
    base = _random_arcs(rng, 15, 0.2)
    mutual = sorted(set(base) | {(j, i) for (i, j) in base if rng.random() < 0.5})
    add("mutual", 15, mutual, _groups(rng, 15, 3))
    add("big_loops", 60, _random_arcs(rng, 60, 0.06, loops=True), _groups(rng, 60, 8))
    # chain recruitment -> transport -> exploitation, with a loop on the transporter
    add("chain", 5, [(0, 1), (1, 2), (2, 3), (3, 4), (2, 2)],
        ["recruitment", "recruitment", "transport", "exploitation", "exploitation"])
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, n, arcs, groups, undirected in cases():
        ids = [f"v{i}" for i in range(n)]
        e = OUT / f"{name}_edges.csv"
        v = OUT / f"{name}_nodes.csv"
        with e.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["source", "target"])
            w.writerows([(ids[i], ids[j]) for i, j in arcs])
        with v.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["node", "group"])
            w.writerows(zip(ids, groups))
        cmd = ["Rscript", str(RSCRIPT), e.name, v.name, name]
        if undirected:
            cmd.append("--undirected")
        subprocess.run(cmd, check=True, cwd=OUT)
        rows.append((name, int(undirected)))
    with (OUT / "cases.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["case", "undirected"])
        w.writerows(rows)
    print(f"wrote {len(rows)} cases to {OUT.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
