"""Network forms: Kenney's wheel and chain, netwar forms, hybrids, cells, covert optima.

Every generator returns a :class:`~netcrime.graph.Graph` whose attribute tables carry the
ground truth.

Node attributes (one row per node)
    ``role`` (categorical, see :data:`ROLES`), ``stage`` (ordered categorical over the stage
    list of the network), ``group`` (int: core group / wheel / chain), ``cell`` (int),
    ``tier`` (int: 0 leadership, 1 management or go-between, 2 operational member, 3 victim,
    4 client, -1 not a person), ``kind`` (categorical: person, account, ad, phone,
    platform), ``knows_core`` (bool: a leader, or a person tied directly to a leader),
    ``location`` (categorical), ``exposure_prob`` (float: an illustrative chance that an
    investigation observes the node, by role; see ``ROLE_TABLE``).
Edge attributes (one row per edge)
    ``relation`` (categorical, see :data:`RELATIONS`), ``channel`` (categorical: offline,
    online, platform), ``weight`` (float, 1.0 unless stated), ``time`` (float: the step of
    the trafficking flow at which the tie is used, the index of the downstream stage for a
    handoff; 0 for standing ties), ``observed`` (bool; every edge of a form is observed).

Missing values
    A string attribute that does not apply (the stage of a leader who spans every stage,
    the location in an abstract form) is the pandas missing value (NaN in the categorical);
    an integer attribute that does not apply (the cell of a core member, the group of a form
    without groups) is ``-1``. ``tier``, ``kind``, ``knows_core`` and ``exposure_prob`` are
    never missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._validation import (
    MAX_GENERATED,
    check_bool,
    check_choice,
    check_generated_size,
    check_int,
    check_rng,
    param_error,
)
from ..graph import Graph
from ._parts import (
    STAGE_ROLES,
    STAGES,
    Parts,
    bernoulli_indices,
    block_pairs,
    cell_edges,
    check_prob,
    check_sizes,
    distinct_choice,
    finish,
    random_matching,
    random_pairs_between_blocks,
    rel_code,
    role_code,
    triu_decode,
)

__all__ = [
    "cellular",
    "chain_of_wheels",
    "kenney_chain",
    "kenney_wheel",
    "netwar",
    "reinforced_ring",
    "wheel_graph",
    "wheel_of_chains",
    "windmill",
]

_CORE_TOPOLOGIES = ("clique", "star", "path")
_CELL_TOPOLOGIES = ("clique", "star", "chain", "empty")
_HANDOFFS = ("matching", "random", "broker")


# =========================================================================== wheel kernel
def _core_edges(k: int, topology: str) -> tuple[np.ndarray, np.ndarray]:
    if k < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if topology == "clique":
        i, j = np.triu_indices(k, 1)
        return i.astype(np.int64), j.astype(np.int64)
    if topology == "star":
        return np.zeros(k - 1, np.int64), np.arange(1, k, dtype=np.int64)
    return np.arange(k - 1, dtype=np.int64), np.arange(1, k, dtype=np.int64)


def _wheel_parts(
    rng: np.random.Generator,
    *,
    core_size: int,
    core_topology: str,
    sizes: np.ndarray,
    cell_topology: str,
    anonymity: float,
    cross_cell_p: float,
    redundancy: int,
    cell_stage: np.ndarray | None,
    worker_role: np.ndarray | None = None,
    group: int = 0,
) -> Parts:
    """Kenney wheel as coded parts. Layout: core ``[0, K)``, then each cell (handler first)."""
    K = core_size
    C = len(sizes)
    starts = np.zeros(C, np.int64)
    if C:
        np.cumsum(sizes[:-1], out=starts[1:])
    starts += K
    n = K + int(sizes.sum())
    parts = Parts(n, role_code("worker"))
    nd = parts.node
    nd["role"][:K] = role_code("leader")
    nd["role"][starts] = role_code("handler")
    nd["group"][:] = group
    cell_of_node = np.repeat(np.arange(C, dtype=np.int64), sizes)
    nd["cell"][K:] = cell_of_node
    if cell_stage is not None and C:
        nd["stage"][K:] = cell_stage[cell_of_node]
    if worker_role is not None and C:
        wr = worker_role[cell_of_node]
        is_worker = np.ones(n - K, bool)
        is_worker[starts - K] = False
        nd["role"][K:][is_worker] = wr[is_worker]

    cmd = rel_code("command")
    a, b = _core_edges(K, core_topology)
    parts.add_edges(a, b, cmd)
    # handlers report to a primary core member (round-robin) and to redundancy-1 others
    primary = np.arange(C, dtype=np.int64) % K
    parts.add_edges(primary, starts, cmd)
    r = min(redundancy, K)
    if r > 1 and C:
        extra = distinct_choice(rng, C, K - 1, r - 1)  # offsets among the other K-1
        others = (primary[:, None] + 1 + extra) % K
        parts.add_edges(others.ravel(), np.repeat(starts, r - 1), cmd)
    # ties inside cells
    a, b = cell_edges(starts, sizes, cell_topology)
    if len(a):
        is_handler_tie = (a == starts[cell_of_node[a - K]]) | (b == starts[cell_of_node[b - K]])
        rel = np.where(is_handler_tie, cmd, rel_code("collaboration"))
        parts.add_edges(a, b, rel)
    # workers who know the core: a direct tie to their cell's primary core member
    workers = np.setdiff1d(np.arange(K, n, dtype=np.int64), starts, assume_unique=True)
    if anonymity < 1.0 and len(workers):
        known = workers[rng.random(len(workers)) >= anonymity]
        parts.add_edges(primary[cell_of_node[known - K]], known, cmd)
    # cross-cell ties between workers of different cells
    if cross_cell_p > 0 and len(workers) > 1:
        i, j = random_pairs_between_blocks(rng, cell_of_node[workers - K], cross_cell_p)
        parts.add_edges(workers[i], workers[j], rel_code("collaboration"))
    return parts


def _check_stage_list(stages: Any, *, func: str, param: str = "stages") -> tuple[str, ...] | None:
    if stages is None:
        return None
    if isinstance(stages, str) or not isinstance(stages, Sequence):
        raise param_error(func, param, "None or a sequence of distinct stage names", stages)
    st = tuple(stages)
    if not st or not all(isinstance(s, str) and s for s in st) or len(set(st)) != len(st):
        raise param_error(func, param, "a non-empty sequence of distinct stage names", stages)
    return st


@dataclass(frozen=True)
class _WheelSpec:
    """The parameters of one Kenney wheel, validated once for :func:`kenney_wheel` and
    :func:`chain_of_wheels` (which take the same keywords, documented in
    :func:`kenney_wheel`). ``cell_size`` is kept as given: :meth:`sizes` draws it."""

    core_size: int
    core_topology: str
    n_cells: int
    cell_size: Any
    cell_topology: str
    anonymity: float
    cross_cell_p: float
    redundancy: int
    stages: tuple[str, ...] | None

    @classmethod
    def checked(cls, func: str, kw: Mapping[str, Any],
                draw_sizes: np.random.Generator | None = None
                ) -> tuple[_WheelSpec, np.ndarray | None]:
        """Validate the wheel keywords of ``kw`` (a superset) in signature order. With
        ``draw_sizes``, the cell sizes are drawn from it right after ``n_cells`` is checked
        and returned too."""
        core_size = check_int(kw["core_size"], func=func, param="core_size", min=1,
                              cap=MAX_GENERATED)
        check_choice(kw["core_topology"], _CORE_TOPOLOGIES, func=func, param="core_topology")
        n_cells = check_int(kw["n_cells"], func=func, param="n_cells", min=0, cap=MAX_GENERATED)
        sizes = None
        if draw_sizes is not None:
            sizes = check_sizes(kw["cell_size"], n_cells, func=func, param="cell_size",
                                rng=draw_sizes)
        check_choice(kw["cell_topology"], _CELL_TOPOLOGIES, func=func, param="cell_topology")
        spec = cls(
            core_size=core_size,
            core_topology=kw["core_topology"],
            n_cells=n_cells,
            cell_size=kw["cell_size"],
            cell_topology=kw["cell_topology"],
            anonymity=check_prob(kw["anonymity"], func=func, param="anonymity"),
            cross_cell_p=check_prob(kw["cross_cell_p"], func=func, param="cross_cell_p"),
            redundancy=check_int(kw["redundancy"], func=func, param="redundancy", min=1,
                                 max=core_size),
            stages=_check_stage_list(kw["stages"], func=func),
        )
        return spec, sizes

    def sizes(self, func: str, rng: np.random.Generator) -> np.ndarray:
        """One draw of the cell sizes."""
        return check_sizes(self.cell_size, self.n_cells, func=func, param="cell_size", rng=rng)

    def parts(self, rng: np.random.Generator, sizes: np.ndarray, group: int = 0) -> Parts:
        """One wheel with these cell sizes, as coded parts (see :func:`_wheel_parts`)."""
        st = self.stages
        cell_stage = None if st is None else np.arange(self.n_cells, dtype=np.int64) % len(st)
        return _wheel_parts(
            rng, core_size=self.core_size, core_topology=self.core_topology, sizes=sizes,
            cell_topology=self.cell_topology, anonymity=self.anonymity,
            cross_cell_p=self.cross_cell_p, redundancy=self.redundancy, cell_stage=cell_stage,
            group=group,
        )


def kenney_wheel(
    *,
    core_size: int = 1,
    core_topology: str = "clique",
    n_cells: int = 6,
    cell_size: Any = 5,
    cell_topology: str = "clique",
    anonymity: float = 1.0,
    cross_cell_p: float = 0.0,
    redundancy: int = 1,
    stages: Sequence[str] | None = STAGES,
    rng: Any = None,
) -> Graph:
    """Kenney's wheel network: a core that commands peripheral cells through their leaders.

    Parameters
    ----------
    core_size : int, default 1
        Number of core members (role ``"leader"``, tier 0, ``cell = -1``, no stage).
    core_topology : {"clique", "star", "path"}, default "clique"
        Ties among core members (``"star"``: the first core member is the hub).
    n_cells : int, default 6
        Number of peripheral cells.
    cell_size : int, sequence of int, or callable, default 5
        Members per cell *including* its leader (role ``"handler"``, tier 1): one int for all
        cells, ``n_cells`` ints, or ``callable(rng, n_cells)`` returning ``n_cells`` ints
        (e.g. ``lambda r, k: 1 + r.poisson(4, k)``). Each size must be ``>= 1``.
    cell_topology : {"clique", "star", "chain", "empty"}, default "clique"
        Ties inside a cell: all pairs; the handler as hub; a path that starts at the handler
        (handler - w1 - w2 - ...); or none (workers then hang only from the core, when they
        know it, or from other cells).
    anonymity : float in [0, 1], default 1.0
        Share of workers (non-handler cell members) whose only upward tie runs through their
        cell leader. Each worker independently *knows the core* (a direct ``"command"`` tie
        to its cell's primary core member, ``knows_core=True``) with probability
        ``1 - anonymity``.
    cross_cell_p : float in [0, 1], default 0.0
        Probability of a tie between two workers of different cells (independent for every
        such pair; sampled exactly without enumerating pairs).
    redundancy : int in [1, core_size], default 1
        Number of distinct core members each handler is tied to (at most ``core_size``):
        the primary one (cell ``c`` reports to core member ``c mod core_size``) and
        ``redundancy - 1`` others drawn at random.
    stages : sequence of str or None, default :data:`STAGES`
        Cell ``c`` works in stage ``stages[c mod len(stages)]`` (stage-wise cells); None
        leaves every stage missing. Core members have no stage.
    rng : None, int or numpy.random.Generator
        Randomness (cell sizes from a callable, redundancy, anonymity, cross-cell ties).

    Returns
    -------
    Graph
        Undirected; ``n = core_size + sum(cell sizes)`` nodes laid out core first, then each
        cell with its handler first. Roles ``leader``/``handler``/``worker``; ``group`` is 0;
        ``cell`` is the cell index (-1 for the core); relations ``command`` (core ties,
        upward ties) and ``collaboration`` (worker-worker); channel ``offline``.

    Raises
    ------
    ParameterError
        If a parameter breaks its rule.

    Notes
    -----
    Kenney's wheel is a *star of cells*, not the graph-theory wheel (hub plus rim), which is
    :func:`wheel_graph`. With ``cell_topology != "empty"`` the network is connected.
    Time and memory are linear in the number of ties (cliques cost ``size^2`` per cell).

    References
    ----------
    Kenney, M. (2007). The architecture of drug trafficking: network forms of organisation in
    the Colombian cocaine trade. *Global Crime* 8(3), 233-259. doi:10.1080/17440570701507794

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.kenney_wheel(core_size=2, n_cells=3, cell_size=4, rng=1)
    >>> g.n_nodes, g.n_edges
    (14, 22)
    >>> g.node_attrs["role"].value_counts()[["leader", "handler", "worker"]].tolist()
    [2, 3, 9]
    """
    func = "kenney_wheel"
    kw = dict(locals())
    gen = check_rng(rng, func=func)
    spec, sizes = _WheelSpec.checked(func, kw, draw_sizes=gen)
    parts = spec.parts(gen, sizes)
    meta = {"generator": func, "form": "wheel"}
    return finish(parts, directed=False, stages=spec.stages, meta=meta)


# =========================================================================== chain kernel
def _stage_roles(stages: Sequence[str]) -> np.ndarray:
    return np.array([role_code(STAGE_ROLES.get(s, "worker")) for s in stages], np.int64)


def _random_handoffs(rng: np.random.Generator, base: np.ndarray, s: int, a: int, b: int,
                     n: int, per_group: int, handoff_p: float, ensure_flow: bool
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Random stage ``s -> s + 1`` handoffs of every group (each pair with ``handoff_p``).

    With ``ensure_flow`` an actor left without a tie downstream gets one random tie to the
    next stage of its group, then an actor left without a tie upstream one to the previous.
    """
    G = base.shape[0]
    k = bernoulli_indices(rng, G * a * b, handoff_p)
    g, r = k // (a * b), k % (a * b)
    u, v = base[g, s] + r // b, base[g, s + 1] + r % b
    if not ensure_flow:
        return u, v
    up = np.arange(a)[None, :] + base[:, s][:, None]
    has = np.zeros(n, bool)
    has[u] = True
    lone = up.ravel()[~has[up.ravel()]]
    gl = lone // per_group
    v2 = base[gl, s + 1] + rng.integers(0, b, len(lone))
    u, v = np.concatenate([u, lone]), np.concatenate([v, v2])
    down = (np.arange(b)[None, :] + base[:, s + 1][:, None]).ravel()
    has[:] = False
    has[v] = True
    lone = down[~has[down]]
    gl = lone // per_group
    u2 = base[gl, s] + rng.integers(0, a, len(lone))
    return np.concatenate([u, u2]), np.concatenate([v, lone])


def _chain_parts(
    rng: np.random.Generator,
    *,
    stages: Sequence[str],
    sizes: np.ndarray,
    n_groups: int,
    handoff: str,
    handoff_p: float,
    intra_p: np.ndarray,
    skip_p: float,
    cross_group_p: float,
    online_share: float,
    directed: bool,
    leader_stage: int | None,
    ensure_flow: bool,
    group_offset: int = 0,
) -> tuple[Parts, np.ndarray]:
    """Chains of ``n_groups`` core groups; returns parts and ``base[g, s]`` block starts.

    Layout: group-major, stage-minor blocks of actors, then brokers (``"broker"`` handoff).
    """
    L = len(stages)
    G = n_groups
    per_group = int(sizes.sum())
    stage_start = np.zeros(L, np.int64)
    np.cumsum(sizes[:-1], out=stage_start[1:])
    base = np.arange(G, dtype=np.int64)[:, None] * per_group + stage_start[None, :]
    n_actors = G * per_group
    n_brokers = G * (L - 1) if handoff == "broker" else 0
    parts = Parts(n_actors + n_brokers, 0)
    nd = parts.node
    stage_of = np.tile(np.repeat(np.arange(L, dtype=np.int64), sizes), G)
    nd["stage"][:n_actors] = stage_of
    nd["role"][:n_actors] = _stage_roles(stages)[stage_of]
    nd["group"][:n_actors] = np.repeat(np.arange(G, dtype=np.int64), per_group) + group_offset
    if n_brokers:
        nd["role"][n_actors:] = role_code("broker")
        nd["group"][n_actors:] = np.repeat(np.arange(G, dtype=np.int64), L - 1) + group_offset
    if leader_stage is not None and G:
        nd["role"][base[:, leader_stage]] = role_code("leader")

    srcs, dsts, rels, times = [], [], [], []

    def add(a, b, rel, t):
        srcs.append(np.asarray(a, np.int64))
        dsts.append(np.asarray(b, np.int64))
        rels.append(np.full(len(a), rel, np.int64))
        times.append(np.full(len(a), t, np.float64))

    hand = rel_code("handoff")
    for s in range(L - 1):
        a, b = int(sizes[s]), int(sizes[s + 1])
        if handoff == "matching":
            g, i, j = random_matching(rng, G, a, b)
            add(base[g, s] + i, base[g, s + 1] + j, hand, s + 1)
        elif handoff == "random":
            u, v = _random_handoffs(rng, base, s, a, b, parts.n, per_group, handoff_p,
                                    ensure_flow)
            add(u, v, hand, s + 1)
        else:  # broker
            br = n_actors + np.arange(G, dtype=np.int64) * (L - 1) + s
            ua = (base[:, s][:, None] + np.arange(a)[None, :]).ravel()
            add(ua, np.repeat(br, a), hand, s + 0.5)
            vb = (base[:, s + 1][:, None] + np.arange(b)[None, :]).ravel()
            add(np.repeat(br, b), vb, hand, s + 1)
    # stage skipping: an actor hands directly to stage s+2 of its group
    if skip_p > 0:
        for s in range(L - 2):
            a, c = int(sizes[s]), int(sizes[s + 2])
            k = bernoulli_indices(rng, G * a, skip_p)
            g = k // a
            add(base[g, s] + k % a, base[g, s + 2] + rng.integers(0, c, len(k)), hand, s + 2)
    # cross-group handoffs: an actor hands to stage s+1 of another group
    if cross_group_p > 0 and G > 1:
        for s in range(L - 1):
            a, b = int(sizes[s]), int(sizes[s + 1])
            k = bernoulli_indices(rng, G * a, cross_group_p)
            g = k // a
            other = (g + 1 + rng.integers(0, G - 1, len(k))) % G
            add(base[g, s] + k % a, base[other, s + 1] + rng.integers(0, b, len(k)),
                rel_code("transaction"), s + 1)
    # ties inside a stage block of a group
    collab = rel_code("collaboration")
    for s in range(L):
        a = int(sizes[s])
        if intra_p[s] <= 0 or a < 2:
            continue
        npairs = a * (a - 1) // 2
        k = bernoulli_indices(rng, G * npairs, float(intra_p[s]))
        g = k // npairs
        i, j = triu_decode(k % npairs, a)
        u, v = base[g, s] + i, base[g, s] + j
        add(u, v, collab, s)
        if directed:
            add(v, u, collab, s)
    if srcs:
        src = np.concatenate(srcs)
        dst = np.concatenate(dsts)
        rel = np.concatenate(rels)
        tim = np.concatenate(times)
        chan = np.zeros(len(src), np.int64)
        if online_share > 0:
            chan[rng.random(len(src)) < online_share] = 1
        parts.add_edges(src, dst, rel, channel=chan, time=tim)
    return parts, base


def _check_intra(value: Any, L: int, func: str) -> np.ndarray:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return np.full(L, check_prob(value, func=func, param="intra_stage_p"))
    try:
        arr = np.asarray(value, dtype=float) if isinstance(value, Sequence) \
            and not isinstance(value, str) else None
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.shape != (L,) or (arr < 0).any() or (arr > 1).any():
        raise param_error(
            func, "intra_stage_p", f"a float in [0, 1] or {L} floats in [0, 1] (one per stage)",
            value,
        )
    return arr


def kenney_chain(
    *,
    stages: Sequence[str] = STAGES,
    stage_sizes: Any = 1,
    n_groups: int = 1,
    handoff: str = "matching",
    handoff_p: float = 0.5,
    intra_stage_p: Any = 0.0,
    skip_p: float = 0.0,
    cross_group_p: float = 0.0,
    online_share: float = 0.0,
    leader_stage: str | None = "last",
    ensure_flow: bool = True,
    directed: bool = True,
    rng: Any = None,
) -> Graph:
    """Kenney's chain network: core groups whose actors pass people stage to stage.

    Parameters
    ----------
    stages : sequence of str, default :data:`STAGES`
        The stages in flow order. Actors of a stage get the stage's role (``recruiter``,
        ``transporter``, ``harbourer``, ``transferrer``, ``receiver``, ``exploiter``,
        ``advertiser``, ``financier``; ``worker`` for a stage name outside that list).
    stage_sizes : int or sequence of int, default 1
        Actors per stage in each group: one int, or one int per stage (each ``>= 1``).
    n_groups : int, default 1
        Number of parallel core groups (``group`` column), each a full chain.
    handoff : {"matching", "random", "broker"}, default "matching"
        How stage ``s`` hands to stage ``s+1`` inside a group. ``"matching"``: one-to-one
        ties, ``max(a, b)`` per pair of blocks of sizes ``a``, ``b`` (random permutations,
        the larger side assigned round-robin to the smaller, so everyone has a partner);
        ``"random"``: every pair tied independently with probability ``handoff_p``;
        ``"broker"``: one broker per group and transition (role ``"broker"``, no stage)
        receives from all of stage ``s`` and hands to all of stage ``s+1``.
    handoff_p : float in [0, 1], default 0.5
        Tie probability for ``handoff="random"``.
    intra_stage_p : float or sequence of float, default 0.0
        Probability of a ``"collaboration"`` tie between two actors of the same stage and
        group (one value, or one per stage: such ties are likely within recruitment,
        harbouring and exploitation, not within transport or finance). Directed graphs get
        both arcs.
    skip_p : float in [0, 1], default 0.0
        Each actor of stage ``s`` also hands directly to a random actor of stage ``s+2`` of
        its group with this probability (stage skipping).
    cross_group_p : float in [0, 1], default 0.0
        Each actor of stage ``s`` also hands (relation ``"transaction"``) to a random actor of
        stage ``s+1`` of a uniformly chosen *other* group with this probability.
    online_share : float in [0, 1], default 0.0
        Each tie is ``channel="online"`` independently with this probability (else offline).
    leader_stage : str, "last" or None, default "last"
        The first actor of this stage in each group has role ``"leader"`` (keeping its stage
        and its ordinary ties: in a chain nobody commands from the centre). ``"last"`` means
        the last stage (the exploiter who profits); None: no leaders.
    ensure_flow : bool, default True
        With ``handoff="random"``: an actor left without a partner in the next (previous)
        stage gets one uniformly at random, so no actor is cut off from the flow. False
        keeps the pure Bernoulli ties.
    directed : bool, default True
        Arcs along the flow (upstream -> downstream); False gives the undirected chain.
    rng : None, int or numpy.random.Generator
        Randomness.

    Returns
    -------
    Graph
        Nodes laid out group by group, stage by stage (then brokers). ``time`` of a handoff
        is the index of the downstream stage (brokers receive at ``s + 0.5``). Relations:
        ``handoff`` inside a group, ``transaction`` across groups, ``collaboration`` within
        a stage. ``cell`` is -1.

    Raises
    ------
    ParameterError
        If a parameter breaks its rule.

    Notes
    -----
    The *broken chain*: with the defaults every tie joins adjacent stages of one group, so
    each actor knows only its immediate up- and downstream partners. A matching chain with
    one actor per stage is the path on ``len(stages)`` nodes. With ``"matching"``,
    ``"broker"`` and ``"random"`` with ``ensure_flow=True`` every actor has a partner in
    each adjacent stage, so everyone lies on a line through all stages; but matching blocks
    of equal size gives *parallel* lines that never meet (a group is connected only where
    block sizes differ, or through intra-stage, skip or cross-group ties). ``"broker"``
    groups are connected. Groups are joined only through ``cross_group_p``. Random ties are
    drawn by geometric skipping, in time linear in the number of ties.

    References
    ----------
    Kenney, M. (2007). The architecture of drug trafficking: network forms of organisation in
    the Colombian cocaine trade. *Global Crime* 8(3), 233-259. doi:10.1080/17440570701507794

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.kenney_chain(stage_sizes=2, rng=0)
    >>> g.n_nodes, g.n_edges, g.directed
    (12, 10, True)
    >>> list(g.node_attrs["stage"].cat.categories) == list(nc.generators.STAGES)
    True
    """
    func = "kenney_chain"
    gen = check_rng(rng, func=func)
    st = _check_stage_list(stages, func=func)
    if st is None:
        raise param_error(func, "stages", "a non-empty sequence of distinct stage names", None)
    L = len(st)
    if isinstance(stage_sizes, (int, np.integer)) and not isinstance(stage_sizes, bool):
        sizes = np.full(L, check_int(stage_sizes, func=func, param="stage_sizes", min=1,
                                     cap=MAX_GENERATED))
    else:
        sizes = check_sizes(stage_sizes, L, func=func, param="stage_sizes", rng=gen)
    n_groups = check_int(n_groups, func=func, param="n_groups", min=1, cap=MAX_GENERATED)
    check_choice(handoff, _HANDOFFS, func=func, param="handoff")
    handoff_p = check_prob(handoff_p, func=func, param="handoff_p")
    intra = _check_intra(intra_stage_p, L, func)
    skip_p = check_prob(skip_p, func=func, param="skip_p")
    cross_group_p = check_prob(cross_group_p, func=func, param="cross_group_p")
    online_share = check_prob(online_share, func=func, param="online_share")
    ensure_flow = check_bool(ensure_flow, func=func, param="ensure_flow")
    directed = check_bool(directed, func=func, param="directed")
    if leader_stage is None:
        ls = None
    elif leader_stage == "last":
        ls = L - 1
    else:
        ls = st.index(check_choice(leader_stage, (*st, "last", None), func=func,
                                   param="leader_stage"))
    parts, _ = _chain_parts(
        gen, stages=st, sizes=sizes, n_groups=n_groups, handoff=handoff, handoff_p=handoff_p,
        intra_p=intra, skip_p=skip_p, cross_group_p=cross_group_p, online_share=online_share,
        directed=directed, leader_stage=ls, ensure_flow=ensure_flow,
    )
    meta = {"generator": func, "form": "chain"}
    return finish(parts, directed=directed, stages=st, meta=meta)


# =========================================================================== netwar forms
def _simple_form(n: int, src: np.ndarray, dst: np.ndarray, roles: np.ndarray, form: str,
                 func: str) -> Graph:
    parts = Parts(n, roles)
    parts.add_edges(src, dst, "link")
    return finish(parts, directed=False, stages=None, meta={"generator": func, "form": form})


def netwar(*, kind: str = "chain", n: int = 6) -> Graph:
    """Arquilla and Ronfeldt's netwar forms: chain, hub (star) and all-channel networks.

    Parameters
    ----------
    kind : {"chain", "hub", "all_channel"}, default "chain"
        ``"chain"``: the path ``0 - 1 - ... - (n-1)`` (people pass things end to end);
        ``"hub"``: the star with node 0 as the hub (role ``"leader"``);
        ``"all_channel"``: the complete graph (everyone tied to everyone).
    n : int >= 2, default 6
        Number of actors.

    Returns
    -------
    Graph
        Undirected; roles ``"member"`` (and the hub's ``"leader"``), relation ``"link"``.
        Stage, location are missing; group and cell are -1.

    Raises
    ------
    ParameterError
        For a bad ``kind`` or ``n``.

    Notes
    -----
    Ties: ``n - 1`` for the chain and the hub, ``n (n - 1) / 2`` for the all-channel network.
    The three forms are the extremes of Lindelauf et al.'s trade-off: the all-channel network
    has the highest information and zero secrecy (``S1 = 0``), the hub maximises
    ``mu = S1 * I`` among connected graphs on 4-7 nodes (tested exhaustively in
    ``tests/test_covert.py``), the chain has the longest paths. Deterministic (no ``rng``);
    O(n + m) time and memory.

    References
    ----------
    Arquilla, J., & Ronfeldt, D. (Eds.) (2001). *Networks and Netwars: The Future of Terror,
    Crime, and Militancy*. RAND, Santa Monica. ISBN 0-8330-3030-2.

    Examples
    --------
    >>> import netcrime as nc
    >>> [nc.generators.netwar(kind=k, n=5).n_edges for k in ("chain", "hub", "all_channel")]
    [4, 4, 10]
    """
    func = "netwar"
    check_choice(kind, ("chain", "hub", "all_channel"), func=func, param="kind")
    n = check_int(n, func=func, param="n", min=2, cap=MAX_GENERATED)
    roles = np.full(n, role_code("member"), np.int64)
    if kind == "chain":
        src, dst = np.arange(n - 1), np.arange(1, n)
    elif kind == "hub":
        src, dst = np.zeros(n - 1, np.int64), np.arange(1, n)
        roles[0] = role_code("leader")
    else:
        src, dst = np.triu_indices(n, 1)
    return _simple_form(n, src, dst, roles, kind, func)


def wheel_graph(*, n: int) -> Graph:
    """The graph-theory wheel ``W_n``: a hub tied to every node of a cycle (the rim).

    Not Kenney's wheel (a core commanding cells, :func:`kenney_wheel`). ``W_n`` is one of
    Lindelauf's covert structures: the hub keeps paths short, the rim adds redundancy.

    Parameters
    ----------
    n : int >= 4
        Number of nodes: the hub (node 0, role ``"leader"``) and a rim cycle of ``n - 1``
        nodes (role ``"member"``).

    Returns
    -------
    Graph
        Undirected, ``2 (n - 1)`` edges, relation ``"link"``.

    Notes
    -----
    ``n`` nodes (the same convention as ``networkx.wheel_graph(n)``), ``2 (n - 1)`` ties; the
    hub has degree ``n - 1``, every rim node degree 3, the diameter is 2 for ``n >= 5``.
    Removing the hub leaves the cycle ``C_{n-1}``, still connected. Deterministic; O(n).

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.wheel_graph(n=6)
    >>> g.n_edges, g.degree().tolist()
    (10, [5, 3, 3, 3, 3, 3])
    """
    func = "wheel_graph"
    n = check_int(n, func=func, param="n", min=4, cap=MAX_GENERATED)
    rim = np.arange(1, n, dtype=np.int64)
    src = np.concatenate([np.zeros(n - 1, np.int64), rim])
    dst = np.concatenate([rim, np.roll(rim, -1)])
    roles = np.full(n, role_code("member"), np.int64)
    roles[0] = role_code("leader")
    return _simple_form(n, src, dst, roles, "wheel_graph", func)


def windmill(*, n_blades: int = 3, blade_size: int = 3) -> Graph:
    """Lindelauf's windmill: ``n_blades`` cliques that share one centre node.

    Parameters
    ----------
    n_blades : int >= 1, default 3
        Number of cliques (cells).
    blade_size : int >= 2, default 3
        Nodes per clique *including* the shared centre.

    Returns
    -------
    Graph
        Undirected, ``1 + n_blades (blade_size - 1)`` nodes; the centre is node 0 (role
        ``"leader"``), blade members have role ``"member"`` and ``cell`` = blade index.

    Notes
    -----
    With ``b = n_blades`` and ``s = blade_size``: ``1 + b (s - 1)`` nodes and
    ``b s (s - 1) / 2`` ties (``s = 3``: the friendship graph ``F_b``). The centre is the
    only cut vertex: removing it leaves ``b`` separate cliques of ``s - 1``. Deterministic;
    O(m).

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.windmill(n_blades=3, blade_size=3)  # the friendship graph F_3
    >>> g.n_nodes, g.n_edges
    (7, 9)
    """
    func = "windmill"
    b = check_int(n_blades, func=func, param="n_blades", min=1, cap=MAX_GENERATED)
    k = check_int(blade_size, func=func, param="blade_size", min=2, cap=MAX_GENERATED)
    check_generated_size(float(b) * k, float(b) * k * k, func=func, param="blade_size",
                         value=blade_size)
    n = 1 + b * (k - 1)
    starts = 1 + np.arange(b, dtype=np.int64) * (k - 1)
    s1, d1 = block_pairs(starts, np.full(b, k - 1))
    members = np.arange(1, n, dtype=np.int64)
    src = np.concatenate([np.zeros(n - 1, np.int64), s1])
    dst = np.concatenate([members, d1])
    parts = Parts(n, role_code("member"))
    parts.node["role"][0] = role_code("leader")
    parts.node["cell"][1:] = np.repeat(np.arange(b), k - 1)
    parts.add_edges(src, dst, "link")
    return finish(parts, directed=False, stages=None, meta={"generator": func, "form": func})


def reinforced_ring(*, n: int, chords: Any = 1) -> Graph:
    """A ring (cycle) reinforced with chords between far-apart members.

    Parameters
    ----------
    n : int >= 4
        Ring size.
    chords : int or sequence of (int, int), default 1
        Number of chords, spread around the ring (chord ``j`` joins node
        ``a_j = round(j n / (2c))`` to ``a_j + floor(n/2)``), or explicit node pairs
        that are not ring ties.

    Returns
    -------
    Graph
        Undirected, ``n + c`` edges, roles ``"member"``, relation ``"link"``.

    Notes
    -----
    Lindelauf et al. (2009) report rings with one or two chords as the best
    secrecy-information balance under S3 for 6 and 7 members. An exhaustive search over all
    connected graphs (``networkx.graph_atlas_g``, see ``tests/test_covert.py``) finds the
    maximisers for ``n = 6, 7`` to be 2-connected graphs with ``n + 1`` and ``n + 2`` ties,
    maximum degree 3, that are *not* Hamiltonian: a ring on ``n - 1`` members plus a member
    bridging two of them (an "ear"). This function builds the Hamiltonian variant; pass
    explicit ``chords`` for other designs.

    References
    ----------
    Lindelauf, R., Borm, P., & Hamers, H. (2009). *Social Networks* 31(2), 126-137.
    doi:10.1016/j.socnet.2008.12.003

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.reinforced_ring(n=8, chords=2)
    >>> g.n_edges, sorted(g.degree().tolist())
    (10, [2, 2, 2, 2, 3, 3, 3, 3])
    """
    func = "reinforced_ring"
    n = check_int(n, func=func, param="n", min=4, cap=MAX_GENERATED)
    ring_s = np.arange(n, dtype=np.int64)
    ring_d = (ring_s + 1) % n
    if isinstance(chords, (int, np.integer)) and not isinstance(chords, bool):
        c = check_int(chords, func=func, param="chords", min=0, max=n // 2)
        a = np.round(np.arange(c) * n / (2.0 * max(c, 1))).astype(np.int64)
        cs, cd = a, (a + n // 2) % n
    else:
        try:
            arr = np.asarray(chords, dtype=np.int64).reshape(-1, 2)
        except (TypeError, ValueError, OverflowError) as exc:
            raise param_error(func, "chords", "an int or a sequence of node pairs", chords) from exc
        cs, cd = arr[:, 0], arr[:, 1]
        diff = np.abs(cs - cd)
        if ((cs < 0) | (cd < 0) | (cs >= n) | (cd >= n) | (diff == 0) | (diff == 1)
                | (diff == n - 1)).any():
            raise param_error(func, "chords", f"pairs of distinct non-adjacent nodes in [0, {n})",
                              chords)
    src = np.concatenate([ring_s, cs])
    dst = np.concatenate([ring_d, cd])
    lo, hi = np.minimum(src, dst), np.maximum(src, dst)
    if len(np.unique(lo * n + hi)) != len(lo):
        raise param_error(func, "chords", "distinct pairs", chords)
    return _simple_form(n, lo, hi, np.full(n, role_code("member")), func, func)


# =========================================================================== cells
def cellular(
    *,
    n_cells: int = 10,
    cell_size: Any = 4,
    topology: str = "clique",
    link: str = "random",
    link_p: float = 0.05,
    connected: bool = False,
    rng: Any = None,
) -> Graph:
    """Gutfraind's cellular network: small cells linked at random or through their leaders.

    Parameters
    ----------
    n_cells : int >= 1, default 10
    cell_size : int, sequence of int, or callable, default 4
        Members per cell (as in :func:`kenney_wheel`); the first member of each cell is its
        leader (role ``"handler"``), the others ``"member"``.
    topology : {"clique", "cycle", "star"}, default "clique"
        Ties inside a cell (``"star"`` around the leader; a cycle of 2 is one tie).
    link : {"random", "leaders"}, default "random"
        ``"random"`` (caveman-like): every pair of members of different cells is tied with
        probability ``link_p``. ``"leaders"``: every pair of cell leaders is tied with
        probability ``link_p`` (a G(n, p) among leaders).
    link_p : float in [0, 1], default 0.05
    connected : bool, default False
        If True, after random linking, components are chained together: the leader of the
        first cell of each component is tied to the leader of the first cell of the next
        one (relation ``"link"``), the minimum number of added ties. False leaves the
        random graph as drawn.
    rng : None, int or numpy.random.Generator

    Returns
    -------
    Graph
        Undirected; ``cell`` holds the cell index; relations ``"collaboration"`` (inside
        cells) and ``"link"`` (between cells).

    Notes
    -----
    With cell sizes ``s_c`` (``N = sum s_c``), the ties inside cells are ``s_c (s_c - 1) / 2``
    (clique), ``s_c - 1`` (star) or ``s_c`` for ``s_c >= 3`` (cycle; one tie for a pair).
    Linking adds, independently, each of the ``(N^2 - sum s_c^2) / 2`` member pairs across
    cells (``"random"``) or each of the ``C (C - 1) / 2`` leader pairs (``"leaders"``) with
    probability ``link_p``; the number of ties is drawn from the binomial law and that many
    distinct eligible pairs are sampled (leaders: geometric skips), never by enumerating all
    pairs, so the time is O(N + m). ``connected=True`` adds
    ``(number of components) - 1`` ties.

    References
    ----------
    Gutfraind, A. (2010). Optimizing topological cascade resilience based on the structure
    of terrorist networks. *PLoS ONE* 5(11), e13448. doi:10.1371/journal.pone.0013448

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.cellular(n_cells=5, cell_size=3, link_p=0.0, connected=True, rng=0)
    >>> g.n_nodes, g.n_edges
    (15, 19)
    """
    func = "cellular"
    gen = check_rng(rng, func=func)
    C = check_int(n_cells, func=func, param="n_cells", min=1, cap=MAX_GENERATED)
    sizes = check_sizes(cell_size, C, func=func, param="cell_size", rng=gen)
    check_choice(topology, ("clique", "cycle", "star"), func=func, param="topology")
    check_choice(link, ("random", "leaders"), func=func, param="link")
    link_p = check_prob(link_p, func=func, param="link_p")
    connected = check_bool(connected, func=func, param="connected")
    starts = np.zeros(C, np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    n = int(sizes.sum())
    parts = Parts(n, role_code("member"))
    parts.node["role"][starts] = role_code("handler")
    cell_of = np.repeat(np.arange(C, dtype=np.int64), sizes)
    parts.node["cell"][:] = cell_of
    collab = rel_code("collaboration")
    if topology == "clique":
        a, b = block_pairs(starts, sizes)
    elif topology == "star":
        a, b = cell_edges(starts, sizes, "star")
    else:
        a, b = cell_edges(starts, sizes, "chain")
        big = sizes >= 3
        a = np.concatenate([a, starts[big]])
        b = np.concatenate([b, (starts + sizes - 1)[big]])
    parts.add_edges(a, b, collab)
    if link == "random":
        i, j = random_pairs_between_blocks(gen, cell_of, link_p)
        parts.add_edges(i, j, "link")
    else:
        k = bernoulli_indices(gen, C * (C - 1) // 2, link_p)
        i, j = triu_decode(k, C)
        parts.add_edges(starts[i], starts[j], "link")
    if connected and C > 1:
        e = parts.edges()
        from scipy.sparse import coo_array
        from scipy.sparse.csgraph import connected_components

        adj = coo_array((np.ones(len(e["src"])), (e["src"], e["dst"])), shape=(n, n))
        _, lab = connected_components(adj, directed=False)
        comp_of_cell = lab[starts]
        _, first_cell = np.unique(comp_of_cell, return_index=True)
        first_cell = np.sort(first_cell)
        if len(first_cell) > 1:
            parts.add_edges(starts[first_cell[:-1]], starts[first_cell[1:]], "link")
    return finish(parts, directed=False, stages=None, meta={"generator": func, "form": func})


# =========================================================================== hybrids
def chain_of_wheels(
    *,
    n_wheels: int = 3,
    links: int = 1,
    link_role: str = "handler",
    core_size: int = 1,
    core_topology: str = "clique",
    n_cells: int = 4,
    cell_size: Any = 4,
    cell_topology: str = "clique",
    anonymity: float = 1.0,
    cross_cell_p: float = 0.0,
    redundancy: int = 1,
    stages: Sequence[str] | None = STAGES,
    rng: Any = None,
) -> Graph:
    """A chain of wheels: several core groups, each a Kenney wheel, joined in sequence.

    Wheel ``w`` (``group = w``) trades with wheel ``w + 1`` through ``links`` ties
    (relation ``"transaction"``) between distinct random members of role ``link_role``.

    Parameters
    ----------
    n_wheels : int >= 1, default 3
    links : int >= 1, default 1
        Ties between consecutive wheels (at most the number of candidates per wheel).
    link_role : {"handler", "worker", "leader"}, default "handler"
        Who makes the inter-group transactions.
    core_size, core_topology, n_cells, cell_size, cell_topology, anonymity, cross_cell_p, \
redundancy, stages
        Parameters of every wheel, see :func:`kenney_wheel` (cell sizes are drawn per wheel
        when ``cell_size`` is a callable).
    rng : None, int or numpy.random.Generator

    Returns
    -------
    Graph
        Undirected; wheels laid out one after the other.

    Notes
    -----
    Nodes: ``n_wheels`` times the nodes of one wheel (``core_size + sum of cell sizes``).
    Ties: those of ``n_wheels`` independent :func:`kenney_wheel` draws plus
    ``links * (n_wheels - 1)`` transactions. The wheels are connected only through the
    ``link_role`` members, so with ``links = 1`` each transaction tie is a bridge.
    O(N + m) time.

    References
    ----------
    Kenney, M. (2007). *Global Crime* 8(3), 233-259. doi:10.1080/17440570701507794

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.chain_of_wheels(n_wheels=3, n_cells=2, cell_size=3, rng=0)
    >>> g.n_nodes, g.n_edges, sorted(set(g.node_attrs["group"]))
    (21, 26, [0, 1, 2])
    """
    func = "chain_of_wheels"
    kw = dict(locals())
    gen = check_rng(rng, func=func)
    W = check_int(n_wheels, func=func, param="n_wheels", min=1, cap=MAX_GENERATED)
    check_generated_size(2.0 * W, 0.0, func=func, param="n_wheels", value=n_wheels)
    links = check_int(links, func=func, param="links", min=1)
    check_choice(link_role, ("handler", "worker", "leader"), func=func, param="link_role")
    spec, _ = _WheelSpec.checked(func, kw)
    st = spec.stages
    wheels = [spec.parts(gen, spec.sizes(func, gen), group=w) for w in range(W)]
    parts, offsets = Parts.concat(wheels)
    want = role_code(link_role)
    cands = [off + np.flatnonzero(p.node["role"] == want) for p, off in zip(wheels, offsets)]
    if W > 1 and min(len(c) for c in cands) < links:
        raise param_error(func, "links", f"at most the number of {link_role}s per wheel "
                          f"({min(len(c) for c in cands)})", links)
    for w in range(W - 1):
        a = gen.choice(cands[w], size=links, replace=False)
        b = gen.choice(cands[w + 1], size=links, replace=False)
        parts.add_edges(a, b, "transaction")
    return finish(parts, directed=False, stages=st, meta={"generator": func, "form": "hybrid"})


def wheel_of_chains(
    *,
    core_size: int = 1,
    core_topology: str = "clique",
    n_chains: int = 4,
    stages: Sequence[str] = STAGES,
    stage_sizes: Any = 1,
    handoff: str = "matching",
    handoff_p: float = 0.5,
    redundancy: int = 1,
    rng: Any = None,
) -> Graph:
    """A wheel whose cells are chains: a core commands several stage-to-stage chains.

    The head of each chain (the first actor of its first stage, role ``"handler"``) reports
    to core member ``c mod core_size`` (and to ``redundancy - 1`` other core members) and
    commands the other first-stage actors of its chain; inside each chain actors pass
    victims stage to stage as in :func:`kenney_chain`. The network is connected.

    Parameters
    ----------
    core_size, core_topology, redundancy
        As in :func:`kenney_wheel`.
    n_chains : int >= 1, default 4
        Number of chains (``cell`` = chain index; ``group`` = 0).
    stages, stage_sizes, handoff, handoff_p
        As in :func:`kenney_chain` (``handoff="random"`` keeps everyone in the flow).
    rng : None, int or numpy.random.Generator

    Returns
    -------
    Graph
        Undirected; core first, then the chains.

    Notes
    -----
    Nodes: ``core_size + n_chains * sum(stage_sizes)``. Ties: the core's topology, ``n_chains
    * redundancy`` command ties from core to chain heads, ``n_chains * (stage_sizes[0] - 1)``
    ties from each head to the rest of its first stage, and the handoff ties of every chain
    (as :func:`kenney_chain` with ``ensure_flow=True``). Chains touch each other only through
    the core. O(N + m) time.

    References
    ----------
    Kenney, M. (2007). *Global Crime* 8(3), 233-259. doi:10.1080/17440570701507794

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.wheel_of_chains(n_chains=3, rng=0)
    >>> g.n_nodes, g.n_edges
    (19, 18)
    """
    func = "wheel_of_chains"
    gen = check_rng(rng, func=func)
    K = check_int(core_size, func=func, param="core_size", min=1, cap=MAX_GENERATED)
    check_choice(core_topology, _CORE_TOPOLOGIES, func=func, param="core_topology")
    C = check_int(n_chains, func=func, param="n_chains", min=1, cap=MAX_GENERATED)
    st = _check_stage_list(stages, func=func)
    if st is None:
        raise param_error(func, "stages", "a non-empty sequence of distinct stage names", None)
    L = len(st)
    if isinstance(stage_sizes, (int, np.integer)) and not isinstance(stage_sizes, bool):
        sizes = np.full(L, check_int(stage_sizes, func=func, param="stage_sizes", min=1,
                                     cap=MAX_GENERATED))
    else:
        sizes = check_sizes(stage_sizes, L, func=func, param="stage_sizes", rng=gen)
    check_choice(handoff, _HANDOFFS, func=func, param="handoff")
    handoff_p = check_prob(handoff_p, func=func, param="handoff_p")
    redundancy = check_int(redundancy, func=func, param="redundancy", min=1,
                           max=K)
    core = Parts(K, role_code("leader"))
    core.node["group"][:] = 0
    a, b = _core_edges(K, core_topology)
    core.add_edges(a, b, "command")
    chains, base = _chain_parts(
        gen, stages=st, sizes=sizes, n_groups=C, handoff=handoff, handoff_p=handoff_p,
        intra_p=np.zeros(L), skip_p=0.0, cross_group_p=0.0, online_share=0.0,
        directed=False, leader_stage=None, ensure_flow=True,
    )
    chain_group = chains.node["group"].copy()
    chains.node["cell"][:] = chain_group
    chains.node["group"][:] = 0
    heads = base[:, 0]
    chains.node["role"][heads] = role_code("handler")
    parts, offsets = Parts.concat([core, chains])
    heads = heads + offsets[1]
    primary = np.arange(C, dtype=np.int64) % K
    parts.add_edges(primary, heads, "command")
    r = min(redundancy, K)
    if r > 1:
        extra = distinct_choice(gen, C, K - 1, r - 1)
        others = (primary[:, None] + 1 + extra) % K
        parts.add_edges(others.ravel(), np.repeat(heads, r - 1), "command")
    a0 = int(sizes[0])
    if a0 > 1:
        team = heads[:, None] + np.arange(1, a0)[None, :]
        parts.add_edges(np.repeat(heads, a0 - 1), team.ravel(), "command")
    return finish(parts, directed=False, stages=st, meta={"generator": func, "form": "hybrid"})
