"""Test functions: analytic gradients against central differences, known minima, float/array agreement."""

import math
import zlib

import numpy as np
import pytest

from core.functions import FUNCTIONS, get_function
from core.hyper import InvalidValue

EXPECTED = {"quadratic", "rosenbrock", "beale", "himmelblau", "booth", "matyas", "saddle", "rastrigin", "ackley",
            "six-hump-camel", "goldstein-price", "styblinski-tang", "ill-conditioned"}


def test_the_whole_classic_set_is_there():
    assert set(FUNCTIONS) == EXPECTED
    assert get_function("Six_Hump_Camel").name == "six-hump-camel"
    with pytest.raises(InvalidValue, match="unknown function 'sphere'"):
        get_function("sphere")


def _points(fn, n, seed):
    x0, x1, y0, y1 = fn.view
    rng = np.random.default_rng(seed)
    return rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_gradient_matches_central_differences(name):
    fn = FUNCTIONS[name]
    xs, ys = _points(fn, 400, zlib.crc32(name.encode()))
    gx, gy = fn.gradient(xs, ys)
    for i in range(len(xs)):
        x, y = float(xs[i]), float(ys[i])
        h = 1e-6 * max(1.0, abs(x), abs(y))
        # the 4-point central difference, error O(h^4)
        dx = (-fn.f(x + 2 * h, y) + 8 * fn.f(x + h, y) - 8 * fn.f(x - h, y) + fn.f(x - 2 * h, y)) / (12 * h)
        dy = (-fn.f(x, y + 2 * h) + 8 * fn.f(x, y + h) - 8 * fn.f(x, y - h) + fn.f(x, y - 2 * h)) / (12 * h)
        scale = max(1.0, abs(fn.f(x, y))) * 1e-7 / h  # rounding error of the differences
        assert gx[i] == pytest.approx(dx, rel=1e-5, abs=scale), (x, y)
        assert gy[i] == pytest.approx(dy, rel=1e-5, abs=scale), (x, y)


@pytest.mark.parametrize("name", sorted(EXPECTED - {"saddle"}))
def test_known_minima_are_stationary_minima_with_the_stated_value(name):
    fn = FUNCTIONS[name]
    x0, x1, y0, y1 = fn.view
    for mx, my in fn.minima:
        assert x0 < mx < x1 and y0 < my < y1
        assert fn.f(mx, my) == pytest.approx(fn.minimum, abs=1e-9)
        assert np.hypot(*fn.gradient(mx, my)) < 1e-6
        # a minimum: f is larger a little way off in every direction
        for angle in np.linspace(0, 2 * np.pi, 16, endpoint=False):
            assert fn.f(mx + 1e-3 * np.cos(angle), my + 1e-3 * np.sin(angle)) > fn.f(mx, my)
    grid = np.meshgrid(np.linspace(x0, x1, 301), np.linspace(y0, y1, 301))
    assert fn.f(*grid).min() >= fn.minimum - 1e-9  # nothing on the view grid is lower: they are global


def test_the_saddle_has_no_minimum_and_a_stationary_point_at_the_origin():
    fn = get_function("saddle")
    assert fn.minima == () and fn.minimum is None
    assert fn.gradient(0.0, 0.0) == (0.0, -0.0)
    assert fn.f(0.0, 1.0) < fn.f(0.0, 0.0) < fn.f(1.0, 0.0)


def test_the_notes_function_has_the_notes_formula():
    fn = get_function("quadratic")
    assert fn.minima == ((0.0, 4.0),) and fn.minimum == -16.0
    for x, y in [(0.0, 0.0), (2.0, 4.0), (1.4400000000000002, 2.8800000000000003)]:
        assert fn.f(x, y) == x * x + y * y + x * y - 4.0 * x - 8.0 * y
        assert fn.gradient(x, y) == (2 * x + y - 4.0, 2 * y + x - 8.0)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_float_and_array_evaluation_agree(name):
    fn = FUNCTIONS[name]
    xs, ys = _points(fn, 50, 1)
    values, (gx, gy) = fn.f(xs, ys), fn.gradient(xs, ys)
    for i in range(len(xs)):
        x, y = float(xs[i]), float(ys[i])
        assert values[i] == pytest.approx(fn.f(x, y), rel=1e-14, abs=1e-14)
        assert (gx[i], gy[i]) == pytest.approx(fn.gradient(x, y), rel=1e-14, abs=1e-12)
    assert fn.f(xs.reshape(5, 10), ys.reshape(5, 10)).shape == (5, 10)


def test_default_starts_are_inside_the_view_and_not_at_a_minimum():
    for fn in FUNCTIONS.values():
        x0, x1, y0, y1 = fn.view
        sx, sy = fn.start
        assert x0 <= sx <= x1 and y0 <= sy <= y1
        assert math.hypot(*fn.gradient(sx, sy)) > 1e-3


def test_ackley_gradient_is_finite_at_its_cone_tip():
    fn = get_function("ackley")
    assert fn.gradient(0.0, 0.0) == (0.0, 0.0)
    gx, gy = fn.gradient(np.array([0.0, 1e-300]), np.array([0.0, 0.0]))
    assert np.isfinite(gx).all() and np.isfinite(gy).all()


def test_a_function_names_a_file_safely():
    """Built-in functions by their names; a typed formula by its letters and digits only: a '/' would make
    a folder of the name, '*', ':', '?', '<', '>', '|' and '"' are refused by Windows."""
    from core.functions import file_stem

    assert file_stem(get_function("rosenbrock")) == "rosenbrock"
    assert file_stem(get_function("expr:x^2 + 3*y^2/2 - sin(x*y)")) == "f-x-2-3-y-2-2-sin-x-y"
    long = file_stem(get_function("expr:" + "+".join(f"x*y/{k}" for k in range(2, 22))))
    assert long.startswith("f-x-y-2-x-y-3") and len(long) <= 62 and not long.endswith("-")
    for text in ("1/(1 + x^2 + y^2)", "abs(x)*abs(y)", "(x - 1)**2 + (y + 2)**2", "-x*y", "pi*x + e*y"):
        stem = file_stem(get_function("expr:" + text))
        assert stem.startswith("f-") and set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789.-"), stem
