"""Entry fields that refuse a wrong value where it is typed, and forms built from declarations.

`ValueEdit` checks its text with the same function the core uses (a `core.hyper.Hyper`'s ``check``, or
`core.run.check_start`), shows the reason under the field while the text is wrong, and only ever commits
a valid value; Escape puts the last valid value back.  `HyperForm` lays out one ValueEdit per declared
hyperparameter of an optimizer, with its symbol, range and meaning: no per-optimizer widget code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.hyper import Hyper, InvalidValue

__all__ = ["HyperForm", "ValueEdit", "format_value"]

INVALID_STYLE = "QLineEdit[invalid=\"true\"] { border: 2px solid #D55E00; border-radius: 3px; }"


def format_value(value: float) -> str:
    """A float as the shortest text that reads back to it (``0.5``, ``1e-07``, ``1.4400000000000002``)."""
    return repr(float(value))


class ValueEdit(QLineEdit):
    """A line edit for one number, validated by ``check(text) -> float`` (raising InvalidValue).

    committed(value) is emitted when a valid, changed value is confirmed (Enter or leaving the field);
    problem(text) carries the reason while the text is invalid, and "" once it is valid again.
    """

    committed = Signal(float)
    problem = Signal(str)

    def __init__(self, check: Callable[[str], float], value: float, parent: QWidget | None = None):
        super().__init__(format_value(value), parent)
        self._check = check
        self._value = float(value)
        self._reason = ""
        self.setProperty("invalid", False)
        self.textEdited.connect(self._validate)
        self.editingFinished.connect(self._commit)
        self.setClearButtonEnabled(False)

    @property
    def value(self) -> float:
        """The last valid value (what is in effect), whatever the text shows."""
        return self._value

    @property
    def reason(self) -> str:
        return self._reason

    def set_value(self, value: float) -> None:
        """Show a value set from elsewhere (not emitted as committed)."""
        self._value = float(value)
        self.setText(format_value(value))
        self._show_reason("")

    def _validate(self, text: str) -> float | None:
        try:
            value = self._check(text)
        except InvalidValue as error:
            self._show_reason(str(error))
            return None
        self._show_reason("")
        return value

    def _commit(self) -> None:
        value = self._validate(self.text())
        if value is None or value == self._value:
            return
        self._value = value
        self.committed.emit(value)

    def _show_reason(self, reason: str) -> None:
        if reason == self._reason:
            return
        self._reason = reason
        self.setProperty("invalid", bool(reason))
        self.setToolTip(reason or self.property("help") or "")
        self.style().unpolish(self)
        self.style().polish(self)
        self.problem.emit(reason)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape and self._reason:
            self.set_value(self._value)
            return
        super().keyPressEvent(event)


def hyper_check(hyper: Hyper) -> Callable[[str], float]:
    return hyper.parse




class RangeLabel(QLabel):
    """The grey line under a field giving its valid range, in the language in use (the core words it:
    "0 to 12", "0 ~ 12"); `retranslate_ranges` sets it again after a language change."""

    def __init__(self, declaration, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.declaration = declaration
        self.setObjectName(f"{name}_range")
        self.setStyleSheet("color: palette(mid);")
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.declaration.range_text)


def retranslate_ranges(widget: QWidget) -> None:
    """Set the range under every field inside ``widget`` again, in the language now in use."""
    for label in widget.findChildren(RangeLabel):
        label.retranslate()


class ReasonLabel(QLabel):
    """The red line under a field that says why its text is refused; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #B34700;")
        self.setVisible(False)

    def show_reason(self, reason: str) -> None:
        self.setText(reason)
        self.setVisible(bool(reason))


class HyperForm(QWidget):
    """One validated field per hyperparameter declared by an optimizer class.

    changed(name, value) is emitted for each committed change.
    """

    changed = Signal(str, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._form: QFormLayout | None = None
        self._holder: QWidget | None = None
        self.edits: dict[str, ValueEdit] = {}

    def build(self, optimizer_cls, values: dict[str, float]) -> None:
        """Lay out the fields of ``optimizer_cls`` showing ``values``."""
        if self._holder is not None:
            self._outer.removeWidget(self._holder)  # (deleted later: not to be laid out or tabbed to meanwhile)
            self._holder.hide()
            self._holder.deleteLater()
        self._holder = QWidget(self)
        self._form = QFormLayout(self._holder)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits = {}
        for hyper in optimizer_cls.hypers:
            edit = ValueEdit(hyper_check(hyper), values[hyper.name], self._holder)
            edit.setObjectName(f"hyper_{hyper.name}")
            help_text = self.tr("{meaning}\nValid range: {range}; default {default}").format(
                meaning=hyper.meaning_text, range=hyper.range_text, default=f"{hyper.default:g}")
            edit.setProperty("help", help_text)
            edit.setToolTip(help_text)
            edit.setAccessibleName(f"{hyper.name} ({hyper.symbol})")
            label = QLabel(f"{hyper.symbol}  {hyper.name}", self._holder)
            label.setToolTip(help_text)
            label.setBuddy(edit)
            hint = RangeLabel(hyper, f"hyper_{hyper.name}", self._holder)
            reason = ReasonLabel(self._holder)
            edit.problem.connect(reason.show_reason)
            edit.committed.connect(lambda value, name=hyper.name: self.changed.emit(name, value))
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(edit)
            column.addWidget(hint)
            column.addWidget(reason)
            self._form.addRow(label, column)
            self.edits[hyper.name] = edit
        self._outer.addWidget(self._holder)

    def show_values(self, values: dict[str, float]) -> None:
        """Show values set elsewhere, leaving alone a field that is being edited or holds refused text."""
        for name, edit in self.edits.items():
            if name in values and values[name] != edit.value and not edit.reason and not edit.hasFocus():
                edit.set_value(values[name])
