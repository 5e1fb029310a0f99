"""What the stepping worker tells the window: immutable snapshots of every run.

A snapshot carries, per run, a read-only view of its whole history that *shares* the worker's memory
(`core.history.History.publish`: a published row is never written again, so nothing needs copying) and
``first``, the first step whose row differs from the previous snapshot's, so the window redraws only what
changed.  One copy of every history exists, however long the runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.functions import Objective
from core.history import HistoryView
from core.optimizers import Optimizer
from core.run import Stop

__all__ = ["RunDelta", "Snapshot"]


@dataclass(frozen=True)
class RunDelta:
    """The state of one run.

    history: every recorded step, read-only.  first: rows from this step on are new or changed since the
    previous snapshot of the same generation.  generation changes whenever the run restarts from step 0
    (new function, start, kind of optimizer, reset).  optimizer: the settings the worker's run has now;
    segments: which settings made which updates.  preview: the position the next step would reach, or
    None when the run cannot step.
    """

    run_id: int
    generation: int
    history: HistoryView
    first: int
    stop: Stop | None
    optimizer: Optimizer
    start: tuple[float, float]
    preview: tuple[float, float] | None
    segments: tuple = ()
    name: str = ""

    @property
    def step(self) -> int:
        return len(self.history) - 1


@dataclass(frozen=True)
class Snapshot:
    """All runs, in the worker's order; whether it is playing; the step on view.

    commands_done: how many of the window's commands the worker had carried out when it took this
    snapshot (the window compares it with how many it sent, to know whether its latest command shows).
    """

    serial: int
    commands_done: int
    playing: bool
    view: int
    function: Objective
    runs: tuple[RunDelta, ...]

    def run(self, run_id: int) -> RunDelta | None:
        for delta in self.runs:
            if delta.run_id == run_id:
                return delta
        return None
