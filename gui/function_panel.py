"""Which function to minimise: the built-in ones, or any f(x, y) the user types, with its gradient.

A typed-in function (`core.expression`) is read, differentiated and compiled off the GUI thread (it may
take up to half a second, and sympy's first import more), and refused with the reason and a caret under
the offending part; the previous function stays until a new one is read.  Accepted functions join the
user's library (`FunctionLibrary`, kept in QSettings), listed in the function menu under their own
heading and removable.  A typed-in function's view box is editable.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QRunnable, QSettings, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.functions import EXPRESSION_PREFIX, FUNCTIONS, Objective, is_typed_in
from core.settings import VIEW
from core.values import InvalidValue

from .fields import INVALID_STYLE, ReasonLabel, ValueEdit

__all__ = ["LIBRARY_LIMIT", "FunctionLibrary", "FunctionPanel"]

#: The most typed-in functions remembered (the oldest are forgotten first).
LIBRARY_LIMIT = 30
_KEY = "functions/typed"
_TYPED_ROLE = Qt.ItemDataRole.UserRole + 1


class FunctionLibrary:
    """The user's typed-in functions, newest first, as (text, view) in QSettings."""

    def __init__(self, settings: QSettings):
        self.settings = settings

    def entries(self) -> list[tuple[str, tuple]]:
        try:
            stored = json.loads(str(self.settings.value(_KEY, "[]")))
            return [(str(e["text"]), VIEW.check(e["view"])) for e in stored][:LIBRARY_LIMIT]
        except (ValueError, TypeError, KeyError, InvalidValue):
            return []  # a damaged entry in the settings file: start the library afresh

    def remember(self, text: str, view) -> None:
        kept = [(t, v) for t, v in self.entries() if t != text]
        self._store([(text, tuple(view)), *kept][:LIBRARY_LIMIT])

    def forget(self, text: str) -> None:
        self._store([(t, v) for t, v in self.entries() if t != text])

    def _store(self, entries) -> None:
        self.settings.setValue(_KEY, json.dumps([{"text": t, "view": list(v)} for t, v in entries]))


class _Signals(QObject):
    done = Signal(int, object, object)  # serial, Objective or None, error message or None


class _ReadJob(QRunnable):
    """Read, differentiate and compile one typed-in function in a pool thread."""

    def __init__(self, signals: _Signals, serial: int, text: str, view):
        super().__init__()
        self._signals, self._serial, self._text, self._view = signals, serial, text, view

    def run(self) -> None:
        from core.expression import expression_objective

        try:
            self._signals.done.emit(self._serial, expression_objective(self._text, self._view), None)
        except InvalidValue as error:
            self._signals.done.emit(self._serial, None, error)


class FunctionPanel(QGroupBox):
    """The function in use; ``function_chosen(Objective)`` when the user picks or types another."""

    function_chosen = Signal(object)

    def __init__(self, library: FunctionLibrary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.library = library
        self.current: Objective | None = None
        self._serial = 0
        self._signals = _Signals()  # (no parent: see gui.contours)
        self._signals.done.connect(self._read, Qt.ConnectionType.QueuedConnection)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._build()

    # -- building ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.combo = QComboBox(self)
        self.combo.setObjectName("function_combo")
        self.combo.activated.connect(self._picked)
        self.formula = QLabel(self)
        self.formula.setObjectName("function_formula")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expression = QLineEdit(self)
        self.expression.setObjectName("expression_field")
        self.expression.setMaxLength(500)
        self.expression.returnPressed.connect(self.read_typed)
        self.expression.textEdited.connect(lambda _t: self.reason.show_reason(""))
        self.apply = QPushButton(self)
        self.apply.setObjectName("expression_apply")
        self.apply.clicked.connect(self.read_typed)
        self.reason = ReasonLabel(self)
        self.reason.setObjectName("expression_reason")
        self.reason.setFont(QFont("monospace"))
        self.gradient = QLabel(self)
        self.gradient.setObjectName("gradient_formulas")
        self.gradient.setWordWrap(True)
        self.gradient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remove = QPushButton(self)
        self.remove.setObjectName("expression_remove")
        self.remove.clicked.connect(self._forget)
        self._layout(self._view_box())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Function"))
        self.expression.setPlaceholderText(self.tr("Type f(x, y), e.g. x^2 + 3*y^2 - sin(x*y)"))
        self.expression.setToolTip(self.tr(
            "Numbers, x, y, + − * / ^ (or **), parentheses, and sin cos tan exp log sqrt abs tanh sinh cosh "
            "atan, pi and e. Write 2*x, not 2x. Enter to plot."))
        self.apply.setText(self.tr("Plot"))
        self.remove.setText(self.tr("Remove from my functions"))
        texts = (self.tr("x from"), self.tr("to"), self.tr("y from"), self.tr("to"))
        for label, text in zip(self.view_labels, texts, strict=True):
            label.setText(text)
        self.fill_menu()
        if self.current is not None:
            self.show_function(self.current)

    def _view_box(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.view_edits, self.view_labels = [], []
        for i, axis in enumerate(range(4)):
            edit = ValueEdit(_coordinate_check, 0.0, box)
            edit.setObjectName(f"view_{('x0', 'x1', 'y0', 'y1')[axis]}")
            edit.committed.connect(lambda _v: self._view_changed())
            edit.problem.connect(lambda reason: self.view_reason.show_reason(reason))
            label = QLabel(box)
            self.view_labels.append(label)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
            self.view_edits.append(edit)
        self.view_reason = ReasonLabel(self)
        self.view_box = box
        return box

    def _layout(self, view_box: QWidget) -> None:
        typed = QHBoxLayout()
        typed.addWidget(self.expression, 1)
        typed.addWidget(self.apply)
        layout = QVBoxLayout(self)
        for item in (self.combo, self.formula, typed, self.reason, self.gradient, view_box, self.view_reason,
                     self.remove):
            (layout.addLayout if isinstance(item, QHBoxLayout) else layout.addWidget)(item)

    def fill_menu(self) -> None:
        """The built-in functions, then the user's own under a heading, then a way to type one."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for fn in FUNCTIONS.values():
            self.combo.addItem(fn.title_text(), fn.name)
            self.combo.setItemData(self.combo.count() - 1, f"{fn.formula}\n{fn.note_text()}",
                                   Qt.ItemDataRole.ToolTipRole)
        entries = self.library.entries()
        if self._unsaved(entries):
            # a typed-in function in use that is not (or no longer) among the user's: from a session, a
            # lesson or just removed; listed on its own so the chooser names the function that is plotted
            self.combo.insertSeparator(self.combo.count())
            self.combo.addItem(self.current.title, self.current.name)
            self.combo.setItemData(self.combo.count() - 1, self.current.view, _TYPED_ROLE)
        if entries:
            self.combo.insertSeparator(self.combo.count())
            self.combo.addItem(self.tr("— My functions —"))
            self.combo.model().item(self.combo.count() - 1).setEnabled(False)
            for text, view in entries:
                self.combo.addItem(text, EXPRESSION_PREFIX + text)
                self.combo.setItemData(self.combo.count() - 1, view, _TYPED_ROLE)
        self.combo.blockSignals(False)
        if self.current is not None:
            self._select(self.current)

    # -- choosing ----------------------------------------------------------------------------------------
    def _unsaved(self, entries) -> bool:
        current = self.current
        return current is not None and is_typed_in(current) and all(t != current.title for t, _v in entries)

    def _picked(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name in FUNCTIONS:
            self.function_chosen.emit(FUNCTIONS[name])
        elif isinstance(name, str) and name.startswith(EXPRESSION_PREFIX):
            self.expression.setText(name[len(EXPRESSION_PREFIX):])
            self._read_text(name[len(EXPRESSION_PREFIX):], self.combo.itemData(index, _TYPED_ROLE))

    def read_typed(self) -> None:
        """Read what is typed (in the background); the function changes only if it is accepted."""
        text = self.expression.text().strip()
        if text:
            self._read_text(text, None)

    def _read_text(self, text: str, view) -> None:
        self._serial += 1
        self.reason.show_reason(self.tr("Reading…"))
        self._pool.start(_ReadJob(self._signals, self._serial, text, view))

    @Slot(int, object, object)
    def _read(self, serial: int, function: Objective | None, error) -> None:
        if serial != self._serial:
            return  # a newer text was asked for meanwhile
        if function is None:
            self.reason.show_reason(self._explain(error))
            return
        self.reason.show_reason("")
        self.library.remember(function.title, function.view)
        self.fill_menu()
        self.function_chosen.emit(function)

    def _explain(self, error) -> str:
        column = getattr(error, "column", None)
        if not column:
            return str(error)
        text = self.expression.text()
        return f"{error}\n{text}\n{' ' * (column - 1)}^"

    def _view_changed(self) -> None:
        if self.current is None or not is_typed_in(self.current):
            return
        try:
            view = VIEW.check(tuple(edit.value for edit in self.view_edits))
        except InvalidValue as error:
            self.view_reason.show_reason(str(error))
            return
        self.view_reason.show_reason("")
        self._read_text(self.current.title, view)

    def _forget(self) -> None:
        if self.current is not None and is_typed_in(self.current):
            self.library.forget(self.current.title)
            self.fill_menu()
            self.remove.setVisible(False)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    # -- showing -----------------------------------------------------------------------------------------
    def show_function(self, function: Objective) -> None:
        self.current = function
        self.fill_menu()  # lists a typed-in function that is not among the user's, drops the last one
        typed = is_typed_in(function)
        if function.minima:
            minima = ", ".join(f"({x:.4g}, {y:.4g})" for x, y in function.minima)
            where = self.tr("minimum {value} at {points}").format(value=f"{function.minimum:.6g}", points=minima)
        else:
            where = self.tr("no known minimum")
        note = "" if typed else f"\n{function.note_text()}"
        self.formula.setText(f"f(x, y) = {function.formula}{note}; {where}.")
        self._show_typed(function, typed)

    def _show_typed(self, function: Objective, typed: bool) -> None:
        self.gradient.setVisible(typed)
        self.view_box.setVisible(typed)
        self.remove.setVisible(typed and not self._unsaved(self.library.entries()))
        if typed:
            from core.expression import parse_function

            parsed = parse_function(function.title)  # cached: no work
            dx, dy = parsed.gradient_formula
            self.gradient.setText(f"∂f/∂x = {dx}\n∂f/∂y = {dy}")
            if not self.expression.hasFocus():
                self.expression.setText(function.title)
            for edit, value in zip(self.view_edits, function.view, strict=True):
                if not edit.hasFocus():
                    edit.set_value(value)

    def _select(self, function: Objective) -> None:
        index = self.combo.findData(function.name)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        self.combo.blockSignals(False)


def _coordinate_check(text: str) -> float:
    from core.values import parse_number

    return parse_number(text, "the view")
