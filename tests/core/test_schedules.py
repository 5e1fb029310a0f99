"""Learning-rate schedules: torch's closed forms for update k, warm-up, the constant schedule's no-op,
the text and JSON forms, and the rate each update of a run really used."""

import math

import numpy as np
import pytest

from core.batch import run_batch
from core.functions import get_function
from core.hyper import InvalidValue
from core.optimizers import OPTIMIZERS, SGD, Adam
from core.run import Run
from core.schedules import CONSTANT, SCHEDULES, Schedule

QUADRATIC = get_function("quadratic")
ROSENBROCK = get_function("rosenbrock")
N = 400


def _torch_recursive(kind: str, lr: float, params: dict, n: int) -> list[float]:
    """The rates torch's schedulers hand out, from their chainable (recursive) get_lr, for updates 1..n:
    an independent computation of the same schedule (torch's docs call the recursion an approximation
    of the closed form)."""
    rates, current = [lr], lr
    for e in range(1, n):
        if kind == "step":
            current = current * params["gamma"] if e % params["step_size"] == 0 else current
        elif kind == "exponential":
            current = current * params["gamma"]
        elif kind == "cosine":
            t, eta = params["t_max"], params["eta_min"]
            if (e - 1 - t) % (2 * t) == 0:
                current = current + (lr - eta) * (1 - math.cos(math.pi / t)) / 2
            else:
                ratio = (1 + math.cos(math.pi * e / t)) / (1 + math.cos(math.pi * (e - 1) / t))
                current = ratio * (current - eta) + eta
        rates.append(current)
    return rates


CLOSED_FORMS = {  # torch's _get_closed_form_lr and Caffe's inv policy, with e = k - 1 updates before
    "step": lambda lr, e, p: lr * p["gamma"] ** (e // p["step_size"]),
    "exponential": lambda lr, e, p: lr * p["gamma"] ** e,
    "cosine": lambda lr, e, p: p["eta_min"] + (lr - p["eta_min"]) * (1 + math.cos(math.pi * e / p["t_max"])) / 2,
    "inverse-time": lambda lr, e, p: lr * (1 + p["gamma"] * e) ** (-p["power"]),
}
SETTINGS = {"step": {"step_size": 7, "gamma": 0.5}, "exponential": {"gamma": 0.97},
            "cosine": {"t_max": 90, "eta_min": 0.001}, "inverse-time": {"gamma": 0.05, "power": 0.5}}


@pytest.mark.parametrize("kind", list(CLOSED_FORMS))
def test_each_schedule_is_its_closed_form_for_every_update(kind):
    lr, params = 0.3, SETTINGS[kind]
    schedule = Schedule(kind, **params)
    ours = schedule.rates(lr, 1, N)
    assert ours == [CLOSED_FORMS[kind](lr, k - 1, params) for k in range(1, N + 1)]
    if kind != "inverse-time":
        np.testing.assert_allclose(ours, _torch_recursive(kind, lr, params, N), rtol=1e-11, atol=1e-15)


def test_landmarks_of_the_schedules():
    step = Schedule("step", step_size=10, gamma=0.5)
    assert [step.rate(0.8, k) for k in (1, 10, 11, 20, 21)] == [0.8, 0.8, 0.4, 0.4, 0.2]
    cosine = Schedule("cosine", t_max=100, eta_min=0.0)
    assert cosine.rate(0.8, 1) == 0.8 and cosine.rate(0.8, 101) == 0.0
    assert cosine.rate(0.8, 51) == pytest.approx(0.4, rel=1e-15)
    assert cosine.rate(0.8, 201) == pytest.approx(0.8, rel=1e-15)  # torch's cosine climbs again past t_max
    inverse = Schedule("inverse-time", gamma=0.5, power=1.0)
    assert [inverse.rate(1.0, k) for k in (1, 2, 3, 5)] == [1.0, 1 / 1.5, 0.5, 1 / 3]


def test_warmup_climbs_linearly_then_starts_the_schedule():
    schedule = Schedule("exponential", gamma=0.9, warmup=4)
    rates = schedule.rates(0.2, 1, 8)
    assert rates[:4] == [0.2 * (k / 4) for k in (1, 2, 3, 4)] and rates[3] == 0.2
    assert rates[4:] == [0.2 * 0.9**j for j in range(4)]
    assert Schedule.parse("warmup=3").rates(1.5, 1, 5) == [0.5, 1.0, 1.5, 1.5, 1.5]


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_the_constant_schedule_changes_nothing_bit_for_bit(name):
    cls = OPTIMIZERS[name]
    plain = Run(ROSENBROCK, cls(**cls.demo), (-1.2, 1.0), max_steps=150, tol=0.0)
    constant = Run(ROSENBROCK, cls(**cls.demo, schedule=Schedule("constant")), (-1.2, 1.0), max_steps=150, tol=0.0)
    plain.advance(150)
    constant.advance(150)
    assert Schedule("constant") == CONSTANT and CONSTANT.is_constant
    assert constant.columns == plain.columns and np.array_equal(constant.history.array(), plain.history.array())


def test_sgd_takes_each_update_with_that_updates_rate():
    schedule = Schedule("cosine", t_max=20, eta_min=0.01, warmup=5)
    run = Run(QUADRATIC, SGD(lr=0.3, schedule=schedule), (5.0, -3.0), max_steps=40, tol=0.0)
    run.advance(40)
    assert run.columns[-1] == "lr_in_effect"
    for k in range(1, 41):
        rate = schedule.rate(0.3, k)
        assert run.history.row(k - 1)["lr_in_effect"] == rate  # row k-1 holds what update k uses
        assert np.array_equal(run.params_at(k), run.params_at(k - 1) - rate * run.grad_at(k - 1))
    assert SGD(lr=0.3, schedule=schedule).derived((), 7)["lr_in_effect"][1] == schedule.rate(0.3, 7)


def test_adams_bias_corrected_rate_uses_the_scheduled_rate():
    schedule = Schedule("step", step_size=3, gamma=0.5)
    adam = Adam(lr=0.4, schedule=schedule)
    for t in (1, 3, 4, 9):
        base = 0.4 * 0.5 ** ((t - 1) // 3)
        assert adam.lr_t(t) == pytest.approx(base * math.sqrt(1 - 0.999**t) / (1 - 0.9**t), rel=1e-15)


def test_a_schedule_set_mid_run_applies_from_the_next_update_and_fills_the_rates_before():
    run = Run(QUADRATIC, SGD(lr=0.1), (5.0, -3.0), max_steps=50, tol=0.0)
    run.advance(10)
    schedule = Schedule("exponential", gamma=0.5)
    run.configure(optimizer=SGD(lr=0.1, schedule=schedule))
    run.advance(5)
    rates = run.history.column("lr_in_effect").tolist()
    assert rates[:10] == [0.1] * 10  # updates 1..10 used the constant rate
    assert rates[10:] == [schedule.rate(0.1, k) for k in range(11, 17)]
    assert np.array_equal(run.params_at(11), run.params_at(10) - schedule.rate(0.1, 11) * run.grad_at(10))


def test_batch_points_follow_their_scheduled_single_runs():
    schedule = Schedule("inverse-time", gamma=0.1, warmup=3)
    for name in ("nesterov", "adam", "nadam", "lion"):
        cls = OPTIMIZERS[name]
        opt = cls(**cls.demo, schedule=schedule)
        starts = np.array([[-1.0, 2.0], [0.5, 0.5], [1.5, -0.5]])
        result = run_batch(ROSENBROCK, opt, starts, 70, tol=1e-9, trajectory=True)
        for i, start in enumerate(starts):
            run = Run(ROSENBROCK, opt, start, max_steps=70, tol=1e-9)
            run.advance(70)
            assert np.array_equal(result.trajectory[: run.step + 1, i], run.history.points()), name


@pytest.mark.parametrize("text", ["constant", "step:step_size=10,gamma=0.5", "exponential:gamma=0.95",
                                  "cosine:t_max=100,eta_min=0,warmup=10", "inverse-time:gamma=0.01,power=0.5",
                                  "warmup=7"])
def test_text_and_json_forms_read_back(text):
    schedule = Schedule.parse(text)
    assert Schedule.parse(schedule.text) == schedule
    assert Schedule.from_json(schedule.to_json()) == schedule
    assert schedule.kind in SCHEDULES


@pytest.mark.parametrize(("text", "message"), [
    ("linear", "unknown schedule 'linear'"),
    ("step:gamma=2", "gamma = 2 is out of range"),
    ("step:step_size=0", "step_size must be a whole number"),
    ("step:size=3", "expected key=value with a key from step_size, gamma, warmup"),
    ("cosine:t_max=ten", "t_max must be a whole number"),
    ("cosine:eta_min=-1", "eta_min = -1 is out of range"),
    ("exponential:gamma", "expected key=value"),
    ("warmup=-2", "warmup must be a whole number"),
])
def test_bad_schedules_are_refused_with_the_reason(text, message):
    with pytest.raises(InvalidValue, match=message):
        Schedule.parse(text)


def test_json_values_must_have_their_declared_types():
    with pytest.raises(InvalidValue, match="gamma must be a number"):
        Schedule.from_json({"name": "exponential", "gamma": "0.9"})
    with pytest.raises(InvalidValue, match="a schedule must be an object"):
        Schedule.from_json(["cosine"])
    with pytest.raises(InvalidValue, match="schedule must be a Schedule"):
        SGD(schedule="cosine")
