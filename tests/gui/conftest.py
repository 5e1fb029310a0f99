"""Fixtures for the window tests: isolated settings, a window that has received its first snapshot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings

from core.i18n import set_language
from gui.app import create_application


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Every test gets its own settings file: nothing leaks between tests or from a user's real settings."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def english_desktop():
    """Every test starts on an English desktop, whatever the machine's locale (a Korean desktop would start
    the window in Korean: see gui.i18n.system_language); a test may choose another default locale.  The
    core's texts are English again afterwards too: a window left in Korean must not carry its language
    into the next test."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)
    set_language("en")


@pytest.fixture
def window(qtbot):
    create_application()
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.selected() is not None and win.selected().history is not None, timeout=5000)
    yield win
    win.close()


def history_rows(win) -> list[list[str]]:
    model = win.history_model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def headers(model) -> list[str]:
    from PySide6.QtCore import Qt

    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def wait_steps(qtbot, win, step: int, timeout: int = 5000) -> None:
    """Wait until the selected run's newest step is ``step``, on view, and the window has drawn it."""
    qtbot.waitUntil(lambda: win.model.synced and win.selected().step == step and win.model.view == step
                    and (win.history_model.rowCount() == step + 1 or not win.history_panel.isVisible()),
                    timeout=timeout)


def wait_view(qtbot, win, step: int, timeout: int = 5000) -> None:
    """Wait until ``step`` is the step on view, the worker agrees, and the tables have drawn it."""
    qtbot.waitUntil(lambda: win.model.synced and win.model.view == step and win.state_model.rows()
                    and win.state_model.rows()[0].x == min(step, win.selected().step)
                    and win.history_table.currentIndex().row() == min(step, win.selected().step), timeout=timeout)
