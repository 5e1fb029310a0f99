"""The tuner's plot: f after the tuning budget against the learning rate, one curve per run, log axes.

f may be negative (the notes' function has its minimum at −16), so the plot shows the distance above a
floor, f − f* + δ: f* is the function's known minimum, or the lowest f any run reached where none is
known, and δ (a millionth of a millionth of max(1, |f*|)) keeps a run that reached f* exactly on the
log axis.  A run that diverged has no f: it is drawn as a × at the top of the plot in its colour.
Each run's best learning rate is a star; its current one a dashed vertical line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from core.functions import Objective

from .plot_style import plain_plot

__all__ = ["Floor", "TunerPlot", "floor_for"]


@dataclass(frozen=True)
class Floor:
    """What the y axis measures from: ``reference`` (f*), ``known`` (the function's own minimum or the lowest
    f found) and the offset δ."""

    reference: float
    known: bool
    offset: float

    def height(self, f: np.ndarray) -> np.ndarray:
        """f − f* + δ, never below δ (rounding can put f a hair under f*)."""
        return np.maximum(np.asarray(f, dtype=float) - self.reference, 0.0) + self.offset


def floor_for(function: Objective, results) -> Floor:
    """The floor for plotting ``results`` (SweepResults) of ``function``."""
    if function.minimum is not None:
        reference, known = float(function.minimum), True
    else:
        finite = [r.f[np.isfinite(r.score)] for r in results]
        values = np.concatenate(finite) if finite else np.array([])
        reference, known = (float(values.min()), False) if values.size else (0.0, False)
    return Floor(reference, known, 1e-12 * max(1.0, abs(reference)))


class TunerPlot(pg.PlotWidget):
    """``show_runs(tuned, function)`` draws each `gui.tuner.TunedRun`; ``clear_runs()`` empties it."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        plot = plain_plot(self, "tuner_plot", "", "")
        plot.setLogMode(x=True, y=True)
        plot.showGrid(x=True, y=True, alpha=0.15)
        # top left: small rates barely move f from where it starts, and divergence is at the top right
        self.legend = plot.addLegend(offset=(10, 10), labelTextColor="#222222", brush=(255, 255, 255, 210))
        self.floor: Floor | None = None
        self.retranslate()

    def retranslate(self) -> None:
        plot = self.getPlotItem()
        plot.setLabel("bottom", self.tr("learning rate η (log scale)"))
        plot.setLabel("left", self.tr("f − f* + δ (log scale)"))

    def clear_runs(self) -> None:
        plot = self.getPlotItem()
        for item in list(plot.items):
            plot.removeItem(item)
        self.legend.clear()

    def show_runs(self, tuned: list, function: Objective) -> None:
        self.clear_runs()
        if not tuned:
            return
        self.floor = floor_for(function, [t.result for t in tuned])
        heights = [self.floor.height(t.result.f) for t in tuned]
        finite = np.concatenate([h[np.isfinite(t.result.score)] for h, t in zip(heights, tuned, strict=True)])
        top = 10.0 * float(finite.max()) if finite.size else 1.0  # a decade above every finite point
        for t, height in zip(tuned, heights, strict=True):
            self._draw_run(t, height, top)

    def _draw_run(self, t, height: np.ndarray, top: float) -> None:
        plot, result, color = self.getPlotItem(), t.result, t.color
        ok = np.isfinite(result.score)
        curve = pg.PlotDataItem(result.lr, np.where(ok, height, np.nan), pen=pg.mkPen(color, width=2),
                                connect="finite", name=t.name)
        plot.addItem(curve)
        if (~ok).any():
            plot.addItem(pg.PlotDataItem(result.lr[~ok], np.full((~ok).sum(), top), pen=None, symbol="x",
                                         symbolSize=9, symbolPen=pg.mkPen(color, width=1.5), symbolBrush=color))
        if result.best >= 0:
            plot.addItem(pg.PlotDataItem([result.lr[result.best]], [height[result.best]], pen=None, symbol="star",
                                         symbolSize=18, symbolBrush=color, symbolPen=pg.mkPen("k", width=1)))
        line = pg.InfiniteLine(math.log10(t.lr_before), angle=90,  # an InfiniteLine is placed in log10 units
                               pen=pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine))
        plot.addItem(line, ignoreBounds=True)

    def caption(self) -> str:
        """What the axes and marks mean, for the line under the plot ("" before any sweep)."""
        floor = self.floor
        if floor is None:
            return ""
        where = self.tr("the known minimum") if floor.known else self.tr("the lowest f any run reached")
        return self.tr("Height: f after the budget, minus f* = {f:g} ({where}), plus δ = {d:.0e} so that f* itself "
                       "shows on the log axis. ★ each run's best η, dashed line its η now, × at the top: diverged."
                       ).format(f=floor.reference, where=where, d=floor.offset)
