"""Node positions: Kenney's wheel, the stage chain, and the layout resolution of
:func:`netcrime.plot.draw_network` (layout names, explicit positions, seeded spring layout).

:func:`wheel_layout` and :func:`chain_layout` are public; :func:`node_attr`,
:func:`column_values`, :func:`declared_order` and :func:`resolve_layout` are shared with
:mod:`netcrime.plot.figures` and not re-exported by the package.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_rng, param_error
from ..exceptions import GraphFormatError
from ..graph import Graph, as_graph
from .palettes import ROLE_COLORS, category_order, is_missing, norm_key, stage_rank

__all__ = ["chain_layout", "wheel_layout"]

#: Integer attributes where a negative value means "does not apply" (generators use -1).
_INT_NA_COLS = frozenset({"cell", "group"})

_CORE_TIERS = {"core", "leader", "leadership", "top", "boss", "0"}
_MIDDLE_TIERS = {"cell_leader", "handler", "middle", "mid", "lieutenant", "cut_out",
                 "cutout", "1"}
_CORE_ROLES = {"leader", "boss", "core", "trafficker", "coordinator"}
_MIDDLE_ROLES = {"cell_leader", "handler", "operator", "joki"}


# --------------------------------------------------------------------------- node attributes
def column_values(col: pd.Series, name: str) -> np.ndarray:
    """A node attribute as an object array; a negative ``cell``/``group`` id reads as None."""
    vals = col.to_numpy(dtype=object)
    if name in _INT_NA_COLS and pd.api.types.is_integer_dtype(col):
        vals = np.where(col.to_numpy() < 0, None, vals)
    return vals


def node_attr(g: Graph, name: str) -> np.ndarray | None:
    """The node attribute ``name`` (see :func:`column_values`), or None if the graph has none."""
    na = g.node_attrs
    if name in na.columns:
        return column_values(na[name], name)
    return None


def declared_order(g: Graph, name: str) -> tuple[str, ...]:
    """The categories of an ordered categorical column (the generator's stage order)."""
    na = g.node_attrs
    if name in na.columns and isinstance(na[name].dtype, pd.CategoricalDtype):
        if na[name].cat.ordered:
            return tuple(str(c) for c in na[name].cat.categories)
    return ()


def _undirected_adj(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    if not g.directed:
        return g.indptr, g.indices
    u = g.to_undirected()
    return u.indptr, u.indices


def _mask(n: int, idx: np.ndarray) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    m[idx] = True
    return m


def _spread_1d(v: np.ndarray, gap: float) -> np.ndarray:
    """Push values apart to at least ``gap`` keeping their order, then re-centre them."""
    if len(v) < 2:
        return v.astype(float)
    order = np.argsort(v, kind="stable")
    a = v[order].astype(float)
    for j in range(1, len(a)):
        if a[j] < a[j - 1] + gap:
            a[j] = a[j - 1] + gap
    a += float(v.mean() - a.mean())
    out = np.empty(len(v))
    out[order] = a
    return out


def _bfs_layers(indptr: np.ndarray, indices: np.ndarray, placed: np.ndarray,
                todo: np.ndarray) -> list[np.ndarray]:
    """Unplaced nodes in layers: first those next to a placed node, then the next ones ...;
    nodes never reached form the last layer."""
    placed = placed.copy()
    remaining = np.asarray(todo, dtype=np.int64)
    layers = []
    while len(remaining):
        hit = np.array([placed[indices[indptr[i]:indptr[i + 1]]].any() for i in remaining],
                       dtype=bool)
        if not hit.any():
            layers.append(remaining)
            break
        layer = remaining[hit]
        layers.append(layer)
        placed[layer] = True
        remaining = remaining[~hit]
    return layers


# --------------------------------------------------------------------------- wheel
def wheel_layout(g: Any, /, *, radius: float = 1.0) -> pd.DataFrame:
    """Positions for a Kenney wheel: the core in the middle, cells around it.

    Parameters
    ----------
    g : Graph or graph-like
        Node attributes used: ``tier`` (``"core"`` marks the core; ``"cell_leader"``,
        ``"handler"`` or ``"middle"`` a cell leader), ``cell`` (cell id of every non-core
        node) and, when ``tier`` is absent, ``role`` (``leader``/``boss``/``coordinator`` are
        core, ``handler``/``cell_leader`` lead cells). At least one of ``tier``, ``role``
        and ``cell`` must be present.
    radius : float
        Distance of the cell leaders from the centre.

    Returns
    -------
    DataFrame
        Columns ``x`` and ``y``, indexed by node label.

    Raises
    ------
    GraphFormatError
        If the graph has none of the attributes ``tier``, ``role``, ``cell``.

    Notes
    -----
    Core nodes sit on a small circle (radius ``0.12 * radius``; one core node sits at the
    origin). Cell ``c`` of ``C`` (sorted by id) is placed at angle ``2πc/C``; its leader at
    distance ``radius``; its other members on an arc of radius at most ``0.35 * radius``
    around the leader, facing away from the centre, so every worker is farther from the
    centre than every core node. The cell leader is the member with a cell-leader tier (or
    role); failing that, the member with most ties to the core (then highest degree, then
    first position). Nodes in no cell and not in the core (clients, platforms ...) go on an
    outer ring at ``1.75 * radius``, ordered by the mean angle of their neighbours.
    Complexity O(n + m).

    Examples
    --------
    >>> import netcrime as nc
    >>> import pandas as pd
    >>> edges = pd.DataFrame({"source": ["boss", "boss", "h1", "h2"],
    ...                       "target": ["h1", "h2", "w1", "w2"]})
    >>> g = nc.Graph.from_edges(edges, directed=False)
    >>> g = g.with_node_attrs(tier=["core", "cell_leader", "worker", "cell_leader", "worker"],
    ...                       cell=[None, 0, 0, 1, 1])
    >>> pos = nc.plot.wheel_layout(g)
    >>> pos.loc["boss"].tolist()
    [0.0, 0.0]
    >>> bool((pos.loc[["w1", "w2"]] ** 2).sum(axis=1).min() > 0.25)
    True
    """
    func = "wheel_layout"
    g = as_graph(g, func=func, param="g")
    if not (isinstance(radius, (int, float)) and math.isfinite(radius) and radius > 0):
        raise param_error(func, "radius", "a float > 0", radius)
    tier = node_attr(g, "tier")
    role = node_attr(g, "role")
    cell = node_attr(g, "cell")
    if tier is None and role is None and cell is None:
        raise GraphFormatError(
            "wheel_layout() needs the node attribute 'tier', 'role' or 'cell' to find the core "
            "and the cells; the graph has none of them. Use layout='spring' instead."
        )
    indptr, indices = _undirected_adj(g)
    is_core, is_mid = _wheel_tiers(g.n_nodes, tier, role)
    if cell is not None:
        cells = _cells_from_ids(cell, is_core)
    else:
        cells = _cells_from_handlers(is_core, is_mid, indptr, indices)
    x = np.full(g.n_nodes, np.nan)
    y = np.full(g.n_nodes, np.nan)
    _place_core(x, y, np.flatnonzero(is_core), radius)
    _place_cells(x, y, cells, is_core, is_mid, indptr, indices, radius)
    _place_outsiders(x, y, tier, indptr, indices, radius)
    return pd.DataFrame({"x": x, "y": y}, index=g.nodes)


def _wheel_tiers(n: int, tier: np.ndarray | None,
                 role: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Core and middle-tier (cell leader) masks: from ``tier`` where given, else ``role``."""
    is_core = np.zeros(n, bool)
    is_mid = np.zeros(n, bool)
    for i in range(n):
        t = None if tier is None or is_missing(tier[i]) else norm_key(tier[i])
        r = None if role is None or is_missing(role[i]) else norm_key(role[i])
        if t is not None:
            is_core[i] = t in _CORE_TIERS
            is_mid[i] = t in _MIDDLE_TIERS
        elif r is not None:
            is_core[i] = r in _CORE_ROLES
            is_mid[i] = r in _MIDDLE_ROLES
    return is_core, is_mid


def _group_cells(cell_of: list[Any]) -> list[list[int]]:
    """Members (positions) of each cell, cells in sorted id order."""
    cells: dict[Any, list[int]] = {}
    for i, c in enumerate(cell_of):
        if c is not None:
            cells.setdefault(c, []).append(i)
    try:
        cell_ids = sorted(cells)
    except TypeError:
        cell_ids = sorted(cells, key=str)
    return [cells[c] for c in cell_ids]


def _cells_from_ids(cell: np.ndarray, is_core: np.ndarray) -> list[list[int]]:
    """Cells given by the ``cell`` attribute (core nodes belong to none)."""
    cell_of: list[Any] = [None] * len(is_core)
    for i in range(len(is_core)):
        if not is_core[i] and not is_missing(cell[i]):
            cell_of[i] = cell[i]
    return _group_cells(cell_of)


def _cells_from_handlers(is_core: np.ndarray, is_mid: np.ndarray, indptr: np.ndarray,
                         indices: np.ndarray) -> list[list[int]]:
    """No cell ids: a cell is a middle-tier node plus the non-core nodes attached to it (to
    the first such node, by position)."""
    cell_of: list[Any] = [None] * len(is_core)
    for c, h in enumerate(np.flatnonzero(is_mid)):
        cell_of[h] = c
    for i in range(len(is_core)):
        if is_core[i] or is_mid[i]:
            continue
        nb = indices[indptr[i]:indptr[i + 1]]
        hs = [h for h in nb if is_mid[h]]
        if hs:
            cell_of[i] = cell_of[min(hs)]
    return _group_cells(cell_of)


def _place_core(x: np.ndarray, y: np.ndarray, core: np.ndarray, radius: float) -> None:
    """One core node at the origin; several on a circle of radius ``0.12 * radius``."""
    if len(core) == 1:
        x[core], y[core] = 0.0, 0.0
    elif len(core) > 1:
        ang = np.pi / 2 + 2 * np.pi * np.arange(len(core)) / len(core)
        x[core] = 0.12 * radius * np.cos(ang)
        y[core] = 0.12 * radius * np.sin(ang)


def _cell_leader(members: list[int], is_core: np.ndarray, is_mid: np.ndarray,
                 indptr: np.ndarray, indices: np.ndarray) -> int:
    """The first middle-tier member; failing that, the member with most ties to the core,
    then highest degree, then first position."""
    mids_here = [i for i in members if is_mid[i]]
    if mids_here:
        return mids_here[0]

    def score(i: int) -> tuple[int, int, int]:
        nb = indices[indptr[i]:indptr[i + 1]]
        return (-int(is_core[nb].sum()), -int(indptr[i + 1] - indptr[i]), i)

    return min(members, key=score)


def _place_cells(x: np.ndarray, y: np.ndarray, cells: list[list[int]], is_core: np.ndarray,
                 is_mid: np.ndarray, indptr: np.ndarray, indices: np.ndarray,
                 radius: float) -> None:
    """Cell ``c`` of ``C`` at angle ``π/2 + 2πc/C``: its leader at distance ``radius``, the
    other members on an outward-facing arc around the leader (wider for bigger cells)."""
    C = max(len(cells), 1)
    rw = radius * min(0.35, 0.85 * math.sin(math.pi / C)) if C > 1 else 0.35 * radius
    for c, members in enumerate(cells):
        theta = np.pi / 2 + 2 * np.pi * c / C
        leader = _cell_leader(members, is_core, is_mid, indptr, indices)
        lx, ly = radius * math.cos(theta), radius * math.sin(theta)
        x[leader], y[leader] = lx, ly
        rest = [i for i in members if i != leader]
        k = len(rest)
        if k == 0:
            continue
        span = min(np.pi * 1.4, 0.55 * k) if k > 1 else 0.0
        phis = theta + (np.linspace(-span / 2, span / 2, k) if k > 1 else np.zeros(1))
        x[rest] = lx + rw * np.cos(phis)
        y[rest] = ly + rw * np.sin(phis)


def _ring_key(t: Any) -> int:
    """Outer ring of an outsider by its numeric tier: 0 for tiers 0-3 (other members and
    victims), 1 for tier 4 (clients), 2 for other numbers (non-person objects, tier -1),
    3 for anything else."""
    try:
        v = int(t)
    except (TypeError, ValueError):
        return 3
    return 0 if 0 <= v <= 3 else (1 if v == 4 else 2)


def _outsider_rings(tier: np.ndarray | None, left: np.ndarray, placed: np.ndarray,
                    indptr: np.ndarray, indices: np.ndarray) -> list[np.ndarray]:
    """The unplaced nodes in rings: by kind of outsider (when there is a ``tier``), then by
    BFS layer from the placed nodes."""
    if tier is None or not len(left):
        return _bfs_layers(indptr, indices, placed, left)
    keys = np.array([_ring_key(tier[i]) for i in left])
    rings: list[np.ndarray] = []
    for kk in sorted(set(keys.tolist())):
        sub = left[keys == kk]
        rings.extend(_bfs_layers(indptr, indices, placed | _mask(len(placed), left[keys < kk]),
                                 sub))
    return rings


def _place_outsiders(x: np.ndarray, y: np.ndarray, tier: np.ndarray | None,
                     indptr: np.ndarray, indices: np.ndarray, radius: float) -> None:
    """Everything not yet placed on outer rings, ring ``d`` at ``(1.75 + 0.6 d) * radius``
    (victims next to the cells that hold them, clients beyond the victims ...), each node at
    the mean angle of its placed neighbours, pushed apart along the ring."""
    left = np.flatnonzero(np.isnan(x))
    placed = ~np.isnan(x)
    rings = _outsider_rings(tier, left, placed, indptr, indices)
    for depth, layer in enumerate(rings):
        r_ring = (1.75 + 0.6 * depth) * radius
        ang = np.empty(len(layer))
        for j, i in enumerate(layer):
            nb = indices[indptr[i]:indptr[i + 1]]
            nb = nb[placed[nb]]
            if len(nb):
                t = np.arctan2(y[nb], x[nb])
                ang[j] = math.atan2(float(np.sin(t).mean()), float(np.cos(t).mean()))
            else:  # unreachable from the wheel: spread evenly
                ang[j] = np.pi / 2 + 2 * np.pi * j / len(layer)
        ang = _spread_1d(ang, min(2 * np.pi / len(layer), 0.16))
        x[layer] = r_ring * np.cos(ang)
        y[layer] = r_ring * np.sin(ang)
        placed[layer] = True


# --------------------------------------------------------------------------- chain
def chain_layout(g: Any, /, *, stage: str = "stage", group: str | None = "group"
                 ) -> pd.DataFrame:
    """Positions for a chain: stages left to right, groups stacked top to bottom.

    Parameters
    ----------
    g : Graph or graph-like
        Needs the node attribute named by ``stage``.
    stage : str
        Node attribute holding the stage. Known trafficking stages are ordered as in
        :data:`STAGE_ORDER` (recruitment, transportation, harbouring, transfer, receipt,
        exploitation, advertising, finance, after a ``core`` column); other values follow
        in sorted order; numeric stages are ordered by value. Nodes without a stage form the
        last column.
    group : str or None
        Node attribute holding the group (one horizontal band per group, in sorted order);
        if it is None or the graph has no such attribute, all nodes form one band.

    Returns
    -------
    DataFrame
        Columns ``x`` and ``y``, indexed by node label. ``x`` is the stage's column index
        (plus a small alternating offset < 0.15 that keeps vertical edges visible), so the
        x-coordinate increases strictly with the stage order.

    Raises
    ------
    ParameterError
        If ``stage`` is not a str or ``group`` neither a str nor None.
    GraphFormatError
        If the graph has no ``stage`` attribute.

    Examples
    --------
    >>> import netcrime as nc
    >>> import pandas as pd
    >>> edges = pd.DataFrame({"source": ["r", "t"], "target": ["t", "x"]})
    >>> g = nc.Graph.from_edges(edges, directed=True).with_node_attrs(
    ...     stage=["recruitment", "transportation", "exploitation"])
    >>> nc.plot.chain_layout(g)["x"].round(2).tolist()
    [0.0, 1.0, 2.0]
    """
    func = "chain_layout"
    g = as_graph(g, func=func, param="g")
    if not isinstance(stage, str):
        raise param_error(func, "stage", "a node attribute name (a str)", stage)
    if group is not None and not isinstance(group, str):
        raise param_error(func, "group", "None or a node attribute name (a str)", group)
    st = node_attr(g, stage)
    if st is None:
        raise GraphFormatError(
            f"chain_layout() needs the node attribute {stage!r} (the stage of each actor); the "
            "graph has none. Use layout='spring' instead."
        )
    gr = node_attr(g, group) if group is not None else None
    n = g.n_nodes
    stages = _chain_stages(g, st, stage)
    col = {s: i for i, s in enumerate(stages)}
    staged = np.array([not is_missing(v) for v in st], dtype=bool)
    xs = np.array([col[v] if not is_missing(v) else np.nan for v in st], float)
    groups, gi = _chain_groups(gr, staged, n)
    y = np.full(n, np.nan)
    dx = np.zeros(n)
    bands: dict[str, float] = {}
    bottom = 0.0
    if staged.any():
        height, top = _stack_columns(g.degree(), staged, xs, gi, len(groups), y, dx)
        if len(groups) > 1 or (gr is not None and not staged.all()):
            for b, v in enumerate(groups):
                bands["group " + str(v) if v != "" else "members"] = top[b] + (height[b] - 1) / 2
        bottom = float(top[-1])
    x = xs + dx
    rest = np.flatnonzero(~staged)
    if len(rest):
        bottom = _place_unstaged(g, rest, staged, len(stages), x, y, bands, bottom)
    span = max(bottom, float(np.nanmax(y)) + 1.0 if n else 1.0, 1.0)
    scale = max(len(stages), 1) * 0.9 / span
    out = pd.DataFrame({"x": x, "y": -y * scale}, index=g.nodes)
    out.attrs["bands"] = {k: -v * scale for k, v in bands.items()}
    out.attrs["stages"] = [str(v) for v in stages]
    return out


def _chain_stages(g: Graph, st: np.ndarray, stage: str) -> list[Any]:
    """The stages present, left to right: numeric stages by value; otherwise the column's
    declared order, then the canonical trafficking order, then sorted."""
    present = [v for v in pd.unique(pd.Series(st, dtype=object)) if not is_missing(v)]
    if present and all(isinstance(v, (int, float, np.integer, np.floating)) for v in present):
        return sorted(present)
    return category_order(present, None, (*declared_order(g, stage), *stage_rank()))


def _chain_groups(gr: np.ndarray | None, staged: np.ndarray,
                  n: int) -> tuple[list[Any], np.ndarray]:
    """The groups of the staged nodes in sorted order, and each node's band (-1: none)."""
    if gr is None:
        gkey = np.zeros(n, dtype=object)
    else:
        gkey = np.array(["" if is_missing(v) else v for v in gr], dtype=object)
    groups = list(pd.unique(pd.Series(gkey[staged], dtype=object)))
    try:
        groups = sorted(groups)
    except TypeError:
        groups = sorted(groups, key=str)
    gpos = {v: i for i, v in enumerate(groups)}
    return groups, np.array([gpos.get(v, -1) for v in gkey])


def _stack_columns(deg: np.ndarray, staged: np.ndarray, xs: np.ndarray, gi: np.ndarray,
                   n_groups: int, y: np.ndarray,
                   dx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fill ``y`` and ``dx`` of the staged nodes: one band per group (as high as its largest
    column, an empty row between bands), the busiest actors of a column in the middle and
    alternate columns members nudged left/right. Returns the band heights and tops."""
    counts = pd.crosstab(gi[staged], xs[staged])
    height = counts.max(axis=1).reindex(range(n_groups), fill_value=1).to_numpy()
    top = np.concatenate([[0.0], np.cumsum(height + 1.0)])  # an empty row between bands
    sidx = np.flatnonzero(staged)
    for (b, _c), members in pd.Series(sidx).groupby([gi[staged], xs[staged]]):
        idx = members.to_numpy()
        idx = idx[np.lexsort((idx, -deg[idx]))]  # busiest actors mid-column
        k = len(idx)
        slots = np.arange(k, dtype=float)
        order = np.argsort(np.abs(slots - (k - 1) / 2), kind="stable")
        centre = top[b] + (height[b] - 1) / 2
        ys = centre - (slots - (k - 1) / 2)
        y[idx] = ys[order]  # the j-th busiest actor takes the j-th most central slot
        dx[idx] = np.where(np.arange(k) % 2 == 0, -0.12, 0.12) if k > 1 else 0.0
    return height, top


def _place_unstaged(g: Graph, rest: np.ndarray, staged: np.ndarray, n_stages: int,
                    x: np.ndarray, y: np.ndarray, bands: dict[str, float],
                    bottom: float) -> float:
    """Actors without a stage (victims, clients, online objects ...): one band per role (or
    kind) under the groups, each actor at the mean x of its already placed neighbours.
    Fills ``x``, ``y`` and ``bands``; returns the new bottom."""
    role = node_attr(g, "role")
    if role is None:
        role = node_attr(g, "kind")
    bkey = np.array(["(no stage)" if role is None or is_missing(role[i]) else str(role[i])
                     for i in rest], dtype=object)
    indptr, indices = _undirected_adj(g)
    placed = staged.copy()
    mid = (n_stages - 1) / 2 if n_stages else 0.0
    for layer in _bfs_layers(indptr, indices, placed, rest):
        for i in layer:
            nb = indices[indptr[i]:indptr[i + 1]]
            nb = nb[placed[nb]]
            x[i] = float(x[nb].mean()) if len(nb) else mid
        placed[layer] = True
    width = max(n_stages, 2)
    for kk in category_order(list(bkey), ROLE_COLORS, tuple(ROLE_COLORS)):
        idx = rest[bkey == kk]
        row = bottom + 1.0
        gap = min(0.25, width / max(len(idx) / 2, 1))
        x[idx] = _spread_1d(x[idx], gap / 2)
        zig = np.argsort(np.argsort(x[idx], kind="stable")) % 2
        y[idx] = row + 1.0 * zig
        bands[kk] = row + 0.5
        bottom = row + 2.5
    return bottom


# --------------------------------------------------------------------------- resolution
def _spring(g: Graph, seed: int | None) -> pd.DataFrame:
    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(range(g.n_nodes))
    s, t = g.edge_array()
    G.add_edges_from(zip(s.tolist(), t.tolist()))
    k = 1.6 / math.sqrt(max(g.n_nodes, 1))
    pos = nx.spring_layout(G, seed=seed, k=k, iterations=100)
    xy = np.array([pos[i] for i in range(g.n_nodes)]).reshape(-1, 2)
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=g.nodes)


def _auto_layout(g: Graph) -> str:
    tier = node_attr(g, "tier")
    cell = node_attr(g, "cell")
    stage = node_attr(g, "stage")
    if tier is not None and cell is not None:
        has_core = any(not is_missing(t) and norm_key(t) in _CORE_TIERS for t in tier)
        if has_core and any(not is_missing(c) for c in cell):
            return "wheel"
    if stage is not None and any(not is_missing(v) for v in stage):
        return "chain"
    return "spring"


def _named_layout(g: Graph, layout: str, rng: Any, func: str) -> tuple[pd.DataFrame, str]:
    check_choice(layout, ("auto", "wheel", "chain", "spring", "circular"), func=func,
                 param="layout")
    name = _auto_layout(g) if layout == "auto" else layout
    if name == "wheel":
        return wheel_layout(g), name
    if name == "chain":
        return chain_layout(g), name
    if name == "circular":
        a = np.pi / 2 - 2 * np.pi * np.arange(g.n_nodes) / max(g.n_nodes, 1)
        return pd.DataFrame({"x": np.cos(a), "y": np.sin(a)}, index=g.nodes), name
    return _spring(g, _spring_seed(rng, func)), name


def _spring_seed(rng: Any, func: str) -> int | None:
    """The seed of :func:`networkx.spring_layout` for ``rng=`` (checked by
    :func:`check_rng`, the rule of every ``rng=``): an int below ``2**32`` (networkx's seed
    range) is used as it is; a larger int, a Generator or a SeedSequence draws one; None
    gives None (fresh entropy)."""
    if rng is None:
        return None
    gen = check_rng(rng, func=func)
    if isinstance(rng, (int, np.integer)) and int(rng) < 2**32:
        return int(rng)
    return int(gen.integers(2**32))


def resolve_layout(g: Graph, layout: Any, rng: Any,
                   func: str) -> tuple[np.ndarray, str, dict]:
    """Positions ``(n, 2)``, the layout's name (``"given"`` for explicit positions) and its
    extra information (the chain's stages and bands) for ``draw_network(layout=...)``.

    ``rng`` seeds the spring layout (see :func:`_spring_seed`)."""
    if isinstance(layout, str):
        pos, name = _named_layout(g, layout, rng, func)
        return pos[["x", "y"]].to_numpy(float), name, dict(pos.attrs)
    if isinstance(layout, pd.DataFrame):
        if not {"x", "y"} <= set(layout.columns):
            raise param_error(func, "layout", "a DataFrame with columns 'x' and 'y'",
                              list(layout.columns))
        missing = g.nodes.difference(layout.index)
        if len(missing):
            raise param_error(func, "layout", "positions for every node", f"no position for "
                              f"{list(missing[:3])!r}")
        return _given_xy(g, layout.loc[g.nodes, ["x", "y"]], func), "given", {}
    if isinstance(layout, Mapping):
        try:
            rows = [layout[v] for v in g.nodes]
        except KeyError as e:
            raise param_error(func, "layout", "positions for every node",
                              f"no position for {e.args[0]!r}") from None
        return _given_xy(g, rows, func, per_node=True), "given", {}
    return _given_xy(g, layout, func), "given", {}


def _given_xy(g: Graph, values: Any, func: str, *, per_node: bool = False) -> np.ndarray:
    """Explicit positions as a finite ``(n, 2)`` float array, else a ParameterError
    (``per_node``: one position per node, e.g. ``[[x, y]]``, flattened to ``(x, y)``)."""
    rule = (f"a layout name, a DataFrame with columns 'x' and 'y', a dict node -> (x, y) or "
            f"a finite ({g.n_nodes}, 2) array of numbers")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise param_error(func, "layout", rule, values) from None
    if per_node and arr.size == 2 * g.n_nodes:
        arr = arr.reshape(-1, 2)
    if arr.shape != (g.n_nodes, 2) or not np.isfinite(arr).all():
        raise param_error(func, "layout", rule, None, shown=(
            f"an array of shape {arr.shape}" if arr.shape != (g.n_nodes, 2)
            else "positions that are not all finite"))
    return arr
