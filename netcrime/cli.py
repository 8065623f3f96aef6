"""The ``netcrime`` command.

::

    netcrime demo [--out DIR] [--seed N] [--format md|html] [--n N]
    netcrime generate {wheel,chain,trafficking} [options] [--out PATH]
    netcrime analyze FILE [--out DIR] [--groups ATTR] [--top K]
    netcrime disrupt FILE --strategy S [S ...] [--mode ...] [--recovery P] [--out DIR]
    netcrime datasets [NAME] [--out FILE]
    netcrime snapshots CALLS.csv --source A --target B --time T --freq 30D --out DIR
    netcrime warmup

Reading files (analyze, disrupt, sensitivity): ``--directed``/``--undirected`` is required
for a CSV edge list; a UCINET DL matrix without it is read as undirected when it is
symmetric and as directed otherwise, and the decision is printed. Repeated pairs are refused
unless ``--multiedges`` says how to merge them (``count`` turns a list of calls into a
weighted network); self-loops are kept unless ``--self-loops drop`` (or ``error``). Nodes
without a group are refused by the brokerage measures unless ``--missing-group LABEL``.

The first run compiles the numba kernels (20 s to a minute, once per installation; a line on
stderr says so when it happens); ``netcrime warmup`` does it ahead of time.

Exit codes scripts can rely on: ``0`` success; ``2`` usage error (unknown option, a bad
value -- including an unknown dataset or strategy name; argparse's convention); ``1`` a data
or graph error (missing, unreadable or malformed file, a metric undefined on the graph, an
attribute the graph lacks) -- reported as one line
``netcrime: error: ...`` on stderr, without a traceback. Progress bars go to stderr and
only when it is a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

PROG = "netcrime"


class UsageError(Exception):
    """A command-line argument that is wrong (exit code 2)."""


class DataError(Exception):
    """A file or graph that cannot be used (exit code 1)."""


# --------------------------------------------------------------------------- helpers
def _int_at_least(lo: int):
    def conv(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be an integer, got {text!r}") from None
        if v < lo:
            raise argparse.ArgumentTypeError(f"must be >= {lo}, got {v}")
        return v

    conv.__name__ = f"int>={lo}"
    return conv


def _prob(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number in [0, 1], got {text!r}") from None
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number in [0, 1], got {v:g}")
    return v


def _progress(desc: str):
    """A tqdm wrapper writing to stderr, disabled when stderr is not a terminal."""
    from tqdm import tqdm

    enabled = sys.stderr.isatty()

    def wrap(items: Any) -> Any:
        return tqdm(items, desc=desc, file=sys.stderr, disable=not enabled, leave=False)

    return wrap


def _say(args: argparse.Namespace, text: str) -> None:
    if not getattr(args, "quiet", False):
        print(text)


def _use_agg() -> None:
    import matplotlib

    matplotlib.use("Agg")


#: ``--multiedges`` choices: the policies of :meth:`netcrime.Graph.from_edges` plus ``mean``
#: and ``count`` (CSV edge lists only: the number of rows of a pair becomes its weight).
MULTIEDGE_CHOICES = ("error", "sum", "max", "min", "mean", "first", "last", "count")
LOOP_CHOICES = ("keep", "drop", "error")
_MULTI_HINT = ("pass --multiedges sum, max, min, mean, first, last or count to merge repeated "
               "pairs (count: the number of rows of a pair becomes its weight)")


def _note(args: argparse.Namespace, text: str) -> None:
    """A decision the command took for the user, on stderr (stdout stays the result)."""
    if not getattr(args, "quiet", False):
        print(f"{PROG}: note: {text}", file=sys.stderr)


def _cli_hint(msg: str) -> str:
    """A library message rewritten to name the command's options, not Python parameters."""
    import re

    msg = re.sub(r"(?:pass|[Cc]hoose) multiedges='sum'.*?to merge repeated pairs", _MULTI_HINT,
                 msg, flags=re.S)
    return msg.replace("self_loops='error'", "--self-loops error").replace(
        "multiedges='error'", "--multiedges error").replace(
        "pass missing='drop' to drop them", "pass --drop-bad to drop them")


def _symmetric(g: Any) -> bool:
    """Whether every arc ``u -> v`` has its reverse ``v -> u`` with the same weight."""
    import numpy as np

    src, dst = g.edge_array()
    n = max(g.n_nodes, 1)
    k1 = src.astype(np.int64) * n + dst
    k2 = dst.astype(np.int64) * n + src
    o1, o2 = np.argsort(k1, kind="stable"), np.argsort(k2, kind="stable")
    if not np.array_equal(k1[o1], k2[o2]):
        return False
    if "weight" in g.edge_attrs.columns:
        w = g.edge_attrs["weight"].to_numpy(dtype=float)
        return bool(np.array_equal(w[o1], w[o2]))
    return True


def _read_dl(p: Path, args: argparse.Namespace, directed: bool | None, loops: str) -> Any:
    """A UCINET DL file: read as arcs; without a direction flag, undirected exactly when the
    matrix is symmetric -- and say which was decided."""
    import netcrime as nc

    g = nc.io.read_ucinet_dl(p, directed=True, self_loops=loops)
    if directed is True:
        return g
    sym = _symmetric(g)
    if directed is None and not sym:
        _note(args, f"{p.name}: the DL matrix is not symmetric: read as directed (row -> "
                    f"column, {g.n_edges} arcs); pass --undirected to merge u -> v and "
                    "v -> u into one tie")
        return g
    h = g.to_undirected(combine="max")
    if directed is None:
        _note(args, f"{p.name}: the DL matrix is symmetric: read as undirected ({h.n_edges} "
                    f"ties, not {g.n_edges} arcs); pass --directed to read every cell as an "
                    "arc")
    return h


def _count_pairs(p: Path, g: Any, rule: str, loops: str) -> Any:
    """``--multiedges count|mean`` on a CSV edge list: ``g`` was read with ``sum``; the rows
    of each pair are counted in the file and give the weight (count) or divide the summed
    weight (mean)."""
    import numpy as np
    import pandas as pd

    import netcrime as nc

    if rule == "mean" and "weight" not in g.edge_attrs.columns:
        raise UsageError(f"argument --multiedges: 'mean' averages the 'weight' column, and "
                         f"{p.name} has none (use count, or sum/max/min/first/last)")
    raw = pd.read_csv(p, dtype=str, keep_default_na=False, usecols=["source", "target"],
                      encoding="utf-8-sig")
    pos = pd.Index([str(v) for v in g.nodes])
    a = pos.get_indexer(raw["source"]).astype(np.int64)
    b = pos.get_indexer(raw["target"]).astype(np.int64)
    if loops == "drop":
        keep = a != b
        a, b = a[keep], b[keep]
    n = max(g.n_nodes, 1)
    if not g.directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    keys, counts = np.unique(a * n + b, return_counts=True)
    src, dst = g.edge_array()
    s64, d64 = src.astype(np.int64), dst.astype(np.int64)
    if not g.directed:
        s64, d64 = np.minimum(s64, d64), np.maximum(s64, d64)
    c = counts[np.searchsorted(keys, s64 * n + d64)].astype(float)
    ea = g.edge_attrs.copy()
    ea["weight"] = c if rule == "count" else ea["weight"].to_numpy(dtype=float) / c
    return nc.Graph.from_arrays(g.n_nodes, src, dst, directed=g.directed, nodes=list(g.nodes),
                                node_attrs=g.node_attrs, edge_attrs=ea, meta=g.meta)


def _read_csv_graph(p: Path, args: argparse.Namespace, directed: bool | None,
                    multi: str, loops: str) -> Any:
    import netcrime as nc

    nodes = getattr(args, "nodes", None)
    if directed is None:
        raise UsageError(f"{p} is a CSV edge list, which does not record direction: "
                         "add --directed or --undirected")
    if nodes is None and p.name.endswith("_edges.csv"):
        cand = p.with_name(p.name[: -len("_edges.csv")] + "_nodes.csv")
        if cand.exists():
            nodes = cand
    if nodes is not None and not Path(nodes).exists():
        raise DataError(f"{nodes}: no such file")
    rule = "sum" if multi in ("count", "mean") else multi
    g = nc.io.read_csv(p, directed=directed, nodes_path=nodes, multiedges=rule,
                       self_loops=loops)
    return _count_pairs(p, g, multi, loops) if multi != rule else g


def _read_graph(path: str, args: argparse.Namespace) -> Any:
    """Read a network file through netcrime.io (format from the extension).

    A CSV edge list needs ``--directed`` or ``--undirected``; its node list is ``--nodes``
    or, for ``X_edges.csv``, the file ``X_nodes.csv`` beside it when that exists. A DL
    matrix without either flag is undirected when symmetric (a note says so). Repeated
    pairs and self-loops follow ``--multiedges`` and ``--self-loops``.
    """
    import netcrime as nc
    from netcrime.exceptions import GraphFormatError

    p = Path(path)
    if not p.exists():
        raise DataError(f"{path}: no such file")
    if p.is_dir():
        raise DataError(f"{path}: is a directory, not a network file")
    directed = getattr(args, "directed", None)
    multi = getattr(args, "multiedges", "error") or "error"
    loops = getattr(args, "self_loops", "keep") or "keep"
    ext = p.suffix.lower()
    try:
        if ext == ".csv":
            return _read_csv_graph(p, args, directed, multi, loops)
        if ext == ".dl":
            return _read_dl(p, args, directed, loops)
        if multi in ("count", "mean"):
            raise UsageError(f"argument --multiedges: {multi!r} is for CSV edge lists; "
                             f"{p.name} takes error, sum, max, min, first or last")
        if ext in (".net", ".paj"):
            g = nc.io.read_pajek(p, multiedges=multi, self_loops=loops)
        else:
            g = nc.io.read(p, multiedges=multi) if ext == ".graphml" else nc.io.read(p)
            if loops != "keep" and g.n_edges:
                src, dst = g.edge_array()
                if (src == dst).any():
                    if loops == "error":
                        raise DataError(f"{path}: {int((src == dst).sum())} self-loops "
                                        "(pass --self-loops keep or drop)")
                    m = src != dst
                    g = nc.Graph.from_arrays(
                        g.n_nodes, src[m], dst[m], directed=g.directed, nodes=list(g.nodes),
                        node_attrs=g.node_attrs, meta=g.meta,
                        edge_attrs=g.edge_attrs[m].reset_index(drop=True))
    except GraphFormatError as e:
        raise DataError(_cli_hint(str(e))) from None
    if directed is False and g.directed:
        g = g.to_undirected()
    return g


def _write_graph(g: Any, out: str) -> list[Path]:
    """Write a graph: ``*.csv`` or a bare prefix -> ``<prefix>_edges.csv`` + ``<prefix>_nodes.csv``;
    other extensions through :func:`netcrime.io.write`."""
    import netcrime as nc

    p = Path(out)
    if p.suffix.lower() in ("", ".csv"):
        stem = p.with_suffix("") if p.suffix else p
        stem.parent.mkdir(parents=True, exist_ok=True)
        edges = stem.parent / f"{stem.name}_edges.csv"
        nodes = stem.parent / f"{stem.name}_nodes.csv"
        nc.io.write_csv(g, edges, nodes_path=nodes)
        return [edges, nodes]
    p.parent.mkdir(parents=True, exist_ok=True)
    nc.io.write(g, p)
    return [p]


def _out_dir(out: str) -> Path:
    """The output directory ``--out`` (created); an existing file there is a usage error."""
    d = Path(out)
    if d.exists() and not d.is_dir():
        raise UsageError(f"argument --out: {out} is an existing file, not a directory; give "
                         "a directory for the output files")
    d.mkdir(parents=True, exist_ok=True)
    return d


# --------------------------------------------------------------------------- commands
def cmd_demo(args: argparse.Namespace) -> int:
    from .report import run_demo

    _use_agg()
    res = run_demo(args.out, seed=args.seed, n=args.n, format=args.format,
                   progress=_progress("attacks"))
    _say(args, res.summary)
    _say(args, f"Report: {res.files['report']}  (figures in {Path(args.out) / 'figures'}, "
               f"tables in {Path(args.out) / 'tables'})")
    return 0


#: Online objects and ties per person of ``trafficking_network`` (upper bounds measured on
#: the generator: online about 2.4 nodes and 7 ties per person).
_TRAFFICKING_PER_PERSON = {"traditional": (1.2, 4.0), "online": (3.0, 9.0),
                           "hybrid": (2.0, 6.0)}


def _estimate_size(args: argparse.Namespace) -> tuple[int, int]:
    """Nodes and ties ``generate`` would build, from the parameters alone (upper estimates;
    nothing is allocated)."""
    import netcrime as nc

    if args.form == "wheel":
        nodes = args.core_size + args.cells * args.cell_size
        ties = (args.core_size * (args.core_size - 1) // 2
                + args.cells * (args.cell_size * (args.cell_size - 1) // 2
                                + args.core_size * args.cell_size))
    elif args.form == "chain":
        per_stage = args.groups * args.stage_size
        nodes = len(nc.generators.STAGES) * per_stage
        ties = nodes * (args.stage_size + 1)
    else:
        per_node, per_tie = _TRAFFICKING_PER_PERSON[args.mode]
        nodes, ties = int(args.n * per_node) + 1, int(args.n * per_tie) + 1
    return nodes, ties


def cmd_generate(args: argparse.Namespace) -> int:
    import netcrime as nc

    nodes, ties = _estimate_size(args)
    if nodes > args.max_nodes or ties > 20 * args.max_nodes:
        raise UsageError(
            f"{args.form} with these parameters would have about {nodes:,} nodes and "
            f"{ties:,} ties, beyond the limit of --max-nodes {args.max_nodes:,} (nodes) "
            f"and {20 * args.max_nodes:,} ties (20 x --max-nodes); raise --max-nodes if the "
            "machine has the memory (roughly 100 bytes per tie)")
    gen = nc.generators
    if args.form == "wheel":
        g = gen.kenney_wheel(core_size=args.core_size, n_cells=args.cells,
                             cell_size=args.cell_size, anonymity=args.anonymity, rng=args.seed)
    elif args.form == "chain":
        g = gen.kenney_chain(n_groups=args.groups, stage_sizes=args.stage_size,
                             cross_group_p=args.cross_group_p, online_share=args.online_share,
                             rng=args.seed)
    else:
        g = gen.trafficking_network(n=args.n, kind=args.mode, rng=args.seed)
    out = args.out or args.form
    existed = [q for q in _targets(out) if q.exists()]
    written = _write_graph(g, out)
    _say(args, f"{args.form}: {g.n_nodes} nodes, {g.n_edges} ties "
               f"({'directed' if g.directed else 'undirected'}) -> "
               + ", ".join(str(p) for p in written))
    if existed:
        _say(args, "Replaced the existing file" + ("s " if len(existed) > 1 else " ")
             + ", ".join(str(q) for q in existed))
    flag = "--directed" if g.directed else "--undirected"
    _say(args, f"Read it back with: netcrime analyze {written[0]} {flag}")
    return 0


def _targets(out: str) -> list[Path]:
    """The files :func:`_write_graph` writes for ``out``."""
    p = Path(out)
    if p.suffix.lower() in ("", ".csv"):
        stem = p.with_suffix("") if p.suffix else p
        return [stem.parent / f"{stem.name}_edges.csv", stem.parent / f"{stem.name}_nodes.csv"]
    return [p]


def _centrality_table(g: Any) -> Any:
    import pandas as pd

    import netcrime as nc

    cols = {}
    c = nc.centrality
    for name in ("degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"):
        f = getattr(c, name, None)
        if f is None:
            continue
        try:
            cols[name] = f(g)
        except nc.UndefinedMetricError:
            cols[name] = pd.Series(float("nan"), index=g.nodes, name=name)
        except nc.ConvergenceError:
            cols[name] = pd.Series(float("nan"), index=g.nodes, name=name)
    df = pd.DataFrame(cols, index=g.nodes)
    df.index.name = "node"
    return df


def _group_labels(g: Any, attr: str, missing: str | None, where: str) -> Any:
    """The node attribute ``attr`` as text group labels: nodes without a value are refused
    (with their count) unless ``missing`` (``--missing-group``) names their group."""
    if attr not in g.node_attrs.columns:
        raise UsageError(
            f"argument --groups: {attr!r} is not a node attribute of the graph "
            f"(attributes: {', '.join(map(str, g.node_attrs.columns)) or 'none'})")
    grp = g.node_attrs[attr].astype(object)
    na = grp.isna().to_numpy()
    if na.any() and missing is None:
        ex = ", ".join(str(v) for v in list(g.nodes[na])[:3])
        raise DataError(
            f"{where}: {int(na.sum())} of {g.n_nodes} nodes have no value in the group "
            f"attribute {attr!r} (e.g. {ex}); give --missing-group LABEL to put them in a "
            "group of their own, or complete the node list")
    grp = grp.where(~na, missing).astype(str)
    grp.index = g.nodes
    return grp


def _brokerage_table(g: Any, groups: str | None, missing: str | None = None,
                     where: str = "graph") -> Any:
    import pandas as pd

    import netcrime as nc

    b = nc.brokerage
    cols = {}
    for name in ("constraint", "effective_size", "efficiency", "hierarchy", "ego_betweenness"):
        f = getattr(b, name, None)
        if f is not None:
            cols[name] = f(g)
    df = pd.DataFrame(cols, index=g.nodes)
    if groups is not None:
        grp = _group_labels(g, groups, missing, where)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", nc.NetcrimeWarning)
            gf = b.gould_fernandez(g, groups=grp)
        roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                 "total"]
        for r in roles:
            df[f"gf_{r}"] = gf.nodes[r]
            df[f"gf_z_{r}"] = gf.nodes[f"z_{r}"]
    df.index.name = "node"
    return df


def cmd_analyze(args: argparse.Namespace) -> int:
    g = _read_graph(args.file, args)
    groups, where = args.groups, args.file
    if groups is None:
        for cand in ("stage", "group"):
            if cand in g.node_attrs.columns:
                groups = cand
                where = (f"{args.file} (groups: attribute {cand!r}, picked by default; "
                         "--groups ATTR picks another)")
                break
    out = _out_dir(args.out)
    steps = _progress("analyze")(["centrality", "brokerage"])
    tables = {}
    for step in steps:
        tables[step] = _centrality_table(g) if step == "centrality" else _brokerage_table(
            g, groups, args.missing_group, where)
    cpath, bpath = out / "centrality.csv", out / "brokerage.csv"
    tables["centrality"].to_csv(cpath)
    tables["brokerage"].to_csv(bpath)
    _say(args, f"{args.file}: {g.n_nodes} nodes, {g.n_edges} ties "
               f"({'directed' if g.directed else 'undirected'})")
    cent = tables["centrality"]
    if "betweenness" in cent.columns and len(cent):
        top = cent["betweenness"].sort_values(ascending=False, kind="stable").head(args.top)
        _say(args, f"Top {len(top)} by betweenness:")
        width = max((len(str(node)) for node in top.index), default=1)
        for node, v in top.items():
            _say(args, f"  {node!s:<{width}}  {v:.4g}")
    if groups is not None:
        _say(args, f"Gould–Fernandez brokerage with groups = node attribute {groups!r}"
                   + (f" (nodes without one: group {args.missing_group!r})"
                      if args.missing_group is not None else ""))
    extra = [str(c) for c in g.edge_attrs.columns]
    if extra:
        _say(args, "Tie attributes ignored: " + ", ".join(repr(c) for c in extra)
             + " -- every measure here counts ties, unweighted")
    _say(args, f"Wrote {cpath} and {bpath}")
    return 0


def cmd_disrupt(args: argparse.Namespace) -> int:
    import pandas as pd

    import netcrime as nc

    from . import plot
    from .report import _new_axes

    known = tuple(nc.disruption.STRATEGIES)
    if args.file is None:
        # "--strategy a b FILE": the greedy option list swallowed FILE; take it back when
        # the last word is not a strategy name.
        if len(args.strategy) > 1 and args.strategy[-1] not in (*known, "leaders"):
            args.file = args.strategy.pop()
        else:
            raise UsageError("the following arguments are required: FILE")
    for s in args.strategy:  # before reading the file: a bad name is a usage error (2)
        if s not in known and s != "leaders":
            raise UsageError(f"argument --strategy: invalid choice {s!r} "
                             f"(choose from {', '.join(known)}, leaders)")
    if args.mode == "static" and any(s in ("key_player", "keyplayer") for s in args.strategy):
        raise UsageError("argument --mode: strategy 'key_player' picks one best set and "
                         "scores its member 1 and every other node 0, so a static order "
                         "would be arbitrary after the first removal; use --mode adaptive "
                         "or block with key_player")
    if "brokerage" in args.strategy and args.groups is None:
        raise UsageError("argument --groups: strategy 'brokerage' (Gould–Fernandez total "
                         "brokerage) needs --groups ATTR, the node attribute of the groups")
    _use_agg()
    g = _read_graph(args.file, args)
    if g.n_nodes == 0:
        raise DataError(f"{args.file}: the network has no nodes: nothing to attack")
    max_removals = args.max_removals
    if max_removals is not None and max_removals >= g.n_nodes:
        max_removals = None  # the whole curve
    recovery = None
    if args.recovery is not None:
        recovery = nc.disruption.Recovery(p=args.recovery)
    results = {}
    frames = []
    for s in _progress("strategies")(args.strategy):
        strat: Any = s
        if s == "leaders":
            if "role" not in g.node_attrs.columns:
                raise DataError(f"{args.file}: strategy 'leaders' needs a node attribute "
                                "'role'; the graph has none")
            from .report import RAID_ROLES

            strat = nc.disruption.role_order(list(RAID_ROLES))
        elif s == "brokerage":
            strat = nc.disruption.strategy(
                "brokerage", groups=_group_labels(g, args.groups, args.missing_group,
                                                  args.file))
        res = nc.disruption.attack(g, strategy=strat, mode=args.mode, recovery=recovery,
                                   max_removals=max_removals, rng=args.seed,
                                   metrics=("lcc", "lcc_frac", "n_components"))
        label = s + (" + recovery" if recovery is not None else "")
        results[label] = res
        c = res.curve
        frames.append(pd.DataFrame({
            "strategy": s, "mode": args.mode, "recovery": args.recovery,
            "step": c["step"], "node": c["node"],
            "fraction_removed": c["step"].to_numpy(float) / res.n_nodes,
            "lcc": c["lcc"], "lcc_frac": c["lcc_frac"], "n_components": c["n_components"],
        }))
    out = _out_dir(args.out)
    curves = pd.concat(frames, ignore_index=True)
    cpath = out / "curves.csv"
    curves.to_csv(cpath, index=False)
    ax = _new_axes((9.0, 5.0))
    plot.plot_removal_curves(results, ax=ax, threshold=0.5,
                             title=f"{Path(args.file).name}: disruption ({args.mode})")
    ppath = out / "curves.png"
    ax.figure.savefig(ppath, dpi=120)
    _say(args, f"{args.file}: {g.n_nodes} nodes, {g.n_edges} ties")
    if len(g.edge_attrs.columns):
        _say(args, "Tie attributes ignored: " + ", ".join(repr(str(c)) for c in
                                                        g.edge_attrs.columns)
             + " -- the strategies count ties, unweighted")
    for label, res in results.items():
        half = res.removals_to(0.5)
        steps = int(res.curve["step"].iloc[-1]) if len(res.curve) else 0
        rname = "R" if steps >= res.n_nodes else f"R over the first {steps} removals only"
        _say(args, f"  {label:<28} {rname} = {res.robustness:.3f}   removals to halve the "
                   f"LCC: {half if half is not None else 'never'}"
                   + (" (within the truncated curve)" if half is None and rname != "R"
                      else ""))
    if any(int(r.curve["step"].iloc[-1]) < r.n_nodes for r in results.values() if len(r.curve)):
        _say(args, "  (--max-removals truncates the curves: such R sums the first removals "
                   "over N and is not Schneider's R of the whole attack)")
    _say(args, f"Wrote {cpath} and {ppath}")
    return 0


def cmd_sensitivity(args: argparse.Namespace) -> int:
    import netcrime as nc

    from . import plot
    from .report import _new_axes

    levels = {"tie_missing": args.missing_ties, "node_missing": args.missing_nodes,
              "spurious_ties": args.spurious_ties}
    levels = {k: v for k, v in levels.items() if v}
    if not levels:
        raise UsageError("give at least one of --missing-ties, --missing-nodes, "
                         "--spurious-ties (levels in [0, 1])")
    for m in args.metric:  # before reading the file: a bad name is a usage error (2)
        if m not in (*nc.observation.NODE_METRICS, *nc.observation.GRAPH_STATISTICS):
            raise UsageError(f"argument --metric: invalid choice {m!r} (choose from "
                             f"{', '.join(nc.observation.NODE_METRICS)}, "
                             f"{', '.join(nc.observation.GRAPH_STATISTICS)})")
    _use_agg()
    g = _read_graph(args.file, args)
    if args.groups is not None:  # nodes without a group: refused or --missing-group
        grp = _group_labels(g, args.groups, args.missing_group, args.file)
        na = g.node_attrs.copy()
        na[args.groups] = grp.to_numpy()
        src, dst = g.edge_array()
        g = nc.Graph.from_arrays(g.n_nodes, src, dst, directed=g.directed, nodes=list(g.nodes),
                                 node_attrs=na, edge_attrs=g.edge_attrs, meta=g.meta)
    df = nc.observation.sensitivity(g, metric=list(args.metric), reps=args.reps,
                                    rng=args.seed, groups=args.groups,
                                    progress=sys.stderr.isatty(), **levels)
    out = _out_dir(args.out)
    cpath = out / "sensitivity.csv"
    df.to_csv(cpath, index=False)
    node = df["metric"].isin(nc.observation.NODE_METRICS)
    stat = "spearman" if node.any() else "relative_error"
    ax = _new_axes((8.0, 5.0))
    plot.plot_sensitivity(df[node] if node.any() else df, statistic=stat, ax=ax,
                          title=f"{Path(args.file).name}: sensitivity to imperfect data")
    ppath = out / "sensitivity.png"
    ax.figure.savefig(ppath, dpi=120)
    _say(args, f"{args.file}: {g.n_nodes} nodes, {g.n_edges} ties; {args.reps} replicates "
               "per level")
    cols = [c for c in ("spearman", "top1", "relative_error") if c in df.columns]
    table = df.groupby(["metric", "error", "level"])[cols].mean()
    _say(args, table.to_string(float_format=lambda v: f"{v:.3f}"))
    _say(args, f"Wrote {cpath} and {ppath}")
    return 0


def cmd_datasets(args: argparse.Namespace) -> int:

    import netcrime as nc

    if args.name is None:
        if args.out:
            raise UsageError("argument --out: needs a dataset NAME to export")
        tab = nc.datasets.list_datasets()
        w = max(int(tab["name"].str.len().max()), 4)
        print(f"{'name':<{w}}  {'nodes':>5}  {'edges':>5}  {'dir':<3}  description")
        for r in tab.itertuples(index=False):
            desc = str(r.description)
            desc = desc if len(desc) <= 64 else desc[:63] + "…"
            print(f"{r.name:<{w}}  {r.nodes:>5}  {r.edges:>5}  "
                  f"{'yes' if r.directed else 'no':<3}  {desc}")
        print("\nDescribe one with 'netcrime datasets NAME'; export it with "
              "'netcrime datasets NAME --out FILE'.")
        return 0
    g = nc.datasets.load(args.name)
    meta = g.meta
    if args.out:
        existed = [q for q in _targets(args.out) if q.exists()]
        written = _write_graph(g, args.out)
        _say(args, f"{args.name}: {g.n_nodes} nodes, {g.n_edges} ties -> "
                   + ", ".join(str(p) for p in written))
        if existed:
            _say(args, "Replaced the existing file" + ("s " if len(existed) > 1 else " ")
                 + ", ".join(str(q) for q in existed))
    else:
        print(f"{args.name}: {g.n_nodes} nodes, {g.n_edges} ties "
              f"({'directed' if g.directed else 'undirected'}"
              f"{', weighted' if g.weighted else ''})")
        for key in ("description", "citation", "doi", "source"):
            if meta.get(key):
                print(f"  {key}: {meta[key]}")
        cols = list(g.node_attrs.columns)
        if cols:
            print(f"  node attributes: {', '.join(map(str, cols))}")
    return 0


def _window_name(i: int, w: Any) -> str:
    """File-name-safe name of window ``i`` (its start date, interval start or phase)."""
    import re

    import pandas as pd

    if isinstance(w, pd.Interval):
        w = w.left
    if isinstance(w, pd.Timestamp):
        text = w.strftime("%Y-%m-%d") if w == w.normalize() else w.strftime("%Y-%m-%dT%H%M%S")
    else:
        text = str(w)
    return f"{i + 1:03d}_" + (re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "window")


def _text_times(g: Any) -> Any:
    """The graph with its datetime edge attributes as ISO text (for GraphML)."""
    import pandas as pd

    import netcrime as nc

    ea = g.edge_attrs.copy()
    for c in ea.columns:
        if pd.api.types.is_datetime64_any_dtype(ea[c]):
            ea[c] = ea[c].dt.strftime("%Y-%m-%dT%H:%M:%S")
    src, dst = g.edge_array()
    return nc.Graph.from_arrays(g.n_nodes, src, dst, directed=g.directed, nodes=g.nodes,
                                edge_attrs=ea)


def _snapshot_figure(snaps: Any, metric: str, top: int, path: Path) -> Any:
    import matplotlib.pyplot as plt

    import netcrime as nc

    traj = nc.temporal.trajectory(snaps, metric=metric)
    best = (traj.groupby("node", sort=False)["value"].max()
            .sort_values(ascending=False, kind="stable").head(top).index.tolist())
    fig, ax = plt.subplots(figsize=(10, 5), layout="constrained")
    if len(traj):
        nc.plot.plot_trajectories(traj, nodes=best, ax=ax)
    ax.set_title(f"{metric} of the top {len(best)} actors, window by window")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return traj


def cmd_snapshots(args: argparse.Namespace) -> int:
    import pandas as pd

    import netcrime as nc

    p = Path(args.file)
    if not p.is_file():
        raise DataError(f"{args.file}: no such file")
    if (args.freq is None) == (args.phase is None):
        raise UsageError("give exactly one of --freq (with --time) and --phase")
    try:
        # phone numbers and ids stay text ("+39 ...", "007"): endpoints are read as str
        df = pd.read_csv(p, sep=args.sep, dtype={args.source: str, args.target: str})
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as e:
        raise DataError(f"{args.file}: {e}") from None
    if args.self_loops != "keep" and {args.source, args.target} <= set(df.columns):
        loop = (df[args.source] == df[args.target]).to_numpy()
        if loop.any() and args.self_loops == "error":
            raise DataError(f"{args.file}: {int(loop.sum())} records of a node with itself "
                            f"(first at data row {int(loop.argmax()) + 1}); pass "
                            "--self-loops keep or drop")
        df = df[~loop]
    snaps = nc.events.snapshots(
        df, source=args.source, target=args.target, directed=args.directed, time=args.time,
        freq=args.freq, phase=args.phase, weight=args.weight, aggregate=args.aggregate,
        missing="drop" if args.drop_bad else "error")
    out = _out_dir(args.out)
    (out / "windows").mkdir(parents=True, exist_ok=True)
    rows = []
    for i, (w, g) in enumerate(snaps.items()):
        name = _window_name(i, w)
        if args.format == "graphml":
            f = out / "windows" / f"{name}.graphml"
            nc.io.write(_text_times(g), f)
            files = [f]
        else:
            files = _write_graph(g, str(out / "windows" / name))
        rows.append({"window": w, "nodes": g.n_nodes, "ties": g.n_edges,
                     "records": int(g.edge_attrs["count"].sum()) if g.n_edges else 0,
                     "file": files[0].relative_to(out).as_posix()})
    pd.DataFrame(rows).to_csv(out / "windows.csv", index=False)
    wrote = [out / "windows.csv"]
    if len(snaps) >= 2:
        nc.temporal.turnover(snaps).to_csv(out / "turnover.csv", index=False)
        wrote.append(out / "turnover.csv")
    _use_agg()
    traj = _snapshot_figure(snaps, args.metric, args.top, out / "trajectory.png")
    traj.to_csv(out / "trajectory.csv", index=False)
    wrote += [out / "trajectory.csv", out / "trajectory.png"]
    dropped = snaps.meta["dropped"]
    _say(args, f"{args.file}: {snaps.meta['n_records']} records, {len(snaps.universe)} "
               f"actors, {len(snaps)} windows"
               + (f" ({sum(dropped.values())} bad rows dropped: {dropped})" if dropped else ""))
    _say(args, f"Wrote {len(rows)} window graphs to {out / 'windows'} and "
               + ", ".join(str(x) for x in wrote))
    return 0


def cmd_warmup(args: argparse.Namespace) -> int:
    """Compile (or load from numba's cache) the kernels the commands use, on small graphs."""
    import time

    import netcrime as nc

    t0 = time.perf_counter()
    graphs = [nc.generators.kenney_wheel(core_size=2, n_cells=3, cell_size=4, rng=0),
              nc.generators.kenney_chain(n_groups=2, stage_sizes=2, rng=0)]
    params = {"brokerage": {"groups": "stage"}, "katz_direct": {"alpha": 0.1}}
    for g in graphs:
        _centrality_table(g)
        _brokerage_table(g, "stage", "none")
        na = g.node_attrs.copy()
        na["stage"] = _group_labels(g, "stage", "none", "warmup").to_numpy()
        src, dst = g.edge_array()
        g = nc.Graph.from_arrays(g.n_nodes, src, dst, directed=g.directed, nodes=list(g.nodes),
                                 node_attrs=na, edge_attrs=g.edge_attrs)
        for s in nc.disruption.STRATEGIES:
            for mode in ("adaptive", "static", "block"):
                if s == "key_player" and mode == "static":
                    continue  # refused by disrupt
                nc.disruption.attack(g, strategy=nc.disruption.strategy(s, **params.get(s, {})),
                                     mode=mode, rng=0,
                                     metrics=("lcc", "lcc_frac", "n_components"))
        nc.observation.sensitivity(g, metric=["betweenness", "degree"], reps=2, rng=0,
                                   tie_missing=[0.1])
    _say(args, f"Kernels ready ({time.perf_counter() - t0:.1f} s); later runs load them "
               "from numba's cache.")
    return 0


# --------------------------------------------------------------------------- parser
def cmd_link(args: argparse.Namespace) -> int:
    import pandas as pd

    import netcrime as nc

    p = Path(args.file)
    if not p.exists():
        raise DataError(f"{args.file}: no such file")
    df = pd.read_csv(p, dtype=str, keep_default_na=True)
    res = nc.online.link_traces(df, id_cols=list(args.id), object_col=args.object,
                                max_share=args.max_share)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "operations.csv", out / "sizes.csv", out / "cut.csv"]
    res.table.to_csv(paths[0], index=False)
    res.sizes.to_csv(paths[1], index=False)
    res.cut.to_csv(paths[2], index=False)
    _say(args, f"{args.file}: {len(res.operation)} ads linked into {res.n_operations} "
               f"operations through {', '.join(args.id)}; {len(res.cut)} hub identifiers cut "
               f"(on more than {args.max_share:.0%} of the ads)")
    _say(args, "Wrote " + ", ".join(map(str, paths)))
    return 0


def cmd_groups(args: argparse.Namespace) -> int:
    import netcrime as nc

    g = _read_graph(args.file, args)
    found = nc.groups.detect(g, method=args.method, resolution=args.resolution,
                             rng=args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    table = found.rename_axis("node").to_frame()
    table.to_csv(out / "groups.csv")
    q = nc.groups.modularity(g, groups=found) if g.n_edges else float("nan")
    _use_agg()
    import matplotlib.pyplot as plt

    ax = nc.plot.draw_network(g, color_by=found.astype(str).rename("group"),
                              title=f"{found.nunique()} groups ({args.method})")
    ax.figure.savefig(out / "groups.png", dpi=110)
    plt.close(ax.figure)
    _say(args, f"{args.file}: {g.n_nodes} nodes, {found.nunique()} groups ({args.method}, "
               f"resolution {args.resolution:g}), modularity {q:.3f}")
    _say(args, f"Wrote {out / 'groups.csv'} and {out / 'groups.png'}")
    return 0


def _add_warmup(sub: Any) -> None:
    w = sub.add_parser(
        "warmup", help="compile the numba kernels now (the first run otherwise does it)",
        description="Compile the numba kernels the commands use, on small networks, and "
                    "store them in numba's cache: the first real command otherwise spends "
                    "20 s to a minute compiling. Safe to run again (it loads the cache).")
    w.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    w.set_defaults(func=cmd_warmup)


def _add_demo(sub: Any) -> None:
    d = sub.add_parser(
        "demo", help="build a traditional and an online trafficking network, analyse, attack "
                     "and report",
        description="Build a traditional (wheel) and an online (chain) trafficking network, "
                    "profile them, find brokers and key players, attack them with and "
                    "without recovery, and write a report with figures and CSV tables.")
    d.add_argument("--out", default="netcrime-demo", metavar="DIR",
                   help="output directory (default: ./netcrime-demo)")
    d.add_argument("--seed", type=_int_at_least(0), default=1, help="random seed (default 1)")
    d.add_argument("--format", choices=("md", "html"), default="md",
                   help="report format (default md)")
    d.add_argument("--n", type=_int_at_least(30), default=150,
                   help="approximate size of each network (default 150)")
    d.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    d.set_defaults(func=cmd_demo)


def _add_generate(sub: Any) -> None:
    gp = sub.add_parser(
        "generate", help="generate a wheel, chain or trafficking network to a file",
        description="Generate a network and write it as CSV edge + node lists (OUT_edges.csv, "
                    "OUT_nodes.csv) or, by extension, any netcrime.io format (.dl, .net, "
                    ".graphml).")
    gp.add_argument("form", choices=("wheel", "chain", "trafficking"), help="network form")
    gp.add_argument("--out", metavar="PATH", help="output prefix or file (default: FORM)")
    gp.add_argument("--seed", type=_int_at_least(0), default=None, help="random seed")
    gp.add_argument("--n", type=_int_at_least(2), default=100,
                    help="trafficking: approximate number of persons -- members, victims, "
                         "clients (default 100); online and hybrid modes add their online "
                         "objects (ads, phones, accounts, platforms) on top")
    gp.add_argument("--max-nodes", type=_int_at_least(1), default=10_000_000, metavar="N",
                    help="refuse a network estimated above N nodes or 20 x N ties, before "
                         "allocating anything (default 10,000,000)")
    gp.add_argument("--mode", choices=("traditional", "online", "hybrid"),
                    default="traditional", help="trafficking: network mode")
    gp.add_argument("--core-size", type=_int_at_least(1), default=1, help="wheel: core size")
    gp.add_argument("--cells", type=_int_at_least(0), default=6, help="wheel: number of cells")
    gp.add_argument("--cell-size", type=_int_at_least(1), default=5,
                    help="wheel: members per cell, handler included")
    gp.add_argument("--anonymity", type=_prob, default=1.0,
                    help="wheel: share of workers who do not know the core")
    gp.add_argument("--groups", type=_int_at_least(1), default=1, help="chain: core groups")
    gp.add_argument("--stage-size", type=_int_at_least(1), default=1,
                    help="chain: actors per stage per group")
    gp.add_argument("--cross-group-p", type=_prob, default=0.0,
                    help="chain: probability of a handoff to another group")
    gp.add_argument("--online-share", type=_prob, default=0.0,
                    help="chain: share of online ties")
    gp.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    gp.set_defaults(func=cmd_generate)


def _add_analyze(sub: Any) -> None:
    a = sub.add_parser(
        "analyze", help="centrality and brokerage tables of a network file (CSV)",
        description="Read a network file (format by extension: .csv edge list, .dl, .net, "
                    ".graphml) and write centrality.csv and brokerage.csv.")
    a.add_argument("file", metavar="FILE", help="network file")
    a.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
    a.add_argument("--groups", metavar="ATTR",
                   help="node attribute for Gould–Fernandez roles (default: 'stage' or "
                        "'group' when present)")
    a.add_argument("--top", type=_int_at_least(0), default=10,
                   help="print the top K nodes by betweenness (default 10)")
    _missing_group_flag(a)
    _directed_flags(a)
    a.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    a.set_defaults(func=cmd_analyze)


def _add_disrupt(sub: Any) -> None:
    r = sub.add_parser(
        "disrupt", help="removal curves of attack strategies on a network file (CSV, PNG)",
        description="Attack a network with one or more strategies and write curves.csv and "
                    "curves.png (LCC/LCC0 against the fraction of nodes removed).")
    r.add_argument("file", metavar="FILE", nargs="?", help="network file")
    r.add_argument("--strategy", nargs="+", default=["degree", "betweenness", "random"],
                   metavar="S", help="strategies (netcrime.disruption.STRATEGIES, or "
                                     "'leaders' for a role order); default: degree "
                                     "betweenness random")
    r.add_argument("--mode", choices=("static", "adaptive", "block"), default="adaptive",
                   help="recompute scores never, after every removal, or every 5 "
                        "(default adaptive)")
    r.add_argument("--recovery", type=_prob, default=None, metavar="P",
                   help="rewire orphans with probability P after each removal")
    r.add_argument("--max-removals", type=_int_at_least(1), default=None, metavar="K",
                   help="stop after K removals (R is then over the first K removals "
                        "only, and labelled so)")
    r.add_argument("--seed", type=_int_at_least(0), default=None, help="random seed")
    r.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
    r.add_argument("--groups", metavar="ATTR", default=None,
                   help="node attribute of the groups for strategy brokerage")
    _missing_group_flag(r)
    _directed_flags(r)
    r.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    r.set_defaults(func=cmd_disrupt)


def _add_sensitivity(sub: Any) -> None:
    sv = sub.add_parser(
        "sensitivity", help="how robust a metric is to missing or false data (CSV, PNG)",
        description="Draw observed versions of a network with missing ties, missing nodes "
                    "or spurious ties at the given levels and compare a metric on them "
                    "with its value on the file's network; write sensitivity.csv and "
                    "sensitivity.png.")
    sv.add_argument("file", metavar="FILE", help="network file")
    sv.add_argument("--metric", nargs="+", default=["betweenness"], metavar="M",
                    help="node metrics or graph statistics (netcrime.observation."
                         "NODE_METRICS / GRAPH_STATISTICS); default betweenness")
    sv.add_argument("--missing-ties", nargs="+", type=_prob, default=None, metavar="P",
                    help="levels of tie missingness")
    sv.add_argument("--missing-nodes", nargs="+", type=_prob, default=None, metavar="P",
                    help="levels of node missingness")
    sv.add_argument("--spurious-ties", nargs="+", type=_prob, default=None, metavar="Q",
                    help="levels of false ties (share of the seen ties)")
    sv.add_argument("--reps", type=_int_at_least(1), default=200,
                    help="replicates per level (default 200)")
    sv.add_argument("--groups", metavar="ATTR", default=None,
                    help="node attribute of the groups for metric gould_fernandez")
    sv.add_argument("--seed", type=_int_at_least(0), default=None, help="random seed")
    sv.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
    _missing_group_flag(sv)
    _directed_flags(sv)
    sv.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    sv.set_defaults(func=cmd_sensitivity)


def _add_link(sub: Any) -> None:
    lk = sub.add_parser(
        "link", help="link ads into operations through shared identifiers (CSV)",
        description="Read an ad table (CSV, one row per ad) and link the ads into operations "
                    "through shared identifier values (union-find); identifiers on more "
                    "than --max-share of the ads are cut as hubs. Writes operations.csv "
                    "(object, type, operation), sizes.csv and cut.csv.")
    lk.add_argument("file", metavar="ADS.csv", help="ad table")
    lk.add_argument("--id", nargs="+", required=True, metavar="COL",
                    help="identifier columns (e.g. phone account email)")
    lk.add_argument("--object", metavar="COL", default=None,
                    help="column naming the ad (default: one row per ad)")
    lk.add_argument("--max-share", type=_prob, default=0.2, metavar="P",
                    help="hub guard: identifiers on more than this share of ads do not "
                         "link (default 0.2)")
    lk.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
    lk.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    lk.set_defaults(func=cmd_link)


def _add_groups(sub: Any) -> None:
    gr = sub.add_parser(
        "groups", help="detect the groups of a network file (CSV table and figure)",
        description="Detect cohesive groups (Leiden, Louvain or label propagation) and "
                    "write groups.csv (node, group) and groups.png.")
    gr.add_argument("file", metavar="FILE", help="network file")
    gr.add_argument("--method", choices=("leiden", "louvain", "label_propagation"),
                    default="leiden", help="algorithm (default leiden)")
    gr.add_argument("--resolution", type=float, default=1.0,
                    help="modularity resolution (default 1)")
    gr.add_argument("--seed", type=_int_at_least(0), default=1, help="random seed (default 1)")
    gr.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
    _directed_flags(gr)
    gr.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    gr.set_defaults(func=cmd_groups)


def _add_datasets(sub: Any) -> None:
    ds = sub.add_parser(
        "datasets", help="list the bundled datasets, describe or export one",
        description="Without NAME: list the bundled criminal networks. With NAME: describe "
                    "it, or export it with --out (CSV edge + node lists, or any netcrime.io "
                    "format by extension).")
    ds.add_argument("name", nargs="?", metavar="NAME", help="dataset name")
    ds.add_argument("--out", metavar="FILE", help="export the dataset to FILE")
    ds.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    ds.set_defaults(func=cmd_datasets)


def _add_snapshots(sub: Any) -> None:
    sn = sub.add_parser(
        "snapshots", help="cut call records into time windows: one graph per window, "
                          "turnover, trajectories",
        description="Read call or contact records (CSV, one row per call), cut them into "
                    "windows (--freq with --time, or a --phase column) and write one graph "
                    "per window (DIR/windows/, CSV edge + node lists or GraphML), "
                    "windows.csv, turnover.csv, trajectory.csv and trajectory.png (the "
                    "metric of the top actors). Records are directed (caller -> callee) "
                    "unless --undirected.")
    sn.add_argument("file", metavar="CALLS.csv", help="records, one row per call")
    sn.add_argument("--source", required=True, metavar="COL", help="caller column")
    sn.add_argument("--target", required=True, metavar="COL", help="callee column")
    sn.add_argument("--time", metavar="COL", help="time column (needed with --freq)")
    sn.add_argument("--freq", metavar="OFFSET", help="window length: a fixed pandas offset "
                                                     "such as 7D, 30D, 12h")
    sn.add_argument("--phase", metavar="COL", help="column naming each record's window")
    sn.add_argument("--weight", metavar="COL", help="value column (duration...)")
    sn.add_argument("--aggregate", choices=("count", "sum", "max", "mean"), default="count",
                    help="tie weight: number of records (default) or sum/max/mean of "
                         "--weight")
    sn.add_argument("--undirected", dest="directed", action="store_false",
                    help="merge a -> b and b -> a records into one tie")
    sn.add_argument("--self-loops", choices=LOOP_CHOICES, default="keep",
                    help="records of a number with itself: keep (default), drop or error "
                         "(repeated pairs are merged by --aggregate)")
    sn.add_argument("--format", choices=("csv", "graphml"), default="csv",
                    help="window graph files (default csv)")
    sn.add_argument("--metric", default="degree",
                    help="node metric of the trajectories: degree (default, linear time on "
                         "large call graphs), betweenness, pagerank, ...")
    sn.add_argument("--top", type=_int_at_least(1), default=5,
                    help="actors drawn in trajectory.png (default 5)")
    sn.add_argument("--sep", default=",", help="CSV field separator (default ,)")
    sn.add_argument("--drop-bad", action="store_true",
                    help="drop records with a missing or unparseable time (counted) "
                         "instead of stopping")
    sn.add_argument("--out", default="snapshots", metavar="DIR",
                    help="output directory (default ./snapshots)")
    sn.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    sn.set_defaults(func=cmd_snapshots)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(
        prog=PROG,
        description="Criminal network analysis: demo report, synthetic networks, centrality "
                    "and brokerage tables, disruption curves, bundled datasets.",
        epilog="Exit codes: 0 success, 1 data/graph error, 2 usage error.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_demo(sub)
    _add_generate(sub)
    _add_analyze(sub)
    _add_disrupt(sub)
    _add_sensitivity(sub)
    _add_datasets(sub)
    _add_snapshots(sub)
    _add_link(sub)
    _add_groups(sub)
    _add_warmup(sub)
    return p


def _missing_group_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--missing-group", metavar="LABEL", default=None,
                   help="group of the nodes without a value in the --groups attribute "
                        "(default: refuse such nodes, with their count)")


def _directed_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--directed", dest="directed", action="store_const", const=True,
                   default=None, help="read the file as directed (CSV: required, "
                                      "with --undirected the alternative)")
    g.add_argument("--undirected", dest="directed", action="store_const", const=False,
                   help="read a CSV edge list as undirected (other formats: symmetrise). "
                        "A DL matrix without either flag: undirected when symmetric, else "
                        "directed (a note says which)")
    p.add_argument("--nodes", metavar="FILE", help="CSV node list (column 'node' plus "
                   "attributes); default for X_edges.csv: X_nodes.csv when it exists")
    p.add_argument("--multiedges", choices=MULTIEDGE_CHOICES, default="error",
                   help="a pair given more than once (a -> b twice; a, b then b, a when "
                        "undirected): refuse (error, default), merge the weights (sum, max, "
                        "min, mean), keep one row (first, last), or count the rows into the "
                        "weight (count; mean and count: CSV only)")
    p.add_argument("--self-loops", choices=LOOP_CHOICES, default="keep",
                   help="ties of a node to itself: keep (default), drop or error")


# --------------------------------------------------------------------------- main
def _plain(msg: str) -> str:
    """One line, numpy scalars shown as their values (``0``, not ``np.int64(0)``)."""
    import re

    msg = " ".join(str(msg).split())
    return re.sub(r"np\.(?:u?int\d*|float\d*|str_|bool_?)\(([^()]*)\)", r"\1", msg)


def _error(msg: str) -> None:
    print(f"{PROG}: error: {_plain(_cli_hint(str(msg)))}", file=sys.stderr)


class _CompileNotice:
    """Says once on stderr that numba is compiling: the listener fires only when a kernel
    is really compiled (not when it is loaded from numba's cache)."""

    def __init__(self) -> None:
        self.said = False
        self.listener: Any = None

    def install(self) -> None:
        try:
            from numba.core import event
        except ImportError:  # pragma: no cover
            return
        notice = self

        class _Listener(event.Listener):
            def on_start(self, ev: Any) -> None:
                if not notice.said:
                    notice.said = True
                    print(f"{PROG}: compiling kernels (first run only: 20 s to a minute, "
                          "then numba's cache; 'netcrime warmup' does it ahead)…",
                          file=sys.stderr, flush=True)

            def on_end(self, ev: Any) -> None:
                pass

        self.listener = _Listener()
        event.register("numba:compile", self.listener)

    def remove(self) -> None:
        if self.listener is not None:
            from numba.core import event

            event.unregister("numba:compile", self.listener)
            self.listener = None


def _run(args: argparse.Namespace) -> int:
    """Run the command; warnings are held back and printed (one line each, once) only when
    it succeeds, so an error is never preceded by numpy's RuntimeWarnings."""
    import warnings

    notice = _CompileNotice()
    if not getattr(args, "quiet", False):  # -q: nothing on success
        notice.install()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = int(args.func(args))
    finally:
        notice.remove()
    seen = set()
    for w in caught:
        if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning)):
            continue
        text = f"{w.category.__name__}: {_plain(str(w.message))}"
        if text not in seen:
            seen.add(text)
            print(f"{PROG}: warning: {text}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``netcrime`` command; return its exit code (0 ok, 1 data error, 2 usage).

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).
    """
    from .exceptions import NetcrimeError, ParameterError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help/--version (0) or a usage error (2)
        return int(e.code) if isinstance(e.code, int) else (0 if e.code is None else 2)
    try:
        return _run(args)
    except (UsageError, ParameterError) as e:
        _error(str(e))
        return 2
    except (DataError, NetcrimeError) as e:
        _error(str(e))
        return 1
    except BrokenPipeError:  # output piped into a command that stopped reading (head)
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:  # pragma: no cover
            pass
        return 1
    except OSError as e:
        where = f"{e.filename}: " if getattr(e, "filename", None) else ""
        _error(where + (e.strerror or str(e)))
        return 1
    except UnicodeDecodeError as e:
        _error(f"{getattr(args, 'file', '')}: not a text file ({e.reason})")
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        _error("interrupted")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
