"""The window's model: the runs as the user set them, their mirrors, the selection and the step on view.

`WindowModel` holds no widgets.  The parts of the window (panels, plots, tables) call its methods for
what the user asks (add a run, change a hyperparameter, step) and read it when they redraw; it turns
each request into a command for the stepping worker (`gui.worker`), and brings the mirrors up to date
from the worker's snapshots.  ``revision`` counts every change, so a part redraws only when something
changed since it last looked.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from core.functions import Objective, get_function
from core.lessons import MAX_RUNS, Lesson, LessonRun, saved_session_texts
from core.noise import Noise
from core.optimizers import OPTIMIZERS, Optimizer
from core.schedules import Schedule
from core.settings import RUN_NAME, START
from core.values import InvalidValue

from .palette import PALETTE
from .session import GUI_MAX_STEPS, Options, RunEntry
from .snapshots import Snapshot
from .undo import Change, make_stack
from .worker import WorkerClient

__all__ = ["WindowModel", "carry_over"]


def carry_over(old: Optimizer, cls: type[Optimizer]) -> Optimizer:
    """A ``cls`` optimizer keeping every hyperparameter of ``old`` it shares and can take (in range)."""
    kept = {h.name: old.values[h.name] for h in cls.hypers if h.name in old.values and h.contains(old.values[h.name])}
    return cls(schedule=old.schedule, noise=old.noise, **kept)  # and the schedule and noise, which any takes


class WindowModel(QObject):
    """See the module docstring.  Signals: ``message(text, milliseconds)`` for the status bar;
    ``structure_changed`` when runs are added, removed or reselected or the function changes (the panels
    lay themselves out again); ``snapshot_applied`` after each snapshot."""

    message = Signal(str, int)
    structure_changed = Signal()
    snapshot_applied = Signal()

    def __init__(self, client: WorkerClient, function: Objective, options: Options, parent=None):
        super().__init__(parent)
        self.client = client
        self.function, self.options = function, options
        self.entries: list[RunEntry] = []
        self.selected_id: int | None = None
        self.playing = False
        self.revision = 0
        self._view = 0  # the worker's step on view, as of the latest snapshot
        self._local_view: int | None = None  # the user's choice, until a snapshot reflects it
        self._next_id = 1
        self._synced = True  # the latest snapshot reflects every command sent
        self.undo_stack = make_stack(self)

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def view(self) -> int:
        """The step on view (the user's latest choice while the worker has not confirmed it)."""
        return self._view if self._local_view is None else self._local_view

    def viewed_step(self, entry: RunEntry) -> int:
        """The step of ``entry`` on view: the step on view, or its last step if it stopped before."""
        return max(0, min(self.view, entry.step))

    def newest(self) -> int:
        return max((e.step for e in self.entries if e.visible and e.history is not None), default=0)

    def selected(self) -> RunEntry | None:
        return None if self.selected_id is None else self.entry(self.selected_id)

    def entry(self, run_id: int) -> RunEntry | None:
        return next((e for e in self.entries if e.run_id == run_id), None)

    def shown(self) -> list[RunEntry]:
        return [e for e in self.entries if e.visible and e.history is not None]

    def session(self) -> Lesson:
        """Everything needed to set the window up again (the steps themselves are recomputed)."""
        runs = tuple(LessonRun(e.name, e.optimizer, e.start, e.visible, e.color) for e in self.entries)
        o = self.options
        group, title, description = saved_session_texts(self.function, len(runs))
        return Lesson("session", group, title, description, self.function, o.decimals, o.max_steps, runs, o.tol)

    def _changed(self) -> None:
        self.revision += 1

    def _send(self, name: str, *args) -> None:
        self._synced = False
        self.client.send(name, *args)
        self._changed()

    send_raw = _send  # for gui.undo

    # -- undo ------------------------------------------------------------------------------------------
    def _undoable(self, text: str, action) -> None:
        """Carry out ``action`` as one undoable change named ``text`` (Edit ▸ Undo <text>)."""
        self.undo_stack.push(Change(self, text, action))

    def memento(self) -> tuple:
        """The window's side of everything (the user's settings of each run; the mirrors come back from
        the worker)."""
        runs = [(e.run_id, e.name, e.color, e.optimizer, e.start, e.visible) for e in self.entries]
        return self.function, self.options, runs, self.selected_id, self.view

    def restore(self, memento: tuple) -> None:
        function, self.options, runs, selected_id, view = memento
        self.function = function
        self.entries = [RunEntry(run_id, name, color, optimizer, start, function, visible=visible)
                        for run_id, name, color, optimizer, start, visible in runs]
        self.selected_id = selected_id if self.entry(selected_id) else self.entries[0].run_id
        self._local_view = view
        self._changed()
        self.structure_changed.emit()

    # -- the session -----------------------------------------------------------------------------------
    def open(self, function: Objective, options: Options, runs, undoable: bool = True) -> None:
        """Replace every run with ``runs`` (LessonRun: name, optimizer, start, visibility, colour)."""
        if undoable:
            self._undoable(self.tr("Open runs"), lambda: self.open(function, options, runs, undoable=False))
            return
        self.function, self.options = function, options
        self.entries = []
        for i, run in enumerate(runs):
            color = run.color or PALETTE[i % len(PALETTE)]
            self.entries.append(RunEntry(self._next_id, run.name, color, run.optimizer.replace(decimals=None),
                                         tuple(run.start), function, visible=run.visible))
            self._next_id += 1
        self.selected_id = self.entries[0].run_id
        self._local_view = 0
        self._send("load", function, options, [e.setup() for e in self.entries])
        self.structure_changed.emit()

    def open_lesson(self, lesson: Lesson) -> str:
        """Set up a lesson or session; returns what the user should know about its step limit."""
        max_steps = min(lesson.max_steps, GUI_MAX_STEPS)
        self.open(lesson.function, Options(lesson.decimals, max_steps, lesson.tol), lesson.runs)
        if max_steps == lesson.max_steps:
            return ""
        return " " + self.tr("Its step limit of {steps} is lowered to the window's {limit}.").format(
            steps=f"{lesson.max_steps:,}", limit=f"{GUI_MAX_STEPS:,}")

    def choose_function(self, function) -> None:
        """Another function (an Objective, or a name such as "rosenbrock" or "expr:x^2 + y^2")."""
        if isinstance(function, str):
            function = get_function(function)
        if function is not self.function:
            self._undoable(self.tr("Function {title}").format(title=function.title_text()),
                           lambda: self._choose_function(function))

    def _choose_function(self, function: Objective) -> None:
        self.function = function
        for entry in self.entries:
            entry.function, entry.start = function, function.start
        self._local_view = 0
        self._send("set_function", function)
        self.structure_changed.emit()

    def set_options(self, options: Options) -> None:
        if options != self.options:
            self._undoable(self.tr("Change the settings"), lambda: self._set_options(options))

    def _set_options(self, options: Options) -> None:
        self.options = options
        self._send("set_options", options)

    # -- runs ------------------------------------------------------------------------------------------
    def select_run(self, run_id: int) -> None:
        if run_id != self.selected_id and self.entry(run_id) is not None:
            self.selected_id = run_id
            self._changed()
            self.structure_changed.emit()

    def set_run_visible(self, run_id: int, visible: bool) -> None:
        entry = self.entry(run_id)
        if entry is not None and entry.visible != visible:
            text = self.tr("Show {name}") if visible else self.tr("Hide {name}")
            self._undoable(text.format(name=entry.name),
                           lambda: self._set_run_visible(run_id, visible))

    def _set_run_visible(self, run_id: int, visible: bool) -> None:
        self.entry(run_id).visible = visible
        self._send("set_visible", run_id, visible)

    def set_run_color(self, run_id: int, color: str) -> None:
        entry = self.entry(run_id)
        if entry is not None and entry.color != color:
            self._undoable(self.tr("Colour of {name}").format(name=entry.name),
                           lambda: self._set_run_color(run_id, color))

    def _set_run_color(self, run_id: int, color: str) -> None:
        self.entry(run_id).color = color
        self._changed()

    def _new_entry(self, name: str, optimizer: Optimizer, start) -> None:
        if len(self.entries) >= MAX_RUNS:
            self.message.emit(self.tr("At most {n} runs side by side (a session file holds no more).").format(
                n=MAX_RUNS), 6000)
            return
        self._undoable(self.tr("Add {name}").format(name=name), lambda: self._add_entry(name, optimizer, start))

    def _add_entry(self, name: str, optimizer: Optimizer, start) -> None:
        used = {e.color for e in self.entries}
        color = next((c for c in PALETTE if c not in used), PALETTE[len(self.entries) % len(PALETTE)])
        entry = RunEntry(self._next_id, name, color, optimizer, tuple(start), self.function)
        self._next_id += 1
        self.entries.append(entry)
        self.selected_id = entry.run_id
        self._local_view = 0  # a run starting from scratch: every run is watched from step 0 again
        self._send("add", entry.setup())
        self.structure_changed.emit()

    def add_run(self) -> None:
        """A run with the first optimizer not yet on screen (its defaults), from the selected run's start."""
        current = self.selected()
        used = {type(e.optimizer) for e in self.entries}
        cls = next((c for c in OPTIMIZERS.values() if c not in used), type(current.optimizer))
        self._new_entry(cls.title, cls(), current.start)

    def duplicate_run(self) -> None:
        current = self.selected()
        copy = self.tr("{name} (copy)")
        room = RUN_NAME.max_length - len(copy.format(name=""))
        name = RUN_NAME.check(copy.format(name=current.name[:room]))
        self._new_entry(name, current.optimizer, current.start)

    def remove_run(self) -> None:
        if len(self.entries) <= 1:
            self.message.emit(self.tr("The last run cannot be removed."), 4000)
            return
        self._undoable(self.tr("Remove {name}").format(name=self.selected().name), self._remove_run)

    def _remove_run(self) -> None:
        index = next(i for i, e in enumerate(self.entries) if e.run_id == self.selected_id)
        gone = self.entries.pop(index)
        self._send("remove", gone.run_id)
        self.selected_id = self.entries[min(index, len(self.entries) - 1)].run_id
        self.structure_changed.emit()

    def rename(self, name: str) -> None:
        entry = self.selected()
        try:
            name = RUN_NAME.check(name)
        except InvalidValue as error:
            self.message.emit(str(error), 6000)
            return
        if name != entry.name:
            self._undoable(self.tr("Rename {name}").format(name=entry.name), lambda: self._rename(entry.run_id, name))

    def _rename(self, run_id: int, name: str) -> None:
        self.entry(run_id).name = name
        self._send("configure", run_id, name)

    def choose_optimizer(self, name: str) -> None:
        """Another kind of optimizer for the selected run, keeping every hyperparameter it shares."""
        entry = self.selected()
        cls = OPTIMIZERS[name]
        if type(entry.optimizer) is not cls:
            self._undoable(f"{entry.name}: {cls.title}", lambda: self._choose_optimizer(entry.run_id, cls))

    def _choose_optimizer(self, run_id: int, cls) -> None:
        entry = self.entry(run_id)
        if entry.name == type(entry.optimizer).title:
            entry.name = cls.title  # a run named after its optimizer keeps being so
        entry.optimizer = carry_over(entry.optimizer, cls)
        self._local_view = 0  # the run starts again: every run is watched from step 0 again
        self._send("configure", entry.run_id, entry.name, entry.optimizer)

    def set_hyper(self, name: str, value: float) -> None:
        entry = self.selected()
        if entry.optimizer.values.get(name) != value:
            self._undoable(f"{entry.name}: {name} = {value:g}", lambda: self._set_hyper(entry.run_id, name, value))

    def _set_hyper(self, run_id: int, name: str, value: float) -> None:
        entry = self.entry(run_id)
        entry.optimizer = entry.optimizer.replace(**{name: value})
        self._send("configure", entry.run_id, None, entry.optimizer)

    def set_schedule(self, schedule: Schedule) -> None:
        """The selected run's learning-rate schedule, from the next update on (one undoable change)."""
        entry = self.selected()
        if entry.optimizer.schedule != schedule:
            self._undoable(self.tr("{name}: schedule {schedule}").format(name=entry.name, schedule=schedule.text),
                           lambda: self._replace_settings({entry.run_id: {"schedule": schedule}}))

    def set_noise(self, noise: Noise | None) -> None:
        """The selected run's gradient noise (None: none), from the next update on (one undoable change)."""
        entry = self.selected()
        if entry.optimizer.noise != noise:
            text = (self.tr("{name}: no noise") if noise is None else self.tr("{name}: noise {noise}")).format(
                name=entry.name, noise=None if noise is None else noise.text)
            self._undoable(text, lambda: self._replace_settings({entry.run_id: {"noise": noise}}))

    def set_learning_rates(self, rates: dict[int, float], text: str = "Tuned learning rates") -> None:
        """Set several runs' ``lr`` (run id → rate) as one undoable change; runs no longer there are skipped."""
        changes = {run_id: {"lr": lr} for run_id, lr in rates.items()
                   if self.entry(run_id) is not None and self.entry(run_id).optimizer.values["lr"] != lr}
        if changes:
            self._undoable(text, lambda: self._replace_settings(changes))

    def _replace_settings(self, changes: dict[int, dict]) -> None:
        """Replace settings of runs' optimizers ({run id: {name: value}}) and send each new optimizer to the
        worker, as `_set_hyper` does."""
        for run_id, values in changes.items():
            entry = self.entry(run_id)
            entry.optimizer = entry.optimizer.replace(**values)
            self._send("configure", entry.run_id, None, entry.optimizer)

    def set_start(self, start) -> bool:
        """Move the selected run's start (it starts again there); False, with the reason, if refused."""
        try:
            start = START.check(start)
        except InvalidValue as error:
            self.message.emit(str(error), 6000)
            return False
        entry = self.selected()
        if start != entry.start:
            self._undoable(self.tr("{name}: start ({x}, {y})").format(name=entry.name, x=f"{start[0]:g}",
                                                                       y=f"{start[1]:g}"),
                           lambda: self._set_start(entry.run_id, start))
        return True

    def _set_start(self, run_id: int, start) -> None:
        self.entry(run_id).start = start
        self._local_view = 0
        self._send("configure", run_id, None, None, start)

    # -- the transport ---------------------------------------------------------------------------------
    def toggle_play(self) -> None:
        shown = self.shown()
        if not self.playing and shown and all(e.stop is not None for e in shown) and self.view >= self.newest():
            self.message.emit(self.tr("Every shown run has stopped: press R to reset, or raise the step limit, or "
                                      "change a setting."), 6000)
        self._send("toggle")

    def step(self) -> None:
        self._send("step")

    def step_back(self) -> None:
        if self.view > 0:
            self._local_view = self.view - 1  # shown at once; the worker agrees
        self._send("step_back")

    def reset(self) -> None:
        self._undoable(self.tr("Reset every run"), self._reset)

    def _reset(self) -> None:
        self._local_view = 0
        self._send("reset")

    def set_view(self, step: int) -> None:
        step = max(0, min(int(step), self.newest()))
        if step != self.view:
            self._local_view = step
            self._send("set_view", step)

    def continue_here(self) -> None:
        if self.view < self.newest():
            self._undoable(self.tr("Continue from step {k}").format(k=self.view), lambda: self._send("continue_here"))

    def set_speed(self, speed: float) -> None:
        self.client.send("set_speed", speed)

    # -- snapshots -------------------------------------------------------------------------------------
    @Slot(object)
    def apply_snapshot(self, snapshot: Snapshot) -> None:
        self.playing = snapshot.playing
        self._view = snapshot.view
        self._synced = snapshot.commands_done >= self.client.sent
        if self._synced:
            self._local_view = None  # the worker has seen the user's latest choice
        by_id = {e.run_id: e for e in self.entries}
        for delta in snapshot.runs:
            entry = by_id.get(delta.run_id)
            if entry is not None:
                entry.apply(delta)
        self._changed()
        self.snapshot_applied.emit()

    @property
    def synced(self) -> bool:
        """Whether the latest snapshot reflects every command sent so far."""
        return self._synced
