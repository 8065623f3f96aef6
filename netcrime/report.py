"""The demo report: a traditional and an online trafficking network, side by side.

:func:`run_demo` is what ``netcrime demo`` runs. It

1. builds a *traditional* (Kenney wheel: a core commanding stage-wise cells) and an *online*
   (Kenney chain: core groups handing victims stage to stage, with an online layer)
   trafficking network with :func:`netcrime.generators.trafficking_network`, and keeps the
   *persons* of each organisation (:func:`netcrime.generators.members`); the online objects
   (accounts, ads, phones, platforms) are analysed apart, as the things one can block;
2. profiles the two person networks (:func:`netcrime.covert.compare_profiles`);
3. finds their brokers (Gould–Fernandez roles with the stage as the group,
   :func:`netcrime.brokerage.gould_fernandez`) and key players
   (:func:`netcrime.keyplayer.key_players`);
4. attacks each person network three ways -- *command first* (leaders, coordinators,
   handlers, brokers, then by degree: :func:`netcrime.disruption.role_order`), *betweenness*
   (recomputed after every removal) and *random* -- with and without Duijn-style recovery,
   and compares them at one raid budget, the same share :data:`RAID_SHARE` of the persons
   of each network;
5. asks what the police *see*: a wiretap snowball (:func:`netcrime.observation.observe`)
   grown from each operational member in turn (the arrested member and everyone they talk
   to are tapped), and what a betweenness raid of the same budget planned on that picture
   does to the true network;
6. writes a Markdown or HTML report, PNG figures and CSV tables, and returns a
   :class:`DemoResult`. Every sentence of its conclusion (:attr:`DemoResult.conclusion`) is
   written from the report's own tables by explicit comparisons.

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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_choice, check_int, param_error
from .exceptions import NetcrimeWarning

__all__ = ["DemoResult", "build_demo", "run_demo", "write_report"]

#: Order in which the command-first strategy removes roles (the raid on the command structure).
RAID_ROLES: tuple[str, ...] = ("leader", "coordinator", "handler", "broker")
#: The raid budget: this share of the persons of each network (rounded, at least 1).
RAID_SHARE = 0.25
#: Rewiring probability of the recovery model used by the demo.
RECOVERY_P = 0.5
#: Waves of the wiretap snowball: 2 = the arrested member and everyone they talk to.
WAVES = 2
#: A difference of less than this (in shares) is reported as "alike".
MARGIN = 0.10
#: The profile columns shown in the report (the wheel-chain score is left out: on the
#: chain's disconnected persons it is undefined).
PROFILE_SHOWN = (
    "n_nodes", "n_edges", "density", "components", "degree_centralization",
    "betweenness_centralization", "mean_path_length", "efficiency", "information",
    "secrecy_s1", "tradeoff_s1",
)
MODES = {"traditional": "wheel", "online": "chain"}
#: Labels of the three attacks.
STRATEGIES = ("command first", "betweenness", "random")


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
        The persons of each organisation (:func:`members`: members without victims,
        clients and online objects); everything below but :attr:`online_objects` is
        computed on these.
    profiles : DataFrame
        :func:`netcrime.covert.compare_profiles` of the two person networks.
    online_objects : DataFrame
        Per network: ``persons``, the online objects by kind (``account, ad, phone,
        platform``), ``lcc0_share`` (largest connected group of persons / persons) and
        ``lcc_share_with_objects`` (persons in the largest component of the organisation
        *with* its online objects / persons).
    brokers : DataFrame
        Top brokers of each network: ``network, node, role, stage``, the Gould–Fernandez
        counts and ``z_total`` (groups = stage; persons without a stage form the group ``"none"``;
        undirected ties read as mutual arcs, so gatekeeper = representative).
    brokers_by_stage : DataFrame
        The Gould–Fernandez counts summed per ``network, stage`` (with ``persons``).
    broker_concentration : dict name -> float
        Share of all brokered two-paths (Gould–Fernandez total) held by the top broker.
    key_players : DataFrame
        ``network, rank, node, set_fragmentation, role, stage`` of the key-player set
        (k = 5, Borgatti's fragmentation objective, ``rng=seed``) of each network.
    attacks : dict (network, strategy, recovery: bool) -> AttackResult
    robustness : DataFrame
        One row per attack: ``network, strategy, recovery, persons, budget_removals``
        (the raid budget ``k``), ``budget_share`` (k / persons), ``command_size`` (persons
        whose role is in :data:`RAID_ROLES`), ``lcc0_share`` (LCC₀ / persons),
        ``robustness`` (Schneider's R over the recorded first half,
        ``(1/N) sum_{q<=N/2} LCC(q)/N``), ``lcc_share_after_budget`` (LCC / persons after
        k removals), ``lcc_frac_after_budget`` (LCC / LCC₀ after k removals) and
        ``removals_to_half`` (fewest removals leaving at most half of LCC₀; NaN if never).
    observation : DataFrame
        Per network: ``arrests`` (operational members, each taken once as the arrested
        member), ``waves``, ``observed_share_mean/min/max`` (persons observed / persons),
        ``budget_removals``, ``lcc_frac_observed_plan`` (mean LCC / LCC₀ of the true network
        after a betweenness raid of the budget planned on the observed network) and
        ``lcc_frac_truth_plan`` (the same raid planned on the whole network: the
        betweenness row of :attr:`robustness`).
    curves : DataFrame
        Tidy curves: ``network, strategy, recovery, step, node, fraction_removed, lcc,
        lcc_share, lcc_frac``.
    conclusion : list of str
        The conclusion's sentences, each written from the tables above.
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
    online_objects: pd.DataFrame
    brokers: pd.DataFrame
    brokers_by_stage: pd.DataFrame
    broker_concentration: dict[str, float]
    key_players: pd.DataFrame
    attacks: dict[tuple[str, str, bool], Any]
    robustness: pd.DataFrame
    observation: pd.DataFrame
    curves: pd.DataFrame
    conclusion: list[str] = field(default_factory=list)
    summary: str = ""
    files: dict[str, Path] = field(default_factory=dict)


# --------------------------------------------------------------------------- computing
_GF_COLS = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")


def _stage_groups(g: Any) -> pd.Series:
    """The stage of every node, ``"none"`` where missing (leaders, forgers ...)."""
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
        "command first": (disruption.role_order(list(RAID_ROLES)), "static"),
        "betweenness": ("betweenness", "adaptive"),
        "random": ("random", "static"),
    }


def _tasks(networks: Mapping[str, Any]) -> list[tuple[str, str, bool]]:
    return [(net, s, rec) for net in networks for s in demo_strategies() for rec in (False, True)]


def raid_budget(n_persons: int) -> int:
    """The raid budget: ``round(RAID_SHARE * n_persons)``, at least 1."""
    return max(1, round(RAID_SHARE * n_persons))


def _lcc(n: int, src: np.ndarray, dst: np.ndarray, alive: np.ndarray) -> int:
    """Largest connected component among the ``alive`` nodes (scipy, undirected)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    keep = alive[src] & alive[dst]
    a = coo_matrix((np.ones(int(keep.sum())), (src[keep], dst[keep])), shape=(n, n))
    _, lab = connected_components(a, directed=False)
    lab = lab[alive]
    return int(np.bincount(lab).max()) if lab.size else 0


def _ends(g: Any) -> tuple[np.ndarray, np.ndarray]:
    e = g.to_pandas()
    return (np.asarray(g.node_index(list(e["source"])), dtype=np.int64),
            np.asarray(g.node_index(list(e["target"])), dtype=np.int64))


def _online_objects(full: Mapping[str, Any], networks: Mapping[str, Any]) -> pd.DataFrame:
    rows = []
    for net, whole in full.items():
        org = organisation(whole)
        persons = networks[net]
        kind = org.node_attrs["kind"].astype(str).to_numpy()
        is_person = kind == "person"
        src, dst = _ends(org)
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        a = coo_matrix((np.ones(len(src)), (src, dst)), shape=(org.n_nodes, org.n_nodes))
        _, lab = connected_components(a, directed=False)
        with_obj = int(np.bincount(lab[is_person]).max()) if is_person.any() else 0
        psrc, pdst = _ends(persons)
        lcc0 = _lcc(persons.n_nodes, psrc, pdst, np.ones(persons.n_nodes, bool))
        row = {"network": net, "persons": persons.n_nodes}
        for k in ("account", "ad", "phone", "platform"):
            row[k] = int((kind == k).sum())
        row["lcc0_share"] = lcc0 / persons.n_nodes
        row["lcc_share_with_objects"] = with_obj / persons.n_nodes
        rows.append(row)
    return pd.DataFrame(rows)


def _brokers(networks: Mapping[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    from . import brokerage

    rows, stage_rows = [], []
    concentration: dict[str, float] = {}
    for name, g in networks.items():
        stages = _stage_groups(g)
        with warnings.catch_warnings():  # undirected: read as a mutual digraph, as sna does
            warnings.simplefilter("ignore", NetcrimeWarning)
            gf = brokerage.gould_fernandez(g, groups=stages)
        counts = gf.nodes[list(_GF_COLS)]
        tot = float(counts["total"].sum())
        concentration[name] = float(counts["total"].max()) / tot if tot > 0 else math.nan
        by_stage = counts.groupby(stages.to_numpy()).sum()
        by_stage.insert(0, "persons", stages.value_counts().reindex(by_stage.index))
        for stage, r in by_stage.sort_values("total", ascending=False, kind="stable").iterrows():
            stage_rows.append({"network": name, "stage": stage,
                               **{k: float(v) for k, v in r.items()}})
        top = counts.sort_values("total", ascending=False, kind="stable").head(10)
        top = top[top["total"] > 0]
        for node, r in top.iterrows():
            rows.append({
                "network": name, "node": node,
                "role": _attr_or_missing(g, "role").loc[node],
                "stage": _attr_or_missing(g, "stage").loc[node],
                **{k: float(v) for k, v in r.items()},
                "z_total": float(gf.nodes.loc[node, "z_total"]),
            })
    return pd.DataFrame(rows), pd.DataFrame(stage_rows), concentration


def _key_players(networks: Mapping[str, Any], seed: int) -> pd.DataFrame:
    from . import keyplayer

    rows = []
    for name, g in networks.items():
        kp, value = _key_player_set(keyplayer, g, seed)
        for rank, node in enumerate(kp, start=1):
            rows.append({"network": name, "rank": rank, "node": node,
                         "set_fragmentation": value,
                         "role": _attr_or_missing(g, "role").loc[node],
                         "stage": _attr_or_missing(g, "stage").loc[node]})
    return pd.DataFrame(rows)


def _attacks(networks: Mapping[str, Any], seed: int, progress: Any) -> dict:
    from . import disruption

    strategies = demo_strategies()
    tasks = _tasks(networks)
    it = progress(tasks) if progress is not None else tasks
    attacks: dict[tuple[str, str, bool], Any] = {}
    for net, label, rec in it:
        strat, mode = strategies[label]
        recovery = disruption.Recovery(p=RECOVERY_P, replacement="random") if rec else None
        attacks[(net, label, rec)] = disruption.attack(
            networks[net], strategy=strat, mode=mode, recovery=recovery, rng=seed,
            max_removals=networks[net].n_nodes // 2, metrics=("lcc", "lcc_frac"),
        )
    return attacks


def _robustness_and_curves(networks: Mapping[str, Any], attacks: Mapping
                           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    rob_rows, curve_frames = [], []
    for (net, label, rec), res in attacks.items():
        g = networks[net]
        n = g.n_nodes
        k = raid_budget(n)
        c = res.curve
        at = c.loc[c["step"] == k]
        half = res.removals_to(0.5)
        rob_rows.append({
            "network": net, "strategy": label, "recovery": rec, "persons": n,
            "budget_removals": k, "budget_share": k / n, "command_size": command_size(g),
            "lcc0_share": res.lcc0 / n, "robustness": res.robustness,
            "lcc_share_after_budget": float(at["lcc"].iloc[0]) / n if len(at) else math.nan,
            "lcc_frac_after_budget": float(at["lcc_frac"].iloc[0]) if len(at) else math.nan,
            "removals_to_half": float(half) if half is not None else math.nan,
        })
        steps = c["step"].to_numpy()
        curve_frames.append(pd.DataFrame({
            "network": net, "strategy": label, "recovery": rec,
            "step": steps, "node": c["node"].to_numpy(object),
            "fraction_removed": steps.astype(float) / n,
            "lcc": c["lcc"].to_numpy(), "lcc_share": c["lcc"].to_numpy(float) / n,
            "lcc_frac": c["lcc_frac"].to_numpy(float),
        }))
    return pd.DataFrame(rob_rows), pd.concat(curve_frames, ignore_index=True)


def _operational_members(g: Any) -> pd.Index:
    """The persons who may be arrested first: operational members (tier 2)."""
    return g.nodes[(g.node_attrs["tier"] == 2).to_numpy(bool)]


def _observed_raid(g: Any, arrested: Any, *, seed: int) -> tuple[float, list]:
    """What a wiretap snowball from ``arrested`` shows, and the raid planned on it.

    Returns ``(observed share of persons, targets)``: the targets are the
    :func:`raid_budget` persons (fewer if fewer are observed) that an adaptive betweenness
    attack on the *observed* network removes first.
    """
    from . import disruption, observation

    obs = observation.observe(g, wiretap={"by": "snowball", "seeds": [arrested],
                                          "waves": WAVES}, rng=seed)
    h = obs.graph
    k = min(raid_budget(g.n_nodes), h.n_nodes)
    res = disruption.attack(h, strategy="betweenness", mode="adaptive", max_removals=k,
                            rng=seed, metrics=("lcc",))
    return h.n_nodes / g.n_nodes, list(res.curve["node"].iloc[1:k + 1])


def _observation(networks: Mapping[str, Any], robustness: pd.DataFrame, seed: int
                 ) -> pd.DataFrame:
    rows = []
    for net, g in networks.items():
        src, dst = _ends(g)
        n = g.n_nodes
        lcc0 = _lcc(n, src, dst, np.ones(n, bool))
        shares, fracs = [], []
        for who in _operational_members(g):
            share, targets = _observed_raid(g, who, seed=seed)
            alive = np.ones(n, bool)
            alive[np.asarray(g.node_index(targets), dtype=np.int64)] = False
            shares.append(share)
            fracs.append(_lcc(n, src, dst, alive) / lcc0)
        truth = robustness[(robustness["network"] == net)
                           & (robustness["strategy"] == "betweenness")
                           & (~robustness["recovery"])]
        rows.append({
            "network": net, "arrests": len(shares), "waves": WAVES,
            "observed_share_mean": float(np.mean(shares)),
            "observed_share_min": float(np.min(shares)),
            "observed_share_max": float(np.max(shares)),
            "budget_removals": raid_budget(n),
            "lcc_frac_observed_plan": float(np.mean(fracs)),
            "lcc_frac_truth_plan": float(truth["lcc_frac_after_budget"].iloc[0]),
        })
    return pd.DataFrame(rows)


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
        Size passed to :func:`~netcrime.generators.trafficking_network` for each network
        (persons: members, victims and clients; online objects come on top).
    progress : callable, optional
        Wraps the list of attacks (e.g. ``tqdm.tqdm``); None: no progress bar.

    Returns
    -------
    DemoResult
    """
    from . import covert, generators

    func = "build_demo"
    seed = check_int(seed, func=func, param="seed", min=0)
    n = check_int(n, func=func, param="n", min=30)
    full = {
        mode: generators.trafficking_network(n=n, kind=mode, rng=seed) for mode in MODES
    }
    networks = {mode: members(organisation(g)) for mode, g in full.items()}
    with warnings.catch_warnings():  # undefined measures of a disconnected network are NaN
        warnings.simplefilter("ignore", NetcrimeWarning)
        profiles = covert.compare_profiles(networks)
    profiles.index.name = "network"
    brokers, by_stage, concentration = _brokers(networks)
    attacks = _attacks(networks, seed, progress)
    robustness, curves = _robustness_and_curves(networks, attacks)
    result = DemoResult(seed=seed, n=n, full=full, networks=networks, profiles=profiles,
                        online_objects=_online_objects(full, networks),
                        brokers=brokers, brokers_by_stage=by_stage,
                        broker_concentration=concentration,
                        key_players=_key_players(networks, seed), attacks=attacks,
                        robustness=robustness,
                        observation=_observation(networks, robustness, seed), curves=curves)
    result.conclusion = conclusion(result.robustness, result.observation,
                                   result.online_objects)
    result.summary = _summary(result)
    return result


def _key_player_set(keyplayer: Any, g: Any, seed: int, k: int = 5) -> tuple[list, float]:
    """The demo's key-player set: k nodes whose removal fragments the network most, and the
    fragmentation of the rest."""
    res = keyplayer.key_players(g, k=k, objective="fragmentation", rng=seed)
    return list(res.players), float(res.value)


# --------------------------------------------------------------------------- conclusion
def _row(rob: pd.DataFrame, net: str, strategy: str, recovery: bool = False) -> pd.Series:
    sel = rob[(rob["network"] == net) & (rob["strategy"] == strategy)
              & (rob["recovery"].astype(bool) == recovery)]
    return sel.iloc[0]


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _compare(a: float, b: float, lower: str, higher: str, alike: str) -> str:
    """``lower`` if a < b by at least MARGIN, ``higher`` if a > b by at least MARGIN."""
    if a <= b - MARGIN:
        return lower
    if a >= b + MARGIN:
        return higher
    return alike


def conclusion(robustness: pd.DataFrame, observation: pd.DataFrame,
               online_objects: pd.DataFrame) -> list[str]:
    """The conclusion's sentences, each computed from the report's tables.

    Shares are compared with a margin of :data:`MARGIN`: closer values are called alike.
    The tables are the ones written to ``tables/robustness.csv``,
    ``tables/observation.csv`` and ``tables/online_objects.csv``, so the sentences can be
    recomputed from the files.
    """
    rob = robustness
    oo = online_objects.set_index("network")
    ob = observation.set_index("network")
    w, c = "traditional", "online"
    out = []
    # 0. persons only; the online layer
    out.append(
        f"Persons only, the wheel's largest connected group holds "
        f"{_pct(oo.loc[w, 'lcc0_share'])} of its {int(oo.loc[w, 'persons'])} persons and the "
        f"chain's {_pct(oo.loc[c, 'lcc0_share'])} of its {int(oo.loc[c, 'persons'])}; the "
        f"chain's online objects ({int(oo.loc[c, 'ad'])} ads, {int(oo.loc[c, 'phone'])} "
        f"phones, {int(oo.loc[c, 'account'])} accounts, {int(oo.loc[c, 'platform'])} "
        f"platforms) put {_pct(oo.loc[c, 'lcc_share_with_objects'])} of its persons in one "
        "component: they are what one can block, and the raids below leave them out.")
    # a. the raid on the command structure
    aw, ac = _row(rob, w, "command first"), _row(rob, c, "command first")
    verdict = _compare(
        aw["lcc_frac_after_budget"], ac["lcc_frac_after_budget"],
        "it shatters the wheel and not the chain",
        "it hurts the chain more than the wheel",
        "it hurts both alike")
    out.append(
        f"(a) A raid on the command structure (command first, then by degree) with the same "
        f"budget, {_pct(RAID_SHARE)} of the persons ({int(aw['budget_removals'])} in the "
        f"wheel, whose command structure is {int(aw['command_size'])}; "
        f"{int(ac['budget_removals'])} in the chain, whose command structure is "
        f"{int(ac['command_size'])}), leaves the wheel's largest group at "
        f"{_pct(aw['lcc_frac_after_budget'])} of its intact size and the chain's at "
        f"{_pct(ac['lcc_frac_after_budget'])}: {verdict}.")
    # b. the visible chain under betweenness
    bc, rc = _row(rob, c, "betweenness"), _row(rob, c, "random")
    best = min(ac["lcc_frac_after_budget"], rc["lcc_frac_after_budget"])
    verdict = _compare(
        bc["lcc_frac_after_budget"], best,
        "seen whole, the chain falls fastest under betweenness targeting",
        "betweenness targeting is not the fastest way to break the chain here",
        "betweenness targeting is about as fast as the other two here")
    out.append(
        f"(b) With the whole chain in view, betweenness targeting (recomputed after every "
        f"removal) leaves its largest group at {_pct(bc['lcc_frac_after_budget'])} after "
        f"the same {int(bc['budget_removals'])} removals, against "
        f"{_pct(ac['lcc_frac_after_budget'])} for command first and "
        f"{_pct(rc['lcc_frac_after_budget'])} for random removal: {verdict}.")
    # c. what the police see
    oc, ow = ob.loc[c], ob.loc[w]
    verdict = _compare(
        oc["lcc_frac_truth_plan"], oc["lcc_frac_observed_plan"],
        "the chain is protected by what the police cannot see",
        "the raid planned on the partial picture does better than the one planned on "
        "the whole chain",
        "the partial picture costs the police little here")
    out.append(
        f"(c) A wiretap snowball from one arrested operational member ({WAVES} waves: the "
        f"arrested person and everyone they talk to are tapped) shows on average "
        f"{_pct(oc['observed_share_mean'])} of the chain's persons (over "
        f"{int(oc['arrests'])} possible arrests; range {_pct(oc['observed_share_min'])}"
        f"–{_pct(oc['observed_share_max'])}); a betweenness raid of the same budget planned "
        f"on that picture leaves the chain's largest group at "
        f"{_pct(oc['lcc_frac_observed_plan'])} of its intact size, against "
        f"{_pct(oc['lcc_frac_truth_plan'])} when planned on the whole chain: {verdict}.")
    verdict = _compare(
        ow["lcc_frac_truth_plan"], ow["lcc_frac_observed_plan"],
        "the wheel too is protected by what is not seen",
        "for the wheel the partial picture does better than the whole one",
        "for the wheel the partial picture costs little")
    out.append(
        f"The same observation model shows {_pct(ow['observed_share_mean'])} of the wheel's "
        f"persons on average; planned on it, the raid leaves the wheel's largest group at "
        f"{_pct(ow['lcc_frac_observed_plan'])} (whole wheel: "
        f"{_pct(ow['lcc_frac_truth_plan'])}): {verdict}.")
    return out


def _summary(result: DemoResult) -> str:
    lines = [f"netcrime demo (seed {result.seed}, n={result.n})"]
    for net, form in MODES.items():
        g = result.networks[net]
        lines.append(f"  {net} ({form}): {g.n_nodes} persons, {g.n_edges} ties; raid budget "
                     f"{raid_budget(g.n_nodes)} persons ({_pct(RAID_SHARE)}).")
    lines += ["  " + s for s in result.conclusion]
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
    ax.figure.savefig(path, dpi=120, bbox_inches="tight")
    return path


def _top_actors(result: DemoResult, net: str) -> dict:
    """Labels for the network figure: the key players (section 4) and the three top brokers
    (section 3) as ``"<id> <role>"``, so the ids of the tables can be found."""
    kp = result.key_players
    br = result.brokers
    nodes = list(kp.loc[kp["network"] == net, "node"])
    nodes += [v for v in br.loc[br["network"] == net, "node"].head(3) if v not in nodes]
    roles = _attr_or_missing(result.networks[net], "role")
    return {v: f"{v} {roles.loc[v]}" for v in nodes}


def make_figures(result: DemoResult, out: Path) -> dict[str, Path]:
    """Write the demo's PNG figures into ``out/figures`` and return their paths."""
    from . import plot

    figdir = out / "figures"
    figdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for net, form in MODES.items():
        g = result.networks[net]
        ax = _new_axes((9.0, 6.5))
        plot.draw_network(g, ax=ax, color_by="role", labels=_top_actors(result, net),
                          title=f"{net.capitalize()} network ({form}): its {g.n_nodes} "
                                "persons; labelled: key players and top brokers")
        files[f"network_{net}"] = _save(ax, figdir / f"network_{net}.png")
        ax = _new_axes((9.0, 5.0))
        curves = {}
        for (nname, label, rec), res in result.attacks.items():
            if nname == net:  # the share of persons: recovery may join groups beyond LCC0
                shares = res.curve.assign(lcc_share=res.curve["lcc"] / res.n_nodes)
                curves[label + (" + recovery" if rec else "")] = replace(res, curve=shares)
        plot.plot_removal_curves(curves, ax=ax, metric="lcc_share",
                                 title=f"{net.capitalize()} network ({form}) under attack")
        ax.set_ylim(0, 1.03)
        ax.set_ylabel("largest connected group / persons", fontsize=12)
        ax.set_xlabel("fraction of persons removed", fontsize=12)
        k = raid_budget(g.n_nodes)
        ax.axvline(k / g.n_nodes, color="0.2", lw=1.0, ls="--", zorder=1)
        ax.annotate(f"the raid ends: {k} persons", (k / g.n_nodes, 1.02), xytext=(4, 0),
                    textcoords="offset points", fontsize=9, va="top")
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
                       title="Traditional vs online: profiles of the person networks")
    files["profiles"] = _save(ax, figdir / "profiles.png")
    return files


def write_tables(result: DemoResult, out: Path) -> dict[str, Path]:
    """Write the demo's CSV tables into ``out/tables`` and return their paths."""
    tdir = out / "tables"
    tdir.mkdir(parents=True, exist_ok=True)
    files = {}
    items = {
        "profiles": result.profiles,
        "online_objects": result.online_objects,
        "brokers": result.brokers,
        "brokers_by_stage": result.brokers_by_stage,
        "key_players": result.key_players,
        "robustness": result.robustness,
        "observation": result.observation,
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
            "persons analysed (members)": f"{result.networks[net].n_nodes} persons, "
                                          f"{result.networks[net].n_edges} ties",
        }
    return pd.DataFrame(rows).T.rename_axis("network").reset_index()


def _reproduce(result: DemoResult) -> str:
    return f"""import netcrime as nc
seed, n = {result.seed}, {result.n}
nets = {{m: nc.generators.members(nc.generators.organisation(
            nc.generators.trafficking_network(n=n, kind=m, rng=seed)))
        for m in ("traditional", "online")}}
profiles = nc.covert.compare_profiles(nets)
g = nets["traditional"]
raid = nc.disruption.role_order({list(RAID_ROLES)!r})
res = nc.disruption.attack(g, strategy=raid, rng=seed, max_removals=g.n_nodes // 2,
                           metrics=("lcc", "lcc_frac"))
healed = nc.disruption.attack(g, strategy=raid, rng=seed, max_removals=g.n_nodes // 2,
                              metrics=("lcc", "lcc_frac"),
                              recovery=nc.disruption.Recovery(p={RECOVERY_P:g}))
k = round({RAID_SHARE:g} * g.n_nodes)  # the raid budget
res.robustness, healed.robustness, res.curve["lcc_frac"].iloc[k]"""


#: Definitions of the roles of the generated networks (shown when present).
ROLE_DEFINITIONS: dict[str, str] = {
    "leader": "commands the group (the wheel's core; in the chain the first exploiter of "
              "each group)",
    "coordinator": "middle manager tied to a leader and to handlers",
    "handler": "runs one stage's cell and is its only link to the core (the *joki* of "
               "Indonesian trafficking rings)",
    "broker": "trades victims between groups for a fee",
    "recruiter": "recruits victims (kinship, romance, job offers, debt)",
    "transporter": "moves victims from the source region",
    "harbourer": "shelters victims in transit",
    "transferrer": "hands victims over to the next group or country",
    "receiver": "receives victims at the destination",
    "exploiter": "exploits victims and books clients",
    "advertiser": "advertises victims online",
    "financier": "moves the money",
    "forger": "forges documents",
    "official": "a corrupt official",
    "bottom": "a victim turned enforcer, who controls the other victims of her exploiter",
}


def _roles_table(result: DemoResult) -> pd.DataFrame:
    rows = []
    for role, text in ROLE_DEFINITIONS.items():
        counts = {net: int((g.node_attrs["role"].astype(str) == role).sum())
                  for net, g in result.networks.items()}
        if any(counts.values()):
            rows.append({"role": role, **counts, "meaning": text})
    return pd.DataFrame(rows)


_GUIDE_PROFILES = (
    "How to read the profile: *density* is the share of possible ties present; "
    "*degree* and *betweenness centralization* (Freeman) are 1 for a star and 0 when "
    "everyone is alike -- high values mean one person holds the network together; "
    "*mean path length* and *efficiency* (mean of 1/distance over all pairs, 0 for pairs "
    "that cannot reach each other) say how fast news travels. Lindelauf, Borm & Hamers "
    "(2009): *information* = 1 / mean path length (higher = faster coordination); "
    "*secrecy* S1 = (n² − n − 2m)/n², the expected share of the network that stays "
    "hidden when one random member is caught and gives away their contacts (higher = "
    "safer); *trade-off* = information × secrecy (the balance a covert network strikes; "
    "higher = better for the network). A dash is a value the measure does not define: "
    "path length, information and trade-off need a connected network.")


def _guide_profiles(result: DemoResult) -> str:
    comps = result.profiles["components"]
    apart = [f"the {net} network's persons form {int(k)} separate groups"
             for net, k in comps.items() if k > 1]
    return _GUIDE_PROFILES + (" Here " + " and ".join(apart) + "." if apart else "")

_GUIDE_ATTACKS = (
    "How to read the table: every attack removes persons one at a time, until half of "
    "them are gone; `budget_removals` is the raid budget k, the same share "
    f"({RAID_SHARE:.0%}) of the persons of each network; `lcc_share_after_budget` is "
    "the largest connected group left after k removals as a share of all persons, "
    "`lcc_frac_after_budget` the same as a share of the intact largest group LCC₀ "
    "(`lcc0_share` = LCC₀ / persons): 1 = untouched, near 0 = shattered. With recovery "
    "it can exceed 1, when rewired contacts join groups that were apart. *R* is "
    "Schneider et al.'s robustness over the first half of the removals, "
    "(1/N) Σ_{q ≤ N/2} LCC(q)/N: lower = the attack breaks the network sooner (at most "
    "0.5 here). R counts the largest group as a share of *all* persons, so a network "
    "whose persons start in separate groups (`lcc0_share` below 1) has a low R before any "
    "removal: compare R between the attacks on one network, and the two networks by "
    "`lcc_frac_after_budget`. `removals_to_half`: fewest removals leaving at most half of "
    "LCC₀.")


def _n_objects(result: DemoResult) -> int:
    oo = result.online_objects.set_index("network")
    return int(oo.loc["online", ["account", "ad", "phone", "platform"]].sum())


def _sections(result: DemoResult, files: Mapping[str, Path], out: Path) -> list[tuple]:
    """The report as (kind, payload) blocks, rendered by the Markdown and HTML writers."""

    def rel(key: str) -> str:
        return Path(os.path.relpath(files[key], out)).as_posix()

    prof = result.profiles[[c for c in PROFILE_SHOWN if c in result.profiles.columns]].T
    prof.index.name = "measure"
    rob = result.robustness.copy()
    rob["recovery"] = rob["recovery"].map({True: f"p={RECOVERY_P:g}", False: "none"})
    rob = rob.drop(columns=["persons", "budget_share", "command_size"])
    brokers = result.brokers.drop(columns=["gatekeeper"]).rename(
        columns={"representative": "representative = gatekeeper"})
    by_stage = result.brokers_by_stage.drop(columns=["gatekeeper"]).rename(
        columns={"representative": "representative = gatekeeper"})
    blocks: list[tuple] = [
        ("h1", "netcrime demo: a traditional and an online trafficking network"),
        ("p", f"Seed {result.seed}; each network built with "
              f"`trafficking_network(n={result.n}, kind=..., rng={result.seed})`."),
        ("h2", "Conclusion"),
        ("p", "Every sentence below is written from the tables of this report (sections "
              f"1, 5 and 6); shares closer than {_pct(MARGIN)} points are called alike. "
              "“Largest group” is the largest connected group of persons; “of its intact "
              "size” compares it with the same network before the raid."),
        ("list", result.conclusion),
        ("h2", "1. The two networks"),
        ("p", "The traditional network is a Kenney wheel: a core of leaders commands "
              "stage-wise cells through their handlers, and most workers never meet the "
              "core. The online network is a chain: small groups pass victims stage to "
              "stage and advertise them online; nobody commands from the centre."),
        ("p", "Everything below is computed on the *persons* of each organisation (its "
              "members, without victims and clients, who are not the targets of a "
              "disruption). The online network's accounts, ads, phones and platforms are not "
              f"persons: counted as nodes, its {_n_objects(result)} online objects would "
              "make any raid look like a small share of the network, and the two networks "
              "could not be compared. They are the things one can block, and are counted "
              "apart (table below)."),
        ("table", _composition(result), False),
        ("table", result.online_objects, False),
        ("p", "Roles of the persons (counts per network):"),
        ("table", _roles_table(result), False),
        ("img", rel("network_traditional"), "traditional network"),
        ("img", rel("network_online"), "online network"),
        ("h2", "2. Network profiles"),
        ("p", _guide_profiles(result)),
        ("table", prof, True),
        ("img", rel("profiles"), "profiles"),
        ("h2", "3. Brokers between stages (Gould–Fernandez)"),
        ("p", "With the trafficking stages as groups, a person in the middle of a two-path "
              "a → b → c is a *coordinator* (a, b, c in one stage), *itinerant* (a and c in "
              "one stage, b in another), *representative* / *gatekeeper* (b shares a stage "
              "with a or c and hands on or takes in), *liaison* (three different stages). "
              "Persons without a stage (leaders, forgers, officials) form the group "
              "'none'. The ties are undirected and read as mutual arcs (as R sna does), so "
              "every path is counted both ways and gatekeeper = representative: one column "
              "shows both."),
        ("p", "The top broker holds "
              + " and ".join(f"{_pct(v)} of all brokered two-paths in the {k} network"
                             for k, v in result.broker_concentration.items()) + "."),
        ("p", "Brokerage per stage (sums over the persons of each stage):"),
        ("table", by_stage, False),
        ("p", "Top brokers. `z_total` is a z-score: how many standard deviations the "
              "person's total lies above what the null model of Gould & Fernandez (1989) "
              "expects from ties placed at random with the network's density, given the "
              "sizes of the stages (above 2: more brokerage than chance; NaN when the null "
              "model has no variance)."),
        ("table", brokers, False),
    ]
    for net in MODES:
        if f"brokers_{net}" in files:
            blocks.append(("img", rel(f"brokers_{net}"), f"brokers {net}"))
    blocks += [
        ("h2", "4. Key players"),
        ("p", "The set of five persons whose joint removal fragments the network most "
              "(Borgatti's key-player problem); `set_fragmentation` is the share of pairs "
              "of the remaining persons that can no longer reach each other (0 = all "
              "connected, 1 = all isolated)."),
        ("table", result.key_players, False),
        ("h2", "5. Disruption, with and without recovery"),
        ("p", "*Command first* removes every leader, then coordinators, handlers and "
              "brokers, then goes on by degree (highest first); *betweenness* removes the "
              "person on most shortest paths, recomputed after every removal; *random* "
              f"removes persons at random. Recovery rewires each orphaned contact with "
              f"probability {RECOVERY_P:g} to someone holding the removed person's role "
              "(Duijn et al. 2014)."),
        ("p", _GUIDE_ATTACKS),
        ("table", rob, False),
        ("img", rel("removal_traditional"), "traditional network under attack"),
        ("img", rel("removal_online"), "online network under attack"),
        ("h2", "6. What the police see"),
        ("p", "Each operational member in turn is taken as the arrested person. Their "
              f"phone is tapped, then ({WAVES} waves) the phones of everyone heard on it; a "
              "person is observed if tapped or heard on a tap (each person knows only "
              "their neighbours). A betweenness raid with the same budget is planned on "
              "that observed network (fewer persons if fewer are observed) and carried out "
              "on the true one. `observed_share_*`: persons observed / persons; "
              "`lcc_frac_*`: the true largest group left, as a share of LCC₀, when the raid "
              "is planned on the observed network (mean over the arrests) or on the whole "
              "network (section 5)."),
        ("table", result.observation, False),
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
        elif kind == "list":
            out.append("\n".join(f"- {s}" for s in b[1]))
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
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in b[1]) + "</ul>")
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
    if not isinstance(result, DemoResult):
        raise param_error(func, "result", "a DemoResult (see build_demo)", None,
                          shown=f"an object of type {type(result).__name__}")
    check_choice(format, ("md", "html"), func=func, param="format")
    if not isinstance(out, (str, os.PathLike)):
        raise param_error(func, "out", "a directory path (str or os.PathLike)", out)
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
