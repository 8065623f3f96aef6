"""Benchmarks: call records into weekly snapshots (netcrime beside a pandas/networkx route).

Two ways to run:

* ``python benchmarks/bench_events.py`` -- the table written to ``benchmarks/results/events.md``
  (10,000,000 records, 52 weekly windows; ``--n 1000000`` for another size, ``--quick`` for
  200,000 records);
* ``python -m pytest benchmarks/bench_events.py --benchmark-only -q`` -- pytest-benchmark
  groups at a small size.

The records: ``n`` calls between 100,000 phone numbers (int64), uniform times over 364 days
(datetime64), a duration in seconds (float). Both routes produce, per 7-day window, the
directed ties with their number of calls, summed duration, first and last time:

* netcrime: ``nc.events.snapshots(df, ..., freq="7D", weight="sec", aggregate="sum")``;
* pandas/networkx: ``df.groupby([pd.Grouper(key="t", freq="7D"), "a", "b"]).agg(...)`` then
  one ``networkx.from_pandas_edgelist`` DiGraph per window.

Correctness check inside: the same windows, and per window the same number of ties, the same
total calls and the same summed duration (and, at the small size, the same tie dictionary).
Peak memory is measured with ``tracemalloc`` (numpy and pandas report their buffers to it)
and given as a multiple of the input frame's ``memory_usage(deep=True)``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent


def make_records(n: int, n_people: int = 100_000, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-01-01T00:00:00", "ns")
    secs = rng.integers(0, 364 * 86400, n)
    return pd.DataFrame({
        "a": rng.integers(3_900_000_000, 3_900_000_000 + n_people, n),
        "b": rng.integers(3_900_000_000, 3_900_000_000 + n_people, n),
        "t": start + secs.astype("timedelta64[s]").astype("timedelta64[ns]"),
        "sec": rng.integers(1, 600, n).astype(np.float64),
    })


def measure(f):
    """(seconds, peak bytes allocated during f, result): one timed run, then one run under
    ``tracemalloc`` for the peak (tracing slows Python-level allocation, so the two are
    separate)."""
    gc.collect()
    t0 = time.perf_counter()
    out = f()
    sec = time.perf_counter() - t0
    del out
    gc.collect()
    tracemalloc.start()
    out = f()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return sec, peak, out


def run_netcrime(df: pd.DataFrame):
    import netcrime as nc

    return nc.events.snapshots(df, source="a", target="b", directed=True, time="t",
                               freq="7D", weight="sec", aggregate="sum")


def run_pandas_networkx(df: pd.DataFrame):
    import networkx as nx

    agg = (df.groupby([pd.Grouper(key="t", freq="7D"), "a", "b"], sort=True)
           .agg(count=("sec", "size"), weight=("sec", "sum"), first=("t", "min"),
                last=("t", "max"))
           .reset_index())
    out = {}
    for w, sub in agg.groupby("t", sort=True):
        out[w] = nx.from_pandas_edgelist(sub, "a", "b", ["count", "weight", "first", "last"],
                                         create_using=nx.DiGraph)
    return out


def check(snaps, graphs, full: bool) -> str:
    windows = [w for w in snaps if snaps[w].n_edges]
    assert windows == list(graphs), "different windows"
    for w in windows:
        g, G = snaps[w], graphs[w]
        ea = g.edge_attrs
        assert g.n_edges == G.number_of_edges(), w
        assert int(ea["count"].sum()) == sum(d for *_, d in G.edges(data="count")), w
        assert np.isclose(ea["weight"].sum(), sum(d for *_, d in G.edges(data="weight"))), w
        if full:
            e = g.to_pandas()
            got = {(u, v): (c, x) for u, v, c, x in
                   zip(e["source"], e["target"], e["count"], e["weight"])}
            exp = {(u, v): (d["count"], d["weight"]) for u, v, d in G.edges(data=True)}
            assert got == exp, w
    return "same windows, ties, calls, durations" + (", tie dicts" if full else "")


def run(n: int, peer: bool = True) -> list[dict]:
    run_netcrime(make_records(10_000, 1_000))  # warm-up: imports and JIT compilation
    df = make_records(n)
    size = df.memory_usage(deep=True).sum()
    rows = []
    t, peak, snaps = measure(lambda: run_netcrime(df))
    rows.append({"route": "netcrime events.snapshots", "records": n, "windows": len(snaps),
                 "seconds": t, "peak_x_input": peak / size, "check": ""})
    if peer:
        t2, peak2, graphs = measure(lambda: run_pandas_networkx(df))
        msg = check(snaps, graphs, full=n <= 300_000)
        rows.append({"route": "pandas groupby + networkx DiGraph per window", "records": n,
                     "windows": len(graphs), "seconds": t2, "peak_x_input": peak2 / size,
                     "check": msg})
        rows[0]["check"] = msg
    for r in rows:
        r["input_mb"] = size / 2**20
    return rows


def write_markdown(rows: list[dict], path: Path, load: str) -> None:
    lines = [
        "# events benchmarks",
        "",
        "Call records into weekly snapshots: `nc.events.snapshots(freq=\"7D\", weight=\"sec\", "
        "aggregate=\"sum\")` beside a pandas `groupby(pd.Grouper(freq=\"7D\"), a, b)` + one "
        "networkx DiGraph per window. Made by `python benchmarks/bench_events.py`.",
        f"Load average when measured: {load}. Peak memory: `tracemalloc` peak during the "
        "call, as a multiple of the input frame.",
        "",
        "| route | records | windows | input | seconds | peak / input | check |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(f"| {r['route']} | {r['records']:,} | {r['windows']} | "
                     f"{r['input_mb']:.0f} MB | {r['seconds']:.2f} | {r['peak_x_input']:.2f}× | "
                     f"{r['check']} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- pytest-benchmark
def test_bench_snapshots_netcrime(benchmark):
    df = make_records(100_000, 5_000)
    benchmark.group = "weekly snapshots, 100k records"
    s = benchmark(run_netcrime, df)
    assert len(s) == 52


def test_bench_snapshots_pandas_networkx(benchmark):
    df = make_records(100_000, 5_000)
    benchmark.group = "weekly snapshots, 100k records"
    graphs = benchmark(run_pandas_networkx, df)
    check(run_netcrime(df), graphs, full=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=10_000_000)
    p.add_argument("--quick", action="store_true", help="200,000 records")
    p.add_argument("--no-peer", action="store_true", help="netcrime only")
    p.add_argument("--out", default=str(HERE / "results" / "events.md"))
    a = p.parse_args(argv)
    n = 200_000 if a.quick else a.n
    rows = run(n, peer=not a.no_peer)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for r in rows:
        print(f"{r['route']:<48} {r['records']:>11,} {r['windows']:>3} windows "
              f"{r['seconds']:8.2f} s  peak {r['peak_x_input']:.2f}x input  {r['check']}")
    write_markdown(rows, Path(a.out), load)
    print(f"load average {load}; wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
