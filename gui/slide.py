"""The contour plot drawn offscreen at a chosen size, for File ▸ Export image and Export animation.

A `Slide` is a second `ContourView` that is never shown on screen: laid out at the picture's size, handed
the window's function, contour map, view box, runs, step on view and arrows, with a title, the legend and
a label naming the step drawn.  It paints into a QImage (PNG, animation frames) or an SVG, without the
window's furniture (no timeline, no panels).

Sizes: a `SlideSize` is the picture in pixels and the ratio of pixels to layout units.  A slide
(`slide_size`) is laid out on about 1280 × 720 units whatever its pixel size, so a 3840 × 2160 picture
is the 1920 × 1080 one drawn three times finer, not the same fonts lost in four times the space; the
plot as on screen (`screen_size`) keeps the plot's own size and the window's text, at 1 or 2 pixels per
screen pixel.  Only the GUI thread may build or paint a Slide.
"""

from __future__ import annotations

import contextlib
import copy
import html
import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QTextOption
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from core.functions import Objective

from .appearance import Look, style_plot
from .contour_view import ContourView
from .contours import ContourMap, compute_contours
from .legend import RunLegend, path_points, settings_text
from .svg_document import paint_items, slide_svg

__all__ = ["SLIDE_POINTS", "Slide", "SlideContent", "SlideSize", "screen_size", "slide_size", "window_content"]

#: Text size on a slide's layout: on 1280 × 720 units about 17 units tall, 25 pixels on a 1920 × 1080 slide.
SLIDE_POINTS = 12.5
_LAYOUT_AREA = 1280 * 720
_CONTOUR_MARGIN = 0.15  # as the window computes them: a margin around the box


@dataclass(frozen=True)
class SlideSize:
    """width × height pixels; ``ratio`` pixels per layout unit; ``points``: the text size (None: the
    application's)."""

    width: int
    height: int
    ratio: float = 1.0
    points: float | None = None

    @property
    def layout(self) -> tuple[int, int]:
        """The size the plot is laid out at, in layout units (the picture's size over the ratio)."""
        return max(1, math.ceil(self.width / self.ratio - 1e-6)), max(1, math.ceil(self.height / self.ratio - 1e-6))


def slide_size(width: int, height: int) -> SlideSize:
    """A picture of width × height pixels laid out like a slide (see the module docstring)."""
    ratio = min(8.0, max(0.5, math.sqrt(width * height / _LAYOUT_AREA)))
    return SlideSize(width, height, ratio, SLIDE_POINTS)


def screen_size(plot: QSize, factor: int, points: float | None) -> SlideSize:
    """The plot as the window shows it (its size and text), at ``factor`` pixels per screen pixel."""
    return SlideSize(plot.width() * factor, plot.height() * factor, float(factor), points)


@dataclass(frozen=True)
class SlideContent:
    """What a slide shows: the window's state when the export began.  ``entries`` are copies of the
    window's RunEntry objects (each history a read-only view), so later steps never leak in; ``step``
    is the step on view; ``box`` the visible (x0, x1, y0, y1)."""

    function: Objective
    contour_map: ContourMap | None
    box: tuple[float, float, float, float]
    equal_scales: bool
    entries: tuple
    step: int
    selected_id: int | None
    arrows: tuple[bool, bool]
    decimals: int | None


def window_content(window) -> SlideContent:
    """The window's plot as it is now."""
    m = window.model
    return SlideContent(m.function, window.contour.contour_map, window.contour.visible_box(),
                        window.action_equal_scales.isChecked(), tuple(copy.copy(e) for e in m.entries),
                        min(m.view, m.newest()), m.selected_id,
                        (window.action_gradient_arrow.isChecked(), window.action_step_arrow.isChecked()),
                        m.options.decimals)


def title_lines(content: SlideContent) -> tuple[str, str]:
    """The slide's title: the function, then the optimizers and the settings shared by every run."""
    translate = QCoreApplication.translate
    f = content.function
    shown = [e for e in content.entries if e.visible and e.history is not None]
    if len(shown) == 1:
        runs = settings_text(shown[0].optimizer)
    else:
        runs = ", ".join(dict.fromkeys(e.optimizer.title_text() for e in shown))
    if content.decimals is not None:
        runs += translate("Slide", " · rounded to {0} decimals as in the notes").format(content.decimals)
    return f"{f.title_text()}:  f(x, y) = {f.formula}", runs


class _StillContourView(ContourView):
    """A ContourView that never computes contours itself: its slide hands it a finished map, and no
    later result from the thread pool can change a picture half-way through an animation."""

    def _request_contours(self) -> None:
        pass


class Slide:
    """An offscreen plot of ``content`` at ``size`` (see the module docstring); `close` it when done."""

    def __init__(self, content: SlideContent, size: SlideSize):
        self.content, self.size = content, size
        self.view = _StillContourView()
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.view.resize(*size.layout)
        self.plot = self.view.getPlotItem()
        self._pens: dict[int, tuple] = {}  # id(data item) -> (item, its pen as on screen, thickened)
        self._style()
        self.view.show()  # lays the plot out at its size; WA_DontShowOnScreen keeps it off the screen
        self._lay_out()
        self.view.set_function(content.function)
        self.legend = RunLegend(self.plot, self._points())
        self.legend.show_runs(content.entries, content.arrows, content.selected_id, self._points(),
                              self.view.gradient_scale)
        self.step = -1
        self.show_step(content.step)
        self._set_box(content.box)
        self._settle()
        self._set_box(content.box)  # the plot area may have changed size: the same box again, to its shape
        self._set_contours()
        self._place_legend()

    def _points(self) -> float:
        return self.size.points or QFont().pointSizeF()

    # -- building ------------------------------------------------------------------------------------
    def _style(self) -> None:
        points = self._points()
        style_plot(self.plot, Look(points, 2.0, 1.0, True))
        first, second = (html.escape(line) for line in title_lines(self.content))
        self.plot.setTitle(f"<b>{first}</b><br><span style='font-size: {points:.1f}pt'>{second}</span>",
                           size=f"{points * 1.3:.1f}pt", color="#000000")
        self.badge = QGraphicsRectItem(self.plot.getViewBox())
        self.badge.setBrush(QBrush(QColor(255, 255, 255, 215)))
        self.badge.setPen(QPen(QColor(0, 0, 0, 90), 1.0))
        self.badge.setZValue(1000)
        self.badge_text = QGraphicsSimpleTextItem(self.badge)
        font = QFont()
        font.setPointSizeF(points * 1.3)
        font.setBold(True)
        self.badge_text.setFont(font)

    def _lay_out(self) -> None:
        """Wrap the title if the picture is narrow, give it the height its lines need (pyqtgraph allows it
        30 units) and settle the layout."""
        label = self.plot.titleLabel
        width = max(120.0, self.size.layout[0] - 120.0)
        if label.item.boundingRect().width() > width:
            label.item.setTextWidth(width)
            label.item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
            label.updateMin()
        height = math.ceil(label.item.boundingRect().height()) + 4
        label.setMaximumHeight(height)
        self.plot.layout.setRowFixedHeight(0, height)
        # the plot took the unwrapped title's width as its least when it was first laid out: fit it again
        self.plot.setGeometry(QRectF(0, 0, *self.size.layout))
        self.plot.layout.activate()

    def _settle(self) -> None:
        """Paint once where nobody sees it, and lay out again until the plot area keeps its place: the
        axes size themselves to their labels only as they paint, which would otherwise move the plot
        area between the first picture and the next (between an animation's first frames)."""
        box = self.plot.getViewBox()
        for _ in range(4):
            before = box.sceneBoundingRect()
            scratch = QImage(1, 1, QImage.Format.Format_RGB32)
            painter = QPainter(scratch)
            self.view.scene().render(painter, QRectF(0, 0, 1, 1), QRectF(0, 0, *self.size.layout))
            painter.end()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.plot.layout.activate()
            if box.sceneBoundingRect() == before:
                return

    def _set_box(self, box) -> None:
        x0, x1, y0, y1 = box
        viewbox = self.plot.getViewBox()
        viewbox.setAspectLocked(self.content.equal_scales)
        viewbox.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        viewbox.updateMatrix()
        self.box = self.view.visible_box()  # wider or taller than asked when the scales are equal

    def _set_contours(self) -> None:
        """The window's contour map if it covers this slide's box; computed here, at once, if not."""
        known = self.content.contour_map
        if known is None or known.function != self.content.function.name or not _covers(known.box, self.box):
            x0, x1, y0, y1 = self.box
            mx, my = (x1 - x0) * _CONTOUR_MARGIN, (y1 - y0) * _CONTOUR_MARGIN
            known = compute_contours(self.content.function, (x0 - mx, x1 + mx, y0 - my, y1 + my))
        self.view._contours_ready(known)

    def _place_legend(self) -> None:
        """The legend in the corner where it hides the fewest points of the runs' paths up to the step
        on view (the step label has the top-left one); top-right when several hide none."""
        c = self.content
        x, y = path_points(c.entries, lambda entry: min(c.step, entry.step), c.function.minima,
                           self.plot.getViewBox())
        self.legend.set_corner(self.legend.quietest(x, y))

    # -- one step ------------------------------------------------------------------------------------
    def show_step(self, step: int) -> None:
        """Draw every run up to ``step`` (each stopped run up to its last step) and name the step."""
        c = self.content
        self.step = step
        self.view.show_runs(list(c.entries), step, c.selected_id, c.arrows)
        self._thicken_lines()
        self.badge_text.setText(QCoreApplication.translate("Slide", "step {0}").format(step))
        pad = self.badge_text.boundingRect().height() * 0.25
        self.badge_text.setPos(pad, pad * 0.5)
        self.badge.setRect(self.badge_text.boundingRect().adjusted(0, 0, 2 * pad, pad))
        self.badge.setPos(8, 8)

    def _thicken_lines(self) -> None:
        """Trajectories as thick, relative to the picture, as on screen: their pens are cosmetic (a width
        in pixels), which a finer picture would otherwise draw thinner."""
        for item in self.plot.listDataItems():
            if id(item) not in self._pens:
                pen = QPen(pg.mkPen(item.opts["pen"]))
                thick = QPen(pen)
                thick.setWidthF(max(1.0, pen.widthF() * self.size.ratio))
                self._pens[id(item)] = (item, pen, thick)
                item.setPen(thick)

    @contextlib.contextmanager
    def _screen_pens(self):
        """The trajectories' pens as on screen, for an SVG: it scales its strokes with the picture."""
        for item, pen, _thick in self._pens.values():
            item.setPen(pen)
        try:
            yield
        finally:
            for item, _pen, thick in self._pens.values():
                item.setPen(thick)

    # -- pixels --------------------------------------------------------------------------------------
    def _scale(self) -> tuple[float, float]:
        """Picture pixels per scene unit, along x and y (the ratio, give or take the rounding of the
        layout size to whole units)."""
        w, h = self.size.layout
        return self.size.width / w, self.size.height / h

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Where the data point (x, y) lands in the picture, in pixels from its top-left corner."""
        point = self.plot.getViewBox().mapViewToScene(QPointF(x, y))
        sx, sy = self._scale()
        return point.x() * sx, point.y() * sy

    def plot_area(self) -> QRectF:
        """The data area (the view box) in picture pixels."""
        rect = self.plot.getViewBox().sceneBoundingRect()
        sx, sy = self._scale()
        return QRectF(rect.x() * sx, rect.y() * sy, rect.width() * sx, rect.height() * sy)

    def image(self) -> QImage:
        """The slide as a width × height RGB image."""
        image = QImage(self.size.width, self.size.height, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        dots = round(self.view.logicalDpiX() / 0.0254)  # points become as many pixels as in the layout
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.setDevicePixelRatio(self.size.ratio)
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        self._paint(painter, QRectF(0, 0, self.size.width / self.size.ratio, self.size.height / self.size.ratio))
        painter.end()
        image.setDevicePixelRatio(1.0)
        return image

    def svg(self) -> bytes:
        """The slide as an SVG document, width × height pixels."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        w, h = self.size.layout
        generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)  # 1.1: clipping, so the map stays in the plot
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(self.size.width, self.size.height))
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setResolution(self.view.logicalDpiX())
        generator.setTitle(" — ".join(title_lines(self.content)))
        generator.setDescription(QCoreApplication.translate("Slide", "Made with GradStep"))
        painter = QPainter(generator)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        with self._export_mode(), self._screen_pens():
            paint_items(painter, self.view.scene(), QRectF(0, 0, w, h))
        painter.end()
        buffer.close()
        return slide_svg(bytes(data), self.size.width, self.size.height)

    def _paint(self, painter: QPainter, target: QRectF) -> None:
        w, h = self.size.layout
        with self._export_mode():
            self.view.scene().render(painter, target, QRectF(0, 0, w, h), Qt.AspectRatioMode.IgnoreAspectRatio)

    @contextlib.contextmanager
    def _export_mode(self):
        """pyqtgraph's export mode: each symbol drawn afresh at the picture's resolution, not stamped from
        the pixmaps it keeps for the screen."""
        items = [item for item in self.view.scene().items() if hasattr(item, "setExportMode")]
        for item in items:
            item.setExportMode(True, {"antialias": True, "resolutionScale": 1.0})
        try:
            yield
        finally:
            for item in items:
                item.setExportMode(False)

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()


def _covers(outer, inner) -> bool:
    return outer[0] <= inner[0] and outer[1] >= inner[1] and outer[2] <= inner[2] and outer[3] >= inner[3]
