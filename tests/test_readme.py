"""The README's tour runs as written and prints the published Cavallaro et al. (2020) value."""

import re
import warnings
from pathlib import Path

import netcrime as nc

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_tour_runs_and_reproduces_the_published_value(capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "the README has no python block"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nc.NetcrimeWarning)
        for code in blocks:
            exec(compile(code, str(README), "exec"), {})
    out = capsys.readouterr().out
    # Cavallaro et al. (2020), PLoS ONE 15(8):e0236476: phone calls, 5 adaptive betweenness
    # removals -> LCC/LCC0 = 0.247.
    assert "Montagna phone calls, LCC/LCC0 after 5 removals: 0.247" in out


def test_readme_commands_are_the_ones_ci_runs():
    text = README.read_text(encoding="utf-8")
    assert 'python3 -m pip install -e ".[test]" && python3 -m pytest -q' in text
    assert "netcrime demo --out netcrime-demo" in text
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pytest -q" in ci and 'pip install -e ".[test]"' in ci
    for img in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (README.parent / img).is_file(), img


def test_readme_and_contributing_point_to_files_that_exist():
    root = README.parent
    text = README.read_text(encoding="utf-8")
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:docs|tests|examples|benchmarks|\.ci)/[\w./-]+)`", text))
    paths |= {"docs/design.md", "CONTRIBUTING.md"}
    assert not [p for p in sorted(paths) if not (root / p).exists()]
    assert 'python -m pytest -m "not slow"' in contributing
    assert "python -m pytest benchmarks --benchmark-only -q" in (
        root / "benchmarks" / "README.md").read_text(encoding="utf-8")


def test_docs_cite_no_design_notes_outside_the_repository():
    # the project's design notes are docs/design.md; nothing cites notes the repo lacks
    root = README.parent
    docs = [README, root / "CONTRIBUTING.md", *sorted((root / "docs").glob("*.md"))]
    stale = re.compile(r"\b(DESIGN|DOMAIN)\b")
    assert [str(p.name) for p in docs if stale.search(p.read_text(encoding="utf-8"))] == []


def test_readme_error_message_is_one_the_library_raises():
    # the sample under "Errors" is the message of the call it names, raised for real
    import pytest

    text = " ".join(README.read_text(encoding="utf-8").split())
    m = re.search(r"`kenney_chain\((\w+)=([\d.]+)\)` raises `(\w+): (.*?)`", text)
    assert m, "the README's sample error is gone"
    param, value, kind, message = m.groups()
    with pytest.raises(nc.ParameterError) as info:
        nc.generators.kenney_chain(**{param: float(value)})
    assert type(info.value).__name__ == kind
    assert str(info.value) == message
