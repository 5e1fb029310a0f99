"""The learning-rate sweep and the basin map give, point by point, the single runs of the same settings."""

import numpy as np
import pytest

from core.basin import basin_map, nearest_minimum
from core.batch import CONVERGED, DIVERGED, STEP_LIMIT
from core.functions import get_function
from core.hyper import InvalidValue
from core.noise import Noise
from core.optimizers import OPTIMIZERS, SGD, Adam, Momentum
from core.run import Run, StopReason
from core.sweep import sweep_learning_rates

QUADRATIC = get_function("quadratic")
HIMMELBLAU = get_function("himmelblau")
CODES = {StopReason.STEP_LIMIT: STEP_LIMIT, StopReason.CONVERGED: CONVERGED, StopReason.DIVERGED: DIVERGED}


def _single(function, opt, start, steps, tol=1e-8):
    run = Run(function, opt, start, max_steps=steps, tol=tol)
    run.advance(steps)
    return run


def test_sweep_rates_are_log_spaced_and_each_row_is_its_single_run():
    opt = Momentum(momentum=0.5)
    result = sweep_learning_rates(QUADRATIC, opt, (3.0, -2.0), 300, lr_min=1e-3, lr_max=2.0, count=25)
    assert result.lr[0] == 1e-3 and result.lr[-1] == 2.0
    np.testing.assert_allclose(np.diff(np.log(result.lr)), np.log(2000) / 24, rtol=1e-12)
    seen = set()
    for i, lr in enumerate(result.lr):
        run = _single(QUADRATIC, opt.replace(lr=float(lr)), (3.0, -2.0), 300)
        reason = run.stop.reason
        seen.add(reason)
        assert (result.stop[i], result.stop_step[i]) == (CODES[reason], run.stop.step)
        assert np.array_equal(result.params[i], run.params_at(run.step)) and result.f[i] == run.history.row(-1)["f"]
    assert seen == set(StopReason)  # small rates run out of steps, middling ones converge, large ones diverge
    score = result.score
    assert np.isinf(score[result.stop == DIVERGED]).all() and result.best == int(np.argmin(score))
    assert result.stop[result.best] != DIVERGED


@pytest.mark.parametrize("name", ["adam", "nadam", "lion", "adadelta"])
def test_a_noisy_sweep_gives_every_rate_the_single_runs_noise(name):
    cls = OPTIMIZERS[name]
    opt = cls(noise=Noise(0.5, seed=3))
    result = sweep_learning_rates(HIMMELBLAU, opt, (0.0, 0.0), 120, lr_min=1e-3, lr_max=5.0, count=7)
    for i, lr in enumerate(result.lr):
        run = _single(HIMMELBLAU, opt.replace(lr=float(lr)), (0.0, 0.0), 120)
        assert np.array_equal(result.params[i], run.params_at(run.step)), (name, lr)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"lr_min": 0.0}, "smallest learning rate = 0 is out of range"),
    ({"lr_min": 1.0, "lr_max": 0.5}, "must be below the largest"),
    ({"count": 0}, "number of learning rates must be a whole number"),
    ({"lr_max": 1000.0}, "largest learning rate = 1000 is out of range"),
])
def test_bad_sweeps_are_refused(kwargs, message):
    with pytest.raises(InvalidValue, match=message):
        sweep_learning_rates(QUADRATIC, SGD(), (0.0, 0.0), 10, **kwargs)


def test_basin_cells_are_their_single_runs_and_find_himmelblaus_four_minima():
    opt = Adam(lr=0.1)
    result = basin_map(HIMMELBLAU, opt, grid=9, steps=400)
    assert result.final.shape == (9, 9, 2) and result.xs[0] == -5.0 and result.ys[-1] == 5.0
    for (i, j), start in zip(np.ndindex(9, 9), result.starts, strict=True):
        assert tuple(start) == (result.xs[j], result.ys[i])
        run = _single(HIMMELBLAU, opt, tuple(start), 400)
        assert np.array_equal(result.final[i, j], run.params_at(run.step))
        assert (result.stop[i, j], result.stop_step[i, j]) == (CODES[run.stop.reason], run.stop.step)
        distances = [np.hypot(*(run.params_at(run.step) - m)) for m in HIMMELBLAU.minima]
        expected = int(np.argmin(distances)) if min(distances) <= result.radius else -1
        assert result.minimum[i, j] == expected
    assert set(result.minimum.ravel().tolist()) == {0, 1, 2, 3}
    assert result.minimum[8, 8] == 0 and result.minimum[0, 0] == 2  # (5, 5) goes to (3, 2); (-5, -5) to (-3.8, -3.3)


def test_diverged_starts_reach_no_minimum_and_say_so():
    # η = 1.2 shrinks the error along the Hessian's eigenvector (1, -1) (eigenvalue 1: factor -0.2) and blows it
    # up along (1, 1) (eigenvalue 3: factor -2.6): only the starts on the line x + y = 4 through the minimum converge
    result = basin_map(QUADRATIC, SGD(lr=1.2), box=(-1.0, 1.0, 3.0, 5.0), grid=5, steps=300)
    on_line = np.add.outer(result.ys, result.xs) == 4.0
    assert on_line.sum() == 5
    assert (result.stop == np.where(on_line, CONVERGED, DIVERGED)).all()
    assert (result.minimum == np.where(on_line, 0, -1)).all()


def test_independent_noise_gives_start_i_stream_i():
    opt = SGD(lr=0.05, noise=Noise(0.3, seed=1, stream=10))
    result = basin_map(QUADRATIC, opt, grid=3, steps=50, independent_noise=True)
    for index, start in enumerate(result.starts):
        run = _single(QUADRATIC, opt.replace(noise=opt.noise.replace(stream=10 + index)), tuple(start), 50)
        assert np.array_equal(result.final.reshape(-1, 2)[index], run.params_at(run.step))


def test_nearest_minimum_within_the_radius():
    points = np.array([[3.0, 2.05], [3.0, 2.5], [-2.8, 3.1]])
    assert nearest_minimum(HIMMELBLAU, points, 0.1).tolist() == [0, -1, 1]
    assert nearest_minimum(get_function("saddle"), points, 10.0).tolist() == [-1, -1, -1]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"box": (1.0, 0.0, 0.0, 1.0)}, "x_min < x_max"),
    ({"box": (0.0, 1.0, 0.0)}, "four finite numbers"),
    ({"grid": 0}, "grid size must be a whole number"),
    ({"steps": -1}, "step limit must be a whole number"),
])
def test_bad_basin_maps_are_refused(kwargs, message):
    with pytest.raises(InvalidValue, match=message):
        basin_map(QUADRATIC, SGD(), **kwargs)


def test_no_rate_is_called_the_best_when_none_does_better():
    """exp(−(x² + y²)) from its top (0, 0), where the gradient is zero: SGD stays there at every rate, f = 1
    throughout, so no rate is better than another and none is named the best."""
    flat = get_function("expr:exp(-(x^2+y^2))")
    result = sweep_learning_rates(flat, SGD(), (0.0, 0.0), 50, 1e-3, 1.0, 7)
    assert (result.f == 1.0).all() and result.undecided and result.best == -1
    moving = sweep_learning_rates(flat, SGD(), (0.5, 0.0), 50, 1e-3, 1.0, 7)
    assert not moving.undecided and moving.f[moving.best] == moving.f.min() < moving.f.max()
