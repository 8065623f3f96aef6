"""The online trace: link ads into operations, score the linkage, plan what to take down.

What an investigator of online trafficking holds is the trace: ads, the phone numbers and
accounts shown on them, the platforms that host them. This module turns that trace into
operations and chooses what to block.

* :func:`link_traces` -- group ads (and the identifiers on them) into operations by shared
  identifiers (union-find), with a guard against hub identifiers;
* :func:`evaluate_linkage` -- score a linkage against the truth (pairwise precision, recall,
  F1, adjusted Rand index);
* :func:`block_plan` -- which online objects to take down to cut the most client--victim
  connections (lazy greedy, degree and betweenness baselines);
* :func:`compare_block_vs_raid` -- blocking ``k`` objects against arresting ``k`` persons on
  the same network, measured the same way.

The online layer of a graph
---------------------------
A graph has an online layer when it has a node attribute ``kind`` with nodes of kind
``"ad"`` (as :func:`~netcrime.generators.trafficking_network` with ``kind="online"`` or
``"hybrid"`` makes): ads tied to the ``"account"`` that posted them, the ``"phone"`` shown on
them, the ``"platform"`` that hosts them, the victim they advertise and the clients who
booked through them; persons are ``kind == "person"`` with a ``role`` attribute (clients
``"client"``, victims ``"victim"`` or ``"bottom"``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._core import union_labels
from ._validation import check_choice, check_float, check_int, param_error
from .graph import Graph, as_graph
from .groups import compare

__all__ = [
    "BlockPlan",
    "LinkResult",
    "block_plan",
    "compare_block_vs_raid",
    "evaluate_linkage",
    "link_traces",
]

#: Identifier kinds a graph's ads are linked through by default.
DEFAULT_ID_KINDS = ("phone", "account")
#: Online object kinds that :func:`block_plan` may take down.
TARGET_KINDS = ("platform", "account", "phone", "ad")
#: Objectives of :func:`block_plan`.
OBJECTIVES = ("client_victim_pairs",)
#: Methods of :func:`block_plan`.
PLAN_METHODS = ("greedy", "degree", "betweenness")
_VICTIM_ROLES = ("victim", "bottom")


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class LinkResult:
    """Outcome of :func:`link_traces`.

    Attributes
    ----------
    operation : pandas.Series
        int64 operation id per ad (index: the ads), named ``"operation"``. Operations are
        numbered ``0, 1, ...`` by decreasing number of ads, ties by first ad.
    identifiers : pandas.DataFrame
        One row per identifier value: ``type`` (the column, or the node kind), ``value``,
        ``n_ads`` (ads showing it), ``share`` (``n_ads`` over all ads), ``cut`` (True: a hub,
        not used to link) and ``operation`` (nullable Int64; missing for cut identifiers).
    sizes : pandas.DataFrame
        One row per operation: ``operation``, ``n_ads``, ``n_identifiers``.
    cut : pandas.DataFrame
        The rows of ``identifiers`` that were cut (``share > max_share``).
    max_share : float
        The threshold used.
    links : pandas.DataFrame
        The ad--identifier incidence (built on first use): ``ad`` (position in
        ``operation``) and ``identifier`` (row of ``identifiers``), one row per distinct
        pair, hubs included.
    """

    operation: pd.Series
    identifiers: pd.DataFrame
    sizes: pd.DataFrame
    cut: pd.DataFrame
    max_share: float
    pairs: tuple[np.ndarray, np.ndarray] = field(repr=False, default=(np.zeros(0, np.int64),
                                                                       np.zeros(0, np.int64)))

    @property
    def links(self) -> pd.DataFrame:
        """The ad--identifier incidence as a two-column frame (see the class notes)."""
        return pd.DataFrame({"ad": self.pairs[0], "identifier": self.pairs[1]})

    @property
    def table(self) -> pd.DataFrame:
        """Tidy ``(object, type, operation)`` table: every ad (type ``"ad"``) and every
        identifier (type = its column or kind; operation missing when it was cut)."""
        ads = pd.DataFrame({"object": self.operation.index.to_numpy(dtype=object),
                            "type": "ad",
                            "operation": self.operation.to_numpy().astype(np.int64)})
        ids = self.identifiers
        idt = pd.DataFrame({"object": ids["value"].to_numpy(dtype=object),
                            "type": ids["type"].to_numpy(dtype=object),
                            "operation": ids["operation"]})
        out = pd.concat([ads, idt], ignore_index=True)
        out["operation"] = out["operation"].astype("Int64")
        return out

    @property
    def n_operations(self) -> int:
        """Number of operations found."""
        return len(self.sizes)


@dataclass(frozen=True)
class BlockPlan:
    """Outcome of :func:`block_plan`.

    Attributes
    ----------
    plan : pandas.DataFrame
        Row 0 is the intact layer, row ``s`` the state after the first ``s`` take-downs:
        ``step``, ``object`` (missing in row 0), ``kind``, ``gain`` (pairs cut by this
        take-down), ``pairs_connected`` and ``victims_reachable`` after it.
    pairs0, victims0 : int
        Connected (client, victim) pairs and reachable victims of the intact layer: the
        denominators of every share.
    method, objective : str
        What was run.
    """

    plan: pd.DataFrame
    pairs0: int
    victims0: int
    method: str
    objective: str

    @property
    def objects(self) -> list[Any]:
        """The objects to take down, in order."""
        return self.plan["object"].iloc[1:].tolist()


# --------------------------------------------------------------------------- linkage core
def _operations(n_ads: int, ad_idx: np.ndarray, id_idx: np.ndarray, n_ids: int,
                max_share: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Union-find over (ad, identifier) pairs (unique), hubs cut.

    Returns operation per ad, operation per identifier (-1 if cut), the cut mask and the
    number of ads per identifier."""
    count = np.bincount(id_idx, minlength=n_ids)
    cut = count > max_share * n_ads
    if cut.any():
        keep = ~cut[id_idx]
        ad_idx, id_idx = ad_idx[keep], id_idx[keep]
    comp = union_labels(n_ads + n_ids, ad_idx, id_idx, n_ads)
    # union_labels numbers components by their smallest item and the ads come first, so the
    # components holding an ad are 0..k-1 in order of their first ad
    k = int(comp[:n_ads].max()) + 1 if n_ads else 0
    size = np.bincount(comp[:n_ads], minlength=k)
    order = np.argsort(-size, kind="stable")  # by size, ties by first ad
    rank = np.empty(k, np.int64)
    rank[order] = np.arange(k, dtype=np.int64)
    op_ad = rank[comp[:n_ads]]
    cid = comp[n_ads:]
    has_ad = (cid < k) & ~cut & (count > 0)
    op_id = np.where(has_ad, rank[np.minimum(cid, max(k - 1, 0))] if k else -1, -1)
    return op_ad, op_id, cut, count


def _result(ads: pd.Index, id_type: Any, id_value: Any, op_ad, op_id, cut,
            count, max_share: float, pairs: tuple[np.ndarray, np.ndarray]) -> LinkResult:
    n_ads = len(ads)
    operation = pd.Series(op_ad, index=ads, name="operation", dtype=np.int64)
    op_nullable = pd.array(np.where(op_id >= 0, op_id, 0), dtype="Int64")
    op_nullable[op_id < 0] = pd.NA
    identifiers = pd.DataFrame({"type": id_type, "value": id_value, "n_ads": count,
                                "share": count / max(n_ads, 1), "cut": cut,
                                "operation": op_nullable})
    n_op = int(op_ad.max()) + 1 if n_ads else 0
    sizes = pd.DataFrame({"operation": np.arange(n_op, dtype=np.int64),
                          "n_ads": np.bincount(op_ad, minlength=n_op),
                          "n_identifiers": np.bincount(op_id[op_id >= 0], minlength=n_op)})
    cut_rows = identifiers[identifiers["cut"]].sort_values(
        ["n_ads", "type"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return LinkResult(operation, identifiers, sizes, cut_rows, max_share, pairs)


def _online_kinds(g: Graph, func: str, param: str) -> np.ndarray:
    """The ``kind`` column as an object array; raises if the graph has no ads."""
    na = g.node_attrs
    if "kind" not in na.columns:
        raise param_error(func, param, "a graph with an online layer (node attribute 'kind' "
                          "with nodes of kind 'ad')", None,
                          shown=f"a graph with node attributes {list(na.columns)!r}")
    kinds = na["kind"].astype(object).to_numpy()
    if not (kinds == "ad").any():
        have = sorted({str(k) for k in kinds if not pd.isna(k)})
        raise param_error(func, param, "a graph with an online layer (nodes of kind 'ad')",
                          None, shown=f"a graph whose node kinds are {have!r}")
    return kinds


def _csr_entries(g: Graph) -> tuple[np.ndarray, np.ndarray]:
    """(row, neighbour) position pairs of the symmetric neighbour CSR."""
    ptr, idx = g.neighbour_csr()
    rows = np.repeat(np.arange(g.n_nodes, dtype=np.int64), np.diff(ptr))
    return rows, np.asarray(idx, dtype=np.int64)


def _link_graph(g: Graph, id_cols: Any, max_share: float, func: str) -> LinkResult:
    kinds = _online_kinds(g, func, "data")
    id_kinds = DEFAULT_ID_KINDS if id_cols is None else _as_names(id_cols, func)
    have = sorted({str(k) for k in kinds if not pd.isna(k)})
    bad = [k for k in id_kinds if k not in have]
    if bad:
        raise param_error(func, "id_cols", f"node kinds of the graph {have!r}", None,
                          shown=f"{bad!r}")
    is_ad = kinds == "ad"
    is_id = np.isin(kinds, list(id_kinds))
    rows, nbr = _csr_entries(g)
    sel = is_ad[rows] & is_id[nbr]
    ad_pos = np.flatnonzero(is_ad)
    id_pos = np.flatnonzero(is_id)
    ad_local = np.full(g.n_nodes, -1, np.int64)
    ad_local[ad_pos] = np.arange(len(ad_pos))
    id_local = np.full(g.n_nodes, -1, np.int64)
    id_local[id_pos] = np.arange(len(id_pos))
    a, i = ad_local[rows[sel]], id_local[nbr[sel]]
    key = np.unique(a * len(id_pos) + i) if len(a) else np.zeros(0, np.int64)
    a, i = key // max(len(id_pos), 1), key % max(len(id_pos), 1)
    op_ad, op_id, cut, count = _operations(len(ad_pos), a, i, len(id_pos), max_share)
    return _result(g.nodes[ad_pos], pd.Categorical(kinds[id_pos].astype(object)),
                   g.nodes[id_pos].to_numpy(dtype=object), op_ad, op_id, cut, count, max_share,
                   (a, i))


def _as_names(id_cols: Any, func: str) -> list[str]:
    names = [id_cols] if isinstance(id_cols, str) else list(id_cols) \
        if isinstance(id_cols, (list, tuple)) else None
    if not names:
        raise param_error(func, "id_cols", "a non-empty list of column names", id_cols)
    return names


def _missing(col: pd.Series) -> np.ndarray:
    miss = col.isna().to_numpy().copy()
    if col.dtype == object or pd.api.types.is_string_dtype(col):
        miss |= (col.astype(object) == "").to_numpy()
    return miss


def _pairs(obj_codes: np.ndarray, codes_by_col: list, types: list[int]
           ) -> tuple[np.ndarray, np.ndarray, int]:
    """(ad, identifier) pairs of all columns, written into two preallocated arrays (column
    ``k``'s identifiers are offset by the numbers of values of the columns before it)."""
    total = sum(n_ok for _, n_ok in codes_by_col)
    a = np.empty(total, np.int64)
    i = np.empty(total, np.int64)
    pos = offset = 0
    for (codes, n_ok), n_uniq in zip(codes_by_col, types):
        end = pos + n_ok
        if n_ok == len(codes):
            a[pos:end] = obj_codes
            np.add(codes, offset, out=i[pos:end], casting="unsafe")
        else:
            ok = codes >= 0
            a[pos:end] = obj_codes[ok]
            np.add(codes[ok], offset, out=i[pos:end], casting="unsafe")
        pos, offset = end, offset + n_uniq
    return a, i, offset


def _link_table(df: pd.DataFrame, id_cols: Any, object_col: Any, max_share: float,
                func: str) -> LinkResult:
    cols = list(df.columns)
    names = _as_names(id_cols, func)
    bad = [c for c in names if c not in cols]
    if bad:
        raise param_error(func, "id_cols", f"columns of the table {cols!r}", None,
                          shown=f"{bad!r}")
    if object_col is None:
        obj_codes, ads = np.arange(len(df), dtype=np.int64), pd.Index(df.index)
    else:
        if object_col not in cols:
            raise param_error(func, "object_col", f"None or a column of the table {cols!r}",
                              object_col)
        if df[object_col].isna().any():
            raise param_error(func, "object_col", "a column without missing values", None,
                              shown=f"{object_col!r} with missing values")
        obj_codes, uniq = pd.factorize(df[object_col])
        obj_codes = obj_codes.astype(np.int64)
        ads = pd.Index(uniq, name=object_col)
    codes_by_col, types, values = [], [], []
    for c in names:
        col = df[c]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            # NaN -> -1; a plain numpy column is hashed as its array (no Series overhead)
            codes, uniq = pd.factorize(col.to_numpy() if isinstance(col.dtype, np.dtype)
                                       else col)
        else:
            miss = _missing(col)
            codes, uniq = pd.factorize(col.mask(miss) if miss.any() else col)
        n_ok = len(codes) - int(np.count_nonzero(codes < 0))
        if not n_ok:
            raise param_error(func, "id_cols", "columns with at least one identifier value",
                              None, shown=f"column {c!r} with only missing values")
        codes_by_col.append((codes, n_ok))
        types.append(len(uniq))
        values.append(np.asarray(uniq))
    a, i, offset = _pairs(obj_codes, codes_by_col, types)
    if object_col is not None and len(ads) < len(df):  # an ad on several rows: unique pairs
        key = np.unique(a * offset + i)
        a, i = key // offset, key % offset
    op_ad, op_id, cut, count = _operations(len(ads), a, i, offset, max_share)
    id_type = pd.Categorical.from_codes(
        np.repeat(np.arange(len(names)), types), categories=pd.Index(names, dtype=object))
    same = len({v.dtype for v in values}) == 1
    id_value = np.concatenate(values) if same else np.concatenate(
        [v.astype(object) for v in values])
    return _result(ads, id_type, id_value, op_ad, op_id, cut, count, max_share, (a, i))


def link_traces(data: Any, /, *, id_cols: Any = None, object_col: str | None = None,
                max_share: float = 0.2) -> LinkResult:
    r"""Link ads into operations through the identifiers they share.

    Two ads belong to the same operation when a chain of shared identifier values joins
    them (the same phone number, account, e-mail, image hash...): the operations are the
    connected components of the bipartite ad--identifier graph, found with one union-find
    pass. Every identifier joins the operation of its ads.

    Parameters
    ----------
    data : DataFrame or graph-like
        A table with one row per ad (or per ad and identifier, with ``object_col``) and one
        column per identifier type; or a graph with an online layer (see the module notes),
        whose ads are linked through the identifier nodes tied to them.
    id_cols : str or list of str, optional
        Table: the identifier columns (required). Graph: the node kinds used as identifiers
        (default ``("phone", "account")``; platforms are shared by everyone and are not
        identifiers).
    object_col : str, optional
        Table: the column naming the ad (default: the table's index, one row per ad). Rows
        with the same value are the same ad. Not used for a graph.
    max_share : float in (0, 1], default 0.2
        Hub guard: an identifier shown on more than ``max_share`` of all ads is not used to
        link (a phone or account shared by many unrelated operations, a platform's default
        contact). The cut identifiers are reported in ``cut``. ``1.0`` cuts nothing.

    Returns
    -------
    LinkResult
        ``operation`` per ad, the ``identifiers`` table, operation ``sizes``, the ``cut``
        report, and a tidy ``table`` of (object, type, operation).

    Raises
    ------
    ParameterError
        If an identifier column (or kind) does not exist (the message lists what the table
        or graph has), a column holds only missing values, ``object_col`` is missing or
        ``max_share`` is outside (0, 1]; if a graph has no online layer.

    Notes
    -----
    Missing values (NaN, None, ``pd.NA``, the empty string) never link two ads: an ad whose
    identifiers are all missing (or all cut) is an operation of its own. Values in
    different columns are different identifiers even when equal. Cost: one factorisation
    per column and a union-find pass, :math:`O(R c\, \alpha)` for ``R`` rows and ``c``
    columns; memory linear.

    References
    ----------
    Tarjan, R. E. (1975). Efficiency of a good but not linear set union algorithm. *J. ACM*
    22(2), 215-225. doi:10.1145/321879.321884.
    Keskin, B. B., et al. (2021). Cracking sex trafficking: data analysis, pattern
    recognition, and path prediction. *Production and Operations Management* 30(4),
    1110-1135. doi:10.1111/poms.13294.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> ads = pd.DataFrame({"phone": ["p1", "p1", "p2", None],
    ...                     "account": ["a1", "a2", "a2", "a3"]}, index=list("wxyz"))
    >>> nc.online.link_traces(ads, id_cols=["phone", "account"], max_share=1.0) \
    ...     .operation.tolist()
    [0, 0, 0, 1]
    """
    func = "link_traces"
    max_share = check_float(max_share, func=func, param="max_share", min=0.0, max=1.0,
                            min_open=True)
    if isinstance(data, pd.DataFrame) and "source" not in data.attrs.get("netcrime", {}) \
            and not _is_edge_frame(data):
        if id_cols is None:
            raise param_error(func, "id_cols", "the identifier columns of the table "
                              f"(some of {list(data.columns)!r})", None)
        return _link_table(data, id_cols, object_col, max_share, func)
    g = as_graph(data, func=func, param="data")
    if object_col is not None:
        raise param_error(func, "object_col", "None for a graph (ads are its nodes of kind "
                          "'ad')", object_col)
    return _link_graph(g, id_cols, max_share, func)


def _is_edge_frame(df: pd.DataFrame) -> bool:
    """A ``Graph.to_pandas()`` frame (it records its direction in ``attrs``)."""
    return "directed" in df.attrs


# --------------------------------------------------------------------------- evaluation
def evaluate_linkage(found: Any, truth: Any) -> dict[str, float]:
    """Score a linkage of ads against the true operations.

    Parameters
    ----------
    found : LinkResult or pandas.Series
        The linkage (operation per ad).
    truth : pandas.Series or graph-like
        The true operation per ad; or a generated graph, whose ads' ``group`` node
        attribute (the group of the victim advertised) is the truth.

    Returns
    -------
    dict
        :func:`netcrime.groups.compare` of found against truth (``ari``, ``nmi``, pairwise
        ``precision``, ``recall``, ``f1``, ``n``) plus ``n_found`` and ``n_true``, the
        numbers of operations.

    Raises
    ------
    ParameterError
        If the truth does not cover every linked ad, or a graph has no ``group`` attribute.

    Examples
    --------
    >>> import pandas as pd
    >>> import netcrime as nc
    >>> r = nc.online.evaluate_linkage(pd.Series([0, 0, 1]), pd.Series([5, 5, 5]))
    >>> r["precision"], round(r["recall"], 4)
    (1.0, 0.3333)
    """
    func = "evaluate_linkage"
    op = found.operation if isinstance(found, LinkResult) else found
    if not isinstance(op, pd.Series):
        raise param_error(func, "found", "a LinkResult or a Series of operations by ad", None,
                          shown=f"an object of type {type(found).__name__}")
    if not isinstance(truth, pd.Series):
        g = as_graph(truth, func=func, param="truth")
        if "group" not in g.node_attrs.columns:
            raise param_error(func, "truth", "a Series or a graph with a 'group' node "
                              "attribute", None, shown=f"a graph with node attributes "
                              f"{list(g.node_attrs.columns)!r}")
        truth = pd.Series(g.node_attrs["group"].to_numpy(), index=g.nodes)
    missing = op.index.difference(truth.index)
    if len(missing):
        raise param_error(func, "truth", "a truth for every linked ad", None,
                          shown=f"no truth for {len(missing)} ads, e.g. {list(missing[:3])!r}")
    t = truth.reindex(op.index)
    out = compare(op, t)
    out["n_found"] = int(op.nunique())
    out["n_true"] = int(t.nunique())
    return out


# --------------------------------------------------------------------------- block plan
@dataclass
class _Layer:
    """The online layer as arrays: candidates, what each kills, pairs per ad."""

    cand: np.ndarray          # node positions of candidate objects
    kill_ptr: np.ndarray      # candidate -> ads it takes down (CSR over ad indices)
    kill_ads: np.ndarray
    pair_ptr: np.ndarray      # ad -> pairs it connects (CSR)
    pair_ids: np.ndarray
    n_ads_of_pair: np.ndarray  # ads connecting each pair
    victim_of_pair: np.ndarray
    n_victims: int


def _csr(rows: np.ndarray, cols: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(rows, kind="stable")
    ptr = np.zeros(n_rows + 1, np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=ptr[1:])
    return ptr, cols[order]


def _gather(ptr: np.ndarray, data: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Concatenation of the CSR rows ``rows``."""
    starts, lens = ptr[rows], ptr[rows + 1] - ptr[rows]
    total = int(lens.sum())
    if total == 0:
        return data[:0]
    off = np.repeat(starts - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens)
    return data[off + np.arange(total)]


def _check_targets(targets: Any, have: list[str], func: str) -> list[str]:
    t = [targets] if isinstance(targets, str) else list(targets) \
        if isinstance(targets, (list, tuple)) else None
    if not t or any(x not in TARGET_KINDS for x in t):
        raise param_error(func, "targets", f"a non-empty list of {TARGET_KINDS!r}", targets)
    bad = [x for x in t if x not in have]
    if bad:
        raise param_error(func, "targets", f"node kinds of the graph's online layer {have!r}",
                          None, shown=f"{bad!r}")
    return t


def _layer(g: Graph, targets: Sequence[str], func: str) -> _Layer:
    kinds = _online_kinds(g, func, "g")
    if "role" not in g.node_attrs.columns:
        raise param_error(func, "g", "a graph with a 'role' node attribute (clients and "
                          "victims)", None,
                          shown=f"node attributes {list(g.node_attrs.columns)!r}")
    role = g.node_attrs["role"].astype(object).to_numpy()
    have = sorted({str(k) for k in kinds if not pd.isna(k) and k in TARGET_KINDS})
    targets = _check_targets(targets, have, func)
    n = g.n_nodes
    is_ad = kinds == "ad"
    ad_pos = np.flatnonzero(is_ad)
    ad_local = np.full(n, -1, np.int64)
    ad_local[ad_pos] = np.arange(len(ad_pos))
    rows, nbr = _csr_entries(g)
    on_ad = is_ad[rows]
    is_client = (role == "client") & (kinds == "person")
    is_victim = np.isin(role, _VICTIM_ROLES) & (kinds == "person")
    ac = pd.DataFrame({"ad": ad_local[rows[on_ad & is_client[nbr]]],
                       "client": nbr[on_ad & is_client[nbr]]}).drop_duplicates()
    av = pd.DataFrame({"ad": ad_local[rows[on_ad & is_victim[nbr]]],
                       "victim": nbr[on_ad & is_victim[nbr]]}).drop_duplicates()
    trip = ac.merge(av, on="ad")
    pkey = trip["client"].to_numpy(np.int64) * n + trip["victim"].to_numpy(np.int64)
    pid, puniq = pd.factorize(pkey)
    pid = pid.astype(np.int64)
    n_pairs = len(puniq)
    trip_ad = trip["ad"].to_numpy(np.int64)
    vcodes, _ = pd.factorize(np.asarray(puniq, np.int64) % n)
    pair_ptr, pair_ids = _csr(trip_ad, pid, len(ad_pos))
    # candidates and the ads each takes down (ads tied to it; an ad takes down itself)
    is_cand = np.isin(kinds, list(targets))
    cand = np.flatnonzero(is_cand)
    cand_local = np.full(n, -1, np.int64)
    cand_local[cand] = np.arange(len(cand))
    sel = is_cand[rows] & is_ad[nbr] & ~is_ad[rows]
    kr = np.concatenate([cand_local[rows[sel]], cand_local[ad_pos[is_cand[ad_pos]]]])
    ka = np.concatenate([ad_local[nbr[sel]], ad_local[ad_pos[is_cand[ad_pos]]]])
    key = np.unique(kr * max(len(ad_pos), 1) + ka)
    kill_ptr, kill_ads = _csr(key // max(len(ad_pos), 1), key % max(len(ad_pos), 1), len(cand))
    return _Layer(cand, kill_ptr, kill_ads, pair_ptr, pair_ids,
                  np.bincount(pid, minlength=n_pairs), vcodes.astype(np.int64),
                  int(vcodes.max()) + 1 if n_pairs else 0)


class _State:
    """Alive ads, alive ads per pair, connected pairs per victim."""

    def __init__(self, lay: _Layer) -> None:
        self.lay = lay
        self.ad_alive = np.ones(len(lay.pair_ptr) - 1, bool)
        self.n_alive = lay.n_ads_of_pair.copy()
        self.per_victim = np.bincount(lay.victim_of_pair, minlength=lay.n_victims)
        self.pairs = int((self.n_alive > 0).sum())
        self.victims = int((self.per_victim > 0).sum())

    def _hit(self, c: int) -> tuple[np.ndarray, np.ndarray]:
        lay = self.lay
        ads = lay.kill_ads[lay.kill_ptr[c]:lay.kill_ptr[c + 1]]
        ads = ads[self.ad_alive[ads]]
        return ads, _gather(lay.pair_ptr, lay.pair_ids, ads)

    def gain(self, c: int) -> int:
        _, p = self._hit(c)
        if len(p) == 0:
            return 0
        u, cnt = np.unique(p, return_counts=True)
        return int((cnt == self.n_alive[u]).sum())

    def take(self, c: int) -> int:
        ads, p = self._hit(c)
        self.ad_alive[ads] = False
        if len(p) == 0:
            return 0
        u, cnt = np.unique(p, return_counts=True)
        self.n_alive[u] -= cnt
        dead = u[self.n_alive[u] == 0]
        np.subtract.at(self.per_victim, self.lay.victim_of_pair[dead], 1)
        self.pairs -= len(dead)
        self.victims = int((self.per_victim > 0).sum())
        return len(dead)


def _initial_gains(lay: _Layer) -> np.ndarray:
    """Gain of every candidate on the intact layer (vectorised)."""
    rows = np.repeat(np.arange(len(lay.cand), dtype=np.int64), np.diff(lay.kill_ptr))
    lens = np.diff(lay.pair_ptr)[lay.kill_ads]
    prow = np.repeat(rows, lens)
    pp = _gather(lay.pair_ptr, lay.pair_ids, lay.kill_ads)
    n_pairs = len(lay.n_ads_of_pair)
    if len(pp) == 0:
        return np.zeros(len(lay.cand), np.int64)
    key, cnt = np.unique(prow * n_pairs + pp, return_counts=True)
    full = cnt == lay.n_ads_of_pair[key % n_pairs]
    return np.bincount(key[full] // n_pairs, minlength=len(lay.cand))


def _greedy(lay: _Layer, budget: int, st: _State) -> list[tuple[int, int]]:
    """Lazy greedy (CELF): (candidate, gain) per step."""
    g0 = _initial_gains(lay)
    heap = [(-int(v), int(c), 0) for c, v in enumerate(g0)]
    heapq.heapify(heap)
    out = []
    for step in range(budget):
        while True:
            _, c, stamp = heapq.heappop(heap)
            if stamp == step:
                break
            heapq.heappush(heap, (-st.gain(c), c, step))
        out.append((c, st.take(c)))
    return out


def _ranked(order: np.ndarray, budget: int, st: _State) -> list[tuple[int, int]]:
    return [(int(c), st.take(int(c))) for c in order[:budget]]


def block_plan(g: Any, /, *, budget: int, targets: Sequence[str] = TARGET_KINDS,
               objective: str = "client_victim_pairs", method: str = "greedy") -> BlockPlan:
    r"""Which online objects to take down to cut the most client--victim connections.

    Objective (``"client_victim_pairs"``): the number of (client, victim) pairs connected
    through the online layer, i.e. pairs with at least one live ad that the client booked
    through (a tie client--ad) and that advertises the victim (a tie ad--victim). Taking
    down an object takes down every ad tied to it (an account its ads, a phone the ads
    showing it, a platform the ads it hosts) and, for an ad, the ad itself. The plan
    maximises the pairs cut, :math:`f(S)`, for a set :math:`S` of ``budget`` objects.

    Parameters
    ----------
    g : graph-like
        A graph with an online layer (see the module notes) and a ``role`` node attribute.
    budget : int >= 1
        Objects to take down, at most the number of candidates.
    targets : sequence of {"platform", "account", "phone", "ad"}
        The kinds of object that may be taken down (each must exist in the graph).
    objective : {"client_victim_pairs"}
    method : {"greedy", "degree", "betweenness"}, default "greedy"
        ``"greedy"``: lazy greedy (CELF, Leskovec et al. 2007) on the objective;
        ``"degree"``: the candidates with most ties first; ``"betweenness"``: highest
        betweenness in ``g`` first (exact, ``O(nm)``: small graphs). Ties: smaller node
        position first.

    Returns
    -------
    BlockPlan

    Raises
    ------
    ParameterError
        If ``budget`` is below 1 or above the number of candidates, a target kind is not
        in the graph (the message lists the kinds it has), or the graph has no online layer.

    Notes
    -----
    Submodularity: when every connected pair is connected through exactly one ad (as in
    :func:`~netcrime.generators.trafficking_network`, where a client books a victim through
    one ad), a pair is cut exactly when one of the objects covering its ad is taken down,
    so :math:`f` is a weighted coverage function: monotone and submodular, and greedy
    (lazy evaluation gives the same choices) is within :math:`1 - 1/e \approx 0.632` of the
    best plan of the same size (Nemhauser, Wolsey & Fisher 1978). When a pair is connected
    through several ads, a pair is cut only when all its ads are down, :math:`f` is not
    submodular (two phones of one pair: each alone cuts 0, both cut 1), lazy evaluation is a
    heuristic and no bound holds.

    References
    ----------
    Nemhauser, G. L., Wolsey, L. A., & Fisher, M. L. (1978). An analysis of approximations
    for maximizing submodular set functions I. *Mathematical Programming* 14, 265-294.
    doi:10.1007/BF01588971.
    Leskovec, J., et al. (2007). Cost-effective outbreak detection in networks. *KDD '07*,
    420-429. doi:10.1145/1281192.1281239.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=200, kind="online", rng=3)
    >>> p = nc.online.block_plan(g, budget=2, targets=["platform"])
    >>> int(p.plan["pairs_connected"].iloc[0]) > int(p.plan["pairs_connected"].iloc[-1])
    True
    """
    func = "block_plan"
    g = as_graph(g, func=func, param="g")
    check_choice(objective, OBJECTIVES, func=func, param="objective")
    check_choice(method, PLAN_METHODS, func=func, param="method")
    lay = _layer(g, targets, func)
    budget = check_int(budget, func=func, param="budget", min=1)
    if budget > len(lay.cand):
        raise param_error(func, "budget", f"at most the number of objects that may be taken "
                          f"down (the graph has {len(lay.cand)} of kinds {list(targets)!r})",
                          budget)
    st = _State(lay)
    pairs0, victims0 = st.pairs, st.victims
    if method == "greedy":
        steps = _greedy(lay, budget, st)
    else:
        if method == "degree":
            score = np.asarray(g.degree(), dtype=float)[lay.cand]
        else:
            from .centrality import betweenness

            score = betweenness(g).to_numpy(dtype=float)[lay.cand]
        steps = _ranked(np.lexsort((lay.cand, -score)), budget, st)
    return _make_plan(g, lay, steps, (pairs0, victims0), method, objective)


def _make_plan(g: Graph, lay: _Layer, steps: list[tuple[int, int]], start: tuple[int, int],
               method: str, objective: str) -> BlockPlan:
    pairs0, victims0 = start
    st = _State(lay)  # replay to record the state after every step
    rows = [{"step": 0, "object": None, "kind": None, "gain": 0, "pairs_connected": pairs0,
             "victims_reachable": victims0}]
    kinds = g.node_attrs["kind"].astype(object).to_numpy()
    for s, (c, gain) in enumerate(steps, start=1):
        st.take(c)
        pos = lay.cand[c]
        rows.append({"step": s, "object": g.nodes[pos], "kind": kinds[pos], "gain": gain,
                     "pairs_connected": st.pairs, "victims_reachable": st.victims})
    objs = [r.pop("object") for r in rows]
    plan = pd.DataFrame(rows)
    plan.insert(1, "object", pd.Series(objs, dtype=object))
    return BlockPlan(plan, pairs0, victims0, method, objective)


# --------------------------------------------------------------------------- block vs raid
def _arrest_curve(g: Graph, lay: _Layer, order_pos: np.ndarray, budgets: list[int]
                  ) -> list[tuple[int, int]]:
    """(pairs connected, victims reachable) after arresting the first k persons of the order,
    for each k of ``budgets``: an account or phone goes dark when every person holding it
    (tied to it) is arrested; its ads go down with it."""
    kinds = g.node_attrs["kind"].astype(object).to_numpy()
    rows, nbr = _csr_entries(g)
    cand_local = np.full(g.n_nodes, -1, np.int64)
    cand_local[lay.cand] = np.arange(len(lay.cand))
    held = np.isin(kinds, ["account", "phone"])
    sel = held[rows] & (kinds[nbr] == "person") & (cand_local[rows] >= 0)
    holders = pd.DataFrame({"obj": rows[sel], "person": nbr[sel]}).drop_duplicates()
    n_holders = holders.groupby("obj").size()
    out = []
    for k in budgets:
        arrested = np.zeros(g.n_nodes, bool)
        arrested[order_pos[:k]] = True
        h = holders[arrested[holders["person"].to_numpy()]]
        down = h.groupby("obj").size()
        dark = down.index[down.to_numpy() == n_holders.reindex(down.index).to_numpy()]
        st = _State(lay)
        for pos in np.sort(np.asarray(dark, np.int64)):
            st.take(int(cand_local[pos]))
        out.append((st.pairs, st.victims))
    return out


def compare_block_vs_raid(g: Any, /, *, budgets: Sequence[int], method: str = "greedy",
                          raid: str = "degree") -> pd.DataFrame:
    """Blocking ``k`` online objects against arresting ``k`` persons, on the same network.

    Both actions are measured the same way: the victims still reachable by clients (a
    victim is reachable while at least one client--victim pair of hers is connected through
    a live ad, see :func:`block_plan`) and the connected (client, victim) pairs, each also
    as a share of the intact layer's value (the same denominators for both actions).

    * ``"block"``: the first ``k`` objects of ``block_plan(g, budget=max(budgets),
      method=method)`` (all four target kinds present in the graph).
    * ``"arrest"``: the first ``k`` persons removed by :func:`netcrime.disruption.attack`
      with strategy ``raid`` on the organisation's members
      (:func:`netcrime.generators.members`). An arrest acts on the online trace: an account
      or phone goes dark when every person holding it is arrested (a shared phone keeps
      working while one of its users is free), and its ads go down with it.

    Parameters
    ----------
    g : graph-like
        A generated network with an online layer (``tier``, ``role`` and ``kind`` node
        attributes).
    budgets : sequence of int >= 1
        The numbers ``k`` compared.
    method : {"greedy", "degree", "betweenness"}, default "greedy"
        The blocking plan (:func:`block_plan`).
    raid : str, default "degree"
        The arrest strategy (a name of :data:`netcrime.disruption.STRATEGIES`).

    Returns
    -------
    pandas.DataFrame
        Tidy: ``action`` ("block"/"arrest"), ``k``, ``pairs_connected``, ``pairs_share``,
        ``victims_reachable``, ``victims_share``.

    Raises
    ------
    ParameterError
        If a budget is below 1 or above the number of online objects or of members.

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.generators.trafficking_network(n=200, kind="online", rng=3)
    >>> t = nc.online.compare_block_vs_raid(g, budgets=[1, 3])
    >>> t[["action", "k"]].values.tolist()
    [['block', 1], ['block', 3], ['arrest', 1], ['arrest', 3]]
    """
    from .disruption import STRATEGIES, attack
    from .generators import members

    func = "compare_block_vs_raid"
    g = as_graph(g, func=func, param="g")
    ks_in = [] if isinstance(budgets, (str, bytes)) or not isinstance(budgets, Iterable) \
        else list(budgets)
    if not ks_in:
        raise param_error(func, "budgets", "a non-empty list of ints >= 1", budgets)
    budgets = ks_in
    ks = [check_int(k, func=func, param="budgets", min=1) for k in budgets]
    check_choice(method, PLAN_METHODS, func=func, param="method")
    check_choice(raid, STRATEGIES, func=func, param="raid")
    kinds = _online_kinds(g, func, "g")
    have = [t for t in TARGET_KINDS if (kinds == t).any()]
    bp = block_plan(g, budget=max(ks), targets=have, method=method)
    lay = _layer(g, have, func)
    m = members(g)
    if max(ks) > m.n_nodes:
        raise param_error(func, "budgets", f"at most the number of members ({m.n_nodes})",
                          max(ks))
    res = attack(m, strategy=raid, max_removals=max(ks))
    order = g.node_index(res.curve["node"].iloc[1:].tolist(), func=func, param="g")
    arrests = _arrest_curve(g, lay, np.asarray(order, np.int64), ks)
    p0, v0 = bp.pairs0, bp.victims0
    rows = []
    for k in ks:
        r = bp.plan.iloc[k]
        rows.append(("block", k, int(r["pairs_connected"]), int(r["victims_reachable"])))
    rows += [("arrest", k, p, v) for k, (p, v) in zip(ks, arrests)]
    df = pd.DataFrame(rows, columns=["action", "k", "pairs_connected", "victims_reachable"])
    df.insert(3, "pairs_share", df["pairs_connected"] / p0 if p0 else np.nan)
    df["victims_share"] = df["victims_reachable"] / v0 if v0 else np.nan
    return df
