"""The optimizers beyond the notes (torch.optim's definitions, Lion's paper): hand-computed steps,
closed forms and identities; and what every optimizer, old or new, must declare."""

import math
from fractions import Fraction

import numpy as np
import pytest

from core.functions import Objective, get_function
from core.hyper import InvalidValue
from core.optimizers import OPTIMIZERS, AdaDelta, Adamax, AdamW, AMSGrad, Lion, NAdam, RAdam
from core.run import Run

from .lecture_notes import read_tables

QUADRATIC = get_function("quadratic")
ROSENBROCK = get_function("rosenbrock")


def _run(opt, start, steps, function=QUADRATIC, decimals=None):
    run = Run(function, opt, start, decimals=decimals, max_steps=steps, tol=0.0)
    run.advance(steps)
    return run


def _plane(gx, gy):
    """f = gx·x + gy·y: the same gradient everywhere."""
    return Objective("plane", "plane", "linear", lambda x, y, ops: gx * x + gy * y, lambda x, y, ops: (gx, gy),
                     (-1.0, 1.0, -1.0, 1.0), (), None, (0.0, 0.0))


# -- what every optimizer declares ---------------------------------------------------------------

@pytest.mark.parametrize("cls", OPTIMIZERS.values(), ids=list(OPTIMIZERS))
def test_every_optimizer_declares_itself_fully(cls):
    assert cls.title and cls.formula and cls.about and cls.source and cls.demo
    assert "lr" in {h.name for h in cls.hypers}  # a schedule needs a learning rate to scale
    for h in cls.hypers:
        assert h.symbol and h.meaning and h.contains(h.default)
    assert set(cls.demo) <= {h.name for h in cls.hypers}
    assert set(cls.field_meanings) == set(cls.fields)
    assert cls.State._fields == cls.fields + (("t",) if cls.counts_steps else ())
    assert cls().init(np.zeros(2)) is not None and cls(**cls.demo) == cls(**cls.demo)


def test_the_notes_rounding_belongs_to_the_notes_six_only_and_they_come_first():
    notes = [t.optimizer.lower() for t in read_tables()]
    assert [name for name, cls in OPTIMIZERS.items() if cls.notes_rounding] == notes
    assert list(OPTIMIZERS)[: len(notes)] == notes
    assert list(OPTIMIZERS)[len(notes):] == ["adamw", "nadam", "radam", "amsgrad", "adadelta", "adamax", "lion"]
    for cls in OPTIMIZERS.values():
        note = cls.rounding_note()
        assert (note == "") == cls.notes_rounding
        assert cls.notes_rounding or (cls.title in note and "notes' six" in note)


@pytest.mark.parametrize("name", [n for n, c in OPTIMIZERS.items() if not c.notes_rounding])
def test_decimals_are_ignored_beyond_the_notes(name):
    cls = OPTIMIZERS[name]
    rounded, plain = (_run(cls(**cls.demo), (0.123456, -0.654321), 40, ROSENBROCK, d) for d in (3, None))
    assert rounded.decimals == 3 and rounded.optimizer.decimals_in_effect is None
    assert np.array_equal(rounded.history.array(), plain.history.array())
    values = rounded.history.array(["x", "grad_x"]).ravel().tolist()
    assert sum(v != round(v, 3) for v in values) > len(values) // 2  # really not rounded


def test_decimals_do_round_the_notes_optimizers():
    run = _run(OPTIMIZERS["adam"](lr=0.1), (2.3, -1.7), 5, ROSENBROCK, 3)
    assert run.optimizer.decimals_in_effect == 3
    assert all(run.history.row(k)["x"] == round(run.history.row(k)["x"], 3) for k in range(1, 6))


def _outside(h):
    """Values just outside a hyperparameter's range, and values that are no number at all."""
    low = h.low if h.low_open else math.nextafter(h.low, -math.inf)
    high = h.high if h.high_open else math.nextafter(h.high, math.inf)
    return [low, high, math.nan, math.inf, "0.1", True]


@pytest.mark.parametrize("cls", OPTIMIZERS.values(), ids=list(OPTIMIZERS))
def test_every_hyperparameter_refuses_values_outside_its_range(cls):
    for h in cls.hypers:
        for value in _outside(h):
            with pytest.raises(InvalidValue, match=h.name):
                cls(**{h.name: value})
        cls(**{h.name: h.high if not h.high_open else math.nextafter(h.high, -math.inf)})  # the edge is fine


@pytest.mark.parametrize("cls", OPTIMIZERS.values(), ids=list(OPTIMIZERS))
def test_the_first_step_goes_downhill_against_the_gradient(cls):
    # from zero state every one of them moves each coordinate against the gradient's sign, and f falls
    start, gradient = (0.0, 0.0), np.array(QUADRATIC.gradient(0.0, 0.0))  # (-4, -8)
    run = _run(cls(lr=0.01), start, 1)
    step = run.params_at(1) - np.array(start)
    assert (np.sign(step) == -np.sign(gradient)).all()
    assert run.history.row(1)["f"] < run.history.row(0)["f"]


# -- AdamW and AMSGrad: torch's Adam ------------------------------------------------------------

def _torch_adam_reference(function, start, steps, lr, b1, b2, eps):
    """torch.optim.Adam's documented update, written out here on floats: the independent reference."""
    p, m, v, points = list(start), [0.0, 0.0], [0.0, 0.0], [tuple(start)]
    for t in range(1, steps + 1):
        g = function.gradient(*p)
        for i in range(2):
            m[i] = m[i] + (1 - b1) * (g[i] - m[i])  # lerp with a weight below 1/2
            v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i]
            denom = math.sqrt(v[i]) / (1 - b2**t) ** 0.5 + eps
            p[i] = p[i] + -(lr / (1 - b1**t)) * m[i] / denom
        points.append(tuple(p))
    return np.array(points)


def test_adamw_without_weight_decay_is_torchs_adam_bit_for_bit():
    run = _run(AdamW(lr=0.02, weight_decay=0.0), (-1.2, 1.0), 300, ROSENBROCK)
    expected = _torch_adam_reference(ROSENBROCK, (-1.2, 1.0), 300, 0.02, 0.9, 0.999, 1e-8)
    assert np.array_equal(run.history.points(), expected)


def test_adamw_first_step_is_decay_then_a_sign_sized_step():
    eta, lam, eps, p0 = 0.1, 0.5, 1e-8, np.array([1.0, 3.0])
    g = np.array(QUADRATIC.gradient(*p0))  # (1, -1)
    run = _run(AdamW(lr=eta, weight_decay=lam, eps=eps), p0, 1)
    # m = (1-β₁)g and v = (1-β₂)g², bias-corrected back to g and g²: the step is η·g/(|g| + ε)
    expected = p0 * (1 - eta * lam) - eta * g / (np.abs(g) + eps)
    np.testing.assert_allclose(run.params_at(1), expected, rtol=1e-15)
    assert run.state_at(1).t == 1


def test_amsgrad_is_adam_while_v_never_decreases():
    # a constant gradient makes v = (1-β₂ᵗ)g² rise every step: the maximum is v itself
    plane = _plane(3.0, -2.0)
    ams, adam = (_run(cls(lr=0.05), (0.5, 0.5), 200, plane) for cls in (AMSGrad, lambda lr: AdamW(lr=lr,
                                                                                                  weight_decay=0)))
    assert np.array_equal(ams.history.points(), adam.history.points())
    assert np.array_equal(ams.state_at(200).v_max, ams.state_at(200).v)


def test_amsgrad_parts_from_adam_exactly_where_v_first_decreases():
    ams = _run(AMSGrad(lr=0.01), (-1.2, 1.0), 400, ROSENBROCK)
    adam = _run(AdamW(lr=0.01, weight_decay=0.0), (-1.2, 1.0), 400, ROSENBROCK)
    v = ams.history.array(["v_x", "v_y"])
    first_drop = next(k for k in range(2, 401) if (v[k] < v[: k].max(axis=0)).any())
    assert np.array_equal(ams.history.points()[:first_drop], adam.history.points()[:first_drop])
    assert not np.array_equal(ams.params_at(first_drop), adam.params_at(first_drop))


def test_amsgrad_divides_by_the_largest_v_seen():
    opt, p = AMSGrad(lr=0.5, beta1=0.5, beta2=0.5, eps=1e-8), np.zeros(2)
    state = opt.init(p)
    p1, state = opt.update(np.array([10.0, 10.0]), state, p)
    p2, state = opt.update(np.array([1.0, 1.0]), state, p1)
    # v: 0.5·100 = 50, then 0.5·50 + 0.5·1 = 25.5; v_max stays 50; m: 5, then 3
    assert state.v.tolist() == [25.5, 25.5] and state.v_max.tolist() == [50.0, 50.0] and state.m.tolist() == [3, 3]
    expected = p1[0] - 0.5 / (1 - 0.25) * 3.0 / (math.sqrt(50.0) / math.sqrt(1 - 0.25) + 1e-8)
    assert p2[0] == pytest.approx(expected, rel=1e-15)


# -- NAdam --------------------------------------------------------------------------------------

def test_nadam_first_step_and_its_momentum_product():
    eta, b1, psi, eps = 0.1, 0.9, 4e-3, 1e-8
    p0 = np.array([1.0, 3.0])
    g = np.array(QUADRATIC.gradient(*p0))
    run = _run(NAdam(lr=eta), p0, 2)
    mu1, mu2 = b1 * (1 - 0.5 * 0.96**psi), b1 * (1 - 0.5 * 0.96 ** (2 * psi))
    d = np.abs(g) + eps  # √(v/(1-β₂)) with v = (1-β₂)g²
    expected = p0 - eta * g / d - eta * mu2 / (1 - mu1 * mu2) * (1 - b1) * g / d
    np.testing.assert_allclose(run.params_at(1), expected, rtol=1e-14)
    mu3 = b1 * (1 - 0.5 * 0.96 ** (3 * psi))
    assert run.state_at(1).mu_product.tolist() == [mu1, mu1]
    assert run.state_at(2).mu_product.tolist() == pytest.approx([mu1 * mu2] * 2, rel=1e-15)
    assert mu1 < mu2 < mu3 < b1  # the momentum coefficient warms up towards β₁


def test_nadam_keeps_its_product_across_a_change_of_beta1_as_torch_does():
    run = Run(QUADRATIC, NAdam(lr=0.05), (1.0, 3.0), max_steps=10, tol=0.0)
    run.advance(3)
    before = run.state_at(3).mu_product[0]
    run.configure(optimizer=NAdam(lr=0.05, beta1=0.5))
    run.advance(1)
    assert run.state_at(4).mu_product[0] == before * (0.5 * (1 - 0.5 * 0.96 ** (4 * 4e-3)))


# -- RAdam --------------------------------------------------------------------------------------

def _first_rectified_step(b2: Fraction) -> int:
    """The first t with ρ_t > 5, in exact rational arithmetic."""
    rho_inf = 2 / (1 - b2) - 1
    return next(t for t in range(1, 1000) if rho_inf - 2 * t * b2**t / (1 - b2**t) > 5)


def test_radam_takes_momentum_steps_until_rho_exceeds_five():
    t_star = _first_rectified_step(Fraction(999, 1000))
    assert t_star == 6
    eta = 0.001
    run = _run(RAdam(lr=eta), (-1.2, 1.0), 10, ROSENBROCK)
    for t in range(1, 11):
        m = run.state_at(t).m
        plain = run.params_at(t - 1) - m / (1 - 0.9**t) * eta
        assert np.array_equal(run.params_at(t), plain) == (t < t_star), t
    state = run.state_at(t_star)
    rho_inf = 2 / (1 - 0.999) - 1
    rho = rho_inf - 2 * t_star * 0.999**t_star / (1 - 0.999**t_star)
    rect = math.sqrt((rho - 4) * (rho - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho))
    adaptive = math.sqrt(1 - 0.999**t_star) / (np.sqrt(state.v) + 1e-8)
    expected = run.params_at(t_star - 1) - state.m / (1 - 0.9**t_star) * eta * adaptive * rect
    np.testing.assert_allclose(run.params_at(t_star), expected, rtol=1e-14)
    derived = RAdam(lr=eta).derived(state)
    assert derived["rectification"][1] == pytest.approx(rect, rel=1e-13)
    assert RAdam(lr=eta).derived(run.state_at(t_star - 1))["rectification"][1] == 0.0


# -- AdaDelta, Adamax, Lion ---------------------------------------------------------------------

def test_adadelta_first_step_is_root_eps_sized():
    rho, eps, p0 = 0.9, 1e-6, np.array([1.0, 3.0])
    g = np.array(QUADRATIC.gradient(*p0))  # (1, -1)
    run = _run(AdaDelta(), p0, 1)
    delta = math.sqrt(eps) / np.sqrt((1 - rho) * g * g + eps) * g
    np.testing.assert_allclose(run.params_at(1), p0 - delta, rtol=1e-15)
    state = run.state_at(1)
    np.testing.assert_allclose(state.h, (1 - rho) * g * g, rtol=1e-15)
    np.testing.assert_allclose(state.u, (1 - rho) * delta * delta, rtol=1e-15)


def test_adamax_u_is_a_decaying_maximum_of_the_gradient_size():
    opt, eps = Adamax(lr=0.25, beta1=0.5, beta2=0.5), 1e-8
    p, state = np.zeros(2), opt.init(np.zeros(2))
    p1, state = opt.update(np.array([-8.0, 8.0]), state, p)
    assert state.u.tolist() == [8.0 + eps] * 2
    np.testing.assert_allclose(p1, [0.25 * 8 / (8 + eps), -0.25 * 8 / (8 + eps)], rtol=1e-15)
    _, state = opt.update(np.array([1.0, 1.0]), state, p1)
    assert state.u.tolist() == [(8.0 + eps) * 0.5] * 2  # the big gradient still rules, halved
    _, state = opt.update(np.array([5.0, 5.0]), state, p1)
    assert state.u.tolist() == [5.0 + eps] * 2


def test_lion_moves_each_coordinate_by_exactly_eta():
    eta = 1 / 16  # with a dyadic rate from a dyadic start every step is exact
    run = _run(Lion(lr=eta), (-1.0, 2.0), 200, ROSENBROCK)
    steps = np.diff(run.history.points(), axis=0)
    assert set(np.abs(steps).ravel().tolist()) <= {0.0, eta}
    assert (np.abs(steps) == eta).mean() > 0.9


def test_lion_hand_computed_step_with_weight_decay_and_a_zero_gradient():
    opt, p0 = Lion(lr=0.5, weight_decay=0.25), np.array([1.0, 2.0])
    g = np.array(QUADRATIC.gradient(*p0))  # (0, -3): sign(0) = 0
    p1, state = opt.update(g, opt.init(p0), p0)
    assert p1.tolist() == [1.0 - 0.5 * (0 + 0.25 * 1.0), 2.0 - 0.5 * (-1 + 0.25 * 2.0)] == [0.875, 2.25]
    assert state.m.tolist() == [0.0, (1 - 0.99) * -3.0]
