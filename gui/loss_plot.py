"""f against step for every run, with a marker at the step on view; optionally on a log scale.

On the log scale the plot shows f − f*, the distance above the known minimum (f itself may be negative,
as the notes' function is); a function without a known minimum uses the lowest value any run reached.

Long runs: pyqtgraph is never handed a whole history.  A `PeakEnvelope` keeps, per run, the lowest and
highest f of each block of steps, at most `BLOCKS` blocks (blocks double in length when there would be
more), and takes in only the rows added since it last looked.  So a frame costs the same at step
1,000,000 as at step 1,000, and the plot holds a few thousand points per run instead of a copy of every
f.  Zoomed in on a stretch too short for the blocks to show its detail, the plot draws that stretch from
the rows themselves.
"""

from __future__ import annotations

import math
import weakref

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer

from .plot_style import plain_plot
from .session import RunEntry

__all__ = ["BLOCKS", "LossPlot", "PeakEnvelope"]

BLOCKS = 2048  # a couple of blocks per pixel column of a wide plot


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is at least ``value``."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


class PeakEnvelope:
    """The lowest and highest value of each block of ``block`` consecutive rows of one column.

    It relies on `core.history`'s promise: rows a reader was shown are never written again in the same
    block (a rewrite moves the history to a new block).  So while the column comes from the block it
    came from last time, only the new rows need looking at; from another block, it starts over.
    """

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.block, self.count = 1, 0
        self.low, self.high = np.empty(BLOCKS), np.empty(BLOCKS)
        self._source = None  # a weak reference to the block the rows were read from

    def update(self, column: np.ndarray) -> None:
        """Take in a column's rows (all of them, read-only: a history's view) not summarized yet."""
        source = column if column.base is None else column.base
        if self._source is None or self._source() is not source or len(column) < self.count * self.block:
            self.clear()
            self._source = weakref.ref(source)
        while len(column) // self.block > BLOCKS:
            self._coarsen()
        start = self.count * self.block
        full = (len(column) - start) // self.block
        if full:
            rows = column[start: start + full * self.block].reshape(full, self.block)
            self.low[self.count: self.count + full] = rows.min(axis=1)
            self.high[self.count: self.count + full] = rows.max(axis=1)
            self.count += full

    def _coarsen(self) -> None:
        """Blocks twice as long (an odd last block is dropped: its rows are read again)."""
        pairs = self.count // 2
        for values, pick in ((self.low, np.minimum), (self.high, np.maximum)):
            values[:pairs] = pick(values[0: 2 * pairs: 2], values[1: 2 * pairs: 2])
        self.count, self.block = pairs, self.block * 2

    def lowest(self, column: np.ndarray) -> float:
        tail = column[self.count * self.block:]
        return float(min(self.low[: self.count].min(initial=np.inf), tail.min(initial=np.inf)))

    def curve(self, column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Steps and values to draw: each block's lowest and highest value at its first step, then the
        rows after the last whole block as they are, and always the last row."""
        done = self.count * self.block
        rest = np.arange(min(done, len(column) - 1), len(column))
        x = np.concatenate([np.repeat(np.arange(self.count) * self.block, 2), rest]).astype(np.float64)
        y = np.empty(len(x))
        y[0: 2 * self.count: 2], y[1: 2 * self.count: 2] = self.low[: self.count], self.high[: self.count]
        y[2 * self.count:] = column[rest[0]:] if len(rest) else ()
        return x, y


def peaks(column: np.ndarray, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows first..last of a column, as they are or, if more than 2 x `BLOCKS`, as the lowest and highest
    value of each of `BLOCKS` stretches and then the last row (cost: the rows in the range only)."""
    rows = column[first: last + 1]
    if len(rows) <= 2 * BLOCKS:
        return np.arange(first, first + len(rows), dtype=np.float64), np.array(rows)
    starts = np.arange(0, len(rows), -(-len(rows) // BLOCKS))
    y = np.column_stack([np.minimum.reduceat(rows, starts), np.maximum.reduceat(rows, starts)]).ravel()
    x = np.repeat((first + starts).astype(np.float64), 2)
    return np.append(x, first + len(rows) - 1), np.append(y, rows[-1])


class LossPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        plot = plain_plot(self, "loss_plot", self.tr("step"), "f")
        # one point per pixel column, keeping the extremes ("peak"), only what is in view.  These are the
        # PlotItem's settings: addItem() hands them to every curve, overriding the curve's own
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        pen = pg.mkPen("#888888", width=1, style=Qt.PenStyle.DashLine)
        self.cursor = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        plot.addItem(self.cursor, ignoreBounds=True)
        self._curves: dict[int, pg.PlotDataItem] = {}
        self._envelopes: dict[int, PeakEnvelope] = {}
        self._drawn: dict[int, tuple] = {}
        self._last: tuple | None = None  # show_runs' arguments, to draw again when the user zooms
        self.log = False
        self.follow = True  # keep the x range on all steps until the user zooms or pans
        plot.getViewBox().sigRangeChangedManually.connect(self._manual)
        self._zoom = QTimer(self)  # a zoom or pan may need more detail: redraw once it has settled
        self._zoom.setSingleShot(True)
        self._zoom.setInterval(50)
        self._zoom.timeout.connect(self._zoomed)
        plot.getViewBox().sigXRangeChanged.connect(lambda *_: None if self.follow else self._zoom.start())

    def _manual(self, *_args) -> None:
        self.follow = False

    def _zoomed(self) -> None:
        if self._last is not None and not self.follow:
            self.show_runs(*self._last)

    def set_log(self, log: bool) -> None:
        self.log = log
        self.getPlotItem().setLogMode(y=log)
        self.getPlotItem().setLabel("left", self.tr("f − f*  (log scale)") if log else "f")

    def retranslate(self) -> None:
        self.getPlotItem().setLabel("bottom", self.tr("step"))
        self.set_log(self.log)

    def show_runs(self, entries: list[RunEntry], step: int | None, minimum: float | None) -> None:
        """Draw f for every run, and the marker at ``step`` (None: the newest)."""
        self._last = (entries, step, minimum)
        self._forget_removed(entries)
        shown = [e for e in entries if e.visible and e.history is not None and len(e.history)]
        for entry in shown:
            self._envelopes.setdefault(entry.run_id, PeakEnvelope()).update(entry.history.column("f"))
        floor = minimum
        if self.log and floor is None and shown:
            floor = min(self._envelopes[e.run_id].lowest(e.history.column("f")) for e in shown)
        span = self._span()
        for entry in entries:
            curve = self._curve(entry.run_id)
            curve.setVisible(entry in shown)
            key = (entry.generation, entry.revision, entry.color, self.log, floor, span)
            if entry in shown and self._drawn.get(entry.run_id) != key:
                self._drawn[entry.run_id] = key
                curve.setPen(pg.mkPen(entry.color, width=1))  # (wider antialiased lines cost 20 times more)
                curve.setData(*self._points(entry, floor, span))
        self._follow(max((e.step for e in shown), default=0), step)

    def _forget_removed(self, entries: list[RunEntry]) -> None:
        ids = {e.run_id for e in entries}
        for run_id in [i for i in self._curves if i not in ids]:
            self.getPlotItem().removeItem(self._curves.pop(run_id))
            self._drawn.pop(run_id, None)
            self._envelopes.pop(run_id, None)

    def _curve(self, run_id: int) -> pg.PlotDataItem:
        curve = self._curves.get(run_id)
        if curve is None:
            curve = self._curves[run_id] = pg.PlotDataItem(skipFiniteCheck=True)
            self.getPlotItem().addItem(curve)
        return curve

    def _span(self) -> tuple[int, int] | None:
        """The steps in view when the user has zoomed or panned (None while following every step)."""
        if self.follow:
            return None
        x0, x1 = self.getPlotItem().getViewBox().viewRange()[0]
        return max(math.floor(x0), 0), max(math.ceil(x1), 0)

    def _points(self, entry: RunEntry, floor: float | None, span) -> tuple[np.ndarray, np.ndarray]:
        f = entry.history.column("f")
        envelope = self._envelopes[entry.run_id]
        if span is not None and span[1] - span[0] < BLOCKS // 2 * envelope.block:  # the blocks are too coarse
            x, y = peaks(f, span[0], min(span[1], len(f) - 1))
        else:
            x, y = envelope.curve(f)
        if self.log:
            gap = y - floor
            positive = gap[gap > 0]
            y = np.maximum(gap, positive.min() / 10 if positive.size else 1e-16)
        return x, y

    def _follow(self, newest: int, step: int | None) -> None:
        plot = self.getPlotItem()
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
            # the step axis is _follow's alone: auto-ranged, a lone step 0 was centred at -5 to 5
            self.getPlotItem().enableAutoRange(x=False, y=True)
