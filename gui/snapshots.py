"""What the stepping worker tells the window: immutable snapshots of every run.

A snapshot carries, per run, only the rows the window does not have yet (``first`` says from which step
they replace what it has), so a thousand steps between two frames cost one array copy, and a step back
costs one row.  Every array in a snapshot is a private, read-only copy: the worker never shares memory
it will write again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.functions import Objective
from core.optimizers import Optimizer
from core.run import Stop

__all__ = ["RunDelta", "Snapshot"]


@dataclass(frozen=True)
class RunDelta:
    """The state of one run, and the rows of its history the window lacks.

    rows: shape (m, len(columns)), the steps first..first+m-1; the window drops its rows from ``first``
    on and appends these.  step: the run's newest step.  preview: the position the next step would
    reach, or None when the run cannot step.  generation changes whenever the run restarts from step 0
    (new function, start, kind of optimizer, reset).
    """

    run_id: int
    generation: int
    columns: tuple[str, ...]
    first: int
    rows: np.ndarray
    step: int
    stop: Stop | None
    optimizer: Optimizer
    function: Objective
    start: tuple[float, float]
    preview: tuple[float, float] | None
    segments: tuple = ()  # Run.segments: which settings made which updates


@dataclass(frozen=True)
class Snapshot:
    """All runs, in the worker's order, and whether it is playing."""

    serial: int
    playing: bool
    runs: tuple[RunDelta, ...]

    def run(self, run_id: int) -> RunDelta | None:
        for delta in self.runs:
            if delta.run_id == run_id:
                return delta
        return None


def frozen_copy(array: np.ndarray) -> np.ndarray:
    copy = np.array(array, dtype=np.float64, copy=True)
    copy.flags.writeable = False
    return copy
