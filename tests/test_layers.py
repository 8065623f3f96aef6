"""Layer selectors of generated trafficking networks, against networkx induced subgraphs."""

import pytest

import netcrime as nc


@pytest.mark.parametrize("kind", ["traditional", "online", "hybrid"])
def test_members_and_organisation_match_networkx_subgraphs(kind):
    g = nc.generators.trafficking_network(n=150, kind=kind, rng=4)
    G = g.to_networkx()
    persons = [v for v, d in G.nodes(data=True) if 0 <= d["tier"] <= 2 and d["kind"] == "person"]
    org = [v for v, d in G.nodes(data=True) if 0 <= d["tier"] <= 2 or d["tier"] == -1]
    for got, keep in ((nc.generators.members(g), persons), (nc.generators.organisation(g), org)):
        H = G.subgraph(keep)
        assert list(got.nodes) == [v for v in G.nodes if v in set(keep)]
        assert got.n_edges == H.number_of_edges()
        assert set(map(frozenset, got.to_networkx().edges())) == set(map(frozenset, H.edges()))
    roles = set(nc.generators.members(g).node_attrs["role"].astype(str))
    assert not roles & {"victim", "client"}


def test_layers_need_tier_attribute():
    g = nc.Graph.from_arrays(3, [0, 1], [1, 2], directed=False)
    with pytest.raises(nc.ParameterError, match=r"The 'g' parameter of members\(\) must be a "
                       r"graph with a 'tier' node attribute"):
        nc.generators.members(g)
    with pytest.raises(nc.ParameterError, match=r"organisation\(\)"):
        nc.generators.organisation(g)
