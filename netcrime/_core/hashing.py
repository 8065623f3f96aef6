"""Open-addressing hash tables on int64 keys for streaming edge lists.

Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

A table is a pair of arrays ``(slot_key, slot_val)`` of a power-of-two capacity; an empty
slot holds :data:`EMPTY` in ``slot_key`` (a key equal to ``EMPTY`` cannot be stored, the
caller maps it out of the way). Linear probing on a multiplicative (Fibonacci) hash. The
caller keeps the load at most :data:`MAX_LOAD` (3/4: linear probing stays short, and a
table for 70 million keys takes 2 GB, not 4) by :func:`grow`.

* :func:`factorize_into` -- give each new 64-bit label the next dense id (0, 1, ...), across
  batches (``label_of_id`` records the labels in order of first appearance);
* :func:`scatter_add` -- add a record count and a value to running per-id totals;
* :func:`grow` -- rehash into a table of twice the capacity;
* :func:`occupied` -- the keys and values in a table, in slot order.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "EMPTY", "MAX_LOAD", "capacity_limit", "factorize_into", "grow", "new_table", "occupied",
    "scatter_add",
]

#: Largest share of occupied slots :func:`grow` allows.
MAX_LOAD = 0.75


def capacity_limit(cap: int) -> int:
    """Number of keys a table of ``cap`` slots holds at :data:`MAX_LOAD`."""
    return (cap * 3) // 4


#: Marker of an empty slot (the smallest int64).
EMPTY = np.iinfo(np.int64).min


def new_table(capacity: int) -> tuple[np.ndarray, np.ndarray]:
    """An empty table of at least ``capacity`` slots (rounded up to a power of two)."""
    cap = 1 << max(4, int(capacity - 1).bit_length())
    return np.full(cap, EMPTY, np.int64), np.zeros(cap, np.int64)


@njit(cache=True, inline="always")
def _slot(key, mask, shift):
    h = np.uint64(key) * np.uint64(0x9E3779B97F4A7C15)
    return np.int64(h >> np.uint64(shift)) & mask


@njit(cache=True)
def _shift(cap):
    bits = 0
    while (1 << bits) < cap:
        bits += 1
    return 64 - bits


@njit(cache=True)
def factorize_into(slot_key, slot_val, labels, ids, start, label_of_id, n_ids, max_ids):
    """Dense ids of ``labels[start:]`` written to ``ids``; new labels get ids ``n_ids,
    n_ids + 1, ...`` and are recorded in ``label_of_id``.

    Stops early when ``n_ids`` reaches ``max_ids`` (the caller then grows the table and
    ``label_of_id`` and calls again from the returned position). Returns
    ``(stop, n_ids_after)``; ``stop == len(labels)`` when every label is done.
    """
    cap = len(slot_key)
    mask = cap - 1
    shift = _shift(cap)
    empty = np.iinfo(np.int64).min
    for i in range(start, len(labels)):
        if n_ids >= max_ids:
            return i, n_ids
        k = labels[i]
        s = _slot(k, mask, shift)
        while True:
            sk = slot_key[s]
            if sk == k:
                ids[i] = slot_val[s]
                break
            if sk == empty:
                slot_key[s] = k
                slot_val[s] = n_ids
                label_of_id[n_ids] = k
                ids[i] = n_ids
                n_ids += 1
                break
            s = (s + 1) & mask
    return len(labels), n_ids


@njit(cache=True)
def scatter_add(total, counts, ids, values):
    """``counts[ids[i]] += 1`` and, if ``values`` is not empty, ``total[ids[i]] += values[i]``."""
    has = len(values) > 0
    for i in range(len(ids)):
        j = ids[i]
        counts[j] += 1
        if has:
            total[j] += values[i]


@njit(cache=True)
def _rehash(old_key, old_val, new_key, new_val):
    cap = len(new_key)
    mask = cap - 1
    shift = _shift(cap)
    empty = np.iinfo(np.int64).min
    for i in range(len(old_key)):
        k = old_key[i]
        if k == empty:
            continue
        s = _slot(k, mask, shift)
        while new_key[s] != empty:
            s = (s + 1) & mask
        new_key[s] = k
        new_val[s] = old_val[i]


def grow(slot_key: np.ndarray, slot_val: np.ndarray, need: int) -> tuple[np.ndarray, np.ndarray]:
    """The table itself if ``need`` keys keep its load at most :data:`MAX_LOAD`, else a
    rehashed table of sufficient power-of-two capacity (at least twice the old one)."""
    if need <= capacity_limit(len(slot_key)):
        return slot_key, slot_val
    cap = 2 * len(slot_key)
    while capacity_limit(cap) < need:
        cap *= 2
    new_key, new_val = new_table(cap)
    _rehash(slot_key, slot_val, new_key, new_val)
    return new_key, new_val


def occupied(slot_key: np.ndarray, slot_val: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(keys, values)`` of the occupied slots, in slot order."""
    full = slot_key != EMPTY
    return slot_key[full], slot_val[full]
