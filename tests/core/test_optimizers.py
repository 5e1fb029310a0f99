"""Optimizers: declared defaults, closed forms, identities, purity, batching and rounding placement."""

import math
from fractions import Fraction

import numpy as np
import pytest

from core.functions import get_function
from core.hyper import InvalidValue
from core.optimizers import OPTIMIZERS, SGD, AdaGrad, Adam, Momentum, Nesterov, RMSProp, get_optimizer
from core.run import Run

QUADRATIC = get_function("quadratic")
A = np.array([[2.0, 1.0], [1.0, 2.0]])  # the notes' f is (1/2) p.A.p - b.p
B = np.array([4.0, 8.0])
P_STAR = np.linalg.solve(A, B)


NOTES_SIX = {name: cls for name, cls in OPTIMIZERS.items() if cls.notes_rounding}


def test_defaults_and_names_are_the_notes():
    declared = {name: {h.name: h.default for h in cls.hypers} for name, cls in NOTES_SIX.items()}
    assert declared == {
        "sgd": {"lr": 0.01},
        "momentum": {"lr": 0.01, "momentum": 0.9},
        "nesterov": {"lr": 0.01, "momentum": 0.9},
        "adagrad": {"lr": 0.01, "eps": 1e-7},
        "rmsprop": {"lr": 0.01, "gamma": 0.75, "eps": 1e-7},
        "adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-7},
    }
    assert {name: cls.State._fields for name, cls in NOTES_SIX.items()} == {
        "sgd": (), "momentum": ("v",), "nesterov": ("v",), "adagrad": ("h",), "rmsprop": ("h",),
        "adam": ("m", "v", "t")}


@pytest.mark.parametrize(("cls", "values", "message"), [
    (SGD, {"lr": 0.0}, "out of range"),
    (SGD, {"lr": -0.1}, "out of range"),
    (SGD, {"lr": math.inf}, "finite"),
    (SGD, {"lr": math.nan}, "finite"),
    (Momentum, {"momentum": 1.0}, "out of range"),
    (RMSProp, {"gamma": -0.01}, "out of range"),
    (Adam, {"beta2": 1.0}, "out of range"),
    (Adam, {"eps": 0.0}, "out of range"),
    (Adam, {"gamma": 0.5}, "unknown hyperparameter 'gamma' for adam"),
    (SGD, {"lr": "fast"}, "must be a number"),
])
def test_bad_hyperparameters_are_refused_with_the_reason(cls, values, message):
    with pytest.raises(InvalidValue, match=message):
        cls(**values)


def test_optimizers_are_immutable_values():
    opt = Adam(lr=0.5)
    with pytest.raises(AttributeError):
        opt.lr = 0.1
    assert opt.replace(beta1=0.5) == Adam(lr=0.5, beta1=0.5)
    assert opt.lr == 0.5 and opt.replace(beta1=0.5).lr == 0.5
    assert get_optimizer(" ADAM ") is Adam
    with pytest.raises(InvalidValue, match="unknown optimizer"):
        get_optimizer("adamz")


def _run(opt, start, steps, function=QUADRATIC, decimals=None):
    run = Run(function, opt, start, decimals=decimals, max_steps=steps, tol=0.0)
    run.advance(steps)
    return run.history.points()


def test_sgd_on_the_quadratic_is_exact_in_rational_arithmetic():
    # with lr = 1/2 every iterate is a dyadic rational, so floats hold them exactly for dozens of steps
    p = (Fraction(0), Fraction(0))
    exact = [p]
    for _ in range(40):
        gx, gy = 2 * p[0] + p[1] - 4, 2 * p[1] + p[0] - 8
        p = (p[0] - gx / 2, p[1] - gy / 2)
        exact.append(p)
    points = _run(SGD(lr=0.5), (0.0, 0.0), 40)
    assert [tuple(map(Fraction, row)) for row in points.tolist()] == exact


def test_sgd_matches_the_closed_form_of_gradient_descent_on_a_quadratic():
    lr, start, k = 0.1, np.array([-3.0, 7.0]), np.arange(60)
    closed = np.array([P_STAR + np.linalg.matrix_power(np.eye(2) - lr * A, n) @ (start - P_STAR) for n in k])
    np.testing.assert_allclose(_run(SGD(lr=lr), start, 59), closed, rtol=0, atol=1e-12)


def test_momentum_matches_the_linear_recurrence_in_closed_form():
    # z = (p, v): v' = mu v - lr (A p - b), p' = p + v'.  As one affine map, applied by matrix powers.
    lr, mu = 0.05, 0.8
    t = np.zeros((5, 5))
    t[2:4, 0:2], t[2:4, 2:4], t[2:4, 4] = -lr * A, mu * np.eye(2), lr * B
    t[0:2, 0:2], t[0:2, 2:4], t[0:2, 4] = np.eye(2) - lr * A, mu * np.eye(2), lr * B
    t[4, 4] = 1.0
    z0 = np.array([5.0, -2.0, 0.0, 0.0, 1.0])
    closed = np.array([(np.linalg.matrix_power(t, n) @ z0)[:2] for n in range(80)])
    np.testing.assert_allclose(_run(Momentum(lr=lr, momentum=mu), (5.0, -2.0), 79), closed, rtol=0, atol=1e-10)


@pytest.mark.parametrize("cls", [Momentum, Nesterov])
def test_zero_momentum_is_sgd_bit_for_bit(cls):
    fn = get_function("rosenbrock")
    assert np.array_equal(_run(cls(lr=0.001, momentum=0.0), (-1.2, 1.0), 300, fn),
                          _run(SGD(lr=0.001), (-1.2, 1.0), 300, fn))


def test_adam_with_zero_beta1_is_bias_corrected_rmsprop():
    fn, lr, b2, eps = get_function("beale"), 0.01, 0.9, 1e-7
    run = Run(fn, Adam(lr=lr, beta1=0.0, beta2=b2, eps=eps), (1.0, 1.5), max_steps=200, tol=0.0)
    run.advance(200)
    h = np.zeros(2)
    for t in range(1, 201):
        g, p = run.grad_at(t - 1), run.params_at(t - 1)
        h = b2 * h + (1 - b2) * g * g  # RMSProp's accumulator with gamma = beta2
        expected = p - lr * math.sqrt(1 - b2**t) * g / np.sqrt(h + eps)
        np.testing.assert_allclose(run.params_at(t), expected, rtol=1e-12, atol=1e-14)


def test_adam_bias_corrected_rate_has_its_closed_form():
    opt = Adam(lr=0.001, beta1=0.9, beta2=0.999)
    assert opt.lr_t(1) == pytest.approx(0.001 * math.sqrt(0.001) / 0.1, rel=1e-15)
    assert opt.lr_t(10_000) == pytest.approx(0.001 * math.sqrt(1 - 0.999**10_000) / (1 - 0.9**10_000), rel=1e-15)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_update_is_pure_and_batches_like_single_points(name):
    opt = OPTIMIZERS[name](lr=0.05)
    rng = np.random.default_rng(7)
    params, grads = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    state = opt.init(params)
    state = opt.update(grads, state, params)[1]  # a non-trivial state
    frozen = [params.copy(), grads.copy(), *(np.array(s, copy=True) for s in state)]
    new_params, new_state = opt.update(grads, state, params)
    for before, now in zip(frozen, [params, grads, *state], strict=True):
        assert np.array_equal(before, now)  # nothing was modified in place
    assert type(new_state) is type(state) and new_params.shape == (5, 2)
    for i in range(5):
        row_state = type(state)(*(s[i] if np.ndim(s) else s for s in state))
        p_i, s_i = opt.update(grads[i], row_state, params[i])
        assert np.array_equal(p_i, new_params[i])
        for a, b in zip(s_i, new_state, strict=True):
            assert np.array_equal(a, b[i] if np.ndim(b) else b)


def test_rounding_happens_only_where_the_notes_round():
    p, g = np.array([1.0, 2.0]), np.array([0.123456, -0.654321])
    sgd = SGD(lr=0.1, decimals=2)
    assert np.array_equal(sgd.update(g, sgd.init(p), p)[0], p - 0.1 * g)  # SGD rounds nothing itself
    mom = Momentum(lr=0.1, momentum=0.5, decimals=2)
    new_p, state = mom.update(g, mom.init(p), p)
    assert np.array_equal(state.v, -0.1 * g) and np.array_equal(new_p, p + -0.1 * g)
    ada = AdaGrad(lr=0.1, decimals=2)
    new_p, state = ada.update(g, ada.init(p), p)
    h = [round(gi * gi, 2) for gi in g.tolist()]
    assert state.h.tolist() == h
    assert new_p.tolist() == [round(pi - 0.1 * gi / (math.sqrt(hi) + 1e-7), 2)
                              for pi, gi, hi in zip(p.tolist(), g.tolist(), h, strict=True)]
    adam = Adam(lr=0.1, decimals=3)
    new_p, state = adam.update(g, adam.init(p), p)
    assert state.m.tolist() == [round(0.1 * gi, 3) for gi in g.tolist()]
    assert state.t == 1 and all(round(v, 3) == v for v in new_p.tolist())


def test_derived_quantities_follow_their_definitions():
    state = AdaGrad.State(np.array([4.0, 16.0]))
    (_meaning, value), = AdaGrad(lr=0.5, eps=1e-7).derived(state).values()
    assert value == pytest.approx((0.5 / (2 + 1e-7), 0.5 / (4 + 1e-7)), rel=1e-15)
    adam = Adam(lr=0.9)
    derived = adam.derived(Adam.State(np.zeros(2), np.array([0.016, 0.064]), 1))
    assert derived["lr_t"][1] == pytest.approx(0.9 * math.sqrt(0.001) / 0.1)
    assert derived["step_size"][1][0] == pytest.approx(derived["lr_t"][1] / math.sqrt(0.016 + 1e-7))
    assert adam.derived(adam.init(np.zeros(2))) == {}
