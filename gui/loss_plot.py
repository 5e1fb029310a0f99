"""f against step for every run, with a marker at the step on view; optionally on a log scale.

On the log scale the plot shows f − f*, the distance above the known minimum (f itself may be negative,
as the notes' function is); a function without a known minimum uses the lowest value any run reached.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from .plot_style import plain_plot
from .session import RunEntry

__all__ = ["LossPlot"]


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is at least ``value``."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


class LossPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        plot = plain_plot(self, "loss_plot", "step", "f")
        # long runs: one point per pixel column, keeping the extremes ("peak"), only what is in view.  These
        # are the PlotItem's settings: addItem() hands them to every curve, overriding the curve's own
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        pen = pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine)
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        plot.addItem(self.cursor, ignoreBounds=True)
        self._curves: dict[int, pg.PlotDataItem] = {}
        self._drawn: dict[int, tuple] = {}
        self.log = False
        self.follow = True  # keep the x range on all steps until the user zooms or pans
        plot.getViewBox().sigRangeChangedManually.connect(self._manual)

    def _manual(self, *_args) -> None:
        self.follow = False

    def set_log(self, log: bool) -> None:
        self.log = log
        self.getPlotItem().setLogMode(y=log)
        self.getPlotItem().setLabel("left", "f − f*  (log scale)" if log else "f")

    def show_runs(self, entries: list[RunEntry], step: int | None, minimum: float | None) -> None:
        """Draw f for every run, and the marker at ``step`` (None: the newest)."""
        plot = self.getPlotItem()
        for run_id in list(self._curves):
            if run_id not in {e.run_id for e in entries}:
                plot.removeItem(self._curves.pop(run_id))
                self._drawn.pop(run_id, None)
        shown = [e for e in entries if e.visible and e.history is not None and len(e.history)]
        floor = minimum
        if self.log and floor is None and shown:
            floor = min(float(np.min(e.history.column("f"))) for e in shown)
        for entry in entries:
            curve = self._curves.get(entry.run_id)
            if curve is None:
                curve = self._curves[entry.run_id] = pg.PlotDataItem(skipFiniteCheck=True)
                plot.addItem(curve)
            curve.setVisible(entry in shown)
            key = (entry.generation, entry.revision, entry.color, self.log, floor)
            if entry not in shown or self._drawn.get(entry.run_id) == key:
                continue
            self._drawn[entry.run_id] = key
            curve.setPen(pg.mkPen(entry.color, width=1))  # (wider antialiased lines cost 20 times more to draw)
            f = np.array(entry.history.column("f"))
            if self.log:
                gap = f - floor
                positive = gap[gap > 0]
                tiny = positive.min() / 10 if positive.size else 1e-16
                f = np.maximum(gap, tiny)
            curve.setData(np.arange(len(f)), f)
        newest = max((e.step for e in shown), default=0)
        if self.follow:
            # steps 0..newest, at least ten wide so that the first steps do not fill the whole axis, and
            # widened in steps of 1, 2, 5 x 10^k so that the axis is not re-ticked at every frame
            width = _nice_ceiling(max(newest, 10))
            if plot.getViewBox().viewRange()[0] != [0 - 0.02 * width, width * 1.02]:
                plot.setXRange(0, width, padding=0.02)
            plot.enableAutoRange(y=True)
        self.cursor.setValue(newest if step is None else step)

    def refollow(self, reset: bool = False) -> None:
        """Go back to showing every step (after the user zoomed or panned); with ``reset`` (new runs) the
        value axis forgets the range of the runs drawn before, too."""
        self.follow = True
        if reset:
            self.getPlotItem().enableAutoRange(x=True, y=True)
