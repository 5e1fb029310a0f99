"""The run panel's learning-rate schedule and noise fields, driven as a teacher types into them."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core.functions import get_function
from core.noise import Noise
from core.optimizers import SGD, AdamW
from core.run import LR_COLUMN, Run
from core.schedules import Schedule
from gui.fields import ReasonLabel

from .conftest import wait_steps, wait_view


def _type(qtbot, edit, text: str, enter: bool = True) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    if enter:
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _reasons(widget) -> list[str]:
    """The refusals shown on screen under the fields of ``widget``."""
    return [label.text() for label in widget.findChildren(ReasonLabel) if label.isVisible()]


def _choose(combo, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a choice in the drop-down sends


def _settled(qtbot, window):
    qtbot.waitUntil(lambda: window.model.synced and window.selected().history is not None)


def _core_run(optimizer, steps: int, decimals=4) -> Run:
    run = Run(get_function("quadratic"), optimizer, (0.0, 0.0), decimals=decimals, max_steps=1000, tol=1e-8)
    run.advance(steps)
    return run


def _state(window) -> dict:
    return {row.label: row for row in window.state_model.rows()}


def test_schedule_fields_refuse_bad_values_and_the_lr_in_effect_follows_a_step_schedule(qtbot, window):
    form = window.run_panel.schedule
    _choose(form.combo, "step")
    _settled(qtbot, window)
    assert window.selected().optimizer.schedule == Schedule("step")
    gamma, size = form.edits["gamma"], form.edits["step_size"]
    for text, why in (("0", "gamma = 0 is out of range: need 0 < gamma ≤ 1"), ("1.5", "gamma = 1.5 is out of range"),
                      ("x", "gamma must be a number")):
        _type(qtbot, gamma, text)
        assert gamma.property("invalid") and why in gamma.reason and _reasons(form) == [gamma.reason]
    _type(qtbot, size, "2.5")
    assert "whole number" in size.reason
    assert window.selected().optimizer.schedule == Schedule("step")  # nothing refused reached the run
    _type(qtbot, gamma, "0.5")
    _type(qtbot, size, "3")
    _settled(qtbot, window)
    schedule = Schedule("step", step_size=3, gamma=0.5)
    assert window.selected().optimizer.schedule == schedule and _reasons(form) == []
    assert form.formula.text() == schedule.formula
    for _ in range(7):
        window.action_step.trigger()
    wait_steps(qtbot, window, 7)
    core = _core_run(SGD(lr=0.5, schedule=schedule), 7)
    assert np.array_equal(window.selected().history.array(), core.history.array())
    rates = [core.history.row(k - 1)[LR_COLUMN] for k in range(1, 8)]  # row k - 1 holds the rate of update k
    assert rates == [0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125]
    for k in (1, 3, 4, 7):
        window.model.set_view(k)
        wait_view(qtbot, window, k)
        qtbot.waitUntil(lambda k=k: _state(window)["step"].x == k and "lr in effect" in _state(window))
        assert _state(window)["lr in effect"].x == rates[k - 1]
    window.model.set_view(4)
    wait_view(qtbot, window, 4)
    qtbot.waitUntil(lambda: "Update 4" in " ".join(window.formula_panel.toPlainText().split()))
    plain = " ".join(window.formula_panel.toPlainText().replace("\u00a0", " ").split())
    row = core.history.row(3)
    assert f"x = {row['x']} − 0.25 × " in plain  # η written out as the rate in effect, not the base 0.5


def test_noise_fields_make_the_run_a_core_run_with_that_noise_and_undo_restores_the_schedule(qtbot, window):
    noise_form, schedule_form = window.run_panel.noise, window.run_panel.schedule
    _type(qtbot, noise_form.sigma, "-1")
    assert noise_form.sigma.reason.endswith("(or 0: no noise)") and window.selected().optimizer.noise is None
    _type(qtbot, noise_form.seed, "1e20")
    assert "whole number" in noise_form.seed.reason
    _type(qtbot, noise_form.seed, "42")
    _type(qtbot, noise_form.sigma, "0.3")
    _settled(qtbot, window)
    assert window.selected().optimizer.noise == Noise(0.3, 42)
    for _ in range(6):
        window.action_step.trigger()
    wait_steps(qtbot, window, 6)
    core = _core_run(SGD(lr=0.5, noise=Noise(0.3, 42)), 6)
    assert np.array_equal(window.selected().history.array(), core.history.array())
    assert not np.array_equal(core.history.array(), _core_run(SGD(lr=0.5), 6).history.array())  # it is noisy

    _choose(schedule_form.combo, "exponential")
    _settled(qtbot, window)
    _type(qtbot, schedule_form.edits["gamma"], "0.9")
    _settled(qtbot, window)
    assert window.selected().optimizer.schedule == Schedule("exponential", gamma=0.9)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.contour.setFocus()  # Ctrl+Z in a field undoes its typing; elsewhere the last change
    window.action_undo.trigger()
    _settled(qtbot, window)
    assert window.selected().optimizer.schedule == Schedule("exponential")
    window.action_undo.trigger()
    _settled(qtbot, window)
    assert window.selected().optimizer.schedule == Schedule()
    assert window.selected().optimizer.noise == Noise(0.3, 42)  # the noise was an earlier change
    qtbot.waitUntil(lambda: schedule_form.combo.currentData() == "constant" and not schedule_form.edits)
    window.action_undo.trigger()
    _settled(qtbot, window)
    assert window.selected().optimizer.noise is None
    qtbot.waitUntil(lambda: noise_form.sigma.text() == "0.0")
    _type(qtbot, noise_form.sigma, "0")
    assert noise_form.sigma.reason == "" and window.selected().optimizer.noise is None


def test_the_rounding_control_says_when_the_rounding_does_not_apply(qtbot, window):
    note = window.settings_panel.rounding_note
    assert not note.isVisible()
    window.model.choose_optimizer("adamw")
    qtbot.waitUntil(lambda: note.isVisible())
    assert note.text() == AdamW.rounding_note() and "AdamW is not one of them" in note.text()
    window.model.choose_optimizer("rmsprop")
    qtbot.waitUntil(lambda: not note.isVisible())


def test_the_noise_seed_has_a_row_of_its_own_so_the_parameter_column_stays_narrow(qtbot, window):
    noise = window.run_panel.noise
    sigma, seed = noise.sigma, noise.seed
    assert seed.mapTo(noise, seed.rect().topLeft()).y() > sigma.mapTo(noise, sigma.rect().bottomLeft()).y()
    assert sigma.x() == seed.x()  # one column of fields, labels to their left
