"""The single-run stepping loop: updates on Python floats, the rows they record, why a run stops.

A numpy call on a 2-element array costs about a microsecond, float arithmetic a few tens of nanoseconds,
so `core.run.Run` steps here: the optimizer's per-coordinate rule is called twice per update (the same
rule `core.batch` applies to arrays) and rows are gathered in a flat list, a few hundred at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from .i18n import N_, _
from .settings import DIVERGENCE_BOUND

__all__ = ["LR_COLUMN", "NOISY_COLUMNS", "Stop", "StopReason", "chunk_extras", "step_floats"]

#: The gradient the next update uses, where it differs from the true one (noise is set).
NOISY_COLUMNS = ("noisy_grad_x", "noisy_grad_y")
#: The learning rate the next update uses, where a schedule is set.
LR_COLUMN = "lr_in_effect"


class StopReason(Enum):
    STEP_LIMIT = N_("step limit reached")
    CONVERGED = N_("converged")
    DIVERGED = N_("diverged")

    @property
    def text(self) -> str:
        """The reason in the current language."""
        return _(self.value)


_AT_STEP = {StopReason.STEP_LIMIT: N_("step limit reached at step {step}"),
            StopReason.CONVERGED: N_("converged at step {step}"),
            StopReason.DIVERGED: N_("diverged at step {step}")}


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
        """The reason and the step, in the current language: ``converged at step 12``."""
        return _(_AT_STEP[self.reason]).format(step=self.step)


def step_floats(function, opt, tail: tuple, n: int, k0: int, tol: float, noise, extras):
    """Up to n updates from ``tail`` = (x, y, gx, gy, ux, uy, sx, sy, t) at step k0, on Python floats.

    g is the true gradient at the point, u the one the next update uses (noisy where ``noise``, the two
    lists of σ·z for the new rows, is given).  Returns the new rows as one flat list (with their extra
    columns from ``extras``, see `chunk_extras`), how many were taken, the Stop if the run stopped
    (converged, or diverged: that update is not recorded) and the new tail.
    """
    value, grad = function.value, function.grad
    ops = opt.ops(2)
    # the notes round the first update's state the Python way and every later value numpy's way
    first_rule, rule, counts = opt.make_rule(opt.ops(1)), opt.make_rule(ops), opt.counts_steps
    rnd = ops.round_grad  # the same kind after the first update as after any later one
    rounding = ops.decimals is not None
    x, y, gx, gy, ux, uy, sx, sy, t = tail
    bound, tol2 = DIVERGENCE_BOUND, tol * tol
    rows: list[float] = []
    extend = rows.extend
    taken = 0
    stop = None
    for c in opt.step_constants(t + 1, n):
        step_rule = rule if t else first_rule
        nx, nsx = step_rule(x, ux, sx, c)
        ny, nsy = step_rule(y, uy, sy, c)
        ngx, ngy = grad(nx, ny, ops)
        if noise is not None:
            nux, nuy = ngx + noise[0][taken], ngy + noise[1][taken]
            if rounding:
                nux, nuy = rnd(nux), rnd(nuy)
        if rounding:
            ngx, ngy = rnd(ngx), rnd(ngy)
        if noise is None:
            nux, nuy = ngx, ngy
        row = (nx, ny, value(nx, ny, ops), ngx, ngy, *nsx, *nsy)
        total = sum(row)
        if total - total != 0.0 or not (-bound < nx < bound and -bound < ny < bound):
            stop = Stop(StopReason.DIVERGED, k0 + taken + 1)
            break
        t += 1
        extend(row)
        if counts:
            rows.append(t)
        if extras:
            extend(extras(nux, nuy, taken))
        taken += 1
        dx, dy = nx - x, ny - y
        x, y, gx, gy, ux, uy, sx, sy = nx, ny, ngx, ngy, nux, nuy, nsx, nsy
        if ngx * ngx + ngy * ngy < tol2 and dx * dx + dy * dy < tol2:
            stop = Stop(StopReason.CONVERGED, k0 + taken)
            break
    tail = (float(x), float(y), float(gx), float(gy), float(ux), float(uy), tuple(map(float, sx)),
            tuple(map(float, sy)), t)
    return rows, taken, stop, tail


def chunk_extras(opt, names: tuple[str, ...], t: int, n: int):
    """For the rows of updates t+1..t+n: σ·z of each (two lists, or None without noise), and a function
    giving a row's extra columns ``names`` from its used gradient and its index in the chunk (None without)."""
    noise = None
    if opt.noise is not None:
        noise = tuple((opt.noise.sigma * z).tolist() for z in opt.noise.normals(np.arange(t + 1, t + n + 1)))
    if not names:
        return noise, None
    rates = opt.learning_rates(t + 2, n) if LR_COLUMN in names else None
    order = [NOISY_COLUMNS.index(c) if c in NOISY_COLUMNS else 2 for c in names]

    def extras(ux, uy, i):
        values = (ux, uy, rates[i] if rates is not None else 0.0)
        return [values[j] for j in order]
    return noise, extras
