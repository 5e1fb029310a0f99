"""Every command of the window, declared once: its name, text, shortcut, tooltip, icon and handler.

Menus, the toolbar, tooltips and the Help ▸ Keyboard shortcuts table are all built from `ACTIONS`,
`MENUS` and `TOOLBAR`; the window only provides the methods named here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle

from .i18n import LANGUAGES
from .numbers import FULL, READABLE

__all__ = ["ACTIONS", "MENUS", "NUMBER_MODES", "TOOLBAR", "ActionSpec", "ChangeAction", "build_actions", "build_menus",
           "build_toolbar", "plain"]

P = QStyle.StandardPixmap


def T(text: str) -> str:
    """Marks a declared text for Qt's lupdate (run with ``-tr-function-alias QT_TR_NOOP+=T``: see
    tools/i18n_gui.py); it is translated where it is shown, by `tr`."""
    return text


def tr(text: str) -> str:
    """A declared text (marked with `T`) in the window's language."""
    return QCoreApplication.translate("", text) if text else text


_MNEMONIC = re.compile(r"\(&[^&)]\)")  # a mnemonic in parentheses, as Korean menus write it: 재생(&P)


def plain(text: str) -> str:
    """A menu text as a tool button, a tooltip or a table shows it: no mnemonic, no ellipsis
    (``&Open session…`` → ``Open session``, ``재생(&P)`` → ``재생``).  Qt's own stripping removes the
    ampersand alone, and a Korean tool button would read 재생(P)."""
    return _MNEMONIC.sub("", text).replace("&", "").removesuffix("…").strip()
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
    ActionSpec("action_play", T("&Play"), "toggle_play", Qt.Key.Key_Space, T("Play or pause stepping"), P.SP_MediaPlay),
    ActionSpec("action_step", T("&Step"), "step", Qt.Key.Key_Right, T("One step forward"), P.SP_MediaSeekForward),
    ActionSpec("action_step_back", T("Step &back"), "step_back", Qt.Key.Key_Left,
               T("One step back (the next step forward uses the current settings)"), P.SP_MediaSeekBackward),
    ActionSpec("action_reset", T("&Reset"), "reset", Qt.Key.Key_R, T("Every run back to its start point"),
               P.SP_MediaSkipBackward),
    ActionSpec("action_faster", T("Faster"), "speed.faster", Qt.Key.Key_BracketRight, T("Play more steps a second")),
    ActionSpec("action_slower", T("Slower"), "speed.slower", Qt.Key.Key_BracketLeft, T("Play fewer steps a second")),
    ActionSpec("action_open_session", T("&Open session…"), "files.open_session", K.Open,
               T("Open runs and settings saved earlier"), P.SP_DialogOpenButton),
    ActionSpec("action_open_lesson_file", T("Open &lesson file…"), "files.open_lesson_file", "Ctrl+L",
               T("Open a lesson file: its lessons appear in the Lessons menu")),
    ActionSpec("action_reopen_session", T("&Reopen last session"), "files.reopen_last_session", "Ctrl+Shift+O",
               T("The runs and settings GradStep had when it last closed")),
    ActionSpec("action_save_session", T("&Save session…"), "files.save_session", K.Save,
               T("Save the runs and settings to a file")),
    ActionSpec("action_export_csv", T("&Export CSV…"), "files.export_csv", "Ctrl+E", T("Save every run's steps as CSV"),
               P.SP_DialogSaveButton),
    ActionSpec("action_export_image", T("Export &image…"), "files.export_image", "Ctrl+Shift+E",
               T("Save the contour plot with a title and legend as a picture for slides (PNG or SVG)")),
    ActionSpec("action_export_animation", T("Export &animation…"), "files.export_animation", None,
               T("Save the runs drawn step by step, from step 0 to the step on view, as a GIF (or MP4)")),
    ActionSpec("action_quit", T("&Quit"), "close", K.Quit, T("Close GradStep")),
    ActionSpec("action_add_run", T("&Add run"), "add_run", "Ctrl+N",
               T("Add a run with another optimizer, from the same start")),
    ActionSpec("action_duplicate_run", T("&Duplicate run"), "duplicate_run", "Ctrl+D",
               T("Copy the selected run, settings and all")),
    ActionSpec("action_remove_run", T("Re&move run"), "remove_run", K.Delete, T("Remove the selected run")),
    ActionSpec("action_continue_here", T("&Continue from the step on view"), "continue_here", "Ctrl+K",
               T("Drop the later steps of the selected run and go on from the step on view")),
    ActionSpec("action_predict", T("&Predict the next step"), "toggle_predict", "P",
               T("Click where you think the selected run's next point will land (several guesses allowed); Step "
               "reveals it and how far off each guess was"), checkable=True),
    ActionSpec("action_clear_guesses", T("C&lear the guesses"), "clear_guesses", Qt.Key.Key_Escape,
               T("Remove every guess from the plot")),
    ActionSpec("action_tune", T("&Tune learning rates…"), "tuner.open", "Ctrl+T",
               T("Sweep each shown run's learning rate over a log-spaced range, plot f after a budget against it, "
                 "and apply the best")),
    ActionSpec("action_basin", T("&Basin map"), "basin.toggle", "B",
               T("Colour the plot by where the selected run's optimizer goes from every start of a grid over the "
                 "view: which minimum, or final f"), checkable=True),
    ActionSpec("action_gradient_arrow", T("&Gradient arrow"), "refresh_view_options", "G",
               T("Show the direction of −∇f at the selected run's point"), checkable=True, checked=True),
    ActionSpec("action_step_arrow", T("&Next-step arrow"), "refresh_view_options", "N",
               T("Show the step the selected run is about to take, to scale"), checkable=True, checked=True),
    ActionSpec("action_log_loss", T("&Log scale for f"), "refresh_view_options", "L", T("Plot f − f* on a log scale"),
               checkable=True),
    ActionSpec("action_equal_scales", T("&Equal axis scales"), "refresh_view_options", "E",
               T("The same scale on x and y, so the gradient looks perpendicular to the contour lines, as it is"),
               checkable=True, checked=True),
    ActionSpec("action_fit", T("&Fit view to runs"), "fit_view", "F", T("Zoom to show every trajectory")),
    ActionSpec("action_reset_view", T("&Reset view"), "contour.reset_view", "Home", T("The function's default view")),
    ActionSpec("action_presentation", T("&Presentation mode"), "toggle_presentation", "F11",
               T("Full screen, every text 1.6 times larger, thicker lines: for the back of the room"), checkable=True),
    ActionSpec("action_text_bigger", T("&Larger text"), "text_bigger", "Ctrl+=", T("Every text of the window larger")),
    ActionSpec("action_text_smaller", T("&Smaller text"), "text_smaller", "Ctrl+-",
               T("Every text of the window smaller")),
    ActionSpec("action_text_reset", T("&Normal text size"), "text_reset", "Ctrl+0",
               T("Texts back to their normal size")),
    ActionSpec("action_shortcuts", T("&Keyboard shortcuts"), "show_shortcuts", K.HelpContents,
               T("Every keyboard shortcut")),
    ActionSpec("action_about", T("&About GradStep"), "show_about", None, T("Version, licence and libraries")),
)

#: View ▸ Numbers: how the tables show numbers (see gui.numbers).
NUMBER_MODES = ((READABLE, T("&As written (the notes' rounding, or 10 significant digits)")),
                (FULL, T("&Full precision")), (4, T("&4 significant digits")), (6, T("&6 significant digits")),
                (8, T("&8 significant digits")))
#: Submenus filled in by build_menus, by their key in MENUS
SUBMENUS = {"numbers": T("&Numbers"), "panels": T("&Panels"), "language": T("&Language")}

# None is a separator; "numbers" and "lessons" are filled in by build_menus
MENUS = (
    (T("&File"), ("action_open_session", "action_reopen_session", "action_save_session", "action_open_lesson_file",
               None, "action_export_csv", "action_export_image", "action_export_animation", None, "action_quit")),
    (T("&Edit"), ("undo", "redo")),
    (T("&Run"), ("action_play", "action_step", "action_step_back", "action_reset", None, "action_faster",
              "action_slower", None, "action_predict", "action_clear_guesses", None, "action_add_run",
              "action_duplicate_run", "action_remove_run", "action_continue_here", None, "action_tune")),
    (T("&View"), ("action_presentation", "panels", "language", None, "action_text_bigger", "action_text_smaller",
               "action_text_reset", None, "action_gradient_arrow", "action_step_arrow", "action_log_loss",
               "action_equal_scales", "action_basin", None, "action_fit", "action_reset_view", None, "numbers")),
    (T("&Lessons"), ("lessons",)),
    (T("&Help"), ("action_shortcuts", "action_about")),
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
        action = QAction(window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(window.style().standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        action.setChecked(spec.checked)
        action.triggered.connect(lambda _checked=False, path=spec.handler: _handler(window, path)())
        window.addAction(action)
        setattr(window, spec.name, action)
    window.numbers_group = QActionGroup(window)
    window.number_actions = {}
    for mode, _text in NUMBER_MODES:
        action = QAction(window.numbers_group)
        action.setObjectName(f"action_numbers_{mode}")
        action.setCheckable(True)
        action.setChecked(mode == READABLE)
        action.triggered.connect(lambda _checked=False, chosen=mode: window.set_number_mode(chosen))
        window.number_actions[mode] = action
    _language_actions(window)
    retranslate_actions(window)


def _language_actions(window) -> None:
    window.languages_group = QActionGroup(window)
    window.language_actions = {}
    for code, name in LANGUAGES:  # each language's name in itself: found whatever the window speaks
        action = QAction(name, window.languages_group)
        action.setObjectName(f"action_language_{code}")
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False, chosen=code: window.set_language(chosen))
        window.language_actions[code] = action


def retranslate_actions(window) -> None:
    """Every action's text and tooltip, and the menus' titles, in the window's language."""
    for spec in ACTIONS:
        action = getattr(window, spec.name)
        text, tip = tr(spec.text), tr(spec.tip)
        if spec.name != "action_play":  # (its text says Play or Pause: the window sets it)
            action.setText(text)
            action.setIconText(plain(text))
        native = QKeySequence.SequenceFormat.NativeText
        hint = f" ({action.shortcut().toString(native)})" if spec.shortcut is not None else ""
        action.setToolTip(f"{tip or plain(text)}{hint}")
        action.setStatusTip(tip)
    for mode, text in NUMBER_MODES:
        window.number_actions[mode].setText(tr(text))
    for title, menu in getattr(window, "menus", {}).items():
        menu.setTitle(tr(title))
    for action in (getattr(window, "action_undo", None), getattr(window, "action_redo", None)):
        if action is not None:
            action.retranslate()


class ChangeAction(QAction):
    """Edit ▸ Undo or Redo, its text naming the change (``&Undo Add Adam``) in the window's language.

    Made here, not with QUndoStack.createUndoAction: that one keeps the prefix it was given, in the
    language of the day."""

    def __init__(self, parent, plain: str, named: str):
        super().__init__(parent)
        self._texts, self._change = (plain, named), ""

    @Slot(str)
    def name_change(self, change: str) -> None:
        self._change = change
        self.retranslate()

    def retranslate(self) -> None:
        plain, named = (QCoreApplication.translate("Actions", text) for text in self._texts)
        self.setText(named.format(change=self._change) if self._change else plain)


def _undo_actions(window) -> None:
    """Edit ▸ Undo and Redo of the model's QUndoStack."""
    stack = window.model.undo_stack
    window.action_undo = ChangeAction(window, QT_TRANSLATE_NOOP("Actions", "&Undo"),
                                      QT_TRANSLATE_NOOP("Actions", "&Undo {change}"))
    window.action_redo = ChangeAction(window, QT_TRANSLATE_NOOP("Actions", "&Redo"),
                                      QT_TRANSLATE_NOOP("Actions", "&Redo {change}"))
    for action, name, keys, act, able, named, can, change in (
            (window.action_undo, "action_undo", K.Undo, stack.undo, stack.canUndoChanged, stack.undoTextChanged,
             stack.canUndo(), stack.undoText()),
            (window.action_redo, "action_redo", ("Ctrl+Shift+Z", "Ctrl+Y"), stack.redo, stack.canRedoChanged,
             stack.redoTextChanged, stack.canRedo(), stack.redoText())):
        action.setObjectName(name)
        # Redo answers Ctrl+Y too, as on Windows and in office programs; menus show the first key
        action.setShortcuts([QKeySequence(key) for key in keys] if isinstance(keys, tuple) else [QKeySequence(keys)])
        action.setEnabled(can)
        action.name_change(change)
        action.triggered.connect(act)
        able.connect(action.setEnabled)
        named.connect(action.name_change)
        window.addAction(action)


def build_menus(window, library) -> None:
    _undo_actions(window)
    bar = window.menuBar()
    window.menus = {}
    for title, items in MENUS:
        menu = window.menus[title] = bar.addMenu(tr(title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item in ("undo", "redo"):
                menu.addAction(getattr(window, f"action_{item}"))
            elif item in SUBMENUS:
                sub = window.menus[SUBMENUS[item]] = menu.addMenu(tr(SUBMENUS[item]))
                _fill_submenu(window, item, sub)
            elif item == "lessons":
                library.fill(menu)
            else:
                menu.addAction(getattr(window, item))


def _fill_submenu(window, item: str, menu) -> None:
    if item == "numbers":
        menu.addActions(list(window.number_actions.values()))
    elif item == "language":
        menu.addActions(list(window.language_actions.values()))
    else:
        window.panels_menu = menu


def build_toolbar(window, toolbar, speed_widget) -> None:
    for item in TOOLBAR:
        if item is None:
            toolbar.addSeparator()
        elif item == "speed":
            toolbar.addWidget(speed_widget)
        else:
            toolbar.addAction(getattr(window, item))
