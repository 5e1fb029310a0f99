"""Lecture-notes rounding agrees with Python's round() on every element, where numpy.round does not."""

import numpy as np
import pytest

from core.numerics import MAX_DECIMALS, ArrayOps, FloatOps, round_array


def _same_bits(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return (a.view(np.int64) == b.view(np.int64)) | (np.isnan(a) & np.isnan(b))


def _hard_values(decimals, rng):
    """Random values at many scales, plus decimal half-way points and their neighbouring floats."""
    spread = rng.standard_normal(60_000) * 10.0 ** rng.integers(-8, 9, 60_000)
    k = rng.integers(-10**7, 10**7, 20_000)
    halves = (k + 0.5) / 10.0**decimals
    specials = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 2.675, 1.005, 0.125, 0.375, 1e16, -1e300, 5e-324, 2.0**52 + 1,
                np.inf, -np.inf, np.nan]
    return np.concatenate([spread, halves, np.nextafter(halves, np.inf), np.nextafter(halves, -np.inf), specials])


@pytest.mark.parametrize("decimals", range(MAX_DECIMALS + 1))
def test_round_array_matches_python_round_bit_for_bit(decimals):
    values = _hard_values(decimals, np.random.default_rng(decimals))
    expected = np.array([round(v, decimals) for v in values.tolist()])
    assert _same_bits(round_array(values, decimals), expected).all()


def test_numpy_round_would_not_do():
    # why round_array exists: the float 2.675 is just below 2.675, so round() gives 2.67, numpy.round 2.68
    assert round(2.675, 2) == 2.67
    assert np.round(2.675, 2) == 2.68
    assert round_array([2.675], 2)[0] == 2.67
    values = _hard_values(4, np.random.default_rng(99))
    expected = np.array([round(v, 4) for v in values.tolist()])
    assert (~_same_bits(np.round(values, 4), expected)).sum() > 100


def test_round_array_keeps_shape_and_leaves_input_alone():
    values = np.array([[0.12345, 1.23456], [-9.87654, 5.55555]])
    before = values.copy()
    out = round_array(values, 3)
    assert out.shape == (2, 2)
    assert np.array_equal(values, before)
    assert out.tolist() == [[round(v, 3) for v in row] for row in before.tolist()]


def test_decimals_out_of_range_is_refused():
    with pytest.raises(ValueError, match="decimals"):
        round_array([1.0], MAX_DECIMALS + 1)


def test_float_and_array_namespaces_round_alike():
    assert FloatOps(4).round(0.12345) == round(0.12345, 4)
    assert ArrayOps(4).round(np.array([0.12345]))[0] == round(0.12345, 4)
    assert FloatOps(None).round(0.123456789) == 0.123456789
    assert ArrayOps().div0(np.array([1.0, 2.0]), np.array([0.0, 4.0])).tolist() == [0.0, 0.5]
    assert FloatOps().div0(1.0, 0.0) == 0.0


@pytest.mark.parametrize("decimals", [0, 1, 2, 4, 6, 9, MAX_DECIMALS])
def test_numpy_kind_of_rounding_is_what_round_does_on_a_numpy_float(decimals):
    from core.numerics import round_numpy, round_numpy_array

    values = _hard_values(decimals, np.random.default_rng(100 + decimals))
    with np.errstate(over="ignore", invalid="ignore"):  # numpy warns of -1e300 * 10**9; so do we not
        expected = np.array([round(np.float64(v), decimals) for v in values.tolist()])  # numpy's __round__
    assert _same_bits(round_numpy_array(values, decimals), expected).all()
    assert _same_bits([round_numpy(v, decimals) for v in values.tolist()], expected).all()
    # and the two kinds really are different functions on these values
    python = np.array([round(v, decimals) for v in values.tolist()])
    assert decimals == 0 or (~_same_bits(python, expected)).sum() > 10  # (multiplying by 1 is exact)


def test_square_is_pow_bit_for_bit_on_floats_and_arrays():
    from core.numerics import square, square_array

    rng = np.random.default_rng(5)
    values = np.concatenate([rng.uniform(-100, 100, 100_000), rng.standard_normal(20_000) * 10.0 ** rng.integers(
        -160, 160, 20_000), [0.0, -0.0, 1e-300, 1e200, -1e200, np.inf, -np.inf, np.nan, 5e-324]])
    expected = np.array([square(v) for v in values.tolist()])
    with np.errstate(all="ignore"):
        pythons = []
        for v in values.tolist():
            try:
                pythons.append(v**2)
            except OverflowError:
                pythons.append(np.inf)
    assert _same_bits(expected, pythons).all()
    assert _same_bits(square_array(values), expected).all()
    assert square(1e200) == np.inf
    # pow is not always the correctly rounded product, which is why the notes' g**2 is kept as pow
    assert (values[:100_000] ** 2 != np.array([square(v) for v in values[:100_000].tolist()])).sum() > 10
