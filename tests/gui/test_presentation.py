"""For the back of the room: presentation mode and text that scales, remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel

from gui.appearance import PRESENTATION_SCALE


def _points(font):
    return font.pointSizeF()


def test_presentation_mode_makes_every_text_larger_and_takes_the_screen(qtbot, window):
    base = _points(QApplication.font())
    table = _points(window.history_table.font())
    tick = window.contour.getPlotItem().getAxis("bottom").style["tickFont"]
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert _points(QApplication.font()) >= PRESENTATION_SCALE * base - 0.01
    assert _points(window.history_table.font()) >= PRESENTATION_SCALE * table - 0.01
    assert _points(window.run_panel.name_edit.font()) >= PRESENTATION_SCALE * base - 0.01
    big_tick = window.contour.getPlotItem().getAxis("bottom").style["tickFont"]
    assert big_tick is not None and (tick is None or _points(big_tick) >= PRESENTATION_SCALE * _points(tick) - 0.01)
    assert window.contour.getPlotItem().getAxis("left").pen().width() >= 2  # high-contrast axes
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert abs(_points(QApplication.font()) - base) < 0.01


def test_panels_can_be_hidden_so_the_plot_takes_the_screen(qtbot, window):
    toggles = window.panels_menu.actions()
    assert len(toggles) == 5
    width = window.contour.width()
    for action in toggles:
        action.trigger()
    qtbot.waitUntil(lambda: window.contour.width() > width)
    assert not any(dock.isVisible() for dock in window.docks)


def test_text_size_keys_scale_all_text_and_are_remembered(qtbot, isolated_settings):
    from gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    base = _points(QApplication.font())
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    first.contour.setFocus()
    for _ in range(2):
        qtbot.keyClick(first.contour, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert _points(QApplication.font()) > base * 1.3
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert abs(second.appearance.scale - first.appearance.scale) < 1e-9 and second.appearance.scale > 1.3
    assert _points(second.history_table.font()) > _points(QApplication.font()) * 0.8
    second.text_reset()
    assert abs(_points(QApplication.font()) - base) < 0.01
    second.close()


def test_presentation_draws_thicker_trajectories_and_bigger_markers(qtbot, window):
    window.action_step.trigger()
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1)
    window._draw_part("trajectories")
    items = next(iter(window.contour._runs.values()))
    width, size = items.line.opts["pen"].widthF(), items.current.rect().width()
    window.action_presentation.trigger()
    assert items.line.opts["pen"].widthF() >= 1.6 * width and items.current.rect().width() >= 1.5 * size
    window.action_presentation.trigger()
    assert items.line.opts["pen"].widthF() == width


def test_presentation_mode_scales_each_text_once_whatever_its_depth(qtbot, window):
    """A label deep in a panel grows 1.6 times, like the application font: not 1.6 times once more for
    each parent it has; and the parameter dock widens so that no row of it is cut off, up to 40 % of the
    screen (beyond that it scrolls sideways: the test screen is 800 pixels wide)."""
    parts = (window.run_panel.labels["name"], window.run_list, window.settings_panel.rounding, window.speed.label,
             window.lesson_panel.text, window.run_panel.hypers.findChild(QLabel))
    before = [_points(part.font()) for part in parts]
    window.action_presentation.trigger()
    assert [round(_points(part.font()), 2) for part in parts] == [round(PRESENTATION_SCALE * p, 2) for p in before]
    column = window.parameters_column
    screen = window.screen().availableGeometry().width()
    qtbot.waitUntil(lambda: window.parameters_scroll.minimumWidth()
                    == min(column.sizeHint().width() + 24, int(0.4 * screen)))
    window.action_presentation.trigger()
    assert [round(_points(part.font()), 2) for part in parts] == [round(p, 2) for p in before]


def test_a_message_is_never_drawn_over_the_status_line(qtbot, window):
    """'Text at 115%' used to come back under the step's status once the larger text was laid out."""
    window.text_bigger()
    for _ in range(5):  # the relayouts the new size queued (no waiting: only what is already posted)
        QApplication.processEvents()
    assert window.statusBar().currentMessage() == "Text at 115%"
    assert not window.status_label.isVisible()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=5000)
    assert window.status_label.isVisible() and window.status_label.text().startswith("SGD: step 0 of 0")
    window.text_reset()


@pytest.mark.parametrize("width", [1920, 1366])
def test_the_state_tables_columns_all_show_in_presentation_mode(qtbot, window, monkeypatch, width):
    """Adam's state in Korean at 1.6 times the text, on a screen as wide as a projector's 1920 pixels or a
    laptop's 1366: x and y both in view, no sideways scroll bar (at 1366 a quarter of the screen, 341
    pixels, had hidden the y column behind one)."""
    import gui.state_panel

    monkeypatch.setattr(gui.state_panel, "screen_share", lambda _widget, share: int(width * share))
    window.set_language("ko")
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-adam"))
    window.action_step.trigger()
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.model.synced and window.selected().step == 1)
    table = window.state_table
    window.action_step.trigger()  # a refresh at the new text size
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 2)
    columns = sum(table.columnWidth(c) for c in range(3))
    qtbot.waitUntil(lambda: table.viewport().width() >= columns)
    assert not table.horizontalScrollBar().isVisible()
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_on_a_small_screen_the_parameter_column_scrolls_sideways_rather_than_cover_the_plot(qtbot, window):
    """At 1.6 times the text the column's rows want more than 40 % of an 800-pixel screen: it takes 320
    pixels and a sideways scroll bar, and the plot keeps its room (the column shown on the stage with View ▸
    Panels)."""
    window.action_presentation.trigger()
    window.findChild(QDockWidget, "parameters_dock").show()
    column, scroll = window.parameters_column, window.parameters_scroll
    qtbot.waitUntil(lambda: column.sizeHint().width() > 320 and scroll.minimumWidth() == 320)
    wide = column.sizeHint().width()
    assert scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    qtbot.waitUntil(lambda: window.contour.width() >= 200)
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: column.sizeHint().width() < wide / 1.4)
    qtbot.waitUntil(lambda: scroll.minimumWidth() == min(column.sizeHint().width() + 24, 320))


def test_the_state_table_asks_for_a_third_of_the_screen_at_most(qtbot, window):
    """On the 800-pixel test screen, Adam's columns at 1.6 times the text want more than 256 pixels."""
    window.open_lesson(next(lesson for lesson in window.lessons if lesson.name == "notes-adam"))
    window.action_presentation.trigger()
    window.action_step.trigger()
    table = window.state_table
    qtbot.waitUntil(lambda: window.model.synced and window.selected().step == 1
                    and sum(table.columnWidth(c) for c in range(3)) > 256)
    assert table.minimumWidth() == 256  # 32 % of 800
    window.action_presentation.trigger()


def _shown(win) -> dict[str, bool]:
    """Each panel: on screen (a tab behind another counts: its View ▸ Panels entry is ticked)."""
    return {dock.objectName(): dock.toggleViewAction().isChecked() for dock in win.docks}


def test_presentation_mode_gives_the_plot_the_screen_and_the_update_beside_it(qtbot, window):
    """The stage: the parameter column and the tables put away, the update with its numbers over the state
    table, the lesson a tab behind it; the plot at least three fifths of the width.  Leaving brings every
    panel back where it was."""
    before = _shown(window)
    assert all(before.values())
    areas = {dock.objectName(): window.dockWidgetArea(dock) for dock in window.docks}
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert _shown(window) == {"parameters_dock": False, "numbers_dock": True, "history_dock": False,
                              "lesson_dock": True, "formula_dock": True}
    numbers, lesson, update = (window.findChild(QDockWidget, name)
                               for name in ("numbers_dock", "lesson_dock", "formula_dock"))
    assert window.tabifiedDockWidgets(numbers) == [lesson]
    qtbot.waitUntil(lambda: update.isVisible() and numbers.isVisible()
                    and window.contour.width() >= 0.6 * window.width()
                    and 0 <= update.geometry().bottom() < numbers.geometry().top())
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert _shown(window) == before
    assert {dock.objectName(): window.dockWidgetArea(dock) for dock in window.docks} == areas
    assert window.tabifiedDockWidgets(numbers) == []


def test_the_lecturers_own_stage_is_remembered_and_never_becomes_the_normal_layout(qtbot, isolated_settings):
    """A panel shown in presentation mode is there the next time, after a restart too; a window closed in
    presentation mode starts again with every panel of its normal layout."""
    from gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.action_presentation.trigger()
    first.findChild(QDockWidget, "history_dock").show()
    first.action_presentation.trigger()
    first.action_presentation.trigger()
    assert _shown(first)["history_dock"] and not _shown(first)["parameters_dock"]
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert not second.action_presentation.isChecked() and all(_shown(second).values())
    second.action_presentation.trigger()
    assert _shown(second) == {"parameters_dock": False, "numbers_dock": True, "history_dock": True,
                              "lesson_dock": True, "formula_dock": True}
    second.action_presentation.trigger()
    second.close()


def test_the_state_table_leaves_the_update_rule_to_the_update_panel(qtbot, window):
    rule = "p ← p − η·g"  # the notes' SGD, which the window opens on
    title = window.state_panel.title
    formula = window.findChild(QDockWidget, "formula_dock")
    qtbot.waitUntil(lambda: window.formula_panel.isVisible() and rule in window.formula_panel.toPlainText())
    qtbot.waitUntil(lambda: "SGD" in title.text())
    assert rule not in title.text()  # written once, beside it: the table keeps the room for its rows
    formula.hide()  # View ▸ Panels: without the update panel, the state table names the rule itself
    qtbot.waitUntil(lambda: rule in title.text())
    formula.show()
    qtbot.waitUntil(lambda: rule not in title.text())
    window.action_presentation.trigger()  # the stage shows the update over the state table
    qtbot.waitUntil(lambda: window.isFullScreen() and window.formula_panel.isVisible())
    qtbot.waitUntil(lambda: "SGD" in title.text() and rule not in title.text())
    window.action_presentation.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
