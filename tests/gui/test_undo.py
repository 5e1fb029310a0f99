"""Edit ▸ Undo and Redo bring the runs back as they were, their recorded steps included."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core.optimizers import SGD, Adam

from .conftest import history_rows, wait_steps


def _settled(qtbot, window):
    qtbot.waitUntil(lambda: window.model.synced and all(e.history is not None for e in window.entries))


def test_undoing_an_optimizer_switch_brings_back_the_steps(qtbot, window):
    for _ in range(8):
        window.action_step.trigger()
    wait_steps(qtbot, window, 8)
    before = history_rows(window)
    window.model.choose_optimizer("adam")
    _settled(qtbot, window)
    assert isinstance(window.selected().recorded, Adam) and window.selected().step == 0
    for _ in range(3):
        window.action_step.trigger()
    wait_steps(qtbot, window, 3)
    adam_rows = history_rows(window)
    assert window.action_undo.text().startswith("&Undo") and "Adam" in window.action_undo.text()
    window.action_undo.trigger()
    _settled(qtbot, window)
    wait_steps(qtbot, window, 8)
    assert window.selected().optimizer == SGD(lr=0.5) and history_rows(window) == before
    window.action_redo.trigger()  # the Adam run as it was when undone: its three steps included
    _settled(qtbot, window)
    wait_steps(qtbot, window, 3)
    assert isinstance(window.selected().optimizer, Adam) and history_rows(window) == adam_rows


def test_undoing_a_function_change_and_a_removal(qtbot, window):
    window.model.add_run()
    _settled(qtbot, window)
    window.model.set_run_color(window.entries[1].run_id, "#000000")
    for _ in range(5):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and [e.step for e in window.entries] == [5, 5])
    saved = [e.history.array() for e in window.entries]
    window.choose_function("rosenbrock")
    _settled(qtbot, window)
    window.model.remove_run()
    _settled(qtbot, window)
    assert len(window.entries) == 1
    window.action_undo.trigger()  # the removal
    _settled(qtbot, window)
    assert len(window.entries) == 2 and window.function.name == "rosenbrock"
    window.action_undo.trigger()  # the function
    _settled(qtbot, window)
    qtbot.waitUntil(lambda: window.function.name == "quadratic" and [e.step for e in window.entries] == [5, 5])
    for entry, rows in zip(window.entries, saved, strict=True):
        assert np.array_equal(entry.history.array(), rows)
    assert window.entries[1].color == "#000000"
    assert window.function_panel.combo.currentData() == "quadratic"


def test_ctrl_z_undoes_a_change_from_anywhere_but_a_text_field(qtbot, window):
    window.model.set_hyper("lr", 0.25)
    qtbot.waitUntil(lambda: window.model.synced)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.contour.setFocus()
    qtbot.keyClick(window.contour, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.selected().optimizer.lr == 0.5)
    edit = window.run_panel.name_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Teacher")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the field's own undo
    assert edit.text() != "Teacher" and window.selected().optimizer.lr == 0.5


def test_redo_answers_ctrl_shift_z_and_ctrl_y(qtbot, window):
    window.model.set_hyper("lr", 0.25)
    qtbot.waitUntil(lambda: window.model.synced)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.contour.setFocus()
    for redo in ((Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
                 (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)):
        qtbot.keyClick(window.contour, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.selected().optimizer.lr == 0.5)
        qtbot.keyClick(window.contour, *redo)
        qtbot.waitUntil(lambda: window.selected().optimizer.lr == 0.25)
