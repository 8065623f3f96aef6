"""The demo report: a traditional and an online trafficking network, side by side.

:func:`run_demo` is what ``netcrime demo`` runs. It

1. builds a *traditional* (Kenney wheel: a core commanding stage-wise cells) and an *online*
   (Kenney chain: core groups handing victims stage to stage, with an online layer)
   trafficking network with :func:`netcrime.generators.trafficking_network`;
2. profiles them on the secrecy/efficiency plane (:func:`netcrime.covert.compare_profiles`);
3. finds their brokers (Gould–Fernandez roles with the stage as the group,
   :func:`netcrime.brokerage.gould_fernandez`) and their key players
   (:func:`netcrime.keyplayer.key_players`);
4. attacks each network three ways -- *leaders first* (a raid on the core:
   :func:`netcrime.disruption.role_order`), *betweenness* (adaptive) and *random* -- with and
   without Duijn-style recovery (:class:`netcrime.disruption.Recovery`);
5. writes a Markdown or HTML report, PNG figures and CSV tables, and returns a
   :class:`DemoResult` whose :attr:`~DemoResult.summary` is the short text the command prints.

Every random step is seeded with the one ``seed``: both networks are built with
``rng=seed``, every attack runs with ``rng=seed``; so the numbers of a report can be
reproduced with the library calls listed at its end.
"""

from __future__ import annotations

import html
import math
import os
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_choice, check_int, param_error
from .exceptions import NetcrimeWarning

__all__ = ["DemoResult", "build_demo", "run_demo", "write_report"]

#: Order in which the leaders-first strategy removes roles (the raid on the core).
RAID_ROLES: tuple[str, ...] = ("leader", "coordinator", "handler", "broker")
#: Rewiring probability of the recovery model used by the demo.
RECOVERY_P = 0.5
#: Betweenness is recomputed every BLOCK removals (Cavallaro et al. 2020 use blocks of 5).
BLOCK = 5
#: The profile columns shown in the report.
PROFILE_SHOWN = (
    "n_nodes", "n_edges", "density", "components", "degree_centralization",
    "betweenness_centralization", "mean_path_length", "efficiency", "information",
    "secrecy_s1", "tradeoff_s1", "wheel_chain_score",
)
MODES = {"traditional": "wheel", "online": "chain"}


@dataclass
class DemoResult:
    """Everything the demo computed (tables are tidy DataFrames, figures are files).

    Attributes
    ----------
    seed, n : int
        The seed and the requested size of each network.
    full : dict name -> Graph
        The generated networks ``"traditional"`` and ``"online"`` (members, victims,
        clients and, online, accounts, ads, phones and platforms).
    networks : dict name -> Graph
        Their organisations (:func:`organisation`: members and online objects, without
        victims and clients); everything below is computed on these.
    profiles : DataFrame
        :func:`netcrime.covert.compare_profiles` of the two networks (one row each).
    brokers : DataFrame
        Top brokers among the members (:func:`members`) of each network: ``network,
        node, role, stage, group`` and the Gould–Fernandez counts (groups = stage; members
        without a stage form the group ``"none"``; undirected ties read as mutual arcs).
    broker_concentration : dict name -> float
        Share of all brokered two-paths (Gould–Fernandez total) held by the top broker.
    key_players : DataFrame
        ``network, rank, node, set_fragmentation, role, stage`` of the key-player set
        (k = 5, Borgatti's fragmentation objective, ``rng=seed``) of each network.
    attacks : dict (network, strategy, recovery: bool) -> AttackResult
    robustness : DataFrame
        One row per attack: ``network, strategy, recovery, robustness`` (Schneider's R
        summed over the recorded first half of the attack: ``(1/N) sum_{q<=N/2} s(q)``),
        ``core_size`` (the command structure: nodes whose role is in :data:`RAID_ROLES`),
        ``lcc_frac_after_core`` (LCC/LCC₀ after ``core_size`` removals, i.e. once the
        leaders-first attack has removed the whole command structure) and
        ``removals_to_half`` (fewest removals leaving at most half of the largest
        component; NaN if never).
    curves : DataFrame
        Tidy curves: ``network, strategy, recovery, step, fraction_removed, lcc, lcc_frac``.
    summary : str
        The short text ``netcrime demo`` prints.
    files : dict name -> Path
        Files written by :func:`write_report` (empty until then).
    """

    seed: int
    n: int
    full: dict[str, Any]
    networks: dict[str, Any]
    profiles: pd.DataFrame
    brokers: pd.DataFrame
    broker_concentration: dict[str, float]
    key_players: pd.DataFrame
    attacks: dict[tuple[str, str, bool], Any]
    robustness: pd.DataFrame
    curves: pd.DataFrame
    summary: str = ""
    files: dict[str, Path] = field(default_factory=dict)


# --------------------------------------------------------------------------- computing
def _stage_groups(g: Any) -> pd.Series:
    """The stage of every node, ``"none"`` where missing (leaders, platforms ...)."""
    st = g.node_attrs["stage"].astype(object)
    return st.where(st.notna(), "none").astype(str).rename("stage")


def _attr_or_missing(g: Any, name: str) -> pd.Series:
    na = g.node_attrs
    if name in na.columns:
        return na[name]
    return pd.Series([None] * g.n_nodes, index=g.nodes, dtype=object)


def demo_strategies() -> dict[str, Any]:
    """The three attacks of the demo: ``{label: (strategy, mode)}``."""
    from . import disruption

    return {
        "leaders first": (disruption.role_order(list(RAID_ROLES)), "static"),
        "betweenness": ("betweenness", "block"),
        "random": ("random", "static"),
    }


def _tasks(networks: Mapping[str, Any]) -> list[tuple[str, str, bool]]:
    return [(net, s, rec) for net in networks for s in demo_strategies() for rec in (False, True)]


def build_demo(
    *,
    seed: int = 1,
    n: int = 150,
    progress: Callable[[Any], Any] | None = None,
) -> DemoResult:
    """Build the two networks and compute everything the report shows.

    Parameters
    ----------
    seed : int >= 0
        The one seed (networks, random attack, recovery).
    n : int >= 30
        Size passed to :func:`~netcrime.generators.trafficking_network` for each network.
    progress : callable, optional
        Wraps the list of attacks (e.g. ``tqdm.tqdm``); None: no progress bar.

    Returns
    -------
    DemoResult
    """
    from . import brokerage, covert, disruption, generators, keyplayer

    func = "build_demo"
    seed = check_int(seed, func=func, param="seed", min=0)
    n = check_int(n, func=func, param="n", min=30)
    full = {
        mode: generators.trafficking_network(n=n, kind=mode, rng=seed) for mode in MODES
    }
    networks = {mode: organisation(g) for mode, g in full.items()}
    profiles = covert.compare_profiles(networks)
    profiles.index.name = "network"

    # brokers: Gould–Fernandez with the stage as group
    rows = []
    concentration: dict[str, float] = {}
    for name, org in networks.items():
        g = members(org)  # brokers are people: GF among the members
        with warnings.catch_warnings():  # undirected: read as a mutual digraph, as sna does
            warnings.simplefilter("ignore", NetcrimeWarning)
            gf = brokerage.gould_fernandez(g, groups=_stage_groups(g))
        counts = gf.nodes[["coordinator", "itinerant", "representative", "gatekeeper",
                           "liaison", "total"]]
        tot = float(counts["total"].sum())
        concentration[name] = float(counts["total"].max()) / tot if tot > 0 else math.nan
        top = counts.sort_values("total", ascending=False, kind="stable").head(10)
        top = top[top["total"] > 0]
        for node, r in top.iterrows():
            rows.append({
                "network": name, "node": node,
                "role": _attr_or_missing(g, "role").loc[node],
                "stage": _attr_or_missing(g, "stage").loc[node],
                "group": _attr_or_missing(g, "group").loc[node],
                **{k: float(v) for k, v in r.items()},
            })
    brokers = pd.DataFrame(rows)

    # key players
    rows = []
    for name, g in networks.items():
        kp, value = _key_player_set(keyplayer, g, seed)
        for rank, node in enumerate(kp, start=1):
            rows.append({"network": name, "rank": rank, "node": node,
                         "set_fragmentation": value,
                         "role": _attr_or_missing(g, "role").loc[node],
                         "stage": _attr_or_missing(g, "stage").loc[node]})
    key_players = pd.DataFrame(rows)

    # attacks
    strategies = demo_strategies()
    tasks = _tasks(networks)
    it = progress(tasks) if progress is not None else tasks
    attacks: dict[tuple[str, str, bool], Any] = {}
    for net, label, rec in it:
        strat, mode = strategies[label]
        recovery = disruption.Recovery(p=RECOVERY_P, replacement="random") if rec else None
        attacks[(net, label, rec)] = disruption.attack(
            networks[net], strategy=strat, mode=mode, block_size=BLOCK, recovery=recovery, rng=seed,
            max_removals=networks[net].n_nodes // 2, metrics=("lcc", "lcc_frac"),
        )
    rob_rows = []
    curve_frames = []
    for (net, label, rec), res in attacks.items():
        g = networks[net]
        core = command_size(g)
        c = res.curve
        after = c.loc[c["step"] == core, "lcc_frac"]
        half = res.removals_to(0.5)
        rob_rows.append({
            "network": net, "strategy": label, "recovery": rec,
            "robustness": res.robustness, "core_size": core,
            "lcc_frac_after_core": float(after.iloc[0]) if len(after) else math.nan,
            "removals_to_half": float(half) if half is not None else math.nan,
        })
        curve_frames.append(pd.DataFrame({
            "network": net, "strategy": label, "recovery": rec,
            "step": c["step"].to_numpy(),
            "fraction_removed": c["step"].to_numpy(float) / res.n_nodes,
            "lcc": c["lcc"].to_numpy(), "lcc_frac": c["lcc_frac"].to_numpy(float),
        }))
    robustness = pd.DataFrame(rob_rows)
    curves = pd.concat(curve_frames, ignore_index=True)
    result = DemoResult(seed=seed, n=n, full=full, networks=networks, profiles=profiles,
                        brokers=brokers, broker_concentration=concentration,
                        key_players=key_players, attacks=attacks,
                        robustness=robustness, curves=curves)
    result.summary = _summary(result)
    return result


def _key_player_set(keyplayer: Any, g: Any, seed: int, k: int = 5) -> tuple[list, float]:
    """The demo's key-player set: k nodes whose removal fragments the network most, and the
    fragmentation of the rest."""
    res = keyplayer.key_players(g, k=k, objective="fragmentation", rng=seed)
    return list(res.players), float(res.value)


def _raid(result: DemoResult, net: str, rec: bool) -> float:
    r = result.robustness
    row = r[(r["network"] == net) & (r["strategy"] == "leaders first") & (r["recovery"] == rec)]
    return float(row["lcc_frac_after_core"].iloc[0])


def _summary(result: DemoResult) -> str:
    lines = [f"netcrime demo (seed {result.seed}, n={result.n})"]
    surv = {}
    for net, form in MODES.items():
        g = result.networks[net]
        core = int(result.robustness.loc[result.robustness["network"] == net,
                                         "core_size"].iloc[0])
        a, b = _raid(result, net, False), _raid(result, net, True)
        surv[net] = a
        lines.append(
            f"  {net} ({form}): organisation of {g.n_nodes} nodes, {g.n_edges} ties; "
            f"command structure {core} node{'s' if core != 1 else ''}. After the raid on it "
            "the largest component "
            f"keeps {a:.0%} of its size ({b:.0%} with recovery p={RECOVERY_P:g})."
        )
    best = max(surv, key=surv.get)
    worst = min(surv, key=surv.get)
    if math.isclose(surv[best], surv[worst], abs_tol=0.05):
        lines.append("  => Both networks react alike to the raid on their core.")
    else:
        lines.append(f"  => The {best} network survives the raid on its core; the {worst} "
                     "network falls apart.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- writing
def command_size(g: Any) -> int:
    """Number of nodes of the command structure (role in :data:`RAID_ROLES`)."""
    return int(g.node_attrs["role"].astype(str).isin(RAID_ROLES).sum())


def organisation(g: Any) -> Any:
    """The organisation with its online objects; see :func:`netcrime.generators.organisation`."""
    from .generators import organisation as _organisation

    return _organisation(g)


def members(g: Any) -> Any:
    """The organisation's persons; see :func:`netcrime.generators.members`."""
    from .generators import members as _members

    return _members(g)


def _new_axes(figsize: tuple[float, float], *, polar: bool = False) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    return fig.add_subplot(projection="polar" if polar else None)


def _save(ax: Any, path: Path) -> Path:
    ax.figure.savefig(path, dpi=120)
    return path


def make_figures(result: DemoResult, out: Path) -> dict[str, Path]:
    """Write the demo's PNG figures into ``out/figures`` and return their paths."""
    from . import plot

    figdir = out / "figures"
    figdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for net, form in MODES.items():
        g = members(result.full[net])
        ax = _new_axes((9.0, 6.5))
        plot.draw_network(g, ax=ax, color_by="role", labels=0,
                          title=f"{net.capitalize()} network ({form}): the "
                                f"{g.n_nodes} members")
        files[f"network_{net}"] = _save(ax, figdir / f"network_{net}.png")
        ax = _new_axes((9.0, 5.0))
        curves = {}
        for (nname, label, rec), res in result.attacks.items():
            if nname == net:
                curves[label + (" + recovery" if rec else "")] = res
        plot.plot_removal_curves(curves, ax=ax, threshold=0.5,
                                 title=f"{net.capitalize()} network under attack")
        files[f"removal_{net}"] = _save(ax, figdir / f"removal_{net}.png")
        sub = result.brokers[result.brokers["network"] == net]
        if len(sub):
            ax = _new_axes((9.0, 5.0))
            tab = sub.set_index("node")
            labels = {k: f"{k} ({r})" for k, r in tab["role"].items()}
            plot.plot_brokerage_profile(
                tab, ax=ax, labels=labels,
                title=f"{net.capitalize()} network: top brokers between stages")
            files[f"brokers_{net}"] = _save(ax, figdir / f"brokers_{net}.png")
    ax = _new_axes((9.0, 6.0))
    shown = [c for c in PROFILE_SHOWN if c not in ("n_nodes", "n_edges", "components")]
    plot.plot_profiles(result.profiles, ax=ax, measures=shown,
                       title="Traditional vs online: network profiles")
    files["profiles"] = _save(ax, figdir / "profiles.png")
    return files


def write_tables(result: DemoResult, out: Path) -> dict[str, Path]:
    """Write the demo's CSV tables into ``out/tables`` and return their paths."""
    tdir = out / "tables"
    tdir.mkdir(parents=True, exist_ok=True)
    files = {}
    items = {
        "profiles": result.profiles,
        "brokers": result.brokers,
        "key_players": result.key_players,
        "robustness": result.robustness,
        "curves": result.curves,
    }
    for name, df in items.items():
        path = tdir / f"{name}.csv"
        df.to_csv(path, index=(name == "profiles"))
        files[f"table_{name}"] = path
    for net, g in result.full.items():
        p = tdir / f"{net}_edges.csv"
        g.to_pandas().to_csv(p, index=False)
        files[f"table_{net}_edges"] = p
        p = tdir / f"{net}_nodes.csv"
        g.node_attrs.rename_axis("node").to_csv(p)
        files[f"table_{net}_nodes"] = p
    return files


def _fmt(v: Any) -> str:
    if isinstance(v, (bool, np.bool_)):
        return "yes" if v else "no"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return "–"
        if float(v).is_integer() and abs(v) < 1e6:
            return str(int(v))
        return f"{v:.3f}"
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    try:
        if pd.isna(v):
            return "–"
    except (TypeError, ValueError):
        pass
    return str(v)


def _md_table(df: pd.DataFrame, *, index: bool = False) -> str:
    d = df.reset_index() if index else df
    head = "| " + " | ".join(str(c) for c in d.columns) + " |"
    sep = "|" + "|".join("---" for _ in d.columns) + "|"
    body = ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in d.itertuples(index=False)]
    return "\n".join([head, sep, *body])


def _html_table(df: pd.DataFrame, *, index: bool = False) -> str:
    d = df.reset_index() if index else df
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in d.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_fmt(v))}</td>" for v in row) + "</tr>"
        for row in d.itertuples(index=False)
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>"


def _composition(result: DemoResult) -> pd.DataFrame:
    rows = {}
    for net, g in result.full.items():
        na = g.node_attrs
        kind = na["kind"].astype(str) if "kind" in na.columns else pd.Series("person",
                                                                             index=na.index)
        tier = na["tier"]
        rows[net] = {
            "nodes": g.n_nodes, "ties": g.n_edges,
            "members": int((tier.between(0, 2) & (kind == "person")).sum()),
            "leaders": int((na["role"].astype(str) == "leader").sum()),
            "victims": int(tier.eq(3).sum()),
            "clients": int(tier.eq(4).sum()),
            "online objects": int((kind != "person").sum()),
            "groups": int(na["group"][na["group"] >= 0].nunique()),
            "organisation": f"{result.networks[net].n_nodes} nodes, "
                            f"{result.networks[net].n_edges} ties",
        }
    return pd.DataFrame(rows).T.rename_axis("network").reset_index()


def _reproduce(result: DemoResult) -> str:
    return f"""import netcrime as nc
seed, n = {result.seed}, {result.n}
nets = {{m: nc.generators.organisation(nc.generators.trafficking_network(n=n, kind=m, rng=seed))
        for m in ("traditional", "online")}}
profiles = nc.covert.compare_profiles(nets)
g = nets["traditional"]
raid = nc.disruption.role_order({list(RAID_ROLES)!r})
res = nc.disruption.attack(g, strategy=raid, rng=seed, max_removals=g.n_nodes // 2,
                           metrics=("lcc", "lcc_frac"))
healed = nc.disruption.attack(g, strategy=raid, rng=seed, max_removals=g.n_nodes // 2,
                              metrics=("lcc", "lcc_frac"),
                              recovery=nc.disruption.Recovery(p={RECOVERY_P:g}))
res.robustness, healed.robustness"""


def _sections(result: DemoResult, files: Mapping[str, Path], out: Path) -> list[tuple]:
    """The report as (kind, payload) blocks, rendered by the Markdown and HTML writers."""

    def rel(key: str) -> str:
        return Path(os.path.relpath(files[key], out)).as_posix()

    prof = result.profiles[[c for c in PROFILE_SHOWN if c in result.profiles.columns]].T
    prof.index.name = "measure"
    rob = result.robustness.copy()
    rob["recovery"] = rob["recovery"].map({True: f"p={RECOVERY_P:g}", False: "none"})
    blocks: list[tuple] = [
        ("h1", "netcrime demo: a traditional and an online trafficking network"),
        ("p", f"Seed {result.seed}; each network built with "
              f"`trafficking_network(n={result.n}, kind=..., rng={result.seed})`."),
        ("h2", "Summary"),
        ("pre", result.summary),
        ("h2", "1. The two networks"),
        ("p", "The traditional network is a Kenney wheel: a core of leaders commands "
              "stage-wise cells through their handlers, and most workers never meet the "
              "core. The online network is a chain: core groups pass victims stage to stage "
              "and advertise them online; nobody commands from the centre."),
        ("p", "Everything below is computed on each network's *organisation*: its members "
              "and the online objects they use (accounts, ads, phones, platforms), without "
              "victims and clients -- they are not the targets of a disruption, and shared "
              "victims would otherwise tie the cells together. The figures show the members "
              "only, for legibility."),
        ("table", _composition(result), False),
        ("img", rel("network_traditional"), "traditional network"),
        ("img", rel("network_online"), "online network"),
        ("h2", "2. Network profiles"),
        ("p", "Centralization, path length and Lindelauf's information/secrecy place each "
              "network on the efficiency/security plane; a positive wheel-chain score means "
              "hub-and-spoke, a negative one a long chain."),
        ("table", prof, True),
        ("img", rel("profiles"), "profiles"),
        ("h2", "3. Brokers between stages (Gould–Fernandez)"),
        ("p", "Among the members (persons of the organisation), with the trafficking stages "
              "as groups: a gatekeeper takes people into its stage, a representative hands "
              "them on, a liaison links two other stages; members without a stage "
              "(leaders, brokers) form the group 'none'. Undirected ties are read as mutual "
              "arcs, as R sna does."),
        ("p", "The top broker holds "
              + " and ".join(f"{v:.0%} of all brokered two-paths in the {k} network"
                             for k, v in result.broker_concentration.items()) + "."),
        ("table", result.brokers, False),
    ]
    for net in MODES:
        if f"brokers_{net}" in files:
            blocks.append(("img", rel(f"brokers_{net}"), f"brokers {net}"))
    blocks += [
        ("h2", "4. Key players"),
        ("p", "The set of five nodes whose joint removal fragments the network most "
              "(Borgatti's key-player problem)."),
        ("table", result.key_players, False),
        ("h2", "5. Disruption, with and without recovery"),
        ("p", "Leaders first removes every leader, then coordinators, handlers and brokers "
              f"(highest degree first); betweenness is recomputed every {BLOCK} removals; "
              "every attack stops when half of the nodes are gone; "
              f"recovery rewires each orphaned contact with probability {RECOVERY_P:g} to "
              "someone holding the removed actor's role (Duijn et al. 2014). "
              "`lcc_frac_after_core` is LCC/LCC₀ once the command structure (`core_size` "
              "leaders, coordinators, handlers and brokers) has been removed; after it the "
              "leaders-first attack goes on by degree, which in the online network soon hits "
              "the platforms that its online layer hangs on. R is Schneider's robustness "
              "over that first half, (1/N) Σ_{q ≤ N/2} LCC(q)/N."),
        ("table", rob, False),
        ("img", rel("removal_traditional"), "traditional network under attack"),
        ("img", rel("removal_online"), "online network under attack"),
        ("h2", "Files"),
        ("p", "CSV tables: " + ", ".join(
            f"`{rel(k)}`" for k in files if str(files[k]).endswith(".csv"))),
        ("h2", "Reproduce"),
        ("code", _reproduce(result)),
    ]
    return blocks


def _render_md(blocks: list[tuple]) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "h1":
            out.append(f"# {b[1]}")
        elif kind == "h2":
            out.append(f"## {b[1]}")
        elif kind == "p":
            out.append(b[1])
        elif kind == "pre":
            out.append("```text\n" + b[1] + "\n```")
        elif kind == "code":
            out.append("```python\n" + b[1] + "\n```")
        elif kind == "table":
            out.append(_md_table(b[1], index=b[2]))
        elif kind == "img":
            out.append(f"![{b[2]}]({b[1]})")
    return "\n\n".join(out) + "\n"


_CSS = """body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;
color:#222}table{border-collapse:collapse;margin:1em 0;font-size:.9em}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f2f2f2}
img{max-width:100%;display:block;margin:1em 0}pre{background:#f6f6f6;padding:1em;
overflow-x:auto}"""


def _render_html(blocks: list[tuple]) -> str:
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'>",
           "<title>netcrime demo</title>", f"<style>{_CSS}</style></head><body>"]
    for b in blocks:
        kind = b[0]
        if kind in ("h1", "h2"):
            out.append(f"<{kind}>{html.escape(b[1])}</{kind}>")
        elif kind == "p":
            text = html.escape(b[1])
            parts = text.split("`")
            text = "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
            text = re.sub(r"\*([^*\s][^*]*)\*", r"<em>\1</em>", text)
            out.append(f"<p>{text}</p>")
        elif kind in ("pre", "code"):
            out.append(f"<pre>{html.escape(b[1])}</pre>")
        elif kind == "table":
            out.append(_html_table(b[1], index=b[2]))
        elif kind == "img":
            out.append(f"<a href='{html.escape(b[1])}'><img src='{html.escape(b[1])}' "
                       f"alt='{html.escape(b[2])}'></a>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_report(result: DemoResult, out: str | os.PathLike, *, format: str = "md") -> Path:
    """Write figures, tables and the report (``report.md`` or ``report.html``) into ``out``.

    Returns the report's path; ``result.files`` lists every file written.
    """
    func = "write_report"
    check_choice(format, ("md", "html"), func=func, param="format")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise param_error(func, "out", "a directory (or a path that does not exist yet)",
                          str(out))
    out.mkdir(parents=True, exist_ok=True)
    files = {**make_figures(result, out), **write_tables(result, out)}
    blocks = _sections(result, files, out)
    report = out / f"report.{format}"
    text = _render_md(blocks) if format == "md" else _render_html(blocks)
    report.write_text(text, encoding="utf-8")
    files["report"] = report
    result.files = files
    return report


def run_demo(
    out: str | os.PathLike = "netcrime-demo",
    *,
    seed: int = 1,
    n: int = 150,
    format: str = "md",
    progress: Callable[[Any], Any] | None = None,
) -> DemoResult:
    """Build the demo (:func:`build_demo`) and write its report (:func:`write_report`)."""
    check_choice(format, ("md", "html"), func="run_demo", param="format")
    if Path(out).exists() and not Path(out).is_dir():
        raise param_error("run_demo", "out", "a directory (or a path that does not exist yet)",
                          str(out))
    result = build_demo(seed=seed, n=n, progress=progress)
    write_report(result, out, format=format)
    return result
