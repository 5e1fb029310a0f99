"""The stepping worker: a thin QThread/QTimer shell around `core.playback.Playback`.

`StepWorker` is a QObject moved to a QThread; its QTimer is its child, so it lives and fires in that
thread too.  The window drives it only through one queued signal (`WorkerClient.command`, a name and its
arguments) and learns about it only through `stepped` snapshots and `failed` messages: no widget is ever
touched from here.  Every command runs inside a guard: whatever it raises reaches the window as a
message, and the runs stay as they were before it.

Speeds: up to 60 steps a second the timer fires once per step; faster, it fires at display rate and
takes as many steps as the elapsed time calls for; at full speed it steps in chunks sized to take about
`CHUNK_BUDGET` seconds, then returns to its event loop, so a pause or a key is handled within a chunk.

Snapshots go out at most about 60 times a second whatever the speed, and never faster than the window
takes them: a new one waits until the window has drawn the last and acknowledged it.  Nothing is lost by
waiting: a snapshot shares every run's whole history (read-only, see `core.history`) and says from which
row it changed.  At full speed the worker also pauses its stepping until that acknowledgement: both
threads run Python, and a window that had to win the GIL back from a busy worker at every call into Qt
would take many times longer to draw a frame.
"""

from __future__ import annotations

import math
import sys
import time
import traceback
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal, Slot

from core.functions import Objective
from core.playback import Options, Playback
from core.values import InvalidValue

from .snapshots import RunDelta, Snapshot

__all__ = ["CHUNK_BUDGET", "DEFAULT_SPEED", "FULL_SPEED", "StepWorker", "WorkerClient", "start_worker"]

DEFAULT_SPEED = 5.0
FULL_SPEED = math.inf
_FRAME = 1 / 60
CHUNK_BUDGET = 0.010  # seconds of stepping per tick at full speed
_UNDO_LIMIT = 100  # changes whose other state is kept (the window's undo stack keeps fewer)
_SLICE = 0.001  # seconds per timed slice of that stepping
_MAX_SLICE = 1 << 16
# the commands the window may send, each a Playback method or one of the worker's own
_PLAYBACK_COMMANDS = frozenset({"load", "add", "remove", "configure", "set_function", "set_options", "set_visible",
                                "step_back", "set_view", "continue_here", "reset"})


class StepWorker(QObject):
    """Steps the shown runs in lockstep; see the module docstring for timing."""

    stepped = Signal(object)  # Snapshot
    failed = Signal(str)  # a command could not be carried out: the reason, in one line
    #: At full speed, stop stepping from each snapshot until the window has drawn it (see the module
    #: docstring); benchmarks/play_variants.py measures the alternative
    wait_for_window = True

    def __init__(self, function: Objective, options: Options):
        super().__init__()
        self.playback = Playback(function, options)
        self._generation: dict[int, int] = {}
        self._playing = False
        self._speed = DEFAULT_SPEED
        self._serial = 0
        self._done = 0  # commands carried out (or refused) so far
        self._last_emit = 0.0
        self._last_tick = 0.0
        self._carry = 0.0
        self._slice = 16  # steps per slice at full speed, adapted to take about _SLICE seconds
        self._unacknowledged = False  # a snapshot is on its way and the window has not said it has it
        self._pending = False  # something changed meanwhile: send a snapshot when it does
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._saved: OrderedDict[int, tuple] = OrderedDict()  # undo: the other state of each change

    # -- commands --------------------------------------------------------------------------------------
    @Slot(str, object)
    def command(self, name: str, args) -> None:
        """Carry out one command from the window: ``name`` with positional ``args`` (a tuple)."""
        if name == "acknowledge":
            self._acknowledged()
            return
        self._done += 1
        if name in _PLAYBACK_COMMANDS:
            if name in ("load", "set_function", "reset"):
                self._stop_playing()
            self._guard(name, lambda: getattr(self.playback, name)(*args))
        else:
            self._guard(name, lambda: getattr(self, f"_{name}")(*args))
        self._emit()

    def _guard(self, name: str, action) -> None:
        try:
            action()
        except InvalidValue as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug must not kill the stepping thread: report it and go on
            traceback.print_exc(file=sys.stderr)
            self._stop_playing()
            self.failed.emit(self.tr("Could not carry out “{command}”: {error}").format(
                command=name, error=f"{type(error).__name__}: {error}"))

    def _set_speed(self, steps_per_second: float) -> None:
        self._speed = steps_per_second
        if self._playing:
            self._timer.start(self._interval())

    def _play(self) -> None:
        if self._playing or not self.playback.can_move():
            return  # nothing can step: the snapshot says so (playing stays False)
        self._playing = True
        self._last_tick = time.perf_counter()
        self._carry = 0.0
        self._timer.start(self._interval())

    def _pause(self) -> None:
        self._stop_playing()

    def _toggle(self) -> None:
        if self._playing:
            self._pause()
        else:
            self._play()

    def _step(self) -> None:
        self._stop_playing()
        self.playback.advance(1)

    def _checkpoint(self, token: int) -> None:
        """Keep everything as it is now, for undoing the change that follows (see gui.undo)."""
        self._saved[token] = self.playback.memento()
        while len(self._saved) > _UNDO_LIMIT:
            self._saved.popitem(last=False)

    def _swap(self, token: int) -> None:
        """Undo or redo: bring back the state kept under ``token``, and keep the current one there."""
        self._stop_playing()
        if token not in self._saved:
            raise InvalidValue("that change is too old to undo")
        current = self.playback.memento()
        self.playback.restore(self._saved[token])
        self._saved[token] = current
        self._generation.clear()  # every run is sent whole again

    def _acknowledged(self) -> None:
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
        if self._speed == FULL_SPEED:
            self._guard("play", self._step_for_budget)
        else:
            self._guard("play", lambda: self.playback.advance(self._count(now)))
        self._last_tick = now
        if not self.playback.can_move():
            self._stop_playing()
        if not self._playing or self._speed <= 60 or time.perf_counter() - self._last_emit >= _FRAME:
            self._emit()
        if self._playing and self._speed == FULL_SPEED and self._unacknowledged and self.wait_for_window:
            self._timer.stop()  # let the window draw undisturbed; acknowledgement starts the stepping again

    def _count(self, now: float) -> int:
        """How many steps this tick takes below full speed: one, or what the elapsed time calls for."""
        if self._speed <= 60:
            return 1
        self._carry += self._speed * (now - self._last_tick)
        count = min(int(self._carry), int(self._speed))  # never more than a second's worth at once
        self._carry -= int(self._carry)
        return count

    def _step_for_budget(self) -> None:
        """Full speed: step in slices of about `_SLICE` seconds until `CHUNK_BUDGET` has passed.

        Each slice is timed on its own, so the size adapts to the runs on screen and never to how long
        the window took to acknowledge (time spent waiting is not time spent stepping)."""
        deadline = time.perf_counter() + CHUNK_BUDGET
        while True:
            start = time.perf_counter()
            if not self.playback.advance(self._slice):
                return
            end = time.perf_counter()
            if end - start < _SLICE / 2 and self._slice < _MAX_SLICE:
                self._slice *= 2
            elif end - start > _SLICE * 2 and self._slice > 1:
                self._slice //= 2
            if end >= deadline:
                return

    # -- reporting -------------------------------------------------------------------------------------
    def _delta(self, run_id: int, run) -> RunDelta:
        generation = run.generation
        view, first = run.publish()
        if self._generation.get(run_id) != generation:
            first = 0
        self._generation[run_id] = generation
        preview = None
        if run.stop is None and run.step < run.max_steps:
            params, _ = run.preview()
            preview = (float(params[0]), float(params[1]))
        return RunDelta(run_id, generation, view, first, run.stop, run.optimizer, run.start, preview, run.segments,
                        run.name)

    def _emit(self) -> None:
        if self._unacknowledged:
            self._pending = True
            return
        self._pending = False
        self._unacknowledged = True
        self._serial += 1
        self._last_emit = time.perf_counter()
        playback = self.playback
        for run_id in [i for i in self._generation if i not in playback.runs]:
            del self._generation[run_id]
        runs = tuple(self._delta(i, r) for i, r in playback.runs.items())
        self.stepped.emit(Snapshot(self._serial, self._done, self._playing, playback.view, playback.function,
                                   runs))


class WorkerClient(QObject):
    """The window's handle on the worker: one queued signal carrying every command, counted, so the
    window knows which snapshot reflects which of its commands (`Snapshot.commands_done`)."""

    command = Signal(str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.sent = 0
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)  # a timer event: after the events posted so far
        self._after_paint.timeout.connect(self._post_acknowledgement)

    def connect_to(self, worker: StepWorker) -> None:
        self.command.connect(worker.command, Qt.ConnectionType.QueuedConnection)

    def send(self, name: str, *args) -> None:
        if name != "acknowledge":
            self.sent += 1
        self.command.emit(name, args)

    def acknowledge_after_paint(self) -> None:
        """Tell the worker the frame is on screen once the repaints it asked for have been done.

        A widget repaints on an UpdateRequest posted at low priority, after every event of normal
        priority: after the queued call in which a plot's scene takes in its changed items and asks for
        its repaint, and after the zero timers that lay item views out again (which then ask for theirs).
        So: a zero timer started after theirs, which posts the acknowledgement at low priority, behind
        every repaint asked for by then.  Sent any earlier, the worker would step while the window
        paints, and each of the paint's many calls into Python would wait for the GIL."""
        self._after_paint.start()

    def _post_acknowledgement(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_ACKNOWLEDGE), _LOW_PRIORITY)

    def event(self, event: QEvent) -> bool:
        if event.type() == _ACKNOWLEDGE:
            self.send("acknowledge")
            return True
        return super().event(event)


_ACKNOWLEDGE = QEvent.Type(QEvent.registerEventType())
_LOW_PRIORITY = int(Qt.EventPriority.LowEventPriority.value)


def start_worker(function: Objective, options: Options, parent: QObject) -> tuple[StepWorker, QThread]:
    """Create the worker in its own, started thread (named for debuggers)."""
    thread = QThread(parent)
    thread.setObjectName("gradstep-stepper")
    worker = StepWorker(function, options)
    worker.moveToThread(thread)
    thread.start()
    return worker, thread
