"""Contour maps computed away from the window's thread.

A `ContourJob` evaluates the function on a grid with the core's vectorized code, chooses levels with
`core.levels.contour_levels`, traces the lines with contourpy (matplotlib's contour engine, far faster
than pyqtgraph's IsocurveItem) and packs them into one QPainterPath, all in a QThreadPool thread.  The
window gets the finished `ContourMap` through a queued signal and only swaps it in; a newer request makes
older results stale, and they are dropped on arrival.
"""

from __future__ import annotations

from dataclasses import dataclass

import contourpy
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QPainterPath

from core.functions import Objective
from core.levels import Levels, contour_levels

__all__ = ["ContourJob", "ContourMap", "ContourService", "compute_contours", "contour_path"]


@dataclass(frozen=True)
class ContourMap:
    """A function drawn over a box: the shaded grid, the levels, and every contour line in one path."""

    serial: int
    function: str
    box: tuple[float, float, float, float]
    shade: np.ndarray  # (rows = y, columns = x): what the colour map shows
    levels: Levels
    path: QPainterPath


def contour_path(x: np.ndarray, y: np.ndarray, z: np.ndarray, levels: np.ndarray) -> QPainterPath:
    """All contour lines of ``z`` at ``levels`` as one QPainterPath (separate lines are not joined)."""
    generator = contourpy.contour_generator(x, y, z, name="serial",
                                            line_type=contourpy.LineType.ChunkCombinedOffset)
    points, connect = [], []
    for level in levels:
        chunk_points, chunk_offsets = generator.lines(float(level))
        for pts, offsets in zip(chunk_points, chunk_offsets, strict=True):
            if pts is None or len(pts) == 0:
                continue
            joined = np.ones(len(pts), dtype=np.int32)
            joined[offsets[1:] - 1] = 0  # no segment from the end of one line to the start of the next
            points.append(pts)
            connect.append(joined)
    if not points:
        return QPainterPath()
    xy = np.concatenate(points)
    return pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=np.concatenate(connect), finiteCheck=False)


def compute_contours(function: Objective, box, resolution: int = 300, count: int = 25, serial: int = 0) \
        -> ContourMap:
    """Evaluate, choose levels and trace lines for ``function`` over ``box`` = (x0, x1, y0, y1)."""
    x0, x1, y0, y1 = box
    x = np.linspace(x0, x1, resolution)
    y = np.linspace(y0, y1, resolution)
    grid_x, grid_y = np.meshgrid(x, y)
    with np.errstate(all="ignore"):
        z = np.asarray(function.f(grid_x, grid_y), dtype=np.float64)
    levels = contour_levels(z, count)
    masked = np.ma.masked_invalid(z) if not np.isfinite(z).all() else z
    path = contour_path(x, y, masked, levels.values)
    with np.errstate(all="ignore"):
        shade = levels.shade(z)
    return ContourMap(serial, function.name, tuple(box), shade, levels, path)


class _Signals(QObject):
    finished = Signal(object)  # ContourMap


class ContourJob(QRunnable):
    def __init__(self, signals: _Signals, function: Objective, box, resolution: int, count: int, serial: int):
        super().__init__()
        self._signals, self._args = signals, (function, box, resolution, count, serial)
        self.setAutoDelete(True)

    def run(self):
        self._signals.finished.emit(compute_contours(*self._args))


class ContourService(QObject):
    """Hands contour requests to the thread pool and passes on only the newest result."""

    ready = Signal(object)  # ContourMap

    def __init__(self, parent: QObject | None = None, resolution: int = 300, count: int = 25):
        super().__init__(parent)
        self.resolution, self.count = resolution, count
        # no parent: a job still running when the window closes keeps its signals alive (Python owns them)
        # and emits into nothing, instead of into a deleted object; the connection dies with this service
        self._signals = _Signals()
        # finished is emitted in a pool thread; the slot runs here, in the window's thread
        self._signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._serial = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def request(self, function: Objective, box) -> int:
        self._serial += 1
        self._pool.start(ContourJob(self._signals, function, box, self.resolution, self.count, self._serial))
        return self._serial

    @Slot(object)
    def _finished(self, result: ContourMap) -> None:
        if result.serial == self._serial:
            self.ready.emit(result)

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for queued jobs (used when closing, and by tests)."""
        return self._pool.waitForDone(msecs)
