"""Does group detection find the real groups? The table of docs/groups.md.

Recovery (adjusted Rand index against the generator's ground truth) of Leiden groups in the
member network (:func:`netcrime.generators.members`) of generated trafficking networks:

* online chains: truth = the core group (node attribute ``group``), across ``cross_group_p``;
* traditional wheels: truth = the cell (attribute ``cell``; the leaders, cell -1, form the
  core), across ``anonymity``;
* hybrid chains of wheels: truth = the wheel (``group``), across ``anonymity`` and
  ``cross_group_p``;

each under observation error: every tie is missed independently with probability ``miss``
(a simple tie-deletion loop written here; switch to ``netcrime.observation.observe`` once
that module is merged). ``SEEDS`` networks per row; mean and standard deviation of the ARI.

Run: ``python docs/scripts/group_recovery.py`` (rewrites the table in docs/groups.md and
docs/groups_recovery.csv; about a minute).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

import netcrime as nc

N = 600
SEEDS = (1, 2, 3, 4, 5)
MISS = (0.0, 0.2, 0.4)
#: (kind, truth attribute, varied parameter, values, Leiden resolutions): the default
#: resolution 1 and one suited to the size of the true groups (small cells: higher; a few
#: large wheels: lower)
SWEEPS = (
    ("online", "group", "cross_group_p", (0.0, 0.05, 0.2, 0.5), (1.0,)),
    ("traditional", "cell", "anonymity", (0.2, 0.5, 0.8, 1.0), (1.0, 10.0)),
    ("hybrid", "group", "anonymity", (0.2, 0.8), (1.0, 0.1)),
    ("hybrid", "group", "cross_group_p", (0.05, 0.5), (1.0, 0.1)),
)
HERE = Path(__file__).resolve().parent
DOC = HERE.parent / "groups.md"
CSV = HERE.parent / "groups_recovery.csv"


def miss_ties(g: nc.Graph, miss: float, rng: np.random.Generator) -> nc.Graph:
    """Observation error: every tie missed independently with probability ``miss``
    (:func:`netcrime.observation.observe` with ``tie_missing=miss``)."""
    if miss <= 0:
        return g
    return nc.observation.observe(g, tie_missing=miss, rng=rng).graph


def recovery(kind: str, truth: str, param: str, value: float, resolution: float,
             miss: float, seed: int) -> float:
    """ARI of Leiden groups of one network against its ground truth."""
    g = nc.generators.trafficking_network(n=N, kind=kind, rng=seed, **{param: value})
    m = nc.generators.members(g)
    m = miss_ties(m, miss, np.random.default_rng(seed + 1000))
    found = nc.groups.detect(m, method="leiden", resolution=resolution, rng=seed)
    true = m.node_attrs[truth].set_axis(m.nodes)
    return nc.groups.compare(found, true)["ari"]


def row(kind: str, truth: str, param: str, value: float, resolution: float,
        miss: float) -> dict:
    aris = [recovery(kind, truth, param, value, resolution, miss, s) for s in SEEDS]
    return {"kind": kind, "truth": truth, "parameter": param, "value": value,
            "resolution": resolution, "miss": miss,
            "ari_mean": round(float(np.mean(aris)), 3),
            "ari_sd": round(float(np.std(aris, ddof=1)), 3)}


def table() -> pd.DataFrame:
    rows = [row(kind, truth, param, v, res, miss)
            for kind, truth, param, values, resolutions in SWEEPS for res in resolutions
            for v in values for miss in MISS]
    return pd.DataFrame(rows)


def markdown(df: pd.DataFrame) -> str:
    lines = ["| network (truth) | resolution | parameter | value | "
             + " | ".join(f"ARI, {m:.0%} ties missed" for m in MISS) + " |",
             "|---|---|---|---|" + "---|" * len(MISS)]
    for (kind, truth, res, param, value), part in df.groupby(
            ["kind", "truth", "resolution", "parameter", "value"], sort=False):
        cells = [f"{r.ari_mean:.3f} ± {r.ari_sd:.3f}" for r in part.itertuples()]
        lines.append(f"| {kind} ({truth}) | {res:g} | `{param}` | {value:g} | "
                     + " | ".join(cells) + " |")
    return "\n".join(lines)


#: Linkage table: phones per online person (churn) x shared-phone probability.
CHURN = (1.0, 2.0, 4.0)
SHARED = (0.0, 0.3)


def linkage_row(phones: float, shared: float) -> dict:
    """Mean pairwise precision, recall and ARI of link_traces on online networks."""
    scores = []
    for seed in SEEDS:
        g = nc.generators.trafficking_network(n=N, kind="online", phones_per_person=phones,
                                              shared_phone_p=shared, rng=seed)
        scores.append(nc.online.evaluate_linkage(nc.online.link_traces(g), g))
    return {"phones_per_person": phones, "shared_phone_p": shared,
            **{k: round(float(np.mean([s[k] for s in scores])), 3)
               for k in ("precision", "recall", "ari", "n_found", "n_true")}}


def linkage_markdown(df: pd.DataFrame) -> str:
    lines = ["| `phones_per_person` | `shared_phone_p` | precision | recall | ARI | "
             "operations found | true groups |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r.phones_per_person:g} | {r.shared_phone_p:g} | {r.precision:.3f} | "
              f"{r.recall:.3f} | {r.ari:.3f} | {r.n_found:.1f} | {r.n_true:.1f} |"
              for r in df.itertuples()]
    return "\n".join(lines)


def _put(text: str, name: str, md: str) -> str:
    return re.sub(rf"(<!-- {name}:start -->).*?(<!-- {name}:end -->)",
                  lambda m: m.group(1) + "\n" + md + "\n" + m.group(2), text, flags=re.S)


def main() -> None:
    df = table()
    df.to_csv(CSV, index=False)
    md = markdown(df)
    lk = pd.DataFrame([linkage_row(p, s) for p in CHURN for s in SHARED])
    text = DOC.read_text(encoding="utf-8")
    text = _put(_put(text, "table", md), "linkage", linkage_markdown(lk))
    DOC.write_text(text, encoding="utf-8")
    print(md)
    print(linkage_markdown(lk))


if __name__ == "__main__":
    main()
