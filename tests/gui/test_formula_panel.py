"""The formula panel follows the step on view and shows the core's numbers."""

from __future__ import annotations

import pytest

from core.optimizers import OPTIMIZERS

from .conftest import wait_steps, wait_view


def _plain(window) -> str:
    return " ".join(window.formula_panel.toPlainText().replace("\u00a0", " ").split())


def test_momentum_step_two_of_the_notes_lesson_and_it_follows_the_view(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-momentum"))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == "momentum")
    for _ in range(3):
        window.action_step.trigger()
    wait_steps(qtbot, window, 3)
    window.action_step_back.trigger()
    wait_view(qtbot, window, 2)
    qtbot.waitUntil(lambda: "Update 2" in _plain(window))
    text = _plain(window)
    assert "v_x = 0.5 × 2.0 − 0.5 × 4.0 = −1.0" in text
    assert "x = 2.0 + (−1.0) = 1.0" in text
    window.history_table.selectRow(1)  # the history selection moves it too
    qtbot.waitUntil(lambda: "Update 1" in _plain(window))
    assert "v_x = 0.5 × 0.0 − 0.5 × (−4.0) = 2.0" in _plain(window)
    window.timeline.step_chosen.emit(0)
    qtbot.waitUntil(lambda: "Step 0 is the start" in _plain(window))
    assert "About Momentum" in _plain(window) and "velocity" in _plain(window)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_is_written_out_with_its_explanation(qtbot, window, name):
    cls = OPTIMIZERS[name]
    window.model.choose_optimizer(name)
    for key, value in cls.demo.items():
        window.model.set_hyper(key, value)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == name)
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    qtbot.waitUntil(lambda: "Update 1" in _plain(window))
    text = _plain(window)
    run_x = window.selected().history.row(1)["x"]
    shown = window.number_format().text(run_x, "x").replace("-", "−")
    assert "x = " in text and shown in text
    assert f"About {cls.title}" in text and cls.about.split(".")[0][:30] in text
