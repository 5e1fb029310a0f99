"""Column-oriented record of a run: one float64 row per step, in one block that grows by doubling.

A run of a million steps is a few tens of megabytes of contiguous floats, not a million dictionaries.
Rows are appended in bulk (`extend`) from the stepping loop, which gathers a few hundred steps in a flat
list first: a single numpy element write costs about 80 ns, a list append a tenth of that.
"""

from __future__ import annotations

import numpy as np

__all__ = ["History"]


class History:
    """Steps 0..n-1 of a run, each a row of named float columns.

    columns: the column names, e.g. ("x", "y", "f", "grad_x", "grad_y", "v_x", "v_y").
    Row k holds the point after k updates, f there, the gradient there, and the state after update k.
    """

    def __init__(self, columns, capacity: int = 64):
        self.columns = tuple(columns)
        self._index = {name: i for i, name in enumerate(self.columns)}
        self._data = np.empty((max(int(capacity), 1), len(self.columns)))
        self._size = 0

    def __len__(self) -> int:
        return self._size

    @property
    def capacity(self) -> int:
        return self._data.shape[0]

    def _reserve(self, rows: int) -> None:
        needed = self._size + rows
        if needed <= self.capacity:
            return
        capacity = self.capacity
        while capacity < needed:
            capacity *= 2
        grown = np.empty((capacity, len(self.columns)))
        grown[: self._size] = self._data[: self._size]
        self._data = grown

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
        """Keep rows 0..size-1 and forget the rest (capacity is kept for the steps that follow)."""
        if not 0 <= size <= self._size:
            raise IndexError(f"cannot truncate a history of {self._size} rows to {size}")
        self._size = size

    def column(self, name: str) -> np.ndarray:
        """A read-only view of one column over all recorded rows."""
        view = self._data[: self._size, self._index[name]]
        view.flags.writeable = False
        return view

    def has(self, name: str) -> bool:
        return name in self._index

    def row(self, k: int) -> dict[str, float]:
        """Row k as {column: float}; negative k counts from the end."""
        if not -self._size <= k < self._size:
            raise IndexError(f"step {k} is not recorded (0..{self._size - 1})")
        return dict(zip(self.columns, self._data[k % self._size].tolist(), strict=True))

    def array(self, names=None, start: int = 0) -> np.ndarray:
        """A copy of rows start..n-1 (all by default), all columns or just ``names`` in that order."""
        block = self._data[start: self._size]
        if names is None:
            return block.copy()
        return block[:, [self._index[n] for n in names]]

    def points(self) -> np.ndarray:
        """The (n, 2) array of recorded x, y (a copy)."""
        return self.array(("x", "y"))
