"""Read and write networks in the file formats criminal-network analysts already use.

* ``.dl`` -- UCINET DL (fullmatrix, edgelist1, nodelist1; labels; several matrices):
  :func:`read_ucinet_dl`, :func:`read_ucinet_dl_matrices`, :func:`write_ucinet_dl`;
* ``.net``, ``.paj`` -- Pajek (``*Vertices``, ``*Arcs``, ``*Edges``, ``*Arcslist``,
  ``*Edgeslist``, ``*Matrix``): :func:`read_pajek`, :func:`write_pajek`;
* ``.graphml`` -- GraphML (through networkx): :func:`read_graphml`, :func:`write_graphml`;
* ``.csv`` -- edge list plus an optional node list: :func:`read_csv`, :func:`write_csv`.

:func:`read` and :func:`write` choose the format from the extension (or ``format=``).
Round trips keep node labels (as text for DL and Pajek, whose labels are text), direction
and weights. A file that cannot be read raises :class:`~netcrime.exceptions.GraphFormatError`
whose message starts with the file name and the line number, e.g.
``friends.dl, line 7: row 2 of matrix 1 has 3 values; expected 4.``

Direction is never guessed from data: DL files carry no direction, so
:func:`read_ucinet_dl` takes ``directed=`` (default True, a UCINET matrix being a relation
``x(i, j)`` from row to column); CSV edge lists need ``directed=`` too; Pajek files say it
with ``*Arcs`` versus ``*Edges``; GraphML says it in its header.

Examples
--------
>>> import netcrime as nc
>>> import tempfile, pathlib
>>> g = nc.datasets.load("caviar_phase01")
>>> with tempfile.TemporaryDirectory() as d:
...     nc.io.write(g, pathlib.Path(d) / "phase1.net")
...     h = nc.io.read(pathlib.Path(d) / "phase1.net")
>>> h.n_nodes, h.n_edges, h.directed
(15, 18, False)
"""

from __future__ import annotations

import math
import os
import re
import warnings
from collections.abc import Hashable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._validation import check_bool, check_choice, param_error
from .exceptions import GraphFormatError, NetcrimeWarning
from .graph import Graph, _label_index, as_graph

__all__ = [
    "read",
    "read_csv",
    "read_graphml",
    "read_pajek",
    "read_ucinet_dl",
    "read_ucinet_dl_matrices",
    "write",
    "write_csv",
    "write_graphml",
    "write_pajek",
    "write_ucinet_dl",
]

_EXTENSIONS = {
    ".dl": "ucinet",
    ".net": "pajek",
    ".paj": "pajek",
    ".graphml": "graphml",
    ".csv": "csv",
}
_FORMATS = ("ucinet", "pajek", "graphml", "csv")


# ============================================================================ helpers
def _check_path(path: Any, func: str, param: str = "path") -> Path:
    if isinstance(path, (str, os.PathLike)):
        return Path(path)
    raise param_error(func, param, "a file path (str or os.PathLike)", path)


def _read_lines(path: Path, encoding: str) -> list[str]:
    with open(path, encoding=encoding, newline=None) as fh:
        return fh.read().splitlines()


def _err(path: Path, line: int | None, msg: str) -> GraphFormatError:
    where = f"{path.name}, line {line}" if line is not None else f"{path.name}"
    return GraphFormatError(f"{where}: {msg}")


def _format_value(v: float) -> str:
    """Shortest text that reads back as exactly ``v`` (integers without a decimal point)."""
    v = float(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def _weights_for_write(g: Graph, weight: str | None, func: str) -> np.ndarray | None:
    """Per-edge (edge-id order) values to write, or None for a binary network."""
    if weight is None:
        return None
    if weight == "weight" and not g.weighted:
        return None
    ea = g._edge_attrs
    if not isinstance(weight, str) or weight not in ea.columns:
        raise param_error(func, "weight",
                          f"None or the name of an edge attribute {list(ea.columns)!r}", weight)
    col = ea[weight]
    if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
        raise param_error(func, "weight", "the name of a numeric edge attribute", weight)
    vals = col.to_numpy(dtype=float)
    if not np.all(np.isfinite(vals)):
        raise param_error(func, "weight", "an edge attribute holding finite numbers", weight)
    return vals


def _first_repeat(a: np.ndarray, b: np.ndarray, directed: bool) -> tuple[int, int] | None:
    """Positions ``(first, repeat)`` of the first integer pair that occurs twice, or None."""
    if len(a) < 2:
        return None
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    key = pd.Index(a * (int(max(a.max(), b.max())) + 1) + b)
    dup = key.duplicated()
    if not dup.any():
        return None
    j = int(np.flatnonzero(dup)[0])
    i = int(np.flatnonzero(key == key[j])[0])
    return i, j


def _text_label(x: Hashable) -> str:
    return x if isinstance(x, str) else str(x)


# ============================================================================ read / write
def read(path: str | os.PathLike, *, format: str | None = None, **kw: Any) -> Graph:
    """Read a network, choosing the format from the file extension.

    Parameters
    ----------
    path : str or os.PathLike
        ``.dl`` (UCINET DL), ``.net`` / ``.paj`` (Pajek), ``.graphml`` or ``.csv``.
    format : {"ucinet", "pajek", "graphml", "csv"}, optional
        Overrides the extension.
    **kw
        Passed to the reader (:func:`read_ucinet_dl`, :func:`read_pajek`,
        :func:`read_graphml`, :func:`read_csv`); ``read_csv`` needs ``directed=``.

    Returns
    -------
    Graph

    Raises
    ------
    ParameterError
        Unknown extension or format, or ``directed`` missing for a CSV file.
    GraphFormatError
        The file is malformed (the message names the file and line).

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=True, nodes=["a", "b", "c"])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nc.io.write(g, pathlib.Path(d) / "g.dl")
    ...     h = nc.io.read(pathlib.Path(d) / "g.dl")
    >>> list(h.nodes), h.n_edges
    (['a', 'b', 'c'], 2)
    """
    p = _check_path(path, "read")
    fmt = _pick_format(p, format, "read")
    if fmt == "ucinet":
        return read_ucinet_dl(p, **kw)
    if fmt == "pajek":
        return read_pajek(p, **kw)
    if fmt == "graphml":
        return read_graphml(p, **kw)
    if "directed" not in kw:
        raise param_error("read", "directed", "given (True or False) for a CSV edge list, "
                          "whose direction is never guessed", None)
    return read_csv(p, **kw)


def write(g: Any, path: str | os.PathLike, *, format: str | None = None, **kw: Any) -> None:
    """Write a network, choosing the format from the file extension.

    Parameters
    ----------
    g : Graph or graph-like
        Anything :func:`netcrime.as_graph` accepts (for DL, also a mapping of matrix label
        to Graph, see :func:`write_ucinet_dl`).
    path : str or os.PathLike
        ``.dl``, ``.net`` / ``.paj``, ``.graphml`` or ``.csv``.
    format : {"ucinet", "pajek", "graphml", "csv"}, optional
        Overrides the extension.
    **kw
        Passed to the writer.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.datasets.load("hijackers_911_prior_contacts")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nc.io.write(g, pathlib.Path(d) / "g.graphml")
    ...     nc.io.read(pathlib.Path(d) / "g.graphml").n_edges
    27
    """
    p = _check_path(path, "write")
    fmt = _pick_format(p, format, "write")
    if fmt == "ucinet":
        write_ucinet_dl(g, p, **kw)
    elif fmt == "pajek":
        write_pajek(g, p, **kw)
    elif fmt == "graphml":
        write_graphml(g, p, **kw)
    else:
        write_csv(g, p, **kw)


def _pick_format(p: Path, format: str | None, func: str) -> str:
    if format is not None:
        return check_choice(format, _FORMATS, func=func, param="format")
    ext = p.suffix.lower()
    if ext not in _EXTENSIONS:
        raise param_error(func, "path", "a file name ending in "
                          + ", ".join(_EXTENSIONS) + " (or pass format=)", str(p.name))
    return _EXTENSIONS[ext]


# ============================================================================ UCINET DL
_DL_FORMATS = {
    "fullmatrix": "fullmatrix", "fm": "fullmatrix", "full": "fullmatrix",
    "edgelist1": "edgelist1", "edgelist": "edgelist1", "el1": "edgelist1",
    "nodelist1": "nodelist1", "nodelist": "nodelist1", "nl1": "nodelist1",
}
_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,="\':]+)|(=)|(:)')
_DATA_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,"\']+)')


def _tokens(text: str, line: int, pattern: re.Pattern = _TOKEN) -> list[tuple[str, str, int]]:
    out = []
    for m in pattern.finditer(text):
        if m.group(1) is not None:
            out.append(("str", m.group(1), line))
        elif m.group(2) is not None:
            out.append(("str", m.group(2), line))
        elif m.group(3) is not None:
            out.append(("word", m.group(3), line))
        else:
            out.append(("sym", m.group(0), line))
    return out


def _data_tokens(text: str) -> list[str]:
    """Tokens of a data line: separated by blanks or commas; quotes keep blanks."""
    if '"' in text or "'" in text:
        return [t[1] for t in _tokens(text, 0, _DATA_TOKEN)]
    return text.replace(",", " ").split()


def _node_number(tok: str) -> int | None:
    t = tok[1:] if tok.startswith("+") else tok
    return int(t) if t.isascii() and t.isdigit() else None


class _Cells:
    """Non-zero cells of one matrix, in file order: row, column, value and line."""

    def __init__(self) -> None:
        self.s: list[int] = []
        self.t: list[int] = []
        self.v: list[float] = []
        self.ln: list[int] = []

    def arrays(self, path: Path, n: int, what: str) -> tuple[np.ndarray, ...]:
        """Arrays sorted by (row, column), repeated cells merged, zero cells dropped."""
        s = np.asarray(self.s, np.int64)
        t = np.asarray(self.t, np.int64)
        v = np.asarray(self.v, float)
        ln = np.asarray(self.ln, np.int64)
        key = s * max(n, 1) + t
        order = np.argsort(key, kind="stable")
        s, t, v, ln, key = s[order], t[order], v[order], ln[order], key[order]
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        if not first.all():
            head = np.maximum.accumulate(np.where(first, np.arange(len(key)), 0))
            bad = np.flatnonzero(v != v[head])
            if len(bad):
                e = bad[np.argmin(ln[bad])]
                f = head[e]
                raise _err(path, int(ln[e]), f"cell ({s[e] + 1}, {t[e] + 1}) of {what} is "
                           f"given the value {_format_value(v[e])} here and "
                           f"{_format_value(v[f])} on line {ln[f]}.")
            s, t, v, ln = s[first], t[first], v[first], ln[first]
        nz = v != 0  # a zero cell is no tie
        return s[nz], t[nz], v[nz], ln[nz]


class _DLHeader:
    def __init__(self) -> None:
        self.n: int | None = None
        self.nr: int | None = None
        self.nc: int | None = None
        self.nm = 1
        self.format = "fullmatrix"
        self.labels: list[str] | None = None
        self.row_labels: list[str] | None = None
        self.col_labels: list[str] | None = None
        self.matrix_labels: list[str] | None = None
        self.row_embedded = False
        self.col_embedded = False
        self.diagonal_absent = False


def _parse_dl_header(path: Path, lines: list[str]) -> tuple[_DLHeader, int, str]:
    """Return (header, index of the ``data:`` line, text after ``data:`` on that line)."""
    data_at = None
    for i, line in enumerate(lines):
        m = re.match(r"\s*data\s*:", line, flags=re.I)
        if m:
            data_at = i
            rest = line[m.end():]
            break
    first = next((i for i, s in enumerate(lines) if s.strip()), None)
    if first is None:
        raise _err(path, 1, "the file is empty; a UCINET DL file starts with 'DL'.")
    toks: list[tuple[str, str, int]] = []
    stop = data_at if data_at is not None else len(lines)
    for i in range(first, stop):
        toks.extend(_tokens(lines[i], i + 1))
    if not toks or toks[0][0] != "word" or toks[0][1].lower() != "dl":
        raise _err(path, first + 1, "bad header: a UCINET DL file must start with 'DL'. "
                   f"Got {lines[first].strip()[:40]!r} instead.")
    if data_at is None:
        raise _err(path, len(lines), "missing section: no 'data:' line was found.")
    h = _DLHeader()
    pos = 1

    def peek(k: int = 0) -> tuple[str, str, int] | None:
        return toks[pos + k] if pos + k < len(toks) else None

    def expect_sym(sym: str, after: tuple[str, str, int]) -> None:
        nonlocal pos
        t = peek()
        if t is None or t[0] != "sym" or t[1] != sym:
            got = "end of header" if t is None else repr(t[1])
            raise _err(path, (t or after)[2], f"bad header: expected '{sym}' after "
                       f"{after[1]!r}; got {got}.")
        pos += 1

    def take_int(after: tuple[str, str, int]) -> int:
        nonlocal pos
        t = peek()
        if t is None or t[0] != "word" or not re.fullmatch(r"\d+", t[1]):
            got = "end of header" if t is None else repr(t[1])
            raise _err(path, (t or after)[2], f"bad header: {after[1]!r} must be followed by "
                       f"'=' and a non-negative integer; got {got}.")
        pos += 1
        return int(t[1])

    def take_labels(count: int | None, what: str, kw: tuple[str, str, int]) -> list[str]:
        nonlocal pos
        if count is None:
            raise _err(path, kw[2], f"bad header: {what} come before the dimension N "
                       "(or NR/NC/NM) they depend on.")
        out: list[str] = []
        while len(out) < count:
            t = peek()
            if t is None:
                raise _err(path, data_at + 1, f"bad header: expected {count} {what}, found "
                           f"{len(out)} before 'data:'.")
            if t[0] == "sym":
                raise _err(path, t[2], f"bad header: unexpected {t[1]!r} among the {what}.")
            out.append(t[1])
            pos += 1
        return out

    while pos < len(toks):
        t = toks[pos]
        if t[0] != "word":
            raise _err(path, t[2], f"bad header: unexpected {t[1]!r}.")
        key = t[1].lower()
        pos += 1
        if key in ("n", "nr", "nc", "nm"):
            expect_sym("=", t)
            v = take_int(t)
            if key == "nm" and v < 1:
                raise _err(path, t[2], "bad header: NM must be at least 1.")
            setattr(h, key, v)
            if key == "n":
                h.nr = h.nc = v
        elif key == "format":
            expect_sym("=", t)
            f = peek()
            if f is None or f[0] == "sym":
                raise _err(path, t[2], "bad header: FORMAT = must name a format.")
            pos += 1
            fmt = _DL_FORMATS.get(f[1].lower())
            if fmt is None:
                raise _err(path, f[2], f"unsupported DL format {f[1]!r}; supported: "
                           "fullmatrix, edgelist1, nodelist1.")
            h.format = fmt
        elif key == "diagonal":
            if peek() is not None and peek()[1] == "=":  # "DIAGONAL PRESENT" also occurs
                pos += 1
            f = peek()
            val = f[1].lower() if f is not None else ""
            if val not in ("present", "absent"):
                raise _err(path, t[2], "bad header: DIAGONAL = must be PRESENT or ABSENT.")
            pos += 1
            h.diagonal_absent = val == "absent"
        elif key in ("labels", "row", "column", "col", "matrix", "level"):
            which = "matrix" if key == "level" else key  # LEVEL LABELS = MATRIX LABELS
            if key != "labels":
                nxt = peek()
                if nxt is None or nxt[1].lower() != "labels":
                    raise _err(path, t[2], f"bad header: expected 'labels' after {t[1]!r}.")
                pos += 1
            nxt = peek()
            if nxt is not None and nxt[0] == "word" and nxt[1].lower() == "embedded":
                pos += 1
                if peek() is not None and peek()[1] == ":":
                    pos += 1
                if which == "matrix":
                    raise _err(path, t[2], "matrix labels cannot be embedded.")
                if which in ("labels", "row"):
                    h.row_embedded = True
                if which in ("labels", "column", "col"):
                    h.col_embedded = True
                continue
            expect_sym(":", t)
            if which == "matrix":
                h.matrix_labels = take_labels(h.nm, "matrix labels", t)
            elif which == "labels":
                h.labels = take_labels(h.n if h.n is not None else h.nr, "labels", t)
            elif which == "row":
                h.row_labels = take_labels(h.nr, "row labels", t)
            else:
                h.col_labels = take_labels(h.nc, "column labels", t)
        else:
            raise _err(path, t[2], f"bad header: unknown keyword {t[1]!r}.")
    if h.nr is None or h.nc is None:
        raise _err(path, first + 1, "bad header: the dimension N = <number of nodes> is "
                   "missing.")
    if h.nr != h.nc:
        raise _err(path, first + 1, f"two-mode (rectangular, NR={h.nr}, NC={h.nc}) data are "
                   "not supported; netcrime reads one-mode networks.")
    h.n = h.nr
    if h.diagonal_absent and h.format != "fullmatrix":
        raise _err(path, first + 1, "DIAGONAL = ABSENT applies to the fullmatrix format only.")
    lab = h.labels
    for other in (h.row_labels, h.col_labels):
        if other is not None:
            if lab is not None and other != lab:
                raise _err(path, first + 1, "row and column labels differ; netcrime reads "
                           "one-mode networks, whose rows and columns are the same nodes.")
            lab = other
    h.labels = lab
    if lab is not None and len(set(lab)) != len(lab):
        dup = next(x for x in lab if lab.count(x) > 1)
        raise _err(path, first + 1, f"label {dup!r} is given twice.")
    return h, data_at, rest


def _data_lines(lines: list[str], data_at: int, rest: str) -> Iterator[tuple[int, str]]:
    if rest.strip():
        yield data_at + 1, rest
    for i in range(data_at + 1, len(lines)):
        if lines[i].strip():
            yield i + 1, lines[i]


class _Labeller:
    """Map node references of a data line to positions, creating embedded labels."""

    def __init__(self, path: Path, h: _DLHeader, embedded: bool) -> None:
        self.path, self.n, self.embedded = path, h.n, embedded
        self.fixed = h.labels is not None
        self.labels: list[str] = list(h.labels) if h.labels is not None else []
        self.index = {x: i for i, x in enumerate(self.labels)}

    def __call__(self, tok: str, line: int) -> int:
        if self.embedded:
            pos = self.index.get(tok)
            if pos is not None:
                return pos
            if self.fixed:
                raise _err(self.path, line, f"unknown label {tok!r} (not among the labels "
                           "of the header).")
            if len(self.labels) >= self.n:
                raise _err(self.path, line, f"label {tok!r} would be node {self.n + 1}, but "
                           f"N = {self.n}.")
            self.index[tok] = len(self.labels)
            self.labels.append(tok)
            return self.index[tok]
        v = _node_number(tok)
        if v is None:
            raise _err(self.path, line, f"node reference {tok!r} is not a node number "
                       f"(1..{self.n}); use 'labels embedded' for names.")
        if not 1 <= v <= self.n:
            raise _err(self.path, line, f"node number {v} is out of range 1..{self.n}.")
        return v - 1

    def final(self) -> list[Any]:
        if self.embedded and not self.fixed and len(self.labels) < self.n:
            raise _err(self.path, None, f"N = {self.n} but the data name only "
                       f"{len(self.labels)} labels; list every node with 'labels:'.")
        if self.labels:
            return self.labels
        return list(range(1, self.n + 1))


def _num(path: Path, tok: str, line: int, what: str) -> float:
    try:
        v = float(tok)
    except ValueError:
        raise _err(path, line, f"non-numeric entry {tok!r} in {what}.") from None
    if not math.isfinite(v):
        raise _err(path, line, f"non-finite entry {tok!r} in {what}.")
    return v


def _parse_dl(path: Path, encoding: str) -> tuple[list[Any], list[str], list[_Cells], str]:
    """Return (node labels, matrix labels, cells per matrix, format)."""
    lines = _read_lines(path, encoding)
    h, data_at, rest = _parse_dl_header(path, lines)
    n, nm = h.n, h.nm
    data = list(_data_lines(lines, data_at, rest))
    mats = [_Cells() for _ in range(nm)]
    end_line = len(lines)

    if h.format == "fullmatrix":
        lab = _Labeller(path, h, False)
        labels = list(h.labels) if h.labels is not None else None
        k = 0
        it = iter(data)
        width = n - 1 if h.diagonal_absent else n
        for k in range(nm):
            what = f"matrix {k + 1}"
            row_pos = list(range(n))
            if h.col_embedded:
                ln, text = next(it, (end_line, None))
                while text is not None and text.strip() == "!":
                    ln, text = next(it, (end_line, None))
                if text is None:
                    raise _err(path, ln, f"missing section: the column labels of {what} "
                               "are missing.")
                cols = _data_tokens(text)
                if len(cols) != n:
                    raise _err(path, ln, f"the column-label line of {what} has {len(cols)} "
                               f"labels; expected {n}.")
                if labels is None:
                    labels = cols
                    if len(set(cols)) != n:
                        raise _err(path, ln, "a column label is given twice.")
                elif cols != labels:
                    bad = next((c for c in cols if c not in labels), None)
                    if bad is not None:
                        raise _err(path, ln, f"unknown label {bad!r} among the column labels "
                                   f"of {what}.")
                    raise _err(path, ln, f"the column labels of {what} are not in the order "
                               "of the node labels.")
            seen_rows: set[int] = set()
            for r in range(n):
                ln, text = next(it, (end_line, None))
                while text is not None and text.strip() == "!" and r == 0:
                    ln, text = next(it, (end_line, None))
                if text is None:
                    raise _err(path, ln, f"missing section: {what} ends after {r} of {n} rows.")
                toks = _data_tokens(text)
                if h.row_embedded:
                    if not toks:
                        raise _err(path, ln, f"row {r + 1} of {what} has no label.")
                    name, toks = toks[0], toks[1:]
                    if labels is None:
                        labels = []
                    if name in labels:
                        i = labels.index(name)
                    elif h.col_embedded or h.labels is not None or len(labels) >= n:
                        raise _err(path, ln, f"unknown label {name!r} heads row {r + 1} of "
                                   f"{what}.")
                    else:
                        labels.append(name)
                        i = len(labels) - 1
                    if i in seen_rows:
                        raise _err(path, ln, f"row label {name!r} appears twice in {what}.")
                    seen_rows.add(i)
                else:
                    i = row_pos[r]
                if len(toks) != width:
                    raise _err(path, ln, f"row {r + 1} of {what} has {len(toks)} values; "
                               f"expected {width}.")
                try:
                    vals = np.array(toks, dtype=float)
                except ValueError:
                    vals = None
                if vals is None or not np.all(np.isfinite(vals)):
                    for tok in toks:  # find and report the bad entry
                        _num(path, tok, ln, f"row {r + 1} of {what}")
                nz = np.flatnonzero(vals)
                cols_j = nz + (nz >= i) if h.diagonal_absent else nz
                c = mats[k]
                c.s.extend([i] * len(nz))
                c.t.extend(cols_j.tolist())
                c.v.extend(vals[nz].tolist())
                c.ln.extend([ln] * len(nz))
        extra = next(((ln, t) for ln, t in it if t.strip() != "!"), None)
        if extra is not None:
            raise _err(path, extra[0], f"unexpected data after the {nm} matrix(es) of "
                       f"{n} rows declared in the header.")
        nodes = labels if labels is not None else lab.final()
        if len(nodes) != n:  # pragma: no cover - guarded above
            raise _err(path, None, "inconsistent labels.")
    else:
        lab = _Labeller(path, h, h.row_embedded or h.col_embedded)
        k = 0
        for ln, text in data:
            if text.strip() == "!":
                k += 1
                if k >= nm:
                    raise _err(path, ln, f"more matrices than NM = {nm} (each '!' starts "
                               "a new matrix).")
                continue
            toks = _data_tokens(text)
            what = f"matrix {k + 1}"
            if h.format == "edgelist1":
                if len(toks) not in (2, 3):
                    raise _err(path, ln, f"an edgelist1 line holds 'i j' or 'i j value'; "
                               f"got {len(toks)} entries.")
                i, j = lab(toks[0], ln), lab(toks[1], ln)
                v = _num(path, toks[2], ln, what) if len(toks) == 3 else 1.0
                pairs = [(i, j, v)]
            else:
                i = lab(toks[0], ln)
                pairs = [(i, lab(t, ln), 1.0) for t in toks[1:]]
            c = mats[k]
            for i, j, v in pairs:
                c.s.append(i)
                c.t.append(j)
                c.v.append(v)
                c.ln.append(ln)
        if k + 1 != nm:
            raise _err(path, end_line, f"missing section: NM = {nm} but the data hold {k + 1} "
                       "matrix(es) (separate matrices with a line holding '!').")
        nodes = lab.final()
    mlabels = h.matrix_labels if h.matrix_labels is not None else [
        str(k + 1) for k in range(nm)]
    if len(set(mlabels)) != len(mlabels):
        raise _err(path, None, "two matrices have the same label.")
    return nodes, mlabels, mats, h.format


def _dl_graph(path: Path, nodes: list[Any], mlabel: str, cells: _Cells, directed: bool,
              weight: str | None, self_loops: str, full: bool) -> Graph:
    n = len(nodes)
    src, dst, val, lines = cells.arrays(path, n, f"matrix {mlabel!r}")
    nn = max(n, 1)
    if not directed and full:
        key = src * nn + dst  # sorted
        tkey = dst * nn + src
        at = np.minimum(np.searchsorted(key, tkey), max(len(key) - 1, 0))
        missing = (key[at] != tkey) if len(key) else np.zeros(0, bool)
        if missing.any():
            e = int(np.flatnonzero(missing)[np.argmin(lines[missing])])
            raise _err(path, int(lines[e]), f"matrix {mlabel!r} is not symmetric: cell "
                       f"({src[e] + 1}, {dst[e] + 1}) is {_format_value(val[e])} but "
                       f"({dst[e] + 1}, {src[e] + 1}) is 0; read it with directed=True.")
    if not directed:
        # one undirected edge per unordered pair; both cells, if given, must agree
        a, b = np.minimum(src, dst), np.maximum(src, dst)
        ukey = a * nn + b
        order = np.argsort(ukey, kind="stable")
        uk = ukey[order]
        first = np.ones(len(uk), bool)
        first[1:] = uk[1:] != uk[:-1]
        head = np.maximum.accumulate(np.where(first, np.arange(len(uk)), 0))
        bad = np.flatnonzero(val[order] != val[order][head])
        if len(bad):
            e, f = order[bad[0]], order[head[bad[0]]]
            raise _err(path, int(max(lines[e], lines[f])), f"matrix {mlabel!r} is not "
                       f"symmetric: cell ({src[e] + 1}, {dst[e] + 1}) is "
                       f"{_format_value(val[e])} but ({src[f] + 1}, {dst[f] + 1}) is "
                       f"{_format_value(val[f])} (line {min(lines[e], lines[f])}); read it "
                       "with directed=True.")
        keep = np.sort(order[first])
        src, dst, val = src[keep], dst[keep], val[keep]
    ea = None
    if weight is not None and np.any(val != 1.0):
        ea = pd.DataFrame({weight: val})
    meta = {"source_file": path.name, "format": "ucinet_dl", "matrix": mlabel}
    try:
        return Graph.from_arrays(n, src, dst, directed=directed,
                                 nodes=_label_index(nodes), edge_attrs=ea,
                                 self_loops=self_loops, meta=meta)
    except GraphFormatError as exc:
        raise _err(path, None, str(exc)) from None


def read_ucinet_dl_matrices(
    path: str | os.PathLike,
    *,
    directed: bool = True,
    weight: str | None = "weight",
    self_loops: str = "keep",
    encoding: str = "utf-8-sig",
) -> dict[str, Graph]:
    """Read every matrix of a UCINET DL file, as ``{matrix label: Graph}``.

    Parameters
    ----------
    path : str or os.PathLike
        The DL file.
    directed : bool
        Read each matrix as arcs ``row -> column`` (True, UCINET's meaning of ``x(i, j)``)
        or as undirected edges (False). With ``directed=False`` a full matrix must be
        symmetric and a pair listed in both orientations must carry the same value.
    weight : str or None
        Edge attribute that receives the cell values. It is added only when some value
        differs from 1 (a binary matrix gives an unweighted graph); None ignores values.
    self_loops : {"keep", "drop", "error"}
        Policy for non-zero diagonal cells.
    encoding : str
        Text encoding of the file.

    Returns
    -------
    dict of str to Graph
        In file order; keys are the ``MATRIX LABELS`` or ``"1"``, ``"2"``, ...; all
        graphs share the same nodes.

    Raises
    ------
    GraphFormatError
        Malformed file; the message names the file and line.

    See Also
    --------
    read_ucinet_dl : one matrix as a Graph.

    Notes
    -----
    Supported: the header keywords ``DL``, ``N``, ``NR``/``NC`` (equal: one-mode data),
    ``NM``, ``FORMAT = FULLMATRIX | EDGELIST1 | NODELIST1``, ``LABELS:``, ``ROW LABELS:``,
    ``COLUMN LABELS:``, ``MATRIX LABELS:`` (or ``LEVEL LABELS:``), ``LABELS EMBEDDED``
    (also row/column), ``DIAGONAL = PRESENT | ABSENT`` (the ``=`` may be omitted, as in
    UCINET's own exports; ABSENT for fullmatrix only), and ``DATA:``. Keywords are
    case-insensitive and may be separated by spaces, commas or line breaks; labels may be
    quoted. A fullmatrix row is one line. Several matrices follow one another; in
    edgelist1/nodelist1 data a line holding ``!`` starts the next matrix. A cell of value 0
    is no tie; an edgelist1 line without a value is a tie of value 1; a cell given twice
    must carry the same value. Without labels the nodes are numbered ``1..N``; labels are
    read as text. Not supported: two-mode data, lowerhalf/upperhalf, blockmatrix,
    edgelist2/nodelist2 and edgearray layouts (refused with a message).

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> text = '''DL N=3 NM=2
    ... FORMAT = EDGELIST1
    ... LABELS:
    ... ann, bob, cy
    ... MATRIX LABELS:
    ... calls, meetings
    ... DATA:
    ... 1 2 4
    ... !
    ... 2 3
    ... '''
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "two.dl"
    ...     _ = p.write_text(text)
    ...     mats = nc.io.read_ucinet_dl_matrices(p)
    >>> {k: v.to_pandas().values.tolist() for k, v in mats.items()}
    {'calls': [['ann', 'bob', 4.0]], 'meetings': [['bob', 'cy']]}
    """
    func = "read_ucinet_dl_matrices"
    p = _check_path(path, func)
    directed = check_bool(directed, func=func, param="directed")
    check_choice(self_loops, ("keep", "drop", "error"), func=func, param="self_loops")
    if weight is not None and not isinstance(weight, str):
        raise param_error(func, "weight", "None or an attribute name (str)", weight)
    nodes, mlabels, mats, fmt = _parse_dl(p, encoding)
    return {ml: _dl_graph(p, nodes, ml, m, directed, weight, self_loops, fmt == "fullmatrix")
            for ml, m in zip(mlabels, mats)}


def read_ucinet_dl(
    path: str | os.PathLike,
    *,
    directed: bool = True,
    matrix: int | str | None = None,
    weight: str | None = "weight",
    self_loops: str = "keep",
    encoding: str = "utf-8-sig",
) -> Graph:
    """Read one network from a UCINET DL file.

    Parameters
    ----------
    path : str or os.PathLike
        The DL file (format described in :func:`read_ucinet_dl_matrices`).
    directed : bool
        Arcs ``row -> column`` (True) or undirected edges (False; a full matrix must then
        be symmetric).
    matrix : int, str or None
        Which matrix of a file with ``NM > 1``: its 0-based position or its label. May be
        None only when the file holds one matrix. Use :func:`read_ucinet_dl_matrices` to
        read them all.
    weight : str or None
        Edge attribute receiving the cell values (added only if some value is not 1).
    self_loops : {"keep", "drop", "error"}
        Policy for non-zero diagonal cells.
    encoding : str
        Text encoding.

    Returns
    -------
    Graph
        ``g.meta`` records ``source_file``, ``format`` and ``matrix`` (its label).

    Raises
    ------
    GraphFormatError
        Malformed file (file name and line in the message).
    ParameterError
        ``matrix`` missing for a multi-matrix file, or not one of its matrices.

    Examples
    --------
    The full-matrix example with embedded labels of the UCINET documentation:

    >>> import netcrime as nc, tempfile, pathlib
    >>> text = '''dl n = 3
    ... format = fullmatrix
    ... labels embedded
    ... data:
    ... bill jan jim
    ... bill 0 1 0
    ... jan  1 0 2
    ... jim  0 2 0
    ... '''
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "m.dl"
    ...     _ = p.write_text(text)
    ...     g = nc.io.read_ucinet_dl(p, directed=False)
    >>> g.to_pandas().values.tolist()
    [['bill', 'jan', 1.0], ['jan', 'jim', 2.0]]
    """
    func = "read_ucinet_dl"
    p = _check_path(path, func)
    mats = read_ucinet_dl_matrices(p, directed=directed, weight=weight,
                                   self_loops=self_loops, encoding=encoding)
    keys = list(mats)
    if matrix is None:
        if len(keys) == 1:
            return mats[keys[0]]
        raise param_error(func, "matrix", f"the position (0..{len(keys) - 1}) or label "
                          f"({', '.join(map(repr, keys))}) of one of the {len(keys)} "
                          f"matrices in {p.name}", None)
    if isinstance(matrix, (int, np.integer)) and not isinstance(matrix, bool):
        if 0 <= int(matrix) < len(keys):
            return mats[keys[int(matrix)]]
    elif isinstance(matrix, str) and matrix in mats:
        return mats[matrix]
    raise param_error(func, "matrix", f"a position in 0..{len(keys) - 1} or one of the labels "
                      f"{keys!r}", matrix)


def _dl_label_text(x: Hashable, func: str) -> str:
    s = _text_label(x)
    if '"' in s or "\n" in s or "\r" in s:
        raise param_error(func, "g", "a graph whose node and matrix labels hold no double "
                          "quote or line break (DL cannot write them)", s)
    if s == "" or re.search(r"[\s,=:']", s) or s == "!":
        return f'"{s}"'
    return s


def write_ucinet_dl(
    g: Any,
    path: str | os.PathLike,
    *,
    format: str = "edgelist1",
    weight: str | None = "weight",
) -> None:
    """Write a network (or several on the same nodes) as a UCINET DL file.

    Parameters
    ----------
    g : Graph, graph-like, or mapping of str to Graph
        One network, or ``{matrix label: Graph}`` for a multi-matrix file (``NM > 1``);
        the graphs of a mapping must have the same nodes in the same order.
    path : str or os.PathLike
        Output file.
    format : {"edgelist1", "fullmatrix", "nodelist1"}
        Data layout. ``nodelist1`` is binary: it refuses valued ties unless ``weight=None``.
    weight : str or None
        Numeric edge attribute written as the cell value (default ``"weight"``, used if the
        graph has it); None writes 1 for every tie.

    Raises
    ------
    ParameterError
        Bad format, weight, labels containing ``"`` or line breaks, a tie whose value is 0
        (a 0 cell means "no tie" in DL), or graphs of a mapping on different nodes.

    Notes
    -----
    Labels are always written (quoted when they contain spaces, commas, ``=``, ``:`` or
    ``'``), so they come back as text. An undirected graph is written as its symmetric
    matrix: both cells ``(i, j)`` and ``(j, i)`` (each edge twice in edgelist1/nodelist1);
    read it back with ``directed=False``. ``NM`` is written only when there are several
    matrices, so single-matrix files are also readable by igraph's DL reader. The
    fullmatrix layout writes ``N`` values per row (``O(N^2)`` text, built one row at a
    time).

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=True,
    ...                          nodes=["a", "b", "c d"], edge_attrs={"weight": [2.5, 1.0]})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "g.dl"
    ...     nc.io.write_ucinet_dl(g, p)
    ...     print(p.read_text())
    DL N=3
    FORMAT = EDGELIST1
    LABELS:
    a
    b
    "c d"
    DATA:
    1 2 2.5
    2 3 1
    <BLANKLINE>
    """
    func = "write_ucinet_dl"
    p = _check_path(path, func)
    fmt = check_choice(format, ("edgelist1", "fullmatrix", "nodelist1"), func=func,
                       param="format")
    if isinstance(g, Mapping):
        if not g:
            raise param_error(func, "g", "a graph or a non-empty mapping of graphs", g)
        mlabels = [_dl_label_text(k, func) for k in g]
        graphs = [as_graph(v, func=func, param="g") for v in g.values()]
        for other in graphs[1:]:
            if not other.nodes.equals(graphs[0].nodes):
                raise param_error(func, "g", "a mapping of graphs on the same nodes in the "
                                  "same order", "graphs with different nodes")
    else:
        graphs = [as_graph(g, func=func, param="g")]
        mlabels = None
    first = graphs[0]
    n = first.n_nodes
    labels = [_dl_label_text(x, func) for x in first.nodes]
    out: list[str] = [f"DL N={n}" + (f" NM={len(graphs)}" if len(graphs) > 1 else ""),
                      f"FORMAT = {fmt.upper()}", "LABELS:"]
    out.extend(labels)
    if mlabels is not None and len(graphs) > 1:
        out.append("MATRIX LABELS:")
        out.extend(mlabels)
    out.append("DATA:")
    for k, h in enumerate(graphs):
        if k:
            if fmt != "fullmatrix":
                out.append("!")
        vals = _weights_for_write(h, weight, func)
        src, dst = h.edge_array()
        if vals is not None and np.any(vals == 0):
            e = int(np.flatnonzero(vals == 0)[0])
            raise param_error(func, "weight", "an attribute with no zero values (a 0 cell "
                              "means 'no tie' in DL)",
                              f"0 on edge ({h.nodes[src[e]]!r}, {h.nodes[dst[e]]!r})")
        if fmt == "nodelist1" and vals is not None and np.any(vals != 1):
            raise param_error(func, "weight", "None for nodelist1, which holds binary ties "
                              "only (or use format='edgelist1')", weight)
        if not h.directed:
            nl = src != dst
            src, dst = np.concatenate([src, dst[nl]]), np.concatenate([dst, src[nl]])
            if vals is not None:
                vals = np.concatenate([vals, vals[nl]])
        order = np.lexsort((dst, src))
        src, dst = src[order], dst[order]
        if vals is not None:
            vals = vals[order]
        if fmt == "edgelist1":
            if vals is None:
                out.extend(f"{a + 1} {b + 1}" for a, b in zip(src.tolist(), dst.tolist()))
            else:
                out.extend(f"{a + 1} {b + 1} {_format_value(v)}"
                           for a, b, v in zip(src.tolist(), dst.tolist(), vals.tolist()))
        elif fmt == "nodelist1":
            starts = np.searchsorted(src, np.arange(n + 1))
            for i in range(n):
                row = dst[starts[i]:starts[i + 1]]
                if len(row):
                    out.append(" ".join([str(i + 1)] + [str(b + 1) for b in row.tolist()]))
        else:
            starts = np.searchsorted(src, np.arange(n + 1))
            for i in range(n):
                row = ["0"] * n
                sl = slice(starts[i], starts[i + 1])
                for b, v in zip(dst[sl].tolist(),
                                (vals[sl].tolist() if vals is not None
                                 else [1.0] * (starts[i + 1] - starts[i]))):
                    row[b] = _format_value(v)
                out.append(" ".join(row))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")


# ============================================================================ Pajek
_PAJEK_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def _pajek_tokens(text: str) -> list[str]:
    if '"' not in text:
        return text.split()
    return [m.group(1) if m.group(1) is not None else m.group(2)
            for m in _PAJEK_TOKEN.finditer(text)]


def _is_number(tok: str) -> bool:
    try:
        float(tok)
    except ValueError:
        return False
    return True


def read_pajek(
    path: str | os.PathLike,
    *,
    multiedges: str = "error",
    self_loops: str = "keep",
    encoding: str = "utf-8-sig",
) -> Graph:
    """Read a Pajek network file (``.net``; a ``.paj`` project holding one network).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    multiedges : {"error", "sum", "max", "min", "first", "last"}
        What to do with a pair listed more than once (Pajek allows it).
    self_loops : {"keep", "drop", "error"}
        Policy for lines ``i i``.
    encoding : str
        Text encoding.

    Returns
    -------
    Graph
        Directed if the file has an ``*Arcs``, ``*Arcslist`` or ``*Matrix`` section (even an
        empty one), else undirected. Node labels are the vertex labels (text; an unlisted
        or unlabelled vertex is labelled by its number as text). Vertex coordinates become the node
        attributes ``x``, ``y`` (and ``z``). A ``"weight"`` attribute is present if any line
        gives a value (lines without one count 1).

    Raises
    ------
    GraphFormatError
        Malformed file (file name and line in the message): missing or bad ``*Vertices``,
        vertex number out of range, non-numeric weight, unsupported section.

    Notes
    -----
    Sections: ``*Network`` (name, kept in ``g.meta["name"]``), ``*Vertices n``, ``*Arcs``,
    ``*Edges`` (``i j [value] [drawing options]``), ``*Arcslist`` / ``*Edgeslist``
    (``i j k ...``: ties from ``i`` to each of ``j k ...``), ``*Matrix`` (``n`` rows of
    values, arcs row -> column). Keywords are case-insensitive; lines starting with ``%``
    are comments. In a file mixing ``*Arcs`` and ``*Edges`` each edge becomes two arcs.
    Drawing options after the value (``c Blue``, ``w 2``, shapes, colours) are not read.
    Two-mode files (``*Vertices n n1``) and other sections (``*Partition``, ``*Vector``)
    are refused.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> text = '''*Vertices 3
    ... 1 "Don Vito"
    ... 2 "Sonny"
    ... 3 "Tom"
    ... *Arcs
    ... 1 2 3
    ... 1 3 1
    ... '''
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "family.net"
    ...     _ = p.write_text(text)
    ...     g = nc.io.read_pajek(p)
    >>> g.to_pandas().values.tolist()
    [['Don Vito', 'Sonny', 3.0], ['Don Vito', 'Tom', 1.0]]
    """
    func = "read_pajek"
    p = _check_path(path, func)
    check_choice(multiedges, ("error", "sum", "max", "min", "first", "last"), func=func,
                 param="multiedges")
    check_choice(self_loops, ("keep", "drop", "error"), func=func, param="self_loops")
    lines = _read_lines(p, encoding)
    n: int | None = None
    labels: dict[int, str] = {}
    coords: dict[int, list[float]] = {}
    section: str | None = None
    name: str | None = None
    src: list[int] = []
    dst: list[int] = []
    val: list[float] = []
    kind: list[str] = []
    where: list[int] = []
    has_value = False
    matrix_row = 0
    networks = 0
    arc_section = False

    def vertex(tok: str, ln: int) -> int:
        v = _node_number(tok)
        if v is None:
            raise _err(p, ln, f"vertex reference {tok!r} is not a vertex number.")
        if not 1 <= v <= n:
            raise _err(p, ln, f"vertex number {v} is out of range 1..{n}.")
        return v - 1

    for idx, raw in enumerate(lines):
        ln = idx + 1
        text = raw.strip()
        if not text or text.startswith("%"):
            continue
        if text.startswith("*"):
            head = text.split(None, 1)
            key = head[0].lower()
            arg = head[1] if len(head) > 1 else ""
            if key == "*network":
                networks += 1
                if networks > 1:
                    raise _err(p, ln, "the file holds several networks; netcrime reads one "
                               "network per file.")
                name = arg.strip() or None
                section = None
            elif key == "*vertices":
                if n is not None:
                    raise _err(p, ln, "a second *Vertices section.")
                parts = arg.split()
                if not parts or not parts[0].isdigit():
                    raise _err(p, ln, "*Vertices must give the number of vertices.")
                if len(parts) > 1:
                    raise _err(p, ln, "two-mode networks (*Vertices n n1) are not supported.")
                n = int(parts[0])
                section = "vertices"
            elif key in ("*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix"):
                if n is None:
                    raise _err(p, ln, f"missing section: {head[0]} comes before *Vertices.")
                section = key[1:]
                matrix_row = 0
                arc_section = arc_section or key in ("*arcs", "*arcslist", "*matrix")
            else:
                raise _err(p, ln, f"unsupported section {head[0]!r}; supported: *Network, "
                           "*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix.")
            continue
        if section is None:
            raise _err(p, ln, "data line outside a section (missing section header such as "
                       "*Vertices or *Arcs).")
        toks = _pajek_tokens(text)
        if section == "vertices":
            v = vertex(toks[0], ln)
            if v in labels:
                raise _err(p, ln, f"vertex {v + 1} is listed twice.")
            labels[v] = toks[1] if len(toks) > 1 else str(v + 1)
            xyz = []
            for t in toks[2:5]:
                if not _is_number(t):
                    break
                xyz.append(float(t))
            if xyz:
                if len(xyz) == 1:
                    raise _err(p, ln, "a vertex coordinate x must be followed by y.")
                coords[v] = xyz
        elif section in ("arcs", "edges"):
            if len(toks) < 2:
                raise _err(p, ln, f"a *{section.capitalize()} line holds 'i j [value]'; got "
                           f"{len(toks)} entry.")
            a, b = vertex(toks[0], ln), vertex(toks[1], ln)
            w = 1.0
            if len(toks) > 2:
                w = _num(p, toks[2], ln, "the tie value")
                has_value = True
            src.append(a)
            dst.append(b)
            val.append(w)
            kind.append(section)
            where.append(ln)
        elif section in ("arcslist", "edgeslist"):
            a = vertex(toks[0], ln)
            for t in toks[1:]:
                src.append(a)
                dst.append(vertex(t, ln))
                val.append(1.0)
                kind.append("arcs" if section == "arcslist" else "edges")
                where.append(ln)
        else:  # matrix
            if matrix_row >= n:
                raise _err(p, ln, f"the *Matrix section has more than {n} rows.")
            if len(toks) != n:
                raise _err(p, ln, f"row {matrix_row + 1} of *Matrix has {len(toks)} values; "
                           f"expected {n}.")
            for j, t in enumerate(toks):
                w = _num(p, t, ln, f"row {matrix_row + 1} of *Matrix")
                if w != 0:
                    src.append(matrix_row)
                    dst.append(j)
                    val.append(w)
                    kind.append("arcs")
                    where.append(ln)
                    has_value = has_value or w != 1
            matrix_row += 1
    if n is None:
        raise _err(p, len(lines) or 1, "missing section: no *Vertices line.")
    directed = arc_section
    s = np.asarray(src, np.int64)
    t = np.asarray(dst, np.int64)
    w = np.asarray(val, float)
    ln_of = np.asarray(where, np.int64)
    if directed:
        und = np.asarray([k == "edges" for k in kind], bool)
        if und.any():
            nl = und & (s != t)
            s, t, w = np.concatenate([s, t[nl]]), np.concatenate([t, s[nl]]), np.concatenate(
                [w, w[nl]])
            ln_of = np.concatenate([ln_of, ln_of[nl]])
    if multiedges == "error":
        rep = _first_repeat(s, t, directed)
        if rep is not None:
            i, j = rep
            raise _err(p, int(ln_of[j]), f"the tie ({s[j] + 1}, {t[j] + 1}) is listed more than "
                       f"once (also on line {ln_of[i]}); pass multiedges='sum', 'max', 'min', "
                       "'first' or 'last' to merge repeated ties.")
    nodes = [labels.get(i, str(i + 1)) for i in range(n)]
    if len(set(nodes)) != n:
        dup = next(x for x in nodes if nodes.count(x) > 1)
        raise _err(p, None, f"the vertex label {dup!r} is used twice; netcrime needs unique "
                   "labels.")
    na = None
    if coords:
        dim = max(len(c) for c in coords.values())
        cols = {c: np.full(n, np.nan) for c in ("x", "y", "z")[:dim]}
        for v, xyz in coords.items():
            for c, x in zip(cols, xyz):
                cols[c][v] = x
        na = pd.DataFrame(cols)
    meta = {"source_file": p.name, "format": "pajek"}
    if name:
        meta["name"] = name
    try:
        return Graph.from_arrays(n, s, t, directed=directed, nodes=_label_index(nodes),
                                 node_attrs=na,
                                 edge_attrs={"weight": w} if has_value else None,
                                 multiedges=multiedges, self_loops=self_loops, meta=meta)
    except GraphFormatError as exc:
        raise _err(p, None, str(exc)) from None


def _pajek_label(x: Hashable, func: str) -> str:
    s = _text_label(x)
    if '"' in s or "\n" in s or "\r" in s:
        raise param_error(func, "g", "a graph whose node labels hold no double quote or line "
                          "break (Pajek cannot write them)", s)
    return f'"{s}"'


def write_pajek(
    g: Any,
    path: str | os.PathLike,
    *,
    weight: str | None = "weight",
    name: str | None = None,
) -> None:
    """Write a network as a Pajek ``.net`` file.

    Parameters
    ----------
    g : Graph or graph-like
        The network; a directed graph is written under ``*Arcs``, an undirected one under
        ``*Edges``.
    path : str or os.PathLike
        Output file.
    weight : str or None
        Numeric edge attribute written as the tie value (default ``"weight"`` if present);
        None writes no values.
    name : str, optional
        Network name for the ``*Network`` line (default ``g.meta["name"]`` if any).

    Notes
    -----
    Labels are quoted; numeric node attributes ``x`` and ``y`` (and ``z``) without missing
    values are written as vertex coordinates. Other node and edge attributes are not part
    of the format. Values are written with full precision.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.Graph.from_arrays(3, [0, 0], [1, 2], directed=False,
    ...                          nodes=["Don Vito", "Sonny", "Tom"])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "g.net"
    ...     nc.io.write_pajek(g, p)
    ...     print(p.read_text())
    *Vertices 3
    1 "Don Vito"
    2 "Sonny"
    3 "Tom"
    *Edges
    1 2
    1 3
    <BLANKLINE>
    """
    func = "write_pajek"
    g = as_graph(g, func=func, param="g")
    p = _check_path(path, func)
    if name is None:
        name = g.meta.get("name") if isinstance(g.meta.get("name"), str) else None
    elif not isinstance(name, str):
        raise param_error(func, "name", "None or a str", name)
    if name is not None and ("\n" in name or "\r" in name):
        raise param_error(func, "name", "a single-line str", name)
    vals = _weights_for_write(g, weight, func)
    out = []
    if name:
        out.append(f"*Network {name}")
    out.append(f"*Vertices {g.n_nodes}")
    na = g._node_attrs
    xyz = [c for c in ("x", "y", "z") if c in na.columns
           and pd.api.types.is_numeric_dtype(na[c]) and not na[c].isna().any()]
    if xyz[:2] != ["x", "y"]:
        xyz = []
    coords = [na[c].to_numpy(dtype=float) for c in xyz]
    for i, lab in enumerate(g.nodes):
        line = f"{i + 1} {_pajek_label(lab, func)}"
        if coords:
            line += " " + " ".join(repr(float(c[i])) for c in coords)
        out.append(line)
    out.append("*Arcs" if g.directed else "*Edges")
    src, dst = g.edge_array()
    if vals is None:
        out.extend(f"{a + 1} {b + 1}" for a, b in zip(src.tolist(), dst.tolist()))
    else:
        out.extend(f"{a + 1} {b + 1} {_format_value(v)}"
                   for a, b, v in zip(src.tolist(), dst.tolist(), vals.tolist()))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")


# ============================================================================ GraphML
def write_graphml(g: Any, path: str | os.PathLike, **kw: Any) -> None:
    """Write a network as GraphML through :func:`networkx.write_graphml`.

    Parameters
    ----------
    g : Graph or graph-like
    path : str or os.PathLike
    **kw
        Passed to :func:`networkx.write_graphml` (e.g. ``prettyprint=False``).

    Notes
    -----
    Node and edge attributes are written with their types (missing values are omitted);
    graph metadata is written when its values are str, int, float or bool (other values,
    e.g. tuples, are left out). GraphML node ids are text: labels come back as str unless
    :func:`read_graphml` is given ``node_type=``.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.datasets.load("london_gang")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nc.io.write_graphml(g, pathlib.Path(d) / "gang.graphml")
    ...     h = nc.io.read_graphml(pathlib.Path(d) / "gang.graphml", node_type=int)
    >>> h.n_edges, int(h.node_attrs.loc[1, "Arrests"])
    (315, 16)
    """
    import networkx as nx

    func = "write_graphml"
    g = as_graph(g, func=func, param="g")
    p = _check_path(path, func)
    G = g.to_networkx()
    G.graph = {k: v for k, v in G.graph.items()
               if isinstance(v, (str, int, float, bool)) and not isinstance(v, np.generic)}
    nx.write_graphml(G, p, **kw)


def read_graphml(
    path: str | os.PathLike, *, node_type: type = str, multiedges: str = "error"
) -> Graph:
    """Read a GraphML file through :func:`networkx.read_graphml`.

    Parameters
    ----------
    path : str or os.PathLike
    node_type : type
        Converts the GraphML node ids (text) to labels, e.g. ``int``.
    multiedges : {"error", "sum", "max", "min", "first", "last"}
        Policy for parallel edges of a multigraph file.

    Returns
    -------
    Graph
        Direction from the file; node/edge data as attributes; graph data in ``g.meta``.

    Raises
    ------
    GraphFormatError
        The file is not valid GraphML (message starts with the file name).

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.datasets.load("caviar")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     nc.io.write_graphml(g, pathlib.Path(d) / "c.graphml")
    ...     h = nc.io.read_graphml(pathlib.Path(d) / "c.graphml", node_type=int)
    >>> h.directed, h.n_edges, h.meta["name"]
    (True, 295, 'caviar')
    """
    import networkx as nx

    func = "read_graphml"
    p = _check_path(path, func)
    try:
        G = nx.read_graphml(p, node_type=node_type)
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise _err(p, None, f"not a readable GraphML file ({exc}).") from None
    except Exception as exc:  # xml.etree.ElementTree.ParseError
        if type(exc).__name__ == "ParseError":
            line = getattr(exc, "position", (None,))[0]
            raise _err(p, line, f"not well-formed XML ({exc}).") from None
        raise
    try:
        return Graph.from_networkx(G, multiedges=multiedges)
    except GraphFormatError as exc:
        raise _err(p, None, str(exc)) from None


# ============================================================================ CSV
def write_csv(
    g: Any,
    path: str | os.PathLike,
    *,
    nodes_path: str | os.PathLike | None = None,
) -> None:
    """Write the edge list (and optionally the node list) as CSV.

    Parameters
    ----------
    g : Graph or graph-like
    path : str or os.PathLike
        Edge list: columns ``source``, ``target`` and every edge attribute.
    nodes_path : str or os.PathLike, optional
        Node list: column ``node`` and every node attribute, one row per node (isolates
        included). Without it, isolates and node attributes are not written and a
        :class:`~netcrime.exceptions.NetcrimeWarning` says so.

    Notes
    -----
    A CSV file does not record direction: read it back with ``directed=``.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> g = nc.datasets.load("oversize_judgments")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     e, v = pathlib.Path(d) / "e.csv", pathlib.Path(d) / "v.csv"
    ...     nc.io.write_csv(g, e, nodes_path=v)
    ...     h = nc.io.read_csv(e, directed=False, nodes_path=v)
    >>> h.n_nodes, h.n_edges
    (182, 113)
    """
    func = "write_csv"
    g = as_graph(g, func=func, param="g")
    p = _check_path(path, func)
    edges = g.to_pandas()
    edges.attrs = {}
    edges.to_csv(p, index=False)
    if nodes_path is not None:
        q = _check_path(nodes_path, func, "nodes_path")
        na = g.node_attrs
        if "node" in na.columns:
            raise param_error(func, "g", "a graph without a node attribute named 'node' "
                              "(the label column of the node list)", "node")
        table = pd.concat([pd.DataFrame({"node": list(g.nodes)}),
                           na.reset_index(drop=True)], axis=1)
        table.to_csv(q, index=False)
    else:
        isolated = int((g.degree() == 0).sum()) if not g.directed else int(
            ((g.out_degree() + g.in_degree()) == 0).sum())
        lost = []
        if isolated:
            lost.append(f"{isolated} isolated node(s)")
        if len(g._node_attrs.columns):
            lost.append("the node attributes")
        if lost:
            warnings.warn(f"write_csv() wrote only the edge list: {' and '.join(lost)} are "
                          "not in it; pass nodes_path= to keep them.", NetcrimeWarning,
                          stacklevel=2)


def read_csv(
    path: str | os.PathLike,
    *,
    directed: bool,
    nodes_path: str | os.PathLike | None = None,
    source: str = "source",
    target: str = "target",
    node_key: str = "node",
    label_dtype: type | None = None,
    multiedges: str = "error",
    self_loops: str = "keep",
    sep: str = ",",
) -> Graph:
    """Read a CSV edge list (and optionally a node list).

    Parameters
    ----------
    path : str or os.PathLike
        Edge list with a header; columns ``source``/``target`` (names configurable); every
        other column is an edge attribute, a numeric ``"weight"`` column being the weight.
    directed : bool
        Required: a CSV file does not say whether its rows are arcs.
    nodes_path : str or os.PathLike, optional
        Node list with a header: column ``node_key`` holds the labels (all nodes, isolates
        included, in this order); other columns are node attributes.
    source, target, node_key : str
        Column names.
    label_dtype : type, optional
        Type of the label columns, e.g. ``str`` to keep ``"007"`` as text (default: pandas
        inference, so ``1, 2, 3`` become ints).
    multiedges, self_loops : str
        Policies for repeated pairs and self-loops, as in :meth:`netcrime.Graph.from_edges`.
    sep : str
        Field separator.

    Returns
    -------
    Graph

    Raises
    ------
    GraphFormatError
        Missing columns, missing endpoints, endpoints absent from the node list, repeated
        pairs with ``multiedges="error"``; the message names the file and, where it
        applies, the line.

    Notes
    -----
    Only an empty field is a missing value: a node called ``"NA"`` or ``"None"`` keeps its
    name.

    Examples
    --------
    >>> import netcrime as nc, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pathlib.Path(d) / "calls.csv"
    ...     _ = p.write_text("source,target,weight\\nNA,Bo,2\\nBo,Cy,1\\n")
    ...     g = nc.io.read_csv(p, directed=True)
    >>> list(g.nodes), g.weighted
    (['NA', 'Bo', 'Cy'], True)
    """
    func = "read_csv"
    p = _check_path(path, func)
    directed = check_bool(directed, func=func, param="directed")
    dtype = None if label_dtype is None else {source: label_dtype, target: label_dtype}
    try:
        edges = pd.read_csv(p, sep=sep, dtype=dtype, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise _err(p, int(m.group(1)) if m else None, f"not a readable CSV edge list "
                   f"({exc}).") from None
    nodes = None
    if nodes_path is not None:
        q = _check_path(nodes_path, func, "nodes_path")
        ndt = None if label_dtype is None else {node_key: label_dtype}
        try:
            nodes = pd.read_csv(q, sep=sep, dtype=ndt, keep_default_na=False, na_values=[""])
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise _err(q, None, f"not a readable CSV node list ({exc}).") from None
        if node_key not in nodes.columns:
            raise _err(q, 1, f"the node list has no {node_key!r} column (columns: "
                       f"{list(nodes.columns)!r}).")
    for col in (source, target):
        if col not in edges.columns:
            raise _err(p, 1, f"the edge list has no {col!r} column (columns: "
                       f"{list(edges.columns)!r}).")
    if nodes is not None and len(edges):
        known = set(nodes[node_key].tolist())
        for col in (source, target):
            bad = ~edges[col].isin(known).to_numpy()
            if bad.any():
                i = int(np.flatnonzero(bad)[0])
                raise _err(p, i + 2, f"unknown label {edges[col].iloc[i]!r} in column "
                           f"{col!r}: it is not in the node list {Path(nodes_path).name}.")
    for col in (source, target):
        miss = edges[col].isna().to_numpy()
        if miss.any():
            raise _err(p, int(np.flatnonzero(miss)[0]) + 2, f"missing endpoint in column "
                       f"{col!r}.")
    check_choice(multiedges, ("error", "sum", "max", "min", "first", "last"), func=func,
                 param="multiedges")
    if multiedges == "error" and len(edges):
        codes, _ = pd.factorize(pd.concat([edges[source], edges[target]], ignore_index=True))
        m = len(edges)
        rep = _first_repeat(codes[:m].astype(np.int64), codes[m:].astype(np.int64), directed)
        if rep is not None:
            i, j = rep
            raise _err(p, j + 2, f"the pair ({edges[source].iloc[j]!r}, "
                       f"{edges[target].iloc[j]!r}) occurs more than once (also on line "
                       f"{i + 2}); pass multiedges='sum', 'max', 'min', 'first' or 'last' to "
                       "merge repeated pairs.")
    try:
        return Graph.from_edges(edges, directed=directed, source=source, target=target,
                                nodes=nodes, node_key=node_key if nodes is not None else None,
                                multiedges=multiedges, self_loops=self_loops,
                                meta={"source_file": p.name, "format": "csv"})
    except GraphFormatError as exc:
        raise _err(p, None, str(exc)) from None
