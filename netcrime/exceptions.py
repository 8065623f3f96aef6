"""Exception and warning classes of netcrime.

Every error raised by netcrime derives from :class:`NetcrimeError`, and also from the
built-in exception a Python user would expect (``ValueError``, ``KeyError``, ...), so that
``except ValueError`` keeps working.

Messages follow one template (see :func:`netcrime._validation.param_error`)::

    The 'p' parameter of kenney_chain() must be a float in [0, 1]. Got 1.5 instead.
"""

from __future__ import annotations

__all__ = [
    "ConvergenceError",
    "GraphFormatError",
    "MemoryLimitError",
    "NetcrimeError",
    "NetcrimeWarning",
    "NodeNotFoundError",
    "ParameterError",
    "UndefinedMetricError",
]


class NetcrimeError(Exception):
    """Base class of every error raised by netcrime."""


class ParameterError(NetcrimeError, ValueError):
    """A parameter value breaks the documented rule of the function that received it."""


class GraphFormatError(NetcrimeError, ValueError):
    """An edge list, file or graph object cannot be read as a network."""


class NodeNotFoundError(NetcrimeError, KeyError):
    """A node label is not a node of the graph."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class UndefinedMetricError(NetcrimeError, ValueError):
    """A metric cannot be defined on the given graph (e.g. an empty graph)."""


class ConvergenceError(NetcrimeError, RuntimeError):
    """An iterative solver did not reach the requested tolerance."""


class MemoryLimitError(NetcrimeError, MemoryError):
    """A read would need more memory than the limit the caller gave (``max_memory=``)."""


class NetcrimeWarning(UserWarning):
    """A result is computed but rests on an assumption the caller should know about."""
