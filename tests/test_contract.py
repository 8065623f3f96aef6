"""Registry-driven contract test over every public metric of netcrime.

The contract (see ``docs/conventions.md``):

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

The second half is the **parameter glossary** (``GLOSSARY``): every parameter name of every
public callable of the package has one meaning, and the names that were once overloaded carry
machine-checked rules (allowed values, where they may appear, keyword-only). See the
"Parameter glossary" section of this file.
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
    Entry("netcrime.centrality.core_number"),
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


# ============================================================================ parameter glossary
#
# One meaning per public parameter name. Every named parameter of every public callable of
# netcrime (the public names of every public module and subpackage, public methods and
# classmethods of public classes, constructors of public non-dataclass classes) must be listed
# here. ``Meaning`` rules make the once-overloaded names checkable:
#
# * ``values``: a str default must be one of these (e.g. ``direction`` is in/out/all, so a new
#   ``direction="forward"`` or a new ``mode="in"`` fails);
# * ``where``: qualified-name prefixes of the callables allowed to use the name (e.g. ``mode``
#   only on the attack schedule, generator-model names only in ``netcrime.generators``);
# * ``annotation``: the allowed annotations (``func``/``param`` are the *names* of the public
#   function and parameter quoted in error messages, so they must be ``str``);
# * ``default``: the allowed defaults (``n_pivots`` is None = exact).
#
# Not walked: dataclass constructors (result records whose fields are read, not passed),
# exception classes, ``*args``/``**kwargs``, ``self``/``cls``. Names inside ``**params`` of
# ``strategy()``/``Metric()`` are checked by their own registry tests.
#
# To add a parameter: reuse a listed name with the same meaning, or add the new name with its
# meaning (and to docs/conventions.md when it is a convention shared by several modules).


@dataclass(frozen=True)
class Meaning:
    text: str
    values: tuple[str, ...] | None = None
    where: tuple[str, ...] | None = None
    annotation: tuple[str, ...] | None = None
    default: tuple[Any, ...] | None = None


_GEN = ("netcrime.generators.",)
_PLOT = ("netcrime.plot.", "netcrime.disruption.attack.AttackResult.plot")
_IO = ("netcrime.io.", "netcrime.graph.Graph.from_edges", "netcrime.graph.Graph.save",
       "netcrime.graph.Graph.load")
_DISRUPT = ("netcrime.disruption.",)
_REPORT = ("netcrime.report.", "netcrime.cli.")
_OBS = ("netcrime.observation.",)
_LINKPRED = ("netcrime.linkpred.",)


def _generator(text: str = "a parameter of a synthetic-network model (see the generator)"):
    return Meaning(text, where=_GEN)


GLOSSARY: dict[str, Meaning] = {
    # ---- graphs and their construction
    "g": Meaning("the graph: anything netcrime.as_graph accepts (positional-only, first)"),
    "h": Meaning("a graph derived from g (e.g. the residual graph after a removal)"),
    "G": Meaning("a networkx or igraph graph to convert", where=("netcrime.interop.",
                                                                "netcrime.graph.Graph.from_")),
    "A": Meaning("an adjacency matrix to convert (scipy sparse or numpy)"),
    "obj": Meaning("an object to coerce to a Graph"),
    "graphs": Meaning("a mapping name -> graph"),
    "n": Meaning("the number of nodes"),
    "m": Meaning("the number of edges", where=_GEN),
    "directed": Meaning("whether edges are arcs (never guessed)"),
    "nodes": Meaning("node labels (an iterable of labels; in from_edges also a node table)"),
    "labels": Meaning("node labels (node_index) or which nodes to label in a drawing"),
    "positions": Meaning("node positions 0..n-1"),
    "edges": Meaning("an edge-list DataFrame"),
    "source": Meaning("the tail endpoint of each edge (position array or column name)"),
    "target": Meaning("the head endpoint of each edge (position array or column name)"),
    "node_attrs": Meaning("node attribute table in position order"),
    "edge_attrs": Meaning("edge attribute table aligned with the edges"),
    "node_key": Meaning("column of a node table holding the labels"),
    "multiedges": Meaning("policy for repeated pairs",
                          values=("error", "sum", "max", "min", "first", "last")),
    "self_loops": Meaning("policy for self-loops", values=("keep", "drop", "error")),
    "combine": Meaning("how the weights of reciprocated arcs combine",
                       values=("max", "sum", "min", "first", "last")),
    "meta": Meaning("free metadata mapping"),
    "mask": Meaning("a boolean mask over the edges"),
    "key": Meaning("cache key of Graph.cached"),
    "fn": Meaning("the builder Graph.cached calls on a miss"),
    "positive": Meaning("whether edge values must be positive (lengths)"),
    "func": Meaning("name of the public function quoted in error messages",
                    annotation=("str",)),
    "param": Meaning("name of the public parameter quoted in error messages",
                     annotation=("str",)),
    # ---- metric conventions (docs/conventions.md)
    "weight": Meaning("name of an edge attribute read as a strength (None: unweighted); "
                      "readers/writers: the attribute holding the tie values"),
    "distance": Meaning("name of an edge attribute read as a length (None: hop counts)"),
    "normalized": Meaning("rescale to the metric's documented range (table in "
                          "docs/conventions.md)", default=(True, False)),
    "wf_improved": Meaning("closeness: Wasserman-Faust factor for unreached nodes"),
    "direction": Meaning("which arcs of a directed graph: in, out or all",
                         values=("in", "out", "all")),
    "n_pivots": Meaning("estimate from this many sampled source nodes; None = exact",
                        default=(None,)),
    "rng": Meaning("None, an int seed or a numpy Generator"),
    "seed": Meaning("an int seed where only an int is accepted (layouts, the demo)",
                    where=_PLOT + _REPORT),
    "endpoints": Meaning("betweenness: count the endpoints of each path"),
    "loops": Meaning("how a self-loop counts in a degree", values=("twice", "once", "ignore")),
    "alpha": Meaning("per-step damping (PageRank) or attenuation (Katz) factor"),
    "beta": Meaning("Katz: the base score of every node"),
    "tol": Meaning("convergence tolerance"),
    "max_iter": Meaning("iteration cap"),
    "personalization": Meaning("PageRank teleport distribution"),
    "dangling": Meaning("PageRank: where the mass of dangling nodes goes"),
    "groups": Meaning("node groups: a node attribute name or a Series by node"),
    "variance": Meaning("Gould-Fernandez variance formula", values=("sna", "exact")),
    "partial_credit": Meaning("Gould-Fernandez: split a pair's credit among its brokers"),
    "measure": Meaning("the node centrality a centralization is built on",
                       values=("degree", "betweenness", "closeness")),
    "model": Meaning("the secrecy exposure model", values=("uniform", "link", "degree")),
    "p": Meaning("a probability in [0, 1] (its event is named in the docstring)"),
    "name": Meaning("the name identifying an object: a registry key (dataset, strategy, "
                    "metric) or the row label of a result"),
    "largest_component": Meaning("restrict to the largest connected component"),
    # ---- key players
    "k": Meaning("the size of a node set (never a sample size: see n_pivots)",
                 where=("netcrime.keyplayer.key_players",)),
    "players": Meaning("the node set S of a key-player objective"),
    "removed": Meaning("the node(s) removed"),
    "max_distance": Meaning("reach: the largest number of steps counted (Borgatti's m)"),
    "normalizer": Meaning("distance_reach denominator", values=("n", "n_minus_k")),
    "objective": Meaning("the key-player objective maximised",
                         values=("fragmentation", "distance_fragmentation", "reach",
                                 "distance_reach", "client_victim_pairs")),
    "restarts": Meaning("number of starts of a local search"),
    "max_swaps": Meaning("cap on accepted swaps per start"),
    # ---- disruption
    "mode": Meaning("the attack schedule: static, adaptive or block",
                    values=("static", "adaptive", "block"), where=_DISRUPT),
    "strategy": Meaning("the removal strategy (a name or a Strategy)", where=_DISRUPT + _OBS),
    "strategies": Meaning("several removal strategies", where=_DISRUPT),
    "block_size": Meaning("removals per recomputation in mode='block'", where=_DISRUPT),
    "max_removals": Meaning("cap on removals", where=_DISRUPT),
    "metrics": Meaning("the per-step outcomes recorded (observation.plan_on_observed: "
                       "the damage outcomes recorded)", where=_DISRUPT + _OBS),
    "metric": Meaning("the measure evaluated: one outcome column of a removal curve; in "
                      "observation.sensitivity the node metric(s) or graph statistic(s) "
                      "assessed", where=_DISRUPT + _PLOT + _OBS + _REPORT),
    "threshold": Meaning("a level of a removal-curve outcome", where=_DISRUPT + _PLOT),
    "lcc_only": Meaning("restrict scoring to the largest component", where=_DISRUPT),
    "recovery": Meaning("the network's recovery model (a Recovery)", where=_DISRUPT),
    "tie_break": Meaning("order among equal scores", where=_DISRUPT),
    "tie_tol": Meaning("relative tolerance within which attack scores are tied (0 = exact)",
                       where=_DISRUPT),
    "progress": Meaning("show a progress bar / callback", where=_DISRUPT + _REPORT + _OBS),
    "repeats": Meaning("repetitions per strategy", where=_DISRUPT),
    "executor": Meaning("a concurrent.futures executor", where=_DISRUPT + _OBS + _LINKPRED),
    "stochastic": Meaning("whether a strategy is random", where=_DISRUPT),
    "params": Meaning("a strategy's parameters (dict)", where=_DISRUPT),
    "limit": Meaning("an edge strategy's cap on candidates", where=_DISRUPT),
    "roles": Meaning("role order of role_order()", where=_DISRUPT),
    "attr": Meaning("node attribute holding the role", where=_DISRUPT),
    "then": Meaning("tie-break strategy of role_order()", where=_DISRUPT),
    "role_attr": Meaning("node attribute holding the role", where=_DISRUPT),
    "replacement": Meaning("how a removed member is replaced", where=_DISRUPT),
    "recruit": Meaning("probability of recruiting a replacement", where=_DISRUPT),
    "preferential_attachment": Meaning("recovery: share of ties by degree", where=_DISRUPT),
    "triadic_closure": Meaning("recovery: share of ties closing triangles", where=_DISRUPT),
    "removed_attrs": Meaning("attributes of the removed node", where=_DISRUPT),
    "orphan_ties": Meaning("the removed node's former ties", where=_DISRUPT),
    "new_label": Meaning("label of a recruited node", where=_DISRUPT),
    "label": Meaning("legend label of a plotted curve", where=_DISRUPT + _PLOT),
    "scorer": Meaning("a strategy's score function (g, rng) -> scores", where=_DISRUPT),
    "family": Meaning("the registered strategy a Strategy instantiates (picks fast paths)",
                      where=_DISRUPT),
    "position": Meaning("a node position (0..n-1) of a residual view", where=_DISRUPT),
    "rebuild": Meaning("callable that rebuilds a strategy when unpickled", where=_DISRUPT),
    "args": Meaning("arguments of the rebuild callable", where=_DISRUPT),
    "chart": Meaning("the chart type of a profile figure", values=("bar", "radar"), where=_PLOT),
    # ---- observation (imperfect data)
    "node_missing": Meaning("observation model: probability that a person is missed (rate, "
                            "per-attribute mapping or per-node values; sensitivity: levels)",
                            where=_OBS),
    "tie_missing": Meaning("observation model: probability that a true tie is missed (rate, "
                           "per-attribute mapping or per-tie values; sensitivity: levels)",
                           where=_OBS),
    "spurious_ties": Meaning("observation model: rate of false ties (or {'p', 'between'})",
                             where=_OBS),
    "wiretap": Meaning("observation model: who is tapped (int or {'by', 'n_tapped', 'roles', "
                       "'seeds', 'waves'}); only their ties are seen", where=_OBS),
    "split_aliases": Meaning("observation model: probability that a person appears as two "
                             "nodes", where=_OBS),
    "merge_aliases": Meaning("observation model: probability of merging pairs of persons "
                             "into one node", where=_OBS),
    "bias": Meaning("how missingness rates are spread: uniform, degree or a node attribute",
                    where=_OBS),
    "reps": Meaning("number of replicates (>= 1)"),
    "budget": Meaning("number of removals or take-downs a plan may choose (persons for "
                      "plan_on_observed, online objects for block_plan)",
                      where=(*_OBS, "netcrime.online.")),
    "observation": Meaning("observe() keywords (a mapping) of a planning design", where=_OBS),
    "statistic": Meaning("the column of a sensitivity frame drawn", where=_PLOT),
    "band": Meaning("the replicate quantiles shaded around a line (lo, hi)", where=_PLOT),
    # ---- generators
    "kind": Meaning("the variant of network a generator builds (e.g. traditional/online/"
                    "hybrid trafficking, the netwar form)", where=_GEN),
    **{name: _generator() for name in (
        "accounts_per_person", "ads_per_victim", "anonymity", "blade_size",
        "bookings_per_client", "bottom_share", "broker_fee", "cell_size", "cell_topology",
        "chords", "connected", "core_size", "core_topology", "counts", "cross_cell_p",
        "cross_group_p", "ensure_flow", "handoff", "handoff_p", "intra_stage_p",
        "leader_stage", "link", "link_p", "link_role", "links", "n_blades",
        "n_cells", "n_chains", "n_groups", "n_platforms", "n_wheels", "online_share",
        "phones_per_person", "redundancy", "regions", "sample_observed", "shared_phone_p",
        "skip_p", "stage_sizes", "stages", "topology", "victims_per_exploiter")},
    "methods": Meaning("several named methods: recruitment-method probabilities "
                       "(trafficking generator) or link-prediction scores (evaluate)",
                       where=_GEN + _LINKPRED),
    # ---- link prediction
    "method": Meaning("the algorithm or formula variant computed (each function lists its "
                      "values: link-prediction score, projection tie value, group detection)"),
    "pairs": Meaning("explicit (u, v) node-label pairs to score", where=_LINKPRED),
    "hide": Meaning("share of ties hidden per replicate, in (0, 1)", where=_LINKPRED),
    "n_negative": Meaning("number of sampled non-edges; None = all (exact)",
                          where=_LINKPRED),
    # ---- national-scale call records (issue 15)
    **{name: _generator("a parameter of the call-record model (see call_records)")
       for name in ("n_persons", "n_calls", "n_communities", "p_within", "activity_tail",
                    "burner_share", "start", "days")},
    "chunksize": Meaning("rows per chunk when records are generated or read in chunks",
                         where=_GEN + _IO),
    "aggregate": Meaning("what the weight of a pair aggregated from repeated records holds",
                         values=("count", "sum"), where=_IO),
    "mmap": Meaning("open the saved arrays as read-only memory maps (no copy)",
                    where=_IO),
    "verify": Meaning("recompute the checksums of a saved graph's files",
                      where=_IO),
    "max_memory": Meaning("a limit on the memory a read may take (bytes or a string such "
                          "as '8GB'); beyond it a MemoryLimitError", where=_IO),
    # ---- groups and the online trace (issue 12)
    "resolution": Meaning("modularity resolution gamma (> 0)", where=("netcrime.groups.",)),
    "a": Meaning("the grouping found (compared with b)", where=("netcrime.groups.",)),
    "b": Meaning("the reference grouping (compared with a)", where=("netcrime.groups.",)),
    "data": Meaning("an ad table or a graph with an online layer", where=("netcrime.online.",)),
    "id_cols": Meaning("identifier columns of an ad table (graph: identifier node kinds)",
                       where=("netcrime.online.",)),
    "object_col": Meaning("the column naming the ad in an ad table",
                          where=("netcrime.online.",)),
    "max_share": Meaning("hub guard: identifiers on more than this share of ads do not link",
                         where=("netcrime.online.",)),
    "found": Meaning("a linkage (LinkResult or operation per ad)", where=("netcrime.online.",)),
    "truth": Meaning("the true operation per ad, or a generated graph",
                     where=("netcrime.online.",)),
    "budgets": Meaning("the numbers k of take-downs / arrests compared",
                       where=("netcrime.online.",)),
    "targets": Meaning("kinds of online object that may be taken down",
                       where=("netcrime.online.",)),
    "raid": Meaning("the arrest strategy compared with blocking", where=("netcrime.online.",)),
    "linked": Meaning("a link_traces result to draw", where=_PLOT),
    "comparison": Meaning("a compare_block_vs_raid frame to draw", where=_PLOT),
    # ---- io, datasets, plot, report, cli
    "path": Meaning("a file path", where=_IO + _REPORT),
    "encoding": Meaning("text encoding of a file", where=_IO),
    "format": Meaning("file/report format name", where=_IO + _REPORT),
    "sep": Meaning("CSV field separator", where=_IO),
    "label_dtype": Meaning("dtype of labels read from a file", where=_IO),
    "matrix": Meaning("which matrix of a multi-matrix file", where=_IO),
    "node_type": Meaning("type labels are converted to", where=_IO),
    "nodes_path": Meaning("path of a node table file", where=_IO),
    "period": Meaning("dataset selector: time period", where=("netcrime.datasets.",)),
    "phase": Meaning("dataset selector: investigation phase", where=("netcrime.datasets.",)),
    "relation": Meaning("dataset selector: tie type", where=("netcrime.datasets.",)),
    "ax": Meaning("matplotlib Axes to draw on", where=_PLOT),
    "title": Meaning("figure title", where=_PLOT),
    "legend": Meaning("whether to draw a legend", where=_PLOT),
    "layout": Meaning("node layout name or positions", where=_PLOT),
    "color_by": Meaning("node attribute giving colours", where=_PLOT),
    "edge_style_by": Meaning("edge attribute giving line styles", where=_PLOT),
    "node_size": Meaning("node marker sizes", where=_PLOT),
    "palette": Meaning("colour palette name", where=_PLOT),
    "radius": Meaning("layout radius", where=_PLOT),
    "top": Meaning("number of best-ranked items shown (plots) or returned (link "
                   "prediction)", where=_PLOT + _LINKPRED),
    "measures": Meaning("profile columns shown", where=_PLOT),
    "group": Meaning("node attribute holding the group (layout bands)", where=_PLOT),
    "stage": Meaning("node attribute holding the stage", where=_PLOT),
    "gf": Meaning("a gould_fernandez result", where=_PLOT),
    "profiles": Meaning("profile rows (covert.profile / compare_profiles)", where=_PLOT),
    "results": Meaning("attack results / a compare_strategies frame / a sensitivity frame",
                       where=_PLOT),
    "value": Meaning("a category to colour", where=_PLOT),
    "argv": Meaning("command-line arguments", where=_REPORT),
    "out": Meaning("output directory", where=_REPORT),
    "result": Meaning("a demo result to write", where=_REPORT),
}

# ---- two-mode and multiplex data (issue 11)
_TWOMODE = ("netcrime.twomode.",)
_MULTIPLEX = ("netcrime.multiplex.",)
GLOSSARY.update({
    "df": Meaning("a table of records, one row per record (affiliations, ties, calls)"),
    "actor": Meaning("column holding the actor of each affiliation record", where=_TWOMODE),
    "event": Meaning("column holding the event of each affiliation record", where=_TWOMODE),
    "onto": Meaning("the side a two-mode graph is projected onto",
                    values=("actor", "event"), where=_TWOMODE),
    "how": Meaning("how the layers of a multiplex tie combine",
                   values=("any", "count", "sum", "max"), where=_MULTIPLEX),
})
# 'relation' and 'metric' keep their meaning and gain the multiplex module.
GLOSSARY["relation"] = Meaning(
    "a relation (tie type, layer) of a multiplex network: the dataset selector, or the "
    "relation column(s) of a multiplex graph", where=GLOSSARY["relation"].where + _MULTIPLEX)
GLOSSARY["metric"] = Meaning(
    GLOSSARY["metric"].text + "; multiplex.by_layer: the node metric computed on each layer",
    where=GLOSSARY["metric"].where + _MULTIPLEX)
# ---- issue 11: time and events (netcrime.events, netcrime.temporal, plot.temporal)
_EVENTS = ("netcrime.events.",)
_TEMPORAL = ("netcrime.temporal.",)
GLOSSARY.update({
    "df": Meaning("a DataFrame of records (one row per call, contact or event)"),
    "time": Meaning("column of the records holding each record's time", where=_EVENTS),
    "freq": Meaning("fixed-length window of a pandas offset ('7D')", where=_EVENTS),
    "bins": Meaning("explicit window edges", where=_EVENTS),
    "aggregate": Meaning("how a tie's records combine into its weight",
                         values=("count", "sum", "max", "mean"), where=_EVENTS + _IO),
    "missing": Meaning("what a bad record does: raise or be dropped (and counted)",
                       values=("error", "drop"), where=_EVENTS),
    "universe": Meaning("every node label of every window of a Snapshots", where=_EVENTS),
    "snaps": Meaning("a Snapshots (ordered mapping window -> graph)",
                     where=(*_TEMPORAL, "netcrime.plot.")),
    "window": Meaning("a window (key) of a Snapshots", where=_TEMPORAL),
    "traj_df": Meaning("a trajectory table (window, node, value)", where=_PLOT),
    "turnover_df": Meaning("a turnover table", where=_PLOT),
    "events": Meaning("event markers: window -> label (seizure, arrest)", where=_PLOT),
})
# widened meanings (issue 11): a phase is also the records' phase column; a metric is also a
# node metric computed per window
GLOSSARY["phase"] = Meaning("investigation phase: a dataset selector, or the records' column "
                            "naming each record's phase", where=("netcrime.datasets.", *_EVENTS))
GLOSSARY["metric"] = Meaning(
    "what is measured: one outcome column of a removal curve (disruption, plot), or a node "
    "metric by name or callable (temporal)",
    where=GLOSSARY["metric"].where + _TEMPORAL)

#: Names no public parameter may have, and why.
FORBIDDEN: dict[str, str] = {
    "l": "ambiguous single letter (PEP 8 E741): name what it is",
    "level": "a parameter must not switch the return type: split the function instead "
             "(secrecy / node_secrecy)",
    "sample": "a sampled source count is n_pivots",
}

#: Public functions whose first parameter is the graph: everything after it keyword-only,
#: except the destination of a writer (``write_csv(g, path)``, as every I/O library does).
_GRAPH_FIRST = ("g",)
_POSITIONAL_OK = ("path",)

#: Violations that exist only until the parallel 0.2 branches are merged. The lead deletes
#: each entry once its branch is in (the test fails on an entry that no longer matches, so a
#: stale entry cannot linger).
PRE_MERGE_ALLOWED: dict[tuple[str, str], str] = {}


def _public_callables() -> dict[str, Any]:
    """qualified name -> callable, for every public callable of the package."""
    import dataclasses
    import pkgutil

    out: dict[str, Any] = {}

    def add(qual: str, obj: Any) -> None:
        out.setdefault(qual, obj)

    for info in pkgutil.walk_packages(nc.__path__, "netcrime."):
        if any(part.startswith("_") for part in info.name.split(".")[1:]):
            continue
        mod = importlib.import_module(info.name)
        names = getattr(mod, "__all__", None)
        if names is None:
            names = [x for x in vars(mod) if not x.startswith("_")]
        for name in names:
            obj = getattr(mod, name, None)
            home = getattr(obj, "__module__", None) or ""
            if not home.startswith("netcrime"):
                continue
            qual = f"{home}.{obj.__qualname__}" if hasattr(obj, "__qualname__") else None
            if inspect.isfunction(obj):
                add(qual, obj)
            elif inspect.isclass(obj) and not issubclass(obj, BaseException):
                if not dataclasses.is_dataclass(obj) and obj is not nc.Graph:
                    add(qual, obj)  # the constructor (Graph's only raises)
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    f = member.__func__ if isinstance(member, (classmethod, staticmethod)) \
                        else member
                    if inspect.isfunction(f):
                        add(f"{qual}.{attr}", f)
    return out


def glossary_violations(qual: str, f: Any) -> list[tuple[str, str, str]]:
    """(qualified name, parameter, problem) for every rule ``f`` breaks."""
    try:
        sig = inspect.signature(f)
    except (TypeError, ValueError):  # pragma: no cover - builtins
        return []
    params = [p for p in sig.parameters.values() if p.name not in ("self", "cls")]
    out = []
    for i, p in enumerate(params):
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        name = p.name
        if name in FORBIDDEN:
            out.append((qual, name, f"forbidden name: {FORBIDDEN[name]}"))
            continue
        meaning = GLOSSARY.get(name)
        if meaning is None:
            out.append((qual, name, "not in GLOSSARY: reuse a listed name with the same "
                                    "meaning or add this one with its meaning"))
            continue
        d = p.default
        if meaning.where is not None and not qual.startswith(meaning.where):
            out.append((qual, name, f"{name!r} means {meaning.text!r}; it may appear only "
                                    f"in {meaning.where}"))
        if meaning.values is not None and isinstance(d, str) and d not in meaning.values:
            out.append((qual, name, f"default {d!r}: {name!r} means {meaning.text!r}, one "
                                    f"of {meaning.values}"))
        if meaning.default is not None and d is not p.empty and d not in meaning.default:
            out.append((qual, name, f"default {d!r}: expected one of {meaning.default}"))
        if meaning.annotation is not None and p.annotation not in meaning.annotation:
            out.append((qual, name, f"annotation {p.annotation!r}: {name!r} means "
                                    f"{meaning.text!r}"))
        fq = getattr(f, "__qualname__", "")
        method = "." in fq and "<locals>" not in fq
        graph_first = i > 0 and params[0].name in _GRAPH_FIRST and not method
        if graph_first and p.kind != p.KEYWORD_ONLY and name not in _POSITIONAL_OK:
            out.append((qual, name, "everything after the graph must be keyword-only "
                                    "(f(g, /, *, ...))"))
        if qual.startswith(_GEN) and name == "n" and p.kind != p.KEYWORD_ONLY:
            out.append((qual, name, "a generator's n must be keyword-only"))
    return out


def _all_violations() -> list[tuple[str, str, str]]:
    return [v for qual, f in sorted(_public_callables().items())
            for v in glossary_violations(qual, f)]


def test_parameter_glossary():
    """Every public parameter name has one meaning (GLOSSARY) and keeps its rules."""
    found = _all_violations()
    bad = [v for v in found if (v[0], v[1]) not in PRE_MERGE_ALLOWED]
    assert not bad, "parameter glossary violations:\n" + "\n".join(
        f"  {q}({p}=...): {why}" for q, p, why in bad)


def test_pre_merge_allow_list_is_not_stale():
    """Each PRE_MERGE_ALLOWED entry must still be a violation; delete it once it is fixed."""
    found = {(q, p) for q, p, _ in _all_violations()}
    stale = sorted(set(PRE_MERGE_ALLOWED) - found)
    assert not stale, f"delete these fixed entries from PRE_MERGE_ALLOWED: {stale}"


def test_glossary_walk_sees_every_public_module():
    """The walk reaches metrics, Graph methods, interop, and subpackages."""
    quals = set(_public_callables())
    for q in ("netcrime.centrality.degree", "netcrime.covert.node_secrecy",
              "netcrime.keyplayer.key_players", "netcrime.brokerage.gould_fernandez",
              "netcrime.graph.Graph.from_positions", "netcrime.graph.Graph.to_scipy",
              "netcrime.interop.from_networkx", "netcrime.disruption.attack.attack"):
        assert q in quals, q
    assert any(q.startswith("netcrime.generators.") for q in quals)


def test_glossary_test_catches_overloaded_names():
    """The checker itself: each of these fake public functions must be rejected."""

    def fake_metric(g, /, *, mode="in"):  # mode means the attack schedule
        ...

    def fake_direction(g, /, *, direction="forward"):  # direction is in/out/all
        ...

    def fake_sampled(g, /, *, k=None, rng=None):  # k is a set size, not a sample
        ...

    def fake_ci(g, /, *, l=2):  # the forbidden name is the point
        ...

    def fake_positional(g, /, k, *, objective="reach"):  # after g: keyword-only
        ...

    def fake_pivots(g, /, *, n_pivots=100):  # None must mean exact
        ...

    def fake_level(g, /, *, level="graph"):  # return type switched by a parameter
        ...

    def fake_new_name(g, /, *, hops=2):  # an unlisted name must be added with its meaning
        ...

    def fake_message(g, /, *, func=len):  # func is the error-message name (a str)
        ...

    def fake_generator(n, *, kind="online"):  # a generator's n is keyword-only
        ...

    cases = {
        "netcrime.centrality.fake_metric": (fake_metric, "mode"),
        "netcrime.centrality.fake_direction": (fake_direction, "direction"),
        "netcrime.covert.fake_sampled": (fake_sampled, "k"),
        "netcrime.disruption.strategies.fake_ci": (fake_ci, "l"),
        "netcrime.keyplayer.fake_positional": (fake_positional, "k"),
        "netcrime.covert.fake_pivots": (fake_pivots, "n_pivots"),
        "netcrime.covert.fake_level": (fake_level, "level"),
        "netcrime.centrality.fake_new_name": (fake_new_name, "hops"),
        "netcrime.centrality.fake_message": (fake_message, "func"),
        "netcrime.generators.forms.fake_generator": (fake_generator, "n"),
    }
    for qual, (f, param) in cases.items():
        assert param in {p for _, p, _ in glossary_violations(qual, f)}, qual
    # ... and the real signatures they imitate pass
    assert not glossary_violations("netcrime.centrality.degree", nc.centrality.degree)
    assert not glossary_violations("netcrime.keyplayer.key_players", nc.keyplayer.key_players)
    # mode= is fine on the attack schedule, kind= on a generator
    def attack_like(g, /, *, mode="adaptive"):
        ...

    def generator_like(*, n=10, kind="online"):
        ...

    assert not glossary_violations("netcrime.disruption.attack.attack_like", attack_like)
    assert not glossary_violations("netcrime.generators.forms.generator_like", generator_like)


def test_glossary_conventions_are_documented():
    """The shared conventions of the glossary appear in docs/conventions.md."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "conventions.md").read_text("utf-8")
    for name in ("direction", "mode", "kind", "n_pivots", "k", "weight", "distance",
                 "normalized", "wf_improved", "rng", "max_distance", *FORBIDDEN):
        assert f"`{name}`" in doc, name
        assert GLOSSARY.get(name) or name in FORBIDDEN
