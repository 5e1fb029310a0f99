"""A run: one optimizer walking one function from one start point, with its whole history.

The stepping loop works on Python floats (a numpy call on a 2-element array costs about a microsecond;
float arithmetic a few tens of nanoseconds) and calls the optimizer's per-coordinate ``rule`` twice per
step, the same rule that `Optimizer.update` and `core.batch` apply to arrays.  Each step is recorded in
a `History`; a run can rewind to any recorded step and go on from there, with changed settings if asked.
"""

from __future__ import annotations

import math

import numpy as np

from .functions import Objective
from .history import History, HistoryView
from .hyper import InvalidValue
from .i18n import N_, _
from .numerics import FloatOps
from .optimizers import Optimizer
from .settings import DEFAULT_MAX_STEPS, DEFAULT_TOL, DIVERGENCE_BOUND, MAX_STEPS, START, TOL
from .stepping import LR_COLUMN, NOISY_COLUMNS, Stop, StopReason, chunk_extras, step_floats

__all__ = ["BASE_COLUMNS", "DIVERGENCE_BOUND", "LR_COLUMN", "NOISY_COLUMNS", "Run", "Stop", "StopReason",
           "check_start", "extra_columns", "optimizer_in_effect"]

BASE_COLUMNS = ("x", "y", "f", "grad_x", "grad_y")
_OPS = FloatOps()  # the functions' arithmetic (rounding is the optimizer's business)
_CHUNK = 512  # steps gathered in a list before they are copied into the history's numpy block


def _check_count(value, what: str, low: int) -> int:
    """``value`` as an int if it is a whole number ≥ ``low``; ``what`` (marked with N_) names it if not."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise InvalidValue(_("{label} must be a whole number ≥ {low}, got {value}").format(
            label=_(what), low=low, value=repr(value)))
    return int(value)


def optimizer_in_effect(segments, update: int) -> Optimizer:
    """From (first update, optimizer) records in order, the optimizer that makes update ``update``."""
    chosen = segments[0][1]
    for first, optimizer in segments:
        if first <= update:
            chosen = optimizer
    return chosen


def extra_columns(optimizer: Optimizer) -> tuple[str, ...]:
    """The columns a run records after the state for these settings: row k's noisy gradient and the
    learning rate in effect, both the ones update k + 1 uses."""
    noisy = NOISY_COLUMNS if optimizer.noise is not None else ()
    return noisy + (() if optimizer.schedule.is_constant else (LR_COLUMN,))


def check_start(start) -> tuple[float, float]:
    """Return ``start`` as a pair of floats, or raise InvalidValue if it is not a finite point in bounds."""
    return START.check(start)


class Run:
    """One optimizer on one function from one start point, recording every step.

    decimals: lecture-notes rounding (None: none); rounds the gradient here, and inside the optimizer
    exactly where the notes do (the notes' six optimizers only).  The optimizer's noise is added here to
    the gradient each update uses (`core.noise`), and its schedule sets each update's learning rate; with
    either set the history has `extra_columns`, which stay once added (until a restart).
    max_steps: the step limit.  tol: the run has converged when both the
    gradient norm and the length of the last step are below it (the second part keeps a run with
    momentum going while it coasts through a point of zero gradient); 0 disables convergence.
    """

    def __init__(self, function: Objective, optimizer: Optimizer, start=(0.0, 0.0), *, decimals=None,
                 max_steps: int = DEFAULT_MAX_STEPS, tol: float = DEFAULT_TOL, name: str = "run"):
        self.name = name
        self.function = function
        self.max_steps = MAX_STEPS.check(max_steps)
        self.tol = TOL.check(tol)
        self.start = START.check(start)
        self._optimizer = optimizer.replace(decimals=decimals)
        self.stop: Stop | None = None
        self.generation = -1  # counts restarts from step 0 (a new history)
        self._begin()

    # -- configuration --------------------------------------------------------------------------------
    @property
    def optimizer(self) -> Optimizer:
        """The optimizer with its hyperparameters, carrying this run's rounding."""
        return self._optimizer

    @property
    def decimals(self) -> int | None:
        return self._optimizer.decimals

    @property
    def columns(self) -> tuple[str, ...]:
        return self.history.columns

    def _begin(self) -> None:
        """Start the history afresh at the start point (step 0: the initial state)."""
        opt = self._optimizer
        fields = [f"{name}_{axis}" for axis in "xy" for name in opt.fields]
        self.history = History(BASE_COLUMNS + tuple(fields) + (("t",) if opt.counts_steps else ()) +
                               extra_columns(opt), limit=self.max_steps + 1)
        self._segments = [(1, opt)]  # (first update, optimizer): which settings made which updates
        x, y = self.start
        gx, gy, ux, uy = self._gradients(x, y, 0)
        initial = opt.initial_fields()
        self._tail = (x, y, gx, gy, ux, uy, initial, initial, 0)
        f = self.function.value(x, y, _OPS)
        counted = (0.0,) if opt.counts_steps else ()
        self.history.append((x, y, f, gx, gy, *initial, *initial, *counted, *self._extras(ux, uy, 0)))
        self.generation += 1
        self._changed_from = 0  # the first recorded step rewritten since the last publish()
        self.stop = None
        if not math.isfinite(f + gx + gy):
            self.stop = Stop(StopReason.DIVERGED, 0)

    def _gradients(self, x: float, y: float, step: int) -> tuple[float, float, float, float]:
        """The gradient at the point after update ``step``, rounded as the notes round it there, and the
        gradient the next update uses: the same, or with this step's noise added before the rounding."""
        gx, gy = self.function.grad(x, y, _OPS)
        opt = self._optimizer
        r = opt.ops(step).round_grad
        true = (float(r(gx)), float(r(gy)))
        if opt.noise is None:
            return (*true, *true)
        zx, zy = (opt.noise.sigma * z for z in opt.noise.normals(step))
        return (*true, float(r(gx + float(zx[0]))), float(r(gy + float(zy[0]))))

    def _extras(self, ux: float, uy: float, step: int) -> tuple[float, ...]:
        """Row ``step``'s extra columns, in the history's order: the gradient and the rate update step+1 uses."""
        values = {NOISY_COLUMNS[0]: ux, NOISY_COLUMNS[1]: uy}
        extras = self.history.columns[self._extras_at():]
        if LR_COLUMN in extras:
            values[LR_COLUMN] = self._optimizer.learning_rate(step + 1)
        return tuple(values[c] for c in extras)

    def _extras_at(self) -> int:
        opt = self._optimizer
        return len(BASE_COLUMNS) + 2 * len(opt.fields) + (1 if opt.counts_steps else 0)

    def configure(self, *, optimizer: Optimizer | None = None, decimals="keep", max_steps=None, tol=None,
                  function: Objective | None = None, start=None) -> bool:
        """Change settings; returns True if the run started again from step 0.

        A different function, start point or kind of optimizer starts the run again from step 0.
        New hyperparameters or rounding take effect from the next step: the recorded steps stay, and
        the gradient at the current step is recomputed under the new rounding.  Every change clears
        the stop condition; the next `advance` checks it again.
        """
        new_decimals = self.decimals if decimals == "keep" else decimals
        new_opt = (optimizer or self._optimizer).replace(decimals=new_decimals)
        if max_steps is not None:
            self.max_steps = MAX_STEPS.check(max_steps)
            self.history.limit = self.max_steps + 1
        if tol is not None:
            self.tol = TOL.check(tol)
        restart = type(new_opt) is not type(self._optimizer)
        if function is not None and function is not self.function:
            self.function, restart = function, True
        if start is not None:
            self.start, restart = START.check(start), True
        changed = new_opt != self._optimizer
        self._optimizer = new_opt
        if restart:
            self._begin()
            return True
        self.stop = None
        self._settings_from(self.step + 1)
        self._add_columns()
        if changed:
            self._refresh_tail()
        return False

    def _add_columns(self) -> None:
        """Give the history the extra columns the current settings record, filling the rows held with what
        their updates used: the true gradient (no noise then) and the rate of the settings in effect."""
        missing = [c for c in extra_columns(self._optimizer) if not self.history.has(c)]
        if not missing:
            return
        first, end = self.history.first, len(self.history)
        values = {NOISY_COLUMNS[0]: self.history.column("grad_x").copy(),
                  NOISY_COLUMNS[1]: self.history.column("grad_y").copy()}
        if LR_COLUMN in missing:
            values[LR_COLUMN] = self._past_rates(first + 1, end + 1)
        # the noisy gradient goes before the rate, as in the CSV
        at = self._extras_at() + (0 if NOISY_COLUMNS[0] in missing else len(NOISY_COLUMNS) * self.history.has(
            NOISY_COLUMNS[0]))
        self.history.add_columns(missing, [values[c] for c in missing], at=at)
        self._changed_from = first

    def _past_rates(self, first: int, end: int) -> list[float]:
        """The learning rates updates first..end-1 used (or will use), each under its own settings."""
        rates: list[float] = []
        bounds = [update for update, _optimizer in self._segments[1:]] + [end]
        for (start, opt), stop in zip(self._segments, bounds, strict=True):
            low, high = max(start, first), min(stop, end)
            if high > low:
                rates += opt.learning_rates(low, high - low)
        return rates

    def _settings_from(self, update: int) -> None:
        """Record that the current optimizer makes updates from ``update`` on (dropping later records)."""
        segments = [s for s in self._segments if s[0] < update]
        if not segments or segments[-1][1] != self._optimizer:
            segments.append((update, self._optimizer))
        self._segments = segments

    def optimizer_for(self, update: int) -> Optimizer:
        """The optimizer, with the hyperparameters and rounding, that made update number ``update``
        (or will make it, for the next one): settings changed mid-run apply from the next update on."""
        return optimizer_in_effect(self._segments, update)

    @property
    def segments(self) -> tuple[tuple[int, Optimizer], ...]:
        """(first update, optimizer) for each stretch of updates made with one setting."""
        return tuple(self._segments)

    def _refresh_tail(self) -> None:
        """Recompute what the next update uses at the current step (the gradient, under the current
        rounding and noise, and the learning rate) and rewrite the step's row with it."""
        x, y, *_gradients, sx, sy, t = self._tail
        gx, gy, ux, uy = self._gradients(x, y, self.step)
        self._tail = (x, y, gx, gy, ux, uy, sx, sy, t)
        k = len(self.history) - 1
        row = self.history.row(k)
        row.update(grad_x=gx, grad_y=gy)
        row.update(zip(self.history.columns[self._extras_at():], self._extras(ux, uy, k), strict=True))
        self._changed_from = min(self._changed_from, k)
        self.history.truncate(k)
        self.history.append(tuple(row[c] for c in self.history.columns))

    # -- position ---------------------------------------------------------------------------------------
    @property
    def step(self) -> int:
        """The index of the newest recorded step (0 before any update)."""
        return len(self.history) - 1

    @property
    def stopped(self) -> bool:
        return self.stop is not None

    def rewind(self, k: int) -> None:
        """Go back to step k (0 <= k <= step): later steps are dropped and the run can go on from k."""
        k = _check_count(k, N_("the step to rewind to"), 0)
        if k > self.step:
            raise InvalidValue(_("cannot rewind to step {step}: the run is at step {newest}").format(
                step=k, newest=self.step))
        self.history.truncate(k + 1)
        self._changed_from = min(self._changed_from, k + 1)
        row = self.history.row(k)
        opt = self._optimizer
        sx = tuple(row[f"{name}_x"] for name in opt.fields)
        sy = tuple(row[f"{name}_y"] for name in opt.fields)
        t = int(row["t"]) if opt.counts_steps else k
        self._tail = (row["x"], row["y"], row["grad_x"], row["grad_y"], row["grad_x"], row["grad_y"], sx, sy, t)
        self.stop = None
        # the next update uses the current settings, so the current rounding of the gradient too
        self._settings_from(k + 1)
        self._refresh_tail()

    def step_back(self) -> bool:
        """Drop the newest step; False (and nothing changes) at step 0."""
        if self.step == 0:
            return False
        self.rewind(self.step - 1)
        return True

    def reset(self) -> None:
        """Back to step 0 at the start point, with the current settings."""
        self._begin()

    # -- undo ------------------------------------------------------------------------------------------
    def memento(self) -> dict:
        """Everything this run is, to be brought back by `restored` (an undone change): its settings and
        its history, shared read-only (nothing is copied)."""
        state = dict(self.__dict__)
        state["history"] = self.history.publish()
        state["_segments"] = list(self._segments)
        return state

    @classmethod
    def restored(cls, memento: dict) -> Run:
        """A run as it was when ``memento`` was taken; it goes on from there without touching the memento."""
        run = cls.__new__(cls)
        run.__dict__.update(memento)
        run.history = History.from_view(memento["history"], limit=memento["max_steps"] + 1)
        run._segments = list(memento["_segments"])
        run._changed_from = 0
        return run

    # -- reading -----------------------------------------------------------------------------------------
    def publish(self) -> tuple[HistoryView, int]:
        """The history so far, shared read-only (`History.publish`), and the first step whose row may
        differ from what the previous publish() of this generation showed (rewound or refreshed rows);
        at least the length of that previous view, so rows from there on are new or changed."""
        view = self.history.publish()
        first, self._changed_from = self._changed_from, len(view)
        return view, first

    def state_at(self, k: int):
        """The optimizer's state after update k, as its State NamedTuple ((2,) arrays; ``t`` an int)."""
        return self._optimizer.state_from_row(self.history.row(k))

    def params_at(self, k: int) -> np.ndarray:
        row = self.history.row(k)
        return np.array([row["x"], row["y"]])

    def grad_at(self, k: int) -> np.ndarray:
        """The true gradient at step k (rounded where the notes round it)."""
        row = self.history.row(k)
        return np.array([row["grad_x"], row["grad_y"]])

    def used_grad_at(self, k: int) -> np.ndarray:
        """The gradient update k + 1 uses: the noisy one where noise is recorded, else the true one."""
        names = NOISY_COLUMNS if self.history.has(NOISY_COLUMNS[0]) else ("grad_x", "grad_y")
        row = self.history.row(k)
        return np.array([row[names[0]], row[names[1]]])

    def preview(self):
        """The update that the next step would make, without making it: ``(params, state)``."""
        k = self.step
        return self._optimizer.update(self.used_grad_at(k), self.state_at(k), self.params_at(k), number=k + 1)

    def converged_at_tail(self) -> bool:
        x, y, gx, gy = self._tail[:4]
        if self.step == 0:
            moved = 0.0
        else:
            prev = self.history.row(self.step - 1)
            moved = (x - prev["x"]) ** 2 + (y - prev["y"]) ** 2
        tol2 = self.tol * self.tol
        return gx * gx + gy * gy < tol2 and moved < tol2

    # -- stepping ----------------------------------------------------------------------------------------
    def advance(self, n: int = 1) -> int:
        """Take up to n steps; returns how many were taken.

        Stops early, setting `stop`, at the step limit, on convergence or on divergence.  A run that has
        stopped takes no steps until it is rewound, reset or reconfigured.  Never raises for
        numerical trouble: a step that produces a non-finite value or leaves the bounded region is
        dropped and recorded as the divergence step.
        """
        n = _check_count(n, N_("the number of steps"), 0)
        if self.stop is not None or n == 0:
            return 0
        if self.step >= self.max_steps:
            self.stop = Stop(StopReason.STEP_LIMIT, self.step)
            return 0
        if self.converged_at_tail():
            self.stop = Stop(StopReason.CONVERGED, self.step)
            return 0
        taken = 0
        todo = min(n, self.max_steps - self.step)
        while taken < todo and self.stop is None:
            taken += self._advance_chunk(min(_CHUNK, todo - taken))
        if self.stop is None and self.step >= self.max_steps:
            self.stop = Stop(StopReason.STEP_LIMIT, self.step)
        return taken

    def _advance_chunk(self, n: int) -> int:
        """Up to n steps on Python floats (`core.stepping`), appended to the history in one block."""
        names = self.history.columns[self._extras_at():]
        noise, extras = chunk_extras(self._optimizer, names, self._tail[-1], n)
        rows, taken, self.stop, self._tail = step_floats(self.function, self._optimizer, self._tail, n, self.step,
                                                         self.tol, noise, extras)
        self.history.extend(rows, taken)
        return taken
