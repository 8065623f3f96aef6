"""Benchmarks: two-mode projection (netcrime beside a pandas self-join and networkx).

Target (issue 11): the projection of 1M affiliations (100k actors, 50k events) in under 2 s.

Two ways to run:

* ``python benchmarks/bench_twomode.py`` -- the table written to
  ``benchmarks/results/twomode.md`` (``--quick``: 100k affiliations, 10k actors, 5k events;
  the sizes are in the table);
* ``python -m pytest benchmarks/bench_twomode.py --benchmark-only -q`` -- pytest-benchmark
  groups at a small size.

Every timing has a correctness check beside it: netcrime's ``count`` projection equals the
pandas self-join's pair counts exactly (every pair, every value), and at the networkx size
its ``newman`` projection equals ``collaboration_weighted_projected_graph``. The peak memory
of the projection (tracemalloc, numpy allocations included) is reported beside the time.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def make_affiliations(n_rows: int, n_actors: int, n_events: int, seed: int = 0) -> pd.DataFrame:
    """Seeded distinct (actor, event) pairs; labels are ints, events offset past the actors."""
    rng = np.random.default_rng(seed)
    key = np.unique(rng.integers(0, n_actors * n_events, int(n_rows * 1.02)))
    key = rng.permutation(key)[:n_rows]
    return pd.DataFrame({"actor": key // n_events, "event": n_actors + key % n_events})


def best_of(f, repeat: int = 3):
    best, out = np.inf, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def peak_mib(f) -> float:
    tracemalloc.start()
    f()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def pandas_projection(df: pd.DataFrame) -> pd.DataFrame:
    """The peer route: self-join on the event, keep a < b, count the shared events."""
    j = df.merge(df, on="event", suffixes=("_a", "_b"))
    j = j[j["actor_a"] < j["actor_b"]]
    return j.groupby(["actor_a", "actor_b"]).size().rename("weight").reset_index()


def netcrime_pairs(p) -> pd.DataFrame:
    d = p.to_pandas()
    a = np.minimum(d["source"].to_numpy(), d["target"].to_numpy())
    b = np.maximum(d["source"].to_numpy(), d["target"].to_numpy())
    return (pd.DataFrame({"actor_a": a, "actor_b": b, "weight": d["weight"].to_numpy()})
            .sort_values(["actor_a", "actor_b"]).reset_index(drop=True))


def same_counts(p, ref: pd.DataFrame) -> bool:
    ours = netcrime_pairs(p)
    ref = ref.sort_values(["actor_a", "actor_b"]).reset_index(drop=True)
    return (len(ours) == len(ref)
            and np.array_equal(ours["actor_a"].to_numpy(), ref["actor_a"].to_numpy())
            and np.array_equal(ours["actor_b"].to_numpy(), ref["actor_b"].to_numpy())
            and np.array_equal(ours["weight"].to_numpy(), ref["weight"].to_numpy(float)))


def run_projection(n_rows: int, n_actors: int, n_events: int) -> list[dict]:
    import netcrime as nc

    df = make_affiliations(n_rows, n_actors, n_events)
    t_build, g = best_of(lambda: nc.twomode.from_affiliations(df, actor="actor", event="event"))
    rows = []
    t_nc, p = best_of(lambda: nc.twomode.project(g, method="count"))
    t_pd, ref = best_of(lambda: pandas_projection(df))
    ok = same_counts(p, ref)
    mem_nc = peak_mib(lambda: nc.twomode.project(g, method="count"))
    mem_pd = peak_mib(lambda: pandas_projection(df))
    size = f"{n_rows:,} affiliations, {n_actors:,} actors × {n_events:,} events"
    rows.append({"task": "project (count)", "size": size, "netcrime": t_nc,
                 "peer": f"pandas self-join {t_pd:.2f} s", "ratio": t_pd / t_nc,
                 "memory": f"{mem_nc:.0f} / {mem_pd:.0f} MiB",
                 "check": f"{p.n_edges:,} pairs identical" if ok else "DIFFERENT"})
    t_new, _ = best_of(lambda: nc.twomode.project(g, method="newman"))
    rows.append({"task": "project (newman)", "size": size, "netcrime": t_new, "peer": "-",
                 "ratio": np.nan, "memory": "-", "check": "see networkx row"})
    rows.append({"task": "from_affiliations", "size": size, "netcrime": t_build, "peer": "-",
                 "ratio": np.nan, "memory": "-", "check": f"{g.n_edges:,} ties"})
    return rows


def run_networkx(n_rows: int, n_actors: int, n_events: int) -> dict:
    import networkx as nx
    from networkx.algorithms import bipartite

    import netcrime as nc

    df = make_affiliations(n_rows, n_actors, n_events, seed=1)
    G = nx.Graph()
    G.add_edges_from(zip(df["actor"], df["event"]))
    actors = list(pd.unique(df["actor"]))
    g = nc.twomode.from_affiliations(df, actor="actor", event="event")
    t_nc, p = best_of(lambda: nc.twomode.project(g, method="newman"))
    t_nx, H = best_of(lambda: bipartite.collaboration_weighted_projected_graph(G, actors),
                      repeat=1)
    d = p.to_pandas()
    ours = {frozenset((s, t)): w for s, t, w in zip(d["source"], d["target"], d["weight"])}
    diff = max((abs(ours[frozenset((u, v))] - w["weight"]) for u, v, w in H.edges(data=True)),
               default=0.0)
    ok = len(ours) == H.number_of_edges() and diff < 1e-12
    return {"task": "project (newman)",
            "size": f"{n_rows:,} affiliations, {n_actors:,} actors × {n_events:,} events",
            "netcrime": t_nc, "peer": f"networkx {t_nx:.2f} s", "ratio": t_nx / t_nc,
            "memory": "-",
            "check": f"max diff {diff:.0e}, {p.n_edges:,} pairs" if ok else "DIFFERENT"}


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    big = (100_000, 10_000, 5_000) if quick else (1_000_000, 100_000, 50_000)
    rows = run_projection(*big)
    rows.append(run_networkx(20_000, 2_000, 1_000))
    lines = ["# Two-mode projection", "",
             "Seeded distinct (actor, event) pairs; `count` projection onto the actors. "
             "Best of 3 (networkx: 1 run). Memory: tracemalloc peak of the projection call "
             "(netcrime / pandas). Ratio = peer time / netcrime time.", "",
             f"Run: `python benchmarks/bench_twomode.py{' --quick' if quick else ''}`; "
             f"load average at start: {load()}", "",
             "| task | size | netcrime | peer | ratio | memory | check inside |",
             "|---|---|---:|---:|---:|---:|---|"]
    for r in rows:
        ratio = "-" if np.isnan(r["ratio"]) else f"{r['ratio']:.1f}×"
        lines.append(f"| {r['task']} | {r['size']} | {r['netcrime']:.3f} s | {r['peer']} | "
                     f"{ratio} | {r['memory']} | {r['check']} |")
    text = "\n".join(lines) + "\n"
    print(text)
    (HERE / "results" / "twomode.md").write_text(text, encoding="utf-8")


def load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:  # pragma: no cover - not Linux
        return "n/a"


# ----------------------------------------------------------------------------- pytest-benchmark
def test_project_count(benchmark):
    import netcrime as nc

    df = make_affiliations(20_000, 2_000, 1_000)
    g = nc.twomode.from_affiliations(df, actor="actor", event="event")
    p = benchmark(lambda: nc.twomode.project(g, method="count"))
    assert same_counts(p, pandas_projection(df))


def test_pandas_selfjoin(benchmark):
    df = make_affiliations(20_000, 2_000, 1_000)
    benchmark(lambda: pandas_projection(df))


if __name__ == "__main__":
    main(sys.argv[1:])
