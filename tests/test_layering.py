"""The layering of the package, read from the source with ``ast`` (see docs/design.md).

* ``netcrime/_core`` is the bottom layer: it imports nothing from netcrime outside ``_core``.
* ``netcrime/disruption`` (like every module above ``_core``) reaches the kernels only
  through ``_core``'s public surface, ``from .._core import name`` (the names in
  ``netcrime/_core/__init__.py``'s ``__all__``), never ``from .._core.<module> import ...``.
* No module reads another object's private attributes (``g._cache``, ``h._node_attrs``):
  an attribute whose name starts with one underscore, on anything but ``self``/``cls``, is
  allowed only inside graph.py (the Graph class itself) and in ``ALLOWED`` below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "netcrime"
MODULES = sorted(PKG.rglob("*.py"))

# (module path relative to netcrime/, "<object>.<attribute>") pairs allowed to read a private
# attribute, each with the reason. Keep it empty.
ALLOWED: set[tuple[str, str]] = set()


def _rel(path: Path) -> str:
    return path.relative_to(PKG).as_posix()


def _package_of(path: Path) -> list[str]:
    """Dotted package of a module, e.g. ['netcrime', 'disruption'] for disruption/attack.py."""
    return ["netcrime", *path.relative_to(PKG).parent.parts]


def _imported_modules(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, imported names) of every import in the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    pkg = _package_of(path)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[: len(pkg) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.append((node.lineno, mod, [a.name for a in node.names]))
    return out


def test_there_are_modules_to_check():
    names = {_rel(p) for p in MODULES}
    assert {"graph.py", "_core/__init__.py", "disruption/attack.py"} <= names


@pytest.mark.parametrize("path", [p for p in MODULES if p.parent.name == "_core"],
                         ids=lambda p: _rel(p))
def test_core_imports_nothing_above_it(path):
    assert core_violations(path) == []


def core_violations(path: Path) -> list[str]:
    return [f"{_rel(path)}:{line} imports {mod}"
           for line, mod, names in _imported_modules(path)
           if mod.split(".")[0] == "netcrime"
           and not (mod == "netcrime._core" or mod.startswith("netcrime._core."))]


def _core_public_names() -> set[str]:
    """The names in ``netcrime/_core/__init__.py``'s ``__all__``."""
    tree = ast.parse((PKG / "_core" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return set()


# The rule holds for every module above _core; the test holds disruption to it (the layer that
# used to reach into kernel modules). Widen the selection as the metric modules follow.
@pytest.mark.parametrize("path", [p for p in MODULES if "disruption" in p.parts],
                         ids=lambda p: _rel(p))
def test_disruption_reaches_kernels_only_through_core_public_names(path):
    assert kernel_import_violations(path) == []


def kernel_import_violations(path: Path) -> list[str]:
    public = _core_public_names()
    bad = []
    for line, mod, names in _imported_modules(path):
        if mod.startswith("netcrime._core."):
            bad.append(f"{_rel(path)}:{line} imports from {mod}")
        elif mod == "netcrime._core":
            bad += [f"{_rel(path)}:{line} imports {n} from netcrime._core (not in its __all__)"
                    for n in names if n not in public]
        elif mod == "netcrime" and "_core" in names:
            bad.append(f"{_rel(path)}:{line} imports the _core package itself")
    return bad


def _private_reads(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    hits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        attr = node.attr
        if not attr.startswith("_") or (attr.startswith("__") and attr.endswith("__")):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        hits.append((node.lineno, f"{ast.unparse(owner)}.{attr}"))
    return hits


@pytest.mark.parametrize("path", [p for p in MODULES if _rel(p) != "graph.py"],
                         ids=lambda p: _rel(p))
def test_no_module_reads_another_objects_private_attributes(path):
    assert private_violations(path) == []


def private_violations(path: Path) -> list[str]:
    return [f"{_rel(path)}:{line} {expr}" for line, expr in _private_reads(path)
            if (_rel(path), expr) not in ALLOWED]
