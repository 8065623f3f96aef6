"""pytest configuration for ``python -m pytest benchmarks --benchmark-only -q``.

* ``bench_*.py`` files are collected (``python_files`` in pyproject.toml); benchmarks/ is not
  in ``testpaths``, so the default ``python -m pytest`` never runs them.
* No doctest collection inside benchmarks/: the project-wide ``--doctest-modules`` would
  import every script (and fail on a missing optional peer such as rustworkx) only to find
  no doctests.
* Rows whose peer library is not installed skip through ``pytest.importorskip``.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    # the doctest plugin's collector for a .py file (under --doctest-modules)
    return [c for c in collected if type(c).__name__ != "DoctestModule"]
