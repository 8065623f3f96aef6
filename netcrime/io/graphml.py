"""GraphML files, through networkx: :func:`read_graphml`, :func:`write_graphml`.

The reader checks the file in one streaming pass (:class:`_GraphMLCheck`, on expat, with
line numbers) before networkx converts it: one graph, no nested graphs, unique node ids,
edges with both endpoints among the declared nodes, declared keys, and every value in the
lexical space of its ``attr.type``.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from .._validation import check_choice, param_error
from ..exceptions import GraphFormatError
from ..graph import MULTIEDGE_RULES, Graph, as_graph
from ._common import check_encoding, check_file, check_target, file_error, split_lines

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
    p = check_target(path, func)
    G = g.to_networkx()
    G.graph = {k: v for k, v in G.graph.items()
               if isinstance(v, (str, int, float, bool)) and not isinstance(v, np.generic)}
    nx.write_graphml(G, p, **kw)


_NS = "http://graphml.graphdrawing.org/xmlns"
_DECL = re.compile(rb"""^<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_INT = re.compile(r"[+-]?[0-9]+")
_DOUBLE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN")
_UTF16 = ("utf-16", "utf16", "utf-16le", "utf-16be")
_TYPES = ("boolean", "int", "long", "float", "double", "string")


def _declared_encoding(p: Path, data: bytes, func: str) -> str | None:
    """The encoding named by the XML declaration at the start of ``data``, or None."""
    head = data.lstrip(codecs.BOM_UTF8)
    if not re.match(rb"<\?xml\s", head):
        return None
    end = head.find(b"?>", 0, 4096)
    if end < 0:
        raise file_error(p, 1, "the XML declaration is not closed by '?>'.")
    m = _DECL.match(head[:end + 2])
    if m is None:
        return None
    name = m.group(1).decode("ascii", "replace")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]{0,39}", name):
        raise file_error(p, 1, f"the XML declaration names the encoding {name[:40]!r}, which "
                         "is not an encoding name.")
    try:
        b"a".decode(name, "ignore")  # LookupError: unknown or not a text codec (rot13)
    except LookupError:
        raise file_error(p, 1, f"the XML declaration names the encoding {name!r}, which is "
                         "not a text encoding Python knows; pass the file's encoding with "
                         f"encoding=, e.g. {func}(..., encoding='utf-8').") from None
    return name


def _graphml_text(p: Path, data: bytes, encoding: str | None, func: str) -> str:
    """The file decoded with ``encoding``, or else with the encoding its XML declaration
    names (UTF-8 without one; UTF-16 with its byte-order mark)."""
    if encoding is None:
        if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            enc = "utf-16"
        else:
            enc = _declared_encoding(p, data, func) or "utf-8-sig"
            enc = "utf-8-sig" if enc.lower().replace("_", "-") in ("utf-8", "utf8") else enc
    else:
        enc = encoding
    try:
        text = data.decode(enc)
    except UnicodeError as exc:
        start = getattr(exc, "start", 0)
        line = len(split_lines(data[:start].decode(enc, errors="replace") + "x"))
        bad = data[start:getattr(exc, "end", start + 1)][:8].hex(" ")
        raise file_error(p, line, f"cannot decode byte(s) {bad} as {enc} "
                         f"({getattr(exc, 'reason', exc)}); pass the file's encoding with "
                         f"encoding=, e.g. {func}(..., encoding='latin-1').") from None
    if encoding is None and enc == "utf-16":
        m = _DECL.match(text.lstrip("\ufeff").encode("ascii", "replace"))
        if m and m.group(1).decode().lower().replace("_", "-") not in _UTF16:
            raise file_error(p, 1, "the file starts with a UTF-16 byte-order mark but its "
                             f"XML declaration names the encoding {m.group(1).decode()!r}.")
    return text


class _GraphMLCheck:
    """One streaming pass over the XML that refuses what networkx would bend: a second or
    nested graph, a repeated node id, an edge without an endpoint or to an undeclared
    node, an undeclared key, a value outside its type's lexical space."""

    def __init__(self, p: Path, node_type: Any, multiedges: str = "error") -> None:
        self.p, self.node_type, self.multiedges = p, node_type, multiedges
        self.directed = True
        self.pairs: dict[Any, int] = {}  # edge -> line, for multiedges="error"
        self.names: dict[str, str] = {}  # key id -> attr.name
        self.stack: list[str] = []
        self.graphs = 0
        self.nodes: dict[Any, int] = {}  # converted id -> line
        self.edges: list[tuple[Any, Any, int]] = []
        self.keys: dict[str, str] = {}  # key id -> attr.type
        self.text: list[str] | None = None  # character data of the open <data>/<default>
        self.value_key: tuple[str, int] | None = None
        self.parser: Any = None
        self._open_key = ""
        self._weight = False

    def run(self, text: str) -> list[Any]:
        """Check ``text``; return the node ids in document order."""
        import xml.parsers.expat as expat

        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.chars
        try:
            self.parser.Parse(text, True)
        except expat.ExpatError as exc:
            raise file_error(self.p, exc.lineno, f"not well-formed XML ({exc}).") from None
        if self.graphs == 0:
            raise file_error(self.p, None, "no <graph> element.")
        for a, b, ln in self.edges:
            for end in (a, b):
                if end not in self.nodes:
                    raise file_error(self.p, ln, f"the edge ({a!r}, {b!r}) names the node "
                                     f"{end!r}, which no <node> element declares.")
        return list(self.nodes)

    def _line(self) -> int:
        return self.parser.CurrentLineNumber

    def _id(self, raw: str, what: str) -> Any:
        try:
            return self.node_type(raw)
        except Exception as exc:  # node_type is the caller's converter
            raise file_error(self.p, self._line(), f"{what} {raw!r} cannot be converted by "
                             f"node_type ({type(exc).__name__}: {exc}).") from None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(" ")
        parent = self.stack[-1] if self.stack else None
        self.stack.append(local if ns in ("", _NS) else "")
        if parent is None and (local != "graphml" or ns not in ("", _NS)):
            raise file_error(self.p, self._line(), f"the root element is <{name}>, not "
                             "<graphml>.")
        if ns not in ("", _NS):
            return
        handler = _ELEMENTS.get(local)
        if handler is not None:
            handler(self, attrs, parent)

    def graph(self, attrs: dict[str, str], parent: str | None) -> None:
        if parent != "graphml":
            raise file_error(self.p, self._line(), f"a <graph> inside <{parent}>: nested "
                             "graphs are not supported.")
        self.graphs += 1
        if self.graphs > 1:
            raise file_error(self.p, self._line(), "the file holds several graphs; netcrime "
                             "reads one graph per file.")
        ed = attrs.get("edgedefault", "undirected")  # networkx's default
        self.directed = ed == "directed"
        if ed not in ("directed", "undirected"):
            raise file_error(self.p, self._line(), f"edgedefault must be 'directed' or "
                             f"'undirected'; got {ed!r}.")

    def node(self, attrs: dict[str, str], parent: str | None) -> None:
        if parent != "graph":
            raise file_error(self.p, self._line(), f"a <node> outside a <graph> (in "
                             f"<{parent}>).")
        if "id" not in attrs:
            raise file_error(self.p, self._line(), "a <node> without an id.")
        v = self._id(attrs["id"], "node id")
        if v in self.nodes:
            raise file_error(self.p, self._line(), f"node id {attrs['id']!r} is declared "
                             f"twice (also on line {self.nodes[v]}).")
        self.nodes[v] = self._line()

    def edge(self, attrs: dict[str, str], parent: str | None) -> None:
        if parent != "graph":
            raise file_error(self.p, self._line(), f"an <edge> outside a <graph> (in "
                             f"<{parent}>).")
        for end in ("source", "target"):
            if end not in attrs:
                raise file_error(self.p, self._line(), f"an <edge> without a {end}.")
        if attrs.get("directed", "true") not in ("true", "false"):
            raise file_error(self.p, self._line(), "an edge's 'directed' attribute must be "
                             f"'true' or 'false'; got {attrs['directed']!r}.")
        a, b = self._id(attrs["source"], "edge source"), self._id(attrs["target"], "edge target")
        self.edges.append((a, b, self._line()))
        if self.multiedges == "error":
            pair = (a, b) if self.directed else frozenset((a, b))
            if pair in self.pairs:
                raise file_error(self.p, self._line(), f"the edge ({a!r}, {b!r}) is given "
                                 f"twice (also on line {self.pairs[pair]}); pass "
                                 "multiedges='sum', 'max', 'min', 'first' or 'last' to merge "
                                 "parallel edges.")
            self.pairs[pair] = self._line()

    def refuse(self, attrs: dict[str, str], parent: str | None) -> None:
        raise file_error(self.p, self._line(), f"<{self.stack[-1]}> elements are not "
                         "supported.")

    def key(self, attrs: dict[str, str], parent: str | None) -> None:
        kid = attrs.get("id")
        if parent != "graphml":
            raise file_error(self.p, self._line(), f"a <key> inside <{parent}>: keys are "
                             "declared in <graphml>, before the graph.")
        if kid is None or "attr.name" not in attrs:
            raise file_error(self.p, self._line(), "a <key> without an id or an attr.name.")
        if kid in self.keys:
            raise file_error(self.p, self._line(), f"key id {kid!r} is declared twice.")
        kind = attrs.get("attr.type", "string")
        if kind not in _TYPES:
            raise file_error(self.p, self._line(), f"key {kid!r} has attr.type {kind!r}; "
                             f"GraphML types are {', '.join(_TYPES)}.")
        if attrs["attr.name"] == "weight" and attrs.get("for") in ("edge", "all") \
                and kind not in ("int", "long", "float", "double"):
            raise file_error(self.p, self._line(), f"the edge weight key {kid!r} has attr.type "
                             f"{kind!r}; a weight is int, long, float or double.")
        self.keys[kid] = kind
        self.names[kid] = attrs["attr.name"]
        self._open_key = kid

    def data(self, attrs: dict[str, str], parent: str | None) -> None:
        kid = attrs.get("key")
        if kid not in self.keys:
            raise file_error(self.p, self._line(), f"<data key={kid!r}> names no declared "
                             "<key>.")
        if parent == "edge" and self.names[kid] == "weight" and self.keys[kid] in ("boolean",
                                                                                "string"):
            raise file_error(self.p, self._line(), f"<data key={kid!r}> gives an edge weight "
                             f"of type {self.keys[kid]}; a weight is a number.")
        self.value_key, self.text = (kid, self._line()), []
        self._weight = parent == "edge" and self.names[kid] == "weight"

    def default(self, attrs: dict[str, str], parent: str | None) -> None:
        if parent == "key":
            self.value_key, self.text = (self._open_key, self._line()), []

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, name: str) -> None:
        local = self.stack.pop()
        if local in ("data", "default") and self.value_key is not None:
            raw = "".join(self.text or [])
            _check_value(self.p, self.keys[self.value_key[0]], raw, self.value_key)
            if local == "data" and self._weight and raw.strip().lstrip("+-") in ("INF", "NaN"):
                raise file_error(self.p, self.value_key[1], f"the edge weight {raw.strip()!r} "
                                 "is not a finite number.")
            self.value_key, self.text = None, None


_ELEMENTS = {
    "graph": _GraphMLCheck.graph,
    "node": _GraphMLCheck.node,
    "edge": _GraphMLCheck.edge,
    "hyperedge": _GraphMLCheck.refuse,
    "key": _GraphMLCheck.key,
    "data": _GraphMLCheck.data,
    "default": _GraphMLCheck.default,
}


def _check_value(p: Path, kind: str, raw: str, where: tuple[str, int]) -> None:
    """A value in the lexical space of its XML Schema type (blanks around it allowed)."""
    v = raw.strip()
    if kind in ("int", "long"):
        ok = len(v) <= 20 and _INT.fullmatch(v) is not None and -2**63 <= int(v) < 2**63
        rule = "an integer (ASCII digits, optional sign) within 64 bits"
    elif kind in ("float", "double"):
        ok = len(v) < 1000 and _DOUBLE.fullmatch(v) is not None and (
            v.lstrip("+-") in ("INF", "NaN") or abs(float(v)) < float("inf"))
        rule = ("a decimal number within the 64-bit range (optional sign, point and "
                "exponent) or INF, -INF, NaN")
    elif kind == "boolean":
        ok = v in ("true", "false", "1", "0")
        rule = "true, false, 1 or 0"
    else:
        return
    if not ok:
        raise file_error(p, where[1], f"the value {raw[:40]!r} of key {where[0]!r} is not "
                         f"a GraphML {kind}: it must be {rule}.")


def _in_order(G: Any, order: list[Any]) -> Any:
    """``G`` with its nodes in document order (networkx adds an edge's endpoints first)."""
    if list(G.nodes) == order:
        return G
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((v, G.nodes[v]) for v in order)
    if G.is_multigraph():
        H.add_edges_from(G.edges(keys=True, data=True))
    else:
        H.add_edges_from(G.edges(data=True))
    return H


def read_graphml(
    path: str | os.PathLike,
    *,
    node_type: type = str,
    multiedges: str = "error",
    encoding: str | None = None,
) -> Graph:
    """Read a GraphML file (checked by netcrime, converted by :func:`networkx.parse_graphml`).

    Parameters
    ----------
    path : str or os.PathLike
    node_type : type
        Converts the GraphML node ids (text) to labels, e.g. ``int``.
    multiedges : {"error", "sum", "max", "min", "first", "last"}
        Policy for parallel edges of a multigraph file.
    encoding : str, optional
        Text encoding; None (default) uses the one the XML declaration names (UTF-8
        without one, UTF-16 after its byte-order mark).

    Returns
    -------
    Graph
        Direction from the file; nodes in document order; node/edge data as attributes;
        graph data in ``g.meta``.

    Raises
    ------
    GraphFormatError
        The file is not well-formed XML or not valid GraphML (message starts with the file
        name, and gives the line where one applies): bytes that do not decode, an unknown
        declared encoding, several graphs or a nested graph, a node id declared twice (also
        after ``node_type`` conversion), an edge missing ``source`` or ``target`` or naming
        an undeclared node, a ``<data>`` of an undeclared key, a value outside the lexical
        space of its ``attr.type`` (int/long: decimal integers within 64 bits;
        float/double: decimal numbers with optional exponent, or ``INF``, ``-INF``,
        ``NaN`` as XML Schema spells them, so no ``nan``, ``inf``, hex or underscores;
        boolean: ``true``, ``false``, ``1``, ``0``), an edge weight that is not a finite
        number, a ``<key>`` without ``attr.name`` or outside ``<graphml>``, parallel edges
        under ``multiedges="error"`` (naming both lines), hyperedges.

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
    p = check_file(path, func)
    if not callable(node_type):
        raise param_error(func, "node_type", "a type or callable converting node ids",
                          node_type)
    check_choice(multiedges, MULTIEDGE_RULES, func=func, param="multiedges")
    if encoding is not None:
        encoding = check_encoding(encoding, func)
    text = _graphml_text(p, p.read_bytes(), encoding, func)
    order = _GraphMLCheck(p, node_type, multiedges).run(text)
    try:
        G = nx.parse_graphml(text, node_type=node_type)
    except (nx.NetworkXError, ValueError, KeyError, TypeError) as exc:
        raise file_error(p, None, f"not a readable GraphML file ({exc}).") from None
    try:
        return Graph.from_networkx(_in_order(G, order), multiedges=multiedges)
    except GraphFormatError as exc:
        raise file_error(p, None, str(exc)) from None
