"""The ``netcrime`` command.

::

    netcrime demo [--out DIR] [--seed N] [--format md|html] [--n N]
    netcrime generate {wheel,chain,trafficking} [options] [--out PATH]
    netcrime analyze FILE [--out DIR] [--groups ATTR] [--top K]
    netcrime disrupt FILE --strategy S [S ...] [--mode ...] [--recovery P] [--out DIR]
    netcrime datasets [NAME] [--out FILE]
    netcrime snapshots CALLS.csv --source A --target B --time T --freq 30D --out DIR

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


def _read_graph(path: str, args: argparse.Namespace) -> Any:
    """Read a network file through netcrime.io (format from the extension).

    A CSV edge list needs ``--directed`` or ``--undirected``; its node list is ``--nodes``
    or, for ``X_edges.csv``, the file ``X_nodes.csv`` beside it when that exists.
    """
    import netcrime as nc

    p = Path(path)
    if not p.exists():
        raise DataError(f"{path}: no such file")
    if p.is_dir():
        raise DataError(f"{path}: is a directory, not a network file")
    directed = getattr(args, "directed", None)
    nodes = getattr(args, "nodes", None)
    if p.suffix.lower() == ".csv":
        if directed is None:
            raise UsageError(f"{path} is a CSV edge list, which does not record direction: "
                             "add --directed or --undirected")
        if nodes is None and p.name.endswith("_edges.csv"):
            cand = p.with_name(p.name[: -len("_edges.csv")] + "_nodes.csv")
            if cand.exists():
                nodes = cand
        if nodes is not None and not Path(nodes).exists():
            raise DataError(f"{nodes}: no such file")
        return nc.io.read_csv(p, directed=directed, nodes_path=nodes)
    g = nc.io.read(p)
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


def cmd_generate(args: argparse.Namespace) -> int:
    import netcrime as nc

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
    written = _write_graph(g, out)
    _say(args, f"{args.form}: {g.n_nodes} nodes, {g.n_edges} ties "
               f"({'directed' if g.directed else 'undirected'}) -> "
               + ", ".join(str(p) for p in written))
    if written[0].suffix == ".csv":
        flag = "--directed" if g.directed else "--undirected"
        _say(args, f"Read it back with: netcrime analyze {written[0]} {flag}")
    return 0


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


def _brokerage_table(g: Any, groups: str | None) -> Any:
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
        if groups not in g.node_attrs.columns:
            raise UsageError(
                f"argument --groups: {groups!r} is not a node attribute of the graph "
                f"(attributes: {', '.join(map(str, g.node_attrs.columns)) or 'none'})")
        grp = g.node_attrs[groups].astype(object)
        grp = grp.where(grp.notna(), "none").astype(str)
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
    groups = args.groups
    if groups is None:
        for cand in ("stage", "group"):
            if cand in g.node_attrs.columns:
                groups = cand
                break
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    steps = _progress("analyze")(["centrality", "brokerage"])
    tables = {}
    for step in steps:
        tables[step] = _centrality_table(g) if step == "centrality" else _brokerage_table(
            g, groups)
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
        _say(args, f"Gould–Fernandez brokerage with groups = node attribute {groups!r}")
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
    _use_agg()
    g = _read_graph(args.file, args)
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
        res = nc.disruption.attack(g, strategy=strat, mode=args.mode, recovery=recovery,
                                   max_removals=args.max_removals, rng=args.seed,
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
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    curves = pd.concat(frames, ignore_index=True)
    cpath = out / "curves.csv"
    curves.to_csv(cpath, index=False)
    ax = _new_axes((9.0, 5.0))
    plot.plot_removal_curves(results, ax=ax, threshold=0.5,
                             title=f"{Path(args.file).name}: disruption ({args.mode})")
    ppath = out / "curves.png"
    ax.figure.savefig(ppath, dpi=120)
    _say(args, f"{args.file}: {g.n_nodes} nodes, {g.n_edges} ties")
    for label, res in results.items():
        half = res.removals_to(0.5)
        _say(args, f"  {label:<28} R = {res.robustness:.3f}   removals to halve the LCC: "
                   f"{half if half is not None else 'never'}")
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
    df = nc.observation.sensitivity(g, metric=list(args.metric), reps=args.reps,
                                    rng=args.seed, groups=args.groups,
                                    progress=sys.stderr.isatty(), **levels)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
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
        written = _write_graph(g, args.out)
        _say(args, f"{args.name}: {g.n_nodes} nodes, {g.n_edges} ties -> "
                   + ", ".join(str(p) for p in written))
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
    snaps = nc.events.snapshots(
        df, source=args.source, target=args.target, directed=args.directed, time=args.time,
        freq=args.freq, phase=args.phase, weight=args.weight, aggregate=args.aggregate,
        missing="drop" if args.drop_bad else "error")
    out = Path(args.out)
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
                    help="trafficking: number of nodes (default 100)")
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
                   help="stop after K removals")
    r.add_argument("--seed", type=_int_at_least(0), default=None, help="random seed")
    r.add_argument("--out", default=".", metavar="DIR", help="output directory (default .)")
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
    return p


def _directed_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--directed", dest="directed", action="store_const", const=True,
                   default=None, help="read a CSV edge list as directed (CSV: required, "
                                      "with --undirected the alternative)")
    g.add_argument("--undirected", dest="directed", action="store_const", const=False,
                   help="read a CSV edge list as undirected (other formats: symmetrise)")
    p.add_argument("--nodes", metavar="FILE", help="CSV node list (column 'node' plus "
                   "attributes); default for X_edges.csv: X_nodes.csv when it exists")


# --------------------------------------------------------------------------- main
def _error(msg: str) -> None:
    msg = " ".join(str(msg).split())  # one line
    print(f"{PROG}: error: {msg}", file=sys.stderr)


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
        return int(args.func(args))
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
