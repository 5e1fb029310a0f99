"""A run: one optimizer walking one function from one start point, with its whole history.

The stepping loop works on Python floats (a numpy call on a 2-element array costs about a microsecond;
float arithmetic a few tens of nanoseconds) and calls the optimizer's per-coordinate ``rule`` twice per
step, the same rule that `Optimizer.update` and `core.batch` apply to arrays.  Each step is recorded in
a `History`; a run can rewind to any recorded step and go on from there, with changed settings if asked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np

from .functions import Objective
from .history import History, HistoryView
from .hyper import InvalidValue
from .numerics import FloatOps
from .optimizers import Optimizer
from .settings import DEFAULT_MAX_STEPS, DEFAULT_TOL, DIVERGENCE_BOUND, MAX_STEPS, START, TOL

__all__ = ["BASE_COLUMNS", "DIVERGENCE_BOUND", "Run", "Stop", "StopReason", "check_start", "optimizer_in_effect"]

BASE_COLUMNS = ("x", "y", "f", "grad_x", "grad_y")
_OPS = FloatOps()  # the functions' arithmetic (rounding is the optimizer's business)
_CHUNK = 512  # steps gathered in a list before they are copied into the history's numpy block


class StopReason(Enum):
    STEP_LIMIT = "step limit reached"
    CONVERGED = "converged"
    DIVERGED = "diverged"


@dataclass(frozen=True)
class Stop:
    """Why a run stopped, and at which step.

    For DIVERGED, ``step`` is the update that produced a non-finite value or left the bounded region;
    that step is not recorded, so the history ends at ``step - 1``.  Otherwise ``step`` is the last
    recorded step.
    """

    reason: StopReason
    step: int

    def __str__(self) -> str:
        if self.reason is StopReason.STEP_LIMIT:
            return f"step limit reached at step {self.step}"
        return f"{self.reason.value} at step {self.step}"


def _check_count(value, what: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise InvalidValue(f"{what} must be a whole number ≥ {low}, got {value!r}")
    return int(value)


def optimizer_in_effect(segments, update: int) -> Optimizer:
    """From (first update, optimizer) records in order, the optimizer that makes update ``update``."""
    chosen = segments[0][1]
    for first, optimizer in segments:
        if first <= update:
            chosen = optimizer
    return chosen


def check_start(start) -> tuple[float, float]:
    """Return ``start`` as a pair of floats, or raise InvalidValue if it is not a finite point in bounds."""
    return START.check(start)


class Run:
    """One optimizer on one function from one start point, recording every step.

    decimals: lecture-notes rounding (None: none); rounds the gradient here, and inside the optimizer
    exactly where the notes do.  max_steps: the step limit.  tol: the run has converged when both the
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
        self.history = History(BASE_COLUMNS + tuple(fields) + (("t",) if opt.counts_steps else ()),
                               limit=self.max_steps + 1)
        x, y = self.start
        gx, gy = self._gradient(x, y, 0)
        initial = opt.initial_fields()
        self._tail = (x, y, gx, gy, initial, initial, 0)
        f = self.function.value(x, y, _OPS)
        self.history.append((x, y, f, gx, gy) + initial + initial + ((0.0,) if opt.counts_steps else ()))
        self._segments = [(1, opt)]  # (first update, optimizer): which settings made which updates
        self.generation += 1
        self._changed_from = 0  # the first recorded step rewritten since the last publish()
        self.stop = None
        if not math.isfinite(f + gx + gy):
            self.stop = Stop(StopReason.DIVERGED, 0)

    def _gradient(self, x: float, y: float, step: int) -> tuple[float, float]:
        """The gradient at the point after update ``step``, rounded as the notes round it there."""
        gx, gy = self.function.grad(x, y, _OPS)
        r = self._optimizer.ops(step).round_grad
        return float(r(gx)), float(r(gy))

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
        rounding_changed = new_opt.decimals != self.decimals
        self._optimizer = new_opt
        if restart:
            self._begin()
            return True
        self.stop = None
        self._settings_from(self.step + 1)
        if rounding_changed:
            self._refresh_tail()
        return False

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
        """Recompute the current step's gradient (the one the next update uses) under the current rounding."""
        x, y, _, _, sx, sy, t = self._tail
        gx, gy = self._gradient(x, y, self.step)
        self._tail = (x, y, gx, gy, sx, sy, t)
        k = len(self.history) - 1
        row = self.history.row(k)
        row.update(grad_x=gx, grad_y=gy)
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
        k = _check_count(k, "the step to rewind to", 0)
        if k > self.step:
            raise InvalidValue(f"cannot rewind to step {k}: the run is at step {self.step}")
        self.history.truncate(k + 1)
        self._changed_from = min(self._changed_from, k + 1)
        row = self.history.row(k)
        opt = self._optimizer
        sx = tuple(row[f"{name}_x"] for name in opt.fields)
        sy = tuple(row[f"{name}_y"] for name in opt.fields)
        t = int(row["t"]) if opt.counts_steps else k
        self._tail = (row["x"], row["y"], row["grad_x"], row["grad_y"], sx, sy, t)
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
        row = self.history.row(k)
        return np.array([row["grad_x"], row["grad_y"]])

    def preview(self):
        """The update that the next step would make, without making it: ``(params, state)``."""
        k = self.step
        return self._optimizer.update(self.grad_at(k), self.state_at(k), self.params_at(k), number=k + 1)

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
        n = _check_count(n, "the number of steps", 0)
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
        """Up to n steps on Python floats, appended to the history in one block."""
        value, grad = self.function.value, self.function.grad
        opt = self._optimizer
        ops = opt.ops(2)
        # the notes round the first update's state the Python way and every later value numpy's way
        first_rule, rule, counts = opt.make_rule(opt.ops(1)), opt.make_rule(ops), opt.counts_steps
        rnd = ops.round_grad  # the same kind after the first update as after any later one
        rounding = ops.decimals is not None
        x, y, gx, gy, sx, sy, t = self._tail
        bound, tol2 = DIVERGENCE_BOUND, self.tol * self.tol
        k0 = self.step
        rows: list[float] = []
        extend = rows.extend
        taken = 0
        stop = None
        for c in opt.step_constants(t + 1, n):
            step_rule = rule if t else first_rule
            nx, nsx = step_rule(x, gx, sx, c)
            ny, nsy = step_rule(y, gy, sy, c)
            ngx, ngy = grad(nx, ny, ops)
            if rounding:
                ngx, ngy = rnd(ngx), rnd(ngy)
            row = (nx, ny, value(nx, ny, ops), ngx, ngy, *nsx, *nsy)
            total = sum(row)
            if total - total != 0.0 or not (-bound < nx < bound and -bound < ny < bound):
                stop = Stop(StopReason.DIVERGED, k0 + taken + 1)
                break
            t += 1
            extend(row)
            if counts:
                rows.append(t)
            taken += 1
            dx, dy = nx - x, ny - y
            x, y, gx, gy, sx, sy = nx, ny, ngx, ngy, nsx, nsy
            if ngx * ngx + ngy * ngy < tol2 and dx * dx + dy * dy < tol2:
                stop = Stop(StopReason.CONVERGED, k0 + taken)
                break
        self.history.extend(rows, taken)
        self._tail = (float(x), float(y), float(gx), float(gy), tuple(map(float, sx)), tuple(map(float, sy)), t)
        self.stop = stop
        return taken
