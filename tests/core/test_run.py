"""Runs: history storage, stop conditions, rewind and continue, reconfiguration."""

import math

import numpy as np
import pytest

from core.functions import Objective, get_function
from core.history import History
from core.hyper import InvalidValue
from core.optimizers import SGD, AdaGrad, Adam, Momentum
from core.run import DIVERGENCE_BOUND, Run, StopReason

QUAD = get_function("quadratic")
ROSEN = get_function("rosenbrock")


def test_history_grows_by_doubling_and_keeps_rows():
    history = History(("a", "b"), capacity=4)
    for i in range(9):
        history.append((float(i), float(-i)))
    assert len(history) == 9 and history.capacity == 16
    assert history.column("a").tolist() == list(range(9))
    assert history.row(-1) == {"a": 8.0, "b": -8.0}
    history.truncate(3)
    assert history.column("b").tolist() == [0.0, -1.0, -2.0]
    with pytest.raises(ValueError):
        history.column("a")[0] = 5.0  # views handed out are read-only
    with pytest.raises(IndexError):
        history.row(3)


def test_a_long_run_is_stored_in_numpy_blocks_not_objects():
    run = Run(ROSEN, Adam(), (-1.2, 1.0), max_steps=100_000, tol=0.0)
    assert run.advance(100_000) == 100_000
    assert run.history.capacity == 100_001  # grown by doubling, but never past the step limit
    assert run.history.array().nbytes == 100_001 * len(run.columns) * 8
    assert run.columns == ("x", "y", "f", "grad_x", "grad_y", "m_x", "v_x", "m_y", "v_y", "t")
    assert run.history.column("t")[-1] == 100_000


def test_every_row_is_consistent_with_the_function():
    run = Run(ROSEN, Momentum(lr=0.001), (-1.2, 1.0), max_steps=50)
    run.advance(50)
    for k in range(51):
        row = run.history.row(k)
        assert row["f"] == ROSEN.f(row["x"], row["y"])
        assert (row["grad_x"], row["grad_y"]) == ROSEN.gradient(row["x"], row["y"])
    # and the recorded step follows from the previous row by the update rule
    before, after = run.history.row(9), run.history.row(10)
    v = 0.9 * np.array([before["v_x"], before["v_y"]]) - 0.001 * np.array([before["grad_x"], before["grad_y"]])
    assert [after["v_x"], after["v_y"]] == v.tolist()


def test_step_limit_stops_and_says_so():
    run = Run(QUAD, SGD(lr=0.1), max_steps=5)
    assert run.advance(100) == 5
    assert run.stop.reason is StopReason.STEP_LIMIT and str(run.stop) == "step limit reached at step 5"
    assert run.advance(1) == 0
    run.configure(max_steps=7)
    assert run.stop is None and run.advance(100) == 2 and run.step == 7


def test_convergence_needs_a_small_gradient_and_a_small_step():
    run = Run(QUAD, SGD(lr=0.5), max_steps=1000, tol=1e-6)
    run.advance(1000)
    assert run.stop.reason is StopReason.CONVERGED
    k = run.stop.step
    row, before = run.history.row(k), run.history.row(k - 1)
    assert math.hypot(row["grad_x"], row["grad_y"]) < 1e-6
    assert math.hypot(row["x"] - before["x"], row["y"] - before["y"]) < 1e-6
    assert math.hypot(before["grad_x"], before["grad_y"]) >= 1e-6 or \
        math.hypot(before["x"] - run.history.row(k - 2)["x"], before["y"] - run.history.row(k - 2)["y"]) >= 1e-6
    # a run that starts at the minimum has converged before its first step
    still = Run(QUAD, SGD(), (0.0, 4.0))
    assert still.advance(10) == 0 and str(still.stop) == "converged at step 0"


def test_momentum_coasting_through_zero_gradient_is_not_convergence():
    # with 1-decimal rounding the gradient at step 1 is exactly zero, but v is not: the run must go on
    run = Run(QUAD, Momentum(lr=0.5, momentum=0.5), (0.0, 0.0), decimals=1, max_steps=20, tol=1e-9)
    run.advance(20)
    zero_grad = [k for k in range(run.step + 1) if run.history.row(k)["grad_x"] == run.history.row(k)["grad_y"] == 0]
    assert zero_grad and run.step > zero_grad[0]


def test_divergence_keeps_the_finite_steps_and_raises_nothing():
    run = Run(QUAD, SGD(lr=1.5), max_steps=1000)
    assert run.advance(1000) < 1000
    assert run.stop.reason is StopReason.DIVERGED
    assert run.step == run.stop.step - 1
    data = run.history.array()
    assert np.isfinite(data).all() and (np.abs(data[:, :2]) < DIVERGENCE_BOUND).all()
    # the dropped step really does leave the bounded region
    params, _ = run.preview()
    assert np.abs(params).max() >= DIVERGENCE_BOUND
    assert run.advance(5) == 0


def test_divergence_to_infinity_inside_the_state():
    # a steep plane: g = 1e200, so AdaGrad's h = g^2 overflows to inf while the position stays finite
    steep = Objective("steep", "steep", "1e200 x", lambda x, y, ops: 1e200 * x, lambda x, y, ops: (1e200, 0.0),
                      (-1.0, 1.0, -1.0, 1.0), (), None, (0.0, 0.0))
    run = Run(steep, AdaGrad(lr=1.0), (0.5, 0.5), max_steps=10)
    assert run.advance(10) == 0
    assert str(run.stop) == "diverged at step 1" and run.step == 0
    assert np.isfinite(run.history.array()).all()


def test_rewind_and_continue_gives_the_same_numbers():
    straight = Run(ROSEN, Adam(lr=0.01), (-1.2, 1.0), max_steps=300, tol=0.0)
    straight.advance(300)
    run = Run(ROSEN, Adam(lr=0.01), (-1.2, 1.0), max_steps=300, tol=0.0)
    run.advance(120)
    run.rewind(37)
    assert run.step == 37
    run.advance(300)
    assert np.array_equal(run.history.array(), straight.history.array())
    assert run.step_back() and run.step == 299
    run.advance(1)
    assert np.array_equal(run.history.array(), straight.history.array())


def test_rewind_with_new_hyperparameters_continues_from_there():
    run = Run(QUAD, Momentum(lr=0.1, momentum=0.9), (3.0, -2.0), max_steps=100, tol=0.0)
    run.advance(40)
    run.rewind(10)
    run.configure(optimizer=Momentum(lr=0.05, momentum=0.5))
    run.advance(5)
    assert run.step == 15
    # steps 11..15 follow the new settings from the recorded state of step 10
    p, v = run.params_at(10), run.state_at(10).v
    for k in range(11, 16):
        g = np.array(QUAD.gradient(*p))
        v = 0.5 * v - 0.05 * g
        p = p + v
        assert np.array_equal(run.params_at(k), p)


def test_changing_the_kind_of_optimizer_or_the_start_restarts():
    run = Run(QUAD, SGD(lr=0.1), max_steps=100)
    run.advance(10)
    run.configure(optimizer=Adam(lr=0.1))
    assert run.step == 0 and run.columns[-1] == "t"
    run.advance(3)
    run.configure(start=(1.0, 1.0))
    assert run.step == 0 and run.params_at(0).tolist() == [1.0, 1.0]
    run.configure(function=ROSEN)
    assert run.history.row(0)["f"] == ROSEN.f(1.0, 1.0)


def test_changing_rounding_recomputes_the_next_gradient():
    run = Run(QUAD, SGD(lr=0.3), max_steps=100)
    run.advance(3)
    unrounded = run.grad_at(3)
    run.configure(decimals=1)
    assert run.step == 3 and run.grad_at(3).tolist() == [round(g, 1) for g in unrounded.tolist()]
    run.advance(1)
    assert run.params_at(4).tolist() == (run.params_at(3) - 0.3 * run.grad_at(3)).tolist()


def test_preview_is_the_next_step_without_taking_it():
    run = Run(ROSEN, Adam(lr=0.05), (-1.2, 1.0), decimals=3, max_steps=100)
    run.advance(7)
    params, state = run.preview()
    assert run.step == 7
    run.advance(1)
    assert np.array_equal(params, run.params_at(8))
    assert np.array_equal(state.m, run.state_at(8).m) and state.t == run.state_at(8).t == 8


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"start": (math.nan, 0.0)}, "start x"),
    ({"start": (0.0, 1e11)}, "start y"),
    ({"start": "here"}, "two numbers"),
    ({"max_steps": -1}, "step limit"),
    ({"tol": -1.0}, "tolerance"),
    ({"decimals": 13}, "decimals"),
])
def test_bad_settings_are_refused(kwargs, message):
    with pytest.raises(InvalidValue, match=message):
        Run(QUAD, SGD(), **{"start": (0.0, 0.0), **kwargs})


def test_rewinding_past_the_end_is_refused():
    run = Run(QUAD, SGD(), max_steps=10)
    run.advance(2)
    with pytest.raises(InvalidValue, match="rewind to step 5"):
        run.rewind(5)


def test_after_a_rewind_the_next_step_uses_the_current_rounding():
    # five steps rounded to 2 decimals, rounding switched off, two steps back, one forward ...
    run = Run(QUAD, SGD(lr=0.3), max_steps=100, decimals=2)
    run.advance(5)
    run.configure(decimals=None)
    run.rewind(3)
    run.advance(1)
    # ... is the same as switching rounding off at step 3: the gradient at step 3 is recomputed unrounded
    other = Run(QUAD, SGD(lr=0.3), max_steps=100, decimals=2)
    other.advance(3)
    other.configure(decimals=None)
    other.advance(1)
    assert np.array_equal(run.history.array(), other.history.array())
    p3 = run.params_at(3)
    assert run.grad_at(3).tolist() == list(QUAD.gradient(*p3))  # not rounded
    assert run.params_at(4).tolist() == (p3 - 0.3 * np.array(QUAD.gradient(*p3))).tolist()


def test_the_settings_that_made_each_update_are_kept():
    run = Run(QUAD, Momentum(lr=0.1), max_steps=100)
    run.advance(4)
    run.configure(optimizer=Momentum(lr=0.2))
    run.advance(3)
    run.configure(optimizer=Momentum(lr=0.3))
    assert [run.optimizer_for(k).lr for k in (1, 4, 5, 7, 8)] == [0.1, 0.1, 0.2, 0.2, 0.3]
    run.rewind(5)  # update 6 onwards will be made with the current settings
    assert [run.optimizer_for(k).lr for k in (5, 6)] == [0.2, 0.3]
    assert [(first, opt.lr) for first, opt in run.segments] == [(1, 0.1), (5, 0.2), (6, 0.3)]
