"""Score ties: when two *scores* (centralities, attack priorities) count as equal.

This is not the rule for equal *path lengths* (see
:data:`netcrime._core.brandes.EQUAL_LENGTH_RTOL`): it decides which nodes an attack
strategy treats as tied for removal. Two scores are tied when the lower is within
``SCORE_RTOL * |best| + SCORE_ATOL`` of the best one, so round-off in a sum of path
fractions never decides which node goes first; the caller then breaks the tie by its own
deterministic key.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["SCORE_ATOL", "SCORE_RTOL", "tie_threshold", "tolerance_groups"]

SCORE_RTOL = 1e-9
SCORE_ATOL = 1e-12


@njit(cache=True, inline="always")
def tie_threshold(best):
    """Lowest score still tied with ``best``."""
    return best - (SCORE_RTOL * abs(best) + SCORE_ATOL)


@njit(cache=True)
def tolerance_groups(vals, rtol=SCORE_RTOL, atol=SCORE_ATOL):
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
