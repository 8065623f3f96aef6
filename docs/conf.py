"""Sphinx configuration of the netcrime documentation.

Build (from the repository root, after ``pip install -e ".[docs]"``)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The API reference lists every public name explicitly in ``docs/api/*.rst`` (autosummary
generates one page per name); ``tests/test_docs.py`` checks those lists against the
``__all__`` of every public module, and that every script in ``examples/`` becomes a gallery
page.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # document the source tree beside this file
sys.path.insert(0, str(DOCS))  # _scrapers

os.environ.setdefault("MPLBACKEND", "Agg")

import netcrime  # noqa: E402

project = "netcrime"
author = "netcrime developers"
copyright = "netcrime developers"
release = netcrime.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "conventions.md",  # included by guide/conventions.md (one page, not two)
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    "auto_examples/*.zip",
    "auto_examples/*.md5",
    "**/sg_execution_times.rst",
    "sg_execution_times.rst",
]

# -- autodoc / autosummary / numpydoc -------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True
autodoc_typehints = "none"  # numpydoc's Parameters sections carry the types
autodoc_member_order = "bysource"
add_module_names = False

numpydoc_show_class_members = False  # the class template lists members itself
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_xref_param_type = False
# numpydoc's style checks (GL01, SA01, ...) stay off: the docstrings follow the project's
# own conventions (docs/conventions.md) and tests/test_contract.py checks what matters
# (parameters documented, one meaning per name). What -W enforces here is that every
# docstring parses and renders.
numpydoc_validation_checks: set[str] = set()

intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "numpy": ("https://numpy.org/doc/stable/", None),
    "pandas": ("https://pandas.pydata.org/docs/", None),
    "networkx": ("https://networkx.org/documentation/stable/", None),
}
# The build must not need the network (CI, offline laptops): intersphinx inventories are
# fetched only when NETCRIME_DOCS_INTERSPHINX=1.
if os.environ.get("NETCRIME_DOCS_INTERSPHINX") != "1":
    intersphinx_mapping = {}

_CONTAINERS = (tuple, list, dict, set, frozenset)


def _constant_docstring(app, what, name, obj, options, lines):
    """A module constant without a ``#:`` comment would show its type's docstring
    ("Built-in immutable sequence..."): say what it is instead."""
    if what not in ("data", "attribute") or not isinstance(obj, _CONTAINERS):
        return
    type_doc = (type(obj).__doc__ or "").strip().splitlines()
    if lines and type_doc and lines[0].strip() == type_doc[0].strip():
        module = name.rpartition(".")[0]
        lines[:] = [f"A constant of :mod:`{module}` ({type(obj).__name__} of {len(obj)}); "
                    "its value is shown above, its meaning in the module's documentation "
                    "and the docstrings that use it."]


def setup(app):
    # before numpydoc (priority 500) reformats the docstring
    app.connect("autodoc-process-docstring", _constant_docstring, priority=400)


# -- myst (docs/conventions.md, docs/design.md, the user guide) ------------------------------
myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 3

# -- sphinx-gallery -------------------------------------------------------------------------
GALLERY_OUT = DOCS / "_build" / "example-output"
if GALLERY_OUT.exists():
    shutil.rmtree(GALLERY_OUT)
GALLERY_OUT.mkdir(parents=True)
# The examples write their figures and tables to $NETCRIME_EXAMPLES_OUT (or their first
# argument); the scraper below picks the figures up from there.
os.environ["NETCRIME_EXAMPLES_OUT"] = str(GALLERY_OUT)
# An example run without an output directory may fall back to a temporary folder: keep it
# under GALLERY_OUT too, so that its figures are found.
(GALLERY_OUT / "tmp").mkdir()
tempfile.tempdir = str(GALLERY_OUT / "tmp")

sphinx_gallery_conf = {
    "examples_dirs": str(ROOT / "examples"),
    "gallery_dirs": "auto_examples",
    "filename_pattern": r".*\.py$",  # run every example, not only plot_*.py
    "ignore_pattern": r"__init__\.py",
    "image_scrapers": ("_scrapers.example_output_scraper",),
    "reset_modules": ("matplotlib",),
    "download_all_examples": True,
    "remove_config_comments": True,
    "show_memory": False,
    "plot_gallery": "True",
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    "capture_repr": (),
    "min_reported_time": 1000,
    "write_computation_times": False,
}

# -- HTML -----------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"netcrime {release}"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "header_links_before_dropdown": 3,
}
html_static_path = ["_static"]
html_css_files = ["netcrime.css"]
html_show_sourcelink = False
