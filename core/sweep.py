"""The learning-rate sweep: one function, one start, one step budget, many learning rates at once.

The learning rates, log-spaced from ``lr_min`` to ``lr_max``, go on the batch axis of `core.batch.run_batch`
(every other setting as the optimizer has it), so each rate's result is exactly that of the single run
with that rate, noise included (every rate sees the same noise: the single run's).  Each run is scored by
f after the budget; a run that diverged scores worst (+inf).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .batch import DIVERGED, STOP_REASONS, run_batch
from .functions import Objective
from .hyper import InvalidValue
from .i18n import N_, _
from .optimizers import Optimizer
from .run import StopReason, check_start
from .settings import DEFAULT_TOL, MAX_STEPS
from .values import Number, Whole

__all__ = ["COUNT", "LR_MAX", "LR_MIN", "SweepResult", "sweep_learning_rates"]

LR_MIN = Number("lr_min", N_("the smallest learning rate"), 1e-4, 0.0, 100.0, low_open=True,
                meaning=N_("where the sweep's log-spaced learning rates start"))
LR_MAX = Number("lr_max", N_("the largest learning rate"), 10.0, 0.0, 100.0, low_open=True,
                meaning=N_("where the sweep's log-spaced learning rates end"))
COUNT = Whole("count", N_("the number of learning rates"), 100, 1, 10_000,
              meaning=N_("how many learning rates to try"))


@dataclass(frozen=True)
class SweepResult:
    """One row per learning rate, in increasing order of ``lr`` (K rates).

    params: (K, 2) the last point each run recorded (a diverged run: the step before it diverged);
    f: (K,) f there; stop: (K,) int8 codes of `core.batch` (STEP_LIMIT, CONVERGED, DIVERGED);
    stop_step: (K,) the step each run stopped at, as `core.run.Stop` gives it.
    """

    function: Objective
    optimizer: Optimizer
    start: tuple[float, float]
    steps: int
    lr: np.ndarray
    params: np.ndarray
    f: np.ndarray
    stop: np.ndarray
    stop_step: np.ndarray

    @property
    def score(self) -> np.ndarray:
        """f after the budget, +inf for a diverged run (or a non-finite f): the lower, the better."""
        return np.where((self.stop == DIVERGED) | ~np.isfinite(self.f), np.inf, self.f)

    @property
    def undecided(self) -> bool:
        """True when no rate does better than another: every rate that did not diverge ends with the same f
        (a start where the gradient is zero, a plateau), so none of them is worth calling the best."""
        finite = self.score[np.isfinite(self.score)]
        return finite.size > 1 and finite.min() == finite.max()

    @property
    def best(self) -> int:
        """The index of the best-scoring learning rate (the smallest such rate on a tie); -1 if all diverged
        or if no rate does better than another (`undecided`)."""
        score = self.score
        return -1 if not np.isfinite(score).any() or self.undecided else int(np.argmin(score))

    def reason(self, i: int) -> StopReason:
        return STOP_REASONS[self.stop[i]]


def learning_rates(lr_min: float, lr_max: float, count: int) -> np.ndarray:
    """``count`` log-spaced learning rates from lr_min to lr_max, both included (checked declarations)."""
    lr_min, lr_max, count = LR_MIN.check(lr_min), LR_MAX.check(lr_max), COUNT.check(count)
    if lr_min > lr_max or (lr_min == lr_max and count > 1):
        raise InvalidValue(_("the smallest learning rate ({low}) must be below the largest ({high})").format(
            low=f"{lr_min:g}", high=f"{lr_max:g}"))
    return np.geomspace(lr_min, lr_max, count)


def sweep_learning_rates(function: Objective, optimizer: Optimizer, start, steps: int, lr_min: float = 1e-4,
                         lr_max: float = 10.0, count: int = 100, *, decimals=None, tol: float = DEFAULT_TOL,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> SweepResult:
    """Run ``optimizer`` from ``start`` for ``steps`` updates at each of ``count`` log-spaced learning rates.

    Every rate must lie in the optimizer's ``lr`` range.  progress(k, steps) and cancelled() as for
    `core.batch.run_batch` (cancelling raises `core.batch.Cancelled`).  Bad input raises InvalidValue.
    """
    start, steps = check_start(start), MAX_STEPS.check(steps)
    rates = learning_rates(lr_min, lr_max, count)
    starts = np.repeat(np.array([start]), len(rates), axis=0)
    result = run_batch(function, optimizer, starts, steps, decimals=decimals, tol=tol, lr=rates,
                       progress=progress, cancelled=cancelled)
    return SweepResult(function, optimizer, start, steps, rates, result.params, result.f, result.stop_codes(),
                       result.stop_steps())
