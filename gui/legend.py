"""The contour plot's legend: each shown run's colour, name and settings, and what the arrows mean.

`RunLegend` is a small item in the top-right corner of the plot's view box (the predict overlay uses the
top-left one), on a semi-transparent background so the contours stay visible under it.  It does not pan
or zoom with the data.  Where it would hide part of a path, it moves to the corner that hides the least
(`RunLegend.avoid`, with the runs' points from `path_points`; a slide does the same); once dragged
elsewhere, it keeps that place, also when the plot is resized.  A drag never reaches the plot, so it
neither pans the view nor moves a run's start.

It is cheap to keep up to date every frame: `RunLegend.show_runs` compares a small key (names, colours,
optimizers, which arrows are shown, the text size) with the one it last drew and lays itself out again
only when that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from core.optimizers import Optimizer

__all__ = ["CORNERS", "GRADIENT_COLOR", "STEP_COLOR", "LegendRow", "RunLegend", "legend_rows", "path_points",
           "run_label", "settings_text"]

# The colours gui.contour_view gives its two arrows (the dashed −∇f and the next step).
GRADIENT_COLOR = "#222222"
STEP_COLOR = "#C00000"
_MARGIN = 8.0  # pixels between the legend and the plot's edges
CORNERS = ("top-right", "bottom-right", "bottom-left", "top-left")


def settings_text(optimizer: Optimizer) -> str:
    """The optimizer's title and hyperparameters by their symbols, e.g. ``Adam η=0.9 β₁=0.9 β₂=0.999``.

    ε is left out while it has its default: it only keeps a division finite, and it would crowd the
    settings a class compares."""
    parts = [optimizer.title_text()]
    for hyper in optimizer.hypers:
        value = optimizer.values[hyper.name]
        if hyper.name == "eps" and value == hyper.default:
            continue
        parts.append(f"{hyper.symbol}={value:g}")
    return " ".join(parts)


def run_label(name: str, optimizer: Optimizer) -> str:
    """``SGD η=0.5`` for a run named after its optimizer, ``lr 0.3: SGD η=0.3`` for one named otherwise."""
    settings = settings_text(optimizer)
    return settings if name == optimizer.title else f"{name}: {settings}"


@dataclass(frozen=True)
class LegendRow:
    """One line of the legend: kind is "run", "gradient" or "step"; color "#rrggbb"."""

    kind: str
    color: str
    text: str


def legend_rows(entries, arrows: tuple[bool, bool], selected_id: int | None,
                gradient_scale: float | None = None) -> tuple[LegendRow, ...]:
    """The rows for the runs that are drawn (shown, with steps) and for the arrows that are on: the
    arrows belong to the selected run, so they are drawn only while it is."""
    translate = QCoreApplication.translate
    rows = [LegendRow("run", e.color, run_label(e.name, e.optimizer)) for e in entries if _drawn(e)]
    if not any(e.run_id == selected_id and _drawn(e) for e in entries):
        return tuple(rows)
    if arrows[0]:
        text = (translate("RunLegend", "−∇f: steepest descent (direction)") if gradient_scale is None else
                translate("RunLegend", "−∇f × {scale}: steepest descent, to scale").format(scale=f"{gradient_scale:g}"))
        rows.append(LegendRow("gradient", GRADIENT_COLOR, text))
    if arrows[1]:
        rows.append(LegendRow("step", STEP_COLOR, translate("RunLegend", "the next step (to scale)")))
    return tuple(rows)


def _drawn(entry) -> bool:
    return entry.visible and entry.history is not None and len(entry.history) > 0


# Below this many points a path is also sampled along its segments: a long early step crosses whole corners.
_DENSE_BELOW = 4000


def path_points(entries, last_step: Callable, minima, box: pg.ViewBox) -> tuple[np.ndarray, np.ndarray]:
    """Points along every drawn run's path up to ``last_step(entry)``, and the known minima (where paths
    go), in ``box``'s own coordinates (pixels from its corner), as a legend in it is placed."""
    xs, ys = [np.array([m[0] for m in minima], dtype=float)], [np.array([m[1] for m in minima], dtype=float)]
    for entry in entries:
        if _drawn(entry):
            last = min(last_step(entry), len(entry.history) - 1) + 1
            x, y = entry.history.column("x")[:last], entry.history.column("y")[:last]
            if 1 < len(x) < _DENSE_BELOW:
                t = np.linspace(0.0, len(x) - 1, 8 * (len(x) - 1) + 1)
                x, y = np.interp(t, np.arange(len(x)), x), np.interp(t, np.arange(len(y)), y)
            xs.append(x)
            ys.append(y)
    (x0, x1), (y0, y1) = box.viewRange()
    rect = box.rect()
    x, y = np.concatenate(xs), np.concatenate(ys)
    with np.errstate(all="ignore"):
        return (rect.left() + (x - x0) / (x1 - x0) * rect.width(),
                rect.top() + (y1 - y) / (y1 - y0) * rect.height())


class RunLegend(QGraphicsObject):
    """The legend of one pyqtgraph PlotItem (see the module docstring)."""

    def __init__(self, plot: pg.PlotItem, points: float | None = None):
        super().__init__()
        self.box = plot.getViewBox()
        self.setParentItem(self.box)
        self.setZValue(1000)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.retranslate()
        self.rows: tuple[LegendRow, ...] = ()
        self.font = QFont()
        self._key = None
        self._size = QRectF()
        self.corner = CORNERS[0]
        self._offset = QPointF(0.0, 0.0)  # where the user dragged it, from its corner
        self.set_points(points)
        self.box.sigResized.connect(self.place)
        self.setVisible(False)

    def retranslate(self) -> None:
        """(Its rows are said in the window's language each time they are shown: forget the rows shown, so
        that the next `show_runs` says them again, in the new language.)"""
        self.setToolTip(self.tr("Drag the legend where it hides nothing"))
        self._key = None

    # -- content ---------------------------------------------------------------------------------------
    def set_points(self, points: float | None) -> None:
        """The text size in points (None: the application's)."""
        font = QFont()
        if points is not None:
            font.setPointSizeF(points * 0.95)
        self.font = font

    def show_runs(self, entries, arrows: tuple[bool, bool], selected_id: int | None,
                  points: float | None = None, gradient_scale: float | None = None) -> bool:
        """Show these runs (the drawn ones) and the arrows that are on (those of the selected run), text
        at ``points``; True if the legend changed and was laid out again."""
        key = (tuple((e.run_id, e.name, e.color, e.optimizer, _drawn(e)) for e in entries), arrows, selected_id,
               points, gradient_scale)
        if key == self._key:
            return False
        self._key = key
        self.set_points(points)
        self.set_rows(legend_rows(entries, arrows, selected_id, gradient_scale))
        return True

    def set_rows(self, rows: tuple[LegendRow, ...]) -> None:
        self.prepareGeometryChange()
        self.rows = rows
        metrics = QFontMetricsF(self.font)
        em = metrics.height()
        width = max((metrics.horizontalAdvance(r.text) for r in rows), default=0.0)
        self._size = QRectF(0, 0, width + 3.6 * em, len(rows) * em * 1.25 + 0.6 * em)
        self.setVisible(bool(rows))
        self.place()
        self.update()

    # -- where it sits ---------------------------------------------------------------------------------
    def set_corner(self, corner: str) -> None:
        """Put the legend in one of `CORNERS` of the plot (forgetting where it was dragged)."""
        self.corner = corner
        self._offset = QPointF(0.0, 0.0)
        self.place()

    def _corner(self) -> QPointF:
        """The position of the legend's top-left that puts it in its corner of the box."""
        box = self.box.rect()
        x = box.right() - self._size.width() - _MARGIN if self.corner.endswith("right") else box.left() + _MARGIN
        y = box.bottom() - self._size.height() - _MARGIN if self.corner.startswith("bottom") else box.top() + _MARGIN
        return QPointF(x, y)

    def place(self) -> None:
        self.setPos(self._corner() + self._offset)

    def hidden(self, x: np.ndarray, y: np.ndarray, corner: str | None = None) -> int:
        """How many of the points (in the view box's coordinates) the legend covers in ``corner`` (its own
        if None)."""
        corner = corner or self.corner
        box = self.box.rect()
        left = box.right() - self._size.width() - _MARGIN if corner.endswith("right") else box.left() + _MARGIN
        top = box.bottom() - self._size.height() - _MARGIN if corner.startswith("bottom") else box.top() + _MARGIN
        inside = (x >= left) & (x <= left + self._size.width()) & (y >= top) & (y <= top + self._size.height())
        return int(np.count_nonzero(inside))

    def quietest(self, x: np.ndarray, y: np.ndarray, corners=CORNERS[:3]) -> str:
        """The corner among ``corners`` where the legend hides the fewest points (the first of equals)."""
        return min(corners, key=lambda corner: self.hidden(x, y, corner))

    @property
    def dragged(self) -> bool:
        return self._offset != QPointF(0.0, 0.0)

    def avoid(self, x: np.ndarray, y: np.ndarray, corners=CORNERS[:3]) -> None:
        """Move to the corner hiding the fewest of these points if the legend hides any where it is and
        another corner hides fewer; a legend the user dragged stays where it was put."""
        if self.dragged or not self.isVisible() or self.hidden(x, y) == 0:
            return
        best = self.quietest(x, y, corners)
        if self.hidden(x, y, best) < self.hidden(x, y):
            self.set_corner(best)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            return self._inside(value)
        return super().itemChange(change, value)

    def _inside(self, pos: QPointF) -> QPointF:
        """``pos`` moved so that the legend stays within the box (as far as it fits)."""
        box = self.box.rect()
        x = min(max(pos.x(), box.left()), box.right() - self._size.width())
        y = min(max(pos.y(), box.top()), box.bottom() - self._size.height())
        return QPointF(max(x, box.left()), max(y, box.top()))

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self._offset = self.pos() - self._corner()

    # -- drawing ---------------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self._size)

    def paint(self, painter: QPainter, *_args) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0))
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(self._size.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        metrics = QFontMetricsF(self.font)
        em = metrics.height()
        painter.setFont(self.font)
        for i, row in enumerate(self.rows):
            middle = 0.3 * em + (i + 0.5) * em * 1.25
            _sample(painter, row, QRectF(0.5 * em, middle - 0.5 * em, 2.2 * em, em))
            painter.setPen(QColor("black"))
            painter.drawText(QPointF(3.1 * em, middle + (metrics.ascent() - metrics.descent()) / 2), row.text)


def _sample(painter: QPainter, row: LegendRow, cell: QRectF) -> None:
    """A run's line with a dot, or an arrow (dashed for −∇f), across ``cell``."""
    color = QColor(row.color)
    y = cell.center().y()
    pen = QPen(color, max(1.5, cell.height() * 0.13))
    if row.kind == "run":
        painter.setPen(pen)
        painter.drawLine(QPointF(cell.left(), y), QPointF(cell.right(), y))
        radius = cell.height() * 0.28
        painter.setPen(QPen(QColor("black"), 1.0))
        painter.setBrush(QBrush(color))
        painter.drawEllipse(cell.center(), radius, radius)
        return
    if row.kind == "gradient":
        pen.setStyle(Qt.PenStyle.DashLine)
    head = cell.height() * 0.45
    tip = QPointF(cell.right(), y)
    painter.setPen(pen)
    painter.drawLine(QPointF(cell.left(), y), QPointF(tip.x() - head, y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawPolygon(QPolygonF([tip, QPointF(tip.x() - head, y - head * 0.45),
                                   QPointF(tip.x() - head, y + head * 0.45)]))
