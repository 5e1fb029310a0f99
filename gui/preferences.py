"""What the window remembers between sessions, in QSettings: its geometry and the view choices.

The runs themselves are not restored at start: GradStep always opens on the lecture notes' first example
(File ▸ Reopen last session brings the previous runs back).  Each remembered choice is declared once
below with how to read it from the window and how to apply it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

__all__ = ["DEFAULT_SIZE", "language", "restore", "save", "settings_store"]

DEFAULT_SIZE = (1440, 900)
# Screens less tall than this (a 1366 x 768 laptop, a 1280 x 800 projector) get the tall right column
SHORT_SCREEN = 900
#: Bumped whenever the docks change, so that a layout saved by an older GradStep is not forced on a new one
LAYOUT_VERSION = 4
_CHECKABLE = {"view/gradient_arrow": "action_gradient_arrow", "view/step_arrow": "action_step_arrow",
              "view/log_loss": "action_log_loss", "view/equal_scales": "action_equal_scales"}


def language(settings: QSettings, default: str) -> str:
    """The language the user chose last (View ▸ Language), or ``default`` (the system's)."""
    chosen = settings.value("view/language")
    return str(chosen) if chosen else default


def settings_store() -> QSettings:
    """GradStep's settings: an INI file in the user's configuration folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "GradStep", "GradStep")


def restore(window, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        # the default size, or 95% of a smaller screen (a classroom projector may be 1280 x 800)
        free = window.screen().availableGeometry()
        window.resize(min(DEFAULT_SIZE[0], int(free.width() * 0.95)), min(DEFAULT_SIZE[1], int(free.height() * 0.95)))
    short = window.screen().availableGeometry().height() < SHORT_SCREEN
    # on a laptop the right column runs down to the status bar: under the full-width history it had
    # room for two rows of the state table (1366 x 768); the history still spans the parameters and plot
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea if short
                     else Qt.DockWidgetArea.BottomDockWidgetArea)
    state = settings.value("window/state")
    if state is None or not window.restoreState(state, LAYOUT_VERSION):
        # first start: the side panels a fifth and a quarter of the width, the history a quarter of the
        # height, whatever the screen; the plots the rest
        width, height = window.width(), window.height()
        left, right, bottom, lesson, _update = window.docks
        window.resizeDocks([left, right], [max(250, int(width * 0.2)), max(300, int(width * 0.25))],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([bottom, lesson, right], [max(170, int(height * 0.25)), max(100, int(height * 0.14)),
                                                     max(200, int(height * 0.3))], Qt.Orientation.Vertical)
    speed = settings.value("view/speed_index")
    if speed is not None and str(speed).isdigit():
        window.speed.slider.setValue(int(speed))
    for key, name in _CHECKABLE.items():
        value = settings.value(key)
        if value is not None:
            getattr(window, name).setChecked(str(value).lower() == "true")
    scale = settings.value("view/text_scale")
    try:
        window.appearance.scale = min(max(float(scale), 0.7), 3.0) if scale is not None else 1.0
    except (TypeError, ValueError):
        window.appearance.scale = 1.0
    if window.appearance.scale != 1.0:
        window.appearance.apply(window)
    mode = settings.value("view/numbers")
    mode = int(mode) if mode is not None and str(mode).isdigit() else mode
    if mode in window.number_actions:
        window.set_number_mode(mode)


def save(window, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.stage.normal_layout())  # not presentation mode's panels
    settings.setValue("view/speed_index", window.speed.slider.value())
    for key, name in _CHECKABLE.items():
        settings.setValue(key, getattr(window, name).isChecked())
    settings.setValue("view/numbers", str(window.number_mode))
    settings.setValue("view/text_scale", window.appearance.scale)
    settings.sync()
