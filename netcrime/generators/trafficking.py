"""Synthetic human-trafficking networks: traditional wheels, online chains and hybrids.

See :func:`trafficking_network`. The attribute schema and missing-value rule are those of
:mod:`netcrime.generators.forms`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .._validation import check_bool, check_choice, check_float, check_int, check_rng, param_error
from ..graph import Graph
from ._parts import (
    METHODS,
    ONLINE_STAGES,
    ROLES,
    STAGE_ROLES,
    STAGES,
    Parts,
    block_pairs,
    chan_code,
    check_prob,
    finish,
    rel_code,
    role_code,
)
from .forms import _cell_edges

__all__ = ["trafficking_network"]

_MODES = ("traditional", "online", "hybrid")
_MEMBER_SHARE = 0.35
_VICTIM_SHARE = 0.30
# split of the operational members other than exploiters, by stage
_STAGE_WEIGHTS = {
    "recruitment": 0.30,
    "transportation": 0.18,
    "harbouring": 0.18,
    "transfer": 0.08,
    "receipt": 0.12,
    "advertising": 0.14,
    "finance": 0.10,
}
_DEFAULT_METHODS = {"kinship": 0.25, "romantic": 0.30, "job_offer": 0.40, "debt": 0.05}
_OTHER_ROLES = ("forger", "official", "coordinator", "victim", "bottom", "client")


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
    a, b = _cell_edges(starts, sizes, cell_topology)
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


# --------------------------------------------------------------------------- public
def trafficking_network(
    *,
    n: int = 500,
    mode: str = "traditional",
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

    Three organisational modes follow the seed story (Kenney's forms, DOMAIN §1-2):

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
    mode : {"traditional", "online", "hybrid"}, default "traditional"
    counts : mapping role -> int, optional
        Exact counts that override the composition: stage roles of the mode (``recruiter``,
        ``transporter``, ``harbourer``, ``transferrer``, ``receiver``, ``exploiter``, and
        online/hybrid ``advertiser``, ``financier``) and ``forger``, ``official``,
        ``coordinator`` (default 0: middle managers tied to a leader and three handlers or
        actors of their group), ``victim`` (victims who are not bottoms), ``bottom``,
        ``client``. Leaders and handlers follow from ``core_size``, ``cell_size``,
        ``n_groups``. In online mode every stage role needs at least ``n_groups`` actors.
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
        In every mode the share of recruitment ties made online (social media job offers,
        romance). Online mode: also the share of member handoffs that are online (default
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
        ``max(exposure_prob)`` of its endpoints.
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
        ``meta["counts"]`` holds the realised role counts.

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
    >>> g = nc.generators.trafficking_network(n=300, mode="traditional", rng=7)
    >>> roles = g.node_attrs["role"].value_counts()
    >>> int(roles["leader"]), int(roles["victim"] + roles["bottom"]), int(roles["client"])
    (2, 90, 105)
    >>> h = nc.generators.trafficking_network(n=300, mode="online", rng=7)
    >>> sorted(set(h.node_attrs["kind"]))
    ['account', 'ad', 'person', 'phone', 'platform']
    """
    func = "trafficking_network"
    gen = check_rng(rng, func=func)
    n = check_int(n, func=func, param="n", min=30)
    check_choice(mode, _MODES, func=func, param="mode")
    core_size = check_int(core_size, func=func, param="core_size", min=1)
    cell_size = check_int(cell_size, func=func, param="cell_size", min=2)
    check_choice(cell_topology, ("star", "clique", "chain", "empty"), func=func,
                 param="cell_topology")
    anonymity = check_prob(anonymity, func=func, param="anonymity")
    vpe = check_float(victims_per_exploiter, func=func, param="victims_per_exploiter",
                      min=0.0, min_open=True)
    bottom_share = check_prob(bottom_share, func=func, param="bottom_share")
    bpc = check_float(bookings_per_client, func=func, param="bookings_per_client", min=1.0)
    cross_group_p = check_prob(cross_group_p, func=func, param="cross_group_p")
    apv = check_float(ads_per_victim, func=func, param="ads_per_victim", min=1.0)
    app = check_float(accounts_per_person, func=func, param="accounts_per_person", min=1.0)
    ppp = check_float(phones_per_person, func=func, param="phones_per_person", min=1.0)
    shared_phone_p = check_prob(shared_phone_p, func=func, param="shared_phone_p")
    n_platforms = check_int(n_platforms, func=func, param="n_platforms", min=1)
    sample_observed = check_bool(sample_observed, func=func, param="sample_observed")
    if (not isinstance(regions, (tuple, list)) or len(regions) != 3
            or not all(isinstance(r, (int, np.integer)) and r >= 1 for r in regions)):
        raise param_error(func, "regions", "a tuple of 3 ints >= 1", regions)
    if (not isinstance(broker_fee, (tuple, list)) or len(broker_fee) != 2
            or not all(isinstance(x, (int, float)) for x in broker_fee)
            or not 0 <= broker_fee[0] <= broker_fee[1] < 1):
        raise param_error(func, "broker_fee", "a pair (low, high) with 0 <= low <= high < 1",
                          broker_fee)
    if online_share is None:
        online_share = {"traditional": 0.0, "online": 0.8, "hybrid": 0.5}[mode]
    online_share = check_prob(online_share, func=func, param="online_share")
    if methods is None:
        methods = _DEFAULT_METHODS
    if (not isinstance(methods, Mapping) or not methods
            or any(k not in METHODS for k in methods)
            or any(not isinstance(v, (int, float)) or v < 0 for v in methods.values())
            or sum(methods.values()) <= 0):
        raise param_error(func, "methods",
                          f"a mapping from {METHODS!r} to non-negative probabilities", methods)
    stages = STAGES if mode == "traditional" else ONLINE_STAGES
    L = len(stages)
    stage_role_names = [STAGE_ROLES[s] for s in stages]
    allowed = (*stage_role_names, *_OTHER_ROLES)
    counts = dict(counts or {})
    for key, val in counts.items():
        if key not in allowed:
            raise param_error(func, "counts", f"a mapping with keys among {allowed!r}", key)
        check_int(val, func=func, param=f"counts[{key!r}]", min=0)

    # ---------------------------------------------------------------- composition
    V_all = round(_VICTIM_SHARE * n)
    clients = round(0.35 * n)
    M = n - V_all - clients
    c: dict[str, int] = {
        "bottom": round(bottom_share * V_all),
        "client": clients,
        "forger": round(0.01 * M),
        "official": round(0.01 * M),
        "coordinator": 0,
    }
    c["victim"] = V_all - c["bottom"]
    c["exploiter"] = max(1, round(V_all / vpe))
    if n_groups is None:
        G = {"traditional": 1, "online": max(1, round(M / 12)),
             "hybrid": max(2, round(M / 100))}[mode]
    else:
        G = check_int(n_groups, func=func, param="n_groups", min=1)
    leaders = G * core_size if mode != "online" else 0
    rest = M - leaders - c["forger"] - c["official"] - c["exploiter"]
    if mode != "online":
        rest = round(rest * (cell_size - 1) / cell_size)
    others = [s for s in stages if s != "exploitation"]
    wsum = sum(_STAGE_WEIGHTS[s] for s in others)
    for s in others:
        c[STAGE_ROLES[s]] = max(1, round(max(rest, 0) * _STAGE_WEIGHTS[s] / wsum))
    if mode == "online":
        for s in stages:
            c[STAGE_ROLES[s]] = max(c[STAGE_ROLES[s]], G)
    c.update({k: int(v) for k, v in counts.items()})
    if mode == "online":
        low = [r for r in stage_role_names if c[r] < G]
        if low:
            raise param_error(func, "counts", f"at least n_groups = {G} {low[0]}s (online mode "
                              "needs every stage in every group)", c[low[0]])
    if c["victim"] + c["bottom"] > 0 and c["exploiter"] == 0:
        raise param_error(func, "counts", "at least one exploiter when there are victims", 0)

    # ---------------------------------------------------------------- member layer
    per_stage = np.array([c[r] for r in stage_role_names], np.int64)
    w = np.stack([_spread(int(t), G, gen) for t in per_stage], axis=1)  # (G, L)
    n_gray = c["forger"] + c["official"] + c["coordinator"]
    n_vict = c["victim"] + c["bottom"]
    n_members_max = G * core_size + int(per_stage.sum()) * 2 + G * L
    n_brokers_max = 2 * G if mode == "hybrid" else 0
    # online object counts are drawn later; allocate persons first, online objects after
    cap = n_members_max + n_gray + n_brokers_max + n_vict + c["client"]
    parts = Parts(cap, role_code("member"))
    nd = parts.node
    stage_roles = np.array([role_code(r) for r in stage_role_names], np.int64)
    if mode == "online":
        end, mpos, mgrp, mstg, lead = _chain_members(
            gen, parts, 0, G, stage_roles, w, cross_group_p, online_share,
            np.array([0.3 if s in ("recruitment", "harbouring", "exploitation") else 0.0
                      for s in stages]),
            stages.index("exploitation"),
        )
        lead_of_group = lead
        handler_pos = np.zeros(0, np.int64)
        handler_grp = np.zeros(0, np.int64)
    else:
        end, lead2d, handler_pos, handler_grp, _, wpos, wgrp, wstg = _wheel_members(
            gen, parts, 0, G, core_size, stage_roles, w, cell_size, anonymity, cell_topology
        )
        mpos, mgrp, mstg = wpos, wgrp, wstg
        lead_of_group = lead2d[:, 0]
    # ---------------------------------------------------------------- geography
    n_src, n_tr, n_dst = (int(r) for r in regions)
    locations = ([f"source_{i + 1}" for i in range(n_src)]
                 + [f"transit_{i + 1}" for i in range(n_tr)]
                 + [f"destination_{i + 1}" for i in range(n_dst)])
    g_src = gen.integers(0, n_src, G)
    g_tr = n_src + gen.integers(0, n_tr, G)
    g_dst = n_src + n_tr + gen.integers(0, n_dst, G)
    stage_geo = np.array([0 if s == "recruitment" else
                          1 if s in ("transportation", "harbouring", "transfer") else 2
                          for s in stages])
    geo = np.stack([g_src, g_tr, g_dst], axis=1)  # (G, 3)
    grp_all = nd["group"][:end]
    stg_all = nd["stage"][:end]
    has_stage = stg_all >= 0
    loc = np.where(has_stage, geo[grp_all, stage_geo[np.maximum(stg_all, 0)]], g_dst[grp_all])
    nd["location"][:end] = loc

    def stage_pool(stage: str):
        s = stages.index(stage)
        sel = mstg == s
        return mpos[sel], mgrp[sel]

    # ---------------------------------------------------------------- gray actors
    pos = end
    def block(count: int, role: str, group: np.ndarray):
        nonlocal pos
        p = np.arange(pos, pos + count, dtype=np.int64)
        nd["role"][p] = role_code(role)
        nd["group"][p] = group
        pos += count
        return p
    tp, tg = stage_pool("transportation")
    hp, hg = stage_pool("harbouring")
    fg = gen.integers(0, G, c["forger"])
    forgers = block(c["forger"], "forger", fg)
    nd["location"][forgers] = g_src[fg]
    parts.add_edges(lead_of_group[fg], forgers, "payment")
    t_of = _pick(gen, tp, tg, G, fg)
    ok = t_of >= 0
    parts.add_edges(forgers[ok], t_of[ok], "transaction")
    og = gen.integers(0, G, c["official"])
    officials = block(c["official"], "official", og)
    nd["location"][officials] = g_tr[og]
    parts.add_edges(lead_of_group[og], officials, "payment")
    h_of = _pick(gen, hp, hg, G, og)
    ok = h_of >= 0
    parts.add_edges(officials[ok], h_of[ok], "transaction")
    cg_ = gen.integers(0, G, c["coordinator"])
    coords = block(c["coordinator"], "coordinator", cg_)
    nd["location"][coords] = g_dst[cg_]
    parts.add_edges(lead_of_group[cg_], coords, "command")
    sub_pool, sub_grp = (handler_pos, handler_grp) if mode != "online" else (mpos, mgrp)
    if len(coords):
        picks = np.stack([_pick(gen, sub_pool, sub_grp, G, cg_) for _ in range(3)], axis=1)
        cc = np.repeat(coords, 3)
        pk = picks.ravel()
        cc, pk = cc[pk >= 0], pk[pk >= 0]
        keyv = np.unique(cc * cap + pk)
        cc, pk = keyv // cap, keyv % cap
        ok = ~np.isin(pk, lead_of_group)
        parts.add_edges(cc[ok], pk[ok], "command")

    # ---------------------------------------------------------------- brokers (hybrid)
    if mode == "hybrid" and G > 1:
        sellers_g = np.arange(G - 1)
        buyers_g = sellers_g + 1
        extra = np.flatnonzero(gen.random(G) < cross_group_p)
        if len(extra):
            other = (extra + 1 + gen.integers(0, G - 1, len(extra))) % G
            sellers_g = np.concatenate([sellers_g, extra])
            buyers_g = np.concatenate([buyers_g, other])
        nb = len(sellers_g)
        brokers = block(nb, "broker", -1)
        nd["location"][brokers] = g_tr[sellers_g]
        sell = _pick(gen, handler_pos, handler_grp, G, sellers_g)
        buy = _pick(gen, handler_pos, handler_grp, G, buyers_g)
        fee = gen.uniform(broker_fee[0], broker_fee[1], nb)
        ok = sell >= 0
        parts.add_edges(sell[ok], brokers[ok], "transaction", weight=1.0)
        ok = buy >= 0
        parts.add_edges(brokers[ok], buy[ok], "transaction", weight=1.0 - fee[ok])

    # ---------------------------------------------------------------- victims
    ep, _ = stage_pool("exploitation")
    V = n_vict
    if V and len(ep) == 0:
        raise param_error(func, "counts", "at least one exploiter when there are victims", 0)
    perm = gen.permutation(len(ep))
    vexp = ep[perm[np.arange(V) % len(ep)]] if V else np.zeros(0, np.int64)
    vgrp = nd["group"][vexp]
    is_bottom = np.zeros(V, bool)
    is_bottom[gen.choice(V, size=c["bottom"], replace=False)] = True
    victims = np.arange(pos, pos + V, dtype=np.int64)
    nd["role"][victims] = np.where(is_bottom, role_code("bottom"), role_code("victim"))
    nd["group"][victims] = vgrp
    nd["stage"][victims] = stages.index("exploitation")
    nd["location"][victims] = g_dst[vgrp]
    nd["origin"][victims] = g_src[vgrp]
    pos += V
    mkeys = list(methods)
    mp = np.array([methods[k] for k in mkeys], float)
    mcode = np.array([METHODS.index(k) for k in mkeys])[
        gen.choice(len(mkeys), size=V, p=mp / mp.sum())]
    rp, rg = stage_pool("recruitment")
    rec = _pick(gen, rp, rg, G, vgrp)
    ok = rec >= 0
    rchan = np.where(gen.random(V) < online_share, chan_code("online"), 0)
    parts.add_edges(rec[ok], victims[ok], "recruitment", channel=rchan[ok], time=0.0,
                    method=mcode[ok])
    for stage, rel in (("transportation", "transport"), ("harbouring", "harbouring")):
        sp_, sg_ = stage_pool(stage)
        who = _pick(gen, sp_, sg_, G, vgrp)
        ok = who >= 0
        parts.add_edges(who[ok], victims[ok], rel, time=float(stages.index(stage)))
    t_exp = float(stages.index("exploitation"))
    parts.add_edges(vexp, victims, "control", time=t_exp)
    # bottoms control the other victims of their exploiter
    if is_bottom.any():
        order = np.argsort(vexp, kind="stable")
        ve = vexp[order]
        bnd = np.flatnonzero(np.r_[True, ve[1:] != ve[:-1], True])
        sizes = np.diff(bnd)
        bi, bj = block_pairs(bnd[:-1], sizes)  # pairs of victims with the same exploiter
        vi, vj = victims[order][bi], victims[order][bj]
        bi_b, bj_b = is_bottom[order][bi], is_bottom[order][bj]
        sel = bi_b | bj_b
        parts.add_edges(vi[sel], vj[sel], "control", time=t_exp)

    # ---------------------------------------------------------------- clients
    C = c["client"]
    clients_pos = np.arange(pos, pos + C, dtype=np.int64)
    nd["role"][clients_pos] = role_code("client")
    pos += C
    nbook = 1 + gen.poisson(bpc - 1.0, C) if C else np.zeros(0, np.int64)
    bc = np.repeat(clients_pos, nbook)
    bv = victims[gen.integers(0, V, len(bc))] if V else np.zeros(0, np.int64)
    if V:
        key = np.unique(bc * cap + bv)
        bc, bv = key // cap, key % cap
        # a client lives in the destination of his first booking, belongs to no group
        first = np.r_[True, bc[1:] != bc[:-1]] if len(bc) else np.zeros(0, bool)
        nd["location"][bc[first]] = nd["location"][bv[first]]
        parts.add_edges(bc, bv, "transaction", time=t_exp)
    v_index = bv - (victims[0] if V else 0)
    advertised = np.zeros(V, bool)
    if mode == "online":
        advertised[:] = True
    elif mode == "hybrid":
        advertised = gen.random(V) < online_share
    offline_b = ~advertised[v_index] if V else np.zeros(0, bool)
    if V:
        ex = vexp[v_index[offline_b]]
        k2 = np.unique(bc[offline_b] * cap + ex)
        parts.add_edges(k2 // cap, k2 % cap, "booking", time=t_exp)
    n_persons = pos
    for key in nd:
        nd[key] = nd[key][:n_persons]
    parts.n = n_persons

    # ---------------------------------------------------------------- online layer
    extra_nodes: dict[str, int] = {}
    if mode != "traditional":
        online_roles = [role_code(r) for r in ("advertiser", "recruiter", "exploiter",
                                                  "financier", "leader")]
        if mode == "online":
            owners = mpos[np.isin(nd["role"][mpos], online_roles)]
            owners = np.union1d(owners, lead_of_group)
        else:
            owners = mpos[np.isin(nd["role"][mpos], online_roles[:1] + online_roles[3:4])]
        # accounts
        nacc = 1 + gen.poisson(app - 1.0, len(owners))
        acc_owner = np.repeat(owners, nacc)
        A = len(acc_owner)
        acc_plat = gen.integers(0, n_platforms, A)
        # phones with churn
        nph = 1 + gen.poisson(ppp - 1.0, len(owners))
        ph_owner = np.repeat(owners, nph)
        P = len(ph_owner)
        phf = np.zeros(len(owners), np.int64)
        np.cumsum(nph[:-1], out=phf[1:])
        ph_period = np.arange(P) - np.repeat(phf, nph)
        # ads
        adv_pos, adv_grp = (mpos[nd["role"][mpos] == role_code("advertiser")],
                            mgrp[nd["role"][mpos] == role_code("advertiser")])
        av = np.flatnonzero(advertised)
        nads = 1 + gen.poisson(apv - 1.0, len(av))
        ad_victim = np.repeat(victims[av], nads)
        D = len(ad_victim)
        poster = _pick(gen, adv_pos, adv_grp, G, nd["group"][ad_victim])
        # every advertiser owns >= 1 account; pick one of the poster's accounts
        order = np.argsort(acc_owner, kind="stable")
        ao = acc_owner[order]
        first_acc = np.searchsorted(ao, poster)
        n_own = np.searchsorted(ao, poster, side="right") - first_acc
        ok_ad = (poster >= 0) & (n_own > 0)
        ad_acc_local = np.zeros(D, np.int64)
        if A:
            ad_acc_local = order[np.minimum(first_acc + np.floor(gen.random(D) * n_own)
                                            .astype(np.int64), A - 1)]
        # phone on the ad: one of the poster's phones
        porder = np.argsort(ph_owner, kind="stable")
        po = ph_owner[porder]
        fph = np.searchsorted(po, poster)
        nown = np.searchsorted(po, poster, side="right") - fph
        ad_phone_local = porder[np.minimum(fph + np.floor(gen.random(D) * nown).astype(np.int64),
                                           max(P - 1, 0))] if P else np.zeros(D, np.int64)
        # layout after persons: accounts, ads, phones, platforms
        acc0 = n_persons
        ad0 = acc0 + A
        ph0 = ad0 + D
        pl0 = ph0 + P
        total = pl0 + n_platforms
        extra_nodes = {"account": A, "ad": D, "phone": P, "platform": n_platforms}
        # grow the node arrays
        grow = total - n_persons
        for key in nd:
            fill = 0 if key == "role" else -1
            nd[key] = np.concatenate([nd[key], np.full(grow, fill, np.int64)])
        parts.n = total
        nd["role"][acc0:ad0] = role_code("account")
        nd["role"][ad0:ph0] = role_code("ad")
        nd["role"][ph0:pl0] = role_code("phone")
        nd["role"][pl0:total] = role_code("platform")
        nd["group"][acc0:ad0] = nd["group"][acc_owner]
        nd["group"][ad0:ph0] = nd["group"][ad_victim]
        nd["group"][ph0:pl0] = nd["group"][ph_owner]
        on, pf = chan_code("online"), chan_code("platform")
        parts.add_edges(acc_owner, acc0 + np.arange(A), "control", channel=on)
        parts.add_edges(acc0 + np.arange(A), pl0 + acc_plat, "hosting", channel=pf)
        parts.add_edges(ph_owner, ph0 + np.arange(P), "uses", channel=on, time=ph_period)
        # shared phones: a second random owner (not the first)
        if len(owners) > 1:
            sh = np.flatnonzero(gen.random(P) < shared_phone_p)
            other = owners[gen.integers(0, len(owners), len(sh))]
            ok = other != ph_owner[sh]
            parts.add_edges(other[ok], ph0 + sh[ok], "uses", channel=on,
                            time=ph_period[sh[ok]])
        ad_ids = ad0 + np.arange(D)
        t_adv = float(stages.index("advertising"))
        parts.add_edges(ad_ids, ad_victim, "advertising", channel=on, time=t_adv)
        parts.add_edges(acc0 + ad_acc_local[ok_ad], ad_ids[ok_ad], "advertising", channel=on,
                        time=t_adv)
        parts.add_edges(ad_ids[ok_ad], pl0 + acc_plat[ad_acc_local[ok_ad]], "hosting",
                        channel=pf, time=t_adv)
        if P:
            parts.add_edges(ad_ids[ok_ad], ph0 + ad_phone_local[ok_ad], "contact", channel=on,
                            time=t_adv)
        # clients of advertised victims book through one of the victim's ads
        if V and (~offline_b).any():
            vb = v_index[~offline_b]
            cb_ = bc[~offline_b]
            aorder = np.argsort(ad_victim - victims[0], kind="stable")
            av_sorted = (ad_victim - victims[0])[aorder]
            fa = np.searchsorted(av_sorted, vb)
            na = np.searchsorted(av_sorted, vb, side="right") - fa
            ad_pick = aorder[np.minimum(fa + np.floor(gen.random(len(vb)) * na).astype(np.int64),
                                        D - 1)]
            key = np.unique(cb_ * total + ad0 + ad_pick)
            parts.add_edges(key // total, key % total, "booking", channel=pf, time=t_exp)
            # and pay a financier of the victim's group
            fp, fgp = stage_pool("finance")
            fin = _pick(gen, fp, fgp, G, nd["group"][victims[vb]])
            ok = fin >= 0
            key = np.unique(cb_[ok] * total + fin[ok])
            parts.add_edges(key // total, key % total, "payment", channel=on,
                            time=float(stages.index("finance")))
    # ---------------------------------------------------------------- trim and finish
    role_counts = np.bincount(nd["role"], minlength=len(ROLES))
    realised = {r: int(k) for r, k in zip(ROLES, role_counts) if k}
    meta = {"generator": func, "mode": mode, "n_groups": G, "counts": realised,
            "online_objects": extra_nodes}
    return finish(parts, directed=False, stages=stages, locations=locations,
                  observe=1.0 if sample_observed else None, rng=gen, meta=meta)
