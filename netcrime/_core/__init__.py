"""Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

The names re-exported here are the kernel layer's public surface: modules above ``_core``
(``disruption`` in particular) import kernels from ``netcrime._core`` only, never from a
kernel module's private names. ``_core`` imports nothing from the package above it.

Modules, by algorithm:

* :mod:`.csr` -- CSR toolkit: build, row ids, transpose, symmetrise, strip loops, induced
  sub-CSR, neighbour CSR;
* :mod:`.dijkstra` -- the Dijkstra settle loop, its indexed 4-ary heap and the one rule
  for equal path lengths (:data:`EQUAL_LENGTH_RTOL`);
* :mod:`.bfs` -- masked BFS, components, distance sums and distance blocks (BFS, MS-BFS,
  Dijkstra), key-player distance sums;
* :mod:`.brandes` -- the single-source shortest-path DAG search and its accumulations: node,
  endpoint and edge betweenness, adaptive betweenness;
* :mod:`.unionfind` -- reverse union-find removal curves (nodes, edges), component labels
  of an edge list (record linkage);
* :mod:`.peeling` -- adaptive degree order, collective influence;
* :mod:`.projection` -- two-mode projection (upper triangle of ``B Bᵀ``, sorted pairs);
* :mod:`.peeling` -- adaptive degree order, collective influence, core numbers;
* :mod:`.hashing` -- int64 hash tables: streaming label factorisation, pair totals;
* :mod:`.sampling` -- alias tables for O(1) weighted draws, per segment;
* :mod:`.ties` -- the score-tie rule of attack strategies;
* :mod:`.batch` -- one metric on many small graphs through their disjoint union;
* :mod:`.threads` -- thread count per call (serial below a work threshold, in pool workers);
* :mod:`.spectral`, :mod:`.triads`, :mod:`.holes`, :mod:`.triangles` -- PageRank/Perron/Katz,
  Gould-Fernandez two-paths, Burt's measures and ego betweenness, triangle counts.
"""

from .batch import betweenness_many, distance_sums_many, union_csr
from .bfs import (
    bfs_distances,
    bfs_distances_batches,
    component_labels,
    component_pairs,
    dijkstra_distances,
    dijkstra_distances_batches,
    distance_pair_sums,
    distance_pair_sums_serial,
    distance_sums,
    multi_source_distances,
)
from .brandes import (
    EQUAL_LENGTH_RTOL,
    adaptive_betweenness_order,
    betweenness_alive,
    edge_betweenness_csr,
    node_betweenness,
)
from .csr import (
    count_loops,
    csr_problem,
    directed_csr,
    induced,
    neighbour_csr,
    row_ids,
    strip_loops,
    symmetrise,
    transpose,
    undirected_csr,
    undirected_edge_array,
)
from .hashing import capacity_limit, factorize_into, grow, new_table, occupied, scatter_add
from .holes import burt_measures, ego_betweenness_counts, ego_betweenness_directed
from .peeling import adaptive_degree_order, collective_influence, core_numbers
from .projection import project_upper
from .sampling import alias_draw, alias_tables
from .spectral import (
    adjacency,
    katz_solve,
    pagerank_power,
    perron_vector,
    perron_vector_csr,
    radius_upper_bound,
    spectral_radius,
)
from .threads import SERIAL_WORK, plan_threads
from .ties import SCORE_ATOL, SCORE_RTOL, tolerance_groups
from .triads import brokerage_counts, brokerage_partial_credit
from .triangles import triangles
from .unionfind import edge_removal_curve, removal_curve, union_labels

__all__ = [
    "EQUAL_LENGTH_RTOL",
    "SCORE_ATOL",
    "SCORE_RTOL",
    "SERIAL_WORK",
    "adaptive_betweenness_order",
    "adaptive_degree_order",
    "adjacency",
    "alias_draw",
    "alias_tables",
    "betweenness_alive",
    "betweenness_many",
    "bfs_distances",
    "bfs_distances_batches",
    "brokerage_counts",
    "brokerage_partial_credit",
    "burt_measures",
    "capacity_limit",
    "collective_influence",
    "component_labels",
    "component_pairs",
    "core_numbers",
    "count_loops",
    "csr_problem",
    "dijkstra_distances",
    "dijkstra_distances_batches",
    "directed_csr",
    "distance_pair_sums",
    "distance_pair_sums_serial",
    "distance_sums",
    "distance_sums_many",
    "edge_betweenness_csr",
    "edge_removal_curve",
    "ego_betweenness_counts",
    "ego_betweenness_directed",
    "factorize_into",
    "grow",
    "induced",
    "katz_solve",
    "multi_source_distances",
    "neighbour_csr",
    "new_table",
    "node_betweenness",
    "occupied",
    "pagerank_power",
    "perron_vector",
    "perron_vector_csr",
    "plan_threads",
    "project_upper",
    "radius_upper_bound",
    "removal_curve",
    "row_ids",
    "scatter_add",
    "spectral_radius",
    "strip_loops",
    "symmetrise",
    "tolerance_groups",
    "transpose",
    "triangles",
    "undirected_csr",
    "undirected_edge_array",
    "union_csr",
    "union_labels",
]
