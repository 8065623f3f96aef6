"""Tests of the ``netcrime`` command (netcrime.cli) and the demo report (netcrime.report).

Oracles: networkx (degree, betweenness, density, components after removals) on the same
graphs, the library's generators called with the same seed, and the published CAVIAR phase
sizes (Morselli 2009, via the bundled provenance).
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netcrime as nc
from netcrime.cli import main
from netcrime.report import RAID_ROLES, organisation

REPO = Path(__file__).resolve().parents[1]


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def nx_of(g: nc.Graph) -> nx.Graph:
    G = nx.Graph()
    G.add_nodes_from(range(g.n_nodes))
    s, t = g.edge_array()
    G.add_edges_from(zip(s.tolist(), t.tolist()))
    return G


# --------------------------------------------------------------------------- usage
@pytest.mark.parametrize("cmd", [[], ["demo"], ["generate"], ["analyze"], ["disrupt"],
                                 ["datasets"]])
def test_help_everywhere(cmd, capsys):
    code, out, _ = run([*cmd, "--help"], capsys)
    assert code == 0
    assert out.startswith("usage: netcrime")


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and nc.__version__ in out


@pytest.mark.parametrize("args", [
    [],                                   # no command
    ["frobnicate"],                       # unknown command
    ["demo", "--n", "5"],                 # below the minimum
    ["demo", "--seed", "-1"],
    ["demo", "--format", "pdf"],
    ["generate", "hexagon"],
    ["generate", "wheel", "--anonymity", "1.5"],
    ["disrupt", "x.net", "--mode", "sometimes"],
])
def test_usage_errors_exit_2(args, capsys):
    code, _, err = run(args, capsys)
    assert code == 2
    assert "error" in err and "Traceback" not in err


# --------------------------------------------------------------------------- files
def test_missing_file_exit_1(tmp_path, capsys):
    code, _, err = run(["analyze", tmp_path / "nope.net"], capsys)
    assert code == 1
    assert err.strip().count("\n") == 0  # one line
    assert err.startswith("netcrime: error:") and "nope.net: no such file" in err


def test_malformed_file_exit_1_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.net"
    bad.write_text("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 7\n")
    code, _, err = run(["analyze", bad], capsys)
    assert code == 1
    assert "bad.net, line 5" in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err


def test_csv_needs_direction_exit_2(tmp_path, capsys):
    p = tmp_path / "e.csv"
    p.write_text("source,target\na,b\n")
    code, _, err = run(["analyze", p], capsys)
    assert code == 2 and "--directed or --undirected" in err


def test_unknown_strategy_and_dataset_exit_2(tmp_path, capsys):
    p = tmp_path / "g.net"
    nc.io.write(nc.Graph.from_networkx(nx.path_graph(5)), p)
    code, _, err = run(["disrupt", p, "--strategy", "bogus", "--out", tmp_path], capsys)
    assert code == 2 and "bogus" in err
    code, _, err = run(["datasets", "no_such_network"], capsys)
    assert code == 2 and "no_such_network" in err


def test_strategy_list_before_file_and_bad_name_before_reading(tmp_path, capsys):
    # "--strategy a b FILE" is how people type it: the greedy list must not swallow FILE
    p = tmp_path / "g.net"
    nc.io.write(nc.Graph.from_networkx(nx.path_graph(6)), p)
    code, _, err = run(["disrupt", "--strategy", "degree", "random", p, "--out",
                        tmp_path / "o", "-q"], capsys)
    assert code == 0, err
    curves = pd.read_csv(tmp_path / "o" / "curves.csv")
    assert set(curves["strategy"]) == {"degree", "random"}
    # an unknown strategy is a usage error (2) even when the file does not exist (not 1)
    code, _, err = run(["disrupt", "--strategy", "bogus", tmp_path / "missing.net"], capsys)
    assert code == 2 and "bogus" in err
    code, _, err = run(["disrupt", "--strategy", "degree"], capsys)
    assert code == 2 and "FILE" in err and "Traceback" not in err


def test_subprocess_exit_codes_and_clean_stderr(tmp_path):
    code = "import sys; from netcrime.cli import main; sys.exit(main())"
    bad = tmp_path / "bad.dl"
    bad.write_text("dl n=3\nformat=fullmatrix\ndata:\n0 1\n")
    r = subprocess.run([sys.executable, "-c", code, "analyze", str(bad)],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and r.stderr.startswith("netcrime: error: bad.dl")
    r = subprocess.run([sys.executable, "-m", "netcrime.cli", "demo", "--n", "x"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "netcrime.cli", "datasets"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 0 and "caviar_phase04" in r.stdout


# --------------------------------------------------------------------------- commands
def test_generate_matches_library_same_seed(tmp_path, capsys):
    code, out, _ = run(["generate", "wheel", "--seed", 7, "--cells", 4, "--cell-size", 5,
                        "--core-size", 2, "--anonymity", 0.5, "--out", tmp_path / "w"],
                       capsys)
    assert code == 0 and "w_edges.csv" in out
    got = nc.io.read_csv(tmp_path / "w_edges.csv", directed=False,
                         nodes_path=tmp_path / "w_nodes.csv")
    want = nc.generators.kenney_wheel(core_size=2, n_cells=4, cell_size=5, anonymity=0.5,
                                      rng=7)
    assert got.n_nodes == want.n_nodes and got.n_edges == want.n_edges
    assert set(map(tuple, got.to_pandas()[["source", "target"]].to_numpy().tolist())) == set(
        map(tuple, want.to_pandas()[["source", "target"]].to_numpy().tolist()))
    assert got.node_attrs["role"].astype(str).tolist() == want.node_attrs["role"].astype(
        str).tolist()
    # any netcrime.io format by extension
    code, _, _ = run(["generate", "trafficking", "--n", 40, "--seed", 3, "--out",
                      tmp_path / "t.net"], capsys)
    assert code == 0
    t = nc.io.read(tmp_path / "t.net")
    want = nc.generators.trafficking_network(n=40, rng=3)
    assert (t.n_nodes, t.n_edges) == (want.n_nodes, want.n_edges)


def test_analyze_tables_match_networkx(tmp_path, capsys):
    G = nx.karate_club_graph()
    g = nc.Graph.from_networkx(G)
    p = tmp_path / "karate.net"
    nc.io.write(g, p)
    code, out, _ = run(["analyze", p, "--out", tmp_path / "a", "--top", 3], capsys)
    assert code == 0 and "Top 3 by betweenness" in out
    cent = pd.read_csv(tmp_path / "a" / "centrality.csv", index_col="node")
    bro = pd.read_csv(tmp_path / "a" / "brokerage.csv", index_col="node")
    assert len(cent) == 34 and len(bro) == 34
    labels = [str(v) for v in G.nodes]  # Pajek labels are text; read back as ints
    deg = dict(G.degree())
    btw = nx.betweenness_centrality(G)
    con = nx.constraint(G)
    for v, lab in zip(G.nodes, labels):
        key = int(lab)
        assert cent.loc[key, "degree"] == deg[v]
        assert cent.loc[key, "betweenness"] == pytest.approx(btw[v], abs=1e-12)
        assert bro.loc[key, "constraint"] == pytest.approx(con[v], abs=1e-12)


def test_analyze_gould_fernandez_with_groups(tmp_path, capsys):
    g = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, cross_group_p=0.3, rng=4)
    nc.io.write_csv(g, tmp_path / "c_edges.csv", nodes_path=tmp_path / "c_nodes.csv")
    code, out, _ = run(["analyze", tmp_path / "c_edges.csv", "--directed", "--groups", "stage",
                        "--out", tmp_path / "a"], capsys)
    assert code == 0 and "'stage'" in out
    bro = pd.read_csv(tmp_path / "a" / "brokerage.csv", index_col="node")
    want = nc.brokerage.gould_fernandez(g, groups="stage").nodes
    np.testing.assert_array_equal(bro["gf_total"].to_numpy(), want["total"].to_numpy())
    code, _, err = run(["analyze", tmp_path / "c_edges.csv", "--directed", "--groups", "nope",
                        "--out", tmp_path / "a"], capsys)
    assert code == 2 and "nope" in err


def test_disrupt_curve_matches_networkx_removal_loop(tmp_path, capsys):
    G = nx.les_miserables_graph()
    g = nc.Graph.from_networkx(G)
    p = tmp_path / "lesmis.graphml"
    nc.io.write(g, p)
    code, out, _ = run(["disrupt", p, "--strategy", "degree", "random", "--mode", "static",
                        "--seed", 3, "--out", tmp_path / "d"], capsys)
    assert code == 0 and "R = " in out
    curves = pd.read_csv(tmp_path / "d" / "curves.csv")
    assert (tmp_path / "d" / "curves.png").stat().st_size > 5000
    deg = curves[curves["strategy"] == "degree"]
    # oracle: static degree order (ties: lower position first), networkx components
    h = nc.io.read(p)
    H = nx_of(h)
    order = sorted(H.nodes, key=lambda v: (-H.degree(v), v))
    lcc = [max(len(c) for c in nx.connected_components(H))]
    for v in order[:-1]:
        H.remove_node(v)
        lcc.append(max(len(c) for c in nx.connected_components(H)))
    lcc.append(0)
    np.testing.assert_array_equal(deg["lcc"].to_numpy(), lcc)
    np.testing.assert_allclose(deg["fraction_removed"].to_numpy(),
                               np.arange(len(lcc)) / h.n_nodes)


def test_datasets_list_and_export(tmp_path, capsys):
    code, out, _ = run(["datasets"], capsys)
    assert code == 0
    for name in nc.datasets.list_datasets()["name"]:
        assert name in out
    code, out, _ = run(["datasets", "caviar_phase04_undirected"], capsys)
    assert code == 0 and "33 nodes, 48 ties" in out and "Morselli" in out
    code, _, _ = run(["datasets", "caviar_phase04_undirected", "--out", tmp_path / "p4.net"],
                     capsys)
    assert code == 0
    g = nc.io.read(tmp_path / "p4.net")
    assert (g.n_nodes, g.n_edges) == (33, 48)  # Morselli's phase 4: 33 actors
    code, _, _ = run(["datasets", "montagna_meetings", "--out", tmp_path / "m"], capsys)
    assert code == 0
    m = nc.io.read_csv(tmp_path / "m_edges.csv", directed=False,
                       nodes_path=tmp_path / "m_nodes.csv")
    assert (m.n_nodes, m.n_edges) == (101, 256)  # Cavallaro et al. 2020
    code, _, err = run(["datasets", "--out", tmp_path / "x"], capsys)
    assert code == 2 and "NAME" in err


# --------------------------------------------------------------------------- demo
@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["demo", "--out", str(out), "--seed", "1", "--n", "60"])
    return code, out, buf.getvalue()


def test_demo_writes_report_figures_tables(demo_run):
    code, out, printed = demo_run
    assert code == 0
    report = (out / "report.md").read_text()
    figs = sorted(p.name for p in (out / "figures").glob("*.png"))
    assert figs == sorted(["network_traditional.png", "network_online.png", "profiles.png",
                           "removal_traditional.png", "removal_online.png",
                           "brokers_traditional.png", "brokers_online.png"])
    for f in figs:
        assert f"figures/{f}" in report
        assert (out / "figures" / f).stat().st_size > 10_000
    tables = {p.name for p in (out / "tables").glob("*.csv")}
    assert {"profiles.csv", "brokers.csv", "key_players.csv", "robustness.csv",
            "curves.csv", "traditional_edges.csv", "online_nodes.csv", "observation.csv",
            "online_objects.csv", "brokers_by_stage.csv"} <= tables
    assert "(a) A raid on the command structure" in printed
    assert "report.md" in printed


def test_demo_numbers_match_library(demo_run):
    _, out, _ = demo_run
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = {m: nc.generators.trafficking_network(n=60, kind=m, rng=1)
                for m in ("traditional", "online")}
    persons = {m: nc.generators.members(organisation(g)) for m, g in full.items()}
    prof = pd.read_csv(out / "tables" / "profiles.csv", index_col=0)
    rob = pd.read_csv(out / "tables" / "robustness.csv")
    curves = pd.read_csv(out / "tables" / "curves.csv")
    report = (out / "report.md").read_text()
    for m, g in persons.items():
        G = nx_of(g)
        # sizes and density: networkx on the persons the library builds with the seed
        assert prof.loc[m, "n_nodes"] == G.number_of_nodes()
        assert prof.loc[m, "n_edges"] == G.number_of_edges()
        assert prof.loc[m, "density"] == pytest.approx(nx.density(G), rel=1e-12)
        assert "| density | " in report
        # the raid: the command structure goes first, then networkx components after the
        # budget k = round(share * persons) of removals
        roles = g.node_attrs["role"].astype(str).to_numpy()
        command = {g.nodes[i] for i in range(g.n_nodes) if roles[i] in RAID_ROLES}
        row = rob[(rob["network"] == m) & (rob["strategy"] == "command first")
                  & (~rob["recovery"])].iloc[0]
        k = int(row["budget_removals"])
        assert k == max(1, round(0.25 * g.n_nodes)) and row["persons"] == g.n_nodes
        c = curves[(curves["network"] == m) & (curves["strategy"] == "command first")
                   & (~curves["recovery"])]
        first = [int(v) for v in c["node"].iloc[1:len(command) + 1]]
        assert set(first[:k]) <= command or command <= set(first[:k])
        lcc0 = max(len(x) for x in nx.connected_components(G))
        H = G.copy()
        H.remove_nodes_from(int(g.node_index([v])[0]) for v in c["node"].iloc[1:k + 1])
        after = max(len(x) for x in nx.connected_components(H))
        assert row["lcc_frac_after_budget"] == pytest.approx(after / lcc0, rel=1e-12)
        assert row["lcc_share_after_budget"] == pytest.approx(after / G.number_of_nodes())
        assert row["lcc0_share"] == pytest.approx(lcc0 / G.number_of_nodes())
    # the report's robustness table shows the same numbers as the CSV (3 decimals)
    for r in rob.itertuples():
        assert f"| {r.network} | {r.strategy} |" in report
        assert f"{r.robustness:.3f}" in report


def test_demo_html_and_determinism(tmp_path, capsys):
    code, _, _ = run(["demo", "--out", tmp_path / "h", "--seed", "2", "--n", "30",
                      "--format", "html", "-q"], capsys)
    assert code == 0
    html = (tmp_path / "h" / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and html.count("<table>") >= 5
    imgs = re.findall(r"<img src='([^']+)'", html)
    assert len(imgs) == 7 and all((tmp_path / "h" / i).exists() for i in imgs)
    code, _, _ = run(["demo", "--out", tmp_path / "h2", "--seed", "2", "--n", "30",
                      "--format", "html", "-q"], capsys)
    a = pd.read_csv(tmp_path / "h" / "tables" / "curves.csv")
    b = pd.read_csv(tmp_path / "h2" / "tables" / "curves.csv")
    pd.testing.assert_frame_equal(a, b)  # same seed, same numbers


def test_demo_refuses_a_file_as_output_dir(tmp_path, capsys):
    f = tmp_path / "file.txt"
    f.write_text("x")
    code, _, err = run(["demo", "--out", f, "--n", "30", "-q"], capsys)
    assert code == 2 and "directory" in err


def test_demo_brokers_and_key_players_match_library(demo_run):
    _, out, _ = demo_run
    from netcrime.report import members

    brokers = pd.read_csv(out / "tables" / "brokers.csv")
    kps = pd.read_csv(out / "tables" / "key_players.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for m in ("traditional", "online"):
            org = organisation(nc.generators.trafficking_network(n=60, kind=m, rng=1))
            mem = members(org)
            st = mem.node_attrs["stage"].astype(object)
            gf = nc.brokerage.gould_fernandez(mem, groups=st.where(st.notna(), "none")).nodes
            sub = brokers[brokers["network"] == m]
            for r in sub.itertuples():
                assert r.total == gf.loc[r.node, "total"]
                assert r.liaison == gf.loc[r.node, "liaison"]
            assert sub["total"].iloc[0] == gf["total"].max()
            kp = nc.keyplayer.key_players(mem, k=5, objective="fragmentation", rng=1)
            got = kps[kps["network"] == m]
            assert got["node"].tolist() == list(kp.players)
            # oracle for the value: networkx components of the residual person network
            G = nx_of(mem)
            G.remove_nodes_from(int(mem.node_index([v])[0]) for v in kp.players)
            n = G.number_of_nodes()
            pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(G))
            assert got["set_fragmentation"].iloc[0] == pytest.approx(1 - pairs / (n * (n - 1)))


def test_demo_reproduce_snippet_gives_the_reported_robustness(demo_run):
    # The report's "Reproduce" block is code a reader will paste: run it as printed and
    # check it gives the leaders-first robustness of the report's own table.
    _, out, _ = demo_run
    report = (out / "report.md").read_text()
    code = report.split("## Reproduce", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    ns: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(code, "report.md", "exec"), ns)
    rob = pd.read_csv(out / "tables" / "robustness.csv")
    row = rob[(rob["network"] == "traditional") & (rob["strategy"] == "command first")]
    assert ns["res"].robustness == pytest.approx(
        float(row.loc[~row["recovery"], "robustness"].iloc[0]), rel=1e-12)
    assert ns["healed"].robustness == pytest.approx(
        float(row.loc[row["recovery"], "robustness"].iloc[0]), rel=1e-12)


# --------------------------------------------------------------------------- snapshots
def _calls(path: Path) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 600
    people = [f"+39{i:04d}" for i in range(25)]
    df = pd.DataFrame({
        "a": rng.choice(people, n), "b": rng.choice(people, n),
        "t": (pd.Timestamp("2024-01-01 08:00")
              + pd.to_timedelta(rng.integers(0, 90 * 86400, n), unit="s")),
        "sec": rng.integers(1, 300, n)})
    df.to_csv(path, index=False)
    return df


def test_snapshots_command_writes_windows_turnover_and_figure(tmp_path, capsys):
    df = _calls(tmp_path / "calls.csv")
    code, out, _ = run(["snapshots", tmp_path / "calls.csv", "--source", "a", "--target", "b",
                        "--time", "t", "--freq", "30D", "--out", tmp_path / "o"], capsys)
    assert code == 0 and "600 records, 25 actors, 4 windows" in out
    o = tmp_path / "o"
    win = pd.read_csv(o / "windows.csv")
    # window edges by pandas: resample bins (origin: midnight of the first day)
    counts = df.resample("30D", on="t").size()
    assert win["records"].tolist() == counts.tolist()
    assert pd.to_datetime(win["window"]).tolist() == list(counts.index)
    # one graph per window, read back; ties = pandas groupby on the window's records
    for r, start in zip(win.itertuples(index=False), counts.index):
        g = nc.io.read_csv(o / r.file, directed=True, label_dtype=str,
                           nodes_path=o / r.file.replace("_edges", "_nodes"))
        sub = df[(df["t"] >= start) & (df["t"] < start + pd.Timedelta("30D"))]
        exp = sub.groupby(["a", "b"]).size()
        got = g.to_pandas().set_index(["source", "target"])["count"]
        assert got.sort_index().to_dict() == exp.sort_index().to_dict()
        assert all(str(x).startswith("+39") for x in g.nodes)  # labels stay text
    turn = pd.read_csv(o / "turnover.csv")
    assert len(turn) == len(counts) - 1
    traj = pd.read_csv(o / "trajectory.csv")
    assert list(traj.columns) == ["window", "node", "value"]
    assert (o / "trajectory.png").stat().st_size > 1000


def test_snapshots_command_graphml_phase_and_errors(tmp_path, capsys):
    df = _calls(tmp_path / "calls.csv")
    df["phase"] = np.where(df["t"] < pd.Timestamp("2024-02-01"), "p1", "p2")
    df.to_csv(tmp_path / "calls.csv", index=False)
    code, _, _ = run(["snapshots", tmp_path / "calls.csv", "--source", "a", "--target", "b",
                      "--phase", "phase", "--undirected", "--format", "graphml", "--out",
                      tmp_path / "g", "-q"], capsys)
    assert code == 0
    g = nc.io.read(tmp_path / "g" / "windows" / "001_p1.graphml")
    sub = df[df["phase"] == "p1"]
    pairs = {frozenset((a, b)) for a, b in zip(sub["a"], sub["b"])}
    assert not g.directed and g.n_edges == len(pairs)
    calls = tmp_path / "calls.csv"
    code, _, err = run(["snapshots", calls, "--source", "a", "--target", "nope", "--time",
                        "t", "--freq", "7D"], capsys)
    assert code == 2 and "'target'" in err
    code, _, err = run(["snapshots", calls, "--source", "a", "--target", "b", "--time", "t"],
                       capsys)
    assert code == 2 and "exactly one of --freq" in err
    code, _, err = run(["snapshots", tmp_path / "none.csv", "--source", "a", "--target", "b",
                        "--phase", "phase"], capsys)
    assert code == 1 and "no such file" in err
    df["t"] = df["t"].astype(str)
    df.loc[5, "t"] = "soon"
    df.to_csv(calls, index=False)
    code, _, err = run(["snapshots", calls, "--source", "a", "--target", "b", "--time", "t",
                        "--freq", "7D", "--out", tmp_path / "x"], capsys)
    assert code == 1 and "row 5" in err and "'soon'" in err
    code, out, _ = run(["snapshots", calls, "--source", "a", "--target", "b", "--time", "t",
                        "--freq", "7D", "--drop-bad", "--out", tmp_path / "x"], capsys)
    assert code == 0 and "1 bad rows dropped" in out


# --------------------------------------------------------------------------- real data (issue 13)
def _call_list(tmp_path, text="source,target,weight\na,b,2\nb,a,4\na,c,1\na,b,3\nc,c,5\n"):
    p = tmp_path / "calls.csv"
    p.write_text(text)
    return p


def test_repeated_pairs_hint_names_an_existing_option(tmp_path, capsys):
    p = _call_list(tmp_path)
    code, _, err = run(["analyze", p, "--undirected", "--out", tmp_path / "o"], capsys)
    assert code == 1 and "calls.csv, line 3" in err
    assert "--multiedges" in err and "multiedges='" not in err
    _, helptext, _ = run(["analyze", "--help"], capsys)
    assert "--multiedges" in helptext and "--self-loops" in helptext
    for cmd in ("disrupt", "sensitivity"):
        _, helptext, _ = run([cmd, "--help"], capsys)
        assert "--multiedges" in helptext and "--self-loops" in helptext


@pytest.mark.parametrize("rule", ["count", "sum", "mean", "max", "min", "first", "last"])
@pytest.mark.parametrize("directed", [False, True])
def test_multiedges_rules_on_a_call_list(tmp_path, rule, directed):
    from netcrime.cli import _read_graph, build_parser

    p = _call_list(tmp_path)
    flag = "--directed" if directed else "--undirected"
    args = build_parser().parse_args(["analyze", str(p), flag, "--multiedges", rule,
                                      "--self-loops", "drop"])
    g = _read_graph(str(p), args)
    # oracle: pandas groupby over the rows (loops dropped; undirected: unordered pairs)
    df = pd.read_csv(p)
    df = df[df.source != df.target]
    if not directed:
        df[["source", "target"]] = np.sort(df[["source", "target"]].to_numpy(), axis=1)
    agg = {"count": "size", "sum": "sum", "mean": "mean", "max": "max", "min": "min",
           "first": "first", "last": "last"}[rule]
    want = df.groupby(["source", "target"], sort=True)["weight"].agg(agg).astype(float)
    got = g.to_pandas()
    if not directed:
        got[["source", "target"]] = np.sort(got[["source", "target"]].to_numpy(), axis=1)
    got = got.set_index(["source", "target"])["weight"].sort_index().astype(float)
    assert g.directed is directed
    pd.testing.assert_series_equal(got, want, check_names=False, check_index_type=False)


def test_multiedges_count_analyze_and_self_loop_policies(tmp_path, capsys):
    p = _call_list(tmp_path, "source,target\na,b\nb,a\na,c\nc,c\n")
    code, out, err = run(["analyze", p, "--undirected", "--multiedges", "count",
                          "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    cent = pd.read_csv(tmp_path / "o" / "centrality.csv", index_col="node")
    G = nx.Graph([("a", "b"), ("a", "c"), ("c", "c")])  # networkx: a self-loop counts 2
    assert cent["degree"].to_dict() == {k: float(v) for k, v in dict(G.degree()).items()}
    assert "'weight'" in out and "ignored" in out
    code, _, err = run(["analyze", p, "--undirected", "--multiedges", "count",
                        "--self-loops", "error", "--out", tmp_path / "o"], capsys)
    assert code == 1 and "self-loop" in err.lower()
    code, _, err = run(["analyze", p, "--undirected", "--multiedges", "mean",
                        "--out", tmp_path / "o"], capsys)
    assert code == 2 and "weight" in err  # mean needs a weight column


def test_dl_direction_is_decided_and_said(tmp_path, capsys):
    code, _, err = run(["datasets", "montagna_meetings", "--out", tmp_path / "m.dl"], capsys)
    assert code == 0, err
    ref = nc.datasets.load("montagna_meetings")
    code, out, err = run(["analyze", tmp_path / "m.dl", "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    assert "symmetric" in err and "undirected" in err
    assert f"{ref.n_nodes} nodes, {ref.n_edges} ties (undirected)" in out
    cent = pd.read_csv(tmp_path / "o" / "centrality.csv", index_col="node")
    G = nx.Graph()
    G.add_nodes_from(ref.nodes)
    s, t = ref.edge_array()
    G.add_edges_from(zip(ref.nodes[s], ref.nodes[t]))
    assert cent["degree"].to_dict() == {int(k): float(v) for k, v in dict(G.degree()).items()}
    code, out, err = run(["analyze", tmp_path / "m.dl", "--directed",
                          "--out", tmp_path / "o"], capsys)
    assert code == 0 and f"{2 * ref.n_edges} ties (directed)" in out
    # an asymmetric matrix is read as directed, and said so
    (tmp_path / "a.dl").write_text("dl n=3\nformat=edgelist1\ndata:\n1 2\n2 3\n")
    code, out, err = run(["analyze", tmp_path / "a.dl", "--out", tmp_path / "o"], capsys)
    assert code == 0 and "not symmetric" in err and "2 ties (directed)" in out


def test_generate_dl_prints_how_to_read_it_back(tmp_path, capsys):
    code, out, _ = run(["generate", "chain", "--out", tmp_path / "c.dl", "--seed", 1], capsys)
    assert code == 0
    assert f"netcrime analyze {tmp_path / 'c.dl'} --directed" in out
    code, out, _ = run(["generate", "chain", "--out", tmp_path / "c.dl", "--seed", 1], capsys)
    assert "Replaced the existing file" in out  # --out naming an existing file says so


def test_missing_group_refused_with_count_unless_labelled(tmp_path, capsys):
    g = nc.generators.trafficking_network(n=60, kind="online", rng=3)
    nc.io.write_csv(g, tmp_path / "t_edges.csv", nodes_path=tmp_path / "t_nodes.csv")
    n_missing = int(g.node_attrs["stage"].isna().sum())
    assert n_missing > 0
    code, _, err = run(["analyze", tmp_path / "t_edges.csv", "--undirected",
                        "--out", tmp_path / "o"], capsys)
    assert code == 1 and f"{n_missing} of {g.n_nodes} nodes" in err
    assert "--missing-group" in err
    code, out, err = run(["analyze", tmp_path / "t_edges.csv", "--undirected",
                          "--missing-group", "online object", "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    assert "'online object'" in out
    bro = pd.read_csv(tmp_path / "o" / "brokerage.csv", index_col="node")
    grp = g.node_attrs["stage"].astype(object).where(g.node_attrs["stage"].notna(),
                                                     "online object").astype(str)
    grp.index = g.nodes
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = nc.brokerage.gould_fernandez(g, groups=grp).nodes
    np.testing.assert_array_equal(bro["gf_total"].to_numpy(), want["total"].to_numpy())


def test_disrupt_brokerage_takes_groups(tmp_path, capsys):
    g = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, cross_group_p=0.3, rng=4)
    nc.io.write_csv(g, tmp_path / "c_edges.csv", nodes_path=tmp_path / "c_nodes.csv")
    base = ["disrupt", tmp_path / "c_edges.csv", "--directed", "--strategy", "brokerage",
            "--out", tmp_path / "o", "--mode", "static"]
    code, _, err = run(base, capsys)
    assert code == 2 and "--groups" in err
    code, _, err = run([*base, "--groups", "stage", "-q"], capsys)
    assert code == 0, err
    curves = pd.read_csv(tmp_path / "o" / "curves.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        total = nc.brokerage.gould_fernandez(g, groups="stage").nodes["total"]
    # static order: the first node removed has the highest total brokerage
    first = curves.loc[curves["step"] == 1, "node"].iloc[0]
    assert total[first] == total.max()


def test_generate_refuses_beyond_max_nodes_before_allocating(tmp_path, capsys):
    code, _, err = run(["generate", "wheel", "--cells", 1_000_000_000], capsys)
    assert code == 2 and "5,000,000,001 nodes" in err and "--max-nodes" in err
    # the wheel estimate is exact: core + cells x cell size
    code, _, err = run(["generate", "wheel", "--out", tmp_path / "w", "--max-nodes", 30],
                       capsys)
    assert code == 2 and "31 nodes" in err
    code, out, err = run(["generate", "wheel", "--out", tmp_path / "w", "--max-nodes", 31],
                         capsys)
    assert code == 0 and "31 nodes" in out
    _, helptext, _ = run(["generate", "--help"], capsys)
    assert "--max-nodes" in helptext


def test_generate_help_n_says_persons(capsys):
    _, helptext, _ = run(["generate", "--help"], capsys)
    text = " ".join(helptext.split())
    assert "number of persons" in text and "online objects" in text


def test_compile_notice_fires_only_when_numba_compiles(capsys):
    import numba

    from netcrime.cli import _CompileNotice

    notice = _CompileNotice()
    notice.install()
    try:
        @numba.njit(cache=False)
        def f(x):
            return x + 1

        f(1)
        f(2)  # already compiled: no second notice
    finally:
        notice.remove()
    err = capsys.readouterr().err
    assert err.count("compiling kernels (first run only") == 1


def test_warmup_command(capsys):
    code, out, err = run(["warmup"], capsys)
    assert code == 0, err
    assert "Kernels ready" in out


def test_key_player_static_refused_and_truncated_r_labelled(tmp_path, capsys):
    p = tmp_path / "g.net"
    G = nx.les_miserables_graph()
    nc.io.write(nc.Graph.from_networkx(G), p)
    code, _, err = run(["disrupt", p, "--strategy", "key_player", "--mode", "static",
                        "--out", tmp_path / "o"], capsys)
    assert code == 2 and "key_player" in err and "adaptive" in err
    code, out, err = run(["disrupt", p, "--strategy", "degree", "--max-removals", 5,
                          "--out", tmp_path / "o"], capsys)
    assert code == 0, err
    assert "R over the first 5 removals only" in out and "not Schneider's R" in out
    # oracle: networkx removal loop, highest degree first (adaptive), 5 removals
    H, s = G.copy(), 0.0
    for _ in range(5):
        deg = dict(H.degree())
        H.remove_node(max(deg, key=lambda v: (deg[v], -list(G.nodes).index(v))))
        s += max(len(c) for c in nx.connected_components(H)) / G.number_of_nodes()
    r = float(re.search(r"removals only = ([0-9.]+)", out).group(1))
    assert r == pytest.approx(s / G.number_of_nodes(), abs=5e-4)
    # more removals than nodes: the whole curve, plain R
    code, out, _ = run(["disrupt", p, "--strategy", "degree", "--max-removals", 1000,
                        "--out", tmp_path / "o"], capsys)
    assert code == 0 and " R = " in out and "only" not in out


def test_out_naming_an_existing_file(tmp_path, capsys):
    p = tmp_path / "g.net"
    nc.io.write(nc.Graph.from_networkx(nx.path_graph(5)), p)
    f = tmp_path / "taken.txt"
    f.write_text("x")
    calls = tmp_path / "calls.csv"
    calls.write_text("a,b,t\n1,2,2020-01-01\n")
    for cmd in (["analyze", p], ["disrupt", p],
                ["sensitivity", p, "--missing-ties", "0.1", "--reps", "2"],
                ["snapshots", calls, "--source", "a", "--target", "b", "--time", "t",
                 "--freq", "7D"]):
        code, _, err = run([*cmd, "--out", f], capsys)
        assert code == 2 and "existing file" in err and "taken.txt" in err


def test_messages_plain_and_warnings_held_back(capsys):
    import argparse

    from netcrime.cli import DataError, _plain, _run

    assert _plain("node np.int64(0) and np.str_('a') and np.float64(1.5)") == \
        "node 0 and 'a' and 1.5"

    def failing(args):
        np.array([1.0]) / np.array([0.0])  # a numpy RuntimeWarning
        raise DataError("clean")

    with pytest.raises(DataError):
        _run(argparse.Namespace(func=failing))
    assert "RuntimeWarning" not in capsys.readouterr().err

    def ok(args):
        warnings.warn("something to know", nc.NetcrimeWarning, stacklevel=2)
        return 0

    assert _run(argparse.Namespace(func=ok)) == 0
    assert "warning: NetcrimeWarning: something to know" in capsys.readouterr().err


def test_empty_network_clean_error_without_runtime_warning(tmp_path, capsys):
    p = tmp_path / "empty.csv"
    p.write_text("source,target\n")
    code, _, err = run(["disrupt", p, "--undirected", "--out", tmp_path / "o"], capsys)
    assert code == 1 and "no nodes" in err
    assert "RuntimeWarning" not in err and err.count("\n") == 1


def test_snapshots_self_loops_and_drop_bad_hint(tmp_path, capsys):
    p = tmp_path / "c.csv"
    p.write_text("a,b,t\n1,2,2020-01-01\n3,3,2020-01-02\n2,1,2020-01-09\n1,2,x\n")
    base = ["snapshots", p, "--source", "a", "--target", "b", "--time", "t", "--freq", "7D",
            "--out", tmp_path / "s", "-q"]
    code, _, err = run(base, capsys)
    assert code == 1 and "--drop-bad" in err and "missing='drop'" not in err
    code, _, err = run([*base, "--drop-bad", "--self-loops", "error"], capsys)
    assert code == 1 and "1 records of a node with itself" in err
    code, _, err = run([*base, "--drop-bad", "--self-loops", "drop"], capsys)
    assert code == 0, err
    win = pd.read_csv(tmp_path / "s" / "windows.csv")
    assert win["records"].sum() == 2  # the loop and the bad time are not counted


@pytest.mark.slow
def test_compile_notice_on_a_cold_cache_only(tmp_path):
    # a fresh numba cache (NUMBA_CACHE_DIR): the first run compiles and says so, the second
    # loads the cache and says nothing
    import os

    p = tmp_path / "g.net"
    nc.io.write(nc.Graph.from_networkx(nx.path_graph(6)), p)
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "netcrime", "analyze", str(p), "--out", str(tmp_path / "o")]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "compiling kernels (first run only" in first.stderr
    assert "compiling" not in second.stderr


@pytest.mark.parametrize("mode", ["traditional", "online", "hybrid"])
def test_generate_size_estimate_bounds_the_generator(mode):
    # oracle: the generator itself, on several sizes and seeds: the estimate never falls short
    import argparse

    from netcrime.cli import _estimate_size

    for n, seed in ((50, 1), (300, 2), (1500, 3)):
        nodes, ties = _estimate_size(argparse.Namespace(form="trafficking", n=n, mode=mode))
        g = nc.generators.trafficking_network(n=n, kind=mode, rng=seed)
        assert g.n_nodes <= nodes and g.n_edges <= ties
    args = argparse.Namespace(form="chain", groups=3, stage_size=4)
    g = nc.generators.kenney_chain(n_groups=3, stage_sizes=4, rng=0)
    nodes, ties = _estimate_size(args)
    assert nodes == g.n_nodes and g.n_edges <= ties
