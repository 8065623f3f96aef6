"""Exact betweenness at n = 10,000 on one and on two threads, beside igraph (issue 15).

    python benchmarks/bench_threads.py            # n = 10,000, 3 interleaved repeats
    python benchmarks/bench_threads.py --n 2000   # a quick check

Targets: on one thread at least as fast as igraph (which is single-threaded); on two threads
at least 1.5x igraph. The graph is the seeded G(n, m = 4n) of ``bench_centrality.py``; the
three timings are interleaved (netcrime 1 thread, netcrime 2 threads, igraph) and repeated,
the best of each is kept, and the values are compared to igraph's before anything is timed.
Wall and CPU seconds and the load average are recorded: on a shared machine the two-thread
figure depends on a free second core. Writes ``benchmarks/results/threads.md`` (``--out``).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import igraph as ig  # noqa: E402
import numba  # noqa: E402
import numpy as np  # noqa: E402
from bench_centrality import gnm, to_igraph  # noqa: E402

from netcrime import centrality as C  # noqa: E402


def _timed(f):
    w0, c0 = time.perf_counter(), time.process_time()
    out = f()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(HERE / "results" / "threads.md"))
    a = ap.parse_args(argv)
    g = gnm(a.n, 4 * a.n, seed=0)
    gi = to_igraph(g)
    threads = min(2, numba.config.NUMBA_NUM_THREADS)
    ref = np.asarray(gi.betweenness(directed=False))
    for k in (1, threads):  # correctness (and JIT) before timing
        numba.set_num_threads(k)
        got = C.betweenness(g, normalized=False).to_numpy()
        assert np.allclose(got, ref, rtol=1e-9, atol=1e-6), f"{k} threads differ from igraph"
    load0 = os.getloadavg()
    best: dict[str, tuple[float, float]] = {}
    for _ in range(a.repeat):
        for name, k, f in (("netcrime, 1 thread", 1, lambda: C.betweenness(g, normalized=False)),
                           (f"netcrime, {threads} threads", threads,
                            lambda: C.betweenness(g, normalized=False)),
                           ("igraph", 1, lambda: gi.betweenness(directed=False))):
            numba.set_num_threads(k)
            _, w, c = _timed(f)
            old = best.get(name, (np.inf, np.inf))
            best[name] = (min(old[0], w), min(old[1], c))
            print(f"{name:22s} wall {w:7.3f} s  CPU {c:7.3f} s", flush=True)
    load1 = os.getloadavg()
    wi = best["igraph"][0]
    lines = [
        "# Exact betweenness on one and two threads (benchmarks/bench_threads.py)",
        "",
        f"G(n = {a.n:,}, m = {4 * a.n:,}), seeded; Python {platform.python_version()}, "
        f"igraph {ig.__version__}, numba {numba.__version__}, {os.cpu_count()} CPUs; best of "
        f"{a.repeat} interleaved repeats; values equal to igraph's (rtol 1e-9). Load average "
        f"before {load0[0]:.2f}, after {load1[0]:.2f}.",
        "",
        "| run | wall s | CPU s | igraph wall / this wall |",
        "|---|---:|---:|---:|",
    ]
    for name, (w, c) in best.items():
        lines.append(f"| {name} | {w:.3f} | {c:.3f} | {wi / w:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    Path(a.out).write_text(text)


if __name__ == "__main__":
    main(sys.argv[1:])
