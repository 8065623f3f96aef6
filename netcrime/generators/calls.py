"""Synthetic call-detail records (CDRs) at national scale.

A call-detail record is one row per call: caller number, callee number, start time,
duration. Analysts receive them as tables of hundreds of millions of rows between 64-bit
phone numbers, not as a network; :func:`call_records` produces such a table so that the
pipeline that turns it into a network (:func:`netcrime.io.read_call_records`) can be
taught, tested and benchmarked without real data.

Why a table and not a Graph
---------------------------
Every other generator returns a :class:`~netcrime.Graph` with the ground truth in
``node_attrs``. A CDR table is the input of network construction, not its result: the same
calls give different networks by the analyst's choices (directed or not, counts or total
duration as weights, a time window, numbers merged into persons or not), and the records
must be written to Parquet or CSV to exercise the readers. So :func:`call_records` returns
two tidy tables: ``calls`` (one row per call) and ``numbers`` (one row per phone number,
the ground truth). The ground truth is a separate table, not ``calls.attrs``: pandas
deep-copies ``attrs`` into every frame derived from the table, which would copy the number
table on every filter of a 100-million-row frame.

The model (all vectorised; no Python loop per call or per person)
-----------------------------------------------------------------
* persons belong to ``n_communities`` communities of lognormal sizes;
* each person has a call propensity ``a ~ Pareto(activity_tail)`` (heavy tail: a few
  persons make most calls; the tail index of calls per person is ``activity_tail``);
* the caller of each call is drawn with probability proportional to ``a``; the callee with
  probability ``p_within`` from the caller's community, otherwise from everyone, in both
  cases proportionally to ``a`` (self-calls are redrawn);
* each person has one number; a share ``burner_share`` of persons hold 2 to 5 numbers
  ("burner" phones) and use one of them at random for each call;
* start times over ``days`` days from ``start``, with a daily rhythm (few calls at night,
  peaks at midday and in the evening) and a weekly one (weekends at 70 %); durations in
  seconds, lognormal with median 60 s.

Numbers are 12-digit integers ``447xxxxxxxxx`` (the shape of UK mobile numbers in E.164
without the ``+``); they are drawn at random and are fictional.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from .._core import alias_draw, alias_tables
from .._validation import MAX_GENERATED, check_float, check_int, check_rng, param_error

__all__ = ["call_record_chunks", "call_records"]

#: First digits of every generated number (a UK-mobile-like 12-digit number).
NUMBER_PREFIX = 447_000_000_000
_NUMBER_SPACE = 1_000_000_000
# share of calls in each hour of the day (sums to 1 after normalisation)
_HOURLY = np.array([0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 1.8, 2.0, 2.1,
                    2.2, 2.0, 1.9, 1.9, 2.0, 2.1, 2.3, 2.4, 2.2, 1.6, 1.0, 0.6])


class _Population:
    """Persons, communities, propensities and numbers shared by every chunk of calls."""

    def __init__(self, n_persons: int, n_communities: int, activity_tail: float,
                 burner_share: float, rng: np.random.Generator) -> None:
        sizes = rng.lognormal(0.0, 1.0, n_communities)
        cum = np.cumsum(sizes) / sizes.sum()
        comm = np.searchsorted(cum, rng.random(n_persons), side="right")
        comm = np.minimum(comm, n_communities - 1)
        comm.sort()  # persons of a community are contiguous: person ids by community
        self.community = comm
        self.cstart = np.searchsorted(comm, np.arange(n_communities + 1))
        self.activity = 1.0 + rng.pareto(activity_tail, n_persons)
        self.glob = alias_tables(self.activity, np.array([0, n_persons], np.int64))
        self.local = alias_tables(self.activity, self.cstart.astype(np.int64))
        self.csize = np.diff(self.cstart).astype(np.int64)
        self.n = n_persons
        n_extra = np.zeros(n_persons, np.int64)
        burner = rng.random(n_persons) < burner_share
        n_extra[burner] = rng.integers(1, 5, int(burner.sum()))
        per = 1 + n_extra
        self.num_ptr = np.concatenate([[0], np.cumsum(per)])
        total = int(self.num_ptr[-1])
        person = np.repeat(np.arange(n_persons, dtype=np.int64), per)
        self.numbers = NUMBER_PREFIX + _unique_draw(total, rng)
        first = np.zeros(total, bool)
        first[self.num_ptr[:-1]] = True
        self.table = pd.DataFrame({
            "number": self.numbers,
            "person": person,
            "community": self.community[person],
            "burner": ~first,
        })

    def pick(self, rng: np.random.Generator, k: int, comm: np.ndarray | None) -> np.ndarray:
        """``k`` persons drawn proportionally to activity (within ``comm`` if given)."""
        u1 = rng.random(k)
        u2 = rng.random(k)
        if comm is None:
            prob, alias = self.glob
            return alias_draw(prob, alias, np.zeros(1, np.int64),
                              np.array([self.n], np.int64), u1, u2)
        prob, alias = self.local
        return alias_draw(prob, alias, self.cstart[comm].astype(np.int64), self.csize[comm],
                          u1, u2)

    def number_of(self, person: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        lo = self.num_ptr[person]
        k = self.num_ptr[person + 1] - lo
        return self.numbers[lo + (rng.random(len(person)) * k).astype(np.int64)]


def _unique_draw(size: int, rng: np.random.Generator) -> np.ndarray:
    """``size`` distinct integers in ``[0, 10**9)`` in random order."""
    out = np.zeros(0, np.int64)
    while len(out) < size:
        x = np.concatenate([out, rng.integers(0, _NUMBER_SPACE, int(1.1 * size) + 64)])
        _, first = np.unique(x, return_index=True)
        out = x[np.sort(first)][:size]
    return out


def _calls(pop: _Population, n: int, p_within: float, t0: np.datetime64, days: int,
           rng: np.random.Generator) -> pd.DataFrame:
    caller = pop.pick(rng, n, None)
    within = rng.random(n) < p_within
    callee = np.empty(n, np.int64)
    callee[within] = pop.pick(rng, int(within.sum()), pop.community[caller[within]])
    callee[~within] = pop.pick(rng, int((~within).sum()), None)
    for it in range(100):
        same = np.flatnonzero(callee == caller)
        if len(same) == 0:
            break
        # redraw self-calls by the same rule first (keeps the community share), then from
        # everyone (a community of one person)
        comm = pop.community[caller[same]] if it < 20 else None
        if comm is not None:
            glob = ~within[same]
            redo = pop.pick(rng, len(same), comm)
            redo[glob] = pop.pick(rng, int(glob.sum()), None)
        else:
            redo = pop.pick(rng, len(same), None)
        callee[same] = redo
    else:  # pragma: no cover - only a population of one person calls itself for ever
        raise param_error("call_records", "n_persons", "at least 2", 1)
    # daily and weekly rhythm: a day (weekends at 70 %), an hour, a second within the hour
    weekday = (np.arange(days) + (t0.astype("datetime64[D]").astype(np.int64) + 3)) % 7
    pday = np.where(weekday >= 5, 0.7, 1.0)
    day = rng.choice(days, size=n, p=pday / pday.sum())
    hour = rng.choice(24, size=n, p=_HOURLY / _HOURLY.sum())
    sec = day * 86400 + hour * 3600 + rng.integers(0, 3600, n)
    # rows are independent and identically distributed, so handing the sorted times to the
    # rows in order gives the same joint law as sorting the rows by time (no argsort)
    sec.sort()
    start = t0.astype("datetime64[s]") + sec.astype("timedelta64[s]")
    dur = np.maximum(1, rng.lognormal(np.log(60.0), 1.0, n)).astype(np.int32)
    return pd.DataFrame({
        "caller": pop.number_of(caller, rng),
        "callee": pop.number_of(callee, rng),
        "start": start.astype("datetime64[ns]"),
        "duration": dur,
    })


def _setup(n_persons: Any, n_calls: Any, n_communities: Any, p_within: Any,
           activity_tail: Any, burner_share: Any, start: Any, days: Any, rng: Any,
           func: str) -> tuple:
    n_persons = check_int(n_persons, func=func, param="n_persons", min=2,
                          max=_NUMBER_SPACE // 2)
    n_calls = check_int(n_calls, func=func, param="n_calls", min=0, cap=MAX_GENERATED)
    if n_communities is None:
        n_communities = max(1, n_persons // 100)
    n_communities = check_int(n_communities, func=func, param="n_communities", min=1,
                              max=n_persons)
    p_within = check_float(p_within, func=func, param="p_within", min=0.0, max=1.0)
    activity_tail = check_float(activity_tail, func=func, param="activity_tail", min=0.0,
                                min_open=True)
    burner_share = check_float(burner_share, func=func, param="burner_share", min=0.0,
                               max=1.0)
    days = check_int(days, func=func, param="days", min=1, cap=MAX_GENERATED)
    try:
        t0 = np.datetime64(pd.Timestamp(start).to_datetime64(), "s")
    except (ValueError, TypeError):
        raise param_error(func, "start", "a date (str, datetime or Timestamp)", start) from None
    gen = check_rng(rng, func=func)
    pop = _Population(n_persons, n_communities, activity_tail, burner_share, gen)
    return pop, n_calls, p_within, t0, days, gen


def call_records(
    *,
    n_persons: int,
    n_calls: int,
    n_communities: int | None = None,
    p_within: float = 0.9,
    activity_tail: float = 1.5,
    burner_share: float = 0.01,
    start: Any = "2026-01-05",
    days: int = 28,
    rng: Any = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    r"""Synthetic call-detail records between 64-bit phone numbers, with ground truth.

    Parameters
    ----------
    n_persons : int >= 2
        Number of persons (each holds one or more numbers).
    n_calls : int >= 0
        Number of calls (rows of ``calls``).
    n_communities : int, optional
        Number of communities (default ``max(1, n_persons // 100)``); sizes are lognormal.
    p_within : float in [0, 1]
        Probability that the callee is drawn from the caller's community (default 0.9);
        otherwise from the whole population.
    activity_tail : float > 0
        Tail index of the Pareto call propensity ``a = 1 + Lomax(activity_tail)``: the share
        of persons making more than ``x`` times the minimum number of calls falls as
        ``x ** -activity_tail`` (default 1.5: infinite variance, a few very active phones).
    burner_share : float in [0, 1]
        Share of persons who hold 2 to 5 numbers (default 0.01).
    start : date-like
        First day of the period (default ``"2026-01-05"``, a Monday).
    days : int >= 1
        Length of the period in days (default 28).
    rng : int, numpy Generator or None
        Seed or generator; the same seed gives the same tables.

    Returns
    -------
    calls : pandas.DataFrame
        One row per call, sorted by ``start``: ``caller``, ``callee`` (int64 numbers),
        ``start`` (datetime64[ns]), ``duration`` (int32 seconds, >= 1).
    numbers : pandas.DataFrame
        Ground truth, one row per number: ``number`` (int64), ``person`` (int64, 0..P-1),
        ``community`` (int64), ``burner`` (bool: a person's second and further numbers).

    See Also
    --------
    call_record_chunks : the same model in chunks, for tables larger than memory.
    netcrime.io.read_call_records : Parquet or CSV call records into a Graph.

    Notes
    -----
    The model is stated in :mod:`netcrime.generators.calls`. Heavy-tailed activity and
    community structure are the two regularities of large call graphs (Onnela et al. 2007,
    doi:10.1073/pnas.0610245104; Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008);
    the parameters are illustrative, not fitted to an operator's data. ``O(n_calls log
    n_persons)`` time; about 40 bytes of memory per call.

    Examples
    --------
    >>> import netcrime as nc
    >>> calls, numbers = nc.generators.call_records(n_persons=1000, n_calls=20000, rng=1)
    >>> list(calls.columns), calls["caller"].dtype
    (['caller', 'callee', 'start', 'duration'], dtype('int64'))
    >>> bool(calls["caller"].isin(numbers["number"]).all())
    True
    >>> numbers["number"].is_unique, len(numbers) > 1000
    (True, True)
    """
    pop, n_calls, p_within, t0, days, gen = _setup(
        n_persons, n_calls, n_communities, p_within, activity_tail, burner_share, start,
        days, rng, "call_records")
    return _calls(pop, n_calls, p_within, t0, days, gen), pop.table


def call_record_chunks(
    *,
    n_persons: int,
    n_calls: int,
    chunksize: int = 10_000_000,
    n_communities: int | None = None,
    p_within: float = 0.9,
    activity_tail: float = 1.5,
    burner_share: float = 0.01,
    start: Any = "2026-01-05",
    days: int = 28,
    rng: Any = None,
) -> tuple[pd.DataFrame, Iterator[pd.DataFrame]]:
    """:func:`call_records` in chunks of at most ``chunksize`` calls, for 10^8 calls and more.

    Parameters are those of :func:`call_records`, plus ``chunksize`` (int >= 1, rows per
    chunk). Every chunk is drawn from the same population and period (so each is sorted by
    ``start`` on its own, not the concatenation); chunk ``i`` uses the ``i``-th child of the
    seed (``SeedSequence.spawn``), so the chunks are reproducible.

    Returns
    -------
    numbers : pandas.DataFrame
        The ground truth, as in :func:`call_records`.
    chunks : iterator of pandas.DataFrame
        Tables of calls with the columns of :func:`call_records`; ``n_calls`` rows in total.

    Examples
    --------
    >>> import netcrime as nc
    >>> numbers, chunks = nc.generators.call_record_chunks(
    ...     n_persons=500, n_calls=2500, chunksize=1000, rng=3)
    >>> [len(c) for c in chunks]
    [1000, 1000, 500]
    """
    func = "call_record_chunks"
    chunksize = check_int(chunksize, func=func, param="chunksize", min=1)
    seed = np.random.SeedSequence(check_rng(rng, func=func).integers(2**63))
    pop_seed, calls_seed = seed.spawn(2)
    pop, n_calls, p_within, t0, days, _ = _setup(
        n_persons, n_calls, n_communities, p_within, activity_tail, burner_share, start,
        days, np.random.default_rng(pop_seed), func)

    def chunks() -> Iterator[pd.DataFrame]:
        n_chunks = -(-n_calls // chunksize)
        for i, s in enumerate(calls_seed.spawn(n_chunks)):
            size = min(chunksize, n_calls - i * chunksize)
            yield _calls(pop, size, p_within, t0, days, np.random.default_rng(s))

    return pop.table, chunks()
