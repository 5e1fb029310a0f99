"""GradStep's main window: panels on the left, the plots in the middle, the numbers on the right.

The window keeps the user's settings and a mirror of every run (`gui.session.RunEntry`); a
`gui.worker.StepWorker` in its own thread owns and steps the runs.  Commands go to it as queued signals;
its snapshots update the mirrors as they arrive, and a frame timer redraws at display rate, so stepping
thousands of times a second never floods the interface.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QMetaObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.functions import FUNCTIONS, Objective
from core.hyper import InvalidValue
from core.lessons import Lesson, LessonRun, load_lessons
from core.optimizers import OPTIMIZERS, SGD
from core.run import check_start

from . import dialogs, preferences
from .actions import build_actions, build_menus, build_toolbar
from .contour_view import ContourView
from .files import FileCommands
from .loss_plot import LossPlot
from .panels import PALETTE, FunctionPanel, RunListPanel, RunPanel, SettingsPanel
from .session import GUI_MAX_STEPS, Options, RunEntry
from .snapshots import Snapshot
from .tables import HistoryModel, StateModel, fit_columns, make_table_view, state_rows
from .transport import SpeedControl, Timeline
from .worker import WorkerClient, start_worker

__all__ = ["OPENING_FUNCTION", "OPENING_OPTIONS", "OPENING_RUNS", "MainWindow"]

FRAME_MS = 16
# While playing fast: the seconds between redraws of each part that is not redrawn every frame
STREAM_INTERVALS = {"history": 0.1, "state": 0.1, "loss": 0.2}


# The state the window opens in: the lecture notes' first example (their first ten-step table).
OPENING_FUNCTION = "quadratic"
OPENING_OPTIONS = Options(decimals=4)
OPENING_RUNS = (LessonRun("SGD", SGD(lr=0.5), (0.0, 0.0)),)


class MainWindow(QMainWindow):
    """The whole application window; ``MainWindow()`` needs no arguments."""

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("GradStep")
        self.setObjectName("main_window")
        icon_path = Path(__file__).resolve().parents[1] / "resources" / "icons" / "gradstep.svg"
        self.setWindowIcon(QIcon(str(icon_path)))
        self.settings = settings if settings is not None else preferences.settings_store()
        self.function: Objective = FUNCTIONS[OPENING_FUNCTION]
        self.options = OPENING_OPTIONS
        self.entries: list[RunEntry] = []
        self.selected_id: int | None = None
        self.playing = False
        self.cursor: int | None = None  # the step on view; None follows the newest step
        self._next_id = 1
        self._dirty = True
        self._changed_from: dict[int, int] = {}
        self._closed = False
        self._owe_acknowledgement = False
        self._columns_fitted = 0.0
        self._drawn_at = dict.fromkeys(STREAM_INTERVALS, 0.0)
        self.lessons = load_lessons()

        self.files = FileCommands(self)
        self._build_views()
        build_actions(self)
        build_menus(self, self.lessons)
        self._build_toolbar()
        self._build_docks()
        self._build_status()

        self.client = WorkerClient(self)
        self.worker, self.worker_thread = start_worker(self.function, self.options, self)
        self.client.connect_to(self.worker)
        queued = Qt.ConnectionType.QueuedConnection  # what Auto would pick across threads, said outright
        self.worker.stepped.connect(self._on_snapshot, queued)
        self.worker.refused.connect(self._on_refused, queued)
        self.frame = QTimer(self)
        self.frame.setInterval(FRAME_MS)
        self.frame.timeout.connect(self.redraw)
        self.frame.start()

        self._open(self.function, self.options, OPENING_RUNS)
        preferences.restore(self, self.settings)
        self.refresh_view_options()
        self.client.set_speed.emit(self.speed.speed)
        self.contour.setFocus()

    # ---------------------------------------------------------------------------------------- building
    def _build_views(self) -> None:
        self.contour = ContourView(self)
        self.contour.clicked.connect(self._plot_clicked)
        self.contour.hovered.connect(self._hovered)
        self.loss = LossPlot(self)
        self.timeline = Timeline(self)
        self.timeline.step_chosen.connect(self._view_step)
        top = QWidget(self)
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.contour, 1)
        layout.addWidget(self.timeline)
        self.plots = QSplitter(Qt.Orientation.Vertical, self)
        self.plots.setObjectName("plots")
        self.plots.addWidget(top)
        self.plots.addWidget(self.loss)
        self.plots.setStretchFactor(0, 3)
        self.plots.setStretchFactor(1, 1)
        self.plots.setSizes([600, 200])
        self.setCentralWidget(self.plots)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Transport", self)
        bar.setObjectName("transport_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        self.speed = SpeedControl(self)
        self.speed.speed_changed.connect(lambda s: self.client.set_speed.emit(s))
        build_toolbar(self, bar, self.speed)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_docks(self) -> None:
        self.function_panel = FunctionPanel(self)
        self.function_panel.function_chosen.connect(self.choose_function)
        self.run_list = RunListPanel(self)
        self.run_list.selected.connect(self.select_run)
        self.run_list.visibility_changed.connect(self.set_run_visible)
        self.run_list.add_requested.connect(self.add_run)
        self.run_list.duplicate_requested.connect(self.duplicate_run)
        self.run_list.remove_requested.connect(self.remove_run)
        self.run_list.color_chosen.connect(self.set_run_color)
        # Delete removes a run only from the run list: in a table or elsewhere it would surprise
        self.removeAction(self.action_remove_run)
        self.action_remove_run.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.run_list.list.addAction(self.action_remove_run)
        self.run_panel = RunPanel(self)
        self.run_panel.name_changed.connect(self._rename)
        self.run_panel.optimizer_chosen.connect(self._choose_optimizer)
        self.run_panel.hyper_changed.connect(self._set_hyper)
        self.run_panel.start_changed.connect(lambda x, y: self._set_start((x, y)))
        self.settings_panel = SettingsPanel(self)
        self.settings_panel.options_changed.connect(self.set_options)
        column = QWidget(self)
        layout = QVBoxLayout(column)
        for panel in (self.function_panel, self.run_list, self.run_panel, self.settings_panel):
            layout.addWidget(panel)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(column.sizeHint().width() + 24)
        left = QDockWidget("Parameters", self)
        left.setObjectName("parameters_dock")
        left.setWidget(scroll)
        left.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                         QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)

        self.state_model = StateModel(self)
        self.state_table = make_table_view(self.state_model, "state_table", self)
        self.history_model = HistoryModel(self)
        self.history_table = make_table_view(self.history_model, "history_table", self)
        self.history_table.selectionModel().currentRowChanged.connect(self._history_row_chosen)
        self.history_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.history_table.addAction(self.action_continue_here)
        self.state_title = QLabel(self)
        self.state_title.setObjectName("state_title")
        self.state_title.setWordWrap(True)
        state_box = QGroupBox("State at the step on view", self)
        box_layout = QVBoxLayout(state_box)
        box_layout.addWidget(self.state_title)
        box_layout.addWidget(self.state_table)
        history_box = QGroupBox("History of the selected run", self)
        QVBoxLayout(history_box).addWidget(self.history_table)
        numbers = QSplitter(Qt.Orientation.Vertical, self)
        numbers.addWidget(state_box)
        numbers.addWidget(history_box)
        numbers.setSizes([340, 420])
        right = QDockWidget("Numbers", self)
        right.setObjectName("numbers_dock")
        right.setWidget(numbers)
        right.setFeatures(left.features())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, right)
        self.docks = [left, right]

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.pointer_label = QLabel(self)
        self.pointer_label.setObjectName("pointer_label")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.pointer_label)

    # ------------------------------------------------------------------------------------- the session
    def _open(self, function: Objective, options: Options, runs) -> None:
        """Replace every run with ``runs`` (LessonRun: name, optimizer, start, visibility, colour)."""
        self.function, self.options = function, options
        self.entries = []
        for i, run in enumerate(runs):
            self.entries.append(RunEntry(self._next_id, run.name, run.color or PALETTE[i % len(PALETTE)],
                                         run.optimizer.replace(decimals=None), tuple(run.start), function,
                                         visible=run.visible))
            self._next_id += 1
        self.selected_id = self.entries[0].run_id
        self.cursor = None
        self.function_panel.show_function(function.name)
        self.setWindowTitle(f"GradStep — {function.title}")
        self.settings_panel.show_options(options)
        self.contour.set_function(function)
        self.run_panel.rebuild()
        self.client.load.emit(function, options, [e.setup() for e in self.entries])
        self._dirty = True

    def open_lesson(self, lesson: Lesson) -> str:
        """Set up the lesson's runs; returns (and shows) what the user should know about it."""
        max_steps = min(lesson.max_steps, GUI_MAX_STEPS)
        self._open(lesson.function, Options(lesson.decimals, max_steps, lesson.tol), lesson.runs)
        note = "" if max_steps == lesson.max_steps else \
            f" Its step limit of {lesson.max_steps:,} is lowered to the window's {GUI_MAX_STEPS:,}."
        self.statusBar().showMessage(f"{lesson.group}: {lesson.title}. {lesson.description}{note}", 8000)
        return note

    def current_session(self) -> Lesson:
        """Everything needed to set this window up again (the steps themselves are recomputed)."""
        runs = tuple(LessonRun(e.name, e.optimizer, e.start, e.visible, e.color) for e in self.entries)
        o = self.options
        return Lesson("session", "Sessions", "Saved session", f"{len(runs)} runs on {self.function.title}",
                      self.function, o.decimals, o.max_steps, runs, o.tol)

    def selected(self) -> RunEntry | None:
        return None if self.selected_id is None else self.entry(self.selected_id)

    def choose_function(self, name: str) -> None:
        function = FUNCTIONS[name]
        if function is self.function:
            return
        self.function = function
        for entry in self.entries:
            entry.function, entry.start = function, function.start
        self.cursor = None
        self.contour.set_function(function)
        self.function_panel.show_function(name)
        self.setWindowTitle(f"GradStep — {function.title}")
        self.client.set_function.emit(function)
        self._dirty = True

    def set_options(self, options: Options) -> None:
        self.options = options
        self.client.set_options.emit(options)

    def select_run(self, run_id: int) -> None:
        if run_id != self.selected_id:
            self.selected_id = run_id
            self.run_panel.rebuild()
            self._dirty = True

    def entry(self, run_id: int) -> RunEntry | None:
        return next((e for e in self.entries if e.run_id == run_id), None)

    def set_run_visible(self, run_id: int, visible: bool) -> None:
        self.entry(run_id).visible = visible
        self.client.set_visible.emit(run_id, visible)
        self._dirty = True

    def set_run_color(self, run_id: int, color: str) -> None:
        self.entry(run_id).color = color
        self._dirty = True

    def _new_entry(self, name: str, optimizer, start) -> RunEntry:
        used = {e.color for e in self.entries}
        color = next((c for c in PALETTE if c not in used), PALETTE[len(self.entries) % len(PALETTE)])
        entry = RunEntry(self._next_id, name, color, optimizer, tuple(start), self.function)
        self._next_id += 1
        self.entries.append(entry)
        self.selected_id = entry.run_id
        self.run_panel.rebuild()
        self.client.add_run.emit(entry.setup())
        self._dirty = True
        return entry

    def add_run(self) -> None:
        """A run with the first optimizer not yet on screen (defaults), from the selected run's start."""
        current = self.selected()
        used = {type(e.optimizer) for e in self.entries}
        cls = next((c for c in OPTIMIZERS.values() if c not in used), type(current.optimizer))
        self._new_entry(cls.title, cls(), current.start)

    def duplicate_run(self) -> None:
        current = self.selected()
        self._new_entry(f"{current.name} (copy)", current.optimizer, current.start)

    def remove_run(self) -> None:
        if len(self.entries) <= 1:
            self.statusBar().showMessage("The last run cannot be removed.", 4000)
            return
        index = next(i for i, e in enumerate(self.entries) if e.run_id == self.selected_id)
        gone = self.entries.pop(index)
        self.client.remove_run.emit(gone.run_id)
        self.selected_id = self.entries[min(index, len(self.entries) - 1)].run_id
        self.run_panel.rebuild()
        self._dirty = True

    def _rename(self, name: str) -> None:
        entry = self.selected()
        entry.name = name
        self.client.configure_run.emit(entry.run_id, {"name": name})
        self._dirty = True

    def _choose_optimizer(self, name: str) -> None:
        entry = self.selected()
        cls = OPTIMIZERS[name]
        if type(entry.optimizer) is cls:
            return
        if entry.name == type(entry.optimizer).title:
            entry.name = cls.title  # a run named after its optimizer keeps being so
        entry.optimizer = cls()
        self.client.configure_run.emit(entry.run_id, {"optimizer": entry.optimizer, "name": entry.name})
        self.cursor = None
        self._dirty = True

    def _set_hyper(self, name: str, value: float) -> None:
        entry = self.selected()
        entry.optimizer = entry.optimizer.replace(**{name: value})
        self.client.configure_run.emit(entry.run_id, {"optimizer": entry.optimizer})
        self._dirty = True

    def _set_start(self, start) -> bool:
        """Move the selected run's start (it starts again there); False, with the reason, if refused."""
        try:
            start = check_start(start)
        except InvalidValue as error:
            self.statusBar().showMessage(str(error), 6000)
            return False
        entry = self.selected()
        entry.start = start
        self.client.configure_run.emit(entry.run_id, {"start": entry.start})
        self.cursor = None
        self._dirty = True
        return True

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
        self.cursor = None
        shown = [e for e in self.entries if e.visible]
        if not self.playing and shown and all(e.stop is not None for e in shown):
            self.statusBar().showMessage("Every shown run has stopped: press R to reset, or raise the step "
                                         "limit, or change a setting.", 6000)
        self.client.toggle.emit()

    def step(self) -> None:
        self._commit_typing()
        self.cursor = None
        self.client.step.emit()

    def step_back(self) -> None:
        self._commit_typing()
        self.cursor = None
        self.client.step_back.emit()

    def reset(self) -> None:
        self._commit_typing()
        self.cursor = None
        self.client.reset.emit()

    def continue_here(self) -> None:
        entry = self.selected()
        if entry is not None and self.cursor is not None:
            self.client.rewind.emit(entry.run_id, self.cursor)
            self.cursor = None

    def _view_step(self, step: int) -> None:
        entry = self.selected()
        newest = entry.step if entry is not None else 0
        self.cursor = None if step >= newest else step
        self._dirty = True

    def _history_row_chosen(self, current, _previous) -> None:
        if not self._syncing_table and current.isValid():
            self._view_step(current.row())

    _syncing_table = False

    def _plot_clicked(self, x: float, y: float) -> None:
        if self.playing:
            self.statusBar().showMessage("Pause first to move the start point.", 3000)
            return
        if self._set_start((x, y)):
            self.run_panel.show_run(self.selected())
            self.statusBar().showMessage(f"Start moved to ({x:.4g}, {y:.4g}).", 3000)

    def _hovered(self, x: float, y: float) -> None:
        with np.errstate(all="ignore"):
            f = self.function.f(x, y)
        self.pointer_label.setText(f"x = {x:.4g}   y = {y:.4g}   f = {f:.6g}")

    # ---------------------------------------------------------------------------------------- snapshots
    @Slot(object)
    def _on_snapshot(self, snapshot: Snapshot) -> None:
        self.playing = snapshot.playing
        by_id = {e.run_id: e for e in self.entries}
        for delta in snapshot.runs:
            entry = by_id.get(delta.run_id)
            if entry is None:
                continue
            regenerated = delta.generation != entry.generation
            entry.apply(delta)
            first = 0 if regenerated else delta.first
            self._changed_from[entry.run_id] = min(self._changed_from.get(entry.run_id, first), first)
        self._dirty = True
        self._owe_acknowledgement = True
        selected = self.selected()
        if (selected is not None and selected.history is not None and self.history_model.entry is selected
                and len(selected.history) < self.history_model.rowCount()):
            # rows were taken away (a step back): the table must hear of it before it next paints, or
            # it would ask for rows that are gone; new rows can wait for the next frame
            self.history_model.show_entry(selected, self._changed_from.pop(selected.run_id, None))

    @Slot(str)
    def _on_refused(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 6000)

    # ------------------------------------------------------------------------------------------ drawing
    def refresh_view_options(self) -> None:
        """The arrows, the loss plot's scale or the contour plot's aspect were switched."""
        self.contour.getPlotItem().getViewBox().setAspectLocked(self.action_equal_scales.isChecked())
        self.loss.set_log(self.action_log_loss.isChecked())
        self._dirty = True

    def set_digits(self, digits: int | None) -> None:
        self.state_model.digits = self.history_model.digits = digits
        self.digit_actions[digits].setChecked(True)
        self.history_model.layoutChanged.emit()
        self.state_model.layoutChanged.emit()
        fit_columns(self.history_table, self.history_model.samples())
        fit_columns(self.state_table, self.state_model.samples())
        self._dirty = True

    def fit_view(self) -> None:
        shown = [e.history.points() for e in self.entries if e.visible and e.history is not None]
        if shown:
            self.contour.fit_to(np.vstack(shown))
        self.loss.refollow()
        self._dirty = True

    def viewed_step(self, entry: RunEntry) -> int:
        return entry.step if self.cursor is None else min(self.cursor, entry.step)

    @Slot()
    def redraw(self) -> None:
        """Bring every view up to date with the mirrors (called by the frame timer)."""
        if not self._dirty or self._closed:
            return
        self._dirty = False
        try:
            self._draw()
        finally:
            if self._owe_acknowledgement:
                # after the paint events this redraw posted: the worker waits for the frame to be on
                # screen, and must never be left waiting, whatever happened while drawing
                self._owe_acknowledgement = False
                QTimer.singleShot(0, self.client.acknowledge.emit)

    def _draw(self) -> None:
        """Draw what changed.

        While playing fast, a frame draws only the part that is most overdue: the trajectories (every
        frame they can), the history table, the state table and texts (each 10 times a second: faster
        than that nobody can read them), or the loss plot (5 times a second).  No single frame then
        keeps the event loop busy for long, and the keyboard stays responsive."""
        self._show_playing()
        if not (self.playing and self.speed.speed > 60):
            self._draw_trajectories()
            self._draw_loss()
            self._draw_history()
            self._draw_state()
            return
        now = time.monotonic()
        overdue = [(now - self._drawn_at[name] - interval, name) for name, interval in STREAM_INTERVALS.items()]
        lateness, name = max(overdue)
        if lateness >= 0:
            getattr(self, f"_draw_{name}")()
            self._drawn_at[name] = now
        else:
            self._draw_trajectories()
        self._dirty = True  # the parts not drawn now are drawn in the coming frames

    def _draw_trajectories(self) -> None:
        arrows = (self.action_gradient_arrow.isChecked(), self.action_step_arrow.isChecked())
        self.contour.show_runs(self.entries, self.cursor, self.selected_id, arrows)

    def _draw_loss(self) -> None:
        self.loss.show_runs(self.entries, self.cursor, self.function.minimum)

    def _draw_history(self) -> None:
        """The history table: rows in, sized, and the row on view selected."""
        entry = self.selected()
        if entry is None or entry.history is None:
            return
        key_before = (self.history_model.column_names(), self.history_model.entry)
        self.history_model.show_entry(entry, self._changed_from.pop(entry.run_id, None))
        self._changed_from.clear()
        key = (self.history_model.column_names(), self.history_model.entry)
        now = time.monotonic()
        # sizing the columns formats a few hundred cells: on a new table at once, while rows stream in
        # at most twice a second
        if key != key_before or now - self._columns_fitted > 0.5:
            fit_columns(self.history_table, self.history_model.samples(), grow_only=key == key_before)
            self._columns_fitted = now
        self._sync_history_selection(self.viewed_step(entry))

    def _draw_state(self) -> None:
        """The run list, the selected run's panel, the state table, the timeline and the status bar."""
        entry = self.selected()
        self.run_list.show_runs(self.entries, self.selected_id)
        if entry is None or entry.history is None:
            return
        self.run_panel.show_run(entry)
        k = self.viewed_step(entry)
        self.state_model.set_rows(state_rows(entry, k))
        fit_columns(self.state_table, self.state_model.samples())
        title = (f"<b>{entry.name}</b> · {type(entry.optimizer).title}<br>"
                 f"<span style='font-family:monospace'>{'; '.join(entry.optimizer.formula)}</span>")
        if title != self.state_title.text():  # a new text lays the whole dock out again: only when it changes
            self.state_title.setText(title)
        self.timeline.show_position(k, entry.step)
        self._show_status(entry, k)

    def _show_playing(self) -> None:
        playing = self.action_play.text() == "&Pause"
        if playing != self.playing:  # (setting the same text and icon would still repaint the toolbar)
            self.action_play.setText("&Pause" if self.playing else "&Play")
            self.action_play.setIcon(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MediaPause if self.playing else QStyle.StandardPixmap.SP_MediaPlay))

    def _sync_history_selection(self, k: int) -> None:
        self._syncing_table = True
        index = self.history_model.index(k, 0)
        if self.history_table.currentIndex().row() != k:
            self.history_table.setCurrentIndex(index)
        self.history_table.scrollTo(index)
        self._syncing_table = False

    def _show_status(self, entry: RunEntry, k: int) -> None:
        row = entry.history.row(k)
        norm = math.hypot(row["grad_x"], row["grad_y"])
        visible = [e for e in self.entries if e.visible]
        if self.playing and entry.stop is None and entry.visible:
            condition = "running"
        elif entry.stop is not None:
            condition = str(entry.stop)
        else:
            condition = "paused"
        others = sum(1 for e in visible if e.stop is not None and e is not entry)
        tail = f"   ({others} other run{'s' if others != 1 else ''} stopped)" if others else ""
        self.status_label.setText(f"{entry.name}: step {k} of {entry.step}   f = {row['f']:.6g}   "
                                  f"‖∇f‖ = {norm:.4g}   {condition}{tail}")

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, [*self.actions(), self.action_remove_run])

    def show_about(self) -> None:
        dialogs.show_about(self)

    # --------------------------------------------------------------------------------- settings, closing
    def shutdown(self) -> None:
        """Stop the stepping thread cleanly (idempotent): no QThread is ever destroyed while running."""
        if self._closed:
            return
        self._closed = True
        self.frame.stop()
        if self.worker_thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
            self.worker_thread.quit()
            self.worker_thread.wait()
        self.contour.service.wait()

    def closeEvent(self, event):
        if not self._closed:
            preferences.save(self, self.settings)
            self.files.keep_last_session()
        self.shutdown()
        super().closeEvent(event)
