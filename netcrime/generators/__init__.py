"""Generators of criminal network forms and synthetic trafficking networks.

Every generator takes ``rng=``, validates its parameters, is vectorised (no Python loop per
node), and returns a :class:`~netcrime.graph.Graph` whose ``node_attrs``/``edge_attrs`` carry
the ground truth. The attribute schema and the missing-value rule are documented in
:mod:`netcrime.generators.forms`.

Vocabularies (public constants): :data:`STAGES` (default stage order), :data:`ONLINE_STAGES`,
:data:`STAGE_ROLES`, :data:`ROLES`, :data:`KINDS`, :data:`RELATIONS`, :data:`CHANNELS`,
:data:`METHODS`.
"""

from ._parts import (
    CHANNELS,
    KINDS,
    METHODS,
    ONLINE_STAGES,
    RELATIONS,
    ROLE_TABLE,
    ROLES,
    STAGE_ROLES,
    STAGES,
)
from .calls import call_record_chunks, call_records
from .forms import (
    cellular,
    chain_of_wheels,
    kenney_chain,
    kenney_wheel,
    netwar,
    reinforced_ring,
    wheel_graph,
    wheel_of_chains,
    windmill,
)
from .layers import members, organisation
from .trafficking import trafficking_network

__all__ = [
    "CHANNELS",
    "KINDS",
    "METHODS",
    "ONLINE_STAGES",
    "RELATIONS",
    "ROLES",
    "ROLE_TABLE",
    "STAGES",
    "STAGE_ROLES",
    "call_record_chunks",
    "call_records",
    "cellular",
    "chain_of_wheels",
    "kenney_chain",
    "kenney_wheel",
    "members",
    "netwar",
    "organisation",
    "reinforced_ring",
    "trafficking_network",
    "wheel_graph",
    "wheel_of_chains",
    "windmill",
]
