"""A sphinx-gallery image scraper for netcrime's examples.

The examples save their figures to files (in ``$NETCRIME_EXAMPLES_OUT``) and close them, so
sphinx-gallery's matplotlib scraper, which takes the figures still open, finds none. This
scraper takes the PNG files the example wrote since the last code block -- under
``$NETCRIME_EXAMPLES_OUT`` (where conf.py also points :mod:`tempfile`) or under
``./example-output`` of the working directory -- and falls back to the open matplotlib
figures when there are none.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from sphinx_gallery.scrapers import figure_rst, matplotlib_scraper

_START = time.time()  # files older than this build are leftovers of earlier runs
_SEEN: dict[Path, float] = {}


def _new_pngs() -> list[Path]:
    roots = [Path(os.environ["NETCRIME_EXAMPLES_OUT"]), Path.cwd() / "example-output"]
    new = []
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.png")):
            path = path.resolve()
            mtime = path.stat().st_mtime
            if mtime >= _START and _SEEN.get(path) != mtime:
                _SEEN[path] = mtime
                new.append(path)
    return new


def example_output_scraper(block, block_vars, gallery_conf):
    """Copy the figures the example wrote since the last call; return their rST."""
    new = _new_pngs()
    if not new:
        return matplotlib_scraper(block, block_vars, gallery_conf)
    import matplotlib.pyplot as plt

    plt.close("all")
    images = []
    for path, target in zip(new, block_vars["image_path_iterator"]):
        shutil.copyfile(path, target)
        images.append(target)
    return figure_rst(images, gallery_conf["src_dir"])
