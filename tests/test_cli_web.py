"""`netcrime link` and `netcrime groups` (issue 12): outputs checked against networkx."""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.cli import main


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("cmd", [["link"], ["groups"]])
def test_help(cmd, capsys):
    code, out, _ = run([*cmd, "--help"], capsys)
    assert code == 0 and out.startswith("usage: netcrime")


def test_link_matches_networkx_components(tmp_path, capsys):
    rng = np.random.default_rng(3)
    n = 120
    df = pd.DataFrame({"ad": [f"ad{i}" for i in range(n)],
                       "phone": [f"+62{v}" for v in rng.integers(0, 60, n)],
                       "account": [f"acc{v}" if rng.random() > 0.3 else "" for v in
                                   rng.integers(0, 80, n)]})
    df.loc[:9, "phone"] = "+620000"  # a hub on 10 + ads
    path = tmp_path / "ads.csv"
    df.to_csv(path, index=False)
    code, out, err = run(["link", path, "--id", "phone", "account", "--object", "ad",
                          "--max-share", "0.05", "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    ops = pd.read_csv(tmp_path / "o" / "operations.csv", dtype={"object": str})
    cut = pd.read_csv(tmp_path / "o" / "cut.csv", dtype={"value": str})
    # oracle: bipartite networkx graph without the hub identifiers and without empty values
    G = nx.Graph()
    G.add_nodes_from(df["ad"])
    for c in ("phone", "account"):
        counts = df[df[c].fillna("") != ""].groupby(c)["ad"].nunique()
        hubs = set(counts.index[counts > 0.05 * n])
        assert set(cut.loc[cut["type"] == c, "value"]) == hubs
        for ad, v in zip(df["ad"], df[c]):
            if isinstance(v, str) and v and v not in hubs:
                G.add_edge(ad, (c, v))
    comp = {v: i for i, cc in enumerate(nx.connected_components(G)) for v in cc}
    ads = ops[ops["type"] == "ad"].set_index("object")["operation"]
    truth = pd.Series({a: comp[a] for a in df["ad"]})
    assert nc.groups.compare(ads, truth)["ari"] == 1.0
    assert f"{n} ads linked into {truth.nunique()} operations" in out


def test_link_bad_column_exit_2(tmp_path, capsys):
    path = tmp_path / "ads.csv"
    pd.DataFrame({"phone": ["1", "2"]}).to_csv(path, index=False)
    code, _, err = run(["link", path, "--id", "phone", "email"], capsys)
    assert code == 2
    assert "'id_cols'" in err and "['phone']" in err
    code, _, err = run(["link", tmp_path / "none.csv", "--id", "phone"], capsys)
    assert code == 1


def test_groups_writes_table_and_figure(tmp_path, capsys):
    G = nx.random_partition_graph([15, 15, 15], 0.6, 0.02, seed=2)
    g = nc.Graph.from_networkx(G)
    nc.io.write_csv(g, tmp_path / "net_edges.csv", nodes_path=tmp_path / "net_nodes.csv")
    code, out, err = run(["groups", tmp_path / "net_edges.csv", "--undirected", "--method",
                          "louvain", "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    tab = pd.read_csv(tmp_path / "o" / "groups.csv")
    assert (tmp_path / "o" / "groups.png").stat().st_size > 5000
    comms = [set(part["node"]) for _, part in tab.groupby("group")]
    q = nx.community.modularity(G, comms)
    assert float(re.search(r"modularity ([\d.]+)", out).group(1)) == pytest.approx(q, abs=6e-4)
