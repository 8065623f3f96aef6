"""National-scale call records (issue 15, point 4): the call-record generator, the streaming
reader, netcrime's own on-disk format and k-cores.

Oracles: pandas ``groupby`` on the same file (reader), the graph itself before saving and
networkx on the reloaded graph (save/load), networkx ``core_number`` and igraph
``coreness`` (k-cores), the model's stated parameters (generator; statistical checks marked
slow).
"""

from __future__ import annotations

import importlib
import json
import pickle

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.exceptions import GraphFormatError, ParameterError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


# ------------------------------------------------------------------------ call_records
@pytest.fixture(scope="module")
def cdr():
    return nc.generators.call_records(n_persons=2000, n_calls=30000, rng=7)


def test_call_records_schema(cdr):
    calls, numbers = cdr
    assert list(calls.columns) == ["caller", "callee", "start", "duration"]
    assert calls["caller"].dtype == np.int64 and calls["callee"].dtype == np.int64
    assert calls["start"].dtype == "datetime64[ns]" and calls["duration"].dtype == np.int32
    assert len(calls) == 30000
    assert list(numbers.columns) == ["number", "person", "community", "burner"]
    assert numbers["number"].is_unique
    # 12-digit numbers 447xxxxxxxxx, not positions 0..n-1
    assert numbers["number"].between(447_000_000_000, 447_999_999_999).all()
    assert calls["caller"].isin(numbers["number"]).all()
    assert calls["callee"].isin(numbers["number"]).all()
    person = numbers.set_index("number")["person"]
    assert (person[calls["caller"]].to_numpy() != person[calls["callee"]].to_numpy()).all()
    assert calls["start"].is_monotonic_increasing
    assert calls["start"].min() >= pd.Timestamp("2026-01-05")
    assert calls["start"].max() < pd.Timestamp("2026-01-05") + pd.Timedelta(days=28)
    assert (calls["duration"] >= 1).all()
    # every person has exactly one non-burner number
    assert numbers.groupby("person")["burner"].apply(lambda b: (~b).sum()).eq(1).all()
    assert numbers["person"].nunique() == 2000


def test_call_records_seeded(cdr):
    again = nc.generators.call_records(n_persons=2000, n_calls=30000, rng=7)
    pd.testing.assert_frame_equal(cdr[0], again[0])
    pd.testing.assert_frame_equal(cdr[1], again[1])
    other = nc.generators.call_records(n_persons=2000, n_calls=30000, rng=8)
    assert not other[0]["caller"].equals(cdr[0]["caller"])


def test_call_record_chunks_reproducible_and_complete():
    kw = dict(n_persons=300, n_calls=2500, chunksize=1000, rng=3)
    numbers, chunks = nc.generators.call_record_chunks(**kw)
    parts = list(chunks)
    assert [len(c) for c in parts] == [1000, 1000, 500]
    numbers2, chunks2 = nc.generators.call_record_chunks(**kw)
    pd.testing.assert_frame_equal(numbers, numbers2)
    for a, b in zip(parts, chunks2):
        pd.testing.assert_frame_equal(a, b)
    assert pd.concat(parts)["caller"].isin(numbers["number"]).all()


@pytest.mark.parametrize("bad", [
    {"n_persons": 1}, {"p_within": 1.5}, {"activity_tail": 0}, {"burner_share": -0.1},
    {"days": 0}, {"start": "not a date"}, {"n_calls": -1},
])
def test_call_records_bad_parameters(bad):
    kw = {"n_persons": 100, "n_calls": 100, **bad}
    with pytest.raises(ParameterError):
        nc.generators.call_records(**kw)


@pytest.mark.slow
def test_call_records_statistics():
    """Hill estimate of the tail of calls per person near activity_tail; community share
    near p_within; burner persons near burner_share; weekends quieter than weekdays."""
    calls, numbers = nc.generators.call_records(n_persons=20000, n_calls=400000,
                                                activity_tail=1.5, p_within=0.8,
                                                burner_share=0.05, rng=5)
    by_number = numbers.set_index("number")
    per = np.bincount(by_number["person"][calls["caller"]].to_numpy(), minlength=20000)
    x = np.sort(per)[::-1]
    k = 400
    hill = 1.0 / np.mean(np.log(x[:k] / x[k]))
    assert 1.2 < hill < 1.9
    comm = by_number["community"]
    share = np.mean(comm[calls["caller"]].to_numpy() == comm[calls["callee"]].to_numpy())
    assert 0.78 < share < 0.86
    burner_persons = numbers.groupby("person").size().gt(1).mean()
    assert abs(burner_persons - 0.05) < 4 * np.sqrt(0.05 * 0.95 / 20000)
    wd = calls["start"].dt.day_of_week
    assert (wd >= 5).mean() / 2 < 0.85 * (wd < 5).mean() / 5


# --------------------------------------------------------------------- read_call_records
def _pandas_oracle(calls, directed, weight):
    df = calls.copy()
    if not directed:
        a = np.minimum(df["caller"], df["callee"])
        b = np.maximum(df["caller"], df["callee"])
        df["caller"], df["callee"] = a, b
    grp = df.groupby(["caller", "callee"])
    return grp[weight].sum().astype(float) if weight else grp.size().astype(float)


def _as_table(g):
    s, t = g.edge_array()
    a = g.nodes.to_numpy()[s]
    b = g.nodes.to_numpy()[t]
    if not g.directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    idx = pd.MultiIndex.from_arrays([a, b], names=["caller", "callee"])
    return pd.Series(g.edge_attrs["weight"].to_numpy(), index=idx).sort_index()


@pytest.fixture(scope="module")
def cdr_files(tmp_path_factory, cdr):
    d = tmp_path_factory.mktemp("cdr")
    calls = cdr[0].iloc[:6000].copy()
    # repeat pairs far apart so that chunks of 7 records split them
    calls = pd.concat([calls, calls.iloc[::3]], ignore_index=True)
    calls.to_parquet(d / "calls.parquet", index=False)
    calls.to_csv(d / "calls.csv", index=False)
    return calls, d


@pytest.mark.parametrize("ext", ["parquet", "csv"])
@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weight", [None, "duration"])
def test_read_call_records_matches_pandas_groupby(cdr_files, ext, directed, weight):
    calls, d = cdr_files
    g = nc.io.read_call_records(
        d / f"calls.{ext}", source="caller", target="callee", directed=directed,
        weight=weight, aggregate="sum" if weight else "count", chunksize=7)
    assert g.directed is directed
    assert g.nodes.dtype == np.int64
    assert set(g.nodes) == set(calls["caller"]) | set(calls["callee"])
    # labels in order of first appearance in the file
    first = pd.unique(np.column_stack([calls["caller"], calls["callee"]]).ravel())
    assert np.array_equal(g.nodes.to_numpy(), first)
    ref = _pandas_oracle(calls, directed, weight).sort_index()
    got = _as_table(g)
    assert len(got) == len(ref)
    assert np.array_equal(got.index.to_numpy(), ref.index.to_numpy())
    np.testing.assert_allclose(got.to_numpy(), ref.to_numpy(), rtol=1e-12)
    if weight:
        cnt = pd.Series(g.edge_attrs["count"].to_numpy(), index=got.index.sort_values())
        assert int(cnt.sum()) == len(calls)
    assert g.meta["n_records"] == len(calls)


def test_read_call_records_chunksize_does_not_change_the_graph(cdr_files):
    _, d = cdr_files
    a = nc.io.read_call_records(d / "calls.parquet", source="caller", target="callee",
                                directed=False, chunksize=5)
    b = nc.io.read_call_records(d / "calls.parquet", source="caller", target="callee",
                                directed=False, chunksize=10**6)
    assert a == b


def test_read_call_records_bad_files(tmp_path):
    f = tmp_path / "c.parquet"
    pd.DataFrame({"a": [1, 2], "b": [2, 3]}).to_parquet(f)
    with pytest.raises(ParameterError,
                       match=r"'source' parameter of read_call_records\(\).*c\.parquet.*'caller'"):
        nc.io.read_call_records(f, source="caller", target="b", directed=True)
    g = tmp_path / "text.parquet"
    pd.DataFrame({"a": ["x", "y"], "b": [2, 3]}).to_parquet(g)
    with pytest.raises(GraphFormatError, match=r"text\.parquet.*integer"):
        nc.io.read_call_records(g, source="a", target="b", directed=True)
    h = tmp_path / "nulls.parquet"
    pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "b": [2, 3]}).to_parquet(h)
    with pytest.raises(GraphFormatError, match=r"nulls\.parquet.*missing"):
        nc.io.read_call_records(h, source="a", target="b", directed=True)
    big = tmp_path / "big.parquet"
    pq.write_table(pa.table({"a": pa.array([2**64 - 1, 1], pa.uint64()),
                             "b": pa.array([1, 2], pa.uint64())}), big)
    with pytest.raises(GraphFormatError, match=r"big\.parquet.*2\*\*63"):
        nc.io.read_call_records(big, source="a", target="b", directed=True)
    csv = tmp_path / "big.csv"
    csv.write_text("a,b\n1,2\n99999999999999999999,3\n")
    with pytest.raises(GraphFormatError, match=r"big\.csv"):
        nc.io.read_call_records(csv, source="a", target="b", directed=True)
    with pytest.raises(ParameterError, match=r"'path' parameter of read_call_records\(\) "
                       "must be an existing file"):
        nc.io.read_call_records(tmp_path / "none.csv", source="a", target="b", directed=True)
    with pytest.raises(ParameterError, match="aggregate"):
        nc.io.read_call_records(f, source="a", target="b", directed=True, aggregate="mean")
    with pytest.raises(ParameterError, match="weight"):
        nc.io.read_call_records(f, source="a", target="b", directed=True, aggregate="sum")
    with pytest.raises(ParameterError, match="path"):
        nc.io.read_call_records(tmp_path / "c.txt", source="a", target="b", directed=True)


@pytest.mark.parametrize("ext", ["parquet", "csv"])
def test_read_call_records_max_memory_before_reading(cdr_files, ext):
    """A limit below the chunk in flight: refused before any record is read, the message
    naming the function, the file, the estimate and the limit."""
    _, d = cdr_files
    with pytest.raises(nc.MemoryLimitError) as e:
        nc.io.read_call_records(d / f"calls.{ext}", source="caller", target="callee",
                                directed=False, max_memory=1000)
    msg = str(e.value)
    assert f"read_call_records(): calls.{ext} needs about" in msg
    assert "max_memory=1,000 bytes" in msg and "before reading" in msg
    how = "rows in the Parquet metadata" if ext == "parquet" else "estimated from the file"
    assert how in msg
    assert isinstance(e.value, MemoryError) and isinstance(e.value, nc.NetcrimeError)


def test_read_call_records_max_memory_after_first_chunk(cdr_files):
    """A limit above the chunk in flight but below the projected pairs: refused after the
    first chunk, with the projection in the message; a generous limit reads the same
    graph as no limit."""
    from netcrime.io import calls as io_calls

    calls, d = cdr_files
    f = d / "calls.parquet"
    chunk = 100
    limit = int(io_calls._estimate(len(calls), chunk, False)) + 1000  # room for ~10 pairs
    with pytest.raises(nc.MemoryLimitError, match=r"calls\.parquet.*projected .* distinct "
                       r"pairs .* from the first 100 records"):
        nc.io.read_call_records(f, source="caller", target="callee", directed=False,
                                chunksize=chunk, max_memory=limit)
    free = nc.io.read_call_records(f, source="caller", target="callee", directed=False,
                                   chunksize=chunk)
    for limit in ("1GB", "1 GiB", 2**30):
        got = nc.io.read_call_records(f, source="caller", target="callee", directed=False,
                                      chunksize=chunk, max_memory=limit)
        assert got == free
    got = nc.io.read_call_records(d / "calls.csv", source="caller", target="callee",
                                  directed=True, weight="duration", aggregate="sum",
                                  chunksize=chunk, max_memory="2GB")
    assert int(got.edge_attrs["count"].sum()) == len(calls)


@pytest.mark.parametrize("text, expected", [
    ("8GB", 8 * 10**9), ("512MiB", 512 * 2**20), ("1.5 GiB", 3 * 2**29), ("100", 100),
    ("2kb", 2000), ("7 B", 7), (4096, 4096), (np.int64(5), 5),
])
def test_max_memory_units(text, expected):
    from netcrime.io.calls import _parse_memory

    assert _parse_memory(text, "read_call_records") == expected


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "8XB", "GB", "", "0.1B", "nan GB", [8]])
def test_max_memory_bad_values(cdr_files, bad):
    _, d = cdr_files
    with pytest.raises(ParameterError, match=r"'max_memory' parameter of read_call_records"):
        nc.io.read_call_records(d / "calls.parquet", source="caller", target="callee",
                                directed=False, max_memory=bad)


# ----------------------------------------------------------------------------- save/load
def _rich_graph(directed):
    rng = np.random.default_rng(3)
    n, m = 40, 120
    labels = [f"p{i}-é" for i in range(n)]
    g = nc.Graph.from_arrays(
        n, rng.integers(0, n, m), rng.integers(0, n, m), directed=directed, nodes=labels,
        multiedges="first",
        node_attrs={"age": rng.integers(18, 80, n), "score": rng.random(n),
                    "boss": rng.random(n) < 0.1, "name": [f"N{i}" for i in range(n)],
                    "seen": pd.date_range("2026-01-01", periods=n, freq="h").to_numpy(),
                    "small": rng.integers(0, 9, n).astype(np.uint8)},
        edge_attrs={"weight": rng.random(m) + 0.1, "calls": rng.integers(1, 9, m),
                    "kind": rng.choice(["phone", "sms"], m)},
    )
    return g.with_meta(name="rich", year=2026)


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("mmap", [True, False])
def test_save_load_round_trip(tmp_path, directed, mmap):
    g = _rich_graph(directed)
    g.save(tmp_path / "g.ncg")
    h = nc.Graph.load(tmp_path / "g.ncg", mmap=mmap, verify=True)
    assert h == g
    assert h.directed is directed and h.n_edges == g.n_edges
    pd.testing.assert_frame_equal(h.node_attrs, g.node_attrs)
    pd.testing.assert_frame_equal(h.edge_attrs, g.edge_attrs)
    assert list(h.nodes) == list(g.nodes)
    assert h.meta["name"] == "rich" and h.meta["year"] == 2026
    for a in (h.indptr, h.indices, h.edge_ids):
        assert not a.flags.writeable
        assert a.dtype == np.int64 and a.flags.c_contiguous
    with pytest.raises(ValueError):
        h.indices[0] = 1
    # a loaded graph pickles (process executors) into an ordinary in-memory graph
    assert pickle.loads(pickle.dumps(h)) == g


def test_loaded_graph_works_with_kernels(tmp_path):
    """Metrics on the memory-mapped graph against networkx on the original."""
    G = nx.connected_watts_strogatz_graph(200, 6, 0.2, seed=4)
    for i, (u, v) in enumerate(G.edges):
        G.edges[u, v]["weight"] = 1.0 + (i % 5)
    g = nc.Graph.from_networkx(G)
    g.save(tmp_path / "w.ncg")
    h = nc.Graph.load(tmp_path / "w.ncg")
    ref = nx.betweenness_centrality(G, normalized=False, weight="weight")
    got = nc.centrality.betweenness(h, distance="weight", normalized=False)
    np.testing.assert_allclose(got[list(G)].to_numpy(), [ref[v] for v in G], rtol=1e-9)
    pr = nx.pagerank(G, weight="weight", tol=1e-12)
    np.testing.assert_allclose(nc.centrality.pagerank(h, weight="weight")[list(G)],
                               [pr[v] for v in G], atol=1e-8)
    np.testing.assert_allclose(nc.centrality.closeness(h)[list(G)],
                               [nx.closeness_centrality(G)[v] for v in G], rtol=1e-12)
    cn = nx.core_number(G)
    assert nc.centrality.core_number(h)[list(G)].tolist() == [cn[v] for v in G]
    res = nc.disruption.attack(h, strategy="degree", mode="static")
    assert res.curve["lcc"].iloc[0] == 200
    sub = h.subgraph(list(h.nodes[:50]))
    assert sub.n_nodes == 50


def test_save_load_int64_labels_and_empty(tmp_path):
    g = nc.Graph.from_arrays(3, [0], [1], directed=True, nodes=[447700900001, 2**62, -5])
    g.save(tmp_path / "i.ncg")
    h = nc.Graph.load(tmp_path / "i.ncg")
    assert h == g and h.nodes.dtype == np.int64
    e = nc.Graph.from_arrays(0, [], [], directed=False)
    e.save(tmp_path / "e.ncg")
    assert nc.Graph.load(tmp_path / "e.ncg") == e


def test_save_unsupported_columns(tmp_path):
    g = nc.Graph.from_arrays(2, [0], [1], directed=True, nodes=[(1, 2), (3, 4)])
    with pytest.raises(ParameterError, match="node labels"):
        g.save(tmp_path / "t.ncg")
    h = nc.Graph.from_arrays(2, [0], [1], directed=True).with_node_attrs(x=[None, "a"])
    with pytest.raises(ParameterError, match="node_attr 'x'"):
        h.save(tmp_path / "u.ncg")


def test_labels_overflowing_64_bits(tmp_path):
    """Numbers beyond the int64 range in any input form: a clear error naming the file (or
    the parameter), never a silent wrap-around."""
    from decimal import Decimal

    csv = tmp_path / "neg.csv"
    csv.write_text("a,b\n1,2\n-99999999999999999999,3\n")
    with pytest.raises(GraphFormatError, match=r"neg\.csv"):
        nc.io.read_call_records(csv, source="a", target="b", directed=True)
    dec = tmp_path / "dec.parquet"
    pq.write_table(pa.table({"a": pa.array([Decimal(10**22), Decimal(5)], pa.decimal128(25, 0)),
                             "b": pa.array([1, 2], pa.int64())}), dec)
    with pytest.raises(GraphFormatError, match=r"dec\.parquet: column 'a' must hold integer"):
        nc.io.read_call_records(dec, source="a", target="b", directed=False)
    g = nc.Graph.from_arrays(2, [0], [1], directed=True, nodes=[2**64 + 1, 5])
    with pytest.raises(ParameterError, match="node labels"):
        g.save(tmp_path / "big.ncg")


@pytest.fixture
def saved(tmp_path):
    g = _rich_graph(False)
    d = tmp_path / "g.ncg"
    g.save(d)
    return d


def _manifest(d):
    return json.loads((d / "manifest.json").read_text())


def test_load_missing_parts(saved, tmp_path):
    with pytest.raises(ParameterError, match=r"'path' parameter of Graph.load\(\) must be a "
                       "directory written by Graph.save"):
        nc.Graph.load(tmp_path / "nothing.ncg")
    (saved / "edge_attr.0.npy").unlink()
    with pytest.raises(GraphFormatError, match=r"edge_attr\.0\.npy: missing"):
        nc.Graph.load(saved)
    (saved / "manifest.json").unlink()
    with pytest.raises(GraphFormatError, match=r"manifest\.json: missing"):
        nc.Graph.load(saved)


def test_load_incompatible_version(saved):
    man = _manifest(saved)
    man["format_version"] = 99
    (saved / "manifest.json").write_text(json.dumps(man))
    with pytest.raises(GraphFormatError, match=r"manifest\.json: format version 99"):
        nc.Graph.load(saved)
    (saved / "manifest.json").write_text("{not json")
    with pytest.raises(GraphFormatError, match="unreadable manifest"):
        nc.Graph.load(saved)
    (saved / "manifest.json").write_text(json.dumps({"format": "other"}))
    with pytest.raises(GraphFormatError, match="not a netcrime graph"):
        nc.Graph.load(saved)


def test_load_truncated_file(saved):
    f = saved / "indices.npy"
    data = f.read_bytes()
    f.write_bytes(data[: len(data) - 16])
    with pytest.raises(GraphFormatError, match=r"indices\.npy: \d+ bytes, the manifest says"):
        nc.Graph.load(saved)
    f.write_bytes(data[:50])  # also a broken .npy header
    with pytest.raises(GraphFormatError, match=r"indices\.npy"):
        nc.Graph.load(saved)


def test_load_tampered_structure(saved):
    """Same size, different content: an index out of range must never reach a kernel."""
    f = saved / "indices.npy"
    a = np.load(f)
    a[3] = 10**9
    np.save(f, a)
    with pytest.raises(GraphFormatError, match=r"indices\.npy: unsound CSR: a column index"):
        nc.Graph.load(saved)
    a[3] = -1
    np.save(f, a)
    with pytest.raises(GraphFormatError, match=r"indices\.npy: unsound CSR"):
        nc.Graph.load(saved)
    p = saved / "indptr.npy"
    b = np.load(p)
    b[5], b[6] = b[6], b[5]
    np.save(p, b)
    with pytest.raises(GraphFormatError, match="unsound CSR"):
        nc.Graph.load(saved)


def test_load_tampered_dtype_and_values(saved):
    f = saved / "indices.npy"
    a = np.load(f)
    np.save(f, a.astype(np.float64))  # same size, another dtype
    with pytest.raises(GraphFormatError, match=r"indices\.npy: holds <f8"):
        nc.Graph.load(saved)
    np.save(f, a)
    w = saved / "edge_attr.0.npy"
    x = np.load(w)
    x[0] += 1.0
    np.save(w, x)
    nc.Graph.load(saved)  # structure sound: only the checksum can tell
    with pytest.raises(GraphFormatError, match=r"edge_attr\.0\.npy: CRC-32 mismatch"):
        nc.Graph.load(saved, verify=True)


def test_load_bad_text(saved):
    f = saved / "nodes.offsets.npy"
    o = np.load(f)
    o[2] = o[-1] + 5
    np.save(f, o)
    with pytest.raises(GraphFormatError, match=r"nodes\.offsets\.npy: text offsets"):
        nc.Graph.load(saved)


# -------------------------------------------------------------------------------- k-core
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("directed", [False, True])
def test_core_number_vs_networkx_and_igraph(seed, directed):
    ig = pytest.importorskip("igraph")
    G = nx.gnm_random_graph(300, 900 + 300 * seed, seed=seed, directed=directed)
    G.add_nodes_from([1000, 1001])  # isolated nodes: core 0
    g = nc.Graph.from_networkx(G)
    got = nc.centrality.core_number(g)
    assert got.dtype == np.float64 and got.name == "core_number"
    ref = nx.core_number(G)
    assert got[list(G)].tolist() == [ref[v] for v in G]
    h = ig.Graph(n=g.n_nodes, edges=np.column_stack(g.edge_array()).tolist(),
                 directed=directed)
    assert got.to_numpy().tolist() == h.coreness(mode="all")


def test_core_number_on_a_bundled_network():
    g = nc.datasets.load("montagna_meetings")
    G = g.to_networkx()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    ref = nx.core_number(G)
    got = nc.centrality.core_number(g)
    assert got[list(G)].tolist() == [ref[v] for v in G]


def test_alias_sampler_frequencies():
    """The alias tables behind call_records draw in proportion to the weights, within each
    segment (chi-square goodness of fit, scipy)."""
    from scipy.stats import chisquare

    from netcrime._core import alias_draw, alias_tables

    rng = np.random.default_rng(11)
    w = np.array([5.0, 1.0, 0.0, 2.0, 3.0, 3.0, 0.5, 9.0])
    ptr = np.array([0, 4, 8], np.int64)
    prob, alias = alias_tables(w, ptr)
    k = 200_000
    seg = rng.integers(0, 2, k)
    x = alias_draw(prob, alias, ptr[seg], np.diff(ptr)[seg], rng.random(k), rng.random(k))
    assert ((x >= ptr[seg]) & (x < ptr[seg + 1])).all()
    for s in range(2):
        lo, hi = ptr[s], ptr[s + 1]
        obs = np.bincount(x[seg == s] - lo, minlength=hi - lo)
        exp = w[lo:hi] / w[lo:hi].sum() * (seg == s).sum()
        keep = exp > 0
        assert obs[~keep].sum() == 0
        assert chisquare(obs[keep], exp[keep]).pvalue > 1e-3


@pytest.mark.parametrize("directed", [False, True])
def test_read_only_maps_work_with_every_metric(tmp_path, directed):
    """The memory-mapped (read-only) arrays reach every node metric of the contract registry
    and give the values of the in-memory graph (same arrays, so equal bit for bit)."""
    from test_contract import NODE_METRICS

    G = nx.gnm_random_graph(60, 200, seed=2, directed=directed)
    for i, (u, v) in enumerate(G.edges):
        G.edges[u, v]["weight"] = 1.0 + (i % 3)
    g = nc.Graph.from_networkx(G)
    g.save(tmp_path / "m.ncg")
    h = nc.Graph.load(tmp_path / "m.ncg")
    kind = "directed" if directed else "undirected"
    for entry in NODE_METRICS:
        if kind not in entry.kinds:
            continue
        mod, name = entry.path.rsplit(".", 1)
        f = getattr(importlib.import_module(mod), name)
        kw = dict(entry.kwargs)
        if entry.rng:
            kw["rng"] = 1
        try:
            want = f(g, **kw)
        except nc.NetcrimeError:
            with pytest.raises(nc.NetcrimeError):
                f(h, **kw)
            continue
        pd.testing.assert_series_equal(f(h, **kw), want, check_exact=True)


def test_hash_factorisation_matches_pandas_factorize():
    """The streaming factorisation (tables grown mid-batch from a tiny start) gives the ids
    of pandas.factorize (order of first appearance), across batches."""
    from netcrime._core import capacity_limit, factorize_into, grow, new_table

    rng = np.random.default_rng(5)
    values = rng.integers(-(2**62), 2**62, 3000)[rng.integers(0, 3000, 50_000)]
    values[::7] = 447_700_900_000 + rng.integers(0, 50, len(values[::7]))
    key, val = new_table(16)
    back = np.empty(4, np.int64)
    n = 0
    got = []
    for batch in np.array_split(values, 9):
        ids = np.empty(len(batch), np.int64)
        pos = 0
        while True:
            pos, n = factorize_into(key, val, batch, ids, pos, back,
                                    n, min(capacity_limit(len(key)), len(back)))
            if pos == len(batch):
                break
            key, val = grow(key, val, n + 1)
            if n >= len(back):
                back = np.concatenate([back, np.empty(len(back), np.int64)])
        got.append(ids)
    codes, uniques = pd.factorize(values)
    assert np.array_equal(np.concatenate(got), codes)
    assert np.array_equal(back[:n], uniques)
