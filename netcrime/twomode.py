"""Two-mode (affiliation) networks: persons × events, and their one-mode projections.

Criminal network data often arrive as affiliations: who attended which meeting, who was
charged in which case, who used which phone. Such data are a *two-mode* network: ties run
only between an actor and an event. netcrime stores them as an ordinary undirected
:class:`~netcrime.Graph` whose node attribute ``mode`` is ``"actor"`` or ``"event"``
(:func:`from_affiliations`), so every reader, writer and converter works on them unchanged.

* :func:`from_affiliations` -- one row per (actor, event) record to a two-mode Graph;
* :func:`incidence` -- the actor × event incidence matrix ``B`` (scipy sparse CSR) and its
  row and column labels;
* :func:`project` -- the one-mode projection onto the actors (or the events), with the tie
  value in the edge attribute ``weight``: ``binary``, ``count``, ``ratio``, ``newman``,
  ``jaccard`` or ``overlap``, computed as the sparse product ``B Bᵀ`` (never a dense matrix);
* :func:`degree` and :func:`density` -- two-mode degree and density with the conventions of
  Borgatti & Everett (1997): a node is compared with the size of the *other* mode.

Labelling scheme
----------------
Actors and events share one label space (a Graph has one node index). A value that names
both an actor and an event is an error (:class:`~netcrime.exceptions.ParameterError` naming
the value), never a silent merge: relabel one side first, e.g.
``df.assign(meeting="meeting " + df["meeting"].astype(str))``.

Graphs from elsewhere: a graph with no ``mode`` attribute but networkx's ``bipartite``
attribute (0/1) is read with 0 = actor and 1 = event, so networkx bipartite graphs can be
passed directly.

Bundled data
------------
No bundled dataset ships a persons × events table, so none is loaded as a two-mode graph:

* Montagna (``montagna_meetings``, ``montagna_meetings_attributed``): the public sources
  (see the family's ``PROVENANCE.txt``) distribute only the person × person meetings network
  (ties for joint presence at meetings, with a weight); the meeting-by-meeting attendance
  lists behind it are not published with it, so the projection cannot be re-derived.
* Noordin Top (``noordin_<relation>``): the ``meetings``, ``operations`` and
  ``trainingevents`` relations are one-mode person × person ties in the source package;
  its affiliation (person × event) tables are not part of the bundle.

With such a table (one row per attendance), ``from_affiliations`` then ``project`` is the
whole recipe. ``tests/test_twomode.py`` puts the Noordin relations through the module with
every (relation, tie) record as a two-person event: the ``count`` projection is then the
number of relations joining each pair, as counted from the raw files.

References
----------
Borgatti SP, Everett MG (1997) Network analysis of 2-mode data. Social Networks 19(3):
243-269. doi:10.1016/S0378-8733(96)00301-2

Faust K (1997) Centrality in affiliation networks. Social Networks 19(2):157-191.
doi:10.1016/S0378-8733(96)00300-0

Newman MEJ (2001) Scientific collaboration networks. II. Shortest paths, weighted networks,
and centrality. Physical Review E 64:016132. doi:10.1103/PhysRevE.64.016132
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._core import project_upper
from ._validation import check_bool, check_choice, param_error
from .exceptions import GraphFormatError, ParameterError, UndefinedMetricError
from .graph import Graph, as_graph, label_index

__all__ = [
    "METHODS",
    "Incidence",
    "degree",
    "density",
    "from_affiliations",
    "incidence",
    "project",
]

#: The projection methods of :func:`project`.
METHODS = ("binary", "count", "ratio", "newman", "jaccard", "overlap")
_SIDES = ("actor", "event")


@dataclass(frozen=True)
class Incidence:
    """The incidence matrix of a two-mode graph with its labels (unpacks as a triple).

    Attributes
    ----------
    matrix : scipy.sparse.csr_array
        ``len(actors) × len(events)``, float64; entry ``(i, j)`` is 1 (or the tie's weight)
        when actor ``i`` is affiliated with event ``j``.
    actors, events : pandas.Index
        Row and column labels, in the graph's node order.
    """

    matrix: Any
    actors: pd.Index
    events: pd.Index

    def __iter__(self) -> Iterator[Any]:
        return iter((self.matrix, self.actors, self.events))


def _py(x: Any) -> Any:
    """A numpy scalar as the Python value, for messages."""
    return x.item() if isinstance(x, np.generic) else x


# ----------------------------------------------------------------------------- building
def _column(df: pd.DataFrame, name: Any, param: str) -> pd.Series:
    if not isinstance(name, str) or name not in df.columns:
        raise param_error("from_affiliations", param,
                          f"the name of a column of df {list(df.columns)!r}", name)
    col = df[name]
    if col.isna().any():
        row = df.index[col.isna().to_numpy()][0]
        raise GraphFormatError(
            f"The 'df' parameter of from_affiliations() must have no missing values in "
            f"column {name!r}. Got a missing value in row {row!r} instead.")
    return col


def _check_disjoint(a: pd.Series, e: pd.Series, actor: str, event: str) -> None:
    both = pd.Index(pd.unique(a)).intersection(pd.Index(pd.unique(e)))
    if len(both):
        v = both[0]
        ra = a.index[(a == v).to_numpy()][0]
        re_ = e.index[(e == v).to_numpy()][0]
        raise ParameterError(
            f"The 'event' parameter of from_affiliations() must name events whose labels are "
            f"not also actors (a Graph has one label space). Got {_py(v)!r} both as an actor "
            f"(column {actor!r}, row {ra!r}) and as an event (column {event!r}, row {re_!r}) "
            f"instead ({len(both)} shared label(s)); relabel one side, e.g. "
            f"df.assign({event}='event ' + df[{event!r}].astype(str)).")


def from_affiliations(
    df: pd.DataFrame,
    /,
    *,
    actor: str,
    event: str,
    weight: str | None = None,
    multiedges: str = "error",
) -> Graph:
    """Build a two-mode (actor × event) Graph from affiliation records.

    Parameters
    ----------
    df : DataFrame
        One row per affiliation (an actor attended an event). Columns other than ``actor``
        and ``event`` become edge attributes.
    actor, event : str
        Columns holding the actor and the event labels.
    weight : str, optional
        Numeric column holding the tie value (e.g. the number of times the actor was
        recorded at the event); stored as the ``"weight"`` edge attribute.
    multiedges : {"error", "sum", "max", "min", "first", "last"}
        What a repeated (actor, event) pair does: an error naming both rows (default), or
        the policy of :meth:`netcrime.Graph.from_arrays` (``"sum"`` adds the weights).

    Returns
    -------
    Graph
        Undirected; nodes are the actors in order of first appearance, then the events in
        order of first appearance; node attribute ``mode`` is ``"actor"`` or ``"event"``.

    Raises
    ------
    ParameterError
        ``actor``/``event`` not a column of ``df``; a label used both as an actor and as an
        event (the message names the value and its rows).
    GraphFormatError
        A missing label (the row is named), a repeated pair with ``multiedges="error"``.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"person": ["ann", "bob", "bob", "cy"],
    ...                    "meeting": ["m1", "m1", "m2", "m2"]})
    >>> g = nc.twomode.from_affiliations(df, actor="person", event="meeting")
    >>> g
    <netcrime.Graph undirected, 5 nodes, 4 edges>
    >>> g.node_attrs["mode"].tolist()
    ['actor', 'actor', 'actor', 'event', 'event']
    """
    if not isinstance(df, pd.DataFrame):
        raise param_error("from_affiliations", "df", "a pandas DataFrame", df,
                          shown=f"an object of type {type(df).__name__}")
    a = _column(df, actor, "actor")
    e = _column(df, event, "event")
    if actor == event:
        raise param_error("from_affiliations", "event", "a column other than 'actor'", event)
    _check_disjoint(a, e, actor, event)
    ac, actors = pd.factorize(a, sort=False)
    ec, events = pd.factorize(e, sort=False)
    na = len(actors)
    nodes = label_index([*actors.tolist(), *events.tolist()])
    node_attrs = pd.DataFrame({"mode": np.repeat(np.array(_SIDES, dtype=object),
                                                 [na, len(events)])})
    ea = df.drop(columns=[actor, event]).reset_index(drop=True)
    if weight is not None:
        if not isinstance(weight, str) or weight not in ea.columns:
            raise param_error("from_affiliations", "weight",
                              f"None or the name of a column of df {list(ea.columns)!r}", weight)
        w = pd.to_numeric(ea.pop(weight), errors="coerce").to_numpy(np.float64)
        if not np.isfinite(w).all():
            row = df.index[~np.isfinite(w)][0]
            raise GraphFormatError(
                f"The 'df' parameter of from_affiliations() must hold finite numbers in column "
                f"{weight!r}. Got {df[weight].loc[row]!r} in row {row!r} instead.")
        ea["weight"] = w
    return Graph.from_positions(
        na + len(events), np.asarray(ac, np.int64), np.asarray(ec, np.int64) + na,
        directed=False, nodes=nodes, node_attrs=node_attrs,
        edge_attrs=ea if len(ea.columns) else None, multiedges=multiedges,
        meta={"two_mode": True}, func="from_affiliations", param="df")


# ----------------------------------------------------------------------------- reading
def _sides(g: Graph, func: str) -> np.ndarray:
    """Boolean array: True for the event nodes; checks that g is two-mode."""
    na = g.node_attrs
    if "mode" in na.columns:
        vals = na["mode"].to_numpy(dtype=object)
        bad = ~np.isin(vals, np.array(_SIDES, dtype=object))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise GraphFormatError(
                f"The 'g' parameter of {func}() must be a two-mode graph whose node attribute "
                f"'mode' is 'actor' or 'event'. Got {vals[i]!r} at node {_py(g.nodes[i])!r} "
                "instead.")
        is_event = vals == "event"
    elif "bipartite" in na.columns:
        vals = na["bipartite"].to_numpy(dtype=object)
        bad = ~np.isin(vals, np.array([0, 1], dtype=object))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise GraphFormatError(
                f"The 'g' parameter of {func}() must be a two-mode graph whose node attribute "
                f"'bipartite' is 0 or 1. Got {vals[i]!r} at node {_py(g.nodes[i])!r} instead.")
        is_event = vals == 1
    else:
        raise param_error(func, "g", "a two-mode graph (node attribute 'mode', see "
                          "twomode.from_affiliations)", g,
                          shown=f"a graph with node attributes {list(na.columns)!r}")
    s, t = g.edge_array()
    same = is_event[s] == is_event[t]
    if same.any():
        i = int(np.flatnonzero(same)[0])
        raise GraphFormatError(
            f"The 'g' parameter of {func}() must be a two-mode graph: every tie joins an actor "
            f"and an event. Got the tie ({_py(g.nodes[s[i]])!r}, {_py(g.nodes[t[i]])!r}) "
            "between two nodes of the same mode instead.")
    return is_event


def _incidence(g: Graph, is_event: np.ndarray, weight: str | None, func: str) -> Incidence:
    s, t = g.edge_array()
    ev_s = is_event[s]
    act = np.where(ev_s, t, s)
    evt = np.where(ev_s, s, t)
    apos = np.flatnonzero(~is_event)
    epos = np.flatnonzero(is_event)
    rank = np.empty(g.n_nodes, dtype=np.int64)
    rank[apos] = np.arange(len(apos))
    rank[epos] = np.arange(len(epos))
    if weight is None:
        data = np.ones(len(s), dtype=np.float64)
    else:
        if not isinstance(weight, str) or weight not in g.edge_attrs.columns:
            raise param_error(func, "weight", "None or the name of an edge attribute "
                              f"{list(g.edge_attrs.columns)!r}", weight)
        data = g.edge_attrs[weight].to_numpy(np.float64)
    B = sp.csr_array((data, (rank[act], rank[evt])), shape=(len(apos), len(epos)))
    B.sum_duplicates()
    return Incidence(B, g.nodes[apos], g.nodes[epos])


def incidence(g: Any, /, *, weight: str | None = None) -> Incidence:
    """The actor × event incidence matrix of a two-mode graph.

    Parameters
    ----------
    g : Graph or graph-like
        A two-mode graph (node attribute ``mode``, see :func:`from_affiliations`).
    weight : str, optional
        Edge attribute holding the entries; None (default): 1 for every tie.

    Returns
    -------
    Incidence
        ``(matrix, actors, events)``: a scipy sparse CSR array of shape
        ``(n_actors, n_events)`` (float64) and the row and column labels, each in the
        graph's node order.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"person": ["ann", "bob", "bob"], "meeting": ["m1", "m1", "m2"]})
    >>> inc = nc.twomode.incidence(nc.twomode.from_affiliations(df, actor="person",
    ...                                                        event="meeting"))
    >>> inc.matrix.toarray()
    array([[1., 0.],
           [1., 1.]])
    >>> list(inc.actors), list(inc.events)
    (['ann', 'bob'], ['m1', 'm2'])
    """
    g = as_graph(g, func="incidence")
    return _incidence(g, _sides(g, "incidence"), weight, "incidence")


# ----------------------------------------------------------------------------- projection
def _values(method: str, B: Any, i: np.ndarray, j: np.ndarray, c: np.ndarray,
            newman: np.ndarray) -> np.ndarray:
    if method == "binary":
        return np.ones(len(c))
    if method == "count":
        return c
    if method == "newman":
        return newman
    if method == "ratio":
        return c / B.shape[1]
    d = np.diff(B.indptr).astype(np.float64)  # memberships of each projected node
    if method == "jaccard":
        return c / (d[i] + d[j] - c)
    return c / np.minimum(d[i], d[j])  # overlap


def project(g: Any, /, *, onto: str = "actor", method: str = "binary") -> Graph:
    """One-mode projection of a two-mode graph, computed as the sparse product ``B Bᵀ``.

    With ``B`` the binary incidence matrix (rows: the side projected onto), ``E_u`` the
    events of actor ``u`` (the actors of event ``u`` when ``onto="event"``), ``k_e`` the size
    of event ``e`` and ``c_uv = |E_u ∩ E_v| = (B Bᵀ)_uv``, two distinct nodes are tied when
    ``c_uv > 0``, with the value in the edge attribute ``weight``:

    * ``binary``: 1 (networkx ``projected_graph``);
    * ``count``: ``c_uv`` (``weighted_projected_graph``);
    * ``ratio``: ``c_uv / n_other``, the size of the other mode
      (``weighted_projected_graph(ratio=True)``);
    * ``newman``: ``Σ_{e ∈ E_u ∩ E_v} 1 / (k_e − 1)`` (Newman 2001;
      ``collaboration_weighted_projected_graph``);
    * ``jaccard``: ``c_uv / |E_u ∪ E_v|`` (``overlap_weighted_projected_graph``);
    * ``overlap``: ``c_uv / min(|E_u|, |E_v|)`` (the same with ``jaccard=False``).

    Tie weights of the two-mode graph are not used (every affiliation counts once).

    Parameters
    ----------
    g : Graph or graph-like
        A two-mode graph (node attribute ``mode``, see :func:`from_affiliations`).
    onto : {"actor", "event"}
        The side kept: ``"actor"`` ties actors who share events, ``"event"`` ties events
        that share actors.
    method : {"binary", "count", "ratio", "newman", "jaccard", "overlap"}
        The tie value (table above).

    Returns
    -------
    Graph
        Undirected, over every node of the kept side (isolates included) in the graph's
        order, with its node attributes (the side attribute ``mode``/``bipartite`` dropped);
        edge attribute ``weight`` (float64); ``meta`` records ``projection`` and ``method``.

    Notes
    -----
    Only the upper triangle of ``B Bᵀ`` is formed, row by row with one reused accumulator of
    one entry per kept node (Gustavson's sparse product), so the memory used besides the
    result is ``O(n)``; no dense matrix is made. The work is ``Σ_e k_e²``: an event with many
    participants ties all of them (a clique), which is the nature of a projection, not of
    the algorithm. The pairs come out sorted, so the Graph is assembled without a sort.

    References
    ----------
    Newman MEJ (2001) Physical Review E 64:016132. doi:10.1103/PhysRevE.64.016132 (the
    ``newman`` weights). Borgatti SP, Everett MG (1997) Social Networks 19(3):243-269.
    doi:10.1016/S0378-8733(96)00301-2 (projections and the normalisations of overlap).

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"person": ["ann", "bob", "bob", "cy", "cy"],
    ...                    "meeting": ["m1", "m1", "m2", "m2", "m3"]})
    >>> g = nc.twomode.from_affiliations(df, actor="person", event="meeting")
    >>> p = nc.twomode.project(g, onto="actor", method="jaccard")
    >>> p.to_pandas()[["source", "target", "weight"]].values.tolist()
    [['ann', 'bob', 0.5], ['bob', 'cy', 0.3333333333333333]]
    """
    g = as_graph(g, func="project")
    check_choice(onto, _SIDES, func="project", param="onto")
    check_choice(method, METHODS, func="project", param="method")
    is_event = _sides(g, "project")
    inc = _incidence(g, is_event, None, "project")
    B = inc.matrix.tocsr() if onto == "actor" else inc.matrix.T.tocsr()
    B.sort_indices()
    keep = inc.actors if onto == "actor" else inc.events
    Bt = B.T.tocsr()
    k = np.diff(Bt.indptr).astype(np.float64)  # size of each event (column)
    scale = np.divide(1.0, k - 1.0, out=np.zeros_like(k), where=k > 1)
    i, j, c, newman = project_upper(B.indptr, B.indices, Bt.indptr, Bt.indices, scale)
    w = _values(method, B, i, j, c, newman)
    del c, newman
    pos = np.flatnonzero(is_event == (onto == "event"))
    side_col = "mode" if "mode" in g.node_attrs.columns else "bipartite"
    attrs = g.node_attrs.iloc[pos].drop(columns=[side_col]).reset_index(drop=True)
    return Graph.from_positions(
        len(keep), i, j, directed=False, nodes=keep, node_attrs=attrs,
        edge_attrs=pd.DataFrame({"weight": w}),
        meta={"projection": onto, "method": method}, func="project", param="g")


# ----------------------------------------------------------------------------- statistics
def degree(g: Any, /, *, weight: str | None = None, normalized: bool = False) -> pd.Series:
    """Two-mode degree: the number of events of each actor and of actors of each event.

    Parameters
    ----------
    g : Graph or graph-like
        A two-mode graph (node attribute ``mode``).
    weight : str, optional
        Edge attribute read as a strength: the sum of the node's tie values.
    normalized : bool
        Divide by the size of the *other* mode (Borgatti & Everett 1997; Faust 1997): an
        actor's degree by the number of events, an event's by the number of actors, so that
        1 means tied to the whole other side. Default False. NaN when the other mode is empty
        (0/0 for an isolate).

    Returns
    -------
    pandas.Series
        float64, indexed by every node (actors and events), named ``"degree"``.

    References
    ----------
    Borgatti SP, Everett MG (1997) Network analysis of 2-mode data. Social Networks 19(3):
    243-269. doi:10.1016/S0378-8733(96)00301-2

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"person": ["ann", "bob", "bob"], "meeting": ["m1", "m1", "m2"]})
    >>> g = nc.twomode.from_affiliations(df, actor="person", event="meeting")
    >>> nc.twomode.degree(g, normalized=True).tolist()
    [0.5, 1.0, 1.0, 0.5]
    """
    g = as_graph(g, func="degree")
    check_bool(normalized, func="degree", param="normalized")
    is_event = _sides(g, "degree")
    s, t = g.edge_array()
    if weight is None:
        w = np.ones(len(s))
    else:
        if not isinstance(weight, str) or weight not in g.edge_attrs.columns:
            raise param_error("degree", "weight", "None or the name of an edge attribute "
                              f"{list(g.edge_attrs.columns)!r}", weight)
        w = g.edge_attrs[weight].to_numpy(np.float64)
    d = (np.bincount(s, weights=w, minlength=g.n_nodes)
         + np.bincount(t, weights=w, minlength=g.n_nodes))
    if normalized:
        ne = float(is_event.sum())
        other = np.where(is_event, g.n_nodes - ne, ne)
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.where(other > 0, d / np.where(other > 0, other, 1.0), np.nan)
    return pd.Series(d.astype(np.float64), index=g.nodes, name="degree")


def density(g: Any, /) -> float:
    """Two-mode density: the share of the ``n_actors × n_events`` possible ties present.

    ``m / (n_actors n_events)`` (Borgatti & Everett 1997; Faust 1997), not ``m / C(n, 2)``:
    actors are never tied to actors, nor events to events.

    Raises
    ------
    UndefinedMetricError
        When either mode is empty.

    References
    ----------
    Borgatti SP, Everett MG (1997) Network analysis of 2-mode data. Social Networks 19(3):
    243-269. doi:10.1016/S0378-8733(96)00301-2

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> df = pd.DataFrame({"person": ["ann", "bob", "bob"], "meeting": ["m1", "m1", "m2"]})
    >>> nc.twomode.density(nc.twomode.from_affiliations(df, actor="person", event="meeting"))
    0.75
    """
    g = as_graph(g, func="density")
    is_event = _sides(g, "density")
    ne = int(is_event.sum())
    na = g.n_nodes - ne
    if na == 0 or ne == 0:
        raise UndefinedMetricError(
            f"density() of a two-mode graph needs actors and events. Got {na} actor(s) and "
            f"{ne} event(s).")
    return float(g.n_edges / (na * ne))
