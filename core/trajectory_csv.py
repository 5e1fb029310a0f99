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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from .atomic import FileError, atomic_write
from .run import LR_COLUMN, NOISY_COLUMNS, Run

__all__ = ["BASE_HEADER", "EXTRA_HEADER", "CsvRun", "header_for", "read_csv", "unique_labels", "write_csv",
           "write_csv_stream"]

BASE_HEADER = ("run", "optimizer", "function", "step", "x", "y", "f", "grad_x", "grad_y")
#: Columns after the state, in this order, written where some run recorded them.
EXTRA_HEADER = (*NOISY_COLUMNS, LR_COLUMN)
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
    return header


def _rows(run: Run, label: str, header: Sequence[str]):
    history = run.history
    present = [c for c in header[4:] if history.has(c)]
    values = history.array(present).tolist()
    position = {c: i for i, c in enumerate(present)}
    index = [position.get(c) for c in header[4:]]
    fixed = (label, run.optimizer.name, run.function.name)
    for step, row in enumerate(values):
        yield (*fixed, step, *(repr(row[i]) if i is not None else "" for i in index))


def write_csv_stream(runs: Sequence[Run], stream: IO[str], labels: Sequence[str] | None = None) -> None:
    """Write the runs to an open text stream (for example standard output)."""
    labels = unique_labels(labels if labels is not None else [r.name for r in runs])
    header = header_for(runs)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    for run, label in zip(runs, labels, strict=True):
        writer.writerows(_rows(run, label, header))


def write_csv(runs: Sequence[Run], path, labels: Sequence[str] | None = None) -> Path:
    """Write the runs to ``path`` atomically; raises FileError (and leaves no file) if that fails."""
    return atomic_write(path, lambda stream: write_csv_stream(runs, stream, labels))


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
        raise FileError(f"cannot read {name}: {error.strerror or error}") from error
    except UnicodeDecodeError:
        raise FileError(f"cannot read {name}: it is not UTF-8 text") from None


def _parse(stream, name) -> list[CsvRun]:
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None or tuple(header[: len(BASE_HEADER)]) != BASE_HEADER:
        raise FileError(f"cannot read {name}: the header is not a GradStep trajectory header")
    runs: dict[str, tuple[str, str, list[int], list[list[str]]]] = {}
    for line, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise FileError(f"cannot read {name}: line {line} has {len(row)} cells, the header {len(header)}")
        label, optimizer, function, step, *numbers = row
        entry = runs.setdefault(label, (optimizer, function, [], []))
        try:
            entry[2].append(int(step))
        except ValueError:
            raise FileError(f"cannot read {name}: line {line}: step {step!r} is not a whole number") from None
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
            raise FileError(f"cannot read {source}: run {label!r}, column {column}: a cell is not a number") \
                from None
        if column in _NUMERIC and not all(math.isfinite(v) for v in columns[column]):
            raise FileError(f"cannot read {source}: run {label!r}, column {column}: a value is not finite")
    return CsvRun(label, optimizer, function, np.array(steps), columns)
