"""The history table's work for a long run is done in pieces: measuring the column widths of every row
(a new number format, another run selected) never happens in one go."""

from __future__ import annotations

import numpy as np

from core.functions import FUNCTIONS
from core.history import HistoryView
from core.optimizers import SGD
from core.run import BASE_COLUMNS
from gui.numbers import FULL, READABLE, NumberFormat
from gui.session import RunEntry
from gui.tables import MEASURE_ROWS, HistoryModel


def _entry(rows: int) -> RunEntry:
    data = np.random.default_rng(3).normal(size=(rows, len(BASE_COLUMNS))) * np.logspace(-6, 6, rows)[:, None]
    data[rows // 3, 2] = -123456.789  # one wide value, far from the newest rows
    view = HistoryView(BASE_COLUMNS, data, rows)
    return RunEntry(1, "SGD", "#000000", SGD(), (0.0, 0.0), FUNCTIONS["quadratic"], history=view, generation=0)


def _measured_in_pieces(model: HistoryModel) -> tuple[list[int], int]:
    calls, (widths, complete) = 1, model.text_widths()
    while not complete:
        calls, (widths, complete) = calls + 1, model.text_widths()
    return widths, calls


def test_a_new_number_format_is_measured_over_many_calls_to_the_same_widths(qtbot):
    rows = 5 * MEASURE_ROWS + 7
    model = HistoryModel()
    model.show_entry(_entry(rows))
    model.set_number_format(NumberFormat(READABLE, 4))
    widths, calls = _measured_in_pieces(model)
    assert calls == 6  # no call measured more than MEASURE_ROWS rows
    fmt = NumberFormat(READABLE, 4)
    columns = model.column_names()[1:]
    whole = [len(str(rows - 1))] + [fmt.width(model.entry.history.column(c), c) for c in columns]
    assert widths == [max(w, len(name)) for w, name in zip(whole, model.column_names(), strict=True)]
    model.set_number_format(NumberFormat(FULL))
    assert not model.text_widths()[1]


def test_the_newest_rows_are_measured_first_and_new_rows_join_them(qtbot):
    model = HistoryModel()
    entry = _entry(3 * MEASURE_ROWS)
    full = entry.history
    entry.history = HistoryView(full.columns, full._data[: 2 * MEASURE_ROWS], 2 * MEASURE_ROWS)
    model.show_entry(entry)
    model.text_widths()
    assert model._measured == (MEASURE_ROWS, 2 * MEASURE_ROWS)
    entry.history = full
    model.show_entry(entry)
    model.text_widths()  # the new rows first, and nothing more: the budget is spent on them
    assert model._measured == (MEASURE_ROWS, 3 * MEASURE_ROWS)
