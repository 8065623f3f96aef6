"""How many numba threads a kernel call should use.

A parallel region costs a fork/join of the numba thread pool: tens of microseconds on an idle
machine, but up to a scheduler time slice (milliseconds) when another process holds the
core a worker thread waits for. On a 100-node criminal network a whole betweenness or
closeness call costs 20-100 us, so the parallel kernels ran 10-100x slower than their serial
work under load. :func:`plan_threads` therefore returns 1 (the caller runs its serial
kernel, no thread launch) when

* the work of the call is below :data:`SERIAL_WORK` elementary steps (about a millisecond);
* numba is limited to one thread (``NUMBA_NUM_THREADS=1``, ``numba.set_num_threads(1)``);
* the process is a worker of a process pool (``multiprocessing.parent_process()`` is set):
  the pool already holds the cores;

and otherwise never more threads than the CPUs the process may run on
(``os.sched_getaffinity``) minus the ones other processes keep busy (the 1-minute load
average beyond this process, re-read at most once a second).
"""

from __future__ import annotations

import multiprocessing
import os
import time

import numba

__all__ = ["SERIAL_WORK", "plan_threads"]

#: Below this many elementary steps (sources x (n + m)) a call runs serially: ~2-4 ms of
#: serial work, against a fork/join of 20-50 us on idle cores and up to a time slice (ms) on
#: busy ones. Betweenness of CAVIAR (110 nodes, 295 arcs, ~4.5e4 steps) takes ~50 us
#: serially. The exact crossover was not measured on a quiet machine (the development
#: machine was shared); graphs of the field (<= a few thousand nodes) are far below it or
#: far above it.
SERIAL_WORK = 2_000_000

_STATE = {"t": -1.0, "cpus": 1, "free": 1, "worker": False, "pid": -1}


def _refresh() -> None:
    now = time.monotonic()
    # a forked child inherits the parent's reading: refresh it in a new process at once
    if now - _STATE["t"] < 1.0 and _STATE["pid"] == os.getpid():
        return
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    busy = _others_running()
    _STATE.update(t=now, cpus=cpus, free=max(1, cpus - busy), pid=os.getpid(),
                  worker=multiprocessing.parent_process() is not None)


def _others_running() -> int:
    """Runnable threads of *other* processes right now: the kernel's count of runnable
    tasks (``/proc/loadavg``, 4th field) minus this process's runnable threads (so a long
    parallel call does not throttle the next one, as a load average would). Without
    ``/proc``: the 1-minute load average minus one."""
    try:
        with open("/proc/loadavg") as f:
            total = int(f.read().split()[3].split("/")[0])
        own = 0
        for tid in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{tid}/stat") as f:
                    own += f.read().rpartition(")")[2].split()[0] == "R"
            except OSError:  # thread ended meanwhile
                pass
        return max(0, total - max(own, 1))
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        try:
            return max(0, int(os.getloadavg()[0] - 1.0 + 0.5))
        except (AttributeError, OSError):
            return 0


def plan_threads(work: float) -> int:
    """Number of numba threads for a call doing about ``work`` elementary steps (>= 1)."""
    t = numba.get_num_threads()
    if t <= 1 or work < SERIAL_WORK:
        return 1
    _refresh()
    if _STATE["worker"]:
        return 1
    return max(1, min(t, _STATE["cpus"], _STATE["free"]))
