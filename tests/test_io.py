"""Tests of netcrime.io.

Oracles: small DL files transcribed from the UCINET / Gephi documentation and one written
by R sna's write.dl, each with its adjacency written out by hand; igraph's DL reader
(igraph.Graph.Read_DL) on the same texts and on files netcrime writes; networkx's Pajek
reader on files netcrime writes and netcrime's reader on files networkx and igraph write;
networkx GraphML in both directions. Round trips on seeded random graphs.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcrime as nc
from netcrime.exceptions import GraphFormatError, NetcrimeWarning, ParameterError


def put(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def arcs(g: nc.Graph) -> dict:
    """{(source, target): weight} of a graph (weight 1 if unweighted; undirected sorted)."""
    df = g.to_pandas()
    w = df["weight"].tolist() if "weight" in df.columns else [1.0] * len(df)
    out = {}
    for s, t, x in zip(df["source"], df["target"], w):
        key = (s, t) if g.directed else tuple(sorted((str(s), str(t))))
        out[key] = float(x)
    return out


def nx_arcs(G) -> dict:
    out = {}
    for u, v, d in G.edges(data=True):
        key = (u, v) if G.is_directed() else tuple(sorted((str(u), str(v))))
        out[key] = float(d.get("weight", 1.0))
    return out


def random_graph(seed: int, *, directed: bool, weighted: bool, n: int = 12,
                 p: float = 0.25, loops: bool = False) -> nc.Graph:
    rng = np.random.default_rng(seed)
    A = rng.random((n, n)) < p
    if not loops:
        np.fill_diagonal(A, False)
    if not directed:
        A = np.triu(A)
    r, c = np.nonzero(A)
    labels = [f"actor {i}" if i % 3 == 0 else f"n{i}" for i in range(n)]
    labels[1] = "Ülkü, \u00e9"  # comma, non-ASCII
    ea = {"weight": np.round(rng.uniform(0.1, 9.9, len(r)), 3)} if weighted else None
    if weighted and len(r):
        ea["weight"][0] = 1 / 3  # needs full precision
    return nc.Graph.from_arrays(n, r, c, directed=directed, nodes=labels, edge_attrs=ea)


# ============================================================================ UCINET DL
# Examples transcribed from the Gephi "UCINET DL format" page and the UCINET 6 user's
# guide; expected adjacency written by hand.
GEPHI_FULL = """DL N = 5
Data:
0 1 1 1 1
1 0 1 0 0
1 1 0 0 1
1 0 0 0 0
1 0 1 0 0
"""
GEPHI_FULL_ARCS = {(1, 2), (1, 3), (1, 4), (1, 5), (2, 1), (2, 3), (3, 1), (3, 2), (3, 5),
                   (4, 1), (5, 1), (5, 3)}

GEPHI_FULL_LABELS = """dl n=5
format = fullmatrix
labels:
barry,david,lin,pat,russ
data:
0 1 1 1 0
1 0 0 0 1
1 0 0 1 0
1 0 1 0 1
0 1 0 1 0
"""
GEPHI_FULL_LABELS_EDGES = {("barry", "david"), ("barry", "lin"), ("barry", "pat"),
                           ("david", "russ"), ("lin", "pat"), ("pat", "russ")}

GEPHI_EDGELIST = """DL n=5
format = edgelist1
labels:
george, sally, jim, billy, jane
data:
1 2
1 3
2 3
3 1
4 3
"""
GEPHI_EMBEDDED = """DL n=5
format = edgelist1
labels embedded:
data:
george sally
george jim
sally jim
billy george
jane jim
"""
GEPHI_WEIGHTED = """dl
format=edgelist1
n=3
data:
1 2 1.56263736263736
1 3 1.48687978687979
2 3 1.39597069597070
3 1 0.676190476190476
"""
NETWIKI_EMBEDDED_FULL = """dl
n = 5
labels embedded
format = fullmatrix
data:
Bill Jan Jim Sue Zoe
Bill 0 0 1 0 0
Jan 0 0 0 1 1
Jim 1 0 0 1 0
Sue 0 1 1 0 0
Zoe 0 1 0 0 0
"""
NODELIST = """dl n = 4
format = nodelist1
labels:
a, b, c, d
data:
1 2 3
2 4
4 1
"""
# Written by R sna 2.7.1: write.dl(x, vertex.lab=c("Ann Lee","Bob","Cy"),
# matrix.lab=c("calls","meets")) for a 2x3x3 array (trailing spaces as written by R).
SNA_TWO_MATRICES = (
    'DL n = 3, nm = 2, format = edgelist1\nlabels:\n"Ann Lee","Bob","Cy"\nmatrix labels:\n'
    '"calls","meets"\ndata:\n1 2 1 \n2 3 2.5 \n!\n2 1 4 \n3 1 1 \n'
)
FULL_TWO_MATRICES = """DL N=3 NM=2
FORMAT = FULLMATRIX
ROW LABELS:
x y z
COLUMN LABELS:
x y z
MATRIX LABELS:
trust, money
DATA:
0 1 0
0 0 2
0 0 0
0 0 0
3 0 0
0 0 0
"""
# Header layout of UCINET's own full-matrix exports (as found in published UCINET files):
# "DIAGONAL PRESENT" without "=", listed row and column labels, row labels embedded in the
# data, and LEVEL LABELS for the matrices.
UCINET_EXPORT = """DL
N=3 NM=1
FORMAT = FULLMATRIX DIAGONAL PRESENT
ROW LABELS:
"Ann"
"Bo Ek"
"Cy"
ROW LABELS EMBEDDED
COLUMN LABELS:
"Ann"
"Bo Ek"
"Cy"
LEVEL LABELS:
"Page 1"
DATA:
"Ann" 0 2.00 0
"Bo Ek" 0 0 1.00
"Cy" 0.50 0 0
"""
DIAGONAL_ABSENT = """DL N=3
FORMAT = FULLMATRIX
DIAGONAL = ABSENT
DATA:
1 0
0 1
1 1
"""


def test_dl_gephi_fullmatrix(tmp_path):
    g = nc.io.read_ucinet_dl(put(tmp_path, "a.dl", GEPHI_FULL))
    assert list(g.nodes) == [1, 2, 3, 4, 5]
    assert set(arcs(g)) == GEPHI_FULL_ARCS and not g.weighted and g.directed


def test_dl_gephi_labels_symmetric(tmp_path):
    p = put(tmp_path, "b.dl", GEPHI_FULL_LABELS)
    g = nc.io.read_ucinet_dl(p, directed=False)
    assert list(g.nodes) == ["barry", "david", "lin", "pat", "russ"]
    assert set(arcs(g)) == {tuple(sorted(e)) for e in GEPHI_FULL_LABELS_EDGES}
    assert nc.io.read_ucinet_dl(p).n_edges == 12  # directed: both cells of each pair


def test_dl_gephi_edgelists(tmp_path):
    want = {("george", "sally"), ("george", "jim"), ("sally", "jim"), ("jim", "george"),
            ("billy", "jim")}
    g = nc.io.read_ucinet_dl(put(tmp_path, "c.dl", GEPHI_EDGELIST))
    assert list(g.nodes) == ["george", "sally", "jim", "billy", "jane"]
    assert set(arcs(g)) == want
    e = nc.io.read_ucinet_dl(put(tmp_path, "d.dl", GEPHI_EMBEDDED))
    assert list(e.nodes) == ["george", "sally", "jim", "billy", "jane"]
    assert set(arcs(e)) == {("george", "sally"), ("george", "jim"), ("sally", "jim"),
                            ("billy", "george"), ("jane", "jim")}


def test_dl_gephi_weighted(tmp_path):
    g = nc.io.read_ucinet_dl(put(tmp_path, "w.dl", GEPHI_WEIGHTED))
    assert arcs(g) == {(1, 2): 1.56263736263736, (1, 3): 1.48687978687979,
                       (2, 3): 1.39597069597070, (3, 1): 0.676190476190476}


def test_dl_embedded_fullmatrix_and_nodelist(tmp_path):
    g = nc.io.read_ucinet_dl(put(tmp_path, "e.dl", NETWIKI_EMBEDDED_FULL), directed=False)
    assert list(g.nodes) == ["Bill", "Jan", "Jim", "Sue", "Zoe"]
    assert set(arcs(g)) == {("Bill", "Jim"), ("Jan", "Sue"), ("Jan", "Zoe"), ("Jim", "Sue")}
    h = nc.io.read_ucinet_dl(put(tmp_path, "f.dl", NODELIST))
    assert set(arcs(h)) == {("a", "b"), ("a", "c"), ("b", "d"), ("d", "a")}


def test_dl_several_matrices(tmp_path):
    p = put(tmp_path, "sna.dl", SNA_TWO_MATRICES)
    mats = nc.io.read_ucinet_dl_matrices(p)
    assert list(mats) == ["calls", "meets"]
    assert arcs(mats["calls"]) == {("Ann Lee", "Bob"): 1.0, ("Bob", "Cy"): 2.5}
    assert arcs(mats["meets"]) == {("Bob", "Ann Lee"): 4.0, ("Cy", "Ann Lee"): 1.0}
    assert nc.io.read_ucinet_dl(p, matrix="meets") == mats["meets"]
    assert nc.io.read_ucinet_dl(p, matrix=0) == mats["calls"]
    assert nc.io.read_ucinet_dl(p, matrix=1).meta["matrix"] == "meets"
    with pytest.raises(ParameterError, match="'matrix' parameter of read_ucinet_dl"):
        nc.io.read_ucinet_dl(p)
    with pytest.raises(ParameterError, match="'matrix'"):
        nc.io.read_ucinet_dl(p, matrix="enemies")
    full = nc.io.read_ucinet_dl_matrices(put(tmp_path, "full2.dl", FULL_TWO_MATRICES))
    assert list(full) == ["trust", "money"]
    assert arcs(full["trust"]) == {("x", "y"): 1.0, ("y", "z"): 2.0}
    assert arcs(full["money"]) == {("y", "x"): 3.0}


def test_dl_ucinet_export_header(tmp_path):
    g = nc.io.read_ucinet_dl(put(tmp_path, "export.dl", UCINET_EXPORT))
    assert list(g.nodes) == ["Ann", "Bo Ek", "Cy"]
    assert g.meta["matrix"] == "Page 1"
    assert arcs(g) == {("Ann", "Bo Ek"): 2.0, ("Bo Ek", "Cy"): 1.0, ("Cy", "Ann"): 0.5}


def test_dl_diagonal_absent(tmp_path):
    g = nc.io.read_ucinet_dl(put(tmp_path, "diag.dl", DIAGONAL_ABSENT))
    # row i lists the cells j != i: row 1 -> (1,2)=1,(1,3)=0; row 2 -> (2,1)=0,(2,3)=1;
    # row 3 -> (3,1)=1,(3,2)=1
    assert set(arcs(g)) == {(1, 2), (2, 3), (3, 1), (3, 2)}


# igraph's grammar refuses GEPHI_WEIGHTED (N after FORMAT) and quoted or multi-matrix files.
@pytest.mark.parametrize("text", [GEPHI_FULL, GEPHI_EDGELIST, GEPHI_EMBEDDED, NODELIST],
                         ids=["full", "edgelist", "embedded", "nodelist"])
def test_dl_agrees_with_igraph_reader(tmp_path, text):
    p = put(tmp_path, "x.dl", text)
    G = ig.Graph.Read_DL(str(p), directed=True)
    g = nc.io.read_ucinet_dl(p)
    names = G.vs["name"] if "name" in G.vs.attributes() else list(range(1, G.vcount() + 1))
    assert [str(x) for x in g.nodes] == [str(x) for x in names]
    w = G.es["weight"] if "weight" in G.es.attributes() else [1.0] * G.ecount()
    theirs = {(str(names[a]), str(names[b])): x for (a, b), x in zip(G.get_edgelist(), w)}
    assert {(str(a), str(b)): x for (a, b), x in arcs(g).items()} == theirs


# ----------------------------------------------------------------------------- malformed DL
MALFORMED_DL = [
    # (name, text, line, phrase)
    ("noheader.dl", "N=3\nDATA:\n0 1 0\n0 0 0\n0 0 0\n", 1, "bad header"),
    ("nodl.dl", "graph n=2\ndata:\n0 1\n1 0\n", 1, "must start with 'DL'"),
    ("keyword.dl", "DL N=2\nSIZE = 4\nDATA:\n0 1\n1 0\n", 2, "unknown keyword"),
    ("rowlen.dl", "DL N=3\nDATA:\n0 1 0\n0 0\n0 0 0\n", 4, "has 2 values; expected 3"),
    ("nonnum.dl", "DL N=2\nDATA:\n0 x\n1 0\n", 3, "non-numeric entry 'x'"),
    ("nonnum_el.dl", "DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 2 heavy\n", 4, "non-numeric"),
    ("label_full.dl", "DL N=2\nFORMAT=FULLMATRIX\nLABELS EMBEDDED\nDATA:\na b\na 0 1\nc 1 0\n",
     7, "unknown label 'c'"),
    ("label_el.dl", "DL N=2\nFORMAT=EDGELIST1\nLABELS:\na b\nLABELS EMBEDDED\nDATA:\na z\n", 7,
     "unknown label 'z'"),
    ("nodata.dl", "DL N=2\nFORMAT=EDGELIST1\n1 2\n", 3, "missing section"),
    ("fewrows.dl", "DL N=3\nDATA:\n0 1 0\n0 0 1\n", 4, "missing section"),
    ("nm.dl", "DL N=2 NM=2\nFORMAT=EDGELIST1\nDATA:\n1 2\n2 1\n", 5, "missing section"),
    ("range.dl", "DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 3\n", 4, "out of range 1..2"),
    ("conflict.dl", "DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 2 1\n1 2 5\n", 5, "line 4"),
    ("fewlabels.dl", "DL N=3\nLABELS:\na b\nDATA:\n0 1 0\n0 0 0\n0 0 0\n", 4,
     "expected 3 labels"),
    ("lowerhalf.dl", "dl n = 2\nformat = lowerhalf\ndata:\n1\n", 2, "unsupported DL format"),
    ("extra.dl", "DL N=2\nDATA:\n0 1\n1 0\n1 1\n", 5, "unexpected data"),
    ("empty.dl", "", 1, "empty"),
]


@pytest.mark.parametrize("name, text, line, phrase", MALFORMED_DL,
                         ids=[m[0] for m in MALFORMED_DL])
def test_dl_malformed(tmp_path, name, text, line, phrase):
    p = put(tmp_path, name, text)
    with pytest.raises(GraphFormatError) as info:
        nc.io.read_ucinet_dl(p)
    msg = str(info.value)
    assert msg.startswith(f"{name}, line {line}:"), msg
    assert phrase in msg


def test_dl_asymmetric_read_undirected(tmp_path):
    p = put(tmp_path, "asym.dl", "DL N=2\nDATA:\n0 1\n0 0\n")
    with pytest.raises(GraphFormatError, match=r"asym\.dl, line 3: .*not symmetric"):
        nc.io.read_ucinet_dl(p, directed=False)
    q = put(tmp_path, "asym2.dl", "DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 2 1\n2 1 3\n")
    with pytest.raises(GraphFormatError, match="not symmetric"):
        nc.io.read_ucinet_dl(q, directed=False)
    assert nc.io.read_ucinet_dl(q).n_edges == 2


def test_dl_embedded_needs_all_labels(tmp_path):
    p = put(tmp_path, "few.dl", "DL N=4\nFORMAT=EDGELIST1\nLABELS EMBEDDED\nDATA:\na b\n")
    with pytest.raises(GraphFormatError, match=r"few\.dl: N = 4 but the data name only 2"):
        nc.io.read_ucinet_dl(p)


# ----------------------------------------------------------------------------- DL writing
@pytest.mark.parametrize("fmt", ["edgelist1", "fullmatrix", "nodelist1"])
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weighted", [True, False])
def test_dl_round_trip_random(tmp_path, fmt, directed, weighted):
    if fmt == "nodelist1" and weighted:
        pytest.skip("nodelist1 is binary (refusal tested separately)")
    for seed in range(8):
        g = random_graph(seed, directed=directed, weighted=weighted, loops=seed % 2 == 0)
        p = tmp_path / f"r{seed}.dl"
        nc.io.write_ucinet_dl(g, p, format=fmt)
        h = nc.io.read_ucinet_dl(p, directed=directed)
        assert list(h.nodes) == [str(x) for x in g.nodes]
        assert h.directed == directed and h.weighted == weighted
        assert arcs(h) == arcs(g)


def test_dl_write_is_read_by_igraph(tmp_path):
    for directed in (True, False):
        g = random_graph(3, directed=directed, weighted=True)
        g = nc.Graph.from_arrays(g.n_nodes, *g.edge_array(), directed=directed,
                                 nodes=[f"v{i}" for i in range(g.n_nodes)],
                                 edge_attrs=g.edge_attrs)
        p = tmp_path / "ig.dl"
        nc.io.write_ucinet_dl(g, p)
        G = ig.Graph.Read_DL(str(p), directed=True)
        assert G.vs["name"] == list(g.nodes)
        theirs = {(G.vs[a]["name"], G.vs[b]["name"]): w
                  for (a, b), w in zip(G.get_edgelist(), G.es["weight"])}
        ours = {}
        for (s, t), w in arcs(g).items():
            ours[(s, t)] = w
            if not directed:
                ours[(t, s)] = w
        assert theirs == ours
        # binary full matrix and nodelist1
        b = nc.Graph.from_arrays(g.n_nodes, *g.edge_array(), directed=directed, nodes=g.nodes)
        for fmt in ("fullmatrix", "nodelist1"):
            nc.io.write_ucinet_dl(b, p, format=fmt)
            G = ig.Graph.Read_DL(str(p), directed=True)
            got = {(G.vs[a]["name"], G.vs[c]["name"]) for a, c in G.get_edgelist()}
            assert got == set(ours)


def test_dl_write_several_matrices(tmp_path):
    a = random_graph(1, directed=True, weighted=True)
    b = random_graph(2, directed=True, weighted=True)
    b = nc.Graph.from_arrays(a.n_nodes, *b.edge_array(), directed=True, nodes=a.nodes,
                             edge_attrs=b.edge_attrs)
    for fmt in ("edgelist1", "fullmatrix"):
        p = tmp_path / f"two_{fmt}.dl"
        nc.io.write_ucinet_dl({"calls": a, "meets": b}, p, format=fmt)
        mats = nc.io.read_ucinet_dl_matrices(p)
        assert list(mats) == ["calls", "meets"]
        assert arcs(mats["calls"]) == arcs(a) and arcs(mats["meets"]) == arcs(b)


def test_dl_write_refusals(tmp_path):
    g = nc.Graph.from_arrays(2, [0], [1], directed=True, nodes=['say "hi"', "b"])
    with pytest.raises(ParameterError, match="double quote"):
        nc.io.write_ucinet_dl(g, tmp_path / "q.dl")
    w = nc.Graph.from_arrays(2, [0], [1], directed=True, edge_attrs={"weight": [2.0]})
    with pytest.raises(ParameterError, match="nodelist1"):
        nc.io.write_ucinet_dl(w, tmp_path / "n.dl", format="nodelist1")
    z = nc.Graph.from_arrays(2, [0], [1], directed=True, edge_attrs={"weight": [0.0]})
    with pytest.raises(ParameterError, match="no tie"):
        nc.io.write_ucinet_dl(z, tmp_path / "z.dl")
    with pytest.raises(ParameterError, match="'format'"):
        nc.io.write_ucinet_dl(g, tmp_path / "f.dl", format="lowerhalf")
    with pytest.raises(ParameterError, match="same nodes"):
        nc.io.write_ucinet_dl({"a": w, "b": g}, tmp_path / "m.dl")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(1, 9), seed=st.integers(0, 10_000), directed=st.booleans(),
       fmt=st.sampled_from(["edgelist1", "fullmatrix"]))
def test_dl_round_trip_hypothesis(tmp_path, n, seed, directed, fmt):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(0, n * n))
    r = rng.integers(0, n, m)
    c = rng.integers(0, n, m)
    w = rng.integers(1, 50, m) / 4
    g = nc.Graph.from_arrays(n, r, c, directed=directed, nodes=[f"id:{i}" for i in range(n)],
                             edge_attrs={"weight": w}, multiedges="first")
    p = tmp_path / "h.dl"
    nc.io.write_ucinet_dl(g, p, format=fmt)
    h = nc.io.read_ucinet_dl(p, directed=directed)
    assert list(h.nodes) == list(g.nodes)
    assert arcs(h) == arcs(g)


# ============================================================================ Pajek
def test_pajek_written_file_read_by_networkx(tmp_path):
    for directed in (True, False):
        for weighted in (True, False):
            g = random_graph(5, directed=directed, weighted=weighted)
            p = tmp_path / "g.net"
            nc.io.write_pajek(g, p)
            G = nx.read_pajek(p)
            assert list(G.nodes) == [str(x) for x in g.nodes]
            assert G.is_directed() == directed
            assert nx_arcs(G if directed else nx.Graph(G)) == arcs(g)
            h = nc.io.read_pajek(p)
            assert list(h.nodes) == list(g.nodes) and arcs(h) == arcs(g)
            assert h.directed == directed and h.weighted == weighted


def test_pajek_reads_networkx_and_igraph_files(tmp_path):
    G = nx.DiGraph()
    G.add_edge("Don Vito", "Sonny", weight=2.5)
    G.add_edge("Sonny", "Tom", weight=1.0)
    G.add_node("Fredo")
    nx.write_pajek(G, tmp_path / "nx.net")
    g = nc.io.read_pajek(tmp_path / "nx.net")
    assert list(g.nodes) == list(G.nodes)
    assert arcs(g) == nx_arcs(G)
    assert g.node_attrs["x"].tolist() == [0.0] * 4  # networkx writes 0.0 0.0 coordinates
    U = ig.Graph.Famous("Zachary")
    U.vs["name"] = [f"member {i}" for i in range(U.vcount())]
    U.es["weight"] = [float(i % 5 + 1) for i in range(U.ecount())]
    U.write_pajek(str(tmp_path / "ig.net"))
    h = nc.io.read_pajek(tmp_path / "ig.net")
    assert not h.directed and list(h.nodes) == U.vs["name"]
    want = {tuple(sorted((U.vs[a]["name"], U.vs[b]["name"]))): w
            for (a, b), w in zip(U.get_edgelist(), U.es["weight"])}
    assert arcs(h) == want


PAJEK_LISTS = """% a Pajek file with every section kind
*Network Family business
*Vertices 5
1 "Don Vito" 0.1 0.2 0.5
2 "Sonny" 0.3 0.4 0.5
3 Tom
4 "Kay Adams"
*Arcslist
1 2 3
*Edgeslist
4 5
*Arcs
2 3 7
"""


def test_pajek_lists_sections_and_coordinates(tmp_path):
    g = nc.io.read_pajek(put(tmp_path, "lists.net", PAJEK_LISTS))
    assert g.directed  # has arcs: the edge 4-5 becomes two arcs
    assert list(g.nodes) == ["Don Vito", "Sonny", "Tom", "Kay Adams", "5"]
    assert arcs(g) == {("Don Vito", "Sonny"): 1.0, ("Don Vito", "Tom"): 1.0,
                       ("Kay Adams", "5"): 1.0, ("5", "Kay Adams"): 1.0, ("Sonny", "Tom"): 7.0}
    assert g.meta["name"] == "Family business"
    na = g.node_attrs
    assert na.loc["Don Vito", ["x", "y", "z"]].tolist() == [0.1, 0.2, 0.5]
    assert np.isnan(na.loc["Tom", "x"])


def test_pajek_matrix_and_edges_only(tmp_path):
    g = nc.io.read_pajek(put(tmp_path, "m.net", "*Vertices 3\n*Matrix\n0 2 0\n0 0 1\n1 0 0\n"))
    assert arcs(g) == {("1", "2"): 2.0, ("2", "3"): 1.0, ("3", "1"): 1.0}
    u = nc.io.read_pajek(put(tmp_path, "u.net", '*vertices 3\n1 "a"\n2 "b"\n3 "c"\n*edges\n'
                             '1 2\n3 2\n'))
    assert not u.directed and not u.weighted
    assert set(arcs(u)) == {("a", "b"), ("b", "c")}


MALFORMED_PAJEK = [
    ("novert.net", "*Arcs\n1 2\n", 1, "missing section"),
    ("novert2.net", "% only a comment\n", 1, "missing section"),
    ("range.net", "*Vertices 2\n*Edges\n1 3\n", 3, "out of range 1..2"),
    ("weight.net", "*Vertices 2\n*Arcs\n1 2 heavy\n", 3, "non-numeric entry 'heavy'"),
    ("section.net", "*Vertices 2\n*Partition x\n1\n", 2, "unsupported section"),
    ("outside.net", "1 2\n*Vertices 2\n", 1, "outside a section"),
    ("vcount.net", "*Vertices many\n", 1, "number of vertices"),
    ("twomode.net", "*Vertices 4 2\n", 1, "two-mode"),
    ("matrix.net", "*Vertices 2\n*Matrix\n0 1\n1\n", 4, "has 1 values; expected 2"),
    ("twice.net", "*Vertices 2\n1 a\n1 b\n", 3, "listed twice"),
]


@pytest.mark.parametrize("name, text, line, phrase", MALFORMED_PAJEK,
                         ids=[m[0] for m in MALFORMED_PAJEK])
def test_pajek_malformed(tmp_path, name, text, line, phrase):
    with pytest.raises(GraphFormatError) as info:
        nc.io.read_pajek(put(tmp_path, name, text))
    msg = str(info.value)
    assert msg.startswith(f"{name}, line {line}:"), msg
    assert phrase in msg


def test_pajek_repeated_pair_policy(tmp_path):
    p = put(tmp_path, "dup.net", "*Vertices 2\n*Edges\n1 2 1\n2 1 4\n")
    with pytest.raises(GraphFormatError, match=r"^dup\.net, line 4: .*also on line 3"):
        nc.io.read_pajek(p)
    assert arcs(nc.io.read_pajek(p, multiedges="sum")) == {("1", "2"): 5.0}


def test_pajek_coordinates_round_trip(tmp_path):
    g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False, nodes=["a", "b", "c"],
                             node_attrs={"x": [0.5, 1 / 3, 2.0], "y": [1.0, 0.0, -1.0]})
    nc.io.write_pajek(g, tmp_path / "xy.net", name="layout")
    h = nc.io.read_pajek(tmp_path / "xy.net")
    pd.testing.assert_frame_equal(h.node_attrs, g.node_attrs)
    assert h.meta["name"] == "layout"


# ============================================================================ GraphML
def test_graphml_round_trip_with_networkx(tmp_path):
    g = nc.datasets.load("london_gang")
    nc.io.write_graphml(g, tmp_path / "g.graphml")
    G = nx.read_graphml(tmp_path / "g.graphml", node_type=int)
    assert list(G.nodes) == list(g.nodes)
    assert nx_arcs(G) == arcs(g)
    assert G.nodes[1]["Arrests"] == 16
    h = nc.io.read_graphml(tmp_path / "g.graphml", node_type=int)
    assert h.nodes.equals(g.nodes)
    pd.testing.assert_frame_equal(h.node_attrs, g.node_attrs, check_dtype=False)
    assert arcs(h) == arcs(g)
    assert h.meta["doi"] == g.meta["doi"]
    # networkx-written file read by netcrime
    D = nx.gn_graph(20, seed=4)
    nx.set_edge_attributes(D, {e: float(i) + 0.5 for i, e in enumerate(D.edges)}, "weight")
    nx.write_graphml(D, tmp_path / "d.graphml")
    d = nc.io.read_graphml(tmp_path / "d.graphml", node_type=int)
    assert d.directed and arcs(d) == nx_arcs(D)


def test_graphml_malformed(tmp_path):
    p = put(tmp_path, "bad.graphml", "<graphml><graph edgedefault='directed'>\n<node id='a'>\n")
    with pytest.raises(GraphFormatError, match=r"^bad\.graphml"):
        nc.io.read_graphml(p)


# ============================================================================ CSV
def test_csv_round_trip_with_nodes(tmp_path):
    g = nc.datasets.load("montagna_meetings_attributed")
    e, v = tmp_path / "e.csv", tmp_path / "v.csv"
    nc.io.write_csv(g, e, nodes_path=v)
    h = nc.io.read_csv(e, directed=False, nodes_path=v, label_dtype=str)
    assert list(h.nodes) == list(g.nodes)
    assert arcs(h) == arcs(g)
    pd.testing.assert_frame_equal(h.node_attrs, g.node_attrs, check_dtype=False)
    raw = pd.read_csv(e)
    assert list(raw.columns) == ["source", "target", "weight", "records"]


def test_csv_random_directed_round_trip_and_warning(tmp_path):
    g = random_graph(9, directed=True, weighted=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nc.io.write_csv(g, tmp_path / "a.csv", nodes_path=tmp_path / "n.csv")
    h = nc.io.read_csv(tmp_path / "a.csv", directed=True, nodes_path=tmp_path / "n.csv")
    assert list(h.nodes) == list(g.nodes) and arcs(h) == arcs(g)
    iso = nc.Graph.from_arrays(3, [0], [1], directed=False)
    with pytest.warns(NetcrimeWarning, match="1 isolated"):
        nc.io.write_csv(iso, tmp_path / "iso.csv")


def test_csv_errors(tmp_path):
    p = put(tmp_path, "cols.csv", "from,to\na,b\n")
    with pytest.raises(GraphFormatError, match=r"^cols\.csv, line 1: .*no 'source' column"):
        nc.io.read_csv(p, directed=True)
    e = put(tmp_path, "e.csv", "source,target\na,b\nb,zed\n")
    v = put(tmp_path, "v.csv", "node\na\nb\n")
    with pytest.raises(GraphFormatError, match=r"^e\.csv, line 3: unknown label 'zed'"):
        nc.io.read_csv(e, directed=True, nodes_path=v)
    d = put(tmp_path, "d.csv", "source,target\na,b\nb,a\n")
    with pytest.raises(GraphFormatError, match=r"^d\.csv, line 3: .*also on line 2"):
        nc.io.read_csv(d, directed=False)
    m = put(tmp_path, "m.csv", "source,target\na,\n")
    with pytest.raises(GraphFormatError, match=r"^m\.csv, line 2: missing endpoint"):
        nc.io.read_csv(m, directed=True)


# ============================================================================ dispatch
def test_read_write_dispatch(tmp_path):
    g = random_graph(11, directed=True, weighted=True)
    for ext in (".dl", ".net", ".paj", ".graphml"):
        p = tmp_path / f"g{ext}"
        nc.io.write(g, p)
        h = nc.io.read(p)
        assert arcs(h) == {(str(a), str(b)): w for (a, b), w in arcs(g).items()}, ext
    nc.io.write(g, tmp_path / "g.csv", nodes_path=tmp_path / "n.csv")
    h = nc.io.read(tmp_path / "g.csv", directed=True, nodes_path=tmp_path / "n.csv")
    assert arcs(h) == arcs(g)
    with pytest.raises(ParameterError, match=r"'directed' parameter of read\(\)"):
        nc.io.read(tmp_path / "g.csv")
    with pytest.raises(ParameterError, match="'path'"):
        nc.io.read(tmp_path / "g.xyz")
    nc.io.write(g, tmp_path / "g.txt", format="pajek")
    assert arcs(nc.io.read(tmp_path / "g.txt", format="pajek")) == arcs(nc.io.read(
        tmp_path / "g.net"))
    with pytest.raises(ParameterError, match="'format'"):
        nc.io.write(g, tmp_path / "g.txt", format="gml")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(0, 9), seed=st.integers(0, 10_000), directed=st.booleans(),
       weighted=st.booleans())
def test_pajek_round_trip_hypothesis(tmp_path, n, seed, directed, weighted):
    rng = np.random.default_rng(seed)
    m = int(rng.integers(0, n * n + 1))
    r = rng.integers(0, max(n, 1), m) if n else np.zeros(0, np.int64)
    c = rng.integers(0, max(n, 1), m) if n else np.zeros(0, np.int64)
    ea = {"weight": rng.normal(size=m)} if weighted else None
    g = nc.Graph.from_arrays(n, r, c, directed=directed, edge_attrs=ea, multiedges="first",
                             nodes=[f"p {i}" for i in range(n)])
    p = tmp_path / "h.net"
    nc.io.write_pajek(g, p)
    h = nc.io.read_pajek(p)
    assert list(h.nodes) == list(g.nodes)
    assert h.directed == directed and arcs(h) == arcs(g)
    if m and n:
        G = nx.read_pajek(p)
        assert nx_arcs(G if directed else nx.Graph(G)) == arcs(g)


def test_crlf_and_bom(tmp_path):
    p = tmp_path / "win.net"
    p.write_bytes('\ufeff*Vertices 2\r\n1 "a"\r\n2 "b"\r\n*Arcs\r\n1 2 2\r\n'.encode())
    assert arcs(nc.io.read_pajek(p)) == {("a", "b"): 2.0}
    q = tmp_path / "win.dl"
    q.write_bytes("\ufeffDL N=2\r\nFORMAT = EDGELIST1\r\nDATA:\r\n1 2 3\r\n".encode())
    assert arcs(nc.io.read_ucinet_dl(q)) == {(1, 2): 3.0}
