"""Text size and presentation mode: readable from the back of a room.

``scale`` multiplies every text of the window (Ctrl+= / Ctrl+- / Ctrl+0, remembered); presentation mode
(F11) goes full screen and multiplies again by `PRESENTATION_SCALE`, with thicker trajectories, bigger
markers and black axes.  Qt propagates the application font to every widget that has not set its own;
the parts that set their own (the monospaced tables, the plots' axes and texts) are told here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["MAX_SCALE", "MIN_SCALE", "PRESENTATION_SCALE", "Appearance", "Look", "screen_share"]

PRESENTATION_SCALE = 1.6
MIN_SCALE, MAX_SCALE = 0.7, 3.0
_STEP = 1.15


def screen_share(widget: QWidget, share: float) -> int:
    """``share`` of the width of the screen ``widget`` is on, in pixels: at most what a side panel may ask
    for, so that on a 1366 × 768 projector at 1.6 times the text the plot keeps the middle of the screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return int(screen.availableGeometry().width() * share)


@dataclass(frozen=True)
class Look:
    """What the plots need to know: the text size in points, line and marker sizes, axis contrast."""

    points: float
    line_width: float
    marker_scale: float
    strong_axes: bool


class Appearance:
    """The window's text scale and presentation mode (see the module docstring)."""

    def __init__(self):
        self.base = QFont(QGuiApplication.font())
        self.base_points = self.base.pointSizeF() if self.base.pointSizeF() > 0 else 10.0
        self.scale = 1.0
        self.presentation = False

    @property
    def factor(self) -> float:
        return self.scale * (PRESENTATION_SCALE if self.presentation else 1.0)

    def bigger(self) -> None:
        self.scale = min(MAX_SCALE, round(self.scale * _STEP, 3))

    def smaller(self) -> None:
        self.scale = max(MIN_SCALE, round(self.scale / _STEP, 3))

    def reset(self) -> None:
        self.scale = 1.0

    def font(self) -> QFont:
        font = QFont(self.base)
        font.setPointSizeF(self.base_points * self.factor)
        return font

    def look(self) -> Look:
        return Look(self.base_points * self.factor, 3.5 if self.presentation else 2.0,
                    1.6 if self.presentation else 1.0, self.presentation)

    def apply(self, window) -> None:
        """Set every text of ``window`` to the current size and the plots to the current look."""
        font = self.font()
        widgets = [window, *window.findChildren(QWidget)]
        # each widget's size relative to the text around it, read before any font changes: a new
        # application font, or a parent's, reaches every child at once, and read afterwards it would be
        # counted again, once more at each level of the widget tree
        relatives = [_relative(widget, QApplication.font().pointSizeF()) for widget in widgets]
        QApplication.setFont(font)  # dialogs and widgets made later
        # a widget under a style sheet keeps the font it was polished with: set each one's size outright
        for widget, relative in zip(widgets, relatives, strict=True):
            scaled = QFont(widget.font())
            scaled.setPointSizeF(self.base_points * self.factor * relative)
            widget.setFont(scaled)
        for table in window.table_views():
            table.apply_font(font)
        look = self.look()
        for plot in (window.contour, window.loss):
            style_plot(plot.getPlotItem(), look)
        if hasattr(window.contour, "set_look"):
            window.contour.set_look(look)


def _relative(widget: QWidget, around: float) -> float:
    """The widget's size relative to the text around it (``around``: the application font's points, the
    widget not yet scaled), remembered the first time it is scaled."""
    relative = widget.property("gradstep_relative_size")
    if relative is None:
        points = widget.font().pointSizeF()
        relative = points / around if points > 0 and around > 0 else 1.0
        widget.setProperty("gradstep_relative_size", relative)
    return float(relative)


def style_plot(plot: pg.PlotItem, look: Look) -> None:
    """Axis ticks and labels at the look's size; black, thicker axes in presentation mode."""
    tick = QFont()
    tick.setPointSizeF(look.points * 0.9)
    pen = pg.mkPen("k", width=2 if look.strong_axes else 1)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setStyle(tickFont=tick)
        axis.setPen(pen)
        axis.setTextPen(pg.mkPen("k"))
        axis.label.setFont(tick)
        axis.setLabel(axis.labelText, units=axis.labelUnits, **{"font-size": f"{look.points:.1f}pt"})
