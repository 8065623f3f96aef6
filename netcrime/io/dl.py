"""UCINET DL files: :func:`read_ucinet_dl`, :func:`read_ucinet_dl_matrices`,
:func:`write_ucinet_dl`.

The reader works in three steps, one function or class per section of the file: the
header (:class:`_HeaderReader`, keyword by keyword), the data (:class:`_FullMatrix` for
the fullmatrix layout, :func:`_read_lists` for edgelist1/nodelist1), then one Graph per
matrix (:func:`_dl_graph`). Edgelist1/nodelist1 data made of plain numbers are read a
block at a time (:func:`_plain_lists`) with the same result as line by line; any other
block, and every error, takes the line-by-line path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_bool, check_choice, param_error
from ..exceptions import GraphFormatError
from ..graph import Graph, as_graph
from ._common import (
    LOOP_RULES,
    check_count,
    check_encoding,
    check_file,
    check_target,
    decimal_number,
    file_error,
    format_value,
    long_block,
    node_number,
    number_block,
    read_text,
    split_lines,
    text_label,
    weights_for_write,
)

__all__ = ["read_ucinet_dl", "read_ucinet_dl_matrices", "write_ucinet_dl"]

_DL_FORMATS = {
    "fullmatrix": "fullmatrix", "fm": "fullmatrix", "full": "fullmatrix",
    "edgelist1": "edgelist1", "edgelist": "edgelist1", "el1": "edgelist1",
    "nodelist1": "nodelist1", "nodelist": "nodelist1", "nl1": "nodelist1",
}
_WRITE_FORMATS = ("edgelist1", "fullmatrix", "nodelist1")
_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,="\':]+)|(=)|(:)')
_DATA_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,"\']+)')
_DATA_LINE = re.compile(r"\s*data\s*:", flags=re.I)

Token = tuple[str, str, int]  # (kind: "str" | "word" | "sym", text, line)


# ============================================================================ tokens
def _number(path: Path, tok: str, line: int, what: str) -> float:
    """The one number routine of the DL reader: a finite decimal number (see
    :func:`read_ucinet_dl_matrices`, Notes)."""
    return decimal_number(path, tok, line, what, "UCINET DL")


def _tokens(path: Path, text: str, line: int, pattern: re.Pattern = _TOKEN) -> list[Token]:
    """The tokens of one line; a quote that does not close on its line is an error."""
    if '"' not in text and "'" not in text:  # no quote: words (group 3) and symbols
        return [("word" if m.lastindex == 3 else "sym", m.group(0), line)
                for m in pattern.finditer(text)]
    out = []
    end = 0
    for m in pattern.finditer(text):
        if any(c in "\"'" for c in text[end:m.start()]):
            break
        end = m.end()
        if m.group(1) is not None:
            out.append(("str", m.group(1), line))
        elif m.group(2) is not None:
            out.append(("str", m.group(2), line))
        elif m.group(3) is not None:
            out.append(("word", m.group(3), line))
        else:
            out.append(("sym", m.group(0), line))
    rest = text[end:]
    if '"' in rest or "'" in rest:
        q = '"' if '"' in rest else "'"
        raise file_error(path, line, f"unbalanced quote: the {q} at column "
                         f"{end + rest.index(q) + 1} is not closed on its line.")
    return out


def _data_tokens(path: Path, text: str, line: int) -> list[str]:
    """Tokens of a data line: separated by blanks or commas; quotes keep blanks."""
    if '"' in text or "'" in text:
        return [t[1] for t in _tokens(path, text, line, _DATA_TOKEN)]
    return text.replace(",", " ").split()


class _Cells:
    """Non-zero cells of one matrix, in file order: row, column, value and line (added one
    by one to the lists, or a block at a time to ``chunks``)."""

    def __init__(self) -> None:
        self.s: list[int] = []
        self.t: list[int] = []
        self.v: list[float] = []
        self.ln: list[int] = []
        self.chunks: list[tuple[np.ndarray, ...]] = []

    def add(self, i: int, j: int, v: float, ln: int) -> None:
        self.s.append(i)
        self.t.append(j)
        self.v.append(v)
        self.ln.append(ln)

    def _flush(self) -> None:
        if self.s:
            self.chunks.append((np.asarray(self.s, np.int64), np.asarray(self.t, np.int64),
                                np.asarray(self.v, float), np.asarray(self.ln, np.int64)))
            self.s, self.t, self.v, self.ln = [], [], [], []

    def add_block(self, s: np.ndarray, t: np.ndarray, v: np.ndarray, ln: np.ndarray) -> None:
        self._flush()
        self.chunks.append((s, t, v, ln))

    def arrays(self, path: Path, n: int, what: str) -> tuple[np.ndarray, ...]:
        """Arrays sorted by (row, column), repeated cells merged, zero cells dropped."""
        self._flush()
        if self.chunks:
            s, t, v, ln = (np.concatenate(c) for c in zip(*self.chunks))
        else:
            s, t = np.zeros(0, np.int64), np.zeros(0, np.int64)
            v, ln = np.zeros(0), np.zeros(0, np.int64)
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
                raise file_error(path, int(ln[e]), f"cell ({s[e] + 1}, {t[e] + 1}) of {what} "
                                 f"is given the value {format_value(v[e])} here and "
                                 f"{format_value(v[f])} on line {ln[f]}.")
            s, t, v, ln = s[first], t[first], v[first], ln[first]
        nz = v != 0  # a zero cell is no tie
        return s[nz], t[nz], v[nz], ln[nz]


# ============================================================================ header
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
        self.line: dict[str, int] = {}  # line of each dimension keyword


def _header_tokens(path: Path, lines: list[str]) -> tuple[list[Token], int, int, str]:
    """Return (header tokens, first non-blank line index, index of the ``data:`` line,
    text after ``data:`` on that line)."""
    data_at, rest = None, ""
    for i, line in enumerate(lines):
        m = _DATA_LINE.match(line)
        if m:
            data_at, rest = i, line[m.end():]
            break
    first = next((i for i, s in enumerate(lines) if s.strip()), None)
    if first is None:
        raise file_error(path, 1, "the file is empty; a UCINET DL file starts with 'DL'.")
    toks: list[Token] = []
    stop = data_at if data_at is not None else len(lines)
    for i in range(first, stop):
        toks.extend(_tokens(path, lines[i], i + 1))
    if not toks or toks[0][0] != "word" or toks[0][1].lower() != "dl":
        raise file_error(path, first + 1, "bad header: a UCINET DL file must start with 'DL'. "
                         f"Got {lines[first].strip()[:40]!r} instead.")
    if data_at is None:
        raise file_error(path, len(lines), "missing section: no 'data:' line was found.")
    return toks, first, data_at, rest


class _HeaderReader:
    """Read the header keywords after ``DL`` into a :class:`_DLHeader`, one handler per
    keyword (see ``_KEYWORDS``)."""

    def __init__(self, path: Path, toks: list[Token], data_at: int) -> None:
        self.path, self.toks, self.data_at = path, toks, data_at
        self.pos = 1
        self.h = _DLHeader()

    def peek(self, k: int = 0) -> Token | None:
        return self.toks[self.pos + k] if self.pos + k < len(self.toks) else None

    def expect_sym(self, sym: str, after: Token) -> None:
        t = self.peek()
        if t is None or t[0] != "sym" or t[1] != sym:
            got = "end of header" if t is None else repr(t[1])
            raise file_error(self.path, (t or after)[2], f"bad header: expected '{sym}' after "
                             f"{after[1]!r}; got {got}.")
        self.pos += 1

    def take_int(self, after: Token) -> int:
        t = self.peek()
        if t is None or t[0] != "word" or not re.fullmatch(r"[0-9]+", t[1]):
            got = "end of header" if t is None else repr(t[1])
            raise file_error(self.path, (t or after)[2], f"bad header: {after[1]!r} must be "
                             f"followed by '=' and a non-negative integer; got {got}.")
        self.pos += 1
        if len(t[1]) > 18:
            raise file_error(self.path, t[2], f"bad header: {after[1]} = {t[1][:30]}... is "
                             "more than the file can hold.")
        return int(t[1])

    def take_labels(self, count: int | None, what: str, kw: Token) -> list[str]:
        if count is None:
            raise file_error(self.path, kw[2], f"bad header: {what} come before the dimension "
                             "N (or NR/NC/NM) they depend on.")
        out: list[str] = []
        while len(out) < count:
            t = self.peek()
            if t is None:
                raise file_error(self.path, self.data_at + 1, f"bad header: expected {count} "
                                 f"{what}, found {len(out)} before 'data:'.")
            if t[0] == "sym":
                raise file_error(self.path, t[2], f"bad header: unexpected {t[1]!r} among the "
                                 f"{what}.")
            out.append(t[1])
            self.pos += 1
        return out

    def read(self) -> _DLHeader:
        while self.pos < len(self.toks):
            t = self.toks[self.pos]
            if t[0] != "word":
                raise file_error(self.path, t[2], f"bad header: unexpected {t[1]!r}.")
            key = t[1].lower()
            self.pos += 1
            handler = _KEYWORDS.get(key)
            if handler is None:
                raise file_error(self.path, t[2], f"bad header: unknown keyword {t[1]!r}.")
            handler(self, t, key)
        return self.h

    # ---------------------------------------------------------------- keyword handlers
    def dimension(self, t: Token, key: str) -> None:
        """``N``, ``NR``, ``NC`` or ``NM`` ``= <int>``."""
        self.expect_sym("=", t)
        v = self.take_int(t)
        if key == "nm" and v < 1:
            raise file_error(self.path, t[2], "bad header: NM must be at least 1.")
        setattr(self.h, key, v)
        self.h.line[key] = t[2]
        if key == "n":
            self.h.nr = self.h.nc = v

    def data_format(self, t: Token, key: str) -> None:
        """``FORMAT = <layout>``."""
        self.expect_sym("=", t)
        f = self.peek()
        if f is None or f[0] == "sym":
            raise file_error(self.path, t[2], "bad header: FORMAT = must name a format.")
        self.pos += 1
        fmt = _DL_FORMATS.get(f[1].lower())
        if fmt is None:
            raise file_error(self.path, f[2], f"unsupported DL format {f[1]!r}; supported: "
                             "fullmatrix, edgelist1, nodelist1.")
        self.h.format = fmt

    def diagonal(self, t: Token, key: str) -> None:
        """``DIAGONAL [=] PRESENT | ABSENT``."""
        nxt = self.peek()
        if nxt is not None and nxt[1] == "=":  # "DIAGONAL PRESENT" also occurs
            self.pos += 1
        f = self.peek()
        val = f[1].lower() if f is not None else ""
        if val not in ("present", "absent"):
            raise file_error(self.path, t[2], "bad header: DIAGONAL = must be PRESENT or ABSENT.")
        self.pos += 1
        self.h.diagonal_absent = val == "absent"

    def labels(self, t: Token, key: str) -> None:
        """``[ROW | COLUMN | COL | MATRIX | LEVEL] LABELS`` followed by ``EMBEDDED`` or by
        ``:`` and the labels."""
        which = "matrix" if key == "level" else key  # LEVEL LABELS = MATRIX LABELS
        if key != "labels":
            nxt = self.peek()
            if nxt is None or nxt[1].lower() != "labels":
                raise file_error(self.path, t[2], f"bad header: expected 'labels' after "
                                 f"{t[1]!r}.")
            self.pos += 1
        nxt = self.peek()
        if nxt is not None and nxt[0] == "word" and nxt[1].lower() == "embedded":
            self._embedded(t, which)
            return
        self.expect_sym(":", t)
        h = self.h
        if which == "matrix":
            h.matrix_labels = self.take_labels(h.nm, "matrix labels", t)
        elif which == "labels":
            h.labels = self.take_labels(h.n if h.n is not None else h.nr, "labels", t)
        elif which == "row":
            h.row_labels = self.take_labels(h.nr, "row labels", t)
        else:
            h.col_labels = self.take_labels(h.nc, "column labels", t)

    def _embedded(self, t: Token, which: str) -> None:
        """``... LABELS EMBEDDED [:]``: the labels head the data rows and/or columns."""
        self.pos += 1
        nxt = self.peek()
        if nxt is not None and nxt[1] == ":":
            self.pos += 1
        if which == "matrix":
            raise file_error(self.path, t[2], "matrix labels cannot be embedded.")
        if which in ("labels", "row"):
            self.h.row_embedded = True
        if which in ("labels", "column", "col"):
            self.h.col_embedded = True


_KEYWORDS: dict[str, Callable[[_HeaderReader, Token, str], None]] = {
    "n": _HeaderReader.dimension,
    "nr": _HeaderReader.dimension,
    "nc": _HeaderReader.dimension,
    "nm": _HeaderReader.dimension,
    "format": _HeaderReader.data_format,
    "diagonal": _HeaderReader.diagonal,
    **dict.fromkeys(("labels", "row", "column", "col", "matrix", "level"),
                    _HeaderReader.labels),
}


def _check_header(path: Path, h: _DLHeader, first: int) -> None:
    """The rules that need the whole header: one-mode dimensions, one label list."""
    if h.nr is None or h.nc is None:
        raise file_error(path, first + 1, "bad header: the dimension N = <number of nodes> is "
                         "missing.")
    if h.nr != h.nc:
        raise file_error(path, first + 1, f"two-mode (rectangular, NR={h.nr}, NC={h.nc}) data "
                         "are not supported; netcrime reads one-mode networks.")
    h.n = h.nr
    if h.diagonal_absent and h.format != "fullmatrix":
        raise file_error(path, first + 1, "DIAGONAL = ABSENT applies to the fullmatrix format "
                         "only.")
    lab = h.labels
    for other in (h.row_labels, h.col_labels):
        if other is not None:
            if lab is not None and other != lab:
                raise file_error(path, first + 1, "row and column labels differ; netcrime "
                                 "reads one-mode networks, whose rows and columns are the same "
                                 "nodes.")
            lab = other
    h.labels = lab
    if lab is not None and len(set(lab)) != len(lab):
        seen: set[str] = set()
        dup = next(x for x in lab if x in seen or seen.add(x))
        raise file_error(path, first + 1, f"label {dup!r} is given twice.")


def _check_counts(path: Path, h: _DLHeader, text_len: int) -> None:
    """Refuse dimensions the file cannot hold, before anything is allocated from them."""
    for key in ("n", "nr", "nc", "nm"):
        if key in h.line:
            check_count(path, h.line[key], getattr(h, key), key.upper(), text_len)


def _parse_dl_header(path: Path, lines: list[str],
                     text_len: int) -> tuple[_DLHeader, int, str]:
    """Return (header, index of the ``data:`` line, text after ``data:`` on that line)."""
    toks, first, data_at, rest = _header_tokens(path, lines)
    h = _HeaderReader(path, toks, data_at).read()
    _check_counts(path, h, text_len)
    _check_header(path, h, first)
    return h, data_at, rest


# ============================================================================ data
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
            return self._label(tok, line)
        v = node_number(tok)
        if v is None:
            raise file_error(self.path, line, f"node reference {tok!r} is not a node number "
                             f"(1..{self.n}); use 'labels embedded' for names.")
        if not 1 <= v <= self.n:
            raise file_error(self.path, line, f"node number {v} is out of range 1..{self.n}.")
        return v - 1

    def _label(self, tok: str, line: int) -> int:
        pos = self.index.get(tok)
        if pos is not None:
            return pos
        if self.fixed:
            raise file_error(self.path, line, f"unknown label {tok!r} (not among the labels "
                             "of the header).")
        if len(self.labels) >= self.n:
            raise file_error(self.path, line, f"label {tok!r} would be node {self.n + 1}, but "
                             f"N = {self.n}.")
        self.index[tok] = len(self.labels)
        self.labels.append(tok)
        return self.index[tok]

    def final(self) -> list[Any]:
        if self.embedded and not self.fixed and len(self.labels) < self.n:
            raise file_error(self.path, None, f"N = {self.n} but the data name only "
                             f"{len(self.labels)} labels; list every node with 'labels:'.")
        if self.labels:
            return self.labels
        return list(range(1, self.n + 1))


class _FullMatrix:
    """Read fullmatrix data: for every matrix, the column-label line (with column labels
    embedded), then ``N`` rows of one line each (a row label first with row labels
    embedded)."""

    def __init__(self, path: Path, h: _DLHeader, data: list[tuple[int, str]],
                 end_line: int) -> None:
        self.path, self.h, self.n = path, h, h.n
        self.it = iter(data)
        self.end_line = end_line
        self.labels: list[Any] | None = list(h.labels) if h.labels is not None else None
        self.width = self.n - 1 if h.diagonal_absent else self.n

    def read(self, mats: list[_Cells]) -> list[Any]:
        """Fill ``mats``; return the node labels."""
        for k, cells in enumerate(mats):
            what = f"matrix {k + 1}"
            if self.h.col_embedded:
                self._column_labels(what)
            seen_rows: set[int] = set()
            for r in range(self.n):
                self._row(cells, r, what, seen_rows)
        extra = next(((ln, t) for ln, t in self.it if t.strip() != "!"), None)
        if extra is not None:
            raise file_error(self.path, extra[0], f"unexpected data after the {len(mats)} "
                             f"matrix(es) of {self.n} rows declared in the header.")
        nodes = self.labels if self.labels is not None else list(range(1, self.n + 1))
        if len(nodes) != self.n:  # pragma: no cover - guarded above
            raise file_error(self.path, None, "inconsistent labels.")
        return nodes

    def _next(self, skip_bang: bool) -> tuple[int, str | None]:
        """The next data line (``(last line, None)`` at the end), past ``!`` lines when
        ``skip_bang``."""
        ln, text = next(self.it, (self.end_line, None))
        while skip_bang and text is not None and text.strip() == "!":
            ln, text = next(self.it, (self.end_line, None))
        return ln, text

    def _column_labels(self, what: str) -> None:
        ln, text = self._next(True)
        if text is None:
            raise file_error(self.path, ln, f"missing section: the column labels of {what} "
                             "are missing.")
        cols = _data_tokens(self.path, text, ln)
        if len(cols) != self.n:
            raise file_error(self.path, ln, f"the column-label line of {what} has {len(cols)} "
                             f"labels; expected {self.n}.")
        if self.labels is None:
            self.labels = cols
            if len(set(cols)) != self.n:
                raise file_error(self.path, ln, "a column label is given twice.")
        elif cols != self.labels:
            bad = next((c for c in cols if c not in self.labels), None)
            if bad is not None:
                raise file_error(self.path, ln, f"unknown label {bad!r} among the column "
                                 f"labels of {what}.")
            raise file_error(self.path, ln, f"the column labels of {what} are not in the "
                             "order of the node labels.")

    def _row(self, cells: _Cells, r: int, what: str, seen_rows: set[int]) -> None:
        ln, text = self._next(r == 0)
        if text is None:
            raise file_error(self.path, ln, f"missing section: {what} ends after {r} of "
                             f"{self.n} rows.")
        toks = _data_tokens(self.path, text, ln)
        if self.h.row_embedded:
            i, toks = self._row_label(toks, r, what, ln, seen_rows)
        else:
            i = r
        if len(toks) != self.width:
            raise file_error(self.path, ln, f"row {r + 1} of {what} has {len(toks)} values; "
                             f"expected {self.width}.")
        what_row = f"row {r + 1} of {what}"
        vals = np.array([_number(self.path, tok, ln, what_row) for tok in toks], dtype=float)
        nz = np.flatnonzero(vals)
        cols_j = nz + (nz >= i) if self.h.diagonal_absent else nz
        cells.s.extend([i] * len(nz))
        cells.t.extend(cols_j.tolist())
        cells.v.extend(vals[nz].tolist())
        cells.ln.extend([ln] * len(nz))

    def _row_label(self, toks: list[str], r: int, what: str, ln: int,
                   seen_rows: set[int]) -> tuple[int, list[str]]:
        """The node a row with an embedded label is about, and the row's values."""
        if not toks:
            raise file_error(self.path, ln, f"row {r + 1} of {what} has no label.")
        name, toks = toks[0], toks[1:]
        if self.labels is None:
            self.labels = []
        if name in self.labels:
            i = self.labels.index(name)
        elif self.h.col_embedded or self.h.labels is not None or len(self.labels) >= self.n:
            raise file_error(self.path, ln, f"unknown label {name!r} heads row {r + 1} of "
                             f"{what}.")
        else:
            self.labels.append(name)
            i = len(self.labels) - 1
        if i in seen_rows:
            raise file_error(self.path, ln, f"row label {name!r} appears twice in {what}.")
        seen_rows.add(i)
        return i, toks


def _list_line(path: Path, h: _DLHeader, lab: _Labeller, text: str, ln: int,
               k: int) -> list[tuple[int, int, float]]:
    """The cells of one edgelist1 (``i j [value]``) or nodelist1 (``i j k ...``) line."""
    toks = _data_tokens(path, text, ln)
    what = f"matrix {k + 1}"
    if not toks:
        raise file_error(path, ln, f"a {h.format} line names no node (only separators).")
    if h.format == "edgelist1":
        if len(toks) not in (2, 3):
            raise file_error(path, ln, f"an edgelist1 line holds 'i j' or 'i j value'; "
                             f"got {len(toks)} entries.")
        i, j = lab(toks[0], ln), lab(toks[1], ln)
        v = _number(path, toks[2], ln, what) if len(toks) == 3 else 1.0
        return [(i, j, v)]
    i = lab(toks[0], ln)
    return [(i, lab(t, ln), 1.0) for t in toks[1:]]


def _plain_lists(h: _DLHeader, block: list[str], ln0: int, cells: _Cells) -> bool:
    """Edgelist1 (``i j [value]``) or nodelist1 (``i j k ...``) lines of plain numbers
    (node numbers, no labels), all of them: read into ``cells`` at once. False (nothing
    read) for any other block."""
    blk = number_block(block, commas=True)
    if blk is None:
        return False
    counts = blk.counts
    if h.format == "edgelist1":
        if not np.all((counts == 0) | (counts == 2) | (counts == 3)):
            return False
        rows = np.flatnonzero(counts)
        first = blk.first[rows]
        valued = counts[rows] == 3
        nodes = blk.ints(np.concatenate([first, first + 1]))
        w = blk.floats(first[valued] + 2)
        if nodes is None or w is None or (len(nodes) and (nodes.min() < 1
                                                          or nodes.max() > h.n)):
            return False
        v = np.ones(len(rows))
        v[valued] = w
        cells.add_block(nodes[:len(rows)] - 1, nodes[len(rows):] - 1, v, rows + ln0)
        return True
    nodes = blk.ints(np.arange(len(blk.starts)))
    if nodes is None or (len(nodes) and (nodes.min() < 1 or nodes.max() > h.n)):
        return False
    line_of = np.repeat(np.arange(len(counts)), counts)
    tail = np.ones(len(nodes), bool)
    tail[blk.first[counts > 0]] = False
    cells.add_block(nodes[blk.first[line_of[tail]]] - 1, nodes[tail] - 1,
                    np.ones(int(tail.sum())), line_of[tail] + ln0)
    return True


def _list_block(path: Path, h: _DLHeader, lab: _Labeller, block: list[str], ln0: int,
                k: int, cells: _Cells) -> None:
    """The lines of matrix ``k`` (``block[0]`` is line ``ln0``): at once when plain, else
    line by line."""
    if not lab.embedded and long_block(len(block)) and _plain_lists(h, block, ln0, cells):
        return
    for idx, text in enumerate(block):
        if text.strip():
            ln = ln0 + idx
            for i, j, v in _list_line(path, h, lab, text, ln, k):
                cells.add(i, j, v, ln)


def _read_lists(path: Path, h: _DLHeader, body: list[str], ln0: int, mats: list[_Cells],
                end_line: int) -> list[Any]:
    """Fill ``mats`` from edgelist1/nodelist1 data ``body`` (``body[0]`` is line ``ln0``;
    a line ``!`` starts the next matrix); return the node labels."""
    nm = len(mats)
    lab = _Labeller(path, h, h.row_embedded or h.col_embedded)
    bangs = [i for i, text in enumerate(body) if "!" in text and text.strip() == "!"] \
        if any("!" in text for text in body) else []
    k, start = 0, 0
    for stop in [*bangs, len(body)]:
        _list_block(path, h, lab, body[start:stop], ln0 + start, k, mats[k])
        if stop < len(body):  # the "!" line
            k += 1
            if k >= nm:
                raise file_error(path, ln0 + stop, f"more matrices than NM = {nm} (each '!' "
                                 "starts a new matrix).")
        start = stop + 1
    if k + 1 != nm:
        raise file_error(path, end_line, f"missing section: NM = {nm} but the data hold "
                         f"{k + 1} matrix(es) (separate matrices with a line holding '!').")
    return lab.final()


def _parse_dl(path: Path, encoding: str,
              func: str) -> tuple[list[Any], list[str], list[_Cells], str]:
    """Return (node labels, matrix labels, cells per matrix, format)."""
    text = read_text(path, encoding, func)
    lines = split_lines(text)
    h, data_at, rest = _parse_dl_header(path, lines, len(text))
    mats = [_Cells() for _ in range(h.nm)]
    if h.format == "fullmatrix":
        data = list(_data_lines(lines, data_at, rest))
        nodes = _FullMatrix(path, h, data, len(lines)).read(mats)
    else:
        body = [rest, *lines[data_at + 1:]]
        nodes = _read_lists(path, h, body, data_at + 1, mats, len(lines))
    mlabels = h.matrix_labels if h.matrix_labels is not None else [
        str(k + 1) for k in range(h.nm)]
    if len(set(mlabels)) != len(mlabels):
        raise file_error(path, None, "two matrices have the same label.")
    return nodes, mlabels, mats, h.format


# ============================================================================ graphs
def _check_symmetric_full(path: Path, mlabel: str, src: np.ndarray, dst: np.ndarray,
                          val: np.ndarray, lines: np.ndarray, nn: int) -> None:
    """An undirected full matrix needs cell ``(j, i)`` wherever cell ``(i, j)`` is a tie."""
    key = src * nn + dst  # sorted
    tkey = dst * nn + src
    at = np.minimum(np.searchsorted(key, tkey), max(len(key) - 1, 0))
    missing = (key[at] != tkey) if len(key) else np.zeros(0, bool)
    if missing.any():
        e = int(np.flatnonzero(missing)[np.argmin(lines[missing])])
        raise file_error(path, int(lines[e]), f"matrix {mlabel!r} is not symmetric: cell "
                         f"({src[e] + 1}, {dst[e] + 1}) is {format_value(val[e])} but "
                         f"({dst[e] + 1}, {src[e] + 1}) is 0; read it with directed=True.")


def _undirected_cells(path: Path, mlabel: str, src: np.ndarray, dst: np.ndarray,
                      val: np.ndarray, lines: np.ndarray,
                      nn: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One undirected edge per unordered pair; both cells, if given, must agree."""
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
        raise file_error(path, int(max(lines[e], lines[f])), f"matrix {mlabel!r} is not "
                         f"symmetric: cell ({src[e] + 1}, {dst[e] + 1}) is "
                         f"{format_value(val[e])} but ({src[f] + 1}, {dst[f] + 1}) is "
                         f"{format_value(val[f])} (line {min(lines[e], lines[f])}); read it "
                         "with directed=True.")
    keep = np.sort(order[first])
    return src[keep], dst[keep], val[keep]


def _dl_graph(path: Path, nodes: list[Any], mlabel: str, cells: _Cells, directed: bool,
              weight: str | None, self_loops: str, full: bool) -> Graph:
    n = len(nodes)
    src, dst, val, lines = cells.arrays(path, n, f"matrix {mlabel!r}")
    nn = max(n, 1)
    if not directed and full:
        _check_symmetric_full(path, mlabel, src, dst, val, lines, nn)
    if not directed:
        src, dst, val = _undirected_cells(path, mlabel, src, dst, val, lines, nn)
    ea = None
    if weight is not None and np.any(val != 1.0):
        ea = pd.DataFrame({weight: val})
    meta = {"source_file": path.name, "format": "ucinet_dl", "matrix": mlabel}
    try:
        return Graph.from_arrays(n, src, dst, directed=directed, nodes=nodes, edge_attrs=ea,
                                 self_loops=self_loops, meta=meta)
    except GraphFormatError as exc:
        raise file_error(path, None, str(exc)) from None


# ============================================================================ readers
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
        Text encoding of the file (default UTF-8, with or without a byte-order mark).

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

    Strictness: bytes that do not decode with ``encoding`` are an error naming the line and
    the encoding. Numbers (cell values) are decimal: ASCII digits with an optional sign,
    decimal point and exponent (``2``, ``-0.5``, ``1.5e-3``); ``nan``, ``inf``, hex,
    underscores and values beyond the float range are refused. Node numbers are ASCII
    digits. A quote must close on its line. ``N``, ``NR``, ``NC`` and ``NM`` are checked
    before anything is allocated from them: a count above 10,000 that exceeds the length
    of the file in characters is refused (a file that lists its nodes, rows or ties holds
    at least one character per node), naming the header line.

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
    return _read_matrices(path, directed, weight, self_loops, encoding,
                          "read_ucinet_dl_matrices")


def _read_matrices(path: Any, directed: Any, weight: Any, self_loops: Any, encoding: Any,
                   func: str) -> dict[str, Graph]:
    """:func:`read_ucinet_dl_matrices`, its messages naming ``func`` (the function called)."""
    p = check_file(path, func)
    directed = check_bool(directed, func=func, param="directed")
    check_choice(self_loops, LOOP_RULES, func=func, param="self_loops")
    if weight is not None and not isinstance(weight, str):
        raise param_error(func, "weight", "None or an attribute name (str)", weight)
    encoding = check_encoding(encoding, func)
    nodes, mlabels, mats, fmt = _parse_dl(p, encoding, func)
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
    p = check_file(path, func)
    mats = _read_matrices(p, directed, weight, self_loops, encoding, func)
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


# ============================================================================ writer
def _dl_label_text(x: Hashable, func: str) -> str:
    s = text_label(x)
    if '"' in s or "\n" in s or "\r" in s:
        raise param_error(func, "g", "a graph whose node and matrix labels hold no double "
                          "quote or line break (DL cannot write them)", s)
    if s == "" or re.search(r"[\s,=:']", s) or s == "!":
        return f'"{s}"'
    return s


def _dl_inputs(g: Any, func: str) -> tuple[list[Graph], list[str] | None]:
    """The graphs to write and, for a mapping, their matrix labels (as DL text)."""
    if not isinstance(g, Mapping):
        return [as_graph(g, func=func, param="g")], None
    if not g:
        raise param_error(func, "g", "a graph or a non-empty mapping of graphs", g)
    mlabels = [_dl_label_text(k, func) for k in g]
    graphs = [as_graph(v, func=func, param="g") for v in g.values()]
    for other in graphs[1:]:
        if not other.nodes.equals(graphs[0].nodes):
            raise param_error(func, "g", "a mapping of graphs on the same nodes in the "
                              "same order", "graphs with different nodes")
    return graphs, mlabels


def _dl_header(graphs: list[Graph], mlabels: list[str] | None, fmt: str,
               func: str) -> list[str]:
    """The header lines, up to and including ``DATA:``."""
    first = graphs[0]
    labels = [_dl_label_text(x, func) for x in first.nodes]
    out: list[str] = [f"DL N={first.n_nodes}"
                      + (f" NM={len(graphs)}" if len(graphs) > 1 else ""),
                      f"FORMAT = {fmt.upper()}", "LABELS:"]
    out.extend(labels)
    if mlabels is not None and len(graphs) > 1:
        out.append("MATRIX LABELS:")
        out.extend(mlabels)
    out.append("DATA:")
    return out


def _dl_cells(h: Graph, weight: str | None, fmt: str,
              func: str) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """The non-zero cells ``(row, column, value or None)`` of one graph sorted by row then
    column; an undirected edge gives both cells."""
    vals = weights_for_write(h, weight, func)
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
    return src, dst, vals


def _dl_data(src: np.ndarray, dst: np.ndarray, vals: np.ndarray | None, n: int,
             fmt: str) -> list[str]:
    """The data lines of one matrix in layout ``fmt``."""
    if fmt == "edgelist1":
        if vals is None:
            return [f"{a + 1} {b + 1}" for a, b in zip(src.tolist(), dst.tolist())]
        return [f"{a + 1} {b + 1} {format_value(v)}"
                for a, b, v in zip(src.tolist(), dst.tolist(), vals.tolist())]
    starts = np.searchsorted(src, np.arange(n + 1))
    out = []
    if fmt == "nodelist1":
        for i in range(n):
            row = dst[starts[i]:starts[i + 1]]
            if len(row):
                out.append(" ".join([str(i + 1)] + [str(b + 1) for b in row.tolist()]))
        return out
    for i in range(n):
        row = ["0"] * n
        sl = slice(starts[i], starts[i + 1])
        for b, v in zip(dst[sl].tolist(),
                        (vals[sl].tolist() if vals is not None
                         else [1.0] * (starts[i + 1] - starts[i]))):
            row[b] = format_value(v)
        out.append(" ".join(row))
    return out


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
    p = check_target(path, func)
    fmt = check_choice(format, _WRITE_FORMATS, func=func, param="format")
    graphs, mlabels = _dl_inputs(g, func)
    out = _dl_header(graphs, mlabels, fmt, func)
    n = graphs[0].n_nodes
    for k, h in enumerate(graphs):
        if k and fmt != "fullmatrix":
            out.append("!")
        src, dst, vals = _dl_cells(h, weight, fmt, func)
        out.extend(_dl_data(src, dst, vals, n, fmt))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")
