"""netcrime: criminal network analysis on a vectorised numpy/scipy core.

Conventions that hold across the library:

* one graph type, :class:`netcrime.Graph`; every public function accepts anything
  :func:`netcrime.as_graph` accepts (Graph, networkx, igraph, ``Graph.to_pandas()`` frames);
* signatures ``f(g, /, *, ...)``; node metrics return a float64 ``pd.Series`` indexed by node
  label and named after the metric; graph statistics return Python floats/ints;
* ``weight=`` names an edge attribute used as a *strength*, ``distance=`` one used as a
  *length*;
* randomness through one ``rng=`` argument (None, int seed or ``numpy.random.Generator``):
  same seed, same output;
* NaN rule: a value that is undefined for a node (0/0, an isolate's closeness, a z-score with
  zero variance) is NaN, never 0 and never an exception; a statistic that is undefined for
  the whole graph raises :class:`~netcrime.exceptions.UndefinedMetricError`.
"""

from importlib import metadata as _metadata

from . import (
    brokerage,
    centrality,
    covert,
    datasets,
    disruption,
    events,
    exceptions,
    generators,
    groups,
    interop,
    io,
    keyplayer,
    linkpred,
    multiplex,
    observation,
    online,
    plot,
    temporal,
    twomode,
)
from .exceptions import (
    ConvergenceError,
    GraphFormatError,
    MemoryLimitError,
    NetcrimeError,
    NetcrimeWarning,
    NodeNotFoundError,
    ParameterError,
    UndefinedMetricError,
)
from .graph import Graph, as_graph

# The version lives in one place, pyproject.toml; the installed distribution's metadata
# carries it here. A source tree used without installation (only on PYTHONPATH) has no
# metadata of its own: it says so instead of guessing a number.
try:
    __version__ = _metadata.version("netcrime")
except _metadata.PackageNotFoundError:  # pragma: no cover - not installed
    __version__ = "0+unknown"
del _metadata

__all__ = [
    "ConvergenceError",
    "Graph",
    "GraphFormatError",
    "MemoryLimitError",
    "NetcrimeError",
    "NetcrimeWarning",
    "NodeNotFoundError",
    "ParameterError",
    "UndefinedMetricError",
    "__version__",
    "as_graph",
    "brokerage",
    "centrality",
    "covert",
    "datasets",
    "disruption",
    "events",
    "exceptions",
    "generators",
    "groups",
    "interop",
    "io",
    "keyplayer",
    "linkpred",
    "multiplex",
    "observation",
    "online",
    "plot",
    "temporal",
    "twomode",
]
