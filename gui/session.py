"""The window's side of the session: settings it sends to the worker, and its mirror of every run.

The worker owns the `core.run.Run` objects; the window never touches them.  It keeps, per run, a
`RunEntry`: what the user set (name, colour, optimizer, start, visibility) and a `core.history.History`
rebuilt from the worker's snapshots.  A RunEntry has the attributes `core.trajectory_csv` reads from a
run (name, optimizer, function, history), so exporting from the window is the core's own export.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.functions import Objective
from core.history import History
from core.optimizers import Optimizer
from core.run import DEFAULT_MAX_STEPS, DEFAULT_TOL, Stop, optimizer_in_effect

from .snapshots import RunDelta

__all__ = ["GUI_MAX_STEPS", "Options", "RunEntry", "RunSetup"]

#: The window keeps two copies of each history (worker and mirror); a million steps is plenty for a class.
GUI_MAX_STEPS = 1_000_000


@dataclass(frozen=True)
class Options:
    """Settings shared by all runs: lecture-notes rounding, step limit, convergence tolerance."""

    decimals: int | None = 4
    max_steps: int = DEFAULT_MAX_STEPS
    tol: float = DEFAULT_TOL


@dataclass(frozen=True)
class RunSetup:
    """What the worker needs to create a run."""

    run_id: int
    name: str
    optimizer: Optimizer
    start: tuple[float, float]
    visible: bool = True


@dataclass(eq=False)
class RunEntry:
    """One run as the window knows it."""

    run_id: int
    name: str
    color: str
    optimizer: Optimizer
    start: tuple[float, float]
    function: Objective
    visible: bool = True
    history: History | None = None
    generation: int = -1
    stop: Stop | None = None
    preview: tuple[float, float] | None = None
    segments: tuple = ()  # (first update, optimizer) records, as the worker's Run keeps them
    revision: int = 0  # counts changes to the mirrored rows, so views can tell what they already drew

    def setup(self) -> RunSetup:
        return RunSetup(self.run_id, self.name, self.optimizer, self.start, self.visible)

    @property
    def step(self) -> int:
        return -1 if self.history is None else len(self.history) - 1

    def apply(self, delta: RunDelta) -> None:
        """Bring the mirror up to date with a snapshot of this run."""
        if self.history is None or delta.generation != self.generation or self.history.columns != delta.columns:
            self.history = History(delta.columns, capacity=max(64, len(delta.rows)))
            self.generation = delta.generation
            self.revision += 1
            if delta.first != 0:
                raise ValueError("a restarted run must be sent from step 0")
        if len(delta.rows) or delta.first < len(self.history):
            self.history.truncate(min(delta.first, len(self.history)))
            self.history.extend(np.ravel(delta.rows), len(delta.rows))
            self.revision += 1
        # name, optimizer and start stay as the user set them here: a snapshot sent before the worker
        # saw the latest edit must not undo it
        self.stop, self.preview, self.segments = delta.stop, delta.preview, delta.segments

    def optimizer_for(self, update: int) -> Optimizer:
        """The settings that made update ``update`` (the current ones before the worker has reported)."""
        return optimizer_in_effect(self.segments, update) if self.segments else self.optimizer

    def status_text(self) -> str:
        if self.history is None:
            return "not started"
        if self.stop is None:
            return f"step {self.step}"
        return str(self.stop)
