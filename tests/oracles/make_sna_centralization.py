"""Make the R sna golden file for Freeman centralization (tests/test_covert.py).

Run from the repository root (needs R with ``sna``; the test suite does not)::

    python tests/oracles/make_sna_centralization.py

Cases: seeded connected G(n, p) graphs, Krackhardt's kite, and a few forms (path, star,
wheel, a caveman graph). Edges go to ``tests/oracles/sna_centralization/<case>.csv``, the list
of cases to ``cases.csv``, and ``sna::centralization(a, FUN, mode="graph")`` for
``FUN = degree, betweenness, closeness`` to ``golden.csv`` (17 significant digits).
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
OUT = HERE / "sna_centralization"


def cases():
    yield "kite", nx.krackhardt_kite_graph()
    yield "path7", nx.path_graph(7)
    yield "star6", nx.star_graph(5)
    yield "wheel8", nx.wheel_graph(8)
    yield "caveman", nx.connected_caveman_graph(4, 5)
    seed = 0
    made = 0
    while made < 8:
        n = 8 + 4 * made
        g = nx.gnp_random_graph(n, 3.0 / n, seed=seed)
        seed += 1
        if nx.is_connected(g):
            yield f"gnp{made}", g
            made += 1


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with open(OUT / "cases.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["case", "n"])
        for name, g in cases():
            w.writerow([name, g.number_of_nodes()])
            with open(OUT / f"{name}.csv", "w", newline="") as eh:
                ew = csv.writer(eh)
                ew.writerow(["source", "target"])
                ew.writerows(sorted(g.edges()))
    subprocess.run(
        ["Rscript", str(HERE / "sna_centralization.R"), str(OUT), str(OUT / "cases.csv"),
         str(OUT / "golden.csv")],
        check=True,
    )


if __name__ == "__main__":
    main()
