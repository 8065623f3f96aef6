"""The version string lives in one place: ``pyproject.toml``.

``netcrime.__version__`` is read from the installed distribution's metadata
(``importlib.metadata``), never typed a second time in the package.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import netcrime as nc

ROOT = Path(__file__).resolve().parents[1]


def test_version_comes_from_the_installed_metadata():
    assert nc.__version__ == metadata.version("netcrime")


def test_no_second_copy_of_the_version_in_the_package():
    literal = re.compile(r"""__version__\s*=\s*["']\d+\.\d+""")
    hits = [p for p in (ROOT / "netcrime").rglob("*.py") if literal.search(p.read_text("utf-8"))]
    assert hits == []


def test_installed_metadata_matches_pyproject_of_this_tree():
    """Holds for an editable install of this very tree (``pip install -e .``)."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    declared = re.search(r'(?m)^version = "([^"]+)"', pyproject).group(1)
    dist = metadata.distribution("netcrime")
    url = json.loads(dist.read_text("direct_url.json") or "{}").get("url", "")
    if not url.startswith("file://") or Path(url[len("file://"):]).resolve() != ROOT:
        pytest.skip(f"the installed netcrime is not an editable install of this tree ({url})")
    assert dist.version == declared, (
        f"pyproject.toml says {declared}, the installed metadata {dist.version}: "
        "reinstall with `pip install -e .`")


def test_a_tree_without_installed_metadata_says_so(tmp_path):
    # run from a source tree with no netcrime distribution installed: no invented number
    code = ("from importlib import metadata\n"
            "def missing(name):\n"
            "    raise metadata.PackageNotFoundError(name)\n"
            "metadata.version = missing\n"
            "import netcrime\n"
            "print(netcrime.__version__)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0+unknown"
