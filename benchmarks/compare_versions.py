"""Before/after timings of two netcrime source trees, side by side in one run.

    python benchmarks/compare_versions.py --before ../baseline --after . [--quick]
        [--rows betweenness_10k,gould_fernandez] [--repeat 3] [--out table.md] [--list]

Every row runs in a fresh subprocess with ``PYTHONPATH=<tree>`` (the worker checks that
``netcrime`` really is imported from that tree), alternating before, after, before, after ...
so that load from other processes hits both alike; the table reports the best of
``--repeat`` runs per tree. Inside a worker the input is built from seeded numpy arrays (or,
for the generator and io rows, by the tree's own generator / writer, whose outputs are then
compared too), the kernels are warmed on a small input first (numba compilation and cache
loading are not timed), and the call is timed (best of up to five calls while they add up
to less than a second, so short rows are not one noisy sample). Each worker saves its
result; the two trees' results must agree (``check``: ``identical``, the largest relative
difference, or ``DIFFERENT``), so a speed-up that changes a number shows up at once.

Calls whose signature changed in 0.2 try the 0.2 form first and fall back to the 0.1 form on
``TypeError`` (``trafficking_network(kind=...)`` / ``mode=...``, ``betweenness(n_pivots=...)``
/ ``k=...``); the others are written in a form both versions accept (``attack(g,
strategy=...)`` and ``attack_edges(g, strategy=...)`` by keyword, default ``direction``).

``--quick`` uses small sizes (a smoke test of the harness, not a measurement).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# ----------------------------------------------------------------------------- inputs


def gnm_arrays(n: int, m: int, *, directed: bool = False, seed: int = 0):
    """Seeded G(n, m) without loops or repeated pairs, as (src, dst) position arrays."""
    rng = np.random.default_rng(seed)
    keys = np.zeros(0, np.int64)
    while len(keys) < m:
        a = rng.integers(0, n, 2 * m)
        b = rng.integers(0, n, 2 * m)
        ok = a != b
        a, b = a[ok], b[ok]
        if not directed:
            a, b = np.minimum(a, b), np.maximum(a, b)
        keys = np.unique(np.concatenate([keys, a * n + b]))
    keys = rng.permutation(keys)[:m]
    return keys // n, keys % n


def gnm(nc, n: int, m: int, *, directed: bool = False, seed: int = 0):
    s, t = gnm_arrays(n, m, directed=directed, seed=seed)
    return nc.Graph.from_arrays(n, s, t, directed=directed)


def multigraph(nc, n: int, m: int, seed: int = 0):
    """Random undirected graph with repeated pairs and loops dropped (the disruption rows)."""
    rng = np.random.default_rng(seed)
    return nc.Graph.from_arrays(n, rng.integers(0, n, m), rng.integers(0, n, m),
                                directed=False, multiedges="first", self_loops="drop")


def compat(f: Callable, new: dict, old: dict, *args, **common):
    """Call ``f`` with the 0.2 keywords; on TypeError retry with the 0.1 keywords."""
    try:
        return f(*args, **new, **common)
    except TypeError:
        return f(*args, **old, **common)


def trafficking(nc, n: int, kind: str, rng: int):
    return compat(nc.generators.trafficking_network, {"kind": kind}, {"mode": kind},
                  n=n, rng=rng)


def graph_arrays(g) -> list[np.ndarray]:
    out = [np.asarray(g.indptr), np.asarray(g.indices)]
    if g.weights is not None:
        out.append(np.asarray(g.weights))
    return out


def curve_arrays(res, column: str = "lcc") -> list[np.ndarray]:
    cur = res.curve
    out = [cur[column].to_numpy(dtype=float)]
    key = "node" if "node" in cur.columns else None
    if key is not None:
        out.append(np.asarray(cur[key].astype(str).to_numpy(), dtype=str))
    return out


# ----------------------------------------------------------------------------- rows
@dataclass
class Row:
    title: str
    full: dict
    quick: dict
    setup: Callable  # (nc, size: dict, data: Path) -> state
    call: Callable  # (nc, state) -> result
    summary: Callable  # (result) -> list of arrays compared between the trees
    warm: Callable | None = None  # (nc, data) -> None


def _series(res) -> list[np.ndarray]:
    return [res.to_numpy(dtype=float)]


def _centrality(name: str, directed: bool = False, per_node: int = 4) -> dict:
    def setup(nc, size, data):
        return gnm(nc, size["n"], per_node * size["n"], directed=directed)

    def call(nc, g):
        return getattr(nc.centrality, name)(g)

    def warm(nc, data):
        getattr(nc.centrality, name)(gnm(nc, 200, 800, directed=directed, seed=1))

    return {"setup": setup, "call": call, "summary": _series, "warm": warm}


def _sampled_betweenness() -> dict:
    def setup(nc, size, data):
        return gnm(nc, size["n"], 4 * size["n"]), size["pivots"]

    def call(nc, state):  # 0.2: n_pivots=; 0.1: k=
        g, pivots = state
        return compat(nc.centrality.betweenness, {"n_pivots": pivots}, {"k": pivots}, g, rng=0)

    def warm(nc, data):
        compat(nc.centrality.betweenness, {"n_pivots": 5}, {"k": 5}, gnm(nc, 200, 800), rng=0)

    return {"setup": setup, "call": call, "summary": _series, "warm": warm}


def _attack(strategy: str, mode: str, **kw) -> dict:
    def setup(nc, size, data):
        return multigraph(nc, size["n"], size["m"])

    def call(nc, g):
        return nc.disruption.attack(g, strategy=strategy, mode=mode, metrics=["lcc"], **kw)

    def warm(nc, data):
        nc.disruption.attack(multigraph(nc, 1000, 5000), strategy=strategy, mode=mode,
                             metrics=["lcc"], **kw)

    return {"setup": setup, "call": call, "summary": curve_arrays, "warm": warm}


def _adaptive_betweenness() -> dict:
    def setup(nc, size, data):
        g = trafficking(nc, size["persons"], "traditional", 1)
        return g.subgraph(g.nodes[: size["persons"]]), size["steps"]

    def call(nc, state):
        g, steps = state
        return nc.disruption.attack(g, strategy="betweenness", mode="adaptive",
                                    max_removals=steps, metrics=["lcc"])

    def warm(nc, data):
        g = trafficking(nc, 200, "traditional", 2)
        nc.disruption.attack(g, strategy="betweenness", mode="adaptive", max_removals=3,
                             metrics=["lcc"])

    return {"setup": setup, "call": call, "summary": curve_arrays, "warm": warm}


def _edges(strategy: str, **kw) -> dict:
    def setup(nc, size, data):
        return multigraph(nc, size["n"], size["m"], seed=4)

    def call(nc, g):
        return nc.disruption.attack_edges(g, strategy=strategy, metrics=["lcc"], **kw)

    def warm(nc, data):
        nc.disruption.attack_edges(multigraph(nc, 300, 900, seed=5), strategy=strategy,
                                   metrics=["lcc"], **kw)

    def summary(res):
        return [res.curve["lcc"].to_numpy(dtype=float)]

    return {"setup": setup, "call": call, "summary": summary, "warm": warm}


def _gould_fernandez() -> dict:
    def setup(nc, size, data):
        import pandas as pd

        n = size["n"]
        s, t = gnm_arrays(n, 8 * n, directed=True, seed=0)
        g = nc.Graph.from_arrays(n, s, t, directed=True)
        groups = np.random.default_rng(1).integers(0, 10, n)
        return g, pd.Series(groups, index=g.nodes)

    def call(nc, state):
        g, groups = state
        return nc.brokerage.gould_fernandez(g, groups=groups)

    def summary(res):
        return [res.nodes.select_dtypes("number").to_numpy(dtype=float),
                res.graph[["raw", "exp", "sd", "z"]].to_numpy(dtype=float)]

    def warm(nc, data):
        import pandas as pd

        g = gnm(nc, 100, 400, directed=True, seed=1)
        nc.brokerage.gould_fernandez(g, groups=pd.Series(np.arange(100) % 3, index=g.nodes))

    return {"setup": setup, "call": call, "summary": summary, "warm": warm}


def _constraint() -> dict:
    def setup(nc, size, data):
        return gnm(nc, size["n"], 4 * size["n"], seed=3)

    def call(nc, g):
        return nc.brokerage.constraint(g)

    def warm(nc, data):
        nc.brokerage.constraint(gnm(nc, 200, 800, seed=1))

    return {"setup": setup, "call": call, "summary": _series, "warm": warm}


def _from_edges() -> dict:
    def setup(nc, size, data):
        import pandas as pd

        m = size["m"]
        rng = np.random.default_rng(7)
        return pd.DataFrame({"source": rng.integers(0, m // 5, m),
                             "target": rng.integers(0, m // 5, m)})

    def call(nc, df):
        return nc.Graph.from_edges(df, directed=False, multiedges="sum", self_loops="drop")

    def warm(nc, data):
        import pandas as pd

        nc.Graph.from_edges(pd.DataFrame({"source": [0, 1, 2], "target": [1, 2, 0]}),
                            directed=False, multiedges="sum", self_loops="drop")

    return {"setup": setup, "call": call, "summary": graph_arrays, "warm": warm}


def _generator(kind: str) -> dict:
    def setup(nc, size, data):
        return size["persons"]

    def call(nc, n):
        return trafficking(nc, n, kind, 1)

    def warm(nc, data):
        trafficking(nc, 300, kind, 2)

    return {"setup": setup, "call": call, "summary": graph_arrays, "warm": warm}


def _io(fmt: str) -> dict:
    ext = {"pajek": "net", "dl": "dl"}[fmt]

    def setup(nc, size, data):
        path = data / f"io_{size['n']}_{size['m']}.{ext}"
        if not path.exists():  # written once, by the first tree that runs the row
            n, m = size["n"], size["m"]
            s, t = gnm_arrays(n, m, directed=True, seed=9)
            w = np.round(np.random.default_rng(9).random(m) * 10, 3) + 0.001
            g = nc.Graph.from_arrays(n, s, t, directed=True,
                                     nodes=[f"v{i}" for i in range(n)],
                                     edge_attrs={"weight": w})
            tmp = path.with_suffix(".tmp")
            if fmt == "pajek":
                nc.io.write_pajek(g, tmp, weight="weight")
            else:
                nc.io.write_ucinet_dl(g, tmp, weight="weight")
            tmp.replace(path)
        return path

    def call(nc, path):
        if fmt == "pajek":
            return nc.io.read_pajek(path)
        return nc.io.read_ucinet_dl(path)

    def warm(nc, data):
        pass

    return {"setup": setup, "call": call, "summary": graph_arrays, "warm": warm}


ROWS: dict[str, Row] = {
    "betweenness_10k": Row("exact betweenness, G(n, 4n)", {"n": 10_000}, {"n": 1_500},
                           **_centrality("betweenness")),
    "betweenness_sampled_100k": Row("sampled betweenness (1,000 pivots), G(n, 4n)",
                                    {"n": 100_000, "pivots": 1_000},
                                    {"n": 5_000, "pivots": 50}, **_sampled_betweenness()),
    "closeness_10k": Row("closeness, G(n, 4n)", {"n": 10_000}, {"n": 2_000},
                         **_centrality("closeness")),
    "harmonic_10k": Row("harmonic, G(n, 4n)", {"n": 10_000}, {"n": 2_000},
                        **_centrality("harmonic")),
    "pagerank_1m": Row("PageRank, directed G(n, 8n)", {"n": 1_000_000}, {"n": 50_000},
                       **_centrality("pagerank", directed=True, per_node=8)),
    "eigenvector_100k": Row("eigenvector, G(n, 4n)", {"n": 100_000}, {"n": 10_000},
                            **_centrality("eigenvector")),
    "katz_100k": Row("Katz, G(n, 4n)", {"n": 100_000}, {"n": 10_000}, **_centrality("katz")),
    "attack_static_1m": Row("static random attack, whole LCC curve", {"n": 1_000_000,
                            "m": 5_000_000}, {"n": 50_000, "m": 250_000},
                            **_attack("random", "static", rng=0)),
    "attack_adaptive_degree_1m": Row("adaptive degree attack, whole curve",
                                     {"n": 1_000_000, "m": 5_000_000},
                                     {"n": 50_000, "m": 250_000},
                                     **_attack("degree", "adaptive")),
    "attack_adaptive_betweenness": Row("adaptive betweenness attack, trafficking graph",
                                       {"persons": 1000, "steps": 200},
                                       {"persons": 300, "steps": 30},
                                       **_adaptive_betweenness()),
    "attack_edges_random_200k": Row("static random tie attack, whole curve",
                                    {"n": 200_000, "m": 1_000_000},
                                    {"n": 20_000, "m": 100_000},
                                    **_edges("random", rng=0)),
    "attack_edges_betweenness_2k": Row("static edge-betweenness tie attack",
                                       {"n": 2_000, "m": 8_000}, {"n": 400, "m": 1_600},
                                       **_edges("betweenness")),
    "gould_fernandez": Row("Gould-Fernandez, 10 groups, m = 8n", {"n": 5_000}, {"n": 1_000},
                           **_gould_fernandez()),
    "constraint_100k": Row("Burt constraint, G(n, 4n)", {"n": 100_000}, {"n": 10_000},
                           **_constraint()),
    "graph_from_edges_1m": Row("Graph.from_edges, int labels, n = m/5", {"m": 1_000_000},
                               {"m": 100_000}, **_from_edges()),
    "trafficking_traditional_200k": Row("trafficking_network, traditional",
                                        {"persons": 200_000}, {"persons": 10_000},
                                        **_generator("traditional")),
    "trafficking_online_200k": Row("trafficking_network, online", {"persons": 200_000},
                                   {"persons": 10_000}, **_generator("online")),
    "io_pajek_read": Row("read_pajek", {"n": 20_000, "m": 100_000}, {"n": 2_000, "m": 10_000},
                         **_io("pajek")),
    "io_dl_read": Row("read_ucinet_dl", {"n": 20_000, "m": 100_000},
                      {"n": 2_000, "m": 10_000}, **_io("dl")),
}


# ----------------------------------------------------------------------------- worker
def worker(args: argparse.Namespace) -> None:
    tree = Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).resolve()
    import netcrime as nc

    where = Path(nc.__file__).resolve()
    if tree not in where.parents:
        raise SystemExit(f"netcrime imported from {where}, not from {tree}")
    row = ROWS[args.row]
    size = row.quick if args.quick else row.full
    data = Path(args.data)
    state = row.setup(nc, size, data)
    if row.warm is not None:
        row.warm(nc, data)
    seconds, cpu, spent, reps = np.inf, np.inf, 0.0, 0
    while reps < 5 and (reps == 0 or spent < 1.0):  # short rows: best of up to 5 calls
        t, c = time.perf_counter(), time.process_time()
        result = row.call(nc, state)
        took, used = time.perf_counter() - t, time.process_time() - c
        seconds, cpu = min(seconds, took), min(cpu, used)
        spent, reps = spent + took, reps + 1
    arrays = row.summary(result)
    np.savez(args.result, *arrays)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "file": str(where)}))


# ----------------------------------------------------------------------------- driver
def run_worker(tree: Path, row: str, quick: bool, data: Path, result: Path,
               clock: str = "wall") -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--row", row,
           "--data", str(data), "--result", str(result)] + (["--quick"] if quick else [])
    r = subprocess.run(cmd, env=env, cwd=data, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{row} failed in {tree}:\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    return out["cpu"] if clock == "cpu" else out["seconds"]


def compare(a: Path, b: Path) -> str:
    """'identical', the largest relative difference, or DIFFERENT (shape, labels, > 1e-9)."""
    with np.load(a) as x, np.load(b) as y:
        if sorted(x.files) != sorted(y.files):
            return "DIFFERENT (number of outputs)"
        worst = 0.0
        for k in x.files:
            u, v = x[k], y[k]
            if u.shape != v.shape:
                return f"DIFFERENT (shape {u.shape} vs {v.shape})"
            if u.dtype.kind in "fc":
                both_nan = np.isnan(u) & np.isnan(v)
                same_inf = np.isinf(u) & (u == v)
                ok = both_nan | same_inf
                d = np.abs(u - v)[~ok]
                scale = np.maximum(np.abs(u), np.abs(v))[~ok]
                if d.size and np.isnan(d).any():
                    return "DIFFERENT (NaN pattern)"
                rel = d / np.where(scale > 0, scale, 1.0) if d.size else d
                worst = max(worst, float(rel.max()) if rel.size else 0.0)
            elif not np.array_equal(u, v):
                return "DIFFERENT (order or labels)"
        if worst == 0.0:
            return "identical"
        return f"max rel diff {worst:.1e}" + (" DIFFERENT" if worst > 1e-9 else "")


def _describe(tree: Path) -> str:
    r = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"],
                       capture_output=True, text=True)
    return r.stdout.strip()[:70] if r.returncode == 0 else "(not a git checkout)"


def driver(args: argparse.Namespace) -> None:
    before, after = Path(args.before).resolve(), Path(args.after).resolve()
    names = list(ROWS) if not args.rows else [r.strip() for r in args.rows.split(",")]
    unknown = [r for r in names if r not in ROWS]
    if unknown:
        raise SystemExit(f"unknown rows {unknown}; --list shows them")
    repeat = args.repeat or (1 if args.quick else 3)
    lines = [
        f"before: `{before.name}` ({_describe(before)}); after: `{after.name}` "
        f"({_describe(after)})",
        f"{'quick sizes' if args.quick else 'full sizes'}, best of {repeat} interleaved runs "
        f"per tree, {args.clock} seconds; load average at start {os.getloadavg()[0]:.2f}",
        "",
        "| row | size | before s | after s | after/before | check |",
        "|---|---|---:|---:|---:|---|",
    ]
    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(prefix="netcrime-compare-") as tmp:
        data = Path(tmp)
        for name in names:
            row = ROWS[name]
            best = {"before": np.inf, "after": np.inf}
            for _ in range(repeat):
                for label, tree in (("before", before), ("after", after)):
                    sec = run_worker(tree, name, args.quick, data, data / f"{label}.npz",
                                 args.clock)
                    best[label] = min(best[label], sec)
            check = compare(data / "before.npz", data / "after.npz")
            size = ", ".join(f"{k}={v:,}" for k, v in (row.quick if args.quick
                                                        else row.full).items())
            line = (f"| {name}: {row.title} | {size} | {best['before']:.3f} | "
                    f"{best['after']:.3f} | {best['after'] / best['before']:.2f} | {check} |")
            lines.append(line)
            print(line, flush=True)
    lines.append(f"\nload average at end {os.getloadavg()[0]:.2f}")
    print(lines[-1])
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--before", help="source tree of the old version (holds netcrime/)")
    p.add_argument("--after", help="source tree of the new version")
    p.add_argument("--rows", help="comma-separated row names (default: all; see --list)")
    p.add_argument("--repeat", type=int, help="interleaved runs per tree (default 3, quick 1)")
    p.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    p.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                   help="time reported: wall seconds (default) or the process's CPU seconds "
                        "(all its threads), steadier when other processes load the machine")
    p.add_argument("--out", help="also write the Markdown table to this file")
    p.add_argument("--list", action="store_true", help="list the rows and exit")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--row", help=argparse.SUPPRESS)
    p.add_argument("--data", help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.list:
        for name, row in ROWS.items():
            print(f"{name:32s} {row.title}; full {row.full}, quick {row.quick}")
        return
    if args.worker:
        worker(args)
        return
    if not (args.before and args.after):
        p.error("--before and --after are required")
    driver(args)


if __name__ == "__main__":
    main()
