"""The window's side of the runs: what the user set for each, and a mirror of what the worker reports.

The worker owns the `core.run.Run` objects (through `core.playback.Playback`); the window never touches
them.  It keeps, per run, a `RunEntry`: what the user set (name, colour, optimizer, start, visibility)
and the latest snapshot of the run: its history (a read-only view sharing the worker's memory), stop,
preview and the settings that made its steps.  A RunEntry has the attributes `core.trajectory_csv`
reads from a run (name, optimizer, function, history), so exporting from the window is the core's own
export.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from core.functions import Objective
from core.history import HistoryView
from core.optimizers import Optimizer
from core.playback import Options, RunSetup
from core.run import Stop, optimizer_in_effect

from .snapshots import RunDelta

__all__ = ["GUI_MAX_STEPS", "Options", "RunEntry", "RunSetup"]

#: The most steps a run keeps in the window: a million steps is plenty for a class, and six runs of a
#: million steps already hold a few hundred megabytes.
GUI_MAX_STEPS = 1_000_000


@dataclass(eq=False)
class RunEntry:
    """One run as the window knows it.

    optimizer and start are what the user set (they may be ahead of the worker for a moment);
    ``recorded`` is the optimizer the worker's run had at the latest snapshot, the one to read the
    recorded history with (its state columns).
    """

    run_id: int
    name: str
    color: str
    optimizer: Optimizer
    start: tuple[float, float]
    function: Objective
    visible: bool = True
    history: HistoryView | None = None
    generation: int = -1
    stop: Stop | None = None
    preview: tuple[float, float] | None = None
    segments: tuple = ()  # (first update, optimizer) records, as the worker's Run keeps them
    recorded: Optimizer | None = None
    revision: int = 0  # counts changes to the mirrored rows, so views can tell what they already drew
    changed_from: int | None = None  # rows from here on changed since the history table last took them

    def setup(self) -> RunSetup:
        return RunSetup(self.run_id, self.name, self.optimizer, self.start, self.visible)

    @property
    def step(self) -> int:
        return -1 if self.history is None else len(self.history) - 1

    def apply(self, delta: RunDelta) -> None:
        """Bring the mirror up to date with a snapshot of this run."""
        regenerated = self.history is None or delta.generation != self.generation
        first = 0 if regenerated else delta.first
        if regenerated or first < len(delta.history) or len(delta.history) != len(self.history):
            self.revision += 1
            self.changed_from = first if self.changed_from is None else min(self.changed_from, first)
        self.history, self.generation = delta.history, delta.generation
        # name, optimizer and start stay as the user set them here: a snapshot sent before the worker
        # saw the latest edit must not undo it
        self.stop, self.preview, self.segments, self.recorded = delta.stop, delta.preview, delta.segments, \
            delta.optimizer

    def take_changes(self) -> int | None:
        """The first changed row since the last call (None: nothing changed), for the history table."""
        first, self.changed_from = self.changed_from, None
        return first

    def optimizer_for(self, update: int) -> Optimizer:
        """The settings that made update ``update`` (the recorded ones before the worker has reported)."""
        if self.segments:
            return optimizer_in_effect(self.segments, update)
        return self.recorded or self.optimizer

    def status_text(self) -> str:
        translate = QCoreApplication.translate
        if self.history is None:
            return translate("RunEntry", "not started")
        if self.stop is None:
            return translate("RunEntry", "step {k}").format(k=self.step)
        return str(self.stop)
