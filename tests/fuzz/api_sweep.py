"""Bad-input sweep over every public callable of netcrime, in watched subprocesses.

    python tests/fuzz/api_sweep.py                 # every callable x parameter x bad value
    python tests/fuzz/api_sweep.py --timeout 20 --show 5

For every public callable (the walk of tests/test_contract.py) a *baseline* call is built
from valid values (``VALID`` by parameter name, ``BASELINE`` per callable); each parameter is
then replaced, one at a time, by every value of ``BAD`` (wrong type, negative, NaN, inf,
huge int, float for int, str for number, unhashable, empty, unknown label, None...). Each
call runs in a worker subprocess (address space capped, tracemalloc peak recorded); the
parent kills a worker that does not answer within ``--timeout`` seconds. Outcomes:

* ``clean error``: a ``NetcrimeError`` whose message names the called function (``name(``);
* ``unclear error``: a ``NetcrimeError`` naming another function (a helper);
* ``raw exception``: any other exception (``TypeError``, ``AttributeError``...);
* ``hang`` / ``memory``: no answer in time / ``MemoryError``, peak above ``--mem-mb``, or a
  worker killed by the system;
* ``silently accepted``: the call returned although the value breaks a rule that the
  parameter's default makes checkable (a float, str, NaN or huge int where an int is
  expected; a label that is not in the graph where node labels are expected);
* ``accepted``: the call returned (a value the function documents as valid, e.g. ``None``).

A callable whose baseline call fails is listed as ``no baseline`` and not swept.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import select
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

COLUMNS = ["clean error", "accepted", "unclear error", "raw exception", "hang", "memory",
           "silently accepted"]
DEFECTS = ("unclear error", "raw exception", "hang", "memory", "silently accepted")

#: bad values by id (built in the worker: some are not JSON)
BAD_IDS = ["none", "str", "str_num", "neg", "zero", "float_for_int", "nan", "inf", "huge",
           "big", "unhashable", "empty", "unknown_label", "object", "nx_graph", "bool"]

#: callables not swept (reason)
SKIP = {
    "netcrime.cli.main": "command line: argv strings, covered by tests/test_cli.py",
    "netcrime.report.run_demo": "writes a full demo report (minutes); its parts are swept",
    "netcrime.report.build_demo": "builds the full demo (minutes); its parts are swept",
    "netcrime.graph.Graph.cached": "internal cache protocol (key, builder)",
    "netcrime.disruption.strategies.Strategy.with_recipe": "pickling protocol",
}

#: open defects: (callable, parameter) pairs the sweep still reports (fixes pending, see the
#: issue); tests/test_api_sweep.py fails on any defect outside this list. The goal is an
#: empty list: the release run (``python tests/fuzz/api_sweep.py``) shows what remains.
OPEN: dict[tuple[str, str], str] = {}

#: parameters not swept (reason)
SKIP_PARAMS = {
    "progress": "a display switch (bool or callback)",
}


#: per-callable baseline values (by parameter), over ``Fixtures.valid``'s by-name table: the
#: callables that need a file, a two-mode / multiplex / online graph, snapshots, a result
#: object... A parameter listed here is set in the baseline even when it has a default.
BASELINE: dict[str, Callable[[Fixtures], dict[str, Any]]] = {
    "netcrime.datasets.load": lambda fx: {"name": "caviar"},
    "netcrime.datasets.load_phases": lambda fx: {"name": "caviar"},
    "netcrime.disruption.edges.attack_edges": lambda fx: {"strategy": "betweenness"},
    "netcrime.disruption.edges.edge_strategy": lambda fx: {"name": "betweenness"},
    "netcrime.disruption.metrics.Metric": lambda fx: {"name": "lcc"},
    "netcrime.disruption.strategies.Strategy": lambda fx: {
        "name": "zeros", "scorer": _zero_scores},
    "netcrime.disruption.strategies.Strategy.scores": lambda fx: {
        "g": fx.g, "rng": _generator()},
    "netcrime.events.Snapshots": lambda fx: {
        "graphs": {"a": fx.g, "b": fx.g}, "universe": fx.labels},
    "netcrime.events.snapshots": lambda fx: {"phase": "time"},
    "netcrime.generators.layers.members": lambda fx: {"g": fx.trafficking["traditional"]},
    "netcrime.generators.layers.organisation": lambda fx: {"g": fx.trafficking["online"]},
    "netcrime.graph.Graph.edge_values": lambda fx: {"name": "weight"},
    "netcrime.graph.Graph.from_arrays": lambda fx: {
        "n": 4, "source": [0, 1, 2], "target": [1, 2, 3]},
    "netcrime.graph.Graph.from_positions": lambda fx: {
        "n": 4, "source": _int_array([0, 1, 2]), "target": _int_array([1, 2, 3])},
    "netcrime.graph.Graph.from_igraph": lambda fx: {"G": _igraph(fx)},
    "netcrime.interop.from_igraph": lambda fx: {"G": _igraph(fx)},
    "netcrime.graph.Graph.load": lambda fx: {"path": fx.files["saved"]},
    "netcrime.io.native.read_parts": lambda fx: {"path": fx.files["saved"]},
    "netcrime.graph.Graph.save": lambda fx: {"path": str(fx.tmp / "saved_out")},
    "netcrime.io.native.save_graph": lambda fx: {"path": str(fx.tmp / "saved_out")},
    "netcrime.graph.check_node_labels": lambda fx: {"labels": _index(fx.labels)},
    "netcrime.groups.compare": lambda fx: {"a": [0, 0, 1, 1], "b": [0, 0, 1, 2]},
    "netcrime.io.calls.read_call_records": lambda fx: {
        "path": fx.files["calls"], "source": "caller", "target": "callee"},
    "netcrime.io.dl.read_ucinet_dl": lambda fx: {"path": fx.files["dl"]},
    "netcrime.io.dl.read_ucinet_dl_matrices": lambda fx: {"path": fx.files["dl"]},
    "netcrime.io.graphml.read_graphml": lambda fx: {"path": fx.files["graphml"]},
    "netcrime.io.pajek.read_pajek": lambda fx: {"path": fx.files["pajek"]},
    "netcrime.io.read": lambda fx: {"path": fx.files["pajek"]},
    "netcrime.linkpred.scores": lambda fx: {"top": 3},
    "netcrime.multiplex.from_edges": lambda fx: {
        "df": fx.relations, "relation": "relation"},
    "netcrime.multiplex.by_layer": lambda fx: {"g": fx.multiplex},
    "netcrime.multiplex.flatten": lambda fx: {"g": fx.multiplex},
    "netcrime.multiplex.layer_overlap": lambda fx: {"g": fx.multiplex},
    "netcrime.multiplex.layers": lambda fx: {"g": fx.multiplex},
    "netcrime.observation.sensitivity": lambda fx: {"node_missing": [0.0, 0.3], "reps": 2},
    # a few replicates keep the sweep quick (the default is 100)
    "netcrime.observation.plan_on_observed": lambda fx: {"reps": 5},
    "netcrime.online.block_plan": lambda fx: {"g": fx.trafficking["online"]},
    "netcrime.online.compare_block_vs_raid": lambda fx: {
        "g": fx.trafficking["online"], "budgets": [1, 2]},
    "netcrime.online.evaluate_linkage": lambda fx: {
        "found": _series([0, 0, 1, 2]), "truth": _series([5, 5, 6, 6])},
    "netcrime.disruption.recovery.Recovery.apply": lambda fx: {
        "h": fx.g.take(list(range(1, 12))), "removed": "v0",
        "removed_attrs": {"role": "leader"}, "orphan_ties": [("v1", True, True, 1.0)],
        "rng": _generator(), "new_label": "recruit"},
    "netcrime.online.link_traces": lambda fx: {
        "data": fx.ads, "id_cols": ["phone", "account"], "max_share": 1.0},
    "netcrime.plot.figures.plot_brokerage_profile": lambda fx: {
        "gf": _instance("GouldFernandezResult", fx)},
    "netcrime.plot.figures.plot_profiles": lambda fx: {"profiles": _profiles(fx)},
    "netcrime.plot.figures.plot_removal_curves": lambda fx: {
        "results": _instance("AttackResult", fx)},
    "netcrime.plot.observation.plot_sensitivity": lambda fx: {"results": fx.sensitivity},
    "netcrime.plot.online.plot_block_vs_raid": lambda fx: {"comparison": _call(
        "online.compare_block_vs_raid", fx.trafficking["online"], budgets=[1, 2])},
    "netcrime.plot.online.plot_linked_operations": lambda fx: {"linked": _call(
        "online.link_traces", fx.trafficking["online"])},
    "netcrime.plot.temporal.plot_trajectories": lambda fx: {"traj_df": _call(
        "temporal.trajectory", fx.snaps, metric="degree")},
    "netcrime.plot.temporal.plot_turnover": lambda fx: {"turnover_df": _call(
        "temporal.turnover", fx.snaps)},
    "netcrime.plot.twomode.draw_twomode": lambda fx: {"g": fx.twomode},
    "netcrime.plot.twomode.twomode_layout": lambda fx: {"g": fx.twomode},
    "netcrime.report.write_report": lambda fx: {"result": fx.demo},
    "netcrime.temporal.rank_stability": lambda fx: {"snaps": fx.snaps},
    "netcrime.temporal.replacement": lambda fx: {
        "snaps": fx.snaps, "removed": "v0", "window": 1},
    "netcrime.temporal.trajectory": lambda fx: {"snaps": fx.snaps},
    "netcrime.temporal.turnover": lambda fx: {"snaps": fx.snaps},
    "netcrime.twomode.degree": lambda fx: {"g": fx.twomode},
    "netcrime.twomode.density": lambda fx: {"g": fx.twomode},
    "netcrime.twomode.from_affiliations": lambda fx: {
        "df": fx.affiliations, "actor": "person", "event": "meeting"},
    "netcrime.twomode.incidence": lambda fx: {"g": fx.twomode},
    "netcrime.twomode.project": lambda fx: {"g": fx.twomode},
}


def _zero_scores(g: Any, rng: Any) -> Any:
    import numpy as np

    return np.zeros(g.n_nodes)


def _generator() -> Any:
    import numpy as np

    return np.random.default_rng(1)


def _int_array(values: list[int]) -> Any:
    import numpy as np

    return np.asarray(values, dtype=np.int64)


def _series(values: list) -> Any:
    import pandas as pd

    return pd.Series(values)


def _index(values: list) -> Any:
    import pandas as pd

    return pd.Index(values)


def _igraph(fx: Fixtures) -> Any:
    return fx.g.to_igraph()


def _call(path: str, *args: Any, **kwargs: Any) -> Any:
    """``netcrime.<path>(*args, **kwargs)`` with warnings silenced (fixture results)."""
    import importlib

    mod, name = path.rsplit(".", 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(importlib.import_module(f"netcrime.{mod}"), name)(*args, **kwargs)


def _profiles(fx: Fixtures) -> Any:
    return _call("covert.compare_profiles", {"a": fx.g, "b": fx.trafficking["traditional"]})


def _bad(bid: str, nx_graph: Any) -> Any:
    return {
        "none": None, "str": "abc", "str_num": "3", "neg": -1, "zero": 0,
        "float_for_int": 2.5, "nan": float("nan"), "inf": float("inf"), "huge": 10**30,
        "big": 10**12, "unhashable": [["a"]], "empty": [], "unknown_label": ["__nope__"],
        "object": object(), "nx_graph": nx_graph, "bool": True,
    }[bid]


# ---------------------------------------------------------------------------- fixtures
class Fixtures:
    """Valid inputs, built once per worker."""

    def __init__(self, tmp: Path) -> None:
        import networkx as nx
        import numpy as np
        import pandas as pd

        import netcrime as nc

        self.tmp = tmp
        G = nx.Graph()
        labels = [f"v{i}" for i in range(12)]
        rng = np.random.default_rng(1)
        for i, v in enumerate(labels):
            G.add_node(v, group=["a", "b", "c"][i % 3],
                       role=["leader", "member"][int(i < 3) ^ 1], stage=i % 2)
        for i in range(12):
            for j in range(i + 1, 12):
                if (i + j) % 3 == 0 or j == i + 1:
                    G.add_edge(labels[i], labels[j], weight=float(rng.integers(1, 5)))
        self.nx = G
        self.g = nc.as_graph(G)
        self.labels = labels
        self.edges = pd.DataFrame([(u, v, d["weight"]) for u, v, d in G.edges(data=True)],
                                  columns=["source", "target", "weight"])
        csv = tmp / "g.csv"
        self.edges.to_csv(csv, index=False)
        self.csv = csv
        self.events = pd.DataFrame({"source": ["v0", "v1", "v2", "v0"],
                                    "target": ["v1", "v2", "v3", "v3"],
                                    "time": [1, 2, 3, 4]})

    # lazily built inputs of the callables that need more than a plain graph (BASELINE)
    @functools.cached_property
    def files(self) -> dict[str, str]:
        """One small valid file (or saved graph) per reader, in the worker's tmp dir."""
        import pandas as pd

        t = self.tmp
        (t / "g.net").write_text('*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2\n2 3 2\n')
        (t / "g.dl").write_text("DL N=3\nFORMAT = EDGELIST1\nLABELS:\na,b,c\nDATA:\n"
                                "1 2\n2 3\n")
        (t / "g.graphml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
            '<graph edgedefault="undirected">\n<node id="a"/><node id="b"/><node id="c"/>\n'
            '<edge source="a" target="b"><data key="w">2.0</data></edge>\n'
            '<edge source="b" target="c"><data key="w">1.0</data></edge>\n</graph>\n'
            '</graphml>\n')
        calls = pd.DataFrame({"caller": [5551, 5551, 5552, 5553], "callee": [5552, 5553,
                              5553, 5551], "seconds": [10.0, 20.0, 5.0, 7.0]})
        calls.to_csv(t / "calls.csv", index=False)
        self.g.save(t / "saved")
        return {"pajek": str(t / "g.net"), "dl": str(t / "g.dl"),
                "graphml": str(t / "g.graphml"), "calls": str(t / "calls.csv"),
                "saved": str(t / "saved")}

    @functools.cached_property
    def affiliations(self) -> Any:
        import pandas as pd

        return pd.DataFrame({"person": ["ann", "bob", "bob", "cy", "cy", "dee"],
                             "meeting": ["m1", "m1", "m2", "m2", "m3", "m3"]})

    @functools.cached_property
    def twomode(self) -> Any:
        import netcrime as nc

        return nc.twomode.from_affiliations(self.affiliations, actor="person",
                                            event="meeting")

    @functools.cached_property
    def snaps(self) -> Any:
        import netcrime as nc

        return nc.events.snapshots(self.events, source="source", target="target",
                                   directed=False, phase="time")

    @functools.cached_property
    def relations(self) -> Any:
        import pandas as pd

        return pd.DataFrame({"source": ["v0", "v0", "v1", "v2", "v3"],
                             "target": ["v1", "v1", "v2", "v3", "v0"],
                             "relation": ["kin", "work", "kin", "work", "work"]})

    @functools.cached_property
    def multiplex(self) -> Any:
        import netcrime as nc

        return nc.multiplex.from_edges(self.relations, source="source", target="target",
                                       relation="relation", directed=False)

    @functools.cached_property
    def trafficking(self) -> dict[str, Any]:
        import netcrime as nc

        return {kind: nc.generators.trafficking_network(n=60, kind=kind, rng=1)
                for kind in ("traditional", "online")}

    @functools.cached_property
    def ads(self) -> Any:
        import pandas as pd

        return pd.DataFrame({"phone": ["p1", "p1", "p2", None, "p3"],
                             "account": ["a1", None, "a2", "a2", "a3"]})

    @functools.cached_property
    def sensitivity(self) -> Any:
        import netcrime as nc

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return nc.observation.sensitivity(self.g, metric="degree",
                                              node_missing=[0.0, 0.3], reps=2, rng=1)

    @functools.cached_property
    def demo(self) -> Any:
        import netcrime.report

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return netcrime.report.build_demo(n=30, seed=1)

    def valid(self, name: str, qual: str) -> Any:
        import numpy as np

        import netcrime as nc

        g, lab = self.g, self.labels
        table: dict[str, Any] = {
            "g": g, "obj": g, "h": g, "G": self.nx, "graphs": {"a": g, "b": g},
            "A": g.to_scipy(), "n": 10, "m": 15, "nodes": lab[:3], "labels": lab[:3],
            "positions": np.array([0, 1, 2]), "edges": self.edges, "df": self.events,
            "source": "source", "target": "target", "directed": False, "groups": "group",
            "k": 2, "players": lab[:2], "removed": lab[:1], "strategy": "degree",
            "strategies": ["degree", "random"], "metric": "degree", "metrics": ["lcc"],
            "name": "degree", "roles": ["leader", "member"], "path": str(self.csv),
            "mask": np.ones(g.n_edges, bool), "threshold": 0.5, "n_calls": 20,
            "n_persons": 10, "budget": 2, "observation": {"tie_missing": 0.1},
            "method": "jaccard", "value": "a", "out": str(self.tmp / "report"),
            "func": "f", "param": "p", "position": 0,
        }
        if name not in table:
            raise KeyError(name)
        v = table[name]
        if qual.startswith("netcrime.datasets") and name == "name":
            return nc.datasets.list_datasets()[0]
        return v


def _callables() -> dict[str, Any]:
    from test_contract import _public_callables

    return _public_callables()


def _target(qual: str, f: Any, fx: Fixtures) -> tuple[Any, str]:
    """(callable to call, the name its messages must quote)."""

    parts = qual.split(".")
    if len(parts) >= 3 and parts[-2][:1].isupper():  # a method
        owner, meth = parts[-2], parts[-1]
        raw = inspect.getattr_static(getattr(sys.modules[".".join(parts[:-2])], owner), meth)
        if isinstance(raw, (classmethod, staticmethod)):
            return getattr(getattr(sys.modules[".".join(parts[:-2])], owner), meth), meth
        inst = _instance(owner, fx)
        return getattr(inst, meth), meth
    return f, getattr(f, "__name__", parts[-1]) if not isinstance(f, type) else f.__name__


def _instance(owner: str, fx: Fixtures) -> Any:
    import netcrime as nc

    g = fx.g
    if owner == "Graph":
        return g
    if owner == "AttackResult":
        return nc.disruption.attack(g, strategy="degree")
    if owner == "GouldFernandezResult":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return nc.brokerage.gould_fernandez(g, groups="group")
    if owner == "Residual":
        return nc.disruption.Residual(g)
    if owner == "Strategy":
        return nc.disruption.strategy("degree")
    if owner == "Recovery":
        return nc.disruption.Recovery(p=0.5)
    if owner == "Observed":
        return nc.observation.observe(g, tie_missing=0.1, rng=1)
    raise KeyError(owner)


def _baseline(qual: str, f: Any, fx: Fixtures) -> tuple[Any, str, dict, list[str]]:
    call, name = _target(qual, f, fx)
    over = BASELINE[qual](fx) if qual in BASELINE else {}
    sig = inspect.signature(call)
    kwargs: dict[str, Any] = {}
    pos: list[str] = []
    names: list[str] = []
    for p in sig.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name in ("self", "cls"):
            continue
        names.append(p.name)
        if p.name in over:
            kwargs[p.name] = over[p.name]
        elif p.default is inspect.Parameter.empty:
            kwargs[p.name] = fx.valid(p.name, qual)
        if p.kind == p.POSITIONAL_ONLY:
            pos.append(p.name)
    return call, name, kwargs, names


def _invoke(call: Any, kwargs: dict, sig: inspect.Signature) -> Any:
    args = []
    kw = {}
    for pname, v in kwargs.items():
        p = sig.parameters[pname]
        if p.kind == p.POSITIONAL_ONLY:
            args.append(v)
        else:
            kw[pname] = v
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call(*args, **kw)


def _should_reject(bid: str, default: Any, pname: str) -> bool:
    """Whether returning normally for this bad value is a silent acceptance."""
    int_default = isinstance(default, int) and not isinstance(default, bool)
    if int_default and bid in ("float_for_int", "str_num", "nan", "inf", "huge", "str"):
        return True
    float_default = isinstance(default, float)
    if float_default and bid in ("nan", "str_num", "str"):
        return True
    if pname in ("removed", "players", "nodes") and bid in ("unknown_label", "unhashable"):
        return True
    return pname == "roles" and bid in ("empty", "none")


_BASE_OK: dict[str, str] = {}


def classify(qual: str, pname: str, bid: str, fx: Fixtures, funcs: dict) -> tuple[str, str]:
    import netcrime as nc

    f = funcs[qual]
    try:
        call, name, base, _ = _baseline(qual, f, fx)
    except Exception as exc:
        return "no baseline", f"{type(exc).__name__}: {exc}"
    sig = inspect.signature(call)
    if qual not in _BASE_OK:
        try:
            _invoke(call, dict(base), sig)
            _BASE_OK[qual] = ""
        except Exception as exc:
            _BASE_OK[qual] = f"{type(exc).__name__}: {str(exc)[:160]}"
    if _BASE_OK[qual]:
        return "no baseline", _BASE_OK[qual]
    kwargs = dict(base)
    kwargs[pname] = _bad(bid, fx.nx)
    default = sig.parameters[pname].default
    try:
        _invoke(call, kwargs, sig)
    except nc.NetcrimeError as exc:  # MemoryLimitError too: a refusal before allocating
        msg = str(exc)
        if f"{name}(" in msg:
            return "clean error", ""
        return "unclear error", msg[:200]
    except MemoryError as exc:
        return "memory", f"MemoryError: {exc}"
    except Exception as exc:
        return "raw exception", f"{type(exc).__name__}: {str(exc)[:160]}"
    if _should_reject(bid, default, pname):
        return "silently accepted", f"{pname}={_bad(bid, fx.nx)!r}"[:120]
    return "accepted", ""


# ---------------------------------------------------------------------------- worker
def worker(mem_mb: int, as_limit_gb: float) -> None:
    if as_limit_gb > 0:
        import resource

        lim = int(as_limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tmp = Path(tempfile.mkdtemp(prefix="ncsweep"))
    os.chdir(tmp)
    fx = Fixtures(tmp)
    funcs = _callables()
    tracemalloc.start()
    for line in sys.stdin:
        job = json.loads(line)
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        try:
            outcome, detail = classify(job["qual"], job["param"], job["bad"], fx, funcs)
        except MemoryError as exc:
            outcome, detail = "memory", f"MemoryError: {exc}"
        plt.close("all")
        peak = tracemalloc.get_traced_memory()[1] - start  # a failed huge allocation may
        # stay recorded as traced: measure from this job's start
        if peak > mem_mb * 2**20 and outcome not in ("memory", "no baseline"):
            outcome, detail = "memory", f"peak {peak / 2**20:.0f} MB ({outcome}: {detail})"
        sys.stdout.write(json.dumps({"outcome": outcome, "detail": detail}) + "\n")
        sys.stdout.flush()


def jobs(select_every: int = 1, offset: int = 0) -> list[tuple[str, str, str]]:
    """(qualified name, parameter, bad-value id) of the sweep; ``select_every=k`` keeps every
    k-th bad value per parameter (rotating with the parameter, so every value is used)."""
    out = []
    for qual, f in sorted(_callables().items()):
        if qual in SKIP:
            continue
        try:
            sig = inspect.signature(f)
        except (TypeError, ValueError):
            continue
        params = [p for p in sig.parameters.values()
                  if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                  and p.name not in ("self", "cls") and p.name not in SKIP_PARAMS]
        for j, p in enumerate(params):
            for i, bid in enumerate(BAD_IDS):
                if (i + j + offset) % select_every == 0:
                    out.append((qual, p.name, bid))
    return out


class Worker:
    def __init__(self, mem_mb: int, as_limit_gb: float) -> None:
        self.mem_mb, self.as_limit_gb = mem_mb, as_limit_gb
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [sys.executable, __file__, "--worker", "--mem-mb", str(self.mem_mb),
               "--as-limit-gb", str(self.as_limit_gb)]
        env = dict(os.environ, MPLBACKEND="Agg")
        env.setdefault("NUMBA_NUM_THREADS", "1")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1, env=env)

    def ask(self, job: tuple[str, str, str], timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
            timeout = max(timeout, 180.0)
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        qual, param, bad = job
        self.proc.stdin.write(json.dumps({"qual": qual, "param": param, "bad": bad}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.stop()
            return {"outcome": "hang", "detail": f"no answer in {timeout:g} s"}
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            kind = "memory" if code in (-9, 137) else "raw exception"
            return {"outcome": kind, "detail": f"worker died (exit code {code})"}
        return json.loads(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def run(job_list: list[tuple[str, str, str]], *, timeout: float = 10.0, mem_mb: int = 300,
        as_limit_gb: float = 8.0) -> list[dict]:
    w = Worker(mem_mb, as_limit_gb)
    out = []
    try:
        for job in job_list:
            res = w.ask(job, timeout)
            res.update(qual=job[0], param=job[1], bad=job[2])
            out.append(res)
    finally:
        w.stop()
    return out


def table(results: list[dict]) -> str:
    c = Counter(r["outcome"] for r in results)
    head = "| calls | " + " | ".join(COLUMNS) + " | no baseline |"
    row = (f"| {sum(c.values())} | " + " | ".join(str(c.get(k, 0)) for k in COLUMNS)
           + f" | {c.get('no baseline', 0)} |")
    return "\n".join([head, "|" + "---|" * (len(COLUMNS) + 2), row])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=1, help="keep every k-th bad value")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per call")
    ap.add_argument("--mem-mb", type=int, default=300, help="tracemalloc peak bound")
    ap.add_argument("--as-limit-gb", type=float, default=8.0,
                    help="address-space limit of the worker (0: none)")
    ap.add_argument("--show", type=int, default=3, help="examples per outcome and callable")
    ap.add_argument("--json", help="write every outcome to this file")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.mem_mb, args.as_limit_gb)
        return
    t0 = time.time()
    res = run(jobs(args.every), timeout=args.timeout, mem_mb=args.mem_mb,
              as_limit_gb=args.as_limit_gb)
    print(table(res))
    print(f"({time.time() - t0:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=0))
    shown: dict[tuple[str, str], int] = defaultdict(int)
    no_base = sorted({r["qual"] for r in res if r["outcome"] == "no baseline"})
    for r in res:
        if r["outcome"] in DEFECTS and shown[r["qual"], r["outcome"]] < args.show:
            shown[r["qual"], r["outcome"]] += 1
            print(f"{r['outcome']}: {r['qual']}({r['param']}={r['bad']}): {r['detail']}")
    if no_base:
        print("no baseline:", ", ".join(no_base))


if __name__ == "__main__":
    main()
