"""Figures for criminal network analysis (matplotlib, headless-safe).

Every function draws on the matplotlib ``Axes`` it is given (or on a new figure when
``ax=None``) and returns that ``Axes``; nothing calls ``plt.show()``, so the functions work
unchanged under the non-interactive ``Agg`` backend, in scripts, in tests and in notebooks.
matplotlib is imported inside the functions: ``import netcrime`` never imports it.

Colours are **fixed per category**, so the same role has the same colour in every figure of a
lecture or a report:

* roles (node attribute ``role``): :data:`ROLE_COLORS` (leaders red, coordinators orange,
  cell leaders/handlers purple, recruiters blue, transporters cyan, harbourers brown,
  exploiters pink, advertisers green, financiers gold, victims light grey, ...);
* trafficking stages (``stage``): :data:`STAGE_COLORS`, in the order of the Palermo
  Protocol (recruitment → transportation → harbouring → transfer → receipt → exploitation),
  then advertising and finance;
* kinds of node (``kind``): :data:`KIND_COLORS`;
* Gould–Fernandez brokerage roles: :data:`BROKERAGE_COLORS`;
* any other category (``group``, ``cell``, ``tier``, an unknown role ...) gets a colour from
  :data:`FALLBACK_COLORS` chosen by a checksum of its text, so it is also stable between
  figures (two unknown categories may share a colour).

Layouts: :func:`wheel_layout` (Kenney's wheel: the core in the middle, cells on a circle
around it, workers around their cell leader) and :func:`chain_layout` (stages left to right,
groups stacked); other graphs use a seeded spring layout from networkx.

The figures accept netcrime's own results: :func:`plot_removal_curves` an
:class:`~netcrime.disruption.AttackResult`, a list or dict of them, or the frame of
:func:`~netcrime.disruption.compare_strategies`; :func:`plot_brokerage_profile` a
:class:`~netcrime.brokerage.GouldFernandezResult`.

The package has three modules: :mod:`~netcrime.plot.palettes` (the colours),
:mod:`~netcrime.plot.layouts` (node positions) and :mod:`~netcrime.plot.figures` (the
drawing functions); every public name is available as ``netcrime.plot.<name>``.
Two-mode data: :func:`twomode_layout` and :func:`draw_twomode` (module
:mod:`~netcrime.plot.twomode`) put the actors in one column and the events in the other.

Time (issue 11): :mod:`~netcrime.plot.temporal` draws the tables of :mod:`netcrime.temporal`:
:func:`plot_trajectories` (one line per node, event markers for a seizure or an arrest) and
:func:`plot_turnover` (bars of nodes persisted / entered / left, tie Jaccard as a line).
"""

from .figures import draw_network, plot_brokerage_profile, plot_profiles, plot_removal_curves
from .layouts import chain_layout, wheel_layout
from .observation import plot_sensitivity
from .online import plot_block_vs_raid, plot_linked_operations
from .palettes import (
    BROKERAGE_COLORS,
    FALLBACK_COLORS,
    KIND_COLORS,
    ROLE_COLORS,
    STAGE_COLORS,
    STAGE_ORDER,
    STRATEGY_COLORS,
    category_color,
)
from .temporal import plot_trajectories, plot_turnover
from .twomode import draw_twomode, twomode_layout

__all__ = [
    "BROKERAGE_COLORS",
    "FALLBACK_COLORS",
    "KIND_COLORS",
    "ROLE_COLORS",
    "STAGE_COLORS",
    "STAGE_ORDER",
    "STRATEGY_COLORS",
    "category_color",
    "chain_layout",
    "draw_network",
    "draw_twomode",
    "plot_block_vs_raid",
    "plot_brokerage_profile",
    "plot_linked_operations",
    "plot_profiles",
    "plot_removal_curves",
    "plot_sensitivity",
    "plot_trajectories",
    "plot_turnover",
    "twomode_layout",
    "wheel_layout",
]
