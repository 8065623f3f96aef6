"""Disruption: whom to remove, in what order, how fast the network falls apart, how it heals.

* :func:`attack` -- node attacks (static, adaptive, block), curves and summaries;
* :func:`attack_edges` -- tie attacks (edge betweenness, weight, random, attribute/channel);
* :func:`strategy`, :func:`edge_strategy`, :func:`role_order`, :class:`Strategy` -- who (or
  which tie) is removed first;
* :class:`Metric` -- per-step outcomes; :class:`Recovery` -- healing after each removal;
* :class:`Residual` -- the residual network between removals (alive mask, neighbour CSR,
  component labels maintained per removal), what the attack loop works on;
* :func:`compare_strategies` -- many strategies x repetitions in one tidy frame, on any
  ``concurrent.futures``-style executor (threads, processes, dask.distributed).

Conventions shared by every function here:

* curves are tidy DataFrames, one row per step; row 0 is the intact network and each row
  holds the metrics *after* that step's removal (i.e. before the next one), as in
  Cavallaro et al. (2020), doi:10.1371/journal.pone.0236476;
* ties between equal scores are broken deterministically by ``tie_break`` (lowest position
  by default; see :mod:`netcrime.disruption.strategies`);
* directed graphs fall apart into *weak* components;
* randomness comes from one ``rng=`` and repetitions from ``SeedSequence.spawn``.
"""

from .attack import AttackResult, attack
from .compare import compare_strategies
from .edges import EDGE_STRATEGIES, attack_edges, edge_strategy
from .metrics import METRICS, Metric
from .recovery import Recovery
from .residual import Residual
from .strategies import STRATEGIES, TIE_BREAKS, Strategy, role_order, strategy

__all__ = [
    "EDGE_STRATEGIES",
    "METRICS",
    "STRATEGIES",
    "TIE_BREAKS",
    "AttackResult",
    "Metric",
    "Recovery",
    "Residual",
    "Strategy",
    "attack",
    "attack_edges",
    "compare_strategies",
    "edge_strategy",
    "role_order",
    "strategy",
]
