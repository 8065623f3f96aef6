"""Tests of netcrime.plot: return types, legends, layouts, fixed colours, headless safety."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex

import netcrime as nc
from netcrime.exceptions import GraphFormatError, ParameterError


@pytest.fixture(autouse=True)
def _no_show_and_close(monkeypatch):
    def boom(*a, **k):  # pragma: no cover - only runs if a plot function calls show()
        raise AssertionError("netcrime.plot must never call plt.show()")

    monkeypatch.setattr(plt, "show", boom)
    yield
    plt.close("all")


def hand_wheel() -> nc.Graph:
    """Two core members, three cells (handler + 3 workers), built by hand."""
    labels = ["boss", "deputy"]
    role, tier, cell = ["leader", "coordinator"], ["core", "core"], [None, None]
    src, dst = [0], [1]
    roles = ["recruiter", "transporter", "exploiter"]
    for c in range(3):
        h = len(labels)
        labels.append(f"h{c}")
        role.append("handler")
        tier.append("cell_leader")
        cell.append(c)
        src.append(c % 2)
        dst.append(h)
        for w in range(3):
            labels.append(f"w{c}{w}")
            role.append(roles[c] if w else "victim")
            tier.append("worker")
            cell.append(c)
            src.append(h)
            dst.append(len(labels) - 1)
    return nc.Graph.from_arrays(
        len(labels), np.array(src), np.array(dst), directed=False, nodes=labels,
        node_attrs={"role": role, "tier": tier, "cell": cell},
    )


def legend_texts(ax: Axes) -> list[str]:
    leg = ax.get_legend()
    assert leg is not None
    return [t.get_text() for t in leg.get_texts()]


def role_facecolors(ax: Axes) -> dict[str, str]:
    """Label of each node scatter -> its face colour (hex)."""
    out = {}
    for coll in ax.collections:
        lab = coll.get_label()
        if lab and not lab.startswith("_") and len(coll.get_facecolors()):
            out[lab] = to_hex(coll.get_facecolors()[0])
    return out


# --------------------------------------------------------------------------- draw_network
def test_draw_network_returns_axes_and_reuses_given_axes():
    g = hand_wheel()
    ax = nc.plot.draw_network(g)
    assert isinstance(ax, Axes)
    _fig, ax2 = plt.subplots()
    assert nc.plot.draw_network(g, ax=ax2, layout="spring") is ax2


def test_legend_entries_equal_roles_present_hand_built():
    g = hand_wheel()
    ax = nc.plot.draw_network(g, color_by="role")
    present = set(g.node_attrs["role"])
    texts = legend_texts(ax)
    assert set(texts) == present
    assert len(texts) == len(present)  # each role once
    assert texts[0] == "leader"  # fixed role order: leaders first


def test_legend_entries_equal_roles_present_generator():
    g = nc.generators.kenney_wheel(core_size=2, n_cells=4, cell_size=4, rng=3)
    ax = nc.plot.draw_network(g)
    present = set(g.node_attrs["role"].astype(str))
    assert set(legend_texts(ax)) == present == {"leader", "handler", "worker"}


def test_legend_has_missing_entry_and_stage_order():
    g = nc.generators.kenney_wheel(core_size=1, n_cells=6, cell_size=3, rng=0)
    ax = nc.plot.draw_network(g, color_by="stage")
    texts = legend_texts(ax)
    # the leader spans every stage: its stage is missing -> one "(no stage)" entry
    assert texts == [*nc.generators.STAGES, "(no stage)"]


def test_edge_channel_styles_in_legend():
    g = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, online_share=0.5, rng=1)
    ax = nc.plot.draw_network(g)
    texts = legend_texts(ax)
    assert "offline tie" in texts and "online tie" in texts
    roles = set(g.node_attrs["role"].astype(str))
    assert set(texts) - {"offline tie", "online tie"} == roles


def test_colors_stable_per_role_across_figures():
    g1 = hand_wheel()
    g2 = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, rng=2)
    c1 = role_facecolors(nc.plot.draw_network(g1))
    c2 = role_facecolors(nc.plot.draw_network(g2))
    for role in ("leader", "recruiter", "transporter", "exploiter"):
        assert c1[role] == c2[role] == nc.plot.ROLE_COLORS[role]
    # categories without a fixed colour get a checksum colour: same text, same colour
    assert nc.plot.category_color("cell-7") == nc.plot.category_color("cell-7")
    assert nc.plot.category_color("Recruiter", palette="role") == nc.plot.ROLE_COLORS[
        "recruiter"]


def test_every_generator_role_and_stage_has_a_fixed_colour():
    for r in nc.generators.ROLES:
        assert r in nc.plot.ROLE_COLORS
    for s in nc.generators.ONLINE_STAGES:
        assert s in nc.plot.STAGE_COLORS
        # a stage and the role working in it share a colour
        assert nc.plot.STAGE_COLORS[s] == nc.plot.ROLE_COLORS[nc.generators.STAGE_ROLES[s]]
    # distinct roles of the generators are distinguishable
    cols = [nc.plot.ROLE_COLORS[r] for r in nc.generators.ROLES if r not in ("member",)]
    assert len(set(cols)) == len(cols)


def test_member_role_colours_are_far_apart():
    # Distinct hex codes are not enough for a slide: the roles drawn together in the member
    # figures of the demo must be visibly different (Euclidean RGB distance >= 0.2; the
    # exploiter/bottom pinks were 0.09 apart before).
    from matplotlib.colors import to_rgb

    roles = set()
    for mode in ("traditional", "online"):
        g = nc.generators.members(nc.generators.trafficking_network(n=150, kind=mode, rng=1))
        roles |= set(g.node_attrs["role"].dropna())
    assert {"exploiter", "bottom", "handler", "leader"} <= roles
    rgb = {r: np.array(to_rgb(nc.plot.ROLE_COLORS[r])) for r in roles}
    worst = min((float(np.linalg.norm(rgb[a] - rgb[b])), a, b)
                for a in roles for b in roles if a < b)
    assert worst[0] >= 0.2, worst


def test_numeric_color_by_series_gets_colorbar():
    g = nc.generators.kenney_wheel(n_cells=3, cell_size=4, rng=0)
    deg = pd.Series(g.degree().astype(float), index=g.nodes, name="degree")
    ax = nc.plot.draw_network(g, color_by=deg)
    assert isinstance(ax, Axes)
    assert len(ax.figure.axes) == 2  # the colour bar


def test_labels_never_overlap():
    g = nc.generators.kenney_wheel(core_size=3, n_cells=8, cell_size=6, rng=0)
    ax = nc.plot.draw_network(g, labels=True)
    fig = ax.figure
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in ax.texts if t.get_visible()]
    assert boxes
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].overlaps(boxes[j])


def test_draw_network_bad_arguments():
    g = hand_wheel()
    with pytest.raises(ParameterError, match="color_by"):
        nc.plot.draw_network(g, color_by="no_such_column")
    with pytest.raises(ParameterError, match="layout"):
        nc.plot.draw_network(g, layout="hexagonal")
    with pytest.raises(ParameterError, match="layout"):
        nc.plot.draw_network(g, layout=np.zeros((3, 2)))
    with pytest.raises(ParameterError, match="node_size"):
        nc.plot.draw_network(g, node_size=-1)
    with pytest.raises(ParameterError, match="'rng' parameter of draw_network"):
        nc.plot.draw_network(g, layout="spring", rng=-1)
    plain = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
    with pytest.raises(GraphFormatError):
        nc.plot.draw_network(plain, layout="wheel")
    with pytest.raises(GraphFormatError):
        nc.plot.draw_network(plain, layout="chain")
    # a graph without roles: one colour, no legend, spring layout
    ax = nc.plot.draw_network(plain)
    assert ax.get_legend() is None


def test_spring_layout_follows_rng():
    g = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, rng=1)

    def offsets(ax):
        return np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])

    a = offsets(nc.plot.draw_network(g, layout="spring", rng=5))
    b = offsets(nc.plot.draw_network(g, layout="spring", rng=5))
    c = offsets(nc.plot.draw_network(g, layout="spring", rng=6))
    d = offsets(nc.plot.draw_network(g, layout="spring", rng=np.random.default_rng(5)))
    e = offsets(nc.plot.draw_network(g, layout="spring", rng=np.random.default_rng(5)))
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(d, e)
    assert not np.allclose(a, c)


def test_draw_network_does_not_mutate_input():
    g = hand_wheel()
    before = g.node_attrs.copy()
    nc.plot.draw_network(g, color_by="cell")
    pd.testing.assert_frame_equal(g.node_attrs, before)


def test_explicit_positions():
    g = hand_wheel()
    pos = nc.plot.wheel_layout(g) * 2.0
    ax = nc.plot.draw_network(g, layout=pos)
    offs = np.vstack([c.get_offsets() for c in ax.collections if c.get_label() in
                      set(g.node_attrs["role"])])
    assert np.isclose(np.abs(offs).max(), np.abs(pos.to_numpy()).max())


# --------------------------------------------------------------------------- layouts
@pytest.mark.parametrize("core_size", [1, 3])
def test_wheel_layout_core_at_centre(core_size):
    g = nc.generators.kenney_wheel(core_size=core_size, n_cells=5, cell_size=5, anonymity=0.5,
                                   rng=4)
    pos = nc.plot.wheel_layout(g)
    r = np.hypot(pos["x"], pos["y"]).to_numpy()
    tier = g.node_attrs["tier"]
    core = r[(tier == 0).to_numpy()]
    workers = r[(g.node_attrs["role"] == "worker").to_numpy()]
    handlers = r[(g.node_attrs["role"] == "handler").to_numpy()]
    assert core.max() < workers.min()
    assert core.max() < handlers.min()
    if core_size == 1:
        assert core.max() == 0.0
    # cell leaders on one circle, each cell's workers nearer their own leader than any other
    assert np.allclose(handlers, handlers[0])
    cell = g.node_attrs["cell"].to_numpy()
    xy = pos.to_numpy()
    hpos = {c: xy[i] for i, c in enumerate(cell) if g.node_attrs["role"].iloc[i] == "handler"}
    for i, c in enumerate(cell):
        if g.node_attrs["role"].iloc[i] == "worker":
            d = {k: np.hypot(*(xy[i] - v)) for k, v in hpos.items()}
            assert min(d, key=d.get) == c


def test_wheel_layout_hand_built_string_tiers():
    g = hand_wheel()
    pos = nc.plot.wheel_layout(g)
    r = np.hypot(pos["x"], pos["y"])
    core = r[["boss", "deputy"]]
    workers = r[[v for v in g.nodes if v.startswith("w")]]
    assert core.max() < workers.min()


def test_chain_layout_x_increases_with_stage_order():
    g = nc.generators.kenney_chain(n_groups=3, stage_sizes=[1, 2, 3, 1, 2, 2],
                                   cross_group_p=0.3, rng=5)
    pos = nc.plot.chain_layout(g)
    rank = {s: i for i, s in enumerate(nc.generators.STAGES)}
    st = g.node_attrs["stage"].astype(str).map(rank).to_numpy()
    x = pos["x"].to_numpy()
    for a in range(len(st)):
        for b in range(len(st)):
            if st[a] < st[b]:
                assert x[a] < x[b]
    # groups stacked: the bands of different groups do not interleave
    grp = g.node_attrs["group"].to_numpy()
    y = pos["y"].to_numpy()
    for k in range(2):
        assert y[grp == k].min() > y[grp == k + 1].max()


def test_chain_layout_uses_declared_stage_order_for_online_stages():
    stages = list(nc.generators.ONLINE_STAGES)
    g = nc.generators.kenney_chain(stages=stages, rng=0)
    pos = nc.plot.chain_layout(g)
    order = g.node_attrs["stage"].astype(str).map({s: i for i, s in enumerate(stages)})
    assert (np.argsort(pos["x"].to_numpy(), kind="stable") ==
            np.argsort(order.to_numpy(), kind="stable")).all()


def test_auto_layout_picks_wheel_and_chain():
    w = nc.generators.kenney_wheel(n_cells=4, cell_size=3, rng=0)
    c = nc.generators.kenney_chain(rng=0)
    ax = nc.plot.draw_network(w)
    offs = np.vstack([col.get_offsets() for col in ax.collections
                      if col.get_label() in {"leader", "handler", "worker"}])
    assert np.allclose(sorted(map(tuple, offs)),
                       sorted(map(tuple, nc.plot.wheel_layout(w).to_numpy())))
    ax = nc.plot.draw_network(c)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == list(nc.generators.STAGES)


# --------------------------------------------------------------------------- other figures
def _karate():
    import networkx as nx

    return nx.karate_club_graph()


def test_plot_removal_curves_dict_of_attack_results():
    G = _karate()
    res = {s: nc.disruption.attack(G, strategy=s, rng=3)
           for s in ("degree", "betweenness", "random")}
    ax = nc.plot.plot_removal_curves(res)
    assert isinstance(ax, Axes)
    assert legend_texts(ax) == [f"{k}  (R = {r.robustness:.3f})" for k, r in res.items()]
    lines = ax.get_lines()
    assert len(lines) == 3
    for line, (name, r) in zip(lines, res.items()):
        # the drawn line is the curve: x = step / N, y = lcc_frac
        np.testing.assert_array_equal(line.get_xdata(),
                                      r.curve["step"].to_numpy(float) / G.number_of_nodes())
        np.testing.assert_array_equal(line.get_ydata(), r.curve["lcc_frac"].to_numpy(float))
        assert to_hex(line.get_color()) == nc.plot.STRATEGY_COLORS[name]
    assert lines[0].get_linestyle() == "-"
    assert lines[2].get_linestyle() == "--"  # random is dashed grey
    assert ax.get_xlabel() == "fraction of nodes removed"
    assert ax.get_ylabel() == "largest component / intact (LCC / LCC₀)"
    assert ax.get_title() == "Disruption: largest component vs fraction removed"
    # curves drawn on top of each other are told apart by their markers too
    assert len({line.get_marker() for line in lines}) == 3
    # a list of results is named by strategy
    ax = nc.plot.plot_removal_curves(list(res.values()))
    assert legend_texts(ax) == [f"{r.strategy}  (R = {r.robustness:.3f})"
                                for r in res.values()]
    # a second curve of one strategy keeps the colour and changes the line style
    rec = nc.disruption.attack(G, strategy="degree", rng=3, recovery=nc.disruption.Recovery(p=0.5))
    ax = nc.plot.plot_removal_curves({"degree": res["degree"], "degree + recovery": rec})
    a, b = ax.get_lines()
    assert to_hex(a.get_color()) == to_hex(b.get_color()) == nc.plot.STRATEGY_COLORS["degree"]
    assert (a.get_linestyle(), b.get_linestyle()) == ("-", "-.")


def test_plot_removal_curves_compare_strategies_frame():
    G = _karate()
    df = nc.disruption.compare_strategies(G, strategies=["degree", "random"], rng=1)
    ax = nc.plot.plot_removal_curves(df, threshold=0.5)
    assert legend_texts(ax) == ["degree", "random"]
    lines = ax.get_lines()
    for line, name in zip(lines, ["degree", "random"]):
        sub = df[df["strategy"] == name]
        np.testing.assert_array_equal(line.get_xdata(), sub["fraction_removed"].to_numpy())
        np.testing.assert_array_equal(line.get_ydata(), sub["lcc_frac"].to_numpy())
        assert to_hex(line.get_color()) == nc.plot.STRATEGY_COLORS[name]
    assert lines[1].get_linestyle() == "--"
    np.testing.assert_array_equal(lines[2].get_ydata(), [0.5, 0.5])  # the threshold line


def test_plot_removal_curves_metric_selects_the_column():
    G = _karate()
    res = {"degree": nc.disruption.attack(G, strategy="degree")}
    ax = nc.plot.plot_removal_curves(res, metric="n_components")
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(),
                                  res["degree"].curve["n_components"].to_numpy(float))
    assert ax.get_ylabel() == "number of components"
    assert ax.get_title() == "Disruption: n_components vs fraction removed"


def test_plot_removal_curves_single_result_is_attack_result_plot():
    G = _karate()
    r = nc.disruption.attack(G, strategy="degree", mode="adaptive")
    _fig, ax = plt.subplots()
    out = nc.plot.plot_removal_curves(r, ax=ax, metric="lcc_frac", label=None, color="red",
                                      lw=3)
    assert out is ax
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), r.curve["step"] / G.number_of_nodes())
    np.testing.assert_array_equal(line.get_ydata(), r.curve["lcc_frac"].to_numpy(float))
    assert line.get_label() == "degree (adaptive)"
    assert to_hex(line.get_color()) == "#ff0000" and line.get_linewidth() == 3
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == (
        "fraction of nodes removed", "largest component / intact (LCC / LCC₀)", "")
    assert legend_texts(ax) == ["degree (adaptive)"]  # axis labels in words and a legend
    # any recorded column can be drawn, as with AttackResult.plot (row 0 has no score: NaN)
    ax = nc.plot.plot_removal_curves(r, metric="score")
    np.testing.assert_array_equal(ax.get_lines()[0].get_ydata(), r.curve["score"].to_numpy(float))
    # edge attacks: x = step / M
    e = nc.disruption.attack_edges(G, strategy="betweenness")
    ax = nc.plot.plot_removal_curves(e, metric="n_components", label="edges")
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), e.curve["step"] / G.number_of_edges())
    np.testing.assert_array_equal(line.get_ydata(), e.curve["n_components"].to_numpy(float))
    assert (line.get_label(), ax.get_xlabel(), ax.get_ylabel()) == (
        "edges", "fraction of edges removed", "number of components")


def test_plot_removal_curves_rejects_other_inputs():
    G = _karate()
    r = nc.disruption.attack(G, strategy="degree", max_removals=3)
    e = nc.disruption.attack_edges(G, strategy="betweenness", max_removals=3)
    bad = [
        (pd.DataFrame({"a": [1]}), "results"),
        (pd.DataFrame({"fraction_removed": [0, 1], "lcc_fraction": [1, 0]}), "results"),
        ({"degree": r.curve}, "results"),
        ([r, "degree"], "results"),
        ([], "results"),
        ({"nodes": r, "edges": e}, "results"),
        (r.curve, "results"),
        (42, "results"),
    ]
    for value, param in bad:
        with pytest.raises(ParameterError, match=f"'{param}' parameter of "
                                                 "plot_removal_curves"):
            nc.plot.plot_removal_curves(value)
    with pytest.raises(ParameterError, match="'metric' parameter"):
        nc.plot.plot_removal_curves(r, metric="lcc_fraction")
    with pytest.raises(ParameterError, match="'metric' parameter"):
        nc.plot.plot_removal_curves([r], metric="node")
    with pytest.raises(ParameterError, match="'label' parameter"):
        nc.plot.plot_removal_curves([r], label="x")
    with pytest.raises(ParameterError, match="'threshold' parameter"):
        nc.plot.plot_removal_curves([r], threshold=1.5)


def test_plot_brokerage_profile_from_gould_fernandez():
    g = nc.generators.kenney_chain(n_groups=3, stage_sizes=2, cross_group_p=0.4, rng=1)
    res = nc.brokerage.gould_fernandez(g, groups="stage")
    ax = nc.plot.plot_brokerage_profile(res, top=5)
    assert isinstance(ax, Axes)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    top = res.nodes["total"].sort_values(ascending=False, kind="stable")
    assert len(shown) == 5
    assert shown == [str(v) for v in top.index[:5]]
    # the bars are the five largest totals, in decreasing order
    widths = {}
    for p in ax.patches:
        y = round(p.get_y() + p.get_height() / 2)
        widths[y] = widths.get(y, 0.0) + p.get_width()
    np.testing.assert_allclose([widths[i] for i in range(5)], top.iloc[:5].to_numpy())
    assert set(legend_texts(ax)) <= {"coordinator", "itinerant", "representative",
                                     "gatekeeper", "liaison"}
    assert ax.get_legend().get_title().get_text() == "brokerage role"
    # each role's bars have the role's fixed colour and its raw counts as widths
    raw = res.raw().loc[top.index[:5]]
    for container in ax.containers:
        role = container.get_label()
        assert {to_hex(p.get_facecolor()) for p in container} == {
            nc.plot.BROKERAGE_COLORS[role]}
        np.testing.assert_array_equal([p.get_width() for p in container],
                                      raw[role].to_numpy(float))
    # the raw-count table of the result draws the same bars
    ax2 = nc.plot.plot_brokerage_profile(res.raw(), top=5)
    assert [p.get_width() for p in ax2.patches] == [p.get_width() for p in ax.patches]
    with pytest.raises(ParameterError):
        nc.plot.plot_brokerage_profile(pd.DataFrame({"x": [1]}))
    from types import SimpleNamespace

    with pytest.raises(ParameterError, match="GouldFernandezResult"):
        nc.plot.plot_brokerage_profile(SimpleNamespace(nodes=res.nodes))


def test_plot_profiles_bar_and_radar():
    graphs = {"wheel": nc.generators.kenney_wheel(n_cells=4, cell_size=4, rng=0),
              "chain": nc.generators.kenney_chain(n_groups=2, stage_sizes=2,
                                                  cross_group_p=0.5, rng=0)}
    prof = nc.covert.compare_profiles(graphs)
    ax = nc.plot.plot_profiles(prof, measures=["density", "betweenness_centralization",
                                               "efficiency"])
    assert isinstance(ax, Axes)
    assert legend_texts(ax) == ["wheel", "chain"]
    # bar lengths: value / max over networks
    bars = sorted(ax.patches, key=lambda p: p.get_y())
    want = (prof["density"] / prof["density"].abs().max()).to_numpy()
    np.testing.assert_allclose([bars[0].get_width(), bars[1].get_width()], want)
    ax = nc.plot.plot_profiles(prof, chart="radar")
    assert ax.name == "polar"
    with pytest.raises(ParameterError):
        nc.plot.plot_profiles(prof, chart="pie")
    with pytest.raises(ParameterError):
        nc.plot.plot_profiles(prof, measures=["nope"])


def test_figures_save_headless(tmp_path):
    g = nc.generators.kenney_chain(n_groups=2, stage_sizes=2, rng=1)
    ax = nc.plot.draw_network(g)
    out = tmp_path / "chain.png"
    ax.figure.savefig(out, dpi=60)
    assert out.stat().st_size > 1000
    assert matplotlib.get_backend().lower() == "agg"


def test_plot_removal_curves_compare_strategies_mean_of_repeats():
    import networkx as nx

    G = nx.karate_club_graph()
    df = nc.disruption.compare_strategies(G, strategies=["degree", "random"], repeats=3, rng=1)
    ax = nc.plot.plot_removal_curves(df)
    texts = legend_texts(ax)
    assert texts == ["degree (mean of 3)", "random (mean of 3)"]
    lines = ax.get_lines()
    rnd = df[df["strategy"] == "random"]
    want = rnd.groupby("fraction_removed")["lcc_frac"].mean()
    np.testing.assert_allclose(lines[1].get_xdata(), want.index.to_numpy())
    np.testing.assert_allclose(lines[1].get_ydata(), want.to_numpy())
    assert [to_hex(line.get_color()) for line in lines] == [
        nc.plot.STRATEGY_COLORS["degree"], nc.plot.STRATEGY_COLORS["random"]]
    # the ±1 sd band around the mean of the random repeats
    sd = rnd.groupby("fraction_removed")["lcc_frac"].std(ddof=0)
    band = ax.collections[-1].get_paths()[0].vertices
    assert np.isclose(band[:, 1].max(), (want + sd).max())
    # the result objects of attack() work too, with Schneider's R in the legend
    res = {"degree": nc.disruption.attack(G, strategy="degree")}
    ax = nc.plot.plot_removal_curves(res)
    assert legend_texts(ax) == [f"degree  (R = {res['degree'].robustness:.3f})"]
    np.testing.assert_allclose(ax.get_lines()[0].get_xdata(),
                               res["degree"].curve["step"] / G.number_of_nodes())
