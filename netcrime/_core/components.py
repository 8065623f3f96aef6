"""Connected components under node removal: union-find curves, bucket queues, CI scores.

Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

* :func:`neighbour_csr` -- the symmetric neighbour lists used by every kernel here (for a
  directed graph: out- and in-neighbours, so components are *weak* components).
* :func:`removal_curve` -- Newman--Ziff reverse union-find: LCC size, second-largest
  component, number of components and connected pairs after every prefix of a removal order,
  in one pass, near O(n + m).
* :func:`adaptive_degree_order` -- repeatedly remove the node of highest current degree with a
  bucket queue (O(n + m) plus one sort per bucket for deterministic tie-breaking).
* :func:`collective_influence` -- CI_l scores (Morone & Makse 2015) on the alive subgraph.
* :func:`edge_removal_curve` -- the same reverse pass over a removal order of edges.
* :func:`edge_betweenness_csr` -- raw edge betweenness per CSR entry (BFS or Dijkstra).
* :func:`adaptive_betweenness_order` -- adaptive betweenness attack, recomputing only the
  component that held the removed node.
* :func:`tolerance_groups` -- groups of tied scores for the deterministic tie rule.
"""

from __future__ import annotations

import numpy as np
from numba import get_thread_id, njit, prange

from .csr import neighbour_csr  # noqa: F401  (re-exported until the split)

__all__ = [
    "adaptive_betweenness_order",
    "adaptive_degree_order",
    "collective_influence",
    "edge_betweenness_csr",
    "edge_removal_curve",
    "removal_curve",
    "tolerance_groups",
]


@njit(cache=True)
def _find(parent, x):
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:  # path compression
        nxt = parent[x]
        parent[x] = root
        x = nxt
    return root


@njit(cache=True)
def _fen_add(tree, i, v):
    # Fenwick tree over component sizes 1..n (index = size)
    n = len(tree) - 1
    while i <= n:
        tree[i] += v
        i += i & (-i)


@njit(cache=True)
def _fen_kth(tree, k, logn):
    # smallest size s with (number of components of size <= s) >= k
    pos = 0
    step = logn
    n = len(tree) - 1
    while step > 0:
        nxt = pos + step
        if nxt <= n and tree[nxt] < k:
            pos = nxt
            k -= tree[nxt]
        step >>= 1
    return pos + 1


@njit(cache=True)
def removal_curve(nbr_ptr, nbr_idx, order):
    """Component statistics after every prefix of ``order`` (Newman--Ziff, reverse pass).

    Returns four arrays of length ``len(order) + 1``; entry ``k`` describes the graph after the
    first ``k`` nodes of ``order`` are removed: largest component size, second-largest
    component size (0 if fewer than two components), number of components, and the number of
    unordered connected pairs ``sum_c s_c (s_c - 1) / 2``.
    """
    n = len(nbr_ptr) - 1
    r = len(order)
    present = np.ones(n, np.bool_)
    for k in range(r):
        present[order[k]] = False
    parent = np.arange(n).astype(np.int32)
    size = np.ones(n, np.int32)
    tree = np.zeros(n + 1, np.int64)
    logn = 1
    while logn * 2 <= n:
        logn *= 2
    lcc_a = np.zeros(r + 1, np.int64)
    sec_a = np.zeros(r + 1, np.int64)
    nc_a = np.zeros(r + 1, np.int64)
    pairs_a = np.zeros(r + 1, np.int64)
    ncomp = 0
    lcc = 0
    pairs = 0
    for v in range(n):
        if present[v]:
            ncomp += 1
            _fen_add(tree, 1, 1)
            if lcc < 1:
                lcc = 1
    # union all edges among the nodes never removed
    for v in range(n):
        if not present[v]:
            continue
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            u = nbr_idx[p]
            if u <= v or not present[u]:
                continue
            a = _find(parent, v)
            b = _find(parent, u)
            if a == b:
                continue
            sa = size[a]
            sb = size[b]
            if sa < sb:
                a, b = b, a
            parent[b] = a
            size[a] = sa + sb
            _fen_add(tree, sa, -1)
            _fen_add(tree, sb, -1)
            _fen_add(tree, sa + sb, 1)
            pairs += np.int64(sa) * np.int64(sb)
            ncomp -= 1
            if sa + sb > lcc:
                lcc = sa + sb
    k = r
    while True:
        lcc_a[k] = lcc
        nc_a[k] = ncomp
        pairs_a[k] = pairs
        if ncomp >= 2:
            sec_a[k] = _fen_kth(tree, ncomp - 1, logn)
        if k == 0:
            break
        k -= 1
        v = order[k]
        present[v] = True
        ncomp += 1
        _fen_add(tree, 1, 1)
        if lcc < 1:
            lcc = 1
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            u = nbr_idx[p]
            if not present[u]:
                continue
            a = _find(parent, v)
            b = _find(parent, u)
            if a == b:
                continue
            sa = size[a]
            sb = size[b]
            if sa < sb:
                a, b = b, a
            parent[b] = a
            size[a] = sa + sb
            _fen_add(tree, sa, -1)
            _fen_add(tree, sb, -1)
            _fen_add(tree, sa + sb, 1)
            pairs += np.int64(sa) * np.int64(sb)
            ncomp -= 1
            if sa + sb > lcc:
                lcc = sa + sb
    return lcc_a, sec_a, nc_a, pairs_a


@njit(cache=True)
def adaptive_degree_order(nbr_ptr, nbr_idx, tie_key, n_remove):
    """Remove ``n_remove`` nodes, each time the one of highest *current* degree.

    Ties are broken by the smallest ``tie_key`` (a permutation rank). Bucket queue: a node
    enters bucket ``d`` once when its degree becomes ``d`` (degrees only fall), and a bucket
    receives no new entries while it is the maximum, so it is sorted once when reached.
    Returns ``(order, degree_at_removal)``. Self-loops never decrement (the node is gone).
    """
    n = len(nbr_ptr) - 1
    deg = np.empty(n, np.int64)
    maxdeg = 0
    for v in range(n):
        deg[v] = nbr_ptr[v + 1] - nbr_ptr[v]
        if deg[v] > maxdeg:
            maxdeg = deg[v]
    cap = n + len(nbr_idx) + 1
    pool_node = np.empty(cap, np.int64)
    pool_next = np.empty(cap, np.int64)
    head = np.full(maxdeg + 1, -1, np.int64)
    used = 0
    for v in range(n):
        d = deg[v]
        pool_node[used] = v
        pool_next[used] = head[d]
        head[d] = used
        used += 1
    alive = np.ones(n, np.bool_)
    order = np.empty(n_remove, np.int64)
    score = np.empty(n_remove, np.int64)
    buf = np.empty(n, np.int64)
    keys = np.empty(n, np.int64)
    nbuf = 0
    bpos = 0
    cur = maxdeg
    prepared = False
    done = 0
    while done < n_remove:
        if not prepared:
            nbuf = 0
            e = head[cur]
            while e != -1:
                v = pool_node[e]
                if alive[v] and deg[v] == cur:
                    buf[nbuf] = v
                    keys[nbuf] = tie_key[v]
                    nbuf += 1
                e = pool_next[e]
            head[cur] = -1
            srt = np.argsort(keys[:nbuf])
            tmp = buf[:nbuf].copy()
            for i in range(nbuf):
                buf[i] = tmp[srt[i]]
            bpos = 0
            prepared = True
        picked = -1
        while bpos < nbuf:
            v = buf[bpos]
            bpos += 1
            if alive[v] and deg[v] == cur:
                picked = v
                break
        if picked == -1:
            cur -= 1
            prepared = False
            if cur < 0:
                break
            continue
        v = picked
        alive[v] = False
        order[done] = v
        score[done] = cur
        done += 1
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            u = nbr_idx[p]
            if u == v or not alive[u]:
                continue
            deg[u] -= 1
            d = deg[u]
            pool_node[used] = u
            pool_next[used] = head[d]
            head[d] = used
            used += 1
    return order[:done], score[:done]


@njit(cache=True)
def _ci_ball(nbr_ptr, nbr_idx, k, alive, ell):
    n = len(nbr_ptr) - 1
    out = np.zeros(n)
    dist = np.full(n, -1, np.int64)
    queue = np.empty(n, np.int64)
    for i in range(n):
        if not alive[i]:
            continue
        # BFS up to depth ell, sum (k_j - 1) over nodes at distance exactly ell
        head = 0
        tail = 0
        queue[tail] = i
        tail += 1
        dist[i] = 0
        total = 0.0
        while head < tail:
            v = queue[head]
            head += 1
            if dist[v] == ell:
                total += k[v] - 1.0
                continue
            for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
                u = nbr_idx[p]
                if alive[u] and dist[u] < 0:
                    dist[u] = dist[v] + 1
                    queue[tail] = u
                    tail += 1
        for t in range(tail):
            dist[queue[t]] = -1
        out[i] = (k[i] - 1.0) * total
    return out


def collective_influence(nbr_ptr, nbr_idx, alive, ell=1, weights=None):
    """CI_l(i) = (k_i - 1) * sum_{j : d(i, j) = l} (k_j - 1) on the subgraph of ``alive`` nodes.

    ``k`` is the current degree, or the current strength when CSR-aligned ``weights`` are
    given (Cavallaro et al.'s weighted variant). Removed nodes get NaN. For ``l = 1`` the sum
    runs over neighbours *with multiplicity* (as networkx iterates them; equal for simple
    graphs).
    """
    n = len(nbr_ptr) - 1
    rows = np.repeat(np.arange(n), np.diff(nbr_ptr))
    ok = alive[rows] & alive[nbr_idx] & (rows != nbr_idx)
    w = np.ones(len(nbr_idx)) if weights is None else np.asarray(weights, float)
    k = np.bincount(rows[ok], weights=w[ok], minlength=n).astype(float)
    # networkx counts a self-loop twice in degree; netcrime graphs handed to CI are loop-free
    # in the replication data. Loops are ignored here (documented in the strategy).
    if ell == 1:
        s = np.bincount(rows[ok], weights=(k[nbr_idx[ok]] - 1.0), minlength=n)
        out = (k - 1.0) * s
    else:
        # the ball boundary uses topology only (no multiplicity)
        out = _ci_ball(nbr_ptr, nbr_idx, k, alive.astype(np.bool_), int(ell))
    out = np.where(alive, out, np.nan)
    return out


# ---------------------------------------------------------------------------- edge removal
@njit(cache=True)
def edge_removal_curve(n, src, dst, order):
    """Like :func:`removal_curve` for edges: every node stays; entry ``k`` describes the
    graph after the first ``k`` edges (ids into ``src``/``dst``) of ``order`` are removed."""
    m = len(src)
    r = len(order)
    present = np.ones(m, np.bool_)
    for k in range(r):
        present[order[k]] = False
    parent = np.arange(n)
    size = np.ones(n, np.int64)
    tree = np.zeros(n + 1, np.int64)
    logn = 1
    while logn * 2 <= n:
        logn *= 2
    lcc_a = np.zeros(r + 1, np.int64)
    sec_a = np.zeros(r + 1, np.int64)
    nc_a = np.zeros(r + 1, np.int64)
    pairs_a = np.zeros(r + 1, np.int64)
    ncomp = n
    if n > 0:
        _fen_add(tree, 1, n)
    lcc = 1 if n > 0 else 0
    pairs = 0
    k = r
    e = 0
    # first union the edges never removed (e over all ids), then add back in reverse
    while True:
        if e < m:
            if not present[e]:
                e += 1
                continue
            a = _find(parent, src[e])
            b = _find(parent, dst[e])
            e += 1
        else:
            lcc_a[k] = lcc
            nc_a[k] = ncomp
            pairs_a[k] = pairs
            if ncomp >= 2:
                sec_a[k] = _fen_kth(tree, ncomp - 1, logn)
            if k == 0:
                break
            k -= 1
            a = _find(parent, src[order[k]])
            b = _find(parent, dst[order[k]])
        if a == b:
            continue
        sa = size[a]
        sb = size[b]
        if sa < sb:
            a, b = b, a
        parent[b] = a
        size[a] = sa + sb
        _fen_add(tree, sa, -1)
        _fen_add(tree, sb, -1)
        _fen_add(tree, sa + sb, 1)
        pairs += sa * sb
        ncomp -= 1
        if sa + sb > lcc:
            lcc = sa + sb
    return lcc_a, sec_a, nc_a, pairs_a


@njit(cache=True)
def _heap_push(hk, hv, size, key, val):
    """Push ``(key, val)`` on the binary min-heap ``hk``/``hv`` of ``size`` items; new size."""
    j = size
    hk[j] = key
    hv[j] = val
    while j > 0:
        par = (j - 1) // 2
        if hk[par] > hk[j]:
            hk[par], hk[j] = hk[j], hk[par]
            hv[par], hv[j] = hv[j], hv[par]
            j = par
        else:
            break
    return size + 1


@njit(cache=True)
def _heap_pop(hk, hv, size):
    """Pop the minimum of the binary min-heap: ``(key, val, new size)``."""
    d = hk[0]
    v = hv[0]
    size -= 1
    hk[0] = hk[size]
    hv[0] = hv[size]
    i = 0
    while True:
        left = 2 * i + 1
        if left >= size:
            break
        c = left
        if left + 1 < size and hk[left + 1] < hk[left]:
            c = left + 1
        if hk[c] < hk[i]:
            hk[i], hk[c] = hk[c], hk[i]
            hv[i], hv[c] = hv[c], hv[i]
            i = c
        else:
            break
    return d, v, size


@njit(cache=True)
def _edge_bc_source(indptr, indices, lengths, weighted, s, dist, sigma, delta, order,
                    done, hk, hv, out):
    n = len(indptr) - 1
    for v in range(n):
        dist[v] = np.inf
        sigma[v] = 0.0
        delta[v] = 0.0
        done[v] = False
    dist[s] = 0.0
    sigma[s] = 1.0
    cnt = 0
    if not weighted:
        order[0] = s
        tail = 1
        head = 0
        while head < tail:
            v = order[head]
            head += 1
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                if dist[u] == np.inf:
                    dist[u] = dist[v] + 1.0
                    order[tail] = u
                    tail += 1
                if dist[u] == dist[v] + 1.0:
                    sigma[u] += sigma[v]
        cnt = tail
    else:
        size = 0
        hk[0] = 0.0
        hv[0] = s
        size = 1
        while size > 0:
            d, v, size = _heap_pop(hk, hv, size)
            if done[v] or d > dist[v]:
                continue
            done[v] = True
            order[cnt] = v
            cnt += 1
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                nd = d + lengths[p]
                if nd < dist[u] - 1e-12 * nd:
                    dist[u] = nd
                    sigma[u] = sigma[v]
                    size = _heap_push(hk, hv, size, nd, u)
                elif abs(nd - dist[u]) <= 1e-12 * nd and not done[u]:
                    sigma[u] += sigma[v]
    for t in range(cnt - 1, -1, -1):
        w = order[t]
        for p in range(indptr[w], indptr[w + 1]):
            u = indices[p]
            step = 1.0 if not weighted else lengths[p]
            # arc w -> u lies on shortest paths from s when dist[u] = dist[w] + step
            if dist[u] < np.inf and abs(dist[u] - (dist[w] + step)) <= 1e-12 * max(
                    dist[u], 1.0):
                c = sigma[w] / sigma[u] * (1.0 + delta[u])
                out[p] += c
                delta[w] += c


@njit(cache=True)
def edge_betweenness_csr(indptr, indices, lengths, weighted, sources):
    """Raw edge betweenness per CSR entry (arc ``v -> indices[p]``): sum over ordered pairs
    ``(s, t)``, ``s`` in ``sources``, of the fraction of shortest ``s-t`` paths using the arc.
    For an undirected graph add the two CSR entries of an edge."""
    n = len(indptr) - 1
    out = np.zeros(len(indices))
    dist = np.empty(n)
    sigma = np.empty(n)
    delta = np.empty(n)
    order = np.empty(n, np.int64)
    done = np.empty(n, np.bool_)
    hk = np.empty(len(indices) + 1)
    hv = np.empty(len(indices) + 1, np.int64)
    for s in sources:
        _edge_bc_source(indptr, indices, lengths, weighted, s, dist, sigma, delta, order,
                        done, hk, hv, out)
    return out


# ---------------------------------------------------------------------------- adaptive betweenness
@njit(cache=True)
def _bc_source_alive(indptr, indices, lengths, weighted, alive, s, dist, sigma, delta, order,
                     hk, hv, done, bc):
    """One Brandes source on the subgraph of ``alive`` nodes; work proportional to the part
    reachable from ``s`` (workspaces are reset only where touched)."""
    dist[s] = 0.0
    sigma[s] = 1.0
    cnt = 0
    if not weighted:
        order[0] = s
        tail = 1
        head = 0
        while head < tail:
            v = order[head]
            head += 1
            dv = dist[v] + 1.0
            sv = sigma[v]
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                if not alive[u]:
                    continue
                if dist[u] == np.inf:
                    dist[u] = dv
                    order[tail] = u
                    tail += 1
                    sigma[u] = sv
                elif dist[u] == dv:
                    sigma[u] += sv
        cnt = tail
        for t in range(cnt - 1, -1, -1):
            v = order[t]
            dv = dist[v] + 1.0
            acc = 0.0
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                if alive[u] and dist[u] == dv:
                    acc += (1.0 + delta[u]) / sigma[u]
            delta[v] = sigma[v] * acc
    else:
        size = 1
        hk[0] = 0.0
        hv[0] = s
        while size > 0:
            d, v, size = _heap_pop(hk, hv, size)
            if done[v] or d > dist[v]:
                continue
            done[v] = True
            order[cnt] = v
            cnt += 1
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                if not alive[u] or done[u]:
                    continue
                nd = d + lengths[p]
                du = dist[u]
                if du == np.inf or nd < du - 1e-10 * du:
                    dist[u] = nd
                    sigma[u] = sigma[v]
                    size = _heap_push(hk, hv, size, nd, u)
                elif abs(nd - du) <= 1e-10 * du:
                    sigma[u] += sigma[v]
        for t in range(cnt - 1, -1, -1):
            v = order[t]
            acc = 0.0
            for p in range(indptr[v], indptr[v + 1]):
                u = indices[p]
                if not alive[u] or dist[u] == np.inf:
                    continue
                target = dist[v] + lengths[p]
                if abs(dist[u] - target) <= 1e-10 * dist[u]:
                    acc += (1.0 + delta[u]) / sigma[u]
            delta[v] = sigma[v] * acc
    for t in range(1, cnt):
        w = order[t]
        bc[w] += delta[w]
    for t in range(cnt):
        w = order[t]
        dist[w] = np.inf
        sigma[w] = 0.0
        delta[w] = 0.0
        done[w] = False


@njit(cache=True)
def _bc_bfs_source(indptr, indices, s, dist, sigma, coef, order, estart, succ, bc, w):
    """One unweighted Brandes source on a compact CSR.

    The forward BFS records, per settled node (in BFS order), its successors on shortest
    paths (``succ[estart[t]:estart[t + 1]]``), so the backward accumulation walks only the
    shortest-path DAG instead of every arc again, with one division per node:
    ``delta_v = sigma_v * sum_{w in succ(v)} (1 + delta_w) / sigma_w``.
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
            x = np.uint64(idx[p]) + np.uint64(0x9E3779B97F4A7C15)
            x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            acc += x ^ (x >> np.uint64(31))
        h[j] = acc
    cand = np.flatnonzero(deg >= 2)
    if len(cand) < 2:
        return mult, extra
    keys_h = h[cand]
    keys_d = deg[cand]
    o1 = np.argsort(keys_h, kind="mergesort")
    o2 = np.argsort(keys_d[o1], kind="mergesort")
    srt = cand[o1[o2]]
    stamp = np.full(nm, -1, np.int64)
    i = 0
    while i < len(srt):
        j = i + 1
        while j < len(srt) and deg[srt[j]] == deg[srt[i]] and h[srt[j]] == h[srt[i]]:
            j += 1
        if j - i > 1 and mult[srt[i]] == 1.0:
            r = srt[i]
            for p in range(ptr[r], ptr[r + 1]):
                stamp[idx[p]] = r
            for t in range(i + 1, j):
                b = srt[t]
                if mult[b] != 1.0:  # has leaves: cannot be a twin
                    continue
                same = True
                for p in range(ptr[b], ptr[b + 1]):
                    if stamp[idx[p]] != r:
                        same = False
                        break
                if same:
                    mult[b] = 0.0
                    mult[r] += 1.0
        i = j
    # closed twins N[a] = N[b] (adjacent, e.g. the members of a clique cell): same argument,
    # from a the twin b has no successor; group by (degree, hash of the closed neighbourhood)
    for j in range(nm):
        x = np.uint64(j) + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        h[j] += x ^ (x >> np.uint64(31))
    keys_h = h[cand]
    o1 = np.argsort(keys_h, kind="mergesort")
    o2 = np.argsort(keys_d[o1], kind="mergesort")
    srt = cand[o1[o2]]
    i = 0
    while i < len(srt):
        j = i + 1
        while j < len(srt) and deg[srt[j]] == deg[srt[i]] and h[srt[j]] == h[srt[i]]:
            j += 1
        if j - i > 1:
            # the representative: the first member still counting exactly once
            r = -1
            for t in range(i, j):
                if mult[srt[t]] == 1.0:
                    r = srt[t]
                    break
            if r >= 0:
                for p in range(ptr[r], ptr[r + 1]):
                    stamp[idx[p]] = nm + r
                stamp[r] = nm + r
                for t in range(i, j):
                    b = srt[t]
                    if b == r or mult[b] != 1.0:
                        continue
                    same = stamp[b] == nm + r
                    if same:
                        for p in range(ptr[b], ptr[b + 1]):
                            if stamp[idx[p]] != nm + r:
                                same = False
                                break
                    if same:
                        mult[b] = 0.0
                        mult[r] += 1.0
        i = j
    return mult, extra


@njit(cache=True)
def _piece_sources_serial(ptr, idx, lng, nm):
    """Weighted Brandes (Dijkstra) from every source of a compact CSR."""
    out = np.zeros(nm)
    order = np.empty(nm, np.int64)
    sigma = np.zeros(nm)
    delta = np.zeros(nm)
    alive = np.ones(nm, np.bool_)
    fdist = np.full(nm, np.inf)
    done = np.zeros(nm, np.bool_)
    hk = np.empty(len(idx) + 1)
    hv = np.empty(len(idx) + 1, np.int64)
    for s in range(nm):
        _bc_source_alive(ptr, idx, lng, True, alive, s, fdist, sigma, delta, order, hk, hv,
                         done, out)
    return out


@njit(cache=True, parallel=True)
def _piece_sources(ptr, idx, lng, weighted, nm, nth):
    """Brandes from every source of a compact CSR, sources split over ``nth`` threads
    (weighted pieces)."""
    loc = np.zeros((nth, nm))
    for c in prange(nth):
        order = np.empty(nm, np.int64)
        sigma = np.zeros(nm)
        delta = np.zeros(nm)
        acc = loc[c]
        alive = np.ones(nm, np.bool_)
        fdist = np.full(nm, np.inf)
        done = np.zeros(nm, np.bool_)
        hk = np.empty(len(idx) + 1)
        hv = np.empty(len(idx) + 1, np.int64)
        for s in range(c, nm, nth):
            _bc_source_alive(ptr, idx, lng, True, alive, s, fdist, sigma, delta, order,
                             hk, hv, done, acc)
    out = np.zeros(nm)
    for c in range(nth):
        out += loc[c]
    return out


# sources of a piece are dealt round-robin to this many accumulators ("lanes"), summed in
# lane order, in the serial and in the parallel path alike: the scores (and so the order)
# do not depend on the number of threads
_LANES = 8


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
            _bc_bfs_source(ptr, idx, s, w_dist[0], w_sigma[0], w_coef[0], w_order[0],
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
            _bc_bfs_source(ptr, idx, s, w_dist[tid], w_sigma[tid], w_coef[tid],
                           w_order[tid], w_estart[tid], w_succ[tid], acc, mult[s])


@njit(cache=True)
def _piece_betweenness(indptr, indices, lengths, weighted, members, nm, local, bc,
                       nthreads, undirected, ws):
    """Exact betweenness of the nodes ``members[:nm]`` (a union of whole components of the
    alive graph) on a compact sub-CSR; ``local`` is -1 outside the members on entry and on
    exit."""
    for j in range(nm):
        local[members[j]] = j
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
    if not weighted:
        if undirected and nm >= 3:
            mult, extra = _source_multiplicity(ptr, idx, nm)
        else:
            mult, extra = np.ones(nm), np.zeros(nm)
        srcs = np.flatnonzero(mult > 0.0)
        w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc = ws
        if nthreads > 1 and nm >= _PARALLEL_MIN:
            _piece_bfs_parallel(ptr.view(np.uint64), idx.view(np.uint32), nm, srcs, mult,
                                w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc)
        else:
            _piece_bfs_serial(ptr.view(np.uint64), idx.view(np.uint32), nm, srcs, mult,
                              w_dist, w_sigma, w_coef, w_order, w_estart, w_succ, w_acc)
        out = _lane_sum(w_acc, extra, nm)
    elif nthreads > 1 and nm >= _PARALLEL_MIN:
        out = _piece_sources(ptr, idx, lng, weighted, nm, nthreads)
    else:
        out = _piece_sources_serial(ptr, idx, lng, nm)
    for j in range(nm):
        bc[members[j]] = out[j]
        local[members[j]] = -1


@njit(cache=True)
def adaptive_betweenness_order(indptr, indices, lengths, weighted, nbr_ptr, nbr_idx,
                               tie_key, n_remove, lcc_only, nthreads, undirected):
    """Adaptive (recompute after every removal) exact betweenness attack.

    Betweenness is additive over (weak) components, so after removing ``v`` only the nodes
    of ``v``'s former component get new values: the component is split into its new pieces
    by BFS, and Brandes' algorithm runs from every source of each piece on a compact copy of
    the piece (so edges to removed nodes are never scanned again). Selection: highest raw
    score; scores within a relative ``1e-9`` (absolute ``1e-12``) of the best are tied and
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
    # workspaces of the unweighted Brandes searches (one row per thread; accumulators:
    # one row per lane), allocated once per attack
    wn = 1 if weighted else n
    wt = max(nthreads, 1) if (nthreads > 1 and n >= _PARALLEL_MIN) else 1
    wm = 0 if weighted else len(indices)
    ws = (np.full((wt, wn), -1, np.int32), np.zeros((wt, wn)), np.zeros((wt, wn)),
          np.empty((wt, wn + 1), np.uint32), np.empty((wt, wn + 1), np.int32),
          np.empty((wt, wm + 1), np.uint32), np.zeros((_LANES, wn)))
    ncomp = 0
    for s in range(n):
        if comp[s] >= 0:
            continue
        comp[s] = ncomp
        queue[0] = s
        head = 0
        tail = 1
        while head < tail:
            v = queue[head]
            head += 1
            for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
                u = nbr_idx[p]
                if comp[u] < 0:
                    comp[u] = ncomp
                    queue[tail] = u
                    tail += 1
        csize[ncomp] = tail
        ncomp += 1
        if tail > 2:
            _piece_betweenness(indptr, indices, lengths, weighted, queue, tail, local, bc,
                                   nthreads, undirected, ws)
    out = np.empty(n_remove, np.int64)
    got = np.empty(n_remove)
    for step in range(n_remove):
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
        thr = best - (1e-9 * abs(best) + 1e-12)
        pick = -1
        for v in range(n):
            if alive[v] and (target_comp < 0 or comp[v] == target_comp) and bc[v] >= thr:
                if pick < 0 or tie_key[v] < tie_key[pick]:
                    pick = v
        v = pick
        out[step] = v
        got[step] = bc[v]
        alive[v] = False
        old = comp[v]
        comp[v] = -1
        # split the old component into its new pieces (BFS from v's alive neighbours)
        for p in range(nbr_ptr[v], nbr_ptr[v + 1]):
            s = nbr_idx[p]
            if not alive[s] or comp[s] != old:
                continue
            comp[s] = ncomp
            queue[0] = s
            head = 0
            tail = 1
            while head < tail:
                x = queue[head]
                head += 1
                for q in range(nbr_ptr[x], nbr_ptr[x + 1]):
                    u = nbr_idx[q]
                    if alive[u] and comp[u] == old:
                        comp[u] = ncomp
                        queue[tail] = u
                        tail += 1
            csize[ncomp] = tail
            ncomp += 1
            if tail > 2:
                _piece_betweenness(indptr, indices, lengths, weighted, queue, tail, local, bc,
                                   nthreads, undirected, ws)
            else:
                for j in range(tail):
                    bc[queue[j]] = 0.0
    return out, got


# ---------------------------------------------------------------------------- ranking
@njit(cache=True)
def tolerance_groups(vals, rtol, atol):
    """Group ids of descending-sorted ``vals``: a new group starts at the first value below
    ``head - (rtol |head| + atol)``, ``head`` being the first value of the current group."""
    n = len(vals)
    out = np.zeros(n, np.int64)
    if n == 0:
        return out
    gid = 0
    head = vals[0]
    for i in range(1, n):
        if vals[i] < head - (rtol * abs(head) + atol):
            gid += 1
            head = vals[i]
        out[i] = gid
    return out
