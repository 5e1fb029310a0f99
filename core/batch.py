"""Many starting points stepped at once, for basin maps and for checking the single-run path.

The arithmetic is the optimizer's own ``make_rule``, given numpy arrays of shape (N,) for each coordinate
instead of Python floats, so a point in a batch follows exactly the path it follows alone: it stops (is
frozen) when it converges or diverges, at the same step and under the same rules as `core.run.Run`.

Checking every point for convergence and divergence after every step would cost as many array
operations as the step itself.  Instead the points advance in windows of `WINDOW` steps with only a
cheap screen (the smallest squared gradient norm and the largest coordinate seen, 8 operations a step);
the few points the screen flags are stepped through the window again from its start with the exact
checks, and frozen points leave the working arrays.  Non-finite values are sticky under these rules
(anything times or minus inf or nan stays non-finite), so checking them at the window's end suffices.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .functions import Objective
from .hyper import InvalidValue
from .optimizers import Optimizer
from .run import DEFAULT_TOL, DIVERGENCE_BOUND

__all__ = ["WINDOW", "BatchResult", "run_batch"]

WINDOW = 32


@dataclass(frozen=True)
class BatchResult:
    """The outcome for each of N starting points after up to ``steps`` updates.

    params: (N, 2) last recorded point; f: (N,) the function there; grad: (N, 2) the gradient there;
    converged_at / diverged_at: (N,) step at which the point converged / diverged, -1 if it did not
    (a diverged point keeps the values of the step before); trajectory: (steps + 1, N, 2) every
    recorded point when asked for, else None (a point that stopped repeats its last value).
    """

    params: np.ndarray
    f: np.ndarray
    grad: np.ndarray
    converged_at: np.ndarray
    diverged_at: np.ndarray
    trajectory: np.ndarray | None = None


@dataclass
class _Points:
    """Working arrays for a set of points: position, gradient there, per-coordinate state."""

    x: np.ndarray
    y: np.ndarray
    gx: np.ndarray
    gy: np.ndarray
    sx: tuple
    sy: tuple

    def arrays(self):
        return (self.x, self.y, self.gx, self.gy, *self.sx, *self.sy)

    def take(self, index) -> _Points:
        return _Points(self.x[index], self.y[index], self.gx[index], self.gy[index],
                       tuple(a[index] for a in self.sx), tuple(a[index] for a in self.sy))

    def put(self, index, other: _Points) -> None:
        for mine, theirs in zip(self.arrays(), other.arrays(), strict=True):
            mine[index] = theirs


class _Stepper:
    """One optimizer on one function, stepping _Points windows with or without exact checks."""

    def __init__(self, function, optimizer, tol, path):
        self.function, self.opt = function, optimizer
        self.ops = optimizer.ops(2, arrays=True)
        # the notes round the first update's state the Python way and every later value numpy's way
        self.first_rule, self.rule = optimizer.make_rule(optimizer.ops(1, arrays=True)), optimizer.make_rule(self.ops)
        self.tol2 = tol * tol
        self.path = path

    def gradient(self, x, y, k: int):
        """The gradient at the points after update k, rounded as the notes round it there."""
        gx, gy = self.function.grad(x, y, self.ops)
        r = (self.ops if k else self.opt.ops(0, arrays=True)).round_grad
        return r(gx), r(gy)

    def step(self, p: _Points, k: int) -> _Points:
        (c,) = self.opt.step_constants(k, 1)
        rule = self.rule if k > 1 else self.first_rule
        nx, nsx = rule(p.x, p.gx, p.sx, c)
        ny, nsy = rule(p.y, p.gy, p.sy, c)
        ngx, ngy = self.gradient(nx, ny, k)
        return _Points(nx, ny, ngx, ngy, nsx, nsy)

    def record(self, k, ids, p):
        if self.path is not None:
            self.path[k, ids, 0] = p.x
            self.path[k, ids, 1] = p.y

    def screened(self, p: _Points, k0: int, count: int, ids):
        """Steps k0+1..k0+count with no checks; returns the points and a mask of those to re-check."""
        low = np.full(len(p.x), np.inf)
        big = np.zeros(len(p.x))
        for k in range(k0 + 1, k0 + count + 1):
            p = self.step(p, k)
            np.minimum(low, p.gx * p.gx + p.gy * p.gy, out=low)
            np.maximum(big, np.abs(p.x), out=big)
            np.maximum(big, np.abs(p.y), out=big)
            self.record(k, ids, p)
        finite = np.isfinite(sum(p.arrays()))
        return p, ~(finite & (big < DIVERGENCE_BOUND)) | (low < self.tol2) | np.isnan(low)

    def exact(self, p: _Points, k0: int, count: int, ids):
        """Steps k0+1..k0+count checking every point after every step, as `Run.advance` does.

        Returns the points (each frozen at its stopping step) and, per point, the step at which it
        converged or diverged (-1 for neither).
        """
        n = len(p.x)
        converged, diverged = np.full(n, -1), np.full(n, -1)
        frozen = np.zeros(n, dtype=bool)
        for k in range(k0 + 1, k0 + count + 1):
            new = self.step(p, k)
            total = sum(new.arrays())
            bad = ~(np.isfinite(total) & (np.abs(new.x) < DIVERGENCE_BOUND) & (np.abs(new.y) < DIVERGENCE_BOUND))
            moved = (new.x - p.x) ** 2 + (new.y - p.y) ** 2
            done = (new.gx * new.gx + new.gy * new.gy < self.tol2) & (moved < self.tol2) & ~bad & ~frozen
            diverged[bad & ~frozen] = k
            converged[done] = k
            stay = frozen | bad
            p = _Points(*(np.where(stay, old, cur) for old, cur in zip(p.arrays()[:4], new.arrays()[:4],
                                                                         strict=True)),
                        tuple(np.where(stay, old, cur) for old, cur in zip(p.sx, new.sx, strict=True)),
                        tuple(np.where(stay, old, cur) for old, cur in zip(p.sy, new.sy, strict=True)))
            frozen |= bad | done
            self.record(k, ids, p)
        return p, converged, diverged


def run_batch(function: Objective, optimizer: Optimizer, starts, steps: int, *, decimals=None,
              tol: float = DEFAULT_TOL, trajectory: bool = False) -> BatchResult:
    """Step every start in ``starts`` (shape (N, 2)) up to ``steps`` times with one optimizer."""
    starts = np.asarray(starts, dtype=np.float64)
    if starts.ndim != 2 or starts.shape[1] != 2:
        raise InvalidValue(f"starts must have shape (N, 2), got {starts.shape}")
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 0:
        raise InvalidValue(f"steps must be a whole number ≥ 0, got {steps!r}")
    if not (np.isfinite(starts).all() and (np.abs(starts) < DIVERGENCE_BOUND).all()):
        raise InvalidValue(f"every start must be finite and below {DIVERGENCE_BOUND:g} in size")
    n = len(starts)
    path = np.empty((steps + 1, n, 2)) if trajectory else None
    stepper = _Stepper(function, optimizer.replace(decimals=decimals), tol, path)
    x, y = starts[:, 0].copy(), starts[:, 1].copy()
    gx, gy = stepper.gradient(x, y, 0)
    initial = optimizer.initial_fields()
    done = _Points(x, y, gx, gy, tuple(np.full(n, v) for v in initial), tuple(np.full(n, v) for v in initial))
    stepper.record(0, slice(None), done)
    converged, diverged = np.full(n, -1), np.full(n, -1)
    converged[gx * gx + gy * gy < stepper.tol2] = 0
    ids = np.flatnonzero(converged < 0)
    current = done.take(ids)
    k = 0
    with np.errstate(all="ignore"):
        while k < steps and ids.size:
            count = min(WINDOW, steps - k)
            start = current
            current, suspect = stepper.screened(start, k, count, ids)
            if suspect.any():
                again = np.flatnonzero(suspect)
                redone, conv, div = stepper.exact(start.take(again), k, count, ids[again])
                current.put(again, redone)
                converged[ids[again]], diverged[ids[again]] = conv, div
                stopped = again[(conv >= 0) | (div >= 0)]
                done.put(ids[stopped], current.take(stopped))
                keep = np.ones(len(ids), dtype=bool)
                keep[stopped] = False
                ids, current = ids[keep], current.take(keep)
            k += count
    done.put(ids, current)
    if path is not None:
        _hold_after_stop(path, np.where(diverged >= 0, diverged - 1, converged))
    return BatchResult(np.stack([done.x, done.y], axis=1), function.value(done.x, done.y, stepper.ops),
                       np.stack([done.gx, done.gy], axis=1), converged, diverged, path)


def _hold_after_stop(path: np.ndarray, last: np.ndarray) -> None:
    """Make each stopped point repeat its last recorded position for the rest of the trajectory."""
    stopped = np.flatnonzero(last >= 0)
    if stopped.size == 0:
        return
    steps = np.arange(path.shape[0])[:, None]
    held = path[last[stopped], stopped]  # (m, 2)
    after = steps > last[stopped][None, :]
    path[:, stopped] = np.where(after[..., None], held[None], path[:, stopped])
