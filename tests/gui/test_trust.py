"""What a class must be able to trust: the step on view, errors that never kill a run, numbers as people
read them, columns that fit, clicks that snap, and the small things a teacher noticed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core.optimizers import Adam, Momentum
from core.playback import Playback

from .conftest import history_rows, wait_steps, wait_view


def _lesson(window, name):
    return next(lesson for lesson in window.lessons if lesson.name == name)


def test_the_timeline_and_the_arrow_keys_agree(qtbot, window):
    for _ in range(10):
        window.action_step.trigger()
    wait_steps(qtbot, window, 10)
    everything = history_rows(window)
    window.timeline.step_chosen.emit(4)  # dragged back to step 4 of 10
    wait_view(qtbot, window, 4)
    window.action_step.trigger()  # → goes to 5, not to 10
    wait_view(qtbot, window, 5)
    window.action_step_back.trigger()
    window.action_step_back.trigger()
    wait_view(qtbot, window, 3)
    assert history_rows(window) == everything  # nothing the class has seen is discarded
    assert {r.label: r.x for r in window.state_model.rows()}["step"] == 3
    assert window.timeline.slider.value() == 3 and window.timeline.slider.maximum() == 10
    for _ in range(7):
        window.action_step.trigger()  # replays 4..10, then computes 11
    window.action_step.trigger()
    wait_steps(qtbot, window, 11)
    assert history_rows(window)[:11] == everything


def test_a_setting_changed_at_an_earlier_step_applies_from_there(qtbot, window):
    for _ in range(6):
        window.action_step.trigger()
    wait_steps(qtbot, window, 6)
    window.model.set_view(2)
    wait_view(qtbot, window, 2)
    window.model.set_hyper("lr", 0.25)
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 2)  # steps 3..6 were lr 0.5's
    window.action_step.trigger()
    wait_steps(qtbot, window, 3)
    x2, y2 = (window.selected().history.row(2)[c] for c in ("x", "y"))
    g = window.selected().history.row(2)
    assert window.selected().history.row(3)["x"] == x2 - 0.25 * g["grad_x"]
    assert window.selected().history.row(3)["y"] == y2 - 0.25 * g["grad_y"]


def test_an_error_in_the_stepping_thread_is_reported_and_nothing_dies(qtbot, window, monkeypatch, capsys):
    real = Playback.advance
    failures = []

    def broken(self, count=1):
        if not failures:
            failures.append(count)
            raise RuntimeError("simulated bug")
        return real(self, count)
    monkeypatch.setattr(Playback, "advance", broken)
    window.action_step.trigger()
    qtbot.waitUntil(lambda: "simulated bug" in window.statusBar().currentMessage())
    assert window.worker_thread.isRunning()
    window.action_step.trigger()  # the run still steps
    wait_steps(qtbot, window, 1)
    assert "RuntimeError" in capsys.readouterr().err  # the traceback, for whoever reports the bug


def test_columns_fit_every_row_and_numbers_read_as_written(qtbot, window):
    window.open_lesson(_lesson(window, "rosenbrock"))
    window.set_options(type(window.options)(None, 400, 0.0))  # no rounding: long decimals
    qtbot.waitUntil(lambda: window.model.synced and len(window.entries) == 4)
    window.speed.slider.setValue(window.speed.slider.maximum())
    window.action_play.trigger()
    qtbot.waitUntil(lambda: window.model.synced and not window.playing and window.selected().step == 400,
                    timeout=10000)
    window.tables.setCurrentWidget(window.history_panel)
    qtbot.waitUntil(lambda: window.history_model.rowCount() == 401)
    window.history_panel.refresh(window.model)
    model, table = window.history_model, window.history_table
    metrics = table.fontMetrics()
    texts = history_rows(window)
    for column in range(model.columnCount()):
        widest = max(metrics.horizontalAdvance(row[column]) for row in texts)
        assert widest <= table.columnWidth(column) - 8, (model.column_names()[column], widest)
    assert all(len(cell) <= 18 for row in texts for cell in row[1:])  # 10 significant digits, not 17
    full = model.data(model.index(400, 1), Qt.ItemDataRole.ToolTipRole)
    assert float(full) == window.selected().history.row(400)["x"]  # the tooltip holds every digit


def test_adams_state_columns_show_without_scrolling_at_the_default_size(qtbot, window):
    window.resize(1440, 900)
    window.resizeDocks(window.docks[:2], [288, 360], Qt.Orientation.Horizontal)
    window.open_lesson(_lesson(window, "notes-adam"))
    qtbot.waitUntil(lambda: window.model.synced and isinstance(window.selected().optimizer, Adam))
    for _ in range(10):
        window.action_step.trigger()
    wait_steps(qtbot, window, 10)
    qtbot.waitUntil(lambda: window.history_table.horizontalHeader().count() == 10)
    header = window.history_table.horizontalHeader()
    right_edge = header.sectionViewportPosition(9) + header.sectionSize(9)
    assert right_edge <= window.history_table.viewport().width()
    assert window.history_table.horizontalScrollBar().maximum() == 0


def test_a_click_snaps_to_the_view_and_shift_click_is_exact(qtbot, window):
    box = window.contour.getPlotItem().getViewBox()
    for modifier, snapped in ((Qt.KeyboardModifier.NoModifier, True), (Qt.KeyboardModifier.ShiftModifier, False)):
        scene = box.mapViewToScene(QPointF(1.8421246722027975, 6.217365967365968))
        pos = window.contour.mapFromScene(scene)
        qtbot.mouseClick(window.contour.viewport(), Qt.MouseButton.LeftButton, modifier, pos=pos)
        qtbot.waitUntil(lambda: window.selected().start != (0.0, 0.0) and window.model.synced)
        x, y = window.selected().start
        assert abs(x - 1.84) < 0.05 and abs(y - 6.22) < 0.05
        assert (round(x, 2) == x and round(y, 2) == y) is snapped, (x, y)
        window.model.set_start((0.0, 0.0))
        qtbot.waitUntil(lambda: window.model.synced and window.selected().start == (0.0, 0.0))


def test_the_function_description_says_the_minimum_once(window):
    from core.functions import get_function

    for name in ("quadratic", "beale", "goldstein-price"):
        window.function_panel.show_function(get_function(name))
        text = window.function_panel.formula.text()
        assert text.count("minimum") == 1, text


def test_ctrl_shortcuts_work_with_a_text_field_focused(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.files, "export_csv", lambda: asked.append("csv"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit = window.run_panel.name_edit
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["csv"]
    qtbot.keyClicks(edit, " x")  # plain keys still type
    assert edit.text().endswith(" x")


def test_switching_optimizer_keeps_every_shared_hyperparameter_in_range(qtbot, window):
    window.model.choose_optimizer("momentum")
    assert window.selected().optimizer == Momentum(lr=0.5)  # lr kept, momentum at its default
    window.model.set_hyper("momentum", 0.5)
    window.model.choose_optimizer("nesterov")
    assert window.selected().optimizer.values == {"lr": 0.5, "momentum": 0.5}
    window.model.choose_optimizer("adam")
    assert window.selected().optimizer.values["lr"] == 0.5


def test_the_add_button_says_what_it_does(qtbot, window):
    tip = window.run_list.add_button.toolTip()
    window.run_list.add_button.click()
    qtbot.waitUntil(lambda: len(window.entries) == 2)
    assert "next optimizer not yet shown" in tip and type(window.entries[1].optimizer).__name__ == "Momentum"


def test_a_reopened_session_fits_the_loss_axis_to_its_own_runs(qtbot, window):
    window.choose_function("goldstein-price")  # f in the hundreds of thousands along the way
    window.model.set_hyper("lr", 1e-6)
    for _ in range(3):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 3)
    window.open_lesson(_lesson(window, "notes-sgd"))
    for _ in range(10):
        window.action_step.trigger()
    wait_steps(qtbot, window, 10)
    box = window.loss.getPlotItem().getViewBox()

    def fitted() -> bool:  # f from 0 down to -15.98 over the notes' ten SGD steps, nothing of the 1e5s left
        low, high = box.viewRange()[1]
        return -40 < low < -15 and high < 50

    # (wait for the whole range: the axis passes through (-0.5, 0.5) while step 0 alone is drawn)
    qtbot.waitUntil(fitted)


def test_a_run_name_is_limited_where_it_is_typed(qtbot, window):
    edit = window.run_panel.name_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "n" * 200)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.selected().name == "n" * 60


def test_a_refused_session_leaves_the_runs_stepping(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.gradstep"
    bad.write_text('{"format": "gradstep-session-1", "session": {"name": "x", "max_steps": true}}',
                   encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    window.action_step.trigger()
    wait_steps(qtbot, window, 1)
    window.files.open_session(bad)
    assert len(shown) == 1 and "bad.gradstep" in shown[0]
    window.action_step.trigger()
    wait_steps(qtbot, window, 2)


def test_help_mentions_shift_click(window):
    from gui import dialogs

    assert "Shift+click" in dialogs.shortcuts_html(window.actions())


def test_the_comparison_table_shows_every_run_at_the_step_on_view(qtbot, window):
    from core.functions import get_function
    from core.run import Run

    window.open_lesson(_lesson(window, "notes-all"))
    qtbot.waitUntil(lambda: window.model.synced and len(window.entries) == 6
                    and all(e.history is not None for e in window.entries))
    assert window.tables.currentWidget() is window.compare_panel
    for _ in range(4):
        window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.model.view == 4)
    model = window.compare_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 6 and model.data(model.index(5, 6)) == "step 4")
    lesson = _lesson(window, "notes-all")
    for row, run in enumerate(lesson.runs):
        alone = Run(get_function("quadratic"), run.optimizer, run.start, decimals=4, max_steps=10)
        alone.advance(4)
        x = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
        assert model.data(model.index(row, 0)) == run.name and float(x) == alone.history.row(4)["x"]
    window.compare_panel.table.selectRow(3)  # picking a row selects that run
    qtbot.waitUntil(lambda: window.selected().run_id == window.entries[3].run_id)


def test_ctrl_shortcuts_work_in_a_hyperparameter_field_built_later(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.files, "export_csv", lambda: asked.append("csv"))
    window.model.choose_optimizer("adam")  # a new form, new fields
    qtbot.waitUntil(lambda: "beta1" in window.run_panel.hypers.edits)
    edit = window.run_panel.hypers.edits["beta1"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["csv"]
