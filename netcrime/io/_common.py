"""Helpers shared by the format modules of :mod:`netcrime.io`.

Every parse error goes through :func:`file_error`, so its message starts with the file
name and, where it applies, the line number.
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import param_error
from ..exceptions import GraphFormatError
from ..graph import LOOP_RULES, MULTIEDGE_RULES, Graph

__all__ = [
    "LOOP_RULES",
    "MULTIEDGE_RULES",
    "check_path",
    "file_error",
    "first_repeat",
    "format_value",
    "node_number",
    "number",
    "read_lines",
    "text_label",
    "weights_for_write",
]


def check_path(path: Any, func: str, param: str = "path") -> Path:
    """``path`` as a :class:`~pathlib.Path`; a ParameterError if it is not a path."""
    if isinstance(path, (str, os.PathLike)):
        return Path(path)
    raise param_error(func, param, "a file path (str or os.PathLike)", path)


def read_lines(path: Path, encoding: str) -> list[str]:
    """The lines of a text file (any newline convention), without their line breaks."""
    with open(path, encoding=encoding, newline=None) as fh:
        return fh.read().splitlines()


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
    return int(t) if t.isascii() and t.isdigit() else None


def number(path: Path, tok: str, line: int, what: str) -> float:
    """A finite number read from a data token, or a GraphFormatError naming ``what``."""
    try:
        v = float(tok)
    except ValueError:
        raise file_error(path, line, f"non-numeric entry {tok!r} in {what}.") from None
    if not math.isfinite(v):
        raise file_error(path, line, f"non-finite entry {tok!r} in {what}.")
    return v
