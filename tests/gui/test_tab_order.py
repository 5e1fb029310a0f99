"""Keyboard-only use of the parameter column: Tab reaches every field in the order they are laid out,
including the fields built for the optimizer and the schedule chosen, and does not get stuck in a table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.schedules import Schedule


def _tab_names(qtbot, start, presses: int) -> list[str]:
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)  # (the window is active: see _active)
    names = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().objectName())
    return names


def _active(qtbot, window) -> None:
    """Focus and keys go to the active window only; activation arrives as an event, later under load."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_tab_reaches_the_learning_rate_and_every_built_field_in_order(qtbot, window):
    panel = window.run_panel
    _active(qtbot, window)
    assert _tab_names(qtbot, panel.optimizer_combo, 2) == ["hyper_lr", "schedule_combo"]
    window.model.choose_optimizer("adam")
    window.model.set_schedule(Schedule("step"))
    qtbot.waitUntil(lambda: "hyper_beta2" in {w.objectName() for w in panel.findChildren(type(panel.start_x))}
                    and panel.schedule.edits.keys() == {"step_size", "gamma"})
    qtbot.waitUntil(lambda: panel._tab_chain and panel._tab_chain[2].objectName() == "hyper_lr")
    # a widget added to a shown layout is shown by a queued call, and Tab passes over a hidden one
    qtbot.waitUntil(lambda: all(field.isVisible() for field in panel._tab_chain))
    assert _tab_names(qtbot, panel.optimizer_combo, 10) == [
        "hyper_lr", "hyper_beta1", "hyper_beta2", "hyper_eps", "schedule_combo", "schedule_step_size",
        "schedule_gamma", "schedule_warmup", "noise_sigma", "noise_seed"]


def test_tab_leaves_a_table_at_once(qtbot, window):
    _active(qtbot, window)
    for table in (window.state_table, window.history_table):
        assert _tab_names(qtbot, table, 1) != [table.objectName()]
