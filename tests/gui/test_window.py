"""The window driven as a teacher would: steps, play, step back, clicks, bad values, several runs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt, QThread, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QTableView

from core.functions import get_function
from core.optimizers import SGD, Adam
from core.run import Run
from gui.session import Options
from gui.worker import FULL_SPEED

from ..core.lecture_notes import read_tables
from .conftest import headers, history_rows, wait_steps, wait_view


def _action(win, name) -> QAction:
    action = win.findChild(QAction, name)
    assert action is not None, name
    return action


def test_it_opens_on_the_notes_first_example(window):
    entry = window.selected()
    assert window.function.name == "quadratic"
    assert len(window.entries) == 1 and entry.optimizer == SGD(lr=0.5) and entry.start == (0.0, 0.0)
    assert window.options.decimals == 4
    assert window.settings_panel.rounding.isChecked() and window.settings_panel.decimals.value() == 4
    assert window.run_panel.hypers.edits["lr"].text() == "0.5"
    for name in ("action_play", "action_step", "action_step_back", "action_reset", "action_export_csv"):
        _action(window, name)
    for name in ("state_table", "history_table"):
        view = window.findChild(QTableView, name)
        assert view is not None
        assert headers(view.model())[1:3] == ["x", "y"]


def test_ten_steps_reproduce_the_notes_sgd_table(qtbot, window):
    step = _action(window, "action_step")
    for _ in range(10):
        step.trigger()
    wait_steps(qtbot, window, 10)
    rows = history_rows(window)
    columns = headers(window.history_model)
    (table,) = [t for t in read_tables() if t.optimizer == "SGD"]
    for printed in table.rows:  # row for row as the notes print it: the gradient each update used
        row = dict(zip(columns, rows[printed.step], strict=True))
        assert (float(row["x"]), float(row["y"])) == printed.groups["params"]
        assert row["f"] == printed.func  # "-16.0000", as the notes print f
        assert (float(row["grad_x"]), float(row["grad_y"])) == printed.groups["grads"]
        assert (row["x"], row["y"]) == tuple(repr(v) for v in printed.groups["params"])  # "0.0078", not more
    state = {r.label: r for r in window.state_model.rows()}
    assert (state["params  (x, y)"].x, state["params  (x, y)"].y) == table.rows[10].groups["params"]


def test_step_back_then_step_gives_the_same_numbers(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-adam"))
    qtbot.waitUntil(lambda: window.selected().history is not None and type(window.selected().optimizer) is Adam)
    for _ in range(6):
        window.action_step.trigger()
    wait_steps(qtbot, window, 6)
    before = history_rows(window)
    recorded = window.selected().history
    for _ in range(3):
        window.action_step_back.trigger()
    wait_view(qtbot, window, 3)
    assert history_rows(window) == before  # stepping back discards nothing the class has seen
    assert {r.label: r.x for r in window.state_model.rows()}["step"] == 3
    for _ in range(3):
        window.action_step.trigger()
    wait_view(qtbot, window, 6)
    assert history_rows(window) == before
    # replayed, not recomputed: the same recorded rows (one shared block, never copied)
    assert window.selected().generation == 0 and np.shares_memory(window.selected().history.column("x"),
                                                                   recorded.column("x"))


def test_keyboard_drives_the_transport(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.contour.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.contour, Qt.Key.Key_Right)
    wait_steps(qtbot, window, 3)
    qtbot.keyClick(window.contour, Qt.Key.Key_Left)
    wait_view(qtbot, window, 2)
    assert window.selected().step == 3
    qtbot.keyClick(window.contour, Qt.Key.Key_R)
    wait_steps(qtbot, window, 0)
    # after a click on a slider, the arrow keys still step (the sliders do not take the focus)
    qtbot.mouseClick(window.speed.slider, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Right)
    wait_steps(qtbot, window, 1)


def test_play_advances_and_pause_stops(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "rosenbrock"))  # 5000 steps
    window.speed.slider.setValue(window.speed.slider.maximum() - 3)  # thousands of steps a second
    play = _action(window, "action_play")
    play.trigger()
    qtbot.waitUntil(lambda: window.playing and window.selected().step > 20, timeout=5000)
    qtbot.waitUntil(lambda: play.text().replace("&", "") == "Pause")
    play.trigger()
    qtbot.waitUntil(lambda: not window.playing and window.model.synced, timeout=5000)
    qtbot.waitUntil(lambda: play.text().replace("&", "") == "Play")
    stopped_at = window.selected().step
    # nothing moves after a pause: a single Step then moves exactly one step
    window.action_step.trigger()
    wait_steps(qtbot, window, stopped_at + 1)
    assert not window.playing


def test_play_stops_by_itself_when_every_run_has_stopped(qtbot, window):
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.action_play.trigger()
    # with rounding, SGD reaches the minimum exactly and converges; then play must end on its own
    qtbot.waitUntil(lambda: window.selected().stop is not None and not window.playing, timeout=10000)
    qtbot.waitUntil(lambda: "converged at step" in window.status_label.text())  # at the next frame
    assert window.action_play.text().replace("&", "") == "Play"


def test_a_click_on_the_plot_moves_the_start_point(qtbot, window):
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    box = window.contour.getPlotItem().getViewBox()
    scene = box.mapViewToScene(QPointF(2.0, 5.0))
    pos = window.contour.mapFromScene(scene)
    qtbot.mouseClick(window.contour.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 0
                    and abs(window.selected().history.row(0)["x"] - 2.0) < 0.05, timeout=5000)
    x, y = window.selected().start
    assert math.isclose(x, 2.0, abs_tol=0.05) and math.isclose(y, 5.0, abs_tol=0.05)
    assert round(x, 2) == x and round(y, 2) == y  # snapped to 0.01 on the notes' 10-wide view
    assert window.run_panel.start_x.value == x
    row = window.selected().history.row(0)
    assert (row["x"], row["y"]) == (x, y)


def test_a_diverging_run_says_so_and_the_window_stays_usable(qtbot, window):
    edit = window.run_panel.hypers.edits["lr"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1.5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selected().optimizer.lr == 1.5)
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.action_play.trigger()
    qtbot.waitUntil(lambda: window.selected().stop is not None and not window.playing, timeout=10000)
    entry = window.selected()
    assert str(entry.stop).startswith("diverged at step ")
    qtbot.waitUntil(lambda: "diverged at step" in window.status_label.text())
    assert "diverged at step" in window.run_list.list.item(0).text()
    assert np.isfinite(entry.history.array()).all()
    window.action_reset.trigger()  # and it still works
    wait_steps(qtbot, window, 0)
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)


def test_an_invalid_hyperparameter_is_refused_where_it_is_typed(qtbot, window):
    edit = window.run_panel.hypers.edits["lr"]
    for text, reason in (("-1", "out of range"), ("fast", "must be a number"), ("nan", "finite"),
                         ("", "lr is empty: type a number")):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert reason in edit.reason
        assert edit.property("invalid") is True
        assert edit.value == 0.5 and window.selected().optimizer.lr == 0.5
    reason_label = edit.parent().findChildren(type(window.run_panel.start_reason))
    assert any(label.isVisible() and label.text() == "lr is empty: type a number" for label in reason_label)
    window.action_step.trigger()  # the run still steps with the valid value
    wait_steps(qtbot, window, 1)
    assert float(history_rows(window)[1][1]) == 2.0
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "0.5" and not edit.reason


def test_a_changed_hyperparameter_takes_effect_from_the_next_step(qtbot, window):
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    edit = window.run_panel.hypers.edits["lr"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "0.25")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.action_step.trigger()
    wait_steps(qtbot, window, 2)
    rows = window.selected().history
    # step 1 was made with lr 0.5, step 2 with 0.25, from the rounded gradient at step 1 (4, 2)
    assert (rows.row(1)["x"], rows.row(1)["y"]) == (2.0, 4.0)
    assert (rows.row(2)["x"], rows.row(2)["y"]) == (2.0 - 0.25 * 4.0, 4.0 - 0.25 * 2.0)


def test_two_runs_step_in_lockstep(qtbot, window):
    window.action_add_run.trigger()
    qtbot.waitUntil(lambda: len(window.entries) == 2 and all(e.history is not None for e in window.entries))
    second = window.entries[1]
    assert type(second.optimizer).__name__ == "Momentum" and second.start == (0.0, 0.0)
    for _ in range(5):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: [e.step for e in window.entries] == [5, 5], timeout=5000)
    expected = Run(get_function("quadratic"), second.optimizer, (0.0, 0.0), decimals=4, max_steps=5)
    expected.advance(5)
    assert np.array_equal(second.history.array(), expected.history.array())
    window.action_step_back.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.model.view == 4)
    assert [e.step for e in window.entries] == [5, 5]  # nothing discarded
    # a hidden run does not step
    window.run_list.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    for _ in range(2):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and [e.step for e in window.entries] == [6, 5], timeout=5000)
    assert window.model.view == 6
    # shown again, it catches up with the step on view at once
    window.run_list.list.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.model.synced and [e.step for e in window.entries] == [6, 6], timeout=5000)


def test_the_state_table_names_adams_state_and_lr_t(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-adam"))
    qtbot.waitUntil(lambda: type(window.selected().optimizer) is Adam and window.selected().history is not None)
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    qtbot.waitUntil(lambda: any(r.label == "lr_t" for r in window.state_model.rows()))
    rows = {r.label.split()[0]: r for r in window.state_model.rows()}
    assert (rows["m"].x, rows["m"].y) == (-0.4, -0.8)  # the notes' step 1
    assert (rows["v"].x, rows["v"].y) == (0.016, 0.064)
    assert rows["t"].x == 1
    assert rows["lr_t"].x == 0.9 * math.sqrt(1 - 0.999) / (1 - 0.9)
    model = window.state_model
    texts = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert ["params  (x, y)", "0.9", "0.9"] in texts


def test_choosing_a_history_row_shows_that_step_and_keeps_the_rest(qtbot, window):
    for _ in range(6):
        window.action_step.trigger()
    wait_steps(qtbot, window, 6)
    window.history_table.selectRow(2)
    wait_view(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.timeline.slider.value() == 2)
    state = {r.label: r for r in window.state_model.rows()}
    assert (state["params  (x, y)"].x, state["params  (x, y)"].y) == (0.0, 3.0)
    assert window.history_model.rowCount() == 7  # later steps are kept
    window.timeline.step_chosen.emit(4)
    wait_view(qtbot, window, 4)
    assert {r.label: r for r in window.state_model.rows()}["params  (x, y)"].y == 3.75
    window.action_continue_here.trigger()  # continue from step 4: later steps dropped
    wait_steps(qtbot, window, 4)


def test_changing_the_function_restarts_every_run_at_its_default_start(qtbot, window):
    combo = window.function_panel.combo
    combo.activated.emit(combo.findData("rosenbrock"))  # as when the user picks it
    fn = get_function("rosenbrock")
    qtbot.waitUntil(lambda: window.selected().history is not None and window.selected().history.row(0)["x"] == -1.2)
    assert window.selected().start == fn.start
    assert window.selected().history.row(0)["f"] == fn.f(*fn.start)


def test_the_worker_lives_in_its_own_thread_and_snapshots_arrive_in_the_main_one(qtbot, window, monkeypatch):
    from gui.session import RunEntry

    assert window.worker.thread() is window.worker_thread
    assert window.worker_thread is not QThread.currentThread()
    threads = []
    apply = RunEntry.apply

    def spy(self, delta):  # where the window's snapshot handler runs: it is what applies deltas
        threads.append(QThread.currentThread())
        apply(self, delta)
    monkeypatch.setattr(RunEntry, "apply", spy)
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    assert threads and all(t is QApplication.instance().thread() for t in threads)


def test_quitting_while_playing_is_clean(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "rosenbrock"))
    window.set_options(Options(None, 1_000_000, 0.0))  # minutes of stepping, even at full speed
    window.model.set_speed(FULL_SPEED)
    window.action_play.trigger()
    qtbot.waitUntil(lambda: window.playing and window.selected().step > 1000, timeout=5000)
    window.close()
    assert not window.worker_thread.isRunning()
    assert window.worker.thread() is QApplication.instance().thread()


def test_contours_are_computed_off_the_main_thread_and_drawn_on_it(qtbot, window, monkeypatch):
    import pyqtgraph as pg

    import gui.contours as contours

    computed, drawn = [], []
    compute = contours.compute_contours
    set_image = pg.ImageItem.setImage

    def compute_spy(*args, **kwargs):
        computed.append(QThread.currentThread())
        return compute(*args, **kwargs)

    def set_image_spy(self, *args, **kwargs):
        drawn.append(QThread.currentThread())
        return set_image(self, *args, **kwargs)
    monkeypatch.setattr(contours, "compute_contours", compute_spy)
    monkeypatch.setattr(pg.ImageItem, "setImage", set_image_spy)
    combo = window.function_panel.combo
    combo.activated.emit(combo.findData("himmelblau"))
    qtbot.waitUntil(lambda: window.contour.contour_map is not None
                    and window.contour.contour_map.function == "himmelblau", timeout=10000)
    main = QApplication.instance().thread()
    assert computed and all(t is not main for t in computed)
    assert drawn and all(t is main for t in drawn)
    assert not window.contour.lines.path().isEmpty()


def test_typing_in_a_field_while_playing_is_not_overwritten(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "rosenbrock"))
    qtbot.waitUntil(lambda: len(window.entries) == 4 and window.selected().history is not None)
    window.speed.slider.setValue(window.speed.slider.maximum() - 4)
    window.action_play.trigger()
    qtbot.waitUntil(lambda: window.playing)
    edit = window.run_panel.hypers.edits["lr"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "0.5")  # valid, but not confirmed yet: the run still has lr 0.001
    qtbot.wait(200)  # a dozen frames redraw meanwhile
    assert edit.text() == "0.5" and window.selected().optimizer.lr == 0.001
    qtbot.keyClicks(edit, "e-3")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selected().optimizer.lr == 0.0005)
    window.action_play.trigger()
    qtbot.waitUntil(lambda: not window.playing)


def test_the_tables_answer_a_view_as_they_answer_python(qtbot, window):
    # a view asks data() from C++, with the role as a plain int: read both tables that way too
    from PySide6.QtCore import QIdentityProxyModel

    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    for model in (window.history_model, window.state_model):
        proxy = QIdentityProxyModel()
        proxy.setSourceModel(model)
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                assert proxy.data(proxy.index(r, c)) == model.data(model.index(r, c))
        assert proxy.data(proxy.index(1, 1)) not in (None, "")
    proxy = QIdentityProxyModel()
    proxy.setSourceModel(window.history_model)
    assert [proxy.data(proxy.index(1, c)) for c in range(3)] == ["1", "2.0", "4.0"]


def test_delete_removes_a_run_only_from_the_run_list(qtbot, window):
    window.action_add_run.trigger()
    qtbot.waitUntil(lambda: len(window.entries) == 2)
    window.history_table.setFocus()
    qtbot.keyClick(window.history_table, Qt.Key.Key_Delete)
    qtbot.wait(50)
    assert len(window.entries) == 2
    window.run_list.list.setFocus()
    qtbot.keyClick(window.run_list.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(window.entries) == 1)


@pytest.mark.parametrize(("before", "after"), [("sgd", "adam"), ("rmsprop", "sgd"), ("adam", "momentum")])
def test_switching_optimizer_before_the_worker_answers_never_breaks_the_display(qtbot, window, before, after):
    window.model.choose_optimizer(before)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == before)
    for _ in range(2):
        window.action_step.trigger()
    wait_steps(qtbot, window, 2)
    window.frame.stop()  # frames drawn between the switch and the worker's restarted run
    window.model.choose_optimizer(after)
    for part in ("trajectories", "loss", "history", "state"):
        window._draw_part(part)  # the mirror still has the old optimizer's columns, the panel the new one's
    window.frame.start()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().recorded.name == after)
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    fields = [f"{name}_{axis}" for name in window.selected().optimizer.fields for axis in "xy"]
    assert headers(window.history_model)[6:] == fields


def test_a_typed_value_is_confirmed_when_a_command_acts(qtbot, window):
    edit = window.run_panel.hypers.edits["lr"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "0.1")  # no Enter: then the toolbar's Step, which takes no focus
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    assert window.selected().optimizer.lr == 0.1
    assert window.selected().history.row(1)["x"] == 0.1 * 4.0  # made with lr 0.1, not 0.5


def test_derived_values_of_past_steps_keep_the_settings_that_made_them(qtbot, window):
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-adam"))
    qtbot.waitUntil(lambda: type(window.selected().optimizer) is Adam and window.selected().history is not None)
    for _ in range(3):
        window.action_step.trigger()
    wait_steps(qtbot, window, 3)
    window.model.set_hyper("lr", 0.1)
    window.model.set_view(2)
    wait_view(qtbot, window, 2)
    lr_t = {r.label: r for r in window.state_model.rows()}["lr_t"].x
    assert lr_t == pytest.approx(0.9 * math.sqrt(1 - 0.999**2) / (1 - 0.9**2), rel=1e-14)


def test_a_start_out_of_bounds_is_refused_and_changes_nothing(qtbot, window):
    window._plot_clicked(2e10, 3.0)
    assert window.selected().start == (0.0, 0.0)
    assert "below 1e+10" in window.statusBar().currentMessage()
    assert window.current_session().runs[0].start == (0.0, 0.0)


def test_enter_in_a_parameter_field_hands_the_keyboard_back_to_the_plot(qtbot, window):
    """Type a learning rate, Enter, then → steps with it and Space plays: the keys do not stay in the
    field.  A refused value keeps the focus, to be corrected."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit = window.run_panel.hypers.edits["lr"]
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    later = []
    QTimer.singleShot(0, lambda: later.append(True))  # after the window's own zero timer, if it set one
    qtbot.waitUntil(lambda: later == [True])
    assert edit.hasFocus() and edit.reason
    edit.selectAll()
    qtbot.keyClicks(edit, "0.25")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(window.contour.hasFocus)
    qtbot.keyClick(window.contour, Qt.Key.Key_Right)
    wait_steps(qtbot, window, 1)
    assert edit.text() == "0.25" and window.selected().optimizer.lr == 0.25
    # SGD from (0, 0) on the notes' function: grads (−4, −8), so x = 0 − 0.25 × (−4) = 1.0
    assert float(history_rows(window)[1][1]) == 1.0
