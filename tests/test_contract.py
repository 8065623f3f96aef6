"""Registry-driven contract test over every public metric of netcrime.

The contract (DESIGN.md, "API conventions"):

* a node metric returns a float64 ``pd.Series`` whose index equals ``g.nodes`` and whose
  ``name`` is a non-empty str; a graph statistic returns a Python ``float``/``int``;
* the result does not depend on how the graph was passed: a netcrime Graph, a networkx graph,
  an igraph graph and a ``Graph.to_pandas()`` frame give identical results;
* equivariance: relabelling the nodes relabels the result, values unchanged (exactly: the
  positions do not move); permuting the node order moves the values with their labels
  (to round-off); graph statistics are invariant under both;
* inputs are never mutated (Graph arrays and tables, networkx graph with its data, igraph
  graph with its attributes, DataFrame with its attrs);
* with ``rng``: the same seed gives identical output, different seeds differ where the
  metric is random.

To extend: add an entry to ``NODE_METRICS`` or ``GRAPH_STATISTICS`` (or, for a public
function that is neither, to ``NOT_METRICS`` with the reason). An entry whose function does
not exist fails (a renamed or removed metric must not pass silently).
``test_registry_is_complete`` fails for a public function of ``MODULES`` that is in none of the
three lists; the ``NOT_METRICS`` functions get their own input-type / no-mutation / seed checks
in ``test_result_object_functions_contract``.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from conftest import make_random_nx

import netcrime as nc

MODULES = ["netcrime.centrality", "netcrime.brokerage", "netcrime.keyplayer", "netcrime.covert"]


@dataclass(frozen=True)
class Nodes:
    """Placeholder for a node-valued argument: the labels at these positions of the graph
    the metric is called on (before relabelling), so relabelled/reordered calls name the
    same actors."""

    positions: tuple[int, ...]


@dataclass
class Entry:
    path: str  # "netcrime.<module>.<function>"
    kwargs: dict[str, Any] = field(default_factory=dict)
    rng: bool = False  # takes rng= and is random with these kwargs
    kinds: tuple[str, ...] = ("undirected", "directed")
    rtol: float = 1e-9  # tolerance of the node-reordering check (summation order changes)

    @property
    def id(self) -> str:
        args = ",".join(f"{k}={v!r}" for k, v in self.kwargs.items())
        return f"{self.path.removeprefix('netcrime.')}({args})"


# ---------------------------------------------------------------------------- the registry

NODE_METRICS: list[Entry] = [
    # centrality
    Entry("netcrime.centrality.degree"),
    Entry("netcrime.centrality.degree", {"direction": "in"}),
    Entry("netcrime.centrality.degree", {"direction": "out", "normalized": True}),
    Entry("netcrime.centrality.degree", {"weight": "weight"}),
    Entry("netcrime.centrality.betweenness"),
    Entry("netcrime.centrality.betweenness", {"normalized": False, "endpoints": True}),
    Entry("netcrime.centrality.betweenness", {"distance": "weight"}),
    Entry("netcrime.centrality.betweenness", {"n_pivots": 8}, rng=True),
    Entry("netcrime.centrality.closeness"),
    Entry("netcrime.centrality.closeness", {"wf_improved": False}),
    Entry("netcrime.centrality.closeness", {"distance": "weight", "direction": "in"}),
    Entry("netcrime.centrality.harmonic"),
    Entry("netcrime.centrality.harmonic", {"distance": "weight", "normalized": True}),
    Entry("netcrime.centrality.eigenvector"),
    Entry("netcrime.centrality.eigenvector", {"weight": "weight"}),
    Entry("netcrime.centrality.pagerank"),
    Entry("netcrime.centrality.pagerank", {"weight": "weight", "alpha": 0.7}),
    Entry("netcrime.centrality.katz"),
    Entry("netcrime.centrality.katz", {"weight": "weight", "normalized": False}),
    # brokerage
    Entry("netcrime.brokerage.constraint"),
    Entry("netcrime.brokerage.constraint", {"weight": "weight"}),
    Entry("netcrime.brokerage.effective_size"),
    Entry("netcrime.brokerage.effective_size", {"weight": "weight"}),
    Entry("netcrime.brokerage.efficiency"),
    Entry("netcrime.brokerage.hierarchy"),
    Entry("netcrime.brokerage.hierarchy", {"weight": "weight"}),
    Entry("netcrime.brokerage.ego_betweenness"),
    # covert
    Entry("netcrime.covert.node_secrecy"),
    Entry("netcrime.covert.node_secrecy", {"model": "degree"}),
    Entry("netcrime.covert.node_secrecy", {"model": "link", "p": 0.3}),
]

GRAPH_STATISTICS: list[Entry] = [
    Entry("netcrime.keyplayer.fragmentation"),
    Entry("netcrime.keyplayer.fragmentation", {"removed": Nodes((0, 3, 5))}),
    Entry("netcrime.keyplayer.distance_fragmentation"),
    Entry("netcrime.keyplayer.distance_fragmentation", {"removed": Nodes((1, 2))}),
    Entry("netcrime.keyplayer.reach", {"players": Nodes((0, 4, 7)), "max_distance": 2}),
    Entry("netcrime.keyplayer.distance_reach", {"players": Nodes((0, 4, 7))}),
    Entry("netcrime.covert.information"),
    Entry("netcrime.covert.information", {"n_pivots": 5}, rng=True),
    Entry("netcrime.covert.secrecy"),
    Entry("netcrime.covert.tradeoff"),
    Entry("netcrime.covert.global_efficiency"),
    Entry("netcrime.covert.global_efficiency", {"distance": "weight"}),
    Entry("netcrime.covert.global_efficiency", {"n_pivots": 5}, rng=True),
    Entry("netcrime.covert.centralization"),
    Entry("netcrime.covert.centralization", {"measure": "closeness"}, kinds=("undirected",)),
    Entry("netcrime.covert.centralization", {"measure": "betweenness", "n_pivots": 5}, rng=True),
]

# Public functions of MODULES that are neither a node metric nor a graph statistic.
NOT_METRICS: dict[str, str] = {
    "netcrime.brokerage.gould_fernandez": "roles table in a result object (needs groups=)",
    "netcrime.keyplayer.key_players": "set search returning a result object",
    "netcrime.covert.profile": "one-row table of several graph statistics",
    "netcrime.covert.compare_profiles": "table over several graphs",
}


# ---------------------------------------------------------------------------- graphs


def _base(kind: str) -> nx.Graph:
    """Seeded connected weighted graph with string labels (no isolates: NaN rules are the
    metric owners' tests)."""
    if kind == "undirected":
        G = make_random_nx(24, 0.2, directed=False, weights="int", seed=31, connect=True)
    else:
        G = make_random_nx(24, 0.15, directed=True, weights="int", seed=32, connect=True)
    return nx.relabel_nodes(G, lambda v: f"actor{v:02d}")


def _resolve(path: str):
    modname, _, fname = path.rpartition(".")
    mod = importlib.import_module(modname)
    f = getattr(mod, fname, None)
    assert f is not None, f"{path} is registered but does not exist"
    return f


def _kwargs(entry: Entry, g: nc.Graph, mapping: dict | None = None) -> dict:
    """Resolve Nodes placeholders against ``g`` (labels mapped through ``mapping``)."""
    out = {}
    for k, v in entry.kwargs.items():
        if isinstance(v, Nodes):
            labels = [g.nodes[i] for i in v.positions]
            v = [mapping[x] for x in labels] if mapping else labels
        out[k] = v
    return out


def _call(entry: Entry, f, obj, g: nc.Graph, mapping=None, **extra):
    kw = _kwargs(entry, g, mapping)
    kw.update(extra)
    if entry.rng and "rng" not in kw:
        kw["rng"] = 12345
    return f(obj, **kw)


def _inputs(G: nx.Graph) -> dict[str, Any]:
    g = nc.Graph.from_networkx(G)
    return {"graph": g, "networkx": G, "igraph": g.to_igraph(), "pandas": g.to_pandas()}


def _snapshot(obj: Any) -> Any:
    if isinstance(obj, nc.Graph):
        return (obj.indptr.copy(), obj.indices.copy(), obj.edge_attrs, obj.node_attrs,
                list(obj.nodes), dict(obj.meta))
    if isinstance(obj, nx.Graph):
        return obj.copy()
    if isinstance(obj, pd.DataFrame):
        return obj.copy(deep=True), dict(obj.attrs)
    # igraph
    return (obj.get_edgelist(), obj.is_directed(),
            {a: list(obj.vs[a]) for a in obj.vs.attributes()},
            {a: list(obj.es[a]) for a in obj.es.attributes()})


def _assert_unchanged(before: Any, obj: Any) -> None:
    if isinstance(obj, nc.Graph):
        assert np.array_equal(before[0], obj.indptr) and np.array_equal(before[1], obj.indices)
        pd.testing.assert_frame_equal(before[2], obj.edge_attrs)
        pd.testing.assert_frame_equal(before[3], obj.node_attrs)
        assert before[4] == list(obj.nodes) and before[5] == dict(obj.meta)
    elif isinstance(obj, nx.Graph):
        assert nx.utils.graphs_equal(before, obj) and list(before.nodes) == list(obj.nodes)
    elif isinstance(obj, pd.DataFrame):
        pd.testing.assert_frame_equal(before[0], obj)
        assert before[1] == obj.attrs
    else:
        assert before == _snapshot(obj)


def _cases(entries):
    return [pytest.param(e, kind, id=f"{e.id}-{kind}") for e in entries for kind in e.kinds]


# ---------------------------------------------------------------------------- node metrics


@pytest.mark.parametrize(("entry", "kind"), _cases(NODE_METRICS))
def test_node_metric_contract(entry: Entry, kind: str):
    f = _resolve(entry.path)
    G = _base(kind)
    inputs = _inputs(G)
    g = inputs["graph"]
    snaps = {k: _snapshot(v) for k, v in inputs.items()}

    ref = _call(entry, f, g, g)
    # shape, dtype, index, name
    assert isinstance(ref, pd.Series), type(ref)
    assert ref.dtype == np.float64
    assert ref.index.equals(g.nodes) and list(ref.index) == list(g.nodes)
    assert isinstance(ref.name, str) and ref.name
    assert not np.isinf(ref.to_numpy()).any()

    # same result whatever the input type
    for name, obj in inputs.items():
        got = _call(entry, f, obj, g)
        pd.testing.assert_series_equal(got, ref, check_exact=True, obj=f"{name} input")

    # inputs untouched
    for name, obj in inputs.items():
        _assert_unchanged(snaps[name], obj)

    # relabelling: same positions, new labels (tuples and ints) -> identical values
    for relabel in (lambda v: ("cell", int(v[5:]) % 5, v), lambda v: 1000 - int(v[5:])):
        mapping = {v: relabel(v) for v in G.nodes}
        H = nx.relabel_nodes(G, mapping)
        h = nc.Graph.from_networkx(H)
        got = _call(entry, f, h, g, mapping)
        assert list(got.index) == [mapping[v] for v in g.nodes]
        np.testing.assert_array_equal(got.to_numpy(), ref.to_numpy())
        assert got.name == ref.name

    # node reordering: values follow their labels
    if not entry.rng:
        perm = list(np.random.default_rng(7).permutation(list(g.nodes)))
        h = nc.Graph.from_edges(g.to_pandas(), directed=g.directed, nodes=perm)
        got = _call(entry, f, h, g)
        assert list(got.index) == perm
        np.testing.assert_allclose(got.loc[list(g.nodes)].to_numpy(), ref.to_numpy(),
                                   rtol=entry.rtol, atol=1e-12)


@pytest.mark.parametrize(("entry", "kind"), _cases([e for e in NODE_METRICS if e.rng]))
def test_node_metric_rng(entry: Entry, kind: str):
    f = _resolve(entry.path)
    g = nc.Graph.from_networkx(_base(kind))
    a = _call(entry, f, g, g, rng=2024)
    b = _call(entry, f, g, g, rng=2024)
    pd.testing.assert_series_equal(a, b, check_exact=True)
    c = _call(entry, f, g, g, rng=np.random.default_rng(2024))
    d = _call(entry, f, g, g, rng=np.random.default_rng(2024))
    pd.testing.assert_series_equal(c, d, check_exact=True)
    runs = [_call(entry, f, g, g, rng=s).to_numpy() for s in range(5)]
    assert any(not np.array_equal(runs[0], r) for r in runs[1:]), "seeds do not matter"
    assert isinstance(_call(entry, f, g, g, rng=None), pd.Series)


# ---------------------------------------------------------------------------- graph statistics


@pytest.mark.parametrize(("entry", "kind"), _cases(GRAPH_STATISTICS))
def test_graph_statistic_contract(entry: Entry, kind: str):
    f = _resolve(entry.path)
    G = _base(kind)
    inputs = _inputs(G)
    g = inputs["graph"]
    snaps = {k: _snapshot(v) for k, v in inputs.items()}
    ref = _call(entry, f, g, g)
    assert type(ref) in (float, int), type(ref)
    for name, obj in inputs.items():
        got = _call(entry, f, obj, g)
        assert type(got) is type(ref) and (got == ref or (np.isnan(got) and np.isnan(ref))), name
        _assert_unchanged(snaps[name], obj)
    mapping = {v: ("cell", v) for v in G.nodes}
    got = _call(entry, f, nx.relabel_nodes(G, mapping), g, mapping)
    assert got == ref or (np.isnan(got) and np.isnan(ref))
    if not entry.rng:
        perm = list(np.random.default_rng(7).permutation(list(g.nodes)))
        h = nc.Graph.from_edges(g.to_pandas(), directed=g.directed, nodes=perm)
        np.testing.assert_allclose(_call(entry, f, h, g), ref, rtol=entry.rtol, atol=1e-12)


@pytest.mark.parametrize(("entry", "kind"), _cases([e for e in GRAPH_STATISTICS if e.rng]))
def test_graph_statistic_rng(entry: Entry, kind: str):
    f = _resolve(entry.path)
    g = nc.Graph.from_networkx(_base(kind))
    assert _call(entry, f, g, g, rng=99) == _call(entry, f, g, g, rng=99)
    assert (_call(entry, f, g, g, rng=np.random.default_rng(3))
            == _call(entry, f, g, g, rng=np.random.default_rng(3)))
    runs = {_call(entry, f, g, g, rng=s) for s in range(6)}
    assert len(runs) > 1, "seeds do not matter"


# ---------------------------------------------------------------------------- completeness


def _public_functions(modname: str) -> list[str]:
    mod = importlib.import_module(modname)
    names = getattr(mod, "__all__", None)
    if names is None:
        names = [n for n in dir(mod) if not n.startswith("_")]
    out = []
    for n in names:
        obj = getattr(mod, n, None)
        if inspect.isfunction(obj) and obj.__module__ == modname:
            out.append(f"{modname}.{n}")
    return out


def test_registry_is_complete():
    """Every public function of MODULES is registered or explicitly classified."""
    known = {e.path for e in NODE_METRICS + GRAPH_STATISTICS} | set(NOT_METRICS)
    missing = [p for m in MODULES for p in _public_functions(m) if p not in known]
    assert not missing, (
        "public functions missing from the contract registry (add them to NODE_METRICS, "
        f"GRAPH_STATISTICS or NOT_METRICS in tests/test_contract.py): {missing}"
    )


def test_graph_statistics_are_not_node_metrics():
    """A function registered as a graph statistic must not be a node metric in disguise."""
    g = nc.Graph.from_networkx(_base("undirected"))
    for e in GRAPH_STATISTICS:
        mod, _, name = e.path.rpartition(".")
        f = getattr(importlib.import_module(mod), name, None)
        if f is not None:
            assert not isinstance(_call(e, f, g, g), pd.Series), e.id


def _results_equal(a: Any, b: Any) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    elif hasattr(a, "nodes") and hasattr(a, "graph"):  # GouldFernandezResult
        pd.testing.assert_frame_equal(a.nodes, b.nodes, check_exact=True)
        pd.testing.assert_frame_equal(a.graph, b.graph, check_exact=True)
        pd.testing.assert_frame_equal(a.groups, b.groups, check_exact=True)
        assert a.density == b.density
    else:  # KeyPlayerResult
        assert list(a.players) == list(b.players) and a.value == b.value


@pytest.mark.parametrize("kind", ["undirected", "directed"])
@pytest.mark.parametrize("path", sorted(set(NOT_METRICS) - {"netcrime.covert.compare_profiles"}))
def test_result_object_functions_contract(path: str, kind: str):
    """The NOT_METRICS functions: same result from every input type, inputs untouched,
    seeds reproducible (equivariance is tested in their own test files)."""
    f = _resolve(path)
    G = _base(kind)
    inputs = _inputs(G)
    g = inputs["graph"]
    snaps = {k: _snapshot(v) for k, v in inputs.items()}
    groups = pd.Series([i % 3 for i in range(g.n_nodes)], index=g.nodes)
    calls = {
        "netcrime.brokerage.gould_fernandez": lambda obj, **kw: f(obj, groups=groups),
        "netcrime.keyplayer.key_players": lambda obj, rng=7: f(
            obj, k=2, objective="distance_fragmentation", restarts=2, rng=rng),
        "netcrime.covert.profile": lambda obj, **kw: f(obj),
    }
    call = calls[path]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nc.NetcrimeWarning)  # undirected brokerage warns
        ref = call(g)
        for name, obj in inputs.items():
            _results_equal(ref, call(obj))
            _assert_unchanged(snaps[name], obj)
        if path == "netcrime.keyplayer.key_players":
            _results_equal(call(g, rng=11), call(g, rng=11))
            _results_equal(call(g, rng=np.random.default_rng(11)),
                           call(g, rng=np.random.default_rng(11)))
