"""Link prediction: which unobserved ties are most likely to exist.

Criminal networks are seen through wiretaps, seizures and informants, so ties are missed.
Link prediction ranks the pairs of actors that are *not* tied in the observed network by a
similarity score; the best-ranked pairs are the candidate missing ties an analyst checks
first (Berlusconi et al. 2016 on the Oversize 'Ndrangheta investigation).

:func:`scores` computes one score for explicit pairs or returns the ``top`` best
non-adjacent pairs; :func:`evaluate` hides a share of the ties at random and measures how
well each score recovers them (AUC and precision).

Conventions shared by every method
----------------------------------
* **Neighbourhoods.** ``Γ(u)`` is the set of neighbours of ``u`` in the *undirected view* of
  the graph: a directed graph is read as its underlying undirected graph (an arc in either
  direction is a tie), and self-loops are ignored (``u`` is never its own neighbour).
  ``k_u = |Γ(u)|``. Scores are symmetric, so a pair is unordered; :func:`scores` reports
  ``u`` before ``v`` in node order for ``top=`` (explicit ``pairs`` keep the order given).
* **Weights.** Only ``method="katz"`` reads ``weight=`` (walks are weighted by the product
  of their tie strengths; a reciprocated pair of arcs keeps the larger weight). The
  neighbourhood scores are defined on binary ties and refuse ``weight=``
  (:class:`~netcrime.ParameterError`) rather than silently ignore it.
* **NaN rule.** Jaccard of two nodes without neighbours is 0/0, hence NaN (networkx reports
  0). Every other score is always defined.
* **Memory.** Nothing allocates an ``n × n`` dense array: explicit pairs are scored from
  sparse rows in chunks; ``top=`` multiplies sparse row blocks ``A[R] · A`` whose size is
  bounded in advance (two-hop candidates), and Katz works on dense blocks of at most
  ``_DENSE_CELLS`` cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import linalg as spla

from ._validation import (
    MAX_GENERATED,
    MAX_REPEATS,
    check_choice,
    check_executor,
    check_float,
    check_int,
    check_rng,
    param_error,
)
from .graph import Graph, as_graph

__all__ = ["METHODS", "evaluate", "scores"]

#: The link-prediction scores, in the order of :func:`evaluate`'s default output.
METHODS = (
    "common_neighbours",
    "jaccard",
    "adamic_adar",
    "resource_allocation",
    "preferential_attachment",
    "katz",
)

_LOCAL = ("common_neighbours", "jaccard", "adamic_adar", "resource_allocation")
#: Upper bound on the non-zeros of one sparse product block ``A[R] · A`` in ``top=``.
_BLOCK_NNZ = 4_000_000
#: Upper bound on the cells of one dense block (Katz columns, the PA pair scan).
_DENSE_CELLS = 4_000_000
#: Relative difference below which two scores are ranked as equal (``top=`` tie rule).
_TIE_RTOL = 1e-12
#: Pairs scored per chunk in ``pairs=`` mode.
_PAIR_CHUNK = 200_000


# ----------------------------------------------------------------------------- adjacency
def _adjacency(g: Graph, weight: str | None, func: str) -> sparse.csr_array:
    """Symmetric CSR of the undirected view without self-loops (binary or weighted)."""

    def build() -> sparse.csr_array:
        h = g.to_undirected(combine="max") if g.directed else g
        a = h.to_scipy(weight=weight).tocoo()
        if weight is not None and len(a.data) and (a.data < 0).any():
            raise param_error(func, "weight", "the name of an edge attribute of "
                              "non-negative strengths", weight)
        keep = a.row != a.col
        data = a.data[keep] if weight is not None else np.ones(int(keep.sum()))
        out = sparse.csr_array((data, (a.row[keep], a.col[keep])), shape=a.shape)
        out.sum_duplicates()
        out.sort_indices()
        return out

    return g.cached(("linkpred.adjacency", weight), build)


def _node_factor(k: np.ndarray, method: str) -> np.ndarray:
    """Per-node factor f_w summed over common neighbours w."""
    f = np.zeros(len(k))
    if method == "adamic_adar":
        ok = k >= 2  # a common neighbour of two distinct nodes has degree >= 2
        f[ok] = 1.0 / np.log(k[ok])
    elif method == "resource_allocation":
        ok = k >= 1
        f[ok] = 1.0 / k[ok]
    else:
        f[:] = 1.0
    return f


def _finish(method: str, cn: np.ndarray, ku: np.ndarray, kv: np.ndarray) -> np.ndarray:
    """Turn the (weighted) common-neighbour sums into the method's score."""
    if method != "jaccard":
        return cn
    union = ku + kv - cn
    out = np.full(len(cn), np.nan)
    ok = union > 0
    out[ok] = cn[ok] / union[ok]
    return out


# ----------------------------------------------------------------------------- Katz
def _katz_bound(a: sparse.csr_array) -> float:
    """Spectral radius of the symmetric non-negative matrix ``a``."""
    n = a.shape[0]
    if a.nnz == 0:
        return 0.0
    if n <= 500:
        return float(np.max(np.abs(np.linalg.eigvalsh(a.toarray()))))
    val = spla.eigsh(a.astype(float), k=1, which="LA", return_eigenvectors=False,
                     tol=1e-10)
    return float(val[0])


def _check_katz(a: sparse.csr_array, alpha: float, max_distance: int | None,
                func: str) -> None:
    if max_distance is not None:
        return
    rho = _katz_bound(a)
    if rho > 0 and alpha * rho >= 1.0 - 1e-12:
        raise param_error(
            func, "alpha",
            f"a float in (0, 1/rho(A)) = (0, {1.0 / rho:.6g}) for the exact Katz solve "
            "(or pass max_distance= for a truncated sum)", alpha)


def _katz_columns(a: sparse.csr_array, cols: np.ndarray, alpha: float,
                  max_distance: int | None, lu: Any) -> np.ndarray:
    """Dense columns ``S[:, cols]`` of ``S = sum_{l>=1} alpha^l A^l`` (n × len(cols))."""
    n = a.shape[0]
    e = np.zeros((n, len(cols)), order="F")  # SuperLU solves Fortran-ordered blocks fast
    e[cols, np.arange(len(cols))] = 1.0
    if max_distance is None:
        return lu.solve(e) - e
    x = e
    acc = np.zeros_like(e)
    for _ in range(max_distance):
        x = alpha * (a @ x)
        acc += x
    return acc


def _katz_lu(a: sparse.csr_array, alpha: float, max_distance: int | None) -> Any:
    if max_distance is not None:
        return None
    n = a.shape[0]
    m = (sparse.identity(n, format="csc") - alpha * sparse.csc_matrix(a)).tocsc()
    # the matrix is symmetric: a minimum-degree ordering of A^T + A keeps the fill-in low
    # (5x fewer factor entries than the default COLAMD on heavy-tailed graphs)
    return spla.splu(m, permc_spec="MMD_AT_PLUS_A")


def _katz_pairs(a: sparse.csr_array, u: np.ndarray, v: np.ndarray, alpha: float,
                max_distance: int | None) -> np.ndarray:
    n = a.shape[0]
    out = np.zeros(len(u))
    if len(u) == 0:
        return out
    lu = _katz_lu(a, alpha, max_distance)
    src, inv = np.unique(u, return_inverse=True)
    width = max(1, _DENSE_CELLS // max(n, 1))
    for start in range(0, len(src), width):
        cols = src[start:start + width]
        s = _katz_columns(a, cols, alpha, max_distance, lu)
        sel = (inv >= start) & (inv < start + len(cols))
        out[sel] = s[v[sel], inv[sel] - start]
    return out


# ----------------------------------------------------------------------------- pairs
def _pair_scores(a: sparse.csr_array, method: str, u: np.ndarray, v: np.ndarray,
                 alpha: float, max_distance: int | None) -> np.ndarray:
    """Scores of the position pairs (u, v) (float64, in the given order)."""
    if method == "katz":
        return _katz_pairs(a, u, v, alpha, max_distance)
    k = np.diff(a.indptr).astype(float)
    if method == "preferential_attachment":
        return k[u] * k[v]
    f = _node_factor(k.astype(np.int64), method)
    out = np.empty(len(u))
    for s in range(0, len(u), _PAIR_CHUNK):
        uu, vv = u[s:s + _PAIR_CHUNK], v[s:s + _PAIR_CHUNK]
        common = a[uu].multiply(a[vv])  # one non-zero per common neighbour
        cn = np.asarray(common @ f).ravel()
        out[s:s + _PAIR_CHUNK] = _finish(method, cn, k[uu], k[vv])
    return out


def _parse_pairs(g: Graph, pairs: Any, func: str) -> tuple[pd.Index, pd.Index,
                                                             np.ndarray, np.ndarray]:
    rule = "an iterable of (u, v) node-label pairs or a DataFrame with columns 'u' and 'v'"
    if isinstance(pairs, pd.DataFrame):
        if not {"u", "v"} <= set(pairs.columns):
            raise param_error(func, "pairs", rule, None,
                              shown=f"a DataFrame with columns {list(pairs.columns)!r}")
        lu, lv = list(pairs["u"]), list(pairs["v"])
    else:
        if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Iterable):
            raise param_error(func, "pairs", rule, pairs)
        items = list(pairs)
        if any(not isinstance(p, Sequence) or isinstance(p, (str, bytes)) or len(p) != 2
               for p in items):
            raise param_error(func, "pairs", rule, pairs)
        lu = [p[0] for p in items]
        lv = [p[1] for p in items]
    iu = pd.Index(lu, dtype=object, tupleize_cols=False)
    iv = pd.Index(lv, dtype=object, tupleize_cols=False)
    pos = []
    for lab in (iu, iv):
        p = g.nodes.get_indexer(lab) if len(lab) else np.zeros(0, np.int64)
        if (p < 0).any():
            bad = lab[int(np.flatnonzero(p < 0)[0])]
            raise param_error(func, "pairs", "pairs of nodes of the graph", None,
                              shown=f"{bad!r}, which is not a node,")
        pos.append(p.astype(np.int64))
    if (pos[0] == pos[1]).any():
        i = int(np.flatnonzero(pos[0] == pos[1])[0])
        raise param_error(func, "pairs", "pairs of two distinct nodes", None,
                          shown=f"the pair ({iu[i]!r}, {iv[i]!r})")
    return iu, iv, pos[0], pos[1]


# ----------------------------------------------------------------------------- top
def _edge_keys(a: sparse.csr_array) -> np.ndarray:
    """Sorted keys u*n+v of the ties (both orientations)."""
    n = a.shape[0]
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(a.indptr))
    return rows * n + a.indices.astype(np.int64)  # CSR order is already sorted


def _is_edge(keys: np.ndarray, n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    q = u.astype(np.int64) * n + v.astype(np.int64)
    if len(keys) == 0:
        return np.zeros(len(q), dtype=bool)
    i = np.searchsorted(keys, q)
    i[i >= len(keys)] = len(keys) - 1
    return keys[i] == q


def _merge(best: tuple, cand: tuple, top: int) -> tuple:
    """Keep the ``top`` best (score desc, then u, then v ascending) of both sets."""
    u = np.concatenate([best[0], cand[0]])
    v = np.concatenate([best[1], cand[1]])
    s = np.concatenate([best[2], cand[2]])
    if len(s) > top:
        thr = np.partition(s, len(s) - top)[len(s) - top]
        keep = s >= thr - _TIE_RTOL * abs(thr)
        u, v, s = u[keep], v[keep], s[keep]
    order = _rank_order(u, v, s)[:top]
    return u[order], v[order], s[order]


def _rank_order(u: np.ndarray, v: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Order by score descending, then u, then v; scores within a relative ``_TIE_RTOL``
    of the previous one count as equal, so that rounding (a sum taken in another order)
    never decides between pairs whose scores are mathematically equal."""
    return np.lexsort((v, u, -_tie_groups(s)))


def _tie_groups(s: np.ndarray) -> np.ndarray:
    """Integer rank of each score's group, ascending with the score; scores within a
    relative ``_TIE_RTOL`` of the next smaller one share its group (NaN lowest)."""
    s = np.where(np.isnan(s), -np.inf, s)
    o = np.argsort(s, kind="stable")
    ss = s[o]
    with np.errstate(invalid="ignore"):
        new = np.r_[True, ~(ss[1:] - ss[:-1] <= _TIE_RTOL * np.abs(ss[1:]))]
    key = np.empty(len(s), dtype=np.int64)
    key[o] = np.cumsum(new)
    return key


def _empty() -> tuple:
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)


def _candidates(u: np.ndarray, v: np.ndarray, s: np.ndarray, keys: np.ndarray,
                n: int) -> tuple:
    """Keep unordered non-adjacent pairs u < v with a positive score."""
    ok = (v > u) & (s > 0)
    u, v, s = u[ok], v[ok], s[ok]
    ok = ~_is_edge(keys, n, u, v)
    return u[ok], v[ok], s[ok]


def _row_blocks(a: sparse.csr_array, order: np.ndarray) -> list[np.ndarray]:
    """Consecutive runs of ``order`` whose products ``A[R] · A`` have at most
    ``_BLOCK_NNZ`` non-zeros (bounded by the two-hop counts ``Σ_{w ∈ Γ(u)} k_w``)."""
    k = np.diff(a.indptr)
    two_hop = np.zeros(a.shape[0], dtype=np.int64)
    np.add.at(two_hop, np.repeat(np.arange(a.shape[0]), k), k[a.indices])
    cum = np.cumsum(two_hop[order])
    blocks, start, base = [], 0, 0
    while start < len(order):
        stop = int(np.searchsorted(cum, base + _BLOCK_NNZ, side="right"))
        stop = max(stop, start + 1)
        blocks.append(order[start:stop])
        base = int(cum[stop - 1])
        start = stop
    return blocks


def _row_bound(a: sparse.csr_array, method: str, k: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Upper bound of the score of any pair (u, ·), per row u (Jaccard: 1)."""
    if method == "common_neighbours":
        return k.astype(float)  # |Γ(u) ∩ Γ(v)| <= k_u
    if method == "jaccard":
        return np.ones(len(k))
    return np.asarray(a @ f).ravel()  # Σ_{w ∈ Γ(u) ∩ Γ(v)} f_w <= Σ_{w ∈ Γ(u)} f_w


def _restrict_columns(b: sparse.csr_array, keep: np.ndarray) -> sparse.csr_array:
    """``b`` without the entries in the columns where ``keep`` is False (same shape)."""
    m = keep[b.indices]
    row = np.repeat(np.arange(b.shape[0]), np.diff(b.indptr))
    indptr = np.r_[0, np.cumsum(np.bincount(row[m], minlength=b.shape[0]))]
    return sparse.csr_array((b.data[m], b.indices[m], indptr), shape=b.shape)


def _restricted(b: sparse.csr_array, k: np.ndarray, keep: np.ndarray) -> sparse.csr_array:
    """``b`` restricted to the ``keep`` columns when that drops at least half its entries
    (column ``v`` of the symmetric pattern holds ``k_v`` entries), else ``b`` itself."""
    if 2 * int(k[keep].sum()) > b.nnz:
        return b
    return _restrict_columns(b, keep)


def _eligible(rows: np.ndarray, bound: np.ndarray, best: tuple, top: int) -> np.ndarray:
    """Rows whose pairs may still enter the current top list: a pair (u, v), read in row u,
    scores at most ``bound[u]``; at a (tolerance) tie with the ``top``-th score it enters
    only with a smaller ``u``."""
    if len(best[2]) < top:
        return np.ones(len(rows), dtype=bool)
    s_k, u_k = best[2][-1], best[0][-1]
    b = bound[rows]
    below = b < s_k * (1 - _TIE_RTOL)
    tie_lost = (b <= s_k * (1 + _TIE_RTOL)) & (rows > u_k)
    return ~(below | tie_lost)


def _top_local(a: sparse.csr_array, method: str, top: int) -> tuple:
    """Rows in decreasing order of their score bound, in blocks of bounded product size;
    rows (and partner columns) that cannot reach the current ``top``-th score are skipped,
    and the scan stops when no row can. A pair is read in the row of its smaller endpoint
    and scores at most ``min(bound[u], bound[v])``."""
    n = a.shape[0]
    k = np.diff(a.indptr)
    f = _node_factor(k, method)
    b = sparse.csr_array(sparse.diags(f) @ a)  # rows scaled by the neighbour factor
    keys = _edge_keys(a)
    bound = _row_bound(a, method, k, f)
    # Jaccard: rows by degree (J(u, v) <= min(k_u, k_v) / max(k_u, k_v) restricts the
    # partners of a block of similar degrees); the others: by decreasing bound
    key = k if method == "jaccard" else -bound
    order = np.lexsort((np.arange(n), key))
    best = _empty()
    b_eff, theta_eff = b, 0.0
    blocks = _row_blocks(a, order)
    done = 0
    for rows in blocks:
        done += len(rows)
        full = len(best[2]) == top
        theta = best[2][-1] * (1 - _TIE_RTOL) if full else 0.0
        if full and not _eligible(order[done - len(rows):], bound, best, top).any():
            break
        rows = rows[_eligible(rows, bound, best, top)]
        if len(rows) == 0:
            continue
        if method == "jaccard" and theta > 0:
            lo, hi = k[rows].min() * theta, k[rows].max() / theta
            b_eff = _restricted(b, k, (k >= lo * (1 - _TIE_RTOL)) &
                                (k <= hi * (1 + _TIE_RTOL)))
        elif method != "jaccard" and theta > theta_eff:  # partners that cannot reach
            b_eff = _restricted(b, k, bound >= theta)
            theta_eff = theta
        c = (a[rows] @ b_eff).tocoo()
        s = c.data.astype(float)
        if method == "jaccard":
            s = _finish(method, s, k[rows[c.row]].astype(float), k[c.col].astype(float))
        keep = np.flatnonzero(s >= theta)
        u = rows[c.row[keep]].astype(np.int64)
        v = c.col[keep].astype(np.int64)
        best = _merge(best, _candidates(u, v, s[keep], keys, n), top)
    return best


def _top_katz(a: sparse.csr_array, top: int, alpha: float,
              max_distance: int | None) -> tuple:
    n = a.shape[0]
    keys = _edge_keys(a)
    lu = _katz_lu(a, alpha, max_distance)
    width = max(1, _DENSE_CELLS // max(n, 1))
    best = _empty()
    for start in range(0, n, width):
        cols = np.arange(start, min(n, start + width))
        s = _katz_columns(a, cols, alpha, max_distance, lu)  # S[:, cols] = S[cols, :]^T
        vv, jj = np.nonzero(s > 0)
        uu = cols[jj]
        best = _merge(best, _candidates(uu, vv, s[vv, jj], keys, n), top)
    return best


def _top_pa(a: sparse.csr_array, top: int) -> tuple:
    """Top pairs by k_u k_v, scanning the T highest-degree nodes and doubling T until no
    pair outside them can beat the current ``top``-th score."""
    n = a.shape[0]
    k = np.diff(a.indptr).astype(float)
    keys = _edge_keys(a)
    order = np.lexsort((np.arange(n), -k))
    t = min(n, int(np.ceil(np.sqrt(2 * top))) + 2)
    while True:
        sel = np.sort(order[:t])
        best = _empty()
        width = max(1, _DENSE_CELLS // max(t, 1))
        for s0 in range(0, t, width):
            rows = sel[s0:s0 + width]
            uu = np.repeat(rows, t)
            vv = np.tile(sel, len(rows))
            best = _merge(best, _candidates(uu, vv, k[uu] * k[vv], keys, n), top)
        if t == n:
            return best
        bound = k[order[t]] * k[order[0]]
        if bound == 0 or (len(best[2]) == top and bound < best[2][-1]):
            return best
        t = min(n, 2 * t)


# ----------------------------------------------------------------------------- scores
def _check_method(method: Any, func: str, weight: Any) -> str:
    check_choice(method, METHODS, func=func, param="method")
    if weight is not None and method != "katz":
        raise param_error(
            func, "weight", f"None for method={method!r} (a score of binary ties; "
            "only method='katz' reads weight=)", weight)
    return method


def _check_katz_params(alpha: Any, max_distance: Any, func: str) -> tuple:
    alpha = check_float(alpha, func=func, param="alpha", min=0.0, min_open=True)
    if max_distance is not None:
        max_distance = check_int(max_distance, func=func, param="max_distance", min=1,
                                 cap=MAX_REPEATS)
    return alpha, max_distance


def scores(
    g: Any,
    /,
    *,
    method: str,
    pairs: Any = None,
    top: int | None = None,
    weight: str | None = None,
    alpha: float = 0.01,
    max_distance: int | None = None,
) -> pd.DataFrame:
    r"""Link-prediction scores of explicit pairs, or the ``top`` best non-adjacent pairs.

    With ``Γ(u)`` the neighbours of ``u`` (undirected view, self-loops ignored) and
    ``k_u = |Γ(u)|``:

    ==============================  ========================================================
    ``method``                      score of the pair ``(u, v)``
    ==============================  ========================================================
    ``"common_neighbours"``         ``|Γ(u) ∩ Γ(v)|``
    ``"jaccard"``                   ``|Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|`` (0/0 → NaN)
    ``"adamic_adar"``               ``Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / log k_w``
    ``"resource_allocation"``       ``Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / k_w``
    ``"preferential_attachment"``   ``k_u k_v``
    ``"katz"``                      ``Σ_{l ≥ 1} alpha^l (A^l)_{uv}``
    ==============================  ========================================================

    The Katz similarity counts the walks of every length ``l`` between ``u`` and ``v``,
    each damped by ``alpha^l`` (Katz 1953; Liben-Nowell & Kleinberg 2007, who call the
    factor β; netcrime calls the per-step attenuation ``alpha`` everywhere, as in
    :func:`netcrime.centrality.katz`). With ``max_distance=None`` it is the exact sum
    ``S = (I - alpha A)^{-1} - I``, solved by a sparse LU factorisation; the series
    converges only for ``0 < alpha < 1 / rho(A)`` (``rho`` the spectral radius of ``A``),
    which is checked. With ``max_distance=L`` it is the truncated sum over walks of
    length ``1..L`` (any ``alpha > 0``).

    Parameters
    ----------
    g : graph
        Anything :func:`netcrime.as_graph` accepts. Directed graphs are read as their
        undirected view.
    method : str
        One of :data:`METHODS`.
    pairs : iterable of (u, v) label pairs or DataFrame with columns ``u``, ``v``, optional
        Score exactly these pairs (two distinct nodes each; tied pairs are scored too), in
        the order given.
    top : int, optional
        Instead of ``pairs``: return the ``top`` non-adjacent pairs with the largest
        positive scores (fewer if fewer pairs have a positive score), sorted by score
        descending, ties (scores equal to a relative 1e-12, so that floating-point rounding
        never decides) broken by the node order of ``u`` then of ``v`` (``u`` before
        ``v`` in node order). Exactly one of ``pairs`` and ``top`` must be given.
    weight : str, optional
        Edge attribute read as a tie strength, ``method="katz"`` only (walks weigh the
        product of their strengths; ``A`` is then the weighted adjacency).
    alpha : float
        Katz attenuation per step (default 0.01).
    max_distance : int, optional
        Katz: the longest walk counted; None (default) = the exact infinite sum. At most
        1,000,000 (``netcrime._validation.MAX_REPEATS``).

    Returns
    -------
    pandas.DataFrame
        Columns ``u``, ``v`` (node labels) and ``score`` (float64).

    Raises
    ------
    ParameterError
        Unknown ``method``; both or neither of ``pairs``/``top``; ``top < 1``; a pair with
        a label that is not a node or with twice the same node; ``weight`` with a method
        other than Katz; ``alpha`` outside ``(0, 1/rho(A))`` for the exact Katz solve.

    Notes
    -----
    ``pairs=``: one sparse row product per chunk of pairs (``O(Σ (k_u + k_v))``); Katz
    solves one sparse system per distinct ``u`` (truncated: ``L`` sparse products).
    ``top=``: the local scores multiply sparse row blocks ``A[R] · diag(f) · A`` (only
    pairs at distance two have a positive score), each block bounded to a fixed number of
    non-zeros; preferential attachment scans the highest-degree nodes only, with a bound
    proving that no other pair can enter; Katz computes dense column blocks of ``S`` of at
    most ``_DENSE_CELLS`` cells, ``O(n · nnz · L)`` in all (meant for graphs up to some
    ten thousand nodes).

    References
    ----------
    .. [1] Liben-Nowell D, Kleinberg J (2007) The link-prediction problem for social
       networks. J Am Soc Inf Sci Technol 58(7):1019-1031. doi:10.1002/asi.20591
    .. [2] Lü L, Zhou T (2011) Link prediction in complex networks: a survey. Physica A
       390(6):1150-1170. doi:10.1016/j.physa.2010.11.027
    .. [3] Katz L (1953) A new status index derived from sociometric analysis.
       Psychometrika 18(1):39-43. doi:10.1007/BF02289026
    .. [4] Adamic LA, Adar E (2003) Friends and neighbors on the web. Social Networks
       25(3):211-230. doi:10.1016/S0378-8733(03)00009-1
    .. [5] Zhou T, Lü L, Zhang Y-C (2009) Predicting missing links via local information.
       Eur Phys J B 71:623-630. doi:10.1140/epjb/e2009-00335-8

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.Graph.from_arrays(4, [0, 0, 1], [1, 2, 3], directed=False,
    ...                          nodes=["a", "b", "c", "d"])
    >>> nc.linkpred.scores(g, method="common_neighbours", pairs=[("b", "c"), ("a", "d")])
       u  v  score
    0  b  c    1.0
    1  a  d    1.0
    >>> nc.linkpred.scores(g, method="jaccard", top=2)  # equal scores: node order
       u  v  score
    0  a  d    0.5
    1  b  c    0.5
    """
    func = "scores"
    g = as_graph(g, func=func)
    method = _check_method(method, func, weight)
    alpha, max_distance = _check_katz_params(alpha, max_distance, func)
    if (pairs is None) == (top is None):
        raise param_error(func, "pairs", "given when 'top' is None, and None when 'top' "
                          "is given (exactly one of them)", pairs)
    a = _adjacency(g, weight, func)
    if method == "katz":
        _check_katz(a, alpha, max_distance, func)
    if pairs is not None:
        iu, iv, u, v = _parse_pairs(g, pairs, func)
        s = _pair_scores(a, method, u, v, alpha, max_distance)
        return pd.DataFrame({"u": iu.to_numpy(), "v": iv.to_numpy(), "score": s})
    top = check_int(top, func=func, param="top", min=1)
    if method in _LOCAL:
        u, v, s = _top_local(a, method, top)
    elif method == "katz":
        u, v, s = _top_katz(a, top, alpha, max_distance)
    else:
        u, v, s = _top_pa(a, top)
    nodes = g.nodes
    return pd.DataFrame({"u": nodes.take(u).to_numpy(), "v": nodes.take(v).to_numpy(),
                         "score": s.astype(float)})


# ----------------------------------------------------------------------------- evaluate
def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Mann-Whitney AUC: P(score of a hidden tie > score of a non-edge), ties count 1/2."""
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    allv = _tie_groups(np.concatenate([pos, neg]))
    _, inv, counts = np.unique(allv, return_inverse=True, return_counts=True)
    # mid-ranks: the average rank of each group of equal values
    upper = np.cumsum(counts)
    mid = upper - (counts - 1) / 2.0
    ranks = mid[inv]
    r_pos = ranks[: len(pos)].sum()
    u_stat = r_pos - len(pos) * (len(pos) + 1) / 2.0
    return float(u_stat / (len(pos) * len(neg)))


def _precision(pos: np.ndarray, neg: np.ndarray) -> float:
    """Share of hidden ties among the ``len(pos)`` best-ranked unobserved pairs, with the
    pairs tied at the cut-off counted by their expected share (random order of ties)."""
    size = len(pos)
    if size == 0:
        return float("nan")
    allv = _tie_groups(np.concatenate([pos, neg]))
    pos = allv[:size]
    cut = np.partition(allv, len(allv) - size)[len(allv) - size]  # size-th largest
    above_pos = int((pos > cut).sum())
    above = int((allv > cut).sum())
    tied_pos = int((pos == cut).sum())
    tied = int((allv == cut).sum())
    return float((above_pos + (size - above) * tied_pos / tied) / size)


def _negatives(n: int, keys: np.ndarray, n_negative: int | None,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """All non-adjacent unordered pairs, or ``n_negative`` of them drawn uniformly with
    replacement (by rejection)."""
    if n_negative is None:
        u, v = np.triu_indices(n, k=1)
        ok = ~_is_edge(keys, n, u, v)
        return u[ok].astype(np.int64), v[ok].astype(np.int64)
    n_pairs = n * (n - 1) // 2
    if n_pairs - len(keys) // 2 <= 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    us, vs = [], []
    need = n_negative
    while need > 0:
        u = rng.integers(0, n, size=2 * need + 16)
        v = rng.integers(0, n, size=2 * need + 16)
        ok = u != v
        u, v = np.minimum(u[ok], v[ok]), np.maximum(u[ok], v[ok])
        ok = ~_is_edge(keys, n, u, v)
        us.append(u[ok][:need])
        vs.append(v[ok][:need])
        need -= len(us[-1])
    return np.concatenate(us), np.concatenate(vs)


def _evaluate_one(g: Graph, methods: tuple[str, ...], hide: float,
                  seed: np.random.SeedSequence, n_negative: int | None, alpha: float,
                  max_distance: int | None) -> list[dict[str, Any]]:
    """One replicate: hide ties, score hidden ties and non-edges with every method."""
    rng = np.random.default_rng(seed)
    full = _adjacency(g, None, "evaluate")
    n = full.shape[0]
    tu, tv = sparse.triu(full, k=1).nonzero()
    order = np.lexsort((tv, tu))
    tu, tv = tu[order].astype(np.int64), tv[order].astype(np.int64)
    n_hidden = round(hide * len(tu))
    hidden = np.zeros(len(tu), dtype=bool)
    hidden[rng.choice(len(tu), size=n_hidden, replace=False)] = True
    keep = ~hidden
    train = sparse.csr_array(
        (np.ones(2 * int(keep.sum())),
         (np.concatenate([tu[keep], tv[keep]]), np.concatenate([tv[keep], tu[keep]]))),
        shape=(n, n))
    train.sort_indices()
    nu, nv = _negatives(n, _edge_keys(full), n_negative, rng)
    rows = []
    for method in methods:
        ok = method != "katz" or max_distance is not None or \
            alpha * _katz_bound(train) < 1.0 - 1e-12
        if ok:
            sp = _pair_scores(train, method, tu[hidden], tv[hidden], alpha, max_distance)
            sn = _pair_scores(train, method, nu, nv, alpha, max_distance)
        else:  # alpha beyond the convergence radius of this training graph
            sp, sn = np.zeros(0), np.zeros(0)
        prec = _precision(sp, sn) if n_negative is None else float("nan")
        rows.append({"method": method, "auc": _auc(sp, sn), "precision": prec,
                     "n_hidden": n_hidden, "n_negative": len(nu)})
    return rows


def evaluate(
    g: Any,
    /,
    *,
    methods: Sequence[str] = METHODS,
    hide: float = 0.1,
    reps: int = 10,
    rng: Any = None,
    executor: Any = None,
    n_negative: int | None = None,
    alpha: float = 0.01,
    max_distance: int | None = None,
) -> pd.DataFrame:
    """Hide a share of the ties at random and measure how well each score recovers them.

    In each replicate, ``round(hide * m)`` of the ``m`` ties of the undirected view are
    chosen uniformly at random without replacement and removed (the nodes stay, isolated
    or not). Every method scores, on the remaining *training* graph, the hidden ties (the
    positives) and the pairs that are not tied in the full graph (the negatives).

    * ``auc``: the Mann-Whitney statistic, the probability that a random hidden tie scores
      higher than a random non-edge, equal scores counting 1/2 (scores within a relative
      1e-12 count as equal, so that rounding does not break mathematical ties; NaN ranks
      lowest) (Lü & Zhou 2011, eq. 12,
      evaluated exactly over all positive × negative comparisons rather than by sampling).
      With ``n_negative=None`` the negatives are *all* non-edges, so this is the exact
      AUC; with ``n_negative=N`` they are ``N`` non-edges drawn uniformly with replacement,
      an unbiased estimate of it (the sampled AUC of Lü & Zhou 2011).
    * ``precision``: the share of hidden ties among the ``L = n_hidden`` best-scored
      unobserved pairs (hidden ties + non-edges; Lü & Zhou's precision with ``L`` the
      size of the probe set, also called R-precision). Pairs tied at the cut-off count by
      their expected share under a random order, so the figure does not depend on node
      labels. NaN when ``n_negative`` is given (a sample of non-edges cannot rank).

    Parameters
    ----------
    g : graph
        Anything :func:`netcrime.as_graph` accepts (directed: its undirected view).
    methods : sequence of str
        Names from :data:`METHODS` (default all), reported in this order.
    hide : float
        Share of ties hidden, in the open interval (0, 1).
    reps : int
        Number of replicates (>= 1).
    rng : None, int, Generator or SeedSequence
        Root seed; replicate ``r`` uses the ``r``-th child of ``SeedSequence.spawn``, so
        the same seed gives the same frame on any executor.
    executor : concurrent.futures.Executor-like, optional
        Runs the replicates (``submit``); None runs them in this process.
    n_negative : int, optional
        Number of sampled non-edges; None (default) = all non-edges (exact AUC). At most
        200,000,000 (``netcrime._validation.MAX_GENERATED``).
    alpha, max_distance
        Katz parameters, as in :func:`scores`. A replicate whose training graph has
        ``alpha >= 1/rho(A)`` (exact solve) reports NaN for Katz.

    Returns
    -------
    pandas.DataFrame
        One row per method and replicate: ``method``, ``rep``, ``auc``, ``precision``,
        ``n_hidden``, ``n_negative``. NaN where undefined: both with no hidden tie
        (``hide * m`` rounds to 0), ``auc`` also with no non-edge (a complete graph, where
        ``precision`` is 1).

    Raises
    ------
    ParameterError
        Unknown method or empty ``methods``; ``hide`` outside (0, 1); ``reps < 1``;
        ``n_negative < 1``; a bad ``rng``, ``executor``, ``alpha`` or ``max_distance``.

    References
    ----------
    .. [1] Lü L, Zhou T (2011) Link prediction in complex networks: a survey. Physica A
       390(6):1150-1170. doi:10.1016/j.physa.2010.11.027
    .. [2] Berlusconi G, Calderoni F, Parolini N, Verani M, Piccardi C (2016) Link
       prediction in criminal networks: a tool for criminal intelligence analysis.
       PLoS ONE 11(4): e0154244. doi:10.1371/journal.pone.0154244

    Examples
    --------
    >>> import netcrime as nc
    >>> g = nc.datasets.load("oversize_wiretaps")
    >>> df = nc.linkpred.evaluate(g, methods=["resource_allocation"], reps=2, rng=1)
    >>> list(df.columns)
    ['method', 'rep', 'auc', 'precision', 'n_hidden', 'n_negative']
    >>> df["n_hidden"].tolist()
    [25, 25]
    """
    func = "evaluate"
    g = as_graph(g, func=func)
    if isinstance(methods, str) or not isinstance(methods, Iterable):
        raise param_error(func, "methods", "a sequence of names from " + repr(METHODS),
                          methods)
    methods = tuple(methods)
    if not methods:
        raise param_error(func, "methods", "a non-empty sequence of method names", methods)
    for mth in methods:
        check_choice(mth, METHODS, func=func, param="methods")
    hide = check_float(hide, func=func, param="hide", min=0.0, max=1.0, min_open=True,
                       max_open=True)
    reps = check_int(reps, func=func, param="reps", min=1, cap=MAX_REPEATS)
    if n_negative is not None:
        n_negative = check_int(n_negative, func=func, param="n_negative", min=1,
                               cap=MAX_GENERATED)
    alpha, max_distance = _check_katz_params(alpha, max_distance, func)
    check_executor(executor, func=func)
    root = rng if isinstance(rng, np.random.SeedSequence) else np.random.SeedSequence(
        int(check_rng(rng, func=func).integers(2**63)))
    seeds = root.spawn(reps)
    args = (methods, hide)
    tail = (n_negative, alpha, max_distance)
    if executor is None:
        jobs = [_evaluate_one(g, *args, s, *tail) for s in seeds]
    else:
        jobs = [executor.submit(_evaluate_one, g, *args, s, *tail) for s in seeds]
    rows = []
    for rep, job in enumerate(jobs):
        for row in (job if executor is None else job.result()):
            rows.append({"method": row["method"], "rep": rep, **{
                c: row[c] for c in ("auc", "precision", "n_hidden", "n_negative")}})
    out = pd.DataFrame(rows, columns=["method", "rep", "auc", "precision", "n_hidden",
                                      "n_negative"])
    return out.astype({"auc": float, "precision": float, "n_hidden": np.int64,
                       "n_negative": np.int64})
