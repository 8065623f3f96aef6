"""Executor contract, fork safety (issue 14, point 3).

numba's default threading layer here is GNU OpenMP, which aborts a child forked after a
parallel kernel ran ("fork() called from a process already using GNU OpenMP, this is
unsafe"). netcrime keeps OpenMP (the workqueue layer is not thread-safe: it aborts when two
threads of a ThreadPoolExecutor run parallel kernels at once) and every function taking
``executor=`` refuses a fork-based ProcessPoolExecutor with a message that says to use spawn,
unless numba runs on a fork-safe layer (workqueue or tbb), where a fork pool works. A spawn
pool gives the same frame as the serial run. Each scenario runs in a fresh interpreter so the
threading layer is chosen by the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(r"""
    import json, multiprocessing as mp, sys
    from concurrent.futures import ProcessPoolExecutor
    import networkx as nx, pandas as pd
    import networkx as nx

    import netcrime as nc
    method = sys.argv[1]
    G = nx.gnm_random_graph(40, 90, seed=3)
    nc.centrality.betweenness(G)          # a parallel kernel has run in this process
    calls = {
        "compare_strategies": lambda ex: nc.disruption.compare_strategies(
            G, strategies=["degree", "betweenness", "random"], repeats=2, rng=5,
            mode="adaptive", max_removals=6, executor=ex),
        "sensitivity": lambda ex: nc.observation.sensitivity(
            G, metric="degree", tie_missing=[0.1, 0.3], reps=2, rng=5, executor=ex),
        "evaluate": lambda ex: nc.linkpred.evaluate(G, reps=2, rng=5, executor=ex),
    }
    out = {}
    for name, call in calls.items():
        serial = call(None)
        try:
            with ProcessPoolExecutor(2, mp_context=mp.get_context(method)) as ex:
                par = call(ex)
        except nc.NetcrimeError as exc:
            out[name] = ["refused", str(exc)]
            continue
        pd.testing.assert_frame_equal(serial, par)
        out[name] = ["same", ""]
    print(json.dumps(out))
""")


def _run(method: str, layer: str | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NUMBA_NUM_THREADS="2")
    env.pop("NUMBA_THREADING_LAYER", None)
    if layer is not None:
        env["NUMBA_THREADING_LAYER"] = layer
    proc = subprocess.run([sys.executable, "-c", SCRIPT, method], env=env,
                          capture_output=True, text=True, timeout=600, cwd=str(ROOT))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _layer_is_omp() -> bool:
    code = ("import numba, numpy as np\n@numba.njit(parallel=True)\ndef f(a):\n"
            "    s = 0.0\n    for i in numba.prange(len(a)):\n        s += a[i]\n    return s\n"
            "f(np.ones(10)); print(numba.threading_layer())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, env={k: v for k, v in os.environ.items()
                                           if k != "NUMBA_THREADING_LAYER"})
    return out.stdout.strip().endswith("omp")


@pytest.mark.slow
def test_fork_pool_is_refused_clearly_on_openmp():
    if not _layer_is_omp():
        pytest.skip("numba does not run on OpenMP here")
    out = _run("fork", None)
    for name, (what, msg) in out.items():
        assert what == "refused", name
        assert f"of {name}()" in msg and "'executor'" in msg and "spawn" in msg


@pytest.mark.slow
def test_spawn_pool_gives_the_serial_frame():
    out = _run("spawn", None)
    assert {what for what, _ in out.values()} == {"same"}


@pytest.mark.slow
def test_fork_pool_works_on_a_fork_safe_layer():
    out = _run("fork", "workqueue")
    assert {what for what, _ in out.values()} == {"same"}


def test_non_executor_refused():
    import networkx as nx

    import netcrime as nc

    with pytest.raises(nc.ParameterError, match=r"'executor' parameter of compare_strategies"):
        nc.disruption.compare_strategies(nx.path_graph(3), strategies=["degree"], executor=4)
