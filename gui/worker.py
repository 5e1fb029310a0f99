"""The stepping worker: owns the runs, steps them on a timer in its own thread, emits snapshots.

`StepWorker` is a QObject moved to a QThread; its QTimer is its child, so it lives and fires in that
thread too.  The window drives it only through queued signals (`WorkerClient`) and learns about it
only through `stepped` snapshots: no widget is ever touched from here.

Speeds: up to 60 steps a second the timer fires once per step; faster, it fires at display rate and
takes as many steps as the elapsed time calls for; at full speed it steps in chunks sized to take about
20 ms, then returns to its event loop, so a pause or a step from the keyboard is handled within a chunk.

Snapshots go out at most about 60 times a second whatever the speed, and never faster than the window
takes them: a new one waits until the window has drawn the last and acknowledged it.  Nothing is lost by
waiting, since each snapshot carries every row the window has not seen yet.  At full speed the worker
also pauses its stepping until that acknowledgement: both threads run Python, and a window that had to
win the GIL back from a busy worker at every call into Qt would take many times longer to draw a frame.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from core.functions import Objective
from core.hyper import InvalidValue
from core.run import Run

from .session import Options, RunSetup
from .snapshots import RunDelta, Snapshot, frozen_copy

__all__ = ["DEFAULT_SPEED", "FULL_SPEED", "StepWorker", "WorkerClient", "start_worker"]

DEFAULT_SPEED = 5.0
FULL_SPEED = math.inf
_FRAME = 1 / 60
_CHUNK_BUDGET = 0.020  # seconds of stepping per tick at full speed


class StepWorker(QObject):
    """Steps every visible run in lockstep; see the module docstring for timing."""

    stepped = Signal(object)  # Snapshot
    refused = Signal(str)  # a command could not be carried out; the reason, in one line

    def __init__(self, function: Objective, options: Options):
        super().__init__()
        self._function, self._options = function, options
        self._runs: dict[int, Run] = {}
        self._visible: dict[int, bool] = {}
        self._sent: dict[int, int] = {}  # rows of each run the window already holds
        self._generation: dict[int, int] = {}
        self._playing = False
        self._speed = DEFAULT_SPEED
        self._serial = 0
        self._last_emit = 0.0
        self._last_tick = 0.0
        self._carry = 0.0
        self._chunk = 16
        self._unacknowledged = False  # a snapshot is on its way and the window has not said it has it
        self._pending = False  # something changed meanwhile: send a snapshot when it does
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    # -- bookkeeping -----------------------------------------------------------------------------------
    def _restarted(self, run_id: int) -> None:
        self._generation[run_id] = self._generation.get(run_id, -1) + 1
        self._sent[run_id] = 0

    def _invalidate(self, run_id: int, from_row: int) -> None:
        self._sent[run_id] = min(self._sent[run_id], from_row)

    def _new_run(self, setup: RunSetup) -> Run:
        o = self._options
        run = Run(self._function, setup.optimizer, setup.start, decimals=o.decimals, max_steps=o.max_steps,
                  tol=o.tol, name=setup.name)
        self._runs[setup.run_id] = run
        self._visible[setup.run_id] = setup.visible
        self._restarted(setup.run_id)
        return run

    def _active(self):
        return [r for i, r in self._runs.items() if self._visible[i] and r.stop is None]

    # -- commands --------------------------------------------------------------------------------------
    @Slot(object, object, object)
    def load(self, function: Objective, options: Options, setups) -> None:
        """Replace every run (a lesson, a new session)."""
        self._stop_playing()
        self._function, self._options = function, options
        for table in (self._runs, self._visible, self._sent, self._generation):
            table.clear()
        for setup in setups:
            self._new_run(setup)
        self._emit()

    @Slot(object)
    def add_run(self, setup: RunSetup) -> None:
        self._guard(lambda: self._new_run(setup))

    @Slot(int)
    def remove_run(self, run_id: int) -> None:
        for table in (self._runs, self._visible, self._sent, self._generation):
            table.pop(run_id, None)
        self._emit()

    @Slot(int, object)
    def configure_run(self, run_id: int, changes: dict) -> None:
        """Change one run: ``optimizer`` (same kind: from the next step; other kind: restart), ``start``
        (restart), ``name``."""
        run = self._runs.get(run_id)
        if run is None:
            return

        def change():
            if "name" in changes:
                run.name = changes["name"]
            if ("optimizer" in changes or "start" in changes) and run.configure(
                    optimizer=changes.get("optimizer"), start=changes.get("start")):
                self._restarted(run_id)
        self._guard(change)

    @Slot(object)
    def set_function(self, function: Objective) -> None:
        """A new function: every run starts again, from the function's default start (as the window's
        mirrors do)."""
        self._stop_playing()
        self._function = function

        def change():
            for run_id, run in self._runs.items():
                run.configure(function=function, start=function.start)
                self._restarted(run_id)
        self._guard(change)

    @Slot(object)
    def set_options(self, options: Options) -> None:
        """Rounding, step limit, tolerance: they take effect from the next step."""
        old, self._options = self._options, options

        def change():
            for run_id, run in self._runs.items():
                run.configure(decimals=options.decimals, max_steps=options.max_steps, tol=options.tol)
                if options.decimals != old.decimals:
                    self._invalidate(run_id, run.step)  # the current gradient was rounded anew
        self._guard(change)

    @Slot(int, bool)
    def set_visible(self, run_id: int, visible: bool) -> None:
        if run_id in self._visible:
            self._visible[run_id] = visible
            self._emit()

    @Slot(float)
    def set_speed(self, steps_per_second: float) -> None:
        self._speed = steps_per_second
        if self._playing:
            self._timer.start(self._interval())

    @Slot()
    def play(self) -> None:
        if self._playing:
            return
        if not self._active():
            self._emit()  # nothing can step: say so (playing stays False)
            return
        self._playing = True
        self._last_tick = time.perf_counter()
        self._carry = 0.0
        self._timer.start(self._interval())
        self._emit()

    @Slot()
    def pause(self) -> None:
        self._stop_playing()
        self._emit()

    @Slot()
    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    @Slot()
    def step(self) -> None:
        self._stop_playing()
        for run in self._active():
            run.advance(1)
        self._emit()

    @Slot()
    def step_back(self) -> None:
        self._stop_playing()
        for run_id, run in self._runs.items():
            if self._visible[run_id] and run.step_back():
                self._invalidate(run_id, run.step)  # its gradient is recomputed under the current rounding
        self._emit()

    @Slot()
    def reset(self) -> None:
        self._stop_playing()
        for run_id, run in self._runs.items():
            run.reset()
            self._restarted(run_id)
        self._emit()

    @Slot(int, int)
    def rewind(self, run_id: int, step: int) -> None:
        """Go back to ``step`` in one run, dropping the steps after it (continue from there)."""
        self._stop_playing()
        run = self._runs.get(run_id)
        if run is not None and 0 <= step <= run.step:
            run.rewind(step)
            self._invalidate(run_id, step)
        self._emit()

    @Slot()
    def acknowledge(self) -> None:
        """The window has drawn the last snapshot: the next one may go, and full-speed stepping resume."""
        self._unacknowledged = False
        if self._pending:
            self._emit()
        if self._playing and not self._timer.isActive():
            self._last_tick = time.perf_counter()
            self._timer.start(self._interval())

    @Slot()
    def shutdown(self) -> None:
        """Stop the timer and hand this object back to the main thread, so it can be deleted there."""
        self._stop_playing()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())

    # -- stepping --------------------------------------------------------------------------------------
    def _interval(self) -> int:
        if self._speed == FULL_SPEED:
            return 0
        if self._speed <= 60:
            return max(1, round(1000 / self._speed))
        return round(1000 * _FRAME)

    def _stop_playing(self) -> None:
        self._playing = False
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        active = self._active()
        if self._speed == FULL_SPEED:
            for run in active:
                run.advance(self._chunk)
            took = time.perf_counter() - now
            if took < _CHUNK_BUDGET / 2:
                self._chunk = min(self._chunk * 2, 1 << 20)
            elif took > _CHUNK_BUDGET * 1.5 and self._chunk > 1:
                self._chunk //= 2
        elif self._speed <= 60:
            for run in active:
                run.advance(1)
        else:
            self._carry += self._speed * (now - self._last_tick)
            count = min(int(self._carry), int(self._speed))  # never more than a second's worth at once
            self._carry -= int(self._carry)
            for run in active:
                run.advance(count)
        self._last_tick = now
        if not self._active():
            self._stop_playing()
        if not self._playing or self._speed <= 60 or time.perf_counter() - self._last_emit >= _FRAME:
            self._emit()
        if self._playing and self._speed == FULL_SPEED and self._unacknowledged:
            self._timer.stop()  # let the window draw undisturbed; acknowledge() starts the stepping again

    # -- reporting -------------------------------------------------------------------------------------
    def _guard(self, change) -> None:
        try:
            change()
        except InvalidValue as error:
            self.refused.emit(str(error))
        self._emit()

    def _delta(self, run_id: int, run: Run) -> RunDelta:
        first = min(self._sent[run_id], len(run.history))
        rows = frozen_copy(run.history.array(start=first))
        self._sent[run_id] = len(run.history)
        preview = None
        if run.stop is None and run.step < run.max_steps:
            params, _ = run.preview()
            preview = (float(params[0]), float(params[1]))
        return RunDelta(run_id, self._generation[run_id], run.columns, first, rows, run.step, run.stop,
                        run.optimizer, run.function, run.start, preview, run.segments)

    def _emit(self) -> None:
        if self._unacknowledged:
            self._pending = True
            return
        self._pending = False
        self._unacknowledged = True
        self._serial += 1
        self._last_emit = time.perf_counter()
        runs = tuple(self._delta(i, r) for i, r in self._runs.items())
        self.stepped.emit(Snapshot(self._serial, self._playing, runs))


class WorkerClient(QObject):
    """The window's handle on the worker: one queued signal per command."""

    load = Signal(object, object, object)
    add_run = Signal(object)
    remove_run = Signal(int)
    configure_run = Signal(int, object)
    set_function = Signal(object)
    set_options = Signal(object)
    set_visible = Signal(int, bool)
    set_speed = Signal(float)
    play = Signal()
    pause = Signal()
    toggle = Signal()
    step = Signal()
    step_back = Signal()
    reset = Signal()
    rewind = Signal(int, int)
    acknowledge = Signal()

    def connect_to(self, worker: StepWorker) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        for name in ("load", "add_run", "remove_run", "configure_run", "set_function", "set_options",
                     "set_visible", "set_speed", "play", "pause", "toggle", "step", "step_back", "reset",
                     "rewind", "acknowledge"):
            getattr(self, name).connect(getattr(worker, name), queued)


def start_worker(function: Objective, options: Options, parent: QObject) -> tuple[StepWorker, QThread]:
    """Create the worker in its own, started thread (named for debuggers)."""
    thread = QThread(parent)
    thread.setObjectName("gradstep-stepper")
    worker = StepWorker(function, options)
    worker.moveToThread(thread)
    thread.start()
    return worker, thread
