"""docs/groups.md: the committed recovery table is what docs/scripts/group_recovery.py
computes (one row recomputed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location(
        "group_recovery", REPO / "docs" / "scripts" / "group_recovery.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow
def test_one_row_of_the_recovery_table_recomputes():
    mod = _script()
    saved = pd.read_csv(REPO / "docs" / "groups_recovery.csv")
    key = dict(kind="online", truth="group", parameter="cross_group_p", value=0.2,
               resolution=1.0, miss=0.2)
    sel = saved
    for k, v in key.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1
    got = mod.row("online", "group", "cross_group_p", 0.2, 1.0, 0.2)
    assert got["ari_mean"] == pytest.approx(float(sel["ari_mean"].iloc[0]), abs=1e-9)
    assert got["ari_sd"] == pytest.approx(float(sel["ari_sd"].iloc[0]), abs=1e-9)
    doc = (REPO / "docs" / "groups.md").read_text(encoding="utf-8")
    assert mod.markdown(saved) in doc


def test_tie_deletion_keeps_nodes_and_drops_the_expected_share():
    import numpy as np

    import netcrime as nc

    mod = _script()
    g = nc.generators.trafficking_network(n=600, kind="online", rng=1)
    h = mod.miss_ties(g, 0.3, np.random.default_rng(0))
    assert h.n_nodes == g.n_nodes and list(h.nodes) == list(g.nodes)
    assert abs(h.n_edges / g.n_edges - 0.7) < 0.05


@pytest.mark.slow
def test_one_row_of_the_linkage_table_recomputes():
    mod = _script()
    r = mod.linkage_row(2.0, 0.0)
    line = mod.linkage_markdown(pd.DataFrame([r])).splitlines()[-1]
    assert line in (REPO / "docs" / "groups.md").read_text(encoding="utf-8")
    assert r["precision"] == 1.0
