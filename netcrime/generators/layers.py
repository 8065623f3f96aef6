"""Layer selectors for generated trafficking networks.

A generated trafficking network holds more than the criminal organisation: victims (tier 3),
clients and other outsiders (tier 4) and, in online and hybrid kinds, the online objects the
members use (tier -1: accounts, ads, phones, platforms). Disruption and brokerage questions are
usually asked of the organisation itself; these functions cut the matching induced subgraph.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import param_error
from ..graph import Graph, as_graph

__all__ = ["members", "organisation"]


def _tiers(g: Graph, func: str) -> tuple[np.ndarray, np.ndarray]:
    na = g.node_attrs
    if "tier" not in na.columns:
        raise param_error(
            func, "g", "a graph with a 'tier' node attribute (made by netcrime.generators)",
            f"node attributes {list(na.columns)!r}",
        )
    tier = na["tier"].to_numpy(dtype=float)
    if "kind" in na.columns:
        person = (na["kind"].astype(object) == "person").to_numpy()
    else:
        person = np.ones(len(tier), dtype=bool)
    return tier, person


def members(g: Any, /) -> Graph:
    """The organisation's persons: leaders, go-betweens and operational members (tiers 0–2).

    Victims, clients and online objects are left out, so what remains is the network the
    police can arrest.

    Parameters
    ----------
    g : graph-like
        A network made by :func:`~netcrime.generators.trafficking_network` (or any graph with
        the ``tier`` and, optionally, ``kind`` node attributes of the generators).

    Returns
    -------
    Graph
        The induced subgraph, node order and attributes kept.

    Raises
    ------
    ParameterError
        If the graph has no ``tier`` node attribute.

    Notes
    -----
    Keeps the persons (``kind == "person"``; every node when there is no ``kind`` column)
    with ``0 <= tier <= 2``: leaders (0), handlers/brokers (1), operational members (2).
    Bottoms are victims (tier 3) and are dropped. A selector, not a metric: no reference.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=100, kind="traditional", rng=1)
    >>> m = nc.generators.members(g)
    >>> sorted(set(m.node_attrs["tier"]))
    [0, 1, 2]
    """
    func = "members"
    g = as_graph(g, func=func, param="g")
    tier, person = _tiers(g, func)
    keep = (tier >= 0) & (tier <= 2) & person
    return g.subgraph(g.nodes[keep])


def organisation(g: Any, /) -> Graph:
    """The organisation with its online infrastructure: members (tiers 0–2) plus the accounts,
    ads, phones and platforms they use (tier −1), without victims and clients.

    Victims and clients would otherwise tie separate cells together (one client buys from
    several exploiters), which hides the form of the organisation itself.

    Parameters
    ----------
    g : graph-like
        A network made by :func:`~netcrime.generators.trafficking_network`.

    Returns
    -------
    Graph
        The induced subgraph.

    Raises
    ------
    ParameterError
        If the graph has no ``tier`` node attribute.

    Notes
    -----
    Keeps every node with ``0 <= tier <= 2`` or ``tier == -1`` (online objects), whatever
    its ``kind``. A selector, not a metric: no reference.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=100, kind="online", rng=1)
    >>> o = nc.generators.organisation(g)
    >>> sorted(set(o.node_attrs["tier"]))  # no victims (3) or clients (4)
    [-1, 0, 2]
    """
    func = "organisation"
    g = as_graph(g, func=func, param="g")
    tier, _ = _tiers(g, func)
    keep = ((tier >= 0) & (tier <= 2)) | (tier == -1)
    return g.subgraph(g.nodes[keep])
