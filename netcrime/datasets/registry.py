"""Machine-readable registry of the networks bundled with netcrime.

Every entry of :data:`DATASETS` describes one loadable network: its name, the files it is
built from (relative to ``netcrime/datasets/data/``), direction, weights, the sizes reported
by the source papers or provenance notes, a one-line description, the citation (with DOI
where one was verified), the repository it was taken from, and a licence note. The loader
(:func:`netcrime.datasets.load`) reads *only* this table and the files it names.

The folder of each family holds the ``PROVENANCE.txt`` written when the data were collected;
it is the authoritative record of where every file came from, which commit, and what was
verified about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["DATASETS", "FAMILY_PARAMS", "DatasetInfo"]


@dataclass(frozen=True)
class DatasetInfo:
    """One bundled network (an immutable registry row)."""

    name: str
    family: str
    folder: str
    files: tuple[str, ...]
    directed: bool
    weighted: bool
    nodes: int
    edges: int
    description: str
    citation: str
    doi: str | None
    source: str
    licence_note: str
    builder: str
    params: dict[str, Any] = field(default_factory=dict)
    notes: str = ""


# ----------------------------------------------------------------------------- shared text
_CAVALLARO = (
    "Cavallaro L, Ficara A, De Meo P, Fiumara G, Catanese S, Bagdasar O, Song W, Liotta A "
    "(2020) Disrupting resilient criminal networks through data analysis: The case of Sicilian "
    "Mafia. PLoS ONE 15(8): e0236476."
)
_CAVALLARO_DOI = "10.1371/journal.pone.0236476"
_MONTAGNA_SRC = (
    "github.com/lcucav/networkdisruption (commit 888d56d273f8c38e1871625770f35891f4afcfa5), "
    "src/Datasets/Montagna_*_edgelist.csv; authors' deposit Zenodo record 3938818"
)
_MONTAGNA_LIC = (
    "No licence file in the source repository; the authors ask to be cited on re-use. "
    "Check the Zenodo deposit before redistribution."
)
_DF_SRC = (
    "github.com/SNAnalyst/DF (commit 522d711378c341fafa785f8f4bccc038993dff27), "
    "data/Montagna_mafia.rda, converted to CSV"
)
_DF_LIC = (
    "DF package DESCRIPTION says 'MIT + file LICENSE' but the LICENSE file holds GPL-3 text "
    "(inconsistent); underlying data as in Cavallaro et al. (2020)."
)

_MORSELLI = (
    "Morselli C (2009) Inside Criminal Networks. Springer (Appendix pp. 173-186); "
    "Morselli C, Petit K (2007) Law-enforcement disruption of a drug importation network. "
    "Global Crime 8(2):109-130."
)
_CAVIAR_SRC_A = (
    "github.com/mcmacdonald/criminal-networks (HEAD 39a23138d0c02e1b79a2e67a84eaedf0631ec6df), "
    "data/morselli_caviar.csv (retrieved by that repository from the UCINET/Manchester "
    "covert-networks site)"
)
_CAVIAR_SRC_B = (
    "github.com/schochastics/networkdata (HEAD 8e4994bc261654d040b8438a6568c6087db9dc60), "
    "data/covert_10.rda"
)
_CAVIAR_SRC_C = (
    "github.com/ragini30/Networks-Homework (commit 8d791e62bd2fd94d3eb1f64a4ad672e469e6314a), "
    "phase1.csv ... phase11.csv (course data of a networks course), copied unchanged"
)
_CAVIAR_LIC_C = (
    "MIT (Copyright 2021 ragini30) for the repository; underlying CAVIAR data from Morselli, "
    "no licence stated."
)
#: where the seizure record comes from
CAVIAR_SEIZURE_SOURCE = (
    "11 seizures, in phases 4, 6, 7, 8, 9, 10 and 11, as recorded in PROVENANCE.txt "
    "(github.com/jerin-mx/Crime-Net-Analysis-Viz README, citing Morselli 2009); the "
    "seizures are described by Morselli C, Petit K (2007) Global Crime 8(2):109-130."
)
_NETWORKDATA_LIC = (
    "networkdata package MIT (Copyright 2019 David Schoch); underlying data from the "
    "Manchester covert-networks collection, no licence stated."
)

_BERLUSCONI = (
    "Berlusconi G, Calderoni F, Parolini N, Verani M, Piccardi C (2016) Link prediction in "
    "criminal networks: a tool for criminal intelligence analysis. PLoS ONE 11(4): e0154244."
)
_OVERSIZE_SRC = (
    "github.com/SNAnalyst/DF (commit 522d711378c341fafa785f8f4bccc038993dff27), "
    "data/Oversize_mafia.rda; original deposit figshare doi:10.6084/m9.figshare.3156067"
)
_OVERSIZE_LIC = (
    "DF package DESCRIPTION 'MIT + file LICENSE' but LICENSE file is GPL-3 text; figshare "
    "deposit licence not verified."
)

_KREBS = (
    "Krebs VE (2002) Mapping networks of terrorist cells. Connections 24(3):43-52; also "
    "'Uncloaking terrorist networks', First Monday 7(4)."
)
_NOORDIN = (
    "Roberts N, Everton SF (2011) Roberts and Everton Terrorist Data: Noordin Top Terrorist "
    "Network (subset); Everton SF (2012) Disrupting Dark Networks. Cambridge University Press."
)
_MADRID = (
    "John Jay & ARTIS Transnational Terrorism (JJATT) database, 2004 Madrid train bombing "
    "network (Manchester covert-networks version); see also Hayes B (2006) Connecting the "
    "dots. American Scientist 94(5):400-404."
)
_GRUND = (
    "Grund TU, Densley JA (2012) Ethnic heterogeneity in the activity and structure of a "
    "Black street gang. European Journal of Criminology 9(4):388-406."
)
_NATARAJAN_HEROIN = (
    "Natarajan M (2006) Understanding the structure of a large heroin distribution network: "
    "a quantitative analysis of qualitative data. Journal of Quantitative Criminology "
    "22(2):171-192."
)
_NATARAJAN_COCAINE = (
    "Natarajan M (2000) Understanding the structure of a drug trafficking organization: a "
    "conversational analysis. Crime Prevention Studies 11:273-298."
)


def _networkdata(rda: str) -> str:
    return (
        "github.com/schochastics/networkdata (HEAD 8e4994bc261654d040b8438a6568c6087db9dc60), "
        f"data/{rda}"
    )


# ----------------------------------------------------------------------------- families
CAVIAR_PHASE_NODES = (15, 24, 33, 33, 32, 27, 36, 42, 34, 42, 41)
#: arcs of the directed phase matrices (SOURCE C)
CAVIAR_PHASE_ARCS = (26, 35, 68, 65, 50, 68, 63, 75, 60, 68, 72)
#: undirected pairs once symmetrised (phase 7: the real one, 49 pairs)
CAVIAR_PHASE_EDGES = (18, 28, 56, 48, 39, 47, 49, 58, 44, 50, 50)
CAVIAR_SEIZURE_PHASES = (4, 6, 7, 8, 9, 10, 11)
CAVIAR_N_SEIZURES = 11

NOORDIN_RELATIONS = (
    "business_finance", "classmates", "communications", "friendship", "kinship",
    "logistics", "meetings", "operations", "soulmates", "trainingevents",
)
NOORDIN_EDGES = (15, 175, 200, 91, 16, 29, 63, 267, 11, 147)

MADRID_PERIODS = (
    "1985_1989", "1990_1994", "1995", "1996", "1997", "1998", "1999", "2000_1", "2000_2",
    "2001_1", "2001_2", "2002_1", "2002_2", "2003_1", "2003_2", "2004_1", "2004_2",
    "2005_1", "2005_2", "2006_1", "2006_2",
)
MADRID_PERIOD_EDGES = (
    4, 4, 6, 9, 9, 9, 14, 16, 17, 19, 23, 23, 51, 55, 120, 183, 8, 3, 0, 0, 0,
)

#: Family names accepted by :func:`netcrime.datasets.load` with a selector keyword.
FAMILY_PARAMS = {"caviar": "phase", "noordin": "relation", "madrid": "period"}


def _entries() -> list[DatasetInfo]:
    out: list[DatasetInfo] = []
    add = out.append

    # -- Montagna (Cavallaro et al. 2020) ---
    for key, fname, n, m, what in (
        ("meetings", "Montagna_meetings_edgelist.tsv", 101, 256, "meetings (joint presence)"),
        ("phonecalls", "Montagna_phonecalls_edgelist.tsv", 100, 124, "phone calls"),
    ):
        add(DatasetInfo(
            name=f"montagna_{key}", family="montagna", folder="montagna_cavallaro2020",
            files=(fname,), directed=False, weighted=True, nodes=n, edges=m,
            description=(
                f"Montagna operation (Sicilian Mafia families Mistretta and Batanesi): {what} "
                "network as used by "
                "Cavallaro et al. (2020); a repeated pair keeps its LAST weight, as in the "
                "authors' networkx code."
            ),
            citation=_CAVALLARO, doi=_CAVALLARO_DOI, source=_MONTAGNA_SRC,
            licence_note=_MONTAGNA_LIC, builder="montagna_cavallaro",
            notes=(
                "The raw list holds some pairs twice, as (u,v,w1) and (v,u,w2) (33 pairs in "
                "meetings, 24 of them with different weights; 26 in phone calls, 19 different); "
                "the last occurrence's weight is kept, which reproduces the published removal "
                "curves exactly."
            ),
        ))
    for key, fname, rows, pairs, n in (
        ("meetings", "montagna_meetings_edges.csv", 289, 249, 145),
        ("phonecalls", "montagna_phone_edges.csv", 150, 120, 144),
    ):
        add(DatasetInfo(
            name=f"montagna_{key}_attributed", family="montagna",
            folder="montagna_cavallaro2020",
            files=(f"DF_package_attributed_version/{fname}",
                   "DF_package_attributed_version/montagna_nodes_144_roles.csv"),
            directed=False, weighted=True, nodes=n, edges=pairs,
            description=(
                f"Montagna {key}: later 144-actor version with node attributes Role, "
                f"Relationship, Request ({rows} edge records merged into {pairs} pairs; "
                "weight = summed records' weights, 'records' = number merged)."
            ),
            citation=_CAVALLARO, doi=_CAVALLARO_DOI, source=_DF_SRC, licence_note=_DF_LIC,
            builder="montagna_attributed", params={"edge_records": rows},
            notes=(
                "The R source stores a multigraph; parallel records of one pair are merged "
                "(weights summed). Node/edge counts differ from the paper (as the DF package "
                "documents). The attribute table lists 144 actors, one of them named '52' "
                "(kept as in the source)"
                + (
                    "; the meetings list also references N35, absent from that table, which "
                    "is appended with missing attributes (145 nodes), and holds one "
                    "self-loop (N47), kept as in the source."
                    if key == "meetings" else "."
                )
            ),
        ))

    # -- CAVIAR (Morselli) ---
    add(DatasetInfo(
        name="caviar", family="caviar", folder="caviar_morselli",
        files=("caviar_full_directed_weighted_edges.csv",), directed=True, weighted=True,
        nodes=110, edges=295,
        description=(
            "Project CAVIAR drug-importation network (Montreal 1994-1996): directed valued "
            "wiretap communications aggregated over the 11 investigation phases."
        ),
        citation=_MORSELLI, doi=None, source=_CAVIAR_SRC_A, licence_note=(
            "No licence stated in the source repository; data originally from the "
            "UCINET/Manchester covert-networks site."
        ),
        builder="caviar_directed",
        notes="110 actors, 295 arcs, 205 undirected pairs, total weight 3546.",
    ))
    add(DatasetInfo(
        name="caviar_undirected", family="caviar", folder="caviar_morselli",
        files=("caviar_full_undirected_edges.csv",), directed=False, weighted=True,
        nodes=110, edges=205,
        description=(
            "CAVIAR aggregate, symmetrised: 205 undirected pairs, weight = max of the two "
            "directions."
        ),
        citation=_MORSELLI, doi=None, source=_CAVIAR_SRC_B, licence_note=_NETWORKDATA_LIC,
        builder="caviar_undirected",
    ))
    for k in range(1, 12):
        seized = k in CAVIAR_SEIZURE_PHASES
        add(DatasetInfo(
            name=f"caviar_phase{k:02d}", family="caviar", folder="caviar_morselli",
            files=(f"caviar_phase{k:02d}_matrix.csv",), directed=True,
            weighted=True, nodes=CAVIAR_PHASE_NODES[k - 1], edges=CAVIAR_PHASE_ARCS[k - 1],
            description=(
                f"CAVIAR investigation phase {k} of 11 (directed, valued: row = caller, "
                "column = receiver, value = number of communications); "
                + ("a seizure occurred in this phase." if seized else "no seizure in this phase.")
            ),
            citation=_MORSELLI, doi=None, source=_CAVIAR_SRC_C, licence_note=_CAVIAR_LIC_C,
            builder="caviar_matrix",
            params={"phase": k, "seizure": seized},
            notes=(
                "Directed valued phase matrix of SOURCE C (see PROVENANCE.txt); symmetrised "
                "by max it equals the networkdata phase file exactly for phases 1-6 and 8-11. "
                + ("The networkdata phase-7 file is phase 9 relabelled (a source defect); this "
                   "matrix is the real phase 7 (36 actors, Serero = node 1 included)."
                   if k == 7 else "")
            ).strip(),
        ))
    for k in range(1, 12):
        seized = k in CAVIAR_SEIZURE_PHASES
        add(DatasetInfo(
            name=f"caviar_phase{k:02d}_undirected", family="caviar", folder="caviar_morselli",
            files=(f"caviar_phase{k:02d}_matrix.csv",), directed=False,
            weighted=True, nodes=CAVIAR_PHASE_NODES[k - 1], edges=CAVIAR_PHASE_EDGES[k - 1],
            description=(
                f"CAVIAR investigation phase {k} of 11, symmetrised (undirected, weight = max "
                "of the two directions); "
                + ("a seizure occurred in this phase." if seized else "no seizure in this phase.")
            ),
            citation=_MORSELLI, doi=None, source=_CAVIAR_SRC_C, licence_note=_CAVIAR_LIC_C,
            builder="caviar_matrix_undirected",
            params={"phase": k, "seizure": seized},
            notes=("Built from the directed phase matrix (SOURCE C) with max(w_ij, w_ji); "
                   "equals the networkdata phase file for phases 1-6 and 8-11."),
        ))

    # -- Oversize ('Ndrangheta) ---
    for key, fname, m, what in (
        ("wiretaps", "oversize_wiretap_records_edges.csv", 247, "wiretap records (WR)"),
        ("warrants", "oversize_arrest_warrant_edges.csv", 189, "arrest warrant (AW)"),
        ("judgments", "oversize_judgment_edges.csv", 113, "court judgment (JU)"),
    ):
        add(DatasetInfo(
            name=f"oversize_{key}", family="oversize", folder="oversize_ndrangheta",
            files=(fname, "oversize_nodes_182.csv"), directed=False, weighted=False,
            nodes=182, edges=m,
            description=(
                f"Operation Oversize ('Ndrangheta, 2000-2006): {what} network over all 182 "
                "actors (isolates included)."
            ),
            citation=_BERLUSCONI, doi="10.1371/journal.pone.0154244", source=_OVERSIZE_SRC,
            licence_note=_OVERSIZE_LIC, builder="edges_nodes",
            params={"node_file": "oversize_nodes_182.csv", "node_col": "name"},
        ))

    # -- 9/11 hijackers (Krebs) ---
    add(DatasetInfo(
        name="hijackers_911", family="hijackers_911", folder="hijackers_911_krebs",
        files=("hijackers_911_associates_60_edges.csv",), directed=False, weighted=False,
        nodes=60, edges=126,
        description="9/11 hijackers and their associates (Krebs 2002, Manchester version).",
        citation=_KREBS, doi=None, source=_networkdata("covert_2.rda"),
        licence_note=_NETWORKDATA_LIC, builder="edges_only",
        notes="The source holds one self-loop (Rayed Mohammed Abdullah), kept and counted.",
    ))
    add(DatasetInfo(
        name="hijackers_911_prior_contacts", family="hijackers_911",
        folder="hijackers_911_krebs", files=("hijackers_911_priorcontacts_19_edges.csv",),
        directed=False, weighted=False, nodes=19, edges=27,
        description="Trusted prior contacts among the 19 9/11 hijackers (Krebs 2002).",
        citation=_KREBS, doi=None, source=_networkdata("covert_2.rda"),
        licence_note=_NETWORKDATA_LIC, builder="edges_only",
    ))

    # -- Noordin Top ---
    for rel, m in zip(NOORDIN_RELATIONS, NOORDIN_EDGES):
        add(DatasetInfo(
            name=f"noordin_{rel}", family="noordin", folder="noordin_top",
            files=(f"noordin_{rel}_edges.csv", "noordin_nodes.csv"), directed=False,
            weighted=False, nodes=79, edges=m,
            description=(
                f"Noordin Top terrorist network (Indonesia): '{rel}' relation over all 79 "
                "actors."
            ),
            citation=_NOORDIN, doi=None, source=_networkdata("covert_34.rda"),
            licence_note=_NETWORKDATA_LIC, builder="edges_nodes",
            params={"node_file": "noordin_nodes.csv", "node_col": "name", "relation": rel},
        ))
    add(DatasetInfo(
        name="noordin", family="noordin", folder="noordin_top",
        files=(*tuple(f"noordin_{r}_edges.csv" for r in NOORDIN_RELATIONS), "noordin_nodes.csv"),
        directed=False, weighted=True, nodes=79, edges=623,
        description=(
            "Noordin Top multiplex: union of the 10 relations; one 0/1 edge column per relation "
            "and weight = number of relations linking the pair."
        ),
        citation=_NOORDIN, doi=None, source=_networkdata("covert_34.rda"),
        licence_note=_NETWORKDATA_LIC, builder="noordin_multiplex",
        notes="Derived here from the 10 relation files (not a separately published network).",
    ))

    # -- Madrid bombing ---
    add(DatasetInfo(
        name="madrid", family="madrid", folder="madrid_bombing",
        files=("madrid_operation_id_edges.csv", "madrid_tie_year_edges.csv",
               "madrid_tie_extinguish_edges.csv", "madrid_nodes.csv"),
        directed=False, weighted=False, nodes=54, edges=226,
        description=(
            "2004 Madrid train bombing network (JJATT): aggregate of 226 ties with tie "
            "attributes operation_id, tie_year, tie_extinguish (codes as in the source)."
        ),
        citation=_MADRID, doi=None, source=_networkdata("covert_30.rda"),
        licence_note=(
            "networkdata package MIT; underlying JJATT data via Manchester, no licence stated."
        ),
        builder="madrid_aggregate",
    ))
    add(DatasetInfo(
        name="madrid_kinship", family="madrid", folder="madrid_bombing",
        files=("madrid_kinship_edges.csv", "madrid_nodes.csv"), directed=False,
        weighted=True, nodes=54, edges=124,
        description="2004 Madrid bombing network: kinship ties over all 54 actors (valued).",
        citation=_MADRID, doi=None, source=_networkdata("covert_30.rda"),
        licence_note="networkdata package MIT; underlying JJATT data, no licence stated.",
        builder="edges_nodes", params={"node_file": "madrid_nodes.csv", "node_col": "name"},
    ))
    for per, m in zip(MADRID_PERIODS, MADRID_PERIOD_EDGES):
        add(DatasetInfo(
            name=f"madrid_{per}", family="madrid", folder="madrid_bombing",
            files=(f"madrid_{per}_edges.csv", "madrid_nodes.csv"), directed=False,
            weighted=m > 0, nodes=54, edges=m,
            description=(
                f"2004 Madrid bombing network: ties active in period {per.replace('_', '/')} "
                "over all 54 actors (valued tie strength)."
            ),
            citation=_MADRID, doi=None, source=_networkdata("covert_30.rda"),
            licence_note="networkdata package MIT; underlying JJATT data, no licence stated.",
            builder="edges_nodes",
            params={"node_file": "madrid_nodes.csv", "node_col": "name", "period": per},
        ))

    # -- London gang ---
    add(DatasetInfo(
        name="london_gang", family="london_gang", folder="london_gang",
        files=("london_gang_edges.csv", "london_gang_nodes.csv"), directed=False,
        weighted=True, nodes=54, edges=315,
        description=(
            "London street gang (Grund & Densley): co-offending ties valued 1-4, node "
            "attributes Age, Birthplace, Residence, Arrests, Convictions, Prison, Music, "
            "Ranking."
        ),
        citation=_GRUND, doi="10.1177/1477370812447738", source=_networkdata("covert_28.rda"),
        licence_note=_NETWORKDATA_LIC, builder="edges_nodes",
        params={"node_file": "london_gang_nodes.csv", "node_col": "name"},
    ))

    # -- Natarajan drug trafficking ---
    heroin_src = (
        _networkdata("covert_21.rda") + "; github.com/mcmacdonald/criminal-networks "
        "(HEAD 39a23138d0c02e1b79a2e67a84eaedf0631ec6df) data/natajaran_heroin.csv"
    )
    cocaine_src = (
        _networkdata("covert_13.rda") + "; github.com/mcmacdonald/criminal-networks "
        "(HEAD 39a23138d0c02e1b79a2e67a84eaedf0631ec6df) data/natajaran_cocaine.csv"
    )
    nat_lic = "networkdata package MIT; mcmacdonald/criminal-networks has no licence."
    add(DatasetInfo(
        name="natarajan_heroin", family="natarajan", folder="natarajan_drug_trafficking",
        files=("heroin_adjacency_directed.csv",), directed=True, weighted=False,
        nodes=38, edges=168,
        description=(
            "New York heroin distribution core (Natarajan 2006): 38 persons, 168 directed "
            "communication arcs from wiretap transcripts."
        ),
        citation=_NATARAJAN_HEROIN, doi="10.1007/s10940-006-9007-x", source=heroin_src,
        licence_note=nat_lic, builder="adjacency",
    ))
    add(DatasetInfo(
        name="natarajan_heroin_undirected", family="natarajan",
        folder="natarajan_drug_trafficking",
        files=("heroin_38_edges.csv", "heroin_adjacency_directed.csv"), directed=False,
        weighted=False, nodes=38, edges=87,
        description="Natarajan heroin network, undirected: 38 persons, 87 edges.",
        citation=_NATARAJAN_HEROIN, doi="10.1007/s10940-006-9007-x", source=heroin_src,
        licence_note=nat_lic, builder="natarajan_undirected",
        params={"matrix": "heroin_adjacency_directed.csv", "relabel": {"Mr.": "Mr.X"}},
        notes=(
            "The edge-list source truncates the label 'Mr.X' to 'Mr.'; it is restored from "
            "the adjacency-matrix source (the 87 pairs then equal the symmetrised matrix)."
        ),
    ))
    add(DatasetInfo(
        name="natarajan_cocaine", family="natarajan", folder="natarajan_drug_trafficking",
        files=("cocaine_adjacency_directed.csv",), directed=True, weighted=True,
        nodes=28, edges=40,
        description=(
            "New York cocaine trafficking organisation (Natarajan 2000): 28 persons, 40 "
            "directed valued arcs (no reciprocated pairs)."
        ),
        citation=_NATARAJAN_COCAINE, doi=None, source=cocaine_src, licence_note=nat_lic,
        builder="adjacency",
    ))
    add(DatasetInfo(
        name="natarajan_cocaine_undirected", family="natarajan",
        folder="natarajan_drug_trafficking",
        files=("cocaine_28_edges.csv", "cocaine_adjacency_directed.csv"), directed=False,
        weighted=True, nodes=28, edges=40,
        description="Natarajan cocaine network, undirected valued: 28 persons, 40 edges.",
        citation=_NATARAJAN_COCAINE, doi=None, source=cocaine_src, licence_note=nat_lic,
        builder="natarajan_undirected",
        params={"matrix": "cocaine_adjacency_directed.csv", "relabel": {}},
    ))
    return out


#: All bundled networks, keyed by name (insertion order = listing order).
DATASETS: dict[str, DatasetInfo] = {d.name: d for d in _entries()}
