"""Speed of the window's basin map and learning-rate tuner, printed as measured figures (never asserted).

    python benchmarks/tuner_basin_speed.py [--repeats N]

Runs offscreen (QT_QPA_PLATFORM=offscreen unless already set) with QSettings in a temporary folder.  Prints:

1. the time from View ▸ Basin map to the first basin image on screen (``BasinView.drawn``) for a 200 × 200
   grid and 500 steps of Adam (η = 0.1) on Himmelblau, with and without the notes' 4-decimal rounding,
   beside ``core.basin.basin_map`` called directly on this thread (what the thread, the image and the
   legend add);
2. the main thread's event-loop lateness while that map is computed, from a 5 ms probe timer (a window that
   stays responsive shows a few ms; one that computed on its own thread would show the whole computation);
3. the same two for Run ▸ Tune learning rates: the notes' six optimizers side by side, 100 learning rates
   each, a budget of 1,000 updates on Rosenbrock from (−1.2, 1).

Figures are medians of the repeats; the probe's figures pool every repeat's gaps.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.basin import basin_map  # noqa: E402
from core.functions import FUNCTIONS  # noqa: E402
from core.lessons import LessonRun  # noqa: E402
from core.optimizers import OPTIMIZERS, Adam  # noqa: E402
from core.sweep import sweep_learning_rates  # noqa: E402
from gui.app import create_application  # noqa: E402
from gui.session import Options  # noqa: E402

PROBE_MS = 5


class Probe:
    """A 5 ms timer on the main thread that records how late each timeout came."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.late: list[float] = []
        self._last = None

    def start(self) -> None:
        self._last = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.late.append(max(now - self._last - PROBE_MS / 1000, 0.0) * 1000)
        self._last = now

    def text(self) -> str:
        if not self.late:
            return "no timeouts"
        p50, p99 = np.percentile(self.late, [50, 99])
        return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(self.late):.1f} ms ({len(self.late)} gaps)"


def wait_for(signal, timeout: float = 120.0) -> None:
    """Run the event loop until ``signal`` is emitted."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def settle(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def basin_figures(window, repeats: int, decimals) -> None:
    function = FUNCTIONS["himmelblau"]
    window.model.open(function, Options(decimals, 1000, 1e-8), (LessonRun("Adam", Adam(lr=0.1), (0.0, 0.0)),),
                      undoable=False)
    settle(0.5)
    box = window.contour.getPlotItem().getViewBox()
    box.setAspectLocked(False)
    box.setRange(xRange=(-5, 5), yRange=(-5, 5), padding=0)
    direct = statistics.median(_timed(lambda: basin_map(function, Adam(lr=0.1), (-5, 5, -5, 5), 200, 500,
                                                        decimals=decimals)) for _ in range(repeats))
    probes, times = [], []
    for _ in range(repeats + 1):  # the first switches the map on for the first time: it builds the dock
        if window.action_basin.isChecked():
            window.action_basin.trigger()
        settle(0.2)
        probes.append(Probe())
        probes[-1].start()
        start = time.perf_counter()
        window.action_basin.trigger()
        wait_for(window.basin.drawn)
        times.append(time.perf_counter() - start)
        probes[-1].stop()
    rounding = "the notes' rounding (4 decimals)" if decimals is not None else "no rounding"
    print(f"basin 200 x 200 x 500, Adam, Himmelblau, {rounding}:")
    print(f"  to the first image in the window {statistics.median(times[1:]):.2f} s; basin_map alone {direct:.2f} s")
    later = Probe()
    later.late = [gap for probe in probes[1:] for gap in probe.late]
    print(f"  event-loop lateness meanwhile: {later.text()}")
    print(f"  the same the first time the map is switched on (the dock is built): {probes[0].text()}")


def tuner_figures(window, repeats: int) -> None:
    function = FUNCTIONS["rosenbrock"]
    runs = tuple(LessonRun(cls.title, cls(), function.start) for cls in list(OPTIMIZERS.values())[:6])
    window.model.open(function, Options(None, 1000, 1e-8), runs, undoable=False)
    settle(0.5)
    dialog = window.tuner.open()
    dialog.edits["budget"].set_value(1000)

    def direct():
        for run in runs:
            sweep_learning_rates(function, run.optimizer, function.start, 1000, 1e-4, 10.0, 100)
    alone = statistics.median(_timed(direct) for _ in range(repeats))
    probe, times = Probe(), []
    for _ in range(repeats):
        probe.start()
        start = time.perf_counter()
        dialog.run()
        wait_for(dialog.runner.finished)
        times.append(time.perf_counter() - start)
        probe.stop()
    print("tuner, the notes' six x 100 rates x 1,000 updates, Rosenbrock:")
    print(f"  to the plot in the dialog {statistics.median(times):.2f} s; the six sweeps alone {alone:.2f} s")
    print(f"  event-loop lateness meanwhile: {probe.text()}")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def idle_figure(seconds: float = 2.0) -> None:
    probe = Probe()
    probe.start()
    settle(seconds)
    probe.stop()
    print(f"event-loop lateness, idle window: {probe.text()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="gradstep-bench-") as settings_dir:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        from gui.main_window import MainWindow

        window = MainWindow()
        window.show()
        settle(1.0)
        idle_figure()
        basin_figures(window, args.repeats, None)
        basin_figures(window, args.repeats, 4)
        tuner_figures(window, args.repeats)
        window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
