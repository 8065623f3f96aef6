"""netcrime's own on-disk graph format: a directory that reopens without copying.

:meth:`Graph.save <netcrime.Graph.save>` writes, :meth:`Graph.load <netcrime.Graph.load>`
reads (``mmap=True``: the arrays are memory maps of the files, so a graph of 10^8 ties opens
in the time it takes to read the small files and check the structure).

Layout (format version 1)
-------------------------
A directory (by convention named ``*.ncg``) holding:

* ``manifest.json`` -- ``{"format": "netcrime-graph", "format_version": 1,
  "netcrime_version", "n_nodes", "n_edges", "directed", "meta", "arrays": {...},
  "nodes": {...}, "node_attrs": [...], "edge_attrs": [...]}``;
* ``indptr.npy``, ``indices.npy`` -- the CSR (int64, :attr:`Graph.indptr`,
  :attr:`Graph.indices`); ``edge_ids.npy`` for undirected graphs (:attr:`Graph.edge_ids`);
* one entry per column of labels and attributes: ``nodes``, ``node_attr.<i>``,
  ``edge_attr.<i>`` (``i`` = column position; the names are in the manifest). A numeric,
  bool or ``datetime64[ns]`` column is one ``.npy`` file; a text column is two: ``.utf8.npy``
  (the UTF-8 bytes of all values, uint8) and ``.offsets.npy`` (int64, ``len + 1`` offsets).

Every file is a plain NumPy ``.npy`` file that ``numpy.load(f, mmap_mode="r")`` opens. The
manifest records, per file, its dtype, shape, size in bytes and CRC-32.

Supported columns: int8..int64, uint8..uint64, float32/64, bool, datetime64 and
timedelta64 of any unit (no time zone), and text (every value a ``str``; the pandas dtype,
``object`` or ``str``, is restored). Node labels: the same kinds. Other columns (tuples,
mixed objects, categoricals, nullable extension dtypes, missing text) raise a
ParameterError at save that names the column: convert them first (``astype(str)``).

What is mapped: the CSR, the edge ids and every numeric column (no copy; pages are read
when touched). Text columns and text labels are decoded into Python strings at load (about
a second per million values): a call graph labelled by int64 numbers opens instantly, one
labelled by strings does not. ``meta`` goes through JSON (tuples come back as lists).

Checks at load (a GraphFormatError naming the file and the fault, never a crash on a map):
the manifest parses and has this format and version; every file exists, has the recorded
size, dtype and shape; the CSR is sound (``indptr`` starts at 0 and never decreases, rows
strictly increasing, column indices in ``[0, n)``, edge ids in ``[0, m)``), one pass over
the arrays. ``verify=True`` also recomputes every CRC-32 (reads every byte: seconds per GB).
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._core import csr_problem
from .._validation import check_bool, param_error
from ..exceptions import GraphFormatError
from ..graph import Graph, as_graph
from ._common import check_path

__all__ = ["FORMAT_VERSION", "read_parts", "save_graph"]

#: The version of the layout written by this netcrime; load refuses any other.
FORMAT_VERSION = 1
_FORMAT = "netcrime-graph"
_CSR_FAULTS = {
    1: "indptr does not start at 0",
    2: "indptr decreases at row {}",
    3: "indptr does not end at the length of indices (row {})",
    4: "a column index is outside [0, n) at position {}",
    5: "row entries are not strictly increasing at position {}",
    6: "an edge id is outside [0, m) at position {}",
}


def _crc(a: np.ndarray) -> int:
    flat = a.reshape(-1).view(np.uint8) if a.size else np.zeros(0, np.uint8)
    crc = 0
    step = 1 << 26
    for i in range(0, len(flat), step):
        crc = zlib.crc32(flat[i:i + step], crc)
    return crc


def _write_array(d: Path, name: str, a: np.ndarray, arrays: dict) -> None:
    a = np.ascontiguousarray(a)
    f = d / f"{name}.npy"
    np.save(f, a, allow_pickle=False)
    arrays[name] = {"file": f.name, "dtype": a.dtype.str, "shape": list(a.shape),
                    "bytes": f.stat().st_size, "crc32": _crc(a)}


def _column_kind(s: pd.Series | pd.Index) -> str | None:
    dt = s.dtype
    if isinstance(dt, np.dtype):
        if dt.kind in "iufbmM":
            return "numeric"
        if dt.kind == "O" and all(isinstance(x, str) for x in s):
            return "text"
    elif pd.api.types.is_string_dtype(dt) and not s.isna().any():
        return "text"
    return None


def _write_column(d: Path, name: str, col: pd.Series | pd.Index, what: str,
                  arrays: dict, where: tuple[str, str]) -> dict:
    kind = _column_kind(col)
    if kind is None:
        raise param_error(*where,
                          "a graph whose labels and attributes are numbers, bools, "
                          "datetime64[ns] or text (see netcrime.io.native)", None,
                          shown=f"{what} of dtype {col.dtype}")
    if kind == "numeric":
        _write_array(d, name, col.to_numpy(), arrays)
        return {"kind": kind}
    enc = [x.encode("utf-8") for x in col]
    off = np.zeros(len(enc) + 1, np.int64)
    np.cumsum([len(b) for b in enc], out=off[1:])
    _write_array(d, f"{name}.utf8", np.frombuffer(b"".join(enc), np.uint8), arrays)
    _write_array(d, f"{name}.offsets", off, arrays)
    return {"kind": kind, "dtype": str(col.dtype)}


def save_graph(g: Any, path: str | os.PathLike) -> Path:
    """Write ``g`` to the directory ``path`` (created; its files are replaced); the layout
    is stated in the module docstring. Returns the directory."""
    func = "save_graph"
    return write_parts(as_graph(g, func=func, param="g"), path, func=func, graph_param="g")


def write_parts(g: Graph, path: Any, *, func: str, graph_param: str) -> Path:
    """:func:`save_graph` (for :meth:`Graph.save`), its messages naming ``func`` and the
    graph's parameter ``graph_param``."""
    from .. import __version__

    d = check_path(path, func)
    if d.exists() and not d.is_dir():
        raise param_error(func, "path", "a directory path (not an existing file)",
                          str(d.name))
    try:
        meta = json.loads(json.dumps(dict(g.meta)))
    except (TypeError, ValueError):
        raise param_error(func, graph_param, "a graph whose meta values are JSON values "
                          "(str, numbers, bools, lists, dicts)", None,
                          shown=f"meta keys {sorted(g.meta)!r}") from None
    d.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {}
    _write_array(d, "indptr", g.indptr, arrays)
    _write_array(d, "indices", g.indices, arrays)
    if not g.directed:
        _write_array(d, "edge_ids", g.edge_ids, arrays)
    where = (func, graph_param)
    nodes = {**_write_column(d, "nodes", g.nodes, "the node labels", arrays, where),
             "name": g.nodes.name}
    tables = {}
    for prefix, table in (("node_attr", g.node_attrs), ("edge_attr", g.edge_attrs)):
        cols = []
        for i, c in enumerate(table.columns):
            if not isinstance(c, str):
                raise param_error(func, graph_param, "a graph whose attribute names are "
                                  "str", None, shown=f"{prefix} column {c!r}")
            kind = _write_column(d, f"{prefix}.{i}", table[c], f"{prefix} {c!r}", arrays,
                                 where)
            cols.append({"name": c, **kind})
        tables[prefix] = cols
    manifest = {
        "format": _FORMAT, "format_version": FORMAT_VERSION, "netcrime_version": __version__,
        "n_nodes": g.n_nodes, "n_edges": g.n_edges, "directed": g.directed, "meta": meta,
        "nodes": nodes, "node_attrs": tables["node_attr"], "edge_attrs": tables["edge_attr"],
        "arrays": arrays,
    }
    tmp = d / "manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    tmp.replace(d / "manifest.json")
    return d


def _fail(f: Path, msg: str) -> GraphFormatError:
    return GraphFormatError(f"{f.parent.name}/{f.name}: {msg}")


def _manifest(d: Path) -> dict:
    f = d / "manifest.json"
    if not d.is_dir():
        raise GraphFormatError(f"{d.name}: not a saved netcrime graph (no such directory)")
    if not f.is_file():
        raise _fail(f, "missing: not a saved netcrime graph, or an incomplete copy")
    try:
        man = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _fail(f, f"unreadable manifest ({exc})") from None
    if not isinstance(man, dict) or man.get("format") != _FORMAT:
        raise _fail(f, f"not a netcrime graph manifest (format {man.get('format')!r})"
                    if isinstance(man, dict) else "not a netcrime graph manifest")
    if man.get("format_version") != FORMAT_VERSION:
        raise _fail(f, f"format version {man.get('format_version')!r} (written by netcrime "
                    f"{man.get('netcrime_version')}); this netcrime reads version "
                    f"{FORMAT_VERSION} only")
    need = ("n_nodes", "n_edges", "directed", "arrays", "nodes", "node_attrs", "edge_attrs")
    missing = [k for k in need if k not in man]
    if missing:
        raise _fail(f, f"manifest lacks {missing[0]!r}")
    return man


def _open(d: Path, man: dict, name: str, mmap: bool, verify: bool) -> np.ndarray:
    entry = man["arrays"].get(name)
    if not isinstance(entry, dict):
        raise _fail(d / "manifest.json", f"manifest lists no array {name!r}")
    f = d / str(entry.get("file"))
    if not f.is_file():
        raise _fail(f, "missing")
    size = f.stat().st_size
    if size != entry.get("bytes"):
        raise _fail(f, f"{size} bytes, the manifest says {entry.get('bytes')} "
                    "(truncated or replaced)")
    try:
        a = np.load(f, mmap_mode="r" if mmap else None, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise _fail(f, f"not a readable .npy file ({exc})") from None
    if a.dtype.str != entry.get("dtype") or list(a.shape) != entry.get("shape"):
        raise _fail(f, f"holds {a.dtype.str} {list(a.shape)}, the manifest says "
                    f"{entry.get('dtype')} {entry.get('shape')}")
    a = np.asarray(a)  # a plain ndarray view of the map (no copy)
    if verify and _crc(a) != entry.get("crc32"):
        raise _fail(f, "CRC-32 mismatch: the content was changed after saving")
    a.setflags(write=False)
    return a


def _column(d: Path, man: dict, name: str, spec: dict, length: int, mmap: bool,
            verify: bool) -> Any:
    kind = spec.get("kind")
    if kind == "numeric":
        a = _open(d, man, name, mmap, verify)
        f = d / f"{name}.npy"
    elif kind == "text":
        blob = _open(d, man, f"{name}.utf8", mmap, verify)
        off = _open(d, man, f"{name}.offsets", mmap, verify)
        f = d / f"{name}.offsets.npy"
        if len(off) != length + 1 or (len(off) and (off[0] != 0 or off[-1] != len(blob))) \
                or (np.diff(off) < 0).any():
            raise _fail(f, "text offsets do not match the text")
        raw = blob.tobytes()
        try:
            a = np.array([raw[off[i]:off[i + 1]].decode("utf-8") for i in range(length)],
                         dtype=object)
        except UnicodeDecodeError:
            raise _fail(d / f"{name}.utf8.npy", "text is not valid UTF-8") from None
    else:
        raise _fail(d / "manifest.json", f"unknown column kind {kind!r} for {name!r}")
    if a.ndim != 1 or len(a) != length:
        raise _fail(f, f"has {len(a)} values, expected {length}")
    if kind == "text" and spec.get("dtype", "object") != "object":
        try:
            return pd.array(a, dtype=spec["dtype"])
        except (TypeError, ValueError):
            raise _fail(d / "manifest.json", f"unknown text dtype {spec['dtype']!r}") from None
    return a


def _table(d: Path, man: dict, key: str, prefix: str, length: int, mmap: bool,
           verify: bool, index: Any) -> pd.DataFrame:
    cols = {}
    for i, c in enumerate(man[key]):
        cols[c["name"]] = _column(d, man, f"{prefix}.{i}", c, length, mmap, verify)
    return pd.DataFrame(cols, index=index, copy=False)


def read_parts(path: str | os.PathLike, *, mmap: bool = True,
               verify: bool = False) -> dict[str, Any]:
    """The checked parts of a saved graph (for :meth:`Graph.load`): ``indptr``, ``indices``,
    ``edge_ids`` (None if directed), ``m``, ``directed``, ``nodes``, ``node_attrs``,
    ``edge_attrs``, ``meta``."""
    return open_parts(path, mmap=mmap, verify=verify, func="read_parts")


def open_parts(path: Any, *, mmap: Any, verify: Any, func: str) -> dict[str, Any]:
    """:func:`read_parts` (for :meth:`Graph.load`), its messages naming ``func``."""
    d = check_path(path, func)
    mmap = check_bool(mmap, func=func, param="mmap")
    verify = check_bool(verify, func=func, param="verify")
    if not d.is_dir():
        raise param_error(func, "path", "a directory written by Graph.save (none there)",
                          str(path))
    man = _manifest(d)
    n, m, directed = int(man["n_nodes"]), int(man["n_edges"]), bool(man["directed"])
    indptr = _open(d, man, "indptr", mmap, verify)
    indices = _open(d, man, "indices", mmap, verify)
    eid = None if directed else _open(d, man, "edge_ids", mmap, verify)
    for name, a in (("indptr", indptr), ("indices", indices), ("edge_ids", eid)):
        if a is not None and (a.dtype != np.int64 or a.ndim != 1):
            raise _fail(d / f"{name}.npy", f"must be a 1-d int64 array, is {a.dtype} {a.shape}")
    if len(indptr) != n + 1 or (directed and len(indices) != m) \
            or (eid is not None and len(eid) != len(indices)):
        raise _fail(d / "indptr.npy", f"array lengths do not match n = {n}, m = {m}")
    code, pos = csr_problem(indptr, indices, np.zeros(0, np.int64) if eid is None else eid, m)
    if code:
        f = d / ("edge_ids.npy" if code == 6 else "indices.npy")
        raise _fail(f, "unsound CSR: " + _CSR_FAULTS[code].format(pos))
    nodes = pd.Index(_column(d, man, "nodes", man["nodes"], n, mmap, verify),
                     name=man["nodes"].get("name"), copy=False)
    if not nodes.is_unique:
        raise _fail(d / "nodes.npy", "node labels are not unique")
    return {
        "indptr": indptr, "indices": indices, "edge_ids": eid, "m": m, "directed": directed,
        "nodes": nodes, "meta": man.get("meta") or {},
        "node_attrs": _table(d, man, "node_attrs", "node_attr", n, mmap, verify, nodes),
        "edge_attrs": _table(d, man, "edge_attrs", "edge_attr", m, mmap, verify,
                             pd.RangeIndex(m)),
    }
