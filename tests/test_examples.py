"""Every script in examples/ runs headless, seeded, and leaves its output in a temporary dir.

The convention every example follows (and this runner guarantees): the output directory is
the first command-line argument *and* the environment variable ``NETCRIME_EXAMPLES_OUT``;
the working directory is that same temporary directory; matplotlib uses the non-interactive
``Agg`` backend (``MPLBACKEND=Agg``). An example passes when it exits with status 0 and
writes no traceback. Examples with their own value checks have tests of their own; this
runner is the guarantee that none of them rots.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.py"))


def test_there_are_examples():
    names = {p.name for p in EXAMPLES}
    assert {"caviar_phases.py", "structural_holes.py", "key_players.py",
            "disruption_with_recovery.py"} <= names


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_runs_headless(script, tmp_path):
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"
    env["NETCRIME_EXAMPLES_OUT"] = str(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env.pop("DISPLAY", None)
    r = subprocess.run([sys.executable, str(script), str(tmp_path)], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"{script.name} failed:\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}"
    assert "Traceback" not in r.stderr
    assert r.stdout.strip(), f"{script.name} printed nothing"
