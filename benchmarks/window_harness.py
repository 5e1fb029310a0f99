"""What the window benchmarks share: an offscreen window, the event loop run until a condition holds, the
main thread's latency probe, and the process's memory.

Import this before anything else from Qt: it sets QT_QPA_PLATFORM=offscreen unless already set.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gui.app import create_application  # noqa: E402
from gui.transport import SPEEDS  # noqa: E402

__all__ = ["PROBE_MS", "WINDOW_SIZE", "FrameClock", "Gaps", "LatencyProbe", "find_lesson", "full_speed", "memory",
           "open_window", "pause", "play", "settle", "spin", "spin_until"]

PROBE_MS = 5
WINDOW_SIZE = (1440, 900)  # what MainWindow opens at on a large screen without saved settings


def spin_until(done, timeout: float) -> bool:
    """Run the Qt event loop (as app.exec would) until done() is true or ``timeout`` seconds have passed."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    poll = QTimer()
    poll.setInterval(10)

    def check():
        if done() or time.perf_counter() >= deadline:
            loop.quit()
    poll.timeout.connect(check)
    poll.start()
    if not done():
        loop.exec()
    poll.stop()
    return done()


def spin(seconds: float) -> None:
    spin_until(lambda: False, seconds)


@dataclass(frozen=True)
class Gaps:
    """Lateness of a periodic main-thread timer, in milliseconds (gap between timeouts minus the interval)."""

    p50: float
    p99: float
    max: float
    count: int
    expected: float  # timeouts there would have been if none were late
    stalled: float  # fraction of the time spent in gaps over 30 ms late

    def text(self) -> str:
        return (f"late by p50 {self.p50:6.2f} ms, p99 {self.p99:7.2f} ms, max {self.max:7.1f} ms  ({self.count} "
                f"gaps of about {self.expected:.0f}; {self.stalled:.1%} of the time in gaps over 30 ms late)")


class LatencyProbe:
    """A precise 5 ms timer on the main thread that records the gap between consecutive timeouts: the
    longest time the event loop could not answer a key or paint."""

    def __init__(self, interval_ms: int = PROBE_MS):
        self.interval_ms = interval_ms
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last: float | None = None
        self._started = 0.0
        self.seconds = 0.0

    def start(self) -> None:
        self.gaps, self._last = [], None
        self._started = time.perf_counter()
        self.timer.start()

    def stop(self) -> Gaps:
        self.timer.stop()
        self._tick()  # a stall that lasted until now counts too
        self.seconds = time.perf_counter() - self._started
        return self.result()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - (self._started if self._last is None else self._last))
        self._last = now

    def result(self) -> Gaps:
        gaps = np.array(self.gaps or [0.0]) * 1000
        late = np.maximum(gaps - self.interval_ms, 0.0)
        p50, p99 = np.percentile(late, [50, 99])
        stalled = gaps[gaps > 30 + self.interval_ms].sum() / max(self.seconds * 1000, 1e-9)
        return Gaps(float(p50), float(p99), float(late.max()), len(self.gaps),
                    self.seconds * 1000 / self.interval_ms, float(stalled))


class FrameClock:
    """When the window took each snapshot (one per frame it drew while playing)."""

    def __init__(self, window):
        self.times: list[float] = []
        window.model.snapshot_applied.connect(lambda: self.times.append(time.perf_counter()))

    def intervals(self, since: float) -> np.ndarray:
        times = np.array([t for t in self.times if t >= since])
        return np.diff(times) * 1000 if len(times) > 1 else np.zeros(1)


@contextmanager
def open_window():
    """A shown MainWindow with its settings in a temporary folder (the user's are never read or written)."""
    settings_dir = tempfile.mkdtemp(prefix="gradstep-bench-")
    app = create_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from gui.main_window import MainWindow

    window = MainWindow()
    window.resize(*WINDOW_SIZE)  # the offscreen screen is small: open at the size a desktop gives it
    window.show()
    try:
        spin_until(lambda: window.selected() is not None and window.selected().history is not None, 10)
        yield window
    finally:
        window.close()
        app.processEvents()
        shutil.rmtree(settings_dir, ignore_errors=True)


def find_lesson(window, name: str):
    return next(lesson for lesson in window.lessons if lesson.name == name)


def full_speed(window) -> None:
    """Move the speed slider to full speed, as the user would (the window draws by the slider's speed)."""
    window.speed.slider.setValue(len(SPEEDS) - 1)


def play(window) -> None:
    if not window.playing:
        window.toggle_play()
    spin_until(lambda: window.playing, 10)


def pause(window) -> None:
    window.client.send("pause")
    settle(window)


def settle(window, timeout: float = 60.0) -> None:
    """Wait until the worker has stopped, its latest snapshot reflects every command and is drawn, and
    the contour map is on screen."""
    spin_until(lambda: not window.playing and window.model.synced and window.contour.contour_map is not None
               and not window._owe_acknowledgement, timeout)
    spin(0.2)


def memory() -> dict[str, float]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in MB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found
