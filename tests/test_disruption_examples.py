"""The disruption examples run headless and say what they claim."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(name: str, out: Path, monkeypatch) -> dict:
    monkeypatch.setattr(sys, "argv", [name, str(out)])
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return runpy.run_path(str(EXAMPLES / name), run_name="__example__")


def test_replicate_cavallaro2020(tmp_path, monkeypatch, capsys):
    ns = _run("replicate_cavallaro2020.py", tmp_path, monkeypatch)
    table = ns["main"]()
    assert table["match"].all()  # every published value reproduced
    assert len(table) == len(ns["PUBLISHED"])
    assert (tmp_path / "cavallaro2020_replication.csv").exists()
    assert "26 of 26 published values reproduced" in capsys.readouterr().out


@pytest.mark.slow
def test_disrupt_wheel_vs_chain(tmp_path, monkeypatch):
    ns = _run("disrupt_wheel_vs_chain.py", tmp_path, monkeypatch)
    df = ns["main"]()
    assert (tmp_path / "disrupt_wheel_vs_chain.png").stat().st_size > 10_000
    last = df[df["target"] == "persons"].groupby(["network", "recovery", "strategy"]).tail(1)
    last = last.set_index(["network", "recovery", "strategy"]).sort_index()
    # the claims written in the example's comments
    assert last.loc[("traditional", False, "leaders first"), "stage_completeness"] == 0.0
    assert last.loc[("traditional", True, "leaders first"), "stage_completeness"] == 1.0
    for net in ("traditional", "online"):
        no_rec = last.loc[(net, False), "lcc_frac"]
        assert no_rec["betweenness"] < no_rec["leaders first"] < no_rec["random"]
        assert (last.loc[(net, True), "lcc_frac"] > 0.7).all()
    web = df[df["target"] == "ties"].groupby("network").tail(1).set_index("network")
    assert web.loc["traditional", "lcc_frac"] == 1.0
    assert web.loc["online", "lcc_frac"] < 0.5
    assert web.loc["online", "stage_completeness"] == 0.0
