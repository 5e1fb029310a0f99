"""The state table (one step of the selected run, every number named) and the history table (every step).

Both read the window's mirror of a run (`gui.session.RunEntry`) and the core's optimizer objects; the
quantities derived for teaching (Adam's lr_t, the effective step size, the step about to be taken) come
from the optimizer's own ``derived`` and ``update``, never from arithmetic written here.  Numbers are
shown as `gui.numbers.NumberFormat` says; tooltips and copies are at full precision.

The history table reads like the notes' printout: row 0 is the start with its gradient, row k is update
k with **the gradient that update used** (the one at the point before), the state after it and f.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from core.i18n import _ as _core
from core.run import BASE_COLUMNS

from .numbers import FULL, NumberFormat
from .session import RunEntry

__all__ = ["MEASURE_ROWS", "HistoryModel", "StateModel", "TableView", "display_columns", "state_rows"]

_COLUMN_TIPS = {"step": QT_TRANSLATE_NOOP("HistoryModel", "the update number (0: the start point)"),
                "x": QT_TRANSLATE_NOOP("HistoryModel", "the point after this update"),
                "y": QT_TRANSLATE_NOOP("HistoryModel", "the point after this update"),
                "f": QT_TRANSLATE_NOOP("HistoryModel", "the function's value at the point"),
                "grad_x": QT_TRANSLATE_NOOP("HistoryModel", "the gradient this update used (row 0: the gradient at "
                                                            "the start)"),
                "grad_y": QT_TRANSLATE_NOOP("HistoryModel", "the gradient this update used (row 0: the gradient at "
                                                            "the start)")}
# the state table's texts for the quantities optimizers derive (``derived``), by key: lr_t keeps the notes' name
_DERIVED_TEXTS = {"step_size": QT_TRANSLATE_NOOP("", "step size"),
                  "lr_in_effect": QT_TRANSLATE_NOOP("", "lr in effect"),
                  "rectification": QT_TRANSLATE_NOOP("", "rectification")}
_ALIGN_VALUE = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Roles as plain ints: a view calls data() from C++ with an int role, and int comparison is the fast one
_DISPLAY, _TOOLTIP, _ALIGNMENT = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                                  int(Qt.ItemDataRole.TextAlignmentRole))
_FULL = NumberFormat(FULL)
MEASURE_ROWS = 20_000  # rows of the history whose texts one call measures (about 6 ms of numpy)


def display_columns(recorded) -> list[str]:
    """The history's columns in the CSV's order (x, y, f, gradient, then v_x, v_y or m_x, m_y, v_x, v_y)."""
    base = [c for c in BASE_COLUMNS if c in recorded]
    fields = [c[:-2] for c in recorded if c.endswith("_x") and c not in BASE_COLUMNS and c != "grad_x"]
    return base + [f"{name}_{axis}" for name in fields for axis in "xy"]


@dataclass(frozen=True)
class StateRow:
    """One line of the state table: a named quantity, its x and y parts (or one value), a tooltip.

    label: the quantity's name in the notes' identifiers (``params  (x, y)``, ``lr_t``), the same in every
    language; text: what the table shows for it, in the window's language (the label when empty)."""

    label: str
    x: float | None
    y: float | None
    tip: str
    scalar: bool = False
    column: str = ""  # the history column it shows, if any (for the notes' formatting of f)
    text: str = ""

    @property
    def shown(self) -> str:
        return self.text or self.label


def _t(text: str) -> str:
    return QCoreApplication.translate("", text)  # marked with _t/_tr: see tools/i18n_gui.py




def state_rows(entry: RunEntry, k: int) -> list[StateRow]:
    """Everything about step k of a run, in the notes' vocabulary, read with the optimizer that made it."""
    history, opt = entry.history, entry.recorded or entry.optimizer
    row = history.row(k)
    rows = [StateRow("step", k, None, _t("updates made so far: the step on view"), scalar=True, text=_t("step")),
            StateRow("params  (x, y)", row["x"], row["y"], _t("the point after {k} updates").format(k=k),
                     text=_t("params  (x, y)")),
            StateRow("f", row["f"], None, _t("the function's value at the point"), scalar=True, column="f"),
            StateRow("grads  ∇f", row["grad_x"], row["grad_y"],
                     _t("the gradient at the point (rounded when lecture-notes rounding is on): the one the next "
                        "update uses"), text=_t("grads  ∇f")),
            StateRow("‖∇f‖", math.hypot(row["grad_x"], row["grad_y"]), None, _t("length of the gradient"),
                     scalar=True)]
    for name in opt.fields:
        short, meaning = opt.field_meanings.get(name, ("state", "the optimizer's state"))
        rows.append(StateRow(f"{name}  {short}", row[f"{name}_x"], row[f"{name}_y"],
                             _t("{name}: {meaning}, after update {k}").format(name=name, meaning=_core(meaning), k=k),
                             text=f"{name}  {_core(short)}"))
    if opt.counts_steps:
        rows.append(StateRow("t", int(row["t"]), None, _t("the update count (for the bias correction)"),
                             scalar=True))
    if k > 0:
        rows += _derived_rows(entry, opt, row, k)
    nxt = _next_step(entry, k, row)
    if nxt is not None:
        rows.append(StateRow("next step  Δp", nxt[0], nxt[1], _t("the move update {k} will make").format(k=k + 1),
                             text=_t("next step  Δp")))
    return rows


def _derived_rows(entry: RunEntry, opt, row: dict, k: int) -> list[StateRow]:
    """lr_t, the step size and the step taken, with the settings that made update k (a hyperparameter
    changed since then applies only later)."""
    rows = []
    made_by = entry.optimizer_for(k)
    if type(made_by) is type(opt):
        # update=k: with a schedule, the rates in effect in update k (and an "lr in effect" row)
        for key, (meaning, value) in made_by.derived(opt.state_from_row(row), update=k).items():
            name = key.replace("_", " ") if key != "lr_t" else key  # lr_t is the notes' own name
            pair = value if isinstance(value, tuple) else (value, None)
            rows.append(StateRow(name, *pair, _t("{meaning} (in update {k})").format(meaning=_core(meaning), k=k),
                                 scalar=not isinstance(value, tuple), text=_t(_DERIVED_TEXTS.get(key, name))))
    before = entry.history.row(k - 1)
    rows.append(StateRow("step taken  Δp", row["x"] - before["x"], row["y"] - before["y"],
                         _t("how update {k} moved the point").format(k=k), text=_t("step taken  Δp")))
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

    HEADERS = (QT_TRANSLATE_NOOP("StateModel", "quantity"), "x", "y")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StateRow] = []
        self.number_format = NumberFormat()

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

    def texts(self, row: StateRow, number_format: NumberFormat | None = None) -> tuple[str, str]:
        fmt = number_format or self.number_format
        return fmt.text(row.x, row.column), fmt.text(row.y, row.column)

    def column_texts(self) -> list[list[str]]:
        """Every text of every column, for sizing them (a dozen rows: all of them)."""
        pairs = [self.texts(r) for r in self._rows]
        return [[r.shown for r in self._rows], [p[0] for p in pairs], [p[1] for p in pairs]]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=_DISPLAY):
        if role != _DISPLAY and role != _TOOLTIP and role != _ALIGNMENT:
            return None
        if index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _ALIGNMENT:
            return _ALIGN_VALUE if column > 0 else None
        if column == 0:
            return row.shown if role == _DISPLAY else row.tip
        value = (row.x, row.y)[column - 1]
        if role == _DISPLAY:
            return self.number_format.text(value, row.column)
        return row.tip if value is None else f"{row.tip}\n{_FULL.text(value)}"

    def copy_text(self, rows: list[int]) -> str:
        """The rows as tab-separated text at full precision (for the clipboard)."""
        lines = []
        for r in rows:
            row = self._rows[r]
            lines.append("\t".join([row.shown, *self.texts(row, _FULL)]))
        return "\n".join(lines)


class HistoryModel(QAbstractTableModel):
    """One row per step of a run: step, x, y, f, grad_x, grad_y, then its state, as in the CSV, but with
    each row's gradient the one its update used (see the module docstring)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entry: RunEntry | None = None
        self._columns: list[str] = []
        self._rows = 0
        self._key = None
        self._views: list = []
        self._used_gradient: set[int] = set()
        self._widths: list[int] = []
        self._measured = (0, 0)  # the rows whose texts the column widths already allow for: lo..hi-1
        self.number_format = NumberFormat()

    def show_entry(self, entry: RunEntry | None, changed_from: int | None = None) -> None:
        """Follow ``entry``; rows from ``changed_from`` on may have new values."""
        history = None if entry is None else entry.history
        columns = [] if history is None else display_columns(history.columns)
        rows = 0 if history is None else len(history)
        key = (None if entry is None else entry.run_id, None if entry is None else entry.generation, tuple(columns))
        # views of the mirror's columns, taken afresh each time: each snapshot brings a new view
        self._views = [] if history is None else [history.column(name) for name in columns]
        if key != self._key:
            self.beginResetModel()
            self.entry, self._columns, self._rows, self._key = entry, columns, rows, key
            self._used_gradient = {i + 1 for i, c in enumerate(columns) if c in ("grad_x", "grad_y")}
            self._reset_widths()
            self.endResetModel()
            return
        self.entry = entry
        if rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()
            self._forget_widths_from(rows)
        if changed_from is not None and changed_from < self._rows:
            # a changed gradient at row k shows in row k + 1 (the update that used it)
            self._forget_widths_from(changed_from)
            self.dataChanged.emit(self.index(changed_from, 0), self.index(self._rows - 1, len(self._columns)))
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()

    def set_number_format(self, number_format: NumberFormat) -> None:
        if number_format != self.number_format:
            self.number_format = number_format
            self._reset_widths()
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, len(self._columns)))

    def column_names(self) -> list[str]:
        return ["step", *self._columns]

    def _reset_widths(self) -> None:
        self._widths = [len(name) for name in self.column_names()]
        self._measured = (self._rows, self._rows)  # nothing yet: measured from the newest rows down

    def _forget_widths_from(self, row: int) -> None:
        lo, hi = self._measured
        self._measured = (min(lo, row), min(hi, row))

    def text_widths(self) -> tuple[list[int], bool]:
        """For each column, at least the length of its title and of every text it can show, in
        characters (the cells are monospaced); and whether that holds for every row yet.

        Each call measures at most `MEASURE_ROWS` rows more: rows added or changed since the last call
        first, then older rows, from the newest down.  A new number format on a million rows is then
        measured over many frames (each a few milliseconds), never in one."""
        lo, hi = self._measured
        budget = MEASURE_ROWS
        if hi < self._rows:
            end = min(self._rows, hi + budget)
            self._measure(hi, end)
            budget, hi = budget - (end - hi), end
        if budget > 0 and lo > 0:
            start = max(0, lo - budget)
            self._measure(start, lo)
            lo = start
        self._measured = (lo, hi)
        return list(self._widths), lo == 0 and hi >= self._rows

    def _measure(self, start: int, end: int) -> None:
        self._widths[0] = max(self._widths[0], len(str(end - 1)))
        for i, name in enumerate(self._columns):
            self._widths[i + 1] = max(self._widths[i + 1], self.number_format.width(self._views[i][start:end], name))

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or section >= len(self._columns) + 1:
            return None
        name = self.column_names()[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            field = name[:-2] if name.endswith(("_x", "_y")) else name
            if name in _COLUMN_TIPS:
                return self.tr(_COLUMN_TIPS[name])
            return self.tr("{field}: the optimizer's state after this update").format(field=field)
        return None

    def value(self, k: int, column: int):
        """The number in row k, column ``column`` (1-based over the data columns), as the table shows it."""
        if column in self._used_gradient:
            k = max(k - 1, 0)  # row k shows the gradient update k used: the one at step k - 1
        return self._views[column - 1][k]

    def data(self, index, role=_DISPLAY):
        # called for every visible cell and every role at each repaint: the common answers come first
        if role in (_DISPLAY, _TOOLTIP):
            k, column = index.row(), index.column()
            if k >= self._valid_rows():
                return None  # the mirror lost rows and the model hears of it at the next frame
            if column == 0:
                return str(k)
            fmt = self.number_format if role == _DISPLAY else _FULL
            return fmt.text(self.value(k, column), self._columns[column - 1])
        if role == _ALIGNMENT:
            return _ALIGN_VALUE
        return None

    def _valid_rows(self) -> int:
        history = None if self.entry is None else self.entry.history
        return 0 if history is None else min(self._rows, len(history), len(self._views[0]) if self._views else 0)

    def copy_text(self, rows: list[int]) -> str:
        """The header and the rows as tab-separated text at full precision (for the clipboard)."""
        lines = ["\t".join(self.column_names())]
        for k in rows:
            cells = [str(k)] + [_FULL.text(self.value(k, c)) for c in range(1, len(self._columns) + 1)]
            lines.append("\t".join(cells))
        return "\n".join(lines)


class TableView(QTableView):
    """A read-only, monospaced table whose columns fit their texts; Ctrl+C copies at full precision."""

    def __init__(self, model, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # read-only rows: Tab goes on to the next part of the window instead of from cell to cell, which
        # kept the keyboard in the table for as many presses as it has cells
        self.setTabKeyNavigation(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.apply_font(self.font())

    def apply_font(self, base: QFont) -> None:
        mono = QFont(base)
        mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(mono)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)

    def fit_columns(self, widths: list[int], grow_only: bool = False) -> None:
        """Size each column to ``widths[i]`` characters (plus its title and a margin)."""
        char = self.fontMetrics().horizontalAdvance("0")
        header = self.horizontalHeader()
        for column, chars in enumerate(widths):
            title = self.model().headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(chars * char, header.fontMetrics().horizontalAdvance(title) + 10) + 16
            if not grow_only or width > header.sectionSize(column):
                self.setColumnWidth(column, width)

    def fit_texts(self, columns: list[list[str]], decorated: int | None = None) -> None:
        """Size each column to its widest text as drawn, for columns that hold words: a Hangul syllable is
        about two digits wide, even in a monospaced font, so a count of characters would cut it off.
        ``decorated``: the column whose cells also show a colour swatch before the text."""
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("0")
        pixels = [max((metrics.horizontalAdvance(text) for text in texts), default=char) for texts in columns]
        if decorated is not None:
            pixels[decorated] += self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6
        self.fit_columns([math.ceil(width / char) for width in pixels])

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Copy):
            rows = sorted({index.row() for index in self.selectionModel().selectedIndexes()})
            if rows:
                QGuiApplication.clipboard().setText(self.model().copy_text(rows))
            return
        super().keyPressEvent(event)
