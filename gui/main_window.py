"""GradStep's main window: panels on the left, the plots in the middle, the numbers on the right.

The window keeps the user's settings and a mirror of every run (`gui.session.RunEntry`); a
`gui.worker.StepWorker` in its own thread owns and steps the runs.  Commands go to it as queued signals;
its snapshots update the mirrors as they arrive, and a frame timer redraws at display rate, so stepping
thousands of times a second never floods the interface.
"""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMetaObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.atomic import FileError, atomic_write
from core.functions import FUNCTIONS, Objective
from core.lessons import Lesson, LessonRun, load_lessons, load_session, save_session
from core.optimizers import OPTIMIZERS, SGD
from core.trajectory_csv import write_csv

from . import dialogs
from .contour_view import ContourView
from .loss_plot import LossPlot
from .panels import PALETTE, FunctionPanel, RunListPanel, RunPanel, SettingsPanel
from .session import Options, RunEntry
from .snapshots import Snapshot
from .tables import HistoryModel, StateModel, fit_columns, make_table_view, state_rows
from .transport import SpeedControl, Timeline
from .worker import WorkerClient, start_worker

__all__ = ["OPENING_FUNCTION", "OPENING_OPTIONS", "OPENING_RUNS", "MainWindow"]

FRAME_MS = 16


# The state the window opens in: the lecture notes' first example (their first ten-step table).
OPENING_FUNCTION = "quadratic"
OPENING_OPTIONS = Options(decimals=4)
OPENING_RUNS = (LessonRun("SGD", SGD(lr=0.5), (0.0, 0.0)),)
SESSION_PATTERN = "GradStep sessions (*.gradstep);;All files (*)"


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GradStep", "GradStep")


class MainWindow(QMainWindow):
    """The whole application window; ``MainWindow()`` needs no arguments."""

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("GradStep")
        self.setObjectName("main_window")
        icon_path = Path(__file__).resolve().parents[1] / "resources" / "icons" / "gradstep.svg"
        self.setWindowIcon(QIcon(str(icon_path)))
        self.settings = settings if settings is not None else _settings()
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
        self.lessons = load_lessons()

        self._build_views()
        self._build_actions()
        self._build_menus()
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
        self._restore_settings()
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

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "", icon=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        hint = f" ({action.shortcut().toString()})" if shortcut is not None else ""
        action.setToolTip(f"{tip or text.replace('&', '')}{hint}")
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        P = QStyle.StandardPixmap  # noqa: N806
        a = self._action
        self.action_play = a("action_play", "&Play", self.toggle_play, Qt.Key.Key_Space,
                             "Play or pause stepping", P.SP_MediaPlay)
        self.action_step = a("action_step", "&Step", self.step, Qt.Key.Key_Right, "One step forward",
                             P.SP_MediaSeekForward)
        self.action_step_back = a("action_step_back", "Step &back", self.step_back, Qt.Key.Key_Left,
                                  "One step back (the next step forward uses the current settings)",
                                  P.SP_MediaSeekBackward)
        self.action_reset = a("action_reset", "&Reset", self.reset, Qt.Key.Key_R,
                              "Every run back to its start point", P.SP_MediaSkipBackward)
        self.action_faster = a("action_faster", "Faster", lambda: self.speed.nudge(1), Qt.Key.Key_BracketRight)
        self.action_slower = a("action_slower", "Slower", lambda: self.speed.nudge(-1), Qt.Key.Key_BracketLeft)
        self.action_export_csv = a("action_export_csv", "&Export CSV…", self.export_csv, "Ctrl+E",
                                   "Save every run's steps as CSV", P.SP_DialogSaveButton)
        self.action_export_image = a("action_export_image", "Export &image…", self.export_image, "Ctrl+Shift+E",
                                     "Save the plots as a PNG picture")
        self.action_open_session = a("action_open_session", "&Open session…", lambda: self.open_session(),
                                     QKeySequence.StandardKey.Open, "Open runs and settings saved earlier",
                                     P.SP_DialogOpenButton)
        self.action_save_session = a("action_save_session", "&Save session…", self.save_session,
                                     QKeySequence.StandardKey.Save, "Save the runs and settings to a file")
        self.action_reopen_session = a("action_reopen_session", "&Reopen last session", self.reopen_last_session,
                                       "Ctrl+Shift+O", "The runs and settings GradStep had when it last closed")
        self.action_quit = a("action_quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.action_add_run = a("action_add_run", "&Add run", self.add_run, "Ctrl+N",
                                "Add a run with another optimizer, from the same start")
        self.action_duplicate_run = a("action_duplicate_run", "&Duplicate run", self.duplicate_run, "Ctrl+D",
                                      "Copy the selected run, settings and all")
        self.action_remove_run = a("action_remove_run", "Re&move run", self.remove_run, QKeySequence.StandardKey.Delete,
                                   "Remove the selected run")
        self.action_continue_here = a("action_continue_here", "&Continue from the step on view", self.continue_here,
                                      "Ctrl+K", "Drop the later steps of the selected run and go on from here")
        self.action_fit = a("action_fit", "&Fit view to runs", self.fit_view, "F", "Zoom to show every trajectory")
        self.action_reset_view = a("action_reset_view", "&Reset view", lambda: self.contour.reset_view(),
                                   "Home", "The function's default view")
        self.action_gradient_arrow = a("action_gradient_arrow", "&Gradient arrow", self._toggled, "G",
                                       "Show the direction of −∇f at the selected run's point")
        self.action_step_arrow = a("action_step_arrow", "&Next-step arrow", self._toggled, "N",
                                   "Show the step the selected run is about to take, to scale")
        self.action_log_loss = a("action_log_loss", "&Log scale for f", self._toggled, "L",
                                 "Plot f − f* on a log scale")
        for action in (self.action_gradient_arrow, self.action_step_arrow, self.action_log_loss):
            action.setCheckable(True)
        self.action_gradient_arrow.setChecked(True)
        self.action_step_arrow.setChecked(True)
        self.action_shortcuts = a("action_shortcuts", "&Keyboard shortcuts", self.show_shortcuts,
                                  QKeySequence.StandardKey.HelpContents)
        self.action_about = a("action_about", "&About GradStep", lambda: dialogs.show_about(self))
        self.digits_group = QActionGroup(self)
        self.digit_actions = {}
        for digits, text in ((None, "&Full precision"), (4, "&4 significant digits"), (6, "&6 significant digits"),
                             (8, "&8 significant digits")):
            action = QAction(text, self.digits_group)
            action.setCheckable(True)
            action.setChecked(digits is None)
            action.triggered.connect(lambda _c=False, d=digits: self.set_digits(d))
            self.digit_actions[digits] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.action_open_session, self.action_reopen_session, self.action_save_session])
        file_menu.addSeparator()
        file_menu.addActions([self.action_export_csv, self.action_export_image])
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        run_menu = bar.addMenu("&Run")
        run_menu.addActions([self.action_play, self.action_step, self.action_step_back, self.action_reset])
        run_menu.addSeparator()
        run_menu.addActions([self.action_faster, self.action_slower])
        run_menu.addSeparator()
        run_menu.addActions([self.action_add_run, self.action_duplicate_run, self.action_remove_run,
                             self.action_continue_here])
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.action_gradient_arrow, self.action_step_arrow, self.action_log_loss])
        view_menu.addSeparator()
        view_menu.addActions([self.action_fit, self.action_reset_view])
        digits_menu = view_menu.addMenu("&Numbers")
        digits_menu.addActions(list(self.digit_actions.values()))
        self.view_menu = view_menu
        lessons_menu = bar.addMenu("&Lessons")
        groups: dict[str, object] = {}
        for lesson in self.lessons:
            menu = groups.get(lesson.group) or groups.setdefault(lesson.group, lessons_menu.addMenu(lesson.group))
            action = menu.addAction(lesson.title)
            action.setObjectName(f"lesson_{lesson.name}")
            action.setStatusTip(lesson.description)
            action.setToolTip(lesson.description)
            action.triggered.connect(lambda _c=False, chosen=lesson: self.open_lesson(chosen))
        lessons_menu.setToolTipsVisible(True)
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.action_shortcuts, self.action_about])

    def _build_toolbar(self) -> None:
        bar = QToolBar("Transport", self)
        bar.setObjectName("transport_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addActions([self.action_reset, self.action_step_back, self.action_play, self.action_step])
        bar.addSeparator()
        self.speed = SpeedControl(self)
        self.speed.speed_changed.connect(lambda s: self.client.set_speed.emit(s))
        bar.addWidget(self.speed)
        bar.addSeparator()
        bar.addActions([self.action_gradient_arrow, self.action_step_arrow, self.action_log_loss, self.action_fit])
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
        self.resizeDocks([left, right], [320, 520], Qt.Orientation.Horizontal)

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

    def open_lesson(self, lesson: Lesson) -> None:
        self._open(lesson.function, Options(lesson.decimals, lesson.max_steps, lesson.tol), lesson.runs)
        self.statusBar().showMessage(f"{lesson.group}: {lesson.title}. {lesson.description}", 8000)

    def current_session(self) -> Lesson:
        """Everything needed to set this window up again (the steps themselves are recomputed)."""
        runs = tuple(LessonRun(e.name, e.optimizer, e.start, e.visible, e.color) for e in self.entries)
        o = self.options
        return Lesson("session", "Sessions", "Saved session", f"{len(runs)} runs on {self.function.title}",
                      self.function, o.decimals, o.max_steps, runs, o.tol)

    def save_session(self) -> None:
        path = self._ask_path("Save the session", "lesson.gradstep", SESSION_PATTERN, ".gradstep")
        if path is None:
            return
        try:
            save_session(path, self.current_session())
        except FileError as error:
            QMessageBox.critical(self, "Save failed", f"The session was not saved.\n\n{error}")
            return
        self.statusBar().showMessage(f"Saved the session to {path}", 6000)

    def open_session(self, path=None) -> None:
        if path is None:
            folder = self.settings.value("last_folder", str(Path.home()))
            chosen, _ = QFileDialog.getOpenFileName(self, "Open a session", folder, SESSION_PATTERN)
            if not chosen:
                return
            path = Path(chosen)
            self.settings.setValue("last_folder", str(path.parent))
        try:
            session = load_session(path)
        except FileError as error:
            QMessageBox.critical(self, "Open failed", f"The session could not be opened.\n\n{error}")
            return
        self.open_lesson(session)
        self.statusBar().showMessage(f"Opened {path}", 6000)

    def last_session_path(self) -> Path:
        return Path(self.settings.fileName()).with_name("last-session.gradstep")

    def reopen_last_session(self) -> None:
        path = self.last_session_path()
        if not path.exists():
            self.statusBar().showMessage("There is no earlier session yet: it is kept when GradStep closes.", 5000)
            return
        self.open_session(path)

    def selected(self) -> RunEntry | None:
        for entry in self.entries:
            if entry.run_id == self.selected_id:
                return entry
        return None

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

    def set_run_visible(self, run_id: int, visible: bool) -> None:
        for entry in self.entries:
            if entry.run_id == run_id:
                entry.visible = visible
        self.client.set_visible.emit(run_id, visible)
        self._dirty = True

    def set_run_color(self, run_id: int, color: str) -> None:
        for entry in self.entries:
            if entry.run_id == run_id:
                entry.color = color
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

    def _set_start(self, start) -> None:
        entry = self.selected()
        entry.start = (float(start[0]), float(start[1]))
        self.client.configure_run.emit(entry.run_id, {"start": entry.start})
        self.cursor = None
        self._dirty = True

    # ---------------------------------------------------------------------------------------- transport
    def toggle_play(self) -> None:
        self.cursor = None
        self.client.toggle.emit()

    def step(self) -> None:
        self.cursor = None
        self.client.step.emit()

    def step_back(self) -> None:
        self.cursor = None
        self.client.step_back.emit()

    def reset(self) -> None:
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
        self._set_start((x, y))
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

    @Slot(str)
    def _on_refused(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 6000)

    # ------------------------------------------------------------------------------------------ drawing
    def _toggled(self) -> None:
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
        entry = self.selected()
        self.run_list.show_runs(self.entries, self.selected_id)
        if entry is not None:
            self.run_panel.show_run(entry)
        self.action_play.setText("&Pause" if self.playing else "&Play")
        self.action_play.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if self.playing else QStyle.StandardPixmap.SP_MediaPlay))
        arrows = (self.action_gradient_arrow.isChecked(), self.action_step_arrow.isChecked())
        self.contour.show_runs(self.entries, self.cursor, self.selected_id, arrows)
        self.loss.show_runs(self.entries, self.cursor, self.function.minimum)
        self.action_log_loss.setEnabled(True)
        if entry is None or entry.history is None:
            return
        k = self.viewed_step(entry)
        key_before = (self.history_model.column_names(), self.history_model.entry)
        rows_before = self.history_model.rowCount()
        self.history_model.show_entry(entry, self._changed_from.pop(entry.run_id, None))
        if rows_before != self.history_model.rowCount() or key_before != (self.history_model.column_names(),
                                                                        self.history_model.entry):
            fit_columns(self.history_table, self.history_model.samples(), grow_only=rows_before > 0)
        self._changed_from.clear()
        self._sync_history_selection(k)
        self.state_model.set_rows(state_rows(entry, k))
        fit_columns(self.state_table, self.state_model.samples())
        self.state_title.setText(f"<b>{entry.name}</b> · {type(entry.optimizer).title} · step {k}<br>"
                                 f"<span style='font-family:monospace'>{'; '.join(entry.optimizer.formula)}</span>")
        self.timeline.show_position(k, entry.step)
        self._show_status(entry, k)

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
        if self.playing and entry.stop is None:
            condition = "running"
        elif entry.stop is not None:
            condition = str(entry.stop)
        else:
            condition = "paused"
        others = sum(1 for e in visible if e.stop is not None and e is not entry)
        tail = f"   ({others} other run{'s' if others != 1 else ''} stopped)" if others else ""
        self.status_label.setText(f"{entry.name}: step {k} of {entry.step}   f = {row['f']:.6g}   "
                                  f"‖∇f‖ = {norm:.4g}   {condition}{tail}")

    # ---------------------------------------------------------------------------------------- exporting
    def _ask_path(self, title: str, name: str, pattern: str, suffix: str) -> Path | None:
        folder = self.settings.value("last_folder", str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), pattern)
        if not path:
            return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(suffix)
        self.settings.setValue("last_folder", str(path.parent))
        return path

    def export_csv(self) -> None:
        path = self._ask_path("Export trajectories as CSV", f"{self.function.name}.csv",
                              "CSV files (*.csv);;All files (*)", ".csv")
        if path is None:
            return
        runs = [e for e in self.entries if e.history is not None]
        try:
            write_csv(runs, path, labels=[e.name for e in runs])
        except FileError as error:
            QMessageBox.critical(self, "Export failed", f"The CSV file was not written.\n\n{error}")
            return
        self.statusBar().showMessage(f"Exported {len(runs)} run{'s' if len(runs) != 1 else ''} to {path}", 6000)

    def export_image(self) -> None:
        path = self._ask_path("Export the plots as an image", f"{self.function.name}.png", "PNG images (*.png)",
                              ".png")
        if path is None:
            return
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.plots.grab().save(buffer, "PNG")
        buffer.close()
        try:
            atomic_write(path, lambda stream: stream.write(bytes(data)), binary=True)
        except FileError as error:
            QMessageBox.critical(self, "Export failed", f"The image was not written.\n\n{error}")
            return
        self.statusBar().showMessage(f"Saved the plots to {path}", 6000)

    def show_shortcuts(self) -> None:
        dialogs.show_shortcuts(self, self.actions())

    # --------------------------------------------------------------------------------- settings, closing
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        speed = s.value("view/speed_index")
        if speed is not None:
            self.speed.slider.setValue(int(speed))
        for key, action in (("view/gradient_arrow", self.action_gradient_arrow),
                            ("view/step_arrow", self.action_step_arrow), ("view/log_loss", self.action_log_loss)):
            value = s.value(key)
            if value is not None:
                action.setChecked(str(value).lower() == "true")
        digits = s.value("view/digits")
        if digits not in (None, ""):
            self.set_digits(None if digits == "full" else int(digits))
        self._toggled()

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("view/speed_index", self.speed.slider.value())
        s.setValue("view/gradient_arrow", self.action_gradient_arrow.isChecked())
        s.setValue("view/step_arrow", self.action_step_arrow.isChecked())
        s.setValue("view/log_loss", self.action_log_loss.isChecked())
        s.setValue("view/digits", "full" if self.state_model.digits is None else str(self.state_model.digits))
        s.sync()

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
            self._save_settings()
            with contextlib.suppress(FileError):  # keeping the last session is a convenience, not a duty
                save_session(self.last_session_path(), self.current_session())
        self.shutdown()
        super().closeEvent(event)
