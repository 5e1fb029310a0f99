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

A batch may give each point its own learning rate (``lr``: the learning-rate sweep puts it on the batch
axis) and its own noise stream (``noise_streams``); point i then follows exactly the single run of
``optimizer.replace(lr=lr[i], noise=noise.replace(stream=noise_streams[i]))``.  Without them every point
uses the optimizer's own: the same noise sequence as a single run with that optimizer.
"""

from __future__ import annotations

import ctypes
import functools
import platform
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .functions import Objective
from .hyper import InvalidValue
from .i18n import _
from .noise import STREAM
from .optimizers import Optimizer
from .run import DEFAULT_TOL, DIVERGENCE_BOUND, StopReason

__all__ = ["CONVERGED", "DIVERGED", "STEP_LIMIT", "STOP_REASONS", "WINDOW", "BatchResult", "Cancelled",
           "run_batch"]

WINDOW = 32
#: Codes of `BatchResult.stop_codes`, indexes into STOP_REASONS.
STEP_LIMIT, CONVERGED, DIVERGED = 0, 1, 2
STOP_REASONS = (StopReason.STEP_LIMIT, StopReason.CONVERGED, StopReason.DIVERGED)


class Cancelled(Exception):
    """`run_batch` stopped between two windows because its ``cancelled()`` returned True."""


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
    steps: int = field(default=0)

    def stop_codes(self) -> np.ndarray:
        """(N,) int8: STEP_LIMIT, CONVERGED or DIVERGED, why each point stopped (as `core.run.Stop`)."""
        codes = np.full(len(self.f), STEP_LIMIT, dtype=np.int8)
        codes[self.converged_at >= 0] = CONVERGED
        codes[self.diverged_at >= 0] = DIVERGED
        return codes

    def stop_steps(self) -> np.ndarray:
        """(N,) the step each point stopped at, as `core.run.Stop.step` says it (the step limit if neither)."""
        return np.where(self.diverged_at >= 0, self.diverged_at,
                        np.where(self.converged_at >= 0, self.converged_at, self.steps))


@dataclass
class _Points:
    """Working arrays for a set of points: position, gradient there (true, and the one the next update
    uses where noise makes them differ: else None), per-coordinate state; each point's learning rate and
    noise stream where the batch gives them (else None)."""

    x: np.ndarray
    y: np.ndarray
    gx: np.ndarray
    gy: np.ndarray
    ux: np.ndarray | None
    uy: np.ndarray | None
    sx: tuple
    sy: tuple
    lr: np.ndarray | None = None
    streams: np.ndarray | None = None

    def arrays(self):
        used = () if self.ux is None else (self.ux, self.uy)
        return (self.x, self.y, self.gx, self.gy, *used, *self.sx, *self.sy)

    def used(self):
        return (self.gx, self.gy) if self.ux is None else (self.ux, self.uy)

    def _rebuilt(self, arrays) -> _Points:
        arrays = list(arrays)
        n = len(self.sx)
        used = (None, None) if self.ux is None else (arrays.pop(4), arrays.pop(4))
        return _Points(*arrays[:4], *used, tuple(arrays[4:4 + n]), tuple(arrays[4 + n:]), self.lr, self.streams)

    def take(self, index) -> _Points:
        taken = self._rebuilt(a[index] for a in self.arrays())
        taken.lr = None if self.lr is None else self.lr[index]
        taken.streams = None if self.streams is None else self.streams[index]
        return taken

    def put(self, index, other: _Points) -> None:
        for mine, theirs in zip(self.arrays(), other.arrays(), strict=True):
            mine[index] = theirs

    def where(self, keep, new: _Points) -> _Points:
        """These points where ``keep``, the ``new`` ones elsewhere."""
        return self._rebuilt(np.where(keep, old, cur) for old, cur in zip(self.arrays(), new.arrays(), strict=True))


class _Stepper:
    """One optimizer on one function, stepping _Points windows with or without exact checks."""

    def __init__(self, function, optimizer, tol, path):
        self.function, self.opt, self.noise = function, optimizer, optimizer.noise
        self.ops = optimizer.ops(2, arrays=True)
        # the notes round the first update's state the Python way and every later value numpy's way
        self.first_rule, self.rule = optimizer.make_rule(optimizer.ops(1, arrays=True)), optimizer.make_rule(self.ops)
        self.tol2 = tol * tol
        self.path = path

    def gradients(self, x, y, k: int, streams):
        """The gradient at the points after update k, rounded as the notes round it there, and the one the
        next update uses (None, None without noise): see `core.run.Run`."""
        gx, gy = self.function.grad(x, y, self.ops)
        r = (self.ops if k else self.opt.ops(0, arrays=True)).round_grad
        if self.noise is None:
            return r(gx), r(gy), None, None
        zx, zy = self.noise.normals(k, streams)
        sigma = self.noise.sigma
        return r(gx), r(gy), r(gx + sigma * zx), r(gy + sigma * zy)

    def step(self, p: _Points, k: int) -> _Points:
        (c,) = self.opt.step_constants(k, 1, p.lr)
        rule = self.rule if k > 1 else self.first_rule
        ux, uy = p.used()
        nx, nsx = rule(p.x, ux, p.sx, c)
        ny, nsy = rule(p.y, uy, p.sy, c)
        return _Points(nx, ny, *self.gradients(nx, ny, k, p.streams), nsx, nsy, p.lr, p.streams)

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
            p = p.where(frozen | bad, new)
            frozen |= bad | done
            self.record(k, ids, p)
        return p, converged, diverged


@functools.cache
def _keep_freed_memory() -> None:
    """Ask glibc's malloc to keep freed memory for reuse instead of handing it back to the system.

    A batch step makes dozens of temporary arrays of a few hundred kB.  By default glibc serves blocks
    above 128 kB with fresh mmap'ed pages and trims the heap once 128 kB lie free at its top (mallopt(3):
    M_MMAP_THRESHOLD, M_TRIM_THRESHOLD), so each temporary costs page faults: measured here, a 40,000-point
    Adam step spent nine tenths of its time in them.  Raising both thresholds (to 32 MB and 512 MB) lets
    the same memory serve step after step.  It changes no result; other C libraries are left alone.
    """
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 32 * 1024 * 1024)
    mallopt(m_trim_threshold, 512 * 1024 * 1024)


def _check_starts(starts, steps) -> np.ndarray:
    starts = np.asarray(starts, dtype=np.float64)
    if starts.ndim != 2 or starts.shape[1] != 2:
        raise InvalidValue(_("starts must have shape (N, 2), got {shape}").format(shape=starts.shape))
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 0:
        raise InvalidValue(_("{label} must be a whole number ≥ {low}, got {value}").format(
            label="steps", low=0, value=repr(steps)))
    if not (np.isfinite(starts).all() and (np.abs(starts) < DIVERGENCE_BOUND).all()):
        raise InvalidValue(_("every start must be finite and below {bound} in size").format(
            bound=f"{DIVERGENCE_BOUND:g}"))
    return starts


def _per_point(values, n: int, declaration, what: str, dtype):
    """``values`` as an (n,) array each of whose elements the declaration accepts (None stays None)."""
    if values is None:
        return None
    array = np.asarray(values)
    if array.shape != (n,):
        raise InvalidValue(_("{name} must hold one value per start ({count}), got shape {shape}").format(
            name=what, count=n, shape=array.shape))
    for value in np.unique(array).tolist():  # the declaration's own refusal, for the first bad value
        declaration.check(value)
    return array.astype(dtype)


def run_batch(function: Objective, optimizer: Optimizer, starts, steps: int, *, decimals=None,
              tol: float = DEFAULT_TOL, trajectory: bool = False, lr=None, noise_streams=None,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Step every start in ``starts`` (shape (N, 2)) up to ``steps`` times with one optimizer.

    lr: None, or (N,) learning rates, one per start, each within the optimizer's ``lr`` range.
    noise_streams: None, or (N,) whole numbers: each point's noise stream (with the optimizer's noise).
    progress(k, steps) is called after each window of updates, k the updates done so far; cancelled()
    is asked before each window, and True raises `Cancelled`.  Bad input raises InvalidValue.
    """
    starts = _check_starts(starts, steps)
    _keep_freed_memory()
    n = len(starts)
    rates = _per_point(lr, n, optimizer.hyper("lr"), "lr", np.float64)
    streams = _per_point(noise_streams, n, STREAM, "noise_streams", np.uint64)
    path = np.empty((steps + 1, n, 2)) if trajectory else None
    stepper = _Stepper(function, optimizer.replace(decimals=decimals), tol, path)
    x, y = starts[:, 0].copy(), starts[:, 1].copy()
    initial = optimizer.initial_fields()
    done = _Points(x, y, *stepper.gradients(x, y, 0, streams), tuple(np.full(n, v) for v in initial),
                   tuple(np.full(n, v) for v in initial), rates, streams)
    stepper.record(0, slice(None), done)
    converged, diverged = np.full(n, -1), np.full(n, -1)
    converged[done.gx * done.gx + done.gy * done.gy < stepper.tol2] = 0
    ids = np.flatnonzero(converged < 0)
    with np.errstate(all="ignore"):
        ids = _advance(stepper, done, ids, steps, converged, diverged, progress, cancelled)
    if path is not None:
        _hold_after_stop(path, np.where(diverged >= 0, diverged - 1, converged))
    return BatchResult(np.stack([done.x, done.y], axis=1), function.value(done.x, done.y, stepper.ops),
                       np.stack([done.gx, done.gy], axis=1), converged, diverged, path, steps)


def _advance(stepper, done: _Points, ids, steps, converged, diverged, progress, cancelled):
    """Step the points ``ids`` window by window, writing each into ``done`` when it stops or at the end."""
    current = done.take(ids)
    k = 0
    while k < steps and ids.size:
        if cancelled is not None and cancelled():
            raise Cancelled(_("cancelled after {done} of {steps} updates").format(done=k, steps=steps))
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
        if progress is not None:
            progress(k, steps)
    done.put(ids, current)
    return ids


def _hold_after_stop(path: np.ndarray, last: np.ndarray) -> None:
    """Make each stopped point repeat its last recorded position for the rest of the trajectory."""
    stopped = np.flatnonzero(last >= 0)
    if stopped.size == 0:
        return
    steps = np.arange(path.shape[0])[:, None]
    held = path[last[stopped], stopped]  # (m, 2)
    after = steps > last[stopped][None, :]
    path[:, stopped] = np.where(after[..., None], held[None], path[:, stopped])
