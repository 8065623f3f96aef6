"""Read and write networks in the file formats criminal-network analysts already use.

* ``.dl`` -- UCINET DL (fullmatrix, edgelist1, nodelist1; labels; several matrices):
  :func:`read_ucinet_dl`, :func:`read_ucinet_dl_matrices`, :func:`write_ucinet_dl`;
* ``.net``, ``.paj`` -- Pajek (``*Vertices``, ``*Arcs``, ``*Edges``, ``*Arcslist``,
  ``*Edgeslist``, ``*Matrix``): :func:`read_pajek`, :func:`write_pajek`;
* ``.graphml`` -- GraphML (through networkx): :func:`read_graphml`, :func:`write_graphml`;
* ``.csv`` -- edge list plus an optional node list: :func:`read_csv`, :func:`write_csv`;
* ``.parquet`` / ``.csv`` call-detail records of any size, streamed into a network between
  64-bit phone numbers: :func:`read_call_records` (:mod:`netcrime.io.calls`);
* a directory in netcrime's own format that reopens without copying (memory map):
  :meth:`Graph.save <netcrime.Graph.save>`, :meth:`Graph.load <netcrime.Graph.load>`
  (:mod:`netcrime.io.native`).

:func:`read` and :func:`write` choose the format from the extension (or ``format=``).
Round trips keep node labels (as text for DL and Pajek, whose labels are text), direction
and weights. A file that cannot be read raises :class:`~netcrime.exceptions.GraphFormatError`
whose message starts with the file name and the line number, e.g.
``friends.dl, line 7: row 2 of matrix 1 has 3 values; expected 4.``

Readers are strict and bounded (see each reader's Notes): a byte that does not decode
names the line, the encoding and the ``encoding=`` option; numbers follow one strict
routine per format (no ``nan``, ``inf``, hex or underscores); quotes must balance; header
counts (DL ``N``, Pajek ``*Vertices``) are checked against the file before anything is
allocated from them; GraphML edges must name declared nodes; CSV rows must have the
header's number of fields. ``tests/fuzz/run_fuzz.py`` attacks them with mutated files.

Direction is never guessed from data: DL files carry no direction, so
:func:`read_ucinet_dl` takes ``directed=`` (default True, a UCINET matrix being a relation
``x(i, j)`` from row to column); CSV edge lists need ``directed=`` too; Pajek files say it
with ``*Arcs`` versus ``*Edges``; GraphML says it in its header.

One module per format: :mod:`netcrime.io.dl`, :mod:`netcrime.io.pajek`,
:mod:`netcrime.io.graphml`, :mod:`netcrime.io.csv`; the helpers they share (path checks,
the file-and-line error, number formatting) are in ``netcrime/io/_common.py``.

Examples
--------
>>> import netcrime as nc
>>> import tempfile, pathlib
>>> g = nc.datasets.load("caviar_phase01_undirected")
>>> with tempfile.TemporaryDirectory() as d:
...     nc.io.write(g, pathlib.Path(d) / "phase1.net")
...     h = nc.io.read(pathlib.Path(d) / "phase1.net")
>>> h.n_nodes, h.n_edges, h.directed
(15, 18, False)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .._validation import check_choice, param_error, readdressed
from ..graph import Graph
from ._common import check_file, check_path
from .calls import read_call_records
from .csv import read_csv, write_csv
from .dl import read_ucinet_dl, read_ucinet_dl_matrices, write_ucinet_dl
from .graphml import read_graphml, write_graphml
from .pajek import read_pajek, write_pajek

__all__ = [
    "read",
    "read_call_records",
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
    p = check_file(path, "read")
    fmt = _pick_format(p, format, "read")
    reader = {"ucinet": read_ucinet_dl, "pajek": read_pajek,
              "graphml": read_graphml}.get(fmt, read_csv)
    if reader is read_csv and "directed" not in kw:
        raise param_error("read", "directed", "given (True or False) for a CSV edge list, "
                          "whose direction is never guessed", None)
    with readdressed("read", reader.__name__):
        return reader(p, **kw)


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
    p = check_path(path, "write")
    fmt = _pick_format(p, format, "write")
    writer = {"ucinet": write_ucinet_dl, "pajek": write_pajek,
              "graphml": write_graphml}.get(fmt, write_csv)
    with readdressed("write", writer.__name__):
        writer(g, p, **kw)


def _pick_format(p: Path, format: str | None, func: str) -> str:
    if format is not None:
        return check_choice(format, _FORMATS, func=func, param="format")
    ext = p.suffix.lower()
    if ext not in _EXTENSIONS:
        raise param_error(func, "path", "a file name ending in "
                          + ", ".join(_EXTENSIONS) + " (or pass format=)", str(p.name))
    return _EXTENSIONS[ext]
