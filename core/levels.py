"""Where to draw contour lines: evenly spaced, or spaced by powers when the values span decades.

A function like Rosenbrock or Goldstein–Price rises by orders of magnitude from its basin to the edge
of the view; evenly spaced levels would crowd into the steep rim and leave the basin, where the
optimizers actually move, without a single line.  Such grids get levels spaced evenly in
log(f − f_min) instead.
"""

from __future__ import annotations

import numpy as np

__all__ = ["Levels", "contour_levels"]


class Levels:
    """Contour levels for a grid of values.

    values: the levels, increasing; log: whether they are spaced evenly in log(f − base);
    base and offset: the colour map shows log10(f − base + offset) when log is set, f otherwise.
    """

    __slots__ = ("base", "log", "offset", "values")

    def __init__(self, values: np.ndarray, log: bool, base: float, offset: float):
        self.values, self.log, self.base, self.offset = values, log, base, offset

    def shade(self, z: np.ndarray) -> np.ndarray:
        """The quantity to colour by: f itself, or its log distance above the minimum."""
        if not self.log:
            return z
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.log10(np.maximum(z - self.base, 0.0) + self.offset)


def contour_levels(z: np.ndarray, count: int = 25) -> Levels:
    """Choose ``count`` levels for the grid ``z`` (non-finite cells are ignored).

    Log spacing is used when more than half of the grid lies in the lowest tenth of its range.
    """
    finite = np.asarray(z, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return Levels(np.array([0.0]), False, 0.0, 1.0)
    low, high = float(finite.min()), float(finite.max())
    span = high - low
    if not span > 0:
        return Levels(np.array([low]), False, low, 1.0)
    if np.mean(finite < low + 0.1 * span) > 0.5:
        lowest = max(float(np.quantile(finite - low, 0.002)), span * 1e-7)
        gaps = np.geomspace(lowest, span, count + 1)[:-1]
        return Levels(low + gaps, True, low, lowest)
    return Levels(np.linspace(low, high, count + 2)[1:-1], False, low, 1.0)
