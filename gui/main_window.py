"""GradStep's main window: a composition of parts around one `gui.model.WindowModel`.

Read top to bottom, `MainWindow.__init__` says what the window is made of: the model and its stepping
worker, the plots in the middle, the parameter panels on the left, the numbers of the step on view on the
right, every step of the selected run along the bottom, the menus and the toolbar.  Each part owns its
widgets and redraws itself from the model (``refresh``); a frame timer asks them to at display rate, so
stepping thousands of times a second never floods the interface.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QMetaObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.functions import FUNCTIONS, Objective
from core.lessons import Lesson, LessonRun
from core.optimizers import SGD

from . import dialogs, preferences
from .actions import build_actions, build_menus, build_toolbar, plain, retranslate_actions
from .appearance import Appearance, screen_share
from .basin_view import BasinView
from .compare_panel import ComparePanel
from .contour_view import ContourView
from .files import FileCommands
from .formula_panel import FormulaPanel
from .function_panel import FunctionLibrary, FunctionPanel
from .history_panel import HistoryPanel
from .i18n import Translations, system_language
from .legend import RunLegend, path_points
from .lesson_library import LessonLibrary
from .lesson_panel import LessonPanel
from .loss_plot import LossPlot
from .model import WindowModel
from .numbers import READABLE, NumberFormat
from .panels import RunListPanel, RunPanel, SettingsPanel
from .predict import PredictOverlay
from .session import Options, RunEntry
from .stage import Stage
from .state_panel import StatePanel
from .transport import SpeedControl, Timeline
from .tuner import Tuner
from .wheel_guard import WheelGuard
from .worker import WorkerClient, start_worker

__all__ = ["OPENING_FUNCTION", "OPENING_OPTIONS", "OPENING_RUNS", "MainWindow"]

FRAME_MS = 16
# While playing fast: the seconds between redraws of each part that is not redrawn every frame
STREAM_INTERVALS = {"history": 0.1, "state": 0.1, "loss": 0.2}

_DOCK_TITLES = {"parameters_dock": QT_TRANSLATE_NOOP("MainWindow", "Parameters"),
                "numbers_dock": QT_TRANSLATE_NOOP("MainWindow", "Numbers"),
                "lesson_dock": QT_TRANSLATE_NOOP("MainWindow", "Lesson"),
                "formula_dock": QT_TRANSLATE_NOOP("MainWindow", "The update, with numbers"),
                "history_dock": QT_TRANSLATE_NOOP("MainWindow", "Tables")}

# The state the window opens in: the lecture notes' first example (their first ten-step table).
OPENING_FUNCTION = "quadratic"
OPENING_OPTIONS = Options(decimals=4)
OPENING_RUNS = (LessonRun("SGD", SGD(lr=0.5), (0.0, 0.0)),)


# At most this share of the screen's width for the parameter column (see `MainWindow._fit_parameters`).
PARAMETERS_SHARE = 0.4


class MainWindow(QMainWindow):
    """The whole application window; ``MainWindow()`` needs no arguments."""

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("GradStep")
        self.setWindowIcon(QIcon(str(Path(__file__).resolve().parents[1] / "resources" / "icons" / "gradstep.svg")))
        self.settings = settings if settings is not None else preferences.settings_store()
        self.translations = Translations(self)
        self.translations.apply(preferences.language(self.settings, system_language()))
        self.library = LessonLibrary(self)
        self.library.language = self.translations.language
        self.library.chosen.connect(self.open_lesson)
        self.client = WorkerClient(self)
        self.model = WindowModel(self.client, FUNCTIONS[OPENING_FUNCTION], OPENING_OPTIONS, self)
        self.files = FileCommands(self)
        self.number_mode = READABLE
        self.appearance = Appearance()
        self.stage = Stage(self, self.settings, preferences.LAYOUT_VERSION)
        self._shown_playing = False
        self._closed = False
        self._owe_acknowledgement = False
        self._drawn: dict[str, int] = {}  # the model revision each part last drew
        self._drawn_at = dict.fromkeys(STREAM_INTERVALS, 0.0)
        self._shown_function: Objective | None = None

        self._build_plots()
        build_actions(self)
        build_menus(self, self.library)
        self._build_toolbar()
        self._build_docks()
        self._build_status()
        self._build_beyond()
        self._start_worker()
        self._connect_model()
        self.model.open(self.model.function, OPENING_OPTIONS, OPENING_RUNS, undoable=False)
        preferences.restore(self, self.settings)
        self.refresh_view_options()
        self.model.set_speed(self.speed.speed)
        self.action_clear_guesses.setEnabled(False)
        self.watch_fields()
        self.contour.setFocus()
        self.retranslate()
        if self.library.problems:  # said once the window is up: a dialog now would block the start
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(
                self.tr("Some lessons could not be loaded: Lessons ▸ Why are some lessons missing?"), 10000))

    # ---------------------------------------------------------------------------------------- building
    def _build_plots(self) -> None:
        self.contour = ContourView(self)
        self.contour.clicked.connect(self._plot_clicked)
        self.contour.hovered.connect(self._hovered)
        self.predict = PredictOverlay(self.contour.getPlotItem(), self)
        self.legend = RunLegend(self.contour.getPlotItem())  # runs, settings, arrows: kept up in _draw_trajectories
        self.predict.changed.connect(lambda text: self.statusBar().showMessage(text, 0) if text else None)
        self.contour.getPlotItem().getViewBox().sigRangeChanged.connect(lambda *_: self.predict._place_summary())
        self.loss = LossPlot(self)
        self.timeline = Timeline(self)
        self.timeline.step_chosen.connect(self.model.set_view)
        top = QWidget(self)
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.contour, 1)
        layout.addWidget(self.timeline)
        self.plots = QSplitter(Qt.Orientation.Vertical, self)
        self.plots.setObjectName("plots")
        self.plots.addWidget(top)
        self.plots.addWidget(self.loss)
        self.plots.setStretchFactor(0, 4)
        self.plots.setStretchFactor(1, 1)
        self.plots.setSizes([600, 150])
        self.setCentralWidget(self.plots)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        self.toolbar = bar
        bar.setObjectName("transport_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.speed = SpeedControl(self)
        self.speed.speed_changed.connect(lambda s: self.model.set_speed(s))
        build_toolbar(self, bar, self.speed)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)  # its title is set, in the window's language, by retranslate
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                         QDockWidget.DockWidgetFeature.DockWidgetFloatable |
                         QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        m = self.model
        self.function_panel = FunctionPanel(FunctionLibrary(self.settings), self)
        self.function_panel.function_chosen.connect(m.choose_function)
        self.run_list = RunListPanel(self)
        self.run_list.selected.connect(m.select_run)
        self.run_list.visibility_changed.connect(m.set_run_visible)
        self.run_list.add_requested.connect(m.add_run)
        self.run_list.duplicate_requested.connect(m.duplicate_run)
        self.run_list.remove_requested.connect(m.remove_run)
        self.run_list.color_chosen.connect(m.set_run_color)
        # Delete removes a run only from the run list: in a table or elsewhere it would surprise
        self.removeAction(self.action_remove_run)
        self.action_remove_run.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.run_list.list.addAction(self.action_remove_run)
        self.run_panel = RunPanel(self)
        self.run_panel.name_changed.connect(m.rename)
        self.run_panel.optimizer_chosen.connect(m.choose_optimizer)
        self.run_panel.hyper_changed.connect(m.set_hyper)
        self.run_panel.start_changed.connect(lambda x, y: m.set_start((x, y)))
        self.settings_panel = SettingsPanel(self)
        self.settings_panel.options_changed.connect(m.set_options)
        column = QWidget(self)
        layout = QVBoxLayout(column)
        for panel in (self.function_panel, self.run_list, self.run_panel, self.settings_panel):
            layout.addWidget(panel)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parameters_column, self.parameters_scroll = column, scroll
        self.wheel_guard = WheelGuard(scroll)
        self._fit_parameters()
        left = self._dock("parameters_dock", scroll, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.state_panel = StatePanel(self)
        right = self._dock("numbers_dock", self.state_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.lesson_panel = LessonPanel(self)
        lesson = self._dock("lesson_dock", self.lesson_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(lesson, right, Qt.Orientation.Vertical)
        self.formula_panel = FormulaPanel(self)
        update = self._dock("formula_dock", self.formula_panel,
                            Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(right, update, Qt.Orientation.Vertical)
        update.visibilityChanged.connect(lambda _shown: self._drawn.pop("state", None))  # the rule moves
        self.history_panel = HistoryPanel(m, self)
        self.history_panel.table.addAction(self.action_continue_here)
        self.compare_panel = ComparePanel(m, self)
        self.tables = QTabWidget(self)
        self.tables.setObjectName("tables_tabs")
        self.tables.addTab(self.history_panel, "")
        self.tables.addTab(self.compare_panel, "")
        self.tables.currentChanged.connect(lambda _i: self._drawn.clear())
        # the history runs along the whole bottom, so that every state column fits without scrolling (on a
        # short screen, beside the right column: see preferences.restore)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        bottom = self._dock("history_dock", self.tables, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.docks = [left, right, bottom, lesson, update]
        for dock in self.docks:  # View ▸ Panels: hide them so the plot can take the screen
            self.panels_menu.addAction(dock.toggleViewAction())

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.pointer_label = QLabel(self)
        self.pointer_label.setObjectName("pointer_label")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.pointer_label)
        # QStatusBar hides its widgets under a message only until a relayout shows them again (a new text
        # size, full screen), and the two texts were drawn over each other: hide and show it ourselves
        self.statusBar().messageChanged.connect(lambda message: self.status_label.setHidden(bool(message)))

    def _build_beyond(self) -> None:
        """Beyond the notes: the selected run's schedule and noise, Run ▸ Tune learning rates, View ▸ Basin map."""
        self.run_panel.schedule_changed.connect(self.model.set_schedule)
        self.run_panel.noise_changed.connect(self.model.set_noise)
        self.tuner = Tuner(self)
        self.basin = BasinView(self)

    def _start_worker(self) -> None:
        self.worker, self.worker_thread = start_worker(self.model.function, OPENING_OPTIONS, self)
        self.client.connect_to(self.worker)
        queued = Qt.ConnectionType.QueuedConnection  # what Auto would pick across threads, said outright
        self.worker.stepped.connect(self.model.apply_snapshot, queued)
        self.worker.failed.connect(self._failed, queued)
        self.frame = QTimer(self)
        self.frame.setInterval(FRAME_MS)
        self.frame.timeout.connect(self.redraw)
        self.frame.start()

    def _connect_model(self) -> None:
        self.model.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.model.structure_changed.connect(self._structure_changed)
        self.model.snapshot_applied.connect(self._snapshot_applied)

    # ------------------------------------------------------------------------------- the model's news
    def _structure_changed(self) -> None:
        """Runs added, removed or reselected, or a new function: lay the panels out again."""
        function = self.model.function
        if function is not self._shown_function:
            self._shown_function = function
            self.function_panel.show_function(function)
            self._show_title()
            self.contour.set_function(function)
            self.loss.refollow(reset=True)
        self.settings_panel.show_options(self.model.options)
        self.run_panel.rebuild()
        self._drawn.clear()

    def _snapshot_applied(self) -> None:
        self._owe_acknowledgement = True
        self._show_playing()
        self.history_panel.catch_up(self.model)
        if self.model.playing and math.isinf(self.speed.speed):
            # at full speed the worker waits for this frame: draw it now, not at the next tick of the frame
            # timer (up to 16 ms later), so that a frame costs the stepping plus the drawing and no more
            self.redraw()

    @Slot(str)
    def _failed(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 8000)

    # ------------------------------------------------------------------------- what the window offers
    # (kept as the window's own attributes: the tests, the file commands and the menus use them)
    @property
    def lessons(self):
        return self.library.lessons

    @property
    def entries(self) -> list[RunEntry]:
        return self.model.entries

    @property
    def function(self) -> Objective:
        return self.model.function

    @property
    def options(self) -> Options:
        return self.model.options

    @property
    def playing(self) -> bool:
        return self.model.playing

    @property
    def history_model(self):
        return self.history_panel.model

    @property
    def state_model(self):
        return self.state_panel.model

    @property
    def history_table(self):
        return self.history_panel.table

    @property
    def state_table(self):
        return self.state_panel.table

    def selected(self) -> RunEntry | None:
        return self.model.selected()

    def open_lesson(self, lesson: Lesson) -> str:
        """Set up the lesson's runs; returns (and shows) what the user should know about it."""
        note = self.model.open_lesson(lesson)
        self.lesson_panel.show_lesson(lesson, self.translations.language)
        # several runs side by side: their comparison is what the lesson is about
        self.tables.setCurrentWidget(self.compare_panel if len(lesson.runs) > 2 else self.history_panel)
        said = {key: lesson.text(key, self.translations.language) for key in ("group", "title", "description")}
        self.statusBar().showMessage(f"{said['group']}: {said['title']}. {said['description']}{note}", 8000)
        return note

    def current_session(self) -> Lesson:
        return self.model.session()

    def set_options(self, options: Options) -> None:
        self.model.set_options(options)
        self.settings_panel.show_options(options)

    def choose_function(self, function) -> None:
        """A function by name ("rosenbrock", "expr:x^2 + y^2") or an Objective."""
        self.model.choose_function(function)

    # ---------------------------------------------------------------------------------------- transport
    def _commit_typing(self) -> None:
        """A value typed but not yet confirmed (the toolbar takes no focus, so the field never lost it)
        is confirmed before a command acts, as if Enter had been pressed: what is shown is what runs."""
        field = QApplication.focusWidget()
        if isinstance(field, QAbstractSpinBox):
            field.interpretText()
            field.editingFinished.emit()
        elif isinstance(field, QLineEdit):
            field.editingFinished.emit()

    def toggle_play(self) -> None:
        self._commit_typing()
        self.model.toggle_play()

    def step(self) -> None:
        self._commit_typing()
        self.model.step()

    def step_back(self) -> None:
        self._commit_typing()
        self.model.step_back()

    def reset(self) -> None:
        self._commit_typing()
        self.model.reset()

    def continue_here(self) -> None:
        self.model.continue_here()

    def add_run(self) -> None:
        self.model.add_run()

    def duplicate_run(self) -> None:
        self.model.duplicate_run()

    def remove_run(self) -> None:
        self.model.remove_run()

    def toggle_predict(self) -> None:
        """Run ▸ Predict: clicks on the plot become guesses of the next step instead of moving the start."""
        self.predict.clear()
        # Escape clears guesses only while predicting: otherwise it belongs to the fields (undo a refused value)
        self.action_clear_guesses.setEnabled(self.action_predict.isChecked())
        if self.action_predict.isChecked():
            self.statusBar().showMessage(self.tr("Predict: click where the next step of the selected run will "
                                                 "land (several guesses allowed), then press Step. Escape "
                                                 "clears."), 0)
        else:
            self.statusBar().clearMessage()

    def clear_guesses(self) -> None:
        self.predict.clear()

    def _plot_clicked(self, x: float, y: float) -> None:
        """A click moves the selected run's start there, snapped to a round number for the view (Shift:
        exactly where clicked); in predict mode it adds a guess of the next step instead."""
        if self.model.playing:
            self.statusBar().showMessage(self.tr("Pause first to move the start point or to guess."), 3000)
            return
        entry = self.model.selected()
        if self.action_predict.isChecked() and entry is not None and entry.history is not None:
            self.predict.add(entry.run_id, self.model.viewed_step(entry), x, y)
            return
        if not QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            x, y = self._snapped(x), self._snapped(y)
        if self.model.set_start((x, y)):
            self.run_panel.show_run(self.model.selected())
            self.statusBar().showMessage(self.tr("Start moved to ({x}, {y}). Shift+click for the exact point.").format(
                x=repr(x), y=repr(y)), 4000)

    def _snapped(self, value: float) -> float:
        """``value`` rounded to a thousandth of the view's span, as a power of ten (0.01 on a 10-wide view)."""
        x0, x1, y0, y1 = self.contour.visible_box()
        span = max(x1 - x0, y1 - y0)
        if not (span > 0 and math.isfinite(span)):
            return value
        decimals = -round(math.log10(span / 1000))
        return float(round(value, decimals))

    def _hovered(self, x: float, y: float) -> None:
        with np.errstate(all="ignore"):
            f = self.model.function.f(x, y)
        self.pointer_label.setText(f"x = {x:.4g}   y = {y:.4g}   f = {f:.6g}")

    # ------------------------------------------------------------------------------------------ drawing
    def refresh_view_options(self) -> None:
        """The arrows, the loss plot's scale or the contour plot's aspect were switched."""
        self.contour.getPlotItem().getViewBox().setAspectLocked(self.action_equal_scales.isChecked())
        self.loss.set_log(self.action_log_loss.isChecked())
        self._drawn.clear()

    def table_views(self) -> list:
        return [self.state_table, self.history_table, self.compare_panel.table]

    def toggle_presentation(self) -> None:
        """Presentation mode: full screen, every text 1.6 times larger, thicker lines, black axes, and the
        panels arranged for the class (`gui.stage`)."""
        on = self.action_presentation.isChecked()
        self.appearance.presentation = on
        if on:
            self._normal_state = self.windowState()
            self.stage.enter()
            self.showFullScreen()
        else:
            self.setWindowState(getattr(self, "_normal_state", Qt.WindowState.WindowNoState))
            self.stage.leave()
        self.apply_appearance()

    def text_bigger(self) -> None:
        self.appearance.bigger()
        self.apply_appearance()

    def text_smaller(self) -> None:
        self.appearance.smaller()
        self.apply_appearance()

    def text_reset(self) -> None:
        self.appearance.reset()
        self.apply_appearance()

    def _fit_parameters(self) -> None:
        """The parameter column's dock is as wide as its widest row needs, at the text size of the day (its
        texts in the window's language), up to `PARAMETERS_SHARE` of the screen: beyond that (presentation
        mode on a small screen) it scrolls sideways instead of pushing the window past the screen's edge,
        where the dock was drawn over the plot."""
        needed = self.parameters_column.sizeHint().width() + 24
        limit = screen_share(self, PARAMETERS_SHARE)
        self.parameters_scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if needed > limit else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parameters_scroll.setMinimumWidth(min(needed, limit))

    def apply_appearance(self) -> None:
        self.appearance.apply(self)
        QTimer.singleShot(0, self._fit_parameters)  # once the panels have laid out their new text size
        self._drawn.clear()
        self.statusBar().showMessage(self.tr("Text at {percent}").format(percent=f"{self.appearance.factor:.0%}"),
                                     2000)

    def set_number_mode(self, mode) -> None:
        """View ▸ Numbers: READABLE, FULL or a number of significant digits."""
        self.number_mode = mode
        self.number_actions[mode].setChecked(True)
        self._drawn.clear()

    def number_format(self) -> NumberFormat:
        return NumberFormat(self.number_mode, self.model.options.decimals)

    def fit_view(self) -> None:
        shown = [e.history.points() for e in self.model.shown()]
        if shown:
            self.contour.fit_to(np.vstack(shown))
        self.loss.refollow()
        self._drawn.clear()

    @Slot()
    def redraw(self) -> None:
        """Bring every part up to date with the model (called by the frame timer)."""
        if self._closed:
            return
        try:
            self._draw()
        finally:
            if self._owe_acknowledgement:
                # after the paint events this redraw posted: the worker waits for the frame to be on
                # screen, and must never be left waiting, whatever happened while drawing
                self._owe_acknowledgement = False
                self.client.acknowledge_after_paint()

    def _stale(self, part: str) -> bool:
        return self._drawn.get(part) != self.model.revision

    def _draw(self) -> None:
        """Draw what changed.

        While playing fast, a frame draws only the part that is most overdue: the trajectories (every
        frame they can), the history table, the state table and texts (each 10 times a second: faster
        than that nobody can read them), or the loss plot (5 times a second).  No single frame then
        keeps the event loop busy for long, and the keyboard stays responsive.  At full speed, only
        while a snapshot awaits its acknowledgement: the worker is stepping otherwise, and a paint
        would wait for the GIL at every call into Python."""
        parts = ("trajectories", "loss", "history", "state")
        if not (self.model.playing and self.speed.speed > 60):
            for part in parts:
                if self._stale(part):
                    self._draw_part(part)
            return
        if math.isinf(self.speed.speed) and not self._owe_acknowledgement:
            return
        now = time.monotonic()
        overdue = [(now - self._drawn_at[name] - interval, name) for name, interval in STREAM_INTERVALS.items()
                   if self._stale(name)]
        lateness, name = max(overdue, default=(-1.0, ""))
        if lateness >= 0:
            self._draw_part(name)
            self._drawn_at[name] = now
        elif self._stale("trajectories"):
            self._draw_part("trajectories")

    def _draw_part(self, part: str) -> None:
        self._drawn[part] = self.model.revision
        getattr(self, f"_draw_{part}")()

    def _draw_trajectories(self) -> None:
        arrows = (self.action_gradient_arrow.isChecked(), self.action_step_arrow.isChecked())
        self.contour.show_runs(self.model.entries, self.model.view, self.model.selected_id, arrows)
        self.legend.show_runs(self.model.entries, arrows, self.model.selected_id, self.appearance.look().points,
                              self.contour.gradient_scale)
        if not self.model.playing:  # out of the paths' way, step by step (not jumping about while playing)
            self.legend.avoid(*path_points(self.model.entries, self.model.viewed_step, self.model.function.minima,
                                           self.contour.getPlotItem().getViewBox()))
        entry = self.model.selected()
        if self.predict.prediction is not None and entry is not None and entry.history is not None:
            k = self.model.viewed_step(entry)
            if self.model.synced and k <= entry.step:
                row = entry.history.row(k)
                self.predict.reveal(entry.run_id, k, (row["x"], row["y"]))

    def _draw_loss(self) -> None:
        self.loss.show_runs(self.model.entries, self.model.view, self.model.function.minimum)

    def _draw_history(self) -> None:
        if self.tables.currentWidget() is self.compare_panel:
            self.compare_panel.set_number_format(self.number_format())
            self.compare_panel.refresh(self.model)
            return
        self.history_panel.set_number_format(self.number_format())
        self.history_panel.refresh(self.model)

    def _draw_state(self) -> None:
        """The run list, the selected run's panel, the state table, the timeline and the status bar."""
        m = self.model
        entry = m.selected()
        self.run_list.show_runs(m.entries, m.selected_id)
        if entry is None or entry.history is None:
            return
        if self.run_panel.show_run(entry):
            self.watch_fields()  # the form was built anew for another optimizer
        self.settings_panel.show_rounding_note(entry.optimizer.rounding_note())
        self.state_panel.set_number_format(self.number_format())
        self.state_panel.refresh(m, rule=not self.formula_panel.isVisible())
        self.formula_panel.number_format = self.number_format()
        self.formula_panel.refresh(m)
        self.timeline.show_position(m.viewed_step(entry) if entry.visible else m.view, m.newest())
        self._show_status(entry, m.viewed_step(entry))

    def _show_playing(self) -> None:
        if self._shown_playing != self.model.playing:  # (the same text and icon again would repaint the toolbar)
            self._shown_playing = self.model.playing
            self._play_text()

    def _play_text(self) -> None:
        playing = self._shown_playing
        self.action_play.setText(self.tr("&Pause") if playing else self.tr("&Play"))
        self.action_play.setIconText(plain(self.action_play.text()))
        self.action_play.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))

    def _show_status(self, entry: RunEntry, k: int) -> None:
        row = entry.history.row(k)
        norm = math.hypot(row["grad_x"], row["grad_y"])
        if self.model.playing and entry.stop is None and entry.visible:
            condition = self.tr("running")
        elif entry.stop is not None and k == entry.step:
            condition = str(entry.stop)
        else:
            condition = self.tr("paused")
        others = sum(1 for e in self.model.shown() if e.stop is not None and e is not entry)
        tail = "   " + self.tr("(other runs stopped: {n})").format(n=others) if others else ""
        fmt = self.number_format()
        head = self.tr("{name}: step {k} of {newest}").format(name=entry.name, k=k, newest=entry.step)
        self.status_label.setText(f"{head}   f = {fmt.text(row['f'], 'f')}   ‖∇f‖ = {norm:.4g}   {condition}{tail}")

    # -------------------------------------------------------------------------------------------- languages
    def set_language(self, code: str) -> None:
        """View ▸ Language: every text of the window in ``code`` ("en", "ko") at once, remembered."""
        code = self.translations.apply(code)
        self.settings.setValue("view/language", code)
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "docks"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text of the window again, in the language now in effect."""
        self._show_title()
        self.toolbar.setWindowTitle(self.tr("Transport"))
        for dock in self.docks:
            dock.setWindowTitle(self.tr(_DOCK_TITLES[dock.objectName()]))
        self.tables.setTabText(0, self.tr("History of the selected run"))
        self.tables.setTabText(1, self.tr("All shown runs"))
        retranslate_actions(self)
        self._play_text()
        for part in (self.speed, self.timeline, self.loss, self.function_panel, self.run_list, self.run_panel,
                     self.settings_panel, self.state_panel, self.history_panel, self.compare_panel, self.legend,
                     self.tuner, self.basin):
            if hasattr(part, "retranslate"):
                part.retranslate()
        self.library.language = self.translations.language
        if self.library.menu is not None:
            self.library.fill(self.library.menu)
        self.lesson_panel.show_lesson(self.lesson_panel.lesson, self.translations.language)
        for code, action in self.language_actions.items():
            action.setChecked(code == self.translations.language)
        self._drawn.clear()
        self.redraw()  # the status line and the tables too, before anything else is painted

    def _show_title(self) -> None:
        self.setWindowTitle(f"GradStep — {self.model.function.title_text()}")

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, [*self.actions(), self.action_remove_run])

    def show_about(self) -> None:
        dialogs.show_about(self)

    # --------------------------------------------------------------------------- shortcuts in text fields
    def watch_fields(self) -> None:
        """Let this window's Ctrl and Alt shortcuts through every text field it has now (see
        eventFilter); called again when a panel builds new fields.  A filter on the fields alone: one on
        the whole application would route every event of the program through Python."""
        for field in self.findChildren(QLineEdit) + self.findChildren(QAbstractSpinBox):
            if not field.property("gradstep_watched"):
                field.setProperty("gradstep_watched", True)
                field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """A text field claims the keys it edits with, Ctrl+E (end of line) among them; a shortcut of
        this window with Ctrl or Alt wins over the field wherever the focus is."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit | QAbstractSpinBox) \
                and isinstance(event, QKeyEvent) and self._is_window_shortcut(event):
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and watched is not self.function_panel.expression and self.parameters_column.isAncestorOf(watched):
            QTimer.singleShot(0, lambda: self._back_to_plot(watched))
        return super().eventFilter(watched, event)

    def _back_to_plot(self, field) -> None:
        """Enter in a parameter field (once the field has taken the value) hands the keyboard back to the
        plot, so that → steps and Space plays at once with the new value; a refused value keeps the focus
        where it is to be corrected.  (A typed formula keeps it too: it is read in the background.)"""
        if field.hasFocus() and not getattr(field, "reason", ""):
            self.contour.setFocus(Qt.FocusReason.OtherFocusReason)

    def _is_window_shortcut(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not modifiers or event.key() in _EDITING_KEYS:
            return False
        pressed = event.keyCombination().toCombined()
        return any(not a.shortcut().isEmpty() and a.shortcut()[0].toCombined() == pressed for a in self.actions())

    # --------------------------------------------------------------------------------- settings, closing
    def shutdown(self) -> None:
        """Stop the stepping thread cleanly (idempotent): no QThread is ever destroyed while running."""
        if self._closed:
            return
        self._closed = True
        self.frame.stop()
        app = QApplication.instance()
        if app is not None:
            QApplication.setFont(self.appearance.base)  # the application's font is not this window's to keep
        if self.worker_thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
            self.worker_thread.quit()
            self.worker_thread.wait()
        self.contour.service.wait()
        self.function_panel.wait()
        for part in (self.tuner, self.basin):  # their threads, cancelled and waited for
            part.shutdown()

    def closeEvent(self, event):
        if not self._closed:
            preferences.save(self, self.settings)
            self.files.keep_last_session()
        self.shutdown()
        super().closeEvent(event)


# keys a text field must keep even with Ctrl (copy, paste, cut, select all, undo, redo, word moves):
# in a field, Ctrl+Z undoes the typing; elsewhere, the last change to the runs
_EDITING_KEYS = {Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X, Qt.Key.Key_A, Qt.Key.Key_Z, Qt.Key.Key_Y,
                 Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Home,
                 Qt.Key.Key_End}
