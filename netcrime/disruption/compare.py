"""Many strategies x repetitions in one tidy frame, on any concurrent.futures-style executor."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import MAX_REPEATS, check_executor, check_int, check_rng, param_error
from ..graph import as_graph
from .attack import attack, curve_columns
from .strategies import Strategy, as_strategy

__all__ = ["compare_strategies"]


#: attack() options compare_strategies passes through (its own rng= and strategies= aside)
_ATTACK_OPTIONS = frozenset(inspect.signature(attack).parameters) - {"g", "strategy", "rng"}


def _run_one(g: Any, strat: Any, seed: np.random.SeedSequence, kwargs: dict[str, Any]
             ) -> dict[str, Any] | pd.DataFrame:
    """One repetition: the curve's columns (the fast path) or its frame."""
    return curve_columns(g, strat, seed, kwargs)


def _assemble(curves: list[dict[str, Any] | pd.DataFrame], labels: list[str], repeats: int,
              n: int) -> pd.DataFrame:
    """The tidy frame of all repetitions: built once from the columns when every curve came
    as columns, else by concatenating per-repetition frames (same values and dtypes)."""
    lengths = np.array([len(c["step"]) for c in curves], np.int64)
    head = {
        "strategy": np.repeat(np.array(labels, dtype=object), lengths),
        "repeat": np.repeat(np.arange(len(curves), dtype=np.int64) % repeats, lengths),
    }
    if all(isinstance(c, dict) for c in curves):
        names = list(curves[0])
        step = np.concatenate([np.asarray(c["step"]) for c in curves])
        cols: dict[str, Any] = {**head, "step": step, "fraction_removed": step / n}
        for name in names[1:]:
            parts = [c[name] for c in curves]
            cols[name] = (np.concatenate(parts) if all(isinstance(p, np.ndarray) for p in parts)
                          else [v for p in parts for v in p])
        if "node" in cols:
            cols["node"] = pd.Series(cols["node"], dtype=object)
        return pd.DataFrame(cols)
    frames = []
    for c in curves:
        cur = pd.DataFrame(c) if isinstance(c, dict) else c.copy()
        cur.insert(1, "fraction_removed", cur["step"] / n)
        frames.append(cur)
    out = pd.concat(frames, ignore_index=True)
    out.insert(0, "repeat", head["repeat"])
    out.insert(0, "strategy", head["strategy"])
    return out


def compare_strategies(
    g: Any,
    /,
    *,
    strategies: Any,
    repeats: int = 1,
    rng: Any = None,
    executor: Any = None,
    **attack_kwargs: Any,
) -> pd.DataFrame:
    """Run :func:`attack` for several strategies and repetitions; one tidy DataFrame.

    Parameters
    ----------
    g : Graph or anything :func:`netcrime.as_graph` accepts
    strategies : sequence or mapping
        Strategy names, :class:`Strategy` objects or callables (see :func:`attack`); a
        mapping ``{label: strategy}`` names them explicitly, otherwise each is labelled by
        its name (a repeated name gets a ``#2`` suffix).
    repeats : int >= 1
        Repetitions per strategy. Each repetition gets its own independent stream from
        ``np.random.SeedSequence(rng).spawn``; deterministic strategies without recovery
        repeat identically.
    rng : None, int or SeedSequence
        Root seed: the same seed gives the same frame, whatever the executor.
    executor : concurrent.futures.Executor-like, optional
        Anything with ``submit(fn, *args) -> future`` whose futures have ``result()``:
        ``ThreadPoolExecutor``, ``ProcessPoolExecutor`` or a ``dask.distributed.Client``.
        None runs the repetitions one after another in this process. Process-based
        executors pickle the graph and the strategies: strategies built by
        :func:`strategy` / :func:`role_order` pickle as the call that made them; a user
        callable must itself be picklable (a module-level function).
    **attack_kwargs
        Passed to :func:`attack` (``mode``, ``max_removals``, ``metrics``, ``recovery``,
        ``tie_break``, ``lcc_only``, ``block_size``).

    Returns
    -------
    pandas.DataFrame
        Columns ``strategy, repeat, step, fraction_removed, node, score`` and the metrics,
        rows ordered by strategy (input order), repeat and step.

    Examples
    --------
    >>> import networkx as nx
    >>> import netcrime as nc
    >>> df = nc.disruption.compare_strategies(nx.path_graph(5), strategies=["degree", "random"],
    ...                                       repeats=2, rng=1, max_removals=1)
    >>> df[["strategy", "repeat", "step", "lcc"]].shape
    (8, 4)
    """
    func = "compare_strategies"
    g = as_graph(g, func=func, param="g")
    repeats = check_int(repeats, func=func, param="repeats", min=1, cap=MAX_REPEATS)
    if "rng" in attack_kwargs:
        raise param_error(func, "attack_kwargs", "free of 'rng' (pass rng= itself)", "rng")
    unknown = sorted(set(attack_kwargs) - _ATTACK_OPTIONS)
    if unknown:
        raise param_error(func, "attack_kwargs",
                          "options of attack(): " + ", ".join(sorted(_ATTACK_OPTIONS)),
                          unknown[0])
    if isinstance(strategies, (str, Strategy)) or callable(strategies):
        strategies = [strategies]
    if not isinstance(strategies, (Mapping, Iterable)):
        raise param_error(func, "strategies", "a non-empty sequence or mapping of strategies",
                          strategies)
    if isinstance(strategies, Mapping):
        items = [(str(k), as_strategy(v, func=func, param="strategies"))
                 for k, v in strategies.items()]
    else:
        items = []
        seen: dict[str, int] = {}
        for s in strategies:
            st = as_strategy(s, func=func, param="strategies")
            seen[st.name] = seen.get(st.name, 0) + 1
            lab = st.name if seen[st.name] == 1 else f"{st.name}#{seen[st.name]}"
            items.append((lab, st))
    if not items:
        raise param_error(func, "strategies", "a non-empty sequence", strategies)
    check_executor(executor, func=func)
    root = rng if isinstance(rng, np.random.SeedSequence) else np.random.SeedSequence(
        int(check_rng(rng, func=func).integers(2**63)))
    seeds = root.spawn(len(items) * repeats)
    jobs = []
    for i, (_, st) in enumerate(items):
        for rep in range(repeats):
            seed = seeds[i * repeats + rep]
            if executor is None:
                jobs.append(_run_one(g, st, seed, attack_kwargs))
            else:
                jobs.append(executor.submit(_run_one, g, st, seed, attack_kwargs))
    curves = [job if executor is None else job.result() for job in jobs]
    labels = [items[j // repeats][0] for j in range(len(jobs))]
    return _assemble(curves, labels, repeats, g.n_nodes)
