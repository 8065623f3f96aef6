"""Shared vocabulary and array helpers of the generators (private).

Generators build a network as plain numpy arrays: node columns as integer codes into the
vocabularies below, edges as ``(src, dst)`` position arrays with coded edge columns. Parts of
a network (a core, cells, a chain, an online layer) are :class:`Parts` that are concatenated
with node offsets and finally turned into a :class:`~netcrime.graph.Graph` by
:func:`finish` (categoricals built with ``pd.Categorical.from_codes``: fast, small at 1M
nodes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import MAX_GENERATED, check_generated_size, check_int, param_error
from ..graph import Graph

# --------------------------------------------------------------------------- vocabularies
#: Default trafficking stages, in flow order (Palermo Protocol; Indonesia Law 21/2007 Art. 2,
#: plus exploitation).
STAGES: tuple[str, ...] = (
    "recruitment",
    "transportation",
    "harbouring",
    "transfer",
    "receipt",
    "exploitation",
)

#: Stages of an online chain: the default stages with advertising before exploitation and
#: finance after it.
ONLINE_STAGES: tuple[str, ...] = (
    "recruitment",
    "transportation",
    "harbouring",
    "transfer",
    "receipt",
    "advertising",
    "exploitation",
    "finance",
)

#: The operational role of an actor working in a stage.
STAGE_ROLES: dict[str, str] = {
    "recruitment": "recruiter",
    "transportation": "transporter",
    "harbouring": "harbourer",
    "transfer": "transferrer",
    "receipt": "receiver",
    "exploitation": "exploiter",
    "advertising": "advertiser",
    "finance": "financier",
}

#: Every role a generator can emit (the categories of the ``role`` column), with its tier
#: (0 leadership, 1 management / go-between, 2 operational member, 3 victim, 4 client or
#: other outsider, -1 not a person) and an illustrative exposure probability (the chance that
#: an investigation observes the node; an assumption for simulations, not an estimate).
ROLE_TABLE: dict[str, tuple[int, float]] = {
    "leader": (0, 0.05),
    "coordinator": (1, 0.10),
    "handler": (1, 0.15),
    "broker": (1, 0.20),
    "worker": (2, 0.30),
    "member": (2, 0.30),
    "recruiter": (2, 0.30),
    "transporter": (2, 0.40),
    "harbourer": (2, 0.30),
    "transferrer": (2, 0.30),
    "receiver": (2, 0.30),
    "exploiter": (2, 0.35),
    "bottom": (2, 0.30),
    "advertiser": (2, 0.50),
    "financier": (2, 0.20),
    "forger": (2, 0.20),
    "official": (2, 0.10),
    "victim": (3, 0.50),
    "client": (4, 0.40),
    "account": (-1, 0.60),
    "ad": (-1, 0.90),
    "phone": (-1, 0.70),
    "platform": (-1, 1.00),
}
ROLES: tuple[str, ...] = tuple(ROLE_TABLE)
_ROLE_CODE = {r: i for i, r in enumerate(ROLES)}
_TIER = np.array([t for t, _ in ROLE_TABLE.values()], dtype=np.int64)
_EXPOSURE = np.array([e for _, e in ROLE_TABLE.values()], dtype=np.float64)

#: Node kinds (the ``kind`` column).
KINDS: tuple[str, ...] = ("person", "account", "ad", "phone", "platform")
_KIND_OF_ROLE = np.array(
    [KINDS.index(r) if r in KINDS else 0 for r in ROLES], dtype=np.int64
)

#: Edge relations (the ``relation`` column).
RELATIONS: tuple[str, ...] = (
    "command",
    "handoff",
    "collaboration",
    "recruitment",
    "transport",
    "harbouring",
    "transaction",
    "control",
    "advertising",
    "booking",
    "payment",
    "kinship",
    "romantic",
    "uses",
    "hosting",
    "contact",
    "link",
)
#: Edge channels (the ``channel`` column).
CHANNELS: tuple[str, ...] = ("offline", "online", "platform")

#: Recruitment methods (the ``method`` column of recruitment ties).
METHODS: tuple[str, ...] = ("kinship", "romantic", "job_offer", "debt", "abduction")


def role_code(name: str) -> int:
    return _ROLE_CODE[name]


def rel_code(name: str) -> int:
    return RELATIONS.index(name)


def chan_code(name: str) -> int:
    return CHANNELS.index(name)


# --------------------------------------------------------------------------- parts
class Parts:
    """A network under construction: coded node columns and coded edges (positions local)."""

    NODE_INT = ("role", "stage", "group", "cell", "location", "origin")
    EDGE_COLS = ("relation", "channel", "weight", "time", "method")

    def __init__(self, n: int, role: Any) -> None:
        self.n = int(n)
        self.node: dict[str, np.ndarray] = {
            "role": np.broadcast_to(np.asarray(role, np.int64), (self.n,)).copy(),
            "stage": np.full(self.n, -1, np.int64),
            "group": np.full(self.n, -1, np.int64),
            "cell": np.full(self.n, -1, np.int64),
            "location": np.full(self.n, -1, np.int64),
            "origin": np.full(self.n, -1, np.int64),
        }
        self.edge_blocks: list[dict[str, np.ndarray]] = []

    def add_edges(
        self,
        src: Any,
        dst: Any,
        relation: Any,
        *,
        channel: Any = 0,
        weight: Any = 1.0,
        time: Any = 0.0,
        method: Any = -1,
    ) -> None:
        src = np.asarray(src, np.int64).ravel()
        dst = np.asarray(dst, np.int64).ravel()
        m = len(src)
        if m == 0:
            return
        if isinstance(relation, str):
            relation = rel_code(relation)
        if isinstance(channel, str):
            channel = chan_code(channel)

        def col(v: Any, dt: Any) -> np.ndarray:
            return np.broadcast_to(np.asarray(v, dt), (m,))

        self.edge_blocks.append(
            {
                "src": src,
                "dst": dst,
                "relation": col(relation, np.int64),
                "channel": col(channel, np.int64),
                "weight": col(weight, np.float64),
                "time": col(time, np.float64),
                "method": col(method, np.int64),
            }
        )

    def edges(self) -> dict[str, np.ndarray]:
        keys = ("src", "dst", *self.EDGE_COLS)
        if not self.edge_blocks:
            out = {k: np.zeros(0, np.int64) for k in keys}
            out["weight"] = np.zeros(0)
            out["time"] = np.zeros(0)
            return out
        return {k: np.concatenate([e[k] for e in self.edge_blocks]) for k in keys}

    @staticmethod
    def concat(parts: Sequence[Parts]) -> tuple[Parts, np.ndarray]:
        """Concatenate parts; returns the union and the node offset of each part."""
        offsets = np.zeros(len(parts) + 1, np.int64)
        np.cumsum([p.n for p in parts], out=offsets[1:])
        out = Parts(int(offsets[-1]), 0)
        for k in out.node:
            out.node[k] = np.concatenate([p.node[k] for p in parts]) if parts else out.node[k]
        for p, off in zip(parts, offsets[:-1]):
            for e in p.edge_blocks:
                e2 = dict(e)
                e2["src"] = e["src"] + off
                e2["dst"] = e["dst"] + off
                out.edge_blocks.append(e2)
        return out, offsets[:-1]


def finish(
    parts: Parts,
    *,
    directed: bool,
    stages: Sequence[str] | None,
    locations: Sequence[str] = (),
    observe: float | None = None,
    rng: np.random.Generator | None = None,
    meta: Mapping[str, Any] | None = None,
    multiedges: str = "error",
) -> Graph:
    """Turn coded parts into a Graph with the documented attribute columns.

    ``observe=None`` marks every edge observed; otherwise an edge is observed with
    probability ``max(exposure_prob[u], exposure_prob[v])`` (drawn from ``rng``).
    """
    n = parts.n
    nd = parts.node
    role = nd["role"]
    e = parts.edges()
    src, dst = e["src"], e["dst"]
    tier = _TIER[role]
    exposure = _EXPOSURE[role]
    kind = _KIND_OF_ROLE[role]
    # knows_core: a leader, or a person tied directly to a leader.
    is_leader = role == _ROLE_CODE["leader"]
    knows = is_leader.copy()
    if len(src):
        person = kind == 0
        ok = person[src] & person[dst]
        knows[dst[ok & is_leader[src]]] = True
        knows[src[ok & is_leader[dst]]] = True
    stage_cats = list(stages) if stages is not None else []
    node_attrs = pd.DataFrame(
        {
            "role": pd.Categorical.from_codes(role, ROLES),
            "stage": pd.Categorical.from_codes(nd["stage"], stage_cats, ordered=True),
            "group": nd["group"],
            "cell": nd["cell"],
            "tier": tier,
            "kind": pd.Categorical.from_codes(kind, KINDS),
            "knows_core": knows,
            "location": pd.Categorical.from_codes(nd["location"], list(locations)),
            "exposure_prob": exposure,
        },
        copy=False,
    )
    if (nd["origin"] >= 0).any():
        node_attrs["origin"] = pd.Categorical.from_codes(nd["origin"], list(locations))
    if observe is None or len(src) == 0:
        observed = np.ones(len(src), dtype=bool)
    else:
        assert rng is not None
        pr = np.maximum(exposure[src], exposure[dst])
        observed = rng.random(len(src)) < pr
    edge_attrs = {
        "relation": pd.Categorical.from_codes(e["relation"], RELATIONS),
        "channel": pd.Categorical.from_codes(e["channel"], CHANNELS),
        "weight": e["weight"],
        "time": e["time"],
        "observed": observed,
    }
    if (e["method"] >= 0).any():
        edge_attrs["method"] = pd.Categorical.from_codes(e["method"], METHODS)
    return Graph.from_arrays(
        n, src, dst, directed=directed, nodes=pd.RangeIndex(n), node_attrs=node_attrs,
        edge_attrs=pd.DataFrame(edge_attrs, copy=False), multiedges=multiedges,
        self_loops="error", meta=meta,
    )


# --------------------------------------------------------------------------- random helpers
def bernoulli_indices(rng: np.random.Generator, total: int, p: float) -> np.ndarray:
    """Sorted indices in ``[0, total)`` each kept independently with probability ``p``.

    Geometric skipping: memory and time ``O(p * total)``, never ``O(total)``; exact.
    """
    total = int(total)
    if total <= 0 or p <= 0.0:
        return np.zeros(0, np.int64)
    if p >= 1.0:
        return np.arange(total, dtype=np.int64)
    if total <= 4096:
        return np.flatnonzero(rng.random(total) < p).astype(np.int64)
    out: list[np.ndarray] = []
    pos = -1
    while True:
        expect = (total - pos) * p
        size = int(expect + 5.0 * math.sqrt(expect + 1.0) + 16)
        steps = np.minimum(rng.geometric(p, size=size), total + 1).astype(np.int64)
        cs = pos + np.cumsum(steps)
        keep = cs[cs < total]
        out.append(keep)
        if len(keep) < len(cs):
            break
        pos = int(cs[-1])
    return np.concatenate(out)


def triu_decode(k: np.ndarray, a: int) -> tuple[np.ndarray, np.ndarray]:
    """Map a row-major index into the strict upper triangle of an ``a x a`` matrix to (i, j)."""
    k = np.asarray(k, np.int64)
    if a < 2 or len(k) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    # row i starts at s(i) = i*a - i*(i+1)/2 ; solve s(i) <= k
    b = 2 * a - 1
    i = np.floor((b - np.sqrt(np.maximum(b * b - 8.0 * k, 0.0))) / 2).astype(np.int64)
    i = np.clip(i, 0, a - 2)
    start = i * a - i * (i + 1) // 2
    # fix floating-point off-by-one
    over = start > k
    while over.any():
        i[over] -= 1
        start = i * a - i * (i + 1) // 2
        over = start > k
    nxt = (i + 1) * a - (i + 1) * (i + 2) // 2
    under = (nxt <= k) & (i < a - 2)
    while under.any():
        i[under] += 1
        start = i * a - i * (i + 1) // 2
        nxt = (i + 1) * a - (i + 1) * (i + 2) // 2
        under = (nxt <= k) & (i < a - 2)
    j = k - start + i + 1
    return i, j


def block_pairs(starts: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs i<j inside each block ``[starts[b], starts[b] + sizes[b])`` (cliques)."""
    srcs, dsts = [], []
    for s in np.unique(sizes):
        if s < 2:
            continue
        sel = starts[sizes == s]
        iu, ju = np.triu_indices(int(s), 1)
        srcs.append((sel[:, None] + iu[None, :]).ravel())
        dsts.append((sel[:, None] + ju[None, :]).ravel())
    if not srcs:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(srcs).astype(np.int64), np.concatenate(dsts).astype(np.int64)


def cell_edges(starts: np.ndarray, sizes: np.ndarray,
               topology: str) -> tuple[np.ndarray, np.ndarray]:
    """Ties inside cells laid out contiguously (handler first): ``topology`` is
    ``"clique"``, ``"empty"``, ``"star"`` (around the handler) or ``"chain"`` (handler - w1 -
    w2 - ...)."""
    if topology == "clique":
        return block_pairs(starts, sizes)
    if topology == "empty":
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    w = sizes - 1
    total = int(w.sum())
    if total == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    # position of every worker: start + 1 .. start + size - 1
    cell_of = np.repeat(np.arange(len(sizes)), w)
    first = np.zeros(len(sizes), np.int64)
    np.cumsum(w[:-1], out=first[1:])
    local = np.arange(total, dtype=np.int64) - first[cell_of] + 1
    pos = starts[cell_of] + local
    if topology == "star":
        return starts[cell_of], pos
    return pos - 1, pos  # chain: handler - w1 - w2 - ...


def random_pairs_between_blocks(
    rng: np.random.Generator, block: np.ndarray, p: float
) -> tuple[np.ndarray, np.ndarray]:
    """G(n, p) restricted to pairs of items in *different* blocks (exact).

    ``block[i]`` is the block of item ``i``. The number of ties is drawn from the binomial
    law on the number of eligible pairs; that many distinct eligible pairs are then drawn
    uniformly (rejection of same-block and repeated pairs). Returns item indices ``i < j``.
    """
    n = len(block)
    if n < 2 or p <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    counts = np.bincount(block)
    eligible = (n * (n - 1) - int((counts * (counts - 1)).sum())) // 2
    if eligible <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    if eligible <= 2_000_000:
        iu, ju = np.triu_indices(n, 1) if n <= 2000 else (None, None)
        if iu is not None:
            ok = block[iu] != block[ju]
            iu, ju = iu[ok], ju[ok]
            keep = rng.random(len(iu)) < p
            return iu[keep].astype(np.int64), ju[keep].astype(np.int64)
    k = int(rng.binomial(eligible, p))
    keys = np.zeros(0, np.int64)
    while len(keys) < k:
        need = k - len(keys)
        draw = int(need * 1.2) + 16
        a = rng.integers(0, n, draw)
        b = rng.integers(0, n, draw)
        ok = block[a] != block[b]
        a, b = a[ok], b[ok]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        new = lo * np.int64(n) + hi
        # keep the first occurrence, in draw order, of pairs not drawn before
        new_u, first = np.unique(new, return_index=True)
        new_u = new_u[np.argsort(first)]
        new_u = new_u[~np.isin(new_u, keys)]
        keys = np.concatenate([keys, new_u[:need]])
    return keys // n, keys % n


def distinct_choice(rng: np.random.Generator, rows: int, pool: int, k: int) -> np.ndarray:
    """``rows x k`` matrix of distinct integers from ``[0, pool)`` per row (uniform)."""
    if k == 0 or rows == 0:
        return np.zeros((rows, k), np.int64)
    if rows * pool <= 20_000_000:
        return np.argsort(rng.random((rows, pool)), axis=1)[:, :k].astype(np.int64)
    out = rng.integers(0, pool, (rows, k))
    while True:
        s = np.sort(out, axis=1)
        bad = (s[:, 1:] == s[:, :-1]).any(axis=1)
        if not bad.any():
            return out.astype(np.int64)
        out[bad] = rng.integers(0, pool, (int(bad.sum()), k))


def random_matching(
    rng: np.random.Generator, groups: int, a: int, b: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One-to-one handoffs between blocks of sizes ``a`` and ``b`` in each of ``groups``.

    ``max(a, b)`` ties per group: random permutations of both sides, the larger side assigned
    round-robin to the smaller one, so every actor has at least one partner and the load on
    the smaller side differs by at most one. Returns (group, i, j) local indices.
    """
    big = max(a, b)
    pa = np.argsort(rng.random((groups, a)), axis=1)
    pb = np.argsort(rng.random((groups, b)), axis=1)
    t = np.arange(big)
    i = pa[:, t % a]
    j = pb[:, t % b]
    g = np.repeat(np.arange(groups, dtype=np.int64), big)
    return g, i.ravel().astype(np.int64), j.ravel().astype(np.int64)


# --------------------------------------------------------------------------- validation
def check_sizes(
    value: Any,
    count: int,
    *,
    func: str,
    param: str,
    rng: np.random.Generator,
    min_size: int = 1,
) -> np.ndarray:
    """Sizes given as an int, a sequence of ``count`` ints, or ``callable(rng, count)``."""
    if callable(value):
        arr = np.asarray(value(rng, count))
        rule = f"a callable returning {count} ints >= {min_size}"
    elif isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        v = check_int(value, func=func, param=param, min=min_size, cap=MAX_GENERATED)
        check_generated_size(float(v) * count, 0.0, func=func, param=param, value=value)
        return np.full(count, v, np.int64)
    else:
        try:
            arr = np.asarray(value)
        except Exception as exc:  # pragma: no cover - exotic input
            raise param_error(func, param, "an int or a sequence of ints", value) from exc
        rule = f"an int >= {min_size}, a sequence of {count} ints >= {min_size} or a callable"
    if (
        arr.shape != (count,)
        or (count and not np.issubdtype(arr.dtype, np.integer))
        or (count and arr.min() < min_size)
    ):
        raise param_error(func, param, rule, value if not callable(value) else arr)
    return arr.astype(np.int64)


def check_prob(value: Any, *, func: str, param: str) -> float:
    from .._validation import check_float

    return check_float(value, func=func, param=param, min=0.0, max=1.0)
