"""Pajek network files (``.net``, a ``.paj`` project holding one network):
:func:`read_pajek`, :func:`write_pajek`.

The reader (:class:`_PajekReader`) splits the file at its ``*`` lines, each of which opens
a section (one handler per section keyword). The lines of a section go to the handler of
the section (vertices, arcs/edges, arcs/edges lists, matrix) one by one -- unless the
whole block is plain (vertex lines ``i label``, tie lines of plain numbers), which is
read at once with the same result; any other block, and every error, takes the
line-by-line path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, param_error
from ..exceptions import GraphFormatError
from ..graph import Graph, as_graph
from ._common import (
    LOOP_RULES,
    MULTIEDGE_RULES,
    check_count,
    check_encoding,
    check_file,
    check_target,
    decimal_number,
    file_error,
    first_repeat,
    format_value,
    long_block,
    node_number,
    number_block,
    read_text,
    split_lines,
    text_label,
    weights_for_write,
)

__all__ = ["read_pajek", "write_pajek"]

_PAJEK_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_NOT_A_NUMBER = re.compile(r"[+-]?(nan|inf|infinity)", flags=re.I)
_PLAIN_VERTEX = re.compile(r'^[ \t]*([0-9]{1,18})[ \t]+(?:"([^"\n]*)"|([^\s"]+))[ \t]*$',
                           flags=re.M)
_TIE_SECTIONS = ("*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix")
_ARC_SECTIONS = ("*arcs", "*arcslist", "*matrix")


def _pajek_tokens(path: Path, text: str, ln: int) -> list[str]:
    """Tokens separated by blanks; a quoted token keeps its blanks. Quotes must balance
    and open or close a token (no quote inside a word)."""
    if '"' not in text:
        return text.split()
    if text.count('"') % 2:
        raise file_error(path, ln, "unbalanced quote: a label opened with \" is not closed "
                         "on its line.")
    out, end = [], 0
    for m in _PAJEK_TOKEN.finditer(text):
        if m.start() == end and end > 0:
            raise file_error(path, ln, f"a quote inside a word at column {m.start() + 1} "
                             "(quoted labels are separated from the rest by blanks).")
        out.append(m.group(1) if m.group(1) is not None else m.group(2))
        end = m.end()
    return out


def _section_heads(text: str) -> list[int]:
    """Indices of the lines of ``text`` (lines joined by ``\\n``) whose first character
    other than white space is ``*``."""
    heads: list[int] = []
    line, at, pos = 0, 0, text.find("*")
    while pos >= 0:  # pos: the first "*" of its line; each character is looked at twice
        start = text.rfind("\n", 0, pos) + 1
        if start == pos or text[start:pos].isspace():
            line += text.count("\n", at, start)
            at = start
            heads.append(line)
        end = text.find("\n", pos)
        pos = text.find("*", end) if end >= 0 else -1
    return heads


def _number(path: Path, tok: str, ln: int, what: str) -> float:
    """The one number routine of the Pajek reader: a finite decimal number (see
    :func:`read_pajek`, Notes)."""
    return decimal_number(path, tok, ln, what, "Pajek")


def _looks_numeric(tok: str) -> bool:
    """A token that starts like a number (digit, sign, point) or spells nan/inf: it must
    be a number Pajek allows, not a drawing option."""
    return tok[:1] in "0123456789+-." or _NOT_A_NUMBER.fullmatch(tok) is not None


class _PajekReader:
    """The vertices and ties of a Pajek file, read section by section."""

    def __init__(self, path: Path, text_len: int = 0) -> None:
        self.path = path
        self.text_len = text_len
        self.n: int | None = None
        self.labels: dict[int, str] = {}
        self.coords: dict[int, list[float]] = {}
        self.section: str | None = None
        self.name: str | None = None
        self.src: list[int] = []
        self.dst: list[int] = []
        self.val: list[float] = []
        self.kind: list[str] = []  # "arcs" or "edges", per tie
        self.where: list[int] = []  # line of each tie
        self.chunks: list[tuple[np.ndarray, ...]] = []  # ties read a block at a time
        self.has_value = False
        self.matrix_row = 0
        self.networks = 0
        self.arc_section = False

    def read(self, lines: list[str]) -> None:
        heads = _section_heads("\n".join(lines))
        bounds = [*heads, len(lines)]
        self._block(lines, 0, bounds[0])
        for k, h in enumerate(heads):
            self._section(lines[h].strip(), h + 1)
            self._block(lines, h + 1, bounds[k + 1])
        if self.n is None:
            raise file_error(self.path, len(lines) or 1, "missing section: no *Vertices line.")

    def _block(self, lines: list[str], a: int, b: int) -> None:
        """Lines ``a..b-1`` (0-based) of the current section: at once if the block is
        plain, else one by one."""
        if b <= a:
            return
        fast = _BLOCK_READERS.get(self.section)
        if fast is not None and long_block(b - a) and fast(self, lines[a:b], a + 1):
            return
        for idx in range(a, b):
            text = lines[idx].strip()
            if not text or text.startswith("%"):
                continue
            ln = idx + 1
            if self.section is None:
                raise file_error(self.path, ln, "data line outside a section (missing section "
                                 "header such as *Vertices or *Arcs).")
            _LINE_HANDLERS[self.section](self, _pajek_tokens(self.path, text, ln), ln)

    def vertex(self, tok: str, ln: int) -> int:
        # fast path for the common plain number; node_number decides everything else
        v = int(tok) if (tok.isdigit() and tok.isascii() and len(tok) <= 18) else node_number(tok)
        if v is None:
            raise file_error(self.path, ln, f"vertex reference {tok!r} is not a vertex number.")
        if not 1 <= v <= self.n:
            raise file_error(self.path, ln, f"vertex number {v} is out of range 1..{self.n}.")
        return v - 1

    def add(self, a: int, b: int, w: float, kind: str, ln: int) -> None:
        self.src.append(a)
        self.dst.append(b)
        self.val.append(w)
        self.kind.append(kind)
        self.where.append(ln)

    def _flush(self) -> None:
        """Move the ties added one by one into ``chunks`` (keeping file order)."""
        if self.src:
            self.chunks.append((np.asarray(self.src, np.int64), np.asarray(self.dst, np.int64),
                                np.asarray(self.val, float),
                                np.asarray([k == "edges" for k in self.kind], bool),
                                np.asarray(self.where, np.int64)))
            self.src, self.dst, self.val, self.kind, self.where = [], [], [], [], []

    def add_block(self, s: np.ndarray, t: np.ndarray, w: np.ndarray, kind: str,
                  ln: np.ndarray) -> None:
        self._flush()
        self.chunks.append((s, t, w, np.full(len(s), kind == "edges"), ln))

    # ---------------------------------------------------------------- plain blocks
    def plain_vertices(self, block: list[str], ln0: int) -> bool:
        """Vertex lines ``i label`` (the label quoted or one word), all of them: read at
        once. False (nothing read) for any other block."""
        found = _PLAIN_VERTEX.findall("\n".join(block))
        if len(found) != sum(1 for x in block if x.strip()):
            return False
        v = np.array([int(f[0]) for f in found], np.int64)
        if len(v) and (v.min() < 1 or v.max() > self.n or len(np.unique(v)) != len(v)
                       or any(i in self.labels for i in (v - 1).tolist())):
            return False
        self.labels.update(zip((v - 1).tolist(), [f[2] or f[1] for f in found]))
        return True

    def _plain_vertex_numbers(self, blk: Any, idx: np.ndarray) -> np.ndarray | None:
        v = blk.ints(idx)
        if v is None or (len(v) and (v.min() < 1 or v.max() > self.n)):
            return None
        return v - 1

    def plain_ties(self, block: list[str], ln0: int) -> bool:
        """``*Arcs``/``*Edges`` lines ``i j [value]`` of plain numbers: read at once."""
        blk = number_block(block)
        if blk is None:
            return False
        counts = blk.counts
        if not np.all((counts == 0) | (counts == 2) | (counts == 3)):
            return False
        rows = np.flatnonzero(counts)
        first = blk.first[rows]
        a = self._plain_vertex_numbers(blk, first)
        b = self._plain_vertex_numbers(blk, first + 1)
        valued = counts[rows] == 3
        w = blk.floats(first[valued] + 2)
        if a is None or b is None or w is None:
            return False
        val = np.ones(len(rows))
        val[valued] = w
        self.has_value = self.has_value or bool(valued.any())
        self.add_block(a, b, val, self.section, rows + ln0)
        return True

    def plain_lists(self, block: list[str], ln0: int) -> bool:
        """``*Arcslist``/``*Edgeslist`` lines ``i j k ...`` of plain numbers: read at once."""
        blk = number_block(block)
        if blk is None:
            return False
        v = self._plain_vertex_numbers(blk, np.arange(len(blk.starts)))
        if v is None:
            return False
        line_of = np.repeat(np.arange(len(blk.counts)), blk.counts)
        tail = np.ones(len(v), bool)
        tail[blk.first[blk.counts > 0]] = False
        s = v[blk.first[line_of[tail]]]
        self.add_block(s, v[tail], np.ones(len(s)),
                       "arcs" if self.section == "arcslist" else "edges", line_of[tail] + ln0)
        return True

    # ---------------------------------------------------------------- section lines
    def _section(self, text: str, ln: int) -> None:
        head = text.split(None, 1)
        key = head[0].lower()
        arg = head[1] if len(head) > 1 else ""
        if key == "*network":
            self._network(arg, ln)
        elif key == "*vertices":
            self._vertices(arg, ln)
        elif key in _TIE_SECTIONS:
            if self.n is None:
                raise file_error(self.path, ln, f"missing section: {head[0]} comes before "
                                 "*Vertices.")
            self.section = key[1:]
            self.matrix_row = 0
            self.arc_section = self.arc_section or key in _ARC_SECTIONS
        else:
            raise file_error(self.path, ln, f"unsupported section {head[0]!r}; supported: "
                             "*Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, "
                             "*Matrix.")

    def _network(self, arg: str, ln: int) -> None:
        self.networks += 1
        if self.networks > 1:
            raise file_error(self.path, ln, "the file holds several networks; netcrime reads "
                             "one network per file.")
        self.name = arg.strip() or None
        self.section = None

    def _vertices(self, arg: str, ln: int) -> None:
        if self.n is not None:
            raise file_error(self.path, ln, "a second *Vertices section.")
        parts = arg.split()
        if not parts or not re.fullmatch(r"[0-9]+", parts[0]):
            raise file_error(self.path, ln, "*Vertices must give the number of vertices.")
        if len(parts) > 1:
            raise file_error(self.path, ln, "two-mode networks (*Vertices n n1) are not "
                             "supported.")
        if len(parts[0]) > 18:
            raise file_error(self.path, ln, f"*Vertices {parts[0][:30]}... is more than the "
                             "file can hold.")
        check_count(self.path, ln, int(parts[0]), "*Vertices", self.text_len)
        self.n = int(parts[0])
        self.section = "vertices"

    # ---------------------------------------------------------------- data lines
    def vertex_line(self, toks: list[str], ln: int) -> None:
        """``i [label [x y [z]]]``."""
        v = self.vertex(toks[0], ln)
        if v in self.labels:
            raise file_error(self.path, ln, f"vertex {v + 1} is listed twice.")
        self.labels[v] = toks[1] if len(toks) > 1 else str(v + 1)
        xyz = []
        for t in toks[2:]:
            if not _looks_numeric(t):
                break  # drawing options (shape, colours...) start with a word
            if len(xyz) == 3:
                raise file_error(self.path, ln, f"a vertex line holds at most three "
                                 f"coordinates x y z before its drawing options; got {t!r}.")
            xyz.append(_number(self.path, t, ln, f"the coordinates of vertex {v + 1}"))
        if xyz:
            if len(xyz) == 1:
                raise file_error(self.path, ln, "a vertex coordinate x must be followed by y.")
            self.coords[v] = xyz

    def tie_line(self, toks: list[str], ln: int) -> None:
        """``*Arcs``/``*Edges``: ``i j [value] [drawing options]``."""
        section = self.section
        if len(toks) < 2:
            raise file_error(self.path, ln, f"a *{section.capitalize()} line holds "
                             f"'i j [value]'; got {len(toks)} entry.")
        a, b = self.vertex(toks[0], ln), self.vertex(toks[1], ln)
        w = 1.0
        if len(toks) > 2:
            w = _number(self.path, toks[2], ln, "the tie value")
            self.has_value = True
            if len(toks) > 3 and _looks_numeric(toks[3]):
                raise file_error(self.path, ln, f"a *{section.capitalize()} line holds "
                                 f"'i j [value]' before its drawing options; got {toks[3]!r} "
                                 "after the value.")
        self.add(a, b, w, section, ln)

    def list_line(self, toks: list[str], ln: int) -> None:
        """``*Arcslist``/``*Edgeslist``: ``i j k ...``, ties from ``i`` to each of ``j k``."""
        a = self.vertex(toks[0], ln)
        kind = "arcs" if self.section == "arcslist" else "edges"
        for t in toks[1:]:
            self.add(a, self.vertex(t, ln), 1.0, kind, ln)

    def matrix_line(self, toks: list[str], ln: int) -> None:
        """``*Matrix``: one row of ``n`` values, arcs row -> column."""
        n, r = self.n, self.matrix_row
        if r >= n:
            raise file_error(self.path, ln, f"the *Matrix section has more than {n} rows.")
        if len(toks) != n:
            raise file_error(self.path, ln, f"row {r + 1} of *Matrix has {len(toks)} values; "
                             f"expected {n}.")
        for j, t in enumerate(toks):
            w = _number(self.path, t, ln, f"row {r + 1} of *Matrix")
            if w != 0:
                self.add(r, j, w, "arcs", ln)
                self.has_value = self.has_value or w != 1
        self.matrix_row += 1

    # ---------------------------------------------------------------- results
    def ties(self, multiedges: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """Sources, targets, values and direction; in a directed file an edge becomes two
        arcs. Repeated ties are refused under ``multiedges="error"``."""
        directed = self.arc_section
        self._flush()
        s, t, w, und, ln_of = (np.concatenate(c) for c in zip(*self.chunks)) if self.chunks \
            else (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0, bool),
                  np.zeros(0, np.int64))
        if directed:
            if und.any():
                nl = und & (s != t)
                s, t, w = (np.concatenate([s, t[nl]]), np.concatenate([t, s[nl]]),
                           np.concatenate([w, w[nl]]))
                ln_of = np.concatenate([ln_of, ln_of[nl]])
        if multiedges == "error":
            rep = first_repeat(s, t, directed)
            if rep is not None:
                i, j = rep
                raise file_error(self.path, int(ln_of[j]), f"the tie ({s[j] + 1}, {t[j] + 1}) "
                                 f"is listed more than once (also on line {ln_of[i]}); pass "
                                 "multiedges='sum', 'max', 'min', 'first' or 'last' to merge "
                                 "repeated ties.")
        return s, t, w, directed

    def nodes(self) -> list[str]:
        """Vertex labels (an unlabelled vertex: its number as text); unique."""
        n = self.n
        nodes = [self.labels.get(i, str(i + 1)) for i in range(n)]
        if len(set(nodes)) != n:
            seen: set[str] = set()
            dup = next(x for x in nodes if x in seen or seen.add(x))
            raise file_error(self.path, None, f"the vertex label {dup!r} is used twice; "
                             "netcrime needs unique labels.")
        return nodes

    def node_attrs(self) -> pd.DataFrame | None:
        """Vertex coordinates as columns ``x``, ``y`` (and ``z``); NaN where not given."""
        if not self.coords:
            return None
        dim = max(len(c) for c in self.coords.values())
        cols = {c: np.full(self.n, np.nan) for c in ("x", "y", "z")[:dim]}
        for v, xyz in self.coords.items():
            for c, x in zip(cols, xyz):
                cols[c][v] = x
        return pd.DataFrame(cols)


_BLOCK_READERS = {
    "vertices": _PajekReader.plain_vertices,
    "arcs": _PajekReader.plain_ties,
    "edges": _PajekReader.plain_ties,
    "arcslist": _PajekReader.plain_lists,
    "edgeslist": _PajekReader.plain_lists,
}

_LINE_HANDLERS = {
    "vertices": _PajekReader.vertex_line,
    "arcs": _PajekReader.tie_line,
    "edges": _PajekReader.tie_line,
    "arcslist": _PajekReader.list_line,
    "edgeslist": _PajekReader.list_line,
    "matrix": _PajekReader.matrix_line,
}


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
        Text encoding (default UTF-8, with or without a byte-order mark).

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

    Strictness: bytes that do not decode with ``encoding`` are an error naming the line and
    the encoding. Numbers (coordinates, tie values, matrix cells) are decimal: ASCII
    digits with an optional sign, decimal point and exponent (``2``, ``-0.5``,
    ``1.5e-3``); ``nan``, ``inf``, hex, underscores and values beyond the float range are
    refused; after a vertex label, tokens that start like a number (digit, sign, point)
    are coordinates (at most three) and the first word starts the drawing options. Vertex
    numbers are ASCII digits. Quotes must balance on each line and open or close a token.
    ``*Vertices n`` is checked before anything is allocated: a count above 10,000 that
    exceeds the length of the file in characters is refused, naming its line.

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
    p = check_file(path, func)
    check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
    check_choice(self_loops, LOOP_RULES, func=func, param="self_loops")
    encoding = check_encoding(encoding, func)
    text = read_text(p, encoding, func)
    reader = _PajekReader(p, len(text))
    reader.read(split_lines(text))
    s, t, w, directed = reader.ties(multiedges)
    nodes = reader.nodes()
    na = reader.node_attrs()
    meta = {"source_file": p.name, "format": "pajek"}
    if reader.name:
        meta["name"] = reader.name
    try:
        return Graph.from_arrays(reader.n, s, t, directed=directed, nodes=nodes,
                                 node_attrs=na,
                                 edge_attrs={"weight": w} if reader.has_value else None,
                                 multiedges=multiedges, self_loops=self_loops, meta=meta)
    except GraphFormatError as exc:
        raise file_error(p, None, str(exc)) from None


def _pajek_label(x: Hashable, func: str) -> str:
    s = text_label(x)
    if '"' in s or "\n" in s or "\r" in s:
        raise param_error(func, "g", "a graph whose node labels hold no double quote or line "
                          "break (Pajek cannot write them)", s)
    return f'"{s}"'


def _coordinates(na: pd.DataFrame) -> list[np.ndarray]:
    """Columns ``x``, ``y`` (and ``z``) when numeric without missing values, else none."""
    xyz = [c for c in ("x", "y", "z") if c in na.columns
           and pd.api.types.is_numeric_dtype(na[c]) and not na[c].isna().any()]
    if xyz[:2] != ["x", "y"]:
        xyz = []
    return [na[c].to_numpy(dtype=float) for c in xyz]


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
    p = check_target(path, func)
    if name is None:
        name = g.meta.get("name") if isinstance(g.meta.get("name"), str) else None
    elif not isinstance(name, str):
        raise param_error(func, "name", "None or a str", name)
    if name is not None and ("\n" in name or "\r" in name):
        raise param_error(func, "name", "a single-line str", name)
    vals = weights_for_write(g, weight, func)
    out = []
    if name:
        out.append(f"*Network {name}")
    out.append(f"*Vertices {g.n_nodes}")
    coords = _coordinates(g.node_attrs)
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
        out.extend(f"{a + 1} {b + 1} {format_value(v)}"
                   for a, b, v in zip(src.tolist(), dst.tolist(), vals.tolist()))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")
