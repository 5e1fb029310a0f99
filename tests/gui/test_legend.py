"""The legend on the contour plot: each run's colour, name and settings, and what the arrows mean."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from core.optimizers import SGD, AdaGrad, Adam, Momentum, RMSProp
from gui.legend import GRADIENT_COLOR, STEP_COLOR, RunLegend, run_label, settings_text

from .conftest import wait_steps


def test_settings_are_written_by_their_symbols():
    assert settings_text(SGD(lr=0.5)) == "SGD η=0.5"
    assert settings_text(Momentum(lr=0.5, momentum=0.5)) == "Momentum η=0.5 μ=0.5"
    assert settings_text(RMSProp(lr=0.9, gamma=0.75)) == "RMSProp η=0.9 γ=0.75"
    assert settings_text(Adam(lr=0.9)) == "Adam η=0.9 β₁=0.9 β₂=0.999"  # ε at its default is left out
    assert settings_text(AdaGrad(lr=10, eps=1e-4)) == "AdaGrad η=10 ε=0.0001"
    assert run_label("SGD", SGD(lr=0.3)) == "SGD η=0.3"
    assert run_label("lr 0.3", SGD(lr=0.3)) == "lr 0.3: SGD η=0.3"


def test_the_legend_lists_every_shown_run_and_the_arrows(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "learning-rate"))
    qtbot.waitUntil(lambda: len(window.legend.rows) == 5, timeout=5000)
    rows = window.legend.rows
    assert [(r.kind, r.color, r.text) for r in rows[:3]] == [("run", e.color, f"{e.name}: SGD η={e.optimizer.lr:g}")
                                                              for e in window.entries]
    assert [(r.kind, r.color) for r in rows[3:]] == [("gradient", GRADIENT_COLOR), ("step", STEP_COLOR)]
    window.model.set_run_visible(window.entries[1].run_id, False)
    window.action_gradient_arrow.trigger()
    qtbot.waitUntil(lambda: [r.text[:6] for r in window.legend.rows] == ["lr 0.3", "lr 0.7", "the ne"])
    window.model.set_hyper("lr", 0.25)
    qtbot.waitUntil(lambda: window.legend.rows[0].text == "lr 0.3: SGD η=0.25")


def test_the_legend_is_laid_out_again_only_when_what_it_says_changes(qtbot, window, monkeypatch):
    laid_out = []
    real = RunLegend.set_rows
    monkeypatch.setattr(RunLegend, "set_rows", lambda self, rows: (laid_out.append(rows), real(self, rows)))
    for _ in range(5):
        window.action_step.trigger()
    wait_steps(qtbot, window, 5)
    assert laid_out == []  # five steps drawn, nothing to say anew
    window.model.rename("Plain SGD")
    qtbot.waitUntil(lambda: len(laid_out) == 1)
    assert laid_out[0][0].text == "Plain SGD: SGD η=0.5"


def _make_room(qtbot, window) -> None:
    """The offscreen window is small: hide the panels so that the plot is wider than the legend."""
    for dock in window.docks:
        dock.hide()
    box = window.contour.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: window.legend.isVisible() and len(window.legend.rows) > 0
                    and box.rect().width() > window.legend.boundingRect().width() + 200)


def _centre(window) -> QPoint:
    legend = window.legend
    return window.contour.mapFromScene(legend.mapToScene(legend.boundingRect().center()))


def test_the_legend_sits_in_the_top_right_corner_and_keeps_there(qtbot, window):
    box = window.contour.getPlotItem().getViewBox()
    legend = window.legend

    def corner_gap():
        rect = legend.mapRectToParent(legend.boundingRect())
        return box.rect().right() - rect.right(), rect.top() - box.rect().top()

    _make_room(qtbot, window)
    qtbot.waitUntil(lambda: corner_gap() == (8.0, 8.0))
    window.resize(window.width() - 150, window.height() - 60)
    qtbot.waitUntil(lambda: corner_gap() == (8.0, 8.0))


def test_dragging_moves_the_legend_and_never_the_start(qtbot, window):
    _make_room(qtbot, window)
    viewport = window.contour.viewport()
    before, start, changes = window.legend.pos(), window.selected().start, window.model.undo_stack.count()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_centre(window))
    press = _centre(window)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(viewport, press + QPoint(-60, 40))
    qtbot.mouseMove(viewport, press + QPoint(-120, 80))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=press + QPoint(-120, 80))
    moved = window.legend.pos() - before
    assert (round(moved.x()), round(moved.y())) == (-120, 80)
    assert window.selected().start == start and window.model.undo_stack.count() == changes
    window.resize(window.width() - 100, window.height())  # it keeps its place relative to its corner
    qtbot.waitUntil(lambda: round((window.legend.pos() - window.legend._corner()).x()) == -120)


def test_the_gradient_arrow_is_drawn_to_a_scale_the_legend_states(qtbot, window):
    import math

    from gui.contour_view import gradient_scale

    scale = window.contour.gradient_scale
    assert scale == gradient_scale(window.function)
    # the notes' function from (0, 0): ‖∇f‖ = √80 in a view 10 × 10 wide, diagonal √200: about a sixth of it
    wanted = math.sqrt(200) / 6 / math.sqrt(80)
    assert scale <= wanted < 2.5 * scale and f"{scale:e}"[0] in "125"
    for _ in range(3):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 3)
    window._draw_part("trajectories")
    arrow = window.contour.gradient_arrow
    row = window.selected().history.row(3)
    start, end = arrow._start, arrow._end
    assert math.hypot(end[0] - start[0], end[1] - start[1]) == pytest.approx(
        scale * math.hypot(row["grad_x"], row["grad_y"]), rel=1e-12)
    assert any(f"× {scale:g}" in row.text for row in window.legend.rows)


def _path_points_in_scene(window) -> list:
    """Every shown run's points up to the step on view, and eight points along each segment, as the
    scene has them (Qt's own mapping from the data)."""
    box = window.contour.getPlotItem().getViewBox()
    points = []
    for entry in window.model.entries:
        rows = [entry.history.row(k) for k in range(window.model.viewed_step(entry) + 1)]
        points.append(box.mapViewToScene(QPointF(rows[0]["x"], rows[0]["y"])))
        for a, b in itertools.pairwise(rows):
            points += [box.mapViewToScene(QPointF(a["x"] + (b["x"] - a["x"]) * t / 8,
                                                  a["y"] + (b["y"] - a["y"]) * t / 8)) for t in range(1, 9)]
    return points


def _covered(window, points) -> int:
    rect = window.legend.sceneBoundingRect()
    return sum(rect.contains(p) for p in points)


def _start_under_the_legend(qtbot, window) -> None:
    """SGD on the notes' function from near the view's top-right corner (x −4..6, y −1..9), under the legend."""
    window.resize(1000, 900)
    window.model.set_start((5.5, 8.6))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (5.5, 8.6))
    window._draw_part("trajectories")


def test_the_legend_moves_out_of_the_paths_way(qtbot, window):
    """A run moved to start under the legend, then stepped: the legend goes to the corner that hides least
    of the path (the path's points counted in the scene, corner by corner), here none of it."""
    legend = window.legend
    assert legend.corner == "top-right"
    _start_under_the_legend(qtbot, window)
    for step in (0, 1):
        if step:
            window.action_step.trigger()
            qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1)
            window._draw_part("trajectories")
        points = _path_points_in_scene(window)
        assert legend.corner != "top-right"
        here, chosen = _covered(window, points), legend.corner
        for corner in ("top-right", "bottom-right", "bottom-left"):
            legend.set_corner(corner)
            assert here <= _covered(window, points)
        legend.set_corner("top-right")
        assert _covered(window, points) > 0  # where it was, it hid the path
        legend.set_corner(chosen)
        assert here == 0


def test_a_dragged_legend_is_not_moved_for_the_paths(qtbot, window):
    window.legend._offset = QPointF(-5.0, 3.0)  # as a drag leaves it
    window.legend.place()
    _start_under_the_legend(qtbot, window)
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1)
    window._draw_part("trajectories")
    assert window.legend.corner == "top-right" and window.legend._offset == QPointF(-5.0, 3.0)
