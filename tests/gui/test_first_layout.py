"""The layout of a first start, on a laptop's short screen and on a tall one."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from gui import preferences
from gui.app import create_application


def _window(qtbot):
    create_application()
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.selected() is not None and win.selected().history is not None, timeout=5000)
    return win


def _rect(win, name):
    return win.findChild(QDockWidget, name).geometry()


def test_on_a_short_screen_the_right_column_runs_down_beside_the_history(qtbot):
    win = _window(qtbot)  # the test screen is 800 pixels high, about a 1366 x 768 laptop
    assert win.screen().availableGeometry().height() < preferences.SHORT_SCREEN
    history, numbers, update = (_rect(win, n) for n in ("history_dock", "numbers_dock", "formula_dock"))
    assert history.right() < numbers.left() and history.right() < update.left()
    assert update.bottom() >= history.bottom() - 1  # down to the status bar, not over the history
    assert history.left() == 0  # the history still spans the parameter column and the plot


def test_on_a_tall_screen_the_history_spans_the_whole_width(qtbot, monkeypatch):
    monkeypatch.setattr(preferences, "SHORT_SCREEN", 0)  # every screen counts as tall
    win = _window(qtbot)
    history, update = _rect(win, "history_dock"), _rect(win, "formula_dock")
    assert history.left() == 0 and history.right() >= win.width() - 1
    assert update.bottom() < history.top()
