"""Private kernels: numpy arrays in, numpy arrays out; no pandas, no labels.

The names re-exported here are the kernel layer's public surface: modules above ``_core``
(``disruption`` in particular) import kernels from ``netcrime._core`` only, never from a
kernel module's private names. ``_core`` imports nothing from the package above it.
"""

from .bfs import component_labels
from .components import (
    adaptive_betweenness_order,
    adaptive_degree_order,
    collective_influence,
    edge_betweenness_csr,
    edge_removal_curve,
    removal_curve,
    tolerance_groups,
)
from .csr import induced, neighbour_csr, row_ids
from .paths import betweenness_kernel

__all__ = [
    "adaptive_betweenness_order",
    "adaptive_degree_order",
    "betweenness_kernel",
    "collective_influence",
    "component_labels",
    "edge_betweenness_csr",
    "edge_removal_curve",
    "induced",
    "neighbour_csr",
    "removal_curve",
    "row_ids",
    "tolerance_groups",
]
