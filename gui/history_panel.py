"""Every step of the selected run, as the notes print them; choosing a row shows that step everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from .model import WindowModel
from .numbers import NumberFormat
from .tables import HistoryModel, TableView

__all__ = ["HistoryPanel"]


class HistoryPanel(QGroupBox):
    """The history table (``history_table``); selecting a row sets the step on view."""

    def __init__(self, model: WindowModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_model = model
        self.model = HistoryModel(self)
        self.table = TableView(self.model, "history_table", self)
        self.table.setSelectionMode(TableView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        QVBoxLayout(self).addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.retranslate()
        self._syncing = False
        self._fitted: list[int] = []
        self._measuring = QTimer(self)  # the column widths of a long history are measured in pieces
        self._measuring.setSingleShot(True)
        self._measuring.setInterval(0)
        self._measuring.timeout.connect(self._fit_columns)

    def retranslate(self) -> None:
        self.setTitle(self.tr("History of the selected run"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.model.columnCount() - 1, 0))

    def set_number_format(self, number_format: NumberFormat) -> None:
        self.model.set_number_format(number_format)

    def _row_chosen(self, current, _previous) -> None:
        if not self._syncing and current.isValid():
            self.window_model.set_view(current.row())

    def refresh(self, model: WindowModel) -> None:
        """Rows in, columns sized to fit every row, and the row on view selected."""
        entry = model.selected()
        if entry is None or entry.history is None:
            return
        self.model.show_entry(entry, entry.take_changes())
        self._fit_columns()
        self._select(model.viewed_step(entry))

    def _fit_columns(self) -> None:
        """Widen the columns for the rows measured so far; measure more at the next turn of the event
        loop until every row is (rows already measured are not measured again)."""
        widths, complete = self.model.text_widths()
        if widths != self._fitted:
            self.table.fit_columns(widths)
            self._fitted = widths
        if not complete:
            self._measuring.start()

    def catch_up(self, model: WindowModel) -> None:
        """Rows were taken away: the table must hear of it before it next paints (it would ask for them)."""
        entry = model.selected()
        if entry is not None and entry.history is not None and self.model.entry is entry \
                and len(entry.history) < self.model.rowCount():
            self.model.show_entry(entry, entry.take_changes())

    def _select(self, k: int) -> None:
        self._syncing = True
        index = self.model.index(k, 0)
        if self.table.currentIndex().row() != k:
            self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._syncing = False
