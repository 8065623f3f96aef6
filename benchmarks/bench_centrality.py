"""Centrality benchmarks: netcrime beside networkx and igraph on the same seeded graphs.

Two ways to run:

* ``python -m pytest benchmarks/bench_centrality.py --benchmark-only -q`` (pytest-benchmark;
  the small groups only, each with a correctness check);
* ``python benchmarks/bench_centrality.py [--quick]``: the full table of the issue (exact
  betweenness n = 1,000 and 10,000, sampled betweenness n = 100,000, closeness and harmonic
  n = 10,000, PageRank n = 1,000,000, eigenvector/Katz accuracy), printed as Markdown for
  ``benchmarks/results/centrality.md``. Every row checks the values against the peer.

Graphs: G(n, m) with mean degree 8 (``m = 4 n``), undirected, seeded
(``numpy.random.default_rng``); PageRank: directed G(n, m) with ``m = 8 n`` (about 0.03 %
dangling nodes). Where networkx would take many minutes, its time is estimated from a run
on a subset of sources and labelled as an estimate.
"""

from __future__ import annotations

import random
import sys
import time

import igraph as ig
import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
import scipy.sparse.linalg as spla

import netcrime as nc
from netcrime import _core as paths
from netcrime import centrality as C


def gnm(n: int, m: int, *, directed: bool = False, seed: int = 0) -> nc.Graph:
    """Seeded G(n, m) without loops or multi-edges, built through the fast path."""
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
    return nc.Graph.from_arrays(n, keys // n, keys % n, directed=directed)


def to_igraph(g: nc.Graph) -> ig.Graph:
    s, d = g.edge_array()
    return ig.Graph(n=g.n_nodes, edges=np.column_stack([s, d]), directed=g.directed)


def to_nx(g: nc.Graph) -> nx.Graph:
    G = nx.DiGraph() if g.directed else nx.Graph()
    G.add_nodes_from(range(g.n_nodes))
    s, d = g.edge_array()
    G.add_edges_from(zip(s.tolist(), d.tolist()))
    return G


def timed(f, *args, repeat: int = 1, **kw):
    best, out = np.inf, None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f(*args, **kw)
        best = min(best, time.perf_counter() - t)
    return best, out


def warm() -> None:
    """Load the cached numba kernels once (compilation is not what we time)."""
    g = gnm(50, 200, seed=1)
    C.betweenness(g)
    C.betweenness(g, n_pivots=5, rng=0)
    C.closeness(g)
    C.harmonic(g)
    C.pagerank(g)


# ============================================================================ pytest-benchmark
@pytest.fixture(scope="module")
def g1000():
    warm()
    return gnm(1000, 4000, seed=1)


@pytest.mark.benchmark(group="betweenness-1000")
def test_betweenness_1000_netcrime(benchmark, g1000):
    got = benchmark(C.betweenness, g1000, normalized=False)
    exp = np.array(to_igraph(g1000).betweenness())
    assert np.abs(got.to_numpy() - exp).max() < 1e-6


@pytest.mark.benchmark(group="betweenness-1000")
def test_betweenness_1000_igraph(benchmark, g1000):
    gi = to_igraph(g1000)
    benchmark(gi.betweenness)


@pytest.mark.benchmark(group="betweenness-1000")
def test_betweenness_1000_networkx(benchmark, g1000):
    G = to_nx(g1000)
    exp = benchmark.pedantic(nx.betweenness_centrality, args=(G,), rounds=1, iterations=1)
    got = C.betweenness(g1000)
    assert np.abs(got.to_numpy() - np.array([exp[i] for i in range(1000)])).max() < 1e-9


@pytest.mark.benchmark(group="harmonic-1000")
def test_harmonic_1000_netcrime(benchmark, g1000):
    got = benchmark(C.harmonic, g1000)
    exp = np.array(to_igraph(g1000).harmonic_centrality(normalized=False))
    assert np.abs(got.to_numpy() - exp).max() < 1e-9


@pytest.mark.benchmark(group="harmonic-1000")
def test_harmonic_1000_igraph(benchmark, g1000):
    gi = to_igraph(g1000)
    benchmark(gi.harmonic_centrality)


@pytest.mark.benchmark(group="pagerank-100000")
def test_pagerank_100000_netcrime(benchmark):
    g = gnm(100_000, 800_000, directed=True, seed=2)
    got = benchmark(C.pagerank, g)
    exp = np.array(to_igraph(g).pagerank())
    assert np.abs(got.to_numpy() - exp).max() < 1e-10


@pytest.mark.benchmark(group="pagerank-100000")
def test_pagerank_100000_igraph(benchmark):
    gi = to_igraph(gnm(100_000, 800_000, directed=True, seed=2))
    benchmark(gi.pagerank)


# ================================================================================ full table
def batched_sparse_brandes(g: nc.Graph, sources: np.ndarray) -> np.ndarray:
    """The alternative design: one BFS per level for a whole block of sources, as a sparse
    matrix times a dense n x B block (kept here to document the comparison)."""
    n = g.n_nodes
    A = sp.csr_array((np.ones(len(g.indices)), g.indices, g.indptr), shape=(n, n))
    B = len(sources)
    cols = np.arange(B)
    sigma = np.zeros((n, B))
    sigma[sources, cols] = 1.0
    dist = np.full((n, B), -1, np.int32)
    dist[sources, cols] = 0
    front, depth = sigma.copy(), 0
    while True:
        depth += 1
        nxt = A.T @ front
        nxt[dist >= 0] = 0.0
        new = nxt > 0
        if not new.any():
            break
        dist[new] = depth
        sigma[new] = nxt[new]
        front = np.where(new, nxt, 0.0)
    delta = np.zeros((n, B))
    for d in range(depth - 1, 0, -1):
        at_d = dist == d
        coef = np.zeros((n, B))
        coef[at_d] = (1.0 + delta[at_d]) / sigma[at_d]
        pull = A @ coef
        prev = dist == d - 1
        delta[prev] += sigma[prev] * pull[prev]
    delta[sources, cols] = 0.0
    return delta.sum(axis=1)


def run(quick: bool = False, only: tuple[str, ...] = ()) -> str:
    """Run the sections (``exact``, ``paths``, ``weighted``, ``sampled``, ``pagerank``,
    ``spectral``)."""
    warm()
    rows: list[str] = []

    def want(section: str) -> bool:
        return not only or section in only

    def row(task, nc_t, peers, check):
        cells = [task, f"{nc_t:.3f}"]
        for name in ("igraph", "networkx"):
            t = peers.get(name)
            if t is None:
                cells += ["-", "-"]
            else:
                est = "~" if name in peers.get("estimated", ()) else ""
                cells += [f"{est}{t:.3f}", f"{est}{t / nc_t:.1f}x"]
        cells.append(check)
        rows.append("| " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)

    if want("exact"):
        _exact(row, quick)
    if want("paths"):
        _paths(row, quick)
    if want("weighted"):
        _weighted(row, quick)
    if want("sampled"):
        _sampled(row, quick)
    if want("pagerank"):
        _pagerank(row, quick)
    if want("spectral"):
        _spectral(row, quick)
    head = ("| task | netcrime s | igraph s | igraph / netcrime | networkx s | "
            "networkx / netcrime | correctness check |\n|---|---|---|---|---|---|---|")
    return head + "\n" + "\n".join(rows)


def _exact(row, quick):
    # ---- exact betweenness, n = 1,000
    g = gnm(1000, 4000, seed=1)
    gi, G = to_igraph(g), to_nx(g)
    t_nc, got = timed(C.betweenness, g, normalized=False, repeat=3)
    t_ig, exp_ig = timed(gi.betweenness, repeat=3)
    t_nx, exp_nx = timed(nx.betweenness_centrality, G, normalized=False)
    err = max(np.abs(got.to_numpy() - exp_ig).max(),
              np.abs(got.to_numpy() - np.array([exp_nx[i] for i in range(1000)])).max())
    row("exact betweenness, n=1,000, m=4,000", t_nc, {"igraph": t_ig, "networkx": t_nx},
        f"max abs diff {err:.1e}")

    # ---- exact betweenness, n = 10,000
    n = 10_000
    g = gnm(n, 4 * n, seed=2)
    gi, G = to_igraph(g), to_nx(g)
    t_nc, got = timed(C.betweenness, g, normalized=False, repeat=1 if quick else 2)
    t_ig, exp_ig = timed(gi.betweenness, repeat=1 if quick else 2)
    # networkx: time the Brandes sweep from 200 of the 10,000 sources and scale by 50
    kk = 100 if quick else 200
    t_part, _ = timed(nx.betweenness_centrality, G, k=kk, seed=1, normalized=False)
    err = np.abs(got.to_numpy() - exp_ig).max()
    row(f"exact betweenness, n=10,000, m=40,000 (networkx: {kk} sources x {n // kk})",
        t_nc, {"igraph": t_ig, "networkx": t_part * n / kk, "estimated": ("networkx",)},
        f"max abs diff vs igraph {err:.1e}")
    # the batched sparse-product design on 256 sources, scaled to all sources
    srcs = np.arange(256)
    t_b, bb = timed(batched_sparse_brandes, g, srcs)
    ref = paths.node_betweenness(g.indptr, g.indices, sources=srcs)
    print(f"batched sparse x dense block (B=256) design: {t_b:.3f} s for 256 sources "
          f"-> ~{t_b * n / 256:.1f} s for all; numba per-source kernel {t_nc:.3f} s; "
          f"max diff {np.abs(bb - ref).max():.1e}", flush=True)


def _paths(row, quick):
    # ---- closeness and harmonic, n = 10,000 (the betweenness graph)
    n = 10_000
    g = gnm(n, 4 * n, seed=2)
    gi, G = to_igraph(g), to_nx(g)
    t_nc, got = timed(C.closeness, g, wf_improved=False, repeat=2)
    t_ig, exp = timed(gi.closeness, repeat=2)
    sub = list(range(0, n, 100))  # networkx: 100 of the 10,000 nodes, scaled by 100

    def nx_close():
        return [nx.closeness_centrality(G, u=u, wf_improved=False) for u in sub]

    t_part, exp_nx = timed(nx_close)
    err = max(np.nanmax(np.abs(got.to_numpy() - np.array(exp))),
              np.abs(got.to_numpy()[sub] - np.array(exp_nx)).max())
    row("closeness, n=10,000 (networkx: 100 nodes x 100)", t_nc,
        {"igraph": t_ig, "networkx": t_part * 100, "estimated": ("networkx",)},
        f"max abs diff {err:.1e}")
    t_nc, got = timed(C.harmonic, g, repeat=2)
    t_ig, exp = timed(gi.harmonic_centrality, normalized=False, repeat=2)

    def nx_harm():
        return nx.harmonic_centrality(G, sources=sub)

    t_part, _ = timed(nx_harm)
    err = np.abs(got.to_numpy() - np.array(exp)).max()
    row("harmonic, n=10,000 (networkx: 100 sources x 100)", t_nc,
        {"igraph": t_ig, "networkx": t_part * 100, "estimated": ("networkx",)},
        f"max abs diff vs igraph {err:.1e}")



def _weighted(row, quick):
    # ---- Dijkstra core: weighted betweenness and closeness, n = 10,000
    n = 10_000
    g0 = gnm(n, 4 * n, seed=2)
    s, d = g0.edge_array()
    w = np.random.default_rng(9).uniform(0.5, 3.0, len(s))
    g = nc.Graph.from_arrays(n, s, d, directed=False, edge_attrs={"weight": w})
    gi = to_igraph(g)
    gi.es["weight"] = w.tolist()
    G = to_nx(g0)
    for (u, v), x in zip(zip(s.tolist(), d.tolist()), w.tolist()):
        G[u][v]["weight"] = x
    t_nc, got = timed(C.betweenness, g, distance="weight", normalized=False)
    t_ig, exp = timed(gi.betweenness, weights="weight")
    kk = 50 if quick else 100
    t_part, _ = timed(nx.betweenness_centrality, G, k=kk, seed=1, weight="weight")
    err = np.abs(got.to_numpy() - np.array(exp)).max()
    row(f"weighted betweenness (Dijkstra), n=10,000 (networkx: {kk} sources x {n // kk})",
        t_nc, {"igraph": t_ig, "networkx": t_part * n / kk, "estimated": ("networkx",)},
        f"max abs diff vs igraph {err:.1e}")
    t_nc, got = timed(C.closeness, g, distance="weight", wf_improved=False)
    t_ig, exp = timed(gi.closeness, weights="weight")
    err = np.nanmax(np.abs(got.to_numpy() - np.array(exp, dtype=float)))
    row("weighted closeness (Dijkstra), n=10,000", t_nc, {"igraph": t_ig},
        f"max abs diff vs igraph {err:.1e}")


def _sampled(row, quick):
    # ---- sampled betweenness, n = 100,000
    n = 100_000
    g = gnm(n, 4 * n, seed=3)
    G = to_nx(g)
    k = 1000
    t_nc, _ = timed(C.betweenness, g, n_pivots=k, rng=7)
    k_nx = 20 if quick else 50
    t_part, exp_nx = timed(nx.betweenness_centrality, G, k=k_nx, seed=11)
    piv = np.array(random.Random(11).sample(list(G.nodes), k_nx))
    raw = paths.node_betweenness(g.indptr, g.indices, sources=piv)
    same = C._rescale_betweenness(raw, n, normalized=True, directed=False, endpoints=False,
                                  sources=piv)
    err = np.abs(same - np.array([exp_nx[i] for i in range(n)])).max()
    row(f"sampled betweenness k={k}, n=100,000, m=400,000 (networkx: k={k_nx} x {k // k_nx})",
        t_nc, {"networkx": t_part * k / k_nx, "estimated": ("networkx",)},
        f"same {k_nx} pivots as networkx: max abs diff {err:.1e}")



def _pagerank(row, quick):
    # ---- PageRank, n = 1,000,000
    n = 100_000 if quick else 1_000_000
    g = gnm(n, 8 * n, directed=True, seed=4)
    gi = to_igraph(g)
    t_nc, got = timed(C.pagerank, g, repeat=2)
    t_ig, exp = timed(gi.pagerank, repeat=2)
    err = np.abs(got.to_numpy() - np.array(exp)).max()
    row(f"PageRank, n={n:,}, m={8 * n:,} directed (tol 1e-12)", t_nc, {"igraph": t_ig},
        f"max abs diff vs PRPACK {err:.1e}")
    # networkx's default tolerance on the same graph, 100,000-node version for memory
    n2 = 100_000
    g2 = gnm(n2, 8 * n2, directed=True, seed=4)
    G2 = to_nx(g2)
    t_nx, pr_nx = timed(nx.pagerank, G2)
    pr_ig = np.array(to_igraph(g2).pagerank())
    t_nc2, got2 = timed(C.pagerank, g2)
    err_nx = np.abs(np.array([pr_nx[i] for i in range(n2)]) - pr_ig).max()
    row("PageRank, n=100,000, m=800,000 directed", t_nc2, {"networkx": t_nx},
        f"netcrime vs PRPACK {np.abs(got2.to_numpy() - pr_ig).max():.1e}; "
        f"networkx default tol vs PRPACK {err_nx:.1e}")



def _spectral(row, quick):
    # ---- eigenvector and Katz accuracy against direct solves, n = 100,000
    n = 100_000
    g = gnm(n, 4 * n, seed=5)
    A = sp.csr_array((np.ones(len(g.indices)), g.indices, g.indptr), shape=(n, n))
    t_nc, ev = timed(C.eigenvector, g)
    vals, vecs = spla.eigsh(A, k=1, which="LA", tol=0)
    v = np.abs(vecs[:, 0])
    v /= np.linalg.norm(v)
    gi = to_igraph(g)
    t_ig, e_ig = timed(gi.eigenvector_centrality)
    e_ig = np.array(e_ig) / np.linalg.norm(e_ig)
    G = to_nx(g)
    t_nx, e_nx = timed(nx.eigenvector_centrality, G, max_iter=1000)
    e_nx = np.array([e_nx[i] for i in range(n)])
    row("eigenvector, n=100,000, m=400,000 (disconnected: isolates)", t_nc,
        {"igraph": t_ig, "networkx": t_nx},
        f"vs eigsh {np.abs(ev.to_numpy() - v).max():.1e}; igraph {np.abs(e_ig - v).max():.1e};"
        f" networkx power it. {np.abs(e_nx - v).max():.1e}")
    rho = vals[0]
    alpha = 0.5 / rho
    t_nc, kz = timed(C.katz, g, alpha=alpha, normalized=False)
    # oracle: the Neumann series x = sum_k (alpha A)^k 1, an independent method with a
    # guaranteed bound (||alpha A||_2 = 0.5, so 90 terms leave < 1e-26 relative); a sparse
    # LU direct solve is infeasible here (fill-in: 83 s already at n = 10,000)
    term = np.ones(n)
    neumann = term.copy()
    for _ in range(90):
        term = alpha * (A @ term)
        neumann += term
    t_nx, kz_nx = timed(nx.katz_centrality, G, alpha=alpha, normalized=False,
                        max_iter=10_000)
    err_nx = np.abs(np.array([kz_nx[i] for i in range(n)]) - neumann).max()
    row("Katz, n=100,000 (alpha = 0.5 / rho)", t_nc, {"networkx": t_nx},
        f"vs Neumann series {np.abs(kz.to_numpy() - neumann).max():.1e}; "
        f"networkx {err_nx:.1e}")


if __name__ == "__main__":
    sections = tuple(a for a in sys.argv[1:] if not a.startswith("--"))
    print(run(quick="--quick" in sys.argv, only=sections))
