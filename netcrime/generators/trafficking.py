"""Synthetic human-trafficking networks: traditional wheels, online chains and hybrids.

See :func:`trafficking_network`. The attribute schema and missing-value rule are those of
:mod:`netcrime.generators.forms`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._validation import (
    MAX_GENERATED,
    check_bool,
    check_choice,
    check_float,
    check_generated_size,
    check_int,
    check_rng,
    param_error,
)
from ..graph import Graph
from ._parts import (
    METHODS,
    ONLINE_STAGES,
    ROLES,
    STAGE_ROLES,
    STAGES,
    Parts,
    block_pairs,
    cell_edges,
    chan_code,
    check_prob,
    finish,
    rel_code,
    role_code,
)

__all__ = ["trafficking_network"]

_FUNC = "trafficking_network"
#: The organisational variants (``kind=``).
_KINDS = ("traditional", "online", "hybrid")
_CELL_TOPOLOGIES = ("star", "clique", "chain", "empty")

# Default composition of the ``n`` persons (see the ``n`` parameter of the generator).
#: Share of the persons who are victims (bottoms included).
_VICTIM_SHARE = 0.30
#: Share of the persons who are clients; the members are the rest (35 %).
_CLIENT_SHARE = 0.35
#: Share of the members who are forgers, and again the share who are corrupt officials.
_GRAY_SHARE = 0.01
#: Default ``n_groups``: one group (traditional), one chain per 12 members (online), one
#: wheel per 100 members (hybrid, at least ``_MIN_HYBRID_GROUPS``).
_MEMBERS_PER_GROUP = {"online": 12, "hybrid": 100}
_MIN_HYBRID_GROUPS = 2
#: Split of the operational members other than exploiters, by stage (renormalised over
#: the stages of the kind).
_STAGE_WEIGHTS = {
    "recruitment": 0.30,
    "transportation": 0.18,
    "harbouring": 0.18,
    "transfer": 0.08,
    "receipt": 0.12,
    "advertising": 0.14,
    "finance": 0.10,
}
#: Default ``methods``: recruitment method probabilities.
_DEFAULT_METHODS = {"kinship": 0.25, "romantic": 0.30, "job_offer": 0.40, "debt": 0.05}
#: Default ``online_share`` by kind.
_DEFAULT_ONLINE_SHARE = {"traditional": 0.0, "online": 0.8, "hybrid": 0.5}
#: ``counts`` keys besides the stage roles of the kind.
_OTHER_ROLES = ("forger", "official", "coordinator", "victim", "bottom", "client")
#: Online chains: probability of a collaboration tie between two actors of the same stage
#: and group, in these stages (none in the others).
_CHAIN_INTRA_P = 0.3
_CHAIN_INTRA_STAGES = ("recruitment", "harbouring", "exploitation")
#: Each coordinator draws this many handlers (online: actors) of his group to command
#: (repeats merged, leaders left out).
_COORDINATOR_PICKS = 3
#: Hybrid: room for at most this many brokers per wheel (one to the next wheel, one to a
#: random other wheel).
_MAX_BROKERS_PER_GROUP = 2
#: Region tier of the members of a stage: these stages in the source region, those in the
#: transit region, every other stage (and leaders) in the destination.
_SOURCE_STAGES = ("recruitment",)
_TRANSIT_STAGES = ("transportation", "harbouring", "transfer")
#: Roles that hold accounts and phones in the online layer, by kind (online: also every
#: group leader).
_ONLINE_OWNERS = {
    "online": ("advertiser", "recruiter", "exploiter", "financier", "leader"),
    "hybrid": ("advertiser", "financier"),
}


def _empty() -> np.ndarray:
    """An empty int64 array (a dataclass field default)."""
    return np.zeros(0, np.int64)


# --------------------------------------------------------------------------- helpers
def _pick(rng: np.random.Generator, pool: np.ndarray, pool_group: np.ndarray, G: int,
          want: np.ndarray) -> np.ndarray:
    """For each entry of ``want`` (a group), a uniformly random pool member of that group;
    -1 where the group has none."""
    want = np.asarray(want, np.int64)
    if len(want) == 0:
        return np.zeros(0, np.int64)
    if len(pool) == 0:
        return np.full(len(want), -1, np.int64)
    order = np.argsort(pool_group, kind="stable")
    pp = pool[order]
    cnt = np.bincount(pool_group, minlength=G)
    start = np.zeros(G, np.int64)
    np.cumsum(cnt[:-1], out=start[1:])
    c = cnt[want]
    r = np.floor(rng.random(len(want)) * c).astype(np.int64)
    idx = np.minimum(start[want] + r, len(pp) - 1)
    return np.where(c > 0, pp[idx], -1)


def _spread(total: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """``total`` split into ``k`` near-equal non-negative parts (the extra units at random)."""
    base = np.full(k, total // k, np.int64)
    extra = total - int(base.sum())
    if extra:
        base[rng.choice(k, size=extra, replace=False)] += 1
    return base


def _variable_matching(rng, a_start, a_size, b_start, b_size):
    """One-to-one handoffs between block pairs of varying sizes (all sizes >= 1)."""
    T = np.maximum(a_size, b_size)
    tot = int(T.sum())
    blk = np.repeat(np.arange(len(T), dtype=np.int64), T)
    first = np.zeros(len(T), np.int64)
    np.cumsum(T[:-1], out=first[1:])
    t = np.arange(tot, dtype=np.int64) - first[blk]
    # random permutation inside every block: sort by (block, random key)
    def perm(start, size):
        owner = np.repeat(np.arange(len(size), dtype=np.int64), size)
        local = np.arange(int(size.sum()), dtype=np.int64)
        order = np.lexsort((rng.random(len(owner)), owner))
        return local[order]  # position k of block b at first_b + k
    pa = perm(a_start, a_size)
    pb = perm(b_start, b_size)
    fa = np.zeros(len(a_size), np.int64)
    np.cumsum(a_size[:-1], out=fa[1:])
    fb = np.zeros(len(b_size), np.int64)
    np.cumsum(b_size[:-1], out=fb[1:])
    ia = pa[fa[blk] + t % a_size[blk]] - fa[blk]
    jb = pb[fb[blk] + t % b_size[blk]] - fb[blk]
    return a_start[blk] + ia, b_start[blk] + jb


# --------------------------------------------------------------------------- member layers
def _wheel_members(rng, parts, off, G, K, stage_roles, w, cell_size, anonymity, cell_topology):
    """Multi-wheel member layer written into ``parts`` from position ``off``.

    ``w[g, s]`` workers of stage ``s`` in group ``g``. Returns (end, leaders (G, K),
    handler positions, handler group, handler stage, worker positions, worker group,
    worker stage).
    """
    L = w.shape[1]
    nd = parts.node
    leaders = off + np.arange(G * K, dtype=np.int64).reshape(G, K)
    nd["role"][leaders.ravel()] = role_code("leader")
    nd["group"][leaders.ravel()] = np.repeat(np.arange(G), K)
    i, j = block_pairs(leaders[:, 0], np.full(G, K))
    parts.add_edges(i, j, "command")
    cells = np.where(w > 0, -(-w // max(cell_size - 1, 1)), 0)  # ceil
    cg = np.repeat(np.repeat(np.arange(G), L), cells.ravel())
    cs = np.repeat(np.tile(np.arange(L), G), cells.ravel())
    nc_ = len(cg)
    # local index of each cell inside its (g, s) block, to split the workers evenly
    firstc = np.zeros(G * L, np.int64)
    np.cumsum(cells.ravel()[:-1], out=firstc[1:])
    block = cg * L + cs
    k = np.arange(nc_, dtype=np.int64) - firstc[block]
    wb = w.ravel()[block]
    cb = cells.ravel()[block]
    nworkers = wb // cb + (k < wb % cb)
    sizes = nworkers + 1
    starts = np.zeros(nc_, np.int64)
    if nc_:
        np.cumsum(sizes[:-1], out=starts[1:])
    starts += off + G * K
    end = off + G * K + int(sizes.sum())
    cell_of = np.repeat(np.arange(nc_, dtype=np.int64), sizes)
    span = slice(off + G * K, end)
    nd["cell"][span] = cell_of
    nd["group"][span] = cg[cell_of]
    nd["stage"][span] = cs[cell_of]
    nd["role"][span] = stage_roles[cs[cell_of]]
    nd["role"][starts] = role_code("handler")
    # handler -> primary leader of the group (cells round-robin over the core)
    primary = leaders[cg, k % K]
    parts.add_edges(primary, starts, "command")
    a, b = cell_edges(starts, sizes, cell_topology)
    if len(a):
        cmd = rel_code("command")
        hs = starts[cell_of[a - off - G * K]]
        rel = np.where((a == hs) | (b == hs), cmd, rel_code("collaboration"))
        parts.add_edges(a, b, rel)
    pos = np.arange(off + G * K, end, dtype=np.int64)
    is_w = np.ones(len(pos), bool)
    is_w[starts - off - G * K] = False
    workers = pos[is_w]
    wcell = cell_of[workers - off - G * K]
    if anonymity < 1.0 and len(workers):
        known = rng.random(len(workers)) >= anonymity
        parts.add_edges(primary[wcell[known]], workers[known], "command")
    return end, leaders, starts, cg, cs, workers, cg[wcell], cs[wcell]


def _chain_members(rng, parts, off, G, stage_roles, a, cross_group_p, online_share, intra_p,
                   leader_stage):
    """Multi-chain member layer from ``off``; ``a[g, s] >= 1`` actors of stage s in group g.

    Returns (end, actor positions, actor group, actor stage, leaders)."""
    L = a.shape[1]
    nd = parts.node
    sizes = a.ravel()
    starts = np.zeros(G * L, np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    starts += off
    end = off + int(sizes.sum())
    blk = np.repeat(np.arange(G * L, dtype=np.int64), sizes)
    grp, stg = blk // L, blk % L
    span = slice(off, end)
    nd["group"][span] = grp
    nd["stage"][span] = stg
    nd["role"][span] = stage_roles[stg]
    st2 = starts.reshape(G, L)
    leaders = st2[:, leader_stage]
    nd["role"][leaders] = role_code("leader")
    src, dst, rel, tim = [], [], [], []
    hand = rel_code("handoff")
    for s in range(L - 1):
        u, v = _variable_matching(rng, st2[:, s], a[:, s], st2[:, s + 1], a[:, s + 1])
        src.append(u)
        dst.append(v)
        rel.append(np.full(len(u), hand))
        tim.append(np.full(len(u), s + 1.0))
    pos = np.arange(off, end, dtype=np.int64)
    if cross_group_p > 0 and G > 1:
        sel = pos[(stg < L - 1) & (rng.random(len(pos)) < cross_group_p)]
        gs = grp[sel - off]
        other = (gs + 1 + rng.integers(0, G - 1, len(sel))) % G
        ss = stg[sel - off] + 1
        tgt = st2[other, ss] + np.floor(rng.random(len(sel)) * a[other, ss]).astype(np.int64)
        src.append(sel)
        dst.append(tgt)
        rel.append(np.full(len(sel), rel_code("transaction")))
        tim.append(ss.astype(float))
    for s in range(L):
        if intra_p[s] <= 0:
            continue
        i, j = block_pairs(st2[:, s], a[:, s])
        keep = rng.random(len(i)) < intra_p[s]
        src.append(i[keep])
        dst.append(j[keep])
        rel.append(np.full(int(keep.sum()), rel_code("collaboration")))
        tim.append(np.full(int(keep.sum()), float(s)))
    if src:
        s_ = np.concatenate(src)
        chan = np.where(rng.random(len(s_)) < online_share, chan_code("online"), 0)
        parts.add_edges(s_, np.concatenate(dst), np.concatenate(rel), channel=chan,
                        time=np.concatenate(tim))
    return end, pos, grp, stg, leaders


# --------------------------------------------------------------------------- parameters
@dataclass(frozen=True)
class _Params:
    """The validated parameters of :func:`trafficking_network` (names shortened as in the
    body: ``vpe`` victims per exploiter, ``bpc`` bookings per client, ``apv`` ads per
    victim, ``app`` accounts and ``ppp`` phones per online person)."""

    n: int
    kind: str
    counts: dict[str, int]
    n_groups: int | None
    core_size: int
    cell_size: int
    cell_topology: str
    anonymity: float
    vpe: float
    bottom_share: float
    bpc: float
    methods: Mapping[str, float]
    online_share: float
    cross_group_p: float
    apv: float
    app: float
    ppp: float
    shared_phone_p: float
    n_platforms: int
    regions: tuple[int, int, int]
    broker_fee: tuple[float, float]
    sample_observed: bool

    @property
    def stages(self) -> tuple[str, ...]:
        return STAGES if self.kind == "traditional" else ONLINE_STAGES


def _check_regions_fee(regions: Any, broker_fee: Any) -> None:
    if (not isinstance(regions, (tuple, list)) or len(regions) != 3
            or not all(isinstance(r, (int, np.integer)) and r >= 1 for r in regions)):
        raise param_error(_FUNC, "regions", "a tuple of 3 ints >= 1", regions)
    if (not isinstance(broker_fee, (tuple, list)) or len(broker_fee) != 2
            or not all(isinstance(x, (int, float)) for x in broker_fee)
            or not 0 <= broker_fee[0] <= broker_fee[1] < 1):
        raise param_error(_FUNC, "broker_fee", "a pair (low, high) with 0 <= low <= high < 1",
                          broker_fee)


def _check_methods(methods: Any) -> Mapping[str, float]:
    if methods is None:
        return _DEFAULT_METHODS
    if (not isinstance(methods, Mapping) or not methods
            or any(k not in METHODS for k in methods)
            or any(not isinstance(v, (int, float)) or v < 0 for v in methods.values())
            or sum(methods.values()) <= 0):
        raise param_error(_FUNC, "methods",
                          f"a mapping from {METHODS!r} to non-negative probabilities", methods)
    return methods


def _check_counts(counts: Any, kind: str) -> dict[str, int]:
    stages = STAGES if kind == "traditional" else ONLINE_STAGES
    allowed = (*(STAGE_ROLES[s] for s in stages), *_OTHER_ROLES)
    if counts is not None and not isinstance(counts, Mapping):
        raise param_error(_FUNC, "counts", "None or a mapping from role to count", counts)
    counts = dict(counts or {})
    for key, val in counts.items():
        if key not in allowed:
            raise param_error(_FUNC, "counts", f"a mapping with keys among {allowed!r}", key)
        check_int(val, func=_FUNC, param=f"counts[{key!r}]", min=0)
    return counts


def _check_params(kw: dict[str, Any]) -> _Params:
    """Validate the keyword arguments of :func:`trafficking_network` (in signature order,
    so the first bad parameter is the one reported)."""
    f = _FUNC
    n = check_int(kw["n"], func=f, param="n", min=30, cap=MAX_GENERATED)
    kind = kw["kind"]
    check_choice(kind, _KINDS, func=f, param="kind")
    core_size = check_int(kw["core_size"], func=f, param="core_size", min=1, cap=MAX_GENERATED)
    cell_size = check_int(kw["cell_size"], func=f, param="cell_size", min=2, cap=MAX_GENERATED)
    check_choice(kw["cell_topology"], _CELL_TOPOLOGIES, func=f, param="cell_topology")
    anonymity = check_prob(kw["anonymity"], func=f, param="anonymity")
    vpe = check_float(kw["victims_per_exploiter"], func=f, param="victims_per_exploiter",
                      min=0.0, min_open=True)
    bottom_share = check_prob(kw["bottom_share"], func=f, param="bottom_share")
    bpc = check_float(kw["bookings_per_client"], func=f, param="bookings_per_client", min=1.0)
    check_generated_size(n, n * bpc, func=f, param="bookings_per_client",
                         value=kw["bookings_per_client"])
    cross_group_p = check_prob(kw["cross_group_p"], func=f, param="cross_group_p")
    apv = check_float(kw["ads_per_victim"], func=f, param="ads_per_victim", min=1.0)
    app = check_float(kw["accounts_per_person"], func=f, param="accounts_per_person", min=1.0)
    ppp = check_float(kw["phones_per_person"], func=f, param="phones_per_person", min=1.0)
    shared_phone_p = check_prob(kw["shared_phone_p"], func=f, param="shared_phone_p")
    n_platforms = check_int(kw["n_platforms"], func=f, param="n_platforms", min=1,
                            cap=MAX_GENERATED)
    sample_observed = check_bool(kw["sample_observed"], func=f, param="sample_observed")
    _check_regions_fee(kw["regions"], kw["broker_fee"])
    online_share = kw["online_share"]
    if online_share is None:
        online_share = _DEFAULT_ONLINE_SHARE[kind]
    online_share = check_prob(online_share, func=f, param="online_share")
    methods = _check_methods(kw["methods"])
    counts = _check_counts(kw["counts"], kind)
    n_groups = kw["n_groups"]
    if n_groups is not None:
        n_groups = check_int(n_groups, func=f, param="n_groups", min=1, cap=MAX_GENERATED)
    return _Params(
        n=n, kind=kind, counts=counts, n_groups=n_groups, core_size=core_size,
        cell_size=cell_size, cell_topology=kw["cell_topology"], anonymity=anonymity, vpe=vpe,
        bottom_share=bottom_share, bpc=bpc, methods=methods, online_share=online_share,
        cross_group_p=cross_group_p, apv=apv, app=app, ppp=ppp, shared_phone_p=shared_phone_p,
        n_platforms=n_platforms, regions=kw["regions"], broker_fee=kw["broker_fee"],
        sample_observed=sample_observed,
    )


# --------------------------------------------------------------------------- composition
def _composition(p: _Params) -> tuple[dict[str, int], int]:
    """Role counts and the number of core groups ``G`` (see the ``n`` and ``counts``
    parameters): the default shares, then the caller's exact counts on top."""
    stages = p.stages
    V_all = round(_VICTIM_SHARE * p.n)
    clients = round(_CLIENT_SHARE * p.n)
    M = p.n - V_all - clients
    c: dict[str, int] = {
        "bottom": round(p.bottom_share * V_all),
        "client": clients,
        "forger": round(_GRAY_SHARE * M),
        "official": round(_GRAY_SHARE * M),
        "coordinator": 0,
    }
    c["victim"] = V_all - c["bottom"]
    c["exploiter"] = max(1, round(V_all / p.vpe))
    G = p.n_groups
    if G is None:
        G = {"traditional": 1, "online": max(1, round(M / _MEMBERS_PER_GROUP["online"])),
             "hybrid": max(_MIN_HYBRID_GROUPS, round(M / _MEMBERS_PER_GROUP["hybrid"]))}[p.kind]
    leaders = G * p.core_size if p.kind != "online" else 0
    rest = M - leaders - c["forger"] - c["official"] - c["exploiter"]
    if p.kind != "online":
        rest = round(rest * (p.cell_size - 1) / p.cell_size)  # handlers come on top
    others = [s for s in stages if s != "exploitation"]
    wsum = sum(_STAGE_WEIGHTS[s] for s in others)
    for s in others:
        c[STAGE_ROLES[s]] = max(1, round(max(rest, 0) * _STAGE_WEIGHTS[s] / wsum))
    if p.kind == "online":
        for s in stages:
            c[STAGE_ROLES[s]] = max(c[STAGE_ROLES[s]], G)
    c.update({k: int(v) for k, v in p.counts.items()})
    if p.kind == "online":
        low = [STAGE_ROLES[s] for s in stages if c[STAGE_ROLES[s]] < G]
        if low:
            raise param_error(_FUNC, "counts", f"at least n_groups = {G} {low[0]}s (online mode "
                              "needs every stage in every group)", c[low[0]])
    if c["victim"] + c["bottom"] > 0 and c["exploiter"] == 0:
        raise param_error(_FUNC, "counts", "at least one exploiter when there are victims", 0)
    return c, G


# --------------------------------------------------------------------------- build state
@dataclass(eq=False)
class _Net:
    """The network under construction, shared by the section builders below.

    Persons are laid out in section order from position 0 (``pos`` is the next free
    position): members, gray actors, brokers, victims, clients; then the online objects.
    """

    p: _Params
    gen: np.random.Generator
    c: dict[str, int]
    G: int
    cap: int
    parts: Parts
    pos: int = 0
    # member layer: operational members (cell workers or chain actors), group leaders
    mpos: np.ndarray = field(default_factory=_empty)
    mgrp: np.ndarray = field(default_factory=_empty)
    mstg: np.ndarray = field(default_factory=_empty)
    lead_of_group: np.ndarray = field(default_factory=_empty)
    handler_pos: np.ndarray = field(default_factory=_empty)
    handler_grp: np.ndarray = field(default_factory=_empty)
    # geography: the source, transit and destination region of every group
    g_src: np.ndarray = field(default_factory=_empty)
    g_tr: np.ndarray = field(default_factory=_empty)
    g_dst: np.ndarray = field(default_factory=_empty)
    locations: list[str] = field(default_factory=list)
    # victims and their exploiters
    victims: np.ndarray = field(default_factory=_empty)
    vexp: np.ndarray = field(default_factory=_empty)
    # bookings: client, victim (position in ``victims``), whether offline
    bc: np.ndarray = field(default_factory=_empty)
    v_index: np.ndarray = field(default_factory=_empty)
    offline_b: np.ndarray = field(default_factory=_empty)
    advertised: np.ndarray = field(default_factory=_empty)
    online_objects: dict[str, int] = field(default_factory=dict)

    @property
    def nd(self) -> dict[str, np.ndarray]:
        return self.parts.node

    @property
    def stages(self) -> tuple[str, ...]:
        return self.p.stages

    def t(self, stage: str) -> float:
        """The ``time`` of ties used at ``stage`` (its index in the stage list)."""
        return float(self.stages.index(stage))

    def stage_pool(self, stage: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions and groups of the operational members of ``stage``."""
        sel = self.mstg == self.stages.index(stage)
        return self.mpos[sel], self.mgrp[sel]

    def pick(self, pool: tuple[np.ndarray, np.ndarray], want: np.ndarray) -> np.ndarray:
        return _pick(self.gen, pool[0], pool[1], self.G, want)

    def block(self, count: int, role: str, group: Any) -> np.ndarray:
        """The next ``count`` positions, given ``role`` and ``group``."""
        p = np.arange(self.pos, self.pos + count, dtype=np.int64)
        self.nd["role"][p] = role_code(role)
        self.nd["group"][p] = group
        self.pos += count
        return p


def _new_net(p: _Params, gen: np.random.Generator, c: dict[str, int], G: int,
             per_stage: np.ndarray) -> _Net:
    """Allocate room for every person (online objects are added after the persons)."""
    L = len(p.stages)
    n_gray = c["forger"] + c["official"] + c["coordinator"]
    n_vict = c["victim"] + c["bottom"]
    n_members_max = G * p.core_size + int(per_stage.sum()) * 2 + G * L
    n_brokers_max = _MAX_BROKERS_PER_GROUP * G if p.kind == "hybrid" else 0
    cap = n_members_max + n_gray + n_brokers_max + n_vict + c["client"]
    return _Net(p=p, gen=gen, c=c, G=G, cap=cap, parts=Parts(cap, role_code("member")))


# --------------------------------------------------------------------------- member layer
def _member_layer(p: _Params, gen: np.random.Generator, c: dict[str, int], G: int) -> _Net:
    """Leaders, handlers and stage workers (wheels), or chain actors (online kind)."""
    stages = p.stages
    stage_role_names = [STAGE_ROLES[s] for s in stages]
    per_stage = np.array([c[r] for r in stage_role_names], np.int64)
    w = np.stack([_spread(int(t), G, gen) for t in per_stage], axis=1)  # (G, L)
    net = _new_net(p, gen, c, G, per_stage)
    stage_roles = np.array([role_code(r) for r in stage_role_names], np.int64)
    if p.kind == "online":
        intra_p = np.array([_CHAIN_INTRA_P if s in _CHAIN_INTRA_STAGES else 0.0
                            for s in stages])
        end, net.mpos, net.mgrp, net.mstg, net.lead_of_group = _chain_members(
            gen, net.parts, 0, G, stage_roles, w, p.cross_group_p, p.online_share, intra_p,
            stages.index("exploitation"),
        )
    else:
        end, lead2d, net.handler_pos, net.handler_grp, _, wpos, wgrp, wstg = _wheel_members(
            gen, net.parts, 0, G, p.core_size, stage_roles, w, p.cell_size, p.anonymity,
            p.cell_topology,
        )
        net.mpos, net.mgrp, net.mstg = wpos, wgrp, wstg
        net.lead_of_group = lead2d[:, 0]
    net.pos = end
    return net


# --------------------------------------------------------------------------- geography
def _geography(net: _Net) -> None:
    """Every group gets a source, a transit and a destination region at random; members
    are located by the region tier of their stage (leaders: the destination)."""
    gen, G, nd, end = net.gen, net.G, net.nd, net.pos
    n_src, n_tr, n_dst = (int(r) for r in net.p.regions)
    net.locations = ([f"source_{i + 1}" for i in range(n_src)]
                     + [f"transit_{i + 1}" for i in range(n_tr)]
                     + [f"destination_{i + 1}" for i in range(n_dst)])
    net.g_src = gen.integers(0, n_src, G)
    net.g_tr = n_src + gen.integers(0, n_tr, G)
    net.g_dst = n_src + n_tr + gen.integers(0, n_dst, G)
    stage_geo = np.array([0 if s in _SOURCE_STAGES else 1 if s in _TRANSIT_STAGES else 2
                          for s in net.stages])
    geo = np.stack([net.g_src, net.g_tr, net.g_dst], axis=1)  # (G, 3)
    grp_all = nd["group"][:end]
    stg_all = nd["stage"][:end]
    has_stage = stg_all >= 0
    loc = np.where(has_stage, geo[grp_all, stage_geo[np.maximum(stg_all, 0)]],
                   net.g_dst[grp_all])
    nd["location"][:end] = loc


# --------------------------------------------------------------------------- gray actors
def _gray_actors(net: _Net) -> None:
    """Forgers (paid by a leader, deal with a transporter), corrupt officials (paid by a
    leader, deal with a harbourer) and coordinators (middle managers)."""
    gen, G, c, nd, parts = net.gen, net.G, net.c, net.nd, net.parts
    lead = net.lead_of_group
    tpool = net.stage_pool("transportation")
    hpool = net.stage_pool("harbouring")
    fg = gen.integers(0, G, c["forger"])
    forgers = net.block(c["forger"], "forger", fg)
    nd["location"][forgers] = net.g_src[fg]
    parts.add_edges(lead[fg], forgers, "payment")
    t_of = net.pick(tpool, fg)
    ok = t_of >= 0
    parts.add_edges(forgers[ok], t_of[ok], "transaction")
    og = gen.integers(0, G, c["official"])
    officials = net.block(c["official"], "official", og)
    nd["location"][officials] = net.g_tr[og]
    parts.add_edges(lead[og], officials, "payment")
    h_of = net.pick(hpool, og)
    ok = h_of >= 0
    parts.add_edges(officials[ok], h_of[ok], "transaction")
    _coordinators(net)


def _coordinators(net: _Net) -> None:
    """Middle managers: commanded by their group's leader, commanding up to
    ``_COORDINATOR_PICKS`` handlers (online: actors) of their group."""
    gen, G, cap, nd = net.gen, net.G, net.cap, net.nd
    cg_ = gen.integers(0, G, net.c["coordinator"])
    coords = net.block(net.c["coordinator"], "coordinator", cg_)
    nd["location"][coords] = net.g_dst[cg_]
    net.parts.add_edges(net.lead_of_group[cg_], coords, "command")
    if net.p.kind != "online":
        sub = (net.handler_pos, net.handler_grp)
    else:
        sub = (net.mpos, net.mgrp)
    if len(coords):
        picks = np.stack([net.pick(sub, cg_) for _ in range(_COORDINATOR_PICKS)], axis=1)
        cc = np.repeat(coords, _COORDINATOR_PICKS)
        pk = picks.ravel()
        cc, pk = cc[pk >= 0], pk[pk >= 0]
        keyv = np.unique(cc * cap + pk)
        cc, pk = keyv // cap, keyv % cap
        ok = ~np.isin(pk, net.lead_of_group)
        net.parts.add_edges(cc[ok], pk[ok], "command")


# --------------------------------------------------------------------------- brokers (hybrid)
def _brokers(net: _Net) -> None:
    """Hybrid: a broker between a handler of every wheel and one of the next (and, with
    probability ``cross_group_p`` per wheel, of a random other wheel); the broker keeps a
    fee, so the tie to the buyer weighs ``1 - fee``."""
    gen, G = net.gen, net.G
    if net.p.kind != "hybrid" or G <= 1:
        return
    sellers_g = np.arange(G - 1)
    buyers_g = sellers_g + 1
    extra = np.flatnonzero(gen.random(G) < net.p.cross_group_p)
    if len(extra):
        other = (extra + 1 + gen.integers(0, G - 1, len(extra))) % G
        sellers_g = np.concatenate([sellers_g, extra])
        buyers_g = np.concatenate([buyers_g, other])
    nb = len(sellers_g)
    brokers = net.block(nb, "broker", -1)
    net.nd["location"][brokers] = net.g_tr[sellers_g]
    handlers = (net.handler_pos, net.handler_grp)
    sell = net.pick(handlers, sellers_g)
    buy = net.pick(handlers, buyers_g)
    low, high = net.p.broker_fee
    fee = gen.uniform(low, high, nb)
    ok = sell >= 0
    net.parts.add_edges(sell[ok], brokers[ok], "transaction", weight=1.0)
    ok = buy >= 0
    net.parts.add_edges(brokers[ok], buy[ok], "transaction", weight=1.0 - fee[ok])


# --------------------------------------------------------------------------- victims
def _victims(net: _Net) -> None:
    """Victims spread over the exploiters, some of them bottoms; their recruiter,
    transporter and harbourer come from their exploiter's group."""
    gen, nd, c = net.gen, net.nd, net.c
    ep, _ = net.stage_pool("exploitation")
    V = c["victim"] + c["bottom"]
    if V and len(ep) == 0:
        raise param_error(_FUNC, "counts", "at least one exploiter when there are victims", 0)
    perm = gen.permutation(len(ep))
    vexp = ep[perm[np.arange(V) % len(ep)]] if V else np.zeros(0, np.int64)
    vgrp = nd["group"][vexp]
    is_bottom = np.zeros(V, bool)
    is_bottom[gen.choice(V, size=c["bottom"], replace=False)] = True
    victims = np.arange(net.pos, net.pos + V, dtype=np.int64)
    nd["role"][victims] = np.where(is_bottom, role_code("bottom"), role_code("victim"))
    nd["group"][victims] = vgrp
    nd["stage"][victims] = net.stages.index("exploitation")
    nd["location"][victims] = net.g_dst[vgrp]
    nd["origin"][victims] = net.g_src[vgrp]
    net.pos += V
    net.victims, net.vexp = victims, vexp
    _victim_flow(net, vgrp)
    t_exp = net.t("exploitation")
    net.parts.add_edges(vexp, victims, "control", time=t_exp)
    if is_bottom.any():
        _bottom_control(net, is_bottom)


def _victim_flow(net: _Net, vgrp: np.ndarray) -> None:
    """Recruitment (method drawn per victim; a share ``online_share`` online), transport
    and harbouring ties of every victim."""
    gen, p, victims, parts = net.gen, net.p, net.victims, net.parts
    V = len(victims)
    mkeys = list(p.methods)
    mp = np.array([p.methods[k] for k in mkeys], float)
    mcode = np.array([METHODS.index(k) for k in mkeys])[
        gen.choice(len(mkeys), size=V, p=mp / mp.sum())]
    rec = net.pick(net.stage_pool("recruitment"), vgrp)
    ok = rec >= 0
    rchan = np.where(gen.random(V) < p.online_share, chan_code("online"), 0)
    parts.add_edges(rec[ok], victims[ok], "recruitment", channel=rchan[ok], time=0.0,
                    method=mcode[ok])
    for stage, rel in (("transportation", "transport"), ("harbouring", "harbouring")):
        who = net.pick(net.stage_pool(stage), vgrp)
        ok = who >= 0
        parts.add_edges(who[ok], victims[ok], rel, time=net.t(stage))


def _bottom_control(net: _Net, is_bottom: np.ndarray) -> None:
    """Bottoms control the other victims of their exploiter."""
    vexp, victims = net.vexp, net.victims
    order = np.argsort(vexp, kind="stable")
    ve = vexp[order]
    bnd = np.flatnonzero(np.r_[True, ve[1:] != ve[:-1], True])
    sizes = np.diff(bnd)
    bi, bj = block_pairs(bnd[:-1], sizes)  # pairs of victims with the same exploiter
    vi, vj = victims[order][bi], victims[order][bj]
    bi_b, bj_b = is_bottom[order][bi], is_bottom[order][bj]
    sel = bi_b | bj_b
    net.parts.add_edges(vi[sel], vj[sel], "control", time=net.t("exploitation"))


# --------------------------------------------------------------------------- clients
def _clients(net: _Net) -> None:
    """Clients book ``1 + Poisson(bookings_per_client - 1)`` victims (repeats merged); an
    offline booking goes through the victim's exploiter. Then the person arrays are
    trimmed to the persons made."""
    gen, nd, cap, victims = net.gen, net.nd, net.cap, net.victims
    V = len(victims)
    C = net.c["client"]
    t_exp = net.t("exploitation")
    clients_pos = np.arange(net.pos, net.pos + C, dtype=np.int64)
    nd["role"][clients_pos] = role_code("client")
    net.pos += C
    nbook = 1 + gen.poisson(net.p.bpc - 1.0, C) if C else np.zeros(0, np.int64)
    bc = np.repeat(clients_pos, nbook)
    bv = victims[gen.integers(0, V, len(bc))] if V else np.zeros(0, np.int64)
    if V:
        key = np.unique(bc * cap + bv)
        bc, bv = key // cap, key % cap
        # a client lives in the destination of his first booking, belongs to no group
        first = np.r_[True, bc[1:] != bc[:-1]] if len(bc) else np.zeros(0, bool)
        nd["location"][bc[first]] = nd["location"][bv[first]]
        net.parts.add_edges(bc, bv, "transaction", time=t_exp)
    v_index = bv - (victims[0] if V else 0)
    advertised = np.zeros(V, bool)
    if net.p.kind == "online":
        advertised[:] = True
    elif net.p.kind == "hybrid":
        advertised = gen.random(V) < net.p.online_share
    offline_b = ~advertised[v_index] if V else np.zeros(0, bool)
    if V:
        ex = net.vexp[v_index[offline_b]]
        k2 = np.unique(bc[offline_b] * cap + ex)
        net.parts.add_edges(k2 // cap, k2 % cap, "booking", time=t_exp)
    net.bc, net.v_index, net.offline_b, net.advertised = bc, v_index, offline_b, advertised
    for key in nd:
        nd[key] = nd[key][:net.pos]
    net.parts.n = net.pos


# --------------------------------------------------------------------------- online layer
@dataclass(eq=False)
class _Online:
    """The online objects, positions local to each kind (accounts, ads, phones)."""

    owners: np.ndarray
    acc_owner: np.ndarray
    acc_plat: np.ndarray
    ph_owner: np.ndarray
    ph_period: np.ndarray
    ad_victim: np.ndarray
    ok_ad: np.ndarray
    ad_acc_local: np.ndarray
    ad_phone_local: np.ndarray
    acc0: int = 0
    ad0: int = 0
    ph0: int = 0
    pl0: int = 0
    total: int = 0


def _online_owners(net: _Net) -> np.ndarray:
    """The persons who hold accounts and phones (see ``_ONLINE_OWNERS``)."""
    roles = net.nd["role"][net.mpos]
    codes = [role_code(r) for r in _ONLINE_OWNERS[net.p.kind]]
    owners = net.mpos[np.isin(roles, codes)]
    if net.p.kind == "online":
        owners = np.union1d(owners, net.lead_of_group)
    return owners


def _owned(owner_of: np.ndarray, who: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Objects by owner: the sort ``order`` of ``owner_of``, and for each ``who`` the first
    rank of its objects in that order and how many it owns."""
    order = np.argsort(owner_of, kind="stable")
    so = owner_of[order]
    first = np.searchsorted(so, who)
    n_own = np.searchsorted(so, who, side="right") - first
    return order, first, n_own


def _online_objects(net: _Net) -> _Online:
    """Draw accounts (on platforms), phones (successive phones: churn) and ads, and pick
    the account and phone each ad shows (one of its poster's)."""
    gen, p, nd = net.gen, net.p, net.nd
    owners = _online_owners(net)
    nacc = 1 + gen.poisson(p.app - 1.0, len(owners))
    acc_owner = np.repeat(owners, nacc)
    A = len(acc_owner)
    acc_plat = gen.integers(0, p.n_platforms, A)
    nph = 1 + gen.poisson(p.ppp - 1.0, len(owners))
    ph_owner = np.repeat(owners, nph)
    P = len(ph_owner)
    phf = np.zeros(len(owners), np.int64)
    np.cumsum(nph[:-1], out=phf[1:])
    ph_period = np.arange(P) - np.repeat(phf, nph)
    is_adv = nd["role"][net.mpos] == role_code("advertiser")
    adv = (net.mpos[is_adv], net.mgrp[is_adv])
    av = np.flatnonzero(net.advertised)
    nads = 1 + gen.poisson(p.apv - 1.0, len(av))
    ad_victim = np.repeat(net.victims[av], nads)
    D = len(ad_victim)
    poster = net.pick(adv, nd["group"][ad_victim])
    # every advertiser owns >= 1 account; pick one of the poster's accounts
    order, first_acc, n_own = _owned(acc_owner, poster)
    ok_ad = (poster >= 0) & (n_own > 0)
    ad_acc_local = np.zeros(D, np.int64)
    if A:
        ad_acc_local = order[np.minimum(first_acc + np.floor(gen.random(D) * n_own)
                                        .astype(np.int64), A - 1)]
    # phone on the ad: one of the poster's phones
    porder, fph, nown = _owned(ph_owner, poster)
    ad_phone_local = porder[np.minimum(fph + np.floor(gen.random(D) * nown).astype(np.int64),
                                       max(P - 1, 0))] if P else np.zeros(D, np.int64)
    return _Online(owners, acc_owner, acc_plat, ph_owner, ph_period, ad_victim, ok_ad,
                   ad_acc_local, ad_phone_local)


def _place_online(net: _Net, ob: _Online) -> None:
    """Lay the online objects out after the persons: accounts, ads, phones, platforms."""
    nd = net.nd
    A, D, P = len(ob.acc_owner), len(ob.ad_victim), len(ob.ph_owner)
    n_persons = net.parts.n
    ob.acc0 = n_persons
    ob.ad0 = ob.acc0 + A
    ob.ph0 = ob.ad0 + D
    ob.pl0 = ob.ph0 + P
    ob.total = ob.pl0 + net.p.n_platforms
    net.online_objects = {"account": A, "ad": D, "phone": P, "platform": net.p.n_platforms}
    grow = ob.total - n_persons
    for key in nd:
        fill = 0 if key == "role" else -1
        nd[key] = np.concatenate([nd[key], np.full(grow, fill, np.int64)])
    net.parts.n = ob.total
    nd["role"][ob.acc0:ob.ad0] = role_code("account")
    nd["role"][ob.ad0:ob.ph0] = role_code("ad")
    nd["role"][ob.ph0:ob.pl0] = role_code("phone")
    nd["role"][ob.pl0:ob.total] = role_code("platform")
    nd["group"][ob.acc0:ob.ad0] = nd["group"][ob.acc_owner]
    nd["group"][ob.ad0:ob.ph0] = nd["group"][ob.ad_victim]
    nd["group"][ob.ph0:ob.pl0] = nd["group"][ob.ph_owner]


def _online_ties(net: _Net, ob: _Online) -> None:
    """Account ownership and hosting, phone use (and shared phones), ads."""
    gen, parts = net.gen, net.parts
    A, D, P = len(ob.acc_owner), len(ob.ad_victim), len(ob.ph_owner)
    on, pf = chan_code("online"), chan_code("platform")
    parts.add_edges(ob.acc_owner, ob.acc0 + np.arange(A), "control", channel=on)
    parts.add_edges(ob.acc0 + np.arange(A), ob.pl0 + ob.acc_plat, "hosting", channel=pf)
    parts.add_edges(ob.ph_owner, ob.ph0 + np.arange(P), "uses", channel=on, time=ob.ph_period)
    # shared phones: a second random owner (not the first)
    if len(ob.owners) > 1:
        sh = np.flatnonzero(gen.random(P) < net.p.shared_phone_p)
        other = ob.owners[gen.integers(0, len(ob.owners), len(sh))]
        ok = other != ob.ph_owner[sh]
        parts.add_edges(other[ok], ob.ph0 + sh[ok], "uses", channel=on,
                        time=ob.ph_period[sh[ok]])
    ad_ids = ob.ad0 + np.arange(D)
    ok_ad = ob.ok_ad
    t_adv = net.t("advertising")
    parts.add_edges(ad_ids, ob.ad_victim, "advertising", channel=on, time=t_adv)
    parts.add_edges(ob.acc0 + ob.ad_acc_local[ok_ad], ad_ids[ok_ad], "advertising", channel=on,
                    time=t_adv)
    parts.add_edges(ad_ids[ok_ad], ob.pl0 + ob.acc_plat[ob.ad_acc_local[ok_ad]], "hosting",
                    channel=pf, time=t_adv)
    if P:
        parts.add_edges(ad_ids[ok_ad], ob.ph0 + ob.ad_phone_local[ok_ad], "contact", channel=on,
                        time=t_adv)


def _online_bookings(net: _Net, ob: _Online) -> None:
    """Clients of advertised victims book through one of the victim's ads and pay a
    financier of the victim's group."""
    gen, victims, total = net.gen, net.victims, ob.total
    D = len(ob.ad_victim)
    online_b = ~net.offline_b
    vb = net.v_index[online_b]
    cb_ = net.bc[online_b]
    aorder = np.argsort(ob.ad_victim - victims[0], kind="stable")
    av_sorted = (ob.ad_victim - victims[0])[aorder]
    fa = np.searchsorted(av_sorted, vb)
    na = np.searchsorted(av_sorted, vb, side="right") - fa
    ad_pick = aorder[np.minimum(fa + np.floor(gen.random(len(vb)) * na).astype(np.int64),
                                D - 1)]
    key = np.unique(cb_ * total + ob.ad0 + ad_pick)
    net.parts.add_edges(key // total, key % total, "booking", channel=chan_code("platform"),
                        time=net.t("exploitation"))
    fin = net.pick(net.stage_pool("finance"), net.nd["group"][victims[vb]])
    ok = fin >= 0
    key = np.unique(cb_[ok] * total + fin[ok])
    net.parts.add_edges(key // total, key % total, "payment", channel=chan_code("online"),
                        time=net.t("finance"))


def _online_layer(net: _Net) -> None:
    """Online and hybrid kinds: accounts, ads, phones and platforms around the advertisers
    (online: also recruiters, exploiters, financiers, leaders), victims and clients."""
    if net.p.kind == "traditional":
        return
    ob = _online_objects(net)
    _place_online(net, ob)
    _online_ties(net, ob)
    if len(net.victims) and (~net.offline_b).any():
        _online_bookings(net, ob)


# --------------------------------------------------------------------------- public
def trafficking_network(
    *,
    n: int = 500,
    kind: str = "traditional",
    counts: Mapping[str, int] | None = None,
    n_groups: int | None = None,
    core_size: int = 2,
    cell_size: int = 5,
    cell_topology: str = "star",
    anonymity: float = 0.8,
    victims_per_exploiter: float = 3.0,
    bottom_share: float = 0.1,
    bookings_per_client: float = 1.5,
    methods: Mapping[str, float] | None = None,
    online_share: float | None = None,
    cross_group_p: float = 0.05,
    ads_per_victim: float = 2.0,
    accounts_per_person: float = 1.5,
    phones_per_person: float = 2.0,
    shared_phone_p: float = 0.05,
    n_platforms: int = 4,
    regions: tuple[int, int, int] = (4, 2, 3),
    broker_fee: tuple[float, float] = (0.30, 0.40),
    sample_observed: bool = False,
    rng: Any = None,
) -> Graph:
    """A synthetic sex-trafficking network with its ground truth.

    Three organisational kinds follow Kenney's (2007) network forms:

    * ``"traditional"``: the members form one Kenney wheel per group (default one group): a
      core of ``core_size`` leaders commands stage-wise cells (recruitment, transportation,
      harbouring, transfer, receipt, exploitation), each run by a handler (*joki*) whose
      workers mostly never meet the core (``anonymity``). Victims are recruited, moved,
      sheltered and exploited offline; clients book through the exploiters.
    * ``"online"``: the members form a chain of small core groups (``n_groups``), each a
      broken chain over :data:`ONLINE_STAGES` (advertising and finance added) with one-to-one
      handoffs, mostly online, and occasional handoffs to the next stage of another group
      (``cross_group_p``). Victims are advertised online: an online layer of accounts, ads,
      phones (with churn and shared phones) and platforms connects advertisers, victims and
      clients, who never meet the suppliers.
    * ``"hybrid"``: a chain of wheels: several wheels over :data:`ONLINE_STAGES` whose
      groups trade through brokers (role ``"broker"``, who keep a fee), and a share
      ``online_share`` of victims advertised online.

    Parameters
    ----------
    n : int >= 30, default 500
        Approximate number of *persons* (members, victims, clients); online objects come on
        top. Default composition: 35 % members, 30 % victims (``bottom_share`` of them
        bottoms), 35 % clients; exploiters = victims / ``victims_per_exploiter``; 1 % of
        members each forgers and corrupt officials; the other operational members split
        over stages (recruitment 30 %, transportation 18 %, harbouring 18 %, transfer 8 %,
        receipt 12 %, and online/hybrid advertising 14 %, finance 10 %, renormalised).
    kind : {"traditional", "online", "hybrid"}, default "traditional"
        The organisational variant (see above).
    counts : mapping role -> int, optional
        Exact counts that override the composition: stage roles of the kind (``recruiter``,
        ``transporter``, ``harbourer``, ``transferrer``, ``receiver``, ``exploiter``, and
        online/hybrid ``advertiser``, ``financier``) and ``forger``, ``official``,
        ``coordinator`` (default 0: middle managers tied to a leader and three handlers or
        actors of their group), ``victim`` (victims who are not bottoms), ``bottom``,
        ``client``. Leaders and handlers follow from ``core_size``, ``cell_size``,
        ``n_groups``. In the online kind every stage role needs at least ``n_groups`` actors.
    n_groups : int, optional
        Core groups (wheels or chains). Default: 1 (traditional), one per 12 members
        (online), one per 100 members and at least 2 (hybrid).
    core_size : int >= 1, default 2
        Leaders per wheel (traditional/hybrid; a clique). Online: one leader per group, the
        first exploiter.
    cell_size : int >= 2, default 5
        Target members per cell including the handler (workers are split evenly).
    cell_topology : {"star", "clique", "chain", "empty"}, default "star"
    anonymity : float in [0, 1], default 0.8
        Share of cell workers without a direct tie to a leader.
    victims_per_exploiter : float > 0, default 3.0
        Victims are spread evenly over exploiters (each controls ``floor`` or ``ceil``).
    bottom_share : float in [0, 1], default 0.1
        Share of victims turned enforcers (role ``"bottom"``): they keep their victim ties
        and also ``"control"`` the other victims of their exploiter.
    bookings_per_client : float >= 1, default 1.5
        Mean victims booked per client (``1 + Poisson(b - 1)``, repeats merged).
    methods : mapping method -> probability, optional
        Recruitment methods (edge column ``method`` of recruitment ties), drawn per victim;
        keys from :data:`METHODS`; default kinship 0.25, romantic 0.30, job offer 0.40,
        debt 0.05. Probabilities are normalised.
    online_share : float in [0, 1], optional
        In every kind the share of recruitment ties made online (social media job offers,
        romance). Online kind: also the share of member handoffs that are online (default
        0.8). Hybrid: also the share of victims advertised online (default 0.5).
        Traditional: default 0.0.
    cross_group_p : float in [0, 1], default 0.05
        Online: probability that an actor also hands to the next stage of another group.
        Hybrid: probability that a handler also trades (through a broker) with a random
        other wheel, on top of the chain of consecutive wheels.
    ads_per_victim, accounts_per_person, phones_per_person : float >= 1
        Means of ``1 + Poisson(mean - 1)`` ads per advertised victim, accounts per online
        person, phones per online person (successive phones: ``time`` is the period of use,
        i.e. phone churn).
    shared_phone_p : float in [0, 1], default 0.05
        Each phone is also used by a second, random online person with this probability
        (shared phones: noisy links across groups).
    n_platforms : int >= 1, default 4
    regions : (int, int, int), default (4, 2, 3)
        Numbers of source, transit and destination regions; every group gets one of each at
        random. Recruiters, forgers and the victims' ``origin`` lie in the source region,
        transporters, harbourers, transferrers and officials in transit, the rest in the
        destination (victims' ``location`` is where they are exploited).
    broker_fee : (float, float), default (0.30, 0.40)
        Hybrid: a broker keeps a uniform fee in this range: the tie to the seller has
        weight 1, the tie to the buyer ``1 - fee`` (brokers take 30-40 %, seed paper).
    sample_observed : bool, default False
        False: every edge ``observed``. True: an edge is observed with probability
        ``max(exposure_prob)`` of its endpoints, drawn by
        :func:`netcrime.observation.observe` (``tie_missing`` = one minus that, one
        uniform per tie in ``edge_array()`` order); the graph itself keeps every tie.
    rng : None, int or numpy.random.Generator

    Returns
    -------
    Graph
        Undirected. Persons first (leaders, cell or chain members, gray actors,
        coordinators, brokers, victims, clients), then accounts, ads, phones, platforms.
        Node columns as in :mod:`~netcrime.generators.forms` plus ``origin`` (victims'
        source region; missing for others). Edge column ``method`` (recruitment method;
        missing for other ties). Relations: ``command``, ``collaboration``, ``handoff``,
        ``transaction``, ``recruitment``, ``transport``, ``harbouring``, ``control``,
        ``booking``, ``payment``, ``advertising``, ``hosting``, ``uses``, ``contact``.
        ``meta`` holds ``kind``, ``n_groups``, the realised role counts (``"counts"``) and
        the numbers of online objects (``"online_objects"``).

    Raises
    ------
    ParameterError
        If a parameter breaks its rule.

    Notes
    -----
    Victims' ties (recruiter, transporter, harbourer from their exploiter's group, and the
    exploiter) carry ``time`` = the stage index of the step. Vectorised throughout: time
    and memory linear in the number of nodes and ties (a loop runs over stages only).

    References
    ----------
    Kenney, M. (2007). The architecture of drug trafficking. *Global Crime* 8(3), 233-259.
    doi:10.1080/17440570701507794.
    United Nations (2000). Protocol to Prevent, Suppress and Punish Trafficking in Persons
    (Palermo Protocol), Art. 3.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=300, kind="traditional", rng=7)
    >>> roles = g.node_attrs["role"].value_counts()
    >>> int(roles["leader"]), int(roles["victim"] + roles["bottom"]), int(roles["client"])
    (2, 90, 105)
    >>> h = nc.generators.trafficking_network(n=300, kind="online", rng=7)
    >>> sorted(set(h.node_attrs["kind"]))
    ['account', 'ad', 'person', 'phone', 'platform']
    """
    kw = dict(locals())
    gen = check_rng(rng, func=_FUNC)
    p = _check_params(kw)
    c, G = _composition(p)
    net = _member_layer(p, gen, c, G)
    _geography(net)
    _gray_actors(net)
    _brokers(net)
    _victims(net)
    _clients(net)
    _online_layer(net)
    role_counts = np.bincount(net.nd["role"], minlength=len(ROLES))
    realised = {r: int(k) for r, k in zip(ROLES, role_counts) if k}
    meta = {"generator": _FUNC, "kind": p.kind, "n_groups": G, "counts": realised,
            "online_objects": net.online_objects}
    g = finish(net.parts, directed=False, stages=p.stages, locations=net.locations,
               observe=None, rng=gen, meta=meta)
    return _sample_observed(g, gen) if p.sample_observed else g


def _sample_observed(g: Graph, gen: np.random.Generator) -> Graph:
    """Mark the ties an investigation observes: :func:`netcrime.observation.observe` with
    ``tie_missing = 1 - max(exposure_prob)`` of the two endpoints, drawn from ``gen``."""
    from ..observation import observe

    ex = g.node_attrs["exposure_prob"].to_numpy(float)
    s, t = g.edge_array()
    seen = observe(g, tie_missing=1.0 - np.maximum(ex[s], ex[t]), rng=gen).tie_seen
    ea = g.edge_attrs.copy()
    ea["observed"] = seen
    return Graph.from_positions(g.n_nodes, np.asarray(s), np.asarray(t), directed=False,
                                nodes=g.nodes, node_attrs=g.node_attrs, edge_attrs=ea,
                                meta=dict(g.meta), func=_FUNC, param="sample_observed")
