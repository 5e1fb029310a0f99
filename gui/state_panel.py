"""The selected run at the step on view: its optimizer's update rule and every number of that step."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from .appearance import screen_share
from .model import WindowModel
from .numbers import NumberFormat
from .tables import StateModel, TableView, state_rows

__all__ = ["NUMBERS_SHARE", "StatePanel"]

# At most this share of the screen's width for the table: beyond it, the plot would be squeezed out.  A
# quarter (341 pixels at 1366) hid the y column of Adam's Korean state at 1.6 times the text; a third fits it.
NUMBERS_SHARE = 0.32


class StatePanel(QGroupBox):
    """The state table (``state_table``: quantity, x, y) under a title naming the run and its rule."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("state_title")
        self.title.setWordWrap(True)
        self.model = StateModel(self)
        self.table = TableView(self.model, "state_table", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("State at the step on view"))

    def set_number_format(self, number_format: NumberFormat) -> None:
        self.model.number_format = number_format

    def refresh(self, model: WindowModel, rule: bool = True) -> None:
        """Show the selected run at the step on view; ``rule``: write its update rule under its name (not
        while the update panel shows it: in presentation mode at 1366 × 768 the rule, once more, had left
        the table one row)."""
        entry = model.selected()
        if entry is None or entry.history is None:
            return
        k = model.viewed_step(entry)
        self.model.set_rows(state_rows(entry, k))
        self.table.fit_texts(self.model.column_texts())
        self._fit_width()
        recorded = entry.recorded or entry.optimizer
        title = f"<b>{_escape(entry.name)}</b> · {type(recorded).title_text()}"
        if rule:
            title += f"<br><span style='font-family:monospace'>{'; '.join(recorded.formula)}</span>"
        if title != self.title.text():  # a new text lays the whole dock out again: only when it changes
            self.title.setText(title)

    def _fit_width(self) -> None:
        """The table no narrower than its columns: its dock widens with the text (presentation mode) rather
        than cut off the y column behind a sideways scroll bar; up to `NUMBERS_SHARE` of the screen."""
        table = self.table
        columns = sum(table.columnWidth(c) for c in range(self.model.columnCount()))
        needed = min(columns + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width(),
                     screen_share(self, NUMBERS_SHARE))
        if needed != table.minimumWidth():
            table.setMinimumWidth(needed)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
