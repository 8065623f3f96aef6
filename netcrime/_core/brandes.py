"""Brandes betweenness: one single-source search, three accumulations, and their drivers.

Private layer: numpy arrays in, numpy arrays out; no pandas, no labels.

The single-source search (:func:`bfs_dag` for hop counts, :func:`dijkstra_dag` for positive
edge lengths, both with an optional ``alive`` node mask) counts shortest paths ``sigma`` and
records the shortest-path DAG as successor lists: ``succ[sstart[i]:sstart[i + 1]]`` are the
successors of ``order[i]``, the ``i``-th node reached, in CSR order (and, when asked,
``arc[...]`` the CSR entries of those DAG edges). The accumulations walk the DAG backwards:

* :func:`accumulate_nodes` -- node dependencies, with or without endpoints;
* :func:`accumulate_edges` -- arc dependencies (edge betweenness).

Walking recorded successors instead of re-scanning every arc in the backward pass was
measured ~35 % faster for BFS. Once ``w`` is final, ``coef[w]`` holds
``(1 + dependency(w)) / sigma[w]``, so each DAG edge costs one add and each node one
division.

Equal path lengths: two weighted lengths ``a`` and ``b`` are equal when
``|a - b| <= EQUAL_LENGTH_RTOL * max(a, b)`` (igraph's rule; defined with the Dijkstra loop
in :mod:`netcrime._core.dijkstra`), so round-off in sums such as ``0.1 + 0.2`` and ``0.3``
does not split shortest paths. Every weighted search here (node, edge and adaptive
betweenness) uses this one rule.

Drivers:

``node_betweenness(indptr, indices, lengths=None, sources=None, endpoints=False)``
    -> float64 array (n,): the *raw* Brandes dependency sum over ordered pairs ``(s, t)``,
    ``s`` in ``sources`` (default: every node), ``t != s``:
    ``sum_s sum_t sigma_st(v) / sigma_st`` for ``v not in {s, t}``. For an undirected graph
    (stored in both rows) every unordered pair is therefore counted twice (divide by 2 for
    igraph's raw values). ``endpoints=True`` also counts ``s`` and ``t`` as lying on their
    own paths (networkx's ``endpoints``). ``lengths`` (CSR-aligned positive float64)
    switches to Dijkstra. The search follows the CSR's out-edges.

``betweenness_alive(indptr, indices, alive, lengths=None, sources=None)`` -- the same sums on
the subgraph of ``alive`` nodes, read through the mask (one thread).

``edge_betweenness_csr`` -- raw edge betweenness per CSR entry.

``adaptive_betweenness_order`` -- the adaptive (recompute after every removal) attack. Its
unweighted pieces run the named fast path :func:`branchfree_bfs_source` (a branch-free BFS
on a compact copy of the piece, with Puzis et al.'s source reductions); the property tests
in ``tests/test_core_kernels.py`` hold it to the general search.

The sources are split over the numba threads (``numba.get_num_threads()``; chunk ``c``
takes sources ``c, c + T, ...``), each thread with its own O(n) workspace and accumulator.
This per-source design was measured against a batched sparse-matrix x dense-block Brandes
(``A @ F`` with ``F`` an n x 256 block of BFS frontiers; kept in
``benchmarks/bench_centrality.py``): on the n = 10,000, m = 40,000 benchmark graph the
batched design took about 13x the time of the per-source kernel, because it pays ``m * B``
work per BFS *level* while a per-source search pays ``m`` once.
"""

from __future__ import annotations

import numpy as np
from numba import get_thread_id, njit, prange

from .bfs import label_piece, plan_chunks, sources_array
from .csr import as_search_csr
from .dijkstra import EQUAL_LENGTH_RTOL, UNSEEN, dijkstra_settle, dijkstra_workspace, same_length
from .ties import tie_threshold

__all__ = [
    "EQUAL_LENGTH_RTOL",
    "accumulate_edges",
    "accumulate_nodes",
    "adaptive_betweenness_order",
    "betweenness_alive",
    "bfs_dag",
    "branchfree_bfs_source",
    "dijkstra_dag",
    "edge_betweenness_csr",
    "fast_bfs_betweenness",
    "node_betweenness",
    "same_length",
]


# ---------------------------------------------------------------------------- the search
@njit(cache=True)
def bfs_dag(indptr, indices, alive, s, dist, sigma, order, succ, sstart, arc):
    """BFS from ``s`` (alive); returns the number of nodes reached, ``order[:tail]``.

    ``dist`` (int, -1 = unseen) and ``sigma`` (0) must be clear on entry; the caller clears
    them over ``order[:tail]`` afterwards. ``alive`` and ``arc`` may be ``None`` (then no
    mask, no arc ids; numba compiles those branches away).
    """
    dist[s] = 0
    sigma[s] = 1.0
    order[0] = s
    head = 0
    tail = 1
    ns = 0
    while head < tail:
        v = order[head]
        sstart[head] = ns
        head += 1
        dv = dist[v] + 1
        sv = sigma[v]
        for k in range(indptr[v], indptr[v + 1]):
            w = indices[k]
            if alive is not None:
                if not alive[w]:
                    continue
            dw = dist[w]
            if dw < 0:
                dist[w] = dv
                order[tail] = w
                tail += 1
                sigma[w] = sv
            elif dw == dv:
                sigma[w] += sv
            else:
                continue
            succ[ns] = w
            if arc is not None:
                arc[ns] = k
            ns += 1
    sstart[tail] = ns
    return tail


@njit(cache=True)
def dijkstra_dag(indptr, indices, lengths, alive, s, dist, sigma, order, pos, hk, hv, succ,
                 sstart, arc):
    """Dijkstra from ``s`` (alive) recording the DAG like :func:`bfs_dag`.

    ``dist`` must be ``inf``, ``sigma`` 0 and ``pos`` ``UNSEEN`` on entry; every node
    reached is settled (the heap runs empty), so the caller clears them over
    ``order[:tail]``. A predecessor's count is final when it is settled, but a successor
    list is only known once the distances are, so the DAG is read in a second pass over the
    settled nodes' arcs (arc order, as the BFS records it).
    """
    tail = dijkstra_settle(indptr, indices, lengths, alive, s, dist, sigma, order, pos,
                            hk, hv)
    ns = 0
    for i in range(tail):
        v = order[i]
        sstart[i] = ns
        dv = dist[v]
        for k in range(indptr[v], indptr[v + 1]):
            w = indices[k]
            if w == v:
                continue
            if alive is not None:
                if not alive[w]:
                    continue
            dw = dist[w]
            if dw > dv and same_length(dv + lengths[k], dw):
                succ[ns] = w
                if arc is not None:
                    arc[ns] = k
                ns += 1
    sstart[tail] = ns
    return tail


# ---------------------------------------------------------------------------- accumulations
@njit(cache=True, inline="always")
def accumulate_nodes(order, tail, sigma, coef, succ, sstart, bc, endpoints):
    """Add the dependencies of the search's source to ``bc`` (reverse order over the DAG):
    ``dep(v) = sigma_v * sum_{w in succ(v)} (1 + dep(w)) / sigma_w``; ``coef[w]`` holds
    ``(1 + dep(w)) / sigma_w``. With ``endpoints`` every reached ``t`` also counts itself
    and the source counts once per reached node."""
    for i in range(tail - 1, 0, -1):
        v = order[i]
        acc = 0.0
        for j in range(sstart[i], sstart[i + 1]):
            acc += coef[succ[j]]
        dep = sigma[v] * acc
        if endpoints:
            bc[v] += dep + 1.0
        else:
            bc[v] += dep
        coef[v] = (1.0 + dep) / sigma[v]
    if endpoints:
        bc[order[0]] += tail - 1


@njit(cache=True, inline="always")
def accumulate_edges(order, tail, sigma, delta, succ, sstart, arc, out):
    """Add the arc dependencies of the search's source to ``out`` (per CSR entry): the DAG
    arc ``v -> w`` carries ``sigma_v / sigma_w * (1 + delta_w)``, and ``delta_v`` is the sum
    over ``v``'s out-arcs in the DAG."""
    for i in range(tail - 1, -1, -1):
        v = order[i]
        sv = sigma[v]
        dv = 0.0
        for j in range(sstart[i], sstart[i + 1]):
            w = succ[j]
            c = sv / sigma[w] * (1.0 + delta[w])
            out[arc[j]] += c
            dv += c
        delta[v] = dv


@njit(cache=True, inline="always")
def _clear(order, tail, dist, sigma, unseen):
    for i in range(tail):
        w = order[i]
        dist[w] = unseen
        sigma[w] = 0.0


@njit(cache=True, inline="always")
def _clear_heap(order, tail, dist, sigma, pos):
    for i in range(tail):
        w = order[i]
        dist[w] = np.inf
        sigma[w] = 0.0
        pos[w] = UNSEEN


# ---------------------------------------------------------------------------- node drivers
@njit(cache=True)
def _nodes_bfs_chunk(indptr, indices, n, sources, first, step, endpoints, bc):
    """Node dependencies of ``sources[first::step]`` added to ``bc`` (one thread)."""
    dist = np.full(n, -1, np.int32)
    sigma = np.zeros(n)
    coef = np.zeros(n)
    order = np.empty(n, np.int32)
    succ = np.empty(max(len(indices), 1), indices.dtype)
    sstart = np.empty(n + 1, np.int64)
    for j in range(first, len(sources), step):
        tail = bfs_dag(indptr, indices, None, sources[j], dist, sigma, order, succ,
                       sstart, None)
        accumulate_nodes(order, tail, sigma, coef, succ, sstart, bc, endpoints)
        _clear(order, tail, dist, sigma, -1)


@njit(cache=True, parallel=True)
def _nodes_bfs(indptr, indices, n, sources, endpoints, nchunks):
    local = np.zeros((nchunks, n))
    for c in prange(nchunks):
        _nodes_bfs_chunk(indptr, indices, n, sources, c, nchunks, endpoints, local[c])
    out = np.zeros(n)
    for t in range(local.shape[0]):
        out += local[t]
    return out


@njit(cache=True)
def _nodes_dij_chunk(indptr, indices, lengths, n, sources, first, step, endpoints, bc):
    """Weighted node dependencies of ``sources[first::step]`` added to ``bc``."""
    dist, pos, order, hk, hv = dijkstra_workspace(n)
    sigma = np.zeros(n)
    coef = np.zeros(n)
    succ = np.empty(max(len(indices), 1), indices.dtype)
    sstart = np.empty(n + 1, np.int64)
    for j in range(first, len(sources), step):
        tail = dijkstra_dag(indptr, indices, lengths, None, sources[j], dist, sigma, order,
                            pos, hk, hv, succ, sstart, None)
        accumulate_nodes(order, tail, sigma, coef, succ, sstart, bc, endpoints)
        _clear_heap(order, tail, dist, sigma, pos)


@njit(cache=True, parallel=True)
def _nodes_dij(indptr, indices, lengths, n, sources, endpoints, nchunks):
    local = np.zeros((nchunks, n))
    for c in prange(nchunks):
        _nodes_dij_chunk(indptr, indices, lengths, n, sources, c, nchunks, endpoints,
                         local[c])
    out = np.zeros(n)
    for t in range(local.shape[0]):
        out += local[t]
    return out


def node_betweenness(
    indptr: np.ndarray,
    indices: np.ndarray,
    lengths: np.ndarray | None = None,
    sources: np.ndarray | None = None,
    endpoints: bool = False,
) -> np.ndarray:
    """Raw Brandes betweenness (ordered-pair dependency sums) from ``sources``.

    See the module docstring for the exact definition.
    """
    indptr, indices = as_search_csr(indptr, indices)
    n = len(indptr) - 1
    src = sources_array(sources, n)
    if n == 0 or len(src) == 0:
        return np.zeros(n)
    nchunks = plan_chunks(len(src), n, len(indices))
    if lengths is not None:
        lengths = np.ascontiguousarray(lengths, dtype=np.float64)
    if nchunks == 1:  # serial kernel: no thread launch (small calls, busy cores, pools)
        bc = np.zeros(n)
        if lengths is None:
            _nodes_bfs_chunk(indptr, indices, n, src, 0, 1, bool(endpoints), bc)
        else:
            _nodes_dij_chunk(indptr, indices, lengths, n, src, 0, 1, bool(endpoints), bc)
        return bc
    if lengths is None:
        return _nodes_bfs(indptr, indices, n, src, bool(endpoints), nchunks)
    return _nodes_dij(indptr, indices, lengths, n, src, bool(endpoints), nchunks)


@njit(cache=True)
def _nodes_alive(indptr, indices, lengths, weighted, alive, sources):
    n = len(indptr) - 1
    bc = np.zeros(n)
    idist = np.full(n, -1, np.int64)
    fdist = np.full(n, np.inf)
    sigma = np.zeros(n)
    coef = np.zeros(n)
    order = np.empty(n, np.int64)
    pos = np.full(n, UNSEEN, np.int64)
    hk = np.empty(n)
    hv = np.empty(n, np.int64)
    succ = np.empty(max(len(indices), 1), np.int64)
    sstart = np.empty(n + 1, np.int64)
    for s in sources:
        if not alive[s]:
            continue
        if weighted:
            tail = dijkstra_dag(indptr, indices, lengths, alive, s, fdist, sigma, order, pos,
                                hk, hv, succ, sstart, None)
            accumulate_nodes(order, tail, sigma, coef, succ, sstart, bc, False)
            _clear_heap(order, tail, fdist, sigma, pos)
        else:
            tail = bfs_dag(indptr, indices, alive, s, idist, sigma, order, succ, sstart,
                           None)
            accumulate_nodes(order, tail, sigma, coef, succ, sstart, bc, False)
            _clear(order, tail, idist, sigma, -1)
    return bc


def betweenness_alive(
    indptr: np.ndarray,
    indices: np.ndarray,
    alive: np.ndarray,
    lengths: np.ndarray | None = None,
    sources: np.ndarray | None = None,
) -> np.ndarray:
    """Raw betweenness of the subgraph of ``alive`` nodes, read through the mask (no copy);
    one thread. Dead nodes score 0."""
    ip = np.ascontiguousarray(indptr, np.int64)
    ix = np.ascontiguousarray(indices, np.int64)
    n = len(ip) - 1
    a = np.ascontiguousarray(alive, np.bool_)
    weighted = lengths is not None
    ln = np.ascontiguousarray(lengths if weighted else np.zeros(0), np.float64)
    return _nodes_alive(ip, ix, ln, weighted, a, sources_array(sources, n))


# ---------------------------------------------------------------------------- edges
@njit(cache=True)
def edge_betweenness_csr(indptr, indices, lengths, weighted, sources):
    """Raw edge betweenness per CSR entry (arc ``v -> indices[p]``): sum over ordered pairs
    ``(s, t)``, ``s`` in ``sources``, of the fraction of shortest ``s-t`` paths using the arc.
    For an undirected graph add the two CSR entries of an edge."""
    n = len(indptr) - 1
    m = len(indices)
    out = np.zeros(m)
    idist = np.full(n, -1, np.int64)
    fdist = np.full(n, np.inf)
    sigma = np.zeros(n)
    delta = np.zeros(n)
    order = np.empty(n, np.int64)
    pos = np.full(n, UNSEEN, np.int64)
    hk = np.empty(n)
    hv = np.empty(n, np.int64)
    succ = np.empty(max(m, 1), np.int64)
    arc = np.empty(max(m, 1), np.int64)
    sstart = np.empty(n + 1, np.int64)
    for s in sources:
        if weighted:
            tail = dijkstra_dag(indptr, indices, lengths, None, s, fdist, sigma, order, pos,
                                hk, hv, succ, sstart, arc)
            accumulate_edges(order, tail, sigma, delta, succ, sstart, arc, out)
            _clear_heap(order, tail, fdist, sigma, pos)
        else:
            tail = bfs_dag(indptr, indices, None, s, idist, sigma, order, succ, sstart, arc)
            accumulate_edges(order, tail, sigma, delta, succ, sstart, arc, out)
            _clear(order, tail, idist, sigma, -1)
    return out


# ---------------------------------------------------------------------------- fast path
@njit(cache=True)
def branchfree_bfs_source(indptr, indices, s, dist, sigma, coef, order, estart, succ, bc, w):
    """One unweighted Brandes source on a compact CSR: the named fast path of adaptive
    betweenness, equal score for score to :func:`bfs_dag` + :func:`accumulate_nodes` (a
    property test in ``tests/test_core_kernels.py`` holds them together).

    The arc loop of the forward pass is branch-free (the outcome of "new node / same level /
    other" is unpredictable, so a branch would be mispredicted about every other arc): the
    arc is always written to ``order`` and ``succ`` and the counters advance by 0 or 1.
    Hence ``order`` needs ``n + 1`` and ``succ`` ``len(indices) + 1`` slots; ``indptr``,
    ``indices``, ``order`` and ``succ`` should be unsigned (no negative-index wraparound
    code on every access). ``dist`` must be -1 and ``sigma`` 0 everywhere on entry; both
    are restored on exit. The source's dependencies are added to ``bc`` with multiplicity
    ``w``.
    """
    dist[s] = 0
    sigma[s] = 1.0
    order[0] = s
    head = 0
    tail = 1
    ne = 0
    while head < tail:
        v = order[head]
        estart[head] = ne
        head += 1
        dv = dist[v] + 1
        sv = sigma[v]
        for p in range(indptr[v], indptr[v + 1]):
            u = indices[p]
            du = dist[u]
            new = np.int32(du < 0)
            onp = new | np.int32(du == dv)
            dist[u] = du + new * (dv - du)
            order[tail] = u
            tail += new
            sigma[u] += sv * onp
            succ[ne] = u
            ne += onp
    estart[tail] = ne
    for t in range(tail - 1, 0, -1):
        v = order[t]
        acc = 0.0
        for e in range(estart[t], estart[t + 1]):
            acc += coef[succ[e]]
        sv = sigma[v]
        d = sv * acc
        bc[v] += w * d
        coef[v] = (1.0 + d) / sv
        dist[v] = -1
        sigma[v] = 0.0
    dist[s] = -1
    sigma[s] = 0.0


# pieces smaller than this run single-threaded (the fork/join of a parallel region costs
# tens of microseconds; a piece of 256 nodes costs about a millisecond). The parallel path
# allocates nothing per call (workspaces are made once per attack) and gives the same
# scores bit for bit as the serial one (see _LANES). Measured on the 2-core benchmark
# machine, 1,000-node trafficking graph, 200 removals: 2.7 s serial, 1.5 s on two idle
# cores, 3.1 s when another job holds one core (2.8 s serial then).
_PARALLEL_MIN = 256

# sources of a piece are dealt round-robin to this many accumulators ("lanes"), summed in
# lane order, in the serial and in the parallel path alike: the scores (and so the order)
# do not depend on the number of threads
_LANES = 8


@njit(cache=True)
def _workspaces(n_threads, n, m):
    """Workspaces of the fast path for ``n`` nodes and ``m`` arcs: one row per thread
    (``dist``, ``sigma``, ``coef``, ``order``, ``estart``, ``succ``), accumulators one row
    per lane."""
    return (np.full((n_threads, n), -1, np.int32), np.zeros((n_threads, n)),
            np.zeros((n_threads, n)), np.empty((n_threads, n + 1), np.uint32),
            np.empty((n_threads, n + 1), np.int32), np.empty((n_threads, m + 1), np.uint32),
            np.zeros((_LANES, n)))


@njit(cache=True)
def _lane_sum(w_acc, extra, nm):
    out = np.zeros(nm)
    for c in range(_LANES):
        for j in range(nm):
            out[j] += w_acc[c, j]
    for j in range(nm):
        out[j] += extra[j]
    return out


@njit(cache=True)
def _piece_bfs_serial(ptr, idx, nm, srcs, mult, w_dist, w_sigma, w_coef, w_order, w_estart,
                      w_succ, w_acc):
    """Unweighted Brandes from the sources ``srcs`` (weights ``mult``) of a compact CSR,
    source ``srcs[t]`` accumulated in lane ``t % _LANES`` (see ``_piece_bfs_parallel``)."""
    ns = len(srcs)
    for c in range(_LANES):
        acc = w_acc[c]
        for j in range(nm):
            acc[j] = 0.0
        for t in range(c, ns, _LANES):
            s = srcs[t]
            branchfree_bfs_source(ptr, idx, s, w_dist[0], w_sigma[0], w_coef[0], w_order[0],
                                  w_estart[0], w_succ[0], acc, mult[s])


@njit(cache=True, parallel=True)
def _piece_bfs_parallel(ptr, idx, nm, srcs, mult, w_dist, w_sigma, w_coef, w_order,
                        w_estart, w_succ, w_acc):
    """As ``_piece_bfs_serial``, the lanes run in parallel. Every
    workspace (row ``numba.get_thread_id()`` of the ``w_*`` arrays, sized for the whole
    graph) is allocated once per attack by the caller, so a call allocates nothing;
    ``w_dist`` rows are -1 and ``w_sigma`` rows 0 on entry and on exit."""
    ns = len(srcs)
    for c in prange(_LANES):
        tid = get_thread_id()
        acc = w_acc[c]
        for j in range(nm):
            acc[j] = 0.0
        for t in range(c, ns, _LANES):
            s = srcs[t]
            branchfree_bfs_source(ptr, idx, s, w_dist[tid], w_sigma[tid], w_coef[tid],
                                  w_order[tid], w_estart[tid], w_succ[tid], acc, mult[s])


def fast_bfs_betweenness(indptr: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """Raw unweighted betweenness of a whole compact CSR through the branch-free fast path
    (every source, multiplicity 1, one thread); the hook of the property test."""
    ptr = np.ascontiguousarray(indptr, np.int64)
    idx = np.ascontiguousarray(indices, np.int32)
    nm = len(ptr) - 1
    ws = _workspaces(1, nm, len(idx))
    _piece_bfs_serial(ptr.view(np.uint64), idx.view(np.uint32), nm,
                      np.arange(nm, dtype=np.int64), np.ones(nm), *ws)
    return _lane_sum(ws[6], np.zeros(nm), nm)


# ---------------------------------------------------------------------------- source reduction
@njit(cache=True, inline="always")
def _mix(x):
    """splitmix64 finaliser of a node id (order-free neighbourhood hashes add these)."""
    x = np.uint64(x) + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@njit(cache=True)
def _hash_groups(h, deg, cand):
    """``cand`` sorted by (degree, hash): equal neighbourhoods are then adjacent."""
    o1 = np.argsort(h[cand], kind="mergesort")
    o2 = np.argsort(deg[cand][o1], kind="mergesort")
    return cand[o1[o2]]


@njit(cache=True)
def _group_end(srt, i, deg, h):
    j = i + 1
    while j < len(srt) and deg[srt[j]] == deg[srt[i]] and h[srt[j]] == h[srt[i]]:
        j += 1
    return j


@njit(cache=True)
def _same_marked(ptr, idx, b, stamp, mark):
    for p in range(ptr[b], ptr[b + 1]):
        if stamp[idx[p]] != mark:
            return False
    return True


@njit(cache=True)
def _open_twins(ptr, idx, srt, deg, h, mult, stamp):
    """Merge open twins ``N(a) = N(b)`` into the group's first member."""
    i = 0
    while i < len(srt):
        j = _group_end(srt, i, deg, h)
        if j - i > 1 and mult[srt[i]] == 1.0:
            r = srt[i]
            for p in range(ptr[r], ptr[r + 1]):
                stamp[idx[p]] = r
            for t in range(i + 1, j):
                b = srt[t]
                if mult[b] != 1.0:  # has leaves: cannot be a twin
                    continue
                if _same_marked(ptr, idx, b, stamp, r):
                    mult[b] = 0.0
                    mult[r] += 1.0
        i = j


@njit(cache=True)
def _closed_twins(ptr, idx, srt, deg, h, mult, stamp, nm):
    """Merge closed twins ``N[a] = N[b]`` into the group's first member counting once."""
    i = 0
    while i < len(srt):
        j = _group_end(srt, i, deg, h)
        r = -1
        if j - i > 1:
            # the representative: the first member still counting exactly once
            for t in range(i, j):
                if mult[srt[t]] == 1.0:
                    r = srt[t]
                    break
        if r >= 0:
            mark = nm + r
            for p in range(ptr[r], ptr[r + 1]):
                stamp[idx[p]] = mark
            stamp[r] = mark
            for t in range(i, j):
                b = srt[t]
                if b == r or mult[b] != 1.0:
                    continue
                if stamp[b] == mark and _same_marked(ptr, idx, b, stamp, mark):
                    mult[b] = 0.0
                    mult[r] += 1.0
        i = j


@njit(cache=True)
def _source_multiplicity(ptr, idx, nm):
    """Sources that need no search of their own in an undirected, loop-free, connected
    piece of ``nm >= 3`` nodes (exact; Puzis et al. 2012's structural-equivalence and
    degree-1 reductions):

    * open twins ``N(a) = N(b)`` (non-adjacent) and closed twins ``N[a] = N[b]``
      (adjacent) have the same dependencies on every other node and none on each other, so
      one search from the representative counts ``|class|`` times;
    * a leaf ``l`` hanging on ``u`` depends on every node exactly as ``u`` does, plus
      ``nm - 2`` on ``u`` itself, so ``u``'s search counts once more per leaf.

    Returns ``(mult, extra)``: ``mult[s]`` = how often source ``s``'s dependencies count
    (0: no search), ``extra`` = values to add to the result.
    """
    mult = np.ones(nm)
    extra = np.zeros(nm)
    deg = np.empty(nm, np.int64)
    for j in range(nm):
        deg[j] = ptr[j + 1] - ptr[j]
        for p in range(ptr[j], ptr[j + 1]):
            if idx[p] == j:  # self-loop: keep every source
                return np.ones(nm), np.zeros(nm)
    for j in range(nm):
        if deg[j] == 1:
            u = idx[ptr[j]]
            mult[j] = 0.0
            mult[u] += 1.0
            extra[u] += nm - 2.0
    # open twins among the other nodes: group by (degree, order-free hash), then verify
    h = np.zeros(nm, np.uint64)
    for j in range(nm):
        acc = np.uint64(0)
        for p in range(ptr[j], ptr[j + 1]):
            acc += _mix(idx[p])
        h[j] = acc
    cand = np.flatnonzero(deg >= 2)
    if len(cand) < 2:
        return mult, extra
    stamp = np.full(nm, -1, np.int64)
    _open_twins(ptr, idx, _hash_groups(h, deg, cand), deg, h, mult, stamp)
    # closed twins N[a] = N[b] (adjacent, e.g. the members of a clique cell): same argument,
    # from a the twin b has no successor; group by (degree, hash of the closed neighbourhood)
    for j in range(nm):
        h[j] += _mix(j)
    _closed_twins(ptr, idx, _hash_groups(h, deg, cand), deg, h, mult, stamp, nm)
    return mult, extra


# ---------------------------------------------------------------------------- adaptive
@njit(cache=True)
def _compact_piece(indptr, indices, lengths, weighted, members, nm, local):
    """Sub-CSR of the nodes ``members[:nm]`` renumbered by ``local`` (int32 columns)."""
    ptr = np.zeros(nm + 1, np.int64)
    for j in range(nm):
        v = members[j]
        c = 0
        for p in range(indptr[v], indptr[v + 1]):
            if local[indices[p]] >= 0:
                c += 1
        ptr[j + 1] = ptr[j] + c
    idx = np.empty(ptr[nm], np.int32)
    lng = np.empty(ptr[nm] if weighted else 0)
    for j in range(nm):
        v = members[j]
        q = ptr[j]
        for p in range(indptr[v], indptr[v + 1]):
            u = local[indices[p]]
            if u >= 0:
                idx[q] = u
                if weighted:
                    lng[q] = lengths[p]
                q += 1
    return ptr, idx, lng


@njit(cache=True)
def _piece_scores_bfs(ptr, idx, nm, parallel, undirected, ws):
    if undirected and nm >= 3:
        mult, extra = _source_multiplicity(ptr, idx, nm)
    else:
        mult, extra = np.ones(nm), np.zeros(nm)
    srcs = np.flatnonzero(mult > 0.0)
    w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc = ws
    if parallel:
        _piece_bfs_parallel(ptr.view(np.uint64), idx.view(np.uint32), nm, srcs, mult,
                            w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc)
    else:
        _piece_bfs_serial(ptr.view(np.uint64), idx.view(np.uint32), nm, srcs, mult,
                          w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc)
    return _lane_sum(w_acc, extra, nm)


@njit(cache=True)
def _piece_betweenness(indptr, indices, lengths, weighted, members, nm, local, bc,
                       nthreads, undirected, ws):
    """Exact betweenness of the nodes ``members[:nm]`` (a union of whole components of the
    alive graph) on a compact sub-CSR; ``local`` is -1 outside the members on entry and on
    exit."""
    for j in range(nm):
        local[members[j]] = j
    ptr, idx, lng = _compact_piece(indptr, indices, lengths, weighted, members, nm, local)
    parallel = nthreads > 1 and nm >= _PARALLEL_MIN
    if not weighted:
        out = _piece_scores_bfs(ptr, idx, nm, parallel, undirected, ws)
    elif parallel:
        out = _nodes_dij(ptr, idx, lng, nm, np.arange(nm), False, nthreads)
    else:
        out = np.zeros(nm)
        _nodes_dij_chunk(ptr, idx, lng, nm, np.arange(nm), 0, 1, False, out)
    for j in range(nm):
        bc[members[j]] = out[j]
        local[members[j]] = -1


@njit(cache=True)
def _pick(alive, comp, csize, bc, tie_key, lcc_only):
    """Highest score (ties: :func:`netcrime._core.ties.tie_threshold`, then the smallest
    ``tie_key``), in the largest component when ``lcc_only``."""
    n = len(alive)
    target_comp = -1
    if lcc_only:
        best_size = -1
        for v in range(n):
            if alive[v] and csize[comp[v]] > best_size:
                best_size = csize[comp[v]]
                target_comp = comp[v]
    best = -np.inf
    for v in range(n):
        if alive[v] and (target_comp < 0 or comp[v] == target_comp) and bc[v] > best:
            best = bc[v]
    thr = tie_threshold(best)
    pick = -1
    for v in range(n):
        if alive[v] and (target_comp < 0 or comp[v] == target_comp) and bc[v] >= thr:
            if pick < 0 or tie_key[v] < tie_key[pick]:
                pick = v
    return pick


@njit(cache=True)
def _new_piece(indptr, indices, lengths, weighted, nbr_ptr, nbr_idx, s, alive, comp, old,
               ncomp, csize, queue, local, bc, nthreads, undirected, ws):
    """Label ``ncomp`` the piece of ``s`` (nodes of label ``old``) and score it; returns
    the next free label. Pieces of one or two nodes score 0."""
    tail = label_piece(nbr_ptr, nbr_idx, s, alive, comp, old, ncomp, queue)
    csize[ncomp] = tail
    if tail > 2:
        _piece_betweenness(indptr, indices, lengths, weighted, queue, tail, local, bc,
                           nthreads, undirected, ws)
    else:
        for j in range(tail):
            bc[queue[j]] = 0.0
    return ncomp + 1


@njit(cache=True)
def adaptive_betweenness_order(indptr, indices, lengths, weighted, nbr_ptr, nbr_idx,
                               tie_key, n_remove, lcc_only, nthreads, undirected):
    """Adaptive (recompute after every removal) exact betweenness attack.

    Betweenness is additive over (weak) components, so after removing ``v`` only the nodes
    of ``v``'s former component get new values: the component is split into its new pieces
    by BFS, and Brandes' algorithm runs from every source of each piece on a compact copy of
    the piece (so edges to removed nodes are never scanned again). Selection: highest raw
    score; scores within :func:`netcrime._core.ties.tie_threshold` of the best are tied and
    the smallest ``tie_key`` wins. ``lcc_only`` restricts the choice to the largest
    component (ties: the one holding the lowest position). Returns
    ``(order, score_at_removal)``.
    """
    n = len(indptr) - 1
    alive = np.ones(n, np.bool_)
    bc = np.zeros(n)
    comp = np.full(n, -1, np.int64)
    csize = np.zeros(n + n_remove + 1, np.int64)
    queue = np.empty(n, np.int64)
    local = np.full(n, -1, np.int64)
    # workspaces of the unweighted searches, allocated once per attack
    wt = max(nthreads, 1) if (nthreads > 1 and n >= _PARALLEL_MIN) else 1
    ws = _workspaces(wt, 1 if weighted else n, 0 if weighted else len(indices))
    ncomp = 0
    for s in range(n):
        if comp[s] < 0:
            ncomp = _new_piece(indptr, indices, lengths, weighted, nbr_ptr, nbr_idx, s, alive,
                               comp, -1, ncomp, csize, queue, local, bc, nthreads,
                               undirected, ws)
    out = np.empty(n_remove, np.int64)
    got = np.empty(n_remove)
    for step in range(n_remove):
        v = _pick(alive, comp, csize, bc, tie_key, lcc_only)
        out[step] = v
        got[step] = bc[v]
        alive[v] = False
        old = comp[v]
        comp[v] = -1
        # split the old component into its new pieces (BFS from v's alive neighbours)
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            s = nbr_idx[p]
            if alive[s] and comp[s] == old:
                ncomp = _new_piece(indptr, indices, lengths, weighted, nbr_ptr, nbr_idx, s,
                                   alive, comp, old, ncomp, csize, queue, local, bc,
                                   nthreads, undirected, ws)
    return out, got
