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


def test_a_run_that_leaves_where_f_is_defined_says_so_instead_of_press_step(qtbot, window):
    """log(x) from (1, 0) with η = 0.5: x = 1 − 0.5·1 = 0.5, then 0.5 − 0.5/0.5 = −0.5, where log is not
    defined, so update 2 diverges and step 1 is the last one recorded."""
    window.choose_function("expr:log(x)")
    qtbot.waitUntil(lambda: window.function.name == "expr:log(x)" and window.model.synced, timeout=15000)
    window.model.set_start((1.0, 0.0))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (1.0, 0.0))
    window.action_step.trigger()
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().stop is not None)
    assert str(window.selected().stop) == "diverged at step 2" and window.selected().step == 1
    qtbot.waitUntil(lambda: "Update 2 would take the run" in _plain(window))
    assert "Update 1" in _plain(window)  # step 1's own numbers stay, the note comes after them
    assert window.selected().history.row(1)["x"] == 0.5
    window.model.set_hyper("lr", 2.0)  # update 1 itself goes to x = −1
    window.model.set_start((1.0, 0.5))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (1.0, 0.5))
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().stop is not None)
    qtbot.waitUntil(lambda: "Update 1 would take the run" in _plain(window))
    assert "press Step" not in _plain(window)


def test_in_korean_the_explanation_names_momentum_as_the_chooser_does(qtbot, window):
    window.set_language("ko")
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-momentum"))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == "momentum")
    qtbot.waitUntil(lambda: "모멘텀 소개" in _plain(window))  # the notes' 모멘텀, not 'Momentum 소개'
    assert "Momentum 소개" not in _plain(window)
