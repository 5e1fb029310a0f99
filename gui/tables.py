"""The state table (one step of the selected run, every number named) and the history table (every step).

Both read the window's mirror of a run (`gui.session.RunEntry`) and the core's optimizer objects; the
quantities derived for teaching (Adam's lr_t, the effective step size, the step about to be taken) come
from the optimizer's own ``derived`` and ``update``, never from arithmetic written here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.run import BASE_COLUMNS

from .session import RunEntry

__all__ = ["HistoryModel", "StateModel", "fit_columns", "format_number", "make_table_view", "state_rows"]

# (short label, tooltip) for each state field, in the notes' names
_FIELDS = {"v": ("velocity", "the velocity: a decaying sum of past steps"),
           "h": ("Σ g²", "the accumulated squared gradients (AdaGrad: their sum; RMSProp: a decaying mean)")}
_ADAM_FIELDS = {"m": ("1st moment", "running mean of the gradient g"),
                "v": ("2nd moment", "running mean of the squared gradient g²")}
_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_VALUE = int(_ALIGN)
# Roles as plain ints: a view calls data() from C++ with an int role, and int comparison is the fast one
_DISPLAY, _TOOLTIP, _ALIGNMENT = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                  int(Qt.ItemDataRole.TextAlignmentRole))


def display_columns(recorded) -> list[str]:
    """The history's columns in the CSV's order (x, y, f, gradient, then v_x, v_y or m_x, m_y, v_x, v_y),
    from what the mirror has recorded: the optimizer on the panel may already be another one."""
    base = [c for c in BASE_COLUMNS if c in recorded]
    fields = [c[:-2] for c in recorded if c.endswith("_x") and c not in BASE_COLUMNS and c != "grad_x"]
    return base + [f"{name}_{axis}" for name in fields for axis in "xy"]


def format_number(value: float, digits: int | None) -> str:
    """Full precision (the shortest text that reads back exactly) or ``digits`` significant digits."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    value = float(value)
    return repr(value) if digits is None else f"{value:.{digits}g}"


@dataclass(frozen=True)
class StateRow:
    """One line of the state table: a named quantity, its x and y parts (or one value), a tooltip."""

    label: str
    x: float | None
    y: float | None
    tip: str
    scalar: bool = False


def state_rows(entry: RunEntry, k: int) -> list[StateRow]:
    """Everything about step k of a run, in the notes' vocabulary."""
    history, opt = entry.history, entry.optimizer
    row = history.row(k)
    rows = [StateRow("step", k, None, "updates made so far", scalar=True),
            StateRow("params  (x, y)", row["x"], row["y"], f"the point after {k} updates"),
            StateRow("f", row["f"], None, "the function's value at the point", scalar=True),
            StateRow("grads  ∇f", row["grad_x"], row["grad_y"],
                     "the gradient at the point (rounded when lecture-notes rounding is on): the one the next "
                     "update uses"),
            StateRow("‖∇f‖", math.hypot(row["grad_x"], row["grad_y"]), None, "length of the gradient", scalar=True)]
    if not all(history.has(c) for c in opt.state_columns()) or history.has("t") != opt.counts_steps:
        return rows  # the optimizer was just switched and the worker has not restarted the run yet
    described = _ADAM_FIELDS if opt.counts_steps else _FIELDS
    for name in opt.fields:
        short, meaning = described.get(name, ("state", "the optimizer's state"))
        rows.append(StateRow(f"{name}  {short}", row[f"{name}_x"], row[f"{name}_y"],
                             f"{name}: {meaning}, after update {k}"))
    if opt.counts_steps:
        rows.append(StateRow("t", int(row["t"]), None, "Adam's update count (for the bias correction)",
                             scalar=True))
    state = opt.state_from_row(row)
    if k > 0:
        # with the settings that made update k: a hyperparameter changed since then applies only later
        for key, (meaning, value) in entry.optimizer_for(k).derived(state).items():
            name = key.replace("_", " ") if key != "lr_t" else key  # lr_t is the notes' own name
            if isinstance(value, tuple):
                rows.append(StateRow(name, value[0], value[1], f"{meaning} (in update {k})"))
            else:
                rows.append(StateRow(name, value, None, f"{meaning} (in update {k})", scalar=True))
        before = history.row(k - 1)
        rows.append(StateRow("step taken  Δp", row["x"] - before["x"], row["y"] - before["y"],
                             f"how update {k} moved the point"))
    nxt = _next_step(entry, k, row)
    if nxt is not None:
        rows.append(StateRow("next step  Δp", nxt[0], nxt[1], f"the move update {k + 1} will make"))
    return rows


def _next_step(entry: RunEntry, k: int, row: dict) -> tuple[float, float] | None:
    history = entry.history
    if k + 1 < len(history):
        after = history.row(k + 1)
        return after["x"] - row["x"], after["y"] - row["y"]
    if entry.preview is None:
        return None
    return entry.preview[0] - row["x"], entry.preview[1] - row["y"]


class StateModel(QAbstractTableModel):
    """Rows of `state_rows`; columns quantity, x, y (a single value sits under x)."""

    HEADERS = ("quantity", "x", "y")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StateRow] = []
        self.digits: int | None = None

    def set_rows(self, rows: list[StateRow]) -> None:
        if [r.label for r in rows] == [r.label for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, 2))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def rows(self) -> list[StateRow]:
        return self._rows

    def samples(self) -> list[list[str]]:
        return [[r.label for r in self._rows], *([format_number(getattr(r, axis), self.digits) for r in self._rows]
                                                 for axis in "xy")]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index, role=_DISPLAY):
        if role != _DISPLAY and role != _TOOLTIP and role != _ALIGNMENT:
            return None
        if index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        value = (None, row.x, row.y)[column]
        if role == _DISPLAY:
            return row.label if column == 0 else format_number(value, self.digits)
        if role == _TOOLTIP:
            return row.tip if column == 0 or value is None else f"{row.tip}\n{format_number(value, None)}"
        return _ALIGN_VALUE if column > 0 else None


class HistoryModel(QAbstractTableModel):
    """One row per step of a run: step, x, y, f, grad_x, grad_y, then its state, as in the CSV."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entry: RunEntry | None = None
        self._columns: list[str] = []
        self._rows = 0
        self._generation = None
        self._views: list = []
        self.digits: int | None = None

    def show_entry(self, entry: RunEntry | None, changed_from: int | None = None) -> None:
        """Follow ``entry``; rows from ``changed_from`` on may have new values."""
        history = None if entry is None else entry.history
        columns = [] if history is None else display_columns(history.columns)
        rows = 0 if history is None else len(history)
        key = (None if entry is None else entry.run_id, None if entry is None else entry.generation, tuple(columns))
        # views of the mirror's columns, taken afresh each time: the mirror reallocates as it grows
        self._views = [] if history is None else [history.column(name) for name in columns]
        if key != self._generation:
            self.beginResetModel()
            self.entry, self._columns, self._rows, self._generation = entry, columns, rows, key
            self.endResetModel()
            return
        if rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()
        if changed_from is not None and changed_from < self._rows:
            self.dataChanged.emit(self.index(changed_from, 0), self.index(self._rows - 1, len(self._columns)))
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()

    def column_names(self) -> list[str]:
        return ["step", *self._columns]

    def samples(self, count: int = 200) -> list[list[str]]:
        """Texts of the first and the latest ``count`` rows, per column (for sizing the columns)."""
        if self.entry is None or self._rows == 0:
            return [[] for _ in self.column_names()]
        picks = sorted(set(range(min(count, self._rows))) | set(range(max(0, self._rows - count), self._rows)))
        texts = [[str(k) for k in picks]]
        for name in self._columns:
            values = self.entry.history.column(name)
            texts.append([format_number(values[k], self.digits) for k in picks])
        return texts

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_names()[section]
        return None

    def data(self, index, role=_DISPLAY):
        # called for every visible cell and every role at each repaint: the common answers come first
        if role in (_DISPLAY, _TOOLTIP):
            k, column = index.row(), index.column()
            if k >= self._valid_rows():
                return None  # the mirror lost rows (a step back) and the model hears of it at the next frame
            if column == 0:
                return str(k)
            return format_number(self._views[column - 1][k], self.digits if role == _DISPLAY else None)
        if role == _ALIGNMENT:
            return _ALIGN_VALUE
        return None

    def _valid_rows(self) -> int:
        history = None if self.entry is None else self.entry.history
        return 0 if history is None else min(self._rows, len(history))


def fit_columns(view: QTableView, samples: list[list[str]], grow_only: bool = False) -> None:
    """Size each column to the longest of its sample texts (and its title).

    samples: per column, texts it shows; a sample is enough (the first and the latest rows), and much
    cheaper than resizeColumnToContents, which asks every row of the model.  With grow_only a column
    never narrows, so a table that is being appended to does not jitter.
    """
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    for column, texts in enumerate(samples):
        title = view.model().headerData(column, Qt.Orientation.Horizontal) or ""
        longest = max(texts, key=len, default="")  # the cells are monospaced: the longest text is the widest
        widest = max(metrics.horizontalAdvance(longest), header.fontMetrics().horizontalAdvance(title) + 8)
        width = widest + 14
        if not grow_only or width > header.sectionSize(column):
            view.setColumnWidth(column, width)


def make_table_view(model, name: str, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(False)
    mono = QFont("monospace")
    mono.setStyleHint(QFont.StyleHint.Monospace)
    view.setFont(mono)
    return view
