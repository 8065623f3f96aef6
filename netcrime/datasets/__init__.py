"""Classic criminal and covert networks, bundled with their provenance and citation.

:func:`list_datasets` tabulates what is available; :func:`load` returns a
:class:`netcrime.Graph` whose :attr:`~netcrime.Graph.meta` carries the citation, DOI, source
repository, licence note and the full ``PROVENANCE.txt`` of the family. Files are read from
the installed package (``importlib.resources``), never from the network or an outside folder.

Naming scheme
-------------
``<family>`` or ``<family>_<variant>``, lower case, underscores:

* ``montagna_meetings``, ``montagna_phonecalls`` -- Montagna operation, Sicilian Mafia
  (Cavallaro et al. 2020), undirected valued; a repeated pair keeps its LAST weight, as in
  the authors' code (101 / 256 and 100 / 124);
* ``montagna_meetings_attributed``, ``montagna_phonecalls_attributed`` -- the later
  144-actor version with Role / Relationship / Request node attributes;
* ``caviar`` -- CAVIAR aggregate, directed valued (110 / 295);
  ``caviar_undirected`` -- symmetrised by max (110 / 205);
* ``caviar_phase01`` ... ``caviar_phase11`` -- the 11 investigation phases, directed valued
  (row = caller, column = receiver), also ``load("caviar", phase=k)``, and all 11 as a
  :class:`~netcrime.events.Snapshots` with ``load_phases("caviar")``;
  ``caviar_phase01_undirected`` ... -- the same symmetrised by max;
* ``oversize_wiretaps``, ``oversize_warrants``, ``oversize_judgments`` -- Operation
  Oversize, 'Ndrangheta: three judicial stages, all 182 actors as nodes;
* ``hijackers_911`` -- 9/11 hijackers and associates (60 / 126);
  ``hijackers_911_prior_contacts`` -- trusted prior contacts of the 19 hijackers (19 / 27);
* ``noordin_<relation>`` -- Noordin Top network, one of 10 relations over 79 actors, also
  ``load("noordin", relation="kinship")``; ``noordin`` -- the 10 relations as one
  multiplex graph;
* ``madrid`` -- Madrid 2004 bombing aggregate with tie attributes (54 / 226);
  ``madrid_kinship``; ``madrid_<period>`` -- 21 time slices ``1985_1989`` ... ``2006_2``,
  also ``load("madrid", period="2004_1")``;
* ``london_gang`` -- London street gang with node attributes (54 / 315);
* ``natarajan_heroin`` (directed, 38 / 168), ``natarajan_heroin_undirected`` (38 / 87),
  ``natarajan_cocaine`` (directed valued, 28 / 40), ``natarajan_cocaine_undirected``.

Data files live in ``netcrime/datasets/data/<family folder>/`` beside the ``PROVENANCE.txt``
that records their origin; the machine-readable registry is
:data:`netcrime.datasets.registry.DATASETS`. Licences of the underlying data are unclear for
most networks (see each ``licence_note``): cite the original authors when you use them.

Examples
--------
>>> import netcrime as nc
>>> g = nc.datasets.load("caviar")
>>> g.n_nodes, g.n_edges, g.directed
(110, 295, True)
>>> nc.datasets.load("caviar", phase=3).n_nodes
33
>>> g.meta["name"]
'caviar'
"""

from __future__ import annotations

import difflib
import functools
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_int, param_error
from ..events import Snapshots
from ..graph import Graph
from . import registry
from .registry import DATASETS, FAMILY_PARAMS, DatasetInfo

__all__ = ["list_datasets", "load", "load_phases", "registry"]

_PACKAGE = "netcrime.datasets"


def _path(folder: str, fname: str) -> Any:
    return resources.files(_PACKAGE).joinpath("data", folder, *fname.split("/"))


def _read_csv(info: DatasetInfo, fname: str, **kw: Any) -> pd.DataFrame:
    with _path(info.folder, fname).open("rb") as fh:
        return pd.read_csv(fh, **kw)


@functools.cache
def _provenance(folder: str) -> str:
    return _path(folder, "PROVENANCE.txt").read_text(encoding="utf-8")


# Names such as "NA" or "None" are real labels here: only an empty field is missing.
_LABELS = {"keep_default_na": False, "na_values": [""]}


# ----------------------------------------------------------------------------- builders
def _meta(info: DatasetInfo) -> dict[str, Any]:
    meta = {
        "name": info.name,
        "family": info.family,
        "description": info.description,
        "citation": info.citation,
        "doi": info.doi,
        "source": info.source,
        "licence_note": info.licence_note,
        "reported_nodes": info.nodes,
        "reported_edges": info.edges,
        "files": tuple(f"netcrime/datasets/data/{info.folder}/{f}" for f in info.files),
        "provenance": _provenance(info.folder),
    }
    if info.notes:
        meta["notes"] = info.notes
    for k, v in info.params.items():
        if k in ("phase", "seizure", "relation", "period"):
            meta[k] = v
    return meta


def _positions(labels: pd.Index, values: Any, info: DatasetInfo) -> np.ndarray:
    pos = labels.get_indexer(values)
    if (pos < 0).any():  # pragma: no cover - data guard, the test suite loads every file
        bad = np.asarray(values, dtype=object)[pos < 0][0]
        raise ValueError(f"{info.name}: endpoint {bad!r} is not a listed node")
    return pos.astype(np.int64)


def _graph(info: DatasetInfo, labels: Any, src: Any, dst: Any, *,
           edge_attrs: Any = None, node_attrs: pd.DataFrame | None = None,
           multiedges: str = "error") -> Graph:
    """Build from label columns through the positional fast path."""
    idx = pd.Index(labels).rename(None)
    return Graph.from_arrays(
        len(idx), _positions(idx, src, info), _positions(idx, dst, info),
        directed=info.directed, nodes=idx, node_attrs=node_attrs, edge_attrs=edge_attrs,
        multiedges=multiedges, meta=_meta(info),
    )


def _first_appearance(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Labels in the order networkx inserts them reading the rows (u then v per row)."""
    return pd.unique(np.column_stack([src, dst]).ravel())


def _build_montagna_cavallaro(info: DatasetInfo) -> Graph:
    df = _read_csv(info, info.files[0], sep=r"\s+", header=None,
                   names=["source", "target", "weight"])
    s, t = df["source"].to_numpy(), df["target"].to_numpy()
    # networkx's Graph.add_edge overwrites: the last record of a pair wins; nodes are in
    # networkx's insertion order, which the authors' tie-breaking depends on.
    return _graph(info, _first_appearance(s, t), s, t,
                  edge_attrs={"weight": df["weight"].to_numpy(dtype=float)},
                  multiedges="last")


def _build_montagna_attributed(info: DatasetInfo) -> Graph:
    nodes = _read_csv(info, info.files[1], dtype={"name": str}, **_LABELS)
    edges = _read_csv(info, info.files[0], dtype={"source": str, "target": str}, **_LABELS)
    # Endpoints missing from the attribute table (N35 in the meetings list) are appended
    # after the listed actors, with missing attributes.
    listed = set(nodes["name"])
    ends = _first_appearance(edges["source"].to_numpy(), edges["target"].to_numpy())
    extra = [x for x in ends if x not in listed]
    if extra:
        nodes = pd.concat([nodes, pd.DataFrame({"name": extra})], ignore_index=True)
    idx = pd.Index(nodes["name"]).rename(None)
    s = _positions(idx, edges["source"], info)
    t = _positions(idx, edges["target"], info)
    a, b = np.minimum(s, t), np.maximum(s, t)
    agg = (
        pd.DataFrame({"a": a, "b": b, "weight": edges["weight"].astype(float)})
        .groupby(["a", "b"], sort=True)
        .agg(weight=("weight", "sum"), records=("weight", "size"))
        .reset_index()
    )
    ea = pd.DataFrame({"weight": agg["weight"].to_numpy(float),
                       "records": agg["records"].to_numpy(np.int64)})
    return Graph.from_arrays(len(idx), agg["a"].to_numpy(np.int64),
                             agg["b"].to_numpy(np.int64), directed=False, nodes=idx,
                             node_attrs=nodes.drop(columns=["name"]), edge_attrs=ea,
                             meta=_meta(info))


def _build_caviar_directed(info: DatasetInfo) -> Graph:
    df = _read_csv(info, info.files[0])
    s = df["source"].to_numpy(np.int64)
    t = df["target"].to_numpy(np.int64)
    return _graph(info, np.unique(np.concatenate([s, t])), s, t,
                  edge_attrs={"weight": df["weight"].to_numpy(float)})


def _caviar_label(x: str) -> Any:
    v = float(x)
    return int(v) if v == int(v) else x


def _build_caviar_undirected(info: DatasetInfo) -> Graph:
    df = _read_csv(info, info.files[0], dtype={"source": str, "target": str})
    # Ids may be stored as floats ("3.0"): integer ids become ints, any other id stays a
    # string (the networkdata phase-7 file, no longer loaded, held "0.1" and "0.2").
    s = np.array([_caviar_label(x) for x in df["source"]], dtype=object)
    t = np.array([_caviar_label(x) for x in df["target"]], dtype=object)
    labels = pd.unique(np.concatenate([s, t]))
    ints = sorted(x for x in labels if isinstance(x, int))
    others = [x for x in labels if not isinstance(x, int)]
    nodes = pd.Index(ints + others, dtype=object) if others else pd.Index(ints)
    return _graph(info, nodes, s, t, edge_attrs={"weight": df["weight"].to_numpy(float)})


@functools.cache
def _caviar_matrix(folder: str, fname: str) -> tuple[pd.Index, np.ndarray]:
    with _path(folder, fname).open("rb") as fh:
        A = pd.read_csv(fh, index_col=0)
    labels = A.index.astype(np.int64)
    if not np.array_equal(labels, A.columns.astype(np.int64)):  # pragma: no cover - guard
        raise ValueError(f"row and column labels of {fname} differ")
    return pd.Index(labels).rename(None), A.to_numpy(dtype=float)


def _build_caviar_matrix(info: DatasetInfo) -> Graph:
    # row = sender, column = receiver (PROVENANCE.txt, SOURCE C); node order as in the file
    labels, M = _caviar_matrix(info.folder, info.files[0])
    if not info.directed:
        M = np.triu(np.maximum(M, M.T))
    r, c = np.nonzero(M)
    return Graph.from_arrays(len(labels), r, c, directed=info.directed, nodes=labels,
                             edge_attrs={"weight": M[r, c]}, meta=_meta(info))


def _build_edges_only(info: DatasetInfo) -> Graph:
    df = _read_csv(info, info.files[0], dtype={"source": str, "target": str}, **_LABELS)
    s, t = df["source"].to_numpy(), df["target"].to_numpy()
    ea = {"weight": df["weight"].to_numpy(float)} if info.weighted else None
    return _graph(info, _first_appearance(s, t), s, t, edge_attrs=ea)


@functools.cache
def _node_table(folder: str, fname: str) -> pd.DataFrame:
    with _path(folder, fname).open("rb") as fh:
        return pd.read_csv(fh, **_LABELS)


def _build_edges_nodes(info: DatasetInfo) -> Graph:
    p = info.params
    col = p["node_col"]
    nodes = _node_table(info.folder, p["node_file"])
    labels = nodes[col]
    attrs = nodes[[c for c in nodes.columns if c not in (col, "id")]]
    dtype = labels.dtype
    edges = _read_csv(info, info.files[0], dtype={"source": dtype, "target": dtype}, **_LABELS)
    ea = {"weight": edges["weight"].to_numpy(float)} if "weight" in edges.columns else None
    return _graph(info, labels, edges["source"].to_numpy(), edges["target"].to_numpy(),
                  edge_attrs=ea, node_attrs=attrs if len(attrs.columns) else None)


def _build_madrid_aggregate(info: DatasetInfo) -> Graph:
    frames = [_read_csv(info, f) for f in info.files[:3]]
    base = frames[0][["source", "target"]].to_numpy()
    for f in frames[1:]:
        if not np.array_equal(f[["source", "target"]].to_numpy(), base):
            raise ValueError("Madrid tie files are not aligned")  # pragma: no cover
    ea = pd.DataFrame({
        "operation_id": frames[0]["weight"].to_numpy(np.int64),
        "tie_year": frames[1]["weight"].to_numpy(np.int64),
        "tie_extinguish": frames[2]["weight"].to_numpy(np.int64),
    })
    labels = _node_table(info.folder, info.files[3])["name"]
    return _graph(info, labels, base[:, 0], base[:, 1], edge_attrs=ea)


def _read_matrix(info: DatasetInfo, fname: str) -> pd.DataFrame:
    A = _read_csv(info, fname, index_col=0, **_LABELS)
    A.index = A.index.astype(str)
    A.columns = A.columns.astype(str)
    return A


def _build_adjacency(info: DatasetInfo) -> Graph:
    A = _read_matrix(info, info.files[0])
    if not A.index.equals(A.columns):  # pragma: no cover - data guard
        raise ValueError(f"row and column labels of {info.files[0]} differ")
    M = A.to_numpy()
    r, c = np.nonzero(M)
    ea = {"weight": M[r, c].astype(float)} if info.weighted else None
    return Graph.from_arrays(len(A), r, c, directed=info.directed, nodes=A.index.rename(None),
                             edge_attrs=ea, meta=_meta(info))


def _build_natarajan_undirected(info: DatasetInfo) -> Graph:
    p = info.params
    df = _read_csv(info, info.files[0], dtype={"source": str, "target": str}, **_LABELS)
    relabel = p["relabel"]
    s = np.array([relabel.get(x, x) for x in df["source"]], dtype=object)
    t = np.array([relabel.get(x, x) for x in df["target"]], dtype=object)
    nodes = _read_matrix(info, p["matrix"]).index.rename(None)
    ea = {"weight": df["weight"].to_numpy(float)} if info.weighted else None
    return _graph(info, nodes, s, t, edge_attrs=ea)


def _build_noordin_multiplex(info: DatasetInfo) -> Graph:
    idx = pd.Index(_node_table(info.folder, info.files[-1])["name"]).rename(None)
    n = len(idx)
    rels = registry.NOORDIN_RELATIONS
    keys = []
    for fname in info.files[:-1]:
        df = _read_csv(info, fname, dtype=str, **_LABELS)
        s = _positions(idx, df["source"], info)
        t = _positions(idx, df["target"], info)
        keys.append(np.minimum(s, t) * n + np.maximum(s, t))
    allk = np.unique(np.concatenate(keys))
    cols = {r: np.isin(allk, k).astype(np.int64) for r, k in zip(rels, keys)}
    ea = pd.DataFrame(cols)
    ea["weight"] = ea[list(rels)].sum(axis=1).astype(float)
    # meta["relations"]: the wide multiplex form read by netcrime.multiplex.
    return Graph.from_arrays(n, allk // n, allk % n, directed=False, nodes=idx,
                             edge_attrs=ea, meta={**_meta(info), "relations": tuple(rels)})


_BUILDERS = {
    "montagna_cavallaro": _build_montagna_cavallaro,
    "montagna_attributed": _build_montagna_attributed,
    "caviar_directed": _build_caviar_directed,
    "caviar_undirected": _build_caviar_undirected,
    "caviar_matrix": _build_caviar_matrix,
    "caviar_matrix_undirected": _build_caviar_matrix,
    "edges_only": _build_edges_only,
    "edges_nodes": _build_edges_nodes,
    "madrid_aggregate": _build_madrid_aggregate,
    "adjacency": _build_adjacency,
    "natarajan_undirected": _build_natarajan_undirected,
    "noordin_multiplex": _build_noordin_multiplex,
}


@functools.cache
def _load_cached(name: str) -> Graph:
    info = DATASETS[name]
    return _BUILDERS[info.builder](info)


# ----------------------------------------------------------------------------- public API
def list_datasets() -> pd.DataFrame:
    """Table of the bundled networks.

    Returns
    -------
    pandas.DataFrame
        One row per network, in the order of the module docstring, with columns ``name``,
        ``family``, ``nodes``, ``edges`` (sizes as reported by the source papers or
        provenance notes; every one is checked against the loaded graph by the test suite),
        ``directed``, ``weighted``, ``description``, ``citation`` and ``doi`` (None where no
        DOI was verified).

    See Also
    --------
    load : build one of the listed networks.

    Examples
    --------
    >>> import netcrime as nc
    >>> tab = nc.datasets.list_datasets()
    >>> row = tab.set_index("name").loc["montagna_meetings"]
    >>> int(row["nodes"]), int(row["edges"]), bool(row["directed"])
    (101, 256, False)
    >>> int((tab["family"] == "caviar").sum())
    24
    """
    rows = [
        {
            "name": d.name, "family": d.family, "nodes": d.nodes, "edges": d.edges,
            "directed": d.directed, "weighted": d.weighted, "description": d.description,
            "citation": d.citation, "doi": d.doi,
        }
        for d in DATASETS.values()
    ]
    df = pd.DataFrame(rows)
    df["nodes"] = df["nodes"].astype(np.int64)
    df["edges"] = df["edges"].astype(np.int64)
    df["directed"] = df["directed"].astype(bool)
    df["weighted"] = df["weighted"].astype(bool)
    return df


def load(name: str, *, phase: int | None = None, relation: str | None = None,
         period: str | None = None) -> Graph:
    """Load a bundled network as a :class:`netcrime.Graph`.

    Parameters
    ----------
    name : str
        A name from :func:`list_datasets` (see the naming scheme in the module docstring),
        or a family name combined with its selector: ``"caviar"`` with ``phase``,
        ``"noordin"`` with ``relation``, ``"madrid"`` with ``period``.
    phase : int, optional
        CAVIAR investigation phase, 1 to 11 (only with ``name="caviar"``).
    relation : str, optional
        Noordin Top relation, e.g. ``"kinship"`` (only with ``name="noordin"``).
    period : str, optional
        Madrid time slice, e.g. ``"2004_1"`` (only with ``name="madrid"``).

    Returns
    -------
    Graph
        Node labels as in the source (ints for CAVIAR, Montagna, Madrid and London; names
        or codes otherwise), node attributes where the source has them, the edge weight in
        the ``"weight"`` column for valued networks, and ``g.meta`` with the keys ``name``,
        ``family``, ``description``, ``citation``, ``doi``, ``source``, ``licence_note``,
        ``reported_nodes``, ``reported_edges``, ``files``, ``provenance`` (the family's
        ``PROVENANCE.txt``) and, where relevant, ``notes``, ``phase``, ``seizure``,
        ``relation`` or ``period``.

    Raises
    ------
    ParameterError
        Unknown name (the message suggests close names), or a selector that does not fit
        the name or is out of range.

    Notes
    -----
    Graphs are immutable, so each network is built once per session and the same object is
    returned afterwards (loading all bundled networks takes well under a second).
    The choices made while building (which weight a repeated pair keeps, how parallel
    records are merged, the one label restored in the Natarajan heroin edge list) are
    stated in ``g.meta["notes"]`` and in :data:`netcrime.datasets.registry.DATASETS`.

    References
    ----------
    Each network's citation is in ``g.meta["citation"]`` (and ``g.meta["doi"]``); e.g.
    Cavallaro L et al. (2020) PLoS ONE 15(8): e0236476, doi:10.1371/journal.pone.0236476.

    Examples
    --------
    >>> import netcrime as nc
    >>> nc.datasets.load("caviar").n_nodes
    110
    >>> g = nc.datasets.load("montagna_meetings")
    >>> g.n_nodes, g.n_edges, g.meta["doi"]
    (101, 256, '10.1371/journal.pone.0236476')
    >>> nc.datasets.load("noordin", relation="kinship").n_edges
    16
    >>> nc.datasets.load("london_gang").node_attrs.columns[:3].tolist()
    ['Age', 'Birthplace', 'Residence']
    """
    func = "load"
    if not isinstance(name, str):
        raise param_error(func, "name", "a dataset name (str)", name)
    selectors = {"phase": phase, "relation": relation, "period": period}
    given = {k: v for k, v in selectors.items() if v is not None}
    if given:
        want = FAMILY_PARAMS.get(name)
        for k, v in given.items():
            if k != want:
                fams = ", ".join(f"{f!r} with {s}=" for f, s in FAMILY_PARAMS.items())
                raise param_error(func, k, f"None unless name is one of {fams}", v)
        if name == "caviar":
            k = check_int(phase, func=func, param="phase", min=1, max=11)
            name = f"caviar_phase{k:02d}"
        elif name == "noordin":
            r = check_choice(relation, registry.NOORDIN_RELATIONS, func=func, param="relation")
            name = f"noordin_{r}"
        else:
            p = check_choice(period, registry.MADRID_PERIODS, func=func, param="period")
            name = f"madrid_{p}"
    if name not in DATASETS:
        close = difflib.get_close_matches(name, list(DATASETS), n=3)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        raise param_error(func, "name", "a name listed by netcrime.datasets.list_datasets()"
                          + hint, name)
    return _load_cached(name)


#: families with phases, and how many
_PHASED = {"caviar": 11}


def load_phases(name: str) -> Snapshots:
    """Load every investigation phase of a bundled network as one :class:`Snapshots`.

    Parameters
    ----------
    name : str
        A family with phases: ``"caviar"`` (the 11 CAVIAR phases, directed valued).

    Returns
    -------
    Snapshots
        Phase number (1, 2, ...) -> the Graph :func:`load` returns for that phase, over the
        universe of every actor of any phase (sorted ids). ``meta`` holds ``name``,
        ``citation``, ``source``, ``provenance``, ``seizure`` (phase -> bool: whether a
        seizure occurred in the phase), ``seizure_phases`` (the phases with a seizure),
        ``n_seizures`` and ``seizure_source`` (where the record comes from).

    Raises
    ------
    ParameterError
        A name without phases.

    References
    ----------
    Morselli C (2009) Inside Criminal Networks. Springer. Morselli C, Petit K (2007)
    Law-enforcement disruption of a drug importation network. Global Crime 8(2):109-130.

    Examples
    --------
    >>> import netcrime as nc
    >>> s = nc.datasets.load_phases("caviar")
    >>> [s[k].n_nodes for k in s]
    [15, 24, 33, 33, 32, 27, 36, 42, 34, 42, 41]
    >>> s.meta["seizure_phases"], s[7].directed
    ((4, 6, 7, 8, 9, 10, 11), True)
    """
    func = "load_phases"
    if not isinstance(name, str) or name not in _PHASED:
        raise param_error(func, "name", f"a family with phases ({sorted(_PHASED)})", name)
    graphs = {k: load(name, phase=k) for k in range(1, _PHASED[name] + 1)}
    universe = sorted(set().union(*(set(g.nodes) for g in graphs.values())))
    first = graphs[1].meta
    seized = registry.CAVIAR_SEIZURE_PHASES
    meta = {
        "name": name, "citation": first["citation"], "source": first["source"],
        "licence_note": first["licence_note"], "provenance": first["provenance"],
        "windows_from": "phase", "directed": True,
        "seizure": {k: k in seized for k in graphs},
        "seizure_phases": tuple(seized), "n_seizures": registry.CAVIAR_N_SEIZURES,
        "seizure_source": registry.CAVIAR_SEIZURE_SOURCE,
    }
    return Snapshots(graphs, universe, meta)
