"""Tests of the kernel layer's shared pieces (netcrime._core): the CSR toolkit against
scipy.sparse, the union-find curves against a naive recomputation with scipy's connected
components, the branch-free BFS fast path against the general Brandes search, and the one
equal-length rule of the weighted searches against igraph."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from scipy.sparse.csgraph import dijkstra as sp_dijkstra

import netcrime as nc
from netcrime import _core
from netcrime._core import brandes, dijkstra, ties


def _random_graph(n, p, seed, directed, loops=False):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    if loops and n > 2:
        G.add_edge(1, 1)
    return nc.as_graph(G)


def _csr(g):
    return np.asarray(g.indptr, np.int64), np.asarray(g.indices, np.int64)


def _scipy(ip, ix, n, data=None):
    d = np.ones(len(ix)) if data is None else data
    return sparse.csr_array((d, ix, ip), shape=(n, n))


graphs = st.tuples(st.integers(1, 25), st.floats(0.0, 0.5), st.integers(0, 10_000),
                   st.booleans())


# ---------------------------------------------------------------------------- csr toolkit
@settings(max_examples=60, deadline=None)
@given(spec=graphs, loops=st.booleans(), mask_seed=st.integers(0, 1000))
def test_transpose_induced_symmetrise_match_scipy(spec, loops, mask_seed):
    n, p, seed, directed = spec
    g = _random_graph(n, p, seed, directed, loops)
    ip, ix = _csr(g)
    w = np.random.default_rng(mask_seed).uniform(0.5, 2.0, len(ix))
    A = _scipy(ip, ix, n, w)
    # transpose: rows sorted, entries map values
    tp, tx, entries = _core.transpose(ip, ix)
    T = sparse.csr_array(A.T)
    T.sort_indices()
    assert tp.tolist() == T.indptr.tolist() and tx.tolist() == T.indices.tolist()
    assert np.array_equal(w[entries], T.data)
    # induced sub-CSR of a node mask
    keep = np.random.default_rng(mask_seed).random(n) < 0.6
    sp_, sx, sent = _core.induced(ip, ix, keep)
    S = A[keep][:, keep]
    S.sort_indices()
    assert sp_.tolist() == S.indptr.tolist() and sx.tolist() == S.indices.tolist()
    assert np.array_equal(w[sent], S.data)
    # symmetrise: z_ij = a_ij + a_ji, no loops, rows sorted
    zp, zx, zv = _core.symmetrise(ip, ix, w, add_transpose=directed)
    Z = (A + A.T) if directed else A.copy()
    Z = sparse.csr_array(Z)
    Z.setdiag(0)
    Z.eliminate_zeros()
    Z.sort_indices()
    assert zp.tolist() == Z.indptr.tolist() and zx.tolist() == Z.indices.tolist()
    np.testing.assert_array_equal(zv, Z.data)
    # strip_loops and row_ids
    lp, lx, n_loops = _core.strip_loops(ip, ix)
    assert n_loops == int((_core.row_ids(ip) == ix).sum())
    L = sparse.csr_array(_scipy(ip, ix, n))
    L.setdiag(0)
    L.eliminate_zeros()
    assert lp.tolist() == L.indptr.tolist() and lx.tolist() == L.indices.tolist()


def test_graph_in_csr_is_the_transpose():
    g = nc.Graph.from_arrays(3, [0, 1, 2, 0], [1, 2, 0, 2], directed=True)
    ip, ix, pos = g.in_csr()
    tp, tx, entries = _core.transpose(g.indptr, g.indices)
    assert ip.tolist() == tp.tolist() and ix.tolist() == tx.tolist()
    assert pos.tolist() == entries.tolist()


# ---------------------------------------------------------------------------- union-find
def _naive_stats(A, alive):
    idx = np.flatnonzero(alive)
    if len(idx) == 0:
        return 0, 0, 0, 0
    _, lab = connected_components(A[idx][:, idx], directed=False)
    sizes = np.sort(np.bincount(lab))[::-1]
    sec = int(sizes[1]) if len(sizes) > 1 else 0
    return int(sizes[0]), sec, len(sizes), int((sizes * (sizes - 1) // 2).sum())


@settings(max_examples=60, deadline=None)
@given(spec=graphs, seed=st.integers(0, 1000), frac=st.floats(0.0, 1.0))
def test_removal_curve_matches_naive_recomputation(spec, seed, frac):
    n, p, gseed, directed = spec
    g = _random_graph(n, p, gseed, directed, loops=True)
    pp, pi = g.neighbour_csr()
    order = np.random.default_rng(seed).permutation(n)[: int(frac * n)].astype(np.int64)
    got = np.column_stack(_core.removal_curve(np.asarray(pp, np.int64),
                                              np.asarray(pi, np.int64), order))
    A = _scipy(np.asarray(pp), np.asarray(pi), n)
    alive = np.ones(n, bool)
    for k in range(len(order) + 1):
        assert tuple(got[k]) == _naive_stats(A, alive)
        if k < len(order):
            alive[order[k]] = False


@settings(max_examples=60, deadline=None)
@given(spec=graphs, seed=st.integers(0, 1000), frac=st.floats(0.0, 1.0))
def test_edge_removal_curve_matches_naive_recomputation(spec, seed, frac):
    n, p, gseed, _ = spec
    g = _random_graph(n, p, gseed, False)
    src, dst = (np.asarray(a, np.int64) for a in g.edge_array())
    m = len(src)
    order = np.random.default_rng(seed).permutation(m)[: int(frac * m)].astype(np.int64)
    got = np.column_stack(_core.edge_removal_curve(n, src, dst, order))
    present = np.ones(m, bool)
    for k in range(len(order) + 1):
        A = sparse.csr_array((np.ones(present.sum()), (src[present], dst[present])),
                             shape=(n, n))
        assert tuple(got[k]) == _naive_stats(A + A.T, np.ones(n, bool))
        if k < len(order):
            present[order[k]] = False


# ---------------------------------------------------------------------------- Brandes
@settings(max_examples=80, deadline=None)
@given(spec=graphs, loops=st.booleans(), mask_seed=st.integers(0, 1000))
def test_branchfree_fast_path_equals_general_search(spec, loops, mask_seed):
    n, p, seed, directed = spec
    g = _random_graph(n, p, seed, directed, loops)
    ip, ix = _csr(g)
    alive = np.random.default_rng(mask_seed).random(n) < 0.7
    general = brandes.betweenness_alive(ip, ix, alive)
    sp_, sx, _ = _core.induced(ip, ix, alive)
    fast = brandes.fast_bfs_betweenness(sp_, sx)
    np.testing.assert_allclose(fast, general[alive], rtol=1e-12, atol=1e-12)
    assert not general[~alive].any()
    # and the mask-free drivers on the induced CSR
    np.testing.assert_allclose(_core.node_betweenness(sp_, sx), general[alive],
                               rtol=1e-12, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(spec=graphs, weighted=st.booleans(), key_seed=st.integers(0, 1000))
def test_adaptive_scores_equal_betweenness_of_the_residual_graph(spec, weighted, key_seed):
    n, p, seed, directed = spec
    g = _random_graph(n, p, seed, directed)
    ip, ix = _csr(g)
    nbr_ptr, nbr_idx = (np.asarray(a, np.int64) for a in g.neighbour_csr())
    rng = np.random.default_rng(key_seed)
    lengths = (rng.integers(1, 4, g.n_edges)[np.asarray(g.edge_ids)] * 0.5 if weighted
               else np.zeros(len(ix)))
    keys = rng.permutation(n).astype(np.int64)
    r = max(n // 2, 1)
    order, got = _core.adaptive_betweenness_order(ip, ix, lengths, weighted, nbr_ptr,
                                                  nbr_idx, keys, r, False, 1, not directed)
    alive = np.ones(n, bool)
    for step in range(r):
        bc = brandes.betweenness_alive(ip, ix, alive, lengths if weighted else None)
        v = order[step]
        assert alive[v]
        np.testing.assert_allclose(got[step], bc[v], rtol=1e-9, atol=1e-9)
        best = bc[alive].max()
        assert bc[v] >= ties.tie_threshold(best) - 1e-9
        alive[v] = False


def test_one_equal_length_rule():
    assert brandes.EQUAL_LENGTH_RTOL is dijkstra.EQUAL_LENGTH_RTOL
    assert _core.EQUAL_LENGTH_RTOL == 1e-10
    assert dijkstra.same_length(0.1 + 0.2, 0.3)
    assert not dijkstra.same_length(0.3, 0.3 + 1e-9)


def _near_tie_graph():
    # two 0 -> 2 paths: 0.1 + 0.2 = 0.30000000000000004 (via 1) and 0.3 (via 3)
    edges = [(0, 1, 0.1), (1, 2, 0.2), (0, 3, 0.15), (3, 2, 0.15), (2, 4, 1.0)]
    src, dst, d = zip(*edges)
    return edges, nc.Graph.from_arrays(5, list(src), list(dst), directed=False,
                                       edge_attrs={"d": list(d)})


def test_node_and_edge_betweenness_break_near_ties_like_igraph():
    ig = pytest.importorskip("igraph")
    edges, g = _near_tie_graph()
    G = ig.Graph(n=5, edges=[(a, b) for a, b, _ in edges])
    w = [x for *_, x in edges]
    lengths = g.edge_values("d")
    ip, ix = _csr(g)
    # node betweenness: raw ordered-pair sums, so half of it is igraph's value
    node = _core.node_betweenness(ip, ix, lengths=lengths) / 2.0
    np.testing.assert_allclose(node, G.betweenness(weights=w), rtol=1e-12)
    assert node[1] == node[3] > 0
    # edge betweenness: sum the two CSR entries of every edge
    arc = _core.edge_betweenness_csr(ip, ix, np.ascontiguousarray(lengths), True,
                                     np.arange(5, dtype=np.int64))
    edge = np.bincount(np.asarray(g.edge_ids), weights=arc, minlength=g.n_edges) / 2.0
    np.testing.assert_allclose(edge, G.edge_betweenness(weights=w), rtol=1e-12)
    # adaptive betweenness sees the same tie (first pick: node 2, the cut vertex)
    nbr_ptr, nbr_idx = (np.asarray(a, np.int64) for a in g.neighbour_csr())
    order, got = _core.adaptive_betweenness_order(
        ip, ix, np.ascontiguousarray(lengths), True, nbr_ptr, nbr_idx,
        np.arange(5, dtype=np.int64), 1, False, 1, True)
    assert order[0] == 2 and got[0] == pytest.approx(2.0 * G.betweenness(weights=w)[2])


@settings(max_examples=40, deadline=None)
@given(spec=graphs, seed=st.integers(0, 1000))
def test_dijkstra_distances_match_scipy(spec, seed):
    n, p, gseed, directed = spec
    g = _random_graph(n, p, gseed, directed)
    ip, ix = _csr(g)
    lengths = np.random.default_rng(seed).uniform(0.1, 2.0, len(ix))
    if not directed:  # symmetric lengths for an undirected graph
        lengths = np.random.default_rng(seed).uniform(0.1, 2.0, g.n_edges)[
            np.asarray(g.edge_ids)]
    got = _core.dijkstra_distances(ip, ix, lengths, np.arange(n))
    exp = sp_dijkstra(_scipy(ip, ix, n, lengths), directed=True)
    np.testing.assert_allclose(got, exp, rtol=1e-12)


def test_score_ties_have_one_home():
    vals = np.array([3.0, 3.0 - 1e-12, 2.0, 2.0, 1.0])
    assert _core.tolerance_groups(vals).tolist() == [0, 0, 1, 1, 2]
    assert _core.tolerance_groups(vals, _core.SCORE_RTOL, _core.SCORE_ATOL).tolist() == [
        0, 0, 1, 1, 2]
    assert ties.tie_threshold(1.0) == 1.0 - (ties.SCORE_RTOL + ties.SCORE_ATOL)
