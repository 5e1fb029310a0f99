"""The contour plot: the function's colour map and contour lines, minima, and every run's trajectory.

Each run is a line with a dot per iterate (dots are dropped beyond `DOT_LIMIT` points, where they would
only merge into the line), a hollow square at its start and a large dot at its current point.  A long
line is drawn through few points that stay within a pixel of every step (`gui.polyline`), and
drawn again for the new view after a zoom, pan or resize.  For the
selected run, optional arrows show the negative gradient (its direction: lengths vary over many decades)
and the step about to be taken (to scale).  The contours are recomputed in the background when the
function or the visible box changes; pan and zoom with the mouse, click to move the selected start.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from core.functions import Objective

from .contours import ContourMap, ContourService
from .plot_style import plain_plot
from .polyline import Screen, Trail
from .session import RunEntry

__all__ = ["DOT_LIMIT", "Arrow", "ContourView"]

DOT_LIMIT = 400  # beyond this the dots merge into the line anyway, and each one costs drawing time
#: After a zoom, pan or resize, the trajectories are drawn again for the new view this long after the
#: last change (ms), in slices of this long (s) between which the window goes on drawing and responding.
REDRAW_DELAY = 120
REBUILD_SLICE = 0.008
REBUILD_PIECE = 1 << 15  # rows snapped in one piece of such a slice (a few milliseconds)
SIMPLIFY_PIECE = 8  # blocks of gui.polyline.BLOCK segments simplified in one piece
# Low values a clear blue, high values a pale cream: light enough that every colour of the run palette
# (and the dark contour lines) stands out on it, with the basin still obvious at a glance.
SHADES = ((0.0, "#6fa8d6"), (0.35, "#cfe1f0"), (0.7, "#f4f1ea"), (1.0, "#fbe9d0"))


def _colormap_lut() -> np.ndarray:
    positions, colors = zip(*SHADES, strict=True)
    cmap = pg.ColorMap(np.array(positions), [pg.mkColor(c) for c in colors])
    return cmap.getLookupTable(nPts=256, alpha=False)


class Arrow(pg.GraphicsObject):
    """An arrow between two points in data coordinates, drawn in screen pixels (undistorted head)."""

    def __init__(self, color: str, width: float = 2.0, dash: bool = False):
        super().__init__()
        self._start = self._end = None
        pen = QPen(QColor(color), width)
        pen.setCosmetic(True)
        if dash:
            pen.setStyle(Qt.PenStyle.DashLine)
        self._pen = pen
        self._brush = QBrush(QColor(color))
        self.setZValue(30)

    def set_width(self, width: float) -> None:
        self._pen.setWidthF(width)
        self.update()

    def set_points(self, start, end) -> None:
        self.prepareGeometryChange()
        self._start, self._end = start, end
        self.setVisible(start is not None and end is not None)
        self.update()

    def viewTransformChanged(self):
        self.prepareGeometryChange()

    def boundingRect(self):
        if self._start is None or self._end is None:
            return QRectF()
        (x0, y0), (x1, y1) = self._start, self._end
        px = (self.pixelWidth() or 0.0) * 14
        py = (self.pixelHeight() or 0.0) * 14
        return QRectF(min(x0, x1) - px, min(y0, y1) - py, abs(x1 - x0) + 2 * px, abs(y1 - y0) + 2 * py)

    def paint(self, painter: QPainter, *_args):
        if self._start is None or self._end is None:
            return
        transform = painter.transform()  # item to device coordinates, as set up for this paint
        a = transform.map(QPointF(*self._start))
        b = transform.map(QPointF(*self._end))
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        if length < 1:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        ux, uy = dx / length, dy / length
        head = min(12.0, length * 0.6)
        base = QPointF(b.x() - ux * head, b.y() - uy * head)
        painter.drawLine(a, base)
        painter.setBrush(self._brush)
        wing = head * 0.45
        painter.drawPolygon(QPolygonF([b, QPointF(base.x() - uy * wing, base.y() + ux * wing),
                                       QPointF(base.x() + uy * wing, base.y() - ux * wing)]))
        painter.restore()


def _marker(shape, size: float, z: int):
    """A marker of fixed pixel size at a data point: moving it is one setPos, not a scatter plot update."""
    item = shape(-size / 2, -size / 2, size, size)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setZValue(z)
    return item


def _first_changed_update(before, after) -> int | None:
    """The first update whose settings differ between two `RunEntry.segments` records (None: none).

    A run's rows change only by being dropped from some step on and made again; made again with the
    settings they were made with, they come out the same.  So rows that changed begin at an update whose
    settings changed: the first of a record in one list and not in the other, or later.
    """
    differ = [first for first, optimizer in before if (first, optimizer) not in after]
    differ += [first for first, optimizer in after if (first, optimizer) not in before]
    return min(differ, default=None)


class _RunItems:
    """The graphics of one run on the contour plot.

    The line is a `Trail` for the view's current `Screen`; after a zoom, pan or resize, a second Trail
    for the new screen is built in pieces (`work_piece`) and replaces it once it has caught up.
    """

    def __init__(self, plot: pg.PlotItem, color: str, screen: Screen):
        self.line = pg.PlotDataItem(pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                    symbolBrush=color, symbolPen=None, skipFiniteCheck=True)
        self.line.setZValue(20)
        self.start = _marker(QGraphicsRectItem, 11, 21)
        self.current = _marker(QGraphicsEllipseItem, 15, 22)
        self.selected_current = _marker(QGraphicsEllipseItem, 19, 22)
        plot.addItem(self.line)
        for item in (self.start, self.current, self.selected_current):
            plot.addItem(item, ignoreBounds=True)
        self.color = None
        self.recolor(color)
        self.drawn = None  # what show() last drew, to skip redrawing an unchanged run
        self.trail, self.pending = Trail(screen), None
        self.entry: RunEntry | None = None
        self.source = None  # (generation, segments) of the rows both trails hold
        self.last = 0

    width, marker = 2.0, 1.0  # line width and marker scale: thicker and bigger in presentation mode

    def restyle(self, width: float, marker: float) -> None:
        """Line width in pixels and marker scale (presentation mode draws both larger)."""
        self.width, self.marker = width, marker
        for item, size in ((self.start, 11), (self.current, 15), (self.selected_current, 19)):
            item.setRect(-size * marker / 2, -size * marker / 2, size * marker, size * marker)
        self.line.setSymbolSize(5 * marker)
        color, self.color = self.color, None
        self.recolor(color)

    def recolor(self, color: str) -> None:
        if color == self.color:
            return
        self.color = color
        self.line.setPen(pg.mkPen(color, width=self.width))
        self.line.setSymbolBrush(color)
        outline = QPen(QColor(color), 2.5 * self.marker)
        self.start.setPen(outline)
        self.start.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        for dot in (self.current, self.selected_current):
            dot.setPen(QPen(QColor("black"), 1.5))
            dot.setBrush(QBrush(QColor(color)))

    def show(self, entry: RunEntry, last: int, emphasise: bool) -> None:
        """Draw steps 0..last of the run (unless exactly that is on screen already)."""
        key = (entry.generation, entry.revision, last, emphasise, entry.start, self.color, self.trail)
        if key == self.drawn:
            return
        self.drawn, self.entry, self.last = key, entry, last
        x, y = self._sync(entry)
        self.trail.extend(x, y)
        self.trail.simplify(1)  # at most a block a frame: the rest is drawn as snapped until then
        self._draw_line(x, y, last)
        self.start.setPos(*entry.start)
        self.current.setPos(float(x[last]), float(y[last]))
        self.selected_current.setPos(float(x[last]), float(y[last]))
        self.emphasised = emphasise
        self.current.setVisible(self.line.isVisible() and not emphasise)
        self.selected_current.setVisible(self.line.isVisible() and emphasise)

    def _draw_line(self, x: np.ndarray, y: np.ndarray, last: int) -> None:
        # the symbol goes with the data: set alone, it would redraw the old points with dots first
        if last < DOT_LIMIT:  # every point, with its dot
            self.line.setData(x[: last + 1], y[: last + 1], connect="all", symbol="o")
            return
        xs, ys, joins = self.trail.polyline(x, y, last)
        self.line.setData(xs, ys, connect=joins, symbol=None)

    def _sync(self, entry: RunEntry) -> tuple[np.ndarray, np.ndarray]:
        """The run's x and y columns, with both trails cut back to the rows that are still the same."""
        x, y = entry.history.column("x"), entry.history.column("y")
        source = (entry.generation, entry.segments)
        keep = len(x)
        if self.source is None or self.source[0] != entry.generation:
            keep = 0
        elif self.source[1] != entry.segments:
            changed = _first_changed_update(self.source[1], entry.segments)
            keep = keep if changed is None else min(keep, changed)
        self.trail, self.pending = (self._cut(trail, keep, x, y) for trail in (self.trail, self.pending))
        self.source = source
        return x, y

    @staticmethod
    def _cut(trail: Trail | None, keep: int, x: np.ndarray, y: np.ndarray) -> Trail | None:
        if trail is None:
            return None
        trail.truncate(keep)
        return trail if trail.follows(x, y) else Trail(trail.screen)

    def retarget(self, screen: Screen) -> None:
        """Start drawing the run for a new screen (the current drawing stays until that is ready)."""
        if screen == self.trail.screen:
            self.pending = None
        elif self.pending is None or self.pending.screen != screen:
            self.pending = Trail(screen)

    def has_work(self) -> bool:
        """Whether `work_piece` has something to do: a new screen to catch up with, or blocks of the
        line to simplify (each frame does one, and the rest wait for a quiet moment)."""
        return self.pending is not None or not self.trail.simplified

    def work_piece(self) -> bool:
        """Do a piece (a millisecond or two) of drawing the run for the new screen, or else of simplifying
        its line; True while there is more to do."""
        if self.entry is None or self.entry.history is None:  # nothing drawn yet: nothing to redo
            if self.pending is not None:
                self.trail, self.pending = self.pending, None
            return False
        x, y = self._sync(self.entry)
        trail = self.trail if self.pending is None else self.pending
        if trail.count < len(x):
            trail.extend(x, y, trail.count + REBUILD_PIECE)
            return True
        if trail.simplify(SIMPLIFY_PIECE):
            return True
        self.trail, self.pending = trail, None
        self.last = min(self.last, len(x) - 1)
        self._draw_line(x, y, self.last)
        return False

    def set_visible(self, visible: bool) -> None:
        self.line.setVisible(visible)
        self.start.setVisible(visible)
        emphasised = getattr(self, "emphasised", False)
        self.current.setVisible(visible and not emphasised)
        self.selected_current.setVisible(visible and emphasised)

    def remove(self, plot: pg.PlotItem) -> None:
        for item in (self.line, self.start, self.current, self.selected_current):
            plot.removeItem(item)


def gradient_scale(function: Objective) -> float:
    """The factor the −∇f arrow is drawn with for ``function``: a round number (1, 2 or 5 × 10^k) that makes
    the arrow at the function's start about a sixth of its view's diagonal."""
    x0, x1, y0, y1 = function.view
    with np.errstate(all="ignore"):
        norm = float(np.hypot(*function.gradient(*function.start)))
    if not (norm > 0 and math.isfinite(norm)):
        return 1.0
    wanted = math.hypot(x1 - x0, y1 - y0) / 6 / norm
    power = 10.0 ** math.floor(math.log10(wanted))
    return max(m * power for m in (1.0, 2.0, 5.0) if m * power <= wanted)


class ContourView(pg.PlotWidget):
    """The function and the runs.  clicked(x, y): a plain left click in the plot; hovered(x, y): the
    pointer moved over it; redrawn(): the trajectories are drawn for the view as it now is, after a zoom,
    pan or resize, and their lines simplified in full (see `trajectories_current`)."""

    clicked = Signal(float, float)
    hovered = Signal(float, float)
    redrawn = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        plot = plain_plot(self, "contour_view", "x", "y")
        # equal scales (View ▸ Equal axis scales), so the gradient looks perpendicular to the contours
        plot.getViewBox().setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(_colormap_lut())
        self.image.setZValue(-20)
        plot.addItem(self.image, ignoreBounds=True)
        self.lines = QGraphicsPathItem()
        pen = QPen(QColor(40, 40, 40, 120), 1.0)
        pen.setCosmetic(True)
        self.lines.setPen(pen)
        self.lines.setZValue(-10)
        # the map only changes with the function or the view: cache it as pixels, so that redrawing the
        # trajectories on top does not trace thousands of contour segments again each frame
        self.lines.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self.lines, ignoreBounds=True)
        self.minima = pg.ScatterPlotItem(symbol="star", size=18, pen=pg.mkPen("k", width=1), brush="w")
        self.minima.setZValue(15)
        plot.addItem(self.minima, ignoreBounds=True)
        self.gradient_arrow = Arrow("#222222", 2.0, dash=True)
        self.step_arrow = Arrow("#C00000", 2.5)
        for arrow in (self.gradient_arrow, self.step_arrow):
            arrow.setVisible(False)
            plot.addItem(arrow, ignoreBounds=True)
        self._runs: dict[int, _RunItems] = {}
        self.function: Objective | None = None
        self.gradient_scale = 1.0
        self.look = None
        self.contour_map: ContourMap | None = None
        self.service = ContourService(self)
        self.service.ready.connect(self._contours_ready)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._request_contours)
        plot.getViewBox().sigRangeChanged.connect(lambda *_: self._debounce.start())
        self._retarget_timer = QTimer(self)
        self._retarget_timer.setSingleShot(True)
        self._retarget_timer.setInterval(REDRAW_DELAY)
        self._retarget_timer.timeout.connect(self._retarget)
        for signal in (plot.getViewBox().sigRangeChanged, plot.getViewBox().sigResized):
            signal.connect(lambda *_: self._retarget_timer.start())
        self._rebuild_timer = QTimer(self)  # a 0 ms timer: each slice runs once the pending events are done
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.timeout.connect(self._rebuild)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)
        self.scene().sigMouseMoved.connect(self._mouse_moved)

    # -- the function --------------------------------------------------------------------------------
    def set_look(self, look) -> None:
        """Presentation mode's thicker trajectories, bigger markers and arrows (`gui.appearance.Look`)."""
        self.look = look
        for items in self._runs.values():
            items.restyle(look.line_width, look.marker_scale)
        self.gradient_arrow.set_width(look.line_width)
        self.step_arrow.set_width(look.line_width * 1.25)

    def set_function(self, function: Objective) -> None:
        self.function = function
        self.gradient_scale = gradient_scale(function)
        self.contour_map = None
        self.lines.setPath(QPainterPath())
        if function.minima:
            self.minima.setData([m[0] for m in function.minima], [m[1] for m in function.minima])
        else:
            self.minima.setData([], [])
        self.reset_view()
        self._request_contours()

    def reset_view(self) -> None:
        x0, x1, y0, y1 = self.function.view
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def fit_to(self, points: np.ndarray) -> None:
        """Show every given point (and the minima), with a margin."""
        if self.function is not None and self.function.minima:
            points = np.vstack([points, np.array(self.function.minima)])
        if len(points) == 0:
            return
        (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
        pad_x, pad_y = max((x1 - x0) * 0.08, 1e-3), max((y1 - y0) * 0.08, 1e-3)
        self.getPlotItem().getViewBox().setRange(xRange=(x0 - pad_x, x1 + pad_x), yRange=(y0 - pad_y, y1 + pad_y),
                                                 padding=0)

    def visible_box(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
        return x0, x1, y0, y1

    def _request_contours(self) -> None:
        if self.function is None:
            return
        x0, x1, y0, y1 = self.visible_box()
        # a margin around the view, so that a small pan does not uncover blank space
        mx, my = (x1 - x0) * 0.15, (y1 - y0) * 0.15
        self.service.request(self.function, (x0 - mx, x1 + mx, y0 - my, y1 + my))

    def _contours_ready(self, result: ContourMap) -> None:
        if self.function is None or result.function != self.function.name:
            return
        self.contour_map = result
        x0, x1, y0, y1 = result.box
        finite = result.shade[np.isfinite(result.shade)]
        levels = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.image.setImage(np.nan_to_num(result.shade, nan=levels[1], posinf=levels[1], neginf=levels[0]),
                            levels=levels, autoLevels=False)
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.lines.setPath(result.path)

    # -- the runs ------------------------------------------------------------------------------------
    def view_screen(self) -> Screen:
        """The visible box and the plot area's size in the screen's own pixels (two per point of Qt's
        coordinates on a high-density screen).  (Not ``screen``: that is QWidget's, the monitor.)"""
        box = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        width, height = box.width(), box.height()
        if width < 1 or height < 1:  # not laid out yet: drawn again when it is (sigResized)
            width, height = 640.0, 480.0
        ratio = self.devicePixelRatioF()
        return Screen(x0, x1, y0, y1, width * ratio, height * ratio)

    def trajectories_current(self) -> bool:
        """Whether every trajectory is drawn for the view as it is now, as simply as it will be (not
        while a zoom, pan or resize is being caught up with, or a long line being simplified)."""
        screen = self.view_screen()
        return not self._retarget_timer.isActive() and all(
            not items.has_work() and items.trail.screen == screen for items in self._runs.values())

    def trajectory_item(self, run_id: int) -> pg.PlotDataItem | None:
        """The line of one run (its data: what is drawn), None for a run not shown yet."""
        items = self._runs.get(run_id)
        return None if items is None else items.line

    def _retarget(self) -> None:
        if self.getPlotItem() is None:  # the view is being deleted (an exported slide, a closing window)
            return
        screen = self.view_screen()
        for items in self._runs.values():
            items.retarget(screen)
        self._rebuild_timer.start()

    def _rebuild(self) -> None:
        """Draw the runs for the new view, or simplify their lines, a slice at a time (`REBUILD_SLICE`)."""
        if self.getPlotItem() is None:
            return
        deadline = time.perf_counter() + REBUILD_SLICE
        for items in self._runs.values():
            while items.has_work() and items.work_piece():
                if time.perf_counter() > deadline:
                    self._rebuild_timer.start()
                    return
        self.redrawn.emit()

    def show_runs(self, entries: list[RunEntry], step: int | None, selected_id: int | None,
                  arrows: tuple[bool, bool]) -> None:
        """Draw every run up to ``step`` (None: its newest step); arrows for the selected run."""
        plot = self.getPlotItem()
        for run_id in list(self._runs):
            if run_id not in {e.run_id for e in entries}:
                self._runs.pop(run_id).remove(plot)
        selected_point = None
        for entry in entries:
            items = self._runs.get(entry.run_id)
            if items is None:
                items = self._runs[entry.run_id] = _RunItems(plot, entry.color, self.view_screen())
                if self.look is not None:
                    items.restyle(self.look.line_width, self.look.marker_scale)
            items.recolor(entry.color)
            visible = entry.visible and entry.history is not None and len(entry.history) > 0
            items.set_visible(visible)
            if not visible:
                continue
            last = entry.step if step is None else min(step, entry.step)
            items.show(entry, last, entry.run_id == selected_id)
            if entry.run_id == selected_id:
                selected_point = (entry, last)
        self._show_arrows(selected_point, arrows)
        if not self._rebuild_timer.isActive() and any(items.has_work() for items in self._runs.values()):
            self._rebuild_timer.start()

    def _show_arrows(self, selected, arrows: tuple[bool, bool]) -> None:
        show_gradient, show_step = arrows
        if selected is None:
            self.gradient_arrow.set_points(None, None)
            self.step_arrow.set_points(None, None)
            return
        entry, k = selected
        row = entry.history.row(k)
        here = (row["x"], row["y"])
        norm = math.hypot(row["grad_x"], row["grad_y"])
        if show_gradient and norm > 0 and math.isfinite(norm):
            # to scale: −∇f times the function's fixed factor (said in the legend), so that a shrinking
            # gradient shows as a shrinking arrow; only a huge one is cut to the view's diagonal
            x0, x1, y0, y1 = self.visible_box()
            reach = min(self.gradient_scale * norm, math.hypot(x1 - x0, y1 - y0))
            self.gradient_arrow.set_points(here, (here[0] - row["grad_x"] / norm * reach,
                                                  here[1] - row["grad_y"] / norm * reach))
        else:
            self.gradient_arrow.set_points(None, None)
        target = None
        if k + 1 < len(entry.history):
            after = entry.history.row(k + 1)
            target = (after["x"], after["y"])
        elif entry.preview is not None:
            target = entry.preview
        if not show_step:
            target = None
        self.step_arrow.set_points(here, target)

    # -- the mouse -----------------------------------------------------------------------------------
    def _view_point(self, scene_pos) -> tuple[float, float] | None:
        box = self.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        return point.x(), point.y()

    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        point = self._view_point(event.scenePos())
        if point is not None:
            event.accept()
            self.clicked.emit(*point)

    def _mouse_moved(self, scene_pos) -> None:
        point = self._view_point(scene_pos)
        if point is not None:
            self.hovered.emit(*point)
