"""Every command of the window, declared once: its name, text, shortcut, tooltip, icon and handler.

Menus, the toolbar, tooltips and the Help ▸ Keyboard shortcuts table are all built from `ACTIONS`,
`MENUS` and `TOOLBAR`; the window only provides the methods named here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle

from .numbers import FULL, READABLE

__all__ = ["ACTIONS", "MENUS", "NUMBER_MODES", "TOOLBAR", "ActionSpec", "build_actions", "build_menus", "build_toolbar"]

P = QStyle.StandardPixmap
K = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """name: the QAction's objectName and the window attribute holding it; handler: a window method,
    or a dotted path to one (``files.export_csv``)."""

    name: str
    text: str
    handler: str
    shortcut: object = None
    tip: str = ""
    icon: object = None
    checkable: bool = False
    checked: bool = False


ACTIONS = (
    ActionSpec("action_play", "&Play", "toggle_play", Qt.Key.Key_Space, "Play or pause stepping", P.SP_MediaPlay),
    ActionSpec("action_step", "&Step", "step", Qt.Key.Key_Right, "One step forward", P.SP_MediaSeekForward),
    ActionSpec("action_step_back", "Step &back", "step_back", Qt.Key.Key_Left,
               "One step back (the next step forward uses the current settings)", P.SP_MediaSeekBackward),
    ActionSpec("action_reset", "&Reset", "reset", Qt.Key.Key_R, "Every run back to its start point",
               P.SP_MediaSkipBackward),
    ActionSpec("action_faster", "Faster", "speed.faster", Qt.Key.Key_BracketRight, "Play more steps a second"),
    ActionSpec("action_slower", "Slower", "speed.slower", Qt.Key.Key_BracketLeft, "Play fewer steps a second"),
    ActionSpec("action_open_session", "&Open session…", "files.open_session", K.Open,
               "Open runs and settings saved earlier", P.SP_DialogOpenButton),
    ActionSpec("action_open_lesson_file", "Open &lesson file…", "files.open_lesson_file", "Ctrl+L",
               "Open a lesson file: its lessons appear in the Lessons menu"),
    ActionSpec("action_reopen_session", "&Reopen last session", "files.reopen_last_session", "Ctrl+Shift+O",
               "The runs and settings GradStep had when it last closed"),
    ActionSpec("action_save_session", "&Save session…", "files.save_session", K.Save,
               "Save the runs and settings to a file"),
    ActionSpec("action_export_csv", "&Export CSV…", "files.export_csv", "Ctrl+E", "Save every run's steps as CSV",
               P.SP_DialogSaveButton),
    ActionSpec("action_export_image", "Export &image…", "files.export_image", "Ctrl+Shift+E",
               "Save the plots as a PNG picture"),
    ActionSpec("action_quit", "&Quit", "close", K.Quit, "Close GradStep"),
    ActionSpec("action_add_run", "&Add run", "add_run", "Ctrl+N",
               "Add a run with another optimizer, from the same start"),
    ActionSpec("action_duplicate_run", "&Duplicate run", "duplicate_run", "Ctrl+D",
               "Copy the selected run, settings and all"),
    ActionSpec("action_remove_run", "Re&move run", "remove_run", K.Delete, "Remove the selected run"),
    ActionSpec("action_continue_here", "&Continue from the step on view", "continue_here", "Ctrl+K",
               "Drop the later steps of the selected run and go on from the step on view"),
    ActionSpec("action_predict", "&Predict the next step", "toggle_predict", "P",
               "Click where you think the selected run's next point will land (several guesses allowed); Step "
               "reveals it and how far off each guess was", checkable=True),
    ActionSpec("action_clear_guesses", "C&lear the guesses", "clear_guesses", Qt.Key.Key_Escape,
               "Remove every guess from the plot"),
    ActionSpec("action_tune", "&Tune learning rates…", "tuner.open", "Ctrl+T",
               "Sweep each shown run's learning rate over a log-spaced range, plot f after a budget against it, "
               "and apply the best"),
    ActionSpec("action_basin", "&Basin map", "basin.toggle", "B",
               "Colour the plot by where the selected run's optimizer goes from every start of a grid over the view: "
               "which minimum, or final f", checkable=True),
    ActionSpec("action_gradient_arrow", "&Gradient arrow", "refresh_view_options", "G",
               "Show the direction of −∇f at the selected run's point", checkable=True, checked=True),
    ActionSpec("action_step_arrow", "&Next-step arrow", "refresh_view_options", "N",
               "Show the step the selected run is about to take, to scale", checkable=True, checked=True),
    ActionSpec("action_log_loss", "&Log scale for f", "refresh_view_options", "L", "Plot f − f* on a log scale",
               checkable=True),
    ActionSpec("action_equal_scales", "&Equal axis scales", "refresh_view_options", "E",
               "The same scale on x and y, so the gradient looks perpendicular to the contour lines, as it is",
               checkable=True, checked=True),
    ActionSpec("action_fit", "&Fit view to runs", "fit_view", "F", "Zoom to show every trajectory"),
    ActionSpec("action_reset_view", "&Reset view", "contour.reset_view", "Home", "The function's default view"),
    ActionSpec("action_presentation", "&Presentation mode", "toggle_presentation", "F11",
               "Full screen, every text 1.6 times larger, thicker lines: for the back of the room", checkable=True),
    ActionSpec("action_text_bigger", "&Larger text", "text_bigger", "Ctrl+=", "Every text of the window larger"),
    ActionSpec("action_text_smaller", "&Smaller text", "text_smaller", "Ctrl+-", "Every text of the window smaller"),
    ActionSpec("action_text_reset", "&Normal text size", "text_reset", "Ctrl+0", "Texts back to their normal size"),
    ActionSpec("action_shortcuts", "&Keyboard shortcuts", "show_shortcuts", K.HelpContents,
               "Every keyboard shortcut"),
    ActionSpec("action_about", "&About GradStep", "show_about", None, "Version, licence and libraries"),
)

#: View ▸ Numbers: how the tables show numbers (see gui.numbers).
NUMBER_MODES = ((READABLE, "&As written (the notes' rounding, or 10 significant digits)"),
                (FULL, "&Full precision"), (4, "&4 significant digits"), (6, "&6 significant digits"),
                (8, "&8 significant digits"))

# None is a separator; "numbers" and "lessons" are filled in by build_menus
MENUS = (
    ("&File", ("action_open_session", "action_reopen_session", "action_save_session", "action_open_lesson_file",
               None, "action_export_csv",
               "action_export_image", None, "action_quit")),
    ("&Edit", ("undo", "redo")),
    ("&Run", ("action_play", "action_step", "action_step_back", "action_reset", None, "action_faster",
              "action_slower", None, "action_predict", "action_clear_guesses", None, "action_add_run",
              "action_duplicate_run", "action_remove_run", "action_continue_here", None, "action_tune")),
    ("&View", ("action_presentation", "panels", None, "action_text_bigger", "action_text_smaller",
               "action_text_reset", None, "action_gradient_arrow", "action_step_arrow", "action_log_loss",
               "action_equal_scales", "action_basin", None, "action_fit", "action_reset_view", None, "numbers")),
    ("&Lessons", ("lessons",)),
    ("&Help", ("action_shortcuts", "action_about")),
)

TOOLBAR = ("action_reset", "action_step_back", "action_play", "action_step", None, "speed", None,
           "action_predict", None, "action_gradient_arrow", "action_step_arrow", "action_log_loss", "action_fit")


def _handler(window, path: str):
    target = window
    for part in path.split("."):
        target = getattr(target, part)
    return target


def build_actions(window) -> None:
    """Create every QAction of ``ACTIONS`` on the window (as attributes named after them) and the
    View ▸ Numbers group (``window.number_actions``)."""
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(window.style().standardIcon(spec.icon))
        hint = f" ({action.shortcut().toString()})" if spec.shortcut is not None else ""
        action.setToolTip(f"{spec.tip or spec.text.replace('&', '')}{hint}")
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        action.setChecked(spec.checked)
        action.triggered.connect(lambda _checked=False, path=spec.handler: _handler(window, path)())
        window.addAction(action)
        setattr(window, spec.name, action)
    window.numbers_group = QActionGroup(window)
    window.number_actions = {}
    for mode, text in NUMBER_MODES:
        action = QAction(text, window.numbers_group)
        action.setObjectName(f"action_numbers_{mode}")
        action.setCheckable(True)
        action.setChecked(mode == READABLE)
        action.triggered.connect(lambda _checked=False, chosen=mode: window.set_number_mode(chosen))
        window.number_actions[mode] = action


def _undo_actions(window) -> None:
    """Edit ▸ Undo and Redo, from the model's QUndoStack (their texts name the change)."""
    stack = window.model.undo_stack
    window.action_undo = stack.createUndoAction(window, "&Undo")
    window.action_redo = stack.createRedoAction(window, "&Redo")
    for action, name, keys in ((window.action_undo, "action_undo", K.Undo),
                               (window.action_redo, "action_redo", "Ctrl+Shift+Z")):
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        window.addAction(action)


def build_menus(window, library) -> None:
    _undo_actions(window)
    bar = window.menuBar()
    for title, items in MENUS:
        menu = bar.addMenu(title)
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item in ("undo", "redo"):
                menu.addAction(getattr(window, f"action_{item}"))
            elif item == "numbers":
                menu.addMenu("&Numbers").addActions(list(window.number_actions.values()))
            elif item == "panels":
                window.panels_menu = menu.addMenu("&Panels")
            elif item == "lessons":
                library.fill(menu)
            else:
                menu.addAction(getattr(window, item))


def build_toolbar(window, toolbar, speed_widget) -> None:
    for item in TOOLBAR:
        if item is None:
            toolbar.addSeparator()
        elif item == "speed":
            toolbar.addWidget(speed_widget)
        else:
            toolbar.addAction(getattr(window, item))
