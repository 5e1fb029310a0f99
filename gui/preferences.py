"""What the window remembers between sessions, in QSettings: its geometry and the view choices.

The runs themselves are not restored at start: GradStep always opens on the lecture notes' first example
(File ▸ Reopen last session brings the previous runs back).  Each remembered choice is declared once
below with how to read it from the window and how to apply it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

__all__ = ["DEFAULT_SIZE", "restore", "save", "settings_store"]

DEFAULT_SIZE = (1440, 900)
_CHECKABLE = {"view/gradient_arrow": "action_gradient_arrow", "view/step_arrow": "action_step_arrow",
              "view/log_loss": "action_log_loss", "view/equal_scales": "action_equal_scales"}


def settings_store() -> QSettings:
    """GradStep's settings: an INI file in the user's configuration folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GradStep", "GradStep")


def restore(window, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        # the default size, or 95% of a smaller screen (a classroom projector may be 1280 x 800)
        free = window.screen().availableGeometry()
        window.resize(min(DEFAULT_SIZE[0], int(free.width() * 0.95)), min(DEFAULT_SIZE[1], int(free.height() * 0.95)))
    state = settings.value("window/state")
    if state is None or not window.restoreState(state):
        # first start: panels a fifth and a third of the width, whatever the screen, the plots the rest
        width = window.width()
        window.resizeDocks(window.docks, [max(250, int(width * 0.21)), max(300, int(width * 0.33))],
                           Qt.Orientation.Horizontal)
    speed = settings.value("view/speed_index")
    if speed is not None and str(speed).isdigit():
        window.speed.slider.setValue(int(speed))
    for key, name in _CHECKABLE.items():
        value = settings.value(key)
        if value is not None:
            getattr(window, name).setChecked(str(value).lower() == "true")
    digits = settings.value("view/digits")
    if digits == "full":
        window.set_digits(None)
    elif digits is not None and str(digits).isdigit() and int(digits) in window.digit_actions:
        window.set_digits(int(digits))


def save(window, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("view/speed_index", window.speed.slider.value())
    for key, name in _CHECKABLE.items():
        settings.setValue(key, getattr(window, name).isChecked())
    digits = window.state_model.digits
    settings.setValue("view/digits", "full" if digits is None else str(digits))
    settings.sync()
