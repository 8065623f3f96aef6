"""Helpers shared by the format modules of :mod:`netcrime.io`.

Every parse error goes through :func:`file_error`, so its message starts with the file
name and, where it applies, the line number.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import param_error
from ..exceptions import GraphFormatError
from ..graph import LOOP_RULES, MULTIEDGE_RULES, Graph

__all__ = [
    "BLOCK_MIN_LINES",
    "LOOP_RULES",
    "MAX_UNLISTED",
    "MULTIEDGE_RULES",
    "NumberBlock",
    "check_count",
    "check_encoding",
    "check_file",
    "check_path",
    "check_target",
    "decimal_number",
    "file_error",
    "first_repeat",
    "format_value",
    "long_block",
    "node_number",
    "number_block",
    "read_lines",
    "read_text",
    "split_lines",
    "text_label",
    "weights_for_write",
]


def check_path(path: Any, func: str, param: str = "path") -> Path:
    """``path`` as a :class:`~pathlib.Path`; a ParameterError if it is not a path."""
    if isinstance(path, (str, os.PathLike)):
        return Path(path)
    raise param_error(func, param, "a file path (str or os.PathLike)", path)


def check_file(path: Any, func: str, param: str = "path") -> Path:
    """``path`` as a :class:`~pathlib.Path` of an existing file; a ParameterError naming
    ``func`` if it is not a path or no file is there (missing, or a directory)."""
    p = check_path(path, func, param)
    if not p.is_file():
        raise param_error(func, param, "an existing file", str(path))
    return p


def check_target(path: Any, func: str, param: str = "path") -> Path:
    """``path`` as a :class:`~pathlib.Path` a writer can create or replace: not a directory,
    in an existing directory (else a ParameterError naming ``func``)."""
    p = check_path(path, func, param)
    if p.is_dir():
        raise param_error(func, param, "a file path (not a directory)", str(path))
    if not p.parent.is_dir():
        raise param_error(func, param, "a file path in an existing directory", str(path))
    return p


MAX_UNLISTED = 10_000
"""A count a file header declares (DL ``N``/``NR``/``NC``/``NM``, Pajek ``*Vertices``) may
exceed the file's length in characters only up to this cap. A file that lists its nodes
or their ties holds at least one character per node; beyond the cap, a count the data
cannot back is refused before anything is allocated from it."""

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_MAX_NUMBER_CHARS = 1000


def check_encoding(encoding: Any, func: str) -> str:
    """``encoding`` if Python knows it, else a ParameterError."""
    if isinstance(encoding, str):
        try:
            b"a".decode(encoding, "ignore")  # LookupError: unknown or not text (base64)
        except (LookupError, ValueError):  # ValueError: a NUL in the name
            pass
        else:
            return encoding
    raise param_error(func, "encoding", "the name of a text encoding Python knows (e.g. "
                      "'utf-8', 'utf-8-sig', 'latin-1', 'cp1252')", encoding)


def split_lines(text: str) -> list[str]:
    """Lines split at ``\\n``, ``\\r\\n`` and ``\\r`` only (no other Unicode line
    break), without their line breaks; line ``k`` of the result is line ``k + 1`` of the
    file as an editor shows it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_text(path: Path, encoding: str, func: str) -> str:
    """The text of a file decoded with ``encoding``; a byte that does not decode is a
    GraphFormatError naming the file, the line, the encoding and the ``encoding=`` option."""
    encoding = check_encoding(encoding, func)
    data = path.read_bytes()
    try:
        return data.decode(encoding)
    except UnicodeError as exc:
        start = getattr(exc, "start", 0)
        before = data[:start].decode(encoding, errors="replace")
        line = len(split_lines(before + "x"))
        bad = data[start:getattr(exc, "end", start + 1)][:8].hex(" ")
        raise file_error(path, line, f"cannot decode byte(s) {bad} as {encoding} "
                         f"({getattr(exc, 'reason', exc)}); pass the file's encoding with "
                         f"encoding=, e.g. {func}(..., encoding='latin-1').") from None


def read_lines(path: Path, encoding: str, func: str = "read") -> list[str]:
    """The lines of a text file (see :func:`read_text`, :func:`split_lines`)."""
    return split_lines(read_text(path, encoding, func))


def check_count(path: Path, line: int, count: int, what: str, text_len: int) -> None:
    """Refuse a declared count the file cannot hold (see :data:`MAX_UNLISTED`)."""
    if count > max(MAX_UNLISTED, text_len):
        raise file_error(path, line, f"{what} = {count} is more than the file can hold: a "
                         f"count above {MAX_UNLISTED:,} may not exceed the length of the file "
                         f"({text_len:,} characters).")


def decimal_number(path: Path, tok: str, line: int, what: str, fmt: str) -> float:
    """A finite decimal number (``[+-]digits[.digits][(e|E)[+-]digits]``, ASCII only, no
    ``nan``, ``inf``, hex, underscores or blanks); else a GraphFormatError."""
    if len(tok) > _MAX_NUMBER_CHARS or not _DECIMAL.fullmatch(tok):
        raise file_error(path, line, f"non-numeric entry {tok[:40]!r} in {what} ({fmt} "
                         "numbers are decimal: digits with an optional sign, decimal point "
                         "and exponent, e.g. 2, -0.5, 1.5e-3).")
    v = float(tok)
    if not math.isfinite(v):
        raise file_error(path, line, f"entry {tok[:40]!r} in {what} is too large for a "
                         "64-bit float.")
    return v


def file_error(path: Path, line: int | None, msg: str) -> GraphFormatError:
    """The error for a malformed file: ``"<file name>, line <line>: <msg>"``."""
    where = f"{path.name}, line {line}" if line is not None else f"{path.name}"
    return GraphFormatError(f"{where}: {msg}")


def format_value(v: float) -> str:
    """Shortest text that reads back as exactly ``v`` (integers without a decimal point)."""
    v = float(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def weights_for_write(g: Graph, weight: str | None, func: str) -> np.ndarray | None:
    """Per-edge (edge-id order) values to write, or None for a binary network."""
    if weight is None:
        return None
    if weight == "weight" and not g.weighted:
        return None
    ea = g.edge_attrs
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


def first_repeat(a: np.ndarray, b: np.ndarray, directed: bool) -> tuple[int, int] | None:
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


def text_label(x: Hashable) -> str:
    """A node label as the text a file holds."""
    return x if isinstance(x, str) else str(x)


def node_number(tok: str) -> int | None:
    """The 1-based node number a token spells (an optional ``+`` sign), or None."""
    t = tok[1:] if tok.startswith("+") else tok
    if not (0 < len(t) <= 4000 and t.isascii() and t.isdigit()):
        return None  # ASCII digits only: no '٣', no '²', no '1_0'
    return int(t)


# ---------------------------------------------------------------------------- number blocks
_BLOCK_SEP = np.zeros(256, bool)
_BLOCK_SEP[list(b" \t\n")] = True
_BLOCK_SEP_COMMA = _BLOCK_SEP.copy()
_BLOCK_SEP_COMMA[ord(",")] = True
_BLOCK_CHARS = _BLOCK_SEP.copy()
_BLOCK_CHARS[list(b"0123456789+-.eE")] = True
_BLOCK_CHARS_COMMA = _BLOCK_CHARS | _BLOCK_SEP_COMMA
_POW10 = 10 ** np.arange(19, dtype=np.int64)

BLOCK_MIN_LINES = 64
"""Blocks of fewer lines are read line by line: reading a block at once costs a fixed
~60 µs, which line by line (~1.5 µs a line) takes about 40 lines to repay."""


def long_block(n_lines: int) -> bool:
    """Whether a block of ``n_lines`` lines is read at once (:data:`BLOCK_MIN_LINES`)."""
    return n_lines >= max(BLOCK_MIN_LINES, 1)
_MAX_VERTEX_DIGITS = 18  # 18 decimal digits always fit an int64


class NumberBlock:
    """Consecutive lines of a file that hold nothing but number-like tokens, tokenised at
    once (the fast path of the DL and Pajek readers; see :func:`number_block`).

    Attributes: ``counts[k]``, the number of tokens on line ``k`` of the block; ``first[k]``,
    the position of its first token among all tokens. :meth:`ints` and :meth:`floats` give
    the values of chosen tokens, or None when one of them is not plain (the reader then
    reads the block line by line, and its strict routines report the error).
    """

    def __init__(self, text: str, raw: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                 counts: np.ndarray, commas: bool) -> None:
        self.text, self.raw, self.starts, self.ends = text, raw, starts, ends
        self.counts = counts
        self.first = np.cumsum(counts) - counts
        self.commas = commas
        self._tokens: list[str] | None = None

    def ints(self, idx: np.ndarray) -> np.ndarray | None:
        """The tokens ``idx`` as int64 if each is 1 to 18 ASCII digits (no sign), else
        None."""
        s, e = self.starts[idx], self.ends[idx]
        if len(s) == 0:
            return np.zeros(0, np.int64)
        length = e - s
        if int(length.max()) > _MAX_VERTEX_DIGITS:
            return None
        off = np.cumsum(length) - length
        pos = np.arange(int(off[-1] + length[-1]), dtype=np.int64) + np.repeat(s - off, length)
        d = self.raw[pos]
        if not np.all((d >= 48) & (d <= 57)):
            return None
        place = _POW10[np.repeat(e - 1, length) - pos]
        return np.add.reduceat((d - 48).astype(np.int64) * place, off)

    def floats(self, idx: np.ndarray) -> np.ndarray | None:
        """The tokens ``idx`` as finite floats if :func:`decimal_number` accepts each, else
        None. (On the block's characters -- digits, signs, point, ``e``/``E`` -- Python's
        ``float`` accepts exactly the decimal syntax; the length and finiteness rules are
        checked here.)"""
        if len(idx) == 0:
            return np.zeros(0, float)
        if int((self.ends[idx] - self.starts[idx]).max()) > _MAX_NUMBER_CHARS:
            return None
        if self._tokens is None:
            text = self.text.replace(",", " ") if self.commas else self.text
            self._tokens = text.split()
        toks = self._tokens
        step = int(idx[1] - idx[0]) if len(idx) > 1 else 1
        if step > 0 and np.array_equal(idx, np.arange(len(idx)) * step + idx[0]):
            chosen = toks[int(idx[0]):int(idx[-1]) + 1:step]  # every line alike
        else:
            chosen = [toks[i] for i in idx.tolist()]
        try:
            out = np.fromiter(map(float, chosen), dtype=float, count=len(chosen))
        except ValueError:
            return None
        return out if np.all(np.isfinite(out)) else None


def number_block(lines: list[str], *, commas: bool = False) -> NumberBlock | None:
    """Tokenise ``lines`` at once if they hold only ASCII digits, ``+ - . e E``, blanks
    (space, tab) and, with ``commas``, commas as separators; else None. A line of commas
    without a token also gives None (the line-by-line path refuses it), and so does a
    block too short to gain from it (:func:`long_block`)."""
    if not long_block(len(lines)):
        return None
    text = "\n".join(lines) + "\n"
    if not text.isascii():
        return None
    raw = np.frombuffer(text.encode("ascii"), np.uint8)
    if not (_BLOCK_CHARS_COMMA if commas else _BLOCK_CHARS)[raw].all():
        return None
    sep = (_BLOCK_SEP_COMMA if commas else _BLOCK_SEP)[raw]
    tok = ~sep
    start = tok.copy()
    start[1:] &= sep[:-1]
    end = tok  # the text ends with a line break, so every token ends before it
    end[:-1] &= sep[1:]
    starts = np.flatnonzero(start)
    ends = np.flatnonzero(end) + 1
    breaks = np.flatnonzero(raw == 10)
    counts = np.diff(np.searchsorted(starts, breaks), prepend=0)
    if commas:
        comma_lines = np.searchsorted(breaks, np.flatnonzero(raw == 44))
        if np.any(counts[comma_lines] == 0):
            return None
    return NumberBlock(text, raw, starts, ends, counts, commas)
