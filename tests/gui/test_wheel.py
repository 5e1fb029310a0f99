"""The wheel over the parameter column scrolls it and changes no chooser it passes over."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def _wheel(widget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(QPoint(0, 0))) + centre, QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_parameters_past_a_chooser_without_changing_it(qtbot, window):
    window.resize(1200, 600)
    bar = window.parameters_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    schedule = window.run_panel.schedule.combo
    optimizer = window.run_panel.optimizer_combo
    chosen = schedule.currentData(), optimizer.currentData()
    window.parameters_scroll.setFocus()
    _wheel(schedule, 2)
    _wheel(optimizer, 2)
    assert (schedule.currentData(), optimizer.currentData()) == chosen == ("constant", "sgd")
    assert bar.value() > 0  # the column scrolled instead


def test_a_focused_chooser_still_takes_the_wheel(qtbot, window):
    schedule = window.run_panel.schedule.combo
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    schedule.setFocus()
    qtbot.waitUntil(schedule.hasFocus)
    _wheel(schedule, 1)
    assert schedule.currentIndex() == 1
