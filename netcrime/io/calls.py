"""Call-detail records (Parquet or CSV, any size) into a Graph between 64-bit numbers.

:func:`read_call_records` streams the file in chunks (pyarrow), so memory grows with the
number of distinct numbers and distinct pairs, not with the number of records:

1. each chunk's two number columns are mapped to dense ids by one open-addressing hash
   table on int64 keys kept across chunks (new numbers get the next id, in order of first
   appearance);
2. each record's pair of ids is packed into one int64 key (``id_a << 32 | id_b``; for an
   undirected graph ``min, max``) and a second hash table gives the pair's row in running
   per-pair totals (record count, sum of the weight column);
3. after the last chunk the pairs are sorted once and the Graph is built from them.

The kernels are in ``netcrime/_core/hashing.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._core import capacity_limit, factorize_into, grow, new_table, scatter_add
from .._validation import check_bool, check_choice, check_int, param_error
from ..exceptions import MemoryLimitError
from ..graph import Graph
from ._common import check_file, file_error

__all__ = ["read_call_records"]

_AGGREGATES = ("count", "sum")
_FORMATS = ("parquet", "csv")
_MAX_IDS = 2**31 - 1
_EMPTY = np.iinfo(np.int64).min
#: The memory estimate of :func:`read_call_records` (bytes; see its Notes): per distinct
#: pair at the peak (hash table of 16-byte slots at load 3/8-3/4 while it doubles, pair key
#: and running count in arrays that double, then the sort and the Graph's CSR), extra per
#: pair with a summed weight column, per distinct number, per record of the chunk in flight
#: (the Arrow batch, the id and pair-key arrays), and a fixed part (the initial tables).
_BYTES_PER_PAIR = 96
_BYTES_PER_SUM = 16
_BYTES_PER_NUMBER = 48
_BYTES_PER_CHUNK_ROW = 96
_BYTES_FIXED = 64 * 2**20
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
#: Bytes of a CSV file sampled to estimate its bytes per row.
_CSV_SAMPLE = 1 << 20


def _pyarrow(func: str) -> Any:
    try:
        import pyarrow
        import pyarrow.csv
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - pyarrow is a dependency of the 'scale' extra
        raise ImportError(f"{func}() needs pyarrow: pip install 'netcrime[scale]'") from None
    return pyarrow


def _batches(p: Path, fmt: str, cols: list[str], weight: str | None,
             chunksize: int) -> Iterator[Any]:
    pa = _pyarrow("read_call_records")
    if fmt == "parquet":
        pf = pa.parquet.ParquetFile(p)
        yield from pf.iter_batches(batch_size=chunksize, columns=cols)
        return
    types = {c: pa.int64() for c in cols if c != weight}
    if weight is not None:
        types[weight] = pa.float64()
    reader = pa.csv.open_csv(
        p, read_options=pa.csv.ReadOptions(block_size=max(1 << 20, min(chunksize * 32, 1 << 30))),
        convert_options=pa.csv.ConvertOptions(include_columns=cols, column_types=types),
    )
    yield from reader


def _check_columns(p: Path, fmt: str, func: str, named: dict[str, Any]) -> None:
    """Each of ``named`` (parameter -> column name) is a column of the file (else a
    ParameterError naming the parameter and listing the columns)."""
    pa = _pyarrow(func)
    try:
        if fmt == "parquet":
            names = list(pa.parquet.ParquetFile(p).schema_arrow.names)
        else:
            names = list(pa.csv.open_csv(p).schema.names)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise file_error(p, None, f"cannot be read as {fmt}: {exc}") from None
    for param, col in named.items():
        if col is not None and col not in names:
            raise param_error(func, param, f"a column of {p.name} {names!r}"[:300], col)


def _column(p: Path, batch: Any, name: str, numeric: bool) -> np.ndarray:
    pa = _pyarrow("read_call_records")
    col = batch.column(batch.schema.get_field_index(name))
    if col.null_count:
        raise file_error(p, None, f"column {name!r} has missing values")
    if numeric:
        if not (pa.types.is_integer(col.type) or pa.types.is_floating(col.type)):
            raise file_error(p, None, f"column {name!r} must hold numbers; it is {col.type}")
        return np.asarray(col.to_numpy(zero_copy_only=False), dtype=np.float64)
    if not pa.types.is_integer(col.type):
        raise file_error(p, None, f"column {name!r} must hold integer phone numbers (64-bit); "
                         f"it is {col.type}")
    if pa.types.is_uint64(col.type):
        a = col.to_numpy(zero_copy_only=False)
        if len(a) and a.max() > np.iinfo(np.int64).max:
            raise file_error(p, None, f"column {name!r} holds a number above 2**63 - 1 "
                             f"({int(a.max())}): labels must fit in 64-bit signed integers")
    a = np.asarray(col.to_numpy(zero_copy_only=False), dtype=np.int64)
    if len(a) and a.min() == _EMPTY:
        raise file_error(p, None, f"column {name!r} holds -2**63, which is reserved")
    return a


class _Accumulator:
    """The two hash tables and the running per-pair totals."""

    def __init__(self, directed: bool, summed: bool) -> None:
        self.directed = directed
        self.lab_key, self.lab_val = new_table(1 << 20)
        self.lab_back = np.empty(1 << 15, np.int64)  # label of each id
        self.n_lab = 0
        self.pair_key, self.pair_val = new_table(1 << 21)
        self.pair_back = np.empty(1 << 15, np.int64)  # pair key of each pair id
        self.n_pair = 0
        self.count = np.zeros(1 << 15, np.int64)
        self.total = np.zeros(1 << 15 if summed else 0, np.float64)

    def _factorize(self, which: str, values: np.ndarray) -> np.ndarray:
        """Dense ids of ``values`` in the ``"lab"`` or ``"pair"`` table, growing the table
        (load at most 3/4) and the id-to-key array as new keys arrive."""
        key, val = getattr(self, which + "_key"), getattr(self, which + "_val")
        back, n = getattr(self, which + "_back"), getattr(self, "n_" + which)
        ids = np.empty(len(values), np.int64)
        pos = 0
        while True:
            limit = min(capacity_limit(len(key)), len(back))
            pos, n = factorize_into(key, val, values, ids, pos, back, n, limit)
            if pos == len(values):
                break
            if n >= capacity_limit(len(key)):
                key, val = grow(key, val, n + 1)
            if n >= len(back):
                back = _room(back, n + 1)
        setattr(self, which + "_key", key)
        setattr(self, which + "_val", val)
        setattr(self, which + "_back", back)
        setattr(self, "n_" + which, n)
        return ids

    def add(self, p: Path, a: np.ndarray, b: np.ndarray, w: np.ndarray) -> None:
        ab = np.empty(2 * len(a), np.int64)  # row by row: ids in order of first appearance
        ab[0::2] = a
        ab[1::2] = b
        ids = self._factorize("lab", ab)
        del ab
        if self.n_lab > _MAX_IDS:
            raise file_error(p, None, f"more than {_MAX_IDS} distinct numbers")
        ia = ids[0::2].copy()
        ib = ids[1::2]
        if not self.directed:
            ia, ib = np.minimum(ia, ib), np.maximum(ia, ib)
        ia <<= 32
        ia |= ib
        del ib, ids
        pid = self._factorize("pair", ia)
        del ia
        self.count = _room(self.count, self.n_pair, zero=True)
        if len(self.total):
            self.total = _room(self.total, self.n_pair, zero=True)
        scatter_add(self.total, self.count, pid, w)

    def graph(self, directed: bool, weight: str | None, meta: dict) -> Graph:
        # the hash tables are no longer needed: free them before sorting
        del self.lab_key, self.lab_val, self.pair_key, self.pair_val
        n, m = self.n_lab, self.n_pair
        key = self.pair_back[:m]
        order = np.argsort(key)
        key = key[order]
        src = key >> 32
        key &= 0xFFFFFFFF
        ea = {"weight": self.count[:m][order].astype(np.float64)}
        if weight is not None:
            ea = {"weight": self.total[:m][order], "count": self.count[:m][order]}
        del order
        nodes = pd.Index(self.lab_back[:n].copy(), dtype=np.int64)
        # the running arrays (up to twice the pairs each) are copied out: free them before
        # the Graph's CSR is built (the read's peak: ~2 GB less at 72M pairs)
        del self.pair_back, self.count, self.total, self.lab_back
        return Graph.from_positions(
            n, src, key, directed=directed, nodes=nodes, edge_attrs=pd.DataFrame(ea),
            multiedges="error", meta=meta, func="read_call_records",
        )


def _room(a: np.ndarray, need: int, *, zero: bool = False) -> np.ndarray:
    if need <= len(a):
        return a
    out = (np.zeros if zero else np.empty)(max(need, 2 * len(a)), a.dtype)
    out[: len(a)] = a
    return out


def _parse_memory(v: Any, func: str) -> int | None:
    """``max_memory`` as bytes: an int, or a string such as ``"8GB"`` / ``"512 MiB"``."""
    if v is None:
        return None
    rule = ("a number of bytes (int >= 1) or a string such as '8GB' or '512MiB' "
            "(units B, KB, MB, GB, TB = powers of 1000; KiB, MiB, GiB, TiB = powers of 1024)")
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        if v < 1:
            raise param_error(func, "max_memory", rule, v)
        return int(v)
    if isinstance(v, str):
        text = v.strip().lower().replace(" ", "")
        num = text.rstrip("kmgtib")
        unit = text[len(num):]
        try:
            value = float(num)
        except ValueError:
            value = -1.0
        if unit in _UNITS and np.isfinite(value) and value * _UNITS[unit] >= 1:
            return int(value * _UNITS[unit])
    raise param_error(func, "max_memory", rule, v)


def _n_records(p: Path, fmt: str) -> tuple[int, str]:
    """Records in the file and how that is known: Parquet metadata (exact), or for CSV the
    file size over the mean bytes per line of its first megabyte (an estimate)."""
    if fmt == "parquet":
        pa = _pyarrow("read_call_records")
        try:
            return pa.parquet.ParquetFile(p).metadata.num_rows, "rows in the Parquet metadata"
        except (OSError, ValueError) as exc:
            raise file_error(p, None, f"cannot be read as parquet: {exc}") from None
    size = p.stat().st_size
    with open(p, "rb") as fh:
        head = fh.read(_CSV_SAMPLE)
    lines = max(1, head.count(b"\n"))
    return max(0, round(size / (len(head) / lines)) - 1), "rows estimated from the file size"


def _gib(b: float) -> str:
    return f"{b / 2**30:.2f} GiB" if b >= 2**26 else f"{b / 2**20:.3g} MiB"


def _estimate(records: int, chunk: int, summed: bool, pairs: float = 0.0,
              numbers: float = 0.0) -> float:
    """Peak bytes of a read of ``records`` records that ends with ``pairs`` distinct pairs
    and ``numbers`` distinct numbers (see :func:`read_call_records`' Notes)."""
    per_pair = _BYTES_PER_PAIR + (_BYTES_PER_SUM if summed else 0)
    return (_BYTES_FIXED + per_pair * pairs + _BYTES_PER_NUMBER * numbers
            + _BYTES_PER_CHUNK_ROW * min(chunk, records))


class _Budget:
    """The ``max_memory`` check: after each piece of records, the distinct pairs and
    numbers projected to the whole file (seen so far + the rate of new ones in the latest
    piece x the records left), and the estimated peak against the limit."""

    def __init__(self, p: Path, limit: int, fmt: str, chunk: int, summed: bool) -> None:
        self.p, self.limit, self.chunk, self.summed = p, limit, chunk, summed
        self.total, self.how = _n_records(p, fmt)
        self.done = self.pairs = self.numbers = 0
        self.check(_estimate(self.total, chunk, summed), "before reading")

    def check(self, need: float, when: str) -> None:
        if need > self.limit:
            raise MemoryLimitError(
                f"read_call_records(): {self.p.name} needs about {_gib(need)} of memory "
                f"({self.total:,} {self.how}; {when}), above max_memory={self.limit:,} "
                f"bytes ({_gib(self.limit)}). Give more memory, or split the file (e.g. by "
                "time period) and read the parts separately."
            )

    def after(self, acc: _Accumulator, rows: int, check: bool = True) -> None:
        """Check after ``rows`` more records went into ``acc`` (``check=False``: only
        count them)."""
        if rows == 0:
            return
        self.total = max(self.total, self.done + rows)
        left = self.total - self.done - rows
        new_p, new_n = acc.n_pair - self.pairs, acc.n_lab - self.numbers
        pairs = min(acc.n_pair + new_p / rows * left, self.total)
        numbers = min(acc.n_lab + new_n / rows * left, 2.0 * pairs)
        self.done += rows
        self.pairs, self.numbers = acc.n_pair, acc.n_lab
        if check:
            self.check(_estimate(self.total, self.chunk, self.summed, pairs, numbers),
                       f"projected {pairs:,.0f} distinct pairs and {numbers:,.0f} numbers "
                       f"from the first {self.done:,} records")


def read_call_records(
    path: str | os.PathLike,
    /,
    *,
    source: str,
    target: str,
    directed: bool,
    weight: str | None = None,
    aggregate: str = "count",
    chunksize: int = 4_000_000,
    format: str | None = None,
    max_memory: int | str | None = None,
) -> Graph:
    r"""Read call-detail records (one row per call) into a network between phone numbers.

    Streams the file in chunks: memory grows with the number of distinct numbers and
    distinct pairs, never with the number of records. Repeated calls between the same pair
    are aggregated into one edge.

    Parameters
    ----------
    path : str or os.PathLike
        A Parquet file (``.parquet``, ``.pq``) or a CSV file with a header row (``.csv``).
    source, target : str
        The columns holding the caller's and the callee's numbers: integers that fit in a
        signed 64-bit integer (phone numbers such as ``447700900123``; any width of integer
        column; not text).
    directed : bool
        True: ``caller -> callee`` arcs; False: one undirected tie per unordered pair.
        Never guessed from the data.
    weight : str, optional
        A numeric column (e.g. call duration) summed per pair with ``aggregate="sum"``.
    aggregate : {"count", "sum"}
        What the ``"weight"`` edge attribute holds: ``"count"`` (default) the number of
        records of the pair; ``"sum"`` the total of the ``weight`` column (the edges then
        also carry ``"count"``).
    chunksize : int >= 1
        Records per chunk (Parquet batches; for CSV, blocks of about ``32 * chunksize``
        bytes). Default 4,000,000 (about 100 MB of columns at a time).
    format : {"parquet", "csv"}, optional
        Overrides the file extension.
    max_memory : int or str, optional
        A limit on the memory the read may take: bytes, or a string such as ``"8GB"``,
        ``"512MiB"`` (KB, MB, GB, TB: powers of 1000; KiB, MiB, GiB, TiB: powers of 1024).
        The read stops with :class:`~netcrime.exceptions.MemoryLimitError` as soon as its
        estimated peak (Notes) exceeds the limit: before reading when the chunk in flight
        alone does not fit, then after each chunk. Default None: no limit.

    Returns
    -------
    Graph
        Nodes labelled by number (int64 ``Index``, in order of first appearance in the
        file); edge attribute ``"weight"`` (float64) as chosen by ``aggregate``, plus
        ``"count"`` (int64) with ``aggregate="sum"``. Self-calls are kept as loops.

    Raises
    ------
    ParameterError
        A bad parameter, ``aggregate="sum"`` without ``weight``, no file at ``path``, a
        ``source``/``target``/``weight`` that is not a column of the file.
    GraphFormatError
        A number column is not integer, has missing values or a
        number above ``2**63 - 1``, or there are more than ``2**31 - 1`` distinct numbers;
        the message names the file.
    MemoryLimitError
        The estimated peak memory exceeds ``max_memory``; the message names the file, the
        estimate and the limit.

    Notes
    -----
    ``O(records)`` expected time (two hash-table probes per record) plus one sort of the
    distinct pairs. Memory grows with the distinct pairs and numbers, not the records.

    The memory estimate checked against ``max_memory``, in bytes, is

    .. math:: 64\,\mathrm{MiB} + (96 + 16 s) P + 48 N + 96 \min(c, R)

    with ``R`` the records in the file (Parquet: its metadata; CSV: the file size over
    the mean bytes per line of its first megabyte), ``c`` the chunksize, ``s = 1`` with
    ``aggregate="sum"``, and ``P``, ``N`` the distinct pairs and numbers projected to the
    whole file: after ``r`` records holding ``p`` pairs and ``n`` numbers, of which the
    latest ``r'`` records brought ``p'`` new pairs and ``n'`` new numbers,
    ``P = min(R, p + p' (R - r) / r')`` and ``N = min(2P, n + n' (R - r) / r')`` (the
    first chunk is taken in two halves, the rates from the second). Before reading,
    ``P = N = 0`` (only the chunk in flight). In records of random order the rate of new
    pairs only falls as the read goes on, so the projection errs high early and converges
    to the read's own need; it is not a guarantee for records sorted so that new pairs
    come last (those are caught at a later chunk). The constants are the peak bytes of
    the data structures (hash tables at load 3/8 to 3/4 while doubling, arrays that
    double, the final sort and CSR); the measured peaks are in
    ``benchmarks/results/national.md``.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> calls, _ = nc.generators.call_records(n_persons=300, n_calls=5000, rng=2)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d) / "calls.parquet"
    ...     calls.to_parquet(f)
    ...     g = nc.io.read_call_records(f, source="caller", target="callee",
    ...                                 directed=True, chunksize=1000)
    >>> g.nodes.dtype, int(g.edge_attrs["weight"].sum())
    (dtype('int64'), 5000)
    """
    func = "read_call_records"
    p = check_file(path, func)
    directed = check_bool(directed, func=func, param="directed")
    aggregate = check_choice(aggregate, _AGGREGATES, func=func, param="aggregate")
    chunksize = check_int(chunksize, func=func, param="chunksize", min=1)
    for name, v in (("source", source), ("target", target)):
        if not isinstance(v, str):
            raise param_error(func, name, "a column name (str)", v)
    if weight is not None and not isinstance(weight, str):
        raise param_error(func, "weight", "None or a column name (str)", weight)
    if aggregate == "sum" and not isinstance(weight, str):
        raise param_error(func, "weight", "a column name when aggregate='sum'", weight)
    if aggregate == "count":
        weight = None
    fmt = _format(p, format, func)
    limit = _parse_memory(max_memory, func)
    _check_columns(p, fmt, func, {"source": source, "target": target, "weight": weight})
    cols = list(dict.fromkeys([source, target] + ([weight] if weight else [])))
    budget = None if limit is None else _Budget(p, limit, fmt, chunksize, bool(weight))
    acc = _Accumulator(directed, weight is not None)
    empty = np.zeros(0, np.float64)
    n_records = 0
    try:
        for batch in _batches(p, fmt, cols, weight, chunksize):
            a = _column(p, batch, source, False)
            b = _column(p, batch, target, False)
            w = _column(p, batch, weight, True) if weight else empty
            _add(acc, p, a, b, w, budget)
            n_records += len(a)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise file_error(p, None, f"cannot be read as {fmt}: {exc}") from None
    meta = {"source_file": p.name, "n_records": n_records}
    return acc.graph(directed, weight, meta)


def _add(acc: _Accumulator, p: Path, a: np.ndarray, b: np.ndarray, w: np.ndarray,
         budget: _Budget | None) -> None:
    """One chunk into the accumulator, checked against the memory budget; the first chunk
    in two halves, so that the rate of new pairs comes from its second half."""
    if budget is None:
        acc.add(p, a, b, w)
        return
    h = len(a) // 2 if budget.done == 0 else 0
    if h:  # the first half only sets the baseline of the rate
        acc.add(p, a[:h], b[:h], w[:h] if len(w) else w)
        budget.after(acc, h, check=False)
    acc.add(p, a[h:], b[h:], w[h:] if len(w) else w)
    budget.after(acc, len(a) - h)


def _format(p: Path, format: str | None, func: str) -> str:
    if format is not None:
        return check_choice(format, _FORMATS, func=func, param="format")
    ext = p.suffix.lower()
    if ext in (".parquet", ".pq"):
        return "parquet"
    if ext == ".csv":
        return "csv"
    raise param_error(func, "path", "a file name ending in .parquet, .pq or .csv "
                      "(or pass format=)", p.name)
