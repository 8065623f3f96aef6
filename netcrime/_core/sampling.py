"""Weighted sampling by alias tables (Walker 1977; Vose 1991), per segment.

Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

* :func:`alias_tables` -- one alias table per segment ``[seg_ptr[s], seg_ptr[s + 1])`` of a
  weight vector (the alias of an entry stays inside its segment);
* :func:`alias_draw` -- draw from given segments in O(1) per draw (two uniforms, two reads),
  instead of a binary search over cumulative weights.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["alias_draw", "alias_tables"]


@njit(cache=True)
def alias_tables(weights, seg_ptr):
    """``(prob, alias)``: Vose's alias method on every segment of ``weights`` (>= 0).

    Entry ``i`` of segment ``s`` is kept with probability ``prob[i]``, else replaced by
    ``alias[i]`` (a position in the same segment). A segment of zero total weight is
    sampled uniformly.
    """
    n = len(weights)
    prob = np.ones(n, np.float64)
    alias = np.arange(n).astype(np.int64)
    small = np.empty(n, np.int64)
    large = np.empty(n, np.int64)
    scaled = np.empty(n, np.float64)
    for s in range(len(seg_ptr) - 1):
        lo = seg_ptr[s]
        hi = seg_ptr[s + 1]
        k = hi - lo
        if k == 0:
            continue
        tot = 0.0
        for i in range(lo, hi):
            tot += weights[i]
        if tot <= 0.0:
            continue
        ns = 0
        nl = 0
        for i in range(lo, hi):
            scaled[i] = weights[i] * k / tot
            if scaled[i] < 1.0:
                small[ns] = i
                ns += 1
            else:
                large[nl] = i
                nl += 1
        while ns > 0 and nl > 0:
            ns -= 1
            a = small[ns]
            b = large[nl - 1]
            prob[a] = scaled[a]
            alias[a] = b
            scaled[b] = (scaled[b] + scaled[a]) - 1.0
            if scaled[b] < 1.0:
                nl -= 1
                small[ns] = b
                ns += 1
        # leftovers (rounding): kept with probability 1 (prob already 1)
    return prob, alias


@njit(cache=True)
def alias_draw(prob, alias, seg_start, seg_size, u1, u2):
    """One draw per ``i`` from the segment starting at ``seg_start[i]`` of ``seg_size[i]``
    entries (arrays of length 1 apply to every draw), using uniforms ``u1``, ``u2``."""
    n = len(u1)
    out = np.empty(n, np.int64)
    one = len(seg_start) == 1
    for i in range(n):
        j = 0 if one else i
        k = seg_size[j]
        x = seg_start[j] + min(np.int64(u1[i] * k), k - 1)
        out[i] = x if u2[i] < prob[x] else alias[x]
    return out
