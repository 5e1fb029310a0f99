"""Speed of the desktop window, printed as measured figures (never asserted: the machines are shared).

    python benchmarks/gui_speed.py [--repeats N] [--play-seconds S] [--periods N] [--only PART ...]

Runs offscreen (QT_QPA_PLATFORM=offscreen unless already set) with QSettings pointed at a temporary folder,
so the user's settings and last session are never read or written.  It prints:

1. the contour lines of a 500 x 500 grid at 25 levels traced by ``gui.contours.contour_path`` (contourpy)
   against the same levels traced by pyqtgraph's IsocurveItem (``generatePath``: marching squares and path);
2. steps per second per run at full speed with the four runs of the "rosenbrock" lesson visible, counted
   from the window's mirrors (the runs are paused and the last snapshot applied before counting);
3. the main thread's event-loop latency during those same play periods, from a 5 ms probe timer, with the
   same probe while paused as the baseline, and the frames the window drew (snapshots it took) per second;
4. ``MainWindow.redraw`` and the repaint of the plots with a 100,000-step trajectory on screen;
5. the wall time from starting a Python process to the first paint of the window's contour view, against
   a process that shows an empty pyqtgraph PlotWidget of the same size.

Every figure is the median of the repeats; the play figures are medians over ``--periods`` periods.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pyqtgraph as pg
from timing import median_time  # (beside this script, as window_harness: it sets the offscreen platform)
from window_harness import (
    PROBE_MS,
    ROOT,
    WINDOW_SIZE,
    FrameClock,
    LatencyProbe,
    find_lesson,
    full_speed,
    open_window,
    pause,
    play,
    settle,
    spin,
    spin_until,
)

from core.functions import FUNCTIONS
from core.levels import contour_levels
from gui.app import create_application
from gui.contours import contour_path
from gui.session import Options

GRID = 500
LEVELS = 25
CONTOUR_FUNCTION = "himmelblau"
LESSON = "rosenbrock"
LONG_RUN = 100_000

# The child process for the start-up figure.  argv[1] is "gradstep" (as main.py starts the app) or "empty"
# (a bare pyqtgraph PlotWidget).  It prints "painted" at the first paint of the plot's viewport and, for
# GradStep, "contours" at the first paint after the contour map arrived from its background thread.
CHILD = r"""
import os
import sys

mode = sys.argv[1]
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

if mode == "gradstep":
    from gui.app import create_application

    app = create_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["GRADSTEP_BENCH_SETTINGS"])
    from gui.main_window import MainWindow

    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown)
    view = window.contour
else:
    import pyqtgraph as pg

    app = pg.mkQApp("empty")
    window = view = pg.PlotWidget()
    window.resize(int(sys.argv[2]), int(sys.argv[3]))


class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.painted = self.contours = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if not self.painted:
                self.painted = True
                print("painted", flush=True)
                if mode == "empty":
                    QTimer.singleShot(0, app.quit)
            if mode == "gradstep" and not self.contours and view.contour_map is not None:
                self.contours = True
                print("contours", flush=True)
                QTimer.singleShot(0, app.quit)
        return False


watcher = FirstPaint()
view.viewport().installEventFilter(watcher)
QTimer.singleShot(60_000, lambda: os._exit(3))  # never hang the benchmark
window.show()
sys.exit(app.exec())
"""


# -------------------------------------------------------------------------------------------- 1. contours
def contour_figures(repeats: int, iso_repeats: int) -> None:
    function = FUNCTIONS[CONTOUR_FUNCTION]
    x0, x1, y0, y1 = function.view
    x, y = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    grid_x, grid_y = np.meshgrid(x, y)
    z = np.asarray(function.f(grid_x, grid_y), dtype=np.float64)
    levels = contour_levels(z, LEVELS).values
    paths = [contour_path(x, y, z, levels)]  # warm-up (first-call costs in contourpy and Qt)
    ours = median_time(lambda: paths.append(contour_path(x, y, z, levels)), repeats)
    # IsocurveItem traces its line in generatePath (called from paint/boundingRect when the path is None):
    # pg.isocurve(..., connected=True, extendToEdge=True) and then a QPainterPath built point by point.
    # One item per level, as a plot of 25 isocurves needs; the items are made outside the timing.
    items = [pg.IsocurveItem(data=z, level=float(level)) for level in levels]

    def isocurves():
        for item in items:
            item.generatePath()
    theirs = median_time(isocurves, iso_repeats)
    ours_elements = paths[-1].elementCount()
    their_elements = sum(item.path.elementCount() for item in items)
    print(f"1. contour lines, {CONTOUR_FUNCTION} over its view box, {GRID}x{GRID} grid, {len(levels)} levels")
    print(f"   gui.contours.contour_path (contourpy):      {ours * 1000:9.1f} ms  (median of {repeats}; "
          f"{ours_elements:,} path elements)")
    print(f"   pyqtgraph IsocurveItem.generatePath x {len(levels)}: {theirs * 1000:9.1f} ms  (median of "
          f"{iso_repeats}; {their_elements:,} path elements)")
    print(f"   contourpy is {theirs / ours:.1f}x faster (target: 20x or better)")


# ---------------------------------------------------------------------------------- 2, 3. playing, latency
def play_once(window, clock: FrameClock, seconds: float) -> dict:
    """Play every shown run at full speed for ``seconds``: steps/s per run, main-thread lateness, frames."""
    before = [entry.step for entry in window.entries]
    probe = LatencyProbe()
    start = time.perf_counter()
    play(window)
    probe.start()
    spin(seconds)
    gaps = probe.stop()
    elapsed = time.perf_counter() - start
    frames = clock.intervals(start)
    pause(window)  # the pause snapshot brings the mirrors exactly up to the worker's counts
    after = [entry.step for entry in window.entries]
    return {"rates": [(b - a) / elapsed for a, b in zip(before, after, strict=True)], "gaps": gaps,
            "frames": frames, "steps": after}


def play_figures(window, seconds: float, periods: int) -> None:
    window.open_lesson(find_lesson(window, LESSON))
    window.set_options(Options(None, 1_000_000, 0.0))
    full_speed(window)
    settle(window)
    clock = FrameClock(window)
    probe = LatencyProbe()
    probe.start()
    spin(seconds)
    paused = probe.stop()
    play_once(window, clock, 0.5)  # warm-up: the worker sizes its chunks in the first ticks
    results = [play_once(window, clock, seconds) for _ in range(periods)]
    print(f"\n2. full speed, lesson {LESSON!r}, {len(window.entries)} runs visible, {periods} periods of "
          f"{seconds:.1f} s (steps counted from the window's mirrors after pausing)")
    for i, entry in enumerate(window.entries):
        rates = [r["rates"][i] for r in results]
        print(f"   {entry.name:<10} {statistics.median(rates):12,.0f} steps/s  (median of {periods})")
    per_run = statistics.median(statistics.median(r["rates"]) for r in results)
    for i, r in enumerate(results):
        print(f"   period {i + 1}: {statistics.median(r['rates']):,.0f} steps/s per run, {len(r['frames']) + 1} "
              f"frames, ended at steps {r['steps']}")
    print(f"   per run, median {per_run:,.0f} steps/s; runs ended at step {min(results[-1]['steps']):,}.."
          f"{max(results[-1]['steps']):,}")
    print(f"\n3. main-thread event loop, {PROBE_MS} ms probe timer (lateness = gap between timeouts - {PROBE_MS} ms)")
    print(f"   paused:               {paused.text()}")
    for i, r in enumerate(results):
        print(f"   playing, period {i + 1}:    {r['gaps'].text()}")
    print(f"   playing, medians:     p50 {statistics.median(r['gaps'].p50 for r in results):.2f} ms, "
          f"p99 {statistics.median(r['gaps'].p99 for r in results):.2f} ms, "
          f"max {statistics.median(r['gaps'].max for r in results):.1f} ms (worst "
          f"{max(r['gaps'].max for r in results):.1f} ms)")
    frames = np.concatenate([r["frames"] for r in results])
    p50, p99 = np.percentile(frames, [50, 99])
    print(f"   frames drawn while playing: {1000 / frames.mean():.0f} per second; interval p50 {p50:.1f} ms, "
          f"p99 {p99:.1f} ms, max {frames.max():.1f} ms")
    print("   (target: lateness p99 under 16 ms, no gap over 50 ms)")


# -------------------------------------------------------------------------------------------- 4. redraw
def redraw_figures(window, repeats: int) -> None:
    window.open_lesson(find_lesson(window, LESSON))
    for entry in window.entries[1:]:
        window.model.set_run_visible(entry.run_id, False)
    window.set_options(Options(None, LONG_RUN, 0.0))
    full_speed(window)
    settle(window)
    entry = window.selected()
    start = time.perf_counter()
    play(window)
    reached = spin_until(lambda: entry.step >= LONG_RUN and entry.stop is not None and not window.playing, 300)
    took = time.perf_counter() - start
    settle(window)
    if not reached:
        print(f"\n4. redraw: the run did not reach {LONG_RUN:,} steps (it is at {entry.step:,}); skipped")
        return

    def dirty_redraw():
        window._drawn.clear()
        window.redraw()

    def new_rows_redraw():
        for shown in window.entries:
            shown.revision += 1  # as a snapshot with new rows does: the trajectory and f curve are set again
        dirty_redraw()

    cursor_steps = iter(np.random.default_rng(1).integers(1, LONG_RUN, size=10 * repeats + 10).tolist())

    def scrub_redraw():
        window.model.set_view(next(cursor_steps))
        dirty_redraw()

    print(f"\n4. {entry.name} run at step {entry.step:,} ({took:.1f} s of full-speed play to get there), "
          f"other runs hidden; window {window.width()}x{window.height()}; medians of {repeats}")
    for label, fn in (("redraw(), every part, nothing new", dirty_redraw),
                      ("redraw(), trajectory and f curve set again", new_rows_redraw),
                      ("redraw(), step on view moved", scrub_redraw)):
        fn()  # warm-up
        print(f"   {label:<46} {median_time(fn, repeats) * 1000:9.2f} ms")
    settle(window)
    for label, widget in (("contour view", window.contour), ("loss plot", window.loss),
                          ("whole window", window)):
        widget.grab()
        print(f"   repaint, {label + ' (grab())':<37} {median_time(widget.grab, repeats) * 1000:9.2f} ms")


# ------------------------------------------------------------------------------------------- 5. start-up
def child_times(mode: str, markers: tuple[str, ...], settings_dir: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=settings_dir,
               GRADSTEP_BENCH_SETTINGS=settings_dir)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", CHILD, mode, *map(str, WINDOW_SIZE)], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
        seen: dict[str, float] = {}
        with process:
            while len(seen) < len(markers):
                line = process.stdout.readline()
                if not line:
                    break
                seen.setdefault(line.strip(), time.perf_counter() - start)
            process.wait(timeout=60)
        if set(markers) - set(seen):
            errors.seek(0)
            raise RuntimeError(f"the {mode} child exited with {process.returncode} before printing "
                               f"{sorted(set(markers) - set(seen))}:\n{errors.read().decode(errors='replace')}")
    return seen


def startup_figures(repeats: int, settings_dir: str) -> None:
    gradstep, empty = ("painted", "contours"), ("painted",)
    child_times("gradstep", gradstep, settings_dir)  # warm the file cache for both
    child_times("empty", empty, settings_dir)
    ours: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(repeats):
        ours.append(child_times("gradstep", gradstep, settings_dir))
        theirs.append(child_times("empty", empty, settings_dir))
    painted = statistics.median(t["painted"] for t in ours)
    contours = statistics.median(t["contours"] for t in ours)
    bare = statistics.median(t["painted"] for t in theirs)
    print(f"\n5. process start to first paint of the plot (wall time in the parent; medians of {repeats})")
    print(f"   GradStep MainWindow, contour view:       {painted * 1000:7.0f} ms")
    print(f"   GradStep, first paint with contours:     {contours * 1000:7.0f} ms")
    print(f"   empty pyqtgraph PlotWidget {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}:  {bare * 1000:7.0f} ms")
    print(f"   GradStep takes {painted / bare:.2f}x the empty window to its first paint, {contours / bare:.2f}x "
          f"to its contours (target: within 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--iso-repeats", type=int, default=3, help="repeats of the slow IsocurveItem timing")
    parser.add_argument("--play-seconds", type=float, default=3.0)
    parser.add_argument("--periods", type=int, default=3, help="measured play periods (medians are printed)")
    parser.add_argument("--only", choices=("contours", "play", "redraw", "startup"), action="append",
                        help="measure only these (repeatable)")
    args = parser.parse_args()
    repeats = max(1, args.repeats)
    only = set(args.only or ("contours", "play", "redraw", "startup"))
    app = create_application()
    print(f"Qt platform {app.platformName()}; pyqtgraph {pg.__version__}\n")
    if "contours" in only:
        contour_figures(repeats, max(1, args.iso_repeats))
    if only & {"play", "redraw"}:
        with open_window() as window:
            if "play" in only:
                play_figures(window, args.play_seconds, max(1, args.periods))
            if "redraw" in only:
                redraw_figures(window, max(10, 4 * repeats))
    if "startup" in only:
        settings_dir = tempfile.mkdtemp(prefix="gradstep-bench-")
        try:
            startup_figures(repeats, settings_dir)
        finally:
            shutil.rmtree(settings_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
