"""Benchmarks: network-form and trafficking generators (vs networkx and igraph generators).

Two ways to run:

* ``python benchmarks/bench_generators.py`` - the full table written to
  ``benchmarks/results/generators.md`` (``--quick``: 200,000 persons only);
* ``python -m pytest benchmarks/bench_generators.py --benchmark-only -q`` - pytest-benchmark
  groups (200,000 persons; the 1,000,000 runs are in the script).

Targets (issue 3): a 1,000,000-person trafficking network in under 30 s; a 1,000,000-node
Kenney wheel or chain in under 10 s; 200,000 persons in at most half the time networkx needs
for ``barabasi_albert_graph(200_000, 3)``. Peers: networkx's and igraph's Barabasi-Albert
generators at the same size (the usual yardstick for a synthetic-network generator). Every
timing has a correctness check beside it (node and tie counts against the closed forms).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def _time(fn, repeat: int) -> tuple[float, object]:
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def traffic(n: int, mode: str, seed: int = 1):
    import netcrime as nc

    return nc.generators.trafficking_network(n=n, kind=mode, rng=seed)


def check_traffic(g, n: int) -> None:
    persons = int((g.node_attrs["kind"] == "person").sum())
    assert abs(persons - n) <= 0.05 * n, (persons, n)
    assert g.n_edges > persons


def wheel_1m(seed: int = 1):
    import netcrime as nc

    # 1 + 100,000 cells x 10 members (handler + 9 workers), star cells, 20 % know the core
    return nc.generators.kenney_wheel(core_size=1, n_cells=100_000, cell_size=10,
                                      cell_topology="star", anonymity=0.8, rng=seed)


def check_wheel(g) -> None:
    assert g.n_nodes == 1 + 100_000 * 10
    workers = 100_000 * 9
    known = g.n_edges - 100_000 - workers  # command ties of handlers, star ties
    assert abs(known - 0.2 * workers) < 5 * np.sqrt(workers * 0.16)


def chain_1m(seed: int = 1):
    import netcrime as nc

    # 50,000 core groups x 6 stages x sizes (3, 3, 3, 4, 3, 4) = 1,000,000 actors
    return nc.generators.kenney_chain(stage_sizes=[3, 3, 3, 4, 3, 4], n_groups=50_000,
                                      cross_group_p=0.05, rng=seed)


def check_chain(g) -> None:
    assert g.n_nodes == 1_000_000
    matched = 50_000 * (3 + 3 + 4 + 4 + 4)
    cross = g.n_edges - matched
    exp = 0.05 * 50_000 * 16
    assert abs(cross - exp) < 5 * np.sqrt(exp)


def nx_ba(n: int, seed: int = 1):
    import networkx as nx

    return nx.barabasi_albert_graph(n, 3, seed=seed)


def ig_ba(n: int, seed: int = 1):
    import random

    import igraph as ig

    random.seed(seed)
    return ig.Graph.Barabasi(n, 3)


# --------------------------------------------------------------------------- pytest-benchmark
def test_trafficking_200k_traditional(benchmark):
    g = benchmark.pedantic(traffic, args=(200_000, "traditional"), rounds=3, iterations=1)
    check_traffic(g, 200_000)


def test_trafficking_200k_online(benchmark):
    g = benchmark.pedantic(traffic, args=(200_000, "online"), rounds=3, iterations=1)
    check_traffic(g, 200_000)


def test_trafficking_200k_hybrid(benchmark):
    g = benchmark.pedantic(traffic, args=(200_000, "hybrid"), rounds=3, iterations=1)
    check_traffic(g, 200_000)


def test_networkx_ba_200k(benchmark):
    G = benchmark.pedantic(nx_ba, args=(200_000,), rounds=1, iterations=1)
    assert G.number_of_edges() == 3 * (200_000 - 3)


def test_igraph_ba_200k(benchmark):
    G = benchmark.pedantic(ig_ba, args=(200_000,), rounds=3, iterations=1)
    assert G.vcount() == 200_000


# --------------------------------------------------------------------------- script
def main(quick: bool = False) -> None:
    import platform

    import netcrime as nc

    traffic(2000, "online")  # warm numba caches and imports
    rows = []
    t_nx, G = _time(lambda: nx_ba(200_000), 1)
    assert G.number_of_edges() == 3 * (200_000 - 3)
    del G
    t_ig, G = _time(lambda: ig_ba(200_000), 3)
    assert G.vcount() == 200_000
    del G
    rows.append(("networkx barabasi_albert_graph(200_000, 3)", "200,000 nodes", t_nx, ""))
    rows.append(("igraph Graph.Barabasi(200_000, 3)", "200,000 nodes", t_ig, ""))
    for mode in ("traditional", "online", "hybrid"):
        t, g = _time(lambda m=mode: traffic(200_000, m), 3)
        check_traffic(g, 200_000)
        rows.append((f"netcrime trafficking_network(n=200_000, mode={mode!r})",
                     f"{g.n_nodes:,} nodes, {g.n_edges:,} ties", t,
                     f"{t / t_nx:.3f} x networkx BA (target <= 0.5)"))
    if not quick:
        for mode in ("traditional", "online", "hybrid"):
            t, g = _time(lambda m=mode: traffic(1_000_000, m), 2)
            check_traffic(g, 1_000_000)
            rows.append((f"netcrime trafficking_network(n=1_000_000, mode={mode!r})",
                         f"{g.n_nodes:,} nodes, {g.n_edges:,} ties", t, "target < 30 s"))
            del g
        t, g = _time(wheel_1m, 2)
        check_wheel(g)
        rows.append(("netcrime kenney_wheel(n_cells=100_000, cell_size=10)",
                     f"{g.n_nodes:,} nodes, {g.n_edges:,} ties", t, "target < 10 s"))
        del g
        t, g = _time(chain_1m, 2)
        check_chain(g)
        rows.append(("netcrime kenney_chain(n_groups=50_000, 6 stages)",
                     f"{g.n_nodes:,} nodes, {g.n_edges:,} ties", t, "target < 10 s"))
        del g
    lines = [
        "# Generators",
        "",
        f"Machine: 2-core, {platform.machine()}, Python {platform.python_version()}, "
        f"netcrime {nc.__version__}; the machine was shared with other jobs while measuring "
        "(ratios within one run are meaningful, absolute times are upper bounds).",
        "Best of 3 runs (200,000) or 2 runs (1,000,000); networkx BA one run.",
        "Command: `python benchmarks/bench_generators.py`.",
        "",
        "| generator | size | seconds | note |",
        "|---|---|---:|---|",
    ]
    for name, size, t, note in rows:
        lines.append(f"| {name} | {size} | {t:.2f} | {note} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not quick:
        (HERE / "results" / "generators.md").write_text(text)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
