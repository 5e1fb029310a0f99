"""View ▸ Basin map: where the selected run's optimizer goes from every point of a grid over the view.

`BasinView` runs the batched core (`core.basin.basin_map`) from every start of a G × G grid over the
visible box, with the selected run's optimizer, schedule, noise and the window's rounding and tolerance,
in a `gui.batch_job.BatchRunner` thread (progress and Cancel in the status bar), and shows the outcome
as a translucent image on the contour plot: coloured by the known minimum each start reached, or by its
final f (`gui.basin_colors`), with the legend beside the options (on the plot it would hide minima).
The image sits above the function's colour map and below the contour lines, minima and trajectories
(the contour view's z values: map −20, lines −10, minima 15, trajectories 20), takes no mouse buttons,
so a click on it still moves the selected run's start, and is recomputed only when asked (switching the
map on, or Compute), never on a pan.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.basin import GRID, BasinResult, basin_map
from core.values import Whole

from .basin_colors import BY_FINAL_F, BY_MINIMUM, basin_image, legend_entries
from .batch_job import BatchRunner
from .schedule_form import declared_field, show_help
from .session import GUI_MAX_STEPS

__all__ = ["BASIN_Z", "STEPS", "BasinPanel", "BasinView"]

BASIN_Z = -15  # between the colour map (−20) and the contour lines (−10)
# The least width the history keeps beside the basin map's options; where it would keep less, they are its tab.
HISTORY_KEEPS = 800
STEPS = Whole("steps", "the basin map's steps", 500, 1, GUI_MAX_STEPS,
              meaning=QT_TRANSLATE_NOOP("BasinPanel", "updates from each start before it is judged (the window's "
                                                      "step limit is not used)"))


class BasinPanel(QWidget):
    """The map's options (grid, steps, colouring), Compute, what the map on screen was made from, and its
    legend (``basin_legend``: a swatch and a text per colour)."""

    compute_requested = Signal()
    mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("basin_panel")
        self.grid, grid_field = declared_field(GRID, GRID.default, self, "basin_grid", hint=False)
        self.steps, steps_field = declared_field(STEPS, STEPS.default, self, "basin_steps", hint=False)
        self.mode = QComboBox(self)
        self.mode.setObjectName("basin_mode")
        self.mode.addItem("", BY_MINIMUM)
        self.mode.addItem("", BY_FINAL_F)
        self.compute = QPushButton(self)
        self.compute.setObjectName("basin_compute")
        self.labels = {key: QLabel(self) for key in ("grid", "steps", "mode")}
        self.about = QLabel(self)
        self.about.setObjectName("basin_about")
        self.about.setWordWrap(True)
        self.legend = QWidget(self)
        self.legend.setObjectName("basin_legend")
        self._legend_grid = QGridLayout(self.legend)
        self._legend_grid.setContentsMargins(0, 0, 0, 0)
        self._legend_grid.setVerticalSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.labels["grid"], 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(grid_field, 1)
        row.addWidget(self.labels["steps"], 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(steps_field, 1)
        form = QFormLayout()
        form.addRow(row)
        form.addRow(self.labels["mode"], self.mode)
        form.addRow(self.compute)
        form.addRow(self.about)
        legend_column = QVBoxLayout()
        legend_column.addWidget(self.legend)
        legend_column.addStretch(1)
        columns = QHBoxLayout(self)
        columns.addLayout(form, 3)
        columns.addLayout(legend_column, 2)
        self.compute.clicked.connect(self.compute_requested)
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit(self.mode.currentData()))
        self.retranslate()

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("which minimum it reached"))
        self.mode.setItemText(1, self.tr("final f"))
        self.compute.setText(self.tr("Compute for this view"))
        self.compute.setToolTip(self.tr("Run the selected run's optimizer from every point of the grid over the "
                                        "plot as it is now"))
        self.labels["grid"].setText(self.tr("grid"))
        self.labels["steps"].setText(self.tr("steps"))
        self.labels["mode"].setText(self.tr("Colour by"))
        show_help(self.grid, GRID)
        show_help(self.steps, STEPS, self.tr(STEPS.meaning))

    def settings(self) -> tuple[int, int]:
        """(grid, steps): the fields' last valid values."""
        return int(self.grid.value), int(self.steps.value)

    def show_legend(self, entries: list[tuple[str, str]]) -> None:
        """One line per (colour, text); none clears the legend."""
        while self._legend_grid.count():
            self._legend_grid.takeAt(0).widget().deleteLater()
        for row, (color, text) in enumerate(entries):
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(color))
            swatch = QLabel(self.legend)
            swatch.setPixmap(pixmap)
            swatch.setStyleSheet("border: 1px solid #888888;")
            swatch.setFixedSize(16, 16)
            self._legend_grid.addWidget(swatch, row, 0)
            self._legend_grid.addWidget(QLabel(text, self.legend), row, 1)


class BasinView(QObject):
    """The window's part for View ▸ Basin map (``action_basin``).  drawn: a new map is on screen."""

    drawn = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window, self.model = window, window.model
        self.plot = window.contour.getPlotItem()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(BASIN_Z)
        self.image.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go through to the plot
        # no DeviceCoordinateCache: the colour map and contour lines have one, and after the plot is resized
        # without a pan (a dock hidden) they are painted from stale pixels, off the minima; a 200 × 200 image
        # is cheap to paint afresh
        self.image.setVisible(False)
        self.plot.addItem(self.image, ignoreBounds=True)
        self.runner = BatchRunner("gradstep-basin", self)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(lambda reason: self._ended(self.tr("Basin map: {r}").format(r=reason)))
        self.runner.cancelled.connect(lambda: self._ended(self.tr("Basin map cancelled.")))
        self.dock: QDockWidget | None = None
        self.panel: BasinPanel | None = None
        self._build_status()
        self.result: BasinResult | None = None
        self.model.structure_changed.connect(self._model_changed)
        self.model.snapshot_applied.connect(self._describe)

    def _build_status(self) -> None:
        bar = self.window.statusBar()
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("basin_progress")
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton(bar)
        self.cancel_button.setObjectName("basin_cancel")
        self.cancel_button.clicked.connect(self.runner.cancel)
        for widget in (self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Its texts in the window's language (the dock and panel too, once made)."""
        self.progress.setFormat(self.tr("basin map %p%"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Basin map"))
            self.panel.retranslate()
            self._described = (False, None)  # (nothing is False: said again, in the new language)
            self._describe()
            if self.result is not None and self.image.isVisible():
                self.panel.show_legend(legend_entries(self.result, self.panel.mode.currentData()))

    def _build_dock(self) -> None:
        """The options and legend, in a dock beside the tables (made when first needed, so that a layout
        saved without it is restored as it was)."""
        self.panel = BasinPanel()
        self.panel.compute_requested.connect(self.compute)
        self.panel.mode_changed.connect(lambda _mode: self._draw())
        self.dock = QDockWidget(self.tr("Basin map"), self.window)
        self.dock.setObjectName("basin_dock")
        self.dock.setWidget(self.panel)
        # closed with View ▸ Basin map, so that the menu's tick always says whether the map is on
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                              QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        tables = self.window.findChild(QDockWidget, "history_dock")
        width = self.panel.sizeHint().width() + 20
        if tables is not None and tables.isVisible() and not tables.isFloating():
            if tables.width() - width < HISTORY_KEEPS:
                # beside a narrow history (a laptop's, next to the right column) it left Adam's columns
                # behind a sideways scroll bar: a tab of the history's instead, the map's options in front
                self.window.tabifyDockWidget(tables, self.dock)  # (toggle raises it)
                return
            self.window.splitDockWidget(tables, self.dock, Qt.Orientation.Horizontal)
            self.window.resizeDocks([tables, self.dock], [self.window.width() - width, width],
                                    Qt.Orientation.Horizontal)
        else:
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)

    # -- on and off ----------------------------------------------------------------------------------------
    def toggle(self) -> None:
        """View ▸ Basin map switched: show the map (computing it for the view) or hide it."""
        on = self.window.action_basin.isChecked()
        if on and self.dock is None:
            self._build_dock()
        self.dock.setVisible(on)
        if on:
            self.dock.raise_()
            self.compute()
        else:
            self.runner.cancel()
            self.image.setVisible(False)

    def compute(self) -> None:
        """Compute the map for the selected run over the plot's visible box (Compute, or switching it on)."""
        entry, options, function = self.model.selected(), self.model.options, self.model.function
        if entry is None:
            return
        (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
        grid, steps = self.panel.settings()
        self.runner.start(lambda progress, cancelled: basin_map(
            function, entry.optimizer, (x0, x1, y0, y1), grid, steps, decimals=options.decimals, tol=options.tol,
            progress=progress, cancelled=cancelled))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.window.statusBar().showMessage(self.tr("Basin map: {n:,} starts of {name}…").format(
            n=grid * grid, name=entry.name), 4000)

    def shutdown(self) -> None:
        self.runner.shutdown()

    # -- results -----------------------------------------------------------------------------------------
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(total, 1)))

    def _ended(self, message: str) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if message:
            self.window.statusBar().showMessage(message, 6000)

    def _finished(self, result: BasinResult) -> None:
        self._ended("")
        if result.function is not self.model.function:
            return  # made for a function no longer on screen
        self.result = result
        self._draw()

    def _draw(self) -> None:
        result, panel = self.result, self.panel
        if result is None or panel is None or not self.window.action_basin.isChecked():
            return
        mode = panel.mode.currentData()
        self.image.setImage(basin_image(result, mode), autoLevels=False)
        self.image.setRect(_pixel_rect(result))
        self.image.setVisible(True)
        panel.show_legend(legend_entries(result, mode))
        self.window.statusBar().showMessage(self.tr("Basin map drawn: click it to start the selected run there."),
                                            6000)
        self._describe()
        self.drawn.emit()

    def _model_changed(self) -> None:
        """Another function makes the map meaningless: take it away (Compute makes a new one)."""
        if self.result is not None and self.result.function is not self.model.function:
            self.result = None
            self.image.setVisible(False)
            if self.panel is not None:
                self.panel.show_legend([])
        self._describe()

    def _describe(self) -> None:
        """Say what the map on screen was made from, and whether the selected run still matches it."""
        result, entry = self.result, self.model.selected()
        optimizer = None if entry is None else entry.optimizer
        described = getattr(self, "_described", (None, None))
        # called at every snapshot: only a change is worth the text (a result is told apart by identity:
        # its arrays have no single truth value)
        if self.panel is None or (described[0] is result and described[1] == optimizer):
            return
        self._described = (result, optimizer)
        if result is None:
            text = self.tr("No map yet: press Compute.")
        else:
            (x0, x1, y0, y1), g = result.box, len(result.xs)
            text = self.tr("{opt} · {g} × {g} starts · {n} steps").format(
                opt=_settings_text(result.optimizer), g=g, n=result.steps)
            self.panel.about.setToolTip(self.tr("{fn}, starts over x {x0:.4g} to {x1:.4g}, y {y0:.4g} to {y1:.4g}. "
                                                "Click the map to start the selected run there.").format(
                fn=result.function.title_text(), x0=x0, x1=x1, y0=y0, y1=y1))
            if entry is not None and entry.optimizer != result.optimizer:
                text += " " + self.tr("The selected run's settings differ now: Compute to follow them.")
        if text != self.panel.about.text():
            self.panel.about.setText(text)


def _settings_text(optimizer) -> str:
    """``Adam η=0.1 β₁=0.9 …``: the optimizer with its hyperparameters by symbol, schedule and noise."""
    values = " ".join(f"{h.symbol or h.name}={optimizer.values[h.name]:g}" for h in optimizer.hypers)
    extra = "" if optimizer.schedule.is_constant else f", {optimizer.schedule.text}"
    extra += "" if optimizer.noise is None else f", {optimizer.noise.text}"
    return f"{optimizer.title_text()} {values}{extra}"


def _pixel_rect(result: BasinResult) -> QRectF:
    """Each grid start at the centre of its pixel: the image reaches half a cell beyond the outer starts."""
    x0, x1, y0, y1 = result.box
    g = len(result.xs)
    dx, dy = ((x1 - x0) / (g - 1), (y1 - y0) / (g - 1)) if g > 1 else (x1 - x0, y1 - y0)
    return QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
