"""Hardened file readers (issue 14): mutation fuzzing as property tests, and the refusals
the issue names.

Every mutated file (byte and bit flips, insertions of random bytes and of troublesome
tokens, deletions, truncation, huge counts, re-encodings and invalid bytes, odd number
syntax, removed quotes, duplicated or swapped lines; see ``tests/fuzz/corpus.py``) of a
valid file of every format must either parse to the graph an independent reference parser
reads from it (written by hand for a subset of each format; GraphML's on ElementTree), or
raise GraphFormatError naming the file (and the line and ``encoding=`` for a decoding
error) -- never another exception, never a file the reference refuses. Each parse runs
under a time bound (SIGALRM) and a tracemalloc peak bound.

Budget: ``NETCRIME_FUZZ_EXAMPLES`` examples per format (default 200, the CI budget); the
release run sets it to 10000 (see CONTRIBUTING.md, "Fuzzing"), and
``tests/fuzz/run_fuzz.py`` prints the outcome table from watched subprocesses.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import tracemalloc
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netcrime as nc
import netcrime.io._common as _io_common
from netcrime.exceptions import GraphFormatError, ParameterError

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import corpus

EXAMPLES = int(os.environ.get("NETCRIME_FUZZ_EXAMPLES", "200"))
TIME_BOUND_S = 10
PEAK_BOUND = 64 * 2**20  # bytes


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception`` swallows it."""


def _alarm(signum, frame):
    raise Hang(f"the parse took more than {TIME_BOUND_S} s")


def watched(fmt: str, path: Path, data: bytes) -> tuple[str, str, int]:
    """``corpus.classify`` under the time bound; returns (outcome, detail, peak bytes)."""
    old = signal.signal(signal.SIGALRM, _alarm)
    tracemalloc.start()
    tracemalloc.reset_peak()
    signal.alarm(TIME_BOUND_S)
    try:
        outcome, detail = corpus.classify(fmt, path, data)
    except Hang as exc:
        outcome, detail = "hang", str(exc)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return outcome, detail, peak


@pytest.mark.filterwarnings("ignore:No key type")
@pytest.mark.parametrize("fmt", corpus.FORMATS)
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_files_parse_right_or_fail_cleanly(tmp_path, fmt, rnd):
    data = corpus.mutant_from(fmt, rnd)
    path = tmp_path / f"mutant{corpus.EXT[fmt]}"
    path.write_bytes(data)
    outcome, detail, peak = watched(fmt, path, data)
    assert outcome in ("parsed", "clean error"), f"{outcome}: {detail}\nfile: {data[:300]!r}"
    assert peak < PEAK_BOUND, f"peak {peak / 2**20:.0f} MB\nfile: {data[:300]!r}"


@pytest.mark.filterwarnings("ignore:No key type")
@pytest.mark.parametrize("fmt", corpus.FORMATS)
def test_fixed_mutants(tmp_path, fmt):
    """The first 100 numbered mutants of each format (the runner's files 0..99)."""
    for seed in range(100):
        data = corpus.mutant(fmt, seed)
        path = tmp_path / f"m{seed}{corpus.EXT[fmt]}"
        path.write_bytes(data)
        outcome, detail, peak = watched(fmt, path, data)
        assert outcome in ("parsed", "clean error"), (seed, outcome, detail)
        assert peak < PEAK_BOUND, (seed, peak)


# ---------------------------------------------------------------------------- block path
# The DL and Pajek readers read long blocks of plain lines at once (netcrime.io._common.
# number_block, issue 15) and fall back to the line-by-line path for anything else. The
# same oracles hold on both paths: long mutated files, and the small mutants with every
# block, however short, tried at once.
@pytest.mark.parametrize("fmt", ["ucinet", "pajek"])
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**64))  # a long file needs many draws: seed a Random
def test_long_mutated_files_parse_right_or_fail_cleanly(tmp_path, fmt, seed):
    data = corpus.long_mutant_from(fmt, random.Random(seed))
    path = tmp_path / f"long{corpus.EXT[fmt]}"
    path.write_bytes(data)
    outcome, detail, peak = watched(fmt, path, data)
    assert outcome in ("parsed", "clean error"), f"{outcome}: {detail}\nfile: {data[:300]!r}"
    assert peak < PEAK_BOUND, f"peak {peak / 2**20:.0f} MB"


@pytest.mark.parametrize("fmt", ["ucinet", "pajek"])
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rnd=st.randoms(use_true_random=False))
def test_small_mutants_through_the_block_path(tmp_path, monkeypatch, fmt, rnd):
    monkeypatch.setattr(_io_common, "BLOCK_MIN_LINES", 1)
    data = corpus.mutant_from(fmt, rnd)
    path = tmp_path / f"mutant{corpus.EXT[fmt]}"
    path.write_bytes(data)
    outcome, detail, _ = watched(fmt, path, data)
    assert outcome in ("parsed", "clean error"), f"{outcome}: {detail}\nfile: {data[:300]!r}"


@pytest.mark.parametrize("fmt", ["ucinet", "pajek"])
def test_long_files_read_as_the_reference_reads_them(tmp_path, monkeypatch, fmt):
    """Long valid files go through the block path and give the reference's graph."""
    calls = []
    ints = _io_common.NumberBlock.ints
    monkeypatch.setattr(_io_common.NumberBlock, "ints",
                        lambda self, idx: calls.append(len(idx)) or ints(self, idx))
    for seed in range(30):
        data = corpus.long_seed(fmt, random.Random(seed))
        path = tmp_path / f"l{seed}{corpus.EXT[fmt]}"
        path.write_bytes(data)
        verdict, ref = corpus.REFERENCES[fmt](data)
        assert verdict == "ok", (seed, ref)
        assert corpus.graph_summary(corpus.read_with_netcrime(fmt, path)) == ref, seed
    assert len(calls) >= 30 and sum(calls) > 30 * 140


_LONG_BAD = ["nan", "-inf", "1e999", "0x1F", "1_0", "1.2.3", "--1", "1e", ".", "\uff11",
             "\u0663", "1" * 1001, '"2', "2'", "+-2"]
_LONG_CASES = [(where, bad) for where in ("value", "source", "target")
               for bad in [*_LONG_BAD, "0", "301", "1" * 19, "-2", "2.0", "+"]
               if where != "value" or corpus.ref_number(bad) is None]


@pytest.mark.parametrize("fmt", ["ucinet", "pajek"])
@pytest.mark.parametrize("where, bad", _LONG_CASES)
def test_long_files_errors_name_their_line(tmp_path, fmt, where, bad):
    """A bad entry deep inside a long block is reported at its line, as in a short file."""
    rnd = random.Random(7)
    ties = [(rnd.randint(1, 300), rnd.randint(1, 300), repr(rnd.random())) for _ in range(500)]
    k = 417
    a, b, v = ties[k]
    ties[k] = {"value": (a, b, bad), "source": (bad, b, v), "target": (a, bad, v)}[where]
    lines = [f"{a} {b} {v}" for a, b, v in ties]
    if fmt == "pajek":
        head = ["*Vertices 300", *(f'{i} "v {i}"' for i in range(1, 301)), "*Arcs"]
    else:
        head = ["DL N=300", "FORMAT = EDGELIST1", "DATA:"]
    name = f"bad{corpus.EXT[fmt]}"
    p = put(tmp_path, name, ("\n".join(head + lines) + "\n").encode())
    msg = refused(p, multiedges="sum") if fmt == "pajek" else refused(p)
    assert msg.startswith(f"{name}, line {len(head) + k + 1}:"), msg


# ============================================================================ the oracles
@pytest.mark.parametrize("fmt", corpus.FORMATS)
def test_seeds_parse_as_the_reference_reads_them(tmp_path, fmt):
    """Every seed file is valid, and where the reference covers it, both read one graph."""
    covered = 0
    for k, _ in enumerate(corpus.SEEDS[fmt]):
        data = corpus.seed_bytes(fmt, k)
        path = tmp_path / f"s{k}{corpus.EXT[fmt]}"
        path.write_bytes(data)
        g = corpus.read_with_netcrime(fmt, path)
        verdict, ref = corpus.REFERENCES[fmt](data)
        assert verdict != "invalid", (k, ref)
        if verdict == "ok":
            covered += 1
            assert corpus.graph_summary(g) == ref, k
    assert covered >= 2


def test_references_agree_with_networkx(tmp_path):
    """The Pajek and GraphML references read the seeds as networkx does."""
    for k, text in enumerate(corpus.SEEDS["pajek"][:1]):  # networkx needs every vertex listed
        verdict, ref = corpus.ref_pajek(text.encode())
        p = tmp_path / f"p{k}.net"
        p.write_text(text)
        G = nx.read_pajek(p)
        assert verdict == "ok"
        assert set(ref[0]) == {str(v) for v in G.nodes}
        assert len(ref[2]) == len({tuple(e) if ref[1] else frozenset(e) for e in G.edges()})
    for k in range(len(corpus.SEEDS["graphml"])):
        data = corpus.seed_bytes("graphml", k)
        verdict, ref = corpus.ref_graphml(data)
        G = nx.parse_graphml(data.decode("latin-1" if b"latin-1" in data else "utf-8"))
        assert verdict == "ok" and ref[0] == tuple(G.nodes) and ref[1] == G.is_directed()
        assert dict(ref[2]) == {(str(a), str(b)) if ref[1] else tuple(sorted((a, b))):
                                float(d.get("weight", 1.0)) for a, b, d in G.edges(data=True)}


def test_reference_number_scanner():
    good = ["2", "-0.5", "+.5", "1.", "1.5e-3", "4E2", "007"]
    bad = ["nan", "inf", "-Infinity", "0x10", "1_0", "1e", ".", "", "1.2.3", "--1",
           "\uff11", "\u0663", "1e999", " 1"]
    assert all(corpus.ref_number(t) is not None for t in good)
    assert all(corpus.ref_number(t) is None for t in bad)


# ============================================================================ refusals
def put(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def refused(path: Path, **kw) -> str:
    with pytest.raises(GraphFormatError) as info:
        nc.io.read(path, **kw)
    msg = str(info.value)
    assert msg.startswith(path.name), msg
    return msg


@pytest.mark.parametrize("name, data, line, kw", [
    ("a.dl", "DL N=2\nLABELS:\nÜlkü b\nDATA:\n0 1\n0 0\n", 3, {}),
    ("a.net", '*Vertices 2\n1 "Ülkü"\n2 b\n*Arcs\n1 2\n', 2, {}),
    ("a.csv", "source,target\r\nb,c\r\nÜlkü,b\r\n", 3, {"directed": True}),
])
def test_decoding_error_names_line_encoding_and_option(tmp_path, name, data, line, kw):
    p = put(tmp_path, name, data.encode("latin-1"))
    msg = refused(p, **kw)
    assert msg.startswith(f"{name}, line {line}:"), msg
    assert "utf-8" in msg and "encoding=" in msg
    g = nc.io.read(p, encoding="latin-1", **kw)
    assert "Ülkü" in list(g.nodes)


def test_graphml_encodings(tmp_path):
    body = ('<graphml><graph edgedefault="directed"><node id="Ülkü"/><node id="b"/>'
            '<edge source="Ülkü" target="b"/></graph></graphml>')
    p = put(tmp_path, "l.graphml", ('<?xml version="1.0" encoding="latin-1"?>\n'
                                    + body).encode("latin-1"))
    assert list(nc.io.read_graphml(p).nodes) == ["Ülkü", "b"]
    q = put(tmp_path, "n.graphml", body.encode("latin-1"))  # no declaration: UTF-8
    msg = refused(q)
    assert "line 1" in msg and "utf-8" in msg and "encoding=" in msg
    assert list(nc.io.read_graphml(q, encoding="latin-1").nodes) == ["Ülkü", "b"]
    r = put(tmp_path, "u.graphml", ('<?xml version="1.0" encoding="klingon"?>\n'
                                    + body).encode())
    assert "'klingon'" in refused(r) and "encoding=" in refused(r)
    s = put(tmp_path, "s.graphml", ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                    + body).encode("utf-16"))
    assert "byte-order mark" in refused(s)


def test_unknown_encoding_option_is_a_parameter_error(tmp_path):
    p = put(tmp_path, "a.net", b"*Vertices 1\n")
    for reader in (nc.io.read_pajek, nc.io.read_ucinet_dl, nc.io.read_graphml):
        with pytest.raises(ParameterError, match="'encoding' parameter of read_"):
            reader(p, encoding="rot13")
    with pytest.raises(ParameterError, match="'encoding' parameter of read_csv"):
        nc.io.read_csv(p, directed=True, encoding="no-such-codec")


@pytest.mark.parametrize("name, data, line, phrase", [
    ("big.net", b"*Vertices 10000000\n*Arcs\n1 2\n", 1, "more than the file can hold"),
    ("huge.net", b"*Vertices 1000000000000\n", 1, "more than the file can hold"),
    ("digits.net", b"*Vertices " + b"9" * 5000 + b"\n", 1, "more than the file can hold"),
    ("big.dl", b"DL N=1000000000000\nFORMAT=EDGELIST1\nDATA:\n1 2\n", 1, "N = 1000000000000"),
    ("nm.dl", b"DL\nN=2\nNM=100000000\nFORMAT=EDGELIST1\nDATA:\n1 2\n", 3, "NM = 100000000"),
    ("nr.dl", b"DL NR=99999 NC=99999\nDATA:\n0\n", 1, "NR = 99999"),
])
def test_header_counts_checked_before_allocation(tmp_path, name, data, line, phrase):
    p = put(tmp_path, name, data)
    tracemalloc.start()
    try:
        msg = refused(p)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert msg.startswith(f"{name}, line {line}:") and phrase in msg, msg
    assert peak < 4 * 2**20


def test_counts_within_the_cap_are_read(tmp_path):
    """Isolated nodes are legitimate: a count up to 10,000 needs no listing."""
    g = nc.io.read_pajek(put(tmp_path, "iso.net", b"*Vertices 10000\n*Edges\n1 2\n"))
    assert g.n_nodes == 10_000 and g.n_edges == 1
    h = nc.io.read_ucinet_dl(put(tmp_path, "iso.dl", b"DL N=10000\nFORMAT=EDGELIST1\n"
                                 b"DATA:\n1 2\n"))
    assert h.n_nodes == 10_000 and h.n_edges == 1
    big = b"*Vertices 20000\n*Edges\n1 2\n" + b"%" * 20_000 + b"\n"  # the file is longer
    assert nc.io.read_pajek(put(tmp_path, "long.net", big)).n_nodes == 20_000


@pytest.mark.parametrize("name, data, line, phrase", [
    ("nan.net", b"*Vertices 2\n1 a nan 0\n2 b\n", 2, "non-numeric entry 'nan'"),
    ("inf.net", b"*Vertices 2\n1 a 0 -Infinity\n2 b\n", 2, "non-numeric entry '-Infinity'"),
    ("hex.net", b"*Vertices 2\n*Arcs\n1 2 0x10\n", 3, "non-numeric entry '0x10'"),
    ("under.net", b"*Vertices 2\n*Arcs\n1 2 1_0\n", 3, "non-numeric entry '1_0'"),
    ("wide.net", b"*Vertices 2\n*Arcs\n1 2 \xef\xbc\x91\n", 3, "non-numeric entry"),
    ("over.net", b"*Vertices 2\n*Arcs\n1 2 1e999\n", 3, "too large"),
    ("four.net", b"*Vertices 2\n1 a 1 2 3 4\n", 2, "at most three coordinates"),
    ("after.net", b"*Vertices 2\n*Arcs\n1 2 1 5\n", 3, "after the value"),
    ("digit.net", "*Vertices \u0663\n".encode(), 1, "number of vertices"),
    ("vnum.net", "*Vertices 2\n*Arcs\n\u0661 2\n".encode(), 3, "not a vertex number"),
    ("inf.dl", b"DL N=2\nDATA:\n0 inf\n0 0\n", 3, "non-numeric entry 'inf'"),
    ("nan.dl", b"DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 2 NaN\n", 4, "non-numeric entry 'NaN'"),
    ("under.dl", b"DL N=2\nFORMAT=EDGELIST1\nDATA:\n1 2 1_000\n", 4, "non-numeric"),
    ("digit.dl", "DL N=\u0663\nDATA:\n".encode(), 1, "non-negative integer"),
])
def test_strict_numbers(tmp_path, name, data, line, phrase):
    msg = refused(put(tmp_path, name, data))
    assert msg.startswith(f"{name}, line {line}:") and phrase in msg, msg


def test_numbers_the_formats_allow(tmp_path):
    g = nc.io.read_pajek(put(tmp_path, "ok.net", b"*Vertices 3\n1 a +.5 -2. 1E2\n"
                                               b"*Arcs\n1 2 -1.5e-3\n2 3 +4\n"))
    assert g.node_attrs.loc["a", ["x", "y", "z"]].tolist() == [0.5, -2.0, 100.0]
    assert sorted(g.edge_attrs["weight"].tolist()) == [-0.0015, 4.0]
    h = nc.io.read_ucinet_dl(put(tmp_path, "ok.dl", b"DL N=2\nDATA:\n0 .25\n1E1 0\n"))
    assert sorted(h.edge_attrs["weight"].tolist()) == [0.25, 10.0]


@pytest.mark.parametrize("name, data, line", [
    ("q1.net", b'*Vertices 2\n1 "Don Vito\n2 b\n', 2),
    ("q2.net", b'*Vertices 2\n1 a"b"\n2 b\n', 2),
    ("q3.dl", b'DL N=2\nLABELS:\n"a b, c\nDATA:\n0 1\n0 0\n', 3),
    ("q4.dl", b"DL N=2\nFORMAT=EDGELIST1\nLABELS EMBEDDED\nDATA:\n'a b\n", 5),
])
def test_quotes_must_balance(tmp_path, name, data, line):
    msg = refused(put(tmp_path, name, data))
    assert msg.startswith(f"{name}, line {line}:") and "quote" in msg, msg


GRAPHML = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
           '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
           '<graph edgedefault="directed">\n{}\n</graph>\n</graphml>\n')


@pytest.mark.parametrize("body, line, phrase", [
    ('<node id="a"/>\n<edge source="a" target="b"/>', 5, "which no <node> element declares"),
    ('<node id="a"/>\n<node id="a"/>', 5, "declared twice (also on line 4)"),
    ('<node id="a"/>\n<edge source="a"/>', 5, "without a target"),
    ('<node id="a"/>\n<edge target="a"/>', 5, "without a source"),
    ('<node id="a"><graph edgedefault="directed"/></node>', 4, "nested graphs"),
    ('<node id="a"/>\n<edge source="a" target="a"><data key="w">nan</data></edge>', 5,
     "not a GraphML double"),
    ('<node id="a"/>\n<edge source="a" target="a"><data key="w">1_0</data></edge>', 5,
     "not a GraphML double"),
    ('<node id="a"><data key="zz">1</data></node>', 4, "names no declared <key>"),
    ('<node/>', 4, "without an id"),
    ('<node id="a"/>\n<node id="b"/>\n<edge source="a" target="b"/>\n'
     '<edge source="a" target="b"/>', 7, "given twice (also on line 6)"),
    ('<node id="a"/>\n<edge source="a" target="a"><data key="w">INF</data></edge>', 5,
     "not a finite number"),
    ('<node id="a"/>\n<edge source="a" target="a"><data key="w">1e999</data></edge>', 5,
     "within the 64-bit range"),
    ('<key id="k" for="node" attr.name="x"/>', 4, "keys are declared in <graphml>"),
])
def test_graphml_structure(tmp_path, body, line, phrase):
    msg = refused(put(tmp_path, "g.graphml", GRAPHML.format(body).encode()))
    assert msg.startswith(f"g.graphml, line {line}:") and phrase in msg, msg


def test_graphml_second_graph_and_node_order(tmp_path):
    two = GRAPHML.format('<node id="a"/>').replace(
        "</graphml>", '<graph edgedefault="directed"/></graphml>')
    assert "several graphs" in refused(put(tmp_path, "two.graphml", two.encode()))
    # an edge before its nodes' declarations: nodes keep document order
    g = nc.io.read_graphml(put(tmp_path, "o.graphml", GRAPHML.format(
        '<edge source="b" target="a"><data key="w">2</data></edge>\n<node id="a"/>\n'
        '<node id="b"/>').encode()))
    assert list(g.nodes) == ["a", "b"] and g.to_pandas().values.tolist() == [["b", "a", 2.0]]
    # parallel edges are merged on request
    par = put(tmp_path, "par.graphml", GRAPHML.format(
        '<node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">2</data>'
        '</edge>\n<edge source="a" target="b"><data key="w">3</data></edge>').encode())
    assert nc.io.read_graphml(par, multiedges="sum").to_pandas().values.tolist() == [
        ["a", "b", 5.0]]
    # ids that collide after node_type conversion
    msg = refused(put(tmp_path, "c.graphml", GRAPHML.format(
        '<node id="1"/>\n<node id="01"/>').encode()), node_type=int)
    assert "declared twice" in msg


@pytest.mark.parametrize("name, data, line, phrase", [
    ("more.csv", b"source,target,weight\na,b,1,2\nb,c,3\n", 2, "has 4 fields"),
    ("fewer.csv", b"source,target,weight\na,b,1\nb,c\n", 3, "has 2 fields"),
    ("quote.csv", b'source,target\n"a,b\nc,d\n', 2, "quotes must open and close"),
    ("dupcol.csv", b"source,target,source\na,b,c\n", 1, "twice"),
    ("noname.csv", b"source,target,\na,b,\n", 1, "has no name"),
    ("wnan.csv", b"source,target,weight\na,b,nan\n", 2, "not a decimal number"),
    ("wmiss.csv", b"source,target,weight\na,b,1\nb,c,\n", 3, "missing value"),
    ("empty.csv", b"", 1, "empty"),
])
def test_csv_rows(tmp_path, name, data, line, phrase):
    msg = refused(put(tmp_path, name, data), directed=True)
    assert msg.startswith(f"{name}, line {line}:") and phrase in msg, msg


def test_csv_labels_are_one_type(tmp_path):
    g = nc.io.read_csv(put(tmp_path, "mix.csv", b"source,target\n1,a\n2,1\n"), directed=True)
    assert list(g.nodes) == ["1", "2", "a"] and g.n_edges == 2
    z = nc.io.read_csv(put(tmp_path, "zero.csv", b"source,target\n007,7\n"), directed=True)
    assert list(z.nodes) == ["007", "7"]
    i = nc.io.read_csv(put(tmp_path, "int.csv", b"source,target\n3,-1\n"), directed=True)
    assert list(i.nodes) == [3, -1]
    q = nc.io.read_csv(put(tmp_path, "q.csv", b'source,target,note\n"a, b",c,"x ""y"""\n'
                           b"\nc,d,\n"), directed=True)
    assert q.to_pandas()["note"].tolist()[0] == 'x "y"' and next(iter(q.nodes)) == "a, b"
    with pytest.raises(ParameterError, match="'sep' parameter of read_csv"):
        nc.io.read_csv(put(tmp_path, "s.csv", b"source;target\n"), directed=True, sep=";;")
