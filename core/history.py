"""Column-oriented record of a run: one float64 row per step, in one block that grows as needed.

A run of a million steps is a few tens of megabytes of contiguous floats, not a million dictionaries.
Rows are appended in bulk (`History.extend`) from the stepping loop, which gathers a few hundred steps in
a flat list first: a single numpy element write costs about 80 ns, a list append a tenth of that.

**Shared, never copied.**  `History.publish` hands out a read-only `HistoryView` of the rows recorded so
far *without copying them*: the window reads the very block the stepping thread writes.  That is safe
because a published row is never written again: appending writes past it, and a write at or before a
published row (a rewind, a refreshed last row) first moves the history to a new block (copy on write),
leaving the old one, unchanged, to whoever still holds a view of it.

**Streaming.**  A run of ten million steps written to a file needs none of them afterwards:
`History.drain` returns the rows recorded since the last drain and forgets all but the last two, so the
memory a headless run uses does not grow with its length (the step numbers carry on).
"""

from __future__ import annotations

import numpy as np

__all__ = ["History", "HistoryView"]


class HistoryView:
    """Steps ``first``..n-1 of a run, read-only, each a row of named float columns.

    columns: the column names, e.g. ("x", "y", "f", "grad_x", "grad_y", "v_x", "v_y").  Row k holds the
    point after k updates, f there, the gradient there, and the state after update k.  ``first`` is 0
    except in a drained streaming `History`.  Step numbers are absolute everywhere.
    """

    def __init__(self, columns, data: np.ndarray, size: int, first: int = 0):
        self.columns = tuple(columns)
        self._index = {name: i for i, name in enumerate(self.columns)}
        self._data = data
        self._size = size
        self._first = first

    def __len__(self) -> int:
        return self._first + self._size

    @property
    def first(self) -> int:
        """The oldest step still held (0 unless rows were drained)."""
        return self._first

    def has(self, name: str) -> bool:
        return name in self._index

    def column(self, name: str) -> np.ndarray:
        """A read-only view of one column over every row held."""
        view = self._data[: self._size, self._index[name]]
        view.flags.writeable = False
        return view

    def row(self, k: int) -> dict[str, float]:
        """Row k as {column: float}; negative k counts from the end."""
        n = len(self)
        if not -self._size <= (k - n if k >= 0 else k) < 0:
            raise IndexError(f"step {k} is not held (steps {self._first}..{n - 1})")
        index = (k - self._first) if k >= 0 else self._size + k
        return dict(zip(self.columns, self._data[index].tolist(), strict=True))

    def array(self, names=None, start: int = 0) -> np.ndarray:
        """A copy of rows start..n-1 (all held rows by default), all columns or just ``names`` in order."""
        block = self._data[max(start - self._first, 0): self._size]
        if names is None:
            return block.copy()
        return block[:, [self._index[n] for n in names]]

    def points(self) -> np.ndarray:
        """The (n, 2) array of recorded x, y (a copy)."""
        return self.array(("x", "y"))

    @property
    def nbytes(self) -> int:
        """Bytes of the block this view reads (shared with others: count it once)."""
        return self._data.nbytes


class History(HistoryView):
    """The writable record a `core.run.Run` keeps; see the module docstring for sharing and streaming.

    limit: the most rows it will ever hold (a run's step limit + 1), so that growth stops there instead
    of doubling past it; None for no limit.
    """

    def __init__(self, columns, capacity: int = 64, limit: int | None = None):
        columns = tuple(columns)
        super().__init__(columns, np.empty((max(int(capacity), 1), len(columns))), 0)
        self.limit = limit
        self._published = 0  # rows of the current block that readers may hold: never written again
        self._drained = 0  # absolute step up to which drain() has returned rows

    @classmethod
    def from_view(cls, view: HistoryView, limit: int | None = None) -> History:
        """A history going on from a published view (an undone change brings a run back): it shares the
        view's rows, and its first write moves it to a block of its own, as every published row stays."""
        history = cls(view.columns, capacity=1, limit=limit)
        history._data, history._size, history._first = view._data, view._size, view._first
        history._published = view._size
        history._drained = len(view)
        return history

    @property
    def capacity(self) -> int:
        return self._data.shape[0]

    def _reserve(self, rows: int) -> None:
        """Room for ``rows`` more rows, in a block nobody else reads where the writes will go."""
        needed = self._size + rows
        shared = self._size < self._published  # the next write would land on a published row
        if needed <= self.capacity and not shared:
            return
        capacity = self.capacity
        while capacity < needed:
            capacity *= 2
        if self.limit is not None:
            capacity = max(needed, min(capacity, self.limit))
        grown = np.empty((capacity, len(self.columns)))
        grown[: self._size] = self._data[: self._size]
        self._data = grown
        self._published = 0

    def append(self, row) -> None:
        """Append one row (a sequence of floats in column order)."""
        self.extend(row, 1)

    def extend(self, flat, rows: int) -> None:
        """Append ``rows`` rows given as one flat sequence of floats, row after row."""
        if rows <= 0:
            return
        if len(flat) != rows * len(self.columns):
            raise ValueError(f"expected {rows * len(self.columns)} values for {rows} rows, got {len(flat)}")
        self._reserve(rows)
        start = self._size * len(self.columns)
        self._data.reshape(-1)[start: start + len(flat)] = flat
        self._size += rows

    def truncate(self, size: int) -> None:
        """Keep steps 0..size-1 and forget the rest (capacity is kept for the steps that follow)."""
        if not self._first <= size <= len(self):
            raise IndexError(f"cannot truncate a history of steps {self._first}..{len(self) - 1} to {size} rows")
        self._size = size - self._first
        self._drained = min(self._drained, size)

    def add_columns(self, names, values, at: int | None = None) -> None:
        """Insert columns before column number ``at`` (at the end by default); ``values`` holds one sequence
        per name, a float for every row held.  The rows move to a new block, so views already published
        keep the old one."""
        names, width = tuple(names), len(self.columns)
        at = width if at is None else at
        grown = np.empty((self.capacity, width + len(names)))
        grown[: self._size, :at] = self._data[: self._size, :at]
        grown[: self._size, at + len(names):] = self._data[: self._size, at:]
        for j, column in enumerate(values, start=at):
            grown[: self._size, j] = column
        self.columns = self.columns[:at] + names + self.columns[at:]
        self._index = {name: i for i, name in enumerate(self.columns)}
        self._data = grown
        self._published = 0

    def publish(self) -> HistoryView:
        """A read-only view of every row held, sharing this history's memory (see the module docstring)."""
        self._published = max(self._published, self._size)
        view = self._data[: self._size]
        view.flags.writeable = False  # the view only: this history still writes the block past it
        return HistoryView(self.columns, view, self._size, self._first)

    def drain(self, keep: int = 2) -> np.ndarray:
        """The rows recorded since the last drain (a copy), then forget all but the last ``keep`` rows.

        For streaming: the caller writes the rows out; the run still reads its last rows to go on.
        """
        start = max(self._drained - self._first, 0)
        rows = self._data[start: self._size].copy()
        self._drained = len(self)
        drop = max(self._size - keep, 0)
        if drop:
            kept = self._data[drop: self._size].copy()
            if self._published:  # never move rows under a reader: take a fresh block
                self._data = np.empty_like(self._data)
                self._published = 0
            self._data[: len(kept)] = kept
            self._first += drop
            self._size -= drop
        return rows
