"""A typed-in f(x, y) in the window: read in the background, refused with a caret, remembered, its view
box editable, first-class in runs and sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.functions import get_function, is_typed_in
from core.run import Run

from .conftest import history_rows, wait_steps


def _type(qtbot, window, text):
    field = window.function_panel.expression
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_typed_function_with_its_gradient_replaces_the_function(qtbot, window):
    _type(qtbot, window, "x^2 + 3*y^2 - sin(x*y)")
    qtbot.waitUntil(lambda: is_typed_in(window.function) and window.model.synced, timeout=15000)
    assert window.function.name == "expr:x^2 + 3*y^2 - sin(x*y)"
    gradient = window.function_panel.gradient.text()
    assert "∂f/∂x" in gradient and "cos" in gradient and window.function_panel.gradient.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.contour.contour_map is not None
                    and window.contour.contour_map.function == window.function.name, timeout=10000)
    for _ in range(3):
        window.action_step.trigger()
    wait_steps(qtbot, window, 3)
    alone = Run(window.function, window.selected().optimizer, window.selected().start, decimals=4, max_steps=3)
    alone.advance(3)
    assert (window.selected().history.array() == alone.history.array()).all()


def test_a_refused_function_says_where_and_the_old_one_stays(qtbot, window):
    _type(qtbot, window, "2x + y")
    qtbot.waitUntil(lambda: "2*x" in window.function_panel.reason.text(), timeout=15000)
    lines = window.function_panel.reason.text().splitlines()
    assert lines[1] == "2x + y" and lines[2] == " ^"  # the caret under the x after the 2
    assert window.function.name == "quadratic"
    _type(qtbot, window, "__import__('os')")
    qtbot.waitUntil(lambda: "__import__" in window.function_panel.reason.text(), timeout=15000)
    assert window.function.name == "quadratic"


def test_the_notes_quadratic_typed_in_gives_the_notes_numbers(qtbot, window):
    for _ in range(10):
        window.action_step.trigger()
    wait_steps(qtbot, window, 10)
    built_in = history_rows(window)
    _type(qtbot, window, "x*x + y*y + x*y - 4*x - 8*y")
    qtbot.waitUntil(lambda: is_typed_in(window.function) and window.model.synced, timeout=15000)
    window.model.set_start((0.0, 0.0))
    qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (0.0, 0.0))
    for _ in range(10):
        window.action_step.trigger()
    wait_steps(qtbot, window, 10)
    assert history_rows(window) == built_in


def test_typed_functions_are_remembered_listed_and_removable(qtbot, window, isolated_settings):
    from gui.main_window import MainWindow

    _type(qtbot, window, "exp(-(x^2 + y^2))")
    qtbot.waitUntil(lambda: is_typed_in(window.function), timeout=15000)
    combo = window.function_panel.combo
    assert combo.findData("expr:exp(-(x^2 + y^2))") > combo.findData("ill-conditioned")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    combo = again.function_panel.combo
    index = combo.findData("expr:exp(-(x^2 + y^2))")
    assert index >= 0 and combo.itemText(index - 1).startswith("—")  # under its own heading
    combo.activated.emit(index)
    qtbot.waitUntil(lambda: is_typed_in(again.function), timeout=15000)
    again.function_panel.remove.click()
    assert again.function_panel.library.entries() == []
    assert not any(combo.itemText(i).startswith("—") for i in range(combo.count()))  # no heading left
    again.close()


def test_the_view_box_of_a_typed_function_is_editable(qtbot, window):
    _type(qtbot, window, "x^2 + y^2")
    qtbot.waitUntil(lambda: is_typed_in(window.function), timeout=15000)
    edit = window.function_panel.view_edits[1]  # x to
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "20")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.function.view[1] == 20.0, timeout=15000)
    qtbot.waitUntil(lambda: window.contour.visible_box()[1] >= 19.9)
    assert window.function.view == (-5.0, 20.0, -5.0, 5.0)
    assert get_function(window.function.name).formula == window.function.formula


def test_a_session_keeps_the_typed_function_and_its_view(qtbot, window, tmp_path):
    from core.lessons import load_session, save_session

    _type(qtbot, window, "(1-x)^2 + 100*(y-x^2)^2")
    qtbot.waitUntil(lambda: is_typed_in(window.function), timeout=15000)
    edit = window.function_panel.view_edits[3]  # y to
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "9")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.function.view[3] == 9.0, timeout=15000)
    save_session(tmp_path / "typed.gradstep", window.current_session())
    window.choose_function("quadratic")
    qtbot.waitUntil(lambda: window.function.name == "quadratic")
    window.files.open_session(tmp_path / "typed.gradstep")
    qtbot.waitUntil(lambda: is_typed_in(window.function) and window.model.synced)
    assert window.function.name == "expr:(1 - x)^2 + 100*(y - x^2)^2" and window.function.view[3] == 9.0
    assert load_session(tmp_path / "typed.gradstep").function is window.function


def test_the_chooser_names_a_typed_function_that_is_not_among_mine(qtbot, window, tmp_path):
    """A session's typed-in function on a machine that never saw it, or one just removed from my functions,
    is still the one the function chooser shows (it had shown the first built-in, the notes' quadratic)."""
    from core.lessons import save_session

    panel = window.function_panel
    _type(qtbot, window, "log(1 + x^2 + y^2)")
    qtbot.waitUntil(lambda: is_typed_in(window.function) and window.model.synced, timeout=15000)
    save_session(tmp_path / "typed.gradstep", window.current_session())
    panel.remove.click()
    assert panel.combo.currentText() == "log(1 + x^2 + y^2)"
    assert panel.library.entries() == [] and not panel.remove.isVisibleTo(window)
    window.choose_function("rosenbrock")
    qtbot.waitUntil(lambda: window.function.name == "rosenbrock")
    assert panel.combo.findData("expr:log(1 + x^2 + y^2)") < 0  # gone from the list with the function
    window.files.open_session(tmp_path / "typed.gradstep")
    qtbot.waitUntil(lambda: is_typed_in(window.function) and window.model.synced)
    assert panel.combo.currentText() == "log(1 + x^2 + y^2)"
    assert panel.combo.currentData() == "expr:log(1 + x^2 + y^2)"
