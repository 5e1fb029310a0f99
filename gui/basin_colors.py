"""The basin map's colours: a `core.basin.BasinResult` as an RGBA image, and the legend that reads it.

By minimum: each known minimum its own colour (Dark2, a qualitative scheme that stays apart under the
translucency and over the blue-to-cream colour map), a start that reached none a pale wash, a start that
diverged near-black.  By final f: viridis over log10(f − f* + δ) between the lowest and highest final f
(f* as in `gui.tuner_plot.Floor`: the known minimum or the lowest f), diverged near-black again.  Every
pixel carries `ALPHA`, so the function's colour map and contour lines show through.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from core.basin import BasinResult
from core.batch import DIVERGED

__all__ = ["ALPHA", "BY_FINAL_F", "BY_MINIMUM", "DIVERGED_COLOR", "MINIMUM_COLORS", "NO_MINIMUM_COLOR",
           "basin_image", "legend_entries"]

BY_MINIMUM, BY_FINAL_F = "minimum", "final f"
ALPHA = 150  # of 255: the map tints what is under it rather than hiding it
MINIMUM_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")
NO_MINIMUM_COLOR = "#ffffff"
DIVERGED_COLOR = "#111111"


def _rgba(color: str) -> np.ndarray:
    c = pg.mkColor(color)
    return np.array([c.red(), c.green(), c.blue(), ALPHA], dtype=np.uint8)


def minimum_color(index: int) -> str:
    """The colour of known minimum number ``index`` (the scheme repeats past its seven colours)."""
    return MINIMUM_COLORS[index % len(MINIMUM_COLORS)]


def _log_heights(result: BasinResult) -> np.ndarray:
    """log10(f − f* + δ) per start, NaN where it diverged."""
    ok = (result.stop != DIVERGED) & np.isfinite(result.f)
    reference = result.function.minimum
    if reference is None:
        reference = float(result.f[ok].min()) if ok.any() else 0.0
    offset = 1e-12 * max(1.0, abs(reference))
    with np.errstate(all="ignore"):
        heights = np.log10(np.maximum(result.f - reference, 0.0) + offset)
    return np.where(ok, heights, np.nan)


def basin_image(result: BasinResult, mode: str) -> np.ndarray:
    """(grid, grid, 4) uint8 RGBA, row i at ``result.ys[i]``, column j at ``result.xs[j]``."""
    image = np.empty((*result.minimum.shape, 4), dtype=np.uint8)
    if mode == BY_MINIMUM:
        image[...] = _rgba(NO_MINIMUM_COLOR)
        for index in range(len(result.minima)):
            image[result.minimum == index] = _rgba(minimum_color(index))
    else:
        heights = _log_heights(result)
        finite = heights[np.isfinite(heights)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        lut = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False)
        scaled = np.nan_to_num((heights - low) / max(high - low, 1e-300), nan=0.0)
        image[..., :3] = lut[np.clip((scaled * 255).astype(int), 0, 255)]
        image[..., 3] = ALPHA
    image[result.stop == DIVERGED] = _rgba(DIVERGED_COLOR)
    return image


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # marked with _t: see tools/i18n_gui.py


def legend_entries(result: BasinResult, mode: str) -> list[tuple[str, str]]:
    """(colour, text) for each colour the image uses, in order, in the window's language."""
    if mode == BY_MINIMUM:
        entries = [(minimum_color(i), _t("minimum {i}: ({x:.4g}, {y:.4g})").format(i=i, x=x, y=y))
                   for i, (x, y) in enumerate(result.minima)]
        entries.append((NO_MINIMUM_COLOR, _t("no known minimum reached")))
    else:
        heights = _log_heights(result)
        finite = heights[np.isfinite(heights)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        lut = pg.colormap.get("viridis").getLookupTable(nPts=5, alpha=False)
        entries = [(pg.mkColor(*lut[i]).name(), _t("f − f* ≈ {v:.2g}").format(v=10 ** (low + (high - low) * i / 4)))
                   for i in range(5)]
    entries.append((DIVERGED_COLOR, _t("diverged")))
    return entries
