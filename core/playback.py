"""Playing runs side by side: lockstep, the step on view, replaying, stopping. Plain Python, no Qt.

A class watches several runs of one function at once, so the window shows them all at one step, *the
step on view*.  `Playback` keeps that step and the runs, and every command of the transport is a method:

* **Step** moves the step on view forward by one.  Where a shown run already has that step recorded
  (the class is looking at the past), it is replayed, not recomputed; only a run that has not reached it
  computes it.  So the step on view is always a step every shown, unstopped run has.
* **Step back** moves the step on view back by one.  Nothing is discarded: what the class has seen stays.
* **Play** is Step repeated at a speed (`advance` by many steps at once); it ends by itself when nothing
  can move any more (every shown run has stopped and the last recorded step is on view).
* History is cut only when a setting changes at an earlier step than a run's newest (the new setting
  applies from the step on view, so the later steps it did not make are dropped), or on an explicit
  `continue_here` (Run ▸ Continue from the step on view).
* A run that starts from scratch (added, or restarted by a new kind of optimizer or a new start) puts the
  step on view back to 0: the class watches every run from the start again, the others replaying
  their recorded steps.  A hidden run shown again catches up to the step on view at once.  Either way
  the runs stay in lockstep.

`gui.worker.StepWorker` is the thin QThread/QTimer shell around this; tests drive it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from .functions import Objective
from .optimizers import Optimizer
from .run import Run
from .settings import DEFAULT_MAX_STEPS, DEFAULT_TOL

__all__ = ["Options", "Playback", "RunSetup"]


@dataclass(frozen=True)
class Options:
    """Settings shared by all runs: lecture-notes rounding, step limit, convergence tolerance."""

    decimals: int | None = 4
    max_steps: int = DEFAULT_MAX_STEPS
    tol: float = DEFAULT_TOL


@dataclass(frozen=True)
class RunSetup:
    """What it takes to create a run."""

    run_id: int
    name: str
    optimizer: Optimizer
    start: tuple[float, float]
    visible: bool = True


class Playback:
    """Runs of one function in lockstep around a step on view (see the module docstring)."""

    def __init__(self, function: Objective, options: Options = Options()):
        self.function, self.options = function, options
        self.runs: dict[int, Run] = {}
        self.visible: dict[int, bool] = {}
        self.view = 0

    # -- what is on view -------------------------------------------------------------------------------
    def shown(self) -> list[Run]:
        return [run for run_id, run in self.runs.items() if self.visible[run_id]]

    def newest(self) -> int:
        """The last step any shown run has recorded (0 with none shown)."""
        return max((run.step for run in self.shown()), default=0)

    def can_move(self) -> bool:
        """Whether Step would change anything: a recorded step ahead, or a shown run that can go on."""
        return self.view < self.newest() or any(run.stop is None for run in self.shown())

    # -- the runs --------------------------------------------------------------------------------------
    def load(self, function: Objective, options: Options, setups) -> None:
        """Replace every run (a lesson, a session): all at step 0."""
        self.function, self.options = function, options
        self.runs.clear()
        self.visible.clear()
        self.view = 0
        for setup in setups:
            self._create(setup)

    def _create(self, setup: RunSetup) -> Run:
        o = self.options
        run = Run(self.function, setup.optimizer, setup.start, decimals=o.decimals, max_steps=o.max_steps,
                  tol=o.tol, name=setup.name)
        self.runs[setup.run_id] = run
        self.visible[setup.run_id] = setup.visible
        return run

    def add(self, setup: RunSetup) -> None:
        """A new run at its start; the step on view goes back to 0 (see the module docstring)."""
        self._create(setup)
        if setup.visible:
            self.view = 0

    def remove(self, run_id: int) -> None:
        self.runs.pop(run_id, None)
        self.visible.pop(run_id, None)
        self.view = min(self.view, self.newest())

    def configure(self, run_id: int, name: str | None = None, optimizer: Optimizer | None = None,
                  start=None) -> None:
        """Change one run.  Its steps after the step on view are dropped first (they were not made with
        the new setting); a new kind of optimizer or a new start restarts it, and the step on view goes
        back to 0."""
        run = self.runs[run_id]
        if name is not None:
            run.name = name
        if optimizer is None and start is None:
            return
        if run.step > self.view and (start is None and (optimizer is None or type(optimizer) is type(run.optimizer))):
            run.rewind(self.view)
        if run.configure(optimizer=optimizer, start=start) and self.visible[run_id]:
            self.view = 0

    def set_function(self, function: Objective) -> None:
        """Another function: every run starts again from the function's default start, at step 0."""
        self.function = function
        for run in self.runs.values():
            run.configure(function=function, start=function.start)
        self.view = 0

    def set_options(self, options: Options) -> None:
        """Rounding, step limit and tolerance for every run.  A new rounding applies from the step on
        view (later steps are dropped); a step limit below a run's newest step cuts it there."""
        old, self.options = self.options, options
        for run in self.runs.values():
            if options.decimals != old.decimals and run.step > self.view:
                run.rewind(self.view)
            if run.step > options.max_steps:
                run.rewind(options.max_steps)
            run.configure(decimals=options.decimals, max_steps=options.max_steps, tol=options.tol)
        self.view = min(self.view, self.newest())

    def set_visible(self, run_id: int, visible: bool) -> None:
        if run_id not in self.runs:
            return
        self.visible[run_id] = visible
        if visible:
            self._catch_up(self.runs[run_id])
        self.view = min(self.view, self.newest())

    # -- the transport ---------------------------------------------------------------------------------
    def advance(self, count: int = 1) -> int:
        """Move the step on view forward by up to ``count``, replaying recorded steps and computing the
        rest; returns how far it moved (0: nothing can move)."""
        target = self.view + max(int(count), 0)
        for run in self.shown():
            if run.stop is None and run.step < target:
                run.advance(target - run.step)
        moved = min(target, self.newest()) - self.view
        self.view += max(moved, 0)
        return max(moved, 0)

    def step_back(self) -> bool:
        """The step on view back by one; False at step 0.  Nothing is discarded."""
        if self.view == 0:
            return False
        self.view -= 1
        return True

    def set_view(self, step: int) -> None:
        """Look at any recorded step (clamped to 0..newest)."""
        self.view = min(max(int(step), 0), self.newest())

    def continue_here(self) -> None:
        """Drop every shown run's steps after the step on view: stepping goes on from here."""
        for run in self.shown():
            if run.step > self.view:
                run.rewind(self.view)

    def reset(self) -> None:
        """Every run back to its start, the step on view to 0."""
        for run in self.runs.values():
            run.reset()
        self.view = 0

    # -- undo ------------------------------------------------------------------------------------------
    def memento(self) -> tuple:
        """Everything, to be brought back by `restore` (shares every history: nothing is copied)."""
        runs = {run_id: run.memento() for run_id, run in self.runs.items()}
        return self.function, self.options, runs, dict(self.visible), self.view

    def restore(self, memento: tuple) -> None:
        self.function, self.options, runs, visible, self.view = memento
        self.runs = {run_id: Run.restored(state) for run_id, state in runs.items()}
        self.visible = dict(visible)

    def _catch_up(self, run: Run) -> None:
        if run.stop is None and run.step < self.view:
            run.advance(self.view - run.step)
