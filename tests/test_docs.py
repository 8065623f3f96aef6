"""The documentation site has a page for every public name and every example.

The site (docs/, built by ``python -m sphinx -W -b html docs docs/_build/html``) lists the
public names explicitly in ``docs/api/*.rst`` autosummary blocks, one generated page each.
These tests read those sources -- they do not build the site -- and compare them with the
``__all__`` of every public module, so that a new public function without a page (or a page
for a name that no longer exists) fails the normal test run. They also check that every
script in ``examples/`` becomes a gallery page (its name matches sphinx-gallery's
``filename_pattern`` and its docstring starts with an rST title) and that every page of the
user guide is reachable from a table of contents.
"""

from __future__ import annotations

import ast
import re
import types
from pathlib import Path

import pytest

import netcrime as nc

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
API = DOCS / "api"
EXAMPLES = sorted((REPO / "examples").glob("*.py"))

# Names of ``netcrime.__all__`` that are not documented by a page of their own.
NOT_PAGES = {"__version__"}  # a string, described on the top-level page


# ----------------------------------------------------------------------------- parsing
def _api_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(API.glob("*.rst"))}


def documented() -> dict[str, set[str]]:
    """{module: names listed in its autosummary blocks} over every docs/api/*.rst page.

    A name belongs to the module of the last ``.. currentmodule::`` before its block; an
    ``.. automodule:: M`` line documents the module ``M`` itself.
    """
    out: dict[str, set[str]] = {}
    for text in _api_sources().values():
        current = None
        in_block = False
        for line in text.splitlines():
            m = re.match(r"\.\. (currentmodule|automodule|module):: (\S+)", line)
            if m:
                in_block = False
                if m.group(1) == "currentmodule":
                    current = m.group(2)
                else:
                    parent, _, name = m.group(2).rpartition(".")
                    out.setdefault(parent, set()).add(name)
                continue
            if line.startswith(".. autosummary::"):
                in_block = True
                continue
            if in_block:
                if line.strip() == "" or line.lstrip().startswith(":"):
                    continue
                if not line.startswith("   "):
                    in_block = False
                    continue
                assert current is not None, f"autosummary entry {line!r} without currentmodule"
                out.setdefault(current, set()).add(line.strip())
    return out


def public_names() -> dict[str, list[str]]:
    """{module: its public names}: netcrime.__all__, then the __all__ of every public module
    it lists (and of the modules those list, e.g. ``netcrime.datasets.registry``)."""
    out: dict[str, list[str]] = {}
    todo = [nc]
    while todo:
        mod = todo.pop()
        names = list(mod.__all__)
        out[mod.__name__] = names
        for name in names:
            obj = getattr(mod, name)
            if isinstance(obj, types.ModuleType):
                todo.append(obj)
    return out


def _toctree_entries(text: str) -> list[str]:
    """Entries of every toctree of an rST or MyST page."""
    entries = []
    blocks = re.findall(r"```\{toctree\}(.*?)```", text, re.S)  # MyST
    blocks += re.findall(r"\.\. toctree::(.*?)(?:\n(?=\S)|\Z)", text, re.S)  # rST
    for block in blocks:
        for line in block.splitlines():
            s = line.strip()
            if s and not s.startswith(":"):
                entries.append(s)
    return entries


def _gallery_conf() -> dict:
    """The literal parts of ``sphinx_gallery_conf`` in docs/conf.py (read, not imported)."""
    tree = ast.parse((DOCS / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "sphinx_gallery_conf"):
            conf = {}
            for k, v in zip(node.value.keys, node.value.values):
                try:
                    conf[ast.literal_eval(k)] = ast.literal_eval(v)
                except ValueError:
                    conf[ast.literal_eval(k)] = ast.unparse(v)
            return conf
    raise AssertionError("docs/conf.py defines no sphinx_gallery_conf")


# ----------------------------------------------------------------------------- API pages
def test_every_public_name_has_a_page():
    docs = documented()
    missing = []
    for mod, names in public_names().items():
        for name in names:
            if mod == "netcrime" and name in NOT_PAGES:
                continue
            if name in docs.get(mod, set()):
                continue
            obj = getattr(__import__(mod, fromlist=["_"]), name)
            # a re-export (netcrime.ParameterError) counts where it is defined and public
            home = getattr(obj, "__module__", None)
            if home in docs and name in docs[home] and name in public_names().get(home, []):
                continue
            missing.append(f"{mod}.{name}")
    assert not missing, (
        "public names without an API page; add them to the autosummary list of their module "
        f"in docs/api/<module>.rst: {missing}")


def test_no_page_for_a_name_that_is_not_public():
    public = public_names()
    stale = [f"{mod}.{name}" for mod, names in documented().items() for name in names
             if name not in public.get(mod, [])]
    assert not stale, f"docs/api lists names that are not in their module's __all__: {stale}"


def test_every_api_page_is_in_the_api_index():
    entries = set(_toctree_entries((API / "index.rst").read_text(encoding="utf-8")))
    pages = {p.stem for p in API.glob("*.rst")} - {"index"}
    assert pages <= entries, f"docs/api pages missing from docs/api/index.rst: {pages - entries}"
    assert entries <= pages, f"docs/api/index.rst names missing pages: {entries - pages}"
    # every public module has a page of that name
    mods = {n for n in nc.__all__ if isinstance(getattr(nc, n), types.ModuleType)}
    assert mods <= pages, f"public modules without a page in docs/api: {mods - pages}"


def test_autosummary_blocks_generate_pages():
    for name, text in _api_sources().items():
        for block in re.findall(r"\.\. autosummary::\n((?:   :.*\n)*)", text):
            assert ":toctree: generated/" in block, f"{name}: autosummary without a page"
    # a class page documents its methods and properties, not only the class docstring
    template = (DOCS / "_templates" / "autosummary" / "class.rst").read_text(encoding="utf-8")
    assert ":members:" in template


# ----------------------------------------------------------------------------- gallery
def test_gallery_runs_every_example():
    conf = _gallery_conf()
    assert conf["gallery_dirs"] == "auto_examples"
    assert "examples" in conf["examples_dirs"]
    pattern = re.compile(conf["filename_pattern"])
    ignore = re.compile(conf["ignore_pattern"])
    assert EXAMPLES, "no examples found"
    for script in EXAMPLES:
        # sphinx-gallery matches the patterns against the full path
        path = str(script)
        assert pattern.search(path), f"{script.name} does not match filename_pattern"
        assert not ignore.search(path), f"{script.name} matches ignore_pattern"
    assert (REPO / "examples" / "GALLERY_HEADER.rst").exists()


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_docstring_has_a_title(script):
    """sphinx-gallery takes the page title from an rST title at the top of the docstring."""
    doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")), clean=True)
    assert doc, f"{script.name} has no module docstring"
    lines = doc.splitlines()
    assert len(lines) >= 3, f"{script.name}: docstring too short for a title and a text"
    title, underline = lines[0], lines[1]
    assert title.strip() and not title.startswith(" ")
    assert re.fullmatch(r"(=+|-+)", underline) and len(underline) >= len(title), (
        f"{script.name}: the first docstring line must be underlined (=== at least as long)")
    assert lines[2] == "", f"{script.name}: a blank line must follow the title"


# ----------------------------------------------------------------------------- guide, build
GUIDE = ["getting_started", "conventions", "reading_data", "wheel_and_chain", "brokerage",
         "disruption", "imperfect_data", "time_and_layers"]


def test_guide_pages_are_in_the_toctrees():
    root = _toctree_entries((DOCS / "index.rst").read_text(encoding="utf-8"))
    for entry in ("guide/index", "api/index", "auto_examples/index"):
        assert entry in root, f"docs/index.rst does not link {entry}"
    guide = _toctree_entries((DOCS / "guide" / "index.md").read_text(encoding="utf-8"))
    assert guide == GUIDE
    for page in GUIDE:
        assert (DOCS / "guide" / f"{page}.md").exists(), page
    # every Markdown/rST page of docs/ is reachable (Sphinx -W fails on orphans anyway)
    included = {m for page in GUIDE
                for m in re.findall(r"\{include\} \.\./(\S+)",
                                    (DOCS / "guide" / f"{page}.md").read_text(encoding="utf-8"))}
    for md in DOCS.glob("*.md"):
        assert md.stem in root or md.name in included, (
            f"docs/{md.name} is in no toctree of docs/index.rst and included by no guide page")


def test_docs_extra_and_ci_build():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r"^docs = \[(.*)\]$", pyproject, re.M)
    assert m, "pyproject.toml has no docs extra"
    for pkg in ("sphinx", "numpydoc", "sphinx-gallery", "myst-parser"):
        assert f'"{pkg}' in m.group(1), pkg
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert '-e ".[docs]"' in ci
    assert "sphinx -W --keep-going -b html docs docs/_build/html" in ci


# Guide pages whose code reads the reader's own files (calls.csv, ...): not run.
GUIDE_NOT_RUN = {"conventions", "reading_data"}


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in GUIDE if p not in GUIDE_NOT_RUN])
def test_guide_code_runs(page, tmp_path, monkeypatch):
    """The Python blocks of a user-guide page run, in order, in one namespace."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.chdir(tmp_path)
    text = (DOCS / "guide" / f"{page}.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, f"guide/{page}.md has no Python code"
    ns: dict = {}
    for code in blocks:
        exec(compile(code, f"docs/guide/{page}.md", "exec"), ns)
    plt.close("all")
