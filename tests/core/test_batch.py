"""A batch of starts gives exactly the numbers of running each start alone, stop conditions included."""

import numpy as np
import pytest

from core.batch import WINDOW, run_batch
from core.functions import FUNCTIONS, get_function
from core.hyper import InvalidValue
from core.optimizers import OPTIMIZERS
from core.run import Run, StopReason


def _check_against_single_runs(fn, opt, starts, steps, decimals, tol):
    result = run_batch(fn, opt, starts, steps, decimals=decimals, tol=tol, trajectory=True)
    events = {StopReason.CONVERGED: 0, StopReason.DIVERGED: 0, StopReason.STEP_LIMIT: 0}
    for i, start in enumerate(starts):
        run = Run(fn, opt, start, decimals=decimals, max_steps=steps, tol=tol)
        run.advance(steps)
        points = run.history.points()
        assert np.array_equal(result.trajectory[: len(points), i], points)
        assert (result.trajectory[len(points):, i] == points[-1]).all()  # a stopped point stays put
        assert np.array_equal(result.params[i], points[-1])
        assert np.array_equal(result.grad[i], run.grad_at(run.step))
        events[run.stop.reason] += 1
        converged = run.stop.step if run.stop.reason is StopReason.CONVERGED else -1
        diverged = run.stop.step if run.stop.reason is StopReason.DIVERGED else -1
        assert (result.converged_at[i], result.diverged_at[i]) == (converged, diverged)
    return events


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("decimals", [None, 4])
def test_batch_equals_single_runs_on_every_function(name, decimals):
    rng = np.random.default_rng(3)
    opt = OPTIMIZERS[name](**OPTIMIZERS[name].demo)
    for fn in FUNCTIONS.values():
        x0, x1, y0, y1 = fn.view
        starts = np.stack([rng.uniform(x0, x1, 6), rng.uniform(y0, y1, 6)], axis=1)
        _check_against_single_runs(fn, opt, starts, 3 * WINDOW + 5, decimals, 1e-3)


def test_batch_stops_points_at_the_same_step_as_single_runs():
    # a mix that converges, diverges and runs out of steps, stopping inside and across windows
    fn = get_function("quadratic")
    starts = np.array([[0.0, 4.0], [0.0, 0.0], [1e6, 1e6], [3.0, 3.0], [-2.0, 9.0]])
    events = _check_against_single_runs(fn, OPTIMIZERS["sgd"](lr=0.4), starts, 200, None, 1e-6)
    assert events[StopReason.CONVERGED] >= 3 and events[StopReason.DIVERGED] == 0
    events = _check_against_single_runs(fn, OPTIMIZERS["sgd"](lr=1.02), starts, 2000, None, 1e-6)
    assert events[StopReason.DIVERGED] >= 3


def test_a_200_by_200_grid_runs_and_reports_per_point():
    fn = get_function("himmelblau")
    g = np.linspace(-5, 5, 200)
    starts = np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)
    result = run_batch(fn, OPTIMIZERS["sgd"](lr=0.01), starts, 500, tol=1e-6)
    assert result.params.shape == (40_000, 2) and result.converged_at.shape == (40_000,)
    reached = np.array([min(np.hypot(*(p - m)) for m in np.array(fn.minima)) for p in result.params[::97]])
    assert (reached[result.converged_at[::97] >= 0] < 1e-4).all()
    assert (result.converged_at >= 0).mean() > 0.9


def test_bad_batches_are_refused():
    fn, opt = get_function("quadratic"), OPTIMIZERS["sgd"]()
    with pytest.raises(InvalidValue, match="shape"):
        run_batch(fn, opt, np.zeros((3, 3)), 10)
    with pytest.raises(InvalidValue, match="finite"):
        run_batch(fn, opt, np.array([[np.nan, 0.0]]), 10)
    with pytest.raises(InvalidValue, match="steps"):
        run_batch(fn, opt, np.zeros((3, 2)), -1)
