"""Every shown run side by side at the step on view: one row each, so a class can compare them at a glance.

"All six tables side by side" (Lessons ▸ Lecture notes ▸ all six) then shows the notes' six optimizers in
one table; choosing a row selects that run everywhere.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from .model import WindowModel
from .numbers import FULL, NumberFormat
from .session import RunEntry
from .tables import TableView

__all__ = ["CompareModel", "ComparePanel"]

_FULL = NumberFormat(FULL)
_DISPLAY, _TOOLTIP, _ALIGNMENT, _DECORATION = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                               int(Qt.ItemDataRole.TextAlignmentRole),
                                               int(Qt.ItemDataRole.DecorationRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CompareModel(QAbstractTableModel):
    """Rows: the shown runs; columns: name, optimizer, x, y, f, ‖∇f‖, state."""

    HEADERS = (QT_TRANSLATE_NOOP("CompareModel", "run"), QT_TRANSLATE_NOOP("CompareModel", "optimizer"), "x", "y",
               "f", "‖∇f‖", QT_TRANSLATE_NOOP("CompareModel", "state"))
    TIPS = (QT_TRANSLATE_NOOP("CompareModel", "the run's name"),
            QT_TRANSLATE_NOOP("CompareModel", "its optimizer and settings"),
            QT_TRANSLATE_NOOP("CompareModel", "the point at the step on view"), "",
            QT_TRANSLATE_NOOP("CompareModel", "the function's value there"),
            QT_TRANSLATE_NOOP("CompareModel", "the length of the gradient there"),
            QT_TRANSLATE_NOOP("CompareModel", "running, or stopped and why"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []  # (entry, step, values)
        self.number_format = NumberFormat()

    def set_runs(self, entries: list[RunEntry], steps: list[int], playing: bool) -> None:
        rows = [(e, k, _values(e, k, playing)) for e, k in zip(entries, steps, strict=True)]
        if [r[0].run_id for r in rows] == [r[0].run_id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def run_id(self, row: int) -> int | None:
        return self._rows[row][0].run_id if 0 <= row < len(self._rows) else None

    def row_of(self, run_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0].run_id == run_id), -1)

    def texts(self) -> list[list[str]]:
        """Every cell's text, column by column (a handful of rows: for sizing the columns)."""
        return [[self._text(r, c) for r in self._rows] for c in range(len(self.HEADERS))]

    def _text(self, row: tuple, column: int, fmt: NumberFormat | None = None) -> str:
        entry, _k, values = row
        if column == 0:
            return entry.name
        if column == 1:
            return type(entry.recorded or entry.optimizer).title_text()
        if column == 6:
            return values[4]
        names = ("x", "y", "f", "")
        return (fmt or self.number_format).text(values[column - 2], names[column - 2])

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(self.TIPS[section] or self.TIPS[section - 1])
        return None

    def data(self, index, role=_DISPLAY):
        if index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _TOOLTIP:
            if column == 1:
                return repr(row[0].recorded or row[0].optimizer)
            return self._text(row, column, _FULL)
        if role == _ALIGNMENT and 2 <= column <= 5:
            return _RIGHT
        if role == _DECORATION and column == 0:
            return QColor(row[0].color)
        return None


def _values(entry: RunEntry, k: int, playing: bool) -> tuple:
    row = entry.history.row(k)
    if entry.stop is not None and k == entry.step:
        state = str(entry.stop)
    else:
        translate = QCoreApplication.translate
        state = translate("CompareModel", "running") if playing and entry.stop is None else translate(
            "CompareModel", "step {k}").format(k=k)
    return row["x"], row["y"], row["f"], math.hypot(row["grad_x"], row["grad_y"]), state


class ComparePanel(QGroupBox):
    """The comparison table (``compare_table``); choosing a row selects that run."""

    def __init__(self, model: WindowModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_model = model
        self.model = CompareModel(self)
        self.table = TableView(self.model, "compare_table", self)
        self.table.setSelectionMode(TableView.SelectionMode.SingleSelection)
        QVBoxLayout(self).addWidget(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self._syncing = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("All shown runs at the step on view"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.HEADERS) - 1)

    def set_number_format(self, number_format: NumberFormat) -> None:
        self.model.number_format = number_format

    def _row_chosen(self, current, _previous) -> None:
        run_id = self.model.run_id(current.row())
        if not self._syncing and run_id is not None:
            self.window_model.select_run(run_id)

    def refresh(self, model: WindowModel) -> None:
        shown = model.shown()
        self.model.set_runs(shown, [model.viewed_step(e) for e in shown], model.playing)
        self.table.fit_texts(self.model.texts(), decorated=0)
        row = self.model.row_of(model.selected_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._syncing = True
            self.table.selectRow(row)
            self._syncing = False
