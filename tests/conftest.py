"""Shared fixtures: classic networks and seeded random graphs used across the test suite.

Every fixture returns a *fresh* networkx graph (function scope), so a test may mutate what it
gets without affecting another test. Convert with ``nc.Graph.from_networkx(G)`` (node order is
``G.nodes`` order) or pass the networkx graph straight to a metric (``as_graph`` coerces it).

Fixtures
--------
kite, kite_int        Krackhardt's kite (10 nodes, 18 edges), named / integer labels.
florentine            Padgett's Florentine families, marriage ties (networkx's 15-node version).
karate                Zachary's karate club (34 nodes, 78 edges, integer edge ``weight`` and
                      node attribute ``club``, as shipped by networkx).
random_graph          parametrised over ``RANDOM_SPECS``: seeded G(n, p) graphs, directed and
                      undirected, unweighted / integer-weighted / float-weighted, (weakly)
                      connected, and disconnected ones with isolates.
oracle_graph          parametrised over the classic networks and ``RANDOM_SPECS``.
make_random_graph     factory ``make_random_graph(n, p, *, directed, weights, seed, ...)``;
                      ``RANDOM_SPECS``/``make_random_nx`` are importable too
                      (``from conftest import make_random_nx``) for hypothesis tests.
tuple_label_graph     undirected weighted graph whose labels are tuples ``("cell", i)``.
mixed_label_graph     directed graph whose labels mix ints, strs and a tuple.

The hypothesis profile "netcrime" (no deadline: the machine is shared, timings vary) is
registered and loaded here for the whole suite.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

try:  # hypothesis is a test dependency; keep conftest importable without it
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "netcrime",
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile("netcrime")
except ImportError:  # pragma: no cover
    pass

# Traditional labelling of Krackhardt's kite (Krackhardt 1990), in networkx's node order
# (networkx documents Andre=1, ..., Jane=10; its node i is the (i+1)-th name).
KITE_NAMES = [
    "Andre", "Beverly", "Carol", "Diane", "Ed",
    "Fernando", "Garth", "Heather", "Ike", "Jane",
]


def make_random_nx(
    n: int = 40,
    p: float = 0.1,
    *,
    directed: bool = False,
    weights: str | None = None,
    seed: int = 0,
    components: int = 1,
    isolates: int = 0,
    shuffle: bool = True,
    connect: bool = False,
) -> nx.Graph:
    """A seeded random graph.

    ``components`` G(n, p) blocks of ``n`` nodes each (no edges between blocks) plus
    ``isolates`` isolated nodes. ``weights``: None, ``"int"`` (1..5, exact sums, so ties of
    shortest paths are exercised) or ``"float"`` (uniform in [0.5, 3], ties almost surely
    absent). With ``connect`` each block is made (weakly) connected by joining its
    components with one extra edge each (seeded). With ``shuffle`` the node insertion order
    is a seeded permutation, so isolates and blocks are interleaved rather than appended.
    """
    rng = np.random.default_rng(seed)
    G = nx.DiGraph() if directed else nx.Graph()
    total = components * n + isolates
    order = rng.permutation(total) if shuffle else np.arange(total)
    G.add_nodes_from(int(v) for v in order)
    for c in range(components):
        sub = nx.gnp_random_graph(n, p, seed=int(rng.integers(2**31)), directed=directed)
        off = c * n
        if connect:
            comps = [sorted(cc) for cc in nx.connected_components(sub.to_undirected())]
            for a, b in itertools.pairwise(comps):
                sub.add_edge(int(rng.choice(a)), int(rng.choice(b)))
        for u, v in sub.edges():
            if weights is None:
                G.add_edge(u + off, v + off)
            elif weights == "int":
                G.add_edge(u + off, v + off, weight=int(rng.integers(1, 6)))
            elif weights == "float":
                G.add_edge(u + off, v + off, weight=float(rng.uniform(0.5, 3.0)))
            else:  # pragma: no cover - misuse of the helper
                raise ValueError(weights)
    return G


# name -> kwargs of make_random_nx; seeds fixed so failures reproduce. The first six are
# (weakly) connected; the "*_disconnected" ones have several components and isolates.
RANDOM_SPECS: dict[str, dict] = {
    "und": dict(n=40, p=0.12, directed=False, seed=1, connect=True),
    "dir": dict(n=40, p=0.08, directed=True, seed=2, connect=True),
    "und_w_int": dict(n=40, p=0.12, directed=False, weights="int", seed=3, connect=True),
    "dir_w_int": dict(n=40, p=0.08, directed=True, weights="int", seed=4, connect=True),
    "und_w_float": dict(n=35, p=0.12, directed=False, weights="float", seed=5, connect=True),
    "dir_w_float": dict(n=35, p=0.1, directed=True, weights="float", seed=6, connect=True),
    "und_disconnected": dict(n=15, p=0.2, directed=False, components=3, isolates=3, seed=7),
    "dir_disconnected": dict(n=15, p=0.15, directed=True, components=2, isolates=2, seed=8),
    "und_w_disconnected": dict(
        n=15, p=0.2, directed=False, weights="int", components=2, isolates=2, seed=9
    ),
}


def kite_nx() -> nx.Graph:
    return nx.relabel_nodes(nx.krackhardt_kite_graph(), dict(enumerate(KITE_NAMES)))


def tuple_label_nx() -> nx.Graph:
    G = make_random_nx(12, 0.3, directed=False, weights="float", seed=11)
    return nx.relabel_nodes(G, {v: ("cell", v) for v in G.nodes})


def mixed_label_nx() -> nx.DiGraph:
    G = make_random_nx(12, 0.25, directed=True, weights="int", seed=12)
    labels = [0, 1, 2, "a", "b", "c", 10, "d", ("t", 1), 7, "z", 3]
    return nx.relabel_nodes(G, dict(zip(sorted(G.nodes), labels)))


CLASSIC = {
    "kite": kite_nx,
    "florentine": nx.florentine_families_graph,
    "karate": nx.karate_club_graph,
}


@pytest.fixture
def kite() -> nx.Graph:
    """Krackhardt's kite with the traditional names (Diane has degree 6)."""
    return kite_nx()


@pytest.fixture
def kite_int() -> nx.Graph:
    """Krackhardt's kite as shipped by networkx (labels 0..9)."""
    return nx.krackhardt_kite_graph()


@pytest.fixture
def florentine() -> nx.Graph:
    """Padgett's Florentine families, marriage network (networkx version, 15 nodes, 20 edges)."""
    return nx.florentine_families_graph()


@pytest.fixture
def karate() -> nx.Graph:
    """Zachary's karate club (34 nodes, 78 edges, edge 'weight', node 'club')."""
    return nx.karate_club_graph()


@pytest.fixture
def make_random_graph():
    """Factory: ``make_random_graph(n, p, *, directed, weights, seed, components, isolates)``."""
    return make_random_nx


@pytest.fixture(params=sorted(RANDOM_SPECS))
def random_graph(request) -> nx.Graph:
    """Seeded random graphs: directed/undirected, weighted or not, connected or not."""
    return make_random_nx(**RANDOM_SPECS[request.param])


@pytest.fixture(params=sorted(CLASSIC) + sorted(RANDOM_SPECS))
def oracle_graph(request) -> nx.Graph:
    """The classic networks and every seeded random graph."""
    if request.param in CLASSIC:
        return CLASSIC[request.param]()
    return make_random_nx(**RANDOM_SPECS[request.param])


@pytest.fixture
def tuple_label_graph() -> nx.Graph:
    """Undirected float-weighted graph with tuple labels ``("cell", i)``."""
    return tuple_label_nx()


@pytest.fixture
def mixed_label_graph() -> nx.DiGraph:
    """Directed int-weighted graph with mixed int/str/tuple labels."""
    return mixed_label_nx()
