"""Validation helpers with one message template.

Every public function checks its parameters with these helpers, so every message reads::

    The '<param>' parameter of <func>() must be <rule>. Got <value> instead.
"""

from __future__ import annotations

import contextlib
import math
import numbers
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from .exceptions import ParameterError

__all__ = [
    "check_bool",
    "check_choice",
    "check_executor",
    "check_float",
    "check_hashable",
    "check_int",
    "check_rng",
    "param_error",
    "readdressed",
]


#: the largest int a parameter may hold (numpy arrays and compiled kernels use int64)
INT64_MAX = 2**63 - 1

#: documented cap on repetition counts (``repeats``, ``reps``, ``restarts``): each repetition
#: is a full computation, so a larger count is a mistake, not a workload (1,000,000)
MAX_REPEATS = 10**6

#: documented cap on the size of a generated network, nodes + ties (200 million: about 5 GB
#: of arrays); generators check their estimate before allocating
MAX_GENERATED = 2 * 10**8


def check_generated_size(nodes: float, ties: float, *, func: str, param: str,
                         value: Any) -> None:
    """Raise if a generator's estimated ``nodes + ties`` exceeds :data:`MAX_GENERATED`."""
    if nodes + ties > MAX_GENERATED:
        raise param_error(func, param, f"small enough that the network has at most "
                          f"{MAX_GENERATED:,} nodes + ties (estimated {nodes + ties:.3g})",
                          value)


def physical_memory() -> int | None:
    """Bytes of physical memory of this machine (None where the system does not say)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX
        return None


def check_fits_memory(nbytes: float, *, func: str, param: str, value: Any, what: str) -> None:
    """Raise before allocating if an estimate of ``nbytes`` for ``what`` exceeds the
    machine's physical memory (a size no computation here could hold)."""
    total = physical_memory()
    if total is not None and nbytes > total:
        raise param_error(func, param, f"small enough that {what} fit in memory (about "
                          f"{nbytes / 2**30:.3g} GiB needed, {total / 2**30:.3g} GiB of "
                          "memory on this machine)", value)


def _show(value: Any) -> str:
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return text


def param_error(
    func: str, param: str, rule: str, value: Any, *, shown: str | None = None
) -> ParameterError:
    """Build the error for a parameter that breaks its rule (the caller raises it).

    The message echoes ``repr(value)`` (shortened to 80 characters); pass ``shown`` to
    describe the value in words instead (e.g. ``"an array of shape (3, 2)"``), which is
    written verbatim.

    Examples
    --------
    >>> str(param_error("kenney_chain", "p", "a float in [0, 1]", 1.5))
    "The 'p' parameter of kenney_chain() must be a float in [0, 1]. Got 1.5 instead."
    >>> str(param_error("f", "g", "a Graph", None, shown="an object of type list"))
    "The 'g' parameter of f() must be a Graph. Got an object of type list instead."
    """
    text = _show(value) if shown is None else shown
    return ParameterError(
        f"The '{param}' parameter of {func}() must be {rule}. Got {text} instead."
    )


def check_bool(value: Any, *, func: str, param: str) -> bool:
    """Return ``value`` if it is a bool (numpy bools accepted), else raise."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise param_error(func, param, "a bool", value)


def check_int(
    value: Any,
    *,
    func: str,
    param: str,
    min: int | None = None,
    max: int | None = None,
    cap: int | None = None,
) -> int:
    """Return ``value`` as ``int`` if it is an integer within ``[min, max]``, else raise.

    ``cap`` is a documented upper bound on a size or a count (:data:`MAX_REPEATS`,
    :data:`MAX_GENERATED`), checked before anything is allocated and named in its own
    message; ints beyond the int64 range are always refused.
    """
    ok = isinstance(value, (numbers.Integral, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )
    if max is None:
        max_rule = None
        max = INT64_MAX  # numpy arrays and kernels hold int64: a larger int is refused
    else:
        max_rule = max
    if ok:
        v = int(value)
        if (min is None or v >= min) and v <= max:
            return _over_cap(v, cap, func, param, value)
    max = max_rule
    if min is not None and max is not None:
        rule = f"an int in [{min}, {max}]"
    elif min is not None:
        rule = f"an int >= {min}"
    elif max is not None:
        rule = f"an int <= {max}"
    else:
        rule = "an int"
    if ok and max is None and int(value) > INT64_MAX:
        rule += f" (at most {INT64_MAX}, the int64 range)"
    raise param_error(func, param, rule, value)


def _over_cap(v: int, cap: int | None, func: str, param: str, value: Any) -> int:
    if cap is not None and v > cap:
        raise param_error(func, param, f"at most {cap} (a documented cap of netcrime)", value)
    return v


def check_float(
    value: Any,
    *,
    func: str,
    param: str,
    min: float | None = None,
    max: float | None = None,
    min_open: bool = False,
    max_open: bool = False,
) -> float:
    """Return ``value`` as a finite ``float`` within the stated interval, else raise.

    Any real number is accepted (Python and numpy ints and floats, not bools); an int too
    large for a float (``10**400``) is refused with the rule, like NaN and infinities.

    Examples
    --------
    >>> check_float(10**30, func="f", param="x")
    1e+30
    >>> check_float(10**400, func="f", param="x", min=0.0)
    Traceback (most recent call last):
    ...
    netcrime.exceptions.ParameterError: The 'x' parameter of f() must be a float >= 0. Got 1000...
    """
    ok = isinstance(value, (numbers.Real, np.floating, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )
    if ok:
        try:
            v = float(value)  # an int beyond the float range overflows: refused below
        except (OverflowError, ValueError, TypeError):
            v = float("nan")
        if math.isfinite(v):
            lo_ok = min is None or (v > min if min_open else v >= min)
            hi_ok = max is None or (v < max if max_open else v <= max)
            if lo_ok and hi_ok:
                return v
    lo = "(" if min_open else "["
    hi = ")" if max_open else "]"
    if min is not None and max is not None:
        rule = f"a float in {lo}{min:g}, {max:g}{hi}"
    elif min is not None:
        rule = f"a float {'>' if min_open else '>='} {min:g}"
    elif max is not None:
        rule = f"a float {'<' if max_open else '<='} {max:g}"
    else:
        rule = "a finite float"
    raise param_error(func, param, rule, value)


def check_choice(value: Any, choices: Sequence[Any], *, func: str, param: str) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise."""
    try:
        if value in choices:
            return value
    except TypeError:
        pass
    rule = "one of " + ", ".join(repr(c) for c in choices)
    raise param_error(func, param, rule, value)


def check_hashable(value: Any, *, func: str, param: str, rule: str = "a hashable value"
                   ) -> Any:
    """Return ``value`` if it can be hashed (a label, a name, a dict key), else raise.

    A tuple holding a list is unhashable too, so ``hash()`` decides, not the type.

    Examples
    --------
    >>> check_hashable(("a", 1), func="f", param="name")
    ('a', 1)
    >>> check_hashable(["a"], func="f", param="name")
    Traceback (most recent call last):
    ...
    netcrime.exceptions.ParameterError: The 'name' parameter of f() must be a hashable value. ...
    """
    try:
        hash(value)
    except TypeError:
        raise param_error(func, param, rule, value) from None
    return value


#: the rule of ``rng=``
RNG_RULE = "None, a non-negative int or a numpy Generator"


def check_rng(rng: Any, *, func: str, param: str = "rng") -> np.random.Generator:
    """Normalise ``rng`` (None, int seed, SeedSequence or Generator) to a Generator.

    An int seed lies in ``[0, 2**63 - 1]``: as for every int parameter, an int beyond the
    int64 range is refused (``10**30`` is a typo far more often than a seed); a larger
    seed is passed as ``np.random.default_rng(seed)`` or a ``SeedSequence``.
    """
    if rng is None or isinstance(rng, (np.random.Generator, np.random.SeedSequence)):
        return np.random.default_rng(rng)
    if isinstance(rng, (numbers.Integral, np.integer)) and not isinstance(rng, (bool, np.bool_)):
        if int(rng) < 0:
            raise param_error(func, param, RNG_RULE, rng)
        if int(rng) > INT64_MAX:
            raise param_error(func, param, RNG_RULE + f" (an int seed at most {INT64_MAX}, "
                              "the int64 range; wrap a larger seed as "
                              "np.random.default_rng(seed))", rng)
        return np.random.default_rng(int(rng))
    raise param_error(func, param, RNG_RULE, rng)


def check_probabilities(
    values: Iterable[float], *, func: str, param: str
) -> np.ndarray:
    """Return a float array of probabilities in [0, 1], else raise."""
    arr = np.asarray(list(values) if not isinstance(values, np.ndarray) else values, float)
    if arr.ndim != 1 or not np.all(np.isfinite(arr)) or np.any((arr < 0) | (arr > 1)):
        raise param_error(func, param, "a sequence of probabilities in [0, 1]", values)
    return arr


#: numba threading layers that survive ``fork()`` (GNU OpenMP does not)
_FORK_SAFE_LAYERS = ("workqueue", "tbb")


def _fork_safe_layer() -> bool:
    """Whether numba's threading layer (configured or already running) survives fork."""
    import numba

    try:
        return numba.threading_layer() in _FORK_SAFE_LAYERS
    except ValueError:  # no parallel kernel has run yet: the configured choice decides
        return str(numba.config.THREADING_LAYER) in _FORK_SAFE_LAYERS


def check_executor(executor: Any, *, func: str, param: str = "executor") -> Any:
    """Return ``executor`` if it is None or an executor netcrime can use, else raise.

    The executor contract (docs/conventions.md): an object with ``submit()`` returning
    futures (``concurrent.futures`` thread or process pools, a dask ``Client``). A
    ``ProcessPoolExecutor`` whose start method is ``fork`` (Linux's default before Python
    3.14) is refused while numba runs its parallel kernels on GNU OpenMP, which aborts a
    forked child ("fork() called from a process already using GNU OpenMP"); use
    ``mp_context=multiprocessing.get_context("spawn")`` (or ``"forkserver"``), a
    ``ThreadPoolExecutor``, or set ``NUMBA_THREADING_LAYER=workqueue`` before importing
    netcrime (then thread executors must not be used).
    """
    if executor is None:
        return None
    if not hasattr(executor, "submit"):
        raise param_error(func, param, "None or an object with submit() "
                          "(concurrent.futures executor, dask Client)", executor)
    from concurrent.futures import ProcessPoolExecutor

    if isinstance(executor, ProcessPoolExecutor):
        ctx = getattr(executor, "_mp_context", None)  # the standard library's own record
        method = ctx.get_start_method() if ctx is not None else None
        if method == "fork" and not _fork_safe_layer():
            raise param_error(
                func, param,
                "an executor whose workers are not forked from this process (numba's OpenMP "
                "threading layer aborts a forked child): use ProcessPoolExecutor(mp_context="
                "multiprocessing.get_context('spawn')), 'forkserver', or a ThreadPoolExecutor",
                executor, shown="a ProcessPoolExecutor using the 'fork' start method")
    return executor


@contextlib.contextmanager
def readdressed(func: str, *helpers: str) -> Iterator[None]:
    """Re-address a NetcrimeError raised inside ``helpers`` to the public function ``func``
    the user called ("... parameter of secrecy() ..." -> "... of tradeoff() ..."), so every
    message names the function the user called."""
    from .exceptions import NetcrimeError

    try:
        yield
    except NetcrimeError as exc:
        if exc.args and isinstance(exc.args[0], str):
            msg = exc.args[0]
            for h in helpers:
                if h != func:
                    msg = msg.replace(f" of {h}()", f" of {func}()")
            exc.args = (msg, *exc.args[1:])
        raise
