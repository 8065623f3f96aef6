"""Figures for criminal network analysis (matplotlib, headless-safe).

Every function draws on the matplotlib ``Axes`` it is given (or on a new figure when
``ax=None``) and returns that ``Axes``; nothing calls ``plt.show()``, so the functions work
unchanged under the non-interactive ``Agg`` backend, in scripts, in tests and in notebooks.
matplotlib is imported inside the functions: ``import netcrime`` never imports it.

Colours are **fixed per category**, so the same role has the same colour in every figure of a
lecture or a report:

* roles (node attribute ``role``): :data:`ROLE_COLORS` (leaders red, coordinators orange,
  cell leaders/handlers purple, recruiters blue, transporters cyan, harbourers brown,
  exploiters pink, advertisers green, financiers gold, victims light grey, ...);
* trafficking stages (``stage``): :data:`STAGE_COLORS`, in the order of the Palermo
  Protocol (recruitment → transportation → harbouring → transfer → receipt → exploitation),
  then advertising and finance;
* kinds of node (``kind``): :data:`KIND_COLORS`;
* Gould–Fernandez brokerage roles: :data:`BROKERAGE_COLORS`;
* any other category (``group``, ``cell``, ``tier``, an unknown role ...) gets a colour from
  :data:`FALLBACK_COLORS` chosen by a checksum of its text, so it is also stable between
  figures (two unknown categories may share a colour).

Layouts: :func:`wheel_layout` (Kenney's wheel: the core in the middle, cells on a circle
around it, workers around their cell leader) and :func:`chain_layout` (stages left to right,
groups stacked); other graphs use a seeded spring layout from networkx.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, check_choice, check_int, param_error
from .exceptions import GraphFormatError
from .generators._parts import ONLINE_STAGES
from .graph import Graph, as_graph

__all__ = [
    "BROKERAGE_COLORS",
    "FALLBACK_COLORS",
    "KIND_COLORS",
    "ROLE_COLORS",
    "STAGE_COLORS",
    "STAGE_ORDER",
    "STRATEGY_COLORS",
    "category_color",
    "chain_layout",
    "draw_network",
    "plot_brokerage_profile",
    "plot_profiles",
    "plot_removal_curves",
    "wheel_layout",
]

# --------------------------------------------------------------------------- palettes
#: Colour of each trafficking / organised-crime role (node attribute ``role``). Synonyms share
#: a colour (``boss`` = ``leader``, ``pimp``/``madam``/``mucikari`` = ``exploiter``, ...).
ROLE_COLORS: dict[str, str] = {
    # leadership and go-betweens
    "leader": "#d62728",
    "boss": "#d62728",
    "core": "#d62728",
    "trafficker": "#d62728",
    "coordinator": "#ff7f0e",
    "handler": "#9467bd",
    "cell_leader": "#9467bd",
    "operator": "#9467bd",
    "joki": "#9467bd",
    "broker": "#3b3b3b",
    # operational members (the colour of their stage, see STAGE_COLORS)
    "recruiter": "#1f77b4",
    "transporter": "#17becf",
    "driver": "#17becf",
    "harbourer": "#8c564b",
    "harborer": "#8c564b",
    "transferrer": "#637939",
    "receiver": "#b5cf6b",
    "exploiter": "#e377c2",
    "pimp": "#e377c2",
    "madam": "#e377c2",
    "mucikari": "#e377c2",
    "advertiser": "#2ca02c",
    "account_operator": "#2ca02c",
    "financier": "#dbb40c",
    "worker": "#6baed6",
    "member": "#6baed6",
    "bottom": "#ae017e",  # deep magenta: exploitation family, unlike the exploiters
    "forger": "#7f7f7f",
    "document_forger": "#7f7f7f",
    "official": "#393b79",
    "corrupt_official": "#393b79",
    "supplier": "#e6550d",
    # people the network acts on
    "victim": "#c7c7c7",
    "client": "#aec7e8",
    "customer": "#aec7e8",
    # non-person nodes of the online layer
    "account": "#98df8a",
    "ad": "#c7e9c0",
    "phone": "#fdae6b",
    "platform": "#756bb1",
}

#: Canonical order of trafficking stages (Palermo Protocol, then the online layer).
STAGE_ORDER: tuple[str, ...] = ("core", *ONLINE_STAGES)

#: Colour of each trafficking stage (node attribute ``stage``).
STAGE_COLORS: dict[str, str] = {
    "core": "#d62728",
    "recruitment": "#1f77b4",
    "transportation": "#17becf",
    "transport": "#17becf",
    "harbouring": "#8c564b",
    "harboring": "#8c564b",
    "transfer": "#637939",
    "receipt": "#b5cf6b",
    "exploitation": "#e377c2",
    "advertising": "#2ca02c",
    "finance": "#dbb40c",
}

#: Colour of each kind of node (node attribute ``kind``).
KIND_COLORS: dict[str, str] = {
    "person": "#4e79a7",
    "account": "#98df8a",
    "ad": "#2ca02c",
    "phone": "#fdae6b",
    "platform": "#756bb1",
}

#: Colour of each Gould–Fernandez brokerage role.
BROKERAGE_COLORS: dict[str, str] = {
    "coordinator": "#4c72b0",
    "itinerant": "#55a868",
    "consultant": "#55a868",
    "representative": "#dd8452",
    "gatekeeper": "#c44e52",
    "liaison": "#8172b3",
}

#: Colour of each disruption strategy in removal-curve plots (random is always grey).
STRATEGY_COLORS: dict[str, str] = {
    "random": "#7f7f7f",
    "degree": "#1f77b4",
    "betweenness": "#d62728",
    "closeness": "#9467bd",
    "eigenvector": "#8c564b",
    "katz": "#e377c2",
    "strength": "#17becf",
    "ci": "#ff7f0e",
    "collective_influence": "#ff7f0e",
    "corehd": "#bcbd22",
    "brokerage": "#2ca02c",
    "key_players": "#393b79",
    "keyplayer": "#393b79",
    "leaders": "#000000",
    "leaders_first": "#000000",
    "role": "#000000",
}

#: Colours for categories without a fixed colour, picked by a CRC-32 checksum of the text.
FALLBACK_COLORS: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a",
    "#66a61e", "#e6ab02", "#a6761d", "#386cb0", "#f0027f", "#bf5b17",
)

_MISSING_COLOR = "#e0e0e0"
_MISSING_LABEL = "(missing)"

_PALETTES: dict[str, dict[str, str]] = {
    "role": ROLE_COLORS,
    "stage": STAGE_COLORS,
    "kind": KIND_COLORS,
}


def _norm_key(value: Any) -> str:
    return str(value).strip().lower().replace(" ", "_").replace("-", "_")


def category_color(value: Any, *, palette: str | None = None) -> str:
    """The fixed colour of a category value.

    Parameters
    ----------
    value : hashable
        The category (e.g. ``"recruiter"``); matched case-insensitively, with spaces and
        hyphens read as underscores.
    palette : {"role", "stage", "kind", "brokerage", "strategy"} or None
        Which fixed palette to look in first. Values not in it (or ``palette=None``) get a
        colour of :data:`FALLBACK_COLORS` chosen by the CRC-32 checksum of ``str(value)``,
        so the same text always gets the same colour.

    Returns
    -------
    str
        A ``"#rrggbb"`` colour.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.plot.category_color("recruiter", palette="role")
    '#1f77b4'
    >>> nc.plot.category_color("Boss", palette="role") == nc.plot.ROLE_COLORS["leader"]
    True
    >>> nc.plot.category_color("cell 3") == nc.plot.category_color("cell 3")
    True
    """
    table = {
        "role": ROLE_COLORS,
        "stage": STAGE_COLORS,
        "kind": KIND_COLORS,
        "brokerage": BROKERAGE_COLORS,
        "strategy": STRATEGY_COLORS,
    }
    if palette is not None:
        check_choice(palette, tuple(table), func="category_color", param="palette")
        key = _norm_key(value)
        if key in table[palette]:
            return table[palette][key]
    return FALLBACK_COLORS[zlib.crc32(str(value).encode("utf-8")) % len(FALLBACK_COLORS)]


def _strategy_color(name: str) -> str:
    key = _norm_key(name)
    if key in STRATEGY_COLORS:
        return STRATEGY_COLORS[key]
    for k, c in STRATEGY_COLORS.items():
        if key.startswith(k):
            return c
    return category_color(name)


def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _category_order(values: Sequence[Any], palette: Mapping[str, str] | None,
                    order: Sequence[str] = ()) -> list[Any]:
    """Distinct non-missing values: canonical order first, then palette order, then sorted."""
    present = []
    seen = set()
    for v in values:
        if _is_missing(v) or v in seen:
            continue
        seen.add(v)
        present.append(v)
    rank: dict[str, int] = {}
    for i, k in enumerate(order):
        rank.setdefault(_norm_key(k), i)
    if palette:
        for i, k in enumerate(palette):
            rank.setdefault(k, len(order) + i)
    big = len(rank) + 1

    def key(v: Any) -> tuple[int, str]:
        return (rank.get(_norm_key(v), big), str(v))

    return sorted(present, key=key)


def _figure_axes(ax: Any, *, figsize: tuple[float, float], polar: bool = False) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize, layout="constrained")
    return fig.add_subplot(projection="polar" if polar else None)


# --------------------------------------------------------------------------- layouts
#: Integer attributes where a negative value means "does not apply" (generators use -1).
_INT_NA_COLS = frozenset({"cell", "group"})


def _column_values(col: pd.Series, name: str) -> np.ndarray:
    vals = col.to_numpy(dtype=object)
    if name in _INT_NA_COLS and pd.api.types.is_integer_dtype(col):
        vals = np.where(col.to_numpy() < 0, None, vals)
    return vals


def _attr(g: Graph, name: str) -> np.ndarray | None:
    na = g.node_attrs
    if name in na.columns:
        return _column_values(na[name], name)
    return None


def _declared_order(g: Graph, name: str) -> tuple[str, ...]:
    """The categories of an ordered categorical column (the generator's stage order)."""
    na = g.node_attrs
    if name in na.columns and isinstance(na[name].dtype, pd.CategoricalDtype):
        if na[name].cat.ordered:
            return tuple(str(c) for c in na[name].cat.categories)
    return ()


def _neighbors(g: Graph, i: int) -> np.ndarray:
    return g.indices[g.indptr[i]:g.indptr[i + 1]]


def _undirected_adj(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    if not g.directed:
        return g.indptr, g.indices
    u = g.to_undirected()
    return u.indptr, u.indices


_CORE_TIERS = {"core", "leader", "leadership", "top", "boss", "0"}
_MIDDLE_TIERS = {"cell_leader", "handler", "middle", "mid", "lieutenant", "cut_out",
                 "cutout", "1"}
_CORE_ROLES = {"leader", "boss", "core", "trafficker", "coordinator"}
_MIDDLE_ROLES = {"cell_leader", "handler", "operator", "joki"}


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
    n = g.n_nodes
    tier = _attr(g, "tier")
    role = _attr(g, "role")
    cell = _attr(g, "cell")
    if tier is None and role is None and cell is None:
        raise GraphFormatError(
            "wheel_layout() needs the node attribute 'tier', 'role' or 'cell' to find the core "
            "and the cells; the graph has none of them. Use layout='spring' instead."
        )
    indptr, indices = _undirected_adj(g)
    deg = np.diff(indptr)
    is_core = np.zeros(n, bool)
    is_mid = np.zeros(n, bool)
    for i in range(n):
        t = None if tier is None or _is_missing(tier[i]) else _norm_key(tier[i])
        r = None if role is None or _is_missing(role[i]) else _norm_key(role[i])
        if t is not None:
            is_core[i] = t in _CORE_TIERS
            is_mid[i] = t in _MIDDLE_TIERS
        elif r is not None:
            is_core[i] = r in _CORE_ROLES
            is_mid[i] = r in _MIDDLE_ROLES
    cell_of: list[Any] = [None] * n
    if cell is not None:
        for i in range(n):
            if not is_core[i] and not _is_missing(cell[i]):
                cell_of[i] = cell[i]
    else:
        # no cell ids: a cell is a middle-tier node plus the non-core nodes attached to it
        mids = np.flatnonzero(is_mid)
        for c, h in enumerate(mids):
            cell_of[h] = c
        for i in range(n):
            if is_core[i] or is_mid[i]:
                continue
            nb = indices[indptr[i]:indptr[i + 1]]
            hs = [h for h in nb if is_mid[h]]
            if hs:
                cell_of[i] = cell_of[min(hs)]
    # group members by cell, in sorted cell order
    cells: dict[Any, list[int]] = {}
    for i in range(n):
        if cell_of[i] is not None:
            cells.setdefault(cell_of[i], []).append(i)
    try:
        cell_ids = sorted(cells)
    except TypeError:
        cell_ids = sorted(cells, key=str)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    core = np.flatnonzero(is_core)
    if len(core) == 1:
        x[core], y[core] = 0.0, 0.0
    elif len(core) > 1:
        ang = np.pi / 2 + 2 * np.pi * np.arange(len(core)) / len(core)
        x[core] = 0.12 * radius * np.cos(ang)
        y[core] = 0.12 * radius * np.sin(ang)
    C = max(len(cell_ids), 1)
    rw = radius * min(0.35, 0.85 * math.sin(math.pi / C)) if C > 1 else 0.35 * radius
    for c, cid in enumerate(cell_ids):
        members = cells[cid]
        theta = np.pi / 2 + 2 * np.pi * c / C
        mids_here = [i for i in members if is_mid[i]]
        if mids_here:
            leader = mids_here[0]
        else:
            def score(i: int) -> tuple[int, int, int]:
                nb = indices[indptr[i]:indptr[i + 1]]
                return (-int(is_core[nb].sum()), -int(deg[i]), i)

            leader = min(members, key=score)
        lx, ly = radius * math.cos(theta), radius * math.sin(theta)
        x[leader], y[leader] = lx, ly
        rest = [i for i in members if i != leader]
        k = len(rest)
        if k == 0:
            continue
        # an outward-facing arc around the leader (wider for bigger cells)
        span = min(np.pi * 1.4, 0.55 * k) if k > 1 else 0.0
        phis = theta + (np.linspace(-span / 2, span / 2, k) if k > 1 else np.zeros(1))
        x[rest] = lx + rw * np.cos(phis)
        y[rest] = ly + rw * np.sin(phis)
    # everything else on outer rings, layer by layer (victims next to the cells that hold
    # them, clients beyond the victims ...), each node at the mean angle of its placed
    # neighbours, pushed apart along the ring
    left = np.flatnonzero(np.isnan(x))
    placed = ~np.isnan(x)
    rings: list[np.ndarray] = []
    if tier is not None and len(left):
        # one ring per kind of outsider: other members and victims, then clients, then
        # non-person objects (tier -1), then anything else
        def ring_key(t: Any) -> int:
            try:
                v = int(t)
            except (TypeError, ValueError):
                return 3
            return 0 if 0 <= v <= 3 else (1 if v == 4 else 2)

        keys = np.array([ring_key(tier[i]) for i in left])
        for kk in sorted(set(keys.tolist())):
            sub = left[keys == kk]
            rings.extend(_bfs_layers(indptr, indices, placed | _mask(n, left[keys < kk]),
                                     sub))
    else:
        rings = _bfs_layers(indptr, indices, placed, left)
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
    return pd.DataFrame({"x": x, "y": y}, index=g.nodes)


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


def _stage_rank() -> list[str]:
    try:
        from .generators import STAGES  # the generator's own stage order, when it exists

        stages = [str(s) for s in STAGES]
    except Exception:  # pragma: no cover - generators not available
        stages = []
    out = []
    for s in (*stages, *STAGE_ORDER):
        if _norm_key(s) not in {_norm_key(o) for o in out}:
            out.append(s)
    return out


def chain_layout(g: Any, /, *, stage: str = "stage", group: str = "group") -> pd.DataFrame:
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
    group : str
        Node attribute holding the group (one horizontal band per group, in sorted order);
        if the graph has no such attribute, all nodes form one band.

    Returns
    -------
    DataFrame
        Columns ``x`` and ``y``, indexed by node label. ``x`` is the stage's column index
        (plus a small alternating offset < 0.15 that keeps vertical edges visible), so the
        x-coordinate increases strictly with the stage order.

    Raises
    ------
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
    st = _attr(g, stage)
    if st is None:
        raise GraphFormatError(
            f"chain_layout() needs the node attribute {stage!r} (the stage of each actor); the "
            "graph has none. Use layout='spring' instead."
        )
    gr = _attr(g, group)
    n = g.n_nodes
    present = [v for v in pd.unique(pd.Series(st, dtype=object)) if not _is_missing(v)]
    if present and all(isinstance(v, (int, float, np.integer, np.floating)) for v in present):
        stages = sorted(present)
    else:
        stages = _category_order(present, None, (*_declared_order(g, stage), *_stage_rank()))
    col = {s: i for i, s in enumerate(stages)}
    staged = np.array([not _is_missing(v) for v in st], dtype=bool)
    xs = np.array([col[v] if not _is_missing(v) else np.nan for v in st], float)
    if gr is None:
        gkey = np.zeros(n, dtype=object)
    else:
        gkey = np.array(["" if _is_missing(v) else v for v in gr], dtype=object)
    groups = list(pd.unique(pd.Series(gkey[staged], dtype=object)))
    try:
        groups = sorted(groups)
    except TypeError:
        groups = sorted(groups, key=str)
    gpos = {v: i for i, v in enumerate(groups)}
    gi = np.array([gpos.get(v, -1) for v in gkey])
    y = np.full(n, np.nan)
    dx = np.zeros(n)
    deg = g.degree()
    bands: dict[str, float] = {}
    bottom = 0.0
    if staged.any():
        # band height of each group = its largest column
        counts = pd.crosstab(gi[staged], xs[staged])
        height = counts.max(axis=1).reindex(range(len(groups)), fill_value=1).to_numpy()
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
        if len(groups) > 1 or (gr is not None and not staged.all()):
            for b, v in enumerate(groups):
                bands["group " + str(v) if v != "" else "members"] = top[b] + (height[b] - 1) / 2
        bottom = float(top[-1])
    x = xs + dx
    # actors without a stage (victims, clients, online objects ...): one band per role (or
    # kind) under the groups, each at the mean x of its already placed neighbours
    rest = np.flatnonzero(~staged)
    if len(rest):
        role = _attr(g, "role")
        if role is None:
            role = _attr(g, "kind")
        bkey = np.array(["(no stage)" if role is None or _is_missing(role[i]) else str(role[i])
                         for i in rest], dtype=object)
        indptr, indices = _undirected_adj(g)
        placed = staged.copy()
        mid = (len(stages) - 1) / 2 if stages else 0.0
        for layer in _bfs_layers(indptr, indices, placed, rest):
            for i in layer:
                nb = indices[indptr[i]:indptr[i + 1]]
                nb = nb[placed[nb]]
                x[i] = float(x[nb].mean()) if len(nb) else mid
            placed[layer] = True
        width = max(len(stages), 2)
        for kk in _category_order(list(bkey), ROLE_COLORS, tuple(ROLE_COLORS)):
            idx = rest[bkey == kk]
            row = bottom + 1.0
            gap = min(0.25, width / max(len(idx) / 2, 1))
            x[idx] = _spread_1d(x[idx], gap / 2)
            zig = np.argsort(np.argsort(x[idx], kind="stable")) % 2
            y[idx] = row + 1.0 * zig
            bands[kk] = row + 0.5
            bottom = row + 2.5
    span = max(bottom, float(np.nanmax(y)) + 1.0 if n else 1.0, 1.0)
    scale = max(len(stages), 1) * 0.9 / span
    out = pd.DataFrame({"x": x, "y": -y * scale}, index=g.nodes)
    out.attrs["bands"] = {k: -v * scale for k, v in bands.items()}
    out.attrs["stages"] = [str(v) for v in stages]
    return out


def _spring(g: Graph, seed: int) -> pd.DataFrame:
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
    tier = _attr(g, "tier")
    cell = _attr(g, "cell")
    stage = _attr(g, "stage")
    if tier is not None and cell is not None:
        has_core = any(not _is_missing(t) and _norm_key(t) in _CORE_TIERS for t in tier)
        if has_core and any(not _is_missing(c) for c in cell):
            return "wheel"
    if stage is not None and any(not _is_missing(v) for v in stage):
        return "chain"
    return "spring"


def _resolve_layout(g: Graph, layout: Any, seed: int,
                    func: str) -> tuple[np.ndarray, str, dict]:
    if isinstance(layout, str):
        check_choice(layout, ("auto", "wheel", "chain", "spring", "circular"),
                     func=func, param="layout")
        name = _auto_layout(g) if layout == "auto" else layout
        if name == "wheel":
            pos = wheel_layout(g)
        elif name == "chain":
            pos = chain_layout(g)
        elif name == "circular":
            a = np.pi / 2 - 2 * np.pi * np.arange(g.n_nodes) / max(g.n_nodes, 1)
            pos = pd.DataFrame({"x": np.cos(a), "y": np.sin(a)}, index=g.nodes)
        else:
            pos = _spring(g, seed)
        return pos[["x", "y"]].to_numpy(float), name, dict(pos.attrs)
    if isinstance(layout, pd.DataFrame):
        if not {"x", "y"} <= set(layout.columns):
            raise param_error(func, "layout", "a DataFrame with columns 'x' and 'y'",
                              list(layout.columns))
        missing = g.nodes.difference(layout.index)
        if len(missing):
            raise param_error(func, "layout", "positions for every node", f"no position for "
                              f"{list(missing[:3])!r}")
        return layout.loc[g.nodes, ["x", "y"]].to_numpy(float), "given", {}
    if isinstance(layout, Mapping):
        try:
            xy = np.array([layout[v] for v in g.nodes], float).reshape(-1, 2)
        except KeyError as e:
            raise param_error(func, "layout", "positions for every node",
                              f"no position for {e.args[0]!r}") from None
        return xy, "given", {}
    arr = np.asarray(layout, dtype=float)
    if arr.shape != (g.n_nodes, 2) or not np.isfinite(arr).all():
        raise param_error(func, "layout", f"a layout name or a finite ({g.n_nodes}, 2) array",
                          arr.shape)
    return arr, "given", {}


# --------------------------------------------------------------------------- draw_network
def _node_sizes(g: Graph, node_size: Any, func: str) -> np.ndarray:
    n = g.n_nodes
    if node_size is None:
        base = float(np.clip(2400 / max(n, 1) ** 0.85, 18, 320))
        return np.full(n, base)
    if isinstance(node_size, str):
        if node_size == "degree":
            vals = g.degree().astype(float)
        elif node_size in g.node_attrs.columns:
            vals = pd.to_numeric(g.node_attrs[node_size], errors="coerce").to_numpy(float)
        else:
            raise param_error(func, "node_size", "a number, 'degree', a numeric node attribute "
                              "or a Series", node_size)
    elif isinstance(node_size, pd.Series):
        vals = node_size.reindex(g.nodes).to_numpy(float)
    elif isinstance(node_size, (int, float, np.integer, np.floating)) and not isinstance(
            node_size, bool):
        if not (math.isfinite(float(node_size)) and node_size > 0):
            raise param_error(func, "node_size", "a number > 0", node_size)
        return np.full(n, float(node_size))
    else:
        raise param_error(func, "node_size", "a number, 'degree', a numeric node attribute "
                          "or a Series", type(node_size).__name__)
    vals = np.where(np.isfinite(vals), vals, np.nanmin(vals) if np.isfinite(vals).any() else 0)
    lo, hi = (vals.min(), vals.max()) if n else (0, 0)
    base = float(np.clip(2400 / max(n, 1) ** 0.85, 18, 320))
    if hi > lo:
        return base * (0.4 + 2.0 * (vals - lo) / (hi - lo))
    return np.full(n, base)


def _label_set(g: Graph, labels: Any, func: str) -> dict[int, str]:
    n = g.n_nodes
    deg = g.degree()
    by_deg = np.lexsort((np.arange(n), -deg))
    if labels is None:
        labels = n <= 40 or 12
    if isinstance(labels, (bool, np.bool_)):
        return {int(i): str(g.nodes[i]) for i in by_deg} if labels else {}
    if isinstance(labels, (int, np.integer)):
        k = check_int(labels, func=func, param="labels", min=0)
        return {int(i): str(g.nodes[i]) for i in by_deg[:k]}
    if isinstance(labels, Mapping):
        pos = g.node_index(list(labels), func=func, param="labels")
        return {int(p): str(labels[v]) for p, v in zip(pos, labels)}
    if isinstance(labels, (list, tuple, pd.Index, np.ndarray, pd.Series)):
        items = list(labels)
        pos = g.node_index(items, func=func, param="labels")
        return {int(p): str(v) for p, v in zip(pos, items)}
    raise param_error(func, "labels", "None, a bool, an int, a list of nodes or a dict",
                      type(labels).__name__)


def _hide_overlapping_labels(ax: Any, texts: list[Any]) -> None:
    """Greedy: keep labels in priority order, hide any label overlapping a kept one."""
    if not texts:
        return
    fig = ax.figure
    try:
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
    except Exception:  # pragma: no cover - exotic backends
        return
    kept = []
    for t in texts:
        bb = t.get_window_extent(renderer).expanded(1.05, 1.1)
        if any(bb.overlaps(k) for k in kept):
            t.set_visible(False)
        else:
            kept.append(bb)


def draw_network(
    g: Any,
    /,
    *,
    color_by: str | pd.Series | None = "role",
    layout: Any = "auto",
    ax: Any = None,
    node_size: Any = None,
    labels: Any = None,
    legend: bool = True,
    title: str | None = None,
    edge_style_by: str | None = "channel",
    seed: int = 0,
) -> Any:
    """Draw a network with its roles (or stages, groups ...) coloured and a legend.

    Parameters
    ----------
    g : Graph or graph-like
    color_by : str, Series or None
        Node attribute to colour by (default ``"role"``; ``"stage"``, ``"group"``, ``"cell"``,
        ``"tier"``, ``"kind"`` ...). Roles, stages and kinds use the fixed palettes of this
        module; other categories a stable checksum colour; a numeric attribute or a numeric
        ``Series`` indexed by node (e.g. a centrality) a continuous colormap with a colour bar.
        Missing values are light grey ("(missing)" in the legend). ``None``: one colour. If
        ``color_by="role"`` and the graph has no ``role`` attribute, nodes get one colour.
    layout : {"auto", "wheel", "chain", "spring", "circular"}, DataFrame, dict or array
        ``"auto"`` uses :func:`wheel_layout` when the graph has a core tier and cells,
        :func:`chain_layout` when it has stages, else a seeded spring layout. A DataFrame
        with ``x``/``y`` columns indexed by node, a dict node -> (x, y) or an (n, 2) array
        give explicit positions.
    ax : matplotlib Axes, optional
        Where to draw; a new 8×6-inch figure (constrained layout) if None.
    node_size : number, "degree", str, Series or None
        Marker area in points²; ``"degree"``/a numeric attribute/a Series scales it.
        None: a size that shrinks with the number of nodes.
    labels : None, bool, int, list or dict
        Which nodes to label: None = all when n <= 40, else the 12 of highest degree;
        an int k = the k of highest degree; a list of nodes; a dict node -> text.
        Labels that would overlap a label of a higher-degree node are hidden.
    legend : bool
        Draw the legend (categories) or colour bar (numeric) outside the data, on the right.
    title : str, optional
        Axes title (default: "Network coloured by <color_by>").
    edge_style_by : str or None
        Edge attribute that sets the line style: with the default ``"channel"``, ``offline``
        ties are solid, ``online`` ties dashed and ``platform`` ties dotted (added to the
        legend). Ignored when the graph has no such edge attribute.
    seed : int
        Seed of the spring layout.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        For an unknown ``color_by`` attribute, layout name or bad ``node_size``/``labels``.
    GraphFormatError
        If ``layout="wheel"``/``"chain"`` is asked for a graph without the needed attributes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import netcrime as nc
    >>> import pandas as pd
    >>> edges = pd.DataFrame({"source": ["boss", "boss"], "target": ["rec", "drv"]})
    >>> g = nc.Graph.from_edges(edges, directed=False).with_node_attrs(
    ...     role=["leader", "recruiter", "transporter"])
    >>> ax = nc.plot.draw_network(g, layout="spring")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['leader', 'recruiter', 'transporter']
    """
    func = "draw_network"
    g = as_graph(g, func=func, param="g")
    legend = check_bool(legend, func=func, param="legend")
    seed = check_int(seed, func=func, param="seed", min=0)
    import matplotlib as mpl
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    n = g.n_nodes
    xy, layout_name, layout_info = _resolve_layout(g, layout, seed, func)
    sizes = _node_sizes(g, node_size, func)
    ax = _figure_axes(ax, figsize=(8.0, 6.0))
    na = g.node_attrs

    # ---- colours
    values = None
    numeric = False
    cname = None
    if isinstance(color_by, pd.Series):
        values = color_by.reindex(g.nodes).to_numpy(dtype=object)
        cname = str(color_by.name) if color_by.name is not None else "value"
        numeric = pd.api.types.is_numeric_dtype(color_by) and not pd.api.types.is_bool_dtype(
            color_by)
    elif color_by is not None:
        if not isinstance(color_by, str):
            raise param_error(func, "color_by", "a node attribute name, a Series or None",
                              type(color_by).__name__)
        if color_by in na.columns:
            col = na[color_by]
            values = _column_values(col, color_by)
            cname = color_by
            numeric = (pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
                       and color_by not in ("cell", "group", "tier") and col.nunique() > 12)
        elif color_by != "role":
            raise param_error(func, "color_by", "a node attribute of the graph ("
                              + ", ".join(map(repr, na.columns)) + ") or a Series", color_by)
    palette = _PALETTES.get(cname or "", None)

    # ---- edges
    s, t = g.edge_array()
    ea = g.edge_attrs
    styles = np.array(["solid"] * len(s), dtype=object)
    style_legend: list[tuple[str, str]] = []
    if edge_style_by and edge_style_by in ea.columns and len(s):
        smap = {"offline": "solid", "online": (0, (4, 2)), "platform": (0, (1, 1.5))}
        ev = ea[edge_style_by].to_numpy(dtype=object)
        cats = _category_order(ev, None, tuple(smap))
        extra = [(0, (6, 2, 1, 2)), (0, (3, 1, 1, 1, 1, 1))]
        for j, c in enumerate(cats):
            ls = smap.get(_norm_key(c), extra[j % len(extra)] if _norm_key(c) not in smap
                          else "solid")
            for e in np.flatnonzero(ev == c):
                styles[e] = ls
            style_legend.append((str(c), ls))
        if len(cats) <= 1:
            style_legend = []
    lw = 1.0 if n <= 60 else (0.7 if n <= 250 else 0.4)
    ecolor = "#8a8a8a"
    ealpha = 0.8 if n <= 60 else (0.5 if n <= 250 else 0.35)
    arrows = g.directed and len(s) <= 600
    if arrows:
        from matplotlib.patches import FancyArrowPatch

        shrink = np.sqrt(sizes) / 2 + 1
        for e in range(len(s)):
            if s[e] == t[e]:
                continue
            p = FancyArrowPatch(
                tuple(xy[s[e]]), tuple(xy[t[e]]), arrowstyle="-|>",
                mutation_scale=8 + 4 * lw, lw=lw, color=ecolor, alpha=ealpha,
                linestyle=styles[e], shrinkA=shrink[s[e]], shrinkB=shrink[t[e]], zorder=1,
            )
            ax.add_patch(p)
    elif len(s):
        keep = s != t
        segs = np.stack([xy[s[keep]], xy[t[keep]]], axis=1)
        lc = LineCollection(segs, colors=ecolor, linewidths=lw, alpha=ealpha,
                            linestyles=list(styles[keep]), zorder=1)
        ax.add_collection(lc)

    # ---- nodes
    handles: list[Any] = []
    edgecol = "white" if n <= 250 else "none"
    if values is None:
        ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c="#4e79a7", edgecolors=edgecol,
                   linewidths=0.8, zorder=2)
    elif numeric:
        vals = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(float)
        ok = np.isfinite(vals)
        if (~ok).any():
            ax.scatter(xy[~ok, 0], xy[~ok, 1], s=sizes[~ok], c=_MISSING_COLOR,
                       edgecolors=edgecol, linewidths=0.8, zorder=2)
        sc = ax.scatter(xy[ok, 0], xy[ok, 1], s=sizes[ok], c=vals[ok], cmap="viridis",
                        edgecolors=edgecol, linewidths=0.8, zorder=2)
        if legend and ok.any():
            cb = ax.figure.colorbar(sc, ax=ax, shrink=0.8, pad=0.02)
            cb.set_label(cname, fontsize=11)
    else:
        order_hint: tuple[str, ...] = ()
        if cname is not None and isinstance(color_by, str):
            order_hint = _declared_order(g, cname)
        if cname == "stage":
            order_hint = (*order_hint, *_stage_rank())
        elif cname == "role":
            order_hint = (*order_hint, *ROLE_COLORS)
        cats = _category_order(values, palette, order_hint)
        pal_name = cname if cname in _PALETTES else None
        marker_d = math.sqrt(float(np.median(sizes))) if n else 8.0
        for c in cats:
            m = np.array([v == c for v in values], bool)
            color = category_color(c, palette=pal_name)
            ax.scatter(xy[m, 0], xy[m, 1], s=sizes[m], c=color, edgecolors=edgecol,
                       linewidths=0.8, zorder=2, label=str(c))
            handles.append(Line2D([], [], ls="", marker="o", markersize=min(max(marker_d, 7), 12),
                                  markerfacecolor=color, markeredgecolor="white",
                                  label=str(c)))
        miss = np.array([_is_missing(v) for v in values], bool)
        miss_label = "(no stage)" if cname == "stage" else _MISSING_LABEL
        if miss.any():
            ax.scatter(xy[miss, 0], xy[miss, 1], s=sizes[miss], c=_MISSING_COLOR,
                       edgecolors="#9a9a9a", linewidths=0.6, zorder=2, label=miss_label)
            handles.append(Line2D([], [], ls="", marker="o", markersize=9,
                                  markerfacecolor=_MISSING_COLOR, markeredgecolor="#9a9a9a",
                                  label=miss_label))

    # ---- labels
    texts = []
    if n:
        import matplotlib.patheffects as pe

        lab = _label_set(g, labels, func)
        span = np.ptp(xy, axis=0).max() if n > 1 else 1.0
        span = span if span > 0 else 1.0
        fs = 9 if len(lab) <= 40 else 7
        for i, text in lab.items():
            r = math.sqrt(sizes[i]) / 2
            tx = ax.annotate(text, xy=(xy[i, 0], xy[i, 1]), xytext=(0, r + 2),
                             textcoords="offset points", ha="center", va="bottom",
                             fontsize=fs, zorder=3, clip_on=True,
                             path_effects=[pe.withStroke(linewidth=2.5, foreground="white")])
            texts.append(tx)

    # ---- axes cosmetics
    if n:
        lo = xy.min(axis=0)
        hi = xy.max(axis=0)
        pad = np.maximum((hi - lo) * 0.08, 0.15)
        ax.set_xlim(lo[0] - pad[0], hi[0] + pad[0])
        ax.set_ylim(lo[1] - pad[1], hi[1] + pad[1] * 1.6)
    if layout_name in ("wheel", "circular", "spring", "given"):
        ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for sp in ax.spines.values():
        sp.set_visible(False)
    if layout_name == "chain":
        _label_chain_axes(ax, layout_info)
    if title is None:
        title = f"Network coloured by {cname}" if cname else "Network"
        title += f"  ({n} nodes, {g.n_edges} ties)"
    ax.set_title(title, fontsize=14, pad=10)
    if legend and (handles or style_legend):
        if style_legend:
            handles = [*handles, *[Line2D([], [], color=ecolor, lw=1.5, ls=ls, label=f"{c} tie")
                                   for c, ls in style_legend]]
        ax.legend(handles=handles, title=cname, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  frameon=False, fontsize=10, title_fontsize=11, borderaxespad=0.0)
    _hide_overlapping_labels(ax, texts)
    del mpl
    return ax


def _label_chain_axes(ax: Any, info: Mapping[str, Any]) -> None:
    stages = info.get("stages", [])
    ax.set_xticks(range(len(stages)))
    ax.set_xticklabels(stages, fontsize=10, rotation=20, ha="right")
    ax.tick_params(axis="x", length=0)
    bands = info.get("bands", {})
    if bands:
        ax.set_yticks(list(bands.values()))
        ax.set_yticklabels(list(bands), fontsize=10)
        ax.tick_params(axis="y", length=0)


# --------------------------------------------------------------------------- removal curves
_X_COLS = ("fraction_removed", "removed_fraction", "frac_removed", "fraction", "q")
_Y_COLS = ("lcc_frac", "lcc_fraction", "lcc_rel", "relative_lcc", "lcc_ratio", "lcc_norm", "s")


def _curve_columns(df: pd.DataFrame, func: str) -> tuple[pd.Series, pd.Series]:
    xcol = next((c for c in _X_COLS if c in df.columns), None)
    if xcol is None:
        if "removed" in df.columns and "n_nodes" in df.columns:
            x = df["removed"] / df["n_nodes"]
        elif "removed" in df.columns:
            x = df["removed"] / max(float(df["removed"].max()), 1.0)
        elif "step" in df.columns:
            x = df["step"] / max(float(df["step"].max()), 1.0)
        else:
            raise param_error(func, "results", "removal curves with a 'fraction_removed' column",
                              list(df.columns))
    else:
        x = df[xcol]
    ycol = next((c for c in _Y_COLS if c in df.columns), None)
    if ycol is None:
        if "lcc" in df.columns:
            y = df["lcc"] / float(df["lcc"].iloc[0])
        else:
            raise param_error(func, "results", "removal curves with an 'lcc_fraction' (LCC/LCC₀) "
                              "or 'lcc' column", list(df.columns))
    else:
        y = df[ycol]
    return x.astype(float), y.astype(float)


def _curves_from(results: Any, func: str) -> list[tuple[str, pd.DataFrame, float | None]]:
    """Normalise the accepted inputs to a list of (name, curve, robustness)."""
    out: list[tuple[str, pd.DataFrame, float | None]] = []

    def one(name: Any, r: Any) -> None:
        if isinstance(r, pd.DataFrame):
            if "strategy" in r.columns and name is None:
                for sname, sub in r.groupby("strategy", sort=False):
                    rob = None
                    if "robustness" in sub.columns:
                        rob = float(sub["robustness"].iloc[0])
                    out.append((str(sname), sub.reset_index(drop=True), rob))
                return
            out.append((str(name) if name is not None else "curve", r, None))
            return
        curve = getattr(r, "curve", None)
        if isinstance(curve, pd.DataFrame):
            n0 = getattr(r, "n_nodes", None)
            if "step" in curve.columns and n0 and not any(c in curve.columns for c in _X_COLS):
                curve = curve.assign(fraction_removed=curve["step"].to_numpy(float) / n0)
            try:
                rob = getattr(r, "robustness", None)
            except Exception:  # a result without an 'lcc' column has no robustness
                rob = None
            label = name
            if label is None:
                label = getattr(r, "label", None) or getattr(r, "strategy", None) or "curve"
            out.append((str(label), curve, float(rob) if rob is not None else None))
            return
        raise param_error(func, "results", "a removal result (with .curve), a curve DataFrame, "
                          "or a dict/list of them", type(r).__name__)

    if isinstance(results, Mapping):
        for k, v in results.items():
            one(k, v)
    elif isinstance(results, (list, tuple)):
        for v in results:
            one(None, v)
    else:
        curves = getattr(results, "results", None)
        if isinstance(curves, Mapping):  # a comparison object holding several results
            for k, v in curves.items():
                one(k, v)
        else:
            one(None, results)
    if not out:
        raise param_error(func, "results", "at least one removal curve", results)
    return out


def plot_removal_curves(
    results: Any,
    /,
    *,
    ax: Any = None,
    title: str | None = "Disruption: largest component vs fraction removed",
    threshold: float | None = None,
) -> Any:
    """Removal curves of several strategies on one Axes (LCC/LCC₀ vs fraction removed).

    Parameters
    ----------
    results : result, DataFrame, dict or list
        One removal result (an object with a ``.curve`` DataFrame and ``.robustness``, as
        returned by :func:`netcrime.disruption.attack`), a list of them, a dict
        ``name -> result or curve``, a comparison object with a ``.results`` dict, or a tidy
        DataFrame with a ``strategy`` column (e.g. from
        :func:`netcrime.disruption.compare_strategies`; with a ``repeat`` column holding
        several runs, the mean curve is drawn with a ±1 sd band). A curve needs the fraction removed
        (``fraction_removed``) and the relative size of the largest component
        (``lcc_frac`` or ``lcc_fraction``; or ``lcc``, divided by its first value). For a
        result object without a fraction column, the fraction removed is ``step / n_nodes``.
    ax : matplotlib Axes, optional
    title : str or None
    threshold : float in (0, 1), optional
        Draw a horizontal reference line (e.g. 0.5: "network halved").

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Each strategy keeps a fixed colour (:data:`STRATEGY_COLORS`; random is a grey dashed
    line); a second curve of the same strategy (e.g. "betweenness + recovery") keeps the
    colour and changes the line style (dash-dot, then dotted, ...). Earlier curves are
    drawn thicker so identical curves stay visible. The legend (outside the data, right)
    gives Schneider's robustness R = (1/N) Σ_q s(q) when the result carries it.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> c = pd.DataFrame({"fraction_removed": [0, .5, 1], "lcc_fraction": [1, .4, 0]})
    >>> ax = nc.plot.plot_removal_curves({"degree": c, "random": c})
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['degree', 'random']
    """
    func = "plot_removal_curves"
    curves = _curves_from(results, func)
    ax = _figure_axes(ax, figsize=(8.0, 5.0))
    styles = ["-", "-.", ":", (0, (5, 1.5)), (0, (3, 1, 1, 1, 1, 1))]
    used: dict[str, int] = {}
    k = len(curves)
    for j, (name, df, rob) in enumerate(curves):
        x, y = _curve_columns(df, func)
        band = None
        if "repeat" in df.columns and df["repeat"].nunique() > 1:
            # several runs (compare_strategies(..., repeats=R)): mean curve, ±1 sd band
            agg = pd.DataFrame({"x": x.to_numpy(), "y": y.to_numpy()}).groupby("x")["y"]
            mean, sd = agg.mean(), agg.std(ddof=0)
            x, y = pd.Series(mean.index.to_numpy(float)), pd.Series(mean.to_numpy())
            band = (mean - sd).to_numpy(), (mean + sd).to_numpy()
            name = f"{name} (mean of {df['repeat'].nunique()})"
        key = _norm_key(name)
        color = _strategy_color(name)
        if key.startswith("random"):
            ls: Any = ("--", ":")[used.get(color, 0) % 2]
        else:
            ls = styles[used.get(color, 0) % len(styles)]
        used[color] = used.get(color, 0) + 1
        label = name if rob is None else f"{name}  (R = {rob:.3f})"
        marker = "o" if len(x) <= 40 else None
        # earlier curves are drawn thicker, so a curve hidden under a later one still shows
        lw = 1.6 + 2.0 * (k - 1 - j) / max(k - 1, 1)
        ax.plot(x, y, ls=ls, color=color, lw=lw, marker=marker, ms=3.0, label=label,
                zorder=2 + j, alpha=0.95)
        if band is not None:
            ax.fill_between(x, band[0], band[1], color=color, alpha=0.15, lw=0, zorder=1)
    if threshold is not None:
        if not (isinstance(threshold, (int, float)) and 0 < threshold < 1):
            raise param_error(func, "threshold", "a float in (0, 1)", threshold)
        ax.axhline(threshold, color="0.5", lw=0.8, ls=":")
    ax.set_xlim(0, None)
    ax.set_ylim(0, 1.03)
    ax.set_xlabel("fraction of nodes removed", fontsize=12)
    ax.set_ylabel("LCC / LCC₀", fontsize=12)
    ax.tick_params(labelsize=10)
    ax.grid(True, alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(title="strategy", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10, title_fontsize=11, borderaxespad=0.0)
    return ax


# --------------------------------------------------------------------------- brokerage
_GF_ROLES = ("coordinator", "itinerant", "consultant", "representative", "gatekeeper", "liaison")


def plot_brokerage_profile(
    gf: Any,
    /,
    *,
    ax: Any = None,
    top: int = 10,
    labels: Mapping[Hashable, str] | None = None,
    title: str | None = "Brokerage roles of the top brokers (Gould–Fernandez)",
) -> Any:
    """Stacked bars of the Gould–Fernandez brokerage roles of the top brokers.

    Parameters
    ----------
    gf : DataFrame or result
        One row per node with a column per brokerage role (``coordinator``, ``itinerant``
        or ``consultant``, ``representative``, ``gatekeeper``, ``liaison``), as returned by
        :func:`netcrime.brokerage.gould_fernandez` (an object with a ``.counts`` or ``.raw``
        DataFrame is also accepted).
    ax : matplotlib Axes, optional
    top : int
        Number of brokers shown: those with the largest total (ties broken by node order).
    labels : dict, optional
        Node -> text for the bar labels (e.g. ``"n12 (recruiter)"``).
    title : str or None

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ParameterError
        If ``gf`` has none of the role columns.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> gf = pd.DataFrame({"coordinator": [2, 0], "gatekeeper": [1, 3]}, index=["a", "b"])
    >>> ax = nc.plot.plot_brokerage_profile(gf)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    """
    func = "plot_brokerage_profile"
    top = check_int(top, func=func, param="top", min=1)
    df = gf
    if not isinstance(df, pd.DataFrame):
        for attr in ("nodes", "counts", "raw", "table", "roles"):
            cand = getattr(gf, attr, None)
            if isinstance(cand, pd.DataFrame):
                df = cand
                break
    if not isinstance(df, pd.DataFrame):
        raise param_error(func, "gf", "a DataFrame of brokerage role counts",
                          type(gf).__name__)
    roles = [c for c in df.columns if _norm_key(c) in _GF_ROLES]
    if not roles:
        raise param_error(func, "gf", "a table with Gould–Fernandez role columns ("
                          + ", ".join(_GF_ROLES) + ")", list(df.columns))
    vals = df[roles].astype(float).fillna(0.0)
    total = vals.sum(axis=1)
    order = np.lexsort((np.arange(len(total)), -total.to_numpy()))[:top]
    order = [i for i in order if total.iloc[i] > 0] or list(order)
    sub = vals.iloc[order]
    ax = _figure_axes(ax, figsize=(8.0, max(3.0, 0.45 * len(sub) + 1.5)))
    ypos = np.arange(len(sub))
    left = np.zeros(len(sub))
    for r in roles:
        v = sub[r].to_numpy()
        ax.barh(ypos, v, left=left, color=BROKERAGE_COLORS.get(_norm_key(r), category_color(r)),
                edgecolor="white", height=0.7, label=r)
        left += v
    names = [str(labels.get(k, k)) if labels else str(k) for k in sub.index]
    ax.set_yticks(ypos)
    ax.set_yticklabels(names, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlabel("number of brokered two-paths", fontsize=12)
    for i, tot in enumerate(left):
        ax.text(tot, i, f" {tot:g}", va="center", fontsize=9, color="0.3")
    ax.set_xlim(0, max(float(left.max()) * 1.12, 1.0) if len(left) else 1.0)
    ax.grid(True, axis="x", alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(title="role", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10, title_fontsize=11, borderaxespad=0.0)
    return ax


# --------------------------------------------------------------------------- profiles
def plot_profiles(
    profiles: pd.DataFrame,
    /,
    *,
    ax: Any = None,
    kind: str = "bar",
    measures: Sequence[str] | None = None,
    title: str | None = "Network profiles",
) -> Any:
    """Side-by-side profiles of several networks (grouped bars or a radar).

    Parameters
    ----------
    profiles : DataFrame
        One row per network (index = network name), one numeric column per measure, as
        returned by :func:`netcrime.covert.compare`. A single profile Series (index =
        measures) is drawn as one network.
    ax : matplotlib Axes, optional
        For ``kind="radar"`` it must be a polar Axes.
    kind : {"bar", "radar"}
        ``"bar"``: one group of horizontal bars per measure, one bar per network, annotated
        with the raw value; ``"radar"``: one polygon per network.
    measures : list of str, optional
        Columns to show (default: every numeric column with at least one finite value).
    title : str or None

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Measures live on different scales, so each bar/radius is the value divided by the
    largest absolute value of that measure across the networks (1 = the largest); the raw
    value is printed beside each bar. NaN values are drawn as empty (no bar).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> p = pd.DataFrame({"density": [0.1, 0.05], "diameter": [4, 9]},
    ...                  index=["wheel", "chain"])
    >>> ax = nc.plot.plot_profiles(p)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['wheel', 'chain']
    """
    func = "plot_profiles"
    check_choice(kind, ("bar", "radar"), func=func, param="kind")
    if isinstance(profiles, pd.Series):
        profiles = profiles.to_frame().T
    if not isinstance(profiles, pd.DataFrame):
        raise param_error(func, "profiles", "a DataFrame with one row per network",
                          type(profiles).__name__)
    if measures is None:
        cols = []
        for c in profiles.columns:
            v = pd.to_numeric(profiles[c], errors="coerce")
            if pd.api.types.is_bool_dtype(profiles[c]):
                continue
            if np.isfinite(v.to_numpy(float)).any():
                cols.append(c)
    else:
        cols = list(measures)
        bad = [c for c in cols if c not in profiles.columns]
        if bad:
            raise param_error(func, "measures", "columns of profiles", bad)
    if not cols:
        raise param_error(func, "profiles", "a table with at least one numeric measure",
                          list(profiles.columns))
    raw = profiles[cols].apply(pd.to_numeric, errors="coerce").astype(float)
    scale = raw.abs().max(axis=0).replace(0.0, 1.0)
    norm = raw / scale
    nets = [str(i) for i in raw.index]
    colors = [FALLBACK_COLORS[i % len(FALLBACK_COLORS)] for i in range(len(nets))]
    if kind == "radar":
        ax = _figure_axes(ax, figsize=(7.5, 6.5), polar=True)
        if getattr(ax, "name", "") != "polar":
            raise param_error(func, "ax", "a polar Axes for kind='radar'", ax.name)
        k = len(cols)
        ang = np.linspace(0, 2 * np.pi, k, endpoint=False)
        for j, net in enumerate(nets):
            v = np.nan_to_num(norm.iloc[j].to_numpy(), nan=0.0)
            ax.plot(np.append(ang, ang[0]), np.append(v, v[0]), color=colors[j], lw=2,
                    label=net)
            ax.fill(np.append(ang, ang[0]), np.append(v, v[0]), color=colors[j], alpha=0.15)
        ax.set_xticks(ang)
        ax.set_xticklabels([str(c).replace("_", " ") for c in cols], fontsize=10)
        ax.set_ylim(min(0.0, float(np.nanmin(norm.to_numpy()))) if k else 0, 1.0)
        ax.set_yticklabels([])
        if title:
            ax.set_title(title, fontsize=13, pad=18)
        ax.legend(loc="upper left", bbox_to_anchor=(1.08, 1.0), frameon=False, fontsize=10)
        return ax
    ax = _figure_axes(ax, figsize=(8.5, max(3.5, 0.55 * len(cols) * max(len(nets), 2) / 2 + 1.5)))
    k = len(nets)
    h = 0.8 / k
    ypos = np.arange(len(cols))
    for j, net in enumerate(nets):
        v = norm.iloc[j].to_numpy()
        yy = ypos - 0.4 + h * (j + 0.5)
        ax.barh(yy, np.nan_to_num(v, nan=0.0), height=h * 0.92, color=colors[j], label=net)
        for yv, nv, rv in zip(yy, v, raw.iloc[j].to_numpy()):
            if np.isfinite(rv):
                ax.text(max(nv, 0.0) + 0.01, yv, _fmt(rv), va="center", fontsize=8.5,
                        color="0.25")
            else:
                ax.text(0.01, yv, "n/a", va="center", fontsize=8.5, color="0.5")
    ax.set_yticks(ypos)
    ax.set_yticklabels([str(c).replace("_", " ") for c in cols], fontsize=10)
    ax.invert_yaxis()
    lo = min(0.0, float(np.nanmin(norm.to_numpy()))) if norm.size else 0.0
    ax.set_xlim(lo * 1.1, 1.22)
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_xlabel("value / largest value of the measure across networks", fontsize=11)
    ax.grid(True, axis="x", alpha=0.3)
    for sp in ("top", "right"):
        ax.spines[sp].set_visible(False)
    if title:
        ax.set_title(title, fontsize=13)
    ax.legend(title="network", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
              fontsize=10, title_fontsize=11, borderaxespad=0.0)
    return ax


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 1000 or float(v).is_integer():
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"
