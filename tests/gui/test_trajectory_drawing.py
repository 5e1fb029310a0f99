"""The contour plot draws long trajectories within a pixel of every step, at the view it shows and again
after a zoom or pan: measured in the viewport's own pixels, through Qt's map of the view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from core.functions import get_function
from core.history import History
from core.optimizers import SGD
from gui.app import create_application
from gui.contour_view import DOT_LIMIT
from gui.session import Options, RunEntry
from gui.worker import FULL_SPEED

from .test_polyline import LIMIT, pixel_distances, sgd_valley, spiral

ROSENBROCK = get_function("rosenbrock")
SLACK = 0.01  # pixels: Qt's map of the view against the view's range and size, both in float64


@pytest.fixture(scope="module")
def valley():
    return sgd_valley()


@pytest.fixture
def view(qtbot):
    create_application()
    from gui.contour_view import ContourView

    view = ContourView()
    qtbot.addWidget(view)
    view.resize(720, 560)
    view.show()
    qtbot.waitExposed(view)
    # the function's view, but not the function: its contour map would be computed on another thread,
    # which may end after the view has gone
    x0, x1, y0, y1 = ROSENBROCK.view
    view.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
    qtbot.waitUntil(view.trajectories_current)  # the layout's resizes are caught up with
    return view


def entry_for(x, y, run_id=0, color="#1f77b4") -> RunEntry:
    history = History(("x", "y"), capacity=len(x))
    history.extend(np.column_stack((x, y)).ravel(), len(x))
    return RunEntry(run_id, f"run {run_id}", color, SGD(lr=0.001), (float(x[0]), float(y[0])), ROSENBROCK,
                    history=history, generation=0, segments=((1, SGD(lr=0.001)),))


def show(view, entries, step=None) -> None:
    view.show_runs(entries, step, None, (False, False))


def settle(qtbot, view) -> None:
    """Wait until the lines are drawn for the view and simplified in full."""
    qtbot.waitUntil(view.trajectories_current, timeout=10_000)


def device(view, x, y):
    """Data points in the viewport's pixels, by Qt's own map of the view (affine: three points fix it)."""
    box = view.getPlotItem().getViewBox()
    o, ex, ey = (box.mapViewToDevice(QPointF(*p)) for p in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0)))
    x, y = np.asarray(x), np.asarray(y)
    return (o.x() + x * (ex.x() - o.x()) + y * (ey.x() - o.x()),
            o.y() + x * (ex.y() - o.y()) + y * (ey.y() - o.y()))


def visible_box(view):
    """The visible part of the plot in the viewport's pixels: left, right, top, bottom."""
    box = view.getPlotItem().getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    u, v = device(view, [x0, x1], [y0, y1])
    return min(u), max(u), min(v), max(v)


def errors(view, entry, last=None) -> tuple[float, float]:
    """Pixels: the farthest a step is from the drawn line, and the farthest the line is from the steps."""
    x, y = entry.history.column("x"), entry.history.column("y")
    if last is not None:
        x, y = x[: last + 1], y[: last + 1]
    line = view.trajectory_item(entry.run_id)
    dx, dy = line.getData()
    joins = line.opts["connect"]
    if isinstance(joins, str):  # "all": a plain polyline
        joins = np.ones(len(dx), bool)
    return pixel_distances(visible_box(view), device(view, x, y), (*device(view, dx, dy), joins))


def zoom_to(view, cx, cy, factor) -> None:
    box = view.getPlotItem().getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    hw, hh = (x1 - x0) / (2 * factor), (y1 - y0) / (2 * factor)
    box.setRange(xRange=(cx - hw, cx + hw), yRange=(cy - hh, cy + hh), padding=0)


def test_a_long_run_is_drawn_within_a_pixel_of_every_step(qtbot, view, valley):
    x, y = spiral()
    entries = [entry_for(*valley), entry_for(x, y, run_id=1, color="#d62728")]
    show(view, entries)
    for entry in entries:
        assert max(errors(view, entry)) <= LIMIT + SLACK  # at once, in the frame that shows them
    settle(qtbot, view)
    for entry in entries:
        assert max(errors(view, entry)) <= LIMIT + SLACK
        assert len(view.trajectory_item(entry.run_id).getData()[0]) < 10_000  # of 200,001 points


def test_zooming_in_draws_what_is_visible_again_at_full_detail(qtbot, view, valley):
    entry = entry_for(*valley)
    show(view, [entry])
    zoom_to(view, 0.0, 0.0, 20)  # the middle of the valley
    assert not view.trajectories_current()
    assert errors(view, entry)[0] > 1.5  # drawn for the old view: the zoom shows its coarseness
    with qtbot.waitSignal(view.redrawn, timeout=5000):
        pass
    qtbot.waitUntil(view.trajectories_current, timeout=5000)
    assert max(errors(view, entry)) <= LIMIT + SLACK
    zoom_to(view, 0.99, 0.98, 40)  # where it ends, crawling towards (1, 1)
    qtbot.waitUntil(view.trajectories_current, timeout=5000)
    assert max(errors(view, entry)) <= LIMIT + SLACK


def test_a_pan_is_drawn_again_for_the_new_view(qtbot, view, valley):
    entry = entry_for(*valley)
    show(view, [entry])
    zoom_to(view, -0.5, 0.25, 8)
    qtbot.waitUntil(view.trajectories_current, timeout=5000)
    box = view.getPlotItem().getViewBox()
    (x0, x1), (y0, y1) = box.viewRange()
    box.setRange(xRange=(x0 + 0.6 * (x1 - x0), x1 + 0.6 * (x1 - x0)), yRange=(y0, y1), padding=0)
    qtbot.waitUntil(view.trajectories_current, timeout=5000)
    assert max(errors(view, entry)) <= LIMIT + SLACK


def test_a_run_growing_every_frame_stays_true_to_its_steps(qtbot, view, valley):
    x, y = valley
    entry = entry_for(x[:100_000], y[:100_000])
    entry.history = History(("x", "y"), capacity=len(x))
    entry.history.extend(np.column_stack((x[:100_000], y[:100_000])).ravel(), 100_000)
    show(view, [entry])
    for start in range(100_000, 200_000, 5_000):  # a frame at full speed
        stop = min(start + 5_000, len(x))
        entry.history.extend(np.column_stack((x[start:stop], y[start:stop])).ravel(), stop - start)
        entry.revision += 1
        show(view, [entry])
    assert max(errors(view, entry)) <= LIMIT + SLACK


def test_a_rewound_run_is_drawn_from_its_new_steps(qtbot, view, valley):
    x, y = valley
    entry = entry_for(x, y)
    show(view, [entry])
    # back to step 3000, then on with another learning rate: another way to the same minimum, which it
    # reaches by the same last step (so the newest row alone cannot tell that the rows changed)
    new_x, new_y = x.copy(), y.copy()
    bend = np.sin(np.linspace(0, np.pi, 100_000))
    new_x[3001:103_001] -= 0.3 * bend
    new_y[3001:103_001] += 0.3 * bend
    assert (new_x[-1], new_y[-1]) == (x[-1], y[-1])
    entry.history.truncate(3001)
    entry.history.extend(np.column_stack((new_x[3001:], new_y[3001:])).ravel(), len(x) - 3001)
    entry.segments = ((1, SGD(lr=0.001)), (3001, SGD(lr=0.002)))
    entry.revision += 1
    show(view, [entry])
    assert max(errors(view, entry)) <= LIMIT + SLACK


def test_a_step_chosen_in_the_history_draws_the_run_up_to_it(qtbot, view, valley):
    entry = entry_for(*valley)
    for step in (150_000, 2_000, 30, 199_000):
        show(view, [entry], step)
        assert max(errors(view, entry, step)) <= LIMIT + SLACK
        line = view.trajectory_item(entry.run_id)
        assert (line.opts["symbol"] is not None) == (step < DOT_LIMIT)


def test_the_window_draws_a_lessons_long_runs_truly(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "rosenbrock"))
    window.set_options(Options(None, 10_000, 0.0))
    window.model.set_speed(FULL_SPEED)
    window.action_play.trigger()
    qtbot.waitUntil(lambda: not window.playing and all(e.stop is not None for e in window.entries),
                    timeout=30_000)
    window.fit_view()
    qtbot.waitUntil(window.contour.trajectories_current, timeout=10_000)
    window.redraw()  # the frame after the last snapshot, if the frame timer has not drawn it yet
    for entry in window.entries:
        assert entry.step == 10_000
        assert max(errors(window.contour, entry)) <= LIMIT + SLACK
