"""One long batched computation at a time, off the window's thread, with progress and Cancel.

The core's batched functions (`core.sweep.sweep_learning_rates`, `core.basin.basin_map`) take plain
callables: ``progress(k, total)`` and ``cancelled() -> bool``.  `BatchRunner` hands a piece of work to its
own one-thread QThreadPool with those two callables: progress is forwarded through a queued signal (at
most every `PROGRESS_INTERVAL` seconds, so a sweep of a million steps does not flood the event loop), and
cancelled() reads a threading.Event that `cancel` sets.  The window's thread never runs the work and the
work never touches a widget; it learns the outcome from ``finished``, ``failed`` or ``cancelled``.  A job
started while another runs cancels it, and whatever the older one still reports is dropped.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from core.batch import Cancelled
from core.values import InvalidValue

__all__ = ["PROGRESS_INTERVAL", "BatchRunner"]

PROGRESS_INTERVAL = 0.03  # seconds: about 30 progress updates a second at most

#: work(progress, cancelled) -> result, run in the pool thread
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class _Relay(QObject):
    """Signals emitted in the pool thread; each carries its job's serial."""

    progressed = Signal(int, int, int)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, serial: int, work: Work, stop: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._relay, self._serial, self._work, self._stop = relay, serial, work, stop
        self._reported = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._reported >= PROGRESS_INTERVAL or done >= total:
            self._reported = now
            self._relay.progressed.emit(self._serial, int(done), int(total))

    def run(self) -> None:
        relay, serial = self._relay, self._serial
        try:
            result = self._work(self._progress, self._stop.is_set)
        except Cancelled:
            relay.cancelled.emit(serial)
        except InvalidValue as error:
            relay.failed.emit(serial, str(error))
        except Exception as error:  # a bug must not pass silently, nor kill the pool's thread
            traceback.print_exc(file=sys.stderr)
            relay.failed.emit(serial, f"{type(error).__name__}: {error}")
        else:
            relay.finished.emit(serial, result)


class BatchRunner(QObject):
    """Runs `Work` in a thread of its own.  Signals (in the window's thread): progressed(done, total),
    finished(result), failed(reason), cancelled(); exactly one of the last three ends each job."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setObjectName(name)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection  # emitted in the pool thread, received here
        self._relay.progressed.connect(self._progressed, queued)
        self._relay.finished.connect(self._finished, queued)
        self._relay.failed.connect(self._failed, queued)
        self._relay.cancelled.connect(self._cancelled, queued)
        self._serial = 0
        self._stop = threading.Event()
        self.busy = False

    def start(self, work: Work) -> None:
        """Run ``work`` (cancelling the job running now, whose results are then dropped)."""
        self._stop.set()
        self._serial += 1
        self._stop = threading.Event()
        self.busy = True
        self._pool.start(_Job(self._relay, self._serial, work, self._stop))

    def cancel(self) -> None:
        """Ask the running job to stop at its next check; ``cancelled`` follows."""
        self._stop.set()

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancel and wait for the pool's thread (closing the window); True if it finished in time."""
        self._stop.set()
        self._serial += 1  # nothing more is reported
        self.busy = False
        return self._pool.waitForDone(msecs)

    def _current(self, serial: int) -> bool:
        return serial == self._serial

    @Slot(int, int, int)
    def _progressed(self, serial: int, done: int, total: int) -> None:
        if self._current(serial):
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _finished(self, serial: int, result) -> None:
        if self._current(serial):
            self.busy = False
            self.finished.emit(result)

    @Slot(int, str)
    def _failed(self, serial: int, reason: str) -> None:
        if self._current(serial):
            self.busy = False
            self.failed.emit(reason)

    @Slot(int)
    def _cancelled(self, serial: int) -> None:
        if self._current(serial):
            self.busy = False
            self.cancelled.emit()
