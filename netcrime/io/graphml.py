"""GraphML files, through networkx: :func:`read_graphml`, :func:`write_graphml`."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..exceptions import GraphFormatError
from ..graph import Graph, as_graph
from ._common import check_path, file_error

__all__ = ["read_graphml", "write_graphml"]


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
    p = check_path(path, func)
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
    p = check_path(path, func)
    try:
        G = nx.read_graphml(p, node_type=node_type)
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise file_error(p, None, f"not a readable GraphML file ({exc}).") from None
    except Exception as exc:  # xml.etree.ElementTree.ParseError
        if type(exc).__name__ == "ParseError":
            line = getattr(exc, "position", (None,))[0]
            raise file_error(p, line, f"not well-formed XML ({exc}).") from None
        raise
    try:
        return Graph.from_networkx(G, multiedges=multiedges)
    except GraphFormatError as exc:
        raise file_error(p, None, str(exc)) from None
