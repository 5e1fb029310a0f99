"""Speed of drawing long trajectories on the contour plot, printed as measured figures (never asserted).

    python benchmarks/trajectory_speed.py [--steps N] [--repeats N]

Six runs on Rosenbrock from (-1.2, 1), each N steps (default 1,000,000) with tol 0: the "rosenbrock"
lesson's SGD, Momentum, RMSProp and Adam, and Nesterov and AdaGrad.  It prints medians of:

1. `gui.polyline.Trail` from scratch over one run's N points, at the function's view on 800 x 800 pixels,
   for each run: snapping, then simplifying;
2. appending 5,000 points to a trail of N points, as a frame does (a block simplified, the polyline made);
3. one frame of `ContourView.show_runs` (snapping the new rows, setData) plus the repaint of the plot,
   with all six runs growing by 5,000 rows a frame from N/2 rows, in an offscreen 1000 x 800 view;
4. after a zoom (setRange to a quarter of the view around (1, 1)) with six runs of N points: the total
   work of drawing them again, the longest slice of it (the event loop waits that long at most) and the
   wall time from the zoom until every run is drawn again.

Runs offscreen (QT_QPA_PLATFORM=offscreen unless already set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.functions import get_function  # noqa: E402
from core.history import History  # noqa: E402
from core.optimizers import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSProp  # noqa: E402
from core.run import Run  # noqa: E402
from gui.app import create_application  # noqa: E402
from gui.contour_view import REDRAW_DELAY, ContourView  # noqa: E402
from gui.polyline import Screen, Trail  # noqa: E402
from gui.session import RunEntry  # noqa: E402

ROSENBROCK = get_function("rosenbrock")
OPTIMIZERS = (SGD(lr=0.001), Momentum(lr=0.001, momentum=0.9), RMSProp(lr=0.01, gamma=0.9), Adam(lr=0.05),
              Nesterov(lr=0.001, momentum=0.9), AdaGrad(lr=0.05))
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
APPEND = 5_000


def histories(steps: int) -> list[History]:
    """Each run's history, `steps` steps (the runs stop early only if they diverge)."""
    runs = []
    for optimizer in OPTIMIZERS:
        run = Run(ROSENBROCK, optimizer, (-1.2, 1.0), max_steps=steps, tol=0.0)
        run.advance(steps)
        runs.append(run.history)
    return runs


def columns(history: History, rows: int | None = None):
    """x and y as the window reads them: strided views of the history's block of rows."""
    return history.column("x")[:rows], history.column("y")[:rows]


def function_screen() -> Screen:
    x0, x1, y0, y1 = ROSENBROCK.view
    return Screen(x0, x1, y0, y1, 800.0, 800.0)


def from_scratch(x, y, times: list[float]) -> Trail:
    trail = Trail(function_screen())
    start = time.perf_counter()
    trail.extend(x, y)
    middle = time.perf_counter()
    trail.simplify()
    times.append((middle - start, time.perf_counter() - middle))
    return trail


def simplify_figures(runs, rows: int, repeats: int) -> None:
    print(f"1. a Trail from scratch for {rows:,} points (strided columns of the history), the function's view "
          f"on 800 x 800 pixels: snapping, then simplifying")
    for optimizer, history in zip(OPTIMIZERS, runs, strict=True):
        x, y = columns(history, rows)
        times: list[tuple[float, float]] = []
        for _ in range(repeats):
            trail = from_scratch(x, y, times)
        snap, simplify = (statistics.median(t) for t in zip(*times, strict=True))
        drawn = len(trail.polyline(x, y, len(x) - 1)[0])
        print(f"   {type(optimizer).__name__:9s} {snap * 1000:6.1f} ms + {simplify * 1000:5.1f} ms   "
              f"({drawn:,} points drawn)")


def append_figures(runs, rows: int, repeats: int) -> None:
    x, y = columns(runs[0], rows + APPEND)
    times = []
    for _ in range(repeats):
        trail = Trail(function_screen())
        trail.extend(x, y, rows)
        trail.simplify()
        start = time.perf_counter()
        trail.extend(x, y)
        trail.simplify(1)
        trail.polyline(x, y, len(x) - 1)
        times.append(time.perf_counter() - start)
    print(f"2. {APPEND:,} points appended to a trail of {rows:,} (SGD), a block simplified and the polyline "
          f"made, as in a frame: {ms(times)}")


def ms(seconds) -> str:
    return f"{statistics.median(seconds) * 1000:.2f} ms"


# ------------------------------------------------------------------------------------------- the window
def spin_until(app, done, timeout: float) -> bool:
    """Process events (as the app's loop would) until done() or ``timeout`` seconds have passed."""
    deadline = time.perf_counter() + timeout
    while not done() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    return done()


def make_view(app):
    class TimedView(ContourView):
        """ContourView with each slice of drawing again after a zoom timed."""

        slices: list[float]

        def _rebuild(self):
            start = time.perf_counter()
            super()._rebuild()
            self.slices.append(time.perf_counter() - start)

    view = TimedView()
    view.slices = []
    view.resize(1000, 800)
    view.show()
    view.set_function(ROSENBROCK)
    spin_until(app, lambda: view.contour_map is not None, 10)
    return view


def entries_for(runs, rows: int) -> list[RunEntry]:
    """The window's mirrors of the runs' first ``rows`` rows."""
    entries = []
    for i, (optimizer, run) in enumerate(zip(OPTIMIZERS, runs, strict=True)):
        history = History(run.columns, capacity=len(run))
        history.extend(run.array()[:rows].ravel(), rows)
        entries.append(RunEntry(i, type(optimizer).__name__, COLORS[i], optimizer, (-1.2, 1.0), ROSENBROCK,
                                history=history, generation=0))
    return entries


def frame_figures(app, runs, rows: int, frames: int) -> None:
    view = make_view(app)
    half = rows // 2
    frames = min(frames, (rows - half) // APPEND)
    entries = entries_for(runs, half)
    view.show_runs(entries, None, None, (False, False))
    spin_until(app, view.trajectories_current, 60)
    draw, paint, cpu = [], [], []
    for frame in range(frames):
        first = half + frame * APPEND
        for entry, run in zip(entries, runs, strict=True):
            entry.history.extend(run.array(start=first)[:APPEND].ravel(), APPEND)
            entry.revision += 1
        start, start_cpu = time.perf_counter(), time.thread_time()
        view.show_runs(entries, None, None, (False, False))
        middle = time.perf_counter()
        view.viewport().repaint()
        draw.append(middle - start)
        paint.append(time.perf_counter() - middle)
        cpu.append(time.thread_time() - start_cpu)
    drawn = sum(len(view.trajectory_item(entry.run_id).getData()[0]) for entry in entries)
    print(f"3. a frame with six runs growing by {APPEND:,} rows each from {half:,} ({frames} frames; "
          f"{drawn:,} points drawn at the end)")
    print(f"   show_runs {ms(draw)}, repaint {ms(paint)}; the two on the main thread's clock {ms(cpu)} "
          f"(medians; slowest frame {max(d + p for d, p in zip(draw, paint, strict=True)) * 1000:.1f} ms)")
    view.close()


def zoom_figures(app, runs, rows: int, repeats: int) -> None:
    view = make_view(app)
    entries = entries_for(runs, rows)
    view.show_runs(entries, None, None, (False, False))
    spin_until(app, view.trajectories_current, 60)
    x0, x1, y0, y1 = ROSENBROCK.view
    boxes = [((1 - (x1 - x0) / 8, 1 + (x1 - x0) / 8), (1 - (y1 - y0) / 8, 1 + (y1 - y0) / 8)),
             ((x0, x1), (y0, y1))]
    work, longest, wall = [], [], []
    for i in range(repeats):
        view.slices = []
        xr, yr = boxes[i % 2]
        start = time.perf_counter()
        view.getPlotItem().getViewBox().setRange(xRange=xr, yRange=yr, padding=0)
        spin_until(app, view.trajectories_current, 60)
        wall.append(time.perf_counter() - start)
        work.append(sum(view.slices))
        longest.append(max(view.slices))
    print(f"4. zoom in to (1, 1) and back out, six runs of {rows:,} points ({repeats} zooms)")
    print(f"   work {statistics.median(work) * 1000:6.1f} ms in slices of at most "
          f"{statistics.median(longest) * 1000:.1f} ms; done {statistics.median(wall) * 1000:.0f} ms after the "
          f"zoom (of which {REDRAW_DELAY} ms waiting for the zoom to end)")
    view.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    app = create_application()
    started = time.perf_counter()
    runs = histories(args.steps + APPEND)
    rows = args.steps + 1
    print(f"(six runs of {args.steps + APPEND:,} steps computed in {time.perf_counter() - started:.0f} s)")
    simplify_figures(runs, rows, args.repeats)
    append_figures(runs, rows, args.repeats)
    frame_figures(app, runs, rows, 30)
    zoom_figures(app, runs, rows, 2 * args.repeats)


if __name__ == "__main__":
    main()
