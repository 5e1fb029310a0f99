"""Trajectories as CSV: the format every export of GradStep writes, and a reader for it.

UTF-8, comma-separated, one header row, one row per step, no index column.  Columns in this order:
``run, optimizer, function, step, x, y, f, grad_x, grad_y``, then the optimizer's state as
``<field>_x, <field>_y`` per field (``v_x, v_y``; ``h_x, h_y``; ``m_x, m_y, v_x, v_y``), then, only where a
run has them, ``noisy_grad_x, noisy_grad_y`` (the gradient update k+1 used, with its noise) and
``lr_in_effect`` (the learning rate update k+1 used, under a schedule).  Row k is the
point after k updates, f there, the gradient there (the one update k+1 uses) and the state after update
k; step 0 is the start with the initial state.  Floats are written with ``repr`` so they read back
exactly.  Several runs share one header (the union of their state columns, in order of first
appearance), with empty cells where a run has no such field; ``run`` labels each run uniquely.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import IO

import numpy as np

from .atomic import FileError, atomic_write
from .i18n import _
from .run import LR_COLUMN, NOISY_COLUMNS, Run

__all__ = ["BASE_HEADER", "EXTRA_HEADER", "SETTINGS_HEADER", "CsvRun", "RowWriter", "RunsWriter", "header_for",
           "read_csv", "unique_labels", "write_csv", "write_csv_stream"]

BASE_HEADER = ("run", "optimizer", "function", "step", "x", "y", "f", "grad_x", "grad_y")
#: Columns after the state, in this order, written where some run recorded them.
EXTRA_HEADER = (*NOISY_COLUMNS, LR_COLUMN)
#: Then each run's settings, so that runs can be told apart: the rounding, the start, and every
#: hyperparameter by its notes' name (the union of the runs', in order of first appearance).
SETTINGS_HEADER = ("decimals", "start_x", "start_y")
_NUMERIC = BASE_HEADER[4:]


def unique_labels(names: Sequence[str]) -> list[str]:
    """The names in order, with `` (2)``, `` (3)``... appended where a name is already taken."""
    used: set[str] = set()
    labels = []
    for name in names:
        label, count = name, 1
        while label in used:
            count += 1
            label = f"{name} ({count})"
        used.add(label)
        labels.append(label)
    return labels


def header_for(runs: Iterable[Run]) -> list[str]:
    """The shared header: the base columns, the union of the runs' state columns, then the extra columns
    (`EXTRA_HEADER`) that some run recorded."""
    runs = list(runs)
    header = list(BASE_HEADER)
    for run in runs:
        for column in run.optimizer.state_columns():
            if column not in header:
                header.append(column)
    header += [c for c in EXTRA_HEADER if any(run.history.has(c) for run in runs)]
    header += SETTINGS_HEADER
    for run in runs:
        for _first, optimizer in _segments(run):
            header += [h.name for h in optimizer.hypers if h.name not in header]
    return header


def _segments(run) -> tuple:
    """(first update, optimizer) for each stretch of a run's updates made with one setting."""
    return tuple(getattr(run, "segments", ())) or ((1, run.optimizer),)


def _settings_cells(run, header: Sequence[str], first: int, count: int) -> list:
    """The settings columns of rows first..first+count-1: row k has the settings that made update k (row 0
    those of update 1), as text, one iterable per column of ``header`` from "decimals" on."""
    names = header[header.index("decimals"):]
    segments = _segments(run)
    bounds = [max(update, 1) for update, _ in segments[1:]]
    columns = [[] for _ in names]
    row = first
    for (_start, optimizer), end in zip(segments, [*bounds, first + count], strict=True):
        stop = min(max(end, row), first + count)
        if stop > row:
            texts = _settings_texts(run, optimizer, names)
            for column, text in zip(columns, texts, strict=True):
                column.append(repeat(text, stop - row))
            row = stop
    return [chain.from_iterable(column) for column in columns]


def _settings_texts(run, optimizer, names: Sequence[str]) -> list[str]:
    decimals = optimizer.decimals if optimizer.notes_rounding else None
    known = {"decimals": "" if decimals is None else str(decimals), "start_x": repr(float(run.start[0])),
             "start_y": repr(float(run.start[1])), **{k: repr(float(v)) for k, v in optimizer.values.items()}}
    return [known.get(name, "") for name in names]


#: Rows formatted at a time: a few megabytes of text, however long the run.
_SLICE = 65_536


def _prefix(fixed: Sequence[str]) -> str:
    """The run's own cells (label, optimizer, function) as the csv module writes them, quoted if need be."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerow(fixed)  # the terminator also decides what is quoted
    return text.getvalue()[:-1]


def _write_rows(stream: IO[str], columns: Sequence[str], block: np.ndarray, first: int, prefix: str,
                header: Sequence[str], run=None) -> None:
    """Write ``block``, rows ``first``.. of a history whose columns are ``columns``, as CSV rows.

    The same bytes as csv.writer, which writes a float with repr and never quotes a repr, a step or an
    empty cell (the run's own cells come quoted as need be in ``prefix``), but joined here a column at a
    time: repr is most of the cost, and csv.writer's per-cell work took half as long again on top of it
    (3.3 against 2.2 µs for a row of five floats).
    """
    position = {c: i for i, c in enumerate(columns)}
    picks = [position.get(c) for c in header[4:header.index("decimals")]]
    for start in range(0, len(block), _SLICE):
        values = block[start:start + _SLICE].T.tolist()
        n = len(values[0])
        cells = [repeat("", n) if j is None else map(repr, values[j]) for j in picks]
        cells += _settings_cells(run, header, first + start, n)
        steps = map(str, range(first + start, first + start + n))
        stream.write("\n".join(map(",".join, zip(repeat(prefix, n), steps, *cells, strict=True))) + "\n")


def write_csv_stream(runs: Sequence[Run], stream: IO[str], labels: Sequence[str] | None = None) -> None:
    """Write the runs to an open text stream (for example standard output)."""
    labels = unique_labels(labels if labels is not None else [r.name for r in runs])
    header = header_for(runs)
    csv.writer(stream, lineterminator="\n").writerow(header)
    for run, label in zip(runs, labels, strict=True):
        history = run.history
        prefix = _prefix((label, run.optimizer.name, run.function.name))
        _write_rows(stream, history.columns, history.array(), history.first, prefix, header, run)


def write_csv(runs: Sequence[Run], path, labels: Sequence[str] | None = None, bom: bool = False) -> Path:
    """Write the runs to ``path`` atomically; raises FileError (and leaves no file) if that fails.

    bom: start with a UTF-8 byte-order mark, which Excel needs to read a UTF-8 file (Korean run names)
    as UTF-8 rather than in the system's code page."""
    def write(stream):
        if bom:
            stream.write("\ufeff")
        write_csv_stream(runs, stream, labels)
    return atomic_write(path, write)


class RowWriter:
    """One run's CSV written as the run goes: the header at once, then blocks of rows as they come.

    For streaming a long run (see `core.history.History.drain`): the bytes are the same as
    `write_csv_stream` writes for the whole run at the end.
    """

    def __init__(self, run: Run, stream: IO[str], label: str | None = None):
        self.header = header_for([run])
        self._stream = stream
        self._columns = run.history.columns
        self._run = run
        self._prefix = _prefix((run.name if label is None else label, run.optimizer.name, run.function.name))
        csv.writer(stream, lineterminator="\n").writerow(self.header)

    def write(self, block: np.ndarray, first: int) -> None:
        """Write ``block``: rows ``first``, ``first + 1``... of the run's history, in its column order."""
        _write_rows(self._stream, self._columns, block, first, self._prefix, self.header, self._run)


class RunsWriter:
    """Several runs' CSV written as they go, one run after another under one shared header: the bytes
    `write_csv_stream` writes for the same runs at the end, without holding their histories."""

    def __init__(self, runs: Sequence[Run], stream: IO[str], labels: Sequence[str] | None = None):
        self.header = header_for(runs)
        self._stream = stream
        labels = unique_labels(labels if labels is not None else [r.name for r in runs])
        self._prefixes = {id(run): _prefix((label, run.optimizer.name, run.function.name))
                          for run, label in zip(runs, labels, strict=True)}
        csv.writer(stream, lineterminator="\n").writerow(self.header)

    def writer(self, run: Run) -> Callable[[np.ndarray, int], None]:
        """``write(block, first)`` for ``run``'s rows (in its history's column order)."""
        prefix, columns = self._prefixes[id(run)], run.history.columns
        return lambda block, first: _write_rows(self._stream, columns, block, first, prefix, self.header, run)


@dataclass(frozen=True)
class CsvRun:
    """One run read back from a CSV file: its labels, steps and named float columns."""

    label: str
    optimizer: str
    function: str
    steps: np.ndarray
    columns: dict[str, np.ndarray]


def read_csv(source) -> list[CsvRun]:
    """Read runs from a GradStep CSV file (a path, or an open text stream).

    Raises FileError with the file name and line number if it cannot be read or is not in the format.
    """
    name = getattr(source, "name", str(source))
    try:
        if isinstance(source, io.TextIOBase):
            return _parse(source, name)
        with open(source, encoding="utf-8", newline="") as stream:
            return _parse(stream, name)
    except OSError as error:
        raise FileError(_("cannot read {path}: {reason}").format(path=name, reason=error.strerror or error)) from error
    except UnicodeDecodeError:
        raise FileError(_("cannot read {path}: it is not UTF-8 text").format(path=name)) from None


def _parse(stream, name) -> list[CsvRun]:
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None or tuple(header[: len(BASE_HEADER)]) != BASE_HEADER:
        raise FileError(_("cannot read {path}: the header is not a GradStep trajectory header").format(path=name))
    runs: dict[str, tuple[str, str, list[int], list[list[str]]]] = {}
    for line, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise FileError(_("cannot read {path}: line {line} has {cells} cells, the header {header}").format(
                path=name, line=line, cells=len(row), header=len(header)))
        label, optimizer, function, step, *numbers = row
        entry = runs.setdefault(label, (optimizer, function, [], []))
        try:
            entry[2].append(int(step))
        except ValueError:
            raise FileError(_("cannot read {path}: line {line}: step {step} is not a whole number").format(
                path=name, line=line, step=repr(step))) from None
        entry[3].append(numbers)
    return [_to_run(label, *entry, header[4:], name) for label, entry in runs.items()]


def _to_run(label, optimizer, function, steps, cells, names, source) -> CsvRun:
    columns = {}
    for j, column in enumerate(names):
        values = [row[j] for row in cells]
        if all(v == "" for v in values):
            continue
        try:
            columns[column] = np.array([float(v) for v in values])
        except ValueError:
            raise FileError(_("cannot read {path}: run {run}, column {column}: a cell is not a number").format(
                path=source, run=repr(label), column=column)) from None
        if column in _NUMERIC and not all(math.isfinite(v) for v in columns[column]):
            raise FileError(_("cannot read {path}: run {run}, column {column}: a value is not finite").format(
                path=source, run=repr(label), column=column))
    return CsvRun(label, optimizer, function, np.array(steps), columns)
