"""Fixed colours per category: roles, trafficking stages, kinds of node, brokerage roles and
disruption strategies, plus a stable checksum colour for any other category.

The helpers without a leading underscore that are not in ``__all__`` (:func:`norm_key`,
:func:`is_missing`, :func:`category_order`, :func:`stage_rank`, :func:`strategy_color`) are
shared by the other modules of :mod:`netcrime.plot`; they are not re-exported by the package.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .._validation import check_choice
from ..generators import ONLINE_STAGES, STAGES

__all__ = [
    "BROKERAGE_COLORS",
    "FALLBACK_COLORS",
    "KIND_COLORS",
    "ROLE_COLORS",
    "STAGE_COLORS",
    "STAGE_ORDER",
    "STRATEGY_COLORS",
    "category_color",
]

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
    "command_first": "#000000",
    "role": "#000000",
}

#: Colours for categories without a fixed colour, picked by a CRC-32 checksum of the text.
FALLBACK_COLORS: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a",
    "#66a61e", "#e6ab02", "#a6761d", "#386cb0", "#f0027f", "#bf5b17",
)

#: Colour and legend text of nodes whose category is missing.
MISSING_COLOR = "#e0e0e0"
MISSING_LABEL = "(missing)"

#: The fixed palettes of node attributes, by attribute name.
NODE_PALETTES: dict[str, dict[str, str]] = {
    "role": ROLE_COLORS,
    "stage": STAGE_COLORS,
    "kind": KIND_COLORS,
}


def norm_key(value: Any) -> str:
    """A category's lookup key: lower case, spaces and hyphens read as underscores."""
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
        key = norm_key(value)
        if key in table[palette]:
            return table[palette][key]
    return FALLBACK_COLORS[zlib.crc32(str(value).encode("utf-8")) % len(FALLBACK_COLORS)]


def strategy_color(name: str) -> str:
    """The colour of a strategy's curve; a label starting with a known strategy name (e.g.
    "betweenness + recovery") takes that strategy's colour."""
    key = norm_key(name)
    if key in STRATEGY_COLORS:
        return STRATEGY_COLORS[key]
    for k, c in STRATEGY_COLORS.items():
        if key.startswith(k):
            return c
    return category_color(name)


def is_missing(v: Any) -> bool:
    """None, NaN, NA or NaT."""
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def category_order(values: Sequence[Any], palette: Mapping[str, str] | None,
                    order: Sequence[str] = ()) -> list[Any]:
    """Distinct non-missing values: canonical order first, then palette order, then sorted."""
    present = []
    seen = set()
    for v in values:
        if is_missing(v) or v in seen:
            continue
        seen.add(v)
        present.append(v)
    rank: dict[str, int] = {}
    for i, k in enumerate(order):
        rank.setdefault(norm_key(k), i)
    if palette:
        for i, k in enumerate(palette):
            rank.setdefault(k, len(order) + i)
    big = len(rank) + 1

    def key(v: Any) -> tuple[int, str]:
        return (rank.get(norm_key(v), big), str(v))

    return sorted(present, key=key)


def stage_rank() -> list[str]:
    """Trafficking stages in canonical order: the generators' stages, then :data:`STAGE_ORDER`
    (each stage once, compared by :func:`norm_key`)."""
    out: list[str] = []
    for s in (*(str(v) for v in STAGES), *STAGE_ORDER):
        if norm_key(s) not in {norm_key(o) for o in out}:
            out.append(s)
    return out
