"""Benchmark: national-scale call records, end to end on one machine.

    python benchmarks/bench_national.py                 # 10,000,000 calls (minutes)
    python benchmarks/bench_national.py --calls 1e6     # a quick check
    python benchmarks/bench_national.py --calls 1e8     # the 100M target (about 30 GB disk
                                                        # free for the files; see README)

Pipeline, each step timed with its peak resident memory (RSS sampled every 20 ms, reset
at the start of the step):

1. generate call records (:func:`netcrime.generators.call_record_chunks`) and write them to
   Parquet chunk by chunk (pyarrow);
2. read them into an undirected Graph between 64-bit numbers, calls counted per pair
   (:func:`netcrime.io.read_call_records`); pandas ``read_parquet`` + ``groupby().size()``
   beside it as the peer, and the correctness check (same pairs, same counts);
3. ``Graph.save`` and ``Graph.load(mmap=True)``;
4. on the loaded (memory-mapped) graph: degree, exact PageRank (tol 1e-10), connected
   components, the static degree-order removal curve (``disruption.attack``), k-core
   decomposition; igraph on the same graph beside PageRank, components and coreness, with
   the results compared.

Writes ``benchmarks/results/national.md`` (with ``--out``, elsewhere). Peers run only when
``--peers`` is given a size at or above the number of calls (default: up to 1e7 calls).
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


class Peak:
    """Peak RSS of this process during a ``with`` block (sampled)."""

    def __enter__(self):
        self.peak = _rss()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        self.t0 = time.perf_counter()
        self.c0 = time.process_time()
        return self

    def _run(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0
        self.cpu = time.process_time() - self.c0
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, _rss())


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=float, default=1e7)
    ap.add_argument("--persons", type=float, default=None,
                    help="default: calls / 10 (ten calls per person on average)")
    ap.add_argument("--chunk", type=float, default=4e6)
    ap.add_argument("--peers", type=float, default=1e7)
    ap.add_argument("--dir", default=None, help="working directory for the files")
    ap.add_argument("--out", default=str(HERE / "results" / "national.md"))
    args = ap.parse_args(argv)

    import pyarrow as pa
    import pyarrow.parquet as pq

    import netcrime as nc
    from netcrime._core import component_labels

    n_calls = int(args.calls)
    n_persons = int(args.persons or max(10, n_calls // 10))
    peers = n_calls <= args.peers
    work = Path(args.dir or tempfile.mkdtemp(prefix="bench_national_"))
    work.mkdir(parents=True, exist_ok=True)
    pq_file = work / "calls.parquet"
    store = work / "calls.ncg"
    rows = []
    step_warm = _warm_up(nc, component_labels, work)
    print(f"warm-up (numba JIT compile or cache load, tiny graph): {step_warm:.2f} s", flush=True)

    def note(text):
        rows[-1] = (*rows[-1][:4], text)
        print(f"    {text}", flush=True)

    def step(name, fn):
        with Peak() as p:
            out = fn()
        rows.append((name, p.seconds, p.cpu, p.peak / 2**30, ""))
        print(f"{name:<48} {p.seconds:9.2f} s  {p.cpu:9.2f} s CPU  {p.peak / 2**30:6.2f} GB",
              flush=True)
        return out

    def generate():
        numbers, chunks = nc.generators.call_record_chunks(
            n_persons=n_persons, n_calls=n_calls, chunksize=int(args.chunk), rng=15)
        writer = None
        for c in chunks:
            t = pa.Table.from_pandas(c, preserve_index=False)
            writer = writer or pq.ParquetWriter(pq_file, t.schema)
            writer.write_table(t)
        writer.close()
        return numbers

    numbers = step("generate + write Parquet", generate)
    note(f"{n_persons:,} persons, {len(numbers):,} numbers, "
         f"{pq_file.stat().st_size / 2**20:,.0f} MB Parquet")
    g = step("read_call_records (undirected, count)", lambda: nc.io.read_call_records(
        pq_file, source="caller", target="callee", directed=False, chunksize=int(args.chunk)))
    note(f"{g.n_nodes:,} nodes, {g.n_edges:,} ties")
    if peers:
        def pandas_groupby():
            import pandas as pd

            df = pd.read_parquet(pq_file, columns=["caller", "callee"])
            a = np.minimum(df["caller"].to_numpy(), df["callee"].to_numpy())
            b = np.maximum(df["caller"].to_numpy(), df["callee"].to_numpy())
            del df
            return pd.DataFrame({"a": a, "b": b}).groupby(["a", "b"]).size()

        ref = step("  peer: pandas read_parquet + groupby.size", pandas_groupby)
        s, t = g.edge_array()
        lab = g.nodes.to_numpy()
        a, b = lab[s], lab[t]
        got = dict(zip(zip(np.minimum(a, b)[:2000].tolist(), np.maximum(a, b)[:2000].tolist()),
                       g.edge_attrs["weight"].to_numpy()[:2000].tolist()))
        ok = len(ref) == g.n_edges and int(ref.sum()) == n_calls and all(
            ref.loc[k] == v for k, v in got.items())
        note(f"same pairs and counts: {ok}")
        assert ok, "read_call_records disagrees with pandas"
    if store.exists():
        shutil.rmtree(store)
    step("Graph.save", functools.partial(g.save, store))
    note(f"{sum(f.stat().st_size for f in store.glob('*')) / 2**20:,.0f} MB on disk")
    del g
    h = step("Graph.load (mmap)", lambda: nc.Graph.load(store))
    ig_graph = None
    if peers:
        import igraph as ig

        def to_igraph():
            s, t = h.edge_array()
            return ig.Graph(n=h.n_nodes, edges=np.column_stack([s, t]), directed=False)

        ig_graph = step("  peer: build igraph.Graph from the edge array", to_igraph)
    step("degree", lambda: nc.centrality.degree(h))
    pr = step("PageRank (tol 1e-10)", lambda: nc.centrality.pagerank(h, tol=1e-10))
    if ig_graph is not None:
        ipr = step("  peer: igraph pagerank (PRPACK)", lambda: ig_graph.pagerank())
        err = float(np.abs(pr.to_numpy() - np.asarray(ipr)).max())
        note(f"max abs difference to igraph {err:.1e}")
    ncomp, lab = step("connected components", lambda: component_labels(*h.neighbour_csr()))
    note(f"{ncomp:,} components, largest {np.bincount(lab).max():,}")
    if ig_graph is not None:
        cl = step("  peer: igraph connected_components", lambda: ig_graph.connected_components())
        note(f"same count: {len(cl) == ncomp}")
    res = step("static degree-order removal curve", lambda: nc.disruption.attack(
        h, strategy="degree", mode="static"))
    note(f"{len(res.curve):,} rows in the curve")
    core = step("k-core decomposition (core_number)", lambda: nc.centrality.core_number(h))
    note(f"max core {int(core.max())}")
    if ig_graph is not None:
        ic = step("  peer: igraph coreness", lambda: ig_graph.coreness())
        note(f"equal: {np.array_equal(core.to_numpy(), ic)}")
    write(args.out, n_calls, n_persons, rows)
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


def _warm_up(nc, component_labels, work: Path) -> float:
    """Run every step once on a tiny input so that JIT compilation is not timed."""
    t0 = time.perf_counter()
    calls, _ = nc.generators.call_records(n_persons=200, n_calls=2000, rng=0)
    f = work / "warm.parquet"
    calls.to_parquet(f)
    g = nc.io.read_call_records(f, source="caller", target="callee", directed=False)
    g.save(work / "warm.ncg")
    h = nc.Graph.load(work / "warm.ncg")
    nc.centrality.degree(h)
    nc.centrality.pagerank(h, tol=1e-10)
    component_labels(*h.neighbour_csr())
    nc.disruption.attack(h, strategy="degree", mode="static")
    nc.centrality.core_number(h)
    shutil.rmtree(work / "warm.ncg")
    f.unlink()
    return time.perf_counter() - t0


def write(out, n_calls, n_persons, rows) -> None:
    load = os.getloadavg()
    lines = [
        "# National-scale call records (benchmarks/bench_national.py)",
        "",
        f"{n_calls:,} calls between {n_persons:,} persons; one process; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"load average at the end {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; "
        "peak RSS of the whole run "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GB.",
        "Peak RSS per step is sampled every 20 ms from the start of the step (it includes what "
        "earlier steps still hold). CPU seconds are the process's user + system time over all "
        "its threads: on a shared machine they are the better estimate of what the step costs "
        "(wall seconds grow with the load; CPU seconds much less).",
        "",
        "| step | wall s | CPU s | peak RSS (GB) | notes |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {n} | {s:.2f} | {c:.2f} | {m:.2f} | {note} |" for n, s, c, m, note in rows]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote", out)


if __name__ == "__main__":
    main()
