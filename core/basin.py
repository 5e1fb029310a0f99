"""The basin map: where an optimizer ends from every start of a grid over a box.

Each of grid × grid starts (``np.linspace`` over the box in x and in y, edges included) runs with the
batched core (`core.batch.run_batch`), so each cell's result is exactly that of the single run from its
start.  A run that ends within ``radius`` of one of the function's known minima has reached it (the
nearest, by index into ``function.minima``); a run that diverged has reached none, and says so in
``stop``.  With noise, every start sees the single run's noise sequence unless ``independent_noise``
gives start number i (row-major: i = row·grid + column) the stream ``noise.stream + i``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .batch import DIVERGED, run_batch
from .functions import Objective
from .hyper import InvalidValue
from .i18n import N_, _
from .optimizers import Optimizer
from .settings import DEFAULT_TOL, DIVERGENCE_BOUND, MAX_STEPS
from .values import Whole

__all__ = ["GRID", "BasinResult", "basin_map"]

GRID = Whole("grid", N_("the grid size"), 200, 1, 2000, meaning=N_("starts per side of the basin map's grid"))


@dataclass(frozen=True)
class BasinResult:
    """Per start of the grid, arrays of shape (grid, grid), row i at ``ys[i]``, column j at ``xs[j]``.

    final: (grid, grid, 2) the last point recorded; f there; stop: int8 codes of `core.batch`
    (STEP_LIMIT, CONVERGED, DIVERGED); stop_step; minimum: the index into ``minima`` of the known
    minimum reached within ``radius``, or -1 (none, or diverged).
    """

    function: Objective
    optimizer: Optimizer
    box: tuple[float, float, float, float]
    steps: int
    xs: np.ndarray
    ys: np.ndarray
    final: np.ndarray
    f: np.ndarray
    stop: np.ndarray
    stop_step: np.ndarray
    minimum: np.ndarray
    minima: tuple[tuple[float, float], ...]
    radius: float

    @property
    def starts(self) -> np.ndarray:
        """(grid·grid, 2) the starts in row-major order."""
        return np.stack(np.meshgrid(self.xs, self.ys), axis=-1).reshape(-1, 2)


def _box(function: Objective, box) -> tuple[float, float, float, float]:
    box = function.view if box is None else tuple(float(v) for v in box)
    if len(box) != 4 or not all(np.isfinite(box)) or max(map(abs, box)) >= DIVERGENCE_BOUND:
        raise InvalidValue(_("the box must be four finite numbers x_min, x_max, y_min, y_max, got {box}").format(
            box=box))
    if not (box[0] < box[1] and box[2] < box[3]):
        raise InvalidValue(_("the box needs x_min < x_max and y_min < y_max, got {box}").format(box=box))
    return box


def nearest_minimum(function: Objective, points: np.ndarray, radius: float) -> np.ndarray:
    """For (N, 2) points, the index of the known minimum within ``radius`` of each (the nearest), or -1."""
    if not function.minima:
        return np.full(len(points), -1)
    minima = np.array(function.minima)
    distance = np.hypot(points[:, None, 0] - minima[None, :, 0], points[:, None, 1] - minima[None, :, 1])
    nearest = np.argmin(distance, axis=1)
    return np.where(distance[np.arange(len(points)), nearest] <= radius, nearest, -1)


def basin_map(function: Objective, optimizer: Optimizer, box=None, grid: int = 200, steps: int = 500, *,
              radius: float | None = None, decimals=None, tol: float = DEFAULT_TOL, independent_noise: bool = False,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> BasinResult:
    """Run ``optimizer`` from every start of a grid × grid grid over ``box`` (x_min, x_max, y_min, y_max;
    the function's view by default) for up to ``steps`` updates.

    radius: how close a final point must be to a known minimum to count as reaching it (default 1% of the
    box's larger side).  progress and cancelled as for `core.batch.run_batch`.  Bad input: InvalidValue.
    """
    box, grid, steps = _box(function, box), GRID.check(grid), MAX_STEPS.check(steps)
    radius = 0.01 * max(box[1] - box[0], box[3] - box[2]) if radius is None else float(radius)
    xs, ys = np.linspace(box[0], box[1], grid), np.linspace(box[2], box[3], grid)
    starts = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    streams = None
    if independent_noise and optimizer.noise is not None:
        streams = optimizer.noise.stream + np.arange(len(starts))
    result = run_batch(function, optimizer, starts, steps, decimals=decimals, tol=tol, noise_streams=streams,
                       progress=progress, cancelled=cancelled)
    stop = result.stop_codes()
    minimum = np.where(stop == DIVERGED, -1, nearest_minimum(function, result.params, radius))
    shape = (grid, grid)
    return BasinResult(function, optimizer, box, steps, xs, ys, result.params.reshape(grid, grid, 2),
                       result.f.reshape(shape), stop.reshape(shape), result.stop_steps().reshape(shape),
                       minimum.reshape(shape), tuple(function.minima), radius)
